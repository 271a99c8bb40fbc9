"""Red team of a11y.spaced_word (s46): kanji dotted apart, a list of one-letter items or a word spread out."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


def _flagged(text: str) -> list[str]:
    return [text[f.start : f.end] for f in findings_of("a11y.spaced_word", text)]


# 「加・減・乗・除」, the four operations of arithmetic, warned as a word (加減 and 乗除 are acts), and the idioms made of
# one-letter items as well (「喜・怒・哀・楽」「老・若・男・女」 …); each letter is an item, as in 「陸 海 空」, and they are
# silent now.
@pytest.mark.parametrize("text", [
    "算数の加・減・乗・除を復習します",
    "加・減・乗・除の計算ドリルを配布します",
    "加 減 乗 除の計算ドリルを配布します",
    "喜・怒・哀・楽を表現するワークショップ",
    "老・若・男・女どなたでも参加できます",
    "冠・婚・葬・祭のマナー講座",
    "兄・弟・姉・妹で参加できます",
    "市・町・村の担当者会議",
    "都・道・府・県の窓口一覧",
    "陸・海・空の自衛隊が参加します",
    "心・技・体を鍛える剣道教室",
    "国・県・市の補助金を活用します",
    "日・米・中の交流会",
])
def test_one_letter_items_dotted_apart_are_a_list(text: str) -> None:
    assert _flagged(text) == [], text


# 「新・発・売」「謹・賀・新・年」 passed, the dictionary reading each as one word like 「市町村」, while 「開・催・決・定」 warned;
# read 「しん、はつ、ばい」 they lose their word as much. One word whose shortest units hold a word of two letters or more
# (新 and 発売, 謹賀 and 新年) is a word spread out now.
@pytest.mark.parametrize(("text", "spread"), [
    ("【新・発・売】上越産コシヒカリのパックご飯", "新・発・売"),
    ("謹・賀・新・年\n本年もよろしくお願いいたします", "謹・賀・新・年"),
    ("【感・謝・祭】今年も開催します", "感・謝・祭"),
    ("新・登・場！上越市のオリジナルグッズ", "新・登・場"),
    ("臨・時・休・業のお知らせ", "臨・時・休・業"),
    ("年・末・年・始の休館日", "年・末・年・始"),
    ("開・催・決・定！", "開・催・決・定"),
])
def test_one_word_spread_with_dots_warns(text: str, spread: str) -> None:
    assert _flagged(text) == [spread], text


# A heading's bracket with two letters spaced apart (「【重 要】」「【速 報】」, a disaster or correction notice's label)
# passed, only the event's detail words (「【会 場】」) being read there; read 「じゅう、よう」, it loses its word as
# 「お 知 ら せ」 does. One word of the dictionary alone in the bracket warns now; a name, a place or two items do not.
@pytest.mark.parametrize(("text", "spread"), [
    ("【重 要】大雨警報が発表されました", "重 要"),
    ("【速 報】避難所を開設しました", "速 報"),
    ("【注 意】路面凍結", "注 意"),
    ("【訂 正】昨日の投稿について", "訂 正"),
    ("〔重 要〕", "重 要"),
    ("【 緊 急 】", "緊 急"),
])
def test_a_word_spaced_alone_in_a_headings_bracket_warns(text: str, spread: str) -> None:
    assert _flagged(text) == [spread], text


@pytest.mark.parametrize("text", [
    "【林 功】講演会のお知らせ",
    "【佐 藤】",
    "【上 越】",
    "【土 日】開館",
    "【月 金】",
])
def test_a_name_a_place_or_two_items_in_a_headings_bracket_are_silent(text: str) -> None:
    assert _flagged(text) == [], text


# Review (s46): the same heading in the other brackets a post sets its label in (「＜重 要＞」「《速 報》」「[重 要]」) passed,
# read 「じゅう、よう」 all the same; it warns now, and a name, a place or two items in them stay silent.
@pytest.mark.parametrize(("text", "spread"), [
    ("＜重 要＞大雨警報が発表されました", "重 要"),
    ("《速 報》避難所を開設しました", "速 報"),
    ("[重 要]大雨警報", "重 要"),
    ("≪注 意≫路面凍結", "注 意"),
    ("《会 場》市民プラザ", "会 場"),
])
def test_a_word_spaced_alone_in_other_brackets_warns(text: str, spread: str) -> None:
    assert _flagged(text) == [spread], text


@pytest.mark.parametrize("text", ["[林 功]講演会", "《上 越》", "＜土 日＞開館"])
def test_a_name_a_place_or_two_items_in_other_brackets_are_silent(text: str) -> None:
    assert _flagged(text) == [], text
