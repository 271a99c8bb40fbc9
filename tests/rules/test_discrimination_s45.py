"""Session 45: a gender-equality or human-rights notice that opens on the unease a word leaves (「「女のくせに」という言葉に
モヤモヤしたことはありませんか」) names the word to question it; said without a warning, or with the unease denied, it fires."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx

_PROHIBITED = ("prohibited.discrimination", "prohibited.insult")


def _said(text: str) -> list[str]:
    found = check(text, ctx(platform="x", policy=CITY_POLICY))
    return [text[f.start : f.end] for f in found if f.code in _PROHIBITED]


@pytest.mark.parametrize(
    "text",
    [
        "「女のくせに」という言葉にモヤモヤしたことはありませんか。男女共同参画週間のパネル展を開催します。",
        "「外人」という呼び方にモヤモヤしたことはありませんか。",
        "「女のくせに」という言葉に違和感を覚えたことはありませんか。",
        "「女のくせに」と言われて嫌な思いをしたことはありませんか。相談窓口をご利用ください。",
        "「女のくせに」と言われてモヤモヤした経験はありませんか。",
        "「外人」と呼ばれて嫌な思いをしたことがある外国人住民は少なくありません。",
        "「バカ」という言葉にモヤモヤしたことはありませんか。",
        "「外人」と呼ばれると、よそ者扱いされているように感じる人もいます。",
        "「外人さん」と呼ばれると、よそ者扱いされているように感じる人もいます。",
    ],
)
def test_a_word_questioned_by_the_unease_it_leaves_is_named_not_said(text: str) -> None:
    assert _said(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "「外人」という呼び方にモヤモヤしません。どんどん使おう。",
        "「外人」という呼び方に違和感はありません。",
        "「女のくせに」という言葉に違和感はありません。その通りです。",
        "「外人」という言葉にモヤモヤする人がいるなんて笑える。",
        "「女のくせに」と言われて嫌な思いはしません。",
        "あいつは「外人」だ。モヤモヤしたことはありませんか。",
        # The hurt named, then made light of in the sentence that turns on it.
        "「オカマ」という呼び方で傷つく人がいます。でも気にせず使いましょう。",
        "「オカマ」という呼び方で傷つく人がいます。でも、どんどん使おう。",
        "「女のくせに」という言葉にモヤモヤしたことはありませんか。でも気にせず使いましょう。",
    ],
)
def test_the_unease_denied_or_mocked_still_fires(text: str) -> None:
    assert _said(text) != []


@pytest.mark.parametrize(
    "text",
    [
        "「オカマ」という呼び方で傷つく人がいます。でも、気にしすぎだと思う人もいるかもしれません。言われた側の気持ちを考えましょう。",
        "「オカマ」という呼び方で傷つく人がいます。でも、言った本人は冗談のつもりかもしれません。",
        "「女のくせに」という言葉にモヤモヤしたことはありませんか。でも、声を上げにくいですよね。",
    ],
)
def test_a_turn_that_does_not_make_light_of_the_hurt_stays_silent(text: str) -> None:
    assert _said(text) == []
