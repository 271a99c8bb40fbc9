"""Block Kit rendering: domain views in, Slack message/view dicts out (pure).

Everything a person wrote (draft text, reasons, names from the organisation file) passes through
``escape`` before it reaches Slack, so ``<!channel>`` or ``<@U…>`` in a draft is shown, never sent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.rules import Finding

SEVERITY_ICON = {"error": ":x:", "warning": ":warning:", "info": ":information_source:"}
SEVERITY_JA = {"error": "エラー", "warning": "警告", "info": "情報"}
WEEKDAYS_JA = "月火水木金土日"

REJECT_REASONS: list[tuple[str, str]] = [
    ("typo", "誤字・脱字があります"),
    ("facts", "事実関係の確認が必要です"),
    ("wording", "表現が不適切です"),
    ("privacy", "個人情報・機密情報が含まれています"),
    ("timing", "投稿の時期・時間帯が適切ではありません"),
    ("rights", "画像・引用の権利確認が必要です"),
]
REJECT_CALLBACK = "reject_reason"
REJECT_REASON_BLOCK = "reason"
REJECT_REASON_ACTION = "reason_text"
REJECT_PRESET_BLOCK = "presets"
REJECT_PRESET_ACTION = "preset_reasons"

# Slack refuses section text over 3,000 characters; leave room for the quote markers.
DRAFT_DISPLAY_LIMIT = 2500
FINDINGS_DISPLAY_LIMIT = 20


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def clean_text(text: str) -> str:
    """Drop characters Slack or a database may reject (NUL, lone surrogates) before echoing."""
    text = text.replace("\x00", "")
    return text.encode("utf-8", "replace").decode("utf-8")


def quote(text: str, limit: int = DRAFT_DISPLAY_LIMIT) -> str:
    text = clean_text(text)
    cut = len(text) > limit
    body = text[:limit]
    lines = [f">{escape(line)}" if line else ">" for line in body.split("\n")]
    out = "\n".join(lines)
    if cut:
        out += f"\n_（全 {len(text):,} 文字のうち先頭 {limit:,} 文字を表示しています）_"
    return out


def fmt_time(t: datetime | None) -> str:
    if t is None:
        return "指定なし"
    return f"{t.year}年{t.month}月{t.day}日（{WEEKDAYS_JA[t.weekday()]}）{t:%H:%M}"


@dataclass(frozen=True)
class DraftView:
    id: int
    version: int
    account_name: str
    platform: str
    author_id: str
    author_name: str
    text: str
    scheduled_at: datetime | None
    findings: Sequence[Finding] = ()
    override_reason: str | None = None
    approver_names: Sequence[str] = field(default_factory=tuple)


@dataclass(frozen=True)
class DecisionView:
    kind: str  # approved | rejected
    decider_name: str
    decided_at: datetime
    reason: str | None = None
    acting_for_name: str | None = None


def message(text: str, blocks: list[dict[str, Any]]) -> dict[str, Any]:
    # ``text`` is the notification/fallback; mentions in it are escaped like the blocks.
    return {"text": text, "blocks": blocks}


def _section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}


def _context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:3000]}]}


def severity_counts(findings: Sequence[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    return "・".join(f"{SEVERITY_JA[s]} {n}件" for s, n in counts.items())


def finding_lines(findings: Sequence[Finding]) -> list[str]:
    out = []
    for f in list(findings)[:FINDINGS_DISPLAY_LIMIT]:
        line = f"{SEVERITY_ICON.get(f.severity, '')} *{escape(f.code)}* {escape(f.message)}"
        if f.excerpt.strip():
            line += f"\n>{escape(clean_text(f.excerpt[:200]))}"
        if f.suggestion:
            line += f"\n修正案: {escape(clean_text(f.suggestion[:200]))}"
        line += f"\n_根拠: {escape(f.clause)}_"
        out.append(line)
    if len(findings) > FINDINGS_DISPLAY_LIMIT:
        out.append(f"ほか {len(findings) - FINDINGS_DISPLAY_LIMIT} 件の指摘があります。")
    return out


def findings_reply(view: DraftView, blocking: bool) -> dict[str, Any]:
    """The thread answer to a checked draft."""
    if not view.findings:
        head = f"第{view.version}版を確認しました。ガイドライン上の指摘はありません。"
    else:
        head = f"第{view.version}版の確認結果: {severity_counts(view.findings)}"
    blocks = [_section(f"*{head}*")]
    if blocking:
        blocks.append(
            _section(
                "エラーがあるため、このままでは決裁に回せません。"
                "元のメッセージを編集して修正すると、自動でもう一度確認します。"
            )
        )
    for line in finding_lines(view.findings):
        blocks.append(_section(line))
    return message(head, blocks[:50])


def _request_fields(view: DraftView) -> str:
    return (
        f"*アカウント:* {escape(view.account_name)}\n"
        f"*作成者:* {escape(view.author_name)}\n"
        f"*版:* 第{view.version}版\n"
        f"*投稿予定:* {fmt_time(view.scheduled_at)}"
    )


def approval_request(view: DraftView, *, decided: DecisionView | None = None, voided_note: str | None = None) -> dict[str, Any]:
    """The DM an approver receives; with buttons while it can still be decided."""
    title = f"決裁依頼: {view.account_name}（第{view.version}版）"
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": title[:150]}},
    ]
    if view.override_reason:
        blocks.append(_section(f":rotating_light: *エラーがありますが、作成者が理由を付けて決裁を依頼しています。*\n*理由:* {escape(clean_text(view.override_reason))}"))
    blocks.append(_section(_request_fields(view)))
    blocks.append(_section(quote(view.text)))
    lines = finding_lines([f for f in view.findings])
    if lines:
        blocks.append(_section(f"*確認結果:* {severity_counts(view.findings)}"))
        blocks.extend(_section(line) for line in lines[:10])
    value = f"{view.id}:{view.version}"
    if voided_note:
        blocks.append(_section(f":no_entry_sign: {voided_note}"))
    elif decided is not None:
        blocks.append(_section(decision_line(decided)))
    else:
        blocks.append(
            {
                "type": "actions",
                "block_id": "decision",
                "elements": [
                    {"type": "button", "action_id": "approve_draft", "style": "primary", "value": value,
                     "text": {"type": "plain_text", "text": "承認"}},
                    {"type": "button", "action_id": "reject_draft", "style": "danger", "value": value,
                     "text": {"type": "plain_text", "text": "差戻し"}},
                ],
            }
        )
    fallback = f"{title} — 作成者 {escape(view.author_name)}"
    return message(fallback, blocks[:50])


def decision_line(d: DecisionView) -> str:
    who = escape(d.decider_name)
    if d.acting_for_name:
        who = f"{who}（{escape(d.acting_for_name)} の代決）"
    when = fmt_time(d.decided_at)
    if d.kind == "approved":
        return f":white_check_mark: {who} さんが承認しました（{when}）。"
    text = f":leftwards_arrow_with_hook: {who} さんが差し戻しました（{when}）。"
    if d.reason:
        text += f"\n*理由:* {escape(clean_text(d.reason))}"
    return text


def thread_status(view: DraftView, *, decided: DecisionView | None = None, voided_note: str | None = None) -> dict[str, Any]:
    """The status line kept up to date in the draft's thread."""
    if voided_note:
        text = f":no_entry_sign: 第{view.version}版の決裁依頼: {voided_note}"
    elif decided is None:
        names = "、".join(f"{escape(n)} さん" for n in view.approver_names) or "決裁者"
        text = f":hourglass_flowing_sand: 決裁待ち（第{view.version}版）: {names}に決裁を依頼しました。"
    else:
        text = f"第{view.version}版: " + decision_line(decided)
        if decided.kind == "approved":
            text += "\nSNSへの投稿をお願いします。"
        else:
            text += "\n内容を修正する場合は、元のメッセージを編集してください。"
    return message(text.split("\n")[0], [_section(text)])


def plain(text: str) -> dict[str, Any]:
    """A short message without blocks (refusals, notices)."""
    return {"text": text}


def reject_modal(draft_id: int, version: int, view: DraftView) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": REJECT_CALLBACK,
        "private_metadata": f"{draft_id}:{version}",
        "title": {"type": "plain_text", "text": "差戻し"},
        "submit": {"type": "plain_text", "text": "差し戻す"},
        "close": {"type": "plain_text", "text": "キャンセル"},
        "blocks": [
            _section(f"*{escape(view.account_name)}* 第{version}版（作成者: {escape(view.author_name)}）\n{quote(view.text, 500)}"),
            {
                "type": "input",
                "block_id": REJECT_PRESET_BLOCK,
                "optional": True,
                "label": {"type": "plain_text", "text": "よくある理由"},
                "element": {
                    "type": "checkboxes",
                    "action_id": REJECT_PRESET_ACTION,
                    "options": [
                        {"text": {"type": "plain_text", "text": label}, "value": code}
                        for code, label in REJECT_REASONS
                    ],
                },
            },
            {
                "type": "input",
                "block_id": REJECT_REASON_BLOCK,
                "label": {"type": "plain_text", "text": "差戻しの理由（作成者に伝わります）"},
                "element": {
                    "type": "plain_text_input",
                    "action_id": REJECT_REASON_ACTION,
                    "multiline": True,
                    "max_length": 2000,
                    "placeholder": {"type": "plain_text", "text": "どこをどう直せばよいかを具体的に書いてください。"},
                },
            },
        ],
    }


def compose_reject_reason(presets: Sequence[str], text: str) -> str:
    labels = dict(REJECT_REASONS)
    parts = [labels[p] for p in presets if p in labels]
    text = text.strip()
    if parts and text:
        return "、".join(parts) + "。" + text
    return text or "、".join(parts)


@dataclass(frozen=True)
class HomeItem:
    draft_id: int
    version: int
    account_name: str
    author_name: str
    state_ja: str
    excerpt: str
    updated_at: datetime


def home_view(*, waiting: Sequence[HomeItem], mine: Sequence[HomeItem], viewer_name: str) -> dict[str, Any]:
    """App Home: what waits for the viewer's decision, and where the viewer's own drafts stand."""
    blocks: list[dict[str, Any]] = [
        {"type": "header", "text": {"type": "plain_text", "text": "kessai — SNS投稿の決裁"}},
        _context(f"{escape(viewer_name)} さんの画面です。"),
        {"type": "header", "text": {"type": "plain_text", "text": f"あなたの決裁待ち（{len(waiting)}件）"}},
    ]
    if not waiting:
        blocks.append(_section("決裁待ちの下書きはありません。"))
    for item in list(waiting)[:15]:
        value = f"{item.draft_id}:{item.version}"
        blocks.append(_section(
            f"*{escape(item.account_name)}* 第{item.version}版（作成者: {escape(item.author_name)}）\n"
            f"{quote(item.excerpt, 200)}"))
        blocks.append({"type": "actions", "elements": [
            {"type": "button", "action_id": "approve_draft", "style": "primary", "value": value,
             "text": {"type": "plain_text", "text": "承認"}},
            {"type": "button", "action_id": "reject_draft", "style": "danger", "value": value,
             "text": {"type": "plain_text", "text": "差戻し"}},
        ]})
    blocks.append({"type": "divider"})
    blocks.append({"type": "header", "text": {"type": "plain_text", "text": "あなたの下書き（最近20件）"}})
    if not mine:
        blocks.append(_section("まだ下書きはありません。受付チャンネルに文面を書き込むと、ここに表示されます。"))
    for item in list(mine)[:20]:
        blocks.append(_section(
            f"*{item.state_ja}* — {escape(item.account_name)} 第{item.version}版（{fmt_time(item.updated_at)}）\n"
            f"{quote(item.excerpt, 120)}"))
    return {"type": "home", "blocks": blocks[:100]}
