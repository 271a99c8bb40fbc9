"""``kessai demo`` scenes of the full 決裁 workflow: 代決, 決裁省略 with its 事後報告, publication,
and 「修正する」 for a draft submitted with /kessai draft.

``play_workflow(demo)`` is called by bot/demo.py after the morning's basic loop; it drives the bot
only through Slack (signed requests) and checks the outcome in the database at the end.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlmodel import col, select

from bot.ledger import LedgerEntry
from bot.sandbox.records import Message
from storage import ledger as ledger_repo
from storage.models import DraftRow

if TYPE_CHECKING:
    from bot.demo import Demo

POST_URL = "https://x.com/joetsu_city_example/status/1861234567890123456"


def _button_message(demo: Demo, channel: str, action_id: str) -> Message:
    st = demo.st

    def found() -> Message | None:
        for m in reversed(st.slack.messages(channel)):
            if any(el.get("action_id") == action_id for b in m.blocks if b.get("type") == "actions"
                   for el in b.get("elements", [])):
                return m
        return None

    return st.slack.wait_for(found, timeout=10, message=f"a message with {action_id}")


def play_workflow(demo: Demo) -> bool:
    st, drv = demo.st, demo.st.driver
    kessai = st.rt.kessai
    today = kessai.local(kessai.clock()).date().isoformat()
    seq_before = len(_entries(demo))

    drv.slash_command("U0MANAGER", "/kessai", f"away {today} {today}")
    drv.message("C0INTAKE", "U0OPERATOR",
                "市民プールは設備点検のため、今週末は休業します。ご理解をお願いします。")
    demo.show("10. 上越 花子 課長補佐が /kessai away で本日不在を登録 → 新しい下書きは代決者の直江 兼続 次長にも届く")
    deputy_dm = demo.dm_message("U0DEPUTY", "市民プール")
    drv.block_action("U0DEPUTY", "approve_draft", channel=deputy_dm.channel, message_ts=deputy_dm.ts)
    demo.show("11. 直江 兼続 次長が代決で承認 → 台帳には代決者と、代わりに決裁した決裁者の両方を記録")
    drv.slash_command("U0MANAGER", "/kessai", "away off")

    drv.slash_command("U0OPERATOR", "/kessai", "draft")
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "submit_draft"), timeout=10)
    drv.view_submission("U0OPERATOR", "submit_draft", {
        "account": "joetsu-x", "category": "emergency",
        "text": "【避難所開設】大雨のため、高田小学校体育館に避難所を開設しました。避難の際は足元にご注意ください。",
    })
    demo.show("12. 緊急・災害の投稿を /kessai draft で提出 → エラーがないため決裁省略、決裁者に事後報告")

    button = _button_message(demo, "C0INTAKE", "mark_published")
    drv.block_action("U0OPERATOR", "mark_published", channel="C0INTAKE", message_ts=button.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "publish_post"), timeout=10)
    refused = drv.view_submission("U0OPERATOR", "publish_post", {"post_url": "https://www.city.joetsu.niigata.jp/"})
    error = ((refused.json() or {}).get("errors") or {}).get("post_url", "")
    demo.show("13. Xに投稿した後「投稿済みにする」→ 市のサイトのURLを入れると、入力画面で断られる",
              notes=[f"入力画面のエラー表示: {error}"] if error else [])
    drv.view_submission("U0OPERATOR", "publish_post", {"post_url": POST_URL})
    demo.show("14. Xの投稿のURLを入れ直す → 投稿済みに（月間の投稿数に計上）")

    drv.slash_command("U0OPERATOR", "/kessai", "draft")
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "submit_draft"), timeout=10)
    drv.view_submission("U0OPERATOR", "submit_draft", {
        "account": "joetsu-x", "text": "雪囲いの講習会の申し込みは、担当 090-1234-5678 までお電話ください。"})
    check = _button_message(demo, "C0INTAKE", "revise_draft")
    demo.show("15. /kessai draft で提出した下書きに携帯電話番号 → ボットのメッセージなので編集はできず、「修正する」が表示される")
    drv.block_action("U0OPERATOR", "revise_draft", channel="C0INTAKE", message_ts=check.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "revise_draft_form"), timeout=10)
    drv.view_submission("U0OPERATOR", "revise_draft_form", {
        "text": "雪囲いの講習会の申し込みは、上越市役所 025-526-5111 までお電話ください。"})
    demo.show("16. 「修正する」で提出した内容の入った入力画面を開き、電話番号を直して提出 → 第2版として再確認 → 決裁依頼")
    revised = demo.dm_message("U0MANAGER", "雪囲い")
    drv.block_action("U0MANAGER", "approve_draft", channel=revised.channel, message_ts=revised.ts)
    demo.show("17. 上越 花子 課長補佐が第2版を承認")

    entries = _entries(demo)[seq_before:]  # the full ledger is printed and verified at the end of the demo
    with st.rt.db.session() as s:
        published = list(s.exec(select(DraftRow).where(col(DraftRow.state) == "published")))
    daiketsu = [e for e in entries if e.kind == "approved" and e.acting_for_id == "U0MANAGER"
                and e.decider_id == "U0DEPUTY"]
    exempt = [e for e in entries if e.kind == "exempt"]
    revised = [e for e in entries if e.kind == "approved" and e.version_number == 2 and e.decider_id == "U0MANAGER"]
    return (len(daiketsu) == 1 and len(exempt) == 1 and len(revised) == 1 and len(published) == 1
            and published[0].published_url == POST_URL)


def _entries(demo: Demo) -> list[LedgerEntry]:
    with demo.st.rt.db.session() as s:
        return list(ledger_repo.iter_entries(s))
