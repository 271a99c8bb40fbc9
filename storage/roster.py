"""Mirror the organisation file's roster into the database on start-up."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import delete, func, text
from sqlalchemy import select as select_
from sqlmodel import Session, col, select

from bot.config import OrgConfig
from storage.models import AccountRoleRow, AccountRow, DraftRow, MemberRow, OrgRow

# An arbitrary constant naming the roster's advisory lock (PostgreSQL).
ROSTER_LOCK = 0x6B657373  # "kess"


def sync(s: Session, org: OrgConfig) -> set[str]:
    """Upsert orgs, members and accounts; people and accounts no longer listed become inactive.
    Returns the Slack ids whose standing changed since the last sync (added or removed as a member,
    another rank or org, a role of an account gained or lost, an account of theirs removed): what
    they may do and see has changed (App Home). Empty when the file is the one synced last.

    Rows are never deleted: the ledger and old drafts still name them. Processes starting
    together (two replicas, a cron ``kessai remind`` beside ``serve``) take turns: each rewrites
    the account roles, and two rewrites interleaved would collide on their keys.
    """
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": ROSTER_LOCK})
    # SQLite: the transaction began with BEGIN IMMEDIATE, which already excludes other writers.
    before_members = {(m.slack_id, m.org_id, m.rank) for m in s.exec(select(MemberRow)) if m.active}
    before_roles = {(r.account_id, r.slack_id, r.role) for r in s.exec(select(AccountRoleRow))}
    after_members = {(m.slack_id, m.org, m.rank) for m in org.members}
    after_roles = {(a.id, sid, role) for a in org.accounts
                   for role, ids in (("operator", a.operators), ("approver", a.approvers), ("deputy", a.deputies))
                   for sid in ids}
    changed = {m[0] for m in before_members ^ after_members} | {r[1] for r in before_roles ^ after_roles}
    for o in org.orgs:
        row = s.get(OrgRow, o.id) or OrgRow(id=o.id, name=o.name)
        row.name = o.name
        s.add(row)
    listed = {m.slack_id for m in org.members}
    for existing in s.exec(select(MemberRow)):
        if existing.slack_id not in listed:
            existing.active = False
            s.add(existing)
    for m in org.members:
        mrow = s.get(MemberRow, m.slack_id) or MemberRow(slack_id=m.slack_id, name=m.name, org_id=m.org, rank=m.rank)
        mrow.name, mrow.org_id, mrow.rank, mrow.active = m.name, m.org, m.rank, True
        s.add(mrow)
    accounts = {a.id for a in org.accounts}
    for existing_a in s.exec(select(AccountRow)):
        if existing_a.id not in accounts:
            existing_a.active = False
            s.add(existing_a)
    s.exec(delete(AccountRoleRow))  # type: ignore[call-overload]
    for a in org.accounts:
        arow = s.get(AccountRow, a.id) or AccountRow(
            id=a.id, platform=a.platform, name=a.name, url=a.url, org_id=a.org, intake_channel=a.intake_channel
        )
        arow.platform, arow.name, arow.url = a.platform, a.name, a.url
        arow.org_id, arow.intake_channel, arow.active = a.org, a.intake_channel, True
        s.add(arow)
        for role, ids in (("operator", a.operators), ("approver", a.approvers), ("deputy", a.deputies)):
            for sid in dict.fromkeys(ids):
                s.add(AccountRoleRow(account_id=a.id, slack_id=sid, role=role))
    return changed


def member_names(s: Session) -> dict[str, str]:
    return {m.slack_id: m.name for m in s.exec(select(MemberRow))}


def account_roles(s: Session, account_ids: Collection[str]) -> dict[str, dict[str, set[str]]]:
    """Who decides for ``account_ids`` as the database has it (account → "approver"/"deputy" →
    Slack ids): the organisation file of the process that started last. Operators are left out:
    nobody compares them, and they are most of the rows."""
    roles: dict[str, dict[str, set[str]]] = {}
    if not account_ids:
        return roles
    which = col(AccountRoleRow.account_id).in_(sorted(account_ids))
    # Three columns, not ORM rows: ORM rows cost 20 ms a sweep for 500 accounts.
    q = select_(col(AccountRoleRow.account_id), col(AccountRoleRow.role), col(AccountRoleRow.slack_id)).where(
        which, col(AccountRoleRow.role).in_(("approver", "deputy")))
    for account_id, role, slack_id in s.connection().execute(q):
        roles.setdefault(account_id, {}).setdefault(role, set()).add(slack_id)
    return roles


def retired_accounts(s: Session, account_ids: Collection[str]) -> dict[str, AccountRow]:
    """Those of ``account_ids`` that the database marks inactive: the organisation file of the
    process that started last no longer lists them (``sync``). Their rows keep name and platform."""
    if not account_ids:
        return {}
    q = select(AccountRow).where(col(AccountRow.id).in_(sorted(account_ids)), col(AccountRow.active).is_(False))
    return {a.id: a for a in s.exec(q)}


def drafts_left_behind(s: Session, listed: Collection[str]) -> dict[str, tuple[AccountRow | None, int, int]]:
    """Accounts not in ``listed`` (the organisation file) that still have drafts someone must act
    on: account id → (its row as last synced, drafts 決裁待ち, drafts decided and not yet marked
    published). Such an account was removed from the file — or its ``id`` was changed, which
    kessai can only read as a removal and a new account."""
    q = (select_(col(DraftRow.account_id), col(DraftRow.state), func.count())
         .where(col(DraftRow.account_id).is_not(None),
                col(DraftRow.state).in_(("pending", "approved", "exempt")),
                col(DraftRow.published_at).is_(None))
         .group_by(col(DraftRow.account_id), col(DraftRow.state)))
    counts: dict[str, list[int]] = {}
    for account_id, state, n in s.connection().execute(q):
        if account_id not in listed:
            counts.setdefault(str(account_id), [0, 0])[0 if state == "pending" else 1] += int(n)
    if not counts:
        return {}
    rows = {a.id: a for a in s.exec(select(AccountRow).where(col(AccountRow.id).in_(sorted(counts))))}
    return {a: (rows.get(a), pending, decided) for a, (pending, decided) in sorted(counts.items())}
