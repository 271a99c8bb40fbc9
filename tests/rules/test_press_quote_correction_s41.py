"""Session 41 red team of press.embargo, quote.third_party, correction.notice and confidential.deliberation: everyday
municipal drafts with the trigger words in another sense, which must stay silent, and the disguised cases that must
still fire (the city's policy of tests/rules/conftest.py CITY_POLICY)."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.conftest import assert_stays_linear, repeated_to
from tests.rules.conftest import CITY_POLICY, ctx


def _codes(text: str, platform: str = "x") -> list[str]:
    return [f.code for f in check(text, ctx(platform=platform, policy=CITY_POLICY))]


# The city's own material guarded, quoting taught, or the city's own post shared by readers: nothing of another's is
# reproduced.
NOT_QUOTED = [
    "本ページの写真の転載を禁止します。",
    "掲載写真の転載・複製を禁じます。",
    "イラストの転載はお控えください。",
    "資料の引用は出典を明記してください。",
    "【図書館】「著作権と引用のルール」講座を開催します。",
    "【図書館】調べ学習の講座で、本からの引用の仕方を学びました。",
    "ぜひこの投稿をシェアしてください。",
    "フォロー＆リポストで抽選で10名様にプレゼント！",
    "【キャンペーン】公式アカウントをフォロー・RTで、特産品が当たります。",
]


@pytest.mark.parametrize("text", NOT_QUOTED)
def test_no_quote_is_made(text: str) -> None:
    assert "quote.third_party" not in _codes(text), text


# Next to those: another's content still reproduced or shared by the city.
STILL_QUOTED = [
    "県観光協会の投稿をシェアします。",
    "観光協会の投稿をシェアしました。ぜひご覧ください。",
    "県の投稿をリポストします。フォローもお願いします。",
    "フォローしている県の投稿をリポストします。",
    "新潟日報の記事を転載します。",
    "講座の様子です。講師の著書から一部を転載します。",
    "気象台の情報を引用します。",
]


@pytest.mark.parametrize("text", STILL_QUOTED)
def test_a_quote_is_still_found(text: str) -> None:
    assert "quote.third_party" in _codes(text), text


# A form or record the reader corrects, a mistake the reader may find, an apology for a service stopped: nothing the
# city posted is being corrected.
NO_CORRECTION = [
    "申請書に訂正がある場合は、二重線を引いて訂正印を押してください。",
    "確定申告書の訂正は、税務署にご相談ください。",
    "住民票の記載事項に誤りがある場合は、市民課で訂正の手続きができます。",
    "戸籍の訂正手続きは本籍地の市区町村で行います。",
    "源泉徴収票の訂正が必要な場合は勤務先にご相談ください。",
    "【税務課】確定申告の受付が2月16日から始まります。申告書の書き方や、提出後に誤りに気づいた場合の訂正方法は、"
    "市ホームページをご覧ください。",
    "申告内容に誤りが見つかった場合は、修正申告をしてください。",
    "水道の断水でご迷惑をおかけしましたことをお詫び申し上げます。本日15時に復旧しました。",
    "バスの運休により、ご迷惑をおかけしたことをおわびします。",
    "【水道局】本日の断水は15時に復旧しました。長時間にわたりご不便をおかけし、お詫び申し上げます。",
    "【総務課】市のホームページがシステム障害のため閲覧しにくい状態となっています。ご不便をおかけし、おわび申し上げます。",
]


@pytest.mark.parametrize("text", NO_CORRECTION)
def test_no_correction_is_noticed(text: str) -> None:
    assert "correction.notice" not in _codes(text), text


# Next to those: the city's own post corrected, or an apology for its mistake.
STILL_CORRECTIONS = [
    "【訂正】確定申告の受付期間は2月16日からです。",
    "【訂正】戸籍の手続きの受付時間に誤りがありました。",
    "先ほどの投稿の受付時間を訂正します。訂正は以下のとおりです。",
    "申請書の記載例を訂正しました。",
    "昨日の投稿で断水の時間を誤ってお知らせしました。ご迷惑をおかけし、お詫び申し上げます。",
    "システム障害の復旧時刻に間違いがありました。ご不便をおかけし、おわび申し上げます。",
    "職員の不適切な対応により、市民の皆様にご迷惑をおかけしました。深くお詫び申し上げます。",
    "【おわび】年末年始のごみ収集日の記載に誤りがありました。",
    "先ほどの運休のお知らせは、別の路線のものでした。ご迷惑をおかけし、お詫び申し上げます。",
    "運休のお知らせで、路線名を違えて掲載しておりました。ご迷惑をおかけし、お詫びいたします。",
    "【お詫び】昨日の投稿で、工事の期間を12月5日までとお知らせしましたが、12月12日までです。ご迷惑をおかけし申し訳ありません。",
]


@pytest.mark.parametrize("text", STILL_CORRECTIONS)
def test_a_correction_is_still_noticed(text: str) -> None:
    assert "correction.notice" in _codes(text), text


# A presentation, a release kept on the city's site since, the new-rice season: no press release to wait for.
NO_EMBARGO = [
    "発表前の緊張した面持ちの子どもたち。練習の成果を発揮できました！",
    "研究発表前に、みんなで円陣を組みました。",
    "スピーチ発表前の最終練習の様子です。",
    "記者発表資料は市ホームページに掲載しています。",
    "新米の解禁日が待ち遠しいですね（コシヒカリの新米は9月から販売）。",
    "3月1日解禁の渓流釣り、遊漁券は漁協でお求めください。",
    "市長定例記者会見を12月10日14時から行います。YouTubeでライブ配信します。",
    "ピアノ発表会を市民会館で開催します。入場無料です。",
]


@pytest.mark.parametrize("text", NO_EMBARGO)
def test_no_release_order_to_check(text: str) -> None:
    assert "press.embargo" not in _codes(text), text


# Told ahead of the release, in words the list did not hold.
TOLD_AHEAD = [
    "12月8日解禁の情報です。新しい道の駅の名前が決まりました。",
    "8日解禁の情報です。新しい道の駅の名前が決まりました。",
    "公式発表はまだですが、来年の雪まつりは2月7日開催です。",
    "マスコミ発表より先に、フォロワーの皆さんだけにお知らせします。",
    "報道各社への発表は明日ですが、先にお知らせします。",
    "明日の会見で市長が発表する新事業を、ひと足早くご紹介します！",
    "ひと足早く、来週の記者会見で発表される新しい子育て支援策をお伝えします。",
    "まだ発表前ですが、来年度から子ども医療費が高校生まで無料になります！",
    "発表前ですが、子どもたちの新しい遊び場が決まりました。",
    "記者発表前の情報です。練習場の新設が決まりました。",
]


@pytest.mark.parametrize("text", TOLD_AHEAD)
def test_told_ahead_of_the_release(text: str) -> None:
    assert "press.embargo" in _codes(text), text


# The attribution a national agency's terms of use ask for: the source of the city's weather and disaster posts.
OFFICIAL_SOURCES = [
    "【気象情報】出典：気象庁 明日は大雪の見込みです。",
    "明日は大雪の見込みです（出典：気象庁ホームページ）",
    "大雪警報の発表状況（出典：新潟地方気象台）",
    "避難場所の地図です。出典：地理院タイルを加工して作成",
    "人口の推移（引用元：総務省統計局）",
]


@pytest.mark.parametrize("text", OFFICIAL_SOURCES)
def test_a_national_agency_named_as_the_source_is_no_quote_to_confirm(text: str) -> None:
    assert "quote.third_party" not in _codes(text), text


# Another's post, photo or article shown by name, and a source that is no national agency.
SHOWN_BY_NAME = [
    "〇〇さんの投稿より。素敵な写真をありがとうございます！",
    "@joetsu_kanko さんの投稿を紹介します。",
    "写真：市民カメラマン〇〇さん提供",
    "Photo by 〇〇さん",
    "〇〇新聞の記事を紹介します。",
    "インスタグラムで見つけた素敵な投稿をご紹介！（投稿者：@yuki_snow）",
    "地元の高校生のツイートを紹介します。",
    "皆さんの投稿を紹介します！#上越の冬",
    "出典：〇〇新聞 12月3日朝刊",
    "出典：新潟日報",
    "（出典：上越タウン情報）",
]


@pytest.mark.parametrize("text", SHOWN_BY_NAME)
def test_another_s_post_shown_by_name_is_a_quote(text: str) -> None:
    assert "quote.third_party" in _codes(text), text


def test_residents_asked_to_post_is_no_quote() -> None:
    assert "quote.third_party" not in _codes("皆さんの投稿をお待ちしています！#上越の冬")


# Drafts the city publishes on purpose (bills submitted, candidates put to a vote) and another sense of ドラフト.
NOT_DELIBERATION = [
    "【議会】12月定例会の議案の概要です。一般会計補正予算（案）など12件を提出しました。",
    "市のロゴマーク（案）を3つ作りました。投票で決めます！投票はこちら",
    "プロ野球ドラフト会議で、市出身の〇〇選手が指名されました！おめでとうございます。",
]


@pytest.mark.parametrize("text", NOT_DELIBERATION)
def test_a_published_draft_is_no_deliberation(text: str) -> None:
    assert "confidential.deliberation" not in _codes(text), text


STILL_DELIBERATION = [
    "ドラフト版ですが、新しい観光計画の概要です。",
    "【ドラフト】公共施設再編計画",
    "12月定例会に提出予定の条例（案）です。",
    "条例（案）3件を課長に提出しました。",
    "ごみ袋値上げの素案ができました！人気投票で決めるわけではありません。",
]


@pytest.mark.parametrize("text", STILL_DELIBERATION)
def test_a_draft_kept_in_the_office_is_still_deliberation(text: str) -> None:
    assert "confidential.deliberation" in _codes(text), text


def test_a_reader_asked_to_check_for_a_miswriting_is_no_correction() -> None:
    assert "correction.notice" not in _codes("【市民課】住所変更の際に、氏名の誤記がないかご確認ください。")
    assert "correction.notice" not in _codes("申請書に誤記がある場合は、窓口でお申し出ください。")
    assert "correction.notice" in _codes("先ほどの投稿に誤記がありました。")


def test_the_city_s_own_posts_offered_for_reprint_are_no_quote() -> None:
    assert "quote.third_party" not in _codes("【広報】市の公式アカウントの投稿は、出典を明記すれば自由に転載できます。")
    assert "quote.third_party" not in _codes("このチラシは、どなたでも転載していただけます。")
    assert "quote.third_party" in _codes("県の許可を得て、県のチラシを転載します。")


def test_a_draft_shown_at_a_public_meeting_is_no_deliberation() -> None:
    assert "confidential.deliberation" not in _codes("【企画】公共交通計画の素案について、地区ごとに意見交換会を開催します。")
    assert "confidential.deliberation" not in _codes("検討中の道路計画（案）について、オープンハウスを開催します。")
    assert "confidential.deliberation" in _codes("公共交通計画の素案です。意見交換会の前に、職員だけで共有します。")


def test_the_embargo_s_time_said_with_kaikin_wa_is_checked() -> None:
    assert "press.embargo" in _codes("解禁は明日9時ですが、新しいゆるキャラの名前をお知らせします。")
    assert "press.embargo" in _codes("新しい道の駅の名前です。解禁まで拡散はお控えください。")
    for season in ("アユ釣りの解禁は6月1日です。", "今年のボジョレー・ヌーヴォーの解禁は11月20日です。",
                   "市民プールの解禁は7月1日から！"):
        assert "press.embargo" not in _codes(season), season


def test_an_apology_after_the_sentence_of_the_inconvenience_is_no_correction() -> None:
    assert "correction.notice" not in _codes("昨日は除雪の情報が遅れ、ご迷惑をおかけしました。お詫び申し上げます。")
    assert "correction.notice" in _codes("昨日の投稿で除雪の日程を誤ってお伝えし、ご迷惑をおかけしました。お詫び申し上げます。")


def test_the_city_s_own_follow_and_share_is_a_quote() -> None:
    assert "quote.third_party" in _codes("県の公式アカウントをフォロー・RTしました。")


def test_kaikin_wa_is_named_without_its_particle() -> None:
    [found] = [f for f in check("解禁は明日9時ですが、新しいゆるキャラの名前をお知らせします。", ctx(platform="x", policy=CITY_POLICY))
               if f.code == "press.embargo"]
    assert found.message.startswith("「解禁」に触れています。"), found.message


# What the city told before, put right without 訂正 or 誤り.
TOLD_OTHERWISE = [
    "昨日お知らせした開催日は12月6日ではなく12月7日でした。大変申し訳ありません。",
    "昨日お知らせした開催日は12月6日ではなく12月7日でした。",
    "大変失礼いたしました。昨日ご案内した申込期限は12月10日ではなく12月12日です。",
]
NOT_TOLD_OTHERWISE = [
    "先日お知らせしたとおり、会場は体育館ではなく公民館です。",
    "昨日ご案内したイベントは、雨天の場合は中止ではなく延期です。",
    "本日ご案内した窓口ではなく、2階の市民課へお越しください。",
    "昨日お知らせした花火大会、心配された雨ではなく晴天でした！",
]


@pytest.mark.parametrize("text", TOLD_OTHERWISE)
def test_a_notice_put_right_is_a_correction(text: str) -> None:
    assert "correction.notice" in _codes(text), text


@pytest.mark.parametrize("text", NOT_TOLD_OTHERWISE)
def test_a_notice_repeated_is_no_correction(text: str) -> None:
    assert "correction.notice" not in _codes(text), text


# Review r4: an agency named beside another source, or with someone else's name hung on it, is no agency's attribution.
NOT_ONLY_AN_AGENCY = [
    "明日は大雪の見込みです（出典：気象庁、ウェザーニュース）",
    "大雪警報の発表状況（出典：新潟地方気象台、新潟日報）",
    "出典：気象庁・tenki.jp",
    "出典：気象庁ファンクラブ",
    "出典：気象庁OBの〇〇さんのブログ",
    "人口の推移（出典：総務省統計局、株式会社〇〇調べ）",
]


@pytest.mark.parametrize("text", NOT_ONLY_AN_AGENCY)
def test_another_source_beside_an_agency_is_a_quote(text: str) -> None:
    assert "quote.third_party" in _codes(text), text


def test_agencies_listed_together_are_no_quote() -> None:
    for text in ("出典：気象庁・国土地理院", "出典：気象庁ホームページ（https://www.jma.go.jp/）",
                 "出典：厚生労働省「社会福祉施設等調査」"):
        assert "quote.third_party" not in _codes(text), text


# Review r4: goods given by someone (a lunch's vegetables, a campaign's prizes) reproduce nothing of theirs.
GOODS_PROVIDED = [
    "本日の給食は、農家さん提供の野菜を使ったけんちん汁です。",
    "協賛企業様提供の景品が当たる抽選会を行います。",
    "賞品は地元企業様提供です。",
]


@pytest.mark.parametrize("text", GOODS_PROVIDED)
def test_goods_provided_are_no_quote(text: str) -> None:
    assert "quote.third_party" not in _codes(text), text


def test_a_picture_provided_is_still_a_quote() -> None:
    for text in ("〇〇さん提供の写真です。", "昨夜の花火（〇〇さん提供）", "抽選会の様子（写真：〇〇さん提供）"):
        assert "quote.third_party" in _codes(text), text


# Review r4: the warning names whose post or picture it is, not the phrase's tail 「「さんの投稿より」: …」.
@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("〇〇さんの投稿より。素敵な写真をありがとうございます！", "「〇〇さんの投稿より」: "),
        ("@joetsu_kanko さんの投稿を紹介します。", "「@joetsu_kanko さんの投稿を紹介」: "),
        ("写真：市民カメラマン〇〇さん提供", "「市民カメラマン〇〇さん提供」: "),
        ("〇〇新聞の記事を紹介します。", "「〇〇新聞の記事を紹介」: "),
        ("上越市在住の山田花子さんの投稿より", "「山田花子さんの投稿より」: "),
        ("講座で講師が紹介した新聞記事を転載します。", "「新聞記事を転載」: "),
    ],
)
def test_the_warning_names_the_other_party(text: str, named: str) -> None:
    [found] = [f for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code == "quote.third_party"]
    assert found.message.startswith(named), found.message


# Review r4: an apology beside a service stopped that tells of something left out, out of date or taken down, or of
# the staff's fault, is still one for the city's mistake.
OUTAGE_APOLOGY_FOR_A_MISTAKE = [
    "断水のお知らせで、対象地区が抜けておりました。ご迷惑をおかけし、お詫び申し上げます。",
    "断水の対象地区に、高田地区が漏れていました。ご迷惑をおかけし、お詫び申し上げます。",
    "停電の情報が古いまま掲載されていました。ご迷惑をおかけし、お詫び申し上げます。",
    "運休のお知らせを削除しました。ご迷惑をおかけし、お詫び申し上げます。",
    "システム障害の復旧見込みを17時とお伝えしていましたが、まだ復旧していません。ご不便をおかけし、お詫び申し上げます。",
    "職員の不適切な対応で窓口が混雑し、ご迷惑をおかけしました。お詫び申し上げます。",
]


@pytest.mark.parametrize("text", OUTAGE_APOLOGY_FOR_A_MISTAKE)
def test_an_outage_apology_for_a_mistake_is_a_correction(text: str) -> None:
    assert "correction.notice" in _codes(text), text


def test_an_outage_apology_naming_no_mistake_is_still_no_correction() -> None:
    for text in ("水漏れのため断水しています。ご迷惑をおかけし、お詫び申し上げます。",
                 "除雪作業のため職員が出払っており、電話がつながりにくくなっています。ご迷惑をおかけし、お詫び申し上げます。"):
        assert "correction.notice" not in _codes(text), text


# Review r4: the day or hour before 解禁 is no part of the word named: not 「「日解禁」に触れています」.
@pytest.mark.parametrize("text", ["12月8日解禁の情報です。新しい道の駅の名前が決まりました。", "新しいゆるキャラの名前、明日10時解禁です。"])
def test_kaikin_after_a_date_is_named_alone(text: str) -> None:
    [found] = [f for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code == "press.embargo"]
    assert found.message.startswith("「解禁」に触れています。"), found.message


# Review r4: a beach, a booking or a sale opened on a day, said with d8e6713f's and 67204d8b's 日解禁 and 解禁は.
@pytest.mark.parametrize(
    "text", ["海水浴場の解禁は7月19日です。", "キャンプ場の予約は12月1日解禁です！", "限定グッズの販売は12月1日解禁！"]
)
def test_a_booking_or_a_beach_opened_is_no_embargo(text: str) -> None:
    assert "press.embargo" not in _codes(text), text


# Review r4: 751d84c8's 「〇件を提出しました」 is of bills only in a post about the council; handed to a superior, the drafts
# are still inside the office.
@pytest.mark.parametrize(
    "text", ["計画（案）3件を提出しました。庁内で検討中です。", "補正予算（案）など5件を提出しました。庁議で審議します。"]
)
def test_drafts_submitted_with_no_council_are_deliberation(text: str) -> None:
    assert "confidential.deliberation" in _codes(text), text


# Review r4: 13383d9c's 「この投稿をシェアしてください」 is of the city's own post; another's post named before it is
# still spread at the city's word.
def test_another_s_post_to_be_shared_is_a_quote() -> None:
    for text in ("〇〇さんの投稿をシェアしてください。", "地元の高校生の投稿をシェアしてください。"):
        assert "quote.third_party" in _codes(text), text
    for text in ("ぜひこの投稿をシェアしてください。", "投稿をシェアしてください！"):
        assert "quote.third_party" not in _codes(text), text


# Review r4: a contest's terms and the city's own earlier post show no one's post.
NO_POST_SHOWN = [
    "#上越の冬 をつけて投稿してください。いただいた投稿を紹介させていただく場合があります。",
    "応募いただいた投稿を紹介する場合があります。あらかじめご了承ください。",
    "すべての投稿をご紹介できない場合もありますので、ご了承ください。",
    "皆さんの投稿を紹介させていただく場合があります。",
    "先日の投稿をご紹介しましたが、たくさんの反響をいただきました。",
]


@pytest.mark.parametrize("text", NO_POST_SHOWN)
def test_no_post_shown_is_no_quote(text: str) -> None:
    assert "quote.third_party" not in _codes(text), text


def test_many_apologies_in_a_long_draft_are_read_in_linear_time() -> None:
    """Each apology read the whole post anew for a service stopped and a mistake: 40,000 letters of 「ご迷惑をおかけし
    断水お詫び」 took 13 s."""
    shape = "ご迷惑をおかけし断水お詫び "
    assert "correction.notice" not in _codes(repeated_to(shape, 10_000))
    # As a ratio of CPU times (10,000 against 40,000 letters): a time limit failed on a machine loaded to 7.
    assert_stays_linear(_codes, shape)


def test_the_city_refusing_reprint_is_no_quote() -> None:
    for text in ("当ページの内容の転載は固くお断りします。", "掲載写真の転載はお断りいたします。"):
        assert "quote.third_party" not in _codes(text), text
    assert "quote.third_party" in _codes("観光協会の許可を得て転載します。転載はお断りします。")
