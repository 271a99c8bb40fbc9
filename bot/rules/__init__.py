"""The rule engine: pure checks of a draft against the municipality's SNS guideline.

    from bot.rules import check, is_blocking, CheckContext, RulePolicy, RuleOverride, Finding, REGISTRY

`REGISTRY` maps each stable rule code (SPEC §5) to its `Rule` (severity, summary, clause,
documentation, examples, function). Rule families live in one module each and register on import.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from bot.rules import a11y, confidential, dates, links, misc, pii, platform, prohibited  # noqa: F401 (registration)
from bot.rules.confidential import secret_value_spans
from bot.rules.engine import check, is_blocking
from bot.rules.misc import DuplicateSignature, duplicate_signature
from bot.rules.model import (
    SEVERITIES,
    CheckContext,
    Example,
    Finding,
    Rule,
    RuleOverride,
    RulePolicy,
    Severity,
)
from bot.rules.pii import card_number_spans, my_number_spans
from bot.rules.registry import _RULES

# Ordered as in SPEC §5, read-only for everyone else.
_SPEC_ORDER = (
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
_ordered = {code: _RULES[code] for code in _SPEC_ORDER}
_ordered.update({code: r for code, r in _RULES.items() if code not in _ordered})
_RULES.clear()
_RULES.update(_ordered)
REGISTRY: Mapping[str, Rule] = MappingProxyType(_RULES)

# The rules an organisation extends with `extra_words` (SPEC §3): word lists, and the link rules'
# domain lists, whose entries are host names. On any other rule the key would do nothing.
DOMAIN_LIST_RULES = frozenset({"link.shortener", "link.harmful"})
EXTRA_WORD_RULES = frozenset({
    "prohibited.insult", "prohibited.discrimination", "prohibited.obscene", "prohibited.illegal",
    "prohibited.rumor", "prohibited.political", "confidential.secret", "confidential.deliberation",
    "press.embargo", "quote.third_party", "correction.notice", *DOMAIN_LIST_RULES,
})

__all__ = [
    "DOMAIN_LIST_RULES",
    "EXTRA_WORD_RULES",
    "REGISTRY",
    "SEVERITIES",
    "CheckContext",
    "DuplicateSignature",
    "Example",
    "Finding",
    "Rule",
    "RuleOverride",
    "RulePolicy",
    "Severity",
    "card_number_spans",
    "check",
    "duplicate_signature",
    "is_blocking",
    "my_number_spans",
    "secret_value_spans",
]
