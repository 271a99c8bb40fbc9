"""The personal-information rules, session 46: pii.phone and pii.address red-teamed with what a city's 広報 staff post
(honours lists, shelters, venues with rooms, recruiting, fire reports, giveaways) and the homes and mobiles such a post
may give away.

上越市 5(3), 和気町 個人情報: a resident's mobile spelled out word by word in kana, a flat's room with a full name, a street
number said in kanji joined by 「の」, a giver's name after a handover place and a resident named on a burning flat's
floor must be found, while an honours list by town, a hall's room and a company's address stay silent.
"""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx

PII = ("pii.phone", "pii.email", "pii.my_number", "pii.card_number", "pii.address")


def _pii(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.excerpt) for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code in PII]


# A mobile read out over the phone and typed as heard, every digit a word in hiragana or katakana (「ぜろきゅうぜろ
# いちにさんよん ごろくななはち」), hides it from a search as the ゼロ of 「ゼロハチゼロ-1234-5678」 does: eleven digit words
# in a mobile's shape are nothing else. 0 is ぜろ, れい or まる; 4 し or よん; 7 しち or なな; 9 く or きゅう.
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("連絡先：ぜろきゅうぜろ いちにさんよん ごろくななはち", "ぜろきゅうぜろ いちにさんよん ごろくななはち"),
        ("ぜろきゅうぜろ-いちにさんよん-ごろくななはち", "ぜろきゅうぜろ-いちにさんよん-ごろくななはち"),
        ("ゼロキュウゼロ イチニサンヨン ゴロクナナハチ", "ゼロキュウゼロ イチニサンヨン ゴロクナナハチ"),
        ("れいはちれい いちにさんよん ごろくななはち までお電話ください", "れいはちれい いちにさんよん ごろくななはち"),
        ("まるきゅうまる、いちにさんし、ごろくしちはち", "まるきゅうまる、いちにさんし、ごろくしちはち"),
        ("ぜろきゅうぜろ-1234-5678に電話してね", "ぜろきゅうぜろ-1234-5678"),
        ("携帯はぜろななぜろのいちにさんよんのごろくななはちです", "ぜろななぜろのいちにさんよんのごろくななはち"),
        ("ぜろきゅうぜろ いちにさんよん ごろくななはちにお電話ください", "ぜろきゅうぜろ いちにさんよん ごろくななはち"),
        ("電話 まるきゅうまる の いちにさんし の ごろくななはち", "まるきゅうまる の いちにさんし の ごろくななはち"),
        ("携帯：ぜろはちぜろ・いち・に・さん・よん・ご・ろく・なな・はち", "ぜろはちぜろ・いち・に・さん・よん・ご・ろく・なな・はち"),
        ("ゼロ キュウ ゼロ イチ ニ サン ヨン ゴ ロク ナナ ハチ に電話", "ゼロ キュウ ゼロ イチ ニ サン ヨン ゴ ロク ナナ ハチ"),
    ],
)
def test_a_mobile_spelled_out_in_kana_is_found(text: str, number: str) -> None:
    found = [f for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code in PII]
    assert [(f.code, text[f.start : f.end]) for f in found] == [("pii.phone", number)]


# Kana digit words are every sentence's particles and words (「に」「ご」「く」「し」): only the whole of a mobile's shape,
# from its spelled zero, is a number.
@pytest.mark.parametrize(
    "text",
    [
        "ゼロカーボンシティ上越、きゅうきゅう車の適正利用にご協力ください",
        "まるごと上越、にぎわいのまちづくり",
        "れいわ7ねん　きゅうにさんがつ",
        "ぜろさいじ　いちにちごはん",
        "ゼロキュウゼロ イチニサン",
        "ぜろきゅうぜろ いちにさんよん ごろくなな",
        "ぜろきゅうぜろ ぜろにさんよん ごろくななはち",
        "ぜろ・に・さん・ご・ろく・なな・はち・きゅう・いち・に・さん",
        "ぜろ、いち、に、さん、しー！",
    ],
)
def test_kana_words_not_in_a_mobiles_shape_are_silent(text: str) -> None:
    assert _pii(text) == []


# A long paste of spelled digits is one run: read once, whatever its length.
@pytest.mark.parametrize("shape", ["ぜろきゅうぜろ いち", "ぜろ", "まる、", "ぜろきゅうぜろ いちにさんよん ごろくななはちに"])
def test_spelled_digits_stay_linear_on_a_long_paste(shape: str) -> None:
    from bot.rules import pii
    from bot.rules.model import RuleOptions
    from bot.rules.text import Document
    from tests.conftest import assert_stays_linear, repeated_to

    docs = {text: Document(text) for text in (repeated_to(shape, n) for n in (10_000, 40_000))}
    policy = ctx(platform="x", policy=CITY_POLICY)
    assert_stays_linear(lambda text: sum(1 for _ in pii.phone(docs[text], policy, RuleOptions())), shape)


# A room's number with a full name after it, no honorific (「コーポ上越 203号 山田太郎」), as a list or an address label
# gives the resident, is the door and who is behind it, as 「コーポ上越 203 山田さん」 has warned since session 45.
@pytest.mark.parametrize(
    ("text", "flat"),
    [
        ("コーポ上越 203号 山田太郎", "コーポ上越 203号"),
        ("コーポ上越 203号室 山田太郎（80）", "コーポ上越 203号室"),
        ("メゾン五智 102 佐藤花子", "メゾン五智 102"),
        ("見守り対象：ハイツ本町 201号 佐藤 花子", "ハイツ本町 201号"),
        ("コーポ上越の203号室 山田太郎", "コーポ上越の203号室"),
    ],
)
def test_a_full_name_after_a_flats_room_warns(text: str, flat: str) -> None:
    assert _pii(text) == [("pii.address", flat)]


# A floor with a name is a shop's, a hall's or an office's as often, and a name glued to a noun is a business; a room let
# or a hall's room names no resident.
@pytest.mark.parametrize(
    "text",
    [
        "コーポ上越 2F 山田太郎税理士事務所",
        "ハイツ本町 3階 山田太郎",
        "コーポ上越 203号室 山田太郎法律事務所",
        "【入居者募集】ハイツ本町 201号室 家賃4万円 担当 山田太郎",
        "市民プラザ 201号室 講師 山田太郎",
        "コーポ上越 203号 大島",
    ],
)
def test_a_name_after_a_floor_or_a_business_room_is_silent(text: str) -> None:
    assert _pii(text) == []


# A street number said in kanji digits joined by 「の」 (「本町三の四の五 山田花子様」), as 「本町3の4の5」 has warned: a number
# read out and written down.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("本町三の四の五 山田花子様", "本町三の四の五"),
        ("本町三の四の五の山田さん宅", "本町三の四の五"),
        ("落とし物は仲町四の五の六の佐藤さん宅でお預かりしています", "仲町四の五の六"),
        ("当選者：大手町二の十二の三 鈴木一郎様", "大手町二の十二の三"),
    ],
)
def test_a_street_number_in_kanji_joined_by_no_warns(text: str, address: str) -> None:
    assert _pii(text) == [("pii.address", address)]


@pytest.mark.parametrize(
    "text",
    [
        "【歴史】三の丸・二の丸・本丸跡を巡るウォーキング 講師 山田太郎さん",
        "四の五の言わずに参加しよう！山田さんより",
        "体操は一の二の三で跳びます。指導：山田花子さん",
        "第一の二の三 山田花子様",
        "会場：本町三の四の五 市民プラザ",
        "本町三の四の五人組 山田さん",
    ],
)
def test_kanji_digits_joined_by_no_that_are_no_home_are_silent(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(
    "shape",
    [
        "本町三の四の五の山田さん宅、",
        "三の四の",
        "コーポ上越 203号 山田太郎、",
        "ハイツ本町3階で火災、住人の山田",
        "ハイツ本町3階で救助訓練、住人の無職の山田",
        "株式会社上越 本町3-4-5の山田宛、",
        "上越荘 201号室にお住まいの皆様へ",
        "コーポ上越 203号 山田太郎 様 ",
    ],
)
def test_the_new_address_readings_stay_linear_on_a_long_paste(shape: str) -> None:
    from bot.rules import pii
    from bot.rules.model import RuleOptions
    from bot.rules.text import Document
    from tests.conftest import assert_stays_linear, repeated_to

    docs = {text: Document(text) for text in (repeated_to(shape, n) for n in (10_000, 40_000))}
    for doc in docs.values():
        assert doc.tokens
    policy = ctx(platform="x", policy=CITY_POLICY)
    assert_stays_linear(lambda text: sum(1 for _ in pii.address(docs[text], policy, RuleOptions())), shape)


# Under a handover place's label the word after the address is the giver's surname, though the analyser reads it as a
# place (大島, 春日, 頸城 are districts of 上越市 and surnames everywhere): a district is written before the street number.
@pytest.mark.parametrize(
    "text",
    [
        "受取場所：中央1-2-3 大島",
        "引き取り場所：本町3-4-5 春日",
        "【譲ります】子ども用自転車。受け渡し場所：仲町4-5-6 大島",
        "お渡し場所は本町3-4-5 春日",
    ],
)
def test_a_surname_the_analyser_reads_as_a_place_after_a_handover_place_warns(text: str) -> None:
    assert [code for code, _ in _pii(text)] == ["pii.address"]


# Elsewhere a place's name after an address is its district or its landmark, and under a handover label a facility's
# common noun or a place of more than one word is where to go.
@pytest.mark.parametrize(
    "text",
    [
        "避難所：中央1-2-3 大島",
        "受付場所：中央1-2-3 大島",
        "受取場所：本町3-4-5 市民プラザ",
        "受取場所：中央1-2-3 公民館",
        "受取場所：本町3-4-5 高田駅",
        "受取場所：本町3-4-5 大島区",
        "受取場所：木田1-1-3 上越市役所",
        "連絡先：中央1-2-3 大島区総合事務所",
    ],
)
def test_a_place_after_an_address_is_silent(text: str) -> None:
    assert _pii(text) == []


# A fire or a rescue on a named flat's floor with a resident named further on (「グランドマンション上越3階で火災、住人の山田さん
# が救助されました」) gives the home as 「ハイツ本町 3階の山田さん宅から出火」 does: the building, the floor and the name. Decided
# silent in session 45; it warns now, the approver checking the resident's consent or leaving the name out.
@pytest.mark.parametrize(
    ("text", "flat"),
    [
        ("グランドマンション上越3階で火災、住人の山田さんが救助されました", "グランドマンション上越3階"),
        ("〇〇マンション3階で火災、住人の山田さんが救助されました", "〇〇マンション3階"),
        ("ハイツ本町3階で火災があり、住人の佐藤花子さん（80）が病院に搬送されました", "ハイツ本町3階"),
        ("コーポ上越2階の一室から出火し、この部屋に住む山田太郎さん（80）が搬送されました", "コーポ上越2階"),
        ("メゾン五智 4F で火災がありました。入居者の鈴木様が軽いけがをしました。", "メゾン五智 4F"),
    ],
)
def test_a_resident_named_after_a_flats_floor_in_a_report_warns(text: str, flat: str) -> None:
    assert _pii(text) == [("pii.address", flat)]


@pytest.mark.parametrize(
    "text",
    [
        "【火災】マンション3階で火災が発生しました。住人の方は全員避難しました。",
        "グランドマンション上越3階で火災、住人の方は全員避難し、けが人はいません",
        "ハイツ本町2階で火災。住民の皆さんと消防署の山田さんが消火にあたりました",
        "ハイツ本町 1階 集会所で防災講座。入居者の佐藤さんが講師を務めます",
        "コーポ上越 1階 集会室にて、居住者の皆様向けの説明会を開きます。担当 山田",
        "ホテルパレス上越 3階で火災報知器が作動。宿泊者の山田様ほか全員避難",
        "近所のアパートの2階で火災、住人の山田さんが救助されました",
    ],
)
def test_a_floor_with_no_resident_named_or_a_shared_room_is_silent(text: str) -> None:
    assert _pii(text) == []


# A postal code between the contact's or the handover's label and the address (「送り先：〒943-0832 本町3-4-5 佐藤」), as a
# LINE post or an address label writes it, leaves the label the address's: the surname after it signs the door.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("送り先：〒943-0832 本町3-4-5 佐藤", "本町3-4-5"),
        ("送り先：〒943-0832 上越市本町3-4-5 佐藤", "上越市本町3-4-5"),
        ("連絡先：〒943-0832 本町3丁目4番5号 山田", "本町3丁目4番5号"),
        ("【譲ります】ベビーベッド。受取場所：〒９４３－０８３２ 本町3-4-5 佐藤", "本町3-4-5"),
        ("受取場所：郵便番号 943-0832 中央1-2-3 大島", "中央1-2-3"),
    ],
)
def test_a_surname_after_a_postal_code_and_an_address_under_a_contact_label_warns(text: str, address: str) -> None:
    assert _pii(text) == [("pii.address", address)]


@pytest.mark.parametrize(
    "text",
    [
        "会場：〒943-0832 本町3-4-5 高田",
        "〒943-8601 上越市木田1-1-3 上越市役所 広報対話課",
        "LINE登録はこちら。〒943-8601 上越市木田1丁目1番3号 上越市役所",
        "避難所：〒942-0001 中央1-2-3 直江津",
    ],
)
def test_a_postal_code_before_a_places_address_is_silent(text: str) -> None:
    assert _pii(text) == []


# A resident named after a floor is tied to it only by a fire, a rescue or a crime reported between them: otherwise the
# resident is as often at an event held there. And a full name after a room ends its entry: a word after it makes it an
# exhibition's or a business's title.
@pytest.mark.parametrize(
    "text",
    [
        "パレス上越 2階 大ホールで、地域住民の山田太郎さんによる講演会を開きます",
        "パレス上越 2階で、住民の山田さんによる昔話の会",
        "【地域の茶の間】ハイツ本町 1階の多目的室で開催。住民の山田さんが手作りのお菓子を用意します",
        "【防災訓練】グランドマンション上越 3階から避難はしごで降りる訓練。住民の山田さんが参加しました",
        "コーポ上越 1F で町内会の防犯講座。講師は住人の佐藤さん",
        "ヴィラ上越 101 山田太郎 作品展",
    ],
)
def test_a_resident_at_an_event_on_a_floor_or_a_title_after_a_room_is_silent(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(
    ("text", "flats"),
    [
        ("ハイツ本町3階の一室から出火、住人の山田太郎さん（80）が死亡しました", ["ハイツ本町3階"]),
        ("メゾン五智 102 佐藤花子、ハイツ本町 201 鈴木一郎", ["メゾン五智 102", "ハイツ本町 201"]),
        ("コーポ上越 203号 山田太郎 宛", ["コーポ上越 203号"]),
    ],
)
def test_a_resident_after_an_incident_or_a_name_ending_its_entry_still_warns(text: str, flats: list[str]) -> None:
    assert _pii(text) == [("pii.address", flat) for flat in flats]


# A given name in katakana after the surname (「山田トメさん」), as an older woman's often is, names the resident of a room or
# a floor as a kanji one does.
@pytest.mark.parametrize(
    ("text", "flat"),
    [
        ("【見守り】ハイツ本町 102号室 山田トメさん（85）の安否確認をお願いします", "ハイツ本町 102号室"),
        ("コーポ上越 3階の佐藤ハナ様", "コーポ上越 3階"),
    ],
)
def test_a_katakana_given_name_on_a_flats_room_or_floor_warns(text: str, flat: str) -> None:
    assert _pii(text) == [("pii.address", flat)]


@pytest.mark.parametrize("text", ["ハイツ本町 2階 ヨガ教室のサトウさん", "コーポ上越 3階のカフェ様"])
def test_katakana_after_a_floor_that_is_no_name_is_silent(text: str) -> None:
    assert _pii(text) == []


# An obituary's 「儀」 after the deceased's name (「故 山田太郎 儀（本町3丁目4番5号）」) names the household as 様 does.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("【おくやみ】故 山田太郎 儀（本町3丁目4番5号）", "本町3丁目4番5号"),
        ("父 山田太郎儀 本町3-4-5 かねてより病気療養中のところ", "本町3-4-5"),
    ],
)
def test_a_deceaseds_name_with_gi_beside_the_address_warns(text: str, address: str) -> None:
    assert _pii(text) == [("pii.address", address)]


# An honours or an obituary list by town, as cities publish it (叙勲・表彰・おくやみ: 「本町　山田太郎さん（80）」), gives no door:
# the town alone is the district the guideline allows. With the street number it warns.
@pytest.mark.parametrize(
    "text",
    [
        "【叙勲】令和7年秋の叙勲受章者（市内在住）：瑞宝単光章　本町　山田太郎さん（80）",
        "【表彰】市政功労者 大手町　佐藤一郎さん（75）、寺町２丁目　鈴木次郎さん（70）",
        "春の褒章受章者：藍綬褒章　本町３丁目　山田太郎さん（72）",
        "【おくやみ】本町二丁目　山田太郎様（92歳）　喪主　山田一郎様",
        "【おくやみ】故 山田太郎 儀（本町）",
    ],
)
def test_an_honours_or_obituary_list_by_town_is_silent(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(
    "text", ["【叙勲】瑞宝単光章　本町3-4-5　山田太郎さん（80）", "【表彰】善行表彰 本町3丁目4番5号 佐藤一郎さん"]
)
def test_an_honours_list_with_the_street_number_warns(text: str) -> None:
    assert [code for code, _ in _pii(text)] == ["pii.address"]


# A resident's notice that gives the surname joined to the address by 「の」 and written or called to (「本町3-4-5の佐藤まで
# ご連絡ください」), or a surname with 「まで」 and the call after it, signs the door as 「本町3-4-5 佐藤まで」 at the line's end
# does.
@pytest.mark.parametrize(
    "text",
    [
        "【落とし物】財布を拾いました。お心当たりの方は本町3-4-5の佐藤までご連絡ください",
        "【迷子】猫を保護しています。本町3-4-5 佐藤までご連絡ください",
        "【里親】子猫。本町3-4-5の山田宛にお送りください",
        "【落とし物】鍵を預かっています。本町3-4-5の佐藤宅へお越しください",
    ],
)
def test_a_surname_joined_by_no_and_written_to_warns(text: str) -> None:
    assert [code for code, _ in _pii(text)] == ["pii.address"]


# A place or a department joined by 「の」, or a district to go to, is silent.
@pytest.mark.parametrize(
    "text",
    [
        "会場は本町3-4-5の高田までお越しください",
        "本町3-4-5の高田へ向かう道",
        "本町3-4-5の高田。",
        "バスは本町3-4-5の高田までお乗りください",
        "中央1-2-3の直江津まで徒歩5分",
        "お問い合わせは市役所（木田1-1-3）の広報対話課までご連絡ください",
        "落とし物は高田警察署（本城町7-8）の会計課までお問い合わせください",
    ],
)
def test_a_place_joined_by_no_is_silent(text: str) -> None:
    assert _pii(text) == []


# Someone said to live in a flat's room (「山田太郎さんはコーポ上越の203号室に住んでいます」) gives the door, as 「本町3-4-5に住んで
# います」 does; a room let or a floor is not so read.
@pytest.mark.parametrize(
    ("text", "flat"),
    [
        ("山田太郎さんはコーポ上越の203号室に住んでいます", "コーポ上越の203号室"),
        ("私はハイツ本町 201号室に住んでいます", "ハイツ本町 201号室"),
        ("佐藤さんはメゾン五智102にお住まいです", "メゾン五智102"),
    ],
)
def test_someone_living_in_a_flats_room_warns(text: str, flat: str) -> None:
    assert _pii(text) == [("pii.address", flat)]


@pytest.mark.parametrize(
    "text",
    [
        "【移住体験】ハイツ本町 201号室に住んでみませんか。家賃3万円",
        "市営住宅 コーポ本町 102号室に住んでいる方へ：点検のお知らせ",
        "ハイツ本町 3階に住んでいます",
    ],
)
def test_a_room_to_let_or_a_floor_lived_on_is_silent(text: str) -> None:
    assert _pii(text) == []


# A fire or a rescue only practised or guarded against on the floor (a drill, a talk on prevention, an alarm's check) ties
# no resident to it: the residents who take part are at an event held there, as at 「…避難はしごで降りる訓練」.
@pytest.mark.parametrize(
    "text",
    [
        "レジデンス上越 5階で救助訓練、住民の山田さんも参加しました",
        "ハイツ本町 3階で火災を想定した避難訓練を行い、住民の佐藤さんが通報役を務めました",
        "コーポ上越 2階で火災予防の講習会。講師は住民の山田さん",
        "グランドマンション上越 1階で火災報知器の点検、住人の山田さんが立ち会いました",
        "コーポ上越3階で火災が起きたらどうするか、住人の山田さんと考えました",
        "マンション上越 3階で火災想定訓練、入居者の山田さんら20人が参加",
    ],
)
def test_a_drill_or_a_talk_on_a_flats_floor_with_a_resident_is_silent(text: str) -> None:
    assert _pii(text) == []


# A firm's name right before the address gives the employer's, as a job's post does: the surname after it, called or
# written to, is its staff. A neighbourhood's or a club's contact is at home and still warns.
@pytest.mark.parametrize(
    "text",
    [
        "【求人】応募は履歴書を株式会社上越 本町3-4-5の山田宛にお送りください",
        "【求人】介護職員募集。社会福祉法人上越福祉会 本町3-4-5の佐藤までお電話ください",
        "【求人】上越運送 本町3-4-5 佐藤までご連絡ください",
        "（有）上越商事 本町3-4-5の佐藤までご連絡ください",
        "【求人】株式会社上越 本町3-4-5 山田宛",
    ],
)
def test_a_surname_after_a_firms_address_is_silent(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "上越町内会 本町3-4-5の佐藤までご連絡ください",
        "老人会 本町3-4-5の佐藤までご連絡ください",
        "会社員の佐藤です。連絡先：本町3-4-5 佐藤まで",
    ],
)
def test_a_surname_after_a_neighbourhoods_address_still_warns(text: str) -> None:
    assert [code for code, _ in _pii(text)] == ["pii.address"]


# An honorific set apart from the full name after a room, as an address label spaces it, ends the entry as 宛 does; a
# party's (「ご一行」) at a hall does not.
@pytest.mark.parametrize(
    ("text", "flat"),
    [
        ("コーポ上越 203号 山田太郎 様", "コーポ上越 203号"),
        ("コーポ上越 203号 山田 太郎 様", "コーポ上越 203号"),
        ("ハイツ本町 101 佐藤花子 さん", "ハイツ本町 101"),
    ],
)
def test_a_full_name_and_a_spaced_honorific_after_a_flats_room_warn(text: str, flat: str) -> None:
    assert _pii(text) == [("pii.address", flat)]


def test_a_partys_name_after_a_halls_room_is_silent() -> None:
    assert _pii("パレス上越 201 山田太郎 様 ご一行") == []


# A fire report names the resident as the news does: with an occupation or an age group before the name, or a katakana
# given name, on the floor the fire was on.
@pytest.mark.parametrize(
    ("text", "flat"),
    [
        ("ハイツ本町 3階で火災、住人の山田トメさん（85）が救助されました", "ハイツ本町 3階"),
        ("ハイツ本町3階で火災、住人で80代の山田さんが搬送されました", "ハイツ本町3階"),
        ("ハイツ本町3階で火災が発生。消防によると、この部屋に住む無職の山田太郎さん（80）が死亡", "ハイツ本町3階"),
        ("コーポ上越2階で火災、この部屋に住んでいた佐藤花子さん（80）が搬送されました", "コーポ上越2階"),
    ],
)
def test_a_resident_named_as_the_news_does_after_a_fire_on_a_flats_floor_warns(text: str, flat: str) -> None:
    assert _pii(text) == [("pii.address", flat)]


# A notice for whoever lives in a room names no one, as 「本町3-4-5在住の方は」 does not; a resident named there still warns.
@pytest.mark.parametrize(
    "text",
    [
        "上越荘 201号室にお住まいの皆様へ",
        "コーポ上越の102号室にお住まいの方へ：給水管の点検を行います",
        "ハイツ本町 201号室に住んでいる方は点検にご協力ください",
    ],
)
def test_a_notice_for_a_flats_rooms_residents_is_silent(text: str) -> None:
    assert _pii(text) == []


def test_a_resident_named_as_living_in_a_flats_room_still_warns() -> None:
    assert _pii("コーポ上越の102号室にお住まいの山田さんから相談がありました") == [("pii.address", "コーポ上越の102号室")]
