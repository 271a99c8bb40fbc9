"""Rules about the post as a whole: empty text, duplicates, press embargoes, quotes, portraits, corrections."""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlsplit

from bot.rules.dates import local_zone
from bot.rules.domains import ALWAYS_TRUSTED_SUFFIXES, host_matches
from bot.rules.model import CheckContext, Example, Hit, RuleOptions
from bot.rules.prefilter import guard
from bot.rules.registry import rule
from bot.rules.text import URL_CHARS, Document, trim_url
from bot.rules.text_fold import FOLD_TABLE, fold
from bot.rules.wordlists import allowed_spans, everyday_senses
from bot.rules.wordrule import word_hits


@rule(
    code="content.empty",
    severity="error",
    summary="本文が空",
    clause="美祢市 5(2)ア",
    fires=Example(" \u3000\n"),
    passes=Example("本日は燃やせるごみの収集日です。"),
)
def empty(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """本文がない（空白・改行・ゼロ幅文字や点字の空白など、見えない文字だけの）下書きと、句読点やかっこなどの
    記号だけの下書き（「。」「…」「【】」「・・・」）を止めます。絵文字だけ（「🌸」）、ハッシュタグだけ、URL だけの
    下書きや、「○」「★」「→」のような記号は本文として扱います（写真に添える一言などに使われます）。

    美祢市 5(2)ア は書き込み等を「正確に記述する」ことを求めています。本文のない投稿は
    貼り付けの失敗であることがほとんどです。
    """
    punctuation = False
    text = doc.text
    for i, ch in enumerate(text):  # a draft's first character mostly settles it: no walk over the whole text
        if _shows(ch):
            # 「‼️」「⁉️」「〽️」「#️⃣」 are emoji: punctuation made one by the presentation selector or the keycap.
            if not unicodedata.category(ch).startswith("P") or text[i + 1 : i + 2] in _AS_EMOJI:
                return
            punctuation = True
    # Nothing to point at: an empty span and excerpt, like the other findings about the whole draft.
    if punctuation:
        # 「。」「…」「【】」: what is left of a paste that lost its text. Symbols (○, ★, →, 〒) and emoji
        # can be a caption; punctuation only marks up words.
        yield Hit(0, 0, "本文に句読点や記号しかありません。投稿する文章を入力してください。", excerpt="")
    else:
        yield Hit(0, 0, "本文がありません。投稿する文章を入力してください。", excerpt="")


_AS_EMOJI = ("\ufe0f", "\u20e3")  # VARIATION SELECTOR-16, COMBINING ENCLOSING KEYCAP


# Characters that print as nothing although they are letters or symbols (used to make a post look
# empty or to dodge filters): the Braille blank and the Hangul fillers.
_BLANK_LOOKING = frozenset("\u2800\u3164\uffa0\u115f\u1160")


def _shows(ch: str) -> bool:
    # Combining marks (variation selectors among them) print only on a base character: a draft of
    # marks alone shows nothing.
    return (not ch.isspace() and ch not in _BLANK_LOOKING
            and unicodedata.category(ch) not in ("Cf", "Cc", "Mn", "Me"))


# ASCII only: Japanese right after a link (「…/form/1から。締切は12月1日です。」) is the post's, not the link's.
_URL_IN_TEXT = re.compile(rf"(?i)https?://[{URL_CHARS}]+")
# A thousands separator is no break between numbers: 「1,000円」 is 「1000円」.
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+")
# Query parameters that say where a link was shared or clicked, not which page it opens.
_TRACKING = re.compile(
    r"utm_\w*|fbclid|gclid|dclid|gbraid|wbraid|yclid|msclkid|igshid|igsh|mc_cid|mc_eid|_ga|_gl|si|ref_src|ref_url"
)
# Parameters that say who shared a link or where a video starts, not which post or video it opens: X's
# 「?s=20&t=…」, YouTube's 「&t=30s」「&feature=shared」「&pp=…」「&ab_channel=…」.
_SHARE_PARAMS = {"x.com": ("s", "t"), "youtube.com": ("t", "feature", "pp", "ab_channel")}
# Other names of one site: the share button's 「youtu.be/ID」 opens 「youtube.com/watch?v=ID」, and 「twitter.com/…/status/1」
# is 「x.com/…/status/1」.
_SAME_SITE = {"twitter.com": "x.com", "youtu.be": "youtube.com"}
_MOBILE_OR_WWW = re.compile(r"^(?:www|m|mobile)\.")
_INDEX_PAGE = re.compile(r"/index\.(?:html?|php)$")
# Short texts differ in one character and are still different posts (燃やせる/燃やせないごみ).
_NEAR_MIN_LENGTH = 30
_NEAR_THRESHOLD = 90.0


# Bumped whenever _dup_key changes: stored signatures of another version are not trusted.
DUPLICATE_SIGNATURE_VERSION = 3


# Texts longer than this are normalised each time: the memo holds at most 2,048 texts of a few
# kilobytes, not 8,192 of up to 40,000 characters each (which could have been a gigabyte).
_MEMO_UP_TO = 2000


# Hashtags: compared as a set beside the words (the same words with a hashtag added are the same post).
_HASHTAG = re.compile(r"(?<![\w&#])#(\w+)")
# A label that only says the post is posted again or is worth reading (「【再掲】」「［重要］」「再掲：」「（再掲）」),
# at the start or the end: the same words under it are the same post. Not 「【中止】」「【高田区】」, news in themselves.
_LABEL_WORDS = (r"(?:再掲|再投稿|再送|再周知|再告知|再度のお知らせ|再度|再|リマインド|リマインダー|拡散希望|拡散のお願い"
                r"|お知らせ|重要|重要なお知らせ|ご案内|告知|速報)")
_LABEL = rf"(?:[【\[〔〈《(<]\s*{_LABEL_WORDS}\s*[】\]〕〉》)>]|{_LABEL_WORDS}\s*:)"
_FIRST_LABELS = re.compile(rf"\s*(?:{_LABEL}\s*)+")
_LAST_LABELS = re.compile(rf"(?:{_LABEL}\s*)+$")
_LAST_LABELS_WITHIN = 60  # looked for in the tail only: tried at every position of 40,000 characters it was slow
# Punctuation and spaces, left out of the key except between two digits (one pass: no call per run).
_NOT_WORD_EDGE = re.compile(r"(?<!\d)[\W_]+|[\W_]++(?!\d)")
_DIGIT_GAP = re.compile(r"(?<=\d)[\W_]+(?=\d)")


@dataclass(frozen=True)
class _Compared:
    key: str  # NFKC, kana folded, lower case; no links, hashtags, labels or punctuation; 「12/8」 stays apart
    numbers: tuple[str, ...]
    links: frozenset[str]  # the pages linked (_page)
    tags: frozenset[str]  # the hashtags' words, folded


def _dup_key(text: str) -> _Compared:
    """The comparison key, its numbers and the pages linked. Memoised: every check compares against the
    same recent posts of the account, so each is normalised once rather than once per draft."""
    return _dup_key_memo(text) if len(text) <= _MEMO_UP_TO else _normalise(text)


@functools.lru_cache(maxsize=2048)
def _dup_key_memo(text: str) -> _Compared:
    return _normalise(text)


def _normalise(text: str) -> _Compared:
    norm = unicodedata.normalize("NFKC", text)
    key = _squeeze(norm).translate(FOLD_TABLE)
    links = frozenset(_page(trim_url(m.group())) for m in _URL_IN_TEXT.finditer(norm))
    tags = frozenset(t.translate(FOLD_TABLE) for t in _HASHTAG.findall(_URL_IN_TEXT.sub(" ", norm)))
    return _Compared(key, tuple(_NUMBER.findall(key)), links, tags)


def _squeeze(norm: str) -> str:
    """``norm`` without links, hashtags, labels, spaces and punctuation. Between two digits a 「/」 stays, so
    that 「12/8」 and 「1/28」 (or 「8:30」 and 「83:0」) remain other dates."""
    s = _HASHTAG.sub(" ", _URL_IN_TEXT.sub(" ", norm))
    if first := _FIRST_LABELS.match(s):
        s = s[first.end() :]
    if last := _LAST_LABELS.search(s, max(0, len(s) - _LAST_LABELS_WITHIN)):
        s = s[: last.start()]
    return _DIGIT_GAP.sub("/", _NOT_WORD_EDGE.sub("", _THOUSANDS.sub("", s)))


def _page(url: str) -> str:
    """The page a link opens: host without 「www.」「m.」 and by one name (x.com for twitter.com), path
    without a final 「/」 or 「index.html」, the query without tracking or sharing parameters; no scheme, no
    fragment."""
    try:
        parts = urlsplit(url)
        host = _MOBILE_OR_WWW.sub("", parts.hostname or "")
        query = parse_qsl(parts.query, keep_blank_values=True)
    except ValueError:
        return url.lower()
    path = _INDEX_PAGE.sub("", parts.path).rstrip("/")
    if host == "youtu.be" and path:
        query.insert(0, ("v", path[1:]))
        path = "/watch"
    host = _SAME_SITE.get(host, host)
    shared = _SHARE_PARAMS.get(host, ())
    kept = "&".join(f"{k}={v}" for k, v in query if not _TRACKING.fullmatch(k.lower()) and k not in shared)
    return f"{host}{path}" + (f"?{kept}" if kept else "")


def _as_written(text: str) -> str:
    """The key without the kana folding: the same length and positions as ``_dup_key(text).key``
    (folding maps one character to one), so that a difference found in the keys can be read as written."""
    return _squeeze(unicodedata.normalize("NFKC", text)).translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans({chr(c): chr(c + 32) for c in range(65, 91)})
# A letter of a word that says what the post is about: a kanji, katakana, Latin letter or digit. Hiragana are
# the endings, particles and spellings around them (下さい/ください, 致します/いたします).
_CONTENT_LETTER = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff々〆\u30a1-\u30fa\u30fc-\u30ffA-Za-z0-9]")
# What turns a notice into its opposite when only added or removed (「開催します」→「開催しません」「開催を見合わせ
# ます」): counted in each text, they must agree for a near duplicate. The set phrases of the first group hold
# such a word and turn nothing: a campaign re-posted with 「お見逃しなく！」「なくなり次第終了」「まもなく」 or
# 「内容は変更となる場合があります」 added is the same post, and was let through as another.
_TURNING = re.compile(
    r"(?:お?見逃しなく|お?忘れなく|もれなく|漏れなく|間もなく|まもなく|ほどなく|程なく|遠慮なく|気兼ねなく|問題なく"
    r"|間違いなく|予告なく|滞りなく|なくなり次第(?:終了)?|次第終了|少な[いくかけ]|危な[いくかけ]|もったいな[いく]"
    r"|(?:中止|延期|変更|休止|終了)(?:に|と|の)?(?:なる|する|いたす|させていただく)?場合)"
    r"|(ない|なく|なかっ|なけれ|ません|中止|延期|休止|見合わせ|見合せ|取りやめ|取り止め|取止め|とりやめ|解除|終了|閉鎖"
    r"|再開|運休|欠航|通行止|変更|訂正|延長|短縮|未定)"
)
# A prefix that, put alone before a word, says its opposite (通行可能/通行不可能, 公開/非公開, 実施/未実施).
_NEGATING_PREFIXES = frozenset("不非未無")


def _turning_words(shown: str) -> list[str]:
    return sorted(w for w in _TURNING.findall(shown) if w)


def _says_the_same(text: str, other: str, key: str, other_key: str) -> bool:
    """Whether two near-identical texts say the same thing: only words added or dropped (「十分」「現在」),
    or spellings changed (「下さい」「致します」「お掛け」), never one content word put for another (高田区 for
    直江津区, 保健師 for 土木技師, 大雨 for 大雪, 中止 for 実施), nor a notice turned into its opposite."""
    from rapidfuzz.distance import Levenshtein

    shown, other_shown = _as_written(text), _as_written(other)
    if _turning_words(shown) != _turning_words(other_shown):
        return False
    # Each run of edits between equal stretches is one change: an alignment may write 「冬の灯り」→「雪灯篭」 as
    # 「冬の」 dropped beside 「雪」 added, which is 雪 put for 冬 all the same.
    changes: list[list[int]] = []
    for op in Levenshtein.opcodes(key, other_key):
        if op.tag == "equal":
            continue
        if changes and changes[-1][1] == op.src_start and changes[-1][3] == op.dest_start:
            changes[-1][1], changes[-1][3] = op.src_end, op.dest_end
        else:
            changes.append([op.src_start, op.src_end, op.dest_start, op.dest_end])
    return not any((_CONTENT_LETTER.search(shown, a, b) and _CONTENT_LETTER.search(other_shown, c, d))
                   or shown[a:b] + other_shown[c:d] in _NEGATING_PREFIXES
                   for a, b, c, d in changes)


@dataclass(frozen=True)
class DuplicateSignature:
    """What the duplicate rule compares, stored with each version so that the database can leave
    out the recent posts this rule could never match (a busy account has hundreds in 30 days).

    A recent post can match only if its key is the same, or if both keys are long enough for the
    near-duplicate comparison, their numbers are the same and its length is within ``lengths``.
    """

    key: str
    numbers: str  # the numbers in the key, comma-separated
    lengths: tuple[int, int]  # inclusive bounds of a near duplicate's key length; empty when none can be

    @property
    def version(self) -> int:
        return DUPLICATE_SIGNATURE_VERSION


def duplicate_signature(text: str) -> DuplicateSignature:
    mine = _dup_key(text)
    key, numbers = mine.key, mine.numbers
    n = len(key)
    if n < _NEAR_MIN_LENGTH:
        lengths = (1, 0)
    else:
        # One character wider on each side than the ratio test below, so that float rounding
        # there can never make the database's filter the stricter of the two.
        lo = max(_NEAR_MIN_LENGTH, math.ceil(n * _NEAR_THRESHOLD / 100) - 1)
        lengths = (lo, math.floor(n * 100 / _NEAR_THRESHOLD) + 1)
    return DuplicateSignature(key=key, numbers=",".join(numbers), lengths=lengths)


@rule(
    code="spam.duplicate",
    severity="error",
    summary="同じ内容の繰り返し投稿",
    clause="茅野市 4(8)",
    fires=Example(
        "本日10時から市民プールを開放します。", recent_texts=("本日10時から、市民プールを開放します！",)
    ),
    passes=Example("本日10時から市民プールを開放します。", recent_texts=("明日は図書館が休館日です。",)),
)
def duplicate(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """同じアカウントの過去30日の投稿・保留中の下書きと同じ（またはほぼ同じ）本文を止めます。

    茅野市 4(8) は「スパム行為（同じ内容を繰り返し何度も投稿すること）」を禁じています。
    比較は正規化後（NFKC、かなの統一、記号・空白・URL・ハッシュタグを除く）に行い、一致すれば重複です。
    30文字以上の文章では類似度 90% 以上もほぼ重複とみなしますが、日付や時刻などの数字が
    違う場合（毎週のごみ収集のお知らせなど）は別の投稿として扱います。ほぼ重複とみなすのは、語句を
    足したり削ったりしたもの（「十分ご注意ください」「現在、」）と書き方を変えたもの（「下さい」「致します」
    「お掛けします」「休業となります」）だけです。同じ型の文で語句を入れ替えたもの（「高田区」と「直江津区」、
    「保健師」と「土木技師」、「大雨警報」と「大雪警報」、「熊」と「猿」、「中止します」と「実施します」）や、
    反対の意味にしたもの（「開催します」と「開催しません」「開催を見合わせます」、「通行可能」と
    「通行不可能」、「公開」と「非公開」）は別の投稿として扱います。
    「お見逃しなく」「なくなり次第終了」「まもなく」のような決まり文句を足しただけのものは同じ内容です。
    「次回の休館日は12/8です」と「…1/28です」のように、区切りの位置が違う日付も別の数字です。
    どちらにもリンクがあり、同じページへのリンクが一つもないもの（「新着情報です。」と別々の記事の URL）は
    別の投稿です。同じページなら、計測用のパラメータ（utm_source、fbclid など）、「www.」や「m.」、末尾の「/」や
    「index.html」、「#」以降が違っても、「youtu.be」と「youtube.com」、「twitter.com」と「x.com」のように
    書き方が違っても同じリンクとして扱います。同じ文にハッシュタグを足しただけのもの（「…開放します。#上越市」）と、
    再投稿や重要さを示す見出しを付けただけのもの（「【再掲】」「［重要］」「再掲：」「（再掲）」「【拡散希望】」）も同じ内容です。
    ハッシュタグを別のものに替えたもの（「#高田区」と「#直江津区」）、それ自体が知らせである見出し（「【中止】」
    「【延期】」「【高田区】」）、ハッシュタグだけの投稿（写真が内容です）は別の投稿として扱います。
    """
    if not ctx.recent_texts:
        return  # `kessai check`, and an account's first post in 30 days: nothing to normalise for
    mine = _dup_key(doc.text)
    key, numbers = mine.key, mine.numbers
    if not key:
        return
    for previous in ctx.recent_texts:
        theirs = _dup_key(previous)
        other, other_numbers = theirs.key, theirs.numbers
        if not other:
            continue
        if mine.links and theirs.links and not mine.links & theirs.links:
            continue  # the same words about another page: 「新着情報です。」 and its link
        if not (mine.tags <= theirs.tags or theirs.tags <= mine.tags):
            continue  # other hashtags in place of the post's: 「#高田区」 for 「#直江津区」
        same = other == key
        if not same and min(len(key), len(other)) >= _NEAR_MIN_LENGTH:
            if min(len(key), len(other)) / max(len(key), len(other)) < _NEAR_THRESHOLD / 100:
                continue
            if other_numbers != numbers:
                continue
            from rapidfuzz import fuzz

            same = fuzz.ratio(key, other, score_cutoff=_NEAR_THRESHOLD) > 0 \
                and _says_the_same(doc.text, previous, key, other)
        if same:
            label = "同じ" if other == key else "ほぼ同じ"
            yield Hit(
                0,
                len(doc.text),
                f"過去30日の投稿または保留中の下書きと{label}内容です。繰り返し投稿にならないよう、内容を変えるか投稿を取りやめてください。",
                excerpt=previous[:80],
            )
            return


@rule(
    code="press.embargo",
    severity="warning",
    summary="報道発表との前後関係",
    clause="和気町 6 即時性の高い情報発信に関する注意",
    fires=Example("明日の記者発表の内容を先にお知らせします。"),
    passes=Example("アユ釣りが解禁されました。"),
)
def embargo(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """報道発表・記者発表・情報解禁・発表前などに触れる投稿で、公表の順序の確認を促します。

    和気町 6「即時性の高い情報発信に関する注意」は「報道発表を別途行う場合は、報道発表との
    時間的な前後関係が適正になるよう、特に留意する」としています。報道資料の「午前10時解禁」「12月8日解禁」「解禁は明日9時です」
    と、「公式発表はまだですが」「マスコミ発表より先に」「報道各社への発表は明日ですが」「〇〇新聞に載る前に、いち早くお知らせ」「報道より先に」「テレビより先に」も対象です。お知らせの見出しの「【解禁】」と、季節の「アユ釣り解禁」「アユ釣りの解禁日」
    「狩猟の解禁前」「ボジョレー・ヌーボー解禁日」「新米の解禁日」「市民プールの解禁は7月1日から」、季節を前後の文で言う「解禁は6月1日。関川でアユ釣りが楽しめます」
    「関川でアユ釣りが始まります。解禁は6月1日です」（「解禁は」「解禁まで」「解禁日」で始まる時刻のない文で、投稿に報道・記者・
    発表・公表などがないもの。「解禁前ですが」は知らせます）と、子どもや団体の発表の「研究発表前に、みんなで円陣を
    組みました」「発表前の緊張した面持ち」は対象外です（「解禁」単独は語彙に入れず、同じ文に釣り・漁・
    狩猟・ワインなどの語があれば知らせません）。確認することは投稿全体で一つなので、いくつ触れていても
    最初の箇所に1件だけ、触れている語をまとめて知らせます。発表を終えたことを伝える文（「本日、報道発表しました」
    「11月30日に報道発表した事業の結果」「記者発表資料を掲載しました」「先日の記者発表でお知らせしたとおり」
    「本日、記者発表を行いました」「プレスリリースを配信しました」「昨日の記者発表の様子です」「記者発表資料は市ホームページに
    掲載しています」「報道発表資料は市ホームページでご覧いただけます」）、リリースの書き方を教える講座（「プレスリリースの書き方」講座）と、行頭の見出し「【報道発表】」「［記者発表資料］」で始まり市などのページ（lg.jp・go.jp・設定の
    allowed_link_domains）へのリンクを添えた投稿（「【報道発表】上越市の人口（11月1日現在）https://www.city.…」）も、市のサイトに
    載った発表資料と一緒に出すものなので対象外です（その投稿に「解禁」「発表前」「先行して」「報道は…までお控えください」
    「情報の取扱い：12月8日午前10時以降」「明日の記者会見」「12月8日に記者会見で発表します」「発表予定」などがあれば反応します。リンクのない【報道発表】の投稿と、
    リンクがサイトのトップページ（「https://www.city.joetsu.niigata.jp/」）だけの投稿は、公表の順序の確認を求めます）。ただし、投稿の
    どこかに投稿（予約投稿ならその時刻）より後の時刻や日付があるもの（10時の投稿の「本日午後2時に報道発表しました」
    「報道発表資料を掲載しました。解禁は12月8日です」、「12/8 9:00」「8日14時」のような書き方も）、「解禁」「先立ち」「次回」
    「翌日」「朝刊」「明日」「発表前」「未発表」を含むもの（「解禁されました」は除きます）、その文に「予定」「先に」などこれからの
    ことを含むものは反応します。英語のお知らせの「press release」
    「embargoed」なども対象です。記者会見の内容を先に伝えるもの（「明日の記者会見で発表する新しい支援策を
    ひと足早くお知らせします」「明日の会見で市長が発表する新事業を、ひと足早くご紹介します」「明日の記者会見で正式に発表しますが、新しい施設の場所は〇〇地区です」「明日の記者会見で市長が発表予定の
    新施策、ちょっとだけお見せします」「プレス発表に先立ち」「まだ発表されていない情報ですが」）にも反応します（記者会見の
    開催や中継のお知らせだけのものと、「詳細は記者会見で発表する予定です」「記者会見前のため、お答えできません」のように
    発表の予定や、まだ答えられないことだけを伝えるものと、終わった会見のものを「特別に公開します」「一部だけご紹介しました」と見せる
    もの（「記者会見で使ったパネルを、特別に公開します」）は対象外です）。
    """
    allowed = allowed_spans(doc, opts.allow)
    hits = [
        h for h in word_hits(doc, opts, "press.txt", "")
        if not allowed.covers(h.start, h.end) and not _presentation(doc, h)
    ]
    # The post is read for a release once, not once per 「解禁」: a long draft may hold thousands.
    if hits and not _NO_RELEASE.search(doc.text) and all(_season_beside(doc, h) for h in hits):
        return
    if not hits and "会見" in doc.text:
        hits = [
            Hit(*m.span("at" if m["at"] else "at2"), "") for m in _CONFERENCE_TOLD_FIRST.finditer(doc.text)
            if not m["glimpse"] or _glimpse_ahead(doc, m)
        ]
    if hits and not _still_to_come(doc.text, (ctx.scheduled_at or ctx.now).astimezone(local_zone(ctx))):
        released: dict[tuple[int, int], bool] = {}  # per sentence: one may hold many of the words
        kept = []
        for h in hits:
            sent = doc.sentence_at(h.start)
            if sent not in released:
                released[sent] = _released(doc.text[sent[0] : sent[1]])
            if not released[sent] or _UNRELEASED_WORD.search(doc.text, h.start, h.end):
                kept.append(h)
        hits = kept
    announced: dict[tuple[int, int], bool] = {}
    hits = [h for h in hits if not _only_announced(doc, h, announced)]
    if hits and all(_release_heading(doc, h) for h in hits) and _carries_release(doc, ctx):
        return
    if not hits:
        return
    # 「解禁は」「解禁まで」「日解禁」「時解禁」 are named as the word alone: 「「解禁」に触れています」, not 「「解禁は」に…」
    # nor 「「日解禁」に…」.
    words = list(dict.fromkeys(_KAIKIN_PARTICLE.sub("", doc.text[h.start : h.end]) for h in hits))
    named = "".join(f"「{w}」" for w in words[:3]) + ("など" if len(words) > 3 else "")
    yield Hit(hits[0].start, hits[0].end,
              f"{named}に触れています。報道発表・解禁の時刻より前に投稿しないよう、公表の順序を確認してください。")


# 「【報道発表】」 heading a post that links to the city's own page (「【報道発表】上越市の人口（11月1日現在）⏎https://www.city.
# joetsu.niigata.jp/…」): the post carries the release already on the city's site, published with it, so there is no
# order left to confirm. Without such a link the approver is still asked (tests/rules/test_municipal_posts_s28.py), and an
# embargo or a release still ahead said anywhere (「解禁」「発表前」「先行して」「報道はお控えください」) keeps the check.
_HEADING = re.compile(r"[【［\[〔〈《]\s*(?:報道発表|記者発表|プレスリリース)(?:資料)?\s*[】］\]〕〉》]")
_HEADING_PENDING = re.compile(
    r"解禁(?!(?:し|され|になり|となり)(?:ました|た))|先立|翌日|翌朝|朝刊|夕刊|発表前|公表前|未発表|未公表|オフレコ|(?i:embargo)"
    r"|先に|先行|ひと足早|一足早|より前|までは|まで(?:お待ち|投稿|公開|掲載|報道)|お控え|控えて"
    # The release's handling terms: 「情報の取扱い：12月8日午前10時以降」「12月8日10時以降の報道でお願いします」.
    r"|以降|以後|取り?扱い?[:：は]"
    r"|(?:明日|あした|来週)の?(?:記者|報道)?(?:発表|会見)"
    # The release or its conference still to be held: 「12月8日に記者会見で発表します」「（12月8日発表予定）」「本日午後、記者会見を
    # 行う予定です」. Not 「記者会見を行いました」, nor the event's own 「雪まつりを開催します」.
    r"|(?:発表|公表|会見|リリース)(?:を)?(?:行う|行い|実施する|実施し|おこない|おこなう|し|いたし)?(?:ます|する|予定)"
)
_LINE_OPENING = re.compile(r"[ \t\u3000]*")


def _release_heading(doc: Document, hit: Hit) -> bool:
    """Whether ``hit`` is the post's heading 「【報道発表】」, opening a line."""
    line_start = doc.text.rfind("\n", 0, hit.start) + 1
    opening = _LINE_OPENING.match(doc.text, line_start)
    m = _HEADING.match(doc.text, opening.end() if opening else line_start)
    return m is not None and hit.end <= m.end()


# The site's top page is no release's page: 「【報道発表】新しい子育て支援策⏎https://www.city.joetsu.niigata.jp/」 links to
# nothing published with the post.
_TOP_PAGE = re.compile(r"/*(?:index\.(?:html?|php|cgi))?/*")


def _carries_release(doc: Document, ctx: CheckContext) -> bool:
    """Whether the post links to a page of the city's own (lg.jp, go.jp or an allowed domain) and says nothing is ahead."""
    trusted = (*ALWAYS_TRUSTED_SUFFIXES, *ctx.policy.allowed_link_domains)
    return any(
        any(host_matches(u.host, d) for d in trusted) and not _TOP_PAGE.fullmatch(doc.text, u.path_start, u.end)
        for u in doc.urls
    ) and not _HEADING_PENDING.search(doc.text)


_KAIKIN_PARTICLE = re.compile(r"^[日時](?=解禁)|(?<=解禁)(?:は|まで)$")


# 「解禁は6月1日。関川でアユ釣りが楽しめます。」「関川でアユ釣りが始まります。解禁は6月1日です。」: a sentence that opens on the
# word names no subject, and the season it opens is in the sentence before or after, where press.txt's [everyday]
# context cannot see it. Only in a post that says nothing of a release (報道・記者・プレス・発表・公表) and with no clock
# time in the word's sentence (「解禁は明日9時です。」 is an embargo's).
# Not 「解禁前」: 「解禁前ですが、…」 is how a leak begins.
_SEASON_WORDS = frozenset(fold(w) for w in ("解禁は", "解禁まで", "解禁日", "解禁日は"))
_NO_RELEASE = re.compile(r"報道|記者|プレス|発表|公表|リリース|(?i:press|embargo)")
_CLOCK = re.compile(r"[0-9０-９]\s*(?:時|:|：)")
# Spaces, marks and a label (「【お知らせ】」) before the word.
_SENTENCE_OPENING = re.compile(r"[\s、,。！!・]*(?:[【［\[〔][^】］\]〕\n]{0,10}[】］\]〕])?[\s、,・]*")


def _season_beside(doc: Document, hit: Hit) -> bool:
    if fold(doc.text[hit.start : hit.end]) not in _SEASON_WORDS:
        return False
    a, b = doc.sentence_at(hit.start)
    opening = _SENTENCE_OPENING.match(doc.text, a)
    if (opening.end() if opening else a) != hit.start or _CLOCK.search(doc.text, a, b):
        return False
    season = everyday_senses("press.txt")[fold("解禁は")]
    before = doc.sentence_at(a - 1) if a > 0 else None
    after = doc.sentence_after(b - 1)
    return any(s is not None and s != (a, b) and season.found(doc, s) for s in (before, after))


# A conference's content told ahead of it, with words between that the list cannot hold: 「明日の会見で市長が発表する
# 新事業を、ひと足早くご紹介します」「ひと足早く、来週の記者会見で発表される新施策を」.
# Only as telling it (「ひと足早くご紹介」): not 「市長は会見で、除雪体制をいち早く整えると述べました」.
_FIRST = (
    r"(?:(?:ひと足早く|一足早く|ひとあし早く|いち早く|先行して|先取り(?:で|して)?|より先に|先駆けて|先がけて|先に)[、,]?\s*"
    r"(?:お知らせ|ご紹介|紹介|公開|お伝え|お届け|ご案内|発表|公表|ちょっとだけ|少しだけ|お見せ)"
    # A glimpse given before it: 「明日の記者会見で市長が発表予定の新施策、ちょっとだけお見せします」.
    r"|(?P<glimpse>(?:ちょっとだけ|少しだけ|一部だけ|一部を|こっそり|特別に|チラッと|ちらっと)[、,]?\s*"
    r"(?:お見せ|見せ|お知らせ|ご紹介|紹介|公開|お伝え|お届け|ご案内)))"
)
# A glimpse (「ちょっとだけ」「特別に」) says nothing of when, unlike 「ひと足早く」: it is of a conference still ahead only when its
# sentence says what will be announced or when (「明日の記者会見で市長が発表予定の新施策、ちょっとだけお見せします」「記者会見で
# 発表する新しい観光ポスター、こっそりお見せします」). Not 「記者会見で使ったパネルを、特別に公開します」.
_ANNOUNCED_AHEAD = re.compile(
    r"(?:発表|公表|披露|お披露目|公開)(?:を)?(?:予定|する|される|します|いたします)|明日|あした|あす|来週|今週|今度の|次の|次回"
)


_AHEAD_REACH = 12  # 「来週の記者会見」「明日の会見」: when is said just before the conference


def _glimpse_ahead(doc: Document, m: re.Match[str]) -> bool:
    # Not from the sentence's start: a long draft with no sentence end holds thousands of glimpses.
    a, _ = doc.sentence_at(m.start())
    return _ANNOUNCED_AHEAD.search(doc.text, max(a, m.start() - _AHEAD_REACH), m.start("glimpse")) is not None


_CONFERENCE_TOLD_FIRST = re.compile(
    rf"(?P<at>(?:記者)?会見)(?:で|に)[^。！？!?\n]{{0,30}}?{_FIRST}"
    r"|(?:ひと足早く|一足早く|ひとあし早く|先取りで|先行して)[^。！？!?\n]{0,20}?(?P<at2>(?:記者)?会見)で"
)


# 「発表前」 of a pupil's or a group's presentation, not of a press release: 「研究発表前に、みんなで円陣を組みました」
# 「発表前の緊張した面持ちの子どもたち」「スピーチ発表前の最終練習」. Only with the presenter's noun glued before it or
# the moment described after it: 「発表前ですが」「発表前の情報」「まだ発表前の新事業」 keep the check.
_PRESENTED_BY = re.compile(r"(?:研究|学習|成果|作品|スピーチ|グループ|班|代表|個人|英語|自由研究)$")
_PRESENTATION_MOMENT = re.compile(
    r"(?:の|に|は)[、,]?(?:緊張|練習|最終練習|最終確認|リハーサル|円陣|深呼吸|ドキドキ|どきどき|ひととき|みんな|皆で|全員で)"
)


def _presentation(doc: Document, hit: Hit) -> bool:
    if doc.text[hit.start : hit.end] != "発表前":
        return False
    return bool(_PRESENTED_BY.search(doc.text, max(0, hit.start - 6), hit.start)
                or _PRESENTATION_MOMENT.match(doc.text, hit.end))


# A press conference still ahead, named in a sentence that only says what it will announce or that nothing can be
# told before it (「詳細は12月7日の記者会見で発表する予定です」「記者会見前のため、詳細はお答えできません」「まだ発表
# されていないため、お伝えできません」): every post before a conference may say so, and nothing is told first. A
# content told ahead of it (「…で発表する新しい支援策をひと足早く」「まだ発表されていない情報ですが」) keeps the check.
_AHEAD_WORD = re.compile(r"会見で(?:正式に?)?(?:発表|公表|お知らせ)|会見前|まだ(?:発表|公表)されていない")
_ONLY_ANNOUNCED = re.compile(
    r"(?:予定|見込み)(?:です|となっています|となります)|(?:お答え|お伝え|回答|お知らせ)(?:でき|いたしかね|しかね)"
    # Conceded only to say where it is watched or read: 「本日14時から記者会見で発表しますが、ライブ配信もご覧いただけます」
    # 「…発表しますが、詳細は市ホームページでもご覧いただけます」. Nothing told between (no other clause, no quote), to the
    # sentence's end: 「…発表しますが、名前は「うみてらす」で、完成図はホームページでご覧いただけます」 keeps the check.
    r"|(?:ます|る)が、?[^。！？!?\n、「」『』]{0,20}?(?:配信|中継|ホームページ|サイト|YouTube|ユーチューブ|チャンネル)"
    r"[^。！？!?\n、「」『』]{0,8}?(?:ご覧|ご視聴|視聴)(?:いただけます|になれます|ください)[。！!\s]*$"
)
_TOLD_FIRST = re.compile(r"ひと足早く|一足早く|いち早く|先行して|先取り|特別に|こっそり|ちょっとだけ|少しだけ|ですが|ですけど")


def _only_announced(doc: Document, hit: Hit, seen: dict[tuple[int, int], bool]) -> bool:
    """Whether ``hit`` names a conference ahead only to say it will announce, or that nothing can be told before it.
    Read once per sentence (``seen``): a long draft with no sentence end may name thousands of conferences."""
    if not _AHEAD_WORD.search(doc.text, hit.start, hit.end):
        return False
    a, b = sentence = doc.sentence_at(hit.start)
    if sentence not in seen:
        seen[sentence] = _ONLY_ANNOUNCED.search(doc.text, a, b) is not None and _TOLD_FIRST.search(doc.text, a, b) is None
    return seen[sentence]


# The release reported as done, in the sentence that names it: 「本日、報道発表しました」「11月30日に報道発表した
# 事業の結果」「記者発表資料を掲載しました」「【報道発表】…調査結果を公表しました」. What is still to come in that
# sentence (「明日の記者発表」「発表前」「予定」) or a time or date later than the posting keeps the check.
_RELEASE_DONE = re.compile(
    r"(?:発表|公表|公開|掲載|解禁|リリース|お知らせ)(?:し|され|になり|となり|とな|にな)(?:ました|た)(?!ら|り|め|い)"
    r"|(?:発表|公表|公開)済み"
    # Kept up since: 「記者発表資料は市ホームページに掲載しています」「…は、市ホームページの「報道発表」のページでご覧いただけます」.
    r"|(?:掲載|公開|公表)して(?:います|おります)|ご覧(?:いただけ|になれ)ます"
    # Held or sent: 「本日、記者発表を行いました」「プレスリリースを配信しました」「報道発表がありました」.
    r"|を(?:行い|おこない|実施し|配信し|開催し)ました|が(?:あり|行われ)ました"
    # One already past: 「昨日の記者発表の様子です」「先日の報道発表のとおり」.
    r"|(?:昨日|きのう|先日|先ほど|先程|さきほど|先週|先月|過日)の(?:定例)?(?:記者発表|報道発表|プレスリリース|記者会見)"
)
_RELEASE_TO_COME = re.compile(
    r"明日|あした|明後日|あさって|来週|来月|予定|これから|前に|より前|までは|まで(?:お待ち|投稿|公開|掲載)|先に|先行|ひと足早|一足早"
    r"|しましたら|された後|の後に|(?i:embargo)"
)
_UNRELEASED_WORD = re.compile(r"前|未発表|オフレコ|(?i:embargo)")


# Anywhere in the post, what says the release is still ahead: its embargo (「解禁日時：12/8 9:00」「翌日朝刊解禁」,
# not 「解禁されました」), what precedes it (「報道発表に先立ち」) and the next one (「次回の記者発表」).
_PENDING_ANYWHERE = re.compile(
    r"解禁(?!(?:し|され|になり|となり)(?:ました|た))|先立|次回|翌日|翌朝|朝刊|夕刊|明日|あした|明後日|あさって"
    r"|発表前|公表前|未発表|未公表|オフレコ|(?i:embargo)"
)
# In the NFKC text: 「2026年12月8日」「12/8」「2026/12/08」, and a day alone 「8日」 (not 「3日間」「3日前」).
_DATE = re.compile(
    r"(?<![0-9/.])(?:([0-9]{4})\s*[年/.]\s*)?([0-9]{1,2})\s*(?:月\s*([0-9]{1,2})\s*日|/\s*([0-9]{1,2})(?![0-9/]))"
    r"|(?<![0-9/月])([0-9]{1,2})\s*日(?!間|前|ぶり|以内|以上|分|本|曜)"
)
_TIME = re.compile(r"(午前|午後)?\s*(?<![0-9:])([0-9]{1,2})\s*(?:時(?!間)\s*(?:([0-9]{1,2})\s*分|(半))?|:([0-9]{2})(?![0-9]))")


def _still_to_come(text: str, posted: datetime) -> bool:
    """Whether the post anywhere names the release as still ahead, or a date or time after ``posted``
    (「報道発表資料を掲載しました。解禁は12月8日です」「プレスリリースを公開しました。解禁：8日14時」)."""
    if _PENDING_ANYWHERE.search(text):
        return True
    text = unicodedata.normalize("NFKC", text)
    today = (posted.year, posted.month, posted.day)
    # Each date with the sentence it is in, so that a time is read against the last date before it there.
    dates: list[tuple[int, tuple[int, int, int]]] = []
    for m in _DATE.finditer(text):
        if m[5] is not None:
            day = (posted.year, posted.month, int(m[5]))
        else:
            year = int(m[1]) if m[1] else posted.year
            day = (year, int(m[2]), int(m[3] or m[4]))
        if not 1 <= day[1] <= 12 or not 1 <= day[2] <= 31:
            continue
        if day > today:
            return True
        dates.append((m.start(), day))
    breaks = [b.start() for b in _SENTENCE_BREAK.finditer(text)]
    k = 0
    for m in _TIME.finditer(text):
        while k < len(dates) and dates[k][0] < m.start():
            k += 1
        if k and dates[k - 1][1] < today:
            # The last break before the time: the date is in its sentence when no break lies between them.
            j = bisect_left(breaks, m.start()) - 1
            if j < 0 or breaks[j] < dates[k - 1][0]:
                continue  # an earlier day's time
        hour = int(m[2])
        if m[1] == "午後" and hour < 12:
            hour += 12
        minute = 30 if m[4] else int(m[3] or m[5] or 0)
        if hour <= 24 and (hour, minute) > (posted.hour, posted.minute):
            return True
    return False


_SENTENCE_BREAK = re.compile(r"[。!?\n]")


def _released(sentence: str) -> bool:
    """Whether ``sentence`` says the release has already happened and nothing in it is still to come (a time
    or date after the posting anywhere in the post is read by _still_to_come)."""
    return _RELEASE_DONE.search(sentence) is not None and _RELEASE_TO_COME.search(sentence) is None


@rule(
    code="quote.third_party",
    severity="warning",
    summary="他者の情報の転載・引用",
    clause="和気町 6 転載等に関する注意",
    fires=Example("県観光協会の投稿を転載します。"),
    passes=Example("写真の無断転載はご遠慮ください。"),
)
def third_party(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """他者が発信した情報の転載・引用・リツイートに、事実と権利の確認を促します。

    和気町 6「転載等に関する注意」は「他者が発信した情報を転載・引用する場合は、当事者に事前に
    確認するなど、必ず事実確認したうえで行う」とし、上越市 6(1)② も第三者の投稿の引用は
    「信頼性のあるもの以外行わない」としています。「無断転載禁止」のような注意書きと、市の投稿の
    拡散を頼む「RTお願いします」「ぜひリポストしてください」「リポスト大歓迎」「リポストして、多くの方に届けてください」
    「RT・いいねをお願いします」「ぜひこの投稿をシェアしてください」、キャンペーンの「フォロー＆リポストで抽選で10名様にプレゼント」、
    市の資料の「転載自由」「出典を明記すれば自由に転載できます」「転載を禁止します」「転載・複製を禁じます」、引用の条件の説明（「引用する場合は出典を明記してください」
    「資料の引用は出典を明記してください」）と、引用の仕方を教える講座（「著作権と引用のルール」講座、「本からの引用の仕方を
    学びました」）は対象外です（「県の投稿をリポストします」「観光協会の投稿をシェアします」は反応します）。出どころを見出しとして示した
    「出典：」「引用元」「写真提供」「【シェア】」や英語の「courtesy of」「reposted from」にも反応します
    （「出典を明記すれば自由に使えます」のような利用条件の説明は対象外です。「出典：気象庁」「（出典：新潟地方気象台）」
    「出典：地理院タイルを加工して作成」「引用元：総務省統計局」「出典：消費者庁」「出典：日本年金機構」のように国の機関（年金と感染症の監視を受け持つ日本年金機構・国立感染症研究所と、消費者トラブルを集める国民生活センターと、「出典：第九管区海上保安本部」「出典：北陸地方整備局」「出典：新潟労働局」「出典：高田税務署」「出典：自衛隊新潟地方協力本部」のような地方の出先機関を含みます）を出典に挙げたものは、その利用規約が求める
    出典の表示なので対象外です。都道府県・市区町村とその警察・消防（「出典：新潟県ホームページ」「出典：上越市統計書」
    「引用元：新潟県防災ポータル」）、その議会（「出典：上越市議会」「出典：新潟県議会」。「出典：上越市議 〇〇」のような議員個人は反応します）と、市町村が共同で設けた一部事務組合・広域連合（「出典：上越地域消防事務組合」「出典：新潟県後期高齢者医療
    広域連合」、ごみ処理や斎場などを受け持つ「出典：〇〇環境衛生組合」「出典：〇〇清掃組合」「出典：〇〇斎場組合」、構成する市町村の名前を「・」で並べた「出典：小平・村山・大和衛生組合」）も、和気町 6 のただし書き「町の関係機関が発信した情報」にあたるので同じです（「出典：新潟県観光協会」「出典：新潟県医師会」「出典：〇〇農業協同組合」
    「出典：〇〇市商店街連合会」「出典：〇〇生活衛生同業組合」のような団体は反応します。機関の審議会・検討会や、「出典：上越市「敬老会」参加者数」のような資料名の中の「会」は団体ではありません）。「出典：〇〇新聞」や、「出典：気象庁、ウェザーニュース」「出典：気象庁ファンクラブ」「出典：消費者庁応援団」「出典：〇〇応援本部」「出典：〇〇商店街振興局」「出典：自衛隊マニア」「出典：新潟県職員の山田」「出典：ハローワーク通いの日記」のように国の機関でない
    ものも挙げたものは反応します）。名前を挙げて他者の投稿や写真・記事を載せるもの
    （「〇〇さんの投稿より」「〇〇さんのインスタより」「@〇〇 さんの投稿を紹介します」「皆さんの投稿を紹介します」「（投稿者：@〇〇）」「〇〇さん提供」
    「Photo by」「〇〇新聞の記事を紹介します」「新潟日報の記事を紹介します」）にも反応します（「皆さんの投稿をお待ちしています」、募集の決まりの「いただいた投稿を
    紹介させていただく場合があります」、市の前の投稿の「先日の投稿をご紹介しましたが」と、写真や資料でない品の
    「農家さん提供の野菜」「協賛企業様提供の景品」は対象外です）。「〇〇新聞によると」
    「報道によれば」「（12月3日付）によると」「新潟日報によると」「上越タイムスによれば」「共同通信によると」「NHKによると」のように
    他者の報道を伝える書き方にも反応します。「上越観光コンベンション協会のXより：」「観光協会のインスタグラムより、」のように他のアカウントの
    投稿を出どころとして示すもの（「妙高市公式Xより」のように「の」を入れないものも同じです。国の機関・都道府県・市町村とその警察・消防、一部事務組合の投稿（「新潟県のXより」「気象庁のXより」
    「上越警察署のツイートより」「妙高市のXより」）は、「出典：」に挙げたときと同じく和気町 6 の「関係機関」にあたるので対象外です。
    ただし「新潟県のXより、写真をお借りしました」「妙高市のXより、写真をお借りしました」「市長のXより、写真をお借りしました」のように写真や動画を借りるものは、写真の権利が撮った人にあることもあるので反応します。
    その議会・首長・議員や、名前を冠した協会・大学・住民（「新潟県議会のXより」「新潟県知事のXより」「新潟県観光協会のXより」「上越市民のXより」「新潟県職員のXより」）は反応します。
    「前回の投稿より文字を大きくしました」のような比較と、「市の公式Xの投稿より」「市公式インスタグラムの投稿より」「上越市公式Xの投稿より」「上越市役所のXより」「先日の投稿より」「図書館のブログより」「市長のブログより」
    のような市の投稿は対象外です。市長・町長・村長のアカウントは、「中川市長のXより」のように名字で呼ぶ市の首長と見分けられないので、写真を借りるもののほかは対象外です。「上越市公式Xより、写真を紹介します」のように市の名前で呼んだ市自らのアカウントは、そのアカウントの承認済みハッシュタグ（hashtags）に「上越市」があれば市の投稿として対象外です。ないときは近隣の市のアカウントと見分けられないので反応します）と、
    「市民の方から「駅前の歩道が凍結して危ない」という投稿がありました」のように他者の投稿の中身を伝えるもの（同じ文か次の文で
    「誤りです」「そのような事実はございません」と打ち消すものと、「〜というコメントをいただきました」のような質問への回答は
    対象外です）にも反応します。
    """
    message = "「{word}」: 他者の情報を載せる場合は、事実と転載・引用の許可を当事者に確認してください。"
    found = False
    for hit in word_hits(doc, opts, "quote.txt", message):
        if (
            not _share_asked(doc, hit)
            and not _official_source(doc, hit)
            and not _goods_provided(doc, hit)
            and not _no_post_shown(doc, hit)
        ):
            found = True
            named = _named_from(doc, hit)
            yield hit if named == hit.start else Hit(named, hit.end, message.format(word=doc.text[named : hit.end]))
    if not found:
        for a, b in _others_post_shown(doc, _own_municipality(ctx)):
            yield Hit(a, b, message.format(word=doc.text[a:b]))
            return


# Another account's post shown by where it comes from (「上越警察署のツイートより：」「観光協会のインスタグラムより、紅葉の
# 写真を」), not a comparison (「前回の投稿より文字を大きくしました」) nor the city's own (「市の公式Xの投稿より」「先日の投稿より」).
# A public body's post is shown too: the proviso of 和気町 6 spares a source cited (「出典：新潟県」), but the words of a post
# copied may have been corrected or deleted since, and 上越市 6(1)② asks the quote to be confirmed.
_ACCOUNT_POST_FROM = re.compile(
    # A person by name and honorific (「〇〇さんのインスタより、」「妙高市の〇〇さんのXより：」), as 「〇〇さんの投稿より」 is.
    r"(?P<name>[一-龥々〇ァ-ヺーA-Za-z0-9Ａ-Ｚａ-ｚ０-９_@]{1,20}(?:さん|さま|様|氏|ちゃん|くん)?)(?:[ \u3000]?の"
    r"(?:(?:公式)?(?:X|Ｘ|インスタ(?:グラム)?|Instagram|フェイスブック|Facebook|ブログ|アカウント)の)?"
    r"(?:ツイート|ポスト|投稿|インスタ(?:グラム)?|Instagram|フェイスブック|Facebook|ブログ|X|Ｘ|YouTube|TikTok)"
    # Or its official account named without 「の」 (「妙高市公式Xより」「観光協会公式インスタグラムの投稿より」).
    r"|公式(?:X|Ｘ|インスタ(?:グラム)?|Instagram|フェイスブック|Facebook|アカウント)(?:の(?:ツイート|ポスト|投稿))?)より"
    r"(?=\s*[：:、,「『\n（(]|\s*(?:引用|転載|抜粋|お借り|ご紹介|紹介|一部|写真|画像|動画))"
)
# The city's own: itself, its mayor, its library or museum, a section (「図書館のブログより」「市長のブログより」「当館の投稿より」).
_OWN_NAME = re.compile(
    r"(?:^|[^一-龥])(?:市|町|村|当市|本市|当町|本町|当村|市公式|公式|先日|昨日|前回|過去|以前|今朝|先ほど|先程|本日|今回|前|次回|当課|当館)$"
    # Its official account named so (「市公式Xの投稿より」「市公式インスタグラムの投稿より」「町公式LINEの投稿より」).
    r"|(?:^|[^一-龥])(?:当|本)?[市町村]?公式(?:X|Ｘ|インスタ(?:グラム)?|Instagram|フェイスブック|Facebook|アカウント|LINE)$"
    r"|(?:市長|町長|村長|図書館|博物館|美術館|公民館|資料館|記念館|課|係)$"
    # The city by its name, its office or its official account (「上越市公式Xの投稿より」「上越市役所のXより」「上越市防災のXより」):
    # a municipality's own word, as 「出典：上越市」 is (和気町 6 leaves out 関係機関). Not its 協議会 or 議会, another body.
    r"|[一-龥ヶケ]{1,6}[市町村](?:役所|役場|防災)?(?:公式)?(?:X|Ｘ|インスタ(?:グラム)?|Instagram|フェイスブック|Facebook|アカウント|LINE)?$"
)
# A resident's or another account's post retold (「市民の方から「駅前の歩道が凍結して危ない」という投稿がありました」): the
# claim reaches readers through the city. Not a rumour the city denies in the sentence or the next
# (「「断水している」という投稿がありますが、誤りです」), nor a question or comment answered (コメント, 質問).
_POST_REPORTED = re.compile(
    r"(?:という|との|といった|って)(?:投稿|書き込み|ツイート|ポスト|つぶやき)(?:が|を)"
    r"(?:ありました|あります|寄せられ|いただき|頂き|もらい|見かけ|見つけ|拝見)"
)
_DENIED = re.compile(
    r"誤り|誤った|事実(?:では|で|は)(?:ありません|ございません|ない)|事実と異な|事実無根|デマ|根拠のない|根拠がない|うそ|嘘|偽"
    r"|フェイク|確認されて(?:い|おり)ません"
)


# A public body's own account (「新潟県のXより」「気象庁のXより」「上越警察署のツイートより」「県のXより」): what 和気町 6's
# proviso leaves out (町の関係機関が発信した情報) and 上越市 6(1)② counts reliable, as a source label naming it is
# (_OFFICIAL_SOURCE). A neighbouring city's (「妙高市のXより」) could not be told from the city's own name, which is
# silent; the prefecture's warned all the same. Not its assembly, its head or a member (「新潟県議会のXより」
# 「新潟県知事のXより」): a politician's or a chamber's word, not the body's notice.
_PREFECTURE_ALONE = re.compile(r"(?:^|[^一-龥])(?:県|都|府)(?:公式|警察|防災)?$")
_NOT_THE_BODY = re.compile(r"議|知事|市長|町長|村長|区長|長官|大臣")


# What may follow the body's name in its account's: its own office or service (「新潟県警」「新潟県防災」「新潟県上越地域振興局」
# 「長岡市消防本部」「新潟県教育委員会」「新潟県公式X」), not a person or a thing only named after it (「新潟県職員」「新潟県出身タレント〇〇」), whose post is theirs.
_BODY_ACCOUNT_REST = re.compile(
    r"(?:[一-龥々ヶケァ-ヺー・]{0,12}?(?:局|部|課|室|所|署|館|本部|センター|委員会|庁|公式|防災|警|警察|消防|広報))?"
    r"(?:X|Ｘ|インスタ(?:グラム)?|Instagram|フェイスブック|Facebook|アカウント|LINE)?"
)


def _public_body(name: str) -> bool:
    if _NOT_THE_BODY.search(name):
        return False
    if _PREFECTURE_ALONE.search(name):
        return True
    body = _OFFICIAL_SOURCE.match(name)
    return body is not None and _BODY_ACCOUNT_REST.fullmatch(name, body.end()) is not None and not _not_agency(name)


# A picture taken from a public body's post (「新潟県のXより、紅葉の写真をお借りしました」): 和気町 6's proviso spares the
# checking of its facts, not the rights in its picture, which may be a resident's or a photographer's lent to it alone.
_PICTURE_TAKEN = re.compile(
    r"お借り|拝借|借用|(?:写真|画像|動画|映像|イラスト)(?:を|も)?(?:転載|転用|使用|使わせ|掲載させ|ご紹介|紹介|シェア)"
)


# A municipality by its name (「妙高市のXより」「上越市役所のXより」) or a mayor (「市長のXより」「中川市長のXより」, a surname as
# often as a town's): the city's own or a neighbour's, a public body either way, whose facts need no check; but a picture
# borrowed from its post may be a resident's lent to it alone, as from the prefecture's (_PICTURE_TAKEN).
_NAMED_MUNICIPALITY_OR_MAYOR = re.compile(
    r"(?:市長|町長|村長)$"
    r"|[一-龥ヶケ]{1,6}[市町村](?:役所|役場|防災)?(?:公式)?(?:X|Ｘ|インスタ(?:グラム)?|Instagram|フェイスブック|Facebook|アカウント|LINE)?$"
)


# The municipality an account's approved hashtags name (「上越市」 in [[accounts]] hashtags): the city's own name, which
# the rule has no other way to know. Its own account by that name (「上越市公式Xより、写真を紹介します」 on its Instagram)
# shows its own pictures, not a neighbour's.
_MUNICIPALITY_TAG = re.compile(r"[#＃]?([一-龥ヶケ]{1,6}[市町村])")
_OWN_ACCOUNT_REST = re.compile(
    r"(?:役所|役場|防災)?(?:公式)?(?:X|Ｘ|インスタ(?:グラム)?|Instagram|フェイスブック|Facebook|アカウント|LINE)?"
)


def _own_municipality(ctx: CheckContext) -> tuple[str, ...]:
    return tuple(m[1] for t in ctx.hashtags_allowed if (m := _MUNICIPALITY_TAG.fullmatch(t.strip())))


def _others_post_shown(doc: Document, own: tuple[str, ...] = ()) -> Iterator[tuple[int, int]]:
    text = doc.text
    if "より" in text:
        last_taken: dict[tuple[int, int], int] = {}  # per sentence, read once
        for m in _ACCOUNT_POST_FROM.finditer(text):
            if _OWN_NAME.search(m["name"]):
                if not _NAMED_MUNICIPALITY_OR_MAYOR.search(m["name"]):
                    continue  # the city's own words (「市の公式Xの投稿より」「先日の投稿より」「図書館のブログより」)
                name = m["name"]
                if any(name.startswith(o) and _OWN_ACCOUNT_REST.fullmatch(name, len(o)) for o in own):
                    continue  # the city by its own name (「上越市公式Xより」 where its hashtags name 上越市)
            elif not _public_body(m["name"]):
                yield m.start(), m.end()
                continue
            sentence = doc.sentence_at(m.start())
            if sentence not in last_taken:
                last_taken[sentence] = max((t.start() for t in _PICTURE_TAKEN.finditer(text, *sentence)), default=-1)
            if last_taken[sentence] >= m.end():
                yield m.start(), m.end()
    if "投稿" in text or "書き込み" in text or "ツイート" in text or "ポスト" in text or "つぶやき" in text:
        for m in _POST_REPORTED.finditer(text):
            a, b = doc.sentence_at(m.start())
            after = doc.next_in_paragraph(b)
            if _DENIED.search(text, a, b) or (after is not None and _DENIED.search(text, *after)):
                continue
            yield a, m.end()


# The name a listed phrase begins after (「〇〇さんの投稿より」「@joetsu_kanko さんの投稿を紹介」「〇〇新聞の記事を紹介」
# 「市民カメラマン〇〇さん提供」) is shown with it: 「「さんの投稿より」: …」 names no one.
# Hiragana ends it: 「講座で講師が紹介した新聞記事を転載」 names 「新聞記事を転載」 alone.
_NAME_BEFORE = re.compile(r"(?:@[A-Za-z0-9_]{1,15}[ \u3000]?|[一-龥々〇○ァ-ヺー・A-Za-z0-9Ａ-Ｚａ-ｚ０-９_])+$")
_NAME_NEEDED = re.compile(r"さん|様|氏|新聞|日報|新報|タイムス")


def _named_from(doc: Document, hit: Hit) -> int:
    if not _NAME_NEEDED.match(doc.text, hit.start):
        return hit.start
    before = doc.text[max(0, hit.start - 16) : hit.start]
    m = _NAME_BEFORE.search(before)
    return hit.start - len(m.group()) if m else hit.start


# 「投稿を紹介」 of no one else's post shown here: a contest's terms (「いただいた投稿を紹介させていただく場合があります」
# 「投稿をご紹介できない場合もあります」) or the city's own earlier post (「先日の投稿をご紹介しましたが」「過去の投稿を
# 紹介します」「皆さんの投稿を紹介させていただく場合があります」). 「皆さんの投稿を紹介します」「〇〇さんの投稿を紹介します」
# show one.
_INTRODUCED = re.compile(r"(?:投稿|ツイート|ポスト)を(?:ご)?紹介$")
_INTRODUCED_SOMEDAY = re.compile(
    r"(?:させていただく|させて頂く|する|いたす|致す)(?:場合|ことが)|でき(?:ない|ません|かね)|いたしかね|致しかね|しかね|しない|しません"
)
_OWN_EARLIER = re.compile(r"(?:先日|昨日|前回|過去|以前|今朝|先ほど|当市|市)の$|(?:この|本)$")


def _no_post_shown(doc: Document, hit: Hit) -> bool:
    if not _INTRODUCED.search(doc.text, hit.start, hit.end):
        return False
    if _INTRODUCED_SOMEDAY.match(doc.text, hit.end):
        return True
    return not _NAME_NEEDED.match(doc.text, hit.start) and _OWN_EARLIER.search(
        doc.text, max(0, hit.start - 4), hit.start
    ) is not None


# 「〇〇さん提供」 of goods rather than of a picture: 「農家さん提供の野菜を使った給食です」「協賛企業様提供の景品が
# 当たります」「賞品は〇〇様提供です」. Nothing of theirs is reproduced. A photo, video or paper keeps the check:
# 「写真：市民カメラマン〇〇さん提供」「（〇〇さん提供）」「〇〇さん提供の写真です」.
_PROVIDED = (fold("さん提供"), fold("様提供"), fold("氏提供"))
_PROVIDED_MEDIA = re.compile(
    r"の(?:写真|画像|動画|映像|イラスト|絵|図|地図|資料|データ|情報|記事|投稿|文章|音源|音声|ロゴ|デザイン)"
)
_GOODS_REACH = 40  # within the sentence, near the word: a long one would be read anew for each
_PICTURE = re.compile(r"(?i)写真|画像|動画|映像|photo")
_PROVIDED_GOODS = re.compile(r"景品|賞品|商品|プレゼント|協賛|寄贈|寄付|当たり|当たる|抽選|食材|野菜|お米|給食")


def _goods_provided(doc: Document, hit: Hit) -> bool:
    if fold(doc.text[hit.start : hit.end]) not in _PROVIDED:
        return False
    if _PROVIDED_MEDIA.match(doc.text, hit.end):
        return False
    if doc.text.startswith("の", hit.end):  # 「〇〇さん提供の野菜」: something other than a picture or a paper
        return True
    a, b = doc.sentence_at(hit.start)
    near = doc.text[max(a, hit.start - _GOODS_REACH) : min(b, hit.end + _GOODS_REACH)]
    return _PROVIDED_GOODS.search(near) is not None and _PICTURE.search(near) is None


# A source label naming a national agency (「出典：気象庁」「（出典：国土地理院）」「引用元：総務省統計局」「出典：地理院
# タイル」): the attribution the government's terms of use ask for (政府標準利用規約), of the information a city's
# weather and disaster posts are built on. Nothing is left to confirm with the source; a warning on every one would
# teach staff to ignore this rule. A newspaper, a company or a person after 「出典：」 is still another's content.
_SOURCE_LABELS = frozenset(fold(w) for w in ("出典:", "(出典", "(出典:", "【出典】", "【出典】:", "引用元", "引用元:"))
_OFFICIAL_SOURCE = re.compile(
    r"\s*[:：]?\s*(?:"
    r"気象庁|[一-龥]{1,6}気象台|国土地理院|地理院(?:地図|タイル)|国土交通省|内閣府|内閣官房|総務省|消防庁|厚生労働省"
    r"|文部科学省|環境省|農林水産省|経済産業省|警察庁|法務省|財務省|外務省|防衛省|デジタル庁|こども家庭庁|復興庁|観光庁"
    r"|林野庁|水産庁|国税庁|資源エネルギー庁|政府統計|e-Stat"
    # The rest of the state's agencies a city's notices cite (product recalls and fraud, culture, sport, the coast), and the
    # bodies that run its pension and its infectious disease watch (「出典：日本年金機構」「出典：国立感染症研究所」), and the one
    # that gathers consumer troubles for 消費者庁 (「出典：国民生活センター「見守り新鮮情報」」, under every fraud warning).
    r"|消費者庁|金融庁|文化庁|スポーツ庁|特許庁|海上保安庁|出入国在留管理庁|原子力規制委員会|個人情報保護委員会|公正取引委員会"
    r"|日本年金機構|国立感染症研究所|国立健康危機管理研究機構|国民生活センター"
    # The state's regional offices, which issue the coast's, the rivers' and roads', the labour market's and the tax
    # notices a city passes on (「出典：第九管区海上保安本部」「出典：北陸地方整備局高田河川国道事務所」「出典：新潟労働局」
    # 「出典：高田税務署」「出典：自衛隊新潟地方協力本部」). Named by their whole office word: any 〜本部 or 〜局 is not one
    # (「〇〇応援本部」「〇〇商店街振興局」 are private).
    r"|[一-龥]{1,6}(?:管区海上保安本部|海上保安部|海上保安署|地方整備局|運輸局|運輸支局|労働局|労働基準監督署"
    r"|公共職業安定所|財務局|財務事務所|法務局|税務署|国税局|農政局|森林管理局|森林管理署|地方環境事務所|総合通信局"
    r"|経済産業局|厚生局|検疫所|入国管理局|出入国在留管理局|防衛局|航空局|空港事務所|裁判所|検察庁"
    r"|河川国道事務所|国道事務所|河川事務所|砂防事務所|港湾事務所|港湾空港整備事務所|ダム管理所)"
    r"|自衛隊[一-龥]{1,4}地方協力本部|(?:陸上|海上|航空)?自衛隊|ハローワーク|人事院|会計検査院|宮内庁"
    # A prefecture or a municipality, its police or fire service (「出典：新潟県ホームページ」「出典：上越市統計書」「引用元：
    # 新潟県防災ポータル」「出典：新潟県警察」): 和気町 6's proviso leaves out 「町の関係機関が発信した情報」, and their terms ask
    # for the same attribution as the state's (政府標準利用規約). Their associations and committees are no agency (_NOT_AGENCY).
    # Its assembly is as official a source as itself (「出典：新潟県議会」「出典：上越市議会」, minutes and figures it publishes);
    # one member is not (「出典：新潟県議 山田」「出典：上越市議のブログ」), nor its head's own word.
    r"|北海道|[一-龥]{1,4}[都府県](?![民内外立人]|議(?!会(?!議員)))"
    r"|[一-龥々ヶケぁ-ゖァ-ヴー]{1,6}?[市町村](?:役所|役場)?(?![民内外立人長]|議(?!会(?!議員)))"
    r"|[一-龥]{1,8}(?:警察署|消防本部|消防署|消防局)"
    # A body municipalities run together (一部事務組合・広域連合, 地方自治法 284条): the fire service or the waste plant of
    # several towns (「出典：上越地域消防事務組合」「出典：新潟県後期高齢者医療広域連合」「出典：〇〇広域水道企業団」), public as they are.
    r"|[一-龥ヶケ〇]{1,16}(?:事務組合|広域連合|行政組合|消防組合|企業団)"
    # Many are named for what they run, 衛生組合 (「〇〇環境衛生組合」) above all, the waste plant of several towns; not
    # 「…同業組合」「…協同組合」, traders' own (「新潟県理容生活衛生同業組合」).
    r"|[一-龥ヶケ〇]{1,16}(?:衛生|清掃|環境|施設|病院|斎場)組合"
    r")"
)


# What the label names, up to its end (the line, its bracket or its sentence). Each source listed must be an agency:
# 「出典：気象庁、ウェザーニュース」「（出典：新潟地方気象台、新潟日報）」 name another's too, and a person, a fan club
# or a company hung on the agency's name (「出典：気象庁ファンクラブ」「出典：気象庁OBの〇〇さんのブログ」) is no agency.
_LABEL_REST = re.compile(r"[^\n）)】」。]{0,80}")
_SOURCES_SPLIT = re.compile(r"\s*[、,，・&＆]\s*|\s+(?:and|及び|および|ほか)\s*")
_NOT_AGENCY = re.compile(
    r"(?i)さん|様|氏|ちゃん|くん|ファン|愛好|OB|ＯＢ|有志|非公式|個人|ブログ|投稿|ポスト|ツイート|まとめ|新聞|日報|通信社"
    r"|株式会社|有限会社|\(株\)|（株）|ニュース|ウェザー|tenki|yahoo|youtube|note|wiki"
    # 「企業団」 is a body municipalities run together, 「企業団体」「企業団地」 business's own (「新潟県中小企業団体中央会」), as
    # is a federation of any (「〇〇広域連合会」「新潟県商工会連合会」).
    r"|協会|連盟|協議会|(?<!事務|行政|消防|衛生|清掃|環境|施設|病院|斎場)組合|会議所|財団|社団|法人|クラブ|商店|観光局|コンベンション|実行委員会|大学"
    r"|企業(?!団(?![体地]))|連合会|中央会|タウン|情報誌|マガジン"
)
# A society or an association of members under a place's name (「新潟県医師会」「新潟県弁護士会」「上越市PTA連合会」「〇〇町内会」);
# not the body's own chamber, committee or council (議会, 教育委員会, 審議会・審査会・検討会・懇談会・研究会・部会・分科会, a city's
# 「市会」), a meeting it holds (説明会, 大会, 講演会), a section's 社会 (社会福祉課), its 会計 nor its 会館, nor a title in brackets
# (「出典：上越市「敬老会」参加者数」「出典：厚生労働省「〇〇に関する検討会」資料」: what the body published).
# A group of supporters or volunteers under an agency's name (「出典：消費者庁応援団」「出典：国土交通省ボランティア」), its fans,
# a shop of its goods, or one of its staff by name (「出典：自衛隊マニア」「出典：消防庁グッズ専門店」「出典：新潟県職員の山田」):
# their word, not the agency's. Read outside titles, as _SOCIETY is (「出典：総務省「応援職員派遣制度」」 is the ministry's).
# The staff as the subject of the body's own paper is not one of them (「出典：上越市 職員の給与・定員管理等の状況」
# 「出典：新潟県ホームページ（県職員の健康づくり）」「出典：上越市消防本部救急隊員の手引き」).
_SUPPORTERS = re.compile(
    r"応援(?:団|隊|本部|し隊|クラブ)|サポーター|ボランティア|私設|非公認|同好|サークル|マニア|オタク|好き|グッズ|専門店|ショップ"
    r"|(?:職員|隊員|署員|局員)(?:の(?![^、,・（(]*?(?:給与|給料|手当|定員|人数|数|健康|勤務|働き方|研修|採用|募集|人事|服務|倫理|処分|育成|手引|心得|マニュアル|ガイド|規程|状況|調査|報告|計画|資料|制度))|[ \u3000]|$)"
    # A fan's diary or a shop by an office's name (「出典：ハローワーク通いの日記」「出典：自衛隊カレーの店」「出典：上越税務署前のパン屋」).
    r"|通い|日記|カフェ|喫茶|食堂|の店|研究家|(?<!名古)屋(?:さん|$)"
)
_SOCIETY = re.compile(
    r"(?<![議員社部大総市])(?<!審査|検討|懇談|懇話|研究|分科|説明|講演|研修|報告|発表|展示|記者|運営)会(?!議|計|館|場)"
)
_TITLE = re.compile(r"「[^」]*(?:」|$)|『[^』]*(?:』|$)")


def _not_agency(name: str) -> bool:
    untitled = _TITLE.sub("", name)
    return _NOT_AGENCY.search(name) is not None or _SOCIETY.search(untitled) is not None or _SUPPORTERS.search(untitled) is not None


# The towns a joint body is named for, set apart by 「・」 (「小平・村山・大和衛生組合」「柏崎・刈羽環境衛生組合」): one name, not
# sources listed, whose first towns alone are no agency.
_JOINT_BODY_TOWNS = re.compile(
    r"(?:[一-龥ヶケ]{1,4}・)+(?=[一-龥ヶケ〇]{1,16}(?:事務組合|広域連合|行政組合|消防組合|企業団|(?:衛生|清掃|環境|施設|病院|斎場)組合))"
)


def _official_source(doc: Document, hit: Hit) -> bool:
    if fold(doc.text[hit.start : hit.end]) not in _SOURCE_LABELS:
        return False
    rest = _LABEL_REST.match(doc.text, hit.end)
    named = rest.group() if rest else ""
    if _not_agency(named):
        return False
    if "・" in named:
        named = _JOINT_BODY_TOWNS.sub(lambda m: m.group().replace("・", ""), named)
    sources = [s for s in _SOURCES_SPLIT.split(named) if s.strip()]
    return bool(sources) and all(_OFFICIAL_SOURCE.match(s) for s in sources)


# A share of the city's own post asked of readers, in the words around 「リポスト」「RT」: 「リポストして、多くの方に
# 届けてください」「RT・いいねをお願いします」「リポストでのご協力を」「皆さんのリポストが力になります」. The fixed
# phrases of quote.txt's [allow] cannot list them all. The city sharing another's post is still found:
# 「県の投稿をリポストします」「…をリポストしましたので、ぜひご覧ください」「リポストでご紹介、ぜひご覧ください」.
_SHARE_WORD = re.compile(r"(?i)(?:引用)?(?:RT|QT|リポスト|リツイート)|投稿をシェア")
_SHARE_ASKED = re.compile(
    # Other things asked with it: 「RT・いいね」「リポストやシェア」, perhaps with a pause after (「RT・いいね、よろしく」).
    r"(?:(?:(?:[・、,/／&＆]|や|と)\s*(?:いいね|シェア|拡散|フォロー|コメント|保存|RT|リポスト|リツイート))+[、,，\s]*)?"
    # Else only a particle or a verb straight after the word, no pause, space or quote: 「…の投稿をリポスト、ぜひご覧
    # ください」「…をリツイート🔁 ご注意ください」「RT：県危機対策課「…ください」」 are the city's share, then another request.
    r"(?=[\u3041-\u3096])"
    # What the city itself does or did with the share ends the search: 「…をリポストします（ので）」「リポストで紹介」.
    r"(?:(?!ます|まし|いたし|しておりま|しておき|してい(?!ただ)|させて|紹介|共有|お届け)[^。．！!？?\n「『]){0,16}?"
    r"(?:ください|下さい|お願い|願います|いただけ|頂け|よろしく|宜しく|歓迎|してね|しよう|しましょう|ませんか"
    r"|ほしい|欲しい|力にな|励みにな|ご協力"
    # A follow-and-repost campaign: 「リポストで抽選で10名様にプレゼント」「RTで応募完了」.
    r"|抽選|プレゼント|キャンペーン|応募)",
    re.IGNORECASE,
)
# The share as the second step of a campaign's ask: 「フォロー＆リポストで抽選で10名様にプレゼント！」「フォロー・RTで応募」.
# ...but not the city's own follow and share: 「県の公式アカウントをフォロー・RTしました」.
_SHARE_DONE = re.compile(r"(?:し|いたし|させていただき)(?:ます|まし)")
# 「投稿をシェア」 asked of the city's own post only: 「ぜひこの投稿をシェアしてください」, not 「〇〇さんの投稿を…」.
_THIS_POST = re.compile(r"(?:^|[、,。！!\s]|この|本|当|こちらの|上の|市の)$")
_FOLLOW_AND = re.compile(r"(?i)フォロー\s*(?:&|＆|・|、|,|と|して|\+|＋)?\s*$")


def _share_asked(doc: Document, hit: Hit) -> bool:
    """Whether ``hit`` is only a share readers are asked to make (「リポストして、多くの方に届けてください」)."""
    word = doc.text[hit.start : hit.end]
    if not _SHARE_WORD.fullmatch(unicodedata.normalize("NFKC", word)):
        return False
    start, end = doc.sentence_at(hit.start)
    if word.startswith("投稿") and not _THIS_POST.search(doc.text, max(start, hit.start - 6), hit.start):
        return False  # 「〇〇さんの投稿をシェアしてください」: another's post spread at the city's word
    if _FOLLOW_AND.search(doc.text[max(start, hit.start - 8) : hit.start]) and not _SHARE_DONE.match(doc.text, hit.end):
        return True
    return _SHARE_ASKED.match(doc.text, hit.end, end) is not None


@rule(
    code="portrait.consent",
    severity="warning",
    summary="画像・動画の肖像権（本人の了解）",
    clause="上越市 5(3)",
    fires=Example("運動会の様子です。", image_count=1, alt_texts=("玉入れをする子どもたち",)),
    passes=Example(
        "運動会の様子です。", image_count=1, alt_texts=("玉入れをする子どもたち",), portrait_consent=True
    ),
)
def portrait(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """画像や動画の付いた下書きで、写っている人の了解（肖像権）の確認欄が未チェックなら知らせます。

    上越市 5(3) は「個人が特定できる写真や映像…を投稿する場合は、事前に本人や所属団体、企業
    などの了解を得る」ことを求めています。動画（映像）も写真と同じです。人が写っていない
    画像・動画なら、その旨を確認してチェックしてください（メッセージでもそう伝えます）。
    文面や代替テキストに子ども・児童・園児・生徒や学校・保育園などがあれば、子どもの写真や動画には保護者の同意が要ることと、
    学校や園で得た写真掲載の同意が市の SNS への掲載も含むかを確かめるよう添えます。
    チャンネルに書いた下書きには確認欄がないので、文面で写真や動画の掲載の同意を伝えているもの（「※写真は保護者の同意を得て
    掲載しています」「写っている皆さんには掲載の了承をいただいています」「出演者の許可を得ています」「写真は保護者の同意のもと掲載しています」
    「ご本人の承諾のうえで掲載しています」「写真は掲載に同意された方のみです」）には反応しません
    （「同意を得てから掲載してください」「同意を得ていない方の写真は」「※お名前は本人の同意を得て掲載しています」や、
    「博物館の許可を得て撮影しています」「著作権者の許可を得て」のような人以外の許可、同じ文で「同意なく掲載」「掲載の同意は確認中」と
    するもの、「写真は本人の了解を得たものではありません」「同意を得ているはずです」のように打ち消したりぼかしたりするもの、「本人の同意の上で掲載する場合があります」「同意のもと、掲載を検討しています」のようにこれからのことを述べたもの、
    「写真撮影の同意を得ています」のような撮影だけの同意、「広報誌への掲載の同意を得ています」のような別の媒体への同意や、
    「学校が保護者の同意を得ています」「写真は学校の同意を得て掲載しています」のような学校や園の同意には反応します）。
    英語の同じ記載（「Photos are published with the consent of the people shown.」）にも反応しません（「without consent」
    「consent is pending」や、撮影だけの許可「Photos were taken with the permission of …」、施設の許可には反応します）。
    """
    if ctx.portrait_consent:
        return
    if (ctx.image_count or ctx.video_count) and consent_stated(doc):
        return
    media = [f"画像が{ctx.image_count}枚"] if ctx.image_count > 0 else []
    media += [f"動画が{ctx.video_count}本"] if ctx.video_count > 0 else []
    if media:
        children = _CHILDREN.search(doc.text) is not None or any(_CHILDREN.search(a) for a in ctx.alt_texts)
        yield Hit(
            0,
            0,
            f"{'、'.join(media)}あります。個人が特定できる人が写っていれば本人の了解を得て、確認欄にチェックしてください。"
            + (_children_consent(ctx) if children else "")
            + "人が写っていない場合も確認のうえチェックしてください。",
            excerpt="",
        )


# Consent the draft itself states for its pictures (「※写真は保護者の同意を得て掲載しています」「写っている皆さんには
# 掲載の了承をいただいています」): a draft written in the channel has no checkbox to tick, and this line, which many
# cities print under such pictures, is where its writer says so; the warning asked again for what had just been said.
# Only consent given (not 「同意を得てから掲載してください」「同意を得ていない方は」), of the pictures (写真・動画・撮影 …
# in the sentence: 「お名前は本人の同意を得て掲載しています」 says nothing of a face), not asked of readers, and 許可 only
# from the people shown: a museum's or a copyright holder's (「館の許可を得て撮影しています」) is no one's consent to be shown.
_CONSENT_GIVEN = re.compile(
    r"(?P<word>同意|了承|承諾|了解|許可|許諾)(?:を|は)?(?:得|いただ|頂|もら)(?:て|いて|き|た|いた|ました|いました|って|った)(?!ら|か|ください|下さい|いない|いません"
    r"|おりません|ない|ません)"
    r"|(?P<done>同意|了承|承諾)済み"
    # Under it (「写真は保護者の同意のもと掲載しています」「ご本人の承諾のうえで掲載しています」), or only those who gave it shown
    # (「写真は掲載に同意された方のみです」).
    r"|(?P<under>同意|了承|承諾|了解|許可|許諾)の(?:もと|下|うえ|上)"
    r"|(?:同意|了承|承諾)(?:され|くださっ|下さっ)た(?:方|人|皆|ご家族|保護者|選手|児童|生徒|園児)"
)
# What readers are asked to do (「写っている方の同意を得たうえでご応募ください」): no consent given.
_ASKED = re.compile(r"ください|下さい|しましょう|お願い|願います")
# Consent to one thing said beside its lack for the post (「同意を得て撮影した写真を、同意なく掲載してしまいました」「掲載の同意は
# 確認中です」), or a school's or a nursery's (「写真は学校が保護者の同意を得ています」), which s43 found seldom covers the
# city's SNS.
_NOT_GIVEN = re.compile(
    r"同意なく|同意の(?:ない|なかった)|無断|許可なく|了承なく|確認中|未確認|確認(?:が|は)?(?:でき|とれ|取れ)て"
    r"|(?:学校|校|園|保育所|学童|クラブ)(?:が|で|から|を通じて|を通して|経由|の(?:ご)?(?:同意|了承|承諾|了解|許可|許諾))"
)
_PICTURE_WORD = re.compile(r"写真|画像|動画|映像|撮影|肖像|写って|写り|写る")
# Consent denied or doubted after it is named (「写真は本人の了解を得たものではありません」「同意を得て掲載していません」
# 「同意を得ているはずです」「同意を得たものとみなします」「同意を得て掲載しているとは限りません」): no consent given.
# Nor what may be done someday (「写真は本人の同意の上で掲載する場合があります」「掲載は同意を得て判断します」「同意のもと、掲載を
# 検討しています」): the post's pictures are not said to be shown with it.
_UNSURE_AFTER = re.compile(
    r"ません|ない|なかっ|はず|思い|思われ|みなし|みなす|限ら|限り|分から|わから|不明|まだ|予定|別途|後日"
    r"|場合(?:が|も)(?:あ|ござ)|判断(?:し|いた|させ)|検討"
)
# Consent to take the picture (「写真撮影の同意を得ています」「同意を得て撮影したものです」) is not to post it; nor consent to
# print it elsewhere (「写真は広報誌への掲載の同意を得ています」), unless the sentence names the post too.
_POSTED = re.compile(r"掲載|公開|載せ|投稿|発信|紹介")
_OTHER_MEDIUM = re.compile(r"広報誌|広報紙|会報|だより|便り|パンフレット|ポスター|冊子|チラシ|新聞|テレビ|アルバム")
_THIS_MEDIUM = re.compile(r"(?i)SNS|ＳＮＳ|ソーシャルメディア|インスタ|Instagram|Facebook|フェイスブック|LINE|YouTube|ホームページ|ウェブ|web|X|Ｘ")
_PEOPLE_SHOWN = re.compile(
    r"本人|保護者|ご家族|家族|皆さん|皆様|皆さま|みなさん|出演者|参加者|写って|被写体|児童|生徒|園児|選手|受賞者|お客様|モデル|肖像"
)


# The same line in English, which a city's post for residents from abroad carries (「Photos are published with the
# consent of the people shown.」): consent got or held, in a line on the pictures, neither denied nor yet to come
# (「without consent」「consent is pending」「please obtain consent before …」), and permission only from the people shown
# (「with the museum's permission」 is no one's consent to be shown).
_CONSENT_GIVEN_EN = re.compile(
    r"(?i)\b(?:with\s+(?:the\s+|their\s+|prior\s+|written\s+)*(?P<w1>consent|permission)"
    r"|(?P<w2>consent|permission)\s+(?:has|have|had)\s+been\s+(?:obtained|given|granted)"
    r"|(?:have|has|had)\s+(?:obtained|received|been\s+given|given\s+(?:us\s+)?)\s*(?:the\s+|their\s+)?(?P<w3>consent|permission))\b"
)
_PICTURE_WORD_EN = re.compile(r"(?i)\b(?:photo|photograph|picture|image|video|footage)s?\b|\b(?:filmed|photographed|pictured)\b")
_NOT_GIVEN_EN = re.compile(r"(?i)\b(?:without|not|no|never|pending|unless|until|before|please|must|should|need)\b|n't")
# Consent to take the pictures only (「Photos were taken with the permission of …」), as 「同意を得て撮影したものです」: not
# to show them.
_TAKEN_EN = re.compile(r"(?i)\b(?:taken|shot|filmed|photographed)\b")
_POSTED_EN = re.compile(r"(?i)\b(?:publish(?:ed|ing)?|post(?:ed|ing)?|shar(?:e|ed|ing)|shown|used|appear(?:s|ing)?)\b")
_PEOPLE_SHOWN_EN = re.compile(
    r"(?i)\b(?:people|person|persons|participants|parents|guardians|families|family|subjects|everyone|students|children"
    r"|individuals|those|shown|pictured|featured)\b"
)


def _consent_stated_in_english(doc: Document) -> bool:
    text = doc.text
    read: dict[int, tuple[bool, bool]] = {}  # each line read once, however many consents a long paste names
    for m in _CONSENT_GIVEN_EN.finditer(text):
        start = doc.line_start(m.start())
        if start not in read:
            end = text.find("\n", start)
            line = text[start : len(text) if end < 0 else end]
            read[start] = (
                _PICTURE_WORD_EN.search(line) is not None and not _NOT_GIVEN_EN.search(line)
                and not (_TAKEN_EN.search(line) and not _POSTED_EN.search(line)),
                _PEOPLE_SHOWN_EN.search(line) is not None,
            )
        given, people = read[start]
        if given and ((m["w1"] or m["w2"] or m["w3"]).lower() == "consent" or people):
            return True
    return False


def consent_stated(doc: Document) -> bool:
    """Whether the draft's text says its pictures are shown with consent (the approval request shows so
    beside an unticked box: a channel draft has none to tick)."""
    # A post in both languages may say it in either (「※写真は…」 in Japanese, or only its English line).
    english = ("consent" in doc.folded or "permission" in doc.folded) and _consent_stated_in_english(doc)
    if english or not any(w in doc.text for w in ("同意", "了承", "承諾", "了解", "許可", "許諾")):
        return english
    text = doc.text
    # Each sentence read once, however many consents it names (a long paste without a full stop is one sentence).
    read: dict[tuple[int, int], tuple[bool, bool, int]] = {}
    for m in _CONSENT_GIVEN.finditer(text):
        sentence = a, b = doc.sentence_at(m.start())
        if sentence not in read:
            given = (
                _PICTURE_WORD.search(text, a, b) is not None
                and not _ASKED.search(text, a, b)
                and not _NOT_GIVEN.search(text, a, b)
                and not (text.find("撮影", a, b) >= 0 and not _POSTED.search(text, a, b))
                and not (_OTHER_MEDIUM.search(text, a, b) and not _THIS_MEDIUM.search(text, a, b))
            )
            last_unsure = max((u.start() for u in _UNSURE_AFTER.finditer(text, a, b)), default=-1)
            read[sentence] = (given, _PEOPLE_SHOWN.search(text, a, b) is not None, last_unsure)
        given, people_shown, last_unsure = read[sentence]
        if not given or last_unsure >= m.end():
            continue
        if (m["word"] or m["under"]) in ("許可", "許諾") and not people_shown:
            continue
        return True
    return False


# Children in the pictures, by the text or the alt texts (「玉入れをする園児たち」「〇〇小学校の運動会」): their guardians
# consent for them, and what a school or nursery collected (写真掲載の同意) usually covers its own newsletter and site, not
# the city's SNS, which staff reposting its photos take for granted.
_CHILDREN = re.compile(
    r"子ども|子供|こども|児童|園児|生徒|小学生|中学生|高校生|乳幼児|幼児|赤ちゃん|キッズ|お子さん|お子様|ちびっ子|ちびっこ"
    r"|小学校|中学校|保育園|保育所|幼稚園|こども園|学童"
)


def _children_consent(ctx: CheckContext) -> str:
    """What the guardians consent to, named by what the draft carries: 「子どもは保護者の同意が必要です」 read as if every
    child needed it for anything. The whole message stays within 140 letters with ten pictures and ten videos."""
    shown = "写真・動画" if ctx.image_count and ctx.video_count else "写真" if ctx.image_count else "動画"
    return f"子どもの{shown}には保護者の同意が必要です。学校や園の同意が市の SNS への掲載も含むか確かめてください。"


@rule(
    code="correction.notice",
    severity="info",
    summary="訂正・お詫びの投稿",
    clause="和気町 6 トラブル防止のために",
    fires=Example("【訂正】先ほどの投稿で開催日に誤りがありました。正しくは11月30日です。"),
    passes=Example("11月30日に文化祭を開催します。"),
)
def correction(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """訂正・お詫びの投稿に、元の投稿を黙って削除せず訂正として示すよう促します。

    和気町 6「トラブル防止のために」は「誤った情報を掲載してしまった場合、黙って削除せず、
    事実を確認後、きちんと訂正する」とし、美祢市 6(1) も訂正や謝罪の書き込みなど
    「誠実かつ速やかな対応」を求めています。英語のお知らせの「Correction」「We apologize」なども対象です。
    工事や休館のお知らせの「We apologize for the inconvenience」（日本語の「ご迷惑をおかけします」にあたるもの）と、
    噂やデマを打ち消す「〜という情報は誤りです」は、市の投稿を訂正するものではないので対象外です。同じく、断水・運休・
    システム障害などで「ご迷惑（ご不便）をおかけし、お詫び申し上げます」とだけ伝えるお知らせ（「…遅れ、ご迷惑をおかけしました。お詫び申し上げます。」
    のように前の文で伝えたものも、「【お詫び】システム障害によるサービス停止について」「申込サイトの不具合のお詫び」「運休のお詫び：」のように見出しにしたものも。ただし「二重に引き落としが行われました」「税額が正しく計算されていませんでした」のように止まったこと以外の落ち度を伝えるものは対象です）と、読む人が自分の書類や届出を
    直す手続きの案内（「訂正印を押してください」「確定申告書の訂正は、税務署にご相談ください」「戸籍の訂正手続き」
    「提出後に誤りに気づいた場合の訂正方法」「登記の誤りを訂正したい場合は法務局へ」「氏名の誤りの訂正は、窓口で受け付けます」）も対象外です（誤り・間違い・訂正や、前の投稿・お知らせに触れたお詫び、「対象地区が
    抜けておりました」「お知らせを削除しました」「職員の不適切な対応」のように市の落ち度を伝えるお詫びは対象です）。
    「訂正」「お詫び」と書かずに、前の投稿の間違いや削除だけを伝える文（「さっきの投稿は間違いでした、削除します」
    「昨日の投稿、時間が間違ってました」）も、和気町 6 が黙って削除しないよう求めているものなので対象です
    （「先ほどの投稿の続きです」「昨日の投稿でご紹介したイベント、楽しさ間違いなしです」は対象外です）。
    「先ほどの投稿は誤った情報でした」「先ほどの投稿を取り下げました」「先ほどの投稿、消しちゃいました」も同じです。
    「先ほどの投稿ですけど、日付が間違ってました」「先ほどの投稿は誤った日付になっていました」
    「先ほどの投稿は取り下げとなりました」「さっきの投稿なんですが、日付が間違ってました」「先ほどの投稿は誤った日付と
    なっていました」「先ほどの投稿は取消となりました」「先ほどの投稿の地図が違う場所でした」「先ほどの投稿の写真が別のイベントの
    ものでした」も同じです（「期限を過ぎると取り下げとなります」は対象外です）。前の投稿に触れずに時刻・日付・金額などを
    「実は〜でした」と直すもの（「実は13時からでした」「実は会場は2階でした」、お詫びを添えた「実は、来週の月曜日は休館日でした。
    大変失礼しました」）も対象です（「実は13時からの回はまだ空きがあります」「実は、今年で開館30周年を迎えます」「実は3月13日は
    上杉謙信の命日でした」「実は、上杉謙信が亡くなったのは3月13日でした」「実はこの写真、朝6時でした」は対象外です）。
    誤りがないと伝える文や、読む人に確認を求める文（「前回の投稿に誤りはありません」「記入内容に誤りがないか
    ご確認ください」「住所に誤りがある場合は窓口へ」「氏名の誤記がないかご確認ください」）は対象外です。
    前の投稿そのものが間違っていた・削除したと書かれているときだけで、前の投稿の内容を引いているだけの文
    （「先ほどの投稿のとおり、不要なメールは削除してください」「前回の記事で、申込書の書き間違いが多いと
    お伝えしました」）は対象外です。
    前に伝えた内容を「〜ではなく〜でした」と直す文や、お詫びを添えて「昨日ご案内した申込期限は12月10日ではなく12月12日です」と
    直す文も対象です（「先日お知らせしたとおり、会場は体育館ではなく公民館です」は対象外です）。
    「訂正」と書かずに誤りと正しい内容を並べたもの（「誤：12月14日（日）　正：12月13日（土）」「（誤）…（正）…」）と、
    前の投稿のリンク切れを伝えるもの（「先ほどの投稿のリンクが切れていました」）も対象です。「よくある間違い」「クイズ」
    「記入例」のように、誤りと正しいものを教えるために並べた投稿と、「誤りやすい漢字クイズ」「記入の際に誤りやすい箇所」は対象外です。
    """
    message = "訂正・お詫びの投稿です。元の投稿は黙って削除せず、何をどう訂正したかが分かるようにしてください。"
    inconvenience_apology = _InconvenienceApology(doc)
    procedure: dict[tuple[int, int], bool] = {}  # per sentence: a long one may hold thousands of the words
    for hit in word_hits(doc, opts, "correction.txt", message):
        if _readers_correction(doc, hit) or _readers_procedure(doc, hit, procedure) or inconvenience_apology(hit):
            continue
        yield hit
        return
    silent = _silent_correction(doc) or _told_otherwise(doc) or _actually_was(doc)
    if silent is not None:
        yield Hit(silent[0], silent[1], message)
        return
    if "誤" in doc.text and (m := _WRONG_RIGHT.search(doc.text)) is not None and not _WRONG_RIGHT_TAUGHT.search(doc.text):
        yield Hit(m.start(), m.end(), message)


# A correction the reader makes to a form or record of theirs, or a mistake they may find: 「訂正印を押してください」
# (訂正印 is one morpheme; 「訂正がある場合は」), 「確定申告書の訂正は、税務署にご相談ください」「戸籍の訂正手続き」
# 「源泉徴収票の訂正が必要な場合は」「提出後に誤りに気づいた場合の訂正方法」. Nothing the city posted was wrong. Not
# 「【訂正】」「訂正します」「訂正は以下のとおりです」「…の誤りでした」.
_READERS_CORRECTION = re.compile(
    r"(?:手続|届|請求|申請|申出|申し出|方法|の(?:手続|申請|申出|申し出|請求|方法|仕方|しかた|窓口))"
    r"|[をがの]?(?:する|したい|希望する|必要な|必要になった|必要となる|ある)(?:場合|とき|時|方)"
    r"|[はを][、,]?[^。！？!?\n【】]{0,20}?(?:ご相談|相談して|お問い合わせ|問い合わせ|窓口|税務署|市民課|勤務先|本籍地)"
    r"|[にがをの][^、,。！？!?\n]{0,6}?(?:気づい|気付い|見つけ|見つかっ|あっ)た(?:場合|とき|時|際|ら|方)"
)


_READERS_WORDS = (fold("訂正"), fold("誤り"))


def _readers_correction(doc: Document, hit: Hit) -> bool:
    word = fold(doc.text[hit.start : hit.end])
    return word in _READERS_WORDS and _READERS_CORRECTION.match(doc.text, hit.end) is not None


# The same told with the mistake's object or the correction between (「登記の誤りを訂正したい場合は法務局へ」「戸籍の記載に誤りがある
# 場合の訂正については、市民課へご相談ください」「氏名の誤りの訂正は、窓口で受け付けます」): a sentence that names the reader's case
# or where to go, and says nothing of the city's own mistake (「【訂正】」「訂正しました」「お詫び」「でした」「掲載」).
_READERS_CASE = re.compile(
    r"(?:したい|する|希望する|必要な|必要になった)(?:場合|とき|時|方)|(?:ある|あった|あれば|ありましたら)(?:場合|とき|時)?(?:の|は|、|,)"
    r"|の(?:手続|申請|方法|窓口)|法務局|市民課|税務署|窓口|ご相談|相談して|お問い合わせ|問い合わせ|受け付け|受付"
)
_CITYS_OWN_MISTAKE = re.compile(
    r"【訂正】|［訂正］|\[訂正\]|訂正(?:します|いたします|しました|いたしました|させて|とお詫び)|お詫び|おわび|申し訳|失礼"
    r"|でした|ありました|ございました|おりました|ていました|掲載|投稿|お知らせした|ご案内した|お伝えした|記載した"
)


# The word in a clause, not a label: 「訂正：受付窓口は2階です」「訂正 窓口の受付時間」 put the city's notice right.
_IN_A_CLAUSE = re.compile(r"を|が|の|に|は|で")


def _readers_procedure(doc: Document, hit: Hit, seen: dict[tuple[int, int], bool]) -> bool:
    if fold(doc.text[hit.start : hit.end]) not in _READERS_WORDS or not _IN_A_CLAUSE.match(doc.text, hit.end):
        return False
    a, b = sentence = doc.sentence_at(hit.start)
    if sentence not in seen:
        seen[sentence] = (
            _READERS_CASE.search(doc.text, a, b) is not None and _CITYS_OWN_MISTAKE.search(doc.text, a, b) is None
        )
    return seen[sentence]


# An apology for a service stopped or delayed (「断水でご迷惑をおかけしましたことをお詫び申し上げます」「ご不便を
# おかけし、おわび申し上げます」), as 「We apologize for the inconvenience」 is in English: nothing posted is being
# corrected. A post that says anything of a mistake (誤り, 間違い, 訂正, 正しくは, 違っていました) is still one.
_INCONVENIENCE = re.compile(r"ご迷惑|ご不便|ご不自由|ご心配")
_SERVICE_STOPPED = re.compile(
    r"障害|不具合|停止|運休|遅延|遅れ|断水|濁り水|停電|通行止|工事|休止|休館|中止|つながり(?:にく|づら)|繋がり(?:にく|づら)"
    r"|つながらな|繋がらな|混雑|閲覧(?:でき|しにく|しづら)|利用(?:でき|いただけ)|中断|メンテナンス|故障|欠航|見合わせ|不通|復旧"
)
_MISTAKE_SAID = re.compile(
    r"誤|間違|訂正|正しくは|修正|違って|違いま|違え|ではなく|別の"
    # What the city said before: 「先ほどの運休のお知らせは、…」「…を掲載しておりました」.
    r"|(?:さっき|先ほど|先程|さきほど|昨日|きのう|今朝|前回|先日)の[^。！？!?\n]{0,12}?(?:投稿|ポスト|ツイート|お知らせ|記事|掲載)"
    r"|(?:掲載|記載|お知らせ|案内|投稿|お伝え)して(?:おりまし|いまし)た|(?:掲載|記載)されて(?:おりまし|いまし)た"
    # Left out, out of date or taken down: 「対象地区が抜けておりました」「高田地区が漏れていました」「情報が古いまま」
    # 「運休のお知らせを削除しました」.
    r"|(?:抜け|漏れ)て(?:おりまし|いまし)た|(?:記載|掲載)漏れ|古いまま|古い情報"
    r"|(?:投稿|ポスト|ツイート|お知らせ|記事|掲載)を?(?:削除|取り消|取消)"
    # The city's own fault, not the service's: 「職員の不適切な対応で窓口が混雑し」「書類を紛失し」.
    r"|不適切|不手際|手違い|紛失|漏えい|漏洩|不祥事|ミス(?![トタ])"
)
_APOLOGY_WORDS = (fold("お詫び"), fold("おわび"), fold("お詫"))
# The apology as a service notice's heading (「【お詫び】システム障害によるサービス停止について」「申込サイトの不具合のお詫び」
# 「運休のお詫び：」「【おわび】断水について」), which seldom says ご迷惑 as a sentence would.
_APOLOGY_HEADING_BEFORE = re.compile(r"[【［\[〔■◆●]|(?<=[^\Wお])の")
# ...not when it names what the city published (「【お詫び】広報じょうえつ12月号の休館日の記載について」): a correction unsaid.
_PUBLISHED = re.compile(
    r"記載|掲載|広報|投稿|ポスト|ツイート|記事|チラシ|パンフレット|カレンダー|冊子|ガイドブック|マップ|通知|(?<!と)お知らせ|案内"
    r"|表示(?!され(?:ない|ず|にく|づら)|でき)"
)
_APOLOGY_HEADING_AFTER = re.compile(r"[】］\]〕：:]|[ \t\u3000]*(?:\n|$)|と(?:お知らせ|ご案内|お願い)")
# ...nor when the post tells what went wrong for someone beyond the stop (「【お詫び】システム障害により、一部の方に二重に
# 引き落としが行われました」「…税額が正しく計算されていませんでした」「…受付順が入れ替わっていました」「収集漏れ」「市の管理不足」
# 「先日お伝えした日程」): the city's mishap, which a heading alone does not make a service notice.
_FAULT_TOLD = re.compile(
    r"二重|過大|過少|正しく|(?:情報|データ)[がの]?流出|入れ替わ|取り違|(?<![水雨スガ])漏れ|書い|書き(?!込)|お伝えし"
    r"|(?:確認|管理|説明|周知)(?:が)?不足|不十分|不備"
)


class _InconvenienceApology:
    """Whether an apology is only for a service stopped; the post is read once however many apologies it holds
    (each read anew, 40,000 letters of 「ご迷惑をおかけし断水お詫び」 took 13 s)."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.service_only: bool | None = None  # a service stopped is told, and no mistake
        self.inconvenience: list[int] = []  # where ご迷惑, ご不便… start
        self.published = False  # what the city published (記載, 掲載, お知らせ …) or a fault beyond the stop is named

    def __call__(self, hit: Hit) -> bool:
        doc = self.doc
        if fold(doc.text[hit.start : hit.end]) not in _APOLOGY_WORDS:
            return False
        if self.service_only is None:
            self.service_only = _SERVICE_STOPPED.search(doc.text) is not None and _MISTAKE_SAID.search(doc.text) is None
            self.published = _PUBLISHED.search(doc.text) is not None or _FAULT_TOLD.search(doc.text) is not None
            self.inconvenience = [m.start() for m in _INCONVENIENCE.finditer(doc.text)]
        if not self.service_only:
            return False
        if (
            _APOLOGY_HEADING_BEFORE.match(doc.text, max(0, hit.start - 1), hit.start)
            or _APOLOGY_HEADING_AFTER.match(doc.text, hit.end)
        ) and not self.published:
            return True  # 「【お詫び】システム障害について」「運休のお詫び：」: the notice's heading, no inconvenience said
        a, b = doc.sentence_at(hit.start)
        if a > 0:  # the inconvenience said in the sentence before: 「…遅れ、ご迷惑をおかけしました。お詫び申し上げます。」
            a = doc.sentence_at(a - 1)[0]
        i = bisect_left(self.inconvenience, a)
        return i < len(self.inconvenience) and self.inconvenience[i] < b


# The wrong and the right written side by side, with no 訂正 said: 「誤：12月14日（日）　正：12月13日（土）」
# 「（誤）…→（正）…」. Each a label of its own, at the start of a line or after a space or bullet: not 「正誤表」
# 「誤字」, nor 「正：」 alone.
# The pair taught, not corrected: common mistakes, a quiz's answers, how to fill in a form (「よくある間違い 誤：「上越
# 市役所前」 正：「上越市役所」」「ごみの出し方クイズ」「記入例」). Nothing of the city's was wrong.
_WRONG_RIGHT_TAUGHT = re.compile(r"(?:よくある|間違いやすい|間違えやすい|まちがいやすい)|クイズ|記入例|書き方の例|正しい書き方")
_WRONG_RIGHT = re.compile(
    r"(?:[【［\[（(]誤[】］\]）)]|(?<![^\s■□●○・◆◇▼▽※])誤\s*[：:])[^\n]{0,60}?\n?[^\n]{0,20}?"
    r"(?:[【［\[（(]正[】］\]）)]|(?<![^\s■□●○・◆◇▼▽※→⇒])正\s*[：:])"
)


# An earlier post of the city's own said to be wrong or deleted, with no 訂正/お詫び: 「さっきの投稿は間違いでした、
# 削除します」「昨日の投稿、時間が間違ってました」. 和気町 6 asks for exactly these not to be deleted silently.
_EARLIER_POST = guard(re.compile(
    r"(?:さっき|先ほど|先程|さきほど|昨日|きのう|今朝|前回|(?<![一-龥])前|以前|午前中?|本日午前)の(?:投稿|ポスト|ツイート|お知らせ|記事)"
))
# The earlier post must be what is wrong or deleted: its subject or object (投稿は／が／を／に／、, or 投稿の日付が…),
# or the post the mistake was made in (投稿で), with the mistake close after it and no second clause between
# (「…の投稿を見て、登録を削除したい方」). Not 「…の投稿のとおり」「…の投稿で紹介した」: there the post is named
# for what it said, and a mistake or a deletion after it is the reader's.
_POST_AS_SUBJECT = re.compile(
    # 「投稿の日付が」, and a compound 「投稿内容に」.
    r"(?:の?[一-龥ァ-ヶーA-Za-zＡ-Ｚａ-ｚ]{1,6})?"
    # The post named as the topic of the sentence: 「先ほどの投稿ですが、」「…について、」.
    # Spoken too: 「さっきの投稿なんですが、」「…ですけどね、」.
    r"(?:(?:(?:なん)?です(?:が|けど(?:ね|も)?|けれど(?:も)?)|でございますが|について|につきまして|に関して|に関しまして|に関し)"
    r"(?=[、,，])"
    r"|[はがをに]|で(?!(?:ご|お)?(?:紹介|伝え|知らせ|案内|説明|解説|取り上げ|触れ|まとめ|書い|述べ)|も)"
    # What the post announced, itself said to be wrong: 「前回の投稿でご案内した日時が間違っていました」.
    r"|で(?:ご|お)?(?:紹介|伝え|知らせ|案内|説明)し(?:た|ました)[一-龥ァ-ヶーA-Za-z0-9０-９の]{1,8}[はがに]"
    r"|(?=[、,，]))"
    r"[、,，]?[^、,，。！？!?\n]{0,12}?"
    r"(?P<mistake>"
    # A mistake admitted: 間違いでした／間違いがありました, 間違えて／間違っていました, 違っていました, 誤っていました.
    # Not 「間違いやすい」「書き間違いが多い」「間違えやすい」「間違えないよう」.
    r"間違い(?:でし|です|だっ|が(?:あり|あっ|ござい|見つか)|まし)"
    r"|間違(?:え|っ)(?:て|まし)|間違えた(?![らり])|間違った(?![らり一-龥ァ-ヶー])"
    # 「誤った情報でした」「間違った日付をお伝えしました」: the post's content itself wrong. Not 「誤った情報に
    # 注意するよう」「間違った情報を拡散しないよう」, what the post warned readers against.
    r"|(?:間違|誤)った[一-龥ァ-ヶーA-Za-z0-9０-９のや・]{1,10}?"
    r"(?:でし|です|だっ|が(?:あり|あっ|ござい|含まれ|入っ|載っ)"
    # 「誤った日付になっていました」; not 「誤った使い方になっていないか」, a check asked of readers.
    r"|[にと]な(?:って(?:い(?!な)|おりまし|おります|しまい)|りまし)"
    r"|を(?:ご|お)?(?:掲載|記載|投稿|伝え|知らせ|案内|載せ|表示|発信|書い|流し))"
    # Said in speech: 「消しちゃいました」「間違えちゃいました」.
    r"|(?:消し|削除し|間違え|間違っ)ちゃ(?:いまし|った|います)"
    r"|(?<![間相])違(?:っ(?:て(?:い|おり|しまい|ま)|た(?![らり]))|いまし)"
    # Another thing than the one meant: 「先ほどの投稿の地図が違う場所でした」「…の写真が別のイベントのものでした」.
    r"|(?:違う|別の)[^、,，。！？!?\n]{1,12}?(?:でし|だっ)た"
    # A link in it broken: 「先ほどの投稿のリンクが切れていました」.
    r"|切れて(?:いまし|おりまし|しまっ)"
    r"|誤って(?:い|おり|しまい|掲載|記載|投稿|削除|消し|お知らせ|ご案内|案内|表示)"
    # A deletion done or announced, not asked of the reader (削除してください／削除したい方／削除させる).
    # 「投稿を削除し、改めて投稿します」: the deletion said in a clause that goes on.
    r"|削除(?:し(?:まし|ます|て(?:い|おり|しまい)|(?=[、,，]))|いたし|させていただ|済)"
    r"|(?:取り|取)?消し(?:まし|ます|て(?:い|おり|しまい|しまっ)|(?=[、,，]))"
    r"|取り?消し?(?:いたし|させていただ)"
    # Withdrawn: 「先ほどの投稿を取り下げました」.
    r"|取り?下げ(?:まし|ます|て(?:い|おり|しまい)|いたし|させていただ|(?=[、,，]))"
    # Announced as done: 「取り下げとなりました」「削除となりました」. Not 「期限を過ぎると取り下げとなります」.
    r"|(?:取り?下げ|削除|取り?消し?)と(?:なりまし|なっており|いたしまし|させていただきまし)"
    r")"
)
# The mistake was what the earlier post told readers about: 「前回の記事で、書き間違いが多いとお伝えしました」.
# Or someone's claim the city answers (「昨日の投稿が間違っているという声がありますが、内容は正しいです」).
_SAID_BY_THE_POST = re.compile(
    r"と(?:ご|お)?(?:紹介|伝え|知らせ|案内|説明|解説|書い|述べ)|を(?:ご)?(?:紹介|まとめ|解説)|という|との"
)
_SAID_REACH = 30
# A mistake of the readers the post is about: 「前回のお知らせについて、メールを誤って削除してしまった方は」.
_DONE_BY_READERS = re.compile(r"[^、,，。]{0,6}?た(?:方|人|場合|とき|際)")


# What the city told before, put right with 「AではなくB」 and an apology or a 「でした」: 「昨日お知らせした開催日は12月6日では
# なく12月7日でした」「大変失礼いたしました。昨日ご案内した申込期限は12月10日ではなく12月12日です」. Not 「先日お知らせした
# とおり、会場は体育館ではなく公民館です」 (the earlier notice repeated) nor a rule told again without either.
_TOLD_BEFORE = re.compile(
    r"(?:さっき|先ほど|先程|さきほど|昨日|きのう|今朝|前回|先日|以前)(?:に)?(?:ご|お)?(?:知らせ|案内|伝え|掲載|投稿|紹介)し(?:た|ました)"
    r"(?!とおり|通り|ように|よう)"
)
# Without an apology, only a number, date or time put right: not 「昨日お知らせした花火大会、心配された雨ではなく晴天でした！」.
_RIGHT_INSTEAD = re.compile(r"ではなく[^。！？!?\n]{0,30}?[0-9０-９][^。！？!?\n]{0,30}?でした")
_SORRY = re.compile(r"申し訳|失礼(?:いた)?しました|すみません|すいません|ご迷惑")


# A time, a day or a price put right with no earlier post named: 「実は13時からでした」「実は、開始は13時からでした。すみません」
# 「実は会場は2階でした」. 「実は」 with the past 「でした」 says what was told before was not so. Not 「実は13時からの回はまだ空きが
# あります」 (no でした), 「実は、今年で開館30周年を迎えます」, 「実は3日間で1万人が来場しました」 (a count, not a time).
# The time, day or place is what 「でした」 puts right, right before it: not 「実は3月13日は上杉謙信の命日でした」.
_ACTUALLY_WAS = re.compile(
    r"実は[、,]?[^。！？!?\n]{0,15}?"
    r"(?:[0-9０-９]{1,4}\s*(?:時|分|日(?!間)|月|円|番|階|号|[:：][0-9０-９])[0-9０-９:：時分半日]*|[月火水木金土日]曜日?|明日|明後日|来週)"
    r"(?:\s*[（(][^）)\n]{0,4}[）)])?\s*(?:から|まで|〜|～|~)?でした"
)
# With an apology in the post, the time or day may stand anywhere before 「でした」: 「実は、来週の月曜日は休館日でした。大変失礼
# しました」.
_ACTUALLY_WAS_SORRY = re.compile(
    r"実は[、,]?[^。！？!?\n]{0,15}?(?:[0-9０-９]{1,4}\s*(?:時|分|日(?!間)|月|円|番|階|号|[:：][0-9０-９])|[月火水木金土日]曜|明日|明後日|来週)"
    r"[^。！？!?\n]{0,12}?でした"
)


# When a past event happened, told as trivia (「実は、上杉謙信が亡くなったのは3月13日でした」「実は、私が市役所に入ったのは4月1日
# でした」) or when a photo was taken (「実はこの写真、朝6時でした」): nothing the city told is put right.
_ACTUALLY_TRIVIA = re.compile(r"(?:た|だ)のは|写真|画像|動画")


def _actually_was(doc: Document) -> tuple[int, int] | None:
    if "実は" not in doc.text:
        return None
    m = next((m for m in _ACTUALLY_WAS.finditer(doc.text) if not _ACTUALLY_TRIVIA.search(m.group())), None)
    if m is None and _SORRY.search(doc.text):
        m = next((m for m in _ACTUALLY_WAS_SORRY.finditer(doc.text) if not _ACTUALLY_TRIVIA.search(m.group())), None)
    return m.span() if m else None


def _told_otherwise(doc: Document) -> tuple[int, int] | None:
    if "ではなく" not in doc.text:
        return None
    for m in _TOLD_BEFORE.finditer(doc.text):
        a, b = doc.sentence_at(m.start())
        instead = doc.text.find("ではなく", m.end(), b)
        if instead < 0:
            continue
        if _RIGHT_INSTEAD.match(doc.text, instead, b) or _SORRY.search(doc.text):
            return m.start(), instead + len("ではなく")
    return None


def _silent_correction(doc: Document) -> tuple[int, int] | None:
    """The span from a mention of an earlier post to the mistake or deletion said of it."""
    text = doc.text
    for m in _EARLIER_POST.finditer(text):
        sent = doc.sentence_at(m.start())
        said = _POST_AS_SUBJECT.match(text, m.end(), sent[1])
        if said is None:
            continue
        end = said.end("mistake")
        if _SAID_BY_THE_POST.search(text, end, min(sent[1], end + _SAID_REACH)) is not None \
                or _DONE_BY_READERS.match(text, end, sent[1]) is not None:
            continue
        return m.start(), end
    return None
