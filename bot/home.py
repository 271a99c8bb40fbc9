"""What a person sees of the drafts: the App Home and ``/kessai status`` (reads only)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot import render
from bot.config import OrgConfig
from bot.incidents import ACK_ACTION, RESOLVE_ACTION, ack_label, escalation_people
from bot.render import HomeItem
from bot.workflow import DraftState, state_ja
from storage import away as away_repo
from storage import drafts as draft_repo
from storage.db import Database
from storage.models import DraftRow, DraftVersionRow, IncidentRow

INCIDENT_KINDS_JA = {"flaming": "炎上", "impersonation": "なりすまし", "password_leak": "パスワード漏えい",
                     "misposting": "誤投稿", "other": "その他"}
INCIDENT_STATUS_JA = {"open": "未対応", "acked": "対応中", "resolved": "解決済み"}
STATUS_NEXT_STEP = {
    "checking": "スレッドでアカウントを選んでください",
    "needs_fix": "修正するか、理由を付けて決裁依頼してください",
    "pending": "決裁を待っています",
    "approved": "投稿後に「投稿済みにする」を押してください",
    "exempt": "投稿後に「投稿済みにする」を押してください",
    "rejected": "スレッドで差戻しの理由を確認し、修正して出し直してください",
    "expired": "投稿予定日時を過ぎたため、投稿する場合は日時を改めて出し直してください",
}
# A rejected or expired draft stays on the list this long: long enough to act on, not forever.
ENDED_SHOWN_FOR = timedelta(days=14)
STATUS_SHOWN = 15  # drafts listed in each part of /kessai status; the rest are counted
# Open incidents read for App Home before choosing the viewer's: far more than are ever open at once.
OPEN_INCIDENTS_READ = 500


class HomeViews:
    """Renders what waits for a person and where their own drafts stand, as of now."""

    def __init__(self, db: Database, org: OrgConfig, *, clock: Callable[[], datetime], tz: ZoneInfo,
                 name_of: Callable[[str], str]) -> None:
        self.db = db
        self.org = org
        self.clock = clock
        self.tz = tz
        self.name_of = name_of

    def local(self, t: datetime) -> datetime:
        return t.astimezone(self.tz)

    def render(self, viewer: str) -> dict[str, Any]:
        """The App Home as of now (the outbox calls this when it delivers a refresh)."""
        with self.db.session() as s:
            return self.view(s, self.clock(), viewer)

    def waiting_for(self, s: Session, viewer: str, limit: int) -> tuple[list[tuple[DraftRow, str | None]], int]:
        """Pending drafts ``viewer`` may decide now (oldest first, at most ``limit``), with the
        approver they would act for; and how many wait in all."""
        return draft_repo.waiting_for(
            s, viewer, approves=[a.id for a in self.org.accounts if viewer in a.approvers],
            accounts=[a.id for a in self.org.accounts], limit=limit)

    def view(self, s: Session, now: datetime, viewer: str) -> dict[str, Any]:
        pending, waiting_total = self.waiting_for(s, viewer, render.HOME_WAITING_SHOWN)
        authored = draft_repo.by_author(s, viewer, limit=20)
        versions = draft_repo.current_versions(s, [d for d, _ in pending] + authored)
        waiting = [self._item(s, d, acting_for, versions.get(d.id or 0)) for d, acting_for in pending]
        mine = [self._item(s, d, None, versions.get(d.id or 0)) for d in authored]
        local = self.local(now)
        month_start = datetime(local.year, local.month, 1, tzinfo=self.tz)
        next_month = datetime(local.year + local.month // 12, local.month % 12 + 1, 1, tzinfo=self.tz)
        mine_accounts = [a for a in self.org.accounts
                         if viewer in a.operators or viewer in a.approvers or viewer in a.deputies]
        months = [render.AccountMonth(a.name, draft_repo.published_count(s, a.id, month_start, next_month),
                                      self.org.policy.min_posts_per_month) for a in mine_accounts]
        incidents = [render.IncidentItem(
            id=i.id or 0, kind_ja=INCIDENT_KINDS_JA.get(i.kind, i.kind),
            account_name=self._account_name(i.account_id),
            status_ja=INCIDENT_STATUS_JA.get(i.status, i.status), description=i.description,
            created_at=self.local(i.created_at), action=self._incident_action(viewer, i))
            for i in draft_repo.open_incidents(s, limit=OPEN_INCIDENTS_READ)
            if self._sees_incident(viewer, i, has_account=bool(mine_accounts))]
        return render.home_view(waiting=waiting, waiting_total=waiting_total, mine=mine, viewer_name=self.name_of(viewer), accounts=months,
                                incidents=incidents, month_label=f"（{local.year}年{local.month}月）",
                                can_submit=any(viewer in a.operators for a in self.org.accounts))

    def _account_name(self, account_id: str | None) -> str:
        if not account_id:
            return render.NO_ACCOUNT_JA
        account = self.org.account(account_id)
        # An account since removed from the organisation file is still the one it was about.
        return account.name if account else render.unlisted_account(account_id)

    def _incident_action(self, viewer: str, inc: IncidentRow) -> tuple[str, str] | None:
        """The button ``viewer`` is offered on the incident: only the escalation members may press
        対応開始 or 解決 (IncidentService); the others see it listed. One acknowledged by someone the
        file no longer counts among them offers 引き継いで対応開始 first, as its alert does: with the
        alert deleted, 解決 alone left it in the leaver's name, nobody able to take it over."""
        members = escalation_people(self.org, inc.account_id)
        if viewer not in members:
            return None
        label = ack_label(inc, members)
        return (ACK_ACTION, label) if label is not None else (RESOLVE_ACTION, "解決")

    def _sees_incident(self, viewer: str, inc: IncidentRow, *, has_account: bool) -> bool:
        """Whether an open incident is ``viewer``'s to see: the people its alert reaches (the
        account's approvers and deputies, 情報政策室 / 広報対話課's 課長補佐以上), its reporter and the
        account's operators; one about no account, everyone who runs an account. A password leak
        is not for every member of the roster."""
        if viewer == inc.reporter_id or viewer in escalation_people(self.org, inc.account_id):
            return True
        if inc.account_id is None:
            return has_account
        account = self.org.account(inc.account_id)
        return account is not None and viewer in account.operators

    def _item(self, s: Session, d: DraftRow, acting_for: str | None = None,
                   v: DraftVersionRow | None = None) -> HomeItem:
        v = v or draft_repo.version(s, d.id or 0, d.current_version)
        return render.HomeItem(
            draft_id=d.id or 0, version=d.current_version,
            account_name=self._account_name(d.account_id),
            author_name=self.name_of(d.author_id), state_ja=state_ja(d.state), excerpt=v.text if v else "",
            updated_at=self.local(d.updated_at), acting_for_name=self.name_of(acting_for) if acting_for else None,
            scheduled_at=self.local(v.scheduled_at) if v and v.scheduled_at else None, next_step=self._next_step(d),
            content_hash=v.content_hash if v else "",
        )

    def status_text(self, viewer: str) -> str:
        """/kessai status: what waits for the viewer, and which of their drafts need something."""
        with self.db.session() as s:
            waiting, waiting_total = self.waiting_for(s, viewer, STATUS_SHOWN)
            mine, mine_total = draft_repo.not_final(s, viewer, ended_since=self.clock() - ENDED_SHOWN_FOR,
                                                    limit=STATUS_SHOWN)
            lines = [f"*あなたの決裁待ち: {waiting_total}件*"]
            for d, acting_for in waiting:
                item = self._item(s, d, acting_for)
                who = f"（{render.escape(item.acting_for_name)} さんの代決）" if item.acting_for_name else ""
                lines.append(f"• {render.escape(item.account_name)} 第{item.version}版{who} — 作成者 "
                             f"{render.escape(item.author_name)}、投稿予定 {render.fmt_time(item.scheduled_at)}")
            if waiting_total > len(waiting):
                lines.append(f"（古いものから{len(waiting)}件を表示しています）")
            lines.append(f"*対応が必要なあなたの下書き: {mine_total}件*")
            for d in mine:
                item = self._item(s, d)
                lines.append(f"• {item.state_ja} — {render.escape(item.account_name)} 第{item.version}版: "
                             f"{render.escape(' '.join(render.clean_text(item.excerpt[:40]).split()))}"
                             f" — {self._status_next_step(d)}")
            if mine_total > len(mine):
                lines.append(f"（古いものから{len(mine)}件を表示しています）")
            absence = away_repo.absence(s, viewer)
        if absence and self.local(absence[1]) > self.local(self.clock()):
            until = self.local(absence[1]) - timedelta(days=1)
            lines.append(f"不在登録: {render.fmt_days(self.local(absence[0]).date(), until.date())}")
        if len(lines) == 2:
            return "決裁待ちの下書きも、対応が必要な下書きもありません。"
        return "\n".join(lines)


    def _status_next_step(self, d: DraftRow) -> str:
        """What /kessai status tells the author to do next: nothing they can no longer do."""
        account = self.org.account(d.account_id) if d.account_id else None
        if d.account_id and account is None:
            return "アカウントが組織設定から削除されたため、システム管理者（IT 担当）にご相談ください"
        if account is not None and d.author_id not in account.operators and d.state in (
                DraftState.NEEDS_FIX, DraftState.REJECTED, DraftState.EXPIRED):
            return (f"あなたは現在「{render.escape(account.name)}」の運用担当者ではないため、"
                    "投稿が必要な場合はほかの運用担当者に依頼してください")
        return STATUS_NEXT_STEP.get(d.state, "")

    def _next_step(self, d: DraftRow) -> str | None:
        """The button its author needs next on Home: a pasted draft is corrected by editing its
        message, so only a draft the bot posted offers 「修正する」, and only to an author who
        still operates its account (the organisation file may have dropped them: the button
        would only refuse). 「投稿済みにする」 stays theirs (see Kessai._authorize_publish); a
        draft of an account removed from the file offers neither."""
        account = self.org.account(d.account_id) if d.account_id else None
        if account is None:
            return None
        if d.state in (DraftState.NEEDS_FIX, DraftState.REJECTED) and d.source != "channel":
            return "revise" if d.author_id in account.operators else None
        if d.state in (DraftState.APPROVED, DraftState.EXEMPT):
            return "publish"
        return None
