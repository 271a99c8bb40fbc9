"""決裁省略 with its 事後報告 (和気町 5(4)), 定型文, and 理由を付けて決裁依頼 (override).

The exemption comes from 和気町's guideline, but what kessai tells people cites no guideline's clause
(a finding's 根拠 does): 上越市's people were told 「和気町 5(4)」 as the ground of their own 決裁省略."""

from __future__ import annotations

import json
from pathlib import Path

from sqlmodel import select

from bot import render
from bot.app import shifted_clock
from bot.config import parse_org_config
from bot.ledger import verify_chain
from bot.localstack import LocalStack, start_local_stack
from storage import ledger as ledger_repo
from storage.models import DraftRow
from tests.conftest import DEMO_TOML, migrated_database_url
from tests.e2e.conftest import (
    BUSINESS_MORNING,
    all_text,
    buttons,
    dm,
    settle,
    thread,
    wait_dm,
    wait_ephemeral,
    wait_thread,
)
from tests.e2e.test_workflow_drafting import root_message, submit_draft, wait_root_thread

DISASTER = "【避難指示】関川の水位が上昇しています。高田地区の皆さんは直ちに避難所へ避難してください。"
WEATHER = "本日の市役所の開庁時間は 8時30分から17時15分 です。"


def ledger(st: LocalStack):  # type: ignore[no-untyped-def]
    with st.rt.db.session() as s:
        return list(ledger_repo.iter_entries(s))


def states(st: LocalStack) -> list[str]:
    with st.rt.db.session() as s:
        return [d.state for d in s.exec(select(DraftRow).order_by(DraftRow.id))]  # type: ignore[arg-type]


def test_emergency_post_is_exempt_recorded_and_reported_afterwards(stack: LocalStack) -> None:
    st = stack
    submit_draft(st, text=DISASTER, category="emergency", date=None, time=None)
    root = root_message(st, "避難指示")
    wait_root_thread(st, root, "決裁省略")
    st.slack.wait_for(lambda: any("mark_published" in buttons(m) for m in thread(st, "C0INTAKE", root.ts)),
                      timeout=30, message="the publish button")
    for a in ("U0MANAGER", "U0CHIEF"):
        report = wait_dm(st, a)[0]
        assert "事後報告" in all_text(report) and "緊急・災害" in all_text(report)
        assert buttons(report) == {}  # nothing to decide: it is a report
    (entry,) = ledger(st)
    assert (entry.kind, entry.decider_id) == ("exempt", "U0OPERATOR")
    assert entry.reason is not None and "緊急・災害" in entry.reason
    assert states(st) == ["exempt"]
    with st.rt.db.session() as s:
        assert verify_chain(ledger_repo.iter_entries(s), ledger_repo.version_hashes(s), ledger_repo.head(s)).ok
    # 上越市 (the demo file): neither the notice, the 事後報告, the ledger, the draft form's hint,
    # the template form nor /kessai help names another organisation's guideline.
    st.driver.slash_command("U0MANAGER", "/kessai", "template add")
    st.slack.wait_for(lambda: st.slack.latest_view("U0MANAGER", render.TEMPLATE_CALLBACK), timeout=30, message="template form")
    helped = st.driver.slash_command("U0OPERATOR", "/kessai", "help").json()["text"]
    assert "定型文" in helped
    sent = "\n".join([json.dumps(c.params, ensure_ascii=False) for c in st.slack.calls] + [helped, entry.reason])
    assert "第1版は「緊急・災害」のため、決裁省略" in sent and "区分「定型文」の下書きがこの文面と一致し" in sent
    assert "和気町" not in sent


def test_exempt_category_with_an_error_is_not_exempt(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    submit_draft(st, text=DISASTER + "担当の携帯 090-1234-5678", category="emergency")
    root = root_message(st, "避難指示")
    wait_root_thread(st, root, "pii.phone")
    settle(st)
    assert states(st) == ["needs_fix"] and ledger(st) == []
    assert dm(st, "U0MANAGER") == []


def test_reply_category_is_exempt(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    submit_draft(st, text="お問い合わせありがとうございます。担当課からご連絡いたします。", category="reply")
    assert "簡易な返信" in all_text(wait_dm(st, "U0MANAGER")[0])
    assert [e.kind for e in ledger(st)] == ["exempt"]


def test_registered_template_is_exempt_only_when_the_text_matches(stack: LocalStack) -> None:
    st = stack
    reply = st.driver.slash_command("U0OPERATOR", "/kessai", f"template add 開庁時間 {WEATHER}")
    assert "（決裁者）だけ" in reply.json()["text"]  # templates bypass approval: approvers register them
    reply = st.driver.slash_command("U0MANAGER", "/kessai", f"template add 開庁時間 {WEATHER}")
    assert "登録しました" in reply.json()["text"]
    listing = st.driver.slash_command("U0OPERATOR", "/kessai", "template list").json()["text"]
    assert "開庁時間" in listing
    # Width and spacing a reader cannot see do not matter (NFKC + whitespace folding).
    submit_draft(st, text="本日の市役所の開庁時間は　８時３０分から１７時１５分　です。", category="template")
    root = root_message(st, "開庁時間")
    wait_root_thread(st, root, "決裁省略")
    (entry,) = ledger(st)
    assert entry.kind == "exempt" and "定型文「開庁時間」" in (entry.reason or "")
    # Another text under 定型文 is an ordinary request, and the thread says why.
    submit_draft(st, text="本日の市役所は臨時休庁です。", category="template")
    other = root_message(st, "臨時休庁")
    wait_root_thread(st, other, "と一致しないため")
    wait_root_thread(st, other, "決裁待ち")
    assert states(st) == ["exempt", "pending"]


def test_a_template_can_be_used_again_within_the_duplicate_window(sqlite_stack: LocalStack) -> None:
    """A 定型文 is for recurring notices: its second use is not the duplicate the spam rule stops."""
    st = sqlite_stack
    st.driver.slash_command("U0MANAGER", "/kessai", f"template add 開庁時間 {WEATHER}")
    for _ in range(2):
        submit_draft(st, text=WEATHER, category="template")
    st.slack.wait_for(lambda: len(ledger(st)) == 2, timeout=30, message="two 決裁省略 entries")
    assert [e.kind for e in ledger(st)] == ["exempt", "exempt"]
    # An ordinary draft repeating it is still a duplicate.
    submit_draft(st, text=WEATHER)
    st.slack.wait_for(lambda: states(st)[-1:] == ["needs_fix"], timeout=30, message="the duplicate refused")


def test_a_template_registered_in_the_modal_keeps_lines_and_emoji(sqlite_stack: LocalStack) -> None:
    """A slash command carries one line with emoji as shortcodes; the modal takes the text as typed."""
    st = sqlite_stack
    alert = "\u26a0\ufe0f大雨警報が発表されました。\n川や用水路には近づかないでください。"
    refused = st.driver.slash_command("U0OPERATOR", "/kessai", "template add")
    assert "（決裁者）だけ" in refused.json()["text"] and st.slack.latest_view("U0OPERATOR") is None
    st.driver.slash_command("U0MANAGER", "/kessai", "template add")
    assert st.slack.latest_view("U0MANAGER", "template_add") is not None
    # Nothing in it: Slack itself refuses empty required inputs, so only a name too long gets here.
    answer = st.driver.view_submission("U0MANAGER", "template_add", {"template_name": "名" * 101,
                                                                     "template_text": alert}).json()
    assert answer["response_action"] == "errors" and "100文字" in answer["errors"]["template_name"]
    answer = st.driver.view_submission("U0MANAGER", "template_add", {"template_name": "大雨警報",
                                                                     "template_text": alert}).json()
    assert answer["response_action"] == "update" and "登録しました" in json.dumps(answer, ensure_ascii=False)
    submit_draft(st, text=alert, category="template", date=None, time=None)
    root = root_message(st, "大雨警報")
    wait_root_thread(st, root, "決裁省略")
    (entry,) = ledger(st)
    assert entry.kind == "exempt" and "定型文「大雨警報」" in (entry.reason or "")
    # Errors in a modal are plain text: the name echoed back as typed, beside the name field.
    for _ in range(2):
        st.driver.slash_command("U0MANAGER", "/kessai", "template add")
        answer = st.driver.view_submission("U0MANAGER", "template_add", {"template_name": "開庁&閉庁",
                                                                         "template_text": WEATHER}).json()
    assert answer["response_action"] == "errors" and "「開庁&閉庁」" in answer["errors"]["template_name"]


def test_a_template_exempts_only_drafts_its_registrant_would_have_decided(tmp_path: Path) -> None:
    """A template stands in for its registrant's prior approval: not on another account's drafts,
    and never on the registrant's own (the author never decides on their own draft)."""
    toml = DEMO_TOML.read_text(encoding="utf-8")
    toml = toml.replace('operators = ["U0OPERATOR", "U0OPERATOR2"]', 'operators = ["U0OPERATOR", "U0OPERATOR2", "U0CHIEF"]')
    toml = toml.replace('operators = ["U0OPERATOR2"]\napprovers = ["U0MANAGER"]',
                        'operators = ["U0OPERATOR2"]\napprovers = ["U0JOHO"]')
    org = parse_org_config(toml)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING))
    try:
        ask = lambda user, text: st.driver.slash_command(user, "/kessai", text).json()["text"]  # noqa: E731
        # An approver of the Instagram account only: their template does not cover X drafts.
        assert "上越市公式Instagram" in ask("U0JOHO", f"template add 開庁時間 {WEATHER}")
        submit_draft(st, text=WEATHER, category="template")
        wait_root_thread(st, root_message(st, "開庁時間"), "決裁待ち")
        # The chief approves X and also writes for it: their template exempts others' drafts only.
        closed = "本日の市役所は臨時休庁です。"
        assert "上越市公式X" in ask("U0CHIEF", f"template add 休庁 {closed}")
        assert "対象: 上越市公式X" in ask("U0OPERATOR", "template list")
        submit_draft(st, user="U0CHIEF", text=closed, category="template")
        own = root_message(st, "臨時休庁")
        wait_root_thread(st, own, "と一致しないため")
        wait_root_thread(st, own, "決裁待ち")
        wait_dm(st, "U0MANAGER", 2)
        assert not [m for m in dm(st, "U0CHIEF") if "臨時休庁" in all_text(m)]
        assert states(st) == ["pending", "pending"] and ledger(st) == []
        extended = "本日の市役所の窓口は19時まで延長しています。"
        ask("U0CHIEF", f"template add 延長 {extended}")
        submit_draft(st, text=extended, category="template")
        (entry,) = st.slack.wait_for(lambda: ledger(st), timeout=30, message="the 決裁省略 entry")
        assert entry.kind == "exempt" and entry.decider_id == "U0OPERATOR"
        assert "定型文「延長」" in (entry.reason or "") and "登録: " in (entry.reason or "")
    finally:
        st.stop()


def test_template_commands_refuse_politely(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    ask = lambda user, text: st.driver.slash_command(user, "/kessai", text).json()["text"]  # noqa: E731
    assert "名前と本文" in ask("U0MANAGER", "template add 名前だけ")
    assert "登録された定型文はありません" in ask("U0MANAGER", "template list")
    assert "見つかりません" in ask("U0MANAGER", "template remove <!channel>")
    assert "&lt;!channel&gt;" in ask("U0MANAGER", "template remove <!channel>")
    assert "という操作はありません" in ask("U0MANAGER", "template frobnicate")
    ask("U0MANAGER", f"template add 開庁時間 {WEATHER}")
    assert "すでにあります" in ask("U0CHIEF", f"template add 開庁時間 {WEATHER}")
    assert "（決裁者）だけ" in ask("U0OPERATOR", "template remove 開庁時間")
    assert "削除しました" in ask("U0CHIEF", "template remove 開庁時間")
    # A name made of digits is a name: it does not collide with another template's number.
    assert "#2「1」を登録しました" in ask("U0MANAGER", "template add 1 本日は休館日です。")
    assert "#3「2」を登録しました" in ask("U0MANAGER", "template add 2 本日は開館日です。")
    assert "「2」を削除しました" in ask("U0MANAGER", "template remove 2")
    assert "「1」を削除しました" in ask("U0MANAGER", "template remove 2")  # no name 2 left: number 2


# -- override ---------------------------------------------------------------------------------
PHONE_DRAFT = "災害ボランティアの受付は、現地責任者の携帯 090-1234-5678 までお電話ください。"


def test_override_with_a_reason_reaches_the_approver_reason_first(stack: LocalStack) -> None:
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", PHONE_DRAFT)
    replies = wait_thread(st, "C0INTAKE", ts, lambda ms: any("override_draft" in buttons(m) for m in ms))
    check = next(m for m in replies if "override_draft" in buttons(m))
    # Only the author may send an erroneous draft on.
    st.driver.block_action("U0OPERATOR2", "override_draft", channel="C0INTAKE", message_ts=check.ts)
    wait_ephemeral(st, "U0OPERATOR2", "作成者だけ")
    st.driver.block_action("U0OPERATOR", "override_draft", channel="C0INTAKE", message_ts=check.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "override_reason"), timeout=30)
    answer = st.driver.view_submission("U0OPERATOR", "override_reason", {"override_text": "  "}).json()
    assert answer["response_action"] == "errors" and "5文字以上" in answer["errors"]["override_reason"]
    answer = st.driver.view_submission("U0OPERATOR", "override_reason", {"override_text": "確認\u200b\u200b\u200b"}).json()
    assert answer["response_action"] == "errors" and "5文字以上" in answer["errors"]["override_reason"]
    for pictures in ("🙏🙏🙏🙏🙏", ":pray::pray::pray:", "！！！！！"):  # five characters, and no words
        answer = st.driver.view_submission("U0OPERATOR", "override_reason", {"override_text": pictures}).json()
        assert answer["response_action"] == "errors" and "5文字以上" in answer["errors"]["override_reason"], pictures
    reason = "災害対応の公用携帯で、番号は市の防災計画で公表済みです。"
    assert st.driver.view_submission("U0OPERATOR", "override_reason", {"override_text": reason}).json() is None
    msg = wait_dm(st, "U0MANAGER")[0]
    text = all_text(msg)
    # The reason comes first, then the findings, then the draft itself.
    assert text.index(reason) < text.index("pii.phone") < text.index("災害ボランティアの受付")
    assert set(buttons(msg)) == {"approve_draft", "reject_draft"}
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("理由を付けて" in all_text(m) and reason in all_text(m) for m in ms))
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: "承認しました" in all_text(dm(st, "U0MANAGER")[0]), timeout=30)
    entries = ledger(st)
    assert [(e.kind, e.decider_id) for e in entries] == [("override", "U0OPERATOR"), ("approved", "U0MANAGER")]
    assert reason in (entries[0].reason or "") and "pii.phone" in (entries[0].reason or "")


def test_override_of_a_stale_or_clean_draft_is_refused(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", PHONE_DRAFT)
    replies = wait_thread(st, "C0INTAKE", ts, lambda ms: any("override_draft" in buttons(m) for m in ms))
    check = next(m for m in replies if "override_draft" in buttons(m))
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", "災害ボランティアの受付は、広報対話課 025-526-5111 まで。")
    wait_dm(st, "U0MANAGER")
    st.driver.block_action("U0OPERATOR", "override_draft", channel="C0INTAKE", message_ts=check.ts)
    wait_ephemeral(st, "U0OPERATOR", "古い版")
    st.driver.block_action("U0OPERATOR", "override_draft", "1:2", channel="C0INTAKE", message_ts=check.ts)
    wait_ephemeral(st, "U0OPERATOR", "決裁待ち")
    reply = st.driver.view_submission("U0OPERATOR", "override_reason", {"override_text": "理由があります。"},
                                      private_metadata="1:1")
    assert reply.json()["response_action"] == "errors"
    settle(st)
    assert ledger(st) == [] and states(st) == ["pending"]
    assert len(thread(st, "C0INTAKE", ts)) >= 2


def test_an_override_for_a_time_minutes_away_is_refused_before_anyone_is_asked(sqlite_stack: LocalStack) -> None:
    """A /kessai draft for 10:05 today, sent at 10:00 with an error: 「理由を付けて決裁依頼」 used to
    route it, and the request expired minutes later before the approver had read the reason. The
    author is told at the button, in Japanese, what to do instead; nothing reaches the approver."""
    from datetime import date, time

    st = sqlite_stack
    assert submit_draft(st, text=PHONE_DRAFT, date=date(2026, 11, 24), time=time(10, 5)).json() is None
    root = root_message(st, "災害ボランティア")
    check = next(m for m in wait_root_thread(st, root, "pii.phone") if "override_draft" in buttons(m))
    st.driver.block_action("U0OPERATOR", "override_draft", channel="C0INTAKE", message_ts=check.ts)
    refusal = wait_ephemeral(st, "U0OPERATOR", "10分を切っている")
    assert "「修正する」" in refusal and "空欄" in refusal
    assert st.slack.latest_view("U0OPERATOR", "override_reason") is None
    settle(st)
    assert dm(st, "U0MANAGER") == [] and states(st) == ["needs_fix"] and ledger(st) == []
