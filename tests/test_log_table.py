"""Every WARNING or ERROR kessai writes is explained in docs/operations.md.

An IT 担当 who finds a line the operations guide does not mention cannot tell whether to act on it.
Each log call at WARNING or above (and ``log.log`` at a level that may be ERROR) in bot/, handlers/
and storage/ is found in the source; the first run of its constant text long enough to recognise
(at least 10 characters, cut at its first ``(``, ``:`` or ``;`` and to 30 characters) must appear
in the guide, which quotes log lines with ``…`` for the variable parts.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LEVELS = {"warning", "error", "critical", "exception"}
LOG_CALL = re.compile(r"\.(?:warning|error|critical|exception|log)\(")
PLACEHOLDER = re.compile(r"%[-#0 +]*\d*(?:\.\d+)?[sdrfgi%]")

# Lines whose format string has no constant text to recognise them by: what the guide says instead.
BUILT_ELSEWHERE = {
    # bot/app.py logs left_behind.said_en(…) with "%s".
    ("bot/app.py", "%s"): "is not in the organisation file but the database has",
    # FailureStreak("outbox delivery pass" / "reminder sweep") fills in what failed.
    ("bot/logs.py", "%s failed; will retry"): "outbox delivery pass failed; will retry",
    ("bot/delivery_failures.py", "outbox %s (%s) given up; %d reply(ies) that waited for it failed"):
        "given up; N reply(ies) that waited for it failed",
}


def recognisable(fmt: str) -> str | None:
    for part in PLACEHOLDER.split(fmt):
        text = re.split(r"[(:;]", part.strip(" :;,.()"))[0].strip()
        if len(text) >= 10:
            return text[:30]
    return None


def warning_calls() -> list[tuple[str, int, str]]:
    found = []
    for folder in ("bot", "handlers", "storage"):
        for path in sorted((REPO / folder).rglob("*.py")):
            source = path.read_text(encoding="utf-8")
            if not LOG_CALL.search(source):
                continue  # not parsed: the rules' word lists are most of the code and log nothing
            for node in ast.walk(ast.parse(source)):
                if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                        and (node.func.attr in LEVELS or node.func.attr == "log")):
                    continue
                if "log" not in ast.unparse(node.func.value).lower():
                    continue  # warnings.warn, a response's .error(…)
                args = node.args
                if node.func.attr == "log":
                    # log.log(level, …): only where the level may be WARNING or above.
                    if not args or not re.search(r"ERROR|WARNING|CRITICAL|\blevel\b", ast.unparse(args[0])):
                        continue
                    args = args[1:]
                rel = str(path.relative_to(REPO))
                fmt = args[0].value if args and isinstance(args[0], ast.Constant) else None
                assert isinstance(fmt, str), f"{rel}:{node.lineno}: a log line at WARNING+ without a constant format"
                found.append((rel, node.lineno, fmt))
    return found


def test_the_operations_guide_explains_every_warning_and_error_line() -> None:
    guide = re.sub(r"\s+", " ", (REPO / "docs" / "operations.md").read_text(encoding="utf-8"))
    calls = warning_calls()
    assert len(calls) > 80  # the walk found the code (about 115 lines in December 2026)
    missing = []
    for rel, line, fmt in calls:
        key = BUILT_ELSEWHERE.get((rel, fmt)) or recognisable(fmt)
        if key is None or key not in guide:
            missing.append(f"{rel}:{line}: {fmt[:100]!r} (looked for {key!r})")
    assert missing == [], "add these to docs/operations.md (ログに出る主なメッセージ):\n" + "\n".join(missing)


def test_a_line_the_guide_does_not_mention_is_found() -> None:
    """The check itself: text absent from the guide is reported, a quoted prefix is enough."""
    assert recognisable("outbox %s (%s) will retry in %.1fs: %s") == "will retry in"
    assert recognisable("could not open a form: Slack answered %s (HTTP %s)") == "could not open a form"
    assert recognisable("%s") is None
