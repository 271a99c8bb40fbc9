"""Session 44: prohibited.insult, prohibited.illegal and prohibited.political on a city's everyday posts (the false
alarms that blocked them, the harms let through) and on long pastes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from bot.rules import check
from bot.rules.model import CheckContext, Hit, RuleOptions
from bot.rules.prohibited import insult
from bot.rules.text import Document
from tests.conftest import assert_stays_linear
from tests.rules.conftest import CITY_POLICY, ctx


def _codes(text: str, platform: str = "x") -> list[str]:
    return [f.code for f in check(text, ctx(platform=platform, policy=CITY_POLICY))]


def _rule_stays_linear(rule: Callable[[Document, CheckContext, RuleOptions], Iterator[Hit]], shape: str) -> None:
    """``rule`` over ``shape`` repeated stays linear; the documents are analysed beforehand, so that only the rule is
    timed."""
    docs: dict[str, Document] = {}
    for n in (10_000, 40_000):
        text = (shape * (n // len(shape) + 1))[:n]
        docs[text] = Document(text)
        list(rule(docs[text], ctx(), RuleOptions()))
    assert_stays_linear(lambda t: list(rule(docs[t], ctx(), RuleOptions())), shape)


@pytest.mark.parametrize(
    "shape",
    [
        # Each quote's rest of the sentence was read again for a wrong named (「…という差別的な言葉」): 0.45 s at 40,000.
        "「年寄りは死んでもいい」という",
        # Each label was checked against every insulting word found, and its sentence searched for a policy's words.
        "クレーマーばかりで、",
        # The sentence was searched from its start for a maker or for someone told to quit, at each finding.
        "まずくて食べられたものではないw",
        "タバコはさっさと辞めろw",
        # Each 「みたいに笑った」 searched its sentence for the writer's company (みんなで・一緒に …).
        "アホみたいに笑った、",
        # Each looked back for whoever laughs (「若者たちが…」) and on to whom the verb describes.
        "みんなでアホみたいに笑う若者たちが、",
    ],
)
def test_long_paste_of_contempt_stays_linear(shape: str) -> None:
    _rule_stays_linear(insult, shape)


# Parties with Diet seats or candidates by 2025 that the list lacked: a call for them went out unwarned.
@pytest.mark.parametrize(
    "text",
    [
        "幸福実現党を応援しています",
        "比例は幸福実現党へ！",
        "日本誠真会に一票を",
        "NHKから国民を守る党に投票しよう",
        "再生の道を応援しています！次の都議選もよろしく",
        # 中道改革連合's short name, in a draft on an election, or with no one introduced by that name.
        "次の選挙は中道をよろしくお願いします",
        "中道に一票を！",
        "比例は中道です。中道をよろしくお願いします！",
        # A name that is also a team's does not hide another party's beside it.
        "子ども会のチームみらいと、れいわを応援しています！",
    ],
)
def test_call_for_a_party_fires(text: str) -> None:
    assert "prohibited.political" in _codes(text), text


# 中道 is a surname and a teaching; 再生の道 a town's road to revival: no party in a draft that says nothing of
# elections, nor 中道 where the draft introduces someone of that name.
@pytest.mark.parametrize(
    "text",
    [
        "4月から着任した中道です。中道をよろしくお願いします！",
        "中道をよろしくお願いします！",
        "選挙管理委員会に着任した中道です。投票に行きましょう。中道をよろしくお願いします！",
        "私は中道と申します。期日前投票所で案内を担当します。中道をよろしく！",
        "地域再生の道を、皆さんと一緒に応援していきます。",
    ],
)
def test_surname_or_a_road_named_like_a_party_passes(text: str) -> None:
    assert "prohibited.political" not in _codes(text), text


# People or what they say called rubbish without 「みたいな」 or 「は」: 「なんて」 as the topic, someone's opinion, and
# 「ゴミ」 before a title.
@pytest.mark.parametrize(
    "text",
    [
        "ゴミ議員は辞めろ",
        "あのごみ市長、何とかならないか",
        "ゴミ職員ばかりの市役所",
        "議員なんてゴミです",
        "議員なんて全員ゴミ",
        "市民の意見なんてゴミ",
        "お前の意見はゴミだ",
        "あいつの考えはゴミ同然",
        "お前の提案はゴミ",
        "ゴミ以下の議員",
    ],
)
def test_person_or_opinion_called_rubbish_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "ごみ市民会議を開催します。",
        "ごみ減量市民の会の皆さんと清掃活動をしました。",
        "ごみ市長杯ビーチクリーン大会",
        "皆さんのご意見は、ごみの減量に役立てます。",
        "一番多かったご意見は、粗大ごみの出し方です。",
        "あなたの意見はゴミではありません。どんな声でも聞かせてください。",
        "「お前の意見はゴミだ」と言われた経験はありませんか。",
        "ゴミ以下の扱いを受けてきた動物たちを保護しています。",
    ],
)
def test_rubbish_named_beside_people_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# 0d043735's 「ゴミ」 before a title took a garbage program's name going on in katakana, digits or a list for it.
@pytest.mark.parametrize(
    "text",
    [
        "ごみ市民アンケートの結果をお知らせします。",
        "ごみ市民サポーターを募集しています。",
        "ごみ市民フォーラム2026",
        "ごみ市民・事業者説明会を開催します。",
        "ごみ減量推進員・ごみ市民リーダー養成講座",
    ],
)
def test_rubbish_program_named_for_residents_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# An opinion the city hears, given with another before the voice is named, and answered: no one told they are not
# wanted by the post.
@pytest.mark.parametrize(
    "text",
    [
        "職員なんかいらない、AIで十分という意見もありますが、窓口の対応は人が行います",
        "議員なんかいらない、定数を減らせとのご意見をいただきました。議会で検討しています。",
        "職員なんていらない、全部AIにすればいいという声も聞かれますが、人にしかできない仕事があります。",
    ],
)
def test_opinion_heard_and_answered_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "職員なんかいらない、AIで十分という意見もありますが、その通りだと思います",
        "市長なんかいらない、税金の無駄という声もありますが、私も同感です。",
        "職員なんかいらない、AIで十分という意見に賛成です",
        "職員なんかいらない、AIで十分です",
        "職員なんかいらない。AIで十分という意見もあります。",
    ],
)
def test_opinion_agreed_with_or_said_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# Agreement put otherwise, or in the next sentence: 36f2d019 read only 「その通り」「そう思」 … in the same sentence.
@pytest.mark.parametrize(
    "text",
    [
        "職員なんかいらない、AIで十分という意見もありますが、私もそう考えます。",
        "職員なんかいらない、AIで十分という声もあります。同感です。",
        "職員なんかいらない、AIで十分という意見も寄せられています。ごもっともです。",
        "職員なんていらない、AIで十分という声も聞かれますが、それも当然です。",
        "職員なんかいらない、AIで十分という声もあります。本当にその通りです。",
        "ゴミ議員は辞めろ、という声も届いています。同感です。",
    ],
)
def test_opinion_agreed_with_otherwise_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# A title called rubbish with the sentence going on before the opinion is named (0d043735's 「ゴミ議員」 read no further),
# and the answer granting the opinion only to answer it.
@pytest.mark.parametrize(
    "text",
    [
        "ゴミ議員は辞めろ、という声も届いていますが、議会として説明責任を果たします。",
        "職員なんかいらない、AIで十分という声もあります。ごもっともな面もありますが、窓口は人が対応します。",
        "職員なんかいらない、AIで十分という声もあります。確かにそう思う方もいるでしょうが、人にしかできない仕事があります。",
        "職員なんかいらない、AIで十分という声もあります。当然、窓口は人が対応します。",
    ],
)
def test_opinion_heard_and_answered_otherwise_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# くず・カス likened to an amount or a material: a craft's or a sorting notice's plain words.
@pytest.mark.parametrize(
    "text",
    [
        "くずみたいな端材から作品を作ります",
        "カスみたいな量のごみでも分別を",
        "ちりも積もれば山となる。カスみたいな小銭でも募金箱へ。",
        "クズのような木切れも、立派な燃料になります。",
    ],
)
def test_scraps_likened_to_a_thing_pass(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize(
    "text", ["クズみたいな議員ばかりです", "カスみたいな対応しかできない窓口", "くずみたいな職員", "お前はカスみたいな奴だ"]
)
def test_scraps_likened_to_people_or_their_work_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# 13c9e9f1's amount or material likened to scraps, when it is the amount or the stuff of what someone does or is paid.
@pytest.mark.parametrize(
    "text",
    ["クズみたいな量の仕事しかしない職員ばかり", "あの業者はクズみたいな材料しか使わない", "カスみたいな額の給料で働く職員"],
)
def test_scraps_likened_to_what_someone_gives_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize(
    "text", ["子どもたちがくずみたいな端材から作品を作りました。", "くずみたいな布切れだけで、素敵なバッグができました。"]
)
def test_scraps_likened_in_a_craft_pass(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# The label called off, or granted to a few while the post defends the most: the staff's way of answering complaints.
@pytest.mark.parametrize(
    "text",
    [
        "クレーマーばかりが目立ちますが、ほとんどの方は丁寧です。",
        "クレーマーもいますけど、大半の市民の皆さんは協力的です。",
        "「クレーマー」と呼ばずに、まず話を聴くことから。カスハラ対策研修を行いました",
        "保護者をモンスターペアレントと決めつけないでください。",
        "クレーマーと呼ぶのはやめましょう。まずは話を聴きます。",
    ],
)
def test_label_called_off_or_set_against_most_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "クレーマーばかりで困りますが、ほとんどの方はまだましです。",
        "「クレーマー」と呼ばずにいられない市民ばかりです",
        "窓口に来るのはクレーマーばかりです。ほとんどの方は丁寧ですが。",
        "クレーマーの市民には困ったものです",
    ],
)
def test_label_kept_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# fbe20fba's label called off took a question for the word kept (「…と呼ばずに何と呼べばいいのか」), and its most defended
# took a kindness denied for one granted.
@pytest.mark.parametrize(
    "text",
    [
        "あの保護者をモンスターペアレントと呼ばずに何と呼べばいいのか。",
        "クレーマーと呼ばずに、なんと呼ぶのでしょう。",
        "窓口はクレーマーばかりが目立ちますが、ほとんどの方は感謝の言葉もなく帰ります。",
        "クレーマーばかりが目立ちますが、大半の市民は理解がありません。",
        "クレーマーばかりが目立ちますが、ほとんどの人は常識的ではない。",
    ],
)
def test_label_kept_by_a_question_or_kindness_denied_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    ["クレーマーばかりが目立ちますが、ほとんどの方は感謝の言葉をくださいます。", "クレーマーばかりが目立ちますが、ほとんどの方はご理解くださいます。"],
)
def test_label_set_against_most_kindly_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# The act called harmless with なんて・なんか, or not worth a thought.
@pytest.mark.parametrize(
    "text",
    [
        "ポイ捨てなんて問題ない",
        "ポイ捨てなんか問題ありません",
        "不法投棄なんて構わない",
        "少しくらいのポイ捨ては気にしなくていい",
        "路上駐車なんて気にしなくても大丈夫",
    ],
)
def test_act_called_harmless_fires(text: str) -> None:
    assert "prohibited.illegal" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "ポイ捨てなんて問題ない、と思っていませんか。",
        "「ポイ捨てなんて問題ない」という考えは間違いです。",
        "ポイ捨てごみは気にしなくていいので、袋に入れて出してください。",
        "不法投棄を見つけても、気にしなくていいと思っていませんか？",
    ],
)
def test_act_called_harmless_as_a_mistake_passes(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


# The call named as a way of thinking that a warning faults.
@pytest.mark.parametrize(
    "text",
    [
        "路上駐車は問題ない、という考えが事故を招きます。",
        "ポイ捨てしても大丈夫、という考えがまちを汚します。",
        "路上駐車くらい構わないという意識が、渋滞の原因です。",
        "ちょっとの路上駐車なら問題ないという風潮をなくしましょう。",
    ],
)
def test_call_named_as_a_mindset_faulted_passes(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


@pytest.mark.parametrize(
    "text", ["路上駐車は問題ない、という考えです。", "路上駐車は問題ない、という考えに賛成です。", "ポイ捨てしても大丈夫、という考えで行こう！"]
)
def test_mindset_taken_up_fires(text: str) -> None:
    assert "prohibited.illegal" in _codes(text), text


# A plain mindset (考え・意識・気持ち) the sentence does not fault is the post's own call: 0c692f84 read any 「という考え」
# but 「です」「に賛成」 as a warning's.
@pytest.mark.parametrize(
    "text",
    [
        "路上駐車は問題ない、という考えが正しいです。",
        "路上駐車は問題ない、という考えが広まってほしいです。",
        "路上駐車は問題ない、という考えもあります。私もそう思います。",
        "ちょっとくらいのポイ捨てなら問題ない、という気持ちでいきましょう！",
        "路上駐車くらい構わないという意識を持ちましょう。",
        "路上駐車くらい構わないという意識で十分です。",
    ],
)
def test_mindset_not_faulted_fires(text: str) -> None:
    assert "prohibited.illegal" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "路上駐車は問題ない、という考えは捨てましょう。",
        "ポイ捨てくらい構わない、という意識が事故につながります。",
        "少しなら路上駐車しても大丈夫、という気のゆるみが事故のもとです。",
        "路上駐車は問題ない、という考え方は危険です。",
        "路上駐車は問題ない、という認識は誤りです。",
        "ポイ捨てしても大丈夫、という考えが、まちの景観を損ねています。",
        "ポイ捨てしても大丈夫、という思い込みをなくしましょう。",
        "路上駐車は問題ない、という甘い考えは捨ててください。",
    ],
)
def test_mindset_faulted_passes(text: str) -> None:
    assert "prohibited.illegal" not in _codes(text), text


# A 選挙管理委員会's notice: a request for a party reported as made of the reader, and parties as examples of all.
@pytest.mark.parametrize(
    "text",
    [
        "「〇〇党に投票して」と頼まれても、投票は自由な意思で行ってください。",
        "〇〇党に投票して、と頼まれても、投票は自由な意思で行ってください。",
        "「〇〇党に投票して」と頼まれても断りましょう。",
        "「自民党に投票して」と言われました。",
        "【期日前投票】自民党・立憲民主党・公明党など、どの政党に投票する方も、期日前投票所をご利用いただけます。",
    ],
)
def test_request_reported_or_parties_as_examples_pass(text: str) -> None:
    assert "prohibited.political" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "「〇〇党に投票して」と頼まれたら、ぜひ投票してあげてください。",
        "自民党に投票しようと言われて、その通りだと思いました。",
        "「自民党に投票して」と言われました。皆さんもぜひ。",
        "参政党に投票してと頼まれたので、皆さんにもお願いします。",
    ],
)
def test_request_passed_on_fires(text: str) -> None:
    assert "prohibited.political" in _codes(text), text


# 88c250ab dropped every party of a sentence that says 「どの政党に投票する方も」 and any reported request passed on by
# naming the party again; 3884955e took a 中道 introduced anywhere in the draft, or after 「、」, for the name of everyone.
@pytest.mark.parametrize(
    "text",
    [
        "どの政党に投票する方も、最後は自民党を選んでください。",
        "参政党に投票して、と頼まれた方も多いと思います。ぜひ参政党へ。",
        "次の衆院選は中道をよろしくお願いします。担当の中道でした。",
        "比例は中道へ！中道さんも応援しています。",
        "次の選挙は、中道です。中道をよろしくお願いします！",
        # Parties in the 2024–2025 elections the list still lacked: a Tokyo assembly's and a Diet candidate's.
        "都民ファーストの会に一票を",
        "つばさの党に投票しよう",
    ],
)
def test_party_asked_beside_a_notice_or_a_namesake_fires(text: str) -> None:
    assert "prohibited.political" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    ["中道係長が市長選の投票所を担当します。中道をよろしくお願いします。", "都議会の会派（都民ファーストの会、自民党など）の皆さんが視察に来られました。"],
)
def test_namesake_introduced_apart_from_the_election_passes(text: str) -> None:
    assert "prohibited.political" not in _codes(text), text


# 「バカみたいに」「アホみたいに」 of joy the writer shares with the people named: a friendly post's casual words.
@pytest.mark.parametrize(
    "text",
    ["職員みんなでアホみたいに笑った一日でした。", "参加者の皆さんと一緒に、バカみたいに盛り上がりました！"],
)
def test_vulgar_very_of_joy_shared_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize(
    "text", ["課長はバカみたいに笑っている", "市長がアホみたいに笑っていた", "職員みんなでアホみたいに怒鳴った"]
)
def test_vulgar_very_of_someone_laughing_or_shouting_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# fe86f4b9's shared joy took 「みんなで」「一緒に」 anywhere in the sentence, so people laughed at went out unflagged: the
# ones held up as the subject or described by the verb are not the writer's company.
@pytest.mark.parametrize(
    "text",
    [
        "若者たちがみんなでバカみたいに笑っている。迷惑です。",
        "あの議員たちはみんなでアホみたいに笑っていた。",
        "一緒にバカみたいに笑ってる市長と議員、何を考えているのか。",
        "議員たちが一緒にバカみたいにはしゃいでいる",
        "みんなでバカみたいに盛り上がってる若者たち",
    ],
)
def test_vulgar_very_of_others_laughing_together_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "私たちはみんなでバカみたいに笑いました。",
        "今日は職員みんなでバカみたいに笑いました！",
        "子どもたちと一緒にバカみたいに笑った夏祭りでした。",
        "地域の皆さんと一緒に、バカみたいに踊りました。",
    ],
)
def test_vulgar_very_of_the_writers_company_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# An insult opening its sentence, unquoted, as what others call the reader: a comforting post.
@pytest.mark.parametrize(
    "text",
    [
        "キモいって言われても気にしないで。あなたはあなたのままで素敵です。",
        "バカと呼ばれたら、一人で悩まず先生に相談してね。",
        "ブスって書き込まれたことはありませんか？相談窓口があります。",
    ],
)
def test_insult_others_call_the_reader_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "市長はバカって言われてる",
        "バカって言われても仕方ない市長です",
        "バカって言われて当然の議員ばかり",
        "バカって言われてる、あの市長",
        "お前キモいって言われてるぞ、気づけよ",
        # Told with no comfort after it: the word itself (test_words).
        "バカと言われた",
    ],
)
def test_insult_granted_or_said_of_someone_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


# 4cdab39b's comfort taken back in the same breath: the word said to be true, the reader told to change, or a laugh.
@pytest.mark.parametrize(
    "text",
    [
        "バカって言われても気にしないで、本当のことだから。",
        "キモいって言われても気にしないで。事実だから。",
        "ブスって言われても大丈夫、整形すればいい。",
        "ハゲって言われても気にしないで。素敵です（笑）",
    ],
)
def test_comfort_taken_back_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "バカって言われても気にしないで。それは事実ではありません。",
        "キモいって言われても、本当のことじゃないから気にしないで。",
        "ブスって言われても大丈夫。あなたは間違いなく素敵です。",
    ],
)
def test_comfort_denying_the_word_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# 「…の声」 called rubbish, as an opinion is.
@pytest.mark.parametrize("text", ["市民の声はゴミ", "住民の声なんてゴミだ"])
def test_voices_called_rubbish_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize("text", ["いただいた声は、ごみの分別についてでした。", "市民の声は、ごみ出しのルールについてが最多でした。"])
def test_voices_about_rubbish_pass(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# The sneer asked of the one spoken to.
@pytest.mark.parametrize("text", ["お前は頭が悪いのか", "あんたって頭悪いの？"])
def test_head_asked_of_the_one_spoken_to_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    ["機械が苦手な人は頭が悪いの？いいえ、そんなことはありません。", "「お前は頭が悪いのか」と怒鳴られた職員もいます。"],
)
def test_head_asked_to_answer_no_or_reported_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# 95d86078's bare 「…の？」 after people took a myth's heading, answered in the next sentence, for the sneer.
@pytest.mark.parametrize(
    "text",
    [
        "ゲームばかりする人は頭が悪いの？専門家に聞きました。",
        "左利きの人は頭が悪いの？そんな迷信はもう古いです。",
        "勉強が苦手な人は頭が悪いの？そう思っている人も多いですが、違います。",
    ],
)
def test_head_asked_as_a_myth_answered_passes(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


@pytest.mark.parametrize(
    "text", ["あいつは頭が悪いのか", "お前らは頭が悪いのか", "君は頭が悪いのか", "何度言ってもわからない人は頭が悪いの？もう知りません。"]
)
def test_head_asked_of_others_spoken_to_fires(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text
