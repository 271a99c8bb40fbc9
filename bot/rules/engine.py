"""`check`: run every enabled rule of the registry on a draft and apply the organisation's overrides."""

from __future__ import annotations

import logging
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace

from bot.graphemes import shortened
from bot.rules import a11y, analyzer, confidential, dates, domains, links, misc, pii, platform, prohibited  # noqa: F401 (registration)
from bot.rules.model import CheckContext, Finding
from bot.rules.registry import _RULES as REGISTRY
from bot.rules.registry import put_in_spec_order
from bot.rules.text import Document
from bot.rules.wordlists import SpanSet, allowed_spans

# Every family has registered (the imports above): the order `check` runs them in, and lists them.
put_in_spec_order()

_MAX_EXCERPT = 80
_FAILED = (
    "「{summary}」の確認中に kessai の内部エラーが起きたため、この項目は確認できていません。"
    "決裁者が目で確認してください（システム管理者（IT 担当）にもお知らせください）。"
)
log = logging.getLogger(__name__)


def _excerpt(text: str, start: int, end: int | None) -> str:
    # Cut between characters as a reader sees them: a cut at a code point showed 「が」 as 「か…」.
    return shortened(text[start:end], _MAX_EXCERPT)


# A piece of a secret quoted in another finding's message (「全角英数字（「４」「２１」）…」).
_QUOTED = re.compile(r"「([^「」\n]{1,80})」")
_STAR = "＊"
# Full-width letters, digits and signs to half-width, the stars of a mask and every space kept: how
# a11y.fullwidth_alnum's suggestion writes a secret typed in full width with a full-width space in it
# (「ｈｉｎａｎ　２０２６」 as 「hinan　2026」), which is neither the secret as typed nor its NFKC.
_HALF_WIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F) if c != ord(_STAR)}


class _Secrets:
    """The secrets of a draft, to be found in any string: where each stands, and which a string holds.

    An alternation of the secrets as one pattern tries every one of them at each position, so that a
    draft of 2,000 PINs took time in the square of its length (0.4 s at 20,000 characters). Here the
    positions where a secret may start are found by their first character, and the secrets starting
    there by their first characters: each position is read once, whatever the number of secrets."""

    def __init__(self, secrets: list[str]) -> None:
        self.key = min(4, *map(len, secrets))
        self.longest = max(map(len, secrets))
        # Longest first in each bucket, so that at a position the longest secret is the one found.
        self.buckets: dict[str, list[str]] = {}
        for secret in sorted(set(secrets), key=len, reverse=True):
            self.buckets.setdefault(secret[: self.key], []).append(secret)
        self.starts = re.compile("[" + "".join(sorted({re.escape(c[0]) for c in secrets})) + "]")

    def occurrences(self, s: str) -> list[tuple[int, int, str]]:
        """Where each secret stands in ``s``, sorted by start: at every position, the longest one that
        starts there (so a secret inside another, 「xab」 in 「xabcd1234」, is found too)."""
        found = []
        key = self.key
        for m in self.starts.finditer(s):
            i = m.start()
            for secret in self.buckets.get(s[i : i + key], ()):
                if s.startswith(secret, i):
                    found.append((i, i + len(secret), secret))
                    break
        return found


def _pieces(
    text: str, f: Finding, spans: list[tuple[int, int, str]], starts: list[int], longest: int
) -> list[str]:
    """The parts of a secret that finding ``f`` can show although it does not quote the secret whole:
    the part its span covers when the span cuts the secret (a run of 全角英数字 that ends at a 「!」
    inside the password), and the pieces its message quotes (「「４」「２１」」 of the PIN 「４八２１」)."""
    found: list[str] = []
    quoted: list[str] | None = None
    for s, e, secret in spans[bisect_left(starts, f.start - longest) : bisect_left(starts, f.end)]:
        if e <= f.start:
            continue
        if s < f.start or e > f.end:
            cut = text[max(s, f.start) : min(e, f.end)]
            found.extend(
                x for x in (cut, unicodedata.normalize("NFKC", cut), cut.translate(_HALF_WIDTH)) if len(x) >= 2
            )
        if quoted is None:
            quoted = [q for shown in (f.message, f.suggestion or "", f.excerpt) for q in _QUOTED.findall(shown)]
        if quoted:
            nfkc = unicodedata.normalize("NFKC", secret)
            half = secret.translate(_HALF_WIDTH)
            found.extend(q for q in quoted if q in secret or q in nfkc or q in half)
    return found


def _redact(
    text: str, findings: list[Finding], own_excerpt: set[int], secrets: dict[str, str]
) -> list[Finding]:
    """The findings with every secret replaced by its masked form (see `Hit.redact`), and the parts
    of a secret a finding shows without the whole of it (`_pieces`) by stars."""
    # Longest first, so a secret is masked whole before a shorter one inside it is looked for.
    ordered = sorted((k for k in secrets if k), key=len, reverse=True)
    if not ordered:
        return findings
    # One pass over a string finds which secrets it holds, however many the draft has (a draft of
    # 4,000 PINs replaced each of them in each of 4,000 findings: 10 s).
    anywhere = _Secrets(ordered)
    longest = anywhere.longest
    spans = anywhere.occurrences(text)
    starts = [s for s, _, _ in spans]

    def hide(s: str, pieces: list[str]) -> str:
        if found := anywhere.occurrences(s):
            # Longest first, as a secret is masked whole before one inside it is looked for; in one
            # pass, since replacing each of 4,000 PINs in a finding that spans the draft read the
            # whole draft 4,000 times.
            taken = bytearray(len(s))
            chosen = []
            for a, b, secret in sorted(found, key=lambda o: o[0] - o[1]):
                if not any(taken[a:b]):
                    taken[a:b] = b"\x01" * (b - a)
                    chosen.append((a, b, secret))
            chosen.sort()
            parts: list[str] = []
            pos = 0
            for a, b, secret in chosen:
                parts += (s[pos:a], secrets[secret])
                pos = b
            s = "".join((*parts, s[pos:]))
        for piece in pieces:
            s = s.replace(piece, _STAR * len(piece))
        return s

    out = []
    for i, f in enumerate(findings):
        pieces = sorted(set(_pieces(text, f, spans, starts, longest)), key=len, reverse=True) if spans else []
        # A default excerpt is masked from the full span before it is shortened, so that the cut
        # never leaves half a secret readable.
        if i in own_excerpt:
            excerpt = hide(f.excerpt, pieces)
        else:
            excerpt = _excerpt(hide(text[f.start : f.end], pieces), 0, None)
        suggestion = hide(f.suggestion, pieces) if f.suggestion is not None else None
        out.append(replace(f, excerpt=excerpt, message=hide(f.message, pieces), suggestion=suggestion))
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
            for secret, masked in hit.redact:
                secrets[secret] = masked
                half = secret.translate(_HALF_WIDTH)
                if half != secret:
                    secrets.setdefault(half, masked.translate(_HALF_WIDTH))
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


def load_on_demand_data() -> None:
    """Load what the rules otherwise load on the first draft that needs it, for a server to do before it
    serves (Kessai.warm_up_checks): Sudachi's dictionary, read on the first draft with a listed word
    to read in context (about 40-50 ms of CPU), and the Public Suffix List, on the first link to a host
    outside the known lists (about 35 ms). A made-up draft cannot be relied on to need both."""
    analyzer.tokenize("確認します")
    domains.load_public_suffix_list()


def is_blocking(findings: Sequence[Finding]) -> bool:
    """True when any finding is an error: such a draft is not routed for approval."""
    return any(f.severity == "error" for f in findings)
