"""Slack's message format back to the text a person typed.

Slack does not deliver message text as typed: ``&``, ``<`` and ``>`` arrive as ``&amp;``,
``&lt;`` and ``&gt;``, a pasted URL as ``<https://…>`` (``<http://www.example.jp|www.example.jp>``
when typed without its scheme), a mention as ``<@U…>``. A draft must be checked, counted, stored
and shown as the person wrote it: 「子ども&保護者」 is 7 characters, not 11, and an approver must
not read 「&amp;」. Message events, message shortcuts and slash commands all use this format.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_MARKUP = re.compile(r"<([^<>]*)>")
_SCHEMES = ("https://", "http://", "mailto:", "tel:")
_SPECIAL = {"here": "@here", "channel": "@channel", "everyone": "@everyone"}


def unescape(text: str) -> str:
    # &amp; last: a typed "&lt;" arrives as "&amp;lt;" and must come back as "&lt;", not "<".
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def _without_scheme(url: str) -> str:
    for scheme in _SCHEMES:
        if url.startswith(scheme):
            return url[len(scheme):]
    return url


def _markup(inner: str, name_of: Callable[[str], str] | None) -> str:
    target, _, label = inner.partition("|")
    target, label = unescape(target), unescape(label)
    if target.startswith("@"):  # a person: <@U123> or the older <@U123|name>
        return "@" + (label or (name_of(target[1:]) if name_of else target[1:]))
    if target.startswith("#"):  # a channel
        return "#" + (label or target[1:])
    if target.startswith("!"):  # @here, a user group, a date: what Slack shows for them
        keyword = target[1:].split("^", 1)[0]
        return label or _SPECIAL.get(keyword, "@" + keyword)
    if not label or label in (target, _without_scheme(target)):
        return label or target  # a link as it was typed, with or without its scheme
    # A link whose text differs from where it goes: keep both, so that the checks see the real
    # destination and the approver sees it too.
    return f"{label}（{target}）"


def plain_text(text: str, name_of: Callable[[str], str] | None = None) -> str:
    """``text`` from a Slack message event, shortcut or slash command, as the person typed it.

    ``name_of`` names a mentioned person (by Slack id); without it the id is kept.
    """
    out: list[str] = []
    pos = 0
    for m in _MARKUP.finditer(text):
        out.append(unescape(text[pos:m.start()]))
        out.append(_markup(m.group(1), name_of))
        pos = m.end()
    out.append(unescape(text[pos:]))
    return "".join(out)
