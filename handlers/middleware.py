"""Checks every request passes before any listener: right workspace, safe response URL."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltResponse
from sqlalchemy.exc import DataError, DBAPIError

from bot import errors, render
from bot.graphemes import shortened
from bot.payload_shape import SEVERAL_ACTIONS_JA, several_actions
from bot.services import Kessai
from storage.db import commit_outcome_unknown, describe_db_error

DATABASE_DOWN_JA = (
    "データベースに一時的に接続できないため、操作を記録できませんでした。何も変更されていません。"
    "少し時間をおいて、もう一度お試しください。"
)

# The connection was lost at the moment of recording (a failover of the database, a network cut):
# the server may have recorded the operation. The same operation again is safe: a decision already
# recorded is found decided and not recorded twice.
COMMIT_OUTCOME_UNKNOWN_JA = (
    "記録の途中でデータベースとの接続が切れたため、操作が記録されたかどうかを確認できませんでした。"
    "少し時間をおいて、もう一度同じ操作をしてください（記録済みの場合は二重には記録されず、その旨が表示されます）。"
)

# The same for a form (a modal stays open with what was typed): sent again, one already recorded
# closes or says what became of it (the form's submission is claimed with what it records; a
# revision's form finds its version replaced, a template its name taken), and is not recorded twice.
COMMIT_OUTCOME_UNKNOWN_FORM_JA = (
    "記録の途中でデータベースとの接続が切れたため、記録されたかどうかを確認できませんでした。"
    "少し時間をおいて、もう一度「送信」を押してください（記録済みの場合は、二重には記録されません）。"
)

# The same for a form without inputs, which a notice replaces: no 「送信」 is left to press, and
# opened anew it is a new form, which nothing tells from the first: so it is checked, not resent.
COMMIT_OUTCOME_UNKNOWN_NOTICE_JA = (
    "記録の途中でデータベースとの接続が切れたため、記録されたかどうかを確認できませんでした。"
    "少し時間をおいて、記録されているかどうかを下書きのスレッドや kessai のホームタブでお確かめのうえ、"
    "記録されていない場合だけ、もう一度操作してください。"
)

UNSTORABLE_JA = (
    "送られてきた内容に、記録できない値が含まれていたため、処理できませんでした。何も変更されていません。"
    "繰り返し表示される場合は、システム管理者（IT 担当）にご連絡ください。"
)

# Slack sends an event at most four times (the delivery, then retries numbered 1 to 3 within about
# five minutes) and then drops it. A draft whose every delivery met a database outage (a full disk
# lasts until someone acts) was lost without a word: its author waited for a check that never came.
LAST_EVENT_RETRY = 3

MESSAGE_NOT_RECORDED_JA = (
    "データベースに接続できない状態が続いたため、次のメッセージを下書きとして受け付けられませんでした。"
    "規則の確認も、決裁者への送付も行われていません。\n{excerpt}\n"
    "少し時間をおいて、もう一度投稿してください。"
)
EDIT_NOT_RECORDED_JA = (
    "データベースに接続できない状態が続いたため、次のメッセージの編集を記録できませんでした。"
    "編集した内容の確認も、決裁者への送付も行われていません。\n{excerpt}\n"
    "少し時間をおいて、もう一度編集してください（編集前の内容で決裁が進むことがあるため、"
    "急ぐ場合は決裁者にもお知らせください）。"
)
EXCERPT_CHARS = 40
# The longest identifier (Slack ID, action_id, command) a log line repeats from a request.
LOGGED_ID_CHARS = 40

log = logging.getLogger(__name__)


def team_of(body: dict[str, Any]) -> str | None:
    """The workspace a request is for. An event names it in ``authorizations`` (the installation it
    is delivered to): its ``team_id`` is the workspace the event happened in, which for a Slack
    Connect channel another organisation created is theirs, and every draft posted there was
    refused as theirs. Bolt reads the team from there too."""
    team, user, auths = body.get("team"), body.get("user"), body.get("authorizations")
    installed = auths[0].get("team_id") if isinstance(auths, list) and auths and isinstance(auths[0], dict) else None
    found = (installed or body.get("team_id") or (team if isinstance(team, str) else None)
             or (team.get("id") if isinstance(team, dict) else None)
             or (user.get("team_id") if isinstance(user, dict) else None))
    return str(found) if found else None


def person_of(body: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
    """(Slack user ID, their own workspace, channel) of the person a request comes from, as far as
    it says: a click or form names the workspace in ``user.team_id``, a message event in
    ``user_team`` (an edit in its ``message``), a slash command in ``user_team`` where Slack
    sends one. Only identifiers are read: nothing a person wrote."""
    user, event = _object(body, "user"), _object(body, "event")
    message = _object(event, "message")
    who = user.get("id") or body.get("user_id") or message.get("user") or event.get("user")
    team = (user.get("team_id") or body.get("user_team") or message.get("user_team") or event.get("user_team"))
    where = (_object(body, "channel").get("id") or _object(body, "container").get("channel_id")
             or body.get("channel_id") or event.get("channel"))
    return (str(who) if isinstance(who, str) else None, str(team) if isinstance(team, str) else None,
            str(where) if isinstance(where, str) else None)


def note_other_organisation(kessai: Kessai, body: dict[str, Any], team_id: str | None) -> None:
    """A person of another organisation (Slack Connect: the request is for our workspace, the
    person's own is another) who is not in the organisation file is refused by the roster nearly
    wherever they press or write, and the refusal alone named neither them nor their workspace: the
    IT 担当 asked 「誰が押したのか」 had nothing to go on. Noted before any listener decides (so
    not as refused: ``/kessai help`` asks for no membership and is answered). A message event is
    noted only in an intake channel (where it is refused): a partner chatting in the shared
    escalation channel asks nothing of kessai."""
    who, team, where = person_of(body)
    if not who or not team or not team_id or team == team_id or kessai.org.member(who) is not None:
        return
    event = _object(body, "event")
    kind = str(body.get("type") or ("command" if body.get("command") else "request"))[:40]
    if kind == "event_callback":
        if not where or not kessai.org.accounts_for_channel(where):
            return
        kind = f"{str(event.get('type'))[:40]} event"
    actions = body.get("actions")
    action = (actions[0].get("action_id") if isinstance(actions, list) and actions and isinstance(actions[0], dict)
              else None) or body.get("command")
    log.info("%s of workspace %s is not in the organisation file's members (another organisation, e.g. a Slack "
             "Connect channel): %s%s%s", _logged(who), _logged(team), _logged(kind),
             f" {_logged(action)}" if action else "", f" in {_logged(where)}" if where else "")


def _logged(value: object) -> str:
    """An identifier from a request, as a log line shows it: Slack's IDs are about a dozen
    characters; a longer or multi-line value (a signed request may still carry anything) is cut,
    so the line stays one short line."""
    return "".join(c if c.isprintable() else "?" for c in str(value)[:LOGGED_ID_CHARS])


def _object(body: dict[str, Any], key: str) -> dict[str, Any]:
    value = body.get(key)
    return value if isinstance(value, dict) else {}


def tell_clicker(kessai: Kessai, body: dict[str, Any], prefixes: tuple[str, ...], text: str, *,
                 by_dm: bool = True) -> None:
    """Answer the person who clicked, privately: through the response URL when Slack gave a safe
    one, else as an ephemeral message in the conversation the click came from, else (``by_dm``) by
    DM. Read defensively: the middlewares call it before any listener has checked the payload."""
    container, channel, user = (_object(body, k) for k in ("container", "channel", "user"))
    where = channel.get("id") or container.get("channel_id")
    who = str(user.get("id") or "") or None
    kessai.tell(text=text, response_url=safe_response_url(body, prefixes), channel=where,
                user=who if where or by_dm else None)


def safe_response_url(body: dict[str, Any], prefixes: tuple[str, ...]) -> str | None:
    """A response_url we may POST to: only Slack's own (or the configured local) hosts."""
    url = body.get("response_url")
    if not url and body.get("response_urls"):
        url = body["response_urls"][0].get("response_url")
    if isinstance(url, str) and any(url.startswith(p) for p in prefixes):
        return url
    return None


# Events about the bot itself that are still wanted (as bolt's own filter keeps them).
_OWN_EVENTS_KEPT = ("member_joined_channel", "member_left_channel")


def retry_num(request: Any) -> int:
    """Slack's X-Slack-Retry-Num of a request (Bolt gives Socket Mode's retry_attempt as the same
    header), 0 for a first delivery or a header that is not a number."""
    headers = getattr(request, "headers", None)
    values = headers.get("x-slack-retry-num") if isinstance(headers, dict) else None
    value = values[0] if isinstance(values, (list, tuple)) and values else values
    try:
        return int(str(value)) if value is not None else 0
    except ValueError:
        return 0


def lost_intake_message(kessai: Kessai, body: dict[str, Any]) -> tuple[str, str, str] | None:
    """The channel, author and notice of an intake channel's message (a new one or an edit) that a
    failed event carried, None for any other event. Read from the payload and the organisation
    file alone: the database is what failed."""
    from handlers.intake import is_person_message, is_written_message

    event = body.get("event")
    if body.get("type") != "event_callback" or not isinstance(event, dict) or event.get("type") != "message":
        return None
    channel = event.get("channel")
    if not isinstance(channel, str) or not kessai.org.accounts_for_channel(channel):
        return None
    if event.get("subtype") == "message_changed":
        msg, notice = event.get("message"), EDIT_NOT_RECORDED_JA
        if not isinstance(msg, dict) or not is_written_message(msg):
            return None
    else:
        msg, notice = event, MESSAGE_NOT_RECORDED_JA
        if not is_person_message(msg):
            return None
    text = msg.get("text")
    first = next((line.strip() for line in str(text or "").splitlines() if line.strip()), "")
    head = shortened(first, EXCERPT_CHARS + 1)  # never inside an emoji or before its marks
    if head == first and len(str(text or "").strip()) > len(first):
        head += "…"  # more lines follow
    excerpt = f"> {render.escape(head)}" if head else "> （画像・動画のみのメッセージ）"
    return channel, str(msg["user"]), notice.format(excerpt=excerpt)


def own_event_to_ignore(body: dict[str, Any], context: Any) -> bool:
    """Whether an event is the bot's own doing, which no listener wants (bolt's filter, which the
    app turns off): all but the deletion of a message of ours. Bolt read that one, whose
    previous_message is the bot's, as the bot's own event, so an incident alert someone deleted
    went unnoticed and its notes were posted under it, where Slack shows them to nobody."""
    event = body.get("event")
    auth = getattr(context, "authorize_result", None)
    if not isinstance(event, dict) or auth is None or event.get("type") in _OWN_EVENTS_KEPT:
        return False
    if event.get("type") == "message" and event.get("subtype") == "message_deleted":
        return False
    user, bot = getattr(context, "user_id", None), event.get("bot_id")
    return bool((user and user == auth.bot_user_id) or (bot and bot == auth.bot_id))


def register(app: App, kessai: Kessai, *, team_id: str | None, response_url_prefixes: tuple[str, ...]) -> None:
    @app.middleware
    def ignore_own_events(body: dict[str, Any], context: Any, next: Callable[[], BoltResponse]) -> Any:
        if own_event_to_ignore(body, context):
            event = body["event"]  # its kind only: what the bot wrote stays out of the log
            log.debug("Skipped self event: %s %s", str(event.get("type"))[:40], str(event.get("subtype") or "")[:40])
            return BoltResponse(status=200, body="")
        return next()

    @app.middleware
    def only_our_workspace(body: dict[str, Any], context: Any, next: Callable[[], BoltResponse]) -> Any:
        context["response_url_prefixes"] = response_url_prefixes
        sender_team = team_of(body)
        if team_id and sender_team and sender_team != team_id:
            log.warning("refused a %s request from workspace %s", str(body.get("type") or "command")[:40], sender_team)
            return refuse_other_workspace(body)
        note_other_organisation(kessai, body, team_id)
        if body.get("type") == "app_rate_limited":
            # Not an event: Slack says it is holding events back. Bolt has no listener for it (404).
            kessai.events_rate_limited(body.get("minute_rate_limited"))
            return BoltResponse(status=200, body="")
        return next()

    def refuse_other_workspace(body: dict[str, Any]) -> BoltResponse:
        """Tell the person, where Slack shows what we answer: it drops an interaction's response
        body, so a 承認 pressed from a Slack Connect workspace used to change nothing in silence."""
        text = errors.WrongWorkspace.message_ja
        kind = body.get("type")
        if kind == "view_submission":
            # An empty answer closes the form as if it had been taken.
            view = render.notice_view(render.REFUSED_CALLBACK, "受け付けられません", text)
            return BoltResponse(status=200, body=json.dumps({"response_action": "update", "view": view}),
                                headers={"content-type": "application/json"})
        if kind in ("block_actions", "message_action"):
            # No DM to a person of another workspace (an App Home click has no conversation).
            tell_clicker(kessai, body, response_url_prefixes, text, by_dm=False)
            return BoltResponse(status=200, body="")
        if body.get("command"):
            return BoltResponse(status=200, body=text)  # a slash command's answer is shown to its sender
        return BoltResponse(status=200, body="")

    @app.middleware
    def one_action_at_a_time(body: dict[str, Any], context: Any, next: Callable[[], BoltResponse]) -> Any:
        if several_actions(body):
            names = [str(a.get("action_id"))[:40] for a in body["actions"] if isinstance(a, dict)]
            log.warning("refused a click carrying %d actions %s", len(body["actions"]), names[:5])
            tell_clicker(kessai, body, response_url_prefixes, SEVERAL_ACTIONS_JA)
            return BoltResponse(status=200, body="")
        return next()

    @app.error
    def on_error(error: Exception, body: dict[str, Any], logger: logging.Logger, respond: Any,
                 response: BoltResponse | None, request: Any, client: Any) -> None:
        if isinstance(error, errors.KessaiError):
            logger.info("refused: %s", error)
            return
        if isinstance(error, DataError):
            # The database refused a value in the request itself (too long for its column, out of
            # range): sending it again cannot help, so it is answered 200 rather than retried by
            # Slack, and the log does not send the IT 担当 looking for a database outage.
            logger.warning("a value in a %s request cannot be stored (%s); nothing was written and it is not retried",
                           body.get("type"), type(error.orig).__name__ if error.orig else error)
            if response is not None:
                response.status = 200
                response.body = ""
            _tell(respond, body, UNSTORABLE_JA, logger)
            return
        if isinstance(error, DBAPIError):
            # Nothing was written (the unit of work rolled back), unless the connection was lost at its
            # COMMIT (then it may have been: said so). Events answer 500 so Slack retries
            # them; a person who pressed a button is told directly, since the outbox is unreachable.
            unknown = commit_outcome_unknown(error)
            logger.error("database unavailable while processing a %s request%s: %s", body.get("type"),
                         " (the connection was lost at COMMIT: it may have been recorded)" if unknown else "",
                         describe_db_error(error))
            said = COMMIT_OUTCOME_UNKNOWN_JA if unknown else DATABASE_DOWN_JA
            if body.get("type") == "view_submission" and response is not None:
                _answer_form(response, body, unknown=unknown)
            _tell(respond, body, said, logger)
            if retry_num(request) >= LAST_EVENT_RETRY:
                _tell_author_of_lost_message(client, body, logger)
            return
        logger.exception("unhandled error while processing a %s request", body.get("type"))

    def _tell_author_of_lost_message(client: Any, body: dict[str, Any], logger: logging.Logger) -> None:
        """Slack's last retry of a message event failed too: Slack sends it no more, so its author
        is told directly (the outbox is in the database that failed) to post it again."""
        lost = lost_intake_message(kessai, body)
        if lost is None:
            return
        channel, user, text = lost
        logger.error("a message in %s from %s was not received: Slack's last retry of its event failed too, "
                     "and Slack sends it no more; its author was asked to post it again", channel, user)
        try:
            client.chat_postEphemeral(channel=channel, user=user, text=text)
        except Exception as e:
            logger.warning("could not tell %s that their message in %s was not received: %s", user, channel, e)

    def _answer_form(response: BoltResponse, body: dict[str, Any], *, unknown: bool) -> None:
        """A form has no response_url: answered 500, Slack showed its own 「接続に問題が発生しました」,
        which says neither whether it was recorded nor that 送信 again is safe (it is: the form's
        submission is claimed with what it records). Said under its first input, the form open
        with all that was typed; a form without inputs is replaced by a notice, which has no 送信
        and, when the outcome is unknown, must not be titled 「記録できませんでした」."""
        view = body.get("view")
        view = view if isinstance(view, dict) else {}
        first = next((b.get("block_id") for b in view.get("blocks") or []
                      if isinstance(b, dict) and b.get("type") == "input" and isinstance(b.get("block_id"), str)), None)
        if first is not None:
            text = COMMIT_OUTCOME_UNKNOWN_FORM_JA if unknown else DATABASE_DOWN_JA
            answer: dict[str, Any] = {"response_action": "errors", "errors": {first: text}}
        else:
            title, text = ("記録を確認できませんでした", COMMIT_OUTCOME_UNKNOWN_NOTICE_JA) if unknown else \
                ("記録できませんでした", DATABASE_DOWN_JA)
            answer = {"response_action": "update", "view": render.notice_view(render.REFUSED_CALLBACK, title, text)}
        response.status = 200
        response.body = json.dumps(answer, ensure_ascii=False)
        response.headers["content-type"] = ["application/json;charset=utf-8"]

    def _tell(respond: Any, body: dict[str, Any], text: str, logger: logging.Logger) -> None:
        """The person who acted, directly: the outbox may be what failed."""
        if respond is not None and safe_response_url(body, response_url_prefixes):
            try:
                respond(text=text, response_type="ephemeral", replace_original=False)
            except Exception:
                logger.exception("could not tell the user why their request failed")
