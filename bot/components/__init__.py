"""The bot's own Rasa components, imported by Rasa when it loads the model (see bot/config.yml)."""

from . import action_validation

# Here rather than in a graph node: the patch must be in place before the first custom action runs,
# and importing this package is the one hook every Rasa process serving this bot goes through.
action_validation.install()
