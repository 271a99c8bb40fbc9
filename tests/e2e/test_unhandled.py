"""What the app was never built for is acknowledged, not answered 404: Slack counts a non-2xx
answer as a failed delivery, retries it, and turns off the event subscriptions of an app that
fails too often."""

from __future__ import annotations

import logging

import pytest

from bot.localstack import LocalStack
from tests.e2e.conftest import settle


@pytest.mark.parametrize("event", [
    {"type": "app_mention", "user": "U0OPERATOR", "text": "<@U0KESSAIBOT> 使い方", "ts": "1764100000.000100",
     "channel": "C0INTAKE"},
    {"type": "member_joined_channel", "user": "U0OPERATOR", "channel": "C0INTAKE"},
    {"type": "reaction_added", "user": "U0OPERATOR", "reaction": "eyes",
     "item": {"type": "message", "channel": "C0INTAKE", "ts": "1764100000.000100"}},
    {"type": "some_event_slack_adds_next_year"},
])
def test_events_nobody_handles_are_acknowledged(sqlite_stack: LocalStack, event: dict) -> None:  # type: ignore[type-arg]
    assert sqlite_stack.driver.event(event).status == 200


def test_losing_the_token_is_logged_for_it(sqlite_stack: LocalStack, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO)
    for kind in ("tokens_revoked", "app_uninstalled"):
        assert sqlite_stack.driver.event({"type": kind, "tokens": {"bot": ["U0KESSAIBOT"]}}).status == 200
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("tokens_revoked" in w and "token" in w for w in warnings)
    assert any("app_uninstalled" in w for w in warnings)


def test_other_interactions_are_acknowledged(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    base = {"user": {"id": "U0MANAGER", "team_id": st.slack.team_id}, "team": {"id": st.slack.team_id},
            "api_app_id": st.slack.app_id, "token": "x", "trigger_id": "1.2.3"}
    for payload in (
        {"type": "shortcut", "callback_id": "an_old_shortcut"},
        {"type": "message_action", "callback_id": "an_old_message_shortcut", "message": {"text": "x", "ts": "1.2"},
         "channel": {"id": "C0INTAKE"}},
        {"type": "view_closed", "view": {"id": "V0X", "callback_id": "reject_reason"}, "is_cleared": False},
    ):
        assert st.driver._post_interaction({**base, **payload}).status == 200, payload["type"]
    options = st.driver._post_interaction({**base, "type": "block_suggestion", "action_id": "x", "block_id": "y",
                                          "value": "abc"})
    assert options.status == 200 and options.json() == {"options": []}


def test_another_slash_command_is_told_what_kessai_answers_to(sqlite_stack: LocalStack) -> None:
    reply = sqlite_stack.driver.slash_command("U0OPERATOR", "/kessai-old", "help")
    assert reply.status == 200 and "/kessai help" in reply.json()["text"]
    settle(sqlite_stack)
