"""confidential.secret, session 45's red team: drafts last session left that went out unflagged, and the incident
report's masking of words beside a password."""

from __future__ import annotations

import pytest

from bot import secret_mask
from tests.rules.conftest import assert_secret_flagged_and_masked, findings_of

# A PIN in kanji digits typed one digit a box: each digit alone was no run of kanji digits, and 「PIN：4 8 2 1」 was
# flagged while these went out.
_SPACED_KANJI_PINS = [
    ("PIN：四 八 二 一", "四 八 二 一"), ("暗証番号：四 八 二 一", "四 八 二 一"), ("暗証番号は 四 八 二 一 です", "四 八 二 一"),
    ("キーボックスの暗証番号：〇 九 一 五", "〇 九 一 五"),
]


@pytest.mark.parametrize(("text", "value"), _SPACED_KANJI_PINS)
def test_a_pin_of_spaced_kanji_digits_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize("text", ["体操は 一 二 三 四 のリズムで", "暗証番号：一 二 三 四 のような番号は避けましょう", "暗証番号は 四 桁 です"])
def test_spaced_kanji_digits_that_are_no_pin_stay_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# A handover's word that the value is the one in use, between the label's separator and the value: read as the value's
# first word, the password after it went out unflagged, while 「パスワードは「kohoka」です」 was flagged.
_SAID_TO_BE_THE_SAME = [
    ("パスワードはいつもの「kohoka」です", "kohoka"), ("パスワードはいつもの kohoka です", "kohoka"),
    ("パスワードは前と同じ「joetsukoho」です", "joetsukoho"), ("パスワードは以前と同じ「Sakura2026!」です", "Sakura2026!"),
    ("パスワードはこれまでどおり kohoka2026 です", "kohoka2026"), ("PW：例の Kessai2026!", "Kessai2026!"),
]


@pytest.mark.parametrize(("text", "value"), _SAID_TO_BE_THE_SAME)
def test_a_password_said_to_be_the_one_in_use_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize("text", [
    "パスワードはいつものように管理してください", "パスワードは前と同じです", "パスワードは前と同じ Windows のものです",
    "パスワードは前と同じ Google アカウントのものです", "暗証番号はいつもの 4 桁です", "パスワードはいつもの Teams と同じです",
    "パスワードは前と同じ「password」ではいけません", "パスワードは以前と同じ「英字と数字」の組み合わせです",
])
def test_what_is_said_the_same_as_before_with_no_value_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# A key or a lock drawn as the label: read as a decoration (a space), it left no label and the password went out.
_AFTER_A_KEY = [
    ("🔑 Kessai2026!", "Kessai2026!"), ("🔐 Kessai2026!", "Kessai2026!"), ("🔑：Kessai2026!", "Kessai2026!"),
    ("🗝️ Kessai2026!", "Kessai2026!"), ("📶 JOETSU-STAFF 🔑 Kessai2026!", "Kessai2026!"), ("🔑 kohoka2026", "kohoka2026"),
]


@pytest.mark.parametrize(("text", "value"), _AFTER_A_KEY)
def test_a_password_after_a_key_emoji_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize("text", [
    "🔑 Key Point：冬道の運転はスピードを控えめに。", "🔑 Step1", "🔑 Welcome", "🔑 鍵の受け渡しは窓口で行います。", "🔑 iPhone15",
    "🔑 Windows11", "🔑 COVID-19", "🔑 Room305", "🔑 Ver2.0", "🔑 https://www.city.joetsu.niigata.jp/",
])
def test_a_heading_after_a_key_emoji_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# What the password is for, said in English with no article before 「is」: the qualifier was read only with one, and a
# chat's or a handover's English went out unflagged.
_FOR_WHAT_IN_ENGLISH = [
    ("password for login is Kessai2026", "Kessai2026"), ("The password for login is Kessai2026!", "Kessai2026!"),
    ("The Wi-Fi password for staff is Joetsu2026!", "Joetsu2026!"), ("The password for staff Wi-Fi is joetsu2026", "joetsu2026"),
]


@pytest.mark.parametrize(("text", "value"), _FOR_WHAT_IN_ENGLISH)
def test_a_password_for_something_in_english_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize("text", [
    "the password for login is required", "The password for login is case-sensitive.",
    "The password for Wi-Fi is available at the front desk.", "Password for login is the same as your library card number.",
    "The PIN for residents is 4 digits.", "The password for login is changed every 90 days.",
    "The password for guests is printed on your receipt.", "Password for Wi-Fi is not required.",
    "The password for login is your date of birth (8 digits).", "The password for login is at least 8 characters.",
])
def test_an_english_sentence_on_a_password_for_something_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# An account's ID and password a slash apart after an English 「login」: read after 「ログイン」 and 「ID」 only, the chat's
# English went out unflagged.
_ENGLISH_LOGINS = [
    ("FYI the Instagram login is joetsu_koho / Sakura2026!", "Sakura2026!"), ("login: joetsu_koho / Sakura2026!", "Sakura2026!"),
    ("Login: koho01 / Sakura2026!", "Sakura2026!"), ("Sign-in: koho01 / kohoka2026", "kohoka2026"),
    ("Login info: joetsu_koho / Yuki#2026", "Yuki#2026"),
]


@pytest.mark.parametrize(("text", "value"), _ENGLISH_LOGINS)
def test_an_id_and_password_after_an_english_login_are_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize("text", [
    "Login to the library's website to reserve books.", "Log in with your library card number / PIN.",
    "Sign in: Google / Microsoft365", "Login: Google / Apple ID", "Sign in with Google / Apple / LINE to join the event.",
    "Login is required / Wi-Fi2026 available",
])
def test_an_english_sentence_on_logging_in_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# A handover's sentence about the password, then the value opening the next one: no label stood right before the value,
# and the password went out unflagged.
_IN_THE_NEXT_SENTENCE = [
    ("【引継ぎ】広報Xのパスワードは前任者から変わっていません。Kessai2026! のままです。", "Kessai2026!"),
    ("パスワードは変わっていません。Kessai2026! です。", "Kessai2026!"),
    ("パスワードは先月変更しました。新しいものは Yukiguni2026! です。", "Yukiguni2026!"),
    ("Instagramのパスワードを更新しました。新しいのは「Sakura#2026」です。", "Sakura#2026"),
    ("PWは前と変わらず。joetsukoho2026 のままです。", "joetsukoho2026"),
]


@pytest.mark.parametrize(("text", "value"), _IN_THE_NEXT_SENTENCE)
def test_a_password_in_the_next_sentence_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize("text", [
    "パスワードは定期的に変更しましょう。Windows11 です。", "パスワードの変更方法を説明します。Step1 です。",
    "パスワードの悪い例を紹介します。Password1! です。", "パスワードは英数字を組み合わせましょう。例えば Sakura2026! です。",
    "パスワードは推測されにくいものにしましょう。Kessai2026! のような文字列がおすすめです。",
    "パスワードを忘れた方は窓口へ。Room305 です。", "パスワードを変更してください。対象は Office365 です。",
    "パスワードの再設定はこちら。受付は 9:00-17:00 です。", "パスワードを忘れたら。Covid-19 です",
    "パスワード管理講座を開催。#joetsu2026 です",
])
def test_a_sentence_after_one_about_passwords_naming_a_thing_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# A 合言葉 of kana, kanji or letters alone said to be a login's or the office's: only letters and digits were read, and a
# login's word went out unflagged. An event's word for its guests, staff or volunteers stays theirs.
_A_LOGINS_WATCHWORDS = [
    ("合言葉：やまゆり（管理画面のログイン用）", "やまゆり"), ("ログインの合言葉は「やまゆり」です", "やまゆり"),
    ("職員用の合言葉は「やまゆり」です", "やまゆり"), ("庁内向けの合言葉は「ゆきつばき」です", "ゆきつばき"),
    ("合言葉は「はるなつ」です。管理画面に入るときに使います。", "はるなつ"), ("ログインの合言葉は yukidaruma です", "yukidaruma"),
    ("合言葉：雪月花（共有フォルダのログインにも使用）", "雪月花"),
]


@pytest.mark.parametrize(("text", "value"), _A_LOGINS_WATCHWORDS)
def test_a_logins_or_the_offices_watchword_in_words_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize("text", [
    "合言葉：やまゆり", "合言葉：yukidaruma", "スタンプラリーの合言葉は「ゆきだるま」です。観光案内所でお伝えください。",
    "市民向け講座の合言葉は「ゆきつばき」です。受付で言ってください。", "市民向け講座の合言葉はKoza2026です。",
    "スタッフ用の合言葉は「がんばろう」です", "ボランティアスタッフ向けの合言葉は「がんばろう上越」です",
    "合言葉は「やまゆり」です。Wi-Fiもご利用いただけます。", "合言葉は「やまゆり」です。ログインに使うパスワードとは別です。",
    "合言葉はアプリでログインして入力してください", "合言葉は「さくら」（公式アカウントにメッセージで送ってください）",
    "合言葉は「山」と「川」です", "職員向けの研修を行いました。合言葉は「安全第一」です。",
])
def test_an_events_watchword_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


def test_a_staff_trainings_watchword_of_letters_and_digits_is_flagged() -> None:
    """「職員向け研修の合言葉はKenshu2026です」: a staff session's passphrase is the office's (上越市 5(4)), and posted, it lets
    anyone into the session; a training open to residents (「市民向け講座の合言葉はKoza2026です。」) is the event's word."""
    assert_secret_flagged_and_masked("職員向け研修の合言葉はKenshu2026です", "Kenshu2026")


# A password of kanji written as one word after its label, and one of kana in quotes right after it: no reader took kanji,
# and kana in quotes was read after 「は」「：」「を」 only.
_KANJI_AND_QUOTED_KANA = [
    ("パスワード：春夏秋冬", "春夏秋冬"), ("PW：雪月花", "雪月花"), ("パスワード：春夏秋冬です", "春夏秋冬"),
    ("パスワードは「春夏秋冬」です", "春夏秋冬"), ("PW「桜並木」でログイン", "桜並木"), ("パスワード：「雪月花」", "雪月花"),
    ("ID：koho01\nパスワード：春夏秋冬", "春夏秋冬"), ("Wi-Fiのパスワード：上越高田", "上越高田"),
    ("パスワード『さくらもち』", "さくらもち"), ("パスワード「ゆきつばき」です", "ゆきつばき"),
]


@pytest.mark.parametrize(("text", "value"), _KANJI_AND_QUOTED_KANA)
def test_a_kanji_password_or_a_quoted_kana_one_after_its_label_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize("text", [
    "パスワード：不要", "パスワード：別途連絡", "パスワード：受付配布", "パスワード：生年月日", "パスワード：各自設定",
    "パスワード：半角英数字", "パスワード：会場掲示", "パスワード：当日案内", "パスワード：総務課", "パスワード：事務局",
    "パスワード：館内表示", "パスワード：参加者限定", "パスワード：上越市役所", "パスワードは生年月日です",
    "パスワードは「漢字」では設定できません", "パスワード「管理」のコツ", "パスワード＝利用者番号",
    "パスワード「春夏秋冬」のような熟語は推測されやすいので避けましょう", "パスワードを「春夏秋冬」にするのは危険です",
    "謎解きの答え\nパスワード：春夏秋冬", "悪い例\nパスワード：春夏秋冬", "暗証番号：四桁",
    "パスワード「ひらがな」では設定できません", "パスワード「わすれた」ときは", "パスワード「まもる」講座を開催します",
])
def test_a_note_or_a_rule_in_kanji_or_kana_after_a_label_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# A title spaced letter by letter after a kana password on its line: the report's mask read the one-letter words as more of
# the value and cut the title (「パスワード：＊＊＊＊（伏せ字） 冬の写真展」). Only the secret may be masked.
@pytest.mark.parametrize(("text", "expected"), [
    ("パスワード：さくら 春 夏 秋 冬の写真展", "パスワード：＊＊＊＊（伏せ字） 春 夏 秋 冬の写真展"),
    ("パスワード：さくら 春 夏 秋 冬の写真展を開催します", "パスワード：＊＊＊＊（伏せ字） 春 夏 秋 冬の写真展を開催します"),
    ("PW：春 夏 秋 冬の写真展の告知に誤って記載", "PW：春 夏 秋 冬の写真展の告知に誤って記載"),
])
def test_a_spaced_title_after_a_password_is_kept_in_the_report(text: str, expected: str) -> None:
    for about_a_password in (True, False):
        assert secret_mask.mask_secrets(text, about_a_password=about_a_password)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("パスワード：桜 並 木 が漏れました", "パスワード：＊＊＊＊（伏せ字） が漏れました"), ("PW：春 夏 秋 冬", "PW：＊＊＊＊（伏せ字）"),
    ("パスワード：さくら もち", "パスワード：＊＊＊＊（伏せ字）"), ("パスワード：さくら 春 夏 秋 冬", "パスワード：＊＊＊＊（伏せ字）"),
])
def test_a_password_of_spaced_letters_is_still_masked_whole_in_the_report(text: str, expected: str) -> None:
    assert secret_mask.mask_secrets(text, about_a_password=True)[0] == expected


# A handover memo listing its accounts by service, each ID a slash from its password, and a network's label saying whom it
# is for: the ID needed a digit, or the label was 「SSID」「Wi-Fi」 alone, and the passwords went out unflagged.
_LISTED_BY_SERVICE = [
    ("【引継ぎメモ】\nX：joetsu_koho / Sakura#2026\nInstagram：joetsu.koho / Yuki@2026", "Sakura#2026"),
    ("【引継ぎメモ】\nX：joetsu_koho / Sakura#2026\nInstagram：joetsu.koho / Yuki@2026", "Yuki@2026"),
    ("Facebook: joetsucity / Momiji#2026", "Momiji#2026"), ("LINE：joetsu_line / Yuki!2026", "Yuki!2026"),
    ("Wi-Fi for staff: JOETSU-STAFF / Kessai2026!", "Kessai2026!"),
]


@pytest.mark.parametrize(("text", "value"), _LISTED_BY_SERVICE)
def test_an_id_and_password_after_a_services_name_are_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize("text", [
    "X：@joetsu_city / Instagram：@joetsu_koho", "Instagram: joetsu_koho / Facebook: joetsucity", "Zoom: Meeting / Teams(2026)",
    "Word: Excel / Word2019(Pro)", "X：joetsu_city / #Joetsu2026", "Google: Search / Maps2026!",
])
def test_accounts_and_names_after_a_services_name_stay_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# A handover's 「のまま」 and 「is still」 after a word of letters: read only before 「です」 and after 「is」「is now」, the password
# went out unflagged.
_STILL_THE_SAME = [
    ("パスワードは kohoka のままです", "kohoka"), ("パスワードは kohoka のまま。", "kohoka"),
    ("PW is still Kessai2026!", "Kessai2026!"), ("The password is still Kessai2026!", "Kessai2026!"),
]


@pytest.mark.parametrize(("text", "value"), _STILL_THE_SAME)
def test_a_password_said_to_be_unchanged_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize("text", [
    "パスワードは secret のままです", "パスワードは初期設定のままです", "パスワードは Windows のままです",
    "The password is still required.", "The password is still the same.", "PW is still valid", "Your password is still safe.",
    "パスワードは default のままです", "パスワードは「password」のままにしないでください",
])
def test_what_is_said_unchanged_with_no_value_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# A rally's or a puzzle's word of kanji, and an app's login campaign's 合言葉: the words its players find and say, no login's.
@pytest.mark.parametrize("text", [
    "【イベント】パスワードを集めて景品をゲット！パスワード：上越城下", "今月のパスワードは「春夏秋冬」です！謎解きに挑戦しよう",
    "ログインボーナスの合言葉は「ゆきだるま」です", "ログインキャンペーンの合言葉はSnow2026です",
])
def test_a_games_word_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


@pytest.mark.parametrize("text", ["Guest Wi-Fi: JOETSU-GUEST / Welcome#2026", "Staff Wi-Fi: JOETSU-STAFF / Kessai2026!"])
def test_a_network_and_key_after_a_qualified_wifi_label_are_flagged_and_masked(text: str) -> None:
    assert_secret_flagged_and_masked(text, text.rsplit(" / ", 1)[1])


@pytest.mark.parametrize("text", ["Free Wi-Fi: JOETSU-FREE / No password", "Public Wi-Fi: Station / Library"])
def test_networks_after_a_qualified_wifi_label_stay_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# Who holds the password and when, in kanji after its colon (a memo's or a report's): the kanji reader took 「総務課長」 for a
# password, and the report's mask, which reads the rule's values, hid who holds it.
@pytest.mark.parametrize("text", ["パスワード：総務課長", "パスワード：広報係長", "パスワード：情報政策部長", "パスワード：本日変更"])
def test_who_holds_a_password_or_when_in_kanji_stays_silent_and_unmasked(text: str) -> None:
    assert findings_of("confidential.secret", text) == []
    assert secret_mask.mask_secrets(text, about_a_password=True) == (text, 0)


# A campaign's system's password in kanji: the game's words (プレゼント・応募・抽選) around it left it unflagged, though an ID or a
# login's words just before it say it is the system's.
_A_CAMPAIGNS_SYSTEM = [
    ("プレゼント企画の管理画面\nID：koho01\nパスワード：春夏秋冬", "春夏秋冬"), ("応募フォームの管理画面のパスワード：雪月花", "雪月花"),
    ("抽選システムのログイン\nパスワード：桜並木", "桜並木"),
]


@pytest.mark.parametrize(("text", "value"), _A_CAMPAIGNS_SYSTEM)
def test_a_campaign_systems_kanji_password_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# Review: a puzzle's or a quiz's word (謎・クイズ) before the label silenced even a system's password under an ID or a
# login's words, and a file's password (a list of applicants, a stock sheet) was no system's; meanwhile a login the
# players are told to do first made a rally's public word fire.
_A_GAMES_SYSTEM_OR_FILE = [
    ("謎解きイベントの運営用ログイン\nID：nazo01\nPW：上越城下", "上越城下"), ("クイズ大会の管理画面のパスワード：雪月花", "雪月花"),
    ("応募者名簿のファイルのパスワード：雪月花です", "雪月花"), ("景品の在庫管理表のパスワード：春夏秋冬", "春夏秋冬"),
    ("抽選結果のファイルにパスワードを付けました。パスワード：春夏秋冬", "春夏秋冬"), ("応募者リストのZIPのパスワード：雪月花", "雪月花"),
]


@pytest.mark.parametrize(("text", "value"), _A_GAMES_SYSTEM_OR_FILE)
def test_a_games_system_or_file_kanji_password_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize("text", [
    "スタンプラリー特設サイトにログインして\nパスワード：上越城下", "景品が当たる！特設ページにログインしたら、パスワード：上越城下",
    "アプリにログインし、スタンプラリーのパスワード：上越城下", "謎解きに挑戦！特設サイトにログインして\nパスワード：上越城下",
    "景品が当たる！公式アカウントを友だち追加して、パスワード：上越城下",
])
def test_a_rallys_word_after_the_login_its_players_do_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# Review: 6cda5e86 kept a run of one-letter words whenever a word not a particle stopped it, so a password spaced letter by
# letter before a word of the report (「本日変更」「広報課」) or the sentence's end glued to it (「らしいです」「とのこと」) went
# into the report whole; only a title's 「の」 and noun glued to its last letter (「冬の写真展」) keep it now.
@pytest.mark.parametrize(("text", "expected"), [
    ("パスワード：桜 並 木 本日変更", "パスワード：＊＊＊＊（伏せ字） 本日変更"),
    ("パスワード：さくら 春 夏 秋 冬 広報課", "パスワード：＊＊＊＊（伏せ字） 広報課"),
])
def test_spaced_letters_before_the_reports_words_are_masked(text: str, expected: str) -> None:
    for about_a_password in (True, False):
        assert secret_mask.mask_secrets(text, about_a_password=about_a_password)[0] == expected


# The letter glued to the sentence's end is still shown (「＊＊＊＊（伏せ字） 花だと思います」), as before 6cda5e86: a title's
# first word and a password's last letter read alike; the letters before it are not.
@pytest.mark.parametrize(("text", "letters"), [("パスワード：雪 月 花だと思います", "雪 月"), ("PW：春 夏 秋 冬とのこと", "春 夏 秋")])
def test_spaced_letters_before_the_sentences_end_are_masked(text: str, letters: str) -> None:
    for about_a_password in (True, False):
        assert letters not in secret_mask.mask_secrets(text, about_a_password=about_a_password)[0]


# Review: 85a89eb1 read a word of kana or kanji as the office's wherever 職員向け・庁内向け stood before it in its sentence, so
# a staff drill's or event's slogan fired (「職員向け防災訓練の合言葉は「おはしも」です」); only said of the word itself now.
# A login to be done first (「アプリにログインしたあと、合言葉は…」) is a campaign's step, as 「ログインした後」 was.
@pytest.mark.parametrize("text", [
    "職員向け防災訓練の合言葉は「おはしも」です", "職員向け研修の合言葉は「やまゆり」です", "庁内向けのイベントの合言葉：ありがとう",
    "アプリにログインしたあと、合言葉は「ゆきだるま」です", "マイページにログインのあと、合言葉は「ゆきだるま」です",
])
def test_a_staff_events_slogan_or_a_campaigns_word_after_its_login_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("職員用の合言葉は「やまゆり」です", "やまゆり"), ("庁内向けの合言葉は「ゆきつばき」です", "ゆきつばき"),
    ("職員専用の合言葉：やまゆり", "やまゆり"),
])
def test_the_offices_own_watchword_in_words_is_still_flagged(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# Review: 1968c8f6 read whatever ended the line after a key drawn as a bullet, so a hashtag, an account, a mail address or a
# site there fired as a password; a password's own 「@」 or 「/」 is still one.
@pytest.mark.parametrize("text", [
    "🔑 #joetsu2026", "🔑 @joetsu_city2026", "🔑 koho2026@city.joetsu.lg.jp", "🔑 www.joetsu2026.jp", "🔑 joetsu2026.jp",
    "🔑 https://joetsu2026.example.jp",
])
def test_a_hashtag_account_or_site_after_a_key_emoji_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


@pytest.mark.parametrize(("text", "value"), [("🔑 Yuki@2026", "Yuki@2026"), ("🔑 Yuki/2026!", "Yuki/2026!")])
def test_a_password_with_at_or_slash_after_a_key_emoji_is_flagged(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# Review: 52666b17's next sentence read a mail address or a site opening it as the password (its check knew 「://」 and
# 「www.」 only); the key emoji's reader and it share one test of a bare value now.
@pytest.mark.parametrize("text", [
    "パスワードを忘れた方はこちらへ。koho2026@city.joetsu.lg.jp です。", "パスワードの再設定はこちら。joetsu-city2026.jp です。",
])
def test_an_address_opening_the_next_sentence_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []
