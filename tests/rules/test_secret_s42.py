"""confidential.secret, session 42: passwords the rule let through, and lists under a label it took for them.

A capitalised word alone in a password's field (「パスワード：Sakura」「パスワード. Sakura」) went out, while eight letters
in two cases made a form's answer or a name one (「Password: Required」「パスワード：Microsoft」). Each catch is attacked with
the everyday posts about passwords that must stay silent.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot import secret_mask
from bot.rules import secret_value_spans
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


# A period or a full stop closing the label, the value on the next line: 「。」 after a Japanese label, 「.」 after PW too.
_STOP_THEN_LINE = [
    ('パスワード。\nkouhou2026', 'kouhou2026'), ('PW.\nkouhou2026', 'kouhou2026'), ('ＰＷ．\nkouhou2026', 'kouhou2026'),
    ('暗証番号。\n4821', '4821'), ('PIN.\n4821', '4821'), ('Wi-Fiのパスワード。\nKessai2026!\nよろしくお願いします', 'Kessai2026!'),
]

test_a_value_under_a_stop_fires = CORPUS.bad(_bad([t for t, _ in _STOP_THEN_LINE]))


@pytest.mark.parametrize(("text", "value"), _STOP_THEN_LINE)
def test_a_value_under_a_stop_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A sentence that ends on the word (「テーマはパスワード。」), what follows it a tag, a link, a model or a time.
_SENTENCE_ENDS_ON_THE_WORD = [
    '今月のテーマはパスワード。\n#joetsu2026', '大切なのはパスワード。\nhttps://www.city.joetsu.niigata.jp/security',
    '気をつけたいのがパスワード。\niPhone15\nの設定方法を紹介します', '講座のテーマはパスワード。\n12月10日 10:00',
    '今日のテーマはパスワード。\nSTEP1', '忘れやすいのがパスワード。\nWindows11', '今日のテーマはパスワード。\n#セキュリティ #上越市',
    'セキュリティ講座の3回目はパスワード。\n10:00〜12:00', '今回のテーマはPIN.\nVol.2', 'スマホのロックはPIN.\nFace ID\n指紋',
]

# On X and Facebook: Instagram holds the city to its own hashtags (platform.hashtag), which 「#joetsu2026」 is not.
test_a_sentence_ending_on_the_word_stays_silent = CORPUS.ordinary(
    [(p, t) for p in ("x", "facebook") for t in _SENTENCE_ENDS_ON_THE_WORD]
)


# What a security-awareness post, an IT lecture's notice or an English class lists under the word, an item a line: the
# city's accounts, the models or the apps a guide covers, the password managers it recommends, the phrases of a lesson.
_LISTED_UNDER_THE_WORD = [
    'パスワード\n@joetsu_city\n@joetsu_koho', 'パスワード\nHello!\nThanks!', 'パスワード\niPhone15\niPhone16',
    'パスワード\nPowerPoint\nOneDrive', 'パスワードの管理に\n1Password\nLastPass', 'パスワード\nWelcome!\nThanks!',
    '英語で挨拶\nパスワード\nHello!\nHi!', 'おすすめアプリ\nパスワード\n1Password\nBitwarden', 'パスワード\nExcel\nPowerPoint',
    'パスワード\nPixel8\nGalaxy23', 'パスワード\n@JoetsuCity\n@joetsu_kanko',
    '【IT講座】パスワードの管理に\n1Password\nLastPass\nなどのアプリを使う方法をご紹介します。',
    '英語教室\n今日のフレーズ\nパスワード\nHello!\nThanks!\nSee you!',
]

test_a_list_under_the_word_stays_silent = CORPUS.ordinary(_ordinary(_LISTED_UNDER_THE_WORD))

# The same shapes with a password's in them still fire: a handle's shape with capitals and digits, a model's name with a
# year, a greeting with a year, a manager's name before a label, an app's name before the value.
_STILL_PASSWORDS = [
    'パスワード\n@Kessai2026\n@Joetsu2027', 'パスワード\niPhone2026\nAndroid2026', 'パスワード\nHello2026!\nThanks2026!',
    'パスワード\nHello\n2026!', 'パスワード\nWelcome!\nJoetsu!', '1Password のマスターパスワード：Kessai2026!',
    'パスワード\nOneDrive\nKessai2026!', 'パスワード\nPowerPoint2026!', 'パスワード\nTeams1\nTeams2', 'パスワード\nSakura\nFubuki!',
    'パスワード\n@koho2026!',
]

test_a_password_in_a_lists_shape_still_fires = CORPUS.bad(_bad(_STILL_PASSWORDS))


# A series of passwords, a line each, set apart by blank lines from the first (「パスワード⏎Sakura!⏎⏎Fubuki!」): a block of
# one line under the label was never read for a series.
_SERIES_OF_ONE_LINE_BLOCKS = [
    ('パスワード\nSakura!\n\nFubuki!', ['Sakura!', 'Fubuki!']), ('パスワード\njoetsuA\n\njoetsuB', ['joetsuA', 'joetsuB']),
    ('パスワード\n\nSakura!\n\nFubuki!', ['Sakura!', 'Fubuki!']),
    ('パスワード\nSakura!\n\nFubuki!\n\nMomiji!', ['Sakura!', 'Fubuki!', 'Momiji!']),
]

test_a_series_of_one_line_blocks_fires = CORPUS.bad(_bad([t for t, _ in _SERIES_OF_ONE_LINE_BLOCKS]))


@pytest.mark.parametrize(("text", "values"), _SERIES_OF_ONE_LINE_BLOCKS)
def test_each_password_of_a_series_of_one_line_blocks_is_masked(text: str, values: list[str]) -> None:
    for value in values:
        assert_secret_flagged_and_masked(text, value)


# One-line blocks of rooms, steps, apps or phrases, an awareness post's examples, a series broken by a link.
_ONE_LINE_BLOCKS_OF_NO_PASSWORD = [
    'パスワード\nRoom-A\n\nRoom-B', 'パスワード\nSTEP1\n\nSTEP2', 'よく使われるパスワード\nQwerty!\n\nAsdfgh!',
    'パスワード\nHello!\n\nThanks!', 'パスワード\nSakura!\n\nURL\nhttps://www.city.joetsu.niigata.jp/', 'パスワード\nExcel\n\nWord',
    '【英語教室】パスワード\nHello!\n\nSee you!', 'パスワード\nSakura!\n\nFubuki!\n\nこのような単語+記号は推測されやすいので避けましょう',
    'ログイン\njoetsu_city\n\njoetsu_koho',
]

test_one_line_blocks_of_no_password_stay_silent = CORPUS.ordinary(_ordinary(_ONE_LINE_BLOCKS_OF_NO_PASSWORD))


# The services' passwords under a login's heading, each on its service's line a colon after it, or one service's alone
# with a dot among letters of both cases and a digit.
_SERVICES_LOGINS = [
    ('広報SNSのログイン\nX：koho-X1\nInstagram：koho-I2', ['koho-X1', 'koho-I2']),
    ('広報SNSのログイン\nFacebook\nkoho.F1', ['koho.F1']),
    ('広報SNSのログイン情報\n・X：koho-X1\n・Instagram：koho-I2', ['koho-X1', 'koho-I2']),
    ('広報SNSのログイン\nFacebook\nkoho-F1', ['koho-F1']),
    ('広報SNSのログイン\nX：Kessai2026!', ['Kessai2026!']),
]

test_a_services_password_beside_or_under_it_fires = CORPUS.bad(_bad([t for t, _ in _SERVICES_LOGINS]))


@pytest.mark.parametrize(("text", "values"), _SERVICES_LOGINS)
def test_a_services_password_beside_or_under_it_is_masked(text: str, values: list[str]) -> None:
    for value in values:
        assert_secret_flagged_and_masked(text, value)


# The accounts, pages, dates and versions a post puts beside the services it names.
_SERVICES_AND_NO_PASSWORD = [
    '広報SNSのログイン\nX：@joetsu_city\nInstagram：@joetsu_koho', '公式SNSのログイン\nX：joetsu_city\nInstagram：joetsu.city',
    '広報SNSのログイン\nFacebook\njoetsu.city',
    'ログイン\nFacebook\nJoetsu.City', 'ログイン方法\nX：koho-X1\nInstagram：koho-I2', 'マイページのログイン\n受付時間：9:00-17:00',
    'ログイン\nX：2026-01-01\nInstagram：2026-02-01', '広報SNSのログイン\nX：v2.0.1\nInstagram：v3.1.0',
    '公式SNSのログイン\nX：JoetsuCity\nInstagram：joetsu_city',
]

test_services_and_no_password_stay_silent = CORPUS.ordinary(
    [(p, t) for p in ("x", "facebook") for t in _SERVICES_AND_NO_PASSWORD]
)


# A number in groups under the label, a line each (a form's boxes copied): the first group alone was found and masked,
# and the leak report showed the rest of the number.
_DIGIT_GROUPS = [
    ('パスワード\n2026\n04\n01\n10\n00', ['2026', '04', '01', '10', '00']),
    ('パスワード\n4821\n9921', ['4821', '9921']), ('パスワード\n20260401\n1000', ['20260401', '1000']),
]


@pytest.mark.parametrize(("text", "groups"), _DIGIT_GROUPS)
def test_every_group_of_a_number_on_lines_is_found_and_masked(text: str, groups: list[str]) -> None:
    assert [text[a:b] for a, b in secret_value_spans(text)] == groups
    for about_a_password in (True, False):
        masked, _ = secret_mask.mask_secrets(text, about_a_password=about_a_password)
        assert not any(c.isdigit() for c in masked), masked


# A count of items and groups that are no number alone stay as they were.
_NUMBERS_LISTED = ['パスワード\n01\n02\n03', 'パスワード変更日\n2026\n04\n01', 'パスワード\n10\n20\n30']

test_numbers_listed_under_the_word_stay_silent = CORPUS.ordinary(_ordinary(_NUMBERS_LISTED))
