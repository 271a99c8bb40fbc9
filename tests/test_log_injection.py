"""Strings from outside (a Slack name, a file's value, a post, a server's error) in a log line or a
command's output: shown, never a forged line nor a command to the IT 担当's terminal."""

from __future__ import annotations

import io
import json
import logging
import re
from pathlib import Path

import pytest

from bot.check_cli import main_for_tests
from bot.logs import CONTINUATION, JsonFormatter, RedactingFilter, TextFormatter, json_text, printable
from tests.test_cli import kessai
from tests.test_config import BASE

FORGED = "\n2026-12-06 09:00:00,000+0900 ERROR ledger verify: entry 12 was altered"
# Erase the screen, move up a line and erase it, hide text, a hyperlink, the C1 CSI, right to left,
# the separators str.splitlines and log shippers break at, NUL, a lone surrogate (a non-UTF-8 name).
HOSTILE = "\x1b[2J\x1b[1A\x1b[2K\x1b[8m\x1b]8;;https://evil.example/\x07\x9b2J\u202e\u2028\u2029\x85\r\x00\udcff"
RECORD_START = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3}[+-]\d{4} ")


def raw_controls(text: str) -> list[str]:
    """The characters of ``text`` a terminal would act on, other than its own line breaks."""
    return [c for c in text if c != "\n" and (ord(c) < 0x20 or 0x7f <= ord(c) <= 0x9f or c in "\u202e\u2028\u2029"
                                              or 0xd800 <= ord(c) <= 0xdfff)]


@pytest.mark.parametrize(("given", "shown"), [
    ("上越 花子" + FORGED, "上越 花子\\n2026-12-06 09:00:00,000+0900 ERROR ledger verify: entry 12 was altered"),
    ("a\x1b[2Jb", "a\\x1b[2Jb"),
    ("承認\u202e済み", "承認\\u202e済み"),
    ("一\u2028二\x85三\r四\t五\x00", "一\\u2028二\\x85三\\r四\\t五\\x00"),
    ("name\udcff.png", "name\\udcff.png"),
    # Untouched: Japanese, full-width signs, emoji with a joiner and a variation selector, a Windows path.
    ("広報対話課の「お知らせ」！👨‍👩‍👧❤️ C:\\kessai\\kessai.toml", "広報対話課の「お知らせ」！👨‍👩‍👧❤️ C:\\kessai\\kessai.toml"),
])
def test_printable_writes_every_control_as_an_escape_and_leaves_text_alone(given: str, shown: str) -> None:
    assert printable(given) == shown


def test_json_text_is_the_same_value_with_nothing_a_terminal_acts_on() -> None:
    value = {"reason": "日付を確認してください" + HOSTILE + FORGED, "n": 1}
    text = json_text(value, indent=2)
    assert json.loads(text) == value and raw_controls(text) == []
    assert json_text({"a": "日本語"}) == '{"a": "日本語"}'  # Japanese stays readable, not \\uXXXX


def log_lines(formatter: logging.Formatter) -> tuple[logging.Logger, io.StringIO]:
    out = io.StringIO()
    handler = logging.StreamHandler(out)
    handler.setFormatter(formatter)
    handler.addFilter(RedactingFilter())
    logger = logging.getLogger("tests.log_injection")
    logger.handlers[:] = [handler]
    logger.propagate = False
    logger.setLevel(logging.DEBUG)
    return logger, out


def test_a_text_log_record_quoting_outside_strings_cannot_forge_a_record_or_command_the_terminal() -> None:
    logger, out = log_lines(TextFormatter())
    logger.info("intake message from %s in #%s (file %s)", "上越 花子" + FORGED, "広報" + HOSTILE, "写真.png")
    try:
        raise RuntimeError("Slack said invalid_blocks" + FORGED + HOSTILE)
    except RuntimeError:
        logger.exception("outbox %d failed for %s", 7, "高田 太郎")
    logger.info("ふつうの行: 承認しました（第2版）")
    text = out.getvalue()
    lines = text.splitlines()  # splitlines: it breaks at U+2028 and NEL too, as log shippers do
    assert [line for line in lines if RECORD_START.match(line)] == [
        lines[0], next(line for line in lines if "outbox 7 failed" in line), lines[-1]]
    assert all(RECORD_START.match(line) or line.startswith(CONTINUATION) for line in lines)
    assert raw_controls(text) == []
    assert "上越 花子\\n2026-12-06 09:00:00,000+0900 ERROR ledger verify" in lines[0] and "写真.png" in lines[0]
    assert f"{CONTINUATION}Traceback (most recent call last):" in lines
    assert f"{CONTINUATION}2026-12-06 09:00:00,000+0900 ERROR ledger verify: entry 12 was altered\\x1b[2J" in text
    assert lines[-1].endswith("INFO tests.log_injection: ふつうの行: 承認しました（第2版）")


def test_a_json_log_line_holds_the_message_exactly_with_nothing_a_terminal_acts_on() -> None:
    logger, out = log_lines(JsonFormatter())
    logger.warning("Slack refused %s", "名前" + HOSTILE + FORGED)
    [line] = out.getvalue().split("\n")[:-1]
    assert raw_controls(line) == [] and "\u2028" not in line
    assert json.loads(line)["message"] == "Slack refused 名前" + HOSTILE + FORGED


def test_an_edit_of_the_organisation_file_is_logged_a_problem_a_line_without_its_controls(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from bot.config import ConfigFileWatch

    path = tmp_path / "kessai.toml"
    path.write_text(BASE, encoding="utf-8")
    watch = ConfigFileWatch(path, path.read_bytes(), settle_seconds=0)
    caplog.set_level("INFO", logger="bot.config")
    # TOML's \u escapes: what the file's author writes is an ESC in the value the problem quotes.
    path.write_text(BASE.replace('approvers = ["U0MANAGER"]', 'approvers = ["U0NOBODY\\u001b[2J", "U0X\\n2026"]'),
                    encoding="utf-8")
    watch.check()
    [record] = caplog.records
    lines = TextFormatter().format(record).split("\n")
    assert RECORD_START.match(lines[0]) and "cannot be loaded" in lines[0]
    assert len(lines) > 1 and all(line.startswith(CONTINUATION + "  ") for line in lines[1:])
    assert any("「U0NOBODY\\x1b[2J」" in line for line in lines) and raw_controls("\n".join(lines)) == []


def test_config_check_shows_the_files_values_without_their_controls(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(BASE.replace('approvers = ["U0MANAGER"]', 'approvers = ["U0NOBODY\\u001b[2J\\n2026"]'),
                   encoding="utf-8")
    r = kessai("config", "check", "--config", str(bad), cwd=tmp_path)
    assert r.returncode == 1 and "「U0NOBODY\\x1b[2J\\n2026」" in r.stderr and raw_controls(r.stderr) == []
    # An organisation's name is refused as a member's is (Slack would show it as it is), and the
    # refusal quotes it with its controls shown, not obeyed.
    odd = tmp_path / "odd.toml"
    odd.write_text(BASE.replace('name = "広報対話課"', 'name = "広報\\u202e対話課\\u001b[8m"'), encoding="utf-8")
    r = kessai("config", "check", "--config", str(odd), cwd=tmp_path)
    assert r.returncode == 1 and raw_controls(r.stdout + r.stderr) == []
    assert "odd.toml:9: [orgs] の name「広報\\u202e対話課\\x1b[8m」に文字の向きを変える制御文字（U+202E）" in r.stderr


def test_config_check_shows_the_databases_names_of_an_account_left_behind_without_their_controls(
        tmp_path: Path) -> None:
    """The accounts table is written by whoever can write the database: an account's id and name
    there, named by `config check` as left behind, moved the cursor over the check's words."""
    from datetime import UTC, datetime

    from storage.db import Database
    from storage.models import AccountRow, DraftRow

    url = f"sqlite:///{tmp_path / 'kessai.db'}"
    db = Database(url)
    try:
        db.upgrade()
        now = datetime.now(UTC)
        with db.session() as s:
            s.add(AccountRow(id="old\x1b[1A\x1b[2K", platform="x", name="上越市\u202e公式X\n2026-12-06 ERROR",
                             url="https://x.com/example", org_id="koho", intake_channel="C0INTAKE\x9b2J"))
            s.add(DraftRow(id=1, account_id="old\x1b[1A\x1b[2K", author_id="U0OPERATOR", channel="C0INTAKE",
                           message_ts="1.0", state="pending", current_version=1, created_at=now, updated_at=now))
    finally:
        db.dispose()
    path = tmp_path / "kessai.toml"
    path.write_text(BASE, encoding="utf-8")
    r = kessai("config", "check", cwd=tmp_path, DATABASE_URL=url, KESSAI_CONFIG=str(path))
    assert r.returncode == 0, r.stderr
    assert "注意: アカウント「old\\x1b[1A\\x1b[2K」（上越市\\u202e公式X\\n2026-12-06 ERROR）は組織設定ファイルにありません" \
        in r.stderr, r.stderr
    assert raw_controls(r.stdout + r.stderr) == [] and not any(RECORD_START.match(line) for line in r.stderr.splitlines())


def test_db_downgrade_shows_an_unknown_revision_of_the_database_without_its_controls(tmp_path: Path) -> None:
    """The revision is read from the database's alembic_version: an unknown one is quoted, not obeyed."""
    import sqlite3

    url = f"sqlite:///{tmp_path / 'kessai.db'}"
    assert kessai("db", "upgrade", cwd=tmp_path, DATABASE_URL=url).returncode == 0
    with sqlite3.connect(tmp_path / "kessai.db") as c:
        c.execute("UPDATE alembic_version SET version_num = ?", ("9999\x1b[2J\u202e",))
    c.close()
    r = kessai("db", "downgrade", "0016", cwd=tmp_path, DATABASE_URL=url)
    assert r.returncode == 1 and "データベースの構成 9999\\x1b[2J\\u202e は、この版の kessai より新しい" in r.stderr, r.stderr
    assert raw_controls(r.stderr) == []


def test_kessai_check_shows_a_posts_controls_as_escapes_in_text_and_json(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("イベントのお知らせ\u202eです。連絡は090-1234-5678まで\n詳しくは窓口へ。", encoding="utf-8")
    main_for_tests(["check", str(draft), "--at", "2025-11-20T10:00+09:00"])
    human = capsys.readouterr().out
    assert "該当: 「\\u202e」" in human and raw_controls(human) == []
    assert "該当: 「090-1234-5678」" in human and "\n\n[" in human  # its own blank lines between findings
    main_for_tests(["check", str(draft), "--at", "2025-11-20T10:00+09:00", "--json"])
    shown = capsys.readouterr().out
    assert raw_controls(shown) == [] and "\\u202e" in shown
    assert "\u202e" in {f["excerpt"] for f in json.loads(shown)["findings"]}  # the same value for programs
    lines = tmp_path / "posts.jsonl"
    lines.write_text(json.dumps({"id": 1, "text": "お知らせ\u2028\u202eです"}, ensure_ascii=False) + "\n",
                     encoding="utf-8")
    main_for_tests(["check", "--jsonl", str(lines), "--at", "2025-11-20T10:00+09:00"])
    out = capsys.readouterr().out
    assert len(out.splitlines()) == 1 and raw_controls(out) == [] and json.loads(out)["id"] == 1


def test_a_database_errors_words_are_one_line_without_controls() -> None:
    from storage.db import describe_db_error

    said = describe_db_error(RuntimeError("value too long for 「お知らせ\x1b[2J\r\u202e」\nDETAIL: (…)"))
    assert said == "RuntimeError: value too long for 「お知らせ\\x1b[2J\\r\\u202e」"
