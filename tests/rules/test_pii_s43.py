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
        "【リコール】対象型番 080-1234-5678-A1 と 080-1234-5678-B2",
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


# A dash after a mobile before the hours or the day it may be called, or before another number, is no code's group.
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("連絡先：山田 090-1234-5678－9時～17時", "090-1234-5678"),
        ("申込：山田 090-1234-5678―9月30日まで", "090-1234-5678"),
        ("携帯 090-1234-5678-24時間対応", "090-1234-5678"),
        ("受付 080-1234-5678-10:00～", "080-1234-5678"),
        ("連絡先 090-1234-5678-0120-123-456", "090-1234-5678"),
        ("山田（090-1234-5678-1）", "090-1234-5678"),
    ],
)
def test_a_mobile_with_a_dash_before_its_hours_or_another_number_still_stops(text: str, number: str) -> None:
    assert ("pii.phone", number) in _pii(text)


# The writer's own home, or the one someone is said to live at, tied to the address right beside it: 「わたしの実家は」
# 「我が家（…）」「…に住む80代の女性」 name a household as 「自宅」 does, though no name is given. Not a home merely near it
# (「実家じまい相談会 会場：…」「我が家の防災講座（会場 …）」「…付近に住む方は避難を」).
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("わたしの実家は本町3-4-5です", "本町3-4-5"),
        ("僕の家は本町3丁目4番5号です。遊びに来てね", "本町3丁目4番5号"),
        ("我が家（本町3-4-5）の雪下ろしを手伝ってくれる方を募集しています", "本町3-4-5"),
        ("うちの住所は本町3-4-5です", "本町3-4-5"),
        ("実家：本町3-4-5", "本町3-4-5"),
        ("被害にあったのは本町3-4-5に住む80代の女性です", "本町3-4-5"),
        ("本町三丁目四番五号に住んでいる男性が", "本町三丁目四番五号"),
    ],
)
def test_ones_own_home_or_where_someone_lives_tied_to_the_address_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "実家じまい相談会 会場：市民プラザ（土橋1914-3）",
        "ご実家が空き家になったら、空き家バンクへご相談ください。相談窓口：本町3-4-5 まちづくりセンター",
        "我が家の防災対策講座（会場 本町3-4-5 市民プラザ）",
        "「我が家の自慢料理」コンテストの作品を本町3-4-5の市民ギャラリーで展示しています",
        "本町3-4-5付近に住む方は、念のため避難してください",
        "本町3-4-5に住むなら、雪への備えが欠かせません",
        "実家の片付け講座を本町3-4-5の公民館で開きます",
        "ご実家：本町3-4-5（記入例）",
    ],
)
def test_a_home_near_a_venues_address_but_not_tied_to_it_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# A care home, a shop or a community space named 「わが家」「うちの実家」「みんなの実家」 is no one's home: a word before the
# name, glued or a space apart, says whose it is.
@pytest.mark.parametrize(
    "text",
    [
        "グループホームわが家（本町3-4-5）では介護職員を募集しています",
        "デイサービス我が家 本町3丁目4番5号",
        "お食事処 わが家 本町3-4-5 TEL 025-526-5111",
        "居酒屋 我が家（本町3-4-5）が今月オープンしました",
        "地域の茶の間 うちの実家 本町3-4-5",
        "みんなの実家（本町3-4-5）で子ども食堂を開きます",
        "まちの実家 本町3-4-5 で交流会",
    ],
)
def test_a_place_named_as_a_home_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


def test_a_vacant_home_listed_or_sold_is_silent() -> None:
    assert _pii("【空き家バンク】空き家になった実家（本町3-4-5）を登録しました。内覧を受け付けています") == []


# A surname alone right after the street number, ending the line or the sentence (「連絡先：本町3丁目4番5号 山田」「上越市
# 本町3-4-5-201 山田」「本町3-4-5 佐藤まで」), is how a resident signs a notice for a lost pet or a kitten to give away: the
# household at that door. Not a place's name after it (「木田1-1-3 上越市役所」「南城町3-1-1 高田小学校」), nor a surname in
# a sentence that goes on, nor a venue's address (「会場：本町3-4-5 …」).
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("里親募集中。連絡先：本町3丁目4番5号 山田", "本町3丁目4番5号"),
        ("上越市本町3-4-5-201 山田", "上越市本町3-4-5-201"),
        ("迷子の犬を預かっています。本町3-4-5 佐藤まで", "本町3-4-5"),
        ("子猫の飼い主さんを探しています\n上越市大手町2-3-4 中川\n090は載せません", "上越市大手町2-3-4"),
        ("落とし物を拾いました。お心当たりの方は本町三丁目四番五号 小林へ。", "本町三丁目四番五号"),
        ("送り先：本町3-4-5 山田", "本町3-4-5"),
        ("本町3丁目4番5号-201 山田", "本町3丁目4番5号-201"),
    ],
)
def test_a_surname_alone_signing_after_the_street_number_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "〒943-8601 上越市木田1-1-3 上越市役所",
        "避難所：南城町3-1-1 高田小学校",
        "会場：本町3-4-5 高田\n駐車場あり",
        "本町3-4-5 大島区の皆さんへのお知らせです",
        "本町3-4-5 小林古径記念美術館",
        "記入例：上越市本町3-4-5-201 上越",
    ],
)
def test_a_place_after_the_street_number_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# The analyser reads most of the city's districts as surnames (高田, 直江津, 名立, 柿崎, 板倉), and a place's line gives its
# district after the street number: a shelter, a bus stop, a polling station, a 地区 listing. No one is reached there.
@pytest.mark.parametrize(
    "text",
    [
        "指定避難所：中央1-2-3 直江津",
        "【臨時バス停】本町3-4-5 高田",
        "期日前投票所 中央1-2-3 直江津",
        "所在地：本町3-4-5 高田",
        "集合：本町3-4-5 高田",
        "〒942-0001 上越市中央1-2-3 直江津",
        "上越市柿崎区柿崎1-2-3 柿崎",
        "地区別の説明会\n・中央1-2-3 直江津\n・本町3-4-5 高田\n・名立大町1-2-3 名立",
        "移動販売車が来ます。本町3-4-5 高田。",
        "パン屋さん 本町3-4-5 高田",
    ],
)
def test_a_district_after_a_places_street_number_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


def test_a_district_after_a_shops_address_is_silent() -> None:
    # 「高田」 is a district of the city the analyser reads as a surname: a shop's line gives where it is.
    assert _pii("やまだ食堂 本町3-4-5 高田") == []


# A year after the flat's name (「ハイツ本町 2024」, as a building's completion is given) is no room; 「2024号室」 is one.
# A floor is no room either, above the ground one too: a shop, a clinic, an office or a hall in a flat's building gives
# its floor (「コーポ上越2F やまだ整体院」「ホテルパレス上越 2階 鳳凰の間」), a resident gives the room.
def test_a_flats_room_numbered_like_a_year_warns() -> None:
    assert ("pii.address", "本町3-4-5 ハイツ本町 2024号室") in _pii("本町3-4-5 ハイツ本町 2024号室")


@pytest.mark.parametrize(
    "text",
    [
        "本町3-4-5 ハイツ本町 2024",
        "本町3-4-5 マンション本町 2025 完成予定",
        "上越市本町3-4-5 コーポ上越 1階 カフェやまだ",
        "本町3-4-5 ハイツ本町1F",
        "ピアノ教室：本町3-4-5 レジデンス本町 2階",
        "市営住宅 本町3-4-5 ハイツ本町 2階 の入居者を募集します",
        "本町3-4-5 本町ビル 2F 会議室",
        "【新規開業】やまだ整体院\n上越市本町3-4-5 コーポ上越2F\n営業時間 9:00～18:00",
        "ネイルサロンA\n住所：本町3-4-5 コーポ上越2F",
        "本町3-4-5 ハイツ本町 2階 集会室で防災訓練を行います",
        "本町3-4-5 ハイツ本町 2階 ○○鍼灸院",
        "本町3-4-5 レジデンス本町 3F 学習塾",
        "上越市本町3-4-5 パレス上越2階 結婚式場",
        "本町3-4-5 マンション本町 12階建",
    ],
)
def test_a_year_or_a_floor_after_a_flats_name_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# A mobile written with 「零」 for its zeros (「零九零」, as a number is read out or typed in a formal letter), or with its
# groups half in kanji and half in figures (「090-一二三四-五六七八」), is a mobile as 「〇九〇-一二三四-五六七八」 is. Kanji digits
# in prose stay prose.
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("携帯 零九零-1234-5678", "零九零-1234-5678"),
        ("連絡先：零九零－一二三四－五六七八", "零九零－一二三四－五六七八"),
        ("携帯 090-一二三四-五六七八", "090-一二三四-五六七八"),
    ],
)
def test_a_mobile_with_zero_as_rei_or_half_in_kanji_stops(text: str, number: str) -> None:
    assert ("pii.phone", number) in _pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "一二三四五六七八九十と数えながら体操をしましょう",
        "写真展「零から始まる物語」を開催します。零時に開場、一二三四番の整理券の方から",
        "第一二三四号の議案を可決しました",
        "零細企業向けの補助金（第1-2回）の受付は025-526-5111まで",
    ],
)
def test_kanji_digits_in_prose_are_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# A reference number's label on the line right above a number alone (「お問い合わせ番号⏎4556-7375-8689-9855」, as a form or
# a mail sets a field's value under its name) labels it as it does on the same line (「お問い合わせ番号：4556-…」): a
# reference number is as often hyphenated as a card. Not a draw's or a queue's heading (「【当選番号】⏎4556-7375-8689-9855」,
# whose numbers are never a card's hyphenated groups), a label with a blank line or another number between, nor a card's.
@pytest.mark.parametrize(
    "text",
    [
        "お問い合わせ番号\n4556-7375-8689-9855",
        "【お問い合わせ番号】\n4556-7375-8689-9855\nお電話の際にお伝えください",
        "受付番号：\n4556-7375-8689-9855",
        "お荷物の追跡番号\n4556-7375-8689-9855",
    ],
)
def test_a_reference_number_under_its_label_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


@pytest.mark.parametrize(
    "text",
    [
        "【当選番号】\n4556-7375-8689-9855",
        "お問い合わせ番号\n\n4556-7375-8689-9855",
        "お問い合わせ番号\n・1001\n4556-7375-8689-9855",
        "カード番号\n4556-7375-8689-9855",
        "お問い合わせ番号\n4556-7375-8689-9855 山田花子 カード",
    ],
)
def test_a_card_not_right_under_a_reference_label_is_stopped(text: str) -> None:
    assert "pii.card_number" in [c for c, _ in _pii(text)]


# Where a victim lives, given as the address and the person's age (「本町3-4-5の70代女性が」「…の80代の男性」), as a police
# report is passed on: the household at that door. Not an age group a service is for (「本町3-4-5の10代向け講座」).
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("詐欺被害：本町3-4-5の70代女性が300万円をだまし取られました", "本町3-4-5"),
        ("本町3丁目4番5号の80代の男性が行方不明になっています", "本町3丁目4番5号"),
    ],
)
def test_a_victims_address_and_age_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


def test_an_age_group_a_venue_serves_is_silent() -> None:
    assert _pii("市民プラザ（土橋1914-3）の10代向け講座、本町3-4-5の60代以上の方向け体操教室") == []


# Everyone on a block a notice is for, or the people a class is for, named by age and sex, is no one's household.
@pytest.mark.parametrize(
    "text",
    [
        "断水のお知らせ：本町3丁目4番に住む皆様へ",
        "本町3丁目4番に住んでいる方々は、給水車をご利用ください",
        "本町3丁目4番に住む全ての世帯に配布します",
        "本町3-4-5の20代女性向けセミナー",
        "本町3-4-5の10代男性対象のスポーツ教室",
        "本町3-4-5の60代男性限定の料理教室",
    ],
)
def test_a_block_a_notice_is_for_or_a_class_by_age_and_sex_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []

# A household named by its surname and 「家」 beside its street number (「佐藤家（本町3-4-5）の庭の梅」「山田家（…）で子猫が
# 生まれました」) is a family's home as 「山田さん一家（…）」 is. Not a historic house or a clan (「旧笹川家住宅（…）」
# 「佐藤家住宅（…）は登録有形文化財」「上杉家（春日山町1-1）の家紋」), which a tourism post names.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("佐藤家（本町3-4-5）の庭の梅が見頃です", "本町3-4-5"),
        ("山田家（本町3丁目4番5号）で子猫が生まれました", "本町3丁目4番5号"),
        ("本町3-4-5の鈴木家に泊めていただきました", "本町3-4-5"),
    ],
)
def test_a_household_named_by_its_surname_beside_its_address_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "旧笹川家住宅（本町3-4-5）を一般公開します",
        "佐藤家住宅（本町3-4-5）は国の登録有形文化財です",
        "旧今井家（本町3-4-5）でひな人形展",
        "上杉家（春日山町1-1）の家紋をあしらったグッズを販売します",
        "高田藩主榊原家（本城町44-1）ゆかりの品を展示",
        "上杉家ゆかりの林泉寺（中門前1-1-1）で宝物展",
    ],
)
def test_a_historic_house_or_a_clan_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []



# A restaurant's or a house's name 「〇〇家」 with its kind before it, or in quotes, is no household.
@pytest.mark.parametrize(
    "text",
    [
        "ラーメン 山田家 本町3-4-5 11:00～15:00",
        "とんかつ山田家（本町3-4-5）が閉店します",
        "そば処 鈴木家（本町3丁目4番5号）",
        "古民家カフェ 佐藤家（本町3-4-5）でランチ",
        "高田の町家 金津家（本町3-4-5）で雛人形展",
        "町家「今井家」（本町3-4-5）でひな祭りを開きます",
    ],
)
def test_a_shop_or_a_house_named_with_ke_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# A facility's name that ends in what the analyser reads as a full name (「町家交流館高田小町」: 高田 and 小町), glued to the
# facility's word before it, is the facility's: its address in brackets is a venue's. A person named apart from it is not.
def test_a_facility_named_like_a_person_after_its_word_is_silent() -> None:
    assert _pii("町家交流館高田小町（本町6-3-5）で雛まつりを開催します") == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("交流館の高田小町さん（本町6-3-5）", "本町6-3-5"),
        ("交流館 利用者 高田小町（本町6-3-5）", "本町6-3-5"),
    ],
)
def test_a_person_named_apart_from_a_facilitys_word_still_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


# A street number typed with a space after the town's name (「本町 3-4-5」「本町　３－４－５」, as a form's cells or an IME's
# full-width space leave it) is the same address. Only a chome's short first group with two more after it: a date
# (「申込日 2025-12-01」「令和 7-12-1」) or a range (「小学 1-3年」) is none.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("本町 3-4-5 山田花子様", "本町 3-4-5"),
        ("当選者：本町　３－４－５　山田花子さん", "本町　３－４－５"),
        ("山田花子様 本町 3-4-5", "本町 3-4-5"),
        ("自宅：本町 3-4-5", "本町 3-4-5"),
    ],
)
def test_an_address_with_a_space_after_the_towns_name_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "申込日 2025-12-01 山田花子様",
        "令和 7-12-1 山田花子様より寄付をいただきました",
        "対象 小学 1-3年 山田花子さんほか",
        "番号 12-34-56 山田花子様",
        "期間 12-1-31 山田さん宅",
        "会場 本町 3-4-5 市民プラザ",
    ],
)
def test_a_date_a_range_or_a_venue_with_a_space_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# A long paste with no full stop is one sentence, and the nearest name may be far from each address: what the new readings
# search in the sentence (a historic house's words, a vacant home's, a business's) is searched once a sentence, and a name
# too far to be beside an address is not folded for each address.
@pytest.mark.parametrize(
    "shape",
    ["町家交流館高田小町（本町6-3-5）", "佐藤家（本町3-4-5）", "わが家（本町3-4-5）、", "本町3-4-5 コーポ上越201号、"],
)
def test_the_address_scan_stays_linear_on_a_long_sentence(shape: str) -> None:
    from bot.rules.model import RuleOptions
    from bot.rules.pii import address
    from bot.rules.text import Document
    from tests.conftest import assert_stays_linear, repeated_to

    docs = {text: Document(text) for text in (repeated_to(shape, n) for n in (10_000, 40_000))}
    for doc in docs.values():
        assert doc.tokens  # analysed beforehand: the rule's own scan is timed
    policy = ctx(platform="x", policy=CITY_POLICY)
    assert_stays_linear(lambda text: sum(1 for _ in address(docs[text], policy, RuleOptions())), shape)
