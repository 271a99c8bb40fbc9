"""Illegal acts encouraged without naming the law: drunk cycling (道路交通法 第65条, penalised since
November 2024) and an act promised to go unnoticed (「捨てれば見つかりません」). 茅野市 4(7)④."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes, findings_of


@pytest.mark.parametrize(
    "text",
    [
        "飲んだ後でも自転車なら大丈夫です。",
        "ビール1杯くらいなら自転車で帰っても平気",
        "It's fine to ride a bike after a couple of beers.",
        # Said as the post's own belief, not described as others'.
        "自転車なら、お酒を飲んでも大丈夫と思います。",
        # Passed on, or the belief described and then agreed with.
        "自転車なら飲んでも大丈夫という話です。",
        "自転車なら飲んでも大丈夫、という人もいますが、本当に大丈夫です。",
        "自転車なら、お酒を飲んでも大丈夫と思っている人、正解です！",
        "ビール1杯なら運転しても平気だと思う。",
        "ゴミは夜中に河川敷に捨てれば見つかりません。",
        "粗大ごみは山に捨ててもバレないよ",
        "ここに車を停めても捕まらないですよ",
        # A 「ない」 elsewhere in the sentence, or a bus stop, station or bicycle park, is no warning.
        "人がいない夜中に捨てれば見つからない",
        "カメラもないし、夜中に捨ててもバレない",
        "バス停に停めても捕まらない",
        "自転車を駐輪場以外に停めても捕まらない",
        "粗大ごみは山に埋めればバレない",
    ],
)
def test_unnamed_illegal_acts_encouraged_fire(text: str) -> None:
    [f] = findings_of("prohibited.illegal", text)
    assert f.severity == "warning"


@pytest.mark.parametrize(
    "text",
    [
        "飲酒運転は絶対にやめましょう。",
        "自転車の飲酒運転も罰則の対象です。",
        "お酒を飲んだら自転車も押して帰りましょう。",
        "お酒を飲んだら自転車は押して歩けば大丈夫です。",
        "お酒を飲んでも自転車なら大丈夫、と思っていませんか？",
        "ビールを飲みながら自転車レースを観戦できます。",
        "サイクリングの後はビールで乾杯！自転車は駐輪場に置いて大丈夫です。",
        "自転車でお越しの方は試飲できません。",
        "甘酒は自転車に乗る前に飲んでも大丈夫です。",
        # The misconception described as some people's, which a traffic-safety post corrects.
        "自転車なら、お酒を飲んでも大丈夫と思っている人が多いようです。",
        "自転車なら飲んでも大丈夫という話を聞きます。",
        "自転車なら飲んでも平気、という人がいます。",
        "ビールを1杯くらいなら運転しても大丈夫と考えている方はいませんか。",
        "お酒を飲んでも自転車なら大丈夫と思いがちです。",
        "夜中に河川敷に捨てれば見つからない、と思ったら大間違いです。監視カメラを設置しています。",
        "落とし物は、雪に埋もれると春まで見つかりません。",
        "お探しのページは見つかりません。",
        "夜中に捨てても見つからない、なんてことはありません。",
        "ここに停めても捕まらないと思われがちですが、そうではありません。",
        "捨てても見つからないからと、ポイ捨てする人が後を絶ちません。",
        # Buried, but no waste: a school's time capsule, a garden's bulbs.
        "卒業生のタイムカプセルは、校庭の隅に埋めれば見つかりません。",
        "チューリップの球根を埋めたら見つからない！",
        "ごみは決められた日の朝8時までに集積所に出してください。",
    ],
)
def test_warnings_and_ordinary_posts_are_silent(text: str) -> None:
    assert "prohibited.illegal" not in codes(text)
