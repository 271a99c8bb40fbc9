"""A changed password's notice whose old value staff deleted before pasting the draft: the separator
and the arrow were read apart, the arrow taken for the value, and the new password passed (session 29)."""

from __future__ import annotations

import pytest

from bot.rules import secret_value_spans
from bot.rules.credentials import find_credentials
from tests.conftest import assert_stays_linear
from tests.rules.conftest import codes, findings_of


@pytest.mark.parametrize(
    "text",
    [
        "パスワード： → Xyz!7890a",
        "パスワード：→Xyz!7890a",
        "パスワード：(旧) → Xyz!7890a",
        "パスワード：（旧）→ Xyz!7890a",
        "PW変更：→ Xyz!7890a",
        "パスワード：⇒ Xyz!7890a",
        "パスワード：旧 ⇒ Xyz!7890a",
        "パスワード(旧)→(新) Xyz!7890a",
        "パスワード：旧→新 Xyz!7890a",
        "パスワード：新 Xyz!7890a",
        "本日パスワードを更新しました。パスワード： → Xyz!7890a です。",
    ],
)
def test_the_new_password_after_a_deleted_old_one_fires_and_is_masked(text: str) -> None:
    [hit] = findings_of("confidential.secret", text)
    assert "Xyz!7890a" not in hit.excerpt
    assert [text[a:b] for a, b in secret_value_spans(text)] == ["Xyz!7890a"]


def test_a_note_of_which_value_before_the_old_one_is_not_read_as_the_value() -> None:
    """「パスワード：（旧）Kessai#2026 →（新）Xyz!7890a」 fired on nothing: the note 「(旧)」 stood where the value was read."""
    text = "パスワード：（旧）Kessai#2026 →（新）Xyz!7890a"
    [hit] = findings_of("confidential.secret", text)
    assert "Kessai#2026" not in hit.excerpt
    assert [text[a:b] for a, b in secret_value_spans(text)] == ["Kessai#2026"]


@pytest.mark.parametrize(
    "text",
    [
        "パスワード：→ https://www.city.joetsu.niigata.jp/pw で再設定してください",
        "パスワード変更：→ 手順書 P.3 を参照",
        "パスワード：(新) 8文字以上",
        "パスワード(旧)→(新) の順で入力してください",
        "パスワード：新 12文字以上にしてください",
        "暗証番号：→ 4桁",
        "パスワード：→ Windows11 と同じ",
        "PW変更：→ 10/1",
        "パスワード：(新) Google のもの",
        "パスワードの変更 → マイページから",
    ],
)
def test_arrows_and_notes_that_lead_to_no_value_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text), text


def test_the_arrows_and_notes_stay_linear() -> None:
    assert_stays_linear(find_credentials, "PW：(旧)→(新) a パスワード：旧 ⇒ 新 :→")
