"""Staff passwords (Argon2 via pwdlib) and short-lived access tokens (JWT with audience and issuer)."""

from __future__ import annotations

from datetime import timedelta

import jwt
from pwdlib import PasswordHash

from api.core.config import get_settings
from api.models import utcnow

ACCESS_TOKEN_LIFETIME = timedelta(minutes=15)
AUDIENCE = "mash-staff"
ISSUER = "safeguarding-front-door"
ALGORITHM = "HS256"

password_hash = PasswordHash.recommended()
# Verifying against this when the user does not exist keeps the timing of a wrong name and a wrong password alike.
DUMMY_HASH = password_hash.hash("not-a-real-password")


def hash_password(password: str) -> str:
    return password_hash.hash(password)


def verify_password(password: str, hashed: str | None) -> bool:
    return password_hash.verify(password, hashed or DUMMY_HASH) and hashed is not None


def create_access_token(subject: str, role: str) -> str:
    now = utcnow()
    claims = {
        "sub": subject,
        "role": role,
        "aud": AUDIENCE,
        "iss": ISSUER,
        "iat": now,
        "exp": now + ACCESS_TOKEN_LIFETIME,
    }
    return jwt.encode(claims, get_settings().secret_key, algorithm=ALGORITHM)


def read_access_token(token: str) -> dict:
    """The token's claims; raises jwt.InvalidTokenError when it is forged, expired or for someone else."""
    return jwt.decode(
        token,
        get_settings().secret_key,
        algorithms=[ALGORITHM],
        audience=AUDIENCE,
        issuer=ISSUER,
        options={"require": ["exp", "aud", "iss", "sub"]},
    )
