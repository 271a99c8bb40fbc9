"""How a word typed by a person is compared with the word meant (a command, a code, a time)."""

from __future__ import annotations

import unicodedata


def typed_form(word: str) -> str:
    """A word as typed, compared: ｈｅｌｐ or ＪＯＥＴＳＵ (the Japanese input on) is help or joetsu,
    HELP is help, and invisible format characters pasted along (a direction mark) do not count."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", word).casefold() if unicodedata.category(ch) != "Cf")
