"""The referral form: validation of each field, the read-back, and filing through the API.

A referral is only ever reported as sent when the API answered 200 or 201 (safety rule 3).
"""

from __future__ import annotations

import hashlib
import re
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions import api_client
from actions.safety import FRONT_DOOR, referral_not_sent_message

NOT_GIVEN = "not given"
SKIP = re.compile(
    r"^\s*(skip|pass|no|nope|none|n/?a|-|dont know|don'?t know|idk|not sure|no idea|unknown|"
    r"rather not( say)?|prefer not to say|anonymous|stay anonymous|i'?d rather not)\s*[.!]?\s*$",
    re.IGNORECASE,
)
MAX_FIELD = 300

FIELDS = {
    "referral_child_name": "Child",
    "referral_child_location": "Where the child can be found",
    "referral_referrer_name": "Your name",
    "referral_referrer_organisation": "Your organisation",
    "referral_referrer_contact": "How to reach you",
}


def is_skip(value: Any) -> bool:
    return isinstance(value, str) and bool(SKIP.match(value))


def _clean(value: Any) -> str:
    return " ".join(str(value).split())[:MAX_FIELD]


class ValidateReferralForm(FormValidationAction):
    """Every field may be skipped except what a referral needs: a way to find the child, and, for a
    professional, who they are (professionals cannot refer anonymously)."""

    def name(self) -> str:
        return "validate_referral_form"

    async def required_slots(self, domain_slots, dispatcher, tracker, domain) -> list[str]:
        # Only a professional has an organisation to give; nobody else is asked for one.
        if tracker.get_slot("audience") == "professional":
            return domain_slots
        return [slot for slot in domain_slots if slot != "referral_referrer_organisation"]

    def validate_referral_child_name(self, value: Any, dispatcher, tracker, domain) -> dict[str, Any]:
        return {"referral_child_name": NOT_GIVEN if is_skip(value) else _clean(value)}

    def validate_referral_child_location(self, value: Any, dispatcher, tracker, domain) -> dict[str, Any]:
        if is_skip(value):
            if tracker.get_slot("referral_child_name") in (None, NOT_GIVEN):
                dispatcher.utter_message(
                    text="The front door needs the child's name or where they can be found, or they cannot "
                    "help. Anything you know helps: a street, a school, a nursery."
                )
                return {"referral_child_location": None}
            return {"referral_child_location": NOT_GIVEN}
        return {"referral_child_location": _clean(value)}

    def _identity(self, slot: str, value: Any, dispatcher, tracker) -> dict[str, Any]:
        if not is_skip(value):
            return {slot: _clean(value)}
        if tracker.get_slot("audience") == "professional":
            dispatcher.utter_message(
                text="Professionals cannot refer anonymously: the front door needs to be able to contact you."
            )
            return {slot: None}
        return {slot: NOT_GIVEN}

    def validate_referral_referrer_name(self, value: Any, dispatcher, tracker, domain) -> dict[str, Any]:
        return self._identity("referral_referrer_name", value, dispatcher, tracker)

    def validate_referral_referrer_organisation(self, value: Any, dispatcher, tracker, domain) -> dict[str, Any]:
        return self._identity("referral_referrer_organisation", value, dispatcher, tracker)

    def validate_referral_referrer_contact(self, value: Any, dispatcher, tracker, domain) -> dict[str, Any]:
        return self._identity("referral_referrer_contact", value, dispatcher, tracker)


def summary(tracker: Tracker) -> str:
    assessment = tracker.get_slot("assessment") or {}
    lines = ["Here is what I will send to the children's services front door:"]
    lines += [
        f"- {label}: {tracker.get_slot(slot) or NOT_GIVEN}"
        for slot, label in FIELDS.items()
        if slot != "referral_referrer_organisation" or tracker.get_slot("audience") == "professional"
    ]
    if assessment:
        lines.append(f"- My advice: {assessment.get('level_name')} (urgency: {assessment.get('urgency')})")
    narrative = tracker.get_slot("narrative") or ""
    lines.append(f"- What you told me: {narrative[:300]}{'...' if len(narrative) > 300 else ''}")
    lines.append("Shall I send it now?")
    return "\n".join(lines)


class ActionReferralSummary(Action):
    """Reads the referral back before anything is sent."""

    def name(self) -> str:
        return "action_referral_summary"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        dispatcher.utter_message(
            text=summary(tracker),
            buttons=[{"title": "Yes, send it", "payload": "/affirm"}, {"title": "No, don't send", "payload": "/deny"}],
        )
        return [SlotSet("stage", "confirm")]


def _given(tracker: Tracker, slot: str) -> str | None:
    value = tracker.get_slot(slot)
    return None if value in (None, NOT_GIVEN) else value


def referral_body(tracker: Tracker) -> dict[str, Any]:
    """The POST /api/v1/referrals body (api/models.py ReferralCreate) from the conversation's slots."""
    name = _given(tracker, "referral_referrer_name")
    contact = _given(tracker, "referral_referrer_contact")
    referrer: dict[str, Any] = {
        "role": tracker.get_slot("reporter_role") or "public",
        "name": name,
        "anonymous": name is None,
    }
    organisation = _given(tracker, "referral_referrer_organisation")
    if organisation:
        referrer["organisation"] = organisation
    if contact:
        referrer["email" if "@" in contact else "phone"] = contact
    return {
        "referrer": referrer,
        "children": [
            {"name": _given(tracker, "referral_child_name"), "where_now": _given(tracker, "referral_child_location")}
        ],
        "concern": tracker.get_slot("narrative") or "The referrer described the concern in the chat.",
        "answers": tracker.get_slot("answers") or {},
    }


def idempotency_key(tracker: Tracker) -> str:
    """sha256(sender id + the form-submission event): a retried "yes" re-sends the same key, so the
    API files the referral once however often the person confirms."""
    submitted = next(
        (
            event
            for event in reversed(tracker.events)
            if event.get("event") == "active_loop" and event.get("name") is None
        ),
        {},
    )
    return hashlib.sha256(f"{tracker.sender_id}{submitted.get('timestamp', '')}".encode()).hexdigest()


class ActionFileReferral(Action):
    """Files the confirmed referral and gives the reference and acknowledgment deadline."""

    def name(self) -> str:
        return "action_file_referral"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[dict[str, Any]]:
        try:
            receipt = await api_client.file_referral(referral_body(tracker), idempotency_key(tracker))
        except (api_client.ApiUnavailable, api_client.ApiRejected):
            dispatcher.utter_message(text=referral_not_sent_message())
            return [SlotSet("stage", "confirm")]  # a "yes" retries with the same idempotency key
        reference = receipt.get("reference")
        deadline = receipt.get("acknowledge_by") or receipt.get("ack_deadline") or "one working day"
        text = (
            f"Your referral has been sent. Your reference is {reference}. The front door will acknowledge "
            f"it by {deadline}. A social worker will read it and decide what should happen next. If anything "
            f"changes or you are more worried, phone them on {FRONT_DOOR} and quote your reference; if a child "
            "is in danger, call 999."
        )
        # Only after the API confirmed the filing: the card carries the status token, shown this once.
        card = {
            "card": "referral_filed",
            "text": text,
            "reference": reference,
            "acknowledge_by": deadline,
            "status_token": receipt.get("status_token"),
            "front_door": FRONT_DOOR,
        }
        dispatcher.utter_message(text=text, json_message=card)
        return [SlotSet("referral_reference", reference), SlotSet("stage", "done")]
