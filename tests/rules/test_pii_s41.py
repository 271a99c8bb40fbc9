"""The personal-information rules, session 41: pii.email, pii.my_number, pii.card_number and the number-shaped side
of pii.phone red-teamed with the numbers and addresses municipal posts really carry.

上越市 5(3), 和気町 4(2): a private address, a 個人番号 or a card number must be found however it is written; an
example of a format (「記入例：taro@example.com」), an account's handle (「Instagram@joetsu.kanko」), an ID inside a
link and the numbers of other things (会社法人等番号, 応募者番号, ペイジーの納付番号) are none of them, and a false
alarm on them teaches staff to ignore the bot.
"""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx

PII = ("pii.phone", "pii.email", "pii.my_number", "pii.card_number", "pii.address")


def _pii(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.excerpt) for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code in PII]


# A mail address shown as an example of the format a form asks for: nobody's, as a 記入例's phone number is not.
@pytest.mark.parametrize(
    "text",
    [
        "メールアドレスの記入例：taro@example.com",
        "例）yamada@example.jp",
        "記入例）メールアドレス：joetsu.taro@example.com",
        "sample@example.co.jp のように入力してください",
        "メールアドレスは user@example.ne.jp の形式で入力してください",
        "（例）taro(at)example.com",
    ],
)
def test_an_address_given_as_an_example_of_the_format_raises_nothing(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "問い合わせ先：実行委員会 taro@example.com",
        "申込みは yamada@gmail.com まで（例年より早く締め切ります）",
        "例年どおり taro@gmail.com へ",
        "事例の報告は taro@gmail.com へ",
        "条例 taro@gmail.com",
        "taro@gmail.com の形で届いたメールに返信してください",
    ],
)
def test_an_address_not_given_as_an_example_still_warns(text: str) -> None:
    assert "pii.email" in [c for c, _ in _pii(text)]


# An account's handle glued to the service's name (「公式Instagram@joetsu.kanko」): Instagram and Facebook names have
# dots, so it looks like an address, but nobody can mail it.
@pytest.mark.parametrize(
    "text",
    [
        "公式Instagram@joetsu.kanko をフォロー！",
        "Instagram@joetsu.city で写真を紹介中",
        "インスタグラムはこちら→Instagram@joetsu_city.official",
        "Facebook@joetsu.city.official",
        "LINE@joetsu.city で友だち追加",
        "X@joetsu.city",
        "TikTok@joetsu.kanko",
        "公式YouTube@joetsu.city",
    ],
)
def test_an_accounts_handle_after_the_services_name_is_no_address(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "問い合わせ line@joetsu-kanko.jp",  # a mailbox named so, in lower case
        "メール：instagram.joetsu@gmail.com",
        "連絡は Xtaro@gmail.com へ",
        "申込み：taro@instagram.joetsu.jp",
        "IGtaro@yahoo.co.jp",
    ],
)
def test_an_address_that_only_mentions_a_service_still_warns(text: str) -> None:
    assert "pii.email" in [c for c, _ in _pii(text)]


# The ID of a page, a post or a photo inside a link: Facebook's fbid and story ids run to sixteen digits, one in ten
# passes Luhn, and a page's 12-digit id passes the 個人番号 check one time in eleven.
@pytest.mark.parametrize(
    "text",
    [
        "申込フォーム https://www.city.joetsu.niigata.jp/form/?id=123456789018",
        "写真はこちら https://www.facebook.com/photo.php?fbid=4111111111111111&set=a.123",
        "https://www.facebook.com/permalink.php?story_fbid=4539123456789017&id=100064123456789",
        "地図 https://maps.google.com/?cid=4111111111111111",
        "https://www.city.joetsu.niigata.jp/uploaded/attachment/img_123456789018.jpg",
        "https://example.jp/event?date=202612071000&no=123456789018",
    ],
)
def test_an_id_inside_a_link_is_no_my_number_or_card(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        # A form's prefilled answer carries what was typed, as its 「%40」 address does (pii.email).
        ("https://docs.google.com/forms/d/e/1FAIpQL/viewform?entry.1234567=123456789018", "pii.my_number"),
        ("https://example.jp/apply?mynumber=1234-5678-9018", "pii.my_number"),
        ("https://example.jp/pay?card_no=4111111111111111", "pii.card_number"),
        # A key that names a number, or a query that carries the person it was typed for (a reviewer's catch).
        ("https://example.jp/pay?number=4556737586899855", "pii.card_number"),
        ("https://example.jp/pay?cc=4556737586899855&exp=1228", "pii.card_number"),
        ("https://example.jp/apply?name=yamada&no=123456789018", "pii.my_number"),
        ("https://example.jp/apply?no=123456789018&tel=0255265111", "pii.my_number"),
        # Beside the link, not in it.
        ("https://www.city.joetsu.niigata.jp/form/ 個人番号 123456789018", "pii.my_number"),
        ("https://www.city.joetsu.niigata.jp/ カード番号 4111 1111 1111 1111", "pii.card_number"),
    ],
)
def test_a_number_a_link_carries_as_an_answer_or_beside_a_link_is_still_found(text: str, code: str) -> None:
    assert code in [c for c, _ in _pii(text)]


# Numbers named as other kinds than a 個人番号 or a card: the company register's 会社法人等番号 (twelve digits), a
# number given to an applicant (応募者番号, 受験者番号), ペイジー's 納付番号 (up to twenty digits, sixteen often), and a
# list of numbers under its heading on the line above (「【当選番号】」, as a 商品券's draw is published).
@pytest.mark.parametrize(
    "text",
    [
        "会社法人等番号 010001123454 の登記事項証明書をご用意ください",
        "応募者番号 123456789018 の方は合格です",
        "受験者番号：1234 5678 9018",
        "申請者番号 123456789018",
        "ペイジー：収納機関番号 58006、納付番号 4111111111111111、確認番号 123456",
        "納付番号：4111-1111-1111-1111 確認番号：123456",
        "【当選番号】\n123456789018\n314159265352",
        "プレミアム付商品券 抽選結果\n当選番号：\n\n123456789018\n314159265352\n（順不同）",
        "受付番号一覧\n・123456789018\n・314159265352",
        "お問い合わせ番号\n4111 1111 1111 1111",
    ],
)
def test_numbers_named_as_other_kinds_raise_nothing(text: str) -> None:
    assert _pii(text) == []


def test_a_long_list_under_its_heading_is_named_by_it_to_the_end() -> None:
    # A 商品券's draw publishes hundreds of numbers; the heading names the last as much as the first.
    numbers = "\n".join(f"{n:011d}{d}" for n in range(10_000_000_000, 10_000_000_100) for d in range(10))
    assert _pii(f"【当選番号】\n{numbers}") == []
    assert [c for c, _ in _pii(f"【当選者の個人番号】\n{numbers}")].count("pii.my_number") > 60


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【当選者】\n123456789018", "pii.my_number"),
        ("当選番号\n123456\n\n【個人番号】\n123456789018", "pii.my_number"),
        ("当選番号：123456\n申請者 山田太郎 123456789018", "pii.my_number"),  # a line with words: no longer the list
        ("【当選番号】\n123456\n個人番号 314159265352", "pii.my_number"),
        ("受付番号\n1234\n山田太郎 4111 1111 1111 1111", "pii.card_number"),
        ("会員番号\n123456789018", "pii.my_number"),  # a person's number: the finding stays
        ("法人の代表者 山田太郎（個人番号 123456789018）", "pii.my_number"),
    ],
)
def test_a_my_number_or_card_not_under_such_a_name_is_still_found(text: str, code: str) -> None:
    assert code in [c for c, _ in _pii(text)]


# A card number the brands publish for testing (4111 1111 1111 1111, 4242 4242 4242 4242, 5555 5555 5555 4444…) is
# nobody's card: in a warning about a fake site or SMS, or called a test or sample number, it shows residents what the
# scam asks for. Any other number there may be a victim's, and stays blocked.
@pytest.mark.parametrize(
    "text",
    [
        "このような番号（4111 1111 1111 1111）を入力させる偽サイトにご注意ください",
        "【注意】宅配業者を装ったSMSから偽サイトに誘導し、カード番号（4111-1111-1111-1111 など）を入力させる手口が増えています",
        "【フィッシング詐欺に注意】\n偽サイトの入力画面\nカード番号 4242 4242 4242 4242\n有効期限 12/28",
        "テスト用カード番号 4111 1111 1111 1111 は実在しないため、入力しても決済されません",
        "ダミーのカード番号（5555 5555 5555 4444）を表示しています",
    ],
)
def test_a_brands_test_card_number_in_a_scam_warning_raises_nothing(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "カード番号 4111 1111 1111 1111 で決済しました",  # no warning, no test: read as any card
        "偽サイトに山田さんのカード番号 4539 1234 5678 9017 が入力されました",  # a real-looking number in a warning
        "【詐欺に注意】被害者のカード 5240 1234 5678 9014 が不正利用されました",
        "テスト用カード番号 4539 1234 5678 9017",  # no brand's test number
    ],
)
def test_other_card_numbers_in_a_warning_are_still_blocked(text: str) -> None:
    assert "pii.card_number" in [c for c, _ in _pii(text)]


# Addresses disguised in the ways Japanese pages and flyers write them: 「(a)」 for the 「@」, 「アット」 without brackets,
# or a space before the 「@」 of a free-mail domain (typed on a phone, or copied from a PDF).
@pytest.mark.parametrize(
    "text",
    [
        "問い合わせ taro(a)gmail.com",
        "申込み：hanako.s（ａ）yahoo.co.jp",
        "申込み：hanako.s[a]icloud.com",
        "連絡は taro アット gmail.com まで",
        "連絡は taro あっと docomo.ne.jp まで",
        "メール taro @gmail.com",
        "メール taro @ gmail.com",
        "メール taro_y @yahoo.co.jp",
    ],
)
def test_an_address_disguised_as_flyers_write_it_warns(text: str) -> None:
    assert "pii.email" in [c for c, _ in _pii(text)]


@pytest.mark.parametrize(
    "text",
    [
        "問い合わせ koho(a)city.joetsu.niigata.jp",  # the city's own
        "koho（a）city.joetsu.lg.jp",
        "条件(a)および(b)を満たす方",
        "Plan(a)と Plan(b) の比較",
        "アットホームな雰囲気の職場です（joetsu.jp）",
        "会場 アット 市民プラザ",
        "Follow us @joetsu.city",
        "Thank you @joetsu_kanko.jp for the photo",
        "「@gmail.com」「@yahoo.co.jp」などのフリーメールからの申込みはお受けできません",
        "We cannot accept applications from @gmail.com or addresses like @yahoo.co.jp.",
        "迷惑メール対策で @city.joetsu.niigata.jp からのメールを受信できるよう設定してください",
    ],
)
def test_what_only_looks_like_such_a_disguise_raises_nothing(text: str) -> None:
    assert _pii(text) == []


# A 記入例 set out as a block under its own heading (「（記入例）⏎件名：講座申込⏎氏名：上越太郎⏎電話：090-…」), as a post
# that asks for applications by mail shows what to write: every field line under the heading is the example's.
@pytest.mark.parametrize(
    "text",
    [
        "【記入例】\n氏名：上越太郎\n電話：090-1234-5678",
        "記入例\nメール：taro@gmail.com\n電話：090-1234-5678",
        "＜申込方法＞メールに次の事項を書いてお送りください。\n（記入例）\n件名：講座申込\n氏名：上越太郎\n"
        "電話：090-1234-5678\n\n申込先：koho@city.joetsu.niigata.jp",
        "＜記入例＞\n・氏名：上越太郎\n・個人番号：1234 5678 9018\n・カード番号：4539 1234 5678 9017",
        "例：\n氏名 : 上越 太郎\n携帯 : 080-1234-5678",
    ],
)
def test_the_fields_of_an_example_under_its_heading_raise_nothing(text: str) -> None:
    assert _pii(text) == []


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("【記入例】\n氏名：上越太郎\n\n担当の携帯 090-1234-5678 までご連絡ください", "pii.phone"),  # past a blank line
        ("【記入例】\n氏名：上越太郎\n不明な点は担当の携帯 090-1234-5678 へ", "pii.phone"),  # a sentence, no field
        ("【記入例の見方】\n電話：090-1234-5678", "pii.phone"),  # a heading that says more than 記入例
        ("例年の担当\n電話：090-1234-5678", "pii.phone"),
        ("【記入例】\n氏名：上越太郎\n【問い合わせ】\n携帯：090-1234-5678", "pii.phone"),  # another heading between
        ("【事例】\n連絡先：taro@gmail.com", "pii.email"),
    ],
)
def test_numbers_outside_an_examples_fields_are_still_found(text: str, code: str) -> None:
    assert code in [c for c, _ in _pii(text)]


# 「などの」 after the means' own number or address in brackets (「メール（…）などの方法で」) is about the means, not a
# sample of the format: the address there is where the applications go.
@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("FAX・メール（yamada.hanako@gmail.com）などの方法でお申し込みください", "pii.email"),
        ("電話（090-8765-4321）などの方法でお問い合わせください", "pii.phone"),
    ],
)
def test_a_means_in_brackets_before_nado_is_still_found(text: str, code: str) -> None:
    assert code in [c for c, _ in _pii(text)]


@pytest.mark.parametrize(
    "text", ["「090-1234-5678」などの番号を入力してください", "「taro.joetsu@gmail.com」などのフリーメールでも申し込めます"]
)
def test_a_sample_before_nado_raises_nothing(text: str) -> None:
    assert _pii(text) == []


# A line that begins with the label but only speaks of the example (「（記入例）を参考に…」), or goes on past the
# example's sentence, gives the real address or number after it.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("（記入例）を参考に申込書を作成し、yamada.hanako@gmail.com へ送ってください", "yamada.hanako@gmail.com"),
        ("（記入例）を参考に記入し、担当の山田（090-8765-4321）までお送りください", "090-8765-4321"),
        ("例）の欄は記入不要です。問い合わせ：yamada@gmail.com", "yamada@gmail.com"),
        (
            "記入例）メール：taro.joetsu@gmail.com。お問い合わせは担当 yamada.hanako@gmail.com まで",
            "yamada.hanako@gmail.com",
        ),
    ],
)
def test_a_line_that_speaks_of_the_example_is_not_the_example(text: str, found: str) -> None:
    assert [e for _, e in _pii(text)] == [found]


@pytest.mark.parametrize(
    "text",
    [
        "記入例）メール：taro.joetsu@gmail.com 電話：090-1234-5678",
        "【記入例】上越太郎　090-1234-5678　taro.joetsu@gmail.com",
        "記入例 住所：上越市木田1-1-1 氏名：上越太郎 電話：090-1234-5678",
        "【記入例】はがき　上越市木田1-1-1　上越太郎　090-1234-5678",  # 「は」 of はがき, no particle
    ],
)
def test_a_line_headed_as_an_example_raises_nothing(text: str) -> None:
    assert _pii(text) == []


# Under a 記入例 heading, a field that gives the post's own contact (「送り先：」「問合せ：」「担当：」) is where the
# applications go, and a label met again starts a second, real person's fields: neither is the example's.
@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "＜記入例＞\n件名：講座申込\n氏名：上越太郎\n電話：090-1234-5678\n送り先：yamada.hanako@gmail.com",
            ("pii.email", "yamada.hanako@gmail.com"),
        ),
        (
            "記入例\n氏名：上越太郎\n電話：090-1234-5678\n問合せ：090-8765-4321（担当 山田）",
            ("pii.phone", "090-8765-4321"),
        ),
        (
            "【記入例】\n氏名：上越太郎\n電話：090-1234-5678\n氏名：山田花子\n電話：090-8765-4321",
            ("pii.phone", "090-8765-4321"),
        ),
    ],
)
def test_the_posts_own_contact_or_a_second_persons_fields_under_an_example_are_found(
    text: str, found: tuple[str, str]
) -> None:
    assert _pii(text) == [found]


def test_a_second_persons_my_number_under_an_example_is_found() -> None:
    text = "＜記入例＞\n・氏名：上越太郎\n・個人番号：1234 5678 9018\n・氏名：山田花子\n・個人番号：2345 6789 0121"
    assert [c for c, _ in _pii(text)] == ["pii.my_number"]


@pytest.mark.parametrize(
    "text",
    [
        "（記入例）\n件名：講座申込\n氏名：上越太郎\n住所：上越市木田1-1-1\n連絡先：090-1234-5678\nメール：taro.joetsu@gmail.com",
        "＜記入例＞\n宛先：koho@city.joetsu.niigata.jp\n件名：講座申込\n氏名：上越太郎\n電話：090-1234-5678",
    ],
)
def test_an_examples_own_fields_raise_nothing(text: str) -> None:
    assert _pii(text) == []


# A post on mail settings names each provider before its domain (「Gmail @gmail.com」「docomo @docomo.ne.jp」): no one's
# address, as 「from @gmail.com」 is not.
@pytest.mark.parametrize(
    "text",
    [
        "Gmail @gmail.com、Yahoo!メール @yahoo.co.jp などのフリーメールは届かない場合があります",
        "携帯のメール（docomo @docomo.ne.jp、au @ezweb.ne.jp、SoftBank @i.softbank.jp）をお使いの方は受信設定をお願いします",
        "Please whitelist @docomo.ne.jp before applying",
        "Free mail (e.g. @gmail.com) is accepted",
    ],
)
def test_a_provider_named_before_its_domain_is_no_address(text: str) -> None:
    assert _pii(text) == []


# 「(a)」 apart from the words around it is a list's item, not a disguised 「@」 (written glued: 「taro(a)gmail.com」).
@pytest.mark.parametrize(
    "text",
    [
        "Step 1 (a) www.google.com で検索 (b) 「上越市」と入力",
        "Choose one: Option A (a) booking.com, (b) jalan.net",
        "Visit us (a) www.joetsu-kanko.jp",
    ],
)
def test_a_list_items_letter_in_brackets_is_no_at_sign(text: str) -> None:
    assert _pii(text) == []
