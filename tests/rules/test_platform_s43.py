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
