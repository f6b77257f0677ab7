"""Brings a database to the latest schema with Alembic: the one way tables are made, in tests too."""

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

INI = Path(__file__).resolve().parents[1] / "alembic.ini"


def config(engine: Engine | None = None) -> Config:
    alembic = Config(str(INI))
    alembic.set_main_option("script_location", str(INI.parent / "alembic"))
    return alembic


def upgrade(engine: Engine, revision: str = "head") -> None:
    alembic = config()
    with engine.begin() as connection:
        alembic.attributes["connection"] = connection
        command.upgrade(alembic, revision)


def downgrade(engine: Engine, revision: str = "base") -> None:
    alembic = config()
    with engine.begin() as connection:
        alembic.attributes["connection"] = connection
        command.downgrade(alembic, revision)
