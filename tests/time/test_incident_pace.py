"""How often an open incident is re-alerted, and how often a holding statement is asked for: backing
off instead of every 15 minutes (re-alerts) or every 2 hours (holding statement) round the clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.incidents import (
    REALERT_MOST,
    IncidentService,
    holding_at,
    holding_number,
    realert_number,
    realert_offset,
)
from bot.services import Kessai
from bot.sweep import Sweeper
from tests.time.conftest import World, jst
from tests.time.test_concurrency import sweep_on_two_replicas

TOKYO = ZoneInfo("Asia/Tokyo")
OPENING = time(8, 30)
M = timedelta(minutes=1)


def test_realerts_come_at_15_and_30_minutes_1_and_2_hours_then_every_2_hours() -> None:
    assert [realert_offset(n, 15 * M) for n in range(7)] == [
        15 * M, 30 * M, 60 * M, 120 * M, 240 * M, 360 * M, 480 * M]
    assert realert_number(15 * M - timedelta(seconds=1), 15 * M) is None
    for n in range(40):
        at = realert_offset(n, 15 * M)
        assert realert_number(at, 15 * M) == n
        assert realert_number(at - timedelta(seconds=1), 15 * M) == (n - 1 if n else None)


@pytest.mark.parametrize("every", [M, 7 * M, 15 * M, 2 * 60 * M, 5 * 60 * M, timedelta(days=1)])
def test_realert_gaps_never_shrink_and_stop_growing_at_two_hours_or_the_configured_wait(every: timedelta) -> None:
    offsets = [realert_offset(n, every) for n in range(30)]
    gaps = [b - a for a, b in zip([timedelta(0), *offsets], offsets, strict=False)]
    assert gaps[0] == every
    assert all(g2 >= g1 for g1, g2 in zip(gaps, gaps[1:], strict=False))
    assert gaps[-1] == max(every, REALERT_MOST)


def test_year_end_incident_unanswered_until_1_6_is_some_70_pings_not_500() -> None:
    """12/31 20:00 to 1/6 09:00: every 15 minutes was 532 re-alerts, each @mentioning everyone."""
    elapsed = jst(2027, 1, 6, 9, 0) - jst(2026, 12, 31, 20, 0)
    count = (realert_number(elapsed, 15 * M) or 0) + 1
    assert elapsed // (15 * M) == 532
    assert 60 <= count <= 70


def test_holding_statement_is_asked_after_two_hours_then_each_morning_never_at_night() -> None:
    acked = datetime(2026, 12, 31, 21, 0, tzinfo=TOKYO).astimezone(UTC)
    after = timedelta(hours=2)

    def n(y: int, mo: int, d: int, h: int, mi: int = 0) -> int | None:
        return holding_number(acked, after, jst(y, mo, d, h, mi), TOKYO, OPENING)

    assert n(2026, 12, 31, 22, 59) is None
    assert n(2026, 12, 31, 23, 0) == 0 and n(2027, 1, 1, 3, 0) == 0  # the night after: still the first
    assert n(2027, 1, 1, 8, 29) == 0 and n(2027, 1, 1, 8, 30) == 1  # 1/1 is closed; asked all the same
    assert n(2027, 1, 1, 23, 59) == 1 and n(2027, 1, 2, 2, 0) is None
    assert n(2027, 1, 3, 8, 30) == 3
    assert holding_at(0, acked, after, TOKYO, OPENING) == jst(2026, 12, 31, 23, 0)
    assert holding_at(1, acked, after, TOKYO, OPENING) == jst(2027, 1, 1, 8, 30)
    assert holding_at(3, acked, after, TOKYO, OPENING) == jst(2027, 1, 3, 8, 30)


def report(w: World, at: datetime) -> int:
    return w.incidents.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR", now=at,
                              description="昨日の投稿に批判が殺到しています")


def test_realerts_back_off_and_say_which_one_it_is_and_when_the_next_comes(world: World) -> None:
    start = jst(2026, 12, 31, 20, 0)
    report(world, start)
    sent_at = []
    t = start
    while t < jst(2027, 1, 1, 4, 0):
        t += 15 * M
        if world.sweep(t).sent["incident.unacked"]:
            sent_at.append(t)
    assert sent_at == [start + m * M for m in (15, 30, 60, 120, 240, 360, 480)]
    realerts = [p["text"] for p in world.posts(to="C0ESCALATE", contains="対応開始されていません")]
    assert len(realerts) == 7
    assert "1回目の再通知です" in realerts[0] and "次は 2026年12月31日（木）20:30 に" in realerts[0]
    assert "4回目の再通知です" in realerts[3] and "次は 2027年1月1日（金）00:00 に" in realerts[3]
    assert "7回目の再通知です" in realerts[6] and "次は 2027年1月1日（金）06:00 に" in realerts[6]
    assert all("<@U0MANAGER>" in r for r in realerts)
    assert "やがて2時間ごとになります" in realerts[0] and "やがて2時間ごとになります" in realerts[2]
    # From the 2-hour re-alert on the pace is even: it no longer says it widens.
    assert all("少しずつ空き" not in r and "その後も2時間ごとにお知らせします。）" in r for r in realerts[3:])


def test_after_downtime_one_realert_is_sent_not_the_missed_ones_and_its_count_is_what_people_saw(
        world: World) -> None:
    start = jst(2026, 12, 31, 20, 0)
    report(world, start)
    assert world.sweep(start + 15 * M).sent["incident.unacked"] == 1
    # kessai was down from 20:20 until 23:50 (the 30-minute, 1- and 2-hour re-alerts fell in it).
    assert world.sweep(jst(2026, 12, 31, 23, 50)).sent["incident.unacked"] == 1
    assert world.sweep(jst(2026, 12, 31, 23, 51)).sent["incident.unacked"] == 0
    last = world.posts(to="C0ESCALATE", contains="対応開始されていません")[-1]["text"]
    assert "2回目の再通知です" in last and "次は 2027年1月1日（金）00:00 に" in last
    assert world.sweep(jst(2027, 1, 1, 0, 0)).sent["incident.unacked"] == 1


def test_the_same_instant_swept_twice_or_by_two_replicas_realerts_and_asks_once(world: World) -> None:
    start = jst(2026, 11, 24, 10, 0)
    first, second = report(world, start), report(world, start)
    other = world.incidents.report(kind="impersonation", account_id="joetsu-x", reporter="U0OPERATOR",
                                   description="公式を名乗る偽アカウントがあります", now=start)
    assert first == second  # the same report joined: one incident
    world.incidents.ack(other, "U0JOHO", now=start + 5 * M)
    at = jst(2026, 11, 24, 11, 0)  # the 1-hour re-alert of the first
    combined = sweep_on_two_replicas(world, at)
    assert combined["incident.unacked"] == 1
    assert world.sweep(at).sent["incident.unacked"] == 0
    morning = jst(2026, 11, 25, 8, 30)  # the second's first request came at 12:05; now the morning's
    assert world.sweep(jst(2026, 11, 24, 12, 5)).sent["incident.holding"] == 1
    assert world.sweep(jst(2026, 11, 24, 14, 5)).sent["incident.holding"] == 0  # not every 2 hours
    combined = sweep_on_two_replicas(world, morning)
    assert combined["incident.holding"] == 1
    assert world.sweep(morning).sent["incident.holding"] == 0
    asks = world.posts(to="U0JOHO", contains="経過の書き込みのお願い")
    assert len(asks) == 2
    assert "次は 2026年11月25日（水）08:30 です" in asks[0]["text"]
    assert "次は 2026年11月26日（木）08:30 です" in asks[1]["text"]
    assert "分かったことや見通し" in asks[1]["text"]


def test_a_morning_missed_by_a_stop_is_asked_that_day_but_not_in_the_night_after(world: World) -> None:
    start = jst(2026, 11, 24, 10, 0)
    incident_id = report(world, start)
    world.incidents.ack(incident_id, "U0JOHO", now=start)
    assert world.sweep(jst(2026, 11, 24, 12, 0)).sent["incident.holding"] == 1
    # Down from the evening until 15:00 next day: that day's request goes at once, once.
    assert world.sweep(jst(2026, 11, 25, 15, 0)).sent["incident.holding"] == 1
    assert world.sweep(jst(2026, 11, 25, 15, 1)).sent["incident.holding"] == 0
    # Down again from 11/25 evening until 02:00 on 11/27: the 26th's is not sent in the night.
    assert world.sweep(jst(2026, 11, 27, 2, 0)).sent["incident.holding"] == 0
    assert world.sweep(jst(2026, 11, 27, 8, 30)).sent["incident.holding"] == 1
    assert len(world.posts(to="U0JOHO", contains="経過の書き込みのお願い")) == 3


def test_whoever_takes_over_an_incident_is_asked_for_the_holding_statement_on_their_own_schedule(
        world: World) -> None:
    """木田 acknowledged and was asked at 12:00 and next morning; then 木田 left the escalation
    members (the file changed) and 上越 took over at 9:00. The take-over said 「11:00 までに解決しない
    場合は…リマインダーをお送りします」, but the numbers of 木田's requests were already claimed:
    上越 heard nothing that day nor the next morning."""
    start = jst(2026, 11, 24, 10, 0)
    incident_id = report(world, start)
    world.incidents.ack(incident_id, "U0JOHO", now=start)
    assert world.sweep(jst(2026, 11, 24, 12, 0)).sent["incident.holding"] == 1
    assert world.sweep(jst(2026, 11, 25, 8, 30)).sent["incident.holding"] == 1
    # 木田 is no 課長補佐以上 any more: no longer one of the escalation members.
    demoted = replace(world.org, members=tuple(
        replace(m, rank="係長") if m.slack_id == "U0JOHO" else m for m in world.org.members))
    kessai = Kessai(world.db, demoted, clock=world.clock)
    after = World(db=world.db, org=demoted, clock=world.clock, kessai=kessai, sweeper=Sweeper(kessai),
                  incidents=IncidentService(kessai))
    after.incidents.ack(incident_id, "U0MANAGER", now=jst(2026, 11, 25, 9, 0))
    assert "2026年11月25日（水）11:00 までに" in after.posts(contains="さんが対応を開始しました")[-1]["text"]
    assert after.sweep(jst(2026, 11, 25, 10, 59)).sent["incident.holding"] == 0
    assert after.sweep(jst(2026, 11, 25, 11, 0)).sent["incident.holding"] == 1
    assert after.sweep(jst(2026, 11, 26, 8, 30)).sent["incident.holding"] == 1
    asks = after.posts(to="U0MANAGER", contains="経過の書き込みのお願い")
    assert len(asks) == 2
    assert "次は 2026年11月26日（木）08:30 です" in asks[0]["text"]


def test_a_realert_at_an_even_pace_of_three_hours_says_so_not_that_it_widens(world: World) -> None:
    """incident_ack_within = "3h": every re-alert is 3 hours apart from the first; 「少しずつ空き、
    やがて2時間ごと」 would be wrong twice over."""
    policy = replace(world.org.policy, incident_ack_within=timedelta(hours=3))
    slow = replace(world.org, policy=policy)
    kessai = Kessai(world.db, slow, clock=world.clock)
    w = World(db=world.db, org=slow, clock=world.clock, kessai=kessai, sweeper=Sweeper(kessai),
              incidents=IncidentService(kessai))
    report(w, jst(2026, 12, 31, 22, 0))
    assert w.sweep(jst(2027, 1, 1, 1, 0)).sent["incident.unacked"] == 1
    text = w.posts(to="C0ESCALATE", contains="対応開始されていません")[-1]["text"]
    assert "次は 2027年1月1日（金）04:00 に" in text
    assert "少しずつ空き" not in text and "その後も3時間ごとにお知らせします。）" in text
