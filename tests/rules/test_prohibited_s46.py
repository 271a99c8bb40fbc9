"""Session 46: prohibited.insult, prohibited.illegal and prohibited.political on what session 45 left: a request called
rubbish in the spoken form, those who complain called idlers, snow and crops in the words people use, and a party's
fans named by a 選挙管理委員会's call to all or by a report of how things were."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _codes(text: str, platform: str = "x") -> list[str]:
    return [f.code for f in check(text, ctx(platform=platform, policy=CITY_POLICY))]


# A request or a person called rubbish with a bare comma for は, or with the copula people say (でしかない・だよね・
# じゃん): 茅野市 4(7)① 侮蔑, as 「こんな要望はゴミだ」 is.
@pytest.mark.parametrize(
    "text",
    [
        "こんな要望、ゴミでしかない",
        "そんな要望、ゴミだよね",
        "こんな意見、ゴミだよ。",
        "あいつの提案、ゴミじゃん",
        "市民の苦情なんて、ゴミでしかありません。",
        "住民の声なんてゴミ以下だよね",
        "こんな要望はゴミでしかない",
        "不法投棄する人はゴミにすぎない",
    ],
)
def test_request_called_rubbish_spoken_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Requests and rubbish in a list, a heading, the city's answer, or rubbish as the topic the request was about.
@pytest.mark.parametrize(
    "text",
    [
        "要望、苦情、ご相談は市民相談室へ。",
        "ご要望、ごみ収集に関するお問い合わせは環境課まで。",
        "寄せられた要望、苦情、ごみ\n件数を集計しました。",
        "いただいた質問、ごみの出し方について回答します。",
        "「こんな要望、ゴミでしかない」というお叱りの投稿がありましたが、すべての要望に目を通しています。",
        "市民の皆さんからの要望は、すべて担当課で確認しています。",
        "古紙はごみではありません。資源として回収します。",
        "分別されていない資源は、ごみでしかありません。正しく分けて出しましょう。",
    ],
)
def test_requests_and_rubbish_listed_or_answered_stay_silent(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# Those who complain or come to the counter dismissed as idlers, the verdict ending the sentence (茅野市 4(7)① 侮蔑).
@pytest.mark.parametrize(
    "text",
    [
        "クレーム入れてくる奴は暇人",
        "文句ばっかり言う市民は暇人だね",
        "苦情の電話をかけてくる人はヒマ人です。",
        "窓口に来る年寄りは暇人ばっかり",
        "苦情を言う人は暇人ばかりだ",
        "クレーム入れてくる奴らって、よっぽど暇なんだね",
    ],
)
def test_complainers_called_idlers_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Idleness as the writer's own, a belief to be corrected, a label called off, or a greeting.
@pytest.mark.parametrize(
    "text",
    [
        "定年退職した人は暇人だと思われがちですが、実は地域で大活躍しています。",
        "「クレームを言う人は暇人だ」という決めつけはやめましょう。",
        "退職したら暇人になると思っていましたが、地域の見守り活動で毎日忙しいです。",
        "暇人の皆さん、図書館で一緒に本を読みませんか？",
        "暇人なので、休日は図書館にこもってます（笑）職員おすすめの本を紹介します。",
        "冬の農家の人は暇なんじゃないかと聞かれますが、雪の下野菜の出荷で大忙しです。",
    ],
)
def test_idleness_not_said_of_complainers_stays_silent(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text
