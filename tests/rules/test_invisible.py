"""Zero-width and bidi control characters do not hide anything from the rules; offsets stay original."""

from __future__ import annotations

import pytest

from bot.rules.text import INVISIBLE, Document
from tests.rules.conftest import codes, findings_of

ZW = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u180e", "\u2063"]
BIDI = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069", "\u200e", "\u200f",
        "\u061c"]


@pytest.mark.parametrize("ch", ZW + BIDI)
def test_a_mobile_number_split_by_an_invisible_character_fires(ch: str) -> None:
    number = f"090{ch}1234{ch}5678"
    text = f"担当 {number} まで"
    [f] = findings_of("pii.phone", text)
    assert text[f.start : f.end] == number == f.excerpt


@pytest.mark.parametrize("ch", ZW)
def test_a_word_split_by_a_zero_width_character_fires(ch: str) -> None:
    text = f"お前は馬{ch}鹿だ"
    [f] = findings_of("prohibited.insult", text)
    assert text[f.start : f.end] == f"馬{ch}鹿"


def test_a_url_split_by_a_zero_width_space_is_still_a_shortener() -> None:
    text = "詳しくは https://bit\u200b.ly/abc をご覧ください"
    [f] = findings_of("link.shortener", text)
    assert text[f.start : f.end] == "https://bit\u200b.ly/abc"


def test_a_secret_mark_with_a_zero_width_space_fires() -> None:
    assert "confidential.secret" in codes("【部外\u200b秘】来年度の組織再編について")


def test_invisible_characters_are_dropped_from_the_normalised_view_only() -> None:
    text = "a\u200bb\u202ec"
    doc = Document(text)
    assert doc.text == text
    assert doc.norm == "abc"
    assert doc.span(0, 3) == (0, 5)
    assert doc.span(1, 2) == (2, 3)


def test_morphemes_keep_original_offsets_around_invisible_characters() -> None:
    text = "\ufeff上越\u200b市の馬鹿"
    doc = Document(text)
    for t in doc.tokens:
        assert text[t.start] not in INVISIBLE and text[t.end - 1] not in INVISIBLE, t
    assert [text[t.start : t.end] for t in doc.tokens if t.surface == "馬鹿"] == ["馬鹿"]
    assert [text[t.start : t.end] for t in doc.tokens if t.surface == "上越市"] == ["上越\u200b市"]


def test_emoji_with_joiners_still_check_clean() -> None:
    assert [c for c in codes("家族で参加👨‍👩‍👧 ぜひどうぞ") if c != "a11y.fullwidth_alnum"] == []


def test_a_voiced_mark_typed_after_its_kana_is_one_letter_in_the_normalised_view() -> None:
    doc = Document("ハ゛ス停")
    assert doc.norm == "バス停"
    assert doc.span(0, 1) == (0, 2)
    assert Document("「゛」").norm == "「 \u3099」"  # after no kana it stays what NFKC makes of it


def test_variation_selectors_hide_no_mark_and_no_letter() -> None:
    assert "confidential.secret" in codes("㊙\ufe0f 来年度の人事案")  # the emoji form of the 秘 mark, as a label
    assert "confidential.secret" not in codes("㊙\ufe0fスポット紹介")  # a 「secret spot」, as マル秘スポット
    assert "prohibited.insult" in codes("馬\U000e0100鹿")  # an ideographic variation selector
    assert "a11y.emoji_overuse" in codes("\u2764\ufe0f" * 6)  # emoji are counted as drawn


def test_a_combining_mark_that_composes_with_nothing_keeps_the_offsets_of_the_reading() -> None:
    text = "ア\u3099ホだ、お前はハ゛カ"  # 「ア゙」 has no composed form
    read = Document(text).as_read
    assert read is not None and len(read.text) == len(text)
    [f] = findings_of("prohibited.insult", text)
    assert text[f.start : f.end] == "ハ゛カ"


def test_a_right_to_left_override_is_reported_and_its_text_read_as_it_is_seen() -> None:
    """「\u202eカバ」 shows バカ: the override is reported, and the word found as readers see it."""
    text = "市長は\u202eカバ\u202c"
    [control] = findings_of("a11y.machine_dependent", text)
    assert (control.start, control.end) == (3, 4) and "U+202E" in control.message
    [insult] = findings_of("prohibited.insult", text)
    assert text[insult.start : insult.end] == "カバ"
    # Without the override カバ is a hippo.
    assert not findings_of("prohibited.insult", "動物園のカバ")
    assert not findings_of("a11y.machine_dependent", "مرحبا\u200f 上越市")  # an RLM of an Arabic notice


@pytest.mark.parametrize("mark", ["\u0336", "\u0338", "\u20dd", "\u0332"])
def test_a_mark_drawn_over_a_letter_does_not_hide_the_word(mark: str) -> None:
    assert findings_of("prohibited.insult", f"市長はバ{mark}カ{mark}")


@pytest.mark.parametrize("before", ["🙇\u200d♂️", "\u200b\u200b", "❤️🙇\u200d♂️"])
def test_offsets_stay_original_when_dropped_and_widened_characters_even_out(before: str) -> None:
    # Two dropped characters (ZWJ, VS16) and one 「…」 made 「...」 left the normalised text as long as
    # the draft, and the offsets were taken as unchanged: every finding between them was two
    # characters off (the excerpt of 「090-1234-5678」 was 「帯 090-1234-56」).
    text = f"{before}携帯 090-1234-5678 までお願いします…"
    doc = Document(text)
    start, end = doc.span(doc.norm.index("090"), doc.norm.index("まで") - 1)
    assert text[start:end] == "090-1234-5678"
    [f] = findings_of("pii.phone", text)
    assert f.excerpt == "090-1234-5678"


def test_the_invisible_characters_pattern_is_exactly_the_list() -> None:
    """The pattern is written as ranges for speed; it must match INVISIBLE and nothing else."""
    from bot.rules.text import _INVISIBLE_RE, INVISIBLE

    matched = {c for c in map(chr, range(0x110000)) if _INVISIBLE_RE.fullmatch(c)}
    assert matched == set(INVISIBLE)
