"""confidential.secret, session 32: a password of lower-case letters stated after 「は」 or a colon with the copula
closing its sentence (「パスワードは bluesky です」「PW: correcthorse です」), or set with a verb of setting (「パスワードを
bluesky に変更しました」), went out unflagged and unmasked; so did a password put 「として」 or 「に」 (「パスワードとして
Kessai2026 を設定しました」「初期パスワードに tanaka1234 を使ってください」). 「パスワード Windows10 じゃなくて Kessai2026」
masked Windows10 and showed Kessai2026. A phone named by its model after 「は」 (「パスワードは Pixel8 でも同じです」) was a
blocking error."""

from __future__ import annotations

import pytest

from bot.rules import secret_value_spans
from tests.conftest import assert_stays_linear
from tests.rules.conftest import assert_secret_flagged_and_masked, codes, findings_of

SECRET = "confidential.secret"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードは bluesky です", "bluesky"),
        ("パスワードは bluesky です。", "bluesky"),
        ("パスワードは correcthorse です", "correcthorse"),
        ("パスワードは kohoka です", "kohoka"),
        ("Wi-Fi のパスワードは joetsufree です。会場でご利用ください。", "joetsufree"),
        ("パスワードは kohoka になりました。", "kohoka"),
        ("パスワードは neko でした", "neko"),
        ("PW: correcthorse です", "correcthorse"),
        ("パスワード：bluesky です。", "bluesky"),
        ("パスワードを bluesky に変更しました", "bluesky"),
        ("パスワードを bluesky にしました。", "bluesky"),
        ("パスワードとして bluesky を設定しました", "bluesky"),
    ],
)
def test_a_lower_case_word_stated_or_set_as_the_password_fires(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードとして Kessai2026 を設定しました", "Kessai2026"),
        ("パスワードとして bluesky2026 を設定しました", "bluesky2026"),
        ("初期パスワードに tanaka1234 を使ってください", "tanaka1234"),
        ("共有 PC のパスワードに Joetsu2026 を設定しています。", "Joetsu2026"),
        ("パスワードとして Blue Sky2026 を設定しました", "Blue Sky2026"),
        # The initial password a notice gives its staff is the one they log in with, not a manual's default.
        ("初期パスワードとして joetsu2026 を設定しました", "joetsu2026"),
        ("初期パスワードは kohoka です", "kohoka"),
        ("暗証番号に 4821 を設定しました。", "4821"),
    ],
)
def test_a_password_put_as_or_to_the_password_fires(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワード Windows10 じゃなくて Kessai2026", "Kessai2026"),
        ("パスワードは Windows10 ではなく Kessai2026 です", "Kessai2026"),
        ("パスワードは Windows ではなく Kessai2026 です", "Kessai2026"),
        ("パスワードは「Windows10」ではなく「Kessai2026」です", "Kessai2026"),
        ("暗証番号は 1234 じゃなくて 4821 です", "4821"),
    ],
)
def test_the_value_after_a_correction_is_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize(
    "text",
    [
        # A word the sentence goes on after, a form's word, a famous example, a service.
        "パスワードは random に生成されます",
        "パスワードは required です",
        "パスワードは none です",
        "パスワードは password です",
        "パスワードは google です",
        "パスワードは bluesky ですか？",
        # A word an awareness post calls a bad habit, in its sentence or the next.
        "よく使われるパスワードは dragon です",
        "パスワードは sunshine です。推測されやすいので避けましょう。",
        "パスワードを password に設定しないでください",
        # A rule of the letters to use, not a value set.
        "パスワードに english を使ってください",
        "パスワードを default に戻しました",
        # What the password is put in or used with.
        "パスワードに Microsoft365 のアカウントを使います",
        "パスワードに 8 文字以上を設定してください",
        "パスワードに ABC123 のような単純なものは使わないでください",
        "パスワードに iPhone15 の顔認証を使えます",
        "パスワードは Windows10 ではなく iPhone15 で設定してください",
        # An awareness post's example, warned against in its own sentence.
        "パスワードに Joetsu2026 を使うのは危険です。",
        "パスワードとして Joetsu2026 を使うのはやめましょう。",
        "パスワードに Kessai2026 は使えません。",
        "パスワードに Joetsu2026 などの推測しやすい文字列を使わないでください。",
        "パスワードを bluesky に設定しないでください",
        "パスワードとして bluesky を設定するのは危険です",
        "よく使われる初期パスワードに admin1234 を設定した例があります",
        "暗証番号に 1234 を使わないでください。",
        "パスワードは hanako です。推測されやすいので変更してください。",
    ],
)
def test_prose_a_rule_or_an_example_stays_silent(text: str) -> None:
    assert not [v for v in [text[a:b] for a, b in secret_value_spans(text)] if v not in ("Windows10",)]
    if "Windows10" not in text:
        assert SECRET not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスワードは Pixel8 でも同じです",
        "パスワードは Pixel 8 でも同じです",
        "パスワードは Pixel8a でも同じです",
        "パスワードは Xperia 10 でも同じです",
        "パスワードは Xperia10 でも使えます",
        "パスワードは Surface3 の設定画面で変更できます",
        "暗証番号は Galaxy S24 でも同じです",
    ],
)
def test_a_phone_or_pc_named_by_its_model_is_no_password(text: str) -> None:
    assert findings_of(SECRET, text) == []
    assert secret_value_spans(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードは Pixel8 です", "Pixel8"),
        ("パスワードは Pixel8 でお願いします", "Pixel8"),
        # A year after the name is how passwords are made.
        ("パスワードは Pixel2026 でも同じです", "Pixel2026"),
        ("パスワードは Galaxy2026 でも同じです", "Galaxy2026"),
    ],
)
def test_a_model_name_stated_as_the_value_still_fires(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize(
    "shape",
    ["パスワード Windows10 じゃなくて ", "パスワードは「" + "x" * 70 + " ではなく ", "パスワードとして bluesky を",
     "パスワードは kohoka です。推測 "],
)
def test_a_long_paste_of_these_shapes_stays_linear(shape: str) -> None:
    assert_stays_linear(secret_value_spans, shape)


_MUNICIPAL_POSTS = [
    "【市民交流センター】館内で無料Wi-Fiをご利用いただけます。パスワードは受付でお渡しします。",
    "夏まつり会場では無料Wi-Fi「Joetsu_Free」をご利用いただけます。パスワードは不要です。",
    "マイナンバーカードの暗証番号を忘れた方は、市民課窓口で再設定ができます。本人確認書類をお持ちください。",
    "マイナンバーカードの暗証番号（4桁）を3回続けて間違えるとロックされます。再設定は市役所1階でお手続きください。",
    "【注意】市職員を名乗り「暗証番号を教えてください」という電話がかかってきても、絶対に教えないでください。",
    "市役所がキャッシュカードの暗証番号を聞くことはありません。不審な電話はすぐに切り、警察にご相談ください。",
    "パスワードを聞く電話に注意してください。市や銀行がパスワードを電話で尋ねることはありません。",
    "パスワードは定期的に変更しましょう。英大文字・小文字・数字・記号を組み合わせると安全です。",
    "「password」や「123456」のような推測されやすいパスワードは使わないでください。",
    "パスワードの使い回しはやめましょう。サービスごとに異なるパスワードを設定してください。",
    "マイナポータルのログインにはマイナンバーカードと暗証番号（数字4桁）が必要です。",
    "署名用電子証明書の暗証番号は英数字6～16文字です。",
    "パスワードに名前や誕生日を使うのはやめましょう。",
    "パスワードを Microsoft Authenticator で管理しましょう。",
    "パスワードは Windows 11 の設定画面から変更できます。",
    "初期パスワードは郵送でお知らせします。ログイン後に変更してください。",
    "パスワードは random に生成されます。",
    "パスワードに english と数字を混ぜてください。",
    "パスワードは default のままにしないでください。",
    "フィッシングメールに注意。「アカウントが停止されます。パスワードを入力してください」というメールは詐欺です。",
    "パスワードは iPad でもパソコンでも同じです。",
    "パスワードは Xperia 10 IV でも同じです",
    "パスワードに Google アカウントを使えます",
    "よく使われるパスワードは qwerty や dragon です。",
    "弱いパスワードの例：sunshine、princess",
    "パスワードを monkey にするのは危険です。",
    "パスワードに Joetsu2026 のような市の名前と年を組み合わせたものは避けましょう。",
    "パスワードに Windows11 の PIN を使えます。",
    "パスワードとして Microsoft 365 のアカウントを使います",
    "パスワードに A-Z, 0-9 を含めてください",
]


@pytest.mark.parametrize("text", _MUNICIPAL_POSTS)
def test_municipal_posts_about_passwords_stay_silent(text: str) -> None:
    assert SECRET not in codes(text)
    assert secret_value_spans(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("【本日のイベント】会場Wi-Fi SSID：Joetsu_Event パスワードは joetsu2026 です", "joetsu2026"),
        ("会場のWi-Fiパスワードは takadapark です。ご自由にお使いください。", "takadapark"),
        ("職員向け：共有PCのパスワードを kohoka に変更しました。", "kohoka"),
        ("新しいパスワードとして Joetsu#2026 を設定しました。", "Joetsu#2026"),
        ("初期パスワードに joetsu1234 を使ってください。", "joetsu1234"),
        ("パスワード：takada です。", "takada"),
    ],
)
def test_municipal_posts_that_give_the_password_fire(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)
