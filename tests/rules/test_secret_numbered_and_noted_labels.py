"""confidential.secret reads a label as the leak report's masking does (bot.incidents): a label numbered before
its colon (「PW2: …」「PIN1: …」) and a note in brackets after it (「パスワード【旧】…」「パスワード（2026/11/30 17:00
変更）：…」). Read otherwise, the password after them was published."""

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
        ("PW2: Kx7pq2zz", "Kx7pq2zz"),
        ("Wi-Fi: PW2: Kx7pq2zz", "Kx7pq2zz"),
        ("PIN1: 4821", "4821"),
        ("pass2: Kx7pq2zz", "Kx7pq2zz"),
        ("PW12: Kx7pq2zz", "Kx7pq2zz"),
        ("PW2=Kx7pq2zz", "Kx7pq2zz"),
        ("PW2 → Kx7pq2zz", "Kx7pq2zz"),
        ("暗証番号2：4821", "4821"),
        ("パスワード１：Kx7pq2zz", "Kx7pq2zz"),
        # The number was taken for the value's first letter: 「2：」 went under the mask with it.
        ("パスワード2：zr5wn8", "zr5wn8"),
        # A space before the number (a SIM card's PIN2), and a number glued before 「は」.
        ("PIN 2: 4821", "4821"),
        ("SIM の PIN 2：48213", "48213"),
        ("パスワード2は Kx7pq2zz", "Kx7pq2zz"),
        ("PW2は Kx7pq2zz です", "Kx7pq2zz"),
    ],
)
def test_a_numbered_label_before_its_separator_is_read_as_the_label(text: str, value: str) -> None:
    assert _values(text) == [value]
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワード【旧】kx7pq2", "kx7pq2"),
        ("パスワード[旧] kx7pq2 を使っています", "kx7pq2"),
        ("パスワード〔仮〕 kx7pq2", "kx7pq2"),
        ("パスワード「旧」: kx7pq2", "kx7pq2"),
        ("パスワード『旧』：kx7pq2", "kx7pq2"),
        ("パスワード【旧】は kx7pq2 です", "kx7pq2"),
        ("パスワード【11/30 変更】：kx7pq2", "kx7pq2"),
        ("パスワード（2026/11/30 17:00 変更）：kx7pq2", "kx7pq2"),
        ("暗証番号[旧] → SX_ndov#7_98VLに変更しました。", "SX_ndov#7_98VL"),
    ],
)
def test_a_note_in_brackets_after_the_label_is_read_as_the_labels(text: str, value: str) -> None:
    assert _values(text) == [value]
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A number with no separator after it is no label's: glued, it is the value's or a count.
        "PW1234", "PW123: Kx7pq2zz", "パスワード2件の再発行を受け付けました。",
        # A note that calls the value an example, in any brackets.
        "パスワード【例】：Kessai2026", "パスワード【記入例】 Kessai2026", "パスワード「例」：Kessai2026",
        "パスワード（英大文字・小文字・数字を含む12文字の例）: Kessai2026",
        # Notices with no value.
        "パスワード【重要】は窓口でお伝えします。", "PIN コードは郵送します。", "パスワードは窓口でお伝えします。",
        "Wi-Fi のパスワードは館内に掲示しています。", "パスワード【変更のお願い】：11/30 までに変更してください。",
    ],
)
def test_no_value_after_a_label_stays_clean(text: str) -> None:
    assert _values(text) == []
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A value in quotes or brackets right after the label is still the value, not a note.
        ("パスワード「yuki2025」でログイン", "yuki2025"),
        ("パスワード【yuki2025】", "yuki2025"),
        ("PW[Kx7pq2]", "Kx7pq2"),
    ],
)
def test_a_value_in_brackets_after_the_label_stays_the_value(text: str, value: str) -> None:
    assert _values(text) == [value]


def test_numbered_and_noted_labels_stay_linear() -> None:
    assert_stays_linear(secret_value_spans, "PW2: a1 PIN1: b パスワード【旧 パスワード[旧] x パスワード（1 2 3 4 5 6 7 8 9） ")
