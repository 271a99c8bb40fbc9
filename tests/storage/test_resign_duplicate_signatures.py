"""The versions an older release signed are signed again at start (bot.duplicate_signatures).

Until then the intake reads each recent one whole for every draft, and walks the index entries of
all of them (storage.drafts._could_duplicate); after, it reads only those the rule could match,
and a real repeat is still caught.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event
from sqlmodel import select

from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.duplicate_signatures import resign_older_signatures
from bot.localstack import LocalStack, start_local_stack
from bot.rules import duplicate_signature
from bot.rules.misc import DUPLICATE_SIGNATURE_VERSION
from bot.services import IncomingMessage
from storage import drafts
from storage.db import Database
from storage.models import DraftRow, DraftVersionRow, FindingRow
from tests.conftest import migrated_database_url
from tests.e2e.conftest import BUSINESS_MORNING
from tests.storage.test_duplicate_filter import BASE, NOW, flags, read

UNRELATED = "明日は図書館の休館日です。返却ポストは開いています。"


def store_as(db: Database, ts: str, text: str, version: int | None, *, key: str = "古い版の鍵", numbers: str = "",
             created: datetime = NOW) -> int:
    """A version as an older (or newer) release stored it: a key this release would not compute."""
    with db.session() as s:
        d = DraftRow(account_id="x", author_id="U0OPERATOR", channel="C0INTAKE", message_ts=ts, state="pending",
                     current_version=1, created_at=created, updated_at=created)
        assert drafts.insert_draft(s, d)
        v = DraftVersionRow(draft_id=d.id or 0, number=1, text=text, content_hash="0" * 64, created_at=created,
                            dup_key=None if version is None else key, dup_numbers=None if version is None else numbers,
                            dup_version=version)
        drafts.insert_version(s, v)
        return v.id or 0


def signatures(db: Database) -> dict[int, tuple[str | None, str | None, int | None]]:
    with db.session() as s:
        return {v.id or 0: (v.dup_key, v.dup_numbers, v.dup_version) for v in s.exec(select(DraftVersionRow))}


def test_versions_of_an_older_or_no_signature_are_signed_as_this_release_signs_the_recent_first(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    texts = {1: BASE, 2: BASE.replace("8時30分", "9時00分"), None: UNRELATED}
    recent = {store_as(db, f"1.{i}", text, version): text for i, (version, text) in enumerate(texts.items())}
    # Within the window by the versions' clock slack (VERSION_CLOCK_SLACK), and in a later batch.
    edge = store_as(db, "1.5", "第3回の説明会は12日に開きます。", 1, created=NOW - timedelta(days=30, minutes=30))
    recent[edge] = "第3回の説明会は12日に開きます。"
    # Written first (a lower id), from before the window: signed after the window's.
    old = store_as(db, "0.9", "去年の投稿です。", 1, created=NOW - timedelta(days=400))
    newer = store_as(db, "1.7", BASE, DUPLICATE_SIGNATURE_VERSION + 1, key="新しい版の鍵", numbers="8,30")
    before = signatures(db)
    with caplog.at_level(logging.INFO, logger="bot.duplicate_signatures"):
        assert resign_older_signatures(db, NOW, batch=2) == 5
    after = signatures(db)
    for version_id, text in {**recent, old: "去年の投稿です。"}.items():
        sig = duplicate_signature(text)
        assert after[version_id] == (sig.key, sig.numbers, DUPLICATE_SIGNATURE_VERSION)
    assert after[newer] == before[newer] == ("新しい版の鍵", "8,30", DUPLICATE_SIGNATURE_VERSION + 1)
    [line] = [r.getMessage() for r in caplog.records if r.name == "bot.duplicate_signatures"]
    assert line.startswith(f"signed 5 draft versions again with duplicate signature version "
                           f"{DUPLICATE_SIGNATURE_VERSION} in ")
    # Done once: a second start finds nothing to sign and says nothing.
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="bot.duplicate_signatures"):
        assert resign_older_signatures(db, NOW) == 0
    assert signatures(db) == after
    assert not [r for r in caplog.records if r.name == "bot.duplicate_signatures"]


def test_a_start_stopped_midway_keeps_what_it_signed_and_the_next_goes_on(db: Database) -> None:
    old = store_as(db, "2.9", UNRELATED, 1, created=NOW - timedelta(days=90))  # the lowest id, yet signed last
    recent = [store_as(db, f"2.{i}", f"{UNRELATED}第{i}号", 1) for i in range(1, 4)]
    updates = 0

    def dies_on_the_second_batch(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        nonlocal updates
        if statement.lstrip().upper().startswith("UPDATE DRAFT_VERSIONS"):
            updates += 1
            if updates == 2:
                raise KeyboardInterrupt  # the process stopped while writing the second batch

    event.listen(db.engine, "before_cursor_execute", dies_on_the_second_batch)
    try:
        with pytest.raises(KeyboardInterrupt):
            resign_older_signatures(db, NOW, batch=2)
    finally:
        event.remove(db.engine, "before_cursor_execute", dies_on_the_second_batch)
    assert [signatures(db)[i][2] for i in [*recent, old]] == [DUPLICATE_SIGNATURE_VERSION] * 2 + [1, 1]
    assert resign_older_signatures(db, NOW, batch=2) == 2
    assert {signatures(db)[i][2] for i in [*recent, old]} == {DUPLICATE_SIGNATURE_VERSION}


def test_after_signing_the_intake_reads_a_real_repeat_and_no_longer_the_unrelated_post(db: Database) -> None:
    store_as(db, "3.1", BASE, 1)
    store_as(db, "3.2", UNRELATED, None)
    # Before: both read whole, since their keys cannot be trusted.
    assert sorted(read(db, BASE)) == sorted([BASE, UNRELATED])
    resign_older_signatures(db, NOW)
    got = read(db, BASE)
    assert got == [BASE]
    assert flags(BASE, got)


def test_two_replicas_signing_at_once_write_the_same_and_never_lower_a_newer_signature(db: Database) -> None:
    version_id = store_as(db, "4.1", BASE, 1)
    with db.session() as s:
        assert drafts.versions_signed_before(s, DUPLICATE_SIGNATURE_VERSION, None, after_id=0,
                                             limit=10) == [(version_id, BASE)]
    sig = duplicate_signature(BASE)
    mine = [(version_id, sig.key, sig.numbers, DUPLICATE_SIGNATURE_VERSION)]
    with db.session() as s:
        assert drafts.sign_versions(s, mine) == 1
    with db.session() as s:  # the other replica of this release, a moment later: nothing left to change
        assert drafts.sign_versions(s, mine) == 0
    assert signatures(db)[version_id] == (sig.key, sig.numbers, DUPLICATE_SIGNATURE_VERSION)
    # A replica of a newer release signed another first: this release's write must not undo it.
    newer = store_as(db, "4.2", UNRELATED, 1)
    with db.session() as s:
        assert drafts.sign_versions(s, [(newer, "新しい版の鍵", "", DUPLICATE_SIGNATURE_VERSION + 1)]) == 1
    other = duplicate_signature(UNRELATED)
    with db.session() as s:
        assert drafts.sign_versions(s, [(newer, other.key, other.numbers, DUPLICATE_SIGNATURE_VERSION)]) == 0
    assert signatures(db)[newer] == ("新しい版の鍵", "", DUPLICATE_SIGNATURE_VERSION + 1)


@pytest.fixture(params=["sqlite", "postgres"])
def stack(request: pytest.FixtureRequest, tmp_path: Path, org: OrgConfig) -> Iterator[LocalStack]:
    st = start_local_stack(org, migrated_database_url(request.param, tmp_path), start_gateway=False,
                           clock=shifted_clock(BUSINESS_MORNING))
    yield st
    st.stop()


def test_a_repeat_of_a_post_signed_again_is_still_held_at_intake(stack: LocalStack) -> None:
    text = "高田城址公園の観桜会は4月1日からです。夜桜のライトアップは18時から21時までです。"
    stack.rt.kessai.receive_message(IncomingMessage(channel="C0INTAKE", user="U0OPERATOR", ts="1764000000.000100",
                                                    text=text, event_key="event:Ev1"))
    # As version 1 stored it: a key this release would not compute, so only the full read finds it.
    with stack.rt.db.session() as s:
        s.connection().exec_driver_sql("UPDATE draft_versions SET dup_key = 'x', dup_numbers = '', dup_version = 1")
    assert resign_older_signatures(stack.rt.db, stack.rt.kessai.clock()) == 1
    stack.rt.kessai.receive_message(IncomingMessage(channel="C0INTAKE", user="U0OPERATOR", ts="1764000000.000200",
                                                    text=text + "\n#上越市", event_key="event:Ev2"))
    with stack.rt.db.session() as s:
        second = s.exec(select(DraftRow).where(DraftRow.message_ts == "1764000000.000200")).one()
        codes = [f.code for f in s.exec(select(FindingRow).join(
            DraftVersionRow, FindingRow.version_id == DraftVersionRow.id)  # type: ignore[arg-type]
            .where(DraftVersionRow.draft_id == second.id))]
    assert "spam.duplicate" in codes


def test_a_serve_told_to_stop_signs_no_further_batch(db: Database) -> None:
    version_id = store_as(db, "7.1", BASE, 1)
    stopping = threading.Event()
    stopping.set()
    assert resign_older_signatures(db, NOW, stopping=stopping) == 0
    assert signatures(db)[version_id][2] == 1  # left for the next start


def planned_signature_versions(db: Database) -> list[str]:
    """The signature versions PostgreSQL's planner believes most common among the versions."""
    with db.session() as s:
        row = s.connection().exec_driver_sql(
            "SELECT most_common_vals::text FROM pg_stats WHERE schemaname = current_schema() "
            "AND tablename = 'draft_versions' AND attname = 'dup_version'").scalar_one_or_none()
    return [] if row is None else row.strip("{}").split(",")


def test_postgres_plans_with_the_new_signatures_as_soon_as_they_are_written(postgres: Database) -> None:
    # Fewer rows than autovacuum's threshold (50): only kessai's own ANALYZE can change the planner's view.
    for i in range(10):
        store_as(postgres, f"8.{i}", f"{UNRELATED}第{i}号", 1)
    with postgres.session() as s:
        s.connection().exec_driver_sql("ANALYZE draft_versions")
    assert planned_signature_versions(postgres) == ["1"]
    assert resign_older_signatures(postgres, NOW) == 10
    assert planned_signature_versions(postgres) == [str(DUPLICATE_SIGNATURE_VERSION)]


def test_an_analyse_that_fails_keeps_the_signatures_and_says_autovacuum_will_do_it(
        postgres: Database, caplog: pytest.LogCaptureFixture) -> None:
    version_id = store_as(postgres, "9.1", BASE, 1)

    def analyse_refused(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("ANALYZE"):
            raise RuntimeError("permission denied")

    event.listen(postgres.engine, "before_cursor_execute", analyse_refused)
    try:
        with caplog.at_level(logging.INFO, logger="bot.duplicate_signatures"):
            assert resign_older_signatures(postgres, NOW) == 1
    finally:
        event.remove(postgres.engine, "before_cursor_execute", analyse_refused)
    assert signatures(postgres)[version_id][2] == DUPLICATE_SIGNATURE_VERSION
    warnings = [r for r in caplog.records if r.levelno == logging.WARNING]
    assert len(warnings) == 1 and "autovacuum will" in warnings[0].getMessage()


def test_sqlite_is_not_given_planner_statistics_it_never_had(tmp_path: Path) -> None:
    db = Database(migrated_database_url("sqlite", tmp_path))
    try:
        store_as(db, "10.1", BASE, 1)
        assert resign_older_signatures(db, NOW) == 1
        with db.session() as s:
            tables = s.connection().exec_driver_sql("SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'")
            assert tables.all() == []  # ANALYZE would change the plans of every query, not only this one
    finally:
        db.dispose()
