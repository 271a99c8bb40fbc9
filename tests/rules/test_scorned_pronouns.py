"""People called 「奴」「あいつら」「お前ら」 and told to leave: no group is named for
prohibited.discrimination, but the post insults and drives them out (茅野市 4(7)①)."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes, findings_of


@pytest.mark.parametrize(
    ("text", "excerpt"),
    [
        ("奴は市から出て行け", "奴は市から出て行け"),
        ("あいつらはこの町から出て行け", "あいつらはこの町から出て行け"),
        ("こいつらは出ていけ！", "こいつらは出ていけ"),
        ("お前らはこの国から出てけ", "お前らはこの国から出てけ"),
        ("てめえらは帰れ", "てめえらは帰れ"),
        ("あいつらを追い出せ", "あいつらを追い出せ"),
        ("奴は市から出て行けと言われても仕方ない。", "奴は市から出て行け"),
        ("お前らは出ていけ、と言われても仕方ない。", "お前らは出ていけ"),
        ("ゴミ出しのルールを守らない人がいる。あいつらはこの町から出ていけ！", "あいつらはこの町から出ていけ"),
    ],
)
def test_a_scorned_pronoun_told_to_leave_fires(text: str, excerpt: str) -> None:
    [f] = findings_of("prohibited.insult", text)
    assert f.excerpt == excerpt
    assert "排除" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "悪い奴は出ていけ！福は内！",
        "鬼は外！豆まきで鬼を追い出そう！",
        "冬将軍、出ていけ！",
        "「お前は出ていけ」と言われた経験はありませんか。",
        "劇団の公演『お前なんか出ていけ』を上演します。",
        "あいつは帰ったよ。",
        "奴は市から出て行けと言われました。",
        # Reported after a comma or the 「！」 that ends the sentence, or shouted.
        "お前は出ていけ、と言われた経験はありませんか。",
        "お前らは帰れ！と怒鳴られた経験はありませんか。",
        # The pronoun points back to a pest, a pollen or a cold, not to people.
        "ゴミ箱を荒らすカラス。あいつらを追い出せ！",
        "害虫対策：ゴキブリ。奴らを家から追い出せ！",
        "花粉症の季節がやってきました。あいつらは出ていけ！",
    ],
)
def test_other_calls_to_leave_are_silent(text: str) -> None:
    assert "prohibited.insult" not in codes(text)
