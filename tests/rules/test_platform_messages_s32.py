"""What platform.length tells the writer: by how much a draft is over, in letters they can cut.

The messages said 「上限（UTF-16 単位で5,000）」 and 「上限（5,000バイト）を超えています（5,003）」: jargon, a
total without its unit, and no word of how much to cut. Each now says how far over the draft is
and how many letters to cut (for X and YouTube, how many Japanese letters that makes).
"""

from __future__ import annotations

import json

import pytest

from bot.rules import is_blocking
from tests.rules.conftest import CITY_POLICY, findings_of
from tests.rules.test_cli import kessai


def message(text: str, platform: str) -> str:
    [f] = findings_of("platform.length", text, platform=platform)
    assert f.severity == "error"
    return f.message


def test_x_says_how_many_japanese_letters_to_cut() -> None:
    # 「お知らせ」 x 36 is 288 for X: 8 over, 4 Japanese letters.
    m = message("お知らせ" * 36, "x")
    assert m.startswith("X の上限280を8超えています（X の数え方で288。")
    assert "日本語なら4文字、英数字なら8文字削ってください" in m
    assert "重み付き" not in m
    # Cutting what it says is enough, and one letter less is not.
    assert findings_of("platform.length", "お知らせ" * 35, platform="x") == []
    assert findings_of("platform.length", "お知らせ" * 35 + "せ", platform="x")


def test_x_rounds_an_odd_excess_up_to_whole_japanese_letters() -> None:
    # 140 「あ」 and one 「a」: 281, one over; cutting one Japanese letter is enough, half of one is none.
    m = message("あ" * 140 + "a", "x")
    assert "上限280を1超えています" in m and "日本語なら1文字、英数字なら1文字削ってください" in m


def test_line_counts_in_letters_without_utf16_jargon() -> None:
    m = message("あ" * 5003, "line")
    assert m == "LINE の上限5,000文字を3文字超えています（5,003文字）。3文字削ってください。"


def test_line_says_an_emoji_counts_two() -> None:
    # 4,990 「あ」 and 7 emoji: 5,004 for LINE, though 4,997 letters to the eye.
    m = message("あ" * 4990 + "😀" * 7, "line")
    assert "上限5,000文字を4文字分超えています（5,004文字分" in m
    assert "絵文字の多くは1つを2文字以上と数えます" in m and "4文字分削ってください" in m
    assert "UTF-16" not in m


def test_line_names_a_rare_kanji_that_counts_two() -> None:
    m = message("あ" * 4999 + "𠮷" * 2, "line")
    assert "「𠮷」のような一部の文字は1文字を2文字と数えます" in m and "絵文字" not in m


def test_youtube_gives_the_total_in_bytes_and_the_letters_to_cut() -> None:
    # 1,667 「あ」 (5,001 bytes) and 「ab」: 5,003 bytes, 3 over: one Japanese letter.
    m = message("あ" * 1667 + "ab", "youtube")
    assert m.startswith("YouTube の上限5,000バイトを3バイト超えています（5,003バイト。日本語は1文字3バイト")
    assert "日本語なら1文字、英数字なら3文字削ってください" in m


def test_youtube_rounds_up_to_whole_japanese_letters() -> None:
    # 1,670 「あ」: 5,010 bytes, 10 over: 4 letters (12 bytes), 3 would leave 5,001.
    m = message("あ" * 1670, "youtube")
    assert "10バイト超えています" in m and "日本語なら4文字" in m
    assert findings_of("platform.length", "あ" * 1666, platform="youtube") == []
    assert findings_of("platform.length", "あ" * 1667, platform="youtube")


def test_youtube_in_english_speaks_of_letters_only() -> None:
    m = message("a" * 5003, "youtube")
    assert "日本語" not in m and "3文字削ってください" in m and "（5,003バイト。" in m


@pytest.mark.parametrize(("platform", "limit"), [("instagram", "2,200"), ("tiktok", "2,200"), ("facebook", "63,206")])
def test_letter_counted_platforms_say_letters(platform: str, limit: str) -> None:
    n = int(limit.replace(",", ""))
    m = message("あ" * (n + 2), platform)
    name = {"instagram": "Instagram", "tiktok": "TikTok", "facebook": "Facebook"}[platform]
    assert m == f"{name} の上限{limit}文字を2文字超えています（{n + 2:,}文字）。2文字削ってください。"


def test_instagram_warns_that_a_combined_emoji_counts_more_than_it_looks() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"  # 7 code points
    m = message("あ" * 2190 + family * 2, "instagram")
    assert "組み合わせた絵文字は見た目より多く数えます" in m and "4文字分削ってください" in m


def test_kessai_check_json_carries_the_new_message() -> None:
    out = kessai("check", "-", "--platform", "line", "--json", stdin="あ" * 5003)
    assert out.returncode == 1, out.stderr
    [f] = [f for f in json.loads(out.stdout)["findings"] if f["code"] == "platform.length"]
    assert f["message"] == "LINE の上限5,000文字を3文字超えています（5,003文字）。3文字削ってください。"


# An address without a scheme glued to a line of Japanese: twitter-text reads the letters before it
# into its domain (「本日から…（www」, one label over 63 in punycode) and X links none of it.
_NOTICE = "本日から申請の受付を開始しました。詳しくは市ホームページ"
_PAGE = "www.city.joetsu.niigata.jp/kurashi/index.html"
_CITY = {"policy": CITY_POLICY}


def test_an_address_x_leaves_unlinked_is_warned_on_x() -> None:
    text = _NOTICE + "（" + _PAGE + "）をご覧ください"
    [f] = findings_of("link.malformed", text, platform="x", **_CITY)
    assert f.severity == "warning" and f.excerpt == _PAGE
    assert "X ではリンクになりません" in f.message and "「https://」を付けるか、前に空白を入れてください" in f.message
    assert f.suggestion == "https://" + _PAGE
    assert not is_blocking([f])
    # As suggested, X links it, and the draft is silent.
    fixed = text.replace(_PAGE, f.suggestion)
    assert findings_of("link.malformed", fixed, platform="x", **_CITY) == []


def test_a_bare_domain_glued_after_a_full_width_colon_is_warned_on_x() -> None:
    text = _NOTICE + "：city.joetsu.niigata.jp をご覧ください"
    [f] = findings_of("link.malformed", text, platform="x", **_CITY)
    assert f.excerpt == "city.joetsu.niigata.jp"


@pytest.mark.parametrize(
    "text",
    [
        _NOTICE + "（https://" + _PAGE + "）をご覧ください",  # with a scheme
        _NOTICE + " " + _PAGE + " をご覧ください",  # after a space
        _NOTICE + " （" + _PAGE + "）をご覧ください",  # in （） with a space before
        _NOTICE + "　（" + _PAGE + "）をご覧ください",  # a full-width space
        _NOTICE + "\n" + _PAGE,  # on a line of its own
        _NOTICE + "(" + _PAGE + ")をご覧ください",  # an ASCII bracket ends twitter-text's domain
        "市HP：" + _PAGE,  # a short glued run: X links the address (its ASCII part)
        _PAGE,
        _NOTICE + "（メール：kouhou@city.joetsu.niigata.jp）",  # a mail address is no link to warn of
    ],
)
def test_an_address_x_links_is_not_warned(text: str) -> None:
    assert findings_of("link.malformed", text, platform="x", **_CITY) == []


@pytest.mark.parametrize("platform", ["facebook", "line", "instagram", "youtube", "tiktok"])
def test_other_platforms_are_not_told_of_x_reading(platform: str) -> None:
    text = _NOTICE + "（" + _PAGE + "）をご覧ください"
    assert findings_of("link.malformed", text, platform=platform, **_CITY) == []


def test_a_glued_address_after_a_decomposed_letter_is_warned_at_its_place() -> None:
    # 「が」 typed as 「か」+「゛」 (U+3099): X reads NFC, the finding points into the draft as written.
    text = "受付か\u3099始まりました。" + _NOTICE + "（" + _PAGE + "）"
    [f] = findings_of("link.malformed", text, platform="x", **_CITY)
    assert text[f.start : f.end] == _PAGE


def test_an_address_glued_across_a_japanese_full_stop_is_warned_on_x() -> None:
    # The punycode library twitter-text calls splits 「…まで。くわしくは…city」 at 「。」 and writes each
    # part as 「xn--…」: 65 letters, where the label encoded whole is 60. X leaves the address as text.
    text = "【お知らせ】\n申請は明日まで。くわしくは市のホームページcity.joetsu.niigata.jp/kurashi/"
    [f] = findings_of("link.malformed", text, platform="x", **_CITY)
    assert f.excerpt == "city.joetsu.niigata.jp/kurashi/"


def test_an_address_glued_to_the_first_letters_of_a_draft_that_x_links_is_not_warned() -> None:
    # At the start of the text twitter-text takes the first letter for the one it reads before a
    # domain: the label is 52 「あ」 and 「www」 (63), so X links the address and there is nothing to fix.
    assert findings_of("link.malformed", "あ" * 53 + _PAGE, platform="x", **_CITY) == []
    # One letter more and the label is 64: X leaves it as text.
    [f] = findings_of("link.malformed", "あ" * 54 + _PAGE, platform="x", **_CITY)
    assert f.excerpt == _PAGE


def test_many_glued_addresses_after_a_decomposed_letter_stay_linear() -> None:
    from bot.rules.text import Document
    from bot.rules.x_links import x_glued_addresses
    from tests.conftest import assert_stays_linear

    shape = "受付か\u3099始まりました。" + _NOTICE + "（" + _PAGE + "）\n"
    assert_stays_linear(lambda text: x_glued_addresses(Document(text)), shape)
