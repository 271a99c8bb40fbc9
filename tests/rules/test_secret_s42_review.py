"""confidential.secret, session 42's review: what the session's new readings of a password's field, of a label closed
by 「。」 and of a login's services took for a password, or let through."""

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


# A capitalised word alone in the field is read as a password since session 42 (「パスワード：Sakura」); a browser's name
# or what a visitors' Wi-Fi notice or a settings screen puts there is none.
_NOTICE_WORDS_IN_A_FIELD = [
    'パスワード：Chrome', 'パスワード：Safari', 'パスワード：Firefox', 'パスワードは Chrome です', 'Password: Printed',
    'パスワード：Reception', 'Wi-Fi\nSSID：Joetsu_Free\nPassword: Receipt', 'パスワード：Sticker', 'パスワード：Posted',
    'パスワード：Standard', 'パスワード：Custom', 'パスワード：Manual', 'パスワード：Initial', 'パスワード：Medium',
    'パスワード：Shared', 'パスワード：Public', 'パスワード：Voucher', 'セキュリティ講座\n第1回 SNS：Basics\n第2回 パスワード：Advanced',
]

test_a_notices_word_in_the_field_stays_silent = CORPUS.ordinary(_ordinary(_NOTICE_WORDS_IN_A_FIELD))

_STILL_IN_THE_FIELD = [
    ('パスワード：Sakura', 'Sakura'), ('パスワード：Printed2026', 'Printed2026'), ('PW：Counter26', 'Counter26'),
    ('パスワード：Chrome2026!', 'Chrome2026!'), ('Wi-Fiパスワード：Kasugayama', 'Kasugayama'),
]


@pytest.mark.parametrize(("text", "value"), _STILL_IN_THE_FIELD)
def test_a_password_in_the_field_still_fires_and_is_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)
