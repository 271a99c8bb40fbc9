"""Two replicas on one PostgreSQL whose clocks disagree send each message once."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from bot.app import shifted_clock
from bot.sandbox.server import LocalSlack
from bot.slack_gateway import SlackGateway
from bot.slack_http import KeepAliveWebClient
from storage import outbox
from storage.db import Database


class _SlowToOpenDMs(KeepAliveWebClient):
    """Slack takes a moment to open the DM: ``meanwhile`` (the other replica's pass) runs then."""

    def __init__(self, *args: Any, meanwhile: Callable[[], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.meanwhile = meanwhile

    def conversations_open(self, **kwargs: Any) -> Any:
        self.meanwhile()
        return super().conversations_open(**kwargs)


def test_a_replica_whose_clock_runs_30_s_ahead_does_not_take_a_message_another_is_sending(
        postgres: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    db = postgres
    now = datetime.now(UTC)
    with db.session() as s:
        outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "決裁依頼"}, now=now, message_key="dm:1:U0MANAGER")
    with LocalSlack() as slack:
        ahead = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10),
                             clock=shifted_clock(datetime.now(UTC) + timedelta(seconds=30))))
        taken_by_ahead: list[int] = []
        in_step = stopped_after(SlackGateway(db, _SlowToOpenDMs(token=slack.token, base_url=slack.api_url, timeout=10,
                                                  meanwhile=lambda: taken_by_ahead.append(ahead.deliver_due()))))
        assert in_step.deliver_due() == 1
        ahead.stop()
        in_step.stop()
        assert taken_by_ahead == [0]  # the claim is live: the replica ahead leaves it alone
        assert [m.text for m in slack.messages(slack.dm_channel("U0MANAGER"))] == ["決裁依頼"]
        with db.session() as s:
            (row,) = outbox.rows(s)
            assert (row.status, row.attempts) == (outbox.SENT, 1)
