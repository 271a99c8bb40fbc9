"""Settings from the environment, and every way the organisation file can be refused (with its line)."""

from __future__ import annotations

import os
import re
from datetime import date, time, timedelta
from pathlib import Path

import pytest

from bot.calendar import BusinessCalendar, parse_working_hours
from bot.config import (
    ConfigError,
    ConfigProblem,
    Settings,
    SettingsError,
    demo_config_text,
    load_demo_config,
    load_org_config,
    load_settings,
    parse_org_config,
)
from bot.logs import printable

REPO = Path(__file__).resolve().parent.parent


def has_japanese(s: str) -> bool:
    return bool(re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", s))


# A small valid file; tests break one thing at a time. Line numbers are asserted against it, so
# keep its layout stable (the numbers are in the comments).
BASE = """\
[policy]
approver_min_rank = "課長補佐"
ranks = ["部長", "課長", "課長補佐", "係長", "主事"]
working_hours = "08:30-17:15"
escalation_channel = "C0ESCALATE"

[[orgs]]
id = "koho"
name = "広報対話課"

[[members]]
slack_id = "U0MANAGER"
name = "上越 花子"
org = "koho"
rank = "課長補佐"

[[members]]
slack_id = "U0OPERATOR"
name = "高田 太郎"
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
approvers = ["U0MANAGER"]
deputies = []
"""
# line  1 [policy]            11 [[members]]            23 [[accounts]]    29 intake_channel
# line  2 approver_min_rank   12 slack_id U0MANAGER     24 id joetsu-x     30 operators
# line  3 ranks               15 rank 課長補佐            25 platform        31 approvers
# line  4 working_hours       17 [[members]]            26 name            32 deputies (last line)
# line  5 escalation_channel  18 slack_id U0OPERATOR    27 url
# line  7 [[orgs]]  8 id      20 org  21 rank 主事       28 org


def problems_of(text: str) -> list[ConfigProblem]:
    with pytest.raises(ConfigError) as err:
        parse_org_config(text, "kessai.toml")
    problems = err.value.problems
    assert problems, "ConfigError without problems"
    for p in problems:
        assert p.file == "kessai.toml"
        assert has_japanese(p.message), p.message
        assert p.message.endswith(("。", "？", "）")), p.message
    return problems


def only_problem(text: str) -> ConfigProblem:
    problems = problems_of(text)
    assert len(problems) == 1, [str(p) for p in problems]
    return problems[0]


def replace_line(text: str, line: int, new: str) -> str:
    lines = text.splitlines()
    lines[line - 1] = new
    return "\n".join(lines) + "\n"


# --- files that load --------------------------------------------------------------------------


def test_base_fixture_is_valid() -> None:
    config = parse_org_config(BASE)
    assert [a.id for a in config.accounts] == ["joetsu-x"]


def test_demo_file_loads_with_the_documented_roster() -> None:
    config = load_demo_config()
    assert config.policy.escalation_channel == "C0ESCALATE"
    assert [o.id for o in config.orgs] == ["koho", "joho"]
    assert {m.slack_id for m in config.members} == {
        "U0MANAGER",
        "U0CHIEF",
        "U0DEPUTY",
        "U0OPERATOR",
        "U0OPERATOR2",
        "U0STRANGER",
        "U0JOHO",
    }
    x = config.account("joetsu-x")
    assert x is not None
    assert x.operators == ("U0OPERATOR", "U0OPERATOR2")
    assert x.approvers == ("U0MANAGER", "U0CHIEF")
    assert x.deputies == ("U0DEPUTY",)
    insta = config.account("joetsu-insta")
    assert insta is not None and insta.platform == "instagram"
    assert insta.hashtags == ("上越市", "joetsu", "高田城址公園")
    assert insta.intake_channel == "C0INSTA"


def test_example_file_at_repo_root_loads_and_matches_demo() -> None:
    example = load_org_config(REPO / "kessai.example.toml")
    demo = load_demo_config()
    assert example.policy == demo.policy
    assert example.orgs == demo.orgs
    assert example.members == demo.members
    assert example.accounts == demo.accounts


def test_demo_text_is_the_packaged_file() -> None:
    assert demo_config_text() == (REPO / "bot" / "data" / "demo.toml").read_text(encoding="utf-8")


def test_policy_values_are_parsed() -> None:
    p = load_demo_config().policy
    assert p.working_hours == "08:30-17:15"
    assert (p.working_start, p.working_end) == (time(8, 30), time(17, 15))
    assert p.approval_reminder_after == timedelta(hours=2)
    assert p.approval_escalate_after == timedelta(hours=8, minutes=45)  # one working day
    assert p.incident_ack_within == timedelta(minutes=15)
    assert p.min_posts_per_month == 1
    assert p.password_rotation_days == 90
    assert p.holding_statement_after == timedelta(hours=2)
    assert p.allowed_link_domains == ("city.joetsu.niigata.jp",)
    assert p.official_phone_numbers == ("025-526-5111",)


def test_optional_policy_keys_take_spec_defaults() -> None:
    p = parse_org_config(BASE).policy
    assert p.min_posts_per_month == 1
    assert p.approval_reminder_after == timedelta(hours=2)
    assert p.approval_escalate_after == timedelta(hours=8, minutes=45)
    assert p.incident_ack_within == timedelta(minutes=15)
    assert p.password_rotation_days == 90
    assert p.holding_statement_after == timedelta(hours=2)
    assert p.allowed_link_domains == ()


def test_one_day_follows_the_working_hours() -> None:
    text = BASE.replace(
        'working_hours = "08:30-17:15"', 'working_hours = "09:00-17:00"\napproval_escalate_after = "1d"'
    )
    p = parse_org_config(text).policy
    assert p.approval_escalate_after == timedelta(hours=8)
    # wall-clock settings count 1d as 24 hours
    text = BASE.replace('working_hours = "08:30-17:15"', 'incident_ack_within = "1d"')
    assert parse_org_config(text).policy.incident_ack_within == timedelta(days=1)


def test_file_with_bom_and_crlf_loads() -> None:
    config = parse_org_config("\ufeff" + BASE.replace("\n", "\r\n"))
    assert config.member("U0MANAGER") is not None


# --- helpers on OrgConfig ---------------------------------------------------------------------


def test_lookup_helpers() -> None:
    c = load_demo_config()
    assert c.member("U0MANAGER") is not None and c.member("U0MANAGER").name == "上越 花子"  # type: ignore[union-attr]
    assert c.member("U0NOBODY") is None
    assert c.org("joho") is not None and c.org("joho").name == "情報政策室"  # type: ignore[union-attr]
    assert c.account("nope") is None
    assert [a.id for a in c.accounts_for_channel("C0INTAKE")] == ["joetsu-x"]
    assert c.accounts_for_channel("C0OTHER") == []
    assert [a.id for a in c.accounts_operated_by("U0OPERATOR2")] == ["joetsu-x", "joetsu-insta"]
    assert [a.id for a in c.accounts_operated_by("U0OPERATOR")] == ["joetsu-x"]
    assert [a.id for a in c.accounts_decided_by("U0DEPUTY")] == ["joetsu-x", "joetsu-insta"]
    assert c.source == "demo.toml"


def test_ranks_compare_highest_first() -> None:
    c = load_demo_config()
    assert c.rank_at_least("課長", "課長補佐")
    assert c.rank_at_least("課長補佐", "課長補佐")
    assert not c.rank_at_least("係長", "課長補佐")
    assert not c.rank_at_least("係長代理", "課長補佐")  # unknown rank
    assert c.is_approver_rank("U0MANAGER")
    assert c.is_approver_rank("U0DEPUTY")
    assert not c.is_approver_rank("U0OPERATOR")
    assert not c.is_approver_rank("U0STRANGER")  # 係長
    assert not c.is_approver_rank("U0NOBODY")


def test_calendar_from_policy() -> None:
    c = load_demo_config()
    assert c.calendar() == BusinessCalendar("08:30-17:15", "Asia/Tokyo")
    assert c.calendar("UTC").tz == "UTC"


def test_closed_days_make_the_calendar_skip_them() -> None:
    """An organisation's own 閉庁日 (a 創立記念日, a town that closes on 12/28, 慰霊の日 in Okinawa):
    one year's date, or a month and day every year; a TOML date literal works too."""
    text = BASE.replace('working_hours = "08:30-17:15"',
                        'working_hours = "08:30-17:15"\nclosed_days = ["2026-12-28", "06-23", 2027-04-30, "２月２９日"]')
    c = parse_org_config(text)
    assert c.policy.closed_days == (date(2026, 12, 28), (6, 23), date(2027, 4, 30), (2, 29))
    cal = c.calendar()
    assert cal.non_business_reason(date(2026, 12, 28)) == "閉庁日"
    assert cal.last_business_day(2026, 12) == date(2026, 12, 25)
    assert not cal.is_business_day(date(2027, 6, 23)) and not cal.is_business_day(date(2028, 6, 23))
    assert cal.is_business_day(date(2027, 12, 28))  # that one was 2026's only
    assert cal.is_business_day(date(2027, 3, 1)) and not cal.is_business_day(date(2028, 2, 29))
    assert c.rule_policy().closed_days == c.policy.closed_days  # the posting-hours rule sees them too
    assert c.calendar() != load_demo_config().calendar()


@pytest.mark.parametrize(
    ("written", "says"),
    [
        ('"2026-02-30"', "存在しない日付"),
        ('"13-01"', "存在しない日付"),
        ('"創立記念日"', "その年だけなら「2027-06-23」、毎年なら「06-23」"),
        ("2026-12-28T10:00:00", "時刻が付いています"),
        ('"平成39年6月23日"', "「平成39年6月23日」は平成の期間にない日付です（平成は1989年1月8日から2019年4月30日までです）"),
    ],
)
def test_a_closed_day_that_is_no_date_is_refused_with_its_line(written: str, says: str) -> None:
    p = only_problem(replace_line(BASE, 4, f'working_hours = "08:30-17:15"\nclosed_days = ["06-23", {written}]'))
    assert p.line == 5 and "closed_days" in p.message and says in p.message


def test_closed_days_written_twice_or_not_as_a_list_are_refused() -> None:
    p = only_problem(replace_line(BASE, 4, 'working_hours = "08:30-17:15"\nclosed_days = ["6/23", "6月23日"]'))
    assert p.line == 5 and "2回" in p.message
    p = only_problem(replace_line(BASE, 4, 'working_hours = "08:30-17:15"\nclosed_days = "2026-12-28"'))
    assert p.line == 5 and "日付の配列" in p.message



def test_closed_days_that_close_a_whole_month_are_refused() -> None:
    # Every weekday of June, every year (a list pasted day by day): the searches for the next
    # business day would never end, so the file is refused with the month named.
    june = ", ".join(f'"06-{d:02d}"' for d in range(1, 31))
    p = only_problem(replace_line(BASE, 4, f'working_hours = "08:30-17:15"\nclosed_days = [{june}]'))
    assert p.line == 5 and "6月に業務日が1日もなくなります" in p.message
    # A few days left open are enough (some of 27–30 is a weekday every year).
    june = ", ".join(f'"06-{d:02d}"' for d in range(1, 27))
    org = parse_org_config(replace_line(BASE, 4, f'working_hours = "08:30-17:15"\nclosed_days = [{june}]'), "kessai.toml")
    assert len(org.policy.closed_days) == 26

def test_rule_settings_are_read() -> None:
    text = (
        BASE
        + '\n[rules."link.untrusted"]\nseverity = "info"\n\n[rules."prohibited.insult"]\nextra_words = ["ばか者"]\nenabled = false\n'
    )
    c = parse_org_config(text)  # both codes are in SPEC §5
    assert c.rules["link.untrusted"].severity == "info"
    assert c.rules["prohibited.insult"].extra_words == ("ばか者",)
    assert c.rules["prohibited.insult"].enabled is False
    assert c.rules["prohibited.insult"].severity is None


def test_extra_words_on_a_rule_without_a_list_is_refused_with_its_line() -> None:
    # It did nothing, silently: SPEC §3 wants nothing in the file ignored.
    p = only_problem(BASE + '\n[rules."a11y.long_sentence"]\nextra_words = ["ライトアップ"]\n')
    assert p.line == 35 and "extra_words は使えません" in p.message and "prohibited.insult" in p.message


def test_a_link_rules_extra_words_are_host_names() -> None:
    # A URL copied whole never equalled a link's host: the block did nothing, and the file passed.
    text = BASE + '\n[rules."link.harmful"]\nextra_words = ["evil.example", "https://bad.example/"]\n'
    p = only_problem(text)
    assert p.line == 35 and "https://bad.example/" in p.message and "ドメインだけ" in p.message
    c = parse_org_config(BASE + '\n[rules."link.harmful"]\nextra_words = ["ＥＶＩＬ.example", " Bad.Example "]\n')
    assert c.rules["link.harmful"].extra_words == ("evil.example", "bad.example")


def test_rule_policy_and_overrides_for_the_engine() -> None:
    rules = pytest.importorskip("bot.rules")
    if not hasattr(rules, "RulePolicy"):
        pytest.skip("bot.rules has no RulePolicy yet")
    text = BASE + '\n[rules."link.untrusted"]\nseverity = "info"\nallow = ["lin.ee"]\n'
    c = parse_org_config(text)
    rp = c.rule_policy("Asia/Tokyo")
    assert rp.working_hours == "08:30-17:15" and rp.tz == "Asia/Tokyo"
    overrides = c.rule_overrides()
    assert overrides["link.untrusted"].severity == "info"
    assert overrides["link.untrusted"].allow == ("lin.ee",)


# --- refusals, each with its line -------------------------------------------------------------


def test_problem_str_has_file_line_and_message() -> None:
    p = only_problem(replace_line(BASE, 21, 'rank = "係長代理"'))
    assert p.line == 21
    assert str(p).startswith("kessai.toml:21: [members] の rank「係長代理」は policy.ranks にありません。")


def test_toml_syntax_error_reports_tomllib_line_in_japanese() -> None:
    p = only_problem(replace_line(BASE, 14, "org = koho"))
    assert p.line == 14
    assert "TOML" in p.message and 'org = "koho"' in p.message


@pytest.mark.parametrize(("first", "second"), [("[members]", "[[members]]"), ("[members]", "[members]"),
                                               ("[[members]]", "[members]  # 2人目")])
def test_a_list_of_tables_written_with_single_brackets_asks_for_double_ones(first: str, second: str) -> None:
    """A second [members] (or [[members]] after [members]) was 「同じ見出しが2回あります。1つにまとめて
    ください」 or 「同じキーが2回」: followed, the second person's lines overwrote the first's."""
    p = only_problem(replace_line(replace_line(BASE, 11, first), 17, second))
    assert p.line == 17 and "[[members]]（角かっこ2つ）" in p.message and "まとめてください" not in p.message, p.message
    # A table that is one table ([policy]) twice is still to be made one.
    p = only_problem(BASE + "[policy]\nmax_hashtags = 3\n")
    assert "1つにまとめてください" in p.message


def test_toml_full_width_syntax_is_named_on_its_line() -> None:
    # A Japanese IME types ＝, a full-width space, “ ” or 、 where TOML wants ASCII; they look the same.
    for line, new, named in ((14, 'org ＝ "koho"', "全角の「＝」"), (14, 'org\u3000= "koho"', "全角の空白"),
                             (14, "org = “koho”", "全角の「“」"), (30, 'operators = ["U0OPERATOR"、"U0MANAGER"]', "読点「、」"),
                             (13, 'ｎａｍｅ = "上越 花子"', "全角の英数字"), (24, 'ｉｄ = "joetsu-x"', "全角の英数字")):
        p = only_problem(replace_line(BASE, line, new))
        assert p.line == line and named in p.message and "半角" in p.message, p.message
    # Inside a string or a comment, full-width characters are the person's own text.
    p = only_problem(replace_line(BASE, 14, 'org = "koho、広報"  # 広報＝こうほう'))
    assert "半角" not in p.message


def test_toml_unclosed_string_and_array_say_what_to_close() -> None:
    p = only_problem(replace_line(BASE, 13, 'name = "上越 花子'))
    assert p.line == 13 and '「"」が行の終わりまでに閉じられていません' in p.message
    p = only_problem(replace_line(BASE, 30, 'operators = ["U0OPERATOR" "U0MANAGER"]'))
    assert p.line == 30 and "「,」" in p.message


def test_a_backslash_in_a_string_is_explained() -> None:
    """「C:\\Users\\…」 or a \\ (円記号 on a Japanese PC) in "...": tomllib's 「Invalid hex value」 or
    「Unescaped '\\'」 was all that was said, nothing of the \\ or how to write it."""
    for value in ('"広報\\課"', '"C:\\Users\\koho"', '"a\\u00"'):
        p = only_problem(replace_line(BASE, 13, f"name = {value}"))
        assert p.line == 13 and "「\\\\」と2つ重ねる" in p.message and "'...'" in p.message, p.message
    # Written either way it says, the value is read as it was meant.
    for value in ('"広報\\\\課"', "'広報\\課'"):
        config = parse_org_config(replace_line(BASE, 13, f"name = {value}"), "kessai.toml")
        assert any(m.name == "広報\\課" for m in config.members)


def test_toml_unclosed_header() -> None:
    p = only_problem(replace_line(BASE, 17, "[[members]"))
    assert p.line == 17
    assert "]]" in p.message


def test_toml_duplicate_key() -> None:
    p = only_problem(replace_line(BASE, 9, 'name = "広報対話課"\nname = "広報課"'))
    assert p.line is not None and p.line >= 9
    assert "2回" in p.message


def test_unknown_key_names_table_key_and_line() -> None:
    p = only_problem(replace_line(BASE, 21, 'rank = "主事"\nrnak = "主事"'))
    assert p.line == 22
    assert "[members]" in p.message and "rnak" in p.message
    assert "rank" in p.message  # did-you-mean


def test_unknown_key_in_policy() -> None:
    p = only_problem(replace_line(BASE, 4, 'working_hours = "08:30-17:15"\nworking_days = "月-金"'))
    assert p.line == 5
    assert "[policy]" in p.message and "working_days" in p.message


def test_unknown_dotted_key_is_said_on_its_own_line() -> None:
    # `sub.bar = 2` under [policy] makes the unknown key 「sub」: it was said at the [policy]
    # header (line 1), 4 lines above where it is written.
    p = only_problem(replace_line(BASE, 4, 'working_hours = "08:30-17:15"\nsub.bar = 2'))
    assert p.line == 5
    assert "[policy]" in p.message and "「sub」" in p.message


def test_unknown_table_named_only_in_a_longer_header_has_its_line() -> None:
    # `[extra.sub]` and `[rules.nosuch.x]` name 「extra」 and 「nosuch」 only as part of a longer
    # header: their problems were said with no line at all.
    problems = problems_of(BASE + '\n[extra.sub]\nx = 1\n[rules.nosuch.x]\ny = 1\n')
    assert [(p.line, "extra" in p.message, "nosuch" in p.message) for p in problems] == [
        (34, True, False), (36, False, True)]


def test_unknown_key_in_account() -> None:
    p = only_problem(BASE + 'password = "hunter2"\n')
    assert p.line == 33
    assert "[accounts]" in p.message and "password" in p.message


def test_unknown_top_level_table() -> None:
    p = only_problem(BASE + "\n[poilcy]\nx = 1\n")
    assert p.line == 34
    assert "poilcy" in p.message and "policy" in p.message


def test_missing_required_key_points_at_table_header() -> None:
    text = BASE.replace('rank = "主事"\n', "")
    p = only_problem(text)
    assert p.line == 17
    assert "rank" in p.message and "ありません" in p.message


def test_missing_policy_table() -> None:
    text = BASE.split("[[orgs]]", 1)[1]
    p = only_problem("[[orgs]]" + text)
    assert p.line is None
    assert "[policy]" in p.message
    assert str(p).startswith("kessai.toml: ")


def test_missing_escalation_channel() -> None:
    p = only_problem(BASE.replace('escalation_channel = "C0ESCALATE"\n', ""))
    assert p.line == 1
    assert "escalation_channel" in p.message


@pytest.mark.parametrize(
    ("line", "new", "key", "type_word"),
    [
        (2, "approver_min_rank = 3", "approver_min_rank", "文字列"),
        (3, 'ranks = "部長"', "ranks", "配列"),
        (4, "working_hours = 830", "working_hours", "文字列"),
        (31, 'approvers = "U0MANAGER"', "approvers", "配列"),
        (31, "approvers = [1]", "approvers", "配列"),
    ],
)
def test_wrong_type(line: int, new: str, key: str, type_word: str) -> None:
    p = only_problem(replace_line(BASE, line, new))
    assert p.line == line
    assert key in p.message and type_word in p.message


def test_wrong_type_int_and_bool() -> None:
    p = only_problem(replace_line(BASE, 4, 'working_hours = "08:30-17:15"\nmin_posts_per_month = "1"'))
    assert p.line == 5 and "整数" in p.message
    p = only_problem(replace_line(BASE, 4, 'working_hours = "08:30-17:15"\nmin_posts_per_month = true'))
    assert p.line == 5 and "整数" in p.message
    p = only_problem(BASE + '\n[rules."link.insecure"]\nenabled = "no"\n')
    assert p.line == 35 and "true か false" in p.message


def test_negative_count() -> None:
    p = only_problem(replace_line(BASE, 4, 'working_hours = "08:30-17:15"\nmin_posts_per_month = -1'))
    assert p.line == 5 and "0〜1,000 の整数" in p.message


def test_values_that_would_stall_or_crash_the_sweep_are_refused() -> None:
    # Someone "switching off" password reminders with a huge number used to crash every sweep.
    p = only_problem(replace_line(BASE, 4, 'working_hours = "08:30-17:15"\npassword_rotation_days = 1000000'))
    assert "1〜3,650 の整数" in p.message
    p = only_problem(replace_line(BASE, 4, 'working_hours = "08:30-17:15"\napproval_escalate_after = "9999d"'))
    assert "長すぎます" in p.message and "9999d" in p.message
    # Beyond what Python's timedelta holds: it used to end `config check` and `serve` with a traceback.
    for huge in ("30000000000h", "3000000000d", "99999999999999999999d"):
        p = only_problem(replace_line(BASE, 4, f'working_hours = "08:30-17:15"\napproval_escalate_after = "{huge}"'))
        assert "長すぎます" in p.message and huge in p.message and p.line == 5


def test_escalating_before_the_reminder_is_refused() -> None:
    p = only_problem(
        replace_line(BASE, 4, 'working_hours = "08:30-17:15"\napproval_reminder_after = "2h"\napproval_escalate_after = "1h"')
    )
    assert p.line == 6 and "approval_escalate_after（1h）" in p.message and "approval_reminder_after（2h）" in p.message
    # Not written, escalation is one working day: a longer reminder is the line to point at.
    p = only_problem(replace_line(BASE, 4, 'working_hours = "08:30-17:15"\napproval_reminder_after = "2d"'))
    assert p.line == 5 and "書かれていないときの値" in p.message
    # Equal is allowed, and an unreadable reminder is reported once, for itself.
    equal = 'working_hours = "08:30-17:15"\napproval_reminder_after = "1d"\napproval_escalate_after = "1d"'
    assert parse_org_config(replace_line(BASE, 4, equal)).policy.approval_escalate_after == timedelta(hours=8, minutes=45)
    unreadable = 'working_hours = "08:30-17:15"\napproval_reminder_after = "2時間"\napproval_escalate_after = "1h"'
    p = only_problem(replace_line(BASE, 4, unreadable))
    assert "期間「2時間」" in p.message


def test_unknown_rank() -> None:
    p = only_problem(replace_line(BASE, 15, 'rank = "課長補佐代理"'))
    assert p.line == 15
    assert "課長補佐代理" in p.message and "policy.ranks" in p.message


def test_approver_min_rank_not_in_ranks() -> None:
    p = only_problem(replace_line(BASE, 2, 'approver_min_rank = "参事"'))
    assert p.line == 2 and "参事" in p.message


def test_member_with_unknown_org() -> None:
    p = only_problem(replace_line(BASE, 20, 'org = "kouhou"'))
    assert p.line == 20
    assert "kouhou" in p.message and "[orgs]" in p.message


def test_account_with_unknown_org() -> None:
    p = only_problem(replace_line(BASE, 28, 'org = "joho"'))
    assert p.line == 28
    assert "joetsu-x" in p.message and "joho" in p.message


def test_approver_below_min_rank() -> None:
    text = replace_line(BASE, 31, 'approvers = ["U0MANAGER", "U0LEADER"]')
    text += '\n[[members]]\nslack_id = "U0LEADER"\nname = "係長 次郎"\norg = "koho"\nrank = "係長"\n'
    p = only_problem(text)
    assert p.line == 31
    assert "U0LEADER" in p.message and "課長補佐" in p.message and "係長" in p.message
    # Slack's word for them (決裁者), not 承認者, which no message the staff see uses.
    assert "決裁者には課長補佐以上の職員" in p.message and "承認者" not in p.message


def test_deputy_below_min_rank_on_a_multiline_list() -> None:
    text = replace_line(BASE, 32, 'deputies = [\n  "U0MANAGER2",\n  "U0OPERATOR",\n]')
    text += '\n[[members]]\nslack_id = "U0MANAGER2"\nname = "上越 次郎"\norg = "koho"\nrank = "課長"\n'
    p = only_problem(text)
    assert p.line == 34  # the line of "U0OPERATOR" inside the list
    assert "代決者" in p.message and "U0OPERATOR" in p.message


@pytest.mark.parametrize(
    ("line", "new", "role"),
    [
        (30, 'operators = ["U0GHOST"]', "operators"),
        (31, 'approvers = ["U0GHOST"]', "approvers"),
        (32, 'deputies = ["U0GHOST"]', "deputies"),
    ],
)
def test_person_who_is_not_a_member(line: int, new: str, role: str) -> None:
    problems = problems_of(replace_line(BASE, line, new))
    ghost = [p for p in problems if "U0GHOST" in p.message]
    assert len(ghost) == 1
    assert ghost[0].line == line
    assert role in ghost[0].message and "[members]" in ghost[0].message


def test_duplicate_member() -> None:
    text = BASE + '\n[[members]]\nslack_id = "U0MANAGER"\nname = "別人"\norg = "koho"\nrank = "課長"\n'
    p = only_problem(text)
    assert p.line == 35
    assert "U0MANAGER" in p.message and "12 行目" in p.message


def test_duplicate_org_and_account() -> None:
    text = BASE + '\n[[orgs]]\nid = "koho"\nname = "広報課"\n'
    p = only_problem(text)
    assert p.line == 35 and "8 行目" in p.message
    account = BASE[BASE.index("[[accounts]]") :]
    p = only_problem(BASE + "\n" + account)
    assert p.line == 35 and "joetsu-x" in p.message and "24 行目" in p.message


@pytest.mark.parametrize("platform", ["twitter", "X ", "threads"])
def test_unknown_platform(platform: str) -> None:
    p = only_problem(replace_line(BASE, 25, f'platform = "{platform}"'))
    assert p.line == 25
    assert "instagram" in p.message
    if platform == "twitter":
        assert "「x」" in p.message


@pytest.mark.parametrize(
    ("line", "new", "word"),
    [
        (4, 'working_hours = "17:15-08:30"', "勤務時間"),
        (4, 'working_hours = "朝から晩まで"', "勤務時間"),
        (4, 'working_hours = "08:30-17:15"\napproval_reminder_after = "2時間"', "期間"),
        (4, 'working_hours = "08:30-17:15"\napproval_escalate_after = "0m"', "期間"),
        (4, 'working_hours = "08:30-17:15"\nincident_ack_within = "fifteen"', "期間"),
        (4, 'working_hours = "08:30-17:15"\nholding_statement_after = "2"', "期間"),
    ],
)
def test_bad_durations_and_hours(line: int, new: str, word: str) -> None:
    p = only_problem(replace_line(BASE, line, new))
    assert p.line == line + new.count("\n")
    assert word in p.message


@pytest.mark.parametrize(
    ("line", "new", "word"),
    [
        (12, 'slack_id = "tanaka"', "ユーザーID"),
        (12, 'slack_id = "C0MANAGER"', "ユーザーID"),
        (29, 'intake_channel = "#koho-sns"', "チャンネルID"),
        (29, 'intake_channel = "U0INTAKE"', "チャンネルID"),
        (5, 'escalation_channel = "escalate"', "チャンネルID"),
        (30, 'operators = ["takada"]', "ユーザーID"),
    ],
)
def test_slack_ids_that_do_not_look_like_slack_ids(line: int, new: str, word: str) -> None:
    problems = problems_of(replace_line(BASE, line, new))
    matching = [p for p in problems if word in p.message]
    assert matching and matching[0].line == line


@pytest.mark.parametrize(
    ("line", "new", "meant"),
    [
        (12, 'slack_id = "u0manager"', "U0MANAGER"),
        (12, 'slack_id = "Ｕ０ＭＡＮＡＧＥＲ"', "U0MANAGER"),
        (30, 'operators = ["<@U0OPERATOR>"]', "U0OPERATOR"),
        (29, 'intake_channel = "<#C0INTAKE|koho-sns>"', "C0INTAKE"),
        (29, 'intake_channel = "c0intake"', "C0INTAKE"),
        # 「チャンネルへのリンクをコピー」「メッセージのリンクをコピー」「プロフィールのリンクをコピー」
        (29, 'intake_channel = "https://joetsu.slack.com/archives/C0INTAKE"', "C0INTAKE"),
        (29, 'intake_channel = "https://joetsu.slack.com/archives/C0INTAKE/p1764100000000100"', "C0INTAKE"),
        (29, 'intake_channel = "https://app.slack.com/client/T0KESSAI/C0INTAKE"', "C0INTAKE"),
        (12, 'slack_id = "https://joetsu.slack.com/team/U0MANAGER"', "U0MANAGER"),
        (12, 'slack_id = "U0MANAGER\u200b"', "U0MANAGER"),  # a zero-width space copied from a web page
    ],
)
def test_an_id_written_as_people_slip_gets_the_id_they_meant(line: int, new: str, meant: str) -> None:
    problems = problems_of(replace_line(BASE, line, new))
    assert f"もしかして「{meant}」ですか？" in problems[0].message
    assert problems[0].line == line
    # One problem: the accounts naming the member's ID are not also told the member is unregistered.
    assert len(problems) == 1, [p.message for p in problems]


@pytest.mark.parametrize("new", ['slack_id = "tanaka"', 'slack_id = "C0MANAGER"', 'slack_id = "高田 太郎"',
                                 'slack_id = "https://joetsu.slack.com/archives/C0INTAKE"',
                                 'slack_id = "https://example.com/team/U0MANAGER"'])
def test_no_guess_for_what_is_not_an_id(new: str) -> None:
    problems = problems_of(replace_line(BASE, 12, new))
    assert "もしかして" not in problems[0].message


def test_workspace_user_and_private_channel_ids_are_accepted() -> None:
    text = BASE.replace("U0MANAGER", "W0MANAGER").replace("C0INTAKE", "G0INTAKE")
    config = parse_org_config(text)
    assert config.account("joetsu-x").intake_channel == "G0INTAKE"  # type: ignore[union-attr]


def test_unknown_rule_code_when_registry_is_available() -> None:
    rules = pytest.importorskip("bot.rules")
    if not hasattr(rules, "REGISTRY"):
        pytest.skip("bot.rules has no REGISTRY yet")
    p = only_problem(BASE + '\n[rules."link.untrustd"]\nseverity = "info"\n')
    assert p.line == 34
    assert "link.untrustd" in p.message


def test_bad_severity() -> None:
    p = only_problem(BASE + '\n[rules."link.insecure"]\nseverity = "fatal"\n')
    assert p.line == 35
    assert "fatal" in p.message and "warning" in p.message


def test_unknown_key_in_rule_table() -> None:
    p = only_problem(BASE + '\n[rules."link.insecure"]\nseverty = "info"\n')
    assert p.line == 35
    assert '[rules."link.insecure"]' in p.message and "severity" in p.message


def test_hashtags_are_stored_without_hash_and_duplicates_refused() -> None:
    config = parse_org_config(BASE + 'hashtags = ["#上越市", "joetsu"]\n')
    assert config.account("joetsu-x").hashtags == ("上越市", "joetsu")  # type: ignore[union-attr]
    p = only_problem(BASE + 'hashtags = [\n  "上越市",\n  "＃上越市",\n]\n')
    assert p.line == 35 and "2回" in p.message


def test_member_both_approver_and_deputy() -> None:
    p = only_problem(replace_line(BASE, 32, 'deputies = ["U0MANAGER"]'))
    assert p.line == 32
    assert "approvers" in p.message and "deputies" in p.message and "U0MANAGER" in p.message
    assert "代決者は決裁者の代わりに" in p.message and "承認者" not in p.message


def test_sole_approver_who_is_also_operator_could_never_decide_own_drafts() -> None:
    text = replace_line(BASE, 30, 'operators = ["U0OPERATOR", "U0MANAGER"]')
    p = only_problem(text)
    assert p.line == 31
    assert "U0MANAGER" in p.message and "自分の下書き" in p.message
    assert "ほかに決裁者がいません。作成者は自分の下書き" in p.message
    assert "承認者" not in p.message and "起案者" not in p.message


def test_operator_approvers_who_can_decide_each_others_drafts_are_accepted() -> None:
    text = BASE + '\n[[members]]\nslack_id = "U0CHIEF"\nname = "春日山 一郎"\norg = "koho"\nrank = "課長"\n'
    text = replace_line(text, 30, 'operators = ["U0MANAGER", "U0CHIEF"]')
    text = replace_line(text, 31, 'approvers = ["U0MANAGER", "U0CHIEF"]')
    config = parse_org_config(text)
    assert config.account("joetsu-x").approvers == ("U0MANAGER", "U0CHIEF")  # type: ignore[union-attr]


def test_empty_approvers() -> None:
    p = only_problem(replace_line(BASE, 31, "approvers = []"))
    assert p.line == 31 and "approvers" in p.message


@pytest.mark.parametrize(
    ("line", "new", "role"),
    [
        (30, 'operators = ["U0OPERATOR", "U0OPERATOR"]', "operators"),
        (31, 'approvers = ["U0MANAGER", "U0MANAGER"]', "approvers"),
    ],
)
def test_member_listed_twice_in_one_role(line: int, new: str, role: str) -> None:
    p = only_problem(replace_line(BASE, line, new))
    assert p.line == line
    assert role in p.message and "2回" in p.message


def test_bad_domain_phone_url_and_hashtag() -> None:
    text = replace_line(
        BASE,
        4,
        'working_hours = "08:30-17:15"\n'
        'allowed_link_domains = ["https://city.joetsu.niigata.jp/"]\n'  # 5
        'official_email_domains = ["@city.joetsu.niigata.jp"]\n'  # 6
        'official_phone_numbers = ["526-5111"]',  # 7
    )
    text = text.replace('url = "https://x.com/example"', 'url = "x.com/example"')  # 30
    text += 'hashtags = ["上越 市"]\n'  # 36
    problems = problems_of(text)
    assert [p.line for p in problems] == [5, 6, 7, 30, 36]


# --- many problems at once, and locating robustly ---------------------------------------------


def test_all_problems_are_reported_in_line_order() -> None:
    text = BASE
    text = replace_line(text, 15, 'rank = "係長代理"')  # unknown rank
    text = replace_line(text, 20, 'org = "kouhou"')  # unknown org
    text = replace_line(text, 25, 'platform = "twitter"')  # unknown platform
    text = replace_line(text, 32, 'deputies = ["U0GHOST"]')  # not a member
    problems = problems_of(text)
    lines = [p.line for p in problems]
    assert lines == sorted(lines)
    assert {15, 20, 25, 32} <= set(lines)
    # U0MANAGER's bad rank is reported once, on the member, not again where approvers name them
    assert sum("U0MANAGER" in p.message for p in problems) == 0
    with pytest.raises(ConfigError) as err:
        parse_org_config(text, "kessai.toml")
    assert str(err.value).count("kessai.toml:") == len(problems)


def test_locator_ignores_lookalikes_inside_strings_and_handles_inline_tables() -> None:
    text = BASE.replace(
        'name = "広報対話課"',
        'name = """広報対話課\n[[members]]\nrank = "fake"\n"""',  # a header inside a string
    ).replace('name = "上越市公式X"', "name = '上越市公式X # not a comment'")
    # orgs' name now spans lines 9-12, so everything after moves down by 3
    text = replace_line(text, 18, 'rank = "課長補佐代理"')  # U0MANAGER's rank (was line 15)
    # The name is refused for its line breaks, at the line its string starts on.
    named, p = problems_of(text)
    assert named.line == 9 and "改行（U+000A）" in named.message
    assert p.line == 18

    inline = (
        '[policy]\nescalation_channel = "C0ESCALATE"\n'
        'orgs = [ { id = "koho", name = "広報対話課" } ]\n'
        "members = [\n"
        '  { slack_id = "U0A", name = "甲", org = "koho", rank = "課長" },\n'
        '  { slack_id = "U0B", name = "乙", org = "koho", rank = "大臣" },\n'  # line 6
        "]\n"
    )
    # orgs/members as inline arrays live in [policy] here, so they are unknown policy keys; as root
    # keys they must be located per item:
    inline_root = inline.replace('[policy]\nescalation_channel = "C0ESCALATE"\n', "") + (
        '[policy]\nescalation_channel = "C0ESCALATE"\n'
    )
    (p,) = [q for q in problems_of(inline_root) if "[[accounts]]" not in q.message]  # no accounts: said apart
    assert p.line == 4 and "大臣" in p.message
    problems = [q for q in problems_of(inline) if "[[accounts]]" not in q.message]
    assert {p.line for p in problems} == {3, 4}


TRICKY = """\
# comment with [[members]] and key = "value"
title = "a # not a comment"
lines = \"\"\"
[policy]
escalation_channel = "fake"
\"\"\"
literal = '''it's "quoted" [x]'''
when = 2026-11-20T09:00:00+09:00
  [ "quoted table" . inner ]   # spaced header
"dotted.key".sub = 1
plain.sub = 2
arr = [
  1, # one
  [2, 3],
  { a = "}", b = [4] },
]
[[aot]]
x = 1
[[aot]]
x = 2
[aot.child]
y = 3
[[aot.kids]]
z = 4
[[aot.kids]]
z = 5
"""


QT = ("quoted table", "inner")


def _key_paths(value: object, prefix: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    paths: list[tuple[str | int, ...]] = []
    if isinstance(value, dict):
        for k, v in value.items():
            paths.append(prefix + (k,))
            paths.extend(_key_paths(v, prefix + (k,)))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            paths.append(prefix + (i,))
            paths.extend(_key_paths(v, prefix + (i,)))
    return paths


@pytest.mark.parametrize("name", ["tricky", "example", "demo"])
def test_locator_finds_the_exact_line_of_every_key(name: str) -> None:
    import tomllib

    from bot.config import _Locator

    text = {
        "tricky": TRICKY,
        "example": (REPO / "kessai.example.toml").read_text(encoding="utf-8"),
        "demo": demo_config_text(),
    }[name]
    locator = _Locator(text)
    lines = text.splitlines()
    for path in _key_paths(tomllib.loads(text)):
        assert path in locator.lines, path
        line = lines[locator.lines[path] - 1]
        last = path[-1]
        if isinstance(last, str) and "arr" not in path:
            assert last in line or last.split(".")[0] in line, (path, line)


def test_locator_on_tricky_toml() -> None:
    from bot.config import _Locator

    lines = _Locator(TRICKY).lines
    assert lines[("title",)] == 2
    assert lines[("lines",)] == 3
    assert lines[("literal",)] == 7
    assert lines[("when",)] == 8
    assert lines[QT] == 9
    assert lines[(*QT, "dotted.key", "sub")] == 10
    assert lines[(*QT, "plain", "sub")] == 11
    assert lines[(*QT, "arr", 1)] == 14
    assert lines[(*QT, "arr", 2, "a")] == 15
    assert lines[(*QT, "arr", 2, "b", 0)] == 15
    assert lines[("aot",)] == 17
    assert lines[("aot", 1, "x")] == 20
    assert lines[("aot", 1, "child", "y")] == 22
    assert lines[("aot", 1, "kids", 1, "z")] == 26
    assert ("policy",) not in lines  # the [policy] inside the multi-line string


def test_dotted_and_quoted_keys_are_located() -> None:
    text = (
        BASE
        + '\n[rules]\n"link.insecure".severity = "fatal"\n'
        + "'link.shortener' = { severity = \"loud\" }\n"
    )
    problems = problems_of(text)
    assert [p.line for p in problems] == [35, 36]


def test_load_org_config_file_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as err:
        load_org_config(tmp_path / "missing.toml")
    assert "見つかりません" in str(err.value) and "missing.toml" in str(err.value)
    assert "Windows" not in str(err.value)
    if os.sep == "/":  # on Windows it is this host's own way of writing it
        with pytest.raises(ConfigError) as err:
            load_org_config("C:\\kessai\\kessai.toml")
        assert "見つかりません" in str(err.value) and "Windows の書き方です" in str(err.value)
    with pytest.raises(ConfigError) as err:
        load_org_config(tmp_path)  # KESSAI_CONFIG naming the folder, not the file
    assert "フォルダーです" in str(err.value) and "directory" not in str(err.value)

    sjis = tmp_path / "sjis.toml"
    sjis.write_bytes(BASE.encode("utf-8").replace("広報対話課".encode(), "広報対話課".encode("shift_jis")))
    with pytest.raises(ConfigError) as err:
        load_org_config(sjis)
    (problem,) = err.value.problems
    assert problem.line == 9 and "UTF-8" in problem.message

    good = tmp_path / "kessai.toml"
    good.write_text(BASE, encoding="utf-8")
    assert load_org_config(good).source == str(good)
    bad = tmp_path / "bad.toml"
    bad.write_text(replace_line(BASE, 15, 'rank = "係長代理"'), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_org_config(bad)
    assert str(err.value.problems[0]).startswith(f"{bad}:15: ")


@pytest.mark.parametrize("bom", [b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])
def test_a_file_saved_with_a_bom_by_notepad_is_read_with_its_line_numbers(tmp_path: Path, bom: bytes) -> None:
    # 「UTF-8 (BOM 付き)」 and 「Unicode」 (UTF-16 LE/BE): the BOM says how to read the file.
    encoding = {b"\xef\xbb\xbf": "utf-8", b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}[bom]
    good = tmp_path / "kessai.toml"
    good.write_bytes(bom + BASE.replace("\n", "\r\n").encode(encoding))
    assert load_org_config(good).source == str(good)
    bad = tmp_path / "bad.toml"
    bad.write_bytes(bom + replace_line(BASE, 15, 'rank = "係長代理"').encode(encoding))
    with pytest.raises(ConfigError) as err:
        load_org_config(bad)
    assert str(err.value.problems[0]).startswith(f"{bad}:15: ")


# --- settings ---------------------------------------------------------------------------------


def test_settings_defaults() -> None:
    s = load_settings({}, dotenv=None)
    assert s == Settings()
    assert s.slack_bot_token is None and s.slack_app_token is None and s.slack_signing_secret is None
    assert s.slack_api_url == "https://slack.com/api/"
    assert s.database_url == "sqlite:///kessai.db"
    assert s.config_path == "kessai.toml"
    assert s.tz == "Asia/Tokyo"
    assert s.port == 3000
    assert s.log_format == "text"
    assert not s.socket_mode


def test_settings_from_env() -> None:
    s = load_settings(
        {
            "SLACK_BOT_TOKEN": "xoxb-123",
            "SLACK_APP_TOKEN": "xapp-456",
            "SLACK_SIGNING_SECRET": "abc",
            "SLACK_API_URL": "http://127.0.0.1:8181/api",
            "DATABASE_URL": "postgresql+psycopg://kessai:pw@db/kessai",
            "KESSAI_CONFIG": "/etc/kessai.toml",
            "KESSAI_TZ": "UTC",
            "PORT": "8080",
            "KESSAI_LOG_FORMAT": "JSON",
        },
        dotenv=None,
    )
    assert s.socket_mode
    assert s.slack_api_url == "http://127.0.0.1:8181/api/"
    assert (s.config_path, s.tz, s.port, s.log_format) == ("/etc/kessai.toml", "UTC", 8080, "json")


def test_the_postgres_scheme_of_paas_and_libpq_is_postgresql() -> None:
    s = load_settings({"DATABASE_URL": "postgres://kessai:pw@db:5432/kessai"}, dotenv=None)
    assert s.database_url == "postgresql://kessai:pw@db:5432/kessai"


def test_libpqs_uri_for_a_unix_socket_is_given_to_sqlalchemy_as_a_host_parameter() -> None:
    """libpq's postgresql://user@%2Fvar%2Frun%2Fpostgresql/db: SQLAlchemy kept the host
    percent-encoded and the connection failed with 「ホスト名が見つかりません」."""
    from sqlalchemy.engine import make_url

    def parts(raw: str) -> tuple[object, ...]:
        u = make_url(load_settings({"DATABASE_URL": raw}, dotenv=None).database_url)
        return u.username, u.password, u.host, u.port, u.database, dict(u.query)

    assert parts("postgresql://kessai@%2Fvar%2Frun%2Fpostgresql/kessai") == (
        "kessai", None, None, None, "kessai", {"host": "/var/run/postgresql"})
    # The port names the socket file (.s.PGSQL.54329); lower-case %2f and postgres:// as libpq writes them.
    assert parts("postgres://kessai@%2ftmp:54329/kessai") == (
        "kessai", None, None, None, "kessai", {"host": "/tmp", "port": "54329"})
    # A password's escapes, the other parameters and a value's @ come through unchanged.
    assert parts("postgresql://kessai:p%40ss%2Fw@%2Ftmp/kessai?sslmode=disable&application_name=a@b") == (
        "kessai", "p@ss/w", None, None, "kessai", {"host": "/tmp", "sslmode": "disable", "application_name": "a@b"})
    # No user name (libpq then uses the login name), and a port in the query wins, as in libpq.
    assert parts("postgresql://%2Ftmp:5432/kessai?port=54329") == (
        None, None, None, None, "kessai", {"host": "/tmp", "port": "54329"})
    # Not a socket's directory: left as written, for the DNS to answer (or database_url_problem).
    assert parts("postgresql://kessai@db%2Dprimary/kessai")[2] == "db%2Dprimary"
    assert parts("postgresql://kessai@db.example.jp:5432/kessai")[2:4] == ("db.example.jp", 5432)


@pytest.mark.parametrize(("written", "given"), [
    # libpq's list of a primary and its standbys: SQLAlchemy read 「5432,db2:5432」 as one port, and
    # the URL was refused with 「DATABASE_URL を読み取れません」.
    ("postgresql://kessai:pw@db1:5432,db2:5432/kessai?target_session_attrs=read-write",
     "postgresql://kessai:pw@/kessai?host=db1,db2&port=5432,5432&target_session_attrs=read-write"),
    ("postgres://kessai:p%40w@db1:5432,db2:5433/kessai?target_session_attrs=primary&sslmode=require"
     "&options=-c%20search_path%3Dkessai",
     "postgresql://kessai:p%40w@/kessai?host=db1,db2&port=5432,5433&target_session_attrs=primary&sslmode=require"
     "&options=-c%20search_path%3Dkessai"),
    ("postgresql://kessai@db1,db2:5433/kessai", "postgresql://kessai@/kessai?host=db1,db2&port=,5433"),
    ("postgresql://kessai@[2001:db8::1]:5432,[2001:db8::2]:5432/kessai",
     "postgresql://kessai@/kessai?host=2001:db8::1,2001:db8::2&port=5432,5432"),
    # SQLAlchemy's own spelling: an IPv6 address in it became the host 「[」.
    ("postgresql://kessai@/kessai?connect_timeout=3&host=[::1]:5432&host=db2",
     "postgresql://kessai@/kessai?host=::1,db2&port=5432,&connect_timeout=3"),
    ("postgresql://kessai@/kessai?host=db1&host=db2", "postgresql://kessai@/kessai?host=db1,db2"),
    ("postgresql://kessai@/kessai?host=db1,db2&port=5432,5433", "postgresql://kessai@/kessai?host=db1,db2&port=5432,5433"),
    # One host, and a comma in a password: as written.
    ("postgresql://kessai:p,w/x@db1/kessai", "postgresql://kessai:p,w/x@db1/kessai"),
])
def test_a_primary_and_standby_url_reaches_libpq_as_one_list_of_hosts(written: str, given: str) -> None:
    from sqlalchemy.engine import make_url

    from storage.db import make_engine

    url = load_settings({"DATABASE_URL": written}, dotenv=None).database_url
    assert url == given
    engine = make_engine(url)
    try:
        params = engine.dialect.create_connect_args(engine.url)[1]
    finally:
        engine.dispose()
    # psycopg is given the list as one string, as libpq reads it.
    assert params["host"] == (make_url(given).query.get("host") or make_url(given).host)


@pytest.mark.parametrize(("written", "said"), [
    ("postgresql://kessai:pw@db1:5432,db2:54x/kessai", "ホスト名とポート番号の組を読み取れません"),
    ("postgresql://kessai:pw@db1:5432,/kessai", "ホスト名とポート番号の組を読み取れません"),
    ("postgresql://kessai@/kessai?host=db1:5432&host=db2&port=5433", "ホスト名とポート番号の組を読み取れません"),
    ("postgresql://kessai@/kessai?host=db1,db2,db3&port=5432,5433", "ホスト名とポート番号の組を読み取れません"),
    # libpq reads one port for every host; SQLAlchemy refuses it (inside create_engine, before).
    ("postgresql://kessai@/kessai?host=db1,db2&port=5432", "ホストごとに1つ書くか"),
])
def test_a_list_of_hosts_that_cannot_be_paired_with_ports_says_how_to_write_one(written: str, said: str) -> None:
    # Refused inside create_engine (SQLAlchemy's traceback) or by libpq when connecting, in English.
    with pytest.raises(SettingsError) as err:
        load_settings({"DATABASE_URL": written}, dotenv=None)
    assert said in str(err.value) and "ホスト1:5432,ホスト2:5432" in str(err.value) and "pw" not in str(err.value)


def test_empty_values_count_as_unset() -> None:
    s = load_settings({"SLACK_APP_TOKEN": "", "PORT": " ", "DATABASE_URL": ""}, dotenv=None)
    assert not s.socket_mode and s.port == 3000 and s.database_url == "sqlite:///kessai.db"


def test_dotenv_is_read_and_real_environment_wins(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# comment\nSLACK_BOT_TOKEN=xoxb-from-file\nPORT=4000\nKESSAI_TZ=UTC\n", encoding="utf-8"
    )
    s = load_settings({"PORT": "5000"}, dotenv=str(env_file))
    assert s.slack_bot_token == "xoxb-from-file"
    assert s.port == 5000
    assert s.tz == "UTC"
    assert load_settings({}, dotenv=str(tmp_path / "absent.env")) == Settings()


def test_an_empty_environment_variable_leaves_the_dotenv_value_in_force(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A compose file's DATABASE_URL: ${DATABASE_URL} with nothing behind it hid .env's PostgreSQL:
    serve opened a new sqlite:///kessai.db, while `kessai check` (environment_value) read .env."""
    from bot.config import environment_value

    env_file = tmp_path / ".env"
    env_file.write_text("DATABASE_URL=postgresql://kessai@db/kessai\nKESSAI_CONFIG=/etc/kessai/kessai.toml\n",
                        encoding="utf-8")
    s = load_settings({"DATABASE_URL": "", "KESSAI_CONFIG": " "}, dotenv=str(env_file))
    assert (s.database_url, s.config_path) == ("postgresql://kessai@db/kessai", "/etc/kessai/kessai.toml")
    monkeypatch.setenv("KESSAI_CONFIG", "")
    assert environment_value("KESSAI_CONFIG", dotenv=str(env_file)) == s.config_path

def test_quotes_passed_on_around_a_whole_value_are_not_part_of_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`docker run --env-file` and a compose `environment:` list pass KESSAI_TZ="Asia/Tokyo" with its
    quotes: the zone, the port, the file and the URL were each refused as written, and
    SLACK_APP_TOKEN="" (empty: HTTP mode) was a token of two quotes."""
    from bot.config import environment_value

    s = load_settings({"KESSAI_TZ": '"Asia/Tokyo"', "PORT": "'4000'", "KESSAI_CONFIG": ' "/etc/kessai/kessai.toml" ',
                       "DATABASE_URL": '"postgresql://kessai:p%40ss@db/kessai"', "SLACK_BOT_TOKEN": '"xoxb-1"',
                       "SLACK_APP_TOKEN": '""'}, dotenv=None)
    assert (s.tz, s.port, s.config_path, s.database_url, s.slack_bot_token, s.slack_app_token) == (
        "Asia/Tokyo", 4000, "/etc/kessai/kessai.toml", "postgresql://kessai:p%40ss@db/kessai", "xoxb-1", None)
    monkeypatch.setenv("KESSAI_CONFIG", "'/etc/kessai/kessai.toml'")
    assert environment_value("KESSAI_CONFIG", dotenv=str(tmp_path / "absent.env")) == s.config_path
    # Only a pair around the whole value: a quote inside one stays where it is written.
    with pytest.raises(SettingsError) as err:
        load_settings({"KESSAI_TZ": '"Asia/Tokyo'}, dotenv=None)
    assert '「"Asia/Tokyo」' in err.value.problems[0]


@pytest.mark.parametrize("tail", ["", "/"])
def test_a_sqlite_database_url_naming_a_folder_is_refused_as_one(tmp_path: Path, tail: str) -> None:
    # sqlite:////var/lib/kessai/: every command said the file could not be opened and to check the
    # folder's write permissions, of a folder kessai could write.
    with pytest.raises(SettingsError) as err:
        load_settings({"DATABASE_URL": f"sqlite:///{tmp_path}{tail}"}, dotenv=None)
    assert err.value.problems == [f"DATABASE_URL の SQLite のファイル「{tmp_path}」はフォルダーです。"
                                  f"sqlite:///{tmp_path}/kessai.db のように、ファイル名まで書いてください。"]
    assert load_settings({"DATABASE_URL": f"sqlite:///{tmp_path}/kessai.db"}, dotenv=None)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16"])
def test_a_dotenv_copied_in_notepad_with_its_japanese_comments_is_read(tmp_path: Path, encoding: str) -> None:
    # .env.example has Japanese comments; 「UTF-8 (BOM 付き)」 and 「Unicode」 (UTF-16) say how to read them.
    env_file = tmp_path / ".env"
    env_file.write_bytes("# ボットトークン\r\nSLACK_BOT_TOKEN=xoxb-from-file\r\nPORT=4000\r\n".encode(encoding))
    s = load_settings({}, dotenv=str(env_file))
    assert (s.slack_bot_token, s.port) == ("xoxb-from-file", 4000)


def test_a_dotenv_saved_as_shift_jis_is_refused_with_its_line(tmp_path: Path) -> None:
    # It failed with python-dotenv's UnicodeDecodeError traceback, before anything was said.
    env_file = tmp_path / ".env"
    env_file.write_bytes("SLACK_BOT_TOKEN=xoxb-from-file\n# ボットトークン\n".encode("cp932"))
    with pytest.raises(SettingsError) as err:
        load_settings({}, dotenv=str(env_file))
    assert err.value.problems == [f"{env_file} の 2 行目に UTF-8 として読めない文字があります。Shift_JIS などで"
                                  "保存されている場合は、文字コードを UTF-8 にして保存し直してください。"]


@pytest.mark.parametrize(("line", "says"), [
    ("SLACK_SIGNING_SECRT=abc", "もしかして「SLACK_SIGNING_SECRET」"),  # was: SLACK_SIGNING_SECRET is required
    ("KESSAI_LOG_FROMAT=json", "もしかして「KESSAI_LOG_FORMAT」"),  # was: silently text logs
    ("slack_bot_token=xoxb-from-file", "もしかして「SLACK_BOT_TOKEN」"),
    ("SLACK_BOT_TOKEN＝xoxb-from-file", "全角"),  # was: SLACK_BOT_TOKEN is not set
    # Skipped by python-dotenv with an English warning: the setting was said to be missing, and a
    # DATABASE_URL copied from a compose file opened the default sqlite:///kessai.db instead.
    ("DATABASE_URL: postgresql://kessai:xoxb-from-file@db/kessai", "「DATABASE_URL=値」"),
    ("SLACK_BOT_TOKEN xoxb-from-file", "「SLACK_BOT_TOKEN=値」"),
    ("DATABASE_URL:postgresql://kessai:xoxb-from-file@db/kessai", "「DATABASE_URL=値」"),  # no warning either
    ("DATABASE_URL:postgresql://kessai:xoxb-from-file@db/kessai?sslmode=require", "「DATABASE_URL=値」"),
    ('SLACK_BOT_TOKEN="xoxb-from-file', "同じ引用符で閉じてください"),
])
def test_a_dotenv_line_meant_for_a_setting_is_named(tmp_path: Path, line: str, says: str) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text(f"# トークン\nPORT=4000\n{line}\n", encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        load_settings({}, dotenv=str(env_file))
    assert len(err.value.problems) == 1 and says in err.value.problems[0]
    assert "3 行目" in err.value.problems[0] and "xoxb-from-file" not in err.value.problems[0]


@pytest.mark.parametrize("separator", ["\u2028", "\x0c", "\x85"])
def test_a_line_separator_pasted_into_a_dotenv_comment_does_not_shift_its_lines(tmp_path: Path, separator: str) -> None:
    """python-dotenv breaks lines only at \\n and \\r: counted by str.splitlines, another program's
    unreadable line (OTHER_TOOL some value) was said to be the SLACK_BOT_TOKEN line above it, and
    a .env that had worked was refused."""
    env_file = tmp_path / ".env"
    env_file.write_text(f"# Slack の設定{separator}（メモ）\nSLACK_BOT_TOKEN=xoxb-from-file\nOTHER_TOOL some value\n"
                        "DATABASE_URL: postgresql://kessai@db/kessai\n", encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        load_settings({}, dotenv=str(env_file))
    assert len(err.value.problems) == 1 and "4 行目: DATABASE_URL の行に「=」がなく" in err.value.problems[0], err.value.problems


def test_other_programs_settings_in_dotenv_are_left_alone(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("DATABASE_URL=sqlite:///k.db\nDATABASE_URI=x\nSLACK_CLIENT_SECRET=y\nHTTPS_PROXY=\n"
                        "export PORT=4000\n", encoding="utf-8")
    assert load_settings({}, dotenv=str(env_file)).port == 4000


def test_a_setting_name_with_more_to_it_is_not_a_typo(tmp_path: Path) -> None:
    # HTTP mode (no SLACK_APP_TOKEN) with the old Socket Mode token kept under another name: serve
    # refused to start on a file it had run on.
    env_file = tmp_path / ".env"
    env_file.write_text("SLACK_BOT_TOKEN=xoxb-1-2-abc\nSLACK_SIGNING_SECRET=abcdef0123456789\n"
                        "SLACK_APP_TOKEN_OLD=xapp-1-A-2-abc\nSLACK_BOT_TOKEN2=xoxb-3-4-def\nKESSAI_CONFIG_DIR=/etc/kessai\n",
                        encoding="utf-8")
    settings = load_settings({}, dotenv=str(env_file))
    assert settings.slack_app_token is None and settings.config_path == "kessai.toml"


@pytest.mark.parametrize("port", ["abc", "0", "70000", "-1", "30.5"])
def test_bad_port_is_refused_in_japanese(port: str) -> None:
    with pytest.raises(SettingsError) as err:
        load_settings({"PORT": port}, dotenv=None)
    assert "PORT" in str(err.value) and has_japanese(str(err.value))


def test_several_bad_settings_are_all_reported() -> None:
    with pytest.raises(SettingsError) as err:
        load_settings(
            {
                "PORT": "x",
                "KESSAI_TZ": "Asia/Joetsu",
                "KESSAI_LOG_FORMAT": "xml",
                "SLACK_API_URL": "slack.com",
            },
            dotenv=None,
        )
    assert len(err.value.problems) == 4
    assert all(has_japanese(p) for p in err.value.problems)


def test_swapped_tokens_are_refused() -> None:
    with pytest.raises(SettingsError, match="SLACK_BOT_TOKEN"):
        load_settings({"SLACK_BOT_TOKEN": "xapp-1"}, dotenv=None)
    with pytest.raises(SettingsError, match="SLACK_APP_TOKEN"):
        load_settings({"SLACK_APP_TOKEN": "xoxb-1"}, dotenv=None)


def test_a_user_token_in_place_of_the_bot_token_is_refused() -> None:
    with pytest.raises(SettingsError) as err:
        load_settings({"SLACK_BOT_TOKEN": "xoxp-1234-5678-abcdef"}, dotenv=None)
    message = str(err.value)
    assert "ユーザートークン" in message and "Bot User OAuth Token" in message and "abcdef" not in message


def test_repr_never_reveals_secrets() -> None:
    s = load_settings(
        {
            "SLACK_BOT_TOKEN": "xoxb-very-secret-bot",
            "SLACK_APP_TOKEN": "xapp-very-secret-app",
            "SLACK_SIGNING_SECRET": "very-secret-signing",
            "DATABASE_URL": "postgresql://kessai:very-secret-db@db:5432/kessai",
        },
        dotenv=None,
    )
    for text in (repr(s), str(s), f"{s}", repr([s])):
        assert "very-secret" not in text
        assert "***" in text
        assert "postgresql://kessai:***@db:5432/kessai" in text
    assert s.slack_bot_token == "xoxb-very-secret-bot"  # the value itself stays usable


def test_serve_problems() -> None:
    assert len(load_settings({}, dotenv=None).serve_problems()) == 2
    http = load_settings({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_SIGNING_SECRET": "s"}, dotenv=None)
    assert http.serve_problems() == []
    socket = load_settings({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}, dotenv=None)
    assert socket.serve_problems() == []
    missing_secret = load_settings({"SLACK_BOT_TOKEN": "xoxb-1"}, dotenv=None).serve_problems()
    assert len(missing_secret) == 1 and "SLACK_SIGNING_SECRET" in missing_secret[0]


def test_serve_problems_say_where_kessai_reads_the_missing_setting(tmp_path: Path) -> None:
    """「…トークンを .env に書いてください」 was said to installs configured in the environment (docker
    compose, systemd Environment=) that have no .env at all."""
    in_env = {"DATABASE_URL": "postgresql://db/kessai"}
    said = load_settings(in_env, dotenv=None).serve_problems(in_env, dotenv=None)
    assert len(said) == 2 and all("環境変数 SLACK_" in x and ".env" not in x for x in said), said
    dotenv = tmp_path / ".env"
    dotenv.write_text("DATABASE_URL=sqlite:///kessai.db\n", encoding="utf-8")
    said = load_settings({}, dotenv=str(dotenv)).serve_problems({}, dotenv=str(dotenv))
    assert ".env の SLACK_BOT_TOKEN に書いて" in said[0] and ".env の SLACK_SIGNING_SECRET に書く" in said[1]
    assert not any("環境変数" in x for x in said)
    # Nothing anywhere (a first start): .env, as the install steps say.
    assert all(".env の" in x for x in load_settings({}, dotenv=None).serve_problems({}, dotenv=None))


def test_a_secret_with_stray_characters_is_to_be_pasted_where_it_was_read(tmp_path: Path) -> None:
    dotenv = tmp_path / ".env"
    dotenv.write_text("SLACK_BOT_TOKEN=xoxb-1\u200b-abc\n", encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        load_settings({}, dotenv=str(dotenv))
    assert ".env の SLACK_BOT_TOKEN へそのまま貼り付けて" in err.value.problems[0]
    with pytest.raises(SettingsError) as err:
        load_settings({"SLACK_BOT_TOKEN": "xoxb-1\u200b-abc"}, dotenv=str(dotenv))
    assert "環境変数 SLACK_BOT_TOKEN（" in err.value.problems[0] and ".env" not in err.value.problems[0]


def test_env_example_lists_every_key() -> None:
    text = (REPO / ".env.example").read_text(encoding="utf-8")
    keys = re.findall(r"^#?\s*([A-Z_]+)=", text, flags=re.M)
    for key in (
        "SLACK_BOT_TOKEN",
        "SLACK_APP_TOKEN",
        "SLACK_SIGNING_SECRET",
        "SLACK_API_URL",
        "DATABASE_URL",
        "KESSAI_CONFIG",
        "KESSAI_TZ",
        "PORT",
        "KESSAI_LOG_FORMAT",
        "KESSAI_LOG_LEVEL",
    ):
        assert key in keys, key


def test_the_log_level_is_read_from_the_settings_and_a_wrong_one_is_explained() -> None:
    assert load_settings({}, dotenv=None).log_level == "INFO"
    assert load_settings({"KESSAI_LOG_LEVEL": " debug "}, dotenv=None).log_level == "DEBUG"
    with pytest.raises(SettingsError) as err:
        load_settings({"KESSAI_LOG_LEVEL": "VERBOSE"}, dotenv=None)
    [problem] = err.value.problems
    assert "KESSAI_LOG_LEVEL「VERBOSE」" in problem and "INFO" in problem


def test_a_file_without_accounts_or_an_account_without_operators_is_refused() -> None:
    start = BASE.index("[[accounts]]")
    nothing = BASE[:start]
    assert any("[[accounts]] がありません" in p.message for p in problems_of(nothing))
    lonely = re.sub(r'operators = \[[^\]]*\]', "operators = []", BASE, count=1)
    assert any("operators が空です" in p.message for p in problems_of(lonely))


def test_escalation_channel_that_is_an_intake_channel_is_refused() -> None:
    # Incident alerts and monthly reports there would drown among the drafts, and every message an
    # operator writes there is taken as a draft: the escalation channel must be a channel of its own.
    p = only_problem(replace_line(BASE, 5, 'escalation_channel = "C0INTAKE"'))
    assert p.line == 5
    assert "escalation_channel" in p.message and "intake_channel" in p.message
    assert "joetsu-x" in p.message and "上越市公式X" in p.message


def test_escalation_channel_shared_with_a_second_account_names_that_account() -> None:
    second = ('\n[[accounts]]\nid = "joetsu-ig"\nplatform = "instagram"\nname = "上越市公式Instagram"\n'
              'url = "https://www.instagram.com/example"\norg = "koho"\nintake_channel = "C0ESCALATE"\n'
              'operators = ["U0OPERATOR"]\napprovers = ["U0MANAGER"]\n')
    p = only_problem(BASE + second)
    assert p.line == 5
    assert "joetsu-ig" in p.message and "上越市公式Instagram" in p.message and "joetsu-x" not in p.message


@pytest.mark.parametrize(("line", "new", "meant"), [
    (25, 'platform = "X"', "x"),
    (25, 'platform = "Instagram"', "instagram"),
])
def test_a_platform_in_capitals_gets_the_name_meant(line: int, new: str, meant: str) -> None:
    p = only_problem(replace_line(BASE, line, new))
    assert p.line == line and f"もしかして「{meant}」ですか？" in p.message


@pytest.mark.parametrize("new", ['platform = "ｘ"', 'platform = "Ｘ"', 'platform = "twitter"'])
def test_a_platform_in_full_width_or_its_old_name_gets_the_code_meant(new: str) -> None:
    p = only_problem(replace_line(BASE, 25, new))
    assert p.line == 25 and "「x」と書" in p.message


def test_a_severity_in_capitals_gets_the_one_meant() -> None:
    p = only_problem(BASE + '\n[rules."link.untrusted"]\nseverity = "Warning"\n')
    assert p.line == 35 and "もしかして「warning」ですか？" in p.message


def test_hashtags_that_are_no_tags_are_reported_once_each() -> None:
    text = replace_line(BASE, 32, 'deputies = []\nhashtags = ["#上越市", "", "#", "上越市,高田", "上越市"]')
    problems = problems_of(text)
    messages = [p.message for p in problems]
    assert len([m for m in messages if "ハッシュタグとして使えません" in m]) == 3, messages
    assert len([m for m in messages if "2回以上" in m]) == 1 and "「上越市」が2回以上" in " ".join(messages)


def test_working_hours_with_the_minus_sign_a_mac_types() -> None:
    parse_org_config(replace_line(BASE, 4, 'working_hours = "08:30−17:15"'))  # U+2212: refused before
    assert parse_working_hours("08:30−17:15") == parse_working_hours("08:30‐17:15") == (time(8, 30), time(17, 15))


def test_messages_keep_a_space_between_japanese_and_latin_words() -> None:
    p = only_problem(BASE + '\n[rules."link.insecure"]\nenabled = "no"\n')
    assert "は true か false で書いてください" in p.message


def test_an_edit_of_the_file_while_serve_runs_is_reported_once_with_its_problems(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """serve reads the file at start: an edit is not taken, and a broken one would stop the next
    start. Each new content is said once, and what is wrong with it is named with its line."""
    from bot.config import ConfigFileWatch

    path = tmp_path / "kessai.toml"
    path.write_text(BASE, encoding="utf-8")
    watch = ConfigFileWatch(path, path.read_bytes(), settle_seconds=0)
    caplog.set_level("INFO", logger="bot.config")
    watch.check()
    assert caplog.records == []

    path.write_text(BASE.replace('approvers = ["U0MANAGER"]', 'approvers = ["U0NOBODY"]'), encoding="utf-8")
    watch.check()
    watch.check()
    [broken] = caplog.records
    assert broken.levelname == "ERROR" and "keeps running on the file it started with" in broken.getMessage()
    assert "U0NOBODY" in broken.getMessage() and f"{path}:" in broken.getMessage()

    path.write_bytes(BASE.encode("cp932", errors="replace"))  # saved again from Notepad as ANSI
    watch.check()
    assert caplog.records[-1].levelname == "ERROR" and "UTF-8" in caplog.records[-1].getMessage()

    path.unlink()
    watch.check()
    assert caplog.records[-1].levelname == "ERROR" and "見つかりません" in caplog.records[-1].getMessage()

    path.write_text(BASE.replace('name = "上越 花子"', 'name = "上越 花子（異動）"'), encoding="utf-8")
    watch.check()
    assert caplog.records[-1].levelname == "WARNING" and "applies when kessai serve is restarted" in (
        caplog.records[-1].getMessage())

    path.write_text(BASE, encoding="utf-8")
    watch.check()
    assert caplog.records[-1].levelname == "INFO" and len(caplog.records) == 5


def test_the_watch_judges_the_content_it_compared_not_a_later_save(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """An IT 担当 saves a good edit and, a moment later, a broken one, the second landing between
    the watch's reading of the file and its judging: the good content is said to apply at restart,
    then the broken one once, each for what it is."""
    from bot.config import ConfigFileWatch

    path = tmp_path / "kessai.toml"
    path.write_text(BASE, encoding="utf-8")
    watch = ConfigFileWatch(path, path.read_bytes(), settle_seconds=0)
    good = BASE.replace('name = "上越 花子"', 'name = "上越 花子（異動）"').encode()
    broken = BASE.replace('approvers = ["U0MANAGER"]', 'approvers = ["U0NOBODY"]').encode()
    path.write_bytes(good)
    read_bytes = Path.read_bytes
    saves = [broken]

    def saved_again_right_after_a_read(self: Path) -> bytes:
        raw = read_bytes(self)
        if self == path and saves:
            path.write_bytes(saves.pop())
        return raw

    monkeypatch.setattr(Path, "read_bytes", saved_again_right_after_a_read)
    caplog.set_level("INFO", logger="bot.config")
    watch.check()
    watch.check()
    watch.check()
    assert [r.levelname for r in caplog.records] == ["WARNING", "ERROR"]
    assert "U0NOBODY" in caplog.records[1].getMessage()


@pytest.mark.parametrize(
    ("written", "line", "says"),
    [
        ('closed_days = [\n  "06-23",\n  20270623,\n]', 7, "今は 2 番目が整数です"),
        ("closed_days = [10:00:00]", 5, "今は 1 番目が時刻です"),
        ('allowed_link_domains = ["city.joetsu.niigata.jp", 6]', 5, "今は 2 番目が整数です"),
    ],
)
def test_an_array_with_one_wrong_item_is_refused_naming_the_item(written: str, line: int, says: str) -> None:
    """「今は配列です」 answered an array with a number or a time in it, as if the array were wrong."""
    p = only_problem(replace_line(BASE, 4, f'working_hours = "08:30-17:15"\n{written}'))
    assert p.line == line and says in p.message and "配列です" not in p.message


def test_serve_watches_the_very_bytes_it_loaded(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> None:
    """serve read the file for the watch, then again to load it: an edit saved between the two was
    loaded, and yet the watch said it "applies when kessai serve is restarted"."""
    from bot.config import ConfigFileWatch, read_org_config

    path = tmp_path / "kessai.toml"
    path.write_text(BASE, encoding="utf-8")
    edited = BASE.replace('name = "上越 花子"', 'name = "上越 花子（異動）"').encode()
    read_bytes = Path.read_bytes
    saves = [edited]

    def saved_again_right_after_a_read(self: Path) -> bytes:
        raw = read_bytes(self)
        if self == path and saves:
            path.write_bytes(saves.pop())
        return raw

    monkeypatch.setattr(Path, "read_bytes", saved_again_right_after_a_read)
    org, loaded = read_org_config(path)
    caplog.set_level("INFO", logger="bot.config")
    ConfigFileWatch(path, loaded).check()
    member = org.member("U0MANAGER")
    assert member is not None and member.name == "上越 花子"  # the content before the edit...
    [said] = caplog.records  # ...so the edit is the one pending, and said to be
    assert said.levelname == "WARNING" and "applies when kessai serve is restarted" in said.getMessage()


@pytest.mark.parametrize("caught", [b"half", None], ids=["written-half-way", "renamed-away"])
def test_a_save_caught_half_way_is_read_again_and_not_reported_as_broken(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
        caught: bytes | None) -> None:
    """The watch read the file while an editor was still writing it (or had renamed it away to
    write the new one): a false ERROR about a mistake nobody made, taken back a minute later."""
    from bot.config import ConfigFileWatch

    path = tmp_path / "kessai.toml"
    path.write_text(BASE, encoding="utf-8")
    watch = ConfigFileWatch(path, path.read_bytes(), settle_seconds=0)
    saved = BASE.replace('name = "上越 花子"', 'name = "上越 花子（異動）"').encode()
    path.write_bytes(saved)
    read_bytes = Path.read_bytes
    reads = [saved[: len(saved) // 2] if caught else None]

    def caught_mid_save(self: Path) -> bytes:
        if self == path and reads:
            if (raw := reads.pop()) is None:
                raise FileNotFoundError(2, "No such file or directory", str(path))
            return raw
        return read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", caught_mid_save)
    caplog.set_level("INFO", logger="bot.config")
    watch.check()
    watch.check()
    assert [r.levelname for r in caplog.records] == ["WARNING"]


def second_account(name: str, platform: str = "x") -> str:
    return BASE + f"""
[[accounts]]
id = "joetsu-x2"
platform = "{platform}"
name = "{name}"
url = "https://x.com/example2"
org = "koho"
intake_channel = "C0OTHER"
operators = ["U0OPERATOR"]
approvers = ["U0MANAGER"]
"""


@pytest.mark.parametrize("name", ["上越市公式X", "上越市公式Ｘ", "上越市公式x", "上越市 公式X", "上越市公式X　",
                                  # invisible in a menu: a zero-width space or joiner pasted from a web page
                                  "\\u200b上越市公式X", "上越市\\u200d公式X", "上越市公式X\\ufeff"])
def test_two_accounts_of_one_platform_named_alike_are_refused(name: str) -> None:
    """The account menus of the draft form and of a shared intake channel show only the name: two
    that look alike (a full-width Ｘ, a space) cannot be told apart, and a draft goes to the wrong one."""
    p = only_problem(second_account(name))
    assert p.line == 37 and "26 行目" in p.message and "joetsu-x" in p.message and "別の名前" in p.message


def test_one_name_on_two_platforms_is_allowed() -> None:
    """Many cities call every account just 「上越市」: on different platforms that is not a mistake."""
    assert len(parse_org_config(second_account("上越市公式X", platform="facebook")).accounts) == 2


def test_the_closed_days_check_starts_from_the_month_it_is_in_japan() -> None:
    """A dated list that closed every weekday of November 2026 is past on 1 December in Japan; on a
    UTC server from 00:00 to 09:00 JST the host's date was still 30 November, and the file was
    refused (serve did not start) until 09:00."""
    november = ", ".join(f'"2026-11-{d:02d}"' for d in range(1, 31))
    text = replace_line(BASE, 4, f'working_hours = "08:30-17:15"\nclosed_days = [{november}]')
    p = only_problem_at(text, date(2026, 11, 30))
    assert "2026年11月に業務日が1日もなくなります" in p.message
    assert len(parse_org_config(text, today=date(2026, 12, 1)).policy.closed_days) == 30


def only_problem_at(text: str, today: date) -> ConfigProblem:
    with pytest.raises(ConfigError) as err:
        parse_org_config(text, today=today)
    [p] = err.value.problems
    return p


def test_today_is_taken_in_the_time_zone_given() -> None:
    """The two ends of the world's clock are always on different dates: the zone given decides."""
    from bot.config import _today_in

    west, east = _today_in("Etc/GMT+12"), _today_in("Pacific/Kiritimati")
    assert west < east and east - west <= timedelta(days=2)


@pytest.mark.parametrize(("written", "says"), [
    ('"\\u200b"', "見えない文字だけ"),
    ('"\\u3000\\u200d"', "見えない文字だけ"),
    ('"上越市\\n公式X"', "改行（U+000A）"),
    ('"上越市\\t公式X"', "タブ（U+0009）が含まれています。名前にタブは使えません。"),
    ('"上越市\\u2028公式X"', "改行（U+2028）"),  # LINE SEPARATOR: Slack breaks the line there too
    ('"上越市\\u2029公式X"', "改行（U+2029）"),
])
def test_a_name_that_shows_blank_or_on_several_lines_is_refused(written: str, says: str) -> None:
    """A name is shown in headers, menus and App Home: one of invisible characters only showed as a
    blank menu item, and a line break split 「*上越市\\n公式X*」 so Slack showed the asterisks."""
    p = only_problem(BASE.replace('name = "上越市公式X"', f"name = {written}"))
    assert p.line == 26 and says in p.message and "name" in p.message


# A value of BASE, the same with a character Slack would show as it is, the line, what is said.
@pytest.mark.parametrize(("was", "now", "line", "says"), [
    ('"課長補佐", "係長"', '"課長補佐", "係\\u202e長"', 3, "[policy] の ranks にある職名「係\\u202e長」に文字の向きを変える制御文字（U+202E）"),
    ('"koho"', '"koho\\u2067"', 8, "[orgs] の id「koho\\u2067」に文字の向きを変える制御文字（U+2067）"),
    ('name = "広報対話課"', 'name = "広報\\u202e課話対"', 9, "[orgs] の name「広報\\u202e課話対」に文字の向きを変える制御文字（U+202E）"),
    ('name = "広報対話課"', 'name = "広報\\u001b[8m対話課"', 9, "[orgs] の name「広報\\x1b[8m対話課」に制御文字（U+001B）"),
    ('name = "上越 花子"', 'name = "上越\\u200f 花子"', 13, "[members] の name「上越\\u200f 花子」に文字の向きを指定する見えない文字（U+200F）"),
    ('"課長補佐", "係長"', '"課長補佐", "\\u200e係長"', 3, "[policy] の ranks にある職名「\\u200e係長」に文字の向きを指定する見えない文字（U+200E）"),
    ('"課長補佐", "係長"', '"課長補佐", "係\\t長"', 3, "[policy] の ranks にある職名「係\\t長」にタブ（U+0009）が含まれています。名前にタブは使えません。"),
    ('id = "joetsu-x"', 'id = "joetsu\\tx"', 24, "[accounts] の id「joetsu\\tx」にタブ（U+0009）が含まれています。id にタブは使えません。タブを削除してください。"),
    ('name = "高田 太郎"', 'name = "高田\\u0085太郎"', 19, "[members] の name「高田\\x85太郎」に改行（U+0085）"),
    ('id = "joetsu-x"', 'id = "joetsu-x\\u202d"', 24, "[accounts] の id「joetsu-x\\u202d」に文字の向きを変える制御文字（U+202D）"),
    ('name = "上越市公式X"', 'name = "\\u202e上越市公式X"', 26, "[accounts] の name「\\u202e上越市公式X」に文字の向きを変える制御文字（U+202E）"),
    ('name = "上越市公式X"', 'name = "上越市\\u009b2J公式X"', 26, "[accounts] の name「上越市\\x9b2J公式X」に制御文字（U+009B）"),
])
def test_a_name_slack_would_show_reversed_or_broken_is_refused_at_its_line(was: str, now: str, line: int,
                                                                          says: str) -> None:
    """A U+202E pasted with an account's name reversed it in every approver's DM (escaping it in the
    log and the CLI does not reach Slack); an ESC or a C1 CSI in a name is a command to whoever's
    terminal shows it. Every name the file gives (ranks, orgs, members, accounts) is refused so."""
    p = only_problem(BASE.replace(was, now))  # an org's id changed where members name it too
    assert p.line == line and printable(p.message).startswith(says), p.message


def test_names_with_japanese_full_width_spaces_and_joined_emoji_are_accepted() -> None:
    """What names are written with: full-width spaces, ideographic marks, an emoji joined by ZWJ with a
    variation selector (the family, a red heart), a zero-width joiner of an emoji flag sequence."""
    text = (BASE.replace('name = "上越 花子"', 'name = "上越　花子"').replace('name = "広報対話課"', 'name = "広報・対話課（本庁）"')
            .replace('name = "上越市公式X"', 'name = "上越市公式X 👨‍👩‍👧❤️🏳️‍🌈"')
            .replace('"課長補佐", "係長"', '"課長補佐", "係長（技術）"'))
    org = parse_org_config(text)
    assert [m.name for m in org.members] == ["上越　花子", "高田 太郎"]
    assert org.accounts[0].name == "上越市公式X 👨‍👩‍👧❤️🏳️‍🌈" and org.orgs[0].name == "広報・対話課（本庁）"


def test_a_tab_or_space_around_any_name_or_rank_is_stripped_alike() -> None:
    """A tab inside a name is refused (above), one around it is stripped as a space is: the same for a
    rank, an org's id and name, a member's name and rank, an account's id and name — so 「係長\\t」 in
    ranks and 「係長」 in a member's rank are one rank, and no name keeps an edge Slack would show."""
    text = (BASE.replace('"課長補佐", "係長"', '"課長補佐", "係長\\t"').replace('"koho"', '"\\tkoho "', 1)
            .replace('name = "広報対話課"', 'name = "広報対話課\\t"').replace('name = "上越 花子"', 'name = "\\t上越 花子"')
            .replace('rank = "課長補佐"', 'rank = "課長補佐\\t"').replace('id = "joetsu-x"', 'id = "joetsu-x\\t"')
            .replace('name = "上越市公式X"', 'name = " 上越市公式X\\t"'))
    org = parse_org_config(text)
    assert "係長" in org.policy.ranks and (org.orgs[0].id, org.orgs[0].name) == ("koho", "広報対話課")
    assert (org.members[0].name, org.members[0].rank) == ("上越 花子", "課長補佐")
    assert (org.accounts[0].id, org.accounts[0].name) == ("joetsu-x", "上越市公式X")


@pytest.mark.parametrize("written", ['"9999-12-31"', "9999-12-30", '"0001-01-01"', '"2200/1/5"'])
def test_a_closed_day_in_an_absurd_year_is_refused_not_a_traceback(written: str) -> None:
    """「9999-12-31」 (a far-off end date typed for 'forever') made `kessai config check` and serve
    fail with ValueError: year 10000 is out of range."""
    p = only_problem(replace_line(BASE, 4, f'working_hours = "08:30-17:15"\nclosed_days = [{written}]'))
    assert p.line == 5 and "2000年から2199年" in p.message


def test_arrays_nested_too_deep_are_refused_not_a_traceback() -> None:
    """tomllib recurses once per level: a file of thousands of 「[」 ended in RecursionError."""
    p = only_problem(BASE + "x = " + "[" * 5000 + "]" * 5000 + "\n")
    assert p.line is None and "入れ子" in p.message


def test_a_half_saved_file_met_at_shutdown_is_not_reported(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """serve's watch pauses on the stop signal's Event (c1ba66c): at SIGTERM the pause ends at once,
    and a file caught half-saved was read again straight away and reported as broken, an ERROR
    in the log of a clean shutdown for a save that was still being written."""
    import threading

    from bot.config import ConfigFileWatch

    path = tmp_path / "kessai.toml"
    path.write_text(BASE, encoding="utf-8")
    stopping = threading.Event()
    watch = ConfigFileWatch(path, path.read_bytes(), sleep=stopping.wait)
    path.write_bytes(BASE.encode()[: len(BASE.encode()) // 2])  # the editor is still writing it
    stopping.set()
    caplog.set_level("INFO", logger="bot.config")
    watch.check()
    assert [r.levelname for r in caplog.records] == []
def _with_second_account(account_id: str, platform: str, name: str) -> str:
    return BASE + f"""
[[accounts]]
id = "{account_id}"
platform = "{platform}"
name = "{name}"
url = "https://example.jp/"
org = "koho"
intake_channel = "C0INTAKE2"
operators = ["U0OPERATOR"]
approvers = ["U0MANAGER"]
deputies = []
"""


def test_a_name_two_accounts_share_as_written_reads_as_both() -> None:
    """One name on two platforms is allowed (every account called 「上越市」): the name as written
    picked the first of them, and /kessai password-rotated 上越市 recorded the X account's
    password change for someone who changed Instagram's. Alike in width or case it was refused."""
    org = parse_org_config(_with_second_account("joetsu-insta", "instagram", "上越市公式X"))
    assert [a.id for a in org.accounts_typed_as("上越市公式X")] == ["joetsu-x", "joetsu-insta"]
    assert [a.id for a in org.accounts_typed_as("上越市公式Ｘ")] == ["joetsu-x", "joetsu-insta"]
    # Ids are one each: an id picks its account even where it is also some account's name.
    assert [a.id for a in org.accounts_typed_as("joetsu-insta")] == ["joetsu-insta"]


def test_an_id_wins_over_another_accounts_name_and_folds_alike_are_ambiguous() -> None:
    org = parse_org_config(_with_second_account("Joetsu-X", "instagram", "上越市公式Instagram"))
    assert [a.id for a in org.accounts_typed_as("joetsu-x")] == ["joetsu-x"]
    assert [a.id for a in org.accounts_typed_as("Joetsu-X")] == ["Joetsu-X"]
    assert len(org.accounts_typed_as("ＪＯＥＴＳＵ－Ｘ")) == 2  # both read so


def test_a_name_typed_without_its_space_finds_the_account() -> None:
    """Config check takes names that differ only in spaces for one (the menus cannot tell them
    apart), but the typed name still had to match its spaces: 「上越市公式Instagram」 found nothing
    for an account named 「上越市 公式Instagram」."""
    org = parse_org_config(_with_second_account("joetsu-insta", "instagram", "上越市 公式Instagram"))
    assert [a.id for a in org.accounts_typed_as("上越市公式Instagram")] == ["joetsu-insta"]
    assert [a.id for a in org.accounts_typed_as("上越市　公式ｉｎｓｔａｇｒａｍ")] == ["joetsu-insta"]


def _startup_read(path: Path, during_pause: list[bytes | None]) -> tuple[object, list[float]]:
    """``read_org_config_settled`` where each pause lets the editor write the next content
    (None: the file is renamed away); returns what it read (or the ConfigError) and its pauses."""
    from bot.config import ConfigError, read_org_config_settled

    pauses: list[float] = []

    def pause(seconds: float) -> None:
        pauses.append(seconds)
        if during_pause:
            content = during_pause.pop(0)
            if content is None:
                path.unlink(missing_ok=True)
            else:
                path.write_bytes(content)

    try:
        return read_org_config_settled(path, sleep=pause), pauses
    except ConfigError as e:
        return e, pauses


@pytest.mark.parametrize("first", [b"half", None], ids=["written-half-way", "renamed-away"])
def test_a_file_caught_half_saved_at_startup_is_read_again_after_a_pause(tmp_path: Path, first: bytes | None) -> None:
    """systemd restarted kessai while the IT 担当 saved the file: the half it read stopped the start."""
    path = tmp_path / "kessai.toml"
    whole = BASE.encode()
    if first is not None:
        path.write_bytes(whole[: len(whole) // 2])
    got, pauses = _startup_read(path, [whole])
    assert isinstance(got, tuple) and got[1] == whole and got[0].accounts  # type: ignore[attr-defined]
    assert pauses == [2.0]


def test_a_file_that_stays_broken_at_startup_is_refused_after_one_pause(tmp_path: Path) -> None:
    from bot.config import ConfigError

    path = tmp_path / "kessai.toml"
    path.write_text(BASE.replace("[policy]", "[policy", 1), encoding="utf-8")
    got, pauses = _startup_read(path, [])
    assert isinstance(got, ConfigError) and pauses == [2.0]
    missing, pauses = _startup_read(tmp_path / "none.toml", [])
    assert isinstance(missing, ConfigError) and "見つかりません" in str(missing.problems[0]) and pauses == [2.0]


def test_a_file_still_being_rewritten_at_startup_is_read_three_times_at_most(tmp_path: Path) -> None:
    path = tmp_path / "kessai.toml"
    path.write_bytes(b"[a")
    got, pauses = _startup_read(path, [b"[ab", b"[abc", BASE.encode()])
    assert type(got).__name__ == "ConfigError" and len(pauses) == 2


def test_a_good_file_at_startup_is_read_once_without_a_pause(tmp_path: Path) -> None:
    path = tmp_path / "kessai.toml"
    path.write_text(BASE, encoding="utf-8")
    got, pauses = _startup_read(path, [])
    assert isinstance(got, tuple) and pauses == []


@pytest.mark.parametrize(
    ("platform", "hint"),
    [
        ("x\u200b", "目に見えない文字（ゼロ幅スペースなど）が含まれています。「x」と書き直してください。"),
        ("\u200einstagram", "目に見えない文字（ゼロ幅スペースなど）が含まれています。「instagram」と書き直してください。"),
        ("ｘ", "全角で書かれています。半角で「x」と書いてください。"),
        ("twitter\u200b", "X（旧 Twitter）は「x」と書きます。"),
    ],
)
def test_a_platform_with_an_invisible_character_says_so(platform: str, hint: str) -> None:
    """Copied from a web page with a zero-width space, 「x」 was refused with 「もしかして「x」ですか？」:
    the value and the suggestion looked the same, and nothing said what to correct."""
    with pytest.raises(ConfigError) as e:
        parse_org_config(_with_second_account("joetsu-x2", platform, "上越市 X 2"))
    [problem] = [p for p in e.value.problems if "platform" in p.message]
    assert hint in problem.message and "もしかして" not in problem.message


@pytest.mark.parametrize("url", ["postgresql://kessai:p@ss-secret@db:5432/kessai",
                                 "postgres://kessai:p@ss-secret@db/kessai?sslmode=require",
                                 # A / or ? after the @ (base64 passwords have /): SQLAlchemy took
                                 # 「ss-secret」 for the host, and the DNS failure printed it.
                                 "postgresql://kessai:p@ss-secret/wd@db:5432/kessai",
                                 "postgresql+psycopg://kessai:p@ss-secret?wd@db/kessai",
                                 "postgresql://kessai:p@ss-secret?wd@db/kessai?sslmode=require",
                                 # A : after it: the rest was read as a port, 「読み取れません」 alone.
                                 "postgresql://kessai:p@ss-secret:wd@db:5432/kessai",
                                 "postgresql://kessai:p@ss-secret@[::1]:5432/kessai"])
def test_an_at_sign_left_unescaped_in_the_database_url_is_named(url: str) -> None:
    # The password ended at its first @ and the rest was taken for the host: 「ホスト名が見つかりません」
    # followed, printing that rest of the password as the host the database server could not find.
    with pytest.raises(SettingsError) as err:
        load_settings({"DATABASE_URL": url}, dotenv=None)
    message = str(err.value)
    assert "%40" in message and "ss-secret" not in message


@pytest.mark.parametrize("url", ["postgresql://kessai:p%40ss@db:5432/kessai",
                                 # Azure's user@server user name: SQLAlchemy reads it as written.
                                 "postgresql://kessai@myserver:pw@db.postgres.database.azure.com/kessai",
                                 "postgresql://kessai%40myserver:p%40ss@db/kessai",
                                 "postgresql://kessai:pw@[::1]:5432/kessai",
                                 "postgresql://kessai@db/kessai",
                                 "postgresql://kessai:pa/ss?w#d@db/kessai",
                                 "postgresql://kessai:pw@db/kessai?options=-c%20x%3Dy@z&application_name=a@b",
                                 "postgresql+psycopg://kessai:pw@db/kessai?sslmode=require&user=kessai@myserver",
                                 "postgresql:///kessai?host=/var/run/postgresql"])
def test_an_at_sign_sqlalchemy_reads_as_meant_is_accepted(url: str) -> None:
    assert load_settings({"DATABASE_URL": url}, dotenv=None).database_url == url


@pytest.mark.parametrize("key", ["SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"])
@pytest.mark.parametrize("pasted", ["\u200b", "\uff11", " 2", "\u00a0"])
def test_a_secret_pasted_with_characters_no_token_has_is_refused(key: str, pasted: str) -> None:
    # A zero-width space or a full-width digit from a chat or a web page: the first call to Slack
    # failed in http.client's latin-1 header encoding with a bare traceback.
    value = {"SLACK_BOT_TOKEN": "xoxb-1-secretpart", "SLACK_APP_TOKEN": "xapp-1-secretpart",
             "SLACK_SIGNING_SECRET": "abc0123secretpart"}[key]
    with pytest.raises(SettingsError) as err:
        load_settings({key: value[:6] + pasted + value[6:]}, dotenv=None)
    assert len(err.value.problems) == 1
    assert key in err.value.problems[0] and "ゼロ幅スペース" in err.value.problems[0]
    assert "secretpart" not in err.value.problems[0]
    # Slack's page shows the signing secret with 「Show」: there is no 「Copy」 button to point at.
    shown = "「Show」で表示して" if key == "SLACK_SIGNING_SECRET" else "「Copy」ボタン"
    assert shown in err.value.problems[0]


def test_a_secret_with_a_trailing_newline_from_a_password_manager_is_accepted() -> None:
    s = load_settings({"SLACK_BOT_TOKEN": "xoxb-1-abc\n", "SLACK_SIGNING_SECRET": " abc\u3000"}, dotenv=None)
    assert (s.slack_bot_token, s.slack_signing_secret) == ("xoxb-1-abc", "abc")


@pytest.mark.parametrize(("url", "says"), [
    ("sqlite://kessai.db", "スラッシュ3つ"),  # was: SQLAlchemy's ArgumentError traceback
    ("sqlite://", "失われます"),  # was: accepted, an in-memory database each thread had its own of
    ("sqlite:///:memory:", "失われます"),
    # The URI spellings SQLAlchemy's documentation shows for an in-memory database (uri=true):
    # accepted, every 決裁 gone at the next restart.
    ("sqlite:///file::memory:?uri=true", "file::memory:"),
    ("sqlite:///file::memory:?cache=shared&uri=true", "失われます"),
    ("sqlite:///file:kessai?mode=memory&cache=shared&uri=true", "mode=memory"),
    ("sqlite+pysqlite:///file:?uri=1", "一時データベース"),  # SQLite's temporary database, deleted when closed
])
def test_a_sqlite_url_that_names_no_file_is_refused(url: str, says: str) -> None:
    with pytest.raises(SettingsError) as err:
        load_settings({"DATABASE_URL": url}, dotenv=None)
    assert len(err.value.problems) == 1 and says in err.value.problems[0]


@pytest.mark.skipif(os.sep != "/", reason="a Windows path is this host's own on Windows")
@pytest.mark.parametrize("url", ["sqlite:///C:\\kessai\\kessai.db", "sqlite:///C:/kessai/kessai.db",
                                 "sqlite:///D:kessai\\kessai.db", "sqlite:///data\\kessai.db",
                                 "sqlite:///file:C:/kessai/kessai.db?uri=true"])
def test_a_sqlite_path_written_as_on_windows_is_refused_on_this_server(url: str, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Copied from a Windows PC's notes, `db upgrade` made a file named 「C:\\kessai\\kessai.db」 in
    the working directory of a Linux server, and every 決裁 went into it."""
    with pytest.raises(SettingsError) as err:
        load_settings({"DATABASE_URL": url}, dotenv=None)
    assert len(err.value.problems) == 1 and "Windows の書き方です" in err.value.problems[0], err.value.problems
    assert "「/」" in err.value.problems[0]
    # Said by the command, and no file made.
    from bot.cli import main

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", url)
    assert main(["db", "upgrade"]) == 2 and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("url", ["sqlite:///kessai.db", "sqlite:////var/lib/kessai/決裁 台帳.db",
                                 "sqlite+pysqlite:///./data/kessai.db", "sqlite:///file:kessai.db?uri=true",
                                 "sqlite:///file::memory:"])  # without uri=true, a file of that name
def test_a_sqlite_url_naming_a_file_is_accepted(url: str) -> None:
    assert load_settings({"DATABASE_URL": url}, dotenv=None).database_url == url


def test_a_home_folder_written_as_tilde_in_dotenv_is_the_home_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # .env (and systemd's EnvironmentFile) expands nothing: 「~/kessai.toml が見つかりません」 was said
    # of a file that was there, and sqlite:///~/kessai.db made a folder named 「~」 in the working directory.
    monkeypatch.setenv("HOME", str(tmp_path))
    env_file = tmp_path / ".env"
    env_file.write_text("KESSAI_CONFIG=~/kessai/kessai.toml\nDATABASE_URL=sqlite:///~/data/kessai.db\n", encoding="utf-8")
    s = load_settings({}, dotenv=str(env_file))
    assert s.config_path == str(tmp_path / "kessai" / "kessai.toml")
    assert s.database_url == f"sqlite:///{tmp_path / 'data' / 'kessai.db'}"


@pytest.mark.parametrize("url", [
    "postgresql://kessai@db:5432/kessai?application_name=kessai@city",
    "postgres://db:5432/kessai?application_name=kessai@city",
    "postgresql://kessai:secret@db:5432/kessai?application_name=kessai@city",
    "postgresql://kessai@db:5432/kessai?sslmode=require&application_name=kessai@city",
    # A / after the @ (a certificate's path) was taken for a password's: database 「etc/ssl/root.crt」.
    "postgresql://kessai@db:5432/kessai?application_name=kessai@city&sslrootcert=/etc/ssl/root.crt",
])
def test_an_at_sign_in_a_query_value_is_read_as_the_query_s(url: str) -> None:
    """An @ is valid in a query (RFC 3986), but SQLAlchemy's make_url read the user name up to it:
    user 「kessai@db」 on host 「city」, and serve failed to find a host named 「city」."""
    from sqlalchemy.engine import make_url

    u = make_url(load_settings({"DATABASE_URL": url}, dotenv=None).database_url)
    assert (u.host, u.port, u.database) == ("db", 5432, "kessai")
    assert u.username in ("kessai", None) and u.query["application_name"] == "kessai@city"


def test_a_password_with_a_slash_and_a_question_mark_is_still_the_password_s() -> None:
    """Without %-escapes, u:ab/c?d=e@db is a password SQLAlchemy reads as meant: not a query."""
    from sqlalchemy.engine import make_url

    u = make_url(load_settings({"DATABASE_URL": "postgresql://u:ab/c?d=e@db/kessai"}, dotenv=None).database_url)
    assert (u.password, u.host, u.database) == ("ab/c?d=e", "db", "kessai")


def test_a_postgresql_url_is_left_as_written_when_expanding_home() -> None:
    url = "postgresql://kessai:p%40ss@db:5432/kessai?options=-c%20x%3D1"
    assert load_settings({"DATABASE_URL": url, "KESSAI_CONFIG": "/etc/kessai.toml"}, dotenv=None).database_url == url


def test_a_missing_relative_config_names_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """cron runs in the home folder: the mail said only 「kessai.toml: 設定ファイルが見つかりません。…
    kessai.example.toml をコピーして作ってください」, and nothing of where kessai had looked nor that
    the .env was not there either."""
    monkeypatch.chdir(tmp_path)
    for key in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DATABASE_URL"):
        monkeypatch.delenv(key, raising=False)
    with pytest.raises(ConfigError) as err:
        load_org_config("kessai.toml")
    said = str(err.value)
    assert str(tmp_path) in said and ".env もありません" in said and "cd /opt/kessai" in said
    assert f"{tmp_path} の中で探しました" in said and "からの場所ですが" not in said
    (tmp_path / ".env").write_text("KESSAI_CONFIG=kessai.toml\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_org_config("kessai.toml")
    said = str(err.value)
    assert str(tmp_path) in said and ".env もありません" not in said and "kessai.example.toml" in said
    with pytest.raises(ConfigError) as err:
        load_org_config(tmp_path / "missing.toml")  # an absolute name says where it is already
    assert "作業フォルダー" not in str(err.value)


@pytest.mark.parametrize("key", ["SLACK_BOT_TOKEN", "DATABASE_URL"])
def test_a_missing_relative_config_with_settings_from_the_environment_does_not_ask_for_env(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, key: str) -> None:
    """docker compose or systemd Environment= give the settings with no .env anywhere: the message
    said 「このフォルダーには .env もありません….env のあるフォルダーに移って」, sending the reader to
    look for a file that was never used."""
    monkeypatch.chdir(tmp_path)
    for other in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DATABASE_URL"):
        monkeypatch.delenv(other, raising=False)
    monkeypatch.setenv(key, "postgresql://kessai@db/kessai" if key == "DATABASE_URL" else "xoxb-1")
    with pytest.raises(ConfigError) as err:
        load_org_config("kessai.toml")
    said = str(err.value)
    assert f"{tmp_path} の中で探しました" in said and ".env" not in said, said
    assert "環境変数" in said and "KESSAI_CONFIG" in said and "WorkingDirectory" in said
    monkeypatch.setenv(key, " ")  # empty counts as unset, as in load_settings
    with pytest.raises(ConfigError) as err:
        load_org_config("kessai.toml")
    assert ".env もありません" in str(err.value)


@pytest.mark.parametrize("token", ["xoxb-1234-5678-abcdef", "xapp-1-A0-2-abcdef", "xoxp-1-2-abcdef",
                                   "xoxe.xoxp-1-abcdef"])
def test_a_token_in_place_of_the_signing_secret_is_refused(token: str, tmp_path: Path) -> None:
    """serve started with it, and every draft and button was then refused 401 as a bad signature."""
    dotenv = tmp_path / ".env"
    dotenv.write_text(f"SLACK_BOT_TOKEN=xoxb-1-2\nSLACK_SIGNING_SECRET={token}\n", encoding="utf-8")
    with pytest.raises(SettingsError) as err:
        load_settings({}, dotenv=str(dotenv))
    [problem] = err.value.problems
    assert problem.startswith("SLACK_SIGNING_SECRET に x") and "「Basic Information」" in problem
    assert "abcdef" not in problem
    # A signing secret (hex) and the made-up ones of trials and tests stay accepted.
    for secret in ("0123456789abcdef0123456789abcdef", "trial-secret", "xoxo-not-a-token"):
        assert load_settings({"SLACK_SIGNING_SECRET": secret}, dotenv=None).slack_signing_secret == secret


@pytest.mark.parametrize("token", ["xoxp-1-2-abcdef", "xoxe-1-abcdef", "xoxe.xoxb-1-abcdef"])
def test_a_user_or_refresh_token_in_place_of_the_app_token_is_refused(token: str) -> None:
    """Socket Mode failed on it with not_allowed_token_type, said as 「しばらくしてから再度お試しください」."""
    with pytest.raises(SettingsError) as err:
        load_settings({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": token}, dotenv=None)
    [problem] = err.value.problems
    assert problem.startswith(f"SLACK_APP_TOKEN に {token[:5]} で始まる") and "xapp-" in problem
    assert "abcdef" not in problem


@pytest.mark.parametrize(("url", "said"), [
    ("postgre://kessai:pw-secret@db/kessai", "「postgre://」は PostgreSQL の書き方ではありません"),
    ("postgressql://kessai:pw-secret@db/kessai", "「postgressql://」は PostgreSQL の書き方ではありません"),
    ("psql://kessai:pw-secret@db/kessai", "「postgresql://」で始めてください"),
    ("sqlite3:///kessai.db", "「sqlite3:」は SQLite の書き方ではありません"),
    ("sqlite:/kessai.db", "スラッシュ3つ"),
    ("/var/lib/kessai/kessai.db", "sqlite:////var/lib/kessai/kessai.db のように書いてください"),
    ("kessai.db", "sqlite:///kessai.db のように書いてください"),
    ("mongodb://db/kessai", "「mongodb」には対応していません"),  # another database: not a misspelling
])
def test_a_database_url_of_a_misspelt_scheme_or_a_bare_file_says_how_to_write_it(url: str, said: str) -> None:
    """Each was 「対応していません」 or 「読み取れません」 with no word of the spelling meant."""
    with pytest.raises(SettingsError) as err:
        load_settings({"DATABASE_URL": url}, dotenv=None)
    [problem] = err.value.problems
    assert said in problem and "pw-secret" not in problem


def test_a_capitalised_database_url_scheme_is_read_as_written_in_lower_case() -> None:
    assert load_settings({"DATABASE_URL": "Postgresql://kessai@db/kessai"}, dotenv=None).database_url == (
        "postgresql://kessai@db/kessai")
    assert load_settings({"DATABASE_URL": "SQLite:///kessai.db"}, dotenv=None).database_url == "sqlite:///kessai.db"


def test_a_setting_written_twice_in_dot_env_with_different_values_is_refused(tmp_path: Path) -> None:
    """A value added at the top of a copied .env.example, above its own line: the last line won,
    silently. DATABASE_URL then opened a new SQLite file instead of the PostgreSQL written above."""
    dotenv = tmp_path / ".env"
    dotenv.write_bytes(b"DATABASE_URL=postgresql://kessai:pw-secret@db/kessai\r\n\r\n# Slack\r\n"
                       b"SLACK_BOT_TOKEN=xoxb-1-secret\r\n\r\n\r\nDATABASE_URL=sqlite:///kessai.db\r\nSLACK_BOT_TOKEN=\r\n")
    with pytest.raises(SettingsError) as err:
        load_settings({}, dotenv=str(dotenv))
    assert err.value.problems == [
        f"{dotenv} の 1・7 行目に DATABASE_URL が 2 回、違う値で書かれています。kessai は最後の 7 行目の値を使い、"
        "それより前の行は使いません。使う値の 1 行だけを残してください。",
        f"{dotenv} の 4・8 行目に SLACK_BOT_TOKEN が 2 回、違う値で書かれています。kessai は最後の 8 行目を使うため、"
        "SLACK_BOT_TOKEN は設定されていないことになります。使う値の 1 行だけを残してください。"]
    # Set in the environment, .env's lines are not what is read; the same value twice changes nothing.
    assert load_settings({"DATABASE_URL": "sqlite:///x.db", "SLACK_BOT_TOKEN": "xoxb-2"},
                         dotenv=str(dotenv)).database_url == "sqlite:///x.db"
    dotenv.write_text("SLACK_BOT_TOKEN=xoxb-1\nexport SLACK_BOT_TOKEN=\"xoxb-1 \"\n", encoding="utf-8")
    assert load_settings({}, dotenv=str(dotenv)).slack_bot_token == "xoxb-1"
