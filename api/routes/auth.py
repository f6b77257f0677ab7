from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException
from fastapi.security import OAuth2PasswordRequestForm

from api.core.security import ACCESS_TOKEN_LIFETIME, create_access_token
from api.deps import SessionDep
from api.models import Token
from api.services import signin

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post("/token", response_model=Token, responses={401: {}, 429: {}})
def sign_in(form: Annotated[OAuth2PasswordRequestForm, Depends()], session: SessionDep) -> Token:
    """Sign in as MASH staff: a bearer token for 15 minutes. Five failures in 15 minutes lock the name."""
    try:
        user = signin.authenticate(session, form.username, form.password)
    except signin.Throttled:
        raise HTTPException(429, detail="too many failed sign-ins; try again later") from None
    except signin.WrongCredentials:
        raise HTTPException(401, detail="wrong name or password", headers={"WWW-Authenticate": "Bearer"}) from None
    return Token(
        access_token=create_access_token(user.username, user.role),
        expires_in=int(ACCESS_TOKEN_LIFETIME.total_seconds()),
    )
