"""Alembic environment: run against the engine kessai hands over (no alembic.ini needed)."""

from __future__ import annotations

import logging

from alembic import context
from sqlalchemy import MetaData, text

from storage.db import MIGRATION_INFO, MIGRATION_LOCK, note_commits_in
from storage.models import NAMING_CONVENTION

log = logging.getLogger("storage.db")

target_metadata = MetaData(naming_convention=NAMING_CONVENTION)


def run_migrations_online() -> None:
    engine = context.config.attributes["connection_engine"]
    with engine.connect() as connection:
        if (info := context.config.attributes.get(MIGRATION_INFO)) is not None:
            note_commits_in(connection, info)
        context.configure(
            connection=connection,
            target_metadata=target_metadata,
            render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies the table
        )
        with context.begin_transaction():
            if connection.dialect.name == "postgresql":
                # A DBA's lock_timeout or statement_timeout (set on the server, database or role for
                # the application's short statements) cancelled a replica waiting below for another's
                # migration, and a migration rewriting a large table: that replica failed to start,
                # or the upgrade stopped half-way (rolled back). Waiting here is intended.
                connection.execute(text("SET LOCAL lock_timeout = 0"))
                connection.execute(text("SET LOCAL statement_timeout = 0"))
            # Replicas of a new version started together each upgrade at start: without the lock
            # both read the old revision and the second fails on what the first created (a column
            # that already exists). Taken before the revision is read, held to the commit, so the
            # second finds the schema current. SQLite: BEGIN IMMEDIATE already excludes other
            # writers (storage.db).
            if connection.dialect.name == "postgresql" and not connection.execute(
                    text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK}).scalar_one():
                # Said before waiting: a start (or `kessai db upgrade`) that waits minutes for a
                # long migration, or one stuck behind a long transaction, is not silent.
                log.info("another kessai is migrating the database; waiting for it to finish")
                connection.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            # What this process found, read under the lock: the revision before may have moved
            # while it waited, and `kessai db upgrade` reports what it changed.
            context.config.attributes["found"] = context.get_context().get_current_revision()
            context.run_migrations()
        connection.commit()


run_migrations_online()
