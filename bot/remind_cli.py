"""``kessai remind`` (one reminder sweep, the cron way) and ``kessai incidents export``."""

from __future__ import annotations

import argparse
import http.client
import logging
import math
import sys
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from bot.config import load_org_config, load_settings, missing_sqlite_file_ja, setting_place_ja

if TYPE_CHECKING:  # annotations only: the commands import storage and Slack's SDK where they use them
    from slack_sdk import WebClient

    from bot.services import Kessai
    from bot.slack_gateway import SlackGateway
    from bot.slack_http import KeepAliveWebClient
    from bot.sweep import SweepReport
    from storage.db import Database

log = logging.getLogger(__name__)

# How far ahead --now may be: enough for trying tomorrow's reminders, not a mistyped year.
FUTURE_LIMIT = timedelta(days=7)


def parse_now(text: str | None, tz: ZoneInfo) -> datetime:
    """``--now``, read as `kessai check --at` reads its time (bot.calendar.parse_instant): an IT
    担当 who learnt one writes the other the same way, and 「2026/12/8 10:00」 was refused here. A day
    alone is its 00:00, as it was when only ISO 8601 was read. ValueError (Japanese) otherwise."""
    from bot.calendar import parse_instant

    if text is None:
        return datetime.now(tz)
    try:
        return parse_instant(text, tz)[0]
    except ValueError as exc:
        raise ValueError(f"--now の{exc}") from None


def pending_migrations_ja(db: Any) -> str | None:
    """Why the sweep cannot run on this database yet, or None. A cron job does not migrate: run by
    the new version of kessai while the old ``serve`` still runs, it would change the tables under
    it (``serve`` and ``kessai db upgrade`` apply migrations, at a time the IT 担当 chose)."""
    from bot.errors import NO_TABLES_JA
    from storage.db import current_revision, head_revision

    current, head = current_revision(db.engine), head_revision(db.engine)
    if current == head:
        return None
    if current is not None and head is not None and current > head:
        # Revisions are numbered (0013): a database ahead of this program was upgraded by a newer kessai.
        return (f"データベースは、この kessai より新しい版で更新されています（データベース {current}、この版は {head}）。"
                "cron などで実行している kessai を、kessai serve と同じ新しい版にしてください。")
    if current is None:
        return NO_TABLES_JA
    return (f"データベースの更新（マイグレーション）が済んでいません（現在 {current}、この版は {head}）。"
            "`kessai db upgrade` を実行するか、kessai serve を新しい版で起動し直してから、もう一度実行してください。")


# Each Slack call's timeout, as serve's (bot.serve.SLACK_TIMEOUT_SECONDS); tests where Slack hangs shorten it.
SLACK_TIMEOUT_SECONDS = 10.0
# How long one run may spend calling Slack. Cron starts `kessai remind` every minute: a Slack that
# accepted connections and never answered held a run for about a minute (auth.test, the outbox's
# posts, auth.test again, the escalation members' look-up, each waiting out its timeout), and the
# runs overlapped. A call starts only if it can end within this; what is left waits in the outbox
# for the next run.
RUN_BUDGET_SECONDS = 40.0


class CronSlackClient:
    """The run's limits on the bot's Slack client: after the first call Slack did not answer in
    time, or once the run's budget cannot hold another call, no further call is made, and a call's
    retry (a broken connection) only if it ends within the budget. Such a call
    raises the gateway's NotTried: its message is given back unclaimed with no attempt counted, and
    waits in the outbox for the next run. Also notes the longest Retry-After Slack answered with."""

    def __init__(self, timeout: float, budget: float) -> None:
        self.timeout = timeout
        self._ends = time.monotonic() + budget
        self._lock = threading.Lock()
        self.unanswered: str | None = None  # the method Slack did not answer in time
        self.out_of_time = False
        self.rate_limited: float | None = None  # the longest Retry-After of this run, in seconds

    def left(self) -> float:
        return self._ends - time.monotonic()

    def client(self, token: str, base_url: str) -> KeepAliveWebClient:
        from slack_sdk.errors import SlackApiError

        from bot.slack_gateway import NotTried, rate_limit_wait
        from bot.slack_http import KeepAliveWebClient, call_deadline

        limits = self

        class _Client(KeepAliveWebClient):
            def api_call(self, api_method: str, **kwargs: Any) -> Any:  # type: ignore[override]
                with limits._lock:
                    if limits.unanswered is not None:
                        raise NotTried(f"not asked: Slack did not answer {limits.unanswered} earlier in this run")
                    if limits.left() < limits.timeout:
                        limits.out_of_time = True
                        raise NotTried("not asked: this run's time for Slack is up")
                try:
                    # Within what is left of the budget, its retry included: a call whose connection
                    # broke is tried again at once with a whole new timeout (slack_http), which took
                    # auth.test and the member look-up past the budget.
                    with call_deadline(limits.left()):
                        return super().api_call(api_method, **kwargs)
                except TimeoutError:
                    with limits._lock:
                        limits.unanswered = limits.unanswered or api_method
                    raise
                except SlackApiError as e:
                    if (after := rate_limit_wait(e)) is not None:
                        with limits._lock:
                            limits.rate_limited = max(limits.rate_limited or 0.0, after)
                    raise

        return _Client(token=token, base_url=base_url, timeout=self.timeout)


def workspace_url(settings: Any, timeout: float = 10.0) -> str | None:
    """The workspace URL for message links in reminders; None (links to the channel) without Slack."""
    return ask_slack(settings, timeout)[0]


def ask_slack(settings: Any, timeout: float = 10.0,
              client: KeepAliveWebClient | None = None) -> tuple[str | None, str | None]:
    """auth.test: the workspace URL (None: reminders link to the channel) and the code Slack refused
    the bot token with (invalid_auth, token_revoked, account_inactive…), else None.

    Asked with the bot's own client, as every other call is: slack_sdk's bounds each read, not the
    answer, and one trickling in (a broken proxy) held the cron run, and every reminder, as long
    as it dripped."""
    if not settings.slack_bot_token:
        return None, None
    from slack_sdk.errors import SlackApiError

    from bot.slack_gateway import AUTH_ERRORS, error_code
    from bot.slack_http import KeepAliveWebClient

    own = client is None
    if client is None:
        client = KeepAliveWebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url, timeout=timeout)
    try:
        auth = client.auth_test()
    except (SlackApiError, OSError, http.client.HTTPException) as e:  # HTTPException: an answer broken off
        log.warning("could not ask Slack for the workspace URL (%s: %s); reminders link to the channel",
                    type(e).__name__, e)
        code = error_code(e) if isinstance(e, SlackApiError) else ""
        return None, code if code in AUTH_ERRORS else None
    finally:
        if own:
            client.close()
    return str(auth.get("url") or "") or None, None


# A pass of the gateway stops at a batch of which nothing went out (Slack refused all of it): what
# the failure handling wrote instead — an incident alert's copies to each escalation member, when
# the escalation channel is archived — is due at once, and serve's worker would send it a moment
# later. From cron there is no later: it waited for the next run that had something to remind of
# (the next re-alert, 15 minutes on). A few more passes send it; rows put off (Slack down) are not due.
SETTLE_PASSES = 5


def deliver_until_settled(db: Database, gateway: SlackGateway) -> int:
    from storage import outbox

    sent = 0
    for _ in range(SETTLE_PASSES):
        sent += gateway.deliver_due()
        with db.session() as s:
            if not outbox.eligible(s, gateway.clock(), 1):
                break
    return sent


def sweep_once(kessai: Kessai, now: datetime, *, settle_until: datetime, client: WebClient | None = None,
               deliver: Callable[[], int] | None = None) -> tuple[SweepReport, bool, int]:
    """One sweep as of ``now``: its report, whether it looked the escalation members up in Slack,
    and how many messages ``deliver`` (the outbox to Slack, when there is a bot token) sent.

    With ``client`` (a bot token) the sweep also makes the business day's look-up of the
    escalation members (key ``escalation.members:<date>``, once a day whoever sweeps): an install
    that runs only from cron, no ``kessai serve``, never checked them, and a member deactivated
    (退職・異動) went on being mentioned in re-alerts nobody read. The look-up runs beside the
    sweep, one Slack call per person each allowed the client's timeout: what the sweep wrote (an
    incident's re-alert) is delivered first, and the look-up is waited for after it, since the
    process ends once what the look-up wrote is delivered too. Waited for first, a slow Slack held
    the morning's re-alerts back for the whole look-up."""
    from bot.sweep import Sweeper

    sweeper = Sweeper(kessai, settle_until=settle_until, slack=client)
    report = sweeper.sweep(now)
    checked = sweeper.member_check is not None
    sent = deliver() if deliver is not None and report.total else 0
    if sweeper.member_check is not None:
        sweeper.member_check.join()
    if deliver is not None and checked:
        sent += deliver()
    return report, checked, sent


def waiting(db: Database) -> int:
    """How many messages wait in the outbox to be sent."""
    from sqlmodel import col, func, select

    from storage import outbox
    from storage.models import OutboxRow

    with db.session() as s:
        return int(s.exec(select(func.count()).where(col(OutboxRow.status) == outbox.PENDING)).one())


def _kept_ja(waiting: int) -> str:
    # A run with nothing waiting (a token refused before anything was due) said 「送るべき
    # リマインダーなど 0 件は送信待ちとして…記録してあり、失われていません」.
    if not waiting:
        return "今のところ送信待ちのメッセージはありませんが、このままでは次のリマインダーなども送れません。"
    return f"送るべきリマインダーなど {waiting} 件は送信待ちとしてデータベースに記録してあり、失われていません。"


def token_refused_ja(code: str, waiting: int, env: Mapping[str, str] | None = None, dotenv: str = ".env") -> str:
    """Said to cron when Slack refuses the bot token. ``env`` (os.environ by default) and ``dotenv``
    say where the token was read, so the new one goes where kessai reads it."""
    return (f"Slack がボットのトークン（SLACK_BOT_TOKEN）を受け付けなかったため、Slack にメッセージを送れませんでした（{code}）。"
            "アプリがワークスペースから削除されたか、トークンが取り消された・再発行された可能性があります。"
            + _kept_ja(waiting)
            + "Slack のアプリの管理画面（OAuth & Permissions）で Bot User OAuth Token を確かめて"
            + setting_place_ja("SLACK_BOT_TOKEN", env, dotenv)
            + "に設定し、kessai serve を再起動するか kessai remind をもう一度実行してください。"
            + ("そのとき 1 回だけ送られます。" if waiting else ""))


def scope_refused_ja(code: str, waiting: int) -> str:
    """Slack refusing chat:write: no message can be posted, the escalation channel's notice of it
    included (im:write alone is told there, and the channel posts go on)."""
    if code == "not_allowed_token_type":
        why = ("SLACK_BOT_TOKEN に設定されているトークンがボットトークンではないため、Slack がメッセージの投稿を"
               f"受け付けませんでした（{code}）。")
        fix = ("Slack のアプリの管理画面（OAuth & Permissions）の Bot User OAuth Token（xoxb- で始まるもの）を "
               "SLACK_BOT_TOKEN に設定し、")
    else:
        why = ("Slack がこのアプリにメッセージを投稿する権限（chat:write）を認めていないため、Slack にメッセージを"
               f"送れませんでした（{code}）。")
        fix = ("Slack のアプリの管理画面で、manifest.yaml の内容を App Manifest に貼り直すか、OAuth & Permissions の "
               "Bot Token Scopes に chat:write を追加して、アプリをワークスペースに再インストールしてください。"
               "Bot User OAuth Token が変わった場合は SLACK_BOT_TOKEN も設定し直し、")
    return (why + "エスカレーション先のチャンネルにも、このことをお知らせできません。"
            + _kept_ja(waiting)
            + fix + "kessai serve を再起動するか kessai remind をもう一度実行してください。"
            + ("そのとき 1 回だけ送られます。" if waiting else ""))


def slack_unreachable_ja(waiting: int) -> str:
    return ("Slack に接続できなかったため（Slack の障害、ネットワーク、プロキシなど）、メッセージを送れませんでした。"
            + _kept_ja(waiting)
            + ("Slack に接続できるようになった後の kessai remind の実行（kessai serve が動いていれば、そちら）で 1 回だけ送られます。"
               if waiting else "")
            + "続く場合は、このサーバーから https://slack.com/api/ に接続できるか（SLACK_API_URL・プロキシの設定）を確かめてください。")


def _due_after(db: Database, clock: Callable[[], datetime], seconds: float) -> bool:
    """Whether a message in the outbox is due to be sent ``seconds`` from now."""
    from storage import outbox

    with db.session() as s:
        return bool(outbox.eligible(s, clock() + timedelta(seconds=seconds), 1))


def _after_rate_limits(limits: CronSlackClient, db: Database, gateway: SlackGateway,
                       deliver: Callable[[], int]) -> int:
    """Slack answered 429: when the wait it asked for, and a call after it, fit in the run's budget,
    and a message is due by the end of the wait, wait and deliver again; else they wait for a later
    run. Messages waiting were not enough: put off for longer (an earlier run's 120 s 429, business
    hours), the run slept out a 429 of auth.test and sent nothing."""
    sent = 0
    while (wait := limits.rate_limited) is not None and limits.unanswered is None:
        if limits.left() < wait + limits.timeout or not _due_after(db, gateway.clock, wait):
            break
        limits.rate_limited = None
        time.sleep(wait)
        sent += deliver()
    return sent


def slack_unanswered_ja(timeout: float, waiting: int) -> str:
    return (f"{timeout:g} 秒待っても Slack から応答がなかったため、この実行では Slack への送信を打ち切りました"
            "（Slack の障害、ネットワーク、プロキシなど）。"
            + _kept_ja(waiting)
            + ("Slack が応答するようになった後の kessai remind の実行（kessai serve が動いていれば、そちら）で 1 回だけ送られます。"
               if waiting else "")
            + "続く場合は、このサーバーから https://slack.com/api/ に接続できるか（SLACK_API_URL・プロキシの設定）を確かめてください。")


def rate_limited_ja(seconds: float, waiting: int) -> str:
    return (f"Slack から、送る間隔をあけるよう求められました（{math.ceil(seconds)} 秒待つように、とのことです）。"
            f"残りの {waiting} 件は送信待ちとして記録してあり、その時間が過ぎた後の kessai remind の実行で送ります。")


def out_of_time_ja(waiting: int) -> str:
    return (f"Slack の応答に時間がかかったため、この実行の時間内（{RUN_BUDGET_SECONDS:g} 秒）に送りきれませんでした。"
            f"残りの {waiting} 件は送信待ちとして記録してあり、次回の kessai remind の実行で送ります。")


def run_remind(args: argparse.Namespace) -> int:
    from bot.services import Kessai
    from storage import roster
    from storage.db import Database

    settings = load_settings()
    tz = ZoneInfo(settings.tz)
    try:
        now = parse_now(args.now, tz)
    except ValueError as e:
        print(str(e), file=sys.stderr)
        return 2
    if now > datetime.now(tz) + FUTURE_LIMIT:
        # A sweep acts as of --now: a typo far ahead would expire drafts and write ledger entries
        # dated in the future, which can never be removed.
        print(f"--now「{args.now}」は今より {FUTURE_LIMIT.days} 日以上先の日時です。日時を確かめてください"
              "（先の日時で実行すると、期限切れなどが取り消せない形で台帳に記録されます）。", file=sys.stderr)
        return 2
    org = load_org_config(Path(settings.config_path), tz=settings.tz)
    if missing := missing_sqlite_file_ja(settings.database_url):
        print(missing, file=sys.stderr)
        return 2
    db = Database(settings.database_url)
    client = None
    gateway: SlackGateway | None = None
    try:
        problem = pending_migrations_ja(db)
        if problem:
            print(problem, file=sys.stderr)
            return 2
        kessai = Kessai(db, org, tz=settings.tz)
        with db.session() as s:
            changed = roster.sync(s, org)
            kessai.notify.roster_changed(s, datetime.now(UTC), users=changed)
            kessai.follow_author_standing(s, datetime.now(UTC), sorted(changed))
        limits = CronSlackClient(SLACK_TIMEOUT_SECONDS, RUN_BUDGET_SECONDS)
        # An example's token left in is not sent to Slack, whose invalid_auth was said as a token
        # revoked or reissued: the sweep runs, what it writes waits, and cron is told what serve says.
        example = settings.bot_token_example_ja()
        if settings.slack_bot_token and example is None:
            client = limits.client(settings.slack_bot_token, settings.slack_api_url)
        kessai.workspace_url, refused = (None, None) if example else ask_slack(settings, client=client)
        real_now = datetime.now(UTC)
        if refused is not None or limits.unanswered is not None:
            # Refused: nothing can go. Unanswered: every call would wait out its timeout again.
            # The sweep still runs; what it writes waits in the outbox.
            if client is not None:
                client.close()
            client = None
        deliver: Callable[[], int] | None = None
        if client is not None:
            # Run from cron without a serve process: deliver what the sweep wrote now (and what the
            # look-up of the escalation members told their channel). With serve running, its
            # outbox worker would deliver them anyway (claims keep it to once).
            from bot.delivery_failures import DeliveryFailureReporter
            from bot.incidents import IncidentService
            from bot.slack_gateway import SlackGateway

            failures = DeliveryFailureReporter(db, org, kessai.clock, tz=settings.tz, from_cron=True)
            incidents = IncidentService(kessai)
            failures.incident_alert = incidents.current_alert
            failures.incident_whole = incidents.whole_under_copy
            # A refused im:write is told in the escalation channel, as serve does: from cron alone the
            # DMs (approval requests, reminders) waited and nobody was told.
            gateway = SlackGateway(db, client, render_home=kessai.homes.render, on_permanent_failure=failures,
                                   on_scope_change=failures.scope_changed)
            gateway.release_held_for_token()
            gateway.release_held_for_scopes()
            deliver = partial(deliver_until_settled, db, gateway)
        report, checked, sent = sweep_once(kessai, now, settle_until=real_now, client=client, deliver=deliver)
        if deliver is not None and not report.total and not checked:
            # What an earlier run left waiting (Slack refused the token, was down, or the run was
            # killed before it sent): only delivered when this run wrote something, it waited for the
            # next reminder due (hours or days later) when no serve runs.
            sent = deliver()
        if deliver is not None and gateway is not None:
            sent += _after_rate_limits(limits, db, gateway, deliver)
        print(f"{now.astimezone(tz):%Y-%m-%d %H:%M} の時点で確認しました。{report.summary_ja()}")
        if now > real_now + timedelta(minutes=1):
            print("今より先の時刻のため、下書きの期限切れ（台帳に記録され、取り消せません）と未投稿の確認は、"
                  "今の時点で投稿予定時刻を過ぎているものだけを処理しました。")
        if client is not None and (report.total or checked or sent):
            print(f"Slack に {sent} 件のメッセージを送りました。")
        elif report.total and not settings.slack_bot_token:
            print("SLACK_BOT_TOKEN がないため、まだ Slack には送っていません。kessai serve が動いていれば、"
                  "そちらがすぐに送ります（動いていなければ、トークンを設定してもう一度実行してください）。")
        # Exit 1 (cron mails its admin) when Slack took none of what was to be sent: the messages wait
        # in the database, and the next run (or serve) sends them, once, when Slack takes them again.
        if refused is None and gateway is not None:
            # The token's own refusal, not auth_problem(): a refused scope (im:write) is told in the
            # escalation channel by the failure reporter and is no revoked token.
            refused = gateway.auth_error
        if example is not None:
            print(example + _kept_ja(waiting(db)), file=sys.stderr)
            return 1
        if refused is not None:
            print(token_refused_ja(refused, waiting(db)), file=sys.stderr)
            return 1
        # chat:write refused: nothing can be posted, and no channel can say so; cron must. A refused
        # im:write alone stays exit 0: the channel posts go on and the escalation channel is told.
        if gateway is not None and (code := gateway.scope_refusals().get("chat:write")) is not None:
            print(scope_refused_ja(code, waiting(db)), file=sys.stderr)
            return 1
        if limits.unanswered is not None:
            print(slack_unanswered_ja(SLACK_TIMEOUT_SECONDS, waiting(db)), file=sys.stderr)
            return 1
        if gateway is not None and gateway.failing_since() is not None:
            print(slack_unreachable_ja(waiting(db)), file=sys.stderr)
            return 1
        if limits.rate_limited is not None and (left := waiting(db)):
            print(rate_limited_ja(limits.rate_limited, left))
        elif limits.out_of_time and (left := waiting(db)):
            print(out_of_time_ja(left))
    finally:
        if gateway is not None:
            gateway.stop()  # its sending threads, which lived on in-process (tests) until collected
        if client is not None:
            client.close()  # its kept connections to Slack, as the database's below
        db.dispose()
    return 0


def run_incidents_export(args: argparse.Namespace) -> int:
    from bot import exporting, incidents
    from storage import roster
    from storage.db import Database

    settings = load_settings()
    tz = ZoneInfo(settings.tz)
    try:
        start, end = exporting.day_range(args.date_from, args.date_to, tz)
    except ValueError as e:
        print(e, file=sys.stderr)
        return 2
    if kept := exporting.kept_file_problem(args.output, database_url=settings.database_url,
                                           config_path=settings.config_path):
        print(kept, file=sys.stderr)
        return 2
    org = load_org_config(Path(settings.config_path), tz=settings.tz)
    if missing := missing_sqlite_file_ja(settings.database_url):
        print(missing, file=sys.stderr)
        return 1
    db = Database(settings.database_url)
    try:
        with db.session() as s:
            rows = incidents.export_rows(s, org, roster.member_names(s), tz, start, end)
    finally:
        db.dispose()
    long_cells: list[exporting.LongCell] = []
    text = incidents.to_csv(rows, long_cells=long_cells) if args.format == "csv" else exporting.to_json(rows)
    exporting.write(text, args.output, count=len(rows), what_ja="インシデント")
    if note := exporting.long_cells_ja(long_cells, incidents.EXPORT_COLUMNS["id"]):
        print(note, file=sys.stderr)
    if not rows and args.output in (None, "", "-"):
        print(exporting.nothing_written_ja("インシデント", args.date_from, args.date_to, args.format), file=sys.stderr)
    return 0
