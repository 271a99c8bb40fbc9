"""定型文 (templates): the registered texts that let a draft go out under 決裁省略 (和気町 5(4))."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from bot import errors, render
from bot.config import OrgConfig
from storage import drafts as draft_repo
from storage import templates as template_repo
from storage.db import Database, storable

LISTED_IN_FULL = 30  # templates shown with their text in /kessai template list
LISTED_BY_NAME = 200  # the rest, by number and name


class TemplateAdmin:
    """``/kessai template add|list|remove``; only approvers may add or remove, since a template is a
    standing reason to skip prior approval."""

    def __init__(self, db: Database, org: OrgConfig, *, clock: Callable[[], datetime],
                 name_of: Callable[[str], str]) -> None:
        self.db = db
        self.org = org
        self.clock = clock
        self.name_of = name_of

    def require_admin(self, actor: str) -> None:
        if not any(actor in a.approvers for a in self.org.accounts):
            raise errors.NotAnApprover(
                "定型文は決裁を省略する根拠になるため、登録・削除できるのは運用管理責任者（決裁者）だけです。")

    def add(self, actor: str, name: str, text: str, *, submission: str | None = None) -> str:
        """What to tell ``actor`` of the template registered. ``submission``: the form's identity
        (Kessai.claim_submission): sent again after it was recorded (its answer late or lost), the
        form was refused as 「…という名前の定型文はすでにあります。別の名前にしてください」, asking
        for another name for the template its first press had registered."""
        self.require_admin(actor)
        name, text = storable(name.strip()), storable(text.strip())
        if not render.visible_length(name) or not render.visible_length(text):
            raise errors.InvalidInput("定型文の名前と本文を両方入力してください（本文を付けずに /kessai template add とだけ"
                                      "入力すると、入力画面が開きます）。",
                                      field="text" if name else "name")
        if len(name) > 100:
            raise errors.InvalidInput("定型文の名前は100文字以内にしてください。", field="name")
        now = self.clock()
        with self.db.session() as s:
            if submission is not None and not draft_repo.claim_event(s, submission, now):
                return (f"定型文「{render.escape(name)}」は、この入力画面からすでに登録されています。"
                        "もう一度送信する必要はありません（`/kessai template list` で確認できます）。")
            if template_repo.by_name(s, name) is not None:
                raise errors.InvalidInput(f"「{render.escape(name)}」という名前の定型文はすでにあります。別の名前にしてください。",
                                          field="name")
            row = template_repo.add(s, name=name, text=text, created_by=actor, now=now)
            tid = row.id
        return (f"定型文 #{tid}「{render.escape(name)}」を登録しました。あなたが決裁者のアカウント（{self._scope(actor)}）で"
                "区分「定型文」としてこの文面と一致する下書きが出されると、エラーがなければ決裁省略になります。"
                "ただし、あなた自身が作成した下書きは省略されず、ほかの決裁者の決裁に回ります。")

    def _scope(self, creator: str) -> str:
        """The accounts a template by ``creator`` applies to: those whose drafts they decide."""
        names = [render.escape(a.name) for a in self.org.accounts if creator in a.approvers]
        return "、".join(names) if names else "なし（登録した人が決裁者ではなくなったため、使われません）"

    def list_text(self) -> str:
        with self.db.session() as s:
            rows = template_repo.active(s)
        if not rows:
            return "登録された定型文はありません。`/kessai template add 名前 本文` で登録できます（決裁者のみ）。"
        lines = ["*登録された定型文*"]
        for r in rows[:LISTED_IN_FULL]:
            lines.append(f"• #{r.id}「{render.escape(r.name)}」（登録: {render.escape(self.name_of(r.created_by))}、"
                         f"対象: {self._scope(r.created_by)}）\n"
                         + render.quote(r.text, 200))
        rest = rows[LISTED_IN_FULL:]
        if rest:
            # Every template lets a draft skip approval: none may be hidden from this list.
            names = "、".join(f"#{r.id}「{render.escape(r.name)}」" for r in rest[:LISTED_BY_NAME])
            more = render.and_more(len(rest) - LISTED_BY_NAME) if len(rest) > LISTED_BY_NAME else ""
            lines.append(f"このほかに {len(rest)} 件あります（名前のみ）: {names}{'、' + more if more else ''}")
        return "\n".join(lines)

    def remove(self, actor: str, key: str) -> str:
        self.require_admin(actor)
        key = key.strip()
        with self.db.session() as s:
            # 「#12」 as the list shows the number, but also a name that itself begins with 「#」.
            row = template_repo.by_name_or_id(s, key)
            if row is None and key.startswith("#"):
                key = key.lstrip("#")
                row = template_repo.by_name_or_id(s, key)
            if row is None:
                raise errors.InvalidInput(f"「{render.escape(key)}」という定型文は見つかりません。`/kessai template list` で確認してください。")
            template_repo.deactivate(s, row)
            name = row.name
        return f"定型文「{render.escape(name)}」を削除しました（これまでの決裁省略の記録はそのまま残ります）。"
