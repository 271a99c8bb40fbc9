"""The driver's requests: signed as Slack signs them, shaped like Slack's payloads."""

from __future__ import annotations

import datetime as dt
import time
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.signature import SignatureVerifier

from bot.sandbox import STALE_AFTER, LocalSlack, SlackDriver
from tests.sandbox.conftest import SIGNING_SECRET, RecordingBot

DECISION: list[dict[str, Any]] = [
    {"type": "section", "block_id": "body", "text": {"type": "mrkdwn", "text": "決裁依頼"}},
    {
        "type": "actions",
        "block_id": "decide",
        "elements": [
            {
                "type": "button",
                "action_id": "approve_draft",
                "text": {"type": "plain_text", "text": "承認"},
                "value": "draft-1:v1",
            },
        ],
    },
]
DRAFT_MODAL = {
    "type": "modal",
    "callback_id": "draft_modal",
    "private_metadata": '{"account": "joetsu-x"}',
    "title": {"type": "plain_text", "text": "下書き"},
    "submit": {"type": "plain_text", "text": "送信"},
    "blocks": [
        {
            "type": "input",
            "block_id": "text",
            "label": {"type": "plain_text", "text": "本文"},
            "element": {"type": "plain_text_input", "action_id": "value", "multiline": True},
        },
        {
            "type": "input",
            "block_id": "category",
            "label": {"type": "plain_text", "text": "区分"},
            "element": {
                "type": "static_select",
                "action_id": "choice",
                "options": [
                    {"text": {"type": "plain_text", "text": "通常"}, "value": "normal"},
                    {"text": {"type": "plain_text", "text": "緊急・災害"}, "value": "urgent"},
                ],
                "initial_option": {"text": {"type": "plain_text", "text": "通常"}, "value": "normal"},
            },
        },
        {
            "type": "input",
            "block_id": "consent",
            "optional": True,
            "label": {"type": "plain_text", "text": "肖像権"},
            "element": {
                "type": "checkboxes",
                "action_id": "agreed",
                "options": [{"text": {"type": "plain_text", "text": "同意あり"}, "value": "yes"}],
            },
        },
        {
            "type": "input",
            "block_id": "when",
            "label": {"type": "plain_text", "text": "日付"},
            "element": {"type": "datepicker", "action_id": "date"},
        },
        {
            "type": "input",
            "block_id": "at",
            "label": {"type": "plain_text", "text": "時刻"},
            "element": {"type": "timepicker", "action_id": "time"},
        },
        {
            "type": "input",
            "block_id": "tags",
            "optional": True,
            "label": {"type": "plain_text", "text": "タグ"},
            "element": {
                "type": "multi_static_select",
                "action_id": "picked",
                "options": [
                    {"text": {"type": "plain_text", "text": "防災"}, "value": "bosai"},
                    {"text": {"type": "plain_text", "text": "観光"}, "value": "kanko"},
                ],
            },
        },
    ],
}


def verify(received_headers: dict[str, str], body: bytes) -> bool:
    return SignatureVerifier(SIGNING_SECRET).is_valid_request(body, received_headers)


def test_good_signatures_pass_and_forged_ones_fail(driver: SlackDriver, bot: RecordingBot) -> None:
    driver.message("C0INTAKE", "U0OPERATOR", "本日のお知らせ")
    assert bot.last.verified and driver.last_reply is not None and driver.last_reply.status == 200

    for forged in (driver.wrong_secret(), driver.stale(), driver.forged(unsigned=True)):
        forged.message("C0INTAKE", "U0OPERATOR", "偽物")
        assert not bot.last.verified
        assert forged.last_reply is not None and forged.last_reply.status == 401
    assert driver.stale(STALE_AFTER - 60).url_verification().status == 200  # within the window


def test_signature_matches_slacks_formula(driver: SlackDriver) -> None:
    expected = SignatureVerifier(SIGNING_SECRET).generate_signature(timestamp="1700000000", body="a=b")
    assert driver.sign("a=b", 1700000000) == expected


def test_replay_resends_identical_bytes(driver: SlackDriver, bot: RecordingBot) -> None:
    driver.message("C0INTAKE", "U0OPERATOR", "下書き")
    first = bot.last
    driver.replay()
    assert (bot.last.body, bot.last.headers["x-slack-signature"]) == (
        first.body,
        first.headers["x-slack-signature"],
    )
    assert bot.last.verified  # a fresh replay passes the signature check; dedup is the bot's job


def test_message_event_envelope(driver: SlackDriver, bot: RecordingBot, slack: LocalSlack) -> None:
    ts = driver.message("C0INTAKE", "U0OPERATOR", "本日のお知らせ")
    envelope = bot.last.json()
    assert bot.last.headers["content-type"] == "application/json"
    assert envelope["type"] == "event_callback" and envelope["event_id"].startswith("Ev")
    assert envelope["team_id"] == "T0KESSAI" and envelope["api_app_id"] == "A0KESSAI"
    assert envelope["authorizations"][0]["user_id"] == "U0KESSAIBOT"
    event = envelope["event"]
    assert (event["type"], event["user"], event["text"], event["ts"], event["channel_type"]) == (
        "message",
        "U0OPERATOR",
        "本日のお知らせ",
        ts,
        "channel",
    )
    assert "subtype" not in event and "thread_ts" not in event
    assert [m.text for m in slack.messages("C0INTAKE")] == ["本日のお知らせ"]


def test_thread_reply_and_dm_message(driver: SlackDriver, bot: RecordingBot, slack: LocalSlack) -> None:
    parent = driver.message("C0INTAKE", "U0OPERATOR", "下書き")
    driver.message("C0INTAKE", "U0OPERATOR", "/kessai 修正版", thread_ts=parent)
    event = bot.last.json()["event"]
    assert (event["thread_ts"], event["parent_user_id"]) == (parent, "U0OPERATOR")
    driver.message("U0MANAGER", "U0MANAGER", "help")
    assert bot.last.json()["event"]["channel"] == slack.dm_channel("U0MANAGER")
    assert bot.last.json()["event"]["channel_type"] == "im"


def test_retry_keeps_event_id_and_adds_retry_headers(
    driver: SlackDriver, bot: RecordingBot, slack: LocalSlack
) -> None:
    ts = driver.message("C0INTAKE", "U0OPERATOR", "下書き", event_id="Ev0FIRST")
    driver.message("C0INTAKE", "U0OPERATOR", "下書き", ts=ts, event_id="Ev0FIRST", retry_num=1)
    retried = bot.last
    assert retried.json()["event_id"] == "Ev0FIRST" and retried.json()["event"]["ts"] == ts
    assert (retried.headers["x-slack-retry-num"], retried.headers["x-slack-retry-reason"]) == (
        "1",
        "http_timeout",
    )
    driver.retry_last_event(2)
    assert bot.last.headers["x-slack-retry-num"] == "2" and bot.last.json()["event_id"] == "Ev0FIRST"
    assert len(slack.messages("C0INTAKE")) == 1


def test_message_changed_and_deleted(driver: SlackDriver, bot: RecordingBot, slack: LocalSlack) -> None:
    ts = driver.message("C0INTAKE", "U0OPERATOR", "旧本文")
    driver.message_changed("C0INTAKE", ts, "U0OPERATOR", "新本文")
    event = bot.last.json()["event"]
    assert event["subtype"] == "message_changed"
    assert (event["message"]["text"], event["message"]["ts"], event["previous_message"]["text"]) == (
        "新本文",
        ts,
        "旧本文",
    )
    assert slack.messages("C0INTAKE")[0].text == "新本文"
    # As Slack sends them: the edit's time in whole seconds, the event's with microseconds.
    seconds, _, micros = event["ts"].partition(".")
    assert event["message"]["edited"]["ts"] == f"{seconds}.000000" and len(micros) == 6
    assert slack.messages("C0INTAKE")[0].to_api(slack.team_id)["edited"]["ts"] == f"{seconds}.000000"
    driver.message_deleted("C0INTAKE", ts)
    event = bot.last.json()["event"]
    assert (event["subtype"], event["deleted_ts"], event["previous_message"]["text"]) == (
        "message_deleted",
        ts,
        "新本文",
    )
    assert slack.messages("C0INTAKE") == []


def test_bot_join_and_home_events(driver: SlackDriver, bot: RecordingBot, slack: LocalSlack) -> None:
    driver.bot_message("C0INTAKE", "他のアプリ")
    assert bot.last.json()["event"]["bot_id"] == "B0OTHERAPP"
    driver.bot_message("C0INTAKE", "自分の投稿", bot_id=slack.bot_id, bot_user=slack.bot_user_id)
    assert bot.last.json()["event"]["user"] == "U0KESSAIBOT"
    driver.channel_join("C0INTAKE", "U0MANAGER")
    assert bot.last.json()["event"]["subtype"] == "channel_join"
    driver.app_home_opened("U0MANAGER")
    event = bot.last.json()["event"]
    assert (event["type"], event["tab"], event["channel"]) == (
        "app_home_opened",
        "home",
        slack.dm_channel("U0MANAGER"),
    )


def test_url_verification(driver: SlackDriver, bot: RecordingBot) -> None:
    driver.url_verification("challenge-123")
    assert bot.last.json() == {
        "token": driver.verification_token,
        "challenge": "challenge-123",
        "type": "url_verification",
    }


def test_block_action_carries_real_button_and_usable_trigger_and_response_url(
    driver: SlackDriver, bot: RecordingBot, client: WebClient, slack: LocalSlack
) -> None:
    posted = client.chat_postMessage(channel="U0MANAGER", text="決裁依頼", blocks=DECISION)
    driver.block_action("U0MANAGER", "approve_draft", channel="U0MANAGER", message_ts=posted["ts"])
    assert bot.last.headers["content-type"] == "application/x-www-form-urlencoded"
    payload = bot.last.payload()
    assert payload["type"] == "block_actions"
    assert payload["container"] == {
        "type": "message",
        "message_ts": posted["ts"],
        "channel_id": posted["channel"],
        "is_ephemeral": False,
    }
    [action] = payload["actions"]
    assert (action["action_id"], action["block_id"], action["value"], action["text"]["text"]) == (
        "approve_draft",
        "decide",
        "draft-1:v1",
        "承認",
    )
    assert payload["message"]["blocks"] == DECISION and payload["user"]["id"] == "U0MANAGER"
    assert payload["trigger_id"] == driver.last_trigger_id
    assert client.views_open(trigger_id=payload["trigger_id"], view=DRAFT_MODAL)["ok"]
    assert payload["response_url"] == driver.last_response_url

    driver.block_action(
        "U0MANAGER", "approve_draft", "draft-999:v9", channel="U0MANAGER", message_ts=posted["ts"]
    )
    assert bot.last.payload()["actions"][0]["value"] == "draft-999:v9"  # tampered value goes through as sent
    assert "上越 花子 が「承認」を押しました" in slack.transcript()


def test_block_action_inside_a_view(
    driver: SlackDriver, bot: RecordingBot, client: WebClient, slack: LocalSlack
) -> None:
    view_id = client.views_open(trigger_id=slack.issue_trigger_id("U0MANAGER"), view=DRAFT_MODAL)["view"][
        "id"
    ]
    driver.block_action("U0MANAGER", "choice", "urgent", view=view_id)
    payload = bot.last.payload()
    assert payload["container"] == {"type": "view", "view_id": view_id}
    assert payload["actions"][0]["selected_option"]["text"]["text"] == "緊急・災害"
    assert "response_url" not in payload  # Slack sends none for actions inside modals


def test_view_submission_builds_state_values_from_the_open_modal(
    driver: SlackDriver, bot: RecordingBot, client: WebClient, slack: LocalSlack
) -> None:
    client.views_open(trigger_id=slack.issue_trigger_id("U0OPERATOR"), view=DRAFT_MODAL)
    driver.view_submission(
        "U0OPERATOR",
        "draft_modal",
        {
            "value": "本日のお知らせ",
            "agreed": ["yes"],
            "date": dt.date(2025, 11, 21),
            "time": dt.time(9, 30),
            "tags": {"picked": ["bosai", "kanko"]},
        },
    )
    payload = bot.last.payload()
    view = payload["view"]
    assert payload["type"] == "view_submission" and view["callback_id"] == "draft_modal"
    assert view["private_metadata"] == '{"account": "joetsu-x"}'
    values = view["state"]["values"]
    assert values["text"]["value"] == {"type": "plain_text_input", "value": "本日のお知らせ"}
    assert values["category"]["choice"]["selected_option"]["value"] == "normal"  # the initial option
    assert values["consent"]["agreed"]["selected_options"][0]["text"]["text"] == "同意あり"
    assert values["when"]["date"] == {"type": "datepicker", "selected_date": "2025-11-21"}
    assert values["at"]["time"] == {"type": "timepicker", "selected_time": "09:30"}
    assert [o["value"] for o in values["tags"]["picked"]["selected_options"]] == ["bosai", "kanko"]
    assert slack.open_views("U0OPERATOR") == []  # an empty ack closes the modal


def test_view_submission_errors_keep_the_modal_open(
    driver: SlackDriver, bot: RecordingBot, client: WebClient, slack: LocalSlack
) -> None:
    bot.reply_body = (
        b'{"response_action": "errors", "errors": {"text": "\\u672c\\u6587\\u304c\\u7a7a\\u3067\\u3059"}}'
    )
    client.views_open(trigger_id=slack.issue_trigger_id("U0OPERATOR"), view=DRAFT_MODAL)
    reply = driver.view_submission("U0OPERATOR", values={"value": ""})
    assert reply.json()["errors"] == {"text": "本文が空です"}
    assert len(slack.open_views("U0OPERATOR")) == 1


def test_synthetic_view_submission_without_an_open_modal(driver: SlackDriver, bot: RecordingBot) -> None:
    driver.view_submission("U0MANAGER", "reject_reason", {"reason": {"text": "誤字"}}, private_metadata="d1")
    view = bot.last.payload()["view"]
    assert view["state"]["values"] == {"reason": {"text": {"type": "plain_text_input", "value": "誤字"}}}
    assert view["private_metadata"] == "d1"
    with pytest.raises(ValueError):
        driver.view_submission("U0MANAGER")


def test_slash_command_form(driver: SlackDriver, bot: RecordingBot, client: WebClient) -> None:
    driver.slash_command("U0OPERATOR", "/kessai", "draft", channel="C0INTAKE")
    form = bot.last.form()
    assert (form["command"], form["text"], form["user_id"], form["channel_id"], form["channel_name"]) == (
        "/kessai",
        "draft",
        "U0OPERATOR",
        "C0INTAKE",
        "sns-intake",
    )
    assert form["response_url"] == driver.last_response_url and form["trigger_id"] == driver.last_trigger_id
    assert client.views_open(trigger_id=form["trigger_id"], view=DRAFT_MODAL)["ok"]


def test_message_shortcut_and_global_shortcut(driver: SlackDriver, bot: RecordingBot) -> None:
    ts = driver.message("C0INTAKE", "U0OPERATOR", "下書き")
    driver.message_shortcut("U0OPERATOR", "submit_draft", "C0INTAKE", ts)
    payload = bot.last.payload()
    assert (payload["type"], payload["callback_id"], payload["message"]["text"]) == (
        "message_action",
        "submit_draft",
        "下書き",
    )
    driver.shortcut("U0OPERATOR", "new_incident")
    assert bot.last.payload()["type"] == "shortcut"


def test_trigger_from_driver_expires(bot: RecordingBot) -> None:
    with LocalSlack(trigger_ttl=0.05) as quick:
        quick_driver = SlackDriver(bot.url, SIGNING_SECRET, slack=quick)
        quick_driver.slash_command("U0OPERATOR", "/kessai", "draft")
        time.sleep(0.1)
        quick_client = WebClient(token=quick.token, base_url=quick.api_url)
        with pytest.raises(SlackApiError) as excinfo:
            quick_client.views_open(trigger_id=quick_driver.last_trigger_id or "", view=DRAFT_MODAL)
        assert excinfo.value.response["error"] == "expired_trigger_id"


def test_history_stays_in_time_order_and_messages_are_found_by_ts(slack: LocalSlack, client: WebClient) -> None:
    # Messages arrive with a ts of now, or one given from the past (a test's own message): both
    # land in time order, and each is found by its ts however long the channel has grown.
    sent = [str(client.chat_postMessage(channel="C0INTAKE", text=f"投稿{i}")["ts"]) for i in range(300)]
    past = slack.post_as_user("C0INTAKE", "U0OPERATOR", "過去の投稿", ts="1000000000.000100")
    tss = [m.ts for m in slack.messages("C0INTAKE")]
    assert tss == sorted(tss, key=float) and tss[0] == past.ts
    assert all(slack.message("C0INTAKE", ts) is not None for ts in [*sent, past.ts])
    client.chat_delete(channel="C0INTAKE", ts=sent[7])
    assert slack.message("C0INTAKE", sent[7]) is None and slack.message("C0INTAKE", sent[8]) is not None
