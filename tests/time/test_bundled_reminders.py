"""Reminders of one kind due to one person in one sweep go as one message listing the subjects
(password rotation, 運用計画書 renewal): an operator of 300 accounts had 300 DMs at once."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlmodel import select

from bot.sandbox.blockkit import MAX_BLOCKS_TEXT, block_errors, blocks_text_size
from bot.services import Kessai
from bot.sweep import COVERS, Sweeper, SweepReport
from storage import outbox, roster
from storage.models import OutboxRow
from tests.time.conftest import Clock, jst, refuse_outbox_rows_saying

if TYPE_CHECKING:
    from bot.config import OrgConfig
    from storage.db import Database


class Town:
    """An organisation of ``accounts`` (id → operators), every account approved by U0MANAGER."""

    def __init__(self, db: Database, org: OrgConfig, accounts: dict[str, tuple[str, ...]]) -> None:
        base = org.accounts[0]
        self.org = replace(org, accounts=tuple(
            replace(base, id=aid, name=f"上越市テスト{aid}公式", operators=ops, approvers=("U0MANAGER",))
            for aid, ops in accounts.items()))
        self.db = db
        with db.session() as s:
            roster.sync(s, self.org)
        self.clock = Clock(jst(2026, 11, 24, 8, 0))

    def sweeper(self) -> Sweeper:
        return Sweeper(Kessai(self.db, self.org, clock=self.clock))

    def sweep(self, at: datetime, sweeper: Sweeper | None = None) -> SweepReport:
        self.clock.t = at
        return (sweeper or self.sweeper()).sweep(at)

    def posts(self, to: str, contains: str) -> list[dict[str, Any]]:
        with self.db.session() as s:
            rows = s.exec(select(OutboxRow).where(OutboxRow.op == "post").order_by(OutboxRow.id))  # type: ignore[arg-type]
            return [r.payload for r in rows if r.payload.get("channel") == to and contains in r.payload.get("text", "")]


def ids_listed(texts: list[str]) -> list[str]:
    return re.findall(r"password-rotated (acct-\d+)`", "\n".join(texts))


def test_two_operators_sharing_accounts_each_get_one_message_listing_theirs(db, org) -> None:  # type: ignore[no-untyped-def]
    town = Town(db, org, {"acct-001": ("U0P1", "U0P2"), "acct-002": ("U0P1",), "acct-003": ("U0P2",),
                          "acct-004": ("U0P3",)})
    report = town.sweep(jst(2026, 11, 24, 8, 30))
    assert report.sent["password.rotate"] == 4 and report.failed == 0  # counted per account, as before
    [p1] = town.posts("U0P1", "パスワード")
    [p2] = town.posts("U0P2", "パスワード")
    assert ids_listed([p1["text"]]) == ["acct-001", "acct-002"]
    assert ids_listed([p2["text"]]) == ["acct-001", "acct-003"]
    assert "次の 2 アカウントのパスワードの変更をお願いします" in p1["text"]
    assert "・上越市テストacct-002公式: 変更した記録がありません" in p1["text"]
    assert "11月30日（月）までに、それぞれ推測されにくいパスワードに変更し" in p1["text"] and "二段階認証" in p1["text"]
    assert p1[COVERS] == ["password.rotate:acct-001:never", "password.rotate:acct-002:never"]
    # One account to one person: the message it always was.
    [p3] = town.posts("U0P3", "パスワード")
    assert p3["text"].startswith(":key: *パスワード変更のお願い*\n上越市テストacct-004公式 のパスワードを変更した記録がありません。")
    assert "`/kessai password-rotated acct-004` と入力して記録してください" in p3["text"] and COVERS not in p3
    assert "11月30日（月）までに、推測されにくいパスワードに変更し" in p3["text"]
    # Swept again, or by a second replica: nothing more.
    assert town.sweep(jst(2026, 11, 24, 8, 31)).total == 0
    assert town.sweep(jst(2026, 11, 24, 8, 31), town.sweeper()).total == 0
    assert len(town.posts("U0P1", "パスワード")) == 1


def test_a_hundred_and_twenty_accounts_are_one_message_and_its_thread(db, org) -> None:  # type: ignore[no-untyped-def]
    ids = [f"acct-{i:03d}" for i in range(120)]
    town = Town(db, org, {a: ("U0P1",) for a in ids})
    assert town.sweep(jst(2026, 11, 24, 8, 30)).sent["password.rotate"] == 120
    msgs = town.posts("U0P1", "パスワード")
    first, *rest = msgs
    assert outbox.AFTER not in first and all(p[outbox.AFTER] == rest[0][outbox.AFTER] for p in rest)
    assert "次の 120 アカウント" in first["text"]
    assert re.search(r"ほか (\d+) 件は、このメッセージのスレッドに続けて載せています（全 120 件、(\d) 通に分けています）", first["text"])
    pages = len(msgs)
    assert pages >= 3 and [f"（続き {i}/{pages}）" in p["text"] for i, p in enumerate(rest, start=2)] == [True] * len(rest)
    assert ids_listed([p["text"] for p in msgs]) == ids  # every account once, in the file's order
    assert len(first[COVERS]) == 120
    for p in msgs:
        assert block_errors(p["blocks"]) == [] and blocks_text_size(p["blocks"]) <= MAX_BLOCKS_TEXT
        assert "\n".join(b["text"]["text"] for b in p["blocks"]) == p["text"]
    # 1 March: the approver of all of them gets one 運用計画書 message (and its thread), once.
    assert town.sweep(jst(2027, 3, 1, 8, 30)).sent["plan.renewal"] == 120
    assert town.sweep(jst(2027, 3, 1, 8, 31)).sent["plan.renewal"] == 0
    plans = town.posts("U0MANAGER", "運用計画書")
    assert len(plans) == pages and "次の 120 アカウントの運用期間は年度単位です" in plans[0]["text"]
    assert sum(p["text"].count("\n・上越市テスト") for p in plans) == 120
    assert town.sweep(jst(2027, 3, 2, 9, 0)).total == 0


def test_one_account_that_cannot_be_written_does_not_hold_back_the_others(db, org) -> None:  # type: ignore[no-untyped-def]
    ids = [f"acct-{i:03d}" for i in range(10)]
    town = Town(db, org, {a: ("U0P1",) for a in ids})
    allow = refuse_outbox_rows_saying(db, "acct-007公式%パスワード")
    failed = town.sweep(jst(2026, 11, 24, 8, 30))
    assert failed.sent["password.rotate"] == 9 and failed.failed == 1
    assert sorted(ids_listed([p["text"] for p in town.posts("U0P1", "パスワード")])) == [a for a in ids if a != "acct-007"]
    allow()
    assert town.sweep(jst(2026, 11, 24, 8, 31)).sent["password.rotate"] == 1
    assert town.sweep(jst(2026, 11, 24, 8, 32)).total == 0
    listed = ids_listed([p["text"] for p in town.posts("U0P1", "パスワード")])
    assert sorted(listed) == ids  # each once
