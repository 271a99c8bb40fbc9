"""prohibited.rumor, session 44's red team: the call to keep safe that lets a report being checked go out belongs to
that report."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# A call to keep safe anywhere in the post let a report still being checked go out: another notice's 「ご注意ください」,
# paragraphs away and about something else, silenced it.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で土砂崩れが起きたとの情報が寄せられています（確認中）。\n\n"
        "【お知らせ】インフルエンザが流行しています。手洗いにご注意ください。",
        "〇〇川が氾濫したとの情報があります。現在確認中です。\n\nなお、明日のごみ収集は通常どおりです。路面凍結にご注意ください。",
        "市内の〇〇橋が崩落したとの情報が寄せられています（確認中）。\n\n本日は大雪です。外出の際はお気をつけください。",
        "お知らせ：路面凍結にご注意ください。\n\n〇〇地区で停電が起きているとの情報が入っています。確認中です。",
        "〇〇ダムが決壊したとの情報があり、確認中です。詳しい情報が入り次第お知らせします。\n\n"
        "先日のイベントの写真です。熱中症にご注意ください。",
    ],
)
def test_a_call_to_keep_safe_elsewhere_does_not_let_the_report_through(text: str) -> None:
    assert findings_of("prohibited.rumor", text), text


# The call in the report's sentence or soon after it in its paragraph is the report's: still silent.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で土砂崩れが発生したとの情報があり、現在確認中です。近づかないでください。",
        "クマを目撃したとの情報がありました。現在確認中です。付近を通行の際はご注意ください。",
        "〇〇地区で断水しているとの情報があり、確認中です。\n念のため、水道水は煮沸してからお使いください。",
        "〇〇地区で土砂崩れが発生したとの情報があり、現在確認中です。なお、付近の道路は通行止めにしています。"
        "通行の際はご注意ください。",
    ],
)
def test_the_reports_own_call_to_keep_safe_still_lets_it_through(text: str) -> None:
    assert not findings_of("prohibited.rumor", text), text


# 5e17b23a's call within the report's paragraph left out the one a post sets apart by a blank line, as posts on X set
# every line: the report with its own call to keep safe warned.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で土砂崩れが発生したとの情報があり、現在確認中です。\n\n現場付近には近づかないでください。",
        "〇〇地区で停電しているとの情報があります。確認中です。\n\n念のため、懐中電灯をご用意ください。",
        "〇〇地区で土砂崩れが起きたとの情報が寄せられています\n現在確認中です\n\n近づかないでください",
    ],
)
def test_the_reports_own_call_set_apart_by_a_blank_line_still_lets_it_through(text: str) -> None:
    assert not findings_of("prohibited.rumor", text), text


# A call two sentences on, about something else, is still another notice's.
def test_a_call_two_sentences_on_about_something_else_still_warns() -> None:
    text = "〇〇地区で土砂崩れが起きたとの情報が寄せられています。確認中です。明日は燃えるごみの日です。路面凍結にご注意ください。"
    assert findings_of("prohibited.rumor", text)
