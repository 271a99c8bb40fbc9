"""The draft state machine: every allowed transition, and every refused one."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime, timedelta

import pytest

from bot.calendar import BusinessCalendar
from bot.workflow import (
    STATE_LABELS_JA,
    TRANSITIONS,
    VOIDED_BY_EDIT,
    DraftEvent,
    DraftState,
    InvalidTransition,
    absence_continues,
    absence_over,
    back_at_work,
    can,
    deputies_asked_at,
    due_soon,
    due_soon_at,
    due_soon_hand_off,
    is_decidable,
    is_stale_edit,
    next_state,
    request_in_hand_at,
    slack_time_or_none,
)

S, E = DraftState, DraftEvent

EXPECTED = {
    (S.CHECKING, E.CHECKED_CLEAN): S.PENDING,
    (S.CHECKING, E.CHECKED_BLOCKING): S.NEEDS_FIX,
    (S.CHECKING, E.CHECKED_EXEMPT): S.EXEMPT,
    (S.NEEDS_FIX, E.OVERRIDE): S.PENDING,
    (S.PENDING, E.APPROVE): S.APPROVED,
    (S.PENDING, E.REJECT): S.REJECTED,
    (S.PENDING, E.EXPIRE): S.EXPIRED,
    (S.APPROVED, E.PUBLISH): S.PUBLISHED,
    (S.EXEMPT, E.PUBLISH): S.PUBLISHED,
    (S.NEEDS_FIX, E.EDIT): S.CHECKING,
    (S.PENDING, E.EDIT): S.CHECKING,
    (S.APPROVED, E.EDIT): S.CHECKING,
    (S.REJECTED, E.EDIT): S.CHECKING,
    (S.EXPIRED, E.EDIT): S.CHECKING,
    (S.EXEMPT, E.EDIT): S.CHECKING,
    # The intake message deleted: taken back from any state before publication.
    (S.CHECKING, E.WITHDRAW): S.WITHDRAWN,
    (S.NEEDS_FIX, E.WITHDRAW): S.WITHDRAWN,
    (S.PENDING, E.WITHDRAW): S.WITHDRAWN,
    (S.APPROVED, E.WITHDRAW): S.WITHDRAWN,
    (S.REJECTED, E.WITHDRAW): S.WITHDRAWN,
    (S.EXPIRED, E.WITHDRAW): S.WITHDRAWN,
    (S.EXEMPT, E.WITHDRAW): S.WITHDRAWN,
}


@pytest.mark.parametrize(("pair", "target"), list(EXPECTED.items()), ids=lambda x: str(x))
def test_allowed_transition(pair: tuple[DraftState, DraftEvent], target: DraftState) -> None:
    assert next_state(*pair) is target
    assert can(*pair)


REFUSED = [p for p in itertools.product(DraftState, DraftEvent) if p not in EXPECTED]


@pytest.mark.parametrize("pair", REFUSED, ids=lambda p: f"{p[0].value}-{p[1].value}")
def test_refused_transition(pair: tuple[DraftState, DraftEvent]) -> None:
    with pytest.raises(InvalidTransition):
        next_state(*pair)
    assert not can(*pair)


def test_table_is_exactly_the_documented_one() -> None:
    assert TRANSITIONS == EXPECTED


def test_published_draft_cannot_be_edited_or_decided() -> None:
    for e in (E.EDIT, E.APPROVE, E.REJECT, E.EXPIRE):
        with pytest.raises(InvalidTransition):
            next_state(S.PUBLISHED, e)


def test_double_approval_is_refused() -> None:
    with pytest.raises(InvalidTransition):
        next_state(next_state(S.PENDING, E.APPROVE), E.APPROVE)


def test_only_pending_drafts_are_decidable() -> None:
    assert [s for s in DraftState if is_decidable(s)] == [S.PENDING]


def test_edit_voids_open_requests_and_decisions_but_not_rejections() -> None:
    # 決裁省略 is a decision too: an edit takes it back, as it does an approval.
    assert {S.PENDING, S.APPROVED, S.EXEMPT} == VOIDED_BY_EDIT


def test_every_state_has_a_japanese_label() -> None:
    assert set(STATE_LABELS_JA) == set(DraftState)


def test_state_labels_are_japanese_and_unknown_states_pass_through() -> None:
    from bot.workflow import state_ja

    assert state_ja("pending") == "決裁待ち" and state_ja("published") == "投稿済み"
    assert state_ja("withdrawn") == "取り下げ"
    assert state_ja("archived") == "archived"  # a value from a newer version is shown, not crashed on


@pytest.mark.parametrize(
    ("changed", "applied", "stale"),
    [
        ("1700000100.000200", "1700000200.000100", True),  # an older change, retried late
        ("1700000200.000100", "1700000200.000100", True),  # the same change again
        # A picture deleted after the edit: its event's ts is new (its edited.ts is the edit's).
        ("1700000250.000001", "1700000200.000100", False),
        # A preview added before the edit (the text as first written), delivered after it.
        ("1700000150.000001", "1700000200.000100", True),
        ("1700000200.000101", "1700000200.000100", False),
        ("1700000201", "1700000200.9", False),  # seconds compare first, then micro
        ("1700000200.9", "1700000200.000100", False),  # 「.9」 is 900000 µs
        ("1700000300.000000", None, False),  # no edit applied yet (or before edits were timed)
        (None, "1700000200.000100", False),  # not timed: the text and files decide
        (None, None, False),
        ("garbage", "1700000200.000100", False),
        ("1700000100.0001", "not-a-ts", False),
        ("１７００.０", "1800.0", False),  # not ASCII digits: no time, never stale
    ],
)
def test_a_change_is_stale_only_when_slack_timed_it_no_later_than_the_applied_one(
        changed: str | None, applied: str | None, stale: bool) -> None:
    assert is_stale_edit(changed, applied) is stale


def test_a_change_is_timed_by_its_event_not_by_the_edit_the_message_shows() -> None:
    """A picture deleted after an edit: the message keeps the edit's ``edited.ts``, the event's own
    ``ts`` is the deletion's, and orders it after the edit (Slack's reference shows ``ts`` on the event)."""
    from handlers.intake import change_time, edit_time

    message = {"ts": "1700000000.000100", "edited": {"user": "U0OPERATOR", "ts": "1700000200.000100"}}
    event = {"subtype": "message_changed", "ts": "1700000250.000001", "event_ts": "1700000250.000001",
             "message": message}
    assert (edit_time(message), change_time(event)) == ("1700000200.000100", "1700000250.000001")
    assert not is_stale_edit(change_time(event), edit_time(message))
    assert change_time({"event_ts": "1700000250.000001"}) == "1700000250.000001"
    assert change_time({"ts": ""}) is None and change_time({"ts": 1700000250}) is None


def test_an_edit_exactly_seven_days_after_its_message_is_too_late_as_the_note_says() -> None:
    """The note says 「書き込みから 7 日以上」: an edit 7 days to the second after its message is
    refused too; a second earlier it still makes a draft. Slack's own clock (``edited.ts``) decides."""
    from bot.services import EDIT_AS_NEW_MAX_AGE, Kessai

    posted = 1_798_000_000.000100
    week = EDIT_AS_NEW_MAX_AGE.total_seconds()
    now = datetime(2027, 1, 1, tzinfo=UTC)  # ignored when Slack says when the edit was made
    assert Kessai._long_before(f"{posted:.6f}", f"{posted + week:.6f}", now)
    assert not Kessai._long_before(f"{posted:.6f}", f"{posted + week - 1:.6f}", now)
    assert not Kessai._long_before("not-a-ts", f"{posted + week:.6f}", now)  # nothing tells its age


def test_the_deputy_hand_off_rule_is_pure_workflow_code() -> None:
    """SPEC 4.3's 「いつ代決者に回すか」 is an approval rule: bot.workflow holds it without storage or
    Slack."""
    import subprocess
    import sys

    loaded = subprocess.run([sys.executable, "-c", "import sys, bot.workflow; print(' '.join(sys.modules))"],
                            capture_output=True, text=True, check=True).stdout.split()
    assert not [m for m in loaded if m.split(".")[0] in ("storage", "sqlalchemy", "sqlmodel", "slack_sdk", "slack_bolt")]


def test_a_stored_time_is_read_as_utc_by_one_helper_both_layers_share() -> None:
    """``bot.workflow`` and ``storage`` read stored times with the same ``as_utc`` (``bot.utc``), so
    that a naive SQLite time cannot mean UTC in one and something else in the other; importing it
    into storage loads neither the rule engine nor the workflow."""
    import subprocess
    import sys
    from datetime import timedelta, timezone

    from bot.utc import as_utc
    from storage import db

    assert db.as_utc is as_utc
    naive = datetime(2026, 11, 30, 0, 0)
    assert as_utc(naive) == datetime(2026, 11, 30, 0, 0, tzinfo=UTC)
    jst = datetime(2026, 11, 30, 9, 0, tzinfo=timezone(timedelta(hours=9)))
    assert as_utc(jst) is jst  # already aware: the same instant, left as it is
    loaded = subprocess.run([sys.executable, "-c", "import sys, storage.db; print(' '.join(sys.modules))"],
                            capture_output=True, text=True, check=True).stdout.split()
    # bot.logs (standard library only): storage escapes the database's own words in its messages.
    assert [m for m in loaded if m.split(".")[0] == "bot"] == ["bot", "bot.logs", "bot.utc"]


# -- absences: when a deputy stands in, and when the approver has it back (SPEC 4.3) -------------
def _jst(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    from zoneinfo import ZoneInfo

    return datetime(y, mo, d, h, mi, tzinfo=ZoneInfo("Asia/Tokyo"))


def _cal() -> BusinessCalendar:
    return BusinessCalendar("08:30-17:15", "Asia/Tokyo")


SAT = _jst(2026, 11, 28)  # the midnight ending an absence whose last day is Friday 11/27


@pytest.mark.parametrize(("until", "now", "over"), [
    (SAT, _jst(2026, 11, 28, 10, 0), False),  # the weekend: not at work yet
    (SAT, _jst(2026, 11, 30, 8, 29), False),
    (SAT, _jst(2026, 11, 30, 8, 30), True),  # Monday's opening
    (SAT.astimezone(UTC).replace(tzinfo=None), _jst(2026, 11, 30, 8, 30), True),  # as SQLite reads it back
    (_jst(2026, 11, 25), _jst(2026, 11, 25, 8, 29), False),  # to Tuesday: Wednesday morning
    (_jst(2026, 11, 25), _jst(2026, 11, 25, 8, 30), True),
    (_jst(2026, 12, 29), _jst(2027, 1, 4, 8, 29), False),  # 年末年始 is no day back at work
    (_jst(2026, 12, 29), _jst(2027, 1, 4, 8, 30), True),
])
def test_an_absence_is_over_at_the_approvers_first_business_instant_after_it(
        until: datetime, now: datetime, over: bool) -> None:
    assert absence_over(_cal(), until, now) is over


MON, FRI_END = _jst(2026, 11, 30), _jst(2026, 12, 5)  # away Monday 11/30 to Friday 12/4


@pytest.mark.parametrize(("before", "begins", "now", "continues"), [
    (None, _jst(2026, 12, 1), _jst(2026, 12, 1, 10, 0), False),  # nothing to continue
    ((_jst(2026, 12, 2), FRI_END), _jst(2026, 12, 1), _jst(2026, 12, 1, 10, 0), False),  # not begun yet
    # On the last day, a period from Monday follows it with no day back at work in between...
    ((MON, FRI_END), _jst(2026, 12, 7), _jst(2026, 12, 4, 15, 0), True),
    # ...one from Tuesday leaves Monday at work: it replaces the old one.
    ((MON, FRI_END), _jst(2026, 12, 8), _jst(2026, 12, 4, 15, 0), False),
    # Over the weekend after it the person is not back yet: Monday's period still continues it.
    ((MON, FRI_END), _jst(2026, 12, 7), _jst(2026, 12, 5, 11, 0), True),
    # Monday's opening came: the old absence is over, and a new one is its own.
    ((MON, FRI_END), _jst(2026, 12, 7), _jst(2026, 12, 7, 8, 30), False),
    # Only today's part carries over: registering Thursday alone on Tuesday is back on Wednesday.
    ((MON, FRI_END), _jst(2026, 12, 3), _jst(2026, 12, 1, 10, 0), False),
    ((MON, FRI_END), _jst(2026, 12, 2), _jst(2026, 12, 1, 10, 0), True),
    ((MON, FRI_END), _jst(2026, 12, 1), _jst(2026, 12, 1, 10, 0), True),
])
def test_a_new_absence_continues_the_one_in_effect_only_without_a_day_back_at_work_between(
        before: tuple[datetime, datetime] | None, begins: datetime, now: datetime, continues: bool) -> None:
    assert absence_continues(_cal(), before, begins, now) is continues


FRI_4PM = _jst(2026, 11, 27, 16, 0)
MON_OPEN = _jst(2026, 11, 30, 8, 30)


@pytest.mark.parametrize(("since", "scheduled_at", "now", "given_back", "back"), [
    # Monday's opening after an absence to Friday: a draft pending since Friday 16:00 (1h15 of
    # business time) goes back to the approver.
    (FRI_4PM, None, MON_OPEN, None, True),
    (FRI_4PM, None, _jst(2026, 11, 30, 8, 29), None, False),  # still the weekend: the deputy has it
    # Pending since Thursday morning: waited approval_escalate_after, so the deputies keep it.
    (_jst(2026, 11, 26, 10, 0), None, MON_OPEN, None, False),
    # ...unless the approver was asked again on Friday 16:00: the wait counts from then.
    (_jst(2026, 11, 26, 10, 0), None, MON_OPEN, FRI_4PM, True),
    # Scheduled Monday 09:00: the due-soon hand-off gave it to the deputies (Friday 16:45), who keep it.
    (FRI_4PM, _jst(2026, 11, 30, 9, 0), MON_OPEN, None, False),
    (FRI_4PM, _jst(2026, 12, 1, 9, 0), MON_OPEN, None, True),
])
def test_a_deputys_request_goes_back_to_the_approver_at_work_unless_it_is_an_escalation(
        since: datetime, scheduled_at: datetime | None, now: datetime, given_back: datetime | None,
        back: bool) -> None:
    from bot.config import Policy

    assert back_at_work(_cal(), Policy(), SAT, since, scheduled_at, now, given_back=given_back) is back


@pytest.mark.parametrize(("asked", "in_hand"), [
    # Written by the sweep at midnight (an absence beginning), held for the opening: found then.
    (_jst(2026, 11, 30, 0, 1), _jst(2026, 11, 30, 8, 30)),
    (_jst(2026, 11, 30, 7, 0), _jst(2026, 11, 30, 8, 30)),
    (_jst(2026, 11, 30, 10, 0), _jst(2026, 11, 30, 10, 0)),  # in business hours: at once
    # On an earlier day (a Saturday, the evening before): there since, brought up again.
    (_jst(2026, 11, 28, 10, 0), _jst(2026, 11, 28, 10, 0)),
    (_jst(2026, 11, 27, 18, 0), _jst(2026, 11, 27, 18, 0)),
    # A holiday morning (勤労感謝の日 11/23) is no opening of its own.
    (_jst(2026, 11, 23, 0, 1), _jst(2026, 11, 23, 0, 1)),
    # As SQLite reads the column back (naive UTC).
    (_jst(2026, 11, 30, 0, 1).astimezone(UTC).replace(tzinfo=None), _jst(2026, 11, 30, 8, 30)),
])
def test_a_request_written_before_the_opening_is_in_hand_from_the_opening_of_that_day(
        asked: datetime, in_hand: datetime) -> None:
    assert request_in_hand_at(_cal(), asked) == in_hand


@pytest.mark.parametrize(("asked", "in_hand"), [
    # A deputy asked by the sweep at the midnight a week off began on Saturday: the DM waits for Monday.
    (_jst(2026, 11, 28, 0, 1), _jst(2026, 11, 30, 8, 30)),
    (_jst(2026, 11, 27, 18, 0), _jst(2026, 11, 30, 8, 30)),
    (_jst(2026, 11, 30, 0, 1), _jst(2026, 11, 30, 8, 30)),
    (_jst(2026, 11, 30, 10, 0), _jst(2026, 11, 30, 10, 0)),  # in business hours: at once
])
def test_a_request_the_sweep_held_is_in_hand_from_the_next_opening_whatever_day_it_is(
        asked: datetime, in_hand: datetime) -> None:
    assert request_in_hand_at(_cal(), asked, held=True) == in_hand


TUE, WED = _jst(2026, 11, 24, 10, 0), _jst(2026, 11, 25, 10, 0)


@pytest.mark.parametrize(("since", "scheduled_at", "given_back", "asked"), [
    (TUE, None, None, WED),  # no post time: one business day (8h45m) of waiting
    (TUE, _jst(2026, 11, 27, 10, 0), None, WED),  # the post is days later: as usual
    # The usual hand-off a minute before the due-soon instant (Wednesday 10:01): as usual.
    (TUE, _jst(2026, 11, 25, 11, 1), None, WED),
    # At the due-soon instant or later, up to the post itself: the due-soon instant, an hour before.
    (TUE, _jst(2026, 11, 25, 11, 0), None, WED),
    (TUE, _jst(2026, 11, 25, 10, 59), None, _jst(2026, 11, 25, 9, 59)),
    (TUE, _jst(2026, 11, 25, 10, 30), None, _jst(2026, 11, 25, 9, 30)),
    (_jst(2026, 11, 24, 9, 59), WED, None, _jst(2026, 11, 25, 9, 0)),
    (TUE, WED, None, _jst(2026, 11, 25, 9, 0)),
    (TUE, _jst(2026, 11, 26, 10, 0), None, WED),
    # Counted from the give-back (Tuesday 16:00: Wednesday 16:00), after Wednesday 15:30's due-soon instant.
    (TUE, _jst(2026, 11, 25, 16, 30), _jst(2026, 11, 24, 16, 0), _jst(2026, 11, 25, 15, 30)),
    # Sent on Saturday for Monday 09:00: at Monday's opening (``due_soon_at``).
    (_jst(2026, 11, 28, 10, 0), _jst(2026, 11, 30, 9, 0), None, _jst(2026, 11, 30, 8, 30)),
    # Sent before opening for 09:10 the same day: no due-soon instant, and the usual hand-off is after
    # the post: the deputies are not asked before it expires.
    (_jst(2026, 11, 30, 7, 0), _jst(2026, 11, 30, 9, 10), None, None),
])
def test_the_deputies_are_asked_at_the_usual_hand_off_or_an_hour_before_the_post_whichever_is_earlier(
        since: datetime, scheduled_at: datetime | None, given_back: datetime | None,
        asked: datetime | None) -> None:
    from datetime import timedelta

    from bot.config import Policy
    from bot.workflow import deputies_due

    cal, policy = _cal(), Policy()
    assert deputies_asked_at(cal, policy, since, scheduled_at, given_back=given_back) == asked
    if asked is not None:
        # ``deputies_due`` (the sweep's and ``Kessai.take_back``'s question) agrees to the minute.
        minute = timedelta(minutes=1)
        assert not deputies_due(cal, policy, since, scheduled_at, asked - minute, given_back=given_back)
        assert deputies_due(cal, policy, since, scheduled_at, asked, given_back=given_back)


# -- boundaries the cases above leave open (found by mutating bot/workflow.py, session 36) ----------
@pytest.mark.parametrize("ts", ["1700000000.12a", "1700000000.１２", "1700000000.-1", "17000000００.1", "abc", ""])
def test_a_timestamp_slack_could_not_have_written_is_no_time_at_all(ts: str) -> None:
    assert slack_time_or_none(ts) is None
    assert not is_stale_edit(ts, "1700000000.000100") and not is_stale_edit("1700000000.000100", ts)


@pytest.mark.parametrize(("since", "at", "due"), [
    # Exactly DUE_SOON_MIN_WAIT waited by the due-soon instant (Wednesday 10:00): it comes.
    (_jst(2026, 11, 25, 9, 30), _jst(2026, 11, 25, 11, 0), _jst(2026, 11, 25, 10, 0)),
    (_jst(2026, 11, 25, 9, 31), _jst(2026, 11, 25, 11, 0), None),
    # Sent on Tuesday 17:00 (still open) for Wednesday 09:00: at Wednesday's opening.
    (_jst(2026, 11, 24, 17, 0), _jst(2026, 11, 25, 9, 0), _jst(2026, 11, 25, 8, 30)),
    # Sent on Saturday for the very opening on Monday: that instant is the post's, nothing comes before it.
    (_jst(2026, 11, 28, 10, 0), _jst(2026, 11, 30, 8, 30), None),
])
def test_the_due_soon_instant_at_its_boundaries(since: datetime, at: datetime, due: datetime | None) -> None:
    assert due_soon_at(_cal(), since, at) == due


def test_a_draft_is_due_soon_until_its_scheduled_time_but_not_at_it() -> None:
    cal, since, at = _cal(), _jst(2026, 11, 24, 10, 0), _jst(2026, 11, 25, 9, 30)
    assert due_soon(cal, since, at, at - timedelta(minutes=1))
    assert not due_soon(cal, since, at, at)  # the sweep expires it now


def test_the_due_soon_hand_off_comes_when_the_usual_one_falls_on_the_due_soon_instant() -> None:
    from bot.config import Policy

    # Pending since Tuesday 10:00: the usual hand-off and the due-soon instant are both Wednesday 10:00.
    since, at, due = _jst(2026, 11, 24, 10, 0), _jst(2026, 11, 25, 11, 0), _jst(2026, 11, 25, 10, 0)
    assert due_soon_hand_off(_cal(), Policy(), since, at, due)
    assert not due_soon_hand_off(_cal(), Policy(), since, _jst(2026, 11, 25, 11, 1), _jst(2026, 11, 25, 10, 1))


def test_no_hand_off_is_promised_for_the_instant_the_draft_expires() -> None:
    from bot.config import Policy

    # An hour's wait from Monday's opening ends at 09:30, the very post time: it expires instead.
    policy = Policy(approval_escalate_after=timedelta(hours=1))
    assert deputies_asked_at(_cal(), policy, _jst(2026, 11, 30, 7, 0), _jst(2026, 11, 30, 9, 30)) is None
    assert deputies_asked_at(_cal(), policy, _jst(2026, 11, 30, 7, 0), _jst(2026, 11, 30, 9, 31)) == \
        _jst(2026, 11, 30, 9, 30)


def test_an_absence_registered_at_the_midnight_the_old_one_began_continues_it() -> None:
    assert absence_continues(_cal(), (MON, FRI_END), _jst(2026, 12, 1), MON)
