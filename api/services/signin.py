"""Checking a member of staff's name and password, with the throttle that locks a name after failures.

One place for it, so the JSON sign-in (api/routes/auth.py) and the desk's sign-in page lock out alike.
"""

import time
from collections import defaultdict, deque

from sqlmodel import Session, select

from api.core.security import verify_password
from api.models import StaffUser
from api.services import audit

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
_failures: dict[str, deque[float]] = defaultdict(deque)


class Throttled(Exception):
    """Too many failed sign-ins for this name in the window."""


class WrongCredentials(Exception):
    """The name is unknown, the password is wrong, or the account is inactive (never said which)."""


def _throttled(username: str) -> bool:
    recent = _failures[username]
    while recent and recent[0] < time.monotonic() - WINDOW_SECONDS:
        recent.popleft()
    return len(recent) >= MAX_FAILURES


def authenticate(session: Session, username: str, password: str) -> StaffUser:
    """The active member of staff with this name and password; every attempt is audited."""
    if _throttled(username):
        raise Throttled
    user = session.exec(select(StaffUser).where(StaffUser.username == username)).first()
    if not verify_password(password, user.password_hash if user else None) or not user or not user.active:
        _failures[username].append(time.monotonic())
        audit.record(session, actor=username[:120], action="auth.failed", referral_id=None, detail={})
        session.commit()
        raise WrongCredentials
    _failures.pop(username, None)
    audit.record(session, actor=user.username, action="auth.signed_in", referral_id=None, detail={})
    session.commit()
    return user


def reset() -> None:
    """Forget every failure (tests start each case with none)."""
    _failures.clear()
