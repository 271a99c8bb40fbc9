"""The personal-information rules, session 45: pii.address and pii.phone red-teamed with what a city's 広報 staff post
(giveaways, hotel welcome boards, history walks, police reports) and the homes and mobiles such a post may give away.

上越市 5(4), 和気町 個人情報: a resident's door given by a flat's room or a street number said with 「の」, or a mobile
spelled out digit by digit, must be found, while a district after a place's address, a group of guests and a figure
of history must stay silent.
"""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx

PII = ("pii.phone", "pii.email", "pii.my_number", "pii.card_number", "pii.address")


def _pii(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.excerpt) for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code in PII]


# The line a finding is on is found from the draft's newlines, found once (Document.line_start), where each finding
# scanned back over its line: a long one-line paste of the shapes that read a line's start stays linear, and so does one
# of a flat's room read with no street number, a street number joined by 「の」 and spelled digits set apart by dots.
@pytest.mark.parametrize(
    ("rule", "shape"),
    [
        ("address", "Mr. Taro Yamada, 3-12-5 Minami-Honcho, "),
        ("address", "氏名,住所,山田花子,本町3-4-5,"),
        ("card_number", "受付番号 4556 7375 8689 9855 "),
        ("my_number", "1234 5678 9018 "),
        ("address", "コーポ上越 203 山田さん、"),
        ("address", "コーポ上越20"),
        ("address", "本町3の4の5の山田さん宅、"),
        ("address", "平成 15-4-1 山田太郎（入庁）"),
        ("phone", "ゼロ・キュウ・"),
    ],
)
def test_the_line_start_readings_stay_linear_on_a_long_paste(rule: str, shape: str) -> None:
    from bot.rules import pii
    from bot.rules.model import RuleOptions
    from bot.rules.text import Document
    from tests.conftest import assert_stays_linear, repeated_to

    scan = getattr(pii, rule)
    docs = {text: Document(text) for text in (repeated_to(shape, n) for n in (10_000, 40_000))}
    for doc in docs.values():
        assert doc.tokens  # analysed beforehand: the rule's own scan is timed
    policy = ctx(platform="x", policy=CITY_POLICY)
    assert_stays_linear(lambda text: sum(1 for _ in scan(docs[text], policy, RuleOptions())), shape)


# A place to hand a thing over gives the giver's door, in any city: a word the analyser reads as a surname after its
# address is the giver's, though 上越市 has a district of that name (高田, 吉川, 和田, 柿崎, 板倉, 金谷, 直江津), the first
# of them common surnames in every prefecture. No one city's list of districts silences them, nor (session 46,
# test_pii_s46.py) the analyser's reading a surname as a place (大島, 春日): a district is written before the street number.
@pytest.mark.parametrize(
    "text",
    [
        "受取場所：中央1-2-3 田中",
        "受取場所：中央1-2-3 和田",
        "【譲ります】ベビーカー。受取場所：本町3-4-5 吉川",
        "受取場所：本町3-4-5 柿崎",
        "受取場所：栄町1-2-3 金谷",
        "受取場所：本町3-4-5 高田",
        "【譲ります】ベビーベッド。受取場所：本町3-4-5 高田",
        "引き取り場所：中央1-2-3 直江津",
    ],
)
def test_a_surname_after_a_handover_place_warns_whatever_district_bears_it(text: str) -> None:
    assert [code for code, _ in _pii(text)] == ["pii.address"]


@pytest.mark.parametrize("text", ["避難所：中央1-2-3 直江津", "バス停 本町3-4-5 春日"])
def test_a_district_after_a_places_address_is_silent(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("受取場所：本町3-4-5 佐藤", "本町3-4-5"),
        ("受け渡し場所：本町3-4-5 山田", "本町3-4-5"),
        ("連絡先：本町3-4-5 高田", "本町3-4-5"),
        ("【迷子】柴犬を保護しています。本町3-4-5 高田まで", "本町3-4-5"),
    ],
)
def test_a_surname_after_a_handover_place_still_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


# A party under one name on a floor is a hotel's or a hall's guests, as its welcome board gives them (パレス names a hall
# as often as a flat); one resident named on a flat's floor still warns.
@pytest.mark.parametrize("text", ["パレス上越 3階の山田様ご一行", "パレス上越 2階の山田様ご一同", "パレス上越 3階 山田様御一行"])
def test_a_party_on_a_floor_is_silent(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(
    "text",
    ["パレス上越 3階の山田様", "ハイツ本町 3階の山田さん宅から出火", "ハイツ本町 3階の山田さん一家", "ハイツ本町 3階の山田様ご一家"],
)
def test_a_resident_on_a_floor_still_warns(text: str) -> None:
    assert [c for c, _ in _pii(text)] == ["pii.address"]


# A figure's life story tells where they grew up by a period of their life (「20歳のころまで」「幼いころ」): a landmark, as
# 「かつて」 makes it. A resident of today, given by an age band or bracket, a victim's word, or a name with an honorific
# right after, still warns.
@pytest.mark.parametrize(
    "text",
    [
        "作家の坂口安吾が20歳のころまで本町3-4-5に住んでいた",
        "俳人の中村草田男が幼いころ本町3-4-5に住んでいました。記念碑があります。",
        "画家の小林古径は若いころ本町3-4-5に住んでいました。",
    ],
)
def test_a_figure_who_lived_there_in_a_period_of_life_is_silent(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("幼いころから本町3-4-5に住んでいた山田花子さんが亡くなりました。", "本町3-4-5"),
        ("20歳のころまで本町3-4-5に住んでいた女性（82）が名乗り出ました。", "本町3-4-5"),
        ("子どものころから本町3-4-5に住んでいた80代の女性が被害に遭いました。", "本町3-4-5"),
        ("若いころ本町3-4-5に住んでいた男性が、息子を名乗る男に現金をだまし取られました。", "本町3-4-5"),
    ],
)
def test_a_resident_of_today_beside_a_period_of_life_still_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


# A flat's name with a room's number and a resident (no street number before it), or a resident said to live on its
# floor: the household's door. A year after the name, a let or public room, a hotel's room and a party stay silent.
@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("ハイツ本町 3階に住む山田さん", "ハイツ本町 3階"),
        ("ハイツ本町 3階在住の佐藤様", "ハイツ本町 3階"),
        ("コーポ上越 203 山田さん", "コーポ上越 203"),
        ("コーポ上越203号室の山田さんが保護しています", "コーポ上越203号室"),
        ("メゾン五智 102 佐藤様宅", "メゾン五智 102"),
        ("アパート大手 201号室 鈴木様", "アパート大手 201号室"),
        ("グランドマンション本町 1203号室に住む鈴木様", "グランドマンション本町 1203号室"),
    ],
)
def test_a_resident_by_a_flats_room_or_floor_warns(text: str, excerpt: str) -> None:
    assert _pii(text) == [("pii.address", excerpt)]


@pytest.mark.parametrize(
    "text",
    [
        "ハイツ本町 2024 山田さん設計",
        "コーポ上越 203号室 にて相談会（市営住宅の入居者向け）",
        "【市営住宅入居者募集】ハイツ本町 203号室（2LDK）山田様",
        "ホテルパレス上越 201号室 山田様",
        "パレス上越 201 山田様ご一行",
        "会場：レジデンス本町 101 山田さんの教室",
        "山田荘 12号室 空室あり 担当 佐藤さん",
        "近所のアパート 201号室の山田さん",
    ],
)
def test_a_room_that_is_no_residents_door_is_silent(text: str) -> None:
    assert _pii(text) == []


# A street number said with 「の」 between its groups (「本町３の４の５」) is the same door; a list's order, an ordinal, a
# count and an address with no one beside it stay silent.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("本町３の４の５の山田さん宅", "本町３の４の５"),
        ("本町3の4の5 山田花子様", "本町3の4の5"),
        ("当選者：大手町2の3の4 佐藤一郎様", "大手町2の3の4"),
        ("自宅は本町3の4の5です", "本町3の4の5"),
    ],
)
def test_a_street_number_joined_by_no_warns(text: str, address: str) -> None:
    assert _pii(text) == [("pii.address", address)]


@pytest.mark.parametrize(
    "text",
    [
        "本町3の4の5番地付近は工事のため通行止めです",
        "4の3の2の順で並んでください",
        "第1の2の3 山田さん",
        "高田小3の2の5人が山田先生と",
        "本町3の4の5番地の市民会館で山田花子さんの講演会",
    ],
)
def test_numbers_joined_by_no_that_are_no_home_are_silent(text: str) -> None:
    assert _pii(text) == []


# 昭和 and 平成 are towns' names too (上越市昭和町), and read so glued to the numbers: a space between them is no date of
# the era unless a birthday says so (「昭和 3-4-5生」). 令和's numbers are a date of today.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("昭和 3-4-5 山田花子様", "昭和 3-4-5"),
        ("当選者：平成 2-3-4 佐藤一郎様", "平成 2-3-4"),
        ("住所：昭和 1-2-3 山田花子", "昭和 1-2-3"),
        ("住所：昭和 1-2-3 山田花子（昭和30年生まれ）", "昭和 1-2-3"),
    ],
)
def test_an_eras_name_as_a_town_before_a_space_warns(text: str, address: str) -> None:
    assert _pii(text) == [("pii.address", address)]


@pytest.mark.parametrize(
    "text",
    [
        "昭和 30-5-1 生まれの方が対象です",
        "山田花子様（昭和 3-4-5生）",
        "昭和 3-4-5生 山田花子",
        "令和 7-12-1 山田花子様より寄付をいただきました",
        "平成 31-4-30 をもって閉館しました",
    ],
)
def test_an_eras_date_is_silent(text: str) -> None:
    assert _pii(text) == []


# A staff list's, a form's or an obituary's date of the era beside a name, a date's word on its line (入庁, 生年月日, 享年):
# the date of a life or a career, not the town.
@pytest.mark.parametrize(
    "text",
    [
        "平成 15-4-1 山田太郎（入庁）",
        "平成 2-4-1 採用 佐藤一郎",
        "生年月日：昭和 30-5-1 山田花子",
        "昭和 30-5-1 山田花子様（享年90）",
    ],
)
def test_an_eras_date_of_a_life_or_a_career_beside_a_name_is_silent(text: str) -> None:
    assert _pii(text) == []


# A news report lists a person by commas after the street number (「本町3-4-5在住、無職、山田太郎（70）」): the household, as
# 「本町3-4-5の無職、山田花子さん（82）」 is. Audiences with a bracket that is no age stay silent.
@pytest.mark.parametrize(
    "text",
    [
        "本町3-4-5在住、無職、山田太郎（70）",
        "上越市本町3-4-5、無職、山田太郎さん（70）が死亡しました",
        "本町3-4-5、会社員、山田太郎容疑者（45）を逮捕しました",
        "本町3-4-5在住、女性（82）",
    ],
)
def test_a_news_listing_by_commas_warns(text: str) -> None:
    assert [c for c, _ in _pii(text)] == ["pii.address"]


@pytest.mark.parametrize(
    "text",
    [
        "会場：本町3-4-5、女性（20〜40代）向けセミナー",
        "本町3-4-5、高齢者（65歳以上）の方は予約不要です",
        "本町3-4-5在住、児童（小学生）の皆さんへ",
    ],
)
def test_an_audience_after_a_comma_is_silent(text: str) -> None:
    assert _pii(text) == []


# A mobile's digits spelled out with middle dots between them (「ゼロ・キュウ・ゼロ-1234-5678」), as a number is spelled to
# be read aloud: the dots are no separators of its groups. Words with ゼロ and dots stay silent.
@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("ゼロ・キュウ・ゼロ-1234-5678", "ゼロ・キュウ・ゼロ-1234-5678"),
        ("連絡先はゼロ・キュウ・ゼロの1234の5678です", "ゼロ・キュウ・ゼロの1234の5678"),
        ("携帯：ゼロ・ハチ・ゼロ・1234・5678", "ゼロ・ハチ・ゼロ・1234・5678"),
        ("ゼロ･ナナ･ゼロ-1234-5678", "ゼロ･ナナ･ゼロ-1234-5678"),
        ("ゼロ・キュー・ゼロ-1234-5678", "ゼロ・キュー・ゼロ-1234-5678"),
    ],
)
def test_a_mobile_spelled_with_middle_dots_stops(text: str, excerpt: str) -> None:
    assert _pii(text) == [("pii.phone", excerpt)]


@pytest.mark.parametrize(
    "text",
    [
        "ゼロ・カーボン・シティ宣言を行いました",
        "ゼロ・ウェイスト宣言 090-1234 号",
        "殺処分ゼロ・ゼロ・ゼロ運動 1234-5678",
        "ゼロ・キュウ・ゼロで始まる番号からの電話に注意",
    ],
)
def test_zero_words_with_middle_dots_are_silent(text: str) -> None:
    assert _pii(text) == []


# 「の」 between the flat's name and its floor or room, and a wing's letter before the room, give the same door.
@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("コーポ上越の203号室に住む山田さん", "コーポ上越の203号室"),
        ("ハイツ本町の3階の山田さん", "ハイツ本町の3階"),
        ("メゾン五智 B-102 山田様", "メゾン五智 B-102"),
        ("メゾン五智 A102号室の佐藤さん", "メゾン五智 A102号室"),
    ],
)
def test_a_flats_room_after_no_or_a_wing_warns(text: str, excerpt: str) -> None:
    assert _pii(text) == [("pii.address", excerpt)]


@pytest.mark.parametrize(
    "text", ["マンションの101号室の山田さん", "ハイツ本町の2024年度 山田さん", "コーポ上越の 20 周年 山田さん"]
)
def test_a_flat_with_no_name_or_no_room_after_no_is_silent(text: str) -> None:
    assert _pii(text) == []


# A hall's function on a floor (a wedding's families, a banquet) is no resident's door, パレス naming a wedding hall as
# often as a flat.
@pytest.mark.parametrize(
    "text",
    [
        "【ご案内】パレス上越 3階 山田様・佐藤様ご両家 結婚披露宴",
        "パレス上越 3階の山田様 祝賀会",
    ],
)
def test_a_halls_function_on_a_floor_is_silent(text: str) -> None:
    assert _pii(text) == []


# A newspaper's style sets the age and the home apart with 「＝」 (「山田太郎さん（78）＝本町3-4-5」), as a 叙勲 list copied
# from it has them.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("【叙勲】瑞宝単光章　山田太郎さん（78）＝本町3-4-5", "本町3-4-5"),
        ("山田太郎さん（78）＝上越市本町3-4-5＝が受章", "上越市本町3-4-5"),
    ],
)
def test_a_home_set_apart_by_an_equals_sign_warns(text: str, address: str) -> None:
    assert _pii(text) == [("pii.address", address)]


# A flat's room after a street number is one door and one finding (the street number's, reaching the room), not a
# second one on the flat's name and room.
def test_a_flats_room_after_a_street_number_is_one_finding() -> None:
    text = "落とし物を拾ってくださった方：本町3-4-5 ハイツ本町102号室 佐藤さん"
    assert _pii(text) == [("pii.address", "本町3-4-5 ハイツ本町102号室")]


# A surname with 「宅」 glued to it after the street number is the household (「受取場所：本町3-4-5 佐藤宅」), under any label
# and whatever the district a surname may also be; 「帰宅」「在宅」 and a venue's are no one's.
@pytest.mark.parametrize(
    "text", ["【譲ります】受取場所：本町3-4-5 佐藤宅", "受取場所：本町3-4-5 高田宅", "本町3-4-5 山田宅"]
)
def test_a_surnames_house_after_the_street_number_warns(text: str) -> None:
    assert _pii(text) == [("pii.address", "本町3-4-5")]


@pytest.mark.parametrize("text", ["本町3-4-5 帰宅", "本町3-4-5 在宅", "会場：本町3-4-5 山田宅"])
def test_no_surnames_house_after_the_street_number_is_silent(text: str) -> None:
    assert _pii(text) == []
