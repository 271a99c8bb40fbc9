"""`kessai check --jsonl` fed what 広報 staff really have: posts exported from Excel (its date and time
forms, its empty cells, its platform column in Japanese) or saved as a JSON array. In process
(main_for_tests with a FILE): no interpreter start per case."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.check_cli import _parse_at, _platform_name, main_for_tests

JST = ZoneInfo("Asia/Tokyo")
CLEAN = "本日は燃やせるごみの収集日です。"


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Any:
    """`kessai check --jsonl FILE ARGS…` on ``lines`` (objects, or raw text), in a folder without an
    organisation file: (exit code, output lines read as JSON, standard error)."""
    monkeypatch.chdir(tmp_path)
    for key in ("KESSAI_CONFIG", "KESSAI_TZ"):
        monkeypatch.delenv(key, raising=False)

    def go(lines: list[Any] | str, *args: str) -> tuple[int, list[dict[str, Any]], str]:
        posts = tmp_path / "posts.jsonl"
        raw = lines if isinstance(lines, str) else "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
        posts.write_text(raw, encoding="utf-8")
        code = main_for_tests(["check", "--jsonl", str(posts), *args])
        out, err = capsys.readouterr()
        return code, [json.loads(line) for line in out.splitlines()], err

    return go


@pytest.mark.parametrize("written", [
    "2026/12/7 10:00",            # Excel's own display of a date and time cell in Japan
    "2026/12/07 10:00:00",
    "2026-12-07 10:00",
    "２０２６／１２／７　１０：００",  # typed with the Japanese input on
    "2026年12月7日 10:00",
    "令和8年12月7日 10:00",
    "2026/12/7(月) 10:00",
])
def test_a_date_and_time_as_excel_and_people_write_them_is_read(written: str) -> None:
    assert _parse_at(written, "Asia/Tokyo") == (datetime(2026, 12, 7, 10, 0, tzinfo=JST), True)


@pytest.mark.parametrize("written", ["2026/12/7 25:00", "2026/12/7 10:60", "2026/13/7 10:00", "2026/12/7(火) 10:00"])
def test_a_date_and_time_that_is_no_instant_is_refused_by_name(written: str) -> None:
    from bot.check_cli import _UsageError

    with pytest.raises(_UsageError, match=re.escape(f"「{written}」")):
        _parse_at(written, "Asia/Tokyo")


def test_a_whole_post_in_the_at_cell_is_refused_at_once_and_not_echoed_whole() -> None:
    from bot.check_cli import _UsageError

    # Read as a date, 40,000 characters of this shape took seconds (the time grew as its square).
    with pytest.raises(_UsageError, match="読み取れません") as refused:
        _parse_at("2026/12/7 " * 4_000, "Asia/Tokyo")
    assert len(str(refused.value)) < 200


def test_a_day_without_its_time_is_not_checked_as_posted_at_midnight(run: Any) -> None:
    """An export with a date column only: every post was reported as 「00:00は業務時間外です」 (on a
    Monday too); the time is not known, so working hours are not judged. What the date decides still is."""
    code, out, err = run([{"id": 1, "text": CLEAN, "at": "2026-12-07"},
                          {"id": 2, "text": CLEAN, "at": "2026/12/7"},
                          {"id": 3, "text": "明日12月9日（水）は休館日です。", "at": "2026/12/7"}])
    assert [o["findings"] for o in out[:2]] == [[], []], out
    [wrong_day] = out[2]["findings"]
    assert "投稿予定日（12月7日）から見ると" in wrong_day["message"], wrong_day
    assert code == 1 and err == ""
    # The same for --at, the time of every line without its own.
    code, out, _ = run([{"id": 1, "text": CLEAN}], "--at", "2026-12-07")
    assert code == 0 and out == [{"id": 1, "findings": [], "blocking": False}]


def test_a_day_off_without_its_time_is_still_reported(run: Any) -> None:
    """The day is known when its time is not: a post dated a Saturday, a holiday or 12/29–1/3 went
    through without a word once a date-only "at" skipped the hours check."""
    code, out, _ = run([{"id": 1, "text": CLEAN, "at": "2026/12/5"},
                        {"id": 2, "text": CLEAN, "at": "2026-12-30"},
                        {"id": 3, "text": CLEAN, "at": "2027/1/11"}])
    messages = [[f["message"] for f in o["findings"] if f["code"] == "schedule.outside_hours"] for o in out]
    assert [len(m) for m in messages] == [1, 1, 1], out
    assert "2026年12月5日（土）は休日（土曜日）です" in messages[0][0] and "12:00" not in messages[0][0]
    assert "休日（年末年始）" in messages[1][0] and "休日（成人の日）" in messages[2][0]
    assert code == 0


def test_a_date_and_time_from_excel_is_checked_at_that_time(run: Any) -> None:
    code, out, _ = run([{"id": 1, "text": CLEAN, "at": "2026/12/7 22:00"}])
    assert [f["code"] for f in out[0]["findings"]] == ["schedule.outside_hours"] and code == 0, out


def test_an_excel_serial_number_is_refused_saying_what_it_is(run: Any) -> None:
    """Power Automate and some exports write Excel's serial value (46361.4 is 2026-12-05 09:36 in
    the 1900 system, four years later in the 1904 one): read as a guess, a year of posts could be
    audited against the wrong dates."""
    code, out, err = run([{"id": 1, "text": CLEAN, "at": 46361.4}, {"id": 2, "text": CLEAN, "at": True}])
    assert code == 2 and "2 行は読み取れなかった" in err
    assert "46361.4" in out[0]["error"] and "シリアル値" in out[0]["error"], out[0]
    assert "true" in out[1]["error"] and "シリアル値" not in out[1]["error"], out[1]


def test_an_empty_cell_for_at_or_platform_is_no_value(run: Any) -> None:
    """Excel writes an empty cell as "": it was refused as 「日時「」を読み取れません」 and
    「"platform" は … のいずれかにしてください（「」）」."""
    code, out, _ = run([{"id": 1, "text": "あ" * 141, "at": " ", "platform": ""}],
                       "--at", "2025-11-20T10:00+09:00", "--platform", "instagram")
    # 141 characters are too many on X only; a time of 00:00 (not the --at one) would be outside hours.
    assert "error" not in out[0] and {f["code"] for f in out[0]["findings"]} == {"a11y.long_sentence"}, out
    assert code == 0


@pytest.mark.parametrize(("written", "code"), [
    ("ツイッター", "x"), ("エックス", "x"), ("X（旧Twitter）", "x"), ("X (旧ツイッター)", "x"),
    ("ｲﾝｽﾀｸﾞﾗﾑ", "instagram"), ("インスタ", "instagram"), ("フェイスブック", "facebook"),
    ("ライン", "line"), ("LINE公式アカウント", "line"), ("ユーチューブ", "youtube"), ("ティックトック", "tiktok"),
    ("ブログ", "blog"),
])
def test_a_platform_column_written_in_japanese_is_read(written: str, code: str) -> None:
    assert _platform_name(written) == code


def test_an_unknown_platform_is_still_refused_as_written(run: Any) -> None:
    code, out, _ = run([{"id": 1, "text": CLEAN, "platform": "マストドン", "at": "2025-11-20T10:00+09:00"}])
    assert code == 2 and "（「マストドン」）" in out[0]["error"], out


@pytest.mark.parametrize("raw", [
    json.dumps([{"id": 1, "text": CLEAN}, {"id": 2, "text": "秘 内部資料"}], ensure_ascii=False) + "\n",
    # Pretty-printed: its middle lines are objects and one would have been checked, the rest refused.
    "\ufeff[\n  " + ",\n  ".join(json.dumps({"id": i, "text": CLEAN}, ensure_ascii=False) for i in (1, 2)) + "\n]\n",
])
def test_a_json_array_is_refused_whole_with_nothing_on_standard_output(run: Any, raw: str) -> None:
    code, out, err = run(raw, "--at", "2025-11-20T10:00+09:00")
    assert code == 2 and out == [], out
    assert "JSON の配列" in err and "1行に1件" in err, err


def test_an_array_on_a_later_line_is_that_line_refused(run: Any) -> None:
    code, out, _ = run(f'{{"id": 1, "text": "{CLEAN}"}}\n[1, 2]\n', "--at", "2025-11-20T10:00+09:00")
    assert code == 2 and out[0] == {"id": 1, "findings": [], "blocking": False} and "2行目" in out[1]["error"]


@pytest.mark.parametrize("raw", ["", "\n\r\n  \n", "\ufeff"])
def test_an_empty_input_says_nothing_was_checked(run: Any, raw: str) -> None:
    """An empty export gave no output and exit 0, the same as a year of clean posts."""
    code, out, err = run(raw)
    assert code == 0 and out == [] and "確認する投稿がありませんでした" in err, err
