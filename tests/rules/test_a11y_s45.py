"""Red team of a11y.spaced_word (s45): lists of one-kanji items a city's posts space out."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


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
