"""The text model: the original draft, a normalised view with an offset map, sentences, tokens, URLs.

Rules match on the normalised view (NFKC, folded kana and case) but always report offsets in the
ORIGINAL text's code points; `Document.span` translates. Everything expensive is computed lazily and
at most once per check.
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cached_property

from bot.rules import analyzer
from bot.rules.emoji import EMOJI
from bot.rules.prefilter import guard
from bot.rules.text_fold import FOLD_TABLE as _FOLD
from bot.rules.text_fold import fold

__all__ = ["Document", "Url", "fold"]

HYPHENS = "-‐‑‒–—―−ーｰ﹣－"
# Digits written as kanji, 0 to 9 (「二〇二六年」「〇九〇」).
KANJI_DIGITS = "〇一二三四五六七八九"
_HYPHEN_TO_ASCII = str.maketrans(dict.fromkeys(HYPHENS, "-"))
_NFKC_CACHE: dict[str, str] = {}
_NFKC_CACHE_LIMIT = 100_000


def _nfkc_char(ch: str) -> str:
    r = _NFKC_CACHE.get(ch)
    if r is None:
        r = unicodedata.normalize("NFKC", ch)
        if len(_NFKC_CACHE) < _NFKC_CACHE_LIMIT:
            _NFKC_CACHE[ch] = r
    return r


class _NfkcTable(dict[int, str]):
    """str.translate table computing (and remembering) each code point's NFKC form on first sight."""

    def __missing__(self, cp: int) -> str:
        nf = unicodedata.normalize("NFKC", chr(cp))
        if len(self) < _NFKC_CACHE_LIMIT:
            self[cp] = nf
        return nf


# Invisible format characters that can be typed (or pasted) inside a word, number or URL without
# changing how the draft looks: zero-width space/non-joiner/joiner, word joiner, BOM, the bidi
# marks, embeddings, overrides and isolates, the soft hyphen (shown only where a line breaks), the
# Mongolian vowel separator, the invisible operators, and variation selectors (text or emoji
# presentation, ideographic variants such as 葛󠄀: the same letter for every rule). The normalised view
# drops them, so 「090<ZWSP>1234<ZWSP>5678」, 「馬<SHY>鹿」 and 「㊙️ 人事案」 are matched like the
# visible text; offsets still map into the original. Rules that draw or count what is shown (emoji,
# platform lengths) read the draft itself.
INVISIBLE = (
    "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
    "\u200e\u200f\u061c\u00ad\u180e\u2061\u2062\u2063\u2064"
    + "".join(map(chr, range(0xFE00, 0xFE10)))
    + "".join(map(chr, range(0xE0100, 0xE01F0)))
)
# The same characters written as ranges: a class of 279 single characters is searched a character
# at a time (0.2 ms on a 1,000-character draft, twice a check), ranges in a few comparisons.
_INVISIBLE_RE = re.compile(
    "[\u200b-\u200f\u2060-\u2064\ufeff\u202a-\u202e\u2066-\u2069\u061c\u00ad\u180e"
    "\ufe00-\ufe0f\U000e0100-\U000e01ef]"
)

_NFKC_TABLE = _NfkcTable({ord(ch): "" for ch in INVISIBLE})
for _ch in INVISIBLE:
    _NFKC_CACHE[_ch] = ""
# Marks that compose with the preceding character under NFKC (ｶﾞ → ガ, e + ◌́ → é).
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\ufe20-\ufe2f]")


# The voiced and semi-voiced marks typed as characters of their own after kana (「ハ゛カ」): NFKC makes
# them a space and a combining mark, which composes with nothing. After a kana that takes the mark
# they become the combining mark (one character for one, so offsets stay), and normalising composes
# 「バ」.
_SPACING_MARK = re.compile("(?<=[\u3041-\u3096\u30a1-\u30fa])[゛゜]")
_COMBINING_OF = {"゛": "\u3099", "゜": "\u309a"}
# Half-width katakana too: Sudachi reads 「ﾊ」 and a combining 「゙」 as two words.
_VOICED = re.compile("[\u3041-\u3096\u30a1-\u30fa\uff66-\uff9d][\u3099\u309a]")


def _composed(m: re.Match[str]) -> str:
    """A kana and its combining mark as one letter and a zero-width space (two characters for two);
    a pair that composes to nothing (「ア゙」) stays as it is."""
    one = unicodedata.normalize("NFKC", m.group())
    return one + "\u200b" if len(one) == 1 else m.group()


def _as_combining(m: re.Match[str]) -> str:
    mark = _COMBINING_OF[m.group()]
    kana = m.string[m.start() - 1]
    return mark if len(unicodedata.normalize("NFC", kana + mark)) == 1 else m.group()


def _normalise(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """NFKC `text`, remembering which original code points each output character came from.

    Fast path (almost every draft): each character normalises to exactly one character and nothing
    composes, so offsets are unchanged and no map is needed (None). Otherwise the text is normalised
    chunk by chunk, a chunk being a base character plus the characters whose NFKC form is combining
    (e.g. ｶﾞ, where the half-width voiced mark only composes with the preceding kana).
    """
    if "゛" in text or "゜" in text:
        text = _SPACING_MARK.sub(_as_combining, text)
    fast = text.translate(_NFKC_TABLE)
    # The same length is only one character for one when none was dropped: 「🙇‍♂️」 loses two
    # (ZWJ, VS16) that a 「…」 made 「...」 gives back, and every offset between them would be off.
    if len(fast) == len(text) and not _COMBINING.search(fast) and not _INVISIBLE_RE.search(text):
        return fast, None, None
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    n = len(text)
    i = 0
    while i < n:
        j = i + 1
        while j < n:
            nxt = _nfkc_char(text[j])
            if nxt and unicodedata.combining(nxt[0]):
                j += 1
            else:
                break
        piece = (
            _nfkc_char(text[i])
            if j == i + 1
            else _INVISIBLE_RE.sub("", unicodedata.normalize("NFKC", text[i:j]))
        )
        out.append(piece)
        starts.extend([i] * len(piece))
        ends.extend([j] * len(piece))
        i = j
    return "".join(out), starts, ends


# A letter of a Japanese word: kana, the prolonged sound mark, a kanji or 々.
WORD_LETTER = r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u4e00-\u9fff\u3005]"

# A Latin or Hangul full stop ends a sentence when a space follows (multilingual notices for
# foreign residents: English, Vietnamese, Korean); "1.5" and "www.city" have no space after it.
_SENTENCE_END = guard(re.compile(r"[。．！？!?।॥]+[」』）)]*|(?<=[0-9A-Za-z\u00c0-\u024f\u1e00-\u1eff\uac00-\ud7a3)])\.(?=[ \t])|\n+"))
# Characters allowed in a URL (RFC 3986) — an ASCII boundary, so Japanese text right after a URL
# is not swallowed into it.
URL_CHARS = r"A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%"
# A link to a Japanese domain name (「https://上越市.jp/」, an IDN): X and LINE link it, so it is
# checked like any other; only after a scheme, since Japanese text runs into a bare one.
_IDN_URL_RE = re.compile(
    rf"(?i)(?<![A-Za-z0-9])https?://(?=[^/?#\s]*[^\x00-\x7f])(?:[^\W_](?:[\w\-]*[^\W_])?\.)+[A-Za-z]{{2,}}"
    rf"(?![\w\-])(?:[/?#][{URL_CHARS}]*)?"
)
# A letter or digit right before a scheme or 「www.」, as NFKC may have made it of a mark (「①https://」).
_GLUED_START = re.compile(r"(?i)[A-Za-z0-9](?=https?://|www\.)")
# A circled or otherwise enclosed number or letter (「①」「⑫」「㉑」「⒈」), which numbers the items of a list: before
# an address written without a scheme (「①city.joetsu.niigata.jp/…」) it is the list's, and the platforms link the
# address after it; NFKC would make 「①city」 the one word 「1city」.
_ENCLOSED = re.compile("[\u2460-\u24ff\u3251-\u325f\u32b1-\u32bf\U0001f100-\U0001f10a]")
# What an address may hold where an enclosed number stands inside it (「…/a①b/」): there it stays the address's.
_IN_ADDRESS = re.compile(r"[A-Za-z0-9\-._~/%?#=&]")
# Not the one dot leader (U+2024): drawn like a full stop, it is how 「bit․ly」 disguises a link.
_ELLIPSES = "\u2025\u2026"
# What NFKC makes URL characters of, but no platform links across when written full-width (「（」「，」):
# Japanese writing puts its notes right after a link, and its hashtags (「…/event/＃上越市」).
_WIDE_STOPS = "()[]{},#"
# The start of a link, and the marks that may stand before an address inside another one (a
# redirect's 「?url=https://…」), which a full-width one there is a typo in, not the end of the link.
_NEXT_LINK = re.compile(r"(?i)https?://|www\.")
_JOINS_ADDRESS = "/?#=&%"
# What only an address has after such a character: a path, a query or a fragment.
_GOES_ON = re.compile(r"[/?#=&]")
# The endings of a file a link may open: a page, a document, a picture (links._FILE_NAME uses them too).
FILE_EXTENSIONS = r"html?|pdf|php|aspx?|jsp|cgi|xlsx?|docx?|pptx?|csv|txt|zip|jpe?g|png|gif"
# A sign that NFKC made ASCII right after a closed path, a 「/」 or a file name (「…/event/／TEL025-…」「…/event/～12/5」
# 「…/event/：10時～」「…/index.html～12/5」): the separator or the note of the sentence, which no platform links, as
# _url says of one before Japanese. Unless what follows it can only be more of the address (_ADDRESS_AFTER_SIGN):
# then it is the address's own, written full-width (link.malformed). The sign is group 1: the file's ending is
# matched, not looked behind for, since a look-behind takes one width only (seven of them, one per ending, were a
# shorter list than FILE_EXTENSIONS and slower to try at every character).
_AFTER_CLOSED_PATH = re.compile(rf"(?i)(?:(?<=[^/:]/)|(?<=\.)(?:{FILE_EXTENSIONS}))([^A-Za-z0-9?#])")
# A path segment closed by 「/」 (「…/site/／kurashi/」), a file name (「…/event/／a.pdf」「…/event/＿2025.pdf」
# 「…/site/／2025/12/a.pdf」), a percent escape after 「％」 (「…/event/％E4％B8％8A」) or a user's directory after
# 「～」 (「…/～tanaka」, a tilde typed with the IME on), written in ASCII: a note's phone number, date or time
# (「／TEL025-526-5111」「～12/5」) is none of them, nor is 「／TEL025-526-5111／FAX…」, its 「/」 full-width too.
_ADDRESS_AFTER_SIGN = re.compile(
    r"[A-Za-z0-9_.\-]*[A-Za-z][A-Za-z0-9_.\-]*/"
    r"|(?:[A-Za-z0-9_.\-]+/)*[A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*"
    rf"\.(?i:{FILE_EXTENSIONS})(?![A-Za-z0-9])"
)
_PERCENT_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# Kana or kanji right after the ASCII a sign is followed by: what follows the sign is a word of the sentence
# (「…/event/～kids向けイベント」「…/event/．pdf版もあります」), not an address the sentence goes on with.
_INTO_JAPANESE = rf"(?![A-Za-z0-9_.\-]|{WORD_LETTER})"
_USER_DIRECTORY = re.compile(rf"~[a-z][A-Za-z0-9_.\-]*+{_INTO_JAPANESE}")
# A name after a dot, in lower case (「…/event/．htaccess」, the dot typed with the IME on), a query's parameter after
# 「＆」 (「…/event/＆id=3」), and a page's number after a script (「…/site/a.php／12345」, its path info): none of them is
# the start of a sentence, a date or a phone number.
_DOT_NAME = re.compile(r"\.[a-z][a-z0-9_\-]*+(?=[\s/?#)\]」』、。,]|\Z)")
_QUERY_PARAMETER = re.compile(r"&[A-Za-z0-9_.\-]+=")
_SCRIPT_BEFORE = re.compile(r"(?i)\.(?:php|cgi|jsp|aspx?)/$")
_PAGE_NUMBER = re.compile(rf"[0-9]++{_INTO_JAPANESE}(?!/)")


def _address_after_sign(doc: Document, view: str, i: int) -> bool:
    """Whether what follows the sign at ``view[i]`` is more of the address (_ADDRESS_AFTER_SIGN)."""
    if (
        _PERCENT_ESCAPE.match(view, i)
        or _USER_DIRECTORY.match(view, i)
        or _DOT_NAME.match(view, i)
        or _QUERY_PARAMETER.match(view, i)
        or (
            view[i] == "/"
            and _PAGE_NUMBER.match(view, i + 1) is not None
            and _SCRIPT_BEFORE.search(view, max(0, i - 6), i + 1) is not None
        )
    ):
        return True
    m = _ADDRESS_AFTER_SIGN.match(view, i + 1)
    return m is not None and doc.original(i + 1, m.end()) == view[i + 1 : m.end()]


# Greek and Cyrillic letters, some of which look exactly like Latin ones (Cyrillic «о», «а», «р»):
# a URL that contains them is one URL to report (link.malformed), not two pieces cut at the letter.
LOOKALIKE_LETTERS = "\u0370-\u03ff\u0400-\u04ff"
# The start of a link (a scheme or 「www.」 and a URL character), and the run of URL characters it is
# in, matched apart: after a link is cut (「a（https://a.jp/」 repeated) the next one starts inside
# the same run, and matching each start to the run's end again made such a draft quadratic.
_URL_START_RE = guard(re.compile(
    rf"(?i)(?<![A-Za-z0-9{LOOKALIKE_LETTERS}])(?:https?://|www\.)(?=[{URL_CHARS}{LOOKALIKE_LETTERS}])"
))
_URL_RUN_RE = re.compile(rf"(?i)[{URL_CHARS}{LOOKALIKE_LETTERS}]+")
_WIDE_STOP_RE = re.compile(f"[{re.escape(_WIDE_STOPS)}]")
# A 「＃」 typed with the IME on between a file name and an anchor (「…/index.html＃access」) is the address's
# fragment: X makes no hashtag of a 「＃」 right after a letter or digit, and the link it makes ends before it,
# on the top of the page. After a 「/」 or before Japanese (「…/event/＃joetsu」「…html＃上越市」) it is a hashtag.
_WIDE_FRAGMENT_RE = re.compile(r"(?<=[A-Za-z0-9])#(?=[A-Za-z0-9_\-])")
# A domain written without a scheme, with or without a path: X, Facebook and LINE turn 「詳しくは
# example.com へ」 into a link too. Never the local part of a mail address (「info.tokyo@…」), nor the
# domain of one whose @ a link percent-encoded (「mailto:kouhou%40city.joetsu.niigata.jp」: not 40city…);
# after a % that is no such code (「還元率50%lucky.example.com」) a domain is one, and so it is after
# a percentage, a number standing as a word of its own, whatever letters follow (「100%cafe.jp」: 「%ca」
# reads as hex, but no address puts a percent-encoding right after a number that begins a word).
_PERCENTAGE = "|".join(
    rf"(?<=(?<![A-Za-z0-9%._~\-]){number}%)"
    for number in ("[0-9]", "[0-9]{2}", "[0-9]{3}", r"[0-9]\.[0-9]", r"[0-9]{2}\.[0-9]")
)
_BARE_DOMAIN_RE = guard(re.compile(
    rf"(?<![A-Za-z0-9{LOOKALIKE_LETTERS}@._/\-])(?:(?<!%)|(?![0-9A-Fa-f]{{2}})|{_PERCENTAGE})"
    rf"((?:[A-Za-z0-9{LOOKALIKE_LETTERS}](?:[A-Za-z0-9{LOOKALIKE_LETTERS}\-]*[A-Za-z0-9{LOOKALIKE_LETTERS}])?\.)+[A-Za-z]{{2,}})"
    rf"(?:(/[{URL_CHARS}]*)|(?![A-Za-z0-9@_\-]|\.[A-Za-z0-9]))"
))
# Without a path, only the common top-level domains make a link: a file (「申請書.zip」「logo.ai」)
# or an Instagram account (「Instagram：official.wake.town」) ends in a newer one.
_BARE_TLDS = frozenset({"com", "net", "org", "jp", "info"})
# The authority: everything between the scheme and the first / ? #. Its host is after the LAST "@"
# (RFC 3986 userinfo), so https://city.joetsu.niigata.jp@evil.example/ goes to evil.example.
_AUTHORITY_RE = re.compile(r"(?i)^(?:https?://)?([^/?#]+)")

_WORD_LETTER_RE = re.compile(WORD_LETTER)
_KANA_LETTERS = "\u3041-\u3096\u30a1-\u30fa"
_KATAKANA = "\u30a1-\u30fa\u30fc"
_HALFWIDTH_KATAKANA = "\uff66-\uff9f"
_KANA_RE = re.compile(f"[{_KANA_LETTERS}\u30fc]")
# A separator after a single letter (「ガ イ ジ ン」「バ・カ」「ク*ソ役所」「バ～カ」, one letter a line), on
# the normalised text where 「　」 is a space, 「＊」 is 「*」 and 「～」 is 「~」: the letters are read as
# the word they spell.
_LETTER_SEPARATORS = " \t\n・.*_~〜"
# A letter is single when the letter before it, if any, is of another script: 「市長はバ カ」 spells
# バカ after the hiragana は, as 「あいつ死 ね」 spells 死ね (「ー」 goes with either kana). Not hiragana
# after a kanji, which ends the kanji's word (「晴れ 気温は」): that is how words end.
_SINGLE_LETTER = (
    r"(?:(?<![\u3041-\u3096\u30fc\u4e00-\u9fff\u3005])[\u3041-\u3096]|(?<![\u30a1-\u30fa\u30fc])[\u30a1-\u30fa\u30fc]"
    r"|(?<![\u4e00-\u9fff\u3005])[\u4e00-\u9fff\u3005])"
)
_AFTER_SINGLE_LETTER_RE = re.compile(f"(?<={_SINGLE_LETTER})")
# The separator comes first in the pattern, so that the search skips to separators instead of trying
# the lookbehinds at every character; the letter before it is then checked behind it (two characters).
_SINGLE_LETTER_SEPARATOR = re.compile(
    rf"[{re.escape(_LETTER_SEPARATORS)}](?<={_SINGLE_LETTER}[{re.escape(_LETTER_SEPARATORS)}])(?={WORD_LETTER})"
)
# Latin letters spelled out one by one (「f u c k」「S.H.I.T」): only between two single letters, since
# 「a dog」 joined would be one word of two.
_SINGLE_LATIN_SEPARATOR = re.compile(
    rf"[{re.escape(_LETTER_SEPARATORS)}](?<=(?<![A-Za-z])[A-Za-z][{re.escape(_LETTER_SEPARATORS)}])(?=[A-Za-z](?![A-Za-z]))"
)
# A drawn-out sound after kana (「ばーーーか」): the word with one 「ー」.
_LONG_SOUND_RUN = guard(re.compile(f"(?<=[{_KANA_LETTERS}])ー{{2,}}"))
# 「ー」 drawing out the last sound of a word in hiragana (「ばかーだ」「あほー！」「くそー」), which Sudachi
# cuts across (バ/カー), unlike the same word in katakana: the word read without it. Only before a
# particle or the copula (「だ」「よ」「ね」…) or what is no hiragana, where the word ends; inside a word
# the 「ー」 stays (「ばかーん」「まーす」「すごーい」 are no entry once it is gone).
_HIRAGANA_DRAWN_OUT = guard(re.compile(r"(?<=[ぁ-ゖ])ー++(?=[だでじよねなかとがはをにもの]|[^ぁ-ゖ]|\Z)"))
# A drawn-out vowel written as small kana after a kana of the same vowel, closing the word
# (「ばかぁ」「くそがぁぁ」「キモいぃ」): the word without it. Not a small vowel that makes a sound with
# the kana before it (「ファ」「ティ」「ウォ」: another vowel), nor one inside a word (「かぁさん」).
def _small_vowel_runs() -> str:
    by_vowel: dict[str, list[str]] = {v: [] for v in "AIUEO"}
    small: dict[str, str] = {}
    for cp in [*range(0x3041, 0x3097), *range(0x30A1, 0x30FB)]:
        name = unicodedata.name(chr(cp), "")
        if name.endswith(("SMALL A", "SMALL I", "SMALL U", "SMALL E", "SMALL O")):
            small[chr(cp)] = name[-1]
        elif name[-1:] in by_vowel:
            by_vowel[name[-1]].append(chr(cp))
    # A run is tried from its first small vowel only, and whole: tried from every small vowel of a long
    # run that kana follow (「か」, 40,000 「ぁ」, 「か」), it was quadratic.
    return "|".join(
        f"(?<=[{''.join(by_vowel[v])}])[{''.join(c for c, w in small.items() if w == v)}]++"
        for v in "AIUEO"
    )


_SMALL_VOWEL_DRAWN_OUT = re.compile(f"(?:{_small_vowel_runs()})(?![\u3041-\u3096\u30a1-\u30fa\u4e00-\u9fff\u3005])")
_ANY_SMALL_VOWEL = re.compile("[ぁぃぅぇぉァィゥェォ]")
# Kanji drawn like katakana (力 and カ, 口 and ロ): 「バ力」 reads as バカ. Swapped only next to katakana;
# so are the small ヵ and ヶ after katakana (「バヵ」), which 「一ヵ月」「霞ヶ関」 never have.
_KANJI_AS_KATAKANA = str.maketrans("力口工二八卜夕ヵヶ", "カロエニハトタカケ")
_KANJI_LOOKALIKE = re.compile(
    f"[力口工二八卜夕ヵヶ](?<=[{_KATAKANA}{_HALFWIDTH_KATAKANA}][力口工二八卜夕ヵヶ])|[力口工二八卜夕](?=[{_KATAKANA}{_HALFWIDTH_KATAKANA}])"
)
# Combining marks drawn over or around a Japanese letter (a strike-through 「バ̶カ̶」, a slash, a circle):
# decoration, not part of the word. The voiced marks (U+3099, U+309A) are not among them.
_MARKS = "\u0300-\u036f\u20d0-\u20ff\ufe20-\ufe2f"
_MARK_OVER_LETTER = re.compile(rf"(?<={WORD_LETTER})[{_MARKS}]+")
_ANY_MARK = re.compile(f"[{_MARKS}]")  # a cheap test first: the lookbehind would be tried everywhere
# A right-to-left override (U+202E) shows everything up to its end (U+202C) or the end of the line in
# reverse, Japanese included: 「\u202eカバ」 is seen as バカ.
_RIGHT_TO_LEFT_OVERRIDE = re.compile("(\u202e)([^\u202c\n]*)")
# Greek and Cyrillic letters drawn like Latin ones in common fonts, and the Latin letter meant.
_LATIN_LOOKALIKES = "аеорсухіјѕԁӏһԛԝАВЕКМНОРСТХІЈЅαορντικυΑΒΕΗΙΚΜΝΟΡΤΧΥΖ"
AS_LATIN = str.maketrans(_LATIN_LOOKALIKES, "aeopcyxijsdlhqwABEKMHOPCTXIJSaopvtikuABEHIKMNOPTXYZ")
# Such letters inside a Latin word (「bаka」「fuсk」 with a Cyrillic а, с): read as the Latin word.
# A word all in Cyrillic or Greek is that language's own.
_ANY_LOOKALIKE = re.compile(f"[{_LATIN_LOOKALIKES}]")
# Each run is tried from its start only: tried from every letter of a long Greek or Cyrillic run with no
# Latin letter after it (40,000 「α」), the second branch was quadratic.
_LOOKALIKE_IN_LATIN = re.compile(
    f"(?<=[A-Za-z])[{_LATIN_LOOKALIKES}]+|(?<![{_LATIN_LOOKALIKES}])[{_LATIN_LOOKALIKES}]++(?=[A-Za-z])"
)


def _overlaps(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    """Whether [a, b) overlaps one of `spans` (sorted, not overlapping each other, so their ends are
    in order too): a look-up, since a long draft can hold thousands of links."""
    i = bisect_left(spans, (b, -1)) - 1  # the last span starting before b
    return i >= 0 and spans[i][1] > a


@dataclass(frozen=True)
class Url:
    start: int  # original offsets
    end: int
    url: str  # normalised (NFKC) form as it would be typed in ASCII
    scheme: str  # "http", "https" or "" (written without a scheme)
    host: str  # lower case, no trailing dot
    path_start: int  # original offset where the path, query or fragment begins (``end`` when none)
    userinfo: str = ""  # what precedes "@" in the authority (a disguise or credentials), as written


def trim_url(u: str) -> str:
    # Trailing punctuation belongs to the sentence; a ")" only to the URL when it closes one.
    while u and u[-1] in ".,:;!?'\"*":
        u = u[:-1]
    while u.endswith(")") and u.count("(") < u.count(")") or u.endswith("("):
        u = u[:-1]
    return u


def is_ipv6_literal(host: str) -> bool:
    """「[2001:db8::1]」: brackets around a valid IPv6 address (a zone, 「%25eth0」, included)."""
    if len(host) < 4 or not host.endswith("]"):
        return False
    try:
        ipaddress.IPv6Address(host[1:-1].replace("%25", "%"))
    except ValueError:
        return False
    return True


class _Cuts:
    """Where a link found in ``doc.link_view`` at some offset in [start, stop) ends, when the
    address it was found in runs to ``stop``.

    Up to a full-width bracket, comma or 「＃」 in the text, when what follows is a note, a hashtag or another
    link: 「…/a.pdf（PDF：1.2MB）」「…/x＃上越市」「…/x，https://…」. Every platform ends the link there, but NFKC has made
    「（」 a URL character. When the address goes on after it (「…/a（1）/b」), the full-width
    character is in the URL: link.malformed. Any other full-width mark right before another link
    (「…/a！https://…」「…/a：https://…」) ends this one too, unless it can join a query to an address
    (「?u＝https://…」).

    The marks are listed once for the run, so that the links cut one after another in it
    (「a（https://a.jp/」 repeated) do not each read it to its end again."""

    def __init__(self, doc: Document, start: int, stop: int) -> None:
        view = doc.link_view
        self.view, self.stop = view, stop
        # Listed for the whole run: the first one after a link's start is where that link ends.
        self.before_links = [
            i
            for m in _NEXT_LINK.finditer(view, start + 1, stop)
            if view[i := m.start() - 1] not in _JOINS_ADDRESS and doc.original(i, i + 1) != view[i]
        ]
        self.wide = [
            i
            for m in _WIDE_STOP_RE.finditer(view, start, stop)
            if doc.original(i := m.start(), i + 1) != view[i] and not _WIDE_FRAGMENT_RE.match(view, i)
        ]
        self.goes_on = [m.start() for m in _GOES_ON.finditer(view, start, stop)]
        # Where the address was written in ASCII up to the sign: an address typed full-width (「…jp／kurashi／」,
        # 「https：／／」) is one to write half-width.
        self.closed = [
            i
            for m in _AFTER_CLOSED_PATH.finditer(view, start + 1, stop)
            if doc.original(i := m.start(1), i + 1) != view[i]
            and doc.original(i - 1, i) == view[i - 1]
            and not _address_after_sign(doc, view, i)
        ]

    def end_of(self, a: int) -> int:
        """The end of the link that starts at ``a`` (a start after any earlier one's)."""
        k = bisect_left(self.before_links, a)
        end = self.before_links[k] if k < len(self.before_links) else self.stop
        c = bisect_left(self.closed, a + 1)
        if c < len(self.closed) and self.closed[c] < end:
            end = self.closed[c]
        lo, hi = bisect_left(self.wide, a), bisect_left(self.wide, end)
        if lo == hi:
            return end
        last = self.wide[hi - 1]
        g = bisect_left(self.goes_on, last + 1)
        if (
            self.view.startswith(("http", "www."), last + 1, end)
            or g == len(self.goes_on)
            or self.goes_on[g] >= end
            # A bracket opened and never closed (「…/event（12/5まで）」): a note with a date in it, not 「（2026）/list」.
            or self.view[last] in "([{"
        ):
            return self.wide[lo]
        return end


def _url(doc: Document, a: int, raw: str) -> Url | None:
    u = trim_url(raw)
    # A full-width sign after an address written in ASCII (「…/event/／問合せ」「…/event/＝先着順」): no platform
    # links across it, and nothing of the address follows it. In an address typed full-width
    # (「…jp／kurashi／」) it is the address's own, to be written half-width (link.malformed).
    bare = u
    for _ in range(4):  # a separator or two; never a long run read again and again
        if not (
            bare
            and not bare[-1].isalnum()
            and not (bare[-1] in "=&" and "?" in bare)  # 「?q＝雪」: the query goes on, in Japanese
            and not doc.original(a + len(bare) - 1, a + len(bare)).isascii()
        ):
            break
        bare = trim_url(bare[:-1])
    if bare != u and doc.original(a, a + len(bare)).isascii():
        u = bare
    m = _AUTHORITY_RE.match(u)
    if not m:
        return None
    userinfo, _, hostport = m.group(1).rpartition("@")
    if hostport.startswith("["):
        # An IPv6 address is written in brackets (「http://[2001:db8::1]/」): its colons are not a port.
        host = hostport[: hostport.find("]") + 1].lower()
        if not is_ipv6_literal(host):
            return None
    else:
        host = hostport.split(":", 1)[0].lower().rstrip(".")
        if "." not in host:
            return None
    scheme = u.split("://", 1)[0].lower() if "://" in u else ""
    start, end = doc.span(a, a + len(u))
    return Url(start, end, u, scheme, host, doc.span(a, a + m.end())[1], userinfo)


def _drawn_out(text: str) -> Iterator[tuple[int, int]]:
    """All but the first 「ー」 of each drawn-out sound."""
    for m in _LONG_SOUND_RUN.finditer(text):
        yield m.start() + 1, m.end()


def _emoji_between_letters(text: str) -> Iterator[tuple[int, int]]:
    """An emoji after a single letter and before another (「死🌸ね」「市長は馬🐴鹿」), a separator like a
    space."""
    for m in EMOJI.finditer(text):
        a, b = m.span()
        if a >= 1 and _WORD_LETTER_RE.match(text, b) and _AFTER_SINGLE_LETTER_RE.match(text, a):
            yield a, b


def is_person_name(tok: analyzer.Token) -> bool:
    return tok.pos == "名詞" and tok.pos2 == "固有名詞" and tok.pos3 == "人名"


class Document:
    """One draft under check."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.norm, self._starts, self._ends = _normalise(text)
        self.folded = self.norm.translate(_FOLD)
        # Hyphen look-alikes become "-" only in this view, used for numbers (090ー1234ー5678).
        self.numview = self.norm.translate(_HYPHEN_TO_ASCII)
        # Results computed once per draft by helpers that are called many times (word matchers).
        self.memo: dict[object, object] = {}

    @cached_property
    def grams(self) -> frozenset[str]:
        """Every letter and every two letters in a row of the folded view: a word list asks whether each of its
        entries occurs (about 1,200 entries in all), and an entry whose first two letters are not here cannot."""
        folded = self.folded
        return frozenset(folded) | {folded[i : i + 2] for i in range(len(folded) - 1)}

    @cached_property
    def latin(self) -> str:
        """The normalised view with Greek and Cyrillic look-alikes inside a Latin word read as the Latin
        letters they pass for (「Pаssword」 with a Cyrillic а), character for character: same offsets."""
        if not _ANY_LOOKALIKE.search(self.norm):
            return self.norm
        return _LOOKALIKE_IN_LATIN.sub(lambda m: m.group().translate(AS_LATIN), self.norm)

    def span(self, a: int, b: int) -> tuple[int, int]:
        """Original code-point span of the normalised slice norm[a:b]."""
        if self._starts is None or self._ends is None:
            return a, b
        if not self._starts:
            return 0, 0
        if b <= a:
            pos = self._starts[a] if a < len(self._starts) else len(self.text)
            return pos, pos
        return self._starts[a], self._ends[b - 1]

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        """Sentence spans in the original text (split after 。！？ and at line breaks)."""
        spans: list[tuple[int, int]] = []
        pos = 0
        for m in _SENTENCE_END.finditer(self.text):
            end = m.end() if m.group().strip("\n") else m.start()
            if end > pos:
                spans.append((pos, end))
            pos = m.end()
        if pos < len(self.text):
            spans.append((pos, len(self.text)))
        return [(a, b) for a, b in spans if self.text[a:b].strip()]

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [a for a, _ in self.sentences]

    def sentence_after(self, pos: int) -> tuple[int, int] | None:
        """The first sentence that starts after original offset `pos`, if there is one."""
        k = bisect_right(self._sentence_starts, pos)
        return self.sentences[k] if k < len(self.sentences) else None

    def next_in_paragraph(self, end: int) -> tuple[int, int] | None:
        """The sentence after the one ending at original offset `end`, when no blank line parts them: what follows
        in the same paragraph, where a post agrees with, answers or passes on what it has just said. A line of
        nothing but spaces is a blank line too (it looks like one)."""
        nxt = self.sentence_after(end - 1)
        if nxt is None or self.text.count("\n", end, nxt[0]) > 1:
            return None
        return nxt

    @cached_property
    def _newlines(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.text)]

    @cached_property
    def _norm_newlines(self) -> list[int]:
        return [m.start() for m in re.finditer("\n", self.norm)]

    @property
    def multiline(self) -> bool:
        """Whether the draft has more than one line: asked for each finding, where ``"\\n" in doc.norm`` scanned the
        whole of a one-line paste every time."""
        return bool(self._newlines)

    def line_start(self, pos: int, *, norm: bool = False) -> int:
        """Where the line holding offset `pos` starts (in the original text, or with ``norm=True`` in `norm`, `folded` and
        `numview`, which keep its offsets): what
        ``text.rfind("\\n", 0, pos) + 1`` gives, without a scan back over the whole of a long one-line paste for
        each finding in it, which made a rule's findings cost the square of the paste."""
        newlines = self._norm_newlines if norm else self._newlines
        k = bisect_left(newlines, pos)
        return newlines[k - 1] + 1 if k else 0

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence span containing original offset `pos` (the offset itself when between sentences)."""
        k = bisect_right(self._sentence_starts, pos) - 1
        if k >= 0 and pos < self.sentences[k][1]:
            return self.sentences[k]
        return pos, pos + 1

    def enclosing_quote(self, start: int, end: int, reach: int) -> tuple[int, int] | None:
        """The 「」 quote around original span [start, end), as (its 「, its 」) offsets, when the
        brackets are at most ``reach`` characters away on each side and hold only this one quote;
        else None (a word in running text, or in a long quoted speech)."""
        opening = self.text.rfind("「", max(0, start - reach), start)
        if opening < 0 or "」" in self.text[opening:start]:
            return None
        closing = self.text.find("」", end, end + reach)
        if closing < 0 or "「" in self.text[end:closing]:
            return None
        return opening, closing

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def token_range(self, span: tuple[int, int]) -> range:
        """Indices of the morphemes that start inside the original span `span`."""
        return range(bisect_left(self._token_starts, span[0]), bisect_left(self._token_starts, span[1]))

    @cached_property
    def tokens(self) -> list[analyzer.Token]:
        if not _INVISIBLE_RE.search(self.text):
            return analyzer.tokenize(self.text)
        # Sudachi would split 「馬<ZWSP>鹿」 at the invisible character; analyse the text without
        # them and map each morpheme back to the original code points.
        kept = [i for i, ch in enumerate(self.text) if ch not in INVISIBLE]
        tokens = analyzer.tokenize("".join(self.text[i] for i in kept))
        return [replace(t, start=kept[t.start], end=kept[t.end - 1] + 1) for t in tokens if t.end > t.start]

    def person_names(self, span: tuple[int, int] | None = None) -> list[tuple[int, int]]:
        """Token index ranges [i, j) of the personal names in `span` (original offsets; the whole
        text without it). 「上越太郎」 is one name even when Sudachi reads it as 上 + 越太郎, and so
        is 「高橋 健一」, a family and a given name with a space between."""
        tokens = self.tokens
        inside = self.token_range(span) if span is not None else range(len(tokens))
        out: list[tuple[int, int]] = []
        i = inside.start
        while i < inside.stop:
            if not is_person_name(tokens[i]):
                i += 1
                continue
            j, parts = i + 1, 1
            while j < len(tokens):
                if is_person_name(tokens[j]) and tokens[j].start == tokens[j - 1].end:
                    parts += 1
                elif not (
                    parts == 1 and tokens[j].pos == "空白" and j + 1 < len(tokens) and is_person_name(tokens[j + 1])
                ):
                    break
                j += 1
            out.append((i, j))
            i = j
        return out

    @cached_property
    def token_bounds(self) -> tuple[dict[int, int], dict[int, int]]:
        """Index of the morpheme starting at, and of the one ending at, each original offset."""
        return {t.start: i for i, t in enumerate(self.tokens)}, {t.end: i for i, t in enumerate(self.tokens)}

    def _cut_at_wide_bracket(self, a: int, raw: str) -> str:
        """``raw`` (a URL found in norm at ``a``) up to a full-width bracket or comma in the text,
        when what follows is a note or another link: see `_Cuts`."""
        return raw[: _Cuts(self, a, a + len(raw)).end_of(a) - a]

    @cached_property
    def link_view(self) -> str:
        """`norm` with a letter or digit that was not ASCII as written (「①」「Ａ」「１」) blanked when
        a scheme or 「www.」 follows it: 「①https://…」 is a link on every platform, but NFKC makes it
        「1https://…」, one word for the patterns. So is an enclosed number before any address (「①city.…」). So are the dots NFKC makes of 「…」 and 「‥」
        (「詳しくは…bit.ly/…」), where mail addresses are looked for too (「お問い合わせ…taro@gmail.com」).
        Same length, so offsets stay those of `norm`."""
        glued = _GLUED_START.search(self.norm)
        ellipsis = any(c in self.text for c in _ELLIPSES)
        enclosed = _ENCLOSED.search(self.text)
        if not glued and not ellipsis and not enclosed:
            return self.norm
        view = list(self.norm)
        for m in _GLUED_START.finditer(self.norm) if glued else ():
            if not self.original(m.start(), m.end()).isascii():
                view[m.start()] = " "
        for m in _ENCLOSED.finditer(self.text) if enclosed else ():
            i = m.start()
            if i > 0 and _IN_ADDRESS.match(self.text, i - 1):
                continue
            a, b = (i, i + 1) if self._starts is None else (bisect_left(self._starts, i), bisect_right(self._starts, i))
            if b < len(view) and view[b].isascii() and view[b].isalnum():
                for k in range(a, b):
                    if view[k].isalnum() or view[k] == ".":
                        view[k] = " "
        if ellipsis:
            i = self.norm.find(".")
            while i >= 0:
                if self.original(i, i + 1) in _ELLIPSES:
                    view[i] = " "
                i = self.norm.find(".", i + 1)
        return "".join(view)

    @cached_property
    def urls(self) -> list[Url]:
        return self._links[0]

    @cached_property
    def names_like_domains(self) -> list[tuple[int, int]]:
        """Original spans of the domain-like names that are no link for the link rules (「logo.ai」,
        「official.wake.town」, a newer top-level domain without a path, a bare public suffix such as
        「lg.jp」): X still counts each as a link of 23."""
        return self._links[1]

    @cached_property
    def _links(self) -> tuple[list[Url], list[tuple[int, int]]]:
        names: list[tuple[int, int]] = []
        found: list[Url] = []
        taken: list[tuple[int, int]] = []
        pos = 0
        view = self.link_view
        run: _Cuts | None = None
        while m := _URL_START_RE.search(view, pos):
            a = m.start()
            if run is None or a >= run.stop:
                run = _Cuts(self, a, _URL_RUN_RE.match(view, a).end())  # type: ignore[union-attr]
            end = run.end_of(a)
            # After a cut, look again from there: 「…/x，https://…」 holds a second link.
            pos = end + 1 if end != run.stop else end
            u = _url(self, a, view[a:end])
            if u:
                found.append(u)
                taken.append((a, end))
        if "://" in self.norm and not self.norm.isascii():
            for m in _IDN_URL_RE.finditer(view):
                if not _overlaps(taken, m.start(), m.end()):
                    u = _url(self, m.start(), self._cut_at_wide_bracket(m.start(), m.group()))
                    if u:
                        found.append(u)
                        insort(taken, (m.start(), m.start() + len(u.url)))
        for m in _BARE_DOMAIN_RE.finditer(view):
            if _overlaps(taken, m.start(), m.start() + 1):
                continue
            from bot.rules.domains import is_known_suffix, is_public_suffix

            host = m.group(1).lower()
            if not is_known_suffix(host):
                if is_public_suffix(host):
                    # 「lg.jp」 named in a warning about fake sites links nowhere, but X links it (23).
                    names.append(self.span(m.start(), m.end()))
                continue
            if m.group(2) is None and (
                host.rsplit(".", 1)[1] not in _BARE_TLDS or self.norm[m.start() - 1 : m.start()] in (")", "]")
            ):
                names.append(self.span(m.start(), m.end()))
                continue  # a file, an account name, or the domain of 「taro[at]gmail.com」
            u = _url(self, m.start(), self._cut_at_wide_bracket(m.start(), m.group()))
            if u:
                found.append(u)
        found.sort(key=lambda u: u.start)
        return found, names

    @cached_property
    def _url_starts(self) -> list[int]:
        return [u.start for u in self.urls]

    def urls_within(self, a: int, b: int) -> list[Url]:
        """The links that overlap the original span [a, b)."""
        k = max(bisect_right(self._url_starts, a) - 1, 0)
        return [u for u in self.urls[k : bisect_left(self._url_starts, b)] if u.end > a]

    def url_at(self, pos: int) -> Url | None:
        """The link whose original span holds offset `pos`, if any (links never overlap)."""
        k = bisect_right(self._url_starts, pos) - 1
        if k >= 0 and pos < self.urls[k].end:
            return self.urls[k]
        return None

    @cached_property
    def as_read(self) -> Document | None:
        """The draft as a reader takes it in, for the word lists; None when that is the draft itself.

        What only hides a word's letters becomes a zero-width space, which normalising drops: the
        separators of letters spelled out one by one (「ガ イ ジ ン」「バ・カ」「バ～カ」「ク*ソ役所」「死🌸ね」
        「f u c k」), all but one 「ー」 of a drawn-out sound (「ばーーーか」), and every 「ー」 drawing out
        the end of a word in hiragana (「ばかーだ」). Kanji drawn like katakana beside
        katakana (「バ力」) become that katakana, and a voiced mark typed after its kana (「ハ゛カ」) one
        letter with it. A mark drawn over a letter (「バ̶カ̶」 struck through) goes, and what a right-to-left
        override shows reversed (「\u202eカバ」 reads バカ) is read in the order it is seen. Character for
        character, so the offsets are the draft's.
        """
        text = self.text
        drawn_out_vowels = (
            [m.span() for m in _SMALL_VOWEL_DRAWN_OUT.finditer(text)] if _ANY_SMALL_VOWEL.search(text) else []
        )
        hiragana_drawn_out = [m.span() for m in _HIRAGANA_DRAWN_OUT.finditer(text)] if "ー" in text else []
        if hidden := [
            *self._letter_separators(), *_drawn_out(text), *drawn_out_vowels, *_emoji_between_letters(text),
            *hiragana_drawn_out,
        ]:
            chars = list(text)
            for a, b in hidden:
                chars[a:b] = ["\u200b"] * (b - a)
            text = "".join(chars)
        text = _KANJI_LOOKALIKE.sub(lambda m: m.group().translate(_KANJI_AS_KATAKANA), text)
        if _ANY_LOOKALIKE.search(text):
            text = _LOOKALIKE_IN_LATIN.sub(lambda m: m.group().translate(AS_LATIN), text)
        if _ANY_MARK.search(text):
            text = _MARK_OVER_LETTER.sub(lambda m: "\u200b" * len(m.group()), text)
        if "\u202e" in text:
            text = _RIGHT_TO_LEFT_OVERRIDE.sub(lambda m: m.group(1) + m.group(2)[::-1], text)
        if "゛" in text or "゜" in text:
            text = _SPACING_MARK.sub(_as_combining, text)
        if "\u3099" in text or "\u309a" in text:
            text = _VOICED.sub(_composed, text)
        return None if text == self.text else Document(text)

    def _letter_separators(self) -> Iterator[tuple[int, int]]:
        if not any(c in self.norm for c in _LETTER_SEPARATORS):
            return
        for m in _SINGLE_LETTER_SEPARATOR.finditer(self.norm):
            # Between two kanji (「土・日・祝」) nothing listed is spelled: no second reading.
            if _KANA_RE.match(self.norm, m.start() - 1) or _KANA_RE.match(self.norm, m.end()):
                a, b = self.span(m.start(), m.end())
                if b == a + 1:  # one character of the text, as 「　」 or 「＊」 are
                    yield a, b
        for m in _SINGLE_LATIN_SEPARATOR.finditer(self.norm):
            a, b = self.span(m.start(), m.end())
            if b == a + 1:
                yield a, b

    def original(self, a: int, b: int) -> str:
        """The text the normalised slice norm[a:b] was made from, as written."""
        start, end = self.span(a, b)
        return self.text[start:end]

    def excerpt(self, start: int, end: int) -> str:
        return self.text[start:end]
