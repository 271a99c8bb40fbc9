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
        # Another paragraph is not the next sentence.
        "生活保護は甘え。\n\nそう思っていませんか。",
    ],
)
def test_a_prejudice_agreed_with_or_defended_still_fires(text: str) -> None:
    assert "prohibited.discrimination" in codes(text)
