"""``kessai ledger verify`` while the bot records a decision: what it reads is one moment of the ledger."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text
from sqlmodel import Session

from bot.ledger import content_hash
from storage import ledger as ledger_repo
from storage.db import Database
from storage.models import DraftRow, DraftVersionRow
from tests.production.test_ledger_cli import Ran, kessai


def _decide(s: Session, i: int) -> None:
    now = datetime.now(UTC)
    h = content_hash(text=f"下書き{i}", account_id="joetsu-x", scheduled_at=None, alt_texts=[])
    s.add(DraftRow(id=i, account_id="joetsu-x", author_id="U0OPERATOR", channel="C0INTAKE", message_ts=f"{i}.0",
                   state="approved", current_version=1, created_at=now, updated_at=now))
    s.add(DraftVersionRow(draft_id=i, number=1, text=f"下書き{i}", content_hash=h, created_at=now))
    s.flush()
    ledger_repo.append(s, draft_id=i, version_number=1, kind="approved", content_hash=h, decider_id="U0MANAGER",
                       acting_for_id=None, reason=None, decided_at=now)


def test_a_decision_recorded_while_verify_reads_is_no_tampering(postgres: Database) -> None:
    """PostgreSQL (LOCK TABLE holds verify between its reads); SQLite below."""
    with postgres.session() as s:
        for i in (1, 2):
            _decide(s, i)
    url = postgres.engine.url.render_as_string(hide_password=False)
    ran: list[Ran] = []
    with postgres.session() as s:
        # The writer holds the entries' table while verify has read the head and waits to read the
        # entries: the decision commits between verify's two reads.
        s.execute(text("LOCK TABLE ledger_entries IN ACCESS EXCLUSIVE MODE"))
        _decide(s, 3)
        verify = threading.Thread(target=lambda: ran.append(kessai(url, "ledger", "verify")))
        verify.start()
        with postgres.engine.connect() as watch:
            # pg_locks shows every database of the server, and each test database is a copy of one
            # template, its tables under the same OIDs: without the database, a session of another
            # pytest-xdist worker waiting on its own ledger_entries let the writer commit before
            # verify had read anything. What must come is bounded generously (verify runs in a
            # thread of this process, slowly on a loaded host); it ends as soon as it comes.
            deadline = time.monotonic() + 60
            while not (waiting := watch.execute(text(
                    "SELECT count(*) FROM pg_locks WHERE NOT granted AND relation = 'ledger_entries'::regclass"
                    " AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            )).scalar_one()) and time.monotonic() < deadline:
                time.sleep(0.01)
            assert waiting, "verify never waited for the entries"
    verify.join(timeout=60)
    (r,) = ran
    assert r.returncode == 0, r.stderr
    assert "2 件" in r.stdout or "3 件" in r.stdout


def test_on_sqlite_a_decision_recorded_between_the_reads_is_not_seen(tmp_path: Path) -> None:
    """What verify's session reads on SQLite: the head and the entries of one moment, while a
    decision is recorded in between (it no longer waits for verify's reads)."""
    db = Database(f"sqlite:///{tmp_path / 'kessai.db'}")
    db.upgrade()
    with db.session() as s:
        _decide(s, 1)
    with db.session() as s:
        ledger_repo.read_one_moment(s)
        head = ledger_repo.head(s)
        with db.session() as other:
            _decide(other, 2)
        assert head[0] == len(list(ledger_repo.iter_entries(s))) == 1
        assert ledger_repo.decided_without_entry(s) is None
    db.dispose()
