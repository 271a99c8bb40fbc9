"""The draft state machine: every allowed transition, and every refused one."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from bot.workflow import (
    STATE_LABELS_JA,
    TRANSITIONS,
    VOIDED_BY_EDIT,
    DraftEvent,
    DraftState,
    InvalidTransition,
    can,
    is_decidable,
    is_stale_edit,
    next_state,
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
    assert S.PENDING in VOIDED_BY_EDIT and S.APPROVED in VOIDED_BY_EDIT
    assert S.REJECTED not in VOIDED_BY_EDIT and S.NEEDS_FIX not in VOIDED_BY_EDIT


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
    assert [m for m in loaded if m.split(".")[0] == "bot"] == ["bot", "bot.utc"]
