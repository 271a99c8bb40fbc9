"""`check`: run every enabled rule of the registry on a draft and apply the organisation's overrides."""

from __future__ import annotations

from collections.abc import Sequence

from bot.rules.model import CheckContext, Finding, RuleOptions
from bot.rules.registry import _RULES as REGISTRY
from bot.rules.text import Document
from bot.rules.wordlists import allowed_spans, inside

_NO_OPTIONS = RuleOptions()
_MAX_EXCERPT = 80


def _excerpt(text: str, start: int, end: int) -> str:
    piece = text[start:end]
    return piece if len(piece) <= _MAX_EXCERPT else piece[: _MAX_EXCERPT - 1] + "…"


def check(text: str, ctx: CheckContext) -> list[Finding]:
    """All findings for `text` in `ctx`, sorted by (start, code). Pure: no I/O beyond package data."""
    doc = Document(text)
    findings: list[Finding] = []
    for code, rule in REGISTRY.items():
        override = ctx.overrides.get(code)
        if override is not None and not override.enabled:
            continue
        opts = RuleOptions(override.extra_words, override.allow) if override is not None else _NO_OPTIONS
        allow: list[tuple[int, int]] | None = None
        for hit in rule.func(doc, ctx, opts):
            if opts.allow and hit.end > hit.start:
                if allow is None:
                    allow = allowed_spans(doc, opts.allow)
                if inside(hit.start, hit.end, allow):
                    continue
            severity = (override.severity if override is not None else None) or hit.severity or rule.severity
            excerpt = hit.excerpt if hit.excerpt is not None else _excerpt(text, hit.start, hit.end)
            findings.append(
                Finding(code, severity, hit.message, hit.start, hit.end, excerpt, rule.clause, hit.suggestion)
            )
    findings.sort(key=lambda f: (f.start, f.code))
    return findings


def is_blocking(findings: Sequence[Finding]) -> bool:
    """True when any finding is an error: such a draft is not routed for approval."""
    return any(f.severity == "error" for f in findings)
