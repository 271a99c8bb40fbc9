"""Leak reports' masking (bot.secret_mask.mask_secrets) of passwords staff give with no label right before them
(session 38, from tests/rules/test_secret_red_team_s38.py): after an arrow or a colon closing a sentence about the
password, after 新しいのは, in halves, and as the word after a mail address under a login's heading. A leak report
repeats the password into the escalation channel, a wider one than where it leaked."""
from __future__ import annotations

import pytest

from bot import incidents as inc
from bot import secret_mask
from tests.conftest import assert_stays_linear

M = inc.SECRET_MASK


@pytest.mark.parametrize(("text", "expected"), [
    ("管理者ログイン\nkoho@city.example.lg.jp\nKessai2026!", f"管理者ログイン\nkoho@city.example.lg.jp\n{M}"),
    ("Facebookページ 管理者ログイン\nkoho.joetsu@gmail.com / Koho2026fb",
     f"Facebookページ 管理者ログイン\nkoho.joetsu@gmail.com / {M}"),
    ("インスタのログイン情報\nkoho@city.example.lg.jp、Insta#2026", f"インスタのログイン情報\nkoho@city.example.lg.jp、{M}"),
    ("ファイルのパスワードは別メールで送ります → Joetsu0514", f"ファイルのパスワードは別メールで送ります → {M}"),
    ("パスワード教えます→ kouhou2026", f"パスワード教えます→ {M}"),
    ("PW 忘れた人へ：Koho2026! です", f"PW 忘れた人へ：{M} です"),
    ("パスワード忘れた方はこちら ⇒ 「Koho2026!」", f"パスワード忘れた方はこちら ⇒ 「{M}」"),
    ("職員用Wi-Fiのパスワード変わりました！新しいのは staffwifi2026 です",
     f"職員用Wi-Fiのパスワード変わりました！新しいのは {M} です"),
    ("パスワードの前半は Kessai、後半は 2026! です", f"パスワードの前半は {M}、後半は {M} です"),
    ("ピーダブリュー：joetsu2026", f"ピーダブリュー：{M}"),
    ("pasuwaado: joetsu2026", f"pasuwaado: {M}"),
    # 「PW」 and 「PIN」 before Japanese, with no space between.
    ("PWは別途 → Koho2026", f"PWは別途 → {M}"),
    ("PINは別途 → Koho2026", f"PINは別途 → {M}"),
    # The sentence closed by 「。」 right before the arrow.
    ("パスワードをお伝えします。→ Joetsu0514", f"パスワードをお伝えします。→ {M}"),
])
def test_a_password_given_without_a_label_before_it_is_masked(text: str, expected: str) -> None:
    for about_a_password in (True, False):
        assert secret_mask.mask_secrets(text, about_a_password=about_a_password) == (expected, expected.count(M))


def test_halves_are_masked_in_a_report_of_a_password_leak_that_names_no_password() -> None:
    text = "前半は Kessai、後半は 2026!"
    assert secret_mask.mask_secrets(text, about_a_password=True) == (f"前半は {M}、後半は {M}", 2)
    # Another incident's report about a match or a day has halves too.
    assert secret_mask.mask_secrets(text, about_a_password=False) == (text, 0)


@pytest.mark.parametrize("kept", [
    # Links, dates, times, telephone numbers, devices and addresses after an arrow or a colon stay readable.
    "パスワードを変更しました → 詳しくは https://www.city.joetsu.niigata.jp/soshiki/koho/ をご覧ください",
    "パスワード漏えいの件 → 5/14 10:00 に対応済み",
    "パスワード変更済み。連絡先：025-526-5111",
    "パスワード変更済み → 担当 koho@city.joetsu.niigata.jp",
    "パスワードが漏れた件、対応：Windows11 の PC から変更済み",
    "PW 漏えい → 市公式X（@joetsu_koho）のアカウント",
    "パスワード流出：アカウント：joetsu_city_official",
    "パスワード：不明、ユーザー名：koho01",
    "パスワード変更期限：2026/05/29",
    "パスワードの件 → 情報政策課（内線1234）へ報告済み",
    "パスワード漏えい：受付 → 会場 → 控室 の順に確認",
    "パスワードの設定方法→ こちら",
    "パスワードの件、新しいのは 明日お送りします",
    "前半は 10:00、後半は 13:00 から（パスワード講習会）",
    # A mail address and a word with no digit, a telephone number, a link or a date after it.
    "管理者ログイン\nkoho@city.example.lg.jp\n広報課 山田",
    "管理者ログイン\nkoho@city.example.lg.jp\n025-526-5111",
    "ログイン通知が来ました\n送信元 security@accounts.example.com / 2026-05-14 09:12",
    "ログインできません。koho@city.example.lg.jp / https://www.city.joetsu.niigata.jp/",
    "ログイン\nkoho@city.example.lg.jp\nWindows11",
    "ログイン\nkoho@city.example.lg.jp / Facebook",
])
def test_what_a_report_says_around_the_password_stays(kept: str) -> None:
    assert secret_mask.mask_secrets(kept, about_a_password=True) == (kept, 0)


@pytest.mark.parametrize("shape", [
    "パスワード忘れた人へ：", "パスワード" + "忘" * 30 + "→ a1b2 ", "ログイン\na@b.jp / k1b2\n", "a@b.c" * 3 + " / ",
    "新しいのは abc1 ", "前半は ", "前半は a、後半は ",
])
def test_the_readings_of_a_given_password_stay_linear(shape: str) -> None:
    assert_stays_linear(lambda t: secret_mask.mask_secrets(t, about_a_password=True), shape)
