"""Shared shape of the rules that are a word list and a message."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator

from bot.rules.model import Hit, RuleOptions
from bot.rules.text import Document
from bot.rules.text_fold import fold
from bot.rules.wordlists import (
    Match,
    allowed_spans,
    everyday_senses,
    folded_set,
    load_sections,
    matcher,
)

# A letter left in the sentence besides the entry: without one, the sentence is only a label
# (「【拡散希望】」「#拡散希望」).
_LETTER = re.compile(r"[^\W_]")


def word_hits(
    doc: Document,
    opts: RuleOptions,
    file: str,
    message: str,
    *,
    in_links: bool = True,
    spelled: bool = False,
    everyday_unless: Callable[[int], bool] | None = None,
) -> Iterator[Hit]:
    """Hits for every entry of `file` (plus the organisation's extra words) that is meant as listed.

    Entries inside an allowed phrase, or in their everyday sense (`[everyday]`, `[after_noun]`),
    are left out, and with `in_links=False` those inside a link's path or query (「https://…/japs/」). Overlapping and
    adjacent matches are reported once, as the longest span (「ばかやろう」, not 「ばか」 and
    「ばかやろう」; 「キモい」 once although キモい and きもい fold to the same word; 「引用リポスト」 once).
    `everyday_unless(start)` true keeps a match its everyday context would have left out.
    """
    spans = [(m.start, m.end) for m in word_matches(doc, opts, file, everyday_unless)]
    if spelled:  # 「セ〇クス」「せっくすしよう」: see `WordMatcher.find_spelled`
        spans += [(m.start, m.end) for m in spelled_matches(doc, opts, file, everyday_unless)]
    if doc.as_read is not None:  # 「バ カ」「バ力」 read as バカ; its offsets are the draft's
        spans += [(m.start, m.end) for m in word_matches(doc.as_read, opts, file, everyday_unless)]
    if not in_links and spans:
        spans = [(a, b) for a, b in spans if not _in_link(doc, a, b)]
    for start, end in merged(spans):
        yield Hit(start, end, message.format(word=doc.text[start:end]))


def _in_link(doc: Document, start: int, end: int) -> bool:
    """Whether [start, end) lies inside the path or query of one link of the draft: a folder named
    「/japs/」 (Japanese pages) is nobody's word. The host is still read: 「fuck-the-mayor.com」 is
    what the reader sees of the link, and a hijacked account chooses it."""
    u = doc.url_at(start)
    return u is not None and end <= u.end and start >= u.path_start


def word_matches(
    doc: Document, opts: RuleOptions, file: str, everyday_unless: Callable[[int], bool] | None = None
) -> list[Match]:
    """The matches of `word_hits`, before merging."""
    m = matcher(file, "words", opts.extra_words)
    if not m.present(doc):
        return []
    found = m.find(doc)
    if not found:
        return []
    return _meant(doc, found, file, everyday_unless)


def spelled_matches(
    doc: Document, opts: RuleOptions, file: str, everyday_unless: Callable[[int], bool] | None = None
) -> list[Match]:
    """The entries of `file` spelled with a letter masked or in hiragana (`WordMatcher.find_spelled`), meant as listed."""
    found = matcher(file, "words", opts.extra_words).find_spelled(doc)
    if not found:
        return []
    return _meant(doc, found, file, everyday_unless)


def _meant(
    doc: Document, found: list[Match], file: str, everyday_unless: Callable[[int], bool] | None
) -> list[Match]:
    """The matches not inside an allowed phrase nor in their everyday sense (unless `everyday_unless` keeps them)."""
    allow = allowed_spans(doc, load_sections(file).get("allow", ()))
    return [
        x
        for x in found
        if not allow.covers(x.start, x.end)
        and not (everyday_use(doc, x, file) and not (everyday_unless is not None and everyday_unless(x.start)))
    ]


def merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans joined where they overlap or touch: one finding per stretch of text."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def context_span(doc: Document, start: int, end: int) -> tuple[int, int]:
    """The sentence of a match; for a label on its own line (【拡散希望】), also the sentence after it,
    which is what the label is about."""
    a, b = doc.sentence_at(start)
    # Searched, not copied: asked once per match, and a long sentence can hold thousands of them.
    if not (_LETTER.search(doc.text, a, start) or _LETTER.search(doc.text, end, b)):
        after = doc.sentence_after(b - 1)
        if after is not None:
            return a, after[1]
    return a, b


def everyday_use(doc: Document, m: Match, file: str) -> bool:
    """True when the matched word is used in its everyday sense, per the list's `[everyday]` and
    `[after_noun]` sections."""
    key = fold(m.entry.partition("/")[0].strip())
    context = everyday_senses(file).get(key)
    if context is not None and context.found(doc, context_span(doc, m.start, m.end)):
        return True
    return key in folded_set(file, "after_noun") and (_ends_thing_phrase(doc, m, file) or _likened_thing(doc, m, file))


def _thing_noun(doc: Document, i: int, people: frozenset[str]) -> bool:
    t = doc.tokens[i]
    return t.pos == "名詞" and t.pos3 != "人名" and t.surface not in people and t.lemma not in people


# 「みたいな」「のような」 between the word and what it is likened to.
_LIKE = (("ミタイ", "ナ"), ("ノ", "ヨウ", "ナ"))


def _likened_thing(doc: Document, m: Match, file: str) -> bool:
    """「くずみたいな端材」「カスみたいな量のごみ」「クズのような木切れ」: an amount or a material likened to scraps
    (`[likened_things]`), not a person; 「クズみたいな議員」 and 「カスみたいな対応」 are not."""
    toks = doc.tokens
    for like in _LIKE:
        k = m.last + 1
        if k + len(like) < len(toks) and tuple(t.surface for t in toks[k : k + len(like)]) == like:
            noun = toks[k + len(like)]
            things = folded_set(file, "likened_things")
            if noun.surface not in things and noun.lemma not in things:
                return False
            # The amount or the stuff of what someone does or gives, run down all the same: 「クズみたいな量の仕事しか
            # しない職員」「あの業者はクズみたいな材料しか使わない」「カスみたいな額の給料で働く職員」.
            sentence_end = doc.sentence_at(noun.start)[1]
            return _LIKENED_OF_SOMEONE.search(doc.text, noun.end, min(sentence_end, noun.end + 16)) is None
    return False


_LIKENED_OF_SOMEONE = re.compile(
    r"しか|ばかり|ばっか|だけ(?:しか|の)|職員|議員|市長|町長|村長|知事|役所|役場|窓口|業者|会社|店|奴|やつ|連中|人間|給料|給与|報酬|仕事"
)


def _ends_thing_phrase(doc: Document, m: Match, file: str) -> bool:
    """「野菜くず」「消しカス」 (a compound ending in the word) or 「生ごみのカス」 (scraps of a thing
    listed in `[scraps_of]`); never 「ゴミくず」「人間のクズ」「最低のクズ」."""
    toks = doc.tokens
    i = m.first
    if i == 0:
        return False
    # 「市役所のクズども」「ごみクズめ」 are said of people whatever comes before.
    if m.last + 1 < len(toks) and toks[m.last + 1].surface in ("ドモ", "共", "メ", "野郎", "ヤロウ"):
        return False
    prev = toks[i - 1]
    if prev.end == toks[i].start and (
        _thing_noun(doc, i - 1, folded_set(file, "people")) or (prev.pos == "動詞" and prev.form == "連用形")
    ):
        return True
    scraps_of = folded_set(file, "scraps_of")
    return (
        i >= 2
        and prev.surface == "ノ"
        and prev.pos == "助詞"
        and toks[i - 2].end == prev.start
        and (toks[i - 2].surface in scraps_of or toks[i - 2].lemma in scraps_of)
    )
