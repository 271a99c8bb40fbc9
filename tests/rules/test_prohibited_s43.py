"""Session 43 red team of prohibited.insult, prohibited.illegal and prohibited.political: everyday municipal
drafts that must pass and harms that must be flagged, with the city's policy (tests/rules/conftest.py CITY_POLICY)."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _codes(text: str, platform: str = "x") -> list[str]:
    return [f.code for f in check(text, ctx(platform=platform, policy=CITY_POLICY))]


# バカみたいに・アホみたいに before what is done or how it is, and くそ before an adjective: vulgar "very" said of the
# weather, a crowd or a dish, no one called a fool.
VULGAR_VERY = [
    "雪がバカみたいに降っていますね",
    "今日はバカみたいに暑いので、熱中症に気をつけてください。",
    "バカみたいに雪が積もりました。屋根の雪下ろしは二人以上で。",
    "アホみたいに混んでいます。時間をずらしてご来場ください。",
    "このラーメン、バカみたいにうまい！",
    "くそ暑い夏も",
    "くそ寒い朝でも、除雪車は走っています。",
    "クソ忙しい年末ですが、健康診断はお早めに。",
]


@pytest.mark.parametrize("text", VULGAR_VERY)
def test_vulgar_very_of_no_one_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# The same words with a person in the sentence, or said as what someone is, or before a verdict on someone's work.
FOOL_STILL_CALLED = [
    "あの議員はバカみたいに威張っている",
    "山田はアホみたいに怒鳴る",
    "あいつらバカみたいに騒いでる",
    "バカみたいに議員が騒いでいる",
    "バカみたいな市長だ",
    "お前はバカみたいだ",
    "市長はクソ長い話をする",
    "〇〇商店の料理はクソまずい",
    "クソダサいポスターを作った職員",
    "窓口の職員はクソ遅い",
    "くそみたいな意見だ",
    "あいつはくそだ",
]


@pytest.mark.parametrize("text", FOOL_STILL_CALLED)
def test_fool_or_scorn_of_someone_still_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# A play's famous line quoted with the play or its writer named after it or as the line before it (a 公民館's reading,
# a theatre's notice): the words are the play's, no one is told to vanish.
PLAY_LINES = [
    "「消えろ、消えろ、束の間の灯火」シェイクスピア劇",
    "シェイクスピア『マクベス』の名台詞「消えろ、消えろ、束の間の灯火」を朗読します。",
    "市民劇団による朗読劇「マクベス」を上演します。「消えろ、消えろ、束の間の灯火」の名台詞をお聞きください。",
    "「消えろ、消えろ、束の間の灯火」（シェイクスピア『マクベス』より）",
    "「消えろ、消えろ、束の間の灯火」シェイクスピアの戯曲『マクベス』の一節です。",
]


@pytest.mark.parametrize("text", PLAY_LINES)
def test_a_plays_line_quoted_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# A line named so with no work about it, or said to someone, or a 劇団 that is no play.
LINES_STILL_SAID = [
    "「消えろ」と劇団員に言われた。お前が消えろ。",
    "市長の名言「バカ野郎」",
    "名台詞「バカ野郎」は市長にぴったりだ。",
    "「市長はバカだ」山田",
    "「消えろ、クズ」と市長に言いたい。",
]


@pytest.mark.parametrize("text", LINES_STILL_SAID)
def test_a_line_of_no_play_still_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# A 選挙管理委員会's appointments: the polls' staff named after 投票管理者・投票事務, no one voted for.
POLLS_STAFF = [
    "市長選挙の投票管理者は山田太郎さんにお願いしています",
    "投票事務は山田花子さんが担当します。",
    "期日前投票所の投票立会人は田中一郎さんです。",
    "山田さん（投票管理者）が投票箱を確認しました。",
]


@pytest.mark.parametrize("text", POLLS_STAFF)
def test_the_polls_staff_named_pass(text: str) -> None:
    assert "prohibited.political" not in _codes(text), text


VOTES_STILL_ASKED = [
    "山田太郎さんに投票しよう",
    "投票日には山田太郎さんに一票を",
    "山田太郎さんへの投票をお願いします",
    "投票所では山田太郎さんに投票してください",
    "市長選挙では山田太郎候補に投票を！",
]


@pytest.mark.parametrize("text", VOTES_STILL_ASKED)
def test_a_vote_for_a_name_still_fires(text: str) -> None:
    assert "prohibited.political" in _codes(text), text


# A prejudice told as what others think, through the copula (だと思われがち), to be answered: the post says nothing of
# anyone.
CONTEMPT_THOUGHT_BY_OTHERS = [
    "頭の悪い人ばかりだと思われがちですが、そんなことはありません",
    "スマホが苦手な人は頭の悪い人ばかりだと言われますが、違います。",
]


@pytest.mark.parametrize("text", CONTEMPT_THOUGHT_BY_OTHERS)
def test_contempt_told_as_others_thought_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


CONTEMPT_STILL_SAID = [
    "頭の悪い人ばかりだと思います",
    "〇〇町の住民は頭の悪い人ばかりだと言える",
    "反対派は頭の悪い人ばかりだと言っても過言ではない",
    "住民説明会の反対派は、頭の悪い人ばかりでした",
]


@pytest.mark.parametrize("text", CONTEMPT_STILL_SAID)
def test_contempt_said_by_the_post_still_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text
