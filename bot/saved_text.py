"""Text files people save with Windows tools (.env, kessai.toml, drafts for `kessai check`): which
encodings kessai reads, and how it tells where it stopped."""

from __future__ import annotations

import unicodedata

# Notepad's 「Unicode」 (UTF-16 LE) and 「Unicode big endian」 start with one of these.
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_saved(raw: bytes) -> str:
    """UTF-8, with or without the BOM that Excel and Notepad write, or UTF-16 with its BOM, which
    makes it unambiguous. Anything else raises ``UnicodeDecodeError``: a file saved as Shift_JIS is
    refused rather than read as garbage."""
    if raw.startswith(UTF16_BOMS):
        return raw.decode("utf-16")
    return raw.decode("utf-8-sig")


def line_of(raw: bytes, exc: UnicodeDecodeError) -> int:
    """The line (from 1) of ``raw`` where decoding failed."""
    return raw[: exc.start].count(b"\n") + 1


def reads_as_shift_jis(raw: bytes) -> bool:
    """Whether ``raw`` is Japanese text in Shift_JIS. Python's cp932 decodes most bytes to
    something, so it must give kana or kanji and no control characters."""
    try:
        text = raw.decode("cp932")
    except UnicodeDecodeError:
        return False
    japanese = any("\u3040" <= c <= "\u30ff" or "\u4e00" <= c <= "\u9fff" for c in text)
    return japanese and not any(unicodedata.category(c) == "Cc" and c not in "\t\r\n" for c in text)
