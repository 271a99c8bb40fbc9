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


# A crime said to have been done, passed on while it is checked, charges whoever did it, as 窃盗団 or 放火 do: a call to
# lock the door does not make it less a rumour. Only 窃盗団・強盗団 were known, so these went out unwarned.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇で殺人事件があったとの情報があり確認中です。念のため戸締まりをしてください。",
        "〇〇で殺人事件があったとの情報があり、確認中です。念のため外出を控えてください。",
        "〇〇地区で強盗があったとの情報があり、確認中です。戸締まりをしてください。",
        "避難所で盗難が相次いでいるとの情報があり、確認中です。貴重品は身につけ、戸締まりをしてください。",
        "〇〇町内で通り魔が出たとの情報があり、現在確認中です。念のため戸締まりをしてください。",
    ],
)
def test_a_crime_being_checked_warns_beside_a_precaution(text: str) -> None:
    assert findings_of("prohibited.rumor", text)


# A hazard's poison charges no one: 「有毒ガス」 was read as 「毒」, a poisoning, so the plainest words for a gas leak
# warned though 「有害なガス」 did not.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で有毒ガスが発生したとの情報があり、現在確認中です。念のため窓を閉めてください。",
        "〇〇工場の火災で有毒な煙が出ているとの情報があり、確認中です。屋内にいてください。",
        "〇〇地区で不審者を見たとの情報があり、確認中です。戸締まりをしてください。",
    ],
)
def test_a_hazard_or_a_sighting_being_checked_with_a_precaution_is_silent(text: str) -> None:
    assert not findings_of("prohibited.rumor", text)


@pytest.mark.parametrize(
    "text",
    [
        "〇〇浄水場に毒物が混入されたとの情報があり確認中です。念のため水道水は飲まないでください。",
        "井戸に毒が入れられたとの情報があり、確認中です。念のため飲用を控えてください。",
    ],
)
def test_a_poisoning_being_checked_still_warns(text: str) -> None:
    assert findings_of("prohibited.rumor", text)


# 「企業団」 and 「広域連合」 are bodies municipalities run together; 「企業団体」 and 「連合会」 are not: the exemption for
# the former let business federations and business parks through as sources (「企業(?!団)」 no longer caught 「企業団体」).
@pytest.mark.parametrize(
    "text",
    [
        "県内企業の景況調査です。出典：新潟県中小企業団体中央会",
        "出典：〇〇企業団体連合会",
        "出典：〇〇広域連合会",
        "会員数の推移（出典：新潟県商工会連合会）",
        "立地企業の一覧です。出典：〇〇企業団地",
    ],
)
def test_a_federation_of_businesses_as_the_source_warns(text: str) -> None:
    assert findings_of("quote.third_party", text)


# A lesson on phishing shows a shortened link disguised so that no one follows it, with a real-looking id: it stopped
# as a link the reader would type (only 「bit . ly/xxxx」 with a placeholder was left alone).
@pytest.mark.parametrize(
    "text",
    [
        "「bit . ly/abc123」のようなURLが届いても開かないでください。",
        "フィッシング詐欺にご注意ください。短縮URL（例：bit . ly/3xYz）は行き先が分かりません。",
        "例えば bit[.]ly/abcd のようなURLは開かないでください。",
        "講座の資料：短縮URL（bit . ly/example）の危険性について",
    ],
)
def test_a_disguised_shortener_in_a_lesson_on_phishing_is_silent(text: str) -> None:
    assert not findings_of("link.shortener", text)


@pytest.mark.parametrize(
    "text",
    [
        "詳しくは bit . ly/3xYzAbc をご覧ください。",
        "申込は amzn . to/3abc から（締切に注意）",
        "なりすましアカウントにご注意ください。公式の申込は bit[.]ly/abc123 からです。",
    ],
)
def test_a_disguised_shortener_to_follow_still_stops(text: str) -> None:
    assert findings_of("link.shortener", text)


# The portrait warning is read on a phone before a post goes out: with children named it ran to 160 characters
# (「学校や園が取った写真掲載の同意が、市の SNS への掲載まで含んでいるかも確かめてください」), longer than what it asks.
def test_the_portrait_warning_for_children_stays_short() -> None:
    [f] = findings_of("portrait.consent", "〇〇小学校の運動会の様子です。", image_count=10, video_count=10)
    assert "保護者の同意" in f.message and "市の SNS" in f.message and "人が写っていない場合も" in f.message
    assert len(f.message) <= 140, len(f.message)


# A report going round, however it goes (「広まっています」「流れています」「LINEで回っています」, a rumour named as one), is
# no report to the city: only 「SNS」「ネット」 named beside it kept it warning beside a call to keep safe, and 「LINEで」
# 「とのうわさが」 were not read as a report at all.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇川が氾濫したとの情報が広まっています。現在確認中です。念のため高台へ避難してください。",
        "〇〇川が氾濫したとの情報が流れています。現在確認中です。念のため高台へ避難してください。",
        "〇〇ダムが決壊したとの情報がLINEで出回っています。確認中です。近づかないでください。",
        "〇〇ダムが決壊したとの情報がLINEで回っています。確認中です。近づかないでください。",
        "〇〇ダムが決壊したとのうわさが広まっています。確認中です。近づかないでください。",
    ],
)
def test_a_report_going_round_being_checked_warns_beside_a_precaution(text: str) -> None:
    assert findings_of("prohibited.rumor", text)


@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区の避難所が満員との情報がLINEで回っていますが、現在も受け入れています。",
        "〇〇ダムが決壊したとのうわさが広まっていますが、事実ではありません。",
        "〇〇地区で土砂崩れが起きたとの情報が寄せられています。現在確認中です。近づかないでください。",
    ],
)
def test_a_report_going_round_denied_or_told_to_the_city_with_a_precaution_is_silent(text: str) -> None:
    assert not findings_of("prohibited.rumor", text)


# A quake foretold cannot be checked: 「確認中」 beside a call to be prepared passed the prophecy on unwarned.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で12月10日に大地震が起きるとの情報があり、確認中です。念のため備えをお願いします。",
        "近く大きな地震が来るとの情報が寄せられており、確認中です。念のため家具の固定など、地震への備えをお願いします。",
    ],
)
def test_a_quake_foretold_being_checked_warns_beside_a_precaution(text: str) -> None:
    assert findings_of("prohibited.rumor", text)


def test_a_quake_that_happened_being_checked_with_a_precaution_is_silent() -> None:
    text = "〇〇地区で地震による土砂崩れが起きたとの情報があり、確認中です。近づかないでください。"
    assert not findings_of("prohibited.rumor", text)
