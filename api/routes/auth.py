import time
from collections import defaultdict, deque
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import OAuth2PasswordRequestForm
from sqlmodel import select

from api.core.security import ACCESS_TOKEN_LIFETIME, create_access_token, verify_password
from api.deps import SessionDep
from api.models import StaffUser, Token
from api.services import audit

router = APIRouter(prefix="/auth", tags=["auth"])

MAX_FAILURES = 5
WINDOW_SECONDS = 15 * 60
_failures: dict[str, deque[float]] = defaultdict(deque)


def _throttled(username: str) -> bool:
    recent = _failures[username]
    while recent and recent[0] < time.monotonic() - WINDOW_SECONDS:
        recent.popleft()
    return len(recent) >= MAX_FAILURES


@router.post("/token", response_model=Token, responses={401: {}, 429: {}})
def sign_in(form: Annotated[OAuth2PasswordRequestForm, Depends()], session: SessionDep) -> Token:
    """Sign in as MASH staff: a bearer token for 15 minutes. Five failures in 15 minutes lock the name."""
    if _throttled(form.username):
        raise HTTPException(429, detail="too many failed sign-ins; try again later")
    user = session.exec(select(StaffUser).where(StaffUser.username == form.username)).first()
    if not verify_password(form.password, user.password_hash if user else None) or not user or not user.active:
        _failures[form.username].append(time.monotonic())
        audit.record(session, actor=form.username[:120], action="auth.failed", referral_id=None, detail={})
        session.commit()
        raise HTTPException(401, detail="wrong name or password", headers={"WWW-Authenticate": "Bearer"})
    _failures.pop(form.username, None)
    audit.record(session, actor=user.username, action="auth.signed_in", referral_id=None, detail={})
    session.commit()
    return Token(
        access_token=create_access_token(user.username, user.role),
        expires_in=int(ACCESS_TOKEN_LIFETIME.total_seconds()),
    )
