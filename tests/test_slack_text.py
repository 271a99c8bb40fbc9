"""Slack's message format back to the typed text (handlers.slack_text), and the local Slack
server's encoding of typed text (bot.sandbox.payloads.message_text) that the e2e tests rely on."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.sandbox.payloads import message_text
from handlers.slack_text import plain_text, unescape

NAMES = {"U0MANAGER": "高田 課長補佐"}


@pytest.mark.parametrize(("wire", "typed"), [
    ("子ども&amp;保護者向け", "子ども&保護者向け"),
    ("3 &lt; 5 &gt; 4", "3 < 5 > 4"),
    ("&amp;lt; と書きました", "&lt; と書きました"),  # typed literally; must not become "<"
    ("詳しくは <https://www.city.joetsu.niigata.jp/kanko/> をご覧ください", "詳しくは https://www.city.joetsu.niigata.jp/kanko/ をご覧ください"),
    ("<http://www.city.joetsu.niigata.jp|www.city.joetsu.niigata.jp> まで", "www.city.joetsu.niigata.jp まで"),
    ("<https://example.jp/?a=1&amp;b=2>", "https://example.jp/?a=1&b=2"),
    ("<https://bit.ly/3abc|市のお知らせ>", "市のお知らせ（https://bit.ly/3abc）"),
    ("<mailto:kouhou@city.example.lg.jp|kouhou@city.example.lg.jp>", "kouhou@city.example.lg.jp"),
    ("<@U0MANAGER> 確認お願いします", "@高田 課長補佐 確認お願いします"),
    ("<@U0NOBODY> さん", "@U0NOBODY さん"),
    ("<@U0OLD|takada> さん", "@takada さん"),
    ("<#C0INTAKE|sns-intake> で", "#sns-intake で"),
    ("<#C0INTAKE> で", "#C0INTAKE で"),
    ("<!here> 至急", "@here 至急"),
    ("<!channel>", "@channel"),
    ("<!subteam^S0123|@kouhou> へ", "@kouhou へ"),
    ("<!date^1392734382^{date_num}|2014-02-18> 開催", "2014-02-18 開催"),
    ("", ""),
    ("普通の文章です。", "普通の文章です。"),
])
def test_slack_format_becomes_what_was_typed(wire: str, typed: str) -> None:
    assert plain_text(wire, lambda u: NAMES.get(u, u)) == typed


def test_without_names_a_mention_keeps_its_id() -> None:
    assert plain_text("<@U0MANAGER>") == "@U0MANAGER"


def test_unescape_order() -> None:
    assert unescape("&amp;amp;") == "&amp;"
    assert unescape("&amp;gt;&gt;") == "&gt;>"


def test_the_local_slack_server_encodes_as_slack_does() -> None:
    assert message_text("A&B <x> https://example.jp/?a=1&b=2 をご覧ください") == (
        "A&amp;B &lt;x&gt; <https://example.jp/?a=1&amp;b=2> をご覧ください")
    assert message_text("https://example.jp/ページ") == "<https://example.jp/>ページ"
    assert message_text("/kessai a&b https://example.jp", links=False) == "/kessai a&amp;b https://example.jp"


@given(st.text())
def test_any_typed_text_survives_the_round_trip_through_slack(typed: str) -> None:
    assert plain_text(message_text(typed)) == typed
    assert plain_text(message_text(typed, links=False)) == typed
