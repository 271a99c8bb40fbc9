"""A human-rights post that sets a prejudice down as a sentence of its own and questions it in the
next (「生活保護は甘え。そう思っていませんか。」) says nothing against anyone; the same sentence followed
by agreement, or by a defence of it, is still the statement (茅野市 4(7)③)."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes


@pytest.mark.parametrize(
    "text",
    [
        "生活保護は甘え。そう思っていませんか。生活保護は憲法で保障された権利です。",
        "外国人はいらない。それは誤解です。",
        "外国人はいらない。そんな声を耳にすることがあります。しかし、それは偏見です。",
        "障害者は家にいてほしい。そのような考えが、当事者を深く傷つけています。",
        "女は家事をしていればいい。そんな考え方、まだ残っていませんか。",
        "生活保護は甘え。本当にそうでしょうか。",
        "外国人はいらない。――そう感じている人はいませんか。",
        "外国人は出ていけ。そう思っている人もいるでしょう。でも違います。",
        "生活保護は甘え。それは偏見かもしれません。",
        "生活保護は甘え。それは大きな誤解です。",
        "外国人はいらない。いいえ、そんなことはありません。",
        "外国人はいらない。それは誤解です。外国人が地域を支えているのは事実です。",
        "外国人は出ていけ。そんな声を聞きます。根拠のない偏見です。",
        # A testimony, not agreement.
        "障害者は家にいてほしい。そのような考えが、当事者を深く傷つけています。私も以前はそう思っていました。",
        "生活保護は甘え。そう思っていませんか。はい、と答えた人は3割でした。",
    ],
)
def test_a_prejudice_questioned_in_the_next_sentence_is_silent(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "生活保護は甘え。そう思いませんか？",
        "生活保護は甘え。それは差別ではありません。",
        "生活保護は甘え。そう思います。",
        "生活保護は甘え。その通りです。",
        "生活保護は甘え。それは事実です。",
        "外国人はいらない。そんな声を耳にすることがあります。",
        "外国人はいらない。そんな声が多く寄せられています。",
        "外国人は出ていけ。そう思っている人は多いはずだ。",
        "外国人は出ていけ。そう思っている人は多い。差別ではなく本音だ。",
        "外国人は出ていけ。それは偏見ではありません。",
        "外国人は出ていけ。そう言いたい。",
        # The word denied of it, not said of it: 「間違いない」 is "certainly".
        "生活保護は甘え。それは誤解ではない。",
        "生活保護は甘え。それは誤解なんかじゃない。",
        "生活保護は甘え。それは間違いない。",
        "生活保護は甘え。これは間違いありません。",
        "生活保護は甘え。それは事実ではありませんか。",
        "生活保護は甘え。それは差別でも何でもない。",
        "生活保護は甘え。それは差別とは違う。",
        "生活保護は甘え。それは偏見だと言われるが、本当のことだ。",
        "外国人はいらない。いいえ、本当にいらない。",
        # Questioned, then agreed with.
        "生活保護は甘え。そう思っていませんか。私もそう思います。",
        "生活保護は甘え。本当にそうでしょうか。はい、そうです。",
        "外国人はいらない。そう思っている人は多い。でも、それが現実だ。",
        "外国人はいらない。そんな声をよく聞く。でも私もそう思う。",
        "外国人は出ていけ。そんな声を聞く。根拠はある。",
        "生活保護は甘え。そう思っていませんか？私は思っています。",
        "生活保護は甘え。そう感じていませんか。実際そうなんです。",
        "生活保護は甘え。こう考えていませんか。正直、私もです。",
        # The rebuttal put in others' mouths.
        "生活保護は甘え。それは偏見です、と言う人もいますが事実です。",
        "外国人はいらない。それは誤解だ、なんて言わせない。",
        # Another paragraph is not the next sentence.
        "生活保護は甘え。\n\nそう思っていませんか。",
    ],
)
def test_a_prejudice_agreed_with_or_defended_still_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)
