"""Configuration: the environment (SPEC §3) and the organisation file (``kessai.toml``).

``load_settings`` reads the environment (and ``.env`` through python-dotenv, without touching
``os.environ``). ``load_org_config`` reads the organisation TOML with ``tomllib`` and validates
everything a person can get wrong in it; it collects **all** problems, each with the line to fix
and a polite Japanese message, because the IT 担当 fixing the file should not have to run
``kessai config check`` once per mistake.

``tomllib`` reports no positions for valid files, so ``_Locator`` scans the text itself and maps
each key path (``("members", 2, "rank")``) to its line.
"""

from __future__ import annotations

import bisect
import contextlib
import difflib
import functools
import io
import logging
import os
import re
import time as time_module
import tomllib
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, cast
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from dotenv import dotenv_values

from bot.calendar import (
    DEFAULT_TZ,
    DEFAULT_WORKING_HOURS,
    BusinessCalendar,
    ClosedDay,
    format_duration,
    month_without_business_day,
    parse_closed_day,
    parse_duration,
    parse_working_hours,
)
from bot.errors import os_reason_ja
from bot.logs import OWN_LINES, first_unprintable, printable
from bot.saved_text import decode_saved, line_of
from bot.typed import typed_form, visible_form

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

    from bot.rules import RuleOverride, RulePolicy

__all__ = [
    "DEFAULT_RANKS",
    "PLATFORMS",
    "Account",
    "ConfigError",
    "ConfigProblem",
    "Member",
    "Org",
    "OrgConfig",
    "Policy",
    "RuleConfig",
    "Settings",
    "SettingsError",
    "demo_config_text",
    "load_demo_config",
    "load_org_config",
    "load_settings",
    "look_alike_key",
    "parse_org_config",
    "read_org_config",
    "typed_form",
]

# ============================================================================================
# Environment
# ============================================================================================

LogFormat = Literal["text", "json"]
Severity = Literal["error", "warning", "info"]

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_DATABASE_URL = "sqlite:///kessai.db"
DEFAULT_CONFIG_PATH = "kessai.toml"
DEFAULT_PORT = 3000

_MASK = "***"

log = logging.getLogger(__name__)


class SettingsError(ValueError):
    """The environment is unusable; ``problems`` are Japanese sentences, one per key."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


# Words of a value written in a setup guide or an example in place of the real one
# (xoxb-your-token, xoxb-xxxx, xoxb-..., <your-signing-secret>). Made-up tokens of tests and local
# servers (xoxb-test, xoxb-kessai-sandbox-token, xoxb-local-…) have none of them.
_PLACEHOLDER = re.compile(r"your|xxx|\.\.\.|…|<|>|\*\*\*|here|paste|replace|change.?me|example|placeholder|dummy",
                          re.IGNORECASE)


def _placeholder(value: str | None, prefix: str = "") -> bool:
    """Whether a token or secret is an example's value left in: serve started with it and Slack
    refused it (「トークンを受け付けませんでした（invalid_auth）」), or every request was refused 401
    with the signing secret, while the one thing to do was to paste the real value."""
    if value is None or not value.startswith(prefix):
        return False
    rest = value[len(prefix):]
    if not rest.strip("-_ .0xX*"):
        return True
    if re.fullmatch(r"\d+(-[A-Za-z0-9]+)+", rest):
        # Shaped as Slack's (xoxb-<team>-<bot>-<random>, xapp-1-A…-…-<hex>): the random part of a
        # real one can hold 「xXx」 or 「here」, and only an example's written-out x's make it one.
        return any(not part.strip("xX") for part in rest.split("-")[1:])
    return (_PLACEHOLDER.search(rest) is not None
            or re.fullmatch(r"((slack|bot|app)[-_ ]?)*(token|signing[-_ ]?secret|secret)", rest, re.I) is not None)


def _pasted_twice_ja(key: str, value: str | None, prefix: str, place: str) -> str | None:
    """A token or secret pasted twice (Ctrl+V pressed again after the first paste looked like
    nothing happened in Notepad): printable and of the right beginning, so nothing refused it, and
    Slack refused it at start (invalid_auth) or every request (401). A secret is 32 characters, so
    one pasted twice is 64 or more; a shorter one of two equal halves may be made up by hand."""
    if value is None:
        return None
    half = len(value) // 2
    if not (prefix and value.count(prefix) > 1) and not (len(value) >= 64 and value[:half] == value[half:]):
        return None
    what = "Signing Secret " if key == "SLACK_SIGNING_SECRET" else "トークン"
    return (f"{key} の値には、{what}が 2 回続けて貼り付けられています（値は表示しません）。"
            f"{place}の値を消して、1 回だけ貼り付けてください。")


def _stray_marks_ja(key: str, value: str | None, place: str) -> str | None:
    r"""Slack's tokens and signing secrets are letters, digits and 「-」 (and 「.」 in a rotating
    token's xoxe.): a mark beside one is copied along with it (「;」「,」 of a list, Slack's own
    「<…>」 around a link, a line-ending 「\」 meant to go on to the next line, which .env does
    not do). Slack then refused the token at start (invalid_auth), or every request (401). Printable
    ASCII, so the characters check let them pass; the value is not echoed, only its marks."""
    if value is None:
        return None
    marks = sorted({c for c in value if not (c.isascii() and (c.isalnum() or c in "-_."))})
    if not marks or not all("!" <= c <= "~" for c in marks):  # the characters check says the others
        return None
    what = "Signing Secret " if key == "SLACK_SIGNING_SECRET" else "トークン"
    backslash = "（.env では、行末の「\\」で次の行に続けることはできません）" if "\\" in marks else ""
    return (f"{key} の値に、{what}には使われない記号（{''.join(f'「{c}」' for c in marks)}）があります{backslash}。"
            f"前後に付いた記号を消して、{what}だけを{place}に書いてください。")


def _not_signing_secret_ja(secret: str) -> str | None:
    """How an HTTP-mode signing secret is plainly not one, or None. Slack's are 32 lower-case hex
    characters, but tests and the sandbox run with made-up ones (「sandbox-signing-secret」): only
    the values beside it on the same page, and an example's, are refused. The Verification Token
    (24 letters and digits, mixed case) sits just below the Signing Secret and is deprecated:
    with it every request was refused 401."""
    if _placeholder(secret):
        return "が記入例の値のままです"
    if re.fullmatch(r"(?=.*[a-z])(?=.*[A-Z])[A-Za-z0-9]{24}", secret):
        return "の値は Signing Secret ではなく、その下にある Verification Token（大文字と小文字の混じった 24 文字）のようです"
    if re.fullmatch(r"\d+\.\d+", secret):
        return "の値は Signing Secret ではなく、Client ID（数字と「.」）のようです"
    if re.fullmatch(r"A[0-9A-Z]{8,12}", secret):
        return "の値は Signing Secret ではなく、App ID（A で始まる英大文字と数字）のようです"
    return None


def _unset_reference_ja(key: str, env: Mapping[str, str] | None, dotenv: str | None) -> str:
    """Why ``key``, written in .env, is empty: python-dotenv reads 「${NAME}」 as the value of another
    setting NAME (from the environment or a line above), and as nothing when NAME is unset.
    「SLACK_SIGNING_SECRET=${SECRET}」 was said to be 「設定されていません」 beside the line the IT 担当
    could see it on. Empty when the value has no such reference (or the environment gives ``key``)."""
    environ = os.environ if env is None else env
    if dotenv is None or not Path(dotenv).is_file() or _setting_text(environ.get(key, "")):
        return ""
    try:
        written = dotenv_values(stream=io.StringIO(_dotenv_text(dotenv)), interpolate=False).get(key) or ""
    except SettingsError:
        return ""
    # Read as python-dotenv reads them, as _warn_unset_references does.
    from dotenv.variables import Variable, parse_variables

    names = list(dict.fromkeys(a.name for a in parse_variables(written) if isinstance(a, Variable)))
    if not names or any(unicodedata.category(c) in ("Cf", "Cc") for c in written):
        return ""
    named = "・".join(names)
    return (f"{key} の値「{written.strip()}」は、別の設定 {named} を指す書き方として読まれ、{named} が設定されていないため"
            f"空になっています（.env では「${{名前}}」がその設定の値に置き換わります）。「${{…}}」を使わず、値そのものを書いてください。")


def _slack_address(api_url: str) -> bool:
    """Whether ``api_url`` is Slack's own (slack.com, or GovSlack's slack-gov.com), not a stand-in."""
    host = (urlsplit(api_url).hostname or "").rstrip(".")
    return any(host == domain or host.endswith("." + domain) for domain in ("slack.com", "slack-gov.com"))


def _mask_url_password(url: str) -> str:
    # postgresql://kessai:secret@db/kessai → postgresql://kessai:***@db/kessai
    return re.sub(r"^([a-zA-Z][\w+.-]*://[^:/@]*):[^@/]*@", rf"\1:{_MASK}@", url)


@dataclass(frozen=True)
class Settings:
    """The SPEC §3 environment. ``repr`` masks tokens, the signing secret and DB passwords."""

    slack_bot_token: str | None = None  # SLACK_BOT_TOKEN
    slack_app_token: str | None = None  # SLACK_APP_TOKEN: set → Socket Mode
    slack_signing_secret: str | None = None  # SLACK_SIGNING_SECRET
    slack_api_url: str = DEFAULT_SLACK_API_URL  # SLACK_API_URL (always ends with "/")
    database_url: str = DEFAULT_DATABASE_URL  # DATABASE_URL
    config_path: str = DEFAULT_CONFIG_PATH  # KESSAI_CONFIG
    tz: str = DEFAULT_TZ  # KESSAI_TZ
    port: int = DEFAULT_PORT  # PORT
    log_format: LogFormat = "text"  # KESSAI_LOG_FORMAT
    log_level: str = "INFO"  # KESSAI_LOG_LEVEL

    @property
    def socket_mode(self) -> bool:
        return bool(self.slack_app_token)

    def bot_token_example_ja(self, env: Mapping[str, str] | None = None, dotenv: str | None = ".env") -> str | None:
        """What to do when SLACK_BOT_TOKEN is still an example's (xoxb-your-token) and kessai talks to
        Slack itself, else None. Asked by serve at start and by `kessai remind` before it calls
        Slack, which answered only invalid_auth, said to cron as a token revoked or reissued."""
        if not (self.slack_bot_token and _slack_address(self.slack_api_url)
                and _placeholder(self.slack_bot_token, "xoxb-")):
            return None
        return ("SLACK_BOT_TOKEN が記入例の値のままです。Slack アプリの「OAuth & Permissions」にある「Bot User OAuth Token」"
                f"（xoxb- で始まるもの）を「Copy」でコピーして{setting_place_ja('SLACK_BOT_TOKEN', env, dotenv)}に"
                "貼り付けてください。")

    def serve_problems(self, env: Mapping[str, str] | None = None, dotenv: str | None = ".env") -> list[str]:
        """What is missing for ``kessai serve`` (Japanese sentences); empty when it can start.
        ``env`` and ``dotenv`` are where the settings were read, to say where to write the missing one."""
        problems: list[str] = []
        # What a real Slack app's token and secret look like is asked only when serve talks to Slack:
        # against a local stand-in (docs/operations.md's trial with the sandbox, 「署名シークレットは
        # 試用なので何でも構いません」, or a test's server) any made-up value it was started with is right.
        slack = _slack_address(self.slack_api_url)
        if not self.slack_bot_token:
            problems.append(
                (_unset_reference_ja("SLACK_BOT_TOKEN", env, dotenv) or "SLACK_BOT_TOKEN が設定されていません。")
                + "Slack アプリの「OAuth & Permissions」にある"
                f" xoxb- で始まるトークンを{setting_place_ja('SLACK_BOT_TOKEN', env, dotenv)}に書いてください。"
            )
        elif example := self.bot_token_example_ja(env, dotenv):
            problems.append(example)
        elif slack and (twice := _pasted_twice_ja("SLACK_BOT_TOKEN", self.slack_bot_token, "xoxb-",
                                                  setting_place_ja("SLACK_BOT_TOKEN", env, dotenv))):
            problems.append(twice)
        elif slack and (marks := _stray_marks_ja("SLACK_BOT_TOKEN", self.slack_bot_token,
                                                 setting_place_ja("SLACK_BOT_TOKEN", env, dotenv))):
            problems.append(marks)
        if slack and self.socket_mode and _placeholder(self.slack_app_token, "xapp-"):
            problems.append(
                "SLACK_APP_TOKEN が記入例の値のままです。Slack アプリの「Basic Information」の「App-Level Tokens」にある"
                f" xapp- で始まるトークンを{setting_place_ja('SLACK_APP_TOKEN', env, dotenv)}に貼り付けてください"
                "（Socket Mode を使わないなら SLACK_APP_TOKEN は空にします）。"
            )
        elif slack and self.socket_mode and (twice := _pasted_twice_ja("SLACK_APP_TOKEN", self.slack_app_token, "xapp-",
                                                                       setting_place_ja("SLACK_APP_TOKEN", env, dotenv))):
            problems.append(twice)
        elif slack and self.socket_mode and (marks := _stray_marks_ja("SLACK_APP_TOKEN", self.slack_app_token,
                                                                      setting_place_ja("SLACK_APP_TOKEN", env, dotenv))):
            problems.append(marks)
        secret = self.slack_signing_secret
        if not self.socket_mode and not secret:
            problems.append(
                _unset_reference_ja("SLACK_SIGNING_SECRET", env, dotenv)
                + _unset_reference_ja("SLACK_APP_TOKEN", env, dotenv)
                + "HTTP モード（SLACK_APP_TOKEN なし）では SLACK_SIGNING_SECRET が必要です。Slack アプリの"
                f"「Basic Information」にある Signing Secret を{setting_place_ja('SLACK_SIGNING_SECRET', env, dotenv)}に"
                "書くか、Socket Mode を使う場合は SLACK_APP_TOKEN（xapp-）を設定してください。"
            )
        elif slack and not self.socket_mode and secret and (wrong := _not_signing_secret_ja(secret)):
            # Only in HTTP mode: Socket Mode does not use the secret, and a bot that runs with a
            # wrong one there must not be stopped at its next restart.
            problems.append(
                f"SLACK_SIGNING_SECRET {wrong}。Slack アプリの「Basic Information」の「App Credentials」にある"
                " Signing Secret（英数字 32 文字）を「Show」で表示してコピーし"
                f"{setting_place_ja('SLACK_SIGNING_SECRET', env, dotenv)}に貼り付けてください。"
            )
        elif slack and not self.socket_mode and (twice := _pasted_twice_ja("SLACK_SIGNING_SECRET", secret, "",
                                                                           setting_place_ja("SLACK_SIGNING_SECRET", env, dotenv))):
            problems.append(twice)
        elif slack and not self.socket_mode and (marks := _stray_marks_ja("SLACK_SIGNING_SECRET", secret,
                                                                          setting_place_ja("SLACK_SIGNING_SECRET", env, dotenv))):
            problems.append(marks)
        return problems

    def __repr__(self) -> str:
        def secret(value: str | None) -> str:
            return "None" if value is None else repr(_MASK)

        return (
            "Settings("
            f"slack_bot_token={secret(self.slack_bot_token)}, "
            f"slack_app_token={secret(self.slack_app_token)}, "
            f"slack_signing_secret={secret(self.slack_signing_secret)}, "
            f"slack_api_url={self.slack_api_url!r}, "
            f"database_url={_mask_url_password(self.database_url)!r}, "
            f"config_path={self.config_path!r}, tz={self.tz!r}, port={self.port!r}, "
            f"log_format={self.log_format!r}, log_level={self.log_level!r})"
        )

    __str__ = __repr__


NOT_UTF8_JA = (
    "UTF-8 として読めない文字があります。Shift_JIS などで保存されている場合は、"
    "文字コードを UTF-8 にして保存し直してください。"
)


def _dotenv_text(path: str) -> str:
    """The text of ``.env``. Copied from .env.example (Japanese comments) in Notepad it may be
    saved as 「Unicode」 (UTF-16, read by its BOM) or as ANSI (Shift_JIS): that is refused with the
    line, where python-dotenv would fail with a bare traceback."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise SettingsError([f"{path} を読めません（{os_reason_ja(exc)}）。"]) from exc
    try:
        return decode_saved(raw)
    except UnicodeDecodeError as exc:
        raise SettingsError([f"{path} の {line_of(raw, exc)} 行目に {NOT_UTF8_JA}"]) from exc


# Every key kessai reads from the environment (and .env.example lists).
SETTING_KEYS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "SLACK_API_URL", "DATABASE_URL",
                "KESSAI_CONFIG", "KESSAI_TZ", "PORT", "KESSAI_LOG_FORMAT", "KESSAI_LOG_LEVEL")
LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def _binding_line(binding: Any) -> int:
    """The line a python-dotenv binding is on. python-dotenv counts a binding from the blank lines
    before it (and its warning says that number): a line it could not read after a blank line was
    then not found on its own line, and the setting on it was said to be missing."""
    string = binding.original.string
    return int(binding.original.line) + string[: len(string) - len(string.lstrip())].count("\n")


def _dotenv_repeated_keys(path: str, text: str, overridden: set[str]) -> list[str]:
    """Settings written on two lines of ``.env`` with different values. The last one wins, silently:
    a token or DATABASE_URL added at the top of a copied .env.example, above its own
    「SLACK_BOT_TOKEN=」 or 「DATABASE_URL=sqlite:///kessai.db」, was then said to be missing, or
    serve opened a new SQLite file instead of the PostgreSQL database written a few lines up.
    Keys an environment variable overrides are left alone (.env's lines are not read for them)."""
    from dotenv.parser import parse_stream

    lines: dict[str, list[tuple[int, str]]] = {}
    for b in parse_stream(io.StringIO(text)):
        if b.key in SETTING_KEYS and b.key not in overridden and not b.error and b.value is not None:
            lines.setdefault(b.key, []).append((_binding_line(b), _setting_text(b.value, b.key)))
    problems = []
    for key, found in lines.items():
        if len({value for _, value in found}) > 1:
            numbers = "・".join(str(n) for n, _ in found)
            last_number, last = found[-1]
            used = (f"最後の {last_number} 行目の値を使い、それより前の行は使いません" if last else
                    f"最後の {last_number} 行目を使うため、{key} は設定されていないことになります")
            problems.append(f"{path} の {numbers} 行目に {key} が {len(found)} 回、違う値で書かれています。kessai は"
                            f"{used}。使う値の 1 行だけを残してください。")
    return problems


def _dotenv_problems(path: str, text: str, present: set[str], said_lines: set[int] | None = None,
                     overridden: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """Lines of ``.env`` meant for a setting that python-dotenv reads as something else: a key
    misspelt (SLACK_SIGNING_SECRT) or written with a full-width ＝. Without this the
    person is told the setting is missing from the file they can see it in, or a misspelt
    optional one is silently ignored. Only keys still unset are suggested, so another program's
    look-alike (DATABASE_URI next to DATABASE_URL) is left alone. Values are never echoed.
    The numbers of the lines said are added to ``said_lines``; ``overridden`` are the keys the
    environment sets (.env's lines are not read for them)."""
    from dotenv.parser import parse_stream

    # The lines python-dotenv skips (with an English warning): 「DATABASE_URL: postgresql://…」
    # copied from a compose file or a manifest, or a quote left open. The setting was then said to
    # be missing, or, for DATABASE_URL, the default sqlite:///kessai.db was opened in its place.
    # With the line each stops at: an open quote takes the lines after it up to the next quote.
    bindings = list(parse_stream(io.StringIO(text)))
    unread = {_binding_line(b): _binding_line(b) + b.original.string.strip().count("\n")
              for b in bindings if b.error}
    # The line each setting is read from (the last one, as python-dotenv takes it).
    read = {b.key: (_binding_line(b), _setting_text(b.value, b.key)) for b in bindings
            if not b.error and b.key in SETTING_KEYS and b.value is not None}
    problems: list[str] = []

    def say(number: int, problem: str) -> None:
        problems.append(problem)
        if said_lines is not None:
            said_lines.add(number)

    # Lines as python-dotenv counts them (and Notepad shows them), not str.splitlines, which also
    # breaks at U+2028 or a form feed in a pasted comment: its numbers then ran one ahead, and
    # another program's unreadable line was said to be the SLACK_BOT_TOKEN line above it.
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), 1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        m = re.match(r"(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=", stripped)
        if m is None:
            wide = re.match(r"(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=", unicodedata.normalize("NFKC", stripped))
            named = re.match(r"(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)(?=[\s:]|$)", stripped)
            # Copied from a Windows batch file or PowerShell (set KEY=…, $env:KEY="…"): python-dotenv
            # skips the line, and the setting was then said to be missing from .env.
            shell = re.match(r"(set|\$env:)\s*([A-Za-z_][A-Za-z0-9_]*)\s*=", stripped, re.I)
            meant = shell.group(2) if shell else wide.group(1) if wide else named.group(1) if named else None
            if meant in present:
                # python-dotenv skips every line of this branch. With the setting set elsewhere (the
                # environment, as systemd gives it, or another line) the bot has run on that value
                # beside the skipped line: refusing .env now would stop it at its next restart.
                # But a skipped line with another value (a new token written 「set SLACK_BOT_TOKEN=…」
                # below the old one) was ignored in silence: say which line is used instead.
                if meant not in overridden and meant in read:
                    at, used = read[meant]
                    wide_line = unicodedata.normalize("NFKC", stripped)
                    skipped = re.split(r"[=:]", wide_line[wide_line.find(meant) + len(meant):], maxsplit=1)
                    if len(skipped) < 2 or _setting_text(skipped[1], meant) != unicodedata.normalize("NFKC", used):
                        log.warning("%s line %d (%s, written another way than KEY=value) is not read: %s is "
                                    "taken from line %d, whose value differs; delete the line that is not meant",
                                    path, number, meant, meant, at)
                        if said_lines is not None:
                            said_lines.add(number)  # python-dotenv's own warning of the line says less
                continue
            if shell and shell.group(2) in SETTING_KEYS:
                say(number, f"{path} の {number} 行目: {shell.group(2)} の行が「{shell.group(1)}」で始まっていて、読み取れません。"
                    f".env には「{shell.group(1)}」を付けずに「{shell.group(2)}=値」と書いてください。")
            elif wide and wide.group(1) in SETTING_KEYS:
                say(number, f"{path} の {number} 行目: {wide.group(1)} の行に全角の文字（「＝」など）があり、"
                    "読み取れません。「キー=値」の「=」とキーの名前は半角で書いてください。")
            elif named and named.group(1) in SETTING_KEYS and (
                    number in unread or stripped[named.end():].startswith(":")):
                # With no space after the colon (DATABASE_URL:postgresql://…) python-dotenv reads
                # the whole line as one key of no value, without a warning: skipped all the same.
                say(number, f"{path} の {number} 行目: {named.group(1)} の行に「=」がなく、読み取れません。"
                    f"「:」や空白ではなく、「{named.group(1)}=値」のように半角の「=」でつないでください。")
            continue
        key = m.group(1)
        if key in SETTING_KEYS:
            if number in unread:
                say(number, _unread_value_ja(path, number, unread[number], key, stripped[m.end():].strip()))
            continue
        if key.upper() not in SETTING_KEYS and any(k in key.upper() for k in SETTING_KEYS):
            # A setting's whole name with more to it (SLACK_APP_TOKEN_OLD kept after a switch to
            # HTTP mode, TEST_DATABASE_URL, KESSAI_CONFIG_DIR) is a name of its own, not a typo:
            # refusing it would stop a serve that ran on the same file before.
            continue
        missing = [k for k in SETTING_KEYS if k not in present]
        close = difflib.get_close_matches(key.upper(), missing, n=1, cutoff=0.85)
        if close:
            say(number, f"{path} の {number} 行目の「{key}」は kessai の設定の名前ではありません。"
                f"もしかして「{close[0]}」ですか？綴りを直してください。")
    return problems


def _warn_unset_references(path: str, text: str, skipped: set[str]) -> None:
    """Log the settings whose 「${NAME}」 python-dotenv replaced with nothing (NAME unset or empty).
    「DATABASE_URL=${DB}」 with DB unset read as no DATABASE_URL, and kessai opened the default
    SQLite file in silence: a replica could write to a local file of its own. A reference inside a
    value (「postgresql://kessai:${PGPASSWORD}@db/kessai」) left the rest in use, missing a part.
    Only logged, never refused: a bot that ran on such a file must start again. A whole bot token
    or signing secret made empty is said by serve_problems (_unset_reference_ja), in Japanese.
    Values are never logged, nor a name that may be a secret pasted between the braces."""
    from dotenv.parser import parse_stream
    from dotenv.variables import Variable, parse_variables

    # As python-dotenv resolves them (dotenv_values: override, in the order of the lines).
    env: dict[str, str | None] = dict(os.environ)
    last: dict[str, tuple[int, list[str], str]] = {}
    for binding in parse_stream(io.StringIO(text)):
        if binding.error or binding.key is None:
            continue
        if binding.value is None:
            env[binding.key] = None
            continue
        atoms = list(parse_variables(binding.value))
        unset = [a.name for a in atoms if isinstance(a, Variable) and not a.resolve(env).strip()]
        env[binding.key] = "".join(a.resolve(env) for a in atoms)
        last[binding.key] = (_binding_line(binding), unset, env[binding.key] or "")
    for key in sorted((k for k in SETTING_KEYS if k in last and k not in skipped), key=lambda k: last[k][0]):
        number, unset, value = last[key]
        if not unset:
            continue
        named = ", ".join(f"${{{name}}}" if re.fullmatch(r"[A-Z_][A-Z0-9_]{0,63}", name) else "${…}"
                          for name in dict.fromkeys(unset))
        if _setting_text(value, key):
            log.warning("%s line %d (%s) refers to %s, unset or empty, and python-dotenv reads it as nothing: "
                        "%s is used without that part; write the value itself instead of ${…}",
                        path, number, key, named, key)
        elif key == "DATABASE_URL":
            log.warning("%s line %d (DATABASE_URL) refers to %s, unset or empty, and python-dotenv reads it as "
                        "nothing: DATABASE_URL is unset and the default database %s is used; write the value "
                        "itself instead of ${…}", path, number, named, DEFAULT_DATABASE_URL)
        elif key not in ("SLACK_BOT_TOKEN", "SLACK_SIGNING_SECRET"):
            log.warning("%s line %d (%s) refers to %s, unset or empty, and python-dotenv reads it as nothing: "
                        "%s is unset and its default is used; write the value itself instead of ${…}",
                        path, number, key, named, key)


def _unread_value_ja(path: str, number: int, last: int, key: str, value: str) -> str:
    """What is wrong with a setting's line python-dotenv could not read, for the quotes around its
    value. 「値を読み取れません」 alone sent the IT 担当 looking at a value that was right: a quote
    left open, or a word after the closing one, is what to change, and with a quote left open the
    lines up to the next quote were not read either."""
    quote = value[:1] if value[:1] in "\"'" else ""
    after = ""
    if quote and quote in value[1:]:
        after = value[value.index(quote, 1) + 1:].strip()
    if quote and quote not in value[1:]:
        told = (f"値の始めの「{quote}」が閉じられていません。引用符は要らないので、「{key}=値」のように引用符を"
                f"付けずに書くか、値の終わりにも「{quote}」を書いて、同じ引用符で閉じてください。")
    elif quote and after and not after.startswith("#"):
        told = (f"引用符「{quote}」で閉じた後に文字があります。「{key}=値」のように引用符を付けずに書くか、"
                f"値の全体を 1 組の「{quote}」で囲んでください。")
    else:
        told = ("値を読み取れません。値を「\"」や「'」で囲むときは、同じ引用符で閉じてください"
                "（値の中に同じ引用符があるときは、もう一方の引用符で囲みます）。")
    lines = f"{number + 1}〜{last}" if last > number + 1 else f"{last}"
    unread = f"{lines} 行目の設定も、この行の続きとして読まれていません。" if last > number else ""
    return f"{path} の {number} 行目: {key} の{told}{unread}"


def _dotenv_open_quotes(path: str, text: str, overridden: set[str]) -> tuple[list[str], set[str]]:
    """Settings whose quote python-dotenv closed lines later, with a quote at the end of another
    line (「# メモ "…"」): it read every line between as part of the value, silently. The settings
    on those lines were unset, and a signing secret was said to have a line break pasted into it.
    No setting's value has a line break. Returns the problems and the keys said."""
    from dotenv.parser import parse_stream

    problems: list[str] = []
    said: set[str] = set()
    for b in parse_stream(io.StringIO(text)):
        # Only a line break inside the value: the closing quote alone on the next line (a token
        # copied with the line break a triple-click takes along) ends a value read as meant, as
        # the spaces and line breaks around a value are taken off, and the bot ran on it.
        if (b.error or b.key not in SETTING_KEYS or b.key in overridden or b.value is None
                or not any(c in b.value.strip() for c in "\r\n")):
            continue
        number = _binding_line(b)
        last = number + len(re.findall(r"\r\n|\r|\n", b.original.string.strip()))
        if last == number:
            # Closed on its own line: the line break is an escape python-dotenv reads in "…"
            # (「C:\kessai\new.db」), and what the value's own check says of it is right.
            continue
        value = b.original.string.strip().split("=", 1)[-1].strip()
        quote = value[:1] if value[:1] in "\"'" else "\""
        said.add(b.key)
        problems.append(f"{path} の {number} 行目: {b.key} の値の始めの「{quote}」が閉じられていないため、"
                        f"{last} 行目の「{quote}」までの {last - number + 1} 行が 1 つの値として読まれています"
                        f"（{f'{number + 1}〜{last}' if last > number + 1 else last} 行目の設定も読まれていません）。"
                        "引用符は要らないので、"
                        f"「{b.key}=値」のように引用符を付けずに書くか、値の終わりにも「{quote}」を書いて、同じ引用符で"
                        "閉じてください。")
    return problems, said


# Quotes from Word, a chat or a Japanese IME (「“Asia/Tokyo”」, 「「/etc/kessai/kessai.toml」」), which no
# reader of .env takes off: KESSAI_TZ was a zone 「“Asia/Tokyo”」 not found, and DATABASE_URL
# 「DATABASE_URL を読み取れません」 without a word of the quotes. A secret is left as written: one in
# such quotes was copied through a chat, and the characters check tells to copy it again.
_QUOTE_PAIRS = ("“”", "‘’", "「」", "『』", "＂＂", "””", "＇＇")
_SECRET_KEYS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")


def _setting_text(value: str, key: str | None = None) -> str:
    """A setting's value without the spaces around it and one pair of quotes around the whole.

    `docker run --env-file` and a compose file's ``environment:`` list (``- KESSAI_TZ="Asia/Tokyo"``)
    pass the quotes on as part of the value (python-dotenv and systemd take them off):
    「タイムゾーン「"Asia/Tokyo"」が見つかりません」 and 「組織設定ファイル "kessai.toml" が見つかりません」
    were said of values that looked right, and
    ``SLACK_APP_TOKEN=""`` (meant as empty: HTTP mode) was a token of two quotes. No setting's
    value begins and ends with the same quote: a URL, a path, a zone, a number or a token."""
    value = value.strip()
    quoted = len(value) >= 2 and (value[0] == value[-1] and value[0] in "\"'" or (
        key is not None and key not in _SECRET_KEYS and value[0] + value[-1] in _QUOTE_PAIRS))
    if quoted:
        value = value[1:-1].strip()
    # 「SLACK_APP_TOKEN=# HTTP モード」: python-dotenv (like systemd and docker) takes a 「#」 as a
    # comment only after a space, and serve was refused for an app token 「# HTTP モード」. No
    # setting's value begins with 「#」 (a token, a secret, a URL, a path, a zone, a number): it is
    # the comment it looks like, and the setting is empty, as its writer meant.
    return "" if value.startswith("#") else value


def environment_value(key: str, dotenv: str = ".env") -> str | None:
    """One setting as ``load_settings`` reads it (the environment over ``.env``; empty is unset),
    without checking the others: ``kessai check`` needs KESSAI_CONFIG and KESSAI_TZ, not tokens."""
    value = _setting_text(os.environ.get(key, ""), key)
    if not value and Path(dotenv).is_file():
        value = _setting_text(dotenv_values(stream=io.StringIO(_dotenv_text(dotenv))).get(key) or "", key)
    return value or None


class _HeldRecords(logging.Filter):
    """Keeps what a logger would say, to say it later or not at all."""

    def __init__(self) -> None:
        super().__init__()
        self.records: list[logging.LogRecord] = []

    def filter(self, record: logging.LogRecord) -> bool:
        self.records.append(record)
        return False


def _release_dotenv_warnings(dotenv_log: logging.Logger, records: list[logging.LogRecord], text: str,
                             said_lines: set[int]) -> None:
    """Pass on python-dotenv's warnings but its 「could not parse statement starting at line N」 of a
    line kessai's own Japanese message already names: the IT 担当 read the same line twice, once in
    English and numbered from the blank lines above it. Another program's line it cannot read
    is said by nothing else, and its warning stays."""
    from dotenv.parser import parse_stream

    lines = {b.original.line: _binding_line(b) for b in parse_stream(io.StringIO(text)) if b.error}
    for record in records:
        at = record.args[0] if isinstance(record.args, tuple) and len(record.args) == 1 else None
        duplicate = (str(record.msg).startswith("python-dotenv could not parse statement")
                     and isinstance(at, int) and lines.get(at) in said_lines)
        if not duplicate:
            dotenv_log.handle(record)


def load_settings(env: Mapping[str, str] | None = None, dotenv: str | None = ".env") -> Settings:
    """Read the environment (``os.environ`` when ``env`` is None) over the ``dotenv`` file.

    Real environment variables win over ``.env``, as with ``load_dotenv``. Empty values count as
    unset, so ``SLACK_APP_TOKEN=`` in ``.env`` means HTTP mode, and an empty environment variable
    leaves ``.env``'s value in force. Raises ``SettingsError`` listing every bad value in Japanese.
    """
    merged: dict[str, str] = {}
    dotenv_text: str | None = None
    dotenv_log = logging.getLogger("dotenv.main")
    held = _HeldRecords()
    if dotenv is not None and Path(dotenv).is_file():
        dotenv_text = _dotenv_text(dotenv)
        dotenv_log.addFilter(held)
        try:
            merged.update({k: v for k, v in dotenv_values(stream=io.StringIO(dotenv_text)).items()
                           if v is not None})
        finally:
            dotenv_log.removeFilter(held)
    # An empty variable (a compose file's ${DATABASE_URL} with nothing behind it) is unset, as in
    # environment_value: it hid .env's value, and serve opened a new sqlite:///kessai.db while
    # `kessai check` read .env's KESSAI_CONFIG.
    environ = os.environ if env is None else env
    merged.update({k: v for k, v in environ.items() if _setting_text(v)})

    said_open: set[str] = set()

    def get(key: str) -> str | None:
        # A value run on over lines is said with its line alone, not again as a bad token or URL.
        return None if key in said_open else _setting_text(merged.get(key, ""), key) or None

    problems: list[str] = []
    if dotenv_text is not None and dotenv is not None:
        said_lines: set[int] = set()
        overridden = {k for k in SETTING_KEYS if _setting_text(environ.get(k, ""))}
        problems.extend(_dotenv_problems(dotenv, dotenv_text, {k for k in SETTING_KEYS if get(k)}, said_lines,
                                         overridden))
        _release_dotenv_warnings(dotenv_log, held.records, dotenv_text, said_lines)
        problems.extend(_dotenv_repeated_keys(dotenv, dotenv_text, overridden))
        open_quotes, said_open = _dotenv_open_quotes(dotenv, dotenv_text, overridden)
        problems.extend(open_quotes)
        _warn_unset_references(dotenv, dotenv_text, overridden | said_open)

    bot_token, app_token = get("SLACK_BOT_TOKEN"), get("SLACK_APP_TOKEN")
    said_app_token = False
    # Catch the classic swap of the two tokens, and a user token, early; other prefixes are left
    # alone because test servers and the sandbox use made-up tokens.
    if bot_token and bot_token.startswith("xapp-"):
        problems.append(
            "SLACK_BOT_TOKEN に xapp- で始まるアプリレベルトークンが入っています。"
            "SLACK_BOT_TOKEN には xoxb- のボットトークンを、xapp- は SLACK_APP_TOKEN に書いてください。"
        )
    if bot_token and bot_token.startswith("xoxp-"):
        # A 「User OAuth Token」 copied from another app or page: with it, kessai
        # would post as that person and act with their rights.
        problems.append(
            "SLACK_BOT_TOKEN に xoxp- で始まるユーザートークンが入っています。Slack アプリの"
            "「OAuth & Permissions」にある「Bot User OAuth Token」（xoxb- で始まるもの）を書いてください。"
        )
    if app_token and app_token.startswith("xoxb-"):
        problems.append(
            "SLACK_APP_TOKEN に xoxb- で始まるボットトークンが入っています。"
            "SLACK_APP_TOKEN には xapp- のアプリレベルトークンを書いてください。"
        )
    elif app_token and (other := re.match(r"xox[abcdeprs][.-]", app_token)):
        # A user (xoxp-) or refresh (xoxe-) token: Socket Mode's apps.connections.open refused it
        # with not_allowed_token_type, shown as 「しばらくしてから再度お試しください」.
        problems.append(
            f"SLACK_APP_TOKEN に {other.group()} で始まる、アプリレベルトークンではないトークンが入っています。"
            "Slack アプリの「Basic Information」の「App-Level Tokens」にある xapp- で始まるトークンを書いてください"
            "（Socket Mode を使わないなら SLACK_APP_TOKEN は空にします）。"
        )
    elif app_token and not "".join(c for c in unicodedata.normalize("NFKC", app_token)
                                   if "!" <= c <= "~").startswith("xapp-"):
        # Any value is Socket Mode, so a word meant as HTTP mode (「false」「0」「disabled」「なし」「-」)
        # started serve in Socket Mode with that word for a token, refused by Slack at start. Only an
        # app-level token is one (xapp-: the sandbox's too); one with a stray character in it
        # (「xapp-…」 in Japanese quotes) is said by the characters check below. A short value is a
        # word and said as written; a long one may be a secret pasted on the wrong line.
        # A value with an invisible character (「SLACK_APP_TOKEN=」 and a zero-width space pasted
        # along) would read 「」 here: it is not echoed, and the characters check says it too.
        invisible = any(unicodedata.category(c) in ("Cf", "Cc") for c in app_token)
        said_app_token = not invisible
        written = f"「{app_token}」" if len(app_token) <= 12 and not invisible else " の値"
        problems.append(
            f"SLACK_APP_TOKEN{written}はトークンではありません。SLACK_APP_TOKEN はオン・オフの切り替えではなく、"
            "値があれば Socket Mode になります。Socket Mode を使うなら、Slack アプリの「Basic Information」の"
            "「App-Level Tokens」にある xapp- で始まるトークンを書き、HTTP モードなら「SLACK_APP_TOKEN=」のように空にしてください。"
        )
    secret = get("SLACK_SIGNING_SECRET")
    if secret and (token := re.match(r"xox[abcdeprs][.-]|xapp-", secret)):
        # A token pasted on the signing secret's line: serve started, and every draft and button
        # was refused 401 (signature mismatch) with nothing said to the person who wrote it.
        problems.append(
            f"SLACK_SIGNING_SECRET に {token.group()} で始まる Slack のトークンが入っています。Signing Secret は"
            "トークンとは別の値で、Slack アプリの「Basic Information」の「App Credentials」にある Signing Secret を"
            "「Show」で表示してコピーします。トークンは SLACK_BOT_TOKEN（xoxb-）・SLACK_APP_TOKEN（xapp-）に書いてください。"
        )

    for key in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"):
        problem = _secret_characters_problem(key, get(key), setting_place_ja(key, env, dotenv))
        # 「なし」: said once, as no token; a value run on over lines by an open quote: said with its line.
        if problem and not (key == "SLACK_APP_TOKEN" and said_app_token) and key not in said_open:
            problems.append(problem)

    api_url = get("SLACK_API_URL") or DEFAULT_SLACK_API_URL
    if not re.match(r"^https?://[^/\s]+", api_url):
        problems.append(
            f"SLACK_API_URL「{api_url}」は URL ではありません。"
            "「https://slack.com/api/」のように http:// か https:// で始めてください。"
        )
    elif not api_url.endswith("/"):
        api_url += "/"  # slack_sdk joins method names onto it

    port = DEFAULT_PORT
    raw_port = get("PORT")
    if raw_port is not None:
        normalised = unicodedata.normalize("NFKC", raw_port)
        if normalised.isascii() and normalised.isdigit() and 1 <= int(normalised) <= 65535:
            port = int(normalised)
        else:
            problems.append(
                f"PORT「{raw_port}」はポート番号ではありません。1〜65535 の数字（例: 3000）を書いてください。"
            )

    tz = get("KESSAI_TZ") or DEFAULT_TZ
    try:
        BusinessCalendar(tz=tz)
    except ValueError as exc:
        problems.append(f"KESSAI_TZ: {exc}")

    log_format = (get("KESSAI_LOG_FORMAT") or "text").lower()
    if log_format not in ("text", "json"):
        problems.append(
            f"KESSAI_LOG_FORMAT「{get('KESSAI_LOG_FORMAT')}」は使えません。「text」か「json」を書いてください。"
        )
        log_format = "text"
    log_level = (get("KESSAI_LOG_LEVEL") or "INFO").strip().upper()
    if log_level not in LOG_LEVELS:
        problems.append(
            f"KESSAI_LOG_LEVEL「{get('KESSAI_LOG_LEVEL')}」は使えません。"
            + "・".join(LOG_LEVELS) + " のどれかを書いてください（ふだんは INFO）。"
        )
        log_level = "INFO"

    database_url = sqlite_home_expanded(sqlalchemy_spelling(get("DATABASE_URL") or DEFAULT_DATABASE_URL))
    problem = database_url_problem(database_url)
    if problem:
        problems.append(problem)

    if problems:
        raise SettingsError(problems)
    return Settings(
        slack_bot_token=bot_token,
        slack_app_token=app_token,
        slack_signing_secret=get("SLACK_SIGNING_SECRET"),
        slack_api_url=api_url,
        database_url=database_url,
        config_path=home_expanded(get("KESSAI_CONFIG") or DEFAULT_CONFIG_PATH),
        tz=tz,
        port=port,
        log_format="json" if log_format == "json" else "text",
        log_level=log_level,
    )


def _secret_characters_problem(key: str, value: str | None, place: str) -> str | None:
    """Slack's tokens and signing secret are printable ASCII without spaces. One copied from a chat,
    a web page or Word can carry a zero-width space or a full-width letter that strip() leaves in:
    the token then failed inside http.client (latin-1 headers) with a bare traceback at the first
    call to Slack, and a signing secret refused every request. The value is never echoed."""
    if value is None or all("!" <= c <= "~" for c in value):
        return None
    # The signing secret has no 「Copy」 button on its page (only 「Show」), and .env is itself
    # edited in Notepad: say where the value is, and which detours bring the characters in.
    if key == "SLACK_SIGNING_SECRET":
        what, where = ("Signing Secret ", "「Basic Information」の Signing Secret を「Show」で表示して"
                       "コピーし直し")
    else:
        what, where = "トークン", "Slack アプリの管理画面の「Copy」ボタンでコピーし直し"
    return (f"{key} に、{what}には使われない文字（全角の文字・空白・改行、ゼロ幅スペースなどの見えない文字）が"
            f"含まれています。{where}、チャットや Word などを経由せずに{place}へそのまま貼り付けてください。")


def home_expanded(path: str) -> str:
    """``~/kessai.toml`` as the shell would read it. In ``.env`` (and systemd's EnvironmentFile)
    nothing expands it: 「~/kessai.toml が見つかりません」 was said of a file ``ls`` showed there."""
    return os.path.expanduser(path) if path.startswith("~") else path


def sqlite_home_expanded(database_url: str) -> str:
    """``sqlite:///~/kessai.db`` with its ``~`` expanded: unexpanded, a folder named 「~」 was made in
    the working directory, and a start from another directory found an empty database there."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        u = make_url(database_url)
    except (ArgumentError, ValueError):
        return database_url  # database_url_problem says what is wrong with it
    if u.get_backend_name() != "sqlite" or not (u.database or "").startswith("~"):
        return database_url
    return u.set(database=home_expanded(u.database or "")).render_as_string(hide_password=False)


def sqlalchemy_spelling(database_url: str) -> str:
    """``postgres://…`` — the spelling of Heroku, Render and libpq itself — as SQLAlchemy's
    ``postgresql://…``, with an @ in a query value written %40 (see _query_at_escaped)."""
    scheme, sep, rest = database_url.partition("://")
    if sep and scheme != scheme.lower() and re.fullmatch(r"[A-Za-z][A-Za-z0-9+]*", scheme):
        # 「Postgresql://」 or 「SQLite:///」, capitalised by a word processor or by habit: the
        # scheme is case-insensitive (RFC 3986), SQLAlchemy's lookup is not.
        database_url = scheme.lower() + sep + rest
    if database_url.startswith("postgres://"):
        database_url = "postgresql://" + database_url[len("postgres://"):]
    return _socket_host_as_query(_host_list_as_query(_query_at_escaped(database_url)))


# One host of libpq's list: a name or IPv4 address, or an IPv6 address in brackets, each with an
# optional port.
_LISTED_HOST = re.compile(r"(\[[0-9A-Fa-f:.%]+\]|[^\s,:/?#@\[\]]+)(?::(\d*))?")


def _host_list_as_query(url: str) -> str:
    """libpq's URI for a primary and its standbys, ``postgresql://kessai:pw@db1:5432,db2:5432/kessai``
    (what Patroni, Pacemaker and managed services with failover document), as
    ``postgresql://kessai:pw@/kessai?host=db1,db2&port=5432,5432``: SQLAlchemy reads
    ``5432,db2:5432`` as one port, and the URL was refused with 「DATABASE_URL を読み取れません」.
    In the query the list reaches libpq as written, which tries the hosts in turn (and with
    ``target_session_attrs`` skips a standby). A port left out is libpq's default for that host."""
    m = re.match(r"(postgresql(?:\+\w+)?://)([^/?#]*@)?([^/?#@]*)(.*)\Z", url, re.DOTALL)
    if m is None or "@" in m.group(4).partition("?")[0]:
        return url  # an @ further on: a password's, which this cannot read apart
    scheme, userinfo, hosts, rest = m.groups()
    path, _, query = rest.partition("?")
    pairs = query.split("&") if query else []
    if "," not in hosts:
        # SQLAlchemy's own spelling, ?host=db1:5432&host=db2:5432, split at every colon: an IPv6
        # address there became the host 「[」. Given to it as one list, as libpq's hosts are.
        in_query = [p[len("host="):] for p in pairs if p.startswith("host=")]
        if hosts or len(in_query) < 2 or any(p.startswith(("port=", "hostaddr=")) for p in pairs):
            return url
        hosts, pairs = ",".join(in_query), [p for p in pairs if not p.startswith("host=")]
    listed = [_LISTED_HOST.fullmatch(item) for item in hosts.split(",")]
    if not all(listed) or any(p.startswith(("host=", "hostaddr=", "port=")) for p in pairs):
        return url  # not a list of hosts (database_url_problem says so), or one the query names too
    names = ",".join(h.group(1).strip("[]") for h in listed if h is not None)
    ports = ",".join(h.group(2) or "" for h in listed if h is not None)
    given = f"host={names}" + (f"&port={ports}" if ports.strip(",") else "")
    return scheme + (userinfo or "") + path + "?" + "&".join([given, *pairs])


def _socket_host_as_query(url: str) -> str:
    """libpq's URI for a Unix socket, ``postgresql://kessai@%2Fvar%2Frun%2Fpostgresql/kessai``,
    as ``postgresql://kessai@/kessai?host=/var/run/postgresql``. SQLAlchemy keeps a host
    percent-encoded, and the connection failed with 「ホスト名が見つかりません」 for a server
    that was there: libpq reads a host that is an absolute path as the socket's directory only
    when it is given as a parameter. A port written after the host goes with it (it names the
    socket file, .s.PGSQL.5432); one already in the query wins, as in libpq."""
    from urllib.parse import unquote

    from sqlalchemy.engine import URL, make_url
    from sqlalchemy.exc import ArgumentError

    try:
        u = make_url(url)
    except (ArgumentError, ValueError):
        return url  # database_url_problem says what is wrong with it
    if u.get_backend_name() != "postgresql" or not u.host or "%" not in u.host or "host" in u.query:
        return url
    directory = unquote(u.host)
    if not directory.startswith("/"):
        return url
    query: dict[str, str | tuple[str, ...]] = {**u.query, "host": directory}
    if u.port is not None and "port" not in u.query:
        query["port"] = str(u.port)
    # URL.set(host=None) keeps the host: a new URL is the way to leave it out.
    return URL.create(u.drivername, u.username, u.password, None, None, u.database, query).render_as_string(
        hide_password=False)


def _query_at_escaped(url: str) -> str:
    """``url`` with each @ of its query's values as %40, which SQLAlchemy decodes back. An @ is
    valid there (RFC 3986), but SQLAlchemy's make_url reads a user name up to the last @ it can:
    postgresql://kessai@db:5432/kessai?application_name=a@b was user 「kessai@db」, password
    「5432/kessai?application_name=a」 on host 「b」. The query starts at the first ? after the
    path's /; an @ in a key, or a host and a path after its last @, is a password's (left to
    _password_at_left_unescaped)."""
    scheme = url.find("://")
    path = url.find("/", scheme + 3) if scheme > 0 else -1
    query = url.find("?", path) if path > 0 else -1
    if query < 0 or "@" not in url[query:]:
        return url
    host, slash, _ = url[query:].rpartition("@")[2].partition("/")
    if slash and not re.search(r"[&=?]", host):
        # A host and a path after the last @ (u:ab/c?d=e@db/kessai): the ? was a password's. A
        # query's & or = there is no host: ?application_name=a@b&sslrootcert=/etc/root.crt
        # was host 「b&sslrootcert=」 and database 「etc/root.crt」.
        return url
    pairs = url[query + 1:].split("&")
    if not all("=" in p and "@" not in p.partition("=")[0] for p in pairs):
        return url
    escaped = url[: query + 1] + "&".join(k + "=" + v.replace("@", "%40") for k, _, v in (p.partition("=") for p in pairs))
    # Left as written where SQLAlchemy reads it as meant (a password's : ends the user name there).
    return escaped if _url_parts(url) != _url_parts(escaped) else url


def _url_parts(url: str) -> tuple[object, ...] | None:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        u = make_url(url)
        return u.username, u.password, u.host, u.port, u.database
    except (ArgumentError, ValueError):
        return None


UNESCAPED_PASSWORD_AT_JA = (
    "DATABASE_URL のホスト名の前に「@」が2つ以上あります。パスワードに「@」を含む場合は、"
    "その「@」を「%40」と書いてください（例: パスワードが p@ss なら postgresql://ユーザー名:p%40ss@ホスト名/"
    "データベース名）。「%」を含む場合は「%25」と書きます。")


def _password_at_left_unescaped(url: str) -> bool:
    """Whether an @ in the password was left as written. SQLAlchemy ends the password at its first
    @ and reads the rest as host, port, database and query: postgresql://kessai:p@ss@db/kessai
    gives the host 「ss@db」, and a rest with a / or ? in it (p@ss/wd@db, from base64) the host
    「ss」, which 「ホスト名が見つかりません」 then printed. After the password's @ an @ belongs
    only in a query value (?options=…, ?application_name=a@b); an @ in a user name (Azure's
    user@server) comes before the password and is not looked at."""
    m = re.match(r"[\w+]+://[^:/]*:[^@]*@", url)  # as SQLAlchemy's make_url reads it
    if m is None:
        return False
    where, _, query = url[m.end():].partition("?")
    return "@" in where or any("@" in part.partition("=")[0] for part in query.split("&"))


SQLITE_SLASHES_JA = ("DATABASE_URL の SQLite のファイル名は「sqlite:///」（スラッシュ3つ）に続けて書いてください"
                     "（例: sqlite:///kessai.db。絶対パスなら sqlite:////var/lib/kessai/kessai.db のようにスラッシュ4つ）。")


def database_url_problem(url: str) -> str | None:
    """Why DATABASE_URL cannot work, in Japanese (never echoing a password); None when it can."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    example = "sqlite:///kessai.db や postgresql://ユーザー名@ホスト名/データベース名"
    try:
        u = make_url(url)
        # As written, not get_driver_name(): that loads the dialect, and for a database SQLAlchemy
        # does not know (mongodb://) fails as if the URL were unreadable.
        backend, driver = u.get_backend_name(), u.drivername.partition("+")[2]
    except (ArgumentError, ValueError):
        if _password_at_left_unescaped(url):
            return UNESCAPED_PASSWORD_AT_JA  # p@ss:1@db: the rest of the password read as a port
        if re.match(r"postgres(?:ql)?(?:\+\w+)?://(?:[^/?#@]*@)?[^/?#@]*,", url, re.IGNORECASE):
            # db1:5432,db2:543x: a list of hosts _host_list_as_query could not read.
            return "DATABASE_URL のホスト名とポート番号の組を読み取れません。" + HOST_LIST_JA
        if url.lower().startswith("sqlite:"):
            return SQLITE_SLASHES_JA  # sqlite:/kessai.db, sqlite:kessai.db
        if ":" not in url and not any(c.isspace() for c in url) and (
                url.startswith("/") or url.lower().endswith((".db", ".sqlite", ".sqlite3"))):
            # The file's place alone (/var/lib/kessai/kessai.db), as the IT 担当 knows it.
            return (f"DATABASE_URL にファイルの場所だけが書かれています。SQLite のファイルは「sqlite:///」に続けて、"
                    f"sqlite:///{url} のように書いてください（/ で始まる場所ならスラッシュは4つになります）。")
        return f"DATABASE_URL を読み取れません。{example} の形で書いてください。"
    if backend != "sqlite" and _password_at_left_unescaped(url):
        return UNESCAPED_PASSWORD_AT_JA
    if backend == "sqlite" and (u.host or u.username or u.port):
        # sqlite://kessai.db (two slashes, as in http://) names a host, not a file: SQLAlchemy
        # refused it inside create_engine, and the IT 担当 got its traceback.
        return SQLITE_SLASHES_JA
    if backend == "sqlite" and _sqlite_uri_in_memory(u):
        return ("DATABASE_URL の SQLite は、ファイルに残らないデータベース（file::memory:、mode=memory、"
                "「file:」だけの一時データベース）を指しています。停止すると決裁の記録がすべて失われます。"
                "sqlite:///kessai.db のようにファイル名を書いてください。")
    if backend == "sqlite" and u.database in (None, "", ":memory:"):
        # sqlite:// is SQLite's in-memory database: every 決裁 gone at a restart, and each thread of
        # serve (the scheduler's, the outbox's) given a database of its own.
        return ("DATABASE_URL の SQLite にファイル名がありません（メモリー上のデータベースになり、"
                "停止すると決裁の記録がすべて失われます）。sqlite:///kessai.db のようにファイル名を書いてください。")
    if backend == "sqlite" and os.sep == "/" and _windows_path(u.database or ""):
        # Copied from a Windows PC's set-up notes: on this server that is one file named
        # 「C:\kessai\kessai.db」 in the working directory, and every 決裁 went into it unseen.
        return (f"DATABASE_URL の SQLite のファイル名「{u.database}」は Windows の書き方です。このサーバーでは"
                "フォルダーの区切りは「/」で、ドライブ名（C: など）はありません。"
                "sqlite:////var/lib/kessai/kessai.db のように、このサーバーでの場所を書いてください。")
    if backend == "sqlite" and "uri" not in u.query and Path(u.database or "").is_dir():
        # sqlite:////var/lib/kessai/ (the folder meant for it): 「ファイルを開けません…書き込み権限を
        # 確認してください」 sent the IT 担当 to the permissions of a folder kessai may well write.
        folder = (u.database or "").rstrip("/")
        return (f"DATABASE_URL の SQLite のファイル「{Path(u.database or '').absolute()}」はフォルダーです。"
                f"sqlite:///{folder}/kessai.db のように、ファイル名まで書いてください。")
    if backend not in ("sqlite", "postgresql"):
        # postgre://, postgresql://'s misspellings and psql's name: said as which spelling to use.
        if backend in ("psql", "pgsql", "pg", "postgis") or difflib.get_close_matches(
                backend, ("postgresql", "postgres"), n=1, cutoff=0.75):
            return (f"DATABASE_URL の「{backend}://」は PostgreSQL の書き方ではありません。"
                    "「postgresql://ユーザー名:パスワード@ホスト名/データベース名」のように「postgresql://」で始めてください。")
        if backend.startswith("sqlite") or difflib.get_close_matches(backend, ("sqlite",), n=1, cutoff=0.75):
            return (f"DATABASE_URL の「{backend}:」は SQLite の書き方ではありません。"
                    "「sqlite:///kessai.db」のように「sqlite:///」で始めてください。")
        return (f"DATABASE_URL のデータベース「{backend}」には対応していません。"
                f"SQLite か PostgreSQL を、{example} の形で指定してください。")
    # Another application's URL (postgresql+asyncpg://) names a driver kessai does not install: it
    # ended in ModuleNotFoundError's traceback. storage.db.make_engine uses psycopg for psycopg2.
    if driver not in _DATABASE_DRIVERS[backend]:
        return (f"DATABASE_URL のドライバー「{driver}」は kessai に含まれていません。"
                f"「{backend}+{driver}://」の「+{driver}」を削除して、{example} の形で指定してください。")
    if backend == "postgresql" and (problem := _host_list_problem(u)) is not None:
        return problem
    return None


HOST_LIST_JA = ("複数のホスト（プライマリとスタンバイ）は、postgresql://ユーザー名:パスワード@ホスト1:5432,ホスト2:5432/"
                "データベース名?target_session_attrs=read-write のように「,」で区切って書いてください。")


def _host_list_problem(u: Any) -> str | None:
    """Why the hosts and ports of a PostgreSQL URL cannot reach libpq, or None. SQLAlchemy reads them
    only inside create_engine, and a list it cannot pair up (?host=db1:5432&host=db2&port=5433, an
    IPv6 address with a port in ?host=) ended in its traceback; libpq refuses a count of ports other
    than one or one per host (which SQLAlchemy checks too) only when connecting, in English."""
    from sqlalchemy.dialects.postgresql.psycopg import PGDialect_psycopg
    from sqlalchemy.exc import ArgumentError

    try:
        PGDialect_psycopg().create_connect_args(u)
    except (ArgumentError, ValueError):
        return ("DATABASE_URL のホスト名とポート番号の組を読み取れません（ポート番号は、ホストごとに1つ書くか、"
                "すべて省略します）。" + HOST_LIST_JA)
    return None


def missing_sqlite_file_ja(database_url: str) -> str | None:
    """Why a command that only reads (or sweeps) a database cannot start on this one: the SQLite
    file DATABASE_URL names does not exist. Opened anyway, SQLite made an empty file there (and
    its folders), and 「kessai の表がありません。`kessai db upgrade` で作成して…」 led an auditor
    with a mistyped path to make an empty ledger and export 「[]」 from it. None for PostgreSQL,
    URI filenames (?uri=true) and a file that is there."""
    found = sqlite_file(database_url)
    if found is None or found[0].exists():
        return None
    missing = f"DATABASE_URL の SQLite のファイル「{found[0].resolve()}」がありません。"
    if sqlite_beside_no_env_ja(database_url) is not None:
        # Run outside serve's folder (`sudo -u kessai …/kessai ledger verify` from a home folder):
        # 「`kessai db upgrade` で作成してください」 made an empty ledger there, which then verified
        # as 「台帳は正常です（0 件…）」 for an auditor.
        return (missing + f"作業フォルダー（コマンドを実行したフォルダー）{Path.cwd()} には .env もありません。"
                "kessai は .env と、DATABASE_URL（省略時は sqlite:///kessai.db）の / で始まらない SQLite のファイルを"
                "作業フォルダーから読みます。.env のあるフォルダー（kessai serve の WorkingDirectory=）に移ってから、"
                "もう一度実行してください（例: cd /opt/kessai && /opt/kessai/.venv/bin/kessai ledger verify）。")
    return (missing + "DATABASE_URL の場所（作業フォルダーからの相対パスかどうかも）を確認してください。"
            "初めて使うデータベースなら、`kessai db upgrade` で作成してください。")


def sqlite_file(database_url: str) -> tuple[Path, bool] | None:
    """The SQLite file DATABASE_URL names, absolute, and whether it was written relative to the
    working directory; None for PostgreSQL, an in-memory database and URI filenames."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        u = make_url(database_url)
    except (ArgumentError, ValueError):
        return None
    if u.get_backend_name() != "sqlite" or u.database in (None, "", ":memory:") or "uri" in u.query:
        return None
    path = Path(u.database or "")
    return path.absolute(), not path.is_absolute()


def windows_config_path_ja(path: str) -> str | None:
    """What to say of a missing organisation file whose name is written as on Windows
    (KESSAI_CONFIG=C:\\kessai\\kessai.toml, copied from a PC's set-up notes); None for any other
    name. On this server it names a file 「C:\\kessai\\kessai.toml」 in the working directory,
    and 「見つかりません」 alone sent the IT 担当 looking for a file that was on the PC."""
    if os.sep != "/" or not _windows_path(path):
        return None
    return ("この場所は Windows の書き方です。このサーバーではフォルダーの区切りは「/」で、"
            "ドライブ名（C: など）はありません。/etc/kessai/kessai.toml のように、このサーバーでの場所を書いてください。")


# Settings that, set in the environment, say kessai is configured there (docker compose, systemd
# Environment=), not by a .env: KESSAI_TZ or a log level alone may as well be a crontab's line.
ENVIRONMENT_SIGNS = ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET", "DATABASE_URL")


def configured_in_environment(env: Mapping[str, str] | None = None) -> bool:
    """Whether the environment (os.environ by default) carries kessai's settings itself."""
    environ = os.environ if env is None else env
    return any(environ.get(key, "").strip() for key in ENVIRONMENT_SIGNS)


def setting_place_ja(key: str, env: Mapping[str, str] | None = None, dotenv: str | None = ".env") -> str:
    """Where to write the setting ``key`` so kessai reads it, as a noun for 「…を{place}に書いてください」,
    spaced as it sits between Japanese words (a space on the side of an ASCII word).

    A value set in the environment wins over .env's (load_settings), so editing .env would change
    nothing; and an install configured in the environment (docker compose, systemd Environment=)
    may have no .env at all: 「.env の SLACK_BOT_TOKEN に設定し」 sent its IT 担当 to create one."""
    environ = os.environ if env is None else env
    has_dotenv = dotenv is not None and Path(dotenv).is_file()
    if environ.get(key, "").strip() or (not has_dotenv and configured_in_environment(environ)):
        return (f"環境変数 {key}（docker compose の environment: や env_file:、systemd の Environment= や "
                "EnvironmentFile= など、kessai を起動する設定の中）")
    return f" .env の {key} "


def relative_config_path_ja(path: str, env: Mapping[str, str] | None = None) -> str | None:
    """What to say of a missing organisation file named relative to the working directory; None for
    an absolute name. A cron job runs in the user's home folder: 「見つかりません…kessai.example.toml
    をコピーして作ってください」 alone, in the mail cron sent, sent the IT 担当 to create a new file
    there rather than to run kessai where its .env and kessai.toml are. Where the settings come from
    the environment (``env``, os.environ by default), no .env is missing: the name or the working
    directory is what to set."""
    if Path(path).expanduser().is_absolute():
        return None
    cwd = Path.cwd()
    looked = f"作業フォルダー（コマンドを実行したフォルダー）{cwd} の中で探しました。"
    if (cwd / ".env").is_file():
        return looked + "KESSAI_CONFIG で場所を指定するか、kessai.example.toml をコピーして作ってください。"
    if configured_in_environment(env):
        return (looked + "設定は環境変数から読んでいますが、組織設定ファイル（KESSAI_CONFIG、省略時は kessai.toml）は、"
                "/ で始まらない名前なら作業フォルダーの中で探します。KESSAI_CONFIG に /etc/kessai/kessai.toml のような / で始まる"
                "場所を書いてください。または、作業フォルダー（systemd の WorkingDirectory=、docker compose の working_dir:）を"
                "組織設定ファイルのあるフォルダーにしてください。")
    return (looked + "このフォルダーには .env もありません。"
            "kessai は .env と組織設定ファイルを作業フォルダーから読みます。cron などでは、.env のあるフォルダーに移ってから"
            "実行してください（例: cd /opt/kessai && /opt/kessai/.venv/bin/kessai remind）。"
            "初めて設定する場合は、.env.example と kessai.example.toml をコピーして作ってください。")


def sqlite_beside_no_env_ja(database_url: str, env: Mapping[str, str] | None = None) -> str | None:
    """What to add when `kessai db upgrade` made (or could not open) a SQLite file named relative to
    a working directory that has no .env: run from the home folder (a login's, cron's) or from /, it
    made an empty kessai.db there (or failed on /'s permissions) and said only where, which the
    IT 担当 read as the database of their serve. None when .env is there or the settings come from
    the environment (a deliberate setup), and for PostgreSQL or an absolute path."""
    found = sqlite_file(database_url)
    if found is None or not found[1] or configured_in_environment(env):
        return None
    cwd = Path.cwd()
    if (cwd / ".env").is_file():
        return None
    return (f"作業フォルダー（コマンドを実行したフォルダー）{cwd} には .env がありません。kessai は .env と、"
            "DATABASE_URL（省略時は sqlite:///kessai.db）の / で始まらない SQLite のファイルを作業フォルダーから読みます。"
            "kessai serve の使うデータベースのつもりなら、.env のあるフォルダーに移ってから実行してください"
            "（例: cd /opt/kessai && /opt/kessai/.venv/bin/kessai db upgrade）。")


def _windows_path(path: str) -> bool:
    """Whether ``path`` is written as on Windows: a drive (C:\\, C:/) or folders parted by \\."""
    return bool(re.match(r"(?:file:)?/*[A-Za-z]:[\\/]", path)) or "\\" in path


def _sqlite_uri_in_memory(u: URL) -> bool:
    """Whether a SQLite URI filename (``?uri=true``) opens no file that outlives the process: the
    URL spellings of an in-memory database (file::memory:, ?mode=memory, which SQLAlchemy's own
    documentation shows) and file: with no path (a temporary database, deleted when closed)."""
    from sqlalchemy import util

    try:
        uri = util.asbool(u.query.get("uri", False))
    except ValueError:
        return False  # not a SQLite URI: the name is a file name
    if not uri or not (u.database or "").startswith("file:"):
        return False
    path = (u.database or "").removeprefix("file:")
    return path in ("", ":memory:") or u.query.get("mode") == "memory"


# The drivers kessai ships, by backend ("" is SQLAlchemy's default for it).
_DATABASE_DRIVERS = {"sqlite": ("", "pysqlite"), "postgresql": ("", "psycopg", "psycopg2")}


# ============================================================================================
# Organisation file: model
# ============================================================================================

DEFAULT_RANKS: tuple[str, ...] = (
    "部長",
    "次長",
    "課長",
    "課長補佐",
    "係長",
    "主査",
    "主任",
    "主事",
    "会計年度任用職員",
)
# Ranks whose order is the same in every Japanese municipality (higher level = lower number). Ranks
# whose place differs between organisations (次長, 室長, 主査, 参事, 会計年度任用職員…) are left out:
# an organisation may put them where its own 職制 does. Used only to catch a ``ranks`` list written
# lowest first, which silently turned approval upside down (主事 deciding, 課長 refused) — the
# guidelines give 決裁 to 課長補佐以上管理職 (和気町 5(4)) or to 各課等の長 (上越市 6(1)②).
_KNOWN_RANK_LEVELS: dict[str, int] = {
    "市長": 0, "町長": 0, "村長": 0,
    "副市長": 1, "副町長": 1, "副村長": 1,
    "部長": 2, "課長": 3, "課長補佐": 4, "係長": 5, "主任": 6, "主事": 7,
}


def approver_min_rank_below_kacho_hosa(policy: Policy) -> bool:
    """Whether ``approver_min_rank`` is a rank every municipality places below 課長補佐: each
    guideline gives 決裁 to 課長補佐以上管理職 (和気町 5(4)) or 各課等の長 (上越市 6(1)②). Not
    refused: an organisation's own guideline may differ (美祢市社協's names no rank), but the IT
    担当 who typed 「係長」 for 「課長」 should see what it lets happen (config check, serve's start)."""
    level = _KNOWN_RANK_LEVELS.get(policy.approver_min_rank)
    return level is not None and level > _KNOWN_RANK_LEVELS["課長補佐"]


def approver_min_rank_note_ja(policy: Policy) -> str | None:
    """The 注意 `kessai config check` prints when ``approver_min_rank_below_kacho_hosa``."""
    minimum = policy.approver_min_rank
    if not approver_min_rank_below_kacho_hosa(policy):
        return None
    return (f"注意: [policy] の approver_min_rank が「{minimum}」のため、{minimum}の職員も決裁者・代決者になれ、"
            "下書きを承認できます。ガイドラインでは決裁は課長補佐以上の管理職（和気町）や各課等の長（上越市）が行います。"
            "意図した設定でなければ、組織のガイドラインの職（例: \"課長補佐\"）に直してください。")


PLATFORMS: tuple[str, ...] = ("x", "facebook", "instagram", "line", "youtube", "tiktok", "blog")
SEVERITIES: tuple[str, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Policy:
    """``[policy]``. Business-time durations count working days as ``1d`` (see bot.calendar)."""

    approver_min_rank: str = "課長補佐"
    ranks: tuple[str, ...] = DEFAULT_RANKS  # highest first
    working_hours: str = DEFAULT_WORKING_HOURS
    working_start: time = time(8, 30)
    working_end: time = time(17, 15)
    min_posts_per_month: int = 1
    approval_reminder_after: timedelta = timedelta(hours=2)  # business time
    approval_escalate_after: timedelta = timedelta(hours=8, minutes=45)  # business time ("1d")
    incident_ack_within: timedelta = timedelta(minutes=15)  # wall-clock
    escalation_channel: str = ""
    allowed_link_domains: tuple[str, ...] = ()
    official_email_domains: tuple[str, ...] = ()
    official_phone_numbers: tuple[str, ...] = ()
    password_rotation_days: int = 90  # 上越市 6(1)① パスワードは定期的に変更
    holding_statement_after: timedelta = timedelta(hours=2)  # wall-clock, after an incident's ack
    closed_days: tuple[ClosedDay, ...] = ()  # the organisation's own 閉庁日: dates, and (month, day) every year
    # The [[orgs]] ids whose approver-rank members receive every incident. None (not written):
    # those whose name contains 情報政策 or 広報, as 上越市 6(2) names them; an organisation whose
    # 統括 is まち経営課 (和気町) or 総務課 (a 社会福祉協議会) names them here instead.
    escalation_orgs: tuple[str, ...] | None = None


@dataclass(frozen=True)
class Org:
    id: str
    name: str


@dataclass(frozen=True)
class Member:
    slack_id: str
    name: str
    org: str
    rank: str


@dataclass(frozen=True)
class Account:
    id: str
    platform: str
    name: str
    url: str
    org: str
    intake_channel: str
    operators: tuple[str, ...] = ()
    approvers: tuple[str, ...] = ()
    deputies: tuple[str, ...] = ()  # 代決者
    hashtags: tuple[str, ...] = ()  # without the leading "#"; empty = no approved list


@dataclass(frozen=True)
class RuleConfig:
    """``[rules."code"]``: re-grade, switch off or extend one rule."""

    code: str
    severity: Severity | None = None
    enabled: bool = True
    extra_words: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()


@dataclass(frozen=True)
class OrgConfig:
    policy: Policy
    orgs: tuple[Org, ...] = ()
    members: tuple[Member, ...] = ()
    accounts: tuple[Account, ...] = ()
    rules: Mapping[str, RuleConfig] = field(default_factory=lambda: MappingProxyType({}))
    source: str = "<memory>"
    _members: Mapping[str, Member] = field(init=False, repr=False, compare=False)
    _accounts: Mapping[str, Account] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_members", {m.slack_id: m for m in self.members})
        object.__setattr__(self, "_accounts", {a.id: a for a in self.accounts})

    def member(self, slack_id: str) -> Member | None:
        return self._members.get(slack_id)

    def org(self, org_id: str) -> Org | None:
        return next((o for o in self.orgs if o.id == org_id), None)

    def account(self, account_id: str) -> Account | None:
        return self._accounts.get(account_id)

    def accounts_typed_as(self, typed: str) -> list[Account]:
        """Every account ``typed`` may mean, in file order: the one whose id it is; else those whose
        name it is as written (one name on two platforms is allowed, 「上越市」 for X and Instagram);
        else those it names in another width or case (ｊｏｅｔｓｕ－ｘ, 上越市公式Ｘ, as the Japanese input
        writes them). More than one: the caller asks which."""
        typed = typed.strip()
        if not typed:
            return []
        if typed in self._accounts:
            return [self._accounts[typed]]
        named = [a for a in self.accounts if a.name == typed]
        if named:
            return named
        # Spaces too are ignored, as look_alike_key does: 「上越市公式X」 typed for 「上越市 公式X」.
        folded = look_alike_key(typed)
        return [a for a in self.accounts if folded in (look_alike_key(a.id), look_alike_key(a.name))]

    def rank_at_least(self, rank: str, minimum: str) -> bool:
        """Ranks are listed highest first; an unknown rank is never "at least" anything."""
        ranks = self.policy.ranks
        if rank not in ranks or minimum not in ranks:
            return False
        return ranks.index(rank) <= ranks.index(minimum)

    def is_approver_rank(self, slack_id: str) -> bool:
        """The member's rank is at or above ``approver_min_rank`` (not whether they approve an account)."""
        m = self.member(slack_id)
        return m is not None and self.rank_at_least(m.rank, self.policy.approver_min_rank)

    def accounts_for_channel(self, channel: str) -> list[Account]:
        return [a for a in self.accounts if a.intake_channel == channel]

    def accounts_operated_by(self, slack_id: str) -> list[Account]:
        return [a for a in self.accounts if slack_id in a.operators]

    def accounts_decided_by(self, slack_id: str) -> list[Account]:
        """Accounts where the member is an approver or a deputy."""
        return [a for a in self.accounts if slack_id in a.approvers or slack_id in a.deputies]

    def calendar(self, tz: str = DEFAULT_TZ) -> BusinessCalendar:
        return BusinessCalendar(self.policy.working_hours, tz, self.policy.closed_days)

    def rule_policy(self, tz: str = DEFAULT_TZ) -> RulePolicy:
        from bot.rules import RulePolicy  # lazy: the rule engine must not be needed to load config

        p = self.policy
        return RulePolicy(
            allowed_link_domains=p.allowed_link_domains,
            official_email_domains=p.official_email_domains,
            official_phone_numbers=p.official_phone_numbers,
            working_hours=p.working_hours,
            tz=tz,
            closed_days=p.closed_days,
        )

    def rule_overrides(self) -> dict[str, RuleOverride]:
        from bot.rules import RuleOverride

        return {
            code: RuleOverride(
                severity=r.severity,
                enabled=r.enabled,
                extra_words=r.extra_words,
                allow=r.allow,
            )
            for code, r in self.rules.items()
        }


# ============================================================================================
# Problems
# ============================================================================================


@dataclass(frozen=True)
class ConfigProblem:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


class ConfigError(Exception):
    def __init__(self, problems: list[ConfigProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


# ============================================================================================
# Locating keys in the text
# ============================================================================================

Path_ = tuple[str | int, ...]

_BARE_KEY = re.compile(r"[A-Za-z0-9_-]+")


class _Locator:
    """Maps key paths to 1-based line numbers by scanning TOML text that tomllib has accepted.

    Knows table headers, arrays of tables (``[[members]]`` → index), dotted keys, inline tables,
    arrays (each item gets its index) and every string form, so a ``[section]`` inside a
    multi-line string is not mistaken for a header.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: dict[Path_, int] = {}
        self.ends: dict[Path_, int] = {}  # last line of a key's value
        self._aot: dict[Path_, int] = {}
        self._i = 0
        # Only a scanner bug on some exotic but valid TOML could raise here: problems then point
        # at the nearest line found so far instead of the whole check failing.
        with contextlib.suppress(ValueError, IndexError):
            self._scan()

    # -- lookup ---------------------------------------------------------------------------------

    def line(self, path: Path_) -> int | None:
        """Line of ``path``, or of its nearest ancestor the text names."""
        for n in range(len(path), 0, -1):
            if path[:n] in self.lines:
                return self.lines[path[:n]]
        return None

    # -- scanning -------------------------------------------------------------------------------

    @functools.cached_property
    def _line_starts(self) -> list[int]:
        return [0] + [m.end() for m in re.finditer("\n", self.text)]

    def _line_at(self, i: int) -> int:
        # A binary search, not a count from the top: counting per key made a 10,000-account file
        # take minutes to load (quadratic in its size).
        return bisect.bisect_right(self._line_starts, i)

    def _peek(self, s: str) -> bool:
        return self.text.startswith(s, self._i)

    def _skip_space(self, newlines: bool = False) -> None:
        text = self.text
        while self._i < len(text):
            ch = text[self._i]
            if ch in " \t\r" or (newlines and ch == "\n"):
                self._i += 1
            elif ch == "#":
                end = text.find("\n", self._i)
                self._i = len(text) if end < 0 else end
            else:
                return

    def _scan(self) -> None:
        text = self.text
        table: Path_ = ()
        while True:
            self._skip_space(newlines=True)
            if self._i >= len(text):
                return
            start_line = self._line_at(self._i)
            if self._peek("[["):
                self._i += 2
                table = self._resolve(self._key(), array=True)
                self._skip_space()
                self._i += 2  # "]]"
                self.lines[table] = start_line
                self._implicit_tables(table[:-1], start_line)
                self.lines.setdefault(table[:-1], start_line)  # the array itself: its first header
            elif self._peek("["):
                self._i += 1
                table = self._resolve(self._key(), array=False)
                self._skip_space()
                self._i += 1  # "]"
                self._implicit_tables(table, start_line)
                self.lines.setdefault(table, start_line)
            else:
                self._key_value(table)

    def _implicit_tables(self, table: Path_, line: int) -> None:
        # `[extra.sub]` makes the top-level table 「extra」 that no header names alone: its
        # problem (an unknown table, an unknown rule code) had no line at all.
        for n in range(1, len(table)):
            self.lines.setdefault(table[:n], line)

    def _resolve(self, parts: list[str], array: bool) -> Path_:
        out: list[str | int] = []
        for j, part in enumerate(parts):
            out.append(part)
            key = tuple(out)
            if array and j == len(parts) - 1:
                n = self._aot.get(key, 0)
                self._aot[key] = n + 1
                out.append(n)
            elif key in self._aot:
                out.append(self._aot[key] - 1)
        return tuple(out)

    def _key(self) -> list[str]:
        parts: list[str] = []
        text = self.text
        while True:
            self._skip_space()
            ch = text[self._i]
            if ch == '"':
                end = self._i + 1
                while text[end] != '"':
                    end += 2 if text[end] == "\\" else 1
                raw = text[self._i : end + 1]
                parts.append(tomllib.loads(f"k = {raw}")["k"])  # let tomllib decode the escapes
                self._i = end + 1
            elif ch == "'":
                end = text.index("'", self._i + 1)
                parts.append(text[self._i + 1 : end])
                self._i = end + 1
            else:
                m = _BARE_KEY.match(text, self._i)
                if m is None:
                    raise ValueError(f"unexpected {ch!r} at {self._i}")
                parts.append(m.group())
                self._i = m.end()
            self._skip_space()
            if self._peek("."):
                self._i += 1
                continue
            return parts

    def _key_value(self, prefix: Path_) -> None:
        line = self._line_at(self._i)
        parts = self._key()
        path = prefix + tuple(parts)
        self._skip_space()
        self._i += 1  # "="
        self._skip_space()
        # A dotted key's first part is a key of its table too (`sub.bar = 2` in [policy] is the
        # unknown key 「sub」): without a line of its own it was said at the [policy] header.
        for n in range(1, len(parts)):
            self.lines.setdefault(prefix + tuple(parts[:n]), line)
        self.lines[path] = line
        self._value(path)
        self.ends[path] = self._line_at(self._i)

    def _value(self, path: Path_) -> None:
        text = self.text
        if self._peek('"""') or self._peek("'''"):
            quote = text[self._i : self._i + 3]
            i = self._i + 3
            while not text.startswith(quote, i):
                i += 2 if quote == '"""' and text[i] == "\\" else 1
            i += 3
            while i < len(text) and text[i] == quote[0]:  # up to two quotes may end the content
                i += 1
            self._i = i
        elif self._peek('"'):
            i = self._i + 1
            while text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            self._i = i + 1
        elif self._peek("'"):
            self._i = text.index("'", self._i + 1) + 1
        elif self._peek("["):
            self._i += 1
            index = 0
            while True:
                self._skip_space(newlines=True)
                if self._peek("]"):
                    self._i += 1
                    return
                if self._peek(","):
                    self._i += 1
                    continue
                self.lines[path + (index,)] = self._line_at(self._i)
                self._value(path + (index,))
                index += 1
        elif self._peek("{"):
            self._i += 1
            while True:
                self._skip_space()
                if self._peek("}"):
                    self._i += 1
                    return
                if self._peek(","):
                    self._i += 1
                    continue
                self._key_value(path)
        else:
            m = re.compile(r"[^,\]}\n#]*").match(text, self._i)
            assert m is not None
            self._i = m.end()


# ============================================================================================
# Organisation file: validation
# ============================================================================================

_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_CHANNEL_ID = re.compile(r"^[CG][A-Z0-9]{2,}$")
# The values the file names things with, shown as written in Slack and App Home: (table, key).
# References to them (a member's org and rank, escalation_orgs) must equal one of them, and the
# IDs and channels of Slack, platforms, times and durations have shapes of their own.
_SHOWN_NAMES = {("orgs", "id"), ("orgs", "name"), ("members", "name"), ("accounts", "id"), ("accounts", "name")}
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # where str.splitlines breaks
_DIRECTION_MARKS = "\u200e\u200f\u061c"  # LRM, RLM, ALM: invisible letters, not embeddings
_DOMAIN = re.compile(r"^[^\s/:@*]+(\.[^\s/:@*]+)+$")
# A mention copied from Slack's message text: <@U012AB3CD>, <#C012AB3CD|koho-sns>.
_MENTION = re.compile(r"^<[@#!]?([A-Za-z0-9]+)(?:\|[^>]*)?>$")
# A link copied with 「リンクをコピー」: https://….slack.com/archives/C012AB3CD (a channel, or a
# message in it: …/p1764…), …/team/U012AB3CD (a member); the ID is the part after archives/team.
_SLACK_LINK = re.compile(
    r"^https?://[^/\s]*slack\.com/(?:archives|team|client/[A-Z0-9]+)/([A-Za-z0-9]+)(?:/p[0-9]+)?/?(?:[?#].*)?$"
)


# Where the database keeps a value of the file, for the keys whose column holds a limited number
# of characters: a longer one was accepted here, and SQLite stores it, but on PostgreSQL
# roster.sync failed (value too long for type character varying) and serve did not start.
_STORED_IN: dict[tuple[str, str], tuple[str, str]] = {
    ("orgs", "id"): ("OrgRow", "id"),
    ("orgs", "name"): ("OrgRow", "name"),
    ("members", "name"): ("MemberRow", "name"),
    ("accounts", "id"): ("AccountRow", "id"),
    ("accounts", "name"): ("AccountRow", "name"),
    ("accounts", "url"): ("AccountRow", "url"),
}


@functools.cache
def column_length(model: str, column: str) -> int:
    """How many characters the column ``model.column`` of storage.models holds (varchar(n)).

    Read from the model itself, so the file is refused exactly where the database would refuse.
    Imported here, not at the top: the model loads sqlalchemy and sqlmodel, which nothing else
    of the file's parsing needs."""
    import storage.models

    length = getattr(storage.models, model).__table__.c[column].type.length
    assert isinstance(length, int), f"{model}.{column} has no length"
    return length


def _shown(value: str, at_most: int = 30) -> str:
    """The start of a long value, to name it in a message without repeating it all."""
    return value if len(value) <= at_most else value[:at_most] + "…"


def _too_long(what: str, value: str, limit: int) -> str:
    return (f"{what}「{_shown(value)}」が長すぎます（{len(value):,} 文字）。"
            f"{limit:,} 文字以内にしてください（kessai のデータベースに保存できるのはそこまでです）。")


def _meant_id(value: str, pattern: re.Pattern[str]) -> str | None:
    """The ID ``value`` was meant to be when it is one written the way people slip (lower case,
    full-width letters, spaces around it, a mention copied from a message, a link copied from
    Slack); else None."""
    # Zero-width characters come along when an ID is copied from a web page or a chat.
    candidate = visible_form(value).strip()
    if m := _MENTION.match(candidate) or _SLACK_LINK.match(candidate):
        candidate = m.group(1)
    candidate = candidate.upper()
    return candidate if candidate != value and pattern.match(candidate) else None


def _id_suggestion(value: str, pattern: re.Pattern[str]) -> str:
    """「もしかして「U012AB3CD」ですか？」 for an ID written as people slip (``_meant_id``); else ""."""
    return _suggest(_meant_id(value, pattern))


def _suggest(meant: str | None) -> str:
    return f"もしかして「{meant}」ですか？" if meant else ""


def _spaced_name(name: str) -> str:
    """``name`` with a space where it meets Japanese with a Latin letter (「は true か false で」)."""
    return f"{' ' if name[0].isascii() else ''}{name}{' ' if name[-1].isascii() else ''}"


_TYPE_NAMES: dict[str, str] = {
    "str": '文字列（"..." で囲む）',
    "int": "整数",
    "bool": "true か false",
    "strlist": '文字列の配列（["...", "..."]）',
    "datelist": '日付の配列（["2027-06-23", "06-23"]）',
    "table": "テーブル",
}

# key → (kind, required)
_Spec = dict[str, tuple[str, bool]]
_POLICY_SPEC: _Spec = {
    "approver_min_rank": ("str", False),
    "ranks": ("strlist", False),
    "working_hours": ("str", False),
    "min_posts_per_month": ("int", False),
    "approval_reminder_after": ("str", False),
    "approval_escalate_after": ("str", False),
    "incident_ack_within": ("str", False),
    "escalation_channel": ("str", True),
    "allowed_link_domains": ("strlist", False),
    "official_email_domains": ("strlist", False),
    "official_phone_numbers": ("strlist", False),
    "password_rotation_days": ("int", False),
    "holding_statement_after": ("str", False),
    "closed_days": ("datelist", False),
    "escalation_orgs": ("strlist", False),
}
_ORG_SPEC: _Spec = {"id": ("str", True), "name": ("str", True)}
_MEMBER_SPEC: _Spec = {
    "slack_id": ("str", True),
    "name": ("str", True),
    "org": ("str", True),
    "rank": ("str", True),
}
_ACCOUNT_SPEC: _Spec = {
    "id": ("str", True),
    "platform": ("str", True),
    "name": ("str", True),
    "url": ("str", False),
    "org": ("str", True),
    "intake_channel": ("str", True),
    "operators": ("strlist", True),
    "approvers": ("strlist", True),
    "deputies": ("strlist", False),
    "hashtags": ("strlist", False),
}
_RULE_SPEC: _Spec = {
    "severity": ("str", False),
    "enabled": ("bool", False),
    "extra_words": ("strlist", False),
    "allow": ("strlist", False),
}
_ROOT_KINDS = {
    "policy": "table",
    "orgs": "tables",
    "members": "tables",
    "accounts": "tables",
    "rules": "table",
}


def _label(path: Path_) -> str:
    """How a table is named in messages: ``[policy]``, ``[members]``, ``[rules."link.untrusted"]``."""
    if not path:
        return "ファイルの最上位"
    if path[0] == "rules" and len(path) >= 2:
        return f'[rules."{path[1]}"]'
    return f"[{path[0]}]"


def _type_of(value: Any) -> str:
    if isinstance(value, bool):
        return "真偽値"
    if isinstance(value, int):
        return "整数"
    if isinstance(value, float):
        return "小数"
    if isinstance(value, str):
        return "文字列"
    if isinstance(value, list):
        return "配列"
    if isinstance(value, dict):
        return "テーブル"
    if isinstance(value, time):
        return "時刻"
    return "日時"


# Keys whose string is a length of time, and the one written as 「開始-終了」.
_DURATION_KEYS = ("approval_reminder_after", "approval_escalate_after", "incident_ack_within", "holding_statement_after")
_TRUE_WORDS = ("true", "yes", "on", "1", "はい", "有効", "する")
_FALSE_WORDS = ("false", "no", "off", "0", "いいえ", "無効", "しない")
_INT_EXAMPLES = {"min_posts_per_month": "1", "password_rotation_days": "90"}
# Slack's IDs begin with a letter: a number there is no ID with its quotes left off.
_ID_KEYS = ("slack_id", "intake_channel", "escalation_channel")
_LIST_SEPARATORS = re.compile(r"\s*[,、，;；]\s*|\s+")


def _list_parts(written: str) -> list[str]:
    """The items of a list written in one string (「U0A、U0B」「部長 次長 課長」)."""
    return [part for part in _LIST_SEPARATORS.split(written.strip()) if part]


def _ids_apart(value: str, pattern: re.Pattern[str], *, one: bool = False) -> str:
    """For several IDs in one "..." (「U0A、U0B」 copied from a list), the array to write, or for a
    key of ``one`` ID that only one goes there; else what one ID looks like it was meant to be."""
    parts = _list_parts(value)
    if len(parts) > 1 and all(pattern.match(part) for part in parts):
        if one:
            return f"1つの \"...\" に ID が {len(parts)} つ入っています。ここにはチャンネルを1つだけ書けます。"
        listed = ", ".join(f'"{part}"' for part in parts)
        return (f"1つの \"...\" に ID が {len(parts)} つ入っています。[{listed}] のように、ID を1つずつ「\"」で囲み、"
                "半角の「,」で区切ってください。")
    return _id_suggestion(value, pattern)


def _names_joined(written: str) -> list[str] | None:
    """The names in one string that holds several (「部長、次長、課長」, 「部長 次長 課長」), else None.
    Two words apart by a space alone may be one name (「課長 補佐」 is refused as not in ranks)."""
    if re.search(r"[()（）「」［］\[\]]", written):
        return None  # 「主査（技術、事務）」: one name, its 、 in brackets
    parts = _list_parts(written)
    if len(parts) >= 3 or (len(parts) == 2 and re.search(r"[,、，;；]", written)):
        return parts
    return None


def _ranks_named(data: Mapping[str, Any]) -> set[str]:
    """The ranks the [[members]] hold, as written (before [policy] is read, to tell ranks written
    in one "..." from one rank whose name has a 、 or spaces in it)."""
    members = data.get("members")
    if not isinstance(members, list):
        return set()
    return {m["rank"].strip() for m in members if isinstance(m, dict) and isinstance(m.get("rank"), str)}


def _retyped_ja(key: str, kind: str, value: Any) -> str:
    """The line to write instead of a value of the wrong type, in the person's own value where
    kessai can tell what was meant. 「整数で書いてください（今は文字列です）」 alone did not say that
    the quotes were what made "1" a string, nor what unit a bare 2 of a duration lacked: the
    second attempt was refused again, for another reason."""
    if kind == "int" and isinstance(value, str):
        digits = re.fullmatch(r"(\d+)\s*(?:日|d|days?)?", unicodedata.normalize("NFKC", value).strip(), re.I)
        shown = (digits.group(1).lstrip("0") or "0") if digits else _INT_EXAMPLES.get(key, "1")
        return f"「\"」で囲まず、半角の数字だけで {key} = {shown} のように書いてください。"
    if kind == "int" and isinstance(value, float) and value.is_integer():
        return f"{key} = {int(value)} のように、小数点を付けずに書いてください。"
    if kind == "bool" and isinstance(value, str):
        word = unicodedata.normalize("NFKC", value).strip().lower()
        meant = ("true" if word in _TRUE_WORDS else "false" if word in _FALSE_WORDS else None)
        written = f"{key} = {meant} のように" if meant else f"{key} = true か {key} = false のように"
        return f"「\"」で囲まず、{written}半角の英小文字で書いてください。"
    if kind == "str" and key in _DURATION_KEYS and isinstance(value, int | float) and not isinstance(value, bool):
        # The units as parse_duration reads them (d is a business day); "1.5h" is refused there,
        # so a fraction is shown as hours and minutes.
        units = "数字と単位（d＝業務日、h＝時間、m＝分）を続けて"
        if not float(value).is_integer():
            hours, minutes = divmod(round(float(value) * 60), 60)
            shown = f"{hours}h{minutes}m" if hours else f"{minutes}m"
            return f"小数点は使えません。{value} 時間なら {key} = \"{shown}\" のように、{units}「\"」で囲んで書いてください。"
        return f"{units}、{key} = \"{int(value)}m\" や \"{int(value)}h\" のように「\"」で囲んで書いてください。"
    if kind == "str" and key == "working_hours":
        return 'working_hours = "08:30-17:15" のように、開始と終了を「-」でつないで「"」で囲んでください。'
    if kind == "str" and isinstance(value, list):
        if len(value) == 1 and isinstance(value[0], str):
            return f"「[ ]」を外して {key} = \"{value[0]}\" のように書いてください（1つだけ書けます）。"
        return f"1つだけ書けます。{key} = \"...\" のように「\"」で囲んで1つ書いてください。"
    if kind == "str" and isinstance(value, int | float) and not isinstance(value, bool) and key not in _ID_KEYS:
        return f"{key} = \"{value}\" のように「\"」で囲んでください。"
    if kind == "strlist" and isinstance(value, str):
        parts = _list_parts(value)
        if not parts:
            return f"空にするときは {key} = [] と書きます。"
        if key == "official_phone_numbers":
            # A number may be written with spaces (「025 526 5111」): split at 、 and commas only.
            parts = [part for part in re.split(r"\s*[,、，;；]\s*", value.strip()) if part]
        if key in ("ranks", "operators", "approvers", "deputies", "escalation_orgs", "allowed_link_domains",
                   "official_email_domains", "hashtags", "official_phone_numbers", "closed_days") and len(parts) > 1:
            listed = ", ".join(f'"{part}"' for part in parts)
        else:
            listed = f'"{value.strip()}"'
        return f"{key} = [{listed}] のように、全体を「[ ]」で囲み、1つずつ「\"」で囲んで半角の「,」で区切ってください。"
    return ""


def _did_you_mean(word: str, choices: Iterable[str]) -> str:
    choices = list(choices)
    # 「APPROVER_MIN_RANK」 (written as .env's keys are), 「approver-min-rank」, 「ａｐｐｒｏｖｅｒｓ」: the
    # key itself, which difflib's likeness of the letters as written did not find.
    folded = unicodedata.normalize("NFKC", word).lower().replace("-", "_")
    if folded in choices:
        return _suggest(folded)
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return _suggest(close[0] if close else None)


def look_alike_key(name: str) -> str:
    """What a menu leaves of an account name to tell it apart: the same for names that differ only
    in width, case, spaces or invisible format characters (a zero-width space pasted from a web page)."""
    return "".join(c for c in typed_form(name) if not c.isspace())


class _Validator:
    def __init__(self, text: str, filename: str, today: date) -> None:
        self.filename = filename
        self.today = today
        self.problems: list[ConfigProblem] = []
        self.loc = _Locator(text)
        # Every [[members]] entry by slack_id, valid or not, so that a member with (say) an unknown
        # rank is not also reported as "not registered" wherever an account names them.
        self.roster: dict[str, dict[str, Any]] = {}
        self.ranks_misordered = False
        # [[orgs]] id by name, for an org written by its name.
        self.org_named: dict[str, str] = {}

    def problem(self, path: Path_, message: str) -> None:
        self.problems.append(ConfigProblem(self.filename, self.loc.line(path), message))

    # -- generic shape checks -------------------------------------------------------------------

    def table(self, data: Any, path: Path_, spec: _Spec) -> dict[str, Any]:
        """Known keys of the right type; reports unknown, missing and mistyped keys."""
        label = _label(path)
        if not isinstance(data, dict):
            self.problem(path, f"{label} はテーブルで書いてください（今は{_type_of(data)}です）。")
            return {}
        clean: dict[str, Any] = {}
        missing = [key for key, (_, required) in spec.items() if required and key not in data]
        unknown = [key for key in data if key not in spec]
        # One unknown key where one required key is missing is that key under another name
        # (「id」「user_id」「SlackID」 for slack_id): said once, on its line, with the name to write.
        renamed = missing[0] if len(missing) == 1 and len(unknown) == 1 else None
        for key, value in data.items():
            if key not in spec:
                hint = _did_you_mean(key, spec)
                if renamed is not None and hint not in ("", _suggest(renamed)):
                    renamed = None  # another key meant (「deputy」): the missing one is said apart
                if not hint and renamed is not None:
                    # Not a misspelling: only the one key missing beside it, so it may be that key
                    # under a name of its own (「id」) or a note (「memo」). 「もしかして」 alone left the
                    # note's writer unaware that the key was missing.
                    hint = f"{label} に {renamed} がありません。この行が {renamed} のつもりなら、キーの名前を「{renamed}」にしてください。"
                known = "、".join(spec)
                self.problem(
                    path + (key,),
                    f"{label} に知らないキー「{key}」があります。{hint}"
                    f"使えるキーは {known} です。綴りを直すか、この行を削除してください。",
                )
                continue
            kind = spec[key][0]
            if kind == "strlist":
                ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
            elif kind == "datelist":
                # 2027-06-23 unquoted is a TOML date; a date with a time is refused item by item.
                ok = isinstance(value, list) and all(isinstance(v, str | date) for v in value)
            elif kind == "int":
                ok = isinstance(value, int) and not isinstance(value, bool)
            elif kind == "bool":
                ok = isinstance(value, bool)
            else:
                ok = isinstance(value, str)
            if not ok:
                where, now_is = path + (key,), f"{_type_of(value)}です"
                if kind in ("strlist", "datelist") and isinstance(value, list):
                    # An array with one wrong item (「6」 unquoted, 10:00 for a date): 「今は配列です」
                    # would contradict the request; name the item, on its own line.
                    i, item = next((i, v) for i, v in enumerate(value)
                                   if not isinstance(v, str | date if kind == "datelist" else str))
                    where, now_is = path + (key, i), f" {i + 1} 番目が{_type_of(item)}です"
                self.problem(where, f"{label} の {key} は{_spaced_name(_TYPE_NAMES[kind])}で書いてください（今は{now_is}）。"
                             + _retyped_ja(key, kind, value))
                continue
            if kind == "str" and not value.strip() and spec[key][1]:
                self.problem(path + (key,), f"{label} の {key} が空です。値を書いてください。")
                continue
            if key == "name" and path[:1] in (("accounts",), ("members",)):
                # These names are shown in headers, account menus and App Home: one of invisible characters
                # only (a zero-width space pasted from a web page) is a blank menu item, and a line
                # break or tab inside one splits the bold 「*名前*」 around it into literal asterisks.
                stripped = value.strip()
                if stripped and all(c.isspace() or unicodedata.category(c) == "Cf" for c in stripped):
                    self.problem(path + (key,), f"{label} の {key} は見えない文字だけでできています。"
                                 "表示される名前を書いてください。")
                    continue
            if kind == "str" and path and (str(path[0]), key) in _SHOWN_NAMES:
                # Kept when refused, as a long value is: an [[orgs]] entry dropped for its name would
                # also be reported as missing by every member of it.
                self.shown_name_ok(path + (key,), f"{label} の {key}", value.strip())
            if kind == "str" and (column := _STORED_IN.get((str(path[0]), key)) if path else None):
                limit = column_length(*column)
                if len(value.strip()) > limit:
                    # Kept, not dropped: reported once here, not again as an org the members do not
                    # find. The file is refused all the same (any problem refuses it).
                    self.problem(path + (key,), _too_long(f"{label} の {key}", value.strip(), limit))
            clean[key] = value.strip() if kind == "str" else value
        for key in missing:
            if key != renamed:
                self.problem(path, f"{label} に {key} がありません。{key} = ... の行を追加してください。")
        return clean

    def array_of_tables(self, data: Mapping[str, Any], key: str) -> list[tuple[Path_, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list):
            self.problem(
                (key,),
                f"{key} は [[{key}]] という見出しの表の並びで書いてください（今は{_type_of(value)}です）。",
            )
            return []
        return [((key, i), item) for i, item in enumerate(value)]

    def duplicates_in(self, path: Path_, values: list[str], label: str) -> bool:
        """Report every repeated value of the list at ``path``; True when there was none."""
        seen: set[str] = set()
        for i, v in enumerate(values):
            if v in seen:
                self.problem(
                    path + (i,),
                    f"{label} の {path[-1]} に「{v}」が2回以上書かれています。1回にしてください。",
                )
            seen.add(v)
        return len(seen) == len(values)

    # -- the file -------------------------------------------------------------------------------

    def run(self, data: dict[str, Any]) -> OrgConfig:
        for key in data:
            if key not in _ROOT_KINDS:
                hint = _did_you_mean(key, _ROOT_KINDS)
                self.problem(
                    (key,),
                    f"ファイルの最上位に知らないキー「{key}」があります。{hint}"
                    '使えるのは [policy]、[[orgs]]、[[members]]、[[accounts]]、[rules."コード"] です。',
                )
        if "policy" not in data:
            self.problem(
                (),
                "[policy] がありません。少なくとも escalation_channel を書いた [policy] を追加してください。",
            )
        policy = self.policy(data.get("policy"), _ranks_named(data))
        orgs = self.orgs(data)
        members = self.members(data, policy, {o.id for o in orgs})
        accounts = self.accounts(data, policy, {o.id for o in orgs})
        self.escalation_apart_from_intake(data, policy)
        policy = self.escalation_orgs(data, policy, orgs)
        if not data.get("accounts"):
            self.problem((), "[[accounts]] がありません。kessai が扱う SNS アカウントを1つ以上書いてください"
                             "（kessai.example.toml に例があります）。")
        rules = self.rules(data.get("rules", {}))
        return OrgConfig(
            policy=policy,
            orgs=tuple(orgs),
            members=tuple(members),
            accounts=tuple(accounts),
            rules=MappingProxyType(rules),
            source=self.filename,
        )

    def policy(self, raw: Any | None, named: set[str]) -> Policy:
        path: Path_ = ("policy",)
        # A missing [policy] is reported once by run(); its keys then take the SPEC defaults.
        p = {} if raw is None else self.table(raw, path, _POLICY_SPEC)
        defaults = Policy()
        values: dict[str, Any] = {}

        ranks = tuple(r.strip() for r in p.get("ranks", defaults.ranks))
        named = named | {p.get("approver_min_rank", defaults.approver_min_rank)}
        if "ranks" in p:
            if not ranks:
                self.problem(
                    path + ("ranks",), "[policy] の ranks が空です。職名を上位から順に並べてください。"
                )
                ranks = defaults.ranks
            rank_limit = column_length("MemberRow", "rank")
            joined: dict[int, list[str]] = {}
            for i, r in enumerate(ranks):
                # Only a name no one holds, split into names that members or approver_min_rank hold
                # and ranks lacks: 「参事 兼 課長」 or 「課長、室長」 held as written is one rank, and
                # refusing it stopped a serve that ran on the same file before.
                names = _names_joined(r)
                if names is not None and r not in named and any(n in named and n not in ranks for n in names):
                    # 「部長、次長、課長…」 in one "...": one rank of that whole name, and every member's
                    # rank and the approver_min_rank were each refused as not in ranks (8 problems
                    # about lines that were right, none about this one).
                    listed = ", ".join(f'"{name}"' for name in names)
                    self.problem(path + ("ranks", i),
                                 f"[policy] の ranks の「{_shown(r)}」は、職名をいくつか1つの \"...\" に書いたように見えます。"
                                 f"ranks = [{listed}] のように、職名を1つずつ「\"」で囲み、半角の「,」で区切ってください。")
                    joined[i] = names
                elif not r:
                    self.problem(
                        path + ("ranks", i), "[policy] の ranks に空の職名があります。削除してください。"
                    )
                elif len(r) > rank_limit:
                    self.problem(path + ("ranks", i), _too_long("[policy] の ranks にある職名", r, rank_limit))
                else:
                    self.shown_name_ok(path + ("ranks", i), "[policy] の ranks にある職名", r)
            if joined:
                # Read as meant for the checks that follow (the file is refused all the same).
                ranks = tuple(name for i, r in enumerate(ranks) for name in joined.get(i, [r]))
            elif self.duplicates_in(path + ("ranks",), list(ranks), "[policy]"):
                self.ranks_misordered = self.ranks_misordered_at(path + ("ranks",), ranks)
        values["ranks"] = ranks

        min_rank = p.get("approver_min_rank", defaults.approver_min_rank)
        if min_rank not in ranks:
            self.problem(
                path + ("approver_min_rank",),
                f"[policy] の approver_min_rank「{min_rank}」は policy.ranks にありません。"
                f"ranks にある職名（{'、'.join(ranks)}）から選んでください。{_did_you_mean(min_rank, ranks)}",
            )
        values["approver_min_rank"] = min_rank

        working_hours = p.get("working_hours", defaults.working_hours)
        try:
            start, end = parse_working_hours(working_hours)
            values.update(working_hours=working_hours, working_start=start, working_end=end)
        except ValueError as exc:
            self.problem(path + ("working_hours",), f"[policy] の working_hours: {exc}")
            start, end = defaults.working_start, defaults.working_end
        calendar_day = BusinessCalendar(f"{start:%H:%M}-{end:%H:%M}").day_length

        # Business-time keys count "1d" as one working day; wall-clock keys as 24 hours.
        for key, day in (
            ("approval_reminder_after", calendar_day),
            ("approval_escalate_after", calendar_day),
            ("incident_ack_within", timedelta(days=1)),
            ("holding_statement_after", timedelta(days=1)),
        ):
            if key in p:
                try:
                    values[key] = parse_duration(p[key], day=day)
                except ValueError as exc:
                    self.problem(path + (key,), f"[policy] の {key}: {exc}")
                else:
                    # Longer than a year is a typo, and each sweep would walk the calendar that far.
                    if values[key] > 365 * day:
                        del values[key]
                        self.problem(path + (key,), f"[policy] の {key}「{p[key]}」は長すぎます。365d 以内にしてください。")
            elif key == "approval_escalate_after":
                values[key] = calendar_day
        # Deputies are asked after the approvers were reminded (SPEC: remind, then escalate).
        remind = values.get("approval_reminder_after", defaults.approval_reminder_after)
        escalate = values.get("approval_escalate_after")
        remind_read = "approval_reminder_after" not in p or "approval_reminder_after" in values
        if escalate is not None and remind_read and escalate < remind:
            written = "approval_escalate_after" in p
            self.problem(
                path + ("approval_escalate_after" if written else "approval_reminder_after",),
                f"[policy] の approval_escalate_after（{format_duration(escalate, calendar_day)}"
                f"{'' if written else '、書かれていないときの値'}）が approval_reminder_after"
                f"（{format_duration(remind, calendar_day)}）より短くなっています。代決者へは決裁者への催促より"
                "後に回すので、approval_escalate_after を approval_reminder_after 以上にしてください。",
            )

        for key, minimum, maximum in (("min_posts_per_month", 0, 1000), ("password_rotation_days", 1, 3650)):
            if key in p:
                if not minimum <= p[key] <= maximum:
                    self.problem(
                        path + (key,),
                        f"[policy] の {key} は {minimum}〜{maximum:,} の整数にしてください（今は {p[key]} です）。",
                    )
                else:
                    values[key] = p[key]

        if "escalation_channel" in p:
            channel = p["escalation_channel"]
            if self.channel_id_ok(path + ("escalation_channel",), channel, "[policy] の escalation_channel"):
                values["escalation_channel"] = channel

        for key in ("allowed_link_domains", "official_email_domains"):
            domains = []
            for i, d in enumerate(p.get(key, [])):
                d = d.strip().lower()
                if not _DOMAIN.match(d):
                    self.problem(
                        path + (key, i),
                        f"[policy] の {key} にある「{d}」はドメイン名に見えません。"
                        "「city.joetsu.niigata.jp」のように、https:// や @ や / を付けずにドメインだけを書いてください。",
                    )
                else:
                    domains.append(d)
            values[key] = tuple(domains)

        closed: list[ClosedDay] = []
        for i, written in enumerate(p.get("closed_days", [])):
            try:
                closed_day = parse_closed_day(written)
            except ValueError as exc:
                self.problem(path + ("closed_days", i), f"[policy] の closed_days: {exc}")
                continue
            if closed_day in closed:
                self.problem(path + ("closed_days", i),
                             f"[policy] の closed_days に「{written}」が2回あります。1つにしてください。")
                continue
            closed.append(closed_day)
        empty_month = month_without_business_day(closed, self.today) if closed else None
        if empty_month is not None:
            self.problem(path + ("closed_days",),
                         f"[policy] の closed_days では、{empty_month[0]}年{empty_month[1]}月に業務日が1日もなくなります。"
                         "閉庁日には、業務を休む日だけを書いてください。")
        values["closed_days"] = tuple(closed)

        phones = []
        for i, number in enumerate(p.get("official_phone_numbers", [])):
            digits = re.sub(r"\D", "", unicodedata.normalize("NFKC", number))
            if not 10 <= len(digits) <= 11 or not digits.startswith("0"):
                self.problem(
                    path + ("official_phone_numbers", i),
                    f"[policy] の official_phone_numbers にある「{number}」は電話番号に見えません。"
                    "「025-526-5111」のように市外局番から書いてください。",
                )
            else:
                phones.append(number.strip())
        values["official_phone_numbers"] = tuple(phones)
        return Policy(**values)

    def ranks_misordered_at(self, path: Path_, ranks: tuple[str, ...]) -> bool:
        """Report a pair of well-known ranks written lower before higher: ``rank_at_least``
        reads the list highest first, so a list written from 会計年度任用職員 up to 部長 let every
        主事 approve and refused every 課長, and `kessai config check` called the file correct."""
        level = _KNOWN_RANK_LEVELS
        inverted = [(level[lower] - level[higher], j, lower, higher)
                    for j, higher in enumerate(ranks) if higher in level
                    for lower in ranks[:j] if level.get(lower, -1) > level[higher]]
        if inverted:
            # The widest pair (部長 after 主事) shows a list written upside down better than the
            # first one found (主任 after 主事).
            _, j, lower, higher = max(inverted)
            self.problem(
                path + (j,),
                f"[policy] の ranks は上位の職から順に書いてください。「{higher}」が「{lower}」より後に"
                f"書かれています。このままでは「{lower}」が「{higher}」より上の職として扱われ、"
                "決裁できる職（approver_min_rank 以上）の判定を誤ります。",
            )
        return bool(inverted)

    def escalation_orgs(self, data: Mapping[str, Any], policy: Policy, orgs: list[Org]) -> Policy:
        """``[policy] escalation_orgs``: [[orgs]] ids, read once the orgs are known. A wrong id would
        leave the 統括 department out of every incident without a word, so it is a problem."""
        raw = data.get("policy")
        written = raw.get("escalation_orgs") if isinstance(raw, dict) else None
        if not isinstance(written, list) or not all(isinstance(v, str) for v in written):
            return policy  # absent, or its type already reported by table()
        path: Path_ = ("policy", "escalation_orgs")
        org_ids = {o.id for o in orgs}
        ids: list[str] = []
        for i, value in enumerate(written):
            value = value.strip()
            if value not in org_ids:
                # The department's name is what the guideline says (「まち経営課に即刻報告」).
                named = next((o.id for o in orgs if o.name == value), None)
                hint = f"「{value}」の id は「{named}」です。" if named else _did_you_mean(value, org_ids)
                self.problem(path + (i,),
                             f"[policy] の escalation_orgs にある「{value}」は [orgs] の id にありません。インシデントを"
                             f"受け取る組織（運用を統括する課など）の [[orgs]] の id を書いてください。{hint}")
            elif value in ids:
                self.problem(path + (i,), f"[policy] の escalation_orgs に「{value}」が2回あります。1つにしてください。")
            else:
                ids.append(value)
        return replace(policy, escalation_orgs=tuple(ids))

    def escalation_apart_from_intake(self, data: Mapping[str, Any], policy: Policy) -> None:
        """The escalation channel must not be an intake channel: there, incident alerts and monthly
        reports would drown among the drafts, and whatever an operator writes in reply is taken as
        a draft to approve."""
        channel = policy.escalation_channel
        if not channel:
            return
        # Read from the raw tables, so that an account with some other problem is named too.
        clashing = []
        raw_accounts = data.get("accounts", [])
        for raw in raw_accounts if isinstance(raw_accounts, list) else []:
            if isinstance(raw, dict) and isinstance(raw.get("intake_channel"), str) \
                    and raw["intake_channel"].strip() == channel:
                name = raw.get("name")
                label = f"[accounts]「{raw.get('id', '')}」" + (f"（{name}）" if isinstance(name, str) else "")
                clashing.append(label)
        if clashing:
            self.problem(
                ("policy", "escalation_channel"),
                f"[policy] の escalation_channel「{channel}」は、{'、'.join(clashing)} の intake_channel と"
                "同じチャンネルです。下書きを受け付けるチャンネルでは、インシデントの通知や投稿件数の報告が下書きに"
                "紛れ、そこに書いた返信も下書きとして扱われてしまいます。運用管理責任者と運用を統括する部署が見る別の"
                "チャンネルの ID を escalation_channel に書いてください。",
            )

    def shown_name_ok(self, path: Path_, what: str, value: str) -> bool:
        """A name Slack shows as written (headers, DMs, account menus, App Home) holds no control,
        line break or bidi control: escaping them (bot.logs.printable) keeps the log and the CLI
        safe, not an approver's DM. One problem per value, naming the first such character."""
        c = first_unprintable(value)
        if c is None:
            return True
        code = f"U+{ord(c):04X}"
        if c == "\t":
            # Only a tab inside the name: one before or after it is stripped, as spaces are.
            # An id is no name: it is matched as written (orgs = ["koho"]), so a space is no remedy there.
            said = (f"タブ（{code}）が含まれています。id にタブは使えません。タブを削除してください。" if path[-1] == "id"
                    else f"タブ（{code}）が含まれています。名前にタブは使えません。タブを削除するか、空白に置き換えてください。")
        elif c in _LINE_BREAKS:
            # U+2028/U+2029 and NEL break the line in Slack as \n does.
            said = f"改行（{code}）が含まれています。1行で、\"...\" の中に続けて書いてください。"
        elif c in _DIRECTION_MARKS:
            # A mark reverses nothing: it is an invisible letter of one direction, which can move the
            # brackets, digits and spaces beside it (that the name's own letters do not decide).
            said = (f"文字の向きを指定する見えない文字（{code}）が含まれています。Slack では前後の括弧や数字などの"
                    "並び方が変わって表示されることがあります。この文字を削除してください。")
        elif c == "\u202e":
            # Copied along from a web page or a document, unseen in the editor.
            said = (f"文字の向きを変える制御文字（{code}）が含まれています。Slack ではその後ろの文字が逆の順に並んで"
                    "表示され、別の名前に読めてしまいます。この文字を削除してください。")
        elif unicodedata.category(c) == "Cf":
            # The other bidi controls (embeddings, isolates, U+202D, their ends; a ZWJ of an emoji is
            # not one): right-to-left ones reorder the words after them, the rest can once the name
            # holds Arabic or Hebrew letters or sits beside them in a message.
            said = (f"文字の向きを変える制御文字（{code}）が含まれています。Slack ではその後ろの語の並び方が変わって"
                    "表示され、別の名前に読めてしまうことがあります。この文字を削除してください。")
        else:
            said = f"制御文字（{code}）が含まれています。Slack で正しく表示できないため、この文字を削除してください。"
        self.problem(path, f"{what}「{_shown(value)}」に{said}")
        return False

    def channel_id_ok(self, path: Path_, value: str, what: str) -> bool:
        if _CHANNEL_ID.match(value):
            # Every channel of the file is stored beside the messages posted there (drafts,
            # slack_messages): the account's column is as long as those.
            limit = column_length("AccountRow", "intake_channel")
            if len(value) <= limit:
                return True
            self.problem(path, _too_long(what, value, limit) + "Slack の画面からチャンネルID をコピーし直してください。")
            return False
        self.problem(
            path,
            f"{what}「{value}」は Slack のチャンネルID に見えません。チャンネル名ではなく、チャンネル詳細の"
            "いちばん下にある C で始まるID（例: C012AB3CD）を書いてください。" + _ids_apart(value, _CHANNEL_ID, one=True),
        )
        return False

    def user_id_ok(self, path: Path_, value: str, what: str) -> bool:
        if _USER_ID.match(value):
            limit = column_length("MemberRow", "slack_id")
            if len(value) <= limit:
                return True
            self.problem(path, _too_long(what, value, limit) + "プロフィールの「メンバーIDをコピー」でコピーし直してください。")
            return False
        self.problem(
            path,
            f"{what}「{value}」は Slack のユーザーID に見えません。表示名ではなく、プロフィールの"
            "「メンバーIDをコピー」で得られる U で始まるID（例: U012AB3CD）を書いてください。" + _ids_apart(value, _USER_ID),
        )
        return False

    def orgs(self, data: Mapping[str, Any]) -> list[Org]:
        orgs: list[Org] = []
        first_line: dict[str, int | None] = {}
        for path, raw in self.array_of_tables(data, "orgs"):
            o = self.table(raw, path, _ORG_SPEC)
            if "id" not in o or "name" not in o:
                continue
            if o["id"] in first_line:
                self.problem(
                    path + ("id",),
                    f"[orgs] の id「{o['id']}」は {first_line[o['id']]} 行目と重複しています。別の id にしてください。",
                )
                continue
            first_line[o["id"]] = self.loc.line(path + ("id",))
            orgs.append(Org(o["id"], o["name"]))
            self.org_named.setdefault(o["name"], o["id"])
        return orgs

    def org_not_listed(self, label: str, written: str, org_ids: set[str]) -> str:
        """An org no [[orgs]] has as its id. Written as a department's name (「広報対話課」, as in 辞令),
        the id to write, and not 「[[orgs]] に id = "広報対話課" を追加するか」, which sent the IT 担当
        to add a second entry for a department already listed."""
        if named := self.org_named.get(written):
            return (f"{label} の org「{written}」は [[orgs]] の name です。「{written}」の id は「{named}」です。"
                    f'org = "{named}" のように、org には [[orgs]] の id を書いてください。')
        return (f'{label} の org「{written}」は [orgs] にありません。[[orgs]] に id = "{written}" を追加するか、'
                f"登録済みの組織の id を書いてください。{_did_you_mean(written, org_ids)}")

    def members(self, data: Mapping[str, Any], policy: Policy, org_ids: set[str]) -> list[Member]:
        members: list[Member] = []
        first_line: dict[str, int | None] = {}
        for path, raw in self.array_of_tables(data, "members"):
            m = self.table(raw, path, _MEMBER_SPEC)
            ok = all(k in m for k in _MEMBER_SPEC)
            if "slack_id" not in m and isinstance(raw, dict):
                # The ID under a key of another name, reported by table(): accounts naming it are not
                # also told it is unregistered.
                for value in raw.values():
                    if isinstance(value, str) and _USER_ID.match(value.strip()):
                        self.roster.setdefault(value.strip(), m)
            if "slack_id" in m:
                sid = m["slack_id"]
                if not self.user_id_ok(path + ("slack_id",), sid, "[members] の slack_id"):
                    ok = False
                    if (meant := _meant_id(sid, _USER_ID)) is not None:
                        # Reported once, here: accounts naming the ID meant are not "unregistered" too.
                        self.roster.setdefault(meant, m)
                elif sid in first_line:
                    self.problem(
                        path + ("slack_id",),
                        f"[members] の slack_id「{sid}」は {first_line[sid]} 行目と重複しています。"
                        "1人につき [[members]] は1つにまとめてください。兼務の方も1つにして、決裁に使う職を rank に書いてください"
                        "（rank は、その方が載っているすべてのアカウントで使われます）。兼務先のアカウントの operators・"
                        "approvers・deputies にも同じ ID を書けます（アカウントの org と違う組織の方でも構いません）。",
                    )
                    ok = False
                else:
                    first_line[sid] = self.loc.line(path + ("slack_id",))
                    self.roster[sid] = m
            if "org" in m and m["org"] not in org_ids:
                self.problem(path + ("org",), self.org_not_listed("[members]", m["org"], org_ids))
                ok = False
            if "rank" in m and m["rank"] not in policy.ranks:
                self.problem(
                    path + ("rank",),
                    f"[members] の rank「{m['rank']}」は policy.ranks にありません。policy.ranks に追加するか、"
                    f"一覧にある職名を書いてください。{_did_you_mean(m['rank'], policy.ranks)}",
                )
                ok = False
            if ok:
                members.append(Member(m["slack_id"], m["name"], m["org"], m["rank"]))
        return members

    def accounts(self, data: Mapping[str, Any], policy: Policy, org_ids: set[str]) -> list[Account]:
        accounts: list[Account] = []
        first_line: dict[str, int | None] = {}
        named: dict[tuple[str, str], tuple[str, int | None]] = {}  # (platform, folded name) → (id, line)
        for path, raw in self.array_of_tables(data, "accounts"):
            a = self.table(raw, path, _ACCOUNT_SPEC)
            ok = all(k in a for k, (_, required) in _ACCOUNT_SPEC.items() if required)
            name = f"「{a['id']}」" if "id" in a else ""
            label = f"[accounts]{name}"
            if "id" in a:
                if a["id"] in first_line:
                    self.problem(
                        path + ("id",),
                        f"[accounts] の id「{a['id']}」は {first_line[a['id']]} 行目と重複しています。別の id にしてください。",
                    )
                    ok = False
                else:
                    first_line[a["id"]] = self.loc.line(path + ("id",))
            if "platform" in a and a["platform"] not in PLATFORMS:
                folded = unicodedata.normalize("NFKC", a["platform"]).strip().lower()
                # A zero-width space or a direction mark copied along: 「platform「x」は使えません。
                # もしかして「x」ですか？」 showed nothing to correct.
                unseen = typed_form(a["platform"]).strip()
                hint = ("X（旧 Twitter）は「x」と書きます。" if unseen == "twitter"
                        else f"目に見えない文字（ゼロ幅スペースなど）が含まれています。「{unseen}」と書き直してください。"
                        if unseen in PLATFORMS and unseen != folded
                        else f"全角で書かれています。半角で「{folded}」と書いてください。"
                        if folded in PLATFORMS and folded != a["platform"].strip().lower()
                        else _did_you_mean(a["platform"].lower(), PLATFORMS))
                self.problem(
                    path + ("platform",),
                    f"{label} の platform「{a['platform']}」は使えません。{hint}{', '.join(PLATFORMS)} のどれかを書いてください。",
                )
                ok = False
            if a.get("name") and a.get("platform") in PLATFORMS and "id" in a:
                # The account menus (the draft form, a shared intake channel) show only the name: two
                # accounts of one platform whose names differ in width, case or spaces look the same
                # there, and a draft is checked and approved for the wrong one. The same name on two
                # platforms (every account called 「上越市」) is common and allowed.
                folded = look_alike_key(a["name"])
                other = named.setdefault((a["platform"], folded), (a["id"], self.loc.line(path + ("name",))))
                if other[0] != a["id"]:
                    self.problem(
                        path + ("name",),
                        f"{label} の name「{a['name']}」は、{other[1]} 行目のアカウント「{other[0]}」（同じ {a['platform']}）"
                        "の name と同じに見えます（全角・半角、大文字・小文字、空白や見えない文字の違いだけです）。アカウントを選ぶ画面で"
                        "見分けられないため、別の名前にしてください。",
                    )
                    ok = False
            url = a.get("url", "")
            if url and not re.match(r"^https?://\S+$", url):
                self.problem(
                    path + ("url",),
                    f"{label} の url「{url}」は URL に見えません。https:// から書いてください。",
                )
                ok = False
            if "org" in a and a["org"] not in org_ids:
                self.problem(path + ("org",), self.org_not_listed(label, a["org"], org_ids))
                ok = False
            if "intake_channel" in a and not self.channel_id_ok(
                path + ("intake_channel",), a["intake_channel"], f"{label} の intake_channel"
            ):
                ok = False
            roles = {
                role: [s.strip() for s in a.get(role, [])] for role in ("operators", "approvers", "deputies")
            }
            for role, ids in roles.items():
                if not self.people(path + (role,), ids, label, role, policy, self.roster):
                    ok = False
            if not self.roles_make_sense(path, label, roles, "approvers" in a):
                ok = False
            hashtags = self.hashtags(path + ("hashtags",), a.get("hashtags", []), label)
            if ok:
                accounts.append(
                    Account(
                        id=a["id"],
                        platform=a["platform"],
                        name=a["name"],
                        url=url,
                        org=a["org"],
                        intake_channel=a["intake_channel"],
                        operators=tuple(roles["operators"]),
                        approvers=tuple(roles["approvers"]),
                        deputies=tuple(roles["deputies"]),
                        hashtags=hashtags,
                    )
                )
        return accounts

    def people(
        self,
        path: Path_,
        ids: list[str],
        label: str,
        role: str,
        policy: Policy,
        members: Mapping[str, dict[str, Any]],
    ) -> bool:
        ok = True
        ranks = policy.ranks
        minimum = policy.approver_min_rank
        for i, sid in enumerate(ids):
            if not self.user_id_ok(path + (i,), sid, f"{label} の {role} にある"):
                ok = False
                continue
            member = members.get(sid)
            if member is None:
                self.problem(
                    path + (i,),
                    f"{label} の {role} にある「{sid}」は [members] に登録されていません。"
                    "[[members]] に追加するか、ID の誤りを直してください。",
                )
                ok = False
            elif (
                role in ("approvers", "deputies")
                # Against a list written upside down, 「課長 は課長補佐より下の職です」 would be said of
                # every rightful approver: the order itself is the one problem reported.
                and not self.ranks_misordered
                and minimum in ranks
                and member.get("rank") in ranks  # an unknown rank is reported on the member itself
                and ranks.index(member["rank"]) > ranks.index(minimum)
            ):
                what = "決裁者" if role == "approvers" else "代決者"
                self.problem(
                    path + (i,),
                    f"{label} の {role} にある {sid}（{member.get('name', '')}、{member['rank']}）は approver_min_rank"
                    f"「{minimum}」より下の職です。{what}には{minimum}以上の職員を指定してください。",
                )
                ok = False
        return self.duplicates_in(path, ids, label) and ok

    def roles_make_sense(
        self, path: Path_, label: str, roles: Mapping[str, list[str]], present_approvers: bool
    ) -> bool:
        ok = True
        approvers, deputies, operators = roles["approvers"], roles["deputies"], roles["operators"]
        if not operators:
            self.problem(
                path + ("operators",),
                f"{label} の operators が空です。このアカウントの下書きを出せる人がいないので、運用担当者を1人以上書いてください。",
            )
            ok = False
        if present_approvers and not approvers:
            self.problem(
                path + ("approvers",),
                f"{label} の approvers が空です。下書きを決裁できる人がいなくなるので、運用管理責任者を1人以上書いてください。",
            )
            ok = False
        for i, sid in enumerate(deputies):
            if sid in approvers:
                self.problem(
                    path + ("deputies", i),
                    f"{label} で {sid} が approvers と deputies の両方に入っています。代決者は決裁者の代わりに"
                    "決裁する人なので、どちらか一方にしてください。",
                )
                ok = False
        # The author may never decide their own draft: an operator who is the only approver would
        # leave their drafts with nobody to decide them in the normal route.
        for i, sid in enumerate(approvers):
            others = [a for a in approvers if a != sid]
            if sid in operators and not others:
                self.problem(
                    path + ("approvers", i),
                    f"{label} の決裁者 {sid} は operators にも入っていて、ほかに決裁者がいません。作成者は自分の下書きを"
                    "決裁できないため、この人の下書きを決裁できる人がいなくなります。operators 以外の決裁者を "
                    "approvers に加えてください。",
                )
                ok = False
        return ok

    def hashtags(self, path: Path_, tags: list[str], label: str) -> tuple[str, ...]:
        cleaned: list[str] = []
        bares = [tag.strip().lstrip("#＃") for tag in tags]  # "#上越市" and "上越市" are the same tag
        checked = []  # the invalid ones stand as unique placeholders: reported once, never as repeats
        for i, (tag, bare) in enumerate(zip(tags, bares, strict=True)):
            checked.append(f"\x00{i}")
            if not bare or re.search(r"[\s,、，#＃]", bare):
                # 「上越市,高田」 is two tags written as one string; no platform's tag holds a comma.
                self.problem(
                    path + (i,),
                    f"{label} の hashtags にある「{tag}」はハッシュタグとして使えません。空白・読点・# を含まない語を"
                    '1つずつ書いてください（例: hashtags = ["上越市", "高田"]）。',
                )
                continue
            checked[i] = bare
            cleaned.append(bare)
        self.duplicates_in(path, checked, label)
        return tuple(dict.fromkeys(cleaned))

    def listed_domains(self, path: Path_, entries: list[str], code: str) -> tuple[str, ...]:
        """The host names of a link rule's ``extra_words``: a URL copied whole (「https://evil.example/」)
        would never equal a link's host, and the entry would silently do nothing."""
        domains = []
        for i, entry in enumerate(entries):
            d = unicodedata.normalize("NFKC", entry).strip().lower()
            if not d:
                continue
            if not _DOMAIN.match(d):
                self.problem(
                    path + (i,),
                    f'[rules."{code}"] の extra_words にある「{entry.strip()}」はドメイン名に見えません。'
                    "「evil.example」のように、https:// や / を付けずにドメインだけを書いてください。",
                )
            else:
                domains.append(d)
        return tuple(domains)

    def rules(self, raw: Any) -> dict[str, RuleConfig]:
        if not isinstance(raw, dict):
            self.problem(
                ("rules",),
                f'rules は [rules."コード"] という見出しで書いてください（今は{_type_of(raw)}です）。',
            )
            return {}
        known: set[str] | None = None
        word_rules: frozenset[str] | None = None
        domain_rules: frozenset[str] = frozenset()
        try:
            # The code list, not REGISTRY: loading the rule families to read a file costs over a second of
            # CPU, every minute for a cron `kessai remind` (tests/rules/test_registry.py: the same codes).
            from bot.rules import DOMAIN_LIST_RULES, EXTRA_WORD_RULES, RULE_CODES

            known, word_rules, domain_rules = set(RULE_CODES), EXTRA_WORD_RULES, DOMAIN_LIST_RULES
        except ImportError:
            pass  # rule engine not installed in this build: codes cannot be checked
        rules: dict[str, RuleConfig] = {}
        for code, table in raw.items():
            path: Path_ = ("rules", code)
            if known is not None and code not in known:
                self.problem(
                    path,
                    f'[rules."{code}"] は知らないルールコードです。{_did_you_mean(code, known)}'
                    "コードの綴りを直すか、この表を削除してください（kessai rules で一覧を確認できます）。",
                )
                continue
            r = self.table(table, path, _RULE_SPEC)
            severity = r.get("severity")
            if severity is not None and severity not in SEVERITIES:
                self.problem(
                    path + ("severity",),
                    f'[rules."{code}"] の severity「{severity}」は使えません。{_did_you_mean(severity.lower(), SEVERITIES)}'
                    "error、warning、info のどれかを書いてください。",
                )
                continue
            extra_words = tuple(w.strip() for w in r.get("extra_words", []) if w.strip())
            if extra_words and word_rules is not None and code not in word_rules:
                self.problem(
                    path + ("extra_words",),
                    f'[rules."{code}"] には追加する語の一覧がないため、extra_words は使えません。'
                    f"extra_words を書けるのは {'、'.join(sorted(word_rules))} です。",
                )
                continue
            if code in domain_rules:
                extra_words = self.listed_domains(path + ("extra_words",), r.get("extra_words", []), code)
            rules[code] = RuleConfig(
                code=code,
                severity=cast(Severity | None, severity),  # checked against SEVERITIES above
                enabled=r.get("enabled", True),
                extra_words=extra_words,
                allow=tuple(w.strip() for w in r.get("allow", []) if w.strip()),
            )
        return rules


# ============================================================================================
# Organisation file: entry points
# ============================================================================================

_BACKSLASH_JA = ('"..." の中の「\\」（円記号）は、文字の指定（\\n など）の始まりと読まれます。'
                 "「\\」そのものを書くときは「\\\\」と2つ重ねるか、値を '...'（半角の一重引用符）で囲んでください"
                 "（例: \"a\\\\b\" または 'a\\b'）。")

_TOML_MESSAGES: tuple[tuple[str, str], ...] = (
    ("Invalid value", '値の書き方が正しくありません。文字列は "..." で囲み、配列は [ ] を閉じてください。'),
    ("Unterminated string", '文字列の " が閉じられていません。'),
    ("Illegal character '\\n'", '文字列の「"」が行の終わりまでに閉じられていません。値の最後に半角の「"」を書いてください。'),
    ("Illegal character", "文字列の中に使えない文字（改行やタブなど）があります。"),
    ("Unclosed array", "配列の「]」が閉じられていないか、要素の間の「,」（半角のカンマ）が抜けています。"),
    ("Expected '=' after a key", "キーの後に「=」がありません。「キー = 値」の形で書いてください。"),
    ("Expected newline", "1行に書けるのは「キー = 値」1組だけです。改行してください。"),
    ("Expected ']' at the end of a table", "表の見出しの「]」が閉じられていません。"),
    ("Expected ']]' at the end of an array", "表の並びの見出しの「]]」が閉じられていません。"),
    ("Cannot declare", "同じ見出しが2回あります。1つにまとめてください。"),
    ("Cannot overwrite a value", "同じキーが2回書かれています。1つにしてください。"),
    ("Cannot mutate", "すでに書いた値を別の見出しやキーで上書きしようとしています。"),
    (
        "Invalid initial character for a key",
        'キーに使えない文字があります。英数字・_・- 以外を使うときは "..." で囲んでください。',
    ),
    # Lines ended by CR alone (an old Mac's files, a cell pasted from Excel): tomllib counts lines by
    # LF, so the whole file was 「1 行目」 and its message said nothing a person could act on.
    ("Found invalid character '\\r'", "改行コードが CR だけの改行があります（古い Mac の形式や、Excel などから貼り付けた部分）。"
     "エディターで改行コードを LF（または CRLF）にして保存し直してください。"),
    ("Invalid statement", "読み取れない行があります。「キー = 値」か「[見出し]」の形で書いてください。"),
    # "C:\kessai\…" or a \ kept from a pasted word: in "..." a \ starts an escape (\U, \u a
    # character code, hence 「Invalid hex value」), and tomllib's words said nothing of the \.
    ("Unescaped '\\' in a string", _BACKSLASH_JA),
    ("Invalid hex value", _BACKSLASH_JA),
)


def _toml_syntax_problem(exc: tomllib.TOMLDecodeError, text: str, filename: str) -> ConfigProblem:
    original = str(exc)
    m = re.search(r"\(at line (\d+), column \d+\)", original)
    if m:
        line: int | None = int(m.group(1))
    elif "end of document" in original:
        line = text.count("\n") + (0 if text.endswith("\n") else 1) or 1
    else:
        line = None
    detail = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", original)
    if line is not None and original.startswith(("Invalid value", "Unclosed array")) \
            and (opened := _list_opened_by_a_hash(text.splitlines(), line)):
        return ConfigProblem(filename, opened[0], f"TOML の書き方に誤りがあります。値の書き方が正しくありません。{opened[1]}"
                                                  f"（tomllib: {detail}）")
    explanation = next((ja for en, ja in _TOML_MESSAGES if original.startswith(en)), "")
    if line is not None and original.startswith(("Cannot declare", "Cannot overwrite a value")):
        explanation = _single_bracket_list(text.splitlines()[line - 1:line]) or explanation
    hint = ""
    if line is not None:
        hint, value_unquoted = _syntax_hint(text.splitlines()[line - 1:line], original)
        if value_unquoted and original.startswith(("Expected newline", "Invalid value", "Unclosed array")):
            # Not two pairs on a line, nor an array left open: the value's words unquoted, and the
            # hint gives the line to write. tomllib's general sentence beside it said 「文字列は」 twice.
            explanation = "値の書き方が正しくありません。"
    # 「escalation_channel = ＃koho」: the channel's name, said with the channel-ID hint. To write the
    # 「＃」 half-width, as the sentence on full-width marks says, makes the rest of the line a comment.
    channel_name = line is not None and re.match(r"\s*(intake_channel|escalation_channel)\s*=\s*＃",
                                                   text.splitlines()[line - 1] if line <= len(text.splitlines()) else "")
    said_line_end = ""
    if line is not None and line <= len(text.splitlines()):
        # Full-width spaces only at the end of a line kessai cannot mend (the value before them is
        # refused too): said as what to do with them, not as spaces to type half-width.
        written = text.splitlines()[line - 1]
        end = re.search(r"[\u3000 \t]*\u3000[ \t\r]*$", written)
        if end and "全角の空白" not in _full_width_syntax([written[:end.start()]]) \
                and "全角の空白" in _full_width_syntax([written]):
            said_line_end = "\u3000"
            explanation += "この行の行末に全角の空白があります。行末の全角の空白を消してください。"
    if line is not None and (wide := _full_width_syntax(text.splitlines()[line - 1:line],
                                                        ignore=("＃" if channel_name else "") + said_line_end)):
        explanation += (f"この行に{wide}があります。キーの名前・数字・記号・空白は半角で書いてください"
                        '（"..." の中の文字は全角でも構いません）。')
    explanation += hint
    return ConfigProblem(filename, line, f"TOML の書き方に誤りがあります。{explanation}（tomllib: {detail}）")


# The lists of tables, and what each of their tables is.
_TABLE_LISTS = {"orgs": "組織", "members": "職員", "accounts": "アカウント"}
_HEADER = re.compile(r"\s*\[{1,2}\s*([A-Za-z_]+)\s*\]{1,2}\s*(?:#.*)?")


def _single_bracket_list(lines: list[str]) -> str | None:
    """For a second [members] (or a [[members]] after a [members]): the list's brackets. tomllib
    says 「declared twice」 and 「同じ見出しが2回あります。1つにまとめてください」 was shown: followed,
    two people merged into one table, and the first one's lines were overwritten by the second's."""
    m = _HEADER.fullmatch(lines[0]) if lines else None
    if m is None or m.group(1) not in _TABLE_LISTS:
        return None
    key = m.group(1)
    what = _TABLE_LISTS[key]
    return (f"{what}を2つ以上書くときは、{what}ごとに [[{key}]]（角かっこ2つ）の見出しを書いてください"
            f"（[{key}]（角かっこ1つ）は1回しか書けません。1つにまとめると、前に書いた{what}が失われます）。")


# Characters a Japanese IME types in place of TOML's ASCII syntax; each is refused by tomllib
# with a message about the syntax, which does not tell the person the character looks the same.
_FULL_WIDTH_SYNTAX = {
    "＝": "全角の「＝」", "\u3000": "全角の空白", "\u00a0": "特殊な空白（ノーブレークスペース）",
    "“": "全角の「“」", "”": "全角の「”」", "‘": "全角の「‘」", "’": "全角の「’」", "［": "全角の「［」",
    "］": "全角の「］」", "，": "全角の「，」", "、": "読点「、」", "＃": "全角の「＃」",
}


_BARE_VALUE = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*([^\s\"'\[{#][^#]*?)\s*(?:#.*)?")
_QUOTE_LIKES = ("“”", "‘’", "「」", "『』", "＂＂", "””")
_LIST_KEYS = ("ranks", "operators", "approvers", "deputies", "escalation_orgs", "allowed_link_domains",
              "official_email_domains", "hashtags", "official_phone_numbers", "closed_days")


def _syntax_hint(lines: list[str], original: str) -> tuple[str, bool]:
    r"""What on a line tomllib refused the syntax of is the likely slip, where its words say nothing
    of it: a value written without quotes (「approver_min_rank = 課長補佐」, 「working_hours =
    08:30-17:15」, said as 「1行に書けるのは「キー = 値」1組だけです」), a line-ending 「\」 meant to
    go on to the next line, an INI file's 「;」 comment, or an invisible character (a zero-width space,
    the end-of-file mark Ctrl+Z some Windows editors add) that makes a right-looking line unreadable.
    Returns the hints and whether the value was read as written without quotes."""
    if not lines:
        return "", False
    line = lines[0]
    hints = []
    code = line.split("#", 1)[0] if '"' not in line and "'" not in line else line
    invisible = sorted({c for c in code if unicodedata.category(c) in ("Cf", "Cc") and c not in "\t\r\n"})
    if invisible:
        names = "・".join(f"U+{ord(c):04X}" for c in invisible)
        hints.append(f"この行に見えない文字（{names}。ゼロ幅スペースや制御文字）があります。"
                     "エディターでは見えないため、この行を消して書き直してください。")
    if line.rstrip().endswith("\\") and not line.lstrip().startswith("#"):
        hints.append("行末の「\\」で次の行に続けることはできません。「\\」を消してください"
                     "（[ ] の配列は、そのまま改行して続けられます）。")
    if line.lstrip().startswith(";"):
        hints.append("コメントは「;」ではなく「#」で始めてください。")
    if colon := re.match(r"\s*([A-Za-z_][A-Za-z0-9_-]*)\s*[:：]", line):
        hints.append(f"「:」ではなく「=」でつないで、{colon.group(1)} = 値 のように書いてください。")
    bare = _BARE_VALUE.fullmatch(line) if original.startswith(("Invalid value", "Expected newline")) else None
    empty = re.fullmatch(r"\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(#.*)?", line)
    if empty and original.startswith("Invalid value"):
        # 「escalation_channel = #koho」: the channel's name, read from its 「#」 on as a comment.
        after = "「=」の後の「#」から行末まではコメントとして読まれるため、" if empty.group(2) else ""
        key = empty.group(1)
        if empty.group(2) and key in ("intake_channel", "escalation_channel"):
            hints.append(f"{after}「=」の後に値がありません。チャンネル名（#…）ではなく、チャンネルの ID（C で始まる）を"
                         f' {key} = "C…" のように「"」で囲んで書いてください。')
        else:
            hints.append(f'{after}「=」の後に値がありません。値を {key} = "..." のように「"」で囲んで書いてください。')
    if (listed := _list_meant(line)) and not invisible:
        return hints[0] + listed if hints else listed, True
    if bare and not invisible and not line.rstrip().endswith("\\"):
        key, value = bare.group(1), bare.group(2)
        if key in ("intake_channel", "escalation_channel") and value.startswith("＃"):
            hints.append(f'チャンネル名（#…）ではなく、チャンネルの ID（C で始まる）を {key} = "C…" のように'
                         "「\"」で囲んで書いてください。")
            return "".join(hints), True
        if len(value) >= 2 and value[0] + value[-1] in _QUOTE_LIKES:
            # 「“課長補佐”」 from Word or a chat, 「「課長補佐」」 typed as Japanese quotes.
            value = value[1:-1].strip()
        # One quote of the pair written (「課長補佐"」, the opening one forgotten; 「U0A", "U0B"]」):
        # the line shown to write kept it, 「"課長補佐""」, itself a line tomllib refuses.
        value = value.replace('"', "").strip().strip("'“”‘’＂＇").strip()
        if key in _LIST_KEYS:
            value = value.strip("[]").strip()
        if key in _DURATION_KEYS:
            # 「2時間」「1時間30分」 as a person says them: the units the file takes.
            value = re.sub(r"(\d+)\s*時間", r"\1h", re.sub(r"(\d+)\s*分", r"\1m", unicodedata.normalize("NFKC", value)))
        if key in _INT_EXAMPLES:
            hints.append(_retyped_ja(key, "int", value))
        elif key in _LIST_KEYS:
            hints.append(_retyped_ja(key, "strlist", value))
        elif key == "working_hours":
            hints.append(_retyped_ja(key, "str", value))
        elif value.lower() in ("true", "false"):
            # 「enabled = False」 as Python writes it: TOML's true and false are lower case only.
            hints.append(_retyped_ja(key, "bool", value))
        else:
            hints.append(f'文字列は {key} = "{value}" のように半角の「"」で囲んでください。')
    return "".join(hints), bare is not None and bool(hints)


_LIST_LINE = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*(.+?)\s*(?:#[^\"']*)?")


def _list_meant(line: str) -> str | None:
    """The line to write for a list whose quotes or brackets were left out, where ``_BARE_VALUE``
    does not reach: 「approvers = "U0A", "U0B"」 (said as two pairs on a line), 「approvers = [U0A, U0B]」
    and 「closed_days = [2027-04-30, 06-23]」 (said as an array left open, though the dates are what
    need quotes: 06-23 is no TOML value)."""
    m = _LIST_LINE.fullmatch(line)
    if m is None or m.group(1) not in _LIST_KEYS:
        return None
    key, value = m.group(1), m.group(2)
    # 「approvers = ["U0A"], ["U0B"]」: a list per person, as cells are copied one by one; tomllib
    # says 「Expected newline」, and 「1行に書けるのは「キー = 値」1組だけです」 sent the person to split it.
    split = re.fullmatch(r"\[[^\[\]]*\](?:\s*[,，、]?\s*\[[^\[\]]*\])+", value) is not None
    if split:
        value = "[" + ", ".join(g.strip() for g in re.findall(r"\[([^\[\]]*)\]", value) if g.strip()) + "]"
    bracketed = value.startswith("[") and value.endswith("]")
    inner = value[1:-1] if bracketed else value
    items = [item.strip() for item in re.split(r"[,，、]", inner)]
    if key != "official_phone_numbers":  # a number may be written with spaces (「025 526 5111」)
        items = [part for item in items for part in ([item] if item[:1] in "\"'" else item.split() or [""])]
    quotes = "\"'“”‘’＂＇「」『』"
    if not all(items) or any('"' in item.strip(quotes) or "'" in item.strip(quotes) for item in items):
        return None
    unquoted = [item for item in items if not (len(item) >= 2 and item[0] == item[-1] and item[0] in "\"'")]
    if bracketed and not unquoted and not split or not bracketed and (len(items) < 2 or not value.startswith(("\"", "'"))):
        return None
    shown = ", ".join(f'"{item.strip(quotes).strip()}"' for item in items)
    if key == "closed_days":
        return f"日付は 1つずつ「\"」で囲んで、closed_days = [{shown}] のように書いてください。"
    return f"{key} = [{shown}] のように、全体を「[ ]」で囲み、1つずつ「\"」で囲んで半角の「,」で区切ってください。"


_QUOTED = re.compile(r"\"(?:[^\"\\]|\\.)*\"|'[^']*'")


def _list_opened_by_a_hash(lines: list[str], line: int) -> tuple[int, str] | None:
    """The line and the line to write for 「hashtags = [#上越市, #joetsu]」: the 「#」 starts a comment,
    so tomllib reads the list as left open and refuses the next heading, lines later. Only a list
    whose 「#」 is glued to a word and with nothing but blank or comment lines up to the refused one:
    「hashtags = [  #承認済み」 before items on their own lines is a list TOML reads."""
    for number in range(min(line, len(lines)), 0, -1):
        written = lines[number - 1]
        code = _QUOTED.sub(lambda q: "_" * len(q.group()), written)
        hash_at = code.find("#")
        opening = re.fullmatch(r"\s*([A-Za-z_][A-Za-z0-9_-]*)\s*=\s*\[[^\]]*", code[:hash_at]) if hash_at >= 0 else None
        if opening and opening.group(1) in _LIST_KEYS and code[hash_at + 1:hash_at + 2].strip():
            key = opening.group(1)
            inner = written[written.index("[", opening.end(1)) + 1:].strip().removesuffix("]")
            items = [item.strip() for item in re.split(r"[,，、]", inner) if item.strip()]
            shown = ", ".join(item if item[:1] in "\"'" and item[-1:] == item[:1] else f'"{item}"' for item in items)
            tags = "（ハッシュタグの「#」は付けなくても構いません）" if key == "hashtags" else ""
            return number, (f"「#」から行末まではコメントとして読まれるため、「[」が閉じられていないと読まれました。"
                            f"{key} = [{shown}] のように、1つずつ「\"」で囲んで書いてください{tags}。")
        if number != line and written.strip() and not written.lstrip().startswith("#"):
            return None
    return None


def _full_width_syntax(lines: list[str], ignore: str = "") -> str:
    """The full-width look-alikes of TOML syntax on ``lines``, outside strings and comments, but
    the characters in ``ignore``."""
    found: dict[str, None] = {}
    for line in lines:
        quote, escaped = "", False
        for c in line:
            if quote:
                if escaped:
                    escaped = False
                elif c == "\\" and quote == '"':
                    escaped = True
                elif c == quote:
                    quote = ""
            elif c in "\"'":
                quote = c
            elif c == "#":
                break
            elif c in _FULL_WIDTH_SYNTAX and c not in ignore:
                found[_FULL_WIDTH_SYNTAX[c]] = None
            elif "０" <= c <= "９" or "Ａ" <= c <= "Ｚ" or "ａ" <= c <= "ｚ" or c == "＿":
                # A key typed with the IME still on (ｎａｍｅ): 「読み取れない行があります」 alone.
                found["全角の英数字"] = None
    return "・".join(found)


def parse_org_config(text: str, filename: str = "kessai.toml", *, tz: str = DEFAULT_TZ,
                     today: date | None = None) -> OrgConfig:
    """Parse and validate organisation-file text; raises ``ConfigError`` with every problem.

    ``today`` (default: the date now in ``tz``, KESSAI_TZ) is the first month the closed_days check
    looks at. The host's date was used: on a UTC server, from 00:00 to 09:00 in Japan on the 1st it
    was still last month, and a file emptying last month was refused, so serve did not start."""
    text = text.removeprefix("\ufeff")  # Windows メモ帳 saves UTF-8 with a BOM, which tomllib refuses
    try:
        data, text = _loads_mending_line_ends(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError([_toml_syntax_problem(exc, text, filename)]) from exc
    except RecursionError as exc:  # tomllib recurses once per level of [ or {
        raise ConfigError([ConfigProblem(filename, None, "配列や表の入れ子が深すぎて読み取れません。"
                                         "「[」「{」の閉じ忘れや、誤って貼り付けた部分がないか確かめてください。")]) from exc
    validator = _Validator(text, filename, today or _today_in(tz))
    config = validator.run(data)
    if validator.problems:
        problems = sorted(validator.problems, key=lambda p: p.line or 0)
        raise ConfigError(problems)
    return config


def _loads_mending_line_ends(text: str) -> tuple[dict[str, Any], str]:
    """``tomllib.loads``, with full-width spaces at the end of a line (typed with the IME on after
    「[policy]」 or a value) read as the spaces they look like. Only where tomllib stops at one and
    the rest of the line is blank or a comment: there it is outside any string (in a string it is
    the value's own, and read), so nothing else changes. Each is replaced by one ASCII space, so
    every line and column stays where it was. Returns the data and the text it was read from."""
    mended = text
    for _ in range(text.count("\u3000")):
        try:
            return tomllib.loads(mended), mended
        except tomllib.TOMLDecodeError as exc:
            at = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
            if at is None:
                raise
            starts = [0] + [m.end() for m in re.finditer("\n", mended)]
            line = int(at.group(1))
            pos = starts[line - 1] + int(at.group(2)) - 1 if line <= len(starts) else len(mended)
            end = mended.find("\n", pos)
            end = len(mended) if end < 0 else end
            blank = re.match(r"[\u3000 \t]*", mended[pos:end])
            if pos >= len(mended) or mended[pos] != "\u3000" or blank is None \
                    or not re.fullmatch(r"\r?|#.*", mended[pos + blank.end():end]):
                raise
            mended = mended[:pos] + blank.group().replace("\u3000", " ") + mended[pos + blank.end():]
    return tomllib.loads(mended), mended


def _today_in(tz: str) -> date:
    try:
        zone = ZoneInfo(tz)
    except (ValueError, ZoneInfoNotFoundError):  # KESSAI_TZ is refused with its reason by load_settings
        zone = ZoneInfo(DEFAULT_TZ)
    return datetime.now(zone).date()


def load_org_config(path: str | os.PathLike[str], *, tz: str = DEFAULT_TZ) -> OrgConfig:
    """Read and validate the organisation file at ``path`` (see ``parse_org_config``)."""
    return read_org_config(path, tz=tz)[0]


def read_org_config(path: str | os.PathLike[str], *, tz: str = DEFAULT_TZ) -> tuple[OrgConfig, bytes]:
    """``load_org_config``, and the bytes it was loaded from, read once: ``serve`` gives them to
    ``ConfigFileWatch``. Read twice (once for the watch, once to load), an edit saved in between
    was loaded and yet reported as one that "applies when kessai serve is restarted"."""
    filename = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise _unreadable(filename, exc) from exc
    return _org_config_from_bytes(raw, filename, tz), raw


def _unreadable(filename: str, exc: OSError) -> ConfigError:
    if isinstance(exc, FileNotFoundError):
        return ConfigError([ConfigProblem(
            filename, None,
            "設定ファイルが見つかりません。" + (windows_config_path_ja(filename) or relative_config_path_ja(filename)
                                               or "KESSAI_CONFIG で場所を指定するか、kessai.example.toml をコピーして作ってください。"))])
    return ConfigError([ConfigProblem(filename, None, f"設定ファイルを読めません（{os_reason_ja(exc)}）。")])


def _org_config_from_bytes(raw: bytes, filename: str, tz: str = DEFAULT_TZ) -> OrgConfig:
    try:
        text = decode_saved(raw)
    except UnicodeDecodeError as exc:
        raise ConfigError([ConfigProblem(filename, line_of(raw, exc), NOT_UTF8_JA)]) from exc
    return parse_org_config(text, filename, tz=tz)


def _read_bytes(path: Path) -> tuple[bytes | None, OSError | None]:
    """The file's content, or why it could not be read: a file missing for a moment is part of a
    save (an editor renaming it away first) until it is still missing after the pause."""
    try:
        return path.read_bytes(), None
    except OSError as exc:
        return None, exc


class ConfigFileWatch:
    """The organisation file on disk, compared with the one ``serve`` started with.

    ``serve`` reads the file once; an edit applies at the next restart (docs/operations.md). An IT
    担当 who edits it while kessai runs heard nothing: a mistake in the edit surfaced only when the
    process restarted (a reboot at night, a crash, systemd) and then refused to start, and a good
    edit seemed to have been taken. Each changed content is reported once: ERROR with every
    problem when the file would not load (the running process keeps the file it has), WARNING when
    it would (it applies at the next restart)."""

    # A save caught half-way (an editor that writes the file in place, or renames it away before
    # writing the new one) reads as a broken or missing file: said as an ERROR, and corrected by
    # the next check a minute later, it sent the IT 担当 after a mistake that was never there. A
    # content that will not load is read again after a pause; it is reported only when unchanged.
    SETTLE_SECONDS = 2.0
    SETTLE_READS = 3

    def __init__(self, path: str | os.PathLike[str], loaded: bytes | None,
                 log: logging.Logger | None = None, *, settle_seconds: float = SETTLE_SECONDS,
                 sleep: Callable[[float], object] = time_module.sleep, tz: str = DEFAULT_TZ) -> None:
        self.path = Path(path)
        self._loaded = loaded
        self._seen = loaded
        self._log = log or logging.getLogger(__name__)
        self._settle_seconds = settle_seconds
        self._sleep = sleep
        self._tz = tz

    def _read(self) -> tuple[bytes | None, OSError | None]:
        return _read_bytes(self.path)

    def _problems(self, raw: bytes | None, failure: OSError | None) -> ConfigError | None:
        # The content just compared is the one judged: reading the file again could find a
        # later save, said now and once more at the next check, and this content never.
        try:
            if raw is None:
                assert failure is not None
                raise _unreadable(str(self.path), failure)
            _org_config_from_bytes(raw, str(self.path), self._tz)
        except ConfigError as e:
            return e
        return None

    def check(self) -> None:
        raw, failure = self._read()
        error: ConfigError | None = None
        for attempt in range(self.SETTLE_READS):
            if raw == self._seen or (raw is not None and raw == self._loaded):
                break
            error = self._problems(raw, failure)
            if error is None or attempt == self.SETTLE_READS - 1:
                break
            if self._sleep(self._settle_seconds) is True:
                return  # stopping (serve's Event.wait): a save still being written is not judged
            again, again_failure = self._read()
            if again == raw:
                break
            raw, failure = again, again_failure
        if raw == self._seen:
            return
        self._seen = raw
        if raw is not None and raw == self._loaded:
            self._log.info("organisation file %s is again the one this process started with", self.path)
        elif error is not None:
            self._log.error(
                "organisation file %s was changed and cannot be loaded; this process keeps running on the "
                "file it started with, but a restart would refuse to start until it is fixed "
                "(run `kessai config check`):\n%s", self.path, "\n".join(f"  {printable(str(p))}" for p in error.problems),
                extra=OWN_LINES)
        else:
            self._log.warning("organisation file %s was changed; the change applies when kessai serve is "
                              "restarted (run `kessai config check`, then restart every replica)", self.path)


def read_org_config_settled(path: str | os.PathLike[str], *, tz: str = DEFAULT_TZ,
                            sleep: Callable[[float], object] = time_module.sleep,
                            settle_seconds: float = ConfigFileWatch.SETTLE_SECONDS) -> tuple[OrgConfig, bytes]:
    """``read_org_config`` for ``serve``'s start, which reads a file that will not load again after
    a pause, as ``ConfigFileWatch`` does: systemd restarting kessai while an IT 担当 saved the file
    (an editor writing it in place, or renaming it away first) met half of it, and the process that
    should have come back stopped. A content still the same after the pause is refused with its
    problems; one still changing is read again up to ``SETTLE_READS`` times in all."""
    filename = str(path)
    raw, failure = _read_bytes(Path(path))
    for attempt in range(ConfigFileWatch.SETTLE_READS):
        try:
            if raw is None:
                assert failure is not None
                raise _unreadable(filename, failure)
            return _org_config_from_bytes(raw, filename, tz), raw
        except ConfigError:
            if attempt == ConfigFileWatch.SETTLE_READS - 1:
                raise
            sleep(settle_seconds)
            again, again_failure = _read_bytes(Path(path))
            if again == raw:
                raise
            raw, failure = again, again_failure
    raise AssertionError("unreachable: the last attempt returns or raises")


def demo_config_text() -> str:
    """The bundled ``bot/data/demo.toml`` (used by ``kessai demo``)."""
    return resources.files("bot").joinpath("data/demo.toml").read_text(encoding="utf-8")


def load_demo_config() -> OrgConfig:
    return parse_org_config(demo_config_text(), "demo.toml")
