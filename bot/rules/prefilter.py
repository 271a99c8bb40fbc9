"""A first-character guard for the patterns that scan a whole draft.

Python's `re` tries every alternative of a pattern at every position of the text unless the pattern
starts with a plain literal or character class. A pattern that opens with an optional prefix or a
group of alternatives (「(?:自分の|元の)?国に帰って…」, a date's era, year and month) therefore paid its
whole branch structure at each of a 1,000-character draft's positions: 0.1–0.4 ms a pattern, most of
the rule check's growth between sessions 22 and 30 (docs/benchmarks.md, Session 30).

`guard` puts a lookahead for the characters the pattern can start with in front of it. The set is
read from the pattern's own parse, so an alternative added later widens it by itself; a pattern
whose first character cannot be told (a negated class, ``.``, a back-reference, a possibly empty
match, local flags) is returned unchanged, as is any pattern when the parser's internals
(`re._parser`, private to CPython) are not what this module expects: only speed is lost then.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

try:
    _parser: Any = importlib.import_module("re._parser")
    _c: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - other Pythons: patterns stay as they are
    _parser = _c = None

# Every pattern guarded, with the pattern it was made from: the tests compare their matches.
GUARDED: list[tuple[re.Pattern[str], re.Pattern[str]]] = []


_GLOBAL_FLAGS = re.compile(r"(?:\(\?[aiLmsux]+\))+")


class _Unknown(Exception):
    """The pattern's first character cannot be told from its parse."""


def _first_of(items: list[tuple[Any, Any]]) -> tuple[list[tuple[Any, Any]], bool]:
    """The class items a match of the sequence `items` can start with, and whether it can be empty."""
    out: list[tuple[Any, Any]] = []
    for op, av in items:
        first, empty = _first_op(op, av)
        out += first
        if not empty:
            return out, False
    return out, True


def _first_op(op: Any, av: Any) -> tuple[list[tuple[Any, Any]], bool]:
    if op is _c.LITERAL:
        return [(_c.LITERAL, av)], False
    if op is _c.IN:
        if any(o is _c.NEGATE for o, _ in av):
            raise _Unknown
        return list(av), False
    if op is _c.BRANCH:
        out: list[tuple[Any, Any]] = []
        empty = False
        for alternative in av[1]:
            first, e = _first_of(list(alternative))
            out += first
            empty = empty or e
        return out, empty
    if op is _c.SUBPATTERN:
        _group, add_flags, del_flags, p = av
        if add_flags or del_flags:
            raise _Unknown
        return _first_of(list(p))
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, _high, p = av
        first, empty = _first_of(list(p))
        return first, empty or low == 0
    if op is _c.ATOMIC_GROUP:
        return _first_of(list(av))
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):
        return [], True  # zero-width: the first character is the next item's
    raise _Unknown


def _category(av: Any) -> str:
    names = {
        _c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
        _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W",
    }
    if av not in names:
        raise _Unknown
    return names[av]


def first_class(rx: re.Pattern[str]) -> str | None:
    """A character class (「[国故来…]」) every match of `rx` starts with, or None when it cannot be told."""
    if _parser is None or rx.flags & re.VERBOSE:
        return None
    try:
        first, empty = _first_of(list(_parser.parse(rx.pattern, rx.flags)))
        if empty or not first:
            return None
        parts: list[str] = []
        for op, av in first:
            if op is _c.LITERAL:
                parts.append(re.escape(chr(av)))
            elif op is _c.RANGE:
                parts.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
            elif op is _c.CATEGORY:
                parts.append(_category(av))
            else:
                raise _Unknown
    except (_Unknown, AttributeError, TypeError, ValueError, re.error):
        return None
    return "[" + "".join(dict.fromkeys(parts)) + "]"


def guard(rx: re.Pattern[str]) -> re.Pattern[str]:
    """`rx` behind a lookahead for the characters its matches can start with: the same matches, groups
    and flags (a class under IGNORECASE ignores case as the pattern does), found without trying the
    pattern's branches where it cannot start."""
    cls = first_class(rx)
    if cls is None:
        return rx
    # A global flag (「(?m)…」) must stay first in the pattern.
    flags = _GLOBAL_FLAGS.match(rx.pattern)
    head = flags.group() if flags else ""
    try:
        guarded = re.compile(f"{head}(?={cls})(?:{rx.pattern[len(head):]})", rx.flags)
    except re.error:
        return rx
    GUARDED.append((rx, guarded))
    return guarded
