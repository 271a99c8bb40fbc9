"""The rule registry: each family module registers its rules with `@rule(...)` on import."""

from __future__ import annotations

import inspect
from collections.abc import Callable

from bot.rules.model import Example, Rule, RuleFunc, Severity

_RULES: dict[str, Rule] = {}


def rule(
    *, code: str, severity: Severity, summary: str, clause: str, fires: Example, passes: Example
) -> Callable[[RuleFunc], RuleFunc]:
    """Register a rule function; its docstring is the rule's documentation (what, why, clause)."""

    def register(func: RuleFunc) -> RuleFunc:
        if code in _RULES:
            raise ValueError(f"duplicate rule code {code}")
        doc = inspect.cleandoc(func.__doc__ or "")
        if not doc:
            raise ValueError(f"rule {code} has no documentation")
        _RULES[code] = Rule(code, severity, summary, clause, doc, (fires, passes), func)
        return func

    return register
