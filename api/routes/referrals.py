import ipaddress
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request, Response
from sqlmodel import Session

from api.core import db, throttle
from api.core.config import get_settings
from api.core.db import get_session
from api.models import ReferralCreate, ReferralReceipt, ReferralStatus
from api.services import referrals

router = APIRouter(prefix="/referrals", tags=["referrals"])
SessionDep = Annotated[Session, Depends(get_session)]


@router.post(
    "", response_model=ReferralReceipt, status_code=201, responses={200: {"model": ReferralReceipt}, 409: {}, 429: {}}
)
async def file_referral(
    referral: ReferralCreate,
    session: SessionDep,
    request: Request,
    response: Response,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> ReferralReceipt:
    """File a referral with the front door; a retry with the same Idempotency-Key files it once."""
    try:
        receipt, created = await db.run(
            session,
            lambda: referrals.file_referral(
                session, referral, idempotency_key=idempotency_key, before_create=lambda: _within_filing_limit(request)
            ),
        )
    except referrals.IdempotencyConflict as error:
        raise HTTPException(409, detail=[{"field": "Idempotency-Key", "message": str(error)}]) from None
    if not created:
        response.status_code = 200
    return receipt


def _within_filing_limit(request: Request) -> None:
    """Count this new referral against its caller's address; 429 once the address has filed its limit."""
    settings = get_settings()
    address = request.client.host if request.client else ""
    if settings.filing_limit <= 0 or _exempt(address, settings.filing_limit_exempt):
        return
    key = throttle.key("filing", address)
    if throttle.window().hit(key, settings.filing_window_seconds) > settings.filing_limit:
        # Refusing a referral is never the last word: the refusal says how to reach a person now.
        raise HTTPException(
            429,
            detail=(
                f"more than {settings.filing_limit} referrals from this address in "
                f"{settings.filing_window_seconds // 60} minutes; try again later, or phone the front door. "
                "If a child is in immediate danger, call 999."
            ),
            headers={"Retry-After": str(settings.filing_window_seconds)},
        )


def _exempt(address: str, networks: list[str]) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False  # not an IP address (a test client): limited like any caller
    return any(ip in ipaddress.ip_network(network) for network in networks)


@router.get("/{reference}/status", response_model=ReferralStatus, responses={404: {}})
def referral_status(
    reference: str, session: SessionDep, x_status_token: Annotated[str, Header(max_length=100)]
) -> ReferralStatus:
    """The referrer's view of status and feedback: the reference and the token given when filing."""
    found = referrals.status(session, reference, x_status_token)
    if found is None:
        raise HTTPException(404, detail="no referral with that reference and token")
    return found
