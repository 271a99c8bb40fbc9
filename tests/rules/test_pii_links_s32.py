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
