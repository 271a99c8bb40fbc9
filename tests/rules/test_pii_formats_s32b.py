"""Foreign residents' mobiles in the forms a review of session 32 found missing: digits run together
after a word for a phone, Vietnamese 4-3-3 groups, Brazilian variants, a country code without 「+」;
and the numbers of the same shapes that are no one's phone."""

from __future__ import annotations

import pytest

from bot.rules.model import RulePolicy
from tests.rules.conftest import findings_of

JOETSU = RulePolicy(allowed_link_domains=("city.joetsu.niigata.jp",), official_phone_numbers=("025-526-5111",))


@pytest.mark.parametrize(
    ("text", "number"),
    [
        # Digits run together after a word for a phone.
        ("【中文】联系电话：13812345678", "13812345678"),
        ("[한국어] 연락처: 01012345678", "01012345678"),
        ("[Tiếng Việt] SĐT: 0901234567", "0901234567"),
        ("ĐIỆN THOẠI: 0901234567", "0901234567"),
        # Vietnamese 4-3-3 groups after a word for a phone.
        ("[Tiếng Việt] SĐT: 0912 345 678", "0912 345 678"),
        ("Liên hệ: 0987-654-321", "0987-654-321"),
        ("Điện thoại 0358.123.456", "0358.123.456"),
        # Brazilian variants.
        ("[Português] Contato: (11) 9 1234-5678", "(11) 9 1234-5678"),
        ("[Português] Telefone: 11 91234-5678", "11 91234-5678"),
        ("Celular 11 9 1234-5678", "11 9 1234-5678"),
        # The country code without 「+」 or 「00」.
        ("【中文】联系电话：86-138-1234-5678", "86-138-1234-5678"),
        ("电话 86 138 1234 5678 （24小时）", "86 138 1234 5678"),
        ("SĐT: (84) 90 123 4567", "(84) 90 123 4567"),
        ("연락처 82-10-1234-5678", "82-10-1234-5678"),
    ],
)
def test_a_foreign_mobile_in_a_further_form_is_found(text: str, number: str) -> None:
    # None was found: the domestic forms needed the Korean/Chinese groups or a 090-123-4567 shape,
    # the international form a 「+」 or 「00」; 「SĐT」 in capitals was no word for a phone (the fold
    # lowers ASCII letters only).
    (f,) = findings_of("pii.phone", text, policy=JOETSU)
    assert f.severity == "error"
    assert f.excerpt == number


def test_a_japanese_mobile_run_together_after_a_phone_word_was_and_is_found() -> None:
    (f,) = findings_of("pii.phone", "携帯：09012345678", policy=JOETSU)
    assert f.excerpt == "09012345678" and f.severity == "error"


@pytest.mark.parametrize(
    "text",
    [
        # Without a word for a phone, the new shapes are any other number's as well.
        "13812345678",
        "会員数 01012345678",
        "文書番号 0912 345 678",
        "0987-654-321 の順に並べます",
        "86 138 1234 5678",
        "第11 91234-5678 号",
        # Labelled as another kind of number, after a phone word.
        "電話受付番号：13812345678",
        "注文番号 0912-345-678 の件でお電話ください",
        "연락처 접수번호 01012345678",
        # Japanese numbers a phone word goes with: landlines run together (03-3xxx, 092-… have the
        # shape of a Vietnamese mobile), toll-free and navi-dial numbers in 4-3-3 groups.
        "TEL 0334663311",
        "電話 0922637668",
        "電話：092-263-7668",
        "TEL 0120-123-456",
        "TEL 0800-123-456",
        "電話 0570-123-456",
        "電話：0255-26-5111",
        "電話 (03) 3466-3311",
        # Counts, dates, postal codes and amounts beside a phone word.
        "電話相談 86 件、メール 138 件、来所 1234 件",
        "電話相談件数\t86\t138\t1234\t5678",
        "電話受付：2026 12 06 から",
        "連絡先：〒943-8601 上越市木田1-1-3",
        "電話料金 13,812,345,678円",
        "電話 10 1234 5678",
        "型番 連絡 KX-0912-345-678",
    ],
)
def test_numbers_of_the_same_shapes_that_are_no_mobile_pass(text: str) -> None:
    assert findings_of("pii.phone", text, policy=JOETSU) == []


@pytest.mark.parametrize("shape", ["电话 86 138 1234 5678 ", "电话 8 ", "SĐT 0912 345 ", "电话 1" * 3 + " ", "11 9 "])
def test_the_new_forms_scan_stays_linear(shape: str) -> None:
    from bot.rules.model import RuleOptions
    from bot.rules.pii import phone
    from bot.rules.text import Document
    from tests.conftest import assert_stays_linear, repeated_to
    from tests.rules.conftest import ctx

    docs = {text: Document(text) for text in (repeated_to(shape, n) for n in (10_000, 40_000))}
    assert_stays_linear(lambda text: sum(1 for _ in phone(docs[text], ctx(policy=JOETSU), RuleOptions())), shape)


# --- prohibited.political: a party's endorsement in an election commission's listing ------------------

LISTING = "【立候補届出状況】上越市長選挙（選挙管理委員会）\n野口 隆（62）無所属・現（自由民主党・公明党推薦）"


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [(LISTING, "自由民主党・公明党推薦"), ("山田 花子（55）無所属・新（立憲民主党の推薦）", "立憲民主党の推薦")],
)
def test_a_partys_endorsement_stated_is_a_warning_that_says_so(text: str, excerpt: str) -> None:
    # The message said 「自由民主党」への投票・支持の呼びかけ, of a listing that asks no one to vote.
    (f,) = findings_of("prohibited.political", text)
    assert f.severity == "warning" and f.excerpt == excerpt
    assert f"「{excerpt}」と、政党による候補者の推薦" in f.message
    assert "呼びかけ" not in f.message and "すべての候補者を同じ形式" in f.message


@pytest.mark.parametrize(
    "text",
    ["自民党を推薦します。", "公明党推薦しましょう", "自民党の推薦をお願いします", "自民党推薦の野口候補に投票しましょう。"],
)
def test_an_endorsement_asked_or_a_vote_called_for_keeps_the_call_message(text: str) -> None:
    (f,) = findings_of("prohibited.political", text)
    assert "投票・支持の呼びかけ" in f.message
