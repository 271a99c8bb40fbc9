"""The intake reads only the recent posts the duplicate rule could match (draft_versions.dup_*).

The filter runs in the database and the rule in Python; the filter must never be the stricter
of the two, or a repeated post would go unnoticed. The property test below checks exactly that
against the rule itself, on texts built to sit on the rule's boundaries.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import event, insert

from bot.rules import CheckContext, check, duplicate_signature
from bot.rules.misc import DUPLICATE_SIGNATURE_VERSION
from storage import drafts
from storage.db import Database
from storage.intake import intake_reads
from storage.models import DraftRow, DraftVersionRow

NOW = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)
STATES = ["pending", "approved", "exempt", "published"]
BASE = "本日は燃やせるごみの収集日です。朝8時30分までに、お住まいの地区の集積所へ出してください。"


def like(text: str) -> drafts.DuplicateFilter:
    sig = duplicate_signature(text)
    return drafts.DuplicateFilter(sig.key, sig.numbers, *sig.lengths, sig.version)


def store(db: Database, ts: str, text: str, *, signed: bool = True, version: int = DUPLICATE_SIGNATURE_VERSION,
          account: str = "x", created: datetime = NOW, version_created: datetime | None = None) -> None:
    sig = duplicate_signature(text)
    with db.session() as s:
        d = DraftRow(account_id=account, author_id="U0OPERATOR", channel="C0INTAKE", message_ts=ts, state="pending",
                     current_version=1, created_at=created, updated_at=created)
        assert drafts.insert_draft(s, d)
        drafts.insert_version(s, DraftVersionRow(
            draft_id=d.id or 0, number=1, text=text, content_hash="0" * 64, created_at=version_created or created,
            dup_key=sig.key if signed else None, dup_numbers=sig.numbers if signed else None,
            dup_version=version if signed else None))


def read(db: Database, text: str, account: str = "x") -> list[str]:
    with db.session() as s:
        return intake_reads(s, account_id=account, since=NOW - timedelta(days=30), states=STATES, like=like(text),
                            people=[], at=NOW, home_keys=[]).recent_texts


def flags(text: str, recent: list[str]) -> bool:
    ctx = CheckContext(platform="x", now=NOW, recent_texts=tuple(recent))
    return any(f.code == "spam.duplicate" for f in check(text, ctx))


def test_only_posts_the_rule_could_match_are_read(db: Database) -> None:
    store(db, "1.1", BASE)  # the same post
    store(db, "1.2", BASE.replace("。朝", "！ 朝"))  # the same key once punctuation is gone
    store(db, "1.3", BASE.replace("ください", "下さい"))  # near: same numbers, similar length
    store(db, "1.4", BASE.replace("8時30分", "8時00分"))  # other numbers: another week's notice
    store(db, "1.5", "明日は図書館の休館日です。")  # short and different
    store(db, "1.6", BASE + "なお、年末年始の収集日程は、市のホームページでご確認いただけます。")  # much longer
    store(db, "1.7", "古い形式の下書き", signed=False)  # written before signatures: read as before
    store(db, "1.8", "別の版の署名", version=DUPLICATE_SIGNATURE_VERSION - 1)  # another version: read as before
    store(db, "1.9", BASE, account="y")  # another account
    got = read(db, BASE)
    assert sorted(got) == sorted([BASE, BASE.replace("。朝", "！ 朝"), BASE.replace("ください", "下さい"),
                                  "古い形式の下書き", "別の版の署名"])
    # What was left out, the rule would not have flagged anyway; what was read, it decides on.
    assert flags(BASE, got)
    assert not flags(BASE, ["明日は図書館の休館日です。", BASE.replace("8時30分", "8時00分")])


def test_a_short_post_is_matched_only_exactly(db: Database) -> None:
    store(db, "2.1", "燃やせるごみの日です")
    store(db, "2.2", "燃やせないごみの日です")
    assert read(db, "燃やせるごみの日です！") == ["燃やせるごみの日です"]


def test_long_posts_are_stored_and_matched_on_their_whole_key(db: Database) -> None:
    # The indexes hold the first characters of a key (a PostgreSQL index entry cannot hold a
    # 40,000-character draft's): the rest still decides.
    long = "".join(f"第{i}回の説明会は{i % 28 + 1}日に開きます。" for i in range(1500))
    other_end = long[:-8] + "29日に開きます。"
    store(db, "4.1", long)
    assert read(db, long) == [long]
    assert read(db, other_end) == []
    assert flags(long, [long]) and not flags(other_end, [long])


def test_the_window_is_the_drafts_not_their_versions(db: Database) -> None:
    # A version is dated by the replica that wrote it; a clock a few minutes behind must not hide
    # it, and a draft from before the window stays out whatever its version's date.
    store(db, "5.1", BASE, created=NOW - timedelta(days=29), version_created=NOW - timedelta(days=30, minutes=10))
    store(db, "5.2", BASE + "！", created=NOW - timedelta(days=31), version_created=NOW - timedelta(days=29))
    assert read(db, BASE) == [BASE]


# Texts near BASE: a few characters inserted, deleted or replaced (digits included), so that
# pairs fall on both sides of the rule's length ratio, number and similarity thresholds.
_edit = st.tuples(st.sampled_from(["ins", "del", "sub"]), st.integers(0, 200),
                  st.sampled_from(list("あ市のごみ出す0123456789、。！ 　abcＡ")))


def _mutate(text: str, edits: list[tuple[str, int, str]]) -> str:
    for op, at, ch in edits:
        i = at % (len(text) + 1)
        if op == "ins":
            text = text[:i] + ch + text[i:]
        elif op == "del" and text:
            text = text[:i] + text[i + 1:]
        elif text:
            text = text[:i] + ch + text[i + 1:]
    return text


_near = st.tuples(st.sampled_from([BASE, BASE[:40], BASE[:34], BASE[:31]]), st.lists(_edit, max_size=8)).map(
    lambda t: _mutate(*t))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(new=_near, old=_near)
def test_the_filter_never_hides_a_post_the_rule_would_flag(db: Database, new: str, old: str) -> None:
    if flags(new, [old]):
        with db.session() as s:
            s.connection().exec_driver_sql("DELETE FROM draft_versions")
            s.connection().exec_driver_sql("DELETE FROM drafts")
        store(db, "3.1", old)
        assert read(db, new) == [old]


def test_the_intake_looks_candidates_up_by_index_not_by_reading_every_version(db: Database) -> None:
    """The plan of the intake's read on a history of varied posts, after ANALYZE. SQLite rewrote
    ``dup_key = :key`` into the prefix's term (constant propagation), which then no longer matched
    the index's expression: every version ever written was read for each pasted draft."""
    rng = random.Random(30)
    words = "市役所窓口受付ごみ収集日説明会健康診断図書館休館防災訓練税納付期限"
    drafts_rows, version_rows = [], []
    for i in range(800):  # one post every 4 hours: four months, of which the window is a quarter
        at = NOW - timedelta(hours=4 * (800 - i))
        drafts_rows.append(dict(id=i + 1, account_id=f"acct-{i % 5}", author_id="U0OPERATOR", channel="C0INTAKE",
                                message_ts=f"1700000000.{i:06d}", state="published", current_version=1,
                                category="normal", source="channel", created_at=at, updated_at=at))
        sig = duplicate_signature("".join(rng.choice(words) for _ in range(40)) + f"{rng.randint(1, 10**6)}円")
        version_rows.append(dict(draft_id=i + 1, number=1, text="t", alt_texts=[], image_count=0, video_count=0,
                                 portrait_consent=False, content_hash="0" * 64, created_at=at, dup_key=sig.key,
                                 dup_numbers=sig.numbers, dup_version=sig.version))
    with db.session() as s:
        s.connection().execute(insert(DraftRow.__table__), drafts_rows)  # type: ignore[arg-type]
        s.connection().execute(insert(DraftVersionRow.__table__), version_rows)  # type: ignore[arg-type]
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.exec_driver_sql("ANALYZE")
    seen: list[tuple[str, Any]] = []
    listener = lambda _c, _cur, statement, parameters, _ctx, _many: seen.append((statement, parameters))  # noqa: E731
    event.listen(db.engine, "before_cursor_execute", listener)
    try:
        assert read(db, "本日は市役所窓口の受付時間を変更します。") == []
    finally:
        event.remove(db.engine, "before_cursor_execute", listener)
    statement, parameters = next((st_, p) for st_, p in seen if "dup_key" in st_)
    with db.session() as s:
        rows = s.connection().exec_driver_sql("EXPLAIN " + ("QUERY PLAN " if db.engine.dialect.name == "sqlite"
                                                            else "") + statement, parameters).all()
    plan = " | ".join(str(r[-1]) for r in rows)
    assert "SCAN draft_versions" not in plan and "Seq Scan on draft_versions" not in plan, plan
    assert "ix_draft_versions_dup_key" in plan and "ix_draft_versions_dup_numbers" in plan, plan


def test_posts_signed_by_any_newer_release_are_still_compared_after_a_downgrade(db: Database) -> None:
    """A newer release's key may say anything: its recent versions are read whatever the key (the
    next few releases one index range each, drafts.NEWER_SIGNATURES_LISTED, any later ones by one
    range beyond them), and none older than the window."""
    ahead = [1, 2, drafts.NEWER_SIGNATURES_LISTED, drafts.NEWER_SIGNATURES_LISTED + 1, 40]
    for i, step in enumerate(ahead):
        store(db, f"3.{i}", f"{BASE}（第{i}報）", version=DUPLICATE_SIGNATURE_VERSION + step)
        store(db, f"4.{i}", f"{BASE}（旧第{i}報）", version=DUPLICATE_SIGNATURE_VERSION + step,
              created=NOW - timedelta(days=400))
    # Unrelated words, so that only the version lets them through.
    assert sorted(read(db, "図書館は月曜日が休館日です。")) == sorted(f"{BASE}（第{i}報）" for i in range(len(ahead)))
