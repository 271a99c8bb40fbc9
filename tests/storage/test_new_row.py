"""storage.models.new_row, the intake's cheap stand-in for a table model's constructor: the object
it makes must be the one the constructor makes, for the ORM and for pydantic alike."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import inspect
from sqlmodel import SQLModel, select

from storage import drafts
from storage.db import Database
from storage.models import DraftRow, DraftVersionRow, OutboxRow, new_row

REPO = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
DRAFT = dict(account_id="joetsu-x", author_id="U0OPERATOR", channel="C0INTAKE", message_ts="1.000001",
             state="pending", current_version=1, created_at=NOW, updated_at=NOW, source="channel",
             category="normal", edited_ts=None)
VERSION = dict(draft_id=0, number=1, text="高田城址公園の紅葉が見頃です。", scheduled_at=None, alt_texts=["桜"],
               image_count=1, video_count=0, portrait_consent=False, note=None, files=[], content_hash="0" * 64,
               created_at=NOW, dup_key="k", dup_numbers="", dup_version=3)
OUTBOX = dict(id=7, op="post", payload={"channel": "U0MANAGER", "text": "承認依頼"}, message_key="dm:1:1:U0MANAGER",
              thread_key=None, status="pending", attempts=0, next_attempt_at=NOW, claimed_until=NOW, created_at=NOW,
              last_error=None)


@pytest.mark.parametrize(("cls", "values"), [(DraftRow, DRAFT), (DraftVersionRow, VERSION), (OutboxRow, OUTBOX),
                                             (OutboxRow, {"op": "post", "next_attempt_at": NOW, "created_at": NOW})])
def test_the_same_object_as_the_constructor_makes(cls: type[SQLModel], values: dict[str, Any]) -> None:
    made, built = new_row(cls, **values), cls(**values)
    assert made.model_dump() == built.model_dump()
    assert made.model_fields_set == built.model_fields_set
    assert inspect(made).transient and inspect(made).mapper is inspect(built).mapper


def test_a_default_factory_gives_each_row_its_own_value() -> None:
    a = new_row(OutboxRow, op="post", next_attempt_at=NOW, created_at=NOW)
    b = new_row(OutboxRow, op="post", next_attempt_at=NOW, created_at=NOW)
    a.payload["text"] = "a"
    assert b.payload == {}


def test_a_row_inserted_through_core_then_changed_is_updated(db: Database) -> None:
    """drafts._persistent attaches it: a later change in the transaction must still reach the database."""
    with db.session() as s:
        d = new_row(DraftRow, **DRAFT)
        assert drafts.insert_draft_with_version(s, d, new_row(DraftVersionRow, **VERSION))
        d.state = "approved"
    with db.session() as s:
        stored = s.exec(select(DraftRow)).one()
        assert stored.state == "approved"
        assert drafts.version(s, stored.id or 0, 1) is not None


def test_a_row_added_to_the_session_is_inserted(db: Database) -> None:
    with db.session() as s:
        s.add(new_row(DraftRow, **DRAFT))
    with db.session() as s:
        stored = s.exec(select(DraftRow)).one()
        assert (stored.message_ts, stored.account_id, stored.state) == ("1.000001", "joetsu-x", "pending")


def test_the_first_row_of_a_fresh_process_can_be_changed() -> None:
    """Before any query the mappers are not configured yet (the constructor configures them); a
    draft made first thing after a start could not have its state set."""
    code = ("from datetime import datetime, UTC\n"
            "from storage.models import DraftRow, new_row\n"
            "d = new_row(DraftRow, channel='C0INTAKE', message_ts='1.1', state='checking', current_version=1,"
            " created_at=datetime.now(UTC), updated_at=datetime.now(UTC), author_id='U0OPERATOR')\n"
            "d.state = 'pending'\n"
            "d.id = 1\n"
            "print(d.state, d.id)\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       env={**os.environ, "PYTHONPATH": str(REPO)})
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["pending", "1"]
