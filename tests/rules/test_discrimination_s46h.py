"""Session 46 (helper): stereotypes a staff member could type that were silent — a people of a place called slack or
gloomy, people with a mental illness called unpredictable, people with dementia sent away, a childless woman called
less than whole, 在日 said to hide crime under a 通名, and a 同和地区 asked for after a disclaimer (「差別するつもりは
ありませんが、」) whose 差別 read as opposing it. Each fires as the post's own word; quoted to be questioned, reported
as prejudice, or said of something else, it does not."""

from __future__ import annotations

import time

import pytest

from bot.rules import check
from bot.rules.model import RuleOptions
from bot.rules.prohibited import discrimination
from bot.rules.text import Document
from tests.conftest import assert_stays_linear, repeated_to
from tests.rules.conftest import CITY_POLICY, ctx


def _said(text: str) -> list[str]:
    found = check(text, ctx(platform="x", policy=CITY_POLICY))
    return [text[f.start : f.end] for f in found if f.code == "prohibited.discrimination"]


@pytest.mark.parametrize(
    "text",
    [
        "差別するつもりはありませんが、被差別部落の場所を教えてください。",
        "差別する気はないけど、同和地区はどこですか。",
        "差別はいけませんが、被差別部落の場所を教えてください。",
    ],
)
def test_a_place_asked_for_after_a_disclaimer_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "差別するつもりはなかった、という言い訳は通用しません。",
        "同和地区の場所を調べたり、公表したりすることは、部落差別につながります。",
        "差別するつもりはなくても、同和地区の場所を調べることは部落差別につながります。",
    ],
)
def test_a_disclaimer_named_to_answer_it_stays_silent(text: str) -> None:
    assert _said(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "沖縄の人は時間にルーズ。",
        "東北の人は暗い。",
        "精神障害者は何をするかわからない。",
        "認知症の人は施設に入れるべきです。",
        "子どもがいない女性は一人前じゃない。",
        "在日の人たちは通名を使って犯罪を隠している。",
    ],
)
def test_a_verdict_on_a_people_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "高齢者は夜道が暗いので、反射材を身につけましょう。",
        "冬の東北は日が短く、夕方4時には暗いです。",
        "高齢者は暗いうちからの散歩は控えましょう。",
        "沖縄の人は時間にルーズ、というのは本当でしょうか？",
        "「東北の人は暗い」なんて思い込みはありませんか。",
        "「精神障害者は何をするかわからない」という偏見が、当事者を苦しめています。",
        "認知症の人は施設に入れるべき、という考え方を見直しませんか。",
        "認知症の人は施設に入れるべきか、在宅で支えるべきか。家族で話し合ってみませんか。",
        "「子どもがいない女性は一人前じゃない」という言葉に傷つく人がいます。",
        "在日の人たちは通名を使って犯罪を隠している、というデマがネット上で拡散しています。",
        "新人職員は、最初はまだ一人前ではありません。先輩がしっかりサポートします。",
        "沖縄の人は、旧暦の行事を大切にしています。",
    ],
)
def test_the_verdict_questioned_or_said_of_something_else_stays_silent(text: str) -> None:
    assert _said(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "女に管理職は無理。",
        "女性に管理職は向いていません。",
        "女は管理職に向いていない。",
        "女性に消防士は務まらない。",
        "看護師は女性の仕事です。",
        "保育士は女の仕事だ。",
        "男性保育士って、ちょっと心配ですよね。",
        "男の看護師なんて、気持ち悪い。",
    ],
)
def test_a_post_or_trade_given_or_kept_by_sex_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "女性に管理職として活躍してもらうための研修です。",
        "女性には管理職を目指してほしいと考えています。",
        "女性に管理職は無理、という思い込みをなくしましょう。",
        "女性に管理職は向いていない？そんなことはありません。",
        "女性に運転手はできない、なんてことはありません。女性ドライバーを募集しています。",
        "妊娠中の女性に力仕事は無理をさせないでください。",
        "看護師は女性の仕事と思われがちですが、男性看護師も増えています。",
        "保育士は女性の職業と見られがちですが、男性保育士も活躍中です。",
        "看護師は、女性の仕事というイメージがありましたが、今は男性も多く活躍しています。",
        "女性は管理職に向いていないと思っている人が、まだ多いのが現状です。",
        "男性保育士って、実は増えているんです。",
        "男性保育士は、不安を抱える保護者に寄り添っています。",
        "女性に管理職はできないのでしょうか？",
    ],
)
def test_roles_questioned_or_offered_stay_silent(text: str) -> None:
    assert _said(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "最近、中国の人が増えて困っています。",
        "外国人が増えて本当に困っています。",
        "中国人観光客のマナーの悪さには困ったものです。",
        "外国人観光客のマナーの悪さにはうんざりです。",
        "LGBTの人が増えると少子化が進みます。",
        "同性愛を認めると少子化が進みます。",
    ],
)
def test_a_people_called_a_trouble_or_blamed_for_the_birth_rate_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人観光客が増えて困っている事業者の方へ、多言語対応の補助金があります。",
        "外国人が増えて困っていること、ありませんか？多言語相談窓口にご相談ください。",
        "外国人観光客が増えて、市内の飲食店はにぎわっています。",
        "一部の観光客のマナーの悪さに、地域住民が困っています。",
        "最近、カラスが増えて困っています。ごみネットをご活用ください。",
        "中国人観光客のマナーの悪さ、というイメージは偏見です。",
        "LGBTの人が増えると少子化が進む、というデマが広がっています。",
        "女性が働きにくいと少子化が進みます。",
        "外国人の方が困っていたら、やさしい日本語で話しかけてください。",
    ],
)
def test_a_trouble_of_others_or_the_claim_questioned_stays_silent(text: str) -> None:
    assert _said(text) == []


@pytest.mark.parametrize("shape", ["中国の人が増えて困っています、", "LGBTの人が増えると少子化が進みます、"])
def test_a_paste_of_troubles_stays_linear(shape: str) -> None:
    """Each sentence is read once, however many groups it names."""
    docs: dict[str, Document] = {}
    for n in (10_000, 40_000):
        text = repeated_to(shape, n)
        docs[text] = Document(text)
        list(discrimination(docs[text], ctx(), RuleOptions()))

    def scan(text: str) -> None:
        list(discrimination(docs[text], ctx(), RuleOptions()))

    assert_stays_linear(scan, shape)


@pytest.mark.parametrize(
    "text",
    ["アイヌ民族なんてもういない。", "アイヌはもう存在しない。", "アイヌの人たちなんて、もういませんよ。"],
)
def test_a_people_said_to_exist_no_more_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "アイヌ民族は、今も北海道を中心に暮らしています。",
        "アイヌ語を話せる人は、もういません。",
        "「アイヌ民族なんてもういない」という発言は、差別です。",
        "アイヌ民族はもういない、という誤った認識を改めましょう。",
        "アイヌ民族はもういない、と思っていませんか？",
        "この地域には、アイヌの人たちはいませんでした。",
        "アイヌ文化に詳しい講師はいません。",
        "アイヌ民族の伝統工芸を体験しよう！",
    ],
)
def test_the_people_s_life_told_or_the_denial_questioned_stays_silent(text: str) -> None:
    assert _said(text) == []


@pytest.mark.parametrize("text", ["あの人、ちょっと障害者っぽいよね。", "あいつ障がい者っぽい"])
def test_disability_made_a_put_down_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "「障害者っぽい」という言葉で、誰かを傷つけていませんか。",
        "「障害者っぽい」などの言葉は、障害のある人への差別です。",
        "障害者の方っぽいお客様への声かけは、「何かお手伝いしましょうか」が基本です。",
    ],
)
def test_the_put_down_named_as_a_wrong_stays_silent(text: str) -> None:
    assert _said(text) == []


def test_a_paste_of_disclaimers_and_requests_is_read_once_a_sentence() -> None:
    """a5c91ac4 asked `_opposed` once for each request after its own concession, and `_opposed` reads every
    concession of the sentence again: 40 s for 5,000 characters of 「差別するつもりはありませんが、同和地区はどこ、」.
    The sentence's concessions are still read in O(n²) by `_concessions` (0.05 s at 2,000 characters before this
    session), so this bounds the time, loosely, rather than asking for linearity."""
    text = repeated_to("差別するつもりはありませんが、同和地区はどこ、", 5_000)
    doc = Document(text)
    started = time.perf_counter()
    list(discrimination(doc, ctx(), RuleOptions()))
    assert time.perf_counter() - started < 8.0
