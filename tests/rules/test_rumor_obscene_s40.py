"""Session 40 follow-up of prohibited.rumor and prohibited.obscene: the share requests worded 「ぜひ拡散を」「拡散よろしく」
「拡散大歓迎」, a season's disease in the city's voice, and the false alarms of an error that blocks posting (a town's
history, audio-visual teaching material, nursing talk in hiragana, a victim's news), each attacked with the lures that
must still be stopped (tests/rules/conftest.py CITY_POLICY)."""

from __future__ import annotations

import pytest

from bot.rules import check
from bot.rules.text import Document
from bot.rules.wordlists import matcher
from tests.conftest import assert_stays_linear, repeated_to
from tests.rules.conftest import CITY_POLICY, ctx

CODES = ("prohibited.rumor", "prohibited.obscene")


def _codes(text: str) -> list[str]:
    return [f.code for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code in CODES]


# The city asking readers to spread its own notice, in the words a notice ends with: the same as 「拡散お願いします」.
# 「クマが出没しました。ぜひ拡散してください」 was told while 「…拡散してください」 passed: 「ぜひ」 asks no more.
OWN_REQUESTS = [
    "観桜会のお知らせです。ぜひ拡散を！",
    "観桜会のお知らせです。拡散よろしく！",
    "観桜会のお知らせです。拡散よろしくお願いします！",
    "観桜会のお知らせです。拡散大歓迎！",
    "観桜会のお知らせです。拡散歓迎です",
    "観桜会を開催します。拡散をよろしく",
    "ボランティアを募集しています。拡散求む",
    "避難指示が発令されました。拡散を！",
    "避難所を開設しました。ぜひ拡散を",
    "クマが出没しました。ぜひ拡散してください",
    "クマが出没しました。ぜひ拡散を",
    # 「拡散を」 with a verb after it names the spreading, not a request.
    "デマの拡散を防ぐため、公式情報をご確認ください。",
    "不確かな情報の拡散をやめましょう",
    # Nor does 「〜の拡散を！」, a wish for the city's charm to be spread.
    "上越の魅力の拡散を！",
    "みなさんの力で上越の魅力の拡散を！",
    "観桜会をSNSで見た方も、ぜひお越しください。拡散希望",
]


@pytest.mark.parametrize("text", OWN_REQUESTS)
def test_the_city_asking_to_spread_its_own_notice_passes(text: str) -> None:
    assert _codes(text) == [], text


# The same words after what a chain passes on: a [hearsay_topics] claim, an alarming claim, something handed on or
# guessed. These passed before: none of the words was a request.
CHAIN_REQUESTS = [
    ("花火大会中止！ぜひ拡散を！", "拡散を"),
    ("花火大会中止！拡散を！", "拡散を"),
    ("花火大会中止！拡散よろしく", "拡散よろしく"),
    ("花火大会中止！拡散大歓迎", "拡散大歓迎"),
    ("明日は全小中学校が休校です。拡散大歓迎", "拡散大歓迎"),
    ("駅前で通り魔が出ています！ぜひ拡散を", "拡散を"),
    ("駅前で通り魔が出ています！ご注意ください。ぜひ拡散を", "拡散を"),
    ("駅前で通り魔が出ています！拡散よろしく", "拡散よろしく"),
    ("回ってきた情報です。拡散よろしく", "拡散よろしく"),
    ("給付金が一人10万円出ます。ぜひ拡散を！", "拡散を"),
    ("○○で爆発があったみたい。ぜひ拡散を", "拡散を"),
    ("〇〇ダムが決壊しそうです。拡散求む", "拡散求む"),
    ("花火大会中止！\n拡散を！", "拡散を"),
    ("【拡散を】花火大会は中止です", "拡散を"),
]


@pytest.mark.parametrize(("text", "word"), CHAIN_REQUESTS)
def test_a_chain_s_request_is_told_in_any_words(text: str, word: str) -> None:
    found = [f for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code == "prohibited.rumor"]
    assert [text[f.start : f.end] for f in found] == [word], text


# A disease in season, said in the city's own voice with a request to spread it, is a health notice when the post tells
# how to keep from it (手洗い, 予防, 受診…): the rule asks of a share request that what it spreads be unconfirmed (hearsay,
# a guess, something handed on) or alarming, and 「インフルエンザが流行しています。手洗いをしましょう」 is neither. A case
# claimed (「〇〇病院で感染者が出ました」「死者も出ています」), a service changed (休校), or the outbreak passed on
# (「流行ってるって」「流行っているらしい」「流行ってるみたい」「〜とSNSで見ました」) is still told.
def test_a_season_s_disease_in_the_city_s_voice_passes() -> None:
    for text in (
        "インフルエンザが流行しています。手洗いをしましょう。拡散希望",
        "インフルエンザが流行期に入りました。手洗い・うがいで予防しましょう。拡散希望",
        "保健所によると、インフルエンザが流行しています。こまめな換気を心がけましょう。拡散希望",
        "市内でインフルエンザが流行しています。こまめな手洗いをお願いします。拡散お願いします",
        "はしかが流行っています。予防接種を受けましょう。拡散希望",
    ):
        assert _codes(text) == [], text


# The outbreak alone with the request is a chain's whole shape, whatever the disease, the place or the tone: 流行 read
# as an event of the city's (whatever else the paragraph said) let these pass. 「流行っています」 is no 「行っています」
# (the city's own notice, `_OFFICIAL_NOTICE`).
@pytest.mark.parametrize(
    "text",
    [
        "インフルエンザが流行しています。拡散希望",
        "保健所によると、インフルエンザが流行しています。拡散希望",
        "インフルエンザが大流行！拡散希望",
        "インフルエンザ大流行中！拡散希望",
        "新型ウイルスが大流行！マスク必須！拡散希望",
        "新型ウイルスが流行しています！致死率が高いです！拡散希望",
        "新型ウイルスが流行中！外出禁止になります！拡散希望",
        "新型コロナが再び大流行しています。今すぐマスクを！拡散希望",
        "謎の病気が流行しています。拡散希望",
        "水道水が原因で病気が流行しています。拡散希望",
        "〇〇病院でインフルエンザが流行しています。拡散希望",
        "エボラが市内で流行しています。拡散希望",
        "市内で手足口病が流行中。〇〇保育園は閉園です。拡散希望",
        "はしかが流行っています！拡散希望",
        "ノロが流行っております。拡散希望",
    ],
)
def test_an_outbreak_with_no_advice_is_a_chain_s(text: str) -> None:
    assert "prohibited.rumor" in _codes(text), text


@pytest.mark.parametrize(
    "text",
    [
        "インフルエンザが流行しているそうです。拡散希望",
        "〇〇小でノロが流行ってるって！拡散希望",
        "インフルが流行ってるみたい。拡散希望",
        "新型ウイルスが流行中らしい。拡散希望",
        "コロナが流行しています。〇〇病院で感染者が出ました。拡散希望",
        "新型ウイルスが流行しています。明日から全小中学校は休校です。拡散希望",
        "インフルエンザが流行しています。〇〇病院では死者も出ています。拡散希望",
        "インフルエンザが流行しているとのこと。拡散希望",
        "インフルエンザが大流行しているとSNSで見ました。拡散希望",
        "インフルエンザが大流行しているとSNSで見た。拡散希望",
    ],
)
def test_a_disease_passed_on_or_with_a_case_is_told(text: str) -> None:
    assert "prohibited.rumor" in _codes(text), text


# prohibited.obscene is an error: these were blocked. A town's history and redevelopment, audio-visual teaching
# material, nursing talk (also in hiragana for children and parents), and a victim's news or a support post.
NOT_OBSCENE = [
    "ソープランド跡地",
    "ソープランド跡地の再開発について説明会を開催します。",
    "ソープランド跡地の活用について検討します。",
    "かつてソープランドが立ち並んでいた通りも、今は静かな住宅街です。",
    "昔のソープランド街の写真を展示します",
    "AV動画教材",
    "AV動画教材の貸出を行っています。",
    "ままの おっぱい",
    "ままの おっぱい だいすき。",
    "おかあさんの おっぱいを のんで おおきくなったね",
    "おっぱい たいそう",
    "おっぱい たいそうを しましょう。",
    "おっぱい たいそうは どうがで みられます",
    "ままの おっぱい たいそう、どうがで みられます",
    "ママのおっぱい",
    "ママのおっぱいを飲む赤ちゃん",
    "おっぱい体操",
    "おっぱい体操の動画はこちら",
    "風俗嬢への暴力事件が発生しました。",
    "風俗嬢として働かされていた女性を保護しました。",
    "人身取引の被害に遭った風俗嬢の相談窓口はこちら",
    # Masks at a word's first or last letter hide what could be many words (HEX, SET), and placeholders hide more
    # than one letter.
    "●EX",
    "SE●",
    "●EXしよう",
    "SE●しよう",
    "〇〇しよう",
    "●●しよう",
    "S〇〇さん",
    "ま〇こしよう",
    "せ●くすしか",
    "ゆにせ●くすしよう",
]


@pytest.mark.parametrize("text", NOT_OBSCENE)
def test_history_teaching_material_nursing_and_victims_pass(text: str) -> None:
    assert "prohibited.obscene" not in _codes(text), text


# Next to each relaxation, what must still be stopped: an invitation to the place or its women, an offer of pictures,
# a breast asked to be shown beside a nursing word, and a masked word in hiragana going on as a verb (「せ●くすしよう」
# was passed: the hiragana after it read as more of a longer word).
OBSCENE = [
    "ソープランドで遊ぼう",
    "ソープランド跡地で遊ぼう",
    "かつての名店ソープランドで遊ぼう",
    "昔ソープランドで遊んだ思い出",
    "ソープランドおすすめ",
    "風俗嬢",
    "風俗嬢募集",
    "風俗嬢募集！強要なし",
    "人身取引のない安心の店、風俗嬢と遊べます",
    "風俗嬢の画像はこちら",
    "AV見放題",
    "AV動画教材見放題",
    "AV動画を無料で",
    "おっぱい見せて",
    "ママのおっぱい見せて",
    "赤ちゃんのおっぱい見せて",
    "赤ちゃんのおっぱい画像",
    "ママのおっぱい動画",
    "ママのおっぱいの写真はこちら",
    "おっぱい体操の動画を送って",
    "ままの おっぱい みせて",
    "ままの おっぱい どうが",
    "ままの おっぱい どうがで みて",
    "そのままの おっぱい",
    "わがままな おっぱい",
    "おっぱい たいそう しゃしん おくって",
    "S●X",
    "S●X。",
    "「S●X」",
    "S●Xしよう",
    "せ●くす",
    "せ●くすしよう",
    "せ●くすしたい",
    "せっ●すしよう",
    "お●にーしよう",
    "セ●クスしよう",
]


@pytest.mark.parametrize("text", OBSCENE)
def test_lures_next_to_the_relaxations_are_stopped(text: str) -> None:
    assert "prohibited.obscene" in _codes(text), text


# The same words in a lure that also names the history, the support or the nursing the relaxation reads: a place still
# open (「今も営業中」), a woman's pictures or a night with her (被害 in the sentence protects no one), adult video as
# teaching material, and a breast sucked, sold or touched. Each passed after e64035d0 (fired before it).
LURES_WITH_A_SENSE_WORD = [
    "ソープランド跡地で今も営業中",
    "かつてのソープランド街、今も営業中の店あり",
    "昔ながらのソープランドで癒やされませんか",
    "ソープランドの歴史を体験！今すぐ予約",
    "かつて栄えたソープランド、今夜はサービスデー",
    "ソープランド再開発前の最後の営業、お見逃しなく",
    "風俗嬢の相談窓口（写真あり）",
    "被害に遭った風俗嬢の写真を公開します",
    "風俗嬢事件の被害者の写真",
    "風俗嬢と過ごす夜、人身取引なし",
    "AV動画教材（無修正）",
    "AV動画教材 無修正版を貸出中",
    "人妻ママのおっぱい",
    "ママのおっぱい、吸いたい",
    "ママのおっぱいをしゃぶる",
    "ママのおっぱい（無修正）",
    "ママのおっぱいが見られるサイト",
    "ままの おっぱい さわりたい",
    "ままの おっぱい すいたい",
]


@pytest.mark.parametrize("text", LURES_WITH_A_SENSE_WORD)
def test_a_lure_naming_a_history_a_victim_or_nursing_is_stopped(text: str) -> None:
    assert "prohibited.obscene" in _codes(text), text


# What the city writes next to those words stays silent: a building that did business once, a tour by reservation, a
# car park's price, an evening meeting, a park that soothes, a support group's free advice, breast milk praised.
NOT_LURES = [
    "ソープランドとして営業していた建物を解体します",
    "ソープランド跡地の見学会は予約制です",
    "ソープランド跡地に駐車場を整備しました。料金は1時間200円です",
    "今夜、ソープランド跡地の再開発について説明会を開きます",
    "ソープランド跡地は市民の癒やしの公園に生まれ変わりました",
    "人身取引の被害に遭った風俗嬢の支援団体です。相談は無料です",
    "AV動画教材の一覧は図書館のホームページでご覧いただけます",
    "ママのおっぱいは赤ちゃんにとって最高の栄養です",
    "ママのおっぱいを吸う赤ちゃんの力はとても強いです",
    "ままの おっぱい たいそう、いっしょに しようね",
]


@pytest.mark.parametrize("text", NOT_LURES)
def test_the_city_s_words_next_to_the_relaxations_pass(text: str) -> None:
    assert "prohibited.obscene" not in _codes(text), text


def test_a_long_draft_full_of_masks_is_read_quickly() -> None:
    """The masked spellings are one pattern compiled per word list, run once per draft: a 40,000-character draft of
    masks and masked words takes about a tenth of a second after the draft is analysed (a pattern per draft, or a
    search per mask, would take many)."""
    m = matcher("obscene.txt")
    docs: dict[str, Document] = {}
    for shape in ("●", "S●X ", "せ●くすしよう"):
        for n in (10_000, 40_000):
            doc = Document(repeated_to(shape, n))
            assert doc.tokens and doc.token_bounds  # analysed beforehand: Sudachi's time is not the matcher's
            docs[doc.text] = doc
        # As a ratio of CPU times: a time limit failed on a loaded machine (session 41).
        assert_stays_linear(lambda text: m.find_spelled(docs[text]), shape, repeat_fast=True)
