"""confidential.secret, session 41: passwords the rule let through, and a version it took for one.

A full-width period after the label with the value on the next line (「パスワード．⏎kouhou2026」) was no separator; a
version after 「パスワード. 」 (「パスワード. v2.0 で必須に」) was read as the value. A short value of every kind of character
in brackets (「パスワード【Az09!】」) was too short for a bracketed word, and a famous weak password listed after the
account's terms (「ID・パスワード・abcd1234」) was taken for an awareness post's example. Each catch is attacked with the
everyday posts about passwords that must stay silent.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.rules.conftest import JST, Corpus, assert_secret_flagged_and_masked

CORPUS = Corpus(datetime(2026, 5, 14, 10, 0, tzinfo=JST))
PLATFORMS = ("x", "facebook")


def _bad(texts: list[str]) -> list[tuple[str, str, str]]:
    return [(p, t, "confidential.secret") for p in PLATFORMS for t in texts]


def _ordinary(texts: list[str]) -> list[tuple[str, str]]:
    return [(p, t) for p in PLATFORMS for t in texts]


# Everyday posts about passwords, in the shapes the catches below read: a period after the label, brackets glued to it,
# the label listed with 「・」, a version after 「. 」.
_EVERYDAY = [
    'パスワードの使い回しに注意しましょう。\n複数のサービスで同じものを使わないでください。',
    'パスワードを忘れた方は、窓口までお越しください。',
    '館内Wi-Fiをご利用いただけます。パスワードは受付でお伝えします。',
    'パスワードは窓口でお伝えします。', '初期パスワードは生年月日8桁です。',
    'パスワードの管理、大丈夫ですか？\n使い回しや簡単なものは避けましょう。',
    'Wi-Fi 案内\nSSID: joetsu_free\nパスワードはありません（どなたでも接続できます）',
    'パスワード．\n8文字以上で設定してください。', 'パスワード．\n英数字を組み合わせてください',
    'パスワード.\nSTEP1 設定画面を開く', 'パスワード.\nhttps://www.city.joetsu.niigata.jp/reset',
    '【パスワード．】\n変更方法はこちらです', 'パスワード．\n(iPhone15)\nの変更方法', 'パスワード．\n※半角英数字',
    'パスワード．\nID\nメール', 'パスワード有効期限．\n2026/04/01', 'パスワード講座を開催します。\n日時．\n12月10日 10:00',
    'パスワード【重要】変更のお願い', 'パスワード【Ver2.0】の管理ガイド', 'パスワード【PIN】', 'パスワード【Q&A】よくある質問',
    'パスワード【R8.1.4】変更のお願い', 'パスワード【No.12】', 'パスワード【Ab12】', 'パスワード【A-Z!】',
    'パスワード(8文字以上)を入力してください',
    'ID・パスワード・Wi-Fi2 の設定方法', 'ID・パスワード・PIN の違いを解説します', 'ID・パスワード・password などの言葉は…',
    '「ID・パスワード・abcd1234」のような組み合わせは危険です', 'ID・パスワード・abcd1234 などは危険です',
    'パスワードに「abcd1234」や「123456」は使わないでください。',
    'パスワード. v2.0 で必須に', 'パスワード. Ver3 から変更になりました', 'パスワード. iPhone15 の場合',
    'パスワード. Windows11 での設定方法', 'スマホのパスワード. 4桁より6桁が安全です',
    'パスワード変更日\n2026\n04\n01',
]

test_everyday_password_posts_stay_silent = CORPUS.ordinary(_ordinary(_EVERYDAY))


# A period after a Japanese label, the value on the next line: a form's colon typed as 「．」.
_PERIOD_THEN_LINE = [
    ('パスワード．\nkouhou2026', 'kouhou2026'), ('Wi-Fiのパスワード．\njoetsu-guest26', 'joetsu-guest26'),
    ('暗証番号．\n4821', '4821'), ('パスワード．\nKessai2026!\nよろしくお願いします', 'Kessai2026!'),
    ('パスワード.\nkouhou2026', 'kouhou2026'),
]

test_a_value_under_a_period_fires = CORPUS.bad(_bad([t for t, _ in _PERIOD_THEN_LINE]))


@pytest.mark.parametrize(("text", "value"), _PERIOD_THEN_LINE)
def test_a_value_under_a_period_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# 「. 」 still announces a value that is no version (「パスワード. Kessai2026!」), and a version's shape with a year's digits
# (「v20261201」) is a password's.
_AFTER_A_PERIOD = ['パスワード. Kessai2026!', 'パスワード. kouhou2026', 'PW. kouhou2026', 'パスワード. v20261201',
                   'パスワード. iOS2026!']

test_a_value_after_a_period_fires = CORPUS.bad(_bad(_AFTER_A_PERIOD))


# A short value of every kind of character in brackets: no title's note, version or word is written so.
_BRACKETED_STRONG = [
    ('パスワード【Az09!】', 'Az09!'), ('パスワード（Az09!）', 'Az09!'), ('パスワード：【Kx7!】', 'Kx7!'),
    ('パスワード【aB3$】', 'aB3$'),
]

test_a_short_strong_value_in_brackets_fires = CORPUS.bad(_bad([t for t, _ in _BRACKETED_STRONG]))


@pytest.mark.parametrize(("text", "value"), _BRACKETED_STRONG)
def test_a_short_strong_value_in_brackets_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A famous weak password listed after the account's terms: the account's, no awareness post's example.
_LISTED_FAMOUS = [
    ('ID・パスワード・abcd1234', 'abcd1234'), ('ID・パスワード・123456', '123456'),
    ('ユーザー名・パスワード・p@ssw0rd', 'p@ssw0rd'),
]

test_a_famous_password_listed_after_the_terms_fires = CORPUS.bad(_bad([t for t, _ in _LISTED_FAMOUS]))


@pytest.mark.parametrize(("text", "value"), _LISTED_FAMOUS)
def test_a_famous_password_listed_after_the_terms_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# Already caught (an English heading over an ID and a password): pinned, as last session listed it among the misses.
test_an_english_headings_login_fires = CORPUS.bad(_bad(['Instagram login (front desk PC)\nID: koho_joetsu\nPW: Kessai2026!']))


# The passwords of as many accounts under one label, of one shape and with no digit (「パスワード⏎joetsuA⏎joetsuB」): no line
# alone looked a password, and two of one shape were no pieces of one, so both went out.
_A_SERIES = [
    ('パスワード\nSakura!\nFubuki!', ['Sakura!', 'Fubuki!']), ('パスワード\njoetsuA\njoetsuB', ['joetsuA', 'joetsuB']),
    ('パスワード\njoetsuA\njoetsuB\njoetsuC', ['joetsuA', 'joetsuB', 'joetsuC']),
    ('Wi-Fiのパスワード\nguestA\nguestB', ['guestA', 'guestB']),
]
_NAMES_UNDER_THE_LABEL = [
    'パスワード\nRoom-A\nRoom-B', 'パスワード\nUpper!\nLower!', 'パスワード\nGitHub\nGitLab', 'パスワード\nYouTube\nTikTok',
    'パスワード\nLastPass\nKeePass', 'パスワード\nOneNote\nOneDrive', 'パスワード\nSakura\nFubuki', 'パスワード\nSTEP1\nSTEP2',
    'パスワード\nExcel\nWord\nPowerPoint', 'パスワード\niPhone\niPadOS', 'パスワード\n(Step1)\n(Step2)',
    'パスワード\nA-Z\na-z\n0-9', 'パスワード\nabc\nABC\n123\n!#$', 'パスワード\nWPA2\nWPA3', 'パスワード\nPC-A1\nPC-B2',
    'パスワード管理ソフト\nKeePass\nBitwarden', 'パスワード講座の日程\n10:00\n13:30', 'パスワード\n#joetsu\n#kouhou',
]

test_a_series_of_passwords_fires = CORPUS.bad(_bad([t for t, _ in _A_SERIES]))
test_names_under_the_label_stay_silent = CORPUS.ordinary(_ordinary(_NAMES_UNDER_THE_LABEL))


@pytest.mark.parametrize(("text", "values"), _A_SERIES)
def test_each_password_of_a_series_is_flagged_and_masked(text: str, values: list[str]) -> None:
    for value in values:
        assert_secret_flagged_and_masked(text, value)


# The accounts of several services under a login's heading, each service on its line and its password under it: no
# label and no ID, the block went out. Handles, addresses and a form's or a notice's fields stay silent.
_SERVICE_LOGINS = [
    ('…のログイン\nXのアカウント\nkoho-X1\nInstagram\nkoho-I2', ['koho-X1', 'koho-I2']),
    ('広報SNSのログイン\nXのアカウント\nkoho-X1\nInstagramのアカウント\nkoho-I2', ['koho-X1', 'koho-I2']),
    ('SNSのログイン\nX\nkoho-X1!', ['koho-X1!']),
    # Session 42: upper and lower case, a digit and a dash no handle has are a password for one service too.
    ('SNSのログイン\nX\nkoho-X1', ['koho-X1']),
    ('公式SNSのログイン（窓口PC）\nX\njoetsu-2026x\nLINE\njoetsu-2026l', ['joetsu-2026x', 'joetsu-2026l']),
]
_LOGIN_NOTICES = [
    '公式SNSのログイン\nXのアカウント\njoetsu_city\nInstagram\njoetsu_official',
    '公式SNSのログイン\nXのアカウント\njoetsu_koho01\nInstagram\njoetsu.koho02',
    'ログイン方法\nXのアカウント\nkoho-X1\nInstagram\nkoho-I2', 'ログインできない場合\n電話\n025-526-5111',
    'ログイン\n受付時間\n9:00-17:00', 'ログイン講座\n日時\n12/10-12/11', 'ログイン\nURL\nhttps://www.city.joetsu.niigata.jp/login',
    'マイナポータルへのログイン\n必要なもの\nマイナンバーカード', 'ログイン\n対応OS\niOS17.2', 'ログイン\nWindows\nWindows11',
    'ログイン\n受付番号\nA-2026-01', 'スマホでのログイン\n推奨ブラウザ\nChrome-120', 'ログイン\n会場\nRoom-2F',
    'ログイン\n申込番号\nweb-2026\n問い合わせ\nkoho-desk1', '電子申請のログイン\n利用者ID\nuser-2026\nご不明な点はお問い合わせください',
    '図書館のログイン\n貸出カード番号\nlib-0012345', 'ログイン\nXのアカウント\n@joetsu_city\nInstagram\n@joetsu_official',
    'SNSのログイン\nアカウント名\nkoho-X1\n利用者ID\nkoho-I2',
]

test_service_logins_fire = CORPUS.bad(_bad([t for t, _ in _SERVICE_LOGINS]))
test_login_notices_stay_silent = CORPUS.ordinary(_ordinary(_LOGIN_NOTICES))


@pytest.mark.parametrize(("text", "values"), _SERVICE_LOGINS)
def test_each_services_password_is_flagged_and_masked(text: str, values: list[str]) -> None:
    for value in values:
        assert_secret_flagged_and_masked(text, value)


# An awareness post lists a series of weak passwords the same way, saying so before the label or on the line after the
# series: no account's passwords, they stay silent. A series under a plain label with an ordinary note after it fires.
_A_SERIES_WARNED_AGAINST = [
    'パスワード\nSakura!\nFubuki!\nこのような単語+記号は推測されやすいので避けましょう',
    'パスワード\nSakura!\nFubuki!\n↑こうしたパスワードは危険です',
    'よく使われるパスワード\nQwerty!\nAsdfgh!', '危険なパスワード\nSakura!\nFubuki!',
    '×悪い例\nパスワード\nSakura!\nFubuki!', 'NG例：パスワード\nSakura!\nFubuki!',
]
_A_SERIES_WITH_A_NOTE = [
    ('Wi-Fiのパスワード\nguestA\nguestB\n※大文字と小文字を区別します', ['guestA', 'guestB']),
    ('会議室のパスワード\nSakura!\nFubuki!\n今月末まで有効です', ['Sakura!', 'Fubuki!']),
]

test_a_series_warned_against_stays_silent = CORPUS.ordinary(_ordinary(_A_SERIES_WARNED_AGAINST))
test_a_series_with_a_note_fires = CORPUS.bad(_bad([t for t, _ in _A_SERIES_WITH_A_NOTE]))


@pytest.mark.parametrize(("text", "values"), _A_SERIES_WITH_A_NOTE)
def test_each_password_of_a_series_with_a_note_is_flagged_and_masked(text: str, values: list[str]) -> None:
    for value in values:
        assert_secret_flagged_and_masked(text, value)


# A blank line under the label or between the series' blocks sets no series apart: each password still fires. A blank
# line under the label sets no list of names apart from it either (they stay silent).
_A_SERIES_WITH_BLANK_LINES = [
    ('パスワード\n\nSakura!\nFubuki!', ['Sakura!', 'Fubuki!']),
    ('パスワード\njoetsuA\njoetsuB\n\njoetsuC', ['joetsuA', 'joetsuB', 'joetsuC']),
    ('Wi-Fiのパスワード\n\nguestA\nguestB\n\nguestC\nguestD', ['guestA', 'guestB', 'guestC', 'guestD']),
    # Lines of another shape after the blank line end the series, not the catch.
    ('パスワード\njoetsuA\njoetsuB\n\nURL\nhttps://www.city.joetsu.niigata.jp/', ['joetsuA', 'joetsuB']),
]
_NAMES_UNDER_THE_LABEL_AND_A_BLANK_LINE = [
    'パスワード\n\nRoom-A\nRoom-B', 'パスワード\n\nGitHub\nGitLab', 'パスワード\n\nSTEP1\nSTEP2',
    'よく使われるパスワード\n\nQwerty!\nAsdfgh!', 'パスワード\n\nSakura!\nFubuki!\n\nこのような単語+記号は避けましょう',
]

test_a_series_with_blank_lines_fires = CORPUS.bad(_bad([t for t, _ in _A_SERIES_WITH_BLANK_LINES]))
test_names_under_the_label_and_a_blank_line_stay_silent = CORPUS.ordinary(
    _ordinary(_NAMES_UNDER_THE_LABEL_AND_A_BLANK_LINE)
)


@pytest.mark.parametrize(("text", "values"), _A_SERIES_WITH_BLANK_LINES)
def test_each_password_of_a_series_with_blank_lines_is_flagged_and_masked(text: str, values: list[str]) -> None:
    for value in values:
        assert_secret_flagged_and_masked(text, value)


# The same block of services' passwords under 「ログイン情報」 or 「ログイン用」, with a blank line after the heading or
# between the services, or a bullet before each service: as much a list of accounts. Handles and a lesson's steps under
# such a heading stay silent.
_SERVICE_LOGINS_SPACED = [
    ('広報SNSのログイン情報\nX\nkoho-X1\nInstagram\nkoho-I2', ['koho-X1', 'koho-I2']),
    ('SNSログイン用\nX\nkoho-X1\nInstagram\nkoho-I2', ['koho-X1', 'koho-I2']),
    ('広報SNSのログイン\nX\nkoho-X1\n\nInstagram\nkoho-I2', ['koho-X1', 'koho-I2']),
    ('広報SNSのログイン\n\nX\nkoho-X1\nInstagram\nkoho-I2', ['koho-X1', 'koho-I2']),
    ('広報SNSのログイン\n・X\nkoho-X1\n・Instagram\nkoho-I2', ['koho-X1', 'koho-I2']),
]
_LOGIN_NOTICES_SPACED = [
    '公式SNSのログイン情報\nX\n@joetsu_city\n\nInstagram\n@joetsu_official',
    'ログイン情報\n\n・X\njoetsu_city\n・Instagram\njoetsu.official',
    'ログイン情報の確認方法\nX\nkoho-X1\nInstagram\nkoho-I2',
    'スマホ教室でのログイン\n\nLINE\nQRコード読み取り\n\nX\nメールアドレス入力',
]

test_service_logins_spaced_fire = CORPUS.bad(_bad([t for t, _ in _SERVICE_LOGINS_SPACED]))
test_login_notices_spaced_stay_silent = CORPUS.ordinary(_ordinary(_LOGIN_NOTICES_SPACED))


@pytest.mark.parametrize(("text", "values"), _SERVICE_LOGINS_SPACED)
def test_each_services_password_set_apart_is_flagged_and_masked(text: str, values: list[str]) -> None:
    for value in values:
        assert_secret_flagged_and_masked(text, value)


# A famous weak password after the account's terms that the post calls an example or a bad habit, before the terms or
# on the line after: an awareness post's, silent. Said with no such word around it, the account's: it fires.
_LISTED_FAMOUS_WARNED_AGAINST = [
    '悪い例：ID・パスワード・abcd1234', '×ID・パスワード・abcd1234', 'よくあるID・パスワード・abcd1234',
    '推測されやすい例\nID・パスワード・abcd1234', 'ID・パスワード・abcd1234\nこうした組み合わせは危険です',
    'ID・パスワード・123456\nすぐに破られます',
]
_LISTED_FAMOUS_WITH_A_NOTE = [
    ('共用PCのID・パスワード・abcd1234\n月曜から使えます', 'abcd1234'),
    ('初期ID・パスワード・abcd1234\nログイン後に変更してください', 'abcd1234'),
]

test_listed_famous_warned_against_stays_silent = CORPUS.ordinary(_ordinary(_LISTED_FAMOUS_WARNED_AGAINST))
test_listed_famous_with_a_note_fires = CORPUS.bad(_bad([t for t, _ in _LISTED_FAMOUS_WITH_A_NOTE]))


@pytest.mark.parametrize(("text", "value"), _LISTED_FAMOUS_WITH_A_NOTE)
def test_a_listed_famous_password_with_a_note_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)
