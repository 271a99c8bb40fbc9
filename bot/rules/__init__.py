"""The rule engine: pure checks of a draft against the municipality's SNS guideline.

    from bot.rules import check, is_blocking, CheckContext, RulePolicy, RuleOverride, Finding, REGISTRY

`REGISTRY` maps each stable rule code (SPEC §5) to its `Rule` (severity, summary, clause,
documentation, examples, function). Rule families live in one module each and register on import.

The families (hundreds of patterns compiled, word lists read) load on first use of what needs them:
``check``, ``REGISTRY`` and the span finders below, or an import of ``bot.rules.engine``. The data
types and the code list cost little, so a command that only shows stored findings, or reads the
organisation file, does not pay over a second of CPU for them (``kessai remind`` runs from cron
every minute).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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
from bot.rules.registry import RULE_CODES

if TYPE_CHECKING:
    from collections.abc import Mapping

    from bot.rules.confidential import secret_value_spans
    from bot.rules.engine import check, is_blocking, load_on_demand_data
    from bot.rules.misc import DuplicateSignature, duplicate_signature
    from bot.rules.pii import card_number_spans, my_number_spans

    REGISTRY: Mapping[str, Rule]

# Each name that needs the rule families, and the module it comes from. bot.rules.engine imports
# every family and puts the registry in SPEC order, so each of these sees all the rules.
_LOADED_ON_USE = {
    "REGISTRY": "bot.rules.registry",
    "check": "bot.rules.engine",
    "is_blocking": "bot.rules.engine",
    "load_on_demand_data": "bot.rules.engine",
    "secret_value_spans": "bot.rules.confidential",
    "DuplicateSignature": "bot.rules.misc",
    "duplicate_signature": "bot.rules.misc",
    "card_number_spans": "bot.rules.pii",
    "my_number_spans": "bot.rules.pii",
}


def __getattr__(name: str) -> Any:
    """PEP 562: the names above, loaded with the whole engine on first use, then kept as attributes."""
    where = _LOADED_ON_USE.get(name)
    if where is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    importlib.import_module("bot.rules.engine")  # every family registered, whichever name is asked first
    value = getattr(importlib.import_module(where), name)
    globals()[name] = value
    return value


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
    "RULE_CODES",
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
    "load_on_demand_data",
    "my_number_spans",
    "secret_value_spans",
]
