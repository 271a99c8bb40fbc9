"""A real slack-bolt app between the driver and the sandbox: the loop the end-to-end tests rely on."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

import pytest
from slack_bolt import Ack, App, BoltRequest, Respond, Say
from slack_sdk import WebClient

from bot.sandbox import LocalSlack, SlackDriver
from tests.sandbox.conftest import SIGNING_SECRET

REJECT_MODAL = {
    "type": "modal",
    "callback_id": "reject_reason",
    "title": {"type": "plain_text", "text": "差戻し"},
    "submit": {"type": "plain_text", "text": "送信"},
    "blocks": [
        {
            "type": "input",
            "block_id": "reason",
            "label": {"type": "plain_text", "text": "理由"},
            "element": {"type": "plain_text_input", "action_id": "text"},
        }
    ],
}
DECISION: list[dict[str, Any]] = [
    {"type": "section", "text": {"type": "mrkdwn", "text": "決裁をお願いします"}},
    {
        "type": "actions",
        "block_id": "decide",
        "elements": [
            {
                "type": "button",
                "action_id": "approve_draft",
                "text": {"type": "plain_text", "text": "承認"},
                "value": "d1",
            },
            {
                "type": "button",
                "action_id": "reject_draft",
                "text": {"type": "plain_text", "text": "差戻し"},
                "value": "d1",
            },
        ],
    },
]


def build_app(slack: LocalSlack, executor: ThreadPoolExecutor) -> App:
    app = App(
        client=WebClient(token=slack.token, base_url=slack.api_url),
        signing_secret=SIGNING_SECRET,
        # Bolt acks first and runs listeners on this pool; given here so the fixture can shut it
        # down (bolt's own default pool is never shut down and outlived the test).
        listener_executor=executor,
    )

    @app.message("")
    def on_draft(message: dict[str, Any], say: Say, client: WebClient) -> None:
        say(text="指摘 0 件", thread_ts=message["ts"])
        client.chat_postMessage(channel="U0MANAGER", text="決裁依頼", blocks=DECISION)

    @app.action("approve_draft")
    def on_approve(ack: Ack, respond: Respond) -> None:
        ack()
        respond(replace_original=True, text="承認しました")

    @app.action("reject_draft")
    def on_reject(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
        ack()
        client.views_open(trigger_id=body["trigger_id"], view=REJECT_MODAL)

    @app.view("reject_reason")
    def on_reason(ack: Ack, view: dict[str, Any], client: WebClient) -> None:
        reason = view["state"]["values"]["reason"]["text"]["value"]
        if not reason:
            ack(response_action="errors", errors={"reason": "理由を入力してください"})
            return
        ack()
        client.chat_postMessage(channel="C0INTAKE", text=f"差戻し: {reason}")

    return app


@pytest.fixture
def bolt_url(slack: LocalSlack) -> Iterator[str]:
    executor = ThreadPoolExecutor(max_workers=5, thread_name_prefix="bolt-listener")
    app = build_app(slack, executor)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
            request = BoltRequest(
                body=body,
                query=urlsplit(self.path).query,
                headers={k.lower(): [v] for k, v in self.headers.items()},
            )
            response = app.dispatch(request)
            payload = response.body.encode("utf-8")
            self.send_response(response.status)
            for name, values in response.headers.items():
                for value in values:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/slack/events"
    server.shutdown()
    server.server_close()
    executor.shutdown(wait=True)


def test_draft_approve_and_reject_round_trip(bolt_url: str, slack: LocalSlack) -> None:
    driver = SlackDriver(bolt_url, SIGNING_SECRET, slack=slack)
    draft_ts = driver.message("C0INTAKE", "U0OPERATOR", "本日のお知らせ")
    assert driver.last_reply is not None and driver.last_reply.status == 200

    request = slack.wait_for(lambda: slack.messages("U0MANAGER"))[0]
    [check] = slack.wait_for(lambda: slack.messages("C0INTAKE", thread_ts=draft_ts)[1:])
    assert check.thread_ts == draft_ts and check.text == "指摘 0 件"

    assert (
        driver.block_action("U0MANAGER", "approve_draft", channel="U0MANAGER", message_ts=request.ts).status
        == 200
    )
    slack.wait_for(lambda: slack.messages("U0MANAGER")[0].text == "承認しました")

    assert (
        driver.block_action("U0MANAGER", "reject_draft", channel="U0MANAGER", message_ts=request.ts).status
        == 200
    )
    slack.wait_for(lambda: slack.open_views("U0MANAGER"))
    empty = driver.view_submission("U0MANAGER", "reject_reason", {"text": ""})
    assert empty.json() == {"response_action": "errors", "errors": {"reason": "理由を入力してください"}}
    assert driver.view_submission("U0MANAGER", "reject_reason", {"text": "日付の誤り"}).status == 200
    assert slack.open_views("U0MANAGER") == []
    assert "上越 花子 がモーダル「差戻し」を送信しました（理由: 日付の誤り）" in slack.transcript()
    slack.wait_for(lambda: any(m.text == "差戻し: 日付の誤り" for m in slack.messages("C0INTAKE")))


def test_bolt_refuses_forged_and_stale_requests(bolt_url: str, slack: LocalSlack) -> None:
    driver = SlackDriver(bolt_url, SIGNING_SECRET, slack=slack)
    forged = driver.wrong_secret()
    forged.message("C0INTAKE", "U0OPERATOR", "偽物")
    assert forged.last_reply is not None and forged.last_reply.status == 401
    assert slack.calls_of("chat.postMessage") == []
    assert driver.stale().url_verification().status == 401
    assert driver.url_verification("abc").json() == {"challenge": "abc"}
