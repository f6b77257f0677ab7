"""The action-response check Rasa runs on every custom action still refuses what it refused, with the
same message, now that bot/components/action_validation.py reuses its validator. (PayloadAwareDIET is
covered by the test stories and the vignette play-through: every button turn goes through it.)"""

from __future__ import annotations

import jsonschema
import pytest
from rasa.core.actions.action import RemoteAction

from bot.components import action_validation


@pytest.fixture
def remote_action() -> RemoteAction:
    action_validation.install()
    return RemoteAction("action_assess", None)


def test_the_patch_is_what_rasa_calls(remote_action):
    assert RemoteAction._validate_action_result is action_validation.validate_action_result


@pytest.mark.parametrize(
    "reply",
    [
        {"events": [], "responses": []},
        {"events": [{"event": "slot", "name": "stage", "value": "advice"}], "responses": [{"text": "hello"}]},
    ],
)
def test_valid_action_replies_pass(remote_action, reply):
    assert remote_action._validate_action_result(reply) is True


@pytest.mark.parametrize(
    "reply",
    [
        {"events": "not a list", "responses": []},
        {"events": [{"no_event_key": 1}], "responses": []},
        {"events": [], "responses": "not a list"},
    ],
)
def test_invalid_action_replies_are_refused_as_rasa_refuses_them(remote_action, reply):
    with pytest.raises(jsonschema.ValidationError) as ours:
        remote_action._validate_action_result(reply)
    with pytest.raises(jsonschema.ValidationError) as rasas:
        jsonschema.validate(reply, RemoteAction.action_response_format_spec())
    assert ours.value.message.startswith(rasas.value.message)
    assert "Failed to validate Action server response" in ours.value.message
