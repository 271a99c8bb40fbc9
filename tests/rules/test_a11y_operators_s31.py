"""a11y.* against what municipal operators really write (session 31): alt texts that are a file
name, a program's default or a field's prompt; mixed decorative runs; litres and circled letters;
a line of hashtags measured as a sentence."""

from __future__ import annotations

import pytest

from bot.rules.a11y import emoji_overuse, image_alt, long_sentence
from bot.rules.model import CheckContext, RuleOptions
from bot.rules.text import Document
from tests.conftest import assert_stays_linear
from tests.rules.conftest import NOW, findings_of


def _alt_findings(alt: str, body: str = "会場の様子です。") -> list[str]:
    return [f.message for f in findings_of("a11y.image_alt", body, image_count=1, alt_texts=(alt,))]


@pytest.mark.parametrize(
    ("alt", "why"),
    [
        ("スクリーンショット 2026-12-06 10.23.45", "ファイル名"),
        ("Screen Shot 2026-12-06 at 10.23.45 AM", "ファイル名"),
        ("スクリーンショット (12)", "ファイル名"),
        ("DSCF1234", "ファイル名"),
        ("P1010023", "ファイル名"),
        ("chart.png の画像", "ファイル名"),
        ("名称未設定-1", "「名称未設定-1」だけ"),
        ("新しいビットマップ イメージ", "だけ"),
        ("Untitled-1", "だけ"),
        ("タイトルなし", "だけ"),
        ("ここに説明を入力", "だけ"),
        ("画像の説明を入力してください", "だけ"),
        ("代替テキストを入力", "だけ"),
        ("Add alt text", "だけ"),
        ("image description", "だけ"),
        ("【画像】", "だけ"),
        ("(写真)", "だけ"),
        ("添付画像", "だけ"),
        ("イメージ画像", "だけ"),
        ("※写真はイメージです", "だけ"),
        ("1枚目", "だけ"),
        ("2枚目の画像", "だけ"),
        ("写真A", "だけ"),
        ("xxx", "だけ"),
        ("ああああ", "だけ"),
        ("あ", "だけ"),
        ("ーー", "だけ"),
    ],
)
def test_a_default_name_a_prompt_or_a_placeholder_is_no_description(alt: str, why: str) -> None:
    [message] = _alt_findings(alt)
    assert why in message


def test_the_posts_first_line_copied_into_the_alt_field_is_no_description() -> None:
    body = "【お知らせ】年末年始のごみ収集について\n12月29日から1月3日まではお休みです。"
    [message] = _alt_findings("【お知らせ】 年末年始のごみ収集について", body)
    assert "本文の1行目と同じ" in message
    # A description that only shares words with the post is one.
    assert not _alt_findings("年末年始のごみ収集日程を示したカレンダー", body)


@pytest.mark.parametrize(
    "alt",
    [
        "雪の積もった市役所の写真",
        "グラフ：人口の推移（2015年から2025年）",
        "市章",
        "地図",
        "桜",
        "QRコード（申込フォーム）",
        "写真：市役所の正面玄関",
        "1枚目：会場入口の案内板",
        "3D画像で見る新庁舎",
        "Snow-covered city hall",
        "A map of the evacuation route",
        "Description of the route: from the station to the hall",
        "Screenshot of the application form",
        "P1 parking lot entrance",
        "もも",
        "ココ",
    ],
)
def test_meaningful_alt_texts_stay_silent(alt: str) -> None:
    assert not _alt_findings(alt)


@pytest.mark.parametrize(
    ("text", "runs"),
    [("★☆★ お知らせ ★☆★", ["★☆★", "★☆★"]), ("♪♫♪ 音楽祭", ["♪♫♪"]), ("◆◇◆◇ 募集", ["◆◇◆◇"])],
)
def test_mixed_stars_notes_and_diamonds_are_a_decorative_run(text: str, runs: list[str]) -> None:
    found = findings_of("a11y.emoji_overuse", text)
    assert [f.excerpt for f in found] == runs
    assert all("装飾記号" in f.message for f in found)


def test_a_same_symbol_run_with_another_after_it_is_one_finding() -> None:
    [f] = findings_of("a11y.emoji_overuse", "★★★☆ 星空観察会")
    assert f.excerpt == "★★★"


@pytest.mark.parametrize("text", ["♪ 音楽祭 ☆ 星空", "★☆ 二つだけ", "評価：◎○△×"])
def test_two_symbols_or_ones_set_apart_are_no_run(text: str) -> None:
    assert not findings_of("a11y.emoji_overuse", text)


@pytest.mark.parametrize(
    ("ch", "fixed"),
    [("ℓ", "L"), ("㎖", "mL"), ("㎗", "dL"), ("ⓐ", "(a)"), ("Ⓑ", "(B)"), ("①", "(1)")],
)
def test_litres_and_circled_letters_get_a_readable_replacement(ch: str, fixed: str) -> None:
    [f] = findings_of("a11y.machine_dependent", f"持ち物{ch}水筒")
    assert f.suggestion == fixed


_WORDS = "上越市 夏祭り 花火大会 屋台 盆踊り かき氷 浴衣 家族 子ども 思い出 新潟 観光 イベント 夏休み 地域 お祭り 夜店 提灯 太鼓 高田公園 上越観光 新潟観光 にいがた 越後"
_TAGS = " ".join(f"#{w}" for w in _WORDS.split(" "))


@pytest.mark.parametrize(
    "text",
    [
        "本日はご来場ありがとうございました！\n" + _TAGS,
        "本日はご来場ありがとうございました " + _TAGS,
        "Thank you for coming to the festival " + _TAGS,
    ],
)
def test_a_line_of_hashtags_is_not_a_long_sentence(text: str) -> None:
    assert not findings_of("a11y.long_sentence", text)


def test_a_long_sentence_with_tags_after_it_still_fires_on_the_sentence() -> None:
    sentence = "本市では" + "、市民の皆さまの安全と安心を守るため" * 6 + "、防災訓練を実施します"
    [f] = findings_of("a11y.long_sentence", sentence + " #上越市 #防災")
    assert f.excerpt.startswith("本市では") and "#" not in f.message
    # A tag the sentence opens with is one of its words: still counted, still the whole sentence.
    [g] = findings_of("a11y.long_sentence", "#上越市 の" + sentence[4:])
    assert g.start == 0


@pytest.mark.parametrize("shape", ["1枚目", "の画像", "ここに", "a.png ", "IMG_"])
def test_a_long_alt_text_is_read_in_linear_time(shape: str) -> None:
    def scan(alt: str) -> object:
        ctx = CheckContext(platform="x", now=NOW, image_count=1, alt_texts=(alt,))
        return sum(1 for _ in image_alt(Document(alt + "\n"), ctx, RuleOptions()))

    assert_stays_linear(scan, shape)


@pytest.mark.parametrize("shape", ["★☆★ ★★★ ", "お★☆★知らせ", "#上越市 ", "本市では #防災 "])
def test_runs_and_tags_are_scanned_in_linear_time(shape: str) -> None:
    ctx = CheckContext(platform="x", now=NOW)

    def scan(text: str) -> object:
        doc = Document(text)
        return sum(1 for _ in emoji_overuse(doc, ctx, RuleOptions())) + sum(
            1 for _ in long_sentence(doc, ctx, RuleOptions())
        )

    assert_stays_linear(scan, shape)
