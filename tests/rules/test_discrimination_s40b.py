"""Session 40 (b): a statement condemned and then taken back. A human-rights post may set the hate down and condemn
it (「外国人はいらない。こうした差別は許されません。」), but a retraction after the condemnation, in its own tail or the
sentence after it (「でも本音です」「冗談です」「（笑）」「、とは思いません」, or the words called unlawful and then
carried out another way: 「なので、口頭で断りましょう」), is the hate with a fig leaf and must fire. Real human-rights
posts that go on after the condemnation must stay silent. Each firing case passed silently before the fix.
"""

from __future__ import annotations

from datetime import datetime

from tests.rules.conftest import JST, Corpus

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=JST)
CORPUS = Corpus(NOW)
D = "prohibited.discrimination"

RETRACTED_AFTER_THE_CONDEMNATION = [
    ("外国人はいらない。こうした差別は許されません。でも本音です。", D),
    ("外国人はいらない。こうした差別は許されません。冗談です、いらないです。", D),
    ("外国人はいらない。こうした偏見をなくしましょう。でも本当です。", D),
    ("外国人はいらない。こうした偏見をなくしましょう（笑）。", D),
    ("外国人はいらない。こうした差別は許されません、とは思いません。", D),
    ("外国人はいらない。こうした差別は許されません。だけど本音だよ。", D),
    ("外国人はいらない。こうした差別は許されません。でも本音は違います。", D),
    ("外国人はいらない。こうした差別は許されません。まあ、本音を言えばいらないです。", D),
    ("外国人はいらない。こうした差別は許されません、というのは建前です。", D),
    ("外国人はいらない。こうした差別は許されませんｗ", D),
    ("外国人はいらない。こうした偏見をなくしましょう草", D),
    ("外国人はいらない。こうした偏見をなくしましょう、なんて思わない。", D),
    ("外国人はいらない。そう思っていませんか。でも本当です。", D),
    ("障害者は迷惑だ。そんな声を聞きました。こうした偏見をなくしましょう。でも事実です。", D),
    ("外国人はいらない。こうした差別は許されません。しかし、正直、本当のことです。", D),
    ("外国人はいらない。こうした差別は許されません。……でも本音です。", D),
    ("外国人はいらない。こうした差別は許されません。なーんてね。", D),
    ("外国人はいらない。こうした差別は許されません。なんちゃって。", D),
    ("外国人はいらない。こうした差別は許されません。とか言ってみたり。", D),
]
WORDS_CALLED_UNLAWFUL_THEN_TAKEN_BACK = [
    ("「外国人お断り」の張り紙は違法です。でも本音です。", D),
    ("外国人お断りという張り紙は違法です。なので、口頭で断りましょう。", D),
    ("「外国人お断り」という張り紙は違法です。なので、口頭で断ればいい。", D),
    ("「外国人お断り」という張り紙は違法です。冗談です。", D),
    ("「外国人お断り」は違法です。でも本当です。", D),
    ("「外国人お断り」という張り紙は違法です。そこで、入店時にやんわり断りましょう。", D),
]
CONDEMNATION_GOES_ON = [
    "外国人はいらない。こうした差別は許されません。一人ひとりが考えましょう。",
    "外国人はいらない。こうした差別は許されません。でも、まだこうした声はあります。",
    "外国人はいらない。こうした偏見をなくしましょう。本当の共生社会へ。",
    "「外国人お断り」の張り紙は違法です。でも、いまだに見かけます。ご相談ください。",
    "外国人はいらない。こうした差別は許されません。でも本当に悲しいことに、まだこうした声はあります。",
    "外国人はいらない。こうした差別は許されません。これが私の本音です。",
    "外国人はいらない。こうした差別は許されません。本当です。",
    "外国人はいらない。こうした差別は許されません。冗談では済まされません。",
    "外国人はいらない。こうした差別は許されません。「冗談だよ」では済みません。",
    "外国人はいらない。こうした差別は許されません。冗談だったとしても、人を傷つけます。",
    "外国人はいらない。こうした偏見をなくしましょう。建前ではなく、本気で取り組みます。",
    "外国人はいらない。こうした偏見をなくしましょう。でも本当に大切なのは、知ることです。",
    "外国人はいらない。こうした差別は許されません。差別をなくす取組をwebで紹介しています。",
    "外国人お断りという張り紙は違法です。なので、断らないでください。",
    "外国人お断りという張り紙は違法です。ですから、入店を断ることはできません。",
    "「外国人お断り」という張り紙は違法です。だから、お断りしないでください。",
    "外国人はいらない。こうした差別は許されません、と私たちは考えます。",
    "外国人はいらない。こうした差別は許されないと思いませんか。",
    "外国人はいらない。こうした差別は許されません。でも、本音では不安だという声もあります。",
    "外国人はいらない。こうした差別は許されません。なんて言葉をなくしたい。",
    "外国人はいらない。こうした差別は許されません。とか言って済ませず、行動しましょう。",
    "「外国人は出ていけ」という言葉は許されません。冗談であっても同じです。",
    "外国人はいらない。こうした差別は許されません。wwwのような書き込みも同じです。",
]

test_retracted_after_the_condemnation_fires = CORPUS.fires(RETRACTED_AFTER_THE_CONDEMNATION)
test_words_called_unlawful_then_taken_back_fire = CORPUS.fires(WORDS_CALLED_UNLAWFUL_THEN_TAKEN_BACK)
test_condemnation_that_goes_on_stays_silent = CORPUS.silent(CONDEMNATION_GOES_ON)

# Reviewer 8: human-rights posts that go on after the condemnation with words the retraction patterns had taken for
# a retraction — an SNS comment quoted with its ｗ/（笑）/草, 「冗談だって、」「建前だけ」「本音を言える場」,
# 「…断りましょう」 whose object is the discrimination itself, 判断/油断, 「と思わない人もいます」, a URL ending in /w.
# Each fired before the fix.
CONDEMNATION_GOES_ON_WITH_LOOKALIKES = [
    "外国人はいらない。こうした差別は許されません。「外国人いらないｗ」という書き込みも同じです。",
    "外国人はいらない。こうした差別は許されません。「出ていけ（笑）」という書き込みも見られます。",
    "外国人はいらない。こうした差別は許されません。「外国人いらない草」という書き込みも同じです。",
    "外国人お断りという張り紙は違法です。「ｗ」をつけても同じです。",
    "「外国人お断り」の張り紙は違法です。詳しくは https://www.city.example.lg.jp/jinken/w",
    "外国人はいらない。こうした差別は許されません。冗談だって、言われた側は傷つきます。",
    "外国人はいらない。こうした差別は許されません。冗談だよ、では済まされません。",
    "外国人はいらない。こうした差別は許されません。冗談です、では済みません。",
    "外国人はいらない。こうした差別は許されません。建前だけの共生ではいけません。",
    "外国人はいらない。こうした差別は許されません。でも、本音を言える場が必要です。",
    "外国人はいらない。こうした差別は許されません。ただ、本音を言えない雰囲気もあります。",
    "外国人はいらない。こうした差別は許されません。だから、差別的な勧誘ははっきり断りましょう。",
    "外国人はいらない。こうした差別は許されません。だから、差別を地域から追い出しましょう。",
    "外国人はいらない。こうした差別は許されません。だから、偏見を追い出そう。",
    "外国人はいらない。こうした差別は許されません。なので、一人ひとりが冷静に判断しましょう。",
    "外国人はいらない。こうした差別は許されません。だからこそ、油断せず取り組みます。",
    "外国人お断りという張り紙は違法です。なので、差別的な掲示の依頼は断りましょう。",
    "外国人お断りという張り紙は違法です。なので、迷ったら判断せず相談してください。",
    "外国人はいらない。こうした差別は許されません、と思わない人もいます。",
    "外国人はいらない。こうした差別は許されない、と考えない人がいるのも事実です。",
]

test_condemnation_that_goes_on_with_lookalikes_stays_silent = CORPUS.silent(CONDEMNATION_GOES_ON_WITH_LOOKALIKES)

# Reviewer 8: the words called unlawful, then carried out politely with 「お断りしましょう」「お断りします」; passed before.
POLITELY_CARRIED_OUT = [
    ("外国人お断りという張り紙は違法です。だから、入店時にお断りしましょう。", D),
    ("「外国人お断り」という張り紙は違法です。なので、口頭でお断りします。", D),
]
POLITE_REFUSAL_STAYS_REFUSED = [
    "外国人お断りという張り紙は違法です。なので、外国籍の方の入店はお断りしません。",
    "外国人お断りという張り紙は違法です。なので、差別的な掲示のご依頼はお断りします。",
]

test_politely_carried_out_fires = CORPUS.fires(POLITELY_CARRIED_OUT)
test_polite_refusal_of_the_discrimination_stays_silent = CORPUS.silent(POLITE_REFUSAL_STAYS_REFUSED)
