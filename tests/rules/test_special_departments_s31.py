"""Session 31 (h3): posts of departments whose ordinary business quotes the words the rules watch — a
人権啓発 notice naming slurs to oppose them, a media-literacy warning naming 「拡散希望」, a 広報 post after
the press release — beside the close variants that must still fire."""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.rules.misc import embargo
from bot.rules.model import RuleOptions
from bot.rules.prohibited import discrimination, insult, rumor
from bot.rules.text import Document
from tests.rules.conftest import JST, ctx


def _fires(rule: object, text: str, **kw: object) -> bool:
    return bool(list(rule(Document(text), ctx(**kw), RuleOptions())))  # type: ignore[operator]


@pytest.mark.parametrize(
    "text",
    [
        "「ガイジ」「池沼」など、障害のある人を侮辱する言葉がネット上で使われています。こうした言葉は人を深く傷つけます。",
        "「ガイジ」という言葉は、障害のある人を侮辱する言葉です。",
        "「オカマ」という言葉で傷つく人がいます。",
        "「オカマ」という呼び方で傷つく人がいます。",
        "「ホモ」などの呼び方に傷ついている人もいます。",
        # The light attitude named only to be set aside: a question, a denial, called wrong (found by review).
        "「ガイジ」など、障害のある人を侮辱する言葉を、面白いと思って使っていませんか。",
        "「ガイジ」などの侮辱する言葉は、使う人の自由ではありません。",
        "「オカマ」という呼び方で傷つく人がいるなんて、知らなかったという方もいるでしょう。",
        "「ガイジ」など、障害のある人を侮辱する言葉は使っても問題ないと考える人もいますが、誤りです。",
    ],
)
def test_slurs_named_as_insulting_pass(text: str) -> None:
    assert not _fires(discrimination, text)


@pytest.mark.parametrize(
    "text",
    [
        "「オカマ」という言葉で傷つく人はいません。",
        "「ガイジ」は侮辱ではありません。どんどん使いましょう。",
        "「ガイジ」という言葉は侮辱する言葉ではありません。",
        "「ガイジ」などの言葉が使われています。",
        "あいつは「ガイジ」だ、侮辱する言葉だけどね。",
        "「ガイジ」と呼んで侮辱してやろう。",
        # Called hurtful only to make light of it or to call for it (found by review).
        "「ガイジ」など、障害のある人を侮辱する言葉をどんどん使おう。",
        "「ガイジ」「池沼」など、障害のある人を侮辱する言葉を使って何が悪い。",
        "「オカマ」という呼び方で傷つく人がいますが、気にせず使いましょう。",
        "「オカマ」という呼び方で傷つく人がいるなんて笑える。",
        "「ガイジ」など侮辱する言葉が大好きです。",
        # The 「しない」 of 「気にしない」 is the light words' own, no discouragement.
        "「オカマ」という呼び方で傷つく人がいますが、気にしないで使いましょう。",
    ],
)
def test_slurs_used_or_their_insult_denied_fire(text: str) -> None:
    assert _fires(discrimination, text)


@pytest.mark.parametrize(
    "text",
    [
        "【不審者情報】〇〇中学校付近で、男が女子生徒に「殺すぞ」と言って追いかける事案がありました。",
        "【不審者情報】男が「殺すぞ」と言いながら近づいてきたとの情報があります。",
    ],
)
def test_threat_reported_in_a_suspicious_person_notice_passes(text: str) -> None:
    assert not _fires(insult, text)


@pytest.mark.parametrize(
    "text",
    [
        "「殺すぞ」と言って追いかけよう。",
        "「殺すぞ」と言って警察を呼ぼう。",
        "「バカ」と言って不審者を追い払いなさい。",
        "市長に「バカ」と言って帰りました。",
    ],
)
def test_threat_said_or_called_for_fires(text: str) -> None:
    assert _fires(insult, text)


def test_an_insult_said_to_be_no_abuse_fires() -> None:
    assert _fires(insult, "「バカ」は暴言ではありません。どんどん言いましょう。")
    assert not _fires(insult, "「バカ」は暴言ではなく、いじめです。")
    assert not _fires(insult, "「バカ」は暴言ではありません、と言う人もいますが、言われた人は傷つきます。")


@pytest.mark.parametrize(
    "text",
    [
        "SNSで「拡散希望」と書かれた投稿の中には、うその情報も含まれています。確かな情報源を確認してください。",
        "「拡散希望」「至急」などと書かれたチェーンメールは、転送しないでください。",
        "「至急」「拡散希望」などと書かれたチェーンメールは、転送しないでください。",
        "「拡散希望」という投稿を鵜呑みにしないでください。",
        "災害時に「〇〇が壊れたらしい」「〇〇が燃えているらしい」などのうわさを広めないようにしましょう。",
    ],
)
def test_share_request_named_in_a_warning_passes(text: str) -> None:
    assert not _fires(rumor, text)


@pytest.mark.parametrize(
    "text",
    [
        "「拡散希望」と書かれた投稿をどんどんシェアしましょう。",
        "「拡散希望」「至急」などと書かれたメールは、どんどん転送してください。",
        "「拡散希望」と書かれた投稿に注意。給付金が出るらしいです。",
        "【拡散希望】給付金が出るらしいです。",
        "「〇〇が壊れたらしい」といううわさを広めましょう。",
        "「〇〇が壊れたらしい」といううわさがあります。",
    ],
)
def test_share_request_or_rumour_passed_on_fires(text: str) -> None:
    assert _fires(rumor, text)


# The tests' clock: 2025-11-20 (Thu) 10:00 JST.
@pytest.mark.parametrize(
    "text",
    [
        "本日、報道発表しました。令和7年度の市の人口は12万3456人でした。",
        "本日午前10時に報道発表しました「新庁舎建設基本計画」について、詳しくは市ホームページをご覧ください。",
        "【報道発表】給食に異物が混入していた件について、調査結果を公表しました。",
        "11月18日に報道発表した事業の結果について、ホームページでご覧いただけます。",
        "記者発表資料を市ホームページに掲載しました。",
        "先日の記者発表でお知らせしたとおり、市の新しいキャラクターが決まりました。",
    ],
)
def test_release_reported_as_done_passes(text: str) -> None:
    assert not _fires(embargo, text)


@pytest.mark.parametrize(
    "text",
    [
        "本日午前11時に報道発表しました「新庁舎建設基本計画」についてお知らせします。",
        "本日午後2時に報道発表しました。",
        "11月21日に報道発表しました。",
        "報道機関各位：本日の報道発表資料です。",
        "明日の記者発表の内容を先にお知らせします。",
        "発表前の情報です。報道発表しました。",
        "報道発表しましたら、改めてお知らせします。",
        "報道発表の予定ですが、先にお知らせしました。",
        "明日の記者発表でお知らせする内容です。",
    ],
)
def test_release_to_come_or_later_than_the_post_fires(text: str) -> None:
    assert _fires(embargo, text)


def test_release_time_is_read_against_the_scheduled_time() -> None:
    text = "本日午前10時に報道発表しました。"
    assert _fires(embargo, text, scheduled_at=datetime(2025, 11, 20, 9, 0, tzinfo=JST), now=datetime(2025, 11, 20, 8, 0, tzinfo=JST))
    assert not _fires(embargo, text, scheduled_at=datetime(2025, 11, 20, 11, 0, tzinfo=JST))


# Found by review: what still passed after the relaxations above. Posted 2026-12-01 (Tue) 10:00 JST.
_REVIEW_NOW = datetime(2026, 12, 1, 10, 0, tzinfo=JST)


@pytest.mark.parametrize(
    "text",
    [
        # 「注意」 is no warning against the rumour: it passes the rumour on.
        "「ダムが決壊したらしい」とのうわさがあります。十分注意してください。",
        "「明日、水道が止まるらしい」などのうわさがあります。念のため、水をくみ置きするよう注意してください。",
        "「拡散希望」の投稿に注意しつつ、どんどんシェアしましょう。",
        "「ダムが決壊したらしい」とのうわさは、うそではありません。",
        "「拡散希望」と書かれた投稿にはうそもありますが、どんどん転送してください。",
        "「拡散希望」と書かれた投稿は転送しないでと言う人もいますが、シェアしましょう。",
    ],
)
def test_rumour_passed_on_with_a_bare_caution_fires(text: str) -> None:
    assert _fires(rumor, text, now=_REVIEW_NOW)


@pytest.mark.parametrize(
    "text",
    [
        "「拡散希望」と書かれた投稿に注意してください。",
        "「拡散希望」と書かれたチェーンメールを信じないでください。",
        "「ダムが決壊したらしい」とのうわさは根拠のない情報です。",
        "「水道が止まるらしい」などのデマを広めないでください。",
        "「ダムが決壊したらしい」といううわさは事実ではありません。",
    ],
)
def test_rumour_named_to_be_disbelieved_passes(text: str) -> None:
    assert not _fires(rumor, text, now=_REVIEW_NOW)


@pytest.mark.parametrize(
    "text",
    [
        "報道発表資料を掲載しました（解禁日時：12/8 9:00）。",
        "報道発表資料を掲載しました（翌日朝刊解禁）。",
        "報道発表資料を掲載しました。解禁は12月8日です。",
        "プレスリリースを公開しました。解禁：8日14時",
        "報道発表に先立ち、概要をお知らせしました。",
        "次回の記者発表で公表される新施設の名前をお知らせしました。",
        # A later date or time anywhere in the post, in any of its shapes.
        "報道発表資料を掲載しました。報道は12/8以降でお願いします。",
        "報道発表資料を掲載しました。報道は８日以降でお願いします。",
        "報道発表資料を掲載しました。本日15:00まで報道はお控えください。",
        "報道発表資料を掲載しました。報道は2026/12/02からです。",
        "11月30日に報道発表しました。本日午後3時に公開します。",
    ],
)
def test_release_done_but_still_embargoed_fires(text: str) -> None:
    assert _fires(embargo, text, now=_REVIEW_NOW)


@pytest.mark.parametrize(
    "text",
    [
        "報道発表資料を掲載しました。",
        "報道発表資料を掲載しました。アユ釣りが解禁されました。",
        "11月30日午後3時に報道発表しました。",
        "11/30 15:00に報道発表した事業の結果をお知らせします。",
        "本日午前9時30分に報道発表しました。詳しくは市ホームページをご覧ください。",
        "記者発表資料を掲載しました。毎月第3日曜日は家庭の日です。",
        "報道発表資料は本日解禁されました。",
    ],
)
def test_release_done_with_only_past_dates_passes(text: str) -> None:
    assert not _fires(embargo, text, now=_REVIEW_NOW)


def test_a_later_day_alone_fires_and_an_earlier_one_does_not() -> None:
    assert _fires(embargo, "報道発表しました。説明会は2日に開きます。", now=_REVIEW_NOW)
    assert not _fires(embargo, "報道発表しました。説明会は1日に開きました。", now=_REVIEW_NOW)


@pytest.mark.parametrize(
    "text",
    [
        "男が「殺すぞ」と言いながら近づいてきたと、警察に通報がありました。",
        "下校中の児童が、男に「殺すぞ」と言いながら追いかけられる被害がありました。",
        "男が「殺すぞ」と言いながら刃物を見せる事件が発生し、警察が捜査しています。",
    ],
)
def test_threat_reported_with_the_incident_as_the_subject_passes(text: str) -> None:
    assert not _fires(insult, text)


@pytest.mark.parametrize(
    "text",
    [
        "市長に「死ね」と言いながら被害を訴える住民は最低だ。",
        "「死ね」と言いながら警察の悪口を言う人がいます。",
    ],
)
def test_harm_or_police_merely_mentioned_beside_an_insult_fires(text: str) -> None:
    assert _fires(insult, text)
