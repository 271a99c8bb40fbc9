"""The /kessai slash command: a small registry of sub-commands.

Other feature modules add theirs with ``register_subcommand`` from their own ``register(app,
kessai)`` (e.g. handlers/incident.py for ``incident``), so this module never needs editing for them.
Sub-commands are looked up when the command arrives, so registration order does not matter.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import errors, render
from bot.services import Kessai
from bot.typed import typed_form
from handlers.payloads import field, refuse_form, submission_key, user_id, view_values
from handlers.slack_text import plain_text

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SubcommandCall:
    """One invocation of ``/kessai <name> <args>``.

    A handler must answer within Slack's 3 seconds: ``call.reply(text)`` (ephemeral) or
    ``call.ack()`` (e.g. after opening a modal with ``call.client.views_open(trigger_id=…)``).
    Exactly one of them, once.
    """

    kessai: Kessai
    name: str
    args: str
    user: str
    channel: str
    trigger_id: str
    command: dict[str, Any]
    client: WebClient
    ack: Ack

    def reply(self, text: str) -> None:
        self.ack(response_type="ephemeral", text=text)

    def open_modal(self, view: dict[str, Any]) -> None:
        """Open a form and answer the command; when it cannot be opened, say so instead."""
        from handlers.payloads import open_view

        unopened = open_view(self.client, self.trigger_id, view)
        if unopened is None:
            self.ack()
        else:
            self.reply(unopened)


Subcommand = Callable[[SubcommandCall], None]


@dataclass(frozen=True)
class _Entry:
    handler: Subcommand
    usage: str
    help_ja: str


SUBCOMMANDS: dict[str, Subcommand] = {}
_HELP: dict[str, _Entry] = {}
ALIASES = {"ヘルプ": "help", "?": "help", "下書き": "draft", "状況": "status", "不在": "away", "定型文": "template"}


# Pasted before a command along with it (direction marks, zero-width spaces, a BOM).
_LEADING_JUNK = " \t\n\u3000\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"


def command_word(word: str) -> str:
    """A typed command word as we compare it: ｈｅｌｐ (typed with the Japanese input on) is help,
    HELP is help, and invisible characters pasted along (a direction mark) do not count."""
    return typed_form(word)


def reads_as_command(text: str) -> bool:
    """Whether a message's text is ``/kessai …`` that Slack posted instead of running: Slack runs a
    command only when a half-width 「/」 is the first character, and the Japanese input turns the
    slash into 「／」 (and often the rest into ｋｅｓｓａｉ). Only our own command counts: a post may
    well begin with some other word after a slash."""
    words = text.lstrip(_LEADING_JUNK).split(maxsplit=1)
    return bool(words) and command_word(words[0]) == "/kessai"


def register_subcommand(name: str, fn: Subcommand, *, usage: str = "", help_ja: str = "") -> None:
    """Add ``/kessai <name>``; ``usage`` and ``help_ja`` appear in ``/kessai help``."""
    SUBCOMMANDS[name] = fn
    _HELP[name] = _Entry(fn, usage or f"/kessai {name}", help_ja)


INTRO_JA = (
    "*kessai の使い方*\n"
    "• 下書きの提出: 担当アカウントの受付チャンネルに、投稿したい文面をそのまま書き込んでください。"
    "ボットがガイドラインに沿って確認し、問題がなければ運用管理責任者に決裁を依頼します。"
    "メッセージのメニュー（︙）の「決裁に回す」からも提出できます。\n"
    "• 修正: 元のメッセージを編集すると、新しい版として確認し直します（前の版への決裁依頼・承認は無効になります）。"
    "`/kessai draft` や「決裁に回す」で提出した下書きは、スレッドやホームタブの「修正する」から直します。\n"
    "• 決裁: 決裁者にはダイレクトメッセージで「承認」「差戻し」ボタンが届きます。kessai のホームタブにも一覧があります。\n"
    "*コマンド*"
)


def help_text() -> str:
    lines = [INTRO_JA]
    for name in sorted(_HELP, key=lambda n: (n != "help", n)):
        e = _HELP[name]
        lines.append(f"• `{e.usage}` — {e.help_ja}")
    return "\n".join(lines)


def unknown_text(name: str) -> str:
    shown = render.escape(render.clean_text(name[:50]))
    known = "、".join(f"`{n}`" for n in sorted(SUBCOMMANDS))
    return (f"「{shown}」というコマンドはありません。使えるコマンドは {known} です。"
            "`/kessai help` で説明を表示します。")


def register(app: App, kessai: Kessai) -> None:
    register_subcommand("help", _help, usage="/kessai help", help_ja="この説明を表示します。")
    register_subcommand("draft", _draft, usage="/kessai draft",
                        help_ja="下書きの入力画面を開きます（アカウント、投稿予定日時、区分、画像と代替テキスト、決裁者へのメモ）。")
    register_subcommand("status", _status, usage="/kessai status",
                        help_ja="あなたの決裁待ちと、対応が必要なあなたの下書きを表示します。")
    register_subcommand("away", _away, usage="/kessai away 2026-12-01 2026-12-05 ／ /kessai away off",
                        help_ja="不在期間を登録します（その間の決裁依頼は代決者に届きます）。off で取り消します。")
    register_subcommand("template", _template,
                        usage="/kessai template add（入力画面）／ add 名前 本文 ／ list ／ remove 名前",
                        help_ja="定型文（一致すれば決裁省略できる文面）を管理します。登録と削除は決裁者のみです。")

    @app.command("/kessai")
    def kessai_command(ack: Ack, command: dict[str, Any], client: WebClient) -> None:
        text = plain_text(str(command.get("text") or ""), kessai.name_of, channel_of=kessai.channel_name_of)
        parts = text.lstrip(_LEADING_JUNK).split(maxsplit=1)
        if parts and command_word(parts[0]) == "/kessai":
            # 「/kessai help」 pasted from the help after typing /kessai: the command said twice.
            parts = parts[1].split(maxsplit=1) if len(parts) > 1 else []
        name = command_word(parts[0]) if parts else "help"
        name = ALIASES.get(name, name)
        handler = SUBCOMMANDS.get(name)
        if handler is None:
            ack(response_type="ephemeral", text=unknown_text(parts[0] if parts else ""))
            return
        call = SubcommandCall(kessai=kessai, name=name, args=parts[1].strip() if len(parts) > 1 else "",
                              user=str(command.get("user_id", "")), channel=str(command.get("channel_id", "")),
                              trigger_id=str(command.get("trigger_id", "")), command=command, client=client, ack=ack)
        try:
            handler(call)
        except errors.KessaiError as e:
            call.reply(e.message_ja)

    @app.view(render.TEMPLATE_CALLBACK)
    def template_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        values = view_values(view)
        name = str(field(values, render.T_NAME).get("value") or "")
        text = str(field(values, render.T_TEXT).get("value") or "")
        try:
            done = kessai.templates.add(user_id(body), name, text, submission=submission_key(view))
        except errors.KessaiError as e:
            # Errors in a modal are plain text: a name echoed in the message must not show as 「&amp;」.
            block = render.T_NAME if isinstance(e, errors.InvalidInput) and e.field == "name" else render.T_TEXT
            refuse_form(ack, {block: e.message_ja})
            return
        ack(response_action="update", view=render.notice_view(render.TEMPLATE_DONE_CALLBACK, "定型文の登録", done))


# -- built-in sub-commands ----------------------------------------------------------------------
def _help(call: SubcommandCall) -> None:
    call.reply(help_text())


def _draft(call: SubcommandCall) -> None:
    from handlers.drafting import draft_modal_for

    call.open_modal(draft_modal_for(call.kessai, call.user, text="", source="modal"))


def _status(call: SubcommandCall) -> None:
    call.reply(call.kessai.homes.status_text(call.user))


def _away(call: SubcommandCall) -> None:
    call.reply(call.kessai.away_command(call.user, call.args))


TEMPLATE_USAGE = ("`/kessai template add`（入力画面が開きます）または `/kessai template add 名前 本文`、"
                  "`/kessai template list`、`/kessai template remove 名前` の形で使ってください。")


def _template(call: SubcommandCall) -> None:
    parts = call.args.split(maxsplit=1)
    verb = command_word(parts[0]) if parts else "list"
    rest = parts[1] if len(parts) > 1 else ""
    if verb == "list":
        call.reply(call.kessai.templates.list_text())
    elif verb == "add" and not rest.strip():
        call.kessai.templates.require_admin(call.user)
        call.open_modal(render.template_modal())
    elif verb == "add":
        words = rest.split(maxsplit=1)  # any whitespace, 全角スペース included
        call.reply(call.kessai.templates.add(call.user, words[0] if words else "", words[1] if len(words) > 1 else ""))
    elif verb in ("remove", "rm", "delete"):
        if not rest.strip():
            call.reply("削除する定型文の名前か番号を指定してください。" + TEMPLATE_USAGE)
            return
        call.reply(call.kessai.templates.remove(call.user, rest))
    else:
        call.reply(f"「{render.escape(render.clean_text(verb[:30]))}」という操作はありません。" + TEMPLATE_USAGE)
