"""Pieces of Slack payloads that the driver assembles: rich text, actions, modal state values."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from bot.sandbox.blockkit import iter_elements
from bot.sandbox.records import JsonDict

# What Slack's link detection takes as a URL: the scheme and ASCII URL characters after it (a
# Japanese sentence right after a link is not part of it).
_TYPED_URL = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")
# An e-mail address typed bare, which Slack links too: ``<mailto:a@b.jp|a@b.jp>`` in the text, and
# a ``link`` element to ``mailto:a@b.jp`` with no ``text`` in the blocks. (Begun only where a word
# begins, so that a long run of letters is not read again from each of them.)
_TYPED_EMAIL = r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
_TYPED_LINK = re.compile(f"{_TYPED_URL.pattern}|{_TYPED_EMAIL}")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# The emoji the local server knows by name (Slack knows thousands; these are enough to exercise
# the shortcode round trip): character(s) → (name, skin tone).
EMOJI: dict[str, tuple[str, int | None]] = {
    "\U0001f338": ("cherry_blossom", None),
    "\U0001f341": ("maple_leaf", None),
    "\u26a0\ufe0f": ("warning", None),
    "\U0001f4e2": ("loudspeaker", None),
    "\u2728": ("sparkles", None),
    "\U0001f44d\U0001f3fb": ("+1", 2),
    "\U0001f44d": ("+1", None),
}
_EMOJI = re.compile("|".join(re.escape(e) for e in sorted(EMOJI, key=len, reverse=True)))
# The workspace's own emoji (no Unicode character), named as Japanese workspaces name them: typed
# as 「:name:」, Slack keeps that in the text and sends an emoji element without ``unicode``.
CUSTOM_EMOJI = ("joetsu_logo", "お知らせ", "了解")
_CUSTOM = re.compile("|".join(re.escape(f":{n}:") for n in CUSTOM_EMOJI))


def _shortcode(chars: str) -> str:
    name, tone = EMOJI[chars]
    return f":{name}:" + (f":skin-tone-{tone}:" if tone else "")


def _emoji_element(chars: str) -> JsonDict:
    name, tone = EMOJI[chars]
    element: JsonDict = {"type": "emoji", "name": name, "unicode": "-".join(f"{ord(c):x}" for c in chars)}
    if tone:
        element["skin_tone"] = tone
    return element


def message_text(typed: str, *, links: bool = True, bold: Sequence[str] = (), block: str | None = None) -> str:
    """``typed`` as Slack delivers a person's message (events, shortcuts; slash commands with
    ``links=False``, as our manifest asks with ``should_escape: false``): ``&``, ``<`` and ``>``
    escaped, and every URL turned into a ``<…>`` link. ``bold``: words the person made bold in the
    composer (the first occurrence of each), which arrive as ``*word*``. ``block``: the whole
    message made a code block (``"code"``, arriving as ```` ```…``` ````) or a quote (``"quote"``,
    each line after ``&gt; ``) in the composer."""
    if block == "code":
        return "```" + _escape(typed) + "```"
    if block == "quote":
        return "\n".join("&gt; " + line for line in message_text(typed, links=links, bold=bold).split("\n"))
    if bold:
        return message_text(_mark_bold(typed, bold), links=links)
    if not links:
        return _escape(typed)
    out: list[str] = []
    pos = 0
    for m in _TYPED_LINK.finditer(typed):
        out.append(_escape(_EMOJI.sub(lambda e: _shortcode(e.group(0)), typed[pos:m.start()])))
        link = m.group(0)
        out.append(f"<{_escape(link)}>" if "://" in link else f"<mailto:{_escape(link)}|{_escape(link)}>")
        pos = m.end()
    out.append(_escape(_EMOJI.sub(lambda e: _shortcode(e.group(0)), typed[pos:])))
    return "".join(out)


def _rich_elements(text: str) -> list[JsonDict]:
    """Rich text elements of ``text`` as Slack makes them: a URL is a ``link`` element, an emoji
    an ``emoji`` element, the rest ``text``."""
    elements: list[JsonDict] = []
    pos = 0
    for m in _TYPED_LINK.finditer(text):
        if m.start() > pos:
            elements.extend(_emoji_and_text(text[pos:m.start()]))
        link = m.group(0)
        elements.append({"type": "link", "url": link if "://" in link else f"mailto:{link}"})
        pos = m.end()
    if pos < len(text) or not elements:
        elements.extend(_emoji_and_text(text[pos:]))
    return elements


def _emoji_and_text(text: str) -> list[JsonDict]:
    elements: list[JsonDict] = []
    pos = 0
    for m in sorted([*_EMOJI.finditer(text), *_CUSTOM.finditer(text)], key=lambda m: m.start()):
        if m.start() < pos:
            continue  # a custom emoji's name holding a character (none does today)
        if m.start() > pos:
            elements.append({"type": "text", "text": text[pos:m.start()]})
        custom = m.re is _CUSTOM
        elements.append({"type": "emoji", "name": m.group(0)[1:-1]} if custom else _emoji_element(m.group(0)))
        pos = m.end()
    if pos < len(text) or not elements:
        elements.append({"type": "text", "text": text[pos:]})
    return elements


def _bold_spans(text: str, bold: Sequence[str]) -> list[tuple[int, int]]:
    """Where each word of ``bold`` first occurs in ``text``, in order."""
    spans = []
    for word in bold:
        at = text.find(word)
        if at < 0:
            raise ValueError(f"{word!r} is not in the message")
        spans.append((at, at + len(word)))
    return sorted(spans)


def _mark_bold(text: str, bold: Sequence[str]) -> str:
    out, pos = [], 0
    for a, b in _bold_spans(text, bold):
        out += [text[pos:a], "*", text[a:b], "*"]
        pos = b
    return "".join(out) + text[pos:]


def rich_text_blocks(text: str, *, bold: Sequence[str] = (), block: str | None = None) -> list[JsonDict]:
    """The ``blocks`` Slack attaches to a message a person typed (one rich_text section, or one
    ``rich_text_preformatted`` / ``rich_text_quote`` for ``block`` "code" / "quote"); a word in
    ``bold`` is its own text element with ``style: {bold: true}``."""
    if block is not None:
        kind = {"code": "rich_text_preformatted", "quote": "rich_text_quote"}[block]
        elements_of = [{"type": "text", "text": text}] if block == "code" else _rich_elements(text)
        return [{"type": "rich_text", "block_id": "sbx", "elements": [{"type": kind, "elements": elements_of}]}]
    elements: list[JsonDict] = []
    pos = 0
    for a, b in _bold_spans(text, bold):
        if a > pos:
            elements.extend(_rich_elements(text[pos:a]))
        elements.append({"type": "text", "text": text[a:b], "style": {"bold": True}})
        pos = b
    if pos < len(text) or not elements:
        elements.extend(_rich_elements(text[pos:]))
    return [
        {
            "type": "rich_text",
            "block_id": "sbx",
            "elements": [{"type": "rich_text_section", "elements": elements}],
        }
    ]


def _option_for(element: Mapping[str, Any] | None, value: Any) -> JsonDict:
    """The option object (text and value) Slack reports for a chosen ``value``."""
    if isinstance(value, Mapping):
        return dict(value)
    options: list[Any] = list((element or {}).get("options") or [])
    for group in (element or {}).get("option_groups") or []:
        options.extend(group.get("options") or [])
    for option in options:
        if isinstance(option, Mapping) and option.get("value") == value:
            return dict(option)
    return {"text": {"type": "plain_text", "text": str(value), "emoji": True}, "value": str(value)}


def _infer_type(value: Any) -> str:
    if isinstance(value, dt.datetime):
        return "datetimepicker"
    if isinstance(value, dt.date):
        return "datepicker"
    if isinstance(value, dt.time):
        return "timepicker"
    if isinstance(value, list | tuple | set | frozenset):
        return "multi_static_select"
    return "plain_text_input"


def state_entry(element: Mapping[str, Any] | None, value: Any, *, kind: str | None = None) -> JsonDict:
    """One ``state.values[block_id][action_id]`` entry for ``value`` typed into ``element``.

    A mapping that already has ``"type"`` is passed through untouched, so a test can send exactly
    what it wants (including malformed values).
    """
    if isinstance(value, Mapping) and "type" in value:
        return dict(value)
    kind = kind or (str(element["type"]) if element and "type" in element else _infer_type(value))
    entry: JsonDict = {"type": kind}
    if kind in ("static_select", "radio_buttons", "external_select", "overflow"):
        entry["selected_option"] = None if value is None else _option_for(element, value)
    elif kind in ("multi_static_select", "checkboxes", "multi_external_select"):
        entry["selected_options"] = [_option_for(element, v) for v in (value or [])]
    elif kind == "datepicker":
        entry["selected_date"] = value.isoformat() if isinstance(value, dt.date) else value
    elif kind == "timepicker":
        entry["selected_time"] = value.strftime("%H:%M") if isinstance(value, dt.time) else value
    elif kind == "datetimepicker":
        entry["selected_date_time"] = int(value.timestamp()) if isinstance(value, dt.datetime) else value
    elif kind in ("users_select", "conversations_select", "channels_select"):
        entry["selected_" + kind.split("_")[0].rstrip("s")] = value
    elif kind in ("multi_users_select", "multi_conversations_select", "multi_channels_select"):
        entry["selected_" + kind.split("_")[1]] = list(value or [])
    else:
        entry["value"] = None if value is None else str(value)
    return entry


def _initial_value(element: Mapping[str, Any]) -> Any:
    kind = element.get("type")
    if kind in ("multi_static_select", "checkboxes"):
        return list(element.get("initial_options") or [])
    for key in ("initial_option", "initial_value", "initial_date", "initial_time", "initial_date_time"):
        if key in element:
            return element[key]
    for key in ("initial_user", "initial_conversation", "initial_channel"):
        if key in element:
            return element[key]
    return None


def state_values(blocks: Iterable[Any], values: Mapping[str, Any]) -> dict[str, dict[str, JsonDict]]:
    """``view.state.values`` as Slack sends it on submission.

    Every input of the view is present (with its initial value, or empty), as in real payloads;
    ``values`` overrides them. Keys of ``values`` are either block ids mapping to
    ``{action_id: value}`` or, more conveniently, action ids whose block is looked up in the view.
    """
    block_list = list(blocks)
    elements = {
        (block_id, str(e.get("action_id"))): e for block_id, e in iter_elements(block_list) if block_id
    }
    block_of = {action_id: block_id for (block_id, action_id) in elements}
    state: dict[str, dict[str, JsonDict]] = {}
    for (block_id, action_id), element in elements.items():
        if element.get("type") != "button":
            state.setdefault(block_id, {})[action_id] = state_entry(element, _initial_value(element))
    for key, value in values.items():
        nested = isinstance(value, Mapping) and "type" not in value
        pairs = value.items() if nested else [(key, value)]
        for action_id, item in pairs:
            block_id = key if nested else block_of.get(action_id, action_id)
            state.setdefault(block_id, {})[action_id] = state_entry(elements.get((block_id, action_id)), item)
    return state


def action_entry(
    element: Mapping[str, Any] | None, action_id: str, block_id: str | None, value: Any, action_ts: str
) -> JsonDict:
    """One item of a block_actions payload's ``actions`` list."""
    kind = str((element or {}).get("type") or "button")
    action: JsonDict = {
        "action_id": action_id,
        "block_id": block_id or "sbx",
        "type": kind,
        "action_ts": action_ts,
    }
    if kind == "button":
        action["text"] = dict((element or {}).get("text") or {"type": "plain_text", "text": action_id})
        if value is not None:  # a button without a value sends none, as in Slack
            action["value"] = value
        if element and "style" in element:
            action["style"] = element["style"]
    else:
        action.update({k: v for k, v in state_entry(element, value).items() if k != "type"})
    return action


def _entry_display(entry: Mapping[str, Any]) -> str:
    def option_text(option: Any) -> str:
        text = option.get("text") if isinstance(option, Mapping) else None
        return str(text.get("text")) if isinstance(text, Mapping) else str(option)

    if entry.get("selected_option"):
        return option_text(entry["selected_option"])
    if entry.get("selected_options"):
        return "、".join(option_text(o) for o in entry["selected_options"])
    for key, value in entry.items():
        if key != "type" and value not in (None, "", []):
            return ", ".join(map(str, value)) if isinstance(value, list) else str(value)
    return ""


def describe_state(blocks: Iterable[Any], state: Mapping[str, Mapping[str, Any]]) -> str:
    """``ラベル: 値`` for each filled input, so a transcript shows what was submitted."""
    labels = {
        block.get("block_id"): str((block.get("label") or {}).get("text", ""))
        for block in blocks
        if isinstance(block, Mapping) and block.get("type") == "input"
    }
    parts = []
    for block_id, entries in state.items():
        for entry in entries.values():
            shown = _entry_display(entry)
            if shown:
                parts.append(f"{labels.get(block_id) or block_id}: {shown}")
    return " / ".join(parts)
