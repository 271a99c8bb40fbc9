"""Word lists (data files under bot/rules/data/) matched on morphemes, not substrings.

File format: UTF-8, `#` starts a comment, `[section]` starts a section (default `words`).
An entry is a word or phrase as written; `語/品詞` restricts a one-morpheme entry to a part of
speech (「らしい/助動詞」 matches 「雨らしい」 but not the suffix in 「上越らしい」).

Matching: both the entry and the draft are segmented with Sudachi and compared morpheme by morpheme
in folded form (NFKC, hiragana→katakana, ASCII lower case). An entry therefore matches only whole
morphemes: 「馬鹿」 does not match inside 「馬鹿囃子」 (one morpheme), 「カス」 not inside 「カステラ」.
Spelling variants (馬鹿/バカ) are separate entries; kana case (ばか/バカ) is folded.
A cheap substring pre-check skips segmentation for drafts that contain no candidate at all.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources

from bot.rules import analyzer
from bot.rules.text import Document
from bot.rules.text_fold import fold

_SECTION = re.compile(r"^\[([a-z_]+)\]$")


@cache
def load_sections(name: str) -> dict[str, tuple[str, ...]]:
    """The sections of a bundled word-list file, entries in file order."""
    raw = resources.files("bot.rules.data").joinpath(name).read_text(encoding="utf-8")
    sections: dict[str, list[str]] = {}
    current = "words"
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        m = _SECTION.match(line)
        if m:
            current = m.group(1)
            sections.setdefault(current, [])
            continue
        sections.setdefault(current, []).append(line)
    return {k: tuple(v) for k, v in sections.items()}


@dataclass(frozen=True)
class _Pattern:
    entry: str
    keys: tuple[str, ...]
    pos: str | None


@dataclass(frozen=True)
class Match:
    start: int  # original offsets
    end: int
    entry: str
    first: int  # index of the first and last morpheme
    last: int


class WordMatcher:
    """A compiled list of entries."""

    def __init__(self, entries: Iterable[str]) -> None:
        parsed: list[tuple[str, str | None]] = []
        for raw in entries:
            word, _, pos = raw.partition("/")
            word = word.strip()
            if word:
                parsed.append((word, pos.strip() or None))
        self._entries = tuple(parsed)
        # Candidate check: an entry can only match where its folded surface occurs.
        self._probes = tuple((fold(w), w, p) for w, p in parsed)
        self._patterns: dict[tuple[str, str | None], _Pattern] = {}

    def __bool__(self) -> bool:
        return bool(self._entries)

    def _pattern(self, word: str, pos: str | None) -> _Pattern:
        key = (word, pos)
        pat = self._patterns.get(key)
        if pat is None:
            keys = tuple(t.surface for t in analyzer.tokenize(word)) or (fold(word),)
            pat = _Pattern(word, keys, pos)
            self._patterns[key] = pat
        return pat

    def present(self, doc: Document) -> bool:
        return any(p in doc.folded for p, _, _ in self._probes)

    def find(self, doc: Document, within: tuple[int, int] | None = None) -> list[Match]:
        """Every morpheme-aligned occurrence of an entry (optionally inside an original span)."""
        candidates = [self._pattern(w, p) for f, w, p in self._probes if f in doc.folded]
        if not candidates:
            return []
        tokens = doc.tokens
        by_first: dict[str, list[_Pattern]] = {}
        for pat in candidates:
            by_first.setdefault(pat.keys[0], []).append(pat)
        out: list[Match] = []
        for i, tok in enumerate(tokens):
            if within and not (within[0] <= tok.start < within[1]):
                continue
            for pat in by_first.get(tok.surface, ()):
                n = len(pat.keys)
                if pat.pos and (n != 1 or tok.pos != pat.pos):
                    continue
                if all(i + k < len(tokens) and tokens[i + k].surface == pat.keys[k] for k in range(1, n)):
                    out.append(Match(tok.start, tokens[i + n - 1].end, pat.entry, i, i + n - 1))
        return out


@cache
def matcher(name: str, section: str = "words", extra: tuple[str, ...] = ()) -> WordMatcher:
    """The matcher for one section of a bundled list, plus an organisation's extra words."""
    return WordMatcher(load_sections(name).get(section, ()) + extra)


def allowed_spans(doc: Document, phrases: Iterable[str]) -> list[tuple[int, int]]:
    """Original spans of every occurrence of the allow-listed phrases (folded comparison)."""
    spans: list[tuple[int, int]] = []
    for phrase in phrases:
        f = fold(phrase)
        if not f:
            continue
        pos = doc.folded.find(f)
        while pos >= 0:
            spans.append(doc.span(pos, pos + len(f)))
            pos = doc.folded.find(f, pos + 1)
    return spans


def inside(start: int, end: int, spans: Iterable[tuple[int, int]]) -> bool:
    return any(a <= start and end <= b for a, b in spans)
