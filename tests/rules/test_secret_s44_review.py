"""confidential.secret, session 44's review: a heading that calls a password in its field an example only when it ends in
the word, a cross read as 「×」 only before a password's word, and a password spelt in spaced kanji or kana after its label."""

from __future__ import annotations

import pytest

from bot.rules import secret_value_spans
from tests.conftest import assert_stays_linear
from tests.rules.conftest import assert_secret_flagged_and_masked, findings_of

# A staff memo's password of letters under lines whose words are everyday ones (事例・NG・ランキング・危険・避け・推測・例の件)
# or whose next line says what to do with the memo: 0a9c9f3b read any of them in the 80 letters before, or the sentence
# after, as calling the word an example, and the password went out unflagged.
_MEMOS_WITH_EVERYDAY_WORDS = [
    ("以下の例のとおり設定しました\nパスワード：kohokakanri", "kohokakanri"),
    ("NGワード集を更新しました\nID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("事例集の共有フォルダ\nID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("例の件、共有フォルダを作りました\nパスワード：joetsukoho", "joetsukoho"),
    ("アクセスランキングの管理画面\nID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("危険箇所マップの編集\nID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("台風を避けて日程変更\n管理画面\nID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("推測統計の研修資料\nパスワード：joetsukoho", "joetsukoho"),
    ("ID：koho01\nパスワード：joetsukoho\n外部に共有しないでください", "joetsukoho"),
    ("パスワード：kohokakanri\n推測されにくいものに後日変更します", "kohokakanri"),
]


@pytest.mark.parametrize(("text", "value"), _MEMOS_WITH_EVERYDAY_WORDS)
def test_a_password_under_everyday_words_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A cross heading a line with no password's word on it is a sign (「🚫転送禁止🚫」「❌ 本日休館」), not a bad example's mark.
_UNDER_A_SIGN = [
    ("🚫転送禁止🚫\nパスワードは kohokanri です", "kohokanri"),
    ("🚫転送禁止🚫\nID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("🚫SNS投稿禁止🚫\nパスワード：Tokyo", "Tokyo"),
    ("🚫 ID：koho01\nパスワード：joetsukoho", "joetsukoho"),
    ("❌ 誤って掲載しました\nパスワード：kohokanri", "kohokanri"),
    ("📢お知らせ\n❌ 本日休館\nパスワード：kohokanri", "kohokanri"),
]


@pytest.mark.parametrize(("text", "value"), _UNDER_A_SIGN)
def test_a_password_under_a_cross_sign_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A password of kanji or kana typed one letter apart after its label: a label then a value. The a11y rule knows 「春 夏 秋 冬」
# as a list and is silent, and no reader took kanji, so no finding was made at all.
_SPACED_LETTER_VALUES = [
    ("パスワード：春 夏 秋 冬", "春 夏 秋 冬"), ("PW：春 夏 秋 冬", "春 夏 秋 冬"), ("パスワード：桜 並 木", "桜 並 木"),
    ("ID：koho01\nパスワード：さ く ら", "さ く ら"), ("Wi-Fiのパスワードは 雪 月 花 です", "雪 月 花"), ("PW『春 夏 秋 冬』", "春 夏 秋 冬"),
    ("パスワードは「雪 月 花」です", "雪 月 花"),
]


@pytest.mark.parametrize(("text", "value"), _SPACED_LETTER_VALUES)
def test_a_password_of_spaced_letters_after_its_label_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A note of no value or a scale spaced out after the label is prose (the a11y rule may still ask to join its letters).
@pytest.mark.parametrize(
    "text", ["パスワード：別 途 連 絡", "パスワード：後 日 通 知", "パスワード：不 要", "パスワード：弱 中 強", "パスワード：上 中 下"]
)
def test_a_spaced_note_or_scale_after_the_label_is_no_password(text: str) -> None:
    assert findings_of("confidential.secret", text) == []
    assert secret_value_spans(text) == []


# A user's long paste of these shapes: the heading is read back over a bounded reach and the spaced letters up to a bound.
@pytest.mark.parametrize(
    "shape",
    [
        "パスワード：春 夏 秋 冬 春 夏 秋 冬 春 夏 秋 冬 春 夏 秋 冬 春 夏 ",
        "パスワード：春 夏 秋 冬\n",
        "例の件 パスワード：kohoka 事例 PW：sakura\n× ",
        "🚫 パスワード ❌ PW ❌ 転送禁止 ",
    ],
)
def test_the_new_readings_stay_linear(shape: str) -> None:
    assert_stays_linear(secret_value_spans, shape)


# A mark named as a mark in a sentence that hands the material so marked round: the post is its cover note (e909d03c read any
# 「の表示」「と押印された」 as a chain mail's or an apology's, and the material went out unflagged).
@pytest.mark.parametrize(
    "text",
    ["「部外秘」と押印された資料を共有します", "【取扱注意】の表示の資料を配ります", "【部外秘】と記載の資料を添付します。課内でご確認ください"],
)
def test_a_named_mark_on_material_handed_round_still_fires(text: str) -> None:
    assert findings_of("confidential.secret", text)


# Named in an apology for handing it round by mistake, or with its closing bracket before 「の表示」: told of, not stamped.
@pytest.mark.parametrize(
    "text",
    [
        "「部外秘」と書かれた書類を誤って配布しました。お詫び申し上げます。",
        "【部外秘】の表示のある資料を誤って送付してしまいました。深くお詫び申し上げます。",
        "【部外秘】の表示がある文書は、窓口では交付できません。",
    ],
)
def test_a_named_mark_in_an_apology_or_a_warning_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# Under a login's or an account's heading, an account's call to its readers closed by a mark (a22d402f read it as a word made
# a password, as 「Tokyo!」 is).
@pytest.mark.parametrize(
    "text", ["ログイン情報\nkoho_01\nClick!", "アカウント情報\njoetsu_city\nFollow!", "ログイン情報\nID01\nFinish!"]
)
def test_a_call_to_act_under_a_logins_id_is_no_password(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


# A name and a year, then an event's word and a sentence that says what the password is for, not where it is handed out:
# b3f78535 read any event's word and particle as the place, and the password went out unflagged.
_FOR_AN_EVENTS_LOGIN = [
    ("Wi-Fiパスワード：Joetsu 2026 会場の職員用", "Joetsu 2026"), ("パスワード：Takada 2026 講座の管理画面でも同じ", "Takada 2026"),
    ("パスワード：Joetsu 2026 大会の会場で職員用に配布", "Joetsu 2026"),
]


@pytest.mark.parametrize(("text", "value"), _FOR_AN_EVENTS_LOGIN)
def test_a_name_and_a_year_for_an_events_login_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A security check's verdict is a note alone (「パスワード：Safe」 stays silent, tests/rules/test_secret_s44.py), but under an
# account's or a network's ID the field holds its password, as it did before 5beb444f.
_VERDICTS_UNDER_AN_ID = [
    ("ID：koho01\nパスワード：Easy", "Easy"), ("ID：koho01\nパスワード：Safe", "Safe"), ("SSID：kanko\nパスワード：Safe", "Safe"),
]


@pytest.mark.parametrize(("text", "value"), _VERDICTS_UNDER_AN_ID)
def test_a_verdicts_word_under_an_id_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# A 合言葉 and a next sentence that names a login only in a clause of another thing, or denies it is the login's: the event's
# word (f4a4f772 read any 「ログインに使う」「接続時に使う」 there as the 合言葉's use, and blocked the event's notice).
@pytest.mark.parametrize(
    "text",
    [
        "合言葉はSnow2026です。なお、会場Wi-Fiへの接続時に使うパスワードは受付でお伝えします。",
        "合言葉はSnow2026です。ログインに使うパスワードとは別です。",
        "合言葉はSnow2026です。特設サイトのログインに使うIDは受付で配布します。",
        "合言葉はYuki2026です。管理画面に入るときに使うものではありません。",
    ],
)
def test_an_events_watchword_beside_another_things_login_stays_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []


def test_a_long_paste_of_watchwords_stays_linear() -> None:
    assert_stays_linear(secret_value_spans, "合言葉はSnow2026です。ログインに使うパスワードとは別です 職員用 ")


# A memo's note on keeping it (「外部に共有しないでください」「転送しないようお願いします」) after a short password was read as an
# awareness slide's 「…にしないで」 and silenced it; a slide's advice still does.
@pytest.mark.parametrize(
    "text",
    [
        "ID：koho01\nパスワード：Tokyo\n外部に共有しないでください",
        "パスワード：Tokyo\n外部に共有しないでください",
        "ID：koho01\nパスワード：Osaka\n転送しないようお願いします",
        "暗証番号：4821\n他言しないでください",
    ],
)
def test_a_memos_note_on_keeping_it_does_not_silence_a_short_password(text: str) -> None:
    assert findings_of("confidential.secret", text)


@pytest.mark.parametrize(
    "text",
    ["パスワード：Tokyo\n推測されやすいので避けましょう", "暗証番号は1234です。\nこのような番号にしないでください",
     "パスワード：Tokyo\nこんなパスワードにしないようにしましょう"],
)
def test_a_slides_advice_after_a_short_password_still_silences_it(text: str) -> None:
    assert not findings_of("confidential.secret", text)


def test_a_short_password_before_a_note_on_keeping_it_is_masked_in_the_report() -> None:
    assert_secret_flagged_and_masked("ID：koho01\nパスワード：Tokyo\n外部に共有しないでください", "Tokyo")
