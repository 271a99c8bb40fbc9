"""Session 46: a decision told while conceding tomorrow's press conference will announce it (「明日の記者会見で正式に
発表しますが、…」) was silent, and arousal and sex in slang (「ムラムラ」「童貞卒業」) passed prohibited.obscene."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _said(text: str, code: str) -> list[str]:
    found = check(text, ctx(platform="x", policy=CITY_POLICY))
    return [text[f.start : f.end] for f in found if f.code == code]


@pytest.mark.parametrize(
    "text",
    [
        "明日の記者会見で正式に発表しますが、新しいごみ処理施設の場所は〇〇地区です。",
        "来週の記者会見で発表しますが、来年の雪まつりは2月7日開催です。",
        "明日の記者会見で正式に発表する新しい子育て支援策を、ひと足早くご紹介します。",
        "明日の記者会見で正式に発表する予定ですが、新施設の名前は「うみてらす」です。",
    ],
)
def test_a_decision_told_before_its_press_conference_asks_to_check_the_order(text: str) -> None:
    assert _said(text, "press.embargo")


@pytest.mark.parametrize(
    "text",
    [
        "詳細は明日の記者会見で発表します。",
        "詳細は明日の記者会見で正式に発表する予定です。",
        "詳細は明日の記者会見で正式発表する予定です。",
        "本日、記者会見で正式に発表しました。資料はこちらです。",
    ],
)
def test_a_conference_only_announced_or_held_is_silent(text: str) -> None:
    assert _said(text, "press.embargo") == []


@pytest.mark.parametrize("text", ["ムラムラしたら市民プールへ！", "童貞卒業したい人集まれ", "処女喪失の体験談を募集します"])
def test_sexual_slang_is_stopped(text: str) -> None:
    assert _said(text, "prohibited.obscene")


@pytest.mark.parametrize(
    "text",
    [
        "色ムラができないよう、塗料はよく混ぜてから塗りましょう。",
        "ムラのある焼き色も手作りの味です。",
        "村々をめぐるスタンプラリーを開催します。",
    ],
)
def test_everyday_words_that_share_letters_are_silent(text: str) -> None:
    assert _said(text, "prohibited.obscene") == []


@pytest.mark.parametrize(
    "text",
    [
        "本日14時から記者会見で発表しますが、ライブ配信もご覧いただけます。",
        "明日の記者会見で発表しますが、詳細は市ホームページでもご覧いただけます。",
        "明日の記者会見で正式に発表しますが、会見の様子はYouTubeでご視聴いただけます。",
    ],
)
def test_a_conference_conceded_only_to_say_where_it_is_watched_is_silent(text: str) -> None:
    assert _said(text, "press.embargo") == []


@pytest.mark.parametrize(
    "text",
    [
        "明日の記者会見で発表しますが、名前は「うみてらす」で、完成図はホームページでご覧いただけます。",
        "明日の記者会見で発表しますが、新施設は駅前です。ライブ配信もご覧いただけます。",
    ],
)
def test_a_decision_told_before_where_it_is_watched_still_asks(text: str) -> None:
    assert _said(text, "press.embargo")
