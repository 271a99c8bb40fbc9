"""A local Slack: a Web API server (``LocalSlack``) and a signed-request driver (``SlackDriver``;
``SocketModeDriver`` delivers the same payloads over the app's Socket Mode connection).

Used by the end-to-end tests and by ``kessai demo``; ``python -m bot.sandbox`` runs the server
alone for poking at it by hand.
"""

from bot.sandbox.driver import STALE_AFTER, BotReply, SlackDriver, SocketModeDriver
from bot.sandbox.records import Ephemeral, Fault, Message, SlackCall, View
from bot.sandbox.server import DEFAULT_APP_TOKEN, DEFAULT_TOKEN, LocalSlack

__all__ = [
    "DEFAULT_APP_TOKEN",
    "DEFAULT_TOKEN",
    "STALE_AFTER",
    "BotReply",
    "Ephemeral",
    "Fault",
    "LocalSlack",
    "Message",
    "SlackCall",
    "SlackDriver",
    "SocketModeDriver",
    "View",
]
