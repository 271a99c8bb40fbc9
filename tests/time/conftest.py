"""Reminder tests: a real database (SQLite, and PostgreSQL with TEST_DATABASE_URL), the demo
organisation, and an injected clock — every sweep gets its ``now`` explicitly."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import text as sql
from sqlmodel import select

from bot.config import OrgConfig
from bot.drafting import DraftForm
from bot.incidents import IncidentService
from bot.services import IncomingMessage, Kessai
from bot.sweep import Sweeper, SweepReport
from storage import roster
from storage.db import Database
from storage.models import DraftRow, OutboxRow

JST = ZoneInfo("Asia/Tokyo")
CLEAN_TEXT = "高田城址公園で紅葉ライトアップを行います。皆さまのお越しをお待ちしています。"


def jst(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=JST)


class Clock:
    """The time the services believe it is; tests move it explicitly."""

    def __init__(self, t: datetime) -> None:
        self.t = t

    def __call__(self) -> datetime:
        return self.t


@dataclass
class World:
    db: Database
    org: OrgConfig
    clock: Clock
    kessai: Kessai
    sweeper: Sweeper
    incidents: IncidentService
    _n: int = 0

    def sweep(self, now: datetime) -> SweepReport:
        return self.sweeper.sweep(now)

    def pending_draft(self, at: datetime, text: str = CLEAN_TEXT, user: str = "U0OPERATOR") -> int:
        """An operator pastes a clean draft into the intake channel at ``at``: it goes to approval."""
        self.clock.t = at
        self._n += 1
        out = self.kessai.receive_message(IncomingMessage(channel="C0INTAKE", user=user, ts=f"1700000000.{self._n:06d}",
                                                          text=f"{text}（{self._n}）", event_key=f"ev{self._n}"))
        assert out.kind == "pending", out
        assert out.draft_id is not None
        return out.draft_id

    def scheduled_draft(self, at: datetime, scheduled: datetime, user: str = "U0OPERATOR") -> int:
        """A draft from the /kessai draft form with a scheduled posting time."""
        self.clock.t = at
        self._n += 1
        form = DraftForm(account_id="joetsu-x", text=f"{CLEAN_TEXT}（{self._n}）", scheduled_at=scheduled,
                         category="normal", image_count=0, alt_texts=(), portrait_consent=False, note=None)
        out = self.kessai.submit_form(form, user)
        assert out.kind == "pending", out
        assert out.draft_id is not None
        return out.draft_id

    def both_approvers_away(self, registered: datetime, first: date, last: date | None = None) -> SweepReport:
        """Both approvers register at ``registered`` an absence from ``first`` to ``last`` (or that day
        alone); then the sweep at 00:01 on ``first``, which asks the deputy."""
        self.clock.t = registered
        for approver in ("U0MANAGER", "U0CHIEF"):
            self.kessai.set_away(approver, first, last or first)
        self.clock.t = jst(first.year, first.month, first.day, 0, 1)
        return self.sweep(self.clock.t)

    def draft(self, draft_id: int) -> DraftRow:
        with self.db.session() as s:
            d = s.get(DraftRow, draft_id)
            assert d is not None
            return d

    def posts(self, to: str | None = None, contains: str = "") -> list[dict[str, Any]]:
        """Messages the bot has written to the outbox (to post), oldest first."""
        with self.db.session() as s:
            rows = list(s.exec(select(OutboxRow).where(OutboxRow.op == "post").order_by(OutboxRow.id)))
        out = []
        for r in rows:
            p = r.payload
            if to is not None and p.get("channel") != to:
                continue
            if contains and contains not in (p.get("text") or "") + str(p.get("blocks") or ""):
                continue
            out.append(p)
        return out


def shown(payload: dict[str, Any]) -> str:
    """What a message written to the outbox shows in Slack: its sections' mrkdwn (a sweep's message
    is its lines over as many sections as they take), or its ``text`` when it has no blocks. Its
    ``text`` with blocks is only the notification's preview (render.preview)."""
    sections = [b["text"]["text"] for b in payload.get("blocks") or [] if b.get("type") == "section"]
    return "\n".join(sections) if sections else str(payload.get("text") or "")


@pytest.fixture
def world_factory(db: Database, org: OrgConfig) -> Callable[[datetime], World]:
    with db.session() as s:
        roster.sync(s, org)

    def make(start: datetime) -> World:
        clock = Clock(start)
        kessai = Kessai(db, org, clock=clock)
        return World(db=db, org=org, clock=clock, kessai=kessai, sweeper=Sweeper(kessai),
                     incidents=IncidentService(kessai))

    return make


@pytest.fixture
def world(world_factory: Callable[[datetime], World]) -> World:
    return world_factory(jst(2026, 11, 24, 10, 0))


def refuse_outbox_rows_keyed(db: Database, key: str) -> Callable[[], None]:
    """The database refuses to write the outbox row with message key ``key`` (a full disk, a lost
    connection mid-transaction) until the returned function is called."""
    return refuse_outbox_rows(db, f"NEW.message_key = '{key}'", f"NEW.message_key = '{key}'")


def refuse_outbox_rows_saying(db: Database, words: str) -> Callable[[], None]:
    """The database refuses to write an outbox row whose text contains ``words``, until the
    returned function is called."""
    return refuse_outbox_rows(db, f"NEW.payload->>'text' LIKE '%{words}%'",
                              f"json_extract(NEW.payload, '$.text') LIKE '%{words}%'")


def refuse_outbox_rows(db: Database, postgres_when: str, sqlite_when: str, *,
                       saying: str = "refused") -> Callable[[], None]:
    with db.engine.begin() as c:
        if c.dialect.name == "postgresql":
            c.execute(sql("CREATE FUNCTION test_refuse_row() RETURNS trigger LANGUAGE plpgsql AS "
                          f"$$ BEGIN RAISE EXCEPTION '{saying}'; END $$"))
            c.execute(sql(f"CREATE TRIGGER test_refuse BEFORE INSERT ON outbox FOR EACH ROW "
                          f"WHEN ({postgres_when}) EXECUTE FUNCTION test_refuse_row()"))
        else:
            c.execute(sql(f"CREATE TRIGGER test_refuse BEFORE INSERT ON outbox WHEN {sqlite_when} "
                          f"BEGIN SELECT RAISE(ABORT, '{saying}'); END"))

    def allow() -> None:
        with db.engine.begin() as c:
            c.execute(sql("DROP TRIGGER test_refuse ON outbox" if c.dialect.name == "postgresql"
                          else "DROP TRIGGER test_refuse"))
            if c.dialect.name == "postgresql":
                c.execute(sql("DROP FUNCTION test_refuse_row()"))

    return allow
