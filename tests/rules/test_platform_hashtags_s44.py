"""platform.hashtags, session 44's red team: which numbers after 「#」 are phone codes."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


def _phone_code_told(text: str, platform: str = "x") -> bool:
    return any("電話番号" in f.message for f in findings_of("platform.hashtags", text, platform=platform))


# A short code (着信短縮ダイヤル) is #7000 to #9999: a year or another number with the sentence run on after it was told
# to be a phone number to put a space after (「電話番号の「#2024」なら…」), on the tags people make of a year.
@pytest.mark.parametrize(
    "text", ["#2024を振り返って", "#2025もよろしくお願いします", "#0120へ", "#1234へお電話ください", "#1234番相談 受付中"]
)
def test_a_number_no_short_code_can_be_is_not_told_as_one(text: str) -> None:
    assert not _phone_code_told(text), text


# The short codes still are, and 道路緊急ダイヤル #9910 with what it is (「#9910番窓口」), as the other codes people are
# told to call.
@pytest.mark.parametrize(
    "text",
    ["#7119へ電話を", "#9910へ通報してください", "#9910番通報", "#9910番窓口へ", "#8000番に電話", "#7777へ", "#9110番相談窓口へ"],
)
def test_a_short_code_run_on_is_still_told(text: str) -> None:
    assert _phone_code_told(text), text


# The tag a year makes is still a tag to count, and on Instagram one the account has not approved.
def test_a_year_run_on_is_still_an_unlisted_tag_on_instagram() -> None:
    [f] = findings_of("platform.hashtag_unlisted", "#2024を振り返って", platform="instagram", hashtags_allowed=("上越市",))
    assert "承認済みハッシュタグの一覧にありません" in f.message


# JAF's road service #8139, which a winter road post gives (「立ち往生したら、#8139番ダイヤルへ」), is a code people are told to
# call: with 「番」 and what it is after it, it was read as a tag.
@pytest.mark.parametrize("text", ["立ち往生したら、#8139番ダイヤルへ", "JAFロードサービス（#8139番窓口）"])
def test_jafs_road_service_before_a_word_is_still_a_phone_code(text: str) -> None:
    assert _phone_code_told(text), text
