"""Personal data: mobile numbers, e-mail addresses, My Number, card numbers, private addresses."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from datetime import datetime
from itertools import pairwise

from bot.rules.domains import ALWAYS_TRUSTED_SUFFIXES, host_matches, is_known_suffix
from bot.rules.model import CheckContext, Example, Hit, RuleOptions
from bot.rules.prefilter import guard
from bot.rules.registry import rule
from bot.rules.text import KANJI_DIGITS, Document, is_person_name

# Separators people put between digit groups: one hyphen look-alike (normalised to "-" in
# Document.numview), a dot, a slash or a middle dot (「090/1234/5678」「090・1234・5678」), a wave dash,
# a tilde or an underscore typed for the hyphen (「090〜1234〜5678」「090_1234_5678」), with or
# without spaces around it, spaces, or parentheses as in 090(1234)5678. Such a mark may end a line
# (「090-1234-⏎5678」, a number wrapped where a narrow editor or a PDF broke it); a bare line break is
# not enough (a list of numbers).
_SEP = r"(?:[ \t]*[-./・·~〜_][ \t]*(?:\n[ \t]*)?|[ \t]*\(|[ \t]+|\)[ \t]*)?"
# The trunk prefix 0, or the country code +81 written in international form (+81 90-…, with or
# without the 0 kept as "(0)"; 「(+81) 90-…」 in brackets, as English business cards have it). The
# plus is often left out (「81-90-1234-5678」「(81) 90 …」): then a separator must follow the 81, since
# twelve digits run together (「819012345678」) are as likely some other number.
# After the country code a dot is a separator too (「+81.90.1234.5678」), and the area part may stand
# in brackets (「+81 (90) 1234-5678」).
_TRUNK = (
    r"(?:0|(?:\+81|\(\+81\))[ \t.-]*(?:\(0\)[ \t.-]*|0|\((?=[6789]0\)))?"
    r"|(?<![0-9+])(?:81[ \t-]+|\(81\)[ \t-]*)(?:\(0\)[ \t-]*|0)?)"
)
# Mobile/IP/M2M prefixes; the fourth digit is never 0 (0800… is toll-free, not a mobile).
# Not inside a longer number (a digit, or a digit and a hyphen, before it); a hyphen after a label
# (「TEL-090…」, or the 「ー」 of 「携帯ナンバー」, a hyphen in this view) is only a separator. Nor running on past its
# groups, a hyphen and a code's last group after it: 「商品番号 090-1234-5678-01」「…-A1」 is a product's code, as a
# recall gives it. Only two or three digits, or a capital and a digit or two, ending there: a dash before the hours or
# the day it may be called (「090-1234-5678－9時～17時」「…-24時間対応」「…-10:00～」「…―9月30日まで」) or before another
# number (「…-0120-123-456」) leaves it a mobile.
_CODE_GROUP_AFTER = r"-(?:[0-9]{2,3}|[A-Z][0-9]{1,2})(?![0-9A-Za-z:/時分月日年回人件円歳才階番号-])"
_MOBILE = guard(re.compile(
    rf"(?<![0-9])(?<![0-9]-){_TRUNK}[6789]0{_SEP}[1-9][0-9]{{3}}{_SEP}[0-9]{{4}}(?![0-9]|{_CODE_GROUP_AFTER})"
))
# A number written as it is read out, its groups joined by 「の」 (「090の1234の5678」, as a phone call's note or a
# resident's message has it). 「の」 between numbers is every list's (「3の2の1」「2025の1234の5678」), so only a mobile's
# groups (a 070/080/090 prefix, a four-digit middle that does not start with 0, four digits), with a 「の」 or a hyphen
# between each, and at least one 「の」 (the plain forms are _MOBILE's); not part of a longer chain of 「の」 and digits.
_SAID_SEP = r"(?:[ \t]*の[ \t]*|-)"
_SAID_MOBILE = guard(re.compile(
    rf"(?<![0-9])(?<![0-9]の)(?<![0-9]-)0[6789]0{_SAID_SEP}[1-9][0-9]{{3}}{_SAID_SEP}[0-9]{{4}}(?![0-9]|[ \t]*[の-][ \t]*[0-9])"
))
# A number copied from a form that gives each digit a box of its own (「0 9 0 1 2 3 4 5 6 7 8」, or
# 「0 9 0 - 1 2 3 4 - 5 6 7 8」): eleven single digits, one space apart, in a mobile's pattern, and
# not part of a longer row of them.
_BOXED_MOBILE = guard(re.compile(
    r"(?<![0-9])(?<![0-9][ \t])(?<![0-9][ \t]-[ \t])0[ \t][6789][ \t]0[ \t](?:-[ \t])?[1-9](?:[ \t][0-9]){3}"
    r"[ \t](?:-[ \t])?[0-9](?:[ \t][0-9]){3}(?![ \t]?-?[ \t]?[0-9])"
))
# A spreadsheet drops the leading 0 of a number stored as a number: a 携帯 column copied from Excel
# holds 「9012345678」. Ten digits of a mobile's pattern, a cell of their own, and only under a header
# that names a phone (a bare ten-digit number is as likely anything else).
_STRIPPED_MOBILE = guard(re.compile(r"(?<=[\t,\"'])[6789]0[1-9][0-9]{7}(?=[\t,\"']|[ \t]*(?:\n|$))"))
_PHONE_HEADER = re.compile(r"携帯|電話|連絡先|tel|phone|mobile")
# Digits written as kanji (「〇九〇－一二三四－五六七八」, as in vertical documents), for phone numbers
# only: a number of eleven kanji digits in a mobile's groups is nothing else, whereas a run of
# 〇〇〇〇 is a placeholder that card and 個人番号 checksums could take for a number.
# 「零」 is the zero of a number read out or typed in a formal letter (「零九零－一二三四－五六七八」「零九零-1234-5678」).
_KANJI_DIGITS = str.maketrans(KANJI_DIGITS + "零", "0123456789" + "0")
# A number half in kanji and half in figures (「090-一二三四-五六七八」): kanji digits beside a figure's group.
_MIXED_DIGITS = re.compile(r"[0-9]-[〇一二三四五六七八九零]|[〇一二三四五六七八九零]-[0-9]")
# The white circle 「○」 is typed for 〇 as often as the kanji itself (「○九○－一二三四－五六七八」), but
# is also a placeholder (「090-1234-○○○○」): it is a zero only beside kanji digits.
_KANJI_DIGIT_RUN = re.compile(r"[○〇一二三四五六七八九]+")


# A number that a PDF or a narrow window broke across two lines: 「1234 5678⏎9012」「090-1234⏎5678」
# 「1234-5678-⏎9012」. The line before must end with two groups of it (or a hyphen), and the next line
# hold only its last group, so that a list of numbers (「090⏎1234⏎5678」) or a table of them (「1234
# 5678⏎9012 3456」) stays a list. Runs of spaces are possessive and a number is tried from its first
# digit only: linear on a draft of digits.
_WRAPPED = re.compile(
    r"(?:(?<![0-9])[0-9]++(?:[ \t]*+-[ \t]*+|[ \t]++)[0-9]++[ \t]*+|[0-9][ \t]*+-[ \t]*+)"
    r"\n(?=[ \t]*+[0-9]++(?![ \t]*+-?[ \t]*+[0-9]))"
)


def _numbers(doc: Document) -> str:
    """``doc.numview`` with the line break inside a wrapped number read as a space (same offsets)."""
    key = (__name__, "numbers")
    view = doc.memo.get(key)
    if not isinstance(view, str):
        numview = doc.numview
        view = _WRAPPED.sub(lambda m: m.group()[:-1] + " ", numview) if "\n" in numview else numview
        doc.memo[key] = view
    return view


# A number typed from a printout or read by OCR with a letter for a digit: 「09O-1234-5678」「O90-…」
# (O for 0), 「090-l234-5678」「090-I234-…」 (l or I for 1). Only in a mobile's hyphenated groups, one
# or two such letters among nine digits or more, and not part of a longer word: that shape is a phone
# number and nothing else. The letters are read as the digits they stand for (same offsets).
_LOOK_ALIKE_NUMBER = re.compile(r"(?<![A-Za-z0-9\-])[0-9OoIl]{3}-[0-9OoIl]{4}-[0-9OoIl]{4}(?![A-Za-z0-9\-])")
_AS_DIGITS = str.maketrans("OoIl", "0011")


# Mobile numbers of the countries most foreign residents of Japan come from, as a 多言語 post for them
# gives a resident's or an interpreter's number: the national number of a mobile (what follows the
# country code, its trunk 0 left out) for each country code. A landline of these countries, and the
# numbers of countries whose mobiles cannot be told from their landlines by the number (+1), are not
# looked for: pii.phone is about mobiles. +81 is Japan's own (_MOBILE).
_FOREIGN_MOBILES: dict[str, re.Pattern[str]] = {
    code: re.compile(pattern)
    for code, pattern in (
        ("86", r"1[3-9][0-9]{9}"),  # China
        ("886", r"9[0-9]{8}"),  # Taiwan
        ("852", r"[5-9][0-9]{7}"),  # Hong Kong
        ("82", r"1[016-9][0-9]{7,8}"),  # Korea (010…)
        ("84", r"(?:3[2-9]|5[2689]|7[06-9]|8[1-9]|9[0-9])[0-9]{7}"),  # Viet Nam
        ("63", r"9[0-9]{9}"),  # the Philippines
        ("55", r"[1-9][1-9]9[0-9]{8}"),  # Brazil (area code, then 9 and eight digits)
        ("51", r"9[0-9]{8}"),  # Peru
        ("977", r"9[78][0-9]{8}"),  # Nepal
        ("62", r"8[0-9]{8,11}"),  # Indonesia
        ("66", r"[689][0-9]{8}"),  # Thailand
        ("95", r"9[0-9]{7,9}"),  # Myanmar
        ("94", r"7[0-9]{8}"),  # Sri Lanka
        ("880", r"1[3-9][0-9]{8}"),  # Bangladesh
        ("91", r"[6-9][0-9]{9}"),  # India
        ("44", r"7[0-9]{9}"),  # the United Kingdom
    )
}
# A number in international form: 「+」, the digits in groups apart by a space, a hyphen, a dot or
# brackets (「+86 138 1234 5678」「+55 (11) 91234-5678」「+84 (0)90 123 4567」). The groups are tried
# from the longest stretch down, so a number followed by more digits (「+84 90 123 4567 / 24時間」) is
# still read. 「00」 instead of 「+」 (「0086 138 1234 5678」, the international prefix of most countries)
# counts only after a word for a phone: 「0084…」 may as well start a reference number.
_INTERNATIONAL = re.compile(
    r"(?<![0-9A-Za-z+])(?:\([ \t]*)?(?:\+|(?P<idd>00(?=[1-9])))[ \t]*\(?[ \t]*[0-9]+(?:(?:[ \t]*[-.][ \t]*|[ \t]*\([ \t]*|[ \t]*\)[ \t]*|[ \t]+)[0-9]+){0,6}"
)
# Domestic forms that no Japanese number has: a Korean mobile (「010-1234-5678」; 010 is Japan's
# international prefix, so no number dialled inside Japan starts with it), a Chinese one in its 3-4-4
# groups (「138 1234 5678」: a number of Japan starts with 0), a Brazilian one (「(11) 91234-5678」), and a
# mobile's prefix with a 3-4 tail (「090-123-4567」: a Vietnamese mobile, or a Japanese one missing a
# digit; 070/080/090 are no landline's area code in Japan). Groups must be set apart by a hyphen,
# spaces or dots (「010.1234.5678」, as often written in Korea), or the Brazilian 9 set apart (「(11) 9
# 1234-5678」).
# After a word for a phone only (the named groups): the Chinese 3-4-4 form; digits run together
# (「联系电话：13812345678」「연락처: 01012345678」「SĐT: 0901234567」), which are as likely an order number
# unlabelled; a Vietnamese mobile in its 4-3-3 groups (「0912 345 678」「0987-654-321」), a shape no
# Japanese number has (0120/0800/0570-… are left out: no Vietnamese mobile starts 01, 080 or 057),
# though a code or a document's number may; a Brazilian one without the brackets (「11 91234-5678」).
# A Vietnamese mobile of other prefixes in 3-3-4 groups or run together (「092 123 4567」) is not
# looked for: it is a Japanese landline's shape (Fukuoka's 092-…, Tokyo's 03-3xxx-…).
_VN_PREFIX = r"0(?:3[2-9]|5[2689]|7[06-9]|8[1-9]|9[0-9])"  # _FOREIGN_MOBILES["84"] with its trunk 0
_DOMESTIC_FOREIGN = guard(re.compile(
    r"(?<![0-9])(?<![0-9A-Za-z]-)(?<![0-9A-Za-z+.])"
    r"(?:010(?P<kr>[ \t]*-[ \t]*|[ \t]+|\.)[0-9]{4}(?P=kr)[0-9]{4}"
    r"|\([1-9][1-9]\)[ \t]*9[ \t]?[0-9]{4}[ \t]*-[ \t]*[0-9]{4}"
    r"|0[789]0(?P<vn>[ \t]*-[ \t]*|[ \t]+|\.)[0-9]{3}(?P=vn)[0-9]{4}"
    r"|(?P<cn>1[3-9][0-9](?P<sep>[ \t]*-[ \t]*|[ \t]+|\.)[0-9]{4}(?P=sep)[0-9]{4})"
    r"|(?P<run>1[3-9][0-9]{9}|010[0-9]{8}|0[789]0[0-9]{7})"
    rf"|(?P<vn4>{_VN_PREFIX}[0-9](?P<vs>[ \t]*-[ \t]*|[ \t]+|\.)[0-9]{{3}}(?P=vs)[0-9]{{3}})"
    r"|(?P<br>[1-9][1-9][ \t]+9[ \t]?[0-9]{4}[ \t]*-[ \t]*[0-9]{4}))"
    r"(?![0-9]|[ \t]*-[ \t]*[0-9]|\.[0-9])"
))
_LABELLED_ONLY = ("cn", "run", "vn4", "br")
# The country code without 「+」 or 「00」 (「联系电话：86-138-1234-5678」「电话 (84) 90 123 4567」): after a
# word for a phone only, a separator after the code (no tab: a table's cells), and the digits one
# of _FOREIGN_MOBILES; a row of counts (「86 138 1234 5678」) is as likely unlabelled. +81's is _TRUNK's.
_BARE_CODE = guard(re.compile(
    r"(?<![0-9A-Za-z+.\-])(?:\([1-9][0-9]{0,2}\)[ -]*|[1-9][0-9]{0,2}(?: +| *- *))[0-9]+(?:(?: *[-.] *| +)[0-9]+){0,5}"
))
# A Chinese mobile in its domestic form starts with no 0, as a Japanese receipt or order number may
# (「受付番号 150-1234-5678」): it is one only after a word for a phone (folded view: lower case).
# 「連絡票番号」 is the number of a slip (a parcel's 不在連絡票), no phone's: 「連絡票番号 13812345678」 was taken for a Chinese
# mobile. 「緊急連絡票：…」 still labels one.
_PHONE_LABEL = re.compile(  # case-blind: the fold lowers ASCII only (「SĐT」「ĐIỆN THOẠI」)
    r"(?i:电话|電話|手机|手機|联系|聯絡|联络|連絡(?!票(?:番号|ナンバー|no))|携帯|tel|phone|mobile|call|contact|微信|wechat|whatsapp|☎|📞|"
    r"연락|전화|휴대|liên hệ|điện thoại|sđt|contato|telefone|celular)[^0-9\n]{0,12}$"
)
_DIGIT_GROUP = re.compile(r"[0-9]+")


def _other_number(folded: str, start: int) -> bool:
    """Whether the number at ``start`` is labelled as a receipt's or an order's number, after any word
    for a phone (「電話受付番号：」 is a receipt number; 「注文番号は後日。連絡先：」 labels a phone)."""
    lo = max(0, start - 16)
    other = _NOT_A_PHONE_LABEL.search(folded, lo, start)
    if other is None:
        return False
    phone = _PHONE_LABEL.search(folded, lo, start)
    return phone is None or phone.start() < other.start()


def _foreign_mobiles(numbers: str, folded: str) -> Iterator[tuple[int, int]]:
    """Spans (in ``numbers``, whose offsets ``folded`` shares) of the foreign mobile numbers written in
    international or domestic form."""
    if "+" in numbers or "00" in numbers:
        for m in _INTERNATIONAL.finditer(numbers):
            if m["idd"] and not _PHONE_LABEL.search(folded, max(0, m.start() - 16), m.start()):
                continue
            groups = list(_DIGIT_GROUP.finditer(numbers, m.start(), m.end()))
            for k in range(len(groups), 0, -1):
                digits = "".join(g.group() for g in groups[:k])[2 if m["idd"] else 0 :]
                if _is_foreign_mobile(digits):
                    yield m.start(), groups[k - 1].end()
                    break
    for m in _BARE_CODE.finditer(numbers):
        if not _PHONE_LABEL.search(folded, max(0, m.start() - 16), m.start()) or _other_number(folded, m.start()):
            continue
        groups = list(_DIGIT_GROUP.finditer(numbers, m.start(), m.end()))
        for k in range(len(groups), 1, -1):
            if _is_foreign_mobile("".join(g.group() for g in groups[:k])):
                yield m.start(), groups[k - 1].end()
                break
    for m in _DOMESTIC_FOREIGN.finditer(numbers):
        if _other_number(folded, m.start()):
            continue
        if not any(m[g] for g in _LABELLED_ONLY) or _PHONE_LABEL.search(folded, max(0, m.start() - 16), m.start()):
            yield m.span()


def _is_foreign_mobile(digits: str) -> bool:
    """Whether the digits after a 「+」 are a listed country's code and one of its mobiles."""
    for size in (1, 2, 3):  # country codes are prefix-free: at most one of these is one
        pattern = _FOREIGN_MOBILES.get(digits[:size])
        if pattern is not None:
            national = digits[size:]
            # 「+84 (0)90 …」「+82 010-…」: the trunk 0 kept.
            return bool(pattern.fullmatch(national) or (national.startswith("0") and pattern.fullmatch(national[1:])))
    return False


def _look_alike_digits(m: re.Match[str]) -> str:
    number = m.group()
    letters = sum(c.isalpha() for c in number)
    fixed = number.translate(_AS_DIGITS)
    return fixed if 1 <= letters <= 2 and _MOBILE.fullmatch(fixed) else number


def _circle_as_zero(m: re.Match[str]) -> str:
    run = m.group()
    return run.replace("○", "〇") if run.strip("○〇") else run


def _digits(s: str) -> str:
    return "".join(ch for ch in s if ch.isascii() and ch.isdigit())


def _national(number: str) -> str:
    """The digits of a phone number as dialled inside Japan (+81 90… → 090…), for comparison."""
    # The organisation's list is written by people too: 「０９０－１１１１－２２２２」 copied from a Word
    # notice passes the config check (which reads it NFKC) but had no ASCII digit, so the city's own
    # published mobile was blocked in every post that gave it.
    number = unicodedata.normalize("NFKC", number)
    digits = _digits(number)
    if len(digits) == 10 and digits[0] in "6789" and digits[1] == "0":
        return "0" + digits  # a mobile number whose 0 a spreadsheet dropped (「9012345678」)
    if number.lstrip(" \t(").startswith(("+81", "81")):  # no number dialled inside Japan starts with 8
        digits = digits[2:]
        return digits if digits.startswith("0") else "0" + digits
    return digits


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
    問わず）、ハイフンの代わりの「〜」「～」「_」、ピリオド、スラッシュ、中黒（・）、空白、括弧、区切りなし、全角数字、漢数字（〇九〇－一二三四－…、〇の代わりに○や「零」を使った「零九零-1234-5678」、算用数字と混ぜた「090-一二三四-五六七八」も）、0 を読みどおり「ゼロ」と書いた番号（「ゼロ九ゼロ-1234-5678」「ゼロハチゼロ-1234-5678」、中黒で区切った「ゼロ・キュウ・ゼロ-1234-5678」も。「殺処分ゼロ」「ゼロ歳児」のような語は対象外です）、数字をすべてひらがなやカタカナで読みどおりに書いた番号（「ぜろきゅうぜろ いちにさんよん ごろくななはち」「まるきゅうまる、いちにさんし、ごろくしちはち」「まるきゅうまる の いちにさんし の ごろくななはち」、1文字ずつ区切った「ぜろはちぜろ・いち・に・さん・よん・ご・ろく・なな・はち」、「ぜろきゅうぜろ-1234-5678」。ゼロ・れい・まるで始まり、携帯の番号の形になるものに限ります）、国番号付き
    （+81 90-…、(+81) 90-…、「+」を省いた 81-90-…・81 90 …）のいずれの書き方でも、行末のハイフンで折り返した番号（「090-1234-」の次の行に「5678」）や、PDF から写して2行に分かれた番号（「090-1234」の次の行に「5678」だけ）でも、1桁ずつ枠のある様式から写した番号（「0 9 0 1 2 3 4 5 6 7 8」）でも、表計算ソフトが先頭の0を落とした「携帯」「電話」の列の番号（「9012345678」）でも、ハイフンで区切った番号の1〜2文字を英字で打ち間違えたもの（0 を O、1 を l や I にした「09O-1234-5678」「090-l234-5678」）でも、読み上げたとおりに「の」でつないだ番号（「090の1234の5678」）でも見つけます（1行に1つずつ並べた「090」「1234」「5678」や、「2025の1234の5678」「3の2の1」のように携帯の番号の形でない数の並び、「商品番号 090-1234-5678-01」「品番 080-1234-5678-A1」のように携帯の番号の形の後にハイフンと2〜3桁の数字（または英大文字と数字）が続いて終わる品番は対象外です。電話・携帯・連絡先などの語の後では、「0901-234-5678」「090 12 34 56 78」のように区切り方を誤った携帯の番号（11桁）も見つけます（「受付番号」などの語の後のものや「台」「件」などの単位が続く数は除きます）。「商品番号 090 1234 5678」「型番：080-1234-5678-A」のように商品番号・製品番号・品番・型番の見出しのすぐ後の番号も対象外です。「090-1234-5678－9時～17時」「090-1234-5678-0120-…」のように受付時間や別の番号が続くものは止めます）。
    外国人住民向けの多言語の投稿に書かれる外国の携帯番号も同じく止めます。国番号付き（中国 +86 138…、
    ベトナム +84 90…、ブラジル +55 11 9…、韓国 +82 10…、フィリピン・台湾・ネパール・インドネシアなど
    在住外国人の多い国の携帯の番号の形）と、日本の番号にはない形の国内表記（ハイフン・空白・ピリオドで区切った韓国の「010-1234-5678」「010.1234.5678」、
    ブラジルの「(11) 91234-5678」「(11) 9 1234-5678」、「090-123-4567」。電話・連絡先・SĐT・연락처などの語の後では、中国の「138 1234 5678」、区切らずに続けた「13812345678」「01012345678」「0901234567」、ベトナムの4桁・3桁・3桁の「0912 345 678」、ブラジルの「11 91234-5678」、「+」の代わりに「00」を付けた「0086 138 1234 5678」や「+」のない国番号付きの「86-138-1234-5678」も。「受付番号」「注文番号」「連絡票番号」などの語の直後のものは除きます）が対象で、日本の固定電話と同じ形になるもの（ベトナムの「092 123 4567」「0922634567」など）は対象外です。
    固定電話の番号や、携帯か固定か番号で見分けられない国（+1 など）は対象外です。固定電話や 0120/0800/0570 の番号、設定の `official_phone_numbers` と
    `allow` にある番号（国内の数字だけで比較。設定に全角で書いた番号も同じ）は対象外です。「記入例：」「（例）」の直後や
    「〜のような番号」「〜の形式で」「〜は記入例です」と書式の例として示した番号、「【記入例】」「記入例：」で始まる行の番号、
    「（記入例）」や「応募書類の記入例」「【申込書の見本】」（「の」の前は書類・用紙・申込書のような様式の名前に限ります。「作品の見本」「商品のサンプル」は除きます）だけの見出しの行の下に「氏名：上越太郎」「電話：090-…」のように並べた欄の番号も対象外です
    （「条例」「事例」の「例」は除きます。空行や文、別の見出しの後の番号や、「問合せ：」「送り先：」のように問い合わせ先や送り先を示す欄の番号、同じ欄が繰り返された後の2人目の番号は止めます）。

    詐欺や不審な電話への注意喚起で、かけてくる番号を示す文（「090-…から市職員を名乗る不審な電話が
    あります」「発信元：090-…」）の番号は、止めずに警告にします。住民に番号を知らせるのは市の務めで、
    止めると理由付きの決裁依頼が当たり前になるためです。警察や消費生活センターが公表した番号か、
    住民や職員の番号を誤って載せていないかを決裁者が確かめます。同じ下書きでも別の文にある番号
    （「お問い合わせは担当の携帯 090-…」）は、これまでどおり止めます。

    大使館・領事館（Embassy・Consulate・Đại sứ quán など）が自国民の緊急連絡用に公表している携帯番号を
    示す行（「ベトナム大使館 領事部（24時間）：080-…」「Embassy emergency hotline」のように、大使館などの名が
    ある行で、番号と同じ文に緊急・24時間・領事部などの語があるもの）の番号も、同じ理由で警告にします。
    「【緊急】大使館周辺で通行止めがあります。問い合わせは 090-…へ」のように、緊急の語が別の文にあるだけの
    番号は止めます。その行に「さん」「様」「Mr.」や担当・通訳・ボランティアなど個人を示す語があれば止めます。NPO や店の携帯番号は
    会員や店主個人の電話であることが多いため、これまでどおり止めます。
    """
    official = {_national(n) for n in (*ctx.policy.official_phone_numbers, *opts.allow)}
    # Each sentence and each line read once, however many numbers they hold.
    scam: dict[tuple[int, int], tuple[bool, bool]] = {}  # (a scam's number, an emergency line)
    public: dict[tuple[int, int], bool] = {}
    breaks: list[int] | None = None
    numbers = _numbers(doc)
    if "○" in numbers:
        numbers = _KANJI_DIGIT_RUN.sub(_circle_as_zero, numbers)
    spoken = "ゼロ" in numbers
    if "〇" in numbers or "零" in numbers or spoken or _MIXED_DIGITS.search(numbers):
        numbers = numbers.translate(_KANJI_DIGITS)
    numbers = _LOOK_ALIKE_NUMBER.sub(_look_alike_digits, numbers)
    stripped = [m for m in _STRIPPED_MOBILE.finditer(numbers) if _PHONE_HEADER.search(_column_header(doc, m.start()) or "")]
    read_out = [m for m in _SAID_MOBILE.finditer(numbers) if "の" in m.group()] if "の" in numbers else []
    spans = {m.span() for m in (*_MOBILE.finditer(numbers), *_BOXED_MOBILE.finditer(numbers), *stripped, *read_out)}
    if spoken:
        spans.update(_spoken_mobiles(numbers))
    spans.update(_kana_mobiles(numbers))
    spans.update(_regrouped_mobiles(doc, numbers))
    spans.update(_foreign_mobiles(numbers, doc.folded))
    # One number each: 「138 1234 5678」 of 「+86 138 1234 5678」 is the same number read in its domestic form.
    ordered = sorted(spans, key=lambda span: (span[0], -span[1]))
    reach = -1
    for a, b in ordered:
        if b <= reach:
            continue
        reach = b
        if (
            _national(numbers[a:b].replace("ゼロ", "0")) in official or _example(doc, a, b)
            or _PRODUCT_NUMBER_BEFORE.search(doc.folded, max(0, a - 16), a)
        ):
            continue
        start, end = doc.span(a, b)
        sentence = doc.sentence_at(start)
        if breaks is None:  # found once: a search from each number would be quadratic on a long line
            breaks = [m.start() for m in re.finditer("\n", doc.text)]
        k = bisect_left(breaks, start)
        line = (breaks[k - 1] + 1 if k else 0, breaks[k] if k < len(breaks) else len(doc.text))
        if sentence not in scam:
            said = unicodedata.normalize("NFKC", doc.text[slice(*sentence)])
            scam[sentence] = (_FRAUD_WORDS.search(said) is not None, _EMERGENCY_LINE.search(said) is not None)
        if line not in public:
            public[line] = _public_body_line(unicodedata.normalize("NFKC", doc.text[slice(*line)]))
        fraud, emergency = scam[sentence]
        # The embassy may be named anywhere in the line, but the emergency line must be what the
        # number's own sentence gives: 「【緊急】大使館周辺で通行止め。問い合わせは 090-…」 is someone's phone.
        message = _FRAUD_NUMBER_MESSAGE if fraud else _PUBLIC_BODY_NUMBER_MESSAGE if public[line] and emergency else None
        if message is not None:
            yield Hit(start, end, message, severity="warning")
            continue
        yield Hit(
            start,
            end,
            "携帯電話番号が含まれています。個人の番号は掲載せず、課の代表番号などに置き換えてください。",
        )


# A product's or a model's code in a mobile's shape, named so right before it (「商品番号 090 1234 5678 のリコール」「型番：
# 080-1234-5678-A」「製品番号：090-…の電気ストーブ」), as a recall gives it: the label and only separators before the
# number (folded view). A word of a product anywhere else (「商品番号をお知らせください。連絡先 090-…」) labels nothing.
_PRODUCT_NUMBER_BEFORE = re.compile(
    r"(?:(?:商品|製品|製造|部品|ロット|シリアル)[ \t]*(?:番号|ナンバー|no\.?|コード)|品番|型番|型式|jan(?:コード)?)"
    r"[ \t]*(?:は|:)?[ \t]*$"
)


# A mobile grouped wrongly, as typed in haste or read out in pairs (「携帯 0901-234-5678」「連絡先：09012-345-678」「携帯 090
# 12 34 56 78」): eleven digits of a mobile's pattern, in two groups or more, after a word for a phone and not a receipt's
# or a count's (「受付番号 0901-…」「回収台数 090 12 34 56 78 台」). Unlabelled, such a run is as likely a code.
_REGROUPED = guard(re.compile(
    r"(?<![0-9A-Za-z])(?<![0-9A-Za-z][-.])0[0-9]*+(?:(?:[ \t]*+[-.][ \t]*+|[ \t]++)[0-9]++){1,5}"
    r"(?![0-9]|[ \t]*[-.][ \t]*[0-9])"
))
_MOBILE_DIGITS = re.compile(r"0[6789]0[1-9][0-9]{7}")


def _regrouped_mobiles(doc: Document, numbers: str) -> Iterator[tuple[int, int]]:
    folded = doc.folded
    for m in _REGROUPED.finditer(numbers):
        if not _MOBILE_DIGITS.fullmatch(_digits(m.group())):
            continue
        a, b = m.span()
        if (
            _PHONE_LABEL.search(folded, max(0, a - 16), a) is None or _other_number(folded, a)
            or _COUNT_UNIT_AFTER.match(folded, b)
        ):
            continue
        yield a, b


# A mobile's zeros spelled out as they are said (「ゼロ九ゼロ-1234-5678」「ゼロ90-…」), and the digit between them too
# (「ゼロハチゼロ-…」「ゼロキュウゼロの1234の5678」), as a resident types a number read out over the phone or hides it from a
# search. 「ゼロ」 is a word as often (「殺処分ゼロ」「ゼロ歳児」): only the whole of a mobile's shape, read with each spelled
# digit as one, is a number.
# 「キュー」's long vowel is a hyphen in the view read (Document.numview).
# The spelled digits may be set apart by middle dots, as a number is spelled out to be read (「ゼロ・キュウ・ゼロ-1234-5678」):
# a dot between two of them is no separator of the number's groups, and is read as nothing.
_SPOKEN_DOT = r"(?:(?<=ゼロ)|(?<=ロク)|(?<=ナナ)|(?<=ハチ)|(?<=キュウ)|(?<=キュ-))[・·](?=ゼロ|ロク|ナナ|ハチ|キュ[ウ-])"
_SPOKEN_DIGIT = re.compile(
    r"ゼロ|(?:(?<=ゼロ)|(?<=ゼロ[・·])|(?<=[0〇])|(?<=[0〇][・·]))(?:ロク|ナナ|ハチ|キュ[ウー-])(?=[・·]?(?:ゼロ|[0〇]))"
    rf"|{_SPOKEN_DOT}"
)
_SPOKEN_VALUE = {
    "ゼロ": "0", "ロク": "6", "ナナ": "7", "ハチ": "8", "キュウ": "9", "キュー": "9", "キュ-": "9", "・": "", "·": "",
}


def _spoken_mobiles(numbers: str) -> Iterator[tuple[int, int]]:
    """Spans (in ``numbers``) of the mobiles whose digits are partly spelled out in katakana."""
    read: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for m in _SPOKEN_DIGIT.finditer(numbers):
        read.append(numbers[pos : m.start()])
        starts.extend(range(pos, m.start()))
        ends.extend(range(pos + 1, m.start() + 1))
        value = _SPOKEN_VALUE[m.group()]
        read.append(value)
        starts.extend([m.start()] * len(value))
        ends.extend([m.end()] * len(value))
        pos = m.end()
    read.append(numbers[pos:])
    starts.extend(range(pos, len(numbers)))
    ends.extend(range(pos + 1, len(numbers) + 1))
    said = "".join(read)
    for m in (*_MOBILE.finditer(said), *(m for m in _SAID_MOBILE.finditer(said) if "の" in m.group())):
        a, b = starts[m.start()], ends[m.end() - 1]
        if "ゼロ" in numbers[a:b]:
            yield a, b


# A mobile read out over the phone and typed as heard, every digit a word in hiragana or katakana (「ぜろきゅうぜろ
# いちにさんよん ごろくななはち」「まるきゅうまる、いちにさんし、…」, or its groups in figures after: 「ぜろきゅうぜろ-1234-5678」):
# hidden from a search as 「ゼロハチゼロ」 is. Kana digit words are every sentence's particles (「に」「ご」「く」「し」), so only
# a run that starts with a spelled zero and holds a whole mobile (read by _MOBILE and _SAID_MOBILE) is a number. Read in
# katakana (hiragana shifted, same offsets); 「ー」 is a hyphen in this view, so 「キュー」 is 「キュ-」.
_KANA_TO_KATAKANA = str.maketrans({chr(c): chr(c + 0x60) for c in range(ord("ぁ"), ord("ゖ") + 1)})
_KANA_ZERO = r"ゼロ|レイ|マル"
_KANA_DIGIT = rf"キュウ|キュ-|キュ|{_KANA_ZERO}|イチ|サン|ヨン|シチ|ロク|ナナ|ハチ|ニ|シ|ゴ|ク"
_KANA_WORD = re.compile(rf"{_KANA_DIGIT}|[0-9]")
_KANA_RUN = guard(re.compile(rf"(?:{_KANA_ZERO})(?:[ \t・·、,ノ-]{{0,3}}(?:{_KANA_DIGIT}|[0-9]))+"))
_KANA_VALUE = {
    "ゼロ": "0", "レイ": "0", "マル": "0", "イチ": "1", "ニ": "2", "サン": "3", "ヨン": "4", "シ": "4", "ゴ": "5",
    "ロク": "6", "ナナ": "7", "シチ": "7", "ハチ": "8", "キュウ": "9", "キュ-": "9", "キュ": "9", "ク": "9",
}
_KANA_HINT = re.compile(r"ぜろ|れい|まる|ゼロ|レイ|マル")
# Between the words, 「の」 as read out, and a comma as a group's end (「まるきゅうまる、いちにさんし、…」).
_KANA_GAP = str.maketrans({"ノ": "の", "、": "-", ",": "-"})


def _kana_mobiles(numbers: str) -> Iterator[tuple[int, int]]:
    """Spans (in ``numbers``) of the mobiles whose digits are spelled out as kana words from their zero on."""
    if not _KANA_HINT.search(numbers):
        return
    kana = numbers.translate(_KANA_TO_KATAKANA)
    for run in _KANA_RUN.finditer(kana):
        words = [(m.start(), m.end(), _KANA_VALUE.get(m.group(), m.group())) for m in _KANA_WORD.finditer(kana, *run.span())]
        # The sentence goes on after the number with a particle that is a digit's word too (「…ななはちにお電話ください」
        # 「…はちまで」 is no digit, but 「に」 is 2): the run is read without its last word or two as well.
        for last in range(len(words), max(len(words) - 3, 0), -1):
            read: list[str] = []
            starts: list[int] = []
            ends: list[int] = []
            pos = words[0][0]
            for start, end, value in words[:last]:
                read.append(kana[pos:start].translate(_KANA_GAP))
                starts.extend(range(pos, start))
                ends.extend(range(pos + 1, start + 1))
                read.append(value)
                starts.extend([start] * len(value))
                ends.extend([end] * len(value))
                pos = end
            said = "".join(read)
            found = [*_MOBILE.finditer(said), *(m for m in _SAID_MOBILE.finditer(said) if "の" in m.group())]
            for m in found:
                yield starts[m.start()], ends[m.end() - 1]
            if found:
                break
            # Each word set apart (「ぜろはちぜろ・いち・に・さん・よん・…」), as a number is spelled out to be read: the run is
            # the mobile when its words alone are one, whatever stands between them.
            if _MOBILE_DIGITS.fullmatch("".join(value for _, _, value in words[:last])):
                yield words[0][0], words[last - 1][1]
                break


# A warning about a scam that quotes the number it calls from (「090-…から市職員を名乗る不審な電話が
# あります」) is what the city must publish; blocking it only taught people to override. It stays a
# warning: the approver confirms the number is the published one, not a citizen's.
_FRAUD_WORDS = re.compile(
    r"詐欺|不審な?(?:電話|着信|SMS|ショートメール|メール|連絡)|迷惑電話|架空請求|還付金|"
    r"を(?:名乗る|名のる|かたる|騙る|装う|装った)|なりすまし|成りすまし|フィッシング|"
    r"発信元|発信(?:者)?番号|着信(?:の(?:あった)?)?番号"  # 「発信元：090-…」 under a warning's heading
)
_FRAUD_NUMBER_MESSAGE = (
    "携帯電話番号が含まれています。詐欺や不審な電話への注意喚起として番号を示す場合は、警察や消費生活"
    "センターなどが公表した番号と一致するかを確かめてください。住民や職員の番号であれば削除してください。"
)

# An embassy's or a consulate's own number, as a post for foreign residents gives it (「ベトナム大使館
# 領事部（24時間）：080-…」「Embassy hotline: +81 90-…」): several keep a mobile for their nationals'
# emergencies, published by the embassy itself. Not a private person's, unless the line names one
# (「大使館の通訳のグエンさんの携帯」). A warning, like a scam's number: the approver checks it against the
# embassy's page. An NPO's or a shop's mobile stays an error: it is most often a member's own phone.
_PUBLIC_BODY = re.compile(
    r"(?i)大使館|領事館|領事部|embassy|consulate|大使馆|领事馆|대사관|영사관|đại sứ quán|lãnh sự quán|"
    r"embaixada|consulado|embajada|pasuguan|konsulado|kedutaan|konsulat"
)
_PRIVATE_PERSON = re.compile(
    r"(?i)さん|様|氏|個人|私用|自宅|担当|職員|携帯電話?を|\bstaff\b|\b(?:mr|ms|mrs|miss)\b\.?|先生|씨|anh |chị |sr\.|sra\.|"
    # Who helps at the embassy in person (an interpreter or a volunteer), not the embassy's line.
    r"通訳|ボランティア|volunteer|interpreter|志愿者|翻译|자원봉사|통역|tình nguyện|phiên dịch|voluntári|intérprete"
)
# What an embassy publishes a mobile for: its nationals' emergencies, day and night. A line that
# names an embassy for anything else (「大使館へのパスポート申請の付き添い：090-…」) gives someone's number.
_EMERGENCY_LINE = re.compile(
    r"(?i)hotline|ホットライン|緊急|24時間|24 ?(?:hours|h|giờ|horas|시간)|領事部|領事保護|领事保护|紧急|긴급|"
    r"emergency|đường dây nóng|bảo hộ công dân|khẩn cấp|emergência|emergencia|plantão"
)
_PUBLIC_BODY_NUMBER_MESSAGE = (
    "携帯電話番号が含まれています。大使館・領事館などが公表している番号として載せる場合は、その機関が公表した"
    "番号と一致するかを確かめてください。個人の番号であれば削除してください。"
)


def _public_body_line(line: str) -> bool:
    """Whether a mobile number's line (NFKC) names an embassy or a consulate and no person. The line,
    not the sentence: an embassy is often named at its head and its numbers after (「Đại sứ quán …:
    03-…. Đường dây nóng: 080-…」); a person named anywhere in it keeps the error. That the number is
    the embassy's emergency line is read from the number's own sentence (phone())."""
    return _PUBLIC_BODY.search(line) is not None and _PRIVATE_PERSON.search(line) is None


# A number shown as an example of a format (「記入例：090-1234-5678」「（例）1234 5678 9018」「090-1234-5678
# のような番号」「… は記入例です」) is nobody's: the label right before it, or 「のような」 right after it, on the
# normalised text (NFKC: 「（例）」 is 「(例)」); the label may stand on the line before.
_EXAMPLE_LABEL = r"(?:記入例|入力例|(?<![\u4e00-\u9fff])例|見本|サンプル)"  # not 「条例」「事例」
_EXAMPLE_BEFORE = re.compile(rf"(?:{_EXAMPLE_LABEL}|例えば|たとえば)[)\]】」』]?:?[ \t]*\n?[ \t]*[「『(]?\Z")
_EXAMPLE_AFTER = re.compile(
    r"[ \t]*+(?:[」』)]?[ \t]*+(?:のような|のように|みたいな|の(?:形式|書式)で"
    # 「4242 4242 4242 4242 は記入例です」「（例）」 right after it.
    rf"|(?:は|が)[ \t]*+{_EXAMPLE_LABEL}(?:です|であり|で、|。|$)|[(（]{_EXAMPLE_LABEL}[)）])"
    # 「「090-…」などの番号」, but not 「電話（090-…）などの方法で」「メール（…）などで」: in brackets it is the means'
    # own number or address, and 「など」 is about the means.
    r"|[」』]?[ \t]*+などの)"
)


# A line headed as an example (「記入例　住所：…　氏名：…」「記入例）メール：…」): all of its first sentence is. Not a
# line that only speaks of the example (「（記入例）を参考に記入し、担当（090-…）まで」「例）の欄は…」).
_EXAMPLE_LINE = re.compile(
    rf"[ \t]*+(?:[(\[【]{_EXAMPLE_LABEL}[)\]】]|{_EXAMPLE_LABEL}(?:[:)\]】\s]|$))(?![ \t]*(?:[をのにがもとでへや]|は(?!がき)))"
)


# A 記入例 set out as a block under a heading of its own (「（記入例）⏎件名：講座申込⏎氏名：上越太郎⏎電話：090-…」, as a post
# asking for applications by mail shows what to write): the field lines (「label：value」) under the heading, up to a
# line of anything else (a blank line, a sentence, another heading), are all the example's. Not a field that gives the
# post's own contact (「送り先：」「問い合わせ：」「担当：」, written on under the example), nor the fields of a second
# person after the example's (a label met again: 「氏名：上越太郎⏎…⏎氏名：山田花子⏎電話：…」).
# The heading may name the form the example is of (「応募書類の記入例」「【申込書の記入例】」「＜申込書の見本＞」), with a label
# only a form's example has. A form, not anything: 「作品の見本」「商品のサンプル」「山田さんの記入例」「今回当選した方の見本」
# head a real person's or a seller's fields.
_FORM_NAME = (
    r"[^\s:。、()\[\]【】<>〈〉《》]{0,10}(?:書類?|票|届|用紙|様式|はがき|ハガキ|葉書|フォーム|シート|カード|アンケート|名簿|欄"
    r"|申し?込み?|申請|応募|届出|登録|エントリー)"
)
_EXAMPLE_HEADING = re.compile(
    rf"[ \t]*+[(\[【<〈《]?[ \t]*(?:{_FORM_NAME}の(?=記入例|入力例|見本|サンプル))?{_EXAMPLE_LABEL}[ \t]*[)\]】>〉》]?[ \t]*:?[ \t]*"
)
_EXAMPLE_LABEL_RE = re.compile(_EXAMPLE_LABEL)
_FIELD_LINE = re.compile(r"[ \t]*+(?:[・*-][ \t]*+)?([^\s:]{1,12})[ \t]*:")
_POSTS_OWN_FIELD = re.compile(r"問い?合|担当|宛|(?:送り?|送付|送信|提出|申し?込み?|応募)先|受付|窓口|事務局|主催|照会")
# The lines of a draft are read once, top down, for every number in it (a walk up from each number, as before, was
# bounded at 15 lines to stay linear on a long draft, so a 記入例 of more fields fired again from its 16th): each line
# that a block's fields reach is kept with its block's labels (each label's first line) and its own place in it.
_Block = tuple[dict[str, int], int]


def _example_blocks(doc: Document) -> dict[int, _Block]:
    """For each line (its start in ``doc.norm``) that the lines above lead up to a 記入例 heading through field lines of
    distinct labels: the labels of that block's field lines (each with the index of its first line) and the line's
    index."""
    key = (__name__, "example blocks")
    memo = doc.memo.get(key)
    if isinstance(memo, dict):
        return memo
    norm = doc.norm
    blocks: dict[int, _Block] = {}
    if _EXAMPLE_LABEL_RE.search(norm) is None:  # most drafts: no heading to look for
        doc.memo[key] = blocks
        return blocks
    labels: dict[str, int] | None = None
    index = 0
    start = 0
    while start <= len(norm):
        end = norm.find("\n", start)
        end = len(norm) if end < 0 else end
        if labels is not None:
            blocks[start] = (labels, index)
        if _EXAMPLE_HEADING.fullmatch(norm, start, end):
            labels, index = {}, 0
        elif labels is not None and (field := _FIELD_LINE.match(norm, start, end)) is not None and field[1] not in labels:
            index += 1
            labels[field[1]] = index
        else:
            labels = None  # a line of anything else, or a label met again: the block ends above it
        start = end + 1
    doc.memo[key] = blocks
    return blocks


def _in_example_block(doc: Document, a: int) -> bool:
    norm = doc.norm
    start = doc.line_start(a, norm=True)
    field = _FIELD_LINE.match(norm, start, a)
    if field is None or _POSTS_OWN_FIELD.search(field[1]):
        return False
    block = _example_blocks(doc).get(start)
    if block is None:
        return False
    labels, index = block
    # Its label not on a line of the block above it (the fields of a second person after the example's).
    return labels.get(field[1], index + 1) > index


def _example(doc: Document, a: int, b: int) -> bool:
    """True when the number or address at normalised offsets [a, b) is given as an example."""
    if _EXAMPLE_BEFORE.search(doc.norm, max(0, a - 12), a) or _EXAMPLE_AFTER.match(doc.norm, b):
        return True
    line = doc.line_start(a, norm=True)
    if (m := _EXAMPLE_LINE.match(doc.norm, line, a)) and doc.norm.find("。", m.end(), a) < 0:
        return True
    return doc.multiline and _in_example_block(doc, a)


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


# A run of digit groups joined by a hyphen (spaces around it allowed), up to three spaces, or a dot
# between groups of three or more digits (1234.5678.9018; a shorter group after a dot is a decimal
# fraction, 123456789018.5, or a date, 2025.11.20); never part of a longer run. A dot after a digit
# is a decimal point, so a run starts after 「No.」 but not after 「1.」; a hyphen after a letter or a
# digit joins a code (「SKU-…」), but the 「ー」 of 「マイナンバー」 (a hyphen in this view) does not.
# A comma only joins a run as a thousands separator (a group of exactly three digits beside it): a
# cell of a CSV row (「山田太郎,123456789018,本町」「1,123456789018」) is a number of its own.
# A slash or a middle dot joins groups of exactly four digits (「4111/1111/1111/1111」「1234・5678・9018」,
# as a card or a 個人番号 is copied into a form's field or a list); between other groups it is a date
# (2026/12/4) or a list (「10・20・30」).
_GROUP_SEP = (
    r"(?:[ \t]*-[ \t]*|(?<=[0-9]{3})\.(?=[0-9]{3})|[ \t]{1,3}"
    r"|(?<=(?<![0-9])[0-9]{4})[ \t]*[/・][ \t]*(?=[0-9]{4}(?![0-9])))"
)
_THOUSANDS = r",[0-9]{3}(?![0-9])"
_DIGIT_RUN = guard(re.compile(
    rf"(?<![0-9/])(?<![0-9A-Za-z]-)(?<![0-9]\.)(?!(?<=[0-9],)[0-9]{{3}}(?![0-9]))"
    rf"[0-9]+(?:{_GROUP_SEP}[0-9]+)*(?![0-9]|{_THOUSANDS}|\.[0-9])"
))
_GROUP = re.compile(r"[0-9]+")
_CARD_PREFIX = re.compile(r"^(?:4|5[1-5]|2[2-7]|3[47]|35|30|36|38|39|6011|64[4-9]|65|62)")


def _runs(doc: Document, min_digits: int) -> Iterator[list[tuple[int, int]]]:
    """Each run of digit groups with at least `min_digits` digits, as the numview spans of its groups."""
    numbers = _numbers(doc)
    for m in _DIGIT_RUN.finditer(numbers):
        # Most runs are dates, times and phone numbers: too short to hold the number looked for.
        if m.end() - m.start() >= min_digits:
            yield [(g.start(), g.end()) for g in _GROUP.finditer(numbers, m.start(), m.end())]


def _windows(
    groups: list[tuple[int, int]], fits: Callable[[list[int]], bool], max_groups: int
) -> Iterator[tuple[int, int]]:
    """Numview spans of the longest stretches of consecutive groups whose lengths `fits` accepts.

    A run can hold more than one number (「2025.11.20 1234 5678 9018」, 「第3回 1234 5678 9018」), so a
    number is looked for inside it. A stretch whose neighbouring group could belong to it (as long
    as its own groups) is only a slice of a longer list (「2020 2021 2022 2023」) and is skipped.
    """
    lengths = [b - a for a, b in groups]
    n = len(groups)
    i = 0
    while i < n:
        for j in range(min(n, i + max_groups) - 1, i - 1, -1):
            part = lengths[i : j + 1]
            if not fits(part):
                continue
            lo, hi = min(part), max(part)
            if len(part) > 1 and any(0 <= k < n and lo <= lengths[k] <= hi for k in (i - 1, j + 1)):
                continue
            yield groups[i][0], groups[j][1]
            i = j
            break
        i += 1


# Labels of product codes printed on goods (folded: katakana, lower case). Such a number passes Luhn
# about one time in ten, so a label just before it settles that it is not a card.
_PRODUCT_CODE_LABEL = re.compile(r"(?:jan|ean|upc|gtin|isbn|バーコード)[^0-9\n]{0,8}$")
_LABEL_WINDOW = 16

# A number named as something else (「お問い合わせ番号」「受付番号」「当選番号」「法人番号」…) is not
# a 個人番号 or a card, though one random 12-digit number in eleven passes the 個人番号 check and one in
# ten the Luhn check: a parcel's tracking number or an application's receipt number would otherwise
# block the post. Only numbers of things, applications and transactions are listed; labels of a
# person's numbers (会員番号, 口座番号, 免許証番号…) keep the finding. Read on the folded view
# (katakana), up to a few separators before the number, never across another 「番号」.
_OTHER_NUMBER_KINDS = (
    "(?:オ)?問イ?合ワ?セ|伝票|送リ状|追跡|荷物|受付|整理券?|到達|申請|申込ミ?|予約|注文|管理|案件|物件|"
    "公告|調達|入札|登録|当選|抽選|認定|許可|届出|製造|シリアル|ロット|商品|製品|型式|法人等?|事業者|納付|収納機関|"
    "郵便|電話|会議|ミーティング|ウェビナー|受験|チケット|座席|車台|文書|クーポン|割引|引換|景品"
)
# A counter's queue (「呼出番号 1175 1188 1204 の方」「番号札」「お待ちの番号：4012 4127 4388 4517」「お呼びしている
# 番号」), a draw's entries (「応募番号」) and the extensions of an office (「こども課（内線 1175・1188・1204）」) too; not
# before a phone's form (_NOT_A_PHONE_LABEL), where a 「呼び出し番号」 may be whom to page.
_OTHER_NUMBER_LABEL = re.compile(
    rf"(?:(?:{_OTHER_NUMBER_KINDS}|呼ビ?出シ?|応募)者?(?:番号|no\.?|ナンバー|id|コード)|番号札|内線"
    r"|(?:オ待チ|オ呼ビ(?:シテイル|シテオリマス|シテイマス|シ中)?|呼ビ?出シ?中|案内中)(?:ノ(?:方ノ)?)?番号)"
    r"(?:(?!番号|ナンバー)[^0-9\n]){0,6}$"
)
# Numbers listed and counted with 「番」 (「整理券 1004 1005 1006 番の方」「1175・1188・1204番まで」) or a
# unit (「月別来場者数 4012 4127 4388 4517 人」): the counter makes each group a number of its own, a
# ticket's or a count (one such list in eleven passes the 個人番号 check, one in ten Luhn). Not
# 「番号」「番地」: a label or an address. A unit is one only as a word's end: 「世帯主」「人事課」「件名」
# 「台帳」 after a 個人番号 begin a column or a note of a list of people. A label naming a 個人番号 or a
# card still settles it.
_COUNTED_AFTER = re.compile(r"[ \t]*+(?:番(?![号地])|(?:人|件|世帯|戸|票|台|校|団体|か所|箇所)(?![\u4e00-\u9fff々])|%)")


def _counted_list(doc: Document, a: int, b: int) -> bool:
    """Whether the number at normalised offsets [a, b) is a list of groups counted with 「番」 or a unit,
    or a row of counts under a header of periods."""
    if doc.numview[a:b].isdigit():
        return False
    return _COUNTED_AFTER.match(doc.norm, b) is not None or _under_periods(doc, a, b)


# A table of counts by year or month, as 統計 posts set it out with spaces (「　　 2023 2024 2025 2026⏎
# 高田 4111 4070 4028 3991」「R5 R6 R7⏎安塚 1106 1107 1108」): each group of a row is the count of its
# period's column, and a row of four-digit counts passes Luhn one time in ten. The header is found
# above the row within its paragraph (a bounded walk: linear however many rows are checked), every
# line between them a row too, and must name as many periods as the row has groups. Every cell of it
# is a period but the row labels' corner (「地区」): a line that says something with its periods
# (「期間：2025年4月〜2026年3月」「2024年 2025年 2026年 の受付分」) heads a list of people, not counts.
_TABLE_LINES = 20
_PERIOD_CELL = re.compile(
    r"(?:令和|平成|昭和|[RHS])[0-9]{1,2}(?:年度?)?|(?:19|20)[0-9]{2}(?:年度?)?|[0-9]{1,2}(?:月|年度?)"
)


def _header_periods(line: str) -> int:
    """How many periods a table's header line names (0 when any cell but the corner is not a period)."""
    cells = line.split()
    if cells and not _GROUP.search(cells[0]):
        cells = cells[1:]  # the corner above the row labels (「地区」)
    return len(cells) if all(_PERIOD_CELL.fullmatch(c) for c in cells) else 0


def _under_periods(doc: Document, a: int, b: int) -> bool:
    numview = doc.numview
    groups = len(_GROUP.findall(numview, a, b))
    end = doc.line_start(a, norm=True) - 1
    for _ in range(_TABLE_LINES):
        if end < 0:
            return False
        start = doc.line_start(end, norm=True)
        if end - start > _ROW_MAX or not _GROUP.search(numview, start, end):
            return False  # no table's line: the paragraph's start, or words between
        periods = _header_periods(numview[start:end])
        if periods >= 2:
            return periods >= groups
        end = start - 1
    return False


# The same kinds of number, and their words in the languages of multilingual posts (「订单号」「접수번호」
# 「mã hồ sơ」「order」), before a domestic form of a foreign mobile (no country code, its groups a
# Japanese number never has): 「受付番号 010-1234-5678」「ご連絡の際は整理番号（138 2026 0001）」 is a
# receipt's number. Not a 「電話番号」, which labels a phone here.
_NOT_A_PHONE_LABEL = re.compile(
    rf"(?:(?:{_OTHER_NUMBER_KINDS.replace('|電話|', '|')}|申シ込ミ)(?:番号|no\.?|ナンバー|id|コード)|订单号?|编号|单号|受理号|预约号|"
    r"(?:접수|주문|예약) ?번호|mã (?:số|đơn|hồ sơ)|số (?:hồ sơ|biên nhận)|protocolo|pedido|order|booking|reference|receipt)"
    r"(?:(?!番号|ナンバー)[^0-9\n]){0,8}$"
)


def _labelled_as_other_number(doc: Document, a: int) -> bool:
    lo = max(0, a - _LABEL_WINDOW)
    return bool(_PRODUCT_CODE_LABEL.search(doc.folded, lo, a) or _OTHER_NUMBER_LABEL.search(doc.folded, lo, a))


# Since a comma no longer joins a CSV cell to its neighbours, the label of a list or a column must
# be read where it is written: before the list's first item (「受付番号：202612040003,202612040011」)
# or in the header row of the table (「受付番号,結果⏎202612040003,当選」).
_LIST_ITEM_BEFORE = re.compile(r"[0-9A-Za-z-]{1,24}[ \t]*+[,、・/][ \t]*+$")
_LIST_ITEMS = 30
_HEADER_ROWS = 200
_ROW_MAX = 1000


def _listed_after_other_number(doc: Document, a: int) -> bool:
    pos = a
    for _ in range(_LIST_ITEMS):  # bounded: a draft may be one list of thousands of numbers
        item = _LIST_ITEM_BEFORE.search(doc.numview, max(0, pos - 32), pos)
        if item is None:
            return False
        pos = item.start()
        if _labelled_as_other_number(doc, pos):
            return True
    return False


# A list of numbers a line each under its heading (「【当選番号】⏎1234…⏎5678…」「受付番号一覧⏎・…⏎・…」, as a 商品券's draw
# or a counter's results are published): the heading names every line of it. Only lines of digits (a bullet before,
# blank lines between) up to the heading; a line with words is no longer the list (「申請者 山田太郎 1234…」).
_LIST_LINE_LEAD = re.compile(r"[ \t]*+(?:[・*●○◆■□◇◎-][ \t]*+)?")
_LIST_LINE = re.compile(r"[ \t]*+(?:[・*●○◆■□◇◎-][ \t]*+)?(?:[0-9][0-9 \t,、・/-]*+)?")


def _listed_under_other_number(doc: Document, a: int) -> bool:
    numview = doc.numview
    start = doc.line_start(a, norm=True)
    if not _LIST_LINE_LEAD.fullmatch(numview, start, a):
        return False  # words before it on its line
    # Each line's answer is kept, so that a list of thousands under one heading is walked once (linear), not once
    # for each of its numbers.
    key = (__name__, "listed under")
    memo = doc.memo.get(key)
    if not isinstance(memo, dict):
        memo = doc.memo[key] = {}
    walked: list[int] = []
    headed = False
    while True:
        if start in memo:
            headed = memo[start]
            break
        walked.append(start)
        if start == 0:
            break
        end = start - 1
        start = doc.line_start(end, norm=True)
        if end - start > _ROW_MAX:
            break
        if not _LIST_LINE.fullmatch(numview, start, end):
            headed = _labelled_as_other_number(doc, end)
            break
    for line in walked:
        memo[line] = headed
    return headed


# The list's items are numbers of one kind, written in one layout: a card's four groups of four after a list of one
# four-digit winning number a line (「受付番号一覧⏎・1001⏎⏎4556 7375 8689 9855」) is not one of them, while a list of
# such numbers, or of several numbers a line (「1001 1002 1003 1004 1005⏎1006 1007 1008 1009」), stays the heading's,
# one in ten of its lines passing Luhn. A line alone under the heading is a row of its numbers (「抽選番号⏎4012 4127 4388
# 4517」), unless its groups are joined by hyphens as a card's are and a list's never (「【当選番号】⏎4556-7375-8689-9855」).
# Only the nearest item above and below are read, across blank lines: bounded, however long the list.
_BLANK_LINES = 3


def _neighbour_item_shapes(doc: Document, a: int) -> list[tuple[int, ...]]:
    """The group lengths of the list items on the nearest lines above and below the number at numview offset ``a``
    (a line of digits only, a bullet before them; blank lines between are passed over)."""
    numview = doc.numview
    shapes: list[tuple[int, ...]] = []
    start = doc.line_start(a, norm=True)
    end = numview.find("\n", a)
    for step in (-1, 1):
        pos = start if step < 0 else end
        for _ in range(_BLANK_LINES + 1):
            if pos <= 0 and step < 0 or pos < 0 and step > 0:
                break
            if step < 0:
                hi = pos - 1
                lo = doc.line_start(hi, norm=True)
            else:
                lo = pos + 1
                hi = numview.find("\n", lo)
                hi = len(numview) if hi < 0 else hi
            if hi - lo > _ROW_MAX:
                break
            if numview[lo:hi].strip():
                if _LIST_LINE.fullmatch(numview, lo, hi):
                    shapes.append(tuple(map(len, _GROUP.findall(numview, lo, hi))))
                break
            pos = lo if step < 0 else hi
    return shapes


# A reference number's label on the line right above a number alone on its line (「お問い合わせ番号⏎4556-7375-8689-9855」,
# as a form or a mail sets a field's value under its name) labels it as on the same line: a reference number is as often
# hyphenated as a card. Not a draw's or a queue's heading (「【当選番号】⏎4556-7375-8689-9855」), whose numbers are a list's.
_LIST_HEADING = re.compile(r"当選|抽選|整理|呼ビ?出|オ?待チ|オ呼ビ|案内中|応募|番号札|内線|一覧")
_NUMBER_ALONE = re.compile(r"[ \t]*+(?:\n|$)")


def _value_under_reference_label(doc: Document, a: int, b: int) -> bool:
    numview = doc.numview
    start = doc.line_start(a, norm=True)
    if start == 0 or start != a or not _NUMBER_ALONE.match(numview, b):
        return False
    above = doc.line_start(start - 1, norm=True)
    label = doc.folded[above : start - 1]
    return (
        label.strip() != "" and _labelled_as_other_number(doc, start - 1) and not _LIST_HEADING.search(label)
    )


def _listed_in_its_shape(doc: Document, a: int, b: int) -> bool:
    """Whether the number at numview offsets [a, b), in a list under another number's heading, is one of its items:
    a neighbouring item has its shape."""
    if not _listed_under_other_number(doc, a):
        return False
    shape = tuple(map(len, _GROUP.findall(doc.numview, a, b)))
    neighbours = _neighbour_item_shapes(doc, a)
    if not neighbours:
        return "-" not in doc.numview[a:b] or _value_under_reference_label(doc, a, b)
    return any(n == shape or (len(n) > 1 and set(n) == set(shape)) for n in neighbours)


def _column_header(doc: Document, a: int) -> str | None:
    """The header cell (folded) of the table column that the number at normalised offset `a` is a
    cell of, or None when it is in no table's row or the table has no header row."""
    folded = doc.folded
    start = doc.line_start(a, norm=True)
    if a - start > _ROW_MAX:
        return None  # no table's row; and a long line is not read again for each of its numbers
    end = folded.find("\n", a)
    end = len(folded) if end < 0 else end
    sep = "\t" if folded.find("\t", start, end) >= 0 else "," if folded.find(",", start, end) >= 0 else None
    if sep is None:
        return None
    column = folded.count(sep, start, a)
    row = start
    for _ in range(_HEADER_ROWS):  # the table's first row, within a bound (linear on long drafts)
        if start == 0:
            break
        above = doc.line_start(start - 1, norm=True)
        if folded.find(sep, above, start - 1) < 0:
            break
        start = above
    if start == row:
        return None  # the number's own row is no header
    end = folded.find("\n", start)
    if end - start > _ROW_MAX:
        return None
    header = folded[start:end].split(sep)
    if column >= len(header) or any(c.isdigit() for c in header[column]):
        return None
    return header[column].strip(" \t\"'")


def _under_other_header(doc: Document, a: int) -> bool:
    cell = _column_header(doc, a)
    return cell is not None and bool(_PRODUCT_CODE_LABEL.search(cell) or _OTHER_NUMBER_LABEL.search(cell))


def _named_as_other_number(doc: Document, a: int) -> bool:
    """True when a label names the number at normalised offset `a` as a product code or another
    kind: just before it, before the list it is an item of, or at the head of its column."""
    return (
        _labelled_as_other_number(doc, a)
        or _listed_after_other_number(doc, a)
        or _listed_under_other_number(doc, a)
        or _under_other_header(doc, a)
    )


# A 12-digit amount (「歳入総額,150000000002」) or a time stamp written without separators
# (「202604041530」: 2026-04-04 15:30, as logs and spreadsheets export it) passes the 個人番号 check
# as one random number in eleven does. Read on the folded view; a 個人番号 named in the label or the
# column's header settles it the other way, whatever else is said.
# The number's own name, on the normalised or the folded view (the folded is lower case).
# 「マイナンバー?」: the label's eight characters count after the long vowel, as before they shared this.
# 「個人No.」「個人ナンバー」: the 個人番号 as forms abbreviate it (「申請者番号/個人No.123456789018」).
_MY_NUMBER_WORD = r"(?i:マイナンバー?|個人番号|個人[ \t]?(?:no\.?|ナンバー)|my[ \t]?number)"
_MY_NUMBER_WORDS = re.compile(_MY_NUMBER_WORD)
_AMOUNT_OR_TIME = (
    r"(?:金額|総額|合計|[予決]算|歳[入出]|収入|支出|費用?|売上|残高|[^番]額|円|日時|日付|時刻|年月日|作成日|更新日|"
    r"タイムスタンプ|timestamp|datetime|date|time|amount|price|total|yen)"
)
_AMOUNT_OR_TIME_HEADER = re.compile(_AMOUNT_OR_TIME)
_AMOUNT_OR_TIME_LABEL = re.compile(rf"{_AMOUNT_OR_TIME}(?:(?!番号|ナンバー)[^0-9\n]){{0,8}}$")
_CURRENCY_BEFORE = re.compile(r"(?:[¥$]|jpy|usd)[ \t]*$")
_CURRENCY_AFTER = re.compile(r"[ \t]*\(?(?:円|千円|万円|百万円|億円|yen|jpy)")
_STAMP_YEARS = 5  # a time stamp in a post is of the last few years or the next few


def _time_stamp(digits: str, year: int) -> bool:
    """Whether 12 digits read as a date and time 「YYYYMMDDhhmm」 near the year ``year``."""
    try:
        stamp = datetime(int(digits[:4]), int(digits[4:6]), int(digits[6:8]), int(digits[8:10]), int(digits[10:]))
    except ValueError:
        return False
    return abs(stamp.year - year) <= _STAMP_YEARS


def _amount_or_time(doc: Document, a: int, b: int, year: int) -> bool:
    """True when the number at normalised offsets [a, b) is an amount or a time stamp: by its column's
    header or its label (「金額」「日時」), a currency beside it, or its digits reading as a time
    stamp of these years; never when a label or the header names it a 個人番号."""
    header = _column_header(doc, a)
    before = doc.folded[max(0, a - _LABEL_WINDOW) : a]
    if _MY_NUMBER_WORDS.search(before) or (header is not None and _MY_NUMBER_WORDS.search(header)):
        return False
    if header is not None and _AMOUNT_OR_TIME_HEADER.search(header):
        return True
    if _AMOUNT_OR_TIME_LABEL.search(before) or _CURRENCY_BEFORE.search(before):
        return True
    if _CURRENCY_AFTER.match(doc.folded, b):
        return True
    digits = doc.numview[a:b]
    return digits.isdigit() and len(digits) == 12 and _time_stamp(digits, year)
# A 個人番号 copied from a form that gives each digit a box (「1 2 3 4 5 6 7 8 9 0 1 8」): twelve single
# digits one space apart. A row of twelve small numbers is as likely a table's (monthly counts), so
# only after a label that names the number.
_BOXED_MY_NUMBER = re.compile(r"(?<![0-9])(?<![0-9][ \t])[0-9](?:[ \t][0-9]){11}(?![ \t]?[0-9])")
_MY_NUMBER_LABEL = re.compile(rf"{_MY_NUMBER_WORD}[^0-9\n]{{0,8}}$")


def _listed_years(numbers: str) -> bool:
    """Whether a run of 4-digit groups (「2020 2021 2022」「2020・2021・2022年度」) is years in order: one
    such list in eleven passes the 個人番号 check (「2020 2021 2022」 does)."""
    years = [int(g) for g in _GROUP.findall(numbers)]
    in_order = all(a < b for a, b in pairwise(years)) or all(a > b for a, b in pairwise(years))
    return len(years) > 1 and all(1900 <= y <= 2099 for y in years) and in_order


# Amounts listed (「3000・3500・4000・4500円」「1,200/1,500」): every group a round number.
_ROUND_GROUP = re.compile(r"[0-9]*00")


def _my_number_shape(part: list[int]) -> bool:
    return part == [12] or part == [4, 4, 4]


def _card_shape(part: list[int]) -> bool:
    # Every brand prints its number from a group of four (4-4-4-4, Amex 4-6-5, Diners 4-6-4, 19 digits
    # 4-4-4-4-3). A row of counts in a table (「第1開票区 41223 40612 611」: voters, valid votes, invalid)
    # starts with whatever its first count has, and one in ten passes Luhn.
    return _card_groups(part) and (len(part) == 1 or part[0] == 4)


def _card_groups(part: list[int]) -> bool:
    """Groups a card number could be split into by someone who copied it down wrongly."""
    return (len(part) == 1 or all(3 <= g <= 6 for g in part)) and 13 <= sum(part) <= 19


def _card_halves(part: list[int]) -> bool:
    """The same, or in two halves (「カード番号：41111111 11111111」, read out or typed as two fields)."""
    return _card_groups(part) or (len(part) == 2 and all(6 <= g <= 10 for g in part) and 13 <= sum(part) <= 19)


# A number that a label or its column's header names as a card's (「カード番号：41111-1111-1111-111」) is
# one, however it was regrouped when read out over the phone or copied from a form; it is
# published all the same. Folded view: katakana, lower case.
_CARD_LABEL = re.compile(r"(?:カード|card)[^0-9\n]{0,8}$")


_CARD_NUMBER_LABEL = re.compile(r"(?:カード|card)[ \t]*(?:番号|ナンバー|no\.?|number|#)[^0-9\n]{0,4}$")


def _named_as_card(doc: Document, a: int) -> bool:
    header = _column_header(doc, a)
    return _CARD_LABEL.search(doc.folded, max(0, a - _LABEL_WINDOW), a) is not None or (
        header is not None and ("カード" in header or "card" in header)
    )


_READ_AS_DIGITS = frozenset(KANJI_DIGITS + "○" + "零壱弐参肆伍陸漆捌玖壹貳參" + "OoIlＯｏＩｌ")  # _DAIJI, defined below


def _masked_number(number: str, shown: int) -> str:
    """``number`` with each digit a star but its last ``shown``, separators kept (「＊＊＊＊ ＊＊＊＊ 1111」)."""
    # Every character read as a digit: kanji and formal numerals, and the letters typed for digits
    # (「壱弐参肆…」「I234 5678 9O18」) as much as the digits themselves.
    digits = [i for i, ch in enumerate(number) if ch.isdigit() or ch in _READ_AS_DIGITS]
    hidden = set(digits[: len(digits) - shown] if shown else digits)
    return "".join("＊" if i in hidden else ch for i, ch in enumerate(number))


def _number_hit(doc: Document, start: int, end: int, message: str, *, shown: int = 0) -> Hit:
    """A finding on a number that must not be copied anywhere: the thread reply is another copy of
    it, and stays when the author edits the number out or deletes the message. The engine masks it
    in every finding (as a password), as it appears and as 全角英数字's half-width suggestion."""
    number = doc.text[start:end]
    redact = {number: _masked_number(number, shown)}
    nfkc = unicodedata.normalize("NFKC", number)
    if nfkc != number:
        redact[nfkc] = _masked_number(nfkc, shown)
    return Hit(start, end, message, redact=tuple(redact.items()))


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
    制限されています。12桁の数字（4桁ずつの区切りも可: 空白・ハイフン・ピリオド・スラッシュ・中黒（・）、区切りの前後の
    空白も可）の検査用数字を総務省令の計算方法で確かめ、13桁の法人番号のように長い数字の一部で
    ある場合や、「2020 2021 2022」のように順に並べた年には（直前に「マイナンバー」「個人番号」とない限り）反応しません。「No.123456789018」のように記号の直後に続く番号や、CSV の表のように
    カンマで区切った欄の番号（「山田太郎,123456789018,本町」）や、PDF から写して2行に分かれた番号
    （「1234 5678」の次の行に「9018」だけ）も見つけます（1行に1つずつや2つずつ並べた番号の一覧は対象外です。ただし「個人番号：」「マイナンバー」の見出しの直後に1行ずつ分けて書いた「1234」「5678」「9018」は、続く行に数字がなければ1つの番号として見つけます）。
    1桁ずつ枠のある様式から写した番号（「1 2 3 4 5 6 7 8 9 0 1 8」）は、表の数字の並びと区別するため、
    直前に「個人番号」「マイナンバー」とあるときに見つけます。漢数字で書いた番号（「個人番号：一二三四 五六七八 九〇一八」）や大字で書いた番号（「個人番号：壱弐参肆 伍陸漆捌 玖零壱捌」）、
    印刷物から打ち直して数字の一部を英字にした番号（0 を O、1 を I や l にした「マイナンバー：I234 5678 9O18」）も同じく、直前に見出しがあるときに見つけます（「〇〇〇〇 〇〇〇〇 〇〇〇〇」「0000 0000 0000」のような様式の空欄は対象外です）。
    「例：」「記入例」の直後や、「【記入例】」だけの見出しの行の下に「個人番号：…」のように並べた欄など、書式の例として示した番号には反応しません。
    「お問い合わせ番号」「受付番号」「当選番号」「法人番号」など、直前の見出しで別の種類の番号と
    分かる番号にも反応しません（でたらめな12桁の約11件に1件は検査用数字が合うため、荷物の
    追跡番号などで投稿が止まらないように）。「会社法人等番号」「応募者番号」「受験者番号」、ペイジーの「納付番号」「収納機関番号」も
    同じです。「受付番号：…,…,…」と並べた番号や、「【当選番号】」の見出しの次の行から1行に1つずつ並べた番号、CSV の表で見出し行が
    「受付番号」の列の番号も同じです。窓口や抽選の「呼出番号」「応募番号」「番号札」「お待ちの番号」の番号、「道路占用許可 第400100123450号」のように
    「第…号」と書いた許可や文書の番号や、「整理券 1004 1005 1006 番の方」の
    ように「番」を付けて並べた整理券の番号、「内線 1175・1188・1204」、「4012 4127 4388 人」のように単位を付けて並べた数や、
    「2023 2024 2025」「R5 R6 R7」のような年や月の見出しの下に並べた統計の表の数も同じです。会員番号・口座番号など、人に付く番号の見出しは
    除外しません。金額や日時の数字（「金額」「日時」などの見出しや列の見出しの下にあるもの、「円」「¥」が
    付いたもの、「202604041530」のように前後数年の日時として読めるもの）にも反応しません。ただし、
    「マイナンバー」「個人番号」「個人No.」の見出しや列の下にある番号は、どのような数字でも止めます（「申請者番号/個人No.123456789018」のように、
    別の種類の番号の見出しの後、番号のすぐ前に「個人No.」とあるものも止めます。「マイナンバー受付番号：…」は受付番号です）。
    リンクの中の数字（「…/form/?id=123456789018」「…/img_123456789018.jpg」のようなページや画像の番号）も対象外です。
    ただし、Google フォームの回答を埋め込んだ「…viewform?entry.123=…」や「?mynumber=…」のように、リンクが回答や
    番号そのものとして運ぶ数字は止めます（空白を「+」「%20」にした「entry.123=1234+5678+9018」も同じです）。
    指摘では番号を「＊＊＊＊ ＊＊＊＊ ＊＊＊＊」のように伏せて示します（スレッドへの返信も番号の写しになり、
    作成者が番号を消したりメッセージを削除したりしても残るため）。
    """
    for start, end in _my_number_spans(doc, ctx.now.year):
        yield _number_hit(doc, start, end, _MY_NUMBER_MESSAGE)


def my_number_spans(text: str, year: int) -> list[tuple[int, int]]:
    """Where pii.my_number finds a 個人番号 in ``text`` (code-point spans of ``text``), a time stamp
    (「202604041530」) read as of the years around ``year``: for text kessai keeps beyond a draft (an
    incident report of a misposting pastes the post). 番号法 limits providing a 個人番号 to the cases it
    lists, so a copy in the escalation channel or the incident's record is a breach of its own."""
    return list(_my_number_spans(Document(text), year))


# A number stacked a group a line under its label, as a form's boxes or a narrow cell give it when copied
# (「個人番号：1234⏎5678⏎9018」「カード番号⏎4111⏎1111⏎1111⏎1111」). Unlabelled, lines of four digits are a list
# (_WRAPPED leaves them be); under the number's own name, the label right before it and nothing after it but
# the separators of a form, they are that number. Folded view (lower case, 「：」 as 「:」).
_STACKED_MY_NUMBER_LABEL = re.compile(rf"{_MY_NUMBER_WORD}[ \t]*(?:[:：]|は)?[ \t]*(?=[0-9]|\n)")
_STACKED_CARD_LABEL = re.compile(r"(?:カード|card)[ \t]*(?:番号|ナンバー|no\.?|number|#)[ \t]*[:：]?[ \t]*(?=[0-9]|\n)")
_STACKED_LINE = re.compile(r"[ \t]*+([0-9]++(?:(?:[ \t]*+-[ \t]*+|[ \t]++)[0-9]++)*+)[ \t]*+(?:\n|$)")
_STACKED_LINES = 6


def _stacked(doc: Document, label: re.Pattern[str], sizes: range) -> Iterator[tuple[int, int]]:
    """Numview spans of a number of ``sizes`` digits written over two lines or more right after ``label``: every
    line digits only, the digits adding up to the number, and no line of digits after it (a list of them)."""
    numview = doc.numview
    for m in label.finditer(doc.folded):
        pos = m.end() + 1 if numview.startswith("\n", m.end()) else m.end()
        first, last, count, lines = -1, -1, 0, 0
        while lines < _STACKED_LINES and count < sizes.stop - 1:
            line = _STACKED_LINE.match(numview, pos)
            if line is None:
                break
            first = line.start(1) if first < 0 else first
            last, pos, lines = line.end(1), line.end(), lines + 1
            count += len(_digits(line[1]))
        if lines >= 2 and count in sizes and _STACKED_LINE.match(numview, pos) is None:
            yield first, last


# A number inside a link is the id of a page, a post, a photo or a place (「photo.php?fbid=…」「?cid=…」「/img_….jpg」):
# Facebook's run to sixteen digits, and one in ten passes Luhn, one twelve-digit id in eleven the 個人番号 check. What a
# link carries as someone's answer is still read: a form's prefilled answer (Google Forms' 「entry.N=」, as pii.email
# reads its 「%40」 address) or a query named after the number.
_QUERY_KEY = re.compile(r"[?&;]([^?&;=#/\s]{1,40})=[^?&;=#/\s]*$")
_ANSWER_KEY = re.compile(r"(?i)entry\.[0-9]+|.*(?:my_?number|kojin|card|cc_?num|pan\b).*|number|num|cc|bango")
# A query that also carries a person's name, telephone or address is a filled-in answer (a form's
# prefilled link, pasted from the confirmation screen): its numbers are what was typed, whatever
# their key (「?name=yamada&no=123456789018」), not the id of a page.
_PERSONAL_KEY = re.compile(r"(?i)[?&;](?:\w*_)?(?:name|shimei|simei|tel|phone|mail|email|addr|address|jusho|birth\w*)=")


def _id_in_link(doc: Document, a: int, b: int) -> bool:
    """Whether the number at normalised offsets [a, b) is part of a link and not an answer it carries."""
    if "." not in doc.norm or (url := doc.url_at(doc.span(a, b)[0])) is None:
        return False
    if _PERSONAL_KEY.search(url.url):
        return False
    key = _QUERY_KEY.search(doc.norm, max(0, a - 80), a)
    return key is None or _ANSWER_KEY.fullmatch(key[1]) is None


# A form's answer carried by a link has its spaces encoded (「…viewform?entry.222=1234+5678+9018」「…=1234%205678%209018」):
# the groups of a 個人番号 typed as printed on the card, which the plain reading takes for three numbers.
_ENCODED_GROUPS = re.compile(r"(?<==)([0-9]{4})(?:\+|%20)([0-9]{4})(?:\+|%20)([0-9]{4})(?![0-9])")


def _named_as_my_number_after(doc: Document, a: int) -> bool:
    """Whether the number at normalised offset ``a`` is named a 個人番号 after another number's label, closer to it:
    「申請者番号/個人No.123456789018」 is the 個人番号 of the 申請者, while 「マイナンバー受付番号：…」 is a receipt's."""
    lo = max(0, a - 24)
    mine = _MY_NUMBER_LABEL.search(doc.norm, lo, a)
    other = _OTHER_NUMBER_LABEL.search(doc.folded, lo, a)
    return mine is not None and other is not None and mine.start() > other.start()


def _my_number_spans(doc: Document, year: int) -> Iterator[tuple[int, int]]:
    if "\n" in doc.numview and _MY_NUMBER_WORDS.search(doc.norm):
        for a, b in _stacked(doc, _STACKED_MY_NUMBER_LABEL, range(12, 13)):
            digits = _digits(doc.numview[a:b])
            if len(set(digits)) > 1 and my_number_is_valid(digits) and not _example(doc, a, b):
                yield doc.span(a, b)
    for groups in _runs(doc, 12):
        for a, b in _windows(groups, _my_number_shape, 3):
            digits = _digits(doc.numview[a:b])
            if len(set(digits)) == 1 or not my_number_is_valid(digits) or _example(doc, a, b):
                continue  # 「0000 0000 0000」 is a blank form's, whatever its check digit
            if (
                (_named_as_other_number(doc, a) and not _named_as_my_number_after(doc, a))
                or _amount_or_time(doc, a, b, year) or _id_in_link(doc, a, b)
            ):
                continue
            labelled = _MY_NUMBER_LABEL.search(doc.norm, max(0, a - 24), a) is not None
            if (
                _listed_years(doc.numview[a:b]) or _counted_list(doc, a, b) or _document_number(doc, a, b)
            ) and not labelled:
                continue
            yield doc.span(a, b)
    if "=" in doc.norm:
        for m in _ENCODED_GROUPS.finditer(doc.norm):
            a, b = m.span()
            digits = "".join(m.groups())
            in_link = doc.url_at(doc.span(a, b)[0]) is not None
            if in_link and my_number_is_valid(digits) and len(set(digits)) > 1 and not _id_in_link(doc, a, b):
                yield doc.span(a, b)
    if _MY_NUMBER_WORDS.search(doc.norm):
        for m in _BOXED_MY_NUMBER.finditer(doc.numview):
            if not my_number_is_valid(_digits(m.group())) or _example(doc, m.start(), m.end()):
                continue
            if _MY_NUMBER_LABEL.search(doc.norm, max(0, m.start() - 24), m.start()):
                yield doc.span(m.start(), m.end())
        yield from _kanji_my_numbers(doc)


# 「第…号」 is how a permit, a licence or a notice is numbered (「道路占用許可 第400100123450号」「指令第…号」): a 個人番号
# is never written so, and one twelve-digit serial in eleven passes its check.
_ORDINAL_BEFORE = re.compile(r"第[ \t]?$")
_ORDINAL_AFTER = re.compile(r"[ \t]?号")


def _document_number(doc: Document, a: int, b: int) -> bool:
    return _ORDINAL_BEFORE.search(doc.norm, max(0, a - 2), a) is not None and _ORDINAL_AFTER.match(doc.norm, b) is not None


# The formal numerals (大字) of deeds and bank forms (「肆捌弐壱」), and their older forms: a 個人番号
# copied from such a form is as much a number. 参 or 陸 alone is a word (参加, 陸上): only runs of four
# or more, after the number's label, and with a valid check digit, are read.
_DAIJI = "零壱弐参肆伍陸漆捌玖"
_DAIJI_RUN = re.compile(rf"[{_DAIJI}壹貳參{KANJI_DIGITS}0-9]{{4,}}")
_DAIJI_DIGITS = str.maketrans(_DAIJI + "壹貳參", "0123456789123")
# A number typed from a printout or read by OCR with letters for digits (「I234 5678 9O18」: I or l for
# 1, O for 0), as for mobile numbers: a group of four or twelve that is mostly digits, not a word.
_LOOK_ALIKE_GROUP = re.compile(r"(?<![A-Za-z0-9])(?:[0-9OoIl]{4}|[0-9OoIl]{12})(?![A-Za-z0-9])")


def _daiji_digits(m: re.Match[str]) -> str:
    return m.group().translate(_DAIJI_DIGITS)


def _look_alike_group(m: re.Match[str]) -> str:
    group = m.group()
    letters = sum(c.isalpha() for c in group)
    return group.translate(_AS_DIGITS) if 0 < letters <= len(group) // 4 else group


def _kanji_my_numbers(doc: Document) -> Iterator[tuple[int, int]]:
    """個人番号 written in kanji digits, alone or mixed with others (「個人番号：一二三四 五六七八 九〇一八」),
    in formal numerals (「肆捌弐壱…」) or with letters for digits (「I234 5678 9O18」). A run of 〇 is a
    placeholder as often, and its checksum can pass: only after the number's label."""
    numbers = _numbers(doc)
    read = numbers
    if _KANJI_DIGIT_RUN.search(read):
        read = _KANJI_DIGIT_RUN.sub(_circle_as_zero, read).translate(_KANJI_DIGITS)
    read = _DAIJI_RUN.sub(_daiji_digits, read)
    read = _LOOK_ALIKE_GROUP.sub(_look_alike_group, read)
    if read == numbers:
        return
    for m in _DIGIT_RUN.finditer(read):
        if m.end() - m.start() < 12:
            continue
        groups = [(g.start(), g.end()) for g in _GROUP.finditer(read, m.start(), m.end())]
        for a, b in _windows(groups, _my_number_shape, 3):
            digits = _digits(read[a:b])
            if read[a:b] == numbers[a:b] or len(set(digits)) == 1 or not my_number_is_valid(digits):
                continue  # no kanji in it (the main loop's), or 〇〇〇〇 〇〇〇〇 〇〇〇〇 of a blank form
            if _MY_NUMBER_LABEL.search(doc.norm, max(0, a - 24), a) and not _example(doc, a, b):
                yield doc.span(a, b)


_MY_NUMBER_MESSAGE = "個人番号（マイナンバー）と思われる12桁の番号です。個人番号は絶対に掲載しないでください。"


@rule(
    code="pii.card_number",
    severity="error",
    summary="クレジットカード番号",
    clause="和気町 4(2)",
    fires=Example("カード番号 4111 1111 1111 1111 で決済しました"),
    passes=Example("【リコール情報】対象商品（JANコード：4964825333407）を回収しています"),
)
def card_number(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """クレジットカード番号（13〜19桁、Luhn 検査が通り、国際ブランドの番号体系に合うもの）を止めます。

    和気町 4(2) の個人情報保護に関わるだけでなく、公開されたカード番号は直ちに悪用されます。
    4桁ごとなどの空白・ハイフン・ピリオド区切りも、4桁ごとのスラッシュ・中黒（・）区切り（「4111/1111/1111/1111」）も、最後の区切りだけが次の行に分かれた番号も、「カード番号」の見出しの直後に1行ずつ分けて書いた番号（「4111」「1111」「1111」「1111」）も見つけます。
    区切った番号は、カードの券面と同じく最初の区切りが4桁のものに限ります（開票結果や統計の表の
    「第1開票区 41223 40612 611」のような数の並びは対象外です。「カード番号：41111-1111-1111-111」のように
    カード番号と書かれた番号は、3〜6桁ずつの区切りなら最初の区切りが4桁でなくても、「カード番号：41111111 11111111」のように半分ずつに分けたものも見つけます）。
    番号の後に有効期限を続けて書いたもの（「4111 1111 1111 1111 1228」「… 12/28」）も、期限の前までを番号として見つけます（期限は月が01〜12で、前後10年以内の年のもの。カード番号と書かれていない、「来場者数 4120 4088 3921 4410 1226」「… 1228 人」のように前後の語から数の並びと分かるものは対象外です）。リコールや商品案内に載る
    JAN（EAN）コードと、「3000・3500・4000・7000」「…円」のように並べた金額は対象外です: 45・49 で始まる13桁（日本の JAN。13桁の Visa 番号は
    もう発行されていません）と、直前に JAN・EAN・UPC・GTIN・ISBN・バーコードとある番号には
    反応しません。13桁の番号は「カード」と書かれたものに限ります（会社名の後や「T4110001234569」（適格請求書の登録番号）の
    ように書かれる13桁の法人番号は公開の番号です）。「例：」の直後や「【記入例】」の見出しの下の欄など、書式の例として示した番号にも、「お問い合わせ番号」
    「受付番号」「呼出番号」「お待ちの番号」、ペイジーの「納付番号」など別の種類の番号と分かる見出しの直後の番号や、その見出しの
    次の行から1行に1つずつ並べた番号（1行に4桁ずつ4つ並べた「抽選番号⏎4012 4127 4388 4517」も）にも、「整理券 4012 4127 4388 4517 番の方」のように
    「番」や「人」「件」などの単位を付けて並べた番号、年や月の見出し（「2023 2024 2025 2026」）の下に並べた統計の表の数にも
    （「カード番号」と書かれたものを除き）反応しません。ただし、番号のすぐ後に有効期限とセキュリティコードをその値とともに書いたもの（「お問い合わせ番号 4556 … 有効期限 12/28 セキュリティコード 123」）は、どの見出しの番号でもカード番号として止めます（「有効期限 12/28（引換券）」のように期限だけのものは除きます）。ただし、1行に1つずつ並べた番号の一覧の後の、形の違う番号（「受付番号一覧⏎・1001⏎⏎4556 7375 8689 9855」）や、
    当選番号などの見出しの下にハイフンでつないで書いた番号（「【当選番号】⏎4556-7375-8689-9855」）は一覧の番号ではないので止めます（「お問い合わせ番号」「受付番号」「追跡番号」のような見出しのすぐ下の行にその番号だけを書いた「お問い合わせ番号⏎4556-7375-8689-9855」は、同じ行に書いたものと同じく対象外です）。Facebook の「photo.php?fbid=4111111111111111」や地図の「?cid=…」
    のようなリンクの中の番号も対象外です（フォームの回答を埋め込んだ「entry.123=…」や「?card_no=…」は止めます）。
    カード会社が決済の試験用に公表している番号（「4111 1111 1111 1111」「4242 4242 4242 4242」「5555 5555 5555 4444」など）は
    誰のカードでもないため、偽サイトや詐欺への注意喚起の投稿（「このような番号（4111 1111 1111 1111）を入力させる偽サイトに
    ご注意ください」）や、テスト用・ダミー・架空の番号と書いた投稿では対象外です。それ以外の投稿ではほかの番号と同じく止め、
    注意喚起の投稿でも試験用でない番号（被害者の番号のおそれがあります）は止めます。
    指摘では、レシートと同じく下4桁だけを示します（「＊＊＊＊ ＊＊＊＊ ＊＊＊＊ 1111」）。
    """
    for start, end in _card_spans(doc, ctx.now.year):
        # The last four digits, as a receipt shows them: which card it is, not the number.
        yield _number_hit(doc, start, end, "クレジットカード番号と思われる番号です。削除してください。", shown=4)


def card_number_spans(text: str, year: int) -> list[tuple[int, int]]:
    """Where pii.card_number finds a card's number in ``text`` (code-point spans of ``text``), an expiry typed
    after one read as of the years around ``year``: for text kessai keeps beyond a draft (an incident report
    of a misposting pastes the post), which must not be another copy of the number."""
    return list(_card_spans(Document(text), year))


# The numbers the brands publish for testing payments (Visa's 4111…/4242…, Mastercard's 5555…4444, Amex's 3782…, JCB's
# 3530…, Diners' 3056…): nobody's card. A warning about a fake site or SMS shows one as what the scam asks for
# (「このような番号（4111 1111 1111 1111）を入力させる偽サイトにご注意ください」), and a page calls it a test or a sample
# number; there it is silent. Elsewhere it is read as any card (it is what a draft copied from a test or a manual
# holds as often as a real one), and any other number in a warning may be a victim's.
_TEST_CARDS = frozenset({
    "4111111111111111", "4242424242424242", "4012888888881881", "4000056655665556", "4222222222222",
    "5555555555554444", "5105105105105100", "2223003122003222", "5200828282828210",
    "378282246310005", "371449635398431", "6011111111111117", "3530111333300000", "3566002020360505",
    "30569309025904", "38520000023237", "6200000000000005",
})
_SCAM_OR_SAMPLE = re.compile(
    rf"{_FRAUD_WORDS.pattern}|偽|ニセ|にせ|不正利用|テスト用|テストカード|ダミー|架空|実在しない|サンプル|見本"
)


def _card_spans(doc: Document, year: int) -> Iterator[tuple[int, int]]:
    for a, b in _card_candidates(doc, year):
        if _digits(doc.numview[a:b]) in _TEST_CARDS and _SCAM_OR_SAMPLE.search(doc.norm):
            continue
        yield doc.span(a, b)


def _card_candidates(doc: Document, year: int) -> Iterator[tuple[int, int]]:
    """Numview spans of the card numbers in ``doc``."""
    stacked = []
    if "\n" in doc.numview:
        for a, b in _stacked(doc, _STACKED_CARD_LABEL, range(13, 20)):
            digits = _digits(doc.numview[a:b])
            if _CARD_PREFIX.match(digits) and luhn_is_valid(digits) and not _example(doc, a, b):
                stacked.append((a, b))
                yield a, b
    for groups in _runs(doc, 13):
        if any(a <= groups[0][0] < b for a, b in stacked):
            continue  # its last lines, read as a number of their own
        a = groups[0][0]
        # Two long halves only after the number's own name: 「カード利用枚数 41111111 11111111」 is two counts.
        labelled = _CARD_NUMBER_LABEL.search(doc.folded, max(0, a - _LABEL_WINDOW), a) is not None
        named = labelled or _named_as_card(doc, a)
        shape = _card_halves if labelled else _card_groups if named else _card_shape
        found = [
            (a, b) for a, b in _windows(groups, shape, 6)
            if _card_at(doc, a, b, named) or (_card_data_after(doc, b) and _card_at(doc, a, b, True, vouched=True))
        ]
        if (not found and len(groups) > 2 and _expiry(doc.numview[groups[-1][0] : groups[-1][1]], year)
                and (shape is not _card_shape or not _a_row_of_counts(doc, a, groups[-1][1]))):
            # The expiry typed on after the number (「4111 1111 1111 1111 1228」): a group as long as the number's
            # made it read as a slice of a list of five, and the card went out. The number must run up to it.
            found = [(a, b) for a, b in _windows(groups[:-1], shape, 6) if b == groups[-2][1] and _card_at(doc, a, b, named)]
        for a, b in found:
            yield a, b


# A row of a table of counts ends in whatever its last count is, 「1228」 as often as any: one in ten such rows of five
# passes Luhn, and 「4月の来場者数 4120 4088 3921 4410 1226」 read as a card and its expiry. Unless a label names the number
# as a card's, one named as counts before it (「…数」「人口」「結果」) or after it (「人」「世帯」「票」「号」) is no card.
# Not 「お手数ですが」 or 「数字」, said before a number of any kind. A unit only as a word's end, as for _COUNTED_AFTER:
# 「世帯主」「人事課」「件名」 after a card and its expiry begin a list of people's next column.
_COUNTS_BEFORE = re.compile(r"(?:(?<!手)数(?!字)|人口|合計|小計|累計|総計|結果|実績|内訳)[^0-9\n]{0,8}$")
_COUNT_UNIT_AFTER = re.compile(r"[ \t]*(?:(?:人|名|世帯|戸|票|件|号|台|枚|個|本|回|校|社|円)(?![\u4e00-\u9fff々])|%|％)")


def _a_row_of_counts(doc: Document, a: int, b: int) -> bool:
    return (_COUNTS_BEFORE.search(doc.folded, max(0, a - _LABEL_WINDOW), a) is not None
            or _COUNT_UNIT_AFTER.match(doc.folded, b) is not None)


# A card's expiry and its security code given right after a number (「お問い合わせ番号 4556 … 有効期限 12/28 セキュリティコード
# 123」「受付番号：4556-…（有効期限12/28、セキュリティコード123）」) make it a card's whatever it is labelled: a form's field
# mislabelled, or a reference number's label left above a pasted card. Both, with their values, within a few lines: a
# reference number's own expiry (「有効期限 12/28（引換券）」) or a warning that speaks of the code names no card.
_CARD_DATA_WINDOW = 80
_CARD_EXPIRY = re.compile(
    r"(?:有効期限|有効年月|期限|exp(?:iry|iration)?|valid[ \t]*thru)[^0-9\n]{0,4}(?:0?[1-9]|1[0-2])[ \t]*/[ \t]*(?:20)?[0-9]{2}(?![0-9])"
)
_CARD_SECURITY_CODE = re.compile(r"(?:セキュリティー?コード|cvv2?|cvc2?|\bcid\b)[^0-9\n]{0,4}[0-9]{3,4}(?![0-9])")


def _card_data_after(doc: Document, b: int) -> bool:
    """Whether a card's expiry and security code, with their values, follow the number ending at numview offset ``b``
    (within its paragraph)."""
    window = doc.folded[b : b + _CARD_DATA_WINDOW]
    window = window.split("\n\n", 1)[0]
    return _CARD_SECURITY_CODE.search(window) is not None and _CARD_EXPIRY.search(window) is not None


def _card_at(doc: Document, a: int, b: int, named: bool, *, vouched: bool = False) -> bool:
    """Whether the digits at numview offsets [a, b) are a card's number rather than a code, an example, prices or
    tickets listed (「整理券 4012 4127 4388 4517 番の方」, unless ``named``: the card's name is before them). A number
    ``vouched`` for by the card's expiry and security code after it is a card's under any other number's label."""
    digits = _digits(doc.numview[a:b])
    # No brand issues thirteen-digit cards any more (Visa's were the last), while a 法人番号 is thirteen digits, public,
    # and given bare after a company's name or as an invoice's 「T4110001234569」 (one in ten passes Luhn): only a number
    # named as a card's is one. 45 and 49 begin a Japanese JAN code even then.
    if len(digits) == 13 and (digits.startswith(("45", "49")) or not named):
        return False
    if not named and _counted_list(doc, a, b):
        return False
    # A label on the line above is the list's heading (_labelled_as_other_number reads it too: 「$」 matches before
    # the line break), and a list's item is one of the list's shape.
    starts_line = _LIST_LINE_LEAD.fullmatch(doc.numview, doc.line_start(a, norm=True), a) is not None
    if not vouched and (
        (not starts_line and _labelled_as_other_number(doc, a)) or _listed_after_other_number(doc, a)
        or _under_other_header(doc, a) or _listed_in_its_shape(doc, a, b)
    ):
        return False
    if not (_CARD_PREFIX.match(digits) and luhn_is_valid(digits)) or _example(doc, a, b) or _id_in_link(doc, a, b):
        return False
    parts = _GROUP.findall(doc.numview, a, b)
    round_numbers = len(parts) > 1 and all(_ROUND_GROUP.fullmatch(g) for g in parts)
    return not (round_numbers or _CURRENCY_AFTER.match(doc.folded, b))  # prices listed: 「3000・3500・4000・4500円」


def _expiry(group: str, year: int) -> bool:
    """Whether a group of digits reads as a card's expiry 「MMYY」 of the years around ``year``."""
    if len(group) != 4 or not group.isdigit() or not 1 <= int(group[:2]) <= 12:
        return False
    return (int(group[2:]) - year % 100) % 100 in (*range(0, 11), *range(90, 100))


_LOCAL = r"(?<![A-Za-z0-9._%+\-])[A-Za-z0-9][A-Za-z0-9._%+\-]*"
_DOMAIN = r"((?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,})(?![A-Za-z0-9\-])"
_EMAIL = re.compile(rf"{_LOCAL}@{_DOMAIN}")
# The dot of the domain typed as the ideographic full stop, as a Japanese IME gives it (「taro@gmail。com」;
# 「．」 and 「｡」 are a dot and 「。」 in the normalised view), with spaces around it (「taro@gmail . com」)
# or spelled out (「taro@gmail dot com」): the same address to whoever reads it. Only with a real public
# suffix after it. A dot with a space after it only ends an English sentence (「…@city.joetsu.lg.jp.
# Co-hosted by…」), and 「。」 before anything but a domain's letters a Japanese one: the address keeps
# what it had.
# A comma typed for the dot (「taro@gmail,com」, the keys side by side) reads the same, but only before the suffixes
# mail addresses end in (com, net, org, jp and jp's second levels): after a comma, 「hi@everyone,me」 is as likely prose.
_COMMA_DOT = r",(?=(?:com|net|org|jp|(?:co|ne|or|ac|ed|go|gr|lg)[,.]jp)(?![A-Za-z0-9\-]))"
_ODD_DOT = rf"(?:\.|[ \t]*+。[ \t]*+|[ \t]++\.[ \t]*+|[ \t]++(?:dot|DOT|ドット|どっと)[ \t]++|{_COMMA_DOT})"
_ODD_DOT_RE = re.compile(_ODD_DOT)
# The address may also be wrapped right after its 「@」 (「taro@⏎gmail.com」, a narrow window or a pasted PDF broke
# the line there): nothing else ends a line with a 「@」 glued to a word. Not at a dot of the domain: 「…@city.lg.jp.⏎
# Info: …」 is a sentence ending there.
_ODD_DOT_EMAIL = re.compile(
    rf"{_LOCAL}@(?:[ \t]*\n[ \t]*)?"
    rf"(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?{_ODD_DOT})+[A-Za-z]{{2,}})(?![A-Za-z0-9\-])"
)
# An address inside a link, its 「@」 percent-encoded as links carry it: a form's prefilled answer
# (「…/viewform?entry.1=taro%40gmail.com」) or a copied mailto link (「mailto:taro%40gmail.com」).
_ENCODED_EMAIL = re.compile(rf"(?<![A-Za-z0-9._%+\-])(?P<local>[A-Za-z0-9][A-Za-z0-9._+\-]*)%40{_DOMAIN}")
_ODD_DOT_HINT = re.compile(r"。| \.|(?i:dot)|ドット|どっと|[A-Za-z0-9],[a-z]|@[ \t]*\n")
# Addresses written so that harvesters miss them but every reader can rebuild them:
# taro(at)example.com, taro [at] example(dot)com, taro(アットマーク)example.com (NFKC view, so
# full-width brackets count too).
# Japanese brackets too, as an IME offers them: taro【at】example.com, taro「@」example.com, the rarer
# ones its symbol list has (〘at〙 ≪at≫ 〖at〗), and a pair mixed up (taro（at】example.com): the reader
# rebuilds the address all the same. The dot in brackets as well (taro(@)example(.)com), or typed as
# 「。」 (taro(at)example。com); the domain must still end in a real public suffix.
# 「(a)」 as well (「taro(a)gmail.com」), as many Japanese pages and flyers write it; a list's 「(a)」 has no address
# around it (「条件(a)および(b)」).
_AT_WORD = r"(?:at|a|@|アットマーク|アット|あっとまーく|あっと)"
_BRACKET_PAIRS = (
    "()", "[]", "{}", "<>", "【】", "《》", "〈〉", "「」", "『』", "〔〕", "〘〙", "〖〗", "〚〛", "≪≫", "«»"
)
_OPENING = "".join(p[0] for p in _BRACKET_PAIRS)
_CLOSING = "".join(p[1] for p in _BRACKET_PAIRS)
_DOT_WORD = rf"[ \t]*[{re.escape(_OPENING)}](?:dot|ドット|どっと|\.)[{re.escape(_CLOSING)}][ \t]*"
_IDEOGRAPHIC_DOT = r"[ \t]*。[ \t]*"
_OBFUSCATED_DOMAIN = (
    rf"(?P<domain>(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?(?:\.|{_IDEOGRAPHIC_DOT}|{_DOT_WORD}))+[A-Za-z]{{2,}})"
    r"(?![A-Za-z0-9\-])"
)
_BRACKETED_AT = re.compile(
    rf"(?i)(?P<local>{_LOCAL})(?P<before>[ \t]*)[{re.escape(_OPENING)}](?P<at>{_AT_WORD})[{re.escape(_CLOSING)}]"
    rf"(?P<after>[ \t]*){_OBFUSCATED_DOMAIN}"
)
# A symbol standing in for "@", with the note that says so: 「taro★example.com（★を@に変えてください）」.
_STAND_IN = "★☆●○◎■□◆◇▲△▼▽※♪*#"
_STAND_IN_NOTE = re.compile(
    rf"([{_STAND_IN}])(?:マーク|印)?[」』\"']?[ \t]*(?:を|は|→|⇒|->|=)[ \t]*(?:半角の?|全角の?)?[「『\"']?[ \t]*"
    r"(?:@|アットマーク|アット)"
)
# The 「@」 with a space after it (「taro@ gmail.com」「taro @ gmail.com」), or spelled out without
# brackets (「taro アットマーク gmail.com」「taro アット gmail.com」; 「アットホーム」 has no domain after it): the
# address is as plain to a reader. A space before it only is a handle (「Follow us @joetsu.city」: Instagram names
# have dots), but for a free-mail domain, which no account is named after (「taro @gmail.com」, typed on a phone).
_LOOSE_AT = re.compile(
    rf"(?P<local>{_LOCAL})(?:[ \t]*@[ \t]+|[ \t]*(?:アットマーク|あっとまーく|アット|あっと)[ \t]*){_OBFUSCATED_DOMAIN}"
)
_LOOSE_AT_HINT = re.compile(r"@ |アット|あっと")
_FREE_MAIL = (
    "gmail.com", "googlemail.com", "yahoo.co.jp", "ymail.ne.jp", "yahoo.ne.jp", "yahoo.com", "icloud.com", "me.com",
    "mac.com", "outlook.com", "outlook.jp", "hotmail.com", "hotmail.co.jp", "live.jp", "live.com", "msn.com",
    "docomo.ne.jp", "ezweb.ne.jp", "au.com", "softbank.ne.jp", "i.softbank.jp", "ymobile.ne.jp", "nifty.com",
    "biglobe.ne.jp", "ocn.ne.jp",
)
# Not the English words that name the domain itself (「emails from @gmail.com」「addresses like @yahoo.co.jp」), nor the
# provider's or carrier's name before its domain, as a post on mail settings lists them (「Gmail @gmail.com」「docomo
# @docomo.ne.jp、au @ezweb.ne.jp、SoftBank @i.softbank.jp」).
_DOMAIN_NAMED_BY = frozenset({
    "from", "to", "use", "using", "with", "via", "by", "and", "or", "the", "like", "as", "no", "not", "any", "your",
    "our", "e.g", "eg", "such", "than", "including", "accept", "block", "allow", "other", "whitelist", "allowlist",
    "permit", "receive", "domain", "domains", "address", "addresses",
    "gmail", "google", "yahoo", "icloud", "apple", "outlook", "hotmail", "microsoft", "docomo", "au", "ezweb",
    "softbank", "ymobile", "nifty", "biglobe", "ocn",
})
_SPACED_AT = re.compile(
    rf"(?i)(?P<local>{_LOCAL})[ \t]+@(?P<domain>{'|'.join(map(re.escape, _FREE_MAIL))})(?![A-Za-z0-9.\-])"
)
# Spelled out with spaces and no brackets: 「taro at example dot com」「taro アット example ドット jp」.
# Only with a spelled-out 「dot」 too, a real public suffix (below) and a word of mail or contact
# near it, so that English prose (「meet us at the station」「look at this dot com」) is no address.
_SPELLED_DOT = r"[ \t]+(?:dot|ドット|どっと)[ \t]+"
_SPELLED_AT = re.compile(
    rf"(?i)(?P<local>{_LOCAL})[ \t]+(?:at|アット|あっと)[ \t]+"
    rf"(?P<domain>[A-Za-z0-9\-]+(?:{_SPELLED_DOT}[A-Za-z0-9\-]+)+)(?![A-Za-z0-9\-])"
)
_SPELLED_DOT_RE = re.compile(_SPELLED_DOT, re.IGNORECASE)
_SPELLED_HINT = re.compile(r"(?i) dot |ドット|どっと")
_MAIL_WORDS = re.compile(r"(?i)mail|contact|address|write to|メール|アドレス|連絡|問い?合わ?せ|宛|送信|送って")
_MAIL_WORDS_BEFORE, _MAIL_WORDS_AFTER = 40, 20
_DOT_WORD_RE = re.compile(rf"{_DOT_WORD}|{_IDEOGRAPHIC_DOT}", re.IGNORECASE)
# A 「。」 that ends the sentence after the address (「taro(at)gmail.com。LINEでも…」「Hall(at)Civic。Center」),
# not its dot: what follows it is no public suffix, or is a word with capitals (a domain is typed in lower case).
_IDEOGRAPHIC_LABEL = re.compile(r"。[ \t]*([A-Za-z]+)")
# Cheap test before the slower address pattern (scanned from every letter): almost no draft has it.
_BRACKETED_AT_HINT = re.compile(rf"(?i)[{re.escape(_OPENING)}]{_AT_WORD}[{re.escape(_CLOSING)}]")


def _obfuscated_emails(doc: Document) -> Iterator[tuple[int, int, str, str]]:
    """(start, end, local part, domain) in the normalised view for each disguised address."""
    if _BRACKETED_AT_HINT.search(doc.norm):
        for m in _BRACKETED_AT.finditer(doc.norm):
            # 「(a)」 apart from the words is a list's item (「Step 1 (a) www.google.com で検索 (b) …」「Visit us (a)
            # www.…」); the address is written glued (「taro(a)gmail.com」).
            if m["at"].lower() == "a" and (m["before"] or m["after"]):
                continue
            yield m.start(), m.end(), m["local"], m["domain"]
    if _LOOSE_AT_HINT.search(doc.norm):
        for m in _LOOSE_AT.finditer(doc.norm):
            yield m.start(), m.end(), m["local"], m["domain"]
    if " @" in doc.norm or "\t@" in doc.norm:
        for m in _SPACED_AT.finditer(doc.norm):
            if m["local"].lower().rstrip(".") not in _DOMAIN_NAMED_BY:
                yield m.start(), m.end(), m["local"], m["domain"]
    if _SPELLED_HINT.search(doc.norm):
        for m in _SPELLED_AT.finditer(doc.norm):
            if _MAIL_WORDS.search(doc.norm, max(0, m.start() - _MAIL_WORDS_BEFORE), m.end() + _MAIL_WORDS_AFTER):
                yield m.start(), m.end(), m["local"], _SPELLED_DOT_RE.sub(".", m["domain"])
    for sym in {m.group(1) for m in _STAND_IN_NOTE.finditer(doc.norm)}:
        for m in re.finditer(rf"(?P<local>{_LOCAL}){re.escape(sym)}{_OBFUSCATED_DOMAIN}", doc.norm):
            yield m.start(), m.end(), m["local"], m["domain"]


# An account's handle written right after the service's name (「公式Instagram@joetsu.kanko」「LINE@joetsu.city で友だち
# 追加」, LINE@ being the old name of LINE's official accounts): Instagram and Facebook names have dots, so the plain
# pattern reads an address there, which nobody can mail. The long names in any case; the short ones (X, IG, FB, LINE)
# only in capitals as the services write them: 「line@joetsu-kanko.jp」 may be a mailbox of that name.
_SERVICE_NAME = re.compile(r"(?i:instagram|insta|twitter|facebook|tiktok|youtube|threads|bluesky)|X|IG|FB|LINE")


# What comes just before the 「user:pass」 of an address with a scheme other than http(s).
_IN_AUTHORITY = re.compile(r"(?i)(?<![A-Za-z0-9+.\-])[a-z][a-z0-9+.\-]{1,20}://[^\s/?#@]*$")


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
    ドメインの「.」を「。」「．」で書いたり、前後に空白を入れたり「dot」と書いたりしたアドレス（「taro@gmail。com」
    「taro@gmail . com」「taro@gmail dot com」）や、「.」を「,」と打ち間違えたアドレス（「taro@gmail,com」「taro@yahoo,co,jp」。
    「,」の後が com・net・org・jp などのときに限ります）、「@」の直後で改行したアドレス（「taro@」の次の行に「gmail.com」）も、
    実在するドメインの形なら同じ扱いです。リンクの中で「@」を
    「%40」と書いたアドレス（フォームの回答を埋め込んだ URL や「mailto:taro%40gmail.com」）も見つけます。
    `taro(at)example.com`、`taro[at]example(dot)com`、「taro【at】example.com」「taro「@」example.com」、
    「taro〘at〙example.com」や括弧の組が合っていない「taro（at】example.com」、点も括弧に入れたり「。」で
    書いたりした「taro(@)example(.)com」「taro(at)example。com」、
    「taro★example.com（★を@に変えてください）」
    「taro(a)example.com」「taro アットマーク example.com」「taro アット example.com」「taro@ example.com」、
    フリーメールの「taro @gmail.com」のように伏せ字にしたり空白を入れたりした
    アドレスや、「連絡先 taro at example dot com」のように英語で読み上げる形で書いたアドレス（近くに
    メール・連絡などの語があるとき）も、読めば宛先が分かるので同じ扱いです。URL の中の「@」
    （`https://…@example.com/`）はアドレスではないので対象外です（行き先は link.untrusted が見ます）。
    「記入例：taro@example.com」「例）…」の直後や「… のように入力」「… の形式で入力」と書式の例として示したアドレス、
    「記入例）」で始まる行や、「【記入例】」だけの見出しの行の下に「メール：…」のように並べた欄のアドレスも対象外です
    （「例年」「事例」「条例」の「例」は除きます）。
    「公式Instagram@joetsu.kanko」「LINE@joetsu.city」のように SNS の名前のすぐ後に書いたアカウント名もアドレスでは
    ないので対象外です（X・IG・FB・LINE は大文字で書いたときに限ります。「line@joetsu-kanko.jp」は知らせます）。
    「Follow us @joetsu.city」のように「@」の前にだけ空白があるものもアカウント名として扱います（フリーメールのドメインを除きます）。
    """
    official = (*ALWAYS_TRUSTED_SUFFIXES, *ctx.policy.official_email_domains)
    allowed = {unicodedata.normalize("NFKC", a).strip().lower() for a in opts.allow}

    def exempt(local: str, domain: str) -> bool:
        address = f"{local}@{domain}".lower()
        return address in allowed or any(host_matches(domain.lower(), d) for d in (*official, *allowed))

    addresses = [(m.start(), m.end(), m.group().rsplit("@", 1)[0], m.group(1)) for m in _EMAIL.finditer(doc.link_view)]
    if "@" in doc.norm and _ODD_DOT_HINT.search(doc.norm):
        odd: dict[int, tuple[int, int, str, str]] = {}
        for m in _ODD_DOT_EMAIL.finditer(doc.norm):
            domain = _ODD_DOT_RE.sub(".", m["domain"])
            # A domain complete before the comma is followed by a list's comma (「koho@city.joetsu.lg.jp,com…」): the
            # plain pattern's address stands.
            head = _ODD_DOT_RE.sub(".", m["domain"].split(",", 1)[0])
            if "," in m["domain"] and "." in head and is_known_suffix(head.lower()):
                continue
            if (domain != m["domain"] or "\n" in m.group()) and is_known_suffix(domain.lower()):
                odd[m.start()] = (m.start(), m.end(), m.group().rsplit("@", 1)[0], domain)
        if odd:
            # In place of what the ASCII pattern made of the same address (「taro@mail.gmail」).
            addresses = sorted([*odd.values(), *(a for a in addresses if a[0] not in odd)])
    if "%40" in doc.norm:
        addresses = sorted([*addresses, *((m.start(), m.end(), m["local"], m.group(2)) for m in _ENCODED_EMAIL.finditer(doc.norm))])
    for a, b, local, domain in addresses:
        # 「記入例：taro@example.com」「… の形式で入力」: the format a form asks for, as a 記入例's phone number is.
        if exempt(local, domain) or _example(doc, a, b) or _SERVICE_NAME.fullmatch(local):
            continue
        start, end = doc.span(a, b)
        if (u := doc.url_at(start)) is not None and u.userinfo:
            continue  # the userinfo@host of a link, not an address
        if _IN_AUTHORITY.search(doc.norm, max(0, a - 100), a):
            continue  # 「mysql://root:pass@db…」: a connection string's user (confidential.secret's)
        yield Hit(
            start,
            end,
            "公式ドメイン以外のメールアドレスです。個人のアドレスでないか確認し、課の公式アドレスに置き換えてください。",
        )
    for a, b, local, raw_domain in _obfuscated_emails(doc):
        domain = _DOT_WORD_RE.sub(".", raw_domain).lower()
        # The last label only: a long run of 「ab。ab。…」 cut a label at a time would take quadratic time.
        stop = raw_domain.rfind("。")
        if stop >= 0 and (tail := _IDEOGRAPHIC_LABEL.fullmatch(raw_domain, stop)) is not None and (
            not is_known_suffix(domain) or not tail[1].islower()
        ):
            cut = raw_domain[:stop].rstrip(" \t")
            b -= len(raw_domain) - len(cut)
            domain = _DOT_WORD_RE.sub(".", cut).lower()
        # A disguised address is only recognised with a real public suffix (not 「A(at)B.C」).
        if exempt(local, domain) or not is_known_suffix(domain) or _example(doc, a, b):
            continue
        start, end = doc.span(a, b)
        yield Hit(
            start,
            end,
            "公式ドメイン以外のメールアドレスです（「(at)」などで伏せても、読む人には宛先が分かります）。"
            "個人のアドレスでないか確認し、課の公式アドレスに置き換えてください。",
        )


# A street-level address: 丁目/番地/番/号, or N-N(-N) after a place name. A number is tried from its
# first digit only: from every digit, a run of thousands of them made the search quadratic.
# Kanji numerals, as formal letters write an address (「本町三丁目四番五号」「三丁目五番地十二」).
# A flat's room after the street number (「本町3-5-12-101」「本町3丁目5番地12-101」), and a rural lot,
# which has no 番地: 「大字」, the place and its number (「大字土橋1234」). A space after the town's name (「本町 3-4-5」
# 「本町　３－４－５」, as a form's cells or an IME's full-width space leave it), before a chome's short first group and two
# more: not an era's date (「令和 7-12-1」), a range (「小学 1-3年」) or another number's label (「電話 25-526-5111」「番号
# 12-34-56」「期間 12-1-31」).
_K = "[一二三四五六七八九十〇百]"
_ADDRESS = re.compile(
    r"(?:[一-龯ぁ-んァ-ヶ]{1,10}?)?(?:(?<![0-9])[0-9]+丁目\s*+[0-9]+(?:番地?|-)\s*+[0-9]*(?:号)?(?:-[0-9]+)?"
    r"|(?<![0-9])[0-9]+番地(?:\s*+[0-9]+(?:-[0-9]+)?)?|(?<![0-9])[0-9]+番\s*+[0-9]+号|[一-龯]{1,6}[0-9]+(?:-[0-9]+){1,3}"
    # 昭和 and 平成 are towns' names too (上越市昭和町, 「昭和 3-4-5 山田花子様」), as glued to the numbers they are read; a
    # date of theirs beside a name is a birthday, said so (「昭和 3-4-5生」). 令和's is a date of today (「令和 7-12-1 …」).
    r"|(?<!令和|電話|番号|期間|日時|日付|内線|携帯)(?<![日月年時号第期数])(?<=[一-龯])[ \t][0-9]{1,2}(?:-[0-9]+){2,3}"
    r"(?![0-9-]|[ \t]*生)"
    r"|大字[一-龯ァ-ヶ]{1,8}[0-9]+(?![0-9])"
    # The groups joined by 「の」, as the number is said (「本町3の4の5の山田さん宅」): three of them, after the town's name.
    # Not an ordinal's (「第1の2の3」) nor a count's (「3の2の5人」).
    r"|[一-龯]{1,6}(?<!第)[0-9]{1,2}の[0-9]{1,4}の[0-9]{1,4}(?![0-9]|の[0-9]|[ \t]*(?:人|名|回|組|年|歳|才|位|点))"
    # The same in kanji digits (「本町三の四の五 山田花子様」), as a number read out is written down.
    rf"|[一-龯]{{1,6}}(?<!第){_K}{{1,3}}の{_K}{{1,4}}の{_K}{{1,4}}(?!{_K}|の{_K}|[ \t]*(?:人|名|回|組|年|歳|才|位|点))"
    rf"|{_K}+丁目\s*+{_K}+(?:番地?|-)\s*+(?:{_K}+号?)?|{_K}+番地|{_K}+番\s*+{_K}+号)"
)
# What every _ADDRESS match contains, found in one cheap pass: most drafts have no address, and
# _ADDRESS's optional place-name prefix makes it slow to try at every position.
_ADDRESS_HINT = re.compile(
    rf"[0-9](?:丁目|番)|[一-龯][0-9]+[-の][0-9]|[一-龯][ \t][0-9]{{1,2}}-[0-9]+-[0-9]|大字|{_K}(?:丁目|番地|番\s*+{_K}+号)"
    rf"|{_K}の{_K}+の{_K}"
)
# 「1日2-3回」「徒歩3ー4分」「小学1ー3年生」「要介護3ー5の方」 near 自宅 are ranges of a count or
# a grade (IMEs type 「ー」 between them as often as 「～」), not a street number.
_RANGE = re.compile(
    r"[ \t]*+(?:回|日|年|分|時間?|秒|人|名|歳|才|ヶ月|か月|カ月|ヵ月|週|セット|個|枚|件|割|倍|度|%|円|杯|錠|"
    # 「本町1-3丁目の皆さん」: the 丁目 of a town, one to three, as a collection day or a road closure gives them.
    r"cm|mm|km|kg|m(?![A-Za-z])|g(?![A-Za-z])|メートル|センチ|キロ|階|丁目)"
)
_GRADE_BEFORE = re.compile(r"(?:要介護|要支援|震度|第)$")
# A teacher's home, as a parent or a class notice says it (「担任の山本先生の家は本町3-4-5です」): 先生 is no honorific
# the name reader knows, and a surname alone is no name, so the home is the marker.
# 「高齢者宅」「利用者宅」「対象者宅」: a person's home named by who lives there. 「住址」 is a home's address in a
# Chinese post (「王芳女士的住址：…」; a venue is 「地址」), a word Japanese does not use, and so is 「住在」 (lives at:
# 「王先生住在上越市本町3-4-5」). Someone's home said as theirs (「住まいは本町3丁目4-5で」「本町3-4-5に住んでいます」); not
# 「お住まいの方」 or 「付近に住んでいる方」, which are everyone at the place.
# 「山田さんのお宅（本町3-4-5）」「佐藤様のご実家」: a named person's home said with 「の」, as 先生の家 is. Not everyone's
# (「みなさんのおうちで余った食品を」「皆様のお宅を訪問します」「お客様の家」「利用者さんの家」「会員様」「お子さんの家」).
_PRIVATE = re.compile(
    r"さん宅|様宅|様方|さん方|氏宅|君宅|ちゃん宅|者宅|自宅|個人宅|私宅|先生宅"
    r"|(?:先生|(?<!皆)(?<!みな)(?<!客)(?<!者)(?<!員)(?<!お子)(?<!近所)(?:さん|様))の(?:お宅|ご?実家|お?家|おうち)(?![一-龯])"
    r"|住址|住在|(?<![おご])住まい(?:は|:)|に住んで(?:います|おります)"
)
# A flat's name and its room right after the address (「大手町2-3-4 コーポ上越201号」「仲町4-5-6 グランドマンション505号室」
# 「五智2丁目3番4号 メゾン五智102」): a household's door, whoever lives behind it, as a room after the street number is
# (「本町3-5-12-101」). Only a name that says it is lived in: an office block's or a hall's room (「本町ビル101号室」「市民プラザ
# 201号室」) is a business's or a venue's, and so is a floor (「ハイツ本町1階」「コーポ上越 2F」): a shop, a clinic, an office
# or a hall gives its floor, in a flat's building too (「…コーポ上越2F やまだ整体院」「ホテルパレス上越 2階 鳳凰の間」), and a
# resident gives the room. Nor a year after the flat's name (「ハイツ本町 2024」「マンション本町 2025 完成予定」) unless 号 makes it a room.
# Nor a number counting or measuring something (「マンション建設予定地 3000㎡」「120世帯」): no room.
_DWELLING = r"コーポ|ハイツ|アパート|マンション|メゾン|レジデンス|ハイム|荘|パレス|ヴィラ|シャトー|ドミール|カーサ"
_FLAT_ROOM_AFTER = re.compile(
    rf"[ \t]*[^\s、。,()（）「」【】]{{0,10}}?(?:{_DWELLING})[^\s、。,()（）「」【】0-9]{{0,10}}?[ \t]*"
    r"(?:(?:[A-Z][ \t]*-?[ \t]*)?(?!(?:19|20)[0-9]{2}(?![0-9]|号))[0-9]{2,4}(?:号室|号)?"
    r"(?![0-9]|[ \t]*(?:階|F|f|号棟|棟|月|日|年|時|分|回|人|名|円|%|件|台|戸|部屋|室|世帯|区画|m|坪|平方|万|千)))"
)
# A house said to be at the address (「本町3丁目4番5号の住宅に空き巣が入りました」「本町3-4-5の民家で火災」), as a crime or
# a fire is reported: whose home it is the neighbours know. Only the word standing alone, or the fire's or the break-in's
# (「住宅火災」「民家全焼」「住宅侵入」): a compound is something else at the address (「住宅展示場」「住宅地」「住宅相談会」
# 「住宅リフォーム相談会」「住宅型有料老人ホーム」「住居表示」). Nor a house the post offers or the city owns
# (_NOT_A_HOME_FLAT, 空き家).
_HOUSE_AFTER = re.compile(
    r"[ \t]*の?[ \t]*(?:一般|個人|木造)?(?:住宅|民家|住居|家屋)"
    r"(?:(?=火災|全焼|半焼|部分焼|侵入|浸水|倒壊|付近|周辺|敷地)|(?![一-龯々ァ-ヶー]))"
)
# The flats and houses a post may give the room or the street number of that are nobody's home yet or a business's:
# public housing offered to let (「市営住宅 … ハイツ本町 203号室 の入居者を募集します」), a room to let or to try living
# in (「移住者向け賃貸：… コーポ本町 102号室 家賃3万円」「【お試し住宅】… ハイツ本町201号室」), a house the city owns,
# sells or pulls down as a vacant one (「【市有財産売却】本町3-4-5の住宅を一般競争入札で売却します」「特定空家等（…の家屋）の
# 除却」), a shop's, an office's or a class's room.
_NOT_A_HOME_FLAT = re.compile(
    r"市営|県営|町営|村営|公営|公社|団地|入居者?(?:募集|の募集|を募集)|空室|空き部屋|テナント|店|カフェ|食堂|サロン|教室|事務所"
    r"|オフィス|営業|会場|センター|クリニック|医院|歯科|整骨院|治療院|民泊|宿|ホテル|旅館|ゲストハウス"
    r"|賃貸|家賃|間取り|お試し住宅|移住体験|市有|公有|売却|売買|入札|公売|空き?家"
    # A hall's function (「パレス上越 3階 山田様・佐藤様ご両家 結婚披露宴」): パレス names a wedding hall as often as a flat.
    r"|披露宴|結婚式|挙式|式場|宴会|祝賀会|ご?両家"
)
# A venue's address: under its label (「会場：本町3-4-5」) or in brackets after a facility's name (「避難所（本城町7-7）」
# 「支援センター（木田1-1-3）」). 「自宅」 near it there is anyone's home, as a place to watch from or set out from
# (「会場：本町3-4-5 市民プラザ（自宅からのオンライン参加も可）」「自宅から避難所（本城町7-7）までの経路」), or a word of a
# compound (「自宅療養者支援センター（…）」), unless tied to the address (「会場は本町3-4-5の自宅です」).
_HANDOVER = r"(?<!受取)(?<!受け取り)(?<!受取り)(?<!引取)(?<!引き取り)(?<!引取り)(?<!渡し)(?<!受渡)"
_FACILITY_WORDS = r"プラザ|ホール|会館|公民館|公園|避難所|駅|ギャラリー|美術館|博物館|図書館|病院|医院|クリニック|神社|寺|庁舎|校舎"
# Not where a resident hands a thing over (「受取場所：」「引き取り場所：」「お渡し場所は」): a giveaway's home (_CONTACT_BEFORE).
_VENUE_BEFORE = re.compile(
    rf"(?:(?:会場|開催場所|開催地|集合場所|受付場所|{_HANDOVER}場所)は?[ \t:　]*|(?:{_FACILITY_WORDS}|{{org}})[ \t]*[(（][ \t]*)$"
)
# The reader's home as where something goes or is sent (「高田図書館（本城町8-30）の本を自宅に届ける」「自宅へ」「自宅まで」「自宅を
# 出る」) too.
_HOME_ELSEWHERE = re.compile(r"から|でも?|に|へ|まで|を|[一-龯]")
# Anywhere, 「自宅」 in these words is everyone's home, not the one at the address beside it (「自宅周辺の側溝清掃 本町
# 3丁目4番地付近」「自宅療養者支援センター（木田1-1-3）」). 「自宅住所」 is one, and so is such a word labelling the
# address (「自宅療養先 本町3-4-5」「自宅待機中：本町3-4-5」). Care given or a visit paid at home (「自宅介護中の母」
# 「自宅訪問先」) is one person's home, not everyone's.
_HOME_COMPOUND = re.compile(r"(?:周辺|付近|周り|療養|待機|避難|学習|保育|勤務)(?![ \t]*(?:先|中?[ \t]*:))")
_TIED = re.compile(r"[ \t\n:：()（）\[\]【】、]*(?:の|にある)?[ \t\n:：()（）\[\]【】]*")
# Unless 「自宅」 right after the bracket says the place is a home (「ギャラリー（本町3-4-5）自宅兼アトリエ」「ふれあいプラザ
# （本町3-4-5）自宅の一部を開放」), as inside it (「（本町3-4-5 自宅の一部を開放）」).
_HOME_AT_THE_BRACKET = re.compile(r"[ \t]*\)[ \t※]*自宅")
_HOME_IS_THE_PLACE = re.compile(r"兼|の一部|を(?:開放|改装|改修)|です|であ")
# The writer's own home named right before the address, as its label or its subject (「わたしの実家は本町3-4-5です」
# 「我が家（本町3-4-5）の雪下ろしを」「うちの住所は…」「実家：…」), and someone said to live at it right after
# (「本町3-4-5に住む80代の女性」): a household as 「自宅」 is, no name needed. Tied to the address only: 「我が家の防災講座
# （会場 本町3-4-5 市民プラザ）」「実家じまい相談会 会場：…」「…付近に住む方」 name no home there, and 「ご実家」 is the reader's.
# Not the name of a care home, a shop or a community space that calls itself so (「グループホームわが家（本町3-4-5）」
# 「お食事処 わが家 本町3-4-5」「地域の茶の間 うちの実家 本町3-4-5」「みんなの実家（…）」): a word before it, glued or a
# space apart, or 「みんなの」「まちの」, names the place.
_OWN_HOME_BEFORE = re.compile(
    r"(?<![一-龯々ァ-ヶーA-Za-z0-9])(?<![一-龯々ァ-ヶーA-Za-z0-9][ \t])"
    r"(?:(?:私|わたし|あたし|僕|ぼく|俺|おれ|(?<!お)うち|ウチ)の(?:ご?実家|お?家|おうち|自宅|住所|住まい)|我が家|わが家"
    r"|(?<![おご])(?<!うちの)(?<!ウチの)(?<!みんなの)(?<!まちの)(?<!町の)(?<!街の)(?<!地域の)(?<!第二の)実家)[ \t]*(?:は|:|\()?[ \t]*$"
)
# Unless it is a house nobody lives in any more, listed or sold (「空き家になった実家（本町3-4-5）を空き家バンクに登録」).
_VACANT = re.compile(r"空き?家|売却|売買|賃貸|入札|公売")
# Or a person given by the address and their age (「本町3-4-5の70代女性が」「…の80代の男性」), as a police report on a
# victim is passed on; not an age group something is for (「本町3-4-5の60代以上の方向け」), nor living there supposed
# (「本町3-4-5に住むなら」).
# Nor everyone on a block a notice is for (「断水のお知らせ：本町3丁目4番に住む皆様へ」「…に住んでいる方々は給水車を」), nor
# the people a class is for (「本町3-4-5の20代女性向けセミナー」「…の10代男性対象」).
# A police report gives the victim's age in brackets after the person or the occupation too (「本町3-4-5の女性（82）が」
# 「…の無職、山田花子さん（82）が」「…の女子中学生（14）が」), and says where the person lives with 在住・暮らす as often as
# with 住む (「本町3-4-5在住の70代女性」「…に暮らす80代の夫婦」「…で暮らす90代の男性」).
_VICTIM = (
    r"(?:女性|男性|夫婦|主婦|母親|父親|男児|女児|会社員|会社役員|自営業|農業|無職|パート|アルバイト|公務員|高齢者|住人"
    r"|(?:女子|男子)?(?:小学生|中学生|高校生|大学生|児童|生徒)|男の子|女の子|親子|一家|家族)"
)
# Nor the people of a kind a notice is for, named a few words on (「本町3-4-5在住の女性の皆様へ」「…に暮らす高齢者の皆さんへ」
# 「…在住の児童・生徒の皆さんへ」「…に暮らす外国人住民向けの相談会」「…在住の高齢者の方は」).
_FOR_EVERYONE = r"[^。、,\n]{0,12}?(?:皆|みな[さ様]|各位|方々|向け)"
_FOR_A_CLASS = rf"(?![ \t]*(?:の方)?[ \t]*(?:向け|対象|限定|専用|のみ|募集|歓迎)|{_FOR_EVERYONE}|[ \t]*の方[はへもに])"
_LIVES_AT_AFTER = re.compile(
    r"[ \t]*(?:(?:に(?:住む|暮らす)|で暮らす)(?!なら|には|ため)"
    r"|(?:に住んで|[にで]暮らして)(?:いる|いた|います|いました|おります|おりました)"
    rf")(?![ \t]*(?:皆|みな|全て|すべて|各|方々|住民|世帯)|{_FOR_EVERYONE})"
    rf"|[ \t]*(?:の|在住の?)[ \t]*[0-9]{{1,3}}(?:代|歳|才)(?:の)?{_VICTIM}{_FOR_A_CLASS}"
    rf"|[ \t]*在住の?[ \t]*{_VICTIM}{_FOR_A_CLASS}"
    # A news report lists them with commas (「本町3-4-5在住、無職、山田太郎（70）」「上越市本町3-4-5、会社員、山田太郎さん（45）」).
    rf"|[ \t]*(?:の|在住の?|(?:在住)?[、,])[ \t]*{_VICTIM}[ \t]*[、,]?[^\s。、,()]{{0,12}}?\([ \t]*[0-9]{{1,3}}[ \t]*(?:歳|才)?[ \t]*\)"
    rf"{_FOR_A_CLASS}"
    # Living alone there (「本町3-4-5で一人暮らしの80代女性が」「…でひとり暮らしをしている男性（78）が」); not a class for those
    # who do (「…で一人暮らしの方向けの講座」).
    r"|[ \t]*[にで](?:一人|ひとり|独り)暮らし(?:の|を|する|して|中)(?![^。、\n]{0,10}?(?:向け|対象|限定|募集|皆|みな[さ様]|方々|始め|予定|希望))"
)
# A surname alone right after the street number, ending the line or the sentence, or before 「まで」「へ」「宛」: how a
# resident signs a notice for a lost pet or a kitten to give away (「連絡先：本町3丁目4番5号 山田」「本町3-4-5 佐藤まで」), the
# household at that door. One word the analyser reads as a name, two characters or more (「牧」 is a place as often); a
# place's name after the address is more than one (「上越市役所」「高田小学校」「大島区」).
# The shortest name first: 「山田宛」 is 山田 and 宛, not a name of three.
# 「宅」 glued to the surname is the household itself (「受取場所：本町3-4-5 佐藤宅」), whatever label is before.
# Or joined by 「の」 and written to (「お心当たりの方は本町3-4-5の佐藤までご連絡ください」「…の山田宛にお送りください」), the
# sentence going on with the call or the sending: 「まで」「宛」「宅」 make the surname the household's, where 「本町3-4-5の
# 高田」 alone is as often a district. 「宅」 is the household whatever follows (「本町3-4-5の佐藤宅へお越しください」).
_SURNAME_AFTER = re.compile(
    r"(?:[ \t]+|(?P<no>[ \t]*の[ \t]*))([一-龯々]{2,4}?)(?P<to>宅|[ \t]*(?:まで|宛て?|へ))?"
    r"(?:[ \t]*(?:[。.!！]|\n|$)|(?<=[で宛て宅])[ \t]*(?:に|へ)?[ \t]*(?:ご?連絡|お?電話|お?知らせ|お?届け|お?持ち|お?送り|送って|お?問い?合わ?せ)|(?<=宅))"
)
# But the analyser reads most of a city's districts as surnames too (高田, 直江津, 名立, 柿崎, 板倉…), and a place's line
# gives its district after the street number (「避難所：中央1-2-3 直江津」「バス停 本町3-4-5 高田」「所在地 本町3-4-5 高田」,
# a 地区 listing): a surname signs the address only where someone is to be reached or written to there, under a contact's
# label (「連絡先：」「問い合わせ先」「送り先」), before 「まで」「宛」, beside a room's number (「本町3-4-5-201 山田」),
# or in a resident's notice of a pet or a thing found (「里親募集」「迷子の犬を預かっています」「拾いました」). Not before 「へ」
# alone: it is a way to go as often (「中央1-2-3 直江津へ」「本町3-4-5 高田へ」), and signs only under a contact's label or in a
# resident's notice (「ご連絡は本町3-4-5 佐藤へ」「お心当たりの方は…小林へ」).
_HANDING_OVER = r"(?:受け?取り?|引き?取り?|お?渡し|受け?渡し)"
_CONTACT_BEFORE = re.compile(
    rf"(?:連絡先?|問い?合わ?せ先?|申し?込み?先|送り?先|送付先|返送先|宛先|差出人|{_HANDING_OVER}(?:場所|先))(?:は|:|[ \t])*$"
)
# A place to hand a thing over gives the giver's door: a word the analyser reads as a surname after its address is the
# giver's (「受取場所：本町3-4-5 和田」), in whichever city the post is, though a district may bear the same name (上越市's
# 高田 or 吉川, and 和田・吉川・柿崎 are common surnames elsewhere). The analyser reads most districts' names as places
# (大島, 春日, 頸城), and those stay silent; no list of one city's districts decides whose home another city's post gives.
_HANDOVER_BEFORE = re.compile(rf"{_HANDING_OVER}(?:場所|先)(?:は|:|[ \t])*$")
_ROOM_IN_ADDRESS = re.compile(r"[0-9]+(?:-[0-9]+){3}$|(?:号|番地?)[0-9]*-[0-9]+$")
_RESIDENTS_NOTICE = re.compile(r"里親|飼い主|迷子|預か(?:って|り)|保護して|拾い|拾った|落とし物|譲ります|譲渡|お心当たり")
_NOTICE_BEFORE = 80
_NEAR = 25
_MARKER_MAX = 8  # the longest of _PRIVATE's words
# What may stand between a label and its value on a form: 「自宅：」, 「自宅⏎」.
_LABEL_GAP = " \t\n:：　（）()【】［］[]"
# Honorifics after a name as Sudachi folds them (さん → サン), and 「方」 of an address in care of a
# household (「本町3-4-5 佐藤方」).
# A child is named with ちゃん・くん・君 as often as an adult with さん (「山田花子ちゃん（8歳）のおうちは…」).
_HONORIFICS = frozenset({"様", "サン", "氏", "殿", "方", "チャン", "クン", "君"})
# An obituary's 「儀」 after the deceased's name (「故 山田太郎 儀（本町3丁目4番5号）」「父 山田太郎儀 本町3-4-5」) is the name's,
# as 様 is: a noun glued to the name that makes it no business's.
# What stands between a name and its address in a record (「山田花子様（本町3-4-5）」, 「氏名 山田花子
# / 住所 本町3-4-5」, 「本町3-4-5の山田花子様」): spaces, brackets and punctuation, 「の」, and a form's
# labels. A verb or particle in between (「レルヒさんが春日山町1-1に」) makes it a sentence about a
# place, not a person's record. 「＝」 too, as a newspaper sets the age and the home apart (「山田太郎さん（78）＝本町3-4-5」).
_PUNCT = r"[\s()\[\]「」『』【】〔〕、,.:・/=]*"
_BETWEEN = re.compile(
    # An honorific set apart from the name (「山田花子 様 本町3-4-5」, as an address label has it), and
    # the age a record gives with the name (「山田トメさん（85歳）住所：西城町2丁目5番10号」), the 歳 often left out in a
    # list (「避難所名簿：山田トメ（85）本町3-4-5、佐藤花子（78）西城町2-5-10」).
    rf"{_PUNCT}(?:(?:様|殿|さん|ちゃん|くん|君|儀|の|(?:ご住所|住所|お住まい)は?|所在地|在住の?|氏名|お名前|名前|[0-9]{{1,3}}(?:歳|才)?|"
    # A family named by its surname (「ホストファミリー：山田さん一家（上越市本町3-4-5）」).
    rf"ご?一家|ご?家族|"
    # A child's school and grade, as a class list or a prize notice gives them with the name (「佐藤健太（3年）の家は
    # 本町3-4-5」「山田花子（高田小3年、本町3-4-5）」), and the home said plainly (「の家は」「のおうちは」).
    rf"(?:[一-龯]{{1,4}}(?:小学校|中学校|小|中))?(?:小学|中学)?[0-9]{{1,2}}年生?(?:[0-9]{{1,2}}組)?|(?:おうち|お?家)は?|"
    # Where a person lives, said in a sentence: 「本町3-4-5に住む山田花子さん」.
    rf"に(?:お住まいの|住む|住んでいる)){_PUNCT}){{0,3}}"
)
# Room for a child's school and grade between the name and the address (「山田花子さん（高田小学校3年）の住所は」).
_BETWEEN_MAX = 14
# A short note in brackets on the person (「木村花子さん（寝たきり）、住所：中郷区二本木567-8」「（一人暮らし）」
# 「（要介護3）」), as a 要支援者 list has it, and then the address under its label. Only with the label: without it
# a bracket after a name is as often the place's (「講師の山田花子さん（防災士）の教室は本町3-4-5で」).
# Where the person works, in the note (「山田さん（社協）住所：寺町2-3-4」): the address is that office's.
_ORGANISATION = r"課|係|室|局|部|協|会|所|センター|事務局|団|組合|法人|署|庁|店|社|校|園|館"
_NOTED_THEN_LABELLED = re.compile(
    rf"{_PUNCT}[(](?![^()\n]*(?:{_ORGANISATION})[)])[^()\n]{{1,10}}[)]{_PUNCT}(?:ご住所|住所|お住まい)は?{_PUNCT}"
)
# Or the note and the address in one bracket (「見守り対象者：山田トメさん（独居、本町3-4-5、電話…）」「講師の山田花子さん
# （料理研究家、本町3-4-5）」); not a note naming where the person works (「（上越市社会福祉協議会、本町3-4-5）」).
# The note names a workplace by how it ends (「…協議会」「…センター」) or as a company (「株式会社やまだ」); 「会社員」 is a person.
_NOTED_IN_BRACKET = re.compile(
    rf"{_PUNCT}[(](?![^()\n、,]*(?:(?:{_ORGANISATION})[、,]|株式会社|有限会社|合同会社|\(株\)|\(有\)|法人))[^()\n、,]{{1,10}}[、,]{_PUNCT}"
)
_NOTED_MAX = 20
# A facility's address in brackets (「地域包括支援センター（本町3-4-5）の山田花子さん」): the person named after it works or
# is met there.
# Not a neighbourhood's or a group's (「町内会（本町3-4-5）の山田さん」): its address is often a member's home.
_FACILITY_BRACKET = re.compile(
    rf"(?:{_FACILITY_WORDS}|センター|課|(?<!事務)局|署|庁|役所|役場|支所|事務所|館|校|園|店|社)[ \t]*[(（][ \t]*$"
)
_VENUE_BEFORE = re.compile(_VENUE_BEFORE.pattern.replace("{org}", _ORGANISATION))
# An official named by their post or department (「上越市長 中川幹太 様」「担当：山田花子」「健康づくり推進課 山田花子」
# 「教育長 早川義裕」「高田小学校 校長 山田太郎」) beside an address is at work: it is the office's (the city hall's, a
# school's), as a letter's heading or a 問い合わせ先 block gives it. Not a former one (「元校長」), nor a neighbourhood's
# (区長・班長・会長・理事, residents whose home is the contact), nor a pupil under a school's name, nor a volunteer's duty
# (「見守り担当 山田花子さん」: 担当 only as a label, at a line's start or after the department).
# A post held in an office is at work only after the office's name (「健康づくり推進課 保健師」「市民プラザ館長」「図書館長」
# 「高田小学校 校長」): alone it says what the person does, not where the address is, and 「保健師 山田花子（本町3-4-5）」
# 「館長 山田花子（…）」「介護職員 …」「市職員 山田花子さん（本町3-4-5）が逮捕されました」 give a home. Only the heads of a
# municipality, a prefecture, a board or a council are their office's by the post alone.
# Not 部・係・室 alone: a pupil's club or duty (「サッカー部 山田太郎くん」「飼育係」) or a class held at home (「書道教室」).
# A 事務局 or a 委員会 is the office's only as the council's or a board's (「議会事務局」「教育委員会」): a
# neighbourhood's, a PTA's or a festival's (「町内会事務局」「PTA事務局」「〇〇祭り実行委員会」) is a resident whose
# home is the contact, and the 局 of 「事務局」 alone is no department.
_DEPARTMENT = (
    r"(?<![会所])(?:課|(?<!事務)局|庁|署|事務所|支所|センター|(?<!実行)(?<!運営)(?<!準備)委員会|役所|役場"
    r"|(?:議会|委員会?|[市町村県])[ \t]?事務局)"
)
_POST = (
    r"(?:(?:部|次|局|課|室|所|館|校|園|署|係)?長(?:補佐|代理)?|副校長|教頭|センター長|主任|主査|主幹|主事|技師|参事"
    r"|保健師|看護師|(?:管理)?栄養士|保育士|教諭|司書|学芸員|(?:相談|支援|指導|調理)員|職員|担当者?)"
)
# A department's section (「高齢者支援係」「窓口係」): the 係 of a pupil's duty or a neighbourhood's is after no department.
_SECTION = r"(?:[ \t]?[一-龯々ァ-ヶー]{1,10}(?:係|室|班|グループ))?"
_BUSINESS = (
    r"店|食堂|屋|処|亭|庵|堂|房|クリニック|医院|歯科|薬局|病院|事務所|商店|農園|牧場|工房|カフェ|ベーカリー|会社|\(株\)|\(有\)"
)
_BUSINESS_POST = r"(?:店主|店長|院長|オーナー|代表(?:取締役|者)?|社長|所長|薬剤師|園主|女将|料理長|シェフ|マスター)"
_OFFICIAL_BEFORE = re.compile(
    r"(?:(?<![元前旧])(?<![元前旧]副)(?:副?(?:市|町|村)長|副?知事|教育長|副?議長)|(?<![^\s課係室:])担当者?"
    # The office's own name right before the post, itself after a word of it (「館長」 alone is no 館's name), a section of
    # a department or 「担当」 between them (「福祉課 高齢者支援係 主任」「健康づくり推進課 担当 保健師」).
    rf"|(?<=[一-龯々ァ-ヶーA-Za-z])(?:{_DEPARTMENT}{_SECTION}|館|校|園|プラザ|ホール|病院)[ \t]?(?:担当[ \t:]*)?{_POST}"
    # A name ending in kana (「こども課」「子ども課」「ふれあいプラザ」) only with a space before the post: 「新しい課長」
    # 「あたらしい館長」 are a bare title.
    rf"|(?<=[ぁ-ゖ]{{2}})(?:{_DEPARTMENT}{_SECTION}|プラザ|ホール)[ \t]+(?:担当[ \t:]*)?{_POST}"
    rf"|{_DEPARTMENT}{_SECTION}"
    # A business's owner or head after its name (「やまだ食堂 店主 山田太郎 本町3-4-5」「山田内科医院 院長 山田太郎（…）」
    # 「やまだ食堂（店主 山田太郎さん）本町3-4-5」), as a 飲食店 campaign or an opening lists them: the address is the
    # shop's or the clinic's, its sign on the street. Only after the business's own name.
    rf"|(?<=[一-龯々ァ-ヶーA-Za-zぁ-ゖ])(?:{_BUSINESS})[ \t]*[(（]?[ \t]*{_BUSINESS_POST})[ \t:]*$"
)
# A letter's heading or a 問い合わせ先 block gives the office's name a line of its own, and the post and the name on the
# next (「上越市立高田小学校⏎校長 山田太郎⏎上越市南城町3-1-1」): a line that starts with the post is read after that one.
_POST_LINE = re.compile(rf"[ \t]*(?:担当[ \t:]*)?{_POST}[ \t:]*")
# A former official, whichever office is named (「元図書館長」「【お悔やみ】前高田小学校長」「元高田小学校 校長」): the
# post's word, or the office's and the post, after no other letter (「令和元年度」「駅前」 are no 元・前).
_FORMER = re.compile(rf"(?:^|[^一-龯々ァ-ヶーA-Za-z0-9])[元前旧][^\s:]*(?:[ \t]+{_POST})?[ \t:]*$")
# A child is no official, whatever is before the name (「飼育係長 山田太郎くん」).
_CHILD = frozenset({"チャン", "クン", "君"})
# The person an official's name is followed by a predicate about (「福祉課職員 山田花子さん（本町3-4-5）が逮捕されました」):
# a news report on the person, not the office's block, whose name ends the line or leads to 「まで」「へ」「電話」. Unless
# what the person does there is the office's work (「福祉課 山田花子（木田1-1-3）が担当します」「…がご案内します」).
_SUBJECT_AFTER = re.compile(
    r"[ \t]*(?:様|さん|氏|殿)?[ \t]*(?:[(（][^()（）\n]{1,40}[)）])?[ \t]*(?:が|は|を|も)(?![ \t]*$)"
    r"(?![ \t、]*(?:担当|対応|ご?案内|受付|受け付け|お?答え|承り|伺い|お伺い|ご?説明|お?問い?合わ?せ))"
)

# An official whose bracket gives their age or says they live there (「市民課 山田太郎（本町3-4-5在住）」「福祉課長 山田太郎さん
# （58歳、本町3-4-5）」「校長 山田太郎さん（58）本町3-4-5」): a person's record, as a staff introduction or an obituary has
# it, not the office's block. A bare number is an age only as the whole bracket: 「（木田1-1-3）」「（内線1234）」 are not.
_PERSONAL_NOTE = re.compile(
    r"[ \t]*(?:様|さん|氏|殿)?[ \t]*[(（](?:[^()（）\n]{0,40}?(?:在住|[0-9０-９]{1,3}[歳才])|[0-9０-９]{1,3}[)）])"
)


_SentenceCache = dict[tuple[re.Pattern[str], tuple[int, int]], bool]


# What makes a surname's 「家」 a historic house or a clan, not a household (「旧笹川家」「佐藤家住宅」「上杉家の家紋」「高田藩主
# 榊原家」「上杉家ゆかりの」).
_HISTORIC = re.compile(r"旧|藩|家臣|菩提|墓|廟|ゆかり|城|大名|家紋|当主|歴代|文化財|史跡|屋敷|宝物|公開|展示")
# The daimyo families of the domain and the realm (高田藩's 松平・榊原, 上杉, 徳川): their 「家」 names a clan and its
# house, a landmark, where a tourism or a history post visits it (「【まち歩き】榊原家（本町3-4-5）の門をくぐると」「徳川家
# （…）の蔵を見学」), with no word of history needed. But they are surnames of today too, 上杉 a common one in 上越: a
# household's news (「上杉家（本町3-4-5）で火災がありました」「松平家（…）のご主人から寄付を」) is no visit and warns. Not a
# surname common today (稲葉, 戸田, 酒井): 「戸田家（…）の庭」 is as likely a household.
_CLANS = frozenset({"松平", "徳川", "上杉", "榊原", "豊臣", "織田"})
_CLAN_VISIT = re.compile(r"見学|散策|まち歩き|町歩き|観光|ツアー|町並み|歴史|資料館|記念館|庭園")
# Someone who lived at the address long ago, as a history or a tourism post says of a writer or a founder (「作家の坂口安吾
# がかつて本町3-4-5に住んでいた」「明治の実業家・保阪潤治が晩年に…住んでいました。その旧宅を公開します」): a landmark, not a
# household. Not 「住んでいた80代の女性が亡くなりました」: no word of the past or of a figure in the sentence.
# Only who lived there once (「住んでいた」「暮らしていました」): a resident of today stays one, whatever the sentence says of
# the past (「本町3-4-5に住む80代の女性が、昔からの知人を名乗る男に」), and so does one who died lately (「本町3-4-5に住んでいた
# 作家の山田花子さんが亡くなりました」: a writer is no word of history).
# An era is one as a word of its own (「明治の実業家」「江戸時代」), not in a name (「明治神宮」「大正琴」「江戸川」).
_LANDMARK_PAST = re.compile(
    r"かつて|生前|晩年|幼少|少年時代|青年時代|旧居|旧宅|生家|ゆかり|幕末|文豪|偉人|藩士|藩主|記念館|案内板|史跡|文化財"
    r"|(?:明治|大正|江戸)(?=時代|期|[0-9０-９]|元年|維新|初|中期|末|の|に|から|以前|以来|、)"
    # A period of a life, as a figure's story tells where they grew up (「坂口安吾が20歳のころまで…住んでいた」「幼いころ…
    # 住んでいました」): a resident of today is given by an age band or bracket, or named after (below).
    r"|[0-9０-９]{1,3}[ \t]*(?:歳|才)(?:の(?:ころ|頃|とき|時)|ごろ|頃|まで)|(?:幼い|若い|子どもの|子供の)(?:ころ|頃)|学生時代"
)
_PAST_FORM = re.compile(r"(?:いた|いました|おりました)$")
# But a police report or an obituary of today says who lived there by age or as a victim (「本町3-4-5に住んでいた80代の女性が、
# かつての同僚を名乗る男に」「…に住んでいた男性（82）が、明治…」「かつて教員だった80代の女性が本町3-4-5に住んでいました」), as no
# history post says of its figure: such a person is a household of today, whatever word of the past is beside.
# Not a figure's age in a life story (「20歳のころまで住んでいた」): an age band or an age in brackets, as a report gives it.
_AGE_OF_TODAY = re.compile(r"[0-9０-９]{1,3}[ \t]*代|[(（][ \t]*[0-9０-９]{1,3}[ \t]*(?:歳|才)?[ \t]*[)）]")
# Or someone named right after with an honorific (「幼いころから本町3-4-5に住んでいた山田花子さんが亡くなりました」), as a
# figure of history is not.
_VICTIM_AFTER = re.compile(
    rf"[ \t]*(?:[0-9]{{1,3}}(?:代|歳|才)[ \t]*)?(?:の[ \t]*)?(?:{_VICTIM}|[一-龯々ァ-ヶー]{{1,8}}?(?:さん|様|ちゃん|くん))"
)


def _lives_at(doc: Document, b: int, sentence: tuple[int, int], seen: _SentenceCache) -> bool:
    """Whether someone is said to live at the address ending at normalised offset ``b`` (_LIVES_AT_AFTER), and not a
    figure of history who once did."""
    m = _LIVES_AT_AFTER.match(doc.norm, b)
    if m is None:
        return False
    return (
        _PAST_FORM.search(m.group()) is None or not _sentence_says(doc, _LANDMARK_PAST, sentence, seen)
        or _VICTIM_AFTER.match(doc.norm, m.end()) is not None or _sentence_says(doc, _AGE_OF_TODAY, sentence, seen)
    )


# Nor a shop's or a house's name with its kind, a noun, before it, glued or a space apart (「ラーメン 山田家」「とんかつ山田家」
# 「古民家カフェ 佐藤家」「高田の町家 金津家」), or in quotes (「町家「今井家」」): a 「〇〇家」 is as often a restaurant's name as a
# household.
_QUOTED_BEFORE = re.compile(r"[「『]$")


# A full name glued to a facility's word before it ends the facility's name (「町家交流館高田小町」), not a person's.
_FACILITY_GLUED = re.compile(rf"(?:{_FACILITY_WORDS}|館|センター)$")


def _people(doc: Document) -> list[tuple[int, int]]:
    """Where a private person is named (original offsets): a full name (姓 and 名) or a name with
    様・さん・氏・殿.

    A full name directly followed by a noun names a place or a business (「小林古径記念美術館」
    「山田花子法律事務所」), not a person, and so does one glued to a facility's word before it (「町家交流館高田小町」).
    """
    toks = doc.tokens
    found: list[tuple[int, int]] = []
    seen: _SentenceCache = {}
    for i, j in doc.person_names():
        start = toks[i].start
        line = doc.line_start(start)
        lo = max(line, start - 24)
        before = unicodedata.normalize("NFKC", doc.text[lo:start])
        if lo == line > 0 and _POST_LINE.fullmatch(before):
            above = doc.line_start(line - 1)
            before = unicodedata.normalize("NFKC", doc.text[max(above, line - 25) : line - 1]).rstrip() + " " + before
        if (
            _OFFICIAL_BEFORE.search(before) and not _FORMER.search(before)
            and not (j < len(toks) and toks[j].surface in _CHILD)
            and not _SUBJECT_AFTER.match(doc.text, toks[j - 1].end)
            and not _PERSONAL_NOTE.match(doc.text, toks[j - 1].end)
        ):
            continue
        if j < len(toks) and toks[j].surface == "家" and toks[j].pos == "接尾辞":
            # A household by its surname (「佐藤家（本町3-4-5）の庭」), unless a historic house or a clan a tourism post names.
            glued = j + 1 < len(toks) and toks[j + 1].pos == "名詞" and toks[j + 1].start == toks[j].end
            k = i - 1 if i > 0 and toks[i - 1].pos != "空白" else i - 2
            named = _QUOTED_BEFORE.search(doc.text, max(0, start - 1), start) is not None or (
                k >= 0 and toks[k].pos == "名詞" and start - toks[k].end <= 1
            )
            clan = "".join(t.surface for t in toks[i:j]) in _CLANS and _sentence_says(
                doc, _CLAN_VISIT, doc.sentence_at(start), seen
            )
            if not glued and not named and not clan and not _sentence_says(doc, _HISTORIC, doc.sentence_at(start), seen):
                found.append((toks[i].start, toks[j].end))
        elif j < len(toks) and toks[j].surface in _HONORIFICS:
            found.append((toks[i].start, toks[j].end))
        elif sum(map(is_person_name, toks[i:j])) >= 2 and not (
            j < len(toks) and toks[j].pos == "名詞" and toks[j].start == toks[j - 1].end and toks[j].surface != "儀"
        ) and not _FACILITY_GLUED.search(doc.text, max(0, start - 4), start):
            found.append((toks[i].start, toks[j - 1].end))
    return found


_PLACE_CHAR = re.compile(r"[一-龯々〆ヶァ-ヺー]")


_KANJI_SAID_END = re.compile(rf"{_K}{{1,3}}の{_K}{{1,4}}の{_K}{{1,4}}$")


def _street(norm: str, a: int, b: int) -> int:
    """Where the address matched at `a`–`b` really starts: the place name (kanji or katakana)
    right before its first number. _ADDRESS's optional prefix also takes the words before it
    (「落とし物は本町…」「レルヒさんが春日山町…」)."""
    first_digit = next((i for i in range(a, b) if norm[i].isdigit()), b)
    if first_digit == b and (said := _KANJI_SAID_END.search(norm, a, b)) is not None:
        first_digit = said.start()  # 「本町三の四の五」: the walk back stops at 「の」, so it starts at the first group
    start = first_digit
    if start - 1 > a and norm[start - 1] in " \t" and _PLACE_CHAR.match(norm, start - 2):
        start -= 1  # 「本町 3-4-5」
    while start > a and _PLACE_CHAR.match(norm, start - 1):
        start -= 1
    return start


def _beside(doc: Document, a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Whether spans `a` and `b` (original offsets) are next to each other, as in a record."""
    gap = doc.text[a[1] : b[0]] if a[1] <= b[0] else doc.text[b[1] : a[0]]
    if len(gap) > max(_BETWEEN_MAX, _NOTED_MAX):
        return False  # not folded: the nearest name may be a long paste away from each address, quadratic then
    folded = unicodedata.normalize("NFKC", gap)
    if len(gap) <= _BETWEEN_MAX and _BETWEEN.fullmatch(folded) is not None:
        return True
    # Only name-then-address: the label reads forwards (「住所：…」 after the note on the person).
    return (
        b[1] <= a[0] and len(gap) <= _NOTED_MAX
        and (_NOTED_THEN_LABELLED.fullmatch(folded) is not None or _NOTED_IN_BRACKET.fullmatch(folded) is not None)
    )


# A roster pasted from a spreadsheet (「氏名,年齢,住所⏎山田花子,85,上越市本町3-4-5」「No\t氏名\t地区\t住所」): the name and the
# address are cells of one row, with others between them, under headers that say whose and what. A list of places
# (「避難所名,住所」「施設名」「事業者名」) names no person. Folded view: lower case.
_ROSTER_ADDRESS_HEADER = re.compile(r"(?:現|ご|お)?住所|お住まい|address")
_COMPANY = re.compile(r"会社|法人|組合|協会|商店|事務所|工業|建設|\(株\)|\(有\)")
# A place listed under a 名前 column (「名前,住所⏎高田図書館,本城町8-30」「名前,電話,住所⏎やまだ食堂,…」), by how its name
# ends: only at the end, since a person's may hold the same characters (「小野寺花子」「園田花子」).
_PLACE_CELL = re.compile(
    rf"(?:{_FACILITY_WORDS}|役所|役場|センター|食堂|店|学校|保育園|幼稚園|こども園|学園|施設|協議会|町内会|自治会)[ \t\"']*$"
)
_ROSTER_NAME_HEADER = re.compile(r"(?:お?名前|(?:世帯主|対象者|申請者|利用者|児童|生徒|職員|会員|保護者|参加者)?(?:氏名|名)|(?:full )?name)")


def _roster_row(doc: Document, a: int) -> bool:
    """Whether the address at normalised offset ``a`` is the 住所 cell of a table's row that names a person under its
    氏名 column."""
    header = _column_header(doc, a)
    if header is None or not _ROSTER_ADDRESS_HEADER.fullmatch(header):
        return False
    folded = doc.folded
    start = doc.line_start(a, norm=True)
    end = folded.find("\n", a)
    end = len(folded) if end < 0 else end
    sep = "\t" if folded.find("\t", start, end) >= 0 else ","
    pos = start
    for cell in folded[start:end].split(sep):
        if cell.strip(" \t\"'") and not _digits(cell) and not _COMPANY.search(cell) and not _PLACE_CELL.search(cell):
            name = _column_header(doc, pos)
            if name is not None and _ROSTER_NAME_HEADER.fullmatch(name):
                return True
        pos += len(cell) + 1
    return False


# A table's address that is a place's, so that the person in the cell beside it is at work there: under a place's header
# (「担当課,担当者,所在地⏎福祉課,佐藤一郎,上越市木田1-1-3」「会場」), or in a place's row with its staff under a 担当 column
# (「避難所名,住所,担当職員⏎高田小学校,上越市南城町3-1-1,佐藤一郎」). A 住所 beside a 氏名 or 職員名, with no place in the row,
# stays a home: a roster of residents, and a 職員緊急連絡網 (「職員名,所属,住所」), list where people live, the staff's rows too.
_PLACE_ADDRESS_HEADER = re.compile(
    r"(?:(?:会場|施設|事業所|事務所|店舗|勤務先)の?)?所在地|(?:会場|施設|事業所|事務所|店舗|勤務先)の?住所|会場|開催場所|場所"
)
_STAFF_HEADER = re.compile(r"(?:連絡)?担当(?:者|職員)?(?:名|氏名)?")


def _at_work_beside(doc: Document, a: int, b: int) -> tuple[bool, bool]:
    """Whether a name in the table cell before, and in the one after, the address at normalised offsets [a, b) is
    someone at work at that address (see above); (False, False) outside a table with headers."""
    header = _column_header(doc, a)
    if header is None:
        return False, False
    if _PLACE_ADDRESS_HEADER.fullmatch(header):
        return True, True
    folded = doc.folded
    start = doc.line_start(a, norm=True)
    end = folded.find("\n", a)
    end = len(folded) if end < 0 else end
    sep = "\t" if folded.find("\t", start, end) >= 0 else ","
    if not any(_PLACE_CELL.search(c) or _COMPANY.search(c) for c in folded[start:end].split(sep)):
        return False, False
    before, after = folded.rfind(sep, start, a), folded.find(sep, b, end)

    def staff(pos: int) -> bool:
        cell = _column_header(doc, pos) if pos >= 0 else None
        return cell is not None and _STAFF_HEADER.fullmatch(cell) is not None

    return staff(before), staff(after + 1 if after >= 0 else -1)


def _sentence_says(doc: Document, pattern: re.Pattern[str], sentence: tuple[int, int], seen: _SentenceCache) -> bool:
    """Whether ``pattern`` is found in ``sentence``, searched once a sentence: a long paste with no full stop is one
    sentence, and a search from each address in it would be quadratic."""
    key = (pattern, sentence)
    if key not in seen:
        seen[key] = pattern.search(doc.text, *sentence) is not None
    return seen[key]


_POSTAL_BEFORE = re.compile(r"(?:〒|郵便番号[ \t:]*)[ \t]*[0-9]{3}-?[0-9]{4}[ \t]*$")
# A firm's name right before the address (「【求人】応募は履歴書を株式会社上越 本町3-4-5の山田宛に」「上越運送 本町3-4-5 佐藤までご連絡
# ください」「社会福祉法人上越福祉会 本町3-4-5の佐藤まで」), as a job or a shop's post gives the employer: the surname after it is
# the firm's staff, the address the firm's. Not a neighbourhood's or a club's (「町内会」「老人会」), whose contact is at home.
_FIRM = r"株式会社|有限会社|合同会社|\((?:株|有)\)|法人"
_FIRM_BEFORE = re.compile(
    rf"(?:(?:{_FIRM})[^\s、。,:()]{{1,15}}|[^\s、。,:()]{{1,15}}(?:{_FIRM}|運送|建設|工業|商事|産業|物産|製作所|商会))[ \t]*$"
)


def _signed_by_surname(
    doc: Document, street: int, b: int, sentence: tuple[int, int], seen: _SentenceCache
) -> bool:
    """Whether the address at normalised offsets [street, b) is signed by a surname alone (_SURNAME_AFTER), not a venue's
    or a shop's (「やまだ食堂 本町3-4-5 高田」: a district the analyser reads as a surname)."""
    m = _SURNAME_AFTER.match(doc.norm, b)
    if m is None:
        return False
    # The label is read before a postal code between it and the address (「送り先：〒943-0832 本町3-4-5 佐藤」), as a
    # LINE post or an address label writes it.
    postal = _POSTAL_BEFORE.search(doc.norm, max(0, street - 18), street)
    label_end = street if postal is None else postal.start()
    if (
        _VENUE_BEFORE.search(doc.norm, max(0, label_end - 16), label_end)
        or _FIRM_BEFORE.search(doc.norm, max(0, label_end - 24), label_end)
        or _sentence_says(doc, _NOT_A_HOME_FLAT, sentence, seen)
    ):
        return False
    to = (m["to"] or "").lstrip(" \t")
    if m["no"] is not None and to not in ("まで", "宛", "宛て", "宅"):
        return False
    if not (
        to in ("まで", "宛", "宛て", "宅")
        or _CONTACT_BEFORE.search(doc.norm, max(0, label_end - 12), label_end)
        or _ROOM_IN_ADDRESS.search(doc.numview, street, b)
        or _RESIDENTS_NOTICE.search(doc.norm, max(0, street - _NOTICE_BEFORE), street)
    ):
        return False
    span = doc.span(*m.span(2))
    toks = [doc.tokens[i] for i in doc.token_range(span)]
    if len(toks) != 1 or toks[0].end != span[1]:
        return False
    # Under a handover place's label the word after the address is the giver's, whatever else the analyser takes it for
    # (「受取場所：中央1-2-3 大島」「引き取り場所：本町3-4-5 春日」): a district is written before the street number, not after.
    # Not a station's or a town's whole name (「高田駅」「大島区」), one word to the analyser: where to go.
    return is_person_name(toks[0]) or (
        toks[0].pos3 == "地名" and not toks[0].surface.endswith((*_TOWN_SUFFIX, "駅"))
        and _HANDOVER_BEFORE.search(doc.norm, max(0, label_end - 12), label_end) is not None
    )


# Number groups set apart from the word before them by a space are an address only after a town's name (「本町 3-4-5」
# 「上越市大手町 2-3-4」, as a form's cells leave it): after any other word they are its numbers, an appendix's, a ticket's,
# a deadline, a score or a round (「別紙 1-2-3 山田花子様」「整理券 12-3-4 山田様」「締切 12-1-31 山田花子」「第3回 2-1-1 …」).
# The analyser reads a town as a proper noun (a place's or, as for 本町・木田・寺町, a surname's); a common noun is one only
# when it ends as a town's name does, or is a town's name common across cities though a common noun to it (上越市's 中央,
# 「大手」「平和」「朝日」「青葉」), or is one kanji (「旭 1-2-3」「緑 1-2-3」「東 1-2-3」: many towns are one kanji without 町,
# while the labels that number things, 「図 1-2-3」「表 1-2-3」「班」「席」, a season, a day, are a short list), or comes
# after an address's label (「住所：平和 1-2-3」).
_TOWN_SUFFIX = ("町", "村", "区", "市", "丁", "通")
_COMMON_NOUN_TOWNS = frozenset(
    {"中央", "大手", "平和", "朝日", "青葉", "日ノ出", "高砂", "本通", "中通", "大通", "山手", "高台", "城北", "城南", "駅前"}
)
_ONE_KANJI_LABELS = frozenset("図表案例欄問答節項条章頁枠班組号票版番回位列席券室棟階春夏秋冬月火水木金土日上中下前後")
_ADDRESS_LABEL_BEFORE = re.compile(r"(?:住所|所在地|お?住まい|居所|住所地)(?:は|:|[ \t])*$")


def _town_before_space(doc: Document, street: int, b: int) -> bool:
    """Whether the address at normalised offsets [street, b), when a space parts its place from its numbers, has a
    town's name before the space (always true of an address written without one)."""
    norm = doc.norm
    digit = next((i for i in range(street, b) if norm[i].isdigit()), b)
    if digit == street or norm[digit - 1] not in " \t":
        return True
    space = doc.span(digit - 1, digit)[0]
    k = doc.token_bounds[1].get(space)
    if k is None:
        return True  # the word does not end at the space (the analyser joined them): not this form's doubt
    word = doc.tokens[k]
    if _ADDRESS_LABEL_BEFORE.search(doc.norm, max(0, street - 12), street) is not None:
        return True
    if word.surface in ("昭和", "平成"):
        # A town's name as often as an era's, but a date's word on the line around makes it the date of a life or a
        # career beside the name (「平成 15-4-1 山田太郎（入庁）」「生年月日：昭和 30-5-1 山田花子」「…様（享年90）」).
        end = norm.find("\n", b, b + _ERA_DATE_NEAR)
        lo = max(doc.line_start(street, norm=True), street - _ERA_DATE_NEAR)
        if _ERA_DATE_WORD.search(norm, lo, b + _ERA_DATE_NEAR if end < 0 else end):
            return False
    return (
        word.pos2 == "固有名詞" or word.surface.endswith(_TOWN_SUFFIX) or word.surface in _COMMON_NOUN_TOWNS
        or (len(word.surface) == 1 and "一" <= word.surface <= "龯" and word.surface not in _ONE_KANJI_LABELS)
    )


_ERA_DATE_WORD = re.compile(
    r"生年月日|生まれ|誕生|入庁|採用|就任|着任|退任|退職|入社|入学|卒業|享年|没|逝去|死去|永眠|年月日|現在"
)
_ERA_DATE_NEAR = 30


def _is_range(numview: str, a: int, b: int) -> bool:
    """Whether the 「1-2」 form found at numview[a:b] is a range of a count or a grade."""
    if _RANGE.match(numview, b):
        return True
    digits = re.search(r"[0-9]", numview[a:b])
    return digits is not None and _GRADE_BEFORE.search(numview, a, a + digits.start()) is not None


@rule(
    code="pii.address",
    severity="warning",
    summary="個人宅の住所",
    clause="上越市 5(3)",
    fires=Example("落とし物は本町3丁目4番5号の田中さん宅でお預かりしています"),
    passes=Example("会場は木田1丁目1番3号の市役所本庁舎です"),
)
def address(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """個人宅（〜さん宅、〜様方、自宅）や個人の氏名と並んだ、番地までの住所を知らせます。

    上越市 5(3) は個人が特定できる情報の発信に本人の了解を求めています。丁目・番地・号（「三丁目四番五号」の
    ような漢数字も）や「1-2-3」形式の住所（「1−2−3」「1ー2ー3」のようにハイフンに似た記号で区切ったものや、町名との間に空白のある「本町 3-4-5」「本町　３－４－５」も）が、個人を示す語（さん宅・様方・自宅・先生宅・先生の家・「山田さんのお宅」「佐藤様のご実家」・高齢者宅や利用者宅のような「〜者宅」、中国語の「住址」「住在」、「住まいは」「〜に住んでいます」など）と同じ文の前後25文字以内にある場合と、
    個人の氏名（姓と名、または「様・さん・氏・殿」や子どもの「ちゃん・くん・君」の付いた名前、「佐藤方」、家族を名字で呼んだ「佐藤家」。「旧笹川家」「佐藤家住宅」「上杉家の家紋」のような歴史上の家や文化財、「榊原家（本町3-4-5）の門をくぐると…【まち歩き】」「松平家（本町3-4-5）の庭園を散策」のように見学や散策で訪ねる大名家（「上杉家（本町3-4-5）で火災」のような今の家庭の知らせは反応します）、「ラーメン 山田家」「とんかつ山田家」のような店の名前は除きます）とすぐ隣に並んでいる場合
    （「当選者：本町3-4-5 山田花子様」「氏名 山田花子／住所 本町3丁目4番5号」、学年や学校名をはさんだ
    「山田花子（高田小3年、本町3-4-5）」「佐藤健太（3年）の家は本町3-4-5」、年齢をはさんだ
    「山田トメさん（85歳）住所：西城町2丁目5番10号」（名簿で「歳」を省いた「山田トメ（85）本町3-4-5」や、新聞の書き方の「山田太郎さん（78）＝本町3-4-5」も）、「山田さん一家（本町3-4-5）」、おくやみの「故 山田太郎 儀（本町3丁目4番5号）」、
    本人についての短い（）書きと「住所：」の見出しをはさんだ「木村花子さん（寝たきり）、住所：中郷区二本木567-8」や、同じ（）の中の
    「山田トメさん（独居、本町3-4-5）」。「山田さん（社協）住所：…」「（上越市社会福祉協議会、本町3-4-5）」のように（）に勤め先を書いたものと、
    「地域包括支援センター（本町3-4-5）の山田花子さん」のように施設の名前の後の（）の住所は除きます）、文の中で住まいとして
    書かれている場合（「山田太郎さんの住所は本町3-4-5です」「山田トメさん（85歳）の住所は西城町2丁目5番10号です」「本町3-4-5に住む山田花子さん」
    「山田花子ちゃん（8歳）のおうちは本町3丁目4番5号です」）に反応します。子どもの名前と学年・住まいが分かると、通学路や一人でいる
    時間まで知られるおそれがあるためです（「山田花子さん（高田小6年）の作品は本町3-4-5の市民ギャラリーで」のような会場の住所は対象外です）。
    部屋番号まで書いた住所（「本町3-5-12-101」「本町3丁目5番地12-101」）、番地の後の数字も漢数字で書いた住所（「本町三丁目五番地十二」）、
    番地のない「大字」の住所（「大字土橋1234」）、数字を「の」でつないだ住所（「本町３の４の５の山田さん宅」、漢数字の「本町三の四の五 山田花子様」も。「三の丸」「四の五の言わず」や「第一の二の三」は対象外です）も同じです。
    「わたしの実家は本町3-4-5です」「我が家（本町3-4-5）」「うちの住所は」「実家：」のように住所のすぐ前に自分の家と書いたものと、
    「本町3-4-5に住む80代の女性」「本町3-4-5に暮らす80代の夫婦」「本町3-4-5で一人暮らしの80代女性」「本町3-4-5在住の70代女性」のように住所のすぐ後に住んでいると書いたものや「本町3-4-5の70代女性が」「本町3-4-5の女性（82）が」「本町3-4-5の無職、山田花子さん（82）」「本町3-4-5在住、無職、山田太郎（70）」のように年代や年齢と書いたもの、「連絡先：本町3丁目4番5号 山田」「本町3-4-5 佐藤まで」「受取場所：本町3-4-5 佐藤」（見出しと住所の間に郵便番号のある「送り先：〒943-0832 本町3-4-5 佐藤」や、「の」でつないで連絡や送り先を頼む「本町3-4-5の佐藤までご連絡ください」「本町3-4-5の山田宛にお送りください」も）のように
    連絡先・送り先や譲る品の受取場所・引き取り場所の住所や「まで」「宛」の前、「本町3-4-5 佐藤宅」のように名字に「宅」を付けたもの、部屋番号の後、迷子のペットや里親募集・拾得物の知らせで、住所のすぐ後に名字だけを書いて行や文を終えたものも、住まいとして反応します（「我が家の防災講座（会場 本町3-4-5 …）」
    「実家じまい相談会 会場：…」「…付近に住む方」のように住所と結び付いていないもの、「作家の坂口安吾がかつて本町3-4-5に住んでいた」「坂口安吾が20歳のころまで本町3-4-5に住んでいた」のような歴史上の人物の旧居（「本町3-4-5に住んでいた80代の女性が、かつての同僚を名乗る男に」のように年代や年齢、被害に遭った人として書いた今の住人や、「幼いころから本町3-4-5に住んでいた山田花子さん」のように後に「さん」「様」を付けて書いた人は反応します）、「本町3丁目4番に住む皆様へ」「本町3-4-5在住の方は」「本町3-4-5に暮らす高齢者の皆さんへ」「本町3-4-5在住の女性の皆様へ」「本町3-4-5の20代女性向けセミナー」のような知らせや講座の対象、「ご実家」、「グループホームわが家」「お食事処 わが家」「みんなの実家」のような施設や店の名前、空き家・売却・賃貸の投稿、
    「木田1-1-3 上越市役所」のように住所の後が施設の名前のもの、「避難所：中央1-2-3 直江津」「バス停 本町3-4-5 高田」「中央1-2-3 直江津へ」のように名字にもある地区の名前を住所の後に書いたもの（「へ」の前の名字は、連絡先の見出しの後や迷子・拾得物の知らせのときに限り反応します。受取場所・引き取り場所の住所の後の語は、地区の名前と同じでも、「受取場所：中央1-2-3 大島」のように地名と読める名字でも名字として反応します。「高田駅」「大島区」のような駅や町の名前は除きます）、「会場：」の住所や店の案内の住所、「【求人】株式会社上越 本町3-4-5の山田宛に」「上越運送 本町3-4-5 佐藤まで」のような会社の住所の後の名字は対象外です）。
    住所のすぐ後に「の住宅」「の民家」と続く場合（「本町3丁目4番5号の住宅に空き巣が入りました」「本町3-4-5の民家で火災」。「住宅展示場」「住宅相談会」
    「住居表示」のような別の語や、「市営住宅」、空き家（特定空家を含みます）、市有の住宅の売却、賃貸やお試し住宅の投稿は除きます）と、住所のすぐ後にアパート・マンションの名前と部屋番号がある場合（「大手町2-3-4 コーポ上越201号」「仲町4-5-6 グランドマンション505号室」
    「五智2丁目3番4号 メゾン五智102」）は、個人の名前がなくても住まいとして反応します（コーポ・ハイツ・アパート・マンション・メゾン・
    レジデンス・ハイム・荘など住まいを示す名前に限ります。「市営住宅」「入居者募集」「空室」や、店・事務所・教室・民泊などの文の部屋、
    「本町ビル101号室」「市民プラザ 201号室」、「ハイツ本町1階」「コーポ上越 2F」のような階（店・医院・事務所などが階で書きます）、「ハイツ本町 2024」のような年は対象外です）。
    番地がなくても、アパート・マンションの名前と階や部屋番号に個人の名前が続くもの（「ハイツ本町 3階の山田さん」「コーポ上越2Fの佐藤まで」「ハイツ本町 3階に住む山田さん」「コーポ上越 203 山田さん」「コーポ上越の203号室の山田さん」「メゾン五智 B-102 山田様」「ハイツ本町 102号室 山田トメさん」、部屋番号の後に敬称なしで姓と名を書いた「コーポ上越 203号 山田太郎」「メゾン五智 102 佐藤花子」や宛名書きのように離して敬称を書いた「コーポ上越 203号 山田太郎 様」、火災や救助・事件の知らせで、階の後の同じ行に火災・救助・搬送などの語をはさんで住人・入居者や「この部屋に住む」人として名前を書いた「グランドマンション上越3階で火災、住人の山田さんが救助されました」「…3階で火災、この部屋に住む無職の山田太郎さん（80）が死亡」、部屋番号に住んでいると書いた「山田太郎さんはコーポ上越の203号室に住んでいます」。「〇〇マンション」のように名前を〇〇にしたものも）は、建物の名前から住まいが分かるので知らせます（「ハイツ本町 2024」のような年、「ハイツ本町 2階 集会室」「ホテルパレス上越 2階の山田様」「パレス上越 3階の山田様ご一行」「パレス上越 3階 山田様・佐藤様ご両家 結婚披露宴」「近所のアパートの2階の山田さん」「マンション3階で火災、住人の方は全員避難しました」「ハイツ本町 1階 集会所で防災講座。入居者の佐藤さんが講師を務めます」「パレス上越 2階で、住民の山田さんによる昔話の会」「レジデンス上越 5階で救助訓練、住民の山田さんも参加しました」「ハイツ本町 3階 山田太郎」「コーポ上越 203号室 山田太郎法律事務所」「ヴィラ上越 101 山田太郎 作品展」「上越荘 201号室にお住まいの皆様へ」のように、人の名前がないもの、階で開く催しや訓練・講習に出る住人、部屋に住む人すべてへの知らせ、階の後の敬称のない名前や事務所などの名前、店やホテル・式場などの階、「ご一行」「ご一同」のような団体、名前のない建物は対象外です）。
    会場・施設の住所や、「小林古径記念美術館（本城町7-7）」「町家交流館高田小町（本町6-3-5）」のような人名の付いた施設名は対象外です。
    「1日2ー3回」「徒歩3ー4分」「要介護3ー5」「本町1-3丁目」のような回数・程度・丁目の範囲も対象外です。
    「別紙 1-2-3 山田花子様」「整理券 12-3-4 山田様」「締切 12-1-31 山田花子」「第3回 2-1-1 山田花子さん」のように、町名でない語の後に空白を置いて続く数字も住所ではないので対象外です（「旭 1-2-3」「緑 1-2-3」「大手 2-3-4」のような「町」の付かない一文字などの町名や、「昭和 3-4-5 山田花子様」「平成 2-3-4」のように町名にもある元号（「昭和 3-4-5生」のような生年月日、「平成 15-4-1 山田太郎（入庁）」「生年月日：昭和 30-5-1 山田花子」のように同じ行に入庁・生年月日・享年などの日付の語があるものと、「令和 7-12-1」は日付として除きます）、「住所：」の後の語に続くものは住所として読みます。「図 1-2-3」「表 1-2-3」「班」「席」や季節・曜日の一文字は除きます）。
    「上越市長 中川幹太 様」「担当：山田花子」「健康づくり推進課 山田花子」「教育長」「健康づくり推進課 保健師 山田花子」「高田小学校 校長」「図書館長」のように
    市長・知事・教育長・議長や、課・学校・施設の名前に続く職名の後の氏名（「福祉課 高齢者支援係 主任」のように係をはさんだものや、問い合わせ先のように課・学校の名前を前の行に書いたものも）は職員として扱い、並んだ住所（市役所・学校など勤め先の住所）には反応しません。「やまだ食堂 店主 山田太郎 本町3-4-5」「山田内科医院 院長 山田太郎（本町3-4-5）」
    「やまだ食堂（店主 山田太郎さん）本町3-4-5」のように、店・医院・薬局・会社などの名前に続く店主・店長・院長・オーナー・代表・社長などの後の氏名も、
    並んだ住所を店や医院の住所として扱います（「店主 山田太郎さん（本町3-4-5）」のように店の名前のないものや、（）に年齢や「在住」を書いたものには反応します）
    （「元校長」「町内会長」「区長」「班長」「町内会事務局」「PTA事務局」「実行委員会」は対象外にしません。勤め先の名前のない職名だけの
    「保健師 山田花子（本町3-4-5）」「館長」「市職員」「介護職員」や、「市職員 山田花子さん（本町3-4-5）が逮捕されました」のように
    職員本人についての記事の氏名、「市民課 山田太郎（本町3-4-5在住）」「福祉課長 山田太郎さん（58歳、本町3-4-5）」のように（）に住まいや年齢を書いた氏名にも反応します）。
    「会場：」の後や「避難所（…）」「センター（…）」「第1庁舎（…）」のように会場・施設の住所では、近くの「自宅から」「ご自宅でも視聴」「自宅に届ける」
    「自宅へお持ち帰り」のような自宅（読む人の家）には反応しません（「上越市民プラザ（土橋1914-3）自宅で不要になった…」のように、施設の住所の（）を閉じた後の自宅も同じです。「ギャラリー（本町3-4-5）自宅兼アトリエ」「（本町3-4-5）自宅の一部を開放」のように、（）のすぐ後でその場所を自宅と言うものには反応します）（「会場は本町3-4-5の自宅です」のように住所と結び付いた自宅には反応します）。
    「自宅周辺」「自宅療養」「自宅待機」のような語の「自宅」も、住所と結び付いていなければ個人宅とはみなしません（「自宅療養先」「自宅待機中：」のように住所の見出しになっているものと、「自宅介護」「自宅訪問」は個人宅とみなします）。
    表計算ソフトから貼り付けた名簿（「氏名,年齢,住所」のように「氏名」「名前」と「住所」の列がある表）で、同じ行に個人の氏名と
    住所があるものにも反応します（「職員名」「会員名」の列の名簿も同じです。「避難所名」「施設名」「店名」の列の表や、氏名の欄が会社名や「図書館」「食堂」のような施設・店の名前のものは対象外です）。
    表の「所在地」「会場」の列の住所や、施設の行の「担当者」「担当職員」の列の氏名は勤め先として扱い、並んでいても反応しません。
    「記入例：」「（例）」と書式の例として示したものも対象外です。
    英語（ポルトガル語の「Sr.」「Sra.」「mora em」、ベトナム語の「sống tại」も）のお知らせのローマ字の住所（「3-12-5 Minami-Honcho, Joetsu City」のように丁目-番-号の後に町名が続くもの）も、
    前後60文字（同じ行）に「Mr. Taro Yamada」「Owner: Hanako Suzuki」「lives at」「Sato's home」のような個人がいるときに
    反応します（「Joetsu International Center, 1-1-1 Kibougaoka」「Contact Mr. Tanaka at Joetsu City Hall, 1-1-1 Kibougaoka」
    のように個人と住所の間や住所のすぐ前・すぐ後に施設・会社・店の名前（Center・Hall・Office・bakery など）があるもの、「will speak at」
    「Venue:」と会場として書いたもの、電話番号や日付は対象外です。「Mr. Sato of 2-4-8 Naka-machi, near the station」のように
    離れた所に施設があるだけのものは反応します）。
    """
    yield from _romaji_addresses(doc)
    # A flat's room after a street number is that address's finding already (「本町3-4-5 ハイツ本町102号室 佐藤さん」): one
    # finding for the door. The street's come in order of their starts.
    covered: list[tuple[int, int]] = []
    for hit in _street_addresses(doc):
        covered.append((hit.start, hit.end))
        yield hit
    starts = [a for a, _ in covered]
    for hit in _flat_floors(doc):
        k = bisect_right(starts, hit.start) - 1
        if k < 0 or covered[k][1] < hit.end:
            yield hit


def _street_addresses(doc: Document) -> Iterator[Hit]:
    """pii.address's findings of a street number (丁目・番地・号, 「1-2-3」) beside a home's marker or a person."""
    # Read where hyphen look-alikes are "-" (offsets are the normalised text's): 「本町3−4−5」 with a
    # minus sign or 「本町3ー4ー5」 with a long vowel mark are as common as 「3-4-5」.
    if not _ADDRESS_HINT.search(doc.numview):
        return
    addresses = [(m.start(), m.end()) for m in _ADDRESS.finditer(doc.numview)]
    markers = [m.span() for m in _PRIVATE.finditer(doc.norm)]
    marker_starts = [k0 for k0, _ in markers]
    people: list[tuple[int, int]] | None = None
    seen: _SentenceCache = {}
    for a, b in addresses:
        if _example(doc, a, b):
            continue  # 「記入例：上越市木田1-1-1 上越太郎」
        if "-" in doc.numview[a:b] and _is_range(doc.numview, a, b):
            continue
        street = _street(doc.norm, a, b)
        if not _town_before_space(doc, street, b):
            continue
        start, end = doc.span(street, b)
        # Near and in the same sentence (「会場：本町3-4-5 市民プラザ。自宅で参加もできます」 names no
        # home), or right beside it as a form's label on the line above (「自宅⏎本町3-4-5」).
        sentence = doc.sentence_at(start)
        # Only the markers that can be near (sorted; none is longer than _MARKER_MAX): linear on long drafts.
        near = markers[bisect_left(marker_starts, a - _NEAR - _MARKER_MAX) : bisect_right(marker_starts, b + _NEAR)]
        if near:
            venue = _VENUE_BEFORE.search(doc.norm, max(0, street - 16), street)
            elsewhere = _HOME_ELSEWHERE if venue else _HOME_COMPOUND
            # The bracket a facility's address stands in closes it: 「上越市民プラザ（土橋1914-3）自宅で…」 ties no home to it.
            closed = venue is not None and venue.group().rstrip(" \t").endswith("(")
            # Nor is 「自宅」 after that bracket, whatever follows it (「南本町小学校（南本町2-3-1）⏎自宅が安全な方は…」): it is
            # not the facility.
            near = [
                (k0, k1) for k0, k1 in near
                if (
                    closed and b <= k0 and _HOME_AT_THE_BRACKET.fullmatch(doc.norm, b, k1)
                    and _HOME_IS_THE_PLACE.match(doc.norm, k1)
                )
                or not (doc.norm.startswith("自宅", k1 - 2) and closed and b <= k0 and ")" in doc.norm[b:k0])
                and (
                    not (doc.norm.startswith("自宅", k1 - 2) and elsewhere.match(doc.norm, k1))
                    or (b <= k0 and _TIED.fullmatch(doc.norm, b, k0) and not (closed and ")" in doc.norm[b:k0]))
                    or (k1 <= street and _TIED.fullmatch(doc.norm, k1, street))
                )
            ]
        flat = _FLAT_ROOM_AFTER.match(doc.norm, b) or _HOUSE_AFTER.match(doc.norm, b)
        if flat is not None and not _sentence_says(doc, _NOT_A_HOME_FLAT, sentence, seen):
            message = "個人宅の住所と思われます。本人の了解がない限り、番地までの住所は掲載しないでください。"
            if flat.re is _FLAT_ROOM_AFTER:
                end = doc.span(street, flat.end())[1]
        elif any(k0 - _NEAR <= b and a <= k1 + _NEAR
               and (doc.sentence_at(doc.span(k0, k1)[0]) == sentence
                    or (k1 <= a and not doc.norm[k1:a].strip(_LABEL_GAP))
                    or (b <= k0 and not doc.norm[b:k0].strip(_LABEL_GAP)))
               for k0, k1 in near):
            message = "個人宅の住所と思われます。本人の了解がない限り、番地までの住所は掲載しないでください。"
        else:
            if people is None:
                people = _people(doc)
            # Only the names just before and just after can be beside it (linear on long drafts).
            k = bisect_left(people, (start, end))
            beside = [p for p in people[max(k - 1, 0) : k + 1] if _beside(doc, (start, end), p)]
            if beside:
                at_work = _at_work_beside(doc, street, b)
                facility = _FACILITY_BRACKET.search(doc.norm, max(0, street - 16), street) is not None
                beside = [p for p in beside if not at_work[p[0] >= end] and not (facility and p[0] >= end)]
            if beside or _roster_row(doc, street):
                message = (
                    "個人の氏名と番地までの住所が並んでいます。本人の了解がない限り掲載せず、"
                    "載せる場合もお住まいの地区名（〇〇町など）までにしてください。"
                )
            elif (
                _signed_by_surname(doc, street, b, sentence, seen)
                or _OWN_HOME_BEFORE.search(doc.norm, max(0, street - 16), street) is not None
                or _lives_at(doc, b, sentence, seen)
            ) and not _sentence_says(doc, _VACANT, sentence, seen):
                message = "個人宅の住所と思われます。本人の了解がない限り、番地までの住所は掲載しないでください。"
            else:
                continue
        yield Hit(start, end, message)


# A flat's building and floor with a resident named on it (「ハイツ本町 3階の山田さん」「コーポ上越2Fの佐藤まで」「…3階の山田さん
# 宅から出火」): a flat's name is on any map and a floor holds a few doors, so the household is found as by its street number.
# A floor alone is no home's (bb14eedb: a shop, a clinic or a hall gives its floor), nor one with no one named on it (「ハイツ
# 本町 2階 集会室」), nor a title (「山田先生」) or a firm (「山田建設」) after it: a surname with an honorific, 宅 or まで, and
# not in a sentence on a shop's, a hotel's or a let room (_NOT_A_HOME_FLAT).
# A room's number there (「コーポ上越 203 山田さん」「コーポ上越203号室の山田さん」) gives the door itself, with no street number
# before it (_FLAT_ROOM_AFTER's); not a year (「ハイツ本町 2024」) unless 号 makes it a room.
_FLAT_FLOOR = re.compile(
    # 「の」 may join them (「コーポ上越の203号室」), and a wing's letter lead the room (「メゾン五智 B-102」).
    rf"(?:{_DWELLING})(?P<name>[^\s、。,()「」【】<>0-9ぁ-ゖ]{{0,10}}?)[ \t]*(?:の[ \t]*)?(?:[0-9]{{1,2}}(?:階|[Ff](?![A-Za-z0-9]))"
    r"|(?P<room>(?:[A-Z][ \t]*-?[ \t]*)?(?!(?:19|20)[0-9]{2}(?![0-9]|号))[0-9]{2,4}(?:号室|号)?(?![0-9])))"
)
# Not a party under one name (「パレス上越 3階の山田様ご一行」「…山田様ご一同」): a hotel's or a hall's welcome board gives the
# floor its guests meet on, and パレス names a hall as often as a flat.
# The resident may be said to live there (「ハイツ本町 3階に住む山田さん」「…在住の佐藤様」).
# A given name in katakana after the surname (「山田トメさん」), as an older woman's often is.
_FLOOR_RESIDENT = re.compile(
    r"[ \t]*(?:の|に(?:住む|住んでいる|住んでいた|暮らす|暮らしている)|在住の?)?[ \t]*([一-龯々][一-龯々ァ-ヶー]{0,5}?)(?:さん|様|氏|宅|まで)"
    r"(?![ \t]*(?:ご|御)?(?:一行|一同))"
)
# Or named further on as a resident after a fire, a rescue or a crime on that floor (「グランドマンション上越3階で火災、住人の
# 山田さんが救助されました」「…3階の一室から出火し、この部屋に住む山田太郎さん（80）が搬送されました」): the building, its floor
# and a name give the home as 「3階の山田さん宅から出火」 does. The incident between them ties the resident to the floor: a
# resident named after a floor otherwise is as often at an event held there (「パレス上越 2階で、住民の山田さんによる昔話の会」
# 「ハイツ本町 1階の多目的室で開催。住民の山田さんが…」「…3階から避難はしごで降りる訓練。住民の山田さんが参加」). Within the
# line; a word of residents alone (「住人の方は全員避難しました」「住民の皆さんは」) names no one.
# A news report's occupation or age group before the name (「この部屋に住む無職の山田太郎さん（80）」「住人で80代の山田さん」)
# and a katakana given name (「住人の山田トメさん（85）」) name the resident as well.
_RESIDENT_LATER = re.compile(
    r"[^\n]{0,20}?(?:火災|出火|火事|全焼|半焼|救助|救出|搬送|死亡|遺体|けが|負傷|倒壊|浸水|侵入|空き巣|強盗|事件|閉じ込め)"
    r"[^\n]{0,30}?(?:(?:住人|住民|居住者|入居者)(?:の|で(?:ある)?|、)?|に住む|に住んでいる|に住んでいた|[にで]暮らす|[にで]暮らしていた)"
    r"[ \t]*(?:(?:無職|会社員|自営業|パート|アルバイト|年金生活|[0-9]{1,3}代)の?[ \t]*)?"
    r"([一-龯々][一-龯々ァ-ヶー]{0,6}?)(?:さん|様|氏)(?![ \t]*(?:ご|御)?(?:一行|一同))"
)
# Unless the floor is given for a room the residents share (「ハイツ本町 1階 集会所で、入居者の佐藤さんが講師を」): a resident
# named there does not live on it.
_SHARED_ROOM = re.compile(r"[ \t]*(?:の[ \t]*)?(?:集会|会議|共用|管理|ロビー|ホール|和室|談話|ラウンジ|エントランス|ゲストルーム)")
# Nor a fire or a rescue only practised or guarded against there (「レジデンス上越 5階で救助訓練、住民の山田さんも参加しました」
# 「…3階で火災を想定した避難訓練…住民の佐藤さんが通報役」「…2階で火災予防の講習会。講師は住民の山田さん」): a drill or a talk
# held on the floor, as the event 2b4a32c7 left silent, whoever of the residents takes part.
_DRILL_BETWEEN = re.compile(r"訓練|想定|予防|講習|講座|教室|説明会|点検|対策|報知|起きたら|起こったら|なったら|もしも|万が一")
# Or someone said to live in the room (「山田太郎さんはコーポ上越の203号室に住んでいます」「私はハイツ本町 201号室に住んでいます」),
# as 「本町3-4-5に住んでいます」 gives a home: the building and the room are the door, whoever is named.
# Not the room's residents a notice is for (「上越荘 201号室にお住まいの皆様へ」「…201号室に住んでいる方は点検にご協力ください」),
# as 「本町3-4-5在住の方は」 is not: no one is named.
_LIVES_IN_ROOM = re.compile(
    r"[ \t]*(?:に(?:住んで|暮らして)(?:います|おります|いる|いた|いました)|にお住まい)"
    r"(?![ \t]*の?[ \t]*(?:方|皆|みな|各位|世帯|人[はへにも]))"
)
_FLOOR_MESSAGE = (
    "集合住宅の名前と階に個人の名前が並んでいます。本人の了解がない限り、建物の名前や階は掲載しないでください。"
)
_ROOM_MESSAGE = (
    "集合住宅の名前と部屋番号に個人の名前が並んでいます。本人の了解がない限り、建物の名前や部屋番号は掲載しないでください。"
)


# A room's number with a full name after it and no honorific (「コーポ上越 203号 山田太郎」「メゾン五智 102 佐藤花子」), as a
# list or an address label gives the resident: the door and who is behind it, as with 「さん」. A floor's is not read so
# (a shop's or a hall's floor and its staff), nor a full name glued to a noun (「山田太郎税理士事務所」).
# The name ends the entry: the line, a bracket (an age) or a comma after it, or an address label's 宛・方. A word after it
# (「ヴィラ上越 101 山田太郎 作品展」「…山田太郎法律事務所」) makes it an exhibition's or a business's name.
# An honorific set apart, as an address label spaces it (「コーポ上越 203号 山田太郎 様」), ends it as well.
_NAME_ENDS = re.compile(r"[ \t]*(?:$|\n|[、。,.!！(（]|宛|方(?![一-龯])|宅|(?:様|殿|さん|氏)(?![ \t]*(?:ご|御)?(?:一行|一同)))")
_ROOM_NAME_GAP = re.compile(r"[ \t]*(?:の[ \t]*)?")


def _full_name_at(doc: Document, pos: int) -> bool:
    """Whether a full name (a family and a given name) starts at normalised offset ``pos`` and ends a word there."""
    k = doc.token_bounds[0].get(doc.span(pos, pos + 1)[0]) if pos < len(doc.norm) else None
    if k is None:
        return False
    for i, j in doc.person_names(doc.span(pos, min(len(doc.norm), pos + 12))):
        if i != k:
            continue
        toks = doc.tokens
        return sum(map(is_person_name, toks[i:j])) >= 2 and _NAME_ENDS.match(doc.text, toks[j - 1].end) is not None
    return False


def _surname_at(doc: Document, span: tuple[int, int]) -> bool:
    """Whether the normalised ``span`` is a name to the analyser, word for word."""
    name = doc.span(*span)
    toks = [doc.tokens[i] for i in doc.token_range(name)]
    return bool(toks) and toks[-1].end == name[1] and all(map(is_person_name, toks))


def _flat_floors(doc: Document) -> Iterator[Hit]:
    norm = doc.norm
    seen: _SentenceCache = {}
    for m in _FLAT_FLOOR.finditer(norm):
        who = _FLOOR_RESIDENT.match(norm, m.end())
        if who is None:
            gap = _ROOM_NAME_GAP.match(norm, m.end())
            if not (m["room"] and gap is not None and _full_name_at(doc, gap.end())) and not (
                m["room"] and _LIVES_IN_ROOM.match(norm, m.end())
            ):
                who = None if _SHARED_ROOM.match(norm, m.end()) else _RESIDENT_LATER.match(norm, m.end())
                if who is not None and _DRILL_BETWEEN.search(norm, m.end(), who.start(1)):
                    continue
                if who is None or not _surname_at(doc, who.span(1)):
                    continue
        elif not _surname_at(doc, who.span(1)):
            continue
        start = m.start()
        while start > 0 and (_PLACE_CHAR.match(norm, start - 1) or norm[start - 1] in "〇○"):
            # The building's name before its kind (「グランドマンション」「上越ハイツ」), or the 「〇〇」 a draft holds it in
            # until it is filled in (「〇〇マンション3階の山田さん」): a named building either way.
            start -= 1
        if start == m.start() and not m["name"].strip():
            continue  # a flat with no name (「近所のアパート2階の山田さん」): no door is given
        sentence = doc.sentence_at(doc.span(start, m.end())[0])
        if _example(doc, start, m.end()) or _sentence_says(doc, _NOT_A_HOME_FLAT, sentence, seen):
            continue
        yield Hit(*doc.span(start, m.end()), _ROOM_MESSAGE if m["room"] else _FLOOR_MESSAGE)


# The same in an English post: a romaji address to the lot (「3-12-5 Minami-Honcho, Joetsu City」「2-4-8 Naka-machi,
# Joetsu-shi」: chome-ban-go, then a romaji town) beside a private person, named with a title (「Mr. Taro Yamada」), as
# a form's label (「Owner: Hanako Suzuki」), or as where someone lives (「lives at」「's home」). Not a facility's
# address (「Joetsu International Center, 1-1-1 Kibougaoka」「Contact Mr. Tanaka at City Hall, 1-1-1 Kibougaoka」),
# which the 10 words either side name.
_ROMAJI_ADDRESS = re.compile(
    r"(?<![0-9-])[0-9]{1,2}-[0-9]{1,4}-[0-9]{1,4}(?:-[0-9]{1,4})?[ \t]*,?[ \t]+(?!(?:Mr|Ms|Mrs|Miss|Mx|Dr|Sr|Sra|Srta)\b)"
    r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)*(?=[ \t]*(?:[,.);]|$|[ \t]+(?:Joetsu|City|Town|Ward)))",
    re.MULTILINE,
)
_ROMAJI_PERSON = re.compile(
    # The same titles in a Portuguese post for Brazilian residents (「Sr. João Silva」「Sra. Maria Souza」).
    r"\b(?:Mr|Ms|Mrs|Miss|Mx|Sr|Sra|Srta)\.?[ \t]+[A-Z][a-zà-ÿ]+(?:[ \t]+[A-Z][a-zà-ÿ]+)?"
    r"|\b(?:[Oo]wner|[Nn]ame|[Ff]inder|[Ww]inner|[Rr]esident|[Cc]ontact)[ \t]*:[ \t]*[A-Z][a-z]+[ \t]+[A-Z][a-z]+"
    r"|\b[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?-(?:san|sama)\b"
    r"|\b(?:lives|living|lived|resides|residing)[ \t]+(?:at|in)\b|\b(?:mora|reside)[ \t]+(?:em|na|no)\b|\bsống[ \t]+(?:tại|ở)\b|\b(?:[A-Za-z]+'s|his|her|their|my)[ \t]+(?:home|house|residence)\b"
)
_ROMAJI_FACILITY = re.compile(
    r"(?i)\b(?:hall|cent(?:er|re)|office|station|school|library|museum|park|hospital|clinic|building|gym(?:nasium)?"
    r"|shrine|temple|plaza|store|shop|hotel|inn|company|co\.|corporation|inc\.|ltd\.?|association|division"
    r"|department|facility|venue|place|shelter|court|university|college|kindergarten|nursery|restaurant|cafe|café"
    r"|bakery|brewery|farm|salon|studio|gallery|bar|izakaya|ryokan|pension|workshop|factory|garage|pharmacy|castle"
    r"|church|stadium|market|bank|post|kominkan|jinja|dera"
    # Portuguese: a venue or an office in a post for Brazilian residents (「Prefeitura de Joetsu, 1-1-1 Kibougaoka」).
    r"|prefeitura|centro|escola|biblioteca|loja|igreja|museu|parque|esta[çc][ãa]o|gin[áa]sio|sal[ãa]o|associa[çc][ãa]o"
    r"|cl[íi]nica|empresa|f[áa]brica|mercado|restaurante)\b"
)
_ROMAJI_NEAR = 60
# An event at the address names a venue, not a home: 「Mr. Tanaka will speak at 3-12-5 Minami-Honcho」.
_AT_AN_EVENT = r"\b(?:held|speak|speaks|talk|talks|meet|gather|located|takes[ \t]+place)[ \t]+(?:at|in)"
_ROMAJI_VENUE = re.compile(rf"(?i){_AT_AN_EVENT}\b")
# And right before the address, or as its label: 「The class is held at 2-4-8 Naka-machi … Teacher: Ms. Yuki Sato.」
_ROMAJI_VENUE_BEFORE = re.compile(rf"(?i)(?:{_AT_AN_EVENT}|\b(?:venue|place|location)[ \t]*:)[ \t]*$")
# A facility's own name right after its address: 「1-1-1 Kibougaoka, Joetsu City Hall」「3-4-5 Honcho (Sato Bakery)」.
# Capitalised words only: 「…, near the station」 or 「… found it at the park」 say where else.
_ROMAJI_NAMED_AFTER = re.compile(
    r"(?:[ \t]*[,(（]?[ \t]*[A-Z][A-Za-z.'&-]*){0,5}[ \t]*[,(（]?[ \t]*(?i:" + _ROMAJI_FACILITY.pattern.removeprefix("(?i)") + ")"
)
# And right before it, as a contact block or a shop's card gives it, with its staff or owner after: 「Joetsu
# International Center, 1-1-1 Kibougaoka, Joetsu City. Staff: Ms. Yuki Sato.」「Sato Bakery, 2-4-8 Naka-machi.
# Owner: Mr. Ken Sato.」. No title in between: 「…at the station, Mr. Sato, 2-4-8 Naka-machi」 is his.
_ROMAJI_NAMED_BEFORE = re.compile(
    "(?i:" + _ROMAJI_FACILITY.pattern.removeprefix("(?i)") + ")"
    # 「Prefeitura de Joetsu」「Centro Internacional de Joetsu」: Portuguese names the place with 「de」.
    r"(?:[ \t]+(?!(?:Mr|Ms|Mrs|Miss|Mx|Dr|Sr|Sra|Srta)\b)(?:[A-Z][A-Za-z.'&-]*|d[eoa]s?\b)){0,4}[ \t]*[,(（:：]?[ \t]*$"
)


def _romaji_addresses(doc: Document) -> Iterator[Hit]:
    text = doc.text
    if "-" not in text:
        return
    for m in _ROMAJI_ADDRESS.finditer(text):
        # The sentence may be split at 「Mr.」: read the neighbourhood instead, within its line.
        line_start = doc.line_start(m.start())
        line_end = text.find("\n", m.end())
        lo = max(line_start, m.start() - _ROMAJI_NEAR)
        hi = min(len(text) if line_end < 0 else line_end, m.end() + _ROMAJI_NEAR)
        # A facility between the person and the address, or named right after it, is where the address leads:
        # 「Contact Mr. Tanaka at Joetsu City Hall, 1-1-1 Kibougaoka」. One anywhere near is not: 「Mr. Taro Yamada
        # (3-12-5 Minami-Honcho, Joetsu City) found the wallet at the park.」 is his home.
        if (
            _ROMAJI_NAMED_AFTER.match(text, m.end(), hi) or _ROMAJI_NAMED_BEFORE.search(text, lo, m.start())
            or _ROMAJI_VENUE_BEFORE.search(text, lo, m.start())
        ) or not any(
            not _ROMAJI_FACILITY.search(text, *gap) and not _ROMAJI_VENUE.search(text, *gap)
            for p in _ROMAJI_PERSON.finditer(text, lo, hi)
            for gap in [(p.end(), m.start()) if p.end() <= m.start() else (m.end(), max(m.end(), p.start()))]
        ):
            continue
        yield Hit(
            m.start(),
            m.end(),
            "個人の氏名と番地までの住所が並んでいます。本人の了解がない限り掲載せず、"
            "載せる場合もお住まいの地区名（〇〇町など）までにしてください。",
        )
