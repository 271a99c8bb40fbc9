"""quote.third_party, session 45's red team: a picture borrowed from a municipality's or a mayor's post, an official
account named without 「の」, and a joint body named for its towns."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# A picture borrowed from a neighbouring city's post warned from the prefecture's (「新潟県のXより、写真をお借りしました」)
# but not from a city's or a mayor's, any municipality's name being read as the city's own: its picture may be a
# resident's lent to that body alone all the same.
@pytest.mark.parametrize(
    "text",
    [
        "妙高市のXより、写真をお借りしました",
        "糸魚川市のインスタより写真をお借りしました📷",
        "妙高市役所のXより、花火の動画を転載させていただきました。",
        "妙高市長のXより、写真をお借りしました",
        "市長のXより、写真をお借りしました。",
    ],
)
def test_a_picture_borrowed_from_a_municipalitys_or_a_mayors_post_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text


# Their notices retold, and the city's own words, stay silent: a mayor by name is as often the city's own by surname
# (「中川市長」) as a neighbour's.
@pytest.mark.parametrize(
    "text",
    [
        "妙高市のXより：国道18号の通行止めが解除されました。",
        "上越市のXより：本日の除雪情報です。",
        "市長のブログより、今月のメッセージです。",
        "中川市長のXより：本日の定例記者会見です。",
        "市の公式Xの投稿より、写真を再掲します。",
        "先日の投稿より、写真を大きくしました。",
        "図書館のインスタより、新着図書を紹介します。",
    ],
)
def test_a_municipalitys_or_a_mayors_notice_retold_is_still_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


# An account named as 「〇〇公式X」 without 「の」 was not read at all: another's picture borrowed went out unasked.
@pytest.mark.parametrize(
    "text",
    [
        "妙高市公式Xより写真をお借りしました",
        "新潟県公式Xより、写真をお借りしました。",
        "上越観光コンベンション協会公式インスタグラムより：桜が開花しました",
    ],
)
def test_an_official_account_named_without_no_is_read(text: str) -> None:
    assert findings_of("quote.third_party", text), text


@pytest.mark.parametrize(
    "text", ["市公式Xより、写真を再掲します。", "妙高市公式Xより：国道18号の通行止めが解除されました。", "新潟県公式Xより：大雪に関する情報です。"]
)
def test_an_official_accounts_notice_named_without_no_is_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


# A joint body named for its towns with 「・」 (一部事務組合) was read as sources listed, its first towns no agency.
@pytest.mark.parametrize(
    "text",
    [
        "出典：小平・村山・大和衛生組合",
        "（出典：小平・村山・大和衛生組合）",
        "出典：柏崎・刈羽環境衛生組合",
        "出典：長岡・見附・出雲崎広域消防事務組合",
        "出典：気象庁・柏崎・刈羽環境衛生組合",
    ],
)
def test_a_joint_body_named_for_its_towns_is_an_official_source(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


@pytest.mark.parametrize(
    "text",
    ["出典：小平・村山・大和生活衛生同業組合", "出典：〇〇新聞・上越衛生組合", "出典：ウェザー・上越衛生組合", "出典：新潟日報・上越衛生組合"],
)
def test_another_listed_with_a_joint_body_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text


# State agencies a city's notices cite (a recall, a fraud, culture, the coast) were not on the list, and the source the
# government's terms ask for warned as another's content.
@pytest.mark.parametrize(
    "text",
    [
        "出典：消費者庁",
        "リコール情報（出典：消費者庁）",
        "出典：金融庁",
        "出典：文化庁「国語に関する世論調査」",
        "出典：海上保安庁",
        "出典：日本年金機構",
        "出典：国立感染症研究所",
    ],
)
def test_a_state_agency_cited_as_the_source_is_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


@pytest.mark.parametrize("text", ["出典：消費者庁ファンクラブ", "出典：金融庁OBのブログ", "出典：消費者庁、〇〇新聞"])
def test_another_hung_on_a_state_agencys_name_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text


# The city's own account named as 「市公式X」 (no 「の」 between) was read as another's: its own photos shown again warned.
@pytest.mark.parametrize(
    "text",
    [
        "市公式Xの投稿より、写真を再掲します。",
        "市公式インスタグラムの投稿より、人気の写真を再掲します。",
        "市公式Facebookの投稿より：先月の講座の様子です。",
        "町公式LINEの投稿より：今月のお知らせです。",
        "市公式アカウントの投稿より：",
    ],
)
def test_the_citys_own_official_account_is_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


@pytest.mark.parametrize("text", ["観光協会公式Xの投稿より：", "JR東日本公式Xの投稿より：", "〇〇さん公式Xの投稿より："])
def test_anothers_official_account_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text


# The city by its own name, which its account's approved hashtags give (「上越市」): its own account's pictures shown on
# its Instagram are its own, as 「市公式Xより」 are; a neighbour's, its mayor's, its residents' or its assembly's still warn,
# and with no such hashtag the city's name cannot be told from a neighbour's.
@pytest.mark.parametrize(
    "text", ["上越市のXより、写真を紹介します。", "上越市公式Xより、写真を紹介します。", "上越市公式Xの投稿より、写真を紹介します。"]
)
def test_the_citys_own_account_by_the_name_its_hashtags_give_is_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text, platform="instagram", hashtags_allowed=("上越市", "joetsu"))
    assert not findings_of("quote.third_party", text, platform="instagram", hashtags_allowed=("#上越市",))
    assert findings_of("quote.third_party", text, platform="instagram"), text


@pytest.mark.parametrize(
    "text",
    [
        "妙高市のXより、写真をお借りしました。",
        "妙高市公式Xより、写真を紹介します。",
        "上越市長のXより、写真をお借りしました。",
        "上越市民のXより、写真をお借りしました。",
        "上越市議会のXより、写真を紹介します。",
    ],
)
def test_another_account_beside_the_citys_own_name_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text, platform="instagram", hashtags_allowed=("上越市", "joetsu")), text


# 国民生活センター, which gathers consumer troubles for 消費者庁, is cited under a city's fraud and product warnings as the
# agency is; a club or a blog under its name, or a paper beside it, still warns.
@pytest.mark.parametrize(
    "text", ["出典：国民生活センター", "出典：国民生活センター「見守り新鮮情報」", "（出典：消費者庁、国民生活センター）"]
)
def test_the_national_consumer_affairs_center_is_an_official_source(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


@pytest.mark.parametrize(
    "text", ["出典：国民生活センターOB会", "出典：国民生活センター応援団のブログ", "出典：〇〇新聞、国民生活センター"]
)
def test_a_club_or_a_paper_beside_the_consumer_affairs_center_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text
