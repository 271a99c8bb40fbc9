"""The organisation file as an IT 担当 writes it, attacked where it decides who may approve.

The guidelines give 決裁 to 課長補佐以上管理職 (和気町 5(4)) or to 各課等の長 (上越市 6(1)②), and
kessai reads ``[policy] ranks`` highest first. A list written from the bottom up was called correct by
`kessai config check` and turned approval upside down: every 主事 could approve, every 課長 was refused."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.config import parse_org_config
from tests.test_cli import kessai
from tests.test_config_s32 import edited, line_of, problems

DEMO_RANKS = 'ranks = ["部長", "次長", "課長", "課長補佐", "係長", "主査", "主任", "主事", "会計年度任用職員"]'
UPSIDE_DOWN = 'ranks = ["会計年度任用職員", "主事", "主任", "主査", "係長", "課長補佐", "課長", "次長", "部長"]'
WAKE = (Path(__file__).resolve().parent / "orgs" / "wake.toml").read_text(encoding="utf-8")


@pytest.mark.parametrize(("ranks", "says"), [
    # Written from the bottom up, as a 給与表 lists its grades: one problem, naming the widest pair,
    # and not 「課長 は課長補佐より下の職です」 about every rightful approver as well.
    (UPSIDE_DOWN, "「部長」が「主事」より後に書かれています。このままでは「主事」が「部長」より上の職として扱われ"),
    # Two neighbours swapped: with approver_min_rank = "課長" the 課長補佐 would approve and the 課長 not.
    ('ranks = ["部長", "次長", "課長補佐", "課長", "係長", "主査", "主任", "主事", "会計年度任用職員"]',
     "「課長」が「課長補佐」より後に書かれています。"),
    # The minimum above the approvers' ranks only by the misorder: 係長 written above 課長補佐.
    ('ranks = ["部長", "次長", "課長", "係長", "課長補佐", "主査", "主任", "主事", "会計年度任用職員"]',
     "「課長補佐」が「係長」より後に書かれています。"),
    # Written across lines: the line of the rank out of place is named.
    ('ranks = [\n  "主事",\n  "部長", "次長", "課長", "課長補佐", "係長", "主査", "主任", "会計年度任用職員"]',
     "「部長」が「主事」より後に書かれています。"),
], ids=["from-the-bottom-up", "kacho-below-hosa", "kakaricho-above-hosa", "across-lines"])
def test_ranks_not_written_highest_first_are_refused_on_their_line(ranks: str, says: str) -> None:
    text = edited((DEMO_RANKS, ranks))
    [(line, message)] = problems(text)
    assert says in message and "上位の職から順に書いてください" in message, message
    higher = says.split("」が「")[0].removeprefix("「")
    assert line == line_of(text, ranks) + ranks[: ranks.index(f'"{higher}"')].count("\n"), (line, message)


@pytest.mark.parametrize("ranks", [
    # Ranks whose place differs between organisations may go where each organisation's 職制 puts them.
    'ranks = ["部長", "課長", "次長", "課長補佐", "主査", "係長", "主任", "主事", "会計年度任用職員"]',
    'ranks = ["部長", "次長", "課長", "課長補佐", "係長", "主査", "主任", "会計年度任用職員", "主事"]',
    'ranks = ["参事", "部長", "次長", "課長", "課長補佐", "係長", "主査", "主任", "主事", "会計年度任用職員"]',
], ids=["jicho-and-shusa-elsewhere", "kaikei-nendo-above-shuji", "sanji-first"])
def test_ranks_placed_as_an_organisation_may_place_them_are_accepted(ranks: str) -> None:
    parse_org_config(edited((DEMO_RANKS, ranks)), "kessai.toml")


def test_the_other_organisations_files_keep_their_own_order() -> None:
    """和気町 puts 室長 between 課長 and 課長補佐, 美祢市社協 has no 課長補佐 at all: both are valid."""
    org = parse_org_config(WAKE, "wake.toml")
    assert org.rank_at_least("室長", "課長補佐") and not org.rank_at_least("係長", "課長補佐")


# A town's first file, ranks copied from its 給与表 (lowest grade first): valid before, with the
# 主事 as the account's only approver.
SMALL = f"""\
[policy]
approver_min_rank = "課長補佐"
{UPSIDE_DOWN}
escalation_channel = "C0ESCALATE"

[[orgs]]
id = "koho"
name = "広報対話課"

[[members]]
slack_id = "U0MANAGER"
name = "上越 花子"
org = "koho"
rank = "課長"

[[members]]
slack_id = "U0OPERATOR"
name = "高田 太郎"
org = "koho"
rank = "主事"

[[members]]
slack_id = "U0SHUJI"
name = "直江 次郎"
org = "koho"
rank = "主事"

[[accounts]]
id = "joetsu-x"
platform = "x"
name = "上越市公式X"
url = "https://x.com/example"
org = "koho"
intake_channel = "C0INTAKE"
operators = ["U0OPERATOR"]
approvers = ["U0SHUJI"]
"""


def test_config_check_refuses_an_upside_down_list_that_let_a_shuji_approve(tmp_path: Path) -> None:
    """The whole loop as the IT 担当 meets it: before, exit 0, 「正しい設定です」 and the two 主事 named
    as the receivers of every incident."""
    config = tmp_path / "kessai.toml"
    config.write_text(SMALL, encoding="utf-8")
    r = kessai("config", "check", "--config", str(config), cwd=tmp_path)
    assert r.returncode == 1, r.stdout
    assert "正しい設定です" not in r.stdout
    assert "kessai.toml:3: [policy] の ranks は上位の職から順に書いてください。「部長」が「主事」より後" in r.stderr, r.stderr
    assert "1 件の問題があります" in r.stderr, r.stderr


@pytest.mark.parametrize(("minimum", "noted"), [
    ("係長", True), ("主事", True),
    # At or above 課長補佐, or a rank whose place differs between organisations: nothing to say.
    ("課長補佐", False), ("課長", False), ("主査", False),
], ids=["kakaricho", "shuji", "kacho-hosa", "kacho", "shusa"])
def test_config_check_points_out_an_approver_min_rank_below_kacho_hosa(tmp_path: Path, minimum: str, noted: bool,
                                                                       caplog: pytest.LogCaptureFixture) -> None:
    """「係長」 typed for 「課長」: valid (an organisation's own guideline may say so), and before
    nothing at all said that every 係長 listed could now approve. serve's log says it too: a serve
    started by systemd has no config check before it."""
    from bot.config import load_org_config
    from bot.serve import _warn_of_a_low_approver_rank

    text = SMALL.replace(UPSIDE_DOWN, DEMO_RANKS).replace('approver_min_rank = "課長補佐"',
                                                         f'approver_min_rank = "{minimum}"')
    text = text.replace('approvers = ["U0SHUJI"]', 'approvers = ["U0MANAGER"]')
    config = tmp_path / "kessai.toml"
    config.write_text(text, encoding="utf-8")
    r = kessai("config", "check", "--config", str(config), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    note = (f"注意: [policy] の approver_min_rank が「{minimum}」のため、{minimum}の職員も決裁者・代決者になれ、"
            "下書きを承認できます。")
    assert (note in r.stderr) == noted, r.stderr
    # Held on the logger itself: the CLI run above set up kessai's own logging, which may stop
    # records on their way to pytest's root handler.
    serve_log = logging.getLogger("bot.serve")
    serve_log.addHandler(caplog.handler)
    try:
        _warn_of_a_low_approver_rank(load_org_config(config))
    finally:
        serve_log.removeHandler(caplog.handler)
    said = [r.getMessage() for r in caplog.records if r.name == "bot.serve"]
    assert said == ([f"approver_min_rank is {minimum}, below 課長補佐: members of that rank may approve drafts as "
                     "approvers and deputies; `kessai config check` says more"] if noted else []), said


def test_a_person_of_two_departments_listed_twice_is_told_how_to_write_kenmu() -> None:
    """兼務: 上越 花子, 課長補佐 of 広報対話課, also 課長 (兼務) of 情報政策室, written as a second
    [[members]]. Refused as before (two ranks for one ID would leave to chance which decides), now
    telling the IT 担当 what to write instead — before, 「1つにまとめてください」 left them to guess
    whether a member of 広報対話課 could be listed on 情報政策室's accounts at all."""
    second = '[[members]]\nslack_id = "U0MANAGER"\nname = "上越 花子"\norg = "joho"\nrank = "課長"\n\n'
    text = edited(('[[members]]\nslack_id = "U0JOHO"', second + '[[members]]\nslack_id = "U0JOHO"'))
    [(line, message)] = problems(text)
    assert line == line_of(text, second) + 1
    assert "兼務の方も1つにして、決裁に使う職を rank に書いてください" in message, message
    assert "アカウントの org と違う組織の方でも構いません" in message, message
    # What the message says works: one entry, listed on the other department's account.
    joho = edited(('approvers = ["U0MANAGER", "U0CHIEF"]', 'approvers = ["U0JOHO", "U0CHIEF"]'))
    org = parse_org_config(joho.replace('approvers = ["U0MANAGER"]', 'approvers = ["U0MANAGER", "U0JOHO"]', 1),
                           "kessai.toml")
    assert org.member("U0JOHO") is not None and org.member("U0JOHO").org == "joho"  # type: ignore[union-attr]
    assert "U0JOHO" in org.account("joetsu-insta").approvers  # type: ignore[union-attr]
