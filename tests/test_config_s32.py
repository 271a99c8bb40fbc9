"""`kessai config check` on the organisation file as a hurried 4月1日 edit leaves it (人事異動・組織改編).

Each mistake is named in Japanese with its line, and the file is refused (serve does not start on it);
a slip kessai can read as meant (spaces around a pasted ID) is read as meant. What the check says
about who receives every account's incidents after 情報政策室 / 広報対話課 are renamed is new here."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, parse_org_config
from tests.conftest import DEMO_TOML
from tests.test_cli import kessai

DEMO = DEMO_TOML.read_text(encoding="utf-8")
JOHO_NAME = 'name = "情報政策室"'
KOHO_NAME = 'name = "広報対話課"'


def edited(*edits: tuple[str, str]) -> str:
    text = DEMO
    for old, new in edits:
        assert text.count(old) >= 1, old
        text = text.replace(old, new, 1)
    return text


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def problems(text: str) -> list[tuple[int | None, str]]:
    with pytest.raises(ConfigError) as e:
        parse_org_config(text, "kessai.toml")
    return [(p.line, p.message) for p in e.value.problems]


@pytest.mark.parametrize(
    ("old", "new", "says"),
    [
        # A display name pasted for an ID, in half- or full-width.
        ('approvers = ["U0MANAGER", "U0CHIEF"]', 'approvers = ["@山田", "U0CHIEF"]', "「@山田」は Slack のユーザーID に見えません"),
        ('approvers = ["U0MANAGER", "U0CHIEF"]', 'approvers = ["＠山田", "U0CHIEF"]', "「＠山田」は Slack のユーザーID に見えません"),
        # One letter typed with the Japanese input on.
        ('approvers = ["U0MANAGER", "U0CHIEF"]', 'approvers = ["U0MANAGEＲ", "U0CHIEF"]', "もしかして「U0MANAGER」ですか？"),
        # The new channel's name instead of its ID.
        ('escalation_channel = "C0ESCALATE"', 'escalation_channel = "#koho"', "チャンネル名ではなく"),
        ('escalation_channel = "C0ESCALATE"', 'escalation_channel = "＃情報政策室"', "チャンネル名ではなく"),
        # Two IDs in one string.
        ('approvers = ["U0MANAGER", "U0CHIEF"]', 'approvers = ["U0MANAGER, U0CHIEF"]', "Slack のユーザーID に見えません"),
    ],
)
def test_an_id_slipped_in_a_hurried_edit_is_named_on_its_line(old: str, new: str, says: str) -> None:
    text = edited((old, new))
    [(line, message)] = problems(text)
    assert line == line_of(text, new) and says in message, message


def test_a_person_moved_to_another_department_and_listed_again_with_the_new_rank_is_refused() -> None:
    """Instead of editing 上越 花子's entry, a new [[members]] is added for her new post: two ranks for
    one ID would leave it to chance which one decides whether she may approve."""
    moved = '[[members]]\nslack_id = "U0MANAGER"\nname = "上越 花子"\norg = "joho"\nrank = "課長"\n\n'
    text = edited(('[[members]]\nslack_id = "U0JOHO"', moved + '[[members]]\nslack_id = "U0JOHO"'))
    [(line, message)] = problems(text)
    assert line == line_of(text, moved) + 1
    assert f"{line_of(text, 'U0MANAGER')} 行目と重複" in message and "1つにまとめて" in message


def test_an_account_pasted_twice_for_a_merged_department_is_refused_naming_both_lines() -> None:
    key = 'id = "joetsu-x"'
    text = edited(('id = "joetsu-insta"', key))
    [(line, message)] = problems(text)
    assert line == text[: text.rindex(key)].count("\n") + 1
    assert f"{line_of(text, key)} 行目と重複" in message


def test_a_key_written_twice_in_one_account_is_refused_on_its_line() -> None:
    text = edited(('id = "joetsu-x"\n', 'id = "joetsu-x"\nid = "joetsu-city-x"\n'))
    [(line, message)] = problems(text)
    assert line == line_of(text, 'id = "joetsu-city-x"') and "同じキーが2回" in message


def test_a_leaver_removed_from_the_members_but_still_a_deputy_is_named_in_each_account() -> None:
    text = edited(('[[members]]\nslack_id = "U0DEPUTY"\nname = "直江 兼続"\norg = "koho"\nrank = "次長"\n', ""))
    found = problems(text)
    assert len(found) == 2  # joetsu-x and joetsu-insta
    for line, message in found:
        assert "deputies にある「U0DEPUTY」は [members] に登録されていません" in message
        assert line is not None and text.splitlines()[line - 1].startswith("deputies")


def test_a_merged_department_an_account_still_points_to_is_named_with_the_one_meant() -> None:
    text = edited(('org = "koho"\nintake_channel = "C0INSTA"', 'org = "kohotaiwa"\nintake_channel = "C0INSTA"'))
    [(line, message)] = problems(text)
    assert line == line_of(text, 'org = "kohotaiwa"') and "もしかして「koho」ですか？" in message


@pytest.mark.parametrize("pasted", ["U0MANAGER ", " U0MANAGER", "U0MANAGER\u3000", "U0MANAGER\u00a0", "U0MANAGER\t"])
def test_spaces_pasted_around_an_id_are_read_as_the_id_meant(pasted: str) -> None:
    """Spaces and tabs are not part of any Slack ID: read as meant, the account's approver is the
    registered member (else a trailing space would have been a stranger who could never decide)."""
    written = pasted.replace("\t", "\\t")
    config = parse_org_config(edited(('approvers = ["U0MANAGER", "U0CHIEF"]', f'approvers = ["{written}", "U0CHIEF"]'),
                                     ('slack_id = "U0MANAGER"', f'slack_id = "{written}"')))
    account = config.account("joetsu-x")
    assert account is not None and account.approvers == ("U0MANAGER", "U0CHIEF")
    assert config.member("U0MANAGER") is not None


def test_config_check_names_who_receives_every_accounts_incidents(tmp_path: Path) -> None:
    """After 人事異動 the IT 担当 confirms that the new 課長 of 情報政策室 is among them."""
    r = kessai("config", "check", "--config", str(DEMO_TOML), cwd=tmp_path)
    assert r.returncode == 0 and r.stderr == ""
    assert ("すべてのアカウントのインシデントを受け取る方（名前に「情報政策」・「広報」を含む組織の課長補佐以上）: "
            "上越 花子（広報対話課 課長補佐）、春日山 一郎（広報対話課 課長）、直江 兼続（広報対話課 次長）、"
            "木田 四郎（情報政策室 課長）。") in r.stdout


def test_a_renamed_department_whose_people_no_longer_receive_incidents_shows_in_the_check(tmp_path: Path) -> None:
    """組織改編: 情報政策室 becomes デジタル推進課 — its 課長 silently stopped receiving incidents. The
    check's list no longer names him, which the IT 担当 is asked to confirm."""
    path = tmp_path / "kessai.toml"
    path.write_text(edited((JOHO_NAME, 'name = "デジタル推進課"')), encoding="utf-8")
    r = kessai("config", "check", "--config", str(path), cwd=tmp_path)
    assert r.returncode == 0 and "すべてのアカウントのインシデントを受け取る方" in r.stdout
    assert "木田 四郎" not in r.stdout and "春日山 一郎（広報対話課 課長）" in r.stdout


def test_a_file_where_nobody_receives_every_accounts_incidents_is_pointed_out(tmp_path: Path) -> None:
    """Both departments renamed (デジタル推進課, シティプロモーション課): the check passed without a word
    while re-alerts and 対応開始 shrank to each account's approvers and deputies."""
    path = tmp_path / "kessai.toml"
    path.write_text(edited((JOHO_NAME, 'name = "デジタル推進課"'), (KOHO_NAME, 'name = "シティプロモーション課"')),
                    encoding="utf-8")
    r = kessai("config", "check", "--config", str(path), cwd=tmp_path)
    assert r.returncode == 0 and "正しい設定です" in r.stdout  # valid: a municipality may work so
    assert r.stderr.startswith("注意: 名前に「情報政策」・「広報」を含む組織に課長補佐以上の職員がいないため")
    assert ("インシデントの再通知を受け取り、「対応開始」「解決」を押せるのは、各アカウントの決裁者・代決者だけになります。"
            in r.stderr), r.stderr
