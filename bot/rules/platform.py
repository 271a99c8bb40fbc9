"""Platform limits: post length per service and hashtags."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from bot.rules.emoji import EMOJI
from bot.rules.model import CheckContext, Example, Hit, RuleOptions
from bot.rules.prefilter import guard
from bot.rules.registry import rule
from bot.rules.text import Document
from bot.rules.text_fold import fold
from bot.rules.x_emoji import x_emoji_spans
from bot.rules.x_links import NUMERIC_HOST, nfc_starts, x_links, x_url_spans

# twitter-text v3 configuration (config/v3.json): weights are per 100, limit 280.
_X_MAX_WEIGHTED = 280
_X_SCALE = 100
_X_DEFAULT_WEIGHT = 200
_X_RANGES = ((0, 4351, 100), (8192, 8205, 100), (8208, 8223, 100), (8242, 8247, 100))
_X_URL_WEIGHT = 23 * _X_SCALE
_X_EMOJI_WEIGHT = 200


# Everything outside the weight-100 ranges. 「©」「®」 are in them: twitter-text takes either for an
# emoji only with U+FE0F after it (「©️」, 2), as its emoji pattern says of the symbols that are text by
# default; the Python port twitter-text-parser counts a bare 「©」 2, which the JavaScript and Java
# libraries X publishes do not.
_HEAVY = re.compile("[^\u0000-\u10ff\u2000-\u200d\u2010-\u201f\u2032-\u2037]")


_EMOJI_CANDIDATE = re.compile("[\u00a9\u00ae\u203c-\u3299\U0001f000-\U0001faff]")
# What an emoji X counts 2 may start with or be (X_EMOJI: a lone U+FE0F and U+E50A are emoji to it too).
_X_EMOJI_CANDIDATE = re.compile("[\u00a9\u00ae\u203c-\u3299\ue50a\ufe0f\U0001f000-\U0001faff]")


def _plain_weight(s: str) -> int:
    light = len(_HEAVY.sub("", s))
    return len(s) * _X_DEFAULT_WEIGHT - light * (_X_DEFAULT_WEIGHT - 100)


def _x_char_weight(ch: str) -> int:
    cp = ord(ch)
    for a, b, w in _X_RANGES:
        if a <= cp <= b:
            return w
    return _X_DEFAULT_WEIGHT


def x_weighted_length(text: str, doc: Document | None = None) -> tuple[int, int | None]:
    """twitter-text v3 weighted length of `text`, and the index where the 280 limit is first exceeded.

    Like twitter-text, the text is NFC-normalised first, each URL counts 23 and each emoji
    sequence 2; other characters 1 in the Latin/common-punctuation ranges and 2 elsewhere (CJK).
    The returned index is into `text` itself, also when normalisation joined characters
    (「か」+「゛」 is one 「が」 for X, but two characters of the draft).
    """
    nfc = unicodedata.normalize("NFC", text)
    entities: dict[int, tuple[int, int]] = {}
    d = doc if doc is not None and nfc == text else Document(nfc)
    for u in d.urls:
        if u.userinfo or NUMERIC_HOST.fullmatch(u.host):
            continue  # X links neither, and counts each letter by letter (see NUMERIC_HOST)
        # twitter-text's address has a fragment only inside a path or a query: 「…niigata.jp#上越市」 is the address
        # and a hashtag for it, and counted with the address, the 「#」 weighed nothing (one short).
        end = u.path_start if nfc.startswith("#", u.path_start) else u.end
        for a, b in x_url_spans(nfc, u.start, end):
            if x_links(nfc, a, b):
                entities[a] = (b, _X_URL_WEIGHT)
    for a, b in d.names_like_domains:
        for a2, b2 in x_url_spans(nfc, a, b):
            if x_links(nfc, a2, b2):
                entities[a2] = (b2, _X_URL_WEIGHT)
    if _X_EMOJI_CANDIDATE.search(nfc):
        for a, b in x_emoji_spans(nfc):
            if d.url_at(a) is None:
                entities[a] = (b, _X_EMOJI_WEIGHT)
    # Sum with C-speed string operations; walk character by character only when over the limit.
    # The CR of a Windows line break (CR LF, a draft saved in Notepad) weighs nothing: the post box
    # keeps one line break of the two characters.
    total = _plain_weight(nfc) - nfc.count("\r\n") * 100
    for a, (b, w) in entities.items():
        total += w - _plain_weight(nfc[a:b])
    limit = _X_MAX_WEIGHTED * _X_SCALE
    if total <= limit:
        return (total + _X_SCALE - 1) // _X_SCALE, None
    running = 0
    over: int | None = None
    i = 0
    n = len(nfc)
    while i < n:
        ent = entities.get(i)
        if ent and ent[0] > i:
            j, w = ent
        elif nfc.startswith("\r\n", i):
            j, w = i + 1, 0
        else:
            j, w = i + 1, _x_char_weight(nfc[i])
        running += w
        if running > limit:
            over = i
            break
        i = j
    if over is not None and nfc != text:
        starts = nfc_starts(text)
        over = starts[over] if over < len(starts) else len(text)
    return (total + _X_SCALE - 1) // _X_SCALE, over


_LIMITS: dict[str, tuple[int, str]] = {
    "instagram": (2200, "文字"),
    "facebook": (63206, "文字"),
    "line": (5000, "UTF-16"),
    "youtube": (5000, "バイト"),
    "tiktok": (2200, "文字"),
}
_NAMES = {
    "x": "X",
    "instagram": "Instagram",
    "facebook": "Facebook",
    "line": "LINE",
    "youtube": "YouTube",
    "tiktok": "TikTok",
}


def _cluster_start(text: str, i: int) -> int:
    """`i`, moved back to the start of the emoji sequence or the base character it is part of, so
    that a finding never starts inside 👨‍👩‍👧‍👦 or between が and its mark."""
    if _EMOJI_CANDIDATE.search(text, max(0, i - 40), i + 1):
        for m in EMOJI.finditer(text, max(0, i - 40), min(len(text), i + 40)):
            if m.start() < i < m.end():
                return m.start()
    while i > 0 and (unicodedata.combining(text[i]) or text[i] in "\u200d\ufe0e\ufe0f"):
        i -= 1
    return i


def _units(ch: str, unit: str) -> int:
    if unit == "UTF-16":
        return 2 if ord(ch) > 0xFFFF else 1
    if unit == "バイト":
        return len(ch.encode("utf-8", "surrogatepass"))
    return 1


# What makes a draft count more than it looks: an emoji sequence (a ZWJ family, a skin tone, a
# flag, a keycap, U+FE0F) is several code points, however it is drawn.
_EMOJI_PARTS = re.compile("[\u200d\ufe0f\u20e3\U0001f1e6-\U0001f1ff\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")


def _over_message(name: str, text: str, limit: int, unit: str, total: int) -> str:
    """How far over the limit a draft is, in what the writer can cut: letters, and for YouTube's
    bytes how many Japanese letters make them (3 bytes each in UTF-8).

    Cutting the number of letters said is always enough: every letter counts at least 1.
    """
    over_by = total - limit
    if unit == "バイト":
        if text.isascii():
            return (f"{name} の上限{limit:,}バイトを{over_by:,}バイト超えています（{total:,}バイト。英数字は1文字1バイト）。"
                    f"{over_by:,}文字削ってください。")
        emoji = "、絵文字は1つ4バイト以上" if any(ord(ch) > 0xFFFF for ch in text) else ""
        return (f"{name} の上限{limit:,}バイトを{over_by:,}バイト超えています（{total:,}バイト。日本語は1文字3バイト、"
                f"英数字は1バイト{emoji}）。日本語なら{-(-over_by // 3):,}文字、英数字なら{over_by:,}文字削ってください。")
    how = ""
    if unit == "UTF-16":
        # LINE counts UTF-16 units: a letter beyond U+FFFF (most emoji, 「𠮷」) is 2.
        astral = [ch for ch in text if ord(ch) > 0xFFFF]
        if any(0x1F000 <= ord(ch) <= 0x1FAFF for ch in astral):
            how = "。絵文字の多くは1つを2文字以上と数えます"
        elif astral:
            how = f"。「{astral[0]}」のような一部の文字は1文字を2文字と数えます"
    elif _EMOJI_PARTS.search(text):
        how = "。組み合わせた絵文字は見た目より多く数えます"
    cut = "文字分" if how else "文字"
    return f"{name} の上限{limit:,}文字を{over_by:,}{cut}超えています（{total:,}{cut}{how}）。{over_by:,}{cut}削ってください。"


@rule(
    code="platform.length",
    severity="error",
    summary="プラットフォームの文字数上限",
    clause="上越市 4(4)②",
    fires=Example("お知らせ" * 36),
    passes=Example("お知らせ" * 35),
)
def length(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """各サービスの文字数上限を超える下書きを止めます。

    上越市 4(4)② は「各ソーシャルメディアの特性を踏まえ」た発信を求めています。上限を超えると
    投稿できないか、途中で切れます。X は twitter-text v3 の重み付き文字数 280（日本語などは2、
    URL は一律23、絵文字は2）、Instagram 2,200 文字、Facebook 63,206 文字、LINE 5,000
    （UTF-16 単位）、YouTube 5,000 バイト（UTF-8）、TikTok 2,200 文字。ブログは上限なし。
    X の絵文字は、twitter-text 3.1.0 が使う twemoji-parser の一覧にあるものを2と数えます。「★️」「♪️」のように
    ふだんは文字の記号に U+FE0F を付けたものは絵文字ではなく、記号と U+FE0F で4、一覧より新しい組み合わせ
    （「🧑‍🎄」など）は部品ごとに数えます。
    X の URL は X がリンクにするものだけを23と数えます（「lg.jp」のようにドメインだけを書いたものも
    リンクになります）。日本語の文に空白を入れずに続けて書いたアドレス（「…市ホームページ（www.…）」）は、
    X がリンクにしないときは1文字ずつ数えます。
    Instagram・Facebook・TikTok は数え方（絵文字の組み合わせを1文字と数えるか）を公表して
    いないため、Unicode の文字（コードポイント）で数えます。家族の絵文字 👨‍👩‍👧‍👦 は7文字と
    数えるので、実際より多めに数えることがあります。Windows で保存した下書きの改行（CR LF の2文字）は、
    投稿欄に貼ると1つの改行になるので、1つとして数えます。超えた位置から末尾までを示し、位置が
    絵文字や濁点付きの文字の途中になるときは、その文字の先頭からにします。メッセージでは、上限を
    いくつ超えたかと、あと何文字削ればよいかを示します（X は日本語なら半分の文字数、YouTube は
    日本語1文字が3バイトなので3分の1の文字数）。
    """
    platform = ctx.platform.lower()
    if platform == "x":
        weighted, over = x_weighted_length(doc.text, doc)
        if over is not None:
            start = min(over, len(doc.text))
            # Vietnamese letters with tone marks (ế, ệ: Latin Extended Additional) weigh 2 as Japanese
            # does, so 280 Vietnamese letters are over; say so, or the writer takes the count for a mistake.
            toned = next((ch for ch in unicodedata.normalize("NFC", doc.text) if "\u1e00" <= ch <= "\u1eff"), None)
            weights = (
                f"日本語・中国語・韓国語と、ベトナム語の声調記号付きの文字（「{toned}」など）は1文字2"
                if toned else "日本語・中国語・韓国語は1文字2"
            )
            over_by = weighted - _X_MAX_WEIGHTED
            yield Hit(
                start,
                len(doc.text),
                f"X の上限280を{over_by}超えています（X の数え方で{weighted}。{weights}、英数字は1、URLは23、"
                f"絵文字は2）。日本語なら{-(-over_by // 2)}文字、英数字なら{over_by}文字削ってください。",
                excerpt=doc.text[start : start + 40],
            )
        return
    if platform not in _LIMITS:
        return
    limit, unit = _LIMITS[platform]
    total = 0
    over_at = None
    text = doc.text
    for i, ch in enumerate(text):
        if ch == "\r" and text.startswith("\n", i + 1):
            continue  # a Windows line break (CR LF) is one line break in the post
        total += _units(ch, unit)
        if over_at is None and total > limit:
            over_at = i
    if over_at is not None:
        over_at = _cluster_start(doc.text, over_at)
        yield Hit(
            over_at,
            len(doc.text),
            _over_message(_NAMES[platform], text, limit, unit, total),
            excerpt=doc.text[over_at : over_at + 40],
        )


# The characters of a hashtag's word. On X, 「・」 too: twitter-text keeps it inside a hashtag
# (「#上越・妙高」 is one tag, and a 「#」 right after it starts none). Instagram and the others
# are not known to, so there it ends the tag as before.
_TAG_CHARS = r"[\w\u30fc\u3005]"
_TAG_CHARS_X = r"[\w\u30fc\u3005\u30fb]"
# A hashtag: # (or ＃) not glued to a preceding word, then word characters, not only digits. A 「#」 may
# stand before it: twitter-text links 「上越」 in 「##上越」, and an unapproved tag is not to pass with one
# 「#」 too many (「##映え」).
_HASHTAG = re.compile(rf"(?<![\w&])#(?!\d+(?![\w]))({_TAG_CHARS}+)")
_HASHTAG_DOTTED = re.compile(rf"(?<![\w&])#(?!\d+(?![\w]))({_TAG_CHARS}+)((?:・{_TAG_CHARS}+)*)")
_HASHTAG_X = re.compile(rf"(?<![\w&\u30fb])#(?!\d+(?![\w]))({_TAG_CHARS_X}+)")


def hashtags(doc: Document, *, middle_dot: bool = False) -> list[tuple[int, int, str]]:
    """The hashtags of the draft; a `#` inside a URL (`…/bunka/#access`) is the URL's anchor.
    ``middle_dot``: 「・」 is part of a tag (X's reading)."""
    out: list[tuple[int, int, str]] = []
    if "#" not in doc.norm:
        return out
    for m in (_HASHTAG_X if middle_dot else _HASHTAG).finditer(doc.norm):
        start, end = doc.span(m.start(), m.end())
        if doc.url_at(start) is not None:
            continue
        out.append((start, end, m.group(1)))
    return out


# 「♯」 (the music sharp, what 「シャープ」 often converts to) in front of a word: it looks like a
# hashtag and is not one.
_MUSIC_SHARP = guard(re.compile(rf"(?<![\w♯])♯(?!\d+(?!\w))({_TAG_CHARS}+)"))
# A hashtag right after another with no space (「#上越市#春日山」): X, Instagram and Facebook link
# only the first. On X, after a 「・」 too (「#上越市・#妙高市」).
_GLUED_HASHTAG = re.compile(rf"(?<![\w&#])#{_TAG_CHARS}+((?:#{_TAG_CHARS}+)+)")
_GLUED_HASHTAG_X = re.compile(rf"(?<![\w&#\u30fb])#{_TAG_CHARS_X}+((?:#{_TAG_CHARS_X}+)+)")
# Phone numbers side by side, maybe with a word between and the sentence run on after the last
# (「#7119・#8000」「#7119と#8000」「#7119または#8000をご利用ください」), each perhaps with 「番」 as a number to
# call is said (「#8000番・#7119番」「#7119番と#8000番」, see _PHONE_CODE_TAG).
_ONLY_NUMBERS = re.compile(r"(?:#\d[\d\u30fb]*番?[\u30fb\u3041-\u3096]*)*#\d[^#]*")
# A phone short code (#7119, #8000, #9110) with the sentence run on after it: 「#7119へ電話を」 is a hashtag,
# which the number alone is not. Hiragana, or 「番」 as a number to call is said (「#8000番へ」「（#8000番）」「#7119番通報」,
# like 110番); not another word: 「#2025年」「#1000本のひまわり」, and 「番」 going on into a word (「#2024番勝負」「#100番目」
# 「#1000番組」), are tags meant.
# The short codes people are told to call (救急安心 #7119, 子ども医療 #8000, 警察相談 #9110, DV相談 #8008, 性犯罪被害相談
# #8103 and #8891, 道路緊急ダイヤル #9910, JAF's road service #8139 that winter road posts give) stay phone codes before
# any word: 「#9110番相談窓口」「#7119番ダイヤル」 are the number and what it is.
# A short code (着信短縮ダイヤル) is #7000 to #9999 and no other: 「#2024を振り返って」「#0120へ」 are no number to call, and
# were told to be one. Prefectures and services run more of them than any list keeps (相談ダイヤル of their own), so any short
# code before 「番」 and a word for a line to call (「#7777番相談」「#7400番ダイヤル」「#7330番窓口」) is the number and what it is,
# as the known ones are; 「#7777番勝負」「#9000番台」 are still tags meant.
_PHONE_CODE_TAG = re.compile(
    r"[7-9]\d{3}(?:[\u3041-\u3096]|番(?:通報)?(?![\u30a1-\u30fa\u30fc\u4e00-\u9fff\u3005A-Za-z0-9_]))"
    r"|(?:7119|8000|9110|8008|8103|8891|9910|8139)番"
    r"|[7-9]\d{3}番(?:相談|窓口|ダイヤル|電話|通報|専用|受付|センター)"
)
_FOUR_DIGITS = re.compile(r"\d{4}")

# On X, a Japanese tag right after a Japanese letter (「見頃です#上越市」): twitter-text links a 「#」 only after a
# non-letter, so the tag is plain text. Not after ASCII (「C#言語」「5111#内線」), nor a number sign (「項目#1」「室#A」).
_JAPANESE_LETTER = r"[\u3041-\u3096\u30a1-\u30fa\u30fc\u3005\u3400-\u9fff\uf900-\ufaff]"
_HASHTAG_AFTER_WORD_X = re.compile(rf"(?<={_JAPANESE_LETTER})#(?={_JAPANESE_LETTER})({_TAG_CHARS_X}+)")
_WORD_BEFORE = re.compile(rf"{_TAG_CHARS_X}+$")


@rule(
    code="platform.hashtags",
    severity="warning",
    summary="ハッシュタグの数と書き方",
    clause="上越市 4(4)②",
    fires=Example("紅葉が見頃です #上越市 #高田公園 #紅葉 #新潟"),
    passes=Example("紅葉が見頃です #上越市 #高田公園 #紅葉"),
)
def hashtag_count(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """ハッシュタグが多すぎる投稿を知らせます（Instagram は5個超で warning・30個超で error、他は3個超）。

    上越市 4(4)② は各サービスの特性を踏まえた発信を求めています。ハッシュタグの付けすぎは
    スパムと見なされやすく（Instagram は30個が上限）、読み上げでは一つずつ読まれます。
    ハッシュタグにならない書き方も知らせます。「シャープ」の変換で入る音楽記号の「♯上越市」と、
    空白なしで続けた「#上越市#春日山」の2つ目以降です（どちらもリンクになりません）。X では、日本語の文字の
    すぐ後に空白なしで続けた「見頃です#上越市」もハッシュタグになりません（「C#言語」のような英数字の後は対象外です）。
    「#7119・#8000」「#7119と#8000」「#8000番・#7119番」のように電話番号が並ぶものは、タグのつもりではないので対象外です。
    逆に、「#7119へ電話を」「（#8000番）」のように番号の後に空白なしで文や「番」が続くと、番号から後ろまでがハッシュタグになるので
    知らせます（ハッシュタグがリンクにならない LINE では反応しません。「#2024番勝負」「#100番目」のように「番」の後に言葉が続くものは、
    タグのつもりなので対象外です。ただし「#9110番相談窓口」「#7119番ダイヤル」のように、よく知られた短縮番号の後に続くものと、「#7777番相談」「#7400番ダイヤル」のように短縮番号の「番」の後に相談・窓口・ダイヤル・電話などが続くものは知らせます。短縮番号は「#7000」から「#9999」までなので、「#2024を振り返って」「#0120へ」のような番号は電話番号として知らせません）。
    """
    platform = ctx.platform.lower()
    if platform == "blog":
        return
    for m in _MUSIC_SHARP.finditer(doc.text):
        yield Hit(
            m.start(),
            m.end(),
            "「♯」は音楽記号のシャープで、ハッシュタグになりません。半角の「#」に直してください。",
            suggestion="#" + m.group(1),
        )
    if "#" in doc.norm:
        for m in (_GLUED_HASHTAG_X if platform == "x" else _GLUED_HASHTAG).finditer(doc.norm):
            start, end = doc.span(m.start(1), m.end(1))
            if doc.url_at(start) is not None:
                continue
            glued = doc.text[start:end]
            # Phone numbers side by side (「#7119・#8000」「#7119と#8000」): the writer meant no tags, and
            # 「#8000」 is none anyway. After a tag (「#上越市#8000」) twitter-text links neither, so that is still told.
            if _ONLY_NUMBERS.fullmatch(m.group()):
                continue
            yield Hit(
                start,
                end,
                f"ハッシュタグの間に空白がないため、「{glued}」はハッシュタグになりません。"
                "それぞれの「#」の前に空白を入れてください。",
                suggestion=" " + " ".join("#" + t for t in glued.replace("＃", "#").split("#") if t),
            )
        if platform == "x":
            for m in _HASHTAG_AFTER_WORD_X.finditer(doc.norm):
                start, end = doc.span(m.start(), m.end())
                # The word before: a tag's (「#上越市#春日山」, told above), or the end of a link's path
                # (「…/wiki/上越市#歴史」, link.malformed's).
                before = _WORD_BEFORE.search(doc.norm, max(0, m.start() - 60), m.start())
                word_at = before.start() if before else m.start()
                if word_at > 0 and (doc.norm[word_at - 1] == "#" or doc.url_at(doc.span(word_at - 1, word_at)[0])):
                    continue
                if doc.url_at(start) is not None:
                    continue
                yield Hit(
                    start,
                    end,
                    f"「{doc.text[start:end]}」の前の文字とのあいだに空白がないため、X ではハッシュタグになりません。"
                    "「#」の前に空白を入れてください。",
                    suggestion=" #" + m.group(1),
                )
    tags = hashtags(doc, middle_dot=platform == "x")
    # LINE's messages link no hashtags: there 「#7119へ」 reads as written.
    for start, end, tag in tags if platform != "line" else ():
        # twitter-text links no tag with a 「#」 right after it: 「#7119と#8000」 shows as written on X.
        if platform == "x" and doc.text.startswith(("#", "＃"), end):
            continue
        if _PHONE_CODE_TAG.match(tag):
            written = doc.text[start:end]
            # The number as written: not always 「#」 and 4 letters (「#\ufe0f7119へ」, a keycap's 「#」 left over).
            digits = _FOUR_DIGITS.search(written)
            number = written[: digits.end()] if digits else "#" + tag[:4]
            yield Hit(
                start,
                end,
                f"「{written}」は、番号の後に文字が続いているため、ハッシュタグになります。電話番号の"
                f"「{number}」なら、数字の後に空白を入れるか、「（{number}）」のように括弧で囲んでください。",
                suggestion=f"{number} {written[digits.end() :]}" if digits else None,
            )
    if platform == "instagram":
        if len(tags) > 30:
            yield Hit(
                tags[30][0],
                tags[-1][1],
                f"ハッシュタグが{len(tags)}個あります。Instagram の上限は30個です。減らしてください。",
                severity="error",
            )
        elif len(tags) > 5:
            yield Hit(
                tags[5][0], tags[-1][1], f"ハッシュタグが{len(tags)}個あります。5個以内に絞ってください。"
            )
    elif len(tags) > 3:
        yield Hit(tags[3][0], tags[-1][1], f"ハッシュタグが{len(tags)}個あります。3個以内に絞ってください。")


_HIRAGANA = re.compile("[\u3041-\u3096]")
# The particles a sentence goes on with after a name (「#じょうえつの紅葉」「#じょうえつで検索」).
# A particle that also starts words (「で」「も」: 「#じょうえつもち」) only before what is no hiragana; so are two particles
# together (「#じょうえつにも雪が」, not 「#じょうえつともだち」). A greeting or the copula goes on with hiragana
# (「#じょうえつにようこそ」「#じょうえつです」), which no name does.
_PARTICLE = re.compile(
    "[のをへ]|[でがはにともや](?![\u3041-\u3096])|から|まで|より|って"
    "|(?:に|で|と)(?:は|も)(?![\u3041-\u3096])|にようこそ|です"
)


def _tag_key(tag: str) -> str:
    """What tells two Instagram tags apart. Not letter case (「#JOETSU」 is 「#joetsu」), and the width of a
    letter is not taken to either (「#ｼﾞｮｳｴﾂｼ」 reads as 「#ジョウエツシ」, so it is not told as an unknown
    name); hiragana and katakana are (「#じょうえつし」 is another tag than 「#ジョウエツシ」)."""
    return unicodedata.normalize("NFKC", tag).lower()


@rule(
    code="platform.hashtag_unlisted",
    severity="warning",
    summary="承認されていないハッシュタグ（Instagram）",
    clause="和気町 5(4) セキュリティー対策4",
    fires=Example(
        "紅葉が見頃です #上越市 #映え", platform="instagram", hashtags_allowed=("上越市", "高田公園")
    ),
    passes=Example(
        "紅葉が見頃です #上越市 #高田公園", platform="instagram", hashtags_allowed=("上越市", "高田公園")
    ),
)
def hashtag_unlisted(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """Instagram で、アカウントの承認済みハッシュタグ一覧（`hashtags = [...]`）にないタグを知らせます。

    和気町 5(4) 運用基準のセキュリティー対策4 は「Instagramでは、公共に供しない名称のハッシュダグ
    付けは厳禁とする」としています。一覧が空のアカウントでは反応しません。
    ハッシュタグは空白や句読点の手前まで続くので、「#上越市の紅葉が見頃です」は一覧にない1つのタグです。
    このように一覧のタグの後にひらがなで文が続いているときは、そのタグの後に空白を入れるよう知らせます
    （「#上越市民」「#新潟県」のように言葉が続くものは、一覧にない別のタグとして知らせます）。一覧のタグが
    ひらがなで終わるとき（「#じょうえつ」）は、続くひらがなが助詞（「#じょうえつの紅葉」「#じょうえつにも雪が」）や「にようこそ」「です」のときだけ空白を勧め、
    「#じょうえつまつり」は一覧にない別のタグとして知らせます。
    ひらがなとカタカナは別のタグになるので、一覧の「#ジョウエツシ」を「#じょうえつし」と書くと反応します。
    英字の大文字と小文字、全角と半角の違い（「#JOETSU」と「#joetsu」、「＃上越市」と「#上越市」）には反応しません。
    """
    if ctx.platform.lower() != "instagram" or not ctx.hashtags_allowed:
        return
    allowed = {_tag_key(t.lstrip("#＃")): t.lstrip("#＃") for t in (*ctx.hashtags_allowed, *opts.allow)}
    if "#" not in doc.norm:
        return
    other_kana = {fold(t): t for t in allowed.values()}
    # Each tag as Instagram is taken to end it (at 「・」), and with the 「・」-joined words after it:
    # an approved 「上越・妙高」 is found whole, and 「#上越市・妙高市の皆さんへ」 is the approved 上越市.
    for m in _HASHTAG_DOTTED.finditer(doc.norm):
        # The tag itself is what is quoted (「#妙高市」, not 「#妙高市・上越市の皆さんへ」).
        start, end = doc.span(m.start(), m.end(1))
        if doc.url_at(start) is not None:
            continue
        tag = m.group(1)
        key = _tag_key(tag)
        if key in allowed or _tag_key(tag + m.group(2)) in allowed:
            continue
        if _PHONE_CODE_TAG.match(tag):
            continue  # a phone number meant, not a name: platform.hashtags tells to put a space after it
        written = doc.text[start:end]
        if (listed_as := other_kana.get(fold(tag))) is not None:
            yield Hit(
                start,
                end,
                f"#{tag} は承認済みハッシュタグの一覧にありません。一覧にあるのは「#{listed_as}」です。"
                "ひらがなとカタカナは別のハッシュタグになるので、一覧のとおりに書いてください。",
                suggestion=written[0] + listed_as,
            )
            continue
        # Japanese runs on without spaces: 「#上越市の紅葉が見頃です」 is one tag, meant as the approved 「#上越市」.
        listed = max((k for k in allowed if key.startswith(k)), key=len, default=None)
        # Where the listed tag ends in the draft as written (none inside a letter NFKC splits, 「㍻」). Not
        # past twice its length (「ｼﾞｮｳ」 is 2 letters a kana at most): a tag of a whole long draft without
        # spaces after 「#㍻」 was normalised once per letter, seconds at 10,000 letters.
        cut = (
            next(
                (i for i in range(2, min(len(written), 2 * len(listed) + 2)) if _tag_key(written[1:i]) == listed),
                None,
            )
            if listed is not None
            else None
        )
        # Only where the sentence plainly goes on (「の紅葉」「で検索」). A name going on (「#新潟県」「#上越市民」
        # 「#joetsucity」 for a listed 「新潟」「上越市」「joetsu」) is another tag, meant as written. After a listed tag that
        # ends in hiragana, hiragana goes on a name as well (「#じょうえつまつり」 for 「じょうえつ」): only a particle there.
        goes_on = _PARTICLE if listed is not None and _HIRAGANA.fullmatch(listed[-1:]) else _HIRAGANA
        if listed is None or cut is None or not goes_on.match(written, cut):
            yield Hit(
                start,
                end,
                f"#{tag} は承認済みハッシュタグの一覧にありません。一覧のタグを使うか、一覧への追加を相談してください。",
            )
            continue
        yield Hit(
            start,
            end,
            f"#{tag} は承認済みハッシュタグの一覧にありません。一覧の「#{allowed[listed]}」のつもりなら、"
            "その後に空白を入れてください（空白や句読点の手前までが1つのハッシュタグになります）。",
            suggestion=f"{written[:cut]} {written[cut:]}",
        )
