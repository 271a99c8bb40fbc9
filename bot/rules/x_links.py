"""How X reads links: which parts of a draft twitter-text makes a link (counted 23 by platform.length).

Kept apart from the rules so that both platform.length (the count) and link.malformed (an address
X leaves unlinked) read links the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bot.rules.text import Document


def nfc_starts(text: str) -> list[int]:
    """For each character of NFC(`text`), the index in `text` where it came from.

    Normalisation only joins a character with the marks after it (か + ゛ → が), so each run of a
    starter and its following non-starters is normalised on its own.
    """
    starts: list[int] = []
    i, n = 0, len(text)
    while i < n:
        j = i + 1
        while j < n and (unicodedata.combining(text[j]) or "\u1160" <= text[j] <= "\u11ff"):
            j += 1
        starts.extend([i] * len(unicodedata.normalize("NFC", text[i:j])))
        i = j
    return starts


def _is_compat(ch: str) -> bool:
    return not ch.isascii() and unicodedata.normalize("NFKC", ch) != ch


def x_url_spans(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """The parts of the link text[a:b] that twitter-text counts as links.

    The link rules read the text NFKC-normalised, where 「ｈｔｔｐｓ：／／」 and 「Ａ.html」 are URL
    characters; twitter-text reads the text as written, so its link starts after and ends before
    such a character (「３example.co.jp」 is 「３」 and a link, 「…/Ａ.html」 a link, 「Ａ」 and 「.html」).
    """
    if all(not _is_compat(c) for c in text[a:b]):
        return [(a, b)]
    spans: list[tuple[int, int]] = []
    i = a
    while i < b:
        while i < b and _is_compat(text[i]):
            i += 1
        j = i
        while j < b and not _is_compat(text[j]):
            j += 1
        if i < j:
            # Each run between full-width letters may hold a link of its own (「…?a=1：logo.ai」).
            part = Document(text[i:j])
            spans += [(i + u.start, i + u.end) for u in part.urls]
            spans += [(i + s, i + e) for s, e in part.names_like_domains]
        i = j
    return spans


# twitter-text links an address only when its host ends in a top-level domain, and never one with a
# user name before 「@」: 「https://157.7.44.10/…」, 「http://[2001:db8::1]/…」 and
# 「https://city.joetsu.niigata.jp@evil.example/…」 are text for X, however long.
NUMERIC_HOST = re.compile(r"\[.*\]|[0-9.]+")


# What ends a run of twitter-text's domain characters: ASCII punctuation (not 「"」 nor 「`」), spaces,
# the characters it takes for invalid, and direction marks. Japanese letters and punctuation (「。」
# 「（」) and emoji are domain characters for it.
_X_NOT_DOMAIN_CHAR = re.compile(
    r"[!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$\t-\r \x85\xa0\u1680\u180e\u2000-\u200a\u2028\u2029\u202f"
    r"\u205f\u3000\ufffe\ufeff\uffff\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)
# What twitter-text's pattern cannot take for the one character it reads before an address.
_X_NOT_BEFORE = re.compile("[A-Za-z0-9@\uff20$#\uff03\ufffe\ufeff\uffff]")
_X_SCHEME = re.compile(r"https?://", re.IGNORECASE)
_X_HOST = re.compile(r"[^/?#:]*")
_X_MAX_URL_LENGTH = 4096
_X_MAX_LABEL_LENGTH = 63


# The dots the punycode library twitter-text calls splits a name at, besides 「.」.
_X_IDEOGRAPHIC_DOTS = re.compile("[\u3002\uff0e\uff61]")


# Cached: platform.length and link.malformed read the same labels of a draft, and Python's punycode
# codec takes some 0.1 ms on the 40 letters of Japanese x_links may read back into one.
@lru_cache(maxsize=512)
def _x_label_length(label: str) -> int:
    """The length twitter-text checks against 63: that of punycode.toASCII(label), which splits
    the label again at 「。」「．」「｡」 and writes each non-ASCII part as 「xn--…」, so a label glued
    across a 「。」 is longer for it than the label encoded whole."""
    if label.isascii():
        return len(label)
    parts = _X_IDEOGRAPHIC_DOTS.split(label)
    # Punycode is never shorter than its letters, and each dot stays one letter: a label whose
    # parts with their 「xn--」 are already too long need not be encoded. Only non-ASCII parts get
    # 「xn--」 (「…abc。www」 is all ASCII once split).
    at_least = len(label) + 4 * sum(not p.isascii() for p in parts)
    if at_least > _X_MAX_LABEL_LENGTH:
        return at_least
    return len(".".join(p if p.isascii() else "xn--" + p.encode("punycode").decode("ascii") for p in parts))


def _x_glued_prefix(nfc: str, run: int, a: int) -> str:
    """The letters glued before an address (from `run` to `a`) that twitter-text reads as part of
    its domain's first label.

    Its pattern reads one character before the domain, and that character may not be a letter,
    digit, 「@」「$」「#」: at the start of the text (「本日から…（www.…」) or after 「@」「$」「#」 it
    takes the first glued character for it, so the label is one shorter; and, reading UTF-16, it
    takes only the first half of an emoji there (「🌸…www.…」), leaving the second half in the label.
    """
    if run > 0 and nfc[run - 1] not in "@$#":
        return nfc[run:a]
    if run == 0 and _X_NOT_BEFORE.match(nfc[0]):
        return nfc[0:a]  # the pattern matches at the start of the text, before its first letter
    q = run
    while q < a and _X_NOT_BEFORE.match(nfc[q]):
        q += 1
    if q == a:
        return nfc[run:a]
    cp = ord(nfc[q])
    low_half = chr(0xDC00 + ((cp - 0x10000) & 0x3FF)) if cp > 0xFFFF else ""
    return low_half + nfc[q + 1 : a]


def x_links(nfc: str, a: int, b: int, *, glued: bool = True) -> bool:
    """Whether twitter-text makes nfc[a:b] a link: each label of its domain is at most 63 letters
    once in punycode, and the address at most 4,096.

    Without a scheme, the domain twitter-text reads starts where the run of domain characters
    before the name starts: 「…詳しくは市ホームページ（www.city.joetsu.niigata.jp/…）」 is one label
    「本日から…（www」 for it, too long, so X leaves the address unlinked and counts it letter by letter.
    ``glued=False``: as if a space stood before the name.
    """
    m = _X_SCHEME.match(nfc, a)
    h = m.end() if m else a
    labels = _X_HOST.match(nfc, h, b).group().split(".")  # type: ignore[union-attr]
    if not m and glued:
        # Punycode is never shorter than its letters: past 63 letters back the label is too long.
        run, stop = a, max(0, a - _X_MAX_LABEL_LENGTH - 1)
        while run > stop and not _X_NOT_DOMAIN_CHAR.match(nfc[run - 1]):
            run -= 1
        labels[0] = _x_glued_prefix(nfc, run, a) + labels[0]
    lengths = [_x_label_length(label) for label in labels]
    if max(lengths) > _X_MAX_LABEL_LENGTH:
        return False
    host_growth = sum(lengths) - sum(map(len, labels))
    return len(m.group() if m else "https://") + (b - a) + host_growth <= _X_MAX_URL_LENGTH


def x_glued_addresses(doc: Document) -> list[tuple[int, int]]:
    """Spans of the addresses written without a scheme that X leaves unlinked only because the
    letters written right before them run into their domain (see x_links), as offsets of doc.text.

    twitter-text would link each with 「https://」 or a space before it; an address too long for a
    link anyway, or with a user name or a numeric host, is not one of them.
    """
    text = doc.text
    nfc = unicodedata.normalize("NFC", text)
    d = doc if nfc == text else Document(nfc)
    spans: list[tuple[int, int]] = []
    starts: list[int] | None = None
    for u in d.urls:
        if u.scheme or u.userinfo or NUMERIC_HOST.fullmatch(u.host) or u.start == 0:
            continue
        if _X_NOT_DOMAIN_CHAR.match(nfc[u.start - 1]):
            continue
        parts = x_url_spans(nfc, u.start, u.end)
        if not parts or parts[0][0] != u.start:
            continue
        a, b = parts[0]
        if not x_links(nfc, a, b) and x_links(nfc, a, b, glued=False):
            if nfc != text:
                # Once per draft: each address reading it anew was quadratic in a long paste.
                if starts is None:
                    starts = nfc_starts(text)
                a, b = starts[a], starts[b] if b < len(starts) else len(text)
            spans.append((a, b))
    return spans
