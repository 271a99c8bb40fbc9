"""Session 46: prohibited.insult, prohibited.illegal and prohibited.political on what session 45 left: a request called
rubbish in the spoken form, those who complain called idlers, snow and crops in the words people use, and a party's
fans named by a 選挙管理委員会's call to all or by a report of how things were."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from bot.rules import check
from bot.rules.model import CheckContext, Hit, RuleOptions
from bot.rules.prohibited import illegal, insult, political
from bot.rules.text import Document
from tests.conftest import assert_stays_linear, repeated_to
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


# とか and a comma as the topic, with a predicate: 「要望とか、ゴミでしかないよね」 says it as 「要望は…」 does. Not a list
# of examples, or rubbish as what is asked about.
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("要望とか、ゴミでしかないよね", True),
        ("議員とか、ゴミだよ", True),
        ("ご意見とか、ごみの出し方とか、何でも聞いてください。", False),
        ("質問とか、ごみ", False),
        ("缶とか瓶とか、ごみ", False),
    ],
)
def test_request_called_rubbish_after_toka(text: str, fires: bool) -> None:
    assert ("prohibited.insult" in _codes(text)) is fires, text


# The topic most asked about, given after a comma: residents' requests ranked, not called rubbish.
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("今年いちばん多かった要望、ごみです！", False),
        ("市民アンケートで多かった質問、ごみです。", False),
        ("問い合わせの1位の質問、ごみです。", False),
        ("多すぎる要望、全部ゴミだよ", True),
    ],
)
def test_topic_most_asked_after_a_comma(text: str, fires: bool) -> None:
    assert ("prohibited.insult" in _codes(text)) is fires, text


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


# Snow pushed onto the road or into a river in the words people use: a bare comma for は, 流す, and 「…ばいい」 as the
# way to do it (道路交通法 第76条第3項, 河川法).
@pytest.mark.parametrize(
    "text",
    [
        "除雪した雪、川に流しちゃえばOK",
        "屋根の雪は道路に落とせばいいよ",
        "雪は川に流せばいい",
        "雪、道路に出しちゃえばいいよ〜",
        "家の前の雪は車道に捨てればいいよ",
        "雪は側溝に流せばいいよ",
    ],
)
def test_snow_to_road_or_river_spoken_warns(text: str) -> None:
    assert "prohibited.illegal" in _codes(text), text


# 雪なんて as the topic, ポイ and 出せば as the act: the same offence said more loosely.
@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("雪なんて道路に出しちゃえばいいんだよ", True),
        ("雪なんて川に捨てちゃえ", True),
        ("雪は川にポイでOK", True),
        ("除雪した雪は車道に出せばいいよ", True),
        ("雪なんて道路に出さなければいいんです。", False),
        ("雪は川にポイ捨てしないで！", False),
        ("雪なんて道路に出したらダメだよ", False),
        ("雪は道路に出せません。敷地内に寄せてください。", False),
    ],
)
def test_snow_to_road_or_river_said_loosely(text: str, warns: bool) -> None:
    assert ("prohibited.illegal" in _codes(text)) is warns, text


# The road or the river named before the snow, and another's house said よそんち・人んち.
@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("国道に雪を捨てても大丈夫", True),
        ("道路に雪を出しちゃえばいいよ", True),
        ("川に除雪した雪を捨てても平気です", True),
        ("用水路に雪を流しちゃおう", True),
        ("よそんちの柿も取っちゃえばいいよ", True),
        ("人んちの庭の柿も取り放題", True),
        ("道路に雪を出さないでください。", False),
        ("歩道に雪を寄せても大丈夫です。", False),
        ("道路に雪が積もっても大丈夫なように、冬タイヤに交換しましょう。", False),
        ("流雪溝に雪を流しても大丈夫です。", False),
        ("道路に雪を捨てても大丈夫、と思っていませんか？", False),
        ("北海道に雪を見に行こう！ツアー参加者募集。", False),
        ("よそんちの雪かきを手伝ってあげましょう。", False),
    ],
)
def test_road_named_first_and_anothers_house(text: str, warns: bool) -> None:
    assert ("prohibited.illegal" in _codes(text)) is warns, text


# The snow country's own tips that keep the law, a warning, a heavy snow's report and a river that thaws.
@pytest.mark.parametrize(
    "text",
    [
        "自宅の敷地内に雪を寄せましょう。道路に雪を出すのは禁止です。",
        "雪は道路に出さなければいいんです。敷地内に寄せましょう。",
        "雪は道路に出さず、敷地内に落とせばいいですよ。",
        "雪は流雪溝に流せばいいよ。流雪溝の利用時間を守ってね。",
        "除雪した雪を川に流すのは危険です。絶対にやめましょう。",
        "大雪、道路に車を出すときは十分注意しましょう。",
        "初雪、道路に積もりました！運転に注意してください。",
        "屋根の雪下ろしをしたら、落とした雪は敷地内に置けばいいよ。",
        "雪は指定の雪捨て場に捨てればいいですよ。",
        "雪は川に流れて春を告げます。",
    ],
)
def test_snow_tips_within_the_law_stay_silent(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


# What grows on another's land named as the topic, taken freely (森林法 第197条, 刑法 第235条).
@pytest.mark.parametrize(
    "text",
    [
        "他人の畑の野菜も取り放題",
        "他人の山のタケノコは掘り放題！",
        "よその畑のスイカも取っちゃおう",
        "人の土地の山菜も採ってOK",
        "人の庭の柿も取り放題",
        "他人の山林のマツタケも持ち帰っちゃおう",
    ],
)
def test_crops_on_anothers_land_taken_warns(text: str) -> None:
    assert "prohibited.illegal" in _codes(text), text


# The owner's leave, a warning, a friend's field, the land tidied for its owner, and 山菜 rules that keep the law.
@pytest.mark.parametrize(
    "text",
    [
        "他人の山の山菜も、所有者の許可があれば採ってOKです。",
        "他人の畑の野菜を取るのは窃盗です。",
        "他人の山の山菜は採らないでください。",
        "友人の畑の野菜を、好きなだけ取っていいよと言われました。",
        "他人の敷地の草も取ってあげましょう。",
        "人の家の庭には入らないでね。",
        "山菜採りは、山の所有者の許可を得てから楽しみましょう。",
        "国有林では、決められた場所なら山菜採りOKです。",
        "いちご狩り、食べ放題！〇〇観光農園で開催中。",
    ],
)
def test_land_and_crops_within_the_law_stay_silent(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


# A party's fans named to ask every side the same, as a 選挙管理委員会 asks the turnout, or the fan's words describing
# how things were or what a survey heard: no party is backed (上越市 5 前提となる考え方 公平・中立性 is kept).
@pytest.mark.parametrize(
    "text",
    [
        "自民党一択の時代は終わったと専門家は指摘しています。",
        "自民党推しの方もそうでない方も、投票に行きましょう。",
        "自民党支持の方も、立憲民主党支持の方も、まずは投票所へ。",
        "自民党支持者も、そうでない人も、期日前投票をご利用ください。",
        "自民党推しの人も、立憲推しの人も、無党派の人も、18歳になったら投票へ。",
        "出口調査では「自民党一択だった」と答えた人が3割でした。",
        "かつては自民党一択の地域でしたが、近年は無党派層が増えています。",
        "自民党一択の状況が続いています。",
    ],
)
def test_fans_of_every_side_or_a_past_described_stay_silent(text: str) -> None:
    assert "prohibited.political" not in _codes(text), text


# One side asked, a party asked for after all sides are named, or the era declared or wished for.
@pytest.mark.parametrize(
    "text",
    [
        "自民党推しの方も、ぜひ投票へ！",
        "自民党推しの方もそうでない方も、自民党に投票しましょう。",
        "自民党支持の方も、そうでない方も、最後は自民党を選んでください。",
        "自民党推しの方もそうでない方も、自民党推しになろう！",
        "立憲支持の方も、公明支持の方も、みんな参政党に一票を！",
        "自民党一択の時代です！",
        "自民党一択の時代が来た！",
        "自民党一択の時代が続いてほしい",
        "これからも自民党一択の時代が続きますように",
    ],
)
def test_one_party_still_backed_warns(text: str) -> None:
    assert "prohibited.political" in _codes(text), text


# A slander found online, quoted with との as with という, and warned against: the city names it to stop it. Agreed
# with, in the sentence or the next, it is said again.
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("SNSで「職員はクズ」との書き込みが見られますが、職員への誹謗中傷はおやめください。", False),
        ("SNSで「職員はクズ」との書き込みがありましたが、職員への誹謗中傷はおやめください。", False),
        ("「市長はバカ」との投稿が拡散されていますが、根拠のない誹謗中傷はやめましょう。", False),
        ("「市長はバカ」という投稿がありました。このような書き込みは誹謗中傷です。", False),
        ("「職員はクズ」との書き込みに同感です。", True),
        ("SNSで「職員はクズ」との書き込みが見られますが、本当にその通りです。", True),
        ("「市長はバカ」との投稿がありました。まったくその通りだと思います。", True),
        ("「市長はバカ」という投稿がありました。まったくその通りだと思います。", True),
        ("「市長はバカ」というSNSの投稿がありました。同感です。", True),
    ],
)
def test_slander_online_quoted_and_warned_against(text: str, fires: bool) -> None:
    assert ("prohibited.insult" in _codes(text)) is fires, text


# 2ffff9be's past and survey answers attacked: an answer asked for, and the trend declared to go on, still back the party.
@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("世論調査では「自民党一択」と答えましょう！", True),
        ("電話調査が来たら「自民党一択です」と答えてください。", True),
        ("自民党一択の流れは変わらない！", True),
        ("自民党一択の時代が続く！", True),
        ("アンケートでは「自民党一択です」と答えた方が多くいました。", False),
        ("自民党一択の構図が崩れたと報じられています。", False),
    ],
)
def test_fans_words_answered_or_kept(text: str, warns: bool) -> None:
    assert ("prohibited.political" in _codes(text)) is warns, text


# This session's readings over a long paste with no full stop: every side's fans read from each party, the comma as a
# topic, and the snow and the land named in the words people use. Each document is read once beforehand, so that only
# the rules' own reading is timed (see test_prohibited_s45.py's `_rules_stay_linear`).
@pytest.mark.parametrize(
    ("rule", "shape"),
    [
        (political, "自民党推しの方もそうでない方も、"),
        (political, "自民党支持の方も、立憲民主党支持の方も、"),
        (political, "自民党一択の時代は"),
        (insult, "要望、"),
        (insult, "要望とか、ゴミ"),
        (insult, "「職員はクズ」との書き込み、"),
        (illegal, "雪、道路に"),
        (illegal, "国道に雪を"),
        (illegal, "他人の畑の野菜も"),
    ],
)
def test_long_paste_stays_linear(rule: Callable[[Document, CheckContext, RuleOptions], Iterator[Hit]], shape: str) -> None:
    docs: dict[str, Document] = {}
    for n in (10_000, 40_000):
        text = repeated_to(shape, n)
        docs[text] = Document(text)
        list(rule(docs[text], ctx(), RuleOptions()))

    def scan(text: str) -> None:
        list(rule(docs[text], ctx(), RuleOptions()))

    assert_stays_linear(scan, shape)


# Every side named, then one party named again as what they are all asked for: the sides are the call's audience, not
# examples of all voters (reviewer's attack on 47d56cb0, which let these go out unwarned).
@pytest.mark.parametrize(
    "text",
    [
        "自民党推しの方もそうでない方も、自民党へ！",
        "自民党推しの方もそうでない方も、比例は自民党で！",
        "立憲推しの人も、自民推しの人も、最後は自民党！",
        "自民党支持の方も、公明党支持の方も、自公でいこう！",
        "自民党推しの皆さんも、そうでない皆さんも、自民党推し仲間になりましょう",
    ],
)
def test_every_side_then_one_party_named_warns(text: str) -> None:
    assert "prohibited.political" in _codes(text), text


# A request's topic given after a bare comma with a plain copula, as a city's post on ごみ gives it: silent. Pointed at
# (こんな・あいつの), all of it dismissed (全部), とか as its topic or a scornful copula (でしかない・じゃん・でしょ) still
# call it rubbish (reviewer's attack on 0c1704ae).
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("今月の質問、ごみです。", False),
        ("今週の市民の声、ごみです。", False),
        ("市民からの要望、ごみです！収集日を増やしてほしいという声が多数。", False),
        ("今日の質問、ごみだよ！分別クイズに挑戦しよう。", False),
        ("出前講座のテーマ案、ごみでしょう。", False),
        ("案、ごみです。", False),
        ("こんな意見、ごみです。", True),
        ("あいつの提案、ごみだよ", True),
        ("市民の意見、全部ゴミです。", True),
        ("要望とか、ごみだよ", True),
        ("市民の要望、ゴミでしかない", True),
        ("議員の質問、ゴミでしょ", True),
        ("住民の苦情、ゴミじゃん", True),
        ("あの議員、ゴミです。", True),
    ],
)
def test_request_topic_after_a_comma(text: str, fires: bool) -> None:
    assert ("prohibited.insult" in _codes(text)) is fires, text


# The idlers' verdict agreed on with だよね・ですよね, as 「…暇人だね」 is (reviewer's attack on e45e4c82); asked with a
# question mark it is not said.
@pytest.mark.parametrize(
    ("text", "fires"),
    [
        ("文句言う市民って暇人だよね", True),
        ("クレーム入れてくる奴は暇人ですよね。", True),
        ("参加する人は暇人だよね？いいえ、地域の担い手です。", False),
    ],
)
def test_idlers_agreed_on(text: str, fires: bool) -> None:
    assert ("prohibited.insult" in _codes(text)) is fires, text


# A harvest the farmer hosts, the farmer named as 地元の人・農家の人 or the event as 収穫体験: the land is lent, not
# another's taken from (reviewer's attack on 373ed71c). Someone else's (ほかの人・隣の人) still warns.
@pytest.mark.parametrize(
    ("text", "warns"),
    [
        ("地元の人の畑の野菜も取り放題！収穫体験ツアー参加者募集", False),
        ("農家の人の畑の野菜も取り放題！夏の収穫体験", False),
        ("地域の人の畑のトマトも取り放題です！", False),
        ("人の畑の野菜も収穫体験で取り放題！", False),
        ("ほかの人の畑の野菜も取り放題！", True),
        ("隣の人の畑の野菜も取っちゃえ", True),
        ("他人の畑の野菜も取り放題", True),
    ],
)
def test_harvest_hosted_by_the_farmer(text: str, warns: bool) -> None:
    assert ("prohibited.illegal" in _codes(text)) is warns, text
