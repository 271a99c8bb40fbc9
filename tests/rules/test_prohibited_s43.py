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
