"""Prejudice quoted, questioned and listed as myths, beside the
municipal posts nearest to them, which must pass."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes

CODE = "prohibited.discrimination"


@pytest.mark.parametrize(
    "text",
    [
        # A quoted verdict passes when asked to be rethought, reported repudiated or said to hurt, not on any
        # 「しない」「やめ」「いけない」 after it, as 7073c79 found for quoted exclusions.
        "「障害者はいらない」と遠慮しないで言おう。",
        "「生活保護は甘え」と言うのをやめる必要はない。",
        "「障害者はいらない」と言ってはいけないなんておかしい。",
        "「外国人が増えると治安が悪くなる」と遠慮しないで言おう。",
        "「障害者はいらない」と陰で言うのではなく、堂々と言おう。",
    ],
)
def test_quoted_verdict_called_for_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「障害者はいらない」という考え方を見直しましょう。",
        "「同性愛は気持ち悪い」——こんな言葉が当事者を深く傷つけています。",
        "市長は「生活保護は甘えだ」と述べ、謝罪しました。",
        "「女性は感情的だ」と言わないようにしましょう。",
    ],
)
def test_quoted_verdict_disowned_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A denial that the words are discrimination is an endorsement, in 「」 in a draft about it or not.
        "「障害者はいらない」は差別ではありません。",
        "「外国人は出ていけ」は差別ではありません。",
        "「外国人が増えると治安が悪くなる」は偏見とは言えない。",
        "「うつ病は甘え」は誤解ではありません。",
    ],
)
def test_quoted_statement_said_no_wrong_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「障害者はいらない」は差別です。",
        "「障害者はいらない」は差別ではないでしょうか。",
        "「障害者はいらない」は差別ではありませんか。",
        "「うつ病は甘え」は誤解です。",
        "「外国人」は差別語ではありません。",
        "「うつ病は甘え」は誤解ではなく偏見です。",
        "生活保護は甘えという偏見にならないよう、表現に配慮します。",
    ],
)
def test_quoted_statement_named_a_wrong_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A health or 多文化共生 post quotes the myth and asks whether it is true.
        "「うつ病は甘え」は本当でしょうか。",
        "「外国人が増えて治安が悪くなった」は本当でしょうか。",
        "「うつ病は甘え」って本当？",
        "【こころの健康】「うつ病は甘え」は本当でしょうか。うつ病は誰でもかかる可能性のある病気です。",
    ],
)
def test_quoted_myth_questioned_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「うつ病は甘え」は本当でしょうか。はい、本当です。",
        "「うつ病は甘え」は本当でしょうか。その通りです。",
        "「うつ病は甘え」は本当でしょうか。私はそう思います。",
        "「うつ病は甘え」は本当でしょうか。\n\nはい、本当です。",
        # Yes said another way (they passed as the question alone did).
        "「うつ病は甘え」は本当でしょうか。もちろん本当です。",
        "「外国人が増えて治安が悪くなった」って本当？　本当です。",
        "「うつ病は甘え」は本当でしょうか。答えはイエスです。",
        # Questions that ask readers to agree.
        "「うつ病は甘え」は本当ではないでしょうか。",
        "「うつ病は甘え」は本当だと思いませんか。",
        "「うつ病は甘え」は本当です。",
        "うつ病は甘え",
    ],
)
def test_quoted_myth_affirmed_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Myths listed without ×/○ marks, under a heading naming them or above a line saying all are wrong.
        "よくある誤解\n・うつ病は甘え\n・ひきこもりは本人の責任\nどちらも誤りです。",
        "よくある誤解\n・うつ病は甘え\n・不登校は甘え",
        "・うつ病は甘え\n・不登校は甘え\nいずれも誤解です。",
        "【よくある誤解】\n①うつ病は甘え\n②発達障害は言い訳",
        "こんな思い込みはありませんか\n・うつ病は甘え\n・生活保護は甘え",
    ],
)
def test_myths_listed_pass(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "よくある誤解\n・うつ病は甘え\nその通りです。",
        "よくある誤解\n\n・うつ病は甘え",  # another paragraph
        "・うつ病は甘え\n・不登校は甘え",
        "誤解ではありません\n・うつ病は甘え",
        "偏見と言われようが\n・外国人は出ていけ",
        "・うつ病は甘え\n・不登校は甘え\nどちらも誤りではありません。",
        "・うつ病は甘え\n・不登校は甘え\nどちらも正しいです。",
        "間違いない\n・うつ病は甘え",
    ],
)
def test_myths_not_listed_as_such_fire(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # The rebuttal in the third sentence, after a short one that sets the prejudice as something heard.
        "うつ病は甘え。よく耳にする言葉です。しかし、それは誤解です。",
        "うつ病は甘え。そう言う人がいます。でも、それは誤解です。",
        "生活保護は甘え。よく聞く声です。それは偏見です。",
    ],
)
def test_rebutted_in_the_third_sentence_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "うつ病は甘え。よく耳にする言葉です。私もそう思います。",
        "うつ病は甘え。よく耳にする言葉です。でも、それは誤解ではありません。",
        "うつ病は甘え。そう言う人がいます。そのとおりです。",
        "うつ病は甘え。まったく同感だ。しかし、それは誤解だと言う人もいる。",
        "うつ病は甘え。よく耳にする言葉です。しかし、それは誤解です。はい、誤解ではありません。",
        "うつ病は甘え。よく耳にする言葉です。\n\nしかし、それは誤解です。",
    ],
)
def test_not_rebutted_in_the_third_sentence_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A comma after を, or after the adverb.
        "「外国人は出ていけ」という考え方を、今一度見直しましょう。",
        "「障害者はいらない」という考えを、見直しましょう。",
        "外国人はいらない。こうした考えを、今一度見直しましょう。",
        "「外国人は出ていけ」という考え方を今一度、見直しましょう。",
    ],
)
def test_rethought_after_a_comma_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「外国人は出ていけ」という考え方を、今一度見直す必要はありません。",
        "「外国人は出ていけ」という考え方を、改めて訴えます。",
        "外国人はいらない。この考えを、改めて訴えます。",
        "「外国人は出ていけ」という考え方を、今一度見直しましょう、なんて綺麗ごとだ。",
    ],
)
def test_rethinking_after_a_comma_refused_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "不登校はただの甘え。",
        "不登校は単なる甘え",
        "うつ病は完全に甘え",
        "うつ病なんて甘えだろ",
        "うつ病は甘えだろう。",
        "発達障害の子どもは言い訳ばかり",
        "外国人の子供はいらない",
    ],
)
def test_condition_dismissed_pressed_harder_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "うつ病は完全に治ります。",
        "不登校はただの甘えではありません。",
        "うつ病は甘えだろうか。",
        "発達障害の子どもは、脳の働き方に特性があります。",
        "外国人の子どもは日本語教室を利用できます。",
        "不登校の子どもは甘えではありません。",
        "高齢者の方は、完全予約制です。",
    ],
)
def test_condition_explained_in_the_same_words_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Judgement call: the growth of a group and the growth of crime in one sentence read as cause and
        # effect, whoever the group is; the victims' side is said otherwise (below).
        "外国人観光客が増えて、この地域の犯罪が増えています。",
        "高齢者が増えて犯罪が増えています。",
    ],
)
def test_group_growth_beside_crime_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人観光客が増えて、観光客を狙った置き引きが増えています。",
        "高齢者を狙った犯罪が増えています。",
        "一人暮らしの高齢者が増えて、特殊詐欺などの犯罪被害が増えています。ご注意ください。",
        "外国人観光客が増えて、観光客が巻き込まれる犯罪が増えています。",
    ],
)
def test_group_as_crime_victims_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # The judging called off, as e86d899 narrowed what passes a quoted verdict.
        "「うつ病は甘え」と決めつけるのはやめましょう。",
        "「不登校は甘え」と子どもを責めるのはやめましょう。",
        "「うつ病は甘え」と言うのはやめてください。",
        "「うつ病は甘え」と責めないでください。",
        "「うつ病は甘え」と思わないでください。",
        "「うつ病は甘え」と言うのではなく、話を聞きましょう。",
        "「不登校は甘え」と子どもに言っていませんか。",
    ],
)
def test_quoted_verdict_called_off_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Defended in the rest of the sentence, with no quote: the verdict need not end it.
        "障害者はいらない、これは差別ではない。",
        "外国人が増えると治安が悪くなる、これは偏見ではありません。",
        "うつ病は甘え、それは誤解じゃない。",
    ],
)
def test_statement_defended_in_its_sentence_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "うつ病は甘えではなく、誤解されやすい病気です。",
        "障害者はいらない、という考えは差別ではないでしょうか。",
        "高齢者はいらない、という差別をなくしましょう。",
    ],
)
def test_statement_named_a_wrong_in_its_sentence_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # The denial asked, denied twice, or put in others' mouths to be answered is no defence.
        "「外国人は出ていけ」は差別ではないと思っている人もいますが、それは間違いです。",
        "「外国人は出ていけ」は差別ではない、という主張は誤りです。",
        "「外国人は出ていけ」と言うことが差別ではないと考える人はいません。",
        "「障害者はいらない」は差別ではないのか。改めて考えてみましょう。",
        "「外国人お断り」が差別にならないはずがありません。",
    ],
)
def test_denial_answered_or_asked_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    ["「障害者はいらない」は差別ではないと思います。", "「外国人は出ていけ」は差別ではないのです。"],
)
def test_denial_said_still_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A heading with a myth word that owns the list, not names it as myths.
        "誤解を恐れずに言います\n・外国人は出ていけ\n・障害者はいらない",
        "偏見かもしれませんが\n・うつ病は甘え\n・生活保護は甘え",
        "誤解されがちな真実\n・うつ病は甘え\n・不登校は甘え",
        "偏見上等\n・外国人は出ていけ",
        "誤解のないように言っておきます\n・障害者はいらない",
        "【独断と偏見】\n・うつ病は甘え",
        # Nor a closing line that only starts like a verdict.
        "・うつ病は甘え\n・不登校は甘え\nどちらも誤解されがちですが、本当のことです。",
    ],
)
def test_list_owned_by_heading_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "heading",
    [
        "【よくある誤解】", "よくある誤解と事実", "【こんな誤解をしていませんか】", "こんな誤解、ありませんか？",
        "よくある誤解について", "その思い込み、見直しませんか？", "■ よくある誤解 ■", "精神疾患に関する誤解と偏見",
        "よくある誤解3つ", "知っていますか？よくある誤解", "【不登校についてのよくある誤解】",
    ],
)
def test_myth_headings_pass(heading: str) -> None:
    assert CODE not in codes(heading + "\n・うつ病は甘え\n・不登校は甘え\n詳しくは保健センターへお問い合わせください。")


@pytest.mark.parametrize(
    "text",
    [
        "「うつ病は甘え」は本当でしょうか。いいえ、うつ病は治療が必要な病気です。",
        "「うつ病は甘え」は本当でしょうか。本当ではありません。うつ病は病気です。",
        "「うつ病は甘え」は本当でしょうか。答えはノーです。うつ病は病気です。",
        "「外国人が増えて治安が悪くなった」って本当？　警察の統計では、犯罪は減っています。",
    ],
)
def test_quoted_myth_answered_no_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Others' denial sided with defends the statement, as it did before bc4b527.
        "「外国人は出ていけ」は差別ではないという意見に賛成です。",
        "「外国人は出ていけ」は差別ではないという声はもっともです。",
        "「外国人は出ていけ」は差別ではないという考えに共感します。",
        "「外国人は出ていけ」は差別ではないという主張は正しいと思います。",
    ],
)
def test_others_denial_agreed_with_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「外国人は出ていけ」は差別ではないという意見には賛成できません。",
        "「外国人は出ていけ」は差別ではないという意見に、市は同意しません。",
        "「外国人は出ていけ」は差別ではないという主張は正しいとは言えません。",
    ],
)
def test_others_denial_not_agreed_with_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Headings and closing lines the narrowed heading of 05bbb2c refused: ordinary health and
        # human-rights posts, silent under 77f1569's heading.
        "よくある誤解と正しい理解\n・うつ病は甘え\n・ひきこもりは本人の責任",
        "障害への誤解・偏見をなくそう\n・障害者はいらない\n・障害者は何もできない",
        "精神疾患への偏見をなくしましょう\n・うつ病は甘え",
        "よくある誤解とその答え\n・うつ病は甘え",
        "よくある誤解Q&A\n・うつ病は甘え",
        "・うつ病は甘え\n・ひきこもりは本人の責任\nこれらはすべて誤解であり、事実ではありません。",
        "・うつ病は甘え\n・ひきこもりは本人の責任\nいずれも誤解に基づくものです。",
        "・うつ病は甘え\n・ひきこもりは本人の責任\nどちらもよくある誤解ですが、事実ではありません。",
    ],
)
def test_myth_lists_under_ordinary_headings_and_verdicts_pass(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "偏見上等\n・外国人は出ていけ",
        "誤解のないように言っておきます\n・うつ病は甘え",
        "・うつ病は甘え\nどちらも誤解ですが、事実です。",
    ],
)
def test_myth_words_in_a_heading_that_owns_the_list_still_fire(text: str) -> None:
    assert CODE in codes(text)
