"""Whether a signed Slack request has the shape Slack gives it, before bolt dispatches it.

Slack signs what it sends, and it always sends these shapes. A signed request of another shape
(a compromised signing secret, a proxy rewriting bodies, a change on Slack's side) used to fail
somewhere inside bolt's dispatch or our listeners with a 500, which Slack answers by sending the
same request again, and after enough failures by switching the app's events off. Such a request
is answered 200, with nothing done and one warning in the log (``web.wsgi_app``; the Socket Mode
handler in ``bot.serve``).

Only the fields something reads without checking are checked; anything Slack may add is allowed.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt.context import BoltContext
from slack_bolt.request.internals import build_context

log = logging.getLogger(__name__)

# Slack's ids (users, channels, teams) and message timestamps are a few characters long (U0123ABCD,
# 1700000000.000100); the database keeps them in 32-character columns. A longer one is no id Slack
# gives: on PostgreSQL storing it failed the request with a 500, which Slack answers by sending it again.
ID_MAX = 32
# Event ids (Ev0123ABCD) are remembered, with a prefix, in a 200-character column.
EVENT_ID_MAX = 100
_EVENT_ID_FIELDS = ("user", "channel", "ts", "thread_ts", "deleted_ts", "event_ts")
_BODY_ID_FIELDS = ("user_id", "channel_id", "team_id", "enterprise_id")

# Events whose fields our listeners read directly (handlers/): their ``user`` must be an id.
_EVENTS_WITH_USER_ID = frozenset({"app_home_opened"})
# Payloads of a person acting in Slack: ``user`` is always that person, as an object.
_INTERACTIONS = frozenset({"block_actions", "view_submission", "view_closed", "shortcut", "message_action",
                           "block_suggestion"})


SEVERAL_ACTIONS_JA = ("一度に複数の操作が届いたため、どれも実行していません（承認・差戻しなども記録していません）。"
                      "お手数ですが、ボタンをもう一度、一つずつ押してください。")


def several_actions(body: Any) -> bool:
    """A block_actions payload whose ``actions`` holds more than one: a person's click sends one,
    and bolt runs the listener of the first only, so the others would be dropped unsaid (承認 and
    差戻し in one payload: approved, the 差戻し lost). Refused whole: acting on each could decide a
    draft twice, from what was one request."""
    return (isinstance(body, dict) and body.get("type") == "block_actions"
            and isinstance(body.get("actions"), list) and len(body["actions"]) > 1)


def _is_id_holder(value: Any) -> bool:
    """``team`` / ``user`` / ``channel`` / ``enterprise`` as Slack sends them: absent, an id, or an
    object whose ``id`` (when present) is a string; either way no longer than an id."""
    if value is None:
        return True
    if isinstance(value, str):
        return _is_id(value)
    return isinstance(value, dict) and (value.get("id") is None or _is_id(value.get("id")))


def _is_id(value: Any) -> bool:
    return isinstance(value, str) and len(value) <= ID_MAX


def _overlong_id(fields: dict[str, Any], names: tuple[str, ...]) -> str | None:
    """The first of ``names`` holding a string longer than any Slack id or timestamp."""
    return next((n for n in names if isinstance(fields.get(n), str) and len(fields[n]) > ID_MAX), None)


def _values_problem(view: dict[str, Any]) -> str | None:
    state = view.get("state")
    if state is None:
        return None
    if not isinstance(state, dict):
        return "view.state is not an object"
    values = state.get("values", {})
    if not isinstance(values, dict):
        return "view.state.values is not an object"
    for block in values.values():
        if not isinstance(block, dict) or not all(isinstance(v, dict) for v in block.values()):
            return "view.state.values holds something other than inputs"
    return None


def _event_problem(event: Any) -> str | None:
    if not isinstance(event, dict):
        return "event is not an object"
    if not isinstance(event.get("type"), str):
        return "event.type is not a string"
    if event["type"] in _EVENTS_WITH_USER_ID and not isinstance(event.get("user"), str):
        return f"{event['type']}.user is not an id"
    if (name := _overlong_id(event, _EVENT_ID_FIELDS)) is not None:
        return f"event.{name} is longer than any Slack id"
    for inner in ("message", "previous_message"):
        held = event.get(inner)
        if isinstance(held, dict) and (name := _overlong_id(held, _EVENT_ID_FIELDS)) is not None:
            return f"event.{inner}.{name} is longer than any Slack id"
    return None


def _actions_problem(body: dict[str, Any]) -> str | None:
    actions = body.get("actions")
    if not isinstance(actions, list) or not actions:
        return "actions is not a list of actions"
    for a in actions:
        if not isinstance(a, dict) or not isinstance(a.get("action_id"), str):
            return "an action has no action_id"
        if not isinstance(a.get("value", ""), (str, type(None))):
            return "an action's value is not a string"
    return None


def _view_problem(body: dict[str, Any]) -> str | None:
    view = body.get("view")
    if not isinstance(view, dict):
        return "view is not an object"
    if not all(isinstance(view.get(k), str) for k in ("type", "callback_id")) or not isinstance(
            view.get("private_metadata", ""), str):
        return "view.type, view.callback_id or view.private_metadata is not a string"
    return _values_problem(view)


def shape_problem(body: Any) -> str | None:
    """What is wrong with the shape of a parsed request body, or None when Slack could have sent it."""
    if not isinstance(body, dict):
        return "the body is not an object"
    return _fields_problem(body) or _context_problem(body)


def _context_problem(body: dict[str, Any]) -> str | None:
    """Before any listener runs, bolt reads the ids of the workspace, user and channel out of many
    places in a body (the event, the message in it, a reaction's item, ``authorizations``,
    ``response_urls``…), trusting Slack's shapes: a channel given as a number failed the request
    inside bolt with a 500 (found by the fuzz test). Reading them as bolt does, here, catches
    every such place, including ones Slack adds later."""
    try:
        build_context(BoltContext({"logger": log}), body)
    except (AttributeError, TypeError, KeyError, IndexError, ValueError) as e:
        return f"its ids cannot be read ({type(e).__name__}: {str(e)[:80]})"
    return None


def _fields_problem(body: dict[str, Any]) -> str | None:
    if (name := _overlong_id(body, _BODY_ID_FIELDS)) is not None:
        return f"{name} is longer than any Slack id"
    if "command" in body:  # a slash command (form fields)
        if not isinstance(body.get("command"), str) or not isinstance(body.get("user_id"), str):
            return "a slash command without command or user_id"
        return None
    kind = body.get("type")
    if kind is None:
        # Slack's certificate check (ssl_check=1) is the one request without a type; bolt answers it.
        return None if body.get("ssl_check") else "neither a type nor a command"
    if not isinstance(kind, str):
        return "type is not a string"
    for key in ("team", "user", "channel", "enterprise"):
        if not _is_id_holder(body.get(key)):
            return f"{key} is neither an id nor an object with one (of at most {ID_MAX} characters)"
    container = body.get("container")
    if not _is_id_holder(container):
        return "container is neither an id nor an object with one"
    if isinstance(container, dict) and (name := _overlong_id(container, ("message_ts", "channel_id", "thread_ts"))):
        return f"container.{name} is longer than any Slack id"
    if isinstance(body.get("event_id"), str) and len(body["event_id"]) > EVENT_ID_MAX:
        return "event_id is longer than any Slack event id"
    if kind in _INTERACTIONS and not isinstance(body.get("user"), dict):
        return f"a {kind} without the user who acted"
    for key in ("team_id", "api_app_id", "trigger_id", "response_url", "callback_id"):
        if not isinstance(body.get(key, ""), (str, type(None))):
            return f"{key} is not a string"
    if kind == "event_callback":
        return _event_problem(body.get("event"))
    if kind == "block_actions":
        return _actions_problem(body)
    if kind in ("view_submission", "view_closed"):
        return _view_problem(body)
    if kind in ("shortcut", "message_action"):
        message = body.get("message", {})
        if not isinstance(message, dict):
            return "message is not an object"
        if (name := _overlong_id(message, _EVENT_ID_FIELDS)) is not None:
            return f"message.{name} is longer than any Slack id"
    if kind == "block_suggestion" and not isinstance(body.get("action_id"), str):
        return "block_suggestion without action_id"
    return None
