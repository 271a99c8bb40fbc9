from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.rules import CheckContext, Finding, check

JST = ZoneInfo("Asia/Tokyo")
# A Thursday in working hours; 2025-11-22 is a Saturday.
NOW = datetime(2025, 11, 20, 10, 0, tzinfo=JST)


def ctx(**kw: Any) -> CheckContext:
    kw.setdefault("now", NOW)
    return CheckContext(**kw)


def codes(text: str, **kw: Any) -> list[str]:
    return [f.code for f in check(text, ctx(**kw))]


def findings_of(code: str, text: str, **kw: Any) -> list[Finding]:
    return [f for f in check(text, ctx(**kw)) if f.code == code]


@pytest.fixture
def run() -> Callable[..., list[str]]:
    return codes
