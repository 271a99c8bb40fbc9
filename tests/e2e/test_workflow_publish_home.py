"""「投稿済みにする」, App Home per viewer, /kessai status, help and unknown sub-commands, expiry."""

from __future__ import annotations

import json
from datetime import date, time, timedelta
from typing import Any

from sqlmodel import select

from bot import render
from bot.localstack import LocalStack
from bot.services import IncomingMessage
from storage import drafts as draft_repo
from storage import ledger as ledger_repo
from storage.models import DraftRow, IncidentRow
from tests.e2e.conftest import (
    BUSINESS_MORNING,
    CLEAN_DRAFT,
    all_text,
    buttons,
    dm,
    settle,
    thread,
    wait_dm,
    wait_ephemeral,
    wait_thread,
)
from tests.e2e.test_workflow_drafting import submit_draft

GOOD_URL = "https://x.com/joetsu_city_example/status/1861234567890123456"


def draft_row(st: LocalStack) -> DraftRow:
    with st.rt.db.session() as s:
        return s.exec(select(DraftRow)).one()


def approved_draft(st: LocalStack) -> str:
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("mark_published" in buttons(m) for m in ms))
    return ts


def publish_button(st: LocalStack, ts: str) -> Any:
    return next(m for m in thread(st, "C0INTAKE", ts) if "mark_published" in buttons(m))


def submit_publication(st: LocalStack, user: str, url: str, **extra: Any) -> Any:
    st.slack.wait_for(lambda: st.slack.latest_view(user, "publish_post"), timeout=30, message="publish modal")
    return st.driver.view_submission(user, "publish_post", {"post_url": url, **extra})


def test_publication_refuses_a_bad_url_and_accepts_the_accounts_post(stack: LocalStack) -> None:
    st = stack
    ts = approved_draft(st)
    # The author is told once what to do after posting, by the reply that has the button.
    told = [m.ts for m in thread(st, "C0INTAKE", ts) if "投稿済みにする" in all_text(m)]
    assert told == [publish_button(st, ts).ts]
    st.driver.block_action("U0OPERATOR", "mark_published", channel="C0INTAKE", message_ts=publish_button(st, ts).ts)
    for bad, expected in [
        ("https://x.com/someone_else/status/1", "@someone_else の投稿"),
        ("https://www.city.joetsu.niigata.jp/news/1.html", "Xの投稿のURL"),
        ("http://x.com/joetsu_city_example/status/1", "https://"),
        ("ｈｔｔｐｓ://x.com/joetsu_city_example/status/1", "全角"),
        ("投稿しました", "URLではないようです"),
        # Longer than the form allows (Slack enforces it; a forged submission does not): the column
        # would refuse it on PostgreSQL.
        ("https://x.com/joetsu_city_example/status/1?utm_source=" + "a" * 500, "長すぎます"),
    ]:
        answer = submit_publication(st, "U0OPERATOR", bad).json()
        assert answer["response_action"] == "errors" and expected in answer["errors"]["post_url"]
    answer = submit_publication(st, "U0OPERATOR", GOOD_URL, post_date=date(2026, 11, 30)).json()
    assert "未来" in answer["errors"]["post_date"]
    assert draft_row(st).state == "approved"
    assert submit_publication(st, "U0OPERATOR", GOOD_URL).json() is None
    d = draft_row(st)
    assert (d.state, d.published_url, d.published_by) == ("published", GOOD_URL, "U0OPERATOR")
    assert d.published_at is not None
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("投稿済みです" in all_text(m) for m in ms))
    # It counts toward the month, and a published draft is not edited into a new version.
    with st.rt.db.session() as s:
        start = BUSINESS_MORNING.replace(day=1, hour=0)
        assert draft_repo.published_count(s, "joetsu-x", start, start + timedelta(days=30)) == 1
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT + "（追記）")
    wait_ephemeral(st, "U0OPERATOR", "投稿済みのため")
    assert draft_row(st).current_version == 1


def test_one_post_is_the_publication_of_one_draft_whatever_address_it_was_copied_from(stack: LocalStack) -> None:
    """Counted twice before: the post's address as X's app copies it (/i/status/…?lang=ja)."""
    st = stack
    first = approved_draft(st)
    st.driver.block_action("U0OPERATOR", "mark_published", channel="C0INTAKE", message_ts=publish_button(st, first).ts)
    assert submit_publication(st, "U0OPERATOR", GOOD_URL).json() is None
    second = st.driver.message("C0INTAKE", "U0OPERATOR",
                               "11月29日（日）に春日山城跡でガイドツアーを行います。皆さまのご参加をお待ちしています。")
    msg = [m for m in wait_dm(st, "U0MANAGER", 2) if "春日山" in all_text(m)][0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    wait_thread(st, "C0INTAKE", second, lambda ms: any("mark_published" in buttons(m) for m in ms))
    st.driver.block_action("U0OPERATOR", "mark_published", channel="C0INTAKE", message_ts=publish_button(st, second).ts)
    st.slack.wait_for(lambda: len(st.slack.calls_of("views.open")) == 2, timeout=30, message="second modal")
    same = "https://x.com/i/status/1861234567890123456?lang=ja"
    answer = st.driver.view_submission("U0OPERATOR", "publish_post", {"post_url": same}).json()
    assert answer["response_action"] == "errors" and "すでに下書き #1 の投稿" in answer["errors"]["post_url"]
    with st.rt.db.session() as s:
        start = BUSINESS_MORNING.replace(day=1, hour=0)
        assert draft_repo.published_count(s, "joetsu-x", start, start + timedelta(days=30)) == 1


def test_publication_refusals(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    # Not approved yet: the button's value replayed early is refused.
    st.driver.block_action("U0OPERATOR", "mark_published", "1:1", channel="C0INTAKE", message_ts=ts)
    wait_ephemeral(st, "U0OPERATOR", "承認または決裁省略の後")
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("mark_published" in buttons(m) for m in ms))
    button = publish_button(st, ts)
    st.driver.block_action("U0STRANGER", "mark_published", channel="C0INTAKE", message_ts=button.ts)
    wait_ephemeral(st, "U0STRANGER", "運用担当者だけ")
    st.driver.block_action("U0OPERATOR", "mark_published", "1:9", channel="C0INTAKE", message_ts=button.ts)
    wait_ephemeral(st, "U0OPERATOR", "古い版")
    reply = st.driver.view_submission("U0STRANGER", "publish_post", {
        "post_url": GOOD_URL, "post_date": {"type": "datepicker", "selected_date": "2026-11-24"},
        "post_time": {"type": "timepicker", "selected_time": "10:00"}}, private_metadata="1:1")
    assert "運用担当者だけ" in reply.json()["errors"]["post_url"]
    settle(st)
    assert st.slack.calls_of("views.open") == []
    assert draft_row(st).state == "approved"


def test_exempt_post_can_be_published(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    submit_draft(st, text="【避難所開設】高田小学校に避難所を開設しました。", category="emergency")
    m = st.slack.wait_for(lambda: next((x for x in st.slack.messages("C0INTAKE") if "mark_published" in buttons(x)),
                                       None), timeout=30)
    st.driver.block_action("U0OPERATOR", "mark_published", channel="C0INTAKE", message_ts=m.ts)
    answer = submit_publication(st, "U0OPERATOR", GOOD_URL, post_time=time(9, 45)).json()
    assert "提出より前" in answer["errors"]["post_date"]  # it cannot have gone out before it was written
    assert submit_publication(st, "U0OPERATOR", GOOD_URL).json() is None
    assert draft_row(st).state == "published"


# -- App Home ---------------------------------------------------------------------------------
def home_text(st: LocalStack, user: str, contains: str) -> str:
    st.driver.app_home_opened(user)

    def text() -> str | None:
        view = st.slack.home(user)
        if not view:
            return None
        t = "\n".join(str((b.get("text") or {}).get("text", "")) + "".join(
            str(e.get("text", "")) for e in b.get("elements", []) if isinstance(e, dict)) for b in view["blocks"])
        return t if contains in t else None

    return st.slack.wait_for(text, timeout=30, message=f"home of {user} containing {contains}")


def test_app_home_shows_each_viewer_their_own_work(stack: LocalStack) -> None:
    st = stack
    with st.rt.db.session() as s:
        s.add(IncidentRow(kind="impersonation", account_id="joetsu-x", description="偽アカウント <!here> を確認",
                          reporter_id="U0OPERATOR", status="open", created_at=st.rt.kessai.clock()))
        s.add(IncidentRow(kind="flaming", account_id="joetsu-x", description="解決済みの件",
                          reporter_id="U0OPERATOR", status="resolved", created_at=st.rt.kessai.clock()))
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    manager = home_text(st, "U0MANAGER", "決裁待ち（1件）")
    assert "紅葉ライトアップ" in manager and "高田 太郎" in manager
    assert "なりすまし" in manager and "&lt;!here&gt;" in manager and "解決済みの件" not in manager
    assert "上越市公式X: 0件（最低 1件）" in manager
    home = st.slack.home("U0MANAGER")
    assert home is not None and "approve_draft" in str(home["blocks"])
    operator = home_text(st, "U0OPERATOR", "決裁待ち")  # the state of their own draft
    assert "あなたの決裁待ち（0件）" in operator
    deputy = home_text(st, "U0DEPUTY", "あなたの決裁待ち")
    assert "あなたの決裁待ち（0件）" in deputy  # not asked, so nothing to decide
    # Someone who operates no account is not invited to write drafts that would only be refused.
    stranger = home_text(st, "U0STRANGER", "運用担当者としても登録されていない")
    assert "紅葉" not in stranger and "/kessai draft" not in stranger and "システム管理者（IT 担当）" in stranger
    assert "運用担当者としても登録されていない" in home_text(st, "U0DEPUTY", "下書きはありません")


def test_app_home_is_refreshed_when_something_concerns_the_viewer(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    home_text(st, "U0MANAGER", "決裁待ち（0件）")
    home_text(st, "U0OPERATOR", "まだ下書きはありません")
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)

    def manager_home() -> str:
        return str(st.slack.home("U0MANAGER"))

    st.slack.wait_for(lambda: "決裁待ち（1件）" in manager_home(), timeout=30, message="home refresh")
    msg = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0CHIEF", "approve_draft", channel=msg.channel, message_ts=msg.ts, value="1:1")
    st.slack.wait_for(lambda: "決裁待ち（0件）" in manager_home(), timeout=30, message="home refresh after decision")
    st.slack.wait_for(lambda: "承認済み" in str(st.slack.home("U0OPERATOR")), timeout=30)
    settle(st)
    assert st.slack.home("U0CHIEF") is None  # never opened: nothing is published behind their back


def test_a_refused_click_on_app_home_is_answered_in_the_dm(sqlite_stack: LocalStack) -> None:
    """App Home has no conversation for an ephemeral message: the refusal goes to the bot DM and
    the stale Home is redrawn (before, the click silently did nothing)."""
    st = sqlite_stack
    home_text(st, "U0MANAGER", "決裁待ち（0件）")
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    st.slack.wait_for(lambda: "決裁待ち（1件）" in str(st.slack.home("U0MANAGER")), timeout=30)
    stale = st.slack.home_view("U0MANAGER")
    msg = wait_dm(st, "U0CHIEF")[0]  # (the Home can be redrawn before this DM arrives)
    st.driver.block_action("U0CHIEF", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: "決裁待ち（0件）" in str(st.slack.home("U0MANAGER")), timeout=30)
    before = len(dm(st, "U0MANAGER"))
    st.driver.block_action("U0MANAGER", "approve_draft", view=stale)  # the phone still showed the old Home
    refusal = st.slack.wait_for(lambda: len(ms := dm(st, "U0MANAGER")) > before and ms[-1], timeout=30,
                                message="the refusal in the DM")
    assert "承認しています" in all_text(refusal)
    with st.rt.db.session() as s:
        assert len(list(ledger_repo.iter_entries(s))) == 1


# -- commands ---------------------------------------------------------------------------------
def ask(st: LocalStack, user: str, text: str) -> str:
    reply = st.driver.slash_command(user, "/kessai", text)
    assert reply.status == 200
    return str(reply.json()["text"])


def test_help_status_and_unknown_subcommands(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    help_text = ask(st, "U0OPERATOR", "help")
    # SPEC 4.6: every command, those other modules register (incidents) included.
    for sub in ("/kessai draft", "/kessai status", "/kessai away", "/kessai template", "/kessai incident",
                "/kessai password-rotated"):
        assert sub in help_text
    # The words the bot's other messages use: 「kessai のホームタブ」, 「メニュー（︙）」, and 「修正する」
    # for a draft the bot posted (editing the bot's message is not possible).
    assert "kessai のホームタブにも一覧があります" in help_text and "アプリのホーム" not in help_text
    assert "メッセージのメニュー（︙）の「決裁に回す」" in help_text
    assert "スレッドやホームタブの「修正する」から直します" in help_text
    assert ask(st, "U0OPERATOR", "") == help_text
    # Typed with the Japanese input on, in capitals, or with an invisible mark pasted in front.
    for typed in ("ｈｅｌｐ", "HELP", "\u202e\u200bhelp", "　help", "？"):
        assert ask(st, "U0OPERATOR", typed) == help_text, repr(typed)
    # The example pasted whole after typing /kessai (「/kessai help」 is what the help shows), or
    # typed again with the Japanese input on.
    for typed in ("/kessai help", "／ｋｅｓｓａｉ　help", "/kessai"):
        assert ask(st, "U0OPERATOR", typed) == help_text, repr(typed)
    assert "不在期間を指定してください" in ask(st, "U0OPERATOR", "/kessai away")
    unknown = ask(st, "U0OPERATOR", "<!channel> please")
    assert "「&lt;!channel&gt;」というコマンドはありません" in unknown and "<!channel>" not in unknown
    assert unknown.endswith("。")
    assert "ありません" in ask(st, "U0MANAGER", "status")
    st.driver.message("C0INTAKE", "U0OPERATOR", "お問い合わせは 090-1234-5678 まで")
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    settle(st)
    mine = ask(st, "U0OPERATOR", "status")
    assert "対応が必要なあなたの下書き: 2件" in mine and "要修正" in mine and "決裁待ち" in mine
    theirs = ask(st, "U0MANAGER", "status")
    assert "あなたの決裁待ち: 1件" in theirs and "高田 太郎" in theirs
    # A rejected draft needs its author too (to fix and resubmit); a text of several lines stays one item.
    st.driver.message("C0INTAKE", "U0OPERATOR", "12月の図書館だより\n休館日は12月28日からです。")
    wait_dm(st, "U0MANAGER", 2)
    with st.rt.db.session() as s:
        draft_id = max(d.id or 0 for d in draft_repo.drafts_in_states(s, ["pending"]))
    st.rt.kessai.decide(draft_id, 1, "U0CHIEF", approve=False, reason="休館期間の終わりも書いてください。")
    mine = ask(st, "U0OPERATOR", "status")
    assert "対応が必要なあなたの下書き: 3件" in mine and "差戻し" in mine and "修正して出し直して" in mine
    assert "図書館だより 休館日" in mine


def test_status_names_a_one_day_absence_once(sqlite_stack: LocalStack) -> None:
    """/kessai status read 「不在登録: 12月7日（月）〜12月7日（月）」 for one day away, as the away
    answer no longer does; a longer absence still names its first and last day."""
    st = sqlite_stack
    tomorrow = st.rt.kessai.local(st.rt.kessai.clock()).date() + timedelta(days=1)
    st.rt.kessai.set_away("U0MANAGER", tomorrow, tomorrow)
    line = next(x for x in ask(st, "U0MANAGER", "status").splitlines() if x.startswith("不在登録"))
    assert line == f"不在登録: {render.fmt_date(tomorrow)}", line
    st.rt.kessai.set_away("U0MANAGER", tomorrow, tomorrow + timedelta(days=2))
    line = next(x for x in ask(st, "U0MANAGER", "status").splitlines() if x.startswith("不在登録"))
    assert line == f"不在登録: {render.fmt_date(tomorrow)}から{render.fmt_date(tomorrow + timedelta(days=2))}まで", line


def test_a_pile_of_waiting_drafts_is_counted_whole_and_listed_oldest_first(stack: LocalStack) -> None:
    # An approver away a fortnight without saying so comes back to dozens: App Home and status
    # count them all, list the oldest, and say that the rest follow (App Home is rendered again
    # each time one more arrives, so it reads only what it lists).
    st = stack
    for i in range(20):
        st.rt.kessai.receive_message(IncomingMessage(
            channel="C0INTAKE", user="U0OPERATOR", ts=f"1700000000.{i:06d}", event_key=f"event:pile{i}",
            text=f"第{i + 1}回 市民講座のお知らせです。会場は市民会館{i + 1}階、どなたでも参加できます。"))
    with st.rt.db.session() as s:
        ids = sorted(d.id or 0 for d in draft_repo.drafts_in_states(s, ["pending"]))
    assert len(ids) == 20
    home = st.rt.kessai.homes.render("U0MANAGER")
    texts = [json.dumps(b, ensure_ascii=False) for b in home["blocks"]]
    assert any("あなたの決裁待ち（20件）" in t for t in texts)
    listed = [e["value"] for b in home["blocks"] if b["type"] == "actions" for e in b["elements"]
              if e.get("action_id") == "approve_draft"]
    assert [v.rsplit(":", 1)[0] for v in listed] == [f"{i}:1" for i in ids[:12]]
    assert any("残りの8件" in t for t in texts)
    theirs = ask(st, "U0MANAGER", "status")
    assert "あなたの決裁待ち: 20件" in theirs and "（古いものから15件を表示しています）" in theirs
    assert theirs.count("第1版") == 15
    mine = ask(st, "U0OPERATOR", "status")
    assert "対応が必要なあなたの下書き: 20件" in mine and "（古いものから15件を表示しています）" in mine
    assert "第1回 市民講座" in mine and "第20回" not in mine
    # Their own draft is not theirs to decide, however many wait.
    assert "あなたの決裁待ち: 0件" in mine


# -- expiry (called by the reminders' sweep) ------------------------------------------------------
def test_expire_updates_dms_thread_and_ledger(stack: LocalStack) -> None:
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    kessai = st.rt.kessai
    with st.rt.db.session() as s:
        (draft,) = draft_repo.drafts_in_states(s, ["pending"])
        assert kessai.expire(s, draft, kessai.clock()) is True
        assert kessai.expire(s, draft, kessai.clock()) is False  # only once
    kessai.after_commit()
    st.slack.wait_for(lambda: "期限切れ" in all_text(dm(st, "U0MANAGER")[0]), timeout=30)
    assert buttons(dm(st, "U0MANAGER")[0]) == {}
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("<@U0OPERATOR>" in m.text and "期限切れ" in m.text for m in ms))
    with st.rt.db.session() as s:
        assert [e.kind for e in ledger_repo.iter_entries(s)] == ["expired"]
    assert draft_row(st).state == "expired"
    msg = dm(st, "U0CHIEF")[0]
    st.driver.block_action("U0CHIEF", "approve_draft", "1:1", channel=msg.channel, message_ts=msg.ts)
    wait_ephemeral(st, "U0CHIEF", "期限切れ")


def test_from_the_scheduled_minute_a_click_does_not_approve_before_the_sweep_expires_the_draft(
        stack: LocalStack) -> None:
    """A pending draft is 期限切れ from its scheduled minute (the sweep's rule), but the sweep runs
    once a minute: a 承認 tapped in between approved a post that was already late."""
    from datetime import UTC

    from bot.sweep import Sweeper
    from storage.models import DraftVersionRow

    st = stack
    submit_draft(st)
    msg = wait_dm(st, "U0MANAGER")[0]
    chief = wait_dm(st, "U0CHIEF")[0]
    st.driver.block_action("U0CHIEF", "reject_draft", channel=chief.channel, message_ts=chief.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0CHIEF", "reject_reason"), timeout=30, message="reject form")
    settle(st)
    now = st.rt.kessai.clock()
    with st.rt.db.session() as s:  # as if it had been written for this very minute
        v = s.exec(select(DraftVersionRow)).one()
        v.scheduled_at = now.replace(second=0, microsecond=0).astimezone(UTC)
        s.add(v)
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    assert "期限切れ" in wait_ephemeral(st, "U0MANAGER", "投稿予定時刻")
    answer = st.driver.view_submission("U0CHIEF", "reject_reason", {"reason_text": "日付を確認してください。"}).json()
    assert "期限切れ" in answer["errors"]["reason"]
    st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    wait_ephemeral(st, "U0MANAGER", "期限切れ")
    settle(st)
    with st.rt.db.session() as s:
        assert list(ledger_repo.iter_entries(s)) == []
    assert draft_row(st).state == "pending"
    assert len(st.slack.calls_of("views.open")) == 2  # the draft form, and the rejection form opened before
    Sweeper(st.rt.kessai).sweep(st.rt.kessai.clock())
    assert draft_row(st).state == "expired"


def test_mark_published_pressed_again_after_the_post_was_recorded_is_told_so(sqlite_stack: LocalStack) -> None:
    """A colleague whose screen still shows the button (Slack has not redrawn it) presses it after
    the post was recorded: they are told it is recorded, no form opens, the URL stays."""
    st = sqlite_stack
    ts = approved_draft(st)
    button = publish_button(st, ts)
    st.driver.block_action("U0OPERATOR", "mark_published", channel="C0INTAKE", message_ts=button.ts)
    assert submit_publication(st, "U0OPERATOR", GOOD_URL).json() is None
    st.slack.wait_for(lambda: buttons(st.slack.message("C0INTAKE", button.ts)) == {}, timeout=30,
                      message="the button taken away")
    opened = len(st.slack.calls_of("views.open"))
    st.driver.block_action("U0OPERATOR2", "mark_published", channel="C0INTAKE", message_ts=button.ts, seen=button)
    wait_ephemeral(st, "U0OPERATOR2", "すでに投稿済みとして登録されています")
    settle(st)
    assert len(st.slack.calls_of("views.open")) == opened
    d = draft_row(st)
    assert (d.state, d.published_url, d.published_by) == ("published", GOOD_URL, "U0OPERATOR")


def test_an_older_versions_button_does_not_credit_the_newest_with_an_earlier_versions_decision(
        stack: LocalStack) -> None:
    """The first version approved, then revised as a 簡易な返信 (決裁省略) and posted: a 承認 of the
    first version tapped from a screen not yet redrawn was told 「最新の第2版は 春日山 一郎 さんが
    すでに承認しています」 — the approval of the first version, voided by the revision."""
    from bot.drafting import DraftForm

    st = stack
    submit_draft(st)
    manager = wait_dm(st, "U0MANAGER")[0]
    chief = wait_dm(st, "U0CHIEF")[0]
    st.driver.block_action("U0CHIEF", "approve_draft", channel=chief.channel, message_ts=chief.ts)
    st.slack.wait_for(lambda: draft_row(st).state == "approved", timeout=30, message="the approval")
    settle(st)
    d = draft_row(st)
    kessai = st.rt.kessai
    kessai.revise(d.id or 0, 1, "U0OPERATOR", DraftForm(
        account_id="joetsu-x", text="お問い合わせありがとうございます。担当課からご連絡いたします。", scheduled_at=None,
        category="reply", image_count=0, alt_texts=(), portrait_consent=False, note=None))
    assert draft_row(st).state == "exempt"
    kessai.publish(d.id or 0, 2, "U0OPERATOR", url=GOOD_URL, at=kessai.clock())
    settle(st)
    st.driver.block_action("U0MANAGER", "approve_draft", channel=manager.channel, message_ts=manager.ts, seen=manager)
    told = wait_ephemeral(st, "U0MANAGER", "古い版")
    assert "春日山 一郎" not in told and "投稿済み" in told, told
