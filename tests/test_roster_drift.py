"""``Kessai.roster_drift`` reads only the waiting drafts whose requests the recorded roster shows
drifting (``storage.drafts.pending_requests``), not every waiting request each minute. These pin
that every kind of drift is still found, and nothing else, on SQLite and PostgreSQL: a request
held by someone the file dropped (approver or deputy), by the draft's author, or on an account the
file removed; an approver who holds none, unless away — also at the instant an absence begins or
ends; and nothing while another process's file is the one recorded (a rolling restart)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, update

from bot import errors
from bot.config import OrgConfig
from bot.services import Kessai
from storage import away as away_repo
from storage import roster
from storage.db import Database
from storage.models import ApprovalRequestRow, DraftRow, DraftVersionRow
from tests.e2e.test_roster_change import APPROVERS_LINE, edited_org, org_without_insta

NOW = datetime(2026, 11, 11, 1, 0, tzinfo=UTC)  # a Wednesday, 10:00 in Japan
MIDNIGHT = datetime(2026, 11, 11, 15, 0, tzinfo=UTC)  # 00:00 on the 12th in Japan

# draft id → (account, author, [(recipient, acting_for, reason)]), each pending at version 2 (its
# version-1 requests are history: they must not count as held).
DRAFTS: dict[int, tuple[str, str, list[tuple[str, str | None, str]]]] = {
    1: ("joetsu-x", "U0OPERATOR", [("U0MANAGER", None, "normal"), ("U0CHIEF", None, "normal")]),  # in line
    2: ("joetsu-x", "U0OPERATOR", [("U0MANAGER", None, "normal")]),  # 春日山 holds none
    3: ("joetsu-x", "U0OPERATOR", [("U0DEPUTY", "U0MANAGER", "away"), ("U0CHIEF", None, "normal")]),  # 代決
    4: ("joetsu-insta", "U0OPERATOR2", [("U0MANAGER", None, "normal"), ("U0CHIEF", None, "normal")]),
    5: ("joetsu-x", "U0OPERATOR", [("U0MANAGER", None, "normal"), ("U0CHIEF", None, "normal"),
                                   ("U0DEPUTY", None, "normal")]),  # a deputy without 代決
    6: ("joetsu-x", "U0MANAGER", [("U0MANAGER", None, "normal"), ("U0CHIEF", None, "normal")]),  # the author
    7: ("joetsu-x", "U0OPERATOR", [("U0MANAGER", None, "normal"), ("U0CHIEF", None, "removed")]),  # retracted
    8: ("joetsu-insta", "U0OPERATOR2", [("U0MANAGER", None, "normal")]),  # in line
    9: ("joetsu-insta", "U0OPERATOR2", []),  # holds nothing
}


def _populate(db: Database, org: OrgConfig) -> None:
    with db.session() as s:
        roster.sync(s, org)
    drafts, versions, requests = [], [], []
    for i, (account, author, held) in DRAFTS.items():
        drafts.append({"id": i, "account_id": account, "author_id": author, "channel": "C0INTAKE",
                       "message_ts": f"1700000000.{i:06d}", "state": "pending", "current_version": 2,
                       "category": "normal", "source": "channel", "created_at": NOW, "updated_at": NOW})
        versions += [{"draft_id": i, "number": n, "text": f"お知らせ {i}", "alt_texts": [], "image_count": 0,
                      "portrait_consent": False, "content_hash": "0" * 64, "created_at": NOW} for n in (1, 2)]
        # Version 1 was asked of everyone: a request held then is not one held now.
        requests += [{"draft_id": i, "version_number": 1, "recipient_id": who, "acting_for_id": None,
                      "reason": "normal", "created_at": NOW} for who in ("U0MANAGER", "U0CHIEF", "U0DEPUTY")]
        requests += [{"draft_id": i, "version_number": 2, "recipient_id": who, "acting_for_id": acting_for,
                      "reason": reason, "created_at": NOW} for who, acting_for, reason in held]
    # A draft decided long ago, whose request the file no longer allows: not waiting, not drift.
    drafts.append({**drafts[3], "id": 10, "message_ts": "1700000000.000010", "state": "approved"})
    versions += [{**versions[0], "draft_id": 10}, {**versions[1], "draft_id": 10}]
    requests.append({**requests[-1], "draft_id": 10, "version_number": 2, "recipient_id": "U0STRANGER"})
    with db.engine.begin() as c:
        for table, rows in ((DraftRow, drafts), (DraftVersionRow, versions), (ApprovalRequestRow, requests)):
            c.execute(insert(table.__table__), rows)  # type: ignore[attr-defined]


def _drift(db: Database, org: OrgConfig, at: datetime = NOW) -> tuple[list[int], list[int]]:
    """(with ``ask``, without) as the sweep of a process started with ``org`` sees them."""
    kessai = Kessai(db, org, clock=lambda: at)
    with db.session() as s:
        return kessai.roster_drift(s, at, ask=True), kessai.roster_drift(s, at, ask=False)


def test_every_kind_of_drift_is_found_and_nothing_else(db: Database, org: OrgConfig) -> None:
    _populate(db, org)
    # 2: 春日山 holds none; 3: 上越 (for whom 直江 stands in) is not away, so is asked; 4: 春日山 is
    # no approver of the Instagram account; 5: 直江 holds a request not 代決; 6: the author holds
    # one; 7: 春日山's request was retracted; 9: 上越 holds none.
    assert _drift(db, org) == ([2, 3, 4, 5, 6, 7, 9], [4, 5, 6])


def test_an_absence_that_begins_at_midnight_hides_drift_only_from_then(db: Database, org: OrgConfig) -> None:
    _populate(db, org)
    with db.session() as s:
        away_repo.set_away(s, "U0CHIEF", MIDNIGHT, MIDNIGHT + timedelta(days=2))
        away_repo.set_away(s, "U0MANAGER", MIDNIGHT, MIDNIGHT + timedelta(days=1))
    assert _drift(db, org, MIDNIGHT - timedelta(microseconds=1))[0] == [2, 3, 4, 5, 6, 7, 9]
    # Those the file does not name for their requests drift whoever is away; and 9, held by nobody
    # with its only approver away, for its deputy to be asked in their place — or, the deputy away
    # too, the absent approver, so that someone holds it.
    assert _drift(db, org, MIDNIGHT) == ([4, 5, 6, 9], [4, 5, 6])
    with db.session() as s:
        away_repo.set_away(s, "U0DEPUTY", MIDNIGHT, MIDNIGHT + timedelta(hours=1))
    assert _drift(db, org, MIDNIGHT) == ([4, 5, 6, 9], [4, 5, 6])
    # 上越 is back the next midnight (3 and 9 lack them again), 春日山 a day later (2 and 7).
    assert _drift(db, org, MIDNIGHT + timedelta(days=1))[0] == [3, 4, 5, 6, 9]
    assert _drift(db, org, MIDNIGHT + timedelta(days=2))[0] == [2, 3, 4, 5, 6, 7, 9]


def test_an_approver_removed_from_the_file_is_found_once_the_file_is_recorded(db: Database, org: OrgConfig) -> None:
    _populate(db, org)
    without_chief = edited_org((APPROVERS_LINE, 'approvers = ["U0MANAGER"]\ndeputies = ["U0DEPUTY"]'))
    # Another process still has the old file recorded (a rolling restart): nothing is acted on
    # for its accounts, lest the two undo each other every minute.
    assert _drift(db, without_chief) == ([4, 9], [4])
    with db.session() as s:
        roster.sync(s, without_chief)
    # 春日山's requests on 1, 3 and 6 now drift too; lacking 春日山 (2, 7) no longer does.
    assert _drift(db, without_chief) == ([1, 3, 4, 5, 6, 9], [1, 3, 4, 5, 6])
    # The process that still has the old file leaves them all alone, as above.
    assert _drift(db, org) == ([4, 9], [4])


def test_a_deputy_standing_in_for_an_approver_removed_from_the_file_is_found(db: Database, org: OrgConfig) -> None:
    """3: 直江 stands in for 上越, whom the file no longer names as an approver (異動): his 代決
    request is drift even when every approver the file names holds one (no ``ask`` needed)."""
    _populate(db, org)
    without_manager = edited_org((APPROVERS_LINE, 'approvers = ["U0CHIEF"]\ndeputies = ["U0DEPUTY"]'))
    with db.session() as s:
        roster.sync(s, without_manager)
    # 上越's requests on 1, 2, 5, 6 and 7 drift; 3 for its deputy's; 7's 春日山 holds none.
    assert _drift(db, without_manager) == ([1, 2, 3, 4, 5, 6, 7, 9], [1, 2, 3, 4, 5, 6, 7])


def test_a_deputy_asked_for_a_slow_approver_removed_from_the_file_is_found(db: Database, org: OrgConfig) -> None:
    """3, its 直江 asked because 上越 was slow ("escalated"), not away: 上越 left the account, so
    his request is drift too (it is re-pointed, not retracted) — and none while 上越 stays."""
    _populate(db, org)
    with db.engine.begin() as c:
        c.execute(update(ApprovalRequestRow).where(ApprovalRequestRow.draft_id == 3,  # type: ignore[arg-type]
                                                   ApprovalRequestRow.recipient_id == "U0DEPUTY")  # type: ignore[arg-type]
                  .values(reason="escalated"))
    assert _drift(db, org)[1] == [4, 5, 6]
    without_manager = edited_org((APPROVERS_LINE, 'approvers = ["U0CHIEF"]\ndeputies = ["U0DEPUTY"]'))
    with db.session() as s:
        roster.sync(s, without_manager)
    assert _drift(db, without_manager) == ([1, 2, 3, 4, 5, 6, 7, 9], [1, 2, 3, 4, 5, 6, 7])


def test_the_requests_of_an_account_removed_from_the_file_are_found(db: Database, org: OrgConfig) -> None:
    _populate(db, org)
    smaller = org_without_insta()
    with db.session() as s:
        roster.sync(s, smaller)
    # 4 and 8 hold requests on the removed account; 9 holds none, so there is nothing to retract.
    assert _drift(db, smaller) == ([2, 3, 4, 5, 6, 7, 8], [4, 5, 6, 8])


def test_an_approver_missing_from_the_recorded_roster_is_told_whom_to_ask(db: Database, org: OrgConfig) -> None:
    # The file names 春日山 as an approver, the members table (not yet written from it) does not: the
    # refusal said only 「組織設定に登録されていない」, to someone the file does name, and nothing to do next.
    kessai = Kessai(db, org, clock=lambda: NOW)
    with pytest.raises(errors.InvalidInput) as refused:
        kessai.set_away("U0MANAGER", date(2026, 11, 20), date(2026, 11, 21))
    assert refused.value.message_ja == ("kessai の職員名簿にあなたがまだ登録されていないため、不在を登録できませんでした（何も登録していません）。"
                                        "続く場合は、システム管理者（IT 担当）にご相談ください。")
    with db.session() as s:
        assert away_repo.absence(s, "U0MANAGER") is None
