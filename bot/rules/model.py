"""Value types of the rule engine (the contract of docs/architecture.md)."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from bot.rules.text import Document

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


@dataclass(frozen=True)
class Finding:
    code: str
    severity: Severity
    message: str
    start: int
    end: int
    excerpt: str
    clause: str
    suggestion: str | None = None


@dataclass(frozen=True)
class RuleOverride:
    severity: Severity | None = None
    enabled: bool = True
    extra_words: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()


@dataclass(frozen=True)
class RulePolicy:
    allowed_link_domains: tuple[str, ...] = ()
    official_email_domains: tuple[str, ...] = ()
    official_phone_numbers: tuple[str, ...] = ()
    working_hours: str = "08:30-17:15"
    tz: str = "Asia/Tokyo"
    closed_days: tuple[date | tuple[int, int], ...] = ()  # [policy] closed_days (bot.calendar.ClosedDay)


@dataclass(frozen=True, kw_only=True)
class CheckContext:
    platform: str = "x"
    now: datetime
    scheduled_at: datetime | None = None
    # The posting day is known but not its time (an export's date column, `kessai check --at 2026-12-05`):
    # scheduled_at is that day, its time of day a stand-in that says nothing of working hours.
    scheduled_day_only: bool = False
    category: str = "normal"
    image_count: int = 0
    alt_texts: tuple[str, ...] = ()
    video_count: int = 0
    portrait_consent: bool = False
    hashtags_allowed: tuple[str, ...] = ()
    recent_texts: tuple[str, ...] = ()
    # The names of the organisation's own (custom) Slack emoji the draft's message held as emoji
    # (「お知らせ」 for 「:お知らせ:」 in the text): Slack's rich text says which they are, the text
    # alone cannot (「問合せ:観光振興課:」 is no emoji). Empty where no message was read (`kessai check`).
    custom_emoji: tuple[str, ...] = ()
    policy: RulePolicy = RulePolicy()
    overrides: Mapping[str, RuleOverride] = field(default_factory=dict)

    def options_for(self, code: str) -> RuleOptions | None:
        """The knobs the organisation set for rule ``code``; None when it switched the rule off."""
        override = self.overrides.get(code)
        if override is None:
            return _NO_OPTIONS
        return RuleOptions(override.extra_words, override.allow) if override.enabled else None


@dataclass(frozen=True)
class Hit:
    """What a rule function reports; the engine turns it into a `Finding`.

    `severity` is only set when a rule grades one hit differently from its default
    (e.g. a reservation made in working hours); an organisation override still wins.
    `redact` pairs a secret written in the draft (a password, a token) with its masked form: the
    engine replaces it in every finding's excerpt, message and suggestion, so that no other rule
    quoting the same characters (a link, 全角英数字) shows it again in the thread.
    """

    start: int
    end: int
    message: str
    suggestion: str | None = None
    severity: Severity | None = None
    excerpt: str | None = None
    redact: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class RuleOptions:
    """The per-organisation knobs a rule function sees (from `RuleOverride`)."""

    extra_words: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()


_NO_OPTIONS = RuleOptions()


# Fixed instant for the documented examples, so that date rules give the same answer every day.
EXAMPLE_NOW = datetime(2025, 11, 20, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


@dataclass(frozen=True)
class Example:
    """A documented input of a rule, with the parts of the context it needs."""

    text: str
    platform: str = "x"
    now: datetime = EXAMPLE_NOW
    scheduled_at: datetime | None = None
    scheduled_day_only: bool = False
    category: str = "normal"
    image_count: int = 0
    alt_texts: tuple[str, ...] = ()
    video_count: int = 0
    portrait_consent: bool = False
    hashtags_allowed: tuple[str, ...] = ()
    recent_texts: tuple[str, ...] = ()
    policy: RulePolicy = RulePolicy()

    def context(self) -> CheckContext:
        # Every field but the text is the CheckContext field of that name: one added to both is
        # passed on without a change here.
        return CheckContext(**{f.name: getattr(self, f.name) for f in fields(self) if f.name != "text"})


RuleFunc = Callable[["Document", CheckContext, RuleOptions], Iterator[Hit]]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    summary: str
    clause: str
    doc: str
    examples: tuple[Example, Example]  # (fires, does not fire)
    func: RuleFunc = field(compare=False)

    @property
    def fires(self) -> Example:
        return self.examples[0]

    @property
    def passes(self) -> Example:
        return self.examples[1]
