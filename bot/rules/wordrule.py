"""Shared shape of the rules that are a word list and a message."""

from __future__ import annotations

from collections.abc import Iterator

from bot.rules.model import Hit, RuleOptions
from bot.rules.text import Document
from bot.rules.wordlists import allowed_spans, inside, load_sections, matcher


def word_hits(doc: Document, opts: RuleOptions, file: str, message: str) -> Iterator[Hit]:
    """Hits for every entry of `file` (plus the organisation's extra words) outside allowed phrases."""
    m = matcher(file, "words", opts.extra_words)
    if not m.present(doc):
        return
    allow = allowed_spans(doc, load_sections(file).get("allow", ()))
    for hit in m.find(doc):
        if not inside(hit.start, hit.end, allow):
            yield Hit(hit.start, hit.end, message.format(word=doc.text[hit.start : hit.end]))
