"""Folding shared by the text model, the analyser and the word lists."""

from __future__ import annotations

import unicodedata

# Hiragana → katakana and ASCII upper → lower are 1:1 code-point maps, so folding keeps offsets.
FOLD_TABLE = str.maketrans(
    {**{chr(c): chr(c + 0x60) for c in range(0x3041, 0x3097)}, **{chr(c): chr(c + 32) for c in range(65, 91)}}
)


def fold(s: str) -> str:
    """NFKC, hiragana→katakana and ASCII lower case: the form word lists are compared in."""
    return unicodedata.normalize("NFKC", s).translate(FOLD_TABLE)
