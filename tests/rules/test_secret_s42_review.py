"""confidential.secret, session 42's review: what the session's new readings of a password's field, of a label closed
by 「。」 and of a login's services took for a password, or let through."""

from __future__ import annotations

import pytest

from tests.rules.conftest import assert_secret_flagged_and_masked
from tests.rules.test_secret_s42 import CORPUS, _ordinary

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


# The services' passwords under a login's heading, a colon after each service (session 42), then a field's or a link's
# line, or a second login's heading: read into the block as a service, it made the whole block no list of logins.
_SERVICES_LOGINS_THEN_MORE = [
    ('広報SNSのログイン\nX：koho-X1\nInstagram：koho-I2\nURL：https://x.com/login', ['koho-X1', 'koho-I2']),
    ('広報SNSのログイン\nX：koho-X1\nInstagram：koho-I2\n更新日：2026-12-07', ['koho-X1', 'koho-I2']),
    ('広報SNSのログイン\nX\nkoho-X1\nInstagram\nkoho-I2\n更新日\n2026-12-07', ['koho-X1', 'koho-I2']),
    ('広報SNSのログイン\nX：koho-X1\nInstagram：koho-I2\n\n観光SNSのログイン\nX：kanko-X1', ['koho-X1', 'koho-I2', 'kanko-X1']),
    ('広報SNSのログイン\nX\nkoho-X1\nInstagram\nkoho-I2\n\n観光SNSのログイン\nInstagram\nkanko-I2',
     ['koho-X1', 'koho-I2', 'kanko-I2']),
]


@pytest.mark.parametrize(("text", "values"), _SERVICES_LOGINS_THEN_MORE)
def test_services_logins_before_another_line_are_flagged_and_masked(text: str, values: list[str]) -> None:
    for value in values:
        assert_secret_flagged_and_masked(text, value)


# A block that opens with a field, and the accounts beside the services before a link: no password still.
_NO_SERVICES_LOGINS = [
    'ログイン\n受付番号\nA-2026-01\nX\nkoho-X1', 'ログイン\nXのアカウント\n@joetsu_city\nInstagram\n@joetsu_official\n更新日：2026-12-07',
    '公式SNSのログイン\nX：joetsu_city\nInstagram：joetsu.city\nURL：https://www.city.joetsu.niigata.jp/',
    'ログイン講座\nX：koho-X1\n\nSNSのログイン\nX：@joetsu_city',
]

test_no_services_logins_stay_silent = CORPUS.ordinary([(p, t) for p in ("x", "facebook") for t in _NO_SERVICES_LOGINS])


# A service's or a product's name in lower case alone in the field, as a password is typed: the session's silence for a
# capitalised name (「パスワード：Microsoft」) took it too.
_A_NAME_IN_LOWER_CASE = [
    ('パスワード：microsoft', 'microsoft'), ('パスワード：google', 'google'), ('パスワード：windows', 'windows'),
    ('ID：koho01\nPW：microsoft', 'microsoft'), ('パスワード：kintone', 'kintone'),
]


@pytest.mark.parametrize(("text", "value"), _A_NAME_IN_LOWER_CASE)
def test_a_name_in_lower_case_alone_in_the_field_fires_and_is_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# What a post lists under the word with a blank line between the items, as session 42 reads a series of passwords so:
# the phrases of a lesson and the apps a guide covers were read as the password, the first line alone.
_LISTED_WITH_BLANK_LINES = [
    '【英語教室】パスワード\nWelcome!\n\nGoodbye!', 'パスワード\nWelcome!\n\nThanks!', 'パスワード\nOneDrive\n\nSharePoint',
    'パスワード\niPhone15\n\niPhone16', 'パスワード\n@joetsu_city\n\n@joetsu_koho',
]

test_a_list_with_blank_lines_under_the_word_stays_silent = CORPUS.ordinary(_ordinary(_LISTED_WITH_BLANK_LINES))

_PASSWORDS_WITH_BLANK_LINES = [
    ('パスワード\nTeams1\n\nTeams2', 'Teams1'), ('パスワード\nOneDrive2026!\n\nSharePoint2026!', 'OneDrive2026!'),
    ('パスワード\nWelcome1\n\nThanks1', 'Welcome1'), ('パスワード\n@Kessai2026\n\n@Joetsu2027', '@Kessai2026'),
]


@pytest.mark.parametrize(("text", "value"), _PASSWORDS_WITH_BLANK_LINES)
def test_passwords_with_blank_lines_still_fire_and_are_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)
