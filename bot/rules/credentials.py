"""Credentials written out in a draft, for `confidential.secret`.

Two shapes are found on the normalised view (NFKC, invisible characters dropped, so ｐａｓｓ or a
zero-width space inside a token changes nothing):

- a password, PIN or key after its label and a separator: 「パスワードは Kessai2026! です」,
  「PW: Kessai2026!」, 「暗証番号：4821」, 「APIキー: 1f0c…」, 「パスワード→Kessai2026!」, the label
  spaced out (「パ ス ワ ー ド：…」), or the value alone on the line after it, as in a form, and a
  Wi-Fi key after its router label (「暗号化キー：…」「パスキー：…」「PSK=…」), or in English
  prose (「the Wi-Fi password is free2use」「PIN was changed to …」, a value with letters and
  digits, so that 「the password is case-sensitive」 stays silent, or a number of 4–12 digits that
  is not a rule or a price: 「The PIN is 4821」, but not 「The PIN is 4 digits」「The bus pass is
  2000」), or in the password column of a table of accounts (tabs, CSV or Markdown), or of a few
  words one space apart or of kana after an explicit separator (「パスワード：Kessai 2026!」
  「パスワードは さくら2026 です」), or after the date it takes effect (「パスワード：11/30 から kx7pq2」); a one-time code after its label (「認証コード：482913」,
  「482 913」), a card's security code after
  its label (「セキュリティコード 123」「CVV: 123」), backup codes after theirs
  (every code of a list, since they do not expire), and a Google app password
  (「アプリパスワード abcd efgh ijkl mnop」);
- a token whose format alone says it is a secret, whatever precedes it: Slack (xoxb-…, xoxe-…, xapp-…,
  hooks.slack.com/services|workflows|triggers/…), Discord webhooks, AWS access key ids (AKIA…),
  GitHub (ghp_…, github_pat_…), OpenAI-style (sk-…), Stripe (sk_live_…), Google (AIza…, ya29.…,
  GOCSPX-…), Meta (EAA…, IGQV…), GitLab (glpat-…), npm (npm_…), SendGrid (SG.….…), an OAuth
  「Bearer …」 and 「Basic …」 (base64 of user:password), Grafana (glsa_…), DigitalOcean (dop_v1_…),
  Hugging Face (hf_…), Telegram bot tokens (123456789:AA…), signed tokens (JWT: eyJ….eyJ….…),
  PEM and PuTTY private keys, the password of a Wi-Fi QR code's text (WIFI:…;P:…;), and a password
  inside a URL of any scheme (https://user:pass@host/,
  a connection string postgres://user:pass@db/); Azure
  connection strings by their 「AccountKey=」; a key in a URL's query (「?key=…」「&auth=…」「&sig=…」,
  but not the 「sig=」 of an image CDN's picture);
- a signed URL: an Azure SAS (sv=…&sig=…), an S3 or Google Cloud Storage signed URL
  (X-Amz-Signature=…, X-Goog-Signature=…) or a CloudFront one (Signature=…&Key-Pair-Id=…). Whoever
  has it opens a private file (or writes, if the SAS allows) until it expires; its query is the
  secret.

Awareness posts (「パスワードを定期的に変更しましょう」「パスワードは8文字以上に」「暗証番号を聞く
電話は詐欺です」) name the label but write no value after it, so they stay silent; a value given
as an example (「1234 のような」「123456 や password など」) does too.
"""

from __future__ import annotations

import base64
import binascii
import itertools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass


@dataclass(frozen=True)
class Credential:
    start: int  # normalised-view span of what is reported (label and value, or the token)
    end: int
    value_start: int  # normalised-view span of the secret itself (what is masked)
    value_end: int
    kind: str  # what it is, for the message: 「パスワード」「Slack のトークン」「キーまたはトークン」
    shown: int  # leading characters of the value that may stay visible (a token's public prefix)
    # Where the excerpt shown to the operator starts, when before ``start``: the row of a table's cell,
    # whose masked value alone (「＊＊＊＊」) says nothing of which of the table's rows it is.
    context_start: int | None = None


# --- tokens in a well-known format -----------------------------------------------------------------

_B = r"(?<![A-Za-z0-9_\-])"  # a token is never the tail of a longer word
_E = r"(?![A-Za-z0-9_\-])"
# (kind, literals of which every match contains one — a cheap test before the pattern runs,
# pattern, flags)
_TOKENS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (kind, probe, re.compile(pattern, flags))
    for kind, probe, pattern, flags in (
        # A space after a hyphen, or in the middle of a key, is where a copy from a PDF or a wrapped
        # window broke it (「xoxb- 1234- 5678-abcd」「AKIA 1234 5678 ABCD EFGH」): the token all the same.
        (
            "Slack のトークン",
            ("xox",),
            # xoxe: a refresh token of token rotation; xoxc: a client's token, as a browser holds it.
            rf"{_B}(?P<prefix>xox[abceoprs]-)(?:[ \t]?[A-Za-z0-9]+-){{0,12}}+[ \t]?[A-Za-z0-9]+{_E}",
            0,
        ),
        ("Slack のアプリトークン", ("xapp-",), rf"{_B}(?P<prefix>xapp-)[A-Za-z0-9\-]{{10,}}{_E}", 0),
        (
            # Incoming webhooks (services/…) and the webhooks of Workflow Builder (workflows/…,
            # triggers/…): whoever has the URL can post in the channel.
            "Slack の Webhook URL",
            ("hooks.slack.com",),
            r"(?P<prefix>https://hooks\.slack\.com/(?:services|workflows|triggers)/)[ \t]?[A-Za-z0-9]+"
            r"(?:/[ \t]?[A-Za-z0-9]+){1,3}",
            0,
        ),
        (
            # The text of a Wi-Fi QR code (「WIFI:S:joetsu-free;T:WPA;P:…;;」), pasted from a QR
            # generator: its P field is the network's password. A few short fields at most.
            "Wi-Fi のパスワード",
            ("WIFI:",),
            r"(?P<prefix>\bWIFI:(?:[^;\n]{0,64}+;){0,6}?P:)(?:\\.|[^;\\\n]){4,}",
            0,
        ),
        (
            # A Microsoft Teams channel's incoming webhook (Office 365 connector): whoever has the URL can
            # post in the channel as its connector. Shown up to 「webhookb2/」, the tenant's and the
            # connector's ids after it masked.
            "Teams の Webhook URL",
            ("webhook.office.com/webhookb2/",),
            r"(?P<prefix>https://[A-Za-z0-9\-]+\.webhook\.office\.com/webhookb2/)[A-Za-z0-9@/\-]{40,}",
            0,
        ),
        (
            "Discord の Webhook URL",
            ("/api/webhooks/",),
            r"(?P<prefix>https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/)[0-9]+/[A-Za-z0-9_\-]{20,}",
            0,
        ),
        # An OAuth access token sent as 「Authorization: Bearer …」.
        ("アクセストークン", ("Bearer", "bearer"), r"(?P<prefix>\b[Bb]earer[ \t]+)[A-Za-z0-9._~+/%\-]{20,}=*", 0),
        # Meta (Facebook, Instagram) and Google access tokens, Google OAuth client secrets.
        ("Facebook のアクセストークン", ("EAA",), rf"{_B}(?P<prefix>EAA)[A-Za-z0-9]{{40,}}{_E}", 0),
        ("Instagram のアクセストークン", ("IGQV",), rf"{_B}(?P<prefix>IGQV)[A-Za-z0-9_\-]{{40,}}{_E}", 0),
        ("Google のアクセストークン", ("ya29.",), rf"{_B}(?P<prefix>ya29\.)[A-Za-z0-9_\-]{{20,}}{_E}", 0),
        ("Google のクライアントシークレット", ("GOCSPX-",), rf"{_B}(?P<prefix>GOCSPX-)[A-Za-z0-9_\-]{{20,}}{_E}", 0),
        ("npm のトークン", ("npm_",), rf"{_B}(?P<prefix>npm_)[A-Za-z0-9]{{36}}{_E}", 0),
        ("SendGrid の API キー", ("SG.",), rf"{_B}(?P<prefix>SG\.)[A-Za-z0-9_\-]{{16,}}\.[A-Za-z0-9_\-]{{20,}}{_E}", 0),
        ("AWS のアクセスキー", ("AKIA", "ASIA"), rf"{_B}(?P<prefix>AKIA|ASIA)(?:[ \t]?[0-9A-Z]){{16}}{_E}", 0),
        (
            "GitHub のトークン",
            ("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "ghp-", "gho-", "ghu-", "ghs-", "ghr-"),
            # A hyphen for the underscore (「ghp‑…」, a non-breaking hyphen) disguises nothing: 36
            # random characters after 「ghp」 are the token.
            rf"{_B}(?P<prefix>gh[pousr][_\-])[ \t]?[A-Za-z0-9]{{36,255}}{_E}",
            0,
        ),
        ("GitHub のトークン", ("github_pat_",), rf"{_B}(?P<prefix>github_pat_)[A-Za-z0-9_]{{22,255}}{_E}", 0),
        # A space after a hyphen, as for Slack above (「sk- proj-AbC…」 copied from a wrapped window).
        (
            "API キー",
            ("sk-",),
            rf"{_B}(?P<prefix>sk-[ \t]?(?:(?:proj|svcacct|admin)-[ \t]?)?)[A-Za-z0-9_\-]{{20,}}{_E}",
            0,
        ),
        ("API キー", ("k_live_",), rf"{_B}(?P<prefix>[sr]k_live_)[A-Za-z0-9]{{16,}}{_E}", 0),
        ("Google の API キー", ("AIza",), rf"{_B}(?P<prefix>AIza)(?:[ \t]?[0-9A-Za-z_\-]){{35}}{_E}", 0),
        ("GitLab のトークン", ("glpat-",), rf"{_B}(?P<prefix>glpat-)[A-Za-z0-9_\-]{{20,}}{_E}", 0),
        ("Grafana のトークン", ("glsa_",), rf"{_B}(?P<prefix>glsa_)[A-Za-z0-9]{{32}}_[A-Fa-f0-9]{{8}}{_E}", 0),
        ("DigitalOcean のトークン", ("_v1_",), rf"{_B}(?P<prefix>do[opr]_v1_)[a-f0-9]{{64}}{_E}", 0),
        ("Hugging Face のトークン", ("hf_",), rf"{_B}(?P<prefix>hf_)[A-Za-z]{{34}}{_E}", 0),
        # Services a municipality's web or events staff may hold keys of, each by its documented prefix:
        # Shopify (a shop of local products), PyPI, Notion, Atlassian (Jira, Confluence), Postman,
        # Square (payments at an event), a Mapbox secret key (sk.; pk. is the public one, published
        # on every map), Grafana Cloud, Mailgun.
        ("Shopify のアクセストークン", ("shp",), rf"{_B}(?P<prefix>shp(?:at|ss|ca|pa)_)[a-fA-F0-9]{{32}}{_E}", 0),
        ("PyPI のトークン", ("pypi-",), rf"{_B}(?P<prefix>pypi-AgE)[A-Za-z0-9_\-]{{50,}}{_E}", 0),
        ("Notion のトークン", ("ntn_",), rf"{_B}(?P<prefix>ntn_)[A-Za-z0-9]{{40,}}{_E}", 0),
        ("Atlassian の API トークン", ("ATATT",), rf"{_B}(?P<prefix>ATATT3)[A-Za-z0-9_\-=]{{50,}}{_E}", 0),
        ("Postman の API キー", ("PMAK-",), rf"{_B}(?P<prefix>PMAK-)[a-f0-9]{{24}}-[a-f0-9]{{34}}{_E}", 0),
        ("Square のアクセストークン", ("sq0",), rf"{_B}(?P<prefix>sq0(?:atp|csp)-)[A-Za-z0-9_\-]{{22,43}}{_E}", 0),
        (
            "Mapbox のシークレットトークン",
            ("sk.eyJ",),
            rf"{_B}(?P<prefix>sk\.eyJ)[A-Za-z0-9_\-]{{16,}}\.[A-Za-z0-9_\-]{{16,}}{_E}",
            0,
        ),
        ("Grafana Cloud のトークン", ("glc_",), r"(?<![A-Za-z0-9_\-])(?P<prefix>glc_)[A-Za-z0-9+/]{32,}={0,2}(?![A-Za-z0-9+/=])", 0),
        ("Mailgun の API キー", ("key-",), rf"{_B}(?P<prefix>key-)[a-f0-9]{{32}}{_E}", 0),
        # A Telegram bot's token: the bot's number, then its secret.
        ("Telegram のボットトークン", (":AA",), rf"{_B}(?P<prefix>[0-9]{{8,10}}:AA)[A-Za-z0-9_\-]{{30,40}}{_E}", 0),
        # 「Authorization: Basic …」: a user name and password, only base64-encoded (checked below).
        ("Basic 認証のパスワード", ("Basic",), r"(?P<prefix>\bBasic[ \t]+)[A-Za-z0-9+/]{8,}={0,2}(?![A-Za-z0-9+/=])", 0),
        (
            # A signed token (JWT): header and payload are base64 JSON, so both start with eyJ.
            "トークン（JWT）",
            ("eyJ",),
            rf"{_B}(?P<prefix>eyJ)[A-Za-z0-9_\-]{{8,}}\.eyJ[A-Za-z0-9_\-]{{8,}}\.[A-Za-z0-9_\-]{{16,}}{_E}",
            0,
        ),
        (
            # PEM keys, and an OpenPGP (GnuPG) secret key exported with --armor (「… PRIVATE KEY BLOCK-----」).
            "秘密鍵",
            ("PRIVATE KEY-----", "PRIVATE KEY BLOCK-----"),
            # The body runs up to the next armour line only: a lazy 「.*?-----END」 read from every
            # header to the end of the draft, quadratic on headers pasted without their END lines.
            r"(?P<prefix>-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----)"
            r"(?:(?:(?!-----(?:BEGIN|END) ).)*+-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----"
            r"|[A-Za-z0-9+/=:\s]*+)",
            re.DOTALL,
        ),
        (
            # A PuTTY key file (.ppk), pasted whole: its header up to the last line of the key.
            "秘密鍵",
            ("PuTTY-User-Key-File-",),
            # Up to the next key file's header at most (linear, as for PEM above).
            r"(?P<prefix>PuTTY-User-Key-File-[0-9]+:)"
            r"(?:(?:(?!PuTTY-User-Key-File-|Private-MAC:).)*+Private-MAC:[ \t]*[0-9A-Fa-f]+|[^\n]*+)",
            re.DOTALL,
        ),
        (
            "URL に埋め込まれたパスワード",
            ("@",),
            # Any scheme: a database's or a mail server's connection string (「postgres://user:pass@…」
            # 「mysql://…」「smtp://…」) gives its password away the same way.
            # A space typed after the scheme (「https:// user:Passw0rd@…」) hides nothing: the address is the same.
            r"(?i)(?P<prefix>(?<![A-Za-z0-9+.\-])[a-z][a-z0-9+.\-]{1,20}://[ \t]?[A-Za-z0-9._~%!$&'*+,;=\-]*:)"
            r"[A-Za-z0-9._~%!$&'*+,;=\-]{3,}(?=@)",
            0,
        ),
    )
)
# Families whose body is random base62: a run of letters only (sk-abcdefghij…) is a word, not a key.
_NEEDS_DIGIT = {"API キー", "Slack のトークン", "Slack のアプリトークン"}
# A GitLab token's 20 random characters have no digit one time in thirty (「glpat-AbCdEfGhIjKlMnOpQrSt」):
# both cases of letter mark it as random as well as a digit does. A placeholder is in one case
# (「glpat-xxxxxxxxxxxxxxxxxxxx」「glpat-yourpersonalaccesstoken」) or words in CamelCase
# (「glpat-YourPersonalAccessToken」「glpat-ExampleTokenValueHere」), a shape twenty random letters
# take about one time in three thousand.
_RANDOM_CASE = {"GitLab のトークン"}
_CAMEL_WORDS = re.compile(r"(?:[A-Z][a-z]{2,}+)++")


def _mixed_case(s: str) -> bool:
    return any(c.isupper() for c in s) and any(c.islower() for c in s) and not _CAMEL_WORDS.fullmatch(s)


def _basic_credentials(body: str) -> bool:
    """Whether ``body`` is base64 of 「user:password」, as HTTP Basic authentication sends it (and not
    a word after 「Basic」 in a sentence)."""
    try:
        decoded = base64.b64decode(body, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return False
    user, sep, password = decoded.partition(":")
    return bool(sep and user and password and decoded.isprintable())


def _tokens(norm: str) -> Iterator[Credential]:
    for kind, probes, pattern in _TOKENS:
        if not any(p in norm for p in probes):
            continue
        for m in pattern.finditer(norm):
            body = norm[m.end("prefix") : m.end()]
            if (kind in _NEEDS_DIGIT or m["prefix"].endswith("-") and kind == "GitHub のトークン") and not (
                _has_digit(body) and _has_letter(body)
            ):
                continue
            if kind in _RANDOM_CASE and not (_has_letter(body) and (_has_digit(body) or _mixed_case(body))):
                continue
            if kind == "Basic 認証のパスワード" and not _basic_credentials(body):
                continue
            if kind == "Slack のトークン" and len(_BLANKS.sub("", body)) < 10:
                continue
            shown = m.end("prefix") - m.start()
            yield Credential(m.start(), m.end(), m.start(), m.end(), kind, shown)


# --- signed URLs ----------------------------------------------------------------------------------

# A URL up to the first character that cannot be in one (the normalised view has ASCII brackets,
# so a note in 「（…）」 after it is left out); one pass over the text, whatever the number of URLs.
_URL = re.compile(r"\bhttps?://[A-Za-z0-9._~%!$&'*+,;=:/?@\-]+")
_SIGNED_PROBES = ("sig=", "Signature=")
_SIGNATURE_VALUE = re.compile(r"[A-Za-z0-9%+/=_~\-]{16,}")
# (kind, signature parameter, parameter that must be beside it or None): a signature parameter alone
# could be anything, the pair is the service's format.
_SIGNED: tuple[tuple[str, str, str | None], ...] = (
    ("Azure の SAS（共有アクセス署名）付き URL", "sig", "sv"),
    ("AWS S3 の署名付き URL", "X-Amz-Signature", None),
    ("Google Cloud Storage の署名付き URL", "X-Goog-Signature", None),
    ("CloudFront の署名付き URL", "Signature", "Key-Pair-Id"),
)
SIGNED_URL_KINDS = frozenset(kind for kind, _, _ in _SIGNED)


def _signed_urls(norm: str) -> Iterator[Credential]:
    if not any(p in norm for p in _SIGNED_PROBES):
        return
    for m in _URL.finditer(norm):
        url = m.group()
        q = url.find("?")
        if q < 0:
            continue
        params: dict[str, str] = {}
        for pair in url[q + 1 :].split("&"):
            name, _, value = pair.partition("=")
            params.setdefault(name, value)
        for kind, signature, beside in _SIGNED:
            if _SIGNATURE_VALUE.fullmatch(params.get(signature, "")) and (beside is None or beside in params):
                # The address up to 「?」 stays readable: the operator must see which file it was.
                yield Credential(m.start(), m.end(), m.start() + q + 1, m.end(), kind, 0)
                break


# --- a value after a label -------------------------------------------------------------------------


def _spaced(word: str) -> str:
    """``word`` also when written with a space between its characters (「パ ス ワ ー ド」), as a
    draft laid out for looks, or one written to slip past a check, has it."""
    return "[ \t]?".join(re.escape(c) for c in word)


# Labels after which only a PIN is a value: 「ロック解除：Face ID」「サーバーのホストキー：SHA256:…」 (an
# SSH host key's fingerprint, which is public) name no secret. 「ブロック解除」 is no phone's lock.
_PIN_ONLY = (
    r"(?:(?<![ァ-ヺー])ロック)?解除(?:番号|コード)|(?<![ァ-ヺー])ロック解除|ホスト[ \t]?キー|"
    # A padlock or a key box named as the label of its combination (「倉庫の南京錠は 4821 です」).
    r"ダイヤル錠|南京錠|ダイヤルロック|キーボックス|ダイヤル式の?(?:鍵|錠|ロック)|"
    # A door's keypad, named by the lock or the keys one types on (「オートロックの番号は4821です」
    # 「入口のテンキーは 4821」「入館コード 4821」).
    r"(?:オートロック|ドアロック|テンキー)(?:の?(?:番号|ナンバー|コード|解除(?:番号|コード)?))?|入館コード|"
    r"(?<![A-Za-z])host[ \t]?key(?![A-Za-z])"
)
_PIN_ONLY_LABEL = re.compile(rf"(?i){_PIN_ONLY}")
_HOST_KEY_LABEL = re.compile(r"(?i)ホスト[ \t]?キー|host[ \t]?key")


def _pin_kind(label: str) -> str:
    """What the finding calls a value after ``label``: a host key is named, whichever shape held it
    (「ホストキー「482913」」「ホストキー：482 913」), so that the message says what to change."""
    return "ホストキー" if _HOST_KEY_LABEL.fullmatch(label) else "パスワード"


# 「PW」 and パスワード as spelt out in kana or in romaji (「ピーダブリュー：…」「ぴーだぶりゅー：…」「ぱすわーど：…」
# 「pasuwaado: …」), never another word. Public: the leak report's mask (bot.secret_mask) reads a sentence about the
# password by these too, and with its own list they drifted (it knew ピーダブリュー, not ピーダブ).
SPELT_OUT_LABEL = r"ピーダブリュー|ピーダブ|ぴーだぶりゅー|ぴーだぶ|ぱすわーど|(?<![A-Za-z])pasuwa-?a?do(?![A-Za-z])"
# Labels of passwords and PINs. English ones stand alone (not inside 「passport」「pinch」).
_PASSWORD_LABEL = (
    rf"(?:{_spaced('ログインパスワード')}|{_spaced('パスワード')}|{_spaced('パスコード')}|{_spaced('暗証番号')}|"
    # 「PIN番号」 is as common a name of it as 「PINコード」 (a card's, a phone's).
    r"PIN\s?(?:コード|番号)|"
    rf"{SPELT_OUT_LABEL}|"
    # 「暗証」 alone, the short form (「口座番号 1234567 暗証 4821」), and the number that opens a lock, as
    # secret as a PIN: 「解錠番号」「金庫の番号」「キーボックスの番号」.
    r"暗証(?!番号)|[解開]錠(?:番号|コード)|(?:金庫|ダイヤル錠|南京錠|キーボックス|ダイヤルロック)の?(?:番号|ナンバー)|"
    # Labels whose value is only ever a number (_PIN_ONLY_LABEL): what unlocks a shared phone or an
    # alarm (「公用スマホのロック解除は 482913 です」), and a Zoom host key, which makes whoever types
    # it the meeting's host.
    rf"{_PIN_ONLY}|"
    # A Wi-Fi network's key, as routers and their manuals label it.
    # A passphrase is what WPA calls its key (「パスフレーズ＝…」); 「接続キー」 what a notice calls it.
    rf"{_spaced('暗号化キー')}|{_spaced('セキュリティキー')}|{_spaced('ネットワークキー')}|パスキー|暗号キー|"
    # 「事前共有キー」 is the Japanese name of WPA's pre-shared key (PSK) on a router's screen.
    rf"{_spaced('パスフレーズ')}|接続キー|事前共有キー|ログインキー|(?<![A-Za-z])pass[ \t-]?phrase(?![A-Za-z])|"
    r"(?<![A-Za-z])(?:wpa2?|wep|wi-?fi)\s?キー|"
    # In a notice for foreign residents (a shelter's Wi-Fi): Chinese, Korean, Portuguese, Spanish,
    # Vietnamese (with or without its marks) and Nepali.
    r"密码|密碼|비밀번호|(?<![A-Za-z])(?:senha|contraseña|m[ậa]t\s?kh[ẩa]u)(?![A-Za-z])|पासवर्ड|"
    # English ones also written with a look-alike (「P@ssword」「Passw0rd」) or spaced (「pass word」).
    # 「1Password」 is a password manager's name, no label (「パスワードの管理に⏎1Password⏎LastPass」).
    r"(?<![A-Za-z])(?!(?<=1)password)(?:password|passwd|passcode|p[a@]ssw[o0]rd|pass[ \t]word|pass|pwd|pw|p/w|pin(?:\s(?:number|code))?|psk|"
    r"(?:wpa2?|wi-?fi)\s?(?:key|pass))(?![A-Za-z])|"
    # 「Wi-Fiパス guest5678a」: the network's pass is its password, never a ticket.
    r"(?<![A-Za-z])(?:wpa2?|wep|wi-?fi)\s?パス(?![ァ-ヺー]))"
)
# Every label of a password the rule reads (a pattern for text in NFKC, read in any case): the leak report's mask
# builds its own from it and its wider extras, so that a label added here is masked there as well.
PASSWORD_LABEL = _PASSWORD_LABEL
# 「パス」 alone, the everyday short form, is also 「フリーパス」「パスポート」「キャンパス」: only
# as a word of its own, before a colon or 「は」 and a quoted value (「パスは「hanabi2026」です」).
_SHORT_LABEL = r"(?<![ァ-ヺー])パス(?![ァ-ヺー])"
# Or before 「は」, a space and a word of letters and digits that ends its clause (「パスは kmk-8842 です」): a pass is
# priced, counted or handed out (「パスは500円」「パスは窓口で配布」「フリーパスは 1,000円」), never a word such as that.
_SHORT_SEPARATOR = (r"[ \t]*+(?::|=|→)[ \t]*+|[ \t]*+は[ \t]*+(?=[「『\"“])"
                    # Or after it was changed, then 新しいのは (「Wi-Fiのパス変わりました!新しいのは guest5678a です」), as after
                    # パスワード: a pass is bought or handed out, not changed to a word of letters and digits.
                    r"|[ \t]*+[、,]?[ \t]*+(?:が|を)?(?:変わ|変え|変更し|更新し|再設定し)(?:りました|ました|った|た)[!?。][ \t]*+\n?[ \t]*+"
                    r"(?:新しい|変更後の?|今度の?)の?(?:は|が)[ \t]*+(?=(?=[!-~]{0,31}?[A-Za-z])(?=[!-~]{0,31}?[0-9])[!-~]{6,32}+"
                    r"(?:[ \t]*+(?:です|でした|。|、|$)))"
                    r"|[ \t]*+は[ \t]++(?=(?=[!-~]{0,31}?[A-Za-z])(?=[!-~]{0,31}?[0-9])[!-~]{6,32}+(?:[ \t]*+(?:です|でした|。|、|$)))")
# Labels of keys and tokens; their value must look random (long, letters and digits).
_KEY_LABEL = (
    r"(?:APIキー|API\s?key|アクセスキー|シークレットキー|シークレット|アクセストークン|トークン|"
    r"(?<![A-Za-z])(?:secret|token|client_secret|api_key|apikey)(?![A-Za-z])|"
    # Settings as written in a .env file or a CI variable (「AWS_SECRET_ACCESS_KEY=…」).
    r"(?<![A-Za-z0-9])[A-Za-z0-9]*_?(?:secret_access_key|secret_key|api_secret|app_secret|access_token|"
    r"refresh_token|auth_token|private_key)(?![A-Za-z0-9])|"
    # Azure connection strings (「…;AccountKey=…;…」「SharedAccessKey=…」).
    r"(?<![A-Za-z0-9])(?:AccountKey|SharedAccessKey)(?![A-Za-z0-9])|"
    # A URL's query parameter that carries a key (「…/portal?key=…」「&auth=…」「&sig=…」「?accessToken=…」)
    # or a session (「;jsessionid=…」, whoever has it is logged in): too common a word in prose to be a
    # label anywhere else.
    r"(?<=[?&;])(?:key|auth|authkey|auth_key|access_key|accesskey|x-api-key|api-key|sig|"
    r"(?:access|auth|refresh|id)token|j?sessionid|phpsessid|session_id|sid|"
    # An OAuth authorization code, on the address a login redirected to (「…/callback?code=4/0Aean…
    # &state=…」): exchanged for a token by whoever has it first. Only on such an address (_oauth_url).
    r"(?P<oauth_code>code))(?==))"
)
# The value of a query parameter ends where the next parameter or the fragment begins.
_QUERY_VALUE_END = re.compile(r"[&#]")
# A 「sig=」 on the address of an image or a video is an image CDN's signature of the resizing it
# asks for, published with every picture on a page: not a key to anything private.
_MEDIA_PATH = re.compile(r"(?i)\.(?:jpe?g|png|gif|webp|avif|svg|bmp|heic|mp4|mov|webm|m4v)$")
_QUERY_REACH = 2000
# Labels of one-time codes (2段階認証, SMS): 「認証コード：482913」 is what lets someone else into the
# account for a few minutes, pasted by mistake with the draft. 「確認番号」 is left out: event
# lotteries publish theirs.
_CODE_LABEL = (
    r"(?:認証の?コード|認証番号|確認コード|セキュリティコード|ログインコード|verification\s?code|"
    # The same codes named by their use (「確認用コード」「認証用のコード」「2FAコード」) or by how they came
    # (「SMSで届いたコード」「届いた6桁のコード」): a code sent to one's phone.
    r"(?:認証|確認|ログイン|サインイン)用の?コード|(?<![A-Za-z])(?:2fa|mfa)[ \t]?コード|"
    r"届いた(?:[0-9]桁の)?(?:認証)?コード|"
    # A one-time password is such a code, whatever the screen calls it (「ワンタイムパスワード 482913」
    # would otherwise ask for letters as a password does after a space).
    r"ワンタイム(?:パスワード|パスコード|コード)|"
    r"(?<![A-Za-z])(?:OTP|one[- ]?time\s?(?:password|passcode|code)|(?:2fa|mfa)\s?code)(?![A-Za-z])|"
    r"(?<![A-Za-z])(?:CVV2?|CVC2?|security\s?code)(?![A-Za-z]))"
)
_PASSWORD_WORD = re.compile(r"(?i)パスワード|password")
# A card's security code (セキュリティコード, CVV, CVC) is 3 or 4 digits: with the card number it pays.
_CARD_CODE_LABEL = re.compile(r"(?i)セキュリティコード|cvv2?|cvc2?|security\s?code")
# Backup (recovery) codes of 2段階認証 do not expire: each one lets someone in once, as long as it
# has not been used. Services show them in groups (「1234 5678」「1234-5678」「abcd-efgh-ijkl」),
# often several in a row.
_BACKUP_LABEL = (
    r"(?:バックアップコード|リカバリー?コード|復旧コード|予備コード|"
    r"(?<![A-Za-z])(?:backup|recovery)\s?codes?(?![A-Za-z]))"
)
# The rest of a value written in groups: more groups of 3–8 letters or digits after a space or a
# hyphen (「1234 5678」「2345-6789 3456-7890」), on the same line.
# Both are bounded (services show a few dozen codes at most): read to the end of a run of words, they
# made a label repeated in prose quadratic (「backup code abcd 」 repeated: 5 s at 40,000 characters).
_MORE_GROUPS = re.compile(r"(?:(?:[ \t]++|[ \t]*+[,、/][ \t]*+|-)[A-Za-z0-9]{3,8}(?![A-Za-z0-9])){1,24}+")
# Further backup codes listed one per line below the first (「1234 5678⏎2345 6789」).
_MORE_LINES = re.compile(
    r"(?:[ \t]*+\n[ \t]*+[A-Za-z0-9]{3,8}(?:(?:[ \t]++|-)[A-Za-z0-9]{3,8}){0,15}+(?=[ \t]*+(?:\n|$))){1,40}+"
)
_GROUP_SEPARATORS = re.compile(r"[\s,、/-]+")
# An app password as Google shows it: four groups of four lower-case letters. Only after a
# password label with a real separator, or after 「アプリパスワード」 itself.
_APP_PASSWORD = re.compile(r"[a-z]{4}(?: [a-z]{4}){3}(?![A-Za-z0-9])")
# An optional qualifier between label and value: 「パスワード（職員用）：…」.
# A longer note in round brackets (「パスワード（2026/11/30 17:00 変更）：…」) and a note in square, lenticular or
# other brackets (「パスワード【旧】Kx7pq2」「パスワード[旧]： …」「暗証番号〔仮〕 → …」) say the same, as the leak
# report's masking reads them: not read as the label's, the password after them was published. Only before a
# separator or, for square and lenticular ones, a space and the value: 「PW[Kx7pq2]」 is the value in brackets, and
# in quotes only before a separator (「パスワード「旧」：…」), as 「パスワード「yuki2025」でログイン」 quotes the value.
_QUALIFIER_SEPARATOR = r"[ \t]*+(?::|=|→|->|=>|⇒)"
_QUALIFIER = (
    # A space before a note in round brackets that a separator closes (「PIN (key box): 4821」「パスワード (職員用)：Kessai2026!」):
    # read as no qualifier, the label stood apart from its value and the password went out unflagged.
    rf"(?:(?:[ \t]++(?=\([^()\n]{{1,32}}+\){_QUALIFIER_SEPARATOR}))?+\((?P<qualifier>[^)\n]{{0,12}})\)"
    rf"|(?:[ \t]++(?=\([^()\n]{{1,32}}+\){_QUALIFIER_SEPARATOR}))?+\((?P<long_qualifier>[^()\n]{{13,32}}+)\)(?={_QUALIFIER_SEPARATOR}|[ \t]*+は)"
    r"|[\[【〔《〈](?P<bracket_qualifier>[^\[\]【】〔〕《》〈〉\n]{1,32}+)[\]】〕》〉]"
    rf"(?={_QUALIFIER_SEPARATOR}|[ \t]*+(?:[!-~]|は|、))"
    rf"|[「『](?P<quote_qualifier>[^「」『』\n]{{1,16}}+)[」』](?={_QUALIFIER_SEPARATOR})"
    # What an English label is of, before 「is」 or a colon (「The password for the staff Wi-Fi is Kx7pq29z.」
    # 「PIN for the key box: 4821」), as 「キーボックスの暗証番号」 says it first in Japanese: a few words, and the
    # value after it is tested as after 「The password is」. Without it the label stood apart from its value.
    # Before a colon the words need no article (「Password for guest Wi-Fi: Welcome2026」「PIN for key box: 4821」), as a
    # notice's field is written; before 「is」 they do, so that 「the password for login is required」 stays a sentence.
    # A possessive among them (「the password for the city's X account is …」) is a word of the qualifier too.
    r"|[ \t]++(?:for|of)[ \t]++(?P<english_qualifier>(?:(?P<article>the|our|this|your|each)[ \t]++)?[A-Za-z0-9'’-]++"
    r"(?:[ \t]++(?!(?:is|was)[ \t])[A-Za-z0-9'’-]++){0,2}+)"
    r"(?=[ \t]++(?:is|was)[ \t]|[ \t]*+:))?"
)
# A qualifier that calls the value an example (「パスワード（例）：abc123XYZ!」「パスワード（記入例）：…」), as
# 「パスワード例：…」 does: a registration guide's sample, not a password in use. 「条例」 is no example.
# Nor 例外, 例年, 例会, 例月, 例規 (an exception, a usual year, a regular meeting, a rule book): 「パスワード（例外）：…」 is in use.
_EXAMPLE_QUALIFIER = re.compile(r"(?i)(?<!条)例(?![外年会月規])|サンプル|見本|sample|example")


def _example_qualified(m: re.Match[str]) -> bool:
    return any(
        (note := m[group]) is not None and _EXAMPLE_QUALIFIER.search(note) is not None
        for group in ("qualifier", "long_qualifier", "bracket_qualifier", "quote_qualifier")
    )
# Slack's emphasis closed after the label's colon (「*PW:* Kessai2026」「_パスワード：_ Kessai2026」) or before
# it (「_パスワード_：Kessai2026」「*PW*: …」): the mark is the label's, not the value's. Read as the value's
# first letter, the mark went under the mask and the finding's excerpt read 「PW:＊＊＊＊」.
_MARK_CLOSED = r"(?:[*_~`]{1,2}+(?=[ \t]))?+"
_MARK_SEPARATOR = r"[ \t]*+(?::|=|→)"
_MARK_BEFORE_SEPARATOR = rf"(?:[*_~`]{{1,2}}+(?={_MARK_SEPARATOR}))?+"
# The same for _LABELLED, where the emphasis may also close before 「は」「って」「、」 or a space (「*PW*は 8BXE6」
# 「*password* is kx7pq2」「*「パスワード」* kx7pq2」): then only where it was opened before the label (_label_marked),
# so that a mark of its own after a word (「PW* 2」) is no emphasis.
_LABEL_MARK = rf"(?:(?P<label_mark>[*_~`]{{1,2}}+)(?={_MARK_SEPARATOR}|[ \t]*+(?:は|って|とは|、)|[ \t]))?+"
_MARK_SEPARATOR_AFTER = re.compile(_MARK_SEPARATOR)
# 「パスワードの値は Kessai2026! です」: the value named as the password's value.
_VALUE_OF = r"(?:の値)?"
# What a notice of a new password says between the label and the arrow or colon (「パスワード変更
# しました→…」「パスワード更新後：…」「パスワード設定：…」): only before an explicit separator or the
# end of the line.
_CHANGED = r"(?P<changed>を?(?:(?:変更|更新|再設定|設定|リセット)(?:しました|します|後|済み|済)?|変え(?:ました|た)よ?))?"
# Explicit separators (は : = → and full-width forms, already NFKC); the value alone on the next
# line, as in a form (「パスワード」 / 「【パスワード】」 / 「パスワード：」, then the value); English
# prose (「the password is …」「PIN was changed to …」, the longer phrases first: a match is not
# tried again with another); or loose ones (a space, を, が, or nothing: Japanese puts no space
# between a word and the Latin or digits after it, 「暗証番号4821」「パスワードKessai2026」, and the
# loose tests of the value still apply). Every run of spaces is possessive
# (「*+」「++」): next to another run, or to an optional mark between two runs, a plain one made the
# search cubic on a label followed by thousands of spaces (「PIN is」 and 3,000 tabs took 100 s).
# Arrows and pointers of every style (「PW≫…」「パスワード☞…」「➔」「⇨」), and a doubled colon (「PW:: …」).
# The arrows proper, also read after a separator (_DELETED_OLD):
_ARROW = r"=>|->|→|⇒|>|➡\ufe0f?|[➔➜➝⇨⇢⟶]"
# A notice of a change with its old value deleted before it was pasted (「パスワード： → Xyz!7890a」
# 「パスワード：(旧) → …」「PW変更：→ …」「パスワード(旧)→(新) …」): the separator and the arrow are one,
# and read apart, the arrow was taken for the value and the new password passed. Possessive: the words
# of the notes are read once.
_DELETED_OLD = rf"(?:[ \t]*+(?:\((?:旧|現|前|変更前)[^()\n]{{0,4}}+\)|旧|変更前)?+[ \t]*+(?:{_ARROW}))?+"
# Which of the values follows (「パスワード：(旧)Kessai#2026」「→(新) Xyz!7890a」「：新 Xyz!7890a」): a note, not the value.
_WHICH_VALUE = r"(?:[ \t]*+(?:\((?:新|旧|現|変更後|変更前)[^()\n]{0,4}+\)|(?:新|変更後)(?=[ \t:]))[ \t]*+:?)?+"
# The value's length said between the separator and the value (「PIN は 4 桁の 0427 です」「暗証番号は4桁の0427です」
# 「暗証番号は4桁で 0427 です」「PINは4桁、0427です」):
# read as the value, 「4」 was a rule's count (「4桁」) and the PIN after it went out unflagged. Only a count of digits
# followed by 「の」「で」「、」 and the value itself: 「暗証番号は4桁の数字です」 has no value after it, and the value must be as long
# as said (checked in _labelled), so that a count of something else stays prose.
_LENGTH_NOTE = r"(?:(?P<length_note>[0-9]{1,2}+)[ \t]*+(?:桁|ケタ|けた)(?:の|で|[、,])[ \t]*+)?+"
# A wave dash as a Mac's input method types 「～」 (「パスワード〜kouhou2026」; NFKC leaves it, and Windows' 「～」 was read as
# the value's 「~」), but not one a second closes on the line, a title's (「パスワード〜2026春〜」); 「・」 before a value
# ending its sentence (「パスワード・kouhou2026」), not in a list of terms (「パスワード・PIN2の管理」); 「.」 after the short
# English labels (「pw. kouhou2026」), not after a sentence's (「Change your password. 2026 policy」), and after a Japanese
# label (「パスワード. kouhou2026」), whose sentence a 「.」 never closes.
# A term listed before the label with 「・」 (「ID・パスワード・…」「項目：メール、パスワード・…」), no value of a field before it
# (「ID：koho01・パスワード・kouhou2026」 gives both): after a colon the term is a field's name or in Japanese.
_A_TERM_LISTED_BEFORE = re.compile(r"(?:^|(?<=[\s、,【「『(・])|(?P<colon>(?<=[:：])))(?P<item>[^\s:：=、,・]{1,12}+)[・、]\Z")


# The terms a list names beside 「パスワード」 (「Wi-Fi2」「PIN2」「VPN」「IE11」「Office365」): a connection's name with a
# version or a type at most, a product's, or a tool's that is no password by its shape. Not a value for being short:
# 「ID・パスワード・koho26」「ID・パスワード・Kessai1」 give passwords as 「ID・パスワード・kouhou2026」 does, and a tool's
# name with a number no version has (「Teams26」「Chrome99」) is one.
_A_CONNECTION_TERM = re.compile(
    r"(?i)(?:wi-?fi|bluetooth|usb|vpn|pin|sim|lan|wps|nfc|ssid)(?:-?[0-9][a-z]?|-[a-z])?"
)


def _a_listed_term(value: str) -> bool:
    return (
        bool(_A_CONNECTION_TERM.fullmatch(value)) or product_or_version_word(value)
        or (_a_tool(value) and not _password_like(value, loose=True))
    )


def _a_term_listed_before(norm: str, label: int) -> bool:
    t = _A_TERM_LISTED_BEFORE.search(norm, max(0, label - 16), label)
    return t is not None and (t["colon"] is None or t["item"].lower() in _FIELD_NAMES or not t["item"].isascii())


# What a handover says of the value before it (「パスワードはいつもの「kohoka」です」「パスワードは前と同じ joetsukoho です」
# 「PW：例の Kessai2026!」): that it is the one in use. Read as the value's first word, the password after it went out unflagged.
_SAME_AS_BEFORE = (
    r"(?P<same>(?:いつも|前回?|以前|今まで|これまで|従来|例|共通|おなじみ)(?:の|と同じ|とおなじ|どおり|通り)[ \t、,]*+)?+"
)


def _separator_of(m: re.Match[str]) -> str:
    """The explicit separator a label's value follows, without its spaces and commas nor the words that say the value is the
    one in use (_SAME_AS_BEFORE): 「は」 in 「パスワードはいつもの kohoka です」."""
    if m["explicit"] is None:
        return ""
    if m["same"]:
        return (m.string[m.start("explicit") : m.start("same")] + m.string[m.end("same") : m.end("explicit")]).strip(" \t、,")
    return m["explicit"].strip(" \t、,")
_EXPLICIT = (
    rf"[ \t]*+(?:は|::?|{_ARROW}|=|】|\]|👉|▶\ufe0f?|►|[≫》»☞]|〜(?![^\n〜~]*+[〜~])|・(?=[ \t]*+[!-~]++[ \t]*+(?:です|。|、|\n|$))|(?:(?<=[Pp][Ww])|(?<=[Pp][Ww][Dd])|(?<=[Pp][Ii][Nn])|(?<=[ァ-ヺー\u3400-\u9fff]))\.(?=[ \t]))"
    rf"{_DELETED_OLD}{_WHICH_VALUE}{_MARK_CLOSED}[ \t、,]*+{_SAME_AS_BEFORE}{_LENGTH_NOTE}"
)
# 「is still」: a handover's (「PW is still Kessai2026!」).
_ENGLISH = r"[ \t]++(?:is now|is still|is set to|(?:has been |was |is )?changed to|is|was)(?:[ \t]*+:[ \t]++|[ \t]++)"
# A sentence that announces the value on the next line (「パスワードは以下のとおりです。⏎Kessai2026」), or
# after its 「。」 or a space on the same line, the value then ending the line (「…次のとおりです。Kessai2026」
# 「パスワードは下記のとおり Kessai2026!」); a
# short clause may come between (「パスワードは、先日お知らせしたとおり、次のとおりです。」). Bounded, so
# that every 「は」 after a label is read a few dozen characters at most.
_ANNOUNCED_HEAD = (
    r"は[ \t、,]*+(?:[^。.!?\n]{1,24}?[、,][ \t]*+)?(?:以下|下記|次)(?:の(?:とおり|通り))?"
    r"(?:です|になります|となります|でございます)?"
)
_ANNOUNCED = _ANNOUNCED_HEAD + r"[。.:]?"
# A version or a model a label's heading is noted with (「パスワード⏎（Ver2.0）」「パスワード⏎(iPhone15)」「…(iOS17.2)」
# 「…(Windows10/11)」): a version of at most two digits before its dot, a product's model number of at most three,
# so that 「(Ver2026)」「(iPhone2026)」「(Office2026)」 stay words with a year, as passwords are made.
_NOTE_WORD = (
    r"(?i:(?:v|ver|rev|version)\.?[ \t]?[0-9]{1,2}(?:\.[0-9]{1,3}){0,3}"
    r"|(?:microsoft|office|m365|windows|iphone|ipad|ios|android|pixel|galaxy|xperia|aquos|arrows|surface|kindle|ipod"
    r"|macbook|imac|thinkpad|dynabook|chromebook|zenfone|macos|ipados|watchos|win)"
    r"[ \t]?[a-z]?[0-9]{1,3}(?:\.[0-9]{1,2}){0,2}[a-z]?(?:[ \t]?(?:pro|max|plus|mini|air|home|business|ultra|se)){0,2}"
    r"(?:/[0-9]{1,3}){0,3}|m365)"
)
# A line of its own between a label and its value that only notes something of it (「パスワード⏎（変更済み）⏎Kessai2027」
# 「パスワード⏎（全角英数字）⏎…」「パスワード⏎(iPhone15)⏎…」「PW：⏎※半角⏎…」): the value is on the line after it.
# Read as the value, the note was no password and the password under it went out unflagged. Only brackets that hold
# Japanese, a version or a model, or a word of letters: 「(Kessai2026!)」 on that line is the value itself.
_NOTE_LINE = (
    r"(?:[(\[【](?:[^\n()\[\]【】]{0,24}+(?<=[^\x00-\x7f])[^\n()\[\]【】]{0,24}+|" + _NOTE_WORD + r"|[A-Za-z]{1,20}+)"
    r"[)\]】]|※[^\n]{1,40}+)[ \t]*+\n[ \t]*+"
)
# The mark of the first item of a list under a label ending its line (「パスワード⏎・Kessai2026⏎・Joetsu2027」
# 「PW：⏎- kx7pq2zz」「パスワード⏎1. kx7pq2zz」): read as no value, the list went out unflagged.
_ITEM_MARK = r"(?:[・•●○◦■□▪◆◇]|[-*+][ \t]|[0-9]{1,2}[.)][ \t]?|[①-⑳]|→|⇒|->|=>)[ \t]*+"
# The old and the new value listed under one label (「パスワード⏎旧：Xjoetsu2025⏎新：Xjoetsu2026」「…⏎・新 Xjoetsu2026」):
# 旧・新・現 label each line's value, and read as the value, the line went out unflagged.
_OLD_OR_NEW_ITEM = r"[旧新現](?:パスワード)?(?:[ \t]*+[:=][ \t]*+|[ \t]++)"
# A period after a Japanese label, the value on the next line (「パスワード．⏎kouhou2026」, typed as a form's colon): read
# as no separator, the password under it went out. Only after kana or kanji, as 「.」 is a separator on the label's line,
# or after the short labels 「. 」 announces a value after too (「PW.⏎kouhou2026」「ＰＷ．⏎…」); a Japanese label's may be
# the full stop 「。」 (「パスワード。⏎kouhou2026」), a memo's label closed as a sentence.
# What makes the words before a label closed by 「。」 a sentence it ends (「テーマはパスワード。」「忘れやすいのがパスワード。」),
# or a slogan: a verb's or an adjective's ending right before the word or a space before it, or a person's 「の」
# (「見直そう パスワード。」「大事なパスワード。」「あなたのパスワード。」). A memo's label has none (「Wi-Fiのパスワード。」
# 「ルーターの管理画面パスワード。」): the slogan's next line was masked as the password (「…⏎StaySafe2026」).
_A_SENTENCE_BEFORE = re.compile(
    r"[はがをもでに、,。!?！？]|(?:(?!の)[ぁ-ゖ]|(?:あなた|みんな|わたし|私|自分|君|僕|ぼく)(?:たち|達)?の)[ \t\u3000]*+$"
)
# A course's number, on the label's line or alone on the line above it (「第2回：パスワード。」「第3回⏎パスワード。」).
_EPISODE = r"第[ \t]*+[0-9一二三四五六七八九十]{1,3}+[ \t]*+[回講章話部]|(?i:vol|lesson|part|step|no|episode|ep|chapter)\.?[ \t]*+[0-9]{1,3}+"
# What makes a label closed by 「。」 or 「.」 the end of a title or of an English sentence: a title's field (「テーマ：パスワード。」
# 「演題：パスワード。」), a course's number (「第3回 パスワード。」「Lesson 2 パスワード。」「Vol.5 PW.」), or the word a sentence
# says the password with (「Never share your PW.」「Protect the password.」). The line under it is the course's or the
# slogan's (「⏎Lesson3」「⏎Windows11」「⏎StaySafe2026」), and was masked as the password.
_A_TITLE_OR_AN_ENGLISH_SENTENCE_BEFORE = re.compile(
    r"(?:(?:テーマ|題|題名|演題|タイトル|講座名?|内容|議題|件名|(?i:theme|topic|title|subject))[ \t]*+:"
    rf"|(?:{_EPISODE})[ \t]*+:?(?:[ \t]*+\n)?"
    r"|[0-9]{1,2}+[.)]|(?i:(?<![A-Za-z])(?:your|my|our|the|a|this|that|their|his|her|its|strong|secure|new|good|bad)))[ \t]*+$"
)


def _shaped_as_a_password(value: str, *, digits: bool = True) -> bool:
    """Letters, digits and a symbol no name is marked with (「Kessai2026!」「koho#2026」), or a PIN's digits that are no
    year (「4821」): what no course's line or slogan under a title is (「Lesson3」「Windows11」「StaySafe2026」「2026」).
    Under a numbered heading (「【ICT講座】第3回⏎パスワード。⏎Kessai2026!」) it is the password all the same. ``digits``:
    whether a PIN's digits count."""
    value = value.rstrip(_TRAILING)
    if value.isdigit():
        return digits and 4 <= len(value) <= 8 and not _YEAR.fullmatch(value)
    return (
        _has_digit(value) and any(c.isalpha() for c in value)
        and any(not c.isalnum() and c not in "._-()" for c in value)
    )


_LABELS_PERIOD = r"(?:(?<=[Pp][Ww])|(?<=[Pp][Ww][Dd])|(?<=[Pp][Ii][Nn])|(?<=[ァ-ヺー\u3400-\u9fff]))\.|(?<=[ァ-ヺー\u3400-\u9fff])。"
_SEPARATOR = (
    rf"(?:(?P<explicit>{_EXPLICIT})|"
    # The value may also be quoted straight after the sentence (「パスワードは下記のとおり「Kessai2026!」です」).
    rf"(?P<line>[ \t]*+(?:(?:[:】\]]|{_ANNOUNCED}|は|{_LABELS_PERIOD})?[ \t]*+(?:\n[ \t]*+){{1,2}}(?:{_NOTE_LINE})?(?:{_ITEM_MARK})?(?:{_OLD_OR_NEW_ITEM})?|"
    rf"{_ANNOUNCED_HEAD}(?:[。:][ \t]*+|[ \t]++|(?=[「『\"“]))))|"
    rf"(?P<english>{_ENGLISH})|"
    # A short clause between 「は」 and the value (「パスワードは全員共通で Kessai2026! です」「PWは引き続き
    # 「Kessai2026!」です」): only when the value then ends the sentence with its copula (_ENDS_ANNOUNCED),
    # and it must look like a password written loose. Possessive and bounded: a 「は」 reads 16 characters.
    r"(?P<clause>[ \t]*+は[ \t、,]*+[^!-~\s。.!?「」『』\"“”]{1,16}+(?:[ \t]++|(?=[「『\"“])|(?<=[で、,]))"
    # A sentence about the password that then gives it after an arrow or a colon (「パスワードは別メールで送ります
    # → Joetsu0514」「パスワード教えます→ kouhou2026」「PW 忘れた人へ:Koho2026! です」「パスワードをお伝えします。→ …」, the
    # 「。」 closing it right before the arrow), or after 新しいのは past its
    # 「!」, 「。」 or line's end (「パスワード変わりました!新しいのは staffwifi2026 です」「パスワード変えました。⏎新しいのは
    # …」, the verb maybe read as the label's _CHANGED): the same tests as the clause above, and no
    # word of an example or a warning in it (_SAID_CLAUSE_NOT_IN_USE: 「パスワードの悪い例→ abc12345」).
    # Never over another label (「WPA2-PSK の事前共有キー:…」「シークレットアクセスキー:…」), which is that value's own.
    rf"|(?P<said>[ \t]*+(?:(?!キー|コード|番号|パス|トークン|暗証|ID)[^!-~\s。.!?「」『』\"“”→⇒]){{1,20}}+。?[ \t]*+(?:→|⇒|->|:)[ \t]*+"
    r"|(?:(?!キー|コード|番号|パス|トークン|暗証|ID)[^!-~\s。「」『』\"“”]){0,20}+(?:[!?。][ \t]*+\n?|[ \t]*+\n)[ \t]*+"
    r"(?:新しい|変更後の?|今度の?)の?(?:は|が)(?:[ \t]++|(?=[「『\"“]))))|"
    # A dash or an ellipsis (「…」 is 「...」 in this view) between spaces (「パスワード - Kessai2026」)
    # separates no more surely than a space does: loose too.
    # The field or the setting the value is put in (「パスワード欄に Kessai2026! と入力」「パスワードには … を
    # 設定」「パスワードも … です」): loose too, the value asked for letters and digits.
    # What the value is set as or to (「パスワードとして Kessai2026 を設定」「初期パスワードに tanaka1234 を使って
    # ください」): loose too.
    # After a comma, a handover's word that the value is the one in use (「Instagramのパスワード、いつもの「Sakura2026!」です」).
    r"(?P<loose>[ \t]*+(?:を|が|、(?:[ \t]*+(?:いつも|前回?|以前|今まで|これまで|従来)(?:の|と同じ|とおなじ|どおり|通り)[ \t、,]*+)?+|欄に|欄へ|には|にも|に|として|も|って|とは)[ \t]*+|[ \t]++(?:[-–—]|\.\.\.)[ \t]++|[ \t]*+))"
)
# What a PowerShell variable is assigned that is no password: a cmdlet (「Read-Host」「Get-Content」
# 「ConvertTo-SecureString」), another variable, a subexpression, a cast or an array.
_PS_EXPRESSION = re.compile(r"[$(\[@]|[A-Za-z]++-[A-Za-z]++(?![!-~])")
# The rest of a quoted value that holds spaces, up to its closing quote on the same line: a few words.
_QUOTED_REST = re.compile(r"(?:[ \t][!#-&(-~]++){1,6}+(?=[\"'」』”’])")
# A word of a quoted phrase that only a password has: letters and digits mixed (「Pass2026 word」) or a
# mark no product's or heading's name is written with (「Kessai 2026!」). 「Office 365」「Windows 11 Pro」
# 「ID 2」「see step 2」 are a product, an account or a step that a guide names in quotes. A year or a
# longer number of its own (「Kessai 2026」「spring 2026 city」) is a passphrase's, as dd5a4b6 caught.
_SPACED_PASSWORD_WORD = re.compile(r"(?i)[a-z][0-9]|[0-9][a-z]|[!#$%&*=?@^~|]|(?<![0-9.])[0-9]{4}")
# Lenticular, tortoise-shell and double angle brackets hold a value as quotes do (「パスワードは【kouhou2026】です」
# 「パスワード→《kouhou2026》」): after は or an arrow, read as no quote, the password went out as typed. Only after a
# separator: glued to the label they are a title's note (「パスワード【ver2.0】の管理ガイド」).
_OPEN_QUOTE = r"(?P<quote>[「『\"'“‘]|(?:(?<=[はが:=→⇒>])|(?<=[はが:=→⇒>][ \t]))[【〔《〈])?[ \t]*+"
_VALUE = r"(?P<value>[!-~]+)"
# A router's sticker, and notices copied from it, name the Wi-Fi key 「KEY」 or 「キー」 alone, next to
# the network's SSID (「SSID: …⏎KEY: …」): only there is the bare word a password's label.
_BARE_KEY_LABEL = r"(?<![ァ-ヺーA-Za-z?&])(?:キー|key)(?![ァ-ヺーA-Za-z])"
# A label numbered before its colon, an equals sign or an arrow (「PW2: Kx7pq2zz」「PIN1: 4821」「パスワード2：…」, one
# of several accounts or devices listed): the number is the label's. Read as the value's first letter, 「2:」 was no
# password and the password after it was published. Only there: 「PW1234」 alone is the value, 「PIN 2」 a count.
# Glued to the label it may also come before 「は」 (「パスワード2は Kx7pq2zz」), and a space apart before a colon
# (「PIN 2: 4821」), but not as the hour of a time (「パスワード 10:30 に変更」).
# Or glued to the label at its line's end, the value on the next line (「パスワード２⏎ab12cd」, a form's second account):
# read as the value, 「2」 was no password and the one under it was published.
# The value's length said between the label and its colon or arrow (「暗証番号 4 桁：0427」「暗証番号4ケタ→0427」), as
# it is in brackets (「PIN（4桁）：0427」, a _QUALIFIER): read as no label, the PIN after it was published. Only before
# a colon, an equals sign or an arrow: 「暗証番号4桁の数字」 and 「暗証番号 4桁 で設定」 are the rule, not the PIN.
_LABELS_LENGTH = rf"[ \t]*+[0-9]{{1,2}}+[ \t]*+(?:桁|ケタ|けた)(?=[ \t]*+(?::|=|{_ARROW}))"
# The range every PIN of a length is chosen from (「暗証番号：0000～9999 の範囲で」, 「～」 is 「~」 in this view).
_EVERY_PIN = re.compile(r"0{3,8}+[~-]9{3,8}+")
# A number after that range in its sentence (「暗証番号：0000～9999 から 4821 に変更」「…※今回は 4821」) is the PIN chosen
# from it: the range silent, it was published. Three digits at least, so that 「（4桁）」 stays the range's note.
_NUMBER_LATER_IN_THE_SENTENCE = re.compile(r"[^。\n]*?[0-9](?:[ \t]?+[0-9]){2}")
_LABELS_NUMBER = (
    rf"(?:[0-9]{{1,2}}+(?=[ \t]*+(?::|=|{_ARROW})|[ \t]*+は|[ \t]*+\n)"
    rf"|[ \t][0-9]{{1,2}}+(?=[ \t]*+(?::(?![0-5][0-9](?![0-9]))|=|{_ARROW}))"
    rf"|{_LABELS_LENGTH})?+"
)
# The label may be quoted, as a screen's field is named (「「パスワード」は Kessai2026! です」「『PW』は…」
# 「"パスワード"：…」): its closing quote comes before the separator.
_LABELLED = re.compile(
    rf"(?i)(?:(?P<label>(?P<backup>{_BACKUP_LABEL})|(?P<app>アプリ用?パスワード|app\s?password)|{_PASSWORD_LABEL}|"
    rf"(?P<bare_key>{_BARE_KEY_LABEL})|"
    rf"(?P<key>{_KEY_LABEL})|(?P<code>{_CODE_LABEL})){_LABELS_NUMBER}(?P<label_close>[\"'」』”’])?{_LABEL_MARK}{_QUALIFIER}{_VALUE_OF}"
    rf"{_CHANGED}{_SEPARATOR}"
    rf"|(?P<short>{_SHORT_LABEL})(?:{_SHORT_SEPARATOR})){_OPEN_QUOTE}{_VALUE}"
)
# Strings one of the password labels holds (checked before the patterns run).
_PASSWORD_PROBES = (
    *("パ", "暗", "pass", "pw", "p/w", "pin", "psk", "ぱすわーど", "p@ss", "錠", "金庫", "キーボックス"),
    *("ピーダブ", "ぴーだぶ", "pasuwa", "解除", "ホスト", "host", "ダイヤル", "ロック", "テンキー", "入館"),
    *("密", "비", "senha", "contrase", "khẩu", "khau", "पास"),
)
_LABEL_PROBES = (
    *_PASSWORD_PROBES, "コード",
    *("キー", "key", "secret", "シークレット", "トークン", "token", "auth", "sig=", "sid=", "session"),
    *("認証番号", "code", "cvv", "cvc", "otp", "time"),  # the other code labels end in コード, probed above
)
_YEAR = re.compile(r"(?:19[5-9]|20[0-4])[0-9]")
# A name in Latin letters right before 「PIN 2026」 makes it a brand's or a series' (「ANA PIN 2026」):
# without one, or after what holds a PIN (「SIM PIN 1985」), a year is a PIN as often as any number
# (a birth year is the commonest PIN of all).
_NAME_BEFORE_PIN = re.compile(r"(?<![A-Za-z0-9])(?P<name>[A-Z][A-Za-z0-9&]{1,15}+)[ \t]++$")
_HOLDS_A_PIN = frozenset(("SIM", "ATM", "ID", "PC", "IC", "USB", "WPS", "BIOS", "CARD", "MY", "NEW", "YOUR", "THE"))
# Short English labels are ordinary words too (「day pass 1000yen」): they need a real separator.
_SHORT_ENGLISH_LABEL = re.compile(r"(?i)pass|pwd|pw|p/w|pin|psk")
# Labels whose value is a number by nature: after them a number is the value even after a mere
# space, を or が (「暗証番号 4821」「暗証番号を4821に変更」), where a password needs letters too.
_NUMERIC_LABEL = re.compile(
    # 「PIN」 alone in capitals only (「PIN 4821」): 「Enamel pin (2026)」 is a badge and its year.
    # 「passcode」 is what Zoom's English invitation calls the meeting's number (「Passcode 482913」).
    r"(?i)暗証(?:番号)?|パスコード|passcode|PIN\s?(?:コード|番号|number|code)|(?-i:PIN)|[解開]錠(?:番号|コード)"
    r"|(?:金庫|ダイヤル錠|南京錠|キーボックス|ダイヤルロック)の?(?:番号|ナンバー)"
    rf"|{_PIN_ONLY}"
)
# What follows a value that is only an example or a rule: 「1234 のような」「8 文字以上」「123456 や」.
_EXAMPLE_AFTER = re.compile(
    r"[ \t]*+(?:のような|のように|などの?|といった|みたいな|とか|や[ \t、]|や$|って|以外|以上|以下|未満|文字|桁|"
    r"年|月|日|時|分|秒|円|回|件|人|個|台|号|世帯|戸|階|種類|ヶ月|か月|カ月|歳|%)"
)
# A value someone is said to have given (「暗証番号は4821って言ってた」「PINは0429って聞きました」): the code itself,
# passed on second-hand, where a bare 「って」 makes an example or a topic (「1234って番号は危険」「4821って何の番号？」).
# Only a report of what was said, in the past: 「1234って言われたら詐欺です」 imagines it, 「1234って言ってる人が多い」
# counts a habit.
_REPORTED_AFTER = re.compile(
    r"[ \t]*+って[ \t]*+(?:(?:言|い|云)(?:って(?:た|いた|ました|いました)|われ(?:た(?!ら)|ました))"
    r"|(?:聞|き)(?:いた(?!ら)|きました)|教わ(?:った|りました)|教えて(?:くれ|もら)(?:た|いました|った|ました)"
    r"|書いて(?:あった|ありました|た|いました)|連絡(?:が(?:あ|き)|を受け))(?![人方])"
)
# What follows a quote of a label with its value that gives it as an example (「「PIN 2026」のような」).
_QUOTED_EXAMPLE_AFTER = re.compile(r"[ \t]*+(?:のような|のように|などの?|といった|みたいな)")
# A room or a count of flats after a door's number (「オートロック 1205号室まで」「オートロック 8025世帯」).
# A PIN's own label right before the number says what it is when a bare 「号」 or 「階」 follows it
# (「暗証番号 4821 号」「PIN 4821号」, a number a draft cut or typed on): only after a lock's name is it a
# room. A room or a count spelt out stays one after the label too: notices are mailed to households
# (「暗証番号は8025世帯に郵送しました」「PINコードは1200戸に配布済みです」) and kept in a room
# (「暗証番号は1205号室のキーボックスに」).
# How many PINs a length allows (「暗証番号4桁：10000通り」「暗証番号は 10000 パターン」), said in posts about choosing one:
# a power of ten only, so that a PIN before 「通り抜け」 or a street's name stays one.
_POWER_OF_TEN = re.compile(r"10{2,8}+")
_COMBINATIONS_AFTER = re.compile(r"[ \t]*+(?:通り|パターン|組(?:み合わせ)?)")
_ROOM_AFTER = re.compile(r"[ \t]*+(?:号(?![ \t]*+[室棟館車線])|階)")
_PIN_WORD = re.compile(r"(?i)暗証(?:番号)?|パスコード|PIN(?:\s?(?:コード|番号|number|code))?")
# More quoted words listed after the first (「sakura」「tanaka」など「monkey」、「dragon」のような): the
# list is one example, and only what follows its last item says so. A list of examples is short: an
# unbounded walk went, from every label in a run of quoted words (「"パスワード" "x"」 repeated), to
# the run's end, quadratic in the draft.
_MORE_QUOTED = re.compile(r"(?:[ \t]*+[、,・/]?[ \t]*+[「『\"“][^「」『』\"“”\n]{1,32}[」』\"”]){0,12}+")


def _past_more_quoted(norm: str, pos: int) -> int:
    """Where a list of further quoted examples starting at ``pos`` ends (``pos`` itself when none)."""
    m = _MORE_QUOTED.match(norm, pos)
    return m.end() if m else pos
# Famous weak passwords are quoted in awareness posts far more often than they are leaked.
_FAMOUS_EXAMPLES = frozenset(
    {
        *("123456", "1234567", "12345678", "123456789", "1234567890", "1234", "12345", "0000"),
        *("000000", "111111", "password", "passw0rd", "password1", "qwerty", "abc123", "abcd1234"),
        *("iloveyou", "admin", "letmein", "1qaz2wsx"),
        # The lists' favourites that awareness posts quote as what not to use.
        *("p@ssw0rd", "p@ssword", "zaq12wsx", "qwerty123", "qwerty1", "1q2w3e4r", "password123", "admin123"),
        *("4321", "1111", "9999", "123123", "654321", "aa123456", "a123456"),
    }
)
# A price or a quantity after 「pass:」 (「Free pass: 2,000yen」) is not a password.
_QUANTITY = re.compile(
    r"(?i)\d[\d,]*(?:\.\d+)?(?:yen|jpy|usd|円|days?|hours?|hrs?|h|mins?|km|kg|people|persons?|pax)?"
)
_TRAILING = ".,;:)]}\"'"
_OPENING = "([{"
# A value opening the line after its label in brackets that close on it (「(Kessai2026)」「[Kx7pq2zz]」).
_BRACKETED_ON_ITS_LINE = re.compile(r"\([^()]++\)|\[[^\[\]]++\]")
_NOTE_WORD_ALONE = re.compile(_NOTE_WORD)
# A version or a model alone in brackets under a label is the heading's note only when the next line tells how
# (「パスワード⏎(iPhone15)⏎の変更方法」「…⏎(Ver2.0)⏎⏎1. 設定画面を開きます」「…⏎・8文字以上」). Alone, before a closing
# (「以上です」), a remark (「※大文字に注意」), another field (「ID:koho01」) or a sentence the value begins
# (「⏎です」「⏎に変更しました」), it is the password: a phone's or a system's name (「Wi-Fiのパスワード⏎(Galaxy23)」
# 「パスワード⏎(Windows10)」) is a weak one staff really use, and a missed secret costs more than a false alarm.
_PROSE_AFTER_A_NOTE = re.compile(
    r"[ \t]*+\n(?:[ \t]*+\n)?[ \t]*+(?![^\n:=]{1,16}[:=])(?!で|に|へ|と|を|が|は)[^\n]{0,40}?"
    r"(?:方法|手順|やり方|設定|画面|場合|説明|解説|ガイド|マニュアル|について|開|押|選|タップ|クリック|(?<![大小])文字|桁|英数|記号|組み合わせ"
    r"|(?i:step))")
_LEADING = ";/|,"
_CLOSE_QUOTES = "」』\"'”’"
_CLOSE_QUOTE = re.compile(f"[{_CLOSE_QUOTES}]")
_OPEN_QUOTES = "「『\"'“‘"
_ENDS_LINE = re.compile(rf"[ \t.,;:。、)\]}}{_CLOSE_QUOTES}]*+(?:\n|$)")
# A value announced on the sentence's own line may end it with its copula (「パスワードは下記のとおり
# Kessai2026! です」「…「Kessai2026!」です。」): the sentence still ends with the value.
# A copula closed by its full stop ends the sentence though another follows on the line, as it does
# in a chat (「パスワードは全員共通で Kessai2026! です。初回ログイン後に変更してください。」).
_ENDS_ANNOUNCED = re.compile(
    rf"[ \t{_CLOSE_QUOTES}]*+(?:(?:です|でした|になります|となります|でございます)[ \t]*+[。.!?]"
    rf"|(?:です|でした|になります|となります|でございます)?[ \t.,;:。、)\]}}{_CLOSE_QUOTES}]*+(?:\n|$))"
)
_MASK_ONLY = frozenset("*xX#?-_.")
_IN_TABLE_ROW = re.compile(r"[\t|,]")


def _has_digit(s: str) -> bool:
    return any(c.isdigit() for c in s)


def _has_letter(s: str) -> bool:
    return any(c.isalpha() for c in s)


def _password_like(value: str, loose: bool) -> bool:
    if not 4 <= len(value) <= 128 or len(set(value)) == 1 or set(value) <= _MASK_ONLY:
        return False
    if value.lower() in _FAMOUS_EXAMPLES or re.match(r"(?i)https?://|www\.", value):
        return False
    if _QUANTITY.fullmatch(value) and not value.isdigit():
        return False
    if loose:  # after a space, を or が a word is more likely prose: ask for letters and digits
        return len(value) >= 6 and _has_digit(value) and _has_letter(value)
    if _has_digit(value):
        return True
    symbols = any(not c.isalnum() for c in value)
    cases = any(c.isupper() for c in value) and any(c.islower() for c in value)
    return len(value) >= 8 and (symbols or cases) and value.lower() not in ("password", "passcode")


# Devices, systems and suites whose name a notice writes with its version (「Windows11」「iOS17.2」).
_PRODUCT_NAMES = r"microsoft|office|m365|windows|iphone|ipad|ios|android"


# Standards, products and parts of a document named right after a label, with no separator or in
# brackets (「暗号キーAES256で保護」「WPAキーWPA2-PSK(AES)」「パスワードMicrosoft365の管理」
# 「パスワード【Ver2.0】」「パスワード【Vol.2】」): words of a notice, not values. The name must be
# followed by its number or mark, so that 「nozomi2025」 is no 「No.」. A date of the Japanese era
# in its short form (「パスワード（R8.1.4）変更のお願い」: 令和8年1月4日) is the notice's date too.
_TECHNICAL = re.compile(
    rf"(?i)(?:wpa[23]?|wep|aes|sha|tkip|psk|{_PRODUCT_NAMES}|"
    r"ver|vol|part|no|step|lv|level|q&a|top|pdf|sms)(?=[-.:0-9(]|$)[-.:0-9a-z()]*"
    r"|[rhs][0-9]{1,2}([./])(?:0?[1-9]|1[0-2])(?:\1(?:0?[1-9]|[12][0-9]|3[01]))?[~\-]?"
)


# The heading of the first of the steps that an announcement introduces (「パスワードは以下のとおりです。
# STEP1」「パスワード変更：STEP1 設定画面を開く」「No.1」): a word of a document's parts and one digit, or two
# after a mark (「Step.12」「No.12」). Words and numbers a password is made of are left out: 「Level10」
# 「Case01」「Day12」「Step12」 were let through as headings.
_HEADING = re.compile(
    r"(?i)(?:step|part|phase|chapter|section|no|q|vol|ver)(?:[.\-_ \t]?0?[1-9]|[.\-_ \t][0-9]{2})[.:)]?"
)
# What follows a heading on its line: the step's title (「STEP1 設定画面を開く」「Part3 をご覧ください」).
# A value that ends its line, or ends a sentence (「パスワード：Step1 です」), is the password itself.
_TITLE_AFTER = re.compile(r"[ \t]*+(?!です|でした|になります|となります|でございます)[^\s。.!?、,()]")


# A time or a date after the label, said as when something happens to the password (「パスワードは 9:30
# に変更しました」「パスワードは 10/1(木) から変わります」「パスワードは 12:00 までに変更してください」), or
# after a label of its change (「パスワード変更：10/1」): a notice's schedule, not the value. Read as a
# value with a digit, it fired on the notice a password's change is announced with.
_TIME = r"(?i:(?:[01]?[0-9]|2[0-4]):[0-5][0-9](?::[0-5][0-9])?(?:[ \t]?[ap]\.?m\.?)?)"
# A date in figures, also in the Japanese era's short form (「R8.4.1」: 令和8年4月1日).
_DATE = (
    r"(?:(?:19|20)[0-9]{2}[/.\-])?(?:0?[1-9]|1[0-2])[/.\-](?:0?[1-9]|[12][0-9]|3[01])"
    r"|(?i:[rhs])[0-9]{1,2}[./](?:0?[1-9]|1[0-2])(?:[./](?:0?[1-9]|[12][0-9]|3[01]))?"
)
# One, or a span of two (「10:00-12:00」「10/1~10/31」). Not a PIN written a digit at a time
# (「暗証番号変更：4-8-2-1」, as 「4・8・2・1」 is), which reads as a span of the dates 4-8 and 2-1.
_WHEN = re.compile(rf"(?![0-9](?:-[0-9]){{3,}}\Z)(?:{_TIME}|{_DATE})(?:[~〜\-–](?:{_TIME}|{_DATE}))?")
# A date may be followed by its time (「PW は 12/1 9:00 に郵送します」「11/30(月) 17:00 から」).
_WHEN_AT = re.compile(_WHEN.pattern + r"(?![0-9])")
_WHEN_AFTER = re.compile(
    r"(?i:[ \t]?[ap]\.?m\.?(?![a-z]))?[ \t]*+(?:\([^()\n]{1,8}+\)[ \t]*+)?"
    rf"(?:{_TIME}(?:[~〜\-–]{_TIME})?[ \t]*+)?"
    r"(?:に|から|まで|迄|より|以降|以後|以前|頃|ごろ|時点|付|[~〜\-–]|予定|開始|終了|締切|締め切り)"
)


# A telephone number after the label, followed by how to call it (「暗証番号は 0120-123-456 にお問い合わせ
# ください」「パスワードは 025-526-5111 まで」): a notice's contact, not the value.
_PHONE = re.compile(r"0[0-9]{1,4}-[0-9]{1,4}-[0-9]{3,4}")
_CONTACT_AFTER = re.compile(
    r"[ \t]*+(?:\([^()\n]{1,12}+\)[ \t]*+)?"
    # 「に」 as what the number became is no contact (「暗証番号は 0120-123-456 に変更しました」).
    r"(?:に(?!な|変|設定)|へ|まで|で(?![すし])|から|より|宛|窓口|コールセンター|お?問い?合わせ|お?問合せ|お電話)"
)


# A Wi-Fi standard or its security mode after a label with a separator (「パスワード：WPA2」
# 「接続キー：WPA3-Personal」「パスワード：Wi-Fi 6対応」, a router's spec copied into a shelter's notice):
# no key is ever only the name of its protocol. Whole values only, so that 「wpa2joetsu」 is a value.
_STANDARD_VALUE = re.compile(
    r"(?i)(?:wpa[23]?|wep|aes|tkip|ccmp|sae)(?:[-/](?:wpa[23]?|psk|personal|enterprise|aes|tkip|ccmp|sae|mixed)){0,3}"
    r"(?:\((?:aes|tkip|ccmp)\))?|wi-?fi[ \t]?[4-7]e?|(?:ieee[ \t]?)?802\.11[a-z]{1,2}"
)
_STANDARD_MODES = frozenset({"personal", "enterprise", "psk", "mixed", "mode"})
# A company's name (or a product's, 「Windows11」「Office365」, read by _TECHNICAL) before 「アカウント」
# 「と同じ」「のもの」 (「パスワード：Microsoft アカウントと同じ」「パスワード：Google のものを使います」): which
# account's password it is, not the password.
# A password manager is where passwords are kept (「パスワードに 1Password を使っています」), never one itself.
_SERVICE_NAME = re.compile(
    r"(?i)microsoft|google|apple|windows|office|facebook|instagram|amazon|yahoo!?|icloud|outlook|gmail|line"
    r"|1password|bitwarden|lastpass|keepass(?:xc)?|dashlane|keeper"
)
_SERVICE_AFTER = re.compile(r"[ \t]*+(?:(?:の[ \t]*+)?(?:アカウント|ID)|と同じ|と共通|のもの|のパスワード)")
# The editions a device or a suite is sold in (「iPhone15 Pro」「iPhone15Pro」「Windows11 Home」).
_EDITION = r"(?i:pro|max|plus|mini|air|home|business|enterprise|education|ultra|se)"
# Where or on what the password is used, the product being the topic: 「パスワードは iPhone15 でも同じです」
# 「パスワードって Windows11 でも使えますか」「暗証番号は iPhone15 の設定画面で変更できます」. Only after a
# product's own name (_PRODUCT): 「パスワードは Level2026 でもログインできます」「旧パスワード Office2025 でも接続
# できます」 state a password, and 「Windows10 じゃなくて Kessai2026 です」 puts the value after it.
_USED_ON_AFTER = re.compile(
    # The edition after the product's name and version (「iPhone15 Pro でも」「Windows11 Pro でも」) is the product's.
    rf"(?:[ \t]*+{_EDITION}(?![A-Za-z0-9])){{0,2}}+"
    r"[ \t]*+(?:で[ \t]*+(?:も|は)(?![ \t]*+な[くい])|に[ \t]*+(?:も|は)|じゃ(?![ \t]*+な[くい])"
    r"|の[ \t]*+(?:設定|画面|アプリ|端末|場合|機種|版)|用|版|対応)"
)
# A device, system or suite with its version as sold (「iPhone15」「Windows11」「Office365」「iOS17.2」), or a service's
# name alone; a year after it (「Office2026」) or another word (「Step2026」「Level5」) is how passwords are made.
# Phones, tablets and PCs a notice names by their model number (「Pixel8」「Xperia 10」「Surface3」「Galaxy S24」 is
# read as a model word): the password is the same on them, or set there. Only as _PRODUCT reads them, with a version
# of up to three digits, so that 「Galaxy2026」「Pixel2026」 stay a password's words with a year.
_DEVICE_NAMES = r"pixel|galaxy|xperia|aquos|arrows|surface|kindle|ipod|macbook|imac|thinkpad|dynabook|chromebook|zenfone"
_PRODUCT = re.compile(
    rf"(?i)(?:{_PRODUCT_NAMES}|{_DEVICE_NAMES})"
    # A model's letter after its number (「Pixel8a」「Xperia10 V」 is a word apart, an edition's).
    r"(?:[0-9]{1,3}(?:\.[0-9]{1,2}){0,2}[a-z]?"
    rf"{_EDITION}{{0,2}})?"
    # Apple's systems by their version (「macOS14」「iPadOS17.2」), Windows by its short name and a version it was
    # sold as only (「Win11」「Win10 Pro」): 「Win123」「Win2026」 are how passwords are made.
    r"|(?i:macos|ipados|watchos)(?:[0-9]{1,2}(?:\.[0-9]{1,2}){0,2})?"
    rf"|(?i:win)(?:7|8(?:\.1)?|10|11){_EDITION}{{0,2}}"
)
# A product's version a space apart from its name (「Microsoft 365」「Windows 11」「iOS 17.2 Pro」): never a year,
# so that 「Microsoft 2026」 stays a passphrase's words.
_SPACED_VERSION_AFTER = re.compile(
    rf"[ \t]++[0-9]{{1,3}}+(?:\.[0-9]{{1,2}}){{0,2}}(?![!-~])(?:[ \t]*+{_EDITION}(?![A-Za-z0-9])){{0,2}}+"
)
# After a phrase, a particle saying where, on what or from where (「2F Help Desk でお渡しします」「Galaxy S24 でも」
# 「Wi-Fi 6E Router の裏面に」「Microsoft 365 の管理画面から」): the phrase is a place or a device. Not what the
# password is or becomes (「…です」「…でした」「…に変更しました」「…になりました」).
# What is done where the password is (handed out, asked for, found), after 「で」「に」「まで」.
_WHERE_VERB = (
    r"(?:お渡し|渡し|配布|配付|お受け?取り|受け?取|ご?確認|ご?案内|お伝え|伝え|再?発行|交付|掲示|掲載|記載|保管"
    r"|お?問い?合わ?せ|お尋ね|尋ね|ご?連絡|お申し出|申し出|お越し|あります|置いて|貼|受け?付け?|お知らせ|表示)"
)
_WHERE_AFTER = re.compile(
    # 「で」「にて」 only before handing out or asking (「でお渡しします」) or 「でも」「では」: a bare 「で」 is also how the
    # value is given (「パスワードは Room 3A でログインしてください」「…Sakura 5G でお願いします」「…Momo 10F で、」).
    r"[ \t]*+(?:(?:で|にて)[ \t]*+(?:(?:も|は)(?![ \t]*+な[くい])|" + _WHERE_VERB + r")"
    # 「の」 only before a part of the thing or its screen (「の裏面に」「の管理画面から」), not 「のままです」.
    r"|の[ \t]*+(?:裏面|裏|表面|背面|底面|側面|本体|ラベル|シール|箱|取扱説明書|説明書|(?:管理|設定|ログイン)?画面|設定"
    r"|アプリ|端末|場合|機種|版|窓口|受付|カウンター|担当|係)"
    # 「に」「へ」「まで」 only before asking or finding there (「にお問い合わせください」), never 「に統一」「に戻し」.
    r"|(?:に|へ|まで)[ \t]*+(?:(?:も|は)(?![ \t]*+な[くい])|" + _WHERE_VERB + r")"
    r"|から|より|と同じ|と共通)"
)


def _names_its_use(norm: str, value: str, after: int) -> bool:
    """Whether ``value``, followed at ``after`` by what is said of it, names the account or product the password
    is for (「パスワード Windows11 と同じ」「パスワードって iPhone15 でも使えますか」) rather than being one."""
    if (_SERVICE_NAME.fullmatch(value) or _TECHNICAL.fullmatch(value)) and _SERVICE_AFTER.match(norm, after):
        return True
    if not (_SERVICE_NAME.fullmatch(value) or _PRODUCT.fullmatch(value)):
        return False
    if _USED_ON_AFTER.match(norm, after):
        return True
    # 「パスワードは、Microsoft 365 の管理画面から変更してください」: the name read alone, its version after a space.
    version = _SPACED_VERSION_AFTER.match(norm, after)
    return version is not None and (_USED_ON_AFTER.match(norm, version.end()) or _WHERE_AFTER.match(norm, version.end())) is not None
_NEXT_WORD = re.compile(r"[ \t]++(?:/[ \t]*+)?([!-~]++)")
# A word of Latin letters alone after a space, ending where the ASCII run ends (not 「https://」 nor 「user:」, which
# start an address or the next field).
_NEXT_LATIN_WORD = re.compile(r"[ \t]++[A-Za-z][a-z]++(?![!-~])")
_STANDARD_WORDS = 4  # 「WPA2/WPA3 Mixed Personal」: more words than a router's spec has are a value


# A mode written with its cipher in brackets, as routers show it: 「Personal（AES）」 (「Personal(AES)」 in
# this view, with no space before the bracket).
_MODE_PARTS = re.compile(r"[()\[\]]")


def _is_standard_word(word: str) -> bool:
    parts = [p.rstrip(".,;:") for p in _MODE_PARTS.split(word)]
    return all(p.lower() in _STANDARD_MODES or _STANDARD_VALUE.fullmatch(p) for p in parts if p)


def _key_after_standard(norm: str, a: int, value: str) -> tuple[str, int] | None:
    """When ``value`` at ``a`` names a Wi-Fi standard: the key written after it and its modes on its
    line (「パスワード：WPA2 joetsu2026」「接続キー：WPA2 Personal Kessai2026」) and where it starts, or
    ("", a) when every word after it is a mode or another standard (「WPA2 Personal（AES）」, a router's
    spec). None when ``value`` names no standard. Read as the value, the standard was what got masked
    and the key after it was shown in full."""
    if not _STANDARD_VALUE.fullmatch(value):
        return None
    pos = a + len(value)
    for _ in range(_STANDARD_WORDS + 1):
        nxt = _NEXT_WORD.match(norm, pos)
        if nxt is None:
            return "", a
        if not _is_standard_word(nxt[1]):
            return nxt[1], nxt.start(1)
        pos = nxt.end()
    # More words than a router's spec has: the next one is the value.
    nxt = _NEXT_WORD.match(norm, pos)
    return ("", a) if nxt is None else (nxt[1], nxt.start(1))


# After a quoted word, what names a part of a screen: 「パスワードは「settings」画面から変更」
# 「「forgot」ボタンから再設定」「パスワード「keyword」欄に入力」 quote a label on the screen, not a value.
_SCREEN_PART_AFTER = re.compile(
    r"[ \t]*+(?:の[ \t]*+)?(?:設定|ログイン|入力|変更|管理)?(?:画面|ボタン|欄|メニュー|タブ|リンク|ページ|アイコン|項目|機能|アプリ|フォーム|ボックス)"
)


# After a quoted word, the rest of its sentence saying the word is a weak choice: 「パスワード「dragon」は
# 辞書攻撃ですぐ破られます」「パスワードは「sunshine」だと推測されやすい」. An awareness post quotes a
# dictionary word to warn against it; a value given out is not called weak in the same sentence.
# Bounded to a few dozen characters of the sentence, so that a long draft is read once per label.
_WEAK_AFTER = re.compile(
    r"[^。.!?\n]{0,40}?(?:辞書攻撃|総当たり|破られ|見破られ|突破され|解読され|推測され|推測しやすい|推測が容易|"
    r"狙われ|危険(?!物)|弱い|脆弱|安全(?:では|じゃ)ない|使わないで|使用しないで|よく使われ|ランキング|常連|定番|"
    r"避け(?:ましょう|てください|る)|やめ(?:ましょう|てください))"
)


def _quoted_word(value: str, norm: str, after: int) -> bool:
    """A password of lower-case letters only, which the writer put in quotes after its label
    (「パスワードは「yamabiko」です」): the quotes say it is the value, not a word of the sentence. A
    capitalised word in quotes is a name as often (「パスワードは「Google」と同じ」), and so is one
    followed by a part of a screen (「「settings」画面」), and one the sentence calls weak (「パスワード
    「dragon」はすぐ破られます」). ``after``: just past the closing quote."""
    return (
        not _SCREEN_PART_AFTER.match(norm, after)
        # After the list's last item when more quoted words follow (「「monkey」「dragon」は…」).
        and not _WEAK_AFTER.match(norm, _past_more_quoted(norm, after))
        and len(value) >= 6
        and value.isascii()
        and value.isalpha()
        and value.islower()
        and value not in _FAMOUS_EXAMPLES
    )


# English words a form or a sticker puts in a password's field when it gives no value (「Password:
# required」「パスワード：unchanged」).
_FIELD_WORDS = frozenset({
    "nothing", "required", "optional", "unknown", "pending", "unchanged", "hidden", "masked", "default",
    "disabled", "enabled", "undefined", "sample", "example", "omitted", "redacted", "removed", "deleted",
    # What a tourist Wi-Fi notice says in the field (「Password: unnecessary」「Password: provided」 at the venue).
    "unnecessary", "unneeded", "provided", "separately", "onsite", "distributed", "announced",
    # What a ticket's or a phone's field says (「Day pass: Unlimited」「Lock: Biometric」).
    "unlimited", "included", "available", "unavailable", "biometric", "fingerprint",
    # Where a visitors' Wi-Fi notice says the password is, and a settings screen's choices (「Password: Printed」
    # 「パスワード：Reception」「パスワード：Standard」): capitalised alone in the field, they were read as the password.
    "printed", "posted", "displayed", "shown", "attached", "enclosed", "receipt", "reception", "frontdesk", "counter",
    "sticker", "voucher", "inside", "standard", "custom", "manual", "automatic", "initial", "shared", "public",
    "visible", "invisible", "separate", "identical", "mandatory", "confirmed", "encrypted", "medium", "symbols", "length",
    "basics", "advanced",
    # What a memo says of a password no one has at hand (「パスワード：Forgotten」「PW: Unset」).
    "forgotten", "forgot", "unset", "notset", "expired", "changed", "reissued", "locked",
    # The class of a ticket a pass is sold in (「PASS：Adult」「Day PASS: Child」).
    "adult", "adults", "child", "children", "kids", "youth", "senior", "student", "family",
})


# The marks a word is closed with to make it a password (「Sakura!」「Momiji#」), read off before the word is.
_CLOSING_MARKS = "!#$%&*+?@^~"


# A note in Japanese in brackets after the value, ending its line (「パスワード：kohoka（前と同じ）」「PIN：0 9 1 5（キーボックス用）」):
# a memo's remark on the value, which still ends the field; read as more of the line, the password went out unflagged.
# Not a note calling it an example (「パスワード：sakura（悪い例）」「パスワード：abcdefgh（例）」): a guide's, silent before.
_NOT_AN_EXAMPLES_NOTE = r"(?![^()\n]*?(?:(?<![条恒慣定通])例|NG|ダメ|だめ|駄目|悪い|危険|見本|サンプル))"
_NOTES_REST = r"(?=[^()\n]*?[^\x00-\x7f])[^()\n]{1,20}+\)[ \t。.]*+(?:\n|$)"
_NOTE_ENDING_THE_LINE = r"\(" + _NOT_AN_EXAMPLES_NOTE + _NOTES_REST
# Nor, after kanji, a note saying where it is given or who gives it (「パスワード：会議室2026（当日配布）」「パスワード：山田太郎
# （総務課）」「パスワード：上越太郎（担当）」): the kanji are the place or the person, as 「パスワード：総務課（内線123）」 is.
_NOTE_AFTER_KANJI_ENDING_THE_LINE = (
    r"\(" + _NOT_AN_EXAMPLES_NOTE
    + r"(?![^()\n]*?(?:配布|掲示|参照|案内|連絡|お知らせ|問い?合わ?せ|担当|[課係]|内線|まで|確認))" + _NOTES_REST
)
_A_NOTE_ENDING_THE_LINE = re.compile(r"[ \t]*+" + _NOTE_ENDING_THE_LINE)


def _field_word(value: str, norm: str, m: re.Match[str], after: int) -> bool:
    """A password of letters only, written in its field as a form or a router's sticker has it
    (「パスワード：kohoka」「SSID: joetsu-staff / PASS: joetsustaff」「パスワード. Sakura」): after a colon,
    「=」 or a label's 「. 」, alone to the end of its line. Written so, it is no word of a sentence; after 「は」
    or a space it may be one (「パスワードは random に生成」), and _quoted_word reads it only when quoted.
    Capitalised (「パスワード：Sakura」「PW：Takada」), as a password is often made, it is read as a word stated
    after 「は」 is (_a_password_word: no service's, product's or form's word), and a mark may close either
    (「パスワード：Sakura!」). ``after``: just past the value."""
    label = m["label"] or ""
    word = value.rstrip(_CLOSING_MARKS)
    in_a_field = _separator_of(m) in (":", "::", "=", ".")
    # On the line under the label (「パスワード。⏎sakura」「パスワード：⏎Sakura!」), the label closed as a memo's field is, or
    # under an ID and its value (「ID⏎koho01⏎パスワード⏎Hello!」): the form's field written a line down. Not a word the next
    # line goes on from (「パスワード。⏎sakura⏎の花が…」).
    id_above = m["line"] is not None and _an_id_above(norm, m)
    under_the_label = (
        m["line"] is not None and m["quote"] is None
        and (any(c in m["line"] for c in ":。.") or id_above)
        and not _PROSE_NEXT_LINE.match(norm, after)
    )
    # Four or five letters are a password too (「パスワード：Tokyo」「PW：Hello!」), but only a word no form, rule or kind
    # says (「None」「Same」「Free」), nor a greeting but under an ID.
    short_ok = (
        4 <= len(word) < 6 and _a_password_word(word) and word.lower() not in _SHORT_FIELD_WORDS
        and (word.lower() not in _GREETINGS or id_above)
        and (word.lower() not in _VERDICTS or id_above or _an_id_above(norm, m))
        # Nor a game's answer or a lesson's word.
        and not _in_a_game_or_a_lesson(norm, m)
    )
    return (
        (in_a_field or under_the_label)
        # 「Day pass: unlimited」「Free pass: included」 are tickets: 「pass」 is a label here in capitals
        # only, as a sticker prints it (「PASS: joetsustaff」).
        and (label.lower() != "pass" or label == "PASS")
        and (_ENDS_LINE.match(norm, after) is not None or _A_NOTE_ENDING_THE_LINE.match(norm, after) is not None)
        and (6 <= len(word) <= 32 or short_ok)
        and word.isascii()
        and word.isalpha()
        # One letter over and over is a form's placeholder (「パスワード：xxxxxxxx」), as _password_like reads it.
        and len(set(word.lower())) > 1
        and (word.islower() or (word[1:].islower() and _a_password_word(word)))
        and word.lower() not in _FAMOUS_EXAMPLES
        and word.lower() not in _PROSE_WORDS
        and word.lower() not in _FIELD_WORDS
        # Nor one an awareness post gives as a bad example, of any length (「悪い例⏎パスワード：Tokyo」「例：パスワード：kohoka」
        # 「【NG】パスワード：kohoka」): a word of letters is as often made up for the slide as a word stated after 「は」 is.
        # Only under a heading that calls it so (_called_an_example): a memo's lines before it say 「など」「人気の」 of something
        # else (「人気の観光施設でWi-Fiが使えます⏎SSID：kanko⏎パスワード：Momo!」) or use the same words of something else
        # (「事例集の共有フォルダ」「NGワード集を更新しました」「危険箇所マップの編集」).
        and not _called_an_example(norm, m.start())
        # A short word's next sentence may call it a bad one too (「…：Tokyo⏎推測されやすいので避けましょう」); a longer word's
        # says what to do with the memo (「…：joetsukoho⏎外部に共有しないでください」), as it did before session 44.
        and (len(word) >= 6 or _said_in_use(norm, m, after, _CALLED_AN_EXAMPLE_BEFORE))
    )


# A heading that calls what follows an example or a bad one, ending the label's line before the label or one of the two
# lines above it (「例：パスワード：…」「【NG】PW：…」「× パスワード：…」「×悪い例⏎パスワード：…」「記入例⏎ID：koho01⏎パスワード：…」).
# Ending it, not anywhere in it: the words are everyday ones (「事例集の共有フォルダ」「NGワード集」「アクセスランキング」
# 「危険箇所マップ」「台風を避けて日程変更」「🚫転送禁止🚫」), and read anywhere in the 80 letters before, a staff memo's
# real password went out unflagged.
_AN_EXAMPLES_HEADING = re.compile(
    r"(?i)(?:(?<![条恒慣定事通前実比判])例|NG|ダメ|だめ|駄目|×|ワースト[0-9]*+|悪い|危険|弱い)"
    r"[ \t\u3000]*+[】\]）)」』]?[ \t\u3000]*+[:：]?[ \t\u3000]*+$"
)
_EXAMPLES_HEADING_REACH = 40


def _called_an_example(norm: str, label_start: int) -> bool:
    """Whether the label at ``label_start`` is under a heading that calls its value an example (_AN_EXAMPLES_HEADING)."""
    end = label_start
    for _ in range(3):
        start = norm.rfind("\n", 0, end) + 1
        if _AN_EXAMPLES_HEADING.search(norm, max(start, end - _EXAMPLES_HEADING_REACH), end):
            return True
        if start == 0:
            return False
        end = start - 1
    return False


# A puzzle's, a quiz's or an English lesson's post, where a short word or a name under the word is the answer a game gives or
# the word taught (「謎解きの答え⏎パスワード：Osaka」「今回の謎解きのパスワードは「Tokyo」です！」「【英語教室】今日の単語⏎
# Password：Tokyo」), no account's password.
_A_GAME_OR_A_LESSON = re.compile(r"(?i)謎|なぞとき|ナゾ|クイズ|正解|答え|英語(?:教室|講座|クラス|で|の授業|の時間)|英会話|単語"
    r"|quiz|puzzle|english class|english lesson"
)
_GAME_REACH = 200


def _in_a_game_or_a_lesson(norm: str, m: re.Match[str]) -> bool:
    """Whether a game's or a lesson's word (_A_GAME_OR_A_LESSON) is in the label's sentence or the lines just before it."""
    return _A_GAME_OR_A_LESSON.search(norm, max(0, m.start() - _GAME_REACH), m.start()) is not None


# Words of four or five letters a form's field or a memo says for no value (「パスワード：Same」「PW: Later」).
_SHORT_FIELD_WORDS = frozenset({
    "none", "same", "later", "below", "above", "lost", "ask", "asked", "here", "there", "spam", "text", "mail", "memo",
    "note", "card", "desk", "staff", "admin", "user", "test", "info", "help", "login", "ready", "done", "sent",
    "reset", "owner", "other", "check", "open", "free", "blank", "empty", "unset", "null", "nil", "void",
    # How it is set, where it is, when it comes, what to do, and a security check's verdict (「パスワード：Auto」「…：Print」
    # 「…：Soon」「…：Enter」「…：Safe」). Not 「Guest」: a visitors' Wi-Fi password is flagged as any other.
    "auto", "fixed", "print", "known", "soon", "enter", "input",
})
# A security check's verdict (「パスワード：Easy」「…：Safe」), a note only where no ID is above: under an account's ID the field
# holds its password (「ID：koho01⏎パスワード：Safe」), as a greeting there does.
_VERDICTS = frozenset({"easy", "safe"})
# The line after a value that goes on from it as a sentence does (「⏎の花が咲きました」「⏎を入力」).
_PROSE_NEXT_LINE = re.compile(r"[ \t]*+\n[ \t]*+[のがをにはとでもや]")
# After a word of letters (_a_password_word), the copula that closes the sentence on it: 「パスワードは bluesky です」
# 「PW: correcthorse です」「パスワードは kohoka になりました。」. Only that: a word the sentence goes on after
# (「パスワードは random に生成されます」) is prose, as are its own forms and the words of a rule.
# 「のままです」 too: a handover says the value has not changed (「パスワードは kohoka のままです」), as surely as 「です」 says it is.
_STATED_WORD_END = re.compile(
    r"[ \t]*+(?:(?:のまま)?です|(?:のまま)?でした|のまま|になります|となります|に(?:なり|変わり|変更し|設定し)ました)"
    r"[ \t]*+(?:[。.!！)]|\n|$)"
)


# Words that say what kind of password it is, what it is written in, how it is sent, whether it was right, or the
# app it is for, not what it is (「パスワードは secret です」「おすすめのパスワードは passphrase です」「初期パスワードは
# birthday です」 for 生年月日, 「パスワードは hiragana です」「パスワードは mail です」「パスワードは Zoom です」).
_KIND_WORDS = frozenset({
    "secret", "private", "confidential", "personal", "passphrase", "passphrases", "passcode", "passkey", "birthday",
    "common", "different", "individual", "unique", "random", "temporary", "strong", "weak", "long", "short",
    "simple", "complex", "mail", "email", "sms", "phone", "paper", "letter", "english", "japanese", "alphanumeric",
    "numeric", "lowercase", "uppercase", "case", "sensitive", "free", "needed", "necessary", "changed", "expired",
    "hiragana", "katakana", "kanji", "romaji", "alphabet", "alphabets", "valid", "invalid", "correct", "incorrect",
    "wrong", "zoom", "teams", "slack", "excel", "word", "webex", "wifi", "phrase", "sentence", "words",
})


def _a_password_word(value: str) -> bool:
    """Whether ``value``, a single word of letters all lower-case or capitalised (「bluesky」「Bluesky」), may be a
    password stated or set in a sentence: 4 to 32 letters, no form's or rule's word, famous example, word of kind
    (_KIND_WORDS), service's or product's name. A capital first letter is how a password is often made, not a name:
    「パスワードは Kohoka です」 is as surely the value as 「kohoka」."""
    word = value.lower()
    return (
        4 <= len(value) <= 32
        and value.isascii()
        and value.isalpha()
        and (value.islower() or value[1:].islower())
        and word not in _FAMOUS_EXAMPLES
        and word not in _PROSE_WORDS
        and word not in _FIELD_WORDS
        and word not in _LABEL_NOUNS
        and word not in _KIND_WORDS
        and not (len(word) < 6 and word in _SHORT_FIELD_WORDS)
        and not _SERVICE_NAME.fullmatch(value)
        and not _PRODUCT.fullmatch(value)
        # A browser's or an app's name (「パスワード：Chrome」「パスワードは Safari です」), as a service's is.
        and not _TOOL_NAME.fullmatch(value)
    )


def _stated_word(value: str, norm: str, m: re.Match[str], after: int) -> bool:
    """A password of letters only, lower-case or capitalised, stated as what the password is after 「は」 or a colon,
    with the copula ending its sentence (「パスワードは bluesky です」「PW: correcthorse です」「パスワードは Kohoka です」):
    said so, it is the value as surely as the same word alone in its field (_field_word). Not a word _a_password_word
    refuses (a form's or a rule's, a famous example, a word of kind, a service's or a product's name), nor one the
    sentence or the one after calls an example or a bad habit (「よく使われるパスワードは dragon です」「…は sunshine です。
    推測されやすいので避けましょう」). ``after``: just past the value."""
    label = m["label"] or ""
    separator = _separator_of(m)
    if not (
        separator in ("は", ":", "::", "=")
        and (label.lower() != "pass" or label == "PASS")
        and _a_password_word(value)
        and (stated := _STATED_WORD_END.match(norm, after)) is not None
    ):
        return False
    return _said_in_use(norm, m, stated.end(), _NOT_IN_USE_BEFORE_A_WORD)


# After a word of letters (_a_password_word), the verb that sets the password to it: 「パスワードを bluesky に変更しました」
# 「パスワードとして bluesky を設定しました」「初期パスワードに kohoka を設定してください」. Only a verb of setting:
# 「パスワードに english を使ってください」 may be a rule of the letters to use.
_SET_TO_AFTER = {
    "を": re.compile(r"[ \t]*+に[ \t]*+(?:変更|更新|再設定|設定|リセット|し(?:ました|ます|てください)|なりました)"),
    "として": re.compile(r"[ \t]*+を[ \t]*+(?:設定|登録|再設定)"),
    "に": re.compile(r"[ \t]*+を[ \t]*+(?:設定|登録|再設定)"),
}


def _set_word(value: str, norm: str, m: re.Match[str], after: int) -> bool:
    """A password of letters only (_a_password_word) that the sentence sets the password to or as (_SET_TO_AFTER),
    read with the same exclusions as a word stated after 「は」 (_stated_word). ``after``: just past the value."""
    loose = (m["loose"] or "").strip(" \t")
    return (
        (set_to := _SET_TO_AFTER.get(loose)) is not None
        and _a_password_word(value)
        and (done := set_to.match(norm, after)) is not None
        and not _warned_against(norm, after)
        and _said_in_use(norm, m, done.end(), _NOT_IN_USE_BEFORE_A_WORD)
    )


# What the rest of a sentence that puts a value 「に」 or 「として」 says when it warns against it (「パスワードに Joetsu2026
# を使うのは危険です」「パスワードとして Joetsu2026 を使うのはやめましょう」「パスワードに Kessai2026 は使えません」): an
# awareness post's example, not the password set.
_WARNED_AGAINST = re.compile(r"使えません|使用できません|設定できません|登録できません|不可|禁止")


def _warned_against(norm: str, after: int) -> bool:
    """Whether the sentence a value ends at ``after`` goes on to warn against it or to call it an example."""
    rest = _to_sentence_end(norm[after : after + 2 * _CONTEXT_REACH])
    return _NOT_IN_USE_AFTER.search(rest) is not None or _WARNED_AGAINST.search(rest) is not None


def _said_in_use(norm: str, m: re.Match[str], stated_end: int, before_words: re.Pattern[str] | None = None) -> bool:
    """Whether the sentence that gives a value after the label ``m``, ending at ``stated_end``, gives it as the one in
    use: not as an example, a bad habit or a statistic, before the label on its sentence (「よく使われる」「例：」) or in
    the sentence after (「推測されやすいので避けましょう」)."""
    # Only this sentence, with the line before it when it opens a line (a slide's 「×悪い例」): an
    # earlier sentence's words are about something else (「毛布など備品は倉庫にあります。キーボックスの
    # 暗証番号は1234です。」).
    # The clause between the label and the number is the sentence's too: 「暗証番号はよく使われる 1234 です」.
    before = norm[max(0, m.start() - _PAIR_WINDOW) : m.start()]
    own = before[max(before.rfind(c) for c in "。！？!?") + 1 :] + (m.groupdict().get("clause") or "")
    if (before_words or _NOT_IN_USE_BEFORE).search(own):
        return False
    # The sentence after this one, up to its end: an awareness slide puts it on the next line
    # (「暗証番号は1234です。⏎推測されやすいので避けましょう」), so the breaks before it are skipped.
    rest = norm[stated_end : stated_end + 2 * _CONTEXT_REACH].lstrip(" \t\n")[:_CONTEXT_REACH]
    return _NOT_IN_USE_AFTER.search(_to_sentence_end(rest)) is None


def _to_sentence_end(text: str) -> str:
    """``text`` up to the first end of a sentence or line in it (_SENTENCE_ENDS), or all of it."""
    ends = [i for c in _SENTENCE_ENDS if (i := text.find(c)) >= 0]
    return text[: min(ends)] if ends else text


# English nouns a password's label names with (「パスワード manager」「PW reset」): no value after an ID either.
_LABEL_NOUNS = frozenset({
    "manager", "policy", "reset", "change", "changed", "list", "file", "hint", "setting", "settings", "login",
    "lock", "locked", "update", "updated", "recovery", "protected", "sharing", "expired", "leak", "leaked",
    # What a free network's notice writes for no key (「SSID joetsu-free PASS free」).
    "free", "open", "nashi", "blank", "empty",
})


_ID_VALUE_BEFORE = re.compile(r"(?:^|(?<=[ \t:=]))[!-~]{2,64}+[ \t]++$")


def _paired_word(value: str, norm: str, m: re.Match[str]) -> bool:
    """A password of letters only a mere space after its label, right after a user name and its value
    (「接続情報：ユーザー名 koho パスワード koho」「ID soumu PW kessai」): the pair makes it a login's, as
    the colon makes it a field's in _field_word. Without the pair a word after a space is prose
    (「パスワード manager を導入」)."""
    return (
        m["loose"] is not None
        and not m["loose"].strip(" \t")
        and 4 <= len(value) <= 32
        and value.isascii()
        and value.isalpha()
        and value.lower() not in _FAMOUS_EXAMPLES
        and value.lower() not in _PROSE_WORDS
        and value.lower() not in _FIELD_WORDS
        and value.lower() not in _LABEL_NOUNS
        # 「student ID 12345 pass holders only」: a ticket's pass, in lower case; a sticker prints 「PASS」.
        and ((m["label"] or "").lower() != "pass" or m["label"] == "PASS")
        and not _SERVICE_NAME.fullmatch(value)
        # The user name's own value right before the label (「ID とパスワード koho」 names no user).
        and (id_value := _ID_VALUE_BEFORE.search(norm, max(0, m.start() - _PAIR_WINDOW), m.start())) is not None
        # 「Enter your User ID and Password then click Login」「ID or PASS Wrong」: a word of the sentence
        # between the labels is no user name, and the word after the label no password.
        and id_value.group().strip(" \t").lower() not in _PROSE_WORDS
        and _id_before(norm, m) is not None
    )


def _pin_like(value: str) -> bool:
    return value.isdigit() and 4 <= len(value) <= 12 and len(set(value)) > 1 and value not in _FAMOUS_EXAMPLES


# What follows a number that is a rule, not a value: 「The PIN is 4 digits」「… 1234 or similar」.
_UNIT_AFTER = re.compile(
    r"(?i)[ \t]*+-?(?:digits?|characters?|chars?|letters?|numbers?|or (?:more|less|longer|similar)|"
    r"(?:or|and) up|yen|years?|months?|days?|hours?|minutes?|times?|people|percent|%)(?![A-Za-z])"
)


def _a_unit_word(word: str) -> bool:
    """Whether ``word`` is a unit of a rule (「digits」「years,」), not a word of a passphrase that starts as
    one: 「Personal Number2026」 was read as a rule of numbers, and 「Number2026」 went out as typed."""
    m = _UNIT_AFTER.match(" " + word)
    return m is not None and not word[m.end() - 1 : m.end()].isalnum()


def _code_like(value: str) -> bool:
    # One-time codes are 4–8 digits, or letters and digits; a spaced separator is enough, since
    # nothing else follows 「認証コード」 as a bare number.
    if not 4 <= len(value) <= 8 or len(set(value)) == 1 or value.lower() in _FAMOUS_EXAMPLES:
        return False
    return value.isdigit() or (value.isalnum() and value.isascii() and _has_digit(value))


def _compact(value: str) -> str:
    """A value written in groups without its separators: 「482 913」 → 「482913」."""
    return "".join(_GROUP_SEPARATORS.split(value))


def _backup_like(value: str) -> bool:
    # Codes of letters and digits in groups, at least six characters and a digit in all.
    compact = _compact(value)
    return (
        len(compact) >= 6
        and compact.isascii()
        and compact.isalnum()
        and _has_digit(compact)
        and len(set(compact)) > 2
    )


def _key_like(value: str) -> bool:
    return len(value) >= 16 and _has_digit(value) and _has_letter(value) and len(set(value)) > 4


# A password or PIN typed one character a box, as a paper form or a slide spaces it (「4 8 2 1」
# 「J o e t s u 2 0 2 6」): four or more single characters one space apart. Read without its spaces.
# Digits may stand up to three blanks apart: 「4 ・ 8 ・ 2 ・ 1」 is read as 「4   8   2   1」.
_BOXED_REST = re.compile(r"(?:[ \t][!-~](?![!-~])){3,63}+")
_SPREAD_DIGITS_REST = re.compile(r"(?:[ \t]{1,3}+[0-9](?![!-~])){3,11}+")
_BOXED_VALUE = re.compile(r"[!-~](?:[ \t][!-~])+|[0-9](?:[ \t]{1,3}+[0-9])+")
_BLANKS = re.compile(r"[ \t]")
# Digits spread over columns are also a table's row of counts, aligned under a header of months or
# over a row of larger numbers (「　　4月　5月　6月⏎暗証番号　　3　　5　　2」). Three cells or more on
# the line before or after, one of them of two digits or with a unit, say so; a form's boxes
# (「口座番号 1 2 3 4 5 6 7」) have one digit a cell.
_TABLE_CELLS = re.compile(r"[0-9]++[^\s0-9]{0,2}+(?:[ \t]++[0-9]++[^\s0-9]{0,2}+){2,}+")
_TABLE_CELL_WIDE = re.compile(r"[0-9](?:[0-9]|[^\s0-9])")
_ROW_REACH = 200


def _table_row(norm: str, a: int) -> bool:
    """Whether the line holding ``a`` sits in a table of numbers (see _TABLE_CELLS); the lines around
    it are read within a bounded reach, so that a long line of labels stays linear."""
    start = norm.rfind("\n", max(0, a - _ROW_REACH), a)
    end = norm.find("\n", a, a + _ROW_REACH)
    near = []
    if start > 0:
        near.append(norm[max(0, start - _ROW_REACH) : start].rpartition("\n")[2])
    if end >= 0:
        near.append(norm[end + 1 : end + 1 + _ROW_REACH].partition("\n")[0])
    return any(
        _TABLE_CELL_WIDE.search(cells.group()) for line in near for cells in _TABLE_CELLS.finditer(line)
    )


def _whole(norm: str, m: re.Match[str], a: int, value: str) -> str:
    """The whole of an unquoted value that services show in groups, so that all of it is masked:
    a code's further groups (「482 913」), a list of backup codes, an app password, a password
    typed one character a box."""
    if len(value) == 1 and not (m["backup"] or m["code"] or m["key"] or m["app"]):
        if boxed := _BOXED_REST.match(norm, a + 1):
            value += boxed.group()
        elif (spread := _SPREAD_DIGITS_REST.match(norm, a + 1)) and not _table_row(norm, a):
            value += spread.group()
    elif m["backup"] or m["code"]:
        if more := _MORE_GROUPS.match(norm, a + len(value)):
            value += more.group()
        if m["backup"] and (lines := _MORE_LINES.match(norm, a + len(value))):
            value += lines.group()
    elif (m["app"] or m["explicit"] is not None or m["line"] is not None) and (
        app := _APP_PASSWORD.match(norm, a)
    ):
        value = app.group()
    return value


# The line before a login pair's 「PW xxxx」: 「ID joetsu.city」「ユーザー名：…」「login: …」.
# A network is named by its SSID or as 「Wi-Fi：joetsu-free」.
_ID_WORDS = r"(?P<id>id|ssid|wi-?fi|ネットワーク名|ネットワーク|user(?:name)?|login|ユーザー(?:名|id)?|ログイン(?:id|名)?|アカウント(?:名|id)?)"
# 「ネットワーク：joetsu-staff⏎キー：…」: a notice names the SSID by the network alone as often.
_NETWORK_IDS = frozenset({"ssid", "wi-fi", "wifi", "ネットワーク名", "ネットワーク"})
_ID_LINE = re.compile(rf"(?i)[ \t]*{_ID_WORDS}[ \t:=：]")
# The same pair on one line (「ID koho01 PW …」「SSID joetsu-staff / PASS …」): the ID's label as a
# word of its own (「ID」「SSID:」), or glued to its value (「ID:koho01」).
_ID_WORD = re.compile(rf"(?i)(?:.*[^A-Za-z])?{_ID_WORDS}[:=]?")
_ID_GLUED = re.compile(rf"(?i)(?:.*[^A-Za-z])?{_ID_WORDS}[:=]\S+")
_PAIR_WINDOW = 80

# An ID's label alone on a line, its value on the next, and the password's label on the line after (「ID⏎koho01⏎パスワード」).
_ID_ALONE_ABOVE = re.compile(
    rf"(?i)(?:(?<=\n)|(?<![\s\S]))[ \t]*+{_ID_WORDS}[ \t]*+:?[ \t]*+\n[ \t]*+(?P<value>[!-~]{{2,64}}+)[ \t]*+\n[ \t]*+\Z"
)


def _an_id_above(norm: str, m: re.Match[str]) -> bool:
    """Whether an ID is given before the password's label `m`: on its line or the line above (_id_before), or as a label
    alone on a line with its value on the next (「ID⏎koho01⏎パスワード」)."""
    # Not a form's terms listed a line each (「ID⏎Name⏎Password⏎Hello!」, an English class's words): 「Name」 is no ID's value.
    return _id_before(norm, m) is not None or (
        (above := _ID_ALONE_ABOVE.search(norm, max(0, m.start() - _PAIR_WINDOW), m.start())) is not None
        and above["value"].lower() not in _FIELD_NAMES
    )


def _id_before(norm: str, m: re.Match[str]) -> str | None:
    """The ID label (lower case: 「id」「ssid」…) of a login or network named just before the label
    `m`, on the line above (「ID joetsu.city⏎PW …」) or earlier on its line (「ID koho01 PW …」)."""
    # Only a window before the label is read: a draft of one long line has many labels.
    newline = norm.rfind("\n", max(0, m.start() - _PAIR_WINDOW), m.start())
    before = norm[max(newline + 1, m.start() - _PAIR_WINDOW) : m.start()]
    if not before.strip(" \t"):
        if newline < 0:
            return None
        line = newline + 1
        previous = norm.rfind("\n", 0, line - 1) + 1
        found = _ID_LINE.match(norm, previous, line)
        return found["id"].lower() if found else None
    words = before.rstrip(" \t/,、|・").split()
    if words and (found := _ID_GLUED.fullmatch(words[-1])):
        return found["id"].lower()
    if len(words) >= 2 and (found := _ID_WORD.fullmatch(words[-2])):
        return found["id"].lower()
    return None


# An ID and a password under one pair of labels: 「ID・パスワード：koho01・Joetsu2026」「ID/PW：koho01/
# Joetsu2026」「ユーザー名・パスワード＝koho01、Joetsu2026」. The values come in the labels' order, so the
# password is the second one: read as the first, the ID was masked and the password shown in full (in
# this finding and in every other that quotes it). The ID stays readable, as after its own label, so
# that the approver sees which account's password is to be changed.
# 「ログイン」 alone before the label is the password's own name (「ログイン・パスワード」), no ID's.
_ID_AND = re.compile(rf"(?i)(?<![A-Za-z])(?!ログイン[・/,、&+と及お ]){_ID_WORDS}[ \t]*+(?:[・/,、&+]|と|及び|および)[ \t]*+$")
_ID_THEN_VALUE = re.compile(r"[A-Za-z0-9._@\-]{1,64}+(?:[ \t]*+[・/,、&][ \t]*+|[ \t]++)(?=[!-~])")
_ASCII_RUN = re.compile(r"[!-~]++")


def _pair_after(norm: str, m: re.Match[str], a: int) -> tuple[str, int] | None:
    """The second value (and its offset) after a password label that follows an ID label with a
    mark between them (「ID・パスワード」), when two values follow it; None otherwise."""
    if not _ID_AND.search(norm, max(0, m.start() - 16), m.start()):
        return None
    first = _ID_THEN_VALUE.match(norm, a)
    if first is None:
        return None  # one value only: it is masked whole, whichever of the two it is
    second = _ASCII_RUN.match(norm, first.end())
    if second is None:
        return None
    value = second.group().rstrip(_TRAILING + _OPENING)
    if not (_password_like(value, loose=False) or _pin_like(value)):
        return None  # 「koho01 (別途通知)」: no second value, the first is what is masked
    return second.group(), second.start()


def _under_an_id(norm: str, m: re.Match[str]) -> bool:
    """Whether a short English label (「PW yukiguni2025!」) follows an ID, on the line above or on
    its own line: the pair is a login, whatever separator the writer left out."""
    return m["label"].lower() in ("pw", "pwd", "p/w", "pass") and (
        _id_before(norm, m) is not None
        # 「ID/PW koho01/Kessai2026!」: the labels paired, the values after them in the same order (_pair_after)
        or _ID_AND.search(norm, max(0, m.start() - 16), m.start()) is not None
    )


def _strong(value: str) -> bool:
    """Upper and lower case, a digit and a symbol that is no mark of a name (「._-」): what no word, name,
    version or model number is, only a password (「PW Kessai2026!」 with no ID or separator)."""
    if _QUALIFIED_NAME.fullmatch(value):
        return False  # 「PASS Joetsu(2026)」: a name with its note in brackets
    value = value.rstrip(_TRAILING)
    return (
        _has_digit(value) and any(c.isupper() for c in value) and any(c.islower() for c in value)
        and any(not c.isalnum() and c not in "._-" for c in value)
    )


_ENDS_ITS_LINE = re.compile(r"[ \t]*+[。]?[ \t]*+(?:\n|$)")


def _strong_after_label(norm: str, m: re.Match[str]) -> bool:
    """「PW Kessai2026!」: an upper-case label, a space and a value of every kind of character (_strong).
    「PASS」 and 「PIN」 are words too: a ticket's or a badge's name follows them (「SKI PASS Myoko+Joetsu2026
    を販売します」「DAY PASS Jo-Etsu!2026」「PIN Badge#2026」), so 「PIN」 (a number by nature) is left to its
    digits, and 「PASS」 counts only with no English word before it and the value ending its line."""
    label = m["label"]
    if not (label.isupper() and m["loose"] and not m["loose"].strip(" \t") and _strong(m["value"])) or label == "PIN":
        return False
    if label != "PASS":
        return True
    # Read from the label and the value outward, not on slices of the line and the rest: sliced for each match,
    # a 40,000-character line of 「PASS Kessai2026! 」 took 2 s.
    before = m.start()
    while before > 0 and norm[before - 1] in " \t":
        before -= 1
    word_before = norm[before - 1 : before].isascii() and norm[before - 1 : before].isalpha()
    return not word_before and _ENDS_ITS_LINE.match(norm, m.end("value")) is not None


def _named_year(norm: str, m: re.Match[str]) -> bool:
    """Whether 「PIN」 a space before a year (matched by ``m``) follows a brand's name, a bounded way
    back: 「ANA PIN 2026」."""
    if not _YEAR.fullmatch(m["value"]):
        return False
    start = m.start("label")
    name = _NAME_BEFORE_PIN.search(norm, max(0, start - 24), start)
    return name is not None and name["name"].upper() not in _HOLDS_A_PIN


# A year a space after an English label and followed by a word is a title (「Passcode 2026 workshop」
# 「PASSCODE 2026 Tour」「Passcode 2026 ワークショップ」): a passcode given out ends there or goes on in a
# sentence (「Passcode 2026 です」「passcode 1985 and ID …」). With a separator (「Passcode: 2026」) it is
# the value all the same.
_TITLE_WORD_AFTER = re.compile(
    # Not the words of an invitation the passcode goes on into (「Passcode 2026 Meeting ID 812 …」
    # 「Passcode 2026 Zoom」「Passcode 2026 https://…」).
    r"[ \t]++(?:(?!(?i:is|was|and|or|then|to|for|please|only|with|meeting|zoom|webex|teams|webinar|join|"
    r"https?|url|link|passcode|password|pin|pass|code|host|thanks?)(?![A-Za-z]))[A-Za-z]{3,}+"
    r"|ワークショップ|イベント|セミナー|ツアー|ライブ|公演|大会|フェス|講座|開催|展)"
)


def _titled_year(norm: str, m: re.Match[str], end: int) -> bool:
    """Whether a year after an English label a mere space away (matched by ``m``, the year ending at
    ``end``) is part of a title (see _TITLE_WORD_AFTER)."""
    return (
        m["loose"] is not None and not m["loose"].strip(" \t") and m["label"].isascii()
        and _YEAR.fullmatch(m["value"]) is not None and _TITLE_WORD_AFTER.match(norm, end) is not None
    )


# What marks the address a login redirected to: its path (「/callback」「/oauth2/…」「/auth/…」
# 「/signin-oidc」) or the parameters an authorization response carries beside the code.
# Not a login or sign-in page itself, nor any redirector: 「…/login?code=…」「…/signin?code=…」「…/redirect
# ?code=…」 carry an invitation's, an event's or a form's code as often (「電子申請 https://…/login?code=…」).
_OAUTH_PATH = re.compile(r"(?i)callback|oauth|/auth(?![A-Za-z])|/cb(?![A-Za-z0-9])|oidc")
_OAUTH_PARAMS = re.compile(r"(?i)[?&](?:state|session_state|scope|authuser|iss)=")
_URL_START = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://")


def _oauth_url(norm: str, query: int, end: int) -> bool:
    """Whether the URL whose 「code=」 parameter follows ``query`` (its 「?」 or 「&」), the code ending
    at ``end``, is an OAuth redirect (see _OAUTH_PATH), read a bounded way each side."""
    a = max(0, query - _QUERY_REACH)
    starts = [u.start() for u in _URL_START.finditer(norm, a, query)]
    if not starts:
        return False
    tail = norm[end : end + _QUERY_REACH]
    url = norm[starts[-1] : end] + tail[: next((i for i, c in enumerate(tail) if c.isspace()), len(tail))]
    mark = url.find("?")
    return _OAUTH_PATH.search(url, 0, mark if mark >= 0 else len(url)) is not None or bool(_OAUTH_PARAMS.search(url))


_LINK_START = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*://|(?<![A-Za-z0-9.\-])www\.")
# The names a link's query gives a password under (「…/login?id=soumu&pw=Kx7pq2zz」「?password=…」).
_QUERY_PASSWORD_LABEL = re.compile(r"(?i)password|passwd|pwd|pw|pass|p[a@]ssw[o0]rd")


def _in_a_link(norm: str, query: int) -> bool:
    """Whether the 「?」 or 「&」 at ``query`` is in an address: one starts before it with no space between."""
    a = max(0, query - _QUERY_REACH)
    starts = [u.start() for u in _LINK_START.finditer(norm, a, query)]
    return bool(starts) and not any(c.isspace() for c in norm[starts[-1] : query])


def _on_media(norm: str, query: int) -> bool:
    """Whether the URL whose query parameter starts after ``query`` (its 「?」 or 「&」) leads to an
    image or a video."""
    mark = norm.rfind("?", max(0, query - _QUERY_REACH), query + 1)
    return mark >= 0 and _MEDIA_PATH.search(norm, max(0, mark - 8), mark) is not None


# A lock named a space before a number, in a shop's or a purchase's notice (「キーボックス 3980（税込）」
# 「南京錠 1280 / キーボックス 3980 円」): the number is its price. Only a lock's name followed by a mere
# space: after 「は」 or a colon the number is its combination (「キーボックス：3980」).
_LOCK_NAME = re.compile(
    r"ダイヤル錠|南京錠|ダイヤルロック|キーボックス|ダイヤル式の?(?:鍵|錠|ロック)|オートロック|ドアロック|テンキー"
)
# 家賃 and 賃料: a flat's rent after its オートロック in a housing notice (「オートロック 家賃 24500」).
_PRICE_WORDS = re.compile(r"(?i)円|¥|\$|税込|税抜|価格|値段|定価|特価|販売|セール|割引|お買い?得|家賃|賃料|yen")


# Whatever the separator, a number followed by its tax is a price (「キーボックス：3980（税込）」).
_TAX_AFTER = re.compile(r"[ \t]*+\(?[ \t]*+税[込抜別]")


_SUM = re.compile(r"(?i)[¥$][ \t]*+[0-9]|[0-9][ \t]*+(?:円|yen)|税[込抜別]")
_SENTENCE_ENDS = "。！？!?\n"


def _sentence_around(norm: str, start: int, value: int, end: int) -> tuple[str, str]:
    """The text of the sentence from a bounded way before ``start`` up to ``value``, and after
    ``end`` a bounded way."""
    a = max(0, start - _CONTEXT_REACH)
    b = min(len(norm), end + _CONTEXT_REACH)
    before = norm[a:value]
    after = norm[end:b]
    cut = max(before.rfind(c) for c in _SENTENCE_ENDS)
    return before[cut + 1:], _to_sentence_end(after)


def _priced(norm: str, m: re.Match[str], end: int) -> bool:
    """Whether the number after a lock's name (matched by ``m``, the number ending at ``end``) is a
    price: followed by its tax, or a space after the name with a word of prices on its line, a
    bounded way each side."""
    if _LOCK_NAME.fullmatch(m["label"]) is None:
        return False
    if _TAX_AFTER.match(norm, end):
        return True
    if m["loose"] is None or m["loose"].strip(" \t"):
        return False
    # Only the number's own sentence tells: 「キーボックス 4821 です。予算は1万円以内」 gives the
    # combination and then a budget. After the number only a sum counts (「3980 円」「1280 / 3980 円」);
    # a word of shops there is what was done with the lock (「4821 を設置、販売店で購入」).
    before, after = _sentence_around(norm, m.start(), m.start("value"), end)
    return _PRICE_WORDS.search(before) is not None or _SUM.search(after) is not None


# A well-known PIN (1234, 0000) or one digit repeated (7777) is skipped as what awareness posts name
# (「暗証番号を1234などにしないで」「暗証番号は1111のような…」); said as THE code of something, as a
# sentence of its own, it is a real one all the same (「キーボックスの暗証番号は1234です」「金庫の暗証番号：
# 0000」), and so is a passcode given after its meeting's ID (「ミーティングID 812 3456 7890 パスコード 1234」).
# Said as a sentence: after 「は」 with です (or …になりました) ending it, or after a colon ending its line.
_STATED_AFTER_WA = re.compile(
    r"[ \t]*+(?:です|でした|になります|となります|に(?:なり|変わり|変更し|設定し)ました)[ \t]*+(?:[。.!)]|\n|$)"
)
_STATED_AFTER_COLON = re.compile(r"[ \t]*+(?:です)?[ \t]*+(?:[。.!)]|\n|$)")
# What says that a sentence names an example, a bad habit or a statistic, not a code in use: before
# the label, on its line or the one before (「例：」「NG例」「よく使われる暗証番号は1234です」「初期の暗証番号は0000です」, a
# factory default that the manual publishes), or in the sentence after (「…は1234です。推測されやすいので
# 避けましょう」).
_NOT_IN_USE_WORDS = (
    r"(?i)例|NG|ダメ|だめ|駄目|×|悪い|危険(?!物)|危な|弱い|よく|多い|多く|ありがち|推測|避け|単純|簡単|"
    r"人気|ランキング|ワースト|定番|ありふれ|ような|みたいな|など|仮に|たとえ|もし|"
    r"しないで|しないよう|使わない|やめ|狙われ|破られ"
)
_NOT_IN_USE_BEFORE = re.compile(rf"{_NOT_IN_USE_WORDS}|初期|出荷時|購入時|お?買い?上げ時|デフォルト|default")
# The same without a factory default's words: a password of letters that a notice gives as the initial one
# (「初期パスワードに tanaka1234 を使ってください」「初期パスワードは kohoka です」) is the one its staff log in with, not
# a manual's published default (「初期の暗証番号は0000です」).
_NOT_IN_USE_BEFORE_A_WORD = re.compile(_NOT_IN_USE_WORDS)
# Before a word of letters in the field (_field_word), only what calls it an example or a bad one; 「例」 of an example, not of
# a year's custom, a rule or a meeting (「例年どおり配布します⏎ID：koho01⏎パスワード：Yuki!」).
_CALLED_AN_EXAMPLE_BEFORE = re.compile(
    r"(?i)(?<![条恒慣定])例(?![年外会月祭規])|NG|ダメ|だめ|駄目|×|悪い|危険(?!物)|弱い|避け|ワースト|ランキング|推測|しないで|使わない|やめ"
)
_SAID_NOT_IN_USE = re.compile(
    rf"{_NOT_IN_USE_WORDS}|ください|下さい|ますか|詐欺|手口|不審|偽|方法|手順|やり方|仕方|作り方|決め方|設定方法|変更方法|講座|教室|研修|説明会|相談|"
    r"窓口|受付|会場|期限|期間|日時|日程|時間|場所|詳細|詳しく|問い合わせ|問合せ|お問|連絡先|案内|お知らせ(?!します|いたします)|条件|ルール|要件|形式|"
    r"文字|桁|種類|アプリ|ソフト|ツール|管理|サイト|ページ|画面|フォーム|ボタン|クリック|タップ|URL|リンク|QR|二段階|2段階|認証|チェック|診断|セキュリティ")
# 「新しいのは」 after a verb of changing the label took as its own (「パスワード変えました!新しいのは staffwifi2026 です」):
# the value is given, as after 「変わりました!」; any other sentence after such a verb reads on as prose.
_A_NEW_ONE_SAID = re.compile(r"(?:新しい|変更後|今度)の?(?:は|が)")
# A link written without its scheme, a domain's name or a path (「bit.ly/3AbcDef」「city.example.jp」): a page's address.
_A_LINK_OR_A_NAME = re.compile(r"(?i)/|\.[a-z]{2,}\b|@")
# 「しないで」 of what to make a password, not of how to keep the memo (「…：Tokyo⏎外部に共有しないでください」「…⏎転送しないよう
# お願いします」), which a real password's memo says.
_NOT_IN_USE_AFTER = re.compile(
    r"避け|(?<!共有|転送|口外|公開|投稿|他言|拡散|紛失|放置|流出|漏洩)しないで|(?<!共有|転送|口外|公開|投稿|他言|拡散|紛失|放置|流出|漏洩)しないよう"
    r"|使わない|やめ|危険|危な|推測|NG|ダメ|だめ|駄目|よくない|良くない|狙われ|破られ|"
    r"見破|ばれ|バレ|簡単|単純|ような|など|例"
)
# Whose code it is: 「金庫の暗証番号：」, or what it opens named just before (「倉庫の鍵⏎暗証番号：…」).
_OWNER_BEFORE = re.compile(
    r"の[ \t]*+$|鍵|カギ|かぎ|金庫|倉庫|ロッカー|扉|ドア|入口|玄関|門|ゲート|スマホ|端末|携帯|タブレット|口座|カード"
)
# A meeting's ID, the passcode that follows it on the line being that meeting's.
_MEETING_ID = re.compile(r"(?i)(?:ミーティング|meeting|会議|zoom|webex)[ \t]*+(?:ID|番号)[ \t]*+:?[ \t]*+[0-9]{3}")
_STATED_PIN_LABEL = re.compile(rf"(?i)暗証(?:番号)?|パスコード|passcode|PIN(?:\s?(?:コード|number|code))?|{_PIN_ONLY}")


def _stated_pin(norm: str, m: re.Match[str], end: int, value: str) -> bool:
    """Whether ``value``, a number too common to be taken for a PIN on its own, is given after the
    label ``m`` as the code of something in use (see _STATED_AFTER_WA)."""
    if not (value.isdigit() and 4 <= len(value) <= 12):
        return False
    label = _BLANKS.sub("", m["label"] or "")
    if not (_STATED_PIN_LABEL.fullmatch(label) or _NUMERIC_LABEL.fullmatch(label)):
        return False
    # A bounded way back, over the line before too: a slide's 「×悪い例」 heads the line under it.
    before = norm[max(0, m.start() - _PAIR_WINDOW) : m.start()]
    if _MEETING_ID.search(before) and re.fullmatch(r"(?i)パスコード|passcode", label):
        return True
    separator = _separator_of(m)
    if separator == "は" or m["clause"] is not None:
        stated = _STATED_AFTER_WA.match(norm, end)
    elif separator in (":", "=", "::"):
        # A label and a colon alone are also how a how-to shows the field (「PIN: 1 2 3 4」): only
        # when the draft says whose code it is.
        if not (_PIN_ONLY_LABEL.fullmatch(label) or _OWNER_BEFORE.search(before)):
            return False
        stated = _STATED_AFTER_COLON.match(norm, end)
    else:
        return False
    return stated is not None and _said_in_use(norm, m, stated.end())


# The new value after the date or time a notice gives for it (「パスワード：11/30 から kx7pq2」「パスワードは 11/30 以降
# kx7pq2 です」「PW を 12/1 9:00 に Kx7pq2 に更新」): the value ends the sentence, or is what the password is changed to.
# Read as the date alone (_WHEN_AFTER), the password after it was published.
_DATED_VALUE = re.compile(r"[ \t、,]*+(?P<value>[!-~]++)")
_DATED_END = re.compile(
    r"[ \t]*+(?:(?:に|へ)[ \t]*+(?:変更|更新|再設定|設定|変わ|切り?替)|です|でした|になります|となります|に(?:なり|変わ)"
    r"|[。.]|\n|$)"
)


def _value_after_when(norm: str, a: int) -> tuple[str, int] | None:
    """The value, and where it starts, after a date or time at ``a`` said as when the password changes."""
    when = _WHEN_AT.match(norm, a)
    if when is None or (norm[when.end() : when.end() + 1] not in ("", "(") and re.match(r"[!-~]", norm[when.end()])):
        return None
    if (after := _WHEN_AFTER.match(norm, when.end())) is None or (v := _DATED_VALUE.match(norm, after.end())) is None:
        return None
    value, b = v["value"].rstrip(_TRAILING), v.start("value")
    if re.match(r"[!-~]", norm[b - 1]) or not _DATED_END.match(norm, b + len(value)):
        return None  # glued to the date (「12-3-abc123」 is one value), or the sentence goes on: prose
    return value, b


def _dated_password(label: str, value: str) -> bool:
    """Whether ``value``, given after a date (_value_after_when), is a password: letters and digits as after a loose
    separator, or a PIN after a label of numbers; never a date, a product, a Wi-Fi standard or a document's part."""
    if (
        _WHEN.fullmatch(value) or _TECHNICAL.fullmatch(value) or _SERVICE_NAME.fullmatch(value)
        or _HEADING.fullmatch(value) or _STANDARD_VALUE.fullmatch(value)
    ):
        return False  # 「パスワード：12/1 から Wi-Fi6」 says what the network supports, as 「パスワード：Wi-Fi6」 does
    compact = _BLANKS.sub("", label)
    if _PIN_ONLY_LABEL.fullmatch(label):
        return _pin_like(value)
    return _password_like(value, loose=True) or (_NUMERIC_LABEL.fullmatch(compact) is not None and _pin_like(value))


def _label_marked(norm: str, m: re.Match[str]) -> bool:
    """Whether the label of ``m`` is set apart as a label: quoted (「「PW」、kx7pq2」), in emphasis opened before it
    (「*PW*、…」) or with a note in brackets after it (「PIN【旧】、kx7pq2 です」). A short English label so set apart is
    no word of a sentence, whatever separator follows it."""
    start = m.start() - (1 if m["label_close"] else 0)
    if m["label_close"] and norm[start : start + 1] not in _OPEN_QUOTES:
        return False
    if m["label_mark"]:
        return norm[max(0, start - len(m["label_mark"])) : start] == m["label_mark"]
    return m["label_close"] is not None or m["bracket_qualifier"] is not None or m["quote_qualifier"] is not None


def _labelled(norm: str) -> Iterator[Credential]:
    lowered = norm.lower()
    if not any(p in lowered for p in _LABEL_PROBES):
        return
    # Where the search resumes: past the match, or where a value was cut before the next field, so that
    # a secret in a field after it (「PW=Kx7pq2;user=soumu;PIN=4821」) is read too; passed over with the
    # rest of the run, that PIN was no value and went out as typed in a leak report's record.
    resume = 0
    while (m := _LABELLED.search(norm, resume)) is not None:
        resume = m.end()
        named_above = False  # the value is on the line under a service's name (「パスワード⏎OneDrive⏎Kessai2026!」)
        if m["label_mark"] and not _MARK_SEPARATOR_AFTER.match(norm, m.end("label_mark")) and not _label_marked(norm, m):
            continue  # 「PW* 2」: a mark of its own, no emphasis closed on the label
        dated = (
            _value_after_when(norm, m.start("value"))
            if m["label"] and m["quote"] is None and not (m["key"] or m["backup"] or m["code"] or m["bare_key"])
            else None
        )
        if (
            m["loose"] is not None and _SHORT_ENGLISH_LABEL.fullmatch(m["label"]) and not _under_an_id(norm, m)
            and dated is None and not _label_marked(norm, m)
            # 「PW Kessai2026!」: a value of every kind of character is a password, whatever the writer left out
            and not _strong_after_label(norm, m)
            # 「PIN 4821」 as 「暗証番号 4821」: in capitals the label is no word of a sentence (「enamel pin 2026」).
            # A year a space after it is a name's (「ANA PIN 2026」, a pin badge's series): a PIN of that
            # shape is given with a separator (「PIN：2026」).
            and not (m["label"] == "PIN" and not m["loose"].strip(" \t") and _pin_like(m["value"])
                     and not _named_year(norm, m))
        ):
            continue
        if _example_qualified(m):
            continue
        if dated is not None:
            if _dated_password(m["label"], dated[0]):
                value, a = dated
                yield Credential(m.start(), a + len(value), a, a + len(value), _pin_kind(m["label"]), 0)
            continue
        if m["label"] == "テンキー" and m["loose"] is not None:
            # The keys alone with no 「は」 or colon are what a PC class types on (「テンキー 5678 と入力」)
            # or a shop sells (「テンキー 2980」); a door's code is given as 「入口のテンキーは 4821」.
            continue
        if m["quote"] is None and norm[m.start() - 1 : m.start()] == "$" and _PS_EXPRESSION.match(m["value"]):
            # A PowerShell variable assigned an expression (「$pw = Read-Host -AsSecureString」「$password =
            # ConvertTo-SecureString $plain …」): a string it is given is quoted (「$pw = "Kessai2026!"」),
            # and one written bare in a memo (「$pw = Kessai2026!」) is no expression.
            continue
        if m["bare_key"] is not None and _id_before(norm, m) not in _NETWORK_IDS:
            # 「KEY」 alone is a Wi-Fi key only beside the network's SSID. What followed it is read again: past
            # the match, 「Azure ストレージのキー：AccountKey=…」 lost its connection string's key to this label.
            resume = m.start("value")
            continue
        listed = (m["explicit"] or "").lstrip(" \t").startswith("・") and _a_term_listed_before(norm, m.start())
        if listed and _a_listed_term(m["value"].rstrip(_TRAILING)):
            continue  # 「ID・パスワード・Wi-Fi2」: the label is an item of a list of terms, and so is the word after it
        if "。" in (m["line"] or "") and (
            (_A_SENTENCE_BEFORE.search(norm, norm.rfind("\n", 0, m.start()) + 1, m.start())
             # 「私たちのパスワード。⏎Kessai2026!」: no slogan's line is of a password's characters; a number may be a date's
             and not _shaped_as_a_password(m["value"], digits=False))
            or m["value"][:1] in "#@"
        ):
            continue  # 「今月のテーマはパスワード。⏎#joetsu2026」: a sentence ends on the word, no memo's label
        if (
            m["line"] is not None and ("。" in m["line"] or "." in m["line"])
            and _A_TITLE_OR_AN_ENGLISH_SENTENCE_BEFORE.search(
                norm, norm.rfind("\n", 0, max(0, norm.rfind("\n", 0, m.start()))) + 1, m.start()
            )
            and not _shaped_as_a_password(m["value"])
        ):
            continue  # 「第3回 パスワード。⏎Windows11」「Never share your PW.⏎StaySafe2026」: a title or a slogan, no memo's label
        if m["changed"] and m["explicit"] is None and m["line"] is None and not _A_NEW_ONE_SAID.search(m["said"] or ""):
            continue  # 「パスワードを変更しました Kessai…」 reads on as prose; the explicit forms are enough
        value = m["value"]
        a = m.start("value")
        if m["loose"] is not None and m["quote"] is None and (lead := len(value) - len(value.lstrip(_LEADING))):
            # 「パスワード；…」「パスワード／…」: the mark is no part of the value, and left in, the value
            # masked elsewhere was not the one other findings show.
            value, a = value[lead:], a + lead
        if m["quote"] is None and (pair := _pair_after(norm, m, a)) is not None:
            value, a = pair
        if m["quote"]:
            value = _CLOSE_QUOTE.split(value, maxsplit=1)[0]
            if (
                norm[a + len(value) : a + len(value) + 1] in (" ", "\t")
                and (rest := _QUOTED_REST.match(norm, a + len(value))) is not None
                and _has_digit(spaced := value + rest.group())
                and _has_letter(spaced)
                and _SPACED_PASSWORD_WORD.search(spaced)
                and not (_SERVICE_NAME.fullmatch(value) or _TECHNICAL.fullmatch(value))
            ):
                # 「$pw = "Kessai 2026!"」「パスワードは「Kessai 2026!」です」: the quotes hold the whole value,
                # spaces and all. Letters and digits both, so that a quoted phrase (「PW: "see below"」) stays one,
                # and a word only a password has, so that a quoted name (「「Office 365」と同じ」) stays one too.
                value = spaced
        if len(cut := before_next_field(value)) < len(value):
            if m.end() - (a + len(cut)) <= RESCAN_LIMIT:
                resume = a + len(cut)
            value = cut
        value = _without_note(value)
        if _EVERY_PIN.fullmatch(value) and not _NUMBER_LATER_IN_THE_SENTENCE.match(norm, a + len(value)):
            continue  # 「暗証番号：0000～9999 の範囲で設定できます」: every PIN there is, which is no one's
        if m["length_note"] is not None and len(_compact(value)) != int(m["length_note"]):
            continue  # 「暗証番号は4桁の10進数」: the count is not this value's length, so it is no PIN given with it
        if _CHARACTER_RANGES.fullmatch(value):
            continue  # 「パスワードは【A-Z,a-z,0-9】」: the kinds of characters a password is made of, a rule
        if value[:1] in _OPENING and value[1:-1].isalpha():
            continue  # 「Password: (optional)」「パスワード：(required)」: a form's note, no value
        if m["line"] is not None and m["quote"] is None and _BRACKETED_ON_ITS_LINE.fullmatch(value):
            if _NOTE_WORD_ALONE.fullmatch(value[1:-1]) and _PROSE_AFTER_A_NOTE.match(norm, a + len(value)):
                continue  # 「パスワード⏎(iPhone15)⏎の変更方法」: the version or model of what the heading is about
            # 「パスワード：⏎（Kessai2026）」: the brackets hold the value, as quotes do. Left in, the bracket was the
            # value's first letter in the excerpt (「（K＊＊…」), and the words of a notice in them (「（Ver2.0）」
            # 「（Step1）」) were read as no heading.
            value, a = value[1:-1], a + 1
        if m["quote"] is None:
            value = _whole(norm, m, a, value)
        query = m["key"] is not None and norm[m.start() - 1 : m.start()] in ("?", "&", ";")
        if query:
            value = _QUERY_VALUE_END.split(value, maxsplit=1)[0]
            if m["label"].lower() == "sig" and _on_media(norm, m.start() - 1):
                continue
            if m["oauth_code"] is not None and not (_key_like(value) and _oauth_url(norm, m.start() - 1, a + len(value))):
                continue  # 「?code=13201」: a municipality's, a product's or a form's code
        # A password sent in a link's query (「…/login?id=soumu&pw=Kx7pq2zz」): the link gives it to whoever opens it.
        # Its value ends at the next parameter (read on, 「&x=1」 was shown as part of it), and a weak one
        # (「?password=Passw0rd」) is still the account's, no example quoted by an awareness post.
        sent_in_query = (
            not query and m["label"] is not None and _QUERY_PASSWORD_LABEL.fullmatch(m["label"]) is not None
            and norm[m.start() - 1 : m.start()] in ("?", "&", ";") and (m["explicit"] or "").strip(" \t") == "="
            and _in_a_link(norm, m.start() - 1)
        )
        link_value_end = a + len(value)
        if sent_in_query:
            value = _QUERY_VALUE_END.split(value, maxsplit=1)[0]
            # A parameter after it may hold a secret too (「?pass=student#pw=0427」): read on from the cut.
            resume = min(resume, a + len(value))
        # A quoted example is followed by its closing quote first: 「パスワードは「yuki2025」のような…」.
        after = a + len(value)
        if m["quote"] and norm[after : after + 1] in _CLOSE_QUOTES:
            after = _past_more_quoted(norm, after + 1)
        elif (
            m.start() > 0 and norm[m.start() - 1] in _OPEN_QUOTES and norm[after : after + 1] in _CLOSE_QUOTES
            and (example := _QUOTED_EXAMPLE_AFTER.match(norm, after + 1)) is not None
            and not _said_in_use(norm, m, example.end())
        ):
            # The label quoted with its value, as what not to choose (「「PIN 2026」のような番号は避けましょう」);
            # 「「暗証番号は4821」って言ってた」 is what someone said, the PIN itself. The sentence must say so
            # (避け・危険・推測・使わない…): 「会議室の鍵は「暗証番号 7319」などで開けられます」 gives the PIN in use.
            continue
        if _EXAMPLE_AFTER.match(norm, after) and not (
            _ROOM_AFTER.match(norm, after)
            and _PIN_WORD.fullmatch(_BLANKS.sub("", m["label"] or ""))
            and (m["explicit"] is not None or (m["loose"] is not None and not m["loose"].strip(" \t")))
        ) and not (
            (reported := _REPORTED_AFTER.match(norm, after)) is not None and _said_in_use(norm, m, reported.end())
        ):
            continue
        if _POWER_OF_TEN.fullmatch(value) and _COMBINATIONS_AFTER.match(norm, after):
            continue
        if m["loose"] is not None and m["loose"].strip(" \t") in ("に", "として") and (
            _warned_against(norm, a + len(value)) or not _said_in_use(norm, m, a + len(value), _NOT_IN_USE_BEFORE_A_WORD)
        ):
            continue  # 「パスワードに Joetsu2026 を使うのは危険です」: an awareness post's example, not the password set
        if m["clause"] is not None and (
            not _ENDS_ANNOUNCED.match(norm, a + len(value))
            # Only a password's own label: a number after 「ロック解除は毎朝」 or 「認証コードは最大」 is a time or a count.
            or m["key"] or m["backup"] or m["code"] or m["bare_key"] or _PIN_ONLY_LABEL.fullmatch(m["label"])
            # A date after 「変更期限が」「有効期限は」: 「R8.3.31」 is 令和8年3月31日, not a password.
            or _WHEN.fullmatch(value)
            # A sentence that gives an example, a warning or a way to a page (「パスワードの悪い例→ abc12345」
            # 「パスワード再設定はこちら→ bit.ly/3AbcDef」「パスワード講座:6月1日 10時 Room2026」), and a short English
            # label's clause (「day pass 売り場→ Gate12」): the arrow or the colon is the post's, no password follows.
            or (m["said"] is not None and (
                _SAID_NOT_IN_USE.search(m["said"]) or _SHORT_ENGLISH_LABEL.fullmatch(m["label"] or "") and "!" not in m["said"]
                and ":" not in m["said"] or _A_LINK_OR_A_NAME.search(value)))
        ):
            continue  # 「パスワードは各自で Microsoft365 の画面から…」: the sentence goes on, prose
        if m["line"] is not None and not (
            _ENDS_LINE.match(norm, a + len(value) + (1 if m["quote"] else 0))
            or ("\n" not in m["line"] and _ENDS_ANNOUNCED.match(norm, a + len(value)))
        ):
            continue  # a sentence that goes on after a label ending its line is prose, not a form
        if m["line"] is not None and not m["quote"] and value.rstrip(_TRAILING).lower() in _FIELD_NAMES:
            continue  # 「Password⏎Username⏎Login」: a list of a form's terms, an English class's words
        if m["line"] is not None and not m["quote"] and _a_tool(value) and not _has_digit(value) and not value.islower():
            # 「パスワード⏎OneDrive⏎⏎Kessai2026!」: a service's name as it is spelt says whose password the line under it is.
            # Read as the value, the name was masked and the password shown, in the excerpt and in the incident report;
            # alone (「パスワード⏎OneDrive⏎の設定方法」) it is what a guide is about. Typed in lower case it is the value.
            # The line after it read as after the tools' names a line apart (_after_the_tools): 「パスワード⏎Edge⏎Chromium」
            # are two browsers, 「Zoom⏎Zoom5.17」 a version.
            nxt = _named_password_below(norm, value, a + len(value))
            if nxt is None:
                # Two pieces of one password (「パスワード⏎Zoom⏎2026!」) are _halves_and_lines' to find, both masked.
                continue
            value, a = nxt[1], nxt.start(1)
            named_above = True
        if m["line"] is not None and not m["quote"] and _an_item_of_a_list_below(norm, value, a + len(value), m["label"] or ""):
            continue  # 「パスワード⏎IE11⏎EDGE」「パスワード⏎PC-A1⏎PC-B2」: a heading and the items under it
        if m["line"] is not None and _IN_TABLE_ROW.search(norm, norm.rfind("\n", 0, m.start()) + 1, m.start()):
            continue  # a column header: the value under it is _tables' to find, not the next row
        if (
            not m["key"] and _HEADING.fullmatch(value)
            and (m["line"] is not None or _TITLE_AFTER.match(norm, a + len(value)))
        ):
            continue  # 「パスワードは以下のとおりです。STEP1」: the first of the steps that follow
        if (
            (m["explicit"] or "").strip(" \t").startswith(".") and m["quote"] is None
            and _NOTE_WORD_ALONE.fullmatch(value)
        ):
            continue  # 「パスワード. v2.0 で必須に」: a version a note names after the word, no value a 「.」 announces
        if m["key"]:
            if not _key_like(value):
                continue
            kind = "キーまたはトークン"
        elif m["backup"]:
            if not _backup_like(value):
                continue
            kind = "バックアップコード"
        elif m["code"]:
            if m["loose"] == "" and _TECHNICAL.fullmatch(value):
                continue  # 「認証コードSMS2通目が届かない」
            compact = _compact(value)
            if _code_like(compact):
                kind = "認証コード"
            elif _CARD_CODE_LABEL.fullmatch(m["code"]) and compact.isdigit() and len(compact) in (3, 4):
                kind = "カードのセキュリティコード"
            elif _PASSWORD_WORD.search(m["code"]) and _password_like(value, loose=m["loose"] is not None):
                kind = "パスワード"  # 「ワンタイムパスワード：Kessai2026!」: no code, but a password all the same
            else:
                continue
        else:
            # Written straight after the label only (「パスワードMicrosoft365の管理」): after a space
            # (「パスワード Office2026 です」) or in quotes (「パスワード「Office2026」でログイン」) it is the value.
            # A 「、」 reads as no separator here: 「パスワード、Microsoft365の管理」.
            # So do the particles of a field or a setting: 「パスワードには Microsoft365 の…」 names a service.
            glued = m["loose"] == "" or (
                m["loose"] is not None and m["loose"].strip(" \t") in ("、", "欄に", "欄へ", "には", "にも", "に", "として", "も")
            )
            bare = value.strip("()[]")
            if glued and not m["quote"] and (_TECHNICAL.fullmatch(bare) or _SERVICE_NAME.fullmatch(bare)):
                continue
            if (after_standard := _key_after_standard(norm, a, value)) is not None:
                if not after_standard[0]:
                    continue
                value, a = after_standard
                value = value.rstrip(_TRAILING)
            elif _names_its_use(
                # Quoted, the name is followed by its closing quote first: 「パスワードは「Office365」と同じです」.
                norm, value,
                a + len(value) + (1 if m["quote"] and norm[a + len(value) : a + len(value) + 1] in _CLOSE_QUOTES else 0),
            ):
                continue  # 「パスワード：Google のもの」「パスワード Windows11 と同じ」: which account's it is
            if (
                not m["quote"] and m["explicit"] is not None and "は" in m["explicit"]
                and (phrase := _PHRASE_FROM.match(norm, a)) is not None
                and (words := phrase[0].split())[0] == value
                and _names_a_place_or_device(words) and _WHERE_AFTER.match(norm, phrase.end())
            ):
                continue  # 「Wi-Fi パスワードは 5GHz Router の裏面に記載」: the first word of where, not the value
            if not m["quote"] and value.isascii() and value.isalpha() and _NEXT_LATIN_WORD.match(norm, a + len(value)):
                # Letters alone (a capitalised word passes on its mixed case) with more English words after it: the first
                # word of a name or an explanation (「PINは Personal Identification Number の略です」「パスワードは
                # Microsoft Authenticator で管理します」). A passphrase of several words with digits is _spaced_values'.
                continue
            word = value.rstrip(_CLOSING_MARKS)
            if (
                word.isascii() and word.isalpha() and word[:1].isupper() and word[1:].islower()
                and not _a_password_word(word)
                and (_ENDS_LINE.match(norm, a + len(value)) or _A_NOTE_ENDING_THE_LINE.match(norm, a + len(value)))
            ):
                # A capitalised word a form puts alone in the field, or a name (「Password: Required」「パスワード：Microsoft」
                # 「パスワード：Unnecessary」): eight letters in two cases made it a password, as its lower-case form is not.
                # Words after it make a passphrase (「パスワードは Microsoft 2026 でログイン」). In lower case alone, as a
                # password is typed, the name is the value as any word is (「パスワード：microsoft」「ID：koho01⏎PW：google」).
                continue
            tested = _BLANKS.sub("", value) if _BOXED_VALUE.fullmatch(value) else value
            if _WHEN.fullmatch(value) and (m["changed"] or _WHEN_AFTER.match(norm, a + len(value))):
                continue  # 「パスワードは 9:30 に変更しました」「パスワード変更：10/1」: when, not what
            if _PHONE.fullmatch(value) and _CONTACT_AFTER.match(norm, a + len(value)):
                continue  # 「暗証番号は 0120-123-456 にお問い合わせください」: whom to ask, not what
            if _LOCK_NAME.fullmatch(m["label"] or ""):
                tested = tested.removesuffix("#")  # the keypad's enter key: 「オートロック 4821#」
            if m["label"] and _PIN_ONLY_LABEL.fullmatch(m["label"]):
                if (
                    _pin_like(tested) or _stated_pin(norm, m, a + len(value), tested)
                ) and not _priced(norm, m, a + len(value)):
                    yield Credential(m.start(), a + len(value), a, a + len(value), _pin_kind(m["label"]), 0)
                continue
            if not (
                _APP_PASSWORD.fullmatch(value)
                # A word of lower-case letters is a field's value (_field_word) when the link ends its line, wherever
                # in the query it stands: cut at the next 「&」, 「…&pw=sakurasaku&lang=ja」 went out as prose.
                # A famous weak password listed after the account's terms (「ID・パスワード・abcd1234」) is the account's: an
                # awareness post quotes it as what not to choose, never as the item of a login's list. Unless the post
                # says so around it (「悪い例：ID・パスワード・abcd1234」「…abcd1234⏎こうした組み合わせは危険です」).
                or (listed and tested.lower() in _FAMOUS_EXAMPLES and not tested.isalpha()
                    and _said_in_use(norm, m, a + len(value), _NOT_IN_USE_BEFORE_A_WORD))
                or (sent_in_query and (_password_like(tested, loose=False) or tested.lower() in _FAMOUS_EXAMPLES
                                       or _field_word(value, norm, m, link_value_end)))
                # After English 「is」 a word is as likely as after a space: 「the password is case-sensitive」.
                or _password_like(tested, loose=m["loose"] is not None or m["short"] is not None
                                  or m["english"] is not None or m["clause"] is not None)
                # A number is no word, though: 「The PIN is 4821」 as 「暗証番号は4821」; but 「The bus
                # pass is 2000」 is a price.
                or (m["english"] is not None and m["label"].lower() != "pass" and _pin_like(tested)
                    and not _UNIT_AFTER.match(norm, a + len(value)))
                # A PIN after a short clause too (「暗証番号は全員共通で 4821 です」): the clause is only taken
                # when the number then ends the sentence with its copula.
                or ((m["loose"] is not None
                     or (m["clause"] is not None and not _NOT_IN_USE_BEFORE.search(m["clause"])))
                    and _NUMERIC_LABEL.fullmatch(re.sub(r"[ \t]", "", m["label"]))
                    and _pin_like(tested) and not _UNIT_AFTER.match(norm, a + len(value))
                    and not _titled_year(norm, m, a + len(value)))
                or _stated_pin(norm, m, a + len(value), tested)
                or (m["quote"] and m["explicit"] is not None
                    and norm[a + len(value) : a + len(value) + 1] in _CLOSE_QUOTES
                    and (_quoted_word(value, norm, a + len(value) + 1)
                         # 「パスワードは「Tokyo」です」: stated with the copula, as 「パスワードは Kohoka です」 is
                         or (_stated_word(value, norm, m, a + len(value) + 1) and not _in_a_game_or_a_lesson(norm, m))))
                or (not m["quote"] and _field_word(value, norm, m, a + len(value)))
                or (not m["quote"] and _stated_word(value, norm, m, a + len(value)))
                or (not m["quote"] and _set_word(value, norm, m, a + len(value)))
                or (not m["quote"] and _paired_word(value, norm, m))
            ):
                continue
            kind = "パスワード"
        yield Credential(m.start(), a + len(value), a, a + len(value), kind, 0)
        # 「パスワード⏎OneDrive⏎Kessai2026!⏎Teams⏎Joetsu#2026」: the next services' names and their passwords, a pair each; only
        # the first was found, and the incident report showed the others as typed.
        end = a + len(value)
        for _ in range(_NAMED_PAIRS if named_above else 0):
            tool = _NEXT_LINE_A_WORD.match(norm, end)
            if tool is None or (nxt := _named_password_below(norm, tool[1], tool.end(1), in_pairs=True)) is None:
                break
            end = nxt.end(1)
            yield Credential(nxt.start(1), end, nxt.start(1), end, "パスワード", 0)


# --- a value in brackets right after its label -----------------------------------------------------

# 「パスワード（yuki2025）を入力」「パスワード「yuki2025」でログイン」「パスワード【yuki2025】」: no
# separator (or a colon before the brackets: 「パスワード：【yuki2025】」), the brackets say which
# characters are the value. A word of letters and digits, as after
# a loose separator, so that 「パスワード（8文字以上）」「パスワード（PIN）」「パスワード「ABC」」 stay
# what they are. The brackets may open the next line, as in a form (「パスワード：⏎【Kessai2026】」
# 「パスワード：⏎「Kessai2026」です」): read only on the label's line, the boxed value went out unflagged and
# the one in round brackets was shown with its bracket as its first letter.
_BRACKETED = re.compile(
    rf"(?i)(?P<label>{_PASSWORD_LABEL})[ \t]*+(?:[:=][ \t]*+)?(?P<next_line>\n[ \t]*+)?(?:\((?P<paren>[!-~]{{4,64}}?)\)|[「『\"“](?P<quoted>[!-~]{{4,64}}?)[」』\"”]"
    r"|[【\[《〔<](?P<boxed>[!-~]{4,64}?)[】\]》〕>])"
)


def _bracketed(norm: str) -> Iterator[Credential]:
    lowered = norm.lower()
    if not any(p in lowered for p in _PASSWORD_PROBES):
        return
    for m in _BRACKETED.finditer(norm):
        group = next(g for g in ("paren", "quoted", "boxed") if m[g] is not None)
        value = m[group]
        if value[0] in ":=":
            # 「「"パスワード"：Kessai2026!」」: the quote closed the label, and the colon after it is no
            # part of the value (_labelled reads it; read here, the excerpt masked the colon and showed
            # nothing of where the password begins).
            continue
        if _EXAMPLE_AFTER.match(norm, _past_more_quoted(norm, m.end())):
            continue  # 「パスワード「yuki2025」のような推測しやすいもの」「パスワード「dragon」「monkey」など」
        numeric = _NUMERIC_LABEL.fullmatch(re.sub(r"[ \t]", "", m["label"])) is not None
        if _PIN_ONLY_LABEL.fullmatch(m["label"]) and not _pin_like(value):
            continue
        if group != "quoted" and _TECHNICAL.fullmatch(value):
            continue  # 「パスワード【Ver2.0】の管理ガイド」; quotes mark a value (「パスワード「Office2026」」)
        if m["next_line"] and (_HEADING.fullmatch(value) or (group != "quoted" and _NOTE_WORD_ALONE.fullmatch(value)
                                                         and _PROSE_AFTER_A_NOTE.match(norm, m.end()))):
            # 「パスワード：⏎【STEP1】設定画面を開く」: the first of the steps under a heading; 「パスワード⏎(v1.2.3)」
            # 「パスワード⏎(Pixel8)」: the version or the model the heading is about
            continue
        if _names_its_use(norm, value, m.end()):
            continue  # 「パスワード：「Windows11」と同じです」: which account's password to use, as in _labelled
        # Or a short value of every kind of character (「パスワード【Az09!】」): no title's note, version or word is.
        if _password_like(value, loose=True) or (numeric and _pin_like(value)) or _strong(value) or (
            group == "quoted" and _quoted_word(value, norm, m.end())
        ):
            yield Credential(m.start(), m.end(), m.start(group), m.end(group), _pin_kind(m["label"]), 0)


# --- a value with a space in it, or in kana -------------------------------------------------------

# After a label and an explicit separator, a value that the other shapes do not read, since they stop
# at the first space or the first character that is not ASCII:
# - a password of a few ASCII words one space apart (「パスワード：Kessai 2026!」「PW: abc 123xyz」, a
#   full-width space typed between a word and a year), up to the end of its line or the Japanese
#   that follows; more words than a password has, or English words of a rule (「at least 8」「4
#   digits」), are prose;
# - a password of kana, alone or with digits (「パスワードは　さくら２０２６　です」「パスワード：
#   もみじがり」「パスコードは「ひまわり」です」), one script throughout and ending where a value
#   ends (です, the line's end, a closing quote), so that a sentence in kana after the label
#   (「パスワードはわすれずに」「パスワード：ありません」) stays prose.
# Read after every separator _labelled reads one word after: 「パスワードは、Blue Sky2026」「ログインパスワード Blue
# Sky2026」「パスワード（Blue Sky2026」「the password is Blue Sky2026」. After は or a colon alone, the single-word
# reader masked 'Blue' and 'Sky2026' went out as typed (or, 'Blue' no password, nothing was flagged at all).
# After a space, a particle, an English verb or an open bracket (loose) words are as often prose: see _SPACED_LOOSE_WORD.
_SPACED_SEPARATOR = (
    rf"[ \t]*+(?:は(?![ \t]*+[、,])|::?|=>|->|=|→|】|\]|>){_MARK_CLOSED}[ \t、,]*+"
    # 「は、」 is loose: a comma after は opens a sentence as often as a value (「パスワードは、1F Information Desk で
    # お渡しします」「パスワードは、Galaxy S24 でも使えます」).
    rf"|(?P<loose>{_ENGLISH}|[ \t]*+(?:は[ \t]*+[、,]|を|が|、|欄に|欄へ|には|にも|に|として|も|って|とは)[ \t]*+"
    rf"|[ \t]*+\([ \t]*+|[ \t]*+)"
)
# After a loose separator, a word of the phrase must be one only a password has: letters and digits mixed
# (「Sky2026」) or a mark (「2026!」). A title and its year (「パスワード Reset Guide 2026 をご覧ください」) is prose.
_SPACED_LOOSE_WORD = re.compile(r"(?i)[a-z][0-9]|[0-9][a-z]|[!#$%&*=?@^~|]")
# Letters and digits mixed that a notice has too: a floor, a unit, an ordinal or a size (「1F」「24h」「5GHz」「3rd」「A4」),
# a room or a model (「Room 3A」「Galaxy S24」「Pixel 8a」「C340」). Only a digit or a letter beside the other, where a
# password's word has a word's letters (「Sky2026」).
_UNIT_OR_MODEL_WORD = re.compile(r"(?i)[0-9]{1,4}[a-z]{1,3}|[a-z][0-9]{1,4}")
# A version or a product's edition among the words (「password Safe v3」「Manager Pro 12」): a tool's name, no value.
_VERSION_WORD = re.compile(r"(?i)v(?:er)?\.?[0-9][0-9.]*+")


def password_only_word(word: str) -> bool:
    """Whether ``word`` (of a phrase after a label) is one only a password has (「Sky2026」「2026!」): shared
    with the leak report's masking, so that a draft's finding and a report's mask read the same phrases."""
    return _SPACED_LOOSE_WORD.search(word) is not None and not _UNIT_OR_MODEL_WORD.fullmatch(word.strip("()[]（）.,、。"))


# A word a label or a heading ends with (「Password Reset! abc123」「The password is: abc123」「Note: …」): the mark
# closes the label, and the value begins after it. Only a word of letters, and before 「!」 only a label's own noun:
# 「Kx7! …」 is a password's first word.
_LABEL_WORD_CLOSED = re.compile(
    r"(?i)[a-z]++[:：]|(?:reset|change|changed|update|updated|expired|leak|leaked|alert|notice|warning)[!！]")


def label_word_first(word: str) -> bool:
    """Whether ``word``, the first of a phrase after a label, closes the label rather than begins the value:
    shared with the leak report's masking, so that neither takes 「Reset!」 or 「is:」 for a word of a password."""
    return _LABEL_WORD_CLOSED.fullmatch(word) is not None


def product_or_version_word(word: str) -> bool:
    """Whether ``word`` names a product, a standard or a version (「Windows」「Office」「v3」「Step」)."""
    return any(p.fullmatch(word) for p in (_TECHNICAL, _VERSION_WORD, _SERVICE_NAME))


_EDITION_WORD = re.compile(_EDITION)
# The words from a value on, as _SPACED_VALUE reads a phrase (a few, then the sentence's own script).
_PHRASE_FROM = re.compile(r"[!-~]{1,32}+(?:[ \t][!-~]{1,32}+){1,3}+(?=[ \t]*+[^\x00-\x7f])")


def _names_a_place_or_device(words: list[str]) -> bool:
    """Whether the words after a label name a place or a device by its floor, unit, model, standard or version (「2F Help
    Desk」「Galaxy S24」「Wi-Fi 6E Router」「Windows 11」) and have no word only a password has (「Blue Sky2026」) nor a
    year of a passphrase's (「Microsoft 2026」)."""
    # A product's name with its version (「Win10 Pro」) mixes letters and digits as a password's word does.
    return not any((password_only_word(w) and not _PRODUCT.fullmatch(w)) or _YEAR.fullmatch(w) for w in words) and any(
        _UNIT_OR_MODEL_WORD.fullmatch(w.strip("()[]（）.,、。")) or product_or_version_word(w) or _PRODUCT.fullmatch(w)
        or _is_standard_word(w) or (i > 0 and _EDITION_WORD.fullmatch(w))  # 「Surface Pro 9」
        for i, w in enumerate(words)
    )


# After a name and its year, the kind of event they name (after a word of its own name: 「さくらまつり」) and a particle the
# sentence goes on with (「Tokyo 2026 大会の会場で配布」「Expo 2025 会場でお渡しします」「Joetsu 2026 マラソンの受付で」): the words are the event's name, where the
# password is handed out, not the password. A passphrase of a name and a year is given without them (「…：Joetsu 2026」
# 「…：Joetsu 2026 です」「…：Joetsu 2026 でログイン」).
_EVENT_AFTER = re.compile(
    r"[ \t]*+[ぁ-ゖァ-ヺー\u3400-\u9fff]{0,8}?(?:大会|会場|記念|博覧会|万博|博|マラソン|フォーラム|サミット|キャンペーン|フェス(?:ティバル)?|祭り?|まつり|イベント|"
    r"セミナー|ワークショップ|ツアー|ライブ|公演|講座|展)(?:会場)?[ \t]*+(?:の|で|にて|に|へ|会場)"
)


# What the sentence after the event's name says of the password: that it is handed out or told there. Without it the
# event's word is what the password is for (「…：Joetsu 2026 会場の職員用」「…：Takada 2026 講座の管理画面でも同じ」).
_HANDED_OUT = re.compile(r"配布|配付|配り|お渡し|渡し|お伝え|伝え|お知らせ|掲示|ご案内|案内し|発表")


def _an_events_name(words: list[str], norm: str, after: int) -> bool:
    """Whether the words after a label, ending at ``after``, are an event's name and year (words of letters, then a
    year) that _EVENT_AFTER goes on from, in a sentence saying where the password is handed out (_HANDED_OUT) and naming
    no login (_A_LOGINS_WORDS)."""
    if not (
        len(words) >= 2 and _YEAR.fullmatch(words[-1]) is not None and all(w.isascii() and w.isalpha() for w in words[:-1])
    ):
        return False
    event = _EVENT_AFTER.match(norm, after)
    if event is None:
        return False
    rest = _to_sentence_end(norm[event.end() : event.end() + _CONTEXT_REACH * 2])
    return _HANDED_OUT.search(rest) is not None and _A_LOGINS_WORDS.search(rest) is None and _STAFFS.search(rest) is None


_SPACED_VALUE = re.compile(
    rf"(?i)(?P<label>{_PASSWORD_LABEL})[\"'」』”’]?{_MARK_BEFORE_SEPARATOR}{_QUALIFIER}{_VALUE_OF}"
    # The separator read whole and never given back (「The password is now: abc123」): backed off to 「 is 」 or a
    # space, the phrase began at 「now:」 and the finding (and the report's mask) took the sentence's words.
    rf"(?P<sep>(?>{_SPACED_SEPARATOR}))"
    r"(?P<value>[!-~]{1,32}+(?:[ \t][!-~]{1,32}+){1,3}+)"
    r"(?=[ \t]*+(?:\n|$|[^\x00-\x7f]))"
)
_KANA_VALUE = re.compile(
    rf"(?i)(?P<label>{_PASSWORD_LABEL})[\"'」』”’]?{_QUALIFIER}"
    # In quotes right after the label too (「パスワード『さくらもち』」「パスワード「ゆきつばき」です」): read after を only, it went out.
    r"(?:(?P<sep>[ \t]*+(?:(?P<wa>は)|::?|=|→|】)[ \t]*+)(?P<open>[「『\"“])?|[ \t]*+(?:を[ \t]*+)?(?P<quoted>[「『\"“]))"
    r"(?P<value>(?:[ぁ-ゖ]|[0-9])++|(?:[ァ-ヺー]|[0-9])++)"
)
# A katakana loanword after the label saying what or where the value is (a form's instruction:
# 「パスワード：メールアドレス」「パスワード：マイナンバーカード」「接続キー：ステッカー」). Only these:
# a password in katakana is as often a word of no such kind (「パスワード：サクラサク」「接続キー：ユキダルマ」).
_KATAKANA_WHERE = re.compile(
    r"[ァ-ヺー]*(?:アドレス|カード|ネーム|ナンバー|ステッカー|シール|ラベル|メール|コード|ページ|サイト|アプリ|"
    r"ボックス|ポスター|チラシ|ファイル|フォーム|シート|ボード|レシート|パンフレット|リーフレット|ミーティング|"
    r"ランダム|メモ|ハガキ|カウンター|フロント|ルーター|パソコン|スマホ|スマートフォン|ユーザー|アカウント|"
    r"パスポート|メッセージ|チャット|マニュアル|ガイド|ホーム|バースデー|ニックネーム|デフォルト|オリジナル)"
)
# What may follow a kana value: its closing quote, the copula, the end of its sentence or line.
_KANA_END = re.compile(
    r"[ \t]*+(?:[」』\"”]|です|でした|になります|となります|(?:に|と)(?:なりました|なった|しました|かわりました)|[。.!！\n(（]|$)"
)
# The verb of the sentence run on after a kana value: 「…になりました」「…にしました」. Not 「です」:
# after 「は」 it is what tells a kana value (「もみじがりです」) from a word (「たいせつです」).
_KANA_TAIL = re.compile(r"(?:に|と)(?:なりました|なります|なった|しました|かわりました)$")
_KANA_END_UNQUOTED_WA = re.compile(r"[ \t]*+(?:です|でした|になります|となります)")
# Kana words that say there is no value here, or where it is: 「なし」「ありません」「ふよう」「ひみつ」.
_KANA_NO_VALUE = re.compile(
    r"なし|ない|ありません|ありませ|いりません|ません|ます|ください|こちら|ふよう|ひみつ|わすれ|おしらせ|"
    r"おといあわせ|みてい|べっと|あとで|のちほど|よろしく|ないしょ|について|とは|パスワード|パスコード|ナシ|ナイ|ヒミツ|フヨウ|ミテイ|"
    # How the value was sent, in a sentence typed without kanji: 「パスワード：ゆうびんでおくりました」.
    # As verbs and their means only: a kana password may hold the same sounds (「ゆうびんきょく」
    # 「おくりびと2026」).
    r"ました$|でした$|(?:で|にて)(?:おくり|おくっ|おくる|おつたえ|つたえ|おわたし|わたし)|"
    r"(?:ゆうびん|ゆうそう|てわたし|おわたし)(?:で|にて|し|します)|おつたえ|"
    # The scripts themselves, named in a rule: 「パスワードは「ひらがな」では設定できません」.
    r"ひらがな|カタカナ|かたかな|ヒラガナ"
)
# After a quoted kana value, what says it is the value: the copula, the verb that uses it, the end.
_KANA_QUOTED_END = re.compile(
    r"[」』\"”][ \t]*+(?:です|でした|になります|となります|に(?:変更|設定|変わ|なり)|で(?:ログイン|接続|入室|入れ|開)|"
    r"を?(?:入力|打ち込)|と(?:入力|打)|[。.!！、,\n(（]|$)"
)
# English words of a rule or a sentence, never a part of a password given out.
_PROSE_WORDS = frozenset({
    "a", "an", "the", "is", "are", "be", "at", "least", "most", "or", "and", "more", "less", "than", "min",
    "max", "minimum", "maximum", "digits", "digit", "characters", "character", "chars", "letters", "numbers",
    "to", "of", "for", "in", "on", "with", "see", "below", "above", "same", "as", "not", "required",
    "optional", "none", "tbd", "id", "your", "my", "our", "this", "that",
    # A sentence's verb after a quoted label (「“password” was kx7pq2」): read after no separator, it is no word of the value.
    "was", "were", "been", "has", "had", "currently",
})


# An address after the value (「パスワード：Kessai 2026! https://…/login からログイン」) ends it: the words
# before it are the value, the address where it is used is not (masked with it, it hid where to look).
_URL_AFTER = re.compile(r"(?i)[ \t]++(?:https?://|www\.)")


# The kinds of characters a password must mix, as a registration guide lists them as ranges
# (「パスワードは A-Z, 0-9 を含めます」「a-z, A-Z, 0-9 を組み合わせます」): a rule, not a value.
_CHARACTER_RANGE = re.compile(r"(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9])[,、]?")
# The same written in one word (「A-Z,a-z,0-9」「a-z/0-9」), after a label.
_CHARACTER_RANGES = re.compile(r"(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9])(?:[,、/・+][ \t]*+(?:[a-z]-[a-z]|[A-Z]-[A-Z]|[0-9]-[0-9]))*+")


# An arrow standing alone between the words (「abc123 -> iOS17」): what it was changed to, not a word of the value.
_ARROW_WORD = re.compile(r"[ \t]++(?:->|=>|→|⇒)(?:[ \t]|$)")
# A comma closing a word, then a space: where a list or a dict goes on to the next value or field.
_LISTED_COMMA = re.compile(r"[\"']?[,，][ \t]")
# What it goes on to: a field's label and its mark (「pin: 」「"pin": 」), or a value with a digit of its own.
# Words without one (「Kessai2026, spring time」) are more of the passphrase.
_FIELD_OR_VALUE_LISTED = re.compile(r"[\"']?[A-Za-z_\-]{1,24}+[\"']?[ \t]*+[:=]|[\"']?(?=[^ \t]*?[0-9])[^ \t]{4,}")


def _spaced_values(norm: str) -> Iterator[Credential]:
    lowered = norm.lower()
    if not any(p in lowered for p in _PASSWORD_PROBES) and "キー" not in norm and "key" not in lowered:
        return
    for m in _SPACED_VALUE.finditer(norm):
        if norm[m.start() - 1 : m.start()] == "$" and _PS_EXPRESSION.match(m["value"]):
            # A PowerShell variable assigned an expression (see _labelled); a quoted string is its value
            # (「$pw = "Kessai 2026!"」, of two words, is this function's: _labelled reads 「Kessai」 alone).
            continue
        if _example_qualified(m):
            continue
        if _ID_AND.search(norm, max(0, m.start() - 16), m.start()):
            continue  # 「IDとパスワード：koho01 Joetsu2026」: two values, read by _labelled as a pair
        value = m["value"].rstrip(_TRAILING)
        if value[-1:] == "(" and _A_NOTE_ENDING_THE_LINE.match(norm, m.end("value") - 1):
            value = value[:-1]  # 「暗証番号：〇 九 一 五（キーボックス用）」: the bracket opens the note after the value
        if (url := _URL_AFTER.search(value)) is not None:
            # A value of one word before it is _labelled's (「PW: Kessai2026! https://…」); one of several
            # words is still this function's (「PW: abc 123xyz https://…」 was let through when skipped).
            value = value[: url.start()].rstrip(_TRAILING)
        if (arrow := _ARROW_WORD.search(value)) is not None:
            # 「PW: Kessai2026 -> Joetsu2027 に更新」: two values, the old and the new, each _labelled's or a
            # report's to mask; read as one, the arrow between them went under the mask.
            value = value[: arrow.start()]
        if (
            (comma := _LISTED_COMMA.search(value)) is not None
            and _password_like(value[: comma.start()], loose=True)
            and _FIELD_OR_VALUE_LISTED.match(value, comma.end())
        ):
            # 「pw: Kx7pq2, pin: 4821」「"pw": "Kx7pq2", "pin": "4821"」「PW：abc123, Pass(12)」: a value of its own
            # before the comma, and what follows a field or a value listed after it, each _labelled's or a report's
            # to mask. Read as one, the next label went under the mask with both values and left the alert.
            value = value[: comma.start()]
        words = value.split()
        if len(words) < 2 or any(w.lower().strip(_TRAILING) in _PROSE_WORDS for w in words):
            continue
        start = m.start("value")
        if label_word_first(words[0]):
            # 「Password Reset! Blue Sky2026」: the label's word and its mark, then the value. A value of one word
            # (「Password Reset! Kx7pq2Zeta」) is judged as one: _labelled does not read past 「Reset!」.
            skip = value.index(words[1], len(words[0]))
            value, start, words = value[skip:], start + skip, words[1:]
        # The first word read without its opening quote: 「パスワード: "Step 1 を参照"」 points to a step
        # of the guide as surely as 「パスワード：Step 1 を参照」 does.
        if _TECHNICAL.fullmatch(words[0].lstrip(_OPEN_QUOTES)) or any(_a_unit_word(w) for w in words[1:]):
            continue  # 「パスワード：Windows 10 と同じ」「PIN: 4 digits」
        if all(_CHARACTER_RANGE.fullmatch(w) for w in words):
            continue
        if _STANDARD_VALUE.fullmatch(value) or all(_is_standard_word(w) for w in words):
            continue  # 「パスワード：Wi-Fi 6対応」「接続キー：WPA2 Personal」
        if _EXAMPLE_AFTER.match(norm, start + len(value)):
            continue
        if _an_events_name(words, norm, start + len(value)):
            continue  # 「パスワード：Tokyo 2026 大会の会場で配布」
        if _WHEN.fullmatch(value) and _WHEN_AFTER.match(norm, start + len(value)):
            continue  # 「パスワードは 9:30 am に変更」
        joined = "".join(words)
        if _HEADING.fullmatch(value) and _TITLE_AFTER.match(norm, start + len(value)):
            continue  # 「パスワード：Phase 12 をご覧ください」
        numeric = _NUMERIC_LABEL.fullmatch(re.sub(r"[ \t]", "", m["label"])) is not None
        pin_only = _PIN_ONLY_LABEL.fullmatch(m["label"]) is not None
        if m["loose"] is not None and (
            # 「bus pass Zone 2A」「enamel pin 2026 Blue」: a short English label a space before words is a sentence's.
            _SHORT_ENGLISH_LABEL.fullmatch(m["label"])
            or not (any(password_only_word(w) for w in words) or (numeric and _pin_like(joined)))
            or any(product_or_version_word(w) for w in words)
            # 「*「パスワード」* kx7pq2」: a word of marks alone is emphasis closed on the label, no word of the value.
            or not all(_has_letter(w) or _has_digit(w) for w in words)
            or _UNIT_AFTER.match(norm, start + len(value))
        ):
            continue
        if m["loose"] is None and "は" in m["sep"] and _names_a_place_or_device(words) and _WHERE_AFTER.match(
            norm, start + len(value)
        ):
            continue  # 「パスワードは 2F Help Desk でお渡しします」「パスワードは Galaxy S24 でも同じです」: where, not what
        if (_password_like(joined, loose=len(words) > 1) and not pin_only) or (numeric and _pin_like(joined)):
            a = start
            yield Credential(m.start(), a + len(value), a, a + len(value), _pin_kind(m["label"]), 0)
    for m in _KANA_VALUE.finditer(norm):
        if _PIN_ONLY_LABEL.fullmatch(m["label"]):
            continue  # 「ロック解除は「スワイプ」です」
        value = m["value"]
        quoted = m["open"] is not None or m["quoted"] is not None
        if not quoted and (tail := _KANA_TAIL.search(value)) and tail.start() > 0:
            # 「暗証番号は4821になりました」「パスワードはさくら2026になりました」: the sentence's verb, in
            # kana as the value is, is no part of it (masked with it, the finding hid its own sentence).
            value = value[: tail.start()]
            if value.isdigit():
                continue  # a PIN: _labelled reads it
        kana = sum(not c.isdigit() for c in value)
        if kana < 3 or len(value) < 4 or _KANA_NO_VALUE.search(value):
            continue
        end = m.start("value") + len(value)
        if not _KANA_END.match(norm, end):
            continue  # a word of a longer sentence: 「パスワード：メールでお知らせします」
        if _EXAMPLE_AFTER.match(norm, end + (1 if quoted else 0)):
            continue
        if not quoted and not _has_digit(value) and _KATAKANA_WHERE.fullmatch(value):
            continue  # a loanword saying what or where it is: 「パスワード：メールアドレス」
        if m["wa"] and not quoted and not (_has_digit(value) or _KANA_END_UNQUOTED_WA.match(norm, end)):
            continue  # after 「は」 a kana word is prose unless a copula closes it or digits mark it
        if quoted and not _KANA_QUOTED_END.match(norm, end):
            continue  # 「パスワードは「さくら」では短すぎます」
        if quoted and _WEAK_AFTER.match(norm, end + 1):
            continue  # 「パスワードに「さくら」は推測されやすい」
        a = m.start("value")
        yield Credential(m.start(), end, a, end, "パスワード", 0)


# A password of kanji or kana typed one letter apart after its label and a separator, alone to the end of its line or before
# 「です」, or in quotes (「パスワード：春 夏 秋 冬」「PW：桜 並 木」「パスワードは さ く ら です」「PW『春 夏 秋 冬』」): a label then
# a value, as a form has it. Letters spaced so are no sentence; only a note of no value (「別 途 連 絡」「不 要」), a scale
# (「弱 中 強」) or choices in order (「ア イ ウ エ」) is prose. The a11y rule knows some such runs for lists (「春 夏 秋 冬」) and
# says nothing of them, and no other reader took kanji, so the password went out unflagged.
_SPACED_LETTERS = re.compile(
    rf"(?i)(?P<label>{_PASSWORD_LABEL})[ \t]*+(?:(?:[:：=]|は)[ \t\u3000]*+(?P<open>[「『])?|(?P<quote>[「『]))"
    r"(?P<value>[\u3400-\u9fffぁ-ゖァ-ヺ](?:[ \t\u3000](?!です|でした)[\u3400-\u9fffぁ-ゖァ-ヺ]){2,15}+)"
    r"(?=[ \t\u3000]*+(?(open)[」』]|(?(quote)[」』]|(?:です|でした|。|\n|$))))"
)
_NO_VALUE_LETTERS = re.compile(
    r"不要|無し|なし|ナシ|別途|連絡|未定|未設定|設定|変更|確認|後日|通知|各自|同上|省略|非公開|秘密|任意|個別|記載|参照|下記|上記|"
    r"共通|同じ|本人|登録|入力|発行|配布|^(?:上中下|下中上|大中小|小中大|弱中強|強中弱|高中低|低中高|松竹梅)$|^(?:アイウ|あいう|イロハ|いろは)"
)


# A password of kanji written as one word after its label (「パスワード：春夏秋冬」「PW：雪月花」「パスワードは「春夏秋冬」です」
# 「PW「桜並木」でログイン」): no reader took kanji, and the password went out unflagged. After a colon, 「=」 or an arrow, three
# letters or more to the end of the line, 「です」 or 「。」; in quotes after the label, は or を (two or more), closed as a value is
# (_KANA_QUOTED_END); read after each label _A_KANJI_VALUES_LABEL finds. After 「は」 without quotes a word of kanji is the sentence's (「パスワードは生年月日です」). A note of no
# value, where or how it is given, a rule of its letters or a name of a thing (_NO_KANJI_VALUE) is prose, and so is a word in a
# puzzle's or a lesson's post, an example's, or one the sentence calls weak.
_KANJI_VALUE = re.compile(
    r"[\"'」』”’]?[ \t]*+"
    r"(?:(?:[:=]|→)[ \t]*+(?P<open>[「『])?|(?:は|を)?[ \t]*+(?P<quote>[「『]))"
    # A year may close the word (「パスワード：会議室二〇二六」, the kanji digits read as 2026 in this view): a word and a year, as
    # passwords are so often made.
    r"(?P<value>[\u3400-\u9fff々]{2,12}+(?:(?:19|20)[0-9]{2}(?![0-9]))?+)"
    # A memo's note in brackets may close the line after it (「パスワード：春夏秋冬（前と同じ）」), as after a word of letters.
    r"(?=[ \t]*+(?(open)[」』]|(?(quote)[」』]|(?:です|でした|。|\n|$|" + _NOTE_AFTER_KANJI_ENDING_THE_LINE + r"))))"
)
# A chief's title, who to ask for the password (「パスワード：上越市長」「パスワード：図書館長」「パスワード：センター所長」): an office's
# word before 長. Not any word ending in 長: 「パスワード：織田信長」「パスワード：春日山城長」 are passwords of kanji.
A_CHIEFS_TITLE = r"(?:[市町村区館所園校署局議会社院店団隊駅課係室部班]|理事|委員|学|総|組合)長$"
_NO_KANJI_VALUE = re.compile(
    r"番号|生年月日|誕生日|英数|半角|全角|文字|桁|数字|記号|大文字|小文字|受付|窓口|掲示|郵送|送付|案内|会場|当日|事前|現地|館内|"
    r"初期|自動|担当|管理|事務局|[課係室局部班]$|" + A_CHIEFS_TITLE + r"|必須|推奨|不明|[無非未]|済|要|有|暗号|認証|方式|規格|共有|保存|使用|利用|対応|検討|"
    r"調整|準備|予定|[中時後前]$|以上|以下|程度|期限|期間|更新|再|忘|紛失|漏|流出|氏名|名前|住所|電話|携帯|職員|本庁|支所|"
    r"市役所|庁舎|別紙|添付|同一|共用|専用|個人|全員|一律|統一|不可|可能|禁止|口頭|面談|電子|書面|封書|暗証|合言葉|安全|危険|"
    r"簡単|複雑|推測|定期|厳重|大切|重要|注意|表示|指定|決定|記入|印字|印刷|貼付|裏面|本体|機器|端末|参加|申込|申請|限定|区別|"
    r"各施設|施設内|各自|"
    # When, as the leak report's masking reads it (「パスワード：本日変更」「パスワード：先週漏洩」).
    r"本日|今日|昨日|明日|先日|前日|翌日|毎日|今朝|昨夜|今夜|[今先来毎]週|[今先来毎]月|[今昨去来]年|年度|午前|午後|曜"
)


def _kanji_values(norm: str) -> Iterator[Credential]:
    for label in _A_KANJI_VALUES_LABEL.finditer(norm):
        if label[0].isascii() and norm[label.start() - 1 : label.start()].isascii() and norm[label.start() - 1 : label.start()].isalpha():
            continue  # 「SPW」: no label
        if (m := _KANJI_VALUE.match(norm, label.end())) is None:
            continue
        value = m["value"]
        quoted = m["open"] is not None or m["quote"] is not None
        end = m.end("value")
        if (
            (not quoted and len(value) < 3)
            or (quoted and not _KANA_QUOTED_END.match(norm, end))
            or _NO_VALUE_LETTERS.search(value) or _NO_KANJI_VALUE.search(value)
            or _EXAMPLE_AFTER.match(norm, end + quoted)
            or _WEAK_AFTER.match(norm, end + quoted)
            or _called_an_example(norm, label.start())
            or (
                (_in_a_game_or_a_lesson(norm, label) or _A_WORD_GAME.search(norm, max(0, label.start() - _GAME_REACH), end + _GAME_REACH))
                and not _an_id_above(norm, label)
                and not _A_SYSTEMS_LOGIN.search(norm, max(0, label.start() - _SYSTEMS_LOGIN_REACH), label.start())
            )
        ):
            continue
        yield Credential(label.start(), end, m.start("value"), end, "パスワード", 0)


# A rally's or a puzzle's post, before or after the word (「パスワードを集めて景品をゲット！パスワード：上越城下」「今月のパスワードは
# 「春夏秋冬」です！謎解きに挑戦しよう」): a word of kanji is what its players find and say, as a 合言葉 is.
_A_WORD_GAME = re.compile(r"謎|なぞ|ナゾ|クイズ|正解|答え|景品|ラリー|集め|抽選|応募|プレゼント|キーワード|挑戦")
# Unless the password is a system's, under an ID or after a login's words just before it (「プレゼント企画の管理画面⏎ID：koho01⏎
# パスワード：春夏秋冬」「応募フォームの管理画面のパスワード：雪月花」「謎解きイベントの運営用ログイン⏎ID：nazo01⏎PW：上越城下」):
# the campaign is what the login is for; so is a file's (「応募者名簿のファイルのパスワード：雪月花」「景品の在庫管理表の…」),
# whose names and addresses leak with it. Not a login the players are told to do first (「特設サイトにログインして⏎パスワード：
# 上越城下」「アプリにログインし、…」) nor the city's public account they follow: the rally's word is given to them all.
_A_SYSTEMS_LOGIN = re.compile(
    r"(?i)(?:ログイン|サインイン)(?![ \t]*+(?:して|し[、,]|した後|後|の後|すると|したら|ボーナス|キャンペーン|スタンプ|特典))"
    r"|管理画面|管理者|管理表|運営(?:用|者|側)|共有フォルダ|フォルダ|ファイル|名簿|システム|(?<!公式)(?<!公式の)アカウント"
    r"|wi-?fi|ssid|login|admin|zip|excel|エクセル"
)
_SYSTEMS_LOGIN_REACH = 40
# The labels a kanji password is written after, spelt with one character class first, which is looked for fast: the whole
# label alternation was tried at every letter. Not a PIN's (「暗証番号：四桁」), whose digits its own readers read.
_A_KANJI_VALUES_LABEL = re.compile(r"[パPp](?:スワード|スコード|W(?![A-Za-z])|ASSWORD(?![A-Za-z])|assword(?![A-Za-z]))")


# Three letters one space apart, looked for first: the label's pattern read over every draft took 0.36 ms of a 1,000-letter one.
_THREE_SPACED_LETTERS = re.compile(r"[\u3400-\u9fffぁ-ゖァ-ヺ][ \t\u3000][\u3400-\u9fffぁ-ゖァ-ヺ][ \t\u3000][\u3400-\u9fffぁ-ゖァ-ヺ]")


def _spaced_letters(norm: str) -> Iterator[Credential]:
    if not _THREE_SPACED_LETTERS.search(norm):
        return
    for m in _SPACED_LETTERS.finditer(norm):
        if _PIN_ONLY_LABEL.fullmatch(m["label"]) or all(c in "〇零一二三四五六七八九 \t\u3000" for c in m["value"]):
            continue  # a number, which the PIN's readers read (「暗証番号：一 二 三 四」 is a well-known one)
        if _NO_VALUE_LETTERS.search("".join(m["value"].split())) or _called_an_example(norm, m.start()):
            continue  # 「パスワード：別 途 連 絡」, choices in order (「ア イ ウ エ」), 「悪い例：パスワード：春 夏 秋 冬」
        yield Credential(m.start(), m.end("value"), m.start("value"), m.end("value"), "パスワード", 0)


# --- a value put right after another -------------------------------------------------------------

# 「パスワード Windows10 じゃなくて Kessai2026」「パスワードは Windows ではなく Kessai2026 です」: the value after
# 「じゃなくて」 is the password, the one before what it is not (a product, or the old value). Read as the value
# alone, the first was masked and the password after it went out as typed. Both are masked: the first is an old
# password as often as a product's name.
_CORRECTED = re.compile(
    rf"(?i)(?P<label>{_PASSWORD_LABEL})[\"'」』”’]?[ \t]*+(?:は|::?|=|を|が|って|、)?[ \t、,]*+[「『\"“]?(?P<wrong>[!-~]{{1,64}}?)"
    r"[」』\"”]?[ \t]*+(?:じゃ|では|でわ)[ \t]*+なく(?:て)?[ \t、,]*+(?P<quote>[「『\"“])?[ \t]*+(?P<value>[!-~]{1,64}+)"
)


def _corrected(norm: str) -> Iterator[Credential]:
    if "なく" not in norm:
        return
    for m in _CORRECTED.finditer(norm):
        value = _CLOSE_QUOTE.split(m["value"], maxsplit=1)[0].rstrip(_TRAILING)
        if not (
            _password_like(value, loose=True)
            or (_NUMERIC_LABEL.fullmatch(_BLANKS.sub("", m["label"])) is not None and _pin_like(value))
            # A word the copula closes the sentence on (「パスワードは kohoka ではなく tanaka です」), as after 「は」.
            or (_a_password_word(value) and _STATED_WORD_END.match(norm, m.start("value") + len(value)) is not None
                and _said_in_use(norm, m, m.start("value") + len(value), _NOT_IN_USE_BEFORE_A_WORD))
        ) or _PRODUCT.fullmatch(value) or _TECHNICAL.fullmatch(value) or _SERVICE_NAME.fullmatch(value):
            continue  # 「…ではなく iPhone15 で設定してください」: the device it is set on
        a = m.start("value")
        # Reported from the word that corrects the first value, so that the first keeps its own finding.
        yield Credential(m.end("wrong"), a + len(value), a, a + len(value), _pin_kind(m["label"]), 0)


# --- a password given in pieces -------------------------------------------------------------------

# A password split into quoted pieces, with how to join them (「パスワードは「abc」と「123!」をつなげた
# ものです」「パスワード：「koho」＋「2026!」」「PWは「Joetsu」「2026」を続けて入力」): written so to look
# harmless, it gives the password away as surely as written whole. The pieces are ASCII (「「英字」と
# 「数字」を組み合わせる」 is a rule), and what they make must be a password (「abc」「123」 make a famous
# example).
_PIECE = r"[「『\"“][ \t]*+[!-~]{1,32}+[ \t]*+[」』\"”]"
_PIECES = re.compile(
    rf"(?i)(?P<label>{_PASSWORD_LABEL}){_QUALIFIER}[ \t]*+(?:は|::?|=|→)?[ \t、,]*+"
    rf"(?P<pieces>{_PIECE}(?:[ \t]*+(?:と|、|,|\+|＋|の後に|のあとに|に)?[ \t]*+{_PIECE}){{1,7}}+)"
    r"(?P<joined>[ \t]*+(?:を|の)?[ \t]*+(?:つなげ|繋げ|つな|連結|結合|組み合わせ|続け|並べ|合わせ|くっつけ)"
    r"|(?=[ \t]*+(?:です|。|\n|$)))"
)
# The same without quotes, when the words say which comes after which (「パスワードは Kessai の後に
# 2026! です」「PW：koho + 2026!」, 「+」 being 「＋」 in this view).
_BARE_PIECES = re.compile(
    rf"(?i)(?P<label>{_PASSWORD_LABEL}){_QUALIFIER}[ \t]*+(?:は|::?|=|→)[ \t、,]*+"
    r"(?P<first>[!-~]{1,32}+)[ \t]*+(?:の後に|のあとに|に続けて|の次に|\+)[ \t]*+(?P<second>[!-*,-~][!-~]{0,31}+)"
    r"(?=[ \t]*+(?:です|を(?:つなげ|繋げ|続け|付け|つけ)|と(?:続け|入力)|。|\n|$))"
)
_LENGTH_RULE_AFTER = re.compile(r"[^。.!?\n]{0,20}?[0-9]{1,3}+[ \t]*+(?:文字|桁|字)")
_CHAR_RANGE = re.compile(r"[A-Za-z0-9][-~〜～][A-Za-z0-9]")
_PIECE_VALUE = re.compile(r"[「『\"“][ \t]*+([!-~]{1,32}+)[ \t]*+[」』\"”]")


# A password given in halves after the post speaks of one (「Wi-Fiのパスワードです。前半は kouho、後半は 2026! です」):
# neither half stands after a label, and the password went out whole. Each half is reported, so that each is
# masked (the words between them stay). Only after a password's label or 「パス」 shortly before, and only ASCII
# halves that make a password: 「前半は10時、後半は14時から」「前半は Step1、後半は Step2」 are a day's plan. A space
# says what 「は」 does (「パスワードは前半 kouho、後半 2026!」).
_HALVES = re.compile(
    r"(?:前半|最初の[0-9一二三四五六七八九]{1,2}文字)(?:部分)?(?:は|が|:|(?=[ \t]))[ \t]*+[「『\"“]?(?P<first>[!-~]{2,32}?)[」』\"”]?"
    r"(?:[ \t]*+[、,。][ \t]*+|[ \t]*+\n[ \t]*+|[ \t]++)"
    r"(?:後半|残り|(?:最後|末尾)の[0-9一二三四五六七八九]{1,2}文字)(?:部分)?(?:は|が|:|(?=[ \t]))[ \t]*+[「『\"“]?(?P<second>[!-~]{2,32}?)[」』\"”]?"
    r"(?=[ \t]*+(?:です|でした|。|、|\n|$))"
)
_PASSWORD_MENTION = re.compile(rf"(?i){_PASSWORD_LABEL}|{_SHORT_LABEL}")
_MENTION_REACH = 150
# A password a label ending its line gives over the lines under it, a piece on each (「パスワードは⏎kouho⏎2026!」
# 「パスワード:⏎  joetsu⏎  2026⏎(つなげて入力)」): no line alone is a password, and the whole went out. Two to four
# pieces of ASCII, each alone on its line, that make a password together (letters and digits), then a line's end
# that is not another piece: 「パスワード⏎STEP1⏎STEP2」 is a list of steps, 「パスワード⏎ID⏎メール」 of fields.
# The short lines are found first and the label then read at the end of the line above them: read from every
# position, the label's alternation doubled the time find_credentials took on a draft.
# Each line may open with an item's mark (「パスワード⏎・ko⏎・uh⏎…」), as a list is pasted.
_LINE_BULLET = r"(?:[・•●○■□◆◇▪][ \t]*+|[-*+][ \t]++)?+"
_SHORT_LINES = re.compile(
    rf"\n(?P<lines>(?:[ \t]*+{_LINE_BULLET}[!-~]{{2,32}}+[ \t]*+\n){{1,7}}[ \t]*+{_LINE_BULLET}[!-~]{{2,32}}+[ \t]*+)(?=\n|$)"
)
_LABEL_ENDS_ITS_LINE = re.compile(rf"(?i)(?P<label>{_PASSWORD_LABEL})[ \t]*+(?:は|:|=)?[ \t]*+\Z")
_LABEL_REACH = 40
_PIECE_LINE = re.compile(rf"[ \t]*+{_LINE_BULLET}([!-~]{{2,32}}+)")


_SHAPE_ANY_CASE = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "A" * 26 + "a" * 26 + "9" * 10)


def _pieces_of_a_password(pieces: list[str]) -> bool:
    """Whether ``pieces`` joined make a password: letters, six at least, and a digit or a symbol (「Sakura⏎Fubuki!」);
    a lower-case letter or a symbol, or in capitals a word and a number of four letters each (「SAKURA⏎2026」, not
    「JR⏎2026」「IE11⏎EDGE」); no piece a step, a version, a time or a range of letters (「A-Z⏎a-z⏎!@#」), and no two of
    one series (「Room1」「Room2」, 「PC01」「PC02」, 「A101」「B202」) or of one shape with a mark (「v2.0」「v3.1」,
    「doc-a1」「doc-b2」): rooms, devices, floors, versions and parts of a day are listed so, a password is not."""
    joined = "".join(pieces)
    symbol = any(not c.isalnum() and c not in "._-" for c in joined)
    return (
        len(joined) >= 6 and _has_letter(joined) and (_has_digit(joined) or symbol)
        and (any(c.islower() for c in joined) or symbol
             or (any(p.isalpha() and len(p) >= 4 for p in pieces) and any(p.isdigit() and len(p) >= 4 for p in pieces)))
        and _password_like(joined, loose=False) and joined.lower() not in _FAMOUS_EXAMPLES
        and not any(_WHEN.fullmatch(p) or _HEADING.fullmatch(p) or _TECHNICAL.fullmatch(p) or _CHAR_RANGE.fullmatch(p)
                    for p in pieces)
        # Two numbers are no series there (「…⏎20⏎26」, a year cut in two): the series are of names with their numbers.
        and not any((_siblings(p, q) and not (p.isdigit() and q.isdigit()))
                    or _same_code_shape(p, q) or _one_shape_with_a_mark(p, q)
                    for p, q in itertools.pairwise(pieces))
    )


def _one_shape_with_a_mark(first: str, second: str) -> bool:
    shape = first.translate(_SHAPE_ANY_CASE)
    return shape == second.translate(_SHAPE_ANY_CASE) and any(c not in "Aa9" for c in shape)


# The tools a notice lists by name, a version maybe after it (「Teams⏎Zoom2」「IE11⏎EDGE」): web meetings and browsers,
# with the services and products the rule already knows.
_TOOL_NAME = re.compile(
    r"(?i)(?:zoom|teams|webex|skype|slack|chatwork|meet|chrome|edge|safari|firefox|ie|excel|word|powerpoint|onedrive|onenote"
    r"|sharepoint|dropbox|kintone|canva)[0-9]{0,2}"
)
# The next line alone a word of ASCII, as items are listed under a heading; a blank line may set each item apart
# (「【英語教室】パスワード⏎Welcome!⏎⏎Goodbye!」「パスワード⏎OneDrive⏎⏎SharePoint」), as it may a series of passwords.
_NEXT_LINE_A_WORD = re.compile(r"[ \t]*+\n(?:[ \t]*+\n)?[ \t]*+(?:[・•●○■□◆◇\-*+][ \t]*+)?([!-~]{2,32}+)[ \t]*+(?:\n|$)")


_NAMED_PAIRS = 20


def _named_password_below(norm: str, name: str, end: int, *, in_pairs: bool = False) -> re.Match[str] | None:
    """The line under a service's name as it is spelt (``name``, ending at ``end``) when it is that service's password
    (「OneDrive⏎Kessai2026!」), read as after the tools' names (_after_the_tools): not another tool's name or a version
    (「Edge⏎Chromium」「Zoom⏎Zoom5.17」), nor the second piece of a password the name is the first of (「Zoom⏎2026!」).
    ``in_pairs``: the name follows a service's name and its password (「OneDrive⏎Kessai2026!⏎Teams⏎2026!」), so that the
    line under it is its password whatever its shape, a piece (「2026!」) too: read as a piece of 「Teams2026!」, it was left
    shown."""
    if not (_a_tool(name) and not _has_digit(name) and not name.islower()):
        return None
    nxt = _NEXT_LINE_A_WORD.match(norm, end)
    if nxt is None:
        return None
    if in_pairs and _pieces_on_lines([name, nxt[1]]):
        return nxt
    if _after_the_tools([name, nxt[1]]) is None or _pieces_on_lines([name, nxt[1]]):
        return None
    return nxt


def names_the_password_below(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]``, on the line under a password's label, is a service's name the line under it gives the
    password of (「パスワード⏎OneDrive⏎⏎Kessai2026!」): shared with the leak report's masking, which masked the name and left
    the handlers without the account to change."""
    return _named_password_below(text, text[start:end], end) is not None


def _a_tool(word: str) -> bool:
    return bool(_TOOL_NAME.fullmatch(word) or _SERVICE_NAME.fullmatch(word) or _PRODUCT.fullmatch(word))


def _a_run(word: str) -> bool:
    return len(word) >= 3 and all(ord(b) - ord(a) == 1 for a, b in itertools.pairwise(word))


def _kinds_of_characters(words: list[str]) -> bool:
    """「abc⏎ABC⏎123⏎!#$」: runs of the alphabet and the digits, symbols alone, a policy's examples of each kind."""
    return sum(map(_a_run, words)) >= 2 and all(_a_run(w) or not any(c.isalnum() for c in w) for w in words)


# What an English class or a greeting card puts on a line of its own (「Hello!⏎Thanks!」): words said to someone, which
# a mark closes as a sentence, not as a password.
_GREETINGS = frozenset({
    "hello", "hi", "hey", "thanks", "thank", "thankyou", "welcome", "goodbye", "bye", "sorry", "please", "yes", "no",
    "wow", "great", "nice", "good", "congratulations", "congrats", "cheers", "ok", "okay", "excuse", "pardon",
    "merci", "hola", "gracias", "danke", "ciao", "aloha", "bravo", "enjoy", "happy", "amazing", "awesome", "cool",
})


def _greetings(words: list[str]) -> bool:
    return all(w.rstrip("!?.").lower() in _GREETINGS for w in words)


def _pieces_on_lines(words: list[str]) -> bool:
    return not (
        _greetings(words)
        or any(w.lower() in _FIELD_NAMES or _WHEN.fullmatch(w) or "://" in w or "@" in w for w in words)
        or _kinds_of_characters(words)
        # 「パスワード⏎Teams⏎Zoom2」: the tools a notice lists under its heading
        or sum(map(_a_tool, words)) >= 2
        or not _pieces_of_a_password(words)
        # One piece alone a password already is the labelled value's (_labelled reads the line under a label).
        or any(_password_like(w, loose=True) for w in words)
    )


# The things a class or a venue numbers (「PC-A1」「PC01」「Room2」「Seat-B2」「Table1」), as a series of them is listed.
_A_NUMBERED_THING = re.compile(
    r"(?i)(?P<thing>pc|room|rm|seat|desk|table|booth|group|grp|class|team|lab|zone|area|floor|gate|terminal|tablet|ipad"
    r"|printer|unit|hall|court|bus|car|course)[-_ ]?(?:[a-z]?[0-9]{1,3}|[a-z])"
)


_A_HANDLE = re.compile(r"@[A-Za-z0-9_.]{2,30}+")


def _a_handle(word: str) -> bool:
    """「@joetsu_city」「@JoetsuCity」「@koho2026」: an account's name; capitals and digits both (「@Kessai2026」) make a password."""
    return _A_HANDLE.fullmatch(word) is not None and not (any(c.isupper() for c in word) and _has_digit(word))


def _an_item_of_a_list_below(norm: str, value: str, end: int, label: str) -> bool:
    """Whether ``value``, on the line under a label, is followed by a line that is another item of its kind: a tool
    after another tool (「IE11⏎EDGE」), or a device, a room or a seat after one of its series (「PC-A1⏎PC-B2」「PC01⏎PC02」).
    A series of names is the passwords of as many accounts (「koho-A1⏎koho-B2」「joetsu01⏎joetsu02」), and one tool's name
    numbered twice no list of tools (「Teams1⏎Teams2」). ``label``: the password's label above ``value``."""
    nxt = _NEXT_LINE_A_WORD.match(norm, end)
    if nxt is None:
        return False
    other = nxt[1].rstrip(_TRAILING)
    if _WHEN.fullmatch(value) and _WHEN.fullmatch(other):
        return True  # 「パスワード⏎10:00⏎11:00」: a session's times
    if _clock_times([value, other], label):
        return True  # 「パスワード⏎0900⏎1030」: the same, written as a timetable's four digits
    if _PRODUCT.fullmatch(value) and _PRODUCT.fullmatch(other):
        return True  # 「パスワード⏎iPhone15⏎iPhone16」: the models a guide covers, one product's or not
    if _a_handle(value) and _a_handle(other):
        return True  # 「パスワード⏎@joetsu_city⏎@joetsu_koho」: the accounts a post names, no account's password
    if _greetings([value, other]):
        return True  # 「パスワード⏎Welcome!⏎Thanks!」: an English class's phrases
    if _a_tool(value) and _a_tool(other):
        return value.rstrip("0123456789").lower() != other.rstrip("0123456789").lower()
    this, that = _A_NUMBERED_THING.fullmatch(value), _A_NUMBERED_THING.fullmatch(other)
    return this is not None and that is not None and this["thing"].lower() == that["thing"].lower()


# What may stand between a password's label and its halves of letters alone: a particle, a colon, 「の件です」, a line's end
# (「パスワードは前半 Sakura、後半 Fubuki」「パスワードの件です。前半は Sakura、後半は Fubuki」「Wi-Fiのパスワード⏎前半…」).
# A course's, a training's or a meeting's word there (「パスワード講座 前半は Basic、後半は Advanced」) makes them its parts.
_TO_ITS_HALVES = re.compile(
    r"[ \t]*+(?:は|が|:|の件(?:です|ですが)?|です(?:が)?|を(?:送ります|お?伝えします|共有します))?[ \t、,。.!?]*+\n?[ \t]*+(?:その|の)?\Z"
)
_A_WORD_HALF = re.compile(r"[A-Za-z]{3,16}+")
# Kinds of characters, as a rule names them (「パスワードは前半が Upper、後半が Lower」).
_A_KIND_OF_CHARACTERS = re.compile(
    r"(?i)upper(?:case)?|lower(?:case)?|capitals?|small|english|alphabets?|alpha|letters?|numbers?|numeric|digits?"
    r"|symbols?|marks?|kana|romaji|ascii|word|words|name|names"
)


def _worded_halves(norm: str, mention_end: int, start: int, first: str, second: str) -> bool:
    """Whether halves of letters alone (「前半は Sakura、後半は Fubuki」), which no digit tells from two names
    (「前半は Zoom、後半は Teams」), are the password's: right after its label, as no course's parts are, and neither a
    tool's, a service's or a product's name."""
    return (
        _A_WORD_HALF.fullmatch(first) is not None and _A_WORD_HALF.fullmatch(second) is not None
        and _TO_ITS_HALVES.match(norm, mention_end, start) is not None
        and not any(_a_tool(h) or _TECHNICAL.fullmatch(h) or _HEADING.fullmatch(h) or _A_KIND_OF_CHARACTERS.fullmatch(h)
                    for h in (first, second))
    )


def _halves_and_lines(norm: str) -> Iterator[Credential]:
    for m in _HALVES.finditer(norm):
        first, second = m["first"], m["second"].rstrip(_TRAILING)
        mentions = list(_PASSWORD_MENTION.finditer(norm, max(0, m.start() - _MENTION_REACH), m.start()))
        if not mentions:
            continue
        if not (_pieces_of_a_password([first, second]) or _worded_halves(norm, mentions[-1].end(), m.start(), first, second)):
            continue
        a, b = m.start("first"), m.start("second")
        yield Credential(m.start(), a + len(first), a, a + len(first), "パスワード", 0)
        yield Credential(b, b + len(second), b, b + len(second), "パスワード", 0)
    # A block of one line counts only with a blank line after it (「パスワード⏎Sakura!⏎⏎Fubuki!」): the first of a series
    # set apart line by line. Alone, the line under a label is _labelled's to read.
    for m in _SHORT_LINES_AFTER.finditer(norm):
        one_line = "\n" not in m["lines"]
        if one_line and _BLANK_LINE_AFTER.match(norm, m.end()) is None:
            continue
        line = norm.rfind("\n", 0, m.start()) + 1
        label_end = m.start()
        label = _LABEL_ENDS_ITS_LINE.search(norm[max(line, label_end - _LABEL_REACH) : label_end])
        # A blank line under the label (「パスワード⏎⏎Sakura!⏎Fubuki!」): read for a series only, pieces are never set apart.
        spaced = label is None and line > 0 and not norm[line : m.start()].strip(" \t")
        if spaced:
            label_end = line - 1
            line = norm.rfind("\n", 0, label_end) + 1
            label = _LABEL_ENDS_ITS_LINE.search(norm[max(line, label_end - _LABEL_REACH) : label_end])
        if label is None or _PIN_ONLY_LABEL.fullmatch(label["label"]):
            continue
        label_start = label_end - (len(label.string) - label.start())
        block = list(_PIECE_LINE.finditer(norm, m.start("lines"), m.end("lines")))
        # The series goes on past a blank line only when the lines after it are of its shape (「…⏎joetsuB⏎⏎joetsuC」, not
        # 「…⏎joetsuB⏎⏎URL⏎https://…」).
        series = next((s for s in (block + _blocks_after_blank_lines(norm, m.end()), block)
                       if _a_series_of_passwords([p[1].rstrip(_TRAILING) for p in s])), [])
        if series and _a_series_warned_against(norm, line, series[-1].end(1)):
            series = []
        if spaced or one_line:
            for i, p in enumerate(series):
                yield Credential(label_start if i == 0 else p.start(1), p.end(1), p.start(1), p.end(1), "パスワード", 0)
            continue
        if _digit_groups([p[1].rstrip(_TRAILING) for p in block], label["label"]):
            # 「パスワード⏎2026⏎04⏎01⏎10⏎00」: a number in groups, a line each, as a form's boxes are copied. The first group
            # alone is a value (_labelled's), and masked alone, the leak report showed the rest of the number.
            for i, p in enumerate(block):
                value = p[1].rstrip(_TRAILING)
                yield Credential(label_start if i == 0 else p.start(1), p.start(1) + len(value), p.start(1),
                                 p.start(1) + len(value), "パスワード", 0)
            continue
        # Every line of the block (「パスワード⏎ko⏎uh⏎ou⏎20⏎26!」, a piece on each of up to eight), else its first two, the
        # password before whatever is listed after it (「パスワードは⏎kouho⏎2026!⏎URL⏎https://…」).
        pieces = next((c for c in (block, block[:2]) if _pieces_on_lines([p[1] for p in c])), [])
        for i, p in enumerate(pieces):
            yield Credential(label_start if i == 0 else p.start(1), p.end(1), p.start(1), p.end(1), "パスワード", 0)
        if not pieces and (after := _after_the_tools([p[1] for p in block])) is not None:
            p = block[after]
            yield Credential(label_start, p.end(1), p.start(1), p.end(1), "パスワード", 0)
        elif not pieces:
            for i, p in enumerate(series):
                yield Credential(label_start if i == 0 else p.start(1), p.end(1), p.start(1), p.end(1), "パスワード", 0)


# A capital after a lower-case letter and opening no word, or a mark no name is written with: 「joetsuA」「Sakura!」, not
# 「Room-A」「Edge」 or the words of a name (「GitHub」「GitLab」).
_A_PASSWORDS_CASE_OR_MARK = re.compile(r"[a-z][A-Z](?![a-z])|[!#$%&*+=?@^~|]")


def _a_series_of_passwords(words: list[str]) -> bool:
    """The passwords of as many accounts under one label, each alone on its line and of one shape (「パスワード⏎joetsuA⏎
    joetsuB」「パスワード⏎Sakura!⏎Fubuki!」): no digit in them, so no line alone looked a password, and 「Sakura!」「Fubuki!」
    of one shape were no pieces of one. A case turning inside the word or a mark makes them no list of names, rooms or
    tools (「Room-A⏎Room-B」「Excel⏎Word」)."""
    return (
        len(words) >= 2 and not _greetings(words)
        and all(
            6 <= len(w) <= 32 and any(c.islower() for c in w) and _A_PASSWORDS_CASE_OR_MARK.search(w)
            and w[0].isalnum() and w.lower() not in _FIELD_NAMES and w.lower() not in _FAMOUS_EXAMPLES
            and "://" not in w and "@" not in w and not _a_tool(w) and not product_or_version_word(w)
            and not _A_NUMBERED_THING.fullmatch(w) and not _HEADING.fullmatch(w) and not _WHEN.fullmatch(w)
            and not _A_KIND_OF_CHARACTERS.fullmatch(w.strip("!#$%&*+=?@^~|"))
            for w in words
        )
        and all(p.translate(_SHAPE_ANY_CASE) == q.translate(_SHAPE_ANY_CASE) for p, q in itertools.pairwise(words))
    )


_BLANK_LINE_AFTER = re.compile(r"\n[ \t]*+(?=\n)")
# A block after a blank line may be of one line (「パスワード⏎joetsuA⏎joetsuB⏎⏎joetsuC」).
_SHORT_LINES_AFTER = re.compile(
    rf"\n(?P<lines>(?:[ \t]*+{_LINE_BULLET}[!-~]{{2,32}}+[ \t]*+\n){{0,7}}[ \t]*+{_LINE_BULLET}[!-~]{{2,32}}+[ \t]*+)(?=\n|$)"
)


def _blocks_after_blank_lines(norm: str, end: int) -> list[re.Match[str]]:
    """The lines of the blocks that follow a block ending at ``end``, each after one blank line (「パスワード⏎Sakura!⏎⏎
    Fubuki!」): a series set apart so is one series. A few blocks at most, so that a long draft of blocks is read once."""
    lines: list[re.Match[str]] = []
    for _ in range(3):
        if (blank := _BLANK_LINE_AFTER.match(norm, end)) is None or (nxt := _SHORT_LINES_AFTER.match(norm, blank.end())) is None:
            break
        lines += _PIECE_LINE.finditer(norm, nxt.start("lines"), nxt.end("lines"))
        end = nxt.end()
    return lines


def _a_series_warned_against(norm: str, label_line: int, end: int) -> bool:
    """Whether an awareness post lists the series as what not to choose: said so before the label, on its line or the
    one before (「よく使われるパスワード⏎Qwerty!⏎Asdfgh!」「×悪い例⏎パスワード⏎…」), or by the line after the series
    (「パスワード⏎Sakura!⏎Fubuki!⏎このような単語+記号は推測されやすいので避けましょう」). ``label_line``: where the
    label's line starts; ``end``: just past the series' last word."""
    before = norm[norm.rfind("\n", 0, max(0, label_line - 1)) + 1 : label_line]
    label_to_series = norm[label_line : norm.find("\n", label_line)]
    if _NOT_IN_USE_BEFORE_A_WORD.search(before + label_to_series):
        return True
    rest = norm[end : end + 2 * _CONTEXT_REACH].lstrip(" \t\n")[:_CONTEXT_REACH]
    return _NOT_IN_USE_AFTER.search(_to_sentence_end(rest)) is not None


_A_VERSION = re.compile(r"[ ._-]?v?[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}")


def _digit_groups(words: list[str], label: str) -> bool:
    """A number given in groups on lines of their own under a label: digits alone on each, the first a value by itself
    (four to eight digits, no famous example), and no count of items (「01⏎02⏎03」) or timetable (「0900⏎1030」)."""
    return (
        len(words) >= 2 and all(w.isdigit() and len(w) <= 8 for w in words)
        and len(words[0]) >= 4 and words[0] not in _FAMOUS_EXAMPLES and len(set(words[0])) > 1
        and not all(int(b) - int(a) == 1 for a, b in itertools.pairwise(words))
        and not _clock_times(words, label)
    )


_CLOCK_TIME = re.compile(r"(?:[01][0-9]|2[0-3])(?:00|15|30|45)")


def _clock_times(words: list[str], label: str) -> bool:
    """「0900⏎1030⏎1300」: times of day in a timetable's four digits, on the quarter hour and in order. A PIN that happens
    to be one is rarer than a session's times under a course's heading, and two of them in order rarer still. Not under a
    PIN's own label (「暗証番号⏎0915⏎1130」「PIN⏎0915⏎1130」), which heads no timetable: a PIN picked as a birthday (9/15,
    11/30) is of that shape. ``label``: the label above."""
    return (
        not _STATED_PIN_LABEL.fullmatch(label)
        and len(words) >= 2 and all(_CLOCK_TIME.fullmatch(w) for w in words)
        and all(int(a) < int(b) for a, b in itertools.pairwise(words))
    )


def _after_the_tools(words: list[str]) -> int | None:
    """The line of a password under the tools' names it is for (「パスワード⏎Chrome⏎Sakura2026」「パスワード⏎Teams⏎Zoom2⏎
    Kessai2026!」): the tools alone are a list (「パスワード⏎Teams⏎Zoom2」), a password after them is none of its items."""
    i = next((i for i, w in enumerate(words) if not _a_tool(w)), len(words))
    if i == 0 or i == len(words):
        return None
    w = words[i].rstrip(_TRAILING)
    # A word alone is another app's name (「Excel⏎Word⏎PowerPoint」「Edge⏎Chromium」), a tool's with a number its version
    # (「Zoom⏎Zoom5.17」).
    if w.isalpha() or any(
        w.lower().startswith(stem := t.rstrip("0123456789").lower()) and _A_VERSION.fullmatch(w, len(stem))
        for t in words[:i]
    ):
        return None
    if (
        w.lower() in _FIELD_NAMES or w.lower() in _FAMOUS_EXAMPLES or "://" in w or "@" in w or _WHEN.fullmatch(w)
        or _TECHNICAL.fullmatch(w) or _HEADING.fullmatch(w) or product_or_version_word(w)
    ):
        return None
    return i if _password_like(w, loose=False) else None


def _pieces(norm: str) -> Iterator[Credential]:
    lowered = norm.lower()
    if not any(p in lowered for p in _PASSWORD_PROBES):
        return
    for m in _PIECES.finditer(norm):
        parts = list(_PIECE_VALUE.finditer(norm, m.start("pieces"), m.end("pieces")))
        joined = "".join(p[1] for p in parts)
        # Joined by 「と」 or a comma alone with no verb saying to join them, two words may be two
        # examples (「パスワードは「sakura」「tanaka」です」 is read by _labelled's quoted word, if at all).
        if not m["joined"].strip() and "+" not in m["pieces"] and "＋" not in m["pieces"]:
            continue
        if not (_password_like(joined, loose=False) or _pin_like(joined)) or joined.lower() in _FAMOUS_EXAMPLES:
            continue
        # Kinds of characters named as a rule: ranges (「「A-Z」と「0-9」を組み合わせて」) or one or two of
        # each kind (「「Aa」と「1」と「!」を組み合わせて」); a password's pieces are words and numbers.
        if any(_CHAR_RANGE.fullmatch(p[1]) for p in parts) or all(len(p[1]) <= 2 for p in parts):
            continue
        if _LENGTH_RULE_AFTER.match(norm, m.end()):
            continue  # 「「ABC」「abc」「123」「!#$」を組み合わせて12文字以上に」: kinds with the length to reach
        if _WEAK_AFTER.match(norm, m.end()) or _EXAMPLE_AFTER.match(norm, m.end("pieces")):
            continue
        yield Credential(m.start(), m.end("pieces"), parts[0].start(1), parts[-1].end(1), "パスワード", 0)
    for m in _BARE_PIECES.finditer(norm):
        first, second = m["first"].rstrip("+"), m["second"].rstrip(_TRAILING)
        joined = first + second
        if not (_password_like(joined, loose=False) or _pin_like(joined)) or joined.lower() in _FAMOUS_EXAMPLES:
            continue
        if _TECHNICAL.fullmatch(first) or _SERVICE_NAME.fullmatch(first) or _WEAK_AFTER.match(norm, m.end()):
            continue
        yield Credential(m.start(), m.start("second") + len(second), m.start("first"), m.start("second") + len(second),
                         "パスワード", 0)


# --- new and old values under a heading -----------------------------------------------------------

# A notice of a changed password, its values on lines of their own under a heading that names it
# (「パスワード変更のお知らせ⏎新：Kessai2026!⏎旧：Yuki2025!」): the old one is as secret as the new, reused
# elsewhere as often as not. Only a value alone on its line, a short way under the heading.
_NEW_OLD = re.compile(
    r"(?m)^[ \t]*+(?P<label>新|旧|新しい(?:もの)?|変更後|変更前|現在|現行|以前|従来)[ \t]*+(?::|=|→|⇒|>)[ \t]*+"
    r"(?P<value>[!-~]{4,64}+)[ \t]*+$"
)
_HEADING_REACH = 160
# The heading says the password itself changed (「パスワード変更のお知らせ」「暗証番号を変更しました」):
# a heading on something else about passwords lists its own new and old (「パスワード管理研修の日程変更
# ⏎変更前：10/5(Sun)」「パスワード設定窓口⏎旧：9am-5pm」).
_DATE_OR_TIME = re.compile(r"(?i)(?<![0-9])[0-9]{1,2}(?::[0-9]{2})?[ \t]*(?:am|pm)(?![a-z])|(?<![0-9])[0-9]{1,2}[/:][0-9]{2}(?![0-9])|"
                           r"(?<![0-9])[0-9]{1,2}/[0-9]{1,2}(?![0-9])")
_HEADING_LABEL = re.compile(
    rf"(?i)(?P<label>{_PASSWORD_LABEL}){_QUALIFIER}[ \t]*+(?:の|を|が)?[ \t]*+(?:変更|再設定|再発行|更新|切り?替|変わ|リセット)"
)


def _new_and_old(norm: str) -> Iterator[Credential]:
    if "新" not in norm and "旧" not in norm and "変更" not in norm and "現" not in norm and "以前" not in norm:
        return
    for m in _NEW_OLD.finditer(norm):
        heading = _HEADING_LABEL.search(norm, max(0, m.start() - _HEADING_REACH), m.start())
        if heading is None:
            continue
        value = m["value"].rstrip(_TRAILING)
        numeric = _NUMERIC_LABEL.fullmatch(_BLANKS.sub("", heading["label"])) is not None
        # A password has a letter: 「変更前：2026/3/31」「新：0120-123-456」 are dates and numbers of a notice.
        if not ((_password_like(value, loose=False) and _has_letter(value)) or (numeric and _pin_like(value))):
            continue
        if _DATE_OR_TIME.search(value):
            continue  # 「パスワード変更窓口の受付時間の変更⏎旧：9am-5pm⏎新：8:30am-5:15pm」「変更前：10/5(Sun)」
        if _TECHNICAL.fullmatch(value) or _UNIT_AFTER.fullmatch(" " + value.lstrip("0123456789")):
            continue  # 「パスワードの変更手順⏎新：Windows11⏎旧：Windows10」: the systems compared
        a = m.start("value")
        yield Credential(m.start("label"), a + len(value), a, a + len(value), "パスワード", 0)


# --- the combination of a lock, stated ------------------------------------------------------------

# A key, a safe, a locker or a door named as the label of a number (「鍵の番号：4821」「金庫：4821」
# 「ロッカーの番号は 0815 です」「倉庫の鍵の番号は4821です。」): the combination that opens it. The same
# words label numbers that are no secret (「ロッカー：100円」「鍵は2026年に交換」「ロッカーの番号は 15 番
# です」), so only a number of 4–12 digits stated as a sentence of its own counts: after 「は」 with
# です ending it, or after a colon ending its line (the tests of _stated_pin).
_LOCK_CODE = re.compile(
    # A door's or a storeroom's 「番号」 is which one it is (「倉庫の番号は 0012 です」「ドアの番号：1205」):
    # only its 「コード」 opens it.
    # A bank named 金庫 (信用金庫, 労働金庫, 農林中央金庫) is listed with its four-digit bank code
    # (「上越信用金庫：1141」「中央労働金庫：2963」), a notice on paying by account transfer.
    r"(?P<label>(?:鍵|カギ|かぎ|(?<![用働央])金庫|(?<![ァ-ヺー])ロッカー)の?(?:番号|ナンバー|コード)"
    r"|(?:ドア|扉|玄関|倉庫|物置|書庫|保管庫)の?コード"
    r"|(?<![用働央])金庫|鍵|カギ|(?<![ァ-ヺー])ロッカー(?![ァ-ヺー]))"
    r"[ \t]*+(?P<sep>は|::?|=|→)[ \t]*+(?P<quote>[「『\"“])?(?P<value>[0-9]{4,12}+)(?![0-9])(?P<close>[」』\"”])?"
)
# Or the number as what one types or turns to open it: 「鍵の番号：4821 を入力して解錠」「金庫は 4821 で開きます」.
# Not 「に」 before opening: 「鍵は 0830 に開けます」「金庫は 0900 に開きます」 say when.
_TYPED_AFTER = re.compile(r"[ \t]*+(?:(?:を|で|と)[ \t]*+(?:入力|押|打|解錠|開|合わせ|回)|に[ \t]*+(?:合わせ|回))")
_LOCK_PROBES = ("鍵", "カギ", "かぎ", "金庫", "ロッカー", "ドア", "扉", "玄関", "倉庫", "物置", "書庫", "保管庫")


def _lock_codes(norm: str) -> Iterator[Credential]:
    if not any(p in norm for p in _LOCK_PROBES):
        return
    for m in _LOCK_CODE.finditer(norm):
        value = m["value"]
        if len(set(value)) == 1 and value not in ("0000",):
            continue
        stated = (_STATED_AFTER_WA if m["sep"] == "は" else _STATED_AFTER_COLON).match(norm, m.end()) or (
            _TYPED_AFTER.match(norm, m.end())
        )
        if stated is None:
            continue
        # 「よく使われる金庫の番号は1234です」「初期の鍵の番号は0000です」: an example or a factory default.
        before = norm[max(0, m.start() - _PAIR_WINDOW) : m.start()]
        own = before[max(before.rfind(c) for c in "。！？!?\n") + 1 :]
        rest = _to_sentence_end(norm[stated.end() : stated.end() + _CONTEXT_REACH])
        if _NOT_IN_USE_BEFORE.search(own) or _NOT_IN_USE_AFTER.search(rest):
            continue
        a, b = m.span("value")
        yield Credential(m.start(), b, a, b, "パスワード", 0)


# --- a table of accounts ---------------------------------------------------------------------------

# A list of accounts copied from a spreadsheet (cells split by tabs), a CSV file or a Markdown table:
# a header cell that is a password label, and under it, in the same column, the passwords.
_CELL_SEPARATORS = ("\t", "|", ",")
_HEADER_LABEL = re.compile(
    r"(?i)(?:ログイン)?パスワード|パスコード|暗証番号|pass(?:word|code)?|pwd?|p/w|pin"
)
_RULE_ROW = re.compile(r"[\s|:\-]*")  # a Markdown table's |---|---| row
_MAX_ROWS = 100
_ROW_CONTEXT = 40
_HEADER_PROBES = ("パスワード", "パスコード", "暗証番号", "pass", "pw", "p/w", "pin")


def _tables(norm: str) -> Iterator[Credential]:
    if not any(sep in norm for sep in _CELL_SEPARATORS):
        return
    lowered = norm.lower()
    if not any(p in lowered for p in _HEADER_PROBES):
        return  # most drafts with a comma or a tab have no table of accounts
    lines: list[tuple[int, str]] = []
    pos = 0
    for line in norm.split("\n"):
        lines.append((pos, line))
        pos += len(line) + 1
    for i, (_, header) in enumerate(lines):
        for sep in _CELL_SEPARATORS:
            if sep not in header:
                continue
            cells = header.split(sep)
            columns = [k for k, cell in enumerate(cells) if _HEADER_LABEL.fullmatch(cell.strip())]
            if not columns:
                continue
            for at, row in lines[i + 1 : i + 1 + _MAX_ROWS]:
                if sep not in row:
                    break
                if _RULE_ROW.fullmatch(row):
                    continue
                values = row.split(sep)
                if any(_HEADER_LABEL.fullmatch(v.strip()) for v in values):
                    break  # another table's header: each row is read under one header only
                for k in columns:
                    if k >= len(values):
                        continue
                    cell = values[k]
                    value = cell.strip()
                    # A short English header (「Pass」 of a fare table: 「Day Pass」) asks for letters
                    # and digits, as prose does; no password has a space.
                    header_cell = cells[k].strip().lower()
                    loose = _SHORT_ENGLISH_LABEL.fullmatch(header_cell) is not None
                    # A number under 「Pass」 is a price (「Day Pass」 1000); under PIN or 暗証番号 it is the PIN.
                    pin = header_cell != "pass" and _pin_like(value)
                    if any(c.isspace() for c in value) or not (_password_like(value, loose=loose) or pin):
                        continue
                    a = at + sum(len(v) + len(sep) for v in values[:k]) + (len(cell) - len(cell.lstrip()))
                    # The row up to the cell (「田中\t」「| 本庁 | 」) when short: other secrets in it are
                    # masked in the excerpt as everywhere.
                    context = at if 0 < a - at <= _ROW_CONTEXT else None
                    yield Credential(a, a + len(value), a, a + len(value), "パスワード", 0, context)
            break  # one separator per header line


# 「ログイン情報：koho01 / Joetsu2026」: an account's ID and password under one label, with no PW
# label of their own. The password is the second value, and must look like one (letters and digits).
# Between the two a slash, 「・」「、」「,」, or only a space (「ログイン情報 koho01 Kessai2026!」
# 「アカウント：koho01　Kessai2026!」). The bare 「アカウント」 and a mere space are also how an account
# is announced (「公式アカウント：joetsu_city joetsu2026」, a second handle): there the second value must
# be what no handle is, upper and lower case or a symbol, and the ID must have a digit or a mark in it
# (a word of letters is a service's name); an ID starting with 「@」 and a value starting with 「@」「#」
# (a hashtag) are not read.
# 「ID」 alone (「ID: joetsu01 / abc12345」) as a word of its own, not the end of another's name
# (「会員ID」「ミーティングID」「LINE」 before it is a service's), and only with a slash between the two
# values: after a space a second ID or a year follows as often (「ID: A-123 2026年度」).
_LOGIN_PAIR = re.compile(
    r"(?P<label>ログイン情報|アカウント情報|認証情報|接続情報|ログイン(?:ID|名)?|アカウント(?:名|ID)?"
    r"|(?P<bare_id>(?<![A-Za-z0-9ァ-ヺー\u3400-\u9fff々])ID))[ \t]*+[:：]?[ \t]*+"
    r"(?P<id>[A-Za-z0-9._@\-]{2,64}+)(?:[ \t]*+(?P<mark>[/／・、,])[ \t]*+|[ \t]++)(?P<value>[!-~]{6,64}+)"
)
_HANDLE_LIKE = re.compile(r"[@#]|.*(?:/|@|://)")
# 「公式アカウント」「市公式Xアカウント」「公式 Instagram アカウント」: 公式 shortly before the label, on its line.
_OFFICIAL = re.compile(r"公式[^\n]{0,12}$")
_OFFICIAL_REACH = 14
# Words on a line that make it a login, not an introduction: 「市公式Xアカウントのログイン情報 koho_admin
# Kessai2026」「ルーター管理画面 admin: Kessai2026」.
_LOGIN_CONTEXT = re.compile(
    r"(?i)ログイン|サインイン|log[ \t]?in|sign[ \t]?in|管理画面|管理者画面|パスワード|password|passwd|(?<![a-z])(?:pw|pass)(?![a-z])|"
    # 「ID検索」「IDで検索」 is how a reader finds the account, not a login.
    r"ルーター|router|サーバ|server|認証|初期設定|(?<![a-z])(?:id|user)(?![a-z])(?![ \t]*+(?:で[ \t]*+)?検索)"
)


_CONTEXT_REACH = 40


def _line_of(norm: str, start: int, end: int) -> str:
    """The text around [start, end) on its line, a bounded way each side: read once per pair, the
    whole line would make a 40,000-character line of pairs quadratic."""
    a = max(0, start - _CONTEXT_REACH)
    b = min(len(norm), end + _CONTEXT_REACH)
    a = norm.rfind("\n", a, start) + 1 or a
    nl = norm.find("\n", end, b)
    return norm[a:b if nl < 0 else nl]


# A service one signs in with whose name has a number in it (「ログイン：Google / Microsoft365」); a
# name without one is no password here. Not every product's name with its version: 「Office2026」
# 「Windows11」「iPhone15」 are the passwords such pairs leak.
_SIGN_IN_SERVICE = re.compile(r"(?i)(?:microsoft|office)[ \t]?365")


def _siblings(first: str, second: str) -> bool:
    """Two IDs of one series (「koho01 / koho02」): the same letters, only the digits differ."""
    return len(first) == len(second) and first.rstrip("0123456789") == second.rstrip("0123456789")


_SHAPE = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", "A" * 26 + "9" * 10)


def _same_code_shape(first: str, second: str) -> bool:
    """Two codes of one format in capitals and digits (「ID: ABC-123 / DEF-456」, product or form
    numbers listed): a password has lower-case letters, or is not cut to its ID's pattern. The format
    has its separator (「-」「.」): 「ID: KOHO01 / PASS99」 is a login ID and a password in capitals, the
    two of a length by chance."""
    shape = first.translate(_SHAPE)
    return (
        not any(c.islower() for c in first + second)
        and shape == second.rstrip(_TRAILING).translate(_SHAPE)
        and any(c not in "A9" for c in shape)
    )


# The same in the English a memo for a foreign staff member or a chat says it in (「login: joetsu_koho / Sakura2026!」「FYI the
# Instagram login is joetsu_koho / Sakura2026!」): with a slash between the two only, as after 「ID」, and an ID of digits or
# 「._」 (「Login is required / Wi-Fi2026 available」 is a sentence). Its own pattern, read only where such a word stands: in
# _LOGIN_PAIR's alternation it was tried at every letter of every draft; here only where the probe finds the word.
_ENGLISH_LOGIN_PAIR = re.compile(
    r"(?i)(?P<label>log[ -]?in|sign[ -]?in)(?:[ \t]++(?:info|information|details|credentials))?(?:[ \t]++(?:is|are)(?=[ \t]))?"
    r"[ \t]*+:?[ \t]*+(?P<id>[A-Za-z0-9._@\-]{2,64}+)[ \t]*+(?P<mark>/)[ \t]*+(?P<value>[!-~]{6,64}+)"
)
# Spelt in character classes, one first: a case-insensitive alternation is looked for at every letter (0.02 ms a draft).
_ENGLISH_LOGIN_PROBE = re.compile(r"[LlSs](?:[Oo][Gg]|[Ii][Gg][Nn])[ -]?[Ii][Nn]")


def _english_login_pairs(norm: str) -> Iterator[Credential]:
    for word in _ENGLISH_LOGIN_PROBE.finditer(norm):
        before = norm[word.start() - 1 : word.start()]
        if (before.isascii() and before.isalpha()) or (m := _ENGLISH_LOGIN_PAIR.match(norm, word.start())) is None:
            continue
        value = m["value"].rstrip(_TRAILING)
        if (
            not _password_like(value, loose=True) or not any(c.isdigit() or c in "._" for c in m["id"])
            or m["id"].startswith("@") or _HANDLE_LIKE.match(value) or _siblings(m["id"], value)
            or _same_code_shape(m["id"], value) or _SIGN_IN_SERVICE.fullmatch(value)
        ):
            continue
        a = m.start("value")
        yield Credential(m.start(), a + len(value), a, a + len(value), "パスワード", 0)



def _login_pairs(norm: str) -> Iterator[Credential]:
    if "ログイン" not in norm and "情報" not in norm and "アカウント" not in norm and "ID" not in norm:
        return
    for m in _LOGIN_PAIR.finditer(norm):
        value = m["value"].rstrip("".join(_TRAILING))
        if not _password_like(value, loose=True):
            continue
        if m["bare_id"] is not None and (
            m["mark"] != "/" or m["id"].startswith("@") or _HANDLE_LIKE.match(value) or _siblings(m["id"], value)
            or _same_code_shape(m["id"], value)
        ):
            continue
        if _SERVICE_NAME.fullmatch(m["id"]) and _SIGN_IN_SERVICE.fullmatch(value):
            continue  # 「ログイン：Google / Microsoft365」: the services one logs in with
        if m["mark"] is None or (m["label"].startswith("アカウント") and not m["label"].endswith("情報")):
            cases = any(c.isupper() for c in value) and any(c.islower() for c in value)
            symbol = any(not c.isalnum() and c not in "._-" for c in value)
            named = m["id"].isalpha()  # 「アカウント：YouTube JoetsuChannel2026」: a service, not an ID
            if not (cases or symbol) or named or m["id"].startswith("@") or _HANDLE_LIKE.match(value):
                continue
            # 「公式アカウント joetsu_city Joetsu2026」 introduces the account to the public, and a
            # campaign's name or a hashtag written without its 「#」 follows; a login shared under that
            # label has a symbol in its password (「公式アカウント koho01 Yuki2025!」).
            # Only the bare 「アカウント」 a space from the name, on a line that speaks of no login
            # (「市公式Xアカウントのログイン情報 koho_admin Kessai2026」 is one, shared).
            if (
                not symbol and m["mark"] is None and m["label"] == "アカウント"
                and _OFFICIAL.search(norm, max(0, m.start() - _OFFICIAL_REACH), m.start())
                and not _LOGIN_CONTEXT.search(_line_of(norm, m.start(), m.end()).replace(m["label"], ""))
                and "admin" not in m["id"].lower()
            ):
                continue
        a = m.start("value")
        yield Credential(m.start(), a + len(value), a, a + len(value), "パスワード", 0)


# The same pair pasted as a block, each value on its own line under the heading (「ログイン情報⏎koho01⏎
# Kessai2026!」「【ログイン情報】（広報X）⏎joetsu_koho⏎Sakura#2026」), or the ID on the heading's line
# (「ログイン情報：koho01⏎Kessai2026!」): a memo of the account copied into the draft. The heading words are
# those of a login's details only (not 「アカウント」 alone, which introduces a public account). The ID is
# no label of its own (「接続情報⏎SSID⏎…」 names its fields, the values come later) and no handle
# (「@joetsu_city」); the second line must be a password by its letters and digits, no standard's or
# product's name (「接続情報⏎Wi-Fi⏎WPA2-PSK」), and not a sibling of the ID (「koho01⏎koho02」, a list).
_LOGIN_BLOCK = re.compile(
    r"(?m)^[^\n]{0,24}?(?P<label>ログイン情報|アカウント情報|認証情報|接続情報|ログイン(?![ァ-ヺー]))"
    # A colon may end the heading's line (「アカウント情報（広報X）：⏎joetsu_koho⏎Sakura#2026」), the values under it.
    r"(?:[ \t]*+:[ \t]*+(?P<same_line>[A-Za-z0-9._@\-]{2,64}+)[ \t]*+|[^\n:]{0,24}+(?::[ \t]*+)?)\n(?:[ \t]*+\n)?"
    # The ID and the password on one line a slash apart (「ログイン（窓口用端末）⏎joetsu_koho / Sakura2026!」) as well.
    rf"(?(same_line)|[ \t]*+{_LINE_BULLET}(?P<id>[A-Za-z0-9._@\-]{{2,64}}+)[ \t]*+(?:\n|/(?=[ \t]*+[!-~])))"
    rf"[ \t]*+{_LINE_BULLET}(?P<value>[!-~]{{6,64}}+)[ \t]*+$"
)
_FIELD_NAMES = frozenset({
    "id", "ssid", "user", "username", "userid", "login", "pw", "pwd", "pass", "password", "key", "wifi", "wi-fi",
    "url", "mail", "email", "e-mail", "account", "name",
})

# 「ログイン」 alone heads a block only when nothing but a note of where the login is used follows it on its line
# (「インスタのログイン（窓口用端末）⏎joetsu_koho⏎Sakura2026!」): 「ログイン方法⏎…」「ログインできない場合⏎…」 head a way or a
# case. The note of a device or a place in brackets is no desk's or way's word (「（窓口用端末）」 names the PC at the desk).
_A_DEVICE_NOTE = re.compile(r"[(（][^()（）\n]{0,16}?(?:端末|PC|パソコン|タブレット|iPad|スマホ|用)[)）]")
_BARE_LOGIN_REST = re.compile(r"[ \t]*+(?:[(（][^()（）\n]{1,16}+[)）])?[ \t]*+:?[ \t]*+\Z")


def _a_bare_login_heading(norm: str, m: re.Match[str], account: str, value: str) -> bool:
    """Whether a block under 「ログイン」 alone gives an account: its heading a login's with at most a note, its
    value mixed in case, with a symbol or a word's letters and a year's digits (「Sakura2026!」), its account no
    word alone (「ログイン⏎Google⏎Microsoft365」 names services)."""
    line = norm[m.start() : norm.find("\n", m.end("label"))]
    rest = norm[m.end("label") : m.start() + len(line)]
    # An address as the account is _address_logins' (「管理者ログイン⏎koho@…⏎Kessai2026!」), reported from the address.
    if m["same_line"] is not None or "@" in account or not _BARE_LOGIN_REST.match(rest):
        return False
    if _ABOUT_LOGINS.search(_A_DEVICE_NOTE.sub("", line)) or _A_NOTICE_ON_ITS_LINE.search(line):
        return False
    cases = any(c.isupper() for c in value) and any(c.islower() for c in value)
    symbol = any(not c.isalnum() and c not in "._-" for c in value)
    return (
        (cases or symbol or _ONE_CASE_PASSWORD.fullmatch(value) is not None) and not account.isalpha()
        and not _SERVICE_NAME.fullmatch(account) and not _a_tool(value) and _A_FIELD_FIRST.match(value) is None
    )


# The accounts of several services under one login's heading, each service named on its line and its password on the
# next (「広報SNSのログイン⏎Xのアカウント⏎koho-X1⏎Instagram⏎koho-I2」): no label and no ID, the block went out unflagged.
# The heading may name the login's details (「ログイン情報」「ログイン用」), and a blank line may set it and each pair apart
# (「広報SNSのログイン情報⏎⏎X⏎koho-X1⏎⏎Instagram⏎koho-I2」); a bullet may open a service's line.
# The heading's line ends the block before it too: read as a service, the next heading was taken into the first block and
# its services with it (「広報SNSのログイン⏎X：koho-X1⏎⏎観光SNSのログイン⏎X：kanko-X1」 went out, both blocks unflagged).
_A_LOGINS_HEADING_LINE = r"[^\n]{0,24}?ログイン(?:情報|用)?[ \t]*+(?:[(（][^()（）\n]{1,16}+[)）])?[ \t]*+:?[ \t]*+\n"
_SERVICE_LOGINS = re.compile(
    r"(?m)^(?P<heading>[^\n]{0,24}?ログイン(?:情報|用)?)[ \t]*+(?:[(（][^()（）\n]{1,16}+[)）])?[ \t]*+:?[ \t]*+\n"
    rf"(?P<body>(?:(?:[ \t]*+\n)?[ \t]*+(?!{_A_LOGINS_HEADING_LINE})"
    r"(?:[^\n:]{1,24}+:[ \t]*+(?=[!-~]{6,64}+[ \t]*+(?:\n|$))|[^\n]{1,24}+\n[ \t]*+)"
    r"[!-~]{6,64}+[ \t]*+(?:\n|$)){1,6}+)"
)
# A service and its password may share a line, a colon apart (「広報SNSのログイン⏎X：koho-X1⏎Instagram：koho-I2」).
_SERVICE_THEN_VALUE = re.compile(
    rf"(?:[ \t]*+\n)?[ \t]*+{_LINE_BULLET}(?:(?P<inline>[^\n:]{{1,24}}+):[ \t]*+(?=[!-~]{{6,64}}+[ \t]*+(?:\n|$))"
    rf"|(?P<service>[^\n]{{1,24}}+)\n[ \t]*+)(?P<value>[!-~]{{6,64}}+)[ \t]*+(?:\n|$)"
)
# A service's line: its name (「Instagram」「X」), or the account named with it (「Xのアカウント」「公式LINE」「インスタ用」);
# not a field's (「申込番号」「利用者ID」「アカウント名」), whose value is no password.
_SNS = (r"x|twitter|tiktok|youtube|threads|note|bluesky|instagram|insta|facebook|fb|line|インスタ(?:グラム)?|フェイスブック|ライン|"
        r"ツイッター|エックス|ティックトック|ユーチューブ|スレッズ")
_A_SERVICES_LINE = re.compile(
    rf"(?i)(?:公式)?(?:{_SNS})(?:[ \t]*+(?:の|用))?(?:[ \t]*+(?:公式)?(?:アカウント|account))?(?:[ \t]*+[:：])?"
)


def _every_case_and_a_dot(value: str) -> bool:
    """「koho.F1」: upper and lower case, a digit and a dot or a dash inside: no handle is written so (Instagram's are in
    lower case, X's have no dot), a password is."""
    return (
        _has_digit(value) and any(c.isupper() for c in value) and any(c.islower() for c in value)
        and any(c in ".-" for c in value[1:-1])
    )


def _a_services_password(value: str) -> bool:
    """A value no handle or address is: letters and digits with a mark no handle has (「koho-X1」; X's and Instagram's
    names are of letters, digits, 「_」 and 「.」) or a dot among letters of both cases and a digit (「koho.F1」), and no
    link, time or version."""
    return (
        _password_like(value, loose=True)
        and (any(c not in "._" and not c.isalnum() for c in value) or _every_case_and_a_dot(value))
        # A lower-case letter: 「A-2026-01」 is a form's or a ticket's number.
        and any(c.islower() for c in value) and not _a_tool(re.split(r"[-_.]", value, maxsplit=1)[0])
        and not _A_NUMBERED_THING.match(value) and not product_or_version_word(value)
        and _HANDLE_LIKE.match(value) is None and not _TECHNICAL.fullmatch(value) and not _WHEN.fullmatch(value)
        and not _PHONE.fullmatch(value) and _A_FIELD_FIRST.match(value) is None
    )


def a_service_logged_in_to(name: str) -> bool:
    """Whether ``name`` names a service an office logs in to: an SNS's account (「Instagram」「Xのアカウント」「公式LINE」), a
    company's (「Google」「Microsoft」), a tool (「Zoom」「Teams」「OneDrive」「kintone」) or a product (「M365」). The services
    a login's heading lists with their passwords (_service_logins: 「広報SNSのログイン⏎Zoom：koho-Z1⏎Teams：koho-T2」 went
    out when only SNS and companies were read), and shared with the leak report's masking, which keeps such a name before
    a colon (「Instagram：koho-I2」) so that the handlers know which account to change."""
    return bool(_A_SERVICES_LINE.fullmatch(name) or _SERVICE_NAME.fullmatch(name)) or _a_tool(name)


def _service_logins(norm: str) -> Iterator[Credential]:
    if "ログイン" not in norm:
        return
    for m in _SERVICE_LOGINS.finditer(norm):
        heading = norm[m.start() : m.end("heading")]
        if _ABOUT_LOGINS.search(heading) or _A_NOTICE_ON_ITS_LINE.search(heading):
            continue  # 「ログインできない場合⏎…」「ログイン講座⏎…」: a case or a course, no account
        # The services' pairs up to a line of something else, a field's or a link's (「…⏎URL：https://x.com/login」
        # 「…⏎更新日：2026-12-07」): the block is the services' logins before it, which went out when it was read as one.
        pairs = list(itertools.takewhile(
            lambda p: a_service_logged_in_to((p["service"] or p["inline"]).strip()),
            _SERVICE_THEN_VALUE.finditer(norm, m.start("body"), m.end("body")),
        ))
        # One service alone only with a value of every kind of character (a dot or a dash counts: 「Facebook⏎koho.F1」):
        # two are a list of accounts, one may be a code.
        if not pairs or (
            len(pairs) == 1 and not (_strong(v := pairs[0]["value"]) or _every_case_and_a_dot(v.rstrip(_TRAILING)))
        ) or not all(
            a_service_logged_in_to((p["service"] or p["inline"]).strip())
            and _a_services_password(p["value"].rstrip(_TRAILING))
            for p in pairs
        ):
            continue
        for i, p in enumerate(pairs):
            value = p["value"].rstrip(_TRAILING)
            a = p.start("value")
            yield Credential(m.start("heading") if i == 0 else a, a + len(value), a, a + len(value), "パスワード", 0)


# A management standard named under 「認証情報」 (certification, not authentication: 「認証情報⏎ISO14001⏎
# JQA-EM6543」 publishes the city's registration number), its certifier's number on the next line.
# Written as standards are, in capitals (a login ID 「kes01」 is none).
_STANDARD = re.compile(r"(?:ISO|IEC|JIS|ISMS|KES|HACCP|JAS|FSC|MSC|EA21)(?:-?[0-9]{3,5})?")


def _a_closed_word(account: str, value: str) -> bool:
    """「Tokyo!」「sakura#」 under an account's ID that no word alone is (「joetsu_koho」「koho01」): a word closed by a mark, as
    a password is often made (see _field_word), not a greeting (「Thanks!」). Without a digit, _password_like refuses it."""
    word = value.rstrip(_CLOSING_MARKS)
    return (
        0 < len(value) - len(word) <= 3 and not account.isalpha() and _a_password_word(word)
        and word.lower() not in _GREETINGS and word.lower() not in _SHORT_FIELD_WORDS and word.lower() not in _CALLS_TO_ACT
    )


# An account's call to its readers under its name (「joetsu_city⏎Follow!」「koho_01⏎Check!」「ID01⏎Finish!」), a post's closing
# words as a greeting is: no word closed by a mark to log in with.
_CALLS_TO_ACT = frozenset({
    "follow", "check", "click", "tap", "like", "share", "join", "visit", "watch", "subscribe", "retweet", "repost",
    "comment", "download", "install", "register", "signup", "login", "logout", "next", "back", "search", "submit",
    "apply", "entry", "vote", "read", "more", "start", "finish", "done", "go", "look", "see", "try", "save",
})


def _login_blocks(norm: str) -> Iterator[Credential]:
    if "情報" not in norm and "ログイン" not in norm:
        return
    for m in _LOGIN_BLOCK.finditer(norm):
        account = m["same_line"] or m["id"]
        value = m["value"].rstrip("".join(_TRAILING))
        if m["label"] == "ログイン" and not _a_bare_login_heading(norm, m, account, value):
            continue
        if (
            account.lower() in _FIELD_NAMES or account.startswith("@") or _STANDARD.fullmatch(account)
            or _HANDLE_LIKE.match(value)
            or not (_password_like(value, loose=True) or _a_closed_word(account, value)) or _TECHNICAL.fullmatch(value)
            or _SIGN_IN_SERVICE.fullmatch(value) or _siblings(account, value) or _same_code_shape(account, value)
            # 「JOETSU-FREE⏎JOETSU-FREE-5G」: the network's second band, a name after a name
            or (value.startswith(account) and value[len(account) : len(account) + 1] in ("-", "_", "."))
        ):
            continue
        a = m.start("value")
        yield Credential(m.start("label"), a + len(value), a, a + len(value), "パスワード", 0)


# A login given as its mail address and the password after it, with no label (「管理画面⏎koho@city.example.lg.jp
# Sakura2026」「ログイン⏎koho@…⏎Sakura2026」), under a login's words on the address's line or the two above it: a memo of
# the account pasted into the draft, published unflagged. The value ends its line and is what no word is, letters
# and digits with mixed case or a symbol: 「お問い合わせ⏎koho@… Tel2026」 speaks of no login, and 「ログイン方法⏎koho@…
# までご連絡ください」 goes on as a sentence.
_ADDRESS_THEN_VALUE = re.compile(
    r"(?m)(?<![A-Za-z0-9._%+\-])(?P<address>[A-Za-z0-9._%+\-]{1,64}+@[A-Za-z0-9\-]{1,63}+(?:\.[A-Za-z0-9\-]{1,63}+){1,8}+)"
    r"(?:[ \t]*+[/|,、][ \t]*+|[ \t]++|[ \t]*+\n[ \t]*+)(?P<value>[!-~]{6,64}+)[ \t]*+$"
)
_A_FIELD_FIRST = re.compile(r"[^\s:=]{1,16}+[:=]")
# A notice about logins names them on its heading too (「管理画面ログイン講座」「ログインの不具合について」「ログインでき
# ない場合」), and an address to write to and a ticket's or a room's name follow: no account of anyone's.
# A desk, a way or a case is read from the login's words on only (「相談窓口アカウントのログイン」 names whose login it
# is); a notice's words anywhere on the line (「【お知らせ】ログイン画面が変わります」). Also on the address's line before
# it (「ログイン⏎お問い合わせ：support@… Tel0255265111」「連絡先：koho@…」: the address is a desk's). A line that shares
# the login (「ログイン方法を共有します」「ログインについて共有します」) gives it, whatever else it says.
_A_NOTICE = r"講座|教室|研修|説明会|について|お知らせ|障害|不具合|問い?合わ?せ"
_A_NOTICE_ON_ITS_LINE = re.compile(_A_NOTICE)
_ABOUT_LOGINS = re.compile(_A_NOTICE + r"|方法|手順|使い方|やり方|でき(?:ない|ません)|場合|窓口|相談|受付")
_A_DESKS_ADDRESS = re.compile(_A_NOTICE + r"|連絡先|担当|宛先|送信先|送り先|窓口")
_SHARES_A_LOGIN = re.compile(r"共有し|お?送りし|送ります|お?伝えし|教えま")
# A desk's telephone or extension after its address (「support@… tel0255265111」「… ext1234」): no password.
_CONTACT_NUMBER = re.compile(r"(?i)(?:tel|fax|ext|phone)[.:]?[0-9]")
# A value of letters in one case and digits (「sakura2026」「SAKURA2026」「koho2026fb」) is a password when it has a word's
# letters and a year's digits; 「koho01」「kikaku02」 after an address are an account's ID, listed with it.
_ONE_CASE_PASSWORD = re.compile(r"(?=(?:[^0-9]*+[0-9]){3})(?=(?:[^A-Za-z]*+[A-Za-z]){4})[A-Za-z0-9]++")
_ADDRESS_LOGIN_CONTEXT = re.compile(r"(?i)ログイン|サインイン|log[ \t]?in|sign[ \t]?in|管理画面|管理者画面|管理者アカウント")


def _address_logins(norm: str) -> Iterator[Credential]:
    if "@" not in norm:
        return
    for m in _ADDRESS_THEN_VALUE.finditer(norm):
        value = m["value"].rstrip(_TRAILING)
        above = m.start()
        for _ in range(3):  # the start of the address's line, then of each of the two above it
            above = norm.rfind("\n", 0, max(0, above - 1)) + 1
        context = _ADDRESS_LOGIN_CONTEXT.search(norm, max(above, m.start() - 200), m.start())
        if context is None:
            continue
        line = _line_of(norm, context.start(), context.end())
        heading = _A_DEVICE_NOTE.sub("", line[line.find(context.group()) :])
        address_line = norm[norm.rfind("\n", 0, m.start()) + 1 : m.start()]
        if (
            ((_ABOUT_LOGINS.search(heading) or _A_NOTICE_ON_ITS_LINE.search(line)) and not _SHARES_A_LOGIN.search(line))
            or _A_DESKS_ADDRESS.search(address_line)
        ):
            continue
        cases = any(c.isupper() for c in value) and any(c.islower() for c in value)
        symbol = any(not c.isalnum() and c not in "._-" for c in value)
        if (
            "@" in value or "://" in value or value.lower().startswith("www.") or not _password_like(value, loose=True)
            # 「koho@… PW:Joetsu_koho77」: the next field, with its own label, which _labelled reads.
            or _A_FIELD_FIRST.match(value)
            or not (cases or symbol or _ONE_CASE_PASSWORD.fullmatch(value))
            or _TECHNICAL.fullmatch(value) or _HANDLE_LIKE.match(value) or _CONTACT_NUMBER.match(value)
            or _SIGN_IN_SERVICE.fullmatch(value)
        ):
            continue
        a = m.start("value")
        yield Credential(m.start("address"), a + len(value), a, a + len(value), "パスワード", 0)


# An ID and a password with no label at all, alone on their line with a slash between them
# (「joetsu01 / Xy7#pq2L」, pasted from a note or a sticky): the second value must be what no word, name,
# version or path is, upper and lower case, a digit and a symbol (not a mark of a name: 「._-」), and the
# first an ID (a letter first, a digit in it). 「Model01 / Ver2.0-Beta」 stays a name. A network's name after its label
# needs no digit (「SSID: JOETSU-STAFF / Kessai2026!」, a staff Wi-Fi's memo): the label says it is the network the key is of.
_MEMOS_WORD = r"(?:引き?継ぎ?|申し?送り|共有|メモ|備忘録?|連絡|重要|社外秘|取扱注意|関係者限り|内部用)"
_BARE_PAIR = re.compile(
    # The network's label may say whom it is for (「Wi-Fi for staff: JOETSU-STAFF / Kessai2026!」「Guest Wi-Fi: JOETSU-GUEST / …」).
    # A memo's heading may open the line (「【引継ぎ】X：joetsu_koho / Sakura#2026」「引継ぎ：X：…」): read from the line's start
    # only, the first account of the handover went out unflagged while the next line's was flagged.
    # Only a memo's word: 「日時：Dec01 / Sat10:00am」「【料金】Adult1000 / Child#500yen」 are a notice's fields.
    rf"(?m)^[ \t]*+(?:(?:[【\[][ \t]*+{_MEMOS_WORD}[ \t]*+[】\]]|{_MEMOS_WORD}[ \t]*+:)[ \t]*+)?"
    r"(?:(?P<network>(?i:ssid|(?:(?:guest|staff|office|free|public|event)[ \t]++)?wi-?fi(?:[ \t]++for[ \t]++[A-Za-z]{1,16}+)?"
    r"|ネットワーク名?))[ \t]*+[:=][ \t]*+"
    # So may a service's name, as a handover memo lists its accounts (「X：joetsu_koho / Sakura#2026」「Instagram：joetsu.koho /
    # Yuki@2026」): the ID then needs no digit, as after a network's label (a_service_logged_in_to).
    r"|(?P<service>[A-Za-z][A-Za-z0-9 ]{0,15}+)[ \t]*+[:=][ \t]*+)?"
    r"(?P<id>[A-Za-z][A-Za-z0-9._\-]{2,31}+)[ \t]*+/[ \t]*+(?P<value>[!-.0-~]{8,64}+)[ \t]*+$"
)


# A name with its qualifier in brackets (「Influenza(H3N2)」「Excel(2019)」「Gate2(East)」): a list of
# two things a slash apart in a health notice or a PC class, the brackets its only symbols.
_QUALIFIED_NAME = re.compile(r"[A-Za-z0-9._\-]++\([A-Za-z0-9._\- ]*+\)")


def _bare_pairs(norm: str) -> Iterator[Credential]:
    if "/" not in norm:
        return
    for m in _BARE_PAIR.finditer(norm):
        value = m["value"]
        # An account's ID in lower case or with a mark of one (「joetsu_koho」「joetsu.koho」): 「Google: Search / Maps2026!」 names things.
        service = (
            m["service"] is not None and a_service_logged_in_to(m["service"].strip())
            and (m["id"] == m["id"].lower() or any(c in "._" for c in m["id"]))
        )
        if not (
            (_has_digit(m["id"]) or m["network"] is not None or service)
            and _has_digit(value)
            and any(c.isupper() for c in value)
            and any(c.islower() for c in value)
            and any(not c.isalnum() and c not in "._-" for c in value)
            and value[0] not in "@#"
            and not _TECHNICAL.fullmatch(m["id"])
            and not _QUALIFIED_NAME.fullmatch(value)
        ):
            continue
        a = m.start("value")
        yield Credential(m.start("id"), a + len(value), a, a + len(value), "パスワード", 0)


# A device's or a server's administrator and its password, with no label (「ルーターの管理画面 admin /
# Kessai2026!」「root:Kessai2026!」); a password on a command line is _command_passwords'. The value must be what no path or word is: letters and digits with
# mixed case or a symbol, and no slash (「admin/settings」「root:x:0:0:root:/root:/bin/bash」).
_ADMIN_PAIR = re.compile(
    r"(?i)(?<![A-Za-z0-9_.\-@/])(?:admin|administrator|root)(?:[ \t]*+(?P<mark>[/:])[ \t]*+|[ \t]++)"
    r"(?P<value>[!-~]{6,64}+)"
)
# A command's argument: quoted (「-p 'Kessai 2026!'」, the quotes being the shell's, no part of it) or
# bare, in ASCII (the Japanese that goes on after a command is no part of the value).
_ARG = r"""(?:'(?P<sq>[ -&(-~]{4,128}+)'|"(?P<dq>[ !#-~]{4,128}+)"|(?P<bare>[!#-&(-~]{4,128}+))"""
# A value piped on to the next command: a bare one ends at the pipe.
_ARG_BEFORE_PIPE = r"""(?:'(?P<sq>[ -&(-~]{4,128}+)'|"(?P<dq>[ !#-~]{4,128}+)"|(?P<bare>[!#-&(-{}~]{4,128}+))"""
# Passwords on the command lines an IT memo or a screenshot shows, each in its tool's own syntax:
# (strings one of which the line holds, pattern). A command's name is a word of its own, and what
# lies between it and its password option is bounded to the line.
_COMMAND_PASSWORDS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = tuple(
    (probes, re.compile(pattern))
    for probes, pattern in (
        # curl, wget and most HTTP tools: 「-u user:password」.
        (("-u", "--user"), r"(?<![A-Za-z0-9\-])(?:-u|--user)[ \t=]++[A-Za-z0-9._@\-]{1,64}+:" + _ARG),
        # A MySQL client takes the password glued to 「-p」 (quoted or not).
        (("mysql", "mariadb"), r"\b(?:mysql|mariadb|mysqldump|mysqladmin)\b[^\n]{0,200}?[ \t]-p" + _ARG),
        # sshpass and SQL Server's tools take it after 「-p」 and 「-P」; rdesktop after 「-p」 (「-p -」
        # asks for it), FreeRDP after 「/p:」.
        (("sshpass",), r"\bsshpass\b[^\n]{0,100}?[ \t]-p[ \t]*+" + _ARG),
        (("sqlcmd", "osql", "bcp"), r"\b(?:sqlcmd|osql|bcp)\b[^\n]{0,200}?[ \t]-P[ \t]*+" + _ARG),
        (("rdesktop",), r"\brdesktop\b[^\n]{0,200}?[ \t]-p[ \t]++" + _ARG),
        # Sysinternals PsExec: 「psexec \\\\pc -u koho -p password cmd」.
        (("psexec",), r"(?i)\bpsexec(?:64)?(?:\.exe)?\b[^\n]{0,200}?[ \t]-p[ \t]++" + _ARG),
        # PowerShell, making a credential from the password in plain text; its switches may come first
        # (「ConvertTo-SecureString -AsPlainText -Force -String "…"」), and are no value.
        (
            ("securestring",),
            r"(?i)\bConvertTo-SecureString(?:[ \t]++-(?:AsPlainText|Force)\b)*+[ \t]++(?:-String[ \t]++)?" + _ARG,
        ),
        (("freerdp",), r"(?i)\b[xw]?freerdp[0-9]?\b[^\n]{0,200}?[ \t]/p:" + _ARG),
        # Samba's tools: 「-U user%password」.
        (("-u", "--user"), r"(?<![A-Za-z0-9\-])(?:-U|--user)[ \t=]++[A-Za-z0-9._@\\\-]{1,64}+%" + _ARG),
        (("lftp",), r"\blftp\b[^\n]{0,100}?[ \t]-u[ \t]++[A-Za-z0-9._@\-]{1,64}+," + _ARG),
        # Oracle's tools: 「sqlplus user/password@db」. Nothing but a password stands after the slash, so a
        # word of letters is one too (「sqlplus scott/tiger@db」, the sample schema's login): the group
        # 「pair」 says so to _command_passwords.
        (
            ("sqlplus", "expdp", "impdp"),
            r"(?i)(?P<pair>)\b(?:sqlplus|expdp|impdp)\b[ \t]++(?:-[A-Za-z]++[ \t]++)*+[A-Za-z0-9_$#]{1,30}+/"
            r"(?P<bare>[!#-&(-.0-?A-~]{4,128}+)(?=@|[ \t]|\n|$)",
        ),
        # Windows (in lower or upper case, as its manuals write it; 「Net User Forum 2026」 is a name):
        # 「net use \\srv\share password /user:koho」 or 「… /user:koho password」 (a Japanese
        # keyboard writes the backslashes as 「¥¥」), and 「net user koho password /add」; a value starting
        # with 「/」 is the next option, 「*」 asks for it.
        (
            ("net",),
            r"\b(?:net|NET)[ \t]++(?:use|USE)\b[^\n]{0,200}?(?:(?:\\\\|¥¥)[^\s]++|/(?i:u|user):[^\s]++)[ \t]++"
            r"(?P<bare>[!#-&(-)+-.0-~][!#-&(-~]{3,127}+)",
        ),
        (
            ("net",),
            r"\b(?:net|NET)[ \t]++(?:user|USER)[ \t]++[^\s/]++[ \t]++(?P<bare>[!#-&(-)+-.0-~][!#-&(-~]{3,127}+)",
        ),
        # Apache's htpasswd takes the password as its last argument with 「-b」 (「htpasswd -b .htpasswd koho
        # Kessai2026」, 「htpasswd -nb koho Kessai2026」 with no file): the flags are bounded, so that a run
        # of them is read once.
        (
            ("htpasswd",),
            # 「-C 10」 (bcrypt's cost) is the one flag that takes a number.
            r"\bhtpasswd(?:[ \t]++-[A-Za-z]++(?:[ \t]++[0-9]++)?){0,4}?[ \t]++-[A-Za-z]*b[A-Za-z]*+"
            r"(?:[ \t]++-[A-Za-z]++(?:[ \t]++[0-9]++)?){0,4}+"
            r"[ \t]++(?:[^\s-][^\s]*+[ \t]++)?[A-Za-z0-9._@\-]{1,64}+[ \t]++" + _ARG,
        ),
        # sudo reads the password from its input with 「-S」: 「echo 'Kessai2026!' | sudo -S systemctl …」.
        # Only among sudo's own flags: a 「-S」 after the command is the command's. The flags that take a
        # word (「sudo -u www-data -S」) take it with them, 「--stdin」 is 「-S」 spelt out, sudo may be called
        # by its path (「/usr/bin/sudo」), and a bare value stops at the pipe (「echo Kessai2026|sudo -S」).
        (
            ("sudo",),
            r"\becho[ \t]++(?:-[ne][ \t]++)?" + _ARG_BEFORE_PIPE + r"[ \t]*+\|[ \t]*+(?:(?:/[A-Za-z0-9_.-]++(?=/))*+/)?sudo"
            r"(?:[ \t]++(?:-[A-Za-z]*[ugpCDhrTU][ \t]++[^\s-][^\s]*+|-[A-Za-z]++|--[a-z][a-z-]*+(?:=[^\s]*+)?)){0,4}?"
            r"[ \t]++(?:-[A-Za-z]*S|--stdin)(?![A-Za-z-])",
        ),
        # Environment variables these clients read the password from.
        (("pgpassword", "sshpass", "mysql_pwd"), r"(?<![A-Za-z0-9_])(?:PGPASSWORD|SSHPASS|MYSQL_PWD)=" + _ARG),
    )
)
_ADMIN_PROBES = ("admin", "root")
_VARIABLE = "$%{<"  # 「-u koho:$PASSWORD」「%PASS%」「{{password}}」: a variable or a template, not the value
# 「ID：admin　PW：Kessai2026」: after the administrator comes the password's own label; read as the
# value, 「PW:」 was shown and the finding said nothing of where the password begins. _labelled reads it.
_LABEL_FIRST = re.compile(rf"(?i){_PASSWORD_LABEL}[ \t]*+[:=]")


def _admin_pairs(norm: str) -> Iterator[Credential]:
    lowered = norm.lower()
    if not any(p in lowered for p in _ADMIN_PROBES):
        return
    for m in _ADMIN_PAIR.finditer(norm):
        value = m["value"].rstrip(_TRAILING)
        cases = any(c.isupper() for c in value) and any(c.islower() for c in value)
        symbol = any(not c.isalnum() and c not in "._-" for c in value)
        # After a mere space a word is as likely (「admin Windows11」): only a value with a symbol. So
        # after a label's colon and a space (「Admin: JoetsuCity2026」 names the administrator, a page's
        # or a handle's owner); the pair glued by its colon (「admin:Kessai2026」) is a login as written,
        # and so is anything after 「root」, which names no one.
        label_colon = (
            m["mark"] == ":" and m.start("value") > m.end("mark") and not m.group().lower().startswith("root")
            # 「ルーター管理画面 admin: Kessai2026」: a login's words on the line make it the pair.
            and not _LOGIN_CONTEXT.search(_line_of(norm, m.start(), m.end()))
        )
        if ((m["mark"] is None or label_colon) and not symbol) or value[:1] in _VARIABLE or _TECHNICAL.fullmatch(value):
            continue
        if _LABEL_FIRST.match(value):
            continue
        if _password_like(value, loose=True) and (cases or symbol) and not _HANDLE_LIKE.match(value):
            a = m.start("value")
            yield Credential(m.start(), a + len(value), a, a + len(value), "パスワード", 0)


# What a manual writes where the password goes (「sqlplus user/password@db」): no password of anyone's.
_PLACEHOLDERS = frozenset({"password", "passwd", "pass", "pwd", "pword", "passphrase", "xxxx", "xxxxxxxx"})


def _command_passwords(norm: str) -> Iterator[Credential]:
    lowered = norm.lower()
    for probes, pattern in _COMMAND_PASSWORDS:
        if not any(p in lowered for p in probes):
            continue
        for m in pattern.finditer(norm):
            group = next(g for g in ("sq", "dq", "bare") if g in pattern.groupindex and m[g] is not None)
            value = m[group]
            stands_alone = "pair" in pattern.groupindex and value.isalpha() and value.lower() not in _PLACEHOLDERS
            if (_password_like(value, loose=False) or stands_alone) and value[:1] not in _VARIABLE:
                a, b = m.span(group)
                yield Credential(m.start(), b, a, b, "パスワード", 0)


# A 合言葉 is an event's word said at the door (「合言葉は「ゆきだるま」」), public on purpose; one the same line or sentence says
# logs in to something (「合言葉：Takada2026（管理画面のログインにも使用）」「合言葉は Takada2026 です。共有フォルダの
# パスワードと同じです」) is a password under another name, and went out unflagged.
_WATCHWORD = re.compile(
    r"(?:合言葉|あいことば|合いことば)(?:[ \t]*+(?::|=|→)[ \t]*+|[ \t]*+は[ \t]*+)[「『\"“]?"
    r"(?P<value>[!-~]{4,64}?|(?P<kana>[ぁ-ゖァ-ヺー\u3400-\u9fff々]{3,16}?))"
    r"(?=[」』\"”]?[ \t]*+(?:[(（。、,\n]|です|$))"
)
# Said not needed (「ログイン不要」「パスワードはありません」), a login is no use of the word.
_A_LOGINS_WORDS = re.compile(
    r"(?i)(?:ログイン|サインイン|管理画面|管理者|パスワード|暗証番号|共有フォルダ|wi-?fi|ssid|password|login|admin"
    # Not the city's public account a campaign's word is sent to or followed at (「合言葉：SNOW2026（公式アカウントにメッセージ
    # で送ってください）」「LINEアカウントに送ってね」「アカウント登録時に入力」): the watchword is the event's.
    r"|(?<!公式)(?<!公式の)アカウント(?![ \t]*+(?:に|へ|を|で|から|の)?[ \t]*+(?:送|フォロー|メッセージ|トーク|DM|友だち|友達|登録|追加)))"
    r"(?![ \t]*+(?:は|が|も)?[ \t]*+(?:不要|なし|無し|いりません|ありません|必要(?:あり|な|ござ)))"
    # A login as the step before the word is entered (「アプリでログインして入力してください」): a campaign's word.
    r"(?![ \t]*+(?:して|した(?:後|あと)|後|(?:の)?あと|の後|すると|したら))"
    # A campaign of an app's logins (「ログインボーナスの合言葉は「ゆきだるま」です」「ログインキャンペーン」): the event's word.
    r"(?![ \t]*+(?:ボーナス|キャンペーン|スタンプ|特典|ポイント|プレゼント))"
)
_WATCHWORD_REACH = 80
_WATCHWORD_BACK = 200
# What only the office logs in to (a screen, a network, a shared folder), unlike the app or the page a campaign asks citizens to
# log in to: a watchword after it is the login's, past a 「！」 too.
_A_PRIVATE_LOGINS_WORD = re.compile(r"(?i)管理画面|管理者|職員|庁内|共有フォルダ|パスワード|暗証番号|wi-?fi|ssid|admin|password")
_ONE_WITH_IT = re.compile(r"同じ|共通|兼用|にも使")
# The next sentence saying, of the word, that it is what one logs in or goes in with (「管理画面に入るときに使います」
# 「ログインに使います」「共有フォルダを開くときに入力します」): a login's, as 「（ログイン用）」 says. Right after the verb only:
# 「Wi-Fiに接続するときは別のパスワードを使います」 says another thing is.
# The verb closing the sentence, not a clause of another noun or a denial (「ログインに使うパスワードとは別です」「接続時に使う
# パスワードは受付でお伝えします」「管理画面に入るときに使うものではありません」): those say the 合言葉 is not the login's.
_USED_TO_LOG_IN = re.compile(
    r"(?:(?:入る|入れる|開く|ログインする|サインインする|接続する|つなぐ)(?:とき|時|際|場合)(?:に|は)?"
    r"|(?:ログイン|サインイン|接続|入室)(?:に|で|時に|の際に|する際に))[ \t]*+(?:も)?"
    r"(?:使(?:います|用します|用してください|ってください|えます)|入力(?:します|してください))"
    r"[ \t]*+(?:[（(][^）)\n]{0,40}[）)])?[ \t]*+$"
)
# Before the word in its sentence, the staff it is for (「職員用の合言葉は…」「庁内用の合言葉：…」): an office's, not a
# campaign's, said to no guest.
_STAFFS = re.compile(r"(?:職員|庁内|課内|所内|スタッフ|担当者|管理者)(?:専用|用|向け)")
# A word of kana or kanji, or of letters alone, is what an event's guests say at the door (「合言葉は「やまゆり」」「合言葉：
# yukidaruma」); said to be a login's or the office's (「ログインの合言葉は「やまゆり」です」「職員用の合言葉は「やまゆり」です」
# 「合言葉：やまゆり（管理画面のログイン用）」) it is a password all the same, and went out unflagged. Not an event's staff or
# volunteers (「スタッフ用の合言葉は「がんばろう」」): they are told it in public on purpose. Only said of the word itself, right
# before it: said of an event for the staff between (「職員向け防災訓練の合言葉は「おはしも」です」「庁内向けのイベントの合言葉：
# ありがとう」), it is the event's slogan, as 合言葉 so often is.
_OFFICE_STAFFS = re.compile(r"(?:職員|庁内|課内|所内)(?:専用|用|向け)の?[ \t]*+\Z")
# After the word, its sentence says it is used for the login or is its password (「（ログイン用）」「（管理画面のログインにも使用）」
# 「（共有フォルダ用）」「（アカウントのパスワード）」);
# a login or a network only named there is the event's note (「（Wi-Fiもご利用いただけます）」「（会場のWi-Fiとは別です）」
# 「（管理者：観光課）」「（パスワードではありません）」).
_USED_FOR = re.compile(r"(?<!利)用|使|入力|入る|同じ|共通|兼用|の(?:パスワード|暗証番号)[ \t]*+(?:[)）]|です|$)")


def _watchword_logins(norm: str) -> Iterator[Credential]:
    if "合言葉" not in norm and "あいことば" not in norm and "合いことば" not in norm:
        return
    for m in _WATCHWORD.finditer(norm):
        value = m["value"]
        # 「合言葉：yukidaruma」「合言葉は「やまゆり」」 are words an event's guests say; letters and digits make a password's.
        word = not (_password_like(value, loose=True) or _strong(value))
        if word and m["kana"] is None and not value.isalpha():
            continue
        # Its own sentence (a note in brackets after it too), or the next one when it says the two are one (「…と同じです」):
        # where a login is said. Not a sentence or a line beside it: 「合言葉は「Snow2026」です。Wi-Fi もご利用いただけます」
        # tells the guests two things.
        # A 「！」 or 「？」 closes one too (「アプリにログイン！合言葉は「ゆきだるま」です」): the login is the step the
        # citizens are told to take, and the word after it their campaign's. Only for a word guests say, after a login
        # anyone makes: letters with digits or symbols (「ログイン！合言葉は「Yuki#2026」です」) and a word after the office's
        # screen or network (「管理画面にログイン！合言葉は「やまゆり」です」) were read as the login's before, and are still.
        # Looked for within _WATCHWORD_BACK letters only: each of a long paste's watchwords looking back over all of it for the
        # marks was quadratic (1.4 s for 40,000 letters of 「アプリにログイン！合言葉は「ゆきだるま」です」 with no 「。」).
        floor = max(0, m.start() - _WATCHWORD_BACK)
        start = max(floor - 1, *(norm.rfind(c, floor, m.start()) for c in "\n。")) + 1
        if word:
            closed = max(start - 1, *(norm.rfind(c, start, m.start()) for c in "!?！？")) + 1
            if closed > start and not _A_PRIVATE_LOGINS_WORD.search(norm, start, closed):
                start = closed
        rest = norm[m.end("value") : m.end("value") + _WATCHWORD_REACH]
        own = _to_sentence_end(rest)
        nxt = _to_sentence_end(rest[len(own) + 1 :]) if rest[len(own) : len(own) + 1] == "。" else ""
        if not (
            _A_LOGINS_WORDS.search(norm, start, m.start())
            or (_OFFICE_STAFFS.search(norm[start : m.start()]) if word else _STAFFS.search(norm, start, m.start()))
            or (_A_LOGINS_WORDS.search(own) and _USED_FOR.search(own))
            or (_A_LOGINS_WORDS.search(nxt) and (_ONE_WITH_IT.search(nxt) or _USED_TO_LOG_IN.search(nxt)))
        ):
            continue
        a, b = m.span("value")
        yield Credential(m.start(), b, a, b, "パスワード", 0)


# The value said first and named after it, as in a chat: 「Kessai2026! がパスワードです」「`4821` が新しい
# 暗証番号になります」. Only before a sentence that names it (が/は … です, になります…), so that
# 「Office365 のパスワード」 or 「Microsoft365 はパスワードの管理が…」 stay words.
_VALUE_FIRST = re.compile(
    r"(?<![!-~])(?P<value>[!-~]{4,64}+)[」』”]?[ \t]*+(?:が|は)[ \t]*+(?:新しい|新|初期|仮の?|今回の)?"
    r"(?P<label>パスワード|パスコード|暗証番号)"
    r"(?:です|でした|になります|となります|に(?:なり|変わり|変更し|設定し)ました)"
)
_VALUE_FIRST_PROBES = ("パスワード", "パスコード", "暗証番号")
_VALUE_QUOTES = "`\"'“”"
_WORD_AFTER_DIGITS = re.compile(r"[0-9][A-Za-z]{2,}")


def _value_first(norm: str) -> Iterator[Credential]:
    if not any(p in norm for p in _VALUE_FIRST_PROBES):
        return
    for m in _VALUE_FIRST.finditer(norm):
        raw = m["value"]
        value = raw.strip(_VALUE_QUOTES)
        a = m.start("value") + (len(raw) - len(raw.lstrip(_VALUE_QUOTES)))
        numeric = _NUMERIC_LABEL.fullmatch(m["label"]) is not None
        if _TECHNICAL.fullmatch(value) and not _WORD_AFTER_DIGITS.search(value):
            # 「Office365 がパスワードです」: the service whose password it is, as after the label. A word
            # after its digits (「No1Joetsu」「Level99max」) is no product's name or version: a value.
            continue
        if _password_like(value, loose=True) or (numeric and _pin_like(value)):
            yield Credential(a, m.end(), a, a + len(value), "パスワード", 0)


# A question about the password answered after an arrow or an 「A.」, as a chat or an FAQ is pasted
# (「パスワードを教えてください → Kessai2026!」「Q. パスワードは？ A. Kessai2026!」「暗証番号は何ですか⇒4821」):
# the question stands between the label and the separator, so _labelled does not read it.
_ANSWERED = re.compile(
    rf"(?i)(?P<label>{_PASSWORD_LABEL})[\"'」』”’]?[ \t]*+(?:を|は)?[ \t]*+"
    r"(?:教えて(?:ください|下さい|くれますか|もらえますか|いただけますか)?|何(?:ですか|でしたっけ|でしょうか)?|[?？])"
    r"[ \t。.?？!！]*+(?:→|⇒|->|=>|➡\ufe0f?|👉|(?:A|答え?)[ \t]*+[.:]|:)[ \t]*+"
    r"(?P<quote>[「『\"“])?(?P<value>[!-~]{4,64}+)"
)


# Where a value written without spaces runs on into the next field of its line: a pasted JSON's or a
# query's next key (「"pw":"Kessai2026","user":"soumu"」「パスワード:Kessai2026,ID:soumu」「…;host=db」), or the
# element's closing tag (「<password>Kessai2026</password>」). Read into the value, the next field went
# under the mask: the finding and a leak report's record lost which account it was, or the tag.
NEXT_FIELD = re.compile(
    r"(?i)[\"']?[,;&|][ \t]*+[\"']?(?:id|ssid|user(?:_?name|_?id)?|login(?:_?id)?|account|e-?mail|mail|host(?:name)?|"
    r"server|port|db|database|domain|url|name|pw|pwd|pass(?:word|wd)?|pin)[\"']?[ \t]*+[:=]|</[A-Za-z]"
)


# How far back past a match the search may resume (at the field after a cut value): a line of fields
# is short, while a run of tens of thousands of characters with a field in it every few letters,
# searched again from each field, took quadratic time.
RESCAN_LIMIT = 512


def before_next_field(value: str) -> str:
    """``value`` up to the next field it runs on into (see NEXT_FIELD); the whole value when none."""
    m = NEXT_FIELD.search(value, 1)
    return value[: m.start()] if m else value


def _without_note(value: str) -> str:
    """The value without the note in brackets read into it after it (「4821（変更しないでください）」)."""
    # An opening bracket at the end opens the note after the value (「（」 being 「(」 in this view):
    # left in, the value masked elsewhere was not the one other findings show.
    while value and (value[-1] in _TRAILING or value[-1] in _OPENING) and not (value[-1] == ")" and "(" in value):
        value = value[:-1]
    # A note that opens with a digit or a letter (「0312（３月１２日生まれ）」「Kessai2026!（090-… 宛に
    # SMS）」) is read into the value up to its first Japanese character: an opening bracket the value
    # does not close starts the note, when what precedes it is a value on its own.
    if (note := value.find("(")) > 0 and ")" not in value[note:]:
        head = value[:note].rstrip(_TRAILING)
        if _password_like(head, loose=False) or _pin_like(head):
            value = head
    return value


def _answered(norm: str) -> Iterator[Credential]:
    if "教えて" not in norm and "何" not in norm and "?" not in norm:
        return
    for m in _ANSWERED.finditer(norm):
        value = m["value"]
        if m["quote"]:
            value = _CLOSE_QUOTE.split(value, maxsplit=1)[0]
        value = _without_note(value)
        numeric = _NUMERIC_LABEL.fullmatch(_BLANKS.sub("", m["label"])) is not None
        if _EXAMPLE_AFTER.match(norm, m.start("value") + len(value)) or _WHEN.fullmatch(value):
            continue
        if _TECHNICAL.fullmatch(value) or _HEADING.fullmatch(value):
            continue  # 「→ Windows11 と同じです」「→ Step1 設定画面」: which account, or where to go
        if _STANDARD_VALUE.fullmatch(value) or (
            _PHONE.fullmatch(value) and _CONTACT_AFTER.match(norm, m.start("value") + len(value))
        ):
            continue  # 「A. Wi-Fi6」「A. 0120-123-456 までお問い合わせください」, as after a label (_labelled)
        if _password_like(value, loose=False) or (numeric and _pin_like(value)):
            if not _has_letter(value) and _FRAUD_WORDS.search(
                norm, max(0, m.start() - _FRAUD_REACH), m.end() + _FRAUD_REACH
            ):
                continue  # 「暗証番号を教えてください → 4821」 as a fraud's script, in a warning about it
            a = m.start("value")
            yield Credential(m.start(), a + len(value), a, a + len(value), _pin_kind(m["label"]), 0)


# A PIN read out in kana after its label (「暗証番号はよんはちにいち」「パスコード：ヨンハチニーイチです」), as a
# phone call is noted down or someone writes it to slip past a check: a run made only of the readings
# of digits, four to twelve of them, that ends where a value ends (です, a stop, a closing quote, the
# line's end), so that a word in kana (「暗証番号はしっかり管理」) or a count (「暗証番号は四桁です」,
# no kana) is no value. Katakana reads as hiragana does. Each run reads one way only: not
# 「にい」 for 2, which would read 「にいち」 (2, 1) as 「にい」 and a stray 「ち」.
_KANA_DIGIT_READINGS = (
    ("ぜろ", "0"), ("れい", "0"), ("いち", "1"), ("にー", "2"), ("に", "2"), ("さん", "3"),
    ("よん", "4"), ("しち", "7"), ("し", "4"), ("ごお", "5"), ("ごー", "5"), ("ご", "5"), ("ろく", "6"),
    ("なな", "7"), ("はち", "8"), ("きゅう", "9"), ("きゅー", "9"), ("く", "9"),
)
_KATAKANA_TO_HIRAGANA = str.maketrans({chr(k): chr(k - 0x60) for k in range(0x30A1, 0x30F7)})
_HIRAGANA_TO_KATAKANA = str.maketrans({chr(k - 0x60): chr(k) for k in range(0x30A1, 0x30F7)})
_KANA_DIGIT = "(?:" + "|".join(
    f"{r}|{r.translate(_HIRAGANA_TO_KATAKANA)}" for r, _ in _KANA_DIGIT_READINGS
) + ")"
_KANA_PIN = re.compile(
    rf"(?i)(?P<label>{_PASSWORD_LABEL})[\"'」』”’]?(?:[ \t]*+(?:は|::?|=|→)[ \t]*+|[ \t]++)(?P<quote>[「『\"“])?"
    # One reading a box too, a space or a 「・」 apart (「暗証番号　よん はち に いち」「暗証番号：よん・はち・に・いち」), as a PIN
    # read out over the phone is noted down: read as a run only, it went out unflagged, and after a space alone too.
    rf"(?P<value>{_KANA_DIGIT}(?:{_KANA_DIGIT}{{3,11}}|(?:[ \t・]{_KANA_DIGIT}){{3,11}}))"
    # Or a memo's note ending the line (「暗証番号 よん はち に いち（キーボックス）」), as after a PIN of figures.
    r"(?=[ \t]*+(?:です|でした|になります|となります|に(?:なり|変わり|変更し|設定し)ました|[。、.,!」』\"”)]|\n|$|"
    + _NOTE_ENDING_THE_LINE + "))"
)
_KANA_DIGIT_READING = re.compile(_KANA_DIGIT)
_KANA_DIGITS_ONLY = re.compile(rf"{_KANA_DIGIT}(?:[ \t・]?{_KANA_DIGIT})*+")
_KANA_DIGIT_OF = dict(_KANA_DIGIT_READINGS)


def _kana_pins(norm: str) -> Iterator[Credential]:
    if not any(p in norm for p in _VALUE_FIRST_PROBES) and "PIN" not in norm.upper():
        return
    for m in _KANA_PIN.finditer(norm):
        if not _NUMERIC_LABEL.fullmatch(_BLANKS.sub("", m["label"])):
            continue
        readings = _KANA_DIGIT_READING.findall(m["value"])
        digits = "".join(_KANA_DIGIT_OF[r.translate(_KATAKANA_TO_HIRAGANA)] for r in readings)
        if _pin_like(digits):
            a, b = m.span("value")
            yield Credential(m.start(), b, a, b, _pin_kind(m["label"]), 0)


# A code as the text message that brings it says it, the code first (「G-482913 があなたの Google 確認
# コードです」「G-482913 is your Google verification code」, forwarded from a phone with the draft).
# Retyped rather than forwarded, it gains spaces and a 「の」 (「G-482913 が あなたの Google の確認コードです」).
_CODE_SMS = re.compile(
    r"(?<![A-Za-z0-9_\-])G-(?P<value>[0-9]{6})(?![0-9])[ \t]*+"
    r"(?:(?:が|は)[ \t]*+あなたの[ \t]*+Google[ \t]*+(?:の[ \t]*+)?確認[ \t]*+コード"
    r"|is[ \t]++your[ \t]++Google[ \t]++verification[ \t]++code)"
)


def _code_messages(norm: str) -> Iterator[Credential]:
    if "Google" not in norm:
        return
    for m in _CODE_SMS.finditer(norm):
        if not _code_like(m["value"]):
            continue  # 「G-123456」 in a warning about such messages: an example
        a, b = m.span("value")
        yield Credential(m.start(), m.end(), a, b, "認証コード", 0)


# A dash look-alike between two letters or digits (「sk‐live‐…」 with U+2010, 「ghp‑…」 with a
# non-breaking hyphen, 「Kessai–2026」 with an en dash, the 「ー」 of a Japanese input method): what a
# word processor or a font turns a hyphen into, or someone types to slip past a check. Read as the
# ASCII hyphen, character for character.
_DASH_IN_WORD = re.compile(r"(?<=[A-Za-z0-9_])[‐‑‒–—―−﹣ー](?=[A-Za-z0-9_])")
# Digits written as kanji, alone or mixed with Arabic ones (「暗証番号は四八二一です」「暗証番号：４八２１」):
# a run of four or more, read as the digits (so that 「二〇二六年」 is 「2026年」, a year, not a PIN).
_KANJI_DIGIT_RUN = re.compile(r"[0-9〇一二三四五六七八九]{4,}")
# The same typed one digit a box, one space apart (「PIN：四 八 二 一」「暗証番号は 四 八 二 一 です」): the run above is
# one digit long each time, and the PIN went out unflagged while 「PIN：4 8 2 1」 was flagged. Four to twelve single
# digits, as _DOTTED_DIGITS reads them, then read by the readers of spaced digits. No digit may stand right before the run
# nor a space before it (_spaced_kanji_digits): checked there, as a look-behind first in the pattern was tried at every letter.
_SPACED_KANJI_DIGITS = re.compile(
    r"[〇一二三四五六七八九0-9](?:[ \t\u3000][〇一二三四五六七八九0-9]){3,11}+(?![0-9〇一二三四五六七八九])"
    r"(?![ \t\u3000][0-9〇一二三四五六七八九])"
)
_DIGITS = frozenset("0123456789〇一二三四五六七八九")
# Looked for first, a kanji digit then a space and a digit: the run's pattern starts with any digit, as frequent as can be.
_A_SPACED_KANJI_DIGIT = re.compile(r"[〇一二三四五六七八九][ \t\u3000][0-9〇一二三四五六七八九]")


def _spaced_kanji_digits(m: re.Match[str]) -> str:
    before = m.string[max(0, m.start() - 2) : m.start()]
    if before[-1:] in _DIGITS or (before[-1:] in (" ", "\t", "\u3000") and before[:1] in _DIGITS):
        return m.group()
    return m.group().translate(_KANJI_DIGITS)


_KANJI_DIGIT_PROBE = re.compile(r"[〇一二三四五六七八九]")
_KANJI_DIGITS = str.maketrans("〇一二三四五六七八九", "0123456789")


def _kanji_digits(m: re.Match[str]) -> str:
    return m.group().translate(_KANJI_DIGITS)


# A PIN written one digit at a time with 「・」 between (「暗証番号：4・8・2・1」「暗証番号は一・二・八・四」),
# as a number is read out: four to twelve single digits, read as the digits one space apart, the
# shape of a PIN typed one character a box. A space either side of the dot (「4 ・ 8 ・ 2 ・ 1」, as a
# font with a narrow 「・」 makes people type it) is read as more space between the boxes.
_DOTTED_DIGITS = re.compile(
    r"(?<![0-9〇一二三四五六七八九・])(?<!・[ \t])[0-9〇一二三四五六七八九]"
    r"(?:[ \t]?・[ \t]?[0-9〇一二三四五六七八九]){3,11}+"
    r"(?![0-9〇一二三四五六七八九・])(?![ \t]?・[ \t]?[0-9〇一二三四五六七八九])"
)


def _dotted_digits(m: re.Match[str]) -> str:
    return m.group().translate(_KANJI_DIGITS).replace("・", " ")


# Emoji a chat draft decorates a label or a value with (「パスワード：🔑 kouhou2026」「🔑パスワード🔑 kouhou2026」
# 「PIN：🔢 4821」「パスワード✨kouhou2026✨」): read as a word between the label and the value, they hid the password.
# Read as a space. Not those that point, which say what an arrow says (👉 ☞ ➡ ▶, read as separators).
_DECORATION = re.compile(
    "[\U0001f300-\U0001f448\U0001f44a-\U0001f5ff\U0001f600-\U0001f64f\U0001f680-\U0001f6ff\U0001f900-\U0001f9ff"
    "\U0001fa70-\U0001faff\u2600-\u261d\u261f-\u26ff\u2705\u2714\u2728\u2733\u2734\u2747\u274c\u2753\u2757\u2b50\u2b55]"
)


# A cross heading a line or a sentence (「❌ パスワードは「Tokyo」です」「🙅‍ 暗証番号：1234」「【✖】PW：kohoka」): an awareness slide's
# bad example, as 「×」 is. Read as a decoration (a space), it lost that meaning and the example was flagged. Elsewhere
# (「パスワード：❌ kouhou2026」) it decorates as other emoji do.
_CROSS = "[\u274c\u2716\u2715\u2717\u2718\u26d4\U0001f6ab\U0001f645\U0001f196]"  # ❌ ✖ ✕ ✗ ✘ ⛔ 🚫 🙅 🆖
# Only before a password's word on its line (「❌ パスワード：…」「【✖】PW：…」「⛔ 暗証番号：…」): a cross heading any other
# line is as often a sign (「🚫転送禁止🚫」「⛔関係者以外立入禁止」「❌ 本日休館」), and read as 「×」 it silenced a staff memo's
# password under it (「🚫転送禁止🚫⏎パスワードは kohokanri です」).
_CROSS_HEADING = re.compile(
    r"(?m)(?:^|(?<=[。！？!?【「(\[]))([ \t]*+)" + _CROSS + r"(?=[^\n。]{0,12}?(?i:パスワード|パス|PW|PIN|暗証|pass))"
)
_CROSSES = re.compile(_CROSS)


def _as_a_cross(m: re.Match[str]) -> str:
    return m[1] + "×"


def credential_view(norm: str) -> str:
    """``norm`` with dash look-alikes inside a word as 「-」, runs of kanji digits as digits,
    digits one 「・」 apart as digits one space apart, a cross heading a line as 「×」 and other decorating emoji
    as spaces (same offsets): the view credentials are read on."""
    if _CROSSES.search(norm):
        norm = _CROSS_HEADING.sub(_as_a_cross, norm)
    if _DECORATION.search(norm):
        norm = _DECORATION.sub(" ", norm)
    if _DASH_IN_WORD.search(norm):
        norm = _DASH_IN_WORD.sub("-", norm)
    if "・" in norm:
        norm = _DOTTED_DIGITS.sub(_dotted_digits, norm)
    if _KANJI_DIGIT_PROBE.search(norm):
        norm = _KANJI_DIGIT_RUN.sub(_kanji_digits, norm)
        if _A_SPACED_KANJI_DIGIT.search(norm):
            norm = _SPACED_KANJI_DIGITS.sub(_spaced_kanji_digits, norm)
    return norm


# A post that explains a fraud quotes the code the fraudster asks for, in the victim's or the
# fraudster's words: 「届いたコード 482913 を教えてと言われたら詐欺です」, or a scene in dialogue form
# (「【詐欺の手口】⏎犯人：暗証番号を教えてください。⏎被害者：暗証番号は4821です。」). Such a post names
# the fraud near the code; a leaked code is not asked for, nor said by a speaker of a scene. Tokens in a
# known format are never examples of this kind and stay found.
_FRAUD_WORDS = re.compile(r"詐欺|さぎ|サギ|なりすまし|成りすまし|フィッシング|不審な?(?:電話|メール|SMS)|手口|だまし|騙")
_FRAUD_REACH = 200
# After the value, in its sentence: it is being asked for (「…を教えて」「…と聞かれ」「…を伝えるよう」).
_ASKED_AFTER = re.compile(
    r"[ 	]*+(?:を|と|って)?[ 	]*+(?:教え|おしえ|聞か|聞い|きか|伝え|つたえ|言われ|言って|いわれ|読み上げ|求め|尋ね|入力させ)"
)
# Before the label, at the start of its line or sentence: a speaker of a scene (「被害者：」「犯人「」「A:」).
# Not a login's own labels (「ID:koho01 PW:…」 beside a fraud warning is a login all the same): no
# digits in the speaker, and no Latin letters or digits between the speaker and the label.
_SPEAKER_BEFORE = re.compile(
    r"(?:^|[\n。」？?])[ \t]*+(?P<speaker>[^\s:：「」。、0-9]{1,10}+)[ \t]*+(?::|「)[^\n。!-~]{0,12}+$"
)
_LOGIN_WORD = re.compile(rf"(?i){_ID_WORDS}|.*(?:{_PASSWORD_LABEL})")
_EXAMPLE_KINDS = frozenset({"パスワード", "認証コード", "カードのセキュリティコード", "ホストキー"})
# The ask is a demand someone made, reported (「…を教えて」と電話があったら」「…を教えてと言われたら」
# 「…を聞かれたら」), not the post asking its reader to pass the value on (「…を教えてあげてください」
# 「…と伝えておきます」): that is a value given out all the same.
_REPORTED_ASK = re.compile(r"[^。\n]{0,16}?(?:[」』]|[わかめら]れ|と(?:言|い|聞|き|電話|連絡)|って|という)")
# A scene's code is asked for by its other speaker first (「犯人：暗証番号を教えてください。」
# 「男：暗証番号は？」); one speaker alone stating a code (「担当：暗証番号は4821です。」) is a minute.
_ASKED_BEFORE = re.compile(r"教え|おしえ|聞か|聞い|尋ね|言って|は[？?]")


def _fraud_example(norm: str, c: Credential) -> bool:
    """Whether ``c`` is the code a post about a fraud quotes (see _FRAUD_WORDS)."""
    if c.kind not in _EXAMPLE_KINDS:
        return False
    # A fraud is told by the PIN or the one-time code it asks for: a password with letters near a
    # fraud warning (「詐欺対策研修の会場です。Wi-Fiのパスワード Kessai2026! を教えてあげてください」) is given out.
    # A PIN read out in kana (「よんはちにいち」) is digits all the same.
    value = norm[c.value_start : c.value_end]
    if _has_letter(value) and not _KANA_DIGITS_ONLY.fullmatch(value):
        return False
    if not _FRAUD_WORDS.search(norm, max(0, c.start - _FRAUD_REACH), c.value_end + _FRAUD_REACH):
        return False
    if (ask := _ASKED_AFTER.match(norm, c.value_end)) and _REPORTED_ASK.match(norm, ask.end()):
        return True
    speaker = _SPEAKER_BEFORE.search(norm, max(0, c.start - 24), c.start)
    return (
        speaker is not None and not _LOGIN_WORD.fullmatch(speaker["speaker"])
        and _ASKED_BEFORE.search(norm, max(0, c.start - _FRAUD_REACH), speaker.start("speaker")) is not None
    )


# A hashtag, an account, a mail address or a site (「#joetsu2026」「@joetsu_city2026」「koho2026@city.joetsu.lg.jp」
# 「www.joetsu2026.jp」) is what a post points to after a key drawn as a bullet or at the next sentence's start; a password's
# 「@」 or 「/」 (「Yuki@2026」) is not.
_A_SITES_NAME = re.compile(r"(?i)^www\.|://|@[a-z0-9-]++\.[a-z]|\.(?:jp|com|net|org|info|io)$")


def _a_bare_password(value: str, names: tuple[re.Pattern[str], ...]) -> bool:
    """Whether ``value``, read with no label right before it, is a password by its letters alone: of every kind of
    character (_strong), or of eight or more with lower-case letters and digits, and none of ``names`` nor an address."""
    lettered = len(value) >= 8 and any(c.islower() for c in value) and _has_digit(value)
    return (
        (lettered or _strong(value))
        and not any(p.fullmatch(value) for p in names)
        and value[0] not in "#@"
        and not _A_SITES_NAME.search(value)
    )


# A sentence about the password, then the value opening the next one, said to be it (「広報Xのパスワードは前任者から変わって
# いません。Kessai2026! のままです。」「パスワードは先月変更しました。新しいものは Yukiguni2026! です。」): a handover's way to
# say it, with no label right before the value, and the password went out unflagged. Only a value of every kind of character
# (_strong), or of eight or more with lower-case letters and digits, closed by 「のまま」「です」 or a verb of the change: 「…。
# Windows11 です」「…。Step1 です」 name a thing, and a sentence that calls it an example or a bad one is left alone.
_NEXT_SENTENCE_VALUE = re.compile(
    r"(?P<label>パスワード|パスコード|暗証番号|PW|[Pp]assword|PASSWORD)"
    r"(?P<said>[^。！!？?\n]{0,40}+)[。！!][ \t]*+"
    r"(?:(?:新しい|今度|現在|今|変更後)の?(?:もの|の)?[ \t]*+は[ \t、,]*+)?[「『\"“]?(?P<value>[!-~]{6,64}?)[」』\"”]?[ \t]*+"
    r"(?=のまま|です|でした|になりました|に(?:変更|更新|再設定)しました)"
)
# The word naming a password manager (「パスワード管理アプリの紹介。1Password2026 です。」): the app's name may be what the next
# sentence names. Only a value of every kind of character is a password there (「パスワード管理アプリに登録してください。
# Kessai2026! です。」), an app's name having no symbol; another label in the sentence speaks of a password again.
_A_PASSWORD_MANAGER = re.compile(r"[ \t]*+(?:管理(?:アプリ|ツール|ソフト|サービス)|マネージャ|(?i:manager))")
_A_LABEL_AGAIN = re.compile(r"パスワード|パスコード|暗証番号|PW|[Pp]assword|PASSWORD")
# The same after a comma that says the password is unchanged (「引継ぎ：PW変更なし、Kessai2026!のまま」「パスワードは変わらず、
# kohoka2026 のままです」): a handover's clause, and the value closing the sentence with 「のまま」 or 「です」.
_UNCHANGED_VALUE = re.compile(
    r"(?P<label>パスワード|パスコード|暗証番号|PW|[Pp]assword|PASSWORD)(?P<said>)[ \t]*+(?:は|も)?[ \t]*+"
    r"(?:変更(?:なし|無し|せず|していません)|変わ(?:らず|りなし|りません|っていません)|据え置き|そのまま)[、,][ \t]*+"
    r"[「『\"“]?(?P<value>[!-~]{6,64}?)[」』\"”]?[ \t]*+(?=のまま|です|でした)"
)
# A name and its number a hyphen apart (「Covid-19」「Type-2」「Gate-12」), a hashtag, an account or an address: no password.
_A_NAMES_NUMBER = re.compile(r"[A-Za-z]++-[0-9]{1,3}")
# Spelt with one character class first, which is looked for fast; an alternation of words is tried at every letter.
_NEXT_SENTENCE_PROBE = re.compile(r"[パ暗Pp](?:スワード|スコード|証番号|W|ASSWORD|assword)")
_AN_EXAMPLE_SAID = re.compile(r"(?<![条恒慣定])例(?![年外会月祭規])|NG|悪い|危険|弱い|避け|推測|よく使われ|ランキング|しないで|使わない")


def _next_sentence_values(norm: str) -> Iterator[Credential]:
    if not _NEXT_SENTENCE_PROBE.search(norm):
        return
    for m in itertools.chain(_NEXT_SENTENCE_VALUE.finditer(norm), _UNCHANGED_VALUE.finditer(norm)):
        if m["label"].isascii() and any(c.isascii() and c.isalpha() for c in norm[m.start() - 1 : m.start()] + m["said"][:1]):
            continue  # 「PWA」「SPW」: no label
        value = m["value"].rstrip(_TRAILING)
        if (
            not _a_bare_password(value, (_HEADING, _TECHNICAL, _SERVICE_NAME, _PRODUCT, _VERSION_WORD, _A_NAMES_NUMBER))
            or (
                _A_PASSWORD_MANAGER.match(norm, m.end("label"))
                and not _strong(value)
                and not _A_LABEL_AGAIN.search(m["said"], 2)
            )
            or _AN_EXAMPLE_SAID.search(m["said"])
            or _called_an_example(norm, m.start())
            or _warned_against(norm, m.end("value"))
            or _WEAK_AFTER.match(norm, m.end("value"))
        ):
            continue
        a = m.start("value")
        yield Credential(m.start(), a + len(value), a, a + len(value), "パスワード", 0)


# Where the password is given after its colon, then the password itself beside it (「パスワード：会場掲示（Sakura2026）」「パスワード：
# 配布資料参照 kohoka2026」「パスワード：会場掲示、Sakura2026」): the pointer is no value and left the line unread, and the
# password went out unflagged, in the incident report too. Only a value of every kind of character or of eight or more with
# lower-case letters and digits (_a_bare_password), ending the line: 「パスワード：会場掲示（2026年度）」 is a year.
_POINTER_THEN_VALUE = re.compile(
    r"(?P<label>パスワード|パスコード|暗証番号|PW|[Pp]assword|PASSWORD)[ \t]*+[:=][ \t]*+"
    r"[^\x00-\x7f\n]{0,12}?(?:掲示|配布|参照|案内|記載)[^\x00-\x7f\n(]{0,6}?[ \t]*+[(、,]?[ \t]*+"
    r"(?P<value>[!-~]{6,64}?)\)?[ \t。.]*+(?=\n|$)"
)
_POINTER_PROBES = ("掲示", "配布", "参照", "案内", "記載")
# A room, a hall or a page where it is given (「…（Room2026）」「…（Hall-B12）」「…（Page12）」).
_A_PLACES_NAME = re.compile(r"(?i)(?:room|hall|floor|gate|area|zone|booth|desk|counter|page)[-.]?[0-9]++[A-Za-z]?")


def _pointer_then_values(norm: str) -> Iterator[Credential]:
    if not any(p in norm for p in _POINTER_PROBES):
        return
    for m in _POINTER_THEN_VALUE.finditer(norm):
        if m["label"].isascii() and norm[m.start() - 1 : m.start()].isascii() and norm[m.start() - 1 : m.start()].isalpha():
            continue  # 「SPW」: no label
        value = m["value"].rstrip(_TRAILING)
        names = (_HEADING, _TECHNICAL, _UNIT_OR_MODEL_WORD, _SERVICE_NAME, _PRODUCT, _VERSION_WORD, _A_NAMES_NUMBER, _A_PLACES_NAME)
        if not _a_bare_password(value, names):
            continue  # 「パスワード：案内所にて配布（Room2026）」: where
        a = m.start("value")
        yield Credential(m.start(), a + len(value), a, a + len(value), "パスワード", 0)


# A key or a lock drawn as a label (「🔑 Kessai2026!」「📶 JOETSU-STAFF 🔑 Kessai2026!」「🔐：kohoka2026」): a chat draft's way to
# write 「PW：」. Read as a decoration (a space) by credential_view, it left no label, and the password went out unflagged.
# Only a value of one word ending its line, of every kind of character (_strong) or of eight or more with lower-case letters
# and digits: 「🔑 Key Point：…」「🔑 鍵の受け渡し」「🔑 Step1」 are a heading's, a word of letters alone (「🔑 Welcome」) is a
# greeting as often as a password, and a room or a code (「🔑 Room305」「🔑 COVID-19」) is where the key is or what it is for.
_KEY_EMOJI_VALUE = re.compile(
    r"(?m)(?:^|(?<=[ \t/|]))[\U0001f511\U0001f510\U0001f5dd]\ufe0f?[ \t]*+(?:(?:[:=]|→|->)[ \t]*+)?"
    r"(?P<value>[!-~]{6,64}+)[ \t]*+$"
)


# Title-cased words and a number (「Lesson2026」「KeyBox2026」「StaySafe2026」) may be a course's, a product's or an event's name
# a key heading its line is a bullet before, but are the most common shape of a password too (「🔑 Sakura2026」「🔑 Joetsu2026」),
# and a key is a password's label far more often than a title's decoration: a missed password costs more than a warning. Only
# the next line naming what it is the title of (「🔑 StaySafe2026⏎キャンペーン実施中！」「…⏎冬のイベントのご案内です。」) makes it
# a title, and a password's or a network's word on the line before or after (「【セミナー会場Wi-Fi】⏎🔑 Sakura2026」「…⏎ゲスト
# Wi-Fiのパスワードです。」) keeps it a password.
_A_TITLES_NAME = re.compile(r"(?:[A-Z][a-z]{2,}+)++[0-9]++")
_A_TITLES_WORD = re.compile(
    r"展|講座|講習|セミナー|キャンペーン|レッスン|教室|イベント|フェア|フェス|ツアー|まつり|祭|大会|説明会|研修|ワークショップ|体験会|"
    r"コンテスト|プロジェクト|シリーズ|プログラム"
)
_A_CREDENTIALS_WORD = re.compile(r"(?i)パス|PW|暗証|キー|wi-?fi|ssid|ネットワーク|接続|ログイン|入力|利用|使用|ご使用|login")


def _a_titles_bullet(norm: str, start: int, end: int) -> bool:
    """The key at `start` heads its line, and the next line names what the name ending the line at `end` is the title of,
    with no password's or network's word on it or on the line before."""
    line_start = norm.rfind("\n", 0, start) + 1
    if norm[line_start:start].strip():
        return False
    before = norm[norm.rfind("\n", 0, max(0, line_start - 1)) + 1 : line_start]
    after_end = norm.find("\n", end + 1)
    after = norm[end + 1 : after_end if after_end >= 0 else len(norm)]
    return (
        _A_TITLES_WORD.search(after) is not None
        and _A_CREDENTIALS_WORD.search(after) is None
        and _A_CREDENTIALS_WORD.search(before) is None
    )


def _key_emoji_values(norm: str) -> Iterator[Credential]:
    """The values _KEY_EMOJI_VALUE reads, on the draft before credential_view makes the emoji a space."""
    if "\U0001f511" not in norm and "\U0001f510" not in norm and "\U0001f5dd" not in norm:
        return
    for m in _KEY_EMOJI_VALUE.finditer(norm):
        value = m["value"].rstrip(_TRAILING)
        if not _a_bare_password(value, (_HEADING, _TECHNICAL, _UNIT_OR_MODEL_WORD, _SERVICE_NAME, _PRODUCT, _VERSION_WORD)):
            continue
        if _A_TITLES_NAME.fullmatch(value) and _a_titles_bullet(norm, m.start(), m.end()):
            continue  # 「🔑 StaySafe2026⏎キャンペーン実施中！」: a bullet before a campaign's name
        a = m.start("value")
        yield Credential(m.start(), a + len(value), a, a + len(value), "パスワード", 0)




# Every word one of the readers below needs, looked for once (spelt with one character class first): _kana_pins' labels,
# _english_login_pairs' 「login」「sign-in」, _kanji_values' and _next_sentence_values' labels and _watchword_logins' 合言葉.
# Most drafts hold none, and each reader scanning the whole draft for its own word cost 0.02 ms a draft.
_READERS_CUE = re.compile(
    r"[パ暗合あPpLlSs](?:スワード|スコード|証|言葉|いことば|[Ii][Nn]|W|ASSWORD|assword|[Oo][Gg][ -]?[Ii][Nn]|[Ii][Gg][Nn][ -]?[Ii][Nn])"
)


def find_credentials(norm: str) -> list[Credential]:
    """Every credential in `norm`, one per place (read on `credential_view`).

    A token in a known format after a label (「トークン xoxb-…」) is reported once, with the label
    and the token's own kind and public prefix.
    """
    keyed = list(_key_emoji_values(norm))
    norm = credential_view(norm)
    tokens = [*_tokens(norm), *_signed_urls(norm)]
    cued = _READERS_CUE.search(norm) is not None
    found: list[Credential] = [
        *_tables(norm), *_bracketed(norm), *_login_pairs(norm), *(_english_login_pairs(norm) if cued else ()), *_address_logins(norm), *_login_blocks(norm), *_service_logins(norm), *_bare_pairs(norm), *_admin_pairs(norm), *_command_passwords(norm), *_answered(norm), *(_kana_pins(norm) if cued else ()),
        *_code_messages(norm), *_value_first(norm), *(_watchword_logins(norm) if cued else ()),
        *_spaced_values(norm), *_spaced_letters(norm), *(_kanji_values(norm) if cued else ()), *keyed, *(_next_sentence_values(norm) if cued else ()), *(_pointer_then_values(norm) if cued else ()), *_lock_codes(norm), *_pieces(norm), *_halves_and_lines(norm), *_new_and_old(norm), *_corrected(norm),
    ]
    for c in _labelled(norm):
        inner = next((t for t in tokens if t.start < c.value_end and c.value_start < t.end), None)
        if inner is not None and inner.kind in SIGNED_URL_KINDS and inner.start <= c.start:
            continue  # the 「sig=」 of an Azure SAS: reported once, as the signed URL it belongs to
        if inner is not None:
            tokens.remove(inner)
            c = Credential(
                c.start, max(c.end, inner.end), inner.value_start, inner.value_end, inner.kind, inner.shown
            )
        found.append(c)
    found.extend(tokens)
    found.sort(key=lambda c: (c.start, -(c.end - c.start)))
    out: list[Credential] = []
    for c in found:
        if out and c.start < out[-1].end:
            continue
        out.append(c)
    return [c for c in out if not _fraud_example(norm, c)]


def mask(value: str, shown: int = 0) -> str:
    """The value with only its public prefix and two characters visible: 「Ke＊＊＊＊＊＊＊＊＊」.

    Short values (PINs) keep nothing visible, since two characters would be half of them, and
    neither do values without a Latin letter (a PIN of eight digits, 「四八二一（４８２１）」, a code in
    groups): their digits are as few and as guessable. The stars are capped so a private key does not
    fill the thread.
    """
    secret = value[shown:]
    lettered = any(c.isascii() and c.isalpha() for c in unicodedata.normalize("NFKC", secret))
    keep = 2 if len(secret) >= 8 and lettered else 0
    hidden = len(secret) - keep
    stars = "＊" * min(hidden, 12) + ("…" if hidden > 12 else "")
    return value[:shown] + secret[:keep] + stars
