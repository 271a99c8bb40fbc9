from collections.abc import Iterator

import pytest

from tests.e2e.conftest import sqlite_stack, stack  # noqa: F401 - shared end-to-end fixtures
from tests.production.serveproc import STARTED


@pytest.fixture(autouse=True)
def no_serve_process_outlives_its_test() -> Iterator[None]:
    """A test (or fixture) that fails half-way may leave a `kessai serve` running; on the shared
    PostgreSQL database it would go on claiming the next tests' outbox rows."""
    yield
    while STARTED:
        STARTED.pop().stop()
