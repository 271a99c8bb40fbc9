"""The emoji X counts 2 (platform.length): twemoji-parser's pattern, which twitter-text 3.1.0's parseTweet uses.

A symbol that is text by default does not become one of them with U+FE0F: 「★️」 is 「★」 (2) and a lone U+FE0F,
which the pattern takes for an emoji of its own (2), 4 in all. Sequences newer than the pattern (「🧑‍🎄」, Emoji 13.0)
count as their parts. The pattern is bundled as published (bot/rules/data/twemoji_regex.txt, MIT): a JavaScript
pattern over UTF-16 code units, read here as one over code points.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from importlib import resources

_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")


def _high(m: re.Match[str] | None) -> int | None:
    if m is None:
        return None
    unit = int(m.group(1), 16)
    return unit if 0xD800 <= unit <= 0xDBFF else None


def from_utf16(source: str) -> str:
    """A pattern over UTF-16 code units as one over code points: a high surrogate and the low surrogate, or the class
    of low surrogates, after it (``\\ud83c[\\udffb-\\udfff]``) become the characters they encode."""
    out: list[str] = []
    i = 0
    while i < len(source):
        m = _ESCAPE.match(source, i)
        high = _high(m)
        if m is None or high is None:
            out.append(m.group() if m else source[i])
            i = m.end() if m else i + 1
            continue

        def astral(low: re.Match[str], high: int = high) -> str:
            return f"\\U{0x10000 + ((high - 0xD800) << 10) + (int(low.group(1), 16) - 0xDC00):08x}"

        if (low := _ESCAPE.match(source, m.end())) is not None:
            out.append(astral(low))
            i = low.end()
        elif source.startswith("[", m.end()):
            close = source.index("]", m.end())
            out.append("[" + _ESCAPE.sub(astral, source[m.end() + 1 : close]) + "]")
            i = close + 1
        else:
            raise ValueError(f"a high surrogate without its low one at {i}")
    return "".join(out)


def _source() -> str:
    text = resources.files("bot.rules.data").joinpath("twemoji_regex.txt").read_text(encoding="utf-8")
    [line] = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    return line


X_EMOJI = re.compile(from_utf16(_source()))
# Where one of them can start: a few ranges that hold the pattern's first characters (test_platform_s42 checks them
# against its parse), a digit, 「#」 or 「*」 only before a keycap's U+20E3, never kana or kanji. The pattern's hundreds of
# alternatives tried at each of a draft's characters took 0.4 ms a 1,000-character draft, and a class of the exact
# first characters, hundreds of them beyond U+FFFF, 0.6 ms to scan.
START_CLASS = "[\u00a9\u00ae\u203c-\u2bff\u3030\u303d\u3297\u3299\ue50a\ufe0f\U0001f000-\U0001faff]"
_START = re.compile(f"{START_CLASS}|[#*0-9](?=\ufe0f?\u20e3)")


def x_emoji_spans(text: str) -> Iterator[tuple[int, int]]:
    """The spans of X_EMOJI's matches in ``text``, as ``X_EMOJI.finditer`` finds them."""
    pos = 0
    for m in _START.finditer(text):
        if m.start() < pos:
            continue
        if (e := X_EMOJI.match(text, m.start())) is not None and e.end() > e.start():
            yield e.start(), e.end()
            pos = e.end()
