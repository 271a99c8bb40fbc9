"""Incidents (炎上・なりすまし・パスワード漏えい・誤投稿): report, alert, acknowledge, resolve, record.

The guidelines ask for an organised response, not one operator's judgement (和気町 6 その他共通事項):
the 運用管理責任者 consults 情報政策室 and 広報対話課 (上越市 6(2)). So a report goes to the
``escalation_channel`` with the type's checklist drawn from the guidelines; until someone presses
対応開始 the sweep re-alerts every ``incident_ack_within`` with @-mentions of the escalation
members; an acknowledged incident still open after ``holding_statement_after`` prompts the
acknowledger (the escalation members, if the acknowledger has left them since) to post that the
response takes time (上越市 6(2)); resolution records a summary,
and every step is kept in ``incident_events`` for the record (``kessai incidents export``).

**Escalation members** (mentioned in re-alerts; the only people who may acknowledge or resolve):
the account's approvers (運用管理責任者) and deputies, plus every member of approver rank in the
organisations of ``[policy] escalation_orgs`` or, without that key, in an organisation whose name
contains 情報政策 or 広報 (情報政策室, 広報対話課 in 上越市 6(2)).
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from sqlalchemy import true, update
from sqlmodel import Session, col, select

from bot import errors, exporting, render
from bot.config import Account, OrgConfig
from bot.logs import printable
from bot.utc import as_utc
from storage import outbox
from storage import reminders as reminder_repo
from storage.models import IncidentEventRow, IncidentRow, MemberRow

if TYPE_CHECKING:
    from bot.secret_mask import Masked

log = logging.getLogger(__name__)

ESCALATION_ORG_MARKERS = ("情報政策", "広報")
PLAN_RECEIVER_MARKER = "広報"  # 上越市 6(1)①: 計画書を広報対話課長に提出


def escalation_people(org: OrgConfig, account_id: str | None = None) -> list[str]:
    """Whom an escalation reaches in person: the account's approvers and deputies (if any), and
    the approver-rank members of the escalation organisations (``is_escalation_officer``)."""
    people: list[str] = []
    account = org.account(account_id or "")
    if account is not None:
        people += list(account.approvers) + list(account.deputies)
    people += [m.slack_id for m in org.members if is_escalation_officer(org, m.slack_id)]
    return list(dict.fromkeys(people))


def is_escalation_org(org: OrgConfig, org_id: str) -> bool:
    """Whether the organisation ``org_id`` is one whose 課長補佐以上 receive every incident: those the
    file lists in ``[policy] escalation_orgs``; without that key, those whose name contains
    情報政策 or 広報 (情報政策室 / 広報対話課, 上越市 6(2))."""
    listed = org.policy.escalation_orgs
    if listed is not None:
        return org_id in listed
    o = org.org(org_id)
    return bool(o and any(mark in o.name for mark in ESCALATION_ORG_MARKERS))


def is_escalation_officer(org: OrgConfig, slack_id: str) -> bool:
    """Whether ``slack_id`` is one of the approver-rank members of an escalation organisation
    (``is_escalation_org``), whom every escalation reaches whatever the account."""
    member = org.member(slack_id)
    return bool(member and is_escalation_org(org, member.org) and org.is_approver_rank(slack_id))


def escalation_departments_ja(org: OrgConfig) -> str | None:
    """The organisations that receive every incident, by their names in the file: those of
    ``escalation_orgs`` in its order, else those named 情報政策… / 広報… in the markers' order
    (「情報政策課・広報広聴課」 after a 組織改編 renamed them; 広報広聴課 alone once 情報政策室 became
    デジタル推進課, which kessai no longer counts); None when none does. A refusal naming 上越市's
    names sent people to a department that does not exist in their organisation."""
    if org.policy.escalation_orgs is not None:
        names = [o.name for oid in org.policy.escalation_orgs if (o := org.org(oid)) is not None]
    else:
        names = [o.name for mark in ESCALATION_ORG_MARKERS for o in org.orgs if mark in o.name]
    return "・".join(dict.fromkeys(names)) or None


def contact_md(org: OrgConfig) -> str:
    """Whom a message sends people to about an incident, for mrkdwn: the departments the file names,
    else the 運用管理責任者. With ``escalation_orgs = []`` (or none named 情報政策… / 広報…) the
    receipt already said only the 運用管理責任者 was told, while the refusals still sent people to a
    「運用を統括する部署」 the organisation chose not to have."""
    departments = escalation_departments_ja(org)
    return render.escape(departments) if departments else "運用管理責任者"


def plan_receiver_ja(org: OrgConfig) -> str:
    """To whom the 1 March reminder asks the coming year's 運用計画書 be handed. 上越市 6(1)① names
    広報対話課長 alone (情報政策室長 is consulted when an account is opened, not handed the renewal):
    without ``escalation_orgs``, the 長 of the departments named 広報…, as before the key existed;
    with it, or without such a department, the departments that oversee the accounts."""
    if org.policy.escalation_orgs is None:
        heads = [f"{o.name}長" for o in org.orgs if PLAN_RECEIVER_MARKER in o.name]
        if heads:
            return "・".join(dict.fromkeys(heads))
    # Someone must receive the plan even where no department is named: the neutral term.
    return escalation_departments_ja(org) or "運用を統括する部署"


def told_ja(org: OrgConfig, account_id: str | None) -> str:
    """Whom a report's receipt says the alert reached: the departments the file names and the
    account's 運用管理責任者. Without an account there is none of its own; with no departments
    (``escalation_orgs = []``, or none named 情報政策… / 広報…) it said 「運用を統括する部署」 was told,
    of a department the file chose not to have: then it is the escalation channel alone."""
    departments = escalation_departments_ja(org)
    who = [render.escape(departments)] if departments else []
    if account_id:
        who.append("運用管理責任者")
    return "と".join(who) or "エスカレーション先のチャンネル"


def not_escalation_member_ja(org: OrgConfig) -> str:
    """NotEscalationMember's refusal, naming the departments and rank as the file has them."""
    departments = render.escape(escalation_departments_ja(org) or "")
    who = "運用管理責任者と代決者" + (f"、{departments}の{org.policy.approver_min_rank}以上の職員" if departments else "")
    return f"インシデントの対応開始・解決の操作ができるのは、{who}です。対応が必要な場合は、これらの方に連絡してください。"


def not_in_roster_ja(org: OrgConfig) -> str:
    """NotInRoster's refusal, sending the reporter to the departments the file names."""
    return ("kessai の職員名簿に登録されていないため、インシデントを報告できません。"
            f"お手数ですが、{contact_md(org)}に直接連絡してください。")


def not_involved_ja(org: OrgConfig) -> str:
    """NotInvolved's refusal, naming the departments as the file has them (``may_tick``)."""
    departments = render.escape(escalation_departments_ja(org) or "")
    return ("このチェックリストを更新できるのは、アカウントの運用担当者・運用管理責任者・代決者と、"
            + (f"{departments}の職員、" if departments else "") + "このインシデントを報告した方です。")


def escalation_officers_said(org: OrgConfig, shown: int = 10) -> tuple[str, bool]:
    """For ``kessai config check``: who receives every account's incidents, as the IT 担当 should
    confirm after 4月1日's 人事異動・組織改編, and whether nobody does. Without ``escalation_orgs``
    those people are found by the name of their organisation (ESCALATION_ORG_MARKERS): 情報政策室
    renamed デジタル推進課 dropped its 課長 from every re-alert and from 対応開始 without a word from
    the check, and an organisation with no such name (和気町's まち経営課, a 社協's 総務課) must be told
    how to name its own."""
    rank = org.policy.approver_min_rank
    listed = org.policy.escalation_orgs
    officers = [m for m in org.members if is_escalation_officer(org, m.slack_id)]
    if listed is not None:
        # printable: printed on the IT 担当's terminal. The file refuses controls and bidi controls in
        # these names (_Validator.shown_name_ok); escaped all the same, as every value the CLI quotes.
        where = f"[policy] の escalation_orgs の組織（{printable(escalation_departments_ja(org) or 'なし')}）"
    else:
        marks = "・".join(f"「{m}」" for m in ESCALATION_ORG_MARKERS)
        where = f"名前に{marks}を含む組織"
    if listed == ():
        # Written so on purpose (kessai.example.toml): said as a choice, not as departments left empty.
        return ("注意: [policy] の escalation_orgs が空（[]）のため、インシデントの再通知を受け取り、「対応開始」「解決」を"
                "押せるのは、各アカウントの決裁者・代決者だけです。運用を統括する課などの職員にも受け取ってもらう場合は、"
                "escalation_orgs にその組織の id を書いてください。"), False
    if not officers:
        if listed is not None:
            fix = ("運用を統括する課などの職員にも受け取ってもらう場合は、その組織に" + rank
                   + "以上の職員を登録するか、escalation_orgs にその組織の id を書いてください。")
        else:
            fix = ("運用を統括する課など、すべてのインシデントを受け取る組織があれば、[policy] に "
                   'escalation_orgs = ["その組織の id"] と書いてください（kessai.example.toml に例があります）。')
        return (f"注意: {where}に{rank}以上の職員がいないため、インシデントの再通知を受け取り、「対応開始」「解決」を押せるのは、"
                f"各アカウントの決裁者・代決者だけになります。{fix}"), False
    names = printable("、".join(f"{m.name}（{o.name if (o := org.org(m.org)) else m.org} {m.rank}）"
                               for m in officers[:shown]))
    more = f"、{render.and_more(len(officers) - shown, '名')}" if len(officers) > shown else ""
    said = (f"すべてのアカウントのインシデントを受け取る方（{where}の{rank}以上）: {names}{more}。"
            "人事異動の後は、後任の方が含まれていることを確かめてください。")
    # A listed department whose 課長 moved away on 4月1日 is still named in every incident text
    # (「まち経営課に報告する」) while none of its people is mentioned or may press 対応開始.
    empty = [o.name for oid in listed or () if (o := org.org(oid)) is not None
             and not any(m.org == oid for m in officers)]
    if empty:
        return (said + f"\n注意: escalation_orgs の{'・'.join(f'「{printable(n)}」' for n in empty)}には{rank}以上の職員が"
                "登録されていないため、その組織の方はインシデントの再通知を受け取らず、「対応開始」「解決」も押せません。"
                f"後任の方の [[members]] の org と rank を確かめてください。"), False
    return said, True


def ack_label(inc: IncidentRow, members: Sequence[str]) -> str | None:
    """The label of the 対応開始 button an unresolved incident offers, None once an escalation
    member has acknowledged it (解決 only). The alert and App Home offer the same: one
    acknowledged by someone the file no longer counts among ``members`` offers 引き継いで対応開始,
    or it stayed in the leaver's name, nobody able to take it over."""
    if inc.status == "open":
        return "対応開始"
    if inc.acked_by not in members:
        return "引き継いで対応開始"
    return None
DESCRIPTION_LIMIT = 3000
# How much of a report the alert and its 追加の報告 notes quote; a longer one follows in full.
EXCERPT_LIMIT = 1500
WHOLE_IN_THREAD = "全文はこのメッセージのスレッドに載せています"
WHOLE_NEXT = "全文は次のメッセージに載せています"
# A second report of the same kind on the same account this soon after the last report of an
# unresolved one (the first, or news already joined to it) is taken as news of the same incident
# (another person who saw the same 炎上, or the same person sending the form again): it goes in the
# first alert's thread, without a second alarm to everyone. The window runs from the latest report,
# so a 炎上 still being reported at 11:05 after a 10:00 first report is not alarmed twice. A different
# kind, another account, 「特定のアカウントではない」 or 「その他」 (which says nothing of what it is
# about, so two of them on one account are as likely two matters as one) is its own — except the
# same person's same words again, which are their form sent twice.
SAME_INCIDENT_WITHIN = timedelta(hours=1)
NEVER_JOINED_KINDS = frozenset({"other"})
SUMMARY_LIMIT = 3000

REPORT_CALLBACK = "incident_report"
RESOLVE_CALLBACK = "incident_resolve_summary"
ACK_ACTION = "incident_ack"
RESOLVE_ACTION = "incident_resolve"
CHECKLIST_ACTION = "incident_checklist"
KIND_BLOCK, KIND_ACTION = "kind", "kind_select"
ACCOUNT_BLOCK, ACCOUNT_ACTION = "account", "account_select"
DESCRIPTION_BLOCK, DESCRIPTION_ACTION = "description", "description_text"
SUMMARY_BLOCK, SUMMARY_ACTION = "summary", "summary_text"
NO_ACCOUNT = "-"

KINDS: dict[str, str] = {
    "flaming": "炎上",
    "impersonation": "なりすまし",
    "password_leak": "パスワード漏えい",
    "misposting": "誤投稿",
    "other": "その他",
}
STATUS_JA = {"open": "未対応", "acked": "対応中", "resolved": "解決済み"}
EVENT_JA = {
    "reported": "報告", "realerted": "再通知", "acked": "対応開始", "checked": "チェック",
    "unchecked": "チェック解除", "holding_reminded": "経過の書き込みを依頼", "resolved": "解決",
    "reported_again": "追加の報告",
}


@dataclass(frozen=True)
class ChecklistItem:
    id: str
    text: str  # 「{統括}」 stands for the departments that receive every incident (text_for)
    clause: str
    # The step where the file names no such department (escalation_orgs = []): 「{統括}と協議する」
    # asked for a talk with a 運用を統括する部署 the organisation chose not to have, while the
    # re-alert and the receipt already left it out.
    alone: str = ""

    def text_for(self, org: OrgConfig) -> str:
        """The step as the organisation's people read it: 上越市's 情報政策室・広報対話課 are
        和気町's まち経営課 (運用を統括する課), a 社協's 総務課 — whatever the file names."""
        departments = escalation_departments_ja(org)
        if departments is None and self.alone:
            return self.alone
        text = self.text.replace("{統括}", departments or "運用を統括する部署")
        # The step is a checkbox label, which Slack cuts at 75 characters: three long 部・課・係 names
        # left 「運用管理責任者が企画財政部…・総務部…・教育委員会事務局生涯学…」, the step itself cut away.
        return text if len(text) <= render.OPTION_LABEL_MAX else self.text.replace("{統括}", "運用を統括する部署")


# Each item is a step one of the guidelines asks for; the clause is shown next to it, as the 根拠 of
# the alert's checklist (a finding's 根拠 likewise). A message's own words cite no guideline's clause:
# 「（上越市 6(2): 運用管理責任者がまち経営課と協議します）」 told another organisation 上越市's clause as
# the ground of its own procedure, and 上越市's people were told 和気町's in their receipts.
CHECKLISTS: dict[str, tuple[ChecklistItem, ...]] = {
    "flaming": (
        ChecklistItem("calm", "職員個人の判断で反論・抗弁をしない（冷静に対応する）", "上越市 6(2)・和気町 6 炎上対策1"),
        ChecklistItem("consult", "運用管理責任者が{統括}と協議する", "上越市 6(2)",
                      alone="運用管理責任者が対応の方針を決め、組織として対応する"),
        ChecklistItem("explain", "原因を確認し、必要に応じて説明・訂正・謝罪を書き込む", "上越市 6(2)・和気町 6 炎上対策2"),
        ChecklistItem("holding", "対応に時間を要する場合は、その旨を書き込む", "上越市 6(2)・美祢市社協 6(4)"),
    ),
    "impersonation": (
        ChecklistItem("report", "運用管理責任者が{統括}に報告する", "上越市 6(2)",
                      alone="運用管理責任者が状況を確かめ、組織として対応する"),
        ChecklistItem("takedown", "ソーシャルメディアの運営者に通報し、警告・削除を依頼する", "上越市 6(2)・和気町 6 なりすまし対策2"),
        ChecklistItem("website", "公式ホームページ（と公式アカウント）でなりすましを周知する", "上越市 6(2)・和気町 6 なりすまし対策2"),
        ChecklistItem("press", "報道機関に情報提供し、注意喚起する", "上越市 6(2)・美祢市社協 6(3)"),
    ),
    "password_leak": (
        ChecklistItem("change", "パスワードを直ちに、推測されにくいものに変更する", "和気町 6 なりすまし対策3・上越市 6(1)①"),
        ChecklistItem("report", "{統括}に即刻報告する", "和気町 6 なりすまし対策3", alone="運用管理責任者に即刻報告する"),
        ChecklistItem("mfa", "二段階認証などの認証強化を有効にする", "上越市 6(1)① パスワード"),
        ChecklistItem("record", "変更を /kessai password-rotated で記録する", "上越市 6(1)① パスワード"),
    ),
    "misposting": (
        ChecklistItem("no_silent_delete", "黙って削除せず、事実を確認する", "和気町 6 トラブル防止のために2"),
        ChecklistItem("correct", "訂正・謝罪の書き込みを行う", "和気町 6 トラブル防止のために2・美祢市社協 6(1)"),
        ChecklistItem("report", "運用管理責任者に報告し、組織として対応する", "和気町 6 その他共通事項"),
    ),
    "other": (
        ChecklistItem("organisation", "担当者個人で判断せず、組織として対応する", "和気町 6 その他共通事項"),
        ChecklistItem("report", "運用管理責任者に報告する", "上越市 6(2)"),
        ChecklistItem("sincere", "利用者には冷静かつ誠実に対応する", "和気町 6 トラブル防止のために1"),
    ),
}


class NotEscalationMember(errors.KessaiError):
    # Raised with not_escalation_member_ja(org): the departments and rank as the organisation file has them.
    message_ja = ("インシデントの対応開始・解決の操作ができるのは、運用管理責任者と代決者、運用を統括する部署の"
                  "決裁できる職以上の職員です。対応が必要な場合は、これらの方に連絡してください。")


class NotInvolved(errors.KessaiError):
    # Raised with not_involved_ja(org): the departments as the organisation file has them.
    message_ja = ("このチェックリストを更新できるのは、アカウントの運用担当者・運用管理責任者・代決者と、"
                  "運用を統括する部署の職員、このインシデントを報告した方です。")


class UnknownIncident(errors.KessaiError):
    message_ja = ("対象のインシデントが見つかりません（ボタンが古いか、内容が正しくない可能性があります）。"
                  "何も記録していません。最新のアラートか kessai のホームタブから操作し直してください。")


class AlreadyResolved(errors.KessaiError):
    message_ja = "このインシデントはすでに解決済みとして記録されています。"


class NotInRoster(errors.KessaiError):
    # Raised with not_in_roster_ja(org): the departments as the organisation file has them.
    message_ja = ("kessai の職員名簿に登録されていないため、インシデントを報告できません。"
                  "お手数ですが、運用を統括する部署に直接連絡してください。")


class UnknownAccount(errors.KessaiError):
    pass


# A report of a leak often pastes the leaked password or token: the alert, the record and the
# export would spread it further, against 美祢市社協 4(4)（第三者に知られることのないように厳重に管理）.
# The values are the ones confidential.secret finds in a draft (one reading of what a secret is).
# The masking is bot.secret_mask's, imported where a report or a summary is masked, not at the top:
# its patterns and the rule engine it reads secrets with cost over a second of CPU, which a cron
# ``kessai remind`` (which imports this module) need not pay (tests/time/test_cli.py).
SECRET_MASK = "＊＊＊＊（伏せ字）"


# What the reporter is told was masked, in this order.
MASKED_KINDS = {"password": "パスワード", "card": "カード番号", "my_number": "個人番号（マイナンバー）"}


def masked_note_ja(masked: Masked) -> str:
    """The line of the reporter's receipt that says what was masked ("" when nothing was)."""
    if not masked.count:
        return ""
    kinds = "や".join(label for kind, label in MASKED_KINDS.items() if kind in masked.kinds)
    return (f"\n内容に書かれていた{kinds}は、通知と記録には伏せ字にしました。"
            + ("漏えいしたパスワードは直ちに変更してください。" if "password" in masked.kinds else ""))


# Payload key (not sent to Slack) naming the incident a message to the escalation channel is
# about: when the channel refuses it, its DM copies go to that incident's people (delivery_failures).
INCIDENT_REF = "_incident"


def alert_key_prefix(incident_id: int) -> str:
    return f"incident:{incident_id}:alert:"


def alert_key(incident_id: int, destination: str) -> str:
    return f"{alert_key_prefix(incident_id)}{destination}"


def whole_key(incident_id: int, destination: str) -> str:
    """The key of the reply giving a cut report whole under the alert (or copy) at ``destination``:
    each alert whose quote says 「全文はこのメッセージのスレッドに載せています」 is given one, once."""
    return f"incident:{incident_id}:whole:{destination}"


def is_alert_key(key: str) -> bool:
    """Whether ``key`` is that of an incident's alert (in the escalation channel or a person's copy)."""
    head, _, rest = key.partition(":")
    number, _, tail = rest.partition(":")
    return head == "incident" and number.isdecimal() and tail.startswith("alert:")


# The re-alerts of an incident nobody has taken up (対応開始) back off: the first after
# incident_ack_within (15 minutes) and then at twice the time since the report each (30 minutes,
# 1 hour, 2 hours), until they are REALERT_MOST apart; from then on every REALERT_MOST, night and
# holidays included (an unanswered 炎上 does not wait for the morning). Every 15 minutes round the
# clock was some 500 @mentions of the same people over 年末年始: a page that comes that often is
# muted, and then the one that matters is missed too. Two hours is the holding statement's own
# pace (holding_statement_after): an incident nobody answers for that long is asked about as often
# as one someone is working on is asked for word of its progress.
REALERT_MOST = timedelta(hours=2)
# The sweep's reminder keys: ``<prefix><incident id>:<number>``, and for the holding statement
# ``<prefix><incident id>:<acknowledged at, epoch seconds>:<number>`` (see Sweeper._incidents).
REALERT_PREFIX = "incident.realert:"
HOLDING_PREFIX = "incident.holding.daily:"


def _realert_steps(every: timedelta, most: timedelta) -> Iterator[tuple[int, timedelta, timedelta]]:
    """``(n, offset of re-alert n from the report, gap to the next)`` while the gaps still grow;
    the last item's gap is the even pace from then on."""
    if every <= timedelta(0):
        raise ValueError("incident_ack_within must be positive")
    step = max(most, every)
    n, at = 0, every
    while True:
        gap = min(at, step)
        yield n, at, gap
        if gap == step:
            return
        n, at = n + 1, at + gap


def realert_number(elapsed: timedelta, every: timedelta, most: timedelta = REALERT_MOST) -> int | None:
    """Which re-alert (0 for the first) is the latest due ``elapsed`` after the report; None before
    the first. The number is the reminder's period: each is claimed once (``incident.realert:…:n``)."""
    if every <= timedelta(0) or elapsed < every:
        return None
    steps = list(_realert_steps(every, most))
    for n, at, gap in steps:
        if elapsed < at + gap:
            return n
    n, at, gap = steps[-1]
    return n + int((elapsed - at) // gap)


def realert_offset(number: int, every: timedelta, most: timedelta = REALERT_MOST) -> timedelta:
    """When re-alert ``number`` is due, from the report (``realert_number``'s inverse)."""
    steps = list(_realert_steps(every, most))
    if number < len(steps):
        return steps[number][1]
    n, at, gap = steps[-1]
    return at + (number - n) * gap


def holding_number(acked_at: datetime, after: timedelta, now: datetime, zone: ZoneInfo, opening: time) -> int | None:
    """Which request for a holding statement (0 for the first) is due at ``now``; None when none is.

    The first comes ``after`` (holding_statement_after) the incident was taken up, at any hour: the
    one who pressed 対応開始 is at work on it. The guidelines ask for one word that the answer takes
    time (上越市 6(2)・美祢市社協 6(4): 時間を要する場合はその旨の書き込み), not a post every two
    hours: later requests, to update it, come once a day at the opening of working hours (``opening``),
    every day while unresolved (年末年始 too), never at night. Request n (n ≥ 1) belongs to the n-th
    day after the first's; a day whose opening kessai missed (it was down) sends it until midnight,
    after that it is gone (the next day's comes): no night-time catch-up, no burst."""
    first = acked_at + after
    if now < first:
        return None
    first_day = first.astimezone(zone).date()
    local = now.astimezone(zone)
    n = (local.date() - first_day).days
    if n == 0 or local.time() >= opening:
        return n
    # Before the day's opening: the night after the first (still that one, which is at any hour),
    # or the night after a morning's request kessai missed (not sent now).
    return 0 if n == 1 else None


def holding_at(number: int, acked_at: datetime, after: timedelta, zone: ZoneInfo, opening: time) -> datetime:
    """When request ``number`` for a holding statement is due (see ``holding_number``)."""
    first = acked_at + after
    if number == 0:
        return first
    day = first.astimezone(zone).date() + timedelta(days=number)
    return datetime.combine(day, opening, tzinfo=zone).astimezone(UTC)


def parse_incident_ref(value: Any) -> int:
    """An incident id from a button value or modal metadata; anything else is refused."""
    if not isinstance(value, str) or not value.isascii() or not value.isdecimal() or len(value) > 12:
        raise UnknownIncident()
    return int(value)


class IncidentService:
    """Incident use cases. Each runs in one unit of work and writes its messages to the outbox."""

    def __init__(self, kessai: Any) -> None:
        self.kessai = kessai
        self.db = kessai.db
        self.org: OrgConfig = kessai.org
        self.zone = kessai.tz

    # -- who --------------------------------------------------------------------------------
    def escalation_members(self, account_id: str | None) -> list[str]:
        return escalation_people(self.org, account_id)

    def may_tick(self, s: Session, inc: IncidentRow) -> set[str]:
        """Who may tick the checklist: the escalation members and the account's operators, every
        member of the escalation organisations (情報政策室・広報対話課; whom the escalation channel serves, and with whom the
        運用管理責任者 responds: 上越市 6(2)), and everyone who reported it — the first reporter
        could, while a second one, joined to it, was refused."""
        people = self.involved(inc)
        people |= {m.slack_id for m in self.org.members if is_escalation_org(self.org, m.org)}
        people |= {e.actor_id for e in self._events(s, inc) if e.event == "reported_again" and e.actor_id}
        return people

    def involved(self, inc: IncidentRow) -> set[str]:
        """Whose App Home shows the incident: the escalation members, the operators, the reporter."""
        account = self.org.account(inc.account_id or "")
        people = set(self.escalation_members(inc.account_id)) | {inc.reporter_id}
        if account is not None:
            people |= set(account.operators)
        return people

    def _now(self) -> datetime:
        now: datetime = self.kessai.clock()
        return now.astimezone(UTC)

    def _name(self, slack_id: str | None, s: Session | None = None) -> str:
        """The person's name; of someone since removed from the organisation file (an acknowledger
        who left), the name the roster last had, rather than a bare Slack ID."""
        if not slack_id:
            return ""
        if s is not None and self.org.member(slack_id) is None and (row := s.get(MemberRow, slack_id)) is not None:
            return row.name
        return self.kessai.name_of(slack_id)

    # -- report -----------------------------------------------------------------------------
    def report(self, *, kind: str, account_id: str | None, description: str, reporter: str,
               now: datetime | None = None, submission: str | None = None) -> int:
        """The incident's id; 0 when ``submission`` (the report form) was sent before: its alert is
        out already, and a second one would be a second alarm for one incident."""
        if self.org.member(reporter) is None:
            raise NotInRoster(not_in_roster_ja(self.org))
        if kind not in KINDS:
            raise errors.InvalidInput("インシデントの種類を一覧から選んでください。")
        if account_id and self.org.account(account_id) is None:
            raise UnknownAccount("選ばれたアカウントは登録されていません。一覧から選び直してください。")
        description = render.clean_text(description).strip()
        if not render.visible_length(description):
            raise errors.InvalidInput("何が起きているかを入力してください。")
        if len(description) > DESCRIPTION_LIMIT:  # the form allows no more; a forged one is told, not cut
            raise errors.InvalidInput(f"内容は {DESCRIPTION_LIMIT:,} 文字以内で書いてください（今は {len(description):,} 文字です）。")
        now = (now or self._now()).astimezone(UTC)
        from bot.secret_mask import mask_report  # see SECRET_MASK: loaded when first needed

        masked = mask_report(description, about_a_password=kind == "password_leak", year=now.year)
        description = masked.text
        with self.db.session() as s:
            if not self.kessai.claim_submission(s, submission, now):
                log.info("incident form %s was submitted again; reported already", submission)
                return 0
            reminder_repo.lock_incident_reports(s, account_id or None, kind)
            since = now - SAME_INCIDENT_WITHIN
            if not account_id or kind in NEVER_JOINED_KINDS:
                # Joined to nothing, but the same person's same words again are their form sent
                # twice (0402e31), which must not alarm everyone a second time.
                first = reminder_repo.recent_unresolved_incident(s, account_id or None, kind, since,
                                                                 resent=(reporter, description))
            else:
                first = reminder_repo.recent_unresolved_incident(s, account_id, kind, since)
            if first is not None:
                self._reported_again(s, now, first, reporter, description, masked)
                incident_id = first.id or 0
            else:
                inc = IncidentRow(kind=kind, account_id=account_id or None, description=description,
                                  reporter_id=reporter, status="open", checklist_done=[], created_at=now)
                s.add(inc)
                s.flush()
                self._event(s, inc, now, reporter, "reported")
                for dest in self._destinations(inc):
                    self._post(s, now, dest, self.alert(inc) | {INCIDENT_REF: inc.id}, key=alert_key(inc.id or 0, dest))
                for dest in self._destinations(inc):
                    # The responders' only other way to the rest was an IT command (incidents export).
                    self.whole_under_alert(s, now, inc, dest)
                # After the alert, which the outbox sends first: it is the urgent one.
                self._refresh_homes(s, now, inc)
                self._post(s, now, reporter, {"text": (
                    f"インシデント（{KINDS[kind]}）の報告を受け付けました（受付番号 {inc.id}）。"
                    + told_ja(self.org, account_id) + "に通知しました。担当者が対応を始めるまで、"
                    "SNS 上で個人の判断による返信や削除は控えてください。"
                    + masked_note_ja(masked))})
                incident_id = inc.id or 0
        self.kessai.after_commit()
        return incident_id

    def _reported_again(self, s: Session, now: datetime, first: IncidentRow, reporter: str, description: str,
                        masked: Masked) -> None:
        """A report of the incident ``first`` (``SAME_INCIDENT_WITHIN``): what it says goes in the
        record and the alert's thread, unless it repeats, word for word, what is there already."""
        # Word for word what this reporter said before is their form sent again; the same words from
        # someone else are a second person who saw it, which the handlers should know.
        said = ({first.description} if first.reporter_id == reporter else set()) | {
            e.detail for e in self._events(s, first) if e.event == "reported_again" and e.actor_id == reporter}
        kind = KINDS.get(first.kind, first.kind)
        ref = (f"{kind}（{render.escape(self._account_label(first))}）は、{render.fmt_time(first.created_at.astimezone(self.zone))}"
               f"に {render.escape(self._name(first.reporter_id, s))} さんから報告されています（受付番号 {first.id}、"
               f"{STATUS_JA.get(first.status, first.status)}）。")
        if description in said:
            self._post(s, now, reporter, {"text": (
                f"同じ内容の報告をすでに受け付けています。{ref}重ねての通知はしていません。")})
            return
        self._event(s, first, now, reporter, "reported_again", description)
        # The acknowledger may not follow the alert's thread (a button press does not subscribe).
        who = f"<@{first.acked_by}> " if first.status == "acked" and first.acked_by in self.escalation_members(
            first.account_id) else ""
        name = render.escape(self._name(reporter))
        cut = render.quote_is_cut(description, EXCERPT_LIMIT)
        self._thread_note(s, now, first, (
            f":memo: {who}{name} さんから、このインシデントについて追加の報告がありました。\n"
            + render.quote(description, EXCERPT_LIMIT, rest=WHOLE_NEXT)),
            then=[self._whole_report(first, f"*{name} さんからの追加の報告の全文*", description)] if cut else [])
        self._post(s, now, reporter, {"text": (
            f"報告を受け付けました。同じアカウントの{ref}同じインシデントとみなし、あなたの報告は続報として"
            "アラートのスレッドと記録に加えました（関係者への重ねての一斉通知はしていません）。別のインシデントの場合は、"
            f"お手数ですが{contact_md(self.org)}に直接お知らせください。"
            + masked_note_ja(masked))})

    def current_alert(self, s: Session, incident_id: int) -> dict[str, Any] | None:
        """The alert as it should look now (None: no such incident), for a copy sent late."""
        inc = s.get(IncidentRow, incident_id)
        if inc is None:
            return None
        return self.alert(inc, events=self._events(s, inc), s=s) | {INCIDENT_REF: inc.id}

    def _refresh_homes(self, s: Session, now: datetime, inc: IncidentRow) -> None:
        """Redraw the App Home of everyone who sees the incident there (bot.home): a Home left open
        kept showing 未対応 after 対応開始, or an incident resolved hours before."""
        people = self.involved(inc)
        if inc.account_id is None:  # shown to everyone who runs an account
            people |= {p for a in self.org.accounts for p in (*a.operators, *a.approvers, *a.deputies)}
        # Only Homes drawn before (as Kessai._refresh_homes): the others are drawn fresh on opening.
        # Publishing to all of them cost a views.publish each per change (a whole roster for a
        # report on no account), and the published key counted them as having a Home ever after.
        members = [p for p in sorted(people) if self.org.member(p) is not None]
        for person in self.kessai.notify.with_home(s, members):
            self.kessai.notify.refresh_home(s, now, user=person)

    def _destinations(self, inc: IncidentRow) -> list[str]:
        channel = self.org.policy.escalation_channel
        # Without an escalation channel the alert goes to each escalation member directly.
        return [channel] if channel else self.escalation_members(inc.account_id)

    def _post(self, s: Session, now: datetime, channel: str, msg: dict[str, Any], *, key: str | None = None,
              thread_ts: str | None = None, broadcast: bool = False, thread_key: str | None = None) -> None:
        payload: dict[str, Any] = {"channel": channel, **msg, "unfurl_links": False, "unfurl_media": False}
        if thread_ts:
            payload["thread_ts"] = thread_ts
            if broadcast:
                payload["reply_broadcast"] = True
        outbox.enqueue(s, "post", payload, now=now, message_key=key, thread_key=thread_key)

    def _event(self, s: Session, inc: IncidentRow, at: datetime, actor: str | None, event: str,
               detail: str | None = None) -> None:
        s.add(IncidentEventRow(incident_id=inc.id or 0, at=at, actor_id=actor, event=event, detail=detail))

    def _refresh_alerts(self, s: Session, now: datetime, inc: IncidentRow) -> None:
        channel_key = alert_key(inc.id or 0, self.org.policy.escalation_channel) \
            if self.org.policy.escalation_channel else None
        for key in outbox.posted_keys(s, alert_key_prefix(inc.id or 0)):
            if outbox.failed_for_good(s, key):
                # Refused (an archived escalation channel): there is nothing to redraw, and each
                # try would log one more error; the DM copies that stood in for it are redrawn.
                continue
            if outbox.deleted_in_slack(s, key):
                # Someone deleted it in Slack: each change was one more refused edit and two ERROR
                # lines. The escalation members act from App Home (its buttons) instead.
                continue
            if key == channel_key and self._channel_stood_in_for(s, inc):
                # Posted, then the channel refused something of this incident's (archived, the
                # bot removed) and every escalation member has a copy: each tick or 対応開始 was
                # one more refused redraw, two ERROR lines each, for what the copies show.
                continue
            outbox.enqueue(s, "update", self.alert(inc, events=self._events(s, inc), s=s) | {INCIDENT_REF: inc.id},
                           now=now, message_key=key)
            # An alert posted before the whole report was given (an incident open at an upgrade) is
            # redrawn saying its thread has the whole text: it is put there now.
            self.whole_under_alert(s, now, inc, key.removeprefix(alert_key_prefix(inc.id or 0)))

    def whole_under_alert(self, s: Session, now: datetime, inc: IncidentRow, dest: str) -> None:
        """The whole report in the thread of the alert (or a person's copy) at ``dest``, after it,
        when its quote is cut and that thread has not been given it (``whole_key``)."""
        key = whole_key(inc.id or 0, dest)
        if not render.quote_is_cut(inc.description, EXCERPT_LIMIT) or outbox.keys_present(s, [key]):
            return
        msg = self._whole_report(inc, "*報告の全文*", inc.description)
        outbox.enqueue_reply_after(s, alert_key(inc.id or 0, dest), {
            "channel": dest, **msg, "unfurl_links": False, "unfurl_media": False}, now=now, message_key=key)

    def whole_under_copy(self, s: Session, now: datetime, incident_id: int, person: str) -> None:
        """``whole_under_alert`` for a person's copy of the alert, given when the escalation channel refused."""
        if (inc := s.get(IncidentRow, incident_id)) is not None:
            self.whole_under_alert(s, now, inc, person)

    def _channel_stood_in_for(self, s: Session, inc: IncidentRow) -> bool:
        """Whether every escalation member has their own copy of the alert, which is given once the
        escalation channel refused this incident's alert, a note on it or a redraw of it."""
        people = self.escalation_members(inc.account_id)
        copies = [alert_key(inc.id or 0, p) for p in people]
        return bool(self.org.policy.escalation_channel and people) and len(outbox.keys_present(s, copies)) == len(copies)

    def _thread_note(self, s: Session, now: datetime, inc: IncidentRow, text: str, *, broadcast: bool = False,
                     then: Sequence[dict[str, Any]] = ()) -> None:
        """A reply under the alert when it has been delivered; otherwise a plain post to the same
        place. ``then``: messages (``_whole_report``) that follow it there, in order."""
        # Deleted in the seconds before the bot hears of it, the alert takes no more replies: Slack
        # posts the note in the channel instead, and the gateway rewords it to this.
        msg = {"text": render.preview(text), "blocks": render.sections(text), INCIDENT_REF: inc.id,
               outbox.ALONE: self._alone(inc, text)}
        self._in_thread(s, now, inc, [msg, *then], broadcast=broadcast)

    def _in_thread(self, s: Session, now: datetime, inc: IncidentRow, msgs: Sequence[dict[str, Any]], *,
                   broadcast: bool = False) -> None:
        """``msgs`` (each with its ``outbox.ALONE``) under the alert, in order: replies in the same
        thread go under the same thread key, which the outbox sends one after another."""
        for dest in self._destinations(inc):
            # Wait for a delivery recording the alert at this moment (posted, or refused and the
            # notes held for it moved into the copies): read before it commits, the alert looked
            # on its way, and a note held for it then was never moved.
            outbox.lock_post(s, alert_key(inc.id or 0, dest))
        people = self.escalation_members(inc.account_id)
        if self._channel_stood_in_for(s, inc):
            # The channel refused this incident's alert or a note on it (archived, the bot removed),
            # and every escalation member was given a copy of the alert to act on instead: the
            # note goes in each copy's thread. Tried in the channel first, each re-alert (every
            # 15 minutes, all night) was refused again and logged as an error for IT.
            for person in people:
                if outbox.failed_for_good(s, alert_key(inc.id or 0, person)):
                    # Their copy never reached them (a disabled account, reported when it failed):
                    # a note held for it would wait for ever, and keep /healthz degraded.
                    continue
                for msg in msgs:
                    outbox.enqueue_reply_after(s, alert_key(inc.id or 0, person), {
                        **msg, "unfurl_links": False, "unfurl_media": False}, now=now)
            return
        for dest in self._destinations(inc):
            key = alert_key(inc.id or 0, dest)
            if not outbox.keys_present(s, [key]):
                # The escalation channel was changed in the organisation file since the report (4月1日's
                # reorganisation): a re-alert posted loose there asked for 「アラートの対応開始」 with no
                # alert in sight. The alert is given there first; the notes follow in its thread.
                self._post(s, now, dest, self.alert(inc, events=self._events(s, inc), s=s) | {INCIDENT_REF: inc.id},
                           key=key)
                self.whole_under_alert(s, now, inc, dest)
            if outbox.deleted_in_slack(s, key):
                # Slack posts a reply to a deleted alert in the channel itself (no tombstone when it
                # had no replies): the note stands there, saying what it is about.
                for msg in msgs:
                    self._post(s, now, dest, msg[outbox.ALONE] | {INCIDENT_REF: inc.id}, thread_key=key)
                continue
            loc = outbox.message_location(s, key)
            if loc is None and outbox.keys_present(s, [key]) and not outbox.failed_for_good(s, key):
                # The alert is not posted yet (a second report or 対応開始 within seconds of the
                # first): posted now, the note would stand loose in the channel, away from it.
                # Held for the alert; if the channel refuses that, delivery_failures brings it
                # into each person's copy.
                for msg in msgs:
                    outbox.enqueue_reply_after(
                        s, key, {"channel": dest, **msg, "unfurl_links": False, "unfurl_media": False}
                        | ({"reply_broadcast": True} if broadcast else {}), now=now)
                continue
            for msg in msgs:
                self._post(s, now, loc.channel if loc else dest, msg, thread_ts=loc.ts if loc else None,
                           broadcast=broadcast, thread_key=key)

    def _alone(self, inc: IncidentRow, text: str, blocks: Sequence[dict[str, Any]] = ()) -> dict[str, Any]:
        """A note (``text``, or ``blocks`` when given) as a message of the channel's own, naming the
        incident its deleted alert named."""
        top = (f"*受付番号 {inc.id}（{KINDS.get(inc.kind, inc.kind)}、{render.escape(self._account_label(inc))}）"
               "のインシデントについて*（アラートが削除されているため、チャンネルにお知らせします）")
        if blocks:
            return {"text": render.preview(f"{top}\n{text}"), "blocks": [*render.sections(top), *blocks]}
        return {"text": render.preview(f"{top}\n{text}"), "blocks": render.sections(f"{top}\n{text}")}

    def _whole_report(self, inc: IncidentRow, heading: str, report: str) -> dict[str, Any]:
        """A reply giving the whole of a report that a quote showed the start of. ``report`` is
        as recorded, its secrets masked (``bot.secret_mask.mask_secrets``) as in the quote."""
        length = f"{len(render.clean_text(report)):,} 文字"
        text = f"受付番号 {inc.id} のインシデントについての報告の全文です（{length}）。"
        blocks = render.whole_text_blocks(f"{heading}（{length}）", report)
        return {"text": text, "blocks": blocks, INCIDENT_REF: inc.id, outbox.ALONE: self._alone(inc, text, blocks)}

    def _events(self, s: Session, inc: IncidentRow) -> list[IncidentEventRow]:
        return list(s.exec(select(IncidentEventRow).where(col(IncidentEventRow.incident_id) == inc.id)
                           .order_by(col(IncidentEventRow.id))))

    def _load(self, s: Session, incident_id: int, *, lock: bool = False) -> IncidentRow:
        """``lock``: hold the row until commit (PostgreSQL), so that changes to it take turns."""
        inc = s.get(IncidentRow, incident_id, with_for_update=lock or None)
        if inc is None:
            raise UnknownIncident()
        return inc

    # -- acknowledge ------------------------------------------------------------------------
    def ack(self, incident_id: int, actor: str, now: datetime | None = None) -> None:
        now = (now or self._now()).astimezone(UTC)
        with self.db.session() as s:
            inc = self._load(s, incident_id)
            if actor not in self.escalation_members(inc.account_id):
                raise NotEscalationMember(not_escalation_member_ja(self.org))
            if inc.status == "resolved":
                raise AlreadyResolved()
            if inc.status == "acked" and inc.acked_by == actor:
                # A double click, or a press on a copy not yet redrawn: what they asked for is done,
                # and 「…さんがすでに対応を始めています」 about themselves would read as a failure.
                log.info("incident %s: %s pressed 対応開始 again", incident_id, actor)
                return
            # An acknowledger since removed from the escalation members (the file changed) can no
            # longer act: the alert asks someone who can to take it over, which is a 対応開始 of theirs.
            taking_over = inc.status == "acked" and inc.acked_by not in self.escalation_members(inc.account_id)
            if inc.status == "acked" and not taking_over:
                raise errors.AlreadyDecided(
                    f"このインシデントは {render.escape(self._name(inc.acked_by, s))} さんがすでに対応を始めています。")
            # Compare-and-set: of two people pressing 対応開始 at once, exactly one is recorded.
            res = s.exec(update(IncidentRow).where(col(IncidentRow.id) == incident_id, col(IncidentRow.status) == inc.status,
                                                   col(IncidentRow.acked_by) == inc.acked_by if taking_over else true())
                         .values(status="acked", acked_at=now, acked_by=actor))  # type: ignore[call-overload]
            if res.rowcount != 1:
                s.rollback()
                fresh = self._load(s, incident_id)
                s.refresh(fresh)
                if fresh.acked_by == actor and fresh.status == "acked":
                    return
                if fresh.status == "resolved":  # resolved meanwhile (on another replica), maybe never acknowledged
                    raise AlreadyResolved()
                raise errors.AlreadyDecided(
                    f"このインシデントは {render.escape(self._name(fresh.acked_by, s))} さんがすでに対応を始めています。")
            s.refresh(inc)
            self._event(s, inc, now, actor, "acked")
            s.flush()
            self._refresh_alerts(s, now, inc)
            self._refresh_homes(s, now, inc)
            holding = render.fmt_time((now + self.org.policy.holding_statement_after).astimezone(self.zone))
            self._thread_note(s, now, inc, (
                f":raising_hand: {render.escape(self._name(actor))} さんが対応を開始しました。"
                f"チェックリストを進め、解決したら「解決」を押して経過をまとめてください。{holding} までに"
                "解決しない場合は、対応中である旨の書き込みをお願いするリマインダーをお送りします。"))
        self.kessai.after_commit()

    # -- checklist --------------------------------------------------------------------------
    def set_checklist(self, incident_id: int, actor: str, done: Sequence[str], *, seen: Sequence[str] | None = None,
                      now: datetime | None = None) -> None:
        """A click in the checklist: ``done`` is what the clicker's alert shows ticked after it,
        ``seen`` what it showed before (None: as recorded).

        Only the items the click changed are applied, to what is recorded: the alert on the
        clicker's screen may be older than someone else's click, and its whole selection would
        undo that click. The row is locked, so clicks at the same instant take turns; the alert
        is redrawn from the record either way, so every screen shows what is recorded.
        """
        now = (now or self._now()).astimezone(UTC)
        with self.db.session() as s:
            inc = self._load(s, incident_id, lock=True)
            if actor not in self.may_tick(s, inc):
                raise NotInvolved(not_involved_ja(self.org))
            if inc.status == "resolved":
                raise AlreadyResolved()
            items = {i.id: i for i in CHECKLISTS[inc.kind]}
            before = {i for i in inc.checklist_done if i in items}
            # Unknown (tampered) values are ignored.
            after, shown = ({i for i in values if i in items} for values in (done, before if seen is None else seen))
            ticked, unticked = (after - shown) - before, (shown - after) & before
            for item_id in items:
                if item_id in ticked:
                    self._event(s, inc, now, actor, "checked", items[item_id].text_for(self.org))
                elif item_id in unticked:
                    self._event(s, inc, now, actor, "unchecked", items[item_id].text_for(self.org))
            recorded = (before | ticked) - unticked
            inc.checklist_done = [i for i in items if i in recorded]  # keep the checklist's order
            s.add(inc)
            s.flush()
            self._refresh_alerts(s, now, inc)
        self.kessai.after_commit()

    # -- resolve ----------------------------------------------------------------------------
    def check_can_resolve(self, incident_id: int, actor: str) -> IncidentRow:
        with self.db.session() as s:
            inc = self._load(s, incident_id)
            if actor not in self.escalation_members(inc.account_id):
                raise NotEscalationMember(not_escalation_member_ja(self.org))
            if inc.status == "resolved":
                raise AlreadyResolved()
            return inc

    def resolve(self, incident_id: int, actor: str, summary: str, now: datetime | None = None, *,
                submission: str | None = None) -> None:
        """``submission``: the form's identity; sent again (``Kessai.claim_submission``), nothing happens."""
        summary = render.clean_text(summary).strip()
        if not render.visible_length(summary):
            raise errors.InvalidInput("どのように解決したかを入力してください。")
        if len(summary) > SUMMARY_LIMIT:
            raise errors.InvalidInput(f"まとめは {SUMMARY_LIMIT:,} 文字以内で書いてください（今は {len(summary):,} 文字です）。")
        # Checked before masking: the mask is longer than most values, and the text is kept whole.
        now = (now or self._now()).astimezone(UTC)
        with self.db.session() as s:
            if not self.kessai.claim_submission(s, submission, now):
                log.info("resolution form %s was submitted again; recorded already", submission)
                return
            inc = self._load(s, incident_id)
            if actor not in self.escalation_members(inc.account_id):
                raise NotEscalationMember(not_escalation_member_ja(self.org))
            from bot.secret_mask import mask_secrets  # see SECRET_MASK: loaded when first needed

            summary, _ = mask_secrets(summary, about_a_password=inc.kind == "password_leak", year=now.year)
            res = s.exec(update(IncidentRow)  # type: ignore[call-overload]
                         .where(col(IncidentRow.id) == incident_id, col(IncidentRow.status) != "resolved")
                         .values(status="resolved", resolved_at=now, resolved_by=actor,
                                 summary=summary))
            if res.rowcount != 1:
                raise AlreadyResolved()
            s.refresh(inc)
            self._event(s, inc, now, actor, "resolved", summary)
            s.flush()
            self._refresh_alerts(s, now, inc)
            self._refresh_homes(s, now, inc)
            self._thread_note(s, now, inc, (
                f":white_check_mark: {render.escape(self._name(actor))} さんが解決として記録しました。"
                "経過は `kessai incidents export` で書き出せます。\n*まとめ:*\n" + render.quote(summary, 500)))
        self.kessai.after_commit()

    # -- sweep hooks (called inside the sweep's transaction, after its claim) -----------------
    def realert(self, s: Session, now: datetime, incident_id: int, period: int) -> bool:
        inc = s.get(IncidentRow, incident_id)
        if inc is None or inc.status != "open":
            return False
        created = as_utc(inc.created_at)
        waited = render.fmt_duration(now - created)
        mentions = " ".join(f"<@{m}>" for m in self.escalation_members(inc.account_id))
        # Counted from what was sent: after a stop the schedule's number is ahead of what people saw.
        nth = 1 + sum(e.event == "realerted" for e in self._events(s, inc))
        every = self.org.policy.incident_ack_within
        upcoming = created + realert_offset(period + 1, every)
        steady = max(every, REALERT_MOST)
        # 「少しずつ空き」 only while the gaps still grow: from the 2-hour re-alert on, it said the
        # pace would widen when it no longer does.
        if upcoming - (created + realert_offset(period, every)) < steady:
            pace = f"。再通知の間隔は少しずつ空き、やがて{render.fmt_duration(steady)}ごとになります"
        else:
            pace = f"。その後も{render.fmt_duration(steady)}ごとにお知らせします"
        # Not 「（上越市 6(2): …）」: another organisation was told 上越市's clause beside its own
        # departments; and with none named (escalation_orgs = []) there is nobody to consult.
        departments = escalation_departments_ja(self.org)
        consult = f"（運用管理責任者が{render.escape(departments)}と協議します）" if departments else ""
        self._event(s, inc, now, None, "realerted", f"{waited}経過")
        self._thread_note(s, now, inc, (
            f":rotating_light: {mentions}\n*{KINDS.get(inc.kind, inc.kind)}のインシデント*"
            f"（{render.escape(self._account_label(inc))}、受付番号 {inc.id}）が報告から {waited}たっても"
            "対応開始されていません。対応できる方は、アラート（または kessai のホームタブ）の「対応開始」を押してから対応を始めてください"
            f"{consult}。\n"
            f"（{nth}回目の再通知です。対応開始されるまで、次は {render.fmt_time(upcoming.astimezone(self.zone))} に"
            f"お知らせします{pace}。）"), broadcast=True)
        return True

    def holding_reminder(self, s: Session, now: datetime, incident_id: int, period: int) -> bool:
        inc = s.get(IncidentRow, incident_id)
        if inc is None or inc.status != "acked" or inc.acked_by is None or inc.acked_at is None:
            return False
        acked_at = as_utc(inc.acked_at)
        waited = render.fmt_duration(now - acked_at)
        opening = self.org.calendar(str(self.zone)).start
        upcoming = holding_at(period + 1, acked_at, self.org.policy.holding_statement_after, self.zone, opening)
        if period == 0:
            ask = ("解決まで時間がかかる場合は、公式アカウントに対応中である旨を書き込んでください"
                   "（例:「現在、事実関係を確認しております。確認でき次第、改めてお知らせします。」）。")
        else:
            ask = ("対応中である旨をまだ書き込んでいない場合は書き込み、書き込んだ後に分かったことや見通しがあれば、"
                   "公式アカウントで改めてお知らせしてください。")
        text = (
            f":hourglass: *経過の書き込みのお願い*（{KINDS.get(inc.kind, inc.kind)}、"
            f"{render.escape(self._account_label(inc))}、受付番号 {inc.id}）\n"
            f"対応開始から {waited}がたちましたが、まだ解決として記録されていません。{ask}"
            "対応していないという批判を招かないためです。\n"
            "解決したら、アラート（または kessai のホームタブ）の「解決」を押して経過をまとめてください。\n"
            f"（解決として記録されるまで、このお願いは1日1回、毎朝 {opening:%H:%M} にお送りします。"
            f"次は {render.fmt_time(upcoming.astimezone(self.zone))} です。）")
        self._event(s, inc, now, None, "holding_reminded", f"{waited}経過")
        members = self.escalation_members(inc.account_id)
        if inc.acked_by not in members:
            # The acknowledger has left the organisation file (or the escalation members) since: a
            # DM would ask someone who can no longer act, and nobody who can would hear of it.
            mentions = " ".join(f"<@{m}>" for m in members)
            self._thread_note(s, now, inc, (
                f"{mentions}\n{text}\n対応を開始した {render.escape(self._name(inc.acked_by, s))} さんは、"
                "現在の名簿では対応できる方に含まれていないため、皆さまにお願いしています。"), broadcast=True)
            self._refresh_alerts(s, now, inc)  # so the alert no longer reads as in the leaver's hands
            return True
        self._post(s, now, inc.acked_by, {"text": render.preview(text), "blocks": render.sections(text)})
        self._thread_note(s, now, inc, f"<@{inc.acked_by}> さんに、対応中である旨の書き込みをお願いしました。")
        return True

    # -- password rotation ------------------------------------------------------------------
    def record_password_rotation(self, account_ref: str, actor: str, now: datetime | None = None) -> str:
        """Record that ``account_ref``'s password was changed; returns the polite confirmation."""
        account = self._find_account(account_ref)
        allowed = set(account.operators) | set(account.approvers) | set(account.deputies)
        if actor not in allowed:
            raise errors.KessaiError(
                f"{render.escape(account.name)} のパスワード変更を記録できるのは、このアカウントの運用担当者・"
                "運用管理責任者・代決者です。")
        now = (now or self._now()).astimezone(UTC)
        with self.db.session() as s:
            reminder_repo.record_rotation(s, account.id, now, actor)
        due = (now + timedelta(days=self.org.policy.password_rotation_days)).astimezone(self.zone)
        return (f"{render.escape(account.name)} のパスワード変更を記録しました（{render.fmt_time(now.astimezone(self.zone))}）。"
                f"次の変更の目安は{render.fmt_date(due.date())}です。その頃にお知らせします。")

    def _find_account(self, ref: str) -> Account:
        ref = ref.strip()
        listing = "、".join(f"`{render.escape(a.id)}`（{render.escape(a.name)}）" for a in self.org.accounts[:30])
        if not ref:
            raise UnknownAccount(
                f"アカウントを指定してください。例: `/kessai password-rotated {self.org.accounts[0].id if self.org.accounts else 'joetsu-x'}`\n"
                f"登録されているアカウント: {listing}")
        matches = self.org.accounts_typed_as(ref)
        if len(matches) > 1:
            # One name on two platforms (「上越市」 for X and Instagram): the first was recorded, and
            # the other's password went on being counted from its old change.
            alike = "、".join(f"`{render.escape(a.id)}`（{render.escape(render.PLATFORM_JA.get(a.platform, a.platform))}）"
                              for a in matches[:30])
            raise UnknownAccount(
                f"「{render.escape(render.shortened(ref, 60))}」と読めるアカウントが複数あります。"
                f"次のどれかを、そのとおりに入力してください: {alike}")
        account = matches[0] if matches else None
        if account is None:
            raise UnknownAccount(
                f"「{render.escape(render.shortened(ref, 60))}」というアカウントは登録されていません。"
                f"登録されているアカウント: {listing}")
        return account

    # -- rendering --------------------------------------------------------------------------
    def _account_label(self, inc: IncidentRow) -> str:
        account = self.org.account(inc.account_id or "")
        if account is not None:
            return account.name
        return render.unlisted_account(inc.account_id) if inc.account_id else render.NO_ACCOUNT_JA

    def alert(self, inc: IncidentRow, events: Sequence[IncidentEventRow] = (), s: Session | None = None) -> dict[str, Any]:
        """The alert in the escalation channel; re-rendered (chat.update) after every change."""
        kind = KINDS.get(inc.kind, inc.kind)
        title = f"インシデント: {kind}（{self._account_label(inc)}）"
        fmt = lambda t: render.fmt_time(t.astimezone(self.zone)) if t else ""  # noqa: E731
        state = STATUS_JA.get(inc.status, inc.status)
        if inc.status == "acked":
            state += f"（{render.escape(self._name(inc.acked_by, s))} さん、{fmt(inc.acked_at)}〜）"
            if inc.acked_by not in self.escalation_members(inc.account_id):
                # Left since (the file changed): whoever takes over should not think it in hand.
                departments = escalation_departments_ja(self.org)
                takers = f"運用管理責任者や{render.escape(departments)}" if departments else "運用管理責任者や代決者"
                state += f"\n:warning: 対応を開始した方は、現在の名簿では対応できる方に含まれていません。{takers}の方は、「引き継いで対応開始」を押して引き継いでください。"
        elif inc.status == "resolved":
            state += f"（{render.escape(self._name(inc.resolved_by, s))} さん、{fmt(inc.resolved_at)}）"
        blocks: list[dict[str, Any]] = [
            render.header_naming(f":rotating_light: インシデント: {kind}（", self._account_label(inc), "）"),
            # Cut at its lines where needed: an account, a reporter and an acknowledger of the file's
            # longest names (200 characters, 「&」 escaped to five) took it past 3,000 characters, and
            # section() cut off the state and the warning that the acknowledger has left.
            *render.sections(f"*受付番号:* {inc.id}\n*種類:* {kind}\n*アカウント:* {render.escape(self._account_label(inc))}\n"
                             f"*報告者:* {render.escape(self._name(inc.reporter_id, s))} さん（{fmt(inc.created_at)}）\n*状態:* {state}"),
            render.section("*内容:*\n" + render.quote(inc.description, EXCERPT_LIMIT, rest=WHOLE_IN_THREAD)),
        ]
        items = CHECKLISTS.get(inc.kind, ())
        done = set(inc.checklist_done)
        if inc.status == "resolved":
            blocks.append(render.section("*対応チェックリスト:*\n" + "\n".join(
                # In words too: a screen reader read the two emoji as 「白い重いチェックマーク」 and 「白い四角」.
                f"{':white_check_mark: 実施済み' if i.id in done else ':white_square: 未実施'}："
                f"{render.escape(i.text_for(self.org))}"
                for i in items)))
            blocks.append(render.section("*まとめ:*\n" + render.quote(inc.summary or "", 1500)))
            if events:
                blocks.append(render.context("経過: " + " → ".join(self._steps(events))))
        else:
            options = [render.option(i.id, i.text_for(self.org)) for i in items]
            checkboxes: dict[str, Any] = {"type": "checkboxes", "action_id": CHECKLIST_ACTION, "options": options}
            initial = [o for o in options if o["value"] in done]
            if initial:
                checkboxes["initial_options"] = initial
            blocks.append(render.section("*対応チェックリスト*（ガイドラインに基づく手順です。済んだものにチェックを入れてください）"))
            blocks.append({"type": "actions", "block_id": f"incident_checklist:{inc.id}", "elements": [checkboxes]})
            # Clauses in the checklist's order: cutting each item's text to fit split words mid-way.
            blocks.append(render.context("根拠（上の項目から順に）: " + " / ".join(i.clause for i in items)))
            buttons: list[dict[str, Any]] = []
            label = ack_label(inc, self.escalation_members(inc.account_id))
            if label is not None:
                buttons.append(render.button(ACK_ACTION, label, str(inc.id), style="primary", reader=render.incident_reader_label(
                    label, inc.id, kind, self._account_label(inc))))
            buttons.append(render.button(RESOLVE_ACTION, "解決", str(inc.id), reader=render.incident_reader_label(
                "解決", inc.id, kind, self._account_label(inc))))
            blocks.append({"type": "actions", "block_id": f"incident_buttons:{inc.id}", "elements": buttons})
        # The preview: the state's warning that the acknowledger has left is a second line with an emoji code.
        return {"text": render.preview(f"{render.escape(title)} — {state}"), "blocks": blocks}

    def _steps(self, events: Sequence[IncidentEventRow]) -> list[str]:
        """The resolved alert's 「経過」. A run of re-alerts is one step with its count: unacknowledged
        over a night of 年末年始, a hundred of them, one each, filled the line and Slack's 3,000
        characters cut off 対応開始 and 解決."""
        fmt = lambda t: render.fmt_time(t.astimezone(self.zone))  # noqa: E731
        steps: list[str] = []
        run: list[IncidentEventRow] = []

        def close_run() -> None:
            if len(run) == 1:
                steps.append(f"{fmt(run[0].at)} {EVENT_JA['realerted']}")
            elif run:
                first, last = (e.at.astimezone(self.zone) for e in (run[0], run[-1]))
                # Within one day the date once: 「11月24日（火）10:15〜2026年11月24日（火）11:00」 read twice.
                end = f"{last:%H:%M}" if last.date() == first.date() else fmt(last)
                steps.append(f"{fmt(first)}〜{end} {EVENT_JA['realerted']} {len(run)}回")
            run.clear()

        for e in events:
            if e.event == "realerted":
                run.append(e)
            elif e.event in ("reported", "acked", "resolved"):
                close_run()
                steps.append(f"{fmt(e.at)} {EVENT_JA.get(e.event, e.event)}")
        close_run()
        return steps

    def report_modal(self, reporter: str, initial_account: str | None = None) -> dict[str, Any]:
        """The report form; only people in the roster may report (the alert names the reporter)."""
        if self.org.member(reporter) is None:
            raise NotInRoster(not_in_roster_ja(self.org))
        mine = [a for a in self.org.accounts if reporter in (*a.operators, *a.approvers, *a.deputies)]
        others = [a for a in self.org.accounts if a not in mine]
        options = [render.option(NO_ACCOUNT, "特定のアカウントではない")]
        # One name on two platforms is shown with its platform, as in the draft form: alike, the
        # report went to the other account, and its alert to that account's approvers.
        options += [render.option(i, label) for i, label in
                    render.account_choices([(a.id, a.name, a.platform) for a in (mine + others)])]
        account_el: dict[str, Any] = {"type": "static_select", "action_id": ACCOUNT_ACTION,
                                      **render.select_options(options, leading=1),
                                      "placeholder": {"type": "plain_text", "text": "アカウントを選択"}}
        # Given as its id or as the name people know it by (「上越市公式X」).
        # A name two accounts share (「上越市」 on X and Instagram) chooses neither: the report and its
        # alert would go to the file's first of them.
        named = self.org.accounts_typed_as(initial_account) if initial_account else []
        chosen = next((o for o in options[1:] if len(named) == 1 and o["value"] == named[0].id), None)
        # A name that is no account of the file (a typo, an unregistered account, the fake one of an
        # impersonation) chooses none: the reporter's own account, chosen for it silently, sent the
        # report and its alert to that account's approvers as if it were about it. The fake of an
        # impersonation is reported as about the account it imitates, whose 運用管理責任者 must hear
        # of it (a report about no account reaches only 情報政策室・広報対話課): the note says so.
        unknown = bool(initial_account) and not named
        if chosen is None and len(mine) == 1 and not unknown and (not named or mine[0] in named):
            chosen = options[1]
        if chosen is not None:
            account_el["initial_option"] = chosen
        # Masked as every other echo of a report: the typed text may be the leak itself
        # (「/kessai incident パスワードは …」), and a screen share shows the form.
        from bot.secret_mask import mask_secrets  # see SECRET_MASK: loaded when first needed

        shown = mask_secrets(initial_account or "")[0]
        typed: list[dict[str, Any]] = [render.context(
            f":warning: 「{render.escape(render.shortened(shown, 60))}」というアカウントは kessai に登録されていません。"
            "一覧から選び直してください。なりすましの報告では、なりすまされている公式アカウントを選び、相手のアカウント名や "
            "URL は内容に書いてください。どの公式アカウントにも関わらない場合は「特定のアカウントではない」を選んでください。")] \
            if unknown else []
        kinds = [render.option(k, label) for k, label in KINDS.items()]
        departments = escalation_departments_ja(self.org)
        # told_ja's words before the account is chosen: without departments, a report naming no
        # account reaches the escalation channel alone.
        told = (f"{render.escape(departments)}と運用管理責任者" if departments else
                "運用管理責任者（特定のアカウントではない場合はエスカレーション先のチャンネル）")
        return render.modal(REPORT_CALLBACK, "インシデントの報告", "報告する", [
            render.section("公式アカウントの炎上・なりすまし・パスワード漏えい・誤投稿などを、"
                           f"{told}に知らせます。個人の判断で返信や削除をせず、組織として対応します。"),
            render.input_block(KIND_BLOCK, "種類", {"type": "static_select", "action_id": KIND_ACTION, "options": kinds,
                                                  "placeholder": {"type": "plain_text", "text": "種類を選択"}}),
            *typed,
            render.input_block(ACCOUNT_BLOCK, "アカウント", account_el),
            render.input_block(DESCRIPTION_BLOCK, "何が起きていますか", {
                "type": "plain_text_input", "action_id": DESCRIPTION_ACTION, "multiline": True,
                # What to write is the hint, which stays while typing and which screen readers read
                # with the field; a placeholder vanished at the first character.
                "max_length": DESCRIPTION_LIMIT},
                hint="いつ・どの投稿で・何が起きているか。なりすましの場合は相手のアカウントの URL も書いてください。"),
        ])

    def resolve_modal(self, inc: IncidentRow) -> dict[str, Any]:
        return render.modal(RESOLVE_CALLBACK, "インシデントの解決", "解決として記録", [
            # Two sections: an account name of the file's longest, escaped, left the quote's end
            # and its 「全 … 文字のうち」 line past the section's 3,000 characters.
            render.section(f"*{KINDS.get(inc.kind, inc.kind)}*（{render.escape(self._account_label(inc))}、受付番号 {inc.id}）"),
            render.section(render.quote(inc.description, 500)),
            render.input_block(SUMMARY_BLOCK, "経過と対応のまとめ（記録に残ります）", {
                "type": "plain_text_input", "action_id": SUMMARY_ACTION, "multiline": True, "max_length": SUMMARY_LIMIT},
                hint="何をしたか（削除依頼・訂正の書き込み・周知など）と、今後の対策を書いてください。"),
        ], metadata=str(inc.id))


# -- export ----------------------------------------------------------------------------------

# Each exported field (the JSON keys) and its heading in the CSV, which people open in Excel.
EXPORT_COLUMNS = {
    "id": "受付番号", "kind": "種類コード", "kind_ja": "種類", "account_id": "アカウントID",
    "account_name": "アカウント", "status": "状態コード", "status_ja": "状態", "reporter_id": "報告者ID",
    "reporter_name": "報告者", "description": "内容", "created_at": "報告日時", "acked_at": "対応開始日時",
    "acked_by": "対応者ID", "acked_by_name": "対応者", "resolved_at": "解決日時", "resolved_by": "解決者ID",
    "resolved_by_name": "解決者", "summary": "経過のまとめ", "checklist_done": "済んだチェック項目",
    "timeline": "経過",
}


def export_rows(s: Session, org: OrgConfig, names: dict[str, str], tz: Any,
                start: datetime | None = None, end: datetime | None = None) -> list[dict[str, Any]]:
    """Incidents reported in ``[start, end]`` with their timelines, times in JST ISO 8601."""
    q = select(IncidentRow).order_by(col(IncidentRow.id))
    if start is not None:
        q = q.where(col(IncidentRow.created_at) >= start)
    if end is not None:
        q = q.where(col(IncidentRow.created_at) <= end)
    incidents = list(s.exec(q))
    events: dict[int, list[IncidentEventRow]] = {}
    if incidents:
        ids = [i.id for i in incidents]
        for e in s.exec(select(IncidentEventRow).where(col(IncidentEventRow.incident_id).in_(ids))
                        .order_by(col(IncidentEventRow.id))):
            events.setdefault(e.incident_id, []).append(e)
    iso = lambda t: t.astimezone(tz).isoformat(timespec="seconds") if t else None  # noqa: E731
    rows = []
    for inc in incidents:
        account = org.account(inc.account_id or "")
        items = {i.id: i.text_for(org) for i in CHECKLISTS.get(inc.kind, ())}
        rows.append({
            "id": inc.id, "kind": inc.kind, "kind_ja": KINDS.get(inc.kind, inc.kind),
            "account_id": inc.account_id, "account_name": account.name if account else None,
            "status": inc.status, "status_ja": STATUS_JA.get(inc.status, inc.status),
            "reporter_id": inc.reporter_id, "reporter_name": names.get(inc.reporter_id, ""),
            "description": inc.description, "created_at": iso(inc.created_at),
            "acked_at": iso(inc.acked_at), "acked_by": inc.acked_by, "acked_by_name": names.get(inc.acked_by or "", ""),
            "resolved_at": iso(inc.resolved_at), "resolved_by": inc.resolved_by,
            "resolved_by_name": names.get(inc.resolved_by or "", ""), "summary": inc.summary,
            "checklist_done": [items.get(i, i) for i in inc.checklist_done],
            "timeline": [{"at": iso(e.at), "event": e.event, "event_ja": EVENT_JA.get(e.event, e.event),
                          "actor_id": e.actor_id, "actor_name": names.get(e.actor_id or "", ""), "detail": e.detail}
                         for e in events.get(inc.id or 0, [])],
        })
    return rows


def to_json(rows: list[dict[str, Any]]) -> str:
    return exporting.to_json(rows)


def to_csv(rows: list[dict[str, Any]], *, long_cells: list[exporting.LongCell] | None = None) -> str:
    """Like the ledger export; the checklist and the timeline are one readable cell each (the
    timeline of a long incident can pass what Excel holds in a cell: see ``exporting.LongCell``)."""

    def flat(r: dict[str, Any]) -> dict[str, Any]:
        return {**r, "checklist_done": " / ".join(r["checklist_done"]), "timeline": "\n".join(
            f"{e['at']} {e['event_ja']} {e['actor_name'] or e['actor_id'] or ''}".rstrip()
            + (f": {e['detail']}" if e["detail"] else "") for e in r["timeline"])}

    return exporting.to_csv([flat(r) for r in rows], EXPORT_COLUMNS, long_cells=long_cells)
