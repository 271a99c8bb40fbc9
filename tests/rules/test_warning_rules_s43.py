"""quote.third_party and prohibited.rumor, session 43's red team: public bodies and the city's schools as sources, and
a report being checked passed on with what to do to keep safe."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# A body several municipalities run together (一部事務組合・広域連合) is a public one, as a municipality or its fire
# service is: 「出典：」 naming it is the attribution its terms ask for, under 和気町 6's proviso (関係機関). It warned.
@pytest.mark.parametrize(
    "text",
    [
        "大雪による救急出動の状況です。出典：上越地域消防事務組合",
        "保険料の改定について（出典：新潟県後期高齢者医療広域連合）",
        "水道管の凍結にご注意ください。出典：上越地域広域水道企業団",
        "ごみ処理施設の搬入実績（出典：〇〇地区衛生施設事務組合ホームページ）",
    ],
)
def test_a_source_run_by_municipalities_together_is_silent(text: str) -> None:
    assert not findings_of("quote.third_party", text)


@pytest.mark.parametrize(
    "text",
    [
        "今年の米の作柄です。出典：えちご上越農業協同組合",
        "出典：上越市商店街振興組合",
        "組合員の声（出典：〇〇労働組合）",
        "出典：上越地域消防事務組合ファンクラブ",
        "出典：上越地域消防事務組合、新潟日報",
    ],
)
def test_a_cooperative_or_a_union_as_the_source_still_warns(text: str) -> None:
    assert findings_of("quote.third_party", text)


# A report being checked passed on with what readers are to do to keep safe (shut the windows against smoke, boil the
# water, have a torch at hand, go up a floor): the disaster post 上越市 6② lets go out at once, no rumour spread. Only
# 「近づかない」「ご注意」 and the like were known, so these warned.
@pytest.mark.parametrize(
    "text",
    [
        "工場で火災が発生し、有害なガスが出ているとの情報があり、現在確認中です。念のため窓を閉めてください。",
        "〇〇地区で停電しているとの情報があり、現在確認中です。念のため懐中電灯をご用意ください。",
        "〇〇浄水場で濁りが出ているとの情報があり、確認中です。念のため水道水は煮沸してからお使いください。",
        "〇〇川が氾濫したとの情報があり、現在確認中です。念のため2階以上へ移動してください。",
        "〇〇地区で火災が発生したとの通報があり、確認中です。煙が出ていますので、念のため戸締まりをして屋内にいてください。",
    ],
)
def test_a_report_being_checked_with_a_precaution_is_silent(text: str) -> None:
    assert not findings_of("prohibited.rumor", text)


@pytest.mark.parametrize(
    "text",
    [
        "〇〇川が氾濫したとの情報があり、現在確認中です。",
        "〇〇スーパーで食中毒が出たとの情報があり、確認中です。念のため室内で過ごしてください。",
        "SNSで〇〇川が氾濫したとの情報があり、現在確認中です。念のため2階以上へ移動してください。",
        "井戸に毒が入れられたとの情報があり、確認中です。念のため井戸水は飲まないでください。",
    ],
)
def test_a_report_being_checked_without_one_or_from_the_net_or_a_charge_still_warns(text: str) -> None:
    assert findings_of("prohibited.rumor", text)


# A report going round the net, passed on while it is checked: only reports 「寄せられ」「あり」 were read, so these went
# out unwarned, though one from SNS warns even with a precaution beside it.
@pytest.mark.parametrize(
    "text",
    [
        "〇〇川が氾濫したとの情報がSNSで出回っています。現在確認中です。",
        "〇〇地区で断水しているとの情報がネット上で広まっていますが、確認中です。",
        "〇〇橋が崩落したという投稿が拡散されています。現在、確認を進めています。念のため近づかないでください。",
    ],
)
def test_a_report_going_round_the_net_being_checked_warns(text: str) -> None:
    assert findings_of("prohibited.rumor", text)


@pytest.mark.parametrize(
    "text",
    [
        "〇〇地区で断水しているとの情報がネット上で広まっていますが、事実ではありません。",
        "〇〇川が氾濫したとの情報がSNSで出回っていますが、確認したところ氾濫は起きていません。",
        "「給付金が出る」という話が出回っていますが、市ではそのような給付は行っていません。",
    ],
)
def test_a_report_going_round_the_net_denied_is_silent(text: str) -> None:
    assert not findings_of("prohibited.rumor", text)


# The rumour that follows every disaster, of a gang or of foreigners come to steal, passed on while it is checked: a
# call to lock the door or to take care let it out unwarned.
@pytest.mark.parametrize(
    "text",
    [
        "外国人の窃盗団が来ているとの情報があり、確認中です。戸締まりをしてください。",
        "外国人の窃盗団が来ているとの情報があり、確認中です。ご注意ください。",
        "避難所を狙う強盗団がいるとの情報が寄せられており、現在確認中です。貴重品の管理にご注意ください。",
    ],
)
def test_a_gang_or_foreigners_said_to_roam_being_checked_warns(text: str) -> None:
    assert findings_of("prohibited.rumor", text)


def test_a_suspicious_person_being_checked_with_a_precaution_is_silent() -> None:
    assert not findings_of("prohibited.rumor", "〇〇地区で不審者を見たとの情報があり、確認中です。戸締まりをしてください。")


# The grid company 「東北電力ネットワーク」 named as who is asked: its 「ネット」 was read as the net the report went round,
# so a power cut being checked warned in spite of the call to turn the breaker off.
def test_a_power_cut_checked_with_the_grid_company_is_silent() -> None:
    text = "【防災】停電しているとの情報があり、東北電力ネットワークに確認中です。念のためブレーカーを落としてお待ちください。"
    assert not findings_of("prohibited.rumor", text)


def test_a_power_cut_said_on_the_net_still_warns() -> None:
    text = "停電しているとの情報がネットで出回っており、東北電力ネットワークに確認中です。念のためブレーカーを落としてください。"
    assert findings_of("prohibited.rumor", text)


# A newspaper's article reproduced, the paper called by its own name (日報・新報・タイムス), as 「〇〇新聞の記事を紹介します」
# is: it went out unwarned, though 「新潟日報によると」 warned.
@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("新潟日報の記事を紹介します。", "新潟日報の記事を紹介"),
        ("上越タイムスの記事を掲載しました。", "上越タイムスの記事を掲載"),
        ("本日の新潟日報の記事をご紹介します。", "新潟日報の記事をご紹介"),
    ],
)
def test_a_paper_by_its_own_name_reproduced_warns(text: str, shown: str) -> None:
    [f] = findings_of("quote.third_party", text)
    assert text[f.start : f.end] == shown


def test_the_citys_own_bulletin_is_silent() -> None:
    assert not findings_of("quote.third_party", "広報上越の記事を紹介します。")
