"""The first-character guard of the whole-draft patterns (bot.rules.prefilter), and what keeps the
check of a plain notice cheap (SPEC §7: a 1,000-character draft under 5 ms; timed in benchmarks/rules.py,
never here)."""

from __future__ import annotations

import pathlib
import re

import pytest

import bot.rules.engine  # noqa: F401  (every rule module imported: their patterns are guarded on import)
from bot.rules import REGISTRY
from bot.rules.prefilter import GUARDED, first_class, guard
from bot.rules.text import Document
from tests.rules.conftest import ctx

_GUIDELINES = pathlib.Path("/work/shared/guidelines")


def _texts() -> list[str]:
    texts = [
        "Saturday, December 5th 2026 / Sat 5 Dec (Sat) / 5 December, Friday / Fri 12/19 / dec 5 (FRI)",
        "令和8年12月5日（土）、2026/12/5(土)、12/31(木)～2(祝)・1月1日（金）、R8.12.5、十二月五日",
        "外国人には国に帰ってほしい。障害者は施設にいればいい。高齢者は運転しないでください。お引き取りください。",
        "090-1234-5678 ０９０ー１２３４ー５６７８ (090)1234-5678 https://example.jp/a b.example.com www.city.jp",
        "C:\\Users\\kessai\\a.txt \\\\server\\share :smile: ★★★ 🌸🌸🌸 ♪♪♪ 保育士募集（女性のみ） 外国人滚出去 외국인은 나가라",
    ]
    for rule in REGISTRY.values():
        texts += [e.text for e in (rule.fires, rule.passes) if e is not None]
    if _GUIDELINES.is_dir():
        texts += [p.read_text() for p in sorted(_GUIDELINES.glob("*.txt"))]
    return texts


def _found(rx: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in rx.finditer(text)]


def test_each_guarded_pattern_finds_what_it_found_unguarded() -> None:
    texts = _texts()
    assert GUARDED
    for original, guarded in GUARDED:
        assert guarded.groupindex == original.groupindex and guarded.groups == original.groups
        for text in texts:
            assert _found(guarded, text) == _found(original, text), (original.pattern[:60], text[:60])


@pytest.mark.parametrize(
    "name",
    [
        "dates._DATE", "dates._ANY_DATE", "dates._EN_DATE", "dates._DM_DATE", "dates._NUMERIC_DATE",
        "prohibited._WISHED_AWAY", "prohibited._FOREIGN_CALL", "prohibited._HIRING", "prohibited._DRIVING",
        "prohibited._KO_PERSON_CALL", "prohibited._CONTEMPT", "text._BARE_DOMAIN_RE", "text._SENTENCE_END",
        "text._URL_START_RE", "text._LONG_SOUND_RUN", "pii._DIGIT_RUN", "pii._MOBILE", "pii._BOXED_MOBILE",
        "pii._STRIPPED_MOBILE", "links._FILE_PATH", "links._BROKEN_SCHEME", "links._DOTLESS",
        "a11y._SLACK_SHORTCODE", "a11y._DECORATIVE", "misc._EARLIER_POST", "platform._MUSIC_SHARP",
    ],
)
def test_the_costly_whole_draft_patterns_stay_guarded(name: str) -> None:
    # Each cost 0.1–0.4 ms of a 1,000-character draft unguarded. A change that lets one start anywhere
    # (a `.` or a negated class first, an empty match) silently drops its guard: write that
    # alternative so its first characters can be told, or take the pattern off this list knowingly.
    module, attr = name.split(".")
    rx = getattr(__import__(f"bot.rules.{module}", fromlist=[attr]), attr)
    assert any(rx is g for _, g in GUARDED), name


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"(?:自分の|元の)?国に", 0, "[自元国]"),
        (r"(?<![0-9])\b(?:[0-9]|十)+月", 0, r"[0-9十]"),
        (r"(?P<a>x)?(?:y|z*w)", 0, "[xyzw]"),
        (r"\d{2,}-", 0, r"[\d]"),
        (r"[^a]b", 0, None),  # a negated class: anything can start it
        (r".b", 0, None),
        (r"a?", 0, None),  # may match nothing, anywhere
        (r"(?i:a)b", 0, None),  # local flags
        (r"a b", re.VERBOSE, None),
    ],
)
def test_first_class_is_read_from_the_parse_or_not_told(pattern: str, flags: int, expected: str | None) -> None:
    assert first_class(re.compile(pattern, flags)) == expected


def test_a_pattern_whose_first_character_cannot_be_told_is_left_as_it_is() -> None:
    rx = re.compile(r".+です")
    assert guard(rx) is rx


def test_the_guard_keeps_case_insensitivity_and_a_global_flag() -> None:
    dec = guard(re.compile(r"\bdec(?:ember)?\b", re.IGNORECASE))
    assert [m.group() for m in dec.finditer("Dec 5, DECEMBER 6, december 7")] == ["Dec", "DECEMBER", "december"]
    head = guard(re.compile(r"(?m)^[■●]見出し"))
    assert head.pattern.startswith("(?m)(?=")
    assert [m.start() for m in head.finditer("本文\n■見出し\n●見出し")] == [3, 8]


@pytest.mark.parametrize(
    "text",
    [
        "お問い合わせは危機管理課 025-526-5111 までお願いします。燃やせるごみは収集日の朝8時30分までに集積所へ出してください。",
        "12月5日（土）に市民会館で人権講演会を開催します。どなたでも参加できます。",
        "大雨警報が発表されました。川には近づかないでください。避難所を開設しました。",
        "固定資産税の第3期の納期限は12月28日（月）です。口座振替の方は残高をご確認ください。",
    ],
)
def test_no_rule_reads_a_plain_notices_morphemes(text: str) -> None:
    # The whole engine, rule by rule on one Document: reading morphemes (Sudachi) doubles the check of a
    # 1,000-character notice, so a rule must look for its cheap signs first (5543262, ca444a3).
    doc = Document(text)
    context = ctx()
    for code, rule in REGISTRY.items():
        opts = context.options_for(code)
        if opts is not None:
            list(rule.func(doc, context, opts))
        assert "tokens" not in doc.__dict__, code


# Constructs the 26 guarded patterns do not all use yet, each with the characters that tell a wrong guard
# from a right one: case folding beyond ASCII (「K」 the Kelvin sign and 「ſ」 match k and s under (?i)), digits
# and letters of other scripts (「１」「٣」 are \d), zero-width items before the first character (a lookbehind,
# \b, ^), and items whose first character cannot be told (a negated literal, a back-reference, a
# conditional group), which must leave the pattern as it is.
_CONSTRUCTS = [
    r"(?i)[a-z]+", r"(?i)k|s", r"(?i)(?:x|y)?[j-l]", r"\d+", r"(?a)\d+", r"\w+年", r"\s+x",
    r"(?<=a)b|c", r"(?<!a)\bk", r"(?m)^a|b", r"(?:(?=a)|b)c", r"a++b", r"(?>a|b)c", r"(?:a|)*+k",
    r"[^a]b", r"(a)\1", r"(a)?(?(1)b|c)", r"\b", r"(?i)(?-i:k)s", r"(?i:k)s", r"(?s).k",
]
_TELLING = "akbcsKſkS1１٣x年 \n"


@pytest.mark.parametrize("pattern", _CONSTRUCTS)
def test_the_guard_of_each_construct_finds_what_the_pattern_finds(pattern: str) -> None:
    original = re.compile(pattern)
    guarded = guard(original)
    texts = [""] + list(_TELLING)
    texts += [a + b for a in _TELLING for b in _TELLING]
    texts += [a + b + c for a in "akKſ1٣ " for b in _TELLING for c in "bsk年x"]
    for text in texts:
        assert _found(guarded, text) == _found(original, text), (pattern, text)
        for pos in range(len(text) + 1):
            got, want = guarded.match(text, pos), original.match(text, pos)
            assert (got and got.span()) == (want and want.span()), (pattern, text, pos)
