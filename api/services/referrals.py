"""Filing a referral: validated, assessed by the engine, stored once with its audit row and outbox message."""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Callable
from datetime import datetime, timedelta

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from api.core import calendar, db
from api.core.config import get_settings
from api.models import (
    AssessmentSummary,
    OutboxMessage,
    Referral,
    ReferralCreate,
    ReferralReceipt,
    ReferralStatus,
    utcnow,
)
from api.services import audit
from knowledge import AssessmentRequest, assess
from knowledge.loader import load_document
from knowledge.schema import Urgency

PHONE_CONFIRMATION = timedelta(hours=48)
# A reference is six hex digits a day, short enough to read over the phone, so two filings can draw
# the same one; the later draws again.
REFERENCE_ATTEMPTS = 5


class IdempotencyConflict(ValueError):
    """The same Idempotency-Key was sent with a different referral."""


class ReferenceExhausted(RuntimeError):
    """Every reference drawn was taken: never expected, so it is an error rather than a lost referral."""


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def file_referral(
    session: Session,
    referral: ReferralCreate,
    *,
    idempotency_key: str | None,
    before_create: Callable[[], None] = lambda: None,
) -> tuple[ReferralReceipt, bool]:
    """Store a referral once; a retry with the same key returns the first receipt. (receipt, created)

    `before_create` runs only when a new referral is about to be made (a retry is always answered),
    and may raise to refuse it.
    """
    body = referral.model_dump(mode="json")
    request_hash = _hash(json.dumps(body, sort_keys=True))
    if idempotency_key:
        existing = session.exec(select(Referral).where(Referral.idempotency_key == idempotency_key)).first()
        if existing is not None:
            return _replay(existing, request_hash), False
    before_create()

    child = referral.children[0]
    request = AssessmentRequest(
        reporter_role=referral.referrer.role,
        child_age_years=child.age_years if child.age_years is not None else _age(child),
        narrative=referral.concern,
        answers=referral.answers,
        threshold_document=referral.threshold_document or get_settings().threshold_document,
    )
    result = assess(request)  # the engine's own reading of what was filed; the client's is never trusted
    document = load_document(result.threshold_document.id)
    received = utcnow()
    rag = _rag(result.level, result.urgency)
    times = document.meta.response_times
    respond_by = {
        "red": received + timedelta(hours=times.red_hours),
        "amber": calendar.end_of_working_day(
            calendar.add_working_days(received.date(), times.amber_working_days, get_settings().nation)
        ),
        "green": calendar.end_of_working_day(
            calendar.add_working_days(received.date(), times.green_working_days, get_settings().nation)
        ),
    }[rag]
    token = secrets.token_urlsafe(24)
    row = Referral(
        reference=_reference(received),
        idempotency_key=idempotency_key,
        request_hash=request_hash,
        filed=body,
        assessment=result.model_dump(mode="json", exclude={"trace"}) | {"trace": result.trace},
        reporter_role=referral.referrer.role.value,
        level=result.level,
        urgency=result.urgency.value,
        rag=rag,
        document_id=result.threshold_document.id,
        document_version=result.threshold_document.version,
        token_hash=_hash(token),
        received_at=received,
        acknowledge_by=calendar.acknowledgment_deadline(received, get_settings().nation),
        respond_by=respond_by,
        confirmation_due=referral.phoned_first_at + PHONE_CONFIRMATION if referral.phoned_first_at else None,
    )
    for attempt in range(REFERENCE_ATTEMPTS):
        if attempt:
            row.reference = _reference(received)
        receipt = _receipt(row, referral, token)
        with db.one_writer(session):
            try:
                # Three plain INSERTs in one transaction (db.insert says why not the ORM's session.add).
                db.insert(session, row)  # a duplicate Idempotency-Key or reference is reported here
                audit.record(session, actor=f"referrer:{row.reporter_role}", action="referral.filed",
                             referral_id=row.id, detail={"reference": row.reference, "request_hash": request_hash})  # fmt: skip
                db.insert(session, OutboxMessage(kind="referral.received", referral_id=row.id, created_at=received))
                session.commit()
                return receipt, True
            except IntegrityError:
                session.rollback()
        # Another request with the same key won the race: answer as its retry.
        if idempotency_key:
            existing = session.exec(select(Referral).where(Referral.idempotency_key == idempotency_key)).first()
            if existing is not None:
                return _replay(existing, request_hash), False
        # Otherwise the short, speakable reference was already taken (one in 16.7 million a day): draw again.
    raise ReferenceExhausted(f"no free reference after {REFERENCE_ATTEMPTS} draws")


def status(session: Session, reference: str, token: str) -> ReferralStatus | None:
    """The referrer's view: only with the reference and the secret token they were given."""
    row = session.exec(select(Referral).where(Referral.reference == reference)).first()
    if row is None or not secrets.compare_digest(row.token_hash, _hash(token)):
        return None
    return ReferralStatus(
        reference=row.reference,
        status=row.status,
        received_at=row.received_at,
        acknowledge_by=row.acknowledge_by,
        acknowledged_at=row.acknowledged_at,
        decision=row.decision,
        feedback=row.feedback,
    )


def _replay(existing: Referral, request_hash: str) -> ReferralReceipt:
    if existing.request_hash != request_hash:
        raise IdempotencyConflict("Idempotency-Key was already used for a different referral")
    return _receipt(existing, ReferralCreate.model_validate(existing.filed), token=None)


def _receipt(row: Referral, referral: ReferralCreate, token: str | None) -> ReferralReceipt:
    nation = get_settings().nation
    assessment = row.assessment
    return ReferralReceipt(
        reference=row.reference,
        status_token=token,
        received_at=row.received_at,
        acknowledge_by=row.acknowledge_by,
        chase_after=calendar.chase_after(row.received_at, nation),
        rag=row.rag,  # type: ignore[arg-type]
        respond_by=row.respond_by,
        confirmation_due=row.confirmation_due,
        what_happens_next=_next(row),
        still_needed=still_needed(referral),
        assessment=AssessmentSummary(
            level=row.level,
            level_name=assessment["level_name"],
            urgency=row.urgency,
            routes=assessment["routes"],
            indicators=[item["id"] for item in assessment["indicators"]],
            document_id=row.document_id,
            document_version=row.document_version,
        ),
    )


def _next(row: Referral) -> list[str]:
    steps = [
        "The front door (MASH) will acknowledge your referral by the end of the next working day.",
        "A manager decides what happens next within one working day, and you will be told the outcome.",
        "If you have had no acknowledgment within three working days, contact the front door again.",
        "If the child is in immediate danger at any time, call 999.",
    ]
    if row.confirmation_due:
        steps.insert(0, "This written referral confirms your phone call; it is due within 48 hours of the call.")
    return steps


def still_needed(referral: ReferralCreate) -> list[str]:
    """What the front door will still need; listed, never a reason to hold an urgent referral back."""
    missing = []
    for index, child in enumerate(referral.children):
        label = f"children.{index}"
        if not child.name:
            missing.append(f"{label}.name")
        if child.date_of_birth is None and child.age_years is None and child.expected_due_date is None:
            missing.append(f"{label}.date_of_birth (or age, or expected due date)")
        for field in ("address", "where_now", "school", "gp"):
            if not getattr(child, field):
                missing.append(f"{label}.{field}")
    if not referral.parents_and_carers:
        missing.append("parents_and_carers")
    if referral.consent.parents_aware is None:
        missing.append("consent.parents_aware")
    if not referral.child_views:
        missing.append("child_views")
    return missing


def _rag(level: int, urgency: Urgency) -> str:
    if urgency is not Urgency.standard:
        return "red"
    return "amber" if level == 4 else "green"


def _age(child) -> int | None:
    if child.expected_due_date:
        return -1
    if child.date_of_birth:
        today = utcnow().date()
        born = child.date_of_birth
        return today.year - born.year - ((today.month, today.day) < (born.month, born.day))
    return None


def _reference(received: datetime) -> str:
    return f"MASH-{received:%y%m%d}-{secrets.token_hex(3).upper()}"
