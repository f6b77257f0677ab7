"""Checking a member of staff's name and password, with the throttle that locks a name after failures.

One place for it, so the JSON sign-in (api/routes/auth.py) and the desk's sign-in page lock out alike;
the failures are counted in the shared throttle window, so every API process locks the name together.
"""

from sqlmodel import Session, select

from api.core import throttle
from api.core.security import verify_password
from api.models import StaffUser
from api.services import audit

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60


class Throttled(Exception):
    """Too many failed sign-ins for this name in the window."""


class WrongCredentials(Exception):
    """The name is unknown, the password is wrong, or the account is inactive (never said which)."""


def authenticate(session: Session, username: str, password: str) -> StaffUser:
    """The active member of staff with this name and password; every attempt is audited."""
    failures = throttle.key("signin", username)
    if throttle.window().count(failures, WINDOW_SECONDS) >= MAX_FAILURES:
        raise Throttled
    user = session.exec(select(StaffUser).where(StaffUser.username == username)).first()
    if not verify_password(password, user.password_hash if user else None) or not user or not user.active:
        throttle.window().hit(failures, WINDOW_SECONDS)
        audit.record(session, actor=username[:120], action="auth.failed", referral_id=None, detail={})
        session.commit()
        raise WrongCredentials
    throttle.window().clear(failures)
    audit.record(session, actor=user.username, action="auth.signed_in", referral_id=None, detail={})
    session.commit()
    return user


def reset() -> None:
    """Forget this process's failures (tests start each case with none)."""
    throttle.window().reset()
