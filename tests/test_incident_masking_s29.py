"""Leak reports' masking (bot.incidents.mask_secrets): shapes of the label and of the value that staff
type in a report and that went into the escalation channel and the record as typed (session 29)."""
from __future__ import annotations

import pytest

from bot import incidents as inc
from tests.conftest import assert_stays_linear

M = inc.SECRET_MASK


def masked(text: str) -> tuple[str, int]:
    return inc.mask_secrets(text, about_a_password=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("パスワード[旧] abc123 が漏れました", f"パスワード[旧] {M} が漏れました"),
    ("パスワード【旧】abc123", f"パスワード【旧】{M}"),
    ("パスワード〔仮〕 abc123", f"パスワード〔仮〕 {M}"),
    ("パスワード「旧」: abc123", f"パスワード「旧」: {M}"),
    ("パスワード『旧』：abc123", f"パスワード『旧』：{M}"),
    ("〔パスワード〕abc123", f"〔パスワード〕{M}"),
    ("【パスワード】 abc123", f"【パスワード】 {M}"),
    ("[パスワード] abc123", f"[パスワード] {M}"),
    ("《PW》abc123", f"《PW》{M}"),
    ("「パスワード」 abc123", f"「パスワード」 {M}"),
    ("*「パスワード」* abc123", f"*「パスワード」* {M}"),
    ("*「パスワード」*：abc123", f"*「パスワード」*：{M}"),
    ("「パスワード」とは abc123 のことです", f"「パスワード」とは {M} のことです"),
    ("パスワードって abc123 です", f"パスワードって {M} です"),
    ("パスワードも abc123 です", f"パスワードも {M} です"),
    ("パスワードは、abc123 です", f"パスワードは、{M} です"),
    ('"password" is abc123', f'"password" is {M}'),
    ("“password” was abc123", f"“password” was {M}"),
    ("*password* is abc123", f"*password* is {M}"),
])
def test_a_value_after_a_decorated_label_is_masked(text: str, expected: str) -> None:
    """A label in brackets or quotes, with a note in brackets after it, or said with とは/って/も: the
    password after it went into the alert and the record as typed."""
    assert masked(text) == (expected, 1)


@pytest.mark.parametrize("kept", [
    "「パスワード」を変更しました", "【パスワード】変更のお願い", "パスワード「旧」は廃止しました",
    "パスワード【至急】対応をお願いします", "「パスワード」とは何ですか", "パスワードも変更済みです",
    "パスワードって何文字でしたか", "【パスワード】 11/30 に変更", "「パスワード」は 2026/11/30 に変更",
    "【パスワード漏えい】 新潟市役所 本庁舎 3階",
])
def test_a_decorated_label_before_ordinary_words_masks_nothing(kept: str) -> None:
    assert masked(kept) == (kept, 0)


def test_decorated_labels_stay_linear() -> None:
    for shape in ("【パスワード】", "パスワード[旧] ", "「パスワード」とは ", "*「PW」* a", "パスワード「旧」"):
        assert_stays_linear(masked, shape)
