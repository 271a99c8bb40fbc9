"""死ね told to someone inside a sentence with its letters masked or kept apart (「市長は〇ね」
「そんなことを言う人はし😡ね」), which no word list reads; 〇ね and しね elsewhere are a quiz's answer
and the particles of 「ですしね」 (茅野市 4(7)①)."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes, findings_of


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("市長は〇ね", "〇ね"),
        ("市長は○ね！", "○ね"),
        ("あいつは○ね", "○ね"),
        ("田中は○ね", "○ね"),
        ("お前ら、〇ね", "〇ね"),
        ("議員どもは〇ね", "〇ね"),
        ("職員は全員〇ね", "〇ね"),
        ("市長、し😡ね。", "し😡ね"),
        ("そんなことを言う人はし😡ね。", "し😡ね"),
        ("市長はし・ね", "し・ね"),
        ("田中さん、し🌸ね", "し🌸ね"),
        ("し😡ね", "し😡ね"),
    ],
)
def test_a_masked_die_told_to_someone_fires(text: str, word: str) -> None:
    [f] = findings_of("prohibited.insult", text)
    assert f"「{word}」" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "キャップは✕、ラベルは○ね！",
        "正解は○ね。",
        "答えは〇ね",
        "今日は〇ね",
        "大人は○、子どもは×ね。",
        "全部わかった人は〇ね！",
        "鈴木さんは○、佐藤さんは×ね",
        "田中さんは〇ねんせいです",
        "楽しいですし😊ね",
        "必死😅ね",
        "「市長は〇ね」と書き込まれました。",
        # A show of hands.
        "参加する人は〇ね！",
        "アンケート：賛成の人は〇ね",
        "きょうのおやつがすきな人は〇ね！",
    ],
)
def test_a_circle_or_particles_elsewhere_are_silent(text: str) -> None:
    assert "prohibited.insult" not in codes(text)
