"""`kessai check --jsonl` over a year of posts: a run of minutes that a person stops with Ctrl-C and
resumes, watches on a terminal, feeds from files saved by old tools or through a FIFO. In process
(main_for_tests): Ctrl-C is raised in this process's own main thread with signal.raise_signal."""

from __future__ import annotations

import io
import json
import os
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.check_cli import _LineProgress, main_for_tests

CLEAN = "本日は燃やせるごみの収集日です。"


def _posts(n: int) -> str:
    return "".join(json.dumps({"id": i, "text": CLEAN, "at": "2026-12-07T10:00+09:00"}, ensure_ascii=False) + "\n"
                   for i in range(1, n + 1))


@pytest.fixture(autouse=True)
def ctrl_c_as_at_a_terminal() -> Iterator[None]:
    """These tests press Ctrl-C as a person at a terminal does. A test run started with SIGINT
    ignored (a background job of a script, some CI runners) passes that on, and `kessai check` then
    rightly stays deaf to it: every Ctrl-C test returned 0 instead of 130."""
    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A folder without an organisation file, as a 広報 PC has."""
    monkeypatch.chdir(tmp_path)
    for key in ("KESSAI_CONFIG", "KESSAI_TZ"):
        monkeypatch.delenv(key, raising=False)
    return tmp_path


def _run_until_ctrl_c(argv: list[str]) -> int:
    try:
        return main_for_tests(argv)
    except KeyboardInterrupt:
        # Not let through: it would end the whole pytest run, not fail this test.
        pytest.fail("Ctrl-C ended `kessai check --jsonl` without saying how far it had got")


class _PressesCtrlCWhileWriting(io.RawIOBase):
    """Standard output into a file that gets Ctrl-C in the middle of writing result line ``at``."""

    def __init__(self, at: int) -> None:
        self.data = bytearray()
        self._at = at

    def writable(self) -> bool:
        return True

    def write(self, b: Any) -> int:
        chunk = bytes(b)
        if self.data.count(b"\n") == self._at - 1 and chunk:
            half = len(chunk) // 2
            self.data += chunk[:half]
            signal.raise_signal(signal.SIGINT)  # the handler runs here, half the line written
            self.data += chunk[half:]
        else:
            self.data += chunk
        return len(chunk)


def test_ctrl_c_leaves_whole_lines_and_says_where_to_resume(here: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """Ctrl-C used to end the run with the line being written cut in half (a resumed run appended to a
    findings.jsonl with one unreadable line) and without a word of how far it had got."""
    (here / "posts.jsonl").write_text(_posts(5), encoding="utf-8")
    raw = _PressesCtrlCWhileWriting(at=2)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8"))
    code = _run_until_ctrl_c(["check", "--jsonl", "posts.jsonl"])
    sys.stdout.flush()
    err = capsys.readouterr().err
    assert code == 130
    written = bytes(raw.data).decode().splitlines(keepends=True)
    assert [json.loads(line)["id"] for line in written] == [1, 2] and written[-1].endswith("\n")
    assert "2 行目までの結果を書き出しました" in err and "続きは 3 行目から" in err, err
    assert "tail -n +3 posts.jsonl | kessai check --jsonl >> findings.jsonl" in err, err
    # The handler is Python's own again after the run.
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler


class _PressesCtrlCWhileReading(io.RawIOBase):
    """Standard input (a slow pipe) that gets Ctrl-C when asked for more after its first two lines."""

    def __init__(self, lines: list[bytes]) -> None:
        self._lines = lines
        self._line = self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        if self._line == 2:
            signal.raise_signal(signal.SIGINT)
        if self._line >= len(self._lines):
            return 0
        # Never past the end of a line, as a pipe written a line at a time.
        chunk = self._lines[self._line][self._pos:self._pos + len(b)]
        b[: len(chunk)] = chunk
        self._pos += len(chunk)
        if self._pos == len(self._lines[self._line]):
            self._line, self._pos = self._line + 1, 0
        return len(chunk)


def test_ctrl_c_while_reading_stops_at_once_and_names_the_line(here: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    lines = [line.encode() for line in _posts(4).splitlines(keepends=True)]
    stdin = io.TextIOWrapper(io.BufferedReader(_PressesCtrlCWhileReading(lines), buffer_size=16), encoding="utf-8")
    monkeypatch.setattr(sys, "stdin", stdin)
    code = _run_until_ctrl_c(["check", "--jsonl"])
    out, err = capsys.readouterr()
    assert code == 130
    assert [json.loads(line)["id"] for line in out.splitlines()] == [1, 2]
    assert "2 行目までの結果" in err and "続きは 3 行目から" in err and "tail -n +3 posts.jsonl" in err, err


def test_lines_ended_by_a_lone_cr_are_each_checked(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A file with the line breaks of old Mac tools (CR alone) was one line, refused whole as
    「JSON として読み取れません（88文字目）」 with not one post checked."""
    (here / "posts.jsonl").write_bytes(_posts(3).replace("\n", "\r").encode() + b"{broken\r")
    code = main_for_tests(["check", "--jsonl", "posts.jsonl"])
    out, err = capsys.readouterr()
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in results] == [1, 2, 3, None] and code == 2
    assert results[3]["error"].startswith("4行目: JSON として読み取れません"), results[3]


def test_a_stray_cr_inside_an_lf_file_keeps_the_line_numbers_of_wc_and_tail(here: Path,
                                                                            capsys: pytest.CaptureFixture[str]) -> None:
    # Line numbers are where a resume (`tail -n +N`) starts: a CR in line 2 does not make line 3 the 4th.
    posts = _posts(3).splitlines(keepends=True)
    posts[1] = posts[1].replace(",", ",\r", 1)
    (here / "posts.jsonl").write_text("".join(posts) + "{broken\n", encoding="utf-8")
    main_for_tests(["check", "--jsonl", "posts.jsonl"])
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["id"] for r in results] == [1, 2, 3, None] and results[3]["error"].startswith("4行目:")


def test_progress_is_said_every_few_seconds_not_on_every_line() -> None:
    now = [0.0]
    said = io.StringIO()
    progress = _LineProgress(said, clock=lambda: now[0], every=5.0)
    progress(1, 0, 0)
    now[0] = 5.0
    progress(4_321, 12, 1)
    now[0] = 9.0
    progress(5_000, 12, 1)
    assert said.getvalue() == "確認しています… 4,321 行目まで（error の指摘あり 12 件、読めない行 1 行）\n"


def test_a_fifo_is_read_as_it_is_written(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`kessai check --jsonl <(export-posts)`: the shell passes a pipe's name, not a regular file."""
    fifo = here / "posts.fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=fifo.write_text, args=(_posts(2),), kwargs={"encoding": "utf-8"})
    writer.start()
    code = main_for_tests(["check", "--jsonl", str(fifo)])
    writer.join(timeout=10)
    assert code == 0 and [json.loads(x)["id"] for x in capsys.readouterr().out.splitlines()] == [1, 2]


@pytest.mark.parametrize(("name", "reason"), [("posts", "フォルダーです"), ("missing.jsonl", "見つかりません")])
def test_a_batch_file_that_cannot_be_read_is_refused_before_any_output(
        here: Path, capsys: pytest.CaptureFixture[str], name: str, reason: str) -> None:
    (here / "posts").mkdir()
    code = main_for_tests(["check", "--jsonl", name])
    out, err = capsys.readouterr()
    assert code == 2 and out == "" and f"ファイル「{name}」を読めません: {reason}" in err, err


DRAFT_WITH_A_PASSWORD = "Wi-Fi PW: Kes2026!x\n"


def test_a_draft_saved_as_utf16_without_its_bom_is_refused_not_checked_as_clean(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """UTF-16 without its BOM (some editors' 「UTF-16 LE」) decodes as UTF-8 when it is all ASCII, a NUL
    beside each character: its password was not seen, and the draft was 「決裁に回せます」 (exit 0)."""
    (here / "bom.txt").write_bytes(DRAFT_WITH_A_PASSWORD.encode("utf-16"))
    assert main_for_tests(["check", "bom.txt", "--at", "2026-12-07T10:00+09:00"]) == 1  # read, and the PW seen
    capsys.readouterr()
    (here / "draft.txt").write_bytes(DRAFT_WITH_A_PASSWORD.encode("utf-16-le"))
    code = main_for_tests(["check", "draft.txt", "--at", "2026-12-07T10:00+09:00"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert "ファイル「draft.txt」にNUL 文字があります（2バイト目）。UTF-16（BOM なし）で保存された" in err, err


def _zip_bytes() -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:  # a .docx is one: word/document.xml inside
        z.writestr("word/document.xml", "<w:t>本日は晴れです。</w:t>")
    return buf.getvalue()


NOT_TEXT = {
    "program": (b"\x7fELF\x02\x01\x01\x00" + bytes(8) + b"\x03\x00>\x00\x01\x00\x00\x00" + bytes(range(256)), "実行ファイル"),
    "png": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)), "PNG の画像"),
    "docx": (_zip_bytes(), "Word・Excel の文書"),
    "gzip": (__import__("gzip").compress("本日は晴れです。".encode() * 20, mtime=0), "画像や実行ファイル"),
}


@pytest.mark.parametrize("kind", NOT_TEXT)
def test_a_file_that_is_no_text_is_said_to_be_none_not_utf16(
        here: Path, capsys: pytest.CaptureFixture[str], kind: str) -> None:
    """An executable, a PNG or a Word document given by mistake was said to be 「UTF-16（BOM なし）で
    保存されている」 and to be saved as UTF-8: nothing a person can do with a screenshot."""
    data, named = NOT_TEXT[kind]
    (here / "draft.bin").write_bytes(data)
    code = main_for_tests(["check", "draft.bin", "--at", "2026-12-07T10:00+09:00"])
    out, err = capsys.readouterr()
    assert code == 2 and out == ""
    assert err.startswith("ファイル「draft.bin」はテキストではな") and named in err, err
    assert "UTF-16" not in err and "下書きの文章をテキストファイル（UTF-8）に保存してから" in err, err
    (here / "posts.jsonl").write_bytes(data)
    code = main_for_tests(["check", "--jsonl", "posts.jsonl"])
    first = json.loads(capsys.readouterr().out.splitlines()[0])
    assert code == 2 and first["error"].startswith("1行目: テキストではな") and "UTF-16" not in first["error"], first


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_japanese_saved_as_utf16_without_its_bom_is_still_said_to_be_so(
        here: Path, capsys: pytest.CaptureFixture[str], encoding: str) -> None:
    (here / "draft.txt").write_bytes(("本日は晴れです。\n" + DRAFT_WITH_A_PASSWORD).encode(encoding))
    assert main_for_tests(["check", "draft.txt", "--at", "2026-12-07T10:00+09:00"]) == 2
    assert "UTF-16（BOM なし）で保存されているようです" in capsys.readouterr().err


def test_a_draft_that_starts_as_a_file_signature_is_checked_as_text(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """「MZ」「GIF8」 open no program or image when the rest is text: only what is refused anyway is named."""
    (here / "draft.txt").write_text("MZ世代向けの説明会を開きます。\n", encoding="utf-8")
    assert main_for_tests(["check", "draft.txt", "--at", "2026-12-07T10:00+09:00"]) == 0
    assert capsys.readouterr().err == ""


def test_jsonl_lines_with_nul_bytes_say_so_and_the_rest_are_checked(here: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    first, second, third = _posts(3).splitlines(keepends=True)
    (here / "posts.jsonl").write_bytes(first.encode() + second.rstrip("\n").encode("utf-16-le") + b"\n" + third.encode())
    code = main_for_tests(["check", "--jsonl", "posts.jsonl"])
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert code == 2 and results[0]["id"] == 1 and results[-1]["id"] == 3
    assert results[1]["error"].startswith("2行目: UTF-8 ではありません"), results[1]
    assert "UTF-16（BOM なし）で保存されているようです" in results[1]["error"], results[1]


def test_one_nul_in_a_utf8_draft_is_named_where_it_is_not_blamed_on_utf16(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A NUL a broken editor left in a UTF-8 draft was refused as 「UTF-16（BOM なし）で保存されたファイル
    …UTF-8 で保存し直してください」: the file was UTF-8, and saving it again kept the NUL."""
    (here / "draft.txt").write_bytes("本日は晴れです。\n燃やせる\0ごみの日です。\n".encode())
    code = main_for_tests(["check", "draft.txt", "--at", "2026-12-07T10:00+09:00"])
    err = capsys.readouterr().err
    assert code == 2
    assert "目に見えない NUL 文字（U+0000）があります（2行5文字目）。" in err and "UTF-16" not in err, err


def test_jsonl_text_with_an_escaped_nul_is_refused_not_checked_as_clean(
        here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """"\\u0000" is valid JSON: a text holding it was checked as it was, and 「Wi-Fi P\\u0000W: Kes2026!x」
    came back without a finding (exit 0), its password not seen, as in a file with NULs."""
    line = json.dumps({"id": 7, "text": "Wi-Fi P\0W: Kes2026!x", "at": "2026-12-07T10:00+09:00"})
    assert "\\u0000" in line
    (here / "posts.jsonl").write_text(line + "\n", encoding="utf-8")
    code = main_for_tests(["check", "--jsonl", "posts.jsonl"])
    [result] = [json.loads(out) for out in capsys.readouterr().out.splitlines()]
    assert code == 2 and result["id"] == 7 and result["findings"] == []
    assert result["error"] == '1行目: "text" の 8文字目に NUL 文字（\\u0000）があります。書き出す前の本文から取り除いてください'


@pytest.mark.parametrize(("saved", "resume"), [
    (lambda posts: posts.encode("utf-16"), "iconv -f UTF-16 -t UTF-8 'past posts.jsonl' | tail -n +3 |"),
    (lambda posts: posts.replace("\n", "\r").encode(), "tr '\\r' '\\n' < 'past posts.jsonl' | tail -n +3 |"),
    (lambda posts: posts.replace("\n", "\r\n").encode(), "tail -n +3 'past posts.jsonl' |"),
])
def test_the_resume_command_reads_the_file_as_it_was_saved(
        here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], saved: Any,
        resume: str) -> None:
    """`tail -n +3 posts.jsonl` of a UTF-16 file cut its characters in half (every line then refused as
    UTF-16 without BOM), of a file of lone CRs gave nothing (「確認する投稿がありませんでした」, exit 0),
    and a name with a space was two arguments."""
    (here / "past posts.jsonl").write_bytes(saved(_posts(5)))
    raw = _PressesCtrlCWhileWriting(at=2)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8"))
    assert _run_until_ctrl_c(["check", "--jsonl", "past posts.jsonl"]) == 130
    err = capsys.readouterr().err
    assert f"（例: {resume} kessai check --jsonl >> findings.jsonl）" in err, err


@pytest.mark.parametrize(("options", "resume"), [
    (["--platform", "instagram"], "kessai check --jsonl --platform instagram >>"),
    (["--config", "city hall.toml", "--at", "2026/12/7 10:00"],
     "kessai check --jsonl --config 'city hall.toml' --at '2026/12/7 10:00' >>"),
    (["--platform", "x"], "kessai check --jsonl >>"),
])
def test_the_resume_command_keeps_the_options_of_the_run(
        here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], options: list[str],
        resume: str) -> None:
    """The resume command was always `… | kessai check --jsonl`: the rest of a run for Instagram, at a
    given time or under the city's file was checked for X, now, without it, and nothing said so."""
    (here / "posts.jsonl").write_text(_posts(5), encoding="utf-8")
    (here / "city hall.toml").write_bytes((Path(__file__).parents[2] / "kessai.example.toml").read_bytes())
    raw = _PressesCtrlCWhileWriting(at=2)
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(io.BufferedWriter(raw), encoding="utf-8"))
    assert _run_until_ctrl_c(["check", "--jsonl", "posts.jsonl", *options]) == 130
    err = capsys.readouterr().err
    assert f"（例: tail -n +3 posts.jsonl | {resume} findings.jsonl）" in err, err


def test_a_utf16_post_holding_a_line_separator_stays_one_line(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """JSON allows U+2028 raw in a string, and Excel's 「Unicode テキスト」 keeps it: a UTF-16 file's lines
    were split as str.splitlines splits, the post cut in two (both halves refused) and the lines after
    it numbered one more than in the file."""
    items = [{"id": 1, "text": "本日は\u2028晴れです。"}, {"id": 2, "text": "連絡は090-1234-5678まで", "at": "2026-12-07T10:00+09:00"}]
    (here / "posts.jsonl").write_bytes("\r\n".join(json.dumps(i, ensure_ascii=False) for i in items).encode("utf-16"))
    code = main_for_tests(["check", "--jsonl", "posts.jsonl", "--at", "2026-12-07T10:00+09:00"])
    results = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [(r["id"], [f["code"] for f in r["findings"]]) for r in results] == [(1, []), (2, ["pii.phone"])], results
    assert code == 1


class _Terminal(io.StringIO):
    """Standard error as a person's terminal: the note is for a person, and only there."""

    def isatty(self) -> bool:
        return True


OWN_SITE_DRAFT = "詳しくは https://www.city.joetsu.niigata.jp/site/kanko/ をご覧ください。\n"


@pytest.mark.parametrize(("args", "organisation_file", "noted"), [
    ((), None, True),
    (("--json",), None, False),  # read by scripts: their stderr is kept for what went wrong
    ((), "kessai.toml", False),
    ((), "KESSAI_CONFIG", False),
])
def test_a_check_without_an_organisation_file_says_so_to_a_person(
        here: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        args: tuple[str, ...], organisation_file: str | None, noted: bool) -> None:
    """Without kessai.toml or KESSAI_CONFIG the city's own site was 「信頼済みのドメインではありません」
    with nothing saying that no organisation file had been read."""
    from bot.check_cli import NO_CONFIG_NOTE_JA
    from tests.conftest import DEMO_TOML

    if organisation_file == "kessai.toml":
        (here / "kessai.toml").write_bytes(DEMO_TOML.read_bytes())
    elif organisation_file == "KESSAI_CONFIG":
        monkeypatch.setenv("KESSAI_CONFIG", str(DEMO_TOML))
    (here / "draft.txt").write_text(OWN_SITE_DRAFT, encoding="utf-8")
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    code = main_for_tests(["check", "draft.txt", "--at", "2026-12-07T10:00+09:00", *args])
    out = capsys.readouterr().out
    assert code == 0
    assert terminal.getvalue() == (NO_CONFIG_NOTE_JA + "\n" if noted else ""), terminal.getvalue()
    # The reason the note is there: without the file the city's own site is flagged.
    assert ("link.untrusted" in out) is (organisation_file is None), out
    if "--json" in args:
        assert list(json.loads(out)) == ["findings", "blocking"]


def test_no_note_when_standard_error_is_no_terminal(here: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (here / "draft.txt").write_text(OWN_SITE_DRAFT, encoding="utf-8")
    assert main_for_tests(["check", "draft.txt", "--at", "2026-12-07T10:00+09:00"]) == 0
    assert capsys.readouterr().err == ""  # cron's mail, a CI log, `2> file`
