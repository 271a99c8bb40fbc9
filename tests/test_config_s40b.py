"""Leftovers of session 40's review of configuration messages: files refused before are said with
the line to write, or read as meant where that is unambiguous. No file read before is refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import _loads_mending_line_ends, load_settings, parse_org_config
from tests.test_config_s32 import DEMO, edited, line_of, problems

BOT = "xoxb-1234-5678-abcdef"
SECRET = "0123456789abcdef0123456789abcdef"


# --- .env: ${…} read by python-dotenv as a reference to another setting ------------------------

def serve_said(tmp_path: Path, text: str) -> list[str]:
    dotenv = tmp_path / ".env"
    dotenv.write_text(text, encoding="utf-8")
    settings = load_settings(env={}, dotenv=str(dotenv))
    return settings.serve_problems(env={}, dotenv=str(dotenv))


@pytest.mark.parametrize(("text", "key"), [
    (f"SLACK_BOT_TOKEN={BOT}\nSLACK_SIGNING_SECRET=${{KESSAI_S40B_UNSET}}\n", "SLACK_SIGNING_SECRET"),
    (f'SLACK_BOT_TOKEN="${{KESSAI_S40B_UNSET}}"\nSLACK_SIGNING_SECRET={SECRET}\n', "SLACK_BOT_TOKEN"),
], ids=["secret", "quoted-token"])
def test_a_reference_to_an_unset_setting_is_said_as_such(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         text: str, key: str) -> None:
    """python-dotenv reads ${NAME} as NAME's value, empty when unset: 「設定されていません」 alone
    was said of a line where the person sees a value."""
    monkeypatch.delenv("KESSAI_S40B_UNSET", raising=False)
    said = serve_said(tmp_path, text)
    assert len(said) == 1, said
    assert f"{key} の値「${{KESSAI_S40B_UNSET}}」は、別の設定 KESSAI_S40B_UNSET を指す書き方として読まれ" in said[0], said
    assert "値そのものを" in said[0], said


def test_a_reference_to_a_set_setting_still_starts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A secret passed by systemd's Environment= and referred to from .env is a setting that works.
    monkeypatch.setenv("KESSAI_S40B_SECRET", SECRET)
    assert serve_said(tmp_path, f"SLACK_BOT_TOKEN={BOT}\nSLACK_SIGNING_SECRET=${{KESSAI_S40B_SECRET}}\n") == []


# --- TOML: full-width spaces at the end of a line ------------------------------------------------

@pytest.mark.parametrize(("old", "new"), [
    ("[policy]", "[policy]\u3000"),
    ('approver_min_rank = "課長補佐"', 'approver_min_rank = "課長補佐"\u3000'),
    ('approver_min_rank = "課長補佐"', 'approver_min_rank = "課長補佐" \u3000\u3000# 決裁できる職'),
    ("min_posts_per_month = 1", "min_posts_per_month = 1\u3000"),
], ids=["header", "string", "before-a-comment", "number"])
def test_full_width_spaces_at_the_end_of_a_line_are_read_as_meant(old: str, new: str) -> None:
    config = parse_org_config(edited((old, new)))
    assert config.policy.approver_min_rank == "課長補佐" and config.policy.min_posts_per_month == 1


def test_full_width_spaces_inside_strings_are_kept() -> None:
    # In a string they are the value's own, at the end of a multi-line string's line too; only the
    # ones tomllib stops at, outside strings, are read as spaces.
    text = 'a = """x\u3000\ny\u3000"""\u3000\nb = "z\u3000"\u3000\u3000# c\u3000\nc = \'w\u3000\'\n'
    data, read = _loads_mending_line_ends(text)
    assert data == {"a": "x\u3000\ny\u3000", "b": "z\u3000", "c": "w\u3000"}
    assert len(read) == len(text) and read.count("\n") == text.count("\n")


def test_a_full_width_space_at_the_end_of_a_line_is_not_a_place_to_guess_elsewhere() -> None:
    # After a key, before its 「=」: not the end of the line; said as before, and not mended.
    text = edited(('approver_min_rank = "課長補佐"', 'approver_min_rank\u3000= "課長補佐"'))
    [(line, message)] = problems(text)
    assert line == line_of(text, "approver_min_rank\u3000") and "全角の空白" in message, message


def test_a_full_width_space_after_a_value_unquoted_says_to_delete_it() -> None:
    text = edited(("[policy]", "[policy]\u3000x"))
    [(_, message)] = problems(text)
    assert "全角の空白" in message, message


# --- TOML: what to write for dates, lists and a channel's name -----------------------------------

def test_dates_unquoted_are_said_with_quotes() -> None:
    text = DEMO.replace("[policy]\n", "[policy]\nclosed_days = [2027-04-30, 06-23]\n", 1)
    [(line, message)] = problems(text)
    assert line == line_of(text, "closed_days") and 'closed_days = ["2027-04-30", "06-23"]' in message, message


def test_a_date_unquoted_alone_is_still_read() -> None:
    # TOML's own date: a file that started before.
    text = DEMO.replace("[policy]\n", "[policy]\nclosed_days = [2027-04-30]\n", 1)
    assert len(parse_org_config(text, today=__import__("datetime").date(2026, 12, 1)).policy.closed_days) == 1


def test_an_invalid_value_says_strings_once() -> None:
    text = edited(('approver_min_rank = "課長補佐"', "approver_min_rank = 課長補佐"))
    [(_, message)] = problems(text)
    assert message.count("文字列は") == 1 and 'approver_min_rank = "課長補佐"' in message, message


@pytest.mark.parametrize("written", ['approvers = "U0MANAGER", "U0CHIEF"', "approvers = [U0MANAGER, U0CHIEF]",
                                     "approvers = [U0MANAGER, U0CHIEF]  # 決裁者", "approvers = [U0MANAGER U0CHIEF]"])
def test_a_list_without_brackets_or_quotes_is_said_with_the_line_to_write(written: str) -> None:
    text = edited(('approvers = ["U0MANAGER", "U0CHIEF"]', written))
    [(line, message)] = problems(text)
    assert line == line_of(text, written) and 'approvers = ["U0MANAGER", "U0CHIEF"]' in message, message
    assert "1行に書けるのは" not in message


def test_a_full_width_hash_channel_name_gets_the_channel_id_hint() -> None:
    text = edited(('escalation_channel = "C0ESCALATE"', "escalation_channel = ＃koho"))
    [(_, message)] = problems(text)
    assert "チャンネル名（#…）ではなく、チャンネルの ID（C で始まる）を" in message, message
    # Written half-width as the general sentence said, 「#koho」 is a comment and the value empty.
    assert "半角で書いてください" not in message and '"＃koho"' not in message, message


@pytest.mark.parametrize(("old", "new", "meant"), [
    ('approver_min_rank = "課長補佐"', "approver_min_rank = 課長補佐\u3000", 'approver_min_rank = "課長補佐"'),
    ('approvers = ["U0MANAGER", "U0CHIEF"]', "approvers = [U0MANAGER, U0CHIEF]\u3000", 'approvers = ["U0MANAGER", "U0CHIEF"]'),
], ids=["string-unquoted", "list-unquoted"])
def test_full_width_spaces_at_the_end_of_a_refused_line_are_said_as_such(old: str, new: str, meant: str) -> None:
    # Beside a value refused for itself they are not mended: said as what they are, not as
    # 「キーの名前・数字・記号・空白は半角で書いてください」.
    text = edited((old, new))
    [(_, message)] = problems(text)
    assert "行末の全角の空白を消してください。" in message and meant in message, message
    assert "半角で書いてください（" not in message, message
