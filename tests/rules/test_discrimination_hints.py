"""The finding says how to put right what it blocks, where the case is known: a facility that cannot
take a wheelchair says so of the building (障害者差別解消法), and a comment passed on unanswered is
answered, or told as the act complained of rather than the people."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes, findings_of


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


# Session 34: 「…はできません」 said of a group is how real eligibility rules read too (a benefit that excludes
# another), so it warns and asks for the reason; a reason given passes, and disabled people told they cannot
# take part stay an error (障害者差別解消法).
@pytest.mark.parametrize(
    "text",
    [
        "ひとり親家庭の方は利用できません。", "外国人の方は利用できません。", "生活保護の方は利用できません。", "女性は参加できません。",
        # A course's name is no reason given: 「マナー」 is a pretext only as the reason.
        "マナー講座は外国人の方は参加できません。",
    ],
)
def test_a_group_told_it_cannot_use_a_service_is_warned_to_give_the_reason(text: str) -> None:
    found = findings_of("prohibited.discrimination", text)
    assert [f.severity for f in found] == ["warning"]
    assert "理由を添えてください" in found[0].message


def test_a_disabled_person_told_they_cannot_take_part_is_an_error_with_the_law() -> None:
    found = findings_of("prohibited.discrimination", "障害者の方は参加できません。")
    assert [f.severity for f in found] == ["error"]
    assert "障害者差別解消法" in found[0].message


@pytest.mark.parametrize(
    "text",
    [
        "本制度と併用できないため、生活保護の方は利用できません。",
        "外国人の方もご利用いただけます。",
        "障害者の方は参加できませんか？",
        "昨年は障害者の方は参加できませんでした。今年は会場を変えてどなたでも参加できます。",
        "ひとり親家庭の方は申請してください。",
        "市外の方は利用できません。",
        "男性更衣室です。女性の方は入室できません。",
        # A scheme's own terms turn no disabled person away; safety is a reason of their own for older people.
        "障害者の方は利用できません（制度上、障害者割引と併用できないため）。",
        "安全のため、高齢者の方は参加できません。",
        "女性は参加できません（男性限定の講座のため）。",
    ],
)
def test_an_eligibility_rule_with_its_reason_or_a_welcome_passes(text: str) -> None:
    assert "prohibited.discrimination" not in codes(text)


# The reason that is the prejudice itself excuses nothing: it is an exclusion, said with a pretext.
@pytest.mark.parametrize(
    "text",
    [
        "治安のため、外国人の方は利用できません。",
        "トラブルが多いため、外国人の方はご利用できません。",
        "過去に苦情があったため、生活保護の方は利用できません。",
        "外国人の方は日本語が話せないため参加できません。",
        "安全のため、外国人の方は参加できません。",
        "障害者の方は迷惑なため参加できません。",
        "本教室の規則により、障害者の方は参加できません。",
    ],
)
def test_a_group_turned_away_for_a_prejudice_given_as_the_reason_is_an_error(text: str) -> None:
    assert [f.severity for f in findings_of("prohibited.discrimination", text)] == ["error"]
