"""quote.third_party, session 46's red team: the state's regional offices cited as a source, and a private group named
after an agency."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# The coast guard's, the rivers' and roads', the labour and tax offices' notices are the state's own as 海上保安庁's
# are; a city citing them warned as if they were a newspaper.
@pytest.mark.parametrize(
    "text",
    [
        "出典：第九管区海上保安本部",
        "出典：第九管区海上保安本部「海の安全情報」",
        "（出典：新潟海上保安部）",
        "出典：北陸地方整備局",
        "出典：北陸地方整備局高田河川国道事務所",
        "（出典：北陸地方整備局、新潟県）",
        "出典：東京管区気象台",
        "出典：北陸信越運輸局",
        "出典：新潟労働局",
        "出典：上越労働基準監督署",
        "出典：ハローワーク上越",
        "出典：関東財務局新潟財務事務所",
        "出典：新潟地方法務局",
        "出典：高田税務署",
        "出典：関東信越国税局",
        "出典：自衛隊新潟地方協力本部",
        "出典：北陸農政局",
        "出典：関東森林管理局",
        "第九管区海上保安本部のXより：海水浴場での事故にご注意ください。",
        "北陸地方整備局のXより：国道8号の通行止め情報です。",
    ],
)
def test_a_regional_office_of_the_state_is_an_official_source(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


# A private group under an agency's or a place's name is no office: its word is another's to be checked.
@pytest.mark.parametrize(
    "text",
    [
        "出典：消費者庁応援団",
        "出典：気象庁応援団「てんきの会」",
        "出典：消防庁サポーターズ",
        "（出典：国土交通省ボランティア）",
        "出典：新潟県応援隊",
        "出典：上越市応援本部",
        "出典：高田まちづくり応援本部",
        "出典：上越市商店街振興局",
        "出典：第九管区海上保安本部ファンクラブ",
        "出典：新潟地方法務局OB会",
        "出典：新潟労働局、〇〇新聞",
        "第九管区海上保安本部のXより、写真をお借りしました。",
    ],
)
def test_a_private_group_named_after_an_agency_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text


# What the agency itself published, a title with such a word in it, stays its own.
@pytest.mark.parametrize(
    "text", ["出典：総務省「応援職員派遣制度の概要」", "出典：厚生労働省「ボランティア休暇制度について」"]
)
def test_a_title_naming_supporters_is_still_the_agencys(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


# A fan, a shop of an agency's goods, or one of its staff by name is a person's or a trader's word, not the agency's.
@pytest.mark.parametrize(
    "text",
    [
        "出典：気象庁マニア",
        "出典：自衛隊マニアの山田",
        "出典：消防庁グッズ専門店",
        "出典：新潟県職員の山田",
        "出典：気象庁職員の山田",
        "出典：自衛隊員のSNS",
    ],
)
def test_a_fan_a_shop_or_a_staff_member_named_after_an_agency_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text


# The agency's own papers about its staff, and the state's personnel and audit boards, are the state's.
@pytest.mark.parametrize(
    "text",
    ["出典：新潟県職員研修資料", "出典：総務省「地方公務員の職員数」", "出典：人事院「国家公務員の職員の給与」", "出典：会計検査院"],
)
def test_an_agencys_papers_about_its_staff_are_still_its_own(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


# Reviewer 5: 430abc67 read any 「職員の」「隊員の」 as one of the staff by name, so the body's own papers about its staff
# warned; a fan's diary or a shop hung on a state office's name went out silent.
@pytest.mark.parametrize(
    "text",
    [
        "出典：上越市 職員の給与",
        "出典：新潟県 職員の給与等に関する報告",
        "出典：新潟県ホームページ（県職員の健康づくり）",
        "出典：上越市消防本部救急隊員の手引き",
        "出典：新潟県警察本部 警察職員の採用案内",
    ],
)
def test_a_paper_about_the_bodys_staff_is_its_own(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


@pytest.mark.parametrize(
    "text",
    [
        "出典：ハローワーク通いの日記",
        "出典：自衛隊カレーの店",
        "出典：海上自衛隊カレー研究家",
        "出典：上越税務署前のパン屋",
        "出典：新潟県職員の山田",
        "出典：自衛隊員のSNS",
    ],
)
def test_a_fans_diary_or_a_shop_by_an_offices_name_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text
