"""Brings a database to the latest schema with Alembic: the one way tables are made, in tests too."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, Engine, text

INI = Path(__file__).resolve().parents[1] / "alembic.ini"
MIGRATION_LOCK = 724002  # an advisory lock id of its own (the audit chain's tail uses 724001)


def config(engine: Engine | None = None) -> Config:
    alembic = Config(str(INI))
    alembic.set_main_option("script_location", str(INI.parent / "alembic"))
    return alembic


def upgrade(engine: Engine, revision: str = "head") -> None:
    alembic = config()
    with engine.begin() as connection:
        _one_at_a_time(connection)
        alembic.attributes["connection"] = connection
        command.upgrade(alembic, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    alembic = config()
    with engine.begin() as connection:
        _one_at_a_time(connection)
        alembic.attributes["connection"] = connection
        command.downgrade(alembic, revision)


def _one_at_a_time(connection: Connection) -> None:
    """Several API processes start together (replicas, or uvicorn's workers): the first migrates, the
    others wait for it and then find nothing left to do. The lock ends with the migration's transaction."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": MIGRATION_LOCK})
    elif connection.dialect.name == "sqlite":
        # The driver would run the DDL outside any transaction; take SQLite's write lock first instead.
        connection.exec_driver_sql("BEGIN IMMEDIATE")
