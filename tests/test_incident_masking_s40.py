"""Leak reports' masking (bot.secret_mask.mask_secrets) of the passwords confidential.secret newly reads in session 40.

A report of a misposting pastes the post or tells it in a sentence; each password the rule now finds in a draft (a
period after the label, a login under 「〜のログイン（窓口用端末）」, a password over five or more lines, halves of letters
alone) must not go into the escalation channel as typed, whether or not the incident is filed as a password's.
"""
from __future__ import annotations

import pytest

from bot import incidents as inc
from bot import secret_mask

M = inc.SECRET_MASK


@pytest.mark.parametrize(("text", "expected"), [
    ("誤投稿の報告です。パスワード. kouhou2026 が載っていました", f"誤投稿の報告です。パスワード. {M} が載っていました"),
    ("漏えい報告：下書きに「パスワード. kouhou2026」と書いたまま投稿しました",
     f"漏えい報告：下書きに「パスワード. {M}」と書いたまま投稿しました"),
    ("漏えい報告：次の文面をそのまま投稿しました\nインスタのログイン（窓口用端末）\njoetsu_koho\nSakura2026!",
     f"漏えい報告：次の文面をそのまま投稿しました\nインスタのログイン（窓口用端末）\njoetsu_koho\n{M}"),
    ("報告：インスタのログイン（窓口用端末）\nkoho@city.example.lg.jp Sakura2026!\nが公開されていました",
     f"報告：インスタのログイン（窓口用端末）\nkoho@city.example.lg.jp {M}\nが公開されていました"),
    ("報告：ログイン（窓口用端末）\njoetsu_koho / Sakura2026!\nを誤って投稿",
     f"報告：ログイン（窓口用端末）\njoetsu_koho / {M}\nを誤って投稿"),
    ("報告：投稿文にパスワードが改行して書かれていました\nパスワード\nko\nuh\nou\n20\n26!",
     f"報告：投稿文にパスワードが改行して書かれていました\nパスワード\n{M}\n{M}\n{M}\n{M}\n{M}"),
    ("報告：パスワード\n・ko\n・uh\n・ou\n・20\n・26!\nを投稿", f"報告：パスワード\n・{M}\n・{M}\n・{M}\n・{M}\n・{M}\nを投稿"),
    # A login's heading closed by a colon over the ID and the password.
    ("報告：ログイン情報：\nkoho01\nKessai2026!\nを投稿", f"報告：ログイン情報：\nkoho01\n{M}\nを投稿"),
    ("報告：アカウント情報（広報X）：\njoetsu_koho\nSakura#2026\nが公開", f"報告：アカウント情報（広報X）：\njoetsu_koho\n{M}\nが公開"),
    # Halves of letters alone: the mask read any word as a half already; the rule now flags the draft as well.
    ("報告：パスワードの前半は Sakura、後半は Fubuki と書いた下書きを公開しました",
     f"報告：パスワードの前半は {M}、後半は {M} と書いた下書きを公開しました"),
])
def test_session_40s_catches_are_masked_in_a_report(text: str, expected: str) -> None:
    for about_a_password in (True, False):
        assert secret_mask.mask_secrets(text, about_a_password=about_a_password) == (expected, expected.count(M))
