"""Word lists (data files under bot/rules/data/) matched on morphemes, not substrings.

File format: UTF-8, `#` starts a comment, `[section]` starts a section (default `words`).
An entry is a word or phrase as written; `語/品詞` restricts a one-morpheme entry to a part of
speech or conjugation form (「らしい/助動詞」 matches 「雨らしい」 but not the suffix in 「上越らしい」;
「帰れ/命令形」 matches 「国に帰れ」 but not 「帰れます」), and `語/!品詞` excludes one (「バカ/!副詞」
leaves the intensifier in 「ばかうけ」「ばか売れ」 alone).

Matching: both the entry and the draft are segmented with Sudachi and compared morpheme by morpheme
in folded form (NFKC, hiragana→katakana, ASCII lower case). An entry therefore matches only whole
morphemes: 「馬鹿」 does not match inside 「馬鹿囃子」 (one morpheme), 「カス」 not inside 「カステラ」.
Spelling variants (馬鹿/バカ) are separate entries; kana case (ばか/バカ) is folded.
A cheap substring pre-check skips segmentation for drafts that contain no candidate at all.

Sections that say when an entry is NOT meant as the listed word (read by `bot/rules/wordrule.py`):

- `[allow]`: phrases that never fire (「部落差別の解消」, 「バカ貝」).
- `[everyday]`: `語, 語: 文脈語 文脈語 …` — the entries have an everyday meaning, which is meant
  when the same sentence contains one of the context words (「ウジ虫: 発生 駆除 …」 leaves
  「生ごみにウジ虫が発生しないよう」 alone). A context word of one morpheme also matches its
  conjugated forms (「湧く」 matches 「湧かない」).
- `[after_noun]`: entries that are everyday words when they end a compound noun (「野菜くず」), unless
  its first part is a person or one of `[people]` (「ゴミくず」), or when they follow 「〜の」 after
  a noun of `[scraps_of]` (「生ごみのカス」; 「人間のクズ」「最低のクズ」 still fire).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import cast

from bot.rules import analyzer
from bot.rules.text import Document, is_person_name
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


_KANJI = re.compile(r"[\u4e00-\u9fff々]")


@dataclass(frozen=True)
class _Pattern:
    entry: str
    keys: tuple[str, ...]
    pos: str | None  # "名詞", "命令形" or an exclusion "!副詞"


def _pos_ok(tok: analyzer.Token, want: str) -> bool:
    name = want.lstrip("!")
    has = name in (tok.pos, tok.pos2, tok.pos3, tok.form)
    return has != want.startswith("!")


@dataclass(frozen=True)
class Match:
    start: int  # original offsets
    end: int
    entry: str
    first: int  # index of the first and last morpheme
    last: int


# A foreign name in katakana often ends in 「ー」 (Ferrer is 「フェラー」): a word read so stands next to 「・」
# or 「＝」 of a full name, is read as a name (before 「氏」「さん」), or goes before a title.
_NAME_JOINERS = frozenset(("・", "＝", "="))
_TITLES = frozenset(("選手", "投手", "監督", "主演", "教授", "博士", "大使", "夫妻", "首相", "大統領", "議員", "作"))


def _foreign_name(tokens: Sequence[analyzer.Token], i: int) -> bool:
    before = tokens[i - 1].surface if i > 0 else ""
    after = tokens[i + 1].surface if i + 1 < len(tokens) else ""
    return (
        is_person_name(tokens[i])
        or before in _NAME_JOINERS
        or after in _NAME_JOINERS
        or after in _TITLES
    )


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
        # Each entry's first two letters, looked up in the draft's `Document.grams` before the entry is searched for.
        self._headed = tuple((probe[0][:2], probe) for probe in self._probes)
        self._folded = frozenset(f for f, _, _ in self._probes)
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

    def _occurring(self, doc: Document) -> Iterator[tuple[str, str, str | None]]:
        grams, folded = doc.grams, doc.folded
        return (probe for head, probe in self._headed if head in grams and probe[0] in folded)

    def present(self, doc: Document) -> bool:
        return next(self._occurring(doc), None) is not None

    def find(self, doc: Document, within: tuple[int, int] | None = None) -> list[Match]:
        """Every morpheme-aligned occurrence of an entry (optionally starting inside an original span).

        A one-morpheme entry matches one whole morpheme. A phrase matches wherever its text starts
        and ends on morpheme boundaries, however Sudachi splits its inside: 「拡散をお願い」 alone is
        拡散/を/お願い, but in 「拡散をお願いします」 it is 拡散/を/お/願い.
        """
        key = ("matches", id(self))
        cached = doc.memo.get(key)
        if cached is None:
            # Computed once per draft: rules ask again for each sentence of a long draft.
            all_found = self._find_all(doc)
            cached = (all_found, [m.start for m in all_found])
            doc.memo[key] = cached
        found, starts = cast("tuple[tuple[Match, ...], list[int]]", cached)
        if within is None:
            return list(found)
        return list(found[bisect_left(starts, within[0]) : bisect_left(starts, within[1])])

    def _find_all(self, doc: Document) -> tuple[Match, ...]:
        candidates = [self._pattern(w, p) for _, w, p in self._occurring(doc)]
        if not candidates:
            return ()
        tokens = doc.tokens
        by_first: dict[str, list[_Pattern]] = {}
        phrases: list[_Pattern] = []
        for pat in candidates:
            if len(pat.keys) == 1:
                by_first.setdefault(pat.keys[0], []).append(pat)
            else:
                phrases.append(pat)
        out: list[Match] = []
        if by_first:
            for i, tok in enumerate(tokens):
                for pat in by_first.get(tok.surface, ()):
                    if not pat.pos or _pos_ok(tok, pat.pos):
                        out.append(Match(tok.start, tok.end, pat.entry, i, i))
            out.extend(self._drawn_out_after(tokens, by_first))
        if by_first:
            out.extend(self._inside_unknown_katakana(tokens, by_first))
        # A one-morpheme entry can be cut in two by what stands before it: 「市長死ね」 is 市長/死/ね.
        # It still counts when it starts and ends on morpheme boundaries (never inside a word, so
        # 「必死ね」 stays silent). Only entries with a kanji: kana alone cut in two are particles
        # (「降りそうですしね」 holds シネ), and an entry with a part of speech must be that morpheme.
        split = [pat for pat in candidates if len(pat.keys) == 1 and not pat.pos and _KANJI.search(pat.entry)]
        if phrases or split:
            first_at, last_at = doc.token_bounds
            for pat in phrases + split:
                folded = fold(pat.entry)
                pos = doc.folded.find(folded)
                while pos >= 0:
                    a, b = doc.span(pos, pos + len(folded))
                    first, last = first_at.get(a), last_at.get(b)
                    if first is not None and last is not None and (len(pat.keys) > 1 or first < last):
                        out.append(Match(a, b, pat.entry, first, last))
                    pos = doc.folded.find(folded, pos + 1)
        out.sort(key=lambda m: (m.start, m.end))
        return tuple(out)

    def _drawn_out_after(self, tokens: Sequence[analyzer.Token], by_first: dict[str, list[_Pattern]]) -> list[Match]:
        """An entry with its last sound drawn out (「バカー」「アホーー」), which Sudachi reads as a word of
        its own: the entry, reported without the 「ー」.

        Only a word Sudachi does not know, or one it knows as a listed word (「アホー」 is 阿呆): a real
        word that merely starts with an entry and ends in 「ー」 (「エロー」) is another word.
        """
        out: list[Match] = []
        for i, tok in enumerate(tokens):
            word = tok.surface
            if not word.endswith("ー"):
                continue
            stem = word.rstrip("ー")
            if len(stem) < 2 or stem not in by_first or not (tok.oov or tok.normalized in self._folded):
                continue
            if _foreign_name(tokens, i):
                continue  # 「ボブ・フェラー投手」「フェラー氏」: a surname, not 「フェラ」 drawn out
            # Offsets inside the word only when it is written as folded (not half-width 「ﾊﾞｶｰ」).
            end = tok.start + len(stem) if tok.start + len(word) == tok.end else tok.end
            for pat in by_first[stem]:
                if not pat.pos or pat.pos.startswith("!"):
                    out.append(Match(tok.start, end, pat.entry, i, i))
        return out

    def find_spelled(self, doc: Document) -> list[Match]:
        """Entries spelled so that no morpheme is the entry: one inner letter hidden by a mask
        (「セ〇クス」「セッ●ス」「S●X」), or a katakana word written in hiragana, which Sudachi cuts across
        (「せっくすしよう」 is セック/スシ/ヨウ).

        Masks only inside an entry of three letters or more, with a letter of it on either side, and
        with no letter of the same script or another mask right outside: 「●●しよう」 and 「S〇〇」 (the
        placeholders of a template, a name kept back) hide more than one letter and spell nothing. する may follow an
        entry of four letters or more in hiragana (「せ●くすしよう」). Hiragana
        only for entries of four kana or more starting where a morpheme starts, so that no particles
        (「ですしね」) and no tail of another word (「ひまんこども」 is ひまん/こども) are read as one.
        """
        key = ("spelled", id(self))
        cached = doc.memo.get(key)
        if cached is None:
            cached = self._find_spelled(doc)
            doc.memo[key] = cached
        return list(cast("tuple[Match, ...]", cached))

    def _find_spelled(self, doc: Document) -> tuple[Match, ...]:
        out: list[Match] = []
        masked = _MASK.search(doc.text) is not None and self._masked is not None
        kana = _HIRAGANA_RUN.search(doc.text) is not None and any(k in doc.folded for k in self._long_kana)
        if not (masked or kana):
            return ()
        text = doc.text
        if masked:
            assert self._masked is not None
            for m in self._masked.finditer(doc.folded):
                a, b = doc.span(m.start(), m.end())
                entry = self._masked_entries[m.lastindex or 0]
                if (
                    _loose_edge(text, a - 1, a)
                    or (_loose_edge(text, b, b - 1) and not (len(fold(entry)) >= 4 and _SURU_AFTER.match(text, b)))
                    or _HONORIFIC.match(text, b)
                ):
                    continue
                at = doc.token_range((a, b))
                out.append(Match(a, b, entry, at.start, max(at.start, at.stop - 1)))
        if kana:
            first_at = doc.token_bounds[0]
            for folded, entry in self._long_kana.items():
                pos = doc.folded.find(folded)
                while pos >= 0:
                    a, b = doc.span(pos, pos + len(folded))
                    if a in first_at and _HIRAGANA_WORD.fullmatch(text, a, b):
                        at = doc.token_range((a, b))
                        out.append(Match(a, b, entry, at.start, max(at.start, at.stop - 1)))
                    pos = doc.folded.find(folded, pos + 1)
        out.sort(key=lambda m: (m.start, m.end))
        return tuple(out)

    @cached_property
    def _masked_entries(self) -> tuple[str, ...]:
        # Longest first: the alternation takes the first entry that matches, and 「p*rno」 read as porn would end
        # beside a letter and be dropped, porno never tried.
        return tuple(sorted((w for w, _ in self._entries if len(fold(w)) >= 3), key=lambda w: -len(fold(w))))

    @cached_property
    def _masked(self) -> re.Pattern[str] | None:
        """One group per entry of `_masked_entries` (group k+1 is entry k), each with one inner letter masked."""
        groups: list[str] = []
        for w in self._masked_entries:
            f = fold(w)
            spellings = (re.escape(f[:i]) + _MASK.pattern + re.escape(f[i + 1 :]) for i in range(1, len(f) - 1))
            groups.append("(" + "|".join(spellings) + ")")
        return re.compile("|".join(groups)) if groups else None

    @cached_property
    def _long_kana(self) -> dict[str, str]:
        return {f: w for w, _ in self._entries if _KATAKANA_ONLY.fullmatch(f := fold(w)) and len(f) >= 4}

    @staticmethod
    def _inside_unknown_katakana(tokens: Sequence[analyzer.Token], by_first: dict[str, list[_Pattern]]) -> list[Match]:
        """Entries run together into a katakana word Sudachi does not know (「バカアホマヌケ」 is one
        made-up morpheme, so none of its three insults is a morpheme of its own).

        Only a word made up entirely of entries counts, so that nothing else is read into a real
        word (「バカンス」 leaves ンス over), and not one entry said just twice (「シナシナ」 of limp
        vegetables, 「カスカス」 of dry bread): that is how Japanese draws out a sound.
        """
        kana = {k: pats for k, pats in by_first.items() if _KATAKANA_WORD.fullmatch(k)}
        out: list[Match] = []
        if not kana:
            return out
        longest = max(map(len, kana))
        for i, tok in enumerate(tokens):
            word = tok.surface
            if not (tok.oov and _KATAKANA_WORD.fullmatch(word)) or word in by_first:
                continue
            parts = _split_into(word, kana, longest)
            if parts is None or (len(parts) == 2 and parts[0] == parts[1]):
                continue
            # Offsets inside the word only when it is written as folded (not half-width ﾊﾞｶ).
            exact = tok.end - tok.start == len(word)
            at = 0
            for part in parts:
                a, b = (tok.start + at, tok.start + at + len(part)) if exact else (tok.start, tok.end)
                at += len(part)
                # A part of speech asked for is the whole word's, which is a made-up noun.
                for pat in kana[part]:
                    if not pat.pos or pat.pos.startswith("!"):
                        out.append(Match(a, b, pat.entry, i, i))
        return out


_KATAKANA_WORD = re.compile(r"[\u30a1-\u30faー]{2,}")
# What hides a letter of a word (「セ〇クス」「S●X」): circles, crosses, stars, squares, in NFKC and as written.
_MASK = re.compile(r"[〇○◯●◎×✕✖＊*■□◆◇]")
# A name with one letter kept back is addressed (「マ〇コさん」「ま〇こ様」 for マサコ, まちこ): three-letter entries
# share their shape with names.
_HONORIFIC = re.compile(r"さん|様|さま|ちゃん|くん|君|氏")
# する after a word in hiragana (「せ●くすしよう」「お●にーしたい」): the verb, not more of the word; only after entries of
# four letters or more, whose spelling with one letter masked is no name (three-letter ones share the shape of names).
_SURU_AFTER = re.compile(r"し(?:よう|たい|て|た|ま|ない|ちゃ)|する|させ|しよ")
_HIRAGANA_RUN = re.compile(r"[ぁ-ゖー]{4}")
_HIRAGANA_WORD = re.compile(r"[ぁ-ゖー]+")
_KATAKANA_ONLY = re.compile(r"[\u30a1-\u30faー]+")


def _script(c: str) -> str:
    if "ぁ" <= c <= "ゖ":
        return "hiragana"
    if "\u30a1" <= c <= "\u30fa" or c == "ー":
        return "katakana"
    if c.isascii() and c.isalnum():
        return "latin"
    if "\uff10" <= c <= "\uff5a":
        return "latin"  # full-width letters and digits
    return "other" if not c.isalpha() else "kanji"


def _loose_edge(text: str, outside: int, inside: int) -> bool:
    """Whether the character at ``outside``, next to the masked word's letter at ``inside``, makes the
    word part of something longer: another mask (「●●」) or a letter of the same script (「ボセ〇クス」)."""
    if not 0 <= outside < len(text):
        return False
    c = text[outside]
    return _MASK.match(c) is not None or (_script(c) != "other" and _script(c) == _script(text[inside]))


def _split_into(word: str, keys: Mapping[str, object], longest: int) -> list[str] | None:
    """`word` cut into keys of `keys` with nothing left over, or None. Linear in the word's length
    (a made-up morpheme can be thousands of letters long)."""
    n = len(word)
    cut: list[int | None] = [None] * (n + 1)  # cut[j]: where the key ending at j starts
    cut[0] = 0
    for j in range(1, n + 1):
        for k in range(max(0, j - longest), j - 1):
            if cut[k] is not None and word[k:j] in keys:
                cut[j] = k
                break
    if cut[n] is None:
        return None
    parts: list[str] = []
    j = n
    while j > 0:
        k = cast(int, cut[j])
        parts.append(word[k:j])
        j = k
    return parts[::-1]


@cache
def matcher(name: str, section: str = "words", extra: tuple[str, ...] = ()) -> WordMatcher:
    """The matcher for one section of a bundled list, plus an organisation's extra words."""
    return WordMatcher(load_sections(name).get(section, ()) + extra)


# Kana in brackets right after a word, as a reading is written (「部落(ぶらく)差別(さべつ)」): an
# allow-listed phrase still counts with them in between.
_BRACKETED_READING = re.compile(rf"(?<=[{analyzer.READ_WORD_CHARS}])\([\u30a0-\u30ffー]{{1,20}}\)")


def _without_readings(doc: Document) -> tuple[str, list[int]]:
    """The folded text with bracketed readings cut out, and each kept character's folded offset."""
    cached = doc.memo.get("without_readings")
    if cached is None:
        kept: list[int] = []
        last = 0
        for m in _BRACKETED_READING.finditer(doc.folded):
            kept.extend(range(last, m.start()))
            last = m.end()
        kept.extend(range(last, len(doc.folded)))
        cached = ("".join(doc.folded[i] for i in kept), kept)
        doc.memo["without_readings"] = cached
    return cast("tuple[str, list[int]]", cached)


class SpanSet:
    """Spans (allowed phrases, a sentence's calls or statements), asked whether one covers a hit.

    A draft can hold thousands of allowed phrases and as many hits (「外人墓地、」 repeated); each
    question takes a binary search over the starts and the running maximum of the ends, not a scan.
    """

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self._starts = [a for a, _ in ordered]
        self._reach: list[int] = []
        for _, b in ordered:
            self._reach.append(max(b, self._reach[-1]) if self._reach else b)

    def covers(self, start: int, end: int) -> bool:
        """True when one span holds all of [start, end)."""
        k = bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end

    def overlaps(self, start: int, end: int) -> bool:
        """True when one span shares a character with [start, end)."""
        k = bisect_left(self._starts, end)
        return k > 0 and self._reach[k - 1] > start


# A small ャ/ュ/ョ makes one sound with the kana before it: a phrase ending there is only the start of
# another word (「あほうどり」 in 「あほうどりょくしろ」, an insult and 努力).
_MID_SOUND = frozenset("ャュョ")


def _whole_sound(text: str, end: int) -> bool:
    return end >= len(text) or text[end] not in _MID_SOUND


def allowed_spans(doc: Document, phrases: Iterable[str]) -> SpanSet:
    """Original spans of every occurrence of the allow-listed phrases (folded comparison)."""
    spans: list[tuple[int, int]] = []
    readings = "(" in doc.folded and _BRACKETED_READING.search(doc.folded) is not None
    for phrase in phrases:
        f = fold(phrase)
        if not f:
            continue
        pos = doc.folded.find(f)
        while pos >= 0:
            if _whole_sound(doc.folded, pos + len(f)):
                spans.append(doc.span(pos, pos + len(f)))
            pos = doc.folded.find(f, pos + 1)
        if readings:
            text, kept = _without_readings(doc)
            pos = text.find(f)
            while pos >= 0:
                if _whole_sound(text, pos + len(f)):
                    spans.append(doc.span(kept[pos], kept[pos + len(f) - 1] + 1))
                pos = text.find(f, pos + 1)
    return SpanSet(spans)


class ContextWords:
    """Words whose presence around a match tells which meaning is meant, matched as morphemes.

    A one-morpheme word also matches by dictionary form, so 「湧く」 finds 「湧かない」; a longer one
    is compared morpheme by morpheme like an entry.
    """

    def __init__(self, words: Iterable[str]) -> None:
        self._words = tuple(w for w in words if w)
        self._single: frozenset[str] | None = None
        self._phrases: tuple[tuple[str, ...], ...] = ()

    def _compile(self) -> frozenset[str]:
        if self._single is None:
            single: set[str] = set()
            phrases: list[tuple[str, ...]] = []
            for w in self._words:
                keys = tuple(t.surface for t in analyzer.tokenize(w)) or (fold(w),)
                if len(keys) == 1:
                    single.add(keys[0])
                else:
                    phrases.append(keys)
            self._phrases = tuple(phrases)
            self._single = frozenset(single)
        return self._single

    def found(self, doc: Document, span: tuple[int, int]) -> bool:
        """True when one of the words occurs (starts) in the original span `span` of `doc`."""
        if not self._words:
            return False
        at = self._occurrences(doc)
        within = doc.token_range(span)
        k = bisect_left(at, within.start)
        return k < len(at) and at[k] < within.stop

    def occurrences(self, doc: Document, span: tuple[int, int]) -> list[int]:
        """Indices of the morphemes where one of the words starts in the original span `span` of `doc`."""
        if not self._words:
            return []
        at = self._occurrences(doc)
        within = doc.token_range(span)
        return at[bisect_left(at, within.start) : bisect_left(at, within.stop)]

    def _occurrences(self, doc: Document) -> list[int]:
        """Indices of the morphemes where one of the words starts, found once per draft.

        Asked once per match, each time for a sentence: a long draft with no sentence end and many
        matches (「拡散希望 」 repeated) made a scan of the sentence per match quadratic.
        """
        key = ("context", id(self))
        cached = doc.memo.get(key)
        if cached is None:
            single = self._compile()
            by_first: dict[str, list[tuple[str, ...]]] = {}
            for keys in self._phrases:
                by_first.setdefault(keys[0], []).append(keys)
            tokens = doc.tokens
            n = len(tokens)
            cached = [
                i for i, tok in enumerate(tokens)
                if tok.surface in single or tok.lemma in single or any(
                    i + len(keys) <= n and all(tokens[i + j].surface == keys[j] for j in range(1, len(keys)))
                    for keys in by_first.get(tok.surface, ())
                )
            ]
            doc.memo[key] = cached
        return cast("list[int]", cached)


@cache
def context_words(name: str, section: str) -> ContextWords:
    """One section of a bundled list as context words (compiled once per process)."""
    return ContextWords(load_sections(name).get(section, ()))


@cache
def everyday_senses(name: str) -> dict[str, ContextWords]:
    """`[everyday]` of a bundled list: folded entry → the context words that show its everyday sense."""
    out: dict[str, ContextWords] = {}
    for line in load_sections(name).get("everyday", ()):
        left, _, right = line.partition(":")
        context = ContextWords(right.split())
        for word in left.split(","):
            if word.strip():
                out[fold(word.strip())] = context
    return out


@cache
def folded_set(name: str, section: str) -> frozenset[str]:
    """The entries of one section of a bundled list, folded (for membership tests on tokens)."""
    return frozenset(fold(w) for w in load_sections(name).get(section, ()))
