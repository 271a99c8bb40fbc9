"""Session 46: an undecided policy passed on as 「内部調整中」 or after 「まだ決定ではありませんが」 was silent
(「庁内調整中」「正式決定ではありませんが」 were read); the city's holding answer and a system's maintenance are not."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _said(text: str) -> list[str]:
    found = check(text, ctx(platform="x", policy=CITY_POLICY))
    return [text[f.start : f.end] for f in found if f.code == "confidential.deliberation"]


@pytest.mark.parametrize(
    "text",
    [
        "来年度、〇〇小学校と△△小学校を統合する方向で内部調整中です。",
        "〇〇小学校を統合する方向で内部調整しています。",
        "〇〇小学校と△△小学校の統合は、内部調整中です。",
        "現在内部調整中ですが、来年度からごみ袋の値上げを予定しています。",
        "まだ決定ではありませんが、ごみ袋の値上げを検討しています。詳細は未定です。",
        "まだ決定ではありませんが、〇〇保育園は来年度末で閉園する見込みです。",
    ],
)
def test_an_undecided_policy_passed_on_is_flagged(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "〇〇プールの再開時期は、現在内部調整中です。決まり次第お知らせします。",
        "システムの内部調整中のため、一時的に予約サイトがご利用いただけません。",
        "システムは内部調整中です。しばらくお待ちください。",
        "まだ決定ではありませんが、来週の花火大会は雨天の場合、翌日に順延する予定です。",
        "イベントの内容はまだ決定ではありませんが、決まり次第お知らせします。",
        "市では、ごみ袋の値上げについて検討を始めました。市民の皆さんのご意見を募集しています。",
    ],
)
def test_a_holding_answer_a_maintenance_or_an_event_is_silent(text: str) -> None:
    assert _said(text) == []
