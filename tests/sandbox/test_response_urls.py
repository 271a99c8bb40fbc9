"""response_url: what the bot's respond() does to the conversation."""

from __future__ import annotations

from slack_sdk import WebClient
from slack_sdk.webhook import WebhookClient

from bot.sandbox import LocalSlack

BUTTON = [
    {
        "type": "actions",
        "elements": [
            {"type": "button", "action_id": "approve_draft", "text": {"type": "plain_text", "text": "承認"}}
        ],
    }
]


def test_replace_original_updates_the_message_that_was_clicked(client: WebClient, slack: LocalSlack) -> None:
    posted = client.chat_postMessage(channel="U0MANAGER", text="決裁依頼", blocks=BUTTON)
    url = slack.new_response_url(channel=posted["channel"], user="U0MANAGER", message_ts=posted["ts"])
    assert url.startswith(slack.base_url + "/response/")
    response = WebhookClient(url).send(text="承認しました", replace_original=True)
    assert (response.status_code, response.body) == (200, "ok")
    [message] = slack.messages("U0MANAGER")
    assert (message.text, message.blocks) == ("承認しました", [])
    [call] = slack.responses()
    assert call.params["replace_original"] is True and call.params["text"] == "承認しました"


def test_default_is_an_ephemeral_for_the_clicker(slack: LocalSlack) -> None:
    url = slack.new_response_url(channel="C0INTAKE", user="U0OPERATOR")
    WebhookClient(url).send(text="決裁者ではないため操作できません")
    [ephemeral] = slack.ephemerals("U0OPERATOR")
    assert (ephemeral.channel, ephemeral.via, ephemeral.text) == (
        "C0INTAKE",
        "response_url",
        "決裁者ではないため操作できません",
    )
    assert slack.messages("C0INTAKE") == []


def test_in_channel_posts_and_delete_original_removes(client: WebClient, slack: LocalSlack) -> None:
    posted = client.chat_postMessage(channel="C0INTAKE", text="古い案内")
    url = slack.new_response_url(channel="C0INTAKE", user="U0OPERATOR", message_ts=posted["ts"])
    WebhookClient(url).send(text="全員に見える", response_type="in_channel")
    WebhookClient(url).send_dict({"delete_original": True})
    assert [m.text for m in slack.messages("C0INTAKE")] == ["全員に見える"]


def test_response_urls_are_limited_to_five_uses_and_unknown_ids_fail(slack: LocalSlack) -> None:
    url = slack.new_response_url(channel="C0INTAKE", user="U0OPERATOR")
    statuses = [WebhookClient(url).send(text=str(i)).status_code for i in range(6)]
    assert statuses == [200] * 5 + [404]
    assert WebhookClient(slack.base_url + "/response/nope").send(text="x").status_code == 404


def test_response_url_faults(slack: LocalSlack) -> None:
    url = slack.new_response_url(channel="C0INTAKE", user="U0OPERATOR")
    slack.inject("response_url", status=500)
    assert WebhookClient(url).send(text="x").status_code == 500
    assert slack.ephemerals() == []
    assert WebhookClient(url).send(text="x").status_code == 200


def test_response_urls_refuse_what_chat_post_message_refuses_for_length(slack: LocalSlack) -> None:
    """A reply through a response_url is a message like any other: 40,001 characters of text, or
    blocks holding more than Slack's ~12,000 characters in all, are refused, and nothing is shown
    (they were accepted, so a test of an over-long answer to a button passed)."""
    url = slack.new_response_url(channel="C0INTAKE", user="U0OPERATOR")
    long_text = WebhookClient(url).send(text="長" * 40_001)
    assert (long_text.status_code, long_text.body) == (400, "msg_too_long")
    sections = [{"type": "section", "text": {"type": "mrkdwn", "text": "長" * 3000}} for _ in range(5)]
    long_blocks = WebhookClient(url).send(text="x", blocks=sections)
    assert (long_blocks.status_code, long_blocks.body) == (400, "msg_blocks_too_long")
    assert slack.ephemerals("U0OPERATOR") == []
    fits = WebhookClient(url).send(text="長" * 40_000, blocks=sections[:4])
    assert (fits.status_code, fits.body) == (200, "ok")
    assert [len(e.text) for e in slack.ephemerals("U0OPERATOR")] == [40_000]
