from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Response
from sqlmodel import Session

from api.core.db import get_session
from api.models import ReferralCreate, ReferralReceipt, ReferralStatus
from api.services import referrals

router = APIRouter(prefix="/referrals", tags=["referrals"])
SessionDep = Annotated[Session, Depends(get_session)]


@router.post("", response_model=ReferralReceipt, status_code=201, responses={200: {"model": ReferralReceipt}, 409: {}})
def file_referral(
    referral: ReferralCreate,
    session: SessionDep,
    response: Response,
    idempotency_key: Annotated[str | None, Header(max_length=200)] = None,
) -> ReferralReceipt:
    """File a referral with the front door; a retry with the same Idempotency-Key files it once."""
    try:
        receipt, created = referrals.file_referral(session, referral, idempotency_key=idempotency_key)
    except referrals.IdempotencyConflict as error:
        raise HTTPException(409, detail=[{"field": "Idempotency-Key", "message": str(error)}]) from None
    if not created:
        response.status_code = 200
    return receipt


@router.get("/{reference}/status", response_model=ReferralStatus, responses={404: {}})
def referral_status(
    reference: str, session: SessionDep, x_status_token: Annotated[str, Header(max_length=100)]
) -> ReferralStatus:
    """The referrer's view of status and feedback: the reference and the token given when filing."""
    found = referrals.status(session, reference, x_status_token)
    if found is None:
        raise HTTPException(404, detail="no referral with that reference and token")
    return found
