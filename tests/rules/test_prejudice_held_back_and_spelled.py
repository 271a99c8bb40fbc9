"""Prejudice whose saying is called for under a call to stop (「遠慮するのはやめましょう」「差別だと騒ぐのは
やめましょう」), beside the posts that call the saying itself off, which must pass."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes

CODE = "prohibited.discrimination"


@pytest.mark.parametrize(
    "text",
    [
        # What is called off is holding the words back, not saying them.
        "「障害者はいらない」、遠慮するのはやめましょう",
        "「障害者はいらない」と言うのを我慢するのはやめましょう",
        "「うつ病は甘え」と言うのをためらうのはやめましょう",
        "「外国人はマナーが悪い」、言い出せずにいるのはやめましょう",
        "「外国人が増えると治安が悪くなる」、遠慮するのはやめましょう",
        "「外国人には国に帰ってほしい」、遠慮するのはやめましょう",
        "「外国人には国に帰ってほしい」と遠慮しないで言おう",
        # What is called off or scorned is naming the wrong.
        "「障害者はいらない」を差別だと騒ぐのはやめましょう",
        "「外国人は出ていけ」を差別だと騒ぐのはやめましょう",
        "「外国人が増えると治安が悪くなる」を偏見だと決めつけるのはやめましょう",
        "「生活保護は甘え」を偏見だと決めつけるのはおかしい。",
        "「女性は感情的」を差別だと言う人はうるさい。",
        "「うつ病は甘え」を偏見だと批判するのは行き過ぎです。",
    ],
)
def test_holding_back_or_naming_the_wrong_called_off_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「障害者はいらない」のような発言はやめましょう。",
        "「障害者はいらない」などと言うのは、もうやめましょう。",
        "「生活保護は甘え」——そんな言葉はもうやめましょう。",
        "「うつ病は甘え」と安易に言うのはやめましょう。",
        "「外国人が増えると治安が悪くなる」と決めつけるのはやめましょう。",
        "「外国人には国に帰ってほしい」と言うのはやめましょう。",
        "「外国人には国に帰ってほしい」のような言葉はやめましょう。",
        "「女性は感情的」という決めつけをやめましょう。",
        # The wrong named and acted on, not scorned.
        "「障害者はいらない」という発言は差別です。差別だと感じたら相談してください。",
        "「生活保護は甘え」は偏見です。偏見だと気づいたら、言葉を見直しましょう。",
        "「外国人は出ていけ」は差別だと指摘する声が上がっています。",
        "「外国人は出ていけ」は差別だと言うことをためらわないでください。",
    ],
)
def test_saying_called_off_passes(text: str) -> None:
    assert CODE not in codes(text)
