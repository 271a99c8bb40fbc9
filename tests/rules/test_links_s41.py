"""Link rules, session 41's red team: drafts a city's 広報 staff post, and the links that must still stop."""

from __future__ import annotations

import pytest

from bot.rules import RulePolicy
from tests.rules.conftest import codes

CITY = RulePolicy(allowed_link_domains=("city.joetsu.niigata.jp",))


def _links(text: str, platform: str = "x") -> list[str]:
    return [c for c in codes(text, policy=CITY, platform=platform) if c.startswith("link.")]


# Japanese public shorteners the upstream list lacks: a link shortened with one was only warned of
# as an untrusted domain, and went out when the warning was accepted.
@pytest.mark.parametrize(
    "text",
    [
        "申込はこちら https://ux.nu/AbC12",
        "詳しくはhttp://urx.blue/3V8T",
        "アンケート→ https://bit.do/kouhou-survey",
        "チラシ画像 http://ur0.work/3Vcm",
    ],
)
def test_japanese_shorteners_missing_upstream_stop(text: str) -> None:
    assert _links(text) == ["link.shortener"]


def test_a_shortener_named_as_a_service_still_passes() -> None:
    assert "link.shortener" not in _links("ux.nu などの短縮URLは使わないでください。")


_EVENT = "https://www.city.joetsu.niigata.jp/site/event/"


# A word that tells the reader what to do with the link, glued to it: prose, not a page's name. X links the address
# up to the Japanese, which is the whole address. They were stopped as 「URL の途中に日本語」, an error.
@pytest.mark.parametrize(
    "text",
    [
        f"詳細は{_EVENT}参照。",
        f"詳細：{_EVENT}参照\n#上越市",
        f"ホームページ{_EVENT}掲載中",
        f"{_EVENT}公開中\n#上越市 #イベント",
        f"申込方法は{_EVENT}要確認",
        f"{_EVENT}確認。",
        f"詳しくは{_EVENT}等",
        f"申込書の提出は{_EVENT}迄",
        f"申込フォーム{_EVENT}コチラ",
        f"{_EVENT}ココ\n↑タップ",
        f"{_EVENT}参考",
    ],
)
def test_a_word_about_the_link_glued_after_its_slash_is_prose(text: str) -> None:
    assert _links(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "詳しくは https://ja.wikipedia.org/wiki/上越市 をご覧ください。",
        "参考：https://ja.wikipedia.org/wiki/高田城",
        "https://ja.wikipedia.org/wiki/参照透過性 を参照",  # a title that begins with such a word is a title
        "https://x.com/hashtag/上越市公開中",
    ],
)
def test_a_page_name_after_the_slash_still_stops(text: str) -> None:
    assert "link.malformed" in _links(text)


# A hashtag with a full-width 「＃」 glued to the link: every platform ends the link before the 「＃」 and starts the
# hashtag there. It was read as a 「#」 of the address and stopped as 「URL に全角文字（「＃」）」, an error.
@pytest.mark.parametrize(
    "text",
    [
        f"冬まつり開催！{_EVENT}＃上越市",
        "https://www.city.joetsu.niigata.jp/site/event/index.html＃上越市 ＃冬まつり",
        f"詳しくは{_EVENT}＃joetsu ＃上越市",
    ],
)
def test_a_full_width_hashtag_glued_after_a_link_is_a_hashtag(text: str) -> None:
    for platform in ("x", "instagram", "facebook", "line"):
        assert _links(text, platform) == [], platform


@pytest.mark.parametrize(
    "text",
    [
        "https://www.city.joetsu.niigata.jp/site/kanko/index.html＃access/map",  # the address goes on after it
        "https://www.city.joetsu.niigata.jp/site/ｅｖｅｎｔ＃上越市",
        "https://bit.ly/3xYz12＃上越市",
    ],
)
def test_a_full_width_sign_inside_an_address_still_stops(text: str) -> None:
    assert set(_links(text)) & {"link.malformed", "link.shortener"}


# An address without 「https://」 numbered with a circled number (「①city.joetsu.niigata.jp/…」): the platforms link
# the address after the number. NFKC made 「①city」 one word 「1city」, an address with a full-width character
# (link.malformed, an error) on a host that looks like the city's (link.untrusted).
@pytest.mark.parametrize(
    "text",
    [
        "申込方法\n①city.joetsu.niigata.jp/site/form/\n②電話 025-526-5111",
        "①city.joetsu.niigata.jp/site/a/\n②city.joetsu.niigata.jp/site/b/",
        "⑫pref.niigata.lg.jp/sec/kikikanri/",
        "㉑city.joetsu.niigata.jp/site/kanko/",
        "⒈city.joetsu.niigata.jp/site/kanko/",
    ],
)
def test_a_numbered_address_is_the_address_after_the_number(text: str) -> None:
    assert _links(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("①bit.ly/3xYz12", "link.shortener"),
        ("②matome.example.com/entry/1", "link.untrusted"),
        ("③www.xvideos.com", "link.harmful"),
        ("①city.joestu.niigata.jp/site/a/", "link.untrusted"),
    ],
)
def test_a_numbered_address_is_still_checked(text: str, code: str) -> None:
    assert _links(text) == [code]


def test_a_circled_number_inside_an_address_stays_in_it() -> None:
    assert "link.malformed" in _links("https://www.city.joetsu.niigata.jp/site/a①b/")


# A list of links, one a line, the next one written without https:// (「instagram.com/joetsu_city/」): it is a link of
# its own, not the rest of the address above. It was stopped as 「URL が途中で改行されています」, an error, with the
# two addresses joined as the suggestion.
@pytest.mark.parametrize(
    "text",
    [
        f"{_EVENT}\ncity.joetsu.niigata.jp/site/kanko/",
        f"▼公式サイト\n{_EVENT}\ninstagram.com/joetsu_city/\nx.com/joetsu_city",
        f"{_EVENT}\nfacebook.com/joetsucity/",
        f"{_EVENT}\n  pref.niigata.lg.jp/sec/kikikanri/index.html",
    ],
)
def test_an_address_on_the_next_line_is_a_link_of_its_own(text: str) -> None:
    assert "link.malformed" not in _links(text)


@pytest.mark.parametrize(
    "text",
    [
        "https://www.city.joetsu.niigata.jp/site/kurashi/\nbosai/index.html",
        "https://www.city.joetsu.niigata.jp/site/\nkurashi/bosai/",
        "https://www.city.joe\ntsu.niigata.jp/",  # a host cut in two: no link of its own before the break
        "https://www.city.\njoetsu.niigata.jp",
    ],
)
def test_an_address_wrapped_onto_the_next_line_still_stops(text: str) -> None:
    assert "link.malformed" in _links(text)


# A full-width sign glued after a link as a separator (「詳細：https://…/event/／問合せ：市民課」): the platforms end the
# link before it, so the address is whole. It was read as part of the address and stopped as 「URL に全角文字」.
@pytest.mark.parametrize(
    "text",
    [
        f"詳細：{_EVENT}／問合せ：市民課",
        "詳細：https://www.city.joetsu.niigata.jp/site/event/index.html／問合せ：市民課 025-526-5111",
        f"申込{_EVENT}＝先着順",
        f"{_EVENT}＆市役所窓口で受付",
        f"{_EVENT}＠市民課",
    ],
)
def test_a_full_width_sign_after_a_link_ends_it(text: str) -> None:
    assert _links(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "https://www.city.joetsu.niigata.jp／site／event／",  # typed with the IME on: the address goes on after
        "https://www.city.joetsu.niigata.jp/site/ｅｖｅｎｔ",
        "https：／／www.city.joetsu.niigata.jp/",
        f"{_EVENT}?q＝雪まつり",
    ],
)
def test_full_width_signs_inside_an_address_still_stop(text: str) -> None:
    assert "link.malformed" in _links(text)


def test_a_shortener_before_a_full_width_sign_still_stops() -> None:
    assert _links("申込はhttps://bit.ly/3xYz12／問合せ：市民課") == ["link.shortener"]


# Review: a fragment typed with the IME on after a file name (「…/index.html＃access」) is the address's, not a
# hashtag: X makes no hashtag of a 「＃」 right after a letter, and links the page without its anchor.
@pytest.mark.parametrize(
    "text",
    [
        "会場への地図：https://www.city.joetsu.niigata.jp/site/kanko/index.html＃access",
        "https://www.city.joetsu.niigata.jp/site/event/index.html＃map 地図はこちら",
        "https://www.city.joetsu.niigata.jp/site/event/index.html＃section2。",
        "https://www.city.joetsu.niigata.jp/site/event/index.html＃ｍａｐ",
    ],
)
def test_a_full_width_fragment_after_a_file_name_still_stops(text: str) -> None:
    assert _links(text) == ["link.malformed"]


# Review: 「アクセス」 and 「検索」 alone after the 「/」 are the names of pages (a venue's map, a search form), which X
# cuts off the link; said of the link they come with 「要」「中」「可」.
@pytest.mark.parametrize(
    "text",
    [
        "会場へのアクセスはこちら https://www.city.joetsu.niigata.jp/site/kanko/アクセス",
        "施設の空き状況 https://www.city.joetsu.niigata.jp/shisetsu/検索\n#上越市",
    ],
)
def test_a_page_named_access_or_search_still_stops(text: str) -> None:
    assert _links(text) == ["link.malformed"]


@pytest.mark.parametrize("text", [f"{_EVENT}アクセス可", f"{_EVENT}要アクセス", f"{_EVENT}検索可"])
def test_access_or_search_said_of_the_link_is_prose(text: str) -> None:
    assert _links(text) == []


# Review: a Japanese page name closed by its 「/」 (a WordPress page, a CMS folder) is the address's: X links only up to
# the Japanese and opens another page. It passed, before this session too.
@pytest.mark.parametrize(
    "text",
    [
        "https://www.city.joetsu.niigata.jp/soshiki/観光振興課/",
        "最新情報 https://www.city.joetsu.niigata.jp/お知らせ/ をご覧ください。",
        "https://www.city.joetsu.niigata.jp/イベント/冬まつり/\n#上越市",
        f"{_EVENT}参照/",
    ],
)
def test_a_japanese_name_closed_by_its_slash_stops(text: str) -> None:
    assert _links(text) == ["link.malformed"]


@pytest.mark.parametrize(
    "text",
    [
        f"{_EVENT}（申込/問合せ）",
        f"{_EVENT} tel/fax",
        f"申込書（word/pdf形式）は{_EVENT}から",
        f"{_EVENT}申込/問合せ：市民課",
    ],
)
def test_japanese_words_joined_by_a_slash_after_a_link_are_prose(text: str) -> None:
    assert _links(text) == []


# A harmful site's address with the dot typed with the IME on: the link as we read it ends at 「。」, though a
# browser reads 「。」「．」 as a dot and opens the listed site. It was only warned of as an unknown domain.
@pytest.mark.parametrize("text", ["詳しくは https://www.xvideos。com/ をご覧ください", "こちら www.xvideos。com",
                                  "https://www.pornhub．com/"])
def test_a_harmful_domain_behind_an_ideographic_dot_stops(text: str) -> None:
    found = _links(text)
    assert "link.harmful" in found and "link.untrusted" not in found, found


@pytest.mark.parametrize("text", ["詳細は https://www.city.joetsu.niigata.jp/。Thanks for visiting",
                                  "https://www.city.joetsu.niigata.jp。com と書かれた偽サイトに注意"])
def test_an_ordinary_link_before_a_full_stop_is_not_harmful(text: str) -> None:
    assert "link.harmful" not in _links(text)
