"""Session 41 red team of press.embargo, quote.third_party, correction.notice and confidential.deliberation: everyday
municipal drafts with the trigger words in another sense, which must stay silent, and the disguised cases that must
still fire (the city's policy of tests/rules/conftest.py CITY_POLICY)."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _codes(text: str, platform: str = "x") -> list[str]:
    return [f.code for f in check(text, ctx(platform=platform, policy=CITY_POLICY))]


# The city's own material guarded, quoting taught, or the city's own post shared by readers: nothing of another's is
# reproduced.
NOT_QUOTED = [
    "本ページの写真の転載を禁止します。",
    "掲載写真の転載・複製を禁じます。",
    "イラストの転載はお控えください。",
    "資料の引用は出典を明記してください。",
    "【図書館】「著作権と引用のルール」講座を開催します。",
    "【図書館】調べ学習の講座で、本からの引用の仕方を学びました。",
    "ぜひこの投稿をシェアしてください。",
    "フォロー＆リポストで抽選で10名様にプレゼント！",
    "【キャンペーン】公式アカウントをフォロー・RTで、特産品が当たります。",
]


@pytest.mark.parametrize("text", NOT_QUOTED)
def test_no_quote_is_made(text: str) -> None:
    assert "quote.third_party" not in _codes(text), text


# Next to those: another's content still reproduced or shared by the city.
STILL_QUOTED = [
    "県観光協会の投稿をシェアします。",
    "観光協会の投稿をシェアしました。ぜひご覧ください。",
    "県の投稿をリポストします。フォローもお願いします。",
    "フォローしている県の投稿をリポストします。",
    "新潟日報の記事を転載します。",
    "講座の様子です。講師の著書から一部を転載します。",
    "気象台の情報を引用します。",
]


@pytest.mark.parametrize("text", STILL_QUOTED)
def test_a_quote_is_still_found(text: str) -> None:
    assert "quote.third_party" in _codes(text), text
