"""Conversations leave the real PostgreSQL tracker store, whole, once idle for the retention period."""

from __future__ import annotations

import asyncio
import time
import uuid

import pytest
from rasa.core.tracker_store import SQLTrackerStore
from rasa.shared.core.domain import Domain
from rasa.shared.core.events import ActionExecuted, UserUttered
from rasa.shared.core.trackers import DialogueStateTracker
from sqlalchemy import create_engine, text

from bot import retention

POSTGRES = "postgresql://postgres@127.0.0.1:5432"
DAY = 86400


@pytest.fixture
def tracker_store():
    """Rasa's own SQL tracker store in a database of its own, as production runs it."""
    name = f"rasa_retention_{uuid.uuid4().hex[:8]}"
    admin = create_engine(f"{POSTGRES}/test", isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"CREATE DATABASE {name}"))
    store = SQLTrackerStore(
        Domain.empty(), dialect="postgresql", host="127.0.0.1", port=5432, db=name, username="postgres"
    )
    yield store, f"{POSTGRES}/{name}"
    store.engine.dispose()
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE {name} WITH (FORCE)"))
    admin.dispose()


def conversation(store: SQLTrackerStore, sender_id: str, *days_ago: float) -> None:
    now = time.time()
    events = []
    for ago in days_ago:
        events += [
            UserUttered("my neighbour's child is left alone at night", timestamp=now - ago * DAY),
            ActionExecuted("utter_ask_more", timestamp=now - ago * DAY + 1),
        ]
    asyncio.run(store.save(DialogueStateTracker.from_events(sender_id, events)))


def stored_events(store: SQLTrackerStore, sender_id: str) -> int:
    with store.engine.connect() as connection:
        return connection.execute(
            text("SELECT COUNT(*) FROM events WHERE sender_id = :s"), {"s": sender_id}
        ).scalar_one()


def test_idle_conversations_go_whole_and_active_ones_stay(tracker_store):
    store, url = tracker_store
    conversation(store, "idle", 40, 35)
    conversation(store, "recent", 2)
    conversation(store, "came-back", 60, 1)  # started long ago, active yesterday

    assert retention.purge(url, 30, dry_run=True) == 1
    assert stored_events(store, "idle") == 4  # a dry run deletes nothing

    assert retention.purge(url, 30) == 1
    assert stored_events(store, "idle") == 0
    assert asyncio.run(store.retrieve("idle")) is None
    assert stored_events(store, "recent") == 2
    assert stored_events(store, "came-back") == 4  # never half a conversation
    assert retention.purge(url, 30) == 0


def test_a_shorter_retention_takes_more(tracker_store):
    store, url = tracker_store
    conversation(store, "three-days", 3)
    conversation(store, "an-hour", 1 / 24)
    assert retention.purge(url, 1) == 1
    assert stored_events(store, "three-days") == 0 and stored_events(store, "an-hour") == 2


def test_the_command_names_what_is_wrong(monkeypatch, capsys):
    monkeypatch.delenv("RASA_TRACKER_URL", raising=False)
    monkeypatch.delenv("RASA_DB_HOST", raising=False)
    assert retention.main(["--days", "30"]) == 2
    assert "RASA_DB_HOST" in capsys.readouterr().err
    monkeypatch.setenv("RASA_TRACKER_URL", f"{POSTGRES}/test")
    assert retention.main(["--days", "0"]) == 2
    assert "positive number of days" in capsys.readouterr().err


def test_the_url_is_built_from_the_production_settings():
    url = retention.tracker_url(
        {
            "RASA_DB_HOST": "db",
            "RASA_DB_PORT": "5433",
            "RASA_DB_NAME": "rasa",
            "RASA_DB_USER": "rasa",
            "RASA_DB_PASSWORD": "p@ss/word",
        }
    )
    assert url == "postgresql://rasa:p%40ss%2Fword@db:5433/rasa"
