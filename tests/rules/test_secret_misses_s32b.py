"""confidential.secret, session 32 (review misses): a PIN given with its length between the label and the value
(「PIN は 4 桁の 0427 です」「暗証番号は4桁の0427です」) went out unflagged and unmasked: 「4」 was read as the value and
「桁」 after it made it a rule's count. The guidance that states a PIN's length only (「暗証番号は4桁の数字です」,
マイナンバーカード's 「6〜16 桁の英数字」) stays silent."""

from __future__ import annotations

import pytest

from bot.rules import secret_value_spans
from bot.rules.platform import x_weighted_length
from tests.rules.conftest import assert_secret_flagged_and_masked, codes, findings_of

SECRET = "confidential.secret"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("PIN は 4 桁の 0427 です", "0427"),
        ("暗証番号は4桁の0427です", "0427"),
        ("暗証番号は4桁の 0427 です。", "0427"),
        ("暗証番号：4桁の0427", "0427"),
        ("PIN: 4 桁の 0427", "0427"),
        ("庁舎通用口の暗証番号は、6桁の 305172 です。", "305172"),
        ("パスワードは8桁のKessai26です", "Kessai26"),
    ],
)
def test_a_pin_given_with_its_length_fires_and_is_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


# 「N桁で」「N桁、」 say the length as 「N桁の」 does (review of cd198f1a): 「暗証番号は4桁で 0427 です」 went out.
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("暗証番号は4桁で 0427 です", "0427"),
        ("暗証番号は4桁で0427です", "0427"),
        ("PINは4桁、0427です", "0427"),
    ],
)
def test_a_pin_given_after_its_length_with_de_or_a_comma_fires_and_is_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "暗証番号は4桁で設定してください",
        "暗証番号は4桁で、1234や0000は使えません",
        "暗証番号は4桁、署名用パスワードは6〜16桁です",
        "暗証番号は4桁で 3 回間違えるとロックされます",
        "暗証番号は4桁で、0から9の数字を組み合わせます",
    ],
)
def test_guidance_with_de_or_a_comma_after_the_length_stays_silent(text: str) -> None:
    assert SECRET not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "暗証番号は4桁の数字です",
        "PIN は 4 桁で設定してください",
        "暗証番号（4桁）を入力してください",
        "4桁の暗証番号を忘れた場合は、本人確認書類をお持ちのうえ窓口へお越しください。",
        "暗証番号は 6〜16 桁の英数字です",
        "署名用電子証明書の暗証番号は6〜16桁の英数字、利用者証明用電子証明書の暗証番号は4桁の数字です。",
        # The count of another thing, or a value of another length, is no PIN given with its length.
        "暗証番号は4桁の2026年度版の案内をご覧ください",
        "暗証番号は6桁の0427です",
        # A famous example stays one.
        "暗証番号は4桁の1234のような推測されやすいものにしないでください",
        "暗証番号は4桁の1234です",
    ],
)
def test_guidance_on_a_pins_length_stays_silent(text: str) -> None:
    assert SECRET not in codes(text)


# A credential in a link: a password in the address's userinfo, a space typed after the scheme (「https:// user:…@」)
# made it no address and it went out unflagged; a password in the query was rejected as a famous example
# (「?password=Passw0rd」), and read on past its parameter (「&pw=Kx7pq2zz&x=1」 showed 「&x=1」 as the value).
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("ログインはこちら https:// user:Passw0rd@www.city.joetsu.niigata.jp/ から", "Passw0rd"),
        ("https://user:Passw0rd@www.city.joetsu.niigata.jp/", "Passw0rd"),
        ("ftp://admin:admin123@192.168.1.5/", "admin123"),
        ("ftp:// admin:admin123@192.168.1.5/", "admin123"),
        ("smb://soumu:Kx7pq2zz@fileserver/share", "Kx7pq2zz"),
        ("https://www.city.joetsu.niigata.jp/login?password=Passw0rd", "Passw0rd"),
        ("https://www.city.joetsu.niigata.jp/login?password=Kx7pq2zz", "Kx7pq2zz"),
        ("www.city.joetsu.niigata.jp/login?id=soumu&pw=Passw0rd#top", "Passw0rd"),
        ("https://example.com/dl?token=9f8e7d6c5b4a3f2e1d0c4b5a", "9f8e7d6c5b4a3f2e1d0c4b5a"),
    ],
)
def test_a_credential_in_a_link_fires_and_is_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


def test_a_password_in_a_query_ends_at_the_next_parameter() -> None:
    text = "https://www.city.joetsu.niigata.jp/login?id=soumu&pw=Kx7pq2zz&lang=ja"
    assert_secret_flagged_and_masked(text, "Kx7pq2zz")
    assert [text[a:b] for a, b in secret_value_spans(text)] == ["Kx7pq2zz"]
    (found,) = findings_of(SECRET, text)
    assert "lang" not in text[found.start : found.end]


# Cut at the next 「&」 or 「#」, the value of a link's password must still be read as a field's value, and what follows
# the cut read too (review of e30db827): 「?pass=student#pw=0427」 passed the fragment's PIN over with the query's
# value, and 「&pw=sakurasaku&lang=ja」, a lower-case word that fires at the end of its link, went out mid-query.
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("https://www.city.joetsu.niigata.jp/login?pass=student#pw=0427", "0427"),
        ("https://www.city.joetsu.niigata.jp/login?pw=guest#pw=0427", "0427"),
        ("https://www.city.joetsu.niigata.jp/login?id=soumu&pw=sakurasaku&lang=ja", "sakurasaku"),
        ("https://www.city.joetsu.niigata.jp/login?pw=sakurasaku#top", "sakurasaku"),
    ],
)
def test_a_password_after_a_cut_query_value_fires_and_is_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize(
    "text",
    [
        # Not a password: a pass's number, a short word, and a query with no address before it.
        "https://www.city.joetsu.niigata.jp/event?pass=1",
        "https://www.city.joetsu.niigata.jp/a?pw=ok",
        "https://www.city.joetsu.niigata.jp/bus?pass=teiki&route=3",
        "https://www.city.joetsu.niigata.jp/event?pass=guest&lang=en2",
        "検索語は ?password=Passw0rd のように入力しないでください",
        "https:// www.city.joetsu.niigata.jp/ お問い合わせ: koho@city.joetsu.lg.jp",
    ],
)
def test_a_link_without_a_credential_stays_silent(text: str) -> None:
    assert SECRET not in codes(text)


# X's count: twitter-text's address takes a fragment only inside a path or a query, so 「…niigata.jp#上越市」 is an
# address and the hashtag 「#上越市」; counted with the address, the 「#」 weighed nothing. Expected figures are
# twitter-text 3.1.0's parseTweet().weightedLength for each text.
@pytest.mark.parametrize(
    ("text", "weighted"),
    [
        ("詳しくはwww.city.joetsu.niigata.jp#上越市", 38),
        ("詳しくは https://www.city.joetsu.niigata.jp#上越市", 39),
        ("https://www.city.joetsu.niigata.jp:8080#top", 27),
        # A fragment after a path or a query stays the address's.
        ("詳しくはwww.city.joetsu.niigata.jp/#上越市", 37),
        ("https://www.city.joetsu.niigata.jp?a=1#top", 23),
    ],
)
def test_x_counts_a_fragment_glued_to_a_host_as_twitter_text_does(text: str, weighted: int) -> None:
    assert x_weighted_length(text)[0] == weighted
