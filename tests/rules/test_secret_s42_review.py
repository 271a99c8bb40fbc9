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


# A security slogan ending on the word, its next line a campaign's word: the words before 「パスワード。」 end as a verb or
# an adjective does, or name whose it is, as no memo's label is written.
_SLOGANS_ENDING_ON_THE_WORD = [
    '見直そう パスワード。\nSecurityAction', '守ろう\u3000パスワード。\nStopPhishing', '使い回すな\u3000パスワード。\nJoetsuCity',
    '大事なパスワード。\nStaySafe2026', 'あなたのパスワード。\nStaySafe2026', 'あなたの大切なパスワード。\nSecurity2026',
    '狙われる\u3000パスワード。\nCybersecurity2026',
]

# On X and Facebook, as session 42's own sentences are (Instagram holds a post to the city's hashtags).
test_a_slogan_ending_on_the_word_stays_silent = CORPUS.ordinary(
    [(p, t) for p in ("x", "facebook") for t in _SLOGANS_ENDING_ON_THE_WORD]
)

_MEMOS_CLOSED_BY_A_STOP = [
    ('ルーターのパスワード。\nKessai2026!', 'Kessai2026!'), ('管理画面パスワード。\nKessai2026!', 'Kessai2026!'),
    ('お客様用Wi-Fiのパスワード。\nguest2026', 'guest2026'), ('共有フォルダ\u3000パスワード。\nkouhou2026', 'kouhou2026'),
    ('共有PCのログインパスワード。\nkouhou2026', 'kouhou2026'),
]


@pytest.mark.parametrize(("text", "value"), _MEMOS_CLOSED_BY_A_STOP)
def test_a_memos_label_closed_by_a_stop_still_fires_and_is_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)
