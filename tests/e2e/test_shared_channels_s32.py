"""Slack Connect (a channel shared with another organisation: a PR agency, a neighbouring city) and
Enterprise Grid, in the shapes Slack really sends. A click of a person of another organisation on a
message of ours carries *our* workspace as ``team`` and theirs only as ``user.team_id``, so the
workspace check (``handlers.middleware``) lets it through: what refuses them is the roster. These
tests pin that every door a shared channel opens to such a person is shut by it, politely, and that
nothing of the municipality's is recorded or shown to them."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from bot.localstack import LocalStack
from bot.sandbox.payloads import message_text, rich_text_blocks
from storage import ledger as ledger_repo
from storage.models import IncidentRow
from tests.e2e.conftest import APPROVERS, CLEAN_DRAFT, buttons, dm, drafts, settle, wait_dm, wait_ephemeral
from tests.e2e.test_incidents import alert, report

OUTSIDER = "U0OUTSIDER"  # a person of the PR agency, in no roster of ours
THEIR_TEAM = "T0AGENCY"


def ledger_kinds(st: LocalStack) -> list[str]:
    with st.rt.db.session() as s:
        return [e.kind for e in ledger_repo.iter_entries(s)]


def test_a_person_of_another_organisation_cannot_decide_a_draft(stack: LocalStack) -> None:
    """The agency's person presses 承認 with a request's value (copied, or sent by hand): the team is
    ours, the user theirs. Refused with the approver rule, nothing decided, the buttons stay."""
    st = stack
    root = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    for a in APPROVERS:
        wait_dm(st, a)
    request = dm(st, "U0MANAGER")[0]
    for action in ("approve_draft", "reject_draft"):
        reply = st.driver.block_action(OUTSIDER, action, buttons(request)[action], channel="C0INTAKE",
                                       message_ts=root, user_team=THEIR_TEAM)
        assert reply.status == 200
    said = wait_ephemeral(st, OUTSIDER, "決裁できるのは")
    assert "運用管理責任者" in said
    settle(st)
    assert ledger_kinds(st) == [] and [d.state for d in drafts(st)] == ["pending"]
    assert st.slack.calls_of("views.open") == []  # no 差戻し form opened for them
    assert set(buttons(dm(st, "U0MANAGER")[0])) == {"approve_draft", "reject_draft"}


def test_a_person_of_another_organisation_cannot_act_on_an_incident_in_a_shared_channel(stack: LocalStack) -> None:
    """The escalation channel shared with a neighbouring city: their person presses 対応開始 and
    解決 on our alert. Refused, told who may, and the incident stays open and unticked."""
    st = stack
    report(st)
    a = alert(st)
    forms = len(st.slack.calls_of("views.open"))  # the reporter's own
    for action in ("incident_ack", "incident_resolve"):
        assert st.driver.block_action(OUTSIDER, action, channel=a.channel, message_ts=a.ts,
                                      user_team=THEIR_TEAM).status == 200
    wait_ephemeral(st, OUTSIDER, "対応開始・解決の操作ができるのは")
    settle(st)
    with st.rt.db.session() as s:
        assert [(i.status, i.acked_by, i.checklist_done) for i in s.exec(select(IncidentRow))] == [("open", None, [])]
    assert len(st.slack.calls_of("views.open")) == forms  # no 解決 form opened for them


def test_a_person_of_another_organisation_may_neither_submit_nor_report(stack: LocalStack) -> None:
    """/kessai draft and /kessai incident from the shared channel: each is refused in Japanese that
    says why and whom to ask, and no form opens (an incident alert names its reporter from the roster)."""
    st = stack
    answers = {}
    for text in ("draft", "incident joetsu-x", "away 2026-12-01 2026-12-05"):
        reply = st.driver.slash_command(OUTSIDER, "/kessai", text, channel="C0INTAKE")
        assert reply.status == 200
        answers[text] = reply.json()["text"]
    assert "運用担当者としても登録されていない" in answers["draft"]
    assert "職員名簿に登録されていない" in answers["incident joetsu-x"]
    assert "運用管理責任者（決裁者）または代決者" in answers["away 2026-12-01 2026-12-05"]
    settle(st)
    assert st.slack.calls_of("views.open") == [] and st.slack.messages("C0ESCALATE") == []


def test_app_home_shows_a_person_of_another_organisation_nothing_of_ours(stack: LocalStack) -> None:
    """A pending draft and an open incident exist; the agency's person opens kessai's App Home. It
    shows neither (nor any account's figures), and says they are not registered."""
    st = stack
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    for a in APPROVERS:
        wait_dm(st, a)
    report(st)
    settle(st)
    st.driver.app_home_opened(OUTSIDER)
    home = st.slack.wait_for(lambda: st.slack.home(OUTSIDER), timeout=30, message="home")
    shown = json.dumps(home, ensure_ascii=False)
    assert "紅葉" not in shown and "炎上" not in shown and "上越市公式X" not in shown
    assert "運用担当者としても登録されていない" in shown and "対応中のインシデント（0件）" in shown


def test_a_message_of_another_organisation_edited_is_no_draft(stack: LocalStack) -> None:
    """The agency's person writes a draft in the shared intake channel (their workspace in
    ``user_team``), is told it is not taken, and edits it: the edit is no draft either, and no
    approver hears of it."""
    st = stack
    ts = st.slack.post_as_user("C0INTAKE", OUTSIDER, message_text(CLEAN_DRAFT), blocks=rich_text_blocks(CLEAN_DRAFT)).ts
    st.driver.event({"type": "message", "text": message_text(CLEAN_DRAFT), "user": OUTSIDER, "ts": ts,
                     "team": THEIR_TEAM, "user_team": THEIR_TEAM, "source_team": THEIR_TEAM,
                     "blocks": rich_text_blocks(CLEAN_DRAFT), "channel": "C0INTAKE", "event_ts": ts,
                     "channel_type": "channel"})
    wait_ephemeral(st, OUTSIDER, "運用担当者として登録されていない")
    edit_ts = st.slack.next_ts()
    fixed = CLEAN_DRAFT.replace("28日", "29日")
    st.driver.event({"type": "message", "subtype": "message_changed", "channel": "C0INTAKE", "ts": edit_ts,
                     "event_ts": edit_ts, "hidden": True, "channel_type": "channel",
                     "message": {"type": "message", "user": OUTSIDER, "text": message_text(fixed),
                                 "blocks": rich_text_blocks(fixed), "ts": ts, "team": THEIR_TEAM,
                                 "user_team": THEIR_TEAM, "source_team": THEIR_TEAM,
                                 "edited": {"user": OUTSIDER, "ts": edit_ts}},
                     "previous_message": {"type": "message", "user": OUTSIDER, "ts": ts,
                                          "text": message_text(CLEAN_DRAFT)}})
    settle(st)
    assert drafts(st) == [] and all(dm(st, a) == [] for a in APPROVERS)


def test_the_it_tanto_is_told_who_of_which_workspace_was_refused_and_nothing_they_wrote(
        stack: LocalStack, caplog: pytest.LogCaptureFixture) -> None:
    """The agency's person presses 対応開始 on our alert, writes a draft in the shared intake
    channel and asks /kessai help. The log had nothing (or a bare 「refused: …」) naming neither the
    person nor their workspace; it now names both, and the action or channel — never what they
    wrote. The line is written before kessai decides, and says what is known then (not in the
    organisation file's members), not 「refused」: /kessai help is answered. A person of ours
    pressing the same button leaves no such line, nor does the partner's chat in a channel that
    asks nothing of kessai."""
    import logging

    st = stack
    report(st)
    a = alert(st)
    settle(st)
    with caplog.at_level(logging.INFO, logger="handlers"):
        st.driver.block_action(OUTSIDER, "incident_ack", channel=a.channel, message_ts=a.ts, user_team=THEIR_TEAM)
        wait_ephemeral(st, OUTSIDER, "対応開始・解決の操作ができるのは")
        ts = st.slack.post_as_user("C0INTAKE", OUTSIDER, message_text(CLEAN_DRAFT), blocks=rich_text_blocks(CLEAN_DRAFT)).ts
        st.driver.event({"type": "message", "text": message_text(CLEAN_DRAFT), "user": OUTSIDER, "ts": ts,
                         "team": THEIR_TEAM, "user_team": THEIR_TEAM, "source_team": THEIR_TEAM,
                         "blocks": rich_text_blocks(CLEAN_DRAFT), "channel": "C0INTAKE", "event_ts": ts,
                         "channel_type": "channel"})
        wait_ephemeral(st, OUTSIDER, "運用担当者として登録されていない")
        chat = st.slack.post_as_user("C0ESCALATE", OUTSIDER, "了解です", blocks=rich_text_blocks("了解です")).ts
        st.driver.event({"type": "message", "text": "了解です", "user": OUTSIDER, "ts": chat, "team": THEIR_TEAM,
                         "user_team": THEIR_TEAM, "source_team": THEIR_TEAM, "channel": "C0ESCALATE",
                         "event_ts": chat, "channel_type": "channel"})
        helped = st.driver.slash_command(OUTSIDER, "/kessai", "help", channel="C0ESCALATE", user_team=THEIR_TEAM)
        st.driver.block_action("U0OPERATOR2", "incident_ack", channel=a.channel, message_ts=a.ts)
        wait_ephemeral(st, "U0OPERATOR2", "対応開始・解決の操作ができるのは")
        settle(st)
    assert helped.status == 200 and "/kessai" in helped.body and "できません" not in helped.body, helped.body
    lines = [r.getMessage() for r in caplog.records if "of workspace" in r.getMessage()]
    assert len(lines) == 3, lines
    known = f"{OUTSIDER} of workspace {THEIR_TEAM} is not in the organisation file's members "
    assert lines[0].startswith(known) and "incident_ack in C0ESCALATE" in lines[0]
    assert lines[1].startswith(known) and "message event in C0INTAKE" in lines[1]
    assert lines[2].startswith(known) and lines[2].endswith("command /kessai in C0ESCALATE")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert "紅葉" not in logged and "了解" not in logged and "U0OPERATOR2" not in logged
    assert "refused U0OUTSIDER" not in logged


def test_the_line_naming_a_person_of_another_organisation_stays_one_short_line(
        stack: LocalStack, caplog: pytest.LogCaptureFixture) -> None:
    """The IDs come from the request (signed by Slack, so a low risk): a workspace ID of 2,000
    characters with line breaks in it went into the line whole, a log line of its own for each
    break. Each identifier is cut to 40 characters and its breaks shown as 「?」."""
    import logging

    st = stack
    report(st)
    a = alert(st)
    settle(st)
    team = "T0AGENCY\nkessai: approved by U0MANAGER\n" + "X" * 2000
    with caplog.at_level(logging.INFO, logger="handlers"):
        st.driver.block_action(OUTSIDER, "incident_ack", channel=a.channel, message_ts=a.ts, user_team=team)
        wait_ephemeral(st, OUTSIDER, "対応開始・解決の操作ができるのは")
    lines = [r.getMessage() for r in caplog.records if "of workspace" in r.getMessage()]
    assert len(lines) == 1 and "\n" not in lines[0] and len(lines[0]) < 250, lines
    assert f"of workspace {team[:40].replace(chr(10), '?')} is not" in lines[0]
