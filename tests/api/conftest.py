"""API tests run against an embedded SQLite file and the real PostgreSQL at 127.0.0.1:5432."""

import os
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlmodel import create_engine

from api.core import db, migrations
from api.main import app
from api.services import signin

POSTGRES = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def database(request, tmp_path):
    """A fresh database per test: a new SQLite file, or a new schema on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'test.db'}"
        engine = db.get_engine(url)
    else:
        schema = f"t_{uuid.uuid4().hex[:12]}"
        admin = create_engine(POSTGRES)
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        engine = create_engine(POSTGRES, connect_args={"options": f"-csearch_path={schema}"})
    migrations.upgrade(engine)
    yield engine
    engine.dispose()
    if request.param == "postgresql":
        with admin.begin() as connection:
            connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def client(database, monkeypatch):
    monkeypatch.setattr(db, "get_engine", lambda url=None: database)
    signin.reset()  # sign-in throttling is per process: each test starts with none
    with TestClient(app) as test_client:
        yield test_client
