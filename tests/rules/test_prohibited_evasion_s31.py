"""Insults typed to slip past the word lists: a sound drawn out after the word (「バカー」「ばかぁ」),
a half-width kana with a combining voiced mark (「ﾊ゙カ」), a Greek letter drawn like a Latin one
(「fυck」), a masked 死ね after 「お前なんか」, and romaji (「kimoi」). Offsets point into the draft."""

from __future__ import annotations

import pytest

from bot.rules.text import _LOOKALIKE_IN_LATIN, _SMALL_VOWEL_DRAWN_OUT, Document
from tests.conftest import assert_stays_linear
from tests.rules.conftest import codes, findings_of


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("お前はバカーだ", "バカ"),
        ("お前はバカーーー！", "バカ"),
        ("あいつはアホーだ", "アホ"),
        ("お前はばかぁ", "ばか"),
        ("お前はばかぁぁぁ！", "ばか"),
        ("キモいぃぃ", "キモい"),
        ("お前はﾊﾞｶｰ", "ﾊﾞｶｰ"),
        ("お前はﾊ\u3099カだ", "ﾊ\u3099カ"),
        ("fυck you", "fυck"),
        ("お前なんか〇ね", "〇ね"),
        ("あいつなんて〇ね", "〇ね"),
        ("お前なんかしね", "しね"),
        ("あいつはしね。", "しね"),
        ("市長はシネ！", "シネ"),
        ("お前なんかし\u200bね", "し\u200bね"),
        ("市長はkimoi", "kimoi"),
        ("Kimoi!", "Kimoi"),
    ],
)
def test_an_evasive_spelling_fires_at_the_word_as_written(text: str, word: str) -> None:
    [f] = findings_of("prohibited.insult", text)
    assert text[f.start : f.end] == word


@pytest.mark.parametrize(
    "text",
    [
        "サーバーの点検のお知らせです。",
        "パーティーを開きます。カフェもあります。",
        "ファーストフードの試食会です。",
        "今日はカーニバルです。ばかりでなく、お祭りもあります。",
        "ぶかぁ、と鳴くカエル",  # not an entry once drawn out
        "お客様なんか、ね、楽しそうでした。",
        "タヒチの写真展を開催します。",
        "〇日（〇）〇時から",
        "よしね、と笑う子どもたち",
        "よしね。",
        "雨も降りそうですしね。",
        "今日はいい天気だしね",
        "田中さんはしね、昔から優しい人です。",
        "「死ね」「キモい」は、相手の心を深く傷つけます。",
        "Go to the kimono exhibition.",
        "かぁさんと一緒に参加しよう。ファミリー向けのウォーキングです。",
        "ティーパーティーぃ！",
        "Ευχαριστώ για την επίσκεψη",  # Greek words stay Greek
        "ｶﾞｲﾄﾞﾌﾞｯｸを配布します。",
    ],
)
def test_ordinary_posts_stay_clean(text: str) -> None:
    assert "prohibited.insult" not in codes(text)


@pytest.mark.parametrize("shape", ["α", "υ"])
def test_lookalike_letters_in_a_long_paste_stay_linear(shape: str) -> None:
    # A long run of Greek letters with no Latin letter after it took 10 s at 20,000 characters.
    assert_stays_linear(lambda t: _LOOKALIKE_IN_LATIN.sub("", t), shape, repeat_fast=True)


# A foreign surname in katakana that is an entry with 「ー」 after it: Ferrer is 「フェラー」.
@pytest.mark.parametrize(
    "text",
    [
        "ボブ・フェラー投手の記念展示を行います。",
        "フェラー氏による講演会を開催します。",
        "メル・フェラー主演の映画上映会です。",
        "フェラーさんの講演会です。",
    ],
)
def test_a_foreign_name_ending_in_a_long_sound_is_no_drawn_out_entry(text: str) -> None:
    assert "prohibited.obscene" not in codes(text)


def test_a_long_run_of_small_vowels_stays_linear() -> None:
    # 「か」, a long paste of 「ぁ」, 「か」: the run was tried again from each small vowel (20 s at 40,000).
    assert_stays_linear(lambda t: list(_SMALL_VOWEL_DRAWN_OUT.finditer("か" + t + "か")), "ぁ")


# Hiragana drawn out with 「ー」: Sudachi cuts 「ばかー」 as バ/カー, so only the reading without the 「ー」 finds it.
@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("お前はばかーだ", "ばか"),
        ("お前はあほーだ", "あほ"),
        ("お前はくそーだ", "くそ"),
        ("お前はばかーーー！", "ばか"),
        ("あいつはあほー", "あほ"),
    ],
)
def test_a_hiragana_insult_drawn_out_with_a_long_mark_fires(text: str, word: str) -> None:
    [f] = findings_of("prohibited.insult", text)
    assert text[f.start : f.end] == word


@pytest.mark.parametrize(
    "text",
    [
        "すごーい！たくさんのご来場ありがとー！",
        "おはよー、みんなー",
        "かわいーね",
        "いきまーす",
        "ばかーん、と花火が上がります。",  # ー inside the word: 「ばかん」 is read as ばか
        "そーだね、でしょーね",
        "ぼくそーだよ",
        "よーし、がんばろー",
        "らーめん祭りを開催します。",
        "おかーさんと一緒に参加してね。",
        "ちくしょー！",
    ],
)
def test_hiragana_drawn_out_in_ordinary_words_stays_clean(text: str) -> None:
    assert "prohibited.insult" not in codes(text)


def test_hiragana_drawn_out_in_a_long_paste_stays_linear() -> None:
    # The reading the word lists use, where the 「ー」 is dropped: a paste of drawn-out words is one pass.
    assert_stays_linear(lambda t: Document(t).as_read, "ばかーだ")
