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
