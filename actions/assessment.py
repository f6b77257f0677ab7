"""The worry, the API's questions and the recommendation.

Each answer is sent back to POST /api/v1/assessments with everything said so far; the API decides
the level and which questions are worth asking, the bot only asks them and words the result.
"""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import api_client, wording
from actions.safety import answer_buttons, api_down_message
from actions.settings import get_settings

DANGER_QUESTION = "immediate_danger"  # the threshold document's always-first question
ANSWER_BY_INTENT = {"affirm": True, "deny": False, "dont_know": None}

ASK_WORRY = {
    "child": "Tell me what is happening, in your own words. You can take your time.",
    "public": "Tell me what is worrying you about the child, in your own words.",
    "professional": (
        "Tell me what is worrying you: what you saw or were told, the child's age, and who else is involved."
    ),
}


def _own_words(tracker: Tracker) -> str:
    """The latest message as typed; button payloads such as "/affirm" are not part of the worry."""
    text = (tracker.latest_message.get("text") or "").strip()
    return "" if text.startswith("/") else text


async def assess_and_reply(dispatcher: CollectingDispatcher, tracker: Tracker) -> list[dict[str, Any]]:
    """Posts what is known so far, then asks the next question or gives the recommendation."""
    narrative = tracker.get_slot("narrative") or ""
    answers = dict(tracker.get_slot("answers") or {})
    asked = dict(tracker.get_slot("asked_questions") or {})
    role = tracker.get_slot("reporter_role") or "public"
    request = {"reporter_role": role, "narrative": narrative, "answers": answers}
    try:
        response = await api_client.assess(request)
    except (api_client.ApiUnavailable, api_client.ApiRejected):
        dispatcher.utter_message(text=api_down_message(tracker.get_slot("audience")))
        # "unavailable" stops a following yes / no being read as an answer to an earlier question
        return [SlotSet("stage", "unavailable")]

    # Screening questions are asked only while nothing said is understood, and until one is a
    # concern; they are not counted against the limit, which keeps short a conversation the service
    # already has an answer for.
    counted = int(tracker.get_slot("questions_asked") or 0)
    unanswered = [q for q in response.get("questions", []) if q["id"] not in answers and q["id"] not in asked]
    question = unanswered[0] if unanswered else None
    if (
        question
        and (question.get("screening") or counted < get_settings().max_questions)
        and response.get("urgency") != "emergency"
    ):
        if narrative and not asked and not response.get("indicators"):
            audience = response.get("audience", "public")
            dispatcher.utter_message(text=wording.NOT_UNDERSTOOD.get(audience, wording.NOT_UNDERSTOOD["public"]))
        dispatcher.utter_message(text=question["text"], buttons=answer_buttons(question["id"]))
        asked[question["id"]] = question["text"]
        return [
            SlotSet("asked_questions", asked),
            SlotSet("questions_asked", counted + (0 if question.get("screening") else 1)),
            SlotSet("pending_question", question["id"]),
            SlotSet("stage", "question"),
        ]

    advice = wording.recommendation(response, role)
    dispatcher.utter_message(text=advice, json_message=wording.recommendation_card(response, advice))
    summary = {key: response.get(key) for key in ("level", "level_name", "urgency", "routes")}
    events = [SlotSet("assessment", summary), SlotSet("pending_question", None)]
    if "mash_referral" in response.get("routes", []) and response.get("audience") != "child":
        dispatcher.utter_message(
            text=wording.referral_offer(response),
            buttons=[{"title": "Yes, send it", "payload": "/affirm"}, {"title": "No", "payload": "/deny"}],
        )
        return [*events, SlotSet("stage", "offer")]
    return [*events, SlotSet("stage", "done")]


class ActionAskWorry(Action):
    """Asks for the worry in the person's own words (or assesses one already given)."""

    def name(self) -> str:
        return "action_ask_worry"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        events = []
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if tracker.get_slot("stage") == "danger" and intent == "deny":
            # The person has already said "no" to the danger question; the API asks it first unless answered.
            answers = {**(tracker.get_slot("answers") or {}), DANGER_QUESTION: False}
            events.append(SlotSet("answers", answers))
            tracker.slots["answers"] = answers
        if tracker.get_slot("narrative"):
            return [*events, *await assess_and_reply(dispatcher, tracker)]
        dispatcher.utter_message(text=ASK_WORRY.get(tracker.get_slot("audience") or "public", ASK_WORRY["public"]))
        return [*events, SlotSet("stage", "worry")]


class ActionAssess(Action):
    """Adds the latest message (a worry in words, or an answer) and re-assesses."""

    def name(self) -> str:
        return "action_assess"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        pending = tracker.get_slot("pending_question")
        answers = dict(tracker.get_slot("answers") or {})
        narrative = tracker.get_slot("narrative") or ""
        text = _own_words(tracker)
        if pending and intent in ANSWER_BY_INTENT:
            answers[pending] = ANSWER_BY_INTENT[intent]
        else:
            narrative = f"{narrative}\n{text}".strip() if text else narrative
        events = [SlotSet("narrative", narrative), SlotSet("answers", answers), SlotSet("pending_question", None)]
        # The new values must be visible to the request, so apply them to the tracker copy first.
        for event in events:
            tracker.slots[event["name"]] = event["value"]
        return [*events, *await assess_and_reply(dispatcher, tracker)]


class ActionChangeAnswer(Action):
    """Takes back the latest answer and asks that question again."""

    def name(self) -> str:
        return "action_change_answer"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        answers = dict(tracker.get_slot("answers") or {})
        asked = tracker.get_slot("asked_questions") or {}
        if not answers:
            dispatcher.utter_message(
                text="You haven't answered any of my questions yet. You can add to what you told me in your own words."
            )
            return [SlotSet("stage", "worry")]
        question_id = list(answers)[-1]
        del answers[question_id]
        dispatcher.utter_message(
            text=f"Let's try that again. {asked.get(question_id, 'What is your answer?')}",
            buttons=answer_buttons(question_id),
        )
        return [SlotSet("answers", answers), SlotSet("pending_question", question_id), SlotSet("stage", "question")]
