"""The demo's time scenes play through on the local Slack server and report success."""

from __future__ import annotations

from pathlib import Path

from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.demo import Demo
from bot.demo_time import play_time
from bot.localstack import start_local_stack
from tests.time.conftest import jst


def test_play_time_shows_reminder_escalation_and_incident_ack(tmp_path: Path, org: OrgConfig) -> None:
    lines: list[str] = []
    st = start_local_stack(org, f"sqlite:///{tmp_path / 'demo.db'}", clock=shifted_clock(jst(2026, 11, 24, 9, 30)))
    try:
        assert play_time(Demo(st, lines.append)) is True
    finally:
        st.stop()
    transcript = "\n".join(lines)
    assert "決裁のお願い" in transcript and "代決依頼" in transcript
    assert "対応開始されていません" in transcript and "対応中（木田 四郎 さん" in transcript


def test_play_time_on_a_months_last_business_day(tmp_path: Path, org: OrgConfig) -> None:
    """On 12/28 (仕事納め, the last business day of December) the sweep also posts the month's list
    of accounts short of their posts to the escalation channel; the incident alert is not the first
    message there, and the scene must still acknowledge the alert, not that list."""
    lines: list[str] = []
    st = start_local_stack(org, f"sqlite:///{tmp_path / 'demo.db'}", clock=shifted_clock(jst(2026, 12, 28, 9, 30)))
    try:
        assert play_time(Demo(st, lines.append)) is True
    finally:
        st.stop()
    transcript = "\n".join(lines)
    assert "達していないアカウント" in transcript  # the list the alert must not be mistaken for
    assert "対応中（木田 四郎 さん" in transcript
