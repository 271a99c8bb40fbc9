"""Personal data: mobile numbers, e-mail addresses, My Number, card numbers, private addresses."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.rules.domains import ALWAYS_TRUSTED_SUFFIXES, host_matches
from bot.rules.model import CheckContext, Example, Hit, RuleOptions
from bot.rules.registry import rule
from bot.rules.text import Document

# Separators people put between digit groups: one hyphen look-alike (normalised to "-" in
# Document.numview), spaces, or parentheses as in 090(1234)5678.
_SEP = r"(?:[ \t]*-[ \t]*|[ \t]+|\(|\)[ \t]*)?"
# Mobile/IP/M2M prefixes; the fourth digit is never 0 (0800… is toll-free, not a mobile).
_MOBILE = re.compile(rf"(?<![0-9-])0[6789]0{_SEP}[1-9][0-9]{{3}}{_SEP}[0-9]{{4}}(?![0-9])")


def _digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isascii() and ch.isdigit())


@rule(
    code="pii.phone",
    severity="error",
    summary="携帯電話番号",
    clause="上越市 5(3)",
    fires=Example("お問い合わせは担当の携帯 090-1234-5678 まで"),
    passes=Example("お問い合わせは 025-526-5111 または 0120-123-456 まで"),
)
def phone(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """携帯電話番号（060/070/080/090）を止めます。

    上越市 5(3) はプライバシー権・個人情報への配慮を求めています。携帯番号は職員個人や住民の
    番号であることが多く、一度公開すると削除できません。ハイフン（ー－‐−― など全角・半角の別を
    問わず）、空白、括弧、区切りなし、全角数字のいずれの書き方でも見つけます。固定電話や
    0120/0800/0570 の番号、設定の `official_phone_numbers` と `allow` にある番号（数字だけで比較）は
    対象外です。
    """
    official = {_digits(n) for n in (*ctx.policy.official_phone_numbers, *opts.allow)}
    for m in _MOBILE.finditer(doc.numview):
        if _digits(m.group()) in official:
            continue
        start, end = doc.span(m.start(), m.end())
        yield Hit(
            start,
            end,
            "携帯電話番号が含まれています。個人の番号は掲載せず、課の代表番号などに置き換えてください。",
        )


def my_number_is_valid(digits: str) -> bool:
    """Check digit of the 個人番号 (行政手続における特定の個人を識別するための番号の利用等に関する法律施行令 8条 / 総務省令)."""
    if len(digits) != 12 or not digits.isdigit():
        return False
    body = digits[:11]
    total = 0
    for n in range(1, 12):  # P_n is the n-th digit counted from the right of the 11-digit body
        p = int(body[11 - n])
        q = n + 1 if n <= 6 else n - 5
        total += p * q
    remainder = total % 11
    check = 0 if remainder <= 1 else 11 - remainder
    return check == int(digits[11])


def luhn_is_valid(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        d = int(ch)
        if i % 2 == 1:
            d = d * 2 - 9 if d > 4 else d * 2
        total += d
    return total % 10 == 0


# A run of digit groups joined by single spaces or hyphens; never part of a longer run.
_DIGIT_RUN = re.compile(r"(?<![0-9.,/-])[0-9]+(?:[ -][0-9]+)*(?![0-9,]|\.[0-9])")
_CARD_PREFIX = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|35|30|36|38|39|6011|64[4-9]|65|62)")


def _runs(doc: Document) -> Iterator[tuple[int, int, list[str]]]:
    for m in _DIGIT_RUN.finditer(doc.numview):
        groups = re.split(r"[ -]", m.group())
        yield m.start(), m.end(), groups


@rule(
    code="pii.my_number",
    severity="error",
    summary="個人番号（マイナンバー）",
    clause="和気町 4(2)",
    fires=Example("マイナンバーは 1234 5678 9018 です"),
    passes=Example("法人番号 1234567890123 の事業者です"),
)
def my_number(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """個人番号（12桁、検査用数字が正しいもの）を止めます。「マイナンバー」の語の有無は問いません。

    和気町 4(2) は個人情報保護に十分留意することを求めており、個人番号は番号法で提供が厳しく
    制限されています。12桁の数字（4桁ずつの区切りも可）の検査用数字を総務省令の計算方法で確かめ、
    13桁の法人番号のように長い数字の一部である場合は反応しません。
    """
    for a, b, groups in _runs(doc):
        digits = "".join(groups)
        if len(digits) != 12 or not (len(groups) == 1 or [len(g) for g in groups] == [4, 4, 4]):
            continue
        if my_number_is_valid(digits):
            start, end = doc.span(a, b)
            yield Hit(
                start,
                end,
                "個人番号（マイナンバー）と思われる12桁の番号です。個人番号は絶対に掲載しないでください。",
            )


@rule(
    code="pii.card_number",
    severity="error",
    summary="クレジットカード番号",
    clause="和気町 4(2)",
    fires=Example("カード番号 4111 1111 1111 1111 で決済しました"),
    passes=Example("受付番号 4111 1111 1111 1112 をお控えください"),
)
def card_number(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """クレジットカード番号（13〜19桁、Luhn 検査が通り、国際ブランドの番号体系に合うもの）を止めます。

    和気町 4(2) の個人情報保護に関わるだけでなく、公開されたカード番号は直ちに悪用されます。
    4桁ごとなどの空白・ハイフン区切りも見つけます。
    """
    for a, b, groups in _runs(doc):
        digits = "".join(groups)
        if not 13 <= len(digits) <= 19:
            continue
        if len(groups) > 1 and not all(3 <= len(g) <= 6 for g in groups):
            continue
        if _CARD_PREFIX.match(digits) and luhn_is_valid(digits):
            start, end = doc.span(a, b)
            yield Hit(start, end, "クレジットカード番号と思われる番号です。削除してください。")


_EMAIL = re.compile(
    r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*@((?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})(?![A-Za-z0-9\-])"
)


@rule(
    code="pii.email",
    severity="warning",
    summary="公式ドメイン以外のメールアドレス",
    clause="上越市 5(3)",
    fires=Example("申込みは taro.yamada@gmail.comまでお送りください"),
    passes=Example("申込みは koho@city.joetsu.lg.jpまでお送りください"),
)
def email(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """公式ドメイン以外のメールアドレスを知らせます。

    上越市 5(3) はプライバシー権への配慮を求めています。個人のアドレスや私用のフリーメールを
    公式投稿に載せると、個人情報の公開や、なりすまし・誤送信の原因になります。`*.lg.jp`・
    `*.go.jp`・設定の `official_email_domains` と `allow`（アドレスまたはドメイン）は対象外です。
    アドレスは ASCII の範囲で区切るので、「…@example.comまで」のように日本語が続いても見つけます。
    """
    official = (*ALWAYS_TRUSTED_SUFFIXES, *ctx.policy.official_email_domains)
    allowed = {a.lower() for a in opts.allow}
    for m in _EMAIL.finditer(doc.norm):
        address = m.group().lower()
        domain = m.group(1).lower()
        if address in allowed or any(host_matches(domain, d) for d in (*official, *allowed)):
            continue
        start, end = doc.span(m.start(), m.end())
        yield Hit(
            start,
            end,
            "公式ドメイン以外のメールアドレスです。個人のアドレスでないか確認し、課の公式アドレスに置き換えてください。",
        )


# A street-level address: 丁目/番地/番/号, or N-N(-N) after a place name.
_ADDRESS = re.compile(
    r"(?:[一-龯ぁ-んァ-ヶ]{1,10}?)?(?:[0-9]+丁目\s*[0-9]+(?:番地?|-)\s*[0-9]*(?:号)?|[0-9]+番地(?:\s*[0-9]+)?|[0-9]+番\s*[0-9]+号|[一-龯]{1,6}[0-9]+-[0-9]+(?:-[0-9]+)?)"
)
_PRIVATE = re.compile(r"さん宅|様宅|様方|さん方|氏宅|君宅|ちゃん宅|自宅|個人宅|私宅")
_NEAR = 25


@rule(
    code="pii.address",
    severity="warning",
    summary="個人宅の住所",
    clause="上越市 5(3)",
    fires=Example("落とし物は本町3丁目4番5号の田中さん宅でお預かりしています"),
    passes=Example("会場は木田1丁目1番3号の市役所本庁舎です"),
)
def address(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """個人宅（〜さん宅、〜様方、自宅）の番地までの住所を知らせます。

    上越市 5(3) は個人が特定できる情報の発信に本人の了解を求めています。丁目・番地・号や
    「1-2-3」形式の住所が、個人を示す語（さん宅・様方・自宅など）の前後25文字以内にある場合に
    反応します。会場・施設の住所は対象外です。
    """
    markers = [m for m in _PRIVATE.finditer(doc.norm)]
    if not markers:
        return
    for m in _ADDRESS.finditer(doc.norm):
        if any(k.start() - _NEAR <= m.end() and m.start() <= k.end() + _NEAR for k in markers):
            start, end = doc.span(m.start(), m.end())
            yield Hit(
                start,
                end,
                "個人宅の住所と思われます。本人の了解がない限り、番地までの住所は掲載しないでください。",
            )
