"""The worry, the API's questions and the recommendation, from tracker fixtures with exact events."""

from __future__ import annotations

import pytest
from rasa_sdk.events import SlotSet
from trackers import load_json, tracker

from actions import wording
from actions.assessment import ActionAskWorry, ActionAssess, ActionChangeAnswer
from actions.safety import answer_buttons

NARRATIVE = "A 9 year old girl in my class has bruises on her arms and said her dad hit her with a belt."
QUESTION = "Have you seen marks or injuries on the child?"

pytestmark = pytest.mark.asyncio


async def test_worry_is_sent_and_the_apis_first_question_asked(api, dispatcher):
    events = await ActionAssess().run(dispatcher, tracker("tracker_teacher_worry"), {})

    assert api.assessment_requests == [{"reporter_role": "teacher", "narrative": NARRATIVE, "answers": {}}]
    assert events == [
        SlotSet("narrative", NARRATIVE),
        SlotSet("answers", {}),
        SlotSet("pending_question", None),
        SlotSet("asked_questions", {"injury_visible": QUESTION}),
        SlotSet("questions_asked", 1),
        SlotSet("pending_question", "injury_visible"),
        SlotSet("stage", "question"),
    ]
    assert [(m["text"], m["buttons"]) for m in dispatcher.messages] == [(QUESTION, answer_buttons("injury_visible"))]


async def test_words_the_guidance_does_not_match_are_said_to_be_not_understood_before_the_first_question(
    api, dispatcher
):
    # The API's real answer to words that matched nothing: no indicator, and its screening questions.
    api.assessment = load_json("assessment_unmatched.json")
    first = api.assessment["questions"][0]
    await ActionAssess().run(dispatcher, tracker("tracker_teacher_worry"), {})

    assert [m["text"] for m in dispatcher.messages] == [wording.NOT_UNDERSTOOD["public"], first["text"]]


async def test_words_that_matched_are_not_called_not_understood(api, dispatcher):
    await ActionAssess().run(dispatcher, tracker("tracker_teacher_worry"), {})

    assert not set(wording.NOT_UNDERSTOOD.values()) & {m["text"] for m in dispatcher.messages}


async def test_answer_is_recorded_and_the_next_unasked_question_follows(api, dispatcher):
    events = await ActionAssess().run(dispatcher, tracker("tracker_teacher_answer_yes"), {})

    assert api.assessment_requests[0]["answers"] == {"injury_visible": True}
    assert api.assessment_requests[0]["narrative"] == NARRATIVE  # the button payload is not added
    assert events[-4:] == [
        SlotSet("asked_questions", {"injury_visible": QUESTION, "under_one": "Is the child under one year old?"}),
        SlotSet("questions_asked", 2),
        SlotSet("pending_question", "under_one"),
        SlotSet("stage", "question"),
    ]


async def test_recommendation_in_professional_words_then_referral_offer(api, dispatcher):
    answers = {"injury_visible": True}
    state = tracker(
        "tracker_teacher_answer_yes",
        latest_message={"text": "I don't know", "intent": {"name": "dont_know"}, "entities": []},
        answers=answers,
        pending_question="under_one",
        asked_questions={"injury_visible": QUESTION, "under_one": "Is the child under one year old?"},
    )
    events = await ActionAssess().run(dispatcher, state, {})

    assert api.assessment_requests[0]["answers"] == {"injury_visible": True, "under_one": None}
    assert events[-3:] == [
        SlotSet(
            "assessment",
            {
                "level": 3,
                "level_name": "Complex needs: refer to children's social care",
                "urgency": "immediate",
                "routes": ["mash_referral"],
            },
        ),
        SlotSet("pending_question", None),
        SlotSet("stage", "offer"),
    ]
    advice, offer = (m["text"] for m in dispatcher.messages)
    assert "level 3 of 4" in advice
    assert "Speak to your designated safeguarding lead now." in advice
    assert "The child says an adult hurt them (hereford_wt2023.md para 4.12)" in advice
    assert "Do not tell the parents before referring" in advice
    assert "0300 000 0000" in offer


async def test_question_limit_gives_the_advice_instead_of_more_questions(api, dispatcher, monkeypatch):
    monkeypatch.setenv("MAX_QUESTIONS", "1")
    from actions.settings import get_settings

    get_settings.cache_clear()
    events = await ActionAssess().run(dispatcher, tracker("tracker_teacher_answer_yes"), {})

    assert events[-1] == SlotSet("stage", "offer")
    assert "level 3 of 4" in dispatcher.messages[0]["text"]


async def test_screening_questions_are_not_counted_against_the_question_limit(api, dispatcher, monkeypatch):
    # Nothing understood: the API's screening questions are asked even when the limit is reached,
    # since without them the service has no assessment at all, and they do not add to the count.
    monkeypatch.setenv("MAX_QUESTIONS", "1")
    from actions.settings import get_settings

    get_settings.cache_clear()
    api.assessment = load_json("assessment_unmatched.json")
    first = api.assessment["questions"][0]
    events = await ActionAssess().run(dispatcher, tracker("tracker_teacher_worry", questions_asked=1), {})

    assert first["screening"] is True
    assert dispatcher.messages[-1]["text"] == first["text"]
    assert SlotSet("questions_asked", 1) in events
    assert events[-1] == SlotSet("stage", "question")


async def test_questions_that_are_not_screening_add_to_the_count(api, dispatcher):
    events = await ActionAssess().run(dispatcher, tracker("tracker_teacher_worry", questions_asked=2), {})

    assert SlotSet("questions_asked", 3) in events


async def test_a_child_gets_childline_and_no_referral_form(api, dispatcher):
    api.assessment["audience"] = "child"
    api.assessment["questions"] = []
    state = tracker("tracker_teacher_worry", reporter_role="child", audience="child")
    events = await ActionAssess().run(dispatcher, state, {})

    assert events[-1] == SlotSet("stage", "done")
    assert len(dispatcher.messages) == 1
    text = dispatcher.messages[0]["text"]
    assert "0800 1111" in text and "trusted adult" in text
    assert "level" not in text


async def test_an_emergency_answer_is_given_at_once_without_more_questions(api, dispatcher):
    api.assessment["urgency"] = "emergency"
    events = await ActionAssess().run(dispatcher, tracker("tracker_teacher_worry"), {})

    assert SlotSet("stage", "offer") in events
    assert "call 999 now" in dispatcher.messages[0]["text"]


async def test_api_down_gives_the_phone_numbers_and_keeps_what_was_said(api_down, dispatcher):
    events = await ActionAssess().run(dispatcher, tracker("tracker_teacher_worry"), {})

    assert events == [
        SlotSet("narrative", NARRATIVE),
        SlotSet("answers", {}),
        SlotSet("pending_question", None),
        SlotSet("stage", "unavailable"),
    ]
    text = dispatcher.messages[0]["text"]
    for number in ("0300 000 0000", "0808 800 5000", "999"):
        assert number in text


async def test_ask_worry_in_the_audiences_words(dispatcher):
    events = await ActionAskWorry().run(dispatcher, tracker("tracker_teacher_worry", audience="child"), {})

    assert events == [SlotSet("stage", "worry")]
    assert dispatcher.messages[0]["text"].startswith("Tell me what is happening")


async def test_no_to_the_danger_question_is_kept_as_the_apis_answer(dispatcher):
    state = tracker(
        "tracker_teacher_worry",
        stage="danger",
        latest_message={"text": "no", "intent": {"name": "deny"}, "entities": []},
    )
    events = await ActionAskWorry().run(dispatcher, state, {})

    assert events == [SlotSet("answers", {"immediate_danger": False}), SlotSet("stage", "worry")]


async def test_change_answer_takes_back_the_last_answer_and_asks_again(dispatcher):
    state = tracker(
        "tracker_teacher_answer_yes",
        answers={"injury_visible": True},
        asked_questions={"injury_visible": QUESTION},
        pending_question=None,
        stage="offer",
    )
    events = await ActionChangeAnswer().run(dispatcher, state, {})

    assert events == [
        SlotSet("answers", {}),
        SlotSet("pending_question", "injury_visible"),
        SlotSet("stage", "question"),
    ]
    assert dispatcher.messages[0]["text"] == f"Let's try that again. {QUESTION}"


async def test_fixture_matches_the_contracts_fields():
    # the stand-in's answer must carry every AssessmentResponse field (knowledge/contract.py)
    required = {
        "level",
        "level_name",
        "urgency",
        "routes",
        "indicators",
        "rationale",
        "next_steps",
        "questions",
        "consent",
        "route_advice",
        "audience",
        "threshold_document",
    }
    assert required <= set(load_json("assessment_level3.json"))
