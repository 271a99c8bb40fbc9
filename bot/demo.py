"""``kessai demo``: a scripted morning against the bundled local Slack server, on SQLite, offline."""

from __future__ import annotations

import logging
import re
import sys
import tempfile
import time as clock_time
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from importlib import resources
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.app import shifted_clock
from bot.config import OrgConfig, parse_org_config
from bot.demo_time import play_time
from bot.demo_workflow import play_workflow
from bot.ledger import KIND_LABELS_JA, verify_chain
from bot.localstack import LocalStack, start_local_stack
from storage import ledger as ledger_repo
from storage import outbox

log = logging.getLogger(__name__)
SCENE_NUMBER = re.compile(r"^[0-9]+[.]\s*")


def demo_org() -> OrgConfig:
    text = resources.files("bot").joinpath("data/demo.toml").read_text(encoding="utf-8")
    return parse_org_config(text, "demo.toml（組み込みの既定値）")


class Demo:
    def __init__(self, st: LocalStack, out: Callable[[str], None]) -> None:
        self.st = st
        self.out = out
        self._shown = 0
        self.step = 0

    def wait_until_quiet(self, timeout: float = 15.0) -> None:
        """Let the bot finish: listeners done and the outbox delivered."""
        deadline = clock_time.monotonic() + timeout
        quiet_rounds = 0
        while clock_time.monotonic() < deadline and quiet_rounds < 3:
            before = len(self.st.slack.calls)
            self.st.deliver()
            clock_time.sleep(0.1)
            with self.st.rt.db.session() as s:
                idle = outbox.backlog(s) == 0 and len(self.st.slack.calls) == before
            quiet_rounds = quiet_rounds + 1 if idle else 0

    def show(self, title: str, notes: Sequence[str] = ()) -> None:
        """Print the scene: its title, what happened in Slack since the last one, then ``notes``
        (what the transcript cannot show, such as an error inside a modal)."""
        self.wait_until_quiet()
        lines = self.st.slack.transcript().splitlines()
        # Scenes come from several modules; number them here so the story reads 1, 2, 3 ….
        self.step += 1
        title = SCENE_NUMBER.sub("", title)
        self.out(f"\n━━ {self.step}. {title} ━━")
        for line in lines[self._shown:]:
            self.out("  " + line)
        for note in notes:
            self.out("  " + note)
        self._shown = len(lines)

    def dm_message(self, user: str, version_marker: str = "") -> Any:
        msgs = self.st.slack.messages(self.st.slack.dm_channel(user))
        for m in reversed(msgs):
            if version_marker in m.text or any(version_marker in str(b) for b in m.blocks):
                return m
        raise RuntimeError(f"no DM for {user}")


WEEKDAYS_JA = "月火水木金土日"


def upcoming(today: date, weekday: int, after_days: int = 3) -> str:
    """「M月D日（曜）」 for the next such weekday, so the demo's dates are right whenever it runs."""
    day = today + timedelta(days=after_days)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    return f"{day.month}月{day.day}日（{WEEKDAYS_JA[day.weekday()]}）"


def play(d: Demo) -> bool:
    """The morning: the basic loop of issue #2."""
    st, out = d.st, d.out
    drv = st.driver
    today = st.rt.kessai.clock().astimezone(st.rt.kessai.tz).date()
    saturday, monday = upcoming(today, 5), upcoming(today, 0)

    out("kessai デモ: 上越市広報対話課のある朝（ローカルの Slack 互換サーバーで実行しています）")

    drv.message("C0INTAKE", "U0OPERATOR",
                f"【お知らせ】{saturday}17時から高田城址公園で紅葉ライトアップを行います。"
                "詳しくは市ホームページをご覧ください。https://www.city.joetsu.niigata.jp/")
    d.show("1. 運用担当者が下書きを投稿 → 確認 → 決裁者2名にDMで決裁依頼")
    first = d.dm_message("U0MANAGER")
    drv.block_action("U0MANAGER", "approve_draft", channel=first.channel, message_ts=first.ts)
    d.show("2. 上越 花子 課長補佐がスマートフォンから「承認」→ 全員のDMとスレッドが更新")

    ts = drv.message("C0INTAKE", "U0OPERATOR2",
                     "冬のイベント参加者募集！申込みは https://bit.ly/3xYzAbC から。"
                     "ご不明点は担当者の携帯 090-1234-5678 までどうぞ。")
    d.show("3. 携帯電話番号と短縮URLを含む下書き → エラーのため決裁に回らない")
    drv.message_changed("C0INTAKE", ts, "U0OPERATOR2",
                        "冬のイベント参加者募集！申込みは https://www.city.joetsu.niigata.jp/event/ から。"
                        "お問い合わせは広報対話課（025-526-5111）までどうぞ。")
    d.show("4. 作成者がメッセージを編集 → 第2版として再確認 → 決裁依頼")
    second = d.dm_message("U0CHIEF", "第2版")
    drv.block_action("U0STRANGER", "approve_draft", channel=second.channel, message_ts=second.ts)
    d.show("5. 決裁者ではない職員が（転送された依頼メッセージから）ボタンを押す → 本人にだけ断りの表示、何も変わらない")
    drv.block_action("U0CHIEF", "approve_draft", channel=second.channel, message_ts=second.ts)
    d.show("6. 春日山 一郎 課長が第2版を承認")

    drv.message("C0INTAKE", "U0OPERATOR",
                f"{monday}から市役所本庁舎の駐車場を工事のため一部閉鎖します。ご不便をおかけします。")
    d.show("7. もう1件の下書き")
    third = d.dm_message("U0MANAGER", monday)
    drv.block_action("U0MANAGER", "reject_draft", channel=third.channel, message_ts=third.ts)
    st.slack.wait_for_call("views.open", timeout=10)
    drv.view_submission("U0MANAGER", "reject_reason",
                        {"reason_text": "閉鎖の期間と迂回先の駐車場を書き加えてください。", "preset_reasons": ["facts"]})
    d.show("8. 上越 花子 課長補佐が理由を付けて差戻し")

    return True


def verify_ledger(d: Demo) -> bool:
    st, out = d.st, d.out
    with st.rt.db.session() as s:
        result = verify_chain(ledger_repo.iter_entries(s), ledger_repo.version_hashes(s), ledger_repo.head(s))
        entries = list(ledger_repo.iter_entries(s))
    d.step += 1
    out(f"\n━━ {d.step}. 決裁台帳の検証 ━━")
    for e in entries:
        who = st.rt.kessai.name_of(e.decider_id)
        if e.acting_for_id:
            who += f"（{st.rt.kessai.name_of(e.acting_for_id)} の代決）"
        label = KIND_LABELS_JA.get(e.kind, e.kind)
        out(f"  #{e.seq} 下書き #{e.draft_id} 第{e.version_number}版 {label} {who} {_ledger_time(e.decided_at)} "
            f"ハッシュ {e.entry_hash[:12]}…")
    if result.ok:
        out(f"  台帳は正常です（{result.count} 件の記録のハッシュチェーンを検証しました）。")
    else:
        out(f"  台帳の記録 #{result.first_bad_seq} に問題があります: {result.problem_ja}")
    return result.ok and result.count == len(entries) > 0


def _ledger_time(decided_at: str) -> str:
    """「2026年12月7日（月）09:30:02」 as the conversation above writes times, not the stored
    「2026-12-07T09:30:02+09:00」; the seconds stay, as they order entries of the same minute."""
    try:
        t = datetime.fromisoformat(decided_at)
    except ValueError:
        return decided_at  # shown as recorded: the listing must never hide what the ledger holds
    return f"{t.year}年{t.month}月{t.day}日（{WEEKDAYS_JA[t.weekday()]}）{t:%H:%M:%S}"


def next_business_morning(org: OrgConfig, tz: str = "Asia/Tokyo") -> datetime:
    """The demo plays an office morning (09:30 on the next business day) so that no finding about
    posting hours depends on when someone happens to run it."""
    zone = ZoneInfo(tz)
    calendar = org.calendar(tz)
    day = datetime.now(zone).date()
    while not calendar.is_business_day(day):
        day += timedelta(days=1)
    return datetime.combine(day, time(9, 30), tzinfo=zone)


def run_demo(database_url: str | None = None, quiet: bool = False) -> int:
    logging.getLogger().setLevel(logging.WARNING)
    out: Callable[[str], None] = (lambda _s: None) if quiet else print
    if database_url:
        from bot.config import sqlalchemy_spelling, sqlite_home_expanded

        # As DATABASE_URL is read: the shell leaves a ~ inside sqlite:///~/demo.db as written.
        database_url = sqlite_home_expanded(sqlalchemy_spelling(database_url))
        refusal = _unusable_for_demo(database_url)
        if refusal:
            print(refusal, file=sys.stderr)
            return 2
        database_url = demo_database_url(database_url)
    with tempfile.TemporaryDirectory(prefix="kessai-demo-") as tmp:
        url = database_url or f"sqlite:///{Path(tmp) / 'demo.db'}"
        org = demo_org()
        st = start_local_stack(org, url, clock=shifted_clock(next_business_morning(org)))
        try:
            d = Demo(st, out)
            # Each scene module returns whether the bot behaved as the story expects.
            ok = play(d) and play_workflow(d) and play_time(d) and verify_ledger(d)
        finally:
            st.stop()
    if not ok:
        print("デモが想定どおりに終わりませんでした。", file=sys.stderr)
        return 1
    out("\nデモは正常に終了しました。実際の Slack で使うには README の「Slack アプリの作成」をご覧ください。")
    return 0


def demo_database_url(url: str) -> str:
    """``url`` with a SQLite file named relative to the working directory made absolute. Serve warns
    of a new SQLite file named relatively (the records may sit in another folder's kessai.db); the
    demo has just insisted on an empty database, so that warning would be a false alarm, and the
    README promises that `kessai demo --quiet` prints nothing when all goes well."""
    from sqlalchemy.engine import make_url

    from bot.config import sqlite_file

    found = sqlite_file(url)
    if found is None or not found[1]:
        return url
    return make_url(url).set(database=str(found[0])).render_as_string(hide_password=False)


def _unusable_for_demo(url: str) -> str | None:
    """Why the demo must not run on ``url``: it writes fictitious decisions, and a ledger entry can
    never be removed, so a database that already holds anything of kessai's is refused."""
    from sqlalchemy import inspect
    from sqlalchemy.exc import DBAPIError

    from bot.config import database_url_problem
    from storage.db import make_engine

    problem = database_url_problem(url)
    if problem:
        return problem.replace("DATABASE_URL", "--database-url")
    engine = make_engine(url)
    try:
        with engine.connect() as c:
            tables = set(inspect(c).get_table_names())
    except DBAPIError as e:
        from bot.cli import database_failure, database_problem

        said = database_failure(e).replace("DATABASE_URL", "--database-url")
        if database_problem(e) == "connect":
            # Its likely cause, as the CLI says it: a SQLite file that cannot be opened has no host
            # name or password to check.
            return "--database-url の" + said
        # Reached but unusable (a file that is not a database, no permission…): say which.
        return "--database-url のデータベースは使えません。" + said
    finally:
        engine.dispose()
    if tables & {"drafts", "ledger_entries", "alembic_version"}:
        return ("デモは架空の決裁を台帳に書き込みます（台帳の記録は消せません）。--database-url には、"
                "kessai がまだ使っていない空のデータベースを指定してください。")
    return None
