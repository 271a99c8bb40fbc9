"""Session 45: confidential.deliberation on a draft plan announced with the residents' meeting that explains it."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _deliberation(text: str) -> list[str]:
    found = check(text, ctx(platform="x", policy=CITY_POLICY))
    return [text[f.start : f.end] for f in found if f.code == "confidential.deliberation"]


@pytest.mark.parametrize(
    "text",
    [
        # The meeting for residents is named in the next sentence or on its own heading line: the draft is shown to them.
        "第3次総合計画の素案がまとまりました。市民説明会を12月15日に開催します。",
        "第3次総合計画の素案がまとまりました。\n【市民説明会】12月15日 19時から 市民プラザ",
        "〇〇小学校の統合素案がまとまりました。地元説明会で説明します。",
        "公共施設再配置計画（案）を作成しました。\n公聴会を1月に開きます。",
    ],
)
def test_a_draft_explained_at_a_residents_meeting_is_public(text: str) -> None:
    assert _deliberation(text) == []


@pytest.mark.parametrize(
    "text",
    [
        # No meeting, a meeting not held yet, the staff's own meeting, or a paper stamped as unfinished.
        "〇〇小学校の統合素案がまとまりました。地元説明会は開催しません。",
        "〇〇小学校の統合素案がまとまりました。住民説明会の前なので外部に出さないでください。",
        "〇〇小学校の統合素案がまとまりました。課長向け説明会を行います。",
        "〇〇小学校の統合素案（未定稿）です。市民説明会は来月の予定です。",
    ],
)
def test_a_draft_not_yet_shown_to_residents_still_warns(text: str) -> None:
    assert _deliberation(text) != []
