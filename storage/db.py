"""Engine creation, the unit of work, and migrations."""

from __future__ import annotations

import contextlib
import functools
import logging
import re
import select
import sqlite3
import threading
import time
import weakref
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ARRAY,
    Engine,
    Insert,
    Table,
    and_,
    bindparam,
    create_engine,
    event,
    func,
    insert,
    inspect,
    text,
)
from sqlalchemy import select as sql_select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as SQLAlchemyTimeoutError
from sqlalchemy.pool import Pool
from sqlmodel import Session

from bot.logs import first_unprintable, printable
from bot.utc import as_utc as as_utc  # re-exported: storage's callers read it from here

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def utcnow() -> datetime:
    return datetime.now(UTC)


# A run of percent-escaped bytes outside ASCII: what SQLAlchemy makes of a non-ASCII name in a URL.
_NON_ASCII_ESCAPES = re.compile(r"(?:%[89A-Fa-f][0-9A-Fa-f])+")
# libpq's connection parameters that are secrets (a URI may carry any of them in its query).
_SECRET_QUERY_KEYS = ("password", "sslpassword")


def readable_url(url: str | URL) -> str:
    """A database URL for logs and messages: its password hidden, and non-ASCII names as written.
    SQLAlchemy percent-encodes them, so a SQLite file under /srv/広報/ read as /srv/%E5%BA%83%E5%A0%B1/
    in the line that says which database serve runs on. ASCII escapes stay (a %40 in a user name
    decoded would read as the @ before the host); bytes that are no UTF-8 stay escaped."""
    def decoded(m: re.Match[str]) -> str:
        try:
            name = bytes.fromhex(m.group().replace("%", "")).decode("utf-8")
        except UnicodeDecodeError:
            return m.group()
        # Escaped, a U+202E or a C1 CSI (%C2%9B) was harmless; decoded, it reached the terminal
        # `kessai db copy` prints the URL to, and reordered or commanded it.
        return m.group() if first_unprintable(name) else name

    u = make_url(url)
    # libpq also takes the password (and the client key's) as a query parameter, which
    # hide_password does not look at: postgresql://kessai@db/kessai?password=… was logged whole.
    if secrets := [k for k in _SECRET_QUERY_KEYS if k in u.query]:
        u = u.update_query_dict(dict.fromkeys(secrets, "***"))
    shown = u.render_as_string(hide_password=True).replace("=%2A%2A%2A", "=***")  # as the password's ***
    return _NON_ASCII_ESCAPES.sub(decoded, shown)


def storable(text: str) -> str:
    """PostgreSQL rejects NUL and lone surrogates; keep everything else exactly as written."""
    return text.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")


# libpq's defaults wait for ever on a database host that went silent (a failover that moved its
# address, a firewall dropping packets): a new connection until the OS gives up (about 2 minutes),
# a query on an open one until TCP does (about 15). Every request, the outbox worker and the
# scheduler would hang that long. With these, they fail in seconds and retry, as in an outage
# the server reports.
PG_CONNECTION_DEFAULTS = {
    "connect_timeout": "10",  # seconds, the whole connection attempt
    "tcp_user_timeout": "30000",  # ms that sent data may stay unacknowledged
    "keepalives": "1", "keepalives_idle": "30", "keepalives_interval": "10", "keepalives_count": "3",
}
# Server settings for each session. A replica that stops in the middle of a transaction (a paused
# VM or container, SIGSTOP) keeps its connection open, and with it its locks: another replica's
# reminder sweep or a click on the same draft would wait for as long as it stays stopped. No
# transaction of kessai's waits for anything but the database, so one idle for a minute belongs
# to a stopped process: the server ends it, its work is rolled back, and the others go on.
PG_SESSION_SETTINGS = {"idle_in_transaction_session_timeout": 60_000}  # ms
# DateStyle and IntervalStyle: psycopg reads timestamps and intervals sent as text in the ISO
# and 'postgres' forms only. A server, database or role set otherwise (DateStyle 'SQL, DMY' or
# 'German', IntervalStyle 'postgres_verbose', as some DBAs do for their own psql sessions) made
# every read of a time fail with NotImplementedError ("can't parse timestamptz with DateStyle"):
# every click, reminder sweep and ledger command. They change only how values are written as
# text, never what kessai stores or compares, so each session asks for the forms psycopg reads.
# client_encoding likewise: set on the role or database to 'SJIS' or 'EUC_JP' (for a Japanese
# DBA's terminal or an older system reading the same server), psycopg encoded every value in it,
# and a draft with a character those lack (①②, an emoji, 髙) failed to be written at all.
# Always set, whatever DATABASE_URL's ``options`` say: kessai reads no other form.
PG_SESSION_FORMATS = {"DateStyle": "'ISO, YMD'", "IntervalStyle": "'postgres'", "client_encoding": "'UTF8'"}


# Set in a pooled connection's ``info`` when it reaches PostgreSQL through a connection pooler.
POOLED = "kessai_pooled"


def make_engine(url: str, **kwargs: Any) -> Engine:
    # A failed statement's exception carries its parameters into str(), and so into every logged
    # traceback (the sweep's, the outbox worker's): draft text, which may hold what should not
    # leave the database (a password pasted by mistake). The statement itself stays: it says what.
    kwargs.setdefault("hide_parameters", True)
    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        if u.database and u.database != ":memory:":
            Path(u.database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **kwargs)
        _make_sqlite_transactions_immediate(engine)
        return engine
    if u.get_backend_name() == "postgresql" and u.get_driver_name() in ("", "psycopg2"):
        u = u.set(drivername="postgresql+psycopg")
    if u.get_backend_name() == "postgresql":
        # Parameters written in DATABASE_URL win over these defaults.
        u = u.update_query_dict({k: v for k, v in PG_CONNECTION_DEFAULTS.items() if k not in u.query})
        # Every transaction of kessai's is written for READ COMMITTED: a click's UPDATE … WHERE
        # state = 'pending' waits for the other click's and then finds the draft decided, the outbox
        # worker claims rows another replica has just sent. Under a DBA's default_transaction_isolation
        # of 'repeatable read' or 'serializable' these failed with SerializationFailure instead, a
        # single approval (its request and the outbox worker at once) included: 「もう一度お試しください」
        # and nothing decided. Asked for on each BEGIN, so the server's default does not matter; a
        # reader that needs one snapshot (ledger verify, db copy) asks for its own level.
        kwargs.setdefault("isolation_level", "READ COMMITTED")
    # Most recently returned first: the few connections a quiet bot needs stay in use, and the
    # statements psycopg prepared on them with it (after five runs per connection, then five custom
    # plans: planning the intake's reads costs about 1 ms, running them prepared 0.3). Taken in turn,
    # every connection a burst opened had to get there on its own.
    kwargs.setdefault("pool_use_lifo", True)
    engine = create_engine(u, pool_size=10, max_overflow=20, **kwargs)
    _discard_closed_connections(engine)
    if u.get_backend_name() == "postgresql":
        _apply_session_settings(engine, str(u.query.get("options") or ""))
    return engine


def _apply_session_settings(engine: Engine, url_options: str) -> None:
    # SET on each new connection rather than libpq's ``options``, which PgBouncer refuses. A
    # setting the URL's ``options`` gives itself (``-c idle_in_transaction_session_timeout=…``) wins.
    settings: dict[str, object] = {k: v for k, v in PG_SESSION_SETTINGS.items() if k not in url_options}
    settings.update(PG_SESSION_FORMATS)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, record: Any) -> None:
        with dbapi_conn.cursor() as cur:
            # One round trip: without parameters psycopg sends them as one simple query.
            cur.execute("; ".join(["SELECT pg_backend_pid()"]
                                  + [f"SET {name} = {value}" for name, value in settings.items()]))
            row = cur.fetchone()
        dbapi_conn.commit()
        if row is not None and row[0] != dbapi_conn.info.backend_pid:
            # A connection pooler (PgBouncer, Odyssey, a managed service's proxy) answers the startup
            # with a process id of its own. In its transaction mode each transaction may run on
            # another server session: psycopg's prepared statements (after five runs of a query)
            # failed with 'prepared statement "_pg3_0" does not exist' on every later click and sweep
            # (PgBouncer before 1.21 keeps none; later ones only with max_prepared_statements), and
            # a session's advisory lock stays on a server session the pooler hands to others.
            dbapi_conn.prepare_threshold = None
            record.info[POOLED] = True


def _discard_closed_connections(engine: Engine) -> None:
    # SQLAlchemy's pool_pre_ping costs a round trip per transaction (a fifth of an intake's). An
    # idle pooled connection has nothing to read unless the server has closed it (a restart, a
    # failover, an idle timeout, a proxy dropping it): a zero-timeout poll of its socket sees
    # that without asking the server, and the pool replaces the connection before it is used.
    @event.listens_for(engine, "checkout")
    def _on_checkout(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        if dbapi_conn.closed or _has_input(dbapi_conn.fileno()):
            raise DisconnectionError("the database server closed this connection")


def _has_input(fd: int) -> bool:
    if hasattr(select, "poll"):
        poller = select.poll()
        poller.register(fd, select.POLLIN | select.POLLPRI)
        return bool(poller.poll(0))
    return bool(select.select([fd], [], [], 0)[0])


# What SQLite's write-ahead log (-wal) is cut back to once a checkpoint has emptied it. It is
# otherwise never made smaller: a reader that kept its transaction open for an afternoon
# (`kessai ledger export | less` left on screen) stops checkpoints from emptying it meanwhile, and the
# -wal, grown to hold all the afternoon's writes, stayed that size on disk for the life of the
# file. Normal use keeps it at about 4 MB (wal_autocheckpoint's 1,000 pages), below this.
SQLITE_WAL_KEPT_BYTES = 16 * 1024 * 1024


def _make_sqlite_transactions_immediate(engine: Engine) -> None:
    # pysqlite starts transactions lazily as DEFERRED; two writers that both read first then
    # deadlock on the upgrade and one fails with "database is locked". BEGIN IMMEDIATE takes the
    # write lock up front, so concurrent requests queue on busy_timeout instead.
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA journal_size_limit={int(SQLITE_WAL_KEPT_BYTES)}")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        # A session that only reads (READS_ONLY) must not hold the write lock: `kessai ledger
        # export | less` would keep every decision waiting while the reader pauses.
        conn.exec_driver_sql("BEGIN" if conn.get_execution_options().get(READS_ONLY) else "BEGIN IMMEDIATE")


# The execution option of a connection (Session.connection(execution_options=…), before the
# session's first statement) whose SQLite transaction only reads: it begins DEFERRED, and in WAL
# mode it reads the database as it stood at its first read while others write.
READS_ONLY = "kessai_reads_only"


def _insert_for(dialect: str) -> Any:
    from sqlalchemy.dialects import postgresql, sqlite

    return postgresql.insert if dialect == "postgresql" else sqlite.insert


def dialect_insert(s: Session) -> Any:
    """The INSERT construct of the session's database (for ON CONFLICT, which is dialect-specific)."""
    return _insert_for(s.get_bind().dialect.name)


def many(values: Any) -> Any:
    """``values`` for an IN clause: a list, or an expanding bind parameter given as is (so a
    query helper can also build a statement that is made once and executed with parameters)."""
    from sqlalchemy.sql.elements import BindParameter

    return values if isinstance(values, BindParameter) else list(values)


def is_in(column: Any, values: Any) -> Any:
    """``column IN values``, or ``column = ANY(:values)`` for a bind parameter of an ARRAY type
    (PostgreSQL): one parameter however many values, so a statement built once is also compiled
    once (an expanding IN is rendered again on every execution, 0.15 ms of an intake's read)."""
    from sqlalchemy import ARRAY, any_
    from sqlalchemy.sql.elements import BindParameter

    if isinstance(values, BindParameter) and isinstance(values.type, ARRAY):
        return column == any_(values)
    return column.in_(many(values))


def starts_with(column: Any, prefix: str, dialect: str) -> Any:
    """``column LIKE 'prefix%'`` in a form an index answers: a range of byte-ordered strings.

    LIKE cannot use the index on either database here (SQLite's LIKE ignores case; PostgreSQL's
    needs the C collation or text_pattern_ops), and these lookups run on tables that grow with
    every message. On PostgreSQL the comparison is made in the C collation, which an expression
    index (migration 0009) serves whatever the database's own collation is.
    """
    if not prefix or ord(prefix[-1]) >= 0x10FFFF:
        return column.startswith(prefix)
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    c = column.collate("C") if dialect == "postgresql" else column
    return and_(c >= prefix, c < upper)


@functools.cache
def _insert_statement(dialect: str, table: Any, ignore_conflict_on: tuple[str, ...] | None,
                      returning: tuple[str, ...]) -> Any:
    # Built once and executed with parameters: constructing a statement per call costs more than
    # running it on the busy paths (intake writes several rows per draft).
    stmt = _insert_for(dialect)(table)
    if ignore_conflict_on:
        stmt = stmt.on_conflict_do_nothing(index_elements=list(ignore_conflict_on))
    return stmt.returning(*[table.c[c] for c in returning])


def insert_rows(s: Session, table: Any, rows: list[dict[str, Any]], *, returning: Sequence[str] = ("id",),
                ignore_conflict_on: Sequence[str] | None = None) -> list[tuple[Any, ...]]:
    """INSERT rows (in the session's transaction); the ``returning`` columns of each row that went in.

    With ``ignore_conflict_on`` (a unique key) a row that would violate it is skipped, leaving the
    transaction usable (unlike catching an IntegrityError on PostgreSQL).
    """
    if not rows:
        return []
    stmt = _insert_statement(s.get_bind().dialect.name, table,
                             tuple(ignore_conflict_on) if ignore_conflict_on else None, tuple(returning))
    result = s.connection().execute(stmt, rows[0] if len(rows) == 1 else rows)
    return [tuple(r) for r in result.all()]


def insert_if_absent(s: Session, table: Any, values: dict[str, Any], key: list[str]) -> bool:
    """INSERT … ON CONFLICT DO NOTHING in the session's transaction; True when the row went in.

    The one safe way to claim a key across replicas: no read-then-write window.
    RETURNING says whether the row went in; rowcount is not reliable across drivers.
    """
    return bool(insert_rows(s, table, [values], returning=key, ignore_conflict_on=key))


def insert_many_if_absent(s: Session, table: Any, rows: list[dict[str, Any]], key: list[str]) -> list[tuple[Any, ...]]:
    """``insert_if_absent`` for several rows; returns the keys of the rows that went in."""
    return insert_rows(s, table, rows, returning=key, ignore_conflict_on=key)


# Whether a unit of work wrote (Session.info key): set by the statement itself, since most writes
# go through Session.connection() rather than the ORM.
_WROTE = "kessai_wrote"
_SESSION_INFO = "kessai_session_info"  # Connection.info: the info of the session using it
_WRITES = ("INSERT", "UPDATE", "DELETE")


# What says the database will not take writes until someone acts: a full disk, a read-only database
# (a replica, a read-only default, a file's permissions), a disk that fails, a user without the right
# to write. Not a deadlock, a lock or statement timeout, a lost connection or a unique key already
# taken: those pass, or are answers, and the next write goes through.
_REFUSING_SQLSTATES = ("53", "58", "25006", "42501")  # insufficient resources, system error, read-only, privilege
_REFUSING_SQLITE = ("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_IOERR", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_CORRUPT")


def refuses_writes(error: BaseException) -> bool:
    """Whether ``error`` says the database will refuse writes until someone acts (see above)."""
    orig = _driver_error(error)
    sqlstate = str(getattr(orig, "sqlstate", "") or "")
    if sqlstate:
        return sqlstate.startswith(_REFUSING_SQLSTATES)
    name = str(getattr(orig, "sqlite_errorname", "") or "")
    return name.startswith(_REFUSING_SQLITE)


def whole_database_failing(error: BaseException) -> bool:
    """Whether ``error`` is the database failing as a whole (unreachable, its connection lost, its
    server shutting down, refusing every write), not something of the rows written: trying the
    same writes in smaller groups fails each the same way.

    A deadlock, a lock or statement timeout, a constraint or a trigger's refusal is of the rows (the
    SQLSTATEs of those are left out); an OperationalError with no SQLSTATE is a connection psycopg
    could not make, or SQLite's file (locked, read-only, full, unreadable)."""
    if isinstance(error, SQLAlchemyTimeoutError | DisconnectionError | InterfaceError):
        return True
    if isinstance(error, DBAPIError) and error.connection_invalidated:
        return True
    if refuses_writes(error):
        return True
    sqlstate = str(getattr(_driver_error(error), "sqlstate", "") or "")
    if sqlstate:
        return sqlstate.startswith(("08", "57P"))  # connection exception; admin shutdown, cannot connect now
    return isinstance(error, OperationalError)


def _driver_error(error: BaseException) -> BaseException:
    """The driver's exception under SQLAlchemy's wrapper (the error itself when there is none)."""
    return error.orig if isinstance(error, DBAPIError) and error.orig is not None else error


def describe_db_error(error: BaseException) -> str:
    """The driver's own words for a database error, for the IT 担当's log: 「OperationalError:
    database or disk is full」 says what to do; the type alone does not. One line, and never the
    statement or its values (SQLAlchemy's own message carries both)."""
    orig = _driver_error(error)
    first = (str(orig).strip().split("\n") or [""])[0]
    # printable: the server's words can quote a value (a name, a draft's text) with a terminal's
    # commands in it, and this line goes to a terminal and the log.
    return f"{type(orig).__name__}: {printable(first[:200])}" if first else type(orig).__name__


# Why a database cannot be reached, in the words an IT 担当 would search for: by PostgreSQL's
# SQLSTATE first (the server's own classification), else by the driver's message. Nothing here
# repeats the message itself: it can name the host, the user and the database.
_UNREACHABLE_SQLSTATES = (
    ("28P01", "password authentication failed"),
    ("3D000", "database does not exist"),
    ("57P03", "database server is starting up or shutting down"),
    ("53300", "too many connections"),
    ("57P01", "connection closed by the server (shutting down)"),
)
_UNREACHABLE_MESSAGES = (
    ("password authentication failed", "password authentication failed"),
    ("no password supplied", "password authentication failed"),
    ("no pg_hba.conf entry", "connection not allowed by pg_hba.conf"),
    ("connection refused", "connection refused"),
    ("timeout expired", "timeout"),
    ("timed out", "timeout"),
    ("failed to resolve host", "host name not found"),
    ("could not translate host name", "host name not found"),
    ("name or service not known", "host name not found"),
    ("network is unreachable", "network unreachable"),
    ("no route to host", "network unreachable"),
    ("server closed the connection", "connection closed by the server"),
    ("terminating connection", "connection closed by the server"),
    ("the database system is", "database server is starting up or shutting down"),
    ("too many clients", "too many connections"),
    # A CONNECTION LIMIT on the database or role (ALTER DATABASE/ROLE … CONNECTION LIMIT), or only
    # the slots kept for superusers left: psycopg gives no SQLSTATE for a refused connection.
    ("too many connections for", "too many connections"),
    ("connection slots are reserved", "too many connections"),
    # statement_timeout set on the role or database (ALTER ROLE … SET statement_timeout): the server
    # cancelled the statement; kessai's own never need more than a fraction of a second.
    ("canceling statement due to statement timeout", "statement timeout (statement_timeout)"),
    ("canceling statement due to lock timeout", "lock timeout (lock_timeout)"),
    # The same in the server's Japanese (lc_messages = 'ja_JP…', what a Japanese server is often set
    # to): the SQLSTATE does not tell a statement_timeout from an administrator's cancel, and a
    # refused connection has none, so /healthz said only 「QueryCanceled」「OperationalError」.
    ("ステートメントのタイムアウト", "statement timeout (statement_timeout)"),
    ("ロックのタイムアウト", "lock timeout (lock_timeout)"),
    ("パスワード認証に失敗しました", "password authentication failed"),
    ("pg_hba.conf に", "connection not allowed by pg_hba.conf"),
    ("接続を終了し", "connection closed by the server"),
    # The translation says コネクション, not 接続, for some of what "terminating connection" covers
    # (an immediate shutdown, the postmaster gone, an unexpected SIGQUIT).
    ("コネクションを終了", "connection closed by the server"),
    ("データベースシステムは", "database server is starting up or shutting down"),
    ("クライアント数が多すぎます", "too many connections"),
    ("接続が多すぎます", "too many connections"),
    ("残りの接続スロットは", "too many connections"),
    ("unable to open database file", "cannot open the database file"),
    ("database is locked", "database is locked"),
    ("file is not a database", "file is not a database"),
    ("disk i/o error", "disk I/O error"),
)


def unreachable_cause(error: BaseException) -> str:
    """A short, safe cause for ``/healthz`` when the database cannot be read: 「connection
    refused」「password authentication failed」「database does not exist」「timeout」…, or the
    error's type when it is none of those. No host, user, database name or password (the answer
    may be public); the whole error goes to the log."""
    if isinstance(error, SQLAlchemyTimeoutError):
        return "timeout (all pooled connections are in use)"
    orig = _driver_error(error)
    if type(orig).__name__ == "ConnectionTimeout":
        return "timeout"
    sqlstate = str(getattr(orig, "sqlstate", "") or "")
    if sqlstate == "28000":  # invalid authorization: an unknown role, or pg_hba.conf refuses
        return ("role does not exist" if "does not exist" in str(orig).lower()
                else "connection not allowed by pg_hba.conf")
    for code, cause in _UNREACHABLE_SQLSTATES:
        if sqlstate == code:
            return cause
    message = str(orig).lower()
    if ('database "' in message and "does not exist" in message) or re.search(r'データベース"[^"]*"は存在しません', message):
        return "database does not exist"
    if ('role "' in message and "does not exist" in message) or re.search(r'ロール"[^"]*"は存在しません', message):
        return "role does not exist"
    for words, cause in _UNREACHABLE_MESSAGES:
        if words in message:
            return cause
    return type(orig).__name__


class Database:
    """Owns the engine; hands out units of work."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        # Called with Session.info after each successful commit (the outbox's express lane).
        self.on_commit: list[Callable[[dict[str, Any]], None]] = []
        # Called with (a copy of) Session.info after a COMMIT whose answer was lost
        # (commit_outcome_unknown): what it wrote may be in the database, and the express lane's
        # claims on its rows would otherwise hold them back for a whole lease.
        self.on_commit_unknown: list[Callable[[dict[str, Any]], None]] = []
        # The last unit of work whose writes the database refused (a full disk, a read-only file or
        # replica) and when the last one that wrote committed: reads still work then, so /healthz
        # would otherwise answer "ok" while every draft fails.
        self._write_failure: tuple[float, str] | None = None
        self._last_write = 0.0
        event.listen(self.engine, "before_cursor_execute", _mark_write)
        # SQLite: which file the connections opened. Deleted or replaced under a running kessai,
        # the pooled connections go on reading and writing the old file, which is gone for good
        # once they close: /healthz said "ok" while every draft and ledger entry went there.
        self._sqlite_path: Path | None = None
        self._sqlite_file: tuple[int, int] | None = None
        # Its write-ahead log likewise: deleted under a running kessai (a clean-up of "temporary
        # files"), every commit since the last checkpoint lives only in the unlinked file the
        # connections still hold, and a crash or kill then loses it all (a new database: all of it).
        self._sqlite_wal: tuple[int, int] | None = None
        # A connection opened with the first one and kept: after the file is gone, a pooled one
        # may be new, and open (or create) whatever is at the path now, not the file kessai used.
        self._witness: sqlite3.Connection | None = None
        self._rescued = False
        u = make_url(url)
        if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:" \
                and not u.database.startswith("file:"):
            self._sqlite_path = Path(u.database).resolve()
            event.listen(self.engine, "connect", self._note_file)

    def write_failure(self) -> str | None:
        """The driver's error type the last unit of work that wrote failed with (「OperationalError」,
        「ReadOnlySqlTransaction」); None once one commits. The reason itself is in the log."""
        failure = self._write_failure
        return failure[1] if failure is not None and failure[0] > self._last_write else None

    def _note_file(self, _dbapi_conn: Any, _record: Any) -> None:
        if self._sqlite_file is None and self._sqlite_path is not None:
            with contextlib.suppress(OSError, sqlite3.Error):
                st = self._sqlite_path.stat()
                self._witness = sqlite3.connect(self._sqlite_path, check_same_thread=False, isolation_level=None)
                # A first read opens the write-ahead log and its index too: once they are deleted,
                # a connection that had not yet opened them cannot read the database at all.
                self._witness.execute("SELECT count(*) FROM sqlite_master").fetchall()
                self._sqlite_file = (st.st_dev, st.st_ino)
                with contextlib.suppress(OSError):
                    wal = Path(f"{self._sqlite_path}-wal").stat()
                    self._sqlite_wal = (wal.st_dev, wal.st_ino)

    def file_problem(self) -> str | None:
        """``"database file deleted"`` or ``"database file replaced"`` when the SQLite file at
        DATABASE_URL is no longer the one kessai has open (``"database -wal file deleted"`` /
        ``"… replaced"`` for its write-ahead log); None when it is, and for PostgreSQL.

        The first time, what the open connections still see is copied next to the old path
        (``kessai.db.rescued-…``): it is the only copy left of what was written since the last backup.
        """
        if self._sqlite_path is None or self._sqlite_file is None:
            return None
        problem: str | None
        try:
            st = self._sqlite_path.stat()
        except FileNotFoundError:
            problem = "database file deleted"
        except OSError:
            return None  # a directory kessai cannot look into: the queries say so themselves
        else:
            problem = "database file replaced" if (st.st_dev, st.st_ino) != self._sqlite_file else self._wal_problem()
            if problem is None:
                return None
        if not self._rescued:
            self._rescued = True
            self._rescue(problem)
        return problem

    def _wal_problem(self) -> str | None:
        # The witness keeps a connection open, so SQLite itself never removes the -wal while kessai
        # runs; a checkpoint rewinds it in place (same inode).
        if self._sqlite_wal is None:
            return None
        try:
            wal = Path(f"{self._sqlite_path}-wal").stat()
        except FileNotFoundError:
            return "database -wal file deleted"
        except OSError:
            return None
        return None if (wal.st_dev, wal.st_ino) == self._sqlite_wal else "database -wal file replaced"

    def _rescue(self, problem: str) -> None:
        assert self._sqlite_path is not None
        target = self._sqlite_path.with_name(f"{self._sqlite_path.name}.rescued-{utcnow():%Y%m%dT%H%M%SZ}")
        try:
            assert self._witness is not None
            self._witness.execute("VACUUM INTO ?", (str(target),))
        except Exception:
            log.exception("%s: the SQLite file %s is no longer the one kessai has open, and copying what "
                          "kessai still sees failed; do not restart kessai before saving it", problem, self._sqlite_path)
            return
        # The -wal and -shm at the path are the ones kessai's connections still use: left there, SQLite
        # replays the old file's pages onto the copy, whose pages VACUUM INTO laid out anew.
        what = "its write-ahead log (-wal)" if "-wal" in problem else "the SQLite file"
        log.error("%s: %s of %s is no longer the one kessai has open; what kessai still sees "
                  "(everything up to now) was copied to %s. Stop kessai, delete %s-wal and %s-shm (they belong "
                  "to the file kessai had open), put that copy at %s, and start it again",
                  problem, what, self._sqlite_path, target, self._sqlite_path, self._sqlite_path, self._sqlite_path)

    @property
    def is_postgres(self) -> bool:
        return self.engine.dialect.name == "postgresql"

    def clock_apart(self, clock: Callable[[], datetime]) -> timedelta | None:
        """How far the database's clock (PostgreSQL ``clock_timestamp()``, the one outbox claims are
        judged by; ``now()`` is the transaction's start, a round trip early) is ahead of ``clock``, less the
        uncertainty of the round trip (zero when within it); None for SQLite, whose clock is this
        host's. Asked twice on one connection: the first answer may wait for the connection's opening."""
        if not self.is_postgres:
            return None
        with self.session() as s:  # ends with COMMIT: a rolled-back close drops the prepared statements
            s.execute(text("SELECT 1"))
            before = clock()
            db_now = as_utc(s.execute(text("SELECT clock_timestamp()")).scalar_one())
            after = clock()
        half_trip = (after - before) / 2
        apart = db_now - (before + half_trip)
        if abs(apart) <= half_trip:
            return timedelta(0)
        return apart - half_trip if apart > timedelta(0) else apart + half_trip

    @contextmanager
    def session(self) -> Iterator[Session]:
        """A unit of work: commits only when the block ends without an exception.

        An error raised by a COMMIT the connection was lost in is marked (commit_outcome_unknown):
        the server may have committed it."""
        with _UnitOfWork(self.engine, expire_on_commit=False) as s:
            try:
                yield s
                s.commit()
            except BaseException as e:
                unknown = None
                if s.info.get(_COMMITTING) and _connection_lost(e):
                    setattr(e, COMMIT_OUTCOME_UNKNOWN, True)
                    unknown = dict(s.info)  # before the rollback forgets what the transaction wrote
                s.rollback()
                if unknown is not None:
                    for lost in self.on_commit_unknown:
                        lost(unknown)
                if s.info.get(_WROTE) and refuses_writes(e):
                    self._write_failure = (time.monotonic(), type(_driver_error(e)).__name__)
                raise
            if s.info.get(_WROTE):
                self._last_write = time.monotonic()
            for hook in self.on_commit:
                hook(s.info)

    def upgrade(self) -> tuple[str | None, str | None]:
        return upgrade(self.engine)

    def dispose(self) -> None:
        self.engine.dispose()
        if self._witness is not None:
            self._witness.close()
            self._witness = None
        # The last connection closed: SQLite removes the -wal itself, which is no fault.
        self._sqlite_wal = None


class _UnitOfWork(Session):
    """The sessions Database.session hands out: each tells its connection where to note a write."""


# Session.info key: the unit of work's COMMIT was sent to the server.
_COMMITTING = "kessai_committing"
# The attribute Database.session sets on an error raised by a COMMIT whose connection was lost: the
# server may have committed (a failover or a cut between the COMMIT arriving and its answer), and
# nobody can tell from here. Telling the person 「何も変更されていません」 was then false.
COMMIT_OUTCOME_UNKNOWN = "kessai_commit_outcome_unknown"


def commit_outcome_unknown(error: BaseException) -> bool:
    """Whether ``error`` ended a unit of work at its COMMIT with the connection lost: what it wrote
    may or may not be in the database."""
    return bool(getattr(error, COMMIT_OUTCOME_UNKNOWN, False))


def _connection_lost(error: BaseException) -> bool:
    # A COMMIT the server answered with an error (a deferred constraint, a serialization failure,
    # a read-only standby) was rolled back, and says so with a SQLSTATE; a lost connection has
    # none of its own, or one of class 08 / the administrator's shutdown (57P01, 57P02). SQLite has no
    # connection to lose: its COMMIT fails before the commit record is in the WAL (a full disk, an I/O
    # error), and the transaction is rolled back whole, as 「何も変更されていません」 says.
    if getattr(_driver_error(error), "sqlite_errorname", None) is not None:
        return False
    if isinstance(error, InterfaceError) or (isinstance(error, DBAPIError) and error.connection_invalidated):
        return True
    sqlstate = str(getattr(_driver_error(error), "sqlstate", "") or "")
    return isinstance(error, OperationalError) and (not sqlstate or sqlstate.startswith(("08", "57P01", "57P02")))


@event.listens_for(Engine, "commit")
def _note_commit(conn: Any) -> None:
    # Before the driver sends COMMIT: a failure after this may have committed.
    if (info := conn.info.get(_SESSION_INFO)) is not None:
        info[_COMMITTING] = True


@event.listens_for(_UnitOfWork, "after_begin")
def _remember_session(session: Session, transaction: Any, connection: Any) -> None:
    connection.info[_SESSION_INFO] = session.info


@event.listens_for(Pool, "checkin")
def _forget_session(_dbapi_conn: Any, record: Any) -> None:
    # A connection back in the pool belongs to no session: its next user must not see (and write)
    # rows the last one held (ride_along) or be taken for having written (health's read-only check).
    if record is not None:
        record.info.pop(_SESSION_INFO, None)


def session_info_of(connection: Any) -> dict[Any, Any] | None:
    """The ``info`` of the session whose transaction runs on ``connection`` (engine events, which
    see the connection only)."""
    return connection.info.get(_SESSION_INFO)  # type: ignore[no-any-return]


# Session.info key: rows to write in the same statement as the transaction's next outbox rows (see
# ride_along), by their INSERT statement.
RIDERS = "kessai_riders"


@functools.cache
def _unnest_insert(table: Table, columns: tuple[str, ...]) -> Insert:
    """INSERT INTO table (columns) SELECT FROM unnest(one array parameter per column, named
    table + "_" + column): any number of rows, one statement built once."""
    rows = func.unnest(*(bindparam(f"{table.name}_{c}", type_=ARRAY(table.c[c].type)) for c in columns)) \
        .table_valued(*columns).render_derived()
    return insert(table).from_select(list(columns), sql_select(*(rows.c[c] for c in columns)))


def ride_along(s: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """INSERT ``rows`` (same keys each) in this transaction, on PostgreSQL as a ``WITH`` of its
    next outbox INSERT: a new draft's approval requests and findings then cost no round trip of
    their own. (SQLite, which has no INSERT inside WITH, writes them now.)

    The rows go in at the latest before the commit (outbox.flush_pending), and before any other
    statement of the transaction (``_riders_first``): nothing reads around them, and a failure
    to write them fails the transaction as an immediate INSERT would. Only for rows whose
    insertion cannot be refused (no ON CONFLICT here) and whose ids nobody needs. A statement
    sent past SQLAlchemy's ``before_execute`` (``exec_driver_sql``, a DBAPI cursor) does not see
    them: read through ``execute`` (a ``text()`` will do) in such a transaction.
    """
    if not rows:
        return
    if s.get_bind().dialect.name != "postgresql":
        s.connection().execute(insert(table), list(rows))
        return
    keys = tuple(rows[0])
    statement = _unnest_insert(table, keys)
    riders: dict[Insert, dict[str, list[Any]]] = s.info.get(RIDERS, {})
    if any(held is not statement and held.table is table for held in riders):
        # The held rows of this table have other columns, and both statements' parameters are named
        # after the table's columns: in one outbox INSERT one set would take the other's place.
        # Written now (``_riders_first`` writes those held before them first).
        s.connection().execute(insert(table), list(rows))
        return
    s.connection()  # the rows belong to this transaction: a rollback of it forgets them
    riders = s.info.setdefault(RIDERS, {})
    held = riders.setdefault(statement, {f"{table.name}_{k}": [] for k in keys})
    for k in keys:
        held[f"{table.name}_{k}"].extend(r[k] for r in rows)


def take_riders(s: Session) -> dict[Insert, dict[str, list[Any]]]:
    """The rows ``ride_along`` holds for the caller to write (and no longer held)."""
    return s.info.pop(RIDERS, None) or {}


@event.listens_for(Engine, "before_execute")
def _riders_first(conn: Any, clause: Any, multiparams: Any, params: Any, options: Any) -> None:
    # Any statement but the outbox's own INSERT (which pops the riders before it runs) sees them
    # written first: a read later in the transaction (a request read back) finds them.
    _write_riders(conn)


def _write_riders(conn: Any) -> None:
    """Write the rows ``ride_along`` holds in ``conn``'s transaction (and no longer hold them)."""
    info = conn.info.get(_SESSION_INFO)
    if info is None or RIDERS not in info:
        return
    for statement, columns in info.pop(RIDERS).items():
        conn.execute(statement, columns)


# Per dialect, per statement: its text for the driver and SQLAlchemy's bind processors of it.
_driver_texts: weakref.WeakKeyDictionary[Any, dict[Any, tuple[str | None, dict[str, Callable[[Any], Any]]]]] = \
    weakref.WeakKeyDictionary()


def execute_prebuilt(conn: Any, statement: Any, params: dict[str, Any]) -> Any:
    """``conn.execute(statement, params)`` for a statement built once (functools.cache) whose every
    placeholder is one of ``params``, run as the driver's text compiled once per dialect.

    SQLAlchemy computes the cache key of a statement again on each execute, a fifth of the CPU
    time of the intake's read and of its draft INSERT (docs/benchmarks.md, Session 28). The values
    still go through SQLAlchemy's bind processors (UTC for datetimes, JSON), and the rows riding
    along go in first, as ``_riders_first`` does for ``execute`` (``exec_driver_sql`` has no
    ``before_execute``). Only for statements without expanding or literal parameters. A driver
    taking its values by position (SQLite) is given them by ``execute`` as before."""
    known = _driver_texts.setdefault(conn.dialect, {})
    if (entry := known.get(statement)) is None:
        compiled: Any = statement.compile(dialect=conn.dialect)
        if compiled.post_compile_params or compiled.literal_execute_params or any(
                bp.value is not None or bp.callable for bp in compiled.binds.values()):
            raise TypeError(f"not a statement to run as its compiled text: {statement}")
        # A driver taking its values by position (sqlite3's qmark) is given them by execute.
        entry = known[statement] = (compiled.string if compiled.positiontup is None else None,
                                    dict(compiled._bind_processors))
    sql, processors = entry
    if sql is None:
        return conn.execute(statement, params)
    _write_riders(conn)
    return conn.exec_driver_sql(sql, {k: processors[k](v) if k in processors else v for k, v in params.items()})


@event.listens_for(Session, "after_soft_rollback")
def _forget_riders(s: Session, _previous: Any) -> None:
    s.info.pop(RIDERS, None)


# A statement that opens with a common table expression writes when one of its parts does
# (storage.drafts: a new draft and its first version in one ``WITH … INSERT``).
_CTE_WRITE = re.compile(r"\b(?:INSERT|UPDATE|DELETE)\b", re.IGNORECASE)


def _is_write(statement: str) -> bool:
    head = statement.lstrip()[:6].upper()
    return head in _WRITES or (head[:4] == "WITH" and _CTE_WRITE.search(statement) is not None)


def _mark_write(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
    if _is_write(statement):
        info = conn.info.get(_SESSION_INFO)
        if info is not None:
            info[_WROTE] = True


# An arbitrary constant naming the migrations' advisory lock (PostgreSQL, storage/migrations/env.py);
# storage.roster has another. Here, not in env.py, which runs the migrations when imported.
MIGRATION_LOCK = 0x6B657375  # "kesu"


# The advisory lock every `kessai serve` on PostgreSQL holds shared for its life, on a connection of
# its own (ServePresence); `kessai db upgrade` tries it exclusive to learn whether one runs.
SERVE_LOCK = 0x6B657376  # "kesv"


def serves_holding(engine: Engine) -> list[str] | None:
    """None when no `kessai serve` holds SERVE_LOCK on ``engine``'s PostgreSQL database; else the
    application_name of each session holding it ("kessai pid=… started=… host=…"; "" when the role may
    not see it). Taken exclusive and let go at once: a serve starting meanwhile waits a moment.

    Taken for a transaction, not a session: behind a pooler in transaction mode (PgBouncer) the
    unlock, a statement of its own, could run in another server session, and the lock left behind
    refused every serve's mark (and so every later upgrade) until the pooler was restarted."""
    with engine.connect() as c:
        if c.execute(text("SELECT pg_try_advisory_xact_lock(:key)"), {"key": SERVE_LOCK}).scalar_one():
            c.rollback()
            return None
        # A bigint key is classid (high 32 bits, 0 here) and objid (low 32 bits), objsubid 1.
        return [str(name or "") for name in c.execute(text(
            "SELECT a.application_name FROM pg_locks l LEFT JOIN pg_stat_activity a ON a.pid = l.pid "
            "WHERE l.locktype = 'advisory' AND l.granted AND l.classid = 0 AND l.objid = :key "
            "AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "ORDER BY a.backend_start"), {"key": SERVE_LOCK}).scalars()]


class ServePresence:
    """SERVE_LOCK held shared by this `kessai serve` for its life (PostgreSQL).

    On a connection of its own, outside the pool: one given back would keep the lock (then another
    thread's transactions hold it, and a stopped serve's lock stays in a pool nobody closes) or
    lose it when the pool replaces it. The connection is in autocommit, so it never sits idle in a
    transaction (idle_in_transaction_session_timeout would end it, and the lock with it). The
    server lets go of a session lock when the session ends, however the process ends (SIGKILL, a
    power cut: the kernel closes the socket; a host gone silent: TCP keepalives). When the server
    drops the connection (a restart, a failover), a watcher takes the lock again on a new one.

    Behind a connection pooler (PgBouncer) a session lock belongs to whichever server session ran
    the statement, which a pooler in transaction mode hands to other clients the moment it ends:
    `kessai db upgrade` on that server session took the lock as its own and migrated under running
    serves, and the lock outlived the serve. There the lock is held for a transaction that stays
    open for the serve's life instead, which every pooler keeps on one server session. It takes
    no snapshot and writes nothing, so it holds back neither VACUUM nor anyone's locks; but the
    pooler's PAUSE and safe shutdown wait for every transaction, this one too (docs/operations.md
    says to stop the serves first)."""

    WATCH_SECONDS = 10.0

    def __init__(self, engine: Engine, name: str) -> None:
        self._engine, self._name = engine, name
        self._conn: Any = None
        self._stopping = threading.Event()
        self._retake(first=True)
        self._watcher = threading.Thread(target=self._watch, name="serve-presence", daemon=True)
        self._watcher.start()

    def _retake(self, *, first: bool = False) -> None:
        conn: Any = None
        try:
            conn = self._engine.connect()
            if conn.info.get(POOLED):
                conn.detach()  # closed, not given back to the pool, when this process lets go of it
                self._hold_in_a_transaction(conn)
            else:
                conn = conn.execution_options(isolation_level="AUTOCOMMIT")
                conn.detach()
                conn.execute(text("SELECT set_config('application_name', :name, false)"), {"name": self._name})
                if (conn.dialect.server_version_info or (0,)) >= (14,):
                    # Idle for the serve's life by design: a DBA's idle_session_timeout (PostgreSQL 14+,
                    # meant for forgotten psql sessions) ended it every few seconds, and `kessai db
                    # upgrade` migrated under a running serve until the watcher took the lock again.
                    conn.execute(text("SET idle_session_timeout = 0"))
                conn.execute(text("SELECT pg_advisory_lock_shared(:key)"), {"key": SERVE_LOCK})
        except Exception as e:  # noqa: BLE001 - the database's own outage is reported by /healthz
            if conn is not None:  # connected, then refused: closed now, not left to the collector
                with contextlib.suppress(Exception):
                    conn.close()
            if first:
                log.warning("could not mark this kessai serve as running in the database (%s): `kessai db "
                            "upgrade` cannot see it until the database answers; trying again every %g s",
                            describe_db_error(e), self.WATCH_SECONDS)
            return
        self._conn = conn
        if not first:
            log.info("the database connection marking this kessai serve as running was lost and is open again")

    def _hold_in_a_transaction(self, conn: Any) -> None:
        # Idle in this transaction for the serve's life by design: the idle_in_transaction timeout
        # kessai sets for its other sessions (and a DBA's, or PostgreSQL 17's transaction_timeout)
        # would end it. SET LOCAL: nothing of this outlives the transaction on the server session.
        # The SETs last: a SELECT's portal keeps its snapshot (and with it the session's xmin,
        # which holds back VACUUM in every table) until the next statement replaces it; a SET's
        # keeps none.
        conn.execute(text("SELECT set_config('application_name', :name, true)"), {"name": self._name})
        conn.execute(text("SELECT pg_advisory_xact_lock_shared(:key)"), {"key": SERVE_LOCK})
        if (conn.dialect.server_version_info or (0,)) >= (17,):
            conn.execute(text("SET LOCAL transaction_timeout = 0"))
        conn.execute(text("SET LOCAL idle_in_transaction_session_timeout = 0"))

    def _lost(self) -> bool:
        if self._conn is None:
            return True
        raw = self._conn.connection.dbapi_connection
        return bool(raw is None or raw.closed or _has_input(raw.fileno()))

    def _watch(self) -> None:
        while not self._stopping.wait(self.WATCH_SECONDS):
            if self._lost():
                self._close()
                self._retake()

    def _close(self) -> None:
        if self._conn is not None:
            with contextlib.suppress(Exception):
                self._conn.close()
            self._conn = None

    def release(self) -> None:
        self._stopping.set()
        self._watcher.join(timeout=self.WATCH_SECONDS)
        self._close()


def alembic_config(engine: Engine | None) -> Any:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection_engine"] = engine
    return cfg


# alembic_config's attribute: the info the migrations' connection notes its COMMIT in (as a
# session's, Database.session), handed to it by the migrations' env.py (note_commits_in).
MIGRATION_INFO = "kessai_migration_info"


def note_commits_in(connection: Any, info: dict[Any, Any]) -> None:
    """Have ``connection``'s COMMIT noted in ``info``: alembic runs the migrations on a connection
    of its own, not in Database.session, so a COMMIT whose answer was lost was not told apart from
    a connection cut before it (「途中で接続が切れました」, as if nothing had been applied)."""
    connection.info[_SESSION_INFO] = info


@contextmanager
def _migrating(cfg: Any) -> Iterator[None]:
    """Marks an error of a migration run lost at its COMMIT as commit_outcome_unknown: the
    migrations and the revision they reach are one transaction, applied whole or not at all."""
    info: dict[Any, Any] = {}
    cfg.attributes[MIGRATION_INFO] = info
    try:
        yield
    except BaseException as e:
        if info.get(_COMMITTING) and _connection_lost(e):
            setattr(e, COMMIT_OUTCOME_UNKNOWN, True)
        raise


def upgrade(engine: Engine, revision: str = "head") -> tuple[str | None, str | None]:
    """Apply the migrations; the revisions (before, after)."""
    from alembic import command

    if revision == "head" and (found := current_revision(engine)) is not None and found == _script_head():
        # Nothing to apply (every start after the first): alembic would load and run every
        # migration script again to find that out, about 0.1–0.2 s of each start. Safe without
        # the migration lock: a revision is written in the same transaction as its migration, so
        # one read as head is committed with all before it; one being migrated reads as the old
        # revision and takes the path below, which waits for the lock.
        return found, found
    cfg = alembic_config(engine)
    with _migrating(cfg):
        command.upgrade(cfg, revision)
    before, after = cfg.attributes["found"], current_revision(engine)
    if after != before:
        log.info("database migrated from %s to %s", before or "empty", after)
    return before, after


def downgrade(engine: Engine, revision: str) -> tuple[str | None, str | None]:
    """Undo the migrations after ``revision`` (to go back to an older kessai); the revisions
    (before, after). Run with the newer code: only it has the scripts that undo its migrations."""
    from alembic import command

    cfg = alembic_config(engine)
    with _migrating(cfg):
        command.downgrade(cfg, revision)
    before, after = cfg.attributes["found"], current_revision(engine)
    if after != before:
        log.info("database migrated back from %s to %s", before, after)
    return before, after


def known_revisions() -> list[str]:
    """The revisions this version's migrations know, oldest first."""
    from alembic.script import ScriptDirectory

    cfg = alembic_config(None)  # the scripts only; no database is touched
    return [s.revision for s in reversed(list(ScriptDirectory.from_config(cfg).walk_revisions()))]


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    # Only reads (READS_ONLY): /healthz asks it, and on SQLite a write's BEGIN IMMEDIATE waited
    # behind every writer.
    with engine.connect().execution_options(**{READS_ONLY: True}) as conn:
        revision = MigrationContext.configure(conn).get_current_revision()
        # Ended with COMMIT, not the ROLLBACK of a connection closed mid-transaction: at a rollback
        # psycopg forgets (DEALLOCATE ALL) every statement it prepared on the connection, and
        # /healthz, which a monitor asks every few seconds, sent pooled connections back to parsing
        # and planning the intake's statements each time (about 1 ms more per draft).
        conn.commit()
        return revision


def head_revision(engine: Engine) -> str | None:
    return _script_head()


@functools.cache
def _script_head() -> str | None:
    # The migrations are files of the installed code: read once, not on every /healthz (parsing
    # them costs milliseconds, and anyone who can reach the port can ask for /healthz).
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return ScriptDirectory.from_config(cfg).get_current_head()


def migrations_current(engine: Engine) -> bool:
    return current_revision(engine) == head_revision(engine)


def migrations_state(engine: Engine) -> str:
    """"current"; "pending" (migrations of this version not applied yet); "newer": a newer kessai
    (another replica started on the next version) upgraded the database under this process, which
    must be restarted on that version: `kessai db upgrade` here would only refuse."""
    found = current_revision(engine)
    if found == head_revision(engine):
        return "current"
    return "newer" if found is not None and found not in _script_revisions() else "pending"


@functools.cache
def _script_revisions() -> frozenset[str]:
    return frozenset(known_revisions())  # read once, as _script_head: /healthz asks it


def table_names(engine: Engine) -> list[str]:
    return inspect(engine).get_table_names()
