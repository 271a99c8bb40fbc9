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
    # With nothing in the draft naming 部落差別 or a lesson, the word alone still asks for a rewrite (「部落」 fires on
    # its own by design); the words the parent said are no statement of the post's.
    findings = [f for f in check(text, CheckContext(platform="x", now=NOW, policy=CITY_POLICY)) if f.code == "prohibited.discrimination"]
    assert [text[f.start : f.end] for f in findings] == ["部落"], text


def test_the_statement_after_a_group_of_place_names_where_they_come_from() -> None:
    # 「部落出身者とは結婚するな」 is the 結婚差別 itself, not the word alone: the statement is reported as such.
    text = "部落出身者とは結婚するな"
    findings = check(text, CheckContext(platform="x", now=NOW, policy=CITY_POLICY))
    assert any(text[f.start : f.end] == text for f in findings), [(f.code, text[f.start : f.end]) for f in findings]
