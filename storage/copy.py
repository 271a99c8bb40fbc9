"""Copy every kessai table from one database to another (a trial on SQLite moved to PostgreSQL).

The ledger is the legal 決裁 record and its hash chain covers each entry's text exactly, so rows are
copied as stored, not re-created through the application: JSON columns as their stored text,
times as the same UTC instant, the ledger's head with its entries. The target is written in one
transaction: an error, Ctrl-C or a killed process leaves it as empty as it was before.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Connection,
    DateTime,
    Engine,
    MetaData,
    Table,
    Text,
    bindparam,
    cast,
    func,
    insert,
    select,
    text,
)
from sqlalchemy.exc import OperationalError, SAWarning

from bot.logs import printable
from storage.db import READS_ONLY, current_revision, head_revision, known_revisions, readable_url

# Rows per INSERT batch and per read from the source: a ledger of years is never all in memory.
BATCH = 1000
# Seconds the copy waits for another connection's writes on the target before it gives up.
LOCK_WAIT = 10.0
# The row migration 0001 puts in ledger_head of a new database (kessai's genesis): not data.
GENESIS_HEAD = (1, 0, "0" * 64)
# The ledger head as stored, read back on both sides.
_HEAD = text("SELECT seq, entry_hash FROM ledger_head WHERE id = 1")
# Alembic's own table: both databases are at the same revision, and the target has its row already.
_NOT_COPIED = {"alembic_version"}

# (table, rows copied in it, rows in it, rows copied in all, rows in all)
ProgressCallback = Callable[[str, int, int, int, int], None]


class CopyRefused(Exception):
    """The copy was not started (nothing was written); ``message_ja`` says why and what to do."""

    def __init__(self, message_ja: str) -> None:
        self.message_ja = message_ja
        super().__init__(message_ja)


@dataclass
class CopyResult:
    counts: dict[str, int] = field(default_factory=dict)  # table → rows copied
    ledger_head: tuple[int, str] = (0, GENESIS_HEAD[2])  # (seq, entry_hash) on the target


def shown_url(url: str) -> str:
    """A database named without its password, for messages."""
    try:
        return readable_url(url)
    except Exception:  # noqa: BLE001 - an unreadable URL is refused elsewhere; never echo it whole
        return "（読み取れない URL）"


def check_revisions(source: Engine, target: Engine, target_url: str) -> None:
    """Both databases must be at this kessai's head: the copy maps columns one to one."""
    head = head_revision(source)
    known = known_revisions()
    found = current_revision(source)
    if found is None:
        raise CopyRefused("コピー元のデータベース（DATABASE_URL）に kessai の表がありません。"
                          "DATABASE_URL がトライアルで使っていたデータベースを指しているか確認してください。")
    if found != head:
        raise CopyRefused(
            # Either database's alembic_version holds what its writer put there: escaped.
            f"コピー元のデータベースの構成 {printable(found)} は、この版の kessai の構成 {head} と違います。"
            + ("先に `kessai db upgrade`（DATABASE_URL はコピー元のまま）で更新してから、もう一度実行してください。"
               if found in known else
               "コピー元はより新しい版の kessai で使われています。その版の kessai でコピーしてください。"))
    there = current_revision(target)
    upgrade = (f"DATABASE_URL を {shown_url(target_url)} にして `kessai db upgrade` を実行し、"
               "表を作成してから、もう一度実行してください")
    if there is None:
        raise CopyRefused(f"コピー先のデータベースにまだ kessai の表がありません。{upgrade}。")
    if there != head:
        raise CopyRefused(
            f"コピー先のデータベースの構成 {printable(there)} は、コピー元の構成 {head} と違います。"
            + (f"{upgrade}。" if there in known else
               "コピー先はより新しい版の kessai で作られています。同じ版の kessai でそろえてください。"))


def copy_database(source: Engine, target: Engine, target_url: str, *,
                  progress: ProgressCallback | None = None, batch: int = BATCH,
                  lock_wait: float = LOCK_WAIT) -> CopyResult:
    """Copy every row of ``source`` into the empty ``target`` (both at the migration head).

    Raises CopyRefused before writing anything when the revisions differ or the target holds data.
    """
    check_revisions(source, target, target_url)
    src_meta, dst_meta = reflected(source), reflected(target)
    # In the target's dependency order, so that a foreign key's row is always there first.
    tables = [t for t in dst_meta.sorted_tables if t.name not in _NOT_COPIED]
    for t in tables:
        src = src_meta.tables.get(t.name)
        if src is None or set(src.c.keys()) != set(t.c.keys()):
            raise CopyRefused(f"コピー元とコピー先で表「{t.name}」の列が違います（構成は同じです）。"
                              "どちらかのデータベースが kessai 以外の方法で変更されています。管理者に相談してください。")

    result = CopyResult()
    with _snapshot(source) as src_conn, target.connect() as dst_conn, dst_conn.begin():
        _prepare_target(dst_conn, tables, lock_wait)
        totals = {t.name: src_conn.scalar(select(func.count()).select_from(src_meta.tables[t.name])) or 0
                  for t in tables}
        everything, done = sum(totals.values()), 0
        # The genesis head of the new database gives way to the source's head (written below).
        dst_conn.execute(dst_meta.tables["ledger_head"].delete())
        for t in tables:
            copied = 0
            for rows in _read(src_conn, src_meta.tables[t.name], t, batch):
                dst_conn.execute(_insert(t, dst_conn.dialect.name), rows)
                copied += len(rows)
                done += len(rows)
                if progress is not None:
                    progress(t.name, copied, totals[t.name], done, everything)
            result.counts[t.name] = copied
        if dst_conn.dialect.name == "postgresql":
            _reset_sequences(dst_conn, tables)
        _check_copied(src_conn, dst_conn, src_meta, dst_meta, result)
        head = dst_conn.execute(_HEAD).first()
        result.ledger_head = (int(head[0]), str(head[1])) if head is not None else result.ledger_head
    return result


def reflected(engine: Engine) -> MetaData:
    """The tables as the database has them (the migrations made them), not as the models say."""
    meta = MetaData()
    with warnings.catch_warnings():
        # Indexes on expressions (migration 0010) are not reflected; only columns are needed here.
        warnings.filterwarnings("ignore", "Skipped unsupported reflection", SAWarning)
        meta.reflect(bind=engine)
    return meta


@contextmanager
def _snapshot(engine: Engine) -> Iterator[Connection]:
    """A read transaction on the source that sees it as it stood at its first read."""
    options: dict[str, Any] = {READS_ONLY: True}
    if engine.dialect.name == "postgresql":
        options["isolation_level"] = "REPEATABLE READ"
    with engine.connect().execution_options(**options) as conn:
        conn.begin()
        if conn.dialect.name == "postgresql":
            # Waits on the target's writes between reads: not a stopped process's idle transaction.
            conn.exec_driver_sql("SET LOCAL idle_in_transaction_session_timeout = 0")
        try:
            yield conn
        finally:
            conn.rollback()  # it only read


def _prepare_target(conn: Connection, tables: list[Table], lock_wait: float) -> None:
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql("SET LOCAL idle_in_transaction_session_timeout = 0")
        # A kessai serve already started on the target would write between the check below and
        # the commit: its writes wait (reads go on) until the copy ends, or the copy gives up.
        conn.exec_driver_sql(f"SET LOCAL lock_timeout = {max(1, round(lock_wait * 1000))}")
        names = ", ".join(conn.dialect.identifier_preparer.quote(t.name) for t in tables)
        try:
            conn.exec_driver_sql(f"LOCK TABLE {names} IN EXCLUSIVE MODE")
        except OperationalError as e:
            if str(getattr(e.orig, "sqlstate", "") or "") != "55P03":  # lock_not_available
                raise
            # The driver's 「canceling statement due to lock timeout」 did not say who holds it.
            raise CopyRefused(
                f"コピー先のデータベースをほかの接続が使用中のため、{lock_wait:g} 秒待ってもコピーを始められません"
                "でした（何も書き込んでいません）。コピー先で kessai serve を起動していないか、データベースの"
                "ツールで開いたままの操作がないかを確認し、止めてからもう一度実行してください。") from e
    holding: list[str] = []
    for t in tables:
        if t.name == "ledger_head":
            rows = [tuple(r) for r in conn.execute(select(t.c.id, t.c.seq, t.c.entry_hash)).all()]
            if rows and rows != [GENESIS_HEAD]:
                holding.append(f"{t.name}（台帳の先頭が記録済み）")
            continue
        n = conn.scalar(select(func.count()).select_from(t)) or 0
        if n:
            holding.append(f"{t.name}（{n:,} 行）")
    if holding:
        raise CopyRefused(
            "コピー先のデータベースにはすでにデータがあるため、コピーしませんでした（何も書き込んでいません）: "
            + "、".join(holding) + "。上書きすると決裁の記録が混ざります。kessai の表を作成しただけの"
            "空のデータベースを指定してください（新しいデータベースを作り `kessai db upgrade` を実行します）。")


def _read(conn: Connection, src: Table, dst: Table, batch: int) -> Iterator[list[dict[str, Any]]]:
    columns = []
    for c in dst.c:
        s = src.c[c.name]
        # The stored text of a JSON value, not the value parsed and written again: NULL stays NULL
        # (not JSON 'null', which is what None would become) and the text stays as it was.
        columns.append(cast(s, Text).label(c.name) if isinstance(c.type, JSON) else s)
    order = list(src.primary_key.columns) or list(src.c)
    converters = {c.name: _time_converter(c.type.timezone) for c in dst.c if isinstance(c.type, DateTime)}
    result = conn.execution_options(yield_per=batch).execute(select(*columns).order_by(*order))
    for part in result.mappings().partitions(batch):
        rows = []
        for row in part:
            values = {f"p_{k}": v for k, v in row.items()}
            for name, convert in converters.items():
                values[f"p_{name}"] = convert(values[f"p_{name}"])
            rows.append(values)
        yield rows


def _time_converter(aware: bool) -> Callable[[Any], Any]:
    # kessai stores every time in UTC. SQLite hands them back naive; written naive into a
    # timestamptz column, PostgreSQL would read them in the server's TimeZone (Asia/Tokyo on a
    # Japanese server: nine hours off).
    def convert(value: Any) -> Any:
        if not isinstance(value, datetime):
            return value
        if aware:
            return value if value.tzinfo is not None else value.replace(tzinfo=UTC)
        return value if value.tzinfo is None else value.astimezone(UTC).replace(tzinfo=None)

    return convert


def _insert(table: Table, dialect: str) -> Any:
    values: dict[str, Any] = {}
    for c in table.c:
        if isinstance(c.type, JSON):
            # PostgreSQL's json keeps the text given; SQLite's JSON column is text itself.
            param = bindparam(f"p_{c.name}", type_=Text)
            values[c.name] = cast(param, c.type) if dialect == "postgresql" else param
        else:
            values[c.name] = bindparam(f"p_{c.name}", type_=c.type)
    return insert(table).values(values)


def _reset_sequences(conn: Connection, tables: list[Table]) -> None:
    # Rows were inserted with their ids: without this, the first draft written on the target would
    # be given id 1 again and fail as a duplicate.
    for t in tables:
        for c in t.primary_key.columns:
            seq = conn.scalar(text("SELECT pg_get_serial_sequence(:t, :c)"), {"t": t.name, "c": c.name})
            if seq is None:
                continue
            top = conn.scalar(select(func.max(c))) or 0
            # Next value top + 1 (is_called false at 1 for an empty table).
            conn.execute(text("SELECT setval(CAST(:s AS regclass), :v, :called)"),
                         {"s": seq, "v": top or 1, "called": bool(top)})


def _check_copied(src: Connection, dst: Connection, src_meta: MetaData, dst_meta: MetaData,
                  result: CopyResult) -> None:
    # Read back inside the transaction: a difference rolls everything back before anyone uses it.
    for name, copied in result.counts.items():
        there = dst.scalar(select(func.count()).select_from(dst_meta.tables[name])) or 0
        if there != copied:
            raise RuntimeError(f"table {name}: {copied} rows copied, {there} found on the target")
    if tuple(src.execute(_HEAD).first() or ()) != tuple(dst.execute(_HEAD).first() or ()):
        raise RuntimeError("ledger_head differs between source and target after the copy")
