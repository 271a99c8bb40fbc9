"""correction.notice, session 46's red team: a service notice headed 「お詫び」."""

from __future__ import annotations

import pytest

from tests.rules.conftest import findings_of


# A heading apologising for a service stopped, with no ご迷惑 said as a sentence would, was read as a correction.
@pytest.mark.parametrize(
    "text",
    [
        "【お詫び】システム障害によるサービス停止について\n現在、図書館の予約システムが利用できません。復旧まで今しばらくお待ちください。",
        "【お詫び】断水について\n〇〇地区で断水が発生しています。復旧作業中です。",
        "【おわび】コンビニ交付サービスの一時停止について",
        "ホームページ閲覧障害のお詫び",
        "運休のお詫び：市営バスは大雪のため本日運休しています。",
        "申込サイトの不具合のお詫び\n現在、申込サイトに接続しにくい状態です。復旧作業中です。",
        "【お詫び】電話がつながりにくい状況について\n現在、問い合わせが集中し、電話がつながりにくくなっております。",
        "【お詫び】除雪の遅れについて\n大雪のため除雪作業が遅れています。",
        "■お詫び\n市民プールはボイラー故障のため休館します。",
        "システム障害のお詫びとお知らせ\n本日、住民票の交付を停止しています。",
        "【お詫び】申込サイトが表示されない不具合について\n現在復旧作業中です。",
    ],
)
def test_a_service_notice_headed_with_an_apology_is_not_a_correction(text: str) -> None:
    assert not findings_of("correction.notice", text), text


# A mistake, the city's own fault, or what it published named under the same heading is still a correction.
@pytest.mark.parametrize(
    "text",
    [
        "【お詫び】システムの設定誤りにより、申込サイトに誤った受付期間が表示されていました。",
        "【お詫び】除雪の遅れについて\n先日の投稿で除雪は完了とお伝えしましたが、誤りでした。",
        "【お詫び】職員の不適切な対応により、窓口が混雑しました。",
        "【お詫び】個人情報の漏えいについて\n申込システムの不具合で、他の方の情報が表示されていました。",
        "【お詫び】\n先ほどの投稿を削除しました。",
        "【お詫び】申込サイトの不具合について\n昨日お知らせした受付開始日は12月1日ではなく12月2日でした。",
        "【お詫び】広報じょうえつ12月号の休館日の記載について",
        "【お詫び】休館日のお知らせについて",
        "【お詫び】ごみ収集カレンダーの休止日について",
        "【お詫び】雪まつりの会場案内について\n会場の案内が不十分でした。",
    ],
)
def test_a_mistake_or_a_publication_under_the_heading_is_still_a_correction(text: str) -> None:
    assert findings_of("correction.notice", text), text


# Whether the post names what the city published is read once, however many apology headings a long paste holds.
def test_many_apology_headings_are_read_in_linear_time() -> None:
    from tests.conftest import assert_stays_linear

    assert_stays_linear(lambda text: findings_of("correction.notice", text), "【お詫び】システム障害について\n")


# Reviewer 5: a heading over a service stopped hid what went wrong for someone beyond the stop, with no 誤り said.
@pytest.mark.parametrize(
    "text",
    [
        "【お詫び】システム障害により、一部の方に二重に引き落としが行われました",
        "【お詫び】システム障害により、一部の方の税額が正しく計算されていませんでした",
        "【お詫び】システム障害により、一部の方の税額が過大に計算されていました",
        "【お詫び】システム障害により、個人情報が流出しました",
        "【お詫び】申込サイトの不具合で受付順が入れ替わっていました。抽選をやり直します",
        "【お詫び】ごみ収集の遅れについて\n委託業者の収集漏れがありました。",
        "【お詫び】工事のため通行止めの日を1日早く書いてしまいました",
        "【お詫び】停電について：市の管理不足により、市役所の電源が停止しました",
        "【お詫び】イベント中止について\n先日お伝えした日程が変更になりました",
    ],
)
def test_a_fault_told_under_a_service_heading_is_still_a_correction(text: str) -> None:
    assert findings_of("correction.notice", text), text
