"""Turns the API's AssessmentResponse JSON into messages in the audience's words.

Presentation only: the level, urgency, routes and reasons are the API's, never recomputed here.
"""

from __future__ import annotations

from typing import Any

from actions.safety import CHILDLINE, FRONT_DOOR

SCHOOL_ROLES = {"teacher", "nursery", "school_nurse"}

URGENCY_WORDS = {
    "emergency": "This is an emergency: call 999 now.",
    "immediate": "This is urgent: act today, now if you can.",
    "standard": "This is not an emergency, but please act on it.",
}


# Said before the first question when the worry's words matched nothing in the guidance: the API then
# asks about each kind of harm in turn, and the person should know why.
NOT_UNDERSTOOD = {
    "professional": "Nothing in what you wrote matched the guidance's signs of need, so I will ask about each kind of harm in turn.",
    "public": "I'm not sure I understood all of that, so I'll ask about a few kinds of harm, one at a time.",
    "child": "I'm not sure I understood all of that. Can I ask you a few questions, one at a time?",
}


def recommendation(response: dict[str, Any], reporter_role: str | None) -> str:
    audience = response.get("audience", "public")
    if audience == "child":
        return _for_child(response)
    lines = [f"My advice: {response['level_name']} (level {response['level']} of 4)."]
    lines.append(URGENCY_WORDS.get(response.get("urgency", "standard"), ""))
    if audience == "professional" and reporter_role in SCHOOL_ROLES:
        when = "now" if response.get("urgency") in ("immediate", "emergency") else "today"
        lines.append(f"Speak to your designated safeguarding lead {when}.")
    if response.get("indicators"):
        lines.append("Why:" if audience == "professional" else "What made me say this:")
        for indicator in response["indicators"]:
            source = f" ({indicator['source']})" if audience == "professional" and indicator.get("source") else ""
            lines.append(f"- {indicator['description']}{source}")
    if response.get("rationale"):
        lines.append(response["rationale"])
    for advice in response.get("route_advice", []):
        contact = ""
        if advice.get("contact_phone"):
            contact = f" Contact: {advice.get('contact_name') or advice['title']}, {advice['contact_phone']}."
        lines.append(f"{advice['title']}: {advice['how']} ({advice['timescale']}).{contact}")
    if response.get("next_steps"):
        lines.append("What to do next:")
        lines.extend(f"- {step}" for step in response["next_steps"])
    consent = response.get("consent") or {}
    if consent.get("text"):
        lines.append(consent["text"])
    return "\n".join(line for line in lines if line)


def _for_child(response: dict[str, Any]) -> str:
    lines = ["Thank you for telling me. You are not in trouble, and it is not your fault."]
    if response.get("urgency") == "emergency":
        lines.append("If you are in danger right now, call 999 now.")
    lines.append(
        "Please tell a trusted adult, like a teacher, school nurse or family member, what you told me. "
        f"You can also talk to Childline, free and private, any time, on {CHILDLINE}."
    )
    if response.get("next_steps"):
        lines.extend(f"- {step}" for step in response["next_steps"])
    return "\n".join(lines)


def referral_offer(response: dict[str, Any]) -> str:
    text = "Would you like me to send a referral to the children's services front door now?"
    if response.get("urgency") in ("immediate", "emergency"):
        text += f" Because this is urgent, please also phone them on {FRONT_DOOR} now."
    return text


def recommendation_card(response: dict[str, Any], text: str) -> dict[str, Any]:
    """The recommendation as data for the web chat's card; `text` is the same advice in words for other channels."""
    audience = response.get("audience", "public")
    card: dict[str, Any] = {"card": "recommendation", "audience": audience, "text": text}
    card["next_steps"] = list(response.get("next_steps", []))
    if audience == "child":
        # A child is given who to talk to, not a level of need.
        card["contacts"] = [{"name": "Childline", "phone": CHILDLINE}, {"name": "Police or ambulance", "phone": "999"}]
        card["urgency"] = response.get("urgency", "standard")
        return card
    card.update(
        level=response["level"],
        level_name=response["level_name"],
        urgency=response.get("urgency", "standard"),
        urgency_words=URGENCY_WORDS.get(response.get("urgency", "standard"), ""),
        reasons=[
            {"description": indicator["description"], "source": indicator.get("source")}
            for indicator in response.get("indicators", [])
        ],
        rationale=response.get("rationale"),
        routes=[
            {key: advice.get(key) for key in ("title", "how", "timescale", "contact_name", "contact_phone")}
            for advice in response.get("route_advice", [])
        ],
        consent=(response.get("consent") or {}).get("text"),
        contacts=[{"name": "Front door (MASH)", "phone": FRONT_DOOR}, {"name": "Police or ambulance", "phone": "999"}],
    )
    return card
