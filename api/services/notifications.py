"""Delivers the outbox by SMTP. Messages carry the reference and deadlines only, never what was
disclosed: email is not where a child's details should travel."""

from __future__ import annotations

import smtplib
from email.message import EmailMessage

from sqlmodel import Session, select

from api.core.config import Settings
from api.models import OutboxMessage, Referral, utcnow


def _message(kind: str, referral: Referral, settings: Settings) -> EmailMessage | None:
    message = EmailMessage()
    message["From"] = settings.mail_from
    if kind == "referral.received":
        message["To"] = settings.mash_inbox
        message["Subject"] = f"New referral {referral.reference} ({referral.rag.upper()})"
        message.set_content(
            f"A referral has been filed: {referral.reference}, urgency {referral.urgency}, RAG {referral.rag}.\n"
            f"Acknowledge by {referral.acknowledge_by:%A %d %B %Y %H:%M} UTC. Open it in the MASH review desk."
        )
        return message
    email = (referral.filed.get("referrer") or {}).get("email")
    if kind == "referral.feedback" and email:
        message["To"] = email
        message["Subject"] = f"Feedback on your referral {referral.reference}"
        message.set_content(
            f"The front door has added feedback to your referral {referral.reference}.\n"
            "Read it on the status page with your reference and the status token you were given."
        )
        return message
    return None  # nobody to tell (an anonymous referrer): nothing to send


def deliver_pending(session: Session, settings: Settings) -> int:
    """Send every undelivered message; each is marked delivered only after the server accepted it."""
    if not settings.smtp_host:
        return 0
    sent = 0
    pending = session.exec(select(OutboxMessage).where(OutboxMessage.delivered_at.is_(None)).order_by(OutboxMessage.id))  # type: ignore[union-attr]
    with smtplib.SMTP(settings.smtp_host, settings.smtp_port, timeout=10) as smtp:
        for item in list(pending):
            referral = session.get(Referral, item.referral_id)
            message = _message(item.kind, referral, settings) if referral else None
            item.attempts += 1
            if message is not None:
                smtp.send_message(message)
                sent += 1
            item.delivered_at = utcnow()
            session.add(item)
            session.commit()
    return sent
