"""The test suite's own databases (tests/conftest.py): each test starts on a copy of a template."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from storage.db import Database, migrations_current
from tests.conftest import _postgres_admin, migrated_database_url, postgres_url


def test_a_test_database_lost_to_an_interrupted_copy_is_made_again(tmp_path: Path) -> None:
    """Ctrl-C while a test's database was being copied from the template (DROP, then CREATE ...
    TEMPLATE, cancelled) left none: every PostgreSQL test of every later run failed to connect."""
    url = postgres_url()
    if not url:
        pytest.skip("TEST_DATABASE_URL is not set (PostgreSQL tests run in .ci/run)")
    with _postgres_admin(url).connect() as c:
        c.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    db = Database(migrated_database_url("postgres", tmp_path))
    try:
        assert migrations_current(db.engine)
    finally:
        db.dispose()
