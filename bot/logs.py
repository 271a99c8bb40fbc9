"""Logging set-up: plain text or JSON lines, with secrets redacted whatever a library prints."""

from __future__ import annotations

import json
import logging
import os
import re
import sys
import threading
import time
import traceback
from collections.abc import Callable
from datetime import UTC, datetime

# Slack tokens, and anything that looks like a signing secret or a password in a URL.
_SECRET_PATTERNS = [
    # xoxe: a refresh token of token rotation; xoxc: a client's token (as confidential.secret reads them).
    re.compile(r"xox[abceoprs]-[A-Za-z0-9-]+"),
    re.compile(r"xapp-[A-Za-z0-9-]+"),
    re.compile(r"(?i)(signing_secret|client_secret|password)=([^&\s]+)"),
    # A URL's password: the database's, and the proxy's (HTTPS_PROXY=http://user:password@proxy:8080),
    # which slack_sdk quotes whole in its error when the proxy refuses the Socket Mode tunnel.
    # urllib and slack_sdk split the user from the host at the LAST "@", so an unescaped "@" in
    # the user (kessai@city.lg.jp, a domain account) or the password still connects: the
    # password runs to that last "@" (not past a "/", which ends the host).
    re.compile(r"(\b[A-Za-z][A-Za-z0-9+.-]*://[^:/\s]+:)[^@\s]+@(?:[^@\s/?#]*@)*"),
]
# PostgreSQL's DETAIL line of a failed write quotes the row (a key's value, a NOT NULL or CHECK
# violation's whole row), which SQLAlchemy's hide_parameters cannot reach: a draft's text could be
# in it. The line's shape stays, for diagnosis; a server speaking Japanese says 「キー (key)=(…) は
# すでに存在します」「失敗した行は(…)を含みます」. A server with log_parameter_max_length_on_error
# set (a DBA's diagnosis) also quotes every parameter in CONTEXT (「unnamed portal with
# parameters: $1 = '…'」). A value may run over many lines (a draft's text does): it is hidden up to
# the next field of the error (HINT, CONTEXT…), the SQLAlchemy statement, the next chained
# exception of a traceback or the end, not the end of its first line. The column list before a
# key's value is bounded (PostgreSQL's names are 63 bytes at most), so no line is read twice over.
_ERROR_FIELD_END = (r"(?=\n(?:HINT|CONTEXT|LOCATION|STATEMENT|ヒント|文脈|コンテキスト|場所|\[SQL: |"
                    r"\(Background on this error)|\n\n(?:The above exception|During handling)|\Z)")
_ROW_DETAILS = [
    re.compile(r"((?:Key|キー) ?\([^\n]{0,300}?\)=\()[\s\S]*?" + _ERROR_FIELD_END),
    re.compile(r"((?:Failing row contains|失敗した行は) ?\()[\s\S]*?" + _ERROR_FIELD_END),
    re.compile(r"(\$\d+ = ')[\s\S]*?" + _ERROR_FIELD_END),
]


# What must not reach a log line or a terminal as itself: C0/C1 controls (a line break that forges
# the next log line; ESC, and the C1 CSI U+009B, which start terminal commands: clear the screen,
# move the cursor over a line, hide text, a hyperlink), the line and paragraph separators and NEL
# (str.splitlines, journald's readers and many log shippers break a line at them), the bidi
# controls (U+202E makes a line read right to left: "decided" shown as something else) and lone
# surrogates (a file name not in UTF-8, which a strict stream refuses to write). Japanese text,
# emoji with their joiners and variation selectors are none of these and stay as they are.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e"
                          "\u2066-\u2069\ud800-\udfff]")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escaped(m: re.Match[str]) -> str:
    c = m.group()
    return _SHORT_ESCAPES.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")


def printable(text: str) -> str:
    """``text`` as one line that is safe on a terminal: each control or format character written
    as Python writes it in a string literal (``\\n``, ``\\x1b``, ``\\u202e``).

    For every string from outside (a Slack name, a file name, a reason, a request's path, a value
    of the organisation's file, an error a server sent) put into a log line or a CLI's line: one
    such value could otherwise end the line and write a forged one after it, or command the
    terminal of the IT 担当 reading it. A backslash is left as it is: a Windows path stays
    readable, and a written ``\\n`` cannot break a line anyway.
    """
    return _UNPRINTABLE.sub(_escaped, text)


def first_unprintable(text: str) -> str | None:
    """The first character of ``text`` that ``printable`` would escape (None: there is none). The
    organisation file refuses its names with one: escaping shows them safely in a log, but Slack
    shows them as they are (a U+202E reverses an account's name in every approver's DM)."""
    m = _UNPRINTABLE.search(text)
    return m.group() if m else None


# In JSON text these can only be inside strings, where \uXXXX is the same value: a reader gets
# exactly what json.dumps was given, and a terminal or a line-splitting reader sees no control.
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_text(value: object, *, indent: int | None = None) -> str:
    """``json.dumps(value, ensure_ascii=False)``, Japanese readable, with the characters ``printable``
    escapes that json.dumps leaves raw (U+2028, U+0085, U+202E…) written as ``\\uXXXX``."""
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False, indent=indent))


def redact(text: str, extra: tuple[str, ...] = ()) -> str:
    for secret in extra:
        if secret and len(secret) >= 6:
            text = text.replace(secret, "[REDACTED]")
    text = _SECRET_PATTERNS[0].sub("xox?-[REDACTED]", text)
    text = _SECRET_PATTERNS[1].sub("xapp-[REDACTED]", text)
    text = _SECRET_PATTERNS[2].sub(r"\1=[REDACTED]", text)
    text = _SECRET_PATTERNS[3].sub(r"\1[REDACTED]@", text)
    for detail in _ROW_DETAILS:
        text = detail.sub(lambda m: m.group(1) + ("[REDACTED]'" if m.group(1).endswith("'") else "[REDACTED])"), text)
    return text


class RedactingFilter(logging.Filter):
    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.secrets = secrets

    def filter(self, record: logging.LogRecord) -> bool:
        msg = record.getMessage()
        clean = redact(msg, self.secrets)
        if record.exc_info and record.exc_info[1] is not None:
            # Formatters use a cached exc_text rather than format exc_info again, so the redacted
            # text is what every handler writes; exc_info stays for handlers that want the exception
            # itself (clearing it took it from every handler after this one, test captures included).
            record.exc_text = redact(logging.Formatter().formatException(record.exc_info), self.secrets)
        if clean != msg or record.args:
            record.msg, record.args = clean, ()
        return True


class TextFormatter(logging.Formatter):
    """``2026-12-04 08:30:00,123+0900 INFO bot.sweep: …``: the host's time with its UTC offset.

    Without the offset, a server or container left in UTC logged the 08:30 reminders as
    "23:30" of the day before, and nothing in the line said which clock it was.
    """

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802 - logging's name
        local = datetime.fromtimestamp(record.created).astimezone()
        return f"{local:%Y-%m-%d %H:%M:%S},{int(record.msecs):03d}{local:%z}"

    def format(self, record: logging.LogRecord) -> str:
        """The message on one line (``printable``), whatever it quotes; a traceback's lines after it,
        each begun with ``CONTINUATION``, as are the lines of a message logged with
        ``extra=OWN_LINES`` (its line breaks are the code's; each value in it already
        ``printable``). A line that begins with a time is then always a record of its own: an
        exception's message that holds a line break (a driver's error quoting a value, a Slack
        error) cannot put a made-up record into the log."""
        first, *own = record.getMessage().split("\n") if getattr(record, "own_lines", False) else [record.getMessage()]
        record.message = printable(first)
        record.asctime = self.formatTime(record, self.datefmt)
        text = self.formatMessage(record)
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        for block in ("\n".join(own), record.exc_text, record.stack_info and self.formatStack(record.stack_info)):
            if block:
                text += "".join("\n" + CONTINUATION + printable(line) for line in block.split("\n"))
        return text


# For a message whose line breaks are the code's own (a list, a line per item).
OWN_LINES = {"own_lines": True}
# Begins each line of a text record after its first (a traceback's): never a digit, as a record's
# time is, and visible in journalctl, which shows each line as an entry of its own.
CONTINUATION = "  | "


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_text:
            entry["exception"] = record.exc_text
        stacks = getattr(record, "stacks", None)
        if isinstance(stacks, str):
            entry["stacks"] = stacks
        return json_text(entry)


def dump_thread_stacks(logger_name: str = "bot.serve") -> None:
    """Every thread's stack as one log record (``stacks`` in JSON logs), for SIGUSR1.

    faulthandler writes plain text straight to stderr, which breaks a log collector that reads one
    JSON object per line; this is the same content through the log handlers. It is handed to them
    directly, past the level, because an IT 担当 who asked for it with ``kill -USR1`` wants it
    even with ``KESSAI_LOG_LEVEL=ERROR``.
    """
    names = {t.ident: t.name for t in threading.enumerate()}
    frames = sys._current_frames()
    text = "\n".join(f"Thread {names.get(ident, '?')} ({ident:#x}), most recent call last:\n"
                     + "".join(traceback.format_stack(frame)) for ident, frame in frames.items())
    record = logging.getLogger(logger_name).makeRecord(
        logger_name, logging.WARNING, __file__, 0,
        "thread stacks on SIGUSR1 (%d threads; the process goes on)", (len(frames),), None,
        extra={"stacks": text})
    for handler in logging.getLogger().handlers:
        handler.handle(record)


class DemoteToWarning(logging.Filter):
    """ERROR records of a library whose failures kessai handles and reports itself, as WARNING.

    slack_sdk says ERROR for every Slack call that failed (a refused connection, a proxy's error
    page); the outbox retries those and logs its own line at the level the outcome deserves. An
    IT 担当 should find ERROR only where someone must act, or learns to ignore it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno == logging.ERROR:
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            # The logger's level was checked before this filter, on the ERROR: with
            # KESSAI_LOG_LEVEL=ERROR the demoted line still reached a cron run's mail as a WARNING.
            return logging.getLogger().isEnabledFor(logging.WARNING)
        return True


class DropUnusedTokenWarning(logging.Filter):
    """bolt reads SLACK_BOT_TOKEN from the environment itself and, as kessai hands it a client,
    warns on every start that the token "will be unused" (when the token is an environment
    variable, as with systemd's EnvironmentFile). The client holds that very token: nothing to do."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "`token` will be unused" not in record.getMessage()


class WithoutContent(logging.Filter):
    """bolt's DEBUG lines that carry what people wrote, without it.

    At DEBUG bolt logs each of the bot's own messages that Slack delivers back ("Skipped self
    event: {…}": a draft made with /kessai draft is posted in the intake channel, secrets and
    all) and the body of every answer (/kessai status quotes the person's drafts). Unlike
    slack_sdk's, bolt's DEBUG lines also say which listener ran: they stay, without the content.
    """

    _MILLIS = re.compile(r"\((\d+) millis\)$")

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno > logging.DEBUG:
            return True
        msg = record.getMessage()
        if msg.startswith("Skipped self event"):
            record.msg, record.args = "Skipped self event (its content is not logged)", ()
        elif msg.startswith("Responding with") and " body: " in msg:
            millis = self._MILLIS.search(msg)
            record.msg, record.args = msg.split(" body: ", 1)[0] + " (body not logged%s)", (
                f", {millis[1]} millis" if millis else "",)
        return True


def setup_logging(level: str | None = None, fmt: str | None = None, secrets: tuple[str, ...] = ()) -> None:
    fmt = (fmt or os.environ.get("KESSAI_LOG_FORMAT") or "text").lower()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else TextFormatter())
    handler.addFilter(RedactingFilter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    level = (level or os.environ.get("KESSAI_LOG_LEVEL") or "INFO").strip().upper()
    # The CLI sets up logging before it reads the settings (which refuse a bad level in words).
    root.setLevel(level if level in ("DEBUG", "INFO", "WARNING", "ERROR") else "INFO")
    # slack_sdk logs whole request bodies at DEBUG; keep it at INFO even when we debug ourselves.
    # Never below the level asked for: a logger's own level overrides the root's, and at INFO
    # slack_sdk's retry lines ("A retry handler found…") reached the mail of a cron `kessai remind`
    # run with KESSAI_LOG_LEVEL=WARNING (docs/operations.md) whenever Slack could not be reached.
    asked = root.getEffectiveLevel()
    logging.getLogger("slack_sdk").setLevel(max(logging.INFO, asked))
    web_client = logging.getLogger("slack_sdk.web.base_client")
    if not any(isinstance(f, DemoteToWarning) for f in web_client.filters):
        web_client.addFilter(DemoteToWarning())
    logging.getLogger("waitress.queue").setLevel(logging.ERROR)
    # Alembic says "Context impl …" at INFO on every look at the schema (each /healthz, each
    # command): noise in cron mail. storage.db logs the migrations it actually applies.
    logging.getLogger("alembic").setLevel(max(logging.WARNING, asked))
    # The reminder sweep runs every minute, and apscheduler said "Running job …" and "… executed
    # successfully" at INFO each time: 2,880 lines a day with nothing in them. A missed or failed
    # run is still logged (WARNING, ERROR), and bot.scheduler says what the sweep did.
    logging.getLogger("apscheduler").setLevel(max(logging.WARNING, asked))
    bolt = logging.getLogger("slack_bolt.App")
    if not any(isinstance(f, DropUnusedTokenWarning) for f in bolt.filters):
        bolt.addFilter(DropUnusedTokenWarning())
    for name in ("slack_bolt.App", "slack_bolt.IgnoringSelfEvents"):
        logger = logging.getLogger(name)
        if not any(isinstance(f, WithoutContent) for f in logger.filters):
            logger.addFilter(WithoutContent())


class FailureStreak:
    """Logs a loop's repeated failures as one story: the first with its traceback (ERROR), then a
    reminder at most once a minute (WARNING), then one line when it works again. A worker that
    retries every second through a 10-minute database outage used to log 600 tracebacks."""

    def __init__(self, what: str, logger: logging.Logger, every: float = 60.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.what, self.log, self.every, self.clock = what, logger, every, clock
        self.count = 0
        self.last_said = 0.0

    def failed(self) -> None:
        """Call from an ``except`` block (the first failure's traceback is logged)."""
        self.count += 1
        if self.count == 1:
            self.log.exception("%s failed; will retry", self.what)
            self.last_said = self.clock()
        elif self.clock() - self.last_said >= self.every:
            self.log.warning("%s still failing (%d attempts so far); will retry", self.what, self.count)
            self.last_said = self.clock()

    def succeeded(self) -> None:
        if self.count:
            self.log.info("%s works again after %d failed attempt(s)", self.what, self.count)
            self.count = 0
