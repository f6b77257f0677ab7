"""The filing limit per caller address, and throttle counts that survive Redis being unreachable."""

import uuid

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from api.core import throttle
from api.core.config import get_settings
from api.main import app
from api.models import Referral
from tests.api.test_referrals import TEACHER_REFERRAL, file


@pytest.fixture
def limit_of_three(monkeypatch):
    monkeypatch.setattr(get_settings(), "filing_limit", 3)
    monkeypatch.setattr(get_settings(), "filing_window_seconds", 600)


def referrals_stored(database) -> int:
    with Session(database) as session:
        return session.exec(select(func.count()).select_from(Referral)).one()


def test_a_caller_over_the_filing_limit_is_refused_with_a_way_to_reach_a_person(client, database, limit_of_three):
    for n in range(3):
        assert file(client, key=f"limit-{n}").status_code == 201
    refused = file(client, key="limit-over")
    assert refused.status_code == 429
    assert "more than 3" in refused.json()["detail"] and "call 999" in refused.json()["detail"]
    assert refused.headers["Retry-After"] == "600"
    assert referrals_stored(database) == 3  # nothing half-stored
    # A client retrying a referral it already filed still gets its receipt back.
    assert file(client, key="limit-0").status_code == 200


def test_trusted_internal_callers_are_not_limited_and_other_addresses_are(database, limit_of_three, monkeypatch):
    from api.core import db

    monkeypatch.setattr(db, "get_engine", lambda url=None: database)
    throttle.window().reset()
    with TestClient(app, client=("127.0.0.1", 40000)) as action_server:
        assert all(file(action_server).status_code == 201 for _ in range(5))
    with TestClient(app, client=("10.20.30.40", 40000)) as outsider:
        assert [file(outsider).status_code for _ in range(4)] == [201, 201, 201, 429]
    with TestClient(app, client=("10.20.30.41", 40000)) as neighbour:
        assert file(neighbour).status_code == 201  # each address has its own count
    assert referrals_stored(database) == 9


def test_turning_the_limit_off(client, database, monkeypatch):
    monkeypatch.setattr(get_settings(), "filing_limit", 0)
    assert all(file(client, body={**TEACHER_REFERRAL}).status_code == 201 for _ in range(35))


def test_counts_fall_back_to_this_process_when_redis_cannot_be_reached():
    # Nothing listens on port 1: the real connection error, not a stand-in.
    window = throttle.RedisWindow("redis://127.0.0.1:1/0", throttle.MemoryWindow())
    key = f"throttle:test:{uuid.uuid4().hex}"
    assert [window.hit(key, 60) for _ in range(3)] == [1, 2, 3]
    assert window.count(key, 60) == 3
    window.clear(key)
    assert window.count(key, 60) == 0


def test_the_redis_window_slides_and_is_shared_between_clients():
    first = throttle.RedisWindow("redis://127.0.0.1:6379/0", throttle.MemoryWindow())
    second = throttle.RedisWindow("redis://127.0.0.1:6379/0", throttle.MemoryWindow())
    key = f"throttle:test:{uuid.uuid4().hex}"
    assert first.hit(key, 60) == 1
    assert second.hit(key, 60) == 2
    assert first.count(key, 60) == 2
    assert first.count(key, 0.000001) == 0  # older than the window: not counted
    second.clear(key)
    assert first.count(key, 60) == 0


def test_keys_do_not_hold_the_name_or_address_in_clear():
    key = throttle.key("signin", "mo.manager")
    assert "mo.manager" not in key and key.startswith("throttle:signin:")
    assert key == throttle.key("signin", "mo.manager") != throttle.key("signin", "mo.manager2")
