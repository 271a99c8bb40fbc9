"""Alembic environment: run against the engine kessai hands over (no alembic.ini needed)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import MetaData

from storage.models import NAMING_CONVENTION

target_metadata = MetaData(naming_convention=NAMING_CONVENTION)


def run_migrations_online() -> None:
    engine = context.config.attributes["connection_engine"]
    with engine.connect() as connection:
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        )
        with context.begin_transaction():
            context.run_migrations()
        connection.commit()


run_migrations_online()
