"""What MASH staff do with a referral. Every read and every change writes exactly one audit row."""

from __future__ import annotations

from sqlmodel import Session, select

from api.models import (
    Addendum,
    OutboxMessage,
    QueueItem,
    Referral,
    ReferralCreate,
    ReferralStaffView,
    StaffUser,
    utcnow,
)
from api.services import audit, matching
from api.services.referrals import still_needed

URGENCY_ORDER = {"emergency": 0, "immediate": 1, "standard": 2}


class InvalidStep(ValueError):
    """The referral is not in a state where this step can be taken."""


def _overdue(row: Referral) -> bool:
    now = utcnow().replace(tzinfo=None)
    due = row.acknowledge_by.replace(tzinfo=None)
    return row.acknowledged_at is None and now > due


def _item(row: Referral) -> QueueItem:
    return QueueItem(
        reference=row.reference,
        status=row.status,
        urgency=row.urgency,
        rag=row.rag,
        level=row.level,
        received_at=row.received_at,
        acknowledge_by=row.acknowledge_by,
        respond_by=row.respond_by,
        overdue=_overdue(row),
    )


def queue(
    session: Session, user: StaffUser, *, status: str | None, urgency: str | None, overdue: bool | None
) -> list[QueueItem]:
    """The queue, most urgent first and then by deadline."""
    query = select(Referral)
    if status:
        query = query.where(Referral.status == status)
    if urgency:
        query = query.where(Referral.urgency == urgency)
    items = [_item(row) for row in session.exec(query)]
    if overdue is not None:
        items = [item for item in items if item.overdue == overdue]
    items.sort(key=lambda item: (URGENCY_ORDER[item.urgency.value], item.respond_by))
    audit.record(session, actor=user.username, action="queue.read", referral_id=None,
                 detail={"status": status, "urgency": urgency, "overdue": overdue, "count": len(items)})  # fmt: skip
    session.commit()
    return items


def find(session: Session, reference: str) -> Referral | None:
    return session.exec(select(Referral).where(Referral.reference == reference)).first()


def view(session: Session, user: StaffUser, row: Referral, action: str = "referral.read") -> ReferralStaffView:
    audit.record(session, actor=user.username, action=action, referral_id=row.id, detail={})
    session.commit()
    addenda = session.exec(select(Addendum).where(Addendum.referral_id == row.id).order_by(Addendum.id))  # type: ignore[arg-type]
    return ReferralStaffView(
        **_item(row).model_dump(),
        filed=row.filed,
        assessment=row.assessment,
        still_needed=still_needed(ReferralCreate.model_validate(row.filed)),
        acknowledged_at=row.acknowledged_at,
        acknowledged_by=row.acknowledged_by,
        decision=row.decision,
        decision_reason=row.decision_reason,
        decided_at=row.decided_at,
        decided_by=row.decided_by,
        feedback=row.feedback,
        addenda=[a.model_dump(mode="json", exclude={"referral_id"}) for a in addenda],
        earlier_referrals=matching.earlier_referrals(session, row),
    )


def acknowledge(session: Session, user: StaffUser, row: Referral) -> Referral:
    if row.acknowledged_at is not None:
        raise InvalidStep("already acknowledged")
    row.acknowledged_at, row.acknowledged_by, row.status = utcnow(), user.username, "acknowledged"
    session.add(row)
    audit.record(session, actor=user.username, action="referral.acknowledged", referral_id=row.id, detail={})
    session.commit()
    return row


def decide(session: Session, user: StaffUser, row: Referral, decision: str, reason: str) -> Referral:
    if row.acknowledged_at is None:
        raise InvalidStep("acknowledge the referral before recording a decision")
    if row.decision is not None:
        raise InvalidStep("a decision is already recorded; add an addendum to correct it")
    row.decision, row.decision_reason = decision, reason
    row.decided_at, row.decided_by, row.status = utcnow(), user.username, "decided"
    session.add(row)
    audit.record(session, actor=user.username, action="referral.decided", referral_id=row.id,
                 detail={"decision": decision, "reason": reason})  # fmt: skip
    session.commit()
    return row


def feedback(session: Session, user: StaffUser, row: Referral, text: str) -> Referral:
    row.feedback, row.feedback_at = text, utcnow()
    session.add(row)
    audit.record(session, actor=user.username, action="referral.feedback", referral_id=row.id, detail={"text": text})
    session.add(OutboxMessage(kind="referral.feedback", referral_id=row.id, created_at=utcnow()))
    session.commit()
    return row


def add_addendum(session: Session, user: StaffUser, row: Referral, text: str) -> Addendum:
    note = Addendum(referral_id=row.id, author=user.username, at=utcnow(), kind="note", text=text)
    session.add(note)
    audit.record(session, actor=user.username, action="referral.addendum", referral_id=row.id, detail={"text": text})
    session.commit()
    session.refresh(note)  # the commit expired it, and an expired row serialises as {}
    return note
