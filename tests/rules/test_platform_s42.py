"""Platform rules, session 42's red team: X's count of emoji, hashtags on X and Instagram."""

from __future__ import annotations

import random
import re
from importlib import resources

import pytest

from bot.rules.platform import x_weighted_length
from bot.rules.prefilter import first_class
from bot.rules.x_emoji import START_CLASS, X_EMOJI, from_utf16, x_emoji_spans
from tests.rules.conftest import codes, findings_of


# What twitter-text 3.1.0's parseTweet gives (weightedLength), checked with the npm package: it counts 2 the emoji of
# twemoji-parser 11.0.2's pattern and nothing else. A symbol that is text by default (「★」「♪」「⏩」) does not become
# one with U+FE0F: the symbol and the U+FE0F, an emoji of its own to the pattern, count 2 each. Sequences newer than
# the pattern (「🧑‍🎄」, Emoji 13.0) count as their parts. kessai read them all as one emoji of 2 (bot/rules/emoji.py's
# approximation of UTS #51), so a draft over X's 280 by up to 2 a symbol passed, and X refused it.
@pytest.mark.parametrize(
    ("text", "weight"),
    [
        ("★️", 4),
        ("♪️", 4),
        ("☆️", 4),
        ("♡️", 4),
        ("⏩️", 4),
        ("⚧️", 4),
        ("🧑‍🎄", 5),
        ("🏃‍♀️‍➡️", 5),
        ("🧑🏻‍🤝‍🧑🏿", 8),
        ("🇦🇧", 4),
        # Emoji the pattern knows stay 2, whatever their parts
        ("❤️", 2),
        ("☀️", 2),
        ("©️", 2),
        ("©", 1),
        ("1️⃣", 2),
        ("🇯🇵", 2),
        ("👨‍👩‍👧‍👦", 2),
        ("✌🏻", 2),
        ("🏳️‍🌈", 2),
    ],
)
def test_x_counts_emoji_as_twitter_text_does(text: str, weight: int) -> None:
    assert x_weighted_length(text)[0] == weight


@pytest.mark.parametrize("tail", ["★️", "♪️", "🧑‍🎄"])
def test_a_draft_over_280_by_a_text_symbol_with_fe0f_is_stopped(tail: str) -> None:
    text = "お知らせ" * 34 + "です。" + tail  # 278 + 4 or 5
    assert "platform.length" in codes(text, platform="x")


def test_a_draft_of_280_with_an_emoji_the_pattern_knows_still_passes() -> None:
    assert "platform.length" not in codes("お知らせ" * 34 + "です。" + "❤️", platform="x")  # 278 + 2


def test_the_bundled_pattern_carries_its_mit_copyright_and_permission_notice() -> None:
    """MIT lets the pattern be copied only with 「the above copyright notice and this permission notice」 in the copy:
    the file had a one-line 「Copyright Twitter Inc., MIT licence」 and a link, not the notice."""
    text = resources.files("bot.rules.data").joinpath("twemoji_regex.txt").read_text(encoding="utf-8")
    header = " ".join(ln.lstrip("# ") for ln in text.splitlines() if ln.startswith("#"))
    assert "Copyright (c) 2018 Twitter, Inc." in header
    assert "Permission is hereby granted, free of charge, to any person obtaining a copy" in header
    assert "The above copyright notice and this permission notice shall be included in" in header
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in header


def test_a_pattern_over_utf16_code_units_is_read_over_code_points() -> None:
    assert from_utf16(r"\ud83c[\udffb-\udfff]|\ud83d\udc4d|[\u2600]") == r"[\U0001f3fb-\U0001f3ff]|\U0001f44d|[\u2600]"


def test_the_emoji_are_looked_for_where_the_pattern_can_start() -> None:
    """x_emoji_spans tries the pattern only in START_CLASS (and at a keycap's digit): every character a match can start
    with is in it, and it finds what a search with the pattern everywhere finds."""
    first = re.compile(first_class(X_EMOJI) or "")
    start = re.compile(START_CLASS)
    assert first.pattern
    assert [
        c for c in range(0x110000)
        if not 0xD800 <= c <= 0xDFFF and first.match(chr(c)) and not start.match(chr(c)) and chr(c) not in "#*0123456789"
    ] == []
    rng = random.Random(42)
    pool = [chr(c) for c in [*range(0x20, 0x80), *range(0x2000, 0x3300), *range(0x1F000, 0x1FB00)]]
    pool += ["\ufe0f", "\u200d", "\u20e3", "\U0001f3fb", "\ufe0e", "\U000e0067", "\U000e007f", "あ"] * 50
    for _ in range(5000):
        s = "".join(rng.choice(pool) for _ in range(rng.randint(1, 12)))
        assert list(x_emoji_spans(s)) == [m.span() for m in X_EMOJI.finditer(s)], repr(s)

# A phone short code said with 「番」 (「#8000番」, as 110番 is said): twitter-text makes 「#8000番」 a hashtag, which X
# links to a search of others' posts. It was not told, the number read as a tag only with hiragana after it.
@pytest.mark.parametrize("text", ["子ども医療電話相談（#8000番）", "夜間の急病は #7119番 へ", "#8000番へお電話ください"])
def test_a_phone_short_code_with_ban_after_it_is_told_to_be_a_hashtag(text: str) -> None:
    [found] = findings_of("platform.hashtags", text, platform="x")
    assert "ハッシュタグになります" in found.message


@pytest.mark.parametrize("text", ["#1000番目の来場者 を迎えました", "#2025番組表"])
def test_a_number_before_another_word_with_ban_is_no_phone_code(text: str) -> None:
    assert [f for f in findings_of("platform.hashtags", text, platform="x") if "電話番号" in f.message] == []


# An approved tag that ends in hiragana (「じょうえつ」): hiragana going on after it is as likely a name
# (「#じょうえつまつり」) as a sentence. It was told to put a space after 「#じょうえつ」, a wrong fix
# (「#じょうえつ まつり」) for the festival's own tag.
def test_an_approved_tag_in_hiragana_going_on_in_a_name_gets_no_space_suggested() -> None:
    [found] = findings_of("platform.hashtag_unlisted", "紅葉 #じょうえつまつり", platform="instagram",
                          hashtags_allowed=("じょうえつ",))
    assert found.suggestion is None and "一覧への追加を相談" in found.message


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("紅葉 #じょうえつの紅葉", "#じょうえつ の紅葉"),
        ("#じょうえつで検索してね", "#じょうえつ で検索してね"),
        ("#じょうえつへようこそ", "#じょうえつ へようこそ"),
    ],
)
def test_an_approved_tag_in_hiragana_before_a_particle_still_gets_the_space(text: str, suggestion: str) -> None:
    [found] = findings_of("platform.hashtag_unlisted", text, platform="instagram", hashtags_allowed=("じょうえつ",))
    assert found.suggestion == suggestion


def test_an_approved_tag_in_kanji_before_hiragana_still_gets_the_space() -> None:
    [found] = findings_of("platform.hashtag_unlisted", "#上越市の紅葉が見頃", platform="instagram",
                          hashtags_allowed=("上越市",))
    assert found.suggestion == "#上越市 の紅葉が見頃"


# Phone short codes side by side, each said with 「番」: twitter-text links none of 「#8000番・#7119番」「#7119番と#8000番」, as
# none of 「#7119・#8000」, and the writer meant no tags. The second was told it is no hashtag and to put a space
# before its 「#」, a fix that makes both tags.
@pytest.mark.parametrize(
    "text",
    [
        "#8000番・#7119番",
        "夜間の急病は #7119番と#8000番 へ",
        "#7119番または#8000番をご利用ください",
    ],
)
def test_phone_short_codes_with_ban_side_by_side_get_no_space_suggested(text: str) -> None:
    assert findings_of("platform.hashtags", text, platform="x") == []


def test_a_phone_short_code_with_ban_glued_after_a_tag_is_still_told() -> None:
    [found] = findings_of("platform.hashtags", "#上越市#8000番", platform="x")
    assert "空白がない" in found.message
