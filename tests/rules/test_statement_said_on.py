"""A statement cut off by 「！」 or 「？」 and reported by the と or って right after it
(「外国人観光客はマナーが悪い！という声もありますが、多くの方はルールを守っています」) is one sentence that
reports the statement, as it is without the mark; said with 「！と思います」, it is still said."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes


@pytest.mark.parametrize(
    "text",
    [
        "外国人観光客はマナーが悪い！という声もありますが、多くの方はルールを守っています",
        "外国人は出ていけ！という声もありますが、それは差別です。",
        "外国人は国に帰ってほしい！という声もありますが、それは偏見です。",
        "生活保護は甘え！という声があります。しかし、それは偏見です。",
        "外国人はいらない？という声もありますが、それは誤解です。",
    ],
)
def test_a_statement_reported_after_its_exclamation_mark_is_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人観光客はマナーが悪い！",
        "生活保護は甘え！と思います。",
        "外国人は出ていけ！という声もあります。",
        "外国人は国に帰ってほしい！と思います。",
        "がいこくじんはでていけ！",
        "女は家事をしていればいい！と思います。",
    ],
)
def test_a_statement_said_with_an_exclamation_mark_still_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)
