"""Domain refusals. Each carries the polite Japanese the person who caused it will read."""

from __future__ import annotations

import errno


class KessaiError(Exception):
    """A refusal we expect: shown to the user, logged at info level."""

    message_ja = "処理できませんでした。"

    def __init__(self, message_ja: str | None = None) -> None:
        super().__init__(message_ja or self.message_ja)
        if message_ja:
            self.message_ja = message_ja


class NotAnApprover(KessaiError):
    # Raised for someone the account does not list (their rank has its own refusal): naming a rank
    # here told a 課長 of another section that 課長補佐以上 may decide, as if their rank were short.
    message_ja = ("この下書きを決裁できるのは、このアカウントの決裁者（運用管理責任者）として登録された方と、"
                  "代決を依頼された方だけです。何も記録していません。")


class ApproverBack(NotAnApprover):
    """A deputy's click on a request made for an approver who is back at work (SPEC 4.3: 代決 while
    the approver is absent); ``approver`` names them, for the give-back it calls for."""

    def __init__(self, approver: str, message_ja: str | None = None) -> None:
        super().__init__(message_ja)
        self.approver = approver


class OwnDraft(KessaiError):
    message_ja = "ご自身が作成した下書きを決裁することはできません。別の決裁者に依頼してください。"


class AlreadyDecided(KessaiError):
    message_ja = "この下書きはすでに決裁されています。"


class StaleVersion(KessaiError):
    message_ja = "この決裁依頼は古い版に対するものです。下書きが編集されたため、最新の依頼から決裁してください。"


class ContentMismatch(KessaiError):
    message_ja = ("このボタンや入力画面は、kessai に記録されている下書きとは別の内容に対するものです（データベースを以前の状態に"
                  "戻した後などに起こります）。何も記録していません。最新のメッセージのボタンから操作してください。"
                  "心当たりがない場合は、システム管理者（IT 担当）にお知らせください。")


class UnknownDraft(KessaiError):
    message_ja = ("対象の下書きが見つかりません（ボタンが古いか、内容が正しくない可能性があります）。何も記録していません。"
                  "最新のメッセージか kessai のホームタブから操作し直してください。")


class WrongWorkspace(KessaiError):
    message_ja = (
        "kessai は、導入されているワークスペースのメンバーの操作だけを受け付けています。ほかの組織のワークスペース"
        "（Slack Connect）からの操作は、安全のため受け付けておらず、何も変更されていません。"
        "決裁などの操作は、kessai を導入しているワークスペースのアカウントで行ってください。"
        "ご不明な点は、システム管理者（IT 担当）にお問い合わせください。"
    )


class InvalidInput(KessaiError):
    message_ja = "入力内容を確認してください。"

    def __init__(self, message_ja: str | None = None, *, field: str | None = None) -> None:
        super().__init__(message_ja)
        # Which input it is about (e.g. "name", "text", "url", "when"), so that a form can show
        # the message beside it.
        self.field = field


class NotYourDraft(KessaiError):
    message_ja = "この操作ができるのは、この下書きの作成者だけです。"


# Why a file could not be used, in Japanese (the system's own words are English).
# A database kessai's tables were never created in (or DATABASE_URL names another one).
NO_TABLES_JA = ("データベースに kessai の表がありません。`kessai db upgrade` で作成してから、もう一度実行してください"
                "（DATABASE_URL が意図したデータベースを指しているかも確認してください）。")
OS_REASONS_JA = {
    errno.ENOENT: "見つかりません（フォルダーがあるか確認してください）",
    errno.EACCES: "読み書きする権限がありません",
    errno.EPERM: "読み書きする権限がありません",
    errno.EISDIR: "フォルダーです。ファイル名まで指定してください",
    errno.ENOTDIR: "途中にフォルダーではないものがあります",
    errno.ENOSPC: "ディスクの空きがありません",
}


def os_reason_ja(exc: OSError) -> str:
    return OS_REASONS_JA.get(exc.errno or 0, f"使えません（{exc.strerror or type(exc).__name__}）")
