"""The public pages: the chat at `/` and the referral status page (reference and token, no account)."""

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
