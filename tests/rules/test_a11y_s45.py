"""Red team of a11y.spaced_word (s45): lists of one-kanji items a city's posts space out, and a katakana word set
apart letter by letter with 「・」 inside a longer run of text."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.rules.a11y import spaced_word
from bot.rules.model import CheckContext, RuleOptions
from bot.rules.text import Document
from tests.conftest import assert_stays_linear
from tests.rules.conftest import JST, findings_of


# Each letter an item, read one by one as it should be: the Self-Defense Forces' three services, the school subjects,
# the partners of a regional plan, the school's aims and the levels of a course were told to close their gaps.
@pytest.mark.parametrize("text", [
    "陸 海 空 自衛隊の合同演奏会を開催します",
    "自衛隊（陸 海 空）の装備品を展示します",
    "期末テスト対策講座（国 数 英）の受講者を募集します",
    "中学生向け学習会：5教科（国 数 英 理 社）",
    "産 官 学 金 労 言の連携による地方創生フォーラム",
    "知 徳 体 の調和のとれた子どもの育成",
    "初 中 上 の3つのコースがあります",
])
def test_a_list_of_one_kanji_items_spaced_out_is_silent(text: str) -> None:
    assert findings_of("a11y.spaced_word", text) == [], text


@pytest.mark.parametrize(("text", "run"), [
    # The words are still words: a letter from outside the list, or all of them from outside any.
    ("職員 募 集 中！", "募 集 中"),
    ("【開 催 決 定】", "開 催 決 定"),
    ("陸 海 空 港", "陸 海 空 港"),
    ("国 数 英 語 教室", "国 数 英 語"),
    ("産 学 官 民 連携", "産 学 官 民"),
])
def test_a_spaced_word_among_those_letters_still_fires(text: str, run: str) -> None:
    found = findings_of("a11y.spaced_word", text)
    assert [text[f.start : f.end] for f in found] == [run], text


# A katakana word dotted letter by letter then the rest of its phrase in kanji or hiragana (「セ・ー・ル開催中」
# 「冬のセ・ー・ル」「カ・フ・ェ営業中」) got nothing: three dotted letters had to stand alone, as 「ア・ラ・カルト」's are
# words; the end of the katakana is where the word ends.
@pytest.mark.parametrize(("text", "run", "fixed"), [
    ("セ・ー・ル開催中", "セ・ー・ル", "セール"),
    ("冬のセ・ー・ル開催中！", "セ・ー・ル", "セール"),
    ("駅前でフ・ェ・ス開催", "フ・ェ・ス", "フェス"),
    ("カ・フ・ェ営業中", "カ・フ・ェ", "カフェ"),
    ("バ・ザ・ーを開催します", "バ・ザ・ー", "バザー"),
    ("大・セ・ー・ル", "大・セ・ー・ル", "大セール"),
    ("春のイ・ベ・ン・ト情報", "イ・ベ・ン・ト", "イベント"),
])
def test_a_dotted_katakana_word_before_other_letters_fires(text: str, run: str, fixed: str) -> None:
    [found] = findings_of("a11y.spaced_word", text)
    assert text[found.start : found.end] == run
    assert found.suggestion == fixed


@pytest.mark.parametrize("text", [
    # Words apart, a name's parts, the scale and choices in order stay silent.
    "ア・ラ・カルトメニューをご用意しました",
    "ア・ラ・モードなスイーツ",
    "レオナルド・ダ・ヴィンチ展を開催します",
    "ジョン・F・ケネディ",
    "音楽の授業でド・レ・ミを歌いました",
    "正しいものをア・イ・ウから選んでください",
    "防災のお・か・し・もを守りましょう",
    "市・町・村の担当者会議",
])
def test_dotted_letters_that_are_no_word_stay_silent(text: str) -> None:
    assert findings_of("a11y.spaced_word", text) == [], text


# The disaster drill's and the crime-prevention class's slogans written in katakana, as posters often do, were told
# to lose their dots, though 「お・は・し・も」 in hiragana was silent.
@pytest.mark.parametrize("text", [
    "避難の約束「オ・ハ・シ・モ」を守りましょう",
    "オ・カ・シ・モを守って避難",
    "防犯標語「イ・カ・ノ・オ・ス・シ」を覚えよう",
    "イ カ ノ オ ス シ を合言葉に",
    "食育の「マ・ゴ・ワ・ヤ・サ・シ・イ」",
])
def test_a_slogan_in_katakana_is_silent_as_in_hiragana(text: str) -> None:
    assert findings_of("a11y.spaced_word", text) == [], text


def test_a_katakana_word_that_is_no_slogan_still_fires() -> None:
    [found] = findings_of("a11y.spaced_word", "避難の「オ・ハ・ナ・シ」会")
    assert found.suggestion == "オハナシ"


# The circled numbers past 20 (㉑–㊿, in another Unicode block) were suggested bare, 「21」, under 「(20)」 for ⑳ in the
# same numbered list: a list's number is bracketed whatever its size.
@pytest.mark.parametrize(("text", "fixed"), [
    ("⑳受付 ㉑検温", ["(20)", "(21)"]),
    ("㉟番窓口", ["(35)"]),
    ("㊿", ["(50)"]),
])
def test_circled_numbers_past_twenty_are_bracketed_as_the_first_twenty(text: str, fixed: list[str]) -> None:
    assert [f.suggestion for f in findings_of("a11y.machine_dependent", text)] == fixed


# Kanji alone dotted apart were all taken for a list (「市・町・村」), so a word so decorated went out unflagged
# (「【募・集・中】」「受・付・中です」「開・催・決・定！」「入・場・無・料」), read 「ぼ、しゅう、ちゅう」: an act's word
# (募集・受付・開催 …) with 「中」 after it, or two words of two letters or more one of which is such an act, are words.
@pytest.mark.parametrize(("text", "run", "fixed"), [
    ("【募・集・中】", "募・集・中", "募集中"),
    ("ボランティア募・集・中です！", "募・集・中", "募集中"),
    ("ただいま受・付・中", "受・付・中", "受付中"),
    ("開・催・決・定！", "開・催・決・定", "開催決定"),
    ("入・場・無・料でご覧いただけます", "入・場・無・料", "入場無料"),
])
def test_a_dotted_kanji_word_fires(text: str, run: str, fixed: str) -> None:
    [found] = findings_of("a11y.spaced_word", text)
    assert text[found.start : found.end] == run
    assert found.suggestion == fixed


@pytest.mark.parametrize("text", [
    # Lists of one-kanji items, and a word that is one itself (市町村, 陸海空), stay silent.
    "市・町・村の担当者会議",
    "県・市・町の連携",
    "日・米・中の首脳",
    "幼・小・中の連携",
    "陸・海・空の自衛隊",
    "和・洋・中のお弁当",
    "土・日・祝は休館です",
    "春・夏・秋・冬の風景",
    "国・県・市の補助金",
])
def test_dotted_kanji_items_stay_silent(text: str) -> None:
    assert findings_of("a11y.spaced_word", text) == [], text


# Review: each katakana run was tested against every dotted run found before it, so a paste of dotted katakana words
# took time growing with the square of its length (「セ・ー・ル 」 repeated: 3 s for 40,000 letters, 14 times the 10,000
# run's). The new runs' shapes, repeated, must stay linear.
@pytest.mark.parametrize("shape", ["セ・ー・ル ", "冬のセ・ー・ル開催中！", "募・集・中 ", "開・催・決・定 ", "市・町・村 "])
def test_dotted_runs_are_scanned_in_linear_time(shape: str) -> None:
    ctx = CheckContext(platform="x", now=datetime(2026, 12, 7, 10, 0, tzinfo=JST))

    def scan(text: str) -> object:
        return sum(1 for _ in spaced_word(Document(text), ctx, RuleOptions()))

    assert_stays_linear(scan, shape)
