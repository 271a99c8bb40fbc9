"""The personal-information rules red-teamed (session 39): pii.phone, pii.email, pii.my_number, pii.card_number,
pii.address on what municipal staff really write, in both directions.

上越市 5(3), 和気町 4(2): a resident's mobile, a private mail address, a 個人番号, a card number or a home's address with a
name must be found in every spelling staff paste (full-width, hyphen look-alikes, 内線, split over lines, 中文・English・
Português). The office's own numbers (代表・直通・FAX・0120・#7119・189・110・119), the city's mail domain, dates and times,
郵便番号 and the city hall's address, 法人番号, budgets, 受付番号, ISBNs and 条例 numbers must raise none of them: a false
alarm teaches staff to ignore the bot. Drafts marked 「s39」 were wrong before this session. KNOWN lists what is still
missed, with the reason it was left.
"""

from __future__ import annotations

import pytest

from bot.rules import RulePolicy, check
from bot.rules.model import RuleOverride
from tests.rules.conftest import CITY_POLICY, assert_my_number_flagged_and_masked, ctx

PII = ("pii.phone", "pii.email", "pii.my_number", "pii.card_number", "pii.address")


def _pii(text: str, **kw: object) -> list[tuple[str, str]]:
    kw.setdefault("policy", CITY_POLICY)
    return [(f.code, f.excerpt) for f in check(text, ctx(platform="x", **kw)) if f.code in PII]


@pytest.mark.parametrize(
    "text",
    [
        "防災担当 公用携帯 090-1111-2222",
        "公用携帯 ０９０（１１１１）２２２２",
        "公用携帯 +81 90 1111 2222",
        "公用携帯 〇九〇－一一一一－二二二二",
        "公用携帯 090-1111-\n2222",
    ],
)
def test_the_citys_own_mobile_listed_in_full_width_is_not_blocked(text: str) -> None:
    # The config accepts 「０９０－１１１１－２２２２」 (it reads the number NFKC) and kept it as written; the rule took
    # only ASCII digits from it, so the city's own published mobile was blocked in every post that gave it.
    written = RulePolicy(official_phone_numbers=("０９０－１１１１－２２２２",))
    assert _pii(text, policy=written) == []
    overridden = {"pii.phone": RuleOverride(allow=("０９０－１１１１－２２２２",))}
    assert _pii(text, policy=RulePolicy(), overrides=overridden) == []
    # Another mobile is still someone's.
    other = text.replace("2222", "2223").replace("２２２２", "２２２３").replace("二二二二", "二二二三")
    assert [c for c, _ in _pii(other, policy=written)] == ["pii.phone"]


def test_a_mail_domain_allowed_in_full_width_is_allowed() -> None:
    overridden = {"pii.email": RuleOverride(allow=("ｇｍａｉｌ．ｃｏｍ",))}
    assert _pii("連絡は taro@gmail.com へ", policy=RulePolicy(), overrides=overridden) == []
    assert _pii("連絡は taro@yahoo.co.jp へ", policy=RulePolicy(), overrides=overridden) == [("pii.email", "taro@yahoo.co.jp")]


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("個人番号：1234\n5678\n9018", "1234\n5678\n9018"),
        ("マイナンバー\n1234\n5678\n9018\n（申請者 山田太郎）", "1234\n5678\n9018"),
        ("個人番号：12345678\n9018", "12345678\n9018"),
        ("個人番号：１２３４\n５６７８\n９０１８", "１２３４\n５６７８\n９０１８"),
    ],
)
def test_a_my_number_stacked_a_group_a_line_under_its_label_is_found_and_masked(text: str, number: str) -> None:
    # Lines of four digits were a list whatever stood above them; under the number's own name they are the number,
    # and the incident report must not copy it either.
    assert_my_number_flagged_and_masked(text, number)


@pytest.mark.parametrize(
    "text",
    [
        "マイナンバー\n1234\n5678\n9018\n3456",  # sixteen digits: a list, not a 個人番号
        "マイナンバーカード交付枚数\n1234\n5678\n9018",  # the card's count, not its number
        "受付番号：1234\n5678\n9018",
        "マイナンバー\n0000\n0000\n0000",
        "マイナンバー\n1234\n5678\n9019",  # the check digit is wrong
    ],
)
def test_lines_of_digits_that_are_no_stacked_my_number_stay_silent(text: str) -> None:
    assert _pii(text) == []


def test_a_card_number_stacked_under_its_label_shows_only_its_last_four_digits() -> None:
    [(code, excerpt)] = _pii("カード番号\n4111\n1111\n1111\n1111\n有効期限 12/28")
    assert code == "pii.card_number"
    assert "4111" not in excerpt and excerpt.endswith("1111") and excerpt.count("＊") == 12
