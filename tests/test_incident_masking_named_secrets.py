"""Leak reports' masking (bot.secret_mask.mask_secrets): a one-time code, a key or a token, a secret
question's answer, and a password written after the date it was changed on, went into the escalation
channel and the record as typed (session 29)."""
from __future__ import annotations

import pytest

from bot import incidents as inc
from bot import secret_mask
from tests.conftest import assert_stays_linear

M = inc.SECRET_MASK


def masked(text: str) -> str:
    return secret_mask.mask_secrets(text, about_a_password=True)[0]


@pytest.mark.parametrize(("text", "expected"), [
    ("パスワードを 11/30 に abc123 へ変更", f"パスワードを 11/30 に {M} へ変更"),
    ("パスワードは 2026/11/30 に abc123 に変更しました", f"パスワードは 2026/11/30 に {M} に変更しました"),
    ("PW を 12/1 9:00 に Kx7pq2 に更新", f"PW を 12/1 9:00 に {M} に更新"),
    ("token: abc123def456", f"token: {M}"),
    ("トークン：abc123def456 が流出", f"トークン：{M} が流出"),
    ("API key: abc123def456", f"API key: {M}"),
    ("認証コード：123456", f"認証コード：{M}"),
    ("2段階認証のコード 123456 を伝えてしまいました", f"2段階認証のコード {M} を伝えてしまいました"),
    ("2段階認証のコード：123 456", f"2段階認証のコード：{M}"),
    ("届いたコード 123456 を入力してしまいました", f"届いたコード {M} を入力してしまいました"),
    ("秘密の質問の答え：さくら", f"秘密の質問の答え：{M}"),
    ("秘密の質問の答えは「さくら」です", f"秘密の質問の答えは「{M}」です"),
    ("秘密の質問の答えは さくら です", f"秘密の質問の答えは {M} です"),
])
def test_a_named_secret_is_masked_in_a_report(text: str, expected: str) -> None:
    assert masked(text) == expected


@pytest.mark.parametrize("text", [
    "パスワードを 11/30 に変更しました",
    "token: expired",
    "token: 有効期限切れ",
    "トークンの有効期限は 11/30 です",
    "トークン：v1.2.3",
    "token: 2026/11/30",
    "トークンを 11/30 に再発行",
    "認証コード 6 桁",
    "認証コードを入力したら乗っ取られた",
    "認証コードが 11/30 に届いた",
    "確認コードを 3 回間違えた",
    "秘密の質問の答えは漏えいしていません",
    "秘密の質問の答え：不明",
    "秘密の質問の答えも変更してください",
])
def test_what_a_report_says_of_the_secret_stays(text: str) -> None:
    assert masked(text) == text


def test_the_named_secrets_stay_linear() -> None:
    assert_stays_linear(masked, "token: a1 認証コード 12 秘密の質問の答え：あ PWを 1/2 に a")
