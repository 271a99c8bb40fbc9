"""Which open incidents App Home shows to whom, and how (a real SQLite database)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot.config import OrgConfig, parse_org_config
from bot.home import HomeViews
from bot.incidents import IncidentService
from bot.services import Kessai
from bot.workflow import DraftState
from storage.db import Database
from storage.models import DraftRow, DraftVersionRow, IncidentRow
from tests.conftest import DEMO_TOML, database_url

TZ = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 11, 24, 10, 0, tzinfo=TZ)
WELFARE = ('\n[[orgs]]\nid = "fukushi"\nname = "福祉課"\n\n[[members]]\nslack_id = "U0FUKUSHI"\n'
           'name = "福祉 五郎"\norg = "fukushi"\nrank = "主事"\n')


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return database_url("sqlite", tmp_path)  # tests/conftest.py's db, on SQLite only


def home_text(org: OrgConfig, db: Database, viewer: str) -> str:
    view: dict[str, Any] = HomeViews(db, org, clock=lambda: NOW, tz=TZ, name_of=lambda u: u).render(viewer)
    parts = []
    for b in view["blocks"]:
        if isinstance(b.get("text"), dict):
            parts.append(b["text"]["text"])
        parts += [e["text"] for e in b.get("elements", []) if isinstance(e, dict) and isinstance(e.get("text"), str)]
    return "\n".join(parts)


def incident(db: Database, account_id: str | None, desc: str, kind: str = "password_leak") -> None:
    with db.session() as s:
        s.add(IncidentRow(kind=kind, account_id=account_id, description=desc, reporter_id="U0OPERATOR",
                          status="open", checklist_done=[], created_at=NOW.astimezone(UTC)))


def test_an_incident_is_shown_to_those_its_alert_reaches_not_to_every_member(db: Database) -> None:
    org = parse_org_config(DEMO_TOML.read_text(encoding="utf-8") + WELFARE)
    incident(db, "joetsu-x", "パスワードは Joetsu2026! でした。至急変更します。")
    # The account's approver and operator, the reporter, 情報政策室's 課長: yes.
    for viewer in ("U0MANAGER", "U0OPERATOR", "U0JOHO"):
        assert "Joetsu2026" in home_text(org, db, viewer), viewer
    # A 福祉課 主事 with no account, and 情報政策室's 係長 (below the escalation rank): no.
    for viewer in ("U0FUKUSHI", "U0STRANGER"):
        assert "Joetsu2026" not in home_text(org, db, viewer), viewer


def test_an_escalation_member_who_also_approves_an_account_sees_every_accounts_incidents(db: Database) -> None:
    toml = DEMO_TOML.read_text(encoding="utf-8").replace(
        'operators = ["U0OPERATOR2"]\napprovers = ["U0MANAGER"]', 'operators = ["U0OPERATOR2"]\napprovers = ["U0JOHO"]')
    assert 'approvers = ["U0JOHO"]' in toml
    incident(db, "joetsu-x", "なりすましアカウントを確認", kind="impersonation")
    assert "なりすましアカウントを確認" in home_text(parse_org_config(toml), db, "U0JOHO")


def test_an_incident_of_an_account_removed_from_the_file_keeps_its_account(db: Database) -> None:
    """App Home said 「（設定にないアカウント: joetsu-fb-retired）」 and the incident's alert the bare id:
    one account named two ways. Both now say the same words (no brackets or colon to be read aloud)."""
    incident(db, "joetsu-fb-retired", "旧アカウントのなりすまし")
    org = parse_org_config(DEMO_TOML.read_text(encoding="utf-8"))
    text = home_text(org, db, "U0JOHO")
    assert "旧アカウントのなりすまし" in text and "設定にないアカウント joetsu-fb-retired" in text
    assert "アカウント指定なし" not in text and "（設定にない" not in text
    with db.session() as s:
        row = s.exec(select(IncidentRow)).one()
    alert = json.dumps(IncidentService(Kessai(db, org, clock=lambda: NOW)).alert(row), ensure_ascii=False)
    assert "インシデント: パスワード漏えい（設定にないアカウント joetsu-fb-retired）" in alert, alert
    assert "*アカウント:* 設定にないアカウント joetsu-fb-retired" in alert, alert


def test_every_open_incident_is_counted_and_the_unlisted_are_said_to_be_there(db: Database) -> None:
    for i in range(25):
        incident(db, "joetsu-x", f"件{i}", kind="other")
    text = home_text(parse_org_config(DEMO_TOML.read_text(encoding="utf-8")), db, "U0MANAGER")
    assert "対応中のインシデント（25件）" in text and "残りの15件" in text
    assert ">件24" in text and ">件15" in text and ">件14" not in text  # the newest ten


def test_a_draft_whose_account_is_not_chosen_yet_is_named_as_an_incident_about_none_is(db: Database) -> None:
    """App Home and /kessai status said 「（アカウント未選択）」 of such a draft, incidents
    「アカウント指定なし」: one state named two ways, and brackets a screen reader reads aloud."""
    org = parse_org_config(DEMO_TOML.read_text(encoding="utf-8"))
    with db.session() as s:
        draft = DraftRow(author_id="U0OPERATOR", channel="C0INTAKE", message_ts="1.0", state=DraftState.CHECKING,
                         created_at=NOW.astimezone(UTC), updated_at=NOW.astimezone(UTC))
        s.add(draft)
        s.flush()
        s.add(DraftVersionRow(draft_id=draft.id or 0, number=1, text="どのアカウントの下書きかまだ選んでいません。",
                              content_hash="0" * 64, created_at=NOW.astimezone(UTC)))
    incident(db, None, "どのアカウントにも関わらない報告", kind="other")
    views = HomeViews(db, org, clock=lambda: NOW, tz=TZ, name_of=lambda u: u)
    for text in (home_text(org, db, "U0OPERATOR"), views.status_text("U0OPERATOR")):
        assert "まだ選んでいません" in text and "アカウント指定なし" in text, text
        assert "未選択" not in text and "（アカウント" not in text, text
    assert "どのアカウントにも関わらない報告" in home_text(org, db, "U0OPERATOR")
