"""Hostile or careless text in every field the bot echoes — the draft (typed, and as Slack's own
markup), alt texts, the note, 差戻し and override reasons, templates, /kessai arguments, incident
descriptions and resolutions, and every name in the organisation file: nothing the bot sends
pings anyone or links elsewhere, and plain_text fields show what was typed (no 「&amp;」)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot import incidents as inc
from bot import render
from bot.app import shifted_clock
from bot.config import parse_org_config
from bot.localstack import LocalStack, start_local_stack
from bot.sweep import Sweeper
from tests.conftest import DEMO_TOML, database_url
from tests.e2e.conftest import (
    BUSINESS_MORNING,
    CLEAN_DRAFT,
    all_text,
    buttons,
    dm,
    settle,
    wait_dm,
    wait_thread,
)

# As typed into a form or a command (and, through the driver, into a message).
EVIL = ("<!channel> <!here> <@U0EVIL> <#C0EVIL> <!subteam^S0EVIL> <https://evil.example|公式サイト> "
        "*太字* `code` &lt;")
# As Slack delivers a message in which the composer made real mentions and a labelled link.
MARKUP = ("<!channel> <!here|here> <@U0EVIL> <#C0EVIL|general> <!subteam^S0EVIL|@kouhou> "
          "<https://evil.example|公式サイト> &lt;b&gt;")
# A link is dangerous when its label may say other than where it goes; the approver's DM lists the
# draft's links each labelled by nothing but its own address (「<https://evil.example>」), on purpose.
DANGEROUS = re.compile(r"<(?:!channel|!here|!everyone|@U0EVIL|#C0EVIL|!subteam|https://evil[^>]*\|)")
NAMES = ("高田 太郎", "上越 花子", "春日山 一郎", "上越市公式X", "広報対話課", "木田 四郎", "直江 兼続")


def strings(node: Any, path: str, out: list[tuple[str, str, bool]], plain: bool = False) -> None:
    """Every string in a Slack API call, with whether Slack shows it as plain_text."""
    if isinstance(node, dict):
        for k, v in node.items():
            # A button's accessibility_label is a bare string a screen reader speaks: never mrkdwn.
            strings(v, f"{path}/{k}", out, (node.get("type") == "plain_text" and k == "text")
                    or (node.get("type") == "button" and k == "accessibility_label"))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            strings(v, f"{path}/{i}", out)
    elif isinstance(node, str):
        out.append((path, node, plain))


def problems(st: LocalStack, answers: list[str]) -> list[str]:
    found = []
    for c in st.slack.calls:
        params = {k: json.loads(v) if k in ("blocks", "view") and isinstance(v, str) else v
                  for k, v in c.params.items()}
        seen: list[tuple[str, str, bool]] = []
        strings(params, c.method, seen)
        for path, s, plain in seen:
            if "private_metadata" in path or path.endswith(("/value", "/action_id", "/block_id", "/callback_id")):
                continue
            if not plain and DANGEROUS.search(s):
                found.append(f"markup {path}: {s[:160]!r}")
            # EVIL ends in a typed 「&lt;」, which the draft, shown as plain text, rightly shows as typed.
            if plain and re.search(r"&(amp|lt|gt);", s.replace("`code` &lt;", "`code` ")):
                found.append(f"escaped plain_text {path}: {s[:160]!r}")
            if "&amp;amp;" in s:
                found.append(f"escaped twice {path}: {s[:160]!r}")
    for body in answers:  # what slash commands and forms answer directly
        answer = json.loads(body) if body else {}
        if DANGEROUS.search(str(answer.get("text", ""))):
            found.append(f"markup in an answer: {body[:160]}")
        for error in (answer.get("errors") or {}).values():  # plain text in the modal
            if re.search(r"&(amp|lt|gt);", error):
                found.append(f"escaped form error: {error[:160]}")
    return found


def slack_markup_message(st: LocalStack, channel: str, user: str, text: str) -> str:
    """A message whose text is Slack's markup as delivered, not characters typed."""
    ts = st.slack.post_as_user(channel, user, text).ts
    st.driver.event({"type": "message", "user": user, "text": text, "ts": ts, "channel": channel,
                     "event_ts": ts, "channel_type": "channel"})
    return ts


def open_form(st: LocalStack, user: str, callback_id: str) -> None:
    st.slack.wait_for(lambda: st.slack.latest_view(user, callback_id), timeout=30, message=callback_id)


@pytest.fixture(params=["marked", "long"])
def hostile(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[LocalStack]:
    """Every name in the organisation file with markup in it, or filled up with ``&<>`` to the longest
    name the file may hold (200 characters, the database's column; each grows to 4–5 when escaped)."""
    toml = DEMO_TOML.read_text(encoding="utf-8")
    for name in NAMES:
        tail = " <!here> *&* <@U0EVIL>" if request.param == "marked" else "&<>" * ((200 - len(name)) // 3)
        toml = toml.replace(f'name = "{name}"', f'name = "{name}{tail}"')
    st = start_local_stack(parse_org_config(toml, "hostile.toml"), database_url("sqlite", tmp_path),
                           clock=shifted_clock(BUSINESS_MORNING))
    yield st
    st.stop()


def test_nothing_echoed_pings_or_links(hostile: LocalStack) -> None:
    st = hostile
    answers: list[str] = []
    # A draft with hostile alt texts; rejected with a hostile reason; edited; approved; published.
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT + EVIL, images=[EVIL, "紅葉" + EVIL])
    msg = wait_dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    open_form(st, "U0MANAGER", render.REJECT_CALLBACK)
    answers.append(st.driver.view_submission("U0MANAGER", render.REJECT_CALLBACK,
                                             {"reason_text": EVIL, "preset_reasons": ["typo"]}).body)
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("差し戻しました" in all_text(m) for m in ms))
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT + EVIL + "（修正）", images=[EVIL, "紅葉"])
    msg = wait_dm(st, "U0MANAGER", 2)[-1]
    late = wait_dm(st, "U0CHIEF", 2)[-1]  # the other approver opens the 差戻し form meanwhile
    st.driver.block_action("U0CHIEF", "reject_draft", channel=late.channel, message_ts=late.ts)
    open_form(st, "U0CHIEF", render.REJECT_CALLBACK)
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    # Too late, each refusal names who decided: 承認 pressed on the old screen, the form sent.
    st.driver.block_action("U0CHIEF", "approve_draft", channel=late.channel, message_ts=late.ts, seen=late)
    answers.append(st.driver.view_submission("U0CHIEF", render.REJECT_CALLBACK, {"reason_text": "誤字があります"}).body)
    assert "すでに承認しています" in json.loads(answers[-1])["errors"]["reason"]
    found = wait_thread(st, "C0INTAKE", ts, lambda ms: any(render.PUBLISH_ACTION in buttons(m) for m in ms))
    prompt = next(m for m in found if render.PUBLISH_ACTION in buttons(m))
    st.driver.block_action("U0OPERATOR", render.PUBLISH_ACTION, channel=prompt.channel, message_ts=prompt.ts)
    open_form(st, "U0OPERATOR", render.PUBLISH_CALLBACK)
    for url in ("https://x.com/other_city/status/1<!channel>", "https://x.com/joetsu_city_example/status/12?s=<!channel>"):
        answers.append(st.driver.view_submission("U0OPERATOR", render.PUBLISH_CALLBACK, {render.P_URL: url}).body)
    # Slack's own markup in a message: real mentions and a link whose label hides where it goes.
    slack_markup_message(st, "C0INTAKE", "U0OPERATOR2", "12月の広報紙を発行しました。" + MARKUP)
    # A blocking draft sent on with a hostile reason.
    blocked = st.driver.message("C0INTAKE", "U0OPERATOR", "090-1234-5678 までお電話ください。" + EVIL)
    found = wait_thread(st, "C0INTAKE", blocked, lambda ms: any(render.OVERRIDE_ACTION in buttons(m) for m in ms))
    button = next(m for m in found if render.OVERRIDE_ACTION in buttons(m))
    st.driver.block_action("U0OPERATOR", render.OVERRIDE_ACTION, channel=button.channel, message_ts=button.ts)
    open_form(st, "U0OPERATOR", render.OVERRIDE_CALLBACK)
    answers.append(st.driver.view_submission("U0OPERATOR", render.OVERRIDE_CALLBACK,
                                             {render.OVERRIDE_INPUT: "公式の番号です。" + EVIL}).body)
    # /kessai draft with a hostile note (one line of it made to look like a decision) and alt texts.
    st.driver.slash_command("U0OPERATOR2", "/kessai", "draft")
    open_form(st, "U0OPERATOR2", render.DRAFT_CALLBACK)
    answers.append(st.driver.view_submission("U0OPERATOR2", render.DRAFT_CALLBACK, {
        render.F_ACCOUNT: "joetsu-insta", render.F_TEXT: "雪まつりのお知らせです。" + EVIL, render.F_IMAGES: "2",
        render.F_ALTS: EVIL + "\n" + EVIL, render.F_NOTE: EVIL + "\n*:white_check_mark: 承認済み*"}).body)
    # Commands with hostile arguments, from an approver and from an operator.
    for args in ("template add お知らせ" + EVIL + " 本文です" + EVIL, "template add お知らせ" + EVIL + " 二つ目",
                 "template list", "template remove " + EVIL, "away " + EVIL, "away 12/1 " + EVIL,
                 "away 2026-12-01 2026-12-05", "status", EVIL, "help", "password-rotated " + EVIL, "incident " + EVIL):
        for user in ("U0MANAGER", "U0OPERATOR"):
            answers.append(st.driver.slash_command(user, "/kessai", args).body)
    st.driver.slash_command("U0MANAGER", "/kessai", "template add")
    open_form(st, "U0MANAGER", render.TEMPLATE_CALLBACK)
    answers.append(st.driver.view_submission("U0MANAGER", render.TEMPLATE_CALLBACK, {
        render.T_NAME: "お知らせ<!channel>", render.T_TEXT: EVIL}).body)  # the name is taken: the error echoes it
    # An incident reported, acknowledged and resolved with hostile text.
    st.driver.slash_command("U0OPERATOR", "/kessai", "incident joetsu-x")
    open_form(st, "U0OPERATOR", inc.REPORT_CALLBACK)
    st.driver.view_submission("U0OPERATOR", inc.REPORT_CALLBACK, {inc.KIND_ACTION: "flaming", inc.DESCRIPTION_ACTION: EVIL})
    alert = st.slack.wait_for(lambda: next(iter(st.slack.messages("C0ESCALATE")), None), timeout=30)
    st.driver.block_action("U0JOHO", inc.ACK_ACTION, channel=alert.channel, message_ts=alert.ts)
    st.driver.block_action("U0JOHO", inc.RESOLVE_ACTION, channel=alert.channel, message_ts=alert.ts)
    open_form(st, "U0JOHO", inc.RESOLVE_CALLBACK)
    answers.append(st.driver.view_submission("U0JOHO", inc.RESOLVE_CALLBACK, {inc.SUMMARY_ACTION: EVIL}).body)
    for user in ("U0MANAGER", "U0OPERATOR", "U0OPERATOR2", "U0JOHO", "U0CHIEF"):
        st.driver.app_home_opened(user)
    settle(st)
    # Reminders, 代決 and monthly notices name the same people and accounts.
    for days in (0.15, 1.2, 6, 26):
        Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(days=days))
        settle(st)
    assert [c.method for c in st.slack.calls if not c.ok] == []
    assert any("お知らせ<!channel>」という名前の定型文はすでにあります" in a.encode().decode("unicode_escape") for a in answers)
    found = problems(st, answers)
    assert found == [], "\n".join(found)
    # The approver can still tap the draft's link to see where it goes: labelled with the address itself.
    assert "\n・<https://evil.example>" in all_text(dm(st, "U0MANAGER")[0])


def test_refusals_after_the_organisation_file_changed_name_people_escaped(hostile: LocalStack) -> None:
    """The refusals and notes written when the file drops someone (an author no longer an operator,
    a deputy no longer a deputy) and the 代決 withdrawn note name accounts and people from the file:
    escaped like every other name, so 「<!here>」 in a name pings nobody."""
    st = hostile
    for approver in ("U0MANAGER", "U0CHIEF"):
        st.driver.slash_command(approver, "/kessai", "away 2026-11-24 2026-11-27")
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    request = wait_dm(st, "U0DEPUTY")[0]
    settle(st)
    toml = st.rt.kessai.org
    changed = DEMO_TOML.read_text(encoding="utf-8")
    tail = " <!here> *&* <@U0EVIL>"
    for name in NAMES:
        changed = changed.replace(f'name = "{name}"', f'name = "{name}{tail}"')
    changed = changed.replace('operators = ["U0OPERATOR", "U0OPERATOR2"]', 'operators = ["U0OPERATOR2"]', 1)
    changed = changed.replace('deputies = ["U0DEPUTY"]', 'deputies = []', 1)
    st.rt.kessai.org = parse_org_config(changed, "hostile.toml")
    try:
        st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT + "（修正）")
        st.driver.block_action("U0DEPUTY", "approve_draft", buttons(request)["approve_draft"],
                               channel=request.channel, message_ts=request.ts)
        settle(st)
    finally:
        st.rt.kessai.org = toml
    st.driver.slash_command("U0MANAGER", "/kessai", "away off")  # the deputy's request is withdrawn
    settle(st)
    said = [e.text for e in st.slack.ephemerals()]  # through chat.postEphemeral or a response URL
    assert any("運用担当者として登録されていない" in t for t in said)
    assert any("代決者として登録されていない" in t for t in said)
    found = problems(st, [])
    assert found == [], "\n".join(found)


def test_second_acknowledger_is_told_who_acknowledged_escaped(hostile: LocalStack) -> None:
    """A second escalation member pressing 対応開始 is told who pressed it first: by name, which
    comes from the organisation file and must ping and link nobody in that private answer."""
    st = hostile
    st.driver.slash_command("U0OPERATOR", "/kessai", "incident joetsu-x")
    open_form(st, "U0OPERATOR", inc.REPORT_CALLBACK)
    st.driver.view_submission("U0OPERATOR", inc.REPORT_CALLBACK, {inc.KIND_ACTION: "flaming", inc.DESCRIPTION_ACTION: "炎上しています"})
    alert = st.slack.wait_for(lambda: next(iter(st.slack.messages("C0ESCALATE")), None), timeout=30)
    st.driver.block_action("U0JOHO", inc.ACK_ACTION, channel=alert.channel, message_ts=alert.ts)
    settle(st)
    st.driver.block_action("U0MANAGER", inc.ACK_ACTION, channel=alert.channel, message_ts=alert.ts, seen=alert)
    settle(st)
    said = [e.text for e in st.slack.ephemerals()]
    assert any("すでに対応を始めています" in t for t in said), said
    found = problems(st, [])
    assert found == [], "\n".join(found)


def test_shortened_names_keep_whole_characters(tmp_path: Path) -> None:
    """A long account name shortened with 「…」 (the request's header, the account menu) is cut
    between characters as a reader sees them: a name saved decomposed (が as か and ゛, as text
    copied from a Mac's file name is) lost the ゛ at the cut, showing 「か…」, another word."""
    long = "a" + "か\u3099" * 80
    toml = DEMO_TOML.read_text(encoding="utf-8")
    toml = toml.replace('name = "上越市公式X"', f'name = "上越市公式X{long}"')
    toml = toml.replace('name = "上越市公式Instagram"', f'name = "上越市公式X{long}"')  # one name on two platforms
    st = start_local_stack(parse_org_config(toml, "long.toml"), database_url("sqlite", tmp_path),
                           clock=shifted_clock(BUSINESS_MORNING))
    try:
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        wait_dm(st, "U0MANAGER")
        st.driver.slash_command("U0OPERATOR2", "/kessai", "draft")
        open_form(st, "U0OPERATOR2", render.DRAFT_CALLBACK)
        settle(st)
        shown: list[tuple[str, str, bool]] = []
        for c in st.slack.calls:
            strings({k: json.loads(v) if k in ("blocks", "view") and isinstance(v, str) else v
                     for k, v in c.params.items()}, c.method, shown)
        cut = [(path, s) for path, s, plain in shown if plain and "…" in s and "か" in s]
        assert any("header" not in p for p, _ in cut) and len(cut) >= 2, cut  # the menu and the header
        assert [(p, s) for p, s in cut if "か…" in s] == []
    finally:
        st.stop()
