"""The personal-information rules, session 40: pii.address's relaxation for staff narrowed to staff at their office,
tables of staff and places, and a red team of realistic drafts.

上越市 5(3): a staff member's home is as private as a resident's. Only an address shown as the office's (after the
office's name and a post in it, or the head of a municipality) is exempt; a bare job title (保健師・館長・介護職員・市職員)
or a news report on the person (「…が逮捕されました」) is not the office's block. Drafts marked 「s40」 were wrong before
this session.
"""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx

PII = ("pii.phone", "pii.email", "pii.my_number", "pii.card_number", "pii.address")


def _pii(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.excerpt) for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code in PII]


# A staff member's home, or a person named in a table of people with 住所.
STAFF_HOMES = [
    "市職員 山田花子さん（本町3-4-5）が逮捕されました",  # s40
    "福祉課職員 山田花子さん（本町3-4-5）が逮捕されました",  # s40
    "上越市職員 山田太郎（本町3-4-5）を懲戒免職処分としました",  # s40
    "介護職員 山田花子さん（本町3-4-5）が表彰されました",  # s40
    "保健師 山田花子（本町3-4-5）",  # s40
    "介護職員 山田花子（本町3-4-5）",  # s40
    "館長 山田花子（本町3-4-5）",  # s40
    "市職員 山田花子（本町3-4-5）",  # s40
    "課長 山田太郎（本町3-4-5）",  # s40
    "主任 山田花子（本町3-4-5）",  # s40
    "元図書館長 山田花子（本町3-4-5）",  # s40
    "飼育係長 山田太郎くん（本町3-4-5）",  # s40
    "訪問看護師 山田花子（本町3-4-5）",
    "保健師の山田花子（本町3-4-5）が訪問します",
    # A 住所 column lists where people live, the staff's rows of a roster too (a 職員緊急連絡網 is such a leak).
    "職員名,所属,住所\n佐藤一郎,福祉課,上越市本町3-4-5",  # s40
    "会員名,住所\n山田花子,上越市本町3-4-5",
    "氏名,所属,住所\n佐藤一郎,福祉課,上越市木田1-1-3",
    "氏名,住所,担当者\n山田花子,上越市本町3-4-5,佐藤一郎",
    "講師,住所\n山田花子,上越市本町3-4-5",
]

# The office's address beside its staff: a 問い合わせ先 block, a letter's heading, a table of places and their staff.
AT_WORK = [
    "【問い合わせ先】上越市 健康づくり推進課 保健師 山田花子\n上越市木田1-1-3　電話 025-526-5111",
    "地域包括支援センター 保健師 山田花子（上越市本町3-4-5）",
    "上越市立高田図書館 館長 山田花子\n上越市本城町8-30",
    "上越市立図書館長 山田花子（本城町8-30）",
    "高田保育園 園長 佐藤花子（上越市南城町3-1-1）",
    "高田小学校長 山田太郎（南城町3-1-1）",
    "高田小学校 教頭 山田太郎 上越市南城町3-1-1",
    "差出人：上越市 福祉課長 山田太郎\n上越市木田1-1-3",
    "福祉課 主査 山田花子（木田1-1-3）へご連絡ください",
    "担当：山田花子（上越市木田1-1-3）までお問い合わせください",
    "福祉課 山田花子（木田1-1-3）が担当します",
    "教育長 早川義裕 様\n上越市木田1-1-3",
    "上越市長 中川幹太は、上越市木田1-1-3において次のとおり告示します",
    "担当課,担当者,所在地\n福祉課,佐藤一郎,上越市木田1-1-3",  # s40
    "避難所名,住所,担当職員\n高田小学校,上越市南城町3-1-1,佐藤一郎",  # s40
    "会場,講師\n上越市本町3-4-5,山田花子",  # s40
    "施設名,住所,担当者\nやまだ食堂,上越市本町3-4-5,山田花子",  # s40
]


@pytest.mark.parametrize("text", STAFF_HOMES)
def test_a_staff_members_home_or_a_rosters_row_is_warned(text: str) -> None:
    assert "pii.address" in [c for c, _ in _pii(text)]


@pytest.mark.parametrize("text", AT_WORK)
def test_the_offices_address_beside_its_staff_raises_nothing(text: str) -> None:
    assert _pii(text) == []


def test_a_roster_of_residents_and_its_contact_staff_warns_every_row() -> None:
    # The staff's row of a roster is under the same 氏名 and 住所 columns as the residents': the approver cannot tell the
    # city hall's address from a home by the table, and the post is warned for the residents' rows anyway.
    text = "区分,氏名,住所\n対象者,山田花子,上越市本町3-4-5\n担当職員,佐藤一郎,上越市木田1-1-3"
    assert _pii(text) == [("pii.address", "上越市本町3-4-5"), ("pii.address", "上越市木田1-1-3")]


# A mobile in every spelling staff paste: groups joined by 「の」 as it is read out, long-vowel marks for hyphens, spaces,
# digits run together after a label.
MOBILES = [
    ("携帯番号は090の1234の5678です", "090の1234の5678"),  # s40
    ("連絡先：０９０の１２３４の５６７８", "０９０の１２３４の５６７８"),  # s40
    ("090 の 1234 の 5678 までお電話ください", "090 の 1234 の 5678"),  # s40
    ("携帯 090の1234-5678", "090の1234-5678"),  # s40
    ("連絡先 ０９０ー１２３４ー５６７８", "０９０ー１２３４ー５６７８"),
    ("連絡先 090 1234 5678", "090 1234 5678"),
    ("携帯：09012345678", "09012345678"),
]

# 「の」 between numbers that are no mobile: a year, a list, a landline or a free dial read out, a longer chain.
NOT_MOBILES = [
    "2025の1234の5678",
    "3の2の1",
    "1090の1234の5678",
    "090の1234の5678の9",
    "090の1234の56789",
    "090の0123の5678",
    "0120の123の456",
    "025の526の5111",
]


@pytest.mark.parametrize(("text", "number"), MOBILES)
def test_a_mobile_is_blocked_however_its_groups_are_joined(text: str, number: str) -> None:
    assert _pii(text) == [("pii.phone", number)]


@pytest.mark.parametrize("text", NOT_MOBILES)
def test_numbers_joined_by_no_that_are_no_mobile_pass(text: str) -> None:
    assert _pii(text) == []


# The red team: what staff write for evacuation shelters, lost and found, prize lists, staff introductions and posts for
# foreign residents. Each leak with the rule that must find it.
RED_TEAM_LEAKS = [
    ("【避難所情報】高田小学校体育館に避難している山田トメさん（85）のご家族の方、連絡先：090-1234-5678（山田一郎さん）までお電話ください。", "pii.phone"),
    ("避難者の佐藤さん（本町3丁目4-5在住）から、ペットの猫を探しているとの連絡がありました。見つけた方は080-9876-5432まで。", "pii.address"),
    ("避難所名簿：山田トメ（85）本町3-4-5、佐藤花子（78）西城町2-5-10", "pii.address"),
    ("落とし物：青いランドセル（高田小2年 山田太郎くん）。本町3-4-5の佐藤さん宅で預かっています。", "pii.address"),
    ("【マラソン大会結果】男子10km 1位 山田太郎さん（32歳・上越市本町3-4-5）", "pii.address"),
    ("受賞者の山田花子さん（本町3丁目4番5号）には後日賞状をお送りします。", "pii.address"),
    ("高田小学校6年 山田花子さん（本町3-4-5）の作品が入賞", "pii.address"),
    ("【表彰】消防団員 山田太郎さん（本町3-4-5）に感謝状", "pii.address"),
    ("【雪下ろし】一人暮らしの山田トメさん宅（本町3-4-5）の雪下ろしを行いました", "pii.address"),
    ("町内会の回覧：次回の当番は本町3-4-5 佐藤さんです。", "pii.address"),
    ("除雪ボランティア募集。集合：本町3-4-5 山田宅前　連絡：山田（080-1111-2222）", "pii.phone"),
    ("民生委員 山田花子（連絡先 090-1234-5678）", "pii.phone"),
    ("避難所担当 防災危機管理課 山田太郎（090-1234-5678）", "pii.phone"),
    ("申込み：メール yamada.hanako@gmail.com または電話 090-1234-5678（実行委員長 山田）", "pii.email"),
    ("拾得物：財布（山田太郎名義のマイナンバーカード在中）個人番号 1234 5678 9018", "pii.my_number"),
    ("参加者名簿\n1 山田花子 本町3-4-5 090-1234-5678\n2 佐藤一郎 西城町2-5-10 080-2222-3333", "pii.address"),
    ("[English] Lost wallet found near Takada Station. Owner: Mr. John Smith, 2-4-8 Naka-machi, Joetsu.", "pii.address"),
    ("[English] Evacuation center: Takada Elementary School. Contact: Ms. Sato (090-1234-5678)", "pii.phone"),
    ("[English] Mr. Tanaka, who lives at 3-12-5 Minami-Honcho, won the photo contest.", "pii.address"),
    ("[Português] Achados e perdidos: carteira da Sra. Ana Lima (Rua 3-4-5 Honcho). Tel: 080-1111-2222", "pii.address"),
    ("【中文】避难所：高田小学校（上越市南城町3-1-1）。联系人：王先生 电话 090-1234-5678", "pii.phone"),
    ("고향 방문: 김민수 씨 연락처 010-1234-5678", "pii.phone"),
    # Fixed this session.
    ("見守り対象者：山田トメさん（独居、本町3-4-5、電話025-523-1234）", "pii.address"),  # s40
    ("講師の山田花子さん（料理研究家、本町3-4-5）", "pii.address"),  # s40
    ("【交流会】ホストファミリー：山田さん一家（上越市本町3-4-5）にご協力いただきました", "pii.address"),  # s40
    ("【職員紹介】今回は高田図書館の司書・佐藤花子さん。住まいは上越市本町3丁目4-5で、毎朝歩いて通勤しています。", "pii.address"),  # s40
    ("私は本町3-4-5に住んでいます", "pii.address"),  # s40
    ("【中文】王先生住在上越市本町3-4-5", "pii.address"),  # s40
    ("[Tiếng Việt] Anh Nguyễn Văn An sống tại 3-4-5 Honcho, Joetsu.", "pii.address"),  # s40
    ("司書 山田花子（本町3-4-5）", "pii.address"),
    # This session's relaxations attacked: a 会社員 is no workplace, a 町内会's or a PTA's address is a member's home.
    ("当選者 山田花子様（会社員、本町3-4-5）", "pii.address"),  # s40
    ("町内会（本町3-4-5）の山田花子さん", "pii.address"),
    ("PTA（本町3-4-5）の山田花子さん", "pii.address"),
    ("高田小学校 職員 山田花子さん（本町3-4-5）が逮捕されました", "pii.address"),  # s40
    # Where a lost child was found, to the lot, with her name: her neighbourhood, for the approver to judge.
    ("【迷子】山田花子ちゃん（5）本町3-4-5付近で保護", "pii.address"),  # s40
]

# Ordinary posts of the same kinds: no resident's number or home in them.
RED_TEAM_ORDINARY = [
    "【避難所開設】高田小学校（上越市南城町3-1-1）を開設しました。問い合わせ：防災危機管理課 025-526-5111",
    "【落とし物】高田公園で「やまだ はなこ」と名前の入った水筒を預かっています。お心当たりの方は公園管理事務所（025-524-0000）へ。",
    "【迷子のお知らせ】本日14時ごろ、高田駅前で保護した山田花子ちゃん（5歳、本町3丁目在住）の保護者の方は上越警察署へ。",
    "【書道コンクール結果】金賞 山田花子さん（高田小6年）、銀賞 佐藤健太くん（城北中1年・本町在住）",
    "市長賞 山田花子さん（上越市立高田小学校5年、11歳）おめでとうございます！",
    "【新しい職員を紹介します】4月から健康づくり推進課に着任した保健師の山田花子です。趣味は登山です。よろしくお願いします。",
    "【職員紹介】福祉課 山田花子（やまだはなこ）出身：上越市本町　好きな食べ物：笹団子",
    "【職員紹介】市民課の窓口にいる山田です。市役所（木田1-1-3）1階でお待ちしています。",
    "【職員紹介】高田図書館 司書 佐藤花子\n上越市本城町8-30 高田図書館でお待ちしています",  # s40
    "【新任職員】市民課 山田太郎（24）本町出身",
    "【お礼】大雪の中、本町3丁目の山田太郎さんが除雪してくださいました。",
    "当選者 山田花子様（上越市） 佐藤一郎様（妙高市）",
    "会場：上越市本町3-4-5 やまだ食堂 2階",
    "講師：山田花子さん（管理栄養士）会場：本町3-4-5 市民プラザ",
    "講師の山田花子さん（上越市社会福祉協議会、本町3-4-5）",
    "地域包括支援センター（本町3-4-5）の山田花子さん",  # s40
    "佐藤商店（本町3-4-5）の山田花子さん",
    "講師の山田花子さん（株式会社やまだ、本町3-4-5）",
    "【ボランティア紹介】通訳ボランティアのグエンさん（ベトナム出身、本町在住）",
    "写真の山田さん（左）と佐藤さん（右）。本町3丁目の自宅前で撮影。",
    "【表彰式】優勝 高田中学校（上越市南城町3-1-1）代表 山田太郎さん",
    "作品展示：本町3-4-5 市民ギャラリー（山田花子さん作品）",
    "避難所：本町3-4-5 本町会館（管理者 山田太郎さん）",
    "避難所一覧\n1 高田小学校 南城町3-1-1\n2 本町会館 本町3-4-5（鍵の管理：山田さん）",
    "【健康相談】保健師が伺います。会場：本町3-4-5 本町会館 担当 保健師 山田",
    "本町3-4-5付近にお住まいの方は避難してください",
    "本町3-4-5付近に住んでいる方は避難してください",
    "お住まいは本町3-4-5ですか",
    "山田花子さん（防災士）の教室は本町3-4-5で",
    "【お知らせ】令和8年12月7日の090の点検は中止します",
    "第2090の1234の5678号",
    "[English] Evacuation center: Takada Elementary School, 3-1-1 Minamishiro-machi. Call the city hall.",
]

# Still missed, and why they were left.
RED_TEAM_KNOWN = [
    ("고향 방문: 김민수 씨 (조에쓰시 혼초 3-4-5)", "pii.address",
     "a Japanese address in Hangul (혼초 3-4-5) is neither the kanji form nor the romaji one; rare in the city's posts"),
]


@pytest.mark.parametrize(("text", "code"), RED_TEAM_LEAKS)
def test_red_team_leaks_are_found(text: str, code: str) -> None:
    assert code in [c for c, _ in _pii(text)]


@pytest.mark.parametrize("text", RED_TEAM_ORDINARY)
def test_red_team_ordinary_posts_raise_nothing(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(("text", "code", "why"), RED_TEAM_KNOWN)
def test_red_team_known_miss_still_missed(text: str, code: str, why: str) -> None:
    # When one of these starts to fire, move it to RED_TEAM_LEAKS.
    assert code not in [c for c, _ in _pii(text)], why


def test_every_row_of_a_list_with_bare_ages_is_warned() -> None:
    # The 歳 is left out in a list: each person's address, not only the one the next name happens to follow.
    text = "避難所名簿：山田トメ（85）本町3-4-5、佐藤花子（78）西城町2-5-10"
    assert _pii(text) == [("pii.address", "本町3-4-5"), ("pii.address", "西城町2-5-10")]


# Review (s40r4): a letter's heading and a 問い合わせ先 block put the office's name on the line above the post and the
# name, or a section (係) or 「担当」 between the department and the post; the office's address under them is the office's.
OFFICE_BLOCKS = [
    "【学校だより12月号】\n上越市立高田小学校\n校長 山田太郎\n（上越市南城町3-1-1）",
    "上越市健康づくり推進課\n保健師 山田花子\n上越市木田1-1-3\n電話 025-526-5111",
    "【問い合わせ先】\n健康づくり推進課\n保健師　山田花子\n上越市木田1-1-3（内線1234）",
    "【問い合わせ先】上越市健康づくり推進課\n担当　保健師　山田花子\n住所　上越市木田1-1-3",
    "【図書館だより】\n上越市立高田図書館\n館長 山田花子\n上越市本城町8-30",
    "高田保育園\n園長 佐藤花子\n上越市南城町3-1-1",
    "上越市役所 福祉課\n課長 山田太郎\n上越市木田1-1-3",
    "健康づくり推進課 担当 保健師 山田花子（木田1-1-3）",
    "福祉課 高齢者支援係 主任 山田花子（木田1-1-3）",
    "問い合わせ先：福祉課 高齢者支援係 山田花子／上越市木田1-1-3／電話 025-526-5111",
    "【問い合わせ】市民課 窓口係 山田花子　上越市木田1-1-3　025-526-5111",
]

# The same layouts around a home: a former official, a news report, a title with no office, a group's section.
HOMES_IN_BLOCKS = [
    "【訃報】\n元高田小学校\n校長 山田太郎さん（本町3-4-5）",
    "【お悔やみ】元高田小学校長 山田太郎さん（本町3-4-5）",
    "【お悔やみ】元高田小学校 校長 山田太郎さん（本町3-4-5）",
    "高田小学校\n教諭 山田花子（本町3-4-5）が逮捕されました",
    "【事件】上越市職員\n主任 山田太郎（本町3-4-5）を逮捕",
    "【表彰】\n介護職員 山田花子さん（本町3-4-5）",
    "本町町内会\n会長 山田太郎（本町3-4-5）",
    "【回覧】本町町内会 防犯係 山田太郎（本町3-4-5）",
    "PTA 広報係 山田花子（本町3-4-5）",
    "飼育係\n係長 山田太郎くん（本町3-4-5）",
]


@pytest.mark.parametrize("text", OFFICE_BLOCKS)
def test_an_offices_block_over_several_lines_or_with_its_section_raises_nothing(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize("text", HOMES_IN_BLOCKS)
def test_a_home_in_an_offices_layout_is_still_warned(text: str) -> None:
    assert "pii.address" in [c for c, _ in _pii(text)]


# Review (s40r4): an office's staff member whose bracket says where they live or how old they are: a person's record
# (a staff introduction, an obituary), not the office's block.
STAFF_RECORDS = [
    "【職員紹介】高田図書館 司書 佐藤花子さん（本町3-4-5在住）",
    "【職員紹介】市民課 山田太郎（本町3-4-5在住）",
    "福祉課長 山田太郎さん（58歳、本町3-4-5）",
    "【訃報】上越市立高田小学校 校長 山田太郎さん（58）本町3-4-5",
]

# The office's block with such words elsewhere on the line: the city's address is no one's home.
STAFF_AT_WORK_NOTES = [
    "福祉課 山田花子（木田1-1-3）　本町在住の方は本町会館へ",
    "担当：山田花子（木田1-1-3、内線1234）",
    "【子育て講座】講師：子育て支援課 保育士 佐藤花子（木田1-1-3）　対象：3歳までのお子さん",
]


@pytest.mark.parametrize("text", STAFF_RECORDS)
def test_a_staff_members_age_or_home_beside_the_address_is_warned(text: str) -> None:
    assert "pii.address" in [c for c, _ in _pii(text)]


@pytest.mark.parametrize("text", STAFF_AT_WORK_NOTES)
def test_the_offices_address_with_notes_around_it_raises_nothing(text: str) -> None:
    assert _pii(text) == []


# Review (s40r4): a department whose name ends in kana (「こども課」「子ども課」) or a facility's (「ふれあいプラザ」) before
# the post, a space apart, is the office's name as much as 「健康づくり推進課」.
KANA_OFFICES = [
    "【子育て講座】講師：こども課 保育士 佐藤花子（木田1-1-3）",
    "問い合わせ先：子ども課 主任 佐藤花子（上越市木田1-1-3）",
    "ふれあいプラザ 館長 山田花子（本町3-4-5）",
]

# A post after kana that is no office's name stays a bare title.
KANA_TITLES = [
    "新しい課長 山田太郎（本町3-4-5）",
    "あたらしい館長 山田花子（本町3-4-5）",
    "こども課 保育士 佐藤花子（本町3-4-5）が逮捕されました",
]


@pytest.mark.parametrize("text", KANA_OFFICES)
def test_a_kana_named_office_before_the_post_raises_nothing(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize("text", KANA_TITLES)
def test_a_post_after_kana_that_names_no_office_is_warned(text: str) -> None:
    assert "pii.address" in [c for c, _ in _pii(text)]
