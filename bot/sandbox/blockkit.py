"""Block Kit limits checked the way Slack checks them, and blocks flattened to readable text.

Slack rejects a message or view that breaks a documented limit (``invalid_blocks`` /
``invalid_arguments``) even though everything worked against a lenient mock; checking the same
limits here makes the end-to-end tests fail where production would.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

JsonDict = dict[str, Any]

MAX_MESSAGE_BLOCKS = 50
MAX_VIEW_BLOCKS = 100
# Slack's documentation still says longer text is truncated, but the platform now refuses it
# (msg_too_long; a Slack SDK maintainer in seratch/ChatGPT-in-Slack#102: "the 40K truncation is an old requirement"),
# sometimes well below this; refusing past 40,000 is the least a test should expect.
MAX_MESSAGE_TEXT = 40_000
# Slack refuses a message whose blocks hold more text than this in all (msg_blocks_too_long):
# undocumented, about 12,000 characters plus room for the blocks themselves (bolt-js#2509).
MAX_BLOCKS_TEXT = 12_000
_TEXT_LIMITS = {"section": 3000, "header": 150, "input_label": 2000, "button": 75, "option": 75}
# Most options per element: a static_select holds 100, checkboxes and radio buttons 10, an overflow menu 5.
_OPTIONS_LIMITS = {"checkboxes": 10, "radio_buttons": 10, "overflow": 5}
_BLOCK_TYPES = {
    "actions", "context", "divider", "file", "header", "image", "input", "rich_text", "section",
    "video", "markdown", "context_actions", "table",
}  # fmt: skip


class _Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def fail(self, message: str, pointer: str) -> None:
        self.errors.append(f"{message} [json-pointer:{pointer}]")

    def text(self, obj: Any, pointer: str, *, limit: int, plain_only: bool = False) -> None:
        if not isinstance(obj, Mapping):
            self.fail("must be a text object", pointer)
            return
        kind = obj.get("type")
        if kind not in ("plain_text", "mrkdwn") or (plain_only and kind != "plain_text"):
            self.fail(
                "must be a valid enum value" if not plain_only else "must be plain_text", f"{pointer}/type"
            )
        value = obj.get("text")
        if not isinstance(value, str) or not value:
            self.fail("must be more than 0 characters", f"{pointer}/text")
        elif len(value) > limit:
            self.fail(f"must be less than {limit + 1} characters", f"{pointer}/text")

    def length(self, obj: Mapping[str, Any], key: str, limit: int, pointer: str) -> None:
        value = obj.get(key)
        if isinstance(value, str) and len(value) > limit:
            self.fail(f"must be less than {limit + 1} characters", f"{pointer}/{key}")

    def element(self, element: Any, pointer: str) -> None:
        if not isinstance(element, Mapping):
            self.fail("must be an object", pointer)
            return
        self.length(element, "action_id", 255, pointer)
        kind = element.get("type")
        if "placeholder" in element:
            self.text(element["placeholder"], f"{pointer}/placeholder", limit=150, plain_only=True)
        if isinstance(element.get("confirm"), Mapping):
            self.confirm(element["confirm"], f"{pointer}/confirm")
        if kind == "button":
            self.text(element.get("text"), f"{pointer}/text", limit=_TEXT_LIMITS["button"], plain_only=True)
            self.length(element, "value", 2000, pointer)
            self.length(element, "url", 3000, pointer)
            # What a screen reader says instead of the text: a plain string, at most 75 characters.
            if "accessibility_label" in element and not isinstance(element["accessibility_label"], str):
                self.fail("must be a string", f"{pointer}/accessibility_label")
            self.length(element, "accessibility_label", 75, pointer)
            if "style" in element and element["style"] not in ("primary", "danger"):
                self.fail("must be a valid enum value", f"{pointer}/style")
        elif kind == "plain_text_input":
            for key in ("max_length", "min_length"):
                value = element.get(key)
                if isinstance(value, int) and value > 3000:
                    self.fail("must be less than 3001", f"{pointer}/{key}")
            # Not in the element's reference, but Slack refuses a longer prefilled text like any
            # other over its field's most; a form reopened on a long draft must cut it itself.
            self.length(element, "initial_value", 3000, pointer)
        elif kind == "image":
            self.length(element, "alt_text", 2000, pointer)
            self.length(element, "image_url", 3000, pointer)
        self.options(element.get("options"), f"{pointer}/options", limit=_OPTIONS_LIMITS.get(str(kind), 100))
        groups = element.get("option_groups")
        if isinstance(groups, list):
            if len(groups) > 100:
                self.fail("must provide no more than 100 items", f"{pointer}/option_groups")
            for index, group in enumerate(groups):
                here = f"{pointer}/option_groups/{index}"
                if not isinstance(group, Mapping):
                    self.fail("must be an object", here)
                    continue
                self.text(group.get("label"), f"{here}/label", limit=75, plain_only=True)
                self.options(group.get("options"), f"{here}/options", limit=100)

    def options(self, options: Any, pointer: str, *, limit: int) -> None:
        if not isinstance(options, list):
            return
        if len(options) > limit:
            self.fail(f"must provide no more than {limit} items", pointer)
        for index, option in enumerate(options):
            here = f"{pointer}/{index}"
            if isinstance(option, Mapping):
                self.text(option.get("text"), f"{here}/text", limit=_TEXT_LIMITS["option"])
                self.length(option, "value", 150, here)
                if "description" in option:
                    self.text(option["description"], f"{here}/description", limit=75)
            else:
                self.fail("must be an object", here)

    def confirm(self, confirm: Mapping[str, Any], pointer: str) -> None:
        self.text(confirm.get("title"), f"{pointer}/title", limit=100, plain_only=True)
        self.text(confirm.get("text"), f"{pointer}/text", limit=300)
        self.text(confirm.get("confirm"), f"{pointer}/confirm", limit=30, plain_only=True)
        self.text(confirm.get("deny"), f"{pointer}/deny", limit=30, plain_only=True)

    def block(self, block: Any, pointer: str) -> None:
        if not isinstance(block, Mapping):
            self.fail("must be an object", pointer)
            return
        kind = block.get("type")
        if kind not in _BLOCK_TYPES:
            self.fail("must be a valid enum value", f"{pointer}/type")
            return
        self.length(block, "block_id", 255, pointer)
        if kind == "section":
            if "text" not in block and "fields" not in block:
                self.fail("must provide either text or fields", pointer)
            if "text" in block:
                self.text(block["text"], f"{pointer}/text", limit=_TEXT_LIMITS["section"])
            fields = block.get("fields") or []
            if len(fields) > 10:
                self.fail("must provide no more than 10 items", f"{pointer}/fields")
            for index, item in enumerate(fields):
                self.text(item, f"{pointer}/fields/{index}", limit=2000)
            if "accessory" in block:
                self.element(block["accessory"], f"{pointer}/accessory")
        elif kind == "header":
            self.text(block.get("text"), f"{pointer}/text", limit=_TEXT_LIMITS["header"], plain_only=True)
        elif kind in ("actions", "context"):
            elements = block.get("elements")
            limit = 25 if kind == "actions" else 10
            if not isinstance(elements, list) or not elements:
                self.fail("must provide at least 1 item", f"{pointer}/elements")
                return
            if len(elements) > limit:
                self.fail(f"must provide no more than {limit} items", f"{pointer}/elements")
            seen: set[str] = set()
            for index, element in enumerate(elements):
                here = f"{pointer}/elements/{index}"
                if kind == "context":
                    if isinstance(element, Mapping) and element.get("type") in ("plain_text", "mrkdwn"):
                        self.text(element, here, limit=3000)
                    elif isinstance(element, Mapping) and element.get("type") == "image":
                        self.length(element, "alt_text", 2000, here)
                    continue
                self.element(element, here)
                action_id = element.get("action_id") if isinstance(element, Mapping) else None
                if isinstance(action_id, str):
                    if action_id in seen:
                        self.fail("action_id must be unique within the block", f"{here}/action_id")
                    seen.add(action_id)
        elif kind == "input":
            self.text(
                block.get("label"), f"{pointer}/label", limit=_TEXT_LIMITS["input_label"], plain_only=True
            )
            if "hint" in block:
                self.text(block["hint"], f"{pointer}/hint", limit=2000, plain_only=True)
            if not isinstance(block.get("element"), Mapping):
                self.fail("must provide an element", f"{pointer}/element")
            else:
                self.element(block["element"], f"{pointer}/element")
        elif kind == "image":
            self.length(block, "alt_text", 2000, pointer)
            self.length(block, "image_url", 3000, pointer)
            if "title" in block:
                self.text(block["title"], f"{pointer}/title", limit=2000, plain_only=True)


def block_errors(blocks: Any, *, limit: int = MAX_MESSAGE_BLOCKS, pointer: str = "/blocks") -> list[str]:
    """Slack-style error strings for ``blocks`` (empty when Slack would accept them)."""
    checker = _Checker()
    if not isinstance(blocks, list):
        checker.fail("must be an array", pointer)
        return checker.errors
    if len(blocks) > limit:
        checker.fail(f"must provide no more than {limit} items", pointer)
    seen: set[str] = set()
    for index, block in enumerate(blocks):
        checker.block(block, f"{pointer}/{index}")
        block_id = block.get("block_id") if isinstance(block, Mapping) else None
        if isinstance(block_id, str):
            if block_id in seen:
                checker.fail("block_id must be unique", f"{pointer}/{index}/block_id")
            seen.add(block_id)
    return checker.errors


def view_errors(view: Any) -> list[str]:
    """Slack-style error strings for a modal or home view."""
    if not isinstance(view, Mapping):
        return ["must be an object [json-pointer:/view]"]
    checker = _Checker()
    kind = view.get("type")
    if kind not in ("modal", "home"):
        checker.fail("must be a valid enum value", "/view/type")
    if kind == "modal":
        checker.text(view.get("title"), "/view/title", limit=24, plain_only=True)
        for key in ("submit", "close"):
            if key in view and view[key] is not None:
                checker.text(view[key], f"/view/{key}", limit=24, plain_only=True)
        has_input = any(isinstance(b, Mapping) and b.get("type") == "input" for b in view.get("blocks") or [])
        if has_input and not view.get("submit"):
            checker.fail("must provide submit when input blocks are present", "/view/submit")
    checker.length(view, "private_metadata", 3000, "/view")
    checker.length(view, "callback_id", 255, "/view")
    checker.length(view, "external_id", 255, "/view")
    return checker.errors + block_errors(
        view.get("blocks", []), limit=MAX_VIEW_BLOCKS, pointer="/view/blocks"
    )


def iter_elements(blocks: Any) -> Iterator[tuple[str | None, JsonDict]]:
    """Every interactive element with its block's id, in display order."""
    for block in blocks if isinstance(blocks, list) else []:
        if not isinstance(block, Mapping):
            continue
        block_id = block.get("block_id")
        candidates: list[Any] = []
        if block.get("type") == "actions":
            candidates = list(block.get("elements") or [])
        elif block.get("type") == "section" and "accessory" in block:
            candidates = [block["accessory"]]
        elif block.get("type") == "input" and "element" in block:
            candidates = [block["element"]]
        for element in candidates:
            if isinstance(element, Mapping):
                yield block_id, dict(element)


def find_element(
    blocks: Any, action_id: str, block_id: str | None = None
) -> tuple[str | None, JsonDict] | None:
    for found_block_id, element in iter_elements(blocks):
        if element.get("action_id") == action_id and (block_id is None or block_id == found_block_id):
            return found_block_id, element
    return None


_MENTION = re.compile(r"<([@#!])([^>|]+)(?:\|([^>]*))?>")
_LINK = re.compile(r"<(https?://[^>|]+)(?:\|([^>]*))?>")


def humanize(text: str, name_of: Callable[[str], str]) -> str:
    """Slack's escaped markup as a reader sees it: ``<@U1>`` → ``@名前``, ``&lt;`` → ``<``."""

    def mention(match: re.Match[str]) -> str:
        sigil, target, label = match.groups()
        if sigil == "@":
            return f"@{name_of(target)}"
        if sigil == "#":
            return f"#{label or target}"
        return f"@{label or target.split('^')[0]}"

    text = _LINK.sub(lambda m: f"{m.group(2)} ({m.group(1)})" if m.group(2) else m.group(1), text)
    text = _MENTION.sub(mention, text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _text_of(obj: Any) -> str:
    if isinstance(obj, Mapping):
        value = obj.get("text")
        return value if isinstance(value, str) else ""
    return ""


def _rich_text(elements: Any) -> str:
    parts: list[str] = []
    for element in elements if isinstance(elements, list) else []:
        if not isinstance(element, Mapping):
            continue
        if "elements" in element:
            parts.append(_rich_text(element["elements"]))
        elif element.get("type") == "user":
            parts.append(f"<@{element.get('user_id')}>")
        elif element.get("type") == "link":
            parts.append(element.get("text") or element.get("url") or "")
        else:
            parts.append(str(element.get("text", "")))
    return "".join(parts)


def _element_label(element: Mapping[str, Any]) -> str:
    kind = element.get("type")
    label = _text_of(element.get("text")) or _text_of(element.get("placeholder")) or str(kind)
    if kind == "button":
        return f"[{label}]"
    return f"[{label} ▾]"


def blocks_to_lines(blocks: Any) -> list[str]:
    """A plain-text rendering of a message or view, one line per visual line.

    Used by transcripts, so the wording is for people: buttons as ``[承認]``, inputs as
    ``{ラベル}``, dividers as a rule.
    """
    lines: list[str] = []
    for block in blocks if isinstance(blocks, list) else []:
        if not isinstance(block, Mapping):
            continue
        kind = block.get("type")
        if kind in ("section", "header", "markdown"):
            text = _text_of(block.get("text")) if kind != "markdown" else str(block.get("text", ""))
            if kind == "header":
                text = f"■ {text}"
            lines.extend(text.splitlines() or [""])
            lines.extend(_text_of(field) for field in block.get("fields") or [])
            if isinstance(block.get("accessory"), Mapping) and block["accessory"].get("type") != "image":
                lines.append(_element_label(block["accessory"]))
        elif kind == "context":
            texts = [_text_of(e) for e in block.get("elements") or [] if _text_of(e)]
            if texts:
                lines.append("  ".join(texts))
        elif kind == "divider":
            lines.append("────")
        elif kind == "actions":
            lines.append(
                " ".join(_element_label(e) for e in block.get("elements") or [] if isinstance(e, Mapping))
            )
        elif kind == "input":
            optional = "（任意）" if block.get("optional") else ""
            lines.append(f"{{{_text_of(block.get('label'))}{optional}}}")
        elif kind == "rich_text":
            lines.extend(_rich_text(block.get("elements")).splitlines())
        elif kind == "image":
            lines.append(f"(画像: {block.get('alt_text', '')})")
    return lines


def blocks_text_size(blocks: Any) -> int:
    """All the text a list of blocks holds (every ``text`` string, however deep)."""
    if isinstance(blocks, Mapping):
        return sum(len(v) if k == "text" and isinstance(v, str) else blocks_text_size(v) for k, v in blocks.items())
    if isinstance(blocks, list):
        return sum(blocks_text_size(b) for b in blocks)
    return 0
