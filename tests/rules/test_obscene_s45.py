"""Session 45: prohibited.obscene on consumer-affairs and internet-safety warnings that quote what a lure says or what a
child may search for."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _obscene(text: str) -> list[str]:
    found = check(text, ctx(platform="x", policy=CITY_POLICY))
    return [text[f.start : f.end] for f in found if f.code == "prohibited.obscene"]


@pytest.mark.parametrize(
    "text",
    [
        "「SEX」「ヌード」などのキーワードで検索すると、有害サイトに誘導されることがあります。",
        "「エロ」「アダルト」などの言葉で検索すると、架空請求の被害に遭うおそれがあります。",
        "スマホのフィルタリングで、「エロ動画」などの有害サイトを見られないように設定しましょう。",
        "「無料のエロ動画」をクリックしたら高額請求の画面が…。消費生活センターに相談してください。",
        "エロ画像のサイトを開いたら「登録完了」と表示され、料金を請求されるワンクリック詐欺が増えています。",
    ],
)
def test_a_warning_quoting_the_lure_is_silent(text: str) -> None:
    assert _obscene(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "エロ動画見放題！フィルタリングなし！",
        "エロ画像を送って。消費生活センターには内緒ね。",
        "架空請求の話はさておき、今夜エッチしよ",
        "エロ動画はこちら",
    ],
)
def test_the_word_said_or_offered_still_fires(text: str) -> None:
    assert _obscene(text) != []
