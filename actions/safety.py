"""The phone numbers every dead end falls back on, and the messages that give them."""

from __future__ import annotations

FRONT_DOOR = "0300 000 0000"  # placeholder until the local authority's number is configured
OUT_OF_HOURS = "0300 000 0001"
NSPCC = "0808 800 5000"
CHILDLINE = "0800 1111"

YES_NO_DONT_KNOW = [
    {"title": "Yes", "payload": "/affirm"},
    {"title": "No", "payload": "/deny"},
    {"title": "I don't know", "payload": "/dont_know"},
]


def answer_buttons(question_id: str) -> list[dict[str, str]]:
    """Yes / no / I don't know, each naming the question it answers (for scripted players and logs)."""
    return [
        {"title": button["title"], "payload": f'{button["payload"]}{{"question_id": "{question_id}"}}'}
        for button in YES_NO_DONT_KNOW
    ]


def api_down_message(audience: str | None) -> str:
    if audience == "child":
        return (
            "Sorry, I can't get my advice right now. Please talk to someone: call Childline free on "
            f"{CHILDLINE}, any time, or tell a trusted adult. If you are in danger now, call 999."
        )
    return (
        "Sorry, I can't reach the advice service right now, so I can't give you advice here. Please "
        f"phone the children's services front door on {FRONT_DOOR} (out of hours {OUT_OF_HOURS}) or "
        f"the NSPCC helpline on {NSPCC}. If a child is in danger right now, call 999."
    )


def referral_not_sent_message() -> str:
    return (
        "I could not send the referral: the referral service did not confirm it, so it has NOT been "
        f"sent. Please phone the children's services front door on {FRONT_DOOR} (out of hours "
        f"{OUT_OF_HOURS}) and tell them what you told me. If a child is in danger right now, call 999. "
        'You can also say "yes" to try sending it again.'
    )
