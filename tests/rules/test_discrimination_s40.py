"""Session 40: discrimination leftovers from session 39's review. Misses (an employer's own 「…採用しない、という
方針です」, a bare 「女性のみ募集します。」, a job ad's self-declared 「均等法に違反しません」, shunning passed on as
「…近づかないで、と言いましょう」) must fire; a sign's words called unlawful (「「外国人お断り」という張り紙は違法です」)
and a statement reported, felt about and then condemned in the third sentence after it must pass. Each case failed
before its fix; the ATTACK lists try each relaxation.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.rules import CheckContext, check
from tests.rules.conftest import JST, Corpus

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=JST)
CORPUS = Corpus(NOW)
D = "prohibited.discrimination"

# The refusal to hire set as the employer's own policy, not reported of another.
OWN_HIRING_POLICY = [
    ("女性は採用しない、という方針です", D),
    ("当社は女性は採用しない、という方針です。", D),
    ("外国人は採用しない、という方針です。", D),
    ("男性は採用しない、という方針です。", D),
    ("女性は採用しない、という方針をとっています。", D),
]
HIRING_POLICY_REPORTED = [
    "女性は採用しない、という企業がかつてありました。",
    "女性は採用しない、という方針の企業がありました。",
    "女性は採用しない、という方針は違法です。",
    "女性は採用しない、という方針でした。",
]

# A recruitment limited to one sex with no job named reads as a job ad; what else is recruited keeps it silent.
SEX_LIMITED_RECRUITMENT = [
    ("女性のみ募集します。", D),
    ("男性のみ募集。", D),
    ("女性限定で募集します。", D),
]
NOT_A_JOB = [
    "ヨガ教室、女性のみ募集",
    "講座の参加者を募集します。女性のみ募集します。",
    "除雪ボランティアを募集します。女性のみ募集します。",
    "女性のみ参加できる講座です。",
    "女性専用車両です。",
    "乳がん検診（女性のみ）",
    "女性のみ募集の求人は法律違反です。",
    "「女性のみ募集」は法律違反です。",
]

# A job ad's own claim that the law is kept is no exemption; teaching the law still is.
SELF_DECLARED_EXEMPTION = [
    ("事務スタッフ募集（女性のみ、均等法に違反しません）", D),
    ("事務スタッフ募集（女性のみ、男女雇用機会均等法違反ではありません）", D),
    ("男性は採用しません（均等法に違反しません）。", D),
]
LAW_TAUGHT = [
    "「女性のみ募集」の求人は男女雇用機会均等法違反です。",
    "均等法に違反しないよう、求人で「男性のみ」と書かないでください。",
]

# Shunning told to the reader to pass on, the advice quoted with a comma before its と.
SHUNNING_PASSED_ON = [
    ("外国人には近づかないで、と言いましょう。", D),
    ("外国人には近づかないで、と子どもに言いましょう。", D),
    ("あの地区の人には近づかないで、と伝えましょう。", D),
]
SHUNNING_NOT_PASSED_ON = [
    "外国人には近づかないで、と言う人がいます。",
    "外国人には近づかないで、と言わないでください。",
    "障害のある方には、危ないので近づかないで、とお伝えください。",
]

# A sign's or an ad's words called unlawful.
WORDS_CALLED_UNLAWFUL = [
    "「外国人お断り」という張り紙は違法です",
    "外国人お断りという張り紙は違法です",
    "「外国人お断り」は違法です。",
]
WORDS_NOT_CALLED_UNLAWFUL = [
    ("「外国人お断り」という張り紙は違法ではありません", D),
    ("「外国人お断り」は違法ではない。", D),
    ("「外国人お断り」という張り紙は違法なのでしょうか", D),
    ("外国人の方はお断りしています。違法ではありません。", D),
]

# A statement, then a report of it and how it felt, then the condemnation: the third sentence after it.
CONDEMNED_THIRD_AFTER = [
    "障害者は迷惑だ。そんな声を聞きました。つらいです。こうした偏見をなくしましょう。",
    "外国人はいらない。そう言われました。ひどい話です。こうした偏見をなくしましょう。",
    "外国人はいらない。こうした差別は許されません。",
    "外国人はいらない。そう言われました。ひどい話です。こうした差別は許されません。",
]
AGREED_BEFORE_THE_CONDEMNATION = [
    ("外国人はいらない。そう言われました。その通りです。こうした差別は許されません。", D),
    ("外国人はいらない。そう言われました。本当にそう思います。こうした差別は許されません。", D),
    ("外国人はいらない。そう言われました。ひどい話です。天気も悪いです。こうした偏見をなくしましょう。", D),
    ("障害者は迷惑だ。そんな声を聞きました。私も同感です。こうした偏見をなくしましょう。", D),
    ("外国人はいらない。こうした差別は許されないのでしょうか。", D),
    ("外国人はいらない。こうした差別は許されない、と言う人もいますが、本音です。", D),
]

# A men's dormitory turning women away is lawful separation of the sexes by facility: silent is right.
MENS_DORMITORY = [
    "男性専用寮です。女性は入居できません。",
    "【男性専用寮】入居者募集のお知らせ。女性の方は入居できません。",
    "男性専用寮のため、女性の方の入居はお断りしています。",
    "男子寮です。女性は入居をご遠慮ください。",
]
NOT_A_MENS_DORMITORY = [
    ("女性は入居できません。", D),
    ("社員寮の入居者を募集します。女性は入居できません。", D),
    ("外国人は入居できません。男性専用寮です。", D),
]

test_own_hiring_policy_fires = CORPUS.fires(OWN_HIRING_POLICY)
test_hiring_policy_reported_stays_silent = CORPUS.silent(HIRING_POLICY_REPORTED)
test_sex_limited_recruitment_fires = CORPUS.fires(SEX_LIMITED_RECRUITMENT)
test_recruitment_not_for_a_job_stays_silent = CORPUS.silent(NOT_A_JOB)
test_self_declared_exemption_fires = CORPUS.fires(SELF_DECLARED_EXEMPTION)
test_law_taught_stays_silent = CORPUS.silent(LAW_TAUGHT)
test_shunning_passed_on_after_a_comma_fires = CORPUS.fires(SHUNNING_PASSED_ON)
test_shunning_not_passed_on_stays_silent = CORPUS.silent(SHUNNING_NOT_PASSED_ON)
test_words_called_unlawful_stay_silent = CORPUS.silent(WORDS_CALLED_UNLAWFUL)
test_words_not_called_unlawful_fire = CORPUS.fires(WORDS_NOT_CALLED_UNLAWFUL)
test_condemned_third_after_stays_silent = CORPUS.silent(CONDEMNED_THIRD_AFTER)
test_agreed_before_the_condemnation_fires = CORPUS.fires(AGREED_BEFORE_THE_CONDEMNATION)
test_mens_dormitory_stays_silent = CORPUS.silent(MENS_DORMITORY)
test_not_a_mens_dormitory_fires = CORPUS.fires(NOT_A_MENS_DORMITORY)


def test_a_repeated_statement_reads_each_frame_text_once() -> None:
    # 「うつ病は甘え。」 written 5,714 times (40,000 characters) took 4.4 s: each statement read the sentences after it
    # as a draft of its own (~0.7 ms), twice a sentence. The frame's reading depends on its text alone, and the texts
    # repeat: read once each, the draft checks in about a third of the time, with the same findings.
    from bot.rules.prohibited import _says_a_statement
    from tests.conftest import repeated_to

    text = repeated_to("うつ病は甘え。", 40_000)
    _says_a_statement.cache_clear()
    findings = [f for f in check(text, CheckContext(platform="x", now=NOW)) if f.code == D]
    assert len(findings) == text.count("うつ病は甘え。")
    assert _says_a_statement.cache_info().misses <= 8


# A listed word inside the statement it is said in was a second finding for the same words: now one, the
# statement's (it says what the sentence does), unless the statement is only a warning and the word's error stands.
ONE_FINDING = [
    ("部落の人とは付き合うな。", "部落の人とは付き合うな"),
    ("部落出身の人には近づかない方がいいよ。", "部落出身の人には近づかない方がいい"),
    ("ホモは気持ち悪い", "ホモは気持ち悪い"),
    ("ガイジンは来るな", "ガイジンは来るな"),
    ("部落差別をなくしましょう。部落の人とは付き合うな。", "部落の人とは付き合うな"),
    ("山あいの部落です。", "部落"),
]


@pytest.mark.parametrize(("text", "said"), ONE_FINDING)
def test_a_word_inside_its_statement_is_one_finding(text: str, said: str) -> None:
    found = [text[f.start : f.end] for f in check(text, CheckContext(platform="x", now=NOW)) if f.code == D]
    assert found == [said]


def test_a_words_error_stands_beside_a_warning_statement() -> None:
    text = "部落の人は参加できません。"
    found = sorted(
        (text[f.start : f.end], f.severity) for f in check(text, CheckContext(platform="x", now=NOW)) if f.code == D
    )
    assert found == [("部落", "error"), ("部落の人は参加できません", "warning")]


# Advice reported as told to a group about something else (the verb phrase has its own object or place) and then
# taken up is care for them, not shunning them: only the bare verb keeps away from them.
ADVICE_TO_THEM_ABOUT_SOMETHING_ELSE = [
    "外国人には、夜道で一人にならないよう言われています。みなさんも気をつけて。",
    "障害者には、無理をしないよう言われています。皆さんも気をつけてください。",
    "外国人には、ゴミを出さないよう言われています。皆さんも気をつけて。",
    "外国人には、川で泳がないよう言われた経験を持つ人がいます。その通りです。",
    "外国人には、夜は出歩かないように言われました。皆さんも出歩かないように。",
]
ADVICE_TO_SHUN_THEM = [
    ("部落の人とは付き合わないよう言われています。みなさんも気をつけて。", D),
    ("部落の人とは口をきかないよう言われています。みなさんも気をつけて。", D),
    ("部落の人とは一緒に遊ばないよう言われています。みなさんも気をつけて。", D),
    ("外国人とは関わらないよう言われました。その通りです。", D),
    ("部落の人とは結婚しないよう親に言われて育った人がいます。結婚しないほうがいいです。", D),
]

test_advice_to_them_about_something_else_stays_silent = CORPUS.silent(ADVICE_TO_THEM_ABOUT_SOMETHING_ELSE)
test_advice_to_shun_them_fires = CORPUS.fires(ADVICE_TO_SHUN_THEM)


# Review of this session's relaxations: a job ad's dormitory is no recruitment of residents, and a sign's words
# quoted and then named with の are as called unlawful as with という.
JOB_AD_WITH_A_DORMITORY = [
    ("女性のみ募集します。寮完備です。", D),
    ("男性のみ募集。寮あり。", D),
]
RESIDENTS_RECRUITED = [
    "寮の入居者を募集します。男性のみ募集します。",
    "学生寮の入寮生を男性のみ募集します。",
    "「外国人お断り」の張り紙は違法です。",
]

test_job_ad_with_a_dormitory_fires = CORPUS.fires(JOB_AD_WITH_A_DORMITORY)
test_residents_recruited_and_signs_called_unlawful_stay_silent = CORPUS.silent(RESIDENTS_RECRUITED)


# Review (reviewer 2): advice to them about something else is care, but a verb of keeping away from them shuns them
# whatever else it names (a child kept away, a flat not let, a school not shared).
ADVICE_TO_KEEP_AWAY_NAMING_MORE = [
    ("外国人には、子どもを近づけないよう言われています。みなさんも気をつけて。", D),
    ("外国人とは目を合わせないよう言われています。みなさんも気をつけて。", D),
    ("外国人には、夜は近づかないよう言われています。みなさんも気をつけて。", D),
    ("障害者とは、同じ学校に通わないよう言われています。みなさんも気をつけて。", D),
    ("外国人には、部屋を貸さないよう言われています。その通りです。", D),
]

test_advice_to_keep_away_naming_more_fires = CORPUS.fires(ADVICE_TO_KEEP_AWAY_NAMING_MORE)


# Review (reviewer 2): a sentence agreeing with the statement before its condemnation leaves it said, as
# 「許されません」 now ends such posts: it was read only between two further sentences, not right after the statement.
AGREED_RIGHT_AFTER_THE_STATEMENT = [
    ("外国人はいらない。気持ちは分かります。こうした差別は許されません。", D),
    ("外国人はいらない。気持ちはわかる。こうした偏見をなくしましょう。", D),
    ("外国人はいらない。一理あります。こうした偏見をなくしましょう。", D),
    ("外国人はいらない。共感します。こうした差別は許されません。", D),
    ("外国人はいらない。治安が悪くなるからです。こうした差別は許されません。", D),
    ("外国人はいらない。私も思います。こうした差別は許されません。", D),
    ("外国人はいらない。そうだ。こうした差別は許されません。", D),
    ("障害者は迷惑だ。まったくだ。つらいです。こうした偏見をなくしましょう。", D),
]
# Others' view reported, or the writer's grief or denial, is no agreement.
NOT_AGREED_BEFORE_THE_CONDEMNATION = [
    "外国人はいらない。そう思う人もいるかもしれません。こうした差別は許されません。",
    "障害者は迷惑だ。そんな声を聞きました。本当に悲しいです。こうした偏見をなくしましょう。",
    "障害者は迷惑だ。そんな声を聞きました。事実ではありません。こうした偏見をなくしましょう。",
    "外国人はいらない。そんな言葉を聞きました。悲しいです。こうした差別は許されません。",
]

test_agreed_right_after_the_statement_fires = CORPUS.fires(AGREED_RIGHT_AFTER_THE_STATEMENT)
test_not_agreed_before_the_condemnation_stays_silent = CORPUS.silent(NOT_AGREED_BEFORE_THE_CONDEMNATION)


# Review (reviewer 2): a city's groups, classes and events recruited for one sex are no job ads (a choir, a club, a
# 消防団's women's unit, a 学級, a contest, a form to apply by), but the work named makes one whatever else is said.
GROUPS_AND_EVENTS_FOR_ONE_SEX = [
    "男性のみ募集：男声合唱団",
    "男声合唱団、団員募集。男性のみ募集です。",
    "ママさんバレー部員募集！女性のみ募集です。",
    "婦人会の会員募集。女性のみ募集します。",
    "おやじの会、男性のみ募集します。",
    "母親学級、女性のみ募集します。",
    "女性限定で募集します。お申し込みはフォームから。",
    "女性消防団員を募集します！女性のみ募集です。",
    "キッズお仕事体験、女子のみ募集します。",
    "社員寮の入居者を募集します。男性のみ募集します。",
]
WORK_NAMED_FOR_ONE_SEX = [
    ("女性のみ募集します。交流センターの受付業務です。", D),
    ("女性のみ募集します。カフェの店員です。", D),
    ("女性のみ募集します。利用者さんの介護のお仕事です。", D),
    ("女性のみ募集します。チームワークのよい職場です。", D),
]

test_groups_and_events_for_one_sex_stay_silent = CORPUS.silent(GROUPS_AND_EVENTS_FOR_ONE_SEX)
test_work_named_for_one_sex_fires = CORPUS.fires(WORK_NAMED_FOR_ONE_SEX)


# Review (reviewer 2): a sign's words called unlawful and then conceded to in the same sentence are endorsed.
UNLAWFUL_BUT_CONCEDED = [
    ("「外国人は出ていけ」という張り紙は違法ですが、気持ちは分かります。", D),
    ("「外国人お断り」は違法だけど、本音だよね。", D),
    ("「外国人お断り」は違法ですが、仕方ない面もあります。", D),
]
UNLAWFUL_AND_STILL_SEEN = [
    "「外国人お断り」という張り紙は違法ですが、いまだに見かけることがあります。",
    "「外国人お断り」の張り紙は違法ですが、見かけたら市にご連絡ください。",
]

test_unlawful_but_conceded_fires = CORPUS.fires(UNLAWFUL_BUT_CONCEDED)
test_unlawful_and_still_seen_stays_silent = CORPUS.silent(UNLAWFUL_AND_STILL_SEEN)


# Review (reviewer 2): women recruited alone as positive action with its ground stated is what 均等法 第8条 allows
# (a job few women hold); men recruited alone, or the ground denied, is not.
POSITIVE_ACTION_STATED = [
    "土木技術職員を募集します（女性のみ）。女性が少ない職種のため、ポジティブ・アクションとして女性に限って募集します。",
    "消防職員（女性のみ）募集。女性職員の割合が低いため、男女雇用機会均等法第8条に基づき女性のみを対象とします。",
]
NO_POSITIVE_ACTION = [
    ("事務職員を募集します。女性のみ募集です。ポジティブ・アクションではありません。", D),
    ("男性のみ募集します。ポジティブ・アクションです。保育士の募集です。", D),
]

test_positive_action_stated_stays_silent = CORPUS.silent(POSITIVE_ACTION_STATED)
test_no_positive_action_fires = CORPUS.fires(NO_POSITIVE_ACTION)
