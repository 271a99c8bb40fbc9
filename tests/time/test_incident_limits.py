"""Incident messages with the largest inputs kessai accepts: names of the file's longest (200
characters, each 「&」 escaped to five in mrkdwn) and reports and summaries of the form's 3,000
characters. Nothing may be refused by Slack or cut off unseen by section()'s 3,000 characters."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from sqlmodel import select

from bot import incidents as inc
from bot.config import OrgConfig
from bot.incidents import IncidentService
from bot.sandbox.blockkit import block_errors, view_errors
from bot.services import Kessai
from storage import outbox, roster
from storage.db import Database
from storage.models import IncidentRow, OutboxRow
from tests.time.conftest import Clock, jst

LONGEST_NAME = "&" * 200
CUT = "_（全 3,000 文字のうち先頭 "


def section_texts(blocks: list[dict[str, Any]]) -> list[str]:
    return [b["text"]["text"] for b in blocks if b["type"] == "section"]


def assert_whole(blocks: list[dict[str, Any]], ends_with: str) -> None:
    """Valid blocks, no section at section()'s cut, and the message's last line shown."""
    assert not block_errors(blocks)
    texts = section_texts(blocks)
    assert all(len(t) < 3000 for t in texts), [len(t) for t in texts]
    assert ends_with in texts[-1].rsplit("\n", 1)[-1], texts[-1][-200:]


def test_incident_notes_alert_and_form_with_the_longest_names_and_texts_lose_nothing(db: Database, org: OrgConfig) -> None:
    org = replace(org, members=tuple(replace(m, name=LONGEST_NAME) for m in org.members),
                  accounts=tuple(replace(a, name=LONGEST_NAME) for a in org.accounts))
    with db.session() as s:
        roster.sync(s, org)
    clock = Clock(jst(2026, 11, 24, 10, 0))
    service = IncidentService(Kessai(db, org, clock=clock))
    account = org.accounts[0].id
    incident_id = service.report(kind="flaming", account_id=account, reporter="U0OPERATOR",
                                 description="批判&<>" * 600, now=clock.t)
    # A second person's report of it goes in the alert's thread, quoted and cut visibly.
    service.report(kind="flaming", account_id=account, reporter="U0CHIEF", description="&" * inc.DESCRIPTION_LIMIT,
                   now=jst(2026, 11, 24, 10, 5))
    [again] = [p for p in posts(db) if "追加の報告がありました" in p["text"]]
    assert_whole(again["blocks"], CUT)
    # Its copy for a deleted alert, standing alone in the channel, heads it with the incident too.
    assert_whole(again[outbox.ALONE]["blocks"], CUT)

    service.ack(incident_id, "U0MANAGER", now=jst(2026, 11, 24, 10, 10))
    with db.session() as s:
        row = s.get(IncidentRow, incident_id)
        assert row is not None
        alert = service.alert(row, service._events(s, row), s)
        form = service.resolve_modal(row)
    assert not block_errors(alert["blocks"])
    assert all(len(t) < 3000 for t in section_texts(alert["blocks"]))
    assert "*状態:* 対応中" in "\n".join(section_texts(alert["blocks"]))
    assert not view_errors(form)
    assert_whole(form["blocks"][:-1], CUT)

    service.resolve(incident_id, "U0MANAGER", "&" * inc.SUMMARY_LIMIT, now=jst(2026, 11, 24, 12, 0))
    [resolved] = [p for p in posts(db) if "解決として記録しました" in p["text"]]
    assert_whole(resolved["blocks"], CUT)


def posts(db: Database) -> list[dict[str, Any]]:
    with db.session() as s:
        return [r.payload for r in s.exec(select(OutboxRow).where(OutboxRow.op == "post").order_by(OutboxRow.id))]
