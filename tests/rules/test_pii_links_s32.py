"""Boundary cases of the PII and link rules found in session 32: foreign mobile numbers, a space
typed after 「https://」, a wrapped line joined to a link that ends at its host."""

from __future__ import annotations

import pytest

from bot.rules.model import RulePolicy
from tests.rules.conftest import codes, findings_of

JOETSU = RulePolicy(allowed_link_domains=("city.joetsu.niigata.jp",), official_phone_numbers=("025-526-5111",))


# --- 「https:// www…」: the address after the space is still linked ---------------------------------


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("詳しくは https:// www.city.joetsu.niigata.jp/ をご覧ください", "https://www.city.joetsu.niigata.jp/"),
        ("詳しくは https:// www.city.joetsu.niigata.jp/kosodate/index.html へ",
         "https://www.city.joetsu.niigata.jp/kosodate/index.html"),
        ("Details (English): https://\nwww.city.joetsu.niigata.jp/site/foreign/", "https://www.city.joetsu.niigata.jp/site/foreign/"),
        ("詳しくは https:// city.joetsu.niigata.jp へ", "https://city.joetsu.niigata.jp"),
    ],
)
def test_a_space_after_the_scheme_of_a_link_that_still_works_is_a_warning_with_the_whole_link(text: str, suggestion: str) -> None:
    # It blocked as 「リンクになりません」, though every platform links the address after the space:
    # an ordinary notice sent back for a typo the reader never notices but as a stray 「https://」.
    (f,) = findings_of("link.malformed", text, policy=JOETSU)
    assert f.severity == "warning"
    assert "文字のまま" in f.message
    assert f.suggestion == suggestion
    assert "link.untrusted" not in codes(text, policy=JOETSU)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("詳しくは https:// evil-example.com/form へ", "link.untrusted"),
        ("詳しくは https:// www.city.joestu.niigata.jp/ へ", "link.untrusted"),
        ("応募は https:// bit.ly/3xYz12 から", "link.shortener"),
        ("こちら→ https:// www.xvideos.com/", "link.harmful"),
        ("こちら→ https://\nwww.xvideos.com/", "link.harmful"),
    ],
)
def test_a_space_split_link_is_still_checked_for_where_it_goes(text: str, code: str) -> None:
    assert code in codes(text, policy=JOETSU)


@pytest.mark.parametrize(
    "text",
    [
        "詳しくは https:// city.example.xyz へ",  # a bare .xyz host is no link: nothing reads its domain
        "詳しくは https:// 192.168.1.10/admin へ",
    ],
)
def test_a_space_split_address_the_platforms_do_not_link_still_blocks(text: str) -> None:
    found = findings_of("link.malformed", text, policy=JOETSU)
    assert any(f.severity == "error" and "リンクになりません" in f.message for f in found)


@pytest.mark.parametrize(
    ("text", "written"),
    [("詳しくは https://\nwww.city.joetsu.niigata.jp/ へ", "https://\n"), ("詳しくは https:// www.city.joetsu.niigata.jp/ へ", "https:// ")],
)
def test_the_finding_of_a_split_scheme_marks_the_scheme_and_its_gap(text: str, written: str) -> None:
    (f,) = findings_of("link.malformed", text, policy=JOETSU)
    assert f.excerpt == written


# --- a line under a link that ends at its host ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "詳しくは https://www.city.joetsu.niigata.jp\nkids/2026",
        "詳しくは https://www.city.joetsu.niigata.jp\nbosai/index.html",
        "子育て情報 www.city.joetsu.niigata.jp\nkids/2026",
    ],
)
def test_a_path_line_under_a_link_that_ends_at_its_host_is_not_joined_into_its_host(text: str) -> None:
    # It was joined as 「…niigata.jpkids/2026」, a host that does not exist, and suggested as the link.
    assert findings_of("link.malformed", text, policy=JOETSU) == []


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("https://www.city.joetsu.nii\ngata.jp/kurashi/", "https://www.city.joetsu.niigata.jp/kurashi/"),
        ("https://www.city.\njoetsu.niigata.jp/ をご覧ください", "https://www.city.joetsu.niigata.jp/"),
        ("https://www.city.joetsu.niigata.jp/kosodate/\nkids/2026", "https://www.city.joetsu.niigata.jp/kosodate/kids/2026"),
    ],
)
def test_a_host_or_path_broken_over_two_lines_is_still_joined(text: str, joined: str) -> None:
    (f,) = findings_of("link.malformed", text, policy=JOETSU)
    assert f.suggestion == joined


# --- foreign mobile numbers in posts for foreign residents ------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("【中文】如有疑问，请联系翻译志愿者王先生：+86 138 1234 5678", "+86 138 1234 5678"),
        ("[Tiếng Việt] Liên hệ phiên dịch viên: +84 90 123 4567", "+84 90 123 4567"),
        ("[Português] Contato do intérprete: +55 11 91234-5678", "+55 11 91234-5678"),
        ("[한국어] 통역 봉사자 연락처: 010-1234-5678", "010-1234-5678"),
        ("[한국어] 연락처: +82 10-1234-5678", "+82 10-1234-5678"),
        ("[English] Call our volunteer at +63 917 123 4567", "+63 917 123 4567"),
        ("Liên hệ: +84 (0)90 123 4567", "+84 (0)90 123 4567"),
        ("联系电话：+8613812345678", "+8613812345678"),
        ("联系电话：138 1234 5678", "138 1234 5678"),
        ("Contato: (11) 91234-5678", "(11) 91234-5678"),
        ("Liên hệ chị Lan: 090 123 4567", "090 123 4567"),
        ("ネパール語通訳（ボランティア）：+977 981-234-5678", "+977 981-234-5678"),
    ],
)
def test_a_foreign_mobile_number_is_a_private_number(text: str, number: str) -> None:
    # None of them was found: pii.phone knew Japanese mobiles only.
    (f,) = findings_of("pii.phone", text, policy=JOETSU)
    assert f.severity == "error"
    assert f.excerpt == number


def test_a_japanese_mobile_written_internationally_is_still_found_once() -> None:
    (f,) = findings_of("pii.phone", "[English] Contact: +81 90-1234-5678", policy=JOETSU)
    assert f.excerpt == "+81 90-1234-5678" and f.severity == "error"


@pytest.mark.parametrize(
    "text",
    [
        "Date: 2026-12-06 (Sun) 13:00-16:00",
        "〒943-8601 上越市木田1-1-3",
        "ISBN 978-4-12-345678-9",
        "受付番号 150-1234-5678 の方は窓口へお越しください",
        "型番 KX-138-1234-5678 の製品を回収しています",
        "City Hall: +81 25-526-5111 (English available)",
        "市役所 +81-25-526-5111 / 025-526-5111",
        "Foreign Residents Consultation: 025-526-5111 (Mon-Fri 8:30-17:15)",
        "Embassy of the United States: +1 202 555 0123",
        "中国大使館 領事部：03-6450-2195",
        "気温は +5 〜 +10℃ の見込みです",
        "寄付は 13,800 円、1,234,567 円でした",
        "Hotline 0120-123-456 (toll free)",
    ],
)
def test_numbers_that_are_no_private_mobile_pass(text: str) -> None:
    assert findings_of("pii.phone", text, policy=JOETSU) == []


def test_an_official_number_listed_in_international_form_is_recognised() -> None:
    policy = RulePolicy(official_phone_numbers=("+81 25-526-5111", "+84 90 123 4567", "080-1111-2222"))
    assert findings_of("pii.phone", "Hotline (Tiếng Việt): +84 90 123 4567", policy=policy) == []
    assert findings_of("pii.phone", "Emergency: +81 80-1111-2222", policy=policy) == []


@pytest.mark.parametrize(
    "text",
    [
        "ベトナム大使館 領事部（24時間）：080-1234-5678",
        "Embassy of the Philippines, emergency hotline: +81 80-1234-5678",
        "Đại sứ quán Việt Nam (bảo hộ công dân): 090-1234-5678",
        "中国驻新潟总领事馆 领事保护电话：+81 80-1234-5678",
        # The embassy named at the head of the line, its hotline in the next sentence.
        "[Tiếng Việt] Đại sứ quán Việt Nam: 03-3466-3311. Đường dây nóng bảo hộ công dân: 080-1234-5678",
    ],
)
def test_an_embassys_published_mobile_is_a_warning_to_check(text: str) -> None:
    # An embassy's own emergency line (several are mobiles) blocked as a private person's number.
    (f,) = findings_of("pii.phone", text, policy=JOETSU)
    assert f.severity == "warning" and "大使館" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "大使館の通訳のグエンさんの携帯 090-1234-5678 までご連絡ください",
        "Contact Mr. Tran (embassy volunteer): +84 90 123 4567",
        "NPO法人 国際交流の会 代表携帯 090-1234-5678",
        "大使館で手続きができます。お問い合わせは担当の携帯 090-1234-5678 へ",
        # An embassy named for something else than its emergency line.
        "大使館へのパスポート申請の付き添い：090-1234-5678 まで",
        "Embassy visit tour, sign up: +84 90 123 4567",
        "多国籍料理の店 サバイ（予約）090-1234-5678",
    ],
)
def test_a_persons_or_a_groups_mobile_stays_an_error(text: str) -> None:
    (f,) = findings_of("pii.phone", text, policy=JOETSU)
    assert f.severity == "error"


def test_a_scam_number_from_abroad_is_a_warning_and_an_example_passes() -> None:
    (f,) = findings_of("pii.phone", "+86 138 1234 5678 から市職員を名乗る不審な電話があります", policy=JOETSU)
    assert f.severity == "warning"
    assert findings_of("pii.phone", "記入例：+84 90 123 4567", policy=JOETSU) == []


@pytest.mark.parametrize(
    "shape",
    [
        "+86 138 1234 5678 ",
        "+" + "1 " * 20,
        "+8" + " " * 50 + "x",
        "010 " + " " * 30 + "1234",
        "138-1234-5678-",
        "(11) 9",
        "电话0086 ",
        "(+00",
        "010.1234.",
        "大使館 090-1234-5678 ",
        "大使館。090-1234-5678。",  # one long line of many sentences: the line is read once
    ],
)
def test_the_foreign_mobile_scan_stays_linear(shape: str) -> None:
    from bot.rules.model import RuleOptions
    from bot.rules.pii import phone
    from bot.rules.text import Document
    from tests.conftest import assert_stays_linear, repeated_to
    from tests.rules.conftest import ctx

    docs = {text: Document(text) for text in (repeated_to(shape, n) for n in (10_000, 40_000))}
    assert_stays_linear(lambda text: sum(1 for _ in phone(docs[text], ctx(policy=JOETSU), RuleOptions())), shape)


@pytest.mark.parametrize(
    "text",
    [
        "【緊急】大使館周辺で通行止めがあります。問い合わせは 090-1234-5678 へ",
        "大使館領事部は24時間対応です。私の携帯 090-1234-5678 にもどうぞ",
        "緊急時は大使館へ。家族の携帯 090-1234-5678",
    ],
)
def test_an_emergency_word_in_another_sentence_of_the_embassys_line_keeps_the_error(text: str) -> None:
    # The whole line was read for 「緊急」, so a one-line post naming an embassy and an emergency gave
    # any mobile after it (a staff member's, a family's) a warning only.
    (f,) = findings_of("pii.phone", text, policy=JOETSU)
    assert f.severity == "error"


@pytest.mark.parametrize(
    "text",
    [
        "ご連絡の際は整理番号（138 2026 0001）をお伝えください",
        "電話受付番号：150 1234 5678",
        "注文番号 010-1234-5678 の商品について",
        "受付番号：090 123 4567 の方は2番窓口へ",
        "お申し込み番号 090 123 4567 をお控えください",
        "订单号：138 1234 5678",
        "접수번호 010-1234-5678",
        "Order no. 010 1234 5678",
    ],
)
def test_a_receipt_or_order_number_in_a_foreign_mobiles_shape_passes(text: str) -> None:
    # Each was an error: 「連絡」「電話」 a few characters before, or no label at all, made a receipt's
    # number in a 3-4-4 or 010-/090- shape a foreign resident's mobile.
    assert findings_of("pii.phone", text, policy=JOETSU) == []


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("注文番号は後日お知らせします。連絡先：010-1234-5678", "010-1234-5678"),
        ("电话号码：138 1234 5678", "138 1234 5678"),
    ],
)
def test_a_phone_label_after_another_numbers_name_still_finds_the_mobile(text: str, number: str) -> None:
    (f,) = findings_of("pii.phone", text, policy=JOETSU)
    assert f.excerpt == number and f.severity == "error"


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("【中文】联系电话：0086 138 1234 5678", "0086 138 1234 5678"),
        ("Call: 0063 917 123 4567", "0063 917 123 4567"),
        ("【中文】联系电话：(+86) 138 1234 5678", "(+86) 138 1234 5678"),
        ("【中文】联系电话：138.1234.5678", "138.1234.5678"),
        ("[한국어] 연락처: 010.1234.5678", "010.1234.5678"),
        ("[Tiếng Việt] SĐT: 090.123.4567", "090.123.4567"),
    ],
)
def test_a_foreign_mobile_with_dots_or_the_00_prefix_is_found(text: str, number: str) -> None:
    # None was found: the domestic forms took hyphens and spaces only, the international one 「+」 only.
    (f,) = findings_of("pii.phone", text, policy=JOETSU)
    assert f.excerpt == number and f.severity == "error"


@pytest.mark.parametrize("text", ["受付時間 10:00-12:00、13:00-17:00", "参照 0084 90 123 4567", "2010.12.25 に開催"])
def test_the_00_prefix_without_a_phone_word_and_dotted_dates_pass(text: str) -> None:
    assert findings_of("pii.phone", text, policy=JOETSU) == []
