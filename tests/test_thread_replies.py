"""Which thread replies read as a draft written again (bot.services.reads_as_revision), pure."""

from __future__ import annotations

import pytest

from bot.services import reads_as_decision, reads_as_revision

DRAFT = "詳しくは担当の携帯 090-1234-5678 まで。11月28日（土）に高田城址公園で紅葉ライトアップを行います。"


@pytest.mark.parametrize("reply", [
    "詳しくは広報対話課（025-526-5111）まで。11月28日（土）に高田城址公園で紅葉ライトアップを行います。",
    "11月28日（土）に高田城址公園で紅葉ライトアップを行います。詳しくは広報対話課まで。",
    DRAFT,  # pasted again unchanged
])
def test_the_draft_written_again_is_a_revision(reply: str) -> None:
    assert reads_as_revision(reply, DRAFT)


@pytest.mark.parametrize("reply", [
    "すみません、修正します",
    "携帯番号は載せられないので、課の代表番号に直してから出し直します。少々お待ちください。",
    "紅葉ライトアップの写真も添付したほうがよいでしょうか？ご意見をお願いします。",
    DRAFT * 3,  # something much longer is not this draft again
    "",
])
def test_conversation_about_the_draft_is_not(reply: str) -> None:
    assert not reads_as_revision(reply, DRAFT)


def test_long_texts_are_compared_without_quadratic_cost() -> None:
    long = "あいうえお" * 8_000  # 40,000 characters, Slack's limit
    assert reads_as_revision(long, long) and not reads_as_revision(long, "かきくけこ" * 8_000)


@pytest.mark.parametrize(("event", "reply"), [
    ({"user": "U1", "ts": "2.0", "thread_ts": "1.0", "text": "直しました"}, True),
    ({"user": "U1", "ts": "2.0", "thread_ts": "1.0", "text": "直しました", "subtype": "thread_broadcast"}, True),
    ({"user": "U1", "ts": "2.0", "thread_ts": "1.0", "text": "直しました", "subtype": "file_share"}, True),
    ({"user": "U1", "ts": "1.0", "thread_ts": "1.0", "text": "親メッセージ"}, False),  # the thread's parent
    ({"user": "U1", "ts": "2.0", "text": "チャンネルへの投稿"}, False),
    ({"user": "U1", "ts": "2.0", "thread_ts": "1.0", "text": "ボット", "bot_id": "B1"}, False),
    ({"user": "U1", "ts": "2.0", "thread_ts": "1.0", "text": "  "}, False),
    ({"user": "U1", "ts": "2.0", "thread_ts": "1.0", "text": "参加しました", "subtype": "channel_join"}, False),
    ({"ts": "2.0", "thread_ts": "1.0", "text": "誰か"}, False),
    ({"user": "U1", "ts": "2.0", "thread_ts": 1.0, "text": "型が違う"}, False),
])
def test_which_events_are_thread_replies(event: dict[str, object], reply: bool) -> None:
    from handlers.intake import is_thread_reply

    assert is_thread_reply(event) is reply


@pytest.mark.parametrize(("key", "draft"), [
    ("draft:12:root", 12), ("draft:12:dm:U0MANAGER", None), ("draft::root", None), ("home:U0X", None),
    ("draft:x1:root", None), ("draft:12:root:extra", None),
])
def test_the_draft_of_a_thread_parent_key(key: str, draft: int | None) -> None:
    from bot.notifications import draft_of_root, root_key

    assert draft_of_root(key) == draft
    assert draft_of_root(root_key(7)) == 7


@pytest.mark.parametrize("reply", ["承認します", "確認しました。承認します。", "ＯＫです", "OK", "オッケーです！",
                                   "OKです、公開してください", "OKです。ありがとうございます。投稿お願いします",
                                   "了承しました", "日付が違うので差し戻します", "承認します、ありがとうございます",
                                   # an approver's OK to the author's 「修正しました」: the approval of the fix
                                   "OKです、ありがとうございます", "修正ありがとうございます。OKです",
                                   "ＯＫです！ありがとうございました。", "OKです、ありがとうございます。このままで大丈夫です"])
def test_a_decision_written_out_reads_as_one(reply: str) -> None:
    """The author reads 「OKです、ありがとうございます」 in the thread as the 決裁, and so does the
    approver who wrote it: without the note, the draft waited for reminders."""
    assert reads_as_decision(reply)


@pytest.mark.parametrize("reply", ["写真はOKですか？", "本人の了承が取れているなら問題ありません",
                                   "部長の承認が必要です", "参考: https://example.com/ok/"])
def test_a_question_or_a_remark_does_not(reply: str) -> None:
    assert not reads_as_decision(reply)
