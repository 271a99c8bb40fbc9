"""The statements psycopg prepares on a pooled PostgreSQL connection stay prepared: planning the
intake's reads costs more than running them (about 1 ms against 0.3), and psycopg prepares a
statement only after its fifth run on a connection."""

from __future__ import annotations

from sqlalchemy import text

from storage.db import Database, migrations_state


def prepared_here(db: Database) -> int:
    with db.session() as s:
        return int(s.connection().execute(text("SELECT count(*) FROM pg_prepared_statements")).scalar_one())


def test_the_health_checks_migration_read_keeps_prepared_statements(postgres: Database) -> None:
    postgres.engine.dispose()  # one pooled connection, used by everything below
    for _ in range(8):
        with postgres.session() as s:
            s.connection().execute(text("SELECT count(*) FROM drafts WHERE id > :n"), {"n": 0}).all()
    assert prepared_here(postgres) >= 1
    assert postgres.engine.pool.checkedin() == 1  # type: ignore[attr-defined]

    assert migrations_state(postgres.engine) == "current"  # what /healthz asks on every poll

    assert prepared_here(postgres) >= 1


def test_the_connection_returned_last_is_used_next(postgres: Database) -> None:
    first, second = postgres.engine.raw_connection(), postgres.engine.raw_connection()
    first_id, second_id = id(first.dbapi_connection), id(second.dbapi_connection)
    first.close()
    second.close()
    again = postgres.engine.raw_connection()
    try:
        assert id(again.dbapi_connection) == second_id != first_id
    finally:
        again.close()
