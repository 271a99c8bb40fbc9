"""The intake path's storage: one read query, inserts keyed for retries, the outbox written at commit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from sqlmodel import select

from bot.rules import duplicate_signature
from storage import drafts, outbox
from storage.db import Database
from storage.intake import intake_reads
from storage.models import DraftRow, DraftVersionRow, MemberRow, OutboxRow
from tests.conftest import lapse_outbox_claims

NOW = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
STATES = ["pending", "approved"]


def like(text: str) -> drafts.DuplicateFilter:
    sig = duplicate_signature(text)
    return drafts.DuplicateFilter(sig.key, sig.numbers, *sig.lengths, sig.version)


def draft(account: str, ts: str, *, state: str = "pending", created: datetime = NOW) -> DraftRow:
    return DraftRow(account_id=account, author_id="U0OPERATOR", channel="C0INTAKE", message_ts=ts, state=state,
                    current_version=1, created_at=created, updated_at=created)


def add_draft(db: Database, account: str, ts: str, text: str, **kw: Any) -> int:
    with db.session() as s:
        d = draft(account, ts, **kw)
        assert drafts.insert_draft(s, d)
        drafts.insert_version(s, DraftVersionRow(draft_id=d.id or 0, number=1, text=text, content_hash="0" * 64,
                                                 created_at=NOW))
        return d.id or 0


# A pasted draft's read also takes its message's lock, and on PostgreSQL runs as the driver's text
# (storage.intake._postgresql_statement); a form draft's has no message.
@pytest.mark.parametrize("message", [None, ("C0INTAKE", "9.9")])
@pytest.mark.parametrize("zone", [UTC, timezone(timedelta(hours=9))])
def test_intake_reads_answers_three_questions_in_one_query(db: Database, message: tuple[str, str] | None,
                                                           zone: timezone) -> None:
    add_draft(db, "x", "1.1", "今日の図書館")
    add_draft(db, "x", "1.2", "明日の図書館", state="approved")
    add_draft(db, "x", "1.3", "差戻し済み", state="rejected")  # not a duplicate candidate
    add_draft(db, "x", "1.4", "古い投稿", created=NOW - timedelta(days=40))  # outside the window
    add_draft(db, "y", "1.5", "別アカウント")
    with db.session() as s:
        for sid, away in (("U0MANAGER", True), ("U0CHIEF", False)):
            s.add(MemberRow(slack_id=sid, name=sid, org_id="o", rank="課長",
                            away_from=NOW - timedelta(hours=1) if away else None,
                            away_until=NOW + timedelta(hours=1) if away else None))
        outbox.enqueue(s, "publish_home", {"user_id": "U0CHIEF"}, now=NOW, message_key="home:U0CHIEF")
    statements: list[str] = []
    from sqlalchemy import event

    @event.listens_for(db.engine, "before_cursor_execute")
    def count(*args: Any) -> None:
        statements.append(str(args[2]))

    with db.session() as s:
        # The same instants in Japan's time (the bot's clock): compared as instants, not as wall times.
        at = NOW.astimezone(zone)
        r = intake_reads(s, account_id="x", since=at - timedelta(days=30), states=STATES, like=like("今日の図書館"),
                         people=["U0MANAGER", "U0CHIEF"], at=at, home_keys=["home:U0CHIEF", "home:U0MANAGER"],
                         message=message)
    assert sorted(r.recent_texts) == ["今日の図書館", "明日の図書館"]
    assert r.away == {"U0MANAGER"} and r.people == {"U0MANAGER", "U0CHIEF"}
    assert r.homes == {"home:U0CHIEF"} and r.home_keys == {"home:U0CHIEF", "home:U0MANAGER"}
    assert len([q for q in statements if q.lstrip().upper().startswith("SELECT")]) == 1


@pytest.mark.parametrize("message", [None, ("C0INTAKE", "9.9")])
def test_intake_reads_refuse_a_time_without_its_zone(db: Database, message: tuple[str, str] | None) -> None:
    # As every datetime column does (sqlmodel's UTCDateTime): a wall time of unknown zone would be
    # compared as UTC, nine hours off the bot's clock.
    with db.session() as s, pytest.raises(Exception, match="timezone information"):
        intake_reads(s, account_id="x", since=NOW, states=STATES, like=like("本文"), people=["U0MANAGER"],
                     at=NOW.replace(tzinfo=None), home_keys=[], message=message)


def test_intake_reads_with_nobody_to_ask(db: Database) -> None:
    with db.session() as s:
        r = intake_reads(s, account_id="x", since=NOW, states=STATES, like=like("本文"), people=[], at=NOW,
                         home_keys=[])
    assert r.recent_texts == [] and r.away == set() and r.homes == set()


def test_a_message_becomes_one_draft_and_the_transaction_stays_usable(db: Database) -> None:
    first = add_draft(db, "x", "2.1", "本文")
    with db.session() as s:
        assert not drafts.insert_draft(s, draft("x", "2.1"))  # the same Slack message again
        again = draft("x", "2.2")
        assert drafts.insert_draft(s, again)  # nothing was poisoned by the conflict
        again.state = "approved"  # a Core-inserted row is persistent: changes become UPDATEs
    with db.session() as s:
        rows = s.exec(select(DraftRow).order_by(DraftRow.id)).all()  # type: ignore[arg-type]
    assert [(d.message_ts, d.state) for d in rows] == [("2.1", "pending"), ("2.2", "approved")]
    assert rows[0].id == first


def test_a_draft_and_its_first_version_go_in_together_or_not_at_all(db: Database) -> None:
    def version(text: str) -> DraftVersionRow:
        return DraftVersionRow(draft_id=0, number=1, text=text, alt_texts=["写真"], content_hash="0" * 64,
                               created_at=NOW, dup_key="k", dup_numbers="", dup_version=1)

    with db.session() as s:
        d, v = draft("x", "3.1"), version("本文")
        assert drafts.insert_draft_with_version(s, d, v)
        assert v.draft_id == d.id and v.id is not None
        v.note = "承認者へ"  # both are persistent rows of the session: changes become UPDATEs
        d.state = "approved"
        drafts.remember_deletion(s, "C0INTAKE", "3.9", NOW)
    with db.session() as s:
        # The same message again, and a message deleted before its event: nothing of either.
        assert not drafts.insert_draft_with_version(s, draft("x", "3.1"), version("二度目"))
        assert not drafts.insert_draft_with_version(s, draft("x", "3.9"), version("消された"))
        assert drafts.insert_draft_with_version(s, draft("x", "3.2"), version("次"))  # the transaction is usable
    with db.session() as s:
        rows = s.exec(select(DraftRow).order_by(DraftRow.id)).all()  # type: ignore[arg-type]
        versions = s.exec(select(DraftVersionRow).order_by(DraftVersionRow.id)).all()  # type: ignore[arg-type]
    assert [(r.message_ts, r.state) for r in rows] == [("3.1", "approved"), ("3.2", "pending")]
    assert [(x.draft_id, x.text, x.note, x.alt_texts, x.dup_key) for x in versions] == [
        (rows[0].id, "本文", "承認者へ", ["写真"], "k"), (rows[1].id, "次", None, ["写真"], "k")]


def test_outbox_rows_go_in_together_in_order_and_reads_see_them(db: Database) -> None:
    with db.session() as s:
        for n in range(3):
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": str(n)}, now=NOW, message_key=f"k{n}")
        assert outbox.keys_present(s, ["k2", "k9"]) == {"k2"}  # a read in the same transaction inserts what is waiting
        outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "3"}, now=NOW, message_key="k3")
    with db.session() as s:
        rows = outbox.rows(s)
    assert [r.payload["text"] for r in rows] == ["0", "1", "2", "3"]
    assert [r.id for r in rows] == sorted(r.id for r in rows if r.id is not None)


def test_nothing_is_written_when_the_transaction_fails(db: Database) -> None:
    with pytest.raises(RuntimeError), db.session() as s:
        outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "x"}, now=NOW)
        outbox.flush_pending(s)
        raise RuntimeError("the use case failed")
    with db.session() as s:
        assert outbox.rows(s) == []


def test_rows_of_a_rolled_back_transaction_do_not_ride_on_the_next_commit(db: Database) -> None:
    with db.session() as s:
        outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "取り消し"}, now=NOW)
        s.rollback()  # e.g. the sweep undoing a reminder's claim, then carrying on
        outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "残す"}, now=NOW)
    with db.session() as s:
        assert [r.payload["text"] for r in outbox.rows(s)] == ["残す"]


def test_express_rows_are_claimed_and_handed_over_after_commit(db: Database) -> None:
    handed: list[list[OutboxRow]] = []
    db.on_commit.append(lambda info: handed.append(info.pop(outbox.EXPRESS, [])))
    lease_end = NOW + timedelta(seconds=15)
    with db.session() as s:
        outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "決裁依頼"}, now=NOW, message_key="dm:1:v1:U0MANAGER",
                       express_until=lease_end)
        outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "決裁待ち"}, now=NOW, message_key="thread:1")
        assert handed == []  # not before the commit
    assert [[r.message_key for r in batch] for batch in handed] == [["dm:1:v1:U0MANAGER"]]
    assert handed[0][0].id is not None
    with db.session() as s:
        # The worker leaves the claimed row to its writer until the claim lapses.
        assert [r.message_key for r in outbox.eligible(s, NOW)] == ["thread:1"]
    lapse_outbox_claims(db)
    with db.session() as s:
        assert [r.message_key for r in outbox.eligible(s, NOW)] == ["dm:1:v1:U0MANAGER", "thread:1"]


def test_a_failed_commit_hands_nothing_over(db: Database) -> None:
    handed: list[Any] = []
    db.on_commit.append(handed.append)
    with pytest.raises(RuntimeError), db.session() as s:
        outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "x"}, now=NOW, express_until=NOW)
        raise RuntimeError("rolled back")
    assert handed == []


def test_a_new_drafts_requests_go_in_with_its_dms(db: Database) -> None:
    statements: list[str] = []
    from sqlalchemy import event

    @event.listens_for(db.engine, "before_cursor_execute")
    def note(*args: Any) -> None:
        statements.append(str(args[2]).lstrip().upper())

    asks = [drafts.Ask("U0MANAGER", None, "normal"), drafts.Ask("U0DEPUTY", "U0CHIEF", "away")]
    with db.session() as s:
        statements.clear()
        assert drafts.add_first_requests(s, draft_id=7, version_number=1, asks=asks, now=NOW) == {
            "U0MANAGER", "U0DEPUTY"}
        for a in asks:
            outbox.enqueue(s, "post", {"channel": a.recipient_id, "text": "決裁依頼"}, now=NOW)
    with db.session() as s:
        assert drafts.request_recipients(s, 7, 1) == ["U0MANAGER", "U0DEPUTY"]
        assert drafts.request_for(s, 7, 1, "U0DEPUTY").acting_for_id == "U0CHIEF"  # type: ignore[union-attr]
        assert [r.payload["channel"] for r in outbox.rows(s)] == ["U0MANAGER", "U0DEPUTY"]
    if db.is_postgres:
        assert [q.split()[0] for q in statements if not q.startswith("SELECT")] == ["WITH"]


def test_a_new_drafts_requests_are_written_before_anything_reads_them(db: Database) -> None:
    with db.session() as s:
        drafts.add_first_requests(s, draft_id=8, version_number=1, asks=[drafts.Ask("U0MANAGER", None, "normal")],
                                  now=NOW)
        outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "決裁依頼"}, now=NOW)
        assert drafts.request_recipients(s, 8, 1) == ["U0MANAGER"]  # Core
        assert [r.recipient_id for r in drafts.requests_for(s, 8, 1)] == ["U0MANAGER"]  # ORM
    with db.session() as s:
        assert drafts.request_recipients(s, 8, 1) == ["U0MANAGER"]  # once
        assert len(outbox.rows(s)) == 1


def test_a_new_drafts_requests_are_forgotten_with_their_transaction(db: Database) -> None:
    with db.session() as s:
        drafts.add_first_requests(s, draft_id=9, version_number=1, asks=[drafts.Ask("U0MANAGER", None, "normal")],
                                  now=NOW)
        s.rollback()
        outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "残す"}, now=NOW)
    with pytest.raises(RuntimeError), db.session() as s:
        drafts.add_first_requests(s, draft_id=10, version_number=1,
                                  asks=[drafts.Ask("U0MANAGER", None, "normal")], now=NOW)
        raise RuntimeError("the use case failed")
    with db.session() as s:
        assert drafts.request_recipients(s, 9, 1) == [] and drafts.request_recipients(s, 10, 1) == []
        assert [r.payload["text"] for r in outbox.rows(s)] == ["残す"]


def test_a_versions_findings_go_in_with_the_check_result(db: Database) -> None:
    statements: list[str] = []
    from sqlalchemy import event

    @event.listens_for(db.engine, "before_cursor_execute")
    def note(*args: Any) -> None:
        statements.append(str(args[2]).lstrip().upper())

    found = [{"code": "link.untrusted", "severity": "warning", "message": "リンク先", "start": 3, "end": 22,
              "excerpt": "https://example.com", "clause": "4(2)", "suggestion": None},
             {"code": "schedule.outside_hours", "severity": "warning", "message": "時間外", "start": 0, "end": 0,
              "excerpt": "", "clause": "5", "suggestion": "平日の日中に"}]
    with db.session() as s:
        statements.clear()
        drafts.add_findings(s, 11, found)
        outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "確認結果"}, now=NOW)
    with db.session() as s:
        assert [(f.code, f.start, f.end, f.suggestion) for f in drafts.findings(s, 11)] == [
            ("link.untrusted", 3, 22, None), ("schedule.outside_hours", 0, 0, "平日の日中に")]
    if db.is_postgres:
        assert [q.split()[0] for q in statements if not q.startswith("SELECT")] == ["WITH"]


def test_rows_of_one_table_with_other_columns_keep_their_values(db: Database) -> None:
    # Two rides for one table with different columns: their array parameters are named after the
    # table's columns, so in one outbox INSERT the second took the first's place (its rows twice).
    def finding(code: str) -> dict[str, Any]:
        return {"code": code, "severity": "warning", "message": "確認", "start": 0, "end": 0, "excerpt": "",
                "clause": "4(2)"}

    with db.session() as s:
        drafts.add_findings(s, 12, [{**finding("link.untrusted"), "suggestion": "公式サイトのリンクに"}])
        drafts.add_findings(s, 13, [finding("schedule.outside_hours")])
        outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "確認結果"}, now=NOW)
    with db.session() as s:
        assert [(f.code, f.suggestion) for f in drafts.findings(s, 12)] == [("link.untrusted", "公式サイトのリンクに")]
        assert [f.code for f in drafts.findings(s, 13)] == ["schedule.outside_hours"]


def test_riders_go_in_once_whatever_the_number_of_outbox_rows(db: Database) -> None:
    # Several outbox rows make an executemany: SQLAlchemy sends it as one INSERT … VALUES (…), (…)
    # up to its page size, and a second page, or a row at a time, would write the riders again (the
    # requests' unique key would then fail the draft, the findings would be doubled).
    from sqlalchemy import event

    sent: list[str] = []

    @event.listens_for(db.engine, "before_cursor_execute")
    def note(*args: Any) -> None:
        sent.append(str(args[2]))

    for draft_id, dms in enumerate([1, 2, 30, 60, outbox._RIDERS_WITH_AT_MOST, outbox._RIDERS_WITH_AT_MOST + 1],
                                   start=20):
        # Absent approvers each with a deputy standing in (30 + 30), one DM per request.
        asks = [drafts.Ask(f"U0DEPUTY{i}", f"U0BOSS{i}", "away") for i in range(dms // 2)]
        asks += [drafts.Ask(f"U0APPROVER{i}", None, "normal") for i in range(dms - dms // 2)]
        sent.clear()
        with db.session() as s:
            drafts.add_first_requests(s, draft_id=draft_id, version_number=1, asks=asks, now=NOW)
            drafts.add_findings(s, draft_id, [{"code": "link.untrusted", "severity": "warning", "message": "リンク先",
                                               "start": 0, "end": 1, "excerpt": "h", "clause": "4(2)",
                                               "suggestion": None}])
            for a in asks:
                outbox.enqueue(s, "post", {"channel": a.recipient_id, "text": "決裁依頼"}, now=NOW)
        with db.session() as s:
            assert sorted(drafts.request_recipients(s, draft_id, 1)) == sorted(a.recipient_id for a in asks)
            assert len(drafts.findings(s, draft_id)) == 1
        if db.is_postgres:
            assert sum("INSERT INTO approval_requests" in q for q in sent) == 1, dms


def test_a_savepoint_rolled_back_forgets_only_its_own_riders(db: Database) -> None:
    # bot.delivery_failures records a report in a savepoint of the transaction it belongs to.
    with db.session() as s:
        drafts.add_first_requests(s, draft_id=30, version_number=1, asks=[drafts.Ask("U0MANAGER", None, "normal")],
                                  now=NOW)
        with pytest.raises(RuntimeError), s.begin_nested():
            drafts.add_first_requests(s, draft_id=31, version_number=1,
                                      asks=[drafts.Ask("U0CHIEF", None, "normal")], now=NOW)
            raise RuntimeError("the report failed")
        with s.begin_nested():
            drafts.add_first_requests(s, draft_id=32, version_number=1,
                                      asks=[drafts.Ask("U0DEPUTY", None, "normal")], now=NOW)
    with db.session() as s:
        assert [drafts.request_recipients(s, d, 1) for d in (30, 31, 32)] == [["U0MANAGER"], [], ["U0DEPUTY"]]


def test_riders_go_in_once_when_the_outbox_insert_takes_several_pages(db: Database) -> None:
    # How many rows SQLAlchemy puts in one INSERT is the dialect's (insertmanyvalues_page_size,
    # 1000 by default, and fewer when the parameters would be too many): with a smaller page the
    # riders went in with each page, and a draft with 30 approvers failed on the requests' key.
    db.engine.dialect.insertmanyvalues_page_size = 10
    asks = [drafts.Ask(f"U0APPROVER{i}", None, "normal") for i in range(30)]
    with db.session() as s:
        drafts.add_first_requests(s, draft_id=40, version_number=1, asks=asks, now=NOW)
        drafts.add_findings(s, 40, [{"code": "link.untrusted", "severity": "warning", "message": "リンク先",
                                     "start": 0, "end": 1, "excerpt": "h", "clause": "4(2)", "suggestion": None}])
        for a in asks:
            outbox.enqueue(s, "post", {"channel": a.recipient_id, "text": "決裁依頼"}, now=NOW)
    with db.session() as s:
        assert len(drafts.request_recipients(s, 40, 1)) == 30
        assert len(drafts.findings(s, 40)) == 1
        assert len(outbox.rows(s)) == 30


def test_a_savepoint_rolled_back_keeps_the_outer_transactions_messages(db: Database) -> None:
    """Messages collected before a savepoint were forgotten with it when it was rolled back (each
    rollback dropped every row not yet inserted): a failed report inside a delivery's recording
    would have taken the DMs of the same transaction with it."""
    with db.session() as s:
        outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "決裁依頼"}, now=NOW, message_key="outer")
        with pytest.raises(RuntimeError), s.begin_nested():
            outbox.enqueue(s, "post", {"channel": "U0CHIEF", "text": "報告"}, now=NOW, message_key="inner")
            raise RuntimeError("the report failed")
        with s.begin_nested():
            outbox.enqueue(s, "post", {"channel": "U0DEPUTY", "text": "報告"}, now=NOW, message_key="kept")
    with db.session() as s:
        assert sorted(r.message_key or "" for r in outbox.rows(s, (outbox.PENDING,))) == ["kept", "outer"]


def test_a_savepoint_that_fails_before_its_first_statement_keeps_the_outer_messages(db: Database) -> None:
    """SQLAlchemy emits SAVEPOINT at the savepoint's first statement: one whose body failed before
    any was rolled back without it, and took the outer transaction's messages with it."""
    with db.session() as s:
        outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "決裁依頼"}, now=NOW, message_key="outer")
        with pytest.raises(RuntimeError), s.begin_nested():
            raise RuntimeError("the report failed before reading anything")
    with db.session() as s:
        assert [r.message_key for r in outbox.rows(s, (outbox.PENDING,))] == ["outer"]


def test_a_savepoint_rolled_back_keeps_the_outer_transactions_express_rows(db: Database) -> None:
    """The outer transaction's express rows stay in the database when a savepoint is rolled back:
    they were dropped from the rows sent right after the commit, and waited for their claim to lapse."""
    committed: list[list[str | None]] = []
    db.on_commit.append(lambda info: committed.append([r.message_key for r in info.get(outbox.EXPRESS, [])]))
    with db.session() as s:
        outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "決裁依頼"}, now=NOW, message_key="outer",
                       express_until=NOW + timedelta(seconds=15))
        with pytest.raises(RuntimeError), s.begin_nested():
            outbox.enqueue(s, "post", {"channel": "U0CHIEF", "text": "報告"}, now=NOW, message_key="inner",
                           express_until=NOW + timedelta(seconds=15))
            outbox.flush_pending(s)
            raise RuntimeError("the report failed")
    assert committed == [["outer"]]
    with db.session() as s:
        assert [r.message_key for r in outbox.rows(s, (outbox.PENDING,))] == ["outer"]


def test_a_prebuilt_statement_sees_the_rows_riding_along(db: Database) -> None:
    # execute_prebuilt runs past SQLAlchemy's before_execute, where held rows are written first
    # (db._riders_first): it writes them itself, once, and nothing is read around them.
    from sqlalchemy import bindparam, func
    from sqlalchemy import select as sql_select

    from storage.db import execute_prebuilt
    from storage.models import ApprovalRequestRow

    count = sql_select(func.count()).select_from(ApprovalRequestRow).where(
        ApprovalRequestRow.draft_id == bindparam("draft_id"))  # type: ignore[arg-type]
    with db.session() as s:
        drafts.add_first_requests(s, draft_id=11, version_number=1, asks=[drafts.Ask("U0MANAGER", None, "normal")],
                                  now=NOW)
        assert execute_prebuilt(s.connection(), count, {"draft_id": 11}).scalar() == 1
        outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "決裁依頼"}, now=NOW)
    with db.session() as s:
        assert drafts.request_recipients(s, 11, 1) == ["U0MANAGER"]  # once
        assert len(outbox.rows(s)) == 1


def test_a_prebuilt_statement_takes_only_the_callers_values(db: Database) -> None:
    # A list rendered per execution (expanding IN) or a value of the statement's own would be
    # missing from, or fixed in, the text compiled once: refused, not run wrong.
    from sqlalchemy import bindparam, literal
    from sqlalchemy import select as sql_select

    from storage.db import execute_prebuilt
    from storage.models import MemberRow as Member

    expanding = sql_select(Member.slack_id).where(Member.slack_id.in_(bindparam("ids", expanding=True)))  # type: ignore[attr-defined]
    own_value = sql_select(literal("x"))
    with db.session() as s:
        for statement, params in ((expanding, {"ids": ["U0MANAGER"]}), (own_value, {})):
            with pytest.raises(TypeError, match="not a statement to run as its compiled text"):
                execute_prebuilt(s.connection(), statement, params)
