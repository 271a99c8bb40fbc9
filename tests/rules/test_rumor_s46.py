"""prohibited.rumor, session 46's red team: a caution sharing only the report's place is not the report's call."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# The place named again in a caution to its people made any caution the report's own, so the unconfirmed report went out.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で停電が発生しているとの情報があります。確認中です。〇〇地区の皆さんは年末の飲酒運転にご注意ください",
        "高田地区で停電しているとの情報があり、確認中です。高田地区の皆さんはインフルエンザにご注意ください。",
        "春日山町で断水しているとの情報があります。確認中です。春日山町の皆様は空き巣にご注意ください。",
        "市内で停電が発生しているとの情報があり、確認中です。市内の皆さんは特殊詐欺にご注意ください。",
        "〇〇地区で土砂崩れがあったとの情報があり、確認中です。〇〇地区の方は火災にもご注意ください。",
        "〇〇町内で停電しているとの情報があり、確認中です。〇〇町内の皆さんは交通安全にご注意ください。",
    ],
)
def test_a_caution_sharing_only_the_place_does_not_let_the_report_through(text: str) -> None:
    assert findings_of("prohibited.rumor", text), text


# The report's own matter, or a caution its hazard brings on, told to the people of its place is still its call.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で停電が発生しているとの情報があり、確認中です。〇〇地区の皆さんは一酸化炭素中毒にご注意ください。",
        "〇〇地区で空き巣被害が相次いでいるとの情報があり、確認中です。〇〇地区の皆さんは空き巣にご注意ください。",
        "高田地区で断水しているとの情報があり、確認中です。高田地区の皆さんは熱中症にご注意ください。",
        "〇〇地区で土砂崩れがあったとの情報があり、確認中です。〇〇地区の皆さんは足元にご注意ください。",
        "〇〇地区で停電しているとの情報があり、確認中です。〇〇地区の皆さんは停電中の火災にもご注意ください。",
        "〇〇町で訪問販売の被害があったとの情報があります。確認中です。〇〇町の皆さんは悪質商法にご注意ください。",
        "〇〇地区でクマを目撃したとの情報があり、確認中です。〇〇地区の皆さんは登下校にご注意ください。",
    ],
)
def test_the_reports_own_caution_to_its_place_is_still_its_call(text: str) -> None:
    assert not findings_of("prohibited.rumor", text), text
