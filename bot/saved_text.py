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


# What a file that is no text starts with, as a person knows the kind: a draft kept as a Word
# document or a screenshot given to `kessai check` by mistake. A .docx and an .xlsx are zip files.
_NOT_TEXT_KINDS_JA = (
    (b"\x89PNG", "PNG の画像"),  # its signature goes on with \r\n: a --jsonl line ends there
    (b"\xff\xd8\xff", "JPEG の画像"),
    (b"GIF8", "GIF の画像"),
    (b"%PDF-", "PDF"),
    (b"PK\x03\x04", "Word・Excel の文書（.docx・.xlsx）か zip ファイル"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Word・Excel の文書（.doc・.xls）"),
    (b"\x7fELF", "実行ファイル"),
    (b"MZ", "実行ファイル"),
)
# Characters no text has: control characters, code points Unicode has not assigned, and private
# use. Bytes of an image or a program read as UTF-16 give some of them at once (their NUL pairs
# are U+0000); a draft saved as UTF-16 without its BOM gives none.
_NO_TEXT_CATEGORIES = frozenset({"Cc", "Cn", "Co"})


def not_text_kind_ja(raw: bytes) -> str | None:
    """What kind of file ``raw`` (the start of a file) is when it is known not to be text, named for
    a person (「PNG の画像」), else None."""
    return next((kind for magic, kind in _NOT_TEXT_KINDS_JA if raw.startswith(magic)), None)


def reads_as_utf16(raw: bytes) -> bool:
    """Whether ``raw`` is text (or a line of it) saved as UTF-16 without its BOM, little or big
    endian: decoded so, it holds no character no text has. A line of such a file split at b"\\n"
    starts with the second byte of a character, so it is tried from the second byte too."""
    for start in (0, 1):
        piece = raw[start:]
        piece = piece[: len(piece) - len(piece) % 2]
        for encoding in ("utf-16-le", "utf-16-be"):
            try:
                text = piece.decode(encoding)
            except UnicodeDecodeError:
                continue
            if text and not any(unicodedata.category(c) in _NO_TEXT_CATEGORIES and c not in "\t\r\n" for c in text):
                return True
    return False
