"""`kessai check` and `kessai rules` as a user runs them: most in this process through the CLI's own
entry point, and in a real process what only a process shows (its exit status, bytes piped to its
standard input, a closed pipe, no standard input at all)."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.check_cli import main_for_tests

ROOT = Path(__file__).resolve().parents[2]
RUN = "import sys; from bot.check_cli import main_for_tests; raise SystemExit(main_for_tests(sys.argv[1:]))"
# Settings a developer's shell may have set; each test gives its own.
_OWN_SETTINGS = ("KESSAI_CONFIG", "KESSAI_TZ")


def run_process(cwd: Path, *args: str, stdin: bytes | None = b"", env: dict[str, str] | None = None,
                close_stdin: bool = False) -> subprocess.CompletedProcess[bytes]:
    """RUN in a new Python, as `python -m bot.check_cli` is run."""
    environment = {k: v for k, v in os.environ.items() if k not in _OWN_SETTINGS}
    return subprocess.run(
        [sys.executable, "-c", RUN, *args], input=None if close_stdin else stdin, capture_output=True, cwd=cwd,
        env={**environment, **(env or {})}, timeout=120,
        preexec_fn=(lambda: os.close(0)) if close_stdin else None,  # noqa: PLW1509 - as cron starts it
    )


def run_in(cwd: Path, *args: str, stdin: bytes = b"", env: dict[str, str] | None = None,
           ) -> subprocess.CompletedProcess[bytes]:
    """What RUN does, in this process: a new Python took seconds each (importing the rules compiles
    hundreds of patterns) and this file ran dozens. Standard input, output and error are bytes in
    UTF-8 as a process's pipes are here (stdout strict, stderr backslashreplace, as Python opens
    them), and the working directory and KESSAI_* settings are the test's, restored afterwards."""
    out, err = io.BytesIO(), io.BytesIO()
    stdout = io.TextIOWrapper(out, encoding="utf-8", write_through=True)
    stderr = io.TextIOWrapper(err, encoding="utf-8", errors="backslashreplace", write_through=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        for key in _OWN_SETTINGS:
            mp.delenv(key, raising=False)
        for key, value in (env or {}).items():
            mp.setenv(key, value)
        mp.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        mp.setattr(sys, "stdout", stdout)
        mp.setattr(sys, "stderr", stderr)
        try:
            code = main_for_tests(args)
        except SystemExit as e:  # argparse: --help, or arguments refused
            code = 0 if e.code is None else e.code if isinstance(e.code, int) else 1
    stdout.flush()
    stderr.flush()
    return subprocess.CompletedProcess(["kessai", *args], code, out.getvalue(), err.getvalue())


def kessai(*args: str, stdin: str = "", process: bool = False) -> subprocess.CompletedProcess[str]:
    r = (run_process if process else run_in)(ROOT, *args, stdin=stdin.encode())
    return subprocess.CompletedProcess(r.args, r.returncode, r.stdout.decode(), r.stderr.decode())


def test_check_json_shape_and_exit_code_for_an_error(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("連絡は090-1234-5678まで", encoding="utf-8")
    r = kessai("check", str(draft), "--platform", "x", "--json", "--at", "2025-11-20T10:00:00+09:00", process=True)
    assert r.returncode == 1, r.stderr
    data = json.loads(r.stdout)
    assert data["blocking"] is True
    [f] = [f for f in data["findings"] if f["code"] == "pii.phone"]
    assert {"code", "severity", "message", "start", "end", "excerpt"} <= f.keys()
    assert (f["start"], f["end"], f["excerpt"], f["severity"]) == (3, 16, "090-1234-5678", "error")


def test_check_from_stdin_clean_exits_zero_with_readable_japanese() -> None:
    r = kessai(
        "check",
        "-",
        "--platform",
        "instagram",
        "--at",
        "2025-11-20T10:00+09:00",
        stdin="本日は燃やせるごみの収集日です。",
    )
    assert r.returncode == 0, r.stderr
    assert "指摘はありません" in r.stdout


def test_human_output_lists_code_excerpt_and_clause() -> None:
    r = kessai("check", "--at", "2025-11-20T10:00+09:00", stdin="詳しくは https://bit.ly/abc へ")
    assert r.returncode == 1
    assert (
        "link.shortener" in r.stdout and "上越市 6(1)②" in r.stdout and "「https://bit.ly/abc」" in r.stdout
    )


def test_at_decides_the_year_and_the_hours() -> None:
    r = kessai("check", "--json", "--at", "2025-11-22T21:00+09:00", stdin="11月22日（土）のお知らせ")
    codes = [f["code"] for f in json.loads(r.stdout)["findings"]]
    assert "schedule.outside_hours" in codes and "date.weekday_mismatch" not in codes
    assert r.returncode == 0


def test_bad_at_is_a_japanese_usage_error() -> None:
    r = kessai("check", "--at", "tomorrow", stdin="x")
    assert r.returncode == 2 and "ISO 8601" in r.stderr


def test_non_utf8_file_is_refused_politely(tmp_path: Path) -> None:
    f = tmp_path / "sjis.txt"
    f.write_bytes("お知らせ".encode("cp932"))
    r = kessai("check", str(f))
    assert r.returncode == 2 and "UTF-8 ではありません" in r.stderr and "Shift_JIS（ANSI）で保存されているようです" in r.stderr
    f.write_bytes(b"\x80\xff\xfe\x00")  # neither UTF-8 nor Shift_JIS: no guess
    r = kessai("check", str(f))
    assert r.returncode == 2 and "UTF-8 ではありません" in r.stderr and "Shift_JIS" not in r.stderr


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_file_saved_as_unicode_by_notepad_is_read(tmp_path: Path, encoding: str) -> None:
    """Notepad's 「Unicode」 is UTF-16 with a BOM, which says how to read it: checked, not refused."""
    f = tmp_path / "draft.txt"
    bom = {"utf-16": b"", "utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}[encoding]
    f.write_bytes(bom + "連絡は携帯 090-1234-5678 まで\r\n".encode(encoding))
    r = kessai("check", str(f), "--json", "--at", "2025-11-20T10:00+09:00")
    out = json.loads(r.stdout)
    assert r.returncode == 1 and [x["code"] for x in out["findings"]] == ["pii.phone"]
    assert out["findings"][0]["excerpt"] == "090-1234-5678" and out["findings"][0]["start"] == 6



def test_a_file_that_cannot_be_read_is_explained_in_japanese(tmp_path: Path) -> None:
    for target, reason in ((tmp_path, "フォルダーです"), (tmp_path / "missing.txt", "見つかりません")):
        r = kessai("check", str(target), "--platform", "x")
        assert r.returncode == 2 and reason in r.stderr and "Traceback" not in r.stderr, r.stderr
        assert "directory" not in r.stderr and "No such file" not in r.stderr

def test_jsonl_batch_keeps_order_and_reports_malformed_lines() -> None:
    lines = [
        json.dumps(
            {"id": "a", "text": "携帯 090-1234-5678", "platform": "x", "at": "2025-11-20T10:00+09:00"},
            ensure_ascii=False,
        ),
        "{not json",
        json.dumps(
            {"id": "c", "text": "本日は晴れです。", "platform": "line", "at": "2025-11-20T10:00+09:00"},
            ensure_ascii=False,
        ),
        json.dumps({"id": "d", "platform": "x"}),
        json.dumps({"id": "e", "text": "x", "platform": "myspace"}),
    ]
    r = kessai("check", "--jsonl", stdin="\n".join(lines) + "\n")
    assert r.returncode == 2 and "3 行は読み取れなかった" in r.stderr  # unchecked lines are not a pass
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert all({"id", "findings", "blocking"} <= set(o) for o in out)  # SPEC §6, an unreadable line too
    assert [o.get("id") for o in out] == ["a", None, "c", "d", "e"]
    assert out[0]["blocking"] is True and out[0]["findings"][0]["code"] == "pii.phone"
    assert "error" in out[1] and "JSON" in out[1]["error"]
    assert out[2] == {"id": "c", "findings": [], "blocking": False}
    assert "text" in out[3]["error"] and "platform" in out[4]["error"]



def test_jsonl_uses_at_for_lines_without_their_own_and_refuses_a_bad_at_once() -> None:
    """`--at` used to be ignored with --jsonl: a batch of past posts was checked as if posted now
    (outside hours at night, dates read against today's year)."""
    lines = [
        json.dumps({"id": "default", "text": "12月5日（土）に開催します。"}, ensure_ascii=False),
        json.dumps({"id": "own", "text": "12月5日（土）に開催します。", "at": "2025-11-20T10:00+09:00"},
                   ensure_ascii=False),
    ]
    r = kessai("check", "--jsonl", "--at", "2026-12-03T10:00+09:00", stdin="\n".join(lines) + "\n")
    out = {o["id"]: [f["code"] for f in o["findings"]] for o in map(json.loads, r.stdout.splitlines())}
    # 2026-12-05 is a Saturday (and 10:00 on a Thursday is in hours); 2025-12-05 is a Friday.
    assert out == {"default": [], "own": ["date.weekday_mismatch"]}, r.stdout
    r = kessai("check", "--jsonl", "--at", "来週の月曜", stdin="\n".join(lines) + "\n")
    assert r.returncode == 2 and r.stdout == "" and r.stderr.count("来週の月曜") == 1, r.stderr


def test_jsonl_reads_today_in_a_past_post_as_the_day_it_was_posted() -> None:
    """An audit of a year of posts: 「本日12月4日」 was right on the 4th and wrong on the 5th."""
    lines = [
        json.dumps({"id": f"on{day}", "text": "本日12月4日（木）は休館日です。", "at": f"2025-12-0{day}T10:00+09:00"},
                   ensure_ascii=False)
        for day in (4, 5)
    ]
    r = kessai("check", "--jsonl", stdin="\n".join(lines) + "\n")
    out = {o["id"]: [f["code"] for f in o["findings"]] for o in map(json.loads, r.stdout.splitlines())}
    assert out == {"on4": [], "on5": ["date.weekday_mismatch"]}, r.stdout


def test_json_python_will_not_read_is_one_bad_line_not_the_end_of_the_batch() -> None:
    """Valid JSON nested thousands deep, or a number of thousands of digits, used to stop the whole
    batch with a traceback (a year of posts, audited at once)."""
    lines = [
        '{"id": "deep", "text": ' + "[" * 50_000 + "]" * 50_000 + "}",
        '{"id": "digits", "text": "x", "n": ' + "9" * 5_000 + "}",
        json.dumps({"id": "ok", "text": "本日は晴れです。", "platform": "line", "at": "2025-11-20T10:00+09:00"},
                   ensure_ascii=False),
    ]
    r = kessai("check", "--jsonl", stdin="\n".join(lines) + "\n")
    assert r.returncode == 2 and "Traceback" not in r.stderr and "2 行は読み取れなかった" in r.stderr
    out = [json.loads(line) for line in r.stdout.splitlines()]
    assert [o["id"] for o in out] == [None, None, "ok"]
    assert all("JSON" in o["error"] for o in out[:2]) and out[2] == {"id": "ok", "findings": [], "blocking": False}

def test_jsonl_reads_a_bom_and_refuses_a_shift_jis_line_without_checking_garbage() -> None:
    """Excel and Notepad save 「UTF-8 (BOM 付き)」; a line pasted from a Shift_JIS file used to be
    checked as mojibake and pass."""
    ok = {"id": "a", "text": "本日は晴れです。", "platform": "line", "at": "2025-11-20T10:00+09:00"}
    sjis = b'{"id": "b", "text": "' + "携帯 090-1234-5678".encode("cp932") + b'"}'
    data = b"\xef\xbb\xbf" + json.dumps(ok, ensure_ascii=False).encode() + b"\r\n" + sjis + b"\n"
    r = run_process(ROOT, "check", "--jsonl", stdin=data)
    out = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert out[0] == {"id": "a", "findings": [], "blocking": False}
    assert out[1]["id"] is None and "2行目: UTF-8 ではありません（22バイト目）" in out[1]["error"]
    assert r.returncode == 2 and "1 行は読み取れなかった" in r.stderr.decode()


def test_jsonl_saved_as_utf16_is_read_line_by_line() -> None:
    items = [{"id": "a", "text": "連絡は携帯 090-1234-5678 まで", "at": "2025-11-20T10:00+09:00"},
             {"id": "b", "text": "本日は晴れです。", "at": "2025-11-20T10:00+09:00"}]
    data = "\r\n".join(json.dumps(i, ensure_ascii=False) for i in items).encode("utf-16") + "\r\n".encode("utf-16-le")
    r = run_in(ROOT, "check", "--jsonl", stdin=data)
    out = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [(o["id"], [f["code"] for f in o["findings"]]) for o in out] == [("a", ["pii.phone"]), ("b", [])]
    assert r.returncode == 1
    # Broken UTF-16 (an odd number of bytes): refused with a reason, not dropped.
    r = run_in(ROOT, "check", "--jsonl", stdin=data[:-1])
    out = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert out and all("error" in o for o in out) and r.returncode == 2
    # Saved as UTF-16, it is not said to be 「UTF-8 ではありません」: that sends the person to save as
    # what they believe they did.
    assert all("UTF-16" in o["error"] and "UTF-8 ではありません" not in o["error"] for o in out), out


def test_broken_utf16_jsonl_gives_one_result_per_line_of_its_text() -> None:
    """Its bytes were split at 0x0A and 0x0D, which are also halves of characters: 「」 is U+300C
    U+300D, 0D 30 in UTF-16, so three posts with 「」《》 in them gave eleven 「N行目」 results and the
    line numbers matched none of the file's lines."""
    items = [{"id": i, "text": "「市民の皆さまへ」《お知らせ》本日は晴れです。"} for i in range(3)]
    data = "\r\n".join(json.dumps(i, ensure_ascii=False) for i in items).encode("utf-16")
    r = run_in(ROOT, "check", "--jsonl", stdin=data[:-1])
    out = [json.loads(line) for line in r.stdout.decode().splitlines()]
    assert [o["error"].split(":")[0] for o in out] == ["1行目", "2行目", "3行目"], out
    assert r.returncode == 2 and all("UTF-16" in o["error"] for o in out)


def test_a_draft_saved_as_utf16_and_cut_short_is_said_to_be_broken_utf16(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes("本日は晴れです。".encode("utf-16")[:-1])
    r = kessai("check", str(draft))
    assert r.returncode == 2 and "UTF-16" in r.stderr and "UTF-8 ではありません" not in r.stderr, r.stderr


def test_lone_surrogate_in_jsonl_is_escaped_not_a_crash() -> None:
    """A lone surrogate (a JSON escape of half a pair) cannot be written to a UTF-8 stdout: the line
    echoing it would end the run with a UnicodeEncodeError. Run as a process, whose stdout is strict
    as Python opens a pipe; the id is written back, the surrogate as its JSON escape."""
    r = kessai(
        "check",
        "--jsonl",
        stdin='{"id": "a\\ud800b", "text": "\\ud800 馬鹿", "platform": "x", "at": "2025-11-20T10:00+09:00"}\n',
        process=True,
    )
    assert r.returncode == 1, r.stderr
    out = json.loads(r.stdout)
    assert out["blocking"] is True and out["id"] == "a\ud800b"
    assert '"a\\ud800b"' in r.stdout


def test_stdout_writes_what_utf_8_cannot_hold_as_an_escape() -> None:
    """_stdout's guard itself: JSON output escapes lone surrogates before writing (json_text), so the
    test above passes without it; text written raw — anything json_text does not carry — relies on it."""
    r = subprocess.run([sys.executable, "-c", "from bot.check_cli import _stdout; _stdout().write('a\\ud800b')"],
                       capture_output=True, cwd=ROOT, timeout=60,
                       env={k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"})
    assert (r.returncode, r.stdout) == (0, b"a\\ud800b"), r.stderr


def test_config_file_supplies_policy_and_overrides(tmp_path: Path) -> None:
    pytest.importorskip("bot.config")
    from bot.config import ConfigError, load_org_config

    cfg = tmp_path / "kessai.toml"
    cfg.write_text(
        """
[policy]
approver_min_rank = "課長補佐"
ranks = ["課長補佐", "主事"]
escalation_channel = "C0ESCALATE"
allowed_link_domains = ["city.joetsu.niigata.jp"]
official_phone_numbers = ["090-1234-5678"]

[rules."link.insecure"]
enabled = false

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
""",
        encoding="utf-8",
    )
    try:
        load_org_config(cfg)
    except ConfigError as exc:  # the config module's own contract is tested elsewhere
        pytest.skip(f"sample organisation file not accepted by this version of bot.config: {exc}")
    text = "災害用 090-1234-5678 http://www.city.joetsu.niigata.jp/"
    r = kessai("check", "--json", "--config", str(cfg), "--at", "2025-11-20T10:00+09:00", stdin=text)
    assert r.returncode == 0, r.stdout + r.stderr
    assert json.loads(r.stdout)["findings"] == []


def test_invalid_config_prints_problems_and_exits_2(tmp_path: Path) -> None:
    pytest.importorskip("bot.config")
    cfg = tmp_path / "bad.toml"
    cfg.write_text("[policy]\nno_such_key = 1\n", encoding="utf-8")
    r = kessai("check", "--config", str(cfg), stdin="x")
    assert r.returncode == 2
    assert "bad.toml" in r.stderr


def test_a_config_that_is_a_folder_is_said_to_be_one_not_missing(tmp_path: Path) -> None:
    """It said 「見つかりません」 of a folder that is there; `kessai config check` says 「フォルダーです」."""
    r = kessai("check", "--config", str(tmp_path), stdin="x")
    assert r.returncode == 2 and "フォルダー" in r.stderr and "見つかりません" not in r.stderr, r.stderr


def test_rules_lists_every_code_and_markdown_matches_docs() -> None:
    from bot.rules import REGISTRY

    r = kessai("rules")
    assert r.returncode == 0
    for code in REGISTRY:
        assert code in r.stdout
    md = kessai("rules", "--markdown")
    assert md.stdout == (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")


def test_parsers_plug_into_an_application_parser() -> None:
    import argparse

    from bot.check_cli import add_check_parser, add_rules_parser

    parser = argparse.ArgumentParser(prog="kessai")
    sub = parser.add_subparsers(dest="command")
    add_check_parser(sub)
    add_rules_parser(sub)
    args = parser.parse_args(["check", "draft.txt", "--platform", "line", "--json"])
    assert (args.file, args.platform, args.json, callable(args.func)) == ("draft.txt", "line", True, True)


def test_json_findings_have_exactly_the_spec_keys() -> None:
    r = kessai("check", "--json", "--at", "2025-11-20T10:00+09:00", stdin="携帯 090-1234-5678")
    out = json.loads(r.stdout)
    assert set(out) == {"findings", "blocking"}
    assert out["findings"] and all(
        set(f) == {"code", "severity", "message", "start", "end", "excerpt"} for f in out["findings"])


def test_a_reader_that_stops_early_is_not_reported_as_slack_unreachable(tmp_path: Path) -> None:
    """`kessai check --jsonl < year.jsonl | head` used to end with 「Slack（SLACK_API_URL）に接続
    できませんでした」: the closed pipe is a ConnectionError to Python."""
    posts = tmp_path / "posts.jsonl"
    posts.write_text((json.dumps({"id": "a", "text": "本日は晴れです。"}, ensure_ascii=False) + "\n") * 20_000,
                     encoding="utf-8")
    with posts.open("rb") as stdin:
        proc = subprocess.Popen([sys.executable, "-m", "bot", "check", "--jsonl"], stdin=stdin,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        assert proc.stdout is not None and proc.stderr is not None
        assert json.loads(proc.stdout.readline())["id"] == "a"
        proc.stdout.close()
        err = proc.stderr.read().decode()
        # Not 1, which says 「an error finding」 (every post here is clean): 128 + SIGPIPE, as the
        # shell reports `cat | head` under pipefail.
        assert proc.wait(timeout=120) == 141
    assert err == "", err


def test_jsonl_reads_the_file_it_is_given(tmp_path: Path) -> None:
    posts = tmp_path / "posts.jsonl"
    posts.write_text('{"id": 1, "text": "秘 内部資料", "at": "2025-11-20T10:00+09:00"}\n', encoding="utf-8")
    r = run_in(ROOT, "check", "--jsonl", str(posts), stdin=b"")  # used to read (empty) stdin and exit 0
    [line] = [json.loads(x) for x in r.stdout.decode().splitlines()]
    assert line["id"] == 1 and line["blocking"] is True and r.returncode == 1
    r = run_in(ROOT, "check", "--jsonl", "--json", str(posts))
    assert r.returncode == 2 and "--json と一緒には指定できません" in r.stderr.decode()


@pytest.mark.parametrize("args", [("check",), ("check", "--jsonl")])
def test_without_standard_input_the_check_says_so(args: tuple[str, ...]) -> None:
    r = run_process(ROOT, *args, close_stdin=True)
    assert r.returncode == 2 and "標準入力がありません" in r.stderr.decode() and b"Traceback" not in r.stderr


def test_jsonl_output_stays_json_and_a_bom_on_any_line_is_read() -> None:
    """NaN and 1e400 are read by Python but are not JSON: echoed back as ids they made the output
    unreadable. Two 「UTF-8 (BOM 付き)」 files joined with cat have a BOM in the middle."""
    data = b'{"id": NaN, "text": "a"}\n{"id": 1e400, "text": "a"}\n\xef\xbb\xbf{"id": 2, "text": "b"}\n'
    r = run_in(ROOT, "check", "--jsonl", "--at", "2025-11-20T10:00+09:00", stdin=data)

    def strict(name: str) -> None:
        raise AssertionError(f"{name} in the output")

    out = [json.loads(line, parse_constant=strict) for line in r.stdout.decode().splitlines()]
    assert [o["id"] for o in out] == [None, None, 2]
    assert all("NaN・Infinity" in o["error"] for o in out[:2]) and "error" not in out[2]


@pytest.mark.parametrize("at", ["9999-12-31T23:59", "0001-01-01T00:00+14:00", "1999-12-31T10:00+09:00"])
def test_an_at_no_post_is_made_at_is_refused(at: str) -> None:
    r = run_in(ROOT, "check", "--at", at, stdin="テスト".encode())
    assert r.returncode == 2 and "年が範囲外" in r.stderr.decode()


def test_check_reads_the_organisation_file_and_time_zone_from_dot_env(tmp_path: Path) -> None:
    """SPEC §3: the environment is read over .env, as serve reads it."""
    from tests.conftest import DEMO_TOML

    cfg = tmp_path / "org.toml"
    cfg.write_text(DEMO_TOML.read_text(encoding="utf-8") + '\n[rules."confidential.secret"]\nextra_words = ["ライトアップ"]\n',
                   encoding="utf-8")
    draft = "紅葉のライトアップを行います。".encode()
    at = ("--at", "2026-12-01T10:00-05:00")  # 10:00 on a Tuesday in New York; midnight in Tokyo
    before = json.loads(run_in(tmp_path, "check", "--json", *at, stdin=draft).stdout)
    assert {f["code"] for f in before["findings"]} == {"schedule.outside_hours"}
    (tmp_path / ".env").write_text(f"KESSAI_CONFIG={cfg}\nKESSAI_TZ=America/New_York\n", encoding="utf-8")
    after = json.loads(run_in(tmp_path, "check", "--json", *at, stdin=draft).stdout)
    assert {f["code"] for f in after["findings"]} == {"confidential.secret"}
    # The real environment wins over .env, as for serve.
    real = run_in(tmp_path, "check", "--json", *at, stdin=draft, env={"KESSAI_TZ": "Asia/Tokyo"})
    assert {f["code"] for f in json.loads(real.stdout)["findings"]} == {"confidential.secret", "schedule.outside_hours"}
    (tmp_path / ".env").write_text("KESSAI_TZ=Mars/Olympus\n", encoding="utf-8")
    bad = run_in(tmp_path, "check", *at, stdin=draft)
    assert bad.returncode == 2 and "KESSAI_TZ" in bad.stderr.decode()


def test_platform_names_are_read_in_any_case() -> None:
    r = run_in(ROOT, "check", "--platform", "X", "--json", "--at", "2025-11-20T10:00+09:00", stdin="あ".encode() * 141)
    assert r.returncode == 1 and "platform.length" in r.stdout.decode()
    line = b'{"id": 1, "text": "' + "あ".encode() * 141 + b'", "platform": "Instagram", "at": "2025-11-20T10:00+09:00"}\n'
    [out] = [json.loads(x) for x in run_in(ROOT, "check", "--jsonl", stdin=line).stdout.decode().splitlines()]
    assert "error" not in out and not out["blocking"]  # 141 characters are fine on Instagram


@pytest.mark.parametrize("name", ["twitter", "Twitter", "ｘ", "Ｘ", "x\u200b", "\u200ex"])
def test_x_written_as_twitter_or_in_full_width_is_x(name: str) -> None:
    # A zero-width space or a direction mark copied along from a spreadsheet cell does not count.
    r = run_in(ROOT, "check", "--platform", name, "--json", "--at", "2025-11-20T10:00+09:00", stdin="あ".encode() * 141)
    assert r.returncode == 1 and "platform.length" in r.stdout.decode()


def test_at_with_the_spaces_a_spreadsheet_leaves_is_read_as_remind_now_reads_it() -> None:
    """A column exported from Excel keeps its trailing space; 「日時「2025-11-20T10:00+09:00 」を読み
    取れません」 shows nothing wrong to the person reading it."""
    r = kessai("check", "--json", "--at", " 2025-11-20T10:00+09:00 ", stdin="本日は晴れです。")
    assert r.returncode == 0 and json.loads(r.stdout) == {"findings": [], "blocking": False}, r.stderr
    line = json.dumps({"id": 1, "text": "本日は晴れです。", "at": "2025-11-20T10:00+09:00\t"}, ensure_ascii=False)
    out = json.loads(kessai("check", "--jsonl", stdin=line + "\n").stdout)
    assert out == {"id": 1, "findings": [], "blocking": False}


def test_jsonl_platform_null_is_the_default_platform_as_at_null_is_the_default_time() -> None:
    """It was refused as 「（「None」）」, Python's word, where "at": null means --at."""
    line = json.dumps({"id": 1, "text": "本日は晴れです。", "platform": None, "at": "2025-11-20T10:00+09:00"},
                      ensure_ascii=False)
    r = kessai("check", "--jsonl", "--platform", "instagram", stdin=line + "\n")
    assert json.loads(r.stdout) == {"id": 1, "findings": [], "blocking": False} and r.returncode == 0, r.stdout
    wrong = json.dumps({"id": 2, "text": "本日は晴れです。", "platform": ["x"]})
    out = json.loads(kessai("check", "--jsonl", stdin=wrong + "\n").stdout)
    assert "None" not in out["error"] and "'x'" not in out["error"] and '"platform"' in out["error"], out


def test_python_m_bot_check_cli_refuses_a_prefix_of_an_option_as_kessai_does() -> None:
    """`python -m bot.check_cli` (and this file's runner) took `--pl` for --platform and `--js` for
    --json, which `kessai check` refuses; its help and refusals were argparse's English."""
    r = kessai("check", "--js", "--at", "2025-11-20T10:00+09:00", stdin="お知らせ")
    assert r.returncode == 2 and "分からない指定があります: --js" in r.stderr and '"findings"' not in r.stdout, r.stderr
    r = kessai("check", "--plat", "line", stdin="お知らせ")
    assert r.returncode == 2 and "--plat" in r.stderr and "使い方: kessai check" in r.stderr, r.stderr
    r = kessai("check", "--help")
    assert r.returncode == 0 and r.stdout.startswith("使い方: kessai check") and "options:" not in r.stdout
