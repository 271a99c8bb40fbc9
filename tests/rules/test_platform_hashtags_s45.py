"""platform.hashtags, session 45's red team: a short code not on the list, before 「番」 and a word for a line to call."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# Prefectures and services run short codes of their own that no list keeps: 「#7777番相談」 was read as a tag meant, as
# 「#2024番勝負」 is, and the number went out as a hashtag no one can call.
@pytest.mark.parametrize("platform", ["x", "instagram", "facebook"])
@pytest.mark.parametrize(
    "text",
    [
        "#7777番相談",
        "お困りの際は #7777番相談窓口へ",
        "県の夜間相談 #7400番ダイヤル をご利用ください",
        "消費者相談は #7777番電話相談 へ",
        "#8020番窓口",
    ],
)
def test_an_unlisted_short_code_before_a_line_to_call_is_told(text: str, platform: str) -> None:
    assert findings_of("platform.hashtags", text, platform=platform), text


# 「番」 going on into another word is still a tag meant, and LINE links no tags.
@pytest.mark.parametrize(
    "text", ["#7777番勝負", "#9000番台の車両", "#2024番勝負", "#100番目のお客様", "急な病気やけがで迷ったら #7119 へ電話を"]
)
def test_a_number_going_on_into_another_word_is_still_silent(text: str) -> None:
    assert not findings_of("platform.hashtags", text), text


def test_line_links_no_tags() -> None:
    assert not findings_of("platform.hashtags", "お困りの際は #7777番相談窓口へ", platform="line")
