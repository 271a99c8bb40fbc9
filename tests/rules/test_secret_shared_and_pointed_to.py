"""confidential.secret: a value given to everyone, a login of letters on a command line, and a
label that points to another password or a step instead of giving a value."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes, findings_of


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("暗証番号は全員共通で 4821 です", "4821"),
        ("暗証番号は全員共通で「4821」です。", "4821"),
        ("倉庫の暗証番号は共通で 4821 です", "4821"),
        ("パスコードは参加者全員 482913 です", "482913"),
        # A common number said as the code in use, as 「キーボックスの暗証番号は1234です」 is.
        ("キーボックスの暗証番号は全員共通で 1234 です。", "1234"),
    ],
)
def test_a_pin_given_after_a_short_clause_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "暗証番号はよく使われる 1234 です",
        "暗証番号は例えば 4821 です",
        "暗証番号は原則 4 桁です",
        "暗証番号は毎年 2026 年度に変更です",
        "暗証番号は窓口で 4 桁の数字を設定していただきます",
        "マイナンバーカードの暗証番号は数字4桁です。",
    ],
)
def test_a_number_after_a_clause_that_is_no_pin_in_use_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("sqlplus scott/tiger@db で接続してください", "tiger"),
        ("sqlplus scott/tiger", "tiger"),
        ("expdp system/manager directory=dp_dir", "manager"),
        ("sqlplus koho/Kessai2026@orcl", "Kessai2026"),
    ],
)
def test_an_oracle_login_of_letters_on_a_command_line_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "sqlplus user/password@db",
        "sqlplus USER/PASSWORD@ORCL",
        "sqlplus scott/pwd@orcl",
        "sqlplus / as sysdba",
        "sqlplus koho/$PASS@orcl",
    ],
)
def test_an_oracle_command_line_with_a_placeholder_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        'パスワード: "Step 1 を参照"',
        'パスワード: "Step 1" を参照',
        "パスワードは「Office365」と同じです",
        "パスワード：「Windows11」と同じです",
        "パスワード「Office365」と共通です",
        "パスワードは Office365 と同じです",
    ],
)
def test_a_label_that_points_to_a_step_or_another_account_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードは Office2026 です", "Office2026"),
        ("パスワードは「Office2026」です", "Office2026"),
        ("パスワード「Office2026」でログイン", "Office2026"),
        ("パスワード：「Kessai2026」と同じです", "Kessai2026"),
        ('パスワード: "Kessai 2026!"', "Kessai 2026!"),
        ('パスワード: "Kessai 2026!" です', "Kessai 2026!"),
    ],
)
def test_a_value_that_looks_like_a_name_still_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワード：kohoka", "kohoka"),
        ("共有フォルダ\nPW：joetsukoho\n", "joetsukoho"),
        ("Wi-Fi（庁内）SSID: joetsu-staff / PASS: joetsustaff", "joetsustaff"),
        ("管理画面\nID: koho\nパスワード=hinanjo。", "hinanjo"),
    ],
)
def test_a_word_of_lower_case_letters_alone_in_its_field_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "Password: required",
        "パスワード：optional",
        "パスワード：unchanged",
        "パスワード：password",
        "Day pass: unlimited",
        "Free pass: included",
        # Not alone in its field: a word of a sentence, as before.
        "パスワード：random に生成されます",
        # A word the sentence goes on after; closed by its copula (「パスワードは kohoka です」) it is the value
        # (tests/rules/test_secret_lowercase_and_set_to_s32.py).
        "パスワードは random に生成されます",
    ],
)
def test_a_form_word_or_a_word_of_a_sentence_in_the_field_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスワード（例）：abc123XYZ!",
        "パスワード（記入例）：abc123XYZ!",
        "パスワード（サンプル）：Joetsu#2026",
        "パスワード（例）：abc 123xyz",
        "暗証番号（例）：4821",
        # As the qualifier-less forms already were.
        "パスワード例：Joetsu#2026",
    ],
)
def test_a_value_the_label_calls_an_example_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワード（職員用）：Joetsu#2026", "Joetsu#2026"),
        ("パスワード（条例担当）：Joetsu#2026", "Joetsu#2026"),
        ("暗証番号（金庫）：4821", "4821"),
    ],
)
def test_a_value_under_another_qualifier_still_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        # Found by review: 例 in a word that is no example (an exception, the usual year, a regular meeting).
        "パスワード（例外）：Joetsu#2026",
        "パスワード（例年）：Joetsu#2026",
        "パスワード（例会用）：Joetsu#2026",
        "パスワード（例規システム）：Joetsu#2026",
    ],
)
def test_a_qualifier_with_a_word_that_is_no_example_still_fires(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Found by review: an English Wi-Fi notice says there is none, or where it is given.
        "Free Wi-Fi\nSSID: Joetsu_Free_WiFi\nPassword: unnecessary",
        "SSID: Joetsu_Free_WiFi\nパスワード：unneeded",
        "Wi-Fi available\nPassword: provided",
        "Password: separately",
        "Password: onsite",
    ],
)
def test_a_field_word_of_a_wifi_notice_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)
