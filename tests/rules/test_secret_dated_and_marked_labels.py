"""confidential.secret on drafts: a password after the date it takes effect (「パスワード：11/30 から kx7pq2」), after
Japanese wording between label and value (「パスワードって kx7pq2 です」「「PW」、kx7pq2」), after a label in Slack's
emphasis (「*PW*は 8BXE6に変更しました」) and after a label numbered a space apart (「PIN 2: 4821」). Each was
published unflagged; notices that only say when or how a password is given stay clean."""

from __future__ import annotations

import pytest

from bot.rules import secret_value_spans
from tests.conftest import assert_stays_linear
from tests.rules.conftest import codes


def _values(text: str) -> list[str]:
    return [text[a:b] for a, b in secret_value_spans(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワード：11/30 から kx7pq2", "kx7pq2"),
        ("パスワードを 11/30 に kx7pq2 へ変更", "kx7pq2"),
        ("パスワードは 11/30 以降 kx7pq2 です", "kx7pq2"),
        ("PW を 12/1 9:00 に Kx7pq2 に更新", "Kx7pq2"),
        ("パスワードは 11/30(月) 17:00 から kx7pq2 です。", "kx7pq2"),
        ("パスワード変更：10/1 から kx7pq2", "kx7pq2"),
        ("暗証番号は 12/1 から 4821 です", "4821"),
        ("Wi-Fi パスワード：R8.4.1 より sakura2026 になります", "sakura2026"),
    ],
)
def test_a_password_after_the_date_it_takes_effect_is_found(text: str, value: str) -> None:
    assert _values(text) == [value]
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードって kx7pq2 です", "kx7pq2"),
        ("「パスワード」とは kx7pq2 のことです", "kx7pq2"),
        ("暗証番号って 4821 です", "4821"),
        ("PIN【旧】、kx7pq2 です", "kx7pq2"),
        ("「PW」、kx7pq2", "kx7pq2"),
        ("*password* is kx7pq2", "kx7pq2"),
        ("*PW*は 8BXE6に変更しました", "8BXE6"),
        ("*「パスワード」* kx7pq2", "kx7pq2"),
        ("_PW_ kx7pq2", "kx7pq2"),
    ],
)
def test_a_password_after_wording_or_an_emphasised_label_is_found(text: str, value: str) -> None:
    assert _values(text) == [value]
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # When or how a password is given, with no value.
        "PIN コードは郵送します", "パスワードは窓口でお伝えします", "パスワードは11/30から変更できます",
        "PW は 12/1 9:00 に郵送します", "パスワードは 12/1 9:00 に変更してください",
        "Wi-Fi のパスワードは館内に掲示しています", "パスワードは 11/30 以降 窓口でお伝えします",
        "パスワード：11/30 から変更", "パスワード 10:30 に変更",
        # After the date, a product, a step, a rule or an example, or a sentence that goes on.
        "パスワードは 12/1 から Windows11 です", "パスワードは 12/1 から Step2 です",
        "パスワードは 12/1 から Step2 の画面で変更", "パスワードは 4/1 から 8文字以上 です",
        "パスワードは 12/1 から password1 です", "パスワードは 12/1 から abc123 のような単純なものは使えません",
        # A Wi-Fi standard after the date, as the undated 「パスワード：Wi-Fi6」 is none (found by review).
        "パスワード：12/1 から Wi-Fi6", "パスワードは 11/30 から Wi-Fi5 です", "PW 12/1 から Wi-Fi5",
        "パスワードは 4/1 から WiFi6e になります",
        # Rooms and contacts after a numbered label.
        "PIN 2: 1205号室", "PIN 2: 0120-123-456 まで",
        # Wording with no value, and a word that is no password.
        "パスワードって何？", "PINって 4 桁ですか", "PINとは Personal Identification Number の略です",
        "「PW」、「ID」を入力してください",
        # A mark of its own, or an emphasis not opened on the label.
        "*PW* 2", "PW* 2026", "_password_ is case-sensitive", "PW* kx7pq2",
    ],
)
def test_notices_around_a_label_stay_clean(text: str) -> None:
    assert _values(text) == []
    assert "confidential.secret" not in codes(text)


def test_dated_and_marked_labels_stay_linear() -> None:
    assert_stays_linear(secret_value_spans, "パスワード：11/30 から kx7pq2 PW を 12/1 9:00 に *PW*は 「PW」、 PIN 2: ")
