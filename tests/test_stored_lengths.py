"""Values longer than the database column that keeps them.

SQLite stores a string of any length in a varchar(n) column; PostgreSQL refuses it
(StringDataRightTruncation). Tests on SQLite alone never saw a name of 201 characters fail:
these run on PostgreSQL too (TEST_DATABASE_URL).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from bot import errors
from bot.config import ConfigError, column_length, parse_org_config
from bot.template_admin import TemplateAdmin
from storage import roster, templates
from storage.db import Database
from storage.models import AccountRow, MemberRow, OrgRow
from tests.conftest import DEMO_TOML
from tests.test_cli import kessai
from tests.test_config import BASE, problems_of, replace_line

ORG_ID = column_length("OrgRow", "id")
ORG_NAME = column_length("OrgRow", "name")
MEMBER_NAME = column_length("MemberRow", "name")
RANK = column_length("MemberRow", "rank")
SLACK_ID = column_length("MemberRow", "slack_id")
ACCOUNT_ID = column_length("AccountRow", "id")
ACCOUNT_NAME = column_length("AccountRow", "name")
URL = column_length("AccountRow", "url")
CHANNEL = column_length("AccountRow", "intake_channel")


def test_the_limits_are_the_columns_of_the_database() -> None:
    """Read from storage.models, not written twice: a column widened there widens the file's limit."""
    assert (ORG_NAME, MEMBER_NAME, ACCOUNT_NAME, URL) == (200, 200, 200, 500)
    assert (ORG_ID, ACCOUNT_ID, RANK, SLACK_ID, CHANNEL) == (64, 64, 64, 32, 32)


def _longest_file() -> str:
    """BASE with every value the database keeps as long as its column holds."""
    org_id = "k" * ORG_ID
    rank = "係" * RANK
    manager, operator = "U" + "M" * (SLACK_ID - 1), "U" + "O" * (SLACK_ID - 1)
    text = BASE.replace('"koho"', f'"{org_id}"').replace('"広報対話課"', f'"{"広" * ORG_NAME}"')
    text = text.replace('"主事"', f'"{rank}"').replace("U0MANAGER", manager).replace("U0OPERATOR", operator)
    text = text.replace('"上越 花子"', f'"{"花" * MEMBER_NAME}"').replace('"高田 太郎"', f'"{"太" * MEMBER_NAME}"')
    text = text.replace('"joetsu-x"', f'"{"j" * ACCOUNT_ID}"').replace('"上越市公式X"', f'"{"上" * ACCOUNT_NAME}"')
    url = "https://x.com/"
    text = text.replace(f'"{url}example"', f'"{url + "e" * (URL - len(url))}"')
    text = text.replace('"C0INTAKE"', f'"C{"I" * (CHANNEL - 1)}"').replace('"C0ESCALATE"', f'"C{"E" * (CHANNEL - 1)}"')
    return text


def test_values_as_long_as_their_columns_are_synced_on_every_database(db: Database) -> None:
    """The limit is the column's, not less: the longest value the file accepts is stored as written."""
    config = parse_org_config(_longest_file())
    with db.session() as s:
        roster.sync(s, config)
    with db.session() as s:
        [org] = s.exec(roster.select(OrgRow)).all()
        [account] = s.exec(roster.select(AccountRow)).all()
        names = sorted(len(m.name) for m in s.exec(roster.select(MemberRow)))
    assert (len(org.id), len(org.name)) == (ORG_ID, ORG_NAME)
    assert (len(account.id), len(account.name), len(account.url)) == (ACCOUNT_ID, ACCOUNT_NAME, URL)
    assert names == [MEMBER_NAME, MEMBER_NAME]


@pytest.mark.parametrize(("line", "new", "key", "limit"), [
    (9, f'name = "{"広" * (ORG_NAME + 1)}"', "name", ORG_NAME),
    (13, f'name = "{"花" * (MEMBER_NAME + 1)}"', "name", MEMBER_NAME),
    (24, f'id = "{"j" * (ACCOUNT_ID + 1)}"', "id", ACCOUNT_ID),
    (26, f'name = "{"上" * (ACCOUNT_NAME + 1)}"', "name", ACCOUNT_NAME),
    (26, f'name = "  {"上" * ACCOUNT_NAME}x  "', "name", ACCOUNT_NAME),  # spaces around are not counted, x is
    (27, f'url = "https://x.com/{"e" * URL}"', "url", URL),
    (29, f'intake_channel = "C{"I" * CHANNEL}"', "intake_channel", CHANNEL),
    (5, f'escalation_channel = "C{"E" * CHANNEL}"', "escalation_channel", CHANNEL),
    (3, f'ranks = ["部長", "課長", "課長補佐", "係長", "主事", "{"係" * (RANK + 1)}"]', "ranks", RANK),
])
def test_a_value_longer_than_its_column_is_refused_on_its_line(line: int, new: str, key: str, limit: int) -> None:
    """A name of 201 characters passed `kessai config check`, and on PostgreSQL serve then failed
    in roster.sync with 「value too long for type character varying(200)」, a traceback."""
    [p] = problems_of(replace_line(BASE, line, new))
    assert p.line == line
    assert key in p.message and "長すぎます" in p.message and f"{limit:,} 文字以内" in p.message
    assert len(p.message) < 300  # names the value by its start, not all of it


def test_an_org_id_too_long_is_named_where_it_is_written() -> None:
    long_id = "k" * (ORG_ID + 1)
    problems = problems_of(replace_line(BASE, 8, f'id = "{long_id}"'))
    assert problems[0].line == 8 and f"{ORG_ID:,} 文字以内" in problems[0].message


def test_a_slack_id_too_long_is_refused_and_named_as_an_id() -> None:
    long_id = "U" + "9" * SLACK_ID
    problems = problems_of(BASE.replace("U0MANAGER", long_id))
    assert [p.line for p in problems] == [12, 31]
    assert all("長すぎます" in p.message and "メンバーID" in p.message for p in problems)


def test_the_refusal_writes_nothing(db: Database) -> None:
    """The file is refused before start-up: the roster synced from the file before stays as it was."""
    with db.session() as s:
        roster.sync(s, parse_org_config(BASE))
    with pytest.raises(ConfigError):
        parse_org_config(BASE.replace('"上越 花子"', f'"{"花" * (MEMBER_NAME + 1)}"'))
    with db.session() as s:
        assert sorted(m.name for m in s.exec(roster.select(MemberRow))) == ["上越 花子", "高田 太郎"]


def test_config_check_names_the_file_line_key_and_limit(tmp_path: Path) -> None:
    where = tmp_path
    (where / "kessai.toml").write_text(BASE.replace('"上越 花子"', f'"{"花" * (MEMBER_NAME + 5)}"'), encoding="utf-8")
    r = kessai("config", "check", "--config", "kessai.toml", cwd=where)
    assert r.returncode != 0
    assert "kessai.toml:13" in r.stderr + r.stdout
    assert f"[members] の name「{'花' * 30}…」が長すぎます（{MEMBER_NAME + 5:,} 文字）。{MEMBER_NAME:,} 文字以内" in r.stderr + r.stdout


# --- what else writes a column of limited length ----------------------------------------------


def test_what_the_rule_engine_records_fits_the_findings_columns() -> None:
    """A finding's code, severity and clause are stored in varchar columns: a rule with a longer
    clause (a guideline's article named in full) would fail every draft it flags, on PostgreSQL only."""
    from bot.rules import REGISTRY

    assert max(len(code) for code in REGISTRY) <= column_length("FindingRow", "code")
    assert max(len(rule.clause) for rule in REGISTRY.values()) <= column_length("FindingRow", "clause")
    assert max(len(s) for s in ("error", "warning", "info")) <= column_length("FindingRow", "severity")


def test_an_incident_kind_fits_its_column() -> None:
    from bot.incidents import KINDS

    assert max(len(kind) for kind in KINDS) <= column_length("IncidentRow", "kind")


def test_the_published_url_form_allows_what_the_column_holds() -> None:
    """The 投稿済み form's max_length and check_post_url's limit are the column's (drafts.published_url)."""
    from bot.publication import URL_MAX, check_post_url

    assert column_length("DraftRow", "published_url") == URL_MAX
    long = "https://x.com/example/status/1?s=" + "a" * URL_MAX
    assert check_post_url("x", "https://x.com/example", long) == (
        f"URLが長すぎます（{URL_MAX}文字まで）。投稿を開いたときのアドレスをそのまま貼り付けてください。")


def _admin(db: Database) -> TemplateAdmin:
    now = datetime(2026, 11, 24, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    return TemplateAdmin(db, parse_org_config(DEMO_TOML.read_text(encoding="utf-8")), clock=lambda: now,
                         name_of=lambda u: u)


def test_a_template_name_as_long_as_allowed_is_stored_and_a_longer_one_refused(db: Database) -> None:
    """The form's limit (100 characters) is within templates.name: stored on PostgreSQL as typed;
    one character more is refused with the limit named, and nothing is registered."""
    admin = _admin(db)
    assert column_length("TemplateRow", "name") >= 100
    admin.add("U0MANAGER", "名" * 100, "本日の開庁時間は8時30分から17時15分です。")
    with pytest.raises(errors.InvalidInput, match="100文字以内"):
        admin.add("U0MANAGER", "名" * 101, "本日は休館日です。")
    with db.session() as s:
        assert [len(r.name) for r in templates.active(s)] == [100]
