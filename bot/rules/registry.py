"""The rule registry: each family module registers its rules with `@rule(...)` on import."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from types import MappingProxyType

from bot.rules.model import Example, Rule, RuleFunc, Severity

_RULES: dict[str, Rule] = {}
# Read-only for everyone else; complete once bot.rules.engine is imported.
REGISTRY: Mapping[str, Rule] = MappingProxyType(_RULES)

# Every rule's code, ordered as in SPEC §5: the order of REGISTRY, of `kessai rules` and docs/rules.md.
# Known without loading the families, so the organisation file's [rules."code"] tables are checked
# without them (tests/rules/test_registry.py checks it against what the families register).
RULE_CODES = (
    "content.empty",
    "prohibited.insult",
    "prohibited.discrimination",
    "prohibited.obscene",
    "prohibited.illegal",
    "prohibited.rumor",
    "prohibited.political",
    "confidential.secret",
    "confidential.deliberation",
    "pii.phone",
    "pii.email",
    "pii.my_number",
    "pii.card_number",
    "pii.address",
    "link.shortener",
    "link.harmful",
    "link.insecure",
    "link.untrusted",
    "link.malformed",
    "platform.length",
    "platform.hashtags",
    "platform.hashtag_unlisted",
    "a11y.machine_dependent",
    "a11y.halfwidth_kana",
    "a11y.spaced_word",
    "a11y.emoji_overuse",
    "a11y.image_alt",
    "a11y.fullwidth_alnum",
    "a11y.long_sentence",
    "date.weekday_mismatch",
    "spam.duplicate",
    "schedule.past",
    "schedule.outside_hours",
    "press.embargo",
    "quote.third_party",
    "portrait.consent",
    "correction.notice",
)


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


def put_in_spec_order() -> None:
    """Order the registry as RULE_CODES, once every family has registered (bot.rules.engine)."""
    ordered = {code: _RULES[code] for code in RULE_CODES}
    ordered.update({code: r for code, r in _RULES.items() if code not in ordered})
    _RULES.clear()
    _RULES.update(ordered)
