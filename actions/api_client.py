"""HTTP client for the referral backend's API (POST /api/v1/assessments and /api/v1/referrals)."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp

from actions.settings import get_settings


class ApiUnavailable(Exception):
    """The API could not be reached or failed: the person must be given the phone numbers instead."""


class ApiRejected(Exception):
    """The API answered but refused the request (4xx): nothing was stored."""

    def __init__(self, status: int, detail: Any) -> None:
        super().__init__(f"API refused the request with HTTP {status}")
        self.status = status
        self.detail = detail


async def _post(path: str, body: dict[str, Any], headers: dict[str, str] | None = None) -> dict[str, Any]:
    settings = get_settings()
    url = settings.api_base_url.rstrip("/") + path
    timeout = aiohttp.ClientTimeout(total=settings.api_timeout_seconds)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.post(url, json=body, headers=headers or {}) as response,
        ):
            if response.status >= 500:
                raise ApiUnavailable(f"HTTP {response.status} from {path}")
            payload = await response.json(content_type=None)
            if response.status >= 400:
                raise ApiRejected(response.status, payload)
            if response.status not in (200, 201):
                raise ApiUnavailable(f"unexpected HTTP {response.status} from {path}")
            return payload
    except (aiohttp.ClientError, asyncio.TimeoutError, ValueError) as error:
        raise ApiUnavailable(str(error)) from error


async def assess(request: dict[str, Any]) -> dict[str, Any]:
    """Posts an AssessmentRequest (knowledge/contract.py) and returns the AssessmentResponse JSON."""
    return await _post("/api/v1/assessments", request)


async def file_referral(body: dict[str, Any], idempotency_key: str) -> dict[str, Any]:
    """Files a referral; returns the API's receipt only when it answered 200 or 201."""
    return await _post("/api/v1/referrals", body, headers={"Idempotency-Key": idempotency_key})
