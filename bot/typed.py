"""How a word typed by a person is compared with the word meant (a command, a code, a time)."""

from __future__ import annotations

import unicodedata


def visible_form(text: str) -> str:
    """``text`` as read: full-width digits and letters (２０２６／１２／１, typed with the Japanese
    input on) are ASCII, and invisible format characters pasted along with it from a web page or a
    spreadsheet cell (a zero-width space, a direction mark) are gone. Case is kept (R8.12.1)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch) != "Cf")


def typed_form(word: str) -> str:
    """A word as typed, compared: ｈｅｌｐ or ＪＯＥＴＳＵ (the Japanese input on) is help or joetsu,
    HELP is help, and invisible format characters pasted along (a direction mark) do not count."""
    return visible_form(word).casefold()
