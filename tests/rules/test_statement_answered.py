"""A statement the post passes on as what people say (「「生活保護の人は甘えている」とのご意見をいただき
ました」「「外国人は出ていけ」という声を聞くことがあります」) and answers in the sentences right after
(「しかし、それは差別です」「生活保護は憲法で保障された権利です」) is a human-rights post, not the
statement; agreed with or given in to, it is still the statement (茅野市 4(7)③)."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes


@pytest.mark.parametrize(
    "text",
    [
        "【市民の声】「生活保護の人は甘えている」とのご意見をいただきました。生活保護は憲法で保障された権利です。",
        "「生活保護は甘えだ」との意見もあります。しかし、生活保護は憲法で保障された権利です。",
        "「生活保護の人は甘えている」とのご意見をいただきました。ですが、生活保護は権利です。",
        "「外国人は出ていけ」と言う人がいます。しかし、それは許されません。",
        "外国人は出ていけという声を聞くことがあります。でも、根拠はありません。",
        "外国人は出ていけという声を聞くことがあります。しかし、それは差別です。",
        "外国人は出ていけ、という声も聞かれます。しかし、それは明らかな差別です。",
        "外国人は出ていけと言う声もあります。しかし、根拠はありません。",
        # The answer in the second sentence after the report.
        "「外国人は出ていけ」という声を聞くことがあります。しかし、外国人も大切な住民です。決して許されません。",
        # The verdict said of all, answered as untrue of most.
        "「外国人観光客はマナーが悪い」という苦情が寄せられています。しかし、多くの方はルールを守っています。",
        # Understanding shown first, then the answer.
        "外国人は出ていけという声を聞きます。お気持ちはわかります。でも、根拠はありません。",
    ],
)
def test_a_statement_passed_on_and_answered_is_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "「外国人は出ていけ」という声を聞きます。その通りだと思います。",
        "「外国人は出ていけ」という声を聞きます。しかし、それも一理あります。",
        "「外国人は出ていけ」という声を聞きます。その通りだと思います。日本人の権利を守りましょう。",
        "外国人は出ていけという声を聞きます。当然です。日本人の権利が先です。",
        "外国人は出ていけという声を聞きます。根拠はありません。とはいえ、一理あります。",
        "「生活保護は甘えだ」との意見もあります。受給者に権利などありません。",
        # Most, said without a turn, may side with the verdict.
        "「外国人観光客はマナーが悪い」という苦情が寄せられています。多くの方が迷惑しています。",
        # Passed on with no answer: the official account spreads it.
        "「生活保護は甘えだ」との意見もあります",
        "【市民の声】「生活保護の人は甘えている」とのご意見をいただきました。",
        # Not passed on: said, then 「権利」 of someone else.
        "外国人は出ていけ。日本人の権利を守りましょう。",
        # Words of an answer said for the statement, not against it.
        "外国人は出ていけという声があります。日本人の権利が先です。",
        "外国人は出ていけという声があります。外国人の権利ばかり守られています。",
        "外国人は出ていけという声があります。それを差別と呼ぶのは間違いです。",
        "外国人は出ていけという声があります。外国人の犯罪は許されません。",
        "外国人は出ていけという声があります。日本人への逆差別です。",
        # A turn, then a wrong or a right not said of the statement: the post still sides with it.
        "「外国人は出ていけ」という声があります。しかし、外国人を優遇するのは間違いです。",
        "「外国人は出ていけ」という声があります。でも、甘やかすのは間違いです。",
        "「外国人は出ていけ」という声があります。もちろん、外国人の犯罪は許されません。",
        "「外国人は出ていけ」という声があります。外国人の犯罪は決して許されません。",
        "「外国人は出ていけ」という声があります。国民の権利を守るべきです。",
        "「外国人は出ていけ」という声があります。日本人誰もが安心して暮らす権利があります。",
        # The answer's word put in others' mouths, then the statement held true.
        "「外国人は出ていけ」という声があります。差別だと言う人もいますが、私は正しいと思います。",
        "生活保護は甘えという意見があります。偏見だと言われますが事実です。",
        # Most, after a turn, still agreeing.
        "「外国人観光客はマナーが悪い」という苦情があります。しかし、多くの方が迷惑しています。",
        "「外国人観光客はマナーが悪い」という苦情があります。でも、多くの方はそう感じています。",
        "「外国人は出ていけ」という声があります。しかし、多くの方が同じように感じています。",
        "「生活保護は甘え」という声があります。でも、多くの人は本当にそう思っています。",
        # A new paragraph is not the answer.
        "外国人は出ていけという声を聞きます。\n\nしかし、根拠はありません。",
    ],
)
def test_a_statement_passed_on_and_agreed_with_or_unanswered_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A draft about human rights reads a short quote as a term taught about; agreed with, it is said.
        "「外国人は出ていけ」という声を聞きます。その通りだと思います。差別ではありません。",
        "「外国人は出ていけ」という声を聞きます。私もそう思います。人権週間に考えました。",
        "【人権週間】「生活保護は甘えだ」との意見もあります。当然です。",
    ],
)
def test_a_quoted_statement_agreed_with_fires_in_a_draft_about_human_rights(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # 「当然、」 and agreement after the answer side with the answer.
        "「外国人は出ていけ」という声を聞くことがあります。当然、差別は許されません。",
        "外国人は出ていけという声を聞きます。しかし、それは差別です。人権が守られるのは当然です。",
        "外国人は出ていけという声を聞きます。しかし、それは差別です。私もそう思います。",
    ],
)
def test_agreement_with_the_answer_stays_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "生活保護は甘えだという意見もあります。その通りだと思います。",
        "生活保護は甘え！って声、多いよね。その通り。",
        "アンケートでは、外国人はマナーが悪いと感じている人もいました。当然です。",
    ],
)
def test_a_verdict_passed_on_unquoted_and_agreed_with_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Passed on unquoted with no reply: a report, as a survey's 「〜と感じる人」 is (ee1db3b).
        "生活保護は甘えだという意見もあります。",
        "外国人観光客はマナーが悪いという苦情が寄せられています。",
        "生活保護は甘えだという意見もあります。しかし、それは誤解です。",
    ],
)
def test_a_verdict_passed_on_unquoted_without_agreement_is_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A fact granted on the way to the answer is not the statement held true.
        "「外国人は犯罪が多い」という声があります。外国人の人口が増えているのは事実です。しかし、それは偏見です。",
        "「外国人は犯罪が多い」という声があります。本当でしょうか。それは誤解です。",
    ],
)
def test_a_fact_granted_before_the_answer_is_not_agreement(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)
