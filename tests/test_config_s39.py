"""The organisation file and .env as an IT 担当 writes them once, attacked with what installers
really produce (session 39): every mistake is refused with one clear Japanese message on its line
that says what to write instead, never a traceback and never a silent acceptance; a slip kessai
can read as meant is read as meant.

New here: a value of the wrong type is answered with the line to write (「"1"」 was 「整数で書いて
ください（今は文字列です）」 alone, and the person's second try failed again); ranks written in one
"..." were refused as 8 problems about members' lines that were right and none about the ranks;
「id = "U0…"」 in [[members]] was three problems and no 「もしかして slack_id」; a misspelt required
key was said twice; a CR-only file was 「（tomllib: Found invalid character '\\r'）」; a .env line
copied from a Windows batch file (set KEY=…) was said to be missing; SLACK_APP_TOKEN=false (meant:
HTTP mode) started serve in Socket Mode with 「false」 for its token."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import (
    NOT_UTF8_JA,
    ConfigError,
    SettingsError,
    load_org_config,
    load_settings,
    parse_org_config,
)
from tests.test_cli import kessai
from tests.test_config_s32 import DEMO, edited, line_of, problems

RANKS = 'ranks = ["部長", "次長", "課長", "課長補佐", "係長", "主査", "主任", "主事", "会計年度任用職員"]'
APPROVERS = 'approvers = ["U0MANAGER", "U0CHIEF"]'
MEMBER = '[[members]]\nslack_id = "U0MANAGER"'
RULE = '\n[rules."pii.email"]\n'


def appended(extra: str) -> str:
    return DEMO + extra


# (edit, what the one problem says, the text on its line). Marked NEW: refused before too, but
# without the words asserted (or with other problems beside it).
REFUSED: list[tuple[str, tuple[str, str], tuple[str, ...], str]] = [
    # --- a value of the wrong type, answered with the line to write (NEW) ---
    ("int-quoted", ("min_posts_per_month = 1", 'min_posts_per_month = "1"'),
     ("整数で書いてください（今は文字列です）", "「\"」で囲まず、半角の数字だけで min_posts_per_month = 1 のように"),
     'min_posts_per_month = "1"'),
    ("int-full-width-quoted", ("min_posts_per_month = 1", 'min_posts_per_month = "２"'),
     ("min_posts_per_month = 2 のように",), 'min_posts_per_month = "２"'),
    ("int-with-day-unit-ja", ("password_rotation_days = 90", 'password_rotation_days = "90日"'),
     ("password_rotation_days = 90 のように",), "password_rotation_days ="),
    ("int-with-day-unit", ("password_rotation_days = 90", 'password_rotation_days = "180d"'),
     ("password_rotation_days = 180 のように",), "password_rotation_days ="),
    ("int-as-word", ("password_rotation_days = 90", 'password_rotation_days = "三か月"'),
     ("password_rotation_days = 90 のように",), "password_rotation_days ="),
    ("int-as-float", ("password_rotation_days = 90", "password_rotation_days = 60.0"),
     ("password_rotation_days = 60 のように、小数点を付けずに",), "password_rotation_days ="),
    ("duration-bare-number", ('approval_reminder_after = "2h"', "approval_reminder_after = 2"),
     ('approval_reminder_after = "2m" や "2h" のように', "d＝業務日、h＝時間、m＝分"), "approval_reminder_after = 2"),
    # "1.5h" is refused by the duration's own check: the fraction as hours and minutes.
    ("duration-with-a-fraction", ('approval_reminder_after = "2h"', "approval_reminder_after = 1.5"),
     ('小数点は使えません。1.5 時間なら approval_reminder_after = "1h30m" のように',), "approval_reminder_after ="),
    ("duration-under-an-hour", ('approval_reminder_after = "2h"', "approval_reminder_after = 0.25"),
     ('approval_reminder_after = "15m" のように',), "approval_reminder_after ="),
    ("duration-bare-minutes", ('incident_ack_within = "15m"', "incident_ack_within = 15"),
     ('incident_ack_within = "15m" や "15h"',), "incident_ack_within = 15"),
    ("hours-as-toml-time", ('working_hours = "08:30-17:15"', "working_hours = 08:30:00"),
     ('working_hours = "08:30-17:15" のように、開始と終了を「-」でつないで',), "working_hours = 08"),
    ("hours-as-array", ('working_hours = "08:30-17:15"', 'working_hours = ["08:30", "17:15"]'),
     ('working_hours = "08:30-17:15" のように',), "working_hours = ["),
    ("channel-in-brackets", ('intake_channel = "C0INTAKE"', 'intake_channel = ["C0INTAKE"]'),
     ('「[ ]」を外して intake_channel = "C0INTAKE" のように書いてください（1つだけ書けます）',), 'intake_channel = ["'),
    ("ids-as-one-string", (APPROVERS, 'approvers = "U0MANAGER, U0CHIEF"'),
     ('approvers = ["U0MANAGER", "U0CHIEF"] のように、全体を「[ ]」で囲み',), 'approvers = "'),
    ("id-without-brackets", (APPROVERS, 'approvers = "U0MANAGER"'),
     ('approvers = ["U0MANAGER"] のように',), 'approvers = "'),
    ("hashtags-spaced-string", ("hashtags = []", 'hashtags = "上越市 joetsu"'),
     ('hashtags = ["上越市", "joetsu"] のように',), 'hashtags = "'),
    ("domains-as-string", ('allowed_link_domains = ["city.joetsu.niigata.jp"]',
                           'allowed_link_domains = "city.joetsu.niigata.jp"'),
     ('allowed_link_domains = ["city.joetsu.niigata.jp"] のように',), "allowed_link_domains ="),
    ("ranks-as-string", (RANKS, 'ranks = "部長、次長、課長、課長補佐、係長、主査、主任、主事、会計年度任用職員"'),
     ('ranks = ["部長", "次長", "課長", "課長補佐", "係長", "主査", "主任", "主事", "会計年度任用職員"] のように',), "ranks ="),
    # --- several names or IDs in one "..." (NEW: one problem on its line, not a cascade) ---
    ("ranks-joined-by-touten", (RANKS, 'ranks = ["部長、次長、課長、課長補佐、係長、主査、主任、主事、会計年度任用職員"]'),
     ("職名をいくつか1つの \"...\" に書いたように見えます", 'ranks = ["部長", "次長", "課長", "課長補佐", "係長"'),
     "ranks ="),
    ("ranks-joined-by-commas", (RANKS, 'ranks = ["部長,次長,課長,課長補佐,係長,主査,主任,主事,会計年度任用職員"]'),
     ("職名をいくつか1つの",), "ranks ="),
    ("ranks-joined-by-spaces", (RANKS, 'ranks = ["部長 次長 課長 課長補佐 係長 主査 主任 主事 会計年度任用職員"]'),
     ("職名をいくつか1つの",), "ranks ="),
    ("two-ids-one-string", (APPROVERS, 'approvers = ["U0MANAGER、U0CHIEF"]'),
     ('1つの "..." に ID が 2 つ入っています。["U0MANAGER", "U0CHIEF"] のように',), "approvers ="),
    ("two-channels-one-string", ('escalation_channel = "C0ESCALATE"', 'escalation_channel = "C0ESCALATE, C0JOHO"'),
     ("ここにはチャンネルを1つだけ書けます",), "escalation_channel ="),
    # --- a key under another name (NEW: one problem, the name to write, no 「登録されていません」) ---
    ("member-id-for-slack-id", (MEMBER, '[[members]]\nid = "U0MANAGER"'),
     ("知らないキー「id」があります。[members] に slack_id がありません。この行が slack_id のつもりなら、キーの名前を「slack_id」にしてください。",),
     'id = "U0MANAGER"'),
    ("member-user-id", (MEMBER, '[[members]]\nuser_id = "U0MANAGER"'),
     ("キーの名前を「slack_id」にしてください",), "user_id ="),
    ("member-SlackID", (MEMBER, '[[members]]\nSlackID = "U0MANAGER"'),
     ("キーの名前を「slack_id」にしてください",), "SlackID ="),
    ("member-note-beside-a-missing-name", ('name = "上越 花子"', 'memo = "広報担当"'),
     ("知らないキー「memo」があります。[members] に name がありません。",), "memo ="),
    ("phone-numbers-in-one-string", ('official_phone_numbers = ["025-526-5111"]',
                                     'official_phone_numbers = "025-526-5111、025 526 5112"'),
     ('official_phone_numbers = ["025-526-5111", "025 526 5112"] のように',), "official_phone_numbers ="),
    # --- an org written by its department's name (NEW: the id to write, not 「add an [[orgs]] of that id」) ---
    ("member-org-by-name", ('org = "koho"\nrank = "課長補佐"', 'org = "広報対話課"\nrank = "課長補佐"'),
     ("[members] の org「広報対話課」は [[orgs]] の name です。「広報対話課」の id は「koho」です。"
      'org = "koho" のように、org には [[orgs]] の id を書いてください。',), 'org = "広報対話課"'),
    ("account-org-by-name", ('org = "koho"\nintake_channel = "C0INTAKE"', 'org = "広報対話課"\nintake_channel = "C0INTAKE"'),
     ("org「広報対話課」は [[orgs]] の name です。「広報対話課」の id は「koho」です。",), 'org = "広報対話課"'),
    ("required-key-misspelt", (APPROVERS, 'approver = ["U0MANAGER", "U0CHIEF"]'),
     ("知らないキー「approver」があります。もしかして「approvers」ですか？",), "approver ="),
    # --- typos in keys (pinned) ---
    ("key-run-together", ('working_hours = "08:30-17:15"', 'workinghours = "08:30-17:15"'),
     ("もしかして「working_hours」ですか？",), "workinghours"),
    ("key-hyphen", ('working_hours = "08:30-17:15"', 'working-hours = "08:30-17:15"'),
     ("もしかして「working_hours」ですか？",), "working-hours"),
    ("key-capitals", ('working_hours = "08:30-17:15"', 'Working_Hours = "08:30-17:15"'),
     ("もしかして「working_hours」ですか？",), "Working_Hours"),
    ("rule-code-typo", ("", ""), ("もしかして「pii.email」ですか？",), '[rules."pii.emial"]'),
    # --- TOML itself: full-width, duplicates, headers (pinned) ---
    ("full-width-digit-bare", ("min_posts_per_month = 1", "min_posts_per_month = １"),
     ("全角の英数字",), "min_posts_per_month = １"),
    ("full-width-quotes", ('rank = "課長補佐"', "rank = “課長補佐”"), ("全角の「“」",), "rank = “"),
    ("full-width-equals", ('rank = "課長補佐"', 'rank ＝ "課長補佐"'), ("全角の「＝」",), "rank ＝"),
    ("full-width-space", ('rank = "課長補佐"', 'rank\u3000= "課長補佐"'), ("全角の空白",), "rank\u3000"),
    ("duplicate-policy-table", ("[[orgs]]", "[policy]\nmin_posts_per_month = 2\n\n[[orgs]]"),
     ("同じ見出しが2回あります",), "[policy]\nmin_posts_per_month = 2"),
    ("duplicate-key", ("min_posts_per_month = 1", "min_posts_per_month = 1\nmin_posts_per_month = 2"),
     ("同じキーが2回書かれています",), "min_posts_per_month = 2"),
    ("orgs-single-brackets", ('[[orgs]]\nid = "koho"', '[orgs]\nid = "koho"'),
     ("[[orgs]]（角かっこ2つ）",), '[[orgs]]\nid = "joho"'),
    ("japanese-header", ("[policy]", "[ポリシー]"), ("キーに使えない文字があります",), "[ポリシー]"),
    ("cr-only-line-ends", ("", ""), ("改行コードが CR だけの改行があります", "LF（または CRLF）"), "[policy]"),
    # --- Slack IDs pasted as something else (pinned) ---
    ("channel-lower-case", ('escalation_channel = "C0ESCALATE"', 'escalation_channel = "c0escalate"'),
     ("もしかして「C0ESCALATE」ですか？",), "escalation_channel ="),
    ("channel-reference", ('intake_channel = "C0INTAKE"', 'intake_channel = "<#C0INTAKE|koho-x>"'),
     ("もしかして「C0INTAKE」ですか？",), "intake_channel ="),
    ("channel-url", ('escalation_channel = "C0ESCALATE"',
                     'escalation_channel = "https://joetsu.slack.com/archives/C0ESCALATE"'),
     ("もしかして「C0ESCALATE」ですか？",), "escalation_channel ="),
    ("channel-name", ('escalation_channel = "C0ESCALATE"', 'escalation_channel = "情報政策室"'),
     ("チャンネル名ではなく",), "escalation_channel ="),
    ("user-lower-case", (APPROVERS, 'approvers = ["u0manager", "U0CHIEF"]'), ("もしかして「U0MANAGER」ですか？",),
     "approvers ="),
    ("user-mention", (APPROVERS, 'approvers = ["<@U0MANAGER>", "U0CHIEF"]'), ("もしかして「U0MANAGER」ですか？",),
     "approvers ="),
    ("user-profile-url", (APPROVERS, 'approvers = ["https://joetsu.slack.com/team/U0MANAGER", "U0CHIEF"]'),
     ("もしかして「U0MANAGER」ですか？",), "approvers ="),
    ("user-email", (APPROVERS, 'approvers = ["hanako@city.joetsu.niigata.jp", "U0CHIEF"]'),
     ("Slack のユーザーID に見えません",), "approvers ="),
    # --- who may decide (pinned) ---
    ("approver-below-kacho-hosa", (APPROVERS, 'approvers = ["U0OPERATOR", "U0CHIEF"]'),
     ("決裁者には課長補佐以上の職員を指定してください",), "approvers ="),
    ("deputy-below-kacho-hosa", ('deputies = ["U0DEPUTY"]', 'deputies = ["U0OPERATOR"]'),
     ("代決者には課長補佐以上の職員を指定してください",), "deputies ="),
    ("deputy-also-approver", ('deputies = ["U0DEPUTY"]', 'deputies = ["U0MANAGER"]'),
     ("approvers と deputies の両方に入っています",), "deputies ="),
    ("no-approvers", (APPROVERS, "approvers = []"), ("approvers が空です",), "approvers = []"),
    ("no-operators", ('operators = ["U0OPERATOR", "U0OPERATOR2"]', "operators = []"), ("operators が空です",),
     "operators = []"),
    ("escalation-is-intake", ('intake_channel = "C0INSTA"', 'intake_channel = "C0ESCALATE"'),
     ("intake_channel と同じチャンネルです",), "escalation_channel ="),
    # --- values (pinned) ---
    ("platform-twitter", ('platform = "x"', 'platform = "twitter"'), ("X（旧 Twitter）は「x」と書きます",), "platform ="),
    ("domain-with-scheme", ('allowed_link_domains = ["city.joetsu.niigata.jp"]',
                            'allowed_link_domains = ["https://www.city.joetsu.niigata.jp/"]'),
     ("https:// や @ や / を付けずにドメインだけ",), "allowed_link_domains ="),
    ("phone-international", ('official_phone_numbers = ["025-526-5111"]', 'official_phone_numbers = ["+81-25-526-5111"]'),
     ("市外局番から書いてください",), "official_phone_numbers ="),
    ("duration-in-japanese", ('approval_reminder_after = "2h"', 'approval_reminder_after = "2時間"'),
     ("期間「2時間」を読み取れません",), "approval_reminder_after ="),
    ("hours-in-japanese", ('working_hours = "08:30-17:15"', 'working_hours = "8時30分-17時15分"'),
     ("「08:30-17:15」のように",), "working_hours ="),
    ("bool-quoted", ("", ""), ("「\"」で囲まず、enabled = false のように半角の英小文字で",), "enabled ="),
    ("bool-in-japanese", ("", ""), ("enabled = true のように",), "enabled ="),
    ("bool-as-other-word", ("", ""), ("enabled = true か enabled = false のように",), "enabled ="),
]
# Edits that are not a replacement of the demo's text.
WHOLE = {
    "rule-code-typo": appended('\n[rules."pii.emial"]\nseverity = "warning"\n'),
    "cr-only-line-ends": DEMO.replace("\n", "\r"),
    "bool-quoted": appended(RULE + 'enabled = "false"\n'),
    "bool-in-japanese": appended(RULE + 'enabled = "はい"\n'),
    "bool-as-other-word": appended(RULE + 'enabled = "要確認"\n'),
}


@pytest.mark.parametrize(("case", "edit", "says", "on"), REFUSED, ids=[c[0] for c in REFUSED])
def test_a_mistake_is_one_problem_on_its_line_saying_what_to_write(case: str, edit: tuple[str, str],
                                                                    says: tuple[str, ...], on: str) -> None:
    text = WHOLE.get(case) or edited(edit)
    [(line, message)] = problems(text)
    for words in says:
        assert words in message, message
    # A CR-only file is one line to tomllib (and to any reader counting LFs).
    assert line == (1 if case == "cr-only-line-ends" else line_of(text, on)), (line, message)


@pytest.mark.parametrize("rank", ["主査（技術、事務）", "参事 兼 課長", "課長、室長", "主任 主事 補", "Deputy Section Chief"])
@pytest.mark.parametrize("held", [True, False], ids=["held", "unheld"])
def test_a_rank_with_a_touten_or_spaces_in_its_name_is_one_rank(rank: str, held: bool) -> None:
    """A name with its 、 in brackets, or held as written by a member, or held by no one (its parts
    not ranks anyone holds) is one rank, not names joined: refusing it stopped a serve that ran on
    the same file before."""
    text = edited((RANKS, RANKS.replace('"主査"', f'"主査", "{rank}"')))
    if held:
        text = text.replace('rank = "係長"', f'rank = "{rank}"')
    org = parse_org_config(text, "kessai.toml")
    assert rank in org.policy.ranks
    assert any(m.rank == rank for m in org.members) == held


def test_a_misspelt_key_beside_a_missing_one_still_says_the_missing_one() -> None:
    """「deputy」 is deputies misspelt: approvers, missing as well, is still said (the key that
    stands for a missing one is only the key nothing else was meant by)."""
    text = edited((APPROVERS + '\ndeputies = ["U0DEPUTY"]', 'deputy = ["U0DEPUTY"]'))
    said = [m for _, m in problems(text)]
    assert any("approvers がありません" in m for m in said), said
    assert any("もしかして「deputies」ですか？" in m for m in said), said


@pytest.mark.parametrize(("case", "edit", "check"), [
    ("tab-indented", ("min_posts_per_month = 1", "\tmin_posts_per_month = 2"),
     lambda org: org.policy.min_posts_per_month == 2),
    ("hashtags-with-marks", ('hashtags = ["上越市", "joetsu", "高田城址公園"]', 'hashtags = ["#上越市", "＃joetsu"]'),
     lambda org: org.account("joetsu-insta").hashtags == ("上越市", "joetsu")),
    ("rank-with-trailing-full-width-space", ('rank = "課長補佐"', 'rank = "課長補佐\u3000"'),
     lambda org: org.member("U0MANAGER").rank == "課長補佐"),
    ("full-width-hours", ('working_hours = "08:30-17:15"', 'working_hours = "０８：３０－１７：１５"'),
     lambda org: f"{org.policy.working_start:%H:%M}-{org.policy.working_end:%H:%M}" == "08:30-17:15"),
    ("closed-day-as-written-in-a-notice", ("password_rotation_days = 90",
                                           'password_rotation_days = 90\nclosed_days = ["2027/06/23", "6月23日"]'),
     lambda org: len(org.policy.closed_days) == 2),
])
def test_a_slip_read_as_meant(case: str, edit: tuple[str, str], check: object) -> None:
    org = parse_org_config(edited(edit), "kessai.toml")
    assert callable(check) and check(org), case


@pytest.mark.parametrize(("encoding", "refused_on"), [
    ("utf-8-sig-crlf", None), ("utf-16", None), ("cp932", 5), ("euc_jp", 5),
])
def test_the_file_as_an_editor_saved_it(tmp_path: Path, encoding: str, refused_on: int | None) -> None:
    """メモ帳's UTF-8 with a BOM and CRLF, 「Unicode」 (UTF-16) are read; Shift_JIS and EUC-JP are
    refused on the first line with Japanese in it, saying to save it as UTF-8."""
    path = tmp_path / "kessai.toml"
    text = DEMO.replace("\n", "\r\n") if encoding.endswith("crlf") else DEMO
    path.write_bytes(text.encode(encoding.removesuffix("-crlf")))
    if refused_on is None:
        assert len(load_org_config(path).accounts) == 2
        return
    with pytest.raises(ConfigError) as e:
        load_org_config(path)
    [problem] = e.value.problems
    assert problem.line == refused_on and problem.message == NOT_UTF8_JA


def test_config_check_says_joined_ranks_in_one_problem(tmp_path: Path) -> None:
    """The whole loop: before, 8 problems on the members' lines (each right) and the ranks' line
    unnamed; the IT 担当 was sent to add 「課長補佐」 to a list they could see it in."""
    config = tmp_path / "kessai.toml"
    config.write_text(edited((RANKS, 'ranks = ["部長、次長、課長、課長補佐、係長、主査、主任、主事、会計年度任用職員"]')),
                      encoding="utf-8")
    r = kessai("config", "check", "--config", str(config), cwd=tmp_path)
    assert r.returncode == 1 and "1 件の問題があります" in r.stderr, r.stderr
    assert "kessai.toml:6: [policy] の ranks の「部長、次長、" in r.stderr, r.stderr
    assert "Traceback" not in r.stderr


# --- .env ------------------------------------------------------------------------------------

BOT = "xoxb-1234-5678-abcdef"
SECRET = "0123456789abcdef0123456789abcdef"


def settings_from(tmp_path: Path, text: str | bytes) -> tuple[object | None, list[str]]:
    dotenv = tmp_path / ".env"
    if isinstance(text, bytes):
        dotenv.write_bytes(text)
    else:
        dotenv.write_text(text, encoding="utf-8", newline="")
    try:
        return load_settings(env={}, dotenv=str(dotenv)), []
    except SettingsError as e:
        return None, e.problems


DOTENV: list[tuple[str, str | bytes, str]] = [
    # NEW: copied from a Windows batch file or PowerShell; before, 「SLACK_BOT_TOKEN が設定されていません」.
    ("batch-set", f"set SLACK_BOT_TOKEN={BOT}\nSLACK_SIGNING_SECRET={SECRET}\n",
     ".env の 1 行目: SLACK_BOT_TOKEN の行が「set」で始まっていて、読み取れません。.env には「set」を付けずに「SLACK_BOT_TOKEN=値」"),
    ("powershell", f'SLACK_BOT_TOKEN={BOT}\n$env:SLACK_SIGNING_SECRET="{SECRET}"\n',
     ".env の 2 行目: SLACK_SIGNING_SECRET の行が「$env:」で始まっていて"),
    # NEW: SLACK_APP_TOKEN taken for a switch; 「false」 started Socket Mode with 「false」 for a token.
    ("app-token-false", f"SLACK_BOT_TOKEN={BOT}\nSLACK_APP_TOKEN=false\nSLACK_SIGNING_SECRET={SECRET}\n",
     "SLACK_APP_TOKEN「false」はトークンではありません。SLACK_APP_TOKEN はオン・オフの切り替えではなく"),
    ("app-token-true", f"SLACK_BOT_TOKEN={BOT}\nSLACK_APP_TOKEN=true\n", "xapp- で始まるトークンを書き"),
    ("app-token-zero", f"SLACK_BOT_TOKEN={BOT}\nSLACK_APP_TOKEN=0\nSLACK_SIGNING_SECRET={SECRET}\n",
     "HTTP モードなら「SLACK_APP_TOKEN=」のように空に"),
    ("app-token-off-quoted", f'SLACK_BOT_TOKEN={BOT}\nSLACK_APP_TOKEN="OFF"\nSLACK_SIGNING_SECRET={SECRET}\n',
     "SLACK_APP_TOKEN「OFF」はトークンではありません"),
    # NEW: any other word meant as HTTP mode started Socket Mode with it for a token, as 「false」 did.
    ("app-token-disabled", f"SLACK_BOT_TOKEN={BOT}\nSLACK_APP_TOKEN=disabled\nSLACK_SIGNING_SECRET={SECRET}\n",
     "SLACK_APP_TOKEN「disabled」はトークンではありません。SLACK_APP_TOKEN はオン・オフの切り替えではなく"),
    ("app-token-nashi", f"SLACK_BOT_TOKEN={BOT}\nSLACK_APP_TOKEN=なし\nSLACK_SIGNING_SECRET={SECRET}\n",
     "SLACK_APP_TOKEN「なし」はトークンではありません"),
    ("app-token-dash", f"SLACK_BOT_TOKEN={BOT}\nSLACK_APP_TOKEN=-\n", "SLACK_APP_TOKEN「-」はトークンではありません"),
    ("app-token-none", f"SLACK_BOT_TOKEN={BOT}\nSLACK_APP_TOKEN=None\n", "SLACK_APP_TOKEN「None」はトークンではありません"),
    # A long value may be a secret on the wrong line: not echoed.
    ("app-token-secret-pasted", f"SLACK_BOT_TOKEN={BOT}\nSLACK_APP_TOKEN={SECRET}\n",
     "SLACK_APP_TOKEN の値はトークンではありません。"),
    # NEW: after a blank line the unread line was looked for one line up (python-dotenv counts from
    # the blank line), not named, and the token was said to be missing.
    ("key-with-space-after-blank-line", f"SLACK_SIGNING_SECRET={SECRET}\n\nSLACK_BOT_TOKEN {BOT}\n",
     ".env の 3 行目: SLACK_BOT_TOKEN の行に「=」がなく"),
    # Pinned.
    ("user-token-for-bot", f"SLACK_BOT_TOKEN=xoxp-1-2-3\nSLACK_SIGNING_SECRET={SECRET}\n",
     "SLACK_BOT_TOKEN に xoxp- で始まるユーザートークン"),
    ("bot-token-for-app", f"SLACK_BOT_TOKEN={BOT}\nSLACK_APP_TOKEN={BOT}\n", "SLACK_APP_TOKEN に xoxb- で始まるボットトークン"),
    ("secret-with-spaces", f"SLACK_BOT_TOKEN={BOT}\nSLACK_SIGNING_SECRET=0123 4567 89ab cdef\n",
     "Signing Secret には使われない文字"),
    ("token-in-japanese-quotes", f"SLACK_BOT_TOKEN=「{BOT}」\nSLACK_SIGNING_SECRET={SECRET}\n", "トークンには使われない文字"),
    ("key-lower-case", f"slack_bot_token={BOT}\nSLACK_SIGNING_SECRET={SECRET}\n", "もしかして「SLACK_BOT_TOKEN」ですか？"),
    ("key-with-colon", f"SLACK_BOT_TOKEN: {BOT}\nSLACK_SIGNING_SECRET={SECRET}\n", "SLACK_BOT_TOKEN の行に「=」がなく"),
    ("key-full-width", f"ＳＬＡＣＫ_BOT_TOKEN={BOT}\nSLACK_SIGNING_SECRET={SECRET}\n", "全角の文字（「＝」など）"),
    ("timezone-jst", f"SLACK_BOT_TOKEN={BOT}\nKESSAI_TZ=JST\n", "「Asia/Tokyo」のような IANA の名前"),
    ("port-with-colon", f"SLACK_BOT_TOKEN={BOT}\nPORT=:3000\n", "1〜65535 の数字（例: 3000）"),
    ("shift-jis", f"# 設定\nSLACK_BOT_TOKEN={BOT}\n".encode("cp932"), ".env の 1 行目に UTF-8 として読めない文字"),

]


@pytest.mark.parametrize(("case", "text", "says"), DOTENV, ids=[c[0] for c in DOTENV])
def test_a_dotenv_mistake_is_said_with_what_to_write(tmp_path: Path, case: str, text: str | bytes, says: str) -> None:
    settings, said = settings_from(tmp_path, text)
    assert settings is None and len(said) == 1 and says in said[0], said


def test_an_app_token_of_an_invisible_character_is_not_echoed_as_empty(tmp_path: Path) -> None:
    """「SLACK_APP_TOKEN=」 with a zero-width space pasted along was said as 「SLACK_APP_TOKEN「」はトークンではありません」
    and told to be made empty, which it looked to be; the characters check, which names the invisible character,
    was kept back."""
    settings, said = settings_from(tmp_path, f"SLACK_BOT_TOKEN={BOT}\nSLACK_APP_TOKEN=\u200b\nSLACK_SIGNING_SECRET={SECRET}\n")
    assert settings is None and len(said) == 2, said
    assert said[0].startswith("SLACK_APP_TOKEN の値はトークンではありません。") and "見えない文字" in said[1], said


@pytest.mark.parametrize("text", [
    f'SLACK_BOT_TOKEN="{BOT}"   \nSLACK_SIGNING_SECRET=\'{SECRET}\'\n',
    f"\ufeffSLACK_BOT_TOKEN={BOT}\r\nSLACK_SIGNING_SECRET={SECRET}\r\n",
    f"export SLACK_BOT_TOKEN = {BOT}\nSLACK_SIGNING_SECRET\t=\t{SECRET}\u3000\nPORT=３０００\n",
    # Empty is unset: HTTP mode, as .env.example has it.
    f"SLACK_BOT_TOKEN={BOT}\nSLACK_APP_TOKEN=\nSLACK_SIGNING_SECRET={SECRET}\n",
    # A line copied from a batch file beside the setting's own line: skipped, as the bot always ran.
    f"set SLACK_BOT_TOKEN={BOT}\nSLACK_BOT_TOKEN={BOT}\nSLACK_SIGNING_SECRET={SECRET}\nPORT=3000\n",
    # NEW: so are a line with a full-width ＝ and a line with no =, beside the setting's own line:
    # they were refused, and an installed bot stopped at its next restart.
    f"SLACK_BOT_TOKEN＝{BOT}\nSLACK_BOT_TOKEN={BOT}\nSLACK_SIGNING_SECRET={SECRET}\n",
    f"SLACK_BOT_TOKEN: {BOT}\nSLACK_BOT_TOKEN={BOT}\nSLACK_SIGNING_SECRET={SECRET}\n",
    f"SLACK_SIGNING_SECRET={SECRET}\nSLACK_BOT_TOKEN={BOT}\n\nSLACK_BOT_TOKEN {BOT}\n",
], ids=["quotes-and-trailing-spaces", "bom-crlf", "export-tabs-full-width", "app-token-empty", "set-line-beside-its-key",
        "full-width-line-beside-its-key", "colon-line-beside-its-key", "space-line-beside-its-key"])
def test_a_dotenv_slip_read_as_meant(tmp_path: Path, text: str) -> None:
    settings, said = settings_from(tmp_path, text)
    assert said == [] and settings is not None
    assert (settings.slack_bot_token, settings.slack_signing_secret) == (BOT, SECRET)  # type: ignore[attr-defined]
    assert not settings.socket_mode and settings.port == 3000  # type: ignore[attr-defined]


@pytest.mark.parametrize("line", [
    f"set SLACK_BOT_TOKEN={BOT}", f"SLACK_BOT_TOKEN＝{BOT}", f"SLACK_BOT_TOKEN: {BOT}", f"SLACK_BOT_TOKEN:{BOT}",
    f"SLACK_BOT_TOKEN {BOT}",
], ids=["set", "full-width", "colon-space", "colon", "space"])
def test_a_skipped_dotenv_line_of_a_setting_the_environment_gives_is_left(tmp_path: Path, line: str) -> None:
    """systemd's Environment= (or docker's) gives the token, and .env keeps an old line python-dotenv
    skips: the bot ran on the environment's value, and refusing .env stopped it at its next restart.
    Without the environment the line is still said (test_a_dotenv_mistake_is_said_with_what_to_write)."""
    dotenv = tmp_path / ".env"
    dotenv.write_text(f"{line}\nSLACK_SIGNING_SECRET={SECRET}\n", encoding="utf-8")
    settings = load_settings(env={"SLACK_BOT_TOKEN": BOT}, dotenv=str(dotenv))
    assert settings.slack_bot_token == BOT
    # Another setting's skipped line is still said: only the one given elsewhere is left.
    dotenv.write_text(f"{line.replace('SLACK_BOT_TOKEN', 'DATABASE_URL')}\nSLACK_SIGNING_SECRET={SECRET}\n", encoding="utf-8")
    with pytest.raises(SettingsError) as refused:
        load_settings(env={"SLACK_BOT_TOKEN": BOT}, dotenv=str(dotenv))
    assert len(refused.value.problems) == 1 and ".env の 1 行目: DATABASE_URL の行" in refused.value.problems[0]


def test_python_dotenvs_english_line_is_not_said_beside_ours(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """「python-dotenv could not parse statement starting at line 2」 was printed beside our Japanese
    message on the same line (and numbered from the blank line above it). Another program's line
    that nothing else names keeps python-dotenv's warning."""
    text = f"SLACK_SIGNING_SECRET={SECRET}\n\nSLACK_BOT_TOKEN {BOT}\nOTHER_TOOL value\n"
    with caplog.at_level("WARNING", logger="dotenv.main"):
        settings, said = settings_from(tmp_path, text)
    assert settings is None and len(said) == 1 and ".env の 3 行目: SLACK_BOT_TOKEN" in said[0], said
    assert [r.getMessage() for r in caplog.records if r.name == "dotenv.main"] == [
        "python-dotenv could not parse statement starting at line 4"]
