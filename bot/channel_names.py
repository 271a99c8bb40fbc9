"""Names of Slack channels, for drafts that link one.

Slack turns a typed ``#name`` that is the name of a channel into a link and sends only the
channel's id (``<#C0123|>`` in ``text``, ``{"type": "channel", "channel_id": …}`` in the rich text
blocks). Municipalities name channels as they tag posts (#防災, #上越市), so a draft's hashtag
arrives as an id; the name comes from conversations.info (channels:read, groups:read).

Looked up while the message's event is being handled, so each look-up is short (Slack resends an
event not answered within 3 s) and answers are kept a while: a workspace links the same few
channels again and again. A channel Slack does not name (a private channel the bot is not in, an
error, no answer in time) is None, kept for a shorter while, and the draft keeps the id.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.slack_http import KeepAliveWebClient, call_deadline

log = logging.getLogger(__name__)

# The most a look-up may take: the event's handling waits for it, and Slack resends an event not
# answered within 3 s (a retry is safe, but the draft's answer comes later).
LOOKUP_TIMEOUT_SECONDS = 1.5
# How long a name is trusted: a channel renamed meanwhile would give the old name as the hashtag.
NAME_TTL_SECONDS = 600.0
# How long a channel Slack did not name is not asked about again: a burst of drafts while Slack is
# slow would otherwise each wait out the timeout.
UNNAMED_TTL_SECONDS = 60.0
# Bounds the cache: ids come from what people type.
MAX_CACHED = 1000
# How long no channel is asked about after Slack gave no answer (a timeout, a broken connection, an
# error page): the look-ups of one message follow each other, and a draft with four hashtags that
# are channels waited 4 x 1.5 s while Slack was slow, past the 3 s after which it resends the event.
# Longer than one message's look-ups take, short enough that a blip leaves few drafts with ids.
UNANSWERED_PAUSE_SECONDS = 10.0


class ChannelNames:
    """Channel id → name, through Slack's conversations.info, cached per process."""

    def __init__(self, client: WebClient, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.clock = clock
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[str | None, float]] = {}
        self._paused_until = float("-inf")  # see UNANSWERED_PAUSE_SECONDS

    @classmethod
    def for_bot(cls, client: WebClient) -> ChannelNames:
        """Look-ups with the bot's token and Slack's address, on a client of their own with a short
        timeout (the bot's client waits up to 10 s, fit for posting but not for an event's handling)."""
        return cls(KeepAliveWebClient(token=client.token, base_url=client.base_url,
                                      timeout=LOOKUP_TIMEOUT_SECONDS))

    def close(self) -> None:
        if isinstance(self.client, KeepAliveWebClient):
            self.client.close()

    def name_of(self, channel_id: str) -> str | None:
        now = self.clock()
        with self._lock:
            cached = self._cache.get(channel_id)
            paused = self._paused_until > now
        if cached is not None and cached[1] > now:
            return cached[0]
        if paused:
            return None  # not cached either: asked again once Slack answers
        name = self._look_up(channel_id)
        with self._lock:
            if len(self._cache) >= MAX_CACHED:
                self._cache = {k: v for k, v in self._cache.items() if v[1] > now}
                if len(self._cache) >= MAX_CACHED:
                    self._cache.clear()
            self._cache[channel_id] = (name, now + (NAME_TTL_SECONDS if name else UNNAMED_TTL_SECONDS))
        return name

    def _look_up(self, channel_id: str) -> str | None:
        try:
            # Within the timeout all told: slack_sdk would try a broken connection once more, which
            # can double the wait past Slack's 3 s.
            with call_deadline(LOOKUP_TIMEOUT_SECONDS):
                info = self.client.conversations_info(channel=channel_id).get("channel")
        except Exception as e:  # refused, or no answer in time: the draft keeps the id, nothing fails
            log.warning("could not name channel %s linked in a message (kept as its id): %s", channel_id, e)
            if not (isinstance(e, SlackApiError) and e.response.status_code == 200):
                # Not an answer about this channel (as channel_not_found is) but none at all: Slack
                # is slow or unreachable, and the message's other channels would each wait it out.
                with self._lock:
                    self._paused_until = self.clock() + UNANSWERED_PAUSE_SECONDS
            return None
        name = info.get("name") if isinstance(info, dict) else None
        return name if isinstance(name, str) and name else None
