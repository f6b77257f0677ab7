"""The append-only, hash-chained audit trail: each row's hash covers the previous row's hash."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime

from sqlalchemy import text
from sqlmodel import Session, select

from api.core import db
from api.models import AuditEvent, utcnow

GENESIS = "0" * 64


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def record(session: Session, *, actor: str, action: str, referral_id: str | None, detail: dict) -> AuditEvent:
    """Append one row in the caller's transaction, so the audit row and the change commit together."""
    if session.get_bind().dialect.name == "postgresql":
        # Serialise writers on the chain's tail; the lock ends with the transaction.
        session.execute(text("SELECT pg_advisory_xact_lock(724001)"))
    last = session.exec(select(AuditEvent.row_hash).order_by(AuditEvent.id.desc()).limit(1)).first()  # type: ignore[union-attr]
    prev_hash = last or GENESIS
    at = utcnow()
    detail_hash = _digest(json.dumps(detail, sort_keys=True, default=str))
    event = AuditEvent(
        at=at,
        actor=actor,
        action=action,
        referral_id=referral_id,
        detail_hash=detail_hash,
        prev_hash=prev_hash,
        row_hash=_digest(prev_hash, _iso(at), actor, action, referral_id or "", detail_hash),
    )
    # Inserted now: the next record in this transaction must find it as the chain's tail.
    db.insert(session, event)
    return event


def verify(session: Session) -> tuple[bool, int, str]:
    """Walk the chain: (intact, rows checked, the first problem found)."""
    prev_hash, count = GENESIS, 0
    for event in session.exec(select(AuditEvent).order_by(AuditEvent.id)):  # type: ignore[arg-type]
        expected = _digest(
            prev_hash, _iso(event.at), event.actor, event.action, event.referral_id or "", event.detail_hash
        )
        if event.prev_hash != prev_hash or event.row_hash != expected:
            return False, count, f"row {event.id} does not follow from the row before it"
        prev_hash, count = event.row_hash, count + 1
    return True, count, ""


def _iso(moment: datetime) -> str:
    # SQLite hands back naive datetimes: the chain hashes the UTC wall time either way.
    return moment.replace(tzinfo=None).isoformat(timespec="microseconds")


def latest(session: Session, limit: int = 200) -> list[AuditEvent]:
    """The newest rows first, for the admins' audit page."""
    return list(session.exec(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)))  # type: ignore[union-attr]
