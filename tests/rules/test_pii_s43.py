"""The personal-information rules, session 43: pii.address, pii.phone and pii.card_number red-teamed with the drafts a
city's 広報 staff post (recalls, lost pets, fires, 空き家バンク) and the homes and numbers such a post may give away.

上越市 5(3), 和気町 4(2): a resident's home or mobile must be found however it is written, while a product's code, a
reference number or a venue's address must stay silent: a bot that cries wolf on every notice is not read.
"""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx

PII = ("pii.phone", "pii.email", "pii.my_number", "pii.card_number", "pii.address")


def _pii(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.excerpt) for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code in PII]


# A product's or a part's code that begins with a mobile's groups and runs on past them (「商品番号 090-1234-5678-01」, as a
# recall notice gives it) is one number, no phone: a digit after a hyphen continues it as a digit right after does.
@pytest.mark.parametrize(
    "text",
    [
        "商品番号 090-1234-5678-01",
        "【自主回収】対象の製品（品番 080-2345-6789-12）をお持ちの方はご連絡ください。電話 025-526-5111",
        "型番：070-1234-5678-001",
    ],
)
def test_a_code_running_on_past_a_mobiles_groups_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("携帯 090-1234-5678-山田", "090-1234-5678"),
        ("連絡先：090-1234-5678-", "090-1234-5678"),
        ("090-1234-5678／080-2345-6789", "090-1234-5678"),
        ("携帯 090-1234-5678 - 01番窓口の山田", "090-1234-5678"),
    ],
)
def test_a_mobile_followed_by_no_more_digits_of_it_still_stops(text: str, number: str) -> None:
    assert ("pii.phone", number) in _pii(text)
