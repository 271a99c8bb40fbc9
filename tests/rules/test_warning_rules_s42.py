"""Session 42 red team of the warnings that can turn into noise: press.embargo, quote.third_party, correction.notice,
confidential.deliberation and prohibited.rumor. Everyday municipal drafts that must stay silent, and the disguised cases
that must still fire (the city's policy of tests/rules/conftest.py CITY_POLICY)."""

from __future__ import annotations

import pytest

from bot.rules import REGISTRY, check
from bot.rules.text import Document
from tests.conftest import assert_stays_linear, repeated_to
from tests.rules.conftest import CITY_POLICY, ctx


def _codes(text: str, platform: str = "x") -> list[str]:
    return [f.code for f in check(text, ctx(platform=platform, policy=CITY_POLICY))]


def _rule_alone_in_linear_time(code: str, shape: str) -> int:
    """How many hits rule ``code`` finds in ``shape`` repeated to 10,000 characters, asserting the rule alone grows
    linearly to 40,000 (tests/conftest.assert_stays_linear) once the morphemes, which every rule shares, are read: the
    whole check of a long draft is too slow to time one rule by, and a time limit failed on a machine loaded to 11."""
    context = ctx(policy=CITY_POLICY)
    options = context.options_for(code)
    assert options is not None
    docs: dict[str, Document] = {}
    for n in (10_000, 40_000):
        doc = Document(repeated_to(shape, n))
        assert doc.tokens
        docs[doc.text] = doc

    def scan(text: str) -> int:
        return sum(1 for _ in REGISTRY[code].func(docs[text], context, options))

    assert_stays_linear(scan, shape)
    return scan(repeated_to(shape, 10_000))


# A press release posted with the link to its page on the city's site: the release is out with the post (和気町 6).
RELEASE_PUBLISHED_WITH_POST = [
    "【報道発表】上越市の人口（11月1日現在）\nhttps://www.city.joetsu.niigata.jp/site/press/jinko.html",
    "【報道発表】11月1日現在の上越市の人口は18万5千人です。詳しくはこちら https://www.city.joetsu.niigata.jp/site/press/",
    "［報道発表］12月20日に雪まつりを開催します https://www.city.joetsu.niigata.jp/site/press/1.html",
    "【記者発表資料】市内の小中学校でインフルエンザによる学級閉鎖 https://www.pref.niigata.lg.jp/a.html",
]


@pytest.mark.parametrize("text", RELEASE_PUBLISHED_WITH_POST)
def test_a_release_posted_with_its_page_is_silent(text: str) -> None:
    assert "press.embargo" not in _codes(text), text


# Without the page, with another site's link, or with an embargo or a release still ahead said: the order is asked.
RELEASE_ORDER_TO_CONFIRM = [
    "【報道発表】上越市の人口（11月1日現在）",
    "【報道発表】\n上越市と株式会社○○は、災害時における物資の供給に関する協定を締結しました。",
    "【報道発表】解禁：12月8日9時\n新しい子育て支援策 https://www.city.joetsu.niigata.jp/site/press/",
    "【報道発表】新しい子育て支援策をひと足早くお知らせします https://www.city.joetsu.niigata.jp/site/press/",
    "【報道発表】新しい子育て支援策 https://www.city.joetsu.niigata.jp/site/press/ 報道は12月8日まではお控えください。",
    "【報道発表】新しい子育て支援策 https://example.com/press/",
    "【報道発表】新しい子育て支援策。明日の記者会見で詳しく説明します https://www.city.joetsu.niigata.jp/site/press/",
    "【報道発表】新しい子育て支援策 https://www.city.joetsu.niigata.jp/site/press/\n報道発表前の資料です。",
    "【報道発表】新しい子育て支援策（未発表） https://www.city.joetsu.niigata.jp/site/press/",
    "【報道発表】新しい子育て支援策（情報の取扱い：12月8日午前10時以降）https://www.city.joetsu.niigata.jp/site/press/",
    "【報道発表】新しい子育て支援策 https://www.city.joetsu.niigata.jp/site/press/ ※12月8日10時以降の報道でお願いします",
    "新しい子育て支援策の報道発表資料です https://www.city.joetsu.niigata.jp/site/press/",
]


@pytest.mark.parametrize("text", RELEASE_ORDER_TO_CONFIRM)
def test_a_release_not_shown_published_is_still_checked(text: str) -> None:
    assert "press.embargo" in _codes(text), text


# A link to the site's top page is no release's page, and a release or conference still ahead is said with the link.
RELEASE_NOT_LINKED_OR_AHEAD = [
    "【報道発表】上越市の人口（11月1日現在）\nhttps://www.city.joetsu.niigata.jp/",
    "【報道発表】新しい子育て支援策　詳しくは市ホームページへ https://www.city.joetsu.niigata.jp",
    "【報道発表】新しい子育て支援策 https://www.pref.niigata.lg.jp/index.html",
    "【報道発表】新しい子育て支援策は12月8日に記者会見で発表します https://www.city.joetsu.niigata.jp/site/press/1.html",
    "【報道発表】新しい子育て支援策（12月8日発表予定） https://www.city.joetsu.niigata.jp/site/press/1.html",
    "【報道発表】新市長就任式のお知らせ。本日午後、記者会見を行う予定です https://www.city.joetsu.niigata.jp/site/press/1.html",
]


@pytest.mark.parametrize("text", RELEASE_NOT_LINKED_OR_AHEAD)
def test_a_release_linked_to_the_top_page_or_still_ahead_is_checked(text: str) -> None:
    assert "press.embargo" in _codes(text), text


RELEASE_DONE_WITH_ITS_PAGE = [
    "【報道発表】新しい子育て支援策を発表しました https://www.city.joetsu.niigata.jp/site/press/1.html",
    "【報道発表】本日、記者会見を行いました https://www.city.joetsu.niigata.jp/site/press/1.html",
    "【報道発表】上越市の人口\nhttps://www.city.joetsu.niigata.jp/index.html?id=3",
]


@pytest.mark.parametrize("text", RELEASE_DONE_WITH_ITS_PAGE)
def test_a_release_done_with_its_page_is_silent(text: str) -> None:
    assert "press.embargo" not in _codes(text), text


# A season opened, named in the sentence before or after the one that opens on 「解禁」.
SEASON_BESIDE = [
    "解禁は6月1日。関川でアユ釣りが楽しめます。",
    "解禁まであと10日。今年もズワイガニの季節がやってきます。",
    "関川でアユ釣りが始まります。解禁は6月1日です。",
    "【お知らせ】解禁日は6月1日！\n関川・保倉川のアユ釣りの遊漁券は漁協で販売しています。",
]


@pytest.mark.parametrize("text", SEASON_BESIDE)
def test_a_season_in_the_next_sentence_is_no_embargo(text: str) -> None:
    assert "press.embargo" not in _codes(text), text


def test_many_seasons_in_a_long_draft_are_read_in_linear_time() -> None:
    """f30fe016 read the whole post for a release once per 「解禁は」: 40,000 letters of them took 18 s."""
    assert not _rule_alone_in_linear_time("press.embargo", "解禁は6月1日。アユ釣り。")


# ...but an embargo's clock time, a release named in the post, no season beside, or 「解禁前ですが」 keep it.
EMBARGO_BESIDE_A_SEASON_WORD = [
    "解禁は明日9時です。新しいワインの特産品についての資料です。",
    "解禁は12月8日です。報道各社へお送りした、アユの放流事業の資料です。",
    "解禁は12月8日です。新しい子育て支援策をまとめました。",
    "新しい観光パンフレットができました。解禁まで内緒です。",
    "解禁前ですが、来年の雪まつりの日程をお知らせします。今年もアユのつかみ取りを行います。",
    "【報道】解禁は12月8日。関川のアユ釣り大会について",
]


@pytest.mark.parametrize("text", EMBARGO_BESIDE_A_SEASON_WORD)
def test_an_embargo_beside_a_season_word_still_fires(text: str) -> None:
    assert "press.embargo" in _codes(text), text


# A prefecture, a municipality, or their police or fire service named as the source: 和気町 6's proviso (町の関係機関).
PUBLIC_BODY_SOURCES = [
    "出典：新潟県ホームページ",
    "（出典：新潟県「県内の雪の状況」）",
    "出典：上越市統計書",
    "引用元：新潟県防災ポータル",
    "出典：新潟県警察",
    "出典：上越地域消防本部",
    "出典：東京都、気象庁",
    "出典：さいたま市",
    "人口の推移（出典：新潟県統計課）",
]


@pytest.mark.parametrize("text", PUBLIC_BODY_SOURCES)
def test_a_public_body_as_the_source_is_silent(text: str) -> None:
    assert "quote.third_party" not in _codes(text), text


# An association, a paper, residents, a fan club or a person hung on the place name is no public body.
NOT_A_PUBLIC_BODY = [
    "出典：新潟県観光協会",
    "出典：上越市商店街連合会",
    "出典：上越タウン情報",
    "出典：県民の声",
    "出典：市民の皆さんの投稿",
    "出典：町内会の回覧板",
    "出典：朝市実行委員会",
    "出典：新潟県ファンクラブ",
    "出典：上越市、ウェザーニュース",
    "出典：新潟大学",
    "出典：上越市議の〇〇さんのブログ",
    "出典：新潟県人会",
]


@pytest.mark.parametrize("text", NOT_A_PUBLIC_BODY)
def test_another_source_still_fires(text: str) -> None:
    assert "quote.third_party" in _codes(text), text


# Another account's post shown by where it comes from, a resident's post retold, a paper or broadcaster by another name.
OTHERS_POST_SHOWN = [
    "市民の方から「駅前の歩道が凍結して危ない」という投稿がありました。",
    "新潟日報によると、来年度から除雪体制が変わるそうです。",
    "上越タイムスによると、春日山で初雪が観測されました。",
    "NHKによると、国道8号で事故があったとのことです。",
    "共同通信によると、新幹線は運転を見合わせています。",
    "観光協会のインスタグラムより、紅葉の写真をお借りしました。",
    "「雪で電車が止まった」という書き込みがありました。",
    "@joetsu_kanko の投稿より\n春日山の紅葉が見頃です。",
    "上越観光コンベンション協会のXより：雪灯篭まつりの様子です。",
    "フォロワーの皆さんの投稿より、すてきな写真をご紹介します。",
    "「高田公園の桜がもう咲いている」との投稿を見かけました。",
]


@pytest.mark.parametrize("text", OTHERS_POST_SHOWN)
def test_another_accounts_post_shown_fires(text: str) -> None:
    assert "quote.third_party" in _codes(text), text


# The city's own account called by the city's name (c4681c94 knew 「市の公式X」 only), while its 社協 or 議会 is another body.
CITYS_OWN_ACCOUNT_BY_NAME = [
    "上越市公式Xの投稿より：大雪に関する注意喚起です。",
    "上越市の公式Xの投稿より：除雪情報です。",
    "上越市公式インスタグラムの投稿より、今週の写真です。",
    "上越市役所のXより：窓口の混雑状況です。",
    "上越市防災のXより：避難所開設情報です。",
]


@pytest.mark.parametrize("text", CITYS_OWN_ACCOUNT_BY_NAME)
def test_the_citys_own_account_by_its_name_is_silent(text: str) -> None:
    assert "quote.third_party" not in _codes(text), text


@pytest.mark.parametrize(
    "text", ["上越市議会のXより：本会議の中継です。", "上越市社会福祉協議会のブログより：ボランティア募集のお知らせです。",
             "〇〇小学校のブログより：運動会の様子です。"]
)
def test_a_body_under_the_citys_name_still_fires(text: str) -> None:
    assert "quote.third_party" in _codes(text), text


# A comparison, the city's own post, a rumour denied, a comment answered, a weather agency's forecast.
NO_OTHERS_POST = [
    "前回の投稿より、文字を大きくしました。",
    "市の公式Xの投稿より、過去の雪の写真をまとめました。",
    "昨年の投稿より多くの方にご覧いただきました。",
    "先日の投稿より、さらに詳しくお伝えします。",
    "「市内で断水している」という投稿がありますが、誤りです。断水は発生していません。",
    "「給付金が出る」という書き込みが見られます。\nそのような事実はございません。",
    "「上越市の浄水場に毒が入れられた」という投稿がありますが、そのような事実はありません。水道水は安全です。",
    "「ごみの日はいつ？」というコメントをいただきました。燃やせるごみは火曜と金曜です。",
    "今年は昨年のツイートより反響が大きく、ありがとうございます。",
    "新潟地方気象台によると、明日は大雪になる見込みです。",
    "この投稿よりも詳しい情報は市ホームページをご覧ください。",
    "図書館のブログより：今月の新着図書を紹介しています。",
    "市長のブログより、新年のあいさつです。",
    "当館の投稿より、人気の写真をまとめました。",
]


@pytest.mark.parametrize("text", NO_OTHERS_POST)
def test_no_others_post_shown_is_silent(text: str) -> None:
    assert "quote.third_party" not in _codes(text), text


# An earlier post's content said to be another thing, and a time or a day put right with 「実は〜でした」.
SILENT_CORRECTIONS = [
    "先ほどの投稿の地図が違う場所でした。",
    "先ほどの投稿の写真が別のイベントのものでした。",
    "実は13時からでした。",
    "実は、開始は13時からでした。すみません。",
    "実は会場は2階でした。",
    "実は、締め切りは12月5日でした。",
    "実は土曜日でした。",
    "実は、来週の月曜日は休館日でした。大変失礼しました。",
    "実は13時30分からでした。",
]


@pytest.mark.parametrize("text", SILENT_CORRECTIONS)
def test_a_correction_without_the_word_is_noticed(text: str) -> None:
    assert "correction.notice" in _codes(text), text


NO_CORRECTION = [
    "実は13時からの回はまだ空きがあります。",
    "実は、今年で開館30周年を迎えます。",
    "実は3日間で1万人が来場しました。",
    "実は高田城址公園の桜は、明治42年に植えられたものでした。",
    "実は3月13日は上杉謙信の命日でした。",
    "実は、この日は上杉謙信の誕生日でした。",
    "昨日の投稿の写真は、春日山城跡からの眺めでした。",
    "先ほどの投稿の会場とは違う場所でも開催します。",
    "先日の投稿でご紹介したお店は、別の日も営業しています。",
    "昨日の投稿でもお知らせしたとおり、12月から窓口時間が変わります。",
    "登記の誤りを訂正したい場合は法務局へご相談ください。",
]


@pytest.mark.parametrize("text", NO_CORRECTION)
def test_no_correction_is_silent(text: str) -> None:
    assert "correction.notice" not in _codes(text), text


# When a past event happened or a photo was taken, told with 「実は〜でした」, is trivia; a time of the city's put right is not.
ACTUALLY_TRIVIA = [
    "実は、上杉謙信が亡くなったのは3月13日でした。",
    "実は、私が市役所に入ったのは4月1日でした。",
    "実はこの写真、朝6時でした。",
]


@pytest.mark.parametrize("text", ACTUALLY_TRIVIA)
def test_when_a_past_event_happened_is_no_correction(text: str) -> None:
    assert "correction.notice" not in _codes(text), text


@pytest.mark.parametrize("text", ["実は、開始するのは13時からでした。", "実は、受付が始まるのは9時からでした。"])
def test_a_time_put_right_in_a_cleft_still_gets_the_notice(text: str) -> None:
    assert "correction.notice" in _codes(text), text


# A report passed on while it is still being checked, in a disaster post too (茅野市 4(7)⑤ 正否が確認できない情報).
REPORTS_BEING_CHECKED = [
    "【災害情報】〇〇地区で土砂崩れが起きたとの情報が寄せられています（確認中）。",
    "〇〇川が氾濫したとの情報があります。現在確認中です。",
    "国道8号で車が立ち往生しているという通報が入っています。現在、状況を確認しています。",
    "〇〇橋が崩れたとの目撃情報が複数寄せられています。詳細は未確認です。",
]


@pytest.mark.parametrize("text", REPORTS_BEING_CHECKED)
def test_a_report_still_being_checked_fires(text: str) -> None:
    assert "prohibited.rumor" in _codes(text), text


def test_a_report_being_checked_is_shown_to_the_end_of_its_verb() -> None:
    text = "〇〇川が氾濫したとの情報があります。現在確認中です。"
    [found] = [f for f in check(text, ctx(policy=CITY_POLICY)) if f.code == "prohibited.rumor"]
    assert text[found.start : found.end] == "との情報があります"


def test_a_report_marked_unconfirmed_is_found_once() -> None:
    assert _codes("（未確認）国道8号で車が流されたとの情報があります。").count("prohibited.rumor") == 1


# Checked, denied, the city's own damage survey, or a paper being checked.
REPORTS_SETTLED = [
    "〇〇地区で土砂崩れが発生したとの通報を受け、現地を確認しました。けが人はいません。",
    "「断水している」との情報が寄せられていますが、事実ではありません。現在、断水は発生していません。",
    "〇〇地区で停電しているとの連絡がありました。確認したところ、すでに復旧していました。",
    "〇〇地区で土砂崩れが発生しました。現在、被害の状況を確認中です。",
    "申請書の内容を確認中です。結果は郵送でお知らせします。",
]


@pytest.mark.parametrize("text", REPORTS_SETTLED)
def test_a_settled_report_is_silent(text: str) -> None:
    assert "prohibited.rumor" not in _codes(text), text


# A report passed on with its status said and with what readers should do about it: in a disaster or a sighting that is
# how people are kept safe, and 上越市 6② lets such information go out at once (a warning on every one of them would
# teach staff to pass the bot by when it matters). A call or complaint about a service, or its cause being looked into,
# is no report of a rumour.
REPORTS_WITH_A_PRECAUTION_OR_ABOUT_A_SERVICE = [
    "〇〇地区で土砂崩れが発生したとの情報があり、現在確認中です。近づかないでください。",
    "国道8号で倒木があるとの通報があり、現在、道路管理者が確認しています。通行の際はご注意ください。",
    "クマを目撃したとの情報がありました。現在、猟友会と確認中です。付近の方はご注意ください。",
    "不審者が出没したとの情報が寄せられています。警察が確認しています。お子さんの登下校にご注意ください。",
    "【災害情報】〇〇川が越水したとの情報が寄せられています（確認中）。川に近づかないでください。",
    "「ごみが収集されていない」との連絡が複数寄せられています。現在、収集業者に確認しています。",
    "「ホームページが見られない」との声が寄せられています。現在、原因を調査中です。",
    "「ホームページが見られない」との情報が寄せられています。現在、原因を調査中です。",
]


@pytest.mark.parametrize("text", REPORTS_WITH_A_PRECAUTION_OR_ABOUT_A_SERVICE)
def test_a_report_being_checked_with_a_precaution_or_about_a_service_is_silent(text: str) -> None:
    assert "prohibited.rumor" not in _codes(text), text


# A report from the net or one laying a charge (食中毒, 感染, 毒) keeps the warning with a precaution beside it (the call
# would spread it), and a call or a post is a report on a matter that moves people.
REPORTS_STILL_UNCONFIRMED = [
    "SNSで「〇〇で銃を持った男がいる」との情報が寄せられています。現在確認中です。ご注意ください。",
    "「ダムが決壊した」との投稿があり、確認中です。近づかないでください。",
    "〇〇地区で停電しているとの連絡がありました。現在確認中です。",
    "〇〇地区で断水しているとの声が寄せられています。現在確認中です。",
    "「〇〇スーパーで食中毒が出た」との情報が寄せられています。現在確認中です。ご注意ください。",
    "〇〇病院で感染者が出たとの情報があります。確認中です。ご注意ください。",
    "〇〇地区の井戸に毒が入れられたとの情報があります。確認中です。ご注意ください。",
]


@pytest.mark.parametrize("text", REPORTS_STILL_UNCONFIRMED)
def test_a_report_from_the_net_or_without_a_precaution_fires(text: str) -> None:
    assert "prohibited.rumor" in _codes(text), text


# The draft stamp typed with spaces, and a draft stamped as not published (even beside a public consultation).
DRAFTS = [
    "新しい公共交通計画（ 案 ）をお知らせします。",
    "新しい公共交通計画【 案 】です。",
    "新しい公共交通計画（案 ）です。",
    "予算案（非公表）の概要です。",
    "来年度予算（非公開）の概要をお伝えします。",
    "【パブリックコメント】総合計画（案）へのご意見を募集します。予算案（非公表）も添付します。",
]


@pytest.mark.parametrize("text", DRAFTS)
def test_a_spaced_or_unpublished_draft_fires(text: str) -> None:
    assert "confidential.deliberation" in _codes(text), text


NOT_DRAFTS = [
    "【パブリックコメント】上越市総合計画（ 案 ）へのご意見を募集します。",
    "第3回審議会（非公開）を開催しました。",
    "図書館の案内（ 2階 ）です。",
    "会議の資料（公開）はこちらです。",
]


@pytest.mark.parametrize("text", NOT_DRAFTS)
def test_no_draft_is_silent(text: str) -> None:
    assert "confidential.deliberation" not in _codes(text), text


# A roster or a list stamped 非公開 is no draft, and a paper named only to say it is kept back is not published.
UNPUBLISHED_KEPT_BACK = [
    "個人情報保護のため、名簿（非公開）は掲載しておりません。",
    "応募者名簿（非公開）は審査後に破棄します。",
    "作品リスト（非公開）の閲覧はできません。",
    "この計画（非公開）については、お答えできません。",
]


@pytest.mark.parametrize("text", UNPUBLISHED_KEPT_BACK)
def test_an_unpublished_paper_kept_back_is_silent(text: str) -> None:
    assert "confidential.deliberation" not in _codes(text), text


@pytest.mark.parametrize("text", ["資料（未公表）をお見せします。", "計画（非公開）の内容をご紹介します。閲覧はできません。"])
def test_an_unpublished_paper_shown_still_fires(text: str) -> None:
    assert "confidential.deliberation" in _codes(text), text


# A glimpse of what a conference still ahead will announce (和気町 6 即時性 1: 未発表の情報を先行して発信する).
GLIMPSE_BEFORE_CONFERENCE = [
    "明日の記者会見で市長が発表予定の新施策、ちょっとだけお見せします。",
    "来週の会見で発表する新事業、少しだけご紹介します。",
    "記者会見で発表する新しい観光ポスター、こっそりお見せします！",
    "明日の会見に向けて準備中の新事業、一部をご紹介します。",
    "来週の記者会見でお披露目する新キャラクター、ちらっとお見せします。",
]


@pytest.mark.parametrize("text", GLIMPSE_BEFORE_CONFERENCE)
def test_a_glimpse_before_the_conference_fires(text: str) -> None:
    assert "press.embargo" in _codes(text), text


GLIMPSE_AFTER_OR_OF_NOTHING = [
    "昨日の記者会見で発表した新施策を、少しだけご紹介します。",
    "記者会見で発表された内容を、少しだけご紹介します。",
    "市長の定例記者会見を15時からYouTubeでライブ配信します。会見の様子を少しだけご紹介します。",
    "新しい観光ポスターができました。ちょっとだけお見せします！",
]


@pytest.mark.parametrize("text", GLIMPSE_AFTER_OR_OF_NOTHING)
def test_a_glimpse_of_what_is_out_is_silent(text: str) -> None:
    assert "press.embargo" not in _codes(text), text


# A glimpse says nothing of when: after a conference past, with nothing said to be announced ahead, it is of what is out.
GLIMPSE_OF_A_CONFERENCE_PAST = [
    "記者会見で使ったパネルを、特別に公開します。",
    "記者会見では、子どもたちの作品を一部だけご紹介しました。",
    "記者会見で披露したポスターを、特別に公開します。",
]


@pytest.mark.parametrize("text", GLIMPSE_OF_A_CONFERENCE_PAST)
def test_a_glimpse_of_a_conference_past_is_silent(text: str) -> None:
    assert "press.embargo" not in _codes(text), text


# A rumour the city denies by saying it does no such thing.
RUMOURS_DENIED = [
    "「給付金が出るらしい」という噂が広がっていますが、市ではそのような給付は行っていません。",
    "「ワクチンの予約が中止になったらしい」との噂があります。市ではそのような決定はしておりません。",
    "「市役所から還付金の電話が来るらしい」との噂があります。市からこのような電話をすることはありません。",
    "「〇〇小学校が休校になる」との噂がありますが、明日は通常どおり授業を行います。",
    "「雪まつりが中止になる」との噂がありますが、開催日に変更はありません。",
]


@pytest.mark.parametrize("text", RUMOURS_DENIED)
def test_a_rumour_the_city_says_it_does_not_act_on_is_silent(text: str) -> None:
    assert "prohibited.rumor" not in _codes(text), text


RUMOURS_NOT_DENIED = [
    "来週から給付金が出るらしいです。詳しいことはまだ決まっていません。",
    "〇〇小学校が休校になるらしいです。そのような連絡はまだ届いていませんが、念のため。",
    "給付金が出るらしいです。その他の支援は予定していません。",
    "〇〇小学校が休校になるらしいです。給食は通常どおりです。",
    "「雪まつりが中止になる」との噂があります。",
]


@pytest.mark.parametrize("text", RUMOURS_NOT_DENIED)
def test_a_rumour_not_denied_still_fires(text: str) -> None:
    assert "prohibited.rumor" in _codes(text), text


# A forecast told second-hand, without the 気象台 named.
WEATHER_HEARSAY = [
    "今夜は大雪になるって聞きました。",
    "週末は台風が来るそうです。",
    "明日は大雨になるとのことです。",
]


@pytest.mark.parametrize("text", WEATHER_HEARSAY)
def test_a_forecast_told_second_hand_fires(text: str) -> None:
    assert "prohibited.rumor" in _codes(text), text


WEATHER_TOLD_RIGHT = [
    "新潟地方気象台によると、今夜は大雪になるそうです。",
    "雪が降ると雁木が活躍するそうです。",
    "昨年の大雪では、市内で200cmを超える積雪があったそうです。",
    "明日は大雪になる見込みです。",
]


@pytest.mark.parametrize("text", WEATHER_TOLD_RIGHT)
def test_a_forecast_with_its_source_or_trivia_is_silent(text: str) -> None:
    assert "prohibited.rumor" not in _codes(text), text


# Weather is a rumour's topic only as a forecast told second-hand: trivia, a voice, an instruction reported and a forecast
# named as one are not (1931a71c read any sentence with 台風 or 大雪 as one).
WEATHER_NOT_FORECAST_HEARSAY = [
    "台風の名前は、アジアの国々が提案した名前から順番につけられるそうです。",
    "大雪の日に生まれた子どもは「雪」の字がつく名前が多いそうです。",
    "子どもたちは「大雪の日は雪遊びが楽しい」と話していたそうです。",
    "市長は、台風への備えを万全にするよう指示したとのことです。",
    "大雪の年は、米がおいしくなると聞きました。",
    "明日は大雪の予報だそうです。除雪にご協力ください。",
    "気象台の予報では、今夜は大雪になるとのことです。不要不急の外出はお控えください。",
]


@pytest.mark.parametrize("text", WEATHER_NOT_FORECAST_HEARSAY)
def test_weather_that_is_no_forecast_told_second_hand_is_silent(text: str) -> None:
    assert "prohibited.rumor" not in _codes(text), text


WEATHER_FORECAST_HEARSAY = [
    "台風が接近しているそうです。",
    "夜から暴風雪になるって。",
    "明日は大雪だそうです。",
    "今年の冬は大雪になるそうです。",
    "週末に台風が直撃するって聞きました。",
]


@pytest.mark.parametrize("text", WEATHER_FORECAST_HEARSAY)
def test_a_forecast_told_second_hand_in_other_words_fires(text: str) -> None:
    assert "prohibited.rumor" in _codes(text), text


# A reader's own record put right, with the object or the correction between the words: a procedure, not the city's mistake.
READERS_PROCEDURES = [
    "登記の誤りを訂正したい場合は法務局へ",
    "登記簿の誤りを直したいときは、法務局へ。",
    "戸籍の記載に誤りがある場合の訂正については、市民課へご相談ください。",
    "マイナンバーカードの氏名の誤りの訂正は、窓口で受け付けます。",
]


@pytest.mark.parametrize("text", READERS_PROCEDURES)
def test_a_readers_procedure_gets_no_notice(text: str) -> None:
    assert "correction.notice" not in _codes(text), text


CITYS_OWN_MISTAKES = [
    "【訂正】登記の誤りを訂正したい場合は法務局へ、と書くべきところを市役所へと書いていました。",
    "広報12月号の記載に誤りがありました。訂正は窓口でお問い合わせください。",
    "先ほどの投稿で、窓口の受付時間に誤りがありました。",
    "申請方法の案内に誤りがあったため、訂正します。",
    "窓口の受付時間に誤りがありました。",
    "訂正：受付窓口は2階です。",
    "訂正　窓口の受付時間は9時からです。",
]


@pytest.mark.parametrize("text", CITYS_OWN_MISTAKES)
def test_the_citys_own_mistake_still_gets_the_notice(text: str) -> None:
    assert "correction.notice" in _codes(text), text


# Writing a release taught, and where the releases can be read: nothing is released by the post.
NO_RELEASE_TOLD = [
    "中小企業向け「プレスリリースの書き方」講座を開催します。",
    "市の報道発表資料は、市ホームページの「報道発表」のページでご覧いただけます。",
]


@pytest.mark.parametrize("text", NO_RELEASE_TOLD)
def test_no_release_told_is_silent(text: str) -> None:
    assert "press.embargo" not in _codes(text), text


RELEASE_STILL_TOLD = [
    "プレスリリースの内容を、ひと足早くお知らせします。",
    "明日の報道発表の資料は、明日10時以降に市ホームページでご覧いただけます。",
    "講座の様子です。講師のプレスリリースは12月8日解禁です。",
]


@pytest.mark.parametrize("text", RELEASE_STILL_TOLD)
def test_a_release_still_told_fires(text: str) -> None:
    assert "press.embargo" in _codes(text), text


# Mistakes readers tend to make, taught.
def test_mistakes_readers_tend_to_make_get_no_notice() -> None:
    for text in ("誤りやすい漢字クイズに挑戦しよう！", "申請書の記入の際に誤りやすい箇所をまとめました。"):
        assert "correction.notice" not in _codes(text), text
    assert "correction.notice" in _codes("誤りやすい箇所の案内に誤りがありました。")


def test_many_readers_procedures_in_a_long_draft_are_read_in_linear_time() -> None:
    """abba5c64 read the whole sentence once per 「誤り」「訂正」: 40,000 letters of 「登記の誤りを訂正したい場合は」 took 2.7 s
    for the rule alone."""
    assert not _rule_alone_in_linear_time("correction.notice", "登記の誤りを訂正したい場合は")


def test_many_reports_being_checked_in_a_long_draft_are_read_in_linear_time() -> None:
    """a0e96dae read the sentence and the findings once per report: 40,000 letters of 「との情報が寄せられています、確認中、」
    took 1.1 s for the rule alone."""
    assert _rule_alone_in_linear_time("prohibited.rumor", "との情報が寄せられています、確認中、")


def test_a_long_draft_of_conferences_is_read_once_per_sentence() -> None:
    """A glimpse after a conference (47acc25a) found its conference once per match, and each was read for being only
    announced with its whole sentence: 40,000 letters of 「記者会見で発表する新施策、ちょっとだけお見せします、」 took 7 s."""
    assert _rule_alone_in_linear_time("press.embargo", "記者会見で発表する新施策、ちょっとだけお見せします、") == 1
