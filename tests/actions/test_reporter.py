"""Who is asking: role, audience and the immediate-danger question that always comes first."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet
from trackers import tracker

from actions.reporter import ROLE_BUTTONS, ActionSetReporter
from actions.safety import YES_NO_DONT_KNOW

pytestmark = pytest.mark.asyncio


def said(text: str, intent: str, entities: list | None = None) -> dict:
    return {"text": text, "intent": {"name": intent, "confidence": 0.9}, "entities": entities or []}


@pytest.mark.parametrize(
    ("text", "intent", "role", "audience", "question"),
    [
        (
            "I'm a teacher at a primary school",
            "i_am_professional",
            "teacher",
            "professional",
            "First: is the child in immediate danger right now?",
        ),
        (
            "I'm the school nurse",
            "i_am_professional",
            "school_nurse",
            "professional",
            "First: is the child in immediate danger right now?",
        ),
        (
            "I am the DSL",
            "i_am_professional",
            "dsl",
            "professional",
            "First: is the child in immediate danger right now?",
        ),
        ("I'm a neighbour", "i_am_public", "public", "public", "First: is the child in danger right now?"),
        ("I'm his mum", "i_am_parent", "parent", "public", "First: is the child in danger right now?"),
        ("im 13", "i_am_child", "child", "child", "First: are you in danger right now?"),
    ],
)
async def test_role_and_audience_then_the_danger_question(dispatcher, text, intent, role, audience, question):
    events = await ActionSetReporter().run(
        dispatcher, tracker("tracker_teacher_worry", latest_message=said(text, intent)), {}
    )

    assert events == [SlotSet("reporter_role", role), SlotSet("audience", audience), SlotSet("stage", "danger")]
    assert dispatcher.messages[0]["text"] == question
    assert dispatcher.messages[0]["buttons"] == YES_NO_DONT_KNOW


async def test_role_button_entity_wins(dispatcher):
    message = said(
        '/i_am_professional{"role": "health_visitor"}',
        "i_am_professional",
        [{"entity": "role", "value": "health_visitor"}],
    )
    events = await ActionSetReporter().run(dispatcher, tracker("tracker_teacher_worry", latest_message=message), {})

    assert events[0] == SlotSet("reporter_role", "health_visitor")


async def test_an_unnamed_profession_is_asked_for_before_anything_else(dispatcher):
    message = said("I'm a professional", "i_am_professional")
    events = await ActionSetReporter().run(dispatcher, tracker("tracker_teacher_worry", latest_message=message), {})

    assert events == [SlotSet("stage", "who")]
    assert dispatcher.messages[0]["buttons"] == ROLE_BUTTONS
