"""quote.third_party, session 44's red team: the bodies municipalities run together under the name of what they run,
and public bodies' own posts."""

from __future__ import annotations

import pytest

from tests.conftest import assert_stays_linear
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


# A public body's own post shown by where it comes from: the prefecture's, the state's, the police's warned while a
# neighbouring city's (「妙高市のXより」) was silent, the rule reading any municipality's name as the city's own. Both are
# 和気町 6's 関係機関 and reliable to 上越市 6(1)②, as the same bodies cited as 「出典：」 are: all are silent now.
@pytest.mark.parametrize(
    "text",
    [
        "新潟県のXより：大雪に関する気象情報が発表されています。",
        "新潟県の公式Xの投稿より：大雪に関する注意喚起です。",
        "新潟県公式Xの投稿より、除雪情報をお知らせします。",
        "新潟県防災のXより：避難所の開設状況です。",
        "県のXより：インフルエンザ注意報が発令されました。",
        "妙高市のXより：国道18号の通行止めが解除されました。",
        "気象庁のXより：大雪警報が発表されました。",
        "新潟地方気象台のXより：大雪に関する気象情報です。",
        "上越警察署のツイートより：特殊詐欺の電話が相次いでいます。",
        "新潟県警のXより：不審者情報です。",
        "上越地域消防事務組合のXより：火災予防週間です。",
    ],
)
def test_a_public_bodys_post_shown_is_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


# Its assembly, its head, its people, its university, a society or a paper under its name: another's word.
@pytest.mark.parametrize(
    "text",
    [
        "新潟県議会のXより：本会議の中継です。",
        "新潟県知事のXより：年頭のあいさつです。",
        "県議のXより：",
        "新潟県民のXより：雪がすごいです。",
        "新潟県立大学のXより：公開講座のお知らせです。",
        "新潟県観光協会のXより：紅葉が見頃です。",
        "妙高市観光協会のインスタグラムより、紅葉の写真をお借りしました。",
        "上越市民のXより：雪がすごいです。",
        "新潟日報のXより：市内で事故がありました。",
        "〇〇商店街のインスタより：セール開催中です。",
    ],
)
def test_another_under_a_public_bodys_name_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text


# A society of members under a place's name is no public body: 「新潟県」 before it was read as the prefecture, so its
# post or its figures cited went out unwarned, and a public body's posts (above) would have let them through.
@pytest.mark.parametrize(
    "text",
    [
        "新潟県医師会のXより：年末年始の当番医のお知らせです。",
        "出典：新潟県医師会",
        "新潟県弁護士会のXより：無料法律相談会のお知らせ",
        "出典：新潟県歯科医師会",
        "出典：上越市ＰＴＡ連合会",
        "上越市民の会のXより：",
    ],
)
def test_a_society_under_a_places_name_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text


# The body's own chamber, committees and sections are still the body.
@pytest.mark.parametrize(
    "text",
    ["出典：新潟県教育委員会", "出典：上越市農業委員会", "出典：上越市社会福祉課", "出典：新潟県議会", "出典：上越市選挙管理委員会",
     "出典：上越市会計課", "新潟県教育委員会のXより：", "新潟県上越地域振興局のXより：除雪状況です。"],
)
def test_the_bodys_own_committees_and_sections_are_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


# A person's post shown by where it comes from, named with an honorific: only 「さんの投稿より」 and its like were
# listed, so 「〇〇さんのインスタより」 went out unwarned though 「〇〇さんの投稿より」 warned.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇さんのインスタより、素敵な写真をお借りしました。",
        "妙高市の〇〇さんのXより：雪の高田城です。",
        "山田様のインスタグラムより、紅葉の写真をご紹介します。",
        "ハナちゃんのブログより：",
    ],
)
def test_a_persons_post_named_with_an_honorific_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text


@pytest.mark.parametrize("text", ["みなさんのインスタへの投稿をお待ちしています。", "皆さんのブログより上手な写真を撮るには"])
def test_no_post_shown_with_an_honorific_is_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


# 9741c3cf's …会 as another's read a body's own councils and meetings, and any 会 in the title a source names, as a
# society of members: a ministry's study group or the city's meeting cited as the source warned as another's content.
@pytest.mark.parametrize(
    "text",
    [
        "出典：厚生労働省「〇〇に関する検討会」資料",
        "出典：環境省「中央環境審議会 循環型社会部会」資料",
        "出典：内閣府「防災に関する有識者懇談会」報告書",
        "出典：新潟県 〇〇審査会",
        "出典：上越市「〇〇説明会」資料",
        "出典：上越市「敬老会」参加者数",
        "出典：新潟県「全国大会」",
    ],
)
def test_a_bodys_own_council_or_a_title_naming_a_meeting_is_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


# A society under a place's name is still another's, in a title or not.
@pytest.mark.parametrize(
    "text", ["出典：上越市町内会", "出典：新潟県薬剤師会", "出典：上越市 区長会", "出典：上越市子ども会「会報」"]
)
def test_a_society_outside_a_title_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text


# b82842b5 spared a public body's post its facts (和気町 6's 関係機関), but a picture borrowed from it may be a resident's
# or a photographer's, lent to the body alone: SPEC's quote.third_party asks for the rights as well.
@pytest.mark.parametrize(
    "text",
    [
        "新潟県のXより、写真をお借りしました。",
        "新潟県のインスタグラムより、紅葉の写真をお借りしました。",
        "新潟県のXより、高田城址公園の桜の写真をご紹介します。",
        "上越警察署のツイートより画像を拝借しました。",
    ],
)
def test_a_picture_borrowed_from_a_public_bodys_post_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text


@pytest.mark.parametrize(
    "text", ["気象庁のXより、レーダー画像です。", "上越警察署のツイートより：特殊詐欺の手口を紹介します。"]
)
def test_a_public_bodys_post_shown_without_borrowing_a_picture_is_still_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


# A long paste without a full stop is one sentence: each public body's post in it read the whole sentence again for a
# picture borrowed (「新潟県のXより、」 repeated: 40,000 characters 12 times slower than 10,000).
@pytest.mark.parametrize("shape", ["新潟県のXより、", "気象庁のXより：大雪警報、"])
def test_a_long_paste_of_public_bodies_posts_stays_linear(shape: str) -> None:
    assert_stays_linear(lambda text: findings_of("quote.third_party", text), shape)


# b82842b5 read any name beginning with a public body's as the body's own account: a person or a thing only named
# after it went out unwarned, while the body's own offices stay silent.
@pytest.mark.parametrize(
    "text", ["新潟県職員のXより：大雪の様子です。", "新潟県出身タレント山田のXより：", "上越市観光キャラクターのXより："]
)
def test_a_person_named_after_a_public_body_warns(text: str) -> None:
    assert findings_of("quote.third_party", text), text


@pytest.mark.parametrize(
    "text", ["新潟県警のXより：", "新潟県上越地域振興局のXより：", "長岡市消防本部のXより：", "国土交通省北陸地方整備局のXより："]
)
def test_a_public_bodys_own_office_is_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text), text


# A municipality's assembly is as official a source as the prefecture's (「出典：新潟県議会」 was silent, 「出典：上越市議会」
# warned): minutes and figures it publishes. One member, of either, is another's word.
@pytest.mark.parametrize("text", ["出典：上越市議会", "出典：上越市議会だより", "出典：妙高市議会", "出典：新潟県議会"])
def test_an_assembly_as_the_source_is_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text)


@pytest.mark.parametrize(
    "text",
    ["出典：新潟県議 山田太郎", "出典：上越市議のブログ", "出典：上越市議会議員 山田太郎", "出典：新潟県議会議員 鈴木", "上越市議会のXより："],
)
def test_a_member_of_an_assembly_as_the_source_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text)
