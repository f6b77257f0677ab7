"""Who is asking: sets the reporter's role and audience, then asks the immediate-danger question."""

from __future__ import annotations

import re
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.safety import YES_NO_DONT_KNOW

ROLE_BY_INTENT = {"i_am_public": "public", "i_am_parent": "parent", "i_am_child": "child"}
AUDIENCE_BY_ROLE = {"public": "public", "parent": "public", "child": "child"}

# Checked in order: "school nurse" must win over "school" and "nurse".
ROLE_WORDS = [
    ("dsl", r"\bdsl\b|designated safeguarding|safeguarding lead"),
    ("school_nurse", r"school nurse"),
    ("health_visitor", r"health visitor"),
    ("nursery", r"nursery|childminder|early years|pre-?school"),
    ("gp", r"\bgp\b|doctor|surgery|practice nurse|\bnurse\b"),
    ("police", r"police|officer|\bpc\b"),
    ("youth_worker", r"youth"),
    ("social_worker", r"social worker"),
    ("teacher", r"teach|school|\bta\b|classroom|head ?teacher|pupil"),
]
ROLES = {role for role, _ in ROLE_WORDS}

ROLE_BUTTONS = [
    {"title": "Teacher or school staff", "payload": '/i_am_professional{"role": "teacher"}'},
    {"title": "Designated safeguarding lead", "payload": '/i_am_professional{"role": "dsl"}'},
    {"title": "GP or health", "payload": '/i_am_professional{"role": "gp"}'},
    {"title": "Health visitor", "payload": '/i_am_professional{"role": "health_visitor"}'},
    {"title": "Nursery or childminder", "payload": '/i_am_professional{"role": "nursery"}'},
    {"title": "Police", "payload": '/i_am_professional{"role": "police"}'},
    {"title": "Youth worker", "payload": '/i_am_professional{"role": "youth_worker"}'},
    {"title": "Social worker", "payload": '/i_am_professional{"role": "social_worker"}'},
]

DANGER_QUESTION = {
    "child": "First: are you in danger right now?",
    "public": "First: is the child in danger right now?",
    "professional": "First: is the child in immediate danger right now?",
}


def professional_role(text: str, entities: list[dict[str, Any]]) -> str | None:
    for entity in entities:
        if entity.get("entity") == "role" and entity.get("value") in ROLES:
            return entity["value"]
    lowered = text.lower()
    for role, pattern in ROLE_WORDS:
        if re.search(pattern, lowered):
            return role
    return None


class ActionSetReporter(Action):
    """Records who is asking and asks about immediate danger first."""

    def name(self) -> str:
        return "action_set_reporter"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        role = ROLE_BY_INTENT.get(intent)
        if role is None:
            role = professional_role(
                tracker.latest_message.get("text") or "", tracker.latest_message.get("entities", [])
            )
            if role is None:
                dispatcher.utter_message(text="What is your role?", buttons=ROLE_BUTTONS)
                return [SlotSet("stage", "who")]
        audience = AUDIENCE_BY_ROLE.get(role, "professional")
        dispatcher.utter_message(text=DANGER_QUESTION[audience], buttons=YES_NO_DONT_KNOW)
        return [SlotSet("reporter_role", role), SlotSet("audience", audience), SlotSet("stage", "danger")]
