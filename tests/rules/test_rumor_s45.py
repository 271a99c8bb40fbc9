"""prohibited.rumor, session 45's red team: the call to keep safe right after a report being checked must be about it."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# A standing caution of the season, or another thing added with 「にも」, in the sentence right after a report still being
# checked let the report go out as if the call were its own.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇川が氾濫したとの情報があります。現在確認中です。熱中症にもご注意ください。",
        "〇〇地区で土砂崩れがあったとの情報があり、現在確認中です。なお、路面凍結にご注意ください。",
        "〇〇地区で火事があったとの情報が寄せられています。確認中です。インフルエンザにご注意ください。",
        "〇〇橋が崩落したとの情報があり、確認中です。また、特殊詐欺にご注意ください。",
        "〇〇地区で断水しているとの情報があります（確認中）。空き巣にご注意ください。",
        "〇〇地区で停電しているとの情報があり、確認中です。年末年始のごみ収集日にご注意ください。",
        "〇〇ダムが決壊したとの情報があり、確認中です。マダニにご注意ください。",
        "〇〇地区で停電しているとの情報があり、確認中です。年末は飲酒運転にご注意ください。",
        "〇〇地区で停電しているとの情報があり、確認中です。乾燥する季節、火災にもご注意ください。",
    ],
)
def test_another_notices_caution_right_after_the_report_does_not_let_it_through(text: str) -> None:
    assert findings_of("prohibited.rumor", text), text


# A call about the report's matter, its place or its hazards, or anything else it names, is still the report's.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で土砂崩れが発生したとの情報があり、現在確認中です。土砂災害にご注意ください。",
        "〇〇川が氾濫したとの情報があります。現在確認中です。河川の増水に十分ご注意ください。",
        "〇〇地区で土砂崩れがあったとの情報があり、確認中です。足元に十分注意してください。",
        "〇〇地区でガス漏れが発生したとの情報があり、現在確認中です。火気の使用にご注意ください。",
        "国道8号で倒木があったとの情報があり、確認中です。運転には十分ご注意ください。",
        "市内でクマが目撃されたとの情報があり、現在確認中です。山林への立ち入りにご注意ください。",
        "〇〇地区で断水しているとの情報があり、確認中です。濁り水にご注意ください。",
        "不審者が出没したとの情報が寄せられています。警察が確認しています。夜間の外出にご注意ください。",
        "〇〇地区で停電しているとの情報があり、確認中です。冷蔵庫の食品の傷みにご注意ください。",
    ],
)
def test_the_reports_own_caution_still_lets_it_through(text: str) -> None:
    assert not findings_of("prohibited.rumor", text), text


# A safety notice's share request said politely as a sentence of its own (「拡散希望です。」) warned, where 「拡散希望！」
# 「拡散お願いします。」 after the same notice were silent.
@pytest.mark.parametrize(
    "text",
    [
        "クマの目撃情報がありました。拡散希望です。",
        "クマの目撃情報がありました。拡散希望です。付近の方はご注意ください。",
        "行方不明者を捜索しています。拡散希望です！",
        "〇〇地区に避難指示を発令しました。拡散希望です。",
    ],
)
def test_a_safety_notices_polite_share_request_is_silent(text: str) -> None:
    assert not findings_of("prohibited.rumor", text), text


# After a guess, a rumour or no safety notice it still warns, as 「拡散希望！」 does.
@pytest.mark.parametrize(
    "text",
    ["〇〇地区で断水しているみたいです。拡散希望です。", "〇〇スーパーが閉店します。拡散希望です。", "新しいゆるキャラができました。拡散希望です！"],
)
def test_a_polite_share_request_after_a_guess_or_no_safety_notice_still_warns(text: str) -> None:
    assert any(f.end - f.start == 4 for f in findings_of("prohibited.rumor", text)), text


# A standing caution the report's own hazard brings on is the report's call to keep safe, as it was before standing
# cautions counted: a city's disaster post gives these with the report (heat stroke or carbon monoxide where the power
# is out, icy roads where cars have slid, fraud after a suspect call, rubbish after a bear), and warned.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で停電しているとの情報があり、確認中です。一酸化炭素中毒にご注意ください。",
        "〇〇地区で停電しているとの情報があり、確認中です。ヒートショックにご注意ください。",
        "〇〇地区で断水しているとの情報があり、確認中です。熱中症にご注意ください。",
        "国道8号でスリップ事故が相次いでいるとの情報があり、確認中です。路面凍結にご注意ください。",
        "〇〇地区で道路が冠水しているとの情報があり、確認中です。路面凍結にもご注意ください。",
        "市役所職員を名乗る不審な電話があったとの情報が寄せられています。現在確認中です。還付金詐欺にご注意ください。",
        "〇〇地区でクマを目撃したとの情報がありました。現在確認中です。生ごみの管理にご注意ください。",
        "〇〇地区で断水しているとの情報があり、確認中です。濁り水にもご注意ください。",
        "〇〇地区で土砂崩れがあったとの情報があり、確認中です。今後の雨にもご注意ください。",
    ],
)
def test_a_standing_caution_the_reports_hazard_brings_on_lets_it_through(text: str) -> None:
    assert not findings_of("prohibited.rumor", text), text


# The same cautions after a report that does not bring them on are still another notice's.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で停電しているとの情報があり、確認中です。還付金詐欺にご注意ください。",
        "〇〇地区でクマを目撃したとの情報がありました。現在確認中です。熱中症にご注意ください。",
        "国道8号で多重事故があったとの情報があり、確認中です。特殊詐欺にご注意ください。",
        "〇〇橋が崩落したとの情報があり、確認中です。インフルエンザにもご注意ください。",
        "〇〇地区で停電しているとのうわさがあります。確認中です。一酸化炭素中毒にご注意ください。",
    ],
)
def test_a_standing_caution_another_hazard_brings_on_still_warns(text: str) -> None:
    assert findings_of("prohibited.rumor", text), text
