"""Confidential information and information still in the decision-making process."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from bot.rules.credentials import SIGNED_URL_KINDS, Credential, find_credentials, mask
from bot.rules.model import CheckContext, Example, Hit, RuleOptions
from bot.rules.registry import rule
from bot.rules.text import Document
from bot.rules.text_fold import fold
from bot.rules.wordlists import ContextWords, allowed_spans, context_words, folded_set, load_sections, matcher
from bot.rules.wordrule import merged, word_hits

_MARK_MESSAGE = "「{word}」は秘密情報の表示です。公開してよい情報か確認し、表示ごと削除してください。"
# Brackets that make a word a stamp (NFKC view: ［］＜＞ are already ASCII). Quotes 「」 do not:
# 「極秘」ミッション is a word in quotes. Round brackets only count at the start of a line, since
# 「第3回審議会（非公開）」 in a schedule is an ordinary notice.
_OPEN = "【\\[〔<《≪〈"
_CLOSE = "】\\]〕>》≫〉"
_BULLETS = "■□●○◆◇★☆・※▼▽▲△◎*\\-"
_FRAME_CLOSE = "※■●◆▲▼"
# Information classification of the government's unified standard (政府機関等の対策基準), which
# municipalities follow: 機密性2 and 3 are 要機密情報; 機密性1 may be published.
_LEVEL = r"機密性[ \t]*[23](?:[A-Ca-c](?![A-Za-z]))?(?![0-9])"
_LEVEL_RE = re.compile(_LEVEL + r"(?:情報)?")
# An English stamp is written in capitals; 「kept confidential」 in an English notice is a sentence.
# The longer English stamps are also phrases of a sentence (「not an INTERNAL ONLY event」, 「DO NOT
# DISTRIBUTE fear」): a stamp only where stamps stand, at a line's start, in brackets, after a label's
# colon, or after Japanese or a bullet (「※DO NOT DISTRIBUTE」「会議資料 INTERNAL ONLY」), not after a
# quote's opening.
_CONFIDENTIAL_RE = re.compile(
    r"(?<![A-Za-z])CONFIDENTIAL(?![A-Za-z])"
    r"|(?:(?<=\n)|(?<=^)|(?<=[\[【［(（<〔:])|(?<=[^\x00-\x7f「『“‘]))[ \t]*+(?P<stamp>INTERNAL[ \t]+ONLY|DO[ \t]+NOT[ \t]+DISTRIBUTE|NOT[ \t]+FOR[ \t]+PUBLICATION)(?![A-Za-z])"
)
_CREDENTIAL_MESSAGE = (
    "{kind}が書かれています。パスワードやトークンなどの認証情報は投稿しないでください。"
    "本物であれば、この下書きで共有された時点で漏えいしたものとして直ちに{action}、"
    "ソーシャルメディアの運用を統括する課へ報告してください。"
)
# A shelter's or a facility's guest Wi-Fi is announced with its key on purpose: the error stands
# (an administrator's password looks the same), and the message says how to send it on.
_WIFI = re.compile(r"(?i)wi-?fi|ｗｉ－?ｆｉ|ワイファイ|無線\s*LAN|\bSSID\b|WIFI:")
_GUEST_WIFI_NOTE = (
    "避難所や施設の利用者向け（ゲスト用）の Wi-Fi のパスワードを案内する場合は、管理用のパスワードでないことを"
    "確かめたうえで、理由を付けて決裁を依頼してください。"
)
# A public online briefing is announced with its meeting's passcode on purpose, as a guest Wi-Fi key
# is; an internal meeting's passcode looks the same, so the error stands and the message says how to
# send a public one on. Only after a passcode's own label: a host's login password is never public.
_WEB_MEETING = re.compile(
    r"(?i)zoom|webex|teams|ウェビナー|webinar|ミーティング\s*ID|meeting\s*id|"
    r"オンライン(?:説明会|会議|セミナー|講座|研修|相談|配信|イベント)"
)
# 「?pwd=」 is how a Zoom join link carries its passcode (「zoom.us/j/812…?pwd=…」).
_MEETING_PASSCODE_LABEL = re.compile(
    r"(?i)パスコード|passcode|ミーティング\s*パスワード|meeting\s*password|(?<=[?&])pwd(?==)"
)
_PUBLIC_MEETING_NOTE = (
    "公開のオンライン説明会などの参加用パスコードを案内する場合は、庁内の会議やホスト用のものでないことを"
    "確かめたうえで、理由を付けて決裁を依頼してください。"
)
_SIGNED_URL_MESSAGE = (
    "{kind} が書かれています。この URL を知っている人は誰でも、期限が来るまで非公開のファイルを開けます"
    "（書き込みまでできる場合もあります）。公開する資料は公式ホームページに掲載し、そのページの URL を"
    "載せてください。本物であれば、この署名を発行し直して無効にし、ソーシャルメディアの運用を統括する課へ"
    "報告してください。"
)


@dataclass(frozen=True)
class _MarkPatterns:
    bracketed: re.Pattern[str]  # anywhere
    line_start: tuple[re.Pattern[str], ...]  # tried only where a line starts
    said_of_document: re.Pattern[str]  # 「この資料は取扱注意です」
    spaced_words: re.Pattern[str] | None  # 「部 外 秘」: a classification word with its letters spaced out


def _spaced(word: str) -> str:
    """``word``, also with spaces between its letters when it is Japanese: a stamp laid out for
    looks (【部　外　秘】) is read as the stamp. English stamps are spaced between words only."""
    if word.isascii():
        return re.escape(word)
    return "[ \t]{0,3}".join(re.escape(c) for c in word)


@cache
def _mark_patterns(extra: tuple[str, ...]) -> _MarkPatterns:
    sections = load_sections("secret.txt")
    words = sorted({*sections.get("words", ()), *sections.get("marks", ()), *extra}, key=len, reverse=True)
    bare = "(?:" + "|".join([*(re.escape(w) for w in words), _LEVEL]) + ")"
    term = bare + "(?:情報|文書|資料|扱い)?"
    terms = rf"{term}(?:[ \t]*[・/,、][ \t]*{term})*"
    # Inside brackets the stamp is all there is, so its letters may be spaced out.
    spaced = "(?:" + "|".join([*(_spaced(w) for w in words), _LEVEL]) + ")(?:情報|文書|資料|扱い)?"
    spaced_terms = rf"{spaced}(?:[ \t]*[・/,、][ \t]*{spaced})*"
    lead = rf"[ \t]*(?:[{_BULLETS}]+[ \t]*)?"
    # Only the words of [words] (no everyday meaning) and only with a space between every two letters:
    # spelled out so, they are a stamp laid out for looks wherever they stand (「部　外　秘」 as a heading).
    # The word written as one is found as a morpheme.
    classification = sorted(
        {w for w in (*sections.get("words", ()), *extra) if not w.isascii() and len(w) >= 2}, key=len, reverse=True
    )
    spaced_words = "|".join("[ \t]{1,3}".join(re.escape(c) for c in w) for w in classification)
    documents = "|".join(re.escape(w) for w in sections.get("documents", ()))
    document_marks = "|".join(re.escape(w) for w in sections.get("document_marks", ()))
    return _MarkPatterns(
        re.compile(rf"(?i)[{_OPEN}][ \t]*{spaced_terms}[ \t]*[{_CLOSE}]"),
        (
            re.compile(rf"(?i){lead}\([ \t]*{spaced_terms}[ \t]*\)"),
            # A label is followed by a colon or the line end; a bare word (no 情報/文書) also by a space.
            re.compile(rf"(?i){lead}({terms}(?=[ \t]*(?::|\n|$))|{bare}(?=[ \t]))"),
            # Framed by bullets like brackets (「※取扱注意※」「■部外秘■」). Not stars, which frame a playful
            # 「★極秘★ミッション」, nor 「・」「-」, which start the next item (「・機密・個人情報の研修」).
            re.compile(rf"(?i){lead}({terms})(?=[ \t]*[{_FRAME_CLOSE}])"),
        ),
        re.compile(
            rf"(?:{documents})は[ \t]*({document_marks})(?=です|でした|となります|とします|につき|のため|扱い)"
        ),
        re.compile(spaced_words) if spaced_words else None,
    )


# The circled 秘 sign is a stamp also with text right after it (「㊙組織再編の件」「件名：㊙人事異動」),
# and so is the sign drawn with a circle where a font or a keyboard has none (「◯秘」「〇秘」「○秘」):
# where stamps stand (a line's start, after a bullet, an opening bracket or a label's colon) and
# before a kanji or a space. Before kana it is the fun 「マル秘」 of a tourism post (「㊙スポット」
# 「㊙グルメ」), and so it is before the words such posts put after it (「㊙情報」「㊙穴場」「㊙裏話」).
_CIRCLED_SECRET = re.compile(
    rf"(?m)(?:^|(?<=[:：{_OPEN}［＜]))[ \t　]*+(?:[{_BULLETS}]+[ \t　]*+)?(?P<mark>㊙\ufe0f?|[◯〇○]秘)"
    r"(?=[\u4e00-\u9fff々]|[ \t　]+[^ \t　\n])"
    r"(?![ \t　]*(?:情報|話|裏話|技|映像|写真|動画|画像|穴場|絶景|名所|名店|特典|特集|企画|伝授|公開))"
)
# With a kanji right after the sign, the title must be one of internal business (「㊙組織再編の件」
# 「○秘人事異動」): a tourism post's 「㊙体験ツアー」 or 「㊙作戦」 is fun. Read up to the line's end,
# within a bound.
_INTERNAL_TITLE = re.compile(
    r"[^\n]{0,40}?(?:の件|人事|組織|予算|議事|内示|異動|契約|入札|交渉|名簿|決裁|稟議|懲戒|処分|監査|査定|"
    r"給与|職員|庁内|幹部|議会|答弁|非公表|未公表)"
)
_OPEN_RE = re.compile(f"[{_OPEN}]")
# A label starts a line, or a sentence after a full stop: 「…非公表ですが、こっそり教えます。取扱注意：見積価額の7割です。」
_LABEL_START = re.compile("[\n。]")
# What follows a stamp word used as a line's label in a post rather than as a stamp: a form's answer
# (「未公表：なし」), or advice to the reader (「転送禁止：チェーンメールは転送しないでください」「取扱注意：
# 灯油は火気から離して保管しましょう」). A stamp heads a title (「取扱注意：来年度の予算」) or stands alone.
_LABEL_ANSWER = re.compile(
    r"[ \t:]*+(?:なし|無し|ナシ|特になし|該当なし|ありません|該当しません|無|-|ー|―)[ \t。.]*+(?:\([^()\n]*\)[ \t。.]*+)?"
)
_ADVICE_END = re.compile(r"(?:ください|下さい|ましょう)[ \t。.!]*+$")
# Advice about the pasted document itself is the stamp's own instruction (「取扱注意：この資料は外部に
# 出さないでください」「未公表：発表まで投稿しないでください」): the word stays a stamp.
_ABOUT_SECRECY = re.compile(
    r"(?:この|本)(?:資料|文書|書類|データ|ファイル|メール|内容|件)|本紙|本書|外部|庁外|部外|口外|他言|"
    r"公表|公開|漏|持ち?出|投稿|発信|掲載|共有"
)


def _label_of_a_post(norm: str, end: int, *, sentence: bool = False) -> bool:
    """Whether the rest of the line after a stamp word at a line's start (ending at ``end``) makes
    the word a label of the post's own text: an answer or advice, not a stamped title.
    ``sentence``: the word starts a sentence after a full stop, and only that sentence is read (the
    rest of a long line after each 「。」 would be read again and again: quadratic)."""
    line_end = norm.find("\n", end)
    line_end = len(norm) if line_end < 0 else line_end
    if sentence and (stop := norm.find("。", end, line_end)) >= 0:
        line_end = stop + 1
    if _LABEL_ANSWER.fullmatch(norm, end, line_end):
        return True
    return bool(_ADVICE_END.search(norm, end, line_end)) and not _ABOUT_SECRECY.search(norm, end, line_end)


# A stamp said to be absent: a form's answer right after the word (「部外秘：なし」, wherever the word
# stands: a classification word fires as a word, not only as a line's label), or a sentence saying
# the draft has none (「【非公開】の部分はありません」「部外秘に該当する箇所はありません」). Read on the draft
# as written, right after the stamp, within the line.
_SAID_ABSENT = re.compile(
    r"[ \t　]*+(?:"
    r"[:：][ \t　]*+(?:なし|無し|ナシ|特になし|該当なし|ありません|該当しません|無|-|ー|―)[ \t　。.]*+"
    r"(?:[(（][^()（）\n]*+[)）][ \t　。.]*+)?(?=\n|$)"
    r"|(?:の|に該当する|に当たる|にあたる)?(?:部分|箇所|記載|項目|資料|文書|情報|内容|もの)?[はが]?[ \t　]*+"
    r"(?:一切|特に|全く|いずれも)?(?:ありません|ございません|含まれていません|含まれません|含みません)(?:でした)?"
    r"(?=[ \t　。.、,!！(（]|\n|$)"
    r")"
)


# The mark named as a mark, not stamped on the post: 「【転送禁止】の表示があるメールは…」「「部外秘」と書かれた書類を誤って
# 公開しました」「【取扱注意】と表示された封筒」, a chain mail's warning or an apology for a leak, which tell of the mark.
_THE_MARK_NAMED = re.compile(
    r"[」』】\]]?[ \t　]*+(?:の(?:表示|スタンプ|押印|マーク|ハンコ|判子)|と(?:いう)?(?:表示|記載|書か|書い|印字|押印|押さ)|という(?:表示|文字|印))"
)
# The sentence going on to hand the material so marked round (「「部外秘」と押印された資料を共有します」「【取扱注意】の表示の資料を
# 配ります」): the post is the material's cover note, the mark its own, as 「【取扱注意】の資料を共有します」 is.
_HANDED_ROUND = re.compile(
    r"共有(?:し|いたし|します)|配布(?:し|いたし)|配ります|配りました|添付(?:し|いたし)|送付(?:し|いたし)|お送り(?:し|いたし)|送ります|"
    r"回覧(?:し|いたし|します)|お渡し(?:し|いたし)|ご確認ください|確認してください"
)

_BY_MISTAKE = re.compile(r"誤っ|誤り|誤送|間違")


def _the_mark_named(text: str, end: int) -> bool:
    """Whether the mark ending at ``end`` is named as a mark (_THE_MARK_NAMED) in a sentence that does not hand the marked
    material round (_HANDED_ROUND) but by mistake."""
    if _THE_MARK_NAMED.match(text, end) is None:
        return False
    rest = text[end : end + 120]
    stop = min((i for c in "。\n" if (i := rest.find(c)) >= 0), default=len(rest))
    # Handed round by mistake is the apology's (「「部外秘」と書かれた書類を誤って配布しました」).
    return _HANDED_ROUND.search(rest, 0, stop) is None or _BY_MISTAKE.search(rest, 0, stop) is not None


# 非公開 is no stamp on its own (「審議会は非公開で開催します」「回答データは非公開です」), but the material in hand
# said to be non-public and then handed to staff only (「この資料は非公開です。職員の皆さんだけで確認してください。」)
# is internal material pasted by mistake (上越市 5(4)). Only 「この/本」 with the staff asked to read it among
# themselves, within the next 40 characters: 「回答は職員のみで確認します」 tells residents how it is handled.
_STAFF_ONLY_DOCUMENT = re.compile(
    r"(?:この|本)(?:資料|文書|書類|データ|ファイル)は[ \t]*(?P<mark>非公開)(?=(?:です|扱い|となります)"
    r"[^\n]{0,40}?(?:職員|庁内|内部|課内|部内)(?:の(?:皆さん|皆様|方))?(?:だけ|のみ|限り)?で"
    r"(?:確認|共有|閲覧|ご確認|ご覧|見|回覧)[^\n。]{0,6}?(?:ください|下さい|願います|お願いします))"
)


def _marks(doc: Document, opts: RuleOptions) -> Iterator[Hit]:
    patterns = _mark_patterns(opts.extra_words)
    norm = doc.norm
    found: list[tuple[int, int]] = []
    if _OPEN_RE.search(norm):
        found.extend(m.span() for m in patterns.bracketed.finditer(norm))
    for pos in (0, *(m.end() for m in _LABEL_START.finditer(norm))):
        for pattern in patterns.line_start:
            if (m := pattern.match(norm, pos)) and not _label_of_a_post(
                    norm, m.end(), sentence=pos > 0 and norm[pos - 1] == "。"):
                found.append(m.span(m.lastindex or 0))
    if "は" in norm:
        found.extend(m.span(1) for m in patterns.said_of_document.finditer(norm))
    if "非公開" in norm:
        found.extend(m.span("mark") for m in _STAFF_ONLY_DOCUMENT.finditer(norm))
    if patterns.spaced_words is not None and (" " in norm or "\t" in norm):
        found.extend(m.span() for m in patterns.spaced_words.finditer(norm))
    if "㊙" in doc.text or "秘" in doc.text:
        # On the draft itself: normalising makes the sign the letter 秘 (「秘組織」 reads as a word).
        for m in _CIRCLED_SECRET.finditer(doc.text):
            if not m.string[m.end("mark")].isspace():
                if not _INTERNAL_TITLE.match(doc.text, m.end("mark")):
                    continue
                if not m["mark"].startswith("㊙"):
                    # A drawn circle is also a bullet before a word (「○秘密の人事術」): the sign only
                    # when 秘 is a word of its own (「○秘人事異動」).
                    starts, _ = doc.token_bounds
                    k = starts.get(m.end("mark") - 1)
                    if k is None or doc.tokens[k].surface != "秘":
                        continue
            yield Hit(m.start("mark"), m.end("mark"), _MARK_MESSAGE.format(word=m["mark"]))
    for probes, pattern in (
        (("機密性",), _LEVEL_RE),
        (("CONFIDENTIAL", "ONLY", "DISTRIBUTE", "PUBLICATION"), _CONFIDENTIAL_RE),
    ):
        if any(p in norm for p in probes):
            found.extend(m.span("stamp") if "stamp" in pattern.groupindex and m["stamp"] else m.span()
                         for m in pattern.finditer(norm))
    for a, b in found:
        start, end = doc.span(a, b)
        yield Hit(start, end, _MARK_MESSAGE.format(word=doc.text[start:end]))


def _credential_hit(doc: Document, c: Credential, *, about_wifi: bool, about_meeting: bool) -> Hit:
    start, end = doc.span(c.start, c.end)
    shown_from = start if c.context_start is None else doc.span(c.context_start, c.start)[0]
    value_start, value_end = doc.span(c.value_start, c.value_end)
    value = doc.text[value_start:value_end]
    masked = mask(value, c.shown)
    redact = {value: masked}
    nfkc = unicodedata.normalize("NFKC", value)
    if nfkc != value:  # e.g. the half-width suggestion of a11y.fullwidth_alnum
        redact[nfkc] = mask(nfkc, c.shown)
    if c.kind == "認証コード":  # it expires by itself; what matters is whether someone used it
        action = "アカウントのログイン履歴と設定を確認し"
    elif c.kind == "カードのセキュリティコード":  # only the card company can stop the card
        action = "カード会社に連絡してカードを止め"
    else:
        # A Zoom host key is changed on the user's profile, as a password is; nothing issues it.
        action = "変更し" if c.kind.endswith("パスワード") or c.kind == "ホストキー" else "無効化して発行し直し"
    template = _SIGNED_URL_MESSAGE if c.kind in SIGNED_URL_KINDS else _CREDENTIAL_MESSAGE
    message = template.format(kind=c.kind, action=action)
    if about_wifi and c.kind in ("パスワード", "Wi-Fi のパスワード"):
        message += _GUEST_WIFI_NOTE
    if about_meeting and c.kind == "パスワード" and _MEETING_PASSCODE_LABEL.search(doc.latin, c.start, c.value_start):
        message += _PUBLIC_MEETING_NOTE
    return Hit(
        start,
        end,
        message,
        excerpt=doc.text[shown_from:start] + doc.text[start:value_start] + masked + doc.text[value_end:end],
        redact=tuple(redact.items()),
    )


def _one_per_place(hits: list[Hit]) -> list[Hit]:
    """Drop a hit inside another one: 【部外秘】 is one mark, not 【部外秘】, 部外秘 and 秘."""
    # Sorted by start, longest first: a hit lies inside an earlier one exactly when it ends no
    # later than the furthest end seen so far.
    hits.sort(key=lambda h: (h.start, -h.end))
    out: list[Hit] = []
    furthest = -1
    for h in hits:
        if h.end <= furthest:
            continue
        out.append(h)
        furthest = h.end
    return out


@rule(
    code="confidential.secret",
    severity="error",
    summary="秘・部外秘・取扱注意などの表示、パスワードやトークン",
    clause="上越市 5(4)",
    fires=Example("【部外秘】来年度の組織再編について。共有フォルダのパスワードは Kessai2026! です。"),
    passes=Example(
        "パスワードは定期的に変更しましょう。審議会は非公開で開催します。秘境の温泉もご紹介します。"
    ),
)
def secret(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """秘密であることを示す表示（【秘】・部外秘・機密性2・取扱注意など）と、書き込まれた
    パスワード・トークンを止めます。

    上越市 5(4) は「上越市及び上越市と利害関係にある者又は団体の秘密に関する情報発信」を一切
    行わないよう求め、茅野市 4(7)⑦ も「職務上知り得た秘密」の発信を禁じています。
    庁内文書を貼り付けたときに残りがちな表示を見つけます。部外秘・庁内限り・内部資料・厳秘、災害対策本部の「本部員限り」の
    ような格付けの語はどこにあっても、秘・極秘・秘密・機密・取扱注意・非公開・非公表のように
    普通の文でも使う語（未公表・庁内限定・転送禁止・公表不可なども）は、表示として書かれたとき（【秘】【非公開】のように括弧で囲む、「※取扱注意※」のように
    記号で挟む、行頭や文頭で「取扱注意：」のように見出しにする、「この資料は取扱注意です」）だけ反応します。行頭や文頭の見出しでも、
    「未公表：なし」のような記入欄の答えや、「転送禁止：チェーンメールは転送しないでください」のように
    読む人への呼びかけが続くものは対象外です（「取扱注意：この資料は外部に出さないでください」のように
    資料の扱いを指示するものは止めます）。行の途中の「部外秘：なし」のような記入欄の答えや、表示がないことを
    述べた文（「【非公開】の部分はありません」「部外秘に該当する箇所はありません」）、表示そのものを話題にした文（「【転送禁止】の表示があるメールは転送しないでください」「「部外秘」と書かれた書類を誤って公開しました」「【取扱注意】と表示された封筒」「【部外秘】の表示のある資料を誤って送付しました」）も対象外です（「「部外秘」と押印された資料を共有します」のように、表示のある資料を配る文は止めます）。
    括弧の中の表示は、文字の間に空白を入れたもの（【部 外 秘】【社　外　秘】）も同じで、部外秘・庁内限りのような格付けの語は
    括弧がなくても、文字の間に空白を入れた見出し（「部　外　秘」）を止めます。丸秘の記号「㊙」は、
    行頭や見出しの「：」の後で直後に人事・組織・予算・契約などの件名が続くもの（「㊙組織再編の件」）も表示とみなします
    （「㊙体験ツアー」は対象外です）。記号の代わりに
    丸を書いた「◯秘 組織再編」「○秘人事異動」も同じです（「○秘密のレシピ」「〇秘境の湯」は対象外です）。
    「非公開で開催します」「極秘ミッション」「マル秘スポット」「㊙スポット」「㊙情報」「秘境」「神秘的」は対象外です。
    ただし「この資料は非公開です。職員の皆さんだけで確認してください。」のように、手元の資料を非公開と言ったうえで
    職員だけで確認・共有するよう頼む文は、庁内の資料を貼り付けたものとして止めます（「回答データは非公開です。集計は
    職員のみが行います」「この資料は非公開です。閲覧をご希望の方は窓口へ」は対象外です）。
    「他言無用」「口外しないでください」のように、言葉で秘密を示したものも止めます（「ここだけの話」
    「内緒ですが」は投稿で親しみを込めて使うことが多いので対象外です。詐欺の注意喚起で「」に入れて
    示した相手の言葉（「「口外しないで」と言われたら詐欺です」）も対象外です）。
    政府統一基準の格付け「機密性2」「機密性3」と大文字の CONFIDENTIAL、行頭・括弧の中・日本語や記号の後の INTERNAL ONLY・
    DO NOT DISTRIBUTE・NOT FOR PUBLICATION も表示とみなします（文の中の「not an INTERNAL ONLY event」は対象外）。英語の
    「Internal use only」「Not for distribution」「Strictly confidential」「Private & Confidential」もどこにあっても止めます。

    パスワード・暗証番号・PW などの語（「暗証」「ぱすわーど」「P@ssword」「pass word」、錠を開ける「解錠番号」「金庫の番号」「キーボックスの番号」、錠そのものを見出しにした「南京錠は 4821 です」「キーボックス 4821」、扉の「オートロックの番号は4821です」「テンキーは 4821」「入館コード 4821」「オートロック 4821#」（パソコン教室の「テンキー 5678 と入力」のように「は」やコロンのないテンキーや、「オートロック 1205号室」「8025世帯」のような部屋番号・戸数、「キーボックス 3980（税込）」や、同じ文の前に「特価」「価格」などを、後に「3980 円」のような金額を書いた値段は対象外です。「キーボックス 4821 です。予算は1万円以内」は止めます）、公用スマホや警備装置の「ロック解除」「解除番号」、Zoom の「ホストキー」も。これらは数字の値だけを止め、「ロック解除：Face ID」やサーバーの「ホストキー：SHA256:…」は対象外です）に続けて書かれた値（「パスワードは Kessai2026! です」
    「PW: …」「パスワード→…」「パスワード - …」「パスワード変更しました→…」「パスワード変えました→…」、古い値を消した変更の知らせの「パスワード： → …」「パスワード：(旧) → …」「パスワード(旧)→(新) …」、「【パスワード】…」、語の文字間に空白を入れた「パ ス ワ ー ド：…」、
    「ID …」と並べた「PW …」（同じ行でも次の行でも）、ラベルの代わりに鍵の絵文字を書いた「🔑 Kessai2026!」「📶 JOETSU-STAFF 🔑 Kessai2026!」（大文字・小文字・数字・記号をすべて含む値か、小文字と数字を含む8文字以上の値で行を終えたもの。「🔑 Step1」「🔑 Room305」「🔑 Key Point：…」や、ハッシュタグ・アカウント・アドレスの「🔑 #joetsu2026」「🔑 @joetsu_city2026」「🔑 www.joetsu2026.jp」、行の頭の鍵に続けた大文字で始まる英単語と数字だけの名前の次の行に何の名前かを書いた「🔑 StaySafe2026⏎キャンペーン実施中！」のような講座・催しの題は止めません。「🔑 Sakura2026」「🔑 Lesson2026」のように行にその名前だけを書いたものや、前後の行に Wi-Fi・パスワードなどの語があるものは止めます）、ID がなくても大文字・小文字・数字・記号をすべて含む値を続けた「PW Kessai2026!」（「PASS Joetsu(2026)」のように括弧だけが記号の名前や、「SKI PASS Myoko+Joetsu2026 を販売します」「PIN Badge#2026」のような乗車券・商品の名前は対象外です。「PASS」は行の終わりまで値だけのときに止めます）、フォームのように次の行に値だけを書いたもの（「パスワードは以下のとおりです。」の次の行や、語の後に「．」「。」を打った「パスワード．⏎…」「パスワード。⏎…」「PW.⏎…」の次の行（「今月のテーマはパスワード。」のように文の終わりの語や、「見直そう パスワード。」「あなたのパスワード。」「私たちのパスワード。」「Never share your PW.」のような標語、「テーマ：パスワード。」「第3回　パスワード。」「第2回：パスワード。」や前の行に回の番号だけを書いた「第3回⏎パスワード。」のような講座の題は対象外です。その下の行が「Kessai2026!」のように英字・数字・記号を含む値や「4821」のような暗証番号なら止めます）、同じ行の「。」や空白の後に値だけを書いたもの（「パスワードは下記のとおり Kessai2026!」）、「パスワードは、先日お知らせしたとおり、次のとおりです。」のように短い句を挟んだものも。その後に続く手順の見出し「STEP1」「No.1」や、「パスワード変更：STEP1 設定画面を開く」のように後に手順の名前が続く見出しは値とみなしません。「パスワード：Step12」のように値だけで行や文が終わるものは止めます。語の下に1行ずつ並べた複数のアカウントのパスワード（「パスワード⏎Sakura!⏎Fubuki!」、空行で分けた「パスワード⏎Sakura!⏎⏎Fubuki!」も）も止めます。様式の枠から写して数字を1行ずつ書いた「パスワード⏎2026⏎04⏎01⏎10⏎00」は、最初の組だけでなくすべての組を伏せます（「パスワード⏎01⏎02⏎03」のような番号の並びや、「パスワード⏎0900⏎1030」のような時刻の並びは対象外です。「暗証番号⏎0915⏎1130」のように暗証番号の語の下に書いたものは止めます）。語の下に1行ずつ並べたアカウント名（「パスワード⏎@joetsu_city⏎@joetsu_koho」）、機種（「iPhone15⏎iPhone16」）、アプリ（「PowerPoint⏎OneDrive」「1Password⏎LastPass」）、英語のあいさつ（「Hello!⏎Thanks!」）、記入欄の項目名（「Password⏎Username⏎Login」）は、空行で分けたもの（「Welcome!⏎⏎Goodbye!」）も値とみなしません。語の下にサービスの名前だけを書いたもの（「パスワード⏎OneDrive」）も値とみなさず、その下の行のパスワード（「パスワード⏎OneDrive⏎⏎Kessai2026!」、続けて別のサービスの名前とパスワードを並べた「…⏎Teams⏎Joetsu#2026」、数字と記号だけの「…⏎Teams⏎2026!」も）を止めて伏せます。サービスの名前は、どのアカウントのものか分かるよう伏せずに示します）、表計算ソフトや CSV・Markdown の表で「パスワード」の列に
    書いた値、JSON や設定ファイルの「"password": "…"」（伏せるのは値だけで、続く「,"user":…」や閉じタグ「</password>」は示します）、「パスワードの値は … です」、何のものかを for・of で添えた英語の「The password for the staff Wi-Fi is …」「PW is still …」「PIN for the key box: 4821」、空白の後の括弧で何のものかを添えた「PIN (key box): 4821」「パスワード (職員用)：…」「the password for the city's X account is …」、the などのない「Password for guest Wi-Fi: …」「PIN for key box: 4821」「password for login is …」「The Wi-Fi password for staff is …」（「The password for your account is case-sensitive.」は止めません）、画面の項目名のようにかぎ括弧で囲んだ語に続けた「「パスワード」は …です」「『PW』は …」、Wi-Fi の QR コードの文字列（WIFI:…;P:…;）、「パス：…」「パスは「…」」、Wi-Fi の「暗号化キー：…」
    「パスキー：…」「セキュリティキー：…」「パスフレーズ＝…」「接続キー …」「事前共有キー：…」「ログインキー：…」「PSK=…」、SSID や「Wi-Fi：…」とネットワーク名を並べた「KEY：…」「キー：…」、1行に並べた「ID koho01 PW …」、ラベルを並べて値を続けた「ID・パスワード：koho01・…」「ID/PW：koho01/…」「ID/PW koho01/…」（伏せるのは後に書いたパスワードで、ID はどのアカウントか分かるよう示します）、ラベルなしで ID と並べた「ログイン情報 koho01 …」「アカウント：koho01　…」「ID: joetsu01 / …」「接続情報 koho / …」、英語の「login: joetsu_koho / …」「the Instagram login is joetsu_koho / …」（「ID」だけの見出しでは「/」で区切ったもの。「ID: koho01 / koho02」のように同じ形の ID を並べたものは対象外です）、「ログイン情報」「アカウント情報」の見出しの下に1行ずつ書いた ID と値（「ログイン情報⏎koho01⏎…」。見出しの行に ID を書いたものも。「Instagramのログイン⏎joetsu_koho⏎Tokyo!」のように、英字だけではない ID の下に語を記号で閉じた値を書いたものも（「ログイン情報⏎koho01⏎Thanks!」のようなあいさつは対象外です）。ログインの見出しの下にサービスの名前とパスワードを並べたもの（「広報SNSのログイン⏎X⏎koho-X1⏎Instagram⏎koho-I2」、Bluesky・FB・insta や、Zoom・Teams・kintone などのツールの名前と並べた「広報のログイン⏎Zoom：koho-Z1⏎Teams：koho-T2」、同じ行に「：」で続けた「X：koho-X1」、大文字・小文字・数字と「.」の「Facebook⏎koho.F1」、後に「URL：…」「更新日：…」の行や別のログインの見出しが続くもの）も。「X：@joetsu_city」「Facebook⏎joetsu.city」のようなアカウント名は対象外です。「接続情報⏎SSID⏎…」のような項目名や、ISO などの規格と登録番号を書いた「認証情報⏎ISO14001⏎JQA-EM6543」、「JOETSU-FREE⏎JOETSU-FREE-5G」のように名前を並べたものは対象外です）、見出しもなく1行に「joetsu01 / Xy7#pq2L」と書いたものや、ネットワーク名の後に書いた「SSID：JOETSU-STAFF / Kessai2026!」「Wi-Fi for staff: JOETSU-STAFF / Kessai2026!」「Guest Wi-Fi: JOETSU-GUEST / Welcome#2026」、引継ぎメモのようにサービスの名前の後に書いた「X：joetsu_koho / Sakura#2026」「Instagram：joetsu.koho / Yuki@2026」、行の頭にメモの見出しを付けた「【引継ぎ】X：joetsu_koho / Sakura#2026」（「日時：Dec01 / Sat10:00am」のようなお知らせの項目は対象外です。値が大文字・小文字・数字・記号をすべて含むときだけ。「Covid-19 / Influenza(H3N2)」「Word2019 / Excel(2019)」のように括弧だけが記号の名前は対象外です）（「公式アカウント：@joetsu_city」や、記号のない名前が続く「公式アカウント joetsu_city Joetsu2026」のような紹介や、ログインに使えるサービスを並べた「ログイン：Google / Microsoft365」は対象外です。同じ行にログイン・管理画面などの語があるもの、「/」で区切ったものは止めます）、機器やサーバーの管理者と並べた「admin / …」「root:…」（「Admin: JoetsuCity2026」のように「Admin:」の後に記号のない名前を書いたものは、管理者の名前の紹介なので対象外です。「ルーター管理画面 admin: Kessai2026」のように同じ行にログイン・管理画面などの語があれば止めます）、コマンドに書いた「curl -u koho:…」「mysql -p…」「sshpass -p …」「net use \\\\srv\\share … /user:koho」「net user koho …」「smbclient -U koho%…」「sqlplus koho/…@…」「sqlcmd -P …」「xfreerdp /p:…」「psexec … -p …」「ConvertTo-SecureString \"…\" -AsPlainText」「PGPASSWORD=…」（「*」や「$PASS」のように入力を求めるものや変数、PowerShell の「$pw = Read-Host …」のように変数に式を代入したものは対象外です）、値を先に書いた「Kessai2026! がパスワードです」、設定したと書いた「パスワードとして … を設定しました」「初期パスワードに … を使ってください」（「パスワードに Joetsu2026 を使うのは危険です」「パスワードに Kessai2026 は使えません」のように、同じ文で避けるよう書いた例は対象外です）、言い直した「パスワード Windows10 じゃなくて …」「パスワードは … ではなく … です」（伏せるのは両方の値です）、問いへの答えとして書いた「パスワードを教えてください → …」「Q. パスワードは？ A. …」）と、形式から明らかな
    トークン（Slack の xoxb-… と Webhook URL、AWS の AKIA…、GitHub の ghp_…、GitLab の glpat-…、
    sk-…、Google の AIza…・ya29.…・GOCSPX-…、Facebook・Instagram の EAA…・IGQV…、npm_…、SendGrid の
    SG.…、「Bearer …」、Discord と Microsoft Teams の Webhook URL、JWT の eyJ….eyJ….…、秘密鍵 -----BEGIN … PRIVATE
    KEY-----、URL やデータベースの接続文字列（postgres://…:…@…）の中のパスワード、.env 形式の「AWS_SECRET_ACCESS_KEY=…」「…_ACCESS_TOKEN=…」）も止め
    ます。PDF や折り返した画面から写して空白が入ったトークン（「xoxb- 1234- 5678-abcd」「AKIA 1234 5678 ABCD EFGH」「sk- proj-…」）も同じです。語や値にキリル文字・ギリシャ文字の似た字を混ぜたもの（「Pаssword:」の а がキリル文字）も同じです。トークンや値の中のハイフンを似た字（‐ ‑ – ー など）にしたもの（「sk‐live‐…」「ghp‑…」）、漢数字で書いた暗証番号（「暗証番号は四八二一です」「暗証番号：４八２１」、1文字ずつ空白を入れた「PIN：四 八 二 一」や、後に括弧書きの注を添えた「暗証番号：〇 九 一 五（キーボックス用）」も）や、数字の読みをかなで書いた暗証番号（「暗証番号はよんはちにいち」「パスコード：ヨンハチニーイチです」、1つずつ空白や「・」で区切った「暗証番号　よん はち に いち」「暗証番号：よん・はち・に・いち」も。「暗証番号はよんけたです」は止めません）や、1桁ずつ「・」で区切った暗証番号（「暗証番号：4・8・2・1」「暗証番号は一・二・八・四」、「・」の前後に空白を入れた「暗証番号は 4 ・ 8 ・ 2 ・ 1」）も同じです。
    「フリーパス」「パスポート」「キャンパス」の「パス」や、「合言葉は「やまびこ」」「合言葉：Snow2026」のような
    催しの合言葉には反応しません（同じ文でログインや管理画面に使うと書いた「合言葉：Takada2026（管理画面のログインにも使用）」や、
    次の文で「共有フォルダのパスワードと同じです」「管理画面に入るときに使います」と続けた合言葉、「職員用の合言葉はKessai2026です」「職員向け研修の合言葉はKenshu2026です」のように職員用と書いた合言葉は、英字と数字を含む値なら止めます。かなや漢字、英字だけの値も、ログインに使うものや合言葉そのものを職員用・庁内用と書いたもの（「ログインの合言葉は「やまゆり」です」「職員用の合言葉は「やまゆり」です」「合言葉：やまゆり（管理画面のログイン用）」）は止めます（「職員向け防災訓練の合言葉は「おはしも」です」のような職員向けの行事の標語や、「アプリにログイン！合言葉は「ゆきだるま」です」のように前の文でログインを呼びかけた企画の合言葉は止めません。「管理画面にログイン！合言葉は「やまゆり」です」のように職員の画面や Wi-Fi へのログインの後のものや、「アプリにログイン！合言葉は「Yuki#2026」です」のように英字と数字・記号を含むものは止めます）。「市民向け講座の合言葉はKoza2026です。」、催しのスタッフやボランティア向けの「スタッフ用の合言葉は「がんばろう」です」、アプリのキャンペーンの「ログインボーナスの合言葉は「ゆきだるま」です」は止めません（次の文が「ログインに使うパスワードとは別です」「接続時に使うパスワードは受付でお伝えします」のように別のものを言う文なら対象外です）。「アプリでログインして入力してください」のように、ログインしてから入力する合言葉や、「（公式アカウントにメッセージで送ってください）」「（Wi-Fiもご利用いただけます）」のように送り先や会場の案内を添えた合言葉は対象外です）。

    Azure の SAS（sv=…&sig=…）や AWS S3・Google Cloud Storage・CloudFront の署名付き URL も止めます。
    クラウドに置いたファイルを共有するときに作る URL で、知っている人は誰でも期限まで非公開のファイルを
    開けます（SAS は書き込みを許すこともあります）。公開する資料は公式ホームページに掲載するよう促し、
    URL の「?」より後を伏せて示します。署名のない URL や、「sig=」だけの画像 URL には反応しません。
    URL の「?key=…」「&auth=…」「?token=…」「?apikey=…」「&sig=…」のように、パラメーターに書いた
    鍵（英字と数字の混じった16文字以上の値）や、開いた人がそのままログインできるセッション ID
    （「;jsessionid=…」「?PHPSESSID=…」「?sid=…」）も止めます（「?id=123」「?page=2」は対象外です）。
    URL のパラメーターに書いたパスワード（「…/login?id=soumu&pw=…」「?password=…」）は、よく知られた弱い値（「Passw0rd」）でもそのアカウントのものなので止め、次の「&」までを値として伏せます。「https://user:パスワード@…」のように
    アドレスに埋め込んだパスワードは、「https:// user:…@…」と「//」の後に空白が入っていても止めます。

    上越市 6(1)①【パスワード】と美祢市 4(4) はパスワードを第三者に知られないよう管理する
    ことを、和気町 5(4) セキュリティー対策3 は漏えいが判明したら直ちに統括課へ報告し変更する
    ことを求めています。Slack の下書きに書いた時点で共有されているので、メッセージは変更と報告を
    促します。該当箇所は先頭の数文字以外を＊で伏せて示し（英字のない暗証番号やコードはすべて伏せます。表の値は、どの行のものか分かるよう、その行の前の列と一緒に示します）（他のルールの指摘でも伏せます）、
    スレッドで再び見えないようにします。「パスワードを定期的に変更しましょう」「パスワードは
    8文字以上に」「暗証番号を聞く電話は詐欺です」のように値のない注意喚起や、「1234 のような」
    と例に挙げた値（見出しごとかぎ括弧に入れた「「PIN 2026」のような番号は避けましょう」も。「「暗証番号は4821」って言ってた」「暗証番号は4821って聞きました」のように人から聞いた値は止めます）、「パスワード（例）：…」「パスワード（記入例）：…」のように見出しで例と示した値には反応しません。「1234」「0000」のようによく知られた数字や同じ数字の繰り返しも、注意喚起（「暗証番号を1234などにしないで」）で例に挙げられることが多いので
    それだけでは止めませんが、「キーボックスの暗証番号は1234です」「金庫の暗証番号：0000」のように、「は…です」や行末までのコロン（何の番号かを書いたもの）で
    その番号だと言い切ったもの、会議の ID に続けた「ミーティングID 812 3456 7890 パスコード 1234」は止めます（同じ文やその前の行に「例」「NG」「×」（行や文の頭の「❌」「✖」「🙅」なども）「よく使われる」「初期」、
    後の文に「避けましょう」「推測されやすい」などがあるものは例とみなします）。よく知られた値でないもの
    は、注意喚起の文でも止めます（「パスワードを Joetsu2026 にしないでください」: 例として作った値か、市の
    アカウントで実際に使っている値かは文面から見分けられず、後者なら投稿そのものが漏えいになるためです。
    例には「1234」「password」のようなよく知られた値を使うよう、決裁の前に書き換えてください）。暗証番号・パスコード・PINコード（PIN番号）は数字そのものが値なので、
    「暗証番号 4821」「暗証番号4821」「PIN 4821」（「ANA PIN 2026」のように英字の名前に続く大文字の PIN の後に空白と年を書いたものは名前とみなします。名前のない「PIN 1985」や「SIM PIN 1985」、「PIN：2026」は止めます）「暗証番号、4821です」「暗証番号を4821に変更しました」「暗証番号には 4821 を設定」のように区切りがなくても、様式の枠に合わせて1文字ずつ空白を入れた「暗証番号：4 8 2 1」「パスワード: J o e t s u 2 0 2 6」も止めます（「暗証番号 4桁」
    「暗証番号を3回間違えると」は止めません。数字の後に「号」「階」が続いても、「暗証番号 4821 号」のように暗証番号の語のすぐ後の数字は止めます。「暗証番号は8025世帯に郵送しました」「暗証番号は1205号室のキーボックスに」のような世帯数や部屋番号、「暗証番号4桁：10000通り」のような組み合わせの数（10000 など10の累乗の後に「通り」「パターン」）は止めません）。「PIN は 4 桁の 0427 です」「暗証番号は4桁の0427です」「暗証番号は4桁で 0427 です」のように、区切りと値の間に桁数を書いたもの（書いた桁数と値の桁数が同じもの）も止めます（「暗証番号は4桁の数字です」「暗証番号は 6〜16 桁の英数字です」のような桁数の案内は止めません）。語と区切りの間に桁数を書いた「暗証番号 4 桁：0427」「暗証番号4ケタ→0427」も、括弧に入れた「PIN（4桁）：0427」と同じく止めます（「暗証番号4桁：数字のみで設定してください」「暗証番号：0000～9999 の範囲で設定できます」は止めません。範囲の後の同じ文に「から 4821 に変更」のように番号を書いたものは止めます）。パスワードも、英字と数字を含む値なら「パスワードKessai2026」のように
    語の直後に続けて書いたものや、「パスワード欄に Kessai2026! と入力」「パスワードには … を設定」「パスワードも … です」を止めます。「パスワード（yuki2025）を入力」「パスワード「yuki2025」でログイン」
    「パスワード【yuki2025】」のように、語の直後の括弧に英数字を書いたものも止めます。複数のアカウントや機器を並べて番号を付けた「PW2: …」「PIN1: 4821」「パスワード2：…」や、語の後に括弧で注記を添えた「パスワード【旧】…」「パスワード[旧]： …」「パスワード「旧」：…」「パスワード（2026/11/30 17:00 変更）：…」も同じです（注記が「例」のものは対象外です）。区切り（：・は・＝・→ など）の後の、
    空白をはさんだ値（「パスワード：Kessai 2026!」「PW: abc 123xyz」。「パスワード：Tokyo 2026 大会の会場で配布」「パスワード：Expo 2025 会場でお渡しします」のように、名前と年の後に催しの名前が続いて配る場所を書いたものは対象外です。「パスワード：Joetsu 2026 会場の職員用」「パスワード：Takada 2026 講座の管理画面でも同じ」のように、何に使うパスワードかを書いたものは止めます）、配る場所や掲示の後に並べた値（「パスワード：会場掲示（Sakura2026）」「パスワード：配布資料参照 kohoka2026」。「パスワード：会場掲示（2026年度）」「…（Room2026）」は止めません）や、ひらがな・カタカナの値（「パスワードは　さくら２０２６　です」
    「パスワード：もみじがり」「パスコードは「ひまわり」です」、語のすぐ後のかぎ括弧に書いた「パスワード『さくらもち』」）、漢字の値（「パスワード：春夏秋冬」「PW：雪月花」「パスワードは「春夏秋冬」です」「PW「桜並木」でログイン」、年を続けた「パスワード：会議室二〇二六」、括弧書きの注を添えた「パスワード：春夏秋冬（前と同じ）」（「パスワード：山田太郎（総務課）」「パスワード：会議室2026（当日配布）」のように注が担当や配る場所を書いたものは止めません）。かぎ括弧のない値は「：」などの後の3文字以上のもの。「パスワード：不要」「パスワード：受付配布」「パスワード：生年月日」「パスワード：総務課」「パスワード：上越市長」のような問い合わせ先（「パスワード：織田信長」のように役職ではない長で終わる語は止めます）や、「パスワードは生年月日です」や、謎解きの答えやキーワードラリーの語（「パスワードを集めて景品をゲット！パスワード：上越城下」）、例として挙げたものは止めません）、漢字やかなを1文字ずつ空白で区切った値（「パスワード：春 夏 秋 冬」「PW：桜 並 木」「PW『春 夏 秋 冬』」。「パスワード：別 途 連 絡」「パスワード：弱 中 強」は止めません）も止めます（「パスワード：お問い合わせください」「パスワード：なし」
    「パスワード: at least 8 characters」「パスワードは「ひらがな」では設定できません」、使う文字の種類を並べた「パスワードは A-Z, 0-9 を含めます」、かぎ括弧も数字もないカタカナ語の「パスワード：メールアドレス」は止めません）（英小文字だけの値も、「パスワードは「yamabiko」です」のようにかぎ括弧で示したもの（先頭だけ大文字の語や4〜5文字の語も、「パスワードは「Tokyo」です」のように「です」などで文を終えたものは止めます）と、「パスワード：kohoka」「パスワード. kohoka」「PASS: joetsustaff」のように「：」「=」「. 」の後に書いてその行を終えたもの（「パスワード：Sakura!」のように記号で終えたものも、「パスワード：kohoka（前と同じ）」のように後に括弧書きの注を添えたものも（「パスワード：sakura（悪い例）」のように例と書いた注は対象外です）、「パスワード：Tokyo」のような4〜5文字の語も。「パスワード：None」「パスワード：Same」「パスワード：Forgotten」「パスワード：Auto」「パスワード：Soon」「パスワード：Safe」や、同じ文字を並べた「パスワード：xxxxxxxx」のような記入欄の語（「パスワード：Guest」は来訪者用 Wi-Fi のパスワードと同じく止めます。ID の下に書いた「ID：koho01⏎パスワード：Safe」も止めます）や、ID のない「パスワード：Hello!」、「悪い例⏎パスワード：Tokyo」「例：パスワード：kohoka」「【NG】パスワード：kohoka」「❌ パスワードは「Tokyo」です」のように悪い例として挙げた語（「【NG】パスワード：Kessai2026!」のように数字や記号を含む値は止めます）や、「謎解きの答え⏎パスワード：Osaka」のように4〜5文字の語を謎解き・クイズの答え、英語教室の単語として挙げたものは止めません）、語を「。」「：」で閉じた次の行や、ID とその値の下の語の次の行に書いたもの（「パスワード。⏎sakura」「ID⏎koho01⏎パスワード⏎Hello!」）、「ユーザー名 koho パスワード koho」のようにユーザー名と値の後に空白だけで続けたもの、「パスワードは bluesky です」「PW: correcthorse です」「初期パスワードは kohoka です」「パスワードは kohoka のままです」のように「は」「：」の後に書いて「です」「になりました」などで文を終えたもの、パスワードについての文の次の文の頭に値を書いて「のまま」「です」で終えた「広報Xのパスワードは前任者から変わっていません。Kessai2026! のままです。」「パスワードは先月変更しました。新しいものは Yukiguni2026! です。」、変わっていないと書いた読点の後の「引継ぎ：PW変更なし、Kessai2026!のまま」（大文字・小文字・数字・記号をすべて含む値か、小文字と数字を含む8文字以上の値。「パスワードは定期的に変更しましょう。Windows11 です。」、パスワード管理アプリを紹介した「パスワード管理アプリの紹介。1Password2026 です。」や例と書いた文は止めません。「パスワード管理アプリに登録してください。Kessai2026! です。」のように大文字・小文字・数字・記号をすべて含む値は止めます）、引継ぎのように「いつもの」「前と同じ」「これまでどおり」を挟んだ「パスワードはいつもの「kohoka」です」「パスワードは前と同じ joetsukoho です」、読点の後の「Instagramのパスワード、いつもの「Sakura2026!」です」（「パスワードは前と同じ Windows のものです」は止めません）、「パスワードを bluesky に変更しました」「パスワードとして bluesky を設定しました」のように設定したと書いたもの、「パスワードは kohoka ではなく tanaka です」の後の語は止めます。先頭だけ大文字の「Kohoka」も同じです（「よく使われるパスワードは dragon です」や、次の文で「推測されやすいので避けましょう」と続けたもの、種類や書き方・送り方を言う「パスワードは secret です」「おすすめのパスワードは passphrase です」「パスワードは hiragana です」「パスワードは mail です」、パスワード管理アプリの名前を書いた「パスワードに 1Password を使っています」は止めません）。「Password: required」「Password: Unnecessary」「Password: provided」「Password: Printed」「パスワード：Reception」のような記入欄や Wi-Fi の案内の語、「パスワード：Microsoft」「パスワード：Chrome」のようなサービスやブラウザーの名前は、先頭が大文字でも止めません（名前でも、小文字だけで書いた「パスワード：microsoft」は入力する値として止めます）。「パスワード「dragon」は辞書攻撃ですぐ破られます」のように、同じ文で弱い例として挙げた単語は止めません）（「パスワード（8文字以上）」や、日付を書いた「パスワード（R8.1.4）変更のお願い」、変更の日時を書いた「パスワードは 9:30 に変更しました」「パスワード変更：10/1」「パスワードは R8.4.1 から変わります」、問い合わせ先の「暗証番号は 0120-123-456 にお問い合わせください」も止めません）。
    区切りの後が Wi-Fi の規格や暗号化方式の名前だけのもの（「パスワード：WPA2」「接続キー：WPA3-Personal」「パスワード：Wi-Fi 6対応」）や、
    どのアカウントのものかを示すサービスや製品の名前（「パスワード：Microsoft アカウントと同じ」「パスワード Windows11 と同じです」）や、同じパスワードを使う端末の型番（「パスワードは Pixel8 でも同じです」「パスワードは Xperia 10 でも同じです」「パスワードは Surface3 の設定画面で変更できます」。「パスワードは Pixel8 です」「パスワードは Pixel2026 でも同じです」は止めます）も止めません（「パスワード：WPA2 Personal（AES）」のように方式を括弧で添えたものも同じです。「パスワード：wpa2joetsu」「パスワード：WPA2 joetsu2026」は止め、規格名の後に書いたキーを伏せます）。
    避難所や施設のゲスト用 Wi-Fi のように案内のために載せるパスワードも、管理用のパスワードと見分けが
    つかないため止めます。Wi-Fi の話題の下書きでは、管理用でないことを確かめて理由を付けて決裁を
    依頼するよう、メッセージで案内します。Zoom などのオンライン説明会の参加用パスコード（「パスコード：482913」、英語の招待文の「Meeting ID: 812 3456 7890 Passcode 482913」や、参加 URL の「?pwd=…」）も、
    公開の説明会のために載せるものと庁内の会議のものとを見分けられないため止め、オンライン会議の話題の下書きでは、
    庁内の会議やホスト用のものでないことを確かめて理由を付けて決裁を依頼するよう案内します。

    鍵・金庫・ロッカーの番号や扉・倉庫のコードとして言い切った4〜12桁の数字（「鍵の番号：4821」「金庫：4821」
    「ロッカーの番号は 0815 です」「鍵の番号：4821 を入力して解錠」）も止めます（「ロッカー：100円」
    「ロッカーの番号は 15 番です」「コインロッカー：1205」「防災倉庫の番号は 0012 です」「よく使われる金庫の番号は1234です」、金融機関コードの
    「上越信用金庫：1141」、時刻の「鍵は 0830 に開けます」は対象外です）。
    かぎ括弧で分けて書き、つなげ方を添えたパスワード（「パスワードは「abc」と「123!」をつなげたものです」
    「PW：「koho」＋「2026!」」）や、順番を書いた「パスワードは Kessai の後に 2026! です」も、すべての部分を
    伏せて止めます（「「英字」と「数字」を組み合わせてください」「「A-Z」と「0-9」を組み合わせてください」の
    ような決まりは対象外です）。「パスワード変更のお知らせ」のようにパスワードそのものの変更を知らせる見出しの
    下に、行ごとに書いた「新：…」「旧：…」「変更後：…」も止めます（「パスワード管理研修の日程変更」の下の
    「変更前：10/5(Sun)」や「旧：9am-5pm」のような日付・時刻は対象外です）。ログインの後に
    戻ってきた URL の「/callback?code=…&state=…」のような OAuth の認可コード（ほかの URL の「?code=13201」や、
    ログイン画面・申込画面の「/login?code=…」は対象外です）、「ネットワーク：…」と並べた「キー：…」、Shopify（shpat_…）・PyPI（pypi-…）・Notion（ntn_…）・
    Atlassian（ATATT3…）・Postman（PMAK-…）・Square（sq0atp-…）・Mapbox の秘密トークン（sk.eyJ…。地図に
    載せる公開用の pk. は対象外です）・Grafana Cloud（glc_…）・Mailgun（key-…）のトークンも止めます。
    詐欺の注意喚起が例に挙げた番号（「届いたコード 482913 を教えてと言われたら詐欺です」、【詐欺の手口】の
    「被害者：暗証番号は4821です」のような会話）、「ID: ABC-123 / DEF-456」のように区切りのある同じ形の大文字と
    数字の番号を並べたもの、「Passcode 2026 workshop」のように英語の見出しの後の年に語が続く題名、「パスワード：
    ゆうびんでおくりました」のように送り方を書いた文は止めません（注意喚起の近くでも、「ID：koho01 PW：…」の
    ようなログイン情報、英字を含むパスワード、「…を教えてあげてください」のように伝えるよう頼んだ番号は止めます。
    「ID: KOHO01 / PASS99」や「Passcode 2026 Meeting ID …」も止めます）。

    2段階認証などの認証コード（「2段階認証のコード」も、用途や届き方で呼んだ「確認用コード」「2FAコード」「SMSで届いたコード」も、転送された「G-482913 があなたの Google 確認コードです」「G-482913 が あなたの Google の確認コードです」も）・確認コード・ワンタイムパスワード（OTP）・セキュリティコードに続けて書かれた 4〜8 桁の値
    （「認証コード：482913」）と、クレジットカードのセキュリティコード（「セキュリティコード 123」
    「CVV: 123」の 3〜4 桁）も止めます。アカウントに入るための一時的な値で、下書きと一緒に
    貼り付けてしまうことがあるためです。時間がたてば無効になりますが、その間に使われていないか、
    ログイン履歴と設定の確認を促します。「認証コードが届かない場合は」「確認コード（6桁）を入力」
    のような案内や、抽選の「確認番号」には反応しません。

    2段階認証のバックアップコード（リカバリーコード・復旧コード。「1234 5678」のような区切りや
    複数行の一覧も含めて）と、「アプリパスワード」に続く Google 形式の値（「abcd efgh ijkl mnop」）
    も止めます。バックアップコードは時間がたっても無効にならないので、発行し直しを促します。
    「バックアップコードは安全な場所に保管してください」のような案内には反応しません。
    """
    scam = _ScamWarning(doc)
    hits = [h for h in word_hits(doc, opts, "secret.txt", _MARK_MESSAGE) if not scam.quotes(h)]
    hits.extend(_marks(doc, opts))
    # A label or a token with a Cyrillic or Greek letter in it (「Pаssword:」) reads as the Latin one.
    hits = [h for h in hits if not _SAID_ABSENT.match(doc.text, h.end) and not _the_mark_named(doc.text, h.end)]
    credentials = find_credentials(doc.latin)
    if credentials:
        # Once per draft: a draft of many passwords must not read the whole text for each.
        about_wifi = bool(_WIFI.search(doc.norm))
        about_meeting = bool(_WEB_MEETING.search(doc.norm))
        hits.extend(_credential_hit(doc, c, about_wifi=about_wifi, about_meeting=about_meeting) for c in credentials)
    if not hits:
        return
    allow = allowed_spans(doc, load_sections("secret.txt").get("allow", ()))
    for hit in _one_per_place(hits):
        if not allow.covers(hit.start, hit.end):
            yield hit


def secret_value_spans(text: str) -> list[tuple[int, int]]:
    """Where the secret values written in ``text`` stand (code-point spans of ``text``): what
    confidential.secret masks, past a token's public prefix. For text kessai keeps and shows
    beyond a draft (an incident report of a leak pastes the leaked password)."""
    doc = Document(text)
    spans = [doc.span(c.value_start + c.shown, c.value_end) for c in find_credentials(doc.latin)]
    return [(a, b) for a, b in spans if a < b]


# A fraud warning quotes what the caller says: 「「口外しないで」と言われたら詐欺です」. Said-secrecy
# phrases in brackets, in a sentence about a scam, are the scammer's words, not the post's.
_SAID_SECRECY = re.compile(r"他言無用|口外")
_SCAM_WORDS = re.compile(r"詐欺|不審|手口|だま|騙|うそ|嘘|偽")
# The quote reported as what a caller says: 「「口外しないで」と言われたら」「「口外しないで」は詐欺です」.
_SAID_BY_CALLER = re.compile(
    r"」\s*(?:(?:と|って|などと)\s*(?:(?:言|い)われ|口止め|念を押され|(?:言|い)って(?:くる|きた|くれば))"
    r"|(?:と|って)\s*(?:言う|いう)|は詐欺|などと)"
)
# What a fraud warning tells the reader to do when told to keep quiet.
_ADVICE = re.compile(r"相談|警察|通報|家族|電話を切|消費生活センター|#9110|188")


class _ScamWarning:
    """Whether a said-secrecy phrase is a caller's words quoted by a fraud warning; the draft and
    each sentence are read once, however many hits there are."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.warning: bool | None = None  # the draft speaks of a scam
        self.advice: dict[tuple[int, int], bool] = {}  # a sentence tells the reader what to do

    def quotes(self, hit: Hit) -> bool:
        doc = self.doc
        if not _SAID_SECRECY.search(doc.text, hit.start, hit.end):
            return False
        quote = doc.enclosing_quote(hit.start, hit.end, 20)
        if quote is None or not _SAID_BY_CALLER.match(doc.text, quote[1], quote[1] + 12):
            return False  # 「この件は「口外しないで」ください」: the post's own instruction
        if self.warning is None:
            self.warning = bool(_SCAM_WORDS.search(doc.text))
        if self.warning:
            return True
        sentence = doc.sentence_at(hit.start)
        if sentence not in self.advice:
            self.advice[sentence] = bool(_ADVICE.search(doc.text, *sentence))
        return self.advice[sentence]


# A consultation not held yet or not at all (「意見募集前の資料」「パブコメ実施前のため」「意見募集は
# 行いません」) publishes nothing; nor does one named in a memo that keeps the draft in the office
# (「それまでは外部に出さないでください」「取扱注意」). 「住所・氏名は公表しません」 of a real
# public-comment notice is no such instruction.
_CONSULTATION_NOT_HELD = re.compile(
    r"(?:の)?(?:実施|開始|手続き?)?(?:の)?前"
    r"|(?:は|を)?(?:行い|行わ|実施し|実施せ|開催し|開催せ|いたし|致し|し)(?:ません|ない|ず)"
)
_KEPT_IN_OFFICE = re.compile(
    r"(?:外部|庁外|部外|外)に(?:は|も)?(?:出さ|漏らさ|流さ)(?:ない|ず)"
    r"|(?:公開|公表|発信|投稿|掲載|口外)(?:は|も)?(?:しないで|せずに|厳禁|不可)"
    r"|取り?扱い?注意|庁内限り|部外秘|公表前|公開前"
)


@rule(
    code="confidential.deliberation",
    severity="warning",
    summary="意思形成過程の情報（素案・（案）・未定稿・検討中の〜案）",
    clause="上越市 5(4)",
    fires=Example("検討中の新しい公共交通計画案をお知らせします。"),
    passes=Example("イベントのご案内です。開催は11月30日の予定です。"),
)
def deliberation(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """意思形成過程にある情報（素案、（案）、未定稿、検討中の〜案）を知らせます。

    上越市 5(4) は「意思形成過程にある政策や事業内容など、市の公式見解でないものは発信せず」、
    茅野市 4(7)⑧ は「重要施策の意思形成過程における情報（検討中の素案…）」の発信を禁じています。
    形態素単位で照合するので「案内」「予定」「提案」は反応しません。空白を入れた「（ 案 ）」「【 案 】」と、公表していない印を付けた
    「予算案（非公表）」「計画（非公開）」も知らせます（後者はパブリックコメントの投稿にあっても知らせます。「審議会（非公開）」のような
    会議のお知らせと、「この計画（非公開）については、お答えできません」のように載せないと伝えるもの、「応募者名簿（非公開）」は対象外です）。「ドラフト版」「【ドラフト】」も知らせます（「プロ野球
    ドラフト会議」は対象外です）。パブリックコメント・意見募集・縦覧や市民説明会・公聴会・意見交換会を告知する文の「（案）」「素案」、
    議会・定例会の投稿で議会に提出した議案を伝える「一般会計補正予算（案）など12件を提出しました」、「ロゴマーク（案）を3つ作りました。投票で決めます」
    のように投票で選んでもらう案は公表が目的なので反応しません（「12月定例会に提出予定の条例（案）」と、議会に触れない「補正予算（案）など5件を提出しました。庁議で審議します」は知らせます。パブリック
    コメント・意見募集・縦覧・投票や市民説明会・住民説明会・公聴会を告知する投稿では、別の文の「素案は市ホームページで閲覧できます」
    「素案がまとまりました」も同じです（「課長向け説明会」のような庁内の説明会は対象外です）。
    ただし「意見募集前」「パブコメ実施前」「意見募集は行いません」「説明会は開催しません」や、「外部に出さないでください」「取扱注意」
    のある庁内向けの文書では公表されていないので知らせます。「内部検討」
    「未定稿」「非公式案」は、そうした文にあっても庁内向けの印なので知らせます）。「正式決定前」と、施策（案・計画・
    予算・条例・新庁舎など）について書いた文の「個人的には」「私見」「個人的な意見」も知らせます
    （茅野市 4(7)⑧「それに対する個人的な意見」。「個人的にはこの景色が好きです」は対象外です）。
    「非公開の委員会で、〇〇の廃止が決まりそうです」のように非公開の会議で決まったこと・出た発言を伝える文と、「（内部情報）」
    「内部情報ですが」「まだ議会に出ていない話」も知らせます（「人事案件は非公開の会議で審議します」のような日程の
    お知らせは対象外です）。「まだ決まっていませんが」「正式決定ではありませんが」「審議中の案件ですが」「〜の案が有力」
    「まだ決定ではありませんが」「〜の方向で調整しています」「〜の方向で内部調整中です」は、「ここだけの話」と同じく施策・人事の文でだけ知らせます（「日程はまだ決まっていませんが、
    今年も花火大会を開催する予定です」、イベントや業務の進め方を伝える「新庁舎の見学会を開催する方向で調整しています」
    「会場はまだ決まっていませんが、新庁舎のお披露目イベントを予定しています」は対象外です）。「非公開の会議で決定した
    事項は後日公表します」のように、決まった中身を言わずに公表の予定を伝える文も対象外です。
    「庁内調整中」「内部で検討中」「課長会議の資料」「非公開の会議で決まった」「人事異動の内示」「まだ公表しないで」
    のように、庁内で決めている途中のことや公表前の人事を伝える言い回しも知らせます（「現在内部で検討中です。決まり次第
    お知らせします」のように、まだ決まっていないと答えるだけの文と、「課長会議の資料を市ホームページに掲載しました」は
    対象外です）。「ここだけの話」「オフレコ」
    「内緒ですが」「公表前ですが」「正式発表はまだですが」は、その文か前後の文に施策・人事（統合・廃止・予算・閉館・
    異動など）があるときだけ知らせます（「ここだけの話、夜桜がおすすめです」「ここだけの話、職員の異動シーズンは毎年
    バタバタです」のように毎年めぐる時期として書いたものは対象外です。「閉館の時期は来年3月に決まりました」は知らせます）。
    入札前（「入札は来週です」「入札前ですが」「公告前」「非公表」）の落札予定者と、金額を添えた予定価格・最低制限価格も
    知らせます（その価格の文かその次の文に「事前公表」「公表しました」「掲載しています」とあるもの、入札公告や入札結果の
    投稿は対象外です。「まだ公表していません」「公告はまだ」「前回の入札結果」は公表ではありません）。「入札を行います」
    「入札参加者を募集します」や「予定価格（税抜）：3,000万円」のように書いたお知らせの予定価格は、お知らせと一緒に公表する
    ものなので対象外です（「予定価格は非公表ですが」と書いたもの、最低制限価格と落札予定者は知らせます）。予定価格は、事前公表している価格なら「事前公表」と
    書き添えるよう、公表していない価格なら入札後まで発信しないよう伝えます。
    英語のお知らせの「planned price」「estimated price」「minimum limit price」「expected winner」なども、金額（「¥48,500,000」
    「120 million yen」）を添えて、入札（bid・tender）がまだ先か価格が公表前（「not yet announced」「The bid … is next week」
    「upcoming tender」）と書いた投稿で知らせます（「published in advance」「Bid results」「tender notice」「Invitation to tender」「Notice of bidding」のある投稿、入札のない
    「The estimated price of the new ski pass is ¥3,500」は対象外です）。
    """
    public = matcher("deliberation.txt", "public")
    hits: list[Hit] = list(
        word_hits(
            doc,
            opts,
            "deliberation.txt",
            "「{word}」は意思形成過程の情報です。公表してよい段階か確認してください。",
        )
    )
    # 「検討中の〜案」: a 案 morpheme (or a word ending in 案) after 検討中 in the same sentence.
    if "検討中" in doc.folded and "案" in doc.folded:
        toks = doc.tokens
        for i, t in enumerate(toks):
            if not t.surface.startswith("検討中"):
                continue
            for j in range(i + 1, min(i + 12, len(toks))):
                u = toks[j]
                if u.surface in ("。", "!", "?", "\n"):
                    break
                if u.surface.endswith("案") and u.surface not in ("提案", "答案", "懸案", "思案", "考案"):
                    hits.append(
                        Hit(
                            t.start,
                            u.end,
                            f"「{doc.text[t.start : u.end]}」は検討中の案です。決定前の内容を発信しないでください。",
                        )
                    )
                    break
    hits.extend(_spaced_or_unpublished_drafts(doc))
    # A post that announces a public consultation publishes its draft on purpose, whichever sentence
    # names the draft: 「【パブリックコメント】\n…素案に対するご意見を募集します。\n素案は市ホームページで
    # 閲覧できます。」 The weaker marks of [public] (説明会, お寄せください) may be about something
    # else in the post, so they count only in the draft's own sentence; and an opinion of one's own
    # stays the writer's, however public the draft it is about.
    consultation = matcher("deliberation.txt", "consultation")
    consulted = (
        consultation.present(doc)
        and any(not _CONSULTATION_NOT_HELD.match(doc.text, m.end) for m in consultation.find(doc))
        and not _KEPT_IN_OFFICE.search(doc.text)
    )
    drafts = {id(h) for h in hits}
    hits.extend(_opinions(doc))
    hits.extend(_off_record(doc))
    # 「非公開の会議で決まった」 is a listed word too: reported once, as the word.
    said_at = {h.start for h in hits}
    hits.extend(h for h in _closed_meeting(doc) if h.start not in said_at)
    hits.extend(_bid_secrets(doc))
    hits.extend(_en_bid_secrets(doc))
    internal = folded_set("deliberation.txt", "internal")
    council = _COUNCIL.search(doc.text) is not None  # once: read for every draft's 「〇件を提出しました」
    public_sentence: dict[tuple[int, int], bool] = {}
    for hit in sorted(hits, key=lambda h: h.start):
        if _holding_statement(doc, hit) or _papers_published(doc, hit):
            continue
        marked = any(w in fold(doc.text[hit.start : hit.end]) for w in internal)
        if not marked and consulted and id(hit) in drafts:
            continue
        sentence = doc.sentence_at(hit.start)
        if sentence not in public_sentence:  # once a sentence: a long one may hold many drafts
            public_sentence[sentence] = any(
                not _CONSULTATION_NOT_HELD.match(doc.text, m.end)
                and (council or not _COUNT_SUBMITTED.match(doc.text, m.start))
                for m in public.find(doc, within=sentence)
            )
        if not marked and public_sentence[sentence]:
            continue
        yield hit


# 「（ 案 ）」「【 案 】」: the stamp typed with spaces inside, which the list's 「（案）」 does not match; and a draft or a paper
# stamped as not published (「予算案（非公表）」「計画（非公開）」「資料（未公表）」), which no consultation makes public (deliberation.txt
# [internal]). Not 「審議会（非公開）」: a meeting held in closed session is an ordinary notice.
_SPACED_OR_UNPUBLISHED = re.compile(
    r"[（(【\[〔<＜](?:[ \t\u3000]+案[ \t\u3000]*|案[ \t\u3000]+)[）)】\]〕>＞]"
    r"|(?:案|計画|予算|資料|方針)\s*[（(【\[〔]\s*(?:非公表|非公開|未公表|未公開)\s*[）)】\]〕]"
)
# The paper named only to say it is not shown (「この計画（非公開）については、お答えできません」「資料（非公開）は掲載して
# おりません」): the post keeps it back. A roster or a list (「応募者名簿（非公開）」) is no draft at all.
_KEPT_BACK = re.compile(
    r"(?:掲載|公開|公表|お答え|回答|閲覧|お見せ|ご覧いただくこと)(?:は|を|が)?(?:して|いたして|すること)?(?:は)?"
    r"(?:おりません|いません|できません|できかねます|ございません)"
)


def _spaced_or_unpublished_drafts(doc: Document) -> Iterator[Hit]:
    if "案" not in doc.text and "公" not in doc.text:
        return
    kept_back: dict[tuple[int, int], bool] = {}  # per sentence: a long draft may hold thousands of stamps
    for m in _SPACED_OR_UNPUBLISHED.finditer(doc.text):
        sentence = doc.sentence_at(m.start())
        if sentence not in kept_back:
            kept_back[sentence] = _KEPT_BACK.search(doc.text, *sentence) is not None
        if not kept_back[sentence]:
            yield Hit(m.start(), m.end(), f"「{m.group()}」は意思形成過程の情報です。公表してよい段階か確認してください。")


# 「〇件を提出しました」 is of bills only in a post about the council (「【議会】12月定例会の議案の概要です。一般会計補正
# 予算（案）など12件を提出しました。」): 「計画（案）3件を提出しました。庁内で検討中です」 went to a superior.
_COUNT_SUBMITTED = re.compile(r"件を提出")
_COUNCIL = re.compile(r"議会|定例会|臨時会|議案|上程")

# 「〇〇プールの再開時期は、現在内部で検討中です。決まり次第お知らせします」: the city's holding answer says that
# nothing is decided and when it will say more. Only when the words end the statement and a promise follows:
# 「現在庁内調整中ですが、来年度からごみ袋の値上げを予定しています」 passes the undecided matter on.
_HOLDING_WORDS = ("内部で検討", "庁内調整中", "庁内で調整", "内部調整", "まだ公表できない", "まだ発表できない")
_HOLDING_END = re.compile(
    r"(?:ところ|の段階|段階)?(?:です|となっています|でございます)(?:[。.!！]|が[、,]?\s*(?=(?:決まり|決定し?|分かり|わかり|まとまり|確定し?)次第))"
)
_PROMISE = re.compile(r"(?:決まり|決定し?|分かり|わかり|まとまり|確定し?)次第|続報をお待ち|改めてお知らせ")
# 「課長会議の資料を市ホームページに掲載しました」「庁議の資料を公開しています」: a city that publishes the papers.
_PAPERS_PUBLISHED = re.compile(
    r"(?:を|は)(?:市ホームページ|ホームページ|HP|ウェブサイト)?(?:に|で)?(?:掲載|公開|公表)(?:しました|しています|いたしました|しております)"
)


def _holding_statement(doc: Document, hit: Hit) -> bool:
    if not any(w in doc.text[hit.start : hit.end] for w in _HOLDING_WORDS):
        return False
    end = hit.end
    while end < len(doc.text) and doc.text[end] in "中しているる":
        end += 1  # 「内部で検討」 of 「内部で検討中です」「内部で検討しているところです」
    if not _HOLDING_END.match(doc.text, end):
        return False
    a, b = doc.sentence_at(hit.start)
    if (following := doc.sentence_after(b - 1)) is not None:
        b = following[1]
    return _PROMISE.search(doc.text, hit.end, b) is not None


def _papers_published(doc: Document, hit: Hit) -> bool:
    said = doc.text[hit.start : hit.end]
    if said.startswith("非公開"):
        end = doc.sentence_at(hit.start)[1]
        return bool(_MINUTES_PUBLISHED.search(doc.text, hit.end, end) or _TO_BE_PUBLISHED.match(doc.text, hit.end, end))
    return said.endswith("の資料") and bool(_PAPERS_PUBLISHED.match(doc.text, hit.end))


# 「非公開の会議で決定した内容は、会議録として市ホームページに掲載しています」: a closed meeting's outcome the city has
# published itself.
_MINUTES_PUBLISHED = re.compile(
    r"(?:会議録|議事録|概要|結果|内容)[^。！？!?\n]{0,30}?(?:掲載|公開|公表)(?:しました|しています|いたしました|しております)"
)


# 「非公開の会議で決定した事項は後日公表します」: the city saying how it publishes what a closed meeting decides, right
# after the words, tells no outcome. Only right after them: 「非公開の会議で〇〇の廃止が決定し、詳細は後日公表します」
# has told one (that hit's words end at 決定 after the outcome, so this reads what follows it: 「し、詳細は」 is not a
# noun for the outcomes).
_TO_BE_PUBLISHED = re.compile(
    r"(?:した|された|され(?:た|る)|する)?(?:事項|内容|結果|こと|案件)(?:は|について(?:は)?|につきましては)[、,]?\s*"
    r"[^。！？!?\n]{0,20}?(?:公表|公開|掲載|お知らせ)(?:します|いたします|する予定です|の予定です|予定です)"
)


# A bid's undisclosed figures and the expected winner, before the bid is opened: 「来週入札の〇〇橋補修工事、落札予定は
# △△組です」「予定価格は1億2千万円です。入札は12月15日です」. Their leak decides who wins (上越市 5(4) 「市の業務の
# 遂行に支障を生じさせ」). A price the city publishes with the notice (事前公表、公告に記載) or after the opening
# (入札結果、開札) is public.
_BID_FIGURE = re.compile(r"落札予定者?|落札する予定|落札の予定|予定価格|最低制限価格|調査基準価格")
_BID_AHEAD = re.compile(
    r"入札前|公告前|開札前|非公表|入札(?:日)?は(?:来週|来月|明日|明後日|今度|[0-9０-９]+月[0-9０-９]+日)"
    r"|(?:来週|来月|明日|明後日|今度|次回|今後)[の、,]?入札|入札を(?:行い|実施し|執行し)ます(?![かが])"
)
# The post is itself the notice or the result (「【入札公告】」「入札結果：予定価格3,000万円」): everything in it is public.
# Not 「公告はまだ」「前回の入札結果は…」, which say nothing of this bid's figures.
_BID_NOTICE = re.compile(
    r"入札公告(?!前)|公告(?:しました|いたしました|を行いました|しています|に記載)"
    r"|(?<!前回の)(?<!過去の)(?:入札|開札|執行)結果|落札者(?:が|を|は)?決定"
)
# A notice sets the price out as only a notice does (「予定価格（税抜）：3,000万円」): its 予定価格 is published with it
# (事前公表); its 最低制限価格 seldom is, and the expected winner never is. A bid announced in a sentence
# (「入札を行います。予定価格は3,000万円です」) is not enough: many cities publish the price only after the opening, and
# the warning's advice (add 「事前公表」) clears it where the price is public. Not 「予定価格（税抜）は…」, said in passing.
# The tax may follow the amount as well (「予定価格：3,000万円（税抜）」), the same notice's line.
_BID_ANNOUNCED = re.compile(
    r"予定価格[（(](?:税抜き?|税込み?|消費税[^）)\n]{0,12})[）)][ \t]*[:：]?[ \t]*[0-9０-９]"
    r"|予定価格[ \t]*[:：][ \t]*[0-9０-９][0-9０-９,，.．]*[ \t]*(?:億[0-9０-９,，]*)?(?:万|千)?[ \t]*円[ \t]*"
    r"[（(](?:税抜き?|税込み?|消費税)"
)
# What the sentence of a figure (or the one after it) says of that figure: published (「事前公表しています」「予定価格は
# 公表しました」) or not set. Not 「まだ公表していません」, and only for its own figure: 「最低制限価格は2,700万円です。
# 予定価格は事前公表しています。」 publishes the 予定価格, not the 最低制限価格.
_BID_PUBLISHED = re.compile(
    r"事前公表(?!しません|しない|していません|されません|はしません|はしていません)"
    r"|(?:公表|掲載)(?:して(?:います|おります)|しました|いたしました|済)|開札しました"
    r"|設定しません|設けません|設定なし|設定していません"
)
# What the sentence of a figure (or the one after it) says keeps it secret: a notice's 予定価格 so described
# (「入札を行います。予定価格は非公表ですが、3,200万円です」) is not published with the notice.
_BID_KEPT = re.compile(r"非公表|公表(?:して(?:い|お)りません|していません|しません|前|はまだ|はしていません)|まだ公表")
_KANJI_NUMBER = "一二三四五六七八九十百千〇"
_AMOUNT = re.compile(
    r"[0-9０-９][0-9０-９,，.．]*\s*(?:千|万|億)?\s*(?:千|万)?\s*円|[0-9０-９][0-9０-９,，.．]*\s*(?:万|億)"
    rf"|[{_KANJI_NUMBER}]+(?:億|万)"
)
# An amount that is not the figure's own: another sum's (「予算額1億円のうち、予定価格は非公表です」) or a class of bids
# (「予定価格が250万円を超える工事は、予定価格を事前公表しません」, a rule of the city's, no price of a bid). Not a
# sum the figure is said to be (「予定価格は予算額3,000万円です」).
_OTHER_SUM = re.compile(r"(?<!価格)(?<!価格[はが:：])(?:予算額?|事業費|契約(?:金)?額|落札(?:金)?額|補助(?:金)?額?|設計金額)(?:は|が|[:：])?[ \t\u3000]*(?:約)?$")
_THRESHOLD = re.compile(r"[ \t\u3000]*(?:以上|以下|未満|超|を超える|を超え|以内)の?(?:工事|業務|委託|案件|入札|契約|もの|場合)")


def _bid_secrets(doc: Document) -> Iterator[Hit]:
    """入札前の予定価格・最低制限価格・落札予定者."""
    text = doc.text
    if not _BID_FIGURE.search(text) or _BID_NOTICE.search(text):
        return
    # 「予定価格（税込）3,300万円は、まだ公表していません」 says itself that the bid's price is not public yet: as much
    # before the bid as 「入札前」. Only for an amount named (below): 「落札予定者はまだ公表していません」 names no one.
    ahead = _BID_AHEAD.search(text) is not None
    if not ahead and not _BID_KEPT.search(text):
        return
    # Per sentence (a long draft of one sentence naming many prices was searched again for each): whether it, or
    # the next when that names no figure of its own, says the figure is published, and whether an amount is named.
    read: dict[tuple[int, int], tuple[bool, bool, bool]] = {}
    announced = _BID_ANNOUNCED.search(text) is not None
    for m in _BID_FIGURE.finditer(text):
        sentence = doc.sentence_at(m.start())
        if sentence not in read:
            a, b = sentence
            following = doc.sentence_after(b - 1)
            said_end = following[1] if following is not None and not _BID_FIGURE.search(text, *following) else b
            # 「予定価格は非公表ですが」 says the price is secret: its 公表 is no publication.
            published = _BID_PUBLISHED.search(text[a:said_end].replace("非公表", "非")) is not None
            named = any(not _OTHER_SUM.search(text, max(a, n.start() - 8), n.start()) and not _THRESHOLD.match(text, n.end())
                        for n in _AMOUNT.finditer(text, a, b if following is None else following[1]))
            kept = _BID_KEPT.search(text, a, said_end) is not None
            read[sentence] = (published, named, kept)
        published, named, kept = read[sentence]
        # A price is leaked only with its amount (「予定価格は入札後に公表します」 names none).
        # Only the 予定価格 is commonly published with the notice: a 最低制限価格 seldom is (the 国 asks that it not be).
        if published or ("価格" in m.group() and not named) or (announced and m.group() == "予定価格" and not kept):
            continue
        if not ahead and not (kept and "価格" in m.group()):
            continue
        # Many cities publish the 予定価格 with the notice (事前公表): the advice must fit that too. No winner is.
        if "価格" in m.group():
            message = (
                f"入札前の「{m.group()}」が書かれています。事前公表している価格なら、公告と同じ金額か確かめ、"
                "「事前公表」と書き添えてください。公表していない価格なら、入札が終わり、市が公表するまで発信しないでください。"
            )
        else:
            message = f"入札前の「{m.group()}」は公表していない情報です。入札が終わり、市が公表するまで発信しないでください。"
        yield Hit(m.start(), m.end(), message)


# The same in an English post (for the foreign-owned firms that bid too): 「The estimated price for the Takada bridge repair
# bid (not yet announced) is ¥48,500,000.」. Only a figure word with an amount in its sentence or the next, in a post
# that names a bid or tender and says it is still ahead or the figure unpublished: 「The estimated price
# of the new ski pass is ¥3,500」 has no bid, 「Bid results: planned price ¥48,500,000」 and 「(published in advance)」
# publish it, an auction's 「estimated price ¥5,000」 says nothing is ahead.
_EN_BID_FIGURE = re.compile(
    r"(?i)\b(?:planned|estimated|target|ceiling|reserve|minimum(?:[ \t]+(?:bid|limit))?|lowest(?:[ \t]+limit)?)[ \t]+"
    r"(?:bid[ \t]+|tender[ \t]+|contract[ \t]+)?price\b|\bexpected[ \t]+(?:winner|winning[ \t]+bidder)\b"
)
_EN_BID = re.compile(r"(?i)\b(?:bid|bids|bidding|tender|tenders|tendering|procurement)\b")
_EN_BID_AHEAD = re.compile(
    r"(?i)\bnot[ \t]+(?:yet[ \t]+)?(?:been[ \t]+)?(?:announced|public|published|disclosed|released|made[ \t]+public)\b"
    r"|\b(?:undisclosed|unpublished|unannounced|confidential|internal[ \t]+only)\b"
    r"|\bbefore[ \t]+(?:the[ \t]+)?(?:bid|bidding|tender|opening)\b"
    r"|\b(?:bid|bidding|tender)(?:[ \t]+opening|[ \t]+for[^.!?\n]{1,40}?)?[ \t]+(?:is|will[ \t]+be[ \t]+held|takes[ \t]+place)[ \t]+"
    r"(?:next|tomorrow|this|on[ \t]+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:mon|tue|wed|thu|fri|sat|sun)\.|"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[ \t]*[0-9]+|[0-9]+))\b"
    r"|\b(?:upcoming|next[ \t]+week's|next[ \t]+month's)(?:[ \t]+[a-z]+){0,3}?[ \t]+(?:bid|bidding|tender)\b"
)
_EN_BID_PUBLIC = re.compile(
    r"(?i)\b(?:published|announced|disclosed)[ \t]+in[ \t]+advance\b|\bbid(?:ding)?[ \t]+results?\b|\bresults?[ \t]+of[ \t]+the[ \t]+"
    r"(?:bid|bidding|tender)\b|\b(?:was|were|has[ \t]+been)[ \t]+awarded\b|\btender[ \t]+notice\b|\bwinning[ \t]+bid\b"
    # The 入札公告 itself, as `_BID_NOTICE` reads 「入札公告」: its price is the one it publishes.
    r"|\b(?:bid|bidding)[ \t]+notice\b|\bnotice[ \t]+of[ \t]+(?:a[ \t]+|the[ \t]+)?(?:bid|bidding|tender)\b"
    r"|\b(?:invitation|call)[ \t]+(?:to|for)[ \t]+(?:bids?|bidding|tenders?)\b"
)
_EN_AMOUNT = re.compile(r"(?i)[¥￥][ \t]*[0-9]|\b[0-9][0-9,.]*[ \t]*(?:million[ \t]+|billion[ \t]+)?yen\b")


def _en_bid_secrets(doc: Document) -> Iterator[Hit]:
    """予定価格・最低制限価格・落札予定者 in English, before the bid."""
    text = doc.text
    if not text.isascii() and not any(c in text for c in "¥￥") and "yen" not in text.lower():
        return
    # Whether the bid is ahead is read in the whole post, as 「入札は来週です」 is: 「The bid for the bridge repair is next
    # week. The planned price is ¥48,500,000.」.
    if _EN_BID_PUBLIC.search(text) or not _EN_BID.search(text) or not _EN_BID_AHEAD.search(text):
        return
    for m in _EN_BID_FIGURE.finditer(text):
        a, b = doc.sentence_at(m.start())
        if (following := doc.next_in_paragraph(b)) is not None:
            b = following[1]
        named = m.group().lower().startswith("expected") or _EN_AMOUNT.search(text, a, b) is not None
        if named:
            yield Hit(
                m.start(),
                m.end(),
                f"入札前の「{m.group()}」（予定価格・最低制限価格・落札予定者）が書かれています。事前公表している価格なら、"
                "公告と同じ金額か確かめ、「published in advance」と書き添えてください。公表していない価格なら、入札が終わり、"
                "市が公表するまで発信しないでください。",
            )


# 「非公開の委員会で、〇〇公園の廃止が決まりそうです」: what a closed meeting decided or heard, told before the city
# publishes it. Only with an outcome (決まった・了承・発言…): a schedule says a meeting is closed (「人事案件は非公開の会議で
# 審議します」「一部非公開の会議を含みます」), and the city's own summary says when it will publish (「会議の概要は後日公表します」).
_CLOSED_MEETING = re.compile(
    r"非公開(?:の|で(?:行われた|開かれた|開催された)|で行った)?"
    r"(?:会議|委員会|審議会|協議会|部分|会合|打ち合わせ|打合せ|協議|懇談会|勉強会|全員協議会)(?:で|において|では|の中で|の場で)"
    r"[^。！？!?\n]{0,40}?"
    r"(?:決ま(?:った|りました|りそう|り(?!次第)|る見込み|る方向)|決定(?:した|しました|しそう|し|され|する見込み)|了承(?:され|し)|合意(?:し|され)"
    r"|発言(?:し|があ)|方針(?:が|を)示|明らかにし|内定)"
)


def _closed_meeting(doc: Document) -> Iterator[Hit]:
    if "非公開" not in doc.text:
        return
    for m in _CLOSED_MEETING.finditer(doc.text):
        yield Hit(
            m.start(),
            m.end(),
            "非公開の会議の中身は、市が公表するまで発信できません。公表済みの内容か確認してください。",
        )


def _off_record(doc: Document) -> Iterator[Hit]:
    """「ここだけの話、新庁舎の建設地は駅前で決まりそうです」: a matter passed on as not for the public."""
    off = matcher("deliberation.txt", "off_record")
    if not off.present(doc):
        return
    policies = context_words("deliberation.txt", "policies")
    topics = context_words("deliberation.txt", "off_record_topics")
    # Per sentence: a draft of one long sentence holds many 「ここだけの話」, each asking of the same sentence.
    about: dict[tuple[int, int], bool] = {}
    for start, end in merged((m.start, m.end) for m in off.find(doc)):
        sentence = doc.sentence_at(start)
        if _arranging_event(doc, start, end, sentence):
            continue
        spans = [sentence]
        # 「オフレコでお願いします。」 on its own is about the sentence after it; 「まだ非公表です。」 about the one before.
        if (following := doc.sentence_after(sentence[1] - 1)) is not None:
            spans.append(following)
        if sentence[0] > 0:
            spans.append(doc.sentence_at(sentence[0] - 1))
        if any(policies.found(doc, s) or _off_record_topic(doc, topics, s, about) for s in spans):
            yield Hit(
                start,
                end,
                f"「{doc.text[start:end]}」として伝える施策や人事は、公表前の情報です。"
                "市が公表した内容か確認し、公表前なら発信しないでください。",
            )


# 「見学会を開催する方向で調整しています」「会場はまだ決まっていませんが、お披露目イベントを予定しています」: how an event
# or a service will be held, which staff announce every week; 意思形成過程 (茅野市 4(7)⑧) is about the policy itself
# (「〇〇支所は廃止する方向で調整しています」「まだ決まっていませんが、〇〇小学校は統合になる見込みです」), which stay told.
_EVENT_DIRECTION = re.compile(r"(?:開催|実施|行う|開く|運行|開館)(?:する|の)?$")
_EVENT_DETAIL = re.compile(r"(?:日程|日時|開催日|会場|時間|集合場所|詳細|内容)(?:は|が|など|等)?$")
_EVENT = re.compile(
    r"開催|イベント|見学会|説明会|お披露目|講座|教室|講演会|まつり|祭り|式典|大会|展示|ツアー|募集"
)


def _arranging_event(doc: Document, start: int, end: int, sentence: tuple[int, int]) -> bool:
    said = doc.text[start:end]
    before = max(sentence[0], start - 6)
    if said.startswith("方向"):
        return _EVENT_DIRECTION.search(doc.text, before, start) is not None
    if "決" in said:  # まだ決まっていませんが・正式決定ではありませんが…
        return bool(_EVENT_DETAIL.search(doc.text, before, start) and _EVENT.search(doc.text, *sentence))
    return False


# A topic named as a time of year (「異動シーズン」「人事異動の時期」「入札の季節」) is talk of the season, not of a
# decision: 「ここだけの話、職員の異動シーズンは毎年バタバタです」 tells no one's move.
_SEASON = frozenset(("シーズン", "時期", "季節", "頃", "コロ"))  # surfaces are folded to katakana
# Only a season that comes round (「毎年」「例年」): 「閉館の時期は来年3月に決まりました」「異動の時期は4月です」 tell
# the decision itself, and 「今年の異動シーズンで田中課長は部長になります」 a move.
_RECURRING = re.compile(r"毎年|例年|恒例|毎回|毎度|いつも|この(?:時期|季節|シーズン)")


def _off_record_topic(
    doc: Document, topics: ContextWords, span: tuple[int, int], about: dict[tuple[int, int], bool]
) -> bool:
    """Whether ``span`` names an [off_record_topics] matter other than as a season (memoised in ``about``)."""
    if span not in about:
        tokens = doc.tokens
        about[span] = False
        recurring = _RECURRING.search(doc.text, *span) is not None
        for i in topics.occurrences(doc, span):
            j = i + 1
            if j < len(tokens) and tokens[j].surface == "ノ":
                j += 1
            if not recurring or j >= len(tokens) or tokens[j].surface not in _SEASON:
                about[span] = True
                break
    return about[span]


def _opinions(doc: Document) -> Iterator[Hit]:
    """An opinion of one's own on a policy (「新庁舎の建設案について、個人的には反対です」)."""
    opinions = matcher("deliberation.txt", "opinions")
    if not opinions.present(doc):
        return
    policies = context_words("deliberation.txt", "policies")
    for start, end in merged((m.start, m.end) for m in opinions.find(doc)):
        if policies.found(doc, doc.sentence_at(start)):
            yield Hit(
                start,
                end,
                f"施策への個人的な意見（「{doc.text[start:end]}」）は、市の公式見解と受け取られます。"
                "意思形成過程にある施策について、個人の意見は発信しないでください。",
            )
