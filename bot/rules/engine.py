"""`check`: run every enabled rule of the registry on a draft and apply the organisation's overrides."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from bot.rules.model import CheckContext, Finding
from bot.rules.registry import _RULES as REGISTRY
from bot.rules.text import Document
from bot.rules.wordlists import SpanSet, allowed_spans

_MAX_EXCERPT = 80
_FAILED = (
    "「{summary}」の確認中に kessai の内部エラーが起きたため、この項目は確認できていません。"
    "決裁者が目で確認してください（システムの担当者にもお知らせください）。"
)
log = logging.getLogger(__name__)


def _excerpt(text: str, start: int, end: int | None) -> str:
    piece = text[start:end]
    return piece if len(piece) <= _MAX_EXCERPT else piece[: _MAX_EXCERPT - 1] + "…"


def _redact(
    text: str, findings: list[Finding], own_excerpt: set[int], secrets: dict[str, str]
) -> list[Finding]:
    """The findings with every secret replaced by its masked form (see `Hit.redact`)."""
    # Longest first, so a secret is masked whole before a shorter one inside it is looked for.
    ordered = sorted(secrets.items(), key=lambda kv: -len(kv[0]))

    def hide(s: str) -> str:
        for secret, masked in ordered:
            s = s.replace(secret, masked)
        return s

    out = []
    for i, f in enumerate(findings):
        # A default excerpt is masked from the full span before it is shortened, so that the cut
        # never leaves half a secret readable.
        excerpt = hide(f.excerpt) if i in own_excerpt else _excerpt(hide(text[f.start : f.end]), 0, None)
        suggestion = hide(f.suggestion) if f.suggestion is not None else None
        out.append(replace(f, excerpt=excerpt, message=hide(f.message), suggestion=suggestion))
    return out


def check(text: str, ctx: CheckContext) -> list[Finding]:
    """All findings for `text` in `ctx`, sorted by (start, code). Pure: no I/O beyond package data."""
    doc = Document(text)
    findings: list[Finding] = []
    own_excerpt: set[int] = set()  # findings whose rule wrote the excerpt (else text[start:end])
    secrets: dict[str, str] = {}
    for code, rule in REGISTRY.items():
        opts = ctx.options_for(code)
        if opts is None:
            continue
        override = ctx.overrides.get(code)
        allow: SpanSet | None = None
        try:
            hits = list(rule.func(doc, ctx, opts))
        except Exception:
            # A rule that fails on a draft nobody foresaw must not take the draft with it (the
            # operator would hear nothing, and Slack's retries would fail alike): the approver is
            # told which check did not run, and the traceback goes to the log for the IT 担当.
            log.exception("rule %s failed on a draft of %d characters", code, len(text))
            findings.append(Finding(code, "warning", _FAILED.format(summary=rule.summary), 0, 0, "", rule.clause))
            continue
        for hit in hits:
            if opts.allow and hit.end > hit.start:
                if allow is None:
                    allow = allowed_spans(doc, opts.allow)
                if allow.covers(hit.start, hit.end):
                    continue
            secrets.update(hit.redact)
            if hit.excerpt is not None:
                own_excerpt.add(len(findings))
            severity = (override.severity if override is not None else None) or hit.severity or rule.severity
            excerpt = hit.excerpt if hit.excerpt is not None else _excerpt(text, hit.start, hit.end)
            findings.append(
                Finding(code, severity, hit.message, hit.start, hit.end, excerpt, rule.clause, hit.suggestion)
            )
    if secrets:
        findings = _redact(text, findings, own_excerpt, secrets)
    findings.sort(key=lambda f: (f.start, f.code))
    return findings


def is_blocking(findings: Sequence[Finding]) -> bool:
    """True when any finding is an error: such a draft is not routed for approval."""
    return any(f.severity == "error" for f in findings)
