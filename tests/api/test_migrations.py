"""Migrations go up and down on both databases, and the migrated schema is what the models say."""

import sqlite3
import threading
import time
import uuid

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

from api.core import db, migrations
from tests.api.conftest import POSTGRES


def test_up_down_up_and_the_schema_matches_the_models(database):
    # `database` arrives migrated to head by the fixture.
    with database.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []
    migrations.downgrade(database, "base")
    assert set(inspect(database).get_table_names()) <= {"alembic_version"}
    migrations.upgrade(database, "head")
    assert {"referral", "auditevent", "outboxmessage", "staffuser", "addendum"} <= set(
        inspect(database).get_table_names()
    )


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def test_processes_starting_together_migrate_one_at_a_time(backend, tmp_path):
    """Four API processes' start-ups race on an empty database: each must come up at head."""
    schema = f"m_{uuid.uuid4().hex[:12]}"
    if backend == "postgresql":
        admin = create_engine(POSTGRES)
        with admin.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA {schema}"))
        engines = [
            create_engine(POSTGRES, connect_args={"options": f"-csearch_path={schema}"}, poolclass=NullPool)
            for _ in range(4)
        ]
    else:
        engines = [
            create_engine(f"sqlite:///{tmp_path / 'race.db'}", connect_args={"timeout": 60}, poolclass=NullPool)
            for _ in range(4)
        ]
    failures: list[BaseException] = []
    start = threading.Barrier(len(engines))

    def start_up(engine) -> None:
        start.wait()
        try:
            migrations.upgrade(engine)
        except BaseException as error:  # noqa: BLE001 - collected and reported below
            failures.append(error)

    try:
        threads = [threading.Thread(target=start_up, args=(engine,)) for engine in engines]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert failures == []
        with engines[0].connect() as connection:
            assert MigrationContext.configure(connection).get_current_revision() is not None
            assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []
    finally:
        for engine in engines:
            engine.dispose()
        if backend == "postgresql":
            with admin.begin() as connection:
                connection.execute(text(f"DROP SCHEMA {schema} CASCADE"))
            admin.dispose()


def test_a_process_that_connects_while_another_holds_the_file_waits_to_turn_on_wal(tmp_path):
    """SQLite refuses a switch to WAL at once, without its busy timeout, while another connection
    holds the file: the second of two API processes started together exited on "database is
    locked". It waits instead, and comes up in WAL."""
    path = tmp_path / "held.db"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("INSERT INTO t VALUES (1)")
    released = threading.Timer(1.0, lambda: holder.execute("COMMIT"))
    released.start()
    started = time.monotonic()
    try:
        with db.get_engine(f"sqlite:///{path}").connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert time.monotonic() - started >= 0.9  # it waited for the holder, and did not fail
    finally:
        released.join()
        holder.close()
        db.get_engine(f"sqlite:///{path}").dispose()
