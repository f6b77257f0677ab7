"""The database engine and sessions. SQLite for development and tests, PostgreSQL in production."""

import sqlite3
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from sqlalchemy import Engine, event, make_url
from sqlmodel import Session, SQLModel, create_engine
from starlette.concurrency import run_in_threadpool

from api.core.config import get_settings

T = TypeVar("T")
BUSY_SECONDS = 10  # how long SQLite waits for another writer before it errors


@lru_cache
def get_engine(url: str | None = None) -> Engine:
    url = url or get_settings().database_url
    if url.startswith("sqlite"):
        database = make_url(url).database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(connection, _record) -> None:
            # Durable before acknowledged: WAL with full fsync, and waits rather than errors under contention.
            cursor = connection.cursor()
            cursor.execute(f"PRAGMA busy_timeout={BUSY_SECONDS * 1000}")
            _wal(cursor)
            cursor.execute("PRAGMA synchronous=FULL")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True)


def _wal(cursor: sqlite3.Cursor) -> None:
    """Turns on WAL. Switching needs the whole file, and SQLite refuses at once, without waiting the
    busy timeout, while another process holds it: a second API process started beside the first
    exited at start-up on "database is locked" while the first checked its migrations. So it waits
    here, as long as a busy write would."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


async def get_session() -> AsyncIterator[Session]:
    # An async dependency, though the session is a plain one used by plain (threaded) routes: FastAPI
    # runs a plain generator dependency's start and its end each in the thread pool, two thread hand-
    # offs per request on top of the route's own. Making a Session opens no connection, and closing
    # it only hands its connection back to the pool, so both are cheap enough for the event loop.
    with Session(get_engine()) as session:
        yield session


async def run(session: Session, work: Callable[[], T]) -> T:
    """Runs a hot route's database work: on the event loop for SQLite, in the thread pool otherwise.

    SQLite is a library in this process with one writer at a time, so a thread buys no concurrency,
    and handing each filing to a thread and back cost a third of its CPU (about 1 ms of 3.9 ms; 220
    -> 300 filings a second in bench/referrals.py). PostgreSQL is across a network, where a thread
    lets other requests go on while one waits for the server.
    """
    if session.get_bind().dialect.name == "sqlite":
        return work()
    return await run_in_threadpool(work)


def insert(session: Session, row: SQLModel) -> None:
    """One plain INSERT of a new row, run now in the session's transaction.

    For the hot write paths (filing, audit rows): the ORM's unit of work (change tracking, flush
    ordering, reloading after commit) costs more than the rest of filing, and these rows are written
    once and never changed. The row's own values are used, not model_dump(), which would deep-copy
    the JSON columns. A database-made primary key (None here) is left to the database.
    """
    table = type(row).__table__  # type: ignore[attr-defined]
    values = {column.name: getattr(row, column.name) for column in table.columns}
    values = {name: value for name, value in values.items() if not (value is None and table.c[name].primary_key)}
    session.execute(table.insert(), [values])


_SQLITE_WRITER = threading.Lock()


@contextmanager
def one_writer(session: Session) -> Iterator[None]:
    """Around a write transaction that many requests run at once (filing).

    SQLite lets one writer in at a time and makes the others wait by sleeping and retrying, for up to
    100 ms a sleep: under twenty concurrent filings that gave a p95 of over a second. Threads of this
    process queue on a lock instead, woken the moment the writer before them commits. PostgreSQL
    needs no such thing.
    """
    if session.get_bind().dialect.name != "sqlite":
        yield
        return
    with _SQLITE_WRITER:
        yield
