"""人権啓発 posts that report discrimination (session 38 review): words someone was told (「…と親に言われた」
「…という親の言葉に苦しんだ」), a 人権週間 conceded before words reported (「人権週間ですが、…という落書きが見つかり
ました」), a belief called wrong (「…という考えは誤りです」), a voice answered by its contrary without 「」, and a call
for a party reported as said to the writer, must pass: an error on them teaches staff to ignore the bot. The misses
found with them (a school's 「障害のある生徒」, 「部落出身者とは結婚するな」, 「A地区出身の人とは関わらないでください」,
a class named by what it teaches) must fire. Each SILENT case failed before its fix; ATTACKS try each relaxation.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.rules import CheckContext, check
from tests.rules.conftest import CITY_POLICY, JST, Corpus

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=JST)
CORPUS = Corpus(NOW)

SILENT = [
    # Words someone was told, with who told them between (「と言われて育った」 was read already).
    "【人権週間】部落差別をなくしましょう。部落の人とは付き合うなと親に言われた経験を持つ人もいます。",
    "【人権週間】部落差別をなくしましょう。「部落の人とは付き合うな」と親に言われた経験を持つ人もいます。",
    "【人権週間】部落差別をなくしましょう。部落の人とは付き合うな、という親の言葉に苦しんだ人がいます。",
    "同和地区の人とは結婚しないほうがいいと母に言われ、悩んだという相談が寄せられています。",
    "外国人は出ていけと近所の人から言われた、という相談がありました。",
    # The 部落 of a draft that names the issue, in words someone was told.
    "部落差別をなくしましょう。部落の人とは付き合うなと親に言われた経験を持つ人もいます。",
    "部落差別をなくしましょう。部落の人とは付き合うなと言われて育った人もいます。",
    # The week conceded before words the sentence reports.
    "人権週間ですが、同和地区の人とは結婚しないほうがいいと考える人もいます。",
    "人権週間ですが、外国人は出ていけという落書きが見つかりました。",
    "【人権週間】人権週間ですが、外国人は出ていけなんて言わないでください。",
    "人権週間ですが、外国人は出ていけと叫ぶデモがありました。",
    "人権週間中ですが、障害者は迷惑だ、という書き込みが今も見られます。",
    "人権週間ですが、外国人は出ていけという声もありますが、その通りだと思う人もいるでしょう。",
    "外国人は出ていけ、という言葉は正しいとは言えません。",
    # The belief named and called wrong.
    "人権週間です。同和地区の人とは結婚しないほうがいい、という考えは誤りです。",
    "外国人は出ていけ、という考え方は間違いです。",
    # A voice passed on without 「」 and answered by its contrary, as a quoted one is.
    "外国人は出ていけ、という声もありますが、外国人も大切な住民です。",
    "障害者は迷惑だ、という意見もありますが、障害者も大切な仲間です。",
    "外国人は出ていけ、という声もあります。外国人も大切な住民です。",
    # Near-misses of the new misses: welcomed, asked, for their health, and those it is not about.
    "障害のある生徒も遠足に参加できます。",
    "障害のある生徒は遠足に参加できませんか。",
    "発熱のある生徒は遠足に参加できません。",
    "外国人の方も料理教室に参加できます。",
    "発熱のある方は料理教室に参加できません。",
    "本市出身の方も参加しています。",
    "地元出身の人と結婚しました。",
    "地元出身の方は、不審な業者とは関わらないでください。",
    # A call for a party reported as said to the writer; a Portuguese polling place.
    "自民党をよろしくお願いしますと言われました。",
    "自民党をよろしくお願いしますと支援者から言われました。",
    "Vote no Ginasio Toyohashi.",
    "Vote na Escola Municipal Higashi.",
]

ATTACKS = [
    # Told, and said to be deserved or agreed with.
    ("部落の人とは付き合うなと親に言われても仕方ない。", "prohibited.discrimination"),
    ("外国人は出ていけ、という言葉に賛成です。", "prohibited.discrimination"),
    ("外国人は出ていけ、という市長の言葉に賛成です。", "prohibited.discrimination"),
    ("差別はいけませんが、外国人は出ていけという声に賛成です。", "prohibited.discrimination"),
    ("人権週間ですが、外国人は出ていけという声に賛成です。", "prohibited.discrimination"),
    ("外国人は出ていけ、という市長の言葉は正しい。", "prohibited.discrimination"),
    ("外国人は出ていけ、という言葉は正しい。", "prohibited.discrimination"),
    ("人権週間ですが、外国人は出ていけという声が正しいと思います。", "prohibited.discrimination"),
    ("人権週間ですが、外国人は出ていけという声もありますが、その通りです。", "prohibited.discrimination"),
    ("差別はいけませんが、外国人は出ていけという声もありますが、その通りです。", "prohibited.discrimination"),
    ("外国人は出ていけと親に言われたが、その通りだと思う。", "prohibited.discrimination"),
    ("外国人は出ていけと言われたが、その通りだと思う。", "prohibited.discrimination"),
    # A clause between, not who said it.
    ("外国人とは仲良くするように言われたが、外国人は出ていけ。", "prohibited.discrimination"),
    # The post's own saying after a concession, not a report.
    ("差別はいけませんが、外国人は出ていけと言いたい。", "prohibited.discrimination"),
    ("差別はいけませんが、外国人は出ていけと言います。", "prohibited.discrimination"),
    ("差別はいけませんが、外国人は出ていけと叫びたい。", "prohibited.discrimination"),
    ("人権週間ですが、外国人は出ていけと言いたい。", "prohibited.discrimination"),
    # The week conceded, then the statement said outright; in a heading only.
    ("人権週間ですが、外国人は出ていけ。", "prohibited.discrimination"),
    ("【人権週間】外国人は出ていけ、という声もあります。", "prohibited.discrimination"),
    # The belief's wrong denied, asked, or put in others' mouths.
    ("同和地区の人とは結婚しないほうがいい、という考えは誤りではありません。", "prohibited.discrimination"),
    ("同和地区の人とは結婚しないほうがいい、という考えは誤りですか？", "prohibited.discrimination"),
    (
        "同和地区の人とは結婚しないほうがいい、という考えは誤りだと言う人もいますが、正しい。",
        "prohibited.discrimination",
    ),
    ("外国人は出ていけ、という考え方は間違いだ、なんてきれいごとだ。", "prohibited.discrimination"),
    # The contrary turned against them, taken back, or not there.
    ("外国人は出ていけ、という声もありますが、外国人の犯罪対策も必要です。", "prohibited.discrimination"),
    ("外国人は出ていけという声もありますが、外国人も大切な住民です。でも出ていけ。", "prohibited.discrimination"),
    (
        "外国人は出ていけ、という声もありますが、外国人も大切な住民です。本当に出ていってほしい。",
        "prohibited.discrimination",
    ),
    (
        "外国人は出ていけ、という声もありますが、外国人も大切な住民です、と言う人がいますが、違います。",
        "prohibited.discrimination",
    ),
    ("外国人は出ていけ。外国人も大切な住民です。", "prohibited.discrimination"),
    # The 部落 of a lesson's draft, said outright or passed on as a rumour.
    ("部落差別をなくしましょう。部落の人とは付き合うな。", "prohibited.discrimination"),
    ("部落差別をなくしましょう。部落の人は汚いと言われています。", "prohibited.discrimination"),
    # The party asked for again, or with 言われ not ending the sentence.
    ("自民党をよろしくお願いしますと言われました。皆さんも自民党をよろしく。", "prohibited.political"),
    ("自民党をよろしくお願いします。", "prohibited.political"),
    ("Vote no Taro Yamada.", "prohibited.political"),
]

MISSES = [
    ("障害のある生徒は遠足に参加できません", "prohibited.discrimination"),
    ("障害のある児童は運動会に参加できません。", "prohibited.discrimination"),
    ("部落出身者とは結婚するな", "prohibited.discrimination"),
    ("A地区出身の人とは関わらないでください", "prohibited.discrimination"),
    ("〇〇出身者とは結婚するな。", "prohibited.discrimination"),
    ("外国人の方は料理教室に参加できません", "prohibited.discrimination"),
    ("外国人の方はパソコン講座を利用できません。", "prohibited.discrimination"),
]

# Reported, then agreed with in a sentence of its own (second review): the report's relaxations silenced them all.
AGREED_NEXT = [
    ("同和地区の人とは結婚するなと親に言われた。その通りだと思う。", "prohibited.discrimination"),
    ("同和地区の人とは結婚するなと祖父に言われました。祖父の言うことはもっともです。", "prohibited.discrimination"),
    ("A地区出身の人とは関わるなと親に言われた。親は正しい。", "prohibited.discrimination"),
    ("外国人は犯罪ばかりと親に言われた。事実だ。", "prohibited.discrimination"),
    ("部落差別をなくしましょう。部落の人とは付き合うなと親に言われた。親は正しい。", "prohibited.discrimination"),
    ("人権週間ですが、外国人は出ていけという落書きが見つかりました。まったくその通りです。", "prohibited.discrimination"),
    ("人権週間ですが、外国人は出ていけという声もあります。私も賛成です。", "prohibited.discrimination"),
    ("人権週間ですが、外国人は出ていけと叫ぶデモがありました。よく言ってくれた。", "prohibited.discrimination"),
    # The same with [deny]'s reporting words alone (「と言われ」「という言葉」), silent before these commits too.
    ("外国人は出ていけと言われています。本当にそうです。", "prohibited.discrimination"),
    ("外国人は出ていけと言われた。その通りだと思う。", "prohibited.discrimination"),
    ("外国人は出ていけという言葉を聞きました。その通りです。", "prohibited.discrimination"),
    # A rumour passed on and confirmed after 「が、」 in its own sentence.
    ("外国人は犯罪ばかりだと言われていますが、事実です。", "prohibited.discrimination"),
    ("外国人は犯罪ばかりと言われていますが、実際そうです。", "prohibited.discrimination"),
    # A call reported, then passed on without naming the party again.
    ("自民党をよろしくお願いしますと言われました。皆さんもぜひ。", "prohibited.political"),
    ("自民党をよろしくお願いしますと言われました。私からもお願いします。", "prohibited.political"),
    ("自民党をよろしくお願いしますって言われた。みんなもよろしく！", "prohibited.political"),
    ("立憲民主党へのご支援をお願いしますと支援者から言われました。ぜひ皆さんも。", "prohibited.political"),
    ("自民党をよろしくお願いしますと言われました。本当にその通りです。", "prohibited.political"),
]
# The next sentence that does not agree: grieves, asks, joins those hurt, tells people to report the call.
NOT_AGREED_NEXT = [
    "部落差別をなくしましょう。部落の人とは付き合うなと親に言われた経験を持つ人もいます。親は正しいのでしょうか。",
    "同和地区の人とは結婚しないほうがいいと親に言われた人がいます。その通りにしてしまった人もいます。",
    "同和地区の人とは結婚しないほうがいいと親に言われた人がいます。その通りだと思う人もいるかもしれません。",
    "人権週間ですが、外国人は出ていけという落書きが見つかりました。本当に残念です。",
    "人権週間ですが、外国人は出ていけという落書きが見つかりました。これは事実です。",
    "外国人は出ていけ、という親の言葉に苦しんだ人がいます。私もその一人です。",
    "「高齢者のくせに」と言われ、傷つきました。その通りだと思う人はいないでしょう。",
    "外国人は出ていけと言われた経験を持つ人もいます。本当に残念です。",
    "障害者は迷惑だという発言がありました。これは事実です。",
    "外国人は犯罪ばかりと言われていますが、それは本当でしょうか。",
    "外国人は犯罪ばかりと言われていますが、事実ではありません。",
    "外国人は犯罪ばかりと言われていますが、本当だろうか。",
    "人権週間ですが、外国人は出ていけという落書きが見つかりましたが、本当です。",
    "職員から自民党をよろしくお願いしますと言われました。市民の皆さんも、このような働きかけがあれば選挙管理委員会にご連絡ください。",
    "自民党をよろしくお願いしますと言われました。その通りにする必要はありません。",
    "自民党をよろしくお願いしますと言われました。賛成できません。",
]

test_reports_of_discrimination_stay_silent = CORPUS.silent(SILENT)
test_reports_agreed_with_in_the_next_sentence_fire = CORPUS.fires(AGREED_NEXT)
test_reports_not_agreed_with_in_the_next_sentence_stay_silent = CORPUS.silent(NOT_AGREED_NEXT)
test_attacks_on_the_relaxations_fire = CORPUS.fires(ATTACKS)
test_misses_found_by_the_review_fire = CORPUS.fires(MISSES)


@pytest.mark.parametrize(
    "text",
    [
        "部落の人とは付き合うなと親に言われた経験を持つ人もいます。",
        "「部落の人とは付き合うな」と親に言われた経験を持つ人もいます。",
        "部落の人とは付き合うな、という親の言葉に苦しんだ人がいます。",
    ],
)
def test_words_told_are_not_read_as_the_posts_statement(text: str) -> None:
    # Session 39: nor is the 「部落」 of the words told, with no 【人権】 heading or lesson named. The guidelines forbid
    # discrimination and spreading it (茅野市 4(7)③, 上越市 5(5)); an account of what someone was told, and of the hurt,
    # does neither, and is how a 人権 post tells of 結婚差別. The rumour passed on (「部落の人は汚いと言われています」)
    # and the word used outright still fire (REPORTED_EXPERIENCE_ATTACKS).
    findings = [f for f in check(text, CheckContext(platform="x", now=NOW, policy=CITY_POLICY)) if f.code == "prohibited.discrimination"]
    assert findings == [], [text[f.start : f.end] for f in findings]


def test_the_statement_after_a_group_of_place_names_where_they_come_from() -> None:
    # 「部落出身者とは結婚するな」 is the 結婚差別 itself, not the word alone: the statement is reported as such.
    text = "部落出身者とは結婚するな"
    findings = check(text, CheckContext(platform="x", now=NOW, policy=CITY_POLICY))
    assert any(text[f.start : f.end] == text for f in findings), [(f.code, text[f.start : f.end]) for f in findings]


# Session 39. Reported, then held to be right still in the next sentence (「今もそうあるべきです」), as `_AGREED_NEXT` reads
# 「その通りです」: the post says the words again. A gender role reported (「と言われていました」) reads the same.
STILL_HELD_NEXT = [
    ("女は家事をするものだと言われていました。今もそうあるべきです。", "prohibited.discrimination"),
    ("女は家事をするものだと言われていました。その通りです。", "prohibited.discrimination"),
    ("昔は、男は外で働くものと言われた時代がありました。その通りです。", "prohibited.discrimination"),
    ("男は外で稼ぐものだと言われていました。今もそうあるべきです。", "prohibited.discrimination"),
    ("女は家事をするものと言われた時代がありました。今もそうすべきです。", "prohibited.discrimination"),
    ("昔は、女は家事をするものと言われていました。今もそうすべきだ。", "prohibited.discrimination"),
    ("外国人は犯罪ばかりと言われていました。今もそうです。", "prohibited.discrimination"),
    ("外国人は犯罪ばかりと言われていました。今もそうあるべきです。", "prohibited.discrimination"),
    ("同和地区の人とは結婚するなと親に言われた。今もそうあるべきです。", "prohibited.discrimination"),
    ("同和地区の人とは結婚するなと言われていました。そうすべきだと思います。", "prohibited.discrimination"),
    ("同和地区の人とは結婚するなと言われていました。これからもそうあるべきだ。", "prohibited.discrimination"),
    ("同和地区の人とは結婚するなと言われていました。今でもそう思います。", "prohibited.discrimination"),
    ("同和地区の人とは結婚するなと親に言われた。当然だ。", "prohibited.discrimination"),
    ("「部落の人とは付き合うな」と親に言われた経験を持つ人もいます。当然です。", "prohibited.discrimination"),
]
NOT_STILL_HELD_NEXT = [
    "女は家事をするものだと言われていました。今もそうあるべきでしょうか。",
    "女は家事をするものだと言われていました。今もそうあるべきではありません。",
    "女は家事をするものだと言われていました。今もそうですか？",
    "女は家事をするものだと言われていました。今もそう思っている人がいます。",
    "女は家事をするものだと言われていました。今もそうあるべきだと言う人もいます。",
    "女は家事をするものだと言われていました。今はそうではありません。",
    "女は家事をするものだと言われていました。\n\n今もそうあるべきです。",
    "昔は、女は家事をするものと言われていました。今は、男女がともに家事を担う時代です。",
    "同和地区の人とは結婚するなと言われていました。そうすべきではありません。",
    "同和地区の人とは結婚するなと言われていました。今もそうだろうか。",
    "外国人は犯罪ばかりと言われていました。今もそう思う人がいます。",
    "同和地区の人とは結婚するなと親に言われた。当然、許されることではありません。",
    "同和地区の人とは結婚するなと親に言われた。当然ですか？",
]

# The people of a district, or a group, as what to keep away from, with no reason given (the reasoned form is
# `_SHUNNED`'s): the shunning of 部落差別 told to the reader.
SHUNNED_AS_OBJECT = [
    ("あの地区の人には近づかないように", "prohibited.discrimination"),
    ("あの地区の人には近づかないようにしましょう。", "prohibited.discrimination"),
    ("〇〇地区の人には近づかないでください", "prohibited.discrimination"),
    ("A地区の方には近寄らないでください。", "prohibited.discrimination"),
    ("同和地区の人には近づくな。", "prohibited.discrimination"),
    ("川向こうの集落の人には近づいてはいけません。", "prohibited.discrimination"),
    ("外国人には近づかないでください。", "prohibited.discrimination"),
    ("精神障害者には絶対に近づくな！", "prohibited.discrimination"),
    ("あの団地に住む人には、危ないので近づかないほうがいい。", "prohibited.discrimination"),
    ("部落出身の人には近づかない方がいいよ。", "prohibited.discrimination"),
    ("〇〇地区の方には近づかないようお願いします。", "prohibited.discrimination"),
    ("生活保護の人には近づくな。", "prohibited.discrimination"),
]
NOT_SHUNNED = [
    "あの地区には近づかないでください。",
    "あの地区の人には近づかないようにと言われた。",
    "障害のある方には、危ないので近づかないようお伝えください。",
    "高齢者には近づかないでください。",
    "作業中の方には近づかないでください。",
    "不審者には近づかないでください。",
    "クマには近づかないでください。",
    "〇〇地区の人には近づかないでください、という差別がありました。",
    "「あの地区の人には近づくな」と言われた経験はありませんか。",
    "あの地区の人には近づくなという偏見をなくしましょう。",
    "〇〇地区の方には回覧板をお届けします。",
    "A地区の方はB小学校へ避難してください。",
    "増水した川には近づかないでください。地区の方はご注意ください。",
    "同和地区の人には近づかないなんて、差別です。",
    "感染者には近づかないでください。",
    "発熱のある方には近づかないでください。",
    "工事中の団地には近づかないでください。",
    "外国人には近づきがたいと感じる人もいます。",
]

# The statement the reader is told not to say, without 「」 (「…なんて言わないでください」), as with them; only when the
# sentence ends there.
TOLD_NOT_TO_SAY = [
    "外国人は出ていけなんて言わないでください。",
    "外国人は出ていけなんて言わないで。",
    "外国人は出ていけなんて言うのはやめましょう。",
    "外国人は出ていけなんて、言ってはいけません。",
    "外国人は出ていけなどと言わないでください。",
    "外国人は出ていけと言わないでください！",
    "同和地区の人とは結婚するななんて言わないでください。",
    "障害者は施設にいろなんて言わないようにしましょう。",
]
SAID_ANYWAY = [
    ("外国人は出ていけなんて言わないでください、と言う人がいますが、外国人は出ていけ。", "prohibited.discrimination"),
    ("外国人は出ていけなんて言わないではいられない。", "prohibited.discrimination"),
    ("外国人は出ていけと言わないでいられません。", "prohibited.discrimination"),
    ("外国人は出ていけと言ってはいけないのでしょうか。", "prohibited.discrimination"),
    ("外国人は出ていけと言ってはいけないなんておかしい。", "prohibited.discrimination"),
    ("外国人は出ていけと言ってはいけない理由がわからない。", "prohibited.discrimination"),
    ("外国人は出ていけと言ってはいけないとは思わない。", "prohibited.discrimination"),
    ("外国人は出ていけと言うのはやめられない。", "prohibited.discrimination"),
    ("外国人は出ていけと言うのはやめる必要はない。", "prohibited.discrimination"),
    ("外国人は出ていけと言わないで、黙って追い出しましょう。", "prohibited.discrimination"),
]

# What someone was told, as what befell them, and the word 「部落」 in it: no heading needed (see
# test_words_told_are_not_read_as_the_posts_statement).
REPORTED_EXPERIENCE = [
    "部落の人とは付き合うなと言われた経験を持つ人もいます。",
    "部落出身者とは結婚するなと親戚から言われたという相談が寄せられています。",
    "部落の人とは付き合うなと親に言われて育ちました。",
    "部落の人は汚いという親の言葉に傷ついた人がいます。",
]
REPORTED_EXPERIENCE_ATTACKS = [
    ("部落差別をなくしましょう。部落の人は汚いと言われています。", "prohibited.discrimination"),
    ("部落の人は汚いと言われています。", "prohibited.discrimination"),
    ("部落の人とは付き合うなと言われました。だから付き合いません。", "prohibited.discrimination"),
    ("部落の人とは付き合うなと親に言われた経験を持つ人もいますが、当然です。", "prohibited.discrimination"),
    ("部落の人とは付き合うなと親に言われた経験があります。今もそうあるべきです。", "prohibited.discrimination"),
    ("部落の人とは付き合うな、という親の言葉に苦しんだ人がいますが、親は正しい。", "prohibited.discrimination"),
    ("部落の人とは付き合うな、という親の言葉に従いました。", "prohibited.discrimination"),
    ("部落の人は人権なんてないと言われた経験があります。", "prohibited.discrimination"),
    ("部落の人とは結婚するなと言われた経験を持つ人もいます。部落の人とは付き合うな。", "prohibited.discrimination"),
    ("部落には近づくなと親に言われた経験を持つ人もいます。", "prohibited.discrimination"),
]

# A scheme for those of one origin, then who may not apply: its own terms, not a refusal. Turned away from a job by
# where they come from is 就職差別, scheme or not.
ORIGIN_SCHEMES = [
    "UIターン支援金は、本市出身の方が対象です。市外出身の方は申し込めません。",
    "UIターン支援金は、本市出身の方が対象です。\n市外出身の方は申し込めません。",
    "移住奨励金の対象は県外出身の方に限ります。県内出身の方は申し込めません。",
    "Uターン支援金は本市出身の方が対象のため、市外出身の方は申し込めません。",
    "市外出身の方も採用しています。",
    "市外出身の方の採用も行っています。",
    "職員採用試験は、市外出身の方も受験できます。",
    "市外出身の方は採用しませんか？",
    "【人権週間】同和地区の出身者は採用しない、という企業がかつてありました。就職差別は、本人の努力ではどうにもなりません。",
]
TURNED_AWAY_BY_ORIGIN = [
    ("市外出身の方は採用しません。", "prohibited.discrimination"),
    ("市外出身の方は採用しません", "prohibited.discrimination"),
    ("同和地区の出身者は採用できません。", "prohibited.discrimination"),
    ("〇〇地区出身の人は採用いたしません。", "prohibited.discrimination"),
    ("外国人は採用しません。", "prohibited.discrimination"),
    ("市外出身の方は採用しない、と決めました。", "prohibited.discrimination"),
    ("UIターン支援金は、本市出身の方が対象です。市外出身の方は採用しません。", "prohibited.discrimination"),
    ("市外出身の方は申し込めません。", "prohibited.discrimination"),
    ("夏祭りは本市出身の方が対象です。市外出身の方は参加できません。", "prohibited.discrimination"),
    ("市外出身の方は参加できません。UIターン支援金の案内です。", "prohibited.discrimination"),
    ("UIターン支援金は、本市出身の方が対象です。治安のため、市外出身の方は申し込めません。", "prohibited.discrimination"),
    ("UIターン支援金は、本市出身の方が対象です。外国人の方は申し込めません。", "prohibited.discrimination"),
    ("子育て支援金は、市民の方が対象です。外国人の方は申し込めません。", "prohibited.discrimination"),
]

test_reports_held_right_still_in_the_next_sentence_fire = CORPUS.fires(STILL_HELD_NEXT)
test_reports_not_held_right_still_stay_silent = CORPUS.silent(NOT_STILL_HELD_NEXT)
test_people_shunned_as_the_object_fire = CORPUS.fires(SHUNNED_AS_OBJECT)
test_places_and_dangers_kept_away_from_stay_silent = CORPUS.silent(NOT_SHUNNED)
test_statements_the_reader_is_told_not_to_say_stay_silent = CORPUS.silent(TOLD_NOT_TO_SAY)
test_statements_said_anyway_fire = CORPUS.fires(SAID_ANYWAY)
test_experiences_of_what_someone_was_told_stay_silent = CORPUS.silent(REPORTED_EXPERIENCE)
test_attacks_on_the_experience_relaxation_fire = CORPUS.fires(REPORTED_EXPERIENCE_ATTACKS)
test_schemes_for_one_origin_stay_silent = CORPUS.silent(ORIGIN_SCHEMES)
test_people_turned_away_by_origin_fire = CORPUS.fires(TURNED_AWAY_BY_ORIGIN)

# Session 39, second review: attacks on the relaxations above that got through, and false alarms of the new patterns.
TOLD_NOT_TO_SAY_THEN_HELD_TRUE = [
    ("外国人は出ていけなんて言わないでください。でも本当です。", "prohibited.discrimination"),
    ("外国人は出ていけなんて言わないでください。本当のことですから。", "prohibited.discrimination"),
    ("外国人は出ていけなんて言わないでください。事実です。", "prohibited.discrimination"),
    ("外国人は出ていけと言うのはやめましょう。しかし、その通りです。", "prohibited.discrimination"),
]
TOLD_NOT_TO_SAY_THEN_ANSWERED = [
    "外国人は出ていけなんて言わないでください。それは差別です。",
    "外国人は出ていけなんて言わないでください。誰もが安心して暮らせるまちにしましょう。",
    "外国人は出ていけなんて言わないでください。\n\n事実と異なる情報に注意しましょう。",
]
# The writer's own account, taken up after it: no account of what befell someone.
OWN_ACCOUNT_TAKEN_UP = [
    ("部落の人とは付き合うなと親に言われて育ちました。だから私も付き合いません。", "prohibited.discrimination"),
    ("部落の人とは付き合うなと親に言われて育ちました。皆さんも気をつけてください。", "prohibited.discrimination"),
    ("部落の人とは付き合うなと親に言われた経験があるので、付き合っていません。", "prohibited.discrimination"),
    ("部落の人とは付き合うなと親に言われた経験を、子どもにも伝えています。", "prohibited.discrimination"),
    ("部落の人は汚いと言われた経験があり、実際そう思います。", "prohibited.discrimination"),
    ("部落の人は汚いと親に言われた経験があります。本当に汚いです。", "prohibited.discrimination"),
]
OWN_ACCOUNT = [
    "私は、部落の人とは付き合うなと親に言われた経験があります。その言葉にずっと苦しんできました。",
    "部落の人とは付き合うなと言われた経験がある方は、ご相談ください。",
    "部落の人とは付き合うなと言われて育った人もいます。",
]
# A district named by what befell it, kept from onlookers; a district singled out after a clause still fires.
STRUCK_DISTRICTS = [
    "浸水した地区の方には近づかないようお願いします。",
    "クマの出没地区の人には近づかないように。",
    "被災した地区の方々には、むやみに近づかないようにしましょう。",
    "避難指示が出た地区の住民には近づかないように。",
]
DISTRICT_SHUNNED_AFTER_A_CLAUSE = [
    ("事故のあと、あの地区の人には近づかないように。", "prohibited.discrimination"),
    ("川向こうの集落の人には近づかないように。", "prohibited.discrimination"),
]
# Hiring asked about, or kept for Japanese nationals by law with the reason given: no 就職差別 said.
HIRING_NOT_REFUSED = [
    "外国人は採用しないのですか？",
    "本市では、外国人は採用しないのでしょうか。",
    "女性は採用しないのではないかという質問がありました。",
    "消防職は国籍要件があるため、外国籍の方は採用できません。",
]
# A scheme's own terms only for its other side: a post or exam, or one place or country singled out, still warns.
NOT_THE_SCHEMES_OTHER_SIDE = [
    ("職員採用制度は本市出身者が対象です。市外出身の方は受験できません。", "prohibited.discrimination"),
    ("この制度は本市出身の方が対象です。外国出身の方は申し込めません。", "prohibited.discrimination"),
    ("奨学金制度は本市出身の方が対象です。沖縄出身の方は申し込めません。", "prohibited.discrimination"),
]

test_told_not_to_say_then_held_true_fire = CORPUS.fires(TOLD_NOT_TO_SAY_THEN_HELD_TRUE)
test_told_not_to_say_then_answered_stay_silent = CORPUS.silent(TOLD_NOT_TO_SAY_THEN_ANSWERED)
test_own_accounts_taken_up_fire = CORPUS.fires(OWN_ACCOUNT_TAKEN_UP)
test_own_accounts_stay_silent = CORPUS.silent(OWN_ACCOUNT)
test_districts_named_by_what_befell_them_stay_silent = CORPUS.silent(STRUCK_DISTRICTS)
test_districts_shunned_after_a_clause_fire = CORPUS.fires(DISTRICT_SHUNNED_AFTER_A_CLAUSE)
test_hiring_asked_or_kept_by_law_stays_silent = CORPUS.silent(HIRING_NOT_REFUSED)
test_origins_not_a_schemes_other_side_fire = CORPUS.fires(NOT_THE_SCHEMES_OTHER_SIDE)

# Session 39, helper 8: advice reported as told to someone without と (「…ないように言われた経験」「…ないよう親に言われ
# て育った」) is the same report as 「…と言われた」; the advice said again, agreed with or taken up still fires.
ADVICE_TOLD_WITHOUT_TO = [
    "部落の人には近づかないように言われた経験を持つ人がいます。",
    "部落の人には近づかないように親に言われた経験を持つ人がいます。",
    "部落の人とは結婚しないように言われて育った方もいます。",
    "部落の人には近づかないよう親から言われて育った方もいます。",
    "部落の人とは付き合わないようにと親に言われて育った方もいます。",
    "部落の人には近づかないように言われた経験を持つ人がいます、当然ですか？",
    "部落の人とは付き合うなと言われた経験を持つ人もいます、当然のことですが許されません。",
    "部落の人とは付き合うなと言われた経験を持つ人もいます、本当に悲しいことです。",
    "部落の人とは付き合うなと言われた経験を持つ人がいます、当然です、と言う人がいます。",
    # The next sentence answers the advice, not gives it.
    "部落の人には近づかないように言われた経験を持つ人がいます。差別をしないでください。",
    "部落の人には近づかないように言われた経験を持つ人がいます。近づかないように、という言葉は差別です。",
    "部落の人とは結婚しないよう親に言われて育った人がいます。一人で悩まないでください。",
]
ADVICE_TOLD_TAKEN_UP = [
    ("部落の人には近づかないように言われました。皆さんも近づかないように。", "prohibited.discrimination"),
    ("部落の人には近づかないように言われて育ちました。皆さんも近づかないように。", "prohibited.discrimination"),
    ("部落の人には近づかないように言われています。", "prohibited.discrimination"),
    ("部落の人には近づかないように言われた経験を持つ人がいます。その通りです。", "prohibited.discrimination"),
    ("部落の人には近づかないように言われた経験を持つ人もいますが、当然です。", "prohibited.discrimination"),
    ("部落の人には近づかないように言われた経験があり、実際そう思います。", "prohibited.discrimination"),
    ("部落には近づかないように言われた経験を持つ人がいます。", "prohibited.discrimination"),
    # Held true after a bare comma, with と or without.
    ("部落の人には近づかないように言われた経験を持つ人がいます、当然です。", "prohibited.discrimination"),
    ("部落の人とは付き合うなと言われた経験を持つ人がいます、当然です。", "prohibited.discrimination"),
    ("部落の人とは付き合うなと言われた経験を持つ人がいます、その通りです。", "prohibited.discrimination"),
    # The advice given again to the reader in the next sentence, by its own verb.
    ("部落の人には近づかないように言われた経験を持つ人がいます。皆さんも近づかないでください。", "prohibited.discrimination"),
    ("部落の人には近づかないように言われた経験を持つ人がいます。近づかないようにしましょう。", "prohibited.discrimination"),
    ("部落の人とは結婚しないよう親に言われて育った人がいます。結婚しないほうがいいです。", "prohibited.discrimination"),
    ("部落の人とは結婚しないよう親に言われて育った人がいます。お子さんにも結婚しないよう伝えましょう。", "prohibited.discrimination"),
]

test_advice_told_without_to_stays_silent = CORPUS.silent(ADVICE_TOLD_WITHOUT_TO)
test_advice_told_and_taken_up_fires = CORPUS.fires(ADVICE_TOLD_TAKEN_UP)

# Session 39, helper 8: men refused a post, as 「女性は採用しません」 is (男性 is no [groups] word, so only the refusal to
# hire is read); preferring women (positive action), hiring men, a post the law gives women, and men kept from a
# women's room or class stay silent.
MEN_NOT_HIRED = [
    ("男性は採用しません。", "prohibited.discrimination"),
    ("男性の方は採用いたしません。", "prohibited.discrimination"),
    ("男性は採用できません。", "prohibited.discrimination"),
    ("男子は採用しません。", "prohibited.discrimination"),
    ("看護師を募集します。男性は採用できません。", "prohibited.discrimination"),
    ("男性は採用しません。昨年度も男性は採用しませんでした。", "prohibited.discrimination"),
]
MEN_NOT_REFUSED = [
    "女性の採用を増やします。",
    "男性保育士を採用しました。",
    "男性も採用しています。",
    "同じ能力であれば女性を優先して採用します。",
    "女性技術職員の採用を積極的に進めています。女性の応募も歓迎します。",
    "男性は採用しませんか？",
    "男性は採用しない、という企業がかつてありました。",
    "男性は採用しないなんて差別です。",
    "「男性は採用しません」という求人は男女雇用機会均等法違反です。",
    "助産師を募集します。男性は採用できません。",
    "長男は採用しません。",
    "女性専用車両です。男性の方はご遠慮ください。",
    "女性限定ヨガ教室です。男性の方は参加できません。",
    # A result told, no condition set for applicants.
    "今年度、男性は採用しませんでした（応募なし）。",
    "保育士の採用試験では、男性は採用しませんでしたが、来年度も募集します。",
]

test_men_refused_a_post_fire = CORPUS.fires(MEN_NOT_HIRED)
test_men_not_refused_a_post_stay_silent = CORPUS.silent(MEN_NOT_REFUSED)

# Session 39, helper 19: the shunning told to the reader to pass on (「…近づかないように子どもに言ってください」), and
# an order reported and then agreed with or given again (「…もっともです」「私もそう言います」「付き合わないでください」).
ADVICE_PASSED_ON = [
    ("外国人には近づかないように言いましょう。", "prohibited.discrimination"),
    ("外国人には近づかないように子どもに言ってください。", "prohibited.discrimination"),
    ("外国人には近づかないよう、お子さんにも伝えましょう。", "prohibited.discrimination"),
    ("外国人には近づくなと子どもに言いましょう。", "prohibited.discrimination"),
    ("外国人には近づくなと言い聞かせましょう。", "prohibited.discrimination"),
    ("精神障害者には危ないので近づかないように子どもに教えてください。", "prohibited.discrimination"),
    ("あの地区の人には近づかないように子どもたちに言ってください。", "prohibited.discrimination"),
    ("外国人には近寄らないように、家族に話しておきましょう。", "prohibited.discrimination"),
]
# Said by others, told not to be said, a danger to keep from, or those told being the group (with a reason or a
# hazard near, or 「お伝えください」): no shunning passed on.
ADVICE_NOT_PASSED_ON = [
    "外国人には近づかないように言う人がいますが、偏見です。",
    "子どもに「外国人に近づくな」と言わないでください。",
    "不審者には近づかないように子どもに言ってください。",
    "障害のある方には近づかないようお伝えください。",
    "除雪作業中です。外国人観光客の方には近づかないように言ってください。",
    "外国人には近づかないように言ってはいけません。",
    "外国人には近づかないように言うのはやめましょう。",
    "外国人には近づかないように子どもに言うのは差別です。",
    "クマには近づかないように子どもに言ってください。",
    "外国人には近づかないように言いましょうか？",
    "外国人には近づかないように子どもに言っていませんか。",
    "高齢者には近づかないように言いましょう。",
    "あの地区には近づかないように子どもに言ってください。",
    "浸水した地区の方には近づかないように子どもに言ってください。",
]
ORDER_REPORTED_THEN_TAKEN_UP = [
    ("外国人とは付き合うなと言われた経験を持つ人がいます。付き合わないでください。", "prohibited.discrimination"),
    ("外国人とは付き合うなと言われた経験を持つ人がいます。もっともです。", "prohibited.discrimination"),
    ("外国人とは付き合うなと言われた経験を持つ人がいます。私もそう言います。", "prohibited.discrimination"),
    ("部落の人とは付き合うなと言われた経験を持つ人がいます。付き合わないでください。", "prohibited.discrimination"),
    ("部落の人とは付き合うなと言われた経験を持つ人がいます。もっともです。", "prohibited.discrimination"),
    ("部落の人とは付き合うなと言われた経験を持つ人がいます。私もそう言います。", "prohibited.discrimination"),
    ("同和地区の人とは結婚するなと親に言われた。ごもっともです。", "prohibited.discrimination"),
    ("同和地区の人とは結婚するなと親に言われた。私も同じことを言っています。", "prohibited.discrimination"),
    ("同和地区の人とは結婚するなと親に言われた人がいます。結婚しないほうがいいです。", "prohibited.discrimination"),
    ("外国人とは関わるなと言われた経験を持つ人がいます。関わらないようにしましょう。", "prohibited.discrimination"),
    ("外国人には近づくなと親に言われた人がいます。皆さんも近づかないでください。", "prohibited.discrimination"),
    ("外国人には近づくなと親に言われた人がいます。その通りです。", "prohibited.discrimination"),
    ("外国人には近づかないように言われた経験を持つ人がいます。近づかないでください。", "prohibited.discrimination"),
    (
        "あの地区の人には近づかないように言われた経験を持つ人がいます。近づかないようにしましょう。",
        "prohibited.discrimination",
    ),
]
ORDER_REPORTED_NOT_TAKEN_UP = [
    "同和地区の人とは結婚するなと親に言われた人がいます。私もそう言われました。",
    "同和地区の人とは結婚するなと親に言われた人がいます。もっともらしい理由はありません。",
    "同和地区の人とは結婚するなと親に言われた人がいます。もっともですか？",
    "同和地区の人とは結婚するなと親に言われた人がいます。私もそう言うべきでしょうか。",
    "同和地区の人とは結婚するなと親に言われた人がいます。もっとも、今は減っています。",
    "外国人とは付き合うなと言われた経験を持つ人がいます。私もそう言う人を知っています。",
    "外国人とは付き合うなと言われた経験を持つ人がいます。差別をしないでください。",
    "外国人とは付き合うなと言われた経験を持つ人がいます。一人で悩まないでください。",
    "外国人とは付き合うなと言われた経験を持つ人がいます。そんな言葉に負けないでください。",
    "外国人とは付き合うなと言われた経験を持つ人がいます。付き合わないでください、という言葉は差別です。",
    "同和地区の人とは結婚するなと親に言われた人がいます。結婚しないほうがいいという偏見をなくしましょう。",
    "あの地区の人には近づかないように言われた経験を持つ人がいます。差別をしないでください。",
    "外国人には近づくなと親に言われた人がいます。悲しいことです。",
    "外国人には近づくなと親に言われた人がいます。その通りだと思う人もいるかもしれません。",
    "不審者には近づくなと親に言われた人がいます。その通りです。",
    "クマには近づかないように言われた経験があります。近づかないでください。",
]
# A refusal to hire quoted and called unlawful, or one the reader is told to report to the labour bureau; the
# condition defended as no discrimination still fires.
HIRING_REPORTED = [
    "「女性は採用しません」という求人は違法です。",
    "「外国人は採用しません」という求人は違法です。",
    "「女性は採用しません」という求人は男女雇用機会均等法違反です。",
    "男性は採用しない企業があったら労働局へご相談ください。",
    "女性は採用しない企業があったら労働局へご相談ください。",
    "外国人は採用しない企業があったら、ハローワークにご相談ください。",
    "女性は採用しないと言われたら、労働局へ",
    "女性のみ募集の求人を見つけた場合は、労働局へご相談ください。",
    "女性は採用しないという会社があれば、ハローワークに通報してください。",
    "事務職員の募集で「女性のみ」とするのは差別です。",
]
HIRING_REFUSED_STILL = [
    ("女性は採用しません。", "prohibited.discrimination"),
    ("女性は採用しません。労働局の指導は受けていません。", "prohibited.discrimination"),
    ("女性は採用しません、労働局の指導は受けていません。", "prohibited.discrimination"),
    ("男性は採用しません、労働局の指導は受けていません。", "prohibited.discrimination"),
    ("男性は採用しません。労働局へご相談ください。", "prohibited.discrimination"),
    ("女性は採用しません（労働局に相談済み）。", "prohibited.discrimination"),
    ("「女性は採用しません」という方針は差別ではありません。", "prohibited.discrimination"),
    ("「外国人は採用しません」という求人は違法ではありません。", "prohibited.discrimination"),
    ("「女性は採用しません」という求人は違法とは言えません。", "prohibited.discrimination"),
    ("「女性は採用しません」という張り紙を出しました。", "prohibited.discrimination"),
    ("外国人は採用しません。ハローワークへの相談は不要です。", "prohibited.discrimination"),
    # 差別 denied is no law taught (it silenced these before).
    ("男性は採用しませんが、差別ではありません。", "prohibited.discrimination"),
    ("事務職員を募集します（女性のみ、差別ではありません）。", "prohibited.discrimination"),
    # An ad's own pointer to the bureau, with no employer met, still sets the condition.
    ("女性は採用しませんので、ご不明な点は労働局へお問い合わせください。", "prohibited.discrimination"),
    ("女性は採用しません、詳しくはハローワークへお問い合わせください。", "prohibited.discrimination"),
    ("男性は採用しません、応募はハローワークにご連絡ください。", "prohibited.discrimination"),
    ("外国人は採用しませんが、ハローワークに相談してください。", "prohibited.discrimination"),
    ("受付スタッフ募集、女性のみ、応募はハローワークへご連絡ください。", "prohibited.discrimination"),
    ("パート募集（女性のみ、勤務時間は相談、応募はハローワークへご連絡ください）", "prohibited.discrimination"),
]

test_shunning_passed_on_by_the_reader_fires = CORPUS.fires(ADVICE_PASSED_ON)
test_advice_not_passed_on_stays_silent = CORPUS.silent(ADVICE_NOT_PASSED_ON)
test_orders_reported_then_taken_up_fire = CORPUS.fires(ORDER_REPORTED_THEN_TAKEN_UP)
test_orders_reported_not_taken_up_stay_silent = CORPUS.silent(ORDER_REPORTED_NOT_TAKEN_UP)
test_hiring_refusals_reported_stay_silent = CORPUS.silent(HIRING_REPORTED)
test_hiring_refusals_still_fire = CORPUS.fires(HIRING_REFUSED_STILL)

# Advice 「…とは付き合わないよう」, which no [exclusion] word reads, passed on as said and then taken up.
ADVICE_REPORTED_TAKEN_UP = [
    ("外国人とは付き合わないよう言われています。みなさんも気をつけて。", "prohibited.discrimination"),
    ("外国人とは付き合わないように言われています。皆さんも気をつけてください。", "prohibited.discrimination"),
    ("外国人とは結婚しないよう親に言われました。結婚しないほうがいいです。", "prohibited.discrimination"),
    ("外国人とは付き合わないよう言われた経験を持つ人がいます。その通りです。", "prohibited.discrimination"),
    ("外国人とは付き合わないようにと言われた経験を持つ人がいます。その通りです。", "prohibited.discrimination"),
    ("外国人とは付き合わないようにと親に言われました。みなさんも気をつけて。", "prohibited.discrimination"),
    ("あの地区の人とは付き合わないよう言われています。みなさんも気をつけて。", "prohibited.discrimination"),
]
ADVICE_REPORTED_NOT_TAKEN_UP = [
    "外国人とは付き合わないよう言われています。",
    "外国人とは付き合わないよう言われた経験を持つ人がいます。みなさんも気をつけてください。",
    "外国人とは付き合わないよう言われています。みなさんも言葉に気をつけてください。",
    "外国人とは付き合わないよう言われています。悲しいことです。",
    "外国人とは付き合わないよう言われています。みなさんも気をつけてますか？",
    "不審者とは付き合わないよう言われています。みなさんも気をつけて。",
    "外国人とは付き合わないよう言われていますが、差別です。みなさんも気をつけて。",
    "外国人とは仲良くするように言われています。みなさんも気をつけて。",
    "外国人とは付き合わないようにと言われた経験を持つ人がいます。許されないことです。",
    "外国人とは付き合わないようにという偏見があります。みなさんも気をつけて。",
    # What befell someone, or answered, before the care asked: not the rumour passed on.
    "人権週間です。外国人とは付き合わないよう言われた、という相談が寄せられています。みなさんも気をつけてください。",
    "同和地区の人とは結婚しないよう言われるケースがあります。みなさんも気をつけましょう。",
    "障害のある子とは遊ばないよう言われている子どもがいます。みなさんも気をつけて。",
    "外国人とは付き合わないように言われていますが、私はそうは思いません。みなさんも気をつけて。",
]

test_advice_reported_then_taken_up_fires = CORPUS.fires(ADVICE_REPORTED_TAKEN_UP)
test_advice_reported_not_taken_up_stays_silent = CORPUS.silent(ADVICE_REPORTED_NOT_TAKEN_UP)
