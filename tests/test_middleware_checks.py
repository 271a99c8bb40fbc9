"""What the middleware reads from a request before any listener (handlers.middleware), on the
payload alone: which response URL may be posted to, and who is noted as of another organisation."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from slack_bolt import BoltRequest

from bot.app import response_url_prefixes
from bot.config import OrgConfig
from bot.services import Kessai
from handlers.middleware import note_other_organisation, retry_num, safe_response_url
from storage.db import Database

OURS = "T0KESSAI"
THEIRS = "T0AGENCY"
PREFIXES = response_url_prefixes("https://slack.com/api/")  # as serve has it against Slack itself


@pytest.mark.parametrize("body", [
    {"response_url": "https://hooks.slack.com/actions/T0KESSAI/1/abc"},
    {"response_urls": [{"response_url": "https://hooks.slack.com/app/T0KESSAI/2/def"}]},
], ids=["click", "form"])
def test_slacks_own_response_url_is_posted_to(body: dict[str, Any]) -> None:
    assert safe_response_url(body, PREFIXES) == (body.get("response_url") or body["response_urls"][0]["response_url"])


@pytest.mark.parametrize("url", [
    "http://169.254.169.254/latest/meta-data/",  # the cloud's metadata service, from inside the network
    "http://127.0.0.1:5432/",
    "https://hooks.slack.com.attacker.example/x",  # Slack's host name as the start of another's
    "https://attacker.example/?https://hooks.slack.com/",
    "http://hooks.slack.com/actions/T0KESSAI/1/abc",  # not over TLS
    "file:///etc/passwd",
])
def test_any_other_response_url_is_not_posted_to(url: str) -> None:
    """The response URL comes in the request: the bot POSTs what it answers there, so a URL of any
    host would have it post into the network it runs in. Only Slack's own (or the configured local
    Slack's) is used; otherwise the answer goes as an ephemeral message or a DM."""
    assert safe_response_url({"response_url": url}, PREFIXES) is None
    assert safe_response_url({"response_urls": [{"response_url": url}]}, PREFIXES) is None


@pytest.fixture
def kessai(org: OrgConfig, tmp_path: Path) -> Iterator[Kessai]:
    db = Database(f"sqlite:///{tmp_path / 'kessai.db'}")  # never opened: only the organisation file is read
    try:
        yield Kessai(db, org)
    finally:
        db.dispose()


def click(user: str, team: str, channel: str = "C0ESCALATE") -> dict[str, Any]:
    return {"type": "block_actions", "team": {"id": OURS}, "user": {"id": user, "team_id": team},
            "channel": {"id": channel}, "actions": [{"action_id": "incident_ack"}]}


def noted(kessai: Kessai, body: dict[str, Any], caplog: pytest.LogCaptureFixture, team_id: str | None = OURS) -> list[str]:
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="handlers.middleware"):
        note_other_organisation(kessai, body, team_id)
    return [r.getMessage() for r in caplog.records if "of workspace" in r.getMessage()]


def test_only_a_person_of_another_workspace_not_in_the_organisation_file_is_noted(
        kessai: Kessai, caplog: pytest.LogCaptureFixture) -> None:
    """The line tells the IT 担当 who of which organisation pressed (Slack Connect). Not for one of
    the organisation file's members whose own workspace is another (Enterprise Grid, or a partner
    listed as an operator): they are ours to kessai. Nor for a person of our own workspace who is not
    in the file (a new member of staff): not another organisation, whatever the roster says of them."""
    assert kessai.org.member("U0OUTSIDER") is None and kessai.org.member("U0OPERATOR2") is not None
    assert noted(kessai, click("U0OUTSIDER", THEIRS), caplog) == [
        "U0OUTSIDER of workspace T0AGENCY is not in the organisation file's members (another organisation, "
        "e.g. a Slack Connect channel): block_actions incident_ack in C0ESCALATE"]
    assert noted(kessai, click("U0OPERATOR2", THEIRS), caplog) == []
    assert noted(kessai, click("U0NEWCOMER", OURS), caplog) == []
    assert noted(kessai, click("U0OUTSIDER", THEIRS), caplog, team_id=None) == []  # no workspace configured


@pytest.mark.parametrize(("headers", "number"), [
    ({}, 0), ({"x-slack-retry-num": ["2"]}, 2), ({"x-slack-retry-num": ["3"]}, 3),
    ({"x-slack-retry-num": ["three"]}, 0), ({"x-slack-retry-num": [""]}, 0), ({"x-slack-retry-num": []}, 0),
])
def test_slacks_retry_number_is_read_and_anything_else_is_a_first_delivery(headers: dict[str, list[str]],
                                                                            number: int) -> None:
    """The last retry (3) has the author of a lost draft told to post it again: a header that is not
    a number must not count as the last retry, or a draft another retry would still bring was
    announced lost."""
    assert retry_num(BoltRequest(body="", headers=headers)) == number
