"""Signing again the versions whose duplicate signature is of an older release.

The intake reads every recent version signed by another signature version (or none) whole, and
the rule compares them all (storage.drafts._could_duplicate): correct, but after an upgrade that
changed the signature a busy city paid for it on every draft for 30 days (14.5 ms instead of
0.3 ms for the read alone with 5,000 such versions), and walked the index entries of the older
ones on every draft for good. ``kessai serve`` signs them again once at start, in the background;
the intake stays correct meanwhile, only slower.
"""

from __future__ import annotations

import logging
import threading
import time
from datetime import datetime

from bot.rules import duplicate_signature
from bot.rules.misc import DUPLICATE_SIGNATURE_VERSION
from bot.services import DUPLICATE_WINDOW
from storage import drafts as draft_repo
from storage.db import READS_ONLY, Database

log = logging.getLogger(__name__)

# Rows per transaction: each batch is committed, so a serve stopped midway keeps what it signed
# and the next start goes on from there, and no batch holds SQLite's write lock for long.
BATCH = 300


def resign_older_signatures(db: Database, now: datetime, *, batch: int = BATCH,
                           stopping: threading.Event | None = None) -> int:
    """Sign again, with this release's signature, the versions whose signature is missing or older;
    how many were changed. First those the intake's duplicate lookup covers (DUPLICATE_WINDOW and
    the versions' clock slack), which it reads whole and the rule compares for every draft; then
    the older ones, whose index entries alone it still walked on every draft, for good (the
    lookup's ``dup_version <`` range cannot be bounded by date in the index: 50,000 such versions
    from before kept the read at 7 ms on SQLite, 36 ms on PostgreSQL, instead of 1.3 and 3).

    Never a newer signature: during a rolling upgrade a replica of the release before may start,
    and must leave the newer replicas' signatures as they are. Two replicas doing it at once
    write the same values."""
    version = DUPLICATE_SIGNATURE_VERSION
    started = time.monotonic()
    changed = 0
    for since in (now - DUPLICATE_WINDOW - draft_repo.VERSION_CLOCK_SLACK, None):
        after_id = 0
        while stopping is None or not stopping.is_set():  # stopped, the next start goes on from here
            # Read, sign and write apart: the signatures are computed with no transaction open, so
            # SQLite's write lock is held only for the UPDATE, never while the rule's normalising runs.
            with db.session() as s:
                s.connection(execution_options={READS_ONLY: True})
                rows = draft_repo.versions_signed_before(s, version, since, after_id=after_id, limit=batch)
            if not rows:
                break
            signed = []
            for version_id, text in rows:
                sig = duplicate_signature(text)
                signed.append((version_id, sig.key, sig.numbers, sig.version))
            with db.session() as s:
                changed += draft_repo.sign_versions(s, signed)
            after_id = rows[-1][0]
    if changed:
        try:
            with db.session() as s:
                draft_repo.refresh_version_statistics(s)
        except Exception:
            # The signatures are written; only the planner's view of them waits for autovacuum.
            log.warning("could not have PostgreSQL analyse draft_versions after signing them again; its "
                        "autovacuum will within minutes, until then the intake's duplicate lookup may be slower",
                        exc_info=True)
        log.info("signed %d draft versions again with duplicate signature version %d in %.1f s "
                 "(written by an older kessai; the duplicate check reads fewer posts from now on)",
                 changed, version, time.monotonic() - started)
    return changed


def resign_older_signatures_in_background(db: Database, now: datetime,
                                         stopping: threading.Event | None = None) -> threading.Thread:
    """resign_older_signatures, while the bot already serves: thousands of rows take a few seconds,
    which start-up (and /healthz) need not wait for. A failure is logged; the next start tries again."""

    def run() -> None:
        try:
            resign_older_signatures(db, now, stopping=stopping)
        except Exception:
            log.exception("could not sign the recent draft versions again with this release's duplicate "
                          "signature; the duplicate check stays correct but slower, and the next start tries again")

    thread = threading.Thread(target=run, name="kessai-duplicate-signatures", daemon=True)
    thread.start()
    return thread
