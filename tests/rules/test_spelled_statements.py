"""Statements against a group spelled to slip past the morphemes: in kana, which Sudachi cuts its own
way, or with emoji, spaces and marks between the letters (茅野市 4(7)③)."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes


@pytest.mark.parametrize(
    "text",
    [
        "がいこくじんはでていけ",
        "がいこくじんは　でていけ。",
        "ガイコクジンハデテイケ！",
        "外🇨🇳国人は出て💢いけ",
        "外国人は　で　て　い　け",
        "外国人はでていけ！",
        "いみんはいらない",
        "せいかつほごはあまえ",
        "しょうがいしゃはじゃま",
        "ざいにちはかえれ",
        "がいこくじんはくにへかえれ",
        "としよりはじゃまだ",
        "やっぱりがいこくじんはいらない",
        "なまぽはあまえｗｗｗ",
        "がいこくじんのやつらはでていけ",
        # Session 25: wishes, advice, a benefit's people and the licence, spelled in kana.
        "がいこくじんはかえってほしい",
        "がいこくじんには　ほんとうに　かえってほしい！",
        "せいかつほごをうけているひとはあまえ",
        "せいかつほごもらってるやつはあまえだ",
        "こうれいしゃはめんきょをへんのうしろ",
        "しょうがいしゃはしせつにいればいい",
    ],
)
def test_a_statement_spelled_in_kana_or_broken_by_marks_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Quoted as what was said, asked, or questioned in the next sentence.
        "「がいこくじんはでていけ。」と書かれた張り紙がありました。",
        "「がいこくじんはでていけ」",
        "がいこくじんはいらない？",
        "がいこくじんは　でていけ。そう思っていませんか。",
        # やさしい日本語 notices for foreign residents, in kana with spaces.
        "がいこくじんは、くにへかえるとき、てつづきがひつようです。",
        "やさしい にほんごで おしらせします。がいこくじんの みなさん、ごみの だしかたが かわります。",
        "がいこくじんの ひとは、やくしょで てつづきを して ください。",
        "がいこくじんは かえれます。",
        "こうれいしゃは むりを しないで ください。",
        "しょうがいしゃの かたは、えれべーたーを つかって ください。",
        "せいかつほごの そうだんは 2かいです。",
        "おんなはつよい",
        "がいこくじんのみなさんには、げんきにかえってほしいです",
        "こうれいしゃのかたは、めんきょのへんのうをけんとうしてください",
        "がいこくじんはかえってほしい？",
        "せいかつほごをうけているひとは、しんせいしてください",
    ],
)
def test_kana_notices_and_quoted_statements_are_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


# Session 25: a hashtag runs the statement together and drops its particle.
@pytest.mark.parametrize(
    "text",
    ["#外国人いらない", "#障害者いらない #拡散希望", "#生活保護甘え", "#老人邪魔", "#がいこくじんいらない", "今日も雪です #外国人いらない"],
)
def test_a_statement_as_a_hashtag_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "#外国人観光客歓迎 #上越市",
        "#高齢者見守り",
        "#女性活躍",
        "#外国人住民 #多文化共生",
        "#障害者週間",
        "#生活保護 #相談窓口",
        "#高齢者免許返納",
        "#難民支援",
        "SNSで「#外国人いらない」というハッシュタグが広がっています。",
        "#外国人いらない という投稿は差別です。",
    ],
)
def test_hashtags_of_services_and_tags_reported_are_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)
