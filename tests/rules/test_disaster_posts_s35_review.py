"""Review of session 35's disaster-post rules: the ordinary posts the new boundaries caught, the misses they opened.

Each list names the commit's boundary it attacks. ORDINARY posts must get no error and no warning; BAD posts must get
their code.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.rules import CheckContext, check
from tests.rules.conftest import CITY_POLICY, JST

NOW = datetime(2026, 9, 3, 10, 0, tzinfo=JST)


def _findings(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.severity) for f in check(text, CheckContext(platform="x", now=NOW, policy=CITY_POLICY))]


# Evacuees as [refusal_groups] and 受け入れ as a service made a full shelter, or a building that is no shelter,
# read as evacuees turned away; only where they came from singles some out.
SHELTER_CAPACITY = [
    "避難者の受け入れはお断りしています。",
    "満員のため、新たな避難者の受け入れはお断りしています。",
    "当施設は避難所ではないため、避難者の受け入れはお断りしています。",
    "避難者の受け入れはできません（定員に達しました）。",
    "当施設は、避難者の受け入れはできません。",
    "避難者は受け入れできません。",
    "避難者は避難所に入れません。満員です。",
]
EVACUEES_SINGLED_OUT = [
    "〇〇県から来た避難者の受け入れはお断りしています。",
    "福島から来た避難者は避難所に入れません。",
    "〇〇県の避難者は避難所に入れません。",
    "原発事故の避難者は受け入れできません。",
    "被災者の方の入店はご遠慮ください。",
]


@pytest.mark.parametrize("text", SHELTER_CAPACITY)
def test_a_full_shelter_is_not_a_refusal_of_evacuees(text: str) -> None:
    assert [f for f in _findings(text) if f[1] in ("error", "warning")] == [], text


@pytest.mark.parametrize("text", EVACUEES_SINGLED_OUT)
def test_evacuees_singled_out_by_where_they_came_from_are_still_refused(text: str) -> None:
    assert "prohibited.discrimination" in {c for c, _ in _findings(text)}, text
