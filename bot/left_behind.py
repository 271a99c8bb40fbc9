"""Drafts left behind by an account that is no longer in the organisation file.

kessai knows an account by its ``id``: one changed in the file (joetsu-x → joetsu-city-x in a
組織改編) reads as the old account removed and a new one added. The old account's waiting drafts
then have nobody to decide them (their requests are retracted, ``Kessai.follow_roster``) and its
decided ones are never asked about at their scheduled time — quietly, until someone asks why.
`kessai config check` and serve's start-up say so, and point at the likely rename."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from bot.config import Account, OrgConfig
from storage import roster as roster_repo


@dataclass(frozen=True)
class LeftBehind:
    account_id: str
    name: str | None  # as the database last had it; None if it never had the account
    pending: int  # 決裁待ち
    decided: int  # approved or 決裁省略, not marked published
    # Accounts in the file on the same intake channel or at the same address: most likely the
    # same account under a new id.
    successors: tuple[Account, ...]
    channel: str | None


def _same_url(a: str, b: str) -> bool:
    return bool(a.strip()) and a.strip().rstrip("/").lower() == b.strip().rstrip("/").lower()


def find(s: Session, org: OrgConfig) -> list[LeftBehind]:
    found = []
    for account_id, (row, pending, decided) in roster_repo.drafts_left_behind(
            s, {a.id for a in org.accounts}).items():
        successors = () if row is None else tuple(
            a for a in org.accounts if a.intake_channel == row.intake_channel or _same_url(a.url, row.url))
        found.append(LeftBehind(account_id=account_id, name=row.name if row else None, pending=pending,
                                decided=decided, successors=successors, channel=row.intake_channel if row else None))
    return found


def said_ja(item: LeftBehind) -> str:
    """For the IT 担当 running `kessai config check` (plain text, not Slack markup)."""
    label = f"「{item.account_id}」（{item.name}）" if item.name else f"「{item.account_id}」"
    counts = []
    if item.pending:
        counts.append(f"決裁待ちの下書きが {item.pending} 件")
    if item.decided:
        counts.append(f"決裁済みでまだ投稿済みになっていない下書きが {item.decided} 件")
    text = (f"注意: アカウント{label}は組織設定ファイルにありませんが、データベースには"
            f"{'、'.join(counts)}残っています。")
    if item.pending:
        text += "決裁待ちの下書きは、このままでは誰も決裁できません。"
    if item.successors:
        same = []
        if any(a.intake_channel == item.channel for a in item.successors):
            same.append(f"受付チャンネル（{item.channel}）")
        names = "、".join(f"「{a.id}」（{a.name}）" for a in item.successors)
        text += (f"ファイルのアカウント{names}が同じ{'・'.join(same) or 'URL'}を使っています。"
                 f"アカウントの id を変えたのであれば、id を元の「{item.account_id}」に戻してください。"
                 "kessai は id でアカウントを見分けるため、id を変えると別のアカウントとみなし、"
                 "元の下書きが取り残されます（表示名は name で変えられます）。")
    else:
        text += (f"アカウントを廃止したのでなければ、[[accounts]] に id = \"{item.account_id}\" のアカウントを"
                 "戻してください（戻すと、決裁待ちの下書きは決裁者にもう一度依頼されます）。")
    return text


def said_en(item: LeftBehind) -> str:
    """The same for serve's log (English, as the log is)."""
    text = (f"account {item.account_id!r} is not in the organisation file but the database has {item.pending} "
            f"draft(s) waiting for a decision and {item.decided} decided but not marked published: nobody can "
            "decide or be reminded of them")
    if item.successors:
        text += (f"; {', '.join(repr(a.id) for a in item.successors)} in the file has the same intake channel or "
                 f"URL: if the account's id was changed, put back id = {item.account_id!r} (kessai knows an "
                 "account by its id; change its name instead)")
    return text

