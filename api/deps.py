"""Dependencies shared by the routes: the database session and the signed-in member of staff."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated

import jwt
from fastapi import Depends, HTTPException
from fastapi.security import OAuth2PasswordBearer
from sqlmodel import Session, select

from api.core.db import get_session
from api.core.security import read_access_token
from api.models import StaffUser

SessionDep = Annotated[Session, Depends(get_session)]
oauth2 = OAuth2PasswordBearer(tokenUrl="/api/v1/auth/token")


def staff_for_token(session: Session, token: str) -> StaffUser | None:
    """The active member of staff a token was issued to; None when it is forged, expired or theirs no longer.

    The role is read from the database on every request, so a changed or removed role applies at once.
    The JSON API (bearer header) and the desk (session cookie) both come through here.
    """
    try:
        claims = read_access_token(token)
    except jwt.InvalidTokenError:
        return None
    user = session.exec(select(StaffUser).where(StaffUser.username == claims["sub"])).first()
    return user if user is not None and user.active else None


def current_staff(session: SessionDep, token: Annotated[str, Depends(oauth2)]) -> StaffUser:
    user = staff_for_token(session, token)
    if user is None:
        raise HTTPException(401, detail="sign in again", headers={"WWW-Authenticate": "Bearer"})
    return user


CurrentStaff = Annotated[StaffUser, Depends(current_staff)]

# Who may do what: the one place roles are checked (tests/api/test_roles.py walks every route against it).
PERMISSIONS: dict[str, frozenset[str]] = {
    "referral.read": frozenset({"mash_practitioner", "mash_manager"}),
    "referral.export": frozenset({"mash_practitioner", "mash_manager"}),
    "referral.acknowledge": frozenset({"mash_practitioner", "mash_manager"}),
    "referral.addendum": frozenset({"mash_practitioner", "mash_manager"}),
    "referral.feedback": frozenset({"mash_practitioner", "mash_manager"}),
    "referral.decide": frozenset({"mash_manager"}),
    "audit.verify": frozenset({"admin"}),
}


def may(user: StaffUser, permission: str) -> bool:
    return user.role in PERMISSIONS[permission]


def require(permission: str) -> Callable[[StaffUser], StaffUser]:
    allowed = PERMISSIONS[permission]

    def check(user: CurrentStaff) -> StaffUser:
        if user.role not in allowed:
            raise HTTPException(403, detail=f"your role may not {permission.split('.', 1)[1]}")
        return user

    return check
