"""The shape check every signed request passes before bolt dispatches it (bot.payload_shape)."""

from __future__ import annotations

import pytest

from bot.payload_shape import shape_problem

USER = {"id": "U0MANAGER", "team_id": "T0KESSAI"}
CLICK = {"type": "block_actions", "team": {"id": "T0KESSAI"}, "user": USER, "trigger_id": "1.2",
         "actions": [{"action_id": "approve_draft", "value": "1:1"}]}
FORM = {"type": "view_submission", "team": {"id": "T0KESSAI"}, "user": USER,
        "view": {"type": "modal", "callback_id": "reject_form", "private_metadata": "1:1",
                 "state": {"values": {"reason": {"reason": {"type": "plain_text_input", "value": "x"}}}}}}
EVENT = {"type": "event_callback", "team_id": "T0KESSAI", "event_id": "Ev1",
         "event": {"type": "message", "channel": "C0INTAKE", "user": "U0OPERATOR", "text": "本文", "ts": "1.1"}}
COMMAND = {"command": "/kessai", "text": "status", "user_id": "U0OPERATOR", "team_id": "T0KESSAI"}
EVENT_MESSAGE = EVENT["event"]


LONGEST_ID = "U" + "0" * 31  # no Slack id is this long, but one this long still fits the database


@pytest.mark.parametrize("body", [CLICK, FORM, EVENT, COMMAND, {"ssl_check": "1", "token": "x"},
                                  {"type": "url_verification", "challenge": "x"},
                                  {**EVENT, "event": {"type": "user_change", "user": {"id": "U1"}}},
                                  {**CLICK, "team": "T0KESSAI"}, {**CLICK, "actions": [{"action_id": "x"}]},
                                  {**FORM, "type": "view_closed"}, {**CLICK, "anything_new": [1, {"a": None}]},
                                  {**EVENT, "event": {**EVENT["event"], "user": LONGEST_ID}},
                                  {**CLICK, "user": {"id": LONGEST_ID}, "container": {"message_ts": "1700000000.000100"}},
                                  {**EVENT, "event_id": "Ev" + "0" * 98},
                                  {**FORM, "response_urls": [{"response_url": "https://hooks.slack.com/a"},
                                                             {"response_url": "https://hooks.slack.com/b"}]},
                                  {**EVENT, "authorizations": [{"team_id": "T0KESSAI", "user_id": "U0BOT"}]},
                                  {**EVENT, "event": {"type": "reaction_added", "user": "U1",
                                                      "item": {"type": "message", "channel": "C1", "ts": "1.1"}}}],
                         ids=["click", "form", "event", "command", "ssl_check", "url_verification", "user_change",
                              "team-as-id", "action-without-value", "view_closed", "new-field", "longest-user",
                              "click-in-a-message", "longest-event-id", "response-urls", "authorizations",
                              "reaction"])
def test_what_slack_sends_passes(body: dict) -> None:  # type: ignore[type-arg]
    assert shape_problem(body) is None


@pytest.mark.parametrize("body", [
    [CLICK], "x", None, {}, {"type": 5}, {**EVENT, "event": "x"}, {**EVENT, "event": {"type": 1}},
    {**EVENT, "event": {"type": "app_home_opened", "user": 5}}, {**CLICK, "actions": []},
    {**CLICK, "actions": "approve_draft"}, {**CLICK, "actions": [{"value": "1:1"}]},
    {**CLICK, "actions": [{"action_id": "approve_draft", "value": {"id": 1}}]}, {**CLICK, "user": "U0MANAGER"},
    {**CLICK, "team": ["T"]}, {**CLICK, "trigger_id": 5}, {**FORM, "view": "x"},
    {**FORM, "view": {"private_metadata": "1:1"}}, {**FORM, "view": {**FORM["view"], "state": []}},
    {**FORM, "view": {**FORM["view"], "state": {"values": {"a": "b"}}}},
    {**FORM, "view": {**FORM["view"], "private_metadata": {"draft": 1}}},
    {"command": "/kessai", "text": "status"}, {"type": "block_suggestion", "user": USER},
    {"type": "message_action", "user": USER, "message": "x"},
    # Places bolt reads ids from before any listener runs (found by the fuzz test: a channel of 0).
    {**EVENT, "event": {**EVENT_MESSAGE, "channel": 0}}, {**EVENT, "event": {**EVENT_MESSAGE, "user": 5}},
    {**EVENT, "event": {"type": "reaction_added", "user": "U1", "item": {"type": "message", "channel": 7}}},
    {**EVENT, "event": {"type": "message", "subtype": "message_changed", "channel": "C1", "message": {"user": 5}}},
    {**EVENT, "authorizations": "x"}, {**EVENT, "authorizations": [5]}, {**EVENT, "enterprise": 5},
    {**FORM, "response_urls": 5},
], ids=lambda b: str(b)[:60])
def test_shapes_slack_never_sends_are_named(body: object) -> None:
    assert isinstance(shape_problem(body), str)


TOO_LONG = LONGEST_ID + "0"


@pytest.mark.parametrize("body", [
    {**EVENT, "event": {**EVENT_MESSAGE, "user": TOO_LONG}},
    {**EVENT, "event": {**EVENT_MESSAGE, "channel": TOO_LONG}},
    {**EVENT, "event": {**EVENT_MESSAGE, "ts": "1" * 40 + ".000100"}},
    {**EVENT, "event": {**EVENT_MESSAGE, "thread_ts": TOO_LONG}},
    {**EVENT, "event": {"type": "message", "subtype": "message_deleted", "channel": "C0INTAKE", "deleted_ts": TOO_LONG}},
    {**EVENT, "event": {"type": "message", "subtype": "message_changed", "channel": "C0INTAKE",
                        "message": {**EVENT_MESSAGE, "ts": TOO_LONG}}},
    {**EVENT, "event": {"type": "app_home_opened", "user": TOO_LONG, "tab": "home"}},
    {**EVENT, "event_id": "Ev" + "0" * 99},
    {**CLICK, "user": {"id": TOO_LONG}}, {**CLICK, "team": {"id": TOO_LONG}}, {**CLICK, "channel": TOO_LONG},
    {**CLICK, "container": {"type": "message", "message_ts": TOO_LONG, "channel_id": "C0INTAKE"}},
    {**COMMAND, "user_id": TOO_LONG}, {**COMMAND, "channel_id": TOO_LONG},
    {"type": "message_action", "user": USER, "message": {"ts": TOO_LONG, "text": "x"}},
], ids=["user", "channel", "ts", "thread_ts", "deleted_ts", "edited-ts", "home-user", "event_id", "click-user",
        "click-team", "click-channel", "click-message", "command-user", "command-channel", "shortcut-message"])
def test_ids_longer_than_slack_gives_are_named(body: object) -> None:
    """On PostgreSQL such an id failed its request with a 500 when stored (Slack then sends it again)."""
    problem = shape_problem(body)
    assert isinstance(problem, str)
    assert "longer than" in problem or "at most 32" in problem
