"""Link rules."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rules import RuleOverride, RulePolicy
from bot.rules.domains import host_in, load_domain_list
from tests.rules.conftest import codes, findings_of

JOETSU = RulePolicy(allowed_link_domains=("city.joetsu.niigata.jp",))


def test_bundled_shortener_list_is_the_maintained_public_list() -> None:
    listed = load_domain_list("shorteners.txt")
    assert {"bit.ly", "t.co", "tinyurl.com", "lin.ee", "is.gd"} <= listed
    assert len(listed) > 1000


@pytest.mark.parametrize(
    "url", ["https://bit.ly/3abc", "http://tinyurl.com/xyz", "bit.ly/3abc", "https://t.co/abc"]
)
def test_shorteners_fire(url: str) -> None:
    assert "link.shortener" in codes(f"詳しくは{url}をご覧ください")


@pytest.mark.parametrize(("text", "code"), [
    ("詳しくは https://bit.ly/3xYz12 をご覧ください", "link.shortener"),
    ("詳しくは http://bit.ly/3xYz12 をご覧ください", "link.shortener"),
    ("こちら→ https://www.xvideos.com/", "link.harmful"),
])
def test_a_link_that_must_go_is_one_finding_not_also_untrusted_or_insecure(text: str, code: str) -> None:
    # The error says the link has to go; "untrusted domain" and "use https://" beside it were noise.
    assert [c for c in codes(text) if c.startswith("link.")] == [code]


def test_a_shortener_allowed_or_switched_off_is_checked_as_any_other_domain() -> None:
    text = "詳しくは http://ow.ly/abcd"
    allowed = {"link.shortener": RuleOverride(allow=("ow.ly",))}
    assert [c for c in codes(text, overrides=allowed) if c.startswith("link.")] == ["link.insecure", "link.untrusted"]
    off = {"link.shortener": RuleOverride(enabled=False)}
    assert [c for c in codes(text, overrides=off) if c.startswith("link.")] == ["link.insecure", "link.untrusted"]


def test_shortener_allow_list_lets_official_short_links_through() -> None:
    ov = {"link.shortener": RuleOverride(allow=("ow.ly",))}
    assert "link.shortener" in codes("詳しくは https://ow.ly/abcd")
    assert "link.shortener" not in codes("詳しくは https://ow.ly/abcd", overrides=ov)


def test_harmful_domain_and_subdomain_fire_and_list_is_extendable() -> None:
    assert "link.harmful" in codes("https://jp.pornhub.com/view")
    ov = {"link.harmful": RuleOverride(extra_words=("scam.example",))}
    assert "link.harmful" in codes("https://login.scam.example/", overrides=ov)
    assert "link.harmful" not in codes("https://login.scam.example/")


def test_insecure_http_suggests_https() -> None:
    [f] = findings_of("link.insecure", "http://www.city.joetsu.niigata.jp/soshiki/", policy=JOETSU)
    assert f.suggestion == "https://www.city.joetsu.niigata.jp/soshiki/"


@pytest.mark.parametrize(
    "url",
    [
        "https://www.city.joetsu.niigata.jp/page",
        "https://www.city.joetsu.lg.jp/",
        "https://www.kantei.go.jp/",
    ],
)
def test_trusted_domains(url: str) -> None:
    assert "link.untrusted" not in codes(f"詳細 {url}", policy=JOETSU)


def test_untrusted_reports_the_registrable_domain_and_not_lookalikes() -> None:
    [f] = findings_of(
        "link.untrusted", "https://news.evil-city.joetsu.niigata.jp.example.com/a", policy=JOETSU
    )
    assert "example.com" in f.message
    [g] = findings_of("link.untrusted", "https://blog.example.co.jp/a")
    assert "example.co.jp は" in g.message


def test_url_followed_by_japanese_ends_at_the_ascii_boundary() -> None:
    text = "詳しくはhttps://www.example.com/eventをご覧ください"
    [f] = findings_of("link.untrusted", text)
    assert f.excerpt == "https://www.example.com/event"


_CITY = "https://www.city.joetsu.niigata.jp"
_TRUSTED = RulePolicy(allowed_link_domains=("city.joetsu.niigata.jp",))


@pytest.mark.parametrize(
    ("text", "excerpt", "words", "suggestion"),
    [
        (
            f"詳しくは {_CITY}/kouhou/上越市の魅力.html をご覧ください。",
            f"{_CITY}/kouhou/上越市の魅力.html",
            "「上越市の魅力」",
            f"{_CITY}/kouhou/%E4%B8%8A%E8%B6%8A%E5%B8%82%E3%81%AE%E9%AD%85%E5%8A%9B.html",
        ),
        (
            f"{_CITY}/site/観光/冬/list.html。",
            f"{_CITY}/site/観光/冬/list.html",
            "「観光」「冬」",
            f"{_CITY}/site/%E8%A6%B3%E5%85%89/%E5%86%AC/list.html",
        ),
        (
            f"資料 {_CITY}/uploaded/令和8年度予算.pdf",
            f"{_CITY}/uploaded/令和8年度予算.pdf",
            "「令和8年度予算」",
            f"{_CITY}/uploaded/%E4%BB%A4%E5%92%8C8%E5%B9%B4%E5%BA%A6%E4%BA%88%E7%AE%97.pdf",
        ),
        (
            f"検索 {_CITY}/search?q=雪&lang=ja",
            f"{_CITY}/search?q=雪&lang=ja",
            "「雪」",
            f"{_CITY}/search?q=%E9%9B%AA&lang=ja",
        ),
        # A page's name in kanji or katakana after 「/」, then a space or the end: the link needs it.
        (
            "詳しくは https://ja.wikipedia.org/wiki/上越市 をご覧ください。",
            "https://ja.wikipedia.org/wiki/上越市",
            "「上越市」",
            "https://ja.wikipedia.org/wiki/%E4%B8%8A%E8%B6%8A%E5%B8%82",
        ),
        (
            "参考：https://ja.wikipedia.org/wiki/高田城",
            "https://ja.wikipedia.org/wiki/高田城",
            "「高田城」",
            "https://ja.wikipedia.org/wiki/%E9%AB%98%E7%94%B0%E5%9F%8E",
        ),
        # A search's value after 「=」, hiragana too.
        (
            f"検索 {_CITY}/search?q=雪まつり。",
            f"{_CITY}/search?q=雪まつり",
            "「雪まつり」",
            f"{_CITY}/search?q=%E9%9B%AA%E3%81%BE%E3%81%A4%E3%82%8A",
        ),
    ],
)
def test_japanese_inside_an_address_is_malformed_and_encoded(text: str, excerpt: str, words: str, suggestion: str) -> None:
    """X links an address only up to its first Japanese character: the rest of the path is lost."""
    [f] = findings_of("link.malformed", text, policy=_TRUSTED)
    assert (f.excerpt, f.suggestion) == (excerpt, suggestion)
    assert f"日本語（{words}）" in f.message


@pytest.mark.parametrize(
    "text",
    [
        f"{_CITY}/kouhou/をご覧ください。",  # the address ends, a sentence follows
        f"{_CITY}/kouhouをご覧ください.",
        f"詳しくは {_CITY}/kouhou/ と {_CITY}/event/ で",
        f"{_CITY}/とhttps://www.pref.niigata.lg.jp/",  # two links
        f"{_CITY}/kouhouまたはinfo@city.joetsu.lg.jp",
        f"{_CITY}/a（PDF：1.2MB）",
        f"{_CITY}/で12/6まで受付",
        f"{_CITY}/のQ&Aをご覧ください",
        f"{_CITY}/ 上越市の公式サイト",  # a space before the Japanese: it is the link's caption
        f"{_CITY}/へ",
        f"{_CITY}/kouhou/上越市をご覧ください",  # goes on without a space: cannot be told from prose
    ],
)
def test_japanese_after_an_address_is_prose(text: str) -> None:
    assert "link.malformed" not in codes(text, policy=_TRUSTED)


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("https//facebook.com/town.wake/", "https://facebook.com"),
        ("http:/www.example.com", "http://www.example.com"),
        ("ttps://www.example.com", "https://www.example.com"),
        ("https:://www.example.com", "https://www.example.com"),
        ("https:::www.example.com", "https://www.example.com"),
    ],
)
def test_malformed_scheme(text: str, suggestion: str) -> None:
    [f] = findings_of("link.malformed", f"詳細は{text}へ")
    assert f.suggestion == suggestion


def test_fullwidth_characters_inside_a_url_are_malformed() -> None:
    text = "詳細 https://www.city.joetsu.niigata.jp／kurashi／"
    [f] = findings_of("link.malformed", text, policy=JOETSU)
    assert f.suggestion == "https://www.city.joetsu.niigata.jp/kurashi/"
    assert text[f.start : f.end] == "https://www.city.joetsu.niigata.jp／kurashi／"


@pytest.mark.parametrize(("text", "urls"), [
    ("資料 https://www.city.joetsu.niigata.jp/a.pdf（PDF：1.2MB）", ["https://www.city.joetsu.niigata.jp/a.pdf"]),
    ("資料 city.joetsu.niigata.jp/a.pdf（PDF）", ["city.joetsu.niigata.jp/a.pdf"]),
    ("https://www.city.joetsu.niigata.jp/（上越市ホームページ）", ["https://www.city.joetsu.niigata.jp/"]),
    ("https://www.city.joetsu.niigata.jp/a，https://www.city.joetsu.niigata.jp/b",
     ["https://www.city.joetsu.niigata.jp/a", "https://www.city.joetsu.niigata.jp/b"]),
    ("https://www.city.joetsu.niigata.jp/a.pdf（PDF）https://www.city.joetsu.niigata.jp/b.pdf（PDF）",
     ["https://www.city.joetsu.niigata.jp/a.pdf", "https://www.city.joetsu.niigata.jp/b.pdf"]),
    # Any full-width mark right before another link ends the first: each link opens as written.
    ("https://www.city.joetsu.niigata.jp/a！https://www.city.joetsu.niigata.jp/b",
     ["https://www.city.joetsu.niigata.jp/a", "https://www.city.joetsu.niigata.jp/b"]),
    ("日本語 https://www.city.joetsu.niigata.jp/ja：https://www.city.joetsu.niigata.jp/en English",
     ["https://www.city.joetsu.niigata.jp/ja", "https://www.city.joetsu.niigata.jp/en"]),
    ("https://www.city.joetsu.niigata.jp/a．www.city.joetsu.niigata.jp/b",
     ["https://www.city.joetsu.niigata.jp/a", "www.city.joetsu.niigata.jp/b"]),
])
def test_a_note_in_fullwidth_brackets_after_a_url_is_not_part_of_it(text: str, urls: list[str]) -> None:
    """「…/a.pdf（PDF：1.2MB）」 is how Japanese notices mark a file; every platform ends the link at 「（」.
    It used to be a link.malformed error, which staff would learn to ignore."""
    from bot.rules.text import Document

    assert [u.url for u in Document(text).urls] == urls
    assert codes(text, policy=JOETSU) == []


def test_links_cut_one_after_another_in_one_address_each_end_where_they_did() -> None:
    """Links cut in a row are found from one reading of the characters they run together in; each
    still ends at its own mark: a link, a note, or an address that goes on (「（1）/c」)."""
    from bot.rules.text import Document

    text = f"{_CITY}/a（{_CITY}/b（1）/c，www.city.joetsu.niigata.jp/d（PDF）"
    assert [(u.url, u.start, u.end) for u in Document(text).urls] == [
        (f"{_CITY}/a", 0, 36),
        (f"{_CITY}/b(1)/c", 37, 78),
        ("www.city.joetsu.niigata.jp/d", 79, 107),
    ]


def test_a_fullwidth_mark_joining_a_redirect_to_its_destination_is_still_malformed() -> None:
    # 「＝」 before the destination is a typo inside one address, not the end of a link.
    text = "https://www.city.joetsu.niigata.jp/jump?url＝https://www.city.joetsu.niigata.jp/b"
    [f] = findings_of("link.malformed", text, policy=JOETSU)
    assert text[f.start : f.end] == text


def test_a_fullwidth_bracket_the_address_goes_on_after_is_still_malformed() -> None:
    text = "https://www.city.joetsu.niigata.jp/event（2026）/list"
    [f] = findings_of("link.malformed", text, policy=JOETSU)
    assert f.suggestion == "https://www.city.joetsu.niigata.jp/event(2026)/list" and text[f.start : f.end] == text


def test_a_fullwidth_url_is_one_finding_that_quotes_what_to_fix() -> None:
    whole = "ｈｔｔｐｓ：／／ｗｗｗ．ｃｉｔｙ．ｊｏｅｔｓｕ．ｎｉｉｇａｔａ．ｊｐ"
    found = codes(f"詳細は {whole} へ", policy=JOETSU)
    assert found.count("link.malformed") == 1 and "a11y.fullwidth_alnum" not in found
    [f] = findings_of("link.malformed", whole, policy=JOETSU)
    assert f.message.startswith("URL が全角文字で書かれていて")
    [f] = findings_of("link.malformed", "https://www.city.joetsu.niigata.jp/ｅｖｅｎｔ/", policy=JOETSU)
    assert "（「ｅｖｅｎｔ」）" in f.message
    [f] = findings_of("link.malformed", "https://www.city.joetsu.niigata.jp/ａ/ｂ/ｃ/ｄ", policy=JOETSU)
    assert "（「ａ」「ｂ」「ｃ」など）" in f.message


def test_fullwidth_digits_outside_a_url_are_still_noted() -> None:
    found = codes("受付は１０時から https://www.city.joetsu.niigata.jp/ａ", policy=JOETSU)
    assert found.count("a11y.fullwidth_alnum") == 1 and "link.malformed" in found


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("詳しくは evil-example.com へ", "evil-example.com"),
        ("詳しくはjoetsu-kankou.jpをご覧ください", "joetsu-kankou.jp"),
        ("Amazon.co.jp で販売中です", "amazon.co.jp"),
        ("情報は example.org まで", "example.org"),
    ],
)
def test_a_domain_written_without_a_scheme_or_path_is_a_link(text: str, host: str) -> None:
    """X, Facebook and LINE turn it into a link, so it is checked like one."""
    [f] = findings_of("link.untrusted", text, policy=JOETSU)
    assert host in f.message


@pytest.mark.parametrize(
    "text",
    [
        "Instagram：official.wake.town",  # an account name with dots
        "申請書.zip を添付します",
        "ロゴ（logo.ai）をお送りします",
        "joetsu.info@example.lg.jp へ",  # the local part of a mail address
        "Mr.Childrenのコンサート、B.LEAGUE観戦、ver.2.0",
    ],
)
def test_names_that_look_like_domains_are_not_links(text: str) -> None:
    assert not [c for c in codes(text, policy=JOETSU) if c.startswith("link.")]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("管理画面 http://localhost:8080/admin を開いて", "localhost"),
        ("http://intranet/cms/login から入稿します", "intranet"),
        ("http://192.168.0.1/ で設定", "192.168.0.1"),
        ("共有 https://10.0.0.5/share", "10.0.0.5"),
        ("https://fs.local/kouhou/", "fs.local"),
        # IPv6 addresses are written in brackets; their colons are not a port.
        ("管理画面 http://[::1]:8080/admin を開いて", "[::1]"),
        ("https://[fd12:3456:789a::10]/share", "[fd12:3456:789a::10]"),
        ("https://[fe80::1%25eth0]/", "[fe80::1%25eth0]"),
        # The host after a user name, not the user name.
        ("http://kouhou@fileserver/share", "fileserver"),
    ],
)
def test_an_address_only_the_office_network_reaches_is_one_error(text: str, where: str) -> None:
    found = findings_of("link.malformed", text, policy=JOETSU)
    assert len(found) == 1 and f"組織の中でしか開けないアドレス（{where}）" in found[0].message
    assert found[0].severity == "error"
    assert not {"link.untrusted", "link.insecure"} & set(codes(text, policy=JOETSU))


@pytest.mark.parametrize(
    ("text", "path"),
    [
        ("原稿は file:///C:/Users/kouhou/Desktop/原稿.docx です", "file:///C:/Users/kouhou/Desktop/原稿.docx"),
        ("原稿は \\\\fileserver\\広報\\原稿.docx にあります", "\\\\fileserver\\広報\\原稿.docx"),
        ("C:\\Users\\kouhou\\Desktop\\原稿.docx", "C:\\Users\\kouhou\\Desktop\\原稿.docx"),
        ("保存先：C:¥Users¥kouhou¥原稿.docx", "C:¥Users¥kouhou¥原稿.docx"),
        ("￥￥fileserver￥広報￥写真", "￥￥fileserver￥広報￥写真"),
    ],
)
def test_the_place_of_a_file_on_a_pc_or_server_is_an_error(text: str, path: str) -> None:
    [f] = findings_of("link.malformed", text, policy=JOETSU)
    assert text[f.start : f.end] == path and "ファイルの場所" in f.message


@pytest.mark.parametrize(
    ("text", "service"),
    [
        ("参考 https://joetsu-city.slack.com/archives/C0123ABC/p1764100000000100", "Slack"),
        ("https://app.slack.com/client/T0123ABC/C0456DEF", "Slack"),
        ("チラシ https://joetsu.enterprise.slack.com/files/U0123/F0456/flyer.pdf", "Slack"),
        ("https://teams.microsoft.com/l/message/19:abc@thread.tacv2/1700000000?tenantId=x", "Teams"),
        ("https://teams.microsoft.com/l/channel/19%3aabc%40thread.tacv2/General?groupId=x", "Teams"),
    ],
)
def test_a_link_into_the_offices_own_chat_is_one_error(text: str, service: str) -> None:
    """Copied from the conversation where the draft was discussed: only members can open it, and it
    names the workspace. Before, it was an "untrusted domain" warning to be added to the list."""
    [f] = findings_of("link.malformed", text, policy=JOETSU)
    assert f.severity == "error" and f.message.startswith(f"{service} のメッセージやファイルへのリンクです")
    assert "link.untrusted" not in codes(text, policy=JOETSU)


@pytest.mark.parametrize(
    "text",
    [
        "オンライン説明会 https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc/0?context=x",
        "コミュニティに参加 https://join.slack.com/t/joetsu-community/shared_invite/zt-abc",
        "https://slack.com/intl/ja-jp/",
    ],
)
def test_meeting_links_and_public_slack_pages_are_not_chat_links(text: str) -> None:
    assert not any("メッセージやファイル" in f.message for f in findings_of("link.malformed", text, policy=JOETSU))


@pytest.mark.parametrize(
    "text",
    ["入場料 ¥500（税込）", "https://8.8.8.8/ は外部", "時刻は10:00、場所はC棟", "https://www.city.joetsu.niigata.jp/"],
)
def test_public_addresses_prices_and_times_are_not_internal(text: str) -> None:
    assert not any("組織の中" in f.message or "ファイルの場所" in f.message for f in findings_of("link.malformed", text))


def test_the_domain_of_a_disguised_mail_address_is_not_also_a_link() -> None:
    assert codes("連絡先 taro[at]gmail.com", policy=JOETSU) == ["pii.email"]


def test_a_shortener_named_without_a_link_is_not_a_shortened_link() -> None:
    assert "link.shortener" not in codes("tinyurl.com などの短縮URLにはご注意ください", policy=JOETSU)
    assert "link.shortener" in codes("詳しくは tinyurl.com/abc123 へ", policy=JOETSU)
    # With its scheme and no id, the address leads to the service's own page.
    assert "link.shortener" not in codes("https://bit.ly/ は短縮URLのサービスです", policy=JOETSU)


@pytest.mark.parametrize(
    "text",
    [
        "「amzn.asia/d/…」や「bit.ly/…」で始まるURLのSMSに注意してください",
        "「https://bit.ly/」で始まるリンクは開かないでください",
        "「bit.ly/」から始まるURLにご注意ください",
        "bit.ly/xxxx のようなURLが書かれたメールは開かないでください",
        "bit.ly/*** などのURLに注意",
        "短縮URL（bit.ly/xxxx など）は使わないでください",
    ],
)
def test_a_shorteners_address_named_as_a_scams_pattern_is_no_link(text: str) -> None:
    assert not [c for c in codes(text, policy=JOETSU) if c.startswith("link.")]


@pytest.mark.parametrize(
    "text",
    [
        "「amzn.asia/d/abc123」を開いてください",
        "詳しくは bit.ly/3xYzAbc をご覧ください",
        "こちら https://bit.ly/3xYzAbc/ から",
        "「https://bit.ly/3xYz12」で申し込めます",
    ],
)
def test_a_shortened_link_with_its_id_still_fires(text: str) -> None:
    assert "link.shortener" in codes(text, policy=JOETSU)


def test_another_sites_address_cut_short_is_still_untrusted() -> None:
    # Only a shortener's address ends in an id; a page of another site cut short still leads there.
    assert "link.untrusted" in codes("詳しくは「https://matome.example.com/entry/…」をご覧ください", policy=JOETSU)


def test_file_names_are_not_links() -> None:
    assert not [c for c in codes("添付の report.pdf と image.png をご確認ください") if c.startswith("link.")]


@pytest.mark.parametrize(
    "url",
    [
        "https://city.joetsu.niigata.jp@evil.example/abc",
        "https://www.city.joetsu.lg.jp@evil.example/",
        "https://www.city.joetsu.niigata.jp:443@login.evil.example.com/a",
    ],
)
def test_a_trusted_name_before_at_does_not_make_a_link_trusted(url: str) -> None:
    text = f"詳しくは {url} をご覧ください"
    [f] = findings_of("link.untrusted", text, policy=JOETSU)
    assert text[f.start : f.end] == url
    assert "「@」より前" in f.message


def test_userinfo_in_front_of_a_trusted_host_is_trusted() -> None:
    assert "link.untrusted" not in codes("https://guest@www.city.joetsu.niigata.jp/", policy=JOETSU)


def test_an_address_next_to_a_link_is_still_an_address() -> None:
    assert "pii.email" in codes("https://www.city.joetsu.niigata.jp/ または taro@gmail.com へ", policy=JOETSU)


@pytest.mark.parametrize(
    "ch", ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
)
def test_bidi_controls_inside_a_url_are_malformed(ch: str) -> None:
    text = f"詳細 https://www.city.joetsu.niigata.jp/{ch}fdp.exe をご覧ください"
    [f] = findings_of("link.malformed", text, policy=JOETSU)
    assert text[f.start : f.end] == f"https://www.city.joetsu.niigata.jp/{ch}fdp.exe"
    assert f.suggestion == "https://www.city.joetsu.niigata.jp/fdp.exe"
    assert "見えない文字" in f.message


def test_zero_width_space_inside_a_url_is_malformed_but_not_fullwidth() -> None:
    [f] = findings_of("link.malformed", "https://www.city.joetsu.niigata.jp/\u200bkurashi/", policy=JOETSU)
    assert "見えない文字" in f.message
    assert "全角" not in f.message


def test_a_clean_url_beside_bidi_text_is_not_malformed() -> None:
    assert "link.malformed" not in codes(
        "\u202bhttps://www.city.joetsu.niigata.jp/\u202c ご覧ください", policy=JOETSU
    )


@pytest.mark.parametrize("domain", ["qr.paps.jp", "00m.in", "onl.bz", "urx.red", "2ur.jp", "ur0.jp", "amzn.asia"])
def test_japanese_shorteners_missing_upstream_are_added_by_the_supplement(domain: str) -> None:
    assert domain not in load_domain_list("shorteners.txt")
    [f] = findings_of("link.shortener", f"詳しくは https://{domain}/AbC12 をご覧ください")
    assert domain in f.message


def test_supplement_shorteners_respect_allow() -> None:
    ov = {"link.shortener": RuleOverride(allow=("qr.paps.jp",))}
    assert "link.shortener" not in codes("https://qr.paps.jp/AbC12", overrides=ov)


def _host_in_every_parent(host: str, domains: frozenset[str]) -> str | None:
    labels = host.split(".")
    return next((".".join(labels[i:]) for i in range(len(labels) - 1) if ".".join(labels[i:]) in domains), None)


@settings(max_examples=300, deadline=None)
@given(labels=st.lists(st.sampled_from(["www", "bit", "ly", "city", "joetsu", "niigata", "lg", "jp", "co", "a"]),
                       min_size=1, max_size=9))
def test_host_in_finds_the_same_entry_as_checking_every_parent(labels: list[str]) -> None:
    domains = frozenset({"bit.ly", "city.joetsu.niigata.jp", "niigata.jp", "co.jp", "a.co.jp", "ly"})
    host = ".".join(labels)
    assert host_in(host, domains) == _host_in_every_parent(host, domains)


def test_a_made_up_host_of_thousands_of_labels_is_looked_up_by_its_last_labels() -> None:
    # "www." pasted 10,000 times reads as one host; only parents as long as a listed domain can match.
    assert host_in("www." * 10_000 + "bit.ly", frozenset({"bit.ly"})) == "bit.ly"
    assert host_in("www." * 10_000 + "example", frozenset({"bit.ly"})) is None


@pytest.mark.parametrize(
    ("text", "url", "letters", "suggestion"),
    [
        # A Cyrillic «о» in the city's own domain: one error for the whole URL, not two pieces.
        ("詳しくは https://www.city.jоetsu.niigata.jp/ をご覧ください", "https://www.city.jоetsu.niigata.jp/",
         "キリル文字の「о」", "https://www.city.joetsu.niigata.jp/"),
        ("ログインは аррӏе.com から", "аррӏе.com", "キリル文字の「арӏе」", "apple.com"),
        ("gооgle.com/forms/abc に回答を", "gооgle.com/forms/abc", "キリル文字の「о」", "google.com/forms/abc"),
        ("http://www.αpple.com/ へ", "http://www.αpple.com/", "ギリシャ文字の「α」", "http://www.apple.com/"),
    ],
)
def test_a_domain_with_greek_or_cyrillic_look_alikes_is_one_error(
    text: str, url: str, letters: str, suggestion: str
) -> None:
    found = findings_of("link.malformed", text, policy=JOETSU)
    assert [text[f.start : f.end] for f in found] == [url]
    assert f"（{letters}）" in found[0].message and "なりすまし" in found[0].message
    assert found[0].suggestion == suggestion and found[0].severity == "error"
    assert not {"link.untrusted", "link.insecure"} & set(codes(text, policy=JOETSU))


@pytest.mark.parametrize(
    "text",
    [
        "モスクワ（https://ru.wikipedia.org/wiki/Москва）",  # Cyrillic in the path, not the domain
        "Добро пожаловать! https://www.city.joetsu.niigata.jp/ru/",  # a notice in Russian
        "α波とβ波 https://www.city.joetsu.niigata.jp/",
    ],
)
def test_greek_or_cyrillic_outside_a_domain_is_not_a_look_alike(text: str) -> None:
    assert not any("よく似た" in f.message for f in findings_of("link.malformed", text, policy=JOETSU))


@pytest.mark.parametrize(
    ("url", "front", "goes_to"),
    [
        ("https://city.joetsu.niigata.jp.evil.com/login", "city.joetsu.niigata.jp", "evil.com"),
        ("https://www.city.joetsu.lg.jp.login-check.net/", "www.city.joetsu.lg.jp", "login-check.net"),
    ],
)
def test_a_trusted_domain_at_the_front_of_another_is_named_as_a_disguise(url: str, front: str, goes_to: str) -> None:
    [f] = findings_of("link.untrusted", f"詳しくは {url} へ", policy=JOETSU)
    assert f"行き先は {goes_to} です（「{front}」はアドレスの一部にすぎません）" in f.message
    assert "allowed_link_domains" not in f.message  # never advise trusting it


@pytest.mark.parametrize(
    "url", ["https://www.city.joestu.niigata.jp/", "https://city-joetsu-niigata.jp/", "https://www.city.jyoetsu.niigata.jp/"]
)
def test_a_misspelling_of_a_trusted_domain_is_named_as_a_look_alike(url: str) -> None:
    [f] = findings_of("link.untrusted", url, policy=JOETSU)
    assert "信頼済みの city.joetsu.niigata.jp とよく似た別のドメイン" in f.message
    assert "allowed_link_domains" not in f.message


def test_a_neighbouring_city_is_just_untrusted_not_a_look_alike() -> None:
    [f] = findings_of("link.untrusted", "https://www.city.myoko.niigata.jp/", policy=JOETSU)
    assert "よく似た" not in f.message and "allowed_link_domains" in f.message
    # Said to the operator, who cannot edit the organisation file: the IT 担当 adds the domain.
    assert "IT 担当に組織設定の allowed_link_domains への追加を依頼できます" in f.message


def test_a_link_to_an_ip_address_says_who_can_trust_it() -> None:
    [f] = findings_of("link.untrusted", "詳しくは https://93.184.216.34/event をご覧ください", policy=JOETSU)
    assert "IP アドレス" in f.message and "IT 担当に組織設定の allowed_link_domains への追加を依頼できます" in f.message


@pytest.mark.parametrize(("text", "host"), [
    ("詳しくは https://上越市.jp/ をご覧ください", "上越市.jp"),
    ("詳しくはhttps://上越市.jp/kanko?id=1をご覧ください", "上越市.jp"),
    ("公式（https://にいがた観光.jp）", "にいがた観光.jp"),
])
def test_a_link_to_a_japanese_domain_name_is_checked_like_any_other(text: str, host: str) -> None:
    """X and LINE link 「https://上越市.jp/」; it used to pass with nothing said, being no ASCII URL."""
    [f] = findings_of("link.untrusted", text, policy=JOETSU)
    assert f.message.startswith(f"{host} は信頼済みのドメインではありません") and "https://" in f.excerpt


@pytest.mark.parametrize("listed", ["上越市.jp", "xn--fhq220b719a.jp"])
def test_a_japanese_domain_name_is_trusted_as_listed_in_either_form(listed: str) -> None:
    policy = RulePolicy(allowed_link_domains=(listed,))
    assert "link.untrusted" not in codes("詳しくは https://www.上越市.jp/ をご覧ください", policy=policy)
    assert "link.untrusted" not in codes("詳しくは https://www.xn--fhq220b719a.jp/ をご覧ください", policy=policy)


@pytest.mark.parametrize("text", [
    "https://詳しくはこちら",  # no domain at all
    "https://www.city.joetsu.niigata.jpをご覧ください",  # an ASCII link, then Japanese
    "メールはinfo@上越市.jpへ",
])
def test_japanese_text_after_a_scheme_is_not_a_japanese_domain(text: str) -> None:
    assert "link.untrusted" not in codes(text, policy=JOETSU)


def test_links_of_every_kind_are_found_once_in_order() -> None:
    from bot.rules.text import Document

    text = ("https://www.city.joetsu.niigata.jp/a 詳しくは https://上越市.jp/b と example.com、"
            "https://にいがた.jp（公式） https://www.city.joetsu.niigata.jp/c www.example.jp/d\n") * 3
    urls = [u.url for u in Document(text).urls]
    assert urls == ["https://www.city.joetsu.niigata.jp/a", "https://上越市.jp/b", "example.com",
                    "https://にいがた.jp", "https://www.city.joetsu.niigata.jp/c", "www.example.jp/d"] * 3


def test_url_at_names_the_link_holding_an_offset() -> None:
    from bot.rules.text import Document

    text = "詳しくは https://a.jp/x#top と https://b.jp/ へ"
    doc = Document(text)
    a = text.index("https://a.jp")
    b = text.index("https://b.jp")
    assert doc.url_at(a) is doc.urls[0] and doc.url_at(text.index("#top")) is doc.urls[0]
    assert doc.url_at(b + 3) is doc.urls[1]
    assert doc.url_at(0) is None and doc.url_at(text.index("と")) is None and doc.url_at(len(text) - 1) is None


def test_urls_within_names_the_links_overlapping_a_span() -> None:
    from bot.rules.text import Document

    text = "x https://a.jp/1 y https://b.jp/2 z"
    doc = Document(text)
    first, second = doc.urls
    assert doc.urls_within(0, len(text)) == [first, second]
    assert doc.urls_within(5, 6) == [first]  # inside the first
    assert doc.urls_within(15, 20) == [first, second]  # the end of one, the start of the other
    assert doc.urls_within(16, 19) == [] and doc.urls_within(0, 2) == []


@pytest.mark.parametrize(
    ("text", "host"),
    [
        ("詳細は https://157.7.44.10/event/ をご覧ください。", "157.7.44.10"),
        ("詳細は https://[2606:4700::6810:84e5]/event/ をご覧ください。", "[2606:4700::6810:84e5]"),
        ("詳細は https://[2606:4700::6810:84e5]:8443/a?b=1 をご覧ください。", "[2606:4700::6810:84e5]"),
    ],
)
def test_a_link_to_a_public_ip_address_says_it_is_no_domain_name(text: str, host: str) -> None:
    """Before, an IPv6 address was not read as a link at all (its colons were taken for a port)."""
    [f] = findings_of("link.untrusted", text, policy=JOETSU)
    assert f"IP アドレス（{host}）" in f.message and "ドメイン名の URL に直して" in f.message
    assert text[f.start : f.end].startswith("https://") and not text[f.end - 1 : f.end].isspace()
    assert "link.malformed" not in codes(text, policy=JOETSU)


def test_an_ipv6_link_over_http_is_insecure_too() -> None:
    assert {"link.insecure", "link.untrusted"} <= set(codes("http://[2606:4700::6810:84e5]/ をご覧ください", policy=JOETSU))


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("詳細は https://[zzzz]/ をご覧ください。", "[zzzz]"),
        ("詳細は https://[2001:db8::1 をご覧ください。", "[2001:db8::1"),
        ("https://kouhou@[12]/", "[12]"),
    ],
)
def test_brackets_that_hold_no_ipv6_address_are_a_broken_url(text: str, shown: str) -> None:
    [f] = findings_of("link.malformed", text, policy=JOETSU)
    assert f"「{shown}」の部分が IPv6 アドレスとして正しくない" in f.message


def test_brackets_elsewhere_are_no_address() -> None:
    text = "配列 a[0] と https://city.joetsu.niigata.jp/list[1].html を参照"
    assert not findings_of("link.malformed", text, policy=JOETSU)


@pytest.mark.parametrize(
    ("text", "service", "destination"),
    [
        ("詳細 https://www.google.com/url?q=https://www.city.joetsu.niigata.jp/event/&sa=D", "Google の検索結果",
         "https://www.city.joetsu.niigata.jp/event/"),
        ("詳細 https://l.facebook.com/l.php?u=https%3A%2F%2Fwww.city.joetsu.niigata.jp%2Fevent%2F&h=AT0",
         "Facebook ", "https://www.city.joetsu.niigata.jp/event/"),
        ("https://jpn01.safelinks.protection.outlook.com/?url=https%3A%2F%2Fwww.city.joetsu.niigata.jp%2F"
         "&data=05%7C01&reserved=0", "Outlook の安全リンク", "https://www.city.joetsu.niigata.jp/"),
        ("https://www.youtube.com/redirect?q=https://www.city.joetsu.niigata.jp/&v=abc", "YouTube ",
         "https://www.city.joetsu.niigata.jp/"),
    ],
)
def test_a_link_copied_through_a_redirecting_service_points_at_its_destination(
    text: str, service: str, destination: str
) -> None:
    """Copied from a search result, a Facebook post or an Outlook e-mail: the link passes through the
    service (Safe Links also name the tenant). One finding, with the page itself as the fix."""
    [f] = findings_of("link.shortener", text, policy=JOETSU)
    assert f.message.startswith(f"{service}を経由する転送用のリンクです（行き先: {destination}）")
    assert f.suggestion == destination and f.severity == "error"
    assert not {"link.untrusted", "link.insecure"} & set(codes(text, policy=JOETSU))


def test_a_harmful_site_behind_a_redirect_is_harmful() -> None:
    text = "こちら https://www.google.com/url?q=https://www.xvideos.com/&sa=D"
    assert {"link.harmful", "link.shortener"} <= set(codes(text, policy=JOETSU))


@pytest.mark.parametrize("text", [
    "検索は https://www.google.com/search?q=joetsu で",  # a search page, no redirect
    "https://www.google.com/url?q=joetsu",  # nothing to go on to
    "https://www.facebook.com/joetsu.city/",
])
def test_pages_of_those_services_are_no_redirect(text: str) -> None:
    assert not findings_of("link.shortener", text, policy=JOETSU)


def test_the_domain_of_a_percent_encoded_address_is_not_a_link_to_a_host_named_40() -> None:
    """「mailto:kouhou%40city.joetsu.niigata.jp」 was reported as an untrusted link to
    「40city.joetsu.niigata.jp」: the %40 is the address's @, and the address is pii.email's."""
    for text in ("お問い合わせは mailto:kouhou%40city.joetsu.niigata.jp まで",
                 "mailto:taro%40gmail.com にご連絡ください"):
        assert "link.untrusted" not in codes(text), text
    # A bare domain after other marks still is one.
    assert "link.untrusted" in codes("詳しくは（example.com）をご覧ください")


def test_a_domain_right_after_a_percentage_is_still_a_link() -> None:
    """The % that ends a bare domain's lookbehind (94032dc) is a percent-encoding's: after a
    percentage (「還元率50%lucky.example.com」) the domain was no longer read at all."""
    assert "link.untrusted" in codes("還元率50%lucky.example.com で当選をご確認ください")
    assert "link.untrusted" in codes("満足度100%prize-site.com")


def test_a_domain_after_a_percentage_is_a_link_when_its_letters_read_as_hex() -> None:
    """「%ca」 of 「100%cafe.jp」 read as a percent-encoding (7d45477), so a domain whose first two
    letters are hex digits was never read after a percentage."""
    for text in ("還元率100%cafe.jp で当選をご確認ください", "満足度99.9%deep-sea.com", "5%bead.example.com"):
        assert "link.untrusted" in codes(text), text
    # The @ of a percent-encoded address is still no domain's start (94032dc).
    assert "link.untrusted" not in codes("mailto:kouhou%40city.joetsu.niigata.jp へご連絡ください")


@pytest.mark.parametrize("mark", ["①", "１", "Ａ", "⑴"])
def test_a_link_right_after_a_numbered_mark_is_still_a_link(mark: str) -> None:
    # 「①https://…」 is linked by every platform; NFKC makes the mark 「1」, and 「1https」 read as one
    # word hid the link from every link rule.
    assert "link.shortener" in codes(f"申込方法\n{mark}https://bit.ly/3abc")
    [f] = findings_of("link.untrusted", f"{mark}www.evil-example.com/form", policy=JOETSU)
    assert "evil-example.com" in f.message and f.excerpt.startswith("www.")


@pytest.mark.parametrize("dots", ["…", "‥"])
def test_a_domain_right_after_an_ellipsis_is_still_a_link(dots: str) -> None:
    # NFKC makes 「…」 「...」, and a domain right after a dot read as part of a longer name.
    assert "link.shortener" in codes(f"詳しくは{dots}bit.ly/3abc")
    [f] = findings_of("link.untrusted", f"続きは{dots}evil-example.com/form", policy=JOETSU)
    assert f.excerpt == "evil-example.com/form"


@pytest.mark.parametrize("text", ["https://bit\u2024ly/3abc", "詳しくは bit\u2024ly/3abc へ"])
def test_a_one_dot_leader_in_a_link_is_no_ellipsis(text: str) -> None:
    # U+2024 looks like a full stop and is how a link is disguised; taking it for the dots of 「…」
    # (6400882) cut 「bit․ly」 in two and hid the link from every rule.
    found = codes(text)
    assert "link.shortener" in found and "link.malformed" in found


# A long address copied from a PDF or a narrow window arrives broken over two lines: the platforms
# link only the first line, and the reader lands on another page (or none).
@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("詳しくは https://www.city.joetsu.niigata.jp/kurashi/\nbosai/index.html をご覧ください",
         "https://www.city.joetsu.niigata.jp/kurashi/bosai/index.html"),
        ("詳しくは https://www.city.joetsu.niigata.jp/kurashi/bo\nsai/index.html",
         "https://www.city.joetsu.niigata.jp/kurashi/bosai/index.html"),
        ("https://www.city.joetsu.niigata.jp/soshiki/kouhou/\n000123456.pdf",
         "https://www.city.joetsu.niigata.jp/soshiki/kouhou/000123456.pdf"),
        ("申込み：https://www.city.joetsu.niigata.jp/site/\nbosai/12345\n締切は12月6日です",
         "https://www.city.joetsu.niigata.jp/site/bosai/12345"),
        ("https://www.city.\njoetsu.niigata.jp/ をご覧ください", "https://www.city.joetsu.niigata.jp/"),
        ("https://www.city.joetsu.niigata.jp/search?\nq=snow&lang=ja", "https://www.city.joetsu.niigata.jp/search?q=snow&lang=ja"),
    ],
)
def test_an_address_broken_over_two_lines_is_malformed_and_joined(text: str, joined: str) -> None:
    (f,) = findings_of("link.malformed", text, policy=JOETSU)
    assert "改行" in f.message
    assert f.suggestion == joined


@pytest.mark.parametrize(
    "text",
    [
        "詳しくは https://www.city.joetsu.niigata.jp/\n次の行の説明です",
        "https://www.city.joetsu.niigata.jp/kurashi/index.html\nbosai も参照",
        "https://www.city.joetsu.niigata.jp/event/\n12/6 10:00-12:00 本町",
        "https://www.city.joetsu.niigata.jp/\nTEL/FAX 025-526-5111",
        "https://www.city.joetsu.niigata.jp/a/\nhttps://www.city.joetsu.niigata.jp/b/",
        "https://www.city.joetsu.niigata.jp/a/\nwww.city.joetsu.niigata.jp/b/",
        "https://www.city.joetsu.niigata.jp/\nQ&A はこちら",
        "https://www.city.joetsu.niigata.jp/\n#上越市 #joetsu",
        "https://www.city.joetsu.niigata.jp/.\nNext: snow/ice report",
        "申請書はこちら https://www.city.joetsu.niigata.jp/soshiki/\nWord/PDF 形式でダウンロードできます",
        "https://www.city.joetsu.niigata.jp/event/\n12/6(sat) 開催",
    ],
)
def test_a_line_after_a_whole_address_is_no_part_of_it(text: str) -> None:
    assert findings_of("link.malformed", text, policy=JOETSU) == []


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("詳しくは hhttps://www.city.joetsu.niigata.jp/ へ", "hhttps://"),
        ("詳しくは httpss://www.city.joetsu.niigata.jp/ へ", "httpss://"),
        ("詳しくは htttps://www.city.joetsu.niigata.jp/ へ", "htttps://"),
    ],
)
def test_a_scheme_typed_twice_over_is_malformed(text: str, written: str) -> None:
    (f,) = findings_of("link.malformed", text, policy=JOETSU)
    assert f.excerpt == written
    assert f.suggestion == "https://www.city.joetsu.niigata.jp"


@pytest.mark.parametrize(
    "text",
    ["「https:// 」で始まるアドレス", "https:// の後にアドレスを入力します", "https://\n\n上越市"],
)
def test_a_scheme_named_alone_is_no_broken_link(text: str) -> None:
    assert findings_of("link.malformed", text) == []


@pytest.mark.parametrize(
    "next_line",
    [
        "word/pdf形式で配布しています",
        "pdf/word どちらでも",
        "a/b 2 種類",
        "tel/fax",
        "tel/fax 025-526-5111",
        "mail/line で受付",
        "and/or",
        "x/twitterで発信中",
        "line/x/instagram",
        "usb/sd カード",
        "sports/kids/2026 です",
        "12/6(土)",
        "Apply online or by mail/fax.",
        "  pdf/word どちらでも",
        "bosai/をご覧ください",
    ],
)
@pytest.mark.parametrize(
    "link",
    ["https://www.city.joetsu.niigata.jp/soshiki/koho/form.html", "https://www.city.joetsu.niigata.jp/kurashi/"],
)
def test_two_words_with_a_slash_on_the_next_line_are_prose_not_a_wrapped_address(link: str, next_line: str) -> None:
    # 「word/pdf」「tel/fax」 were joined to the link as its path: a blocking error on an ordinary notice.
    assert findings_of("link.malformed", f"申込書はこちら {link}\n{next_line}", policy=JOETSU) == []


@pytest.mark.parametrize(
    "text",
    [
        "https://www.city.joetsu.niigata.jp/soshiki/koho/form.html\nbosai/index.html",
        "https://www.city.joetsu.niigata.jp/soshiki/koho/form.pdf\n  000123456.pdf",
        "詳しくは https://www.city.joetsu.niigata.jp.\nthe end",
    ],
)
def test_a_link_that_ends_in_a_page_or_a_whole_host_goes_on_on_no_line(text: str) -> None:
    assert findings_of("link.malformed", text, policy=JOETSU) == []


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        # A PDF's list item or indented paragraph hands the wrapped part over indented.
        ("詳しくは https://www.city.joetsu.niigata.jp/kurashi/\n  bosai/index.html をご覧ください",
         "https://www.city.joetsu.niigata.jp/kurashi/bosai/index.html"),
        ("https://www.city.joetsu.niigata.jp/kurashi/\n\tbosai/12345", "https://www.city.joetsu.niigata.jp/kurashi/bosai/12345"),
        ("https://www.city.joetsu.niigata.jp/kurashi/\n\u3000000123456.pdf", "https://www.city.joetsu.niigata.jp/kurashi/000123456.pdf"),
        ("https://www.city.\n  joetsu.niigata.jp/kurashi/", "https://www.city.joetsu.niigata.jp/kurashi/"),
        ("https://www.city.joetsu.niigata.jp/kurashi/\nbosai/index.htmlをご覧ください",
         "https://www.city.joetsu.niigata.jp/kurashi/bosai/index.html"),
        ("https://www.city.joetsu.niigata.jp/form.html?\nid=3", "https://www.city.joetsu.niigata.jp/form.html?id=3"),
    ],
)
def test_an_indented_or_japanese_followed_wrapped_address_is_malformed_and_joined(text: str, joined: str) -> None:
    (f,) = findings_of("link.malformed", text, policy=JOETSU)
    assert f.suggestion == joined


@pytest.mark.parametrize(
    "shape",
    [
        "https://www.city.joetsu.niigata.jp/kurashi/\n  bosai/index.html ",
        "https://www.city.joetsu.niigata.jp/kurashi/\nword/pdf形式",
        "https://a.jp/b/\n" + "c/" * 30,
    ],
)
def test_the_next_line_test_stays_linear(shape: str) -> None:
    from bot.rules.links import malformed
    from bot.rules.model import RuleOptions
    from bot.rules.text import Document
    from tests.conftest import assert_stays_linear, repeated_to
    from tests.rules.conftest import ctx

    docs = {text: Document(text) for text in (repeated_to(shape, n) for n in (10_000, 40_000))}
    # The whole rule over documents analysed beforehand, its findings counted, not kept: thousands of kept
    # objects set off a full collection of the test run's heap in the 40,000 run only.
    assert_stays_linear(lambda text: sum(1 for _ in malformed(docs[text], ctx(policy=JOETSU), RuleOptions())), shape)
