"""Prejudice said of a group in words the rule had not seen, beside the human-rights
and service posts nearest to them, which must pass."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes

CODE = "prohibited.discrimination"


@pytest.mark.parametrize(
    "text",
    [
        # The belief asked about, as 「と思っていませんか」 is.
        "「生活保護は甘え」と思い込んでいませんか。",
        "「生活保護は甘え」と思いこんでいませんか。生活保護は憲法で保障された権利です。",
    ],
)
def test_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "生活保護は甘え。思い込んでいる人は多いけど、事実だ。",
    ],
)
def test_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「部落」は地域によって集落を指すこともあります。",
        "「部落」という言葉は、本来は集落を意味します。",
        "「部落」とは、もともと村の中の小さな集まりを指す言葉です。",
    ],
)
def test_word_explained_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「部落」は汚い所を指す。",
        "「部落」は怖いところという意味だ。",
        "「部落」は地域によって集落を指すが、あそこの部落には近づくな。",
        "「ガイジ」は市長を指す。",
    ],
)
def test_word_explained_ill_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "東北の人は田舎者ばかり",
        "派遣社員は使い捨て",
        "〇〇県民は民度が低い",
        "大阪人は民度が低い",
        "沖縄の人は怠け者",
        "県民は嘘つきばかり",
        "韓国人は嘘つき",
        "中国人は信用できない",
        "女は感情的",
        "女性は感情的です。",
    ],
)
def test_region_work_and_trait_verdicts_fire(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "派遣社員は使い捨てではありません。",
        "派遣社員の皆さんは、使い捨てのマスクをご利用ください。",
        "紙コップは使い捨てです。",
        "県民は入場無料です。",
        "東京都民は対象外です。",
        "東北の人は我慢強いと言われます。",
        "沖縄の人は長寿です。",
        "〇〇県民は病気の予防に取り組みましょう。",
        "女性は感情的だという思い込みはありませんか。",
        "「女性は感情的」という決めつけをやめましょう。",
        "京都の人は嘘つきという声がありますが、それは偏見です。",
    ],
)
def test_region_work_and_trait_neighbours_pass(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「生活保護は甘え」という考え方を見直しましょう。",
        "「外国人はいらない」という考えを改めましょう。",
    ],
)
def test_belief_to_rethink_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「外国人はいらない」という考え方を広めよう。",
        "「外国人はいらない」。この考え方を見直す必要はない。",
    ],
)
def test_belief_spread_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "女性は感情的なので管理職には向きません",
        "生活保護は甘えだから減らすべき",
        "外国人はマナーが悪いので入店を断っています",
        "障害者は邪魔だから来ないで",
        # Session 29: the verdict as what they become (になる), and what they are said to do instead of work.
        "女性はすぐ感情的になるから管理職に向かない",
        "女性は感情的になるので、管理職には向きません。",
        "生活保護の人は働かないで遊んでいる",
        "生活保護を受けている人は働かずに遊んでいる。",
    ],
)
def test_verdict_as_reason_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「女性は感情的なので管理職に向かない」という考え方を見直しましょう。",
        "女性は感情的なので管理職に向かない、と思っていませんか。",
        "高齢者は病気になりやすいので注意しましょう。",
        "高齢者は臭いに敏感なので、香水は控えめに。",
        "外国籍の方は不要なので記入しないでください。",
        "高齢者は病気なので、無理をしないでください。",
        "女性は感情的なので、という声も聞きますが、それは偏見です。",
        "女性は感情的になるから管理職に向かない、という思い込みをなくしましょう。",
        "高齢者は病気になるので、無理をしないでください。",
        "「生活保護の人は働かないで遊んでいる」という偏見があります。",
        "生活保護の人は働かないで遊んでいる、というのは誤解です。",
        "生活保護を受けている人の多くは、働きたくても働けない事情を抱えています。",
        "高齢者は働かないで済むよう、年金制度があります。",
    ],
)
def test_verdict_as_reason_neighbours_pass(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人が増えると治安が悪くなります",
        "外国人住民が増えると治安が悪くなる。",
        "移民が来たら犯罪が増える",
        "外国人が多いと治安が悪化します。",
        "「外国人が増えると治安が悪くなる」という声を聞きます。その通りです。",
    ],
)
def test_crime_blamed_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人が増えると治安が悪くなるという根拠はありません。",
        "「外国人が増えると治安が悪くなる」という声がありますが、それは誤解です。",
        "外国人が増えると治安が悪くなる、と思っていませんか。",
        "外国人住民が増えると治安が悪くなるという偏見をなくしましょう。",
        "外国人が増えると治安が悪くなるのでしょうか？",
        "外国人が増えると多言語の案内が必要になります。",
        "空き家が増えると治安が悪くなります。",
    ],
)
def test_crime_blamed_neighbours_pass(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "【人権週間】「外国人は出ていけ」という声を聞きます。",
        "【人権週間】「外国人は出ていけ」という声を聞きます。\n#人権週間 https://example.jp/jinken",
        "【人権週間】\n「外国人は出ていけ」という声を聞きます。",
        "【人権週間】「生活保護は甘え」という声を聞きます。",
    ],
)
def test_unanswered_last_voice_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "【人権週間】「外国人は出ていけ」という声を聞きます。外国人も大切な住民です。",
        "【人権週間】「外国人は出ていけ」という声を聞きます。誰もが暮らしやすいまちに。",
        "【人権週間】「外国人は出ていけ」という声を聞きます。しかし、それは差別です。",
        "【人権週間】「外国人は出ていけ」という声を聞きます。\n#差別をなくそう",
        "差別のないまちへ。「外国人は出ていけ」という声を聞きます。",
        "【人権週間】「外国人は出ていけ」という声は許されません。",
    ],
)
def test_answered_voice_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Asked, not said: なので here opens でしょうか/ですか.
        "生活保護は甘えなのでしょうか。",
        "生活保護は甘えなのでしょうか？いいえ、憲法で保障された権利です。",
        "女性は感情的なのですか。",
        # The reason put in someone's mouth by と/って, the welfare post's commonest line.
        "生活保護は甘えだから、と申請をためらう方がいます。",
        "「生活保護は甘えだから」と申請をためらう方がいます。",
        "生活保護は甘えだからと遠慮せず、ご相談ください。",
        "高齢者は迷惑だからと、相談をためらいがちです。",
        "障がいのある方は足手まといだからと避難をためらうことがあります。",
        "女性は感情的だからと決めつけるのはやめましょう。",
        "高齢者は迷惑だからといって、外出を控える必要はありません。",
        "生活保護は甘えだからって、我慢していませんか。",
        # A noun's から is where from, not why.
        "生活保護は甘えから来るものではありません。",
        # The reason and its conclusion passed on, then answered.
        "女性は感情的なので管理職には向きません、という声を聞くことがあります。しかし、それは偏見です。",
    ],
)
def test_reason_asked_or_put_in_mouths_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "女性は感情的なので管理職には向かないと思います。",
        "女性は感情的なので管理職には向きません、という声があります。その通りだと思います。",
        "生活保護は甘えなので、本当に困っている人だけにすべきだ。",
    ],
)
def test_reason_said_or_agreed_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Answered before the quote, in the last sentence itself.
        "差別をなくすため、「外国人は出ていけ」という声に向き合います。",
        "【人権週間】\n根拠のない「外国人は犯罪者」という声を聞きます。",
        # Asked of the readers, as a human-rights post asks them to think.
        "【人権週間】\nあなたの周りで「外国人は出ていけ」という声を聞いたことはありませんか。",
        "【人権週間】\n「外国人は出ていけ」という声を聞いたら、どうしますか。",
        "【人権週間】\n講演「「外国人はいらない」という声にどう向き合うか」",
    ],
)
def test_last_voice_answered_in_its_sentence_or_asked_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "【人権週間】\n「外国人は出ていけ」という声、もっともだと思いませんか。",
        "【人権週間】\n皆さんは「外国人は出ていけ」という声を聞きます。",
        "【人権週間】\n「外国人は出ていけ」という声を聞きます。\n#人権週間",
    ],
)
def test_last_voice_unanswered_still_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # The rethinking refused, 改めて as "once more", and the call put in others' mouths: the belief is kept.
        "「外国人は犯罪者」という考え方を見直す必要はない。",
        "「外国人は犯罪者」という考え方を見直す必要はありません。",
        "「外国人はいらない」という考え方を見直すべきではない。",
        "「外国人はいらない」という考えを改める必要はありません。",
        "「外国人はいらない」という考えを改めて訴えます。",
        "「生活保護は甘え」という考え方を見直しましょう、と言う人がいますが、甘えは甘えです。",
    ],
)
def test_rethinking_refused_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「生活保護は甘え」という考えを改めてください。",
        "「生活保護は甘え」という考えを改めていきましょう。",
        "「生活保護は甘え」という考え方を見直しませんか。",
        "「生活保護は甘え」という考え方を見直さないといけません。",
        "「生活保護は甘え」という考え方を改めて見直しましょう。",
        "「生活保護は甘え」という意識を見直し、誰もが安心して相談できるまちにしましょう。",
    ],
)
def test_rethinking_asked_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A meaning that is no settlement nor the term's: a slur in the shape of a definition.
        "「部落」は、あの人たちが住む地域を指します。",
        "「部落」は穢れた地域を指します。",
        "「部落」は卑しい身分の人の集落を意味します。",
        "「部落」はヤバい地域を指します。",
        "「部落」は特定の地域を指します。そこの出身者とは結婚しないほうがいいです。",
        # Pointing at the district itself.
        "「部落」は〇〇町の××地区を指します。",
        "「部落」は大阪市浪速区の一部を指します。",
    ],
)
def test_word_explained_as_slur_or_district_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「部落」は西日本では被差別部落を、東日本では集落を指すことが多いです。",
        "「部落」は、地方によっては自治会の単位を指すこともあります。",
        "「部落」は松本市などでは集落を指す言葉として使われます。",
        "「部落」は、江戸時代の身分制度のもとで差別を受けた人々が暮らした地域を指して使われてきました。",
        "「部落」は、同和地区を指します。",
    ],
)
def test_word_explained_as_settlement_or_term_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「部落」という言葉の意味を学ぶ講座を開きます。",
        "「部落」という言葉の由来について考えます。",
        "「部落」という言葉の意味を知っていますか。",
    ],
)
def test_word_meaning_studied_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「部落」という言葉の意味を学んでも、あそこには近づくな。",
        "「部落」という言葉の意味を学べば、〇〇地区がどこか分かります。",
        "「部落」という言葉が好きです。",
    ],
)
def test_word_meaning_studied_ill_fires(text: str) -> None:
    assert CODE in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # 「根拠がないわけではありません」 grants the voice a ground: no answer.
        "「生活保護は甘え」という声があります。根拠がないわけではありません。",
        "「外国人は出ていけ」という声を聞きます。しかし、根拠がないわけではありません。",
        "「生活保護は甘え」という声があります。根拠がないわけではなく、データもあります。",
    ],
)
def test_answer_negated_by_wake_fires(text: str) -> None:
    assert CODE in codes(text)


def test_plain_answer_still_passes() -> None:
    assert CODE not in codes("「生活保護は甘え」という声があります。根拠はありません。")
    assert CODE not in codes("「生活保護は甘え」という声があります。根拠がない決めつけです。")


@pytest.mark.parametrize(
    "text",
    [
        "【人権週間】\n「外国人は出ていけ」という声を聞きます。\n#人権週間 #STOPHATE",
        "【人権週間】\n「外国人は出ていけ」という声を聞きます。\n#人権週間 #NoHate",
        "【人権週間】\n「外国人は出ていけ」という声を聞きます。\n#人権週間 #思いやり",
        "【人権週間】\n「外国人は出ていけ」という声を聞きます。\n#多様性を尊重しよう",
    ],
)
def test_last_voice_answered_by_hashtag_passes(text: str) -> None:
    assert CODE not in codes(text)
