"""Shared fixtures: real databases (SQLite always, PostgreSQL when TEST_DATABASE_URL is set)."""

from __future__ import annotations

import functools
import logging
import math
import os
import shutil
import signal
import sqlite3
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any, Protocol, TypeVar

import pytest
from _pytest.logging import LogCaptureHandler
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from sqlalchemy import Connection, Engine, create_engine, event, select, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.pool import NullPool

from bot.config import OrgConfig, load_org_config
from storage.db import Database

S = TypeVar("S", bound="_Stoppable")

DEMO_TOML = Path(__file__).resolve().parents[1] / "bot" / "data" / "demo.toml"

# No test is timed (speed is measured in benchmarks/): hypothesis's default deadline of 200 ms per
# example failed a property test that set none (DeadlineExceeded, or Flaky) on a loaded machine.
# A failure prints the @reproduce_failure line, so it can be replayed where it was not found.
# Built on Hypothesis's defaults, not on whatever profile is loaded: where CI is set (GitHub Actions
# and the like), Hypothesis loads its own "ci" profile first, and a profile built on it was
# derandomized with no example database, so a developer's run or an "explore" hunt there drew the
# same examples every time and kept none it found.
hypothesis_settings.register_profile("kessai", parent=hypothesis_settings.get_profile("default"), deadline=None,
                                     print_blob=True)
# CI (.ci/run) draws the same examples every run: a red run is the change's doing, not a draw that
# found an old defect in someone else's change, and it fails the same way on a developer's machine.
# Finding new examples is left to developers' runs (random, remembered in .hypothesis/) and, for a
# deliberate hunt, to "explore" (ten times the examples; the stateful test has its own
# KESSAI_STATEFUL_EXAMPLES).
# Spelt out rather than built on Hypothesis's own "ci" profile, which versions before late 2024
# do not have (pyproject allows hypothesis>=6.100): there, asking for it failed every test at import.
hypothesis_settings.register_profile("ci", parent=hypothesis_settings.get_profile("default"), derandomize=True,
                                     database=None, print_blob=True, deadline=None,
                                     suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.register_profile("explore", parent=hypothesis_settings.get_profile("kessai"), max_examples=1000)
hypothesis_settings.load_profile(os.environ.get("KESSAI_HYPOTHESIS_PROFILE", "kessai"))

# A test's own @settings(max_examples=…) outranks every profile: "explore" left the tests that
# pin a count (most of them) at that count, so a hunt drew no more examples than a developer's run.
EXPLORE_FACTOR = 10


def explore_harder(test: object) -> None:
    """Under "explore", ``test``'s own count of examples (a @given test with @settings) ten times
    over, as the profile does for the rest. Hypothesis reads a test's settings from this attribute
    each time the test runs, and allows no second @settings on it."""
    test = getattr(test, "__func__", test)  # a method: the function holds the settings
    pinned = getattr(test, "_hypothesis_internal_use_settings", None)
    if os.environ.get("KESSAI_HYPOTHESIS_PROFILE") != "explore" or not isinstance(pinned, hypothesis_settings) \
            or getattr(test, "_kessai_explored", False):  # once: each parametrised case is an item of it
        return
    test._kessai_explored = True  # type: ignore[attr-defined]
    # A test without a count of its own has the profile's already.
    if pinned.max_examples < hypothesis_settings.get_profile("explore").max_examples:
        test._hypothesis_internal_use_settings = hypothesis_settings(  # type: ignore[attr-defined]
            pinned, max_examples=pinned.max_examples * EXPLORE_FACTOR)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if isinstance(item, pytest.Function):
            explore_harder(item.obj)


@event.listens_for(Engine, "connect")
def _sqlite_without_fsync(dbapi_conn: object, _record: object) -> None:
    """Test-only: SQLite databases this process opens skip fsync at commit (PRAGMA synchronous=OFF),
    as CI's PostgreSQL runs with fsync=off (scripts/start-postgres.sh). Each commit otherwise waited
    for the disk (1-20 ms here, and the suite commits tens of thousands of times); what a test sees
    is the same, as only an operating-system crash or power cut tells the two apart, and none is
    simulated. `kessai serve` and other processes the tests start keep SQLite's default."""
    if isinstance(dbapi_conn, sqlite3.Connection):
        cursor = dbapi_conn.cursor()
        cursor.execute("PRAGMA synchronous=OFF")
        cursor.close()


@pytest.fixture(autouse=True)
def _root_logging_restored() -> Iterator[None]:
    """A command run in-process (bot.cli.main) sets up logging as serve does: a handler on the
    sys.stderr of that moment, the test's capture, closed when the test ends. Left on the root
    logger, it took every later record of the session, and a thread logging after pytest's capture
    had ended printed "I/O operation on closed file" at the end of the run.
    It also took pytest's own from the root logger: those of the test's phases (put back by pytest
    at the next phase) and those of the whole run (a null handler, --log-file's, --log-cli's), which
    were never put back. From then on a thread logging between two tests found no handler at all,
    and Python's last resort printed the line bare on the terminal, amid the dots of the run."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in root.handlers[:]:
        if handler not in handlers and not type(handler).__module__.startswith("_pytest."):
            root.removeHandler(handler)
    for handler in handlers:
        # Not the setup phase's capture (pytest has taken it off since, and adds each phase its own).
        if handler not in root.handlers and not isinstance(handler, LogCaptureHandler):
            root.addHandler(handler)
    root.setLevel(level)


# Threads that outlive every test by design, one per process at most:
# - kessai-slack-watchdog: bot.slack_http's single deadline thread, started at the first Slack call
#   and kept for the process (a thread per call cost more than the call's own work);
# - kessai-stacks: waits for SIGUSR1 for the process's life (bot.serve.dump_stacks_on_sigusr1);
# - kessai-slack-resolve: a name look-up left to finish in the background when its call's deadline
#   passed (getaddrinfo cannot be interrupted); it ends when the resolver answers.
LONG_LIVED_THREADS = ("kessai-slack-watchdog", "kessai-stacks", "kessai-slack-resolve")
# A thread that is stopping when its module ends (its stop() returned, its last line still running)
# is given this long, in all, to end; nothing is waited for when no thread is left.
LEAKED_THREAD_GRACE_SECONDS = 2.0

_thread_started_in: dict[threading.Thread, str] = {}  # a thread -> the test during which it was first seen
_threads_before_tests: set[threading.Thread] = set()  # pytest's and xdist's own, and the main thread


def _note_new_threads(nodeid: str) -> None:
    for t in threading.enumerate():
        if t not in _thread_started_in and t not in _threads_before_tests:
            _thread_started_in[t] = nodeid


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item) -> Iterator[None]:
    item.stash[_BEGAN] = time.monotonic()
    if not _threads_before_tests and not _thread_started_in:
        _threads_before_tests.update(threading.enumerate())
    return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[None]:
    """Fails the last test of a module (an error at its teardown) while a thread started during
    the module is still alive: a gateway, runtime or local Slack a test did not stop kept its
    threads and sockets, under pytest-xdist inside a worker that runs hundreds of other tests,
    and logged into later tests' output. Looked at after each test (a few microseconds) so the
    test that started it is named; judged when the module's own fixtures have been torn down."""
    result = yield
    _note_new_threads(item.nodeid)
    if nextitem is not None and nextitem.path == item.path:
        return result
    left = [t for t, _ in _thread_started_in.items() if t.is_alive() and not t.name.startswith(LONG_LIVED_THREADS)]
    deadline = time.monotonic() + LEAKED_THREAD_GRACE_SECONDS
    for t in left:
        t.join(max(0.0, deadline - time.monotonic()))
    leaked = [(t, _thread_started_in[t]) for t in left if t.is_alive()]
    for t in [t for t in _thread_started_in if not t.is_alive() or t.name.startswith(LONG_LIVED_THREADS)]:
        del _thread_started_in[t]
    for t, _ in leaked:  # told once, not again at every later module's end
        del _thread_started_in[t]
        _threads_before_tests.add(t)
    if leaked:
        pytest.fail("threads left running when the module ended (stop what a test starts: stopped_after, "
                    "a with block):\n" + "\n".join(f"  {t.name!r}, started during {nodeid}" for t, nodeid in leaked),
                    pytrace=False)
    return result


_BEGAN = pytest.StashKey[float]()


def _timeout_of(item: pytest.Item) -> float:
    """pytest-timeout's limit for ``item``: its marker's, else --timeout's, else PYTEST_TIMEOUT's,
    else the ini's (0: none). (Without PYTEST_TIMEOUT, a run given more time that way, or none to
    debug, still had every test failed here at the ini's 300 s.)"""
    marker = item.get_closest_marker("timeout")
    if marker is not None and (marker.args or "timeout" in marker.kwargs):
        return float(marker.kwargs.get("timeout", marker.args[0] if marker.args else 0) or 0)
    given = item.config.getoption("timeout", None)
    if given is None:
        given = os.environ.get("PYTEST_TIMEOUT") or None
    return float(given if given is not None else item.config.getini("timeout") or 0)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """A test that ran past its timeout fails, even where pytest-timeout's failure was lost.
    Its default method raises from a SIGALRM handler in whatever the main thread runs at that
    instant; under load (tests/test_workflow_stateful.py, 345 s) that was SQLAlchemy's finaliser of
    a connection being garbage-collected, where Python prints an exception and drops it, and the
    test went on and was reported passed. (Its thread method is not lost, but it ends the process:
    pytest-xdist then gave the crashed worker's whole file to a new worker, which ran the test
    again, up to eight times.) Timed from the test's setup, as pytest-timeout does."""
    result = yield
    timeout = _timeout_of(item)
    took = time.monotonic() - item.stash.get(_BEGAN, time.monotonic())
    if timeout > 0 and took > timeout and not item.config.getoption("usepdb", False):
        pytest.fail(f"Timeout: the test ran {took:.1f} s, past its {timeout:g} s (pytest-timeout's own failure was "
                    "lost: raised inside a finaliser or callback, where Python drops exceptions)", pytrace=False)
    return result


def postgres_url() -> str | None:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url and os.environ.get("KESSAI_REQUIRE_POSTGRES"):
        raise RuntimeError("KESSAI_REQUIRE_POSTGRES is set but TEST_DATABASE_URL is not")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if url and worker:
        # Each pytest-xdist worker drops and copies its test database per test: two workers on
        # one database dropped it under each other. reset_postgres creates it at first use.
        u = make_url(url)
        url = u.set(database=f"{u.database}_{worker}").render_as_string(hide_password=False)
    return url


def reset_postgres(url: str) -> None:
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1), isolation_level="AUTOCOMMIT")
    try:
        try:
            connection = engine.connect()
        except OperationalError as e:
            # Each test drops the database and copies it from the template (migrated): a run
            # interrupted (Ctrl-C) during the copy leaves none, and every PostgreSQL test of every
            # later run failed to connect until someone ran createdb again.
            # Asked, not read from the message: a server with lc_messages = 'ja_JP' says
            # 「データベース"…"は存在しません」, and every PostgreSQL test then failed to start.
            name = make_url(url).database
            with _postgres_admin(url).connect() as c:
                if c.execute(text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": name}).first():
                    raise e
                c.execute(text(f'CREATE DATABASE "{name}"'))
            connection = engine.connect()
        with connection as c:
            c.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            c.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


def database_url(kind: str, tmp_path: Path) -> str:
    """An empty database (no table at all): for what migrates one itself."""
    if kind == "sqlite":
        return f"sqlite:///{tmp_path / 'kessai.db'}"
    url = postgres_url()
    if not url:
        pytest.skip("TEST_DATABASE_URL is not set (PostgreSQL tests run in .ci/run)")
    reset_postgres(url)
    return url


# Migrating an empty database costs about 0.2 s on SQLite and 0.3 s on PostgreSQL, and about a
# thousand tests of the suite start on one: each starts on a copy of a database migrated once per
# session instead (about 5 ms; 40 ms on PostgreSQL). The migrations themselves are tested on
# empty databases (database_url) in tests/storage, and `kessai serve` on one in tests/production.
_MIGRATED_SQLITE: list[Path] = []


def migrated_database_url(kind: str, tmp_path: Path) -> str:
    """A database with every migration applied and nothing else, of its own."""
    return migrated(database_url(kind, tmp_path))


def migrated(url: str) -> str:
    """``url`` (an empty database) made a copy of a database migrated once per session, so
    nothing a test writes (or drops) reaches the next; the same url."""
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if not _MIGRATED_SQLITE:
            template = Path(tempfile.mkdtemp(prefix="kessai-migrated-")) / "kessai.db"
            _upgraded(f"sqlite:///{template}")
            _MIGRATED_SQLITE.append(template)
        assert u.database and not Path(u.database).exists(), f"not an empty database: {url}"
        return copy_sqlite(_MIGRATED_SQLITE[0], Path(u.database))
    template = _postgres_template(url)
    if template is None:  # a role that may not create databases: migrate this one
        _upgraded(url)
        return url
    with _postgres_admin(url).connect() as c:
        # FORCE: a connection a test left open (an engine not disposed) would block the DROP.
        c.execute(text(f'DROP DATABASE IF EXISTS "{u.database}" WITH (FORCE)'))
        c.execute(text(f'CREATE DATABASE "{u.database}" TEMPLATE "{template}"'))
    return url


def copy_sqlite(template: Path, target: Path) -> str:
    target.parent.mkdir(parents=True, exist_ok=True)
    src, dst = sqlite3.connect(template), sqlite3.connect(target)
    try:
        src.backup(dst)  # consistent whatever the journal (WAL) holds
    finally:
        src.close()
        dst.close()
    return f"sqlite:///{target}"


def _upgraded(url: str) -> None:
    d = Database(url)
    try:
        d.upgrade()
    finally:
        d.dispose()


@functools.cache
def _postgres_admin(url: str) -> Engine:
    """A connection to the server's maintenance database: a database cannot be dropped or copied
    by a connection to itself."""
    return create_engine(make_url(url).set(drivername="postgresql+psycopg", database="postgres"),
                         isolation_level="AUTOCOMMIT", poolclass=NullPool)


@functools.cache
def _postgres_template(url: str) -> str | None:
    """The name of a migrated copy of the test database, made at the session's first need; None
    where the role may not create databases (or reach the maintenance database)."""
    base = make_url(url)
    name = f"{base.database}_migrated"
    try:
        with _postgres_admin(url).connect() as c:
            # Same encoding and locale as the test database, which is made from it from now on.
            enc, collate, ctype = c.execute(text(
                "SELECT pg_encoding_to_char(encoding), datcollate, datctype FROM pg_database WHERE datname = :d"),
                {"d": base.database}).one()
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))  # left by a run that was killed
            c.execute(text(f"CREATE DATABASE \"{name}\" TEMPLATE template0 ENCODING '{enc}' "
                           f"LC_COLLATE '{collate}' LC_CTYPE '{ctype}'"))
    except DBAPIError as e:
        logging.getLogger(__name__).warning("no template database (%s): each test migrates its own", e)
        return None
    _upgraded(base.set(database=name).render_as_string(hide_password=False))
    _TEMPLATES.append((url, name))
    return name


_TEMPLATES: list[tuple[str, str]] = []


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    if os.environ.get("PYTEST_XDIST_WORKER") and threading.current_thread() is threading.main_thread():
        # A worker's tests are over. Its controller, told so when this hook returns, asks it to end
        # once every worker is done, and execnet gives the rest of pytest's end here 5 s before it
        # sends the worker SIGINT. That end is mostly two full garbage collections (a worker of
        # tests/rules and tests/storage: 757,000 objects, 3.7 s at a load of 5), and on a loaded CI
        # machine the KeyboardInterrupt landed in Hypothesis's gc callback, printed after [100%] as
        # an unraisable exception; elsewhere it cut pytest's end short in silence. A person's
        # Ctrl-C still ends the run: the controller, in the same process group, gets it too.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    for url, name in _TEMPLATES:
        with _postgres_admin(url).connect() as c:
            c.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    for template in _MIGRATED_SQLITE:
        shutil.rmtree(template.parent, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database: SQLite, and PostgreSQL where TEST_DATABASE_URL is set."""
    return database_url(request.param, tmp_path)


@pytest.fixture
def db(db_url: str) -> Iterator[Database]:
    """The database of db_url, migrated."""
    d = Database(migrated(db_url))
    yield d
    d.dispose()


@pytest.fixture
def postgres(tmp_path: Path) -> Iterator[Database]:
    """A PostgreSQL database alone (skipped without TEST_DATABASE_URL): two transactions at once,
    or what only PostgreSQL does (prepared statements)."""
    d = Database(migrated_database_url("postgres", tmp_path))
    yield d
    d.dispose()


class _Stoppable(Protocol):
    def stop(self) -> None: ...


@pytest.fixture
def stopped_after() -> Iterator[Callable[[S], S]]:
    """``stopped_after(SlackGateway(...))``: stopped when the test ends, however it ends. A gateway
    left running kept its sending threads and their connections to Slack (a local Slack stopped
    long since: sockets in CLOSE_WAIT on port numbers later tests' servers get) until the garbage
    collector came by."""
    started: list[_Stoppable] = []

    def stop_later(thing: S) -> S:
        started.append(thing)
        return thing

    yield stop_later
    for thing in reversed(started):
        thing.stop()


@pytest.fixture(scope="session")
def org() -> OrgConfig:
    return load_org_config(DEMO_TOML)


def past_the_ledger_guard(c: Connection) -> None:
    """What someone who owns the database can do: switch off the triggers that keep ledger
    entries append-only (migration 0005), to show the hash chain still catches the change."""
    if c.dialect.name == "postgresql":
        c.execute(text("ALTER TABLE ledger_entries DISABLE TRIGGER USER"))
    else:
        for verb in ("update", "delete"):
            c.execute(text(f"DROP TRIGGER IF EXISTS ledger_entries_no_{verb}"))


def lapse_outbox_claims(db: Database, by: timedelta = timedelta(seconds=20)) -> None:
    """Move every claim on outbox rows ``by`` into the past: what that much time passing does to
    them. Claims end at the database's instants (storage.outbox.Claim), which a test's clock does
    not move."""
    from storage.models import OutboxRow

    with db.session() as s:
        c = s.connection()
        claimed = c.execute(select(OutboxRow.id, OutboxRow.claimed_until)  # type: ignore[call-overload]
                            .where(OutboxRow.claimed_until.is_not(None))).all()  # type: ignore[union-attr]
        for row_id, until in claimed:
            c.execute(update(OutboxRow).where(OutboxRow.id == row_id).values(claimed_until=until - by))  # type: ignore[arg-type]


def repeated_to(shape: str, n: int) -> str:
    """``shape`` repeated to exactly ``n`` characters: the long paste a linearity test times."""
    return (shape * (n // len(shape) + 1))[:n]


def runs_for_milliseconds(scan: Callable[[], object], *, at_least: float = 0.005, most: int = 1024) -> int:
    """How many calls of ``scan`` in a row take ``at_least`` seconds (doubling, ``most`` at most). A scan that
    returns at once took 20 microseconds, and another process's burst on a shared machine then decided a
    ratio of two such runs and failed a linearity test: timed as this many calls, a burst is a small part."""
    runs = 1
    while runs < most:
        began = time.process_time()
        for _ in range(runs):
            scan()
        if time.process_time() - began >= at_least:
            break
        runs *= 2
    return runs


def assert_stays_linear(scan: Callable[[str], object], shape: str, *, repeat_fast: bool = False) -> None:
    """``scan`` over 40,000 characters of ``shape`` repeated takes less than 8 times what it takes over
    10,000: a regex that backtracks over the text again at each start (a user's long paste) grows
    quadratically, 16 times. Each size keeps its fastest run, measured again (five times at most) only
    while the bound is not met: on a shared machine another process's burst made one 40,000 run 14 times
    slower than its 10,000 run (and three tries still 8.6 times), where quadratic time fails every run; a
    passing scan is measured once, so the extra tries cost nothing then. ``repeat_fast``: a scan that returns
    in microseconds (one rule's scan over a Document analysed beforehand) is timed as the same number of
    calls at each size, enough for the 10,000 one to take some milliseconds (``runs_for_milliseconds``).
    Not by default: every scan timed so costs CI some milliseconds more, and a whole check is slow enough.
    Timed in this process's CPU time: in wall time, a 40,000 run (four times as long) was far likelier to be
    preempted by the other processes of a loaded machine than its 10,000 run, and linear scans failed at 8.7–10."""
    texts = [repeated_to(shape, n) for n in (10_000, 40_000)]
    runs = runs_for_milliseconds(lambda: scan(texts[0])) if repeat_fast else 1
    took = [math.inf, math.inf]
    for _ in range(5):
        for i, pasted in enumerate(texts):
            began = time.process_time()
            for _ in range(runs):
                scan(pasted)
            took[i] = min(took[i], time.process_time() - began)
        if took[1] / took[0] < 8:
            break
    assert took[1] / took[0] < 8, (shape, runs, took)


def answered_health(rt: Any, **kw: Any) -> tuple[int, dict[str, Any]]:
    """bot.web.health, asked again while its database reading is late. The check gives the database
    3 s (HEALTH_DATABASE_SECONDS) and then says 「unreachable: timeout」, which is right for a monitor;
    on a CI machine loaded to 10 its read of a local SQLite file once took 5.4 s, and a test about
    held replies or Slack's answers failed on a database that was there all along. A database a test
    stops on purpose is never asked through this."""
    from bot.web import BUSY_DATABASE_CAUSE, LATE_DATABASE_CAUSE, health

    late = {f"unreachable: {LATE_DATABASE_CAUSE}", f"unreachable: {BUSY_DATABASE_CAUSE}"}
    deadline = time.monotonic() + 60
    while True:
        status, report = health(rt, **kw)
        if report.get("database") not in late or time.monotonic() > deadline:
            return status, report
        time.sleep(0.1)
