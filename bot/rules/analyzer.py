"""Morphological analysis with SudachiPy (sudachidict_core), loaded once, lazily.

Sudachi is used because it installs from PyPI with its dictionary (no system MeCab, works offline),
is actively maintained, and reports token offsets in code points of the input, which are exactly
the offsets findings need. Split mode C keeps compounds whole, so 「馬鹿囃子」 is one morpheme and
never matches the entry 「馬鹿」.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from typing import Any

from bot.rules.text_fold import fold

# Sudachi refuses inputs over 49,149 UTF-8 bytes; 12,000 code points are at most 48,000 bytes.
_MAX_CHUNK = 12_000
_SURROGATE = re.compile("[\ud800-\udfff]")
_BREAK = re.compile(r"[。！？!?\n]")

# Sudachi's default IgnoreYomiganaPlugin takes up to four kana in brackets after kanji for a reading
# and folds them into the word: 「雁木(がんぎ)」 becomes one morpheme whose surface no word list
# entry matches, so 「馬鹿(ばか)」 hid a listed word, and so did 「市長(バカ)」, whose brackets are no
# reading at all. A reading is cut out of the surface instead; other brackets are read again.
# Longer readings, which the plugin leaves alone (「馬鹿囃子(ばかばやし)」), are skipped so that their
# kana are not taken for words.
_OPEN, _CLOSE = ("(", "（"), (")", "）")
_BRACKETED_KANA = re.compile(r"[(（]([\u3041-\u309f\u30a0-\u30ffー]+)[)）]")
_KANA = re.compile(r"[\u3041-\u309f\u30a0-\u30ffー]+")
# What a word that a reading in brackets follows ends with: kanji or katakana (also for the word
# lists' allowed phrases, which count across readings).
READ_WORD_CHARS = "\u4e00-\u9fff々〆ヶ\u30a0-\u30ff"
_WORD_END = re.compile(f"[{READ_WORD_CHARS}]$")
_MAX_READING_MORPHEMES = 12
# Corner brackets are not taken for a reading: brackets swapped for them, at the same offsets, read
# as words of their own.
_AS_QUOTES = str.maketrans({"(": "「", "（": "「", ")": "」", "）": "」"})

_lock = threading.Lock()
_tokenizer: Any = None


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    surface: str  # folded (NFKC, katakana, lower case)
    normalized: str  # Sudachi's normalized form, folded
    pos: str  # first part-of-speech field, e.g. 名詞, 動詞, 助動詞
    pos2: str  # second field, e.g. 固有名詞
    pos3: str  # third field, e.g. 人名
    form: str  # conjugation form without its subtype, e.g. 命令形, 終止形, 連用形; "" when none
    lemma: str  # dictionary form, folded: めくら in 「めくらずに」 is the verb めくる
    oov: bool = False  # not in the dictionary: Sudachi made it up from a run of one script


def _get_tokenizer() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                from sudachipy import Dictionary, SplitMode

                _tokenizer = Dictionary(dict="core").tokenizer(mode=SplitMode.C)
    return _tokenizer


def _reading_inside(m: Any) -> bool | None:
    """None when a morpheme holds no brackets; else whether all its bracketed kana are its reading."""
    surface = m.surface()
    if not any(b in surface for b in _OPEN):
        return None
    reading = fold(m.reading_form())
    return all(fold(k.group(1)) in reading for k in _BRACKETED_KANA.finditer(surface))


def _morphemes(chunk: str) -> list[tuple[int, Any, str]]:
    """(offset into the chunk's base, morpheme, folded surface) with bracketed kana sorted out."""
    out: list[tuple[int, Any, str]] = []
    for m in _get_tokenizer().tokenize(chunk):
        reading = _reading_inside(m)
        if reading is None:
            out.append((0, m, fold(m.surface())))
        elif reading:
            out.append((0, m, fold(_BRACKETED_KANA.sub("", m.surface()))))
        else:
            # m.begin() of a re-read morpheme counts from the start of the merged surface.
            merged, start = m.surface(), m.begin()
            for w in _get_tokenizer().tokenize(merged.translate(_AS_QUOTES)):
                out.append((start, w, fold(merged[w.begin() : w.end()])))
    return out


def _readings(ms: list[tuple[int, Any, str]]) -> set[int]:
    """Indices of kana morphemes that spell, in brackets, the reading of the word just before them."""
    skip: set[int] = set()
    i = 1
    while i < len(ms):
        if ms[i][1].surface() in _OPEN and _WORD_END.search(ms[i - 1][1].surface()):
            j = i + 1
            while j < len(ms) and j - i <= _MAX_READING_MORPHEMES and _KANA.fullmatch(ms[j][1].surface()):
                j += 1
            if i + 1 < j < len(ms) and ms[j][1].surface() in _CLOSE:
                inner = fold("".join(ms[k][1].surface() for k in range(i + 1, j)))
                before = ""
                for k in range(i - 1, max(-1, i - 4), -1):
                    before = fold(ms[k][1].reading_form()) + before
                    if before.endswith(inner):
                        skip.update(range(i + 1, j))
                        break
                i = j
        i += 1
    return skip


def _token(m: Any, start: int, surface: str) -> Token:
    pos = m.part_of_speech()
    return Token(
        start + m.begin(),
        start + m.end(),
        surface,
        fold(m.normalized_form()),
        pos[0],
        pos[1],
        pos[2],
        "" if pos[5] == "*" else pos[5].split("-", 1)[0],
        fold(m.dictionary_form()),
        m.is_oov(),
    )


def _chunks(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    pos = 0
    n = len(text)
    while pos < n:
        end = min(pos + _MAX_CHUNK, n)
        if end < n:
            # Prefer to cut after a sentence end so no word is split across chunks.
            cut = max((m.end() for m in _BREAK.finditer(text, pos, end)), default=end)
            end = cut if cut > pos else end
        out.append((pos, text[pos:end]))
        pos = end
    return out


def tokenize(text: str) -> list[Token]:
    """Morphemes of `text` with code-point offsets into `text`."""
    # Lone surrogates cannot cross into Rust; U+FFFD keeps the length and hence the offsets.
    safe = _SURROGATE.sub("\ufffd", text)
    tokens: list[Token] = []
    for base, chunk in _chunks(safe):
        ms = _morphemes(chunk)
        skip = _readings(ms) if any(b in chunk for b in _OPEN) else set()
        tokens.extend(_token(m, base + offset, surface) for k, (offset, m, surface) in enumerate(ms) if k not in skip)
    return tokens


def short_units(word: str) -> list[str] | None:
    """The shortest units (Sudachi's split mode A) of ``word`` when the dictionary reads it whole as one morpheme
    (「新発売」: 新, 発売; 「市町村」: itself, one unit); None when it is read as several."""
    from sudachipy import SplitMode

    ms = _get_tokenizer().tokenize(word)
    if len(ms) != 1:
        return None
    return [u.surface() for u in ms[0].split(SplitMode.A)] or [ms[0].surface()]
