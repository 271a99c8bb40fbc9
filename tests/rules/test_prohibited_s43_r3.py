"""Session 43 review of the helper's prohibited.insult, prohibited.illegal and prohibited.political changes: the
harms its relaxations let through, the everyday posts its new readings flagged, and its speed on long pastes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from bot.rules import check
from bot.rules.model import CheckContext, Hit, RuleOptions
from bot.rules.prohibited import insult, political
from bot.rules.text import Document
from tests.conftest import assert_stays_linear
from tests.rules.conftest import CITY_POLICY, ctx


def _codes(text: str, platform: str = "x") -> list[str]:
    return [f.code for f in check(text, ctx(platform=platform, policy=CITY_POLICY))]


# 「バカみたいに」「くそ」 said of a person, a post or a body anywhere in the sentence, not only named before the word
# as a name or a pronoun: the vulgar "very" reading let these through.
FOOL_OF_SOMEONE = [
    "担当者はアホみたいに仕事が遅い",
    "うちの課長、バカみたいに怒鳴るんです",
    "議会はバカみたいに揉めてばかり",
    "窓口の対応がバカみたいに遅い",
    "バカみたいに税金を使う市長",
    "バカみたいに騒ぐ若者には困ります",
    "バカみたいに騒ぐ観光客は迷惑です",
    "〇〇さんはアホみたいに飲む",
    "くそ憎たらしい市長",
]


@pytest.mark.parametrize("text", FOOL_OF_SOMEONE)
def test_vulgar_very_said_of_someone_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    ["今年の冬はバカみたいに寒いので、水道管の凍結にご注意ください。", "成長期の子はバカみたいに食べます"],
)
def test_vulgar_very_of_the_weather_or_a_child_growing_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize("shape", ["雪がバカみたいに降る、", "くそ暑い、"])
def test_many_vulgar_very_in_one_sentence_stay_linear(shape: str) -> None:
    # Each word read its sentence from the start again for a person: 40,000 characters of 「雪がバカみたいに降る」
    # took 15.7 s against 1.0 s for 10,000.
    _rule_stays_linear(insult, shape)


def _rule_stays_linear(rule: Callable[[Document, CheckContext, RuleOptions], Iterator[Hit]], shape: str) -> None:
    """``rule`` over ``shape`` repeated stays linear; the documents are analysed beforehand, so that only the rule is
    timed."""
    docs: dict[str, Document] = {}
    for n in (10_000, 40_000):
        text = (shape * (n // len(shape) + 1))[:n]
        docs[text] = Document(text)
        list(rule(docs[text], ctx(), RuleOptions()))
    assert_stays_linear(lambda t: list(rule(docs[t], ctx(), RuleOptions())), shape)


# 「食べられたものではない」 said of a crop or a food as it is, or going on to the point or denied: a cooking class's,
# a farm's or a food-safety notice, no one's cooking run down.
INEDIBLE_AS_IT_IS = [
    "渋柿は、そのままでは渋くて食べられたものではありませんが、干し柿にすると甘くなります。",
    "ドングリはアクが強くて、そのままでは食べられたものではありません。",
    "生のままでは硬くて食べられたものではありません。",
    "古くなった米は臭くて食べられたものではありません。保管に注意しましょう。",
    "このきのこは苦くて食べられたものではありませんが、毒はありません。",
    "グルメフェスの料理は、どれもまずくて食べられたものではありません、なんてことはありません！",
]


@pytest.mark.parametrize("text", INEDIBLE_AS_IT_IS)
def test_food_unfit_as_it_is_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "〇〇商店の料理はまずくて食べられたものではありません",
        "隣町の食堂のラーメンは、とても食べられたものじゃない",
        "市長の作ったカレーは、まずくて食べられたもんじゃねえ",
        "〇〇町の郷土料理は、臭くて食べられたものではない。",
    ],
)
def test_someones_food_run_down_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# A customer-harassment training's or manual's own words: the staff learn to answer クレーマー, no resident is
# labelled. 678e89a1's 「…ばかり」 fired through the words that keep 「クレーマー」 silent in them.
@pytest.mark.parametrize(
    "text",
    [
        "カスタマーハラスメント研修では、クレーマーばかりで困ったときの対応を学びました。",
        "カスハラ対策マニュアル：窓口がクレーマーだらけになる前に、組織で対応しましょう。",
        "職員研修で、モンスターペアレントばかりで悩む先生の事例を学びました",
    ],
)
def test_harassment_training_naming_claimers_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    ["悪質なクレーマーの市民ばかりで困ります。相談窓口を作ってほしい", "理不尽なモンスターペアレントだらけです"],
)
def test_residents_labelled_claimers_still_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Words cited from whoever said them, or likened to a play: 9185f20e's （…より） took any source for a play's.
@pytest.mark.parametrize(
    "text",
    ["「議員は死ね」（市民の声より）", "「死ね」（〇〇議員より）", "「バカ野郎」（市長より）", "「バカ野郎」シェイクスピア劇みたいな議会"],
)
def test_words_cited_from_someone_not_a_play_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    ["「消えろ、消えろ、束の間の灯火」（『マクベス』より）", "「消えろ、消えろ、束の間の灯火」（マクベス第5幕より）"],
)
def test_play_line_with_its_play_as_source_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# チームみらい is a children's club's or a relay team's name as often as the party's (8ae2854a): it counts as the
# party only in a draft about elections or politics.
@pytest.mark.parametrize(
    "text",
    [
        "子ども会の「チームみらい」を応援しています！",
        "小学生の駅伝チーム「チームみらい」を応援しています！",
        "地域おこし協力隊のチームみらいをよろしくお願いします",
        "市民マラソンに参加するチームみらいを応援してください",
    ],
)
def test_team_called_mirai_passes(text: str) -> None:
    assert "prohibited.political" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    ["チームみらいに投票しよう", "比例はチームみらいへ", "チームみらいを応援しています。次の参院選もよろしく！"],
)
def test_party_mirai_in_an_election_still_fires(text: str) -> None:
    assert "prohibited.political" in _codes(text), text


def test_many_teams_called_mirai_stay_linear() -> None:
    _rule_stays_linear(political, "チームみらいを応援しています！")


# A scrawl found and reported by the city (a park's or a station's notice of graffiti), not the post's own words.
@pytest.mark.parametrize(
    "text",
    [
        "「天皇なんかいらない」という落書きが見つかりました。警察に通報しています。",
        "公園のトイレに「職員なんていらない」という落書きがありました。消去しました。",
    ],
)
def test_scrawl_found_and_reported_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize(
    "text", ["「天皇なんかいらない」という意見に賛成です", "「天皇なんかいらない」という落書きを見て、その通りだと思いました"]
)
def test_scrawl_agreed_with_still_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Through the copula, the post's own impression or feeling stays its own (1740d9fb read every 「だと…」 as reported).
@pytest.mark.parametrize(
    "text",
    [
        "住民説明会の反対派は、頭の悪い人ばかりだという印象です",
        "住民説明会の反対派は、頭の悪い人ばかりだと感じました",
        "住民説明会の反対派は、頭の悪い人ばかりだと言わざるを得ません",
    ],
)
def test_own_impression_through_the_copula_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize("text", ["頭の悪い人ばかりだと言われますが、違います", "頭の悪い人ばかりだという偏見は、間違っています"])
def test_prejudice_others_hold_through_the_copula_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text
