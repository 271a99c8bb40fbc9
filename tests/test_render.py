"""What an approver is shown: the whole draft, within Slack's block limits."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot import incidents as inc
from bot import render
from bot.render import (
    MESSAGE_TEXT_BUDGET,
    SECTION_LIMIT,
    DecisionView,
    DraftView,
    approval_request,
    draft_blocks,
    text_size,
)
from bot.rules import Finding
from bot.sandbox.blockkit import view_errors
from handlers.slack_text import unescape
from tests.conftest import assert_stays_linear


def view(text: str, **kw: Any) -> DraftView:
    return DraftView(id=1, version=1, account_name="上越市公式LINE", platform="line", author_id="U1",
                     author_name="高田 太郎", text=text, scheduled_at=None, **kw)


def sections(msg: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in msg["blocks"] if b["type"] == "section"]


def draft_texts(blocks: list[dict[str, Any]]) -> list[str]:
    """The draft's sections: plain text, shown as it is (no mrkdwn, no emoji drawn from codes)."""
    texts = [b["text"] for b in blocks if b["type"] == "section" and b["text"]["type"] == "plain_text"]
    assert all(t.get("emoji") is False for t in texts)
    return [t["text"] for t in texts]


def pieces_of(text: str, blocks: list[dict[str, Any]]) -> int:
    """Checks that the draft's sections are ``text`` itself, cut in order with nothing between the
    pieces but line breaks (or a stretch of nothing but spaces, which shows nothing); returns
    where the last piece ends."""
    pos = 0
    for piece in draft_texts(blocks):
        at = text.find(piece, pos)
        assert at >= 0 and not text[pos:at].strip(), (pos, piece[:40])
        pos = at + len(piece)
    return pos


def shown(blocks: list[dict[str, Any]]) -> str:
    """The draft as its sections show it, line breaks aside."""
    return "".join(draft_texts(blocks)).replace("\n", "")


def within_limits(msg: dict[str, Any]) -> None:
    assert len(msg["blocks"]) <= 50
    assert all(len(t) <= SECTION_LIMIT for t in sections(msg))
    assert text_size(msg["blocks"]) <= MESSAGE_TEXT_BUDGET  # Slack: msg_blocks_too_long above ~12,000


def test_a_long_draft_is_shown_whole_over_several_sections() -> None:
    text = "\n".join(f"{i}行目：市民の皆さまへのお知らせです。" * 5 for i in range(50))  # LINE: 5,000 at most
    msg = approval_request(view(text))
    within_limits(msg)
    assert shown(draft_blocks(text, budget=MESSAGE_TEXT_BUDGET)) == text.replace("\n", "")
    assert shown(msg["blocks"]) == text.replace("\n", "")
    assert "先頭" not in str(msg)


def test_the_draft_is_shown_as_typed_not_escaped_and_within_a_sections_limit() -> None:
    text = "子ども&保護者<親子>" * 400 + "\n" + "&" * 1000  # a line longer than a section
    blocks = draft_blocks(text, budget=MESSAGE_TEXT_BUDGET)
    assert all(len(t) <= SECTION_LIMIT for t in draft_texts(blocks))
    assert pieces_of(text, blocks) == len(text)
    assert "&amp;" not in str(blocks) and "&lt;" not in str(blocks)


def test_a_draft_too_long_for_one_message_says_how_much_is_shown_and_where_the_rest_is() -> None:
    text = "あ" * 63_206  # Facebook's limit
    msg = approval_request(view(text))
    within_limits(msg)
    notice = [b for b in msg["blocks"] if b["type"] == "context"][-1]["elements"][0]["text"]
    assert "全 63,206 文字のうち先頭" in notice and "受付チャンネルの元のメッセージ" in notice


def test_the_note_and_alt_texts_reach_the_approver_in_full() -> None:
    note = "撮影は保護者の同意を得ています & 顔が分かる写真は使っていません。" * 60
    alts = ["桜の下で記念撮影をする新入生たち" * 30]
    msg = approval_request(view("本文です。", note=note, image_count=1, alt_texts=alts))
    within_limits(msg)
    body = unescape("".join(sections(msg)))
    assert note in body.replace("\n", "") and alts[0] in body


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("あ&<>\n a漢😀"), max_size=15000))
def test_any_draft_fits_and_is_shown_in_order(text: str) -> None:
    blocks = draft_blocks(text, budget=MESSAGE_TEXT_BUDGET)
    assert all(0 < len(b["text"]["text"]) <= SECTION_LIMIT and b["text"]["text"].strip() for b in blocks)
    assert text_size(blocks) <= MESSAGE_TEXT_BUDGET
    end = pieces_of(text, blocks)
    if blocks and blocks[-1]["type"] == "context":  # cut: what is shown is the beginning, and says so
        assert f"先頭 {end:,} 文字" in blocks[-1]["elements"][0]["text"] or not text[end:].strip()
    else:
        assert not text[end:].strip()


def test_adversarial_fields_and_findings_still_fit_one_message() -> None:
    """Alt texts and a note written to defeat escaping (all &) used to push the DM past Slack's
    limit, so the request never arrived; the findings reply likewise for long & URLs."""
    from bot.render import findings_reply
    from bot.rules import Finding

    msg = approval_request(view("本文です。", note="&" * 2000, image_count=3, alt_texts=["<" * 1000] * 3))
    within_limits(msg)
    assert "｜" + "&" * 2000 in draft_texts(msg["blocks"])  # plain text now: shown whole, not escaped
    # A note of a thousand short lines takes a row and a mark each: over the fields' budget with
    # the alt texts, it is cut, saying so, and the draft keeps its room.
    msg = approval_request(view("本文です。", note="&\n" * 1000, image_count=3, alt_texts=["<" * 1000] * 3))
    within_limits(msg)
    assert "_（メモ・代替テキストが長いため、一部を省略しました）_" in sections(msg)
    assert draft_texts(msg["blocks"])[-1] == "本文です。"
    findings = [Finding(code="link.untrusted", severity="warning", message="外部のリンクです。" + "&" * 300,
                        start=0, end=1, excerpt="&" * 200, clause="上越市 6(1)②", suggestion=None)] * 40
    reply = findings_reply(view("本文です。", findings=findings), blocking=False)
    within_limits(reply)
    listed = [t for t in sections(reply) if "*link.untrusted*" in t]
    notes = [b["elements"][0]["text"] for b in reply["blocks"] if b["type"] == "context"]
    assert notes == [f"ほか {40 - len(listed)} 件の指摘は、この返信には載せきれないため省略しました。"
                     "同じ文面を `kessai check` で確認すると全件を見られます。"]


@pytest.mark.parametrize("count", [21, 60])
def test_findings_left_out_of_the_reply_are_counted_once(count: int) -> None:
    """Past 20 findings the reply said 「ほか 40 件の指摘があります。」 and, counting that line as a
    finding shown, 「ほか 39 件の指摘は、長いため省略しました」 under it: two counts, one of them wrong."""
    from bot.render import findings_reply
    from bot.rules import Finding

    finding = Finding(code="words.caution", severity="warning", message="注意が必要な表現です。", start=0, end=1,
                      excerpt="高田城址公園", clause="上越市 5(2)")
    reply = findings_reply(view("本文です。", findings=[finding] * count), blocking=True)
    within_limits(reply)
    listed = [t for t in sections(reply) if "*words.caution*" in t]
    assert len(listed) == render.FINDINGS_DISPLAY_LIMIT
    said = [t for t in [*sections(reply), *(b["elements"][0]["text"] for b in reply["blocks"] if b["type"] == "context")]
            if "ほか" in t]
    assert said == [f"ほか {count - 20} 件の指摘は、この返信には載せきれないため省略しました。"
                    "同じ文面を `kessai check` で確認すると全件を見られます。"]
    assert reply["blocks"][-1]["type"] == "actions"  # the override stays offered


@pytest.mark.parametrize(("d", "day", "expected"), [
    (timedelta(seconds=20), None, "1分未満"),
    (timedelta(minutes=45), None, "45分"),
    (timedelta(minutes=60), None, "1時間"),
    (timedelta(minutes=90, seconds=59), None, "1時間30分"),
    (timedelta(minutes=1560), None, "26時間"),
    (timedelta(hours=47, minutes=59), None, "47時間59分"),
    (timedelta(hours=48), None, "2日"),
    (timedelta(days=3, hours=5, minutes=10), None, "3日と5時間"),
    # Business time: a day is one working day (08:30-17:15 is 8h45m).
    (timedelta(hours=8, minutes=45), timedelta(hours=8, minutes=45), "1日"),
    (timedelta(hours=10, minutes=45), timedelta(hours=8, minutes=45), "1日と2時間"),
    (timedelta(hours=11, minutes=15), timedelta(hours=8, minutes=45), "1日と2時間30分"),
    (timedelta(hours=2), timedelta(hours=8, minutes=45), "2時間"),
])
def test_durations_read_as_people_say_them(d: timedelta, day: timedelta | None, expected: str) -> None:
    assert render.fmt_duration(d, day=day) == expected


def test_a_finding_whose_excerpt_spans_lines_is_quoted_on_every_line() -> None:
    from bot.rules import CheckContext, check
    from tests.rules.conftest import NOW

    text = "鍵です\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1234abcdEFGH\n-----END RSA PRIVATE KEY-----"
    [f] = [f for f in check(text, CheckContext(now=NOW)) if f.code == "confidential.secret"]
    [line] = render.finding_lines([f])
    quoted = [part for part in line.split("\n") if part.startswith(">")]
    assert len(quoted) == 2 and quoted[0] == ">-----BEGIN RSA PRIVATE KEY-----" and quoted[1].startswith(">M＊")
    assert "MIIEpAIBAAKCAQEA1234abcdEFGH" not in line
    assert all(part.startswith((">", ":", "_")) for part in line.split("\n")[1:])


@pytest.mark.parametrize(
    ("text", "length"),
    [
        ("差戻し理由", 5),
        (" \u3000\n\t", 0),
        ("\u200b\u200c\u200d\u2060\ufeff", 0),  # zero-width and format characters
        ("\u3164\u115f\u1160\uffa0\u2800", 0),  # letters and the braille pattern drawn blank
        ("確認\u200bして", 4),
        ("\x00\x07", 0),
        ("😀", 1),
    ],
)
def test_visible_length_counts_what_a_reader_sees(text: str, length: int) -> None:
    assert render.visible_length(text) == length


def test_a_reject_reason_of_invisible_characters_is_no_reason() -> None:
    assert render.compose_reject_reason([], "\u200b\u200b") == ""
    assert render.compose_reject_reason(["facts"], "\u200b") == "事実関係の確認が必要です"


def plain_rows(blocks: list[dict[str, Any]]) -> list[str]:
    """The lines of the plain text sections (emoji off) of ``blocks``."""
    return "\n".join(draft_texts(blocks)).split("\n")


def mrkdwn_text(blocks: list[dict[str, Any]]) -> str:
    return "\n".join(b["text"]["text"] for b in blocks if b["type"] == "section" and b["text"]["type"] == "mrkdwn")


DECIDED_AT = datetime(2026, 12, 7, 9, 30)


def test_a_note_and_the_reasons_are_shown_as_written_under_their_label() -> None:
    """「~中止~ :sparkles:」 in a note was struck through and drawn as ✨, 「*急ぎ*」 bold: the approver
    read something other than what was written. The note, the override reason and the 差戻し reason
    are plain text (emoji off) under their mrkdwn label, each line behind 「｜」, in the DM, the
    thread and the 事後報告 alike; a line break is any Slack draws (U+2028, 「\\r」)."""
    written = "~中止~ :sparkles: *急ぎ* &lt; <!channel>\u2028二行目\r\n\n三行目"
    rows = ["｜~中止~ :sparkles: *急ぎ* &lt; <!channel>", "｜二行目", "｜", "｜三行目"]
    msg = approval_request(view("本文です。", note="\n" + written + "\n\n", override_reason=written))
    within_limits(msg)
    assert plain_rows(msg["blocks"]) == [*rows, *rows, "本文です。"]
    mrkdwn = mrkdwn_text(msg["blocks"])
    assert mrkdwn.endswith("*投稿予定:* 指定なし\n*決裁者へのメモ:*")
    assert "*理由:*" in mrkdwn and "中止" not in mrkdwn and "二行目" not in mrkdwn
    # The label right before the text it labels, the reason before the fields (as before).
    kinds = [(b["text"]["type"], b["text"]["text"][:8]) for b in msg["blocks"] if b["type"] == "section"]
    assert kinds[0][0] == "mrkdwn" and kinds[1] == ("plain_text", "｜~中止~ :s")
    report = render.after_report(view("本文です。", note=written), "緊急・災害")
    within_limits(report)
    assert plain_rows(report["blocks"]) == [*rows, "本文です。"]
    assert mrkdwn_text(report["blocks"]).endswith("*決裁者へのメモ:*")
    decided = DecisionView(kind="rejected", decider_name="上越 花子", decided_at=DECIDED_AT, reason=written)
    status = render.thread_status(view("本文です。"), decided=decided)
    within_limits(status)
    assert plain_rows(status["blocks"]) == rows
    head = "第1版: :leftwards_arrow_with_hook: 上越 花子 さんが差し戻しました（2026年12月7日（月）09:30）。"
    assert status["text"] == head.replace(":leftwards_arrow_with_hook: ", "")  # the preview draws no emoji code
    assert mrkdwn_text(status["blocks"]).startswith(head + "\n*理由:*")
    in_dm = approval_request(view("本文です。"), decided=decided)
    assert plain_rows(in_dm["blocks"]) == ["本文です。", *rows]
    notice = render.override_notice("高田 <太郎>", 2, written)
    assert plain_rows(notice["blocks"]) == rows
    assert notice["text"] == "高田 &lt;太郎&gt; さんが、エラーがあることを承知のうえで理由を付けて第2版の決裁を依頼しました。"
    assert mrkdwn_text(notice["blocks"]) == notice["text"] + "\n*理由:*"


def test_a_persons_text_of_several_lines_is_marked_so_no_line_passes_for_the_bots() -> None:
    """An override reason, a note or a 差戻し reason is shown right above or below the bot's own
    lines in an approver's DM: a line of it written as 「:white_check_mark: … さんが承認しました」 or
    「*確認結果:* エラー 0件」 must not read as the bot's, nor one of nothing but blanks be left out."""
    forged = "公式の番号です。\n:white_check_mark: 上越 花子 さんが承認しました\n*確認結果:* エラー 0件"
    msg = approval_request(view("本文です。", override_reason=forged, note=forged))
    for line in [*plain_rows(msg["blocks"]), *mrkdwn_text(msg["blocks"]).split("\n")]:
        if "承認しました" in line or "エラー 0件" in line:
            assert line.startswith("｜"), line
    status = render.thread_status(view("本文です。"), decided=DecisionView(
        kind="rejected", decider_name="上越 花子", decided_at=DECIDED_AT, reason=forged))
    assert plain_rows(status["blocks"]) == ["｜公式の番号です。", "｜:white_check_mark: 上越 花子 さんが承認しました",
                                            "｜*確認結果:* エラー 0件"]
    assert render.written("*理由:*", " \n\u2028\r\n") == []
    assert render.written("*理由:*", "\u3000") == []


@pytest.mark.parametrize("shape", ["\n", "\u3000\n", "\u2028"])
def test_a_note_or_reason_of_blank_lines_is_trimmed_in_linear_time(shape: str) -> None:
    """Leading blank lines were dropped one at a time from the front of the list, each moving all
    the rest: quadratic in a pasted text of thousands of blank lines."""
    assert_stays_linear(lambda text: render.written("*理由:*", text + "理由です。"), shape)
    assert render.written("*理由:*", shape * 3 + "理由です。\n" + shape * 3) == [("*理由:*", False), ("｜理由です。", True)]


MEMBERS = ("上越 花子", "春日山 一郎", "上越 花")


@pytest.mark.parametrize(("text", "found"), [
    ("詳しくは @春日山 一郎 まで。", ("@春日山 一郎",)),
    ("@上越 花子 さん、@上越 花子 さん", ("@上越 花子",)),  # the longer name, once
    ("@channel @here お知らせです。@U0OUTSIDER さんより", ("@channel", "@here", "@U0OUTSIDER")),
    # An address, another SNS's account and a name not in the organisation file are no Slack mention.
    ("press@channel.jp まで。@joetsu_city の投稿、@高田 太郎", ()),
    ("@channelnews と @U0CHIEF_X", ()),
])
def test_slack_mentions_are_what_slack_mentions_become_in_a_draft(text: str, found: tuple[str, ...]) -> None:
    assert render.slack_mentions(text, MEMBERS) == found


def test_the_author_and_the_approver_are_told_of_a_slack_mention() -> None:
    view = DraftView(id=1, version=1, account_name="上越市公式X", platform="x", author_id="U0OPERATOR",
                     author_name="高田 太郎", text="詳しくは @春日山 一郎 まで。", scheduled_at=None,
                     slack_mentions=("@春日山 一郎",))
    dm = json.dumps(render.approval_request(view), ensure_ascii=False)
    assert "Slack のメンション（「@春日山 一郎」）があります" in dm and "差し戻してください" in dm
    reply = json.dumps(render.findings_reply(view, blocking=False), ensure_ascii=False)
    assert "Slack のメンション（「@春日山 一郎」）があります" in reply and "削除してください" in reply
    plain = replace(view, text="詳しくは広報対話課まで。", slack_mentions=())
    assert "メンション" not in json.dumps(render.approval_request(plain), ensure_ascii=False)
    # Past five, the rest are counted as every list counts them (it read 「… 「@e」 ほか2件）」).
    many = replace(view, slack_mentions=tuple(f"@{c}" for c in "abcdefg"))
    assert "（「@a」、「@b」、「@c」、「@d」、「@e」、ほか 2 件）があります" in (
        render.mention_note(many, approver=True) or "")


def test_files_are_listed_with_links_and_still_fit_when_written_to_defeat_the_limits() -> None:
    from bot.attachments import AttachedFile

    flyer = AttachedFile(id="F1", name="チラシ.pdf", mimetype="application/pdf", filetype="pdf", size=1_258_291,
                         permalink="https://t.slack.com/files/U0/F1/chirashi.pdf")
    unnamed = AttachedFile(id="F2")
    docx = AttachedFile(id="F3", name="案内文.docx", filetype="docx", size=900, permalink="javascript:alert(1)")
    text = "\n".join(sections(approval_request(view("本文です。", files=[flyer, unnamed, docx]))))
    assert "*添付ファイル:* 3件 — kessai は添付ファイルの中身を確認していません。" in text
    assert "　1. <https://t.slack.com/files/U0/F1/chirashi.pdf|チラシ.pdf>（PDF・1.2 MB）" in text
    assert "　2. （ファイル名を取得できませんでした）（種類不明）" in text
    assert "　3. 案内文.docx（Word・900 バイト）" in text  # no link that is not Slack's kind of link
    # Slack takes 10 files a message; a payload with 500 long names still makes one request.
    many = [AttachedFile(id=f"F{i}", name="&" * 300, filetype="pdf", size=1, permalink="https://t.slack.com/f/" + "a" * 1900)
            for i in range(500)]
    msg = approval_request(view("本文です。", files=many, note="&" * 2000))
    within_limits(msg)
    assert "*添付ファイル:* 500件" in sections(msg)[0] and "添付ファイルの一覧が長いため、一部を省略しました" in str(msg)
    within_limits(render.thread_status(view("本文です。", files=many)))
    twelve = "\n".join(sections(render.thread_status(view("本文です。", files=[flyer] * 12))))
    assert "添付ファイル:* 12件" in twelve and "　10. <https://" in twelve and "　ほか 2 件" in twelve


def _home_accounts(home: dict[str, Any]) -> str:
    """The 「今月の投稿数」 part of App Home, as text."""
    blocks = home["blocks"]
    start = next(i for i, b in enumerate(blocks) if b["type"] == "header" and "今月の投稿数" in b["text"]["text"])
    end = next(i for i, b in enumerate(blocks) if i > start and b["type"] == "divider")
    return "\n".join(b["text"]["text"] if b["type"] == "section" else b["elements"][0]["text"]
                     for b in blocks[start + 1:end])


def test_home_lists_every_account_of_an_approver_of_150_accounts_within_slacks_limits() -> None:
    accounts = [render.AccountMonth(f"上越市公式アカウント{i}番（観光振興課）", i % 5, 4) for i in range(150)]
    home = render.home_view(waiting=[], mine=[], viewer_name="上越 花子", accounts=accounts)
    assert not view_errors(home)
    shown = _home_accounts(home)
    assert all(f"上越市公式アカウント{i}番（観光振興課）: {i % 5}件（最低 4件）" in shown for i in range(150))
    assert "省略" not in shown


def test_home_accounts_that_do_not_fit_are_counted_and_those_short_of_the_minimum_come_first() -> None:
    names = [f"{'とても長い名前の公式アカウント' * 5}{i}" for i in range(150)]
    accounts = [render.AccountMonth(n, 4 if i < 100 else 0, 4) for i, n in enumerate(names)]
    home = render.home_view(waiting=[], mine=[], viewer_name="上越 花子", accounts=accounts)
    assert not view_errors(home)
    shown = _home_accounts(home)
    assert all(f"{n}: 0件（最低 4件）" in shown for n in names[100:])  # every account short of posts
    listed = sum(1 for n in names if f"{n}:" in shown)
    assert 50 <= listed < 150
    # How many were left out, that each of them meets the minimum, and where the short ones are listed.
    assert (f"全 150 アカウントのうち、基準に達していない 50 アカウントを先に、{listed} アカウントを表示しています。"
            f"表示していない {150 - listed} アカウントは、いずれも今月の基準に達しています。"
            "基準に達していないアカウントの一覧は、毎月の最終業務日と翌月の初めに、エスカレーション先のチャンネルに投稿されます。"
            ) in shown
    assert all(line.endswith("件）") for line in shown.split("\n")[:-1])  # no line cut in the middle


def _fullest_home(accounts: list[render.AccountMonth]) -> dict[str, Any]:
    """App Home with every other part at its most: 12 decisions waiting, 20 drafts, 11 incidents."""
    at = datetime(2026, 12, 1, 9, 0)
    item = render.HomeItem(draft_id=1, version=1, account_name="上越市公式X", author_name="上越 太郎",
                           state_ja="決裁待ち", excerpt="お知らせ", updated_at=at, scheduled_at=at, content_hash="ab" * 32)
    incident = render.IncidentItem(id=1, kind_ja="炎上", account_name="上越市公式X", status_ja="未対応",
                                   description="批判的な返信", created_at=at, action=(inc.ACK_ACTION, "対応開始"))
    return render.home_view(waiting=[item] * 12, waiting_total=40, mine=[item] * 20, viewer_name="上越 花子",
                            accounts=accounts, incidents=[incident] * 11)


def test_home_on_the_1st_shows_every_account_of_a_big_city_short_of_its_minimum() -> None:
    """On the 1st every account has 0 件: three sections held some seventy long-named accounts of a
    city's 150, and the rest, as short as they, were left out, with no list of them anywhere before
    the month's last business day."""
    names = [f"{'とても長い名前の公式アカウント' * 5}{i}" for i in range(150)]
    home = _fullest_home([render.AccountMonth(n, 0, 4) for n in names])
    assert not view_errors(home) and len(home["blocks"]) <= 100
    shown = _home_accounts(home)
    assert all(f"{n}: 0件（最低 4件）" in shown for n in names)
    assert "表示していない" not in shown
    # Nothing after the accounts was pushed past Slack's 100 blocks.
    assert sum(1 for b in home["blocks"] if "accessory" in b and b["accessory"]["action_id"] == inc.ACK_ACTION) == 10


def test_home_says_how_many_accounts_short_of_the_minimum_it_could_not_show() -> None:
    names = [f"{i:03d}{'&' * 100}" for i in range(400)]  # each escaped to some 500 characters
    home = _fullest_home([render.AccountMonth(n, 0 if i % 2 else 5, 4) for i, n in enumerate(names)])
    assert not view_errors(home) and len(home["blocks"]) <= 100
    shown = _home_accounts(home)
    listed = sum(1 for i in range(400) if f":warning: {i:03d}&amp;" in shown)
    assert 0 < listed < 200 and ": 5件" not in shown  # short ones first, every section theirs
    assert (f"全 400 アカウントのうち、基準に達していないアカウントを先に、{listed} アカウントを表示しています。"
            f"表示していない {400 - listed} アカウントのうち {200 - listed} アカウントは、今月の基準に達していません。") in shown
    assert "エスカレーション先のチャンネルに投稿されます" in shown
    assert sum(1 for b in home["blocks"] if "accessory" in b and b["accessory"]["action_id"] == inc.ACK_ACTION) == 10


def test_home_cuts_a_long_account_name_between_characters_as_seen() -> None:
    """A name past HOME_ACCOUNT_NAME_SHOWN was cut at a code point: 「が」 saved as か and ゛ showed
    as 「か…」, another word, as the menus and headers no longer do."""
    name = "上越市公式" + "か\u3099" * 60
    home = render.home_view(waiting=[], mine=[], viewer_name="上越 花子", accounts=[render.AccountMonth(name, 0, 4)])
    shown = _home_accounts(home)
    assert "か…" not in shown and "か\u3099…: 0件（最低 4件）" in shown, shown


def test_a_message_too_long_for_the_draft_form_is_cut_visibly() -> None:
    text = "市民の皆さまへのお知らせです。\n" * 400  # 6,400 characters: a Facebook post
    form = render.draft_modal([("joetsu-fb", "上越市公式Facebook")], text=text, metadata="shortcut")
    assert not view_errors(form)
    blocks = {b.get("block_id"): b for b in form["blocks"]}
    assert blocks["text"]["element"]["initial_value"] == text[:3000]
    notes = [b["text"]["text"] for b in form["blocks"] if b["type"] == "section"]
    assert any("6,400 文字" in n and "先頭の 3,000 文字だけ" in n and "受付チャンネル" in n for n in notes)
    short = render.draft_modal([("joetsu-fb", "上越市公式Facebook")], text=text[:3000], metadata="shortcut")
    assert not [b for b in short["blocks"] if b["type"] == "section"]


def test_a_select_of_more_than_100_options_is_grouped_so_every_one_can_be_picked() -> None:
    few = render.select_options([render.option(str(i), f"{i}") for i in range(100)])
    assert list(few) == ["options"] and len(few["options"]) == 100
    many = render.select_options([render.option(f"a{i}", f"アカウント{i}") for i in range(150)])
    assert [g["label"]["text"] for g in many["option_groups"]] == ["アカウント（1〜100件目）", "アカウント（101〜150件目）"]
    assert [o["value"] for g in many["option_groups"] for o in g["options"]] == [f"a{i}" for i in range(150)]
    form = render.draft_modal([(f"a{i}", f"アカウント{i}") for i in range(150)], account_id="a149")
    assert not view_errors(form)


def test_the_status_line_of_sixty_recipients_with_long_names_still_says_when_it_is_to_be_posted() -> None:
    long = "情報政策課 課長補佐 兼 広報対話課 SNS担当 上越"
    recipients = [render.recipient_label(f"{long}{i}", f"{long}{i + 30}" if i < 30 else None) for i in range(60)]
    draft = replace(view("お知らせ"), scheduled_at=datetime(2026, 12, 7, 9, 30))
    status = render.thread_status(draft, recipients=recipients)
    [text] = sections(status)
    assert len(text) <= SECTION_LIMIT
    assert text.endswith("投稿予定: 2026年12月7日（月）09:30")
    assert recipients[0] in text and re.search(r"さん、ほか \d+ 名に決裁を依頼しました。", text), text


def test_a_long_rejection_reason_is_shown_whole_in_the_thread_and_cut_visibly_in_the_dm() -> None:
    reason = "直\n" * 1000  # 2,000 characters (the form's most), of rows of 「｜直」: 3,000 shown
    decided = render.DecisionView(kind="rejected", decider_name="上越 花子", decided_at=DECIDED_AT, reason=reason)
    status = render.thread_status(view("お知らせ"), decided=decided)
    within_limits(status)
    assert plain_rows(status["blocks"]) == ["｜直"] * 1000
    assert mrkdwn_text(status["blocks"]).endswith("元のメッセージを編集してください（編集すると、次の版として確認します）。")
    request = approval_request(view("お知らせ"), decided=decided)
    within_limits(request)
    shown_rows = plain_rows(request["blocks"])
    assert shown_rows[0] == "お知らせ" and 900 < len(shown_rows) - 1 < 1000 and set(shown_rows[1:]) == {"｜直"}
    assert mrkdwn_text(request["blocks"]).endswith("_（理由が長いため、以下省略しました。全文は下書きのスレッドをご覧ください）_")


def test_a_rejected_draft_submitted_through_the_form_is_sent_to_its_revise_button_not_to_submit_anew() -> None:
    # The bot wrote its message: the author cannot edit it, and a new submission would be a second
    # draft beside the rejected one. 「修正する」 (in the notice below the status) makes its next version.
    decided = render.DecisionView(kind="rejected", decider_name="上越 花子", decided_at=DECIDED_AT, reason="日付を確認")
    for source in ("modal", "shortcut"):
        text = mrkdwn_text(render.thread_status(view("お知らせ", source=source), decided=decided)["blocks"])
        assert text.endswith("内容を修正する場合は、「修正する」から直して提出してください（同じ下書きの次の版として確認します）。")
        assert "編集" not in text and "提出し直して" not in text
    pasted = mrkdwn_text(render.thread_status(view("お知らせ"), decided=decided)["blocks"])
    assert pasted.endswith("内容を修正する場合は、元のメッセージを編集してください（編集すると、次の版として確認します）。")
    assert "/kessai draft" not in pasted


def test_a_long_override_reason_is_cut_visibly_in_the_request() -> None:
    reason = "<必須>\n" * 500  # 2,000 characters (the form's most), 3,000 as rows
    request = approval_request(view("お知らせ", override_reason=reason))
    within_limits(request)
    first, second, *_ = [b["text"] for b in request["blocks"] if b["type"] == "section"]
    assert first["text"] == ":rotating_light: *エラーがありますが、作成者が理由を付けて決裁を依頼しています。*\n*理由:*"
    assert second["type"] == "plain_text" and second["text"].startswith("｜<必須>\n｜<必須>")
    assert "_（理由が長いため、以下省略しました。全文は下書きのスレッドをご覧ください）_" in mrkdwn_text(request["blocks"])
    short = approval_request(view("お知らせ", override_reason="広報課長の指示です。"))
    assert sections(short)[:2] == [":rotating_light: *エラーがありますが、作成者が理由を付けて決裁を依頼しています。*\n*理由:*",
                                   "｜広報課長の指示です。"]


def test_a_rejection_reason_of_thousands_of_characters_still_fits_one_message() -> None:
    # Shown as written, 「&」 no longer takes five characters: the form's 2,000 fit whole.
    decided = render.DecisionView(kind="rejected", decider_name="上越 花子", decided_at=DECIDED_AT,
                                  reason="&\n" * 1000 + "&" * 2000)
    status = render.thread_status(view("お知らせ"), decided=decided)
    within_limits(status)
    assert plain_rows(status["blocks"]) == ["｜&"] * 1000 + ["｜" + "&" * 2000]
    # More than a message holds (the ledger keeps whatever was decided): cut, saying so.
    decided = replace(decided, reason="理由です。\n" * 3000)
    status = render.thread_status(view("お知らせ"), decided=decided)
    within_limits(status)
    text = mrkdwn_text(status["blocks"])
    assert "_（理由が長いため、以下省略しました。全文は台帳に記録されています）_" in text
    assert text.endswith("元のメッセージを編集してください（編集すると、次の版として確認します）。")


def test_an_approver_always_sees_the_draft_however_many_findings_and_long_fields_come_with_it() -> None:
    finding = Finding(code="privacy.phone_number", severity="error",
                      message="個人の電話番号の可能性がある番号が含まれています。公開してよい番号か確認してください。",
                      start=0, end=1, excerpt="お問い合わせは担当の上越（090-1234-5678）まで。" * 6,
                      clause="上越市ソーシャルメディアガイドライン 5(2)②",
                      suggestion="市の代表番号（025-526-5111）に置き換えてください。" * 5)
    text = "高田城址公園の観桜会のお知らせです。" * 1000  # a Facebook post of 18,000 characters
    draft = view(text, findings=[finding] * 12, image_count=10, alt_texts=["桜の下を歩く親子連れと高田城三重櫓。" * 9] * 10,
                 note="確認をお願いします。" * 200, override_reason="当日の連絡先として必要なため掲載します。" * 100)
    for msg in (approval_request(draft), render.after_report(draft, "緊急・災害")):
        within_limits(msg)
        assert len(shown(msg["blocks"])) >= 2_500  # was none of it: findings and fields took the whole message
        notes = [b["elements"][0]["text"] for b in msg["blocks"] if b["type"] == "context"]
        assert any(n.startswith("ほか ") and "件の指摘は省略しました。下書きのスレッドの確認結果でご確認ください。" in n
                   for n in notes)


def test_a_long_paragraph_is_shown_as_far_as_the_room_left_allows() -> None:
    # A paragraph is cut in pieces of a whole section; with a little under 3,200 left for the
    # draft (override reason, note, alt texts and a mention note in the DM) none of it was shown.
    text = "高田城址公園の観桜会のお知らせです。" * 1000
    for budget in (3_100, 7_000):
        blocks = draft_blocks(text, budget=budget)
        assert text_size(blocks) <= budget
        n = len(shown(blocks[:-1]))
        assert n >= budget - 400 and text.startswith(shown(blocks[:-1]))
        assert f"全 {len(text):,} 文字のうち先頭 {n:,} 文字を表示しています。" in blocks[-1]["elements"][0]["text"]
    draft = view(text, findings=[], image_count=10, alt_texts=["桜の下を歩く親子連れと高田城三重櫓。" * 9] * 10,
                 note="確認をお願いします。" * 200, override_reason="当日の連絡先として必要なため掲載します。" * 100,
                 slack_mentions=("@channel", "@here"))
    msg = approval_request(draft)
    within_limits(msg)
    assert len(shown(msg["blocks"])) >= 2_500


def test_a_long_run_of_flags_is_cut_in_linear_time_between_whole_flags() -> None:
    # Each cut counted a flag's pairs from the start of the whole run of regional indicators, so
    # 40,000 of them took twelve times what 10,000 did; a section's start is a place between flags.
    assert_stays_linear(lambda text: draft_blocks(text, budget=11_000), "🇯")
    text = "あ" + "🇯🇵" * 5_000
    blocks = draft_blocks(text, budget=MESSAGE_TEXT_BUDGET)
    sections = [b["text"]["text"] for b in blocks if b["type"] == "section"]
    assert len(sections) >= 3
    for piece in sections[1:]:
        assert piece.startswith("🇯🇵") and len(piece) % 2 == 0
    assert "".join(sections) == text[:len("".join(sections))]


def test_the_status_line_keeps_the_decision_and_fits_with_files_written_to_defeat_the_limits() -> None:
    from bot.attachments import AttachedFile

    # Ten files (Slack's most) whose names escape five times longer, with the longest link kept.
    files = [AttachedFile(id=f"F{i}", name="&" * 120, filetype="pdf", size=1,
                          permalink="https://t.slack.com/files/U0/F1/" + "a" * 460) for i in range(10)]
    draft = view("お知らせ", files=files)
    now = datetime(2026, 4, 1, 10, 0)
    pending = render.thread_status(draft, recipients=["上越 花子 さん"])
    within_limits(pending)  # was 13,500 characters: msg_blocks_too_long
    assert "添付ファイルの一覧が長いため、一部を省略しました。元のメッセージでご確認ください" in str(pending)
    for kind, said in (("approved", "が承認しました"), ("rejected", "が差し戻しました")):
        status = render.thread_status(draft, decided=render.DecisionView(kind, "上越 花子", now, reason="&" * 2000))
        within_limits(status)
        assert said in sections(status)[0]  # was dropped: the files took the room of the whole line
    rejected = render.thread_status(draft, decided=render.DecisionView("rejected", "上越 花子", now, reason="誤字があります。"))
    assert "誤字があります。" in str(rejected) and "以下省略" not in str(rejected)


def test_the_draft_form_says_when_the_messages_files_stay_behind() -> None:
    form = render.draft_modal([("x-joetsu", "上越市公式X")], text="観桜会のお知らせです。", metadata="shortcut",
                              files_left_out=2)
    assert not view_errors(form)
    notes = [b["text"]["text"] for b in form["blocks"] if b["type"] == "section"]
    assert any("添付されたファイル（2件）" in n and "決裁者にも表示されません" in n for n in notes)
    plain = render.draft_modal([("x-joetsu", "上越市公式X")], text="観桜会のお知らせです。", metadata="shortcut")
    assert not [b for b in plain["blocks"] if b["type"] == "section"]


def test_a_long_account_name_never_pushes_the_version_out_of_a_header() -> None:
    """Slack cuts a header at 150 characters: a 300-character account name in the organisation file
    left 「決裁依頼: 上越市…」 with no 「（第N版）」, and an approver could not tell which version to decide."""
    long = "上越市" + "公式アカウント" * 42
    v = replace(view("本文です。"), account_name=long, version=12)
    for msg in (approval_request(v), approval_request(v, acting_for_name="上越 花子"),
                render.after_report(v, "緊急")):
        [head] = [b["text"]["text"] for b in msg["blocks"] if b["type"] == "header"]
        assert len(head) <= 150 and head.endswith("…（第12版）") and "上越市公式アカウント" in head
    short = approval_request(view("本文です。"))
    assert [b["text"]["text"] for b in short["blocks"] if b["type"] == "header"] == ["決裁依頼: 上越市公式LINE（第1版）"]


def test_shortened_names_are_cut_between_characters_as_seen() -> None:
    """「…」 never parts a combining mark, a variation selector or an emoji's joined pieces from
    the character they are drawn with (the account menu, headers, file names)."""
    decomposed = "上越市公式X" + "か\u3099" * 80  # が saved as か and ゛ (text copied from a Mac's file name)
    choices = render.account_choices([("x", "a" + decomposed, "x"), ("i", "a" + decomposed, "instagram"),
                                       ("y", "ab" + decomposed, "youtube"), ("l", "ab" + decomposed, "line")])
    for _, label in choices:
        assert "か…" not in label and len(label) <= render.OPTION_LABEL_MAX, label
    for name in ("a" + decomposed, "ab" + decomposed):
        assert render.option("v", name)["text"]["text"].endswith("\u3099…")
    head = render.header_naming("決裁依頼: ", "家族" + "👨\u200d👩\u200d👧" * 60, "（第1版）")["text"]["text"]
    assert head.endswith("👧…（第1版）") and len(head) <= render.HEADER_LIMIT, head
    assert render.shortened("辻\U000e0101" * 10, 4) == "辻\U000e0101…"
    assert render.shortened("\u3099" * 10, 4) == "\u3099" * 3 + "…"


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("あ🇯🇵🇯🇵", 3, "あ…"),  # 🇯 alone is a boxed J
        ("あ🇯🇵🇯🇵", 4, "あ🇯🇵…"),
        ("🇯🇵🇯🇵🇯🇵", 4, "🇯🇵…"),
        ("🇯🇵🇯🇵🇯🇵", 5, "🇯🇵🇯🇵…"),
        ("あ🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007fい", 4, "あ…"),  # the flag of Scotland
    ],
)
def test_shortened_does_not_cut_a_flag_in_two(text: str, limit: int, expected: str) -> None:
    assert render.shortened(text, limit) == expected


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        # 각 saved decomposed (ᄀ ᅡ ᆨ, as a Mac saves it): ᄀ or 가 alone is another letter.
        ("공지\u1100\u1161\u11a8입니다", 4, "공지…"),
        ("공지\u1100\u1161\u11a8입니다", 5, "공지…"),
        ("공지\u1100\u1161\u11a8입니다", 6, "공지\u1100\u1161\u11a8…"),
        # क्ष is one conjunct: 「क्」 is half of it. A vowel sign after it stays with it too.
        ("सूचना क\u094dष\u093fति", 8, "सूचना …"),
        ("सूचना क\u094dष\u093fति", 9, "सूचना …"),
        ("xกำหนด", 3, "x…"),  # กำ: SARA AM is drawn on the consonant before it
        # What was cut between already still is.
        ("ab\u0915\u093f", 3, "ab…"),
        ("공지사항입니다", 4, "공지사…"),
    ],
)
def test_shortened_does_not_cut_a_hangul_syllable_or_a_conjunct_in_two(text: str, limit: int, expected: str) -> None:
    assert render.shortened(text, limit) == expected


def test_a_request_dms_notification_says_alone_what_is_asked_for_which_account_and_when() -> None:
    """A manager between meetings reads only the lock-screen preview (the message's ``text``): it
    said 「決裁依頼: 上越市公式LINE（第1版） — 作成者 高田 太郎」, with no 投稿予定 to judge how
    urgent it is, and no sentence saying what is asked."""
    at = datetime(2026, 11, 28, 9, 30, tzinfo=ZoneInfo("Asia/Tokyo"))
    v = replace(view("本文です。"), scheduled_at=at)
    text = approval_request(v)["text"]
    assert text == ("「上越市公式LINE」の投稿の決裁をお願いします（投稿予定: 2026年11月28日（土）09:30、"
                    "作成者: 高田 太郎 さん、第1版）。")
    deputy = approval_request(v, acting_for_name="上越 花子")["text"]
    assert deputy.startswith("上越 花子 さんに代わり、「上越市公式LINE」の投稿の代決をお願いします（投稿予定: 2026年11月28日（土）09:30")
    unscheduled = approval_request(view("本文です。"))["text"]
    assert "投稿予定: 指定なし" in unscheduled
    overridden = approval_request(replace(v, override_reason="緊急のため"))["text"]
    assert overridden.endswith("エラーがありますが、作成者が理由を付けて決裁を依頼しています。")
    # Once decided or voided, the same message says so, not that a decision is still wanted.
    decided = DecisionView(kind="approved", decider_name="上越 花子", decided_at=at, reason=None)
    assert approval_request(v, decided=decided)["text"] == (
        "「上越市公式LINE」第1版の投稿（投稿予定: 2026年11月28日（土）09:30）は、上越 花子 さんが承認しました。")
    rejected = replace(decided, kind="rejected", reason="日付を確認してください。")
    assert approval_request(v, decided=rejected)["text"].endswith("上越 花子 さんが差し戻しました。")
    voided = approval_request(v, voided_note="作成者が下書きを編集したため、第1版の決裁依頼は取り消されました。")["text"]
    assert voided == "「上越市公式LINE」第1版の決裁依頼: 作成者が下書きを編集したため、第1版の決裁依頼は取り消されました。"
    for t in (text, deputy, overridden, voided):
        assert "*" not in t and ":" + "rotating_light:" not in t and "\n" not in t
    # A long name from the organisation file does not push the schedule out of the preview.
    long = approval_request(replace(v, account_name="上越市" + "公式アカウント" * 40, author_name="高" * 200))["text"]
    assert "投稿予定: 2026年11月28日（土）09:30" in long[:160]
    # Names are escaped for Slack as the blocks are: 「<!channel>」 in a name pings nobody.
    assert "&lt;!channel&gt;" in approval_request(replace(v, account_name="<!channel>"))["text"]
    report = render.after_report(v, "緊急・災害")["text"]
    assert report == ("事後報告: 「上越市公式LINE」の投稿は「緊急・災害」のため決裁を省略して投稿されます"
                      "（投稿予定: 2026年11月28日（土）09:30、作成者: 高田 太郎 さん、第1版）。")


def test_an_emoji_code_a_finding_is_about_is_shown_as_its_letters_not_drawn() -> None:
    """「「:sparkles:」は Slack の絵文字の書き方で、SNS ではこの文字のまま表示されます」 in mrkdwn showed
    「「✨」は…」: the picture the post will not have, in the very finding saying so."""
    finding = Finding(code="a11y.machine_dependent", severity="warning",
                      message="「:sparkles:」は Slack の絵文字の書き方で、SNS ではこの文字のまま表示されます。",
                      start=0, end=10, excerpt="10:30:00 開始 :sparkles::+1::skin-tone-2: https://x.jp:8080/a:b",
                      clause="美祢市 5(2)イ")
    [line] = render.finding_lines([finding])
    assert "「`:sparkles:`」は Slack の絵文字" in line
    assert "\n>10:30:00 開始 `:sparkles::+1::skin-tone-2:` https://x.jp:8080/a:b\n" in line


def test_the_forms_preview_of_a_draft_is_its_text_not_formatted() -> None:
    """The 差戻し form and the 投稿済み form quote the draft; in mrkdwn 「~中止~」 showed struck through."""
    typed = "~中止~ ではなく *予定どおり* 開催 :sparkles: & <無料>\n" + "お知らせ" * 200
    modals = [render.reject_modal(1, 1, view(typed)),
              render.publish_modal(view(typed), "https://x.com/joetsu", datetime(2026, 11, 24, 10, 0))]
    for form, limit in zip(modals, (500, 300), strict=True):
        assert not view_errors(form)
        [text] = draft_texts(form["blocks"])
        assert text == typed[:limit]
        assert f"全 {len(typed):,} 文字のうち先頭 {limit:,} 文字を表示しています" in str(form["blocks"])
    [text] = draft_texts(render.reject_modal(1, 1, view("~中止~ です"))["blocks"])
    assert text == "~中止~ です" and "先頭" not in str(render.reject_modal(1, 1, view("~中止~ です")))
    given_back = render.stale_form_view(["*重要* :sparkles:"])
    assert draft_texts(given_back["blocks"]) == ["*重要* :sparkles:"]  # to be copied as typed


# The approver's DM: the draft's links, tappable under it, and the alt texts as written.

LINKED = ("申込みは https://www.city.joetsu.niigata.jp/kanko/?id=1&lang=ja から（締切: 5日）。"
          "地図 https://example.com/map_a_~b~_ と https://city.joetsu.niigata.jp@evil.example/ も。\n"
          "Fb：和気町　https//facebook.com/town.wake/ 全角 https://ｅｘａｍｐｌｅ.jp/a 庁内 http://192.168.0.1/share "
          "偽物 https://jоetsu.jp/ 再掲 https://www.city.joetsu.niigata.jp/kanko/?id=1&lang=ja 省略 city.joetsu.niigata.jp/kouhou")


def link_sections(msg: dict[str, Any]) -> tuple[list[str], list[str]]:
    texts = [b["text"] for b in msg["blocks"] if b["type"] == "section"]
    linked = [t["text"] for t in texts if t["text"].startswith("*本文のリンク")]
    unlinked = [t for t in texts if t["text"].startswith("リンクにしていない URL")]
    assert all(t["type"] == "plain_text" and t["emoji"] is False for t in unlinked)
    return linked, [t["text"] for t in unlinked]


def test_the_drafts_links_are_listed_under_it_tappable_and_labelled_by_their_own_address() -> None:
    from bot.rules.engine import check
    from bot.rules.model import CheckContext

    findings = check(LINKED, CheckContext(now=datetime(2026, 4, 1, 10)))
    msg = approval_request(view(LINKED, findings=findings))
    within_limits(msg)
    linked, unlinked = link_sections(msg)
    # Each once, in order; 「&」 escaped as Slack's markup needs, no label (「|」) that could say otherwise.
    assert linked == ["*本文のリンク（3件）:* タップすると開きます。行き先をご確認ください。\n"
                      "・<https://www.city.joetsu.niigata.jp/kanko/?id=1&amp;lang=ja>\n"
                      "・<https://example.com/map_a_~b~_>\n"
                      "・<https://city.joetsu.niigata.jp@evil.example/>"]
    # Broken ones (link.malformed) as written, in plain text: no link to a look-alike or an intranet.
    assert unlinked == ["リンクにしていない URL（4件）: 書き方に問題があるか長すぎるため、書かれたとおりの文字で表示しています。\n"
                        "・https//facebook.com/town.wake/\n・https://ｅｘａｍｐｌｅ.jp/a\n"
                        "・http://192.168.0.1/share\n・https://jоetsu.jp/"]
    # Under the draft, before the findings and the buttons.
    kinds = [b["text"]["text"][:7] if b["type"] == "section" else b["type"] for b in msg["blocks"]]
    assert kinds.index(LINKED[:7]) < kinds.index("*本文のリンク") < kinds.index("*確認結果:*") < kinds.index("actions")
    # The 事後報告 lists them too; a draft without a link has no list.
    assert link_sections(render.after_report(view(LINKED, findings=findings), "緊急・災害")) == (linked, unlinked)
    assert link_sections(approval_request(view("本日は晴天です。city.joetsu.niigata.jp/kouhou をご覧ください。"))) == ([], [])


def test_many_or_long_links_are_counted_and_the_message_still_fits() -> None:
    many = "\n".join(f"{i}番目の会場 https://www.city.joetsu.niigata.jp/event/{i}?a=1&b=2" for i in range(30))
    linked, _ = link_sections(approval_request(view(many)))
    rows = linked[0].split("\n")
    assert len(rows) == 1 + render.LINKS_LISTED + 1 and rows[-1] == "ほか 20 件（本文でご確認ください）"
    # Written to defeat the limits: 「&」 grows five times in Slack's markup, and one address of 3,000.
    long = "https://example.jp/" + "a" * 3000
    hostile = " ".join(f"https://example.jp/{i}?" + "&" * 80 for i in range(40)) + " " + long
    msg = approval_request(view(hostile, note="&" * 2000, image_count=3, alt_texts=["<" * 1000] * 3))
    within_limits(msg)
    linked, unlinked = link_sections(msg)
    assert sum(len(t) for t in linked + unlinked) <= render.LINKS_ROOM
    assert linked[0].split("\n")[-1].startswith("ほか ")
    assert unlinked == ["リンクにしていない URL（1件）: 書き方に問題があるか長すぎるため、書かれたとおりの文字で表示しています。\n"
                        f"・{long[:render.LINK_TEXT_SHOWN - 1]}…"]
    assert len(shown(msg["blocks"])) >= 2_500  # the draft keeps its room


def test_listing_the_links_stays_linear() -> None:
    import time

    def took(n: int) -> float:
        shape = "詳しくは https://a.jp/x?&p= と https//b.jp/ を。"
        text = shape * (n // len(shape))
        broken = [Finding(code="link.malformed", severity="error", message="", start=i, end=i + 7, excerpt="", clause="")
                  for i in range(shape.index("https//"), len(text), len(shape))]
        times = []
        for _ in range(3):
            # CPU time: in wall time another process's burst on a busy machine failed a linear listing.
            started = time.process_time()
            render.links_blocks(text, broken)
            times.append(time.process_time() - started)
        return min(times)

    assert took(40_000) / took(10_000) <= 6


def alt_rows(msg: dict[str, Any]) -> list[str]:
    texts = [b["text"] for b in msg["blocks"] if b["type"] == "section" and b["text"]["text"].startswith(("　1", "　　｜"))]
    assert texts and all(t["type"] == "plain_text" and t["emoji"] is False for t in texts)
    return "\n".join(t["text"] for t in texts).split("\n")


def test_alt_texts_are_shown_as_written_and_a_line_of_one_cannot_pose_as_another_label() -> None:
    alts = ["「~中止~」の看板 :sparkles: *要予約* &lt;", "桜の下で\n　2枚目の代替テキスト: 承認済み\u2028三行目", ""]
    msg = approval_request(view("本文です。", image_count=3, alt_texts=alts))
    within_limits(msg)
    assert alt_rows(msg) == ["　1枚目の代替テキスト: 「~中止~」の看板 :sparkles: *要予約* &lt;",
                             "　2枚目の代替テキスト:", "　　｜桜の下で", "　　｜　2枚目の代替テキスト: 承認済み",
                             "　　｜三行目", "　3枚目の代替テキスト: （なし）"]
    assert "*画像:* 3枚（肖像権: 同意の確認なし）" in sections(msg)[0]


def test_a_long_alt_text_is_shown_whole_in_rows_within_a_section() -> None:
    alt = "雪化粧した高田城三重櫓と、ライトアップされた堀の桜並木。" * 160  # 4,480 characters, one line
    msg = approval_request(view("本文です。", image_count=1, alt_texts=[alt], note="撮影は同意済みです。"))
    within_limits(msg)
    rows = alt_rows(msg)
    assert rows[0] == "　1枚目の代替テキスト:" and all(r.startswith("　　｜") for r in rows[1:])
    assert "".join(r.removeprefix("　　｜") for r in rows[1:]) == alt
    assert sections(msg)[-3:-1] == ["*決裁者へのメモ:*", "｜撮影は同意済みです。"]


def test_an_override_reason_and_a_rejection_reason_share_one_room_in_the_dm() -> None:
    """Each reason had 2,900 characters of its own: both at the form's most, with four alt texts
    of 1,500 lines and 25 findings, took the DM to the edge of Slack's ~12,000 and left none of
    the draft. They share the room now, each cut visibly, the decision's line always kept."""
    finding = Finding(code="privacy.phone_number", severity="error", message="個人の電話番号の可能性があります。" * 5,
                      start=0, end=1, excerpt="090-1234-5678 " * 20, clause="上越市 5(2)", suggestion="代表番号" * 40)
    draft = view("高田城址公園の観桜会のお知らせです。\n" * 1000, findings=[finding] * 25, override_reason="理\n" * 1000,
                 image_count=4, alt_texts=["桜\n" * 1500] * 4, note="メモ\n" * 1000)
    decided = render.DecisionView(kind="rejected", decider_name="上越 花子", decided_at=DECIDED_AT, reason="直\n" * 1000)
    request = approval_request(draft, decided=decided)
    within_limits(request)
    rows = plain_rows(request["blocks"])
    assert rows.count("｜理") >= 450 and rows.count("｜直") >= 450
    assert rows.count("｜理") + rows.count("｜直") <= render.DM_REASON_ROOM // 3
    assert sum(row == "高田城址公園の観桜会のお知らせです。" for row in rows) >= 50
    text = mrkdwn_text(request["blocks"])
    assert text.count("_（理由が長いため、以下省略しました。全文は下書きのスレッドをご覧ください）_") == 2
    assert "上越 花子 さんが差し戻しました" in text
    # One long reason and one short: the short is whole, the long has the rest of the room.
    short = replace(decided, reason="誤字があります。")
    request = approval_request(draft, decided=short)
    within_limits(request)
    rows = plain_rows(request["blocks"])
    assert "｜誤字があります。" in rows and rows.count("｜理") > 900


def test_a_japanese_named_emoji_code_in_a_finding_is_shown_as_its_letters_not_drawn() -> None:
    """A workspace's own emoji may be named in Japanese (「:お知らせ:」): only ASCII codes were put in
    code spans, so a finding about 「:お知らせ:」 showed the workspace's picture instead."""
    finding = Finding(code="a11y.machine_dependent", severity="error",
                      message="「:お知らせ:」は Slack の絵文字の書き方で、SNS ではこの文字のまま表示されます。",
                      start=0, end=7, excerpt=":お知らせ::確認します: 日時:3月1日10:00 場所:市役所:sparkles:",
                      clause="美祢市 5(2)イ", suggestion="「お知らせ」と書いてください。")
    [line] = render.finding_lines([finding])
    assert "「`:お知らせ:`」は Slack の絵文字" in line
    # A time's colons are no code's (「10:00」), and a run of codes is one span.
    assert "\n>`:お知らせ::確認します:` 日時:3月1日10:00 場所`:市役所:sparkles:`\n" in line
    assert "修正案: 「お知らせ」と書いてください。" in line
    modal = render.override_modal(view("お知らせ", findings=[finding]))
    assert not view_errors(modal)
    assert "「`:お知らせ:`」は Slack の絵文字" in modal["blocks"][0]["text"]["text"]


@pytest.mark.parametrize("shape", [":お知らせ:", "場所:市役所:"])
def test_emoji_codes_are_found_in_linear_time(shape: str) -> None:
    # A run of codes was one span grown by copying it whole at each code: quadratic.
    assert_stays_linear(lambda text: render._codes_as_typed(text), shape)


@pytest.mark.parametrize("reason", [":了解:", ":お知らせ::確認します:", " :了解::skin-tone-2: ", ":ｏｋ:", ":x:", "。。。"])
def test_a_reason_of_only_emoji_codes_of_any_script_says_nothing(reason: str) -> None:
    """Only ASCII codes were taken for pictures: a 差戻し reason 「:了解:」 (a workspace's emoji
    named in Japanese, drawn by Slack as its picture) passed as a reason the author could act on."""
    assert not render.says_something(reason)


@pytest.mark.parametrize("reason", ["了解", ":了解:誤字があります", "確認:了解:", "10:00の投稿", ":30:", "日時:3月1日"])
def test_a_reason_with_a_word_beside_its_codes_says_something(reason: str) -> None:
    assert render.says_something(reason)


@pytest.mark.parametrize("shape", [":了解:", ":a", "::"])
def test_says_something_stays_linear(shape: str) -> None:
    assert_stays_linear(render.says_something, shape)


def test_sections_cut_a_long_note_at_its_lines_and_keep_every_line() -> None:
    # A note naming an account of 200 「&」 (1,000 characters escaped) and quoting a report passed
    # 3,000 characters, and section() cut off the quote's 「全 … 文字のうち」 line.
    text = f"*受付番号 1（{render.escape('&' * 200)}）*\n" + render.quote("&" * 3000, 1500)
    blocks = render.sections(text)
    texts = [b["text"]["text"] for b in blocks]
    assert len(blocks) == 2 and all(len(t) <= SECTION_LIMIT for t in texts)
    assert "\n".join(texts) == text and texts[-1].endswith("文字を表示しています）_")
    assert render.sections("短いお知らせです。") == [render.section("短いお知らせです。")]


# What a lock screen cannot show (as tests/e2e/test_phone_manager.py): mrkdwn marks, emoji codes,
# Slack's link and mention syntax, a second line.
LOCK_SCREEN_NOISE = re.compile(r"[*_~`]|:[a-z0-9_+-]+:|<[@#!]|\n")


@pytest.mark.parametrize(("msg", "starts"), [
    (render.thread_status(view("本文"), recipients=["上越 花子 さん"]), "決裁待ち（第1版）: 上越 花子 さんに決裁を依頼しました。"),
    (render.thread_status(view("本文"), decided=DecisionView("approved", "上越 花子", DECIDED_AT)),
     "第1版: 上越 花子 さんが承認しました（"),
    (render.thread_status(view("本文"), decided=DecisionView("rejected", "上越 花子", DECIDED_AT, reason="日付")),
     "第1版: 上越 花子 さんが差し戻しました（"),
    (render.thread_status(view("本文"), voided_note="下書きのメッセージが削除されたため、取り下げられました。"),
     "第1版の決裁依頼: 下書きのメッセージが削除されたため"),
    (render.exempt_notice(view("本文"), "災害・緊急情報"), "第1版は「災害・緊急情報」のため、決裁省略"),
    (render.published_notice(view("本文"), "https://x.com/joetsu/status/1", DECIDED_AT, "高田 太郎"),
     "第1版は投稿済みです（"),
    (render.draft_root(view("本文"), "modal"), "高田 太郎 さんが /kessai draft で下書きを提出しました（上越市公式LINE）"),
])
def test_a_thread_message_previews_as_words_not_mrkdwn(msg: dict[str, Any], starts: str) -> None:
    """The thread's status line began 「:hourglass_flowing_sand:」 or 「第1版: :white_check_mark:」 in
    the channel's notification and sidebar, which draw no emoji codes."""
    assert msg["text"].startswith(starts) and not LOCK_SCREEN_NOISE.search(msg["text"])


def test_preview_drops_quoted_words_and_their_label_and_puts_mentions_last() -> None:
    text = (":white_check_mark: <@U0JOHO> 木田 四郎 さんが解決として記録しました。経過は `kessai incidents export` で"
            "書き出せます。\n*まとめ:*\n>パスワード hunter2 を変更し、10:00:30 に確認しました。\n_（全 900 文字）_")
    assert render.preview(text) == ("木田 四郎 さんが解決として記録しました。経過は kessai incidents export で書き出せます。"
                                    "（全 900 文字） <@U0JOHO>")
    assert render.preview(":bell: *決裁のお願い（2回目）*\n<https://x.slack.com/a|下書きのスレッド>を見てください。") == \
        "決裁のお願い（2回目）：下書きのスレッドを見てください。"
    # A mention naming the person the sentence is about stays in it (it left 「さんに、…」 without them).
    assert render.preview("<@U0JOHO> さんに、対応中である旨の書き込みをお願いしました。") == \
        "<@U0JOHO> さんに、対応中である旨の書き込みをお願いしました。"
    assert render.preview(":memo: <@U0JOHO> 直江津 みどり さんから、追加の報告がありました。\n>本文") == \
        "直江津 みどり さんから、追加の報告がありました。 <@U0JOHO>"
    # A title right above a quote is no label of it: the preview was empty.
    assert render.preview(":memo: *追加の報告*\n>本文\n*まとめ:*\n>本文") == "追加の報告"
    # Nor is the only sentence, ending in a colon (found by the property test below): it previewed empty.
    assert render.preview("<@U0JOHO> さんから報告がありました:\n>本文") == "<@U0JOHO> さんから報告がありました:"


# What people write, as it reaches a bot message: any of mrkdwn's control characters, marks, emoji
# codes, would-be mentions. 「秘」 and 「Q」 stand for a quoted report's words (a password, a phone
# number): only quotes use them, so seeing one in the preview means a quote leaked into it.
_WRITTEN = st.text(alphabet=st.sampled_from("あ漢a &<>*_:~`。@!U^|#\u3000"), max_size=12)
_QUOTED = st.text(alphabet=st.sampled_from("秘Q&<>@!:*\n "), min_size=1, max_size=30)
_BOT_MENTIONS = ("<@U0A>", "<@U0B>")


@st.composite
def _bot_message(draw: st.DrawFn) -> tuple[str, bool]:
    """A message as kessai writes one (its own lines with escaped names and reasons, its mentions,
    quoted reports) and whether it has a sentence besides its quotes."""
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append(f":bell: *{render.escape(draw(_WRITTEN))}{draw(st.sampled_from(['', ':']))}*")
    sentence = False
    for kind in draw(st.lists(st.sampled_from(["sentence", "mention", "label", "quote"]), max_size=6)):
        if kind == "sentence":
            # Begun by kessai's own words: a line beginning with a person's 「>」 (「&gt;」 escaped) is a
            # quote to Slack as well, and shown as one.
            lines.append(f"あ{render.escape(draw(_WRITTEN))}"
                         f"{draw(st.sampled_from(['', '。', ':', '：']))}")
            sentence = True
        elif kind == "mention":
            lines.append(f"{draw(st.sampled_from(_BOT_MENTIONS))} {draw(st.sampled_from(['', 'さんに、']))}"
                         f"{render.escape(draw(_WRITTEN))}")
        elif kind == "label":
            lines.append(f"*{render.escape(draw(_WRITTEN))}:*")
        else:
            lines.append(render.quote(draw(_QUOTED), draw(st.integers(1, 40))))
    return "\n".join(lines), sentence


@settings(max_examples=300, deadline=None)
@given(_bot_message())
def test_a_preview_never_pings_shows_a_quote_or_comes_out_empty(built: tuple[str, bool]) -> None:
    """The preview is what a lock screen shows: only the bot's own mentions may ping from it, none
    of a quoted report's words may be in it, and a message with a sentence does not preview empty."""
    mrkdwn, has_sentence = built
    shown = render.preview(mrkdwn)
    assert "<!" not in shown and "\n" not in shown
    assert all(shown.startswith(_BOT_MENTIONS, m.start()) for m in re.finditer("<@", shown))
    assert "秘" not in shown and "Q" not in shown
    assert shown.strip() or not has_sentence


@pytest.mark.parametrize(("severity", "said"), [("error", ":x: エラー "), ("warning", ":warning: 警告 "),
                                                ("info", ":information_source: 情報 ")])
def test_a_finding_says_its_severity_in_words_not_only_by_its_emoji(severity: str, said: str) -> None:
    """A screen reader read 「バツ privacy.phone_number …」: whether the finding stops the draft was
    only in the emoji's picture."""
    from bot.rules import Finding

    finding = Finding(code="privacy.phone_number", severity=severity, message="電話番号です。", start=0, end=1,
                      excerpt="", clause="上越市 5(2)")
    [line] = render.finding_lines([finding])
    assert line.startswith(f"{said}*privacy.phone_number* 電話番号です。")


@pytest.mark.parametrize(
    ("text", "consent"),
    [
        ("運動会の様子です。\n※写真は保護者の同意を得て掲載しています。", "本文に同意の記載あり"),
        ("運動会の様子です。", "同意の確認なし"),
        # Consent asked of readers, or for a name only, is none given for the pictures.
        ("写っている方の同意を得てからご応募ください。", "同意の確認なし"),
        ("※お名前は本人の同意を得て掲載しています。", "同意の確認なし"),
    ],
)
def test_consent_said_in_a_channel_drafts_text_is_shown_as_such_to_the_approver(text: str, consent: str) -> None:
    """portrait.consent is silent on a draft whose text gives its pictures' consent (a channel draft has
    no box to tick); the approver's card says where it is, not 「同意の確認なし」 beside no warning."""
    msg = approval_request(view(text, image_count=2, video_count=1))
    head = sections(msg)[0]
    assert f"*画像:* 2枚（肖像権: {consent}）" in head and f"*動画:* 1本（肖像権: {consent}）" in "\n".join(sections(msg))


def test_a_ticked_box_is_shown_as_consent_whatever_the_text_says() -> None:
    msg = approval_request(view("写真は同意を得ていません。", image_count=1, portrait_consent=True))
    assert "*画像:* 1枚（肖像権: 同意あり）" in sections(msg)[0]
