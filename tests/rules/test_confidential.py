"""confidential.secret: classification marks (not the same words in ordinary sentences) and credentials."""

from __future__ import annotations

import unicodedata

import pytest

from bot.rules import RuleOverride, check, secret_value_spans
from bot.rules.confidential import _STAFF_ONLY_DOCUMENT
from bot.rules.credentials import find_credentials, mask
from tests.conftest import assert_stays_linear
from tests.rules.conftest import codes, ctx, findings_of

# --- credentials ---------------------------------------------------------------------------------

LEAKS = [
    ("公式アカウントのパスワードは Kessai2026! です。", "Kessai2026!"),
    ("ID: joetsu_koho / PW: Kessai2026!", "Kessai2026!"),
    ("Wi-Fiのパスワード：joetsu1234（職員用）", "joetsu1234"),
    (
        "Slack連携用のトークン xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx を設定しました。",
        "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
    ),
    ("APIキー: AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
    ("ghp_1234567890abcdefghijklmnopqrstuvwxyz", "ghp_1234567890abcdefghijklmnopqrstuvwxyz"),
    ("sk-proj-abcdefghijklmnopqrstuvwxyz1234567890ABCD", "sk-proj-abcdefghijklmnopqrstuvwxyz1234567890ABCD"),
    ("パスワード＝Kessai2026!", "Kessai2026!"),
    ("passcode=joetsu1234", "joetsu1234"),
    ("パスコード 4821abcd", "4821abcd"),
    ("ログインパスワードは「Joetsu#Koho」です", "Joetsu#Koho"),
    ("暗証番号：4821", "4821"),
    ("パスワードを Kessai2026! に変更しました", "Kessai2026!"),
    ("パスワード（職員用）：joetsu1234", "joetsu1234"),
    ("ｐａｓｓｗｏｒｄ：ｊｏｅｔｓｕ１２３４", "ｊｏｅｔｓｕ１２３４"),
    (
        "連携アプリ xapp-1-A0123456789-1234567890123-abcdef0123456789",
        "xapp-1-A0123456789-1234567890123-abcdef0123456789",
    ),
    (
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
        "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
    ),
    ("地図 AIzaSyA1234567890abcdefghijklmnopqrstuv を使用", "AIzaSyA1234567890abcdefghijklmnopqrstuv"),
    ("通知先 https://hooks.slack.com/services/T0123ABCD/B0456EFGH/abcdefGHIJKL0123", None),
    ("詳しくは https://koho:Kessai2026@example.com/ で", "Kessai2026"),
    ("アクセストークン: 9f86d081884c7d659a2feaa0c55ad015", "9f86d081884c7d659a2feaa0c55ad015"),
    # Shapes a first audit missed (2026-12-03): arrows, brackets, a spaced-out label, a form's
    # next line, the short 「パス」, GitLab tokens and JWTs.
    ("パスワード→ Kessai2026!", "Kessai2026!"),
    ("パスワード => Kessai2026", "Kessai2026"),
    ("【パスワード】Koho#2026", "Koho#2026"),
    ("パ ス ワ ー ド：hanabi2026", "hanabi2026"),
    ("パ　ス　ワ　ー　ド　hanabi2026", "hanabi2026"),
    ("ログインID\nkoho01\nパスワード\nKessai2026", "Kessai2026"),
    ("【パスワード】\nKoho#2026\n", "Koho#2026"),
    ("パスワード：\n\nhanabi2026。", "hanabi2026"),
    ("パスは「hanabi2026」です", "hanabi2026"),
    ("パス：hanabi2026", "hanabi2026"),
    ("glpat-Ab12Cd34Ef56Gh78Ij90", "glpat-Ab12Cd34Ef56Gh78Ij90"),
    # One GitLab token in thirty has no digit: both cases of letter say it is random (session 25).
    ("glpat-AbCdEfGhIjKlMnOpQrSt", "glpat-AbCdEfGhIjKlMnOpQrSt"),
    ("glpat-z_sxgtrfAxKrhqBTPYwY", "glpat-z_sxgtrfAxKrhqBTPYwY"),
    (
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    ),
    # One-time codes of the account's 2段階認証 (2026-12-03).
    ("認証コード：482913", "482913"),
    ("Instagramの確認コードは 482913 です", "482913"),
    ("2段階認証コード 482913", "482913"),
    ("Your verification code: 4F7K92", "4F7K92"),
    ("認証コード：482 913", "482 913"),
    # Backup codes, which do not expire, and a Google app password (2026-12-03, session 12).
    ("2段階認証のバックアップコード: 1234-5678 2345-6789", "1234-5678 2345-6789"),
    ("Instagramのバックアップコード\n1234 5678\n2345 6789\n以上です", "1234 5678\n2345 6789"),
    ("X のバックアップコード a1b2c3d4e5f6", "a1b2c3d4e5f6"),
    ("backup codes: 1234 5678, 2345 6789", "1234 5678, 2345 6789"),
    ("リカバリーコード：abcd-efgh-ij12", "abcd-efgh-ij12"),
    ("Gmail のアプリパスワード abcd efgh ijkl mnop", "abcd efgh ijkl mnop"),
    ("パスワード：abcd efgh ijkl mnop", "abcd efgh ijkl mnop"),
    # A Wi-Fi network's key as routers label it (2026-12-03, session 13).
    ("Wi-Fi SSID: joetsu-guest パスキー: hogehoge123", "hogehoge123"),
    ("SSID：JOETSU-OFFICE　暗号化キー：8f3kq9zm2x", "8f3kq9zm2x"),
    ("セキュリティキー: Abcd1234efgh", "Abcd1234efgh"),
    ("WPA key: hogehoge123", "hogehoge123"),
    ("PSK=hogehoge123", "hogehoge123"),
    # Tokens of the services a municipality's accounts and tools use (session 13).
    ("Authorization: Bearer AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3D",
     "Bearer AAAAAAAAAAAAAAAAAAAAAMLheAAAAAAA0%2BuSeid%2BULvsea4JtiGRiSDSJSI%3D"),
    ("EAABwzLixnjYBAJZCx7ZAqZBZAZCZBZCZAZCZBZCZAZCZBZCZAZCZBZCZA", "EAABwzLixnjYBAJZCx7ZAqZBZAZCZBZCZAZCZBZCZAZCZBZCZAZCZBZCZA"),
    ("IGQVJWZAmN0ZAXhKZAF9hMkRabcdefghijklmnopqrstuvwxyz0123456789",
     "IGQVJWZAmN0ZAXhKZAF9hMkRabcdefghijklmnopqrstuvwxyz0123456789"),
    ("ya29.a0AfH6SMBx1234567890abcdefghijklmnop", "ya29.a0AfH6SMBx1234567890abcdefghijklmnop"),
    ("client_secret=GOCSPX-abcdefghijklmnopqrstuvwx", "GOCSPX-abcdefghijklmnopqrstuvwx"),
    ("npm_abcdefghijklmnopqrstuvwxyz0123456789", "npm_abcdefghijklmnopqrstuvwxyz0123456789"),
    ("SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
     "SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG"),
    ("AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
    ("LINE_ACCESS_TOKEN: a1B2c3D4e5F6g7H8i9J0kLmN", "a1B2c3D4e5F6g7H8i9J0kLmN"),
    ("https://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz0123", None),
    ("https://hooks.slack.com/workflows/T0123ABC/A0456DEF/789012345/abcdefABCDEF0123", None),
    # Session 14: more formats whose shape alone says they are secrets.
    ("DefaultEndpointsProtocol=https;AccountName=joetsu;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFi==;"
     "EndpointSuffix=core.windows.net", "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFi=="),
    ("PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nAAAAIBm9v\nPrivate-MAC: 0a1b2c3d",
     "Private-MAC: 0a1b2c3d"),
    ("Authorization: Basic dXNlcjpTbm93MjAyNng=", "dXNlcjpTbm93MjAyNng="),
    ("110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "HdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"),
    ("glsa_abcdefghijklmnopqrstuvwxyz012345_abcdef12", "glsa_abcdefghijklmnopqrstuvwxyz012345_abcdef12"),
    ("dop_v1_" + "0123456789abcdef" * 4, "0123456789abcdef" * 4),
    ("hf_abcdefghijklmnopqrstuvwxyzABCDEFGH", "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH"),
    # Session 18: an emoji or an angle bracket for an arrow, and connection strings of any scheme.
    ("パスワード 👉 Kessai2026!", "Kessai2026!"),
    ("パスワード ➡️ Kessai2026!", "Kessai2026!"),
    ("パスワード＞Kessai2026!", "Kessai2026!"),
    ("DB postgres://kessai:pa55word@10.0.0.3/kessai", "pa55word"),
    ("mysql://root:hunter22@db.internal:3306/kessai", "hunter22"),
    ("redis://:s3cretpass@cache.example.jp:6379", "s3cretpass"),
    # The text of a Wi-Fi QR code, and a label in quotes as a JSON or config file writes it.
    ("WIFI:S:joetsu-free;T:WPA;P:Kessai2026;;", "Kessai2026"),
    ("WIFI:T:WPA;S:joetsu-free;P:Kessai\\;2026;H:false;;", "Kessai\\;2026"),
    ('{"user": "kouhou", "password": "Kessai2026!"}', "Kessai2026!"),
    ("'pass' => 'Kessai2026!'", "Kessai2026!"),
    # A notice of a new password, with what happened between the label and the arrow or colon.
    ("パスワード変更しました→Kessai2026", "Kessai2026"),
    ("パスワード更新後：Kessai2026", "Kessai2026"),
    ("パスワード設定：Kessai2026", "Kessai2026"),
    # A name that only begins like a standard's or a document part's is still a password.
    ("パスワードnozomi2025", "nozomi2025"),
    ("パスワード：Windows11", "Windows11"),
    ("パスワードは R8.1.4x です", "R8.1.4x"),  # only a whole era date is one
    # Quotes mark the value, whatever name it begins with.
    ("共有フォルダのパスワード「Office2026」でログインしてください", "Office2026"),
    ("Wi-Fiのパスワードは「iPhone15」です", "iPhone15"),
    # Lower-case letters only, in quotes after the label: the quotes say it is the value.
    ("共有フォルダのパスワードは「yamabiko」です", "yamabiko"),
    ("Wi-Fiのパスワード「hanabitaikai」", "hanabitaikai"),
    # Only a sentence calling the quoted word weak makes it an example; a use of it does not.
    ("共有フォルダのパスワード「yamabiko」でログインし、使わないときはログアウトしてください", "yamabiko"),
    ("パスワード「dragon2026」でログインできます", "dragon2026"),
    ("パスワードは「Kx9#mp2L」です", "Kx9#mp2L"),
    # A card's security code: 3 or 4 digits after its label (a one-time code needs 4 to 8).
    ("有効期限 12/28 セキュリティコード 123", "123"),
    ("CVV: 123", "123"),
    ("CVC2 = 0427", "0427"),
    # Said in English prose (an international exchange account's notice).
    ("The Wi-Fi password is free2use.", "free2use"),
    ("The password is: Snow2026!", "Snow2026!"),
    ("Our PIN was changed to 4821x9", "4821x9"),
    ("The password is now Yuki2026x", "Yuki2026x"),
    ("password has been changed to Snow2026z", "Snow2026z"),
    # Session 15: a number in English prose, as 「暗証番号は4821」 is in Japanese.
    ("The PIN is 4821.", "4821"),
    ("The PIN number is 482193", "482193"),
    ("pin code is 7351", "7351"),
    # The label as a reporter types it, with a separator (the leak report's mask reads it so too).
    ("Pin: 7351 を入力してください", "7351"),
    ("pin：7351", "7351"),
    ("The passcode was changed to 7351", "7351"),
    ("Wi-Fi password is 20261203", "20261203"),
    # Session 19: a label whose value is a number by nature needs no colon (a password still does).
    ("暗証番号 4821", "4821"),
    ("暗証番号を4821に変更しました", "4821"),
    ("金庫の暗証番号が 7351 になりました", "7351"),
    ("PINコード 482193", "482193"),
    # 「PIN番号」, as common a name as 「PINコード」, was no label at all.
    ("PIN番号：482193", "482193"),
    ("カードのPIN番号は 7351 です", "7351"),
    ("パスコード 5521", "5521"),
    # The value in brackets right after the label, with no separator.
    ("パスワード（yuki2025）を入力してください。", "yuki2025"),
    ("パスワード「yuki2025」でログイン", "yuki2025"),
    ("Wi-Fiのパスワード「free2use」", "free2use"),
    ("暗証番号（4821）", "4821"),
    # In notices for foreign residents, and a login pair with 「PW」 under its ID line.
    ("Wi-Fi密码：yuki2025x", "yuki2025x"),
    ("비밀번호: yuki2025x", "yuki2025x"),
    ("Senha: yuki2025x", "yuki2025x"),
    ("Mật khẩu: yuki2025x", "yuki2025x"),
    ("ID joetsu.city\nPW yukiguni2025!", "yukiguni2025!"),
    ("ID：joetsu\n PW yukiguni2025", "yukiguni2025"),
    ("SSID joetsu-free\nPW yukiguni2025", "yukiguni2025"),
    # The pair on one line.
    ("ログイン情報：ID joetsu_admin / PW joetsu2026", "joetsu2026"),
    ("ログインID kikikanri PW Kk88120", "Kk88120"),
    ("Wi-Fi密码（yuki2025x）", "yuki2025x"),  # a foreign label before brackets, as for Japanese ones
    # No space at all between a Japanese label and the value, as Japanese is written.
    ("金庫の暗証番号4821です", "4821"),
    ("共有フォルダのパスワードKessai2026", "Kessai2026"),
    ("認証コード482913", "482913"),
    # A login or network pair on one line, and a router's bare 「KEY」 next to its SSID.
    ("ID koho01 PW Kessai2026", "Kessai2026"),
    ("Wi-Fi: SSID joetsu-staff / PASS joetsu2026wifi", "joetsu2026wifi"),
    ("SSID：joetsu-staff\nKEY：joetsu2026wifi", "joetsu2026wifi"),
    ("SSID：joetsu-staff　キー：joetsu2026wifi", "joetsu2026wifi"),
    ("WPAキー：joetsu2026wifi", "joetsu2026wifi"),
    ("暗号キー：joetsu2026wifi", "joetsu2026wifi"),
    # The value in square or lenticular brackets right after the label, as in parentheses.
    ("共有フォルダのパスワード【Joetsu2026】", "Joetsu2026"),
    ("パスワード［Joetsu2026］でログイン", "Joetsu2026"),
    ("パスワード《Joetsu2026》", "Joetsu2026"),
    # A sentence that announces the value, and the value alone on the next line.
    ("共有フォルダのパスワードは以下のとおりです。\nJoetsu2026", "Joetsu2026"),
    ("パスワードは、次のとおりです。\n\nKessai2026!\nよろしくお願いします", "Kessai2026!"),
    ("金庫の暗証番号は下記です\n4821", "4821"),
    # A clause between the label and the announcement, and the value after its 「。」 on the same line.
    ("管理画面のパスワードは、先日お知らせしたとおり、次のとおりです。Kessai#2026", "Kessai#2026"),
    ("管理画面のパスワードは、先日お知らせしたとおり、次のとおりです。\nKessai#2026", "Kessai#2026"),
    ("広報用PCのパスワードは、前回と同じく、以下のとおりです。\nKoho@2026", "Koho@2026"),
    ("パスワードは以下のとおりです。Kessai#2026", "Kessai#2026"),
    ("暗証番号は、前回と同じく、次のとおりです。\n4821", "4821"),
    # A 「、」 between the label and the value, as a chat has it.
    ("公用スマホの暗証番号、4821です", "4821"),
    ("パスワード、Kessai2026です", "Kessai2026"),
    # A standard's name inside the value, or a standard before the key, is no exemption.
    ("避難所Wi-Fi パスワード：Wifi2026!", "Wifi2026!"),
    ("パスワード：wpa2joetsu", "wpa2joetsu"),
    ("パスワード：Wifi6 2026!", None),
    ("パスワード：Microsoft2026", "Microsoft2026"),
    # A standard and its mode before the key: the mode is no end of the value (36ae7e3 read one word on),
    # and the key after them is what is masked, not the standard's name.
    ("接続キー：WPA2 Personal Kessai2026", "Kessai2026"),
    ("パスワード：WPA2 PSK Kessai2026", "Kessai2026"),
    ("パスワード：WPA2 AES Joetsu2026", "Joetsu2026"),
    ("パスワード：WPA2/WPA3 Mixed Kessai2026", "Kessai2026"),
    ("SSID: city-free パスワード: WPA2 kessai-2026-ab", "kessai-2026-ab"),
    ("パスワード：WPA2-PSK(AES) Kessai2026", "Kessai2026"),
    ("パスワード：WPA2 Personal（AES） kessai2026", "kessai2026"),
]


@pytest.mark.parametrize(("text", "value"), LEAKS)
def test_a_written_out_credential_fires_and_is_masked(text: str, value: str | None) -> None:
    [f] = findings_of("confidential.secret", text)
    assert f.severity == "error"
    assert "投稿しないでください" in f.message and "報告してください" in f.message
    if value is not None:
        assert value in text[f.start : f.end]
        assert value not in f.excerpt and value not in f.message
    assert "＊" in f.excerpt


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("SSID: city-free パスワード: WPA2 kessai-2026-ab", "kessai-2026-ab"),
        ("接続キー：WPA2 Personal（AES） Kessai2026", "Kessai2026"),
    ],
)
def test_the_key_after_a_wifi_standard_is_what_slack_echoes_mask(text: str, key: str) -> None:
    assert [text[a:b] for a, b in secret_value_spans(text)] == [key]


@pytest.mark.parametrize("text", ["ID：admin　PW：Kessai2026", "admin PW=Kessai#2026", "ユーザー admin パスワード：Kessai2026"])
def test_a_password_label_after_an_administrator_is_the_labels_value(text: str) -> None:
    """Read as the administrator's password, 「PW：」 itself was the value: the excerpt began
    「admin　PW＊＊＊」 and the mask in Slack covered the label too."""
    [f] = findings_of("confidential.secret", text)
    assert not f.excerpt.startswith("admin")
    [(a, b)] = secret_value_spans(text)
    assert text[a:b] in ("Kessai2026", "Kessai#2026")


def test_a_private_key_fires_and_only_its_header_shows() -> None:
    text = (
        "鍵です\n-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA1234abcdEFGH\n-----END RSA PRIVATE KEY-----"
    )
    [f] = findings_of("confidential.secret", text)
    assert text[f.start : f.end].endswith("-----END RSA PRIVATE KEY-----")
    assert f.excerpt.startswith("-----BEGIN RSA PRIVATE KEY-----")
    assert "MIIEpAIBAAKCAQEA1234abcdEFGH" not in f.excerpt


def test_the_message_asks_to_change_a_password_and_to_reissue_a_token() -> None:
    [pw] = findings_of("confidential.secret", "PW: Kessai2026!")
    [token] = findings_of("confidential.secret", "ghp_1234567890abcdefghijklmnopqrstuvwxyz")
    assert "直ちに変更し" in pw.message
    assert "無効化して発行し直し" in token.message
    assert "統括する課へ報告" in pw.message and "統括する課へ報告" in token.message


def test_a_one_time_code_asks_to_check_the_accounts_logins() -> None:
    [f] = findings_of("confidential.secret", "認証コード：482913")
    assert "認証コードが書かれています" in f.message and "ログイン履歴と設定を確認し" in f.message


_SAS = "sv=2021-08-06&ss=b&srt=o&sp=rw&se=2026-12-31T00:00:00Z&sig=abcDEF1234567890abcdEFGH%2B%3D"


@pytest.mark.parametrize(
    ("text", "kind", "secret"),
    [
        (f"資料 https://cityfiles.blob.core.windows.net/pub/a.pdf?{_SAS} をご覧ください", "Azure の SAS", "sig=abcDEF"),
        (
            "資料 https://docs.s3.ap-northeast-1.amazonaws.com/a.pdf?X-Amz-Algorithm=AWS4-HMAC-SHA256"
            "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20261203%2Fap-northeast-1%2Fs3%2Faws4_request"
            "&X-Amz-Expires=604800&X-Amz-Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024",
            "AWS S3 の署名付き URL",
            "fe5f80f77d5fa3beca",
        ),
        (
            "https://storage.googleapis.com/city-pub/a.pdf?X-Goog-Algorithm=GOOG4-RSA-SHA256"
            "&X-Goog-Signature=2f6a9c0e1b3d5f7a9c0e1b3d5f7a9c0e（PDF）",
            "Google Cloud Storage",
            "2f6a9c0e1b3d5f7a",
        ),
        (
            "https://d111111abcdef8.cloudfront.net/a.mp4?Expires=1798729200&Signature=Nql641NHEUkUaXQHZINK1FZ~SYeUSoBJMxjdgqrzIdzV2gyEXPDNv0pYdWJkflDKJ3xIu7lbwRpSkG98NBlgPi4ZJpRRnVX4kXAJK6tdNx6FucDB7OVqzcxkxHsGFd8VCG1BkC-Afh9~lOCMIYHIaiOB6~~Do0ew83yfBhsVcHsBtVL2ks5t8iktpy0ppEEwNuFQWy3dE6Vt4FA8rXVGvkE2~kUKn7YsOyr4uE53n6tHmDxOrmRhM8Iuy0NR4e7vq3HdOOhnJOXPH7oIFCn2ZiYWSDYt3kgFf&Key-Pair-Id=K2JCJMDEHXQW5F",
            "CloudFront",
            "Nql641NHEUkUaXQHZINK",
        ),
    ],
)
def test_a_signed_url_fires_with_its_query_masked(text: str, kind: str, secret: str) -> None:
    [f] = findings_of("confidential.secret", text)  # one finding, also where the URL holds an AKIA… id
    assert f.severity == "error" and kind in f.message
    assert "公式ホームページに掲載" in f.message and "発行し直して無効に" in f.message
    url = text[f.start : f.end]
    assert url.startswith("https://") and "（" not in url and secret in url
    # The address stays readable, the query does not, in this finding and in link.untrusted's.
    assert f.excerpt.startswith(url[: url.index("?") + 1])
    for other in check(text, ctx()):
        assert secret not in other.excerpt and secret not in other.message, other


@pytest.mark.parametrize(
    "text",
    [
        "画像 https://cdn.example.jp/a.jpg?sig=abcDEF1234567890abcd&w=300",  # a sig= alone is not Azure's
        "https://cityfiles.blob.core.windows.net/pub/a.pdf?sv=2021-08-06&sig=short",
        "https://cityfiles.blob.core.windows.net/pub/a.pdf?sv=2021-08-06",
        "https://example.jp/a?Signature=abcDEF1234567890abcd",  # no Key-Pair-Id
        "署名付き URL の X-Amz-Signature= の値は投稿しないでください",
    ],
)
def test_urls_without_a_service_signature_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("詳細は https://example.lg.jp/portal?key=AbC123xyz9QwErTy をご覧ください。", "AbC123xyz9QwErTy"),
        ("https://example.lg.jp/portal?auth=AbC123xyz9QwErTy&page=2", "AbC123xyz9QwErTy"),
        ("https://example.lg.jp/portal?token=AbC123xyz9QwErTy", "AbC123xyz9QwErTy"),
        ("https://example.lg.jp/portal?apikey=AbC123xyz9QwErTy#top", "AbC123xyz9QwErTy"),
        ("https://example.lg.jp/portal?id=3&sig=AbC123xyz9QwErTy", "AbC123xyz9QwErTy"),
        ("https://example.lg.jp/api?access_key=9f8e7d6c5b4a3f2e1d0c", "9f8e7d6c5b4a3f2e1d0c"),
        ("https://example.jp/api?x-api-key=AbC123xyz9QwErTyUi", "AbC123xyz9QwErTyUi"),
        ("https://example.jp/api?accessToken=AbC123xyz9QwErTyUi", "AbC123xyz9QwErTyUi"),
        # A session id in a link logs in whoever opens it.
        ("https://example.jp/app;jsessionid=AbC123xyz9QwErTyUi", "AbC123xyz9QwErTyUi"),
        ("https://example.jp/a?PHPSESSID=9f8e7d6c5b4a3f2e1d0c9b8a", "9f8e7d6c5b4a3f2e1d0c9b8a"),
        ("https://example.jp/api?sid=AbC123xyz9QwErTyUi&lang=ja", "AbC123xyz9QwErTyUi"),
    ],
)
def test_a_key_in_a_urls_query_fires_and_is_masked(text: str, secret: str) -> None:
    [f] = findings_of("confidential.secret", text)
    # Only the parameter's own value: the next parameter is no part of the key.
    assert text[f.start : f.end].endswith(secret)
    for other in check(text, ctx()):
        assert secret not in other.excerpt and secret not in other.message, other


@pytest.mark.parametrize(
    "text",
    [
        "https://example.lg.jp/portal?id=123&page=2",
        "https://example.lg.jp/portal?key=short&page=2",
        # A short key followed by a long parameter: the key's value stops at 「&」.
        "https://example.lg.jp/search?key=tokyo&ref=1234567890abcdefgh",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ&key=value",
        "https://example.jp/shop?sid=12&page=2",
        "https://example.lg.jp/event?session=2&id=5",
        "https://cdn.example.jp/photo/a.webp?sig=abcDEF1234567890abcd",  # an image CDN's resizing
        "鍵の受け渡しについて key=AbC123xyz9QwErTy",  # not a query parameter
    ],
)
def test_public_query_parameters_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize("text", [
    "認証コードが届かない場合はこちらをご覧ください",
    "確認コード（6桁）を入力してください",
    "セキュリティコード（カード裏面の3桁の数字）を電話で聞かれても答えないでください",
    "認証コードは 6 桁です",
    "認証コードを2回間違えるとロックされます",
    "確認番号 1023 の方が当選です",
    "認証コード：123456 のような番号は例です",
    "認証コードは2026年1月から変わります",
])
def test_texts_about_one_time_codes_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


def test_every_backup_code_is_masked_and_the_message_asks_to_reissue_them() -> None:
    text = "バックアップコード\n1234 5678\n2345 6789\n3456 7890"
    [f] = findings_of("confidential.secret", text)
    assert f.end == len(text)
    assert not any(group in f.excerpt for group in ("5678", "2345", "6789", "3456", "7890"))
    assert "バックアップコードが書かれています" in f.message and "無効化して発行し直し" in f.message


@pytest.mark.parametrize("text", [
    "バックアップコードは安全な場所に保管してください",
    "リカバリーコードは 8 桁です",
    "バックアップコード 10 個を印刷して保管しましょう",
    "復旧コード（10個）を控えておきましょう",
    "パスワード abcd efgh ijkl mnop",  # four words after a bare space: prose, unless the label says app password
    "your password must have more than eight characters",
])
def test_texts_about_backup_codes_and_grouped_words_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


def test_a_token_after_its_label_is_one_finding_with_the_token_kind() -> None:
    text = "Slack連携用のトークン xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx を設定しました。"
    [f] = findings_of("confidential.secret", text)
    assert f.excerpt.startswith("トークン xoxb-12＊")
    assert "Slack のトークン" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "パスワードを定期的に変更しましょう",
        "パスワードは8文字以上にしてください",
        "暗証番号を聞く電話は詐欺です",
        "パスワードの使い回しに注意",
        "パスワードは、英大文字・小文字・数字・記号を組み合わせた12文字以上にしましょう。",
        "パスワード：8〜16文字の半角英数字",
        "パスワード（8文字以上）を入力してください",
        "パスワードは 123456 や password などが多く使われています",
        "パスワード: 1234 のような単純なものは避けましょう",
        "暗証番号は 0000 にしないでください",
        "PINコードは4桁です",
        "PIN番号は4桁です",
        "PIN番号は1200戸に配布済みです",
        "ワンタイムパスワードは SMS で届きます",
        "Wi-Fi（SSID: JOETSU_FREE）はパスワード不要です",
        "パスワード管理アプリのご紹介",
        "パスワード再設定は https://www.city.joetsu.lg.jp/reset から",
        "ログインIDとパスワードは、それぞれ別の場所で保管しましょう。",
        "パスワード：********",
        "One-day pass 1000yen",
        "Free pass: 2,000yen",
        "Password manager apps help you",
        "問合せ番号 sk-1234 でございます",
        "sk-abcdefghijklmnopqrstuvwxyz は製品名です",
        "秘密保持契約（NDA）を締結しました",
        "フリーパスは「1日券」です",
        "キャンパスは「JOETSU2026」で検索",
        "パスタは「ABC2026」",
        "周遊パスは JR2026 で購入できます",
        "乗り放題パス：2,000円",
        "1日パス→QR コードを提示",
        "合言葉は「やまびこ」です",
        "パスワード\n忘れた方はこちら",
        "パスワード\n8文字以上",
        "パスワード\nKessai2026 のような推測しやすいものは避けましょう",
        "パスワード\n\n\n次のお知らせです abc123",
        "パスワード→********",
        "暗証番号→4桁",
        "暗証番号 4桁",
        "暗証番号4桁の数字を入力",
        "Key: Step1 を確認してください",
        "パスワード【必須】",
        "パスワードは「Google」アカウントと同じです",
        "パスワードは「yamabikoアカウント」のものです",
        "パスワードは「sakura」などの単語を避けましょう",
        "パスワードに「sakura」を使わないでください",
        "パスワードは「password」にしないでください",
        # Standards, products and parts of a document named right after the label.
        "暗号キーAES256で保護されています",
        "WPAキーWPA2-PSK(AES)で暗号化されています",
        "パスワードMicrosoft365のサインインにも2段階認証を",
        "パスワードiPhone15での設定方法を解説します",
        "パスワード【ver2.0】の管理ガイドを公開しました",
        "パスワード《Step-2》確認用の再入力",
        "パスワード（Ver.2）の仕様について",
        # A date in the Japanese era's short form (令和8年1月4日), in brackets or straight after.
        "パスワード（R8.1.4）変更のお願い",
        "パスワード【R8/1/4】変更のお知らせ",
        "パスワードR8.1.4変更分の一覧",
        "パスワード（R8.4.1～）の新ルール",
        "パスワード【PDF:2MB】管理ガイド",
        "認証コードSMS2通目が届かない場合",
        # A list of quoted examples: what follows its last item says they are examples.
        "パスワードは「sakura」「tanaka」など名前そのものにしないでください",
        "パスワードは「monkey」「dragon」のような英単語だけのものも破られやすいです",
        "パスワードは「secret」、「private」といった単語も避けましょう",
        "パスワード「abcdefg」「yuki2025」などは避けましょう",
        "パスワード設定：英数字8文字以上",
        "パスワード設定→マイページから",
        "パスワードは以下のとおりです。\n1. 8文字以上\n2. 英数字を含む",
        "パスワードは以下のとおり設定してください。\n・英数字を含む8文字以上",
        "パスワードの再設定方法は次のとおりです\nhttps://www.city.joetsu.lg.jp/pw",
        "パスワード［8文字以上］",
        "パスワード【Joetsu2026】のような推測しやすいものは避けましょう",
        "ID：koho01\nKEY：Joetsu2026",  # 「KEY」 alone is a Wi-Fi key only beside an SSID
        "キーホルダー：abc12345",
        "SSID：JOETSU_FREE\nキー：不要",
        "ID card and PASS 1000yen",
        "SSID joetsu-free PASS free",
        "パスワード8文字以上",
        "パスワード2段階認証を設定しましょう",
        "パスワード、ID、メールアドレスの管理",
        "请设置密码",
        "senhas fortes",
        "PW yukiguni2025!",  # no ID line above: 「PW」 alone after a space stays prose
        "Show your ID card and pass through the gate",
        "Bring your student ID 12345 pass holders only",
        "入場 1000yen\nPass 1000yen",
        "パスワード（8文字以上）を設定してください",
        "パスワード（英数字8文字以上）",
        "パスワード「ABC」",
        # A quoted lower-case word naming a part of the screen, not the value.
        "パスワードは「settings」画面から変更できます",
        "マイページのパスワードは「forgot」ボタンから再設定できます",
        "パスワードは「mypage」の設定画面で変更してください",
        "パスワード「keyword」欄に入力してください",
        "パスワード「yuki2025」のような推測しやすいものは避けましょう",
        "パスワードは「yuki2025」のような推測しやすいものを避けましょう",
        "パスワード：「Kessai2026」などは避けてください",
        "暗証番号を3回間違えるとロックされます",
        "暗証番号を2024年から変更できるようになりました",
        "暗証番号 1234 のような数字は避けましょう",
        "暗証番号が2つ必要です",
        "【パスワード】について",
        "glpat-xxxxxxxxxxxxxxxxxxxx",
        "glpat-XXXXXXXXXXXXXXXXXXXX",
        "glpat-yourpersonalaccesstoken",
        "glpat-YourPersonalAccessToken",
        "glpat-ExampleTokenValueHere",
        "glpat-12345678901234567890",
        "eyJhbGciOi で始まる文字列は JWT です",
        "パスキーでログインできるようになりました",
        "暗号化キーは定期的に変更しましょう",
        "セキュリティキー（USB）を使った2段階認証",
        "PSK 方式の Wi-Fi です",
        "This card is valid for the bearer of this pass only.",
        "SG.Joetsu の略です",
        "access_token の有効期限は60日です",
        "The password is case-sensitive.",
        "Password is Case-Sensitive",
        "The password is 8 characters or more.",
        "Your password will be sent by email.",
        "The password is changed regularly.",
        "A day pass is 1000yen",
        "The pass is valid for 3 days",
        "The PIN is 1234 in this example.",
        "The PIN is 4 digits.",
        "Your PIN is 4821 digits long? No: 4 to 6 digits.",
        "The password is 12345678 characters at most",
        "The bus pass is 2000",
        "Free pass is 1000 yen",
        "pin numbers are required",
        "Basic information about the event",
        "Basic Plan: 1000yen",
        "Basic QmFzaWM= は「Basic」を base64 にしたものです",
        "hf_とは何か",
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7 user@host は公開鍵です",
        "AccountKey の設定方法",
        # A Wi-Fi standard or a service named after the label: a router's spec, which account it is.
        "避難所のルーター　パスワード：Wi-Fi 6対応",
        "パスワード：WPA2",
        "接続キー：WPA3-Personal",
        "暗号化：あり　パスワード：WPA2 Personal",
        "パスワード：WPA2/WPA3",
        # An announcement whose sentence goes on, or that announces no value.
        "パスワードは次のとおりです。Windows11のPCではサインイン画面から入力します。",
        "パスワードは、セキュリティ強化のため、次のとおり変更してください。\n英数字8文字以上",
        "パスワードは以下のとおりです：8文字以上",
        "パスワードの条件は、次のとおりです。ABC123",
        "パスワードは、ご本人に限り、下記の窓口でお伝えします。",
        # After 「、」 a rule, an example or which account's password it is.
        "パスワード、2026年度から変更になります",
        "暗証番号、4桁の数字を入力してください",
        "暗証番号、1234のような単純なものは避けましょう",
        "パスワード、Windows11と同じにしないでください",
        "パスワード、Microsoft365のものを使います",
        "パスワード Windows11 と同じです",
        "パスワード：Office365 のアカウントと同じ",
        # The cipher in full-width brackets, glued to the mode once normalised (「Personal(AES)」).
        "Wi-Fiのパスワード：WPA2 Personal（AES）",
        "接続キー：WPA2/WPA3 Mixed Personal（AES）",
        "パスワード：Microsoft アカウントと同じ",
        "パスワード：Googleアカウントのパスワードと同じです",
    ],
)
def test_awareness_posts_and_ordinary_text_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


def test_other_findings_on_the_same_characters_do_not_show_the_secret() -> None:
    text = "パスワード：Ｋｅｓｓａｉ２０２６"
    found = check(text, ctx())
    assert {f.code for f in found} >= {"confidential.secret", "a11y.fullwidth_alnum"}
    for f in found:
        for shown in (f.excerpt, f.message, f.suggestion or ""):
            assert "Ｋｅｓｓａｉ２０２６" not in shown and "Kessai2026" not in shown, f
    [link] = findings_of("link.untrusted", "詳しくは https://koho:Kessai2026@example.com/ で")
    assert "Kessai2026" not in link.excerpt


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("暗証番号：４８２１（変更しないでください）", "４８２１"),
        ("パスワード：Ｋｅｓｓａｉ２０２６（全角）", "Ｋｅｓｓａｉ２０２６"),
        ("パスワード；Ｋｅｓｓａｉ２０２６", "Ｋｅｓｓａｉ２０２６"),
        ("パスワード／Ｋｅｓｓａｉ２０２６", "Ｋｅｓｓａｉ２０２６"),
        ("パスワード｜Ｋｅｓｓａｉ２０２６", "Ｋｅｓｓａｉ２０２６"),
    ],
)
def test_a_mark_beside_the_value_does_not_unmask_it_elsewhere(text: str, secret: str) -> None:
    """The 「（」 of a note after the value, or the 「；」 before it, was taken into the value, so the
    value masked in the other findings (a11y.fullwidth_alnum's) was one they never show, and they
    showed the secret."""
    found = check(text, ctx())
    assert {f.code for f in found} >= {"confidential.secret", "a11y.fullwidth_alnum"}
    for f in found:
        assert secret not in f.excerpt and secret not in (f.suggestion or ""), f


def test_a_secret_is_masked_before_a_long_excerpt_is_shortened() -> None:
    url = "https://koho:Kessai2026xyz@example.com/" + "a" * 80
    [link] = findings_of("link.untrusted", f"詳しくは {url} で")
    assert "Kessai2026" not in link.excerpt and link.excerpt.endswith("…")


def test_mask_keeps_a_prefix_and_hides_short_values_entirely() -> None:
    assert mask("Kessai2026!") == "Ke＊＊＊＊＊＊＊＊＊"
    assert mask("4821") == "＊＊＊＊"
    # A value without a letter keeps nothing, however long: its digits are each a guess saved.
    assert mask("12345678") == "＊" * 8
    assert mask("四八二一（４８２１）") == "＊" * 10
    assert mask("1234 5678 9012") == "＊" * 12 + "…"
    assert mask("ghp_" + "a" * 36, shown=4) == "ghp_aa" + "＊" * 12 + "…"


def test_find_credentials_reports_spans_in_the_normalised_text() -> None:
    [c] = find_credentials("PW: Kessai2026!")
    assert (c.start, c.end, c.value_start, c.value_end) == (0, 15, 4, 15)


# --- classification marks ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        ("【機密性2】来年度の組織再編について", "【機密性2】"),
        ("機密性３情報：職員の人事評価結果", "機密性３情報"),
        ("【秘密】来年度の予算案", "【秘密】"),
        ("【機密】来年度の予算案", "【機密】"),
        ("【厳秘】来年度の予算案", "【厳秘】"),
        ("CONFIDENTIAL 来年度の予算案", "CONFIDENTIAL"),
        ("【取扱厳重注意】来年度の予算案", "【取扱厳重注意】"),
        ("【非公表】来年度の予算案", "【非公表】"),
        ("【未公表】令和9年度の職員採用試験の日程", "【未公表】"),
        ("（未公表）新庁舎の建設地について", "（未公表）"),
        ("【部外秘】来年度の組織再編について", "【部外秘】"),
        ("［秘・取扱注意］職員名簿", "［秘・取扱注意］"),
        ("〔非公開〕審議会資料", "〔非公開〕"),
        ("（非公開）来年度の人事", "（非公開）"),
        ("取扱注意：来年度の予算", "取扱注意"),
        ("非公開\n来年度の人事", "非公開"),
        ("■部外秘 人事異動の内示", "部外秘"),
        ("※取扱注意※ 次期市長選に関する庁内の情勢分析資料です。", "取扱注意"),
        ("■部外秘■人事異動の内示", "部外秘"),
        ("最低売却価格は非公表ですが、こっそり教えます。取扱注意：見積価額の7割です。", "取扱注意"),
        ("この資料は取扱注意です", "取扱注意"),
        ("Confidential: 予算", "Confidential"),
        ("[Confidential] 予算", "[Confidential]"),
        ("人事評価（機密性2A）の結果", "機密性2A"),
        # Spaced out inside the brackets, with ASCII or ideographic spaces.
        ("【部 外 秘】来年度の組織再編について", "【部 外 秘】"),
        ("【社　外　秘】来年度の組織再編について", "【社　外　秘】"),
        ("【取 扱 注 意】職員名簿", "【取 扱 注 意】"),
        ("（部 外 秘）人事異動の内示", "（部 外 秘）"),
        # The circled 秘 sign with the title right after it.
        ("㊙組織再編の件", "㊙"),
        ("㊙\ufe0f組織再編の件", "㊙\ufe0f"),
        ("件名：㊙人事異動について", "㊙"),
        ("■㊙組織再編の件", "㊙"),
        # A classification word spelled out with spaces, as a heading of its own.
        ("部 外 秘\n来年度の組織再編について", "部 外 秘"),
        ("■ 部　外　秘 ■", "部　外　秘"),
        ("Private & Confidential", "Private & Confidential"),
        ("【内部用】", "【内部用】"),
        ("【内部向け】組織再編", "【内部向け】"),
        ("【職員限定】人事異動", "【職員限定】"),
        ("【関係者のみ】", "【関係者のみ】"),
        # The sign drawn with a circle, where a font or a keyboard has none.
        ("◯秘 組織再編について", "◯秘"),
        ("○秘人事異動の内示", "○秘"),
        ("■◯秘予算案", "◯秘"),
        ("取扱い厳重注意：職員名簿", "取扱い厳重注意"),
    ],
)
def test_a_classification_mark_fires_once(text: str, mark: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert text[f.start : f.end] == mark == f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "審議会は、個人情報を扱うため非公開で開催します。",
        "応募者の氏名は非公開とします。",
        "亡くなった方の氏名は、ご遺族の意向により未公表です。",
        "未公表だった新種の化石を、博物館で初めて展示します。",
        "非公開の会議ではありません。どなたでも傍聴できます。",
        "取扱注意！ 灯油の取り扱いには十分ご注意ください。",
        "取り扱い注意のお願い：花火は大人と一緒に",
        "上越市の知られざるマル秘スポットを紹介します！",
        "極秘ミッション！ 謙信公の隠れた名所を探せ！",
        "11月25日 第3回審議会（非公開）",
        "会議の資料は非公開です",
        "貴重資料は持出禁止です",
        "本日は関係者限りの内覧会です",
        "おいしさの秘密をご紹介します",
        "機密情報を保護するため、SNSでは発信しません。",
        "機密性の高い情報はLoGoチャットで共有します",
        "【機密性1】公開資料",
        "Your consultation is kept confidential.",
        "マル秘情報 ゲットだぜ",
        "★極秘★ミッション！謙信公の隠れた名所を探せ！",
        "・機密・個人情報の取扱い研修を実施しました",
        "灯油を買いました。取扱注意！ 灯油の取り扱いには十分ご注意ください。",
        "㊙スポット紹介",
        "㊙情報 ゲットだぜ",
        "地元民だけが知る㊙名所をご紹介します",
        "㊙穴場スポットを巡るツアー",
        "㊙体験ツアー参加者募集",  # a kanji title, but no internal business
        "㊙作戦会議でおいしい鍋を考えました",
        "【秘 境 め ぐ り】山あいの温泉へ",
        # A circle as a bullet before a word that starts with 秘.
        "○秘密のレシピを公開します",
        "内部向けの研修を行いました",
        "職員限定の食堂メニューです",
        "関係者のみ入場できます",
        "土 日 祝 は休みです",
        "private lessons and confidential counseling",
        "〇秘境の湯へ行こう",
        "◯秘湯めぐりスタンプラリー",
        "○秘蔵写真展",
        "◯秘スポット",
    ],
)
def test_the_same_words_in_ordinary_sentences_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


def test_extra_words_fire_anywhere_and_as_marks() -> None:
    ov = {"confidential.secret": RuleOverride(extra_words=("議員限り",))}
    assert "confidential.secret" in codes("議員限りの資料です", overrides=ov)
    [f] = findings_of("confidential.secret", "【議員限り】資料", overrides=ov)
    assert f.excerpt == "【議員限り】"


def test_a_connection_strings_user_is_not_taken_for_a_mail_address() -> None:
    text = "接続先 mysql://root:hunter22@db.example.jp:3306/kessai"
    assert "pii.email" not in codes(text)
    assert "pii.email" in codes("連絡は root@db.example.jp まで")


@pytest.mark.parametrize("text", [
    "セキュリティコード（3桁）を入力してください",
    "カード裏面のセキュリティコード（3桁または4桁の数字）",
    "The CVV is the 3-digit code on the back.",
    "認証コード：123",  # a one-time code has 4 to 8 digits
    "WIFI:S:joetsu-free;T:nopass;;",  # an open network's QR code has no password
    "パスワードを変更しました。定期的な変更にご協力ください",
    "パスワードを変更しました 2026年12月",
])
def test_where_a_card_security_code_is_only_explained_nothing_fires(text: str) -> None:
    assert "confidential.secret" not in codes(text)


def test_a_card_security_code_says_to_call_the_card_company() -> None:
    [f] = findings_of("confidential.secret", "セキュリティコード：123")
    assert "カードのセキュリティコード" in f.message and "カード会社に連絡してカードを止め" in f.message
    assert "123" not in f.excerpt


@pytest.mark.parametrize("sep", ["\t", ","])
def test_passwords_in_a_table_of_accounts_are_each_found(sep: str) -> None:
    """A list of accounts copied from a spreadsheet (tabs) or a CSV file: the password column."""
    rows = [["アカウント", "ID", "パスワード"], ["X", "joetsu_city", "Kessai2026!"], ["Instagram", "joetsu.official", "Yuki#2026"]]
    text = "\n".join(sep.join(r) for r in rows)
    found = findings_of("confidential.secret", text)
    assert [text[f.start : f.end] for f in found] == ["Kessai2026!", "Yuki#2026"]
    # With the row's head, so that the operator sees which account's it is.
    assert [f.excerpt for f in found] == [
        f"X{sep}joetsu_city{sep}Ke＊＊＊＊＊＊＊＊＊", f"Instagram{sep}joetsu.official{sep}Yu＊＊＊＊＊＊＊"
    ]


def test_a_markdown_table_of_accounts_is_read_by_its_columns() -> None:
    text = "| アカウント | ID | パスワード |\n|---|---|---|\n| X | joetsu_city | Kessai2026! |"
    [f] = findings_of("confidential.secret", text)
    assert text[f.start : f.end] == "Kessai2026!"


def test_a_table_cells_excerpt_says_which_row_it_is_and_shows_no_secret() -> None:
    """A PIN masked whole is 「＊＊＊＊」: without its row, two findings of a table read the same in
    Slack, which shows no line numbers. The row's head is shown; the other secrets in it stay masked."""
    text = "名前\t暗証番号\n田中\t4821\n佐藤\t5930"
    assert [f.excerpt for f in findings_of("confidential.secret", text)] == ["田中\t＊＊＊＊", "佐藤\t＊＊＊＊"]
    text = "ID\tPW\tPIN\nkoho01\tKessai2026\t4821"
    excerpts = "\n".join(f.excerpt for f in check(text, ctx()))
    assert "koho01" in excerpts and "Kessai2026" not in excerpts and "4821" not in excerpts


@pytest.mark.parametrize("text", [
    "日時\t場所\t参加費\n12/6\t市民プラザ\t500円",
    "項目,内容\nパスワード,定期的に変更してください",
    "| ID | パスワード |\n|---|---|\n| joetsu | ******** |",  # already masked
    "Ticket\tPass\tPrice\nAdult\tDay Pass\t1000\nChild\tFreePass\t500",  # a fare table's passes
    "Type\tPass\nAdult\t1000\nChild\t500",  # prices under 「Pass」
    "項目\tパスワード\n管理画面\t別途お知らせします",
])
def test_tables_without_a_password_under_a_password_header_are_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize("text", [
    "避難所のWi-Fiをご利用いただけます。\nSSID: joetsu_hinan\nパスワード: hinan2026",
    "公民館の無線LAN（ゲスト用）の暗号化キー：kominkan2026",
    "WIFI:S:joetsu-hinan;T:WPA;P:hinan2026;;",
])
def test_a_wifi_password_still_blocks_and_says_how_to_send_a_guest_key_on(text: str) -> None:
    """A shelter's guest Wi-Fi is announced with its key on purpose, and an administrator's password
    looks the same: the error stands, and the message says what to do for a guest key."""
    [f] = [f for f in check(text, ctx()) if f.code == "confidential.secret"]
    assert f.severity == "error" and "ゲスト用" in f.message and "理由を付けて決裁を依頼" in f.message


@pytest.mark.parametrize("text", [
    "オンライン説明会（Zoom）\nミーティングID：812 3456 7890\nパスコード：482913",
    "Webinar on Dec 10 via Zoom. Passcode: 482913",
    # Zoom's English invitation on one line, the passcode after a mere space.
    "Zoom ID: 812 3456 7890 / passcode 482913",
    "Meeting ID: 812 3456 7890 Passcode 482913",
])
def test_a_meeting_passcode_still_blocks_and_says_how_to_send_a_public_one_on(text: str) -> None:
    """A public briefing's passcode is published on purpose, and an internal meeting's looks the
    same: the error stands (the rule reads パスコード as a PIN), and the message says what to do."""
    [f] = findings_of("confidential.secret", text)
    assert f.severity == "error" and "参加用パスコード" in f.message and "理由を付けて決裁を依頼" in f.message
    assert "482913" not in f.excerpt


@pytest.mark.parametrize("text", ["The passcode is 6 digits long", "Enter the passcode 4821 digits", "Zoom passcodes 482913"])
def test_the_length_of_a_passcode_or_the_plural_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize("text", [
    "Zoom ホスト用のログイン：koho@example.lg.jp / Zoom#Host2026",  # a host's password is never public
    "金庫のパスコード：482913",  # no online meeting
])
def test_no_meeting_note_without_a_meeting_or_on_a_login(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert "参加用パスコード" not in f.message


def test_a_password_without_wifi_gets_no_guest_note() -> None:
    [f] = [f for f in check("管理画面のパスワード: hinan2026", ctx()) if f.code == "confidential.secret"]
    assert "ゲスト用" not in f.message


@pytest.mark.parametrize(
    ("text", "mark"),
    [
        # Stamps of a document not yet public or not to be passed on, left on a pasted draft.
        ("【未公表】来年度の組織再編について", "【未公表】"),
        ("［未公表］新体育館の基本計画", "［未公表］"),
        ("【庁内限定】新体育館の計画", "【庁内限定】"),
        ("【職員限り】人事異動の内示", "【職員限り】"),
        ("【転送禁止】議会答弁の想定問答", "【転送禁止】"),
        ("【外部提供禁止】調査結果", "【外部提供禁止】"),
        ("公表不可：アンケートの自由記述", "公表不可"),
        ("INTERNAL ONLY: FY2027 budget draft", "INTERNAL ONLY"),
        ("DO NOT DISTRIBUTE - draft plan", "DO NOT DISTRIBUTE"),
        # After a bullet or a label, as Japanese staff write them.
        ("※DO NOT DISTRIBUTE 来年度予算案", "DO NOT DISTRIBUTE"),
        ("件名：INTERNAL ONLY 来年度予算案", "INTERNAL ONLY"),
        ("【Internal only】予算案", "【Internal only】"),
    ],
)
def test_stamps_of_unpublished_or_internal_documents_fire(text: str, mark: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert text[f.start : f.end] == mark


@pytest.mark.parametrize(
    "text",
    [
        "未公表の情報は発信しません。",
        "生成AIを庁内限定で試行しています。",
        "「転送禁止」と書かれたメールにご注意ください",
        "【無断転載禁止】写真の利用はお問い合わせください",
        "職員限りの研修を行いました。",
        "Please do not distribute flyers in the station.",
        "The lounge is for internal only use.",
        "This is not an INTERNAL ONLY event, everyone is welcome.",
        "「DO NOT DISTRIBUTE」と書かれた偽のメールにご注意ください。",
        'Scammers write "DO NOT DISTRIBUTE" on fake notices to scare you.',
    ],
)
def test_the_same_words_as_sentences_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A stamp word as the label of a form's answer, or of advice to the reader.
        "転送禁止：チェーンメールは転送しないでください",
        "転送禁止 チェーンメールは転送しないでください",
        "未公表：なし",
        "チェック項目\n個人情報：なし\n未公表：なし",
        "取扱注意：危険物は消防署の指示に従って保管してください。",
        "取扱注意：灯油は火気から離して保管しましょう",
        "秘密：ありません（すべて公開資料です）",
        "非公表：なし（全件公表）",
        # Session 22: a classification word answered 「なし」 fired as a word, and so did a stamp
        # said to be absent.
        "部外秘：なし",
        "文書区分　部外秘：なし",
        "本日の会議録を公開しました。【非公開】の部分はありません。",
        "この資料に部外秘に該当する箇所はありません。",
    ],
)
def test_a_stamp_word_labelling_an_answer_or_advice_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "【取扱注意】\n来年度予算案について",
        "取扱注意\n来年度予算案について",
        "転送禁止\n職員各位\n来週の人事異動について",
        "取扱注意：来年度の予算",
        # Advice about the document itself is the stamp's instruction.
        "取扱注意：この資料は外部に出さないでください",
        "未公表：発表まではSNSに投稿しないでください",
        "【転送禁止】チェーンメールは転送しないでください",
        # Present, or asked about: still a stamp.
        "部外秘：あり",
        "部外秘：なし\n【極秘】人事異動の内示",
        "【部外秘】ありませんか？",
        "【非公開】\nありません",
    ],
)
def test_a_stamp_heading_a_title_or_the_documents_handling_still_fires(text: str) -> None:
    assert "confidential.secret" in codes(text)


def test_an_armored_pgp_secret_key_fires_and_only_its_header_shows() -> None:
    text = "鍵です\n-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGV1abcdEFGH\n=AbCd\n-----END PGP PRIVATE KEY BLOCK-----"
    [f] = findings_of("confidential.secret", text)
    assert text[f.start : f.end].endswith("-----END PGP PRIVATE KEY BLOCK-----")
    assert "lQOYBGV1abcdEFGH" not in f.excerpt
    assert "confidential.secret" not in codes("-----BEGIN PGP PUBLIC KEY BLOCK-----\nmQINBGV1abcd")


@pytest.mark.parametrize("text", [
    "ログイン情報：koho01 / Joetsu2026",
    "アカウント情報 koho_joetsu / Yuki2025!",
    "共有アカウントのログイン：joetsu.koho／Kk88120x",
    # A space, 「・」 or 「、」 between the two (a full-width space is one too), and 「ログインID」.
    "ログイン情報 koho01 Yuki2025!",
    "アカウント：koho01　Yuki2025!",
    "ログインID：koho01 / Joetsu2026",
    "アカウント名 koho01、Yuki2025!",
    "ログイン情報：koho01・joetsu2026",
    # Under 公式アカウント a password with a symbol is still one.
    "公式アカウント koho01 Yuki2025!",
])
def test_an_id_and_password_under_one_label_fire(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert "2026" not in f.excerpt and "2025" not in f.excerpt and "120x" not in f.excerpt


@pytest.mark.parametrize("text", [
    "ログイン情報：各課の担当者にお問い合わせください / 再発行は情報政策室へ",
    "ログイン情報 ID / password は各自で管理してください。",
    "ログイン時間：9:00 / 17:00",
    "ログイン：https://www.city.joetsu.niigata.jp/ / 操作方法は別紙",
    # An account announced, not a login: handles, a hashtag, a service's name.
    "公式アカウント：joetsu_city joetsu2026",
    "公式アカウント：@joetsu_city #Joetsu2026",
    "公式アカウント：@joetsu_city Joetsu2026!",
    "アカウント：joetsu_city、joetsu_kanko2026",
    "アカウント：YouTube JoetsuChannel2026",
    "アカウント Instagram joetsu_city2026 をフォローしてください",
    "ログイン koho01 kessai2026",  # no label of a pair, and a value any handle could be
    # Session 22: the official account introduced with a campaign's name after it fired.
    "公式アカウント joetsu_city Joetsu2026",
    "市公式Xアカウント：joetsu_city JoetsuCity2026 のキャンペーンに参加しよう",
])
def test_login_words_without_a_password_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize("text", [
    "暗証番号4321と1234は、よく狙われる番号です。",
    "パスワードP@ssw0rdのような文字の置き換えは、すぐに見破られます。",
    "パスワードzaq12wsxはキーボードの並びで、破られやすいものです。",
    # A dictionary word in quotes, which the same sentence calls weak.
    "パスワード「dragon」は辞書攻撃ですぐ破られます",
    "パスワードは「sunshine」だと推測されやすいので避けましょう",
    "パスワードを「iloveyou」にするのはやめましょう",
    "パスワード「dragon」は、総当たり攻撃で数秒で解読されます。",
    "「password」や「123456」のようなパスワードは使わないでください",
    # A list of quoted words, called weak after its last item.
    "パスワード「monkey」「dragon」「baseball」は、海外の流出ランキングの常連です。",
])
def test_the_weak_passwords_awareness_posts_quote_are_no_leak(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "header",
    [
        "-----BEGIN RSA PRIVATE KEY-----\n",
        "-----BEGIN PGP PRIVATE KEY BLOCK-----\n",
        "-----BEGIN PRIVATE KEY-----",
        "PuTTY-User-Key-File-2: ssh-rsa\n",
    ],
)
def test_key_headers_without_their_end_lines_are_read_in_linear_time(header: str) -> None:
    """Each header's lazy search for its END line read to the end of the draft (2 to 4 seconds at
    80,000 characters, growing quadratically): a key's body now runs to the next armour line only,
    so every header is a key of its own. (Timed in benchmarks/rules.py, ADVERSARIAL.)"""
    from bot.rules.credentials import find_credentials

    text = header * (80_000 // len(header))
    assert len(find_credentials(text)) == 80_000 // len(header)


def test_a_header_without_its_end_line_does_not_swallow_the_next_key() -> None:
    text = (
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n"
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEB\n-----END RSA PRIVATE KEY-----\n以上です"
    )
    found = findings_of("confidential.secret", text)
    assert [text[f.start : f.end].endswith(("A\n", "-----END RSA PRIVATE KEY-----")) for f in found] == [True, True]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("暗証番号：4 8 2 1", "4 8 2 1"),
        ("暗証番号 4 8 2 1", "4 8 2 1"),
        ("暗証番号は ４　８　２　１ です", "４　８　２　１"),
        ("The PIN is 4 8 2 1", "4 8 2 1"),
        ("パスワード: J o e t s u 2 0 2 6", "J o e t s u 2 0 2 6"),
    ],
)
def test_a_value_typed_one_character_a_box_fires_and_is_masked_whole(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert text[f.start : f.end].endswith(value)
    assert value[-3:] not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "暗証番号 4 桁",
        "PIN: 1 2 3 4",  # a famous example, spaced or not
        "パスワード: a b c のいずれかを選んでください",
        "パスワードは 8 文字以上",
        "暗証番号を 3 回間違えるとロックされます",
        "パスワード：A B C D E F G H",
    ],
)
def test_spaced_characters_that_are_no_value_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    ["ワンタイムパスワード 482913", "ワンタイムパスワード：482913", "OTP: 482913", "2FA code: 482913", "One-time password: 482913"],
)
def test_a_one_time_password_is_a_code(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert "認証コードが書かれています" in f.message and "482913" not in f.excerpt


def test_a_password_after_a_one_time_password_label_still_fires() -> None:
    [f] = findings_of("confidential.secret", "ワンタイムパスワード：Kessai2026!")
    assert "パスワードが書かれています" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "ワンタイムパスワードは6桁です",
        "ワンタイムパスワードが届かない場合は",
        "ワンタイムパスワード（6桁）を入力してください",
        "OTPとは何ですか",
        "ワンタイムパスワードを2回間違えるとロックされます",
        "One-time password is sent by SMS",
    ],
)
def test_texts_about_one_time_passwords_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize("text", ["パスワード - Kessai2026!", "パスワード … Kessai2026!", "暗証番号 – 4821"])
def test_a_dash_or_an_ellipsis_between_label_and_value_separates_them(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text", ["パスワード - Microsoft サポート", "パスワード - 8文字以上", "IDとパスワード/Microsoftアカウント"]
)
def test_words_after_a_dash_stay_words(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Kessai2026! がパスワードです", "Kessai2026!"),
        ("`Kessai2026!` がパスワードです", "Kessai2026!"),
        ("「Kessai2026」が新しいパスワードになります", "Kessai2026"),
        ("4821 が暗証番号です", "4821"),
        ("Office2026! がパスワードです", "Office2026!"),  # a product's name inside a value is still one
        # A short word the product-name check knows (no, level, top) with a word after its digits:
        # the product-name skip (2babc0f) took these for 「Office365」.
        ("No1Joetsu がパスワードです", "No1Joetsu"),
        ("Level99max がパスワードです", "Level99max"),
        ("Top2026kessai が新しいパスワードです", "Top2026kessai"),
    ],
)
def test_a_value_said_before_its_label_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value not in f.excerpt
    assert f.excerpt.endswith(("です", "ます"))


@pytest.mark.parametrize(
    "text",
    [
        "Office365 のパスワードです",
        "Microsoft365 はパスワードの管理が必要です",
        "8文字以上がパスワードです",
        "1234 が暗証番号です",  # a famous example
        "abcdefgh がパスワードです",
        # The service whose password it is, named first as after the label (「パスワードMicrosoft365の」).
        "Office365 がパスワードです",
        "「Microsoft365」がパスワードになります",
    ],
)
def test_words_before_a_password_label_stay_words(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("Pаssword: Kessai2026", "Kessai2026"),  # a Cyrillic а in the label
        ("Раssword: Kessai2026", "Kessai2026"),
        ("Password: Kеssai2026", "ssai2026"),  # and in the value
    ],
)
def test_a_cyrillic_look_alike_hides_no_password(text: str, secret: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert secret not in f.excerpt and text[f.start : f.end] == text


def test_a_list_of_quoted_examples_is_walked_a_bounded_way() -> None:
    """From every label in a long run of quoted words the walk to the list's end was the run's
    length: 「"パスワード" "x"」 repeated to 40,000 characters took a second and grew quadratically."""
    from bot.rules.credentials import _past_more_quoted

    run = '"パスワード" "x"' * 4_000
    assert _past_more_quoted(run, 0) < 500
    assert _past_more_quoted("「sakura」「tanaka」「monkey」など", 0) == len("「sakura」「tanaka」「monkey」")


@pytest.mark.parametrize("text", ["共有フォルダのパスワード Office2026 です", "パスワード Windows11"])
def test_a_product_like_value_after_a_space_is_the_value(text: str) -> None:
    """Only a name written straight after the label (「パスワードMicrosoft365の管理画面」) is a word of
    the notice; after a space it is what the label gives."""
    assert "confidential.secret" in codes(text)


def _shown(text: str) -> str:
    """Everything the thread shows of every finding for ``text``."""
    return "\n".join(f"{f.excerpt}\n{f.message}\n{f.suggestion or ''}" for f in check(text, ctx()))


@pytest.mark.parametrize(
    "text",
    [
        "ID・パスワード：koho01・Joetsu2026",
        "ID/PW：koho01/Joetsu2026",
        "ユーザー名・パスワード＝koho01、Joetsu2026",
        "IDとパスワード：koho01 Joetsu2026",
        "ログインID koho01 パスワード Joetsu2026",
        # Other findings quote the same characters: 全角英数字, and a link that repeats the password.
        "ＩＤ・パスワード：ｋｏｈｏ０１・Ｊｏｅｔｓｕ２０２６",
        "ID・パスワード：koho01・Joetsu2026 https://joetsu2026.example.com/Joetsu2026",
    ],
)
def test_the_password_of_an_id_and_password_pair_is_the_value_masked(text: str) -> None:
    """Under 「ID・パスワード」 the second value is the password: read as the first, the ID was masked
    and the password shown in full, here and in the other findings that quote it."""
    [f] = findings_of("confidential.secret", text)
    shown = _shown(text)
    assert "Joetsu2026" not in shown and "Ｊｏｅｔｓｕ２０２６" not in shown
    reported = unicodedata.normalize("NFKC", text[f.start : f.end])
    assert reported.endswith("Joetsu2026")
    if "koho01" in reported:  # the ID stays readable: which account's password is to be changed
        assert "koho01" in unicodedata.normalize("NFKC", f.excerpt)


@pytest.mark.parametrize(
    "text",
    [
        "ID・パスワード：koho01",
        "ID・パスワード：koho01 (別途通知)",
        # 「ログイン・パスワード」 is the password's name, not an ID and a password.
        "ログイン・パスワード：koho01 Kessai",
    ],
)
def test_a_single_value_under_a_pair_of_labels_is_masked_whole(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert "koho01" not in f.excerpt


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A dash look-alike in a token: U+2010, a non-breaking hyphen, an en dash in a password.
        ("APIキー sk‐live‐abcdefghij1234567890XYZ", "abcdefghij1234567890XYZ"),
        ("ghp‑abcdefghijklmnopqrstuvwxyz0123456789", "cdefghijklmnopqrstuvwxyz0123456789"),
        ("xoxb‐1234567890‐1234567890123‐AbCdEfGhIjKlMnOpQrStUvWx", "AbCdEfGhIjKlMnOpQrStUvWx"),
        ("パスワード：Kessai–2026", "2026"),
        # A PIN in kanji digits, or kanji and full-width digits mixed.
        ("暗証番号は四八二一です", "四八二一"),
        ("暗証番号：４八２１", "４八２１"),
        ("金庫の暗証番号 〇四一九", "〇四一九"),
    ],
)
def test_a_disguised_dash_or_kanji_digits_hide_no_credential(text: str, secret: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert secret in text[f.start : f.end] and secret not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "暗証番号は二〇二六年から変わります",
        "パスワードは一二三四のような数字の並びを避けてください",
        "暗証番号は四桁です",
        "ghp-abcdefghijklmnopqrstuvwxyzabcdefghij",  # letters only after a hyphen: no token's body
        "Wi‐Fiのパスワードは受付でお伝えします",
    ],
)
def test_kanji_years_and_dashed_words_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        # A half-width mark splits the full-width password into two runs of 全角英数字: each was a
        # finding of its own, showing half of the password, and together all of it.
        ("パスワード：Ｋｅｓｓａｉ!２０２６", ("Ｋｅｓｓａｉ", "Kessai", "２０２６", "2026")),
        ("パスワード：Ｊｏｅｔｓｕ_２０２６", ("Ｊｏｅｔｓｕ", "Joetsu", "２０２６", "2026")),
        # The message of a finding covering the whole PIN quoted its pieces: 「４」「２１」.
        ("暗証番号：４八２１", ("「４」", "「２１」", "21")),
    ],
)
def test_no_other_finding_shows_a_piece_of_the_secret(text: str, pieces: tuple[str, ...]) -> None:
    found = check(text, ctx())
    assert {f.code for f in found} >= {"confidential.secret", "a11y.fullwidth_alnum"}
    for f in found:
        for shown in (f.excerpt, f.message, f.suggestion or ""):
            assert not any(p in shown for p in pieces), f


def test_secrets_that_overlap_in_a_string_are_both_found() -> None:
    from bot.rules.engine import _Secrets

    found = _Secrets(["abcd1234", "xab"]).occurrences("xabcd1234 xab")
    assert found == [(0, 3, "xab"), (1, 9, "abcd1234"), (10, 13, "xab")]


def test_many_different_secrets_are_masked_without_reading_each_in_each_finding() -> None:
    """Each of 2,000 PINs was replaced in each of the 2,000 findings (4 s at 30,000 characters; timed
    in benchmarks/rules.py): every one is still found, and none shown."""
    text = "".join(f"暗証番号：{1000 + i * 7}　Ｘ{i} " for i in range(2_000))
    found = check(text, ctx())
    assert sum(f.code == "confidential.secret" for f in found) >= 1_990  # 「4444」: one digit, no PIN
    shown = "\n".join(f"{f.message}\n{f.excerpt}" for f in found)
    assert not [pin for pin in (str(1000 + i * 7) for i in range(0, 2_000, 40)) if pin in shown]


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("ぱすわーど：Kessai2026!", "Kessai2026!"),
        ("pass word: Kessai2026!", "Kessai2026!"),
        ("P@ssword: Kessai2026!", "Kessai2026!"),
        ("Passw0rd: Kessai2026!", "Kessai2026!"),
        # 「暗証」 alone, and the number that opens a lock.
        ("口座番号 1234567 暗証 4821", "4821"),
        ("鍵の暗証：4821", "4821"),
        ("金庫の番号は 4821 です", "4821"),
        ("ダイヤル錠の番号：4821", "4821"),
        ("玄関のキーボックスの番号 4821", "4821"),
        ("解錠番号は0419です", "0419"),
    ],
)
def test_other_names_of_a_password_or_a_pin_fire(text: str, secret: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert secret in text[f.start : f.end] and secret not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "暗証を入力してください",
        "金庫の番号は4桁です",
        "解錠番号はメールでお知らせします",
        "ダイヤル錠の番号を忘れた場合は総務課へ",
        "暗証式ロッカー 100円",
        "金庫の番号札 1234",
        "World Password Day: May 2026",
        "「P@ssw0rd1」のような置き換えは危険です",
        "暗証 1234",  # the famous example
    ],
)
def test_those_names_without_a_value_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    ["PW≫Kessai2026!", "PW:: Kessai2026!", "PW 》Kessai2026!", "パスワード☞Kessai2026!", "パスワード➔Kessai2026!",
     "パスワード⇨Kessai2026!", "パスワード➜Kessai2026!", "《パスワード》Kessai2026!"],
)
def test_a_value_after_any_arrow_or_pointer_fires(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert "Kessai2026!" in text[f.start : f.end] and "Kessai2026!" not in f.excerpt


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("パスワード：【Kessai2026!】", "Kessai2026!"),  # a colon, then the brackets
        ("パスワード: [Kessai2026]", "Kessai2026"),
        # A note in brackets that opens with a digit: the value ends where the note begins.
        ("暗証番号：0312（３月１２日生まれ）", "0312"),
        ("パスワード：Kessai2026!（090-1234-5678 宛にSMS）", "Kessai2026!"),
    ],
)
def test_brackets_and_notes_around_the_value_leave_it_found_and_masked(text: str, secret: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert secret in text[f.start : f.end] and secret not in f.excerpt
    assert "090-1234-5678" not in text[f.start : f.end]  # the note is no part of the secret


@pytest.mark.parametrize("text", ["Password: (optional)", "パスワード：(required)", "パスワード：（英数字8文字以上）"])
def test_a_forms_note_in_brackets_is_no_value(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "ルーターの管理画面 http://192.168.1.1 admin / Kessai2026!",
        "管理者 admin Kessai2026!",
        "root:Kessai2026!",
        "mysql -u koho -pKessai2026!",
        "curl -u koho:Kessai2026! https://example.com",
        "Admin: Kessai2026!",
        "admin:Kessai2026!",
    ],
)
def test_an_administrators_password_or_one_on_a_command_line_fires(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert "Kessai2026!" in text[f.start : f.end] and "Kessai2026!" not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "root:x:0:0:root:/root:/bin/bash",
        "https://example.com/admin/Login2026",
        "admin Windows11",
        "admin: Windows11",
        "Admin Team2026",
        "admin 2026年度",
        "curl -u koho:$PASSWORD https://example.com",
        "mysql -u koho -p",
        # Session 22: the administrator named after a label's colon fired.
        "Admin: JoetsuCity2026",
        "Facebookページ\nAdministrator: JoetsuKoho2026",
    ],
)
def test_admin_words_paths_and_variables_are_no_password(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "新しい管理画面のパスワード：Kessai 2026!",
        "PW: abc 123xyz",
        "【避難所開設】館内Wi-Fi　SSID：joetsu-hinan　パスワード：hinan 2026 をご利用ください。",
        "ネットワークキーは　ｈｉｎａｎ　２０２６　です（大文字小文字に注意）",
        "暗証番号：４８　２１",
        "パスワードは　さくら２０２６　です",
        "パスワード：もみじがり",
        "避難所 無線LAN のパスワード：たいいくかん",
        "オンライン相談会：ミーティングID 999 8888 7777、パスコードは「ひまわり」です。",
        "パスワードを「みずうみ」に変更しました",
        "Xのアカウントのパスワード：ゆきだるま0125",
    ],
)
def test_a_password_with_a_space_in_it_or_in_kana_fires(text: str) -> None:
    """The value was read as a run of ASCII up to its first space: 「Kessai 2026!」 was 「Kessai」 (a
    word, silent) and 「さくら2026」 nothing at all."""
    [f] = findings_of("confidential.secret", text)
    shown = _shown(text)
    assert "2026!" not in shown and "さくら" not in shown and "もみじ" not in shown


@pytest.mark.parametrize(
    "text",
    [
        "パスワード：お問い合わせください",
        "パスワード：なし",
        "パスワードは ありません",
        "パスワードはわすれずに。",
        "パスワード：メールでお知らせします",
        "パスワード：Windows 10 と同じです",
        "パスワード: at least 8 characters",
        "PIN: 4 digits",
        "パスワードは abc 123 のような簡単なものは避けましょう",
        "パスワードは「さくら」「ひまわり」のような単語は避けましょう",
        "パスワードは「ひらがな」では設定できません",
        "【パスワード】について",
        "パスワード → 受付でお伝えします",
    ],
)
def test_prose_after_a_password_label_is_no_spaced_or_kana_value(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "ログインID：会員番号\nパスワード：メールアドレス",
        "パスワード：マイナンバーカード",
        "パスワード：ニックネーム",
        "パスコード：ミーティング",
        "パスワード：ランダム",
        "Wi-Fiの接続キー：ステッカー",
    ],
)
def test_a_katakana_word_unquoted_after_a_password_label_is_no_kana_value(text: str) -> None:
    """90b588a read any kana after 「パスワード：」 to the line's end as a password; a katakana word
    there, unquoted and without digits, is a loanword saying what or where the password is (a form's
    instruction), not the value. Quoted (「パスコードは「ヒマワリ」です」) or with digits it still fires."""
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスコードは「ヒマワリ」です", "パスワード：サクラ2026", "パスワード：もみじがり",
        # Unquoted katakana of no loanword saying where the value is (7da486d let every one through).
        "パスワード：サクラサク", "接続キー：ユキダルマ", "Xのアカウントのパスワード：ミナトマツリ",
    ],
)
def test_a_quoted_or_numbered_katakana_value_or_a_hiragana_one_still_fires(text: str) -> None:
    [f] = findings_of("confidential.secret", text)


@pytest.mark.parametrize(
    "text",
    [
        "通知用トークン xoxb- 1234- 5678-abcd",
        "SlackのBotトークン：xoxb-1234567890- 1234567890-AbCdEfGhIjKlMnOpQrStUvWx",
        "APIキー: AIzaSyA1b2C3 d4E5f6G7h8I9j0KlMnOpQrStUvW",
        "AWS アクセスキー AKIA 1234 5678 ABCD EFGH",
        "GitHubトークン ghp_ AbCdEfGhIjKlMnOpQrStUvWxYz0123456789",
        "Webhook: https://hooks.slack.com/services/ T0123ABCD/B0123ABCD/ AbCdEfGhIjKlMnOpQrSt",
        "APIキーは sk- proj-AbCdEfGhIjKlMnOpQrStUvWx0123456789 です",
        "OpenAI のキー sk- abcdefGHIJKL1234567890mnopQRSTuvWx",
        "sk-proj- AbCdEfGhIjKlMnOpQrStUvWx0123456789",
    ],
)
def test_a_token_broken_by_spaces_is_still_the_token(text: str) -> None:
    """A copy from a PDF or a wrapped window leaves a space after a hyphen or inside a key: the
    token's pattern ended at the space, and the rest was too short to be one."""
    [f] = findings_of("confidential.secret", text)
    assert "abcd" not in _shown(text) and "StUv" not in _shown(text) and "EFGH" not in _shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "xoxb-で始まる文字列はSlackのトークンです", "xoxb- abc です", "AKIA とは何ですか",
        "sk- で始まる文字列は OpenAI の API キーです", "sk- abcdefghijklmnopqrstuvwxyz は製品名です",
    ],
)
def test_a_token_prefix_with_no_token_after_it_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Wi-Fi接続情報（職員室用）：SSID＝school-office、パスフレーズ＝Sch00lOffice!",
        "避難所Wi-Fiのパスフレーズは tsunami-2026-kita です。",
        "南小学校避難所 Wi-Fi案内 ネットワーク名 minami-shelter / 接続キー Mnm#2026shel",
        "Wi-Fi passphrase: hinan2026east",
    ],
)
def test_a_wifi_passphrase_or_connection_key_fires(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスフレーズは20文字以上にしましょう",
        "パスフレーズとは、複数の単語を組み合わせたパスワードです",
        "The passphrase is case-sensitive",
        "接続キーは受付でお伝えします",
    ],
)
def test_passphrase_awareness_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)
@pytest.mark.parametrize("text", ["admin:Kessai2026", "root: JoetsuCity2026", "admin / Kessai2026"])
def test_an_administrators_pair_glued_or_under_root_fires_without_a_symbol(text: str) -> None:
    # The colon glues a login (user:password); 「root」 names no administrator as 「Admin:」 can.
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "市公式Xアカウントのログイン情報 koho_admin Kessai2026",
        "公式アカウントのログイン情報：koho_admin Kessai2026",
        "公式Instagramアカウント koho_admin Kessai2026",
        "公式アカウント joetsu_city / Joetsu2026",
        "ルーター管理画面 admin: Kessai2026",
        "ルーターの管理画面にログイン：Admin: Kessai2026",
        "管理画面ログイン Admin: JoetsuKoho2026",
    ],
)
def test_a_login_under_the_official_account_or_admin_label_still_fires(text: str) -> None:
    """1a5fdfe exempted 「公式アカウント joetsu_city Joetsu2026」 and 「Admin: JoetsuCity2026」 as
    introductions; the exemption also took the official account's login info, a slash-separated pair
    and an administrator's login on a line about a router's admin screen."""
    [f] = findings_of("confidential.secret", text)
    assert "Kessai2026" not in _shown(text) and "Joetsu2026" not in _shown(text)


@pytest.mark.parametrize(
    "text",
    ["公式アカウント joetsu_snowfes SnowFes2026 開催中！ID検索でも見つかります",
     "公式アカウント joetsu_city Joetsu2026 は ID で検索してください"],
)
def test_an_official_account_found_by_id_search_is_an_introduction(text: str) -> None:
    # aa4da2f read any 「ID」 on the line as a login's; 「ID検索」 is how a reader finds the account.
    assert "confidential.secret" not in codes(text)


def test_an_id_that_is_not_a_search_still_makes_the_line_a_login() -> None:
    assert "confidential.secret" in codes("公式アカウント joetsu_snowfes SnowFes2026 ID共有用")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # The number that unlocks a shared phone or tablet is its PIN, whatever the label says.
        ("公用スマホのロック解除は 482913 です", "482913"),
        ("iPadのロック解除コード：4821", "4821"),
        ("ロック解除：482913", "482913"),
        ("ロック解除番号 4821", "4821"),
        ("警備システムの解除番号は 4821 です", "4821"),
        # A Zoom host key makes whoever types it the meeting's host (recording, removing people).
        ("ホストキー：482913", "482913"),
        ("Zoomのホストキーは 482913 です", "482913"),
        ("host key: 482913", "482913"),
    ],
)
def test_an_unlock_number_or_a_host_key_fires_and_is_masked(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert f.severity == "error" and value not in f.excerpt and "＊" in f.excerpt
    assert value not in _shown(text)
    assert "参加用パスコード" not in f.message  # a host key is never a public briefing's


@pytest.mark.parametrize(
    "text",
    [
        "ロック解除は 10時から",
        "ロック解除は2026年4月1日からです",
        "ロック解除は 4 桁の数字です",
        "公用スマホのロック解除は上にスワイプします",
        "ロック解除：Face ID",
        "シェアサイクルのロック解除は 0120-123-456 へ",
        "ロック解除 3回失敗すると初期化されます",
        "ホストキー（6桁）を入力",
        "ホストキーを入力してホストになる",
        "ホストキー：Zoomのプロフィール画面で確認できます",
        "サーバーのホストキー：SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8",
        "避難指示の解除は 15時です",
    ],
)
def test_texts_about_unlocking_or_host_keys_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A heading of the steps that follow the announcement, not the password.
        "パスワードは以下のとおりです。STEP1",
        "パスワードは以下のとおりです。\nSTEP1",
        "パスワードの再設定は以下のとおりです。\nStep.2",
        "パスワードは以下のとおりです。\nNo.1",
        "パスワード変更：STEP1 設定画面を開く",
        "パスワード：Part3 をご覧ください",
    ],
)
def test_a_step_heading_after_a_password_label_is_no_value(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードは以下のとおりです。\nStep2026!", "Step2026!"),
        ("パスワード：No1Joetsu", "No1Joetsu"),
        ("パスワード：Step12345", "Step12345"),
    ],
)
def test_a_value_starting_like_a_heading_still_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value not in _shown(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A heading is the first of the steps that follow, on its own after an announcement or with the
        # step's title after it: a value of the same shape that ends its line after 「：」 is the password.
        ("パスワード：Step12", "Step12"),
        ("パスワード：STEP1", "STEP1"),
        ("パスワードは Level10 です", "Level10"),
        ("パスワード：Case01", "Case01"),
        ("暗証番号：Day12", "Day12"),
        ("PW: Step12", "Step12"),
        ("ID: koho01\nPW: Step12", "Step12"),
        # After an announcement, a word and two digits with no mark between them is no step's heading.
        ("パスワードは次のとおり。Step12", "Step12"),
        ("パスワードは以下のとおりです。\nLevel10", "Level10"),
    ],
)
def test_a_password_shaped_like_a_heading_still_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value not in _shown(text)


def test_a_host_key_is_named_and_asked_to_be_changed() -> None:
    [f] = findings_of("confidential.secret", "オンライン説明会（Zoom）のホストキー：482913")
    assert f.message.startswith("ホストキーが書かれています") and "直ちに変更し" in f.message


@pytest.mark.parametrize("text", ["ホストキー「482913」", "ホストキー（482913）", "ホストキー【482913】", "ホストキー：482 913"])
def test_a_host_key_in_brackets_or_spaced_is_named_as_a_host_key(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert f.message.startswith("ホストキーが書かれています") and "直ちに変更し" in f.message


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A padlock's or a key box's combination, the lock itself named as the label.
        ("倉庫の南京錠は 4821 です", "4821"),
        ("キーボックス 4821", "4821"),
        # Words of a purchase that are no price's do not make the combination one.
        ("新しく購入したキーボックス 4821 に鍵を入れてあります", "4821"),
        ("キーボックス 4821（本体は玄関の横です）", "4821"),
        # A sum in the next sentence, or a word of shops after the number, makes no price of it.
        ("キーボックス 4821 です。予算は1万円以内", "4821"),
        ("キーボックス 4821 を玄関に設置、販売店で購入", "4821"),
        ("倉庫のキーボックス 4821 です。設置費用は0円でした", "4821"),
        ("ダイヤル式の鍵：4821", "4821"),
        # A two-step code under a longer name.
        ("2段階認証のコード：482913", "482913"),
        ("二段階認証コード 482913", "482913"),
        # A PIN after the capital English label and a space, as in 「暗証番号 4821」.
        ("PIN 4821", "4821"),
        # A year-shaped PIN given with a separator is a PIN all the same.
        ("PIN：2026", "2026"),
        # A year a space after PIN with no brand's name before it, or after what holds a PIN: a birth
        # year is a PIN as often as any number.
        ("PIN 1985", "1985"),
        ("カードの PIN 2026 を入力してください", "2026"),
        ("キャッシュカードのPIN 2031", "2031"),
        ("SIM PIN 1985", "1985"),
        ("ID koho01 PIN 2026", "2026"),
        # A router's key beside the network named by 「Wi-Fi」 rather than 「SSID」.
        ("Wi-Fi：joetsu-free　キー：kessai2026", "kessai2026"),
    ],
)
def test_a_lock_combination_a_two_step_code_or_a_pin_fires_and_is_masked(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value not in _shown(text) and "＊" in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "南京錠は 1000円で販売しています",
        "キーボックス 2個を設置しました",
        # A lock's price in a shop's list or with its tax, no combination.
        "キーボックス 3980（税込）",
        "キーボックス：3980（税込）",
        "ホームセンターの特価：キーボックス 3980、南京錠 1280",
        "南京錠 1280 / キーボックス 3980 円",
        "キーボックスは2026年度に設置します",
        "ダイヤル式の鍵：4桁の番号を設定してください",
        "2段階認証のコード：SMSで届きます",
        "2段階認証のコード（6桁）を入力してください",
        "PIN 4 digits",
        "Enamel pin 2026 edition",
        # A pin badge's year in brackets: the lower-case word is no PIN's label.
        "Enamel pin (2026)",
        "Pin (2025) limited edition",
        # A year a space after the capital label: a brand's or a series' name, no PIN.
        "ANA PIN 2026",
        "ANA PIN 2026キャンペーン開催中",
        "Wi-Fi：joetsu-free　キー：フロントでお尋ねください",
        "Wi-Fi 対応。キー 2本をお渡しします",
        "Wi-Fiルーターのキー：WPA2",
    ],
)
def test_texts_about_locks_codes_and_wifi_keys_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        # A Slack refresh token (token rotation) and a client token, which the other xox… prefixes left out.
        ("xoxe-1-My0xLTEyMzQ1Njc4OTAxMi0xMjM0NTY3ODkwMTIzLWFiY2RlZmdoaWprbG1ub3A", "My0xLTEyMzQ1Njc4OTAxMi0xMjM0NTY3"),
        ("xoxc-1234567890-1234567890123-1234567890123-abcdef0123456789abcdef0123456789", "abcdef0123456789abcdef"),
    ],
)
def test_slack_refresh_and_client_tokens_fire_and_are_masked(text: str, secret: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert "Slack のトークン" in f.message and secret not in _shown(text)


def test_the_passcode_in_a_zoom_links_query_gets_the_public_meeting_note() -> None:
    """「?pwd=」 of a Zoom join link is the meeting's passcode, encoded: as after 「パスコード：」, the
    error stands and the message says how to send a public briefing's link on."""
    text = "オンライン説明会はこちらから https://us02web.zoom.us/j/81234567890?pwd=AbCdEfGhIjKlMnOpQrStUvWxYz123456.1"
    [f] = findings_of("confidential.secret", text)
    assert f.severity == "error" and "参加用パスコード" in f.message
    assert "AbCdEfGhIjKlMnOpQrStUvWxYz123456" not in _shown(text)


@pytest.mark.parametrize(
    "text",
    [
        # Which services one logs in with, not an ID and its password.
        "ログイン：Google / Microsoft365 のアカウントに対応しています",
        "ログイン：LINE / Office365",
    ],
)
def test_two_services_after_a_login_label_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize("text", ["ログインID：koho01 / Windows11", "ログイン：koho / Office365"])
def test_an_id_and_a_product_like_password_after_a_login_label_still_fire(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A service's name as the ID, and after it a password made of a product's or a word's name and
        # a number: no service one logs in with is called so.
        ("ログイン：google / Office2026", "Office2026"),
        ("ログイン：line / Windows11", "Windows11"),
        ("ログイン：apple / iPhone15", "iPhone15"),
        ("ログイン：Google / Level10", "Level10"),
    ],
)
def test_a_product_named_password_after_a_service_named_id_still_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value not in _shown(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # An ID and its password a slash apart after 「ID」 alone, the password in lower case and digits.
        ("ID: joetsu01 / abc12345", "abc12345"),
        ("ID：joetsu01／abc12345", "abc12345"),
        ("ID: joetsu01 / joetsu2026", "joetsu2026"),
        # With no label at all, alone on a line: a password of every kind of character.
        ("joetsu01 / Xy7#pq2L", "Xy7#pq2L"),
        ("joetsu01 / Kessai(2026)!", "Kessai(2026)!"),
        ("共有PCのログイン先です。\nkoho01/Kessai2026!\nよろしくお願いします。", "Kessai2026!"),
    ],
)
def test_an_id_and_a_password_without_a_password_label_fire(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value not in _shown(text)
    assert "joetsu01" in f.excerpt or "koho01" in f.excerpt  # which account's password is to be changed


@pytest.mark.parametrize(
    "text",
    [
        # IDs of one series, another's ID (会員ID), a handle, a year or Japanese after the ID.
        "ID: joetsu01 / joetsu02",
        "ID: koho01 / koho02 / koho03",
        "会員ID: A12345 / B67890x",
        "LINE ID: @joetsu_city / Instagram: @joetsu2026",
        "ID: A-123 2026年度",
        "受付ID: ev2026a / 第2回",
        # A line of two names, versions or times a slash apart, and a lower-case word with no label.
        "Model01 / Ver2.0-Beta",
        "Windows11 / Office2026",
        "開館時間 9:00 / 17:00",
        "koho01 / #Joetsu2026",
        # Two things a slash apart, the second named with its qualifier in brackets.
        "Covid-19 / Influenza(H3N2)",
        "Word2019 / Excel(2019)",
        "Gate1 / Gate2(East)",
        "joetsu01 / abc12345",
    ],
)
def test_ids_names_and_times_a_slash_apart_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A one-time code named by its use or by how it came, in a sentence.
        "届いたコード482913を入力してください",
        "SMSで届いた6桁のコード「482913」",
        "SMSに届いたコードは482913です",
        "認証用のコードは482913です",
        "確認用コード：482913",
        "ログイン用コード：482913",
        "2FAコード: 482913",
    ],
)
def test_a_one_time_code_named_by_its_use_or_its_arrival_fires(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert f.message.startswith("認証コードが書かれています") and "482913" not in _shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "届いたコードを入力してください",
        "SMSで届いた6桁のコードを入力してください",
        "確認用コード（6桁）を入力",
        "お手元に届いたコードでログインしてください",
        "2FAコードの設定方法",
        "確認用コードは郵送します",
        "届いた認証コード 4 桁を入力",
    ],
)
def test_instructions_about_codes_that_arrive_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "G-482913 があなたの Google 確認コードです。", "転送します：G-482913 is your Google verification code.",
        # Retyped from the phone, with spaces and a 「の」.
        "G-482913 が あなたの Google の確認コードです", "G-482913 があなたのGoogleの確認 コードです",
    ],
)
def test_a_forwarded_code_message_fires(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert f.message.startswith("認証コードが書かれています") and "482913" not in _shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "「G-123456 があなたの Google 確認コードです」という SMS を他人に教えないでください。",
        "Google の確認コードは SMS で届きます",
        "「G-123456 が あなたの Google の確認コードです」という SMS を他人に教えないでください。",
    ],
)
def test_an_example_code_message_or_a_word_on_codes_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A door's keypad code, named by the lock or by the keys.
        "オートロックの番号は4821です",
        "入口のテンキーは 4821",
        "入館コード 4821",
        "ドアロック：4821",
        "オートロック 4821#",
        "オートロック解除 4821",
    ],
)
def test_a_door_keypad_code_fires(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert "4821" not in _shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "オートロック付き 2026年築",
        "市営住宅 オートロック 2DK 家賃 24500",
        "オートロック完備 家賃 45000",
        "テンキー付きキーボード 1980",
        "テンキー 3000台を配布",
        # The keys alone in a PC class or a shop's list, a room or a count of flats after the lock.
        "パソコン教室 テンキー 5678 と入力してみましょう",
        "テンキー（USB接続） 1980",
        "オートロック 1205号室まで",
        "オートロック 8025世帯",
        "オートロックは 2026年4月に導入します",
        "入館コードは受付でお渡しします",
        "ドアロック：スマートロック",
    ],
)
def test_housing_notices_and_keypads_as_things_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A well-known PIN or one digit repeated, said as THE code of something in use.
        "キーボックスの暗証番号は1234です",
        "キーボックスの暗証番号は 1234 です。鍵は元に戻してください",
        "倉庫のキーボックスは0000です",
        "金庫の暗証番号：0000",
        "公用スマホのロック解除は 1111 です",
        "倉庫の鍵\n暗証番号：1111\n使用後は元に戻してください",
        # An earlier sentence's words are about something else.
        "避難所の毛布など備品は倉庫にあります。キーボックスの暗証番号は1234です。",
        "例年どおり倉庫を開けます。金庫の暗証番号は0000です。",
        "初期対応班の皆さんへ。キーボックスの暗証番号は1234です。",
        "危険物倉庫の暗証番号は1234です。",
        # A passcode after its meeting's ID.
        "ミーティングID 812 3456 7890 パスコード 1234",
        "Zoom ID: 812 3456 7890 / passcode 1234",
        "ミーティングID：812 3456 7890\nパスコード：1234",
    ],
)
def test_a_well_known_pin_stated_as_the_code_fires(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert not any(v in f.excerpt for v in ("1234", "0000", "1111"))


@pytest.mark.parametrize(
    "text",
    [
        # Awareness posts name the same numbers as examples or as a statistic.
        "暗証番号を1234などにしないで",
        "暗証番号は1234にしないでください",
        "暗証番号は1234のようなものは避けましょう",
        "例：暗証番号は1234です",
        "NG例）暗証番号：0000",
        "×悪い例\n暗証番号：1234",
        "暗証番号を1234にしないでください。\n暗証番号：1234",
        "よく使われる暗証番号は1234です。",
        "最も多い暗証番号は1234です",
        "暗証番号は1234です。推測されやすいので変更しましょう",
        # The sentence saying so on the next line, as a slide sets it.
        "暗証番号は1234です。\n推測されやすいので避けましょう",
        "【注意】\n暗証番号は1234です。\n\nこのような番号は狙われます。",
        "金庫の暗証番号：0000です。\n推測されやすいので避けましょう",
        "初期の暗証番号は0000です。必ず変更してください",
        "購入時の暗証番号は0000です。必ず変更してください",
        "お買い上げ時の暗証番号は0000です。",
        "「暗証番号は1234です」という電話は詐欺です",
        "暗証番号は1234ですか？",
        "キーボックス 1234",
        "暗証番号 1234",
        "暗証番号：1234",  # a how-to's field, whose code unsaid
    ],
)
def test_a_well_known_pin_as_an_example_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("暗証番号は4821になりました。", "4821"),
        ("パスワードはさくら2026になりました。", "さくら2026"),
        ("パスワード：さくら2026になります", "さくら2026"),
        ("パスワードは2026さくらにしました", "2026さくら"),
    ],
)
def test_the_verb_after_a_value_is_no_part_of_it(text: str, value: str) -> None:
    assert [text[a:b] for a, b in secret_value_spans(text)] == [value]


@pytest.mark.parametrize("text", ["パスワードはたいせつになりました", "パスワードはひまわりになりました。", "パスワードは たいせつです"])
def test_a_kana_word_after_wa_before_a_verb_stays_prose(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize("text", ["暗証番号 4821 号", "PIN 4821号", "暗証番号は4821号です", "暗証番号：4821 階"])
def test_a_pin_label_right_before_the_number_wins_over_a_room_after_it(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert "4821" not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "暗証番号を 8025 世帯に郵送しました",
        "キーボックス 1205号室",
        "オートロック 1205号室まで",
        # A count or a room spelt out stays one after the PIN's own label.
        "暗証番号は8025世帯に郵送しました",
        "暗証番号：8025世帯へ発送済み",
        "PINコードは1200戸に配布済みです",
        "暗証番号は1205号室のキーボックスに",
        "暗証番号 1205 号室の方へ",
    ],
)
def test_a_room_or_a_count_after_a_lock_or_a_pin_sent_out_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "暗証番号：4・8・2・1", "暗証番号は４・８・２・１です", "暗証番号は一・二・八・四", "暗証番号 4・8・2・1",
        # A space either side of each dot, or on one side only.
        "暗証番号は 4 ・ 8 ・ 2 ・ 1", "暗証番号：4 ・8 ・2 ・1 です", "暗証番号は 一 ・ 二 ・ 八 ・ 四",
    ],
)
def test_a_pin_read_out_one_digit_at_a_time_fires(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert "＊" in f.excerpt and not any(d in f.excerpt for d in "4８八")


@pytest.mark.parametrize(
    "text",
    [
        "第1・2・3・4回の説明会", "暗証番号は4桁・8桁・2桁のいずれか", "パスワード：1・2・3・4章を参照", "暗証番号：1・2・3・4",
        "第1 ・ 2 ・ 3 ・ 4回の説明会", "暗証番号は4桁 ・ 8桁のいずれか", "暗証番号：1 ・ 2 ・ 3 ・ 4", "暗証番号 1 ・ 2 ・ 3",
    ],
)
def test_numbers_listed_with_dots_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A table's row of counts, aligned under its header or over a row of larger numbers: the
        # digits up to three blanks apart are cells, not a PIN's boxes.
        "内容　　　4月　5月　6月　7月\n暗証番号　　3　　5　　2　　7",
        "問い合わせ件数（4月～7月）\n暗証番号：3  5  2  7\n住所変更：12  8  9  10",
    ],
)
def test_a_row_of_single_digit_counts_in_a_table_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "暗証番号　　４　　８　　２　　１",
        "口座番号：1  2  3  4  5  6  7\n暗証番号：4  8  2  1",  # a form's boxes, one digit a cell
        "暗証番号：4  8  2  1\n有効期限：2028年3月",
    ],
)
def test_a_pin_spread_over_wide_boxes_outside_a_table_fires(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert "8" not in f.excerpt and "８" not in f.excerpt


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # A router's screen names WPA's pre-shared key so; a login key; a pair under 「接続情報」.
        ("WPA2-PSK の事前共有キー：kessai2026", "kessai2026"),
        ("事前共有キー kessai2026", "kessai2026"),
        ("ログインキー：Kessai2026", "Kessai2026"),
        ("共有フォルダの接続情報 koho / Kessai2026!", "Kessai2026!"),
    ],
)
def test_a_pre_shared_key_a_login_key_and_connection_details_fire(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value not in _shown(text)


@pytest.mark.parametrize(
    "text",
    ["事前共有キーは8文字以上で設定してください", "事前共有キー：WPA2", "接続情報は受付でお渡しします", "ログインキーを忘れた場合は"],
)
def test_words_on_keys_and_connection_details_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "届いたコード 482913 を教えてと言われたら詐欺です",
        "「認証コード 482913 を教えて」と電話があったら、なりすまし詐欺です。",
        "【詐欺の手口】犯人：暗証番号を教えてください。被害者：暗証番号は4821です。",
        "【詐欺の手口】犯人：暗証番号を教えてください。被害者：暗証番号は1234です。",
        "還付金詐欺の例\n男：キャッシュカードの暗証番号は？\n女：暗証番号は 0815 です。",
        "【詐欺の手口】\n犯人「暗証番号を教えてください」\n被害者「暗証番号は4821です」",
        "【詐欺の手口】犯人：暗証番号は？ 被害者：暗証番号は4821です。",
        "暗証番号 4821 を伝えるよう求められたら詐欺を疑ってください",
    ],
)
def test_the_code_a_fraud_warning_quotes_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # Beside a fraud warning, a login pasted by mistake is a login all the same.
        "【なりすましメールにご注意】\nID：koho01 PW：Kessai2026!",
        "フィッシング詐欺対策の研修資料です。\nログイン情報：koho_admin / Kessai2026!",
        "詐欺に注意。金庫の暗証番号は4821です。",
        # Asked for, with no fraud named: a code pasted from a chat.
        "認証コード 482913 を教えてください",
        # A password with letters is no fraud's example; nor is a value the post asks to pass on, nor
        # one speaker's minute with nobody asking.
        "フィッシング詐欺対策研修\n山田：パスワードは Kessai2026! です",
        "詐欺対策研修の会場です。新人さんにWi-Fiのパスワード Kessai2026! を教えてあげてください",
        "詐欺対策研修の会場です。会議室の暗証番号 4821 を新人さんに教えてあげてください",
        "詐欺被害防止の会議室の暗証番号は 4821 と伝えてください",
        "詐欺対策研修の件、参加者に会議室の暗証番号 4821 を伝えるようお願いします",
        "詐欺対策研修の件、参加者に会議室の暗証番号 4821 を伝えてくれますか",
        "不審なメール対策の件。担当：暗証番号は4821です。",
    ],
)
def test_a_code_beside_a_fraud_warning_but_not_its_example_fires(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスワード：ゆうびんでおくりました", "パスワード：ゆうそうしました", "パスワード：のちほどおつたえします",
        "パスワード：ゆうびんでおくります", "パスワード：てわたしで",
    ],
)
def test_a_sentence_in_kana_saying_how_the_password_was_sent_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize("text", ["パスワード：ゆうびんきょく", "パスワード：おくりびと2026", "パスワード：つたえるこころ"])
def test_a_kana_password_with_the_sounds_of_sending_fires(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    ["Passcode 2026 workshop", "PASSCODE 2026 Tour 上越公演", "Passcode 2026 ワークショップ", "PIN 2026 Collection"],
)
def test_a_year_in_a_title_after_an_english_label_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Passcode 2026", "Passcode 2026 です", "passcode 1985 and meeting ID 812 3456 7890", "Passcode 4821 workshop",
        # The invitation goes on after the passcode, its words capitalised.
        "Passcode 2026 Meeting ID 812 3456 7890", "Passcode 2026 Zoom", "PASSCODE 2026 MEETING ID 812 3456 7890",
    ],
)
def test_a_passcode_that_is_a_year_but_no_title_fires(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text", ["ID: ABC-123 / DEF-456", "ID：AB12-3456 / CD34-5678", "ID: ABC-123 / DEF-456 / GHI-789"]
)
def test_two_codes_of_one_format_after_id_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text", ["ID: KOHO01 / KESSAI2026!", "ID: ABC-123 / XyZ-789", "ID: ABC123 / K7Q9#M2P"]
)
def test_an_id_and_a_password_of_another_shape_fire(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize("text", ["ID: KOHO01 / PASS99", "ID: ABCD1234 / WXYZ9876"])
def test_an_id_and_a_password_in_capitals_of_one_length_but_no_format_fire(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("鍵の番号：4821", "4821"),
        ("金庫：4821", "4821"),
        ("ロッカーの番号は 0815 です", "0815"),
        ("倉庫の鍵の番号は4821です。", "4821"),
        ("金庫は「4821」です", "4821"),
        ("書庫の鍵の番号は 1234 です。", "1234"),
        ("鍵の番号：4821 を入力して解錠", "4821"),
        ("金庫は 4821 で開きます", "4821"),
        ("倉庫のコード：4821", "4821"),
    ],
)
def test_the_combination_of_a_lock_stated_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "ロッカー：100円",
        "鍵は2026年に交換します",
        "ロッカーの番号は 15 番です",
        "ロッカーの番号は 1205 番です",
        "ロッカーの番号は1205で、2階にあります",
        "コインロッカー：1205",
        "よく使われる金庫の番号は1234です",
        "初期の鍵の番号は0000です。",
        "金庫：2026年度購入",
        "鍵の番号は1234のようなものは避けましょう",
        "鍵の受け渡し：2026",
        # A bank named 金庫, with its bank code.
        "口座振替の金融機関コード\n中央労働金庫：2963\n上越信用金庫：1141",
        "農林中央金庫：3000",
        # A time in four digits: when it opens, not how.
        "鍵は 0830 に開けます",
        "金庫は 0900 に開きます",
        "鍵：0900 に開錠します",
        "防災倉庫の番号は 0012 です",
        "ドアの番号：1205",
    ],
)
def test_numbers_beside_locks_that_are_no_combination_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "pieces"),
    [
        ("パスワードは「abc」と「123!」をつなげたものです", ("abc", "123!")),
        ("パスワード：「koho」＋「2026!」", ("koho", "2026!")),
        ("PWは「Joetsu」「2026」を続けて入力", ("Joetsu", "2026")),
        ("Wi-Fiのパスワードは「joetsu」の後に「2026」をつなげたものです", ("joetsu", "2026")),
    ],
)
def test_a_password_given_in_quoted_pieces_fires_with_every_piece_masked(text: str, pieces: tuple[str, ...]) -> None:
    [f] = findings_of("confidential.secret", text)
    for piece in pieces:
        assert piece not in _shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスワードは「英字」と「数字」を組み合わせてください",
        "パスワードは「abc」と「123」を組み合わせたようなものは危険です",
        "パスワードは「sakura」と「tanaka」を組み合わせるような単純なものは避けましょう",
        "パスワードは「A」「B」を組み合わせて作りましょう",
        "パスワードは「A-Z」と「0-9」を組み合わせてください",
        "パスワードは「a-z」「A-Z」「0-9」を組み合わせて8文字以上",
        "パスワードは「Aa」と「1」と「!」を組み合わせてください",
        "パスワードは「ABC」「abc」「123」「!#$」を組み合わせて12文字以上にしてください",
    ],
)
def test_rules_on_joining_pieces_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        (
            "ログイン後のURL https://city.example.jp/callback?code=4/0AeanS0ZxQ8kq9pL3mNvB7cD2eF5gH6jK1lM&state=xyz",
            "0AeanS0ZxQ8kq9pL3mNvB7cD2eF5gH6jK1lM",
        ),
        ("https://app.example.com/?code=AbCdEf1234567890GhIj&state=af0ifjsldkj", "AbCdEf1234567890GhIj"),
        ("https://city.example.jp/oauth2/redirect?code=SplxlOBeZQQYbYS6WxSbIA8a", "SplxlOBeZQQYbYS6WxSbIA8a"),
        # Tokens in a redirect's fragment (implicit flow), found by their parameter's name.
        ("https://city.example.jp/cb#access_token=ya29a0AfB_byC1234567890abcdefghijk&token_type=Bearer",
         "ya29a0AfB_byC1234567890abcdefghijk"),
        ("https://city.example.jp/cb#state=1&id_token=abcdefghijklmnopqrstu12345.xyz", "abcdefghijklmnopqrstu12345"),
    ],
)
def test_an_oauth_code_or_token_in_a_redirect_url_fires(text: str, secret: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert secret not in _shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "https://www.city.joetsu.niigata.jp/search?code=152226",
        "https://shop.example.jp/item?code=ABCD1234EFGH5678XYZ",
        "https://www.city.example.jp/kosodate?code=AbCdEf1234567890GhIj",
        "詳しくは https://www.example.jp/login?code=ab ご確認ください",
        # A login or sign-in page, or a redirector, with an invitation's or a form's code.
        "電子申請はこちら https://apply.example.lg.jp/login?code=AbCdEf1234567890GhIj",
        "申請フォーム https://form.example.jp/form/redirect?code=Xy7kP2mQ9rT4vW8zA1bC",
        "イベント申込 https://event.example.jp/signin?code=Ev2026Summer12345",
        "https://www.city.example.jp/authors/list?code=AbCdEf1234567890GhIj",
    ],
)
def test_a_code_parameter_outside_a_login_redirect_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("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", "Shopify"),
        ("pypi-AgEIcHlwaS5vcmcCJGFiY2RlZmdoLWlqa2wtbW5vcC1xcnN0LXV2d3h5ejEyMzQ1Ng", "PyPI"),
        ("ntn_123456789012abcdefghijklmnopqrstuvwxyzABCDEF", "Notion"),
        ("ATATT3xFfGF0abcdefghijklmnopqrstuvwxyz1234567890ABCDEFGHIJ=12345678", "Atlassian"),
        ("PMAK-1234567890abcdef12345678-1234567890abcdef1234567890abcdef12", "Postman"),
        ("sq0atp-AbCdEfGhIjKlMnOpQrStUv", "Square"),
        ("sk.eyJ1IjoiY2l0eSIsImEiOiJja2FiY2RlZjEyMzQ1In0.AbCdEfGhIjKlMnOpQrStUv", "Mapbox"),
        ("glc_eyJvIjoiMTIzNDU2IiwibiI6InN0YWNrLTEyMzQ1Ni1obS1yZWFkIiwiayI6IjEyMzQ1NiJ9", "Grafana"),
        ("key-1234567890abcdef1234567890abcdef", "Mailgun"),
    ],
)
def test_tokens_of_more_services_fire_by_their_prefix(text: str, kind: str) -> None:
    [c] = find_credentials(text)
    assert kind in c.kind
    assert text[c.value_start + c.shown + 4 :] not in _shown(text)


@pytest.mark.parametrize(
    "text",
    [
        # A Mapbox public key is published with every map.
        "地図は pk.eyJ1IjoiY2l0eSIsImEiOiJja2FiY2RlZjEyMzQ1In0.AbCdEfGhIjKlMnOpQrStUv で表示",
        "shop_items_2026 と sq0 の説明、key-visual のデザイン、ntn_ プレフィックス",
    ],
)
def test_words_beside_the_new_prefixes_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    ["Wi-Fi情報\nネットワーク：joetsu-staff\nキー：yukimatsuri2026", "ネットワーク joetsu-staff KEY yuki2026matsuri"],
)
def test_a_key_under_a_network_named_by_the_word_network_fires(text: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert "yukimatsuri2026" not in f.excerpt and "yuki2026matsuri" not in f.excerpt


@pytest.mark.parametrize(
    "text", ["ネットワーク：地域の見守り\nキー：地域の絆", "ネットワーク：joetsu-staff\nキー：WPA2", "防災ネットワーク\nキーワード：Joetsu2026"]
)
def test_words_under_a_network_that_are_no_key_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("パスワード変更のお知らせ\n新：Kessai2026!\n旧：Yuki2025!", ("Kessai2026!", "Yuki2025!")),
        ("暗証番号を変更しました\n変更後：4821\n変更前：0815", ("4821", "0815")),
    ],
)
def test_new_and_old_values_under_a_password_heading_fire(text: str, values: tuple[str, ...]) -> None:
    assert len(findings_of("confidential.secret", text)) == len(values)
    for value in values:
        assert value not in _shown(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスワード変更のお知らせ\n新：2026年4月から\n旧：従来どおり",
        "パスワードの変更手順\n新：Windows11\n旧：Windows10",
        "料金改定\n新：1200\n旧：1000",
        "パスワード変更\n新→ https://example.jp/new",
        "PIN変更の手続き\n変更前：2026/3/31\n変更後：2026/4/1",
        "パスワードの問い合わせ先\n旧：025-526-5111\n新：025-526-5112",
        "パスワードポリシー\n旧：8chars\n新：12characters",
        # New and old of something else under a heading on passwords: a date, a room, opening hours.
        "パスワード管理研修の日程変更\n変更前：10/5(Sun)\n変更後：10/12(Sun)",
        "パスワード管理研修\n現在：Room3A\n変更後：Room5B",
        "パスワード設定窓口\n旧：9am-5pm\n新：8am-6pm",
        "パスワード変更の受付時間の変更\n旧：9am-5pm\n新：8:30am-5:15pm",
    ],
)
def test_new_and_old_lines_that_are_no_password_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "pieces"),
    [("パスワードは Kessai の後に 2026! です", ("Kessai", "2026!")), ("PW：koho + 2026!", ("koho", "2026!"))],
)
def test_a_password_in_unquoted_pieces_with_their_order_fires(text: str, pieces: tuple[str, ...]) -> None:
    [f] = findings_of("confidential.secret", text)
    for piece in pieces:
        assert piece not in f.excerpt


@pytest.mark.parametrize(
    "text",
    ["パスワードは abc の後に 123 です", "パスワード：Windows の後に PIN を入力", "パスワード: 英字 + 数字", "パスワード：a + b"],
)
def test_unquoted_words_joined_in_a_rule_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスワードは 9:30 に変更しました",
        "パスワードは 12:00 までに変更してください",
        "パスワードは 10/1 に変更します",
        "パスワードは 2026/10/01 に変更します",
        "パスワードは 10/1(木) から変わります",
        "パスワードは 9:30 am に変更",
        "パスワードは 9:30〜17:00 の間に変更してください",
        "パスワード変更：10/1",
    ],
)
def test_a_time_or_date_of_a_password_change_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [("パスワードは 10/1abc に変更しました", "10/1abc"), ("パスワード変更：Kessai2026!", "Kessai2026!")],
)
def test_a_value_after_a_change_that_is_no_date_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value not in f.excerpt


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("net use \\\\srv\\share /user:koho P@ssw0rd9", "P@ssw0rd9"),
        ("net use Z: \\\\fileserver\\koho Kessai2026! /user:joetsu\\koho", "Kessai2026!"),
        ("net use Z: ¥¥fileserver¥koho Kessai2026! /user:koho", "Kessai2026!"),
        ("NET USE Z: \\\\SRV\\SHARE Kessai2026!", "Kessai2026!"),
        ("net user koho Kessai2026! /add", "Kessai2026!"),
        ("sshpass -p 'Kessai2026!' ssh koho@10.0.0.5", "Kessai2026!"),
        ("sshpass -p Kessai2026! ssh koho@10.0.0.5", "Kessai2026!"),
        ("mysql -u koho -p'Kessai2026!' -h db", "Kessai2026!"),
        ("PGPASSWORD=Kessai2026 psql -h db -U koho", "Kessai2026"),
        ("smbclient //srv/share -U koho%Kessai2026!", "Kessai2026!"),
        ("xfreerdp /v:srv /u:koho /p:Kessai2026!", "Kessai2026!"),
        ("rdesktop -u koho -p Kessai2026! srv", "Kessai2026!"),
        ("sqlcmd -S srv -U sa -P Kessai2026!", "Kessai2026!"),
        ("sqlplus koho/Kessai2026@orcl", "Kessai2026"),
        ("lftp -u koho,Kessai2026 ftp.example.jp", "Kessai2026"),
    ],
)
def test_a_password_on_a_command_line_of_an_it_memo_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "net use Z: \\\\srv\\share /persistent:yes",
        "net use Z: \\\\srv\\share で接続します",
        "net use Z: \\\\srv\\share * /user:koho",
        "net user koho /domain",
        "net user koho * /add",
        "Net User Forum 2026",
        "sshpass -p $PASS ssh host",
        "sshpass -f pwfile ssh host",
        "rdesktop -u koho -p - srv",
        "sqlplus / as sysdba",
        "smbclient //srv/share -U koho",
    ],
)
def test_a_command_line_without_a_password_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("『PW』は kessai2026 です", "kessai2026"),
        ("「パスワード」は Kessai2026! です", "Kessai2026!"),
        ("“パスワード”：Kessai2026!", "Kessai2026!"),
        ("「暗証番号」は 4821 です", "4821"),
        ("「パスワード」：Kessai 2026!", "Kessai 2026!"),
        ("「パスワード」は さくら2026 です", "さくら2026"),
        ("「パスワード」：\nKessai2026", "Kessai2026"),
    ],
)
def test_a_value_after_a_quoted_label_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


def test_the_colon_after_a_quoted_label_is_no_part_of_the_value() -> None:
    [f] = findings_of("confidential.secret", "「\"パスワード\"：Kessai2026!」")
    assert "：Ke＊" in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "「パスワード」は8文字以上にしてください",
        "「パスワード」は「設定」画面から変更できます",
        "「パスワード」 2026年版",
        "「パスワード」Windows11の設定",
        "「パスワード」が Microsoft365 と同じ場合",
        "「パスワード」は 9:30 に変更",
        "「パスワード」→「変更」を選ぶ",
        "「パスワード」は Windows11 と同じです",
        "「パスワード」を abc123 のような推測されやすいものにしない",
        "『暗証番号』は 1234 などにしないで",
        "「PIN」は 4桁です",
    ],
)
def test_a_quoted_label_in_a_how_to_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードを教えてください → Kessai2026!", "Kessai2026!"),
        ("Q. パスワードは？ A. Kessai2026!", "Kessai2026!"),
        ("Q：パスワードは何ですか？ A：Kessai2026!", "Kessai2026!"),
        ("暗証番号は何ですか⇒4821", "4821"),
        ("パスワード教えて → 「Kessai2026!」", "Kessai2026!"),
    ],
)
def test_a_password_given_as_the_answer_to_its_question_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "パスワードを教えてください → https://example.jp/reset",
        "パスワードを教えてください → 窓口でお伝えします",
        "パスワードを教えてください → 8文字以上です",
        "Q. パスワードを忘れたら？ A. 再発行します",
        "Q. パスワードは？ A. 9:30 に変更",
        "詐欺の手口：暗証番号を教えてください → 4821",
        "パスワードは？ → Step1 設定画面",
        "パスワードを教えてください → Windows11 と同じです",
    ],
)
def test_an_answer_to_a_password_question_that_is_no_value_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("暗証番号はよんはちにいち", "よんはちにいち"),
        ("暗証番号はよんはちにいちになりました", "よんはちにいち"),
        ("暗証番号：ヨンハチニーイチ", "ヨンハチニーイチ"),
        ("暗証番号は「よんはちにいち」です", "よんはちにいち"),
        ("パスコードはきゅうごななさんです。", "きゅうごななさん"),
    ],
)
def test_a_pin_read_out_in_kana_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "暗証番号は四桁です",
        "暗証番号はよんけたです",
        "暗証番号はしっかり管理しましょう",
        "暗証番号はいちにさんし",  # 1234: the famous example, as in digits
        "暗証番号はごくまれに漏れます",
        "暗証番号はしちごさん",  # three readings: no PIN
        "パスワードはよんはちにいち",  # only a PIN's label asks for a number
    ],
)
def test_kana_after_a_pins_label_that_is_no_pin_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスワードは10:00-12:00に再設定してください",
        "パスワードは R8.4.1 から変わります",
        "暗証番号は 0120-123-456 にお問い合わせください",
        "パスワードを忘れた方の暗証番号は 025-526-5111 まで",
        "暗証番号は 080-1234-5678（平日9時から）へお電話ください",
    ],
)
def test_a_span_of_times_an_era_date_or_a_phone_to_call_after_a_label_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "暗証番号は 0120-123-456 です",
        "暗証番号は 0120-123-456 になりました",
        "暗証番号は 0120-123-456 に変更しました",
        "暗証番号は 0120-123-456 に変わりました",
        "暗証番号は 0120-123-456 に設定しました",
    ],
)
def test_a_number_said_to_be_the_pin_fires_whatever_its_shape(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワード欄に Kessai2026! と入力してください", "Kessai2026!"),
        ("「パスワード」欄に Kessai2026 を入力", "Kessai2026"),
        ("パスワードには Kessai2026! を設定しています", "Kessai2026!"),
        ("パスワードも Kessai2026! です", "Kessai2026!"),
        ("暗証番号には 4821 を設定しました", "4821"),
    ],
)
def test_a_value_put_in_the_password_field_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "パスワードには Microsoft365 のものを使います",
        "パスワードにも Office365 と同じものを",
        "パスワード欄に 8文字以上で入力",
        "暗証番号にも 4桁の数字を",
        "暗証番号には 3 回まで",
        "パスワードも Windows11 と同じです",
        "パスワードには Windows Hello を使います",
        "パスワード欄に abc123 のような単純なものを入れない",
    ],
)
def test_a_rule_or_a_service_for_the_password_field_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードは下記のとおり Kessai2026!", "Kessai2026!"),
        ("パスワードは以下のとおりです Kessai2026!", "Kessai2026!"),
        ("暗証番号は次のとおり 4821", "4821"),
    ],
)
def test_a_value_announced_a_space_after_its_sentence_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードは下記のとおり Kessai2026! です", "Kessai2026!"),
        ("パスワードは以下のとおり Kessai2026! になります。", "Kessai2026!"),
        ("パスワードは下記のとおり「Kessai2026!」です", "Kessai2026!"),
        ("パスワードは下記のとおり「Kessai2026!」です。\nよろしくお願いします。", "Kessai2026!"),
    ],
)
def test_a_value_announced_on_its_sentence_s_line_and_closed_with_desu_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "パスワードは下記のとおり変更になります",
        "パスワードは下記のとおり「8文字以上」です",
        "パスワードは下記のとおり「STEP1」です",
        "パスワードは以下のとおり STEP1 です",
        "パスワードは以下のとおり「英数字8文字以上」です",
        "パスワードは下記のとおり Kessai2026! などは避けてください",
    ],
)
def test_an_announcement_closed_with_desu_around_no_value_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードは全員共通で Kessai2026! です", "Kessai2026!"),
        ("パスワードは全員共通でKessai2026!です", "Kessai2026!"),
        ("PWは引き続き「Kessai2026!」です。", "Kessai2026!"),
        ("パスワードは今月から koho2026 になります。", "koho2026"),
    ],
)
def test_a_value_after_a_short_clause_that_ends_the_sentence_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "パスワードは全員共通です",
        "パスワードは各自で Microsoft365 の画面から変更してください",
        "パスワードは半角英数字で8文字以上です",
        "パスワードは英数字を組み合わせて 8 文字以上にしてください",
        "パスワードは推測されにくい abc123 などは避けて",
        "パスワードは必ず 12文字以上 です",
        "ロック解除は毎朝 0830 です",
    ],
)
def test_a_clause_after_the_label_with_no_value_ending_the_sentence_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("htpasswd -b .htpasswd koho Kessai2026", "Kessai2026"),
        ("htpasswd -cb /etc/nginx/.htpasswd koho Kessai2026", "Kessai2026"),
        ("htpasswd -nb koho Kessai2026", "Kessai2026"),
        ("htpasswd -B -b .htpasswd koho 'Kessai 2026!'", "Kessai 2026!"),
        ("echo 'Kessai2026!' | sudo -S systemctl restart nginx", "Kessai2026!"),
        ('echo "Kessai2026!" | sudo -k -S apt update', "Kessai2026!"),
        # bcrypt's cost after its flag, sudo's flags that take a word, its long flag, its path, no spaces.
        ("htpasswd -b -B -C 10 .htpasswd koho Kessai2026", "Kessai2026"),
        ("htpasswd -bB -C 12 .htpasswd koho Kessai2026", "Kessai2026"),
        ("echo Kessai2026 | sudo -u www-data -S ls", "Kessai2026"),
        ("echo Kessai2026 | sudo --stdin apt update", "Kessai2026"),
        ("echo Kessai2026 | /usr/bin/sudo -S ls", "Kessai2026"),
        ("echo Kessai2026|sudo -S ls", "Kessai2026"),
    ],
)
def test_a_password_given_to_htpasswd_or_piped_to_sudo_fires(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        "htpasswd -c .htpasswd koho",
        "htpasswd コマンドで -b オプションを使うとパスワードがコマンド履歴に残ります",
        "echo 'hello' | sudo tee /etc/motd",
        "echo 'Kessai2026!' | sudo tee -S",
        "echo $PASSWORD | sudo -S ls",
        "echo 'Kessai2026!' | sudo -u koho tee -S",
        "echo 'Kessai2026!' | sudo --stdinx",
    ],
)
def test_htpasswd_and_sudo_with_no_password_given_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスワードは全員共通で Kessai2026! です。初回ログイン後に変更してください。",
        "パスワードは下記のとおり Kessai2026! です。よろしくお願いします。",
        "パスワードは下記のとおり「Kessai2026!」です。よろしくお願いします。",
    ],
)
def test_an_announced_password_fires_though_another_sentence_follows_on_its_line(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスワードは全員共通で Kessai2026! ですので、各自で変更してください",
        "パスワードは各自で設定した Microsoft365 のものです。ご注意ください。",
        "パスワードは下記のとおり STEP1 です。設定画面を開きます。",
        "パスワードは変更期限が R8.3.31 です",
        "パスワードは次回の変更日が H31.4.1 でした",
    ],
)
def test_an_announced_word_in_a_sentence_that_goes_on_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ('$pw = "Kessai 2026!"; Connect-Server -Password $pw', "Kessai 2026!"),
        ("パスワードは「Kessai 2026!」です", "Kessai 2026!"),
        ("パスワード：「Pass2026 word」", "Pass2026 word"),
    ],
)
def test_a_quoted_password_with_a_space_fires_whole(text: str, value: str) -> None:
    [f] = findings_of("confidential.secret", text)
    assert value in text[f.start : f.end] and value not in f.excerpt


@pytest.mark.parametrize(
    "text",
    [
        'PW: "see below"',
        'Password: "Ask the IT desk"',
        "パスワードは「Kessai 2026」のような推測されやすいものは避けてください",
        "パスワードは「Step 1」をご覧ください",
        # A product, an account or a step a guide names in quotes, a version number and all.
        "パスワードは「Office 365」と同じです",
        "パスワードは「Windows 11」と同じです",
        "パスワードはいつもの「Windows 11」です",
        "パスワードは「Windows 11 Pro」の初期設定です",
        "パスワードは「Office 2019 (32bit)」と同じです",
        "パスワードは「ID 2」と同じです",
        "パスワード：「Office 365」",
        'password: "see step 2"',
    ],
)
def test_a_quoted_phrase_after_a_password_label_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        # A passphrase of words and a year, quoted: caught since dd5a4b6, missed by 12769a33.
        "パスワードは「Kessai 2026」です",
        "パスワードは「spring 2026 city」です",
        "パスワードは「Joetsu 2026 Spring」です",
    ],
)
def test_a_quoted_passphrase_with_a_year_fires(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスワードは以下のとおり STEP1 設定画面を開く",
        "パスワードは次のとおり Windows11 と同じ",
        "パスワードは以下のとおり 8文字以上",
        "パスワードは次の通り Step1",
    ],
)
def test_what_an_announcement_introduces_a_space_after_that_is_no_value_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


def test_a_pin_in_kana_said_in_a_fraud_scene_is_an_example_as_in_digits() -> None:
    text = "【詐欺の手口】\n犯人：暗証番号を教えてください。\n被害者：暗証番号はよんはちにいちです。"
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "wget --password=Kessai2026! https://example.jp/a",
        "パスワード：Kessai2026! https://example.jp/login からログイン",
        "PW: Kessai2026! www.example.jp",
    ],
)
def test_the_address_after_a_password_is_not_masked_with_it(text: str) -> None:
    [(a, b)] = secret_value_spans(text)
    assert text[a:b] == "Kessai2026!"


@pytest.mark.parametrize(
    "text",
    [
        "psexec \\\\pc01 -u koho -p Kessai2026! cmd",
        "PsExec64.exe \\\\pc01 -u koho -p Kessai2026! cmd",
        '$pw = ConvertTo-SecureString "Kessai2026!" -AsPlainText -Force',
        "ConvertTo-SecureString -String 'Kessai2026!' -AsPlainText -Force",
        '$pw = "Kessai2026!"',
    ],
)
def test_a_password_in_a_windows_admins_command_fires(text: str) -> None:
    [(a, b)] = secret_value_spans(text)
    assert text[a:b] == "Kessai2026!"


@pytest.mark.parametrize(
    "text",
    [
        "$pw = ConvertTo-SecureString $plain -AsPlainText -Force",
        "$pw = Read-Host -AsSecureString | ConvertTo-SecureString",
        "$password = Get-Content .\\pw.txt",
        "psexec \\\\pc01 -u koho cmd",
    ],
)
def test_a_powershell_variable_assigned_an_expression_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("PW: abc 123xyz https://example.jp/login", "abc 123xyz"),
        ("パスワード：Kessai 2026! https://example.jp/login からログイン", "Kessai 2026!"),
        ("パスワード：Kessai 2026! www.example.jp", "Kessai 2026!"),
    ],
)
def test_a_password_of_several_words_before_an_address_fires_and_is_masked_without_it(
    text: str, value: str
) -> None:
    [(a, b)] = secret_value_spans(text)
    assert text[a:b] == value


@pytest.mark.parametrize(
    "text", ['$pw = "Kessai 2026!"', "$password = 'Kessai 2026!'", '$pw = "Kessai 2026!"\nConnect-Server -Password $pw']
)
def test_a_quoted_password_of_two_words_assigned_to_a_powershell_variable_fires(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        '$pw = ConvertTo-SecureString -AsPlainText -Force -String "Kessai2026!"',
        '$pw = ConvertTo-SecureString -AsPlainText "Kessai2026!" -Force',
    ],
)
def test_the_switches_of_convertto_securestring_are_not_taken_for_the_password(text: str) -> None:
    [(a, b)] = secret_value_spans(text)
    assert text[a:b] == "Kessai2026!"


@pytest.mark.parametrize(
    "text", ["暗証番号変更：4-8-2-1", "暗証番号は 4-8-2-1 に変更しました", "パスワード変更：1-9-7-3", "暗証番号は何ですか→4-8-2-1"]
)
def test_a_pin_written_a_digit_at_a_time_with_hyphens_is_no_span_of_dates(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "パスワードは A-Z, 0-9 を含めます",
        "「パスワード」は a-z, A-Z, 0-9 を組み合わせます",
        "パスワード：a-z 0-9（8文字以上）",
    ],
)
def test_the_ranges_of_characters_a_password_must_mix_stay_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


def test_a_password_of_two_words_shaped_like_ranges_with_more_fires() -> None:
    assert "confidential.secret" in codes("パスワード：A-Z 0-9x")


@pytest.mark.parametrize(
    "text",
    [
        "Q. 暗証番号を忘れたときは？\nQ. 暗証番号は？ A. 0120-123-456 までお問い合わせください",
        "Q. 暗証番号は何ですか？ A. 025-526-5111（市民課）へお電話ください",
        "Q. パスワードは? A: Wi-Fi6",
    ],
)
def test_an_faqs_answer_naming_a_number_to_call_or_a_standard_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


@pytest.mark.parametrize("text", ["Q. 暗証番号は？ A. 0120-123-456 です", "Q. パスワードは? A: Wi-Fi6joetsu"])
def test_an_faqs_answer_that_is_the_value_whatever_its_shape_fires(text: str) -> None:
    assert "confidential.secret" in codes(text)


def test_the_note_after_an_faqs_answer_is_not_masked_with_it() -> None:
    text = "Q. パスワードは？ A. Kessai2026!（変更しないでください）"
    [(a, b)] = secret_value_spans(text)
    assert text[a:b] == "Kessai2026!"


@pytest.mark.parametrize("text", ["$pw = Kessai2026!", "$password = Kessai2026!\nConnect-Server -Password $password"])
def test_a_bare_password_assigned_to_a_powershell_variable_in_a_memo_fires(text: str) -> None:
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "この資料は非公開です。職員の皆さんだけで確認してください。",
        "本資料は非公開です。職員のみでご確認ください。",
        "この文書は非公開扱いです、庁内だけで共有してください",
    ],
)
def test_a_document_said_to_be_non_public_and_for_staff_only_fires(text: str) -> None:
    # Session 29: bare 非公開 was left to stamps (【非公開】), and this pasted material went through.
    assert "confidential.secret" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "この資料は非公開です。",
        "審議会は非公開で開催します。職員のみで運営します。",
        "アンケートの回答データは非公開です。集計は職員のみが行います。",
        "個人情報を含むため、この資料は非公開です。閲覧をご希望の方は窓口でご相談ください。",
        "この資料は非公開とします。回答は職員のみで確認します。",
    ],
)
def test_a_non_public_document_without_a_staff_only_call_stays_silent(text: str) -> None:
    assert "confidential.secret" not in codes(text)


def test_non_public_documents_at_length_stay_linear() -> None:
    assert_stays_linear(lambda t: [list(_STAFF_ONLY_DOCUMENT.finditer(t)) for _ in range(10)], "この資料は非公開です、職員")
