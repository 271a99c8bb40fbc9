"""Work the bot does beside serving (start-up checks, re-signing): a daemon thread whose failures
are logged, never raised, because the bot keeps serving without it and a later run tries again."""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

log = logging.getLogger(__name__)

# One step of background work, and the log line that says what its failure leaves undone.
Step = tuple[Callable[[], object], str]


def start_in_background(name: str, *steps: Step) -> threading.Thread:
    """Run ``steps`` one after the other in a daemon thread called ``name``. A step that raises is
    logged with its message (and the traceback) and the next step still runs: the steps are
    independent checks, and the first one failing on a slow Slack says nothing of the second."""

    def run() -> None:
        for step, failure in steps:
            try:
                step()
            except Exception:
                log.exception(failure)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread
