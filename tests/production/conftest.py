from collections.abc import Generator, Iterator

import pytest

from tests.e2e.conftest import sqlite_stack, stack  # noqa: F401 - shared end-to-end fixtures
from tests.production.serveproc import STARTED

# Enough of each log to see what a process was doing when the test gave up on it.
LOG_TAIL_LINES = 80


@pytest.fixture(autouse=True)
def no_serve_process_outlives_its_test() -> Iterator[None]:
    """A test (or fixture) that fails half-way may leave a `kessai serve` running; on the shared
    PostgreSQL database it would go on claiming the next tests' outbox rows."""
    yield
    while STARTED:
        STARTED.pop().stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A failing test shows the logs of the `kessai serve` processes it started (killed ones too):
    a wait that timed out says only what Slack saw, and the logs live in a tmp_path that a later
    run deletes — a rare failure on CI could not be explained from its report."""
    report = yield
    if report.failed:
        for p in STARTED:
            tail = "\n".join(p.log().splitlines()[-LOG_TAIL_LINES:])
            report.sections.append((f"kessai serve {p.log_path.name} (last {LOG_TAIL_LINES} lines)", tail))
    return report
