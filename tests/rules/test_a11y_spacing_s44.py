"""Red team of a11y.spaced_word and a11y.machine_dependent (s44): lists of one-letter items that must pass, and the
spaced or dotted words and vulgar fractions that must not.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.rules.a11y import spaced_word
from bot.rules.model import CheckContext, RuleOptions
from bot.rules.text import Document
from tests.conftest import assert_stays_linear
from tests.rules.conftest import JST, findings_of

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=JST)


# The fractions of Latin-1 (「½」「¼」「¾」) are the same compatibility characters as 「⅓」 of Number Forms, outside
# JIS X 0208 and read by screen readers as a symbol's name or not at all; only the Number Forms ones were caught.
@pytest.mark.parametrize(("text", "excerpt", "suggestion"), [
    ("ごみ袋は½サイズもあります", "½", "1/2"),
    ("定員の¼を市民枠とします", "¼", "1/4"),
    ("砂糖¾カップ", "¾", "3/4"),
])
def test_latin_vulgar_fractions_are_machine_dependent(text: str, excerpt: str, suggestion: str) -> None:
    [found] = findings_of("a11y.machine_dependent", text, now=NOW)
    assert (found.excerpt, found.suggestion) == (excerpt, suggestion)


@pytest.mark.parametrize("text", [
    "髙田の𠮷田さん、気温は25℃です😀",
    "Café・naïve・Zürich のような文字はそのままです",
    "価格は¥1,000（税込）、送料©2026",
])
def test_other_latin1_letters_and_signs_stay_silent(text: str) -> None:
    assert findings_of("a11y.machine_dependent", text, now=NOW) == [], text


# After a whole number the fraction's replacement alone would make another number: 「1½時間」 is not 「11/2時間」.
@pytest.mark.parametrize(("text", "excerpt", "suggestion"), [
    ("所要時間は約1½時間です", "1½", "1と1/2"),
    ("12¾インチ", "12¾", "12と3/4"),
    ("小麦粉2⅓カップ", "2⅓", "2と1/3"),
])
def test_a_fraction_after_a_whole_number_is_replaced_with_both(text: str, excerpt: str, suggestion: str) -> None:
    [found] = findings_of("a11y.machine_dependent", text, now=NOW)
    assert (found.excerpt, found.suggestion) == (excerpt, suggestion)
    assert f"「{suggestion}」" in found.message


# A list of one-letter items set apart by spaces (grades, sizes, seasons, directions, choices) is read item by item as it
# should be; joined (「上中下」「松竹梅」) it is no better. Only the days of the week were told apart.
@pytest.mark.parametrize("text", [
    "上 中 下 の3段階で評価します",
    "松 竹 梅 コースからお選びください",
    "大 中 小 の3サイズ",
    "春 夏 秋 冬 それぞれの魅力",
    "東 西 南 北 各地区の避難所",
    "金 銀 銅 メダルを獲得",
    "小 中 高 校生の皆さん",
    "朝 昼 晩 の3回服用",
    "選択肢：ア イ ウ エ",
    "回答欄：あ い う",
    "特 上 並 の3種類",
    "甲 乙 丙 の順",
])
def test_one_letter_items_listed_with_spaces_are_not_a_spaced_word(text: str) -> None:
    assert findings_of("a11y.spaced_word", text, now=NOW) == [], text


@pytest.mark.parametrize(("text", "excerpt"), [
    # A word among the items' letters, or items of two lists, is still letters spaced out.
    ("大 中 小 学 校", "大 中 小 学 校"),
    ("東 北 大 学", "東 北 大 学"),
    ("前 後 左 右 上 越", "前 後 左 右 上 越"),
    ("上 越 市", "上 越 市"),
    ("中 高 年", "中 高 年"),
    ("ア イ ス", "ア イ ス"),
    ("イ ベ ン ト", "イ ベ ン ト"),
])
def test_a_word_among_list_letters_still_fires(text: str, excerpt: str) -> None:
    assert [f.excerpt for f in findings_of("a11y.spaced_word", text, now=NOW)] == [excerpt], text


# Latin letters spaced out (「S A L E」「O P E N」) are read letter by letter, 「エス、エー、エル、イー」, not as the word;
# only Japanese letters were looked at. Sizes, lettered choices and initialisms are read letter by letter anyway.
@pytest.mark.parametrize(("text", "excerpt"), [
    ("S A L E 開催中", "S A L E"),
    ("【N E W S】", "N E W S"),
    ("O P E N しました", "O P E N"),
    ("J O E T S U", "J O E T S U"),
    ("F R E E Wi-Fi", "F R E E"),
    ("本日 N E W オープン", "N E W"),
    ("Ｓ Ａ Ｌ Ｅ", "Ｓ Ａ Ｌ Ｅ"),
    ("s a l e", "s a l e"),
])
def test_spaced_latin_letters_fire(text: str, excerpt: str) -> None:
    found = findings_of("a11y.spaced_word", text, now=NOW)
    assert [f.excerpt for f in found] == [excerpt], text
    assert found[0].suggestion == excerpt.replace(" ", "")


@pytest.mark.parametrize("text", [
    "サイズ：S M L",
    "サイズは S M L XL の4種類です",
    "A B C の3コースから選べます",
    "評価 A B C D E の5段階",
    "x y z 軸",
    "J R 高田駅",
    "U S A",
    "A E D の設置場所",
    "ビタミン A C E",
    "N P O 法人",
    "I love Joetsu",
    "Press A or B",
    "Plan A is better",
    "Vitamin D a day",
])
def test_sizes_choices_and_initialisms_spaced_stay_silent(text: str) -> None:
    assert findings_of("a11y.spaced_word", text, now=NOW) == [], text


# Letters set apart by middle dots (「お・知・ら・せ」) are read with a pause after each, as spaced ones are; only spaces
# were looked at. Dots between kanji are a list (「市・町・村」「土・日・祝」), and so are lettered choices (「ア・イ・ウ」).
@pytest.mark.parametrize(("text", "excerpt", "suggestion"), [
    ("お・知・ら・せ", "お・知・ら・せ", "お知らせ"),
    ("【お・知・ら・せ】", "お・知・ら・せ", "お知らせ"),
    ("【セ・ー・ル】開催中", "セ・ー・ル", "セール"),
    ("あ・り・が・と・う", "あ・り・が・と・う", "ありがとう"),
    ("ご・案・内", "ご・案・内", "ご案内"),
    ("カ・リ・ス・マ美容師の講座", "カ・リ・ス・マ", "カリスマ"),
    ("イ･ベ･ン･ト", "イ･ベ･ン･ト", "イベント"),
])
def test_letters_set_apart_by_middle_dots_fire(text: str, excerpt: str, suggestion: str) -> None:
    found = findings_of("a11y.spaced_word", text, now=NOW)
    assert [(f.excerpt, f.suggestion) for f in found] == [(excerpt, suggestion)], text


@pytest.mark.parametrize("text", [
    "市・町・村 の担当者",
    "国・県・市 の補助制度",
    "土・日・祝 は休み",
    "月・水・金 に収集",
    "上・中・下 巻",
    "ア・イ・ウ から選んでください",
    "い・ろ・は 順",
    "A・B・C 棟",
    "ビタミンA・C・E",
    "ア・ラ・カルト",
    "ア・ラ・モード",
    "ジョン・F・ケネディ",
    "ド・レ・ミ・ファ",
    "衣・食・住",
    "小・中学生",
])
def test_dotted_lists_stay_silent(text: str) -> None:
    assert findings_of("a11y.spaced_word", text, now=NOW) == [], text


@pytest.mark.parametrize("shape", ["S A L E ", "S ", "s a ", "Ｓ Ａ ", "お・知・ら・せ ", "カ・リ・ス・マ美", "・", "あ・",
                                   "上 中 下 の ", "ア イ ウ "])
def test_spaced_and_dotted_letters_are_scanned_in_linear_time(shape: str) -> None:
    ctx = CheckContext(platform="x", now=NOW)

    def scan(text: str) -> object:
        return sum(1 for _ in spaced_word(Document(text), ctx, RuleOptions()))

    assert_stays_linear(scan, shape)


# Lists a city's posts set out letter by letter that were told to join their letters: ranks with 「S」 above 「A」, the
# notes of a scale or a chord (a music class, a concert), and the slogans taught a letter a word (防災・防犯・食育).
# Read one by one is what they mean.
@pytest.mark.parametrize("text", [
    "評価は S A B C の4段階です",
    "ランク：S A B C D",
    "C D E F G A B の音階を弾きます",
    "G A B C D",
    "ド レ ミ の音を鳴らします",
    "「ド・レ・ミ」で歌いましょう",
    "和音「ド・ミ・ソ」",
    "避難の約束「お・か・し・も」を守りましょう",
    "【お・は・し・も】",
    "お は し も を守ろう",
    "防犯標語「い・か・の・お・す・し」",
    "食事は「ま・ご・わ・や・さ・し・い」を意識して",
])
def test_ranks_scales_and_slogans_letter_by_letter_stay_silent(text: str) -> None:
    assert findings_of("a11y.spaced_word", text, now=NOW) == [], text


@pytest.mark.parametrize(("text", "excerpt"), [
    # A word from the same letters is still a spaced word.
    ("S A L A D バー", "S A L A D"),
    ("B A D", "B A D"),
    ("C A F E オープン", "C A F E"),
    ("【ド・レ・ス】", "ド・レ・ス"),
    ("ミ・シ・ン", "ミ・シ・ン"),
    ("お・か・し", "お・か・し"),
])
def test_words_of_rank_note_or_slogan_letters_still_fire(text: str, excerpt: str) -> None:
    assert [f.excerpt for f in findings_of("a11y.spaced_word", text, now=NOW)] == [excerpt], text


# Initialisms with a word's vowels (「D I Y」「S O S」「P D C A」) are read letter by letter spaced or not: spacing them loses
# nothing, and the warning was a false alarm on them. Those read as a word (「U N E S C O」「F A X」「T E L」) still lose it.
@pytest.mark.parametrize("text", ["D I Y 講座を開きます", "J A L の機内誌", "S O S を出して", "P D C A サイクル", "F A Q", "L E D 照明"])
def test_spaced_initialisms_are_silent(text: str) -> None:
    assert not findings_of("a11y.spaced_word", text)


@pytest.mark.parametrize("text", ["U N E S C O 世界遺産", "F A X でお送りください", "T E L 025-000-0000"])
def test_spaced_initialisms_read_as_a_word_still_warn(text: str) -> None:
    assert findings_of("a11y.spaced_word", text)
