"""A help desk, a device or a product named after 「パスワードは」 (「パスワードは 2F Help Desk でお渡しします」「パスワードは
Galaxy S24 でも同じです」「パスワードは、Microsoft 365 の管理画面から…」「パスワードは macOS14 でも同じです」) was a blocking
error: after a plain 「は」 a phrase needed no word only a password has, a floor, a model or a standard did not count as
the place or the device it names, and a product's version was known only glued to its name and only for a few names.
Followed by where, on what or from where (で/の/から/に…), such a phrase is now where the password is, not what it is;
a phrase with a password's own word or a year still is one (session 31)."""

from __future__ import annotations

import pytest

from bot import secret_mask
from bot.rules import credentials, secret_value_spans
from tests.conftest import assert_stays_linear
from tests.rules.conftest import findings_of

SECRET = "confidential.secret"


@pytest.mark.parametrize(
    "text",
    [
        "パスワードは 2F Help Desk でお渡しします。",
        "パスワードは 1F Information Desk でお渡しします。",
        "パスワードは、Microsoft 365 の管理画面から変更してください。",
        "パスワードは Microsoft365 Business の画面から変更できます。",
        "パスワードは Galaxy S24 でも同じです",
        "パスワードは Wi-Fi 6E Router の裏面に記載されています。",
        "Wi-Fi パスワードは 5GHz Router の裏面に記載されています。",
        "パスワードは macOS14 でも同じです",
        "パスワードは iPadOS17.2 の設定画面で変更できます",
        "パスワードは Win11 でも同じです",
        "パスワードは Win10 Pro でも使えます",
        "パスワードは Windows 11 でも同じです",
        "パスワードは iOS 17.2 の設定画面で変更できます",
        "パスワードは Surface Pro 9 から変更できます",
        "パスワードは 2F Help Desk にてお渡しします。",
        "パスワードは 2F Help Desk までお問い合わせください。",
        "パスワードは 1F Information Desk で受け付けています。",
        "パスワードは Wi-Fi 6E Router の本体に記載されています。",
    ],
)
def test_a_place_or_a_device_after_wa_is_no_password(text: str) -> None:
    assert findings_of(SECRET, text) == []
    assert secret_value_spans(text) == []


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードは Sky2026 です", "Sky2026"),
        ("パスワードは Galaxy2026 です", "Galaxy2026"),
        ("パスワードは Kx7pq2 でお願いします", "Kx7pq2"),
        # A year is how passwords are made, after a product's name as after any word.
        ("パスワードは Galaxy2026 でも同じです", "Galaxy2026"),
        ("パスワードは Win2026 でも同じです", "Win2026"),
        ("パスワードは Win123 でも同じです", "Win123"),
        ("パスワードは macOS2026 でも同じです", "macOS2026"),
        ("パスワードは Blue Sky2026 でお渡しします", "Blue Sky2026"),
        ("パスワードは Blue Sky 2026 でお願いします", "Blue Sky 2026"),
        ("パスワードは Microsoft 2026 でログインしてください", "Microsoft"),
        # What the password became is the value, whatever its words.
        ("パスワードは Room 3A に変更しました", "Room 3A"),
        ("パスワードは Kessai 5G です", "Kessai 5G"),
        ("パスワードは Galaxy S24 です", "Galaxy S24"),
        # A bare 「で」 gives the value as much as 「です」 does; so do 「のまま」「に統一」 (found by review).
        ("パスワードは Room 3A でログインしてください", "Room 3A"),
        ("パスワードは Sakura 5G でお願いします", "Sakura 5G"),
        ("パスワードは Galaxy S24 で", "Galaxy S24"),
        ("パスワードは Momo 10F で、ログイン後すぐ変更してください", "Momo 10F"),
        ("パスワードは Kuro S24 にてログインしてください", "Kuro S24"),
        ("パスワードは hanako 1F のままです", "hanako 1F"),
        ("パスワードは Sakura 5G に統一します", "Sakura 5G"),
        ("パスワードは Pixel 8a でログインできます", "Pixel 8a"),
        ("パスワードは Surface Pro 9x で入れます", "Surface Pro 9x"),
    ],
)
def test_a_password_after_wa_is_still_found(text: str, value: str) -> None:
    (f,) = findings_of(SECRET, text)
    assert f.severity == "error"
    assert [text[a:b] for a, b in secret_value_spans(text)] == [value]
    assert value not in secret_mask.mask_secrets(text, about_a_password=True)[0]


def test_the_phrase_reader_stays_linear() -> None:
    assert_stays_linear(credentials.find_credentials, "パスワードは 2F Help Desk Room S24 でお渡し ")
    assert_stays_linear(credentials.find_credentials, "パスワードは A1 B2 C3 D4 E5 F6 G7 H8 ")
