"""The MASH staff desk: sign-in, the queue, a referral in full, and the steps each role may take."""

from fastapi import APIRouter

router = APIRouter(prefix="/desk", include_in_schema=False)
