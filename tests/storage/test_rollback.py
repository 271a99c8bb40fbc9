"""Going back a version (docs/operations.md「前の版に戻す」), followed as written: `kessai db
downgrade` with the newer kessai, on a database that holds decisions, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import OrgConfig
from bot.services import IncomingMessage, Kessai
from storage import roster
from storage.db import Database, current_revision, known_revisions
from tests.time.conftest import CLEAN_TEXT, Clock, jst

REPO = Path(__file__).resolve().parents[2]


def kessai(*args: str, url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL"))}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**clean, "PYTHONPATH": str(REPO), "DATABASE_URL": url})


Kessai_ = Callable[..., "subprocess.CompletedProcess[str]"]


@pytest.fixture
def kessai_here(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Kessai_:
    """``kessai`` through bot.cli.main in this process, with the environment the subprocess gets: a
    command costs milliseconds, not an interpreter start (~0.7 s each; 3 s on a loaded CI machine)."""
    def run(*args: str, url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
        with monkeypatch.context() as m:
            for key in [k for k in os.environ if k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL"))]:
                m.delenv(key)
            m.setenv("DATABASE_URL", url)
            m.chdir(cwd)  # no stray .env
            capsys.readouterr()
            code = main(list(args))
            out, err = capsys.readouterr()
        return subprocess.CompletedProcess(["kessai", *args], code, out, err)
    return run


def a_decided_draft(db: Database, org: OrgConfig) -> None:
    with db.session() as s:
        roster.sync(s, org)
    clock = Clock(jst(2026, 11, 24, 10, 0))
    k = Kessai(db, org, clock=clock)
    out = k.receive_message(IncomingMessage(channel="C0INTAKE", user="U0OPERATOR", ts="1700000000.000001",
                                            text=CLEAN_TEXT, event_key="ev1"))
    assert out.draft_id is not None
    clock.t = jst(2026, 11, 24, 11, 0)
    assert k.decide(out.draft_id, 1, "U0MANAGER", approve=True).kind == "approved"


def test_every_migration_of_this_version_can_be_undone_one_by_one(db: Database, org: OrgConfig, tmp_path: Path,
                                                                 kessai_here: Kessai_) -> None:
    """Each step back, then forward again: decisions survive and the ledger still verifies."""
    a_decided_draft(db, org)
    url = db.engine.url.render_as_string(hide_password=False)
    revisions = known_revisions()
    first, *rest = reversed(revisions[revisions.index("0002"):-1])
    # The first step as the IT 担当 types it, the installed command in its own process; the other
    # steps through the same main() in this one (an interpreter start each cost ~0.7 s, x14, x2).
    r = kessai("db", "downgrade", first, url=url, cwd=tmp_path)
    assert r.returncode == 0 and "に戻しました" in r.stdout, r.stderr
    assert current_revision(db.engine) == first
    for target in rest:
        r = kessai_here("db", "downgrade", target, url=url, cwd=tmp_path)
        assert r.returncode == 0 and f"から {target} に戻しました" in r.stdout, r.stderr
        assert current_revision(db.engine) == target
    r = kessai_here("db", "upgrade", url=url, cwd=tmp_path)
    assert r.returncode == 0 and f"0002 から {revisions[-1]} に更新しました" in r.stdout, r.stderr
    assert current_revision(db.engine) == revisions[-1]
    verify = kessai_here("ledger", "verify", url=url, cwd=tmp_path)
    assert verify.returncode == 0, verify.stdout + verify.stderr


def test_going_back_past_the_video_column_keeps_the_duplicate_checks_indexes(
        db: Database, tmp_path: Path, kessai_here: Kessai_) -> None:
    """SQLite drops a column by rebuilding the table, which lost 0010's indexes on expressions; then
    the next step back failed on the missing index."""
    url = db.engine.url.render_as_string(hide_password=False)
    assert kessai_here("db", "downgrade", "0010", url=url, cwd=tmp_path).returncode == 0
    db.engine.dispose()
    # Asked of the database itself: SQLAlchemy's reflection skips indexes on expressions.
    catalogue = ("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'draft_versions'"
                 if db.engine.dialect.name == "sqlite" else
                 "SELECT indexname FROM pg_indexes WHERE tablename = 'draft_versions'")
    with db.engine.connect() as c:
        names = {row[0] for row in c.exec_driver_sql(catalogue)}
    assert {"ix_draft_versions_dup_key", "ix_draft_versions_dup_numbers"} <= names
    assert kessai_here("db", "downgrade", "0009", url=url, cwd=tmp_path).returncode == 0


def test_downgrade_refuses_what_would_drop_the_ledger_and_names_the_range(
        db: Database, tmp_path: Path, kessai_here: Kessai_) -> None:
    url = db.engine.url.render_as_string(hide_password=False)
    r = kessai_here("db", "downgrade", "base", url=url, cwd=tmp_path)
    assert r.returncode == 2 and "0002 〜" in r.stderr and "Traceback" not in r.stderr
    # Nor 0001: its way back loses the drafts' publication records.
    assert kessai_here("db", "downgrade", "0001", url=url, cwd=tmp_path).returncode == 2
    assert current_revision(db.engine) == known_revisions()[-1]
    same = kessai_here("db", "downgrade", known_revisions()[-1], url=url, cwd=tmp_path)
    assert same.returncode == 0 and "変更はありません" in same.stdout


def test_a_database_of_the_first_version_holding_drafts_is_upgraded(
        db_url: str, tmp_path: Path, kessai_here: Kessai_) -> None:
    """0002 added the required column drafts.source: a database of kessai's first version with
    drafts in it failed to upgrade (NOT NULL on its rows). Those drafts came from a channel."""
    from sqlalchemy import inspect, text

    from storage.db import upgrade

    db = Database(db_url)
    upgrade(db.engine, "0001")
    with db.engine.begin() as c:
        c.execute(text("INSERT INTO drafts (id, account_id, author_id, channel, message_ts, state, current_version,"
                       " category, created_at, updated_at) VALUES (1, 'joetsu-x', 'U0OPERATOR', 'C0INTAKE',"
                       " '1700000000.000001', 'pending', 1, 'normal', '2026-11-21 01:00:00', '2026-11-21 01:00:00')"))
    r = kessai_here("db", "upgrade", url=db_url, cwd=tmp_path)
    assert r.returncode == 0 and "0001 から" in r.stdout, r.stderr
    with db.engine.connect() as c:
        assert c.execute(text("SELECT source FROM drafts")).scalar_one() == "channel"
    # The schema is the one an empty database gets: no default left behind.
    [source] = [col for col in inspect(db.engine).get_columns("drafts") if col["name"] == "source"]
    assert source["default"] is None and source["nullable"] is False
    db.dispose()


def test_since_when_a_message_failed_alone_moves_from_its_payload_to_a_column_and_back(
        db_url: str, tmp_path: Path, kessai_here: Kessai_) -> None:
    """0015: the older versions kept since when a message failed alone (its day, ALONE_GIVE_UP) under
    the payload key ``_failing_alone_since``. A row that had it keeps its day in the column, and
    the key leaves the payload (the other bookkeeping keys stay); going back puts it where the
    older version reads it."""
    import json
    from datetime import UTC, datetime

    from sqlalchemy import inspect, text

    from storage import outbox
    from storage.db import upgrade

    db = Database(db_url)
    upgrade(db.engine, "0014")
    rows = [
        (1, {"channel": "C0ESC", "text": "督促", "_failing_alone_since": "2026-12-04T11:00:00+00:00"}),
        (2, {"channel": "U0MANAGER", "text": "確認", "_after": "draft:1", "_failing_alone_since":
             "2026-12-04T20:30:00+09:00"}),
        (3, {"channel": "C0ESC", "text": "ふつう"}),
    ]
    with db.engine.begin() as c:
        for row_id, payload in rows:
            c.execute(text("INSERT INTO outbox (id, op, payload, status, attempts, next_attempt_at, created_at)"
                           " VALUES (:id, 'post', :payload, 'pending', 3, '2026-12-05 01:00:00',"
                           " '2026-12-04 10:00:00')"), {"id": row_id, "payload": json.dumps(payload)})
    r = kessai_here("db", "upgrade", url=db_url, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    with db.session() as s:
        found = {row.id: row for row in outbox.rows(s)}
    assert {i: (row.payload, row.failing_alone_since and row.failing_alone_since.replace(tzinfo=UTC))
            for i, row in found.items()} == {
        1: ({"channel": "C0ESC", "text": "督促"}, datetime(2026, 12, 4, 11, 0, tzinfo=UTC)),
        2: ({"channel": "U0MANAGER", "text": "確認", "_after": "draft:1"}, datetime(2026, 12, 4, 11, 30, tzinfo=UTC)),
        3: ({"channel": "C0ESC", "text": "ふつう"}, None),
    }
    r = kessai_here("db", "downgrade", "0014", url=db_url, cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    db.engine.dispose()
    assert "failing_alone_since" not in {c["name"] for c in inspect(db.engine).get_columns("outbox")}
    with db.engine.connect() as c:
        back = {i: p if isinstance(p, dict) else json.loads(p)
                for i, p in c.execute(text("SELECT id, payload FROM outbox"))}
    assert back[3] == {"channel": "C0ESC", "text": "ふつう"}
    assert back[2]["_after"] == "draft:1"
    # As the older version reads it: an ISO time, the same instant.
    assert {i: datetime.fromisoformat(back[i]["_failing_alone_since"]) for i in (1, 2)} == {
        1: datetime(2026, 12, 4, 11, 0, tzinfo=UTC), 2: datetime(2026, 12, 4, 11, 30, tzinfo=UTC)}
    db.dispose()


def test_posts_registered_before_0017_are_found_under_their_other_addresses(
        db_url: str, org: OrgConfig) -> None:
    """0017 gives every draft published before its post's digest (in batches of 1,000): a post
    registered by the older version is still refused for another draft under another address of
    it; a URL no address could be read from keeps none; the drafts not published have none."""
    from sqlalchemy import text

    from bot import errors
    from bot.publication import post_key_digest
    from storage.db import upgrade

    db = Database(db_url)
    upgrade(db.engine, "0016")
    urls = {100 + n: f"https://x.com/joetsu_city_example/status/{n}?s=20" for n in range(1, 1002)}
    urls[1102] = "https://[broken/status/1"
    with db.engine.begin() as c:
        c.execute(text("INSERT INTO drafts (id, account_id, author_id, channel, message_ts, state, current_version,"
                       " category, source, published_url, created_at, updated_at) VALUES (:id, 'joetsu-x',"
                       " 'U0OPERATOR', 'C0INTAKE', :ts, :state, 1, 'normal', 'channel', :url,"
                       " '2020-11-21 01:00:00', '2020-11-21 01:00:00')"),
                  [{"id": i, "ts": f"1600000000.{i:06d}", "state": "published", "url": u} for i, u in urls.items()]
                  + [{"id": 1103, "ts": "1600000000.001103", "state": "approved", "url": None}])
    upgrade(db.engine)
    with db.engine.connect() as c:
        keys = dict(c.execute(text("SELECT id, published_key FROM drafts")).all())
    assert keys == {**{i: post_key_digest(u) for i, u in urls.items() if i != 1102}, 1102: None, 1103: None}

    a_decided_draft(db, org)
    k = Kessai(db, org, clock=Clock(jst(2026, 11, 24, 12, 0)))
    with db.engine.connect() as c:
        [mine] = c.execute(text("SELECT id FROM drafts WHERE state = 'approved' AND id <> 1103")).scalars()
    with pytest.raises(errors.InvalidInput, match="下書き #1101 の投稿として登録されています"):
        k.publish(mine, 1, "U0OPERATOR", url="https://twitter.com/Joetsu_City_Example/status/1001/photo/1",
                  at=jst(2026, 11, 24, 11, 30))
    assert k.publish(mine, 1, "U0OPERATOR", url="https://x.com/joetsu_city_example/status/5000",
                     at=jst(2026, 11, 24, 11, 30)).kind == "published"
    db.dispose()
