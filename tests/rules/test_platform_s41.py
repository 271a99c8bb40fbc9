"""Hashtags as X and Instagram read them, and what platform.hashtag_unlisted tells the writer (session 41).

Checked against twitter-text 3.1.0 (the JavaScript library X publishes): extractHashtags("##上越") is
["上越"], a 「#」 right after another starts a hashtag.
"""

from __future__ import annotations

import pytest

from bot.rules import Finding
from tests.conftest import assert_stays_linear
from tests.rules.conftest import findings_of

APPROVED = {"platform": "instagram", "hashtags_allowed": ("上越市", "joetsu", "ジョウエツシ", "高田城址公園")}


@pytest.mark.parametrize("text", ["紅葉 ##映え", "紅葉 ＃＃映え", "紅葉 #＃映え", "紅葉 ###映え"])
def test_a_tag_after_a_doubled_hash_is_checked_against_the_list(text: str) -> None:
    """「##映え」 is the hashtag 「#映え」 for X and Instagram: the second 「#」 starts it. It was read as no
    hashtag at all, so an unapproved tag passed with one extra 「#」 before it."""
    [f] = findings_of("platform.hashtag_unlisted", text, **APPROVED)
    assert f.excerpt.endswith("映え") and "#映え は" in f.message


def test_a_tag_after_a_doubled_hash_counts() -> None:
    assert not findings_of("platform.hashtags", "紅葉 #上越市 #紅葉 #秋", platform="x")
    [f] = findings_of("platform.hashtags", "紅葉 #上越市 #紅葉 #秋 ##新潟", platform="x")
    assert "4個" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "紅葉 ##上越市",  # an approved tag typed with one 「#」 too many is the approved tag
        "C#言語 #上越市",  # glued to a word: no hashtag
        "&#12354; &#x3042;",  # character references
        "https://www.city.joetsu.niigata.jp/site/kanko/##top #上越市",
    ],
)
def test_a_doubled_hash_raises_nothing_where_no_unapproved_tag_is(text: str) -> None:
    assert not findings_of("platform.hashtag_unlisted", text, **APPROVED)


@pytest.mark.parametrize(
    ("text", "tag", "listed", "suggestion"),
    [
        ("#上越市の紅葉が見頃です", "#上越市の紅葉が見頃です", "#上越市", "#上越市 の紅葉が見頃です"),
        ("＃上越市で検索してください", "＃上越市で検索してください", "#上越市", "＃上越市 で検索してください"),
        ("紅葉 #高田城址公園の桜", "#高田城址公園の桜", "#高田城址公園", "#高田城址公園 の桜"),
        ("#Joetsuから", "#Joetsuから", "#joetsu", "#Joetsu から"),
    ],
)
def test_an_approved_tag_with_the_sentence_glued_after_it_is_told_to_take_a_space(
    text: str, tag: str, listed: str, suggestion: str | None
) -> None:
    """Japanese runs on without spaces, so 「#上越市の紅葉が見頃です」 is the one tag 「#上越市の紅葉が見頃です」
    for Instagram. It was reported as an unapproved tag with 「一覧への追加を相談してください」, advice that
    does not fit: the writer meant the approved 「#上越市」 and needs a space after it."""
    [f] = findings_of("platform.hashtag_unlisted", text, **APPROVED)
    assert f.excerpt == tag
    assert f"一覧の「{listed}」のつもりなら、その後に空白を入れてください" in f.message
    assert "追加を相談" not in f.message
    assert f.suggestion == suggestion


def test_an_unapproved_tag_that_starts_with_no_listed_tag_is_told_as_before() -> None:
    [f] = findings_of("platform.hashtag_unlisted", "紅葉 #映えスポット", **APPROVED)
    assert f.message == "#映えスポット は承認済みハッシュタグの一覧にありません。一覧のタグを使うか、一覧への追加を相談してください。"
    assert f.suggestion is None


def test_a_listed_tag_that_ends_inside_a_letter_of_the_draft_is_told_as_an_unlisted_tag() -> None:
    # 「㍻」 is 「平成」 once normalised: the listed 「平」 ends inside it, where no space can go.
    [f] = findings_of("platform.hashtag_unlisted", "#㍻の思い出", platform="instagram", hashtags_allowed=("平",))
    assert "一覧への追加を相談" in f.message and "のつもりなら" not in f.message and f.suggestion is None


@pytest.mark.parametrize(("head", "allowed"), [("#㍻", "平"), ("#İ", "i"), ("#上越市", "上越市")])
def test_a_long_tag_after_a_listed_one_is_checked_in_linear_time(head: str, allowed: str) -> None:
    """Where the listed tag ends in the draft was looked for letter by letter, each prefix normalised anew: a
    draft of 8,000 letters without a space after 「#㍻」 (listed 「平」) took about 10 s (at 40,000, minutes)."""
    def unlisted(letters: str) -> list[Finding]:
        return findings_of("platform.hashtag_unlisted", head + letters, platform="instagram",
                           hashtags_allowed=(allowed,))

    [f] = unlisted("あ" * 8000)
    assert f.start == 0
    # As a ratio of CPU times (10,000 against 40,000 letters): a time limit fails on a loaded machine.
    assert_stays_linear(unlisted, "あ")


@pytest.mark.parametrize(
    ("text", "allowed"),
    [
        ("紅葉 #上越市民", ("上越市",)),
        ("紅葉 #上越市役所", ("上越市",)),
        ("紅葉 #新潟県", ("新潟",)),
        ("紅葉 #新潟旅行", ("新潟",)),
        ("紅葉 #上越妙高駅", ("上越",)),
        ("紅葉 #高田公園夜桜", ("高田公園",)),
        ("紅葉 #上越市フォトコン", ("上越市",)),
        ("紅葉 #上越市2025", ("上越市",)),
        ("紅葉 #joetsucity", ("joetsu",)),
    ],
)
def test_a_listed_tag_with_a_name_going_on_is_another_tag_to_approve(text: str, allowed: tuple[str, ...]) -> None:
    """「#新潟県」 with 「新潟」 listed is a tag of its own, written as meant, not a sentence run on: it was told
    「一覧の「#新潟」のつもりなら、その後に空白を入れてください」 (「#新潟 県」); it is told again that it is not
    on the list and may be proposed for it."""
    [f] = findings_of("platform.hashtag_unlisted", text, platform="instagram", hashtags_allowed=allowed)
    assert f.message.endswith("一覧のタグを使うか、一覧への追加を相談してください。"), f.message
    assert "のつもりなら" not in f.message and f.suggestion is None


@pytest.mark.parametrize(
    ("text", "allowed", "listed", "suggestion"),
    [
        ("紅葉 #じょうえつし", ("ジョウエツシ",), "#ジョウエツシ", "#ジョウエツシ"),
        ("紅葉 ＃ジョウエツシ", ("じょうえつし",), "#じょうえつし", "＃じょうえつし"),
        ("紅葉 #ジョウエツ市", ("じょうえつ市",), "#じょうえつ市", "#じょうえつ市"),
    ],
)
def test_a_listed_tag_spelled_in_the_other_kana_is_another_tag(
    text: str, allowed: tuple[str, ...], listed: str, suggestion: str
) -> None:
    """Hiragana and katakana make two tags on Instagram (「#じょうえつし」 gathers other posts than
    「#ジョウエツシ」); the list was compared with kana folded, so a tag not on it passed."""
    [f] = findings_of("platform.hashtag_unlisted", text, platform="instagram", hashtags_allowed=allowed)
    assert f"一覧にあるのは「{listed}」です" in f.message and "ひらがなとカタカナ" in f.message
    assert f.suggestion == suggestion


@pytest.mark.parametrize(
    "text",
    [
        "紅葉 #ジョウエツシ #上越市",
        "紅葉 ＃ジョウエツシ ＃上越市",
        "紅葉 #ｼﾞｮｳｴﾂｼ",  # half-width katakana: the same letters, only narrower
        "紅葉 #JOETSU #Joetsu #ｊｏｅｔｓｕ",  # Instagram tags ignore letter case
        "紅葉 #高田城址公園",
    ],
)
def test_the_listed_tags_in_any_case_or_width_stay_silent(text: str) -> None:
    assert not findings_of("platform.hashtag_unlisted", text, **APPROVED)



@pytest.mark.parametrize("platform", ["x", "instagram", "facebook"])
@pytest.mark.parametrize(
    "text",
    [
        "相談窓口：#7119・#8000",
        "夜間の急病の相談は #7119#8000 へ",
        "電話相談 #7119・#8000・189・188",
        "＃７１１９・＃８０００",
    ],
)
def test_phone_short_codes_side_by_side_are_not_told_to_be_glued_hashtags(platform: str, text: str) -> None:
    """「#7119・#8000」 lists two phone numbers; neither is a hashtag (digits only), glued or not. On X (and
    for 「#7119#8000」 everywhere) it was told 「「#8000」はハッシュタグになりません。それぞれの「#」の前に空白を」
    as if the writer had meant tags."""
    assert not findings_of("platform.hashtags", text, platform=platform)


@pytest.mark.parametrize("platform", ["x", "instagram", "facebook", "line"])
@pytest.mark.parametrize(
    "text",
    ["夜間の急病の相談は #7119と#8000 へ", "急病の相談は、#7119または#8000へ", "＃７１１９や＃８０００をご利用ください"],
)
def test_phone_short_codes_with_a_word_between_are_not_told_to_be_glued_hashtags(platform: str, text: str) -> None:
    """「#7119と#8000」 is two phone numbers and 「と」, and was told 「ハッシュタグの間に空白がないため、「#8000」は
    ハッシュタグになりません。それぞれの「#」の前に空白を入れてください」 (even on LINE), as if tags had been meant."""
    assert not [f for f in findings_of("platform.hashtags", text, platform=platform) if "ハッシュタグの間" in f.message]


@pytest.mark.parametrize(
    "text", ["夜間の急病の相談は #7119と#8000 へ", "急病の相談は、#7119または#8000へ", "#7119と＃8000"]
)
def test_a_phone_short_code_run_on_up_to_the_next_hash_is_no_hashtag_on_x(text: str) -> None:
    """twitter-text links no tag with a 「#」 right after it (extractHashtags("#7119と#8000") is []), so on X
    nothing shows as a link; 「「#7119と」は…ハッシュタグになります」 was told there. Instagram is told as before."""
    assert not findings_of("platform.hashtags", text, platform="x")
    [f] = findings_of("platform.hashtags", text, platform="instagram")
    assert "ハッシュタグになります" in f.message and f.excerpt.startswith("#7119")


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("#上越市・#妙高市", "#妙高市"),
        ("#2025・#上越市", "#上越市"),
        ("#上越市#8000#春日山", "#8000#春日山"),
        # twitter-text links no tag with a 「#」 right after it: 「#上越市」 is plain text too.
        ("#上越市#8000", "#8000"),
        ("#上越市・#2025", "#2025"),
    ],
)
def test_a_tag_glued_after_a_number_or_a_tag_on_x_is_still_told(text: str, excerpt: str) -> None:
    # twitter-text links no 「#」 after a 「・」 that follows a tag or a number: 「#上越市」 here is plain text.
    [f] = findings_of("platform.hashtags", text, platform="x")
    assert f.excerpt == excerpt and "ハッシュタグになりません" in f.message


@pytest.mark.parametrize("platform", ["x", "instagram", "facebook"])
@pytest.mark.parametrize(
    ("text", "excerpt", "suggestion"),
    [
        ("救急車を呼ぶか迷ったら、#7119へ電話してください。", "#7119へ電話してください", "#7119 へ電話してください"),
        ("子どもの急な病気は #8000へ", "#8000へ", "#8000 へ"),
        ("夜間は ＃８０００にお電話ください", "＃８０００にお電話ください", "＃８０００ にお電話ください"),
    ],
)
def test_a_phone_short_code_with_the_sentence_glued_after_it_is_a_hashtag(
    platform: str, text: str, excerpt: str, suggestion: str
) -> None:
    """#7119 and #8000 alone are no hashtags (digits only), but with the sentence run on after them they
    are: twitter-text links 「#7119へ電話してください」 as a tag, and the post shows the phone number as a
    link to a hashtag search. Nothing was said (and on Instagram, 「一覧への追加を相談してください」)."""
    [f] = findings_of("platform.hashtags", text, platform=platform)
    assert f.excerpt == excerpt and f.suggestion == suggestion
    assert "ハッシュタグになります" in f.message and "数字の後に空白" in f.message
    allowed = ("上越市",)
    assert not findings_of("platform.hashtag_unlisted", text, platform="instagram", hashtags_allowed=allowed)


@pytest.mark.parametrize("hidden", ["\ufe0f", "\u200b"])
def test_a_phone_short_code_after_an_invisible_letter_is_quoted_and_fixed_whole(hidden: str) -> None:
    """A keycap's variation selector left after the 「#」 (or a zero-width space) is in the text but not in what the
    rule reads: the number was taken as the first 5 letters, quoted as 「#711」 and fixed as 「#711 9へ電話を」."""
    text = f"迷ったら、#{hidden}7119へ電話を"
    [f] = findings_of("platform.hashtags", text, platform="facebook")
    assert f.suggestion == f"#{hidden}7119 へ電話を"
    assert f"「#{hidden}7119」なら" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "救急車を呼ぶか迷ったら、救急安心センター（#7119）にご相談ください。",
        "子どもの急な病気は #8000 へ",
        "迷ったら#7119へ",  # glued to the word before: no hashtag on X
        "相談窓口：#7119・#8000",
        "#2025年 #上越市",  # a year as a tag, meant
        "#1000本のひまわり",
        "#3776m",
    ],
)
def test_phone_short_codes_written_apart_and_number_tags_stay_silent(text: str) -> None:
    assert not findings_of("platform.hashtags", text, platform="x")
    assert not findings_of("platform.hashtags", text, platform="instagram")


def test_a_phone_short_code_glued_to_the_sentence_is_left_alone_on_line() -> None:
    # LINE's messages link no hashtags.
    assert not findings_of("platform.hashtags", "救急車を呼ぶか迷ったら、#7119へ電話してください。", platform="line")
