"""confidential.secret, session 32 review: the word of letters stated after 「は」 or set (「パスワードは bluesky です」)
fired on words that say what kind of password it is or what it is written in (「パスワードは secret です」
「おすすめのパスワードは passphrase です」「パスワードは hiragana です」), missed the same word with a capital first
letter (「パスワードは Kohoka です」「パスワードを Sakura に変更しました」), and a word put after 「ではなく」 with the
copula closing the sentence (「パスワードは kohoka ではなく tanaka です」) went out as typed."""

from __future__ import annotations

import pytest

from bot import secret_mask
from bot.rules import secret_value_spans
from tests.rules.conftest import codes, findings_of

SECRET = "confidential.secret"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードは Kohoka です。", "Kohoka"),
        ("パスワードは Bluesky です", "Bluesky"),
        ("Wi-Fi のパスワードは Joetsu です。", "Joetsu"),
        ("パスワードを Sakura に変更しました。", "Sakura"),
        ("パスワードとして Sakura を設定しました。", "Sakura"),
        ("パスワードは kohoka ではなく tanaka です。", "tanaka"),
        ("パスワードは password ではなく tanaka です。", "tanaka"),
        ("パスワードは Kohoka じゃなくて Tanaka です。", "Tanaka"),
        ("パスワードは kohoka じゃなくて tanaka になりました。", "tanaka"),
    ],
)
def test_a_stated_word_is_flagged_and_masked(text: str, value: str) -> None:
    found = findings_of(SECRET, text)
    assert found, text
    assert all(value not in f.excerpt for f in found)
    assert value in [text[a:b] for a, b in secret_value_spans(text)]
    assert value not in secret_mask.mask_secrets(text)[0]


@pytest.mark.parametrize(
    "text",
    [
        "パスワードは secret です。",
        "おすすめのパスワードは passphrase です。",
        "今月の講座のテーマ：パスワードは passphrase です。",
        "パスワードに passphrase を設定しましょう（長い文を使う方法です）。",
        "初期パスワードは birthday です。",
        "パスワードは mail です。",
        "パスワードは hiragana です。",
        "パスワードは Romaji です。",
        "パスワードは different です。",
        "パスワードは common です。",
        "パスワードは Zoom です。",
        "パスワードを english に変更しましょう。",
        "パスワードは password ではなく phrase です。",
        "パスワードは birthday ではなく random です。",
        "パスワードは dragon ではなく sunshine です、のような例は避けましょう。",
        "パスワードは Dragon です。推測されやすいので避けましょう。",
        "パスワードに Sakura を設定するのは危険です。",
        "パスワードは Google です。",
        "パスワードは Pixel です。",
    ],
)
def test_a_word_of_kind_or_an_example_is_not_a_password(text: str) -> None:
    assert SECRET not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスワードに 1Password を使っています。",
        "パスワードとして Bitwarden を使っています。",
        "パスワードを Keeper に保存しました。",
    ],
)
def test_a_password_manager_put_as_the_password_is_where_it_is_kept(text: str) -> None:
    assert SECRET not in codes(text)
