"""The Web API methods, exercised through the real slack_sdk WebClient."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.sandbox import LocalSlack

BUTTONS: list[dict[str, Any]] = [
    {
        "type": "section",
        "block_id": "body",
        "text": {"type": "mrkdwn", "text": "決裁をお願いします <@U0OPERATOR>"},
    },
    {
        "type": "actions",
        "block_id": "decide",
        "elements": [
            {
                "type": "button",
                "action_id": "approve_draft",
                "text": {"type": "plain_text", "text": "承認"},
                "style": "primary",
                "value": "draft-1:v1",
            },
            {
                "type": "button",
                "action_id": "reject_draft",
                "text": {"type": "plain_text", "text": "差戻し"},
                "style": "danger",
                "value": "draft-1:v1",
            },
        ],
    },
]
MODAL = {
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


def api_error(excinfo: pytest.ExceptionInfo[SlackApiError]) -> str:
    return str(excinfo.value.response["error"])


def test_requests_without_the_bot_token_are_refused(slack: LocalSlack) -> None:
    with pytest.raises(SlackApiError) as wrong:
        WebClient(token="xoxb-wrong", base_url=slack.api_url).auth_test()
    with pytest.raises(SlackApiError) as missing:
        WebClient(base_url=slack.api_url).api_call("auth.test")
    assert api_error(wrong) == "invalid_auth"
    assert api_error(missing) == "not_authed"
    assert not slack.messages("C0INTAKE")


def test_token_may_also_come_as_a_form_parameter(slack: LocalSlack) -> None:
    response = WebClient(base_url=slack.api_url).api_call("auth.test", params={"token": slack.token})
    assert response["user_id"] == "U0KESSAIBOT"
    assert "token" not in slack.calls_of("auth.test")[0].params


def test_auth_test_identifies_the_bot(client: WebClient) -> None:
    response = client.auth_test()
    assert (response["team_id"], response["user_id"], response["bot_id"]) == (
        "T0KESSAI",
        "U0KESSAIBOT",
        "B0KESSAIBOT",
    )


def test_unknown_method(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        client.api_call("chat.teleport")
    assert api_error(excinfo) == "unknown_method"


def test_post_message_records_decoded_blocks_and_returns_the_message(
    client: WebClient, slack: LocalSlack
) -> None:
    response = client.chat_postMessage(channel="C0INTAKE", text="決裁依頼", blocks=BUTTONS)
    assert response["channel"] == "C0INTAKE"
    assert response["message"]["bot_id"] == "B0KESSAIBOT"
    assert response["message"]["blocks"] == BUTTONS
    call = slack.calls_of("chat.postMessage")[0]
    assert call.params["blocks"] == BUTTONS  # sent as a JSON string inside form data
    assert [m.ts for m in slack.messages("C0INTAKE")] == [response["ts"]]


def test_post_message_accepts_a_json_body(client: WebClient, slack: LocalSlack) -> None:
    response = client.api_call(
        "chat.postMessage", json={"channel": "C0INTAKE", "text": "json", "blocks": BUTTONS}
    )
    assert response["ok"]
    assert slack.messages("C0INTAKE")[0].blocks == BUTTONS


def test_posting_to_a_user_lands_in_their_dm(client: WebClient, slack: LocalSlack) -> None:
    response = client.chat_postMessage(channel="U0MANAGER", text="決裁待ち")
    dm = slack.dm_channel("U0MANAGER")
    assert response["channel"] == dm and dm.startswith("D")
    assert client.conversations_open(users="U0MANAGER")["channel"]["id"] == dm
    assert [m.text for m in slack.messages("U0MANAGER")] == ["決裁待ち"]


def test_unknown_channel_and_empty_message_are_refused(client: WebClient) -> None:
    with pytest.raises(SlackApiError) as unknown:
        client.chat_postMessage(channel="C0NOWHERE", text="x")
    with pytest.raises(SlackApiError) as empty:
        client.chat_postMessage(channel="C0INTAKE", text="")
    assert api_error(unknown) == "channel_not_found"
    assert api_error(empty) == "no_text"


def test_blocks_breaking_slack_limits_are_invalid_blocks(client: WebClient) -> None:
    too_long = [{"type": "section", "text": {"type": "mrkdwn", "text": "あ" * 3001}}]
    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="C0INTAKE", text="x", blocks=too_long)
    assert api_error(excinfo) == "invalid_blocks"
    assert "/blocks/0/text/text" in excinfo.value.response["errors"][0]


def _opts(n: int) -> list[dict[str, Any]]:
    return [{"text": {"type": "plain_text", "text": f"項目{i}"}, "value": str(i)} for i in range(n)]


@pytest.mark.parametrize(("element", "pointer"), [
    ({"type": "static_select", "action_id": "a", "options": _opts(3),
      "placeholder": {"type": "plain_text", "text": "選" * 151}}, "/elements/0/placeholder/text"),
    ({"type": "checkboxes", "action_id": "a", "options": _opts(11)}, "/elements/0/options"),
    ({"type": "radio_buttons", "action_id": "a", "options": _opts(11)}, "/elements/0/options"),
    ({"type": "overflow", "action_id": "a", "options": _opts(6)}, "/elements/0/options"),
    ({"type": "checkboxes", "action_id": "a", "options": [
        {**_opts(1)[0], "description": {"type": "plain_text", "text": "説" * 76}}]},
     "/elements/0/options/0/description/text"),
    ({"type": "static_select", "action_id": "a", "option_groups": [
        {"label": {"type": "plain_text", "text": "群"}, "options": _opts(101)}]},
     "/elements/0/option_groups/0/options"),
    ({"type": "button", "action_id": "a", "text": {"type": "plain_text", "text": "承認"}, "confirm": {
        "title": {"type": "plain_text", "text": "確認"}, "text": {"type": "plain_text", "text": "本" * 301},
        "confirm": {"type": "plain_text", "text": "はい"}, "deny": {"type": "plain_text", "text": "いいえ"}}},
     "/elements/0/confirm/text/text"),
    ({"type": "button", "action_id": "a", "text": {"type": "plain_text", "text": "承認"},
      "accessibility_label": "承" * 76}, "/elements/0/accessibility_label"),
    ({"type": "button", "action_id": "a", "text": {"type": "plain_text", "text": "承認"},
      "accessibility_label": {"type": "plain_text", "text": "承認"}}, "/elements/0/accessibility_label"),
])
def test_elements_breaking_slack_limits_are_invalid_blocks(
    client: WebClient, element: dict[str, Any], pointer: str
) -> None:
    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="C0INTAKE", text="x", blocks=[{"type": "actions", "elements": [element]}])
    assert api_error(excinfo) == "invalid_blocks"
    assert any(f"/blocks/0{pointer}]" in e for e in excinfo.value.response["errors"])


def test_image_alt_text_and_input_hint_are_limited_like_slack(client: WebClient, slack: LocalSlack) -> None:
    image = {"type": "image", "image_url": "https://example.jp/a.png", "alt_text": "説" * 2001}
    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="C0INTAKE", text="x", blocks=[image])
    assert "/blocks/0/alt_text" in excinfo.value.response["errors"][0]
    hinted = {"type": "input", "block_id": "b", "label": {"type": "plain_text", "text": "理由"},
              "hint": {"type": "plain_text", "text": "例" * 2001},
              "element": {"type": "plain_text_input", "action_id": "a"}}
    view = {**MODAL, "blocks": [hinted]}
    with pytest.raises(SlackApiError) as invalid:
        client.views_open(trigger_id=slack.issue_trigger_id("U0MANAGER"), view=view)
    assert api_error(invalid) == "invalid_arguments"
    assert "/view/blocks/0/hint/text" in invalid.value.response["response_metadata"]["messages"][0]


def test_a_prefilled_text_input_over_3000_characters_is_refused_like_slack(
    client: WebClient, slack: LocalSlack
) -> None:
    """A form reopened on a long draft must cut what it prefills: Slack refuses the view."""
    def form(initial: str) -> dict[str, Any]:
        element = {"type": "plain_text_input", "action_id": "text", "multiline": True, "initial_value": initial}
        return {**MODAL, "blocks": [{**MODAL["blocks"][0], "element": element}]}

    with pytest.raises(SlackApiError) as excinfo:
        client.views_open(trigger_id=slack.issue_trigger_id("U0MANAGER"), view=form("文" * 3001))
    assert api_error(excinfo) == "invalid_arguments"
    assert "/view/blocks/0/element/initial_value" in excinfo.value.response["response_metadata"]["messages"][0]
    opened = client.views_open(trigger_id=slack.issue_trigger_id("U0MANAGER"), view=form("文" * 3000))
    assert opened["view"]["blocks"][0]["element"]["initial_value"] == "文" * 3000


def test_text_over_forty_thousand_characters_is_refused_like_slack(
    client: WebClient, slack: LocalSlack
) -> None:
    client.chat_postMessage(channel="C0INTAKE", text="長" * 40_000)
    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="C0INTAKE", text="長" * 40_001)
    assert api_error(excinfo) == "msg_too_long"
    posted = client.chat_postMessage(channel="C0INTAKE", text="短い")
    with pytest.raises(SlackApiError) as updated:
        client.chat_update(channel="C0INTAKE", ts=posted["ts"], text="長" * 40_001)
    assert api_error(updated) == "msg_too_long"
    assert [len(m.text) for m in slack.messages("C0INTAKE")] == [40_000, 2]


def test_thread_replies_history_and_replies(client: WebClient, slack: LocalSlack) -> None:
    parent = slack.post_as_user("C0INTAKE", "U0OPERATOR", "下書き")
    reply = client.chat_postMessage(channel="C0INTAKE", thread_ts=parent.ts, text="チェック結果")
    assert reply["message"]["thread_ts"] == parent.ts
    history = client.conversations_history(channel="C0INTAKE")["messages"]
    assert [m["text"] for m in history] == ["下書き"]
    assert history[0]["reply_count"] == 1
    replies = client.conversations_replies(channel="C0INTAKE", ts=parent.ts)["messages"]
    assert [m["text"] for m in replies] == ["下書き", "チェック結果"]
    assert [m.thread_ts for m in slack.messages("C0INTAKE", thread_ts=parent.ts)] == [None, parent.ts]


def test_update_replaces_content_and_guards_ownership(client: WebClient, slack: LocalSlack) -> None:
    posted = client.chat_postMessage(channel="U0MANAGER", text="決裁待ち", blocks=BUTTONS)
    updated = client.chat_update(channel=posted["channel"], ts=posted["ts"], text="承認済み")
    assert updated["ts"] == posted["ts"]
    [message] = slack.messages("U0MANAGER")
    assert (message.text, message.blocks, message.edited_ts is not None) == ("承認済み", [], True)

    with pytest.raises(SlackApiError) as missing:
        client.chat_update(channel=posted["channel"], ts="1.000001", text="x")
    someone_elses = slack.post_as_user("C0INTAKE", "U0OPERATOR", "下書き")
    with pytest.raises(SlackApiError) as not_ours:
        client.chat_update(channel="C0INTAKE", ts=someone_elses.ts, text="x")
    assert api_error(missing) == "message_not_found"
    assert api_error(not_ours) == "cant_update_message"


def test_ephemeral_permalink_reaction_and_users(client: WebClient, slack: LocalSlack) -> None:
    ephemeral = client.chat_postEphemeral(
        channel="C0INTAKE", user="U0OPERATOR", text="あなたは運用担当者ではありません"
    )
    assert ephemeral["message_ts"]
    assert [e.text for e in slack.ephemerals("U0OPERATOR")] == ["あなたは運用担当者ではありません"]
    assert slack.ephemerals("U0MANAGER") == []

    posted = client.chat_postMessage(channel="C0INTAKE", text="x")
    link = client.chat_getPermalink(channel="C0INTAKE", message_ts=posted["ts"])["permalink"]
    assert link.endswith("/archives/C0INTAKE/p" + posted["ts"].replace(".", ""))

    client.reactions_add(channel="C0INTAKE", timestamp=posted["ts"], name="white_check_mark")
    with pytest.raises(SlackApiError) as again:
        client.reactions_add(channel="C0INTAKE", timestamp=posted["ts"], name="white_check_mark")
    assert api_error(again) == "already_reacted"

    user = client.users_info(user="U0MANAGER")["user"]
    assert (user["real_name"], user["tz"]) == ("上越 花子", "Asia/Tokyo")
    with pytest.raises(SlackApiError) as unknown:
        client.users_info(user="U0NOBODY")
    assert api_error(unknown) == "user_not_found"


def test_views_open_needs_a_fresh_unused_trigger(client: WebClient, slack: LocalSlack) -> None:
    trigger = slack.issue_trigger_id("U0MANAGER")
    opened = client.views_open(trigger_id=trigger, view=MODAL)["view"]
    assert opened["callback_id"] == "reject_reason" and opened["id"].startswith("V")
    assert [v.id for v in slack.open_views("U0MANAGER")] == [opened["id"]]

    with pytest.raises(SlackApiError) as reused:
        client.views_open(trigger_id=trigger, view=MODAL)
    with pytest.raises(SlackApiError) as invented:
        client.views_open(trigger_id="1.2.invented", view=MODAL)
    expiring = slack.issue_trigger_id("U0MANAGER", ttl=0.05)
    time.sleep(0.1)
    with pytest.raises(SlackApiError) as expired:
        client.views_open(trigger_id=expiring, view=MODAL)
    assert (api_error(reused), api_error(invented), api_error(expired)) == (
        "exchanged_trigger_id",
        "invalid_trigger_id",
        "expired_trigger_id",
    )


def test_invalid_view_is_invalid_arguments(client: WebClient, slack: LocalSlack) -> None:
    bad = {**MODAL, "title": {"type": "plain_text", "text": "長すぎるタイトル" * 4}}
    with pytest.raises(SlackApiError) as excinfo:
        client.views_open(trigger_id=slack.issue_trigger_id("U0MANAGER"), view=bad)
    assert api_error(excinfo) == "invalid_arguments"
    assert "/view/title/text" in excinfo.value.response["response_metadata"]["messages"][0]


def test_views_update_push_and_hash_conflict(client: WebClient, slack: LocalSlack) -> None:
    opened = client.views_open(trigger_id=slack.issue_trigger_id("U0MANAGER"), view=MODAL)["view"]
    changed = {**MODAL, "title": {"type": "plain_text", "text": "差戻し（確認）"}}
    updated = client.views_update(view_id=opened["id"], hash=opened["hash"], view=changed)["view"]
    assert updated["title"]["text"] == "差戻し（確認）"
    with pytest.raises(SlackApiError) as stale:
        client.views_update(view_id=opened["id"], hash=opened["hash"], view=MODAL)
    assert api_error(stale) == "hash_conflict"
    with pytest.raises(SlackApiError) as missing:
        client.views_update(view_id="V0NONE", view=MODAL)
    assert api_error(missing) == "not_found"

    pushed = client.views_push(trigger_id=slack.issue_trigger_id("U0MANAGER"), view=MODAL)["view"]
    assert pushed["previous_view_id"] == opened["id"] and pushed["root_view_id"] == opened["id"]


def test_views_publish_keeps_the_last_home_per_user(client: WebClient, slack: LocalSlack) -> None:
    first = {"type": "home", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "1件"}}]}
    second = {"type": "home", "blocks": [{"type": "section", "text": {"type": "mrkdwn", "text": "2件"}}]}
    client.views_publish(user_id="U0MANAGER", view=first)
    client.views_publish(user_id="U0MANAGER", view=second)
    assert slack.home("U0MANAGER") == second
    assert slack.home("U0OPERATOR") is None


def test_every_call_is_recorded_in_order_with_its_response(client: WebClient, slack: LocalSlack) -> None:
    client.auth_test()
    client.chat_postMessage(channel="C0INTAKE", text="a")
    with pytest.raises(SlackApiError):
        client.chat_update(channel="C0INTAKE", ts="1.1", text="b")
    assert [(c.method, c.ok) for c in slack.calls] == [
        ("auth.test", True),
        ("chat.postMessage", True),
        ("chat.update", False),
    ]
    assert slack.calls_of("chat.update")[0].response["error"] == "message_not_found"
    slack.reset()
    assert slack.calls == [] and slack.messages("C0INTAKE") == []


def test_transcript_reads_like_the_conversation(client: WebClient, slack: LocalSlack) -> None:
    draft = slack.post_as_user("C0INTAKE", "U0OPERATOR", "本日の &lt;お知らせ&gt;")
    client.chat_postMessage(channel="C0INTAKE", thread_ts=draft.ts, text="指摘 0 件")
    posted = client.chat_postMessage(channel="U0MANAGER", text="決裁依頼", blocks=BUTTONS)
    client.chat_update(channel=posted["channel"], ts=posted["ts"], text="承認済み（上越 花子）")
    text = slack.transcript()
    assert "#sns-intake  高田 太郎:\n    本日の <お知らせ>" in text
    assert "#sns-intake (スレッド)  kessai:" in text
    assert "決裁をお願いします @高田 太郎" in text
    assert "[承認] [差戻し]" in text
    assert "DM 上越 花子  kessai [更新]:\n    承認済み（上越 花子）" in text


def test_calls_params_are_json_serialisable(client: WebClient, slack: LocalSlack) -> None:
    client.views_open(trigger_id=slack.issue_trigger_id("U0MANAGER"), view=MODAL)
    json.dumps([c.params for c in slack.calls])
    assert slack.calls_of("views.open")[0].params["view"] == MODAL


def test_users_info_without_a_member_list_answers_for_anyone_as_dms_do() -> None:
    """``python -m bot.sandbox`` without --users: DMs to any member already worked, yet users.info
    said user_not_found for everyone, so the IT 担当's trial of `kessai serve` with their own
    kessai.toml logged an ERROR per approver. A channel id is still no user; with a member list,
    an unknown member is still user_not_found (test above)."""
    with LocalSlack() as open_workspace:
        client = WebClient(token=open_workspace.token, base_url=open_workspace.api_url)
        user = client.users_info(user="U0SOMEONE")["user"]
        assert user["id"] == "U0SOMEONE" and user["deleted"] is False
        assert client.chat_postMessage(channel="U0SOMEONE", text="x")["ok"]
        with pytest.raises(SlackApiError) as not_a_user:
            client.users_info(user="C0INTAKE")
        assert api_error(not_a_user) == "user_not_found"


def test_a_slash_commands_acknowledgement_is_in_the_transcript_as_slack_shows_it(tmp_path: Any) -> None:
    """What a bot says in a slash command's ack reaches the person as an ephemeral (Slack shows it
    to them alone); one posted in the channel (in_channel) is not an ephemeral, and an empty ack
    says nothing. Neither is an ephemeral the bot sent through the Web API (``ephemerals``)."""
    import http.server
    import threading

    from bot.sandbox.driver import SlackDriver

    answers = [b'{"text": "\\u4e0d\\u5728\\u3068\\u3057\\u3066\\u767b\\u9332\\u3057\\u307e\\u3057\\u305f", '
               b'"response_type": "ephemeral"}', b'{"text": "everyone", "response_type": "in_channel"}', b""]

    class Bot(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
            self.rfile.read(int(self.headers["Content-Length"]))
            body = answers.pop(0)
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Bot)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with LocalSlack(users={"U0MANAGER": {"name": "hanako", "real_name": "上越 花子"}}) as slack:
            driver = SlackDriver(f"http://127.0.0.1:{server.server_port}/slack/events", "secret", slack=slack)
            for text in ("away 2026-12-07 2026-12-07", "status", "help"):
                assert driver.slash_command("U0MANAGER", "/kessai", text).status == 200
            transcript = slack.transcript()
            assert "kessai → 上越 花子 だけに表示:\n    不在として登録しました" in transcript, transcript
            assert transcript.count("だけに表示") == 1 and "everyone" not in transcript
            assert slack.ephemerals("U0MANAGER") == []
    finally:
        server.shutdown()
        server.server_close()
