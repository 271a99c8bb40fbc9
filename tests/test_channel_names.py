"""bot.channel_names against the local Slack server: what is asked, what is kept and for how long."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.channel_names import (
    LOOKUP_TIMEOUT_SECONDS,
    NAME_TTL_SECONDS,
    UNANSWERED_PAUSE_SECONDS,
    UNNAMED_TTL_SECONDS,
    ChannelNames,
)
from bot.sandbox.server import LocalSlack
from bot.slack_http import KeepAliveWebClient
from handlers.slack_text import plain_text

CHANNELS = {"C0JOETSU": "上越市", "C0BOUSAI": "防災", "C0KANKOU": "観光", "C0EVENT": "イベント"}


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def slack() -> Iterator[LocalSlack]:
    with LocalSlack(channels=CHANNELS) as s:
        yield s


def names(slack: LocalSlack, clock: Clock) -> ChannelNames:
    return ChannelNames(KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=LOOKUP_TIMEOUT_SECONDS),
                        clock=clock)


def asked(slack: LocalSlack) -> list[str]:
    return [str(c.params.get("channel")) for c in slack.calls_of("conversations.info")]


def test_a_name_is_kept_for_its_time_and_a_renamed_channel_is_named_anew(slack: LocalSlack) -> None:
    clock = Clock()
    channels = names(slack, clock)
    try:
        assert channels.name_of("C0JOETSU") == "上越市"
        assert channels.name_of("G0HIDDEN") is None  # channel_not_found
        slack.rename_channel("C0JOETSU", "joetsu")
        clock.now += UNNAMED_TTL_SECONDS
        assert channels.name_of("C0JOETSU") == "上越市"
        assert channels.name_of("G0HIDDEN") is None
        assert asked(slack) == ["C0JOETSU", "G0HIDDEN", "G0HIDDEN"]
        clock.now += NAME_TTL_SECONDS
        assert channels.name_of("C0JOETSU") == "joetsu"
    finally:
        channels.close()


def test_slack_not_answering_costs_one_look_up_per_message_not_one_per_channel(slack: LocalSlack) -> None:
    """Before, a draft with four hashtags that are channels asked about each while Slack gave no
    answer: 4 x 1.5 s while the event waited, past the 3 s after which Slack sends it again."""
    clock = Clock()
    channels = names(slack, clock)
    try:
        slack.inject("conversations.info", dropped=True, times=100)
        wire = "大雪 <#C0JOETSU|> <#C0BOUSAI|> <#C0KANKOU|> <#C0EVENT|>"
        assert plain_text(wire, channel_of=channels.name_of) == "大雪 #C0JOETSU #C0BOUSAI #C0KANKOU #C0EVENT"
        assert set(asked(slack)) == {"C0JOETSU"}  # (slack_sdk tries a dropped connection once more)
        # Slack answering again: the channels not asked about are named at the next message.
        slack.clear_faults()
        clock.now += UNANSWERED_PAUSE_SECONDS
        # (The one asked about is not asked again for a while, as a channel Slack does not name.)
        assert plain_text(wire, channel_of=channels.name_of) == "大雪 #C0JOETSU #防災 #観光 #イベント"
    finally:
        channels.close()


def test_an_answer_about_one_channel_does_not_stop_asking_about_others(slack: LocalSlack) -> None:
    clock = Clock()
    channels = names(slack, clock)
    try:
        assert plain_text("<#G0HIDDEN|> <#C0BOUSAI|>", channel_of=channels.name_of) == "#G0HIDDEN #防災"
    finally:
        channels.close()


@pytest.mark.parametrize(("typed", "ids"), [
    ("大雪に注意 #C0123ABCD #G0HIDDEN", ("#C0123ABCD", "#G0HIDDEN")),
    ("#C07QCRPA4XY、#C07QCRPA4XY", ("#C07QCRPA4XY",)),  # each once
    # Hashtags people type, not ids: no note (a note on every one teaches staff to skip them).
    ("#COVID19 #G20サミット #CHRISTMAS2026 #C3PO #上越市 #c0123abcd", ()),
    ("https://example.jp/#C0123ABCD と a#C0123ABCD", ()),  # part of an address or a word
    # A summit or ministers' meeting held in the town (before, each was said to be a channel's id).
    ("#G7NIIGATA #G20OSAKA #G7HIROSHIMA #G7SUMMIT #G8TOYAKO #G20JAPAN2019 #G7NIIGATAサミット", ()),
    ("#G7 #C1000タケダ #CO2削減 #ＣＯ２削減 型番ABC-C0123 #C4ISR", ()),
    ("#G0HIDDEN #G024BE91L #C1H9RESGL", ("#G0HIDDEN", "#G024BE91L", "#C1H9RESGL")),
    ("注意#C0123ABCD。", ("#C0123ABCD",)),
])
def test_channel_ids_left_in_a_draft_are_found_and_hashtags_are_not(typed: str, ids: tuple[str, ...]) -> None:
    from bot.render import unnamed_channels

    assert unnamed_channels(typed) == ids
