"""Link rules, session 42's red team: drafts a city's 広報 staff post, and the links that must still stop."""

from __future__ import annotations

import pytest

from bot.rules import RulePolicy
from bot.rules.text import Document
from tests.rules.conftest import codes, findings_of

CITY = RulePolicy(allowed_link_domains=("city.joetsu.niigata.jp",))
_EVENT = "https://www.city.joetsu.niigata.jp/site/event/"


def _links(text: str, platform: str = "x") -> list[str]:
    return [c for c in codes(text, policy=CITY, platform=platform) if c.startswith("link.")]


# A full-width sign after a link's closing 「/」 or file name, with ASCII after the sign (a phone number, a date, a
# time): the platforms end the link before the sign, at the whole address. It was read on into the address and
# stopped as 「URL に全角文字」, an error, on posts as common as 「…/event/（12/5まで）」.
@pytest.mark.parametrize(
    "text",
    [
        f"{_EVENT}／TEL025-526-5111",
        f"詳細：{_EVENT}／FAX025-526-6111",
        f"冬まつり {_EVENT}～12月5日まで開催",
        f"{_EVENT}～12/5",
        f"申込は{_EVENT}（12/5まで）",
        f"{_EVENT}：10時～受付",
        f"{_EVENT}＋αの情報も",
        "https://www.city.joetsu.niigata.jp/site/event/index.html～12/5",
        "https://www.city.joetsu.niigata.jp/site/event/a.pdf／12/5更新",
    ],
)
def test_a_full_width_sign_after_a_closed_path_ends_the_link(text: str) -> None:
    for platform in ("x", "instagram", "facebook", "line"):
        assert _links(text, platform) == [], platform


def test_the_link_before_the_sign_is_the_whole_address() -> None:
    assert [u.url for u in Document(f"{_EVENT}／TEL025-526-5111").urls] == [_EVENT]
    assert [u.url for u in Document(f"{_EVENT}（12/5まで）").urls] == [_EVENT]


@pytest.mark.parametrize(
    "text",
    [
        "https://www.city.joetsu.niigata.jp／kurashi／",
        "https://www.city.joetsu.niigata.jp/site/／kurashi/",  # a path segment closed by 「/」 follows the sign
        "https://www.city.joetsu.niigata.jp/～tanaka/index.html",
        "https://www.city.joetsu.niigata.jp/event（2026）/list",
        "https：／／www.city.joetsu.niigata.jp/",
        "https://www.city.joetsu.niigata.jp/site/event/index.html＃access",
        "https://www.city.joetsu.niigata.jp/site/index.html？id=3",
    ],
)
def test_a_full_width_sign_inside_an_address_still_stops(text: str) -> None:
    assert "link.malformed" in _links(text)


def test_a_shortener_before_a_full_width_sign_and_a_date_still_stops() -> None:
    assert _links("申込はhttps://bit.ly/3xYz12/～12/5") == ["link.shortener"]


# What the link is called, glued after its 「/」 as a label (「…/event/詳細」「…/event/外部サイト」): X ends the link at
# the 「/」, the whole address. It was taken for a page's name in Japanese and stopped as 「URL の途中に日本語」.
@pytest.mark.parametrize(
    "text",
    [
        f"{_EVENT}詳細",
        f"雪まつりのお知らせ\n{_EVENT}詳細情報",
        f"{_EVENT}外部サイト",
        f"市の{_EVENT}ホームページ",
        f"{_EVENT}特設サイト\n#上越市",
        f"{_EVENT}特設ページ",
        f"{_EVENT}公式サイト",
        f"{_EVENT}申込フォーム",
        f"{_EVENT}リンク",
    ],
)
def test_what_the_link_is_called_glued_after_its_slash_is_prose(text: str) -> None:
    assert _links(text) == []


@pytest.mark.parametrize(
    "text",
    [
        f"{_EVENT}上越市",
        f"{_EVENT}サイトマップ",
        "https://ja.wikipedia.org/wiki/ホームページ作成ソフト",
        "https://www.city.joetsu.niigata.jp/soshiki/特設サイト/",
    ],
)
def test_a_page_name_after_the_slash_still_stops(text: str) -> None:
    assert "link.malformed" in _links(text)


# An internal address written as a browser still reads it (the WHATWG URL standard's IPv4 parser: fewer parts, octal,
# hexadecimal): 「https://127.1/」 opens the writer's own PC as 「https://127.0.0.1/」 does. It was only warned of as
# a domain without a real ending, and went out when the warning was accepted.
@pytest.mark.parametrize(
    "text",
    [
        "管理画面 https://127.1/",
        "https://0x7f.0.0.1/admin",
        "http://0177.0.0.1/",
        "庁内ポータル http://10.1/portal/",
        "https://192.168.1/share/",
        "http://0xc0a80001/",
    ],
)
def test_an_internal_address_in_short_or_other_base_form_stops(text: str) -> None:
    assert _links(text) == ["link.malformed"]


@pytest.mark.parametrize("text", ["https://8.8.8.8/", "https://134.744072/"])
def test_a_public_address_in_such_a_form_is_still_only_warned_of(text: str) -> None:
    assert _links(text) == ["link.untrusted"]


# A shortener's address whose dot was typed with the IME on: its host ended at 「bit」 before the 「。」, a name without
# a dot, so it was stopped as an address only the office's network reaches (「組織の中でしか開けないアドレス（bit）」), the
# wrong reason, and the shortener went unnamed. A browser takes 「。」 for a dot and opens the shortened link.
@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("詳しくは https://bit。ly/abc をご覧ください", "https://bit。ly/abc"),
        ("申込→https://amzn。to/3abc", "https://amzn。to/3abc"),
        ("https://tinyurl｡com/abc", "https://tinyurl｡com/abc"),
    ],
)
def test_a_shortener_with_its_dot_typed_with_the_ime_on_stops_as_a_shortener(text: str, shown: str) -> None:
    found = findings_of("link.shortener", text, policy=CITY)
    assert [text[f.start : f.end] for f in found] == [shown]
    [broken] = findings_of("link.malformed", text, policy=CITY)
    assert "組織の中" not in broken.message and f"ドットが「{'｡' if '｡' in text else '。'}」" in broken.message
    assert broken.suggestion == shown.replace("。", ".").replace("｡", ".")


def test_an_address_with_its_first_dot_typed_with_the_ime_on_is_malformed_not_internal() -> None:
    [f] = findings_of("link.malformed", "https://city。joetsu。niigata。jp/site/event/", policy=CITY)
    assert f.suggestion == "https://city.joetsu.niigata.jp/site/event/" and "組織の中" not in f.message


@pytest.mark.parametrize("text", ["http://localhost。次の手順へ", "http://fileserver/広報/", "http://intranet。"])
def test_an_internal_host_before_a_full_stop_is_still_internal(text: str) -> None:
    [f] = findings_of("link.malformed", text, policy=CITY)
    assert "組織の中" in f.message


# Review of the sign's reading: a phone number then a fax number, each after a full-width 「／」, read as a path segment
# closed by 「/」 (「TEL025-526-5111／」, the 「／」 made ASCII), so the common contact line still stopped as
# 「URL に全角文字」; the second 「／」 is written full-width too, so it is the note's, not the address's.
@pytest.mark.parametrize(
    "text",
    [
        f"{_EVENT}／TEL025-526-5111／FAX025-526-6111",
        f"問合せ {_EVENT}／TEL:025-526-5111／FAX:025-526-6111",
    ],
)
def test_a_contact_line_of_full_width_signs_after_a_closed_path_ends_the_link(text: str) -> None:
    assert _links(text) == []
    assert [u.url for u in Document(text).urls] == [_EVENT]


# And what can only be more of the address after the sign, which the relaxation had let through as a note: a file
# name, a path ending in one, a percent escape, a user's directory after 「～」 (a tilde typed with the IME on). The link
# ends at the sign, a page other than the one meant.
@pytest.mark.parametrize(
    "text",
    [
        "https://www.example.ac.jp/～tanaka",
        f"{_EVENT}～tanaka",
        f"{_EVENT}／a.pdf",
        f"{_EVENT}／12345.html",
        "https://www.city.joetsu.niigata.jp/uploaded/attachment/／12345.pdf",
        "https://www.city.joetsu.niigata.jp/site/／2025/12/a.pdf",
        f"{_EVENT}＿2025.pdf",
        f"{_EVENT}％E4％B8％8A",
    ],
)
def test_more_of_the_address_after_a_full_width_sign_still_stops(text: str) -> None:
    assert "link.malformed" in _links(text)


# After a wiki's article path the word is the article's title, whatever it says (「ホームページ」「リンク」「参照」 are
# articles too): the link to 「…/wiki/」 opens the main page instead. The label reading let them through.
@pytest.mark.parametrize(
    "text",
    [
        "https://ja.wikipedia.org/wiki/ホームページ",
        "用語の説明 https://ja.wikipedia.org/wiki/リンク",
        "https://ja.wikipedia.org/wiki/参照",
    ],
)
def test_a_label_word_after_a_wiki_article_path_is_the_title(text: str) -> None:
    assert "link.malformed" in _links(text)


# A link that already ends in a file is whole, whatever the next line holds: a .csv, .txt or .gif was missing from
# links' list of file endings (text.py's list had them), so the line under it was read as the link wrapped and stopped.
@pytest.mark.parametrize(
    "text",
    [
        "統計データ（CSV）\nhttps://www.city.joetsu.niigata.jp/uploaded/jinko.csv\nhonbun/index.html",
        "https://www.city.joetsu.niigata.jp/uploaded/map.gif\nkoko/",
        "https://www.city.joetsu.niigata.jp/uploaded/readme.txt\nsample.pdf",
    ],
)
def test_a_link_ending_in_any_file_is_not_joined_to_the_next_line(text: str) -> None:
    assert not findings_of("link.malformed", text, policy=CITY)
