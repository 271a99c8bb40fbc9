"""Organisations that are not 上越市 say who receives every incident: ``[policy] escalation_orgs``.

上越市 6(2) has the 運用管理責任者 consult 情報政策室 and 広報対話課, and kessai found those people by
their department's name (情報政策… / 広報…). 和気町's accounts are overseen by まち経営課 (和気町 5(2),
6 なりすまし対策3: 漏えいは まち経営課に即刻報告) and 美祢市社協's by its 総務課: no name fits, so their
統括 department could neither acknowledge nor hear of an incident, and `kessai config check` told
their IT 担当 to rename 総務課 so that it contained 「広報」. The files in tests/orgs/ are theirs."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot import render
from bot.config import _POLICY_SPEC, parse_org_config
from bot.incidents import (
    CHECKLISTS,
    escalation_departments_ja,
    escalation_officers_said,
    escalation_people,
    not_escalation_member_ja,
)
from tests.conftest import DEMO_TOML
from tests.test_cli import kessai
from tests.test_config_s32 import line_of, problems

ORGS = Path(__file__).resolve().parent / "orgs"
MINE = (ORGS / "mine_shakyo.toml").read_text(encoding="utf-8")
LISTED = 'escalation_orgs = ["somu"]'


@pytest.mark.parametrize(("file", "receivers"), [
    ("wake.toml", "（[policy] の escalation_orgs の組織（まち経営課）の課長補佐以上）: 和気 清（まち経営課 課長）、"
                  "藤野 明子（まち経営課 課長補佐）。"),
    ("mine_shakyo.toml", "（[policy] の escalation_orgs の組織（総務課）の課長以上）: 大嶺 恵（総務課 課長）。"),
])
def test_config_check_accepts_each_organisations_file_and_names_its_receivers(
        tmp_path: Path, file: str, receivers: str) -> None:
    r = kessai("config", "check", "--config", str(ORGS / file), cwd=tmp_path)
    assert r.returncode == 0 and r.stderr == "", r.stderr
    assert "すべてのアカウントのインシデントを受け取る方" + receivers in r.stdout, r.stdout
    for joetsu in ("情報政策", "広報", "上越"):
        assert joetsu not in r.stdout


def test_the_listed_departments_receive_every_incident_and_are_named_in_refusals() -> None:
    org = parse_org_config(MINE)
    # 総務課's 課長 is on every account's incidents; its 係長 is below 課長 (the file's approver rank).
    assert "U0MSSOMUKACHO" in escalation_people(org, "shakyo-fb")
    assert "U0MSSOMUKAKARI" not in escalation_people(org, "shakyo-fb")
    assert escalation_departments_ja(org) == "総務課"
    assert "運用管理責任者と代決者、総務課の課長以上の職員です。" in not_escalation_member_ja(org)


def test_a_listed_department_replaces_the_departments_found_by_name() -> None:
    """上越市 lists only 情報政策室: 広報対話課's 課長補佐以上 no longer receive every account's incidents
    (the accounts' own approvers still do)."""
    demo = DEMO_TOML.read_text(encoding="utf-8")
    org = parse_org_config(demo.replace('escalation_channel = "C0ESCALATE"',
                                        'escalation_channel = "C0ESCALATE"\nescalation_orgs = ["joho"]', 1))
    assert escalation_departments_ja(org) == "情報政策室"
    assert escalation_people(org) == ["U0JOHO"]


def test_without_the_key_an_organisation_with_no_such_department_is_told_how_to_name_its_own() -> None:
    """Before, 美祢市社協's IT 担当 read 「情報政策室・広報対話課に当たる組織の名前を変えた場合は、その名前に
    「情報政策」・「広報」のどちらかを含めてください」: rename 総務課, or nobody but each account's
    approvers could act on an incident."""
    said, anyone = escalation_officers_said(parse_org_config(MINE.replace(LISTED, "")))
    assert not anyone
    assert 'escalation_orgs = ["その組織の id"] と書いてください' in said, said
    assert "情報政策室" not in said and "広報対話課" not in said


def test_an_empty_list_means_only_each_accounts_approvers_and_deputies() -> None:
    org = parse_org_config(MINE.replace(LISTED, "escalation_orgs = []"))
    assert escalation_people(org, "shakyo-fb") == ["U0MSCHIIKIKACHO", "U0MSKYOKUCHO"]
    said, anyone = escalation_officers_said(org)
    # Said as the choice it is: 「escalation_orgs の組織（なし）に課長以上の職員がいないため」 read as a mistake.
    assert not anyone and said.startswith("注意: [policy] の escalation_orgs が空（[]）のため、"), said
    assert "決裁者・代決者だけです。" in said and "（なし）" not in said, said


def test_config_check_names_a_listed_department_with_nobody_of_approver_rank(tmp_path: Path) -> None:
    """After 4月1日 総務課's 課長 moved to 地域福祉課: the other listed department still receives, so
    nothing was said, while every incident text still named 総務課 and nobody there could act."""
    text = MINE.replace(LISTED, 'escalation_orgs = ["somu", "chiiki"]').replace(
        'org = "somu"\nrank = "課長"', 'org = "chiiki"\nrank = "課長"', 1)
    assert text.count('org = "chiiki"\nrank = "課長"') == 2, "総務課's 課長 moved"
    config = tmp_path / "kessai.toml"
    config.write_text(text, encoding="utf-8")
    r = kessai("config", "check", "--config", str(config), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert ("注意: escalation_orgs の「総務課」には課長以上の職員が登録されていないため、その組織の方はインシデントの"
            "再通知を受け取らず、「対応開始」「解決」も押せません。") in r.stderr, r.stderr
    assert "「地域福祉課」には" not in r.stderr


@pytest.mark.parametrize(("written", "says"), [
    ('escalation_orgs = ["soumu"]', "「soumu」は [orgs] の id にありません。"),
    ('escalation_orgs = ["soumu"]', "もしかして「somu」ですか？"),
    # The guideline names the department; the file wants its id.
    ('escalation_orgs = ["総務課"]', "「総務課」の id は「somu」です。"),
    ('escalation_orgs = ["somu", "somu"]', "「somu」が2回あります"),
])
def test_a_wrong_escalation_org_is_named_on_its_line(written: str, says: str) -> None:
    text = MINE.replace(LISTED, written)
    [(line, message)] = problems(text)
    assert line == line_of(text, written) and says in message, message


def test_a_department_written_as_a_string_is_a_type_problem_on_its_line() -> None:
    text = MINE.replace(LISTED, 'escalation_orgs = "somu"')
    [(line, message)] = problems(text)
    assert line == line_of(text, 'escalation_orgs = "somu"') and "escalation_orgs は文字列の配列" in message, message


def test_every_policy_key_is_shown_in_the_example_and_escalation_orgs_in_the_operations_guide() -> None:
    """An optional key the IT 担当 cannot find is one they never write (SPEC §3: added keys are documented)."""
    repo = Path(__file__).resolve().parents[1]
    example = (repo / "kessai.example.toml").read_text(encoding="utf-8")
    missing = [k for k in _POLICY_SPEC if not re.search(rf"^(# )?{k} = ", example, re.MULTILINE)]
    assert missing == []
    assert "escalation_orgs" in (repo / "docs" / "operations.md").read_text(encoding="utf-8")


def test_checklist_steps_keep_their_verb_within_slacks_option_label_with_long_department_names() -> None:
    """Four listed departments with 部・課・係 names made 「運用管理責任者が…と協議する」 longer than a
    checkbox label may be (75): Slack showed it cut, without what to do."""
    long_names = ["企画財政部デジタル戦略推進課情報システム係", "総務部秘書広報課シティプロモーション推進室",
                  "教育委員会事務局生涯学習課", "保健福祉部子育て支援課"]
    orgs = "".join(f'[[orgs]]\nid = "long{i}"\nname = "{n}"\n\n' for i, n in enumerate(long_names))
    text = MINE.replace(LISTED, 'escalation_orgs = ["long0", "long1", "long2", "long3"]').replace(
        "[[orgs]]", orgs + "[[orgs]]", 1)
    org = parse_org_config(text)
    steps = [i.text_for(org) for items in CHECKLISTS.values() for i in items if "{統括}" in i.text]
    assert steps == ["運用管理責任者が運用を統括する部署と協議する", "運用管理責任者が運用を統括する部署に報告する",
                     "運用を統括する部署に即刻報告する"], steps
    assert all(len(render.option("x", t)["text"]["text"]) == len(t) for t in steps)
    # Short names are still shown: the file's own department, not a neutral phrase.
    assert [i.text_for(parse_org_config(MINE)) for i in CHECKLISTS["impersonation"] if i.id == "report"] == \
        ["運用管理責任者が総務課に報告する"]
