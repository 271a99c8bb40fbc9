"""quote.third_party and prohibited.rumor, session 43's red team: public bodies and the city's schools as sources, and
a report being checked passed on with what to do to keep safe."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# A body several municipalities run together (一部事務組合・広域連合) is a public one, as a municipality or its fire
# service is: 「出典：」 naming it is the attribution its terms ask for, under 和気町 6's proviso (関係機関). It warned.
@pytest.mark.parametrize(
    "text",
    [
        "大雪による救急出動の状況です。出典：上越地域消防事務組合",
        "保険料の改定について（出典：新潟県後期高齢者医療広域連合）",
        "水道管の凍結にご注意ください。出典：上越地域広域水道企業団",
        "ごみ処理施設の搬入実績（出典：〇〇地区衛生施設事務組合ホームページ）",
    ],
)
def test_a_source_run_by_municipalities_together_is_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text)


@pytest.mark.parametrize(
    "text",
    [
        "今年の米の作柄です。出典：えちご上越農業協同組合",
        "出典：上越市商店街振興組合",
        "組合員の声（出典：〇〇労働組合）",
        "出典：上越地域消防事務組合ファンクラブ",
        "出典：上越地域消防事務組合、新潟日報",
    ],
)
def test_a_cooperative_or_a_union_as_the_source_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text)
