"""Session 46: verdicts laid on a whole group that the lists did not hold — a life called too long or better unborn
(the words of the 相模原 murders), sexuality called a taste, a benefit called abused — and a woman's role said as what
suits her best (「女性は家庭を守るのが一番です」). Each fires as the post's own word; named to be opposed, it does not."""

from __future__ import annotations

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
        "在日外国人は生活保護をもらい放題。",
        "障害者は生まれてこない方が幸せです。",
        "障害者は生まれてこない方が幸せです。優生思想と言われてもかまいません。",
        "高齢者は長生きしすぎです。",
        "LGBTは趣味の問題です。",
        "同性愛は趣味の問題です。",
        "生活保護の人はパチンコばかりしている。",
        "生活保護受給者はパチンコばかり。",
        "女性は家庭を守るのが一番です。",
        "女は家を守るのが仕事。",
        "妻は家庭を守るのが幸せなんです。",
    ],
)
def test_a_verdict_on_a_whole_group_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "「障害者は生まれてこない方が幸せ」という考えは、優生思想です。絶対に許されません。",
        "「LGBTは趣味の問題」という誤解をなくしましょう。",
        "高齢者は長生きしすぎ、という声がありますが、そんなことはありません。",
        "高齢者の皆さん、長生きしすぎて困ることはありません。健康寿命を延ばしましょう。",
        "子どもたちは、お菓子がもらい放題！",
        "参加者はパンフレットもらい放題です。",
        "子どもはパチンコ店に入れません。",
        "「女性は家庭を守るのが一番」という考え方は、もう古いですね。",
        "女性消防団員は、地域の家庭を守るのが役目です。",
        "女性も男性も、家庭を守るのが一番大切です。",
    ],
)
def test_the_same_words_named_to_be_opposed_or_said_of_something_else_are_silent(text: str) -> None:
    assert _said(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区は同和地区です。",
        "〇〇町って同和地区なの？",
        "〇〇地区が被差別部落だそうです。",
        "被差別部落の場所を教えてください。",
        "部落はどこですか？",
        "同和地区の一覧を公開します。",
    ],
)
def test_a_place_named_or_asked_for_as_a_dowa_district_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "「同和地区の場所を教えてほしい」という問い合わせは、部落差別につながるためお答えしていません。",
        "同和地区の場所を調べたり、公表したりすることは、部落差別につながります。",
        "被差別部落の場所を調べることは、差別につながります。",
        "インターネット上で同和地区の一覧を公開する行為は、人権侵害です。",
        "【インターネット上の人権侵害】\nネット上に、特定の個人を誹謗中傷する書き込みや、同和地区の所在地を示す情報が掲載される事例が"
        "あります。\n書き込まれた被害に悩んでいる方は、法務局にご相談ください。",
        "同和地区の一覧を公開する行為は許されません。",
        "部落差別の歴史を学ぶ人権講座を開催します。",
    ],
)
def test_asking_where_they_are_named_to_condemn_it_is_silent(text: str) -> None:
    assert _said(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "外国人は日本のルールを守らない。",
        "技能実習生はルールを守りません。",
        "ブラジル人はうるさい。",
        "片親だから子どもがグレるんです。",
        "オネエ系職員が教える、冬のスキンケア術！",
    ],
)
def test_a_people_said_to_break_the_rules_and_labels_media_guidelines_replace_fire(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人の方も、ごみ出しのルールを守ってください。",
        "ルールを守らない人が一部にいます。",
        "「外国人はルールを守らない」という思い込みはありませんか。",
        "高齢者は騒音がうるさいと感じやすいので配慮しましょう。",
        "子どもたちは元気でうるさいくらいです。",
        "ひとり親家庭の方への支援を拡充しました。",
    ],
)
def test_rules_asked_of_everyone_and_noise_of_something_else_are_silent(text: str) -> None:
    assert _said(text) == []


@pytest.mark.parametrize("shape", ["同和地区はどこ、", "〇〇地区は同和地区です、", "被差別部落の場所、"])
def test_a_paste_naming_the_places_thousands_of_times_stays_linear(shape: str) -> None:
    """Each finding read its whole sentence for a word that opposes it: a paste without a full stop was quadratic
    (0.7 → 11 s from 10,000 to 40,000 characters)."""
    docs: dict[str, Document] = {}
    for n in (10_000, 40_000):
        text = repeated_to(shape, n)
        docs[text] = Document(text)
        list(discrimination(docs[text], ctx(), RuleOptions()))

    def scan(text: str) -> None:
        list(discrimination(docs[text], ctx(), RuleOptions()))

    assert_stays_linear(scan, shape)
