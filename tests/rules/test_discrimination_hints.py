"""The finding says how to put right what it blocks, where the case is known: a facility that cannot
take a wheelchair says so of the building (障害者差別解消法), and a comment passed on unanswered is
answered, or told as the act complained of rather than the people."""

from __future__ import annotations

from tests.rules.conftest import findings_of


def _message(text: str) -> str:
    found = findings_of("prohibited.discrimination", text)
    assert len(found) == 1
    return found[0].message


def test_a_wheelchair_turned_away_is_told_to_describe_the_building_with_its_reason() -> None:
    message = _message("展望台は階段のみのため、車いすの方はご遠慮ください")
    assert "障害者差別解消法" in message
    assert "「展望台は階段のみのため、車いすでのご利用は難しい構造です。ご不明な点はお問い合わせください」" in message


def test_other_disabilities_turned_away_are_told_to_describe_the_facility() -> None:
    message = _message("障害者の方は入店をご遠慮ください。")
    assert "設備の状況とお問い合わせ先" in message
    assert "車いす" not in message


def test_other_refusals_keep_the_plain_message() -> None:
    assert _message("外国人の方はお断りしています。").endswith("表現を改めてください。")


def test_a_complaint_passed_on_unanswered_is_told_how_to_pass_it_on() -> None:
    message = _message("「外国人観光客はマナーが悪い」という苦情が寄せられています")
    assert "しかし、それは誤解です" in message
    assert "人ではなく行いを書いてください" in message
    message = _message("外国人は出ていけという声を聞きます。")
    assert "人ではなく行いを書いてください" in message


def test_a_statement_said_keeps_the_plain_message() -> None:
    assert _message("外国人観光客はマナーが悪い").endswith("表現を改めてください。")


def test_a_statement_agreed_with_is_not_told_to_answer_it() -> None:
    message = _message("「外国人は出ていけ」という声を聞きます。その通りだと思います。")
    assert message.endswith("表現を改めてください。")
