"""confidential.secret, session 42: passwords the rule let through, and lists under a label it took for them.

A capitalised word alone in a password's field (「パスワード：Sakura」「パスワード. Sakura」) went out, while eight letters
in two cases made a form's answer or a name one (「Password: Required」「パスワード：Microsoft」). Each catch is attacked with
the everyday posts about passwords that must stay silent.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.rules.conftest import JST, Corpus, assert_secret_flagged_and_masked

CORPUS = Corpus(datetime(2026, 12, 7, 10, 0, tzinfo=JST))
PLATFORMS = ("x", "instagram")


def _bad(texts: list[str]) -> list[tuple[str, str, str]]:
    return [(p, t, "confidential.secret") for p in PLATFORMS for t in texts]


def _ordinary(texts: list[str]) -> list[tuple[str, str]]:
    return [(p, t) for p in PLATFORMS for t in texts]


# A capitalised word alone in the field, a mark maybe closing it: how a weak password is typed into a memo.
_CAPITALISED_IN_A_FIELD = [
    ('パスワード：Sakura', 'Sakura'), ('パスワード. Sakura', 'Sakura'), ('インスタのパスワード：Momiji', 'Momiji'),
    ('PW：Takada', 'Takada'), ('Wi-Fiパスワード：Joetsu', 'Joetsu'), ('共有フォルダ\nパスワード：Kessai', 'Kessai'),
    ('ID：koho01\nPW：Takada', 'Takada'), ('パスワード：Sakura!', 'Sakura!'), ('パスワード: Kohoka', 'Kohoka'),
    ('パスワード. kohoka', 'kohoka'), ('パスワード: Joetsu', 'Joetsu'),
]

test_a_capitalised_word_in_a_field_fires = CORPUS.bad(_bad([t for t, _ in _CAPITALISED_IN_A_FIELD]))


@pytest.mark.parametrize(("text", "value"), _CAPITALISED_IN_A_FIELD)
def test_a_capitalised_word_in_a_field_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A form's answer, a service's or a product's name, a word of kind, capitalised in the field: no password.
_FIELDS_ANSWERED = [
    'パスワード：Required', 'Password: Unknown', 'パスワード：Google', 'パスワード：Microsoft', 'パスワード：Facebook',
    'パスワード：Optional', 'パスワード：Unnecessary', 'Wi-Fi\nSSID：Joetsu_Free\nパスワード：Free', 'パスワード：Passphrase',
    'パスワード：Windows', 'パスワード：Personal', 'パスワード：Bitwarden', 'パスワード：Protected', 'パスワード：Settings',
    'Password: Biometric', 'Day pass: Unlimited', 'PIN：Required', 'パスワード. Required', 'パスワード：Hidden',
    'パスワード. Windows11 での設定方法', 'ロック解除：Face ID',
]

test_a_fields_answer_or_a_name_stays_silent = CORPUS.ordinary(_ordinary(_FIELDS_ANSWERED))
