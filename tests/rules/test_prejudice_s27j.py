"""Session 27 (j): follow-ups to 27 (a) on prejudice quoted, questioned and listed as myths, beside the
municipal posts nearest to them, which must pass."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes

CODE = "prohibited.discrimination"


@pytest.mark.parametrize(
    "text",
    [
        # A quoted verdict passes when asked to be rethought, reported repudiated or said to hurt, not on any
        # 「しない」「やめ」「いけない」 after it, as 7073c79 found for quoted exclusions.
        "「障害者はいらない」と遠慮しないで言おう。",
        "「生活保護は甘え」と言うのをやめる必要はない。",
        "「障害者はいらない」と言ってはいけないなんておかしい。",
        "「外国人が増えると治安が悪くなる」と遠慮しないで言おう。",
    ],
)
def test_quoted_verdict_called_for_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「障害者はいらない」という考え方を見直しましょう。",
        "「同性愛は気持ち悪い」——こんな言葉が当事者を深く傷つけています。",
        "市長は「生活保護は甘えだ」と述べ、謝罪しました。",
        "「女性は感情的だ」と言わないようにしましょう。",
    ],
)
def test_quoted_verdict_disowned_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A denial that the words are discrimination is an endorsement, in 「」 in a draft about it or not.
        "「障害者はいらない」は差別ではありません。",
        "「外国人は出ていけ」は差別ではありません。",
        "「外国人が増えると治安が悪くなる」は偏見とは言えない。",
        "「うつ病は甘え」は誤解ではありません。",
    ],
)
def test_quoted_statement_said_no_wrong_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「障害者はいらない」は差別です。",
        "「障害者はいらない」は差別ではないでしょうか。",
        "「障害者はいらない」は差別ではありませんか。",
        "「うつ病は甘え」は誤解です。",
        "「外国人」は差別語ではありません。",
    ],
)
def test_quoted_statement_named_a_wrong_passes(text: str) -> None:
    assert CODE not in codes(text)
