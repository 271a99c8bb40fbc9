"""Session 45: prohibited.insult, prohibited.illegal and prohibited.political on what the last session left: support for
a party in slang, a resident's request called rubbish, the writer's own idea run down, a garbage volunteers' rally, and
the food slang 「デブ活」."""

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


# A party backed in the words of fans (推し・推してます・一択・しか勝たん・で決まり・最高): 上越市 5【前提となる考え方】's
# 公平・中立性 is broken by a city's account declaring it as much as by 「自民党に投票しよう」.
@pytest.mark.parametrize(
    "text",
    [
        "自民党推し",
        "自民党推してます！",
        "比例は自民党一択",
        "次の選挙は立憲一択でしょ",
        "参政党しか勝たん",
        "れいわ推しの職員です",
        "維新推しです",
        "国民民主を推してます",
        "公明党、推せる！",
        "推しの政党は共産党です。",
        "選挙は自民党で決まり！",
        "立憲民主党はサイコー",
        "がんばれ自民党！",
        "〇〇党を推します",
        "やっぱり参政党が最強！",
        "中道改革連合LOVE",
    ],
)
def test_party_backed_in_slang_fires(text: str) -> None:
    assert "prohibited.political" in _codes(text), text


# 推し・一択 with no party, a party's own backing reported, and a party's name in another word.
@pytest.mark.parametrize(
    "text",
    [
        "【推し活応援】市内のアニメ聖地巡りスタンプラリー開催中！あなたの推しキャラを探そう。",
        "新米のおにぎりが絶品！今年の一推しグルメはこれ一択です。",
        "冬の高田は雪見温泉一択！",
        "推しの候補者を見つけよう！選挙公報は市ホームページで見られます。",
        "自民党が推す山田候補が当選しました。",
        "自民党県連の皆さんに、上越の推しグルメを紹介しました。",
        "幕末維新、最高のドラマをもう一度。歴史博物館の企画展です。",
        "明治維新推しの皆さん、高田城址公園の歴史講座へどうぞ。",
        "自民党は最高裁の判決を受けて声明を出しました。",
        "受験生がんばれ！自民党の議員の皆さんも会場に激励に来てくれました。",
        "最強寒波に備えましょう。自民党県連から除雪の支援物資が届きました。",
    ],
)
def test_fan_words_without_a_party_backed_pass(text: str) -> None:
    assert "prohibited.political" not in _codes(text), text


# A candidate backed in the same words in a draft on the election, and parties by the names voters call them.
@pytest.mark.parametrize(
    "text",
    ["次の市長選、中川さん推しです", "市長選は山田さん一択！", "N党に一票！", "自公に投票を", "都民ファーストに一票を", "N国を応援しよう"],
)
def test_candidate_in_slang_or_party_by_its_nickname_fires(text: str) -> None:
    assert "prohibited.political" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "中川市長推しの郷土料理、笹寿司を紹介します。",
        "自公政権の政策について、市の考えをまとめました。",
    ],
)
def test_mayor_s_favourite_or_coalition_named_passes(text: str) -> None:
    assert "prohibited.political" not in _codes(text), text


def test_fan_words_quoted_from_a_report_pass() -> None:
    assert "prohibited.political" not in _codes("市長選は山田さん一択、と報道されています。"), "reported"
    assert "prohibited.political" not in _codes("次の選挙は自民党一択、と言われました。"), "reported"


# What residents ask of the city called rubbish: 茅野市 4(7)① 侮蔑, as an opinion so called was.
@pytest.mark.parametrize(
    "text",
    [
        "こんな要望はゴミだ",
        "市民の要望なんてゴミ",
        "お前の質問はゴミ",
        "そんな苦情はゴミ同然です",
        "陳情なんて全部ゴミ",
        "あいつのアイデアはゴミ",
        "私の意見に反対する人の意見はゴミ",
        "「こんな要望はゴミだ」という意見に賛成です",
        # A person called rubbish in a quote the post agrees with went out too: the quote's close ended no sentence.
        "「議員なんてゴミ」という声に同感です",
        "「議員なんてゴミ」と言われても仕方ない",
    ],
)
def test_request_called_rubbish_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# The writer's own idea called rubbish runs down no one; a request reported as called so, or said not to be, neither.
@pytest.mark.parametrize(
    "text",
    [
        "私の提案はゴミ",
        "私の提案はゴミ箱行きでした（笑）",
        "職員の私が出した企画案は、正直ゴミでした（笑）今回は皆さんの意見で生まれ変わりました。",
        "僕の考えた案はゴミ同然でしたが、先輩のおかげで形になりました。",
        "「こんな要望はゴミだ」と言われたことはありませんか？窓口では一つひとつの声を大切にしています。",
        "あなたの要望はゴミではありません。どんな声でもお寄せください。",
        "市民から「職員なんてゴミだ」とのお叱りを受けました。",
        "「議員なんてゴミ」という落書きが見つかりました",
    ],
)
def test_own_idea_or_request_reported_as_rubbish_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# A garbage volunteers' rally and the food slang of a gourmet post name no one: the rally's title read as 「ごみ」 before a
# title, 「デブ活」 as 「デブ」, blocked both.
@pytest.mark.parametrize(
    "text",
    [
        "ごみ市民、大集合！12月7日は市内一斉清掃の日です。",
        "ごみ市民、大集合！",
        "ゴミ市民集まれ！河川敷の清掃ボランティアを募集します。",
        "冬のデブ活にぴったり！上越のご当地ラーメン5選",
        "デブ活の強い味方、上越名物のとん汁をどうぞ。",
        "#デブ飯 で検索してね",
    ],
)
def test_rally_or_food_slang_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "ゴミ市民は黙れ",
        "ごみ市民、出ていけ！",
        "ごみ市民ばかりの町",
        "ゴミ議員、集まれ（笑）",
        "デブは運動しろ",
        "あのデブ議員",
        "窓口に来たデブのおっさん、態度悪すぎ",
        "デブ市長は辞めろ",
    ],
)
def test_residents_or_a_person_called_so_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Those who disagree with the city dismissed as knowing nothing (茅野市 4(7)① 侮蔑): last session's draft went out whole.
@pytest.mark.parametrize(
    "text",
    [
        "市長の判断は正しい。反対している人は何も分かっていない。全くもってその通り。",
        "反対派は何もわかってない",
        "文句を言う人たちは全然分かっていませんね。",
        "批判している連中は何一つ理解していない！",
        "高齢の方は何も分かっていない。",
        "「反対している人は何も分かっていない」という意見に賛成です",
    ],
)
def test_opponents_said_to_know_nothing_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "初めての人は何も分からなくても大丈夫です。",
        "参加する人は何も持ってこなくて大丈夫です。",
        "「反対している人は何も分かっていない」という声もありますが、多様な意見を大切にします。",
        "反対している人は何も分かっていない、と決めつけず、丁寧に説明します。",
        "市長の判断で、イベントは中止となりました。ご理解をお願いします。",
        "何も分かっていない人ほど、詐欺の被害に遭いやすいわけではありません。",
        "赤ちゃんは何も分かっていないと思われがちですが、実はよく見ています。",
        "このアプリの使い方は何も分かっていない、という方も大丈夫です。",
    ],
)
def test_knowing_nothing_said_of_no_one_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# An election office's notices and a party's people helping, which named a party beside 投票・応援 and warned.
@pytest.mark.parametrize(
    "text",
    [
        "期日前投票は市役所本庁舎1階で行っています。自民党、立憲民主党、公明党など、どの政党の候補者にも投票できます。",
        "投票の秘密は守られます。自民党に投票しても、共産党に投票しても、誰にも分かりません。",
        "立憲民主党の議員が、災害ボランティアとして応援に駆けつけてくださいました。",
        "公明党の県議が応援に駆けつけました。",
        "立憲民主党から応援職員が派遣されました。",
        "自民党の議員が選手を応援しました。",
        "共産党の皆さんも清掃活動を応援してくださいました。",
    ],
)
def test_free_choice_or_a_party_helping_passes(text: str) -> None:
    assert "prohibited.political" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "自民党の応援に行こう！",
        "自民党は山田候補を応援しています。",
        "自民党の皆さんが応援に来てくれたので、自民党を応援しましょう！",
        "参政党は子育て世代を応援します！",
        "自民党に投票しても無駄です。共産党に投票しましょう。",
        "自民党に投票しても、共産党に投票しても同じ、なんてことはありません。共産党に投票しよう。",
        "どの政党に投票しても自由ですが、自民党に投票しましょう。",
    ],
)
def test_party_supported_beside_them_fires(text: str) -> None:
    assert "prohibited.political" in _codes(text), text


# Acts named short, and names for a fool or 「ポンコツ」 before officials, that the lists lacked.
@pytest.mark.parametrize(
    "text",
    [
        "酒気帯びでもちょっとなら大丈夫",
        "駐禁の場所でも5分なら平気です",
        "密猟しても山奥ならバレない",
        "速度超過も、このあたりなら捕まりません",
        "白タクなら安く移動できます",
    ],
)
def test_act_named_short_fires(text: str) -> None:
    assert "prohibited.illegal" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "酒気帯び運転の検問を実施します。",
        "酒気帯びでの運転は犯罪です。",
        "駐禁の標識がある道路では、駐車しないでください。",
        "無断駐車はおやめください。",
        "速度超過の取締りを強化します。",
        "白タク行為は違法です。ご注意ください。",
        "盗伐の被害が増えています。山林の見回りにご協力ください。",
    ],
)
def test_act_named_short_in_a_warning_passes(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


@pytest.mark.parametrize("text", ["あんぽんたんな市長", "お前はおたんこなすだ", "ポンコツ職員ばかり", "あのポンコツ議員"])
def test_fool_named_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize("text", ["ポンコツ車でも走れる雪道講習会", "ポンコツ自転車を修理して再利用します。"])
def test_old_machine_called_ponkotsu_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# Snow pushed onto the road or into a river, and another's land taken from, allowed or urged without the act's name.
@pytest.mark.parametrize(
    "text",
    [
        "雪は道路に捨てても大丈夫です",
        "雪は川に投げちゃおう！",
        "屋根の雪を道路に落としてもOKです",
        "他人の山でも山菜は採り放題！",
        "よその畑でも、少しなら取っても平気です",
        "人の空き家でも、入って写真を撮っちゃおう",
    ],
)
def test_unnamed_snow_dumping_or_taking_fires(text: str) -> None:
    assert "prohibited.illegal" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "雪を道路に出さないでください。道路交通法違反になります。",
        "雪は流雪溝に捨てても大丈夫です。",
        "雪は雪捨て場へ運んでください。",
        "雪を道路に出しても大丈夫、と思っていませんか。",
        "除雪車が道路の雪を寄せた後、雪を道路に戻さないでください。",
        "雪道に出かけるときは、スタッドレスタイヤで。",
        "他人の山でも、所有者の許可があれば山菜を採ってもOKです。",
        "他人の土地に入らないでください。",
        "雪を川に捨てるのは危険です。",
    ],
)
def test_snow_or_land_warning_passes(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


# A long paste of each new form: the party before each call was looked for among every party of the sentence (「自民党を
# 応援、」 repeated: 4.8 s at 40,000 characters).
@pytest.mark.parametrize(
    "shape",
    ["自民党を応援、", "自民党の議員が応援に来て、", "自民党に投票しても、", "自民党推し、", "反対派は何も分かっていない、", "私の提案はゴミ、", "雪は道路に捨てても、"],
)
def test_long_paste_of_new_forms_stays_linear(shape: str) -> None:
    _rules_stay_linear((political, insult, illegal), shape)


# A call the sentence's [calls] already said, each in a sentence of its own: every party backed by its pattern
# (「自民党に一票を」「自民党推し」) and every candidate asked for (「選挙は山田を」) was compared with every call said before
# it, 1.1 s at 40,000 characters of 「自民党に一票を！」 (0.08 s at 10,000).
@pytest.mark.parametrize(
    "shape", ["自民党に一票を！", "自民党に投票しよう！", "自民党に投票しよう、自民党推し！", "公明に一票！選挙は山田を！"]
)
def test_long_paste_of_calls_said_stays_linear(shape: str) -> None:
    _rules_stay_linear((political,), shape)


_Rule = Callable[[Document, CheckContext, RuleOptions], Iterator[Hit]]


def _rules_stay_linear(rules: tuple[_Rule, ...], shape: str) -> None:
    """``rules`` over ``shape`` repeated stay linear. Each document is analysed and read by the rules once beforehand,
    so that only the rules' own reading is timed: a first reading also fills the document's lazy views, which made the
    10,000 run slow enough that 「自民党に一票を！」, quadratic (0.08 → 1.1 s), passed at 7 times."""
    docs: dict[str, Document] = {}
    for n in (10_000, 40_000):
        text = repeated_to(shape, n)
        docs[text] = Document(text)
        for rule in rules:
            list(rule(docs[text], ctx(), RuleOptions()))

    def scan(text: str) -> None:
        for rule in rules:
            list(rule(docs[text], ctx(), RuleOptions()))

    assert_stays_linear(scan, shape)


# 「デブ活」「デブ飯」, silent as food slang, made a person's title: [allow] held the 「デブ」 inside, so it went out unflagged.
@pytest.mark.parametrize("text", ["デブ活議員はもっと働け", "デブ飯市長", "あのデブ活職員たち", "でぶ活市議"])
def test_food_slang_as_a_persons_title_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize(
    "text", ["冬のデブ活女子必見！", "デブ飯メニューが人気です", "#デブ活 #上越グルメ", "デブ活先生のおすすめラーメン"]
)
def test_food_slang_of_no_official_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# Those most often run down so, the council, officials or 「あいつら」, told they know nothing: d23c5f5a read only
# 人・者・民・派 and the like before は.
@pytest.mark.parametrize(
    "text", ["議員は何も分かってない", "市議会は何も分かっていない。", "あいつらは何も分かっていない", "市長は何も分かってないよね"]
)
def test_officials_said_to_know_nothing_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "私たち職員は何も分かっていませんでした。反省しています。",
        "新任の職員は、最初は何も分かっていない。だから研修があります。",
        "「市長は何も分かっていない」というご意見をいただきました。",
        "職員は何も分からなくても大丈夫です。丁寧に教えます。",
        "市議会は何も分かっていない、という声が寄せられています。",
    ],
)
def test_officials_knowing_nothing_owned_or_reported_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text
