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


# The glitter strung around a heading was told to be made full-width, a finding per dot, though full-width ones would
# not draw it.
@pytest.mark.parametrize(
    "text",
    [
        "ﾟ･*:.｡..｡.:*･ﾟ 新年のご挨拶 ﾟ･*:.｡..｡.:*･ﾟ",
        "☆ﾟ.*･｡ﾟ 雪まつり開催 ☆ﾟ.*･｡ﾟ",
        ".｡.:*･ﾟ☆ 合格おめでとう ☆ﾟ･*:.｡.",
        "*･゜ﾟ･*:.｡..｡.:*･゜ﾟ･* 成人式 *･゜ﾟ･*:.｡..｡.:*･゜ﾟ･*",
        "ﾟ+.ﾟ(´▽`人)ﾟ+.ﾟ",
        "✧*｡ 桜が満開です ✧*｡",
    ],
)
def test_half_width_glitter_around_a_heading_is_not_half_width_kana(text: str) -> None:
    assert not findings_of("a11y.halfwidth_kana", text), text


# A half-width stop or mark without glitter around it, and kana beside glitter, are still told.
@pytest.mark.parametrize(
    ("text", "told"),
    [
        ("本日は晴れ｡", ["｡"]),
        ("本日は晴れ｡*", ["｡"]),
        ("ありがとう･ﾟ", ["･ﾟ"]),
        ("☆ｲﾍﾞﾝﾄ☆", ["ｲﾍﾞﾝﾄ"]),
        ("ｵｼﾗｾ*:.｡", ["ｵｼﾗｾ"]),
    ],
)
def test_a_half_width_stop_or_kana_beside_glitter_is_still_told(text: str, told: list[str]) -> None:
    assert [text[f.start : f.end] for f in findings_of("a11y.halfwidth_kana", text)] == told


# Typed all full-width with its label, the address is one run of full-width letters, told once with the label.
def test_an_address_typed_all_full_width_is_told_with_its_label() -> None:
    text = "ＭＡＩＬ：ｋｏｈｏ＠ｃｉｔｙ．ｊｏｅｔｓｕ．ｎｉｉｇａｔａ．ｊｐ"
    found = findings_of("a11y.fullwidth_alnum", text)
    assert [(f.start, f.end, f.suggestion) for f in found] == [(0, len(text), "MAIL:koho@city.joetsu.niigata.jp")]
