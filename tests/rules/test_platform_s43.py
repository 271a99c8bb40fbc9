"""Hashtag rules, session 43's red team: a number tag that is no phone code, and a sentence run on after an approved
hiragana tag."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# 「番」 going on into a word makes a tag meant (「#2024番勝負」 is a contest's name): it was told to be a phone code like
# #7119 and to put a space after 「#2024」.
@pytest.mark.parametrize("text", ["#2024番勝負 開催中！", "#1000番組 記念放送", "#5000番台の車両が走ります"])
def test_a_number_tag_going_on_into_a_word_is_no_phone_code(text: str) -> None:
    assert not [f for f in findings_of("platform.hashtags", text, platform="x") if "電話番号" in f.message]


@pytest.mark.parametrize("text", ["夜間は（#8000番）へ", "#7119番へお電話ください", "#7119番通報をためらわずに", "#8000番に電話"])
def test_a_phone_code_with_ban_still_warns(text: str) -> None:
    assert [f for f in findings_of("platform.hashtags", text, platform="x") if "電話番号" in f.message]


# A known short code followed by what it is (「#9110番相談窓口」): the number to call, not a tag meant; the reading of
# 「番」 going on into a word had silenced it.
@pytest.mark.parametrize("text", ["#9110番相談窓口へ", "#7119番ダイヤルをご利用ください", "子ども医療電話相談（#8000番相談）", "#8008番窓口"])
def test_a_known_short_code_going_on_into_a_word_still_warns(text: str) -> None:
    assert [f for f in findings_of("platform.hashtags", text, platform="x") if "電話番号" in f.message]


_HIRAGANA_LISTED = ("じょうえつ", "上越市")


# A sentence run on after the approved 「#じょうえつ」 with a greeting, the copula or two particles: the writer meant the
# approved tag, and is told to put a space after it (with the fix), not only that the tag is unknown.
@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("#じょうえつにようこそ", "#じょうえつ にようこそ"),
        ("#じょうえつです！冬の高田城址公園", "#じょうえつ です"),
        ("#じょうえつにも雪が降りました", "#じょうえつ にも雪が降りました"),
        ("#じょうえつでも紅葉が見頃です", "#じょうえつ でも紅葉が見頃です"),
    ],
)
def test_a_sentence_after_an_approved_hiragana_tag_gets_the_spacing_fix(text: str, fixed: str) -> None:
    [f] = findings_of("platform.hashtag_unlisted", text, platform="instagram", hashtags_allowed=_HIRAGANA_LISTED)
    assert "空白を入れてください" in f.message and f.suggestion == fixed


@pytest.mark.parametrize("text", ["#じょうえつまつり", "#じょうえつにんじん", "#じょうえつはなび", "#じょうえつともだち"])
def test_a_name_going_on_after_an_approved_hiragana_tag_is_another_tag(text: str) -> None:
    [f] = findings_of("platform.hashtag_unlisted", text, platform="instagram", hashtags_allowed=_HIRAGANA_LISTED)
    assert "一覧への追加を相談" in f.message and f.suggestion is None
