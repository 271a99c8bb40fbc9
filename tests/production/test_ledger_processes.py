"""Decisions recorded by two processes at once keep one linear chain that `kessai ledger verify` passes."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from storage.db import Database
from tests.production.test_ledger_cli import kessai

REPO = Path(__file__).resolve().parents[2]

# Each process makes its own drafts (ids apart) and records a decision for each in its own
# transaction, as a replica's click handler does; both start at the same moment (a file appears).
WORKER = textwrap.dedent("""
    import sys, time
    from datetime import UTC, datetime
    from pathlib import Path
    from bot.ledger import content_hash
    from storage import ledger as ledger_repo
    from storage.db import Database
    from storage.models import DraftRow, DraftVersionRow

    url, first, count, go = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4])
    db = Database(url)
    while not go.exists():
        time.sleep(0.01)
    for i in range(first, first + count):
        now = datetime.now(UTC)
        with db.session() as s:
            h = content_hash(text=f"お知らせ{i}", account_id="joetsu-x", scheduled_at=None, alt_texts=[])
            s.add(DraftRow(id=i, account_id="joetsu-x", author_id="U0OPERATOR", channel="C0INTAKE",
                           message_ts=f"{i}.0", state="approved", current_version=1, created_at=now, updated_at=now))
            s.add(DraftVersionRow(draft_id=i, number=1, text=f"お知らせ{i}", content_hash=h, created_at=now))
            s.flush()
            ledger_repo.append(s, draft_id=i, version_number=1, kind="approved", content_hash=h,
                               decider_id="U0MANAGER", acting_for_id=None, reason=None, decided_at=now)
    db.dispose()
""")


def test_two_processes_recording_decisions_at_once_keep_one_chain(db: Database, db_url: str, tmp_path: Path) -> None:
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [subprocess.Popen([sys.executable, "-c", WORKER, db_url, str(first), "40", str(go)], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for first in (1, 1001)]
    go.touch()
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
    r = kessai(db_url, "ledger", "verify")
    assert r.returncode == 0 and "80 件" in r.stdout, (r.stdout, r.stderr)
