"""Reading Slack interaction payloads: who clicked, what a modal holds, and answering privately."""

from __future__ import annotations

import http.client
import logging
import threading
from collections.abc import Mapping
from typing import Any
from urllib.error import URLError

from slack_bolt import Ack
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.services import Kessai
from bot.slack_gateway import error_code
from bot.slack_http import KeepAliveWebClient
from handlers.middleware import tell_clicker
from handlers.slack_text import unescape

log = logging.getLogger(__name__)

# Slack's trigger_id lasts 3 seconds, and Slack waits 3 seconds for our answer: a views.open still
# unanswered after this long cannot succeed in time, and the person should read why from us before
# Slack shows its own "did not respond" error. (The bot's client waits longer, for the outbox.)
VIEWS_OPEN_TIMEOUT = 2.5
_quick_clients: dict[tuple[str | None, str], WebClient] = {}
_quick_lock = threading.Lock()

FORM_NOT_OPENED_JA = ("入力画面を開けませんでした。Slack からの呼び出しは数秒で期限が切れるため、"
                      "時間がかかった可能性があります。お手数ですが、もう一度お試しください。")
# Slack said it was busy: trying again later helps, and time had nothing to do with it.
FORM_SLACK_BUSY_JA = ("Slack が混み合っていたため、入力画面を開けませんでした。"
                      "少し時間をおいて、もう一度お試しください。")
# Anything else Slack refuses (the form itself, the token, a scope) is not the person's doing and
# trying again will not help: blaming time sent them round in circles, so they are sent to the
# IT 担当, who finds Slack's answer in the log line written beside it.
FORM_REFUSED_JA = ("入力画面を開けませんでした。もう一度お試しいただいても開かない場合は、"
                   "お手数ですが、システム管理者（IT 担当）にお知らせください（原因は kessai のログに残っています）。")
# The call never reached Slack (connection refused, a proxy or name look-up failing).
FORM_SLACK_UNREACHABLE_JA = ("Slack と通信できず、入力画面を開けませんでした。"
                             "少し時間をおいて、もう一度お試しください。")
_TRIGGER_ERRORS = frozenset({"expired_trigger_id", "exchanged_trigger_id", "invalid_trigger_id"})
_BUSY_ERRORS = frozenset({"ratelimited", "rate_limited", "service_unavailable", "request_timeout"})
# Slack's own error part-way through the call: for fatal_error and internal_error its documentation
# says some aspect of the operation may have succeeded before the error was raised, so the form may
# be open. Told 「混み合って…開けませんでした」, a person whose form had opened was told it had not.
FORM_SLACK_ERROR_JA = ("Slack 側でエラーが起きたため、入力画面が開いたかどうかを確かめられませんでした。"
                       "入力画面が表示されている場合は、そのまま入力してください。表示されていない場合は、"
                       "少し時間をおいて、もう一度お試しください。")
_SLACK_SIDE_ERRORS = frozenset({"fatal_error", "internal_error"})
# views.open unanswered in time (or answered unreadably): Slack may still have opened the form, a
# moment later, and the person would see it next to a flat "could not open" (said only of a refusal).
FORM_MAYBE_NOT_OPENED_JA = ("Slack の応答が時間内に届かず、入力画面を開けなかった可能性があります。"
                            "入力画面が表示されていない場合は、お手数ですが、もう一度お試しください。")


def user_id(body: dict[str, Any]) -> str:
    return str((body.get("user") or {}).get("id", ""))


def view_values(view: dict[str, Any]) -> dict[str, Any]:
    """``view.state.values`` of a submitted modal (empty when absent or malformed)."""
    v = (view.get("state") or {}).get("values") or {}
    return v if isinstance(v, dict) else {}


def field(values: dict[str, Any], block: str, action: str | None = None) -> dict[str, Any]:
    """One input's state; ``action`` defaults to the block id (our inputs use the same id for both)."""
    entry = (values.get(block) or {}).get(action or block) or {}
    return entry if isinstance(entry, dict) else {}


def submission_key(view: dict[str, Any]) -> str | None:
    """What makes a modal's submission the same one again: its view id. The modal stays open when
    our answer does not reach Slack in time, and the person presses 送信 once more; that second
    press must not file a second draft or raise a second alarm."""
    view_id = view.get("id")
    if isinstance(view_id, str) and 0 < len(view_id) <= 64 and view_id.isascii() and view_id.isprintable():
        return f"view:{view_id}"
    return None


def selected(entry: dict[str, Any]) -> str | None:
    """The value of a select's chosen option."""
    opt = entry.get("selected_option")
    return str(opt.get("value")) if isinstance(opt, dict) and opt.get("value") is not None else None


def refuse_form(ack: Ack, problems: Mapping[str, str]) -> None:
    """Keep a modal open with ``problems`` (block id → message) under its fields. Slack shows these
    as plain text, while kessai's messages are written for mrkdwn (names escaped): unescaped here,
    so a name with ``&`` or ``<`` in the organisation file reads as written."""
    ack(response_action="errors", errors={block: unescape(text) for block, text in problems.items()})


def tell(kessai: Kessai, body: dict[str, Any], context: Any, text: str) -> None:
    """Answer the person who clicked, privately: through the response URL when Slack gave a safe
    one, else as an ephemeral message in the conversation the click came from."""
    tell_clicker(kessai, body, context.get("response_url_prefixes", ()), text)


def _quick(client: WebClient) -> WebClient:
    """``client`` with the views.open timeout (made once per token and API URL).

    The bot's own client (KeepAliveWebClient), not slack_sdk's: its timeout bounds the whole
    answer (slack_sdk's bounds each read, and an answer trickling in held the request thread, and
    the person's click, for as long as it dripped), its answers are read only up to a cap, and its
    connection is kept for the next form instead of a new TLS handshake inside the 3 seconds."""
    if client.timeout <= VIEWS_OPEN_TIMEOUT:
        return client
    key = (client.token, client.base_url)
    with _quick_lock:
        quick = _quick_clients.get(key)
        if quick is None:
            quick = _quick_clients[key] = KeepAliveWebClient(
                token=client.token, base_url=client.base_url, timeout=VIEWS_OPEN_TIMEOUT,  # type: ignore[arg-type]
                ssl=client.ssl, proxy=client.proxy, headers=client.headers)
        return quick


def close_quick_client(token: str | None, base_url: str) -> None:
    """Close the views.open client of a bot that stops (Runtime.stop): kept in this module, it
    outlived the bot, its connection to Slack open for the life of the process, one more for each
    bot stopped in-process with another token (the tests, each against a local Slack stopped long
    since: a socket in CLOSE_WAIT to a port number another test's server may get)."""
    with _quick_lock:
        quick = _quick_clients.pop((token, base_url), None)
    if isinstance(quick, KeepAliveWebClient):
        quick.close()


def open_view(client: WebClient, trigger_id: Any, view: dict[str, Any]) -> str | None:
    """Open a modal now (views.open must use Slack's trigger within 3 seconds, so it cannot wait in
    the outbox). None when it opened; else, logged, what to tell the person: that it was not opened
    when Slack refused it or the call never left, that it may not have been when no readable
    answer came (Slack may have opened it after kessai stopped waiting)."""
    if not isinstance(trigger_id, str) or not trigger_id:
        log.warning("could not open a form: the request carried no trigger_id")
        return FORM_REFUSED_JA
    try:
        _quick(client).views_open(trigger_id=trigger_id, view=view)
    except SlackApiError as e:
        code = error_code(e)
        log.warning("could not open a form: Slack answered %s (HTTP %s)", code or "something unreadable",
                    getattr(e.response, "status_code", "?"))
        return _refusal(code)
    except URLError as e:  # the request could not be sent (slack_http): Slack never saw it
        log.warning("could not open a form: %s: %s", type(e).__name__, e)
        return FORM_SLACK_UNREACHABLE_JA
    except (OSError, http.client.HTTPException) as e:  # HTTPException: the answer broke off (IncompleteRead)
        log.warning("could not open a form: %s: %s", type(e).__name__, e)
        return FORM_MAYBE_NOT_OPENED_JA
    except (AttributeError, KeyError, TypeError, ValueError) as e:  # an answer of a shape Slack does not send
        log.warning("could not open a form: unexpected answer from Slack (%s)", type(e).__name__)
        return FORM_MAYBE_NOT_OPENED_JA
    return None


def _refusal(code: str | None) -> str:
    """What to tell the person of a views.open Slack answered with ok:false (``code``)."""
    if not code:
        return FORM_MAYBE_NOT_OPENED_JA  # no readable answer: Slack may have opened it after all
    if code in _TRIGGER_ERRORS:
        return FORM_NOT_OPENED_JA
    if code in _SLACK_SIDE_ERRORS:
        return FORM_SLACK_ERROR_JA
    return FORM_SLACK_BUSY_JA if code in _BUSY_ERRORS else FORM_REFUSED_JA
