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


@pytest.mark.parametrize("body", [CLICK, FORM, EVENT, COMMAND, {"ssl_check": "1", "token": "x"},
                                  {"type": "url_verification", "challenge": "x"},
                                  {**EVENT, "event": {"type": "user_change", "user": {"id": "U1"}}},
                                  {**CLICK, "team": "T0KESSAI"}, {**CLICK, "actions": [{"action_id": "x"}]},
                                  {**FORM, "type": "view_closed"}, {**CLICK, "anything_new": [1, {"a": None}]}],
                         ids=["click", "form", "event", "command", "ssl_check", "url_verification", "user_change",
                              "team-as-id", "action-without-value", "view_closed", "new-field"])
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
], ids=lambda b: str(b)[:40])
def test_shapes_slack_never_sends_are_named(body: object) -> None:
    assert isinstance(shape_problem(body), str)
