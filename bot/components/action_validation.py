"""Validates custom-action responses with a validator built once, not once per call.

Rasa 3.6 checks every action-server response with `jsonschema.validate(response, schema)`, which
first re-checks the constant schema against the JSON Schema meta-schema: about 35 ms of CPU per
custom action on this machine, roughly a third of a turn, and it serialises concurrent conversations
in the one Rasa process. Checking the schema once and reusing the validator keeps the same check
(same schema, same best-matching error, same message) at about 1 ms.

Installed when the `components` package is imported, i.e. when Rasa loads the model's custom NLU
component; it touches only the Rasa process.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from jsonschema.exceptions import best_match
from jsonschema.validators import validator_for
from rasa.core.actions.action import RemoteAction
from rasa.shared.constants import DOCS_BASE_URL


@cache
def _response_validator() -> Any:
    schema = RemoteAction.action_response_format_spec()
    validator_class = validator_for(schema)
    validator_class.check_schema(schema)  # once, as jsonschema.validate would on every call
    return validator_class(schema)


def validate_action_result(self: RemoteAction, result: dict[str, Any]) -> bool:
    """Rasa's RemoteAction._validate_action_result, with the validator reused."""
    error = best_match(_response_validator().iter_errors(result))
    if error is None:
        return True
    error.message += (
        ". Failed to validate Action server response from API, "
        "make sure your response from the Action endpoint is valid. "
        f"For more information about the format visit {DOCS_BASE_URL}/custom-actions"
    )
    raise error


def install() -> None:
    RemoteAction._validate_action_result = validate_action_result  # type: ignore[method-assign]
