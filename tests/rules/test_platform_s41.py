"""Hashtags as X and Instagram read them, and what platform.hashtag_unlisted tells the writer (session 41).

Checked against twitter-text 3.1.0 (the JavaScript library X publishes): extractHashtags("##上越") is
["上越"], a 「#」 right after another starts a hashtag.
"""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of

APPROVED = {"platform": "instagram", "hashtags_allowed": ("上越市", "joetsu", "ジョウエツシ", "高田城址公園")}


@pytest.mark.parametrize("text", ["紅葉 ##映え", "紅葉 ＃＃映え", "紅葉 #＃映え", "紅葉 ###映え"])
def test_a_tag_after_a_doubled_hash_is_checked_against_the_list(text: str) -> None:
    """「##映え」 is the hashtag 「#映え」 for X and Instagram: the second 「#」 starts it. It was read as no
    hashtag at all, so an unapproved tag passed with one extra 「#」 before it."""
    [f] = findings_of("platform.hashtag_unlisted", text, **APPROVED)
    assert f.excerpt.endswith("映え") and "#映え は" in f.message


def test_a_tag_after_a_doubled_hash_counts() -> None:
    assert not findings_of("platform.hashtags", "紅葉 #上越市 #紅葉 #秋", platform="x")
    [f] = findings_of("platform.hashtags", "紅葉 #上越市 #紅葉 #秋 ##新潟", platform="x")
    assert "4個" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "紅葉 ##上越市",  # an approved tag typed with one 「#」 too many is the approved tag
        "C#言語 #上越市",  # glued to a word: no hashtag
        "&#12354; &#x3042;",  # character references
        "https://www.city.joetsu.niigata.jp/site/kanko/##top #上越市",
    ],
)
def test_a_doubled_hash_raises_nothing_where_no_unapproved_tag_is(text: str) -> None:
    assert not findings_of("platform.hashtag_unlisted", text, **APPROVED)
