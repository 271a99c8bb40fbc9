"""Accessibility: machine-dependent characters, half-width kana, spaced words, emoji, alt text."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from functools import cache

from bot.rules import analyzer
from bot.rules.emoji import EMOJI
from bot.rules.model import CheckContext, Example, Hit, RuleOptions
from bot.rules.platform import hashtags
from bot.rules.prefilter import guard
from bot.rules.registry import rule
from bot.rules.text import INVISIBLE, WORD_LETTER, Document, Url

# Blocks whose compatibility characters are the classic 機種依存文字 (NEC row 13 and friends).
_MD_BLOCKS = (
    (0x00BC, 0x00BE),  # Latin-1's vulgar fractions ¼ ½ ¾, as much outside JIS X 0208 as ⅓
    (0x2100, 0x214F),  # Letterlike Symbols: ℡ № ™ (℃ is in JIS X 0208 and is exempted below)
    (0x2150, 0x218F),  # Number Forms: Ⅲ ⅲ ⅓
    (0x2460, 0x24FF),  # Enclosed Alphanumerics: ① ⑳ ⓐ
    (0x3200, 0x32FF),  # Enclosed CJK Letters and Months: ㈱ ㊤ ㋀
    (0x3300, 0x33FF),  # CJK Compatibility: ㍻ ㌔ ㎡
    (0x1D400, 0x1D7FF),  # Mathematical Alphanumeric Symbols: 𝐒𝐀𝐋𝐄 (fake bold text)
    (0x1F100, 0x1F1E5),  # Enclosed Alphanumeric Supplement (not the flag letters)
)


def _machine_dependent(ch: str) -> bool:
    cp = ord(ch)
    return any(a <= cp <= b for a, b in _MD_BLOCKS) and _compatibility_outside_jis(ch)


# Cached only behind the block test: keyed by every character a draft contains, the cache would
# grow with whatever anyone pastes (all of Unicode is a million entries); the blocks hold ~3,000.
@cache
def _compatibility_outside_jis(ch: str) -> bool:
    if unicodedata.normalize("NFKC", ch) == ch:
        return False
    try:
        # Characters in JIS X 0208 (strict Shift_JIS, not cp932's NEC/IBM extensions) display and
        # read everywhere: ℃ Å ′ stay silent.
        ch.encode("shift_jis")
        return False
    except UnicodeEncodeError:
        return True


def _machine_dependent_runs(text: str) -> Iterator[tuple[int, int]]:
    """Runs of machine-dependent characters. One asked to show as an emoji (「ℹ️」「㊙️」「Ⓜ️」: VS16
    after it) is an emoji, which every platform draws, and so not one of them."""
    start = None
    for i, ch in enumerate(text):
        if _machine_dependent(ch) and text[i + 1 : i + 2] != "\ufe0f":
            if start is None:
                start = i
        elif start is not None:
            yield start, i
            start = None
    if start is not None:
        yield start, len(text)


_MD_CANDIDATE = re.compile(
    "[\u00bc-\u00be\u2100-\u218f\u2460-\u24ff\u3200-\u33ff\U0001d400-\U0001d7ff\U0001f100-\U0001f1e5]"
)


@rule(
    code="a11y.machine_dependent",
    severity="warning",
    summary="機種依存文字",
    clause="美祢市 5(2)イ",
    fires=Example("㈱上越物産の①新商品を㍻から販売"),
    passes=Example("髙田の𠮷田さん、気温は25℃です😀"),
)
def machine_dependent(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """機種依存文字（①、㈱、㍻、Ⅲ、℡、½、𝐒𝐀𝐋𝐄 など）を見つけ、NFKC による置き換えを提案します。
    分数の文字は「1/2」のように書き換えます（数字の後の「1½時間」は「11/2」と読まれないよう「1と1/2」にします）。

    美祢市 5(2)イ は「ウェブアクセシビリティに配慮すること」を求めています。丸数字や組文字、
    数学用英数字で作った「太字」は環境によって表示されず、読み上げソフトでは意味不明な読み方に
    なります。互換文字のブロックにあり、NFKC で別の文字になり、しかも JIS X 0208（厳密な
    Shift_JIS）で表せない文字に反応します。したがって人名の「髙」「﨑」「𠮷」、JIS にある「℃」、
    絵文字（絵文字として表示する指定の付いた「ℹ️」「㊙️」も）は反応しません。上付き・下付きの数字（「120m²」「CO₂」）も、
    機種ごとの独自の文字ではなくどの環境でも表示されるため反応しません（互換文字の「㎡」は反応します）。
    丸数字は「①」を「(1)」、「㉑」を「(21)」のように括弧付きの数字にする提案をします。
    文字の向きを強制的に変える見えない制御文字（U+202E・U+202D）も知らせます。後ろの文字が逆順に表示され
    （「カバ」と書いて「バカ」と見せる書き方もできます）、読み上げもできないためです（URL の中のものは link.malformed が止めます）。

    Slack の絵文字の書き方（「:tada:」、組織で登録したカスタム絵文字「:joetsu_logo:」）が文面に
    残っている場合も知らせます。入力画面に打ち込んだ「:tada:」やカスタム絵文字は Slack の中でしか
    絵にならず、SNS ではその文字のまま表示されます。「10:30:00」「1:2:3」は対象外です。
    日本語の名前のカスタム絵文字（「:お知らせ:」）は、Slack のメッセージが絵文字として送ったものに
    限って知らせます（「問合せ:観光振興課:」のような普通の文は対象外です）。
    """
    if ":" in doc.text:
        shortcodes = [(m.start(), m.end()) for m in _SLACK_SHORTCODE.finditer(doc.text)]
        for start, end in sorted({*shortcodes, *_custom_emoji_spans(doc.text, ctx.custom_emoji, shortcodes)}):
            yield Hit(
                start, end,
                f"「{doc.text[start:end]}」は Slack の絵文字の書き方で、SNS ではこの文字のまま表示されます。"
                "絵文字そのものを入力するか、削除してください。",
            )
    if "\u202d" in doc.text or "\u202e" in doc.text:
        for m in _DIRECTION_OVERRIDE.finditer(doc.text):
            if doc.url_at(m.start()) is None:  # inside a link it is link.malformed's
                yield Hit(
                    m.start(), m.end(),
                    f"文字の向きを変える見えない制御文字（{'・'.join(f'U+{ord(c):04X}' for c in dict.fromkeys(m.group()))}）"
                    "が含まれています。その後ろの文字が、"
                    "書いたとおりでない順番で表示され、読み上げもできません。削除してください。",
                )
    if not _MD_CANDIDATE.search(doc.text):
        return
    for a, b in _machine_dependent_runs(doc.text):
        fixed = "".join(_replacement(ch) for ch in doc.text[a:b])
        if _VULGAR_FRACTION.match(doc.text, a) and (whole := _WHOLE_BEFORE.search(doc.text, max(0, a - 12), a)):
            # 「1½時間」: 「11/2」 would be eleven halves; a whole and a fraction are said 「1と1/2」.
            a, fixed = whole.start(), f"{whole.group()}と{fixed}"
        run = doc.text[a:b]
        yield Hit(
            a, b, f"「{run}」は機種依存文字です。「{fixed}」のように書き換えてください。", suggestion=fixed
        )


def _custom_emoji_spans(text: str, names: tuple[str, ...], taken: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Where 「:name:」 of each custom emoji the message held stands in ``text``, outside the
    shortcodes found already: a name in Japanese (「:お知らせ:」「:了解:」, as Japanese workspaces
    name theirs) is no shortcode by its letters, only by Slack's word that it was an emoji."""
    starts = [a for a, _ in taken]  # in order, and apart: finditer's
    for name in dict.fromkeys(n for n in names if n):
        code = f":{name}:"
        at = text.find(code)
        while at >= 0:
            # The shortcode starting last before this one's end is the only one it may overlap.
            i = bisect_left(starts, at + len(code)) - 1
            if i < 0 or taken[i][1] <= at:
                yield at, at + len(code)
            at = text.find(code, at + len(code))


# The overrides of text direction, which show what follows in reverse (U+202E 「\u202eカバ」 is seen
# as バカ) or force it left to right in a right-to-left language; the embeddings and isolates that
# Arabic and Hebrew notices may use are left alone.
_DIRECTION_OVERRIDE = re.compile("[\u202d\u202e]+")


# The fractions NFKC spells with a slash: ¼ ½ ¾ and ⅐–⅞, ↉ (not ⅟, 「1⁄」 alone).
_VULGAR_FRACTION = re.compile("[\u00bc-\u00be\u2150-\u215e\u2189]")
_WHOLE_BEFORE = re.compile(r"\d+\Z")


# Emoji as Slack writes them (each name between colons, lower case, with a letter; a skin tone
# after it; several in a row are one finding), not inside a word, a time (10:30:00) or a URL.
_SLACK_SHORTCODE = guard(re.compile(
    r"(?<![\w:/])(?::(?=[a-z0-9_+'\-]*[a-z])[a-z0-9_+'\-]{2,}:(?::skin-tone-[2-6]:)?)+(?![\w:])", re.ASCII
))


# NFKC turns ㎡ into 「m2」, which reads as 「エムに」: units of area and volume are spelled out.
_UNIT_WORDS = {
    "㎟": "平方ミリメートル",
    "㎠": "平方センチメートル",
    "㎡": "平方メートル",
    "㎢": "平方キロメートル",
    "㎣": "立方ミリメートル",
    "㎤": "立方センチメートル",
    "㎥": "立方メートル",
    "㎦": "立方キロメートル",
    # NFKC's lower-case 「l」 for a litre is read as 「エル」 and mistaken for 「1」 or 「I」; Japanese
    # textbooks and the metrology law's notation write it 「L」.
    "ℓ": "L",
    "㎕": "μL",
    "㎖": "mL",
    "㎗": "dL",
    "㎘": "kL",
}


def _replacement(ch: str) -> str:
    if ch in _UNIT_WORDS:
        return _UNIT_WORDS[ch]
    nf = unicodedata.normalize("NFKC", ch)
    # ① → (1) reads better in a sentence than a bare 1; ㈱ → (株) is already what NFKC gives.
    if 0x2460 <= ord(ch) <= 0x24FF and (nf.isdigit() or 0x24B6 <= ord(ch) <= 0x24E9):
        return f"({nf})"  # ⓐ → (a) too: a bare 「a」 in a list reads as a word
    if 0x3251 <= ord(ch) <= 0x325F or 0x32B1 <= ord(ch) <= 0x32BF:
        return f"({nf})"  # ㉑–㊿ go on from ⑳ in the same list: 「(20)」 then 「(21)」, not 「21」
    # NFKC writes ⅓ with the fraction slash U+2044, a character on no keyboard and outside JIS itself: 「1/3」.
    return nf.replace("\u2044", "/")


# A stretch of half-width kana; a space inside it keeps it one finding (「ｲﾍﾞﾝﾄ ｶｲｻｲ」).
_HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f](?:[\uff61-\uff9f ]*[\uff61-\uff9f])?")
# A kaomoji: a short bracket holding a face's marks and no word (「(｡•̀ᴗ-)」「(ﾉ´ヮ`)」), with the arms and
# sparkles around it (「ﾉ*: ･ﾟ」). Its half-width 「｡」「ﾉ」 draw the face; 「。」「ノ」 would not. Screen
# readers stumble on the face either way, and 「ｲﾍﾞﾝﾄ(ｶｲｻｲ)」 holds no face mark: it still fires.
_FACE = re.compile(r"[(（](?P<inner>[^()（）\n]{1,12})[)）]")
_FACE_MARKS = re.compile(r"[´`ω▽∀≧≦°•ᴗдД∇◕ᴥ＾^ﾟ･｡;；＿_≖ー]")
_FACE_ARMS = re.compile(r"[ﾉﾟ･｡ﾞｼノヽヾゞ٩۶و＼／\\/*:✧☆★♪ \u3000]{0,8}")


def _kaomoji(text: str) -> Iterator[tuple[int, int]]:
    for m in _FACE.finditer(text):
        inner = m.group("inner")
        if _FACE_MARKS.search(inner) and not _WORD_RUN.search(inner) and not _HALFWIDTH_WORD.search(inner):
            start = m.start()
            while start > 0 and start > m.start() - 8 and _FACE_ARMS.fullmatch(text[start - 1]):
                start -= 1
            arms = _FACE_ARMS.match(text, m.end())
            yield start, arms.end() if arms else m.end()


_WORD_RUN = re.compile(rf"{WORD_LETTER}{{2}}")
# Two half-width kana letters in a row (a voicing mark between them allowed) spell a word
# (「(ｲﾍﾞﾝﾄ ﾊﾟ)」); a face uses them one at a time as an arm or a mouth (「(ﾉ´ヮ`)ﾉ」「(´ｰ`)」).
_HALFWIDTH_WORD = re.compile(r"[\uff66-\uff9d][\uff9e\uff9f]?[\uff66-\uff9d]")


# The sparkles strung around a heading (「ﾟ･*:.｡..｡.:*･ﾟ 新年のご挨拶 ﾟ･*:.｡..｡.:*･ﾟ」「☆ﾟ.*･｡ﾟ」): the half-width 「｡」「･」「ﾟ」
# are dots of glitter among the 「*」「:」「.」, which full-width ones would not draw. A run of those alone (「｡」「･ﾟ」)
# with no other glitter beside it is a half-width stop or mark still.
_GLITTER_KANA = frozenset("｡･ﾟ ")
_GLITTER = frozenset("｡･ﾟ゜*:.+☆★✧✦⋆♪♡♥°・ \u3000")


def _sparkles(text: str, a: int, b: int) -> bool:
    if not _GLITTER_KANA.issuperset(text[a:b]):
        return False
    start, end = a, b
    while start > 0 and a - start < 16 and text[start - 1] in _GLITTER:
        start -= 1
    while end < len(text) and end - b < 16 and text[end] in _GLITTER:
        end += 1
    glitter = [c for c in text[start:end] if not c.isspace()]
    return len(glitter) >= 3 and any(c not in _GLITTER_KANA for c in glitter)


# The combining voiced and semi-voiced marks NFKC makes of 「ﾞ」「ﾟ」, and the visible marks.
_COMBINING_VOICE = {"\u3099": "\u309b", "\u309a": "\u309c"}


@rule(
    code="a11y.halfwidth_kana",
    severity="warning",
    summary="半角カタカナ",
    clause="美祢市 5(2)イ",
    fires=Example("ｲﾍﾞﾝﾄのお知らせ"),
    passes=Example("イベントのお知らせ"),
)
def halfwidth_kana(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """半角カタカナを見つけ、全角への置き換えを提案します。

    美祢市 5(2)イ（ウェブアクセシビリティ）。半角カナは読み上げや検索で正しく扱われないことが
    あり、濁点が別の文字として数えられます。空白をはさんで続く半角カナ（「ｲﾍﾞﾝﾄ ｶｲｻｲ」）は
    一つの指摘にまとめます。顔文字の目や腕に使った半角の「｡」「ﾉ」「ﾟ」（「(｡•̀ᴗ-)✧」「(ﾉ´ヮ`)ﾉ*: ･ﾟ」）は、
    全角にすると顔文字が崩れるので対象外です。見出しを飾るきらきらの「ﾟ･*:.｡..｡.:*･ﾟ」「☆ﾟ.*･｡ﾟ」の「｡」「･」「ﾟ」も
    同じです（「*」「:」「.」などの飾りと並ばない「晴れ｡」や「ｲﾍﾞﾝﾄ☆」のカナは反応します）。
    """
    faces: list[tuple[int, int]] | None = None
    for m in _HALFWIDTH_KANA.finditer(doc.text):
        a, b = m.span()
        run = m.group()
        if faces is None:
            faces = sorted(_kaomoji(doc.text))
        k = bisect_right(faces, (a, len(doc.text))) - 1
        if k >= 0 and b <= faces[k][1]:
            continue  # the eye or arm of a face: 「(｡•̀ᴗ-)✧」「(ﾉ´ヮ`)ﾉ*: ･ﾟ」
        if _sparkles(doc.text, a, b):
            continue  # a line of sparkles: 「ﾟ･*:.｡..｡.:*･ﾟ」
        fixed = unicodedata.normalize("NFKC", run)
        if fixed[0] in _COMBINING_VOICE:
            # A leading 「ﾞ」「ﾟ」 is NFKC's combining mark, shown as nothing or a stray mark: one
            # letter with the full-width kana before it (「カﾞ」 → 「ガ」), else the visible mark.
            joined = unicodedata.normalize("NFC", doc.text[a - 1 : a] + fixed[0])
            if a > 0 and len(joined) == 1:
                a, fixed = a - 1, joined + fixed[1:]
            else:
                fixed = _COMBINING_VOICE[fixed[0]] + fixed[1:]
        run = doc.text[a:b]
        yield Hit(a, b, f"半角カタカナ「{run}」は全角の「{fixed}」にしてください。", suggestion=fixed)


_WORDCH = WORD_LETTER
# The spaces put between letters: a half- or full-width one, and those pasted from a word processor or a web page
# (no-break, en, thin), which show the same gap and make a screen reader read the letters one by one as well.
_GAP_CHARS = " \u3000\u00a0\u2002-\u200a\u202f\u205f"
_GAP = f"[{_GAP_CHARS}]"
_GAP_RE = re.compile(_GAP)
_SPACED = re.compile(rf"(?<!{_WORDCH}){_WORDCH}(?:{_GAP}{{1,2}}{_WORDCH}){{2,}}(?!{_WORDCH})")
_HONORIFIC_AFTER_NAME = "氏様殿"
_KANJI_NAME = re.compile(r"[\u4e00-\u9fff々]{2}")
_SPACED_LABEL = re.compile(rf"(?m)(?:^|(?<=[\s【■●◆・]))({_WORDCH}{_GAP}+{_WORDCH})(?={_GAP}*[:：])")
# The same two-letter headings of an event's or a tender's details, spaced to line up and set off by
# a bracket or more space instead of a colon (「■日　時　6月21日」「【会　場】市民プラザ」), or alone on
# their line above the details (「■日　時⏎6月21日（日）」), as city sites lay them out. Without the
# colon only the usual heading words are read: a line that opens with a one-letter family and given
# name (「林　功　78歳」) is a name.
_HEADING_WORDS = frozenset((
    "日時", "日程", "期日", "期間", "期限", "時間", "場所", "会場", "内容", "対象", "定員", "費用",
    "料金", "講師", "主催", "共催", "後援", "協力", "備考", "締切", "件名", "工期", "概要", "目的",
    "資格", "報酬", "氏名", "住所", "電話", "担当", "持物", "職種", "勤務", "区分", "名称", "方法",
))
# Possessive: a line of nothing but spaces (a pasted table's padding) was tried at each split between the two runs
# of them, in time growing with the square of the line.
_SPACED_HEADING = re.compile(
    rf"(?m)^{_GAP}*+[【■●◆◇□○・〔［＜《≪〈\[]?{_GAP}*+({_WORDCH}{_GAP}++{_WORDCH})"
    rf"(?={_GAP}++[^{_GAP_CHARS}\n]|[】〕］＞》≫〉\]]|{_GAP}*+$)"
)


# A heading's bracket holding two letters spaced apart and nothing else (「【重 要】」「【速 報】」「【注 意】」「【訂 正】」),
# the label of a disaster or a correction notice, as often as the event's details' 「【会 場】」.
# The same in the other brackets a heading is set in (「＜重 要＞」「《速 報》」「[重 要]」).
_OPENERS, _CLOSERS = "【〔［＜《≪〈[", "】〕］＞》≫〉]"


def _bracketed_word(text: str, m: re.Match[str], word: str) -> bool:
    """Whether the two spaced letters of a _SPACED_HEADING match are all its bracket holds and one word of the
    dictionary, not a name (「【林 功】」)."""
    opener = m.group().lstrip(_GAP_CHARS)[:1]
    closer = text[m.end(1) : m.end(1) + 4].lstrip(_GAP_CHARS)[:1]
    if not opener or opener not in _OPENERS or not closer or closer not in _CLOSERS or _one_letter_items(word):
        return False  # 「【土 日】」: two items
    words = analyzer.tokenize(word)
    return len(words) == 1 and words[0].pos in ("名詞", "形状詞") and words[0].pos2 != "固有名詞" and not words[0].oov


# やさしい日本語 is written with a space between words (分かち書き), so a particle and a one-letter
# noun stand alone: 「ごみ の ひ は げつようび です」「あつい ひ は き を つけて」. Such a run is words when
# each space has a particle on one side and the words around it are spaced too; 「ゆ き が ふります」
# (no particle between ゆ and き) and 「【お 知 ら せ】」 (nothing spaced around it) stay letters.
_PARTICLES = frozenset("はがをにのへでもとや")
_SPACED_WORD_AROUND = re.compile(rf"(?:^|(?<={_GAP})){_WORDCH}{{2,}}(?=[{_GAP_CHARS}。、！？]|$)", re.MULTILINE)
_AROUND = 30


def _one_letter_words(text: str, start: int, end: int, letters: str) -> bool:
    if not all(a in _PARTICLES or b in _PARTICLES for a, b in zip(letters, letters[1:], strict=False)):
        return False
    before = text[max(0, start - _AROUND) : start].rpartition("\n")[2]
    after = text[end : end + _AROUND].partition("\n")[0]
    return len(_SPACED_WORD_AROUND.findall(before)) + len(_SPACED_WORD_AROUND.findall(after)) >= 2


# Lists whose items are one letter each, in their usual order or not: grades, sizes, prizes, seasons, directions, times
# of day, the school levels, colours. Their letters spaced out are items, not a word: 「上 中 下 の3段階」「松 竹 梅
# コース」. The letters of one list only: 「前 後 左 右 上 越」 mixes two and ends in a word.
_ITEM_LISTS = (
    "日月火水木金土祝", "上中下", "特上並", "松竹梅", "大中小", "金銀銅", "春夏秋冬", "東西南北", "上下左右前後",
    "小中高大", "朝昼夕晩夜", "甲乙丙丁", "秀優良可", "高中低", "強中弱", "天地人", "心技体", "衣食住",
    "起承転結", "赤青黄緑白黒", "和洋中", "日英中韓", "晴曇雨雪",
    # The Self-Defense Forces' services (「陸 海 空 自衛隊」), the school subjects of a study class (「国 数 英 理 社」), the
    # partners of a regional plan (「産 官 学 金 労 言」), a school's aims (「知 徳 体」) and a course's levels (「初 中 上」).
    "陸海空", "国数英理社", "産官学金労言", "知徳体", "初中上",
    # The notes of a scale or a chord in a music class's or a concert's post: 「ド レ ミ」「ド・ミ・ソ」.
    "ドレミソラシ",
    # Idioms made of one-letter items, dotted apart to set each off: the four operations of arithmetic (「加・減・乗・除」),
    # the feelings, the people of all ages, life's ceremonies, nature's beauties, the siblings.
    "加減乗除", "喜怒哀楽", "老若男女", "冠婚葬祭", "花鳥風月", "兄弟姉妹",
)
# Choices lettered in the order of the kana (「ア イ ウ エ」「あ・い・う」「イ ロ ハ」): three or more in a row.
_KANA_ORDERS = (
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン",
    "あいうえおかきくけこさしすせそたちつてとなにぬねのはひふへほまみむめもやゆよらりるれろわをん",
    "イロハニホヘトチリヌルヲワカヨタレソツネナラムウヰノオクヤマケフコエテアサキユメミシヱヒモセス",
    "いろはにほへとちりぬるをわかよたれそつねならむうゐのおくやまけふこえてあさきゆめみしゑひもせす",
)
# Slogans taught letter by letter, each letter a word's first (防災の「お・か・し・も」「お・は・し・も」, 防犯の
# 「い・か・の・お・す・し」, 食育の「ま・ご・わ・や・さ・し・い」): the dots or spaces set the words' letters apart on
# purpose, and the explanation that follows reads them one by one.
_SLOGANS = frozenset((
    "おかしも", "おはしも", "おかしもて", "おはしもて", "おかしもち", "おはしもち", "いかのおすし", "まごわやさしい",
    "まごはやさしい",
))


# The slogans are as often written in katakana (「オ・ハ・シ・モ」「イ・カ・ノ・オ・ス・シ」 on a disaster drill's or a
# school's poster): read in hiragana for them.
_KATAKANA_TO_HIRAGANA = {cp: cp - 0x60 for cp in range(0x30A1, 0x30F7)}


def _one_letter_items(letters: str) -> bool:
    """Whether ``letters`` (a spaced or dotted run, joined) are items of one list; a particle spaced after them (the
    「の」 of 「上 中 下 の3段階」) is the sentence's."""
    if letters in _SLOGANS or letters.translate(_KATAKANA_TO_HIRAGANA) in _SLOGANS:
        return True  # before the particle goes: 「お・は・し・も」 ends in 「も」
    if len(letters) > 3 and letters[-1] in _PARTICLES:
        letters = letters[:-1]
    return letters.translate(_KATAKANA_TO_HIRAGANA) in _SLOGANS or any(set(letters) <= set(items) for items in _ITEM_LISTS) or (
        len(letters) >= 3 and any(letters in order for order in _KANA_ORDERS)
    )


# Latin letters spaced out, half- or full-width: 「S A L E」「Ｏ Ｐ Ｅ Ｎ」.
_LATIN = "A-Za-z\uff21-\uff3a\uff41-\uff5a"
_SPACED_LATIN = re.compile(
    rf"(?<![{_LATIN}0-9\uff10-\uff19])[{_LATIN}](?:{_GAP}{{1,2}}[{_LATIN}]){{2,}}(?![{_LATIN}0-9\uff10-\uff19])"
)
# What any such run holds, searched first: a pattern that opens with a class is found far faster than one that opens
# with a lookbehind, tried at every position of a draft with no spaced letters (most of them).
_SPACED_LATIN_HINT = re.compile(rf"[{_LATIN}]{_GAP}{{1,2}}[{_LATIN}]{_GAP}")
_VOWELS = frozenset("aeiou")
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"
# The note names of a scale, round twice: a scale may start on any of them (「G A B C D」).
_NOTE_NAMES = "cdefgabcdefgab"
# Initialisms a city's posts use that happen to have a word's vowels (「D I Y 講座」「J A L」「S O S」「P D C A」): read letter by
# letter whether spaced or not, so spacing them loses nothing. Not those read as a word (「ユネスコ」「ジャイカ」「ファックス」
# 「テル」): spaced, they lose it as 「セール」 does.
_INITIALISMS = frozenset({
    "diy", "jal", "ana", "sos", "pdca", "obog", "led", "vip", "faq", "ceo", "cio", "cad", "gis", "ict", "iot", "usb",
    "bgm", "dvd", "lgbt", "sdgs",
})


def _spelled_latin_word(letters: str) -> bool:
    """Whether spaced Latin ``letters`` (joined, lower case) spell a word rather than list items or an initialism:
    read letter by letter, 「sale」 loses its word, but sizes (「s m l」), lettered choices in order (「a b c」「x y z」)
    and initialisms (「usa」「aed」「npo」) are read letter by letter anyway. A word has a vowel: four letters or more
    with one (「sale」「news」「open」), or three with a vowel between consonants (「new」「big」); 「aed」 is no word."""
    if all(ord(b) - ord(a) == 1 for a, b in zip(letters, letters[1:], strict=False)):
        return False
    ranks = letters.lstrip("s")
    if ranks != letters and ranks.startswith("ab") and ranks in _ALPHABET:
        return False  # ranks, 「S」 above 「A」: 「S A B C」「S A B C D」
    if letters in _NOTE_NAMES:
        return False  # a scale from any note: 「C D E F G A B」「G A B C D」
    if letters in _INITIALISMS:
        return False
    if len(letters) >= 4:
        return any(c in _VOWELS for c in letters)
    return letters[1] in _VOWELS and letters[0] not in _VOWELS and letters[2] not in _VOWELS


# Letters each set apart by a middle dot (「お・知・ら・せ」): three or more, the dots full-, half-width or Latin.
_DOTS = "・･·‧"
_DOTS_RE = re.compile(f"[{_DOTS}]")
_DOT_HINT = re.compile(f"{_WORDCH}[{_DOTS}]{_WORDCH}[{_DOTS}]")
# Three letters must end there: 「ア・ラ・カルト」「ア・ラ・モード」 are words apart; four or more may run into the next
# word (「カ・リ・ス・マ美容師」), but not end in the first half of a sound (「ド・レ・ミ・ファ」).
_DOTTED = re.compile(
    rf"(?<![{_DOTS}])(?<!{_WORDCH}){_WORDCH}(?:[{_DOTS}]{_WORDCH}(?:(?:[{_DOTS}]{_WORDCH}){{2,}}|[{_DOTS}]{_WORDCH}(?!{_WORDCH})))"
    rf"(?![{_DOTS}ァィゥェォャュョヮッぁぃぅぇぉゃゅょゎっー])"
)
# Kana among the letters: dots between kanji alone make a list (「市・町・村」「土・日・祝」「衣・食・住」).
_KANA = re.compile("[\u3041-\u3096\u30a1-\u30fa\u30fc]")
# Katakana letters dotted apart where the katakana starts and ends, whatever letters of another script stand around
# them: 「冬のセ・ー・ル開催中」「カ・フ・ェ営業中」 (_DOTTED takes three letters only with no letter after them, as
# 「ア・ラ・カルト」's are words). 「ア・ラ・カルト」 itself runs on in katakana and is not taken.
_KATAKANA_LETTER = "\u30a1-\u30fa\u30fc"
_DOTTED_KATAKANA = re.compile(
    rf"(?<![{_DOTS}{_KATAKANA_LETTER}])[{_KATAKANA_LETTER}](?:[{_DOTS}][{_KATAKANA_LETTER}]){{2,}}"
    rf"(?![{_DOTS}{_KATAKANA_LETTER}])"
)


# Kanji letters dotted apart where the kanji start and end: a list of one-kanji items (「市・町・村」「県・市・町」) unless
# _dotted_kanji_word reads a word in them (「【募・集・中】」「募・集・中です」「開・催・決・定」).
_KANJI_LETTER = "\u4e00-\u9fff\u3005"
_DOTTED_KANJI = re.compile(
    rf"(?<![{_DOTS}{_KANJI_LETTER}])[{_KANJI_LETTER}](?:[{_DOTS}][{_KANJI_LETTER}]){{2,}}(?![{_DOTS}{_KANJI_LETTER}])"
)
_ACT = "サ変可能"  # Sudachi's mark of a noun that takes する: 募集, 受付, 開催, 決定, 入場


def _dotted_kanji_word(letters: str) -> bool:
    """Whether kanji ``letters`` dotted apart (joined) are a word, not items: an act in progress (「募集中」「受付中」
    「開催中」: an act's word and 「中」), or two words of two letters or more, one an act (「開催決定」「入場無料」「期間限定」).
    A word of its own that is a list too (「市町村」「陸海空」「産官学」) and items with a one-letter word among them
    (「県市町」「日米中」) are not read as one."""
    if letters.endswith("中"):
        stem = analyzer.tokenize(letters[:-1])
        if len(stem) == 1 and stem[0].pos3 == _ACT and stem[0].end - stem[0].start >= 2:
            return True
    words = analyzer.tokenize(letters)
    if len(words) >= 2 and all(w.end - w.start >= 2 for w in words) and any(w.pos3 == _ACT for w in words):
        return True
    # One word of the dictionary whose shortest units are a word of two letters or more and the rest (「新発売」: 新 and
    # 発売; 「謹賀新年」: 謹賀 and 新年; 「感謝祭」), spread out to look festive. A list's word is one-letter units
    # (「市町村」「陸海空」「都道府県」 are one unit each, 「心技体」 心, 技 and 体).
    units = analyzer.short_units(letters) if len(words) == 1 else None
    return units is not None and len(units) >= 2 and any(len(u) >= 2 for u in units)


@rule(
    code="a11y.spaced_word",
    severity="warning",
    summary="文字間の空白",
    clause="美祢市 5(2)イ",
    fires=Example("【お 知 ら せ】\n日　時：11月30日"),
    passes=Example("【お知らせ】\n日時：11月30日 会場：上越文化会館 大ホール"),
)
def spaced_word(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """見た目をそろえるために文字の間に入れた空白（「お 知 ら せ」「日　時：」）を見つけます。
    コロンの代わりに空白や【】で区切った見出しや、1行に見出しだけを置いたもの（「■日　時　6月21日」
    「【会　場】市民プラザ」「■日　時」の次の行に日付）も、
    日時・会場・内容・対象・定員・費用など、お知らせの項目の見出しの語なら見つけます。
    行の初めの括弧に空白で離した二文字だけを入れた見出し（「【重 要】」「【速 報】」「【注 意】」「【訂 正】」、「＜重 要＞」「《速 報》」「[重 要]」も）も、一語なら見つけます
    （名前や地名の「【林 功】」「【上 越】」、項目の「【土 日】」は対象外です）。二つ続けた空白（「お  知  ら  せ」）や、
    ワープロやウェブページから貼り付けると入る空白（ノーブレークスペースなど）も同じです。

    美祢市 5(2)イ（ウェブアクセシビリティ）。読み上げソフトは「お、し、ら、せ」と一文字ずつ
    読んでしまい、検索にもかかりません。語と語の間の空白（「会場：上越文化会館 大ホール」）と、
    一文字の姓と名の間の空白（「講師：林 功 氏」）は対象外です。やさしい日本語の分かち書きで助詞と
    一文字の語が続くところ（「ごみ の ひ は げつようび です」「あつい ひ は き を つけて」）も、
    語と語の間の空白なので対象外です（「ゆ き が ふります」は反応します）。一文字ずつが項目の名前の並び
    （曜日の「燃やせるごみ：月 水 金」「休館日：土 日 祝」、カレンダーの「日 月 火 水 木 金 土」、等級や大きさの
    「上 中 下 の3段階」「松 竹 梅 コース」「大 中 小」、「春 夏 秋 冬」「東 西 南 北」「金 銀 銅」「朝 昼 晩」、
    「陸 海 空 自衛隊」、教科の「国 数 英 理 社」、「産 官 学」「知 徳 体」「初 中 上」、
    選択肢の「ア イ ウ エ」「あ い う」）も対象外です（同じ並びにない文字が混じる「日 曜 日」「祝 日 開 館」
    「大 中 小 学 校」は反応します）。
    英字を一文字ずつ離したもの（「S A L E」「O P E N」「N E W」、全角の「Ｓ Ａ Ｌ Ｅ」も）も「エス、エー、エル、イー」と
    読まれるので見つけます。サイズの「S M L」、順に並べた選択肢の「A B C」「x y z」、ランクの「S A B C」、音階の
    「C D E F G」、頭文字の「U S A」「A E D」「N P O」「D I Y」「S O S」「P D C A」のように、もともと一文字ずつ読むものは対象外です。
    文字の間に「・」を入れたもの（「お・知・ら・せ」「【セ・ー・ル】」「ご・案・内」、前後に続く文字のあるカタカナの
    「冬のセ・ー・ル開催中」「カ・フ・ェ営業中」）も、一文字ずつ区切って読まれるので
    見つけます。漢字だけを区切ったものは、「募・集・中」「受・付・中」（「募集」「受付」のような語に「中」）や「開・催・決・定」
    「入・場・無・料」（二文字以上の語が二つ）、「新・発・売」「謹・賀・新・年」「感・謝・祭」（辞書で一語になり、「発売」「新年」の
    ような二文字以上の語を含むもの）のように語として読めるものに反応します（一文字ずつの項目でできた語の「市・町・村」「陸・海・空」
    「都・道・府・県」と、一文字ずつの項目を並べた「加・減・乗・除」「喜・怒・哀・楽」「老・若・男・女」「冠・婚・葬・祭」
    「兄・弟・姉・妹」は対象外です）。カタカナが続く「ア・ラ・カルト」、漢字だけの並び（「市・町・村」「土・日・祝」）、順に並べた選択肢（「ア・イ・ウ」）、音の名前
    （「ド・レ・ミ」「ド・ミ・ソ」）と、一文字ずつが語の頭文字の標語（「お・か・し・も」「お・は・し・も」
    「い・か・の・お・す・し」「ま・ご・わ・や・さ・し・い」、カタカナの「オ・ハ・シ・モ」「イ・カ・ノ・オ・ス・シ」、空白で区切ったものも）は対象外です。
    """
    seen: set[int] = set()
    for m in _SPACED.finditer(doc.text):
        seen.add(m.start())
        letters = _GAP_RE.sub("", m.group())
        if len(letters) == 3 and letters[-1] in _HONORIFIC_AFTER_NAME and _KANJI_NAME.fullmatch(letters[:2]):
            continue  # 「講師：林 功 氏」: a one-letter family and given name, then the honorific
        if _one_letter_words(doc.text, m.start(), m.end(), letters):
            continue
        if _one_letter_items(letters):
            # 「燃やせるごみ：月 水 金」「休館日：土 日 祝」「上 中 下 の3段階」「松 竹 梅 コース」「ア イ ウ エ」:
            # each letter an item, read one by one as it should be; joined (「月水金」「上中下」) it is no better.
            continue
        fixed = _GAP_RE.sub("", m.group())
        yield Hit(
            m.start(),
            m.end(),
            f"「{m.group()}」の文字間の空白を詰めてください（読み上げで一文字ずつ読まれます）。",
            suggestion=fixed,
        )
    if _SPACED_LATIN_HINT.search(doc.text):
        for m in _SPACED_LATIN.finditer(doc.text):
            if _spelled_latin_word(unicodedata.normalize("NFKC", _GAP_RE.sub("", m.group())).lower()):
                yield Hit(
                    m.start(),
                    m.end(),
                    f"「{m.group()}」の文字間の空白を詰めてください（読み上げで一文字ずつ読まれます）。",
                    suggestion=_GAP_RE.sub("", m.group()),
                )
    if any(dot in doc.text for dot in _DOTS) and _DOT_HINT.search(doc.text):
        dotted = list(_DOTTED.finditer(doc.text))
        # A katakana word inside a longer run (「冬のセ・ー・ル開催中」), where _DOTTED found nothing over it. Its runs
        # do not overlap and come in order, so the one that may overlap is found by its end: a test against every run
        # made a paste of 「セ・ー・ル 」 quadratic (3 s for 40,000 letters).
        ends = [d.end() for d in dotted]
        dotted += [k for k in _DOTTED_KATAKANA.finditer(doc.text)
                   if (i := bisect_right(ends, k.start())) == len(dotted) or dotted[i].start() >= k.end()]
        # Kanji alone (which the kana test below leaves silent as a list), when they are a word: 「【募・集・中】」
        # 「募・集・中です」. No run of _DOTTED with kana overlaps one: a dot next to the kanji ends neither.
        dotted += [k for k in _DOTTED_KANJI.finditer(doc.text)
                   if not _one_letter_items(letters := _DOTS_RE.sub("", k.group())) and _dotted_kanji_word(letters)]
        dotted.sort(key=lambda d: d.start())
        for m in dotted:
            letters = _DOTS_RE.sub("", m.group())
            if (_KANA.search(letters) or m.re is _DOTTED_KANJI) and not _one_letter_items(letters):
                yield Hit(
                    m.start(),
                    m.end(),
                    f"「{m.group()}」の文字の間の「・」を取ってください（読み上げで一文字ずつ区切って読まれます）。",
                    suggestion=letters,
                )
    labels = list(_SPACED_LABEL.finditer(doc.text))
    labels += [m for m in _SPACED_HEADING.finditer(doc.text)
               if (word := _GAP_RE.sub("", m.group(1))) in _HEADING_WORDS or _bracketed_word(doc.text, m, word)]
    for m in labels:
        if m.start(1) in seen:
            continue
        seen.add(m.start(1))
        fixed = _GAP_RE.sub("", m.group(1))
        yield Hit(
            m.start(1),
            m.end(1),
            f"「{m.group(1)}」の文字間の空白を詰めてください（読み上げで一文字ずつ読まれます）。",
            suggestion=fixed,
        )


# The repeated emoji is read once, whole (atomic): EMOJI reads 「❤️」 two ways (presentation with an optional U+FE0F, or
# a text symbol with its U+FE0F), and a ZWJ sequence of them that did not repeat was tried every way, 2 to the power of
# its members (「👨\u200d❤️\u200d」 20 times: 13 s). Emoji first, so that 「✨️」 is not cut to the symbol 「✨」. And never
# from inside a ZWJ sequence (after its U+200D, or at a member's skin tone, an emoji of its own to EMOJI): from each
# member the emoji ran to the sequence's end again, and 「👨\u200d」 repeated took 10 s for 10,000 characters
# (quadratic). A run starts with a whole emoji.
_DECORATIVE = guard(
    re.compile(
        r"(?<!\u200d)(?![\U0001f3fb-\U0001f3ff])((?>" + EMOJI.pattern + r"|[★☆♪♫♬♡♥◆◇■□●○◎※✨]))(?:\1){2,}"
    )
)
# Stars, notes, hearts and diamonds strung together in turn (「★☆★」「♪♫♪」「◆◇◆」) are as much a run
# as 「★★★」: a screen reader names each (「くろぼし、しろぼし、くろぼし」).
_MIXED_DECORATIVE = re.compile(r"[★☆♪♫♬♡♥◆◇]{3,}")
_MAX_EMOJI = 5


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch)[0] in ("L", "N")


@rule(
    code="a11y.emoji_overuse",
    severity="warning",
    summary="絵文字・装飾記号の多用",
    clause="美祢市 5(2)イ",
    fires=Example("🎉🎉夏祭り開催🎆🍧🎇🏮✨ ★★★ お🎵祭り"),
    passes=Example("夏祭りを開催します🎆 ぜひお越しください。"),
)
def emoji_overuse(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """絵文字が6個以上、装飾記号の連続（★★★、★☆★）、語の途中の絵文字を知らせます。

    美祢市 5(2)イ（ウェブアクセシビリティ）。読み上げソフトは絵文字を一つずつ名前で読み上げる
    （「ほし、ほし、ほし」）ため、多用すると本文が聞き取れません。語の途中に入れた絵文字は
    語を分断し、読み上げも検索も崩れます。同じ絵文字の連続を一つにすれば5個以内に収まるときは、
    個数の指摘を重ねません。「○○○○氏」のような ○ の連続は、伏せ字や書き忘れのこともあるので、それぞれの直し方を示します。
    """
    emojis = list(EMOJI.finditer(doc.text))
    runs = list(_DECORATIVE.finditer(doc.text))
    mixed = list(_apart(_MIXED_DECORATIVE.finditer(doc.text), runs))
    # Emoji that go once each repeated run is made one, as its finding asks: when that brings the
    # count within the limit, a second finding for the same emoji only adds noise.
    saved = sum(len(EMOJI.findall(m.group())) - 1 for m in runs if EMOJI.match(m.group(1)))
    if len(emojis) - saved > _MAX_EMOJI:
        first = emojis[_MAX_EMOJI]
        yield Hit(
            first.start(),
            emojis[-1].end(),
            f"絵文字が{len(emojis)}個あります。読み上げの妨げになるので、{_MAX_EMOJI}個以内にしてください。",
        )
    for m in runs:
        if m.group(1) == "○":
            # 「○○○○氏」「090-○○○○-○○○○」: more often a name or number left out than a decoration.
            message = (
                f"「{m.group()}」は読み上げで「まる」が一つずつ読まれます。飾りなら削除し、伏せ字なら「Aさん」のような"
                "書き方に、書き忘れなら正しい語に直してください。"
            )
        else:
            kind = "絵文字" if EMOJI.match(m.group(1)) else "装飾記号"
            message = f"{kind}「{m.group()}」の連続は読み上げで一つずつ読まれます。一つにするか削除してください。"
        yield Hit(m.start(), m.end(), message)
    for m in mixed:
        yield Hit(
            m.start(), m.end(), f"装飾記号「{m.group()}」の連続は読み上げで一つずつ読まれます。一つにするか削除してください。"
        )
    for m in emojis:
        a, b = m.start(), m.end()
        if (
            a > 0
            and b < len(doc.text)
            and _is_letter(doc.text[a - 1])
            and _is_letter(doc.text[b])
            and _splits_word(doc.text, a, b)
        ):
            yield Hit(
                a, b, f"語の途中に絵文字「{m.group()}」があります。語の前後に移してください。", suggestion=""
            )


def _apart(candidates: Iterator[re.Match[str]], taken: list[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The candidates (in order) that overlap none of ``taken`` (in order, apart): 「★★★☆」 is the
    finding of its 「★★★」, not a second one."""
    k = 0
    for m in candidates:
        while k < len(taken) and taken[k].end() <= m.start():
            k += 1
        if k < len(taken) and taken[k].start() < m.end():
            continue
        yield m


def _splits_word(text: str, a: int, b: int) -> bool:
    """True when removing text[a:b] joins its neighbours into one morpheme (お🎵祭り → お祭り)."""
    left = a
    while left > 0 and a - left < 8 and _is_letter(text[left - 1]):
        left -= 1
    right = b
    while right < len(text) and right - b < 8 and _is_letter(text[right]):
        right += 1
    joined = text[left:a] + text[b:right]
    join = a - left
    return any(t.start < join < t.end for t in analyzer.tokenize(joined))


_FILENAME = re.compile(
    r"(?i)^[\w\-. ()]*\.(?:jpe?g|png|gif|webp|heic|heif|bmp|tiff?|svg)$|^(?:img|dsc|dscn|dcim|pxl|image|photo|screenshot)[_\- ]?\d+"
    # What phones, cameras and LINE name a picture when it is saved: LINE_ALBUM_…, LINE_P2026…,
    # S__12345678 (LINE), MVIMG_…, GOPR0001, DJI_0001, _MG_1234 and CIMG1234 (cameras).
    r"|^(?:line_album_|line_p?\d|s__\d|mvimg_\d|gopr\d|dji_\d|_mg_\d|cimg\d)"
    # An iPhone's edited copy of IMG_1234.
    r"|^img_e\d"
    # Fujifilm's DSCF1234, Panasonic's and Olympus's P1010023; a screenshot as macOS and Windows
    # name it (「スクリーンショット 2026-12-06 10.23.45」「Screen Shot 2026-12-06 at …」「スクリーンショット (12)」).
    r"|^(?:dscf\d|p\d{7}(?!\w))"
    r"|^(?:screen ?shot|スクリーンショット)[ _]?(?:\d{4}-\d\d-\d\d|\(\d+\)$)"
)
# 「chart.png の画像」: a file name with a word after it that still says nothing of the picture.
_AFTER_FILENAME = ("の画像です", "の写真です", "の画像", "の写真")
# A counter after a placeholder (「画像1枚目」「写真その2」「図（3）」) still says nothing of the picture.
_COUNTER_CHARS = "0123456789 \t\n\u3000_-:：.。()（）"
_COUNTER_WORDS = ("枚目", "番目", "つ目")


def _without_counter(alt: str) -> str:
    """``alt`` without a trailing counter (「画像1枚目」 → 「画像」). Stripped from the end rather than
    matched with a pattern: one with two optional runs before 「$」 took 40 s on 3,000 spaces."""
    s = alt.rstrip(" \t\n\u3000.。")
    for word in _COUNTER_WORDS:
        if s.endswith(word):
            s = s[: -len(word)]
            break
    s = s.rstrip(_COUNTER_CHARS)
    return s[:-2] if s.endswith("その") else s


_GENERIC_ALT = {
    # Placeholders typed to get past the field.
    "なし",
    "無し",
    "ナシ",
    "none",
    "n/a",
    "test",
    "テスト",
    "画像",
    "写真",
    "イメージ",
    "image",
    "img",
    "photo",
    "picture",
    "pic",
    "スクリーンショット",
    "スクショ",
    "図",
    "画像です",
    "写真です",
    "無題",
    "alt",
    "代替テキスト",
    "説明",
    "説明文",
    "画像の説明",
    "写真の説明",
    "ここに説明",
    "未定",
    "あとで",
    "後で",
    "tbd",
    "todo",
    # The names programs give a new picture (Photoshop 「名称未設定-1」, Paint, Illustrator).
    "名称未設定",
    "新しいビットマップイメージ",
    "untitled",
    "タイトルなし",
    "noname",
    # Words that say an image is there or that it is an illustration, not what it shows.
    "添付画像",
    "添付写真",
    "画像添付",
    "写真添付",
    "画像あり",
    "写真あり",
    "参考画像",
    "参考写真",
    "イメージ画像",
    "イメージ写真",
    "イメージ図",
    "画像イメージ",
    "写真イメージ",
    "画像はイメージです",
    "写真はイメージです",
    "screenshot",
    "画像を挿入",
}
# What an alt field or a template says before anyone writes in it (「ここに説明を入力」「画像の説明を
# 入力してください」「Add alt text」), compared with its spaces and brackets taken out.
_PROMPT = re.compile(
    r"(?:ここに|こちらに)?(?:画像の|写真の)?(?:説明文?|代替テキスト|altテキスト|キャプション)を?"
    r"(?:入力|追加|記入)(?:する|して(?:ください|下さい))?"
    r"|(?:add|enter|write|type)?(?:an?)?(?:alt(?:ernative)?text|(?:image)?description|caption)(?:here)?"
)
# Left out when an alt text is compared: spacing, brackets around a placeholder (「【画像】」「(写真)」)
# and the 「※」 of 「※写真はイメージです」.
_ALT_NOISE = str.maketrans("", "", " \t\n\u3000()[]【】「」『』<>〈〉《》※")
_IDEOGRAPH = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")
# Two kana said twice (「もも」「ココ」): a word or a name, not a key held down.
_KANA_WORD = re.compile(r"([ぁ-ゖァ-ヺ])\1")
_LEADING_COUNTERS = tuple(f"{n}{w}" for n in range(1, 21) for w in (*_COUNTER_WORDS, ""))


def _placeholder(plain: str) -> bool:
    """True when ``plain`` (an alt text, NFKC and stripped) is a placeholder with nothing of the
    picture: 「画像」「写真1枚目」「2枚目の画像」「写真A」「名称未設定-1」「【画像】」「ここに説明を入力」."""
    key = _without_counter(plain).lower().translate(_ALT_NOISE)
    if key == "" or key in _GENERIC_ALT or _PROMPT.fullmatch(key):
        return True  # key is empty only for a counter alone, 「1枚目」
    if len(set(key)) == 1 and not _IDEOGRAPH.match(key) and not _KANA_WORD.fullmatch(key):
        # 「xxx」「ああああ」「a」: a key pressed to get past the field (「桜」 is a word, and so are
        # two kana said twice: 「もも」「ココ」「ララ」, a fruit, a place, a mascot's name).
        return True
    # 「写真A」「画像B」: a letter counting the pictures after a placeholder.
    if len(key) > 1 and "a" <= key[-1] <= "z" and not key[-2].isascii() and key[:-1] in _GENERIC_ALT:
        return True
    # 「2枚目の画像」「1つ目 写真」: the counter in front.
    for counter in _LEADING_COUNTERS:
        if key.startswith(counter) and key[len(counter) : len(counter) + 1] not in "0123456789":
            rest = key[len(counter) :].removeprefix("の").removeprefix(":")
            return rest in _GENERIC_ALT
    return False


def _filename(plain: str) -> bool:
    """True when ``plain`` is a file name as saved, or one with 「の画像」 after it."""
    for tail in _AFTER_FILENAME:
        if plain.endswith(tail):
            plain = plain[: -len(tail)].rstrip()
            break
    return _FILENAME.search(plain) is not None


def _first_line(text: str) -> str:
    for line in text.splitlines():
        if line.strip():
            return line
    return ""


def _compared(text: str) -> str:
    return unicodedata.normalize("NFKC", text).translate(_ALT_NOISE).rstrip("。.!！")


@rule(
    code="a11y.image_alt",
    severity="warning",
    summary="画像の代替テキスト",
    clause="美祢市 5(2)イ",
    fires=Example(
        "会場の様子です。", image_count=2, alt_texts=("IMG_0123.jpg", "画像"), portrait_consent=True
    ),
    passes=Example(
        "会場の様子です。", image_count=1, alt_texts=("満開の桜の下を歩く親子連れ",), portrait_consent=True
    ),
)
def image_alt(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """画像に意味のある代替テキストがない（空、ファイル名、「画像」「写真」「なし」「説明」だけ、記号や絵文字だけ）場合に知らせます。

    「画像1枚目」「写真その2」のように番号を付けただけのものや、スマートフォン・カメラ・LINE が保存時に
    付けるファイル名（IMG_…（編集した IMG_E… も）、DSC…、DSCF…、P1010023、LINE_ALBUM_…、S__12345678、DJI_0001、
    「スクリーンショット 2026-12-06 10.23.45」など、「chart.png の画像」のように後ろに「の画像」を付けたものも）、
    ソフトが新しい画像に付ける名前（「名称未設定-1」「新しいビットマップ イメージ」「Untitled」）、入力欄の
    案内文（「ここに説明を入力」「Add alt text」）、「添付画像」「イメージ画像」「【画像】」「2枚目の画像」、
    同じキーを続けただけのもの（「xxx」「ああああ」）、本文の1行目をそのまま写したもの（読み上げで同じ文が
    2回読まれ、画像の内容は伝わりません）も対象です。「雪の積もった市役所の写真」「市章」「地図」のように
    写っているものを表す言葉があれば、短くても反応しません。

    美祢市 5(2)イ（ウェブアクセシビリティ）。画面読み上げを使う人には、代替テキストが画像の
    内容を知る唯一の手段です。何が写っているかを短い文で書いてください。
    """
    first_line: str | None = None
    for i in range(max(ctx.image_count, 0)):
        alt = ctx.alt_texts[i] if i < len(ctx.alt_texts) else ""
        plain = unicodedata.normalize("NFKC", alt).strip()
        if not plain:
            why = "代替テキストがありません"
        elif not any(c.isalpha() for c in plain):
            # 「-」「。」「🌸」「1」: something was typed to fill the field, nothing that says what is shown.
            why = f"代替テキストが「{plain}」だけで、内容を表す言葉がありません"
        elif _filename(plain):
            why = f"代替テキストがファイル名（{plain}）です"
        elif _placeholder(plain):
            why = f"代替テキストが「{plain}」だけです"
        else:
            if first_line is None:
                first_line = _compared(_first_line(doc.text))
            if not first_line or _compared(plain) != first_line:
                continue
            # The post's heading pasted into the field: a screen reader reads it twice and never hears
            # what the picture shows. The first line may also describe the picture (「避難所の地図」), so
            # the message says what is certain, the repeat.
            yield Hit(0, 0, f"画像{i + 1}: 代替テキストが本文の1行目と同じです。スクリーンリーダーでは同じ文が2回"
                            "読み上げられます。1行目が見出しなら、画像に何が写っているかを短い文で書いてください。",
                      excerpt=alt)
            continue
        yield Hit(0, 0, f"画像{i + 1}: {why}。何が写っているかを短い文で書いてください。", excerpt=alt)


@rule(
    code="a11y.fullwidth_alnum",
    severity="info",
    summary="全角英数字",
    clause="美祢市 5(2)イ",
    fires=Example("受付は１０時からです。ＱＲコードを読み取ってください。"),
    passes=Example("受付は10時からです。QRコードを読み取ってください。"),
)
def fullwidth_alnum(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """全角英数字を知らせ、半角を提案します。

    美祢市 5(2)イ（ウェブアクセシビリティ）。全角の英数字は読み上げで一文字ずつ読まれたり、
    検索や電話番号のリンクに使えなかったりします。URL の中の全角文字は link.malformed が
    直した URL とともに知らせるので、ここでは重ねて知らせません。電話番号や時刻
    （「０９０－１２３４－５６７８」「１０：３０」）と、同じ文の中で近くにあるもの
    （「１２月５日（土）１０時」）はまとめて一つの指摘にします。
    メールアドレスの「＠」や「．」を全角で書いたもの（「kouhou＠city.joetsu.niigata.jp」）も、メールアプリがアドレスと
    読まず、コピーしても届かないので知らせます（「（＠を半角に置き換えてください）」のように、わざと全角にしたと
    書いたものと、「＠joetsu_city」のようなアカウント名は対象外です）。
    """
    addresses = _wide_signed_addresses(doc)
    for a, b in addresses:
        written = doc.text[a:b]
        fixed = unicodedata.normalize("NFKC", written)
        wide = list(dict.fromkeys(c for c in written if "\uff01" <= c <= "\uff5e"))
        shown = "".join(f"「{c}」" for c in wide[:3]) + ("など" if len(wide) > 3 else "")
        yield Hit(
            a,
            b,
            f"メールアドレス「{written}」の{shown}が全角のため、タップしてもメールが開けず、コピーしても送れません。"
            f"半角の「{fixed}」にしてください。",
            suggestion=fixed,
        )
    runs = [
        (a, b)
        for a, b in (m.span() for m in _FULLWIDTH_ALNUM.finditer(doc.text))
        if ((u := doc.url_at(a)) is None or b > u.end) and not any(x <= a < y for x, y in addresses)
    ]
    for group in _nearby(doc.text, runs):
        a, b = group[0][0], group[-1][1]
        written = doc.text[a:b]
        fixed = _FULLWIDTH_TO_FIX.sub(lambda m: unicodedata.normalize("NFKC", m.group()), written)
        if len(group) == 1:
            message = f"全角英数字「{written}」は半角の「{fixed}」がおすすめです。"
        else:
            shown = "".join(f"「{doc.text[x:y]}」" for x, y in group[:3]) + ("など" if len(group) > 3 else "")
            message = f"全角英数字（{shown}）は半角がおすすめです（「{fixed}」）。"
        yield Hit(a, b, message, suggestion=fixed)


_FULLWIDTH_ALNUM_CHARS = "\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"
# A mail address with its 「＠」 or a dot typed full-width (「kouhou＠city.joetsu.niigata.jp」「info@city．joetsu.lg.jp」):
# no app takes it for an address, and pasted into a mail it bounces. An account's 「＠joetsu_city」 has no local part
# before it and is left alone (X reads a full-width 「＠」 as a mention).
_MAIL_ADDRESS = re.compile(
    r"(?<![A-Za-z0-9._%+\-\uff10-\uff19\uff21-\uff3a\uff41-\uff5a．＿－])"
    rf"[A-Za-z0-9._%+\-{_FULLWIDTH_ALNUM_CHARS}．＿－]+[@＠][A-Za-z0-9\-{_FULLWIDTH_ALNUM_CHARS}－]+"
    rf"(?:[.．][A-Za-z0-9\-{_FULLWIDTH_ALNUM_CHARS}－]+)+"
)
_HALF_WIDTH_ALNUM = re.compile(r"[A-Za-z0-9]")
# The full-width sign written so on purpose, against address harvesting: 「（＠を半角に置き換えてください）」「※迷惑メール
# 対策のため＠を全角にしています」. Said of the 「＠」 itself: another field's 「半角で入力してください」 is no such note.
_SIGN_ALONE = r"(?:[＠@](?![A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a])|アットマーク)"
_WIDE_ON_PURPOSE = re.compile(
    rf"{_SIGN_ALONE}[^。\n]{{0,12}}(?:半角|全角)|(?:半角|全角)[^。\n]{{0,12}}{_SIGN_ALONE}"
    r"|＠[」』]?\s*(?:→|⇒|を|は)\s*[「『]?@(?![A-Za-z0-9])"  # 「（＠→@に変えてください）」
)


def _wide_signed_addresses(doc: Document) -> list[tuple[int, int]]:
    if "＠" not in doc.text and "．" not in doc.text:
        return []
    found = [
        m.span()
        for m in _MAIL_ADDRESS.finditer(doc.text)
        if ("＠" in m.group() or "．" in m.group())
        and not m.group().endswith("．")
        # Typed all full-width (「ｋｏｈｏ＠ｃｉｔｙ．ｊｐ」), it is a run of full-width letters, told with those around it.
        and _HALF_WIDTH_ALNUM.search(m.group())
    ]
    if found and _WIDE_ON_PURPOSE.search(doc.text):
        return []
    return found
_FULLWIDTH_ALNUM = re.compile(f"[{_FULLWIDTH_ALNUM_CHARS}]+")
# Full-width signs inside a number or an address written full-width: 「０９０－１２３４－５６７８」
# 「１０：３０」「１２／５」「３．５」 are one stretch to retype, not three.
_FULLWIDTH_JOINERS = frozenset("－：．／，＠＿＃")
# What a finding's suggestion turns half-width: the letters and digits and the signs between them.
_FULLWIDTH_TO_FIX = re.compile(f"[{_FULLWIDTH_ALNUM_CHARS}{''.join(_FULLWIDTH_JOINERS)}]")
# Runs this close in one sentence (「１２月５日（土）１０時」) are reported together: a draft typed
# in full-width otherwise gets a finding per number, burying the ones that matter.
_NEARBY = 6


def _nearby(text: str, runs: list[tuple[int, int]]) -> Iterator[list[tuple[int, int]]]:
    group: list[tuple[int, int]] = []
    for a, b in runs:
        if group:
            gap = text[group[-1][1] : a]
            joined = len(gap) == 1 and gap in _FULLWIDTH_JOINERS
            if joined:
                group[-1] = (group[-1][0], b)
                continue
            if len(gap) <= _NEARBY and not any(c in "\n。！？!?" for c in gap):
                group.append((a, b))
                continue
            yield group
        group = [(a, b)]
    if group:
        yield group


_MAX_SENTENCE = 100
# An emoji and a space close a sentence on SNS as 「。」 does (「…開催🎉 2月7日（土）…盛りだくさん⛄ 夜はライトアップも✨ 皆さんの
# お越しを…」): read as one, a post of short lines was told it was a sentence of 116 letters.
# Read from the space back, a few characters at most: the emoji pattern tried at each start of a long ZWJ fragment
# (「👨\u200d」 repeated) reads it to its end again each time, quadratic in the paste.
_SPACES = re.compile(r"[ \u3000]+")
_EMOJI_BEFORE = re.compile(rf"(?:{EMOJI.pattern})$")
_EMOJI_REACH = 16
# No sentence begins with a particle or a comma (「…雪まつり🎉 の初日で」).
_NO_SENTENCE_START = frozenset("のをが、，,")
_WITHIN_SENTENCE = re.compile(r"(?:(?<!ち|ん)は|[がをでやのへと、，,])[ \u3000]*$")


def _phrases(doc: Document) -> Iterator[tuple[int, int]]:
    text = doc.text
    for a, b in doc.sentences:
        if b - a <= _MAX_SENTENCE // 2:
            continue
        for m in _SPACES.finditer(text, a, b):
            if a < m.start() and m.end() < b and text[m.end()] not in _NO_SENTENCE_START:
                emoji = _EMOJI_BEFORE.search(text, max(a, m.start() - _EMOJI_REACH), m.start())
                # After a particle or a comma it decorates a word inside the sentence (「明日は 🎉 雪まつり…」「会場では 🍢
                # おでんや 🍙 おにぎり、🍲 豚汁など…」), not the end of one; 「こんにちは 🎉」 is a greeting's end.
                if emoji and not _WITHIN_SENTENCE.search(text, max(a, emoji.start() - 8), emoji.start()):
                    yield a, m.start()
                    a = m.end()
        yield a, b
# A sentence in English (or another language that spaces its words, written in Latin letters) is
# measured in words: 100 characters are only some 18 English words. Plain-language guides aim for
# 25 words or fewer (GOV.UK's style guide). Vietnamese spaces its syllables, not its words, so it
# keeps the character count.
_MAX_WORDS = 25
_JAPANESE_OR_KOREAN = re.compile(r"[\u3041-\u30ff\u4e00-\u9fff\u3005\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_VIETNAMESE = re.compile(r"[\u1ea0-\u1ef9ơưđƠƯĐ]")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_WORD = re.compile(r"\S*[0-9A-Za-z\u00c0-\u024f]\S*")  # 「6,」 is a word too; 「-」 is not


def _latin_words(text: str, a: int, b: int, urls: list[Url]) -> int | None:
    """How many words the sentence text[a:b] has, links left out, when it is written in Latin
    letters with its words spaced; None for Japanese, Korean or Vietnamese."""
    sentence = text[a:b]
    if _JAPANESE_OR_KOREAN.search(sentence) or _VIETNAMESE.search(sentence) or not _LATIN_LETTER.search(sentence):
        return None
    pieces, pos = [], a
    for u in urls:
        pieces.append(text[pos : max(pos, u.start)])
        pos = max(pos, u.end)
    pieces.append(text[pos:b])
    return sum(len(_WORD.findall(p)) for p in pieces)


_UNSEEN = frozenset(INVISIBLE)


def _seen_length(text: str, a: int, b: int, urls: list[Url]) -> int:
    """The characters of text[a:b] outside the links, as a reader sees them: か + U+3099 is one
    「が」 and 👨‍👩‍👧‍👦 (seven code points) one emoji."""
    pieces, pos = [], a
    for u in urls:
        pieces.append(text[pos : max(pos, u.start)])
        pos = max(pos, u.end)
    pieces.append(text[pos:b])
    n = 0
    for piece in pieces:
        if piece.isascii():
            n += len(piece)
            continue
        # An emoji is one character; so is a letter with the marks NFC leaves apart (「ア゙」, a
        # strike-through 「バ̶」) or the variation selector of a name's kanji (葛󠄀), and an invisible
        # character (a zero-width space) is none.
        seen = EMOJI.sub("\x00", unicodedata.normalize("NFC", piece))
        n += sum(1 for c in seen if c not in _UNSEEN and unicodedata.category(c) not in ("Mn", "Me"))
    return n


def _end_before_hashtags(text: str, a: int, b: int, tags: list[tuple[int, int, str]]) -> int:
    """Where text[a:b] ends without the hashtags, separated by spaces only, that close it: a line of tags
    (「#上越市 #夏祭り #花火大会 …」) is no sentence to split, and their number is platform.hashtags'.
    A tag the sentence opens with (「#上越市 の夏祭りは…」) is read as one of its words and stays."""
    k = bisect_left(tags, (a,))
    inside = []
    while k < len(tags) and tags[k][1] <= b:
        inside.append(tags[k])
        k += 1
    for start, end, _ in reversed(inside):
        if text[end:b].strip():
            break
        b = start
    return b


@rule(
    code="a11y.long_sentence",
    severity="info",
    summary="100文字を超える文",
    clause="美祢市 5(2)イ",
    fires=Example("本市では" + "、市民の皆さまの安全と安心を守るため" * 6 + "、防災訓練を実施します。"),
    passes=Example("防災訓練を実施します。ご協力をお願いします。"),
)
def long_sentence(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """100文字を超える文を知らせます。

    美祢市 5(2)イ（ウェブアクセシビリティ）・5(2)ア（誤解を招かない記述）。長い文は読みにくく、
    スマートフォンの画面や読み上げでは特に理解しにくくなります。文を分けてください。
    URL と、文の前後に並べたハッシュタグ（「#上越市 #夏祭り …」の行）は文字数に数えません。文字は見えるとおりに数えます（濁点を分けて入力した「が」や、組み合わせの
    絵文字 👨‍👩‍👧‍👦 も1文字）。外国人住民向けの英語などの文（ラテン文字で書き、語を空白で区切る言語）は、
    100文字が20語ほどにしかならないので語数で数え、25語を超えるときに知らせます（英国政府のウェブ文章の
    指針が目安とする長さです）。ベトナム語は音節ごとに区切るので文字数のままです。
    絵文字のすぐ後に空白を入れたところ（「…開催🎉 2月7日…盛りだくさん⛄ 夜は…」）は、SNS の書き方で文の区切りなので、
    そこで文が終わるものとして数えます（「会場では 🍢 おでんや 🍙 おにぎり…」「雪まつり🎉 の初日で…」のように助詞や読点の前後に
    置いた絵文字は文の途中の飾りなので、区切りにしません）。
    """
    tags: list[tuple[int, int, str]] | None = None
    for a, b in _phrases(doc):
        if b - a <= _MAX_SENTENCE // 2:
            continue  # as seen it is no longer than its code points: too short for either count
        if "#" in doc.text[a:b] or "＃" in doc.text[a:b]:
            if tags is None:
                tags = hashtags(doc)
            b = _end_before_hashtags(doc.text, a, b, tags)
            if b - a <= _MAX_SENTENCE // 2:  # a line of tags alone ends here
                continue
        urls = doc.urls_within(a, b)
        length = _seen_length(doc.text, a, b, urls)
        if length > _MAX_SENTENCE // 2 and (words := _latin_words(doc.text, a, b, urls)) is not None:
            if words > _MAX_WORDS:
                yield Hit(
                    a, b, f"一文が{words}語あります。{_MAX_WORDS}語以内を目安に、文を分けてください。"
                )
            continue
        if length > _MAX_SENTENCE:
            yield Hit(
                a, b, f"一文が{length}文字あります。{_MAX_SENTENCE}文字以内になるよう文を分けてください。"
            )
