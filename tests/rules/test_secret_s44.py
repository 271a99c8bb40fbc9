"""confidential.secret, session 44: short notes in a password's field, examples labelled before a word in the field, a
cross mark heading a bad example, a title after the field, logins under a service's heading, a 合言葉 used to log in,
and what the incident report masks of a service's name and a password below it."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot import secret_mask
from bot.rules import secret_value_spans
from tests.rules.conftest import JST, Corpus, assert_secret_flagged_and_masked

CORPUS = Corpus(datetime(2026, 12, 7, 10, 0, tzinfo=JST))
PLATFORMS = ("x", "facebook")


def _ordinary(texts: list[str]) -> list[tuple[str, str]]:
    return [(p, t) for p in PLATFORMS for t in texts]


# What a form, a memo or a security check writes in the field for no value: how it is set (「Auto」「Fixed」), where it is
# (「Print」), that it is known or comes soon, what to do (「Enter」「Input」), or a check's verdict (「Easy」「Safe」).
test_a_fields_note_of_four_or_five_letters_stays_silent = CORPUS.ordinary(_ordinary([
    "パスワード：Auto", "パスワード：Print", "パスワード：Fixed", "パスワード：Known", "パスワード：Soon", "パスワード：Enter",
    "パスワード：Input", "パスワード：Easy", "パスワード：Safe", "Password: auto", "PW：Soon",
]))

# A word of the same length that is no note is the password all the same; 「Guest」 too: a visitors' Wi-Fi password is
# flagged as any other (the rule cannot tell it from an office's), with the Wi-Fi message.
_SHORT_WORDS_STILL_VALUES = [
    ("パスワード：Guest", "Guest"), ("パスワード：Tokyo", "Tokyo"), ("パスワード：Autumn", "Autumn"),
    ("パスワード：Printer", "Printer"), ("ID：koho01\nパスワード：Safety", "Safety"),
]


@pytest.mark.parametrize(("text", "value"), _SHORT_WORDS_STILL_VALUES)
def test_a_short_word_that_is_no_note_is_still_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A word of letters in the field that the line or the sentence before calls an example or a bad one, of any length.
test_a_word_in_the_field_labelled_an_example_stays_silent = CORPUS.ordinary(_ordinary([
    "例：パスワード：kohoka", "【NG】パスワード：kohoka", "悪い例：パスワード：kohoka", "×悪い例\nパスワード：kohoka",
    "× パスワード：kohoka", "NG例\nパスワード：sakura", "よくあるダメな例\nPW：momijigari",
]))

# Not a year's custom, a rule or a password with digits: those still fire.
_NOT_EXAMPLES = [
    ("ID：koho01\nパスワード：kohoka", "kohoka"), ("例年どおり配布します\nID：koho01\nパスワード：joetsuwifi", "joetsuwifi"),
    ("条例改正の資料\nパスワード：kohoka", "kohoka"), ("【NG】パスワード：Kessai2026!", "Kessai2026!"),
    ("悪い例：パスワード：kohoka2026", "kohoka2026"),
    # A memo's line before saying 「など」「人気の」 of something else: no example.
    ("人気の観光施設でWi-Fiが使えます\nSSID：kanko\nパスワード：joetsukanko", "joetsukanko"),
    ("Wi-Fiなど\nSSID：kanko\nパスワード：joetsukanko", "joetsukanko"),
]


@pytest.mark.parametrize(("text", "value"), _NOT_EXAMPLES)
def test_a_word_in_the_field_with_no_example_before_it_is_still_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A cross heading the line or the sentence marks a bad example as 「×」 does; it was read as a decoration and lost.
test_a_cross_heading_a_bad_example_stays_silent = CORPUS.ordinary(_ordinary([
    "❌ パスワードは「Tokyo」です", "❌パスワード：kohoka", "✖ パスワード：sakura", "🙅 パスワードは「Osaka」です",
    "パスワードの作り方\n⭕ 長く、推測されにくいもの\n❌ パスワード：momijigari", "【✖】PW：kohoka", "⛔ 暗証番号：1234",
]))

# A cross elsewhere decorates the value, and a password with digits after a cross is flagged as any.
_CROSSED_STILL_VALUES = [
    ("パスワード：❌ kouhou2026", "kouhou2026"), ("パスワード❌kouhou2026❌", "kouhou2026"),
    ("❌ パスワード：Kessai2026!", "Kessai2026!"), ("⭕ パスワード：kohoka", "kohoka"),
]


@pytest.mark.parametrize(("text", "value"), _CROSSED_STILL_VALUES)
def test_a_cross_that_heads_no_example_leaves_the_password_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A name and its year that an event's kind and the sentence go on from: where the password is handed out.
test_an_events_name_after_the_field_stays_silent = CORPUS.ordinary(_ordinary([
    "パスワード：Tokyo 2026 大会の会場で配布", "パスワード：Expo 2025 会場でお渡しします",
    "Wi-Fiパスワード：Joetsu 2026 マラソンの受付で配布します", "パスワードは Takada 2026 さくらまつりの本部テントでお伝えします",
]))

# A name and a year given as the password, or one with a mark, or followed by no event: still flagged.
_NAME_AND_YEAR_VALUES = [
    ("パスワード：Joetsu 2026", "Joetsu 2026"), ("パスワード：Joetsu 2026 でログイン", "Joetsu 2026"),
    ("パスワード：Joetsu 2026! 大会の会場で配布", "Joetsu 2026!"), ("パスワード：Joetsu 2026 イベント用", "Joetsu 2026"),
]


@pytest.mark.parametrize(("text", "value"), _NAME_AND_YEAR_VALUES)
def test_a_name_and_a_year_as_the_password_is_still_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# Under a login's heading and an account's ID no word alone is, a word closed by a mark: the password, as in its field.
_CLOSED_WORDS_UNDER_A_LOGIN = [
    ("Instagramのログイン\njoetsu_koho\nTokyo!", "Tokyo!"), ("ログイン\njoetsu_koho\nSakura!", "Sakura!"),
    ("ログイン情報\nkoho01\nsakura#", "sakura#"), ("アカウント情報（広報X）\njoetsu_koho\nMomiji!!", "Momiji!!"),
]


@pytest.mark.parametrize(("text", "value"), _CLOSED_WORDS_UNDER_A_LOGIN)
def test_a_word_closed_by_a_mark_under_a_logins_id_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A greeting, a note, a handle, a way to log in, or a word under a name of letters alone: no login's password.
test_a_greeting_or_a_name_under_a_logins_heading_stays_silent = CORPUS.ordinary(_ordinary([
    "ログイン情報\nkoho01\nThanks!", "Instagramのログイン\n@joetsu_koho\nFollow!", "ログイン方法\njoetsu_koho\nEnjoy!",
    "ログイン情報\njoetsu\nTokyo!", "ログイン情報\nkoho01\nWelcome!", "ログインできない場合\njoetsu_koho\nSorry!",
]))


# A 合言葉 the next sentence says one logs in or goes in with, or one its sentence gives the staff: a login's.
_WATCHWORDS_OF_A_LOGIN = [
    ("職員用の合言葉はKessai2026です。管理画面に入るときに使います。", "Kessai2026"),
    ("合言葉はKessai2026です。管理画面に入るときに使います。", "Kessai2026"), ("職員用の合言葉：Kessai2026", "Kessai2026"),
    ("合言葉は Takada2026 です。ログインに使います。", "Takada2026"),
    ("合言葉は Takada2026 です。共有フォルダを開くときに入力します。", "Takada2026"),
]


@pytest.mark.parametrize(("text", "value"), _WATCHWORDS_OF_A_LOGIN)
def test_a_watchword_used_to_log_in_or_given_the_staff_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# An event's 合言葉 with another thing used for the login, a way to enter it, or the venue's door.
test_an_events_watchword_beside_a_login_stays_silent = CORPUS.ordinary(_ordinary([
    "合言葉はSnow2026です。会場のWi-Fiに接続するときは別のパスワードを使います",
    "合言葉はSnow2026です。アプリにログインして入力してください", "職員の皆さんも参加できます。合言葉はSnow2026です",
    "合言葉はSnow2026です。会場に入るときに受付でお伝えください", "職員の合言葉は「安全第一」です",
]))


# A service's name on the line under the word and its password a line or a blank line below, then more pairs: the report
# kept the password's line masked and masked the name too, and showed a next pair's password of digits and a mark.
_NAMES_AND_PASSWORDS = [
    ("パスワード\nOneDrive\n\nKessai2026!", ["OneDrive"], ["Kessai2026!"]),
    ("パスワード\nOneDrive\n\nKessai2026!\nTeams\n2026!", ["OneDrive", "Teams"], ["Kessai2026!", "2026!"]),
    ("パスワード\nOneDrive\n\nKessai2026!\n\nTeams\n\n2026!", ["OneDrive", "Teams"], ["Kessai2026!", "2026!"]),
    ("パスワード\nOneDrive\nKessai2026!\nTeams\n#2026", ["OneDrive", "Teams"], ["Kessai2026!", "#2026"]),
]


@pytest.mark.parametrize(("text", "names", "values"), _NAMES_AND_PASSWORDS)
def test_the_report_keeps_each_services_name_and_masks_each_password(text: str, names: list[str], values: list[str]) -> None:
    for about_a_password in (True, False):
        masked, _ = secret_mask.mask_secrets(text, about_a_password=about_a_password)
        assert all(f"\n{name}\n" in masked for name in names), masked
        assert not any(f"\n{value}" in masked for value in values), masked
    assert [text[a:b] for a, b in secret_value_spans(text)] == values


# The pairs end at a line that is no password: another tool, a version, a sentence.
@pytest.mark.parametrize("text", [
    "パスワード\nOneDrive\nKessai2026!\nTeams\nZoom", "パスワード\nOneDrive\nKessai2026!\nTeams\nTeams5.17",
    "パスワード\nOneDrive\nKessai2026!\nTeams\nの設定もお忘れなく",
])
def test_a_line_under_the_next_name_that_is_no_password_gives_no_more(text: str) -> None:
    assert [text[a:b] for a, b in secret_value_spans(text)] == ["Kessai2026!"]


# A login's heading over services named by a short name or a tool's, each with its password: one list of the services an
# office logs in to now reads them as the SNS were (the rule read SNS and companies only, the report another list).
_TOOLS_LISTED = [
    ("広報SNSのログイン\nFB：koho-F1\ninsta：koho-I2", ["FB：", "insta："], ["koho-F1", "koho-I2"]),
    ("広報SNSのログイン\nX：koho-X1\nBluesky：koho-B2", ["X：", "Bluesky："], ["koho-X1", "koho-B2"]),
    ("広報のログイン\nZoom：koho-Z1\nTeams：koho-T2", ["Zoom：", "Teams："], ["koho-Z1", "koho-T2"]),
    ("ログイン情報\nkintone\nkoho-K1\nCanva\nkoho-C2", ["kintone", "Canva"], ["koho-K1", "koho-C2"]),
]


@pytest.mark.parametrize(("text", "names", "values"), _TOOLS_LISTED)
def test_services_and_tools_listed_under_a_login_are_flagged_and_their_names_kept(
    text: str, names: list[str], values: list[str]
) -> None:
    assert [text[a:b] for a, b in secret_value_spans(text)] == values
    for about_a_password in (True, False):
        masked, _ = secret_mask.mask_secrets(text, about_a_password=about_a_password)
        assert all(name in masked for name in names), masked
        assert not any(value in masked for value in values), masked


# Names with a handle or a link after them under the heading: the accounts' pages, no passwords.
test_services_with_a_handle_or_a_link_under_a_login_stay_silent = CORPUS.ordinary(_ordinary([
    "広報SNSのログイン\nX：@joetsu_city\nBluesky：@joetsu.bsky.social",
    "オンライン説明会のログイン\nZoom：https://www.city.joetsu.niigata.jp/zoom",
]))


# An English field that says what the password is for without an article, before a colon, as a notice's field is written.
_ENGLISH_FIELDS = [
    ("Password for guest Wi-Fi: Welcome2026", "Welcome2026"), ("Password for staff: Kessai2026", "Kessai2026"),
    ("PIN for key box: 4821", "4821"), ("Free Wi-Fi\nSSID: Joetsu_Guest\nPassword for guests: Joetsu#2026", "Joetsu#2026"),
]


@pytest.mark.parametrize(("text", "value"), _ENGLISH_FIELDS)
def test_an_english_field_of_what_the_password_is_for_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# Without a value, or a sentence without its article before 「is」: a rule or a pointer.
test_an_english_field_without_a_value_stays_silent = CORPUS.ordinary(_ordinary([
    "Password for login is required.", "Password for Wi-Fi: see the poster at the entrance.", "Password for Wi-Fi: required",
    "Tips for password: use 12 characters or more.", "Password for guests: ask at the front desk.",
]))


# A network's name after its label and its key a slash apart, on one line: a staff Wi-Fi's memo.
_NETWORK_AND_KEY = [
    ("SSID: JOETSU-STAFF / Kessai2026!", "Kessai2026!"), ("SSID：JOETSU-STAFF / Kessai2026!", "Kessai2026!"),
    ("Wi-Fi: Joetsu_Staff / Kessai#2026", "Kessai#2026"), ("【職員用Wi-Fi】\nネットワーク名：JOETSU-STAFF / Kessai2026!", "Kessai2026!"),
]


@pytest.mark.parametrize(("text", "value"), _NETWORK_AND_KEY)
def test_a_networks_name_and_its_key_a_slash_apart_are_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# Two bands of a free network, a name with its note in brackets, or no key: the networks a notice lists.
test_networks_listed_a_slash_apart_stay_silent = CORPUS.ordinary(_ordinary([
    "SSID: JOETSU_FREE / JOETSU_FREE-5G", "Wi-Fi: Joetsu-Free / Kanko(2026)", "SSID：JOETSU_FREE / パスワードなし",
    "SSID: JOETSU-FREE / JOETSU-FREE_5GHz",
]))


# A mark named as a mark, in a chain mail's warning or an apology for a leak: the post tells of it, it is not stamped.
test_a_mark_named_as_a_mark_stays_silent = CORPUS.ordinary(_ordinary([
    "【転送禁止】の表示があるメールは、転送しないでください（チェーンメール対策）",
    "「部外秘」と書かれた書類を誤ってホームページに掲載しました。お詫び申し上げます。",
    "【取扱注意】と表示された封筒が届いたら、開封せずにご連絡ください。", "【秘】の表示がある文書は、窓口では交付できません。",
]))

# A mark stamped on the post, before its subject or a sentence about the material, still fires.
test_a_stamped_mark_still_fires = CORPUS.bad([
    (p, t, "confidential.secret") for p in PLATFORMS
    for t in ["【部外秘】来年度の組織再編について", "【取扱注意】の資料を共有します", "部外秘の資料です。来年度の組織再編について。"]
])


# A possessive in what an English sentence says the password is for (「the city's X account」).
_POSSESSIVE_QUALIFIERS = [
    ("Hi team, the new password for the city's X account is Joetsu#2027. Please don't share it.", "Joetsu#2027"),
    ("The password for the city’s account is Joetsu2027", "Joetsu2027"), ("Password for the mayor's office: Kessai2026", "Kessai2026"),
]


@pytest.mark.parametrize(("text", "value"), _POSSESSIVE_QUALIFIERS)
def test_an_english_password_for_someones_account_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


test_an_english_rule_of_someones_password_stays_silent = CORPUS.ordinary(_ordinary([
    "The password for the city's account is case-sensitive.", "The password for the library's website is required to log in.",
]))


# A word of four or five letters in a memo whose earlier lines say 「など」「人気の」「よく」 of something else: the field's value.
_SHORT_WORDS_IN_A_MEMO = [
    ("人気の観光施設でWi-Fiが使えます\nSSID：kanko\nパスワード：Momo!", "Momo!"), ("Wi-Fiなど\nSSID：kanko\nパスワード：Tokyo", "Tokyo"),
    ("よく使う共有PC\nID：koho01\nパスワード：Yuki!", "Yuki!"),
]


@pytest.mark.parametrize(("text", "value"), _SHORT_WORDS_IN_A_MEMO)
def test_a_short_word_in_a_memo_that_calls_nothing_an_example_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)
