"""Earlier referrals about the same child: NHS number exactly, name and date of birth allowing for
spelling differences, or the same address. A match within 12 months makes this a re-referral."""

from __future__ import annotations

import re
from datetime import timedelta

from rapidfuzz import fuzz
from sqlmodel import Session, select

from api.models import Referral

RE_REFERRAL_WINDOW = timedelta(days=365)
NAME_SIMILARITY = 85


def _children(row: Referral) -> list[dict]:
    return row.filed.get("children", [])


def _name(value: str | None) -> str:
    return " ".join(sorted(re.sub(r"[^a-z ]", "", (value or "").lower()).split()))


def _address(value: str | None) -> str:
    return re.sub(r"[^a-z0-9]", "", (value or "").lower())


def _matched_on(child: dict, other: dict) -> str | None:
    if child.get("nhs_number") and child.get("nhs_number") == other.get("nhs_number"):
        return "NHS number"
    if (
        child.get("date_of_birth")
        and child.get("date_of_birth") == other.get("date_of_birth")
        and _name(child.get("name"))
        and fuzz.token_sort_ratio(_name(child.get("name")), _name(other.get("name"))) >= NAME_SIMILARITY
    ):
        return "name and date of birth"
    if _address(child.get("address")) and _address(child.get("address")) == _address(other.get("address")):
        return "address"
    return None


def earlier_referrals(session: Session, row: Referral) -> list[dict]:
    found = []
    earlier = session.exec(select(Referral).where(Referral.received_at < row.received_at, Referral.id != row.id))
    for other in earlier:
        for child in _children(row):
            reason = next(filter(None, (_matched_on(child, theirs) for theirs in _children(other))), None)
            if reason:
                found.append(
                    {
                        "reference": other.reference,
                        "received_at": other.received_at,
                        "matched_on": reason,
                        "decision": other.decision,
                        "re_referral": row.received_at - other.received_at <= RE_REFERRAL_WINDOW,
                    }
                )
                break
    return sorted(found, key=lambda item: item["received_at"], reverse=True)
