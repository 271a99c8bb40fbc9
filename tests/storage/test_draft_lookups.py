"""/kessai status and 投稿済みにする read what they need, not ten years of drafts (migration 0017)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event
from sqlmodel import Session

from bot.publication import post_key_digest
from storage import drafts
from storage.db import Database
from storage.models import DraftRow

NOW = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)
SINCE = NOW - timedelta(days=7)


def add(s: Session, n: int, state: str, *, author: str = "U0OPERATOR", age: timedelta = timedelta(0)) -> int:
    row = DraftRow(account_id="joetsu-x", author_id=author, channel="C0INTAKE", message_ts=f"1700000000.{n:06d}",
                   state=state, created_at=NOW - age - timedelta(hours=1), updated_at=NOW - age)
    s.add(row)
    s.flush()
    assert row.id is not None
    return row.id


def test_status_lists_drafts_in_progress_and_lately_ended_only(db: Database) -> None:
    with db.session() as s:
        wanted = [add(s, 1, "pending", age=timedelta(days=900)),  # waiting for years: still in progress
                  add(s, 2, "needs_fix"), add(s, 3, "approved", age=timedelta(days=30)), add(s, 4, "exempt"),
                  add(s, 5, "checking"),
                  add(s, 6, "rejected", age=timedelta(days=6)), add(s, 7, "expired", age=timedelta(days=1))]
        for n, state in enumerate(("published", "withdrawn"), start=10):
            add(s, n, state)
        add(s, 20, "rejected", age=timedelta(days=8))  # ended before the period shown
        add(s, 21, "expired", age=timedelta(days=400))
        add(s, 22, "pending", author="U0OPERATOR2")
    with db.session() as s:
        mine, total = drafts.not_final(s, "U0OPERATOR", ended_since=SINCE, limit=20)
        assert ([d.id for d in mine], total) == (wanted, 7)
        oldest, total = drafts.not_final(s, "U0OPERATOR", ended_since=SINCE, limit=3)
        assert ([d.id for d in oldest], total) == (wanted[:3], 7)
        assert drafts.not_final(s, "U0NOBODY", ended_since=SINCE, limit=20) == ([], 0)


def test_a_post_is_found_under_its_digest_only(db: Database) -> None:
    first, again, other = ("https://x.com/joetsu_city_example/status/111?s=20",
                           "https://twitter.com/Joetsu_City_Example/status/111/photo/1",
                           "https://x.com/joetsu_city_example/status/112")
    with db.session() as s:
        ids = [add(s, n, "approved") for n in range(3)]
        for draft_id, url in zip(ids[:2], (first, other), strict=True):
            assert drafts.mark_published(s, draft_id, expected_state="approved", expected_version=1, url=url,
                                         key=post_key_digest(url), at=NOW, by="U0OPERATOR", now=NOW)
    with db.session() as s:
        assert drafts.published_as(s, post_key_digest(again)) == [(ids[0], "joetsu-x", first)]
        assert drafts.published_as(s, post_key_digest(other)) == [(ids[1], "joetsu-x", other)]
        assert drafts.published_as(s, post_key_digest("https://x.com/joetsu_city_example/status/113")) == []


def test_a_post_registered_by_a_replica_still_on_0016_is_refused_again(db: Database) -> None:
    """A rolling upgrade: a replica on the old code marks a draft published with no digest. Read by
    its digest only, that post was never matched again, and one post counted for two drafts."""
    from sqlalchemy import update

    url = "https://x.com/joetsu_city_example/status/77"
    with db.session() as s:
        old, keyed = add(s, 1, "approved"), add(s, 2, "approved")
        s.exec(update(DraftRow).where(DraftRow.id == old)  # type: ignore[call-overload, arg-type]
               .values(state="published", published_url=url))  # as 0016's code writes it: no published_key
        drafts.mark_published(s, keyed, expected_state="approved", expected_version=1, url=url + "2",
                              key=post_key_digest(url + "2"), at=NOW, by="U0OPERATOR", now=NOW)
    with db.session() as s:
        assert drafts.published_as(s, post_key_digest("https://twitter.com/joetsu_city_example/status/77")) == [
            (old, "joetsu-x", url)]  # with the caller's same_post, found under another address too


def test_neither_look_up_reads_the_whole_drafts_table(tmp_path: Any) -> None:
    """The plan on a history where most drafts are long published (as a decade's is)."""
    db = Database(f"sqlite:///{tmp_path / 'plans.db'}")
    db.upgrade()
    with db.session() as s:
        for n in range(300):
            d = add(s, n, "published" if n % 10 else "rejected", author=f"U{n % 3}", age=timedelta(days=n * 10))
            if n % 10:
                url = f"https://x.com/joetsu_city_example/status/{n}"
                drafts.mark_published(s, d, expected_state="published", expected_version=1, url=url,
                                      key=post_key_digest(url), at=NOW, by="U0", now=NOW - timedelta(days=n * 10))
        s.connection().exec_driver_sql("ANALYZE")
    seen: list[tuple[str, Any]] = []
    event.listen(db.engine, "before_cursor_execute",
                 lambda _c, _cur, statement, parameters, _ctx, _many: seen.append((statement, parameters)))
    with db.session() as s:
        drafts.not_final(s, "U1", ended_since=SINCE, limit=20)
        drafts.published_as(s, post_key_digest("https://x.com/joetsu_city_example/status/7"))
        plans = {statement: " | ".join(str(r[-1]) for r in s.connection().exec_driver_sql(
                 "EXPLAIN QUERY PLAN " + statement, parameters)) for statement, parameters in seen
                 if statement.startswith("SELECT")}
    assert len(plans) == 4
    for statement, plan in plans.items():
        assert "SCAN drafts" not in plan, (statement, plan)
        assert any(f"ix_drafts_{i}" in plan for i in ("author_state", "published_key", "published_unkeyed")), (
            statement, plan)
    db.dispose()
