"""Session 46 (review): the denial of アイヌ said politely (「アイヌ民族はもう絶滅しました」), people with dementia sent
away as advice (「認知症の人は施設に入れた方がいい」), and a verdict quoted as a false post seen online, as the
法務省's notices on online rights abuses report it (「「アイヌ民族はもう存在しない」という誤った書き込みが見られます」)."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _said(text: str) -> list[str]:
    found = check(text, ctx(platform="x", policy=CITY_POLICY))
    return [text[f.start : f.end] for f in found if f.code == "prohibited.discrimination"]


@pytest.mark.parametrize(
    "text",
    [
        "アイヌ民族はもう絶滅しました。",
        "アイヌはもう滅びました。",
        "アイヌ民族はもう存在していません。",
        "アイヌはもう同化しました。",
        "アイヌ民族はもう残っていません。",
        "認知症の人は施設に入れた方がいい。",
        "認知症の人は施設に入れたほうがいいです。",
    ],
)
def test_a_people_denied_or_sent_away_politely_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "アイヌ語を話せる人は、もう残っていません。",
        "この辺りには、アイヌの集落はもう残っていません。",
        "アイヌ民族は明治以降、日本人に同化しました。",
        "エゾオオカミは明治時代に絶滅しました。",
        "認知症の人は施設に入れた方がいい、という思い込みはありませんか。",
        "施設に入れたほうがいいか迷ったら、地域包括支援センターへ。",
    ],
)
def test_speakers_places_history_and_the_question_stay_silent(text: str) -> None:
    assert _said(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "「アイヌ民族はもう存在しない」という誤った書き込みが見られます。",
        "「アイヌ民族はもういない」という書き込みが見られます。",
        "「沖縄の人は時間にルーズ」という誤った書き込みが見られます。",
        "SNSで「外国人はルールを守らない」との誤った情報が拡散しています。",
    ],
)
def test_a_verdict_reported_as_a_false_post_online_is_silent(text: str) -> None:
    assert _said(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "「外国人はルールを守らない」という書き込みに同感です。",
        "外国人はルールを守らない。誤ったごみの出し方ばかりです。",
    ],
)
def test_a_post_agreed_with_or_an_error_in_the_next_sentence_still_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "女性に管理職は無理、なんて言わせない。女性リーダー研修を開きます。",
        "看護師は女性の仕事、なんて言わせない。男性看護師、募集中です。",
        "男に保育士は無理、などと言わせない。市内の保育園で12人が活躍しています。",
    ],
)
def test_a_role_refused_its_say_is_silent(text: str) -> None:
    assert _said(text) == []


@pytest.mark.parametrize("text", ["女性に管理職は無理、文句は言わせない。", "女性に管理職は無理。文句は言わせない。"])
def test_a_role_said_with_no_say_left_to_others_still_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "精神障害のある人は何をするかわからない。",
        "障害のある人は邪魔です。",
        "在日は通名で犯罪を隠してる。",
        "在日の人は通名を使って犯罪を隠してる。",
    ],
)
def test_a_verdict_on_people_with_a_disability_said_as_人_or_said_casually_fires(text: str) -> None:
    assert _said(text)


@pytest.mark.parametrize(
    "text",
    [
        "障害のある人もない人も、共に暮らせるまちへ。",
        "障害のある人は、手帳を提示すると入館料が無料です。",
        "発達障害のある人は、光や音に敏感なことがあります。会場は照明を暗くしています。",
        "障害のある人はいませんか。避難所で配慮が必要な方はお知らせください。",
        "障害のある人は、ルールを守らないわけではありません。",
    ],
)
def test_people_with_a_disability_named_in_a_notice_stay_silent(text: str) -> None:
    assert _said(text) == []
