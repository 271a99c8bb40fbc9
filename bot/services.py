"""Use cases: what happens when a draft arrives, is edited, or is decided.

Every use case runs in one unit of work: state change, ledger entry and outbox messages commit
together or not at all; only afterwards is the Slack gateway woken to deliver.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot import errors, render
from bot.config import Account, OrgConfig
from bot.ledger import content_hash
from bot.notifications import Notifier
from bot.render import DecisionView, DraftView
from bot.rules import CheckContext, Finding, check, is_blocking
from bot.workflow import VOIDED_BY_EDIT, DraftEvent, DraftState, next_state
from storage import drafts as draft_repo
from storage import ledger as ledger_repo
from storage.db import Database, utcnow
from storage.models import DraftRow, DraftVersionRow, FindingRow

log = logging.getLogger(__name__)

DUPLICATE_WINDOW = timedelta(days=30)
DUPLICATE_STATES = (DraftState.PENDING, DraftState.APPROVED, DraftState.EXEMPT, DraftState.PUBLISHED)


@dataclass(frozen=True)
class IncomingMessage:
    channel: str
    user: str
    ts: str
    text: str
    event_key: str


@dataclass(frozen=True)
class Outcome:
    """What happened, for logs and tests (Slack is told through the outbox, not through this)."""

    kind: str
    draft_id: int | None = None


class Kessai:
    def __init__(self, db: Database, org: OrgConfig, *, clock: Callable[[], datetime] = utcnow,
                 after_commit: Callable[[], None] = lambda: None, tz: str = "Asia/Tokyo") -> None:
        self.db = db
        self.org = org
        self.clock = clock
        self.after_commit = after_commit
        self.notify = Notifier()
        self.tz = ZoneInfo(tz)

    # -- names ----------------------------------------------------------------------------
    def name_of(self, slack_id: str) -> str:
        m = self.org.member(slack_id)
        return m.name if m else slack_id

    # -- intake ---------------------------------------------------------------------------
    def receive_message(self, m: IncomingMessage) -> Outcome:
        accounts = self.org.accounts_for_channel(m.channel)
        if not accounts:
            return Outcome("not_intake")
        now = self.clock()
        with self.db.session() as s:
            if not draft_repo.claim_event(s, m.event_key, now):
                return Outcome("duplicate")
            if draft_repo.by_message(s, m.channel, m.ts) is not None:
                return Outcome("duplicate")
            operated = [a for a in accounts if m.user in a.operators]
            if not operated:
                self.notify.ephemeral(
                    s, now, channel=m.channel, user=m.user,
                    text=(
                        "このチャンネルに投稿されたメッセージは、登録された運用担当者の下書きだけが決裁に回ります。"
                        "あなたはこのチャンネルのアカウント（"
                        + "、".join(a.name for a in accounts)
                        + "）の運用担当者として登録されていないため、下書きとして受け付けませんでした。"
                        "登録が必要な場合は、情報政策室（システム管理者）にご相談ください。"
                    ),
                )
                outcome = Outcome("not_operator")
            else:
                draft = self._create_draft(s, now, operated[0], m)
                outcome = Outcome(draft.state, draft.id)
        self.after_commit()
        return outcome

    def _create_draft(self, s: Session, now: datetime, account: Account, m: IncomingMessage) -> DraftRow:
        draft = DraftRow(
            account_id=account.id, author_id=m.user, channel=m.channel, message_ts=m.ts,
            state=DraftState.CHECKING, current_version=1, created_at=now, updated_at=now,
        )
        s.add(draft)
        s.flush()
        self._new_version(s, now, draft, account, m.text, number=1)
        return draft

    def _new_version(self, s: Session, now: datetime, draft: DraftRow, account: Account, text: str,
                     *, number: int) -> None:
        text = _storable(text)
        version = DraftVersionRow(
            draft_id=draft.id or 0, number=number, text=text, scheduled_at=None, alt_texts=[],
            content_hash=content_hash(text=text, account_id=account.id, scheduled_at=None, alt_texts=[]),
            created_at=now,
        )
        s.add(version)
        s.flush()
        findings = self._check(s, now, draft, account, text)
        for f in findings:
            s.add(FindingRow(version_id=version.id or 0, code=f.code, severity=f.severity, message=f.message,
                             start=f.start, end=f.end, excerpt=_storable(f.excerpt), clause=f.clause,
                             suggestion=f.suggestion))
        blocking = is_blocking(findings)
        draft.current_version = number
        draft.state = next_state(draft.state, DraftEvent.CHECKED_BLOCKING if blocking else DraftEvent.CHECKED_CLEAN)
        draft.updated_at = now
        s.add(draft)
        view = self._view(draft, account, version, findings)
        self.notify.check_result(s, now, channel=draft.channel, thread_ts=draft.message_ts, view=view,
                                 blocking=blocking)
        if not blocking:
            self.notify.approval_requests(s, now, channel=draft.channel, thread_ts=draft.message_ts, view=view,
                                          approvers=self.approvers_for(account, author=draft.author_id))

    def approvers_for(self, account: Account, *, author: str) -> list[str]:
        # The author never decides on their own draft, so they are not asked to.
        return [a for a in account.approvers if a != author]

    def _check(self, s: Session, now: datetime, draft: DraftRow, account: Account, text: str) -> list[Finding]:
        recent = draft_repo.recent_texts(s, account.id, now - DUPLICATE_WINDOW, list(DUPLICATE_STATES), draft.id)
        ctx = CheckContext(
            platform=account.platform, now=now.astimezone(self.tz), category=draft.category,
            hashtags_allowed=tuple(account.hashtags), recent_texts=tuple(recent),
            policy=self.org.rule_policy(str(self.tz)), overrides=self.org.rule_overrides(),
        )
        return check(text, ctx)

    def _view(self, draft: DraftRow, account: Account, version: DraftVersionRow,
              findings: list[Finding] | list[FindingRow]) -> DraftView:
        fs = [f if isinstance(f, Finding) else _finding(f) for f in findings]
        return DraftView(
            id=draft.id or 0, version=version.number, account_name=account.name, platform=account.platform,
            author_id=draft.author_id, author_name=self.name_of(draft.author_id), text=version.text,
            scheduled_at=version.scheduled_at.astimezone(self.tz) if version.scheduled_at else None,
            findings=fs, override_reason=draft.override_reason,
            approver_names=[self.name_of(a) for a in self.approvers_for(account, author=draft.author_id)],
        )

    def load_view(self, s: Session, draft: DraftRow, number: int | None = None) -> DraftView:
        account = self._account(draft)
        v = draft_repo.version(s, draft.id or 0, number or draft.current_version)
        if v is None:
            raise errors.UnknownDraft()
        return self._view(draft, account, v, draft_repo.findings(s, v.id or 0))

    def _account(self, draft: DraftRow) -> Account:
        account = self.org.account(draft.account_id)
        if account is None:
            raise errors.KessaiError("この下書きのアカウントは組織設定から削除されています。情報政策室にご相談ください。")
        return account

    # -- edits ----------------------------------------------------------------------------
    def receive_edit(self, *, channel: str, ts: str, user: str, text: str, event_key: str) -> Outcome:
        now = self.clock()
        with self.db.session() as s:
            if not draft_repo.claim_event(s, event_key, now):
                return Outcome("duplicate")
            draft = draft_repo.by_message(s, channel, ts)
            if draft is None:
                return Outcome("not_a_draft")
            current = draft_repo.version(s, draft.id or 0, draft.current_version)
            if current is not None and current.text == _storable(text):
                # Link unfurls and attachments also arrive as message_changed with the same text.
                return Outcome("unchanged", draft.id)
            if draft.state == DraftState.PUBLISHED:
                self.notify.ephemeral(
                    s, now, channel=channel, user=user, thread_ts=ts,
                    text="この下書きは投稿済みのため、編集内容は決裁の対象になりません。"
                         "訂正が必要な場合は、訂正・お詫びの文面を新しい下書きとして投稿してください。",
                )
                outcome = Outcome("published_edit_refused", draft.id)
            else:
                self._apply_edit(s, now, draft, text)
                outcome = Outcome(draft.state, draft.id)
        self.after_commit()
        return outcome

    def _apply_edit(self, s: Session, now: datetime, draft: DraftRow, text: str) -> None:
        account = self._account(draft)
        old_state = DraftState(draft.state)
        old_number = draft.current_version
        if old_state in VOIDED_BY_EDIT:
            old_view = self.load_view(s, draft, old_number)
            if old_state in (DraftState.APPROVED, DraftState.EXEMPT):
                old = draft_repo.version(s, draft.id or 0, old_number)
                assert old is not None
                ledger_repo.append(
                    s, draft_id=draft.id or 0, version_number=old_number, kind="void",
                    content_hash=old.content_hash, decider_id=draft.author_id, acting_for_id=None,
                    reason=f"第{old_number + 1}版への編集により、第{old_number}版の決裁は無効になりました。",
                    decided_at=now.astimezone(self.tz),
                )
                note = f"作成者が下書きを編集したため、第{old_number}版への承認は無効になりました。新しい版で改めて決裁が必要です。"
            else:
                note = f"作成者が下書きを編集したため、第{old_number}版の決裁依頼は取り消されました。"
            self.notify.voided(s, now, view=old_view, note=note)
        draft.state = next_state(old_state, DraftEvent.EDIT)
        self._new_version(s, now, draft, account, text, number=old_number + 1)

    # -- decisions ------------------------------------------------------------------------
    def authorize_decider(self, s: Session, draft: DraftRow, version: int, actor: str) -> Account:
        """Raise the refusal that applies to ``actor`` deciding ``draft`` at ``version``."""
        account = self._account(draft)
        member = self.org.member(actor)
        if draft.author_id == actor:
            raise errors.OwnDraft()
        if member is None or actor not in account.approvers:
            raise errors.NotAnApprover()
        if not self.org.rank_at_least(member.rank, self.org.policy.approver_min_rank):
            raise errors.NotAnApprover(
                f"決裁できるのは{self.org.policy.approver_min_rank}以上の職員です（あなたの職位: {member.rank}）。"
            )
        if draft.current_version != version:
            raise errors.StaleVersion()
        if draft.state != DraftState.PENDING:
            raise self._already_decided(s, draft)
        return account

    def _already_decided(self, s: Session, draft: DraftRow) -> errors.KessaiError:
        entries = ledger_repo.entries_for_draft(s, draft.id or 0)
        if entries and draft.state in (DraftState.APPROVED, DraftState.REJECTED):
            e = entries[-1]
            label = {"approved": "承認", "rejected": "差戻し"}.get(e.kind, e.kind)
            return errors.AlreadyDecided(f"この下書きは {self.name_of(e.decider_id)} さんがすでに{label}しています。")
        return errors.AlreadyDecided(f"この下書きは現在「{_state_ja(draft.state)}」のため、決裁できません。")

    def check_can_decide(self, draft_id: int, version: int, actor: str) -> DraftView:
        with self.db.session() as s:
            draft = draft_repo.get(s, draft_id)
            if draft is None:
                raise errors.UnknownDraft()
            self.authorize_decider(s, draft, version, actor)
            return self.load_view(s, draft, version)

    def decide(self, draft_id: int, version: int, actor: str, *, approve: bool, reason: str | None = None) -> Outcome:
        reason = (reason or "").strip() or None
        if not approve and not reason:
            raise errors.InvalidInput("差戻しの理由を入力してください。")
        now = self.clock()
        with self.db.session() as s:
            draft = draft_repo.get(s, draft_id)
            if draft is None:
                raise errors.UnknownDraft()
            self.authorize_decider(s, draft, version, actor)
            event = DraftEvent.APPROVE if approve else DraftEvent.REJECT
            new_state = next_state(draft.state, event)
            if not draft_repo.compare_and_set_state(s, draft_id, expected_state=DraftState.PENDING,
                                                    expected_version=version, new_state=new_state, now=now):
                s.rollback()
                fresh = draft_repo.get(s, draft_id)
                assert fresh is not None
                s.refresh(fresh)
                if fresh.current_version != version:
                    raise errors.StaleVersion()
                raise self._already_decided(s, fresh)
            s.refresh(draft)
            v = draft_repo.version(s, draft_id, version)
            assert v is not None
            kind = "approved" if approve else "rejected"
            decided_at = now.astimezone(self.tz)
            ledger_repo.append(s, draft_id=draft_id, version_number=version, kind=kind,
                               content_hash=v.content_hash, decider_id=actor, acting_for_id=None,
                               reason=_storable(reason) if reason else None, decided_at=decided_at)
            view = self.load_view(s, draft, version)
            self.notify.decided(s, now, channel=draft.channel, thread_ts=draft.message_ts, view=view,
                                decision=DecisionView(kind=kind, decider_name=self.name_of(actor),
                                                      decided_at=decided_at, reason=reason),
                                author_id=draft.author_id)
        self.after_commit()
        log.info("draft %s v%s %s by %s", draft_id, version, kind, actor)
        return Outcome(kind, draft_id)

    # -- App Home -------------------------------------------------------------------------
    def publish_home(self, viewer: str) -> None:
        now = self.clock()
        with self.db.session() as s:
            pending = draft_repo.drafts_in_states(s, [DraftState.PENDING])
            waiting = []
            for d in pending:
                account = self.org.account(d.account_id)
                if account and viewer in account.approvers and d.author_id != viewer:
                    waiting.append(self._home_item(s, d))
            mine = [self._home_item(s, d) for d in draft_repo.by_author(s, viewer, limit=20)]
            view = render.home_view(waiting=waiting, mine=mine, viewer_name=self.name_of(viewer))
            self.notify.home(s, now, user=viewer, view=view)
        self.after_commit()

    def _home_item(self, s: Session, d: DraftRow) -> render.HomeItem:
        v = draft_repo.version(s, d.id or 0, d.current_version)
        account = self.org.account(d.account_id)
        return render.HomeItem(
            draft_id=d.id or 0, version=d.current_version, account_name=account.name if account else d.account_id,
            author_name=self.name_of(d.author_id), state_ja=_state_ja(d.state), excerpt=v.text if v else "",
            updated_at=d.updated_at.astimezone(self.tz),
        )

    # -- refusals -------------------------------------------------------------------------
    def tell(self, *, text: str, response_url: str | None = None, channel: str | None = None,
             user: str | None = None) -> None:
        """Send a short private message (a refusal or an explanation) through the outbox."""
        now = self.clock()
        with self.db.session() as s:
            if response_url:
                self.notify.respond(s, now, response_url=response_url, text=text)
            elif channel and user:
                self.notify.ephemeral(s, now, channel=channel, user=user, text=text)
            else:
                return
        self.after_commit()


def _storable(text: str) -> str:
    """PostgreSQL rejects NUL and lone surrogates; keep everything else exactly as written."""
    return text.replace("\x00", "\ufffd").encode("utf-8", "replace").decode("utf-8")


def _finding(r: FindingRow) -> Finding:
    return Finding(code=r.code, severity=r.severity, message=r.message, start=r.start, end=r.end,  # type: ignore[arg-type]
                   excerpt=r.excerpt, clause=r.clause, suggestion=r.suggestion)


def _state_ja(state: str) -> str:
    from bot.workflow import STATE_LABELS_JA

    return STATE_LABELS_JA.get(DraftState(state), state)
