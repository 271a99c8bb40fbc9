"""Accessibility rules."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes, findings_of


@pytest.mark.parametrize(
    ("ch", "fixed"),
    [
        ("①", "(1)"),
        ("㈱", "(株)"),
        ("㍻", "平成"),
        ("Ⅲ", "III"),
        ("℡", "TEL"),
        ("𝐒𝐀𝐋𝐄", "SALE"),
        ("㌔", "キロ"),
    ],
)
def test_machine_dependent_characters_fire_with_nfkc_suggestion(ch: str, fixed: str) -> None:
    text = f"本日{ch}のお知らせ"
    [f] = findings_of("a11y.machine_dependent", text)
    assert text[f.start : f.end] == ch
    assert f.suggestion == fixed


def test_what_the_rule_remembers_does_not_grow_with_what_is_pasted() -> None:
    # Every character of every draft passes the machine-dependent test; the memo behind it keeps
    # only characters of the few blocks where they live, so pasting all of CJK costs no memory.
    from bot.rules.a11y import _compatibility_outside_jis

    findings_of("a11y.machine_dependent", "①のお知らせ")
    before = _compatibility_outside_jis.cache_info().currsize
    findings_of("a11y.machine_dependent", "".join(map(chr, range(0x4E00, 0x4E00 + 20000))))
    assert _compatibility_outside_jis.cache_info().currsize == before


@pytest.mark.parametrize(
    ("ch", "fixed"), [("㎡", "平方メートル"), ("㎥", "立方メートル"), ("㎢", "平方キロメートル")]
)
def test_units_of_area_and_volume_are_spelled_out_not_m2(ch: str, fixed: str) -> None:
    text = f"延床面積は1,200{ch}です。"
    [f] = findings_of("a11y.machine_dependent", text)
    assert f.suggestion == fixed
    assert f"「{fixed}」" in f.message


@pytest.mark.parametrize("ch", ["髙", "﨑", "𠮷", "℃", "😀", "※", "〒", "ｶ", "Ａ", "ℹ\ufe0f", "㊙\ufe0f", "Ⓜ\ufe0f"])
def test_name_characters_jis_symbols_and_emoji_do_not_fire(ch: str) -> None:
    assert "a11y.machine_dependent" not in codes(f"本日{ch}のお知らせ")


@pytest.mark.parametrize("text", ["お楽しみに(｡•̀ᴗ-)✧", "開催決定！(ﾉ´ヮ`)ﾉ*: ･ﾟ 詳細は後日", "(ﾟ∀ﾟ)"])
def test_halfwidth_marks_drawing_a_kaomoji_are_no_kana(text: str) -> None:
    assert "a11y.halfwidth_kana" not in codes(text)


@pytest.mark.parametrize("text", ["(・ω・)ｲﾍﾞﾝﾄ開催", "ｲﾍﾞﾝﾄ(ｶｲｻｲ)", "（ ｲﾍﾞﾝﾄ ﾊﾟ）", "(ｲﾍﾞﾝﾄ ﾟ)"])
def test_halfwidth_kana_beside_or_in_brackets_without_a_face_still_fire(text: str) -> None:
    assert "a11y.halfwidth_kana" in codes(text)


def test_halfwidth_kana_with_voiced_marks_is_replaced_as_one_run() -> None:
    [f] = findings_of("a11y.halfwidth_kana", "ｲﾍﾞﾝﾄ開催")
    assert (f.start, f.end, f.suggestion) == (0, 5, "イベント")


def test_a_halfwidth_voiced_mark_alone_is_replaced_by_a_visible_one() -> None:
    # NFKC makes 「ﾞ」 the combining U+3099, which shows as nothing or a stray mark of its own.
    [f] = findings_of("a11y.halfwidth_kana", "テレビﾞの時間")  # typed twice
    assert f.suggestion == "゛" and "\u3099" not in f.message
    # After a full-width kana that takes the mark, the two are one letter: 「カﾞ」 is 「ガ」.
    [f] = findings_of("a11y.halfwidth_kana", "カﾞイド")
    assert (f.start, f.end, f.suggestion) == (0, 2, "ガ")


@pytest.mark.parametrize(
    "text",
    [
        "【お 知 ら せ】", "お　知　ら　せ", "日　時：11月30日", "場 所: 市民会館",
        # Letters of one word in a やさしい日本語 sentence: no particle between ゆ and き.
        "さむい ひ は ゆ き が ふります。", "ゆ き が ふります",
    ],
)
def test_spaced_words(text: str) -> None:
    assert "a11y.spaced_word" in codes(text)


@pytest.mark.parametrize(
    "text", ["会場：上越文化会館 大ホール", "上越市 防災危機管理課", "日時：11月30日 10時"]
)
def test_spaces_between_words_are_fine(text: str) -> None:
    assert "a11y.spaced_word" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "ごみ の ひ は げつようび です。",
        "あつい ひ は き を つけて ください。",
        "こども の め に いれないで ください。",
        "ひ を つかう とき は き を つけて ください。",
    ],
)
def test_one_letter_words_of_yasashii_nihongo_are_words(text: str) -> None:
    # 分かち書き: a particle and a one-letter noun (ひ, き, め) each stand between spaces.
    assert "a11y.spaced_word" not in codes(text)


def test_emoji_overuse() -> None:
    assert "a11y.emoji_overuse" in codes("🎉🎆🍧🎇🏮✨ 夏祭り")
    assert "a11y.emoji_overuse" not in codes("🎉🎆🍧🎇🏮 夏祭り")
    assert "a11y.emoji_overuse" in codes("夏祭り★★★")
    assert "a11y.emoji_overuse" not in codes("夏祭り★開催")


def test_a_run_of_emoji_is_called_emoji_and_a_run_of_marks_decoration() -> None:
    [emoji] = findings_of("a11y.emoji_overuse", "🎉🎉🎉 開催します")
    [marks] = findings_of("a11y.emoji_overuse", "★★★ 開催します")
    assert emoji.message.startswith("絵文字「🎉🎉🎉」の連続") and marks.message.startswith("装飾記号「★★★」の連続")


def test_a_run_is_not_counted_again_when_making_it_one_is_enough() -> None:
    # Six 🎉 in a row: one finding (the run); making it one leaves one emoji.
    [f] = findings_of("a11y.emoji_overuse", "🎉🎉🎉🎉🎉🎉 おめでとう")
    assert f.message.startswith("絵文字「🎉🎉🎉🎉🎉🎉」の連続")
    # Still too many after the run is made one: both findings.
    found = findings_of("a11y.emoji_overuse", "🎉🎉🎉 おめでとう🎄✨🎅🎁❄️")
    assert [f.message[:7] for f in found] == ["絵文字「🎉🎉🎉", "絵文字が8個あ"]


def test_a_run_of_circles_is_a_name_left_out_not_a_decoration() -> None:
    [f] = findings_of("a11y.emoji_overuse", "○○○○氏が受賞しました")
    assert "伏せ字" in f.message and "一つにする" not in f.message


def test_emoji_inside_a_word_but_not_between_words() -> None:
    [f] = findings_of("a11y.emoji_overuse", "お🎵祭りに来てね")
    assert f.excerpt == "🎵"
    assert "a11y.emoji_overuse" not in codes("本日開催🎉ぜひお越しください")


def test_emoji_sequences_count_once() -> None:
    assert "a11y.emoji_overuse" not in codes("👨‍👩‍👧‍👦👍🏽🇯🇵1️⃣❤️ 家族で参加")


def test_a_text_style_symbol_with_a_skin_tone_is_one_emoji() -> None:
    # ✌ and ☝ are text by default; a skin tone makes them an emoji as 👍🏽 is.
    [f] = findings_of("a11y.emoji_overuse", "✌🏻✌🏻✌🏻 ピース")
    assert f.excerpt == "✌🏻✌🏻✌🏻"


@pytest.mark.parametrize(
    ("alts", "bad"),
    [
        ((), 1),
        (("",), 1),
        (("IMG_0001.JPG",), 1),
        (("画像",), 1),
        (("写真1",), 1),
        (("DSC01234",), 1),
        (("雪の高田城三重櫓",), 0),
    ],
)
def test_image_alt(alts: tuple[str, ...], bad: int) -> None:
    assert len(findings_of("a11y.image_alt", "様子です", image_count=1, alt_texts=alts)) == bad


def test_missing_alt_for_the_second_image() -> None:
    [f] = findings_of("a11y.image_alt", "様子", image_count=2, alt_texts=("桜並木",))
    assert f.message.startswith("画像2")


def test_fullwidth_alnum_is_info() -> None:
    [f] = findings_of("a11y.fullwidth_alnum", "ＱＲコード")
    assert (f.severity, f.suggestion) == ("info", "QR")


@pytest.mark.parametrize(
    ("text", "excerpt", "suggestion"),
    [
        ("携帯 ０９０－１２３４－５６７８ まで", "０９０－１２３４－５６７８", "090-1234-5678"),
        ("開場 １０：３０", "１０：３０", "10:30"),
        ("１２月５日（土）１０時から", "１２月５日（土）１０", "12月5日（土）10"),
    ],
)
def test_a_full_width_number_or_date_is_one_finding(text: str, excerpt: str, suggestion: str) -> None:
    [f] = findings_of("a11y.fullwidth_alnum", text)
    assert (text[f.start : f.end], f.suggestion) == (excerpt, suggestion)


def test_full_width_runs_far_apart_or_in_other_sentences_are_separate() -> None:
    text = "ＱＲコードを読み取ってお申し込みいただけます。受付は１０時から。\nＦＡＸでも可"
    found = findings_of("a11y.fullwidth_alnum", text)
    assert [text[f.start : f.end] for f in found] == ["ＱＲ", "１０", "ＦＡＸ"]
    # A full-width sign that is not between two characters to fix stays as written.
    [f] = findings_of("a11y.fullwidth_alnum", "番号：１２３")
    assert f.suggestion == "123"


def test_half_width_kana_words_separated_by_spaces_are_one_finding() -> None:
    text = "ｲﾍﾞﾝﾄ ｶｲｻｲ のお知らせ ﾃｽﾄ"
    found = findings_of("a11y.halfwidth_kana", text)
    assert [(text[f.start : f.end], f.suggestion) for f in found] == [("ｲﾍﾞﾝﾄ ｶｲｻｲ", "イベント カイサイ"), ("ﾃｽﾄ", "テスト")]


def test_long_sentence_is_info_and_urls_do_not_count() -> None:
    long = "あ" * 101 + "。"
    [f] = findings_of("a11y.long_sentence", long)
    assert f.severity == "info"
    assert "a11y.long_sentence" not in codes("あ" * 90 + "https://www.city.joetsu.lg.jp/" + "a" * 40 + "。")


def test_a_sentence_is_measured_in_the_characters_a_reader_sees() -> None:
    # 「が」 typed as か + U+3099 (text copied from a PDF or a Mac file name) and a family emoji of
    # seven code points are one character each: 61 and 91 characters, not 121 and 211.
    assert "a11y.long_sentence" not in codes("か\u3099" * 60 + "。")
    assert "a11y.long_sentence" not in codes("👨‍👩‍👧‍👦" * 20 + "あ" * 70 + "。")
    [f] = findings_of("a11y.long_sentence", "か\u3099" * 101 + "。")
    assert f.message.startswith("一文が102文字あります。")


@pytest.mark.parametrize("letter", ["葛\U000e0100", "☀\ufe0e", "あ\u200b", "バ\u0336", "ア\u3099"])
def test_marks_and_invisible_characters_add_no_character_a_reader_sees(letter: str) -> None:
    # A kanji with its variation selector (葛󠄀飾区), a text-style symbol, a zero-width space, a
    # struck-through letter, a voiced mark NFC cannot join: each is one letter on the screen.
    assert not findings_of("a11y.long_sentence", letter * 60 + "。")
    [f] = findings_of("a11y.long_sentence", letter * 101 + "。")
    assert f.message.startswith("一文が102文字あります。")


def test_sentences_of_multilingual_notices_end_at_their_full_stops() -> None:
    """Notices for foreign residents are written in English, Vietnamese or Korean: each of their
    sentences is short, and a text of several is not one 150-character sentence."""
    for text in (
        "Free Japanese classes for foreign residents start on December 5 at the Joetsu International Center. "
        "Anyone who lives or works in the city can join. Apply by phone before November 30.",
        "Lớp học tiếng Nhật miễn phí cho cư dân nước ngoài bắt đầu từ ngày 5 tháng 12. "
        "Ai sống hoặc làm việc tại thành phố đều có thể tham gia. Vui lòng đăng ký qua điện thoại.",
        "외국인 주민을 위한 무료 일본어 교실이 12월 5일부터 시작됩니다. 시내에 살거나 일하는 분은 누구나 참가할 수 있습니다. "
        "전화로 신청해 주십시오. 자세한 내용은 국제교류센터에 문의해 주십시오.",
    ):
        assert len(text) > 100
        assert "a11y.long_sentence" not in codes(text), text
    # One long English sentence is still one sentence; a decimal or a domain does not end it.
    one = "The city will hold a 1.5 km walk along the castle moat with guides from www.city.joetsu.lg.jp " + "and more " * 10
    assert "a11y.long_sentence" in codes(one)




def test_an_english_sentence_is_measured_in_words() -> None:
    """100 characters are some 18 English words: an English notice was told to split sentences a
    plain-language guide finds short. Now more than 25 words."""
    short = "Free Japanese classes for foreign residents start on Friday, December 5, at the Joetsu International Center near the station."
    assert len(short) > 100 and "a11y.long_sentence" not in codes(short)
    long = "The city will hold a disaster drill at the community center on Saturday, December 6, from ten in the morning until noon, so please join us."
    [f] = findings_of("a11y.long_sentence", long)
    assert f.message == "一文が26語あります。25語以内を目安に、文を分けてください。"
    # A link is no word of the sentence.
    linked = "Details are at https://www.city.joetsu.lg.jp/site/multilingual/english-guide-to-living-in-joetsu.html for anyone who asks."
    assert "a11y.long_sentence" not in codes(linked)


@pytest.mark.parametrize("text", [
    # Vietnamese spaces syllables, not words; Korean and Japanese have their own measure.
    "Lớp học tiếng Nhật miễn phí cho cư dân nước ngoài bắt đầu từ ngày 5 tháng 12 tại trung tâm giao lưu quốc tế của thành phố Joetsu và kéo dài ba tháng",
    "本日 the city will hold a disaster drill at the community center on Saturday from ten in the morning until noon, so please join us and bring water.",
])
def test_vietnamese_and_mixed_sentences_keep_the_character_count(text: str) -> None:
    [f] = findings_of("a11y.long_sentence", text)
    assert f.message == f"一文が{len(text)}文字あります。100文字以内になるよう文を分けてください。"


@pytest.mark.parametrize("alt", ["🌸", "。", "-", "1", "なし", "N/A", "test"])
def test_an_alt_text_typed_only_to_fill_the_field_is_not_a_description(alt: str) -> None:
    [f] = findings_of("a11y.image_alt", "様子です", image_count=1, alt_texts=(alt,))
    assert f.message.startswith(f"画像1: 代替テキストが「{alt}」だけ")


@pytest.mark.parametrize(
    ("alt", "why"),
    [
        ("画像1枚目", "「画像1枚目」だけ"),
        ("写真その2", "「写真その2」だけ"),
        ("図（3）", "「図(3)」だけ"),
        ("image (2)", "「image (2)」だけ"),
        ("説明", "「説明」だけ"),
        ("LINE_ALBUM_2026_1203_1", "ファイル名"),
        ("LINE_P20261203_100000", "ファイル名"),
        ("S__12345678", "ファイル名"),
        ("DJI_0001", "ファイル名"),
    ],
)
def test_a_numbered_placeholder_or_a_phones_file_name_is_no_description(alt: str, why: str) -> None:
    [f] = findings_of("a11y.image_alt", "様子です", image_count=1, alt_texts=(alt,))
    assert why in f.message


@pytest.mark.parametrize(
    "alt",
    ["説明会の様子", "その他の写真：会場の外観", "1枚目：会場入口の案内板", "Line of people waiting", "dji drone over the river"],
)
def test_descriptions_that_begin_like_a_placeholder_or_a_file_name_stay_silent(alt: str) -> None:
    assert not findings_of("a11y.image_alt", "様子です", image_count=1, alt_texts=(alt,))


@pytest.mark.parametrize("alt", ["桜🌸", "テスト走行の様子", "2026年の花火大会"])
def test_a_short_description_with_a_word_is_one(alt: str) -> None:
    assert not findings_of("a11y.image_alt", "様子です", image_count=1, alt_texts=(alt,))


@pytest.mark.parametrize(
    ("text", "shortcode"),
    [
        (":joetsu_logo: 本日は雁木まつりです", ":joetsu_logo:"),  # a custom emoji: only Slack has its picture
        ("本日は雁木まつりです:tada:", ":tada:"),  # typed into the form, where Slack does not convert it
        ("本日は:tada::tada:です", ":tada::tada:"),
        ("いいね :thumbsup::skin-tone-3:", ":thumbsup::skin-tone-3:"),
        ("新キャラ :joetsu-chan: 登場", ":joetsu-chan:"),
    ],
)
def test_a_slack_emoji_code_left_in_the_text_fires_once(text: str, shortcode: str) -> None:
    [f] = findings_of("a11y.machine_dependent", text)
    assert text[f.start : f.end] == shortcode and "SNS ではこの文字のまま表示されます" in f.message
    assert f.suggestion is None


@pytest.mark.parametrize(
    "text",
    [
        "受付は10:30:00からです",
        "比率は 1:2:3 です",
        "https://example.com/a:bc:d",
        "IPv6 2001:db8:abcd::1",
        "Re:Zero: の上映会",
        "時間:AM:10",
        "本日は雁木まつりです🎉",
    ],
)
def test_colons_that_are_not_slack_emoji_codes_stay_silent(text: str) -> None:
    assert not [f for f in findings_of("a11y.machine_dependent", text) if "Slack" in f.message]


def test_a_custom_emoji_with_a_japanese_name_fires_where_the_message_held_it() -> None:
    """Japanese workspaces name their emoji in Japanese: 「:お知らせ:」 is no shortcode by its letters,
    and X would show them. The message's rich text says which names were emoji."""
    text = ":お知らせ: 雁木まつりは中止です:了解::了解:\n問合せ:観光振興課:025-526-5111 :joetsu_logo:"
    found = findings_of("a11y.machine_dependent", text, custom_emoji=("お知らせ", "了解", "joetsu_logo", "無い"))
    assert [text[f.start : f.end] for f in found] == [":お知らせ:", ":了解:", ":了解:", ":joetsu_logo:"]
    assert all("SNS ではこの文字のまま表示されます" in f.message for f in found)
    # Without Slack's word (`kessai check`, or names not held as emoji), ordinary text stays silent.
    assert [text[f.start : f.end] for f in findings_of("a11y.machine_dependent", text)] == [":joetsu_logo:"]
    assert not findings_of("a11y.machine_dependent", "問合せ:観光振興課:025-526-5111", custom_emoji=("お知らせ",))



def test_a_space_between_a_one_letter_family_and_given_name_is_no_spacing() -> None:
    assert "a11y.spaced_word" not in codes("講師：林 功 氏")
    assert "a11y.spaced_word" in codes("林 功 氏 講 演")


def test_a_nepali_full_stop_ends_a_sentence() -> None:
    # 「।」 (danda) in a notice for Nepali residents: twenty short sentences are not one long one.
    assert "a11y.long_sentence" not in codes("यो सूचना हो। " * 20)
    assert "a11y.long_sentence" in codes("यो सूचना हो " * 20)
