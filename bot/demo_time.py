"""Demo scenes where time passes: a reminder, a 代決 escalation and an incident acknowledged.

The bot keeps its own (demo) clock; the sweep is called with an explicit ``now`` later than it,
exactly as ``kessai remind --now`` would be, so the scenes need no waiting.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from sqlmodel import col, select

from bot import incidents as inc
from bot.app import shifted_clock
from bot.render import fmt_time
from bot.sweep import Sweeper
from storage import outbox
from storage.models import DraftRow, IncidentRow

if TYPE_CHECKING:
    from bot.demo import Demo


def play_time(demo: Demo) -> bool:
    st, out = demo.st, demo.out
    kessai = st.rt.kessai
    drv = st.driver
    policy = kessai.org.policy
    cal = kessai.org.calendar(str(kessai.tz))
    sweeper = Sweeper(kessai)

    def sweep(at: datetime, title: str) -> None:
        demo.wait_until_quiet()
        # Time travel for the whole bot (services and outbox alike, always forward), so that what
        # people do afterwards (対応開始) is stamped after the reminder that prompted it.
        clock = shifted_clock(at)
        kessai.clock = clock
        st.rt.gateway.clock = clock
        out(f"\n（時計を {fmt_time(at.astimezone(kessai.tz))} に進め、リマインダーを確認します）")
        sweeper.sweep(at)
        demo.show(title)

    # Record this morning's password change first, so that the demo shows the approval reminders
    # rather than a "no password change recorded yet" notice for every account.
    for account, operator in (("joetsu-x", "U0OPERATOR"), ("joetsu-insta", "U0OPERATOR2")):
        drv.slash_command(operator, "/kessai", f"password-rotated {account}")
    drv.message("C0INTAKE", "U0OPERATOR2",
                "【募集】市民記者を募集しています。市の魅力を一緒に発信しませんか。"
                "詳しくは https://www.city.joetsu.niigata.jp/ をご覧ください。")
    demo.show("10. 運用担当者が今朝のパスワード変更を記録し、新しい下書きを投稿 → 決裁依頼（誰もすぐには決裁しません）")
    with st.rt.db.session() as s:
        draft = s.exec(select(DraftRow).where(col(DraftRow.state) == "pending")
                       .order_by(col(DraftRow.id).desc())).first()
    if draft is None:
        return False
    since = draft.updated_at
    sweep(cal.add_business_time(since, policy.approval_reminder_after),
          "11. 業務時間で2時間たっても決裁待ち → 決裁者にリマインダー")
    sweep(cal.add_business_time(since, policy.approval_escalate_after),
          "12. 1業務日たっても決裁待ち → 代決者（直江 兼続 次長）にも決裁を依頼")

    drv.slash_command("U0OPERATOR", "/kessai", "incident joetsu-x")
    st.slack.wait_for_call("views.open", timeout=10)
    drv.view_submission("U0OPERATOR", inc.REPORT_CALLBACK, {
        inc.KIND_ACTION: "impersonation",
        inc.DESCRIPTION_ACTION: "「上越市公式」を名乗る偽アカウント https://x.com/joetsu_city_fake が、"
                                "懸賞の当選連絡を装って個人情報を求める投稿をしています。"})
    demo.show("13. 運用担当者が /kessai incident でなりすましを報告 → 情報政策室・広報対話課にアラート")
    with st.rt.db.session() as s:
        incident = s.exec(select(IncidentRow).order_by(col(IncidentRow.id).desc())).first()
    if incident is None:
        return False
    sweep(incident.created_at + policy.incident_ack_within,
          "14. 15分たっても誰も対応開始しない → 担当者に @メンションで再通知")
    # The alert is found where the bot recorded posting it: on a month's last business days the
    # escalation channel also has the list of accounts short of posts, and may have it first.
    with st.rt.db.session() as s:
        alert = outbox.message_location(s, inc.alert_key(incident.id or 0, policy.escalation_channel))
    if alert is None:
        return False
    drv.block_action("U0JOHO", inc.ACK_ACTION, channel=alert.channel, message_ts=alert.ts)
    drv.block_action("U0JOHO", inc.CHECKLIST_ACTION, ["report", "takedown"], channel=alert.channel,
                     message_ts=alert.ts)
    demo.show("15. 情報政策室の木田 四郎 課長が「対応開始」→ チェックリストに記録")

    with st.rt.db.session() as s:
        reminded = any("決裁のお願い" in m.text for m in st.slack.messages(st.slack.dm_channel("U0MANAGER")))
        deputy_asked = bool(st.slack.messages(st.slack.dm_channel("U0DEPUTY")))
        row = s.get(IncidentRow, incident.id)
        acked = row is not None and row.status == "acked" and row.checklist_done == ["report", "takedown"]
    return reminded and deputy_asked and acked
