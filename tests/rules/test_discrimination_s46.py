"""Session 46: verdicts laid on a whole group that the lists did not hold — a life called too long or better unborn
(the words of the 相模原 murders), sexuality called a taste, a benefit called abused — and a woman's role said as what
suits her best (「女性は家庭を守るのが一番です」). Each fires as the post's own word; named to be opposed, it does not."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _said(text: str) -> list[str]:
    found = check(text, ctx(platform="x", policy=CITY_POLICY))
    return [text[f.start : f.end] for f in found if f.code == "prohibited.discrimination"]


@pytest.mark.parametrize(
    "text",
    [
        "在日外国人は生活保護をもらい放題。",
        "障害者は生まれてこない方が幸せです。",
        "障害者は生まれてこない方が幸せです。優生思想と言われてもかまいません。",
        "高齢者は長生きしすぎです。",
        "LGBTは趣味の問題です。",
        "同性愛は趣味の問題です。",
        "生活保護の人はパチンコばかりしている。",
        "生活保護受給者はパチンコばかり。",
        "女性は家庭を守るのが一番です。",
        "女は家を守るのが仕事。",
        "妻は家庭を守るのが幸せなんです。",
    ],
)
def test_a_verdict_on_a_whole_group_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "「障害者は生まれてこない方が幸せ」という考えは、優生思想です。絶対に許されません。",
        "「LGBTは趣味の問題」という誤解をなくしましょう。",
        "高齢者は長生きしすぎ、という声がありますが、そんなことはありません。",
        "高齢者の皆さん、長生きしすぎて困ることはありません。健康寿命を延ばしましょう。",
        "子どもたちは、お菓子がもらい放題！",
        "参加者はパンフレットもらい放題です。",
        "子どもはパチンコ店に入れません。",
        "「女性は家庭を守るのが一番」という考え方は、もう古いですね。",
        "女性消防団員は、地域の家庭を守るのが役目です。",
        "女性も男性も、家庭を守るのが一番大切です。",
    ],
)
def test_the_same_words_named_to_be_opposed_or_said_of_something_else_are_silent(text: str) -> None:
    assert _said(text) == []
