"""The /kessai slash command."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App

from bot.services import Kessai

HELP_JA = """*kessai の使い方*
• 下書きの提出: 担当アカウントの受付チャンネルに、投稿したい文面をそのまま書き込んでください。ボットがガイドラインに沿って確認し、問題がなければ運用管理責任者に決裁を依頼します。
• 修正: 元のメッセージを編集すると、新しい版として確認し直します（前の版への決裁依頼・承認は無効になります）。
• 決裁: 決裁者にはダイレクトメッセージで「承認」「差戻し」ボタンが届きます。
• `/kessai help` — この説明を表示します。"""


def register(app: App, kessai: Kessai) -> None:
    @app.command("/kessai")
    def kessai_command(ack: Ack, command: dict[str, Any]) -> None:
        sub = (command.get("text") or "").strip().split(maxsplit=1)
        name = sub[0].lower() if sub else "help"
        if name in ("help", "ヘルプ"):
            ack(response_type="ephemeral", text=HELP_JA)
            return
        ack(response_type="ephemeral",
            text=f"「{name[:50]}」というコマンドはありません。`/kessai help` で使えるコマンドを確認できます。")
