"""Session 40 follow-up of prohibited.rumor: the share requests worded 「ぜひ拡散を」「拡散よろしく」「拡散大歓迎」 and a
season's disease in the city's voice, each attacked with the chains that must still be told
(tests/rules/conftest.py CITY_POLICY)."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx

CODES = ("prohibited.rumor", "prohibited.obscene")


def _codes(text: str) -> list[str]:
    return [f.code for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code in CODES]


# The city asking readers to spread its own notice, in the words a notice ends with: the same as 「拡散お願いします」.
# 「クマが出没しました。ぜひ拡散してください」 was told while 「…拡散してください」 passed: 「ぜひ」 asks no more.
OWN_REQUESTS = [
    "観桜会のお知らせです。ぜひ拡散を！",
    "観桜会のお知らせです。拡散よろしく！",
    "観桜会のお知らせです。拡散よろしくお願いします！",
    "観桜会のお知らせです。拡散大歓迎！",
    "観桜会のお知らせです。拡散歓迎です",
    "観桜会を開催します。拡散をよろしく",
    "ボランティアを募集しています。拡散求む",
    "避難指示が発令されました。拡散を！",
    "避難所を開設しました。ぜひ拡散を",
    "クマが出没しました。ぜひ拡散してください",
    "クマが出没しました。ぜひ拡散を",
    # 「拡散を」 with a verb after it names the spreading, not a request.
    "デマの拡散を防ぐため、公式情報をご確認ください。",
    "不確かな情報の拡散をやめましょう",
    # Nor does 「〜の拡散を！」, a wish for the city's charm to be spread.
    "上越の魅力の拡散を！",
    "みなさんの力で上越の魅力の拡散を！",
    "観桜会をSNSで見た方も、ぜひお越しください。拡散希望",
]


@pytest.mark.parametrize("text", OWN_REQUESTS)
def test_the_city_asking_to_spread_its_own_notice_passes(text: str) -> None:
    assert _codes(text) == [], text


# The same words after what a chain passes on: a [hearsay_topics] claim, an alarming claim, something handed on or
# guessed. These passed before: none of the words was a request.
CHAIN_REQUESTS = [
    ("花火大会中止！ぜひ拡散を！", "拡散を"),
    ("花火大会中止！拡散を！", "拡散を"),
    ("花火大会中止！拡散よろしく", "拡散よろしく"),
    ("花火大会中止！拡散大歓迎", "拡散大歓迎"),
    ("明日は全小中学校が休校です。拡散大歓迎", "拡散大歓迎"),
    ("駅前で通り魔が出ています！ぜひ拡散を", "拡散を"),
    ("駅前で通り魔が出ています！ご注意ください。ぜひ拡散を", "拡散を"),
    ("駅前で通り魔が出ています！拡散よろしく", "拡散よろしく"),
    ("回ってきた情報です。拡散よろしく", "拡散よろしく"),
    ("給付金が一人10万円出ます。ぜひ拡散を！", "拡散を"),
    ("○○で爆発があったみたい。ぜひ拡散を", "拡散を"),
    ("〇〇ダムが決壊しそうです。拡散求む", "拡散求む"),
    ("花火大会中止！\n拡散を！", "拡散を"),
    ("【拡散を】花火大会は中止です", "拡散を"),
]


@pytest.mark.parametrize(("text", "word"), CHAIN_REQUESTS)
def test_a_chain_s_request_is_told_in_any_words(text: str, word: str) -> None:
    found = [f for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code == "prohibited.rumor"]
    assert [text[f.start : f.end] for f in found] == [word], text


# A disease in season, said in the city's own voice with a request to spread it, is a health notice: the rule asks of a
# share request that what it spreads be unconfirmed (hearsay, a guess, something handed on) or alarming, and 「インフル
# エンザが流行しています」 is neither; 「…流行しています。ぜひ拡散してください」 already passed, and 「拡散希望」 now reads the
# same. A case claimed (「〇〇病院で感染者が出ました」「死者も出ています」), a service changed (休校), or the outbreak
# passed on (「流行ってるって」「流行っているらしい」「流行ってるみたい」「〜とSNSで見ました」) is still told.
def test_a_season_s_disease_in_the_city_s_voice_passes() -> None:
    for text in (
        "インフルエンザが流行しています。拡散希望",
        "インフルエンザが流行しています。手洗いをしましょう。拡散希望",
        "インフルエンザが流行期に入りました。手洗い・うがいで予防しましょう。拡散希望",
        "保健所によると、インフルエンザが流行しています。拡散希望",
    ):
        assert _codes(text) == [], text


@pytest.mark.parametrize(
    "text",
    [
        "インフルエンザが流行しているそうです。拡散希望",
        "〇〇小でノロが流行ってるって！拡散希望",
        "インフルが流行ってるみたい。拡散希望",
        "新型ウイルスが流行中らしい。拡散希望",
        "コロナが流行しています。〇〇病院で感染者が出ました。拡散希望",
        "新型ウイルスが流行しています。明日から全小中学校は休校です。拡散希望",
        "インフルエンザが流行しています。〇〇病院では死者も出ています。拡散希望",
        "インフルエンザが流行しているとのこと。拡散希望",
        "インフルエンザが大流行しているとSNSで見ました。拡散希望",
        "インフルエンザが大流行しているとSNSで見た。拡散希望",
    ],
)
def test_a_disease_passed_on_or_with_a_case_is_told(text: str) -> None:
    assert "prohibited.rumor" in _codes(text), text
