"""`kessai check` and `kessai rules`: the rule engine on the command line (SPEC §6).

`bot/cli.py` calls `add_check_parser(subparsers)` and `add_rules_parser(subparsers)`; each sets
`func=` on its subparser, taking the parsed `args` and returning the exit code.
"""

from __future__ import annotations

import argparse
import json
import re
import shlex
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import IO, Any
from zoneinfo import ZoneInfo

from bot.logs import json_text, printable
from bot.saved_text import UTF16_BOMS, decode_saved, not_text_kind_ja, reads_as_shift_jis, reads_as_utf16
from bot.typed import typed_form

PLATFORMS = ("x", "facebook", "instagram", "line", "youtube", "tiktok", "blog")
EXIT_OK, EXIT_BLOCKING, EXIT_USAGE = 0, 1, 2
# 128 + SIGINT, as a shell reports a command stopped by Ctrl-C.
EXIT_INTERRUPTED = 130


class _UsageError(Exception):
    """A problem with the command's input, reported in Japanese with exit code 2."""


class _JsonArray(_UsageError):
    """An input that is a JSON array, not JSON Lines: refused whole, before any line is written."""


class _UnreadableLine(Exception):
    """A line that is not JSON (the message says where, in Japanese)."""


class _BrokenUtf16(bytes):
    """A line of an input that starts as UTF-16 (its BOM) and does not decode as it; ``at`` is
    where in the whole input it stopped decoding."""

    at: int


def _broken_utf16(at: int) -> str:
    # Not 「UTF-8 ではありません」: it was saved as Notepad's 「Unicode」, and is cut short or damaged.
    return ("UTF-16（メモ帳の「Unicode」）で保存されていますが、途中で切れているか壊れていて読めません"
            f"（{at + 1}バイト目）。元のファイルから UTF-8 で保存し直してください")


def _not_utf8(exc: UnicodeDecodeError, data: bytes) -> str:
    """Why bytes are refused, naming Shift_JIS when they read as it: Windows tools (Excel's CSV,
    Notepad's ANSI) save in it, and the person then knows what to change."""
    if data.startswith(UTF16_BOMS):
        return _broken_utf16(exc.start)
    if b"\0" in data:
        hint = "UTF-16（BOM なし）で保存されているようです（NUL 文字があります）。"
    else:
        hint = "Shift_JIS（ANSI）で保存されているようです。" if reads_as_shift_jis(data) else ""
    return f"UTF-8 ではありません（{exc.start + 1}バイト目）。{hint}UTF-8 で保存してください"


_WORD_AS_TEXT_JA = ("Word の文書なら、「名前を付けて保存」でファイルの種類を「書式なし (*.txt)」、"
                    "エンコードを「Unicode (UTF-8)」にして保存できます")


def _not_text_ja(data: bytes, *, lines: bool) -> str | None:
    """Why ``data`` is refused when it is no text at all (an image, a program, a Word document given
    by mistake), or None when it may be text the other messages speak of: UTF-16 with or without its
    BOM, Shift_JIS, UTF-8 with a NUL or two. Such a file was said to be 「UTF-16（BOM なし）」, and
    saving a PNG as UTF-8 is nothing a person can do. Only what is refused anyway comes here: a
    draft may well start with 「MZ」 or 「GIF8」."""
    if data.startswith(UTF16_BOMS):
        return None
    try:
        text: str | None = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    kind = not_text_kind_ja(data)
    if kind is None:
        if text is not None and text.count("\0") * 4 < len(text):
            return None  # UTF-8 with a NUL or two (_nul_ja), or no NUL at all
        if b"\0" not in data or reads_as_utf16(data):
            return None
    what = "テキストではないようです（画像や実行ファイル、Word・Excel の文書など）" if kind is None else f"テキストではなく、{kind}のようです"
    if lines:
        return f"{what}。投稿を1件ずつ1行の JSON で書いたテキストファイル（JSON Lines、UTF-8）を指定してください"
    word = f"。{_WORD_AS_TEXT_JA}" if kind is None or "Word" in kind else ""
    return f"{what}。下書きの文章をテキストファイル（UTF-8）に保存してから、もう一度確かめてください{word}"


def _nul_ja(text: str, *, lines: bool) -> str:
    """Why text holding NULs is refused. No text has NUL characters, and the rules do not read past
    them (「P\0W: …」 is no password). UTF-16 saved without its BOM decodes as UTF-8 only when it is
    all but ASCII, a NUL beside every character; a NUL or two among Japanese text are a broken
    editor's or a copy's, and saving that file again as UTF-8 keeps them."""
    i = text.index("\0")
    if text.count("\0") * 4 >= len(text):
        at = len(text[:i].encode("utf-8", "surrogatepass")) + 1
        return (f"NUL 文字があります（{at}バイト目）。UTF-16（BOM なし）で保存されたファイルか、"
                "テキストではないファイルのようです。UTF-8 で保存し直してください")
    where = _position(text, i) if lines else f"{i + 1}文字目"
    return (f"目に見えない NUL 文字（U+0000）があります（{where}）。"
            "編集ソフトの不具合やコピーで入ることがあります。この文字を削除してから、もう一度確認してください")


def _decoded_line(data: bytes) -> str:
    # The BOM of 「UTF-8 (BOM 付き)」 is not part of the line; files saved so and joined with
    # `cat` have one at the start of each file's first line, anywhere in the input.
    if isinstance(data, _BrokenUtf16):
        # Its lines split at b"\n" are not lines of the text; some even read as UTF-8 (with NULs).
        raise _UnreadableLine(_broken_utf16(data.at))
    try:
        line = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _UnreadableLine(_not_text_ja(data, lines=True) or _not_utf8(exc, data)) from exc
    if "\0" in line:
        raise _UnreadableLine(_not_text_ja(data, lines=True) or _nul_ja(line.rstrip("\r\n"), lines=False))
    return line


class _InputForm:
    """How the input was saved, for the command that resumes an interrupted run: `tail -n` counts
    LFs in UTF-8, and a file of UTF-16 or of lone CRs has to be turned into that first."""

    def __init__(self) -> None:
        self.utf16 = self.lone_cr = False


def _text_lines(text: str, lone_cr: bool) -> list[str]:
    # Not str.splitlines: it also ends a line at U+2028, U+0085 or a form feed, which JSON allows raw
    # in a string; a post holding one was cut in two (both halves refused) and the lines after it
    # were numbered one more than in the file.
    return (_CR_LINES if lone_cr else _LF_LINES).findall(text)


_LF_LINES = re.compile(r"[^\n]*\n|[^\n]+")
_CR_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")


def _first_break_is_lone_cr(text: str) -> bool:
    m = re.search(r"\r\n?|\n", text)
    return m is not None and m.group() == "\r"


def _input_lines(stream: Any, form: _InputForm | None = None) -> Iterator[bytes]:
    """The lines of the JSON Lines input, as UTF-8 bytes. A UTF-16 input (it starts with its BOM)
    is read whole and re-encoded: its line breaks are two bytes, so it cannot be read line by line."""
    form = form or _InputForm()
    first = stream.readline()
    if first.startswith(UTF16_BOMS):
        form.utf16 = True
        data = first + stream.read()
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            # Broken UTF-16: each line is refused in its own result, none silently dropped. Its lines
            # are those of the text: split as bytes, 「」 (U+300D is 0D 30) broke a line in two.
            damaged = data.decode("utf-16", errors="replace")
            form.lone_cr = _first_break_is_lone_cr(damaged)
            for piece in _text_lines(damaged, form.lone_cr):
                line = _BrokenUtf16(piece.encode("utf-8", errors="replace"))
                line.at = exc.start
                yield line
            return
        form.lone_cr = _first_break_is_lone_cr(text)
        yield from (line.encode("utf-8") for line in _text_lines(text, form.lone_cr))
        return
    if _LONE_CR.search(first):
        # Saved with the line breaks of old Mac tools (a lone CR): split at b"\n" it is one line,
        # refused whole as 「JSON として読み取れません」 with not one post checked. A raw CR cannot be
        # inside a JSON string, so each CR ends a line. Only then: in an LF file a stray CR stays in
        # its line, and line numbers stay those of `wc -l` and `tail -n`, which a resume relies on.
        form.lone_cr = True
        for line in (first + stream.read()).splitlines(keepends=True):
            yield line
        return
    if first:
        yield first
    yield from stream


# A CR not followed by LF: CRLF (Windows) ends a line as LF does.
_LONE_CR = re.compile(rb"\r(?!\n)")


def _no_constant(name: str) -> Any:
    # Python reads NaN and Infinity, which are not JSON: echoed back as an id, they would make
    # the output line unreadable for every other JSON reader.
    raise ValueError(name)


def _finite(value: str) -> float:
    number = float(value)
    if number in (float("inf"), float("-inf")):
        raise ValueError(value)  # 1e400: too large for a JSON reader to give back
    return number


def _json_line(raw: str) -> Any:
    try:
        return json.loads(raw, parse_constant=_no_constant, parse_float=_finite)
    except json.JSONDecodeError as exc:
        raise _UnreadableLine(f"JSON として読み取れません（{exc.colno}文字目）") from exc
    except (ValueError, RecursionError) as exc:
        # Valid JSON that Python will not read: a number of thousands of digits, nesting
        # thousands deep. One such line must not end the batch.
        raise _UnreadableLine("JSON として読み取れません（NaN・Infinity や桁数の多すぎる数値、または深すぎる入れ子があります）") from exc


# X was Twitter until 2023, and past posts exported for an audit still say so. A spreadsheet's
# platform column is as often in katakana (ｲﾝｽﾀｸﾞﾗﾑ is インスタグラム once read by typed_form).
_PLATFORM_ALIASES = {
    "twitter": "x", "ツイッター": "x", "エックス": "x",
    "フェイスブック": "facebook",
    "インスタグラム": "instagram", "インスタ": "instagram",
    "ライン": "line", "line公式アカウント": "line", "line公式": "line",
    "ユーチューブ": "youtube",
    "ティックトック": "tiktok",
    "ブログ": "blog",
}
# 「X（旧Twitter）」, as the name is written since 2023.
_FORMER_NAME = re.compile(r"\s*\(旧[^()]*\)$")


def _platform_name(value: str) -> str:
    """「X」「Instagram」「ｘ」「twitter」「ツイッター」「X（旧Twitter）」 as people write the names: the
    codes are lower case ASCII. A direction mark or zero-width space copied along with a name from a
    web page or a spreadsheet cell does not count, as in every other word kessai reads (typed_form)."""
    name = _FORMER_NAME.sub("", typed_form(value).strip())
    return _PLATFORM_ALIASES.get(name, name)


def add_check_parser(subparsers: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subparsers.add_parser(
        "check",
        help="下書きをルールでチェックします（error があれば終了コード1）",
        description="下書きをガイドラインのルールでチェックします。error の指摘があれば終了コード1で終わります。",
    )
    p.add_argument(
        "file", nargs="?", default="-", metavar="FILE", help="下書きのファイル（省略または - で標準入力）"
    )
    p.add_argument("--platform", choices=PLATFORMS, default="x", type=_platform_name, help="投稿先（既定: x）")
    p.add_argument("--json", action="store_true", help="結果を JSON で出力します")
    p.add_argument(
        "--jsonl",
        action="store_true",
        help='JSON Lines {"id","text","platform","at"?} を 1 行ずつ一括チェックします（FILE を省略すると標準入力）',
    )
    p.add_argument("--config", default=None, metavar="F",
                   help="組織設定ファイル（TOML）。省略時は KESSAI_CONFIG、それもなければ kessai.toml（あれば）")
    p.add_argument("--at", default=None, metavar="DATETIME", help="投稿時刻（ISO 8601 か 2026/12/5 10:00・令和8年12月5日 10:00 の形、既定は現在時刻。日付だけなら休日かだけを確かめます）。"
                   "--jsonl では \"at\" のない行に使います")
    p.set_defaults(func=run_check)
    return p


def add_rules_parser(subparsers: Any) -> argparse.ArgumentParser:
    p: argparse.ArgumentParser = subparsers.add_parser("rules", help="ルールの一覧と説明を表示します")
    p.add_argument("--markdown", action="store_true", help="docs/rules.md の Markdown を出力します")
    p.set_defaults(func=run_rules)
    return p


def main_for_tests(argv: Sequence[str]) -> int:
    """Run `check`/`rules` as `kessai` would, without the rest of the application's CLI: with its
    parser, so that `python -m bot.check_cli` refuses what `kessai check` refuses (a prefix of an
    option, `--pl` for --platform, was taken for it) and says so, and its help, in Japanese."""
    from bot.cli import JapaneseArgumentParser

    parser = JapaneseArgumentParser(prog="kessai")
    sub = parser.add_subparsers(dest="command", required=True)
    add_check_parser(sub)
    add_rules_parser(sub)
    args = parser.parse_args(list(argv))
    return int(args.func(args))


# --------------------------------------------------------------------------------------------
# check
# --------------------------------------------------------------------------------------------


def _stdout() -> IO[str]:
    # Lone surrogates (a JSONL line's "\ud800") cannot be encoded. JSON output escapes them itself
    # (json_text); this is the backstop for text written raw, where backslashreplace's "\udXXX"
    # keeps the run going instead of a UnicodeEncodeError.
    out = sys.stdout
    if hasattr(out, "reconfigure"):
        out.reconfigure(errors="backslashreplace")
    return out


# Said to a person at a terminal when no organisation file is read: without one, the city's own
# site, phone numbers and addresses are flagged as anyone's, and nothing said why.
NO_CONFIG_NOTE_JA = ("注意: 組織設定ファイルがないため（--config・KESSAI_CONFIG の指定も、作業フォルダーの kessai.toml も"
                     "ありません）、既定の設定で確かめました。組織の信頼済みドメイン・公式の電話番号とメールアドレス・"
                     "業務時間・閉庁日を使っていないため、自分の組織のリンクや連絡先も指摘されることがあります。")


def _load_policy(path: str | None) -> tuple[Any, Mapping[str, Any], bool]:
    """The rules' policy and overrides, and whether they were read from an organisation file."""
    from bot.calendar import DEFAULT_TZ, BusinessCalendar
    from bot.config import (
        DEFAULT_CONFIG_PATH,
        ConfigError,
        SettingsError,
        environment_value,
        home_expanded,
        load_org_config,
        windows_config_path_ja,
    )
    from bot.rules import RulePolicy

    try:
        # The same file and time zone serve uses, set in the environment or in .env: an
        # organisation's trusted domains and rule settings apply here too (without them, its own
        # site's links were reported as untrusted), and working hours are its own clock's.
        tz = environment_value("KESSAI_TZ") or DEFAULT_TZ
        if path is None:
            path = environment_value("KESSAI_CONFIG")
            path = home_expanded(path) if path else path
    except SettingsError as exc:
        raise _UsageError("\n".join(exc.problems)) from exc
    try:
        BusinessCalendar(tz=tz)
    except ValueError as exc:
        raise _UsageError(f"KESSAI_TZ: {exc}") from exc
    if path is None:
        if not Path(DEFAULT_CONFIG_PATH).is_file():
            return RulePolicy(tz=tz), {}, False
        path = DEFAULT_CONFIG_PATH
    if Path(path).is_dir():
        raise _UsageError(f"組織設定ファイル {path} はフォルダーです。--config か KESSAI_CONFIG にファイル名まで指定してください。")
    if not Path(path).is_file():
        raise _UsageError(f"組織設定ファイル {path} が見つかりません。"
                          + (windows_config_path_ja(path) or "--config か KESSAI_CONFIG で場所を確認してください。"))

    try:
        cfg = load_org_config(path, tz=tz)
    except ConfigError as exc:
        raise _UsageError(
            "\n".join(["組織設定ファイルに問題があります:", *(f"  {p}" for p in exc.problems)])
        ) from exc
    return cfg.rule_policy(tz), cfg.rule_overrides(), True


def _parse_at(value: str | None, tz: str) -> tuple[datetime, bool]:
    """The posting time ``--at`` (or a line's "at") names, and whether it named the time of day, read
    as `kessai remind --now` reads its time (bot.calendar.parse_instant). A day alone is read at noon:
    what the rules read of it is the day (a 「明日」 after it, the year of a 「12月1日」), and noon is
    that day in every zone near Japan's."""
    from bot.calendar import parse_instant

    zone = ZoneInfo(tz)
    if value is None:
        return datetime.now(zone), True
    try:
        t, timed = parse_instant(value, zone)
    except ValueError as exc:
        raise _UsageError(str(exc)) from None
    return (t if timed else t.replace(hour=12)), timed


def _not_a_time_ja(at: Any) -> str:
    shown = json.dumps(at, ensure_ascii=False)
    if isinstance(at, int | float) and not isinstance(at, bool) and 36526 <= at < 109574:
        # 2000-01-01 to 2199-12-31 as Excel counts days. Not read as one: a workbook in the 1904
        # system (old Mac Excel) counts four years differently, and a year of posts would be checked
        # against the wrong dates without anyone noticing.
        return (f'"at" が数値（{shown}）です。Excel の日付のシリアル値のようです。日時のセルを'
                "「yyyy/mm/dd hh:mm」の表示形式にして書き出すか、2025-11-20T10:00+09:00 のような文字列にしてください")
    return f'"at" は日時の文字列にしてください（{shown[:40]}）'


@contextmanager
def _input_stream(file: str) -> Iterator[IO[bytes]]:
    """The bytes of FILE, or of standard input for 「-」."""
    if file == "-":
        if sys.stdin is None:  # started without one (cron, a service unit)
            raise _UsageError("標準入力がありません。確認するファイルを指定してください（例: kessai check draft.txt、kessai check --jsonl posts.jsonl）。")
        yield sys.stdin.buffer
        return
    try:
        fh = open(file, "rb")  # noqa: SIM115 - closed below, after the caller has read it
    except OSError as exc:
        from bot.errors import os_reason_ja

        raise _UsageError(f"ファイル「{file}」を読めません: {os_reason_ja(exc)}。") from exc
    with fh:
        yield fh


def _read_text(file: str) -> str:
    name = "標準入力" if file == "-" else f"ファイル「{file}」"
    try:
        with _input_stream(file) as stream:
            data = stream.read()
    except OSError as exc:
        from bot.errors import os_reason_ja

        raise _UsageError(f"{name}を読めません: {os_reason_ja(exc)}。") from exc
    try:
        text = decode_saved(data)
    except UnicodeDecodeError as exc:
        if (not_text := _not_text_ja(data, lines=False)) is not None:
            raise _UsageError(f"{name}は{not_text}。") from exc
        raise _UsageError(f"{name}が {_not_utf8(exc, data)}。") from exc
    if "\0" in text:
        if (not_text := _not_text_ja(data, lines=False)) is not None:
            raise _UsageError(f"{name}は{not_text}。")
        # Checked as it was, a password between the NULs was not seen (「P W :」 matches nothing).
        raise _UsageError(f"{name}に{_nul_ja(text, lines=True)}。")
    return text


# Exactly the keys of SPEC §6: scripts that audit past posts rely on this shape.
JSON_FINDING_KEYS = ("code", "severity", "message", "start", "end", "excerpt")


def _finding_json(f: Any) -> dict[str, Any]:
    d = asdict(f)
    return {k: d[k] for k in JSON_FINDING_KEYS}


def run_check(args: argparse.Namespace) -> int:
    from bot.rules import CheckContext, check, is_blocking

    try:
        policy, overrides, from_file = _load_policy(args.config)
        # Parsed before --jsonl too: a mistyped --at is one message, not one per line.
        try:
            now, timed = _parse_at(args.at, policy.tz)
        except _UsageError as exc:
            # Which of the two to fix under --jsonl (a line's "at" is said with its line), and
            # said as `kessai remind` says its --now.
            raise _UsageError(f"--at の{exc}") from None
        if args.jsonl:
            if args.json:
                raise _UsageError("--jsonl の結果は常に JSON Lines です。--json と一緒には指定できません。")
            with _input_stream(args.file) as stream:
                return _run_jsonl(stream, policy, overrides, args.platform, args.at, args.file, _resume_options(args))
        text = _read_text(args.file)
    except _UsageError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_USAGE
    # 'As if posted at --at': that instant is both the check time and the posting time.
    # A day without its time (an export's date column): whether it was in working hours is unknown, and
    # 「00:00は業務時間外です」 on every line would be a false alarm; a Saturday or 12/30 is still a day off.
    ctx = CheckContext(platform=args.platform, now=now, scheduled_at=now, scheduled_day_only=not timed,
                       policy=policy, overrides=overrides)
    findings = check(text, ctx)
    blocking = is_blocking(findings)
    out = _stdout()
    # Only to a person reading the human output: --json and --jsonl are read by scripts, whose
    # stderr (cron's mail, a CI log) is kept for what went wrong, and a file or pipe is no person.
    if not from_file and not args.json and sys.stderr is not None and sys.stderr.isatty():
        print(NO_CONFIG_NOTE_JA, file=sys.stderr)
    if args.json:
        out.write(json_text({"findings": [_finding_json(f) for f in findings], "blocking": blocking}, indent=2) + "\n")
    else:
        out.write(render_human(text, findings, blocking))
    return EXIT_BLOCKING if blocking else EXIT_OK


_UTF8_BOM = b"\xef\xbb\xbf"
_JSON_ARRAY_JA = ("入力が JSON の配列（「[」で始まる形）になっています。--jsonl は、1行に1件ずつ JSON のオブジェクト"
                  '（{"id", "text", "platform", "at"}）を書いた形（JSON Lines）を読みます。1件ずつ1行に書き出し直してください'
                  "（例: jq -c '.[]' posts.json > posts.jsonl）。")


def _cell(value: Any) -> Any:
    # An empty spreadsheet cell is exported as "" (or the spaces it held): no value, as null is.
    return None if isinstance(value, str) and not value.strip() else value


class _LineProgress:
    """Says every few seconds how far `kessai check --jsonl` is: a year of posts takes minutes, and
    without a word the person at the terminal cannot tell a long run from a hung one."""

    def __init__(self, out: IO[str], *, clock: Callable[[], float], every: float = 5.0) -> None:
        self._out, self._clock, self._every = out, clock, every
        self._next_at = clock() + every

    def __call__(self, lineno: int, blocking: int, bad: int) -> None:
        if (now := self._clock()) < self._next_at:
            return
        self._next_at = now + self._every
        self._out.write(f"確認しています… {lineno:,} 行目まで（error の指摘あり {blocking:,} 件、読めない行 {bad:,} 行）\n")
        self._out.flush()


class _WholeLines:
    """Ctrl-C while a result is being written is held until its line is whole: findings.jsonl is
    then cut between lines, and a resumed run appends to it without a broken line in the middle.
    Anywhere else (reading a slow pipe, checking a long post) Ctrl-C stops the run at once."""

    def __init__(self) -> None:
        self._writing = self._held = False
        self._previous: Any = None
        # The last input line whose result is written whole (or that was blank): where to resume.
        self.done = 0

    def __enter__(self) -> _WholeLines:
        # Only where Python's own Ctrl-C handling is in place: a run started with SIGINT ignored
        # (`nohup`, `&` in a script) must stay deaf to it, and only the main thread may set handlers.
        if (threading.current_thread() is threading.main_thread()
                and signal.getsignal(signal.SIGINT) is signal.default_int_handler):
            self._previous = signal.signal(signal.SIGINT, self._on_interrupt)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)

    def _on_interrupt(self, signum: int, frame: Any) -> None:
        if self._writing:
            self._held = True
            return
        raise KeyboardInterrupt

    def write(self, out: IO[str], line: str, lineno: int) -> None:
        self._writing = True
        try:
            out.write(line)
            out.flush()
            self.done = lineno
        finally:
            self._writing = False
        if self._held:
            raise KeyboardInterrupt


def _resume_options(args: argparse.Namespace) -> list[str]:
    """The options of this run that the resumed one needs: without them the rest of the posts were checked
    for X, at the current time and under another organisation file (or none), in silence."""
    options = [] if args.platform == "x" else ["--platform", args.platform]
    if args.config is not None:
        options += ["--config", args.config]
    if args.at is not None:
        options += ["--at", args.at]
    return options


def _interrupted_ja(done: int, file: str, form: _InputForm, options: Sequence[str]) -> str:
    # The line to resume from, as `tail -n +N` counts it: the results of lines 1…done are in the output.
    # UTF-16 given to tail came back cut inside a character (every line refused), and a file of lone
    # CRs is one line to it (nothing checked): both are made UTF-8 with LFs first.
    source = shlex.quote("posts.jsonl" if file == "-" else file)
    tail = f"tail -n +{done + 1}"
    if form.utf16:
        tail = f"iconv -f UTF-16 -t UTF-8 {source} | " + ("tr '\\r' '\\n' | " if form.lone_cr else "") + tail
    elif form.lone_cr:
        tail = f"tr '\\r' '\\n' < {source} | {tail}"
    else:
        tail = f"{tail} {source}"
    again = f"{tail} | {shlex.join(['kessai', 'check', '--jsonl', *options])} >> findings.jsonl"
    if not done:
        return "\n中断しました。結果はまだ1行も書き出していません。"
    return (f"\n中断しました。入力の {done:,} 行目までの結果を書き出しました（どの行も途中で切れていません）。"
            f"続きは {done + 1:,} 行目からです（例: {again}）。")


def _run_jsonl(stream: IO[bytes], policy: Any, overrides: Mapping[str, Any], default_platform: str,
               default_at: str | None, file: str, options: Sequence[str]) -> int:
    out = _stdout()
    # Only to a person at a terminal: a cron job's mail or a log needs no line every 5 seconds.
    progress = _LineProgress(sys.stderr, clock=time.monotonic) if sys.stderr is not None and sys.stderr.isatty() else None
    lines, form = _WholeLines(), _InputForm()
    try:
        with lines:
            return _check_lines(_input_lines(stream, form), out, lines, progress, policy, overrides,
                                default_platform, default_at)
    except KeyboardInterrupt:
        print(_interrupted_ja(lines.done, file, form, options), file=sys.stderr)
        return EXIT_INTERRUPTED


def _check_lines(input_lines: Iterator[bytes], out: IO[str], lines: _WholeLines, progress: _LineProgress | None,
                 policy: Any, overrides: Mapping[str, Any], default_platform: str,
                 default_at: str | None) -> int:
    from bot.rules import CheckContext, check, is_blocking

    any_blocking = False
    bad_lines = written = blocking_lines = 0
    for lineno, data in enumerate(input_lines, start=1):
        if not data.removeprefix(_UTF8_BOM).strip():
            lines.done = lineno
            continue
        item_id: Any = None
        try:
            item = _json_line(_decoded_line(data))
            if not isinstance(item, dict):
                if isinstance(item, list) and not written:
                    raise _JsonArray(_JSON_ARRAY_JA)
                raise _UsageError("1行に1つの JSON オブジェクトを書いてください")
            item_id = item.get("id")
            text = item.get("text")
            if not isinstance(text, str):
                raise _UsageError('"text" に本文の文字列がありません')
            if "\0" in text:
                # "\u0000" is valid JSON, but checked as it is, 「P\u0000W: …」 hid its password as a
                # file's NUL does: refused as a file holding one is.
                raise _UsageError(f'"text" の {text.index(chr(0)) + 1}文字目に NUL 文字（\\u0000）があります。'
                                  "書き出す前の本文から取り除いてください")
            # null as for "at": the line has no platform of its own, and --platform applies.
            platform = _cell(item.get("platform"))
            platform = default_platform if platform is None else platform
            if isinstance(platform, str):
                platform = _platform_name(platform)
            if platform not in PLATFORMS:
                # As the line wrote it (a list as ["x"]), not in Python's words (['x'], True).
                shown = platform if isinstance(platform, str) else json.dumps(platform, ensure_ascii=False)
                given = f"（「{shown[:40]}」）"
                raise _UsageError(f'"platform" は {"・".join(PLATFORMS)} のいずれかにしてください{given}')
            at = _cell(item.get("at"))
            if at is not None and not isinstance(at, str):
                raise _UsageError(_not_a_time_ja(at))
            now, timed = _parse_at(at if at is not None else default_at, policy.tz)
        except _UnreadableLine as exc:
            if not written and data.removeprefix(_UTF8_BOM).lstrip().startswith(b"["):
                # A pretty-printed array: its first line is 「[」 alone. Refused before anything is
                # written, not line by line with one of its objects (the last, without a comma) checked.
                raise _JsonArray(_JSON_ARRAY_JA) from exc
            # Every line keeps the documented shape; "error" says why this one was not checked.
            result: dict[str, Any] = {"id": None, "findings": [], "blocking": False, "error": f"{lineno}行目: {exc}"}
            bad_lines += 1
        except _JsonArray:
            raise
        except _UsageError as exc:
            result = {"id": item_id, "findings": [], "blocking": False, "error": f"{lineno}行目: {exc}"}
            bad_lines += 1
        else:
            ctx = CheckContext(platform=platform, now=now, scheduled_at=now, scheduled_day_only=not timed,
                               policy=policy, overrides=overrides)
            findings = check(text, ctx)
            blocking = is_blocking(findings)
            any_blocking = any_blocking or blocking
            blocking_lines += blocking
            result = {"id": item_id, "findings": [_finding_json(f) for f in findings], "blocking": blocking}
        written += 1
        # json_text: a U+2028 of a post left raw split the line for a reader that breaks lines as
        # str.splitlines does, and a U+202E reordered the line on a terminal.
        lines.write(out, json_text(result) + "\n", lineno)
        if progress is not None:
            progress(lineno, blocking_lines, bad_lines)
    if not written:
        # An empty export (the wrong sheet, a failed copy) said nothing and exited 0, the same as a
        # year of clean posts.
        print("確認する投稿がありませんでした（入力が空か、空の行だけです）。", file=sys.stderr)
    if bad_lines:
        print(f"{bad_lines} 行は読み取れなかったため確認していません（各行の \"error\" をご覧ください）。", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_BLOCKING if any_blocking else EXIT_OK


_LABEL = {"error": "エラー", "warning": "警告", "info": "情報"}


def _position(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}行{col}文字目"


def render_human(text: str, findings: Sequence[Any], blocking: bool) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    summary = "・".join(f"{_LABEL[s]} {n}件" for s, n in counts.items())
    lines = []
    if not findings:
        lines.append("指摘はありません。決裁に回せます。")
    elif blocking:
        lines.append(f"決裁に回せません（{summary}）。エラーを直してください。")
    else:
        lines.append(f"決裁に回せます（{summary}）。警告・情報は決裁者にも伝わります。")
    for f in findings:
        lines.append("")
        # The post's own words (an excerpt, a message quoting it) as one line each: a line break or a
        # terminal's command in a post that came from elsewhere is shown, not obeyed.
        lines.append(f"[{_LABEL[f.severity]}] {f.code}: {printable(f.message)}")
        if f.excerpt:
            where = f"（{_position(text, f.start)}）" if f.end > f.start else ""
            lines.append(f"    該当: 「{printable(f.excerpt)}」{where}")
        if f.suggestion:
            lines.append(f"    提案: 「{printable(f.suggestion)}」")
        lines.append(f"    根拠: {f.clause}")
    return "\n".join(lines) + "\n"


# --------------------------------------------------------------------------------------------
# rules
# --------------------------------------------------------------------------------------------


def run_rules(args: argparse.Namespace) -> int:
    from bot.rules.docs import render_markdown, render_text

    out = _stdout()
    out.write(render_markdown() if args.markdown else render_text())
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover - convenience for `python -m bot.check_cli`
    raise SystemExit(main_for_tests(sys.argv[1:]))
