"""The sweep's candidate queries (storage.reminders) give the same answers on SQLite and PostgreSQL,
whichever way each database is asked (an array parameter on PostgreSQL, chunks of IN on SQLite)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from storage import reminders as repo
from storage.db import Database
from storage.models import DraftRow, DraftVersionRow, ReminderRow

NOW = datetime(2026, 11, 11, 1, 0, tzinfo=UTC)


def test_claimed_answers_exactly_which_keys_are_claimed(db: Database) -> None:
    odd = ["approval.remind:1:v1:0", "it's:\"quoted\"", "100%_done\\", "決裁:下書き:第2版", "x" * 200, ""]
    many = [f"approval.remind:{i}:v1:{i % 3}" for i in range(2000)]  # more than one chunk of IN
    with db.engine.begin() as c:
        c.execute(insert(ReminderRow.__table__), [  # type: ignore[attr-defined]
            {"key": k, "claimed_at": NOW - timedelta(hours=i % 2)} for i, k in enumerate(odd + many[::2])])
    asked = odd + many + ["approval.remind:1:v1:1", "100%", "it's", "approval.remind:%"] + many[:50]
    with db.session() as s:
        assert repo.claimed(s, asked) == set(odd) | set(many[::2])
        assert repo.claimed(s, iter(asked)) == set(odd) | set(many[::2])
        # ``since``: only the keys claimed at or after it (here every other one, by its position).
        assert repo.claimed(s, asked, since=NOW) == {k for i, k in enumerate(odd + many[::2]) if i % 2 == 0}
        assert repo.claimed(s, []) == set()
        assert repo.claimed(s, ["approval.remind:1:v1:1"]) == set()


def _post(draft_id: int, state: str, versions: list[datetime | None], *, published: bool = False) -> tuple[dict, list[dict]]:
    created = NOW - timedelta(days=40)
    draft = {"id": draft_id, "account_id": "acct", "author_id": "U1", "channel": "C1",
             "message_ts": f"1700000000.{draft_id:06d}", "state": state, "current_version": len(versions),
             "category": "normal", "source": "channel", "published_at": NOW - timedelta(hours=1) if published else None,
             "created_at": created, "updated_at": created}
    rows = [{"draft_id": draft_id, "number": n, "text": f"お知らせ {draft_id} 第{n}版", "scheduled_at": at,
             "alt_texts": [], "image_count": 0, "portrait_consent": False, "content_hash": "0" * 64,
             "created_at": created} for n, at in enumerate(versions, start=1)]
    return draft, rows


def test_scheduled_between_finds_only_current_unpublished_versions_in_the_window(db: Database) -> None:
    since, until = NOW - timedelta(days=30), NOW
    posts = [
        _post(1, "approved", [NOW - timedelta(hours=2)]),                          # due
        _post(2, "exempt", [NOW]),                                                 # due (the window's end is in it)
        _post(3, "approved", [since]),                                             # its start is not
        _post(4, "approved", [NOW + timedelta(minutes=1)]),                        # not yet
        _post(5, "published", [NOW - timedelta(hours=3)], published=True),         # published
        _post(6, "approved", [NOW - timedelta(hours=3)], published=True),          # marked published
        _post(7, "pending", [NOW - timedelta(hours=3)]),                           # not approved
        _post(8, "approved", [NOW - timedelta(days=3), NOW + timedelta(days=2)]),  # corrected to later
        _post(9, "approved", [NOW - timedelta(days=3), NOW - timedelta(days=1)]),  # both in: the current one
        _post(10, "approved", [NOW - timedelta(days=2), None]),                    # time removed
        *[_post(100 + i, "published", [NOW - timedelta(minutes=5 + i)], published=True) for i in range(1000)],
        _post(2000, "approved", [NOW - timedelta(minutes=1)]),                     # after a thousand published
    ]
    with db.engine.begin() as c:
        c.execute(insert(DraftRow.__table__), [d for d, _ in posts])  # type: ignore[attr-defined]
        c.execute(insert(DraftVersionRow.__table__), [v for _, vs in posts for v in vs])  # type: ignore[attr-defined]
    with db.session() as s:
        found = repo.scheduled_between(s, ["approved", "exempt"], since, until)
        assert [(c.draft.id, c.version.number) for c in found] == [(1, 1), (2, 1), (9, 2), (2000, 1)]
        assert [c.version.text for c in found] == ["お知らせ 1 第1版", "お知らせ 2 第1版", "お知らせ 9 第2版",
                                                  "お知らせ 2000 第1版"]
        assert all(c.draft.state in ("approved", "exempt") and c.draft.published_at is None for c in found)
        assert [c.draft.id for c in repo.scheduled_between(s, ["pending"], since, until)] == [7]
        assert repo.scheduled_between(s, ["approved"], NOW + timedelta(days=5), NOW + timedelta(days=6)) == []
