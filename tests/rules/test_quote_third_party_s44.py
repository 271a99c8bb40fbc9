"""quote.third_party, session 44's red team: the bodies municipalities run together under the name of what they run,
and public bodies' own posts."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# A 一部事務組合 named for what it runs (the waste plant of several towns, their crematorium, their hospital) is a public
# body as 「…事務組合」 is: its garbage rules or its fees cited as the source warned as another's content.
@pytest.mark.parametrize(
    "text",
    [
        "ごみの分別表を更新しました（出典：〇〇衛生組合）",
        "出典：上越地域環境衛生組合",
        "出典：西秋川衛生組合",
        "出典：〇〇清掃組合",
        "出典：〇〇地域環境組合",
        "出典：〇〇衛生施設組合",
        "斎場の使用料が変わります（出典：〇〇斎場組合）",
    ],
)
def test_a_body_run_by_towns_together_cited_as_the_source_is_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


# Traders' and farmers' unions are no public body, whatever they deal with.
@pytest.mark.parametrize(
    "text",
    ["出典：新潟県理容生活衛生同業組合", "出典：〇〇農業協同組合", "出典：〇〇環境事業協同組合", "出典：〇〇衛生組合ファンクラブ"],
)
def test_a_union_of_traders_cited_as_the_source_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text
