from collections.abc import Generator, Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

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
        # What the database is doing first: the stack dumps below take a moment, and a lock wait
        # that ends meanwhile would no longer show.
        for url in dict.fromkeys(p.env["DATABASE_URL"] for p in STARTED):
            if url.startswith("postgresql"):
                report.sections.append((f"database sessions of {make_url(url).database}", database_sessions(url)))
        for p in STARTED:
            tail = "\n".join(p.log().splitlines()[-LOG_TAIL_LINES:])
            report.sections.append((f"kessai serve {p.log_path.name} (last {LOG_TAIL_LINES} lines)", tail))
            if stacks := p.stacks():
                report.sections.append((f"kessai serve {p.log_path.name}: threads now", stacks))
    return report


def database_sessions(url: str) -> str:
    """The sessions on the test's PostgreSQL database: which are in a transaction, what each waits
    for and who blocks it. A process killed while its session waited on a lock keeps that
    session's locks until the wait ends (the server reads the closed socket only then)."""
    engine = create_engine(make_url(url).set(drivername="postgresql+psycopg"))
    try:
        with engine.connect() as c:
            rows = c.execute(text(
                "SELECT pid, state, wait_event_type, wait_event, pg_blocking_pids(pid),"
                " round(extract(epoch FROM now() - xact_start)::numeric, 1), left(query, 200)"
                " FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
                " ORDER BY xact_start NULLS LAST")).all()
    except Exception as e:  # the report of a failure must not fail itself (a database outage test)
        return f"could not read pg_stat_activity: {type(e).__name__}: {e}"
    finally:
        engine.dispose()
    header = "pid | state | wait | blocked by | transaction age (s) | query"
    return "\n".join([header, *(f"{r[0]} | {r[1]} | {r[2]}:{r[3]} | {r[4]} | {r[5]} | {r[6]}" for r in rows)])
