"""Session 30 (h10): three misses of prohibited.* that use no listed word, with the close variants staff
would write, beside the ordinary posts nearest to them, which must stay silent.

- A group put in a corner or a room apart, as the plan (「障害者は避難所の隅にいてもらいます」).
- A group to be kept away from, for a reason (「精神障害者は危ないので近づかないように」).
- A vote asked again right after a named politician or party is thanked (「…のおかげで道路が直りました。次も投票しましょう」).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pytest

from bot.rules.model import RuleOptions
from bot.rules.prohibited import _set_apart, _shunned, _vote_again
from bot.rules.text import Document
from tests.conftest import assert_stays_linear, repeated_to
from tests.rules.conftest import codes, findings_of

DISCRIMINATION = "prohibited.discrimination"
POLITICAL = "prohibited.political"


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # Set apart: a corner, an edge or a room apart, right after the group as the topic.
        ("障害者は避難所の隅にいてもらいます", DISCRIMINATION),
        ("障害者の方は、体育館の端に集めます。", DISCRIMINATION),
        ("障害のある方は避難所の片隅に入っていただきます", DISCRIMINATION),
        ("車いすの方は別室に分けます", DISCRIMINATION),
        ("障害のある方は隅に入れます", DISCRIMINATION),
        ("外国人は別室にいてもらいましょう", DISCRIMINATION),
        ("高齢者は体育館の隅っこにいてもらいます", DISCRIMINATION),
        # Shunned: a reason, and the advice to keep away with no other place or thing named.
        ("精神障害者は危ないので近づかないように", DISCRIMINATION),
        ("精神障害者は危ないので近づかないで", DISCRIMINATION),
        ("知的障害者は何をするかわからないので関わらないほうがいい", DISCRIMINATION),
        ("外国人は言葉が通じないから関わらないようにしましょう", DISCRIMINATION),
        ("障がい者って怖いから、絶対に近寄らないでください。", DISCRIMINATION),
        # A danger in another paragraph is another post's matter.
        ("精神障害者は危ないので近づかないように。\n\n川の清掃活動を行いました。", DISCRIMINATION),
        # Voted for again after the thanks.
        ("自民党の山田議員のおかげで道路が直りました。次も投票しましょう", POLITICAL),
        ("山田議員のおかげで道路が直りました。次も投票しましょう！", POLITICAL),
        ("自民党のおかげで道路が直りました。また一票を入れましょう", POLITICAL),
        ("中川市長の尽力で新しい図書館ができました。\n次回も、ぜひ投票してください。", POLITICAL),
        # The one thanked holds an office, a party is named (a placeholder too), or the election is spoken of.
        ("鈴木町議の尽力で道路が直りました。次回も投票をお願いします", POLITICAL),
        ("田中候補の頑張りで道路が直りました。次も投票しましょう", POLITICAL),
        ("〇〇党のおかげで給付金が出ました。次も投票しましょう", POLITICAL),
        ("〇〇党の田中さんのおかげで道路が直りました。次も投票しましょう", POLITICAL),
        ("△△会派の山田さんの尽力です。次も投票してください", POLITICAL),
        ("田中さんのおかげで道路が直りました。次の選挙でも一票をお願いします", POLITICAL),
        ("中川市長のおかげで道路が直りました。次の選挙でも一票をお願いします", POLITICAL),
        # A former or sitting office, one in brackets after the name, or one before it (found by review).
        ("山田前議員のおかげで道路が直りました。次も投票しましょう。", POLITICAL),
        ("中川現市長のおかげで橋が完成しました。次も投票しましょう。", POLITICAL),
        ("山田さん（市議会議員）のおかげで道路が直りました。次も投票しましょう。", POLITICAL),
        ("市議会議員の山田さんのおかげで道路が直りました。次も投票しましょう。", POLITICAL),
    ],
)
def test_statements_without_a_listed_word_fire(text: str, code: str) -> None:
    assert code in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Places and seats offered, not assigned.
        "障害のある方は福祉避難スペースをご利用いただけます",
        "車いすの方は入口近くの席へどうぞ",
        "ペット連れの方は別室をご利用ください",
        "障害のある方は、ご希望に応じて別室にいていただきます",
        "障害のある方は、静かな別室にいていただけます",
        "発達障害のあるお子さんは、落ち着ける別室にいてもらうこともできます",
        "車いすの方は別室に入れます",  # may go in
        "障害者は隅にいてもらうことはありません",
        "障害者用スペースは体育館の隅にあります",
        "女性は別室に入っていただきます",  # a separation by sex, for privacy
        "受験の際、障害のある方は別室で受験できます",
        "感染症の症状がある方は、別室にいていただきます",
        # The welfare shelter and its rooms are the place made for them (found by review).
        "障害のある方は、福祉避難所の別室にいていただきます",
        "障害のある方は、段差の少ない1階の奥の部屋に入っていただきます",
        "高齢者や障害のある方など要配慮者の方は、別室に入っていただきます",
        # Kept from harm, or kept from something else.
        "子どもは危ないので川に近づかないように",
        "高齢者は危ないので雪下ろしは業者に",
        "高齢者は危ないので近づかないように",
        "障害者は危ないので川に近づかないように",
        "除雪作業中です。障害のある方は危ないので近づかないでください",
        "障害者は危ないので近づかないでください。工事中です。",
        # The danger is a thing told before, which the list of hazards lacked (found by review).
        "強風で看板が倒れかけています。障害のある方は危ないので近づかないでください。",
        "校舎の窓ガラスが割れています。障害のある方は危ないので近づかないでください。",
        "老朽化した空き家が倒壊するおそれがあります。障害のある方は危ないので近づかないでください。",
        "ブロック塀が崩れています。外国人の方は危ないので近づかないでください。",
        "【クマ出没】〇〇地区でクマが目撃されました。\n外国人観光客の方は、危ないので近づかないでください。",
        "精神障害者は危ないので近づかないという偏見をなくしましょう",
        "「精神障害者は危ないので近づかないように」という声がありますが、それは偏見です。",
        "認知症の方は驚きやすいので、後ろから近づかないようにしましょう",
        # Turnout, contests, and thanks with no vote asked.
        "市議会議員が視察に来ました。次の選挙も投票に行きましょう",
        "自民党の山田議員のおかげで道路が直りました。次の選挙も投票に行きましょう",
        "ゆるキャラグランプリで「レンコン」のおかげで1位になりました。次も投票しましょう",
        "市民の皆さんのおかげで花火大会が成功しました。次も投票しましょう",
        "山田議員と鈴木議員のおかげで道路が直りました。次も投票しましょう",
        "山田議員のおかげで道路が直りました。\n\n次も投票しましょう",
        "中川市長のおかげで期日前投票所が増えました。次も投票しましょう",
        "山田さんのおかげで道路が直りました。",
        # Anyone thanked for a flower bed or a photo, with no office, party or election (found by review).
        "田中さんの尽力で花壇が完成しました。次回も投票をお願いします。",
        "山田さんの写真が素晴らしい！次も投票してください。",
        "山田さんの尽力で道路が直りました。次も投票しましょう",
        "市長賞の山田さんの写真が素晴らしい！次も投票してください。",
        "山田さん（写真部）の写真が素晴らしい！次も投票してください。",
        "市長と山田さんの尽力で花壇が完成しました。次回も投票をお願いします。",
        # Voting at the next election, asked after a mayor is thanked: a turnout call that names no one to
        # vote for; the vote itself asked for (「一票をお願いします」) is not one.
        "中川市長のおかげで道路が直りました。次の選挙でも投票しましょう",
        "中川市長のおかげで道路が直りました。次の選挙も投票してください。",
    ],
)
def test_ordinary_posts_near_them_stay_silent(text: str) -> None:
    assert not {c for c in codes(text) if c in (DISCRIMINATION, POLITICAL)}


def test_a_segregation_finding_says_how_to_offer_the_place_instead() -> None:
    (f,) = findings_of(DISCRIMINATION, "障害者は避難所の隅にいてもらいます")
    assert "「障害者」" in f.message and "ご希望の方は" in f.message


def test_a_vote_again_finding_names_the_one_thanked() -> None:
    (f,) = findings_of(POLITICAL, "自民党の山田議員のおかげで道路が直りました。次も投票しましょう")
    assert "「山田」" in f.message


@pytest.mark.parametrize(
    ("shape", "scan"),
    [
        ("障害者は避難所の隅に", _set_apart),
        ("障害者は避難所の隅にいてもらいます", _set_apart),
        ("障害者は別室に入れます。", _set_apart),
        ("精神障害者は危ないので", _shunned),
        ("精神障害者は危ないので近づかないように。", _shunned),
        ("精神障害者は危ないので危ないので", _shunned),
        ("山田議員のおかげです。次も", lambda doc: _vote_again(doc, RuleOptions())),
        ("自民党のおかげ。次も投票しましょう。", lambda doc: _vote_again(doc, RuleOptions())),
        ("〇〇党の田中さんのおかげ。次も投票しましょう。", lambda doc: _vote_again(doc, RuleOptions())),
        ("市議会議員の山田さん（（前議員のおかげ。次も投票しましょう。", lambda doc: _vote_again(doc, RuleOptions())),
    ],
)
def test_long_repeated_shapes_stay_linear(shape: str, scan: Callable[[Document], Iterable[object]]) -> None:
    # The documents are analysed and scanned once beforehand, so that neither the analyser nor what a first
    # scan caches is timed; the scan alone returns in microseconds, so it is repeated until it takes some.
    docs: dict[str, Document] = {}
    for n in (10_000, 40_000):
        text = repeated_to(shape, n)
        docs[text] = Document(text)
        list(scan(docs[text]))
    assert_stays_linear(lambda t: list(scan(docs[t])), shape, repeat_fast=True)
