"""Background work beside serving: a failing step is logged and the next one still runs."""

from __future__ import annotations

import logging

import pytest

from bot.background import start_in_background


def test_a_failing_step_is_logged_and_the_next_step_runs(caplog: pytest.LogCaptureFixture) -> None:
    ran: list[str] = []

    def unreachable() -> None:
        ran.append("first")
        raise ConnectionError("Slack did not answer")

    with caplog.at_level(logging.ERROR):
        thread = start_in_background("kessai-test", (unreachable, "could not do the first; tried again later"),
                                     (lambda: ran.append("second"), "could not do the second"))
        thread.join(10)
    assert not thread.is_alive() and thread.daemon and thread.name == "kessai-test"
    assert ran == ["first", "second"]
    failures = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in failures] == ["could not do the first; tried again later"]
    assert failures[0].exc_info is not None and isinstance(failures[0].exc_info[1], ConnectionError)
