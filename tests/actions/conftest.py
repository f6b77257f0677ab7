"""Fixtures for the action-server tests: tracker JSON fixtures and an in-process stand-in API.

The real API runs on Python 3.11 with pydantic 2 and cannot be imported into the Rasa env, so the
stand-in is a real HTTP server (aiohttp) that answers with contract-shaped JSON from data/ and
records what the actions sent.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
import pytest_asyncio
from aiohttp import web
from aiohttp.test_utils import TestServer
from rasa_sdk.executor import CollectingDispatcher
from trackers import load_json

from actions.settings import get_settings


class StandInApi:
    """Answers assessments with a fixture (minus the questions already answered) and files referrals."""

    def __init__(self) -> None:
        self.assessment = load_json("assessment_level3.json")
        self.assessment_requests: list[dict[str, Any]] = []
        self.referral_requests: list[tuple[dict[str, Any], str | None]] = []
        self.referral_status = 201
        self.references: dict[str, str] = {}

    async def assessments(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.assessment_requests.append(body)
        answer = copy.deepcopy(self.assessment)
        answer["questions"] = [q for q in answer["questions"] if q["id"] not in body.get("answers", {})]
        return web.json_response(answer)

    async def referrals(self, request: web.Request) -> web.Response:
        body = await request.json()
        key = request.headers.get("Idempotency-Key")
        self.referral_requests.append((body, key))
        if self.referral_status != 201:
            return web.json_response({"detail": "failed"}, status=self.referral_status)
        reference = self.references.setdefault(key, f"MASH-2026-{len(self.references) + 1:05d}")
        return web.json_response(
            {"reference": reference, "acknowledge_by": "Tuesday 24 November, 17:00", "status_token": "tok"},
            status=201,
        )


@pytest_asyncio.fixture
async def api(monkeypatch):
    stand_in = StandInApi()
    app = web.Application()
    app.router.add_post("/api/v1/assessments", stand_in.assessments)
    app.router.add_post("/api/v1/referrals", stand_in.referrals)
    server = TestServer(app)
    await server.start_server()
    monkeypatch.setenv("API_BASE_URL", str(server.make_url("")))
    get_settings.cache_clear()
    yield stand_in
    await server.close()
    get_settings.cache_clear()


@pytest.fixture
def api_down(monkeypatch, unused_tcp_port):
    monkeypatch.setenv("API_BASE_URL", f"http://127.0.0.1:{unused_tcp_port}")
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@pytest.fixture
def dispatcher() -> CollectingDispatcher:
    return CollectingDispatcher()
