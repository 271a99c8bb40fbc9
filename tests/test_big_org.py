"""A big municipality (benchmarks/big_org.py): 150 accounts over six platforms, 400 members, 60
approvers with deputies, 20 intake channels. The organisation is built in memory from the same TOML
an IT 担当 would check with ``kessai config check``."""

from __future__ import annotations

import re
import time
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert
from sqlmodel import select

from benchmarks.big_org import PLATFORMS, build_toml, spoiled_accounts
from bot import render
from bot.config import ConfigError, OrgConfig, parse_org_config
from bot.sandbox.blockkit import MAX_BLOCKS_TEXT, block_errors, blocks_text_size
from bot.services import Kessai
from bot.sweep import REPORT_LIST_LIMIT, Sweeper, list_pages, more_in_thread, report_key
from storage import outbox, roster
from storage.db import Database
from storage.models import DraftRow, OutboxRow, PasswordRotationRow
from tests.time.conftest import shown

JST = ZoneInfo("Asia/Tokyo")


@pytest.fixture(scope="module")
def big() -> OrgConfig:
    return parse_org_config(build_toml(), "big.toml")


def test_the_big_file_is_valid_and_has_the_shape_asked_for(big: OrgConfig) -> None:
    assert len(big.accounts) == 150 and len(big.members) == 400
    assert {a.platform for a in big.accounts} == set(PLATFORMS)
    assert len({a for acct in big.accounts for a in acct.approvers}) == 60
    assert all(acct.deputies for acct in big.accounts)
    assert len({a.intake_channel for a in big.accounts}) == 20
    assert all(a.hashtags for a in big.accounts if a.platform == "instagram")


def test_config_check_names_every_spoiled_account_in_file_order() -> None:
    """Five of 150 accounts have a mistake: each is named, with its line, in the order of the file
    (an IT 担当 fixes them top to bottom), and the check stays quick on a file of 4,000 lines."""
    text = build_toml(mistakes=5)
    # CPU time: parsing is pure work, and in wall time a busy machine's other processes counted against it.
    t0 = time.process_time()
    with pytest.raises(ConfigError) as e:
        parse_org_config(text, "big.toml")
    spent = time.process_time() - t0
    problems = e.value.problems
    named = [re.search(r"「(acct-\d+)」", p.message) for p in problems]
    assert [m.group(1) if m else None for m in named] == spoiled_accounts(150, 5)
    lines = [p.line for p in problems]
    assert None not in lines and lines == sorted(lines)
    text_lines = text.splitlines()
    for p, acct in zip(problems, spoiled_accounts(150, 5), strict=True):
        # The line shown is the spoiled key's, inside that account's table.
        assert p.line is not None
        before = "\n".join(text_lines[:p.line])
        assert before.rsplit("[[accounts]]", 1)[1].count(f'id = "{acct}"') == 1
    assert spent < 5, spent


def _publish(db: Database, org: OrgConfig, accounts: int, at: datetime) -> None:
    """Posts recorded for the first ``accounts`` accounts (their month's minimum is met)."""
    t = at.astimezone(UTC)
    rows = [{"id": i + 1, "account_id": a.id, "author_id": a.operators[0], "channel": a.intake_channel,
             "message_ts": f"{1700000000 + i}.000100", "state": "published", "current_version": 1,
             "category": "normal", "source": "channel", "published_at": t, "created_at": t, "updated_at": t}
            for i, a in enumerate(org.accounts[:accounts])]
    with db.engine.begin() as c:
        c.execute(insert(DraftRow.__table__), rows)  # type: ignore[attr-defined]


def test_120_short_accounts_are_all_listed_in_the_thread_of_the_channel_message(db: Database, big: OrgConfig) -> None:
    """120 of 150 accounts short of the monthly minimum: the escalation channel's list on the last
    business day and the report on the 1st named 40 and said 「ほか 80 アカウント」 — the basis of
    撤退 decisions, with eighty accounts nobody could see. The message now says where they are, and
    its thread lists them (in file order, each once, within Slack's limits, after the message)."""
    with db.session() as s:
        roster.sync(s, big)
    # In use from a Sunday (nothing due then); passwords recently changed: only the lists are sent.
    clock_t = [datetime(2026, 11, 1, 12, 0, tzinfo=JST)]
    sweeper = Sweeper(Kessai(db, big, clock=lambda: clock_t[0]))
    sweeper.sweep(clock_t[0])
    _publish(db, big, 30, datetime(2026, 11, 5, 10, 0, tzinfo=JST))
    with db.engine.begin() as c:
        c.execute(insert(PasswordRotationRow.__table__), [  # type: ignore[attr-defined]
            {"account_id": a.id, "rotated_at": datetime(2026, 11, 1, tzinfo=UTC), "recorded_by": a.operators[0]}
            for a in big.accounts])
    for t in (datetime(2026, 11, 30, 8, 30, tzinfo=JST), datetime(2026, 12, 1, 8, 30, tzinfo=JST)):
        clock_t[0] = t
        sweeper.sweep(t)
    short_names = [a.name for a in big.accounts[30:]]
    with db.session() as s:
        rows = [r for r in s.exec(select(OutboxRow).order_by(OutboxRow.id))
                if r.payload.get("channel") == "C0ESCALATE"]
        for parent in ("monthly.lastday.channel:2026-11", report_key(2026, 11)):
            [head] = [r for r in rows if r.message_key == parent]
            replies = [r for r in rows if r.thread_key == parent]
            assert len(replies) == 2 and all(r.status == outbox.HELD for r in replies)  # sent once it is posted
            texts = [shown(r.payload) for r in (head, *replies)]
            assert "ほか 80 アカウントは、このメッセージのスレッドに続けて載せています（全 120 アカウント、3 通に分けています）" \
                in texts[0]
            assert [re.search(r"（続き (\d)/3）", t).group(1) for t in texts[1:]] == ["2", "3"]  # type: ignore[union-attr]
            listed = [line[1:].rsplit(": ", 1)[0] for t in texts for line in t.split("\n") if line.startswith("・")]
            assert listed == short_names
            assert texts[0].count("\n・") == REPORT_LIST_LIMIT
            for r in [head, *replies]:
                blocks = r.payload["blocks"]
                assert block_errors(blocks) == [] and blocks_text_size(blocks) <= MAX_BLOCKS_TEXT
                # Nothing cut: the page's lines are all in its blocks; its text is their notification preview.
                assert r.payload["text"] == render.preview(shown(r.payload))


def test_a_list_that_fits_is_one_page_and_one_over_it_says_where_the_rest_is(big: OrgConfig) -> None:
    """Forty short accounts or fewer: one message, no 「ほか」; one more, and the message says how
    many follow in its thread, and the second page has exactly that one."""
    short = [(a, 0) for a in big.accounts[:REPORT_LIST_LIMIT]]
    [page] = list_pages(short, {})
    assert len(page) == REPORT_LIST_LIMIT and more_in_thread([page]) == []
    added = {big.accounts[REPORT_LIST_LIMIT].id: date(2026, 11, 25)}
    pages = list_pages([*short, (big.accounts[REPORT_LIST_LIMIT], 0)], added)
    assert [len(p) for p in pages] == [REPORT_LIST_LIMIT, 1]
    assert "（11月25日に kessai に登録されてからの記録）" in pages[1][0]
    assert more_in_thread(pages) == ["ほか 1 アカウントは、このメッセージのスレッドに続けて載せています"
                                     "（全 41 アカウント、2 通に分けています）。"]
    assert list_pages([], {}) == []
