"""Session 43's review of the red team's relaxations (prohibited.rumor, quote.third_party, link.shortener): what they
let through that should still warn, and what still warned that should not."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# What the city says it has done is no call to keep safe: 「ご用意」「ご準備」「確保して」「備えて」 were read as one
# wherever they stood, so these reports being checked went out unwarned.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で堤防が決壊したとの情報があり、現在確認中です。避難所では毛布と食事をご用意しています。",
        "〇〇地区で堤防が決壊したとの情報があり、現在確認中です。各避難所では十分な数の毛布を確保しています。",
        "〇〇川が氾濫したとの情報が寄せられており、現在確認中です。なお、ペットと同行避難される方はケージをご準備いただけます。",
        "〇〇で大規模な地震が来るとの情報があり、確認中です。日頃から地震に備えて家具を固定しましょう。",
    ],
)
def test_a_report_being_checked_beside_what_the_city_has_done_still_warns(text: str) -> None:
    assert findings_of("prohibited.rumor", text)


@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で停電しているとの情報があり、確認中です。念のため懐中電灯をご用意ください。",
        "〇〇地区で停電しているとの情報があり、確認中です。念のため懐中電灯をご準備ください。",
        "〇〇地区で断水しているとの情報があり、確認中です。念のため飲み水を確保してください。",
        "〇〇川が増水しているとの情報があり、確認中です。今後の雨に備えてください。",
    ],
)
def test_a_report_being_checked_with_what_to_have_at_hand_is_silent(text: str) -> None:
    assert not findings_of("prohibited.rumor", text)
