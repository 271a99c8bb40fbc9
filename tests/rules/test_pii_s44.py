"""The personal-information rules, session 44: pii.address, pii.phone and pii.card_number red-teamed again with what a
city's 広報 staff post (incident and 防犯 reports, giveaways, awards, history walks) and the homes, mobiles and cards
such a post may give away.

上越市 5(3), 和気町 4(2): a victim's home given by its street number, a resident's mobile however it is spelled, or a card
under any label must be found, while a list's, a ticket's or a document's numbers must stay silent.
"""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx

PII = ("pii.phone", "pii.email", "pii.my_number", "pii.card_number", "pii.address")


def _pii(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.excerpt) for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code in PII]


# A police report passed on gives the victim by the street number and the age, in brackets after the person
# (「本町3-4-5の女性（82）が」「…の無職、山田花子さん（82）」), or says the person lives there (「本町3-4-5在住の70代女性」
# 「…に暮らす80代の夫婦」「…で暮らす90代の男性」): the neighbours know the household.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("【特殊詐欺被害】本町3-4-5の女性（82）が、息子を名乗る男に現金200万円をだまし取られました。", "本町3-4-5"),
        ("本町3-4-5の女性（82）が", "本町3-4-5"),
        ("本町3-4-5の無職、山田花子さん（82）が被害に遭いました。", "本町3-4-5"),
        ("【交通事故】大手町2-3-4の男性（75）が、自宅前で車にはねられました。", "大手町2-3-4"),
        ("【不審者】本町3-4-5の女子中学生（14）が帰宅途中に声をかけられました。", "本町3-4-5"),
        ("【注意】本町3-4-5在住の70代女性が、還付金詐欺の被害に遭いました。", "本町3-4-5"),
        ("本町3-4-5在住の70代女性", "本町3-4-5"),
        ("【火災】昨夜、本町3-4-5に暮らす80代の夫婦の住宅が全焼しました。", "本町3-4-5"),
        ("本町3-4-5に暮らす80代の夫婦", "本町3-4-5"),
        ("本町3-4-5で暮らす90代の男性が熱中症で搬送されました。", "本町3-4-5"),
    ],
)
def test_a_victim_given_by_the_street_number_and_the_age_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


# Everyone on a block a notice is for, and the people a class is for, are no household.
@pytest.mark.parametrize(
    "text",
    [
        "断水のお知らせ：本町3丁目4番に暮らす皆様へ",
        "本町3-4-5在住の方は、給水車をご利用ください。",
        "本町3-4-5で暮らすなら、雪囲いは11月までに済ませましょう。",
        "本町3-4-5の女性（20〜40代）向けセミナーを開きます。",
        "【防犯】本町3丁目の住宅で空き巣被害がありました。外出時は必ず施錠しましょう。",
    ],
)
def test_everyone_at_a_place_or_a_class_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# Number groups after a space follow a town's name in an address (「本町 3-4-5」, as a form's cells leave it); after any
# other word they are that word's numbers: an appendix's, a ticket's, a date, a score, a round (「別紙 1-2-3 山田花子様」
# 「整理券 12-3-4 山田様」「締切 12-1-31 山田花子」「第3回 2-1-1 山田花子さん」), and a name beside them is no resident's.
@pytest.mark.parametrize(
    "text",
    [
        "別紙 1-2-3 山田花子様",
        "【表彰】別紙 1-2-3 山田花子様ほか3名を表彰しました。",
        "整理券 12-3-4 山田様",
        "締切 12-1-31 山田花子",
        "【申込締切】締切 12-1-31 山田花子 記念講演会（文化会館）",
        "試合結果 高田 3-1-2 直江津",
        "第3回 2-1-1 山田花子さん（柿崎区）が優勝しました。",
        "議事録 3-1-2 山田委員の発言を訂正します。",
    ],
)
def test_numbers_after_a_space_that_are_no_towns_block_are_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("当選者：本町 3-4-5 山田花子様", "本町 3-4-5"),
        ("当選者：大手町 2-3-4 山田花子様", "大手町 2-3-4"),
        ("山田花子様 上越市本町 3-4-5", "上越市本町 3-4-5"),
        ("当選者：本町　３－４－５　山田花子様", "本町　３－４－５"),
        ("当選者：中央 1-2-3 山田花子様", "中央 1-2-3"),
    ],
)
def test_a_towns_block_after_a_space_beside_a_name_still_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


# A card's expiry and security code given with a number make it a card's, whatever label the number is under (a form's
# field mislabelled, or a reference number's label left above a pasted card): the security code is only a card's.
@pytest.mark.parametrize(
    "text",
    [
        "お問い合わせ番号 4556 7375 8689 9855 有効期限 12/28 セキュリティコード 123",
        "お問い合わせ番号\n4556 7375 8689 9855\n有効期限 12/28\nセキュリティコード 123",
        "受付番号：4556-7375-8689-9855（有効期限12/28、セキュリティコード123）",
        "【寄附の受付】お問い合わせ番号：4556737586899855 有効期限：12/28 CVV：123",
    ],
)
def test_a_number_with_a_cards_expiry_and_security_code_is_a_card(text: str) -> None:
    assert [c for c, _ in _pii(text) if c == "pii.card_number"] == ["pii.card_number"]


@pytest.mark.parametrize(
    "text",
    [
        "【ふるさと納税】お問い合わせ番号 4556 7375 8689 9855 の寄附の受領証明書を再発行しました。",
        "お問い合わせ番号 4556 7375 8689 9855 有効期限 12/28（引換券）",
        "お問い合わせ番号 4556 7375 8689 9855。カードのセキュリティコードを電話で聞くことはありません。",
    ],
)
def test_a_reference_number_without_a_cards_code_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text) if c == "pii.card_number"] == []


# A resident giving a thing away names where it is picked up, the home, and signs it (「受取場所：本町3-4-5 佐藤」「引き取り
# 場所：大手町2-3-4 鈴木」): a household's door, not a venue's, whose district may follow it (「会場：本町3-4-5 高田」).
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("受取場所：本町3-4-5 佐藤", "本町3-4-5"),
        ("【譲ります】ベビーベッド。受取場所：本町3-4-5 佐藤", "本町3-4-5"),
        ("【譲ります】子ども用自転車 引き取り場所：大手町2-3-4 鈴木", "大手町2-3-4"),
        ("お渡し場所は本町3丁目4番5号 山田", "本町3丁目4番5号"),
    ],
)
def test_a_pick_up_place_signed_by_a_surname_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "受取場所：木田1-1-3 上越市役所",
        "【臨時給付金】受取場所：高田区総合事務所（本町3-4-5）",
        "集合場所：本町3-4-5 高田",
        "会場：本町3-4-5 高田\n駐車場あり",
    ],
)
def test_a_venue_or_the_citys_counter_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# A mobile's zeros spelled out as they are said (「ゼロ九ゼロ-1234-5678」「ゼロハチゼロ-1234-5678」), as a resident types the
# number read out over the phone or hides it from a search: the same number to whoever reads it.
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("ゼロ九ゼロ-1234-5678", "ゼロ九ゼロ-1234-5678"),
        ("携帯 ゼロ九ゼロ-1234-5678 まで", "ゼロ九ゼロ-1234-5678"),
        ("連絡先：ゼロハチゼロ-1234-5678", "ゼロハチゼロ-1234-5678"),
        ("山田の携帯はゼロ90-1234-5678です", "ゼロ90-1234-5678"),
        ("連絡はゼロキュウゼロの1234の5678へ", "ゼロキュウゼロの1234の5678"),
        ("ゼロキューゼロ-1234-5678", "ゼロキューゼロ-1234-5678"),
    ],
)
def test_a_mobile_with_its_zeros_spelled_out_is_found(text: str, number: str) -> None:
    assert ("pii.phone", number) in _pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "殺処分ゼロを目指して。問い合わせは 025-526-5111 へ",
        "交通事故死ゼロの日 1234-5678 件の啓発物を配布",
        "ゼロカーボンシティ宣言 090-1234 号",
        "ゼロ歳児から入園できます。定員 12 名",
    ],
)
def test_zero_as_a_word_is_no_phone(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# A historical figure's house (「作家の坂口安吾がかつて本町3-4-5に住んでいた」) and a daimyo family's (「松平家（本町3-4-5）」) are
# landmarks a tourism or a history post gives: no one's household today.
@pytest.mark.parametrize(
    "text",
    [
        "作家の坂口安吾がかつて本町3-4-5に住んでいた",
        "作家の坂口安吾がかつて本町3-4-5に住んでいたことを記念し、案内板を設置しました。",
        "明治の実業家・保阪潤治が晩年に本町3-4-5に住んでいました。その旧宅を公開します。",
        "松平家（本町3-4-5）の庭園を散策しました",
        "【まち歩き】榊原家（本町3-4-5）の門をくぐると、雁木の町並みが続きます。",
        "徳川家（本町3-4-5）の蔵を見学しました",
    ],
)
def test_a_historic_figures_or_familys_house_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("本町3-4-5に住んでいた80代の女性が亡くなりました。", "本町3-4-5"),
        ("佐藤家（本町3-4-5）の庭の梅が満開です", "本町3-4-5"),
        ("【火災】本町3-4-5に住んでいた70代の男性と連絡が取れていません。", "本町3-4-5"),
    ],
)
def test_a_household_of_today_still_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


# 「へ」 after a district the analyser reads as a surname is a way to go (「中央1-2-3 直江津へ」「本町3-4-5 高田へ」); a surname
# signs with 「へ」 only where someone is to be reached (a contact's label, a notice of a pet or a thing found).
@pytest.mark.parametrize(
    "text",
    [
        "中央1-2-3 直江津へ",
        "【臨時バス】本町3-4-5 高田へ。",
        "会場が変わりました。中央1-2-3 直江津へ",
    ],
)
def test_a_district_after_the_street_number_before_he_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("落とし物を拾いました。お心当たりの方は本町三丁目四番五号 小林へ。", "本町三丁目四番五号"),
        ("ご連絡は本町3-4-5 佐藤へ", "本町3-4-5"),
        ("本町3-4-5 佐藤まで", "本町3-4-5"),
        ("本町3-4-5 山田宛", "本町3-4-5"),
    ],
)
def test_a_surname_signing_before_he_or_made_still_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


# Living alone at the address (「本町3-4-5で一人暮らしの80代女性が」) says whose home it is, as 住む and 暮らす do.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("本町3-4-5で一人暮らしの80代女性が", "本町3-4-5"),
        ("【熱中症】本町3丁目4番5号でひとり暮らしをしている男性（78）が搬送されました。", "本町3丁目4番5号"),
        ("本町3-4-5に独り暮らしの高齢者がいます", "本町3-4-5"),
    ],
)
def test_someone_living_alone_at_the_street_number_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


def test_a_class_for_people_living_alone_is_silent() -> None:
    assert _pii("本町3-4-5の公民館で、一人暮らしの高齢者向けの見守り講座を開きます。") == []


# A product's or a model's code in a mobile's shape, named so right before it (「商品番号 090 1234 5678 のリコール」「型番：
# 080-1234-5678-A」), is a recall's, no one's phone.
@pytest.mark.parametrize(
    "text",
    [
        "商品番号 090 1234 5678 のリコール",
        "【消費者庁】リコール対象 型番：080-1234-5678-A",
        "【自主回収】製品番号：090-1234-5678 の電気ストーブをお持ちの方はご連絡ください。電話 025-526-5111",
        "品番 070-1234-5678",
    ],
)
def test_a_product_code_in_a_mobiles_shape_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("商品のお問い合わせは担当 山田 090-1234-5678 まで", "090-1234-5678"),
        ("商品番号をお知らせください。連絡先 090-1234-5678", "090-1234-5678"),
        ("型番は本体の裏にあります。携帯 080-1234-5678", "080-1234-5678"),
    ],
)
def test_a_mobile_near_a_products_word_still_stops(text: str, number: str) -> None:
    assert ("pii.phone", number) in _pii(text)


# Only who lived there once is a landmark's: a resident of today stays one, whatever the sentence says of the past.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("本町3-4-5に住む80代の女性が、昔からの知人を名乗る男に現金をだまし取られました。", "本町3-4-5"),
        ("本町3-4-5に暮らす80代の女性が、江戸時代の古文書を寄贈してくださいました。", "本町3-4-5"),
        ("本町3-4-5に住んでいた作家の山田花子さんが亡くなりました", "本町3-4-5"),
    ],
)
def test_a_resident_beside_words_of_the_past_still_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


# A flat's building and floor with a resident named on it (「ハイツ本町 3階の山田さん」「コーポ上越2Fの佐藤様宅」) give the
# household's door as a street number does: a flat's name is found on any map, and a floor holds a few doors. Not a floor
# of a shop, an office or a hall (「ホテルパレス上越 2階の山田様」「レジデンス本町 3F 学習塾」), nor one with no one named.
@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("ハイツ本町 3階の山田さん", "ハイツ本町 3階"),
        ("【火災】ハイツ本町3階の山田さん宅から出火しました。", "ハイツ本町3階"),
        ("子猫を保護しています。コーポ上越2Fの佐藤まで", "コーポ上越2F"),
        ("落とし物は、メゾン五智 1階の鈴木様がお預かりしています", "メゾン五智 1階"),
    ],
)
def test_a_flats_floor_with_a_resident_named_warns(text: str, excerpt: str) -> None:
    assert ("pii.address", excerpt) in _pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "ハイツ本町 2階 集会室で防災訓練",
        "ホテルパレス上越 2階の山田様ご夫妻の披露宴会場",
        "レジデンス本町 3F 学習塾 講師 山田先生",
        "マンション本町 12階建て 山田建設が施工",
        "市営住宅 ハイツ本町 3階の空室の入居者を募集します",
        "コーポ上越2F やまだ整体院 院長 山田",
        "ハイツ本町の3階から見える花火",
        "近所のアパートの2階の山田さんからいただきました",
        "アパート2階の佐藤さん",
    ],
)
def test_a_flats_floor_with_no_resident_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# A mobile grouped wrongly, as typed in haste or read out in pairs (「携帯 0901-234-5678」「携帯 090 12 34 56 78」), after a
# word for a phone: eleven digits of a mobile's pattern are that mobile however they are split.
@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("携帯 0901-234-5678", "0901-234-5678"),
        ("連絡先：09012-345-678（山田）", "09012-345-678"),
        ("携帯 090 12 34 56 78 まで", "090 12 34 56 78"),
        ("TEL 080.12.345.678", "080.12.345.678"),
    ],
)
def test_a_mobile_grouped_wrongly_after_a_phones_word_stops(text: str, number: str) -> None:
    assert ("pii.phone", number) in _pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "受付番号 0901-234-5678",
        "電話受付番号 0901-234-5678 の方は窓口へ",
        "0901-234-5678 の書類を確認しました",
        "電話 025-526-5111 / 整理番号 0901-234-5678",
        "携帯電話の回収台数 090 12 34 56 78 台",
    ],
)
def test_a_wrongly_grouped_number_without_a_phones_word_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# A daimyo's name is a surname of today too (上杉 a common one in 上越): its 「家」 is a clan's only where a post visits it
# as a landmark (「【まち歩き】」「見学」「散策」); a household's news warns as 「佐藤家」's does.
@pytest.mark.parametrize(
    "text",
    [
        "上杉家（本町3-4-5）で火災がありました。",
        "上杉家（本町3-4-5）の長男が、成人式で代表あいさつをしました。",
        "松平家（本町3-4-5）のご主人から寄付をいただきました。",
        "【迷い犬】織田家（本町3-4-5）の柴犬が逃げました",
        "松平家（本町3-4-5）",
    ],
)
def test_a_household_under_a_daimyos_surname_warns(text: str) -> None:
    assert ("pii.address", "本町3-4-5") in _pii(text)


# A person of today who lived at the address, given by age or as a victim, is a household whatever word of the past the
# sentence holds (「かつての同僚」), and an era in a name (「明治神宮」「大正琴」) is no word of history.
@pytest.mark.parametrize(
    "text",
    [
        "本町3-4-5に住んでいた80代の女性が、かつての同僚を名乗る男に現金をだまし取られました。",
        "かつて教員だった80代の女性が本町3-4-5に住んでいました。昨夜から行方が分かりません。",
        "本町3-4-5に暮らしていた90代の男性が、晩年まで続けた畑仕事の最中に倒れました。",
        "【火災】本町3-4-5に住んでいた70代の夫婦が、江戸時代から続く旧家の蔵で被災しました。",
        "本町3-4-5に住んでいた女性（82）が、大正琴の教室の帰りに事故に遭いました。",
        "本町3-4-5に住んでいた82歳の女性が、かつての同僚を名乗る男に",
        "【行方不明】本町3-4-5に住んでいた山田花子さんが、明治神宮に行くと言って外出したまま戻りません。",
    ],
)
def test_a_person_of_today_who_lived_there_warns_beside_words_of_the_past(text: str) -> None:
    assert ("pii.address", "本町3-4-5") in _pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "小川未明（1882〜1961年）は幼少期に本町3-4-5に住んでいました",
        "明治10年代、実業家の保阪潤治がかつて本町3-4-5に住んでいた",
        "かつて本町3-4-5に住んでいた文豪・坂口安吾の旧居跡",
        "江戸時代の豪商・今井家がかつて本町3-4-5に住んでいました",
    ],
)
def test_a_figure_of_history_with_its_years_is_still_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# Many towns are one kanji, or a common noun, with no 町 (「旭」「緑」「東」「大手」「平和」): after a space their block is an
# address as 「本町 3-4-5」's is, and so is any word's after an address's label (「住所：平和 1-2-3」). A one-kanji label
# that numbers things (「図」「表」「班」「席」, a season) is not one.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("当選者：旭 1-2-3 山田花子様", "旭 1-2-3"),
        ("当選者：緑 1-2-3 山田花子様", "緑 1-2-3"),
        ("当選者：東 1-2-3 山田花子様", "東 1-2-3"),
        ("当選者：大手 2-3-4 佐藤一郎様", "大手 2-3-4"),
        ("山田花子様 旭 1-2-3", "旭 1-2-3"),
        ("住所：平和 1-2-3 山田花子", "平和 1-2-3"),
    ],
)
def test_a_one_kanji_or_common_noun_towns_block_after_a_space_warns(text: str, address: str) -> None:
    assert ("pii.address", address) in _pii(text)


@pytest.mark.parametrize(
    "text",
    [
        "図 1-2-3 山田花子様撮影",
        "表 1-2-3 山田花子様提供",
        "班 1-2-3 山田花子さん",
        "席 1-2-3 山田様",
        "秋 12-1-31 山田花子",
        "問 1-2-3 山田花子さんの解答",
    ],
)
def test_a_one_kanji_label_before_numbers_after_a_space_is_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []


# The people of a kind a notice is for at the street number, named a few words on, are no household, whichever verb or
# 在住 says they live there (「…在住の女性の皆様へ」「…に暮らす高齢者の皆さんへ」「…に住む高齢者の皆さんへ」).
@pytest.mark.parametrize(
    "text",
    [
        "本町3-4-5在住の児童・生徒の皆さんへ",
        "本町3-4-5在住の高齢者の方は、避難所へ",
        "本町3-4-5在住の女性の皆様へ",
        "本町3-4-5の70代女性の皆様へ",
        "本町3-4-5に暮らす高齢者の皆さんへ",
        "本町3-4-5に住む高齢者の皆さんへ",
        "本町3-4-5に暮らす外国人住民向けの相談会",
        "本町3-4-5に住む子育て世帯の方々へ",
        "本町3-4-5で一人暮らしを始める学生の皆さんへ",
    ],
)
def test_the_people_of_a_kind_a_notice_is_for_are_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []

# A long paste of one of this session's new shapes, with no full stop, stays linear: the flat's floor and its resident,
# a victim's age, a resident who lived there beside words of the past, a clan's house, a town before a space, a mobile
# grouped wrongly or spelled out, a card's expiry and code after a number.
@pytest.mark.parametrize(
    ("rule", "shape"),
    [
        ("address", "ハイツ本町 3階の山田さん、"),
        ("address", "本町3-4-5の女性（82）、"),
        ("address", "かつて本町3-4-5に住んでいた女性（"),
        ("address", "上杉家（本町3-4-5）の見学、"),
        ("address", "旭 1-2-3 山田花子様、"),
        ("address", "受取場所：本町3-4-5 佐藤 "),
        ("address", "本町3-4-5で一人暮らし"),
        ("phone", "携帯 090 12 34 "),
        ("phone", "ゼロキュー"),
        ("phone", "商品番号 "),
        ("card_number", "4556 7375 8689 9855 有効期限 12/28 "),
    ],
)
def test_the_new_readings_stay_linear_on_a_long_paste(rule: str, shape: str) -> None:
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
