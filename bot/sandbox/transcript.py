"""Render the sandbox timeline as the conversation people would have seen, in plain text."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from bot.sandbox.blockkit import blocks_to_lines, humanize
from bot.sandbox.workspace import TimelineEntry, Workspace

_JST = timezone(timedelta(hours=9))
_INDENT = "    "


def _body(ws: Workspace, entry: TimelineEntry) -> list[str]:
    # With blocks, the top-level text is only the notification fallback; people read the blocks.
    lines = blocks_to_lines(entry.blocks) if entry.blocks else entry.text.splitlines()
    return [humanize(line, ws.user_name) for line in lines if line.strip()] or [""]


def _where(ws: Workspace, entry: TimelineEntry) -> str:
    where = ws.channel_label(entry.channel)
    if entry.thread_ts and entry.thread_ts != entry.ts:
        where += " (スレッド)"
    return where


def _headline(ws: Workspace, entry: TimelineEntry) -> tuple[str, bool]:
    """The first line of an entry and whether its body follows."""
    who = ws.user_name(entry.user)
    if entry.kind == "message":
        return f"{_where(ws, entry)}  {who}:", True
    if entry.kind == "update":
        return f"{_where(ws, entry)}  {who} [更新]:", True
    if entry.kind == "delete":
        return f"{_where(ws, entry)}  {who} [削除]: {entry.text[:40]}", False
    if entry.kind == "ephemeral":
        return f"{_where(ws, entry)}  {ws.bot_name} → {who} だけに表示:", True
    if entry.kind == "view":
        return f"モーダル「{entry.detail}」 → {who}", True
    if entry.kind == "home":
        return f"ホームタブ → {who}", True
    if entry.kind == "reaction":
        return f"{_where(ws, entry)}  {who} がリアクション :{entry.text}:", False
    return f"▶ {who} {entry.text}", False


def render_transcript(ws: Workspace, *, with_times: bool = False) -> str:
    out: list[str] = []
    for entry in ws.timeline:
        headline, has_body = _headline(ws, entry)
        if with_times and entry.ts:
            stamp = datetime.fromtimestamp(float(entry.ts), _JST).strftime("%H:%M:%S")
            headline = f"{stamp} {headline}"
        out.append(headline)
        if has_body:
            out.extend(_INDENT + line for line in _body(ws, entry))
    return "\n".join(out) + ("\n" if out else "")
