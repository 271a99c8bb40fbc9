"""年末年始 2026/27 and January 2027 lived through by the sweep, as a municipality would: drafts left
pending over the closure (12/29–1/3), a draft on 1/1, a password leak on 12/31 at night and 炎上 on 1/2,
the deputy on leave over the holidays, an account whose only December post is on 12/30, nobody posting
in January until the 20th, 成人の日 (1/11), kessai restarted on 12/31, and both months' ends."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import jpholiday
from sqlmodel import col, func, select

from bot.calendar import BusinessCalendar
from bot.drafting import DraftForm
from storage.db import as_utc
from storage.models import ApprovalRequestRow, OutboxRow
from tests.time.conftest import World, jst, shown


def _instants() -> list[datetime]:
    """The instants the sweep runs for: over the closure and the days around it, the opening (08:30,
    09:00), the evening and the night (a routine message written then must wait for a
    business morning); on the other business days the opening and the close; on the other days off
    one sweep. (Every hour of the closure, ~400 sweeps in all, took 45-70 s per database and found
    nothing more: a sweep between two of these has nothing newly due.)"""
    cal = BusinessCalendar()
    out: set[datetime] = set()
    day = date(2026, 12, 1)
    while day <= date(2027, 2, 1):
        dense = date(2026, 12, 28) <= day <= date(2027, 1, 5) or day == date(2027, 1, 11)
        times = ([(0, 30), (8, 30), (9, 0), (18, 30)] if dense
                 else [(8, 30), (17, 15)] if cal.is_business_day(day) else [(10, 30)])
        out.update(jst(day.year, day.month, day.day, h, m) for h, m in times)
        day += timedelta(days=1)
    out.update((jst(2026, 12, 31, 23, 40), jst(2027, 1, 2, 14, 20)))  # incident re-alerts
    return sorted(out)


def test_year_end_and_january_2027(world_factory: Callable[[datetime], World]) -> None:
    w = world_factory(jst(2026, 12, 1, 8, 0))
    cal = w.sweeper.cal
    drafts: dict[str, int] = {}
    by_sweep: set[int] = set()  # outbox rows a sweep wrote (not a person's action)

    def x_post(day: date, who: str = "U0MANAGER") -> None:
        d = w.scheduled_draft(jst(day.year, day.month, day.day, 9, 5),
                              scheduled=jst(day.year, day.month, day.day, 11, 0))
        w.clock.t = jst(day.year, day.month, day.day, 9, 40)
        w.kessai.decide(d, 1, who, approve=True)
        w.clock.t = jst(day.year, day.month, day.day, 11, 5)
        w.kessai.publish(d, 1, "U0OPERATOR", url=f"https://x.com/joetsu_city_example/status/{d}",
                         at=jst(day.year, day.month, day.day, 11, 0))

    def away() -> None:
        w.clock.t = jst(2026, 12, 2, 10, 0)
        w.kessai.set_away("U0DEPUTY", date(2026, 12, 26), date(2027, 1, 6))  # the deputy's leave
        w.kessai.set_away("U0CHIEF", date(2026, 12, 29), date(2027, 1, 3))

    def insta_prepared() -> None:  # approved on the last business day, posted on 12/30
        w.clock.t = jst(2026, 12, 28, 10, 0)
        form = DraftForm(account_id="joetsu-insta", text="年末の高田城址公園の様子です。",
                         scheduled_at=jst(2026, 12, 30, 10, 0), category="normal", image_count=0, alt_texts=(),
                         portrait_consent=False, note=None)
        out = w.kessai.submit_form(form, "U0OPERATOR2")
        assert out.kind == "pending" and out.draft_id is not None, out
        drafts["insta"] = out.draft_id
        w.clock.t = jst(2026, 12, 28, 11, 0)
        w.kessai.decide(out.draft_id, 1, "U0MANAGER", approve=True)

    def insta_published() -> None:
        w.clock.t = jst(2026, 12, 30, 10, 5)
        w.kessai.publish(drafts["insta"], 1, "U0OPERATOR2", url="https://www.instagram.com/p/abc/",
                         at=jst(2026, 12, 30, 10, 0))

    def left_pending() -> None:  # 12/28 evening, after hours, before the closure
        drafts["evening"] = w.pending_draft(jst(2026, 12, 28, 18, 30))
        drafts["for_1_5"] = w.scheduled_draft(jst(2026, 12, 28, 18, 40), scheduled=jst(2027, 1, 5, 10, 0))

    def leak() -> None:
        w.clock.t = jst(2026, 12, 31, 23, 10)
        drafts["leak"] = w.incidents.report(kind="password_leak", account_id="joetsu-x", reporter="U0OPERATOR",
                                            now=w.clock.t, description="公式Xのパスワードを書いたメモを紛失しました。")

    def leak_acked() -> None:
        w.incidents.ack(drafts["leak"], "U0JOHO", now=jst(2027, 1, 1, 0, 10))

    def flaming() -> None:
        w.clock.t = jst(2027, 1, 2, 14, 0)
        drafts["flame"] = w.incidents.report(kind="flaming", account_id="joetsu-insta", reporter="U0OPERATOR2",
                                             now=w.clock.t, description="年始の投稿に批判的なコメントが多数ついています。")

    def flaming_acked() -> None:
        w.incidents.ack(drafts["flame"], "U0JOHO", now=jst(2027, 1, 2, 14, 40))

    def resolved() -> None:
        for k in ("leak", "flame"):
            w.incidents.resolve(drafts[k], "U0JOHO", "対応を終えました。", now=jst(2027, 1, 4, 16, 0))

    def new_year() -> None:
        drafts["new_year"] = w.pending_draft(jst(2027, 1, 1, 10, 0), user="U0OPERATOR2")

    events: list[tuple[datetime, Callable[[], None]]] = sorted([
        (jst(2026, 12, 2, 10, 0), away),
        (jst(2026, 12, 10, 9, 5), lambda: x_post(date(2026, 12, 10))),
        (jst(2026, 12, 28, 10, 0), insta_prepared),
        (jst(2026, 12, 28, 18, 30), left_pending),
        (jst(2026, 12, 30, 10, 5), insta_published),
        (jst(2026, 12, 31, 23, 10), leak),
        (jst(2027, 1, 1, 0, 10), leak_acked),
        (jst(2027, 1, 1, 10, 0), new_year),
        (jst(2027, 1, 2, 14, 0), flaming),
        (jst(2027, 1, 2, 14, 40), flaming_acked),
        (jst(2027, 1, 4, 16, 0), resolved),
        (jst(2027, 1, 20, 9, 5), lambda: x_post(date(2027, 1, 20))),
    ], key=lambda e: e[0])
    restart = jst(2026, 12, 31, 12, 0)
    instants = sorted(set(_instants()) | {t for t, _ in events} | {restart})

    def last_id() -> int:
        with w.db.session() as s:
            return s.exec(select(func.max(OutboxRow.id))).one() or 0

    for t in instants:
        while events and events[0][0] <= t:
            events.pop(0)[1]()
        if t == restart:  # kessai serve restarted on 12/31: a new process on the same database
            n = w._n
            w = world_factory(t)
            w._n = n
        before = last_id()
        w.clock.t = t
        w.sweep(t)
        by_sweep.update(range(before + 1, last_id() + 1))

    with w.db.session() as s:
        rows = [r for r in s.exec(select(OutboxRow).where(OutboxRow.op == "post").order_by(col(OutboxRow.id)))]

    def delivered(r: OutboxRow) -> datetime:
        return max(as_utc(r.created_at), as_utc(r.next_attempt_at)).astimezone(cal.zone)

    def text(r: OutboxRow) -> str:
        return shown(r.payload)

    swept = [r for r in rows if r.id in by_sweep]
    incident = [r for r in swept if any(w in text(r) for w in ("インシデント", "受付番号", "対応中である旨"))]
    routine = [r for r in swept if r not in incident]
    # No routine message reaches anyone on a weekend, 年末年始, 成人の日 or at night.
    assert routine and all(cal.is_business_instant(delivered(r)) for r in routine), [
        (delivered(r), text(r)[:60]) for r in routine if not cal.is_business_instant(delivered(r))]
    # The leak reported at 23:10 on New Year's Eve is re-alerted that night, not on 1/4 (上越市 4(4):
    # 漏えいが判明した場合は…即刻報告); 炎上 on 1/2 likewise.
    realerts = [delivered(r) for r in incident if "対応開始されていません" in text(r)]
    assert any(jst(2026, 12, 31, 23, 20) <= t < jst(2027, 1, 1, 0, 10) for t in realerts)
    assert any(jst(2027, 1, 2, 14, 10) <= t < jst(2027, 1, 2, 14, 40) for t in realerts)
    assert all(not cal.is_business_day(t.date()) for t in realerts)

    # Pending over the closure: the first reminder on 1/4 (the first business day) once per draft and
    # approver, then one a business day; never two for one person on one day, across the restart too.
    reminders = [(r.payload["channel"], delivered(r).date(), text(r)) for r in routine if "決裁のお願い" in text(r)]
    per_day: dict[tuple[str, date, str], int] = {}
    for who, day, body in reminders:
        key = (who, day, body.split("から決裁待ち")[0].split("）が、")[-1])
        per_day[key] = per_day.get(key, 0) + 1
    assert per_day and max(per_day.values()) == 1, [k for k, v in per_day.items() if v > 1]
    assert min(day for _, day, _ in reminders) == date(2027, 1, 4)
    assert not {day for _, day, _ in reminders} & {date(2027, 1, 9), date(2027, 1, 10), date(2027, 1, 11)}
    first = [body for who, day, body in reminders if day == date(2027, 1, 4) and who == "U0MANAGER"]
    assert len(first) == 3 and all("（" not in b.split("*")[1] for b in first)  # 決裁のお願い, not （2回目）

    # The deputy was on leave when the escalation fell due (1/5 08:30): asked when back, 1/7 08:30.
    with w.db.session() as s:
        deputy = list(s.exec(select(ApprovalRequestRow).where(col(ApprovalRequestRow.recipient_id) == "U0DEPUTY")))
    asked = {r.draft_id: as_utc(r.created_at) for r in deputy}
    assert asked.get(drafts["evening"]) == jst(2027, 1, 7, 8, 30).astimezone(UTC), asked
    assert asked.get(drafts["new_year"]) == jst(2027, 1, 7, 8, 30).astimezone(UTC), asked
    assert drafts["for_1_5"] not in asked  # expired on 1/5 at 10:00

    # December's minimum judged on its last business day, 12/28 (the Instagram account had nothing yet).
    lastday = [r for r in routine if "本日が今月最後の業務日" in text(r) or "monthly.lastday" in (r.message_key or "")]
    assert lastday and {delivered(r) for r in lastday if "12月" in text(r)} == {jst(2026, 12, 28, 8, 30)}
    assert not [r for r in lastday if "12月" in text(r) and delivered(r).month == 1]  # not again in January
    [december] = [r for r in routine if "2026年12月の投稿件数の報告" in text(r)]
    assert delivered(december) == jst(2027, 1, 4, 8, 30)
    assert "基準に達しなかったアカウントはありません" in text(december) or "0 件" not in text(december), text(december)
    # January: nobody posted until the 20th; Instagram never. Its last business day is 1/29 (Fri).
    mid = [r for r in routine if "今月の投稿のお願い" in text(r) and delivered(r).month == 1 and delivered(r).day < 29]
    assert {delivered(r) for r in mid} == {jst(2027, 1, 20, 8, 30)}
    assert {delivered(r) for r in lastday if "1月" in text(r)} == {jst(2027, 1, 29, 8, 30)}
    [january] = [r for r in routine if "2027年1月の投稿件数の報告" in text(r)]
    assert delivered(january) == jst(2027, 2, 1, 8, 30) and "上越市公式Instagram: 0 件" in text(january)
    assert "上越市公式X" not in text(january)
    # Nothing keyed was written twice (the restart on 12/31 included).
    keys = [r.message_key for r in rows if r.message_key]
    assert len(keys) == len(set(keys))


def test_the_holiday_table_knows_2027_and_later_years() -> None:
    """jpholiday computes the holidays from the 祝日法's rules (no yearly table to update): 2027's are
    right, and a year far ahead still has its fixed and Monday holidays."""
    cal = BusinessCalendar()
    closed = [d for d in (date(2027, 1, 1) + timedelta(days=i) for i in range(31)) if not cal.is_business_day(d)]
    weekdays_closed = [d for d in closed if d.weekday() < 5]
    assert weekdays_closed == [date(2027, 1, 1), date(2027, 1, 11)]  # 元日, 成人の日 (1/2–1/3 are a weekend)
    assert cal.non_business_reason(date(2027, 1, 11)) == "成人の日"
    assert cal.last_business_day(2026, 12) == date(2026, 12, 28)
    assert cal.last_business_day(2027, 1) == date(2027, 1, 29)
    assert cal.non_business_reason(date(2027, 3, 22)) == "春分の日 振替休日"
    assert cal.non_business_reason(date(2027, 12, 29)) == "年末年始"
    assert len(jpholiday.year_holidays(2150)) >= 16 and jpholiday.is_holiday(date(2150, 1, 1))
