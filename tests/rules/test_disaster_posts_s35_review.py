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
