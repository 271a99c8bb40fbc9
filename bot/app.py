"""Assembly: the one place that wires slack-bolt, services, the outbox gateway and the scheduler."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

from slack_bolt import App
from slack_bolt.middleware.authorization.single_team_authorization import SingleTeamAuthorization
from slack_sdk import WebClient

from bot import left_behind
from bot.channel_names import ChannelNames
from bot.config import OrgConfig, Settings
from bot.delivery_failures import DeliveryFailureReporter
from bot.incidents import IncidentService
from bot.services import Kessai
from bot.slack_gateway import SlackGateway
from bot.slack_http import KeepAliveWebClient
from storage import drafts as draft_repo
from storage import roster
from storage.db import Database, migrations_current, readable_url, utcnow

log = logging.getLogger(__name__)

SLACK_RESPONSE_URL_PREFIX = "https://hooks.slack.com/"


@dataclass
class Runtime:
    """Everything a running bot holds, so that serve, demo and tests start and stop it the same way."""

    settings: Settings
    org: OrgConfig
    db: Database
    client: WebClient
    gateway: SlackGateway
    kessai: Kessai
    app: App
    team_id: str | None = None
    extras: list[object] = field(default_factory=list)
    channel_names: ChannelNames | None = None
    # What else the runtime's parts started, stopped first (while the client is still open):
    # the web app's SlackClock thread.
    on_stop: list[Callable[[], None]] = field(default_factory=list)

    def stop(self) -> None:
        from handlers.payloads import close_quick_client

        for stop in self.on_stop:
            stop()
        self.gateway.stop()
        close_quick_client(self.client.token, self.client.base_url)
        if self.channel_names is not None:
            self.channel_names.close()
        self.db.dispose()


def shifted_clock(start: datetime) -> Callable[[], datetime]:
    """A clock that reads ``start`` now and keeps running: the demo and tests pin the business day
    (weekday, office hours) without freezing the time that retries and leases depend on."""
    offset = start - datetime.now(UTC)

    def now() -> datetime:
        return datetime.now(UTC) + offset

    return now


def response_url_prefixes(api_url: str) -> tuple[str, ...]:
    """Slack's hook host, plus the API host itself when pointed at a local Slack-compatible server."""
    prefixes = [SLACK_RESPONSE_URL_PREFIX]
    parsed = urlparse(api_url)
    if parsed.hostname not in ("slack.com", "www.slack.com"):
        prefixes.append(f"{parsed.scheme}://{parsed.netloc}/")
    return tuple(prefixes)


def build_runtime(settings: Settings, org: OrgConfig, *, upgrade: bool = True, start_gateway: bool = True,
                  clock: Callable[[], datetime] = utcnow, slack_timeout: float = 10.0,
                  monotonic: Callable[[], float] | None = None) -> Runtime:
    db = Database(settings.database_url)
    client = KeepAliveWebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url,  # type: ignore[arg-type]
                                timeout=slack_timeout)
    try:
        return _build_runtime(settings, org, db, client, upgrade=upgrade, start_gateway=start_gateway, clock=clock,
                              monotonic=monotonic)
    except BaseException:
        # A start that fails (Slack refusing the token at auth.test, the database refusing the
        # upgrade) leaves no connection open: in the process that called, they stayed until the
        # garbage collector came by. (The gateway is started last: nothing else runs yet.)
        client.close()
        db.dispose()
        raise


def log_new_database(database_url: str) -> None:
    """Say where a database kessai has just created its tables in is. A serve started from another
    folder (systemd without WorkingDirectory=, a terminal elsewhere) with sqlite:///kessai.db made
    a new, empty one there and ran on it, while every 決裁 so far sat in the other kessai.db."""
    from bot.config import sqlite_file

    found = sqlite_file(database_url)
    if found is None:
        log.info("created kessai's tables in the new database %s", readable_url(database_url))
    elif found[1]:
        log.warning("created a new, empty SQLite database at %s: DATABASE_URL names it relative to the working "
                    "directory (%s). If kessai has run before, its records are in the kessai.db of the folder it "
                    "ran in: stop kessai, and write that file's absolute path in DATABASE_URL (sqlite:////opt/kessai/"
                    "kessai.db) or set the working directory (systemd WorkingDirectory=)", found[0], found[0].parent)
    else:
        log.info("created a new, empty SQLite database at %s", found[0])


def _build_runtime(settings: Settings, org: OrgConfig, db: Database, client: KeepAliveWebClient, *, upgrade: bool,
                   start_gateway: bool, clock: Callable[[], datetime],
                   monotonic: Callable[[], float] | None = None) -> Runtime:
    from handlers import fallback, register_listeners

    if upgrade and db.upgrade()[0] is None:
        log_new_database(settings.database_url)
    failures = DeliveryFailureReporter(db, org, clock, tz=settings.tz)
    gateway = SlackGateway(db, client, clock=clock, monotonic=monotonic, on_permanent_failure=failures,
                           on_scope_change=failures.scope_changed)
    kessai = Kessai(db, org, after_commit=gateway.kick, tz=settings.tz, clock=clock)
    incident_service = IncidentService(kessai)
    failures.incident_alert = incident_service.current_alert
    failures.incident_whole = incident_service.whole_under_copy
    kessai.on_access_lost = gateway.access_lost
    channel_names = ChannelNames.for_bot(client)
    kessai.channel_name_of = channel_names.name_of
    schema_current = upgrade or migrations_current(db.engine)
    with db.session() as s:
        changed = roster.sync(s, org)
        kessai.notify.roster_changed(s, clock(), users=changed)
        if schema_current:
            # Only on the current schema: the look reads columns an old one lacks (published_at).
            for item in left_behind.find(s, org):
                log.warning("%s", left_behind.said_en(item))
            kessai.follow_author_standing(s, clock(), sorted(changed))
        else:
            # A replica started before `kessai db upgrade` must still come up and say so in /healthz;
            # the redraw reads columns the old schema lacks, so it waits for the next start.
            log.warning("database migrations are pending: threads of authors whose standing changed "
                        "are redrawn at the next start")
    gateway.render_home = kessai.homes.render
    with db.session() as s:  # read before asking: only these can the answer say are over
        lost_before = draft_repo.access_lost_records(s)
    auth = client.auth_test()
    team_id = str(auth.get("team_id") or "") or None
    kessai.workspace_url = str(auth.get("url") or "") or None
    kessai.bot_user_id = str(auth.get("user_id") or "") or None
    with db.session() as s:  # Slack accepts this token: a revocation recorded earlier is over
        if draft_repo.forget_access_lost(s, lost_before):
            log.info("Slack accepts the bot token again: /healthz no longer reports the token revoked")
    app = App(
        # The name Bolt gives itself when none is passed (the file that builds it), passed so that
        # Bolt skips inspect.stack() to find it: that reads the source of every frame on the stack,
        # 0.1-0.2 s per App under a test runner's deep stack, and the suite builds hundreds.
        name=Path(__file__).name,
        client=client,
        signing_secret=settings.slack_signing_secret or "socket-mode-needs-no-secret",
        token_verification_enabled=False,  # we already called auth.test above
        # Process before answering: if the database is down the request fails with 500 and Slack
        # retries it (our inbound dedup makes the retry safe), instead of being acked and lost.
        process_before_response=True,
        raise_error_for_unhandled_request=False,
        # Bolt's filter of the bot's own events also drops the deletion of a message of ours (an
        # incident's alert): handlers.middleware filters them instead, keeping that one.
        ignoring_self_events_enabled=False,
    )
    # Without verification Bolt asks auth.test again on the first request it receives and, when Slack
    # refuses the token then (revoked since start), acks that request 200 with its own English
    # "reinstall this app" and drops it: a draft Slack never resends. Handing it the answer above
    # lets events be stored; what kessai sends then waits for a working token in the outbox.
    for middleware in app._middleware_list:
        if isinstance(middleware, SingleTeamAuthorization):
            middleware.auth_test_result = auth
            break
    else:  # a Bolt release that builds its middleware otherwise: say so rather than lose drafts unseen
        log.warning("slack_bolt's SingleTeamAuthorization was not found: a draft written after the bot token "
                    "is revoked may be acknowledged and dropped (check kessai with this slack_bolt version)")
    prefixes = response_url_prefixes(settings.slack_api_url)
    register_listeners(app, kessai, team_id=team_id, response_url_prefixes=prefixes)
    fallback.register(app, kessai, response_url_prefixes=prefixes)  # last, so it only catches leftovers
    if start_gateway:
        gateway.start()
        kessai.notify.express_lease = lambda: gateway.express_lease
    log.info("kessai ready: team %s, %d accounts, database %s", team_id, len(org.accounts), readable_url(db.engine.url))
    return Runtime(settings=settings, org=org, db=db, client=client, gateway=gateway, kessai=kessai, app=app, team_id=team_id,
                   channel_names=channel_names)
