"""DIET that leaves button payloads ("/affirm", '/dont_know{"question_id": ...}') to the RegexMessageHandler.

Most turns are button presses. Their intent is fixed by the payload: Rasa's RegexMessageHandler, the
last NLU node, replaces whatever the classifiers said with the payload's intent. DIET still ran its
TensorFlow model on them, about 10 ms of CPU a turn in the one Rasa process. Here a payload naming an
intent DIET was trained on gets that intent at once; typed text, and any odd "/..." text, go through
DIET as before. Training is DIET's own, unchanged.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.nlu.classifiers.diet_classifier import DIETClassifier
from rasa.shared.constants import INTENT_MESSAGE_PREFIX
from rasa.shared.core.training_data.story_reader.yaml_story_reader import YAMLStoryReader
from rasa.shared.nlu.constants import INTENT, INTENT_NAME_KEY, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

# The RegexMessageHandler's own pattern, so both agree on what a payload is.
PAYLOAD = YAMLStoryReader._regex_message_pattern()


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER, DefaultV1Recipe.ComponentType.ENTITY_EXTRACTOR],
    is_trainable=True,
)
class PayloadAwareDIET(DIETClassifier):
    """DIETClassifier that skips its model for payloads of known intents."""

    def payload_intent(self, message: Message) -> str | None:
        text = (message.get(TEXT) or "").strip()
        if not text.startswith(INTENT_MESSAGE_PREFIX):
            return None
        match = PAYLOAD.match(text)
        name = match.group(INTENT_NAME_KEY).strip() if match else None
        # Only intents DIET knows are surely domain intents the RegexMessageHandler will accept;
        # anything else is classified as typed text, as before.
        return name if name in self.index_label_id_mapping.values() else None

    def process(self, messages: list[Message]) -> list[Message]:
        typed = []
        for message in messages:
            intent = self.payload_intent(message)
            if intent is None:
                typed.append(message)
                continue
            # Confidence 1.0, as the RegexMessageHandler gives, so the FallbackClassifier leaves it alone.
            label = {INTENT_NAME_KEY: intent, "confidence": 1.0}
            message.set(INTENT, label, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [label], add_to_output=True)
        super().process(typed)
        return messages
