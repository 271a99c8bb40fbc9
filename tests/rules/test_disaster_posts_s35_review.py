"""Review of session 35's disaster-post rules: the ordinary posts the new boundaries caught, the misses they opened.

Each list names the commit's boundary it attacks. ORDINARY posts must get no error and no warning; BAD posts must get
their code.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.rules import CheckContext
from tests.rules.conftest import JST, Corpus

NOW = datetime(2026, 9, 3, 10, 0, tzinfo=JST)
# The posts are read on X, as the disaster corpus's NEW_CATCHES and NEAR_MISSES are.
CORPUS = Corpus(NOW)


# Evacuees as [refusal_groups] and 受け入れ as a service made a full shelter, or a building that is no shelter,
# read as evacuees turned away; only where they came from singles some out.
SHELTER_CAPACITY = [
    "避難者の受け入れはお断りしています。",
    "満員のため、新たな避難者の受け入れはお断りしています。",
    "当施設は避難所ではないため、避難者の受け入れはお断りしています。",
    "避難者の受け入れはできません（定員に達しました）。",
    "当施設は、避難者の受け入れはできません。",
    "避難者は受け入れできません。",
    "避難者は避難所に入れません。満員です。",
]
EVACUEES_SINGLED_OUT = [
    "〇〇県から来た避難者の受け入れはお断りしています。",
    "福島から来た避難者は避難所に入れません。",
    "〇〇県の避難者は避難所に入れません。",
    "原発事故の避難者は受け入れできません。",
    "被災者の方の入店はご遠慮ください。",
]


test_a_full_shelter_is_not_a_refusal_of_evacuees = CORPUS.silent(SHELTER_CAPACITY)


test_evacuees_singled_out_by_where_they_came_from_are_still_refused = CORPUS.all_fire("prohibited.discrimination", EVACUEES_SINGLED_OUT)


# 7da94509 let contempt closing a short quote pass as reported speech whenever 「という」 followed, so the post's own
# endorsement of the quoted words passed too, even 「日本語が読めないのでしょうか」, which fired before.
CONTEMPT_SAID_THROUGH_A_QUOTE = [
    "「年寄りは死んでもいい」という意見に賛成です。",
    "「年寄りは死んでもいい」という人がいますが、その通りです。",
    "「年寄りは死んでもいい」という意見は差別ではありません。",
    "「逃げない人は頭が悪いのでしょうか」という声に共感します。",
    "「日本語が読めないのでしょうか」という感想しかありません。",
    # And 「と思います」 is the post's own view, not a thought reported (the death wish passed with it).
    "避難しない人は死んでもいいと思います。",
    "避難しない人は死んでもいいと思っています。",
]
CONTEMPT_QUOTED_AND_DISOWNED = [
    "「年寄りは死んでもいい」という差別的な言葉は許されません。",
    "「年寄りは死んでもいい」という考えは間違っています。",
    "「年寄りは死んでもいい」という言葉は人を深く傷つけます。",
    "「年寄りは死んでもいい」という発言について、市長が謝罪しました。",
    "「年寄りは死んでもいい」と言われて傷ついた、という相談がありました。",
    "「日本語が読めないのでしょうか」と不安に思う外国人の方へ",
    "一人暮らしの高齢者は、自分なんて死んでもいいと思っていませんか。",
    "避難しない人は死んでもいいと思う人がいるかもしれません。",
    "〇〇選手は「この試合で死んでもいいと思って走った」と語りました。",
    # bd25258f's answer 「いいえ」 after the sneer-as-a-question, read through the quote that holds the question.
    "「機械が苦手な人は頭が悪いのでしょうか」そんなことはありません。",
    "「機械が苦手な人は頭が悪いのでしょうか？」いいえ、違います。",
]


test_contempt_endorsed_through_a_quote_fires = CORPUS.all_fire("prohibited.insult", CONTEMPT_SAID_THROUGH_A_QUOTE)


test_contempt_quoted_to_disown_it_stays_silent = CORPUS.silent(CONTEMPT_QUOTED_AND_DISOWNED)


# bd25258f made floods hearsay topics; a 防災 post's past flood, dated by 昨年 or 昭和の rather than 昔 or 昭和36年,
# became a rumour. The same words about now still fire, and a year by its number may be this one's.
PAST_FLOODS = [
    "昨年の水害では、市内で500棟が浸水したと聞きました。",
    "去年の台風では、市内で500棟が浸水したそうです。",
    "防災講座で、昭和の水害では2階まで浸水したと聞きました。",
    "昨年の豪雨では駅前が冠水したとのことです。",
    "去年から今年にかけての大雪では、多くの家が倒壊したと聞きました。",
    "阪神・淡路大震災から今年で30年、当時は多くの家が倒壊したと聞きました。",
]
FLOODS_NOW = [
    "去年の台風では浸水したそうです。今夜も浸水するそうです。",
    "2026年の大雪で〇〇地区が孤立し、死者が出たとのことです。",
    "昨年の豪雨では駅前が冠水したそうですが、今夜も冠水しているそうです。",
    "昨年、外国人の窃盗団が被災地を荒らしたそうです。",
    # Last year as where what goes on now started, or as the year this one repeats: 昨年 alone made these history.
    "去年から断水が続いているとのことです。",
    "昨年より停電が続いていると聞きました。",
    "昨年に続き、今年も給付金が出るそうです。",
    "去年に続いて今年も堤防が決壊したそうです。",
]


test_a_past_years_flood_told_second_hand_is_history = CORPUS.silent(PAST_FLOODS)


test_a_flood_told_second_hand_now_is_still_a_rumour = CORPUS.all_fire("prohibited.rumor", FLOODS_NOW)


@pytest.mark.parametrize(
    ("rule", "shape"),
    [
        # Each evacuee group read the sentence from its start for where they came from (5.6 s at 40,000 characters).
        ("discrimination", "被災者の方は避難所に入れません"),
        # Each doubt read the sentence from its start for a claim before it (2.9 s at 40,000 characters).
        ("rumor", "真偽不明の情報が"),
        # Each hearsay ending read the sentence again for its topics and its history (6.4 s at 20,000 characters).
        ("rumor", "2019年の台風では浸水したそうです、"),
        # Each casual 「って！」 read the sentence from its start for a 防災 tip.
        ("rumor", "停電したら冷蔵庫は開けないほうがいいんだって!"),
    ],
)
def test_a_long_sentence_of_evacuees_or_doubts_is_read_in_linear_time(rule: str, shape: str) -> None:
    from bot.rules import prohibited
    from bot.rules.model import RuleOptions
    from bot.rules.text import Document
    from tests.conftest import assert_stays_linear, repeated_to

    docs = {n: Document(repeated_to(shape, n)) for n in (10_000, 40_000)}
    for doc in docs.values():
        assert doc.tokens  # analysed before the timing, as it is once per draft
    scan_rule = getattr(prohibited, rule)

    def scan(pasted: str) -> int:
        doc = docs[len(pasted)]
        doc.memo.pop(("first_claim", 0), None)  # each run reads the sentence anew, as a new draft does
        return sum(1 for _ in scan_rule(doc, CheckContext(now=NOW), RuleOptions()))

    assert_stays_linear(scan, shape)


# Session 36: a note in brackets on the person (寝たきり, 要介護3) kept a 要支援者's address from the name beside it.
# A facility's note, or a note naming where the person works, is the place's address.
NOTED_PERSON_ADDRESSES = [
    "避難行動要支援者：木村花子さん（寝たきり）、住所：中郷区二本木567-8。近所の方は声をかけてください。",
    "木村花子さん（寝たきり）、住所：中郷区二本木567-8-3。",
    "木村花子さん（一人暮らし・寝たきり）住所：中郷区二本木567番地8",
    "木村花子さん（要介護3）、住所：中郷区二本木567-8",
    "田中ハナ様（85歳・車いす）ご住所：寺町2丁目3番4号",
    "木村花子さん（寝たきり）、お住まいは中郷区二本木567-8です。",
    "田中一郎さん（民生委員）、住所：大町2-5-7",
]
NOTED_PLACE_ADDRESSES = [
    "【避難所】市立体育館（高田地区）、住所：本町3-4-5",
    "【給水所】大町小学校（9時〜20時）住所：大町2-5-7",
    "【罹災証明の窓口】市役所本庁舎（1階）住所：木田1-1-3",
    "講師：山田花子さん（防災士）、会場住所：本町3-4-5",
    "講師：山田花子さん（防災士）、会場：市民プラザ（本町3-4-5）",
    "講師の山田花子さん（防災士）の教室は本町3-4-5で開きます。",
    "【避難所】春日謙信交流館（謙信さんゆかり）、住所：大豆1-2-3",
    "山田太郎記念体育館（旧体育館）、住所：本町3-4-5",
    "佐藤記念体育館（避難所）住所：本町3-4-5",
    "問い合わせ：山田さん（社協）住所：寺町2-3-4 社会福祉協議会",
    "連絡先：山田花子さん（上越市防災士会）住所：木田1-1-3",
    "木村花子さん（寝たきり）の避難先は、住所：本町3-4-5の体育館です。",
]


@pytest.mark.parametrize("text", NOTED_PERSON_ADDRESSES)
def test_a_persons_address_after_a_note_on_her_fires(text: str) -> None:
    assert "pii.address" in CORPUS.codes("x", text), text


@pytest.mark.parametrize("text", NOTED_PLACE_ADDRESSES)
def test_a_places_address_after_a_note_stays_silent(text: str) -> None:
    assert CORPUS.alarms("x", text) == [], text


# A casual 防災 tip (「〜といいんだって」) read as a flood told second-hand; a year by its number (2019年の台風19号)
# was never history. A dam's release told second-hand was no topic.
TIPS_AND_PAST_YEARS = [
    "断水に備えて、お風呂に水をためておくといいんだって。",
    "停電したら冷蔵庫は開けないほうがいいんだって。",
    "地震のときは、ガスの元栓を閉めたほうがいいんだって。",
    "停電に備えて、懐中電灯を枕元に置いておくといいんだって。",
    "断水したときは、お風呂の残り湯をトイレに使うといいんだって。",
    "津波のときは、車じゃなくて歩いて逃げたほうがいいんだって。",
    "停電したら冷蔵庫は開けないほうがいいって。",
    "2019年の台風19号では、市内でも多くの家が浸水したそうです。",
    "2019年の台風19号では、千曲川の堤防が決壊したと聞きました。",
    "令和元年東日本台風では、長野市で堤防が決壊したそうです。",
    "2004年の中越地震では、多くの家が倒壊したとのことです。",
    "２０１９年の台風では、多くの家が浸水したそうです。",
    "小学生が鮭の稚魚を放流したそうです。",
    "【お知らせ】笹ヶ峰ダムの放流のため、関川の水位が上昇します。川に近づかないでください。",
    "国土交通省によると、ダムの放流が始まるそうです。",
    "2019年の水害のときは、駅前が冠水したそうです。",
    "2019年10月の台風19号では、市内でも浸水被害があったそうです。",
    "大雨のときはダムが放流することがあるので、川に近づかないほうがいいんだって。",
    "大雨のときは川が増水するかもしれないから、近づかないほうがいいんだって。",
    "地震のときは、倒れやすい家具から離れるといいんだって。",
]
STILL_RUMOURS = [
    "今夜は避難所に行かないほうがいいんだって。",
    "今夜停電したら、冷蔵庫は開けないほうがいいんだって。",
    "避難所に行くと窃盗されるから、避難しないほうがいいんだって。",
    "地震のときは、外国人に近づかないほうがいいんだって。",
    "明日から断水するから、水をためておくといいんだって。",
    "避難所に毒が入っているときは、飲まないほうがいいんだって。",
    "関川が氾濫したんだって。",
    "明日から断水なんだって。",
    "2026年9月の大雨では、多くの家が浸水したそうです。",
    "2025年から断水が続いているとのことです。",
    "2019年以来、停電が続いているそうです。",
    "2019年の台風では浸水したそうです。今夜も浸水するそうです。",
    "2019年の台風19号では浸水したそうですが、今回も浸水しているそうです。",
    "2011年の震災では、外国人が窃盗をしたそうです。",
    "2019年の水害では、避難所に毒が入れられたそうです。",
    "2019年の台風で被災した家に、明日から給付金が出るそうです。",
    "2030年には堤防が決壊するそうです。",
    "令和8年の大雪で、死者が出たそうです。",
    "2019年と同じように堤防が決壊するそうです。",
    "2019年の台風19号並みの大雨で、市内が浸水するそうです。",
    "2019年を上回る被害で、死者が出たそうです。",
    "ダムが放流したら高田は全部沈むって。今のうちに逃げて！",
    "ダムの緊急放流が始まるそうです。",
    "今夜ダムが放流するって。",
    # A past year in a clause about what is still there, not the frame of the story (「〜では」「〜のとき」).
    "2025年の大雨で壊れた堤防が、また決壊したそうです。",
    "令和6年の地震で壊れた橋が崩落したそうです。",
    "2025年の台風で決壊した堤防が、まだ直っていないので浸水するそうです。",
    "2025年の台風では決壊した堤防が、今も危ないそうです。",
    # A tip whose reason passes a claim on.
    "断水したら給水車は来ないから、水をためておくといいんだって。",
    "大雨のときは堤防が決壊するから、高台に行くといいんだって。",
    # A return period is no year: 「1000年に一度の大雨では」 tells how big a rain to come is.
    "1000年に一度の大雨では、市内全域が浸水するそうです。",
    "1000年に1度の大雨のとき、堤防が決壊するそうです。",
    "1000年確率の大雨では、ダムが決壊するそうです。",
]


@pytest.mark.parametrize("text", TIPS_AND_PAST_YEARS)
def test_a_tip_or_a_past_years_flood_told_casually_is_no_rumour(text: str) -> None:
    assert CORPUS.alarms("x", text) == [], text


@pytest.mark.parametrize("text", STILL_RUMOURS)
def test_a_claim_about_now_told_the_same_way_is_still_a_rumour(text: str) -> None:
    assert "prohibited.rumor" in CORPUS.codes("x", text), text


# A room kept for men gave its reason only before the refusal (「男性更衣室です。女性の方は…」); right after it, the
# ordinary reason was not read. Only for rooms the sexes use apart, and only the short sentence right after.
ROOM_KEPT_FOR_MEN_AFTER = [
    "女性は更衣室を使えません。男性専用です。",
    "女性は更衣室を使えません。こちらは男性用の更衣室です。",
    "女性の方は、この浴場を利用できません。男湯です。",
    "女性はシャワー室を使えません。男性専用です。",
    "女性は更衣室を使えません。男子寮の更衣室です。",
]
WOMEN_STILL_TURNED_AWAY = [
    "女性は避難所を使えません。男性専用です。",
    "女性は更衣室を使えません。男性が優先です。",
    "女性は更衣室を使えません。",
    "女性は更衣室を使えません。邪魔だからです。",
    "女性は更衣室を使えません。\n\n男性専用の駐車場もあります。",
    "女性は施設を使えません。男性専用の寮があるためです。",
    "外国人は更衣室を使えません。男性専用です。",
    "障害者の方は更衣室を使えません。男性専用です。",
    "LGBTの方は更衣室を使えません。男性専用です。",
]


@pytest.mark.parametrize("text", ROOM_KEPT_FOR_MEN_AFTER)
def test_a_room_kept_for_men_said_after_the_refusal_is_its_reason(text: str) -> None:
    assert CORPUS.alarms("x", text) == [], text


@pytest.mark.parametrize("text", WOMEN_STILL_TURNED_AWAY)
def test_a_refusal_with_no_such_reason_after_it_still_fires(text: str) -> None:
    assert "prohibited.discrimination" in CORPUS.codes("x", text), text


# People of a 同和地区 were no group, and a group of origin sent to another shelter was no segregation; meanness
# (卑しい・さもしい・浅ましい) said of people was no contempt.
SINGLED_OUT_OR_SCORNED = [
    ("同和地区の方は別の避難所へ行ってください。", "prohibited.discrimination"),
    ("同和地区の方はお断りです。", "prohibited.discrimination"),
    ("同和地区出身の方は別の避難所へ行ってください。", "prohibited.discrimination"),
    ("同和地区の人は別の入口から入ってください。", "prohibited.discrimination"),
    ("同和地区の方は、ほかの避難所をご利用ください。", "prohibited.discrimination"),
    ("あの地区の人は別の避難所へ。", "prohibited.discrimination"),
    ("同和地区の方は避難所に入れません。", "prohibited.discrimination"),
    ("同和地区の人とは結婚しないほうがいい。", "prohibited.discrimination"),
    ("被災地の人は、もらえるものをもらうのに必死で卑しい。", "prohibited.insult"),
    ("避難所の人たちは卑しい。", "prohibited.insult"),
    ("支援物資に群がる被災者は卑しいですね。", "prohibited.insult"),
    ("あの地区の連中は卑しい。", "prohibited.insult"),
    ("被災者は本当に卑しい人間だ。", "prohibited.insult"),
    ("避難者って、さもしいよね。", "prohibited.insult"),
    ("物資を何度ももらいに来る人は浅ましい！", "prohibited.insult"),
    ("「被災者は卑しい」という意見に賛成です。", "prohibited.insult"),
]
NOT_SINGLED_OUT_NOR_SCORNED = [
    "同和地区の方も、どの避難所でも利用できます。",
    "同和地区の方が別の避難所へ行くことはありません。",
    # One more choice, or no need: no one sent away.
    "同和地区の方は、ほかの窓口にもご相談いただけます。",
    "同和地区の方は、ほかの窓口を利用することもできます。",
    "同和地区の方は、別の会場に行く必要はありません。",
    "同和地区の方への差別をなくしましょう。",
    "同和地区の歴史を学ぶ人権講座を開きます。",
    "「同和地区の人は別の避難所へ」という差別的な張り紙が見つかりました。",
    "同和地区の住民の方が、炊き出しをしてくださいました。",
    "ペットをお連れの方は別の避難所へ行ってください。",
    "外国人の方は別の窓口へお越しください。多言語で対応します。",
    "障害のある方は別の入口からお入りください。段差がありません。",
    "満員のため、避難者の方は別の避難所へ行ってください。",
    "江戸時代には、卑しいとされた職業がありました。",
    "差別された人々は、卑しい身分とされてきました。",
    "人権講座では、「卑しい」と見なされてきた人々の歴史を学びます。",
    "「被災者は卑しい」という差別的な言葉は許されません。",
    "「卑しい」という言葉で人を傷つけないでください。",
    "食い意地が張っていて、口が卑しいのが悩みです。",
    "職業に卑しいも尊いもありません。",
    "卑しい心を捨て、助け合いましょう。",
    "昔の人は、お金の話をするのは卑しいことだと考えていました。",
    "被災した人は卑しいのでしょうか。いいえ、違います。",
    "支援を受けることは卑しいことではありません。",
    "あの人は卑しい人間ではありません。",
]


@pytest.mark.parametrize(("text", "code"), SINGLED_OUT_OR_SCORNED)
def test_people_singled_out_by_origin_or_scorned_as_mean_fire(text: str, code: str) -> None:
    assert code in CORPUS.codes("x", text), text


@pytest.mark.parametrize("text", NOT_SINGLED_OUT_NOR_SCORNED)
def test_other_groups_sent_elsewhere_and_meanness_told_of_no_one_stay_silent(text: str) -> None:
    assert CORPUS.alarms("x", text) == [], text
