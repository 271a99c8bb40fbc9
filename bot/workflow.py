"""The life of a draft, as pure code: its states, and when the deputies are asked to decide.

    checking ─┬─ clean ──────────► pending ─┬─ approve ─► approved ─┐
              ├─ blocking ───────► needs_fix │  reject ──► rejected  ├─ publish ─► published
              └─ clean + 決裁省略 ─► exempt ──┼───────────────────────┘
    needs_fix ── override (with reason) ─► pending   expire: pending ─► expired
    edit: any state before publication ─► checking (a pending request or a decision is voided)
    withdraw (the intake message deleted): any state before publication ─► withdrawn (likewise)
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING

from bot.calendar import business_instant_before, next_business_instant
from bot.utc import as_utc

if TYPE_CHECKING:
    from bot.calendar import BusinessCalendar
    from bot.config import Policy


class DraftState(StrEnum):
    CHECKING = "checking"
    NEEDS_FIX = "needs_fix"
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    EXPIRED = "expired"
    EXEMPT = "exempt"
    PUBLISHED = "published"
    WITHDRAWN = "withdrawn"


class DraftEvent(StrEnum):
    CHECKED_CLEAN = "checked_clean"
    CHECKED_BLOCKING = "checked_blocking"
    CHECKED_EXEMPT = "checked_exempt"
    OVERRIDE = "override"
    APPROVE = "approve"
    REJECT = "reject"
    EXPIRE = "expire"
    PUBLISH = "publish"
    EDIT = "edit"
    WITHDRAW = "withdraw"


STATE_LABELS_JA: dict[DraftState, str] = {
    DraftState.CHECKING: "確認中",
    DraftState.NEEDS_FIX: "要修正",
    DraftState.PENDING: "決裁待ち",
    DraftState.APPROVED: "承認済み",
    DraftState.REJECTED: "差戻し",
    DraftState.EXPIRED: "期限切れ",
    DraftState.EXEMPT: "決裁省略",
    DraftState.PUBLISHED: "投稿済み",
    DraftState.WITHDRAWN: "取り下げ",
}

def state_ja(state: str) -> str:
    """The Japanese label of a state (the raw value for one we do not know)."""
    try:
        return STATE_LABELS_JA[DraftState(state)]
    except ValueError:
        return state


_S, _E = DraftState, DraftEvent
_EDITABLE = (_S.NEEDS_FIX, _S.PENDING, _S.APPROVED, _S.REJECTED, _S.EXPIRED, _S.EXEMPT)

TRANSITIONS: dict[tuple[DraftState, DraftEvent], DraftState] = {
    (_S.CHECKING, _E.CHECKED_CLEAN): _S.PENDING,
    (_S.CHECKING, _E.CHECKED_BLOCKING): _S.NEEDS_FIX,
    (_S.CHECKING, _E.CHECKED_EXEMPT): _S.EXEMPT,
    (_S.NEEDS_FIX, _E.OVERRIDE): _S.PENDING,
    (_S.PENDING, _E.APPROVE): _S.APPROVED,
    (_S.PENDING, _E.REJECT): _S.REJECTED,
    (_S.PENDING, _E.EXPIRE): _S.EXPIRED,
    (_S.APPROVED, _E.PUBLISH): _S.PUBLISHED,
    (_S.EXEMPT, _E.PUBLISH): _S.PUBLISHED,
    **{(s, _E.EDIT): _S.CHECKING for s in _EDITABLE},
    **{(s, _E.WITHDRAW): _S.WITHDRAWN for s in (_S.CHECKING, *_EDITABLE)},
}

# A decision (or an open request) on the old version stops meaning anything once the text changes.
VOIDED_BY_EDIT = frozenset({_S.PENDING, _S.APPROVED, _S.EXEMPT})


class InvalidTransition(Exception):
    def __init__(self, state: DraftState, event: DraftEvent) -> None:
        super().__init__(f"{event.value} is not allowed in state {state.value}")
        self.state = state
        self.event = event


def next_state(state: DraftState | str, event: DraftEvent | str) -> DraftState:
    s, e = DraftState(state), DraftEvent(event)
    try:
        return TRANSITIONS[(s, e)]
    except KeyError:
        raise InvalidTransition(s, e) from None


def can(state: DraftState | str, event: DraftEvent | str) -> bool:
    return (DraftState(state), DraftEvent(event)) in TRANSITIONS


def is_decidable(state: DraftState | str) -> bool:
    return DraftState(state) is DraftState.PENDING


def _slack_time(ts: str) -> tuple[int, int] | None:
    """A Slack timestamp (「1700000000.000200」) as (seconds, micro); None when it is not one."""
    seconds, dot, micro = ts.partition(".")
    if not (seconds.isascii() and seconds.isdigit() and (not dot or (micro.isascii() and micro.isdigit()))):
        return None
    return int(seconds), int(micro.ljust(6, "0")[:6]) if micro else 0


def slack_time_or_none(ts: str | None) -> str | None:
    """``ts`` when it reads as a Slack timestamp, else None (a change untimed)."""
    return ts if ts is not None and _slack_time(ts) is not None else None


def is_stale_edit(changed_ts: str | None, applied_ts: str | None) -> bool:
    """Whether a change of a draft's message that Slack timed ``changed_ts`` is older than (or the
    same as) the change already applied at ``applied_ts``. Each ``message_changed`` event carries
    the whole message as it stood at the event's own ``ts``: an edit (whose ``ts`` is its
    ``edited.ts``), and as much a link's preview added or a picture deleted, which get a ``ts`` of
    their own and keep the ``edited.ts`` of the last edit. The latest of them shows the message;
    Slack retries an undelivered event minutes later, after newer ones, with its old ``ts``. A
    change not timed, or timed in a way that cannot be read, is never stale: whether it changes
    the text or the files then decides."""
    if changed_ts is None or applied_ts is None:
        return False
    new, applied = _slack_time(changed_ts), _slack_time(applied_ts)
    return new is not None and applied is not None and new <= applied


# -- when the deputies are asked (SPEC 4.3: 代決 after approval_escalate_after) ----------------------
# A pending draft whose scheduled time is this much business time away is brought to the approvers'
# attention once more (and handed to the deputies if the usual hand-off would come too late): a
# draft sent on 12/28 16:00 for 1/4 09:00 would otherwise expire before its first reminder.
DUE_SOON_LEAD = timedelta(hours=1)
# ...unless it has waited less than this by then: the request itself, just sent, shows the time.
DUE_SOON_MIN_WAIT = timedelta(minutes=30)


def deputies_due(cal: BusinessCalendar, policy: Policy, since: datetime, scheduled_at: datetime | None,
                 now: datetime, *, given_back: datetime | None = None) -> bool:
    """Whether the sweep hands a draft pending since ``since`` to the deputies by ``now``: it has
    waited ``approval_escalate_after`` of business time, or its scheduled time is DUE_SOON_LEAD
    away and that wait would not end before then (``bot.sweep.Sweeper._due_soon``). ``Kessai.take_back``
    asks it too: a deputy's request it withdrew would otherwise be asked again in the same sweep.

    ``given_back``: when the approver a deputy stood in for was asked on their return
    (``storage.drafts.given_back_at``). The wait counts from then: that request is the one not
    decided in time (SPEC 4.3), and counted from ``since`` the deputy withdrawn at 08:30 was asked
    again as late an hour later."""
    since, now = as_utc(since), now.astimezone(UTC)
    if cal.business_time_between(escalation_start(since, given_back), now) >= policy.approval_escalate_after:
        return True
    return scheduled_at is not None and due_soon_hand_off(cal, policy, since, as_utc(scheduled_at), now,
                                                          given_back=given_back)


def due_soon_at(cal: BusinessCalendar, since: datetime, at: datetime) -> datetime | None:
    """When a draft pending since ``since`` and scheduled at ``at`` is brought to the approvers'
    attention (``bot.sweep.Sweeper._due_soon``); None when it is not. DUE_SOON_LEAD of business time
    before ``at``, if the draft had waited DUE_SOON_MIN_WAIT of business time by then: the request
    itself, just sent, shows the time. A request that came on an earlier day than that instant's
    working day (on a Saturday, a holiday, the evening before, or the afternoon before 年末年始) is
    brought up at the opening of the first working day after it instead, when that comes before
    ``at``: a draft sent on Saturday for Monday 09:00 had no business hour to wait before its due
    instant (the Friday before), and expired at 09:00 with nobody reminded at 08:30."""
    since, at = as_utc(since), as_utc(at)
    due = business_instant_before(cal, at, DUE_SOON_LEAD)
    if cal.business_time_between(since, due) >= DUE_SOON_MIN_WAIT:
        return due
    if cal.is_business_instant(since):
        local = since.astimezone(cal.zone)
        opening = next_business_instant(
            cal, datetime.combine(local.date() + timedelta(days=1), time(0), cal.zone))
    else:
        opening = next_business_instant(cal, since)
    if opening.astimezone(cal.zone).date() <= since.astimezone(cal.zone).date():
        return None  # sent this very morning before opening: the request is fresh in hand
    when = max(opening, due)
    return when if when < at else None


def request_in_hand_at(cal: BusinessCalendar, asked: datetime, *, held: bool = False) -> datetime:
    """From when a request written at ``asked`` is in its recipient's hands, for the due-soon
    reminder's DUE_SOON_MIN_WAIT: the opening of the same day for one written that night or early
    morning (the sweep holds what it writes then until the opening, ``Sweeper._hold_outside_hours``,
    and a request sent by hand then is found on arriving), as ``due_soon_at`` treats a draft sent
    before opening on the day. A deputy asked at 00:01 got the request, the reminder and the thread's
    call together at 08:30. One written on an earlier day (a Saturday, the evening before) has been
    there since: it is brought up again at the opening. A pure function of the time and the
    calendar, so that it does not depend on when the outbox happened to deliver the DM.

    ``held``: a request the sweep writes at the midnight an absence begins (a deputy's), whose DM
    waits for the next business instant whatever day that is: one written at Saturday 00:01 for a week off from Saturday reaches the deputy at Monday's opening, as one
    written at Monday 00:01 does, and counted from Saturday the deputy got the request, the
    reminder and the thread's call together at 08:30 all the same."""
    asked = as_utc(asked)
    opening = next_business_instant(cal, asked)
    if held or opening.astimezone(cal.zone).date() == asked.astimezone(cal.zone).date():
        return opening
    return asked


def due_soon(cal: BusinessCalendar, since: datetime, at: datetime, now: datetime) -> bool:
    """Whether a draft pending since ``since`` and scheduled at ``at`` is brought to the approvers'
    attention by ``now`` (``due_soon_at``), and its scheduled time has not come."""
    when = due_soon_at(cal, since, at)
    return when is not None and when <= now < as_utc(at)


def escalation_start(since: datetime, given_back: datetime | None) -> datetime:
    """From when ``approval_escalate_after`` counts (``deputies_due``)."""
    since = as_utc(since)
    return since if given_back is None else max(since, as_utc(given_back))


def due_soon_hand_off(cal: BusinessCalendar, policy: Policy, since: datetime, at: datetime, now: datetime,
                      *, given_back: datetime | None = None) -> bool:
    """``bot.sweep.Sweeper._due_soon``'s hand-off: the draft is ``due_soon``, and the usual
    escalation (``deputies_due``) would come at its due-soon instant (``due_soon_at``) or after it."""
    # Not only one at ``at`` or after it (the sweep expires the draft before it escalates): one in
    # the last hour left the deputies minutes to decide, as a draft sent on Tuesday 09:59 for
    # Wednesday 10:00, handed to them at 09:59.
    if not due_soon(cal, since, at, now):
        return False
    due = due_soon_at(cal, since, at)
    return due is not None and cal.add_business_time(
        escalation_start(since, given_back), policy.approval_escalate_after) >= due


def deputies_asked_at(cal: BusinessCalendar, policy: Policy, since: datetime, scheduled_at: datetime | None,
                      *, given_back: datetime | None = None) -> datetime | None:
    """When the sweep hands a draft pending since ``since`` to the deputies (``deputies_due``): after
    ``approval_escalate_after`` of business time, or at its due-soon instant (``due_soon_at``) when
    that comes first or at the same time; None when neither comes before its scheduled time (the
    draft expires first). The time the approvers' reminder promises (「…までに決裁がない場合は」)."""
    usual = cal.add_business_time(escalation_start(since, given_back), policy.approval_escalate_after)
    if scheduled_at is None:
        return usual
    at = as_utc(scheduled_at)
    due = due_soon_at(cal, since, at)
    if due is not None and usual >= due:
        return due
    return usual if usual < at else None


# -- absences (SPEC 4.3: 代決 stands in for an absent approver only) -----------------------------
def absence_over(cal: BusinessCalendar, until: datetime, now: datetime) -> bool:
    """Whether an absence that ran until ``until`` (the midnight after its last day) is over by
    ``now``: the approver's first business instant after it has come. Until then the approver is
    not at work (an absence to Friday runs over the weekend), and the deputies stand in for them."""
    return next_business_instant(cal, as_utc(until)) <= now


def nobody_at_work_key(draft_id: int, version: int) -> str:
    """The claim that the thread was told nobody at work holds ``version`` (once per version)."""
    return f"approval.nobody:{draft_id}:v{version}"


def absence_ended_key(approver: str, until: datetime) -> str:
    """The claim of the give-back at the end of ``approver``'s absence until ``until``: the sweep's
    (``Sweeper._absences_ended``) and a deputy's click's (``Kessai.give_back_now``) are one, so
    that it is done once whichever comes first, on any replica."""
    return f"away.ended:{approver}:{as_utc(until):%Y%m%dT%H%M%S}"


def escalation_key(draft_id: int, version: int) -> str:
    """The claim of ``version``'s escalation to the deputies (``Sweeper._approvals``), once per version."""
    return f"approval.escalate:{draft_id}:v{version}"


def deputy_back_key(deputy: str, until: datetime) -> str:
    """The claim of the hand-off to a deputy back from the absence until ``until``
    (``Kessai.ask_deputy_back``): the sweep's at their first business instant, or `/kessai away off`
    and a later absence that overwrites the one stored, whichever comes first, once, on any replica."""
    return f"deputy.back:{deputy}:{as_utc(until):%Y%m%dT%H%M%S}"


def absence_continues(cal: BusinessCalendar, before: tuple[datetime, datetime] | None, begins: datetime,
                      now: datetime) -> bool:
    """Whether a new absence from ``begins``, registered at ``now``, continues ``before`` (the
    person's absence as stored: from, until) instead of replacing it (``Kessai.set_away``): the old
    one is in effect, and the new one begins before the person is back at work from it (by its
    end's next business instant: tomorrow, or Monday after a Friday). Giving the deputies' requests
    back at 15:00 left the draft with an absent approver until the midnight that asked the deputies
    again. Only today's part of the old absence counts: a later day of it that the new period
    leaves out is a day back at work (away until Friday, back on Tuesday, registering Thursday
    alone), as the replacement says."""
    if before is None or as_utc(before[0]) > now or absence_over(cal, before[1], now):
        return False
    tonight = datetime.combine(now.astimezone(cal.zone).date() + timedelta(days=1), time(0), cal.zone)
    return begins <= next_business_instant(cal, min(as_utc(before[1]), tonight))


def back_at_work(cal: BusinessCalendar, policy: Policy, until: datetime, since: datetime,
                 scheduled_at: datetime | None, now: datetime, *, given_back: datetime | None = None) -> bool:
    """Whether a deputy's request made for an approver absent until ``until`` goes back to the
    approver by ``now`` (``Kessai.take_back``; a deputy's click meanwhile is refused): the absence
    is over (``absence_over``), and the draft, pending since ``since``, has not waited long enough
    for the deputies to keep it as an escalation (``deputies_due``)."""
    return absence_over(cal, until, now) and not deputies_due(cal, policy, since, scheduled_at, now,
                                                              given_back=given_back)
