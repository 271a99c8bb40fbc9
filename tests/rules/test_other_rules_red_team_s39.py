"""Session 39 red team of the link, press, quote, correction, schedule, platform and a11y rules: ordinary municipal
drafts that must pass, and the misses found, with the city's policy (tests/rules/conftest.py CITY_POLICY)."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _codes(text: str, platform: str = "x") -> list[str]:
    return [f.code for f in check(text, ctx(platform=platform, policy=CITY_POLICY))]


def _found(code: str, text: str, platform: str = "x") -> list[tuple[str, str]]:
    return [(text[f.start : f.end], f.message) for f in check(text, ctx(platform=platform, policy=CITY_POLICY))
            if f.code == code]


# The city asking readers to share its own post: no one else's information is reproduced.
SHARES_ASKED = [
    "この投稿をリポストして、多くの方に届けてください！",
    "リポスト・いいねで応援してください！",
    "ぜひRT・シェアをお願いします",
    "リポストやシェアで情報を広めてください。",
    "引用リポストで感想をお寄せください。",
    "RT・いいね、よろしくお願いします🙏",
    "リポストして、お友達にも教えてあげてください。",
    "リツイートして応援してね！",
    "リポストしていただけると嬉しいです。",
    "リポストしていただけますと幸いです。",
    "リポストでのご協力をお願いします。",
    "皆さんのリポストが力になります！",
    "ぜひリポストしてお知らせください",
    "RTで拡散よろしくお願いします",
    # The terms on which readers may quote the city's own pages.
    "このページの内容を引用する場合は、出典を明記してください。",
    "市の統計データは、出典を明記すれば自由に引用できます。",
]


@pytest.mark.parametrize("text", SHARES_ASKED)
def test_a_share_asked_of_readers_is_no_quote(text: str) -> None:
    assert "quote.third_party" not in _codes(text), text


# The city sharing or quoting another's post, with a request to readers close by: still to be confirmed.
SHARES_MADE = [
    "県観光協会の投稿をリポストしますので、ぜひご覧ください。",
    "県観光協会の投稿をリポストしました、ぜひご覧ください。",
    "観光協会の投稿をリポストでご紹介、ぜひご覧ください。",
    "新潟日報の記事をリポストいたします、ご覧ください。",
    "観光協会さんの素敵な投稿をリポスト、ぜひご覧ください",
    "県警の注意喚起をRT、皆さんも気をつけてください。",
    "市民の方の写真をリツイートさせていただきました、ありがとうございます",
    "上越市観光協会さんの投稿を引用リポストで紹介します！ぜひご覧ください",
    "県の投稿をリポストさせていただきます、ご確認ください",
    "県の投稿をリポストしておりますので、ご確認をお願いします",
    "上越警察署からの情報をリツイート🔁 ご注意ください",
    "上越警察署からの情報をリツイート ご注意ください",
    "RT：県危機対策課「大雪に注意してください」",
    "RT @niigata_pref: 大雪に関する注意喚起です。外出を控えてください。",
    "#上越市の写真 で投稿された素敵な写真をリポストします。",
    "気象台の情報を引用します。",
]


@pytest.mark.parametrize("text", SHARES_MADE)
def test_a_share_made_by_the_city_is_still_a_quote(text: str) -> None:
    assert "quote.third_party" in _codes(text), text


# A release said to be done (held, sent, or already past): nothing to order.
RELEASES_DONE = [
    "本日、記者発表を行いました。詳しくは市ホームページをご覧ください。",
    "本日、報道発表を行いました。",
    "プレスリリースを配信しました。",
    "報道発表がありました。",
    "昨日の記者発表の様子です。",
    "先日の報道発表のとおり、新しい市長公室長が決まりました。",
    # A press conference only announced or streamed.
    "このあと15時から、市長の定例記者会見をYouTubeでライブ配信します。",
    "来週の記者会見で詳細を発表予定です。",
    # Only what it will announce, or that nothing can be told before it.
    "詳細は12月7日の記者会見で発表する予定です。",
    "新年度の事業は来月の記者会見で発表予定です。",
    "記者会見前のため、詳細はお答えできません。",
    "まだ発表されていない情報については、お答えできません。",
]


@pytest.mark.parametrize("text", RELEASES_DONE)
def test_a_release_already_made_needs_no_embargo_check(text: str) -> None:
    assert "press.embargo" not in _codes(text), text


# What a press conference will tell, told first; and a release still ahead although a word says 「行いました」.
RELEASES_AHEAD = [
    "明日の記者会見で発表する新しい子育て支援策を、ひと足早くお知らせします！",
    "11月25日に記者会見で発表する予定の新しい支援策について、先にお知らせします。",
    "12月10日のプレス発表に先立ち、概要をお知らせします。",
    "まだ発表されていない情報ですが、来年の花火大会は8月2日に決定しました！",
    "本日午後2時に記者発表を行いました。",
    "記者発表を行いましたが、詳細は解禁後にお知らせします。",
    "先週の記者会見の続報は、来週の報道発表でお知らせします。",
    "昨日の報道発表の内容を、先行してお知らせします。",
    "本日14時から記者発表を行います。",
    "明日の記者会見で発表予定の支援策は、子育て世帯への給付です。",
]


@pytest.mark.parametrize("text", RELEASES_AHEAD)
def test_a_release_still_ahead_is_checked(text: str) -> None:
    assert "press.embargo" in _codes(text), text


# The wrong and the right side by side, and a broken link owned up to: a correction, though 訂正 is not written.
CORRECTIONS = [
    "誤：12月14日（日）　正：12月13日（土）",
    "昨日お知らせしたクラフト市の日付\n誤：12月14日（日）\n正：12月13日（土）",
    "（誤）12月14日 →（正）12月13日",
    "【誤】午前10時【正】午後1時",
    "先ほどの投稿のリンクが切れていました。正しいリンクはこちらです。",
]


@pytest.mark.parametrize("text", CORRECTIONS)
def test_a_correction_without_the_word_is_noticed(text: str) -> None:
    assert "correction.notice" in _codes(text), text


NOT_CORRECTIONS = [
    "正誤表を掲載しました。",
    # The pair taught: common mistakes, a quiz's answers, a form's example.
    "宛名のよくある間違い\n誤：上越市役所前 様\n正：上越市役所 御中",
    "ごみの分別クイズの答え 誤：燃やせるごみ 正：プラスチック",
    "記入例 誤：ヤマダハナコ 正：山田花子",
    "誤字脱字にご注意ください。",
    "正：正午に開始",
    "誤って削除したデータの復元方法",
    "電源コードが切れていました。交換しました。",
    "誤配送に関するお問い合わせ：正午まで受付",
    "先ほどの投稿の続きです。会場までのアクセスをご紹介します。",
]


@pytest.mark.parametrize("text", NOT_CORRECTIONS)
def test_no_correction_is_made_up(text: str) -> None:
    assert "correction.notice" not in _codes(text), text


# An address copied as a screen shows it shortened: the link stops before the ellipsis.
CUT_SHORT = [
    ("詳しくは https://www.city.joetsu.niigata.jp/site/eve… をご覧ください",
     "https://www.city.joetsu.niigata.jp/site/eve…"),
    ("詳しくは https://www.city.joetsu.niigata.jp/site/eve... をご覧ください",
     "https://www.city.joetsu.niigata.jp/site/eve..."),
    ("https://www.city.joetsu.niigata.jp/site/event/2026.ht…", "https://www.city.joetsu.niigata.jp/site/event/2026.ht…"),
    ("市HP city.joetsu.niigata.jp/site/eve…", "city.joetsu.niigata.jp/site/eve…"),
    ("市の投稿より：「詳しくは https://www.city.joetsu.niigata.jp/site/kanko/takada… 」",
     "https://www.city.joetsu.niigata.jp/site/kanko/takada…"),
]


@pytest.mark.parametrize(("text", "shown"), CUT_SHORT)
@pytest.mark.parametrize("platform", ["x", "facebook", "instagram", "line"])
def test_a_url_cut_short_with_an_ellipsis_is_stopped(text: str, shown: str, platform: str) -> None:
    found = [(s, m) for s, m in _found("link.malformed", text, platform) if "途切れ" in m]
    assert [s for s, _ in found] == [shown], text
    assert all(m.endswith("ください。") for _, m in found)


NOT_CUT_SHORT = [
    # After a 「/」 the ellipsis may stand for any page; after a whole file name it is the sentence's.
    "https://www.city.joetsu.niigata.jp/site/event/…",
    "https://www.city.joetsu.niigata.jp/site/event/index.html…と続きます",
    # The pattern of an address to beware of, not a link.
    "「https://www.city-joetsu.jp/lo…」で始まるURLは偽サイトです。",
    "https://www.city-joetsu.jp/lo… のようなURLに注意",
    "「bit.ly/3x…」で始まるURLに注意",
    "「bit.ly/…」で始まるURLのSMSに注意してください",
    "ここまで…https://www.city.joetsu.niigata.jp/site/event/ へ",
]


@pytest.mark.parametrize("text", NOT_CUT_SHORT)
def test_an_ellipsis_that_cuts_no_name_is_left(text: str) -> None:
    assert not [m for _, m in _found("link.malformed", text) if "途切れ" in m], text


def test_a_user_name_before_a_password_is_not_called_an_internal_host() -> None:
    """「https://user:pass@www.city…/」 was stopped as 「組織の中でしか開けないアドレス（user）」 besides the password;
    the host is the city's site. A dotless host after the credentials is still internal."""
    assert _found("link.malformed", "https://user:pass@www.city.joetsu.niigata.jp/") == []
    assert "confidential.secret" in _codes("https://user:pass@www.city.joetsu.niigata.jp/")
    [(_, message)] = _found("link.malformed", "https://user:pass@intranet/")
    assert "（intranet）" in message


@pytest.mark.parametrize(("text", "tld"), [
    ("詳しくは https://www.city.joetsu.niigata/site/ へ", ".niigata"),
    ("https://joetsu.example/", ".example"),
])
def test_a_domain_with_no_real_ending_is_not_offered_to_it(text: str, tld: str) -> None:
    """「https://www.city.joetsu.niigata/」 (「.jp」 left off) was 「信頼済みのドメインではありません…IT 担当に
    allowed_link_domains への追加を依頼できます」: the advice was to trust a domain that cannot exist."""
    [(_, message)] = _found("link.untrusted", text)
    assert f"「{tld}」は実在するドメインの区分" in message and "allowed_link_domains" not in message


# Ordinary posts of the city with links, glued Japanese, full-width brackets and official domains: no link finding.
ORDINARY_LINKS = [
    "【お知らせ】年末年始のごみ収集日程を掲載しました。詳しくは市ホームページをご覧ください。"
    "https://www.city.joetsu.niigata.jp/soshiki/gomi/nenmatsu.html",
    "新潟県からのお知らせです。https://www.pref.niigata.lg.jp/sec/kikitaisaku/ をご確認ください。",
    "気象庁の最新の情報はこちら→https://www.jma.go.jp/bosai/warning/#area_type=offices&area_code=150000",
    "詳しくはhttps://www.city.joetsu.niigata.jp/site/kanko/をご覧ください。",
    "申込みはこちらhttps://www.city.joetsu.niigata.jp/form/123から。",
    "詳細：https://www.city.joetsu.niigata.jp/uploaded/attachment/12345.pdf（PDF：1.2MB）",
    "市ホームページ（https://www.city.joetsu.niigata.jp/）で公開しています。",
    "登録はhttps://www.city.joetsu.niigata.jp/form/entry?id=5、締切は12月10日です。",
    "【URL】https://www.city.joetsu.niigata.jp/【問合せ】観光振興課",
    "https://www.city.joetsu.niigata.jp/site/event/「冬のイベント」のページ",
    "ハザードマップ（https://disaportal.gsi.go.jp/）で確認を。",
    "▼詳細\nhttps://www.city.joetsu.niigata.jp/site/event/2026.html\n▼申込み\nhttps://www.city.joetsu.niigata.jp/form/2026",
]


@pytest.mark.parametrize("text", ORDINARY_LINKS)
@pytest.mark.parametrize("platform", ["x", "facebook", "instagram", "line"])
def test_ordinary_links_pass(text: str, platform: str) -> None:
    assert not [c for c in _codes(text, platform) if c.startswith("link.")], text


# On X a 「#」 right after a Japanese letter starts no hashtag (twitter-text): the tag the writer meant is plain text.
GLUED_TAGS_X = [
    ("桜が見頃です#上越市", "#上越市"),
    ("桜が見頃です＃上越市", "＃上越市"),
    ("春日山城跡で見頃です#上越市 #春日山", "#上越市"),
    ("見頃です#上越市#春日山", "#上越市"),
]


@pytest.mark.parametrize(("text", "tag"), GLUED_TAGS_X)
def test_a_tag_glued_to_japanese_is_no_hashtag_on_x(text: str, tag: str) -> None:
    found = _found("platform.hashtags", text, "x")
    assert [s for s, _ in found] == [tag], text
    assert "空白" in found[0][1]


NOT_GLUED_TAGS = [
    "C#プログラミング講座",
    "電話は025-526-5111#内線123",
    "項目#1から#3まで",
    "会議室#A",
    "お待ちしています。#上越市 #桜",
    "https://ja.wikipedia.org/wiki/上越市#歴史",
]


@pytest.mark.parametrize("text", NOT_GLUED_TAGS)
def test_a_number_sign_or_a_spaced_tag_is_left(text: str) -> None:
    assert not [m for _, m in _found("platform.hashtags", text, "x") if "前の文字" in m], text


def test_tags_glued_in_a_row_are_told_once() -> None:
    assert len(_found("platform.hashtags", "#上越市#春日山", "x")) == 1


# Seen and left as they are, with the reason.
KNOWN = [
    # A broken host (comma for a dot) is told as a look-alike of the city's domain, not as a broken URL; the message
    # still asks to check the spelling and copy the URL again.
    ("https://www.city,joetsu.niigata.jp/", "link.untrusted"),
    # Instagram and Facebook are not known to read 「です#上越市」 as X does, so only X is told.
    ("桜が見頃です#上越市 #高田城址公園 #桜 #花見 #新潟 #春", "platform.hashtags"),
]


@pytest.mark.parametrize(("text", "code"), KNOWN)
def test_known(text: str, code: str) -> None:
    assert code in _codes(text), text
