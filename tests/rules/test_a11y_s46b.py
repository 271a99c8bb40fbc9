"""a11y rules, session 46's red team: full-width signs in a mail address."""

from __future__ import annotations

import pytest

from tests.rules.conftest import CITY_POLICY, findings_of


# A mail address whose 「＠」 or dot was typed full-width went out unremarked: no app reads it as an address, and
# pasted into a mail it bounces.
@pytest.mark.parametrize(
    ("text", "address", "fixed"),
    [
        ("メール：kouhou＠city.joetsu.niigata.jp", "kouhou＠city.joetsu.niigata.jp", "kouhou@city.joetsu.niigata.jp"),
        ("メール：kouhou@city．joetsu.niigata.jp", "kouhou@city．joetsu.niigata.jp", "kouhou@city.joetsu.niigata.jp"),
        ("お問合せはkoho_ka＠city.joetsu.niigata.jpまで", "koho_ka＠city.joetsu.niigata.jp", "koho_ka@city.joetsu.niigata.jp"),
        ("E-mail kouhou＠city.joetsu.lg.jp", "kouhou＠city.joetsu.lg.jp", "kouhou@city.joetsu.lg.jp"),
        (
            "メール：ｋｏｕｈｏｕ＠ｃｉｔｙ．ｊｏｅｔｓｕ．ｌｇ．ｊｐ",
            "ｋｏｕｈｏｕ＠ｃｉｔｙ．ｊｏｅｔｓｕ．ｌｇ．ｊｐ",
            "kouhou@city.joetsu.lg.jp",
        ),
    ],
)
def test_a_mail_address_with_a_full_width_sign_is_told(text: str, address: str, fixed: str) -> None:
    found = findings_of("a11y.fullwidth_alnum", text, policy=CITY_POLICY)
    assert [(text[f.start : f.end], f.suggestion) for f in found] == [(address, fixed)], text


# A half-width address, an account, and a 「＠」 left full-width on purpose are not.
@pytest.mark.parametrize(
    "text",
    [
        "メール：kouhou@city.joetsu.niigata.jp",
        "メール：kouhou＠city.joetsu.niigata.jp（＠を半角に置き換えてください）",
        "Instagram：＠joetsu_city",
        "X：＠joetsu_city をフォローしてください",
        "お問合せ：kouhou@city.joetsu.niigata.jp．",
        "TEL：025-526-5111",
    ],
)
def test_a_half_width_address_or_an_account_is_not_told(text: str) -> None:
    assert not findings_of("a11y.fullwidth_alnum", text, policy=CITY_POLICY), text
