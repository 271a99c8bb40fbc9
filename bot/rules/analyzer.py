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


def _get_tokenizer() -> Any:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                from sudachipy import Dictionary, SplitMode

                _tokenizer = Dictionary(dict="core").tokenizer(mode=SplitMode.C)
    return _tokenizer


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
    tok = _get_tokenizer()
    # Lone surrogates cannot cross into Rust; U+FFFD keeps the length and hence the offsets.
    safe = _SURROGATE.sub("\ufffd", text)
    tokens: list[Token] = []
    for base, chunk in _chunks(safe):
        for m in tok.tokenize(chunk):
            pos = m.part_of_speech()
            tokens.append(
                Token(
                    base + m.begin(),
                    base + m.end(),
                    fold(m.surface()),
                    fold(m.normalized_form()),
                    pos[0],
                    pos[1],
                    pos[2],
                    "" if pos[5] == "*" else pos[5].split("-", 1)[0],
                    fold(m.dictionary_form()),
                )
            )
    return tokens
