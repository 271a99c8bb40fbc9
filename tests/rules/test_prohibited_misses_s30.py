"""Session 30 (h3): misses of prohibited.* pinned in test_bad_drafts_s28, with the close variants staff
would write, beside the legitimate posts nearest to them, which must stay silent."""

from __future__ import annotations

import pytest

from bot.rules.model import RuleOptions
from bot.rules.prohibited import discrimination, rumor
from bot.rules.text import Document
from tests.conftest import assert_stays_linear
from tests.rules.conftest import codes, ctx, findings_of


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # The katakana spelling of 支那 in a compound.
        ("シナ料理の店が駅前にオープン！", "prohibited.discrimination"),
        ("本格しな料理が味わえます", "prohibited.discrimination"),
        ("シナ語の通訳ボランティアを募集します", "prohibited.discrimination"),
        # A share request next to a safety topic, but what is shared is the writer's guess.
        ("【拡散希望】給水所で水がもうないみたいです", "prohibited.rumor"),
        ("【拡散希望】\n給水所で水がもうないみたいです", "prohibited.rumor"),
        ("【拡散希望】〇〇地区で停電してるみたいです", "prohibited.rumor"),
        ("断水してるみたいです。拡散お願いします", "prohibited.rumor"),
        ("【拡散希望】〇〇地区に避難指示が発令されたみたい。", "prohibited.rumor"),
        ("RT希望 給水所の水がなくなったみたい", "prohibited.rumor"),
        # A party asked for in an election, with お願い/よろしく instead of 投票.
        ("次の選挙は共産党にお願いします", "prohibited.political"),
        ("比例は自民党へよろしく！", "prohibited.political"),
        ("次の市議選も、ぜひ立憲民主党にお願いします。", "prohibited.political"),
        ("投票は　れいわ新選組に　お願いします", "prohibited.political"),
    ],
)
def test_misses_of_session_28_fire(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "南シナ海で台風が発生しました。今後の情報にご注意ください。",
        "東シナ海でとれた魚を使った料理教室を開きます",
        "インドシナ料理の店がオープンしました",
        "シナリオライター講座の参加者を募集します",
        "シナモンロールづくり体験",
        "【拡散希望】避難所を開設しました",
        "【拡散希望】給水所を開設しました。ぜひ行ってみてください",
        "【拡散希望】給水所を開設しました。一度行ってみたいという方もどうぞ",
        "【拡散希望】給水車が到着しました。水を飲んでみたい方はお越しください",
        "【拡散希望】避難指示が発令されました。夢みたいな話ではありません。すぐに避難してください",
        "断水のお知らせです。〇〇地区で午後1時から断水します。拡散お願いします",
        "選挙ポスターの撤去を自民党にお願いしました",
        "選挙ポスターの撤去は自民党にお願いしました",
        "投票は選挙管理委員会にお願いします",
        "期日前投票は市役所でお願いします",
        "次の選挙は投票所の場所が変わります。入場券をご確認ください",
    ],
)
def test_legitimate_posts_near_them_are_silent(text: str) -> None:
    assert not [c for c in codes(text) if c.startswith("prohibited.")]


@pytest.mark.parametrize("shape", ["クマ拡散希望 ", "クマ出没。拡散希望 "])
def test_many_share_requests_in_one_safety_paragraph_stay_linear(shape: str) -> None:
    # Each request looked for a guess (「…みたいです」) over its whole sentence or paragraph again:
    # 40,000 characters of 「クマ拡散希望 」 took 3.3 s against 0.3 s before that look was added.
    from tests.conftest import assert_stays_linear

    assert_stays_linear(codes, shape)


# 拡散希望 on the city's own notice, in its own voice (found by review): a notice asked to be shared, as
# a safety topic's is. A guess or a hearsay word in what is shared still makes the request a rumour's.
@pytest.mark.parametrize(
    "text",
    [
        "【拡散希望】本日10時から〇〇小学校で給水を行います",
        "【拡散希望】〇〇公民館で給水を実施します",
        "【拡散希望】本日から〇〇体育館を臨時の休憩所として開放しています",
        "【拡散希望】本日から給付金の受付を開始します",
        "【拡散希望】明日の花火大会は予定どおり開催します",
        "本日10時から〇〇小学校で給水を行います。拡散希望",
        "【お知らせ】拡散希望\n本日10時から〇〇小学校で給水を行います。",
        "【拡散希望】ごみ収集日の変更をお知らせします",
        # 行っています・行っております are the city's voice too (found by review).
        "【拡散希望】本日も〇〇公民館で炊き出しを行っております。どなたでもお越しください。",
        "【拡散希望】〇〇公民館で炊き出しを行っています",
    ],
)
def test_a_share_request_on_an_official_notice_is_silent(text: str) -> None:
    assert "prohibited.rumor" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "【拡散希望】本日10時から給水を行うみたいです",
        "【拡散希望】本日10時から給水を行いますが、水がもうないみたいです",
        "本日10時から給水を行います。水がもうないみたいです。拡散希望",
        "【拡散希望】給付金の受付を開始しますとの噂です",
        "未確認ですが、本日10時から給水を行います。拡散希望",
        "【拡散希望】来週から給付金が出ます",  # no act of the city's
        "【拡散希望】給水を行うそうです",
        # Someone else's notice, passed on in quotes, or one marked as unconfirmed (found by review).
        "【拡散希望】明日〇〇公園で炊き出しを行いますとのことです",
        "【拡散希望】明日〇〇公園で炊き出しを行いますって",
        "【拡散希望】明日〇〇公園で炊き出しを行いますと友人から聞きました",
        "【拡散希望】明日〇〇公園で炊き出しを実施しますとの情報があります",
        "【拡散希望】〇〇公園で炊き出しを実施します（未確認）",
        "【拡散希望】〇〇公園で炊き出しを実施します（噂）",
    ],
)
def test_a_share_request_of_a_guess_still_fires(text: str) -> None:
    found = findings_of("prohibited.rumor", text)
    assert any("拡散" in f.message for f in found), found


def test_official_notices_asked_to_be_shared_stay_linear() -> None:
    # Each request reads its sentence and paragraph for an official notice once; the documents are analysed
    # and scanned once beforehand, so that only the rule's reading is timed.
    shape = "給水を行います。拡散希望\n\n【拡散希望】給水を行うらしいです。拡散希望 開設しました 拡散希望 行いますと 噂 行っています "
    docs: dict[str, Document] = {}
    for n in (10_000, 40_000):
        text = (shape * (n // len(shape) + 1))[:n]
        docs[text] = Document(text)
        list(rumor(docs[text], ctx(), RuleOptions()))
    assert_stays_linear(lambda t: [list(rumor(docs[t], ctx(), RuleOptions())) for _ in range(3)], shape)


def test_many_repudiated_quotes_in_one_sentence_stay_linear() -> None:
    # Each quoted exclusion looked for a repudiation or a call to rethink it from its quote to the end of the
    # sentence: with none there, each look scanned the whole rest again (20,000 characters: 4,500 searches,
    # 1.1 s). The documents are analysed and read once beforehand, so that only the rule's reading is timed.
    shape = "「外国人は出ていけ」との発言は不適切"
    assert not list(discrimination(Document(shape * 3), ctx(), RuleOptions()))
    docs: dict[str, Document] = {}
    for n in (10_000, 40_000):
        text = (shape * (n // len(shape) + 1))[:n]
        docs[text] = Document(text)
        list(discrimination(docs[text], ctx(), RuleOptions()))
    assert_stays_linear(lambda t: list(discrimination(docs[t], ctx(), RuleOptions())), shape)


@pytest.mark.parametrize(
    "text",
    [
        "お問い合わせは危機管理課 025-526-5111 までお願いします。燃やせるごみは収集日の朝8時30分までに集積所へ出してください。",
        "12月5日（土）に市民会館で人権講演会を開催します。どなたでも参加できます。",
        "「雪下ろしは二人以上で」を合言葉に、安全に作業してください。",
    ],
)
def test_a_draft_passing_no_statement_on_is_not_analysed_for_its_answers(text: str) -> None:
    # The discrimination rule looked for answers to a statement passed on last (「…」という声) before it
    # looked whether the last sentence passes one on: every draft paid the morphological analyser, which
    # doubled the check of a plain 1,000-character notice (SPEC §7: under 5 ms; benchmarks/rules.py).
    from bot.rules.prohibited import discrimination

    doc = Document(text)
    list(discrimination(doc, ctx(), RuleOptions()))
    assert "tokens" not in doc.__dict__
