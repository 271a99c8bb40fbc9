"""content.empty (美祢市 5(2)ア): a draft of punctuation alone (「。」「…」「・・・」) is a paste that lost its text.

Before session 41 only blanks and invisible characters counted as no text: a lone 「。」 went to the approvers as a
post. A caption of emoji, hashtags or a link alone says something (an Instagram photo's 「🌸」, 「#上越市」) and
stays silent, as does any letter, digit or symbol (「○」「1」「あ」).
"""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import codes, ctx

PUNCTUATION_ONLY = ["。", "、", "・", "…", "...", " 。 ", "。\n\u3000", "【】", "「」", "-", "？", "！", "!?", "\u3164。\u2800",
                    "。\u200b。", "（）", "〜", "※"]


@pytest.mark.parametrize("text", PUNCTUATION_ONLY)
def test_a_draft_of_punctuation_alone_is_empty(text: str) -> None:
    [f] = [f for f in check(text, ctx()) if f.code == "content.empty"]
    assert (f.severity, f.start, f.end, f.excerpt) == ("error", 0, 0, "")
    assert "句読点や記号しかありません" in f.message


SAYS_SOMETHING = ["🌸", "☀\ufe0f", "#上越市 #高田城址公園", "https://www.city.joetsu.niigata.jp/", "○", "1", "あ", "ー",
                  "。🌸", "…続く", "〒", "★", "♪", "→", "──", "@joetsu_city",
                  # Emoji made of punctuation: the presentation selector (U+FE0F) or the keycap (U+20E3) after it.
                  "‼\ufe0f", "⁉\ufe0f", "〽\ufe0f", "〰\ufe0f", "#\ufe0f\u20e3", "*\ufe0f\u20e3", "#\u20e3", "。‼\ufe0f"]


@pytest.mark.parametrize("text", SAYS_SOMETHING)
def test_a_draft_with_anything_else_is_not_empty(text: str) -> None:
    assert "content.empty" not in codes(text)


def test_blanks_alone_keep_their_message() -> None:
    [f] = [f for f in check(" \u3000\n", ctx()) if f.code == "content.empty"]
    assert f.message == "本文がありません。投稿する文章を入力してください。"
