"""Cutting text short between characters as a reader sees them, never inside one.

A leaf module: the rule engine (bot.rules) cuts its excerpts with it, and bot.render, which
imports bot.rules, shows it as ``render.shortened``.
"""

from __future__ import annotations

import unicodedata


def joins_previous(ch: str) -> bool:
    # Combining marks (が saved as か and ゛), variation selectors (異体字 of 葛 or 辻), emoji skin
    # tones and the zero-width joiner inside 👨‍👩‍👧: drawn as one with the character before them.
    return (unicodedata.combining(ch) != 0 or unicodedata.category(ch) in ("Mn", "Mc", "Me")
            or ch == "\u200d" or "\ufe00" <= ch <= "\ufe0f" or "\U000e0100" <= ch <= "\U000e01ef"
            or "\U0001f3fb" <= ch <= "\U0001f3ff"
            # The tags that spell a subdivision flag after 🏴 (Scotland, Wales), ending in U+E007F.
            or "\U000e0020" <= ch <= "\U000e007f"
            # The vowel and final consonant of a Hangul syllable saved decomposed (각 as ᄀ, ᅡ and ᆨ,
            # as a Mac saves it): cut before them, 각 showed as ᄀ or 가, another letter. Thai and Lao
            # SARA AM are letters by category but drawn on the consonant before them (กำ).
            or "\u1160" <= ch <= "\u11ff" or "\ud7b0" <= ch <= "\ud7ff" or ch in "\u0e33\u0eb3")


def _after_a_virama(text: str, i: int) -> bool:
    """``text[i]`` is a letter after a virama (Devanagari ्, Bengali ্…): the two consonants are
    drawn as one conjunct (क्ष), and a cut between them left 「क्」, half of it."""
    return i > 0 and unicodedata.combining(text[i - 1]) == 9 and unicodedata.category(text[i]) == "Lo"


def _regional_indicator(ch: str) -> bool:
    return "\U0001f1e6" <= ch <= "\U0001f1ff"


def _second_of_a_flag(text: str, i: int, start: int = 0) -> bool:
    """``text[i]`` is the second letter of a flag: 🇯🇵 is two regional indicators, paired from the
    start of their run, and one alone shows as a boxed letter. ``start``: a place at or before ``i``
    known to be between two characters (a flag's pair does not straddle it), so the pairs are counted
    from there: counted from the run's own start, each section of a 40,000-flag paste scanned back
    over every flag before it (quadratic time)."""
    if not _regional_indicator(text[i]):
        return False
    run = 0
    while i - run - 1 >= start and _regional_indicator(text[i - run - 1]):
        run += 1
    return run % 2 == 1


def _inside(text: str, i: int, start: int = 0) -> bool:
    """Whether a cut before ``text[i]`` would fall inside a character as a reader sees it."""
    return (joins_previous(text[i]) or text[i - 1] == "\u200d" or _after_a_virama(text, i)
            or _second_of_a_flag(text, i, start))


def cut_at_or_before(text: str, end: int, start: int = 0) -> int:
    """The last place at or before ``end`` (and after ``start``) where ``text`` can be cut between
    characters as a reader sees them; ``end`` itself when the stretch is nothing but marks.
    ``start`` is such a place itself (the text's start, or a cut this function chose)."""
    if end >= len(text):
        return len(text)
    cut = end
    while cut > start + 1 and _inside(text, cut, start):
        cut -= 1
    return end if _inside(text, cut, start) else cut


def shortened(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, ending in 「…」 when cut. Cut between characters
    as a reader sees them: a cut before a combining mark showed 「か…」 for 「が…」, another word."""
    if len(text) <= limit:
        return text
    end = max(limit - 1, 0)
    while end > 0 and _inside(text, end):
        end -= 1
    return text[:end or max(limit - 1, 0)] + "…"  # nothing but marks: cut where it must
