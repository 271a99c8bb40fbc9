"""portrait.consent, session 43's red team: what the warning tells staff posting pictures of children, and pictures of
no one."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# Pictures of children: their guardians consent, and a school's or nursery's 写真掲載の同意 usually covers its own
# newsletter, not the city's SNS. The warning asked for 「本人の了解」 only.
@pytest.mark.parametrize(
    ("text", "alts"),
    [
        ("運動会の様子です📸 みんな一生懸命走りました！", ("かけっこをする園児たち", "玉入れをする園児")),
        ("〇〇小学校で雪遊び体験を行いました。", ("雪だるまを作る",)),
        ("図書館のおはなし会の様子です。", ("絵本の読み聞かせを聞く子どもたち",)),
        ("中学生が市長を表敬訪問しました。", ("市長と生徒の代表",)),
    ],
)
def test_pictures_of_children_ask_for_the_guardians_consent(text: str, alts: tuple[str, ...]) -> None:
    [f] = findings_of("portrait.consent", text, platform="instagram", image_count=len(alts), alt_texts=alts)
    assert "保護者の同意" in f.message and "市の SNS" in f.message


def test_a_video_of_children_asks_the_same() -> None:
    [f] = findings_of("portrait.consent", "保育園の発表会の様子を動画でお届けします。", video_count=1)
    assert "保護者の同意" in f.message


@pytest.mark.parametrize(
    ("text", "alts"),
    [
        ("成人式を開催しました。", ("式典のステージ",)),
        ("ごみ収集カレンダーです。", ("ごみ収集カレンダーの表",)),
        ("高田城址公園の桜が満開です🌸", ("満開の桜と高田城三重櫓",)),
    ],
)
def test_other_pictures_say_nothing_of_guardians(text: str, alts: tuple[str, ...]) -> None:
    [f] = findings_of("portrait.consent", text, image_count=len(alts), alt_texts=alts)
    assert "保護者" not in f.message


# A map or a calendar shows no one: the warning said what to do only when someone is shown, so staff posting one were
# left with a warning they could not answer (the docs said to tick the box; the message did not).
def test_the_warning_says_what_to_do_when_no_one_is_shown() -> None:
    [f] = findings_of("portrait.consent", "避難所の地図です。", image_count=1, alt_texts=("避難所の位置を示した地図",))
    assert "人が写っていない場合も" in f.message and "チェック" in f.message


def test_consent_ticked_is_still_silent_for_children() -> None:
    assert not findings_of("portrait.consent", "運動会の様子です。", image_count=1, alt_texts=("玉入れをする園児",),
                           portrait_consent=True)
