"""Slack's message format back to the text a person typed.

Slack does not deliver message text as typed: ``&``, ``<`` and ``>`` arrive as ``&amp;``,
``&lt;`` and ``&gt;``, a pasted URL as ``<https://…>`` (``<http://www.example.jp|www.example.jp>``
when typed without its scheme), a mention as ``<@U…>``. A draft must be checked, counted, stored
and shown as the person wrote it: 「子ども&保護者」 is 7 characters, not 11, and an approver must
not read 「&amp;」. Message events, message shortcuts and slash commands all use this format.
Emoji arrive as shortcodes (🌸 as ``:cherry_blossom:``, 14 characters more on X); the message's
rich text blocks say which character each one is.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from itertools import permutations
from typing import Any

_MARKUP = re.compile(r"<([^<>]*)>")
_SCHEMES = ("https://", "http://", "mailto:", "tel:")
_ADDRESS_SCHEMES = ("mailto:", "tel:")
_SPECIAL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}
_SHORTCODE = re.compile(r":[a-z0-9_+'\-]+:(?::skin-tone-[2-6]:)?")


# Rich text elements that only hold other elements; everything else in them is inline.
_CONTAINERS = frozenset({"rich_text", "rich_text_section", "rich_text_preformatted", "rich_text_quote",
                         "rich_text_list"})


def _elements(blocks: Any, wanted: Callable[[dict[str, Any]], bool]) -> Iterator[dict[str, Any]]:
    """The elements of rich text ``blocks`` that ``wanted`` picks, in order. A picked element is
    not searched further: a quote's text is the quote's, not another find."""
    if isinstance(blocks, list):
        for child in blocks:
            yield from _elements(child, wanted)
    elif isinstance(blocks, dict):
        if wanted(blocks):
            yield blocks
            return
        for value in blocks.values():
            yield from _elements(value, wanted)


def _of_type(kind: str) -> Callable[[dict[str, Any]], bool]:
    return lambda node: node.get("type") == kind


def _is_inline(node: dict[str, Any]) -> bool:
    return node.get("type") not in _CONTAINERS


def emoji_in(blocks: Any) -> dict[str, str]:
    """Shortcode → the character(s) it stands for, for each standard emoji in a message's rich
    text ``blocks``. The ``text`` of a message carries 🌸 as ``:cherry_blossom:``; its blocks
    say which character that is, so no table of Slack's emoji names is needed."""
    found: dict[str, str] = {}
    for node in _elements(blocks, _of_type("emoji")):
        if isinstance(node.get("name"), str) and (chars := _chars(node.get("unicode"))):
            tone = node.get("skin_tone")
            found[f":{node['name']}:" + (f":skin-tone-{tone}:" if isinstance(tone, int) else "")] = chars
    return found


def custom_emoji_in(message: Mapping[str, Any]) -> tuple[str, ...]:
    """The names of the custom emoji (the workspace's own, with no Unicode character) in a
    message's rich text blocks, in order and once each. They stay 「:name:」 in the draft, which X
    or Instagram would show as those letters; a name in Japanese (「お知らせ」) looks like no
    shortcode, so only the blocks tell that it was one."""
    names = (node["name"] for node in _elements(message.get("blocks"), _of_type("emoji"))
             if isinstance(node.get("name"), str) and node["name"] and _chars(node.get("unicode")) is None)
    return tuple(dict.fromkeys(names))


def _chars(code_points: Any) -> str | None:
    if not isinstance(code_points, str) or not code_points:
        return None
    try:
        return "".join(chr(int(h, 16)) for h in code_points.split("-"))
    except (ValueError, OverflowError):  # not hex, or beyond Unicode: keep the shortcode
        return None


def _emojize(text: str, emoji: Mapping[str, str]) -> str:
    if not emoji or ":" not in text:
        return text
    out: list[str] = []
    pos = 0
    while (m := _SHORTCODE.search(text, pos)) is not None:
        code = m.group(0)
        if code not in emoji and "::" in code:
            code = code[:code.find("::") + 1]  # a skin tone this message does not use: the emoji alone
        chars = emoji.get(code)
        if chars is None:
            # Not an emoji of this message: its closing colon may open the next one ("9:00:+1:"
            # is 「9:00👍」), so look again from the next character, not after the match.
            out.append(text[pos:m.start() + 1])
            pos = m.start() + 1
            continue
        out.append(text[pos:m.start()])
        out.append(chars)
        pos = m.start() + len(code)
    out.append(text[pos:])
    return "".join(out)


def unescape(text: str) -> str:
    # &amp; last: a typed "&lt;" arrives as "&amp;lt;" and must come back as "&lt;", not "<".
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _without_scheme(url: str) -> str:
    for scheme in _SCHEMES:
        if url.startswith(scheme):
            return url[len(scheme):]
    return url


def _channel(channel_id: str, channel_of: Callable[[str], str | None] | None) -> str:
    """A channel linked in a message, as typed: 「#防災」. Slack links a typed ``#name`` that is
    the name of a channel and sends only its id (``<#C0123|>``, a ``channel`` element): kept as
    the id, a draft's hashtag 「#上越市」 was checked, counted and shown as 「#C0123」."""
    return "#" + ((channel_of(channel_id) if channel_of else None) or channel_id)


def _markup(inner: str, name_of: Callable[[str], str] | None,
            channel_of: Callable[[str], str | None] | None = None) -> str:
    target, _, label = inner.partition("|")
    target, label = unescape(target), unescape(label)
    if target.startswith("@"):  # a person: <@U123> or the older <@U123|name>
        return "@" + (label or (name_of(target[1:]) if name_of else target[1:]))
    if target.startswith("#"):  # a channel: <#C123|> (or <#C123>), or the older <#C123|name>
        return "#" + label if label else _channel(target[1:], channel_of)
    if target.startswith("!"):  # @here, a user group, a date: what Slack shows for them
        keyword = target[1:].split("^", 1)[0]
        return label or _SPECIAL.get(keyword, "@" + keyword)
    return _link(target, label)


def _link(target: str, label: str) -> str:
    if not label or label in (target, _without_scheme(target)) or _same_number(target, label):
        return label or target  # a link as it was typed, with or without its scheme
    # A link whose text differs from where it goes: keep both, so that the checks see the real
    # destination and the approver sees it too.
    return f"{label}（{target}）"


# What a telephone number is written with: digits (full-width too), hyphens and dashes, spaces,
# brackets, dots and a leading plus.
_PHONE_LABEL = re.compile(r"[+＋]?[0-9０-９()（）\-‐－―ー. 　]+")
# What Slack's phone apps link a typed number to: its digits, after a plus for +81…, with at most
# the separators RFC 3966 allows. Anything more (``;ext=…``, ``?…``, letters, ``@host``) is a
# destination the label does not show, and stays beside it.
_PHONE_TARGET = re.compile(r"tel:\+?[0-9().\-]+")


def _digits(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in text if c.isdigit())


def _same_number(target: str, label: str) -> bool:
    """Whether ``label`` is the telephone number ``target`` (``tel:…``) calls, as written. Slack's
    phone apps link a number typed in a message as ``<tel:0255261111|025-526-1111>``: the label is
    what was typed and will be posted, the target only its digits (or ``+81…``) and no destination
    of its own. Another number, or words, in the label keep both, as for any other link."""
    if not _PHONE_TARGET.fullmatch(target) or not _PHONE_LABEL.fullmatch(label):
        return False
    called, shown = _digits(target), _digits(label)
    if not shown:
        return False
    if target.startswith("tel:+81") and not label.lstrip().startswith(("+", "＋")):
        called = "0" + called[2:]  # +81 25… is 025… dialled in Japan
    return called == shown


def plain_text(text: str, name_of: Callable[[str], str] | None = None,
               emoji: Mapping[str, str] | None = None,
               channel_of: Callable[[str], str | None] | None = None) -> str:
    """``text`` from a Slack message event, shortcut or slash command, as the person typed it.

    ``name_of`` names a mentioned person (by Slack id); without it the id is kept. ``emoji``
    (see ``emoji_in``) turns shortcodes back into characters; others stay as they are.
    ``channel_of`` names a linked channel (by Slack id), None when it cannot; the id is kept then.
    """
    out: list[str] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        out.append(_emojize(unescape(text[pos:m.start()]), emoji or {}))
        out.append(_markup(m.group(1), name_of, channel_of))
        pos = m.end()
    out.append(_emojize(unescape(text[pos:]), emoji or {}))
    return "".join(out)


# Slack's markers for the styles of its message composer, in the order it nests them.
_STYLE_MARKERS = (("bold", "*"), ("italic", "_"), ("strike", "~"), ("code", "`"))


def _markers(node: Any) -> str:
    style = node.get("style") if isinstance(node, dict) else None
    if not isinstance(style, dict):
        return ""
    return "".join(m for name, m in _STYLE_MARKERS if style.get(name) is True)


def _inline(node: Any, *, bare_address: bool = True) -> str | None:
    """The characters of an inline text, (standard) emoji or link element, as ``plain_text`` gives
    them from ``text``; None for anything else. Links count: a draft quoted or made bold in the
    composer nearly always holds one, and its 「> 」 or asterisks stayed in the draft otherwise.

    A mail address or telephone number typed bare is linked by Slack as ``<mailto:a@b.jp|a@b.jp>``
    in the text but has no ``text`` in its element: it reads as the address (``bare_address``),
    else as typed with its scheme (「mailto:a@b.jp」, far rarer)."""
    if not isinstance(node, dict):
        return None
    if node.get("type") == "text" and isinstance(node.get("text"), str):
        return str(node["text"])
    if node.get("type") == "emoji":
        return _chars(node.get("unicode"))
    if node.get("type") == "link" and isinstance(node.get("url"), str):
        url, label = str(node["url"]), node.get("text")
        if isinstance(label, str):
            return _link(url, label)
        if bare_address and url.startswith(_ADDRESS_SCHEMES):
            return _without_scheme(url)
        return url
    return None


def styled_runs(blocks: Any) -> list[tuple[str, str]]:
    """(text, markers) of each styled stretch of a message's rich text ``blocks``, in order: a word
    made bold in the composer arrives in ``text`` as ``*重要*`` and here as ("重要", "*").
    Neighbouring elements in the same style are one stretch (「*重要🌸*」 is a text and an emoji)."""
    runs: list[tuple[str, str]] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for value in node.values():
                if isinstance(value, list | dict):
                    walk(value)
            return
        if not isinstance(node, list):
            return
        markers, pieces = "", []
        for child in [*node, None]:  # None closes the last stretch
            child_markers, piece = _markers(child), _inline(child)
            if child_markers and piece is not None and child_markers == markers:
                pieces.append(piece)
                continue
            if markers and "".join(pieces).strip():
                runs.append(("".join(pieces).strip(), markers))
            markers, pieces = (child_markers, [piece]) if child_markers and piece is not None else ("", [])
            if not markers and child is not None:
                walk(child)

    walk(blocks)
    return runs


def _unstyle(text: str, runs: list[tuple[str, str]]) -> str:
    """``text`` without the markers of the styled ``runs``: a draft is posted to X, Facebook or
    LINE as plain text, where 「*重要*」 would show its asterisks. A run whose marked-up form is not
    found (an emoji inside a bold stretch) keeps its markers."""
    pos = 0
    for run, markers in runs:
        done = _unwrap(text, run, markers, pos)
        if done is None and "\n" in run:
            # Slack's text closes a style at each line break (「*重要*\n*お知らせ*」) where the
            # blocks hold one stretch: each line then, all of them or none.
            done = text, pos
            for line in filter(None, (part.strip() for part in run.split("\n"))):
                if (done := _unwrap(done[0], line, markers, done[1])) is None:
                    break
        if done is not None:
            text, pos = done
    return text


def _unwrap(text: str, run: str, markers: str, pos: int) -> tuple[str, int] | None:
    """``text`` with the first ``run`` wrapped in ``markers`` (in any order) from ``pos`` on
    unwrapped, and where to look for the next run; None when it is not there."""
    for order in dict.fromkeys(permutations(markers)):
        opening = "".join(order)
        wrapped = opening + run + opening[::-1]
        at = text.find(wrapped, pos)
        if at >= 0:
            return text[:at] + run + text[at + len(wrapped):], at + len(run)
    return None


def _unfence(text: str, blocks: Any, name_of: Callable[[str], str] | None = None,
             channel_of: Callable[[str], str | None] | None = None) -> str:
    """``text`` without the fences of a code block (「```本文```」) made in the composer: staff paste
    a draft as a code block to keep its line breaks, and X would show the backquotes. Fences the
    blocks do not confirm are what was typed. ``name_of`` and ``channel_of``: as ``text`` was read
    with (see ``plain_text``)."""
    pos = 0
    for block in _elements(blocks, _of_type("rich_text_preformatted")):
        # mrkdwn has no escape for a backquote: a code block holding 「```」 arrives as
        # 「``````1```」, where the first 「```」 after the opening one is not the closing one. The
        # blocks say what the code block holds; where that is found fenced, those are its fences.
        elements = block.get("elements")
        pieces = [_fenced_piece(child, name_of, channel_of) for child in elements] if isinstance(elements, list) else []
        if pieces and all(p is not None for p in pieces):
            fenced = "```" + "".join(p or "" for p in pieces) + "```"
            if (at := text.find(fenced, pos)) >= 0:
                text = text[:at] + fenced[3:-3] + text[at + len(fenced):]
                pos = at + len(fenced) - 6
                continue
        # Its content not readable from the blocks (a user group inside): the next pair of fences.
        opening = text.find("```", pos)
        closing = text.find("```", opening + 3) if opening >= 0 else -1
        if closing < 0:
            break
        text = text[:opening] + text[opening + 3 : closing] + text[closing + 3 :]
        pos = closing - 3
    return text


# Elements of a code block that ``plain_text`` names as ``_inline_text`` does (a user group's
# text is its handle, its element only an id: not among them).
_NAMED_IN_CODE = frozenset({"user", "channel", "broadcast", "emoji", "date"})


def _fenced_piece(node: Any, name_of: Callable[[str], str] | None,
                  channel_of: Callable[[str], str | None] | None) -> str | None:
    """A code block's element as ``plain_text`` gives it from ``text``; None when the blocks cannot
    say. A mention or a custom emoji in a code block holding 「```」 left its fences to the next
    pair found, and the draft lost its leading 「```」 and gained one at the end."""
    if (piece := _inline(node)) is not None:
        return piece
    if isinstance(node, dict) and node.get("type") in _NAMED_IN_CODE:
        return _inline_text(node, name_of, channel_of) or None
    return None


def _unquote(text: str, blocks: Any) -> str:
    """``text`` without the 「> 」 of a quote made in the composer (a draft pasted as a quote). Read
    after the style markers are gone: the blocks' quoted lines have none. Quote marks the blocks
    do not confirm are what was typed."""
    quoted: set[str] = set()
    for quote in _elements(blocks, _of_type("rich_text_quote")):
        for bare in (True, False):  # an address typed bare, or with its scheme (see _inline)
            pieces = [_inline(child, bare_address=bare) for child in quote.get("elements") or []]
            if all(p is not None for p in pieces):  # a mention inside: not matched, kept
                # An empty line of a quote (a blank line inside it, or the line after a final line
                # break) arrives as 「&gt; 」 alone: "" stands for it.
                quoted.update(line if line.strip() else "" for line in "".join(p or "" for p in pieces).split("\n"))
    if quoted:
        text = "\n".join(_unquoted(line, quoted) for line in text.split("\n"))
    return text


def _unquoted(line: str, quoted: set[str]) -> str:
    """A line of the text without its 「> 」 when the blocks say that line was quoted."""
    if not line.startswith(">"):
        return line
    # Slack writes 「> 」 before each quoted line: a space typed at the start of the line comes
    # after that one, and is the draft's.
    rest = line[2:] if line.startswith("> ") else line[1:]
    for candidate in (rest, rest.lstrip(" ")):
        if candidate in quoted:
            return candidate
    return "" if not rest.strip() and "" in quoted else line


# The marks of a bulleted list's items, by indent level, as Slack writes them into ``text``.
_BULLETS = ("•", "◦", "▪")


def _inline_text(node: Any, name_of: Callable[[str], str] | None,
                 channel_of: Callable[[str], str | None] | None = None) -> str:
    """An inline rich text element as ``plain_text`` would give it from ``text``."""
    if not isinstance(node, dict):
        return ""
    kind = node.get("type")
    if kind in ("text", "emoji", "link"):
        chars = _inline(node)
        if chars is None and kind == "emoji" and isinstance(node.get("name"), str):
            return f":{node['name']}:"  # a custom emoji: its shortcode, as in ``text``
        return chars or ""
    if kind == "user" and isinstance(node.get("user_id"), str):
        return "@" + (name_of(node["user_id"]) if name_of else node["user_id"])
    if kind == "usergroup" and isinstance(node.get("usergroup_id"), str):
        return "@" + node["usergroup_id"]
    if kind == "channel" and isinstance(node.get("channel_id"), str):
        return _channel(node["channel_id"], channel_of)
    if kind == "broadcast" and isinstance(node.get("range"), str):
        return _SPECIAL.get(node["range"], "@" + node["range"])
    if kind == "date":
        return str(node.get("fallback") or node.get("timestamp") or "")
    if kind == "color" and isinstance(node.get("value"), str):
        return node["value"]
    return ""


def _inlines(node: Any, name_of: Callable[[str], str] | None,
             channel_of: Callable[[str], str | None] | None = None) -> str:
    elements = node.get("elements") if isinstance(node, dict) else None
    return "".join(_inline_text(e, name_of, channel_of) for e in elements) if isinstance(elements, list) else ""


def rich_text_of(blocks: Any, name_of: Callable[[str], str] | None = None,
                 channel_of: Callable[[str], str | None] | None = None) -> str:
    """The text of a message's rich text ``blocks``, as ``typed_text`` gives it from ``text``: no
    style markers, code block fences or quote marks; list items on lines of their own with Slack's
    bullet or number. For a message whose ``text`` is empty while its blocks hold what was written
    (some clients and apps posting for a person send only blocks)."""
    lines: list[str] = []
    if not isinstance(blocks, list):
        return ""
    for block in blocks:
        if not isinstance(block, dict) or block.get("type") != "rich_text" or not isinstance(block.get("elements"), list):
            continue
        pieces: list[str] = []
        for element in block["elements"]:
            if not isinstance(element, dict):
                continue
            kind = element.get("type")
            if kind in ("rich_text_list", "rich_text_preformatted", "rich_text_quote") \
                    and pieces and not pieces[-1].endswith("\n"):
                pieces.append("\n")  # a list, a code block or a quote starts on a line of its own
            if kind == "rich_text_list":
                listed = element.get("elements")
                items = [e for e in listed if isinstance(e, dict)] if isinstance(listed, list) else []
                indent = element["indent"] if isinstance(element.get("indent"), int) else 0
                offset = element["offset"] if isinstance(element.get("offset"), int) else 0
                ordered = element.get("style") == "ordered"
                for n, item in enumerate(items, offset + 1):
                    mark = f"{n}." if ordered else _BULLETS[indent % len(_BULLETS)]
                    pieces.append("    " * indent + f"{mark} {_inlines(item, name_of, channel_of)}\n")
            elif kind in ("rich_text_section", "rich_text_preformatted", "rich_text_quote"):
                text = _inlines(element, name_of, channel_of)
                if kind == "rich_text_quote":
                    # A blank line of a quote reads as empty, as _unquote reads 「&gt; 」 alone from ``text``.
                    text = "\n".join(line if line.strip() else "" for line in text.split("\n"))
                pieces.append(text + ("\n" if kind != "rich_text_section" and not text.endswith("\n") else ""))
        lines.append("".join(pieces).rstrip("\n"))
    return "\n".join(line for line in lines if line)


def has_text(message: Mapping[str, Any]) -> bool:
    """Whether a message has written text, in ``text`` or, when that is empty, in its rich text blocks."""
    return bool(str(message.get("text") or "").strip()) or bool(rich_text_of(message.get("blocks")).strip())


def typed_text(message: Mapping[str, Any], name_of: Callable[[str], str] | None = None,
               channel_of: Callable[[str], str | None] | None = None) -> str:
    """A message (an event, or the ``message`` of an edit or a shortcut) as its author typed it:
    Slack's markup undone, emoji as characters, and no style markers (bold, italic, strike, code,
    code blocks, quotes). A message with an empty ``text`` is read from its rich text blocks.
    ``name_of`` and ``channel_of``: see ``plain_text``."""
    blocks = message.get("blocks")
    sent = str(message.get("text") or "")
    if not sent.strip():
        from_blocks = rich_text_of(blocks, name_of, channel_of)
        # Blank either way (only spaces and line breaks): the text as sent, since the blocks'
        # reading drops the line breaks a section ends with and 「\n」 came back as 「」.
        return from_blocks if from_blocks.strip() else plain_text(sent, name_of, channel_of=channel_of)
    text = _unfence(plain_text(sent, name_of, emoji_in(blocks), channel_of), blocks, name_of, channel_of)
    runs = styled_runs(blocks)
    return _unquote(_unstyle(text, runs) if runs else text, blocks)


def shared_message(message: Mapping[str, Any]) -> dict[str, Any] | None:
    """The message a person forwarded (Slack's 「転送」), as a message of its own (text and rich text
    blocks, for ``typed_text``), or None. Slack carries it as an attachment marked ``is_share``
    and leaves the forwarder's own text empty or for their comment. A link to a Slack message also
    unfurls as an attachment (``is_msg_unfurl`` without ``is_share``): that is not a forward."""
    attachments = message.get("attachments")
    if not isinstance(attachments, list):
        return None
    for att in attachments:
        if isinstance(att, dict) and att.get("is_share") is True:
            inner = att.get("message_blocks")
            first = inner[0] if isinstance(inner, list) and inner and isinstance(inner[0], dict) else {}
            original = first.get("message")
            blocks = original.get("blocks") if isinstance(original, dict) else None
            return {"text": str(att.get("text") or ""), "blocks": blocks}
    return None


def attachment_text(message: Mapping[str, Any]) -> bool:
    """Whether a message's legacy ``attachments`` show any text (an app's framed content)."""
    attachments = message.get("attachments")
    return isinstance(attachments, list) and any(
        isinstance(a, dict) and any(isinstance(a.get(k), str) and a[k].strip()
                                    for k in ("pretext", "title", "text", "fallback"))
        for a in attachments)


def addressed_to(msg: Mapping[str, Any], user_id: str | None) -> bool:
    """Whether the message begins with a mention of ``user_id`` (``<@U…>`` or ``<@U…|name>``)."""
    if not user_id:
        return False
    text = str(msg.get("text") or "").lstrip()
    if not text:
        # Only blocks (see rich_text_of): the first thing written in them is the mention.
        first = next((e for e in _elements(msg.get("blocks"), _is_inline)
                      if not (e.get("type") == "text" and not str(e.get("text") or "").strip())), None)
        return first is not None and first.get("type") == "user" and first.get("user_id") == user_id
    return text.startswith(f"<@{user_id}>") or text.startswith(f"<@{user_id}|")

