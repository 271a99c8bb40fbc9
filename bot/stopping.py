"""Waiting in the main thread for a stop signal (serve, the local Slack server)."""
from __future__ import annotations

import threading

# How often the main thread looks for a stop signal's handler to run (see wait_for_stop).
STOP_SIGNAL_POLL_SECONDS = 0.5


def wait_for_stop(stopping: threading.Event) -> None:
    """Wait, in the main thread, until a stop signal's handler sets ``stopping``.

    Not ``stopping.wait()``: Linux gives a signal sent to the process to any of its threads, and
    Python runs the handler only in the main thread, between two of its instructions. When SIGTERM
    went to a waitress or Slack thread, the main thread, blocked without a timeout, was never woken
    to run it: serve ignored systemd's stop until SIGKILL (seen in CI). Waking every half second
    runs a handler that is waiting, at no cost worth counting."""
    while not stopping.wait(STOP_SIGNAL_POLL_SECONDS):
        pass
