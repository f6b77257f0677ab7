"""Migrations go up and down on both databases, and the migrated schema is what the models say."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from api.core import migrations


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
