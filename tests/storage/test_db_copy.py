"""`kessai db copy --to URL`: a trial's SQLite database moved to PostgreSQL, ledger and all."""

from __future__ import annotations

import contextlib
import fcntl
import io
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import JSON, Engine, Text, cast, func, select, text

from bot.attachments import AttachedFile
from bot.cli import main
from bot.config import OrgConfig
from bot.incidents import IncidentService
from bot.services import IncomingMessage, Kessai
from bot.sweep import Sweeper
from storage import roster
from storage.copy import CopyRefused, copy_database, reflected
from storage.db import Database, make_engine
from tests.conftest import copy_sqlite, migrated_database_url

JST = ZoneInfo("Asia/Tokyo")
START = datetime(2026, 11, 2, 9, 30, 15, 123456, tzinfo=JST)


@dataclass(frozen=True)
class Ran:
    returncode: int
    stdout: str
    stderr: str


def kessai(url: str, *args: str) -> Ran:
    out, err = io.StringIO(), io.StringIO()
    with pytest.MonkeyPatch.context() as env, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        env.setenv("DATABASE_URL", url)
        try:
            code = main(list(args))
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 2
    return Ran(code, out.getvalue(), err.getvalue())


class Clock:
    def __init__(self, t: datetime) -> None:
        self.t = t

    def __call__(self) -> datetime:
        return self.t


@pytest.fixture(scope="module")
def trial(tmp_path_factory: pytest.TempPathFactory, org: OrgConfig) -> Path:
    """A month of a trial on SQLite, written by kessai itself: decisions (approved, sent back),
    a draft still waiting, files and custom emoji (JSON columns), an absence, an incident, reminders."""
    path = tmp_path_factory.mktemp("trial") / "kessai.db"
    db = Database(migrated_database_url("sqlite", path.parent))
    try:
        with db.session() as s:
            roster.sync(s, org)
        clock = Clock(START)
        k = Kessai(db, org, clock=clock)
        texts = ["市民プールは点検のため臨時休館します。ご不便をおかけします。",
                 "図書館で子ども向けのおはなし会を開きます。どなたでも参加できます。",
                 "燃やせるごみは収集日の朝8時30分までに集積所へ出してください。",
                 "高田城址公園の桜が見頃です。夜桜のライトアップは21時までです。"]
        for n, body in enumerate(texts):
            clock.t = START + timedelta(days=3 * n)
            files = (AttachedFile(id=f"F0{n}", name="ちらし.pdf", mimetype="application/pdf", filetype="pdf",
                                  size=1234 + n),) if n % 2 == 0 else ()
            out = k.receive_message(IncomingMessage(
                channel="C0INTAKE", user="U0OPERATOR", ts=f"17640000{n:02d}.000100", text=body,
                event_key=f"ev{n}", files=files, custom_emoji=("joetsu_logo",) if n == 1 else ()))
            assert out.draft_id is not None and out.kind == "pending", out
            if n < 3:
                clock.t += timedelta(minutes=20)
                k.decide(out.draft_id, 1, "U0MANAGER", approve=n != 1,
                         reason="表現を見直してください。" if n == 1 else None)
        k.set_away("U0CHIEF", date(2026, 12, 1), date(2026, 12, 3))
        IncidentService(k).report(kind="flaming", account_id="joetsu-x", description="投稿に批判的な返信が続いています。",
                                  reporter="U0OPERATOR")
        with db.engine.begin() as c:
            # The waiting draft's version as versions written before migration 0014 have it: files
            # not known, SQL NULL, which must not become the JSON text 'null' (an empty list's kin).
            c.execute(text("UPDATE draft_versions SET files = NULL WHERE draft_id = 4"))
        clock.t = START + timedelta(days=20)
        Sweeper(k, settle_until=clock.t).sweep(clock.t)
    finally:
        db.dispose()
    return path


@pytest.fixture
def source(trial: Path, tmp_path: Path) -> str:
    """The trial's database, a copy of its own (a test may lock or change it)."""
    return copy_sqlite(trial, tmp_path / "trial" / "kessai.db")


@pytest.fixture(params=["postgres", "sqlite"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty database with kessai's tables (`kessai db upgrade` run on it)."""
    return migrated_database_url(request.param, tmp_path / "target")


def rows_of(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, JSON as its stored text and times as UTC instants."""
    meta = reflected(engine)
    out: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as c:
        for t in meta.sorted_tables:
            cols = [cast(col, Text) if isinstance(col.type, JSON) else col for col in t.c]
            rows = c.execute(select(*cols).order_by(*t.primary_key.columns)).all()
            out[t.name] = [tuple(v.astimezone(UTC) if isinstance(v, datetime) and v.tzinfo else
                                 v.replace(tzinfo=UTC) if isinstance(v, datetime) else v for v in r) for r in rows]
    return out


def rows_of_column(engine: Engine, column: str) -> list[tuple[Any, ...]]:
    with engine.connect() as c:
        return [tuple(r) for r in c.execute(text(f"SELECT id, CAST({column} AS TEXT) FROM draft_versions ORDER BY id"))]


def head_hash(said: str) -> str:
    found = re.search(r"最新の記録 #(\d+) のハッシュ: ([0-9a-f]{64})", said)
    assert found, said
    return f"#{found[1]} {found[2]}"


def test_the_trial_moves_whole_and_the_target_serves_on(source: str, target: str, org: OrgConfig) -> None:
    # The target read in Tokyo's time: times written without their zone would move nine hours.
    shown_target = target + ("?options=-c%20timezone%3DAsia/Tokyo" if target.startswith("postgresql") else "")
    before = rows_of(make_engine(source))
    assert before["ledger_entries"] and before["reminders"] and before["incidents"]
    assert any(r[1] is not None for r in before["members"] if r[0] == "U0CHIEF")
    files = [r[-1] for r in rows_of_column(make_engine(source), "files")]
    assert None in files and any(f and "F00" in f for f in files)

    ran = kessai(source, "db", "copy", "--to", shown_target)
    assert ran.returncode == 0, ran.stderr
    assert "決裁台帳 3 件" in ran.stdout and "下書き 4 件" in ran.stdout
    engine = make_engine(target)
    try:
        assert rows_of(engine) == before
    finally:
        engine.dispose()

    verified_there, verified_here = kessai(shown_target, "ledger", "verify"), kessai(source, "ledger", "verify")
    assert verified_there.returncode == 0, verified_there.stderr
    assert head_hash(verified_there.stdout) == head_hash(verified_here.stdout) == head_hash(ran.stdout)

    # kessai goes on where the trial stopped: new ids after the copied ones, the chain extended.
    db = Database(shown_target)
    try:
        k = Kessai(db, org, clock=Clock(START + timedelta(days=31)))
        out = k.receive_message(IncomingMessage(channel="C0INTAKE", user="U0OPERATOR", ts="1765000000.000100",
                                                text="年末年始の窓口の開設日をお知らせします。", event_key="ev-prod"))
        assert out.draft_id == 5
        k.decide(5, 1, "U0MANAGER", approve=True)
        assert IncidentService(k).report(kind="other", account_id=None, description="確認のための記録です。",
                                         reporter="U0OPERATOR") == 2
    finally:
        db.dispose()
    verified = kessai(shown_target, "ledger", "verify")
    assert verified.returncode == 0 and "4 件の記録" in verified.stdout, verified


def test_a_target_without_tables_is_refused_with_the_command_to_make_them(source: str, tmp_path: Path) -> None:
    bare = f"sqlite:///{tmp_path / 'new.db'}"
    Path(tmp_path / "new.db").touch()
    ran = kessai(source, "db", "copy", "--to", bare)
    assert ran.returncode == 1
    assert "コピー先のデータベースにまだ kessai の表がありません" in ran.stderr and "`kessai db upgrade`" in ran.stderr
    engine = make_engine(bare)
    try:
        with engine.connect() as c:
            assert c.execute(text("SELECT count(*) FROM sqlite_master")).scalar_one() == 0
    finally:
        engine.dispose()


def test_an_older_source_is_refused_until_upgraded(source: str, tmp_path: Path) -> None:
    assert kessai(source, "db", "downgrade", "0016").returncode == 0
    target = migrated_database_url("sqlite", tmp_path / "target")
    ran = kessai(source, "db", "copy", "--to", target)
    assert ran.returncode == 1
    assert "コピー元のデータベースの構成 0016" in ran.stderr and "`kessai db upgrade`" in ran.stderr


def test_a_target_holding_data_is_left_alone(source: str, target: str) -> None:
    assert kessai(source, "db", "copy", "--to", target).returncode == 0
    engine = make_engine(target)
    try:
        before = rows_of(engine)
        ran = kessai(source, "db", "copy", "--to", target)
        assert ran.returncode == 1
        assert "すでにデータがある" in ran.stderr and "ledger_entries（3 行）" in ran.stderr
        assert rows_of(engine) == before
    finally:
        engine.dispose()


def test_a_copy_interrupted_halfway_leaves_the_target_empty(source: str, target: str) -> None:
    src, dst = make_engine(source), make_engine(target)
    empty = rows_of(dst)
    seen: list[int] = []

    def stop(table: str, copied: int, total: int, done: int, everything: int) -> None:
        seen.append(done)
        if done > everything // 2:
            raise KeyboardInterrupt

    try:
        with pytest.raises(KeyboardInterrupt):
            copy_database(src, dst, target, progress=stop, batch=2)
        assert len(seen) > 2
        assert rows_of(dst) == empty  # the genesis head of ledger_head included
        # And the copy can simply be run again.
        result = copy_database(src, dst, target)
        assert result.counts["ledger_entries"] == 3 and rows_of(dst) == rows_of(src)
    finally:
        src.dispose()
        dst.dispose()


@contextlib.contextmanager
def serving(database: Path) -> Iterator[None]:
    """What a running kessai serve holds: flock(2) on ``<database>.lock``, its pid written in it."""
    fd = os.open(database.with_name(database.name + ".lock"), os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.write(fd, b"pid=4242 host=kessai-trial started=2026-11-01T09:00:00+0900\n")
        yield
    finally:
        os.close(fd)


def test_a_source_a_serve_is_running_on_is_refused(source: str, tmp_path: Path) -> None:
    target = migrated_database_url("sqlite", tmp_path / "target")
    database = Path(source.removeprefix("sqlite:///"))
    with serving(database):
        ran = kessai(source, "db", "copy", "--to", target)
    assert ran.returncode == 1
    assert "動いている kessai serve（プロセス番号 4242）" in ran.stderr and "systemctl stop kessai" in ran.stderr
    # The lock file left by a serve that has ended (it is never deleted) does not stand in the way.
    ran = kessai(source, "db", "copy", "--to", target)
    assert ran.returncode == 0, ran.stderr


def test_what_the_copy_quotes_of_either_database_is_shown_not_obeyed(source: str, tmp_path: Path) -> None:
    """A revision in alembic_version and the ledger head's hash are whatever the database's writer
    put there: quoted by `db copy` as they were, an ESC sequence in them rewrote the IT 担当's screen."""
    import sqlite3

    target = migrated_database_url("sqlite", tmp_path / "target")
    target_file = target.removeprefix("sqlite:///")
    with contextlib.closing(sqlite3.connect(target_file)) as c, c:
        c.execute("UPDATE alembic_version SET version_num = ?", ("9999\x1b[2J\u202e",))
    ran = kessai(source, "db", "copy", "--to", target)
    assert ran.returncode == 1 and "コピー先のデータベースの構成 9999\\x1b[2J\\u202e は" in ran.stderr, ran.stderr
    assert not any(c in ran.stderr for c in "\x1b\u202e")

    target = migrated_database_url("sqlite", tmp_path / "target2")
    with contextlib.closing(sqlite3.connect(source.removeprefix("sqlite:///"))) as c, c:
        c.execute("UPDATE ledger_head SET entry_hash = ?", ("\x1b[1A\x1b[2K\n" + "0" * 64,))
    ran = kessai(source, "db", "copy", "--to", target)
    assert ran.returncode == 0, ran.stderr
    assert "のハッシュ: \\x1b[1A\\x1b[2K\\n" + "0" * 64 + "\n" in ran.stdout and "\x1b" not in ran.stdout


def test_a_source_on_a_filesystem_without_locks_is_copied_with_a_warning(
        source: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Some NFS and FUSE mounts answer flock(2) with ENOLCK; serve starts there with a warning, so the
    # trial on such a mount must still move: the copy reads one snapshot and says what it could not check.
    import errno

    target = migrated_database_url("sqlite", tmp_path / "target")
    Path(source.removeprefix("sqlite:///") + ".lock").touch()

    def no_locks(fd: int, operation: int) -> None:
        raise OSError(errno.ENOLCK, os.strerror(errno.ENOLCK))

    monkeypatch.setattr(fcntl, "flock", no_locks)
    ran = kessai(source, "db", "copy", "--to", target)
    assert ran.returncode == 0, ran.stderr
    assert "ファイルのロックが使えないため" in ran.stderr and "kessai serve を止めてから" in ran.stderr


@pytest.mark.parametrize(("to", "said"), [
    ("postgre://kessai@db/kessai", "--to の URL の「postgre://」は PostgreSQL の書き方ではありません"),
    ("sqlite://", "--to の URL の SQLite にファイル名がありません"),
])
def test_a_mistyped_target_is_refused(source: str, to: str, said: str) -> None:
    ran = kessai(source, "db", "copy", "--to", to)
    assert ran.returncode == 2 and said in ran.stderr, ran


def test_the_source_itself_as_target_is_refused(source: str) -> None:
    ran = kessai(source, "db", "copy", "--to", source.replace("kessai.db", "./kessai.db"))
    assert ran.returncode == 2 and "コピー元（DATABASE_URL）と同じデータベース" in ran.stderr


def test_a_refusal_before_the_copy_is_a_copy_refused(source: str, tmp_path: Path) -> None:
    src, dst = make_engine(source), make_engine(f"sqlite:///{tmp_path / 'none.db'}")
    try:
        with pytest.raises(CopyRefused):
            copy_database(src, dst, "sqlite:///none.db")
        with dst.connect() as c:
            assert c.execute(select(func.count()).select_from(text("sqlite_master"))).scalar_one() == 0
    finally:
        src.dispose()
        dst.dispose()


def test_a_long_copy_says_how_far_it_is(source: str, tmp_path: Path) -> None:
    from bot.cli import _CopyProgress

    target = migrated_database_url("sqlite", tmp_path / "target")
    ticks = iter(range(0, 10_000, 3))
    out = io.StringIO()
    src, dst = make_engine(source), make_engine(target)
    try:
        copy_database(src, dst, target, progress=_CopyProgress(out, clock=lambda: next(ticks)), batch=5)
    finally:
        src.dispose()
        dst.dispose()
    said = out.getvalue().splitlines()
    assert said and all(line.startswith("コピーしています… 表 ") and "全体 " in line for line in said)
    assert "%）" in said[-1]


@pytest.mark.parametrize(("to", "said"), [
    ("postgresql://kessai:s3cret-pw@127.0.0.1:1/kessai", "データベースサーバーが起動していないか、ホスト名・ポート番号が違います"),
    ("postgresql://kessai:s3cret-pw@nosuchhost.invalid/kessai", "--to の URL のホスト名が見つかりません"),
])
def test_an_unreachable_target_is_explained_in_japanese_without_its_password(source: str, to: str, said: str) -> None:
    ran = kessai(source, "db", "copy", "--to", to)
    assert ran.returncode == 1, ran
    assert "コピー先（--to）のデータベースに接続できませんでした" in ran.stderr and said in ran.stderr, ran.stderr
    assert "DATABASE_URL のホスト名" not in ran.stderr and "s3cret-pw" not in ran.stderr + ran.stdout


def test_an_unreachable_source_is_named_as_the_source(tmp_path: Path) -> None:
    target = migrated_database_url("sqlite", tmp_path / "target")
    ran = kessai("postgresql://kessai:s3cret-pw@127.0.0.1:1/kessai", "db", "copy", "--to", target)
    assert ran.returncode == 1, ran
    assert "コピー元（DATABASE_URL）のデータベースに接続できませんでした" in ran.stderr, ran.stderr
    assert "s3cret-pw" not in ran.stderr + ran.stdout


def test_a_target_another_connection_is_writing_to_is_refused_in_japanese(source: str, tmp_path: Path) -> None:
    target = migrated_database_url("postgres", tmp_path / "target")
    src, dst = make_engine(source), make_engine(target)
    try:
        # What a kessai serve already started on the target holds while it writes a draft.
        with dst.connect() as busy, busy.begin():
            busy.execute(text("LOCK TABLE outbox IN ROW EXCLUSIVE MODE"))
            with pytest.raises(CopyRefused) as refused:
                copy_database(src, dst, target, lock_wait=0.2)
        said = refused.value.message_ja
        assert "ほかの接続" in said and "kessai serve" in said and "何も書き込んでいません" in said, said
        assert rows_of(dst)["drafts"] == [] and rows_of(dst)["ledger_head"] == [(1, 0, "0" * 64)]
    finally:
        src.dispose()
        dst.dispose()


def test_two_clusters_named_by_their_hosts_are_not_the_same_database() -> None:
    """Moving from one primary/standby pair to another: both URLs name their hosts in the query, and
    the copy was refused as 「コピー元と同じデータベース」 for having the same database name."""
    from bot.cli import _same_database

    old, new = ("postgresql://kessai@/kessai?host=db1,db2&port=5432,5432",
                "postgresql://kessai@/kessai?host=db3,db4&port=5432,5432")
    assert not _same_database(old, new)
    assert _same_database(old, old.replace("kessai@", "kessai:pw@"))
