"""The notice to the author of a message Slack stopped retrying during a database outage quotes its
first line (handlers.middleware.lost_intake_message): read from the payload alone."""

from __future__ import annotations

from pathlib import Path

from bot.config import OrgConfig
from bot.services import Kessai
from handlers.middleware import lost_intake_message
from storage.db import Database


def notice_of(org: OrgConfig, tmp_path: Path, text: str) -> str:
    db = Database(f"sqlite:///{tmp_path / 'kessai.db'}")  # never opened: the database is what failed
    try:
        body = {"type": "event_callback",
                "event": {"type": "message", "channel": "C0INTAKE", "user": "U0OPERATOR", "text": text, "ts": "1.2"}}
        found = lost_intake_message(Kessai(db, org), body)
    finally:
        db.dispose()
    assert found is not None and found[:2] == ("C0INTAKE", "U0OPERATOR")
    return found[2]


def test_the_quote_is_never_cut_inside_an_emoji(org: OrgConfig, tmp_path: Path) -> None:
    family = "👨\u200d👩\u200d👧"  # one emoji of five code points
    notice = notice_of(org, tmp_path, "あ" * 38 + family + "のお知らせです")
    assert "> " + "あ" * 38 + "…" in notice and "\u200d…" not in notice and "👨…" not in notice


def test_a_short_first_line_is_quoted_whole_and_more_lines_are_marked(org: OrgConfig, tmp_path: Path) -> None:
    assert "> 雪まつりのお知らせ…\n" in notice_of(org, tmp_path, "雪まつりのお知らせ\n日時：2月1日")
    assert "> 雪まつりのお知らせ\n" in notice_of(org, tmp_path, "雪まつりのお知らせ")


def test_a_long_first_line_with_more_lines_after_is_marked_cut_once(org: OrgConfig, tmp_path: Path) -> None:
    notice = notice_of(org, tmp_path, "あ" * 60 + "\n日時：2月1日")
    assert "> " + "あ" * 40 + "…\n" in notice and "……" not in notice


def test_a_message_outside_an_intake_channel_is_not_told_as_a_lost_draft(org: OrgConfig, tmp_path: Path) -> None:
    """Chat in the escalation channel (or any channel kessai is in) asks nothing of kessai: its
    author was never waiting for a check, and a notice 「下書きとして受け付けられませんでした」 would say
    a draft was lost that was none."""
    db = Database(f"sqlite:///{tmp_path / 'kessai.db'}")
    try:
        for channel in ("C0ESCALATE", "C0RANDOM"):
            body = {"type": "event_callback", "event": {"type": "message", "channel": channel, "user": "U0OPERATOR",
                                                        "text": "了解です", "ts": "1.2"}}
            assert lost_intake_message(Kessai(db, org), body) is None
    finally:
        db.dispose()
