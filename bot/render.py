"""Block Kit rendering: domain views in, Slack message/view dicts out (pure).

Everything a person wrote reaches Slack either as plain_text with emoji off (the draft, alt texts, the
note and the reasons: shown exactly as written, since the approver decides on those characters) or
through ``escape`` in mrkdwn (names from the organisation file, excerpts in findings), so ``<!channel>``
or ``<@U…>`` in a draft is shown, never sent.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from itertools import accumulate
from typing import Any, TypeVar

from bot.attachments import AttachedFile, kind_ja
from bot.calendar import DEFAULT_TZ, zone_label_ja
from bot.config import look_alike_key
from bot.graphemes import cut_at_or_before, shortened
from bot.publication import PLATFORM_JA, URL_MAX
from bot.rules import Finding
from bot.rules.misc import consent_stated
from bot.rules.text import Document

SEVERITY_ICON = {"error": ":x:", "warning": ":warning:", "info": ":information_source:"}
SEVERITY_JA = {"error": "エラー", "warning": "警告", "info": "情報"}
WEEKDAYS_JA = "月火水木金土日"

REJECT_REASONS: list[tuple[str, str]] = [
    ("typo", "誤字・脱字があります"),
    ("facts", "事実関係の確認が必要です"),
    ("wording", "表現が不適切です"),
    ("privacy", "個人情報・機密情報が含まれています"),
    ("timing", "投稿の時期・時間帯が適切ではありません"),
    ("rights", "画像・引用の権利確認が必要です"),
]
CATEGORY_JA = {"normal": "通常", "emergency": "緊急・災害", "template": "定型文", "reply": "簡易な返信"}

# action_ids and callback_ids of the workflow (contracts: the manifest and tests name them).
OVERRIDE_ACTION = "override_draft"
REVISE_ACTION = "revise_draft"
REVISE_CALLBACK = "revise_draft_form"
OVERRIDE_CALLBACK = "override_reason"
OVERRIDE_BLOCK = "override_reason"
OVERRIDE_INPUT = "override_text"
CHOOSE_ACCOUNT_ACTION = "choose_account"
PUBLISH_ACTION = "mark_published"
PUBLISH_CALLBACK = "publish_post"
TEMPLATE_CALLBACK = "template_add"
TEMPLATE_DONE_CALLBACK = "template_added"  # the notice that replaces it (nothing to submit)
REVISED_CALLBACK = "revision_recorded"  # a revision form sent again after it was recorded (nothing to submit)
DRAFT_CALLBACK = "submit_draft"
SHORTCUT_CALLBACK = "submit_as_draft"

REJECT_CALLBACK = "reject_reason"
REJECT_REASON_BLOCK = "reason"
REJECT_REASON_ACTION = "reason_text"
REJECT_PRESET_BLOCK = "presets"
REJECT_PRESET_ACTION = "preset_reasons"

# Slack refuses section text over 3,000 characters (counted after escaping).
SECTION_LIMIT = 3000
# Slack also refuses a message whose blocks hold more than about 12,000 characters of text in all
# (msg_blocks_too_long, undocumented): what a message shows of a draft fits in what is left.
MESSAGE_TEXT_BUDGET = 11_000
# What the request's fields (account … note, alt texts) may take of it, leaving the rest to the draft.
FIELDS_BUDGET = 6_000
# What each reason in a request DM (the author's for an override, the decider's for a rejection)
# may take of it, so that the draft keeps its room; the thread has the whole of either.
DM_REASON_ROOM = 2_900
FINDINGS_DISPLAY_LIMIT = 20

_T = TypeVar("_T")


def escape(text: str) -> str:
    """Escape the three characters Slack's mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# How "no account" is named wherever kessai names it: an incident about no particular account, a
# draft whose account is not chosen yet. App Home said 「（アカウント未選択）」 for the latter, so one
# state had two names, and brackets a screen reader speaks as 「かっこ」.
NO_ACCOUNT_JA = "アカウント指定なし"


def unlisted_account(account_id: str) -> str:
    """How an account the organisation file no longer lists is named, wherever kessai names it (an
    incident's alert and re-alert, App Home, a reminder): the alert said the bare id and App Home
    「（設定にないアカウント: id）」, two names for one account. Words, not brackets and a colon, which
    a screen reader speaks as 「かっこ」「コロン」. Not escaped: callers escape as for any name."""
    return f"設定にないアカウント {account_id}"


def clean_text(text: str) -> str:
    """Drop characters Slack or a database may reject (NUL, lone surrogates) before echoing."""
    text = text.replace("\x00", "")
    return text.encode("utf-8", "replace").decode("utf-8")


# Characters that show nothing though they are not spaces: format characters (zero-width space,
# word joiner, BOM), controls, and letters drawn blank (Hangul fillers, the braille blank).
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800")


def visible_length(text: str) -> int:
    """How many characters of ``text`` a reader sees: a required reason or description of only
    zero-width characters is as empty as one of spaces."""
    return sum(1 for ch in text if not (ch.isspace() or ch in _BLANK_LETTERS
                                        or unicodedata.category(ch) in ("Cf", "Cc", "Cs")))


def says_something(text: str) -> bool:
    """Whether ``text`` has a word in it (a letter or a digit of any script): a reason of only
    emoji, emoji codes or punctuation (「🙅」「:x:」「:了解:」「。。。」「×」) tells its reader nothing
    to act on. A code is one Slack draws (_DRAWN_CODE): a workspace's emoji named in Japanese is a
    picture as much as 「:x:」; digits alone (「:30:」) name none and are kept."""
    def picture(m: re.Match[str]) -> str:
        return m.group(0) if m.group(0)[1:-1].isdigit() else ""
    return any(unicodedata.category(ch)[0] in "LN" for ch in _DRAWN_CODE.sub(picture, text.lower()))


# What a quote may take once escaped: with a label before it and its note after, it stays within
# a section's 3,000 characters (「>>12」 quoted from a bulletin board escapes to four times as many).
QUOTE_ROOM = 2_700


def quote(text: str, limit: int, *, rest: str = "") -> str:
    """A short preview (lists, modals): at most ``limit`` characters, and no more than fit in
    QUOTE_ROOM escaped, cut between characters (never inside ``&amp;``), saying so when cut, and
    then ``rest`` (where the whole can be read)."""
    text = clean_text(text)
    out, shown = _quoted(text, limit)
    if shown < len(text):
        out.append(f"\n_（全 {len(text):,} 文字のうち先頭 {shown:,} 文字を表示しています{'。' + rest if rest else ''}）_")
    return "".join(out)


def quote_is_cut(text: str, limit: int) -> bool:
    """Whether ``quote(text, limit)`` shows less than the whole of ``text``."""
    text = clean_text(text)
    return _quoted(text, limit)[1] < len(text)


def _quoted(text: str, limit: int) -> tuple[list[str], int]:
    """The quote's pieces of ``text`` (cleaned), and how many of its characters they show."""
    out = [">"]
    size = shown = 0
    for ch in text[:limit]:
        e = "\n>" if ch == "\n" else escape(ch)
        if size + len(e) > QUOTE_ROOM:
            break
        out.append(e)
        size += len(e)
        shown += 1
    return out, shown


def pack(lines: Sequence[tuple[str, int]], limit: int = SECTION_LIMIT) -> list[tuple[str, int]]:
    """Lines of mrkdwn (each with the characters of the draft it shows) joined into as few texts
    of at most ``limit`` characters as they fit in, in order."""
    texts: list[tuple[str, int]] = []
    cur: list[str] = []
    size = shown = 0
    for line, n in lines:
        if cur and size + 1 + len(line) > limit:
            texts.append(("\n".join(cur), shown))
            cur, size, shown = [], 0, 0
        cur.append(line)
        size += len(line) + (1 if len(cur) > 1 else 0)
        shown += n
    if cur:
        texts.append(("\n".join(cur), shown))
    return texts


def _first_fitting(lines: Sequence[tuple[str, _T]], budget: int) -> list[tuple[str, _T]]:
    """The leading ``lines`` whose text, one per line, takes at most ``budget`` characters."""
    kept: list[tuple[str, _T]] = []
    used = 0
    for line, n in lines:
        if used + len(line) + 1 > budget:
            break
        kept.append((line, n))
        used += len(line) + 1
    return kept


def text_size(blocks: Any) -> int:
    """How much text blocks hold in all (every ``text`` string), as Slack's message limit counts."""
    if isinstance(blocks, dict):
        return sum(len(v) if k == "text" and isinstance(v, str) else text_size(v) for k, v in blocks.items())
    if isinstance(blocks, list):
        return sum(text_size(b) for b in blocks)
    return 0


def _draft_spans(text: str, limit: int = SECTION_LIMIT) -> list[tuple[int, int]]:
    """Where to cut ``text`` into sections of at most ``limit`` characters: at a line break when
    there is one (the break itself is the gap between two sections), else between characters."""
    spans: list[tuple[int, int]] = []
    pos = 0
    while pos < len(text):
        end = pos + limit
        if end >= len(text):
            spans.append((pos, len(text)))
            break
        br = text.rfind("\n", pos, end + 1)
        if br > pos:
            spans.append((pos, br))
            pos = br + 1
            continue
        cut = cut_at_or_before(text, end, pos)
        spans.append((pos, cut))
        pos = cut
    return spans


def draft_section(text: str) -> dict[str, Any]:
    """A section showing what a person wrote exactly as the SNS will show it: plain text, so that
    Slack neither formats it (「*」「_」「~」「`」 around words), nor draws 「:smile:」 as a picture
    the post will not have, nor reads 「&amp;」 as 「&」. At most SECTION_LIMIT characters."""
    return {"type": "section", "text": {"type": "plain_text", "text": text, "emoji": False}}


def whole_text_blocks(heading: str, text: str) -> list[dict[str, Any]]:
    """``heading`` (mrkdwn), then the whole of what a person wrote as ``draft_section`` shows it,
    in sections cut at its line breaks: a report quoted in mrkdwn escapes 「&」「<」「>」 to up to
    five characters each, and a long line of them would not fit in one section."""
    text = clean_text(text)
    return [*sections(heading), *(draft_section(text[s:e]) for s, e in _draft_spans(text) if text[s:e].strip())]


def draft_preview(text: str, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` characters of what a person wrote, as ``draft_section`` shows it (a
    form's preview of the draft, or what was typed given back to be copied), saying so when cut."""
    text = clean_text(text).strip("\n")
    end = cut_at_or_before(text, limit)
    shown = [draft_section(text[:end])] if text[:end].strip() else []
    if end < len(text):
        shown.append(context(f"_（全 {len(text):,} 文字のうち先頭 {end:,} 文字を表示しています）_"))
    return shown


def draft_blocks(text: str, *, budget: int, where: str = "受付チャンネルの元のメッセージ") -> list[dict[str, Any]]:
    """The draft as plain text sections of at most ``budget`` characters in all: the whole of it
    whenever it fits (what an approver decides on must be readable), else as much as fits and a
    note saying how much is shown and where the rest is. The operator posts what they copy from
    here (a draft made in the form has no message of its own), so it is never marked up."""
    text = clean_text(text)
    spans = _draft_spans(text)
    if sum(e - s for s, e in spans) > budget:
        room = budget - 200  # the note's
        kept: list[tuple[int, int]] = []
        for s, e in spans:
            if e - s > room:
                # As much of the next section as fits: a long paragraph is one whole section, so
                # with a little under 3,200 left none of it was shown (「先頭 0 文字」).
                cut = cut_at_or_before(text, s + room, s) if room > 0 else s
                if cut > s:
                    kept.append((s, cut))
                break
            kept.append((s, e))
            room -= e - s
        shown = kept[-1][1] if kept else 0
        return [*(draft_section(text[s:e]) for s, e in kept if text[s:e].strip()),
                context(f"全 {len(text):,} 文字のうち先頭 {shown:,} 文字を表示しています。"
                        f"続きは{where}でご確認ください（決裁は全文に対して記録されます）。")]
    # Slack refuses an empty text; a section of nothing but line breaks shows nothing anyway.
    return [draft_section(text[s:e]) for s, e in spans if text[s:e].strip()]


def fmt_time(t: datetime | None) -> str:
    if t is None:
        return "指定なし"
    return f"{t.year}年{t.month}月{t.day}日（{WEEKDAYS_JA[t.weekday()]}）{t:%H:%M}"


def fmt_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日（{WEEKDAYS_JA[d.weekday()]}）"


def and_more(n: int, unit: str = "件") -> str:
    """The count of what a list leaves out: 「ほか 3 件」, one spacing wherever it is said (it was
    「 ほか3件」, 「　ほか 3件」, 「ほか 3件」 and 「 ほか3名」 in one message's different parts). After
    a list joined with 「、」 it follows another 「、」."""
    return f"ほか {n} {unit}"


def fmt_days(first: date, last: date) -> str:
    """Days from ``first`` to ``last``: one day is named once (「12月7日から12月7日まで」 reads as a machine's)."""
    if first == last:
        return fmt_date(first)
    return f"{fmt_date(first)}から{fmt_date(last)}まで"


# Below this many hours a wall-clock duration reads best in hours (「26時間」); from it, in days.
_HOURS_BEFORE_DAYS = 48


def fmt_duration(d: timedelta, *, day: timedelta | None = None) -> str:
    """A duration as people say it: 「45分」, 「1時間30分」, 「26時間」, 「3日と5時間」.

    Every duration shown to people goes through here. Wall-clock durations (``day`` is None)
    stay in hours up to two days, as one says 「26時間」 rather than counting days; from two days
    on, whole days and hours (minutes no longer matter). With ``day`` given (one working day of
    business time), whole working days come first: 「1日と2時間」. Seconds are dropped.
    """
    minutes = int(d.total_seconds() // 60)
    if minutes < 1:
        return "1分未満"

    def hours_minutes(m: int) -> str:
        h, m = divmod(m, 60)
        return (f"{h}時間" if h else "") + (f"{m}分" if m else "")

    if day is not None and day > timedelta(0):
        days, rest = divmod(minutes, int(day.total_seconds() // 60))
    elif minutes < _HOURS_BEFORE_DAYS * 60:
        days, rest = 0, minutes
    else:
        days, rest = divmod(minutes, 24 * 60)
        rest -= rest % 60  # 「3日と5時間」: minutes are noise at this scale
    if not days:
        return hours_minutes(rest)
    return f"{days}日" + (f"と{hours_minutes(rest)}" if rest else "")


@dataclass(frozen=True)
class DraftView:
    id: int
    version: int
    account_name: str
    platform: str
    author_id: str
    author_name: str
    text: str
    scheduled_at: datetime | None
    findings: Sequence[Finding] = ()
    override_reason: str | None = None
    approver_names: Sequence[str] = field(default_factory=tuple)
    category: str = "normal"
    image_count: int = 0
    alt_texts: Sequence[str] = ()
    video_count: int = 0
    portrait_consent: bool = False
    note: str | None = None
    files: Sequence[AttachedFile] = ()  # every file attached to the draft's message, pictures included
    source: str = "channel"  # channel | modal | shortcut: whether its author can edit the message
    content_hash: str = ""  # of this version; its decision buttons carry a prefix of it
    # Slack mentions left in the text (「@春日山 一郎」, 「@channel」): see slack_mentions.
    slack_mentions: Sequence[str] = ()
    # Channel links Slack would not name, left as their ids (「#C0123ABCD」): see unnamed_channels.
    unnamed_channels: Sequence[str] = ()

    @property
    def revisable_by_form(self) -> bool:
        """The bot wrote this draft's message, so its author corrects it with 「修正する」, not an edit."""
        return self.source != "channel"


# What a Slack mention becomes in a draft's text (handlers.slack_text): 「@」 and the member's name
# from the organisation file, the bare id of someone not in it, or @here / @channel / @everyone.
_SPECIAL_MENTION = r"(?:here|channel|everyone)(?![A-Za-z0-9_])|[UW][A-Z0-9]{6,}(?![A-Za-z0-9_])"


@functools.lru_cache(maxsize=8)
def _mention_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    # Longest first, so 「@上越 花子」 is not cut to a shorter name it begins with.
    alternatives = [re.escape(n) for n in sorted(set(names), key=len, reverse=True) if n]
    # Not after a letter, digit or dot: 「press@channel.jp」 is an address, not a mention.
    return re.compile(r"(?<![A-Za-z0-9._%+\-])@(?:" + "|".join([_SPECIAL_MENTION, *alternatives]) + ")")


def slack_mentions(text: str, member_names: Sequence[str]) -> tuple[str, ...]:
    """The Slack mentions in a draft's ``text``, each once, in order. In Slack they call a colleague;
    on the SNS they are only those characters (or, after 「@」 in ASCII, another account's name)."""
    if "@" not in text:
        return ()
    found = _mention_pattern(tuple(member_names)).findall(text)
    return tuple(dict.fromkeys(found))


# A channel linked in a draft that conversations.info did not name (a private channel the bot is
# not in, Slack not answering): handlers.slack_text keeps its id after the 「#」. Slack's channel ids
# are C or G, a digit, then capitals and digits (9 or 11 in all; 8 let through); an English hashtag
# of that shape (all capitals, a digit second) is rare, and the note only asks that it be looked at.
_UNNAMED_CHANNEL = re.compile(r"(?<![A-Za-z0-9_/.:=&?%#-])#([CG][0-9][A-Z0-9]{6,9})(?![A-Za-z0-9_])")
# Except the one such hashtag municipalities do post: a summit or ministers' meeting held there,
# G7/G8/G20 and the place (#G7NIIGATA, #G20OSAKA, #G7HIROSHIMA), told it was a channel's id and
# to rewrite it. A private channel's old G id of that shape (G, 1-9, then letters) loses the note:
# the ids seen in Slack's documentation and in workspaces begin G0, and the note is only advice.
_SUMMIT_HASHTAG = re.compile(r"G[1-9][0-9]?[A-Z]{4,}[0-9]{0,4}")


def unnamed_channels(text: str) -> tuple[str, ...]:
    """The channel ids left in a draft's ``text`` where a channel's name was linked, each once, in
    order: on the SNS they are posted as those characters, not the hashtag the author typed."""
    if "#" not in text:
        return ()
    return tuple(dict.fromkeys("#" + m for m in _UNNAMED_CHANNEL.findall(text) if not _SUMMIT_HASHTAG.fullmatch(m)))


def channel_note(view: DraftView, *, approver: bool) -> str | None:
    """A plain note, for the author or (``approver``) the approver, that the text holds channel ids."""
    if not view.unnamed_channels:
        return None
    shown = "、".join(f"「{escape(c)}」" for c in view.unnamed_channels[:5])
    more = f"、{and_more(len(view.unnamed_channels) - 5)}" if len(view.unnamed_channels) > 5 else ""
    fix = ("意図した文字でなければ、差し戻してください。" if approver else
           ("「修正する」" if view.revisable_by_form else "元のメッセージの編集") +
           "でハッシュタグを書き直してください（非公開チャンネルなら、ボットをそのチャンネルに招待してから直すと、チャンネル名になります）。")
    return (f":speech_balloon: 文面の{shown}{more}は Slack のチャンネルの ID です。「#」に続けて入力したハッシュタグを "
            "Slack がチャンネルへのリンクにしましたが、kessai がチャンネル名を取得できませんでした（ボットが参加していない"
            "非公開チャンネルか、Slack が一時的に応答しなかったためです）。SNS にはこの ID のまま投稿されます。" + fix)


def mention_note(view: DraftView, *, approver: bool) -> str | None:
    """A plain note, for the author or (``approver``) the approver, that the text names Slack members."""
    if not view.slack_mentions:
        return None
    shown = "、".join(f"「{escape(m)}」" for m in view.slack_mentions[:5])
    more = f"、{and_more(len(view.slack_mentions) - 5)}" if len(view.slack_mentions) > 5 else ""
    return (f":speech_balloon: 文面に Slack のメンション（{shown}{more}）があります。SNS では Slack の職員への呼びかけには"
            "ならず、この文字のまま投稿されます（「@」の後が英数字のときは、その名前の SNS アカウントあての投稿になることが"
            "あります）。" + ("SNS に載せる必要がなければ、差し戻してください。" if approver else
                            "SNS に載せる必要がなければ、削除してください。"))


@dataclass(frozen=True)
class DecisionView:
    kind: str  # approved | rejected
    decider_name: str
    decided_at: datetime
    reason: str | None = None
    acting_for_name: str | None = None


# Enough of the content hash to tell two versions apart, short enough for Slack's button value.
REF_HASH_CHARS = 16


def version_ref(draft_id: int, version: int, content_hash: str) -> str:
    """The value of a button (and a form's metadata) about one version of a draft: the draft, the
    version and a prefix of the hash of the content shown. Draft numbers are handed out again after
    the database is restored from a backup, so without the hash a button from before the restore
    would act on a different draft (approve it, send it on, mark it published)."""
    ref = f"{draft_id}:{version}"
    return f"{ref}:{content_hash[:REF_HASH_CHARS]}" if content_hash else ref


# The bot's own emoji codes, standing as words (「:bell: 」「第1版: :white_check_mark: 」), not a time's colons.
_OWN_EMOJI = re.compile(r"(?:(?<=\s)|^):(?=[a-z0-9_+-]*[a-z])[a-z0-9_+-]+:(?:\s+|$)")
_LABELLED_LINK = re.compile(r"<(?:https?://|mailto:)[^|>]*\|([^>]*)>")
_OWN_MENTION = re.compile(r"<(?:@[UW][A-Z0-9]+|!(?:channel|here|everyone)|!subteam\^[A-Z0-9]+)>")
# A mention the sentence names someone by (「<@U…> さんに、…お願いしました」) stays where it is: moved
# to the end, it left 「さんに、…」 without the person. It pings there as well.
_MOVED_MENTION = re.compile(_OWN_MENTION.pattern + r"(?!\s*さん)")
_MRKDWN_MARK = re.compile(r"(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|(?<![\w])_(?=\S)|(?<=\S)_(?![\w])|`")
_ENDS_SENTENCE = ("。", "）", "」", "！", "？")


def preview(mrkdwn: str) -> str:
    """The ``text`` of a message whose blocks show ``mrkdwn``: what a phone's notification, its lock
    screen and the channel list show of it. The same sentences without mrkdwn marks or the bot's
    emoji codes (a lock screen draws neither), without quoted lines — a draft's or a report's own
    words, which a lock screen shows to whoever is near it, and which may hold a phone number or a
    password the blocks show only in Slack — and with the bot's mentions moved to the end, so that
    the first words say what happened and what is asked rather than a row of ids; they still ping."""
    pieces: list[str] = []
    mentions: list[str] = []
    for line in mrkdwn.split("\n"):
        if line.startswith((">", "&gt;")):
            # The label of the quote (「*まとめ:*」) says nothing without it, when something else
            # does (the title, a sentence before it): alone, the preview came out empty.
            if len(pieces) > 1 and pieces[-1].endswith((":", "：")):
                pieces.pop()
            continue
        mentions += [m for m in _MOVED_MENTION.findall(line) if m not in mentions]
        bare = _MOVED_MENTION.sub("", line)
        bare = _OWN_EMOJI.sub("", bare.strip()).strip()
        # A first line in bold is the message's title (「*決裁のお願い*」): what follows is about it.
        title = not pieces and bare.startswith("*")
        bare = _MRKDWN_MARK.sub("", _LABELLED_LINK.sub(r"\1", bare)).strip()
        if bare:
            pieces.append(bare + ("：" if title and not bare.endswith(_ENDS_SENTENCE[0]) else ""))
    out = ""
    for piece in pieces:
        out += piece if not out or out.endswith(("：", *_ENDS_SENTENCE)) else " " + piece
    return " ".join([out.removesuffix("："), *mentions]).strip()


def message(text: str, blocks: list[dict[str, Any]]) -> dict[str, Any]:
    # ``text`` is the notification/fallback; mentions in it are escaped like the blocks.
    return {"text": text, "blocks": blocks}


HEADER_LIMIT = 150


def header(text: str) -> dict[str, Any]:
    # Slack caps header text at 150 characters; emoji codes in it are shown as emoji.
    return {"type": "header", "text": {"type": "plain_text", "text": shortened(text, HEADER_LIMIT), "emoji": True}}


def header_naming(before: str, name: str, after: str) -> dict[str, Any]:
    """A header with a name from the organisation file in it: the name is shortened (with 「…」)
    so that what follows it stays. The file sets no length on names, and a long account name cut
    at Slack's 150 took the 「（第N版）」 with it, which is what an approver decides on."""
    return header(before + shortened(name, HEADER_LIMIT - len(before) - len(after)) + after)


def section(text: str) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text[:3000]}}


def sections(text: str) -> list[dict[str, Any]]:
    """``text`` as sections of at most SECTION_LIMIT characters, cut at its line breaks: a note
    naming people and accounts of the longest names the file allows, then quoting a report, passed
    3,000 characters, and section() cut off the quote's end and its 「全 … 文字のうち」 line unseen.
    A single line longer than a section (none of kessai's notes has one) is cut as section() cuts."""
    return [section(t) for t, _ in pack([(line, 0) for line in text.split("\n")])]


def context(text: str) -> dict[str, Any]:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text[:3000]}]}


def severity_counts(findings: Sequence[Finding]) -> str:
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    return "・".join(f"{SEVERITY_JA[s]} {n}件" for s, n in counts.items())


# What Slack's mrkdwn draws as an emoji: 「:sparkles:」「:+1::skin-tone-2:」, and a workspace's own
# emoji named in Japanese (「:お知らせ:」「:確認します:」), whose names are letters of any script (not
# 「:30:」 of 「10:30:00」: digits alone name no emoji). A colon between two digits is a time's
# (「日時:3月1日10:00」), neither end of a code. No capitals: Slack's names are lower case (checked
# after the match: a class of letters but capitals took ten times as long to search as ``\w``).
# Literal first, so that a search skips to the next colon rather than trying every character.
_TIME_COLON_FREE = r":(?:(?<!\d:)|(?!\d))"
_DRAWN_CODE = re.compile(rf"{_TIME_COLON_FREE}[\w+'\-]{{1,100}}{_TIME_COLON_FREE}(?::skin-tone-[2-6]:)?")
_CAPITALS = re.compile("[A-Z]")


def _codes_as_typed(text: str) -> str:
    """Escaped mrkdwn ``text`` with each emoji code in a code span, where Slack shows its letters:
    a finding saying 「「:sparkles:」は Slack の絵文字の書き方で、SNS ではこの文字のまま表示されます」
    showed 「「✨」は…」, the picture it is about the post not having."""
    if ":" not in text:
        return text
    # Where each span starts and ends, as ints (a list per span made the collector's work grow
    # with the number of codes).
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    while (m := _DRAWN_CODE.search(text, pos)) is not None:
        if m.group(0)[1:-1].isdigit() or _CAPITALS.search(m.group(0)) \
                or text[m.start() - 1:m.start()] == "`":  # a code span already
            # Its closing colon may open the next code (「9:00:sparkles:」): look on from there.
            pos = m.start() + 1
            continue
        end = m.end()
        # Its closing colon opening another (「:市役所:sparkles:」): Slack may draw the second
        # when the first names no emoji, so the run is one span.
        while (more := _DRAWN_CODE.match(text, end - 1)) is not None and more.end() > end:
            end = more.end()
        if ends and ends[-1] == m.start():
            # Right after the last code: one span (「``」 would open a different one in Slack).
            ends[-1] = end
        else:
            starts.append(m.start())
            ends.append(end)
        pos = end
    out: list[str] = []
    pos = 0
    for start, end in zip(starts, ends, strict=True):
        out.append(f"{text[pos:start]}`{text[start:end]}`")
        pos = end
    out.append(text[pos:])
    return "".join(out)


def finding_lines(findings: Sequence[Finding]) -> list[str]:
    """One mrkdwn line per finding, for the first FINDINGS_DISPLAY_LIMIT of them; the caller says
    how many it left out (a count line here was taken for a finding and counted twice)."""
    out = []
    for f in list(findings)[:FINDINGS_DISPLAY_LIMIT]:
        # The severity in words too: a screen reader says 「バツ」 for :x: (and nothing for a colour),
        # and a listener could not tell an error that stops the draft from a warning.
        severity = f"{SEVERITY_ICON.get(f.severity, '')} {SEVERITY_JA.get(f.severity, '')}".strip()
        line = f"{severity} *{escape(f.code)}* {_codes_as_typed(escape(f.message))}"
        if f.excerpt.strip():
            # Every line quoted: a private key or a list of backup codes spans several.
            excerpt = clean_text(f.excerpt[:200]).strip("\n")
            line += "".join(f"\n>{_codes_as_typed(escape(part))}" for part in excerpt.split("\n"))
        if f.suggestion:
            line += f"\n修正案: {_codes_as_typed(escape(clean_text(f.suggestion[:200])))}"
        line += f"\n_根拠: {escape(f.clause)}_"
        out.append(line)
    return out


def findings_reply(view: DraftView, blocking: bool, *, stopped: str | None = None) -> dict[str, Any]:
    """The thread answer to a checked draft. ``stopped``: why its author may no longer send it on
    (the organisation file dropped them), said instead of the buttons that would only refuse."""
    if not view.findings:
        head = f"第{view.version}版を確認しました。ガイドライン上の指摘はありません。"
    else:
        head = f"第{view.version}版の確認結果: {severity_counts(view.findings)}"
    blocks = [section(f"*{head}*")]
    for note in (mention_note(view, approver=False), channel_note(view, approver=False)):
        if note:
            blocks.append(section(note))
    if blocking and stopped:
        blocks.append(section("エラーがあるため、このままでは決裁に回せません。" + stopped))
    elif blocking:
        blocks.append(
            section(
                "エラーがあるため、このままでは決裁に回せません。"
                + ("「修正する」から内容を直して提出すると、もう一度確認します。" if view.revisable_by_form else
                   "元のメッセージを編集して修正すると、自動でもう一度確認します。")
                + "指摘を確認したうえでこのまま決裁を依頼する必要がある場合は、理由を書いて依頼できます。"
            )
        )
    room = MESSAGE_TEXT_BUDGET - text_size(blocks) - 300  # the override button and the notice below
    shown = _first_fitting([(line, 0) for line in finding_lines(view.findings)], room)
    blocks.extend(section(line) for line, _ in shown)
    if len(shown) < len(view.findings):
        blocks.append(context(f"{and_more(len(view.findings) - len(shown))}の指摘は、この返信には載せきれないため省略しました。"
                              "同じ文面を `kessai check` で確認すると全件を見られます。"))
    if blocking and not stopped:
        revise = [revise_button(view)] if view.revisable_by_form else []
        blocks.append({"type": "actions", "block_id": "override", "elements": [
            *revise, button(OVERRIDE_ACTION, "理由を付けて決裁依頼", version_ref(view.id, view.version, view.content_hash),
                            reader=draft_reader_label("理由を付けて決裁依頼", view.id, view.version, view.account_name))]})
    return message(head, blocks[:50])


# A row of a request's fields, for ``_sections``: its text, and whether it is plain text (what a
# person wrote, shown as written) rather than mrkdwn (the bot's own labels and lines).
Row = tuple[str, bool]


def _alt_rows(alts: Sequence[str]) -> list[Row]:
    """The alt texts as plain text rows, each within a section: 「　1枚目の代替テキスト: …」 when an
    alt text is one line, else its lines under the label, each behind 「｜」 — the plain text
    form of the quote marks, so that no line of it can pass for another image's label. A line
    break is any that Slack draws (「\\r」, U+2028 …), not only 「\\n」."""
    rows: list[Row] = []
    for i, alt in enumerate(alts, 1):
        label = f"　{i}枚目の代替テキスト:"
        lines = clean_text(alt).strip("\n").splitlines()
        if not "".join(lines).strip():
            rows.append((f"{label} （なし）", True))
        elif len(lines) == 1 and len(label) + 1 + len(lines[0]) <= ALT_ROW_MAX:
            rows.append((f"{label} {lines[0]}", True))
        else:
            rows.append((label, True))
            rows += _quoted_rows(lines, ALT_QUOTE)
    return rows


def _quoted_rows(lines: Sequence[str], mark: str) -> list[Row]:
    """``lines`` as plain text rows, each behind ``mark`` and within ALT_ROW_MAX (a long line goes
    on over several rows, each marked)."""
    rows: list[Row] = []
    for line in lines:
        rows.extend((f"{mark}{line[s:e]}", True) for s, e in _draft_spans(line, ALT_ROW_MAX - len(mark)))
        if not line:
            rows.append((mark, True))
    return rows


# An alt text's row at most (a section holds 3,000), and the mark before each line of one that is
# several lines (or longer than a row).
ALT_ROW_MAX = 2_900
ALT_QUOTE = "　　｜"
# The mark before each line of a note or a reason, under its label.
WRITTEN_QUOTE = "｜"


def written(label: str, text: str) -> list[Row]:
    """A note or a reason a person wrote, under its mrkdwn ``label`` (「*理由:*」): as written, in
    plain text with emoji off (「~中止~」 is not struck through, 「*急ぎ*」 not bold, 「:sparkles:」
    not drawn), each line behind 「｜」 so that none can pass for the draft's start or for one of
    the bot's own lines (「:white_check_mark: … さんが承認しました」). A line break is any that Slack
    draws (「\\r」, U+2028 …); blank lines at either end show nothing and are left out. Nothing
    for a text of nothing but blank lines."""
    lines = clean_text(text).splitlines()
    shown = [i for i, line in enumerate(lines) if line.strip()]
    if not shown:
        return []
    # Sliced once: popping blank lines off the front one at a time moved all the rest each time.
    return [(label, False), *_quoted_rows(lines[shown[0]:shown[-1] + 1], WRITTEN_QUOTE)]


def _sections(rows: Sequence[Row]) -> list[dict[str, Any]]:
    """``rows`` in as few sections as they fit in, in order: each run of mrkdwn rows in mrkdwn
    sections, each run of plain rows in plain text sections with emoji off."""
    blocks: list[dict[str, Any]] = []
    start = 0
    for i in range(1, len(rows) + 1):
        if i == len(rows) or rows[i][1] != rows[start][1]:
            make = draft_section if rows[start][1] else section
            blocks += [make(t) for t, _ in pack([(t, 0) for t, _ in rows[start:i]])]
            start = i
    return blocks


def _request_fields(view: DraftView) -> list[dict[str, Any]]:
    """Account, author, version, schedule, images and the note — all of them, in full: the
    approver decides on the alt texts and reads the note, so neither is cut short. The alt texts
    (what the SNS will read out) and the note are shown as written, in plain text (「~中止~」 is
    not struck through, 「:sparkles:」 is not drawn); the rest is mrkdwn."""
    lines = [
        f"*アカウント:* {escape(view.account_name)}",
        f"*作成者:* {escape(view.author_name)}",
        f"*版:* 第{view.version}版",
        f"*投稿予定:* {fmt_time(view.scheduled_at)}",
    ]
    if view.category != "normal":
        lines.append(f"*区分:* {CATEGORY_JA.get(view.category, escape(view.category))}")
    before: list[Row] = [(line, False) for line in lines]
    consent = "同意あり" if view.portrait_consent else "同意の確認なし"
    if not view.portrait_consent and (view.image_count or view.video_count) and consent_stated(Document(view.text)):
        # The check is silent on a draft that says so (a channel draft has no box to tick); the
        # approver reads where the consent is said, rather than 「確認なし」 beside no warning.
        consent = "本文に同意の記載あり"
    alts: list[Row] = []
    if view.image_count:
        before.append((f"*画像:* {view.image_count}枚（肖像権: {consent}）", False))
        alts = _alt_rows(view.alt_texts)
    after: list[Row] = []
    if view.video_count:
        after.append((f"*動画:* {view.video_count}本（肖像権: {consent}）", False))
    after += [(line, False) for line in files_lines(view.files)]
    if view.note:
        after += written("*決裁者へのメモ:*", view.note)
    if sum(len(t) + 1 for t, _ in [*before, *alts, *after]) <= FIELDS_BUDGET:
        return _sections([*before, *alts, *after])
    # Only alt texts or a note of thousands of characters (or of thousands of short lines), or a
    # files list written to defeat escaping, gets here; the message must still go out, and the
    # draft's text matters more. In order, as far as they fit.
    what = "メモ・代替テキスト・添付ファイルの一覧" if view.files else "メモ・代替テキスト"
    room = FIELDS_BUDGET - sum(len(t) + 1 for t, _ in before) - 100
    shown_alts = _first_fitting(alts, room)
    shown_after = _first_fitting(after, room - sum(len(t) + 1 for t, _ in shown_alts))
    return _sections([*before, *shown_alts, *shown_after, (f"_（{what}が長いため、一部を省略しました）_", False)])


FILES_UNCHECKED_JA = "kessai は添付ファイルの中身を確認していません。開いて内容をご確認ください。"
_KB, _MB = 1024, 1024 * 1024


def _size_ja(size: int | None) -> str:
    if size is None or size < 0:
        return ""
    if size >= _MB:
        return f"{size / _MB:.1f} MB"
    if size >= _KB:
        return f"{size / _KB:.0f} KB"
    return f"{size:,} バイト"


def _safe_link(url: str | None) -> str | None:
    """A link Slack's mrkdwn cannot be made to read as something else (its own markup, a mention)."""
    if url and url.startswith("https://") and len(url) <= 500 and not re.search(r"[\s<>|]", url):
        return url
    return None


FILE_NAME_SHOWN = 120


def file_label(f: AttachedFile) -> str:
    """「<permalink|チラシ.pdf>（PDF・1.2 MB）」: the name opens the file in Slack (on a phone too)."""
    name = escape(clean_text(shortened(f.name, FILE_NAME_SHOWN))) if f.name.strip() else "（ファイル名を取得できませんでした）"
    link = _safe_link(f.permalink)
    shown = f"<{link}|{name}>" if link and f.name.strip() else name
    kind = "・".join(p for p in (kind_ja(f), _size_ja(f.size)) if p)
    return f"{shown}（{kind}）"


# Slack takes up to 10 files a message; a payload with more is not a person's, and is not listed whole.
FILES_LISTED = 10


def files_lines(files: Sequence[AttachedFile]) -> list[str]:
    """The files attached to a draft, for the approver and the draft's thread: a heading saying
    kessai has not looked inside them, then each file's name (a link), kind and size."""
    if not files:
        return []
    lines = [f"*添付ファイル:* {len(files)}件 — {FILES_UNCHECKED_JA}"]
    lines += [f"　{i}. {file_label(f)}" for i, f in enumerate(files[:FILES_LISTED], 1)]
    if len(files) > FILES_LISTED:
        lines.append(f"　{and_more(len(files) - FILES_LISTED)}")
    return lines


def _within_room(rows: list[Row], room: int = DM_REASON_ROOM) -> list[Row]:
    """A reason in a request DM: as much as fits in ``room`` (the draft needs the rest of the
    message), saying so when cut; the thread has the whole of it."""
    kept = _first_fitting(rows, room)
    if len(kept) < len(rows):
        kept.append(("_（理由が長いため、以下省略しました。全文は下書きのスレッドをご覧ください）_", False))
    return kept


# What a request DM keeps for the draft's own text before findings are listed: the approver
# decides on the text, and the thread has every finding.
DRAFT_SHOWN_MIN = SECTION_LIMIT


def _rows_size(rows: Sequence[Row]) -> int:
    return sum(len(t) + 1 for t, _ in rows)


def _reason_rooms(first: Sequence[Row], second: Sequence[Row]) -> tuple[int, int]:
    """What each of the two reasons of a request DM (the author's override, the decider's
    rejection) may take: DM_REASON_ROOM between them, not each — two long reasons with four long
    alt texts and many findings took the message past Slack's ~12,000 characters, and left none
    of the draft. The one that needs less keeps up to half, the other has the rest."""
    a, b = _rows_size(first), _rows_size(second)
    if a + b <= DM_REASON_ROOM:
        return a, b
    half = DM_REASON_ROOM // 2
    if a <= b:
        a = min(a, half)
        return a, DM_REASON_ROOM - a
    b = min(b, half)
    return DM_REASON_ROOM - b, b


def _shown_size(text: str) -> int:
    """How many characters ``draft_blocks`` needs to show ``text`` whole."""
    return len(clean_text(text))


def _findings_blocks(findings: Sequence[Finding], room: int) -> list[dict[str, Any]]:
    """The findings of a request DM or 事後報告: at most ten, as many as fit in ``room``, and
    the rest counted (the thread's check result lists them)."""
    if not findings:
        return []
    blocks = [section(f"*確認結果:* {severity_counts(findings)}")]
    lines = [(line, 1) for line in finding_lines(list(findings))[:min(10, len(findings))]]
    shown = _first_fitting(lines, room - text_size(blocks) - 200)
    blocks.extend(section(line) for line, _ in shown)
    if len(shown) < len(findings):
        blocks.append(context(f"{and_more(len(findings) - len(shown))}の指摘は省略しました。"
                              "下書きのスレッドの確認結果でご確認ください。"))
    return blocks


# The draft's links listed under it in an approver's DM: the draft is plain text there (so that it
# reads as it will be posted), where a link cannot be tapped, and an approver checks where a link
# goes. At most LINKS_LISTED of each kind, a link only when written in at most LINK_MAX characters
# (as escaped), the list within LINKS_ROOM, and an address not made a link cut to LINK_TEXT_SHOWN.
LINKS_LISTED = 10
LINK_MAX = 500
LINKS_ROOM = 2_400
LINK_TEXT_SHOWN = 120
# What Slack's link markup cannot hold as it is (「|」 starts a label, 「<>」 end the link), and what
# an address must not have to be shown as a link labelled by itself: anything but printable ASCII.
_NOT_LINKABLE = re.compile(r"[^!-~]|[<>|]")


def draft_links(text: str, findings: Sequence[Finding] = ()) -> tuple[list[str], list[str]]:
    """The http(s) links of ``text`` as written, each once, in order: those that can be links, and
    those shown as text only — a broken one (link.malformed: full-width or invisible characters,
    look-alike letters, an internal address, 「https//」), or one Slack's markup cannot hold as it is."""
    text = clean_text(text)
    broken = sorted((f.start, f.end) for f in findings
                    if f.code == "link.malformed" and 0 <= f.start < f.end <= len(text))
    if "http" not in text.lower() and not broken:
        return [], []  # the ordinary draft without a link is not analysed again
    starts = [a for a, _ in broken]
    # The furthest any of the first i+1 broken stretches reaches: whether one overlaps a link is a look-up.
    reach = list(accumulate((e for _, e in broken), max))

    def is_broken(a: int, b: int) -> bool:
        k = bisect_left(starts, b) - 1
        return k >= 0 and reach[k] > a

    doc = Document(text)
    links: dict[str, None] = {}
    texts: dict[str, int] = {}  # where each is first written: listed in the draft's order
    for url in doc.urls:
        written = text[url.start:url.end]
        if url.scheme not in ("http", "https"):
            continue
        if is_broken(url.start, url.end) or written != url.url or _NOT_LINKABLE.search(written) \
                or len(escape(written)) > LINK_MAX:
            texts.setdefault(written, url.start)
        else:
            links[written] = None
    for a, b in broken:
        if any(u.scheme in ("http", "https") for u in doc.urls_within(a, b)):
            continue  # listed above
        # The finding marks where the address breaks (「https//」); the reader needs all of it.
        word = _WORD.match(text, a, a + LINK_MAX)
        texts.setdefault(text[a:max(b, word.end() if word else b)], a)
    return list(links), sorted(texts, key=texts.__getitem__)


_WORD = re.compile(r"\S+")


def links_blocks(text: str, findings: Sequence[Finding], room: int = LINKS_ROOM) -> list[dict[str, Any]]:
    """The draft's links, under it: each a link labelled with nothing but the address as written
    (Slack shows the address itself, so what is shown is where it goes), and the broken ones as
    plain text, not links. At most ``room`` characters; the rest is counted."""
    links, texts = draft_links(text, findings)
    blocks: list[dict[str, Any]] = []
    room = min(room, LINKS_ROOM)
    if links:
        head = f"*本文のリンク（{len(links)}件）:* タップすると開きます。行き先をご確認ください。"
        rows = [f"・<{escape(u)}>" for u in links[:LINKS_LISTED]]
        kept = [r for r, _ in _first_fitting([(r, 0) for r in rows], room - len(head) - 60 - (300 if texts else 0))]
        more = [f"{and_more(len(links) - len(kept))}（本文でご確認ください）"] if len(kept) < len(links) else []
        if len(head) + 60 <= room:  # the count, at least, whatever the room
            blocks.append(section("\n".join([head, *kept, *more])))
    if texts:
        head = f"リンクにしていない URL（{len(texts)}件）: 書き方に問題があるか長すぎるため、書かれたとおりの文字で表示しています。"
        rows = [f"・{shortened(t, LINK_TEXT_SHOWN)}" for t in texts[:LINKS_LISTED]]
        left = room - text_size(blocks) - len(head) - 20
        kept = [r for r, _ in _first_fitting([(r, 0) for r in rows], left)]
        more = [and_more(len(texts) - len(kept))] if len(kept) < len(texts) else []
        if left >= 0:
            blocks.append(draft_section("\n".join([head, *kept, *more])))
    return blocks


def approval_request(view: DraftView, *, decided: DecisionView | None = None, voided_note: str | None = None,
                     acting_for_name: str | None = None) -> dict[str, Any]:
    """The DM an approver (or a deputy, for ``acting_for_name``) receives; buttons while decidable."""
    kind = "代決依頼" if acting_for_name else "決裁依頼"
    head: list[dict[str, Any]] = [
        header_naming(f"{kind}: ", view.account_name, f"（第{view.version}版）"),
    ]
    if acting_for_name:
        head.append(section(
            f":busts_in_silhouette: *代決* — {escape(acting_for_name)} さんに代わって決裁をお願いします"
            "（不在、または決裁が遅れているため）。決裁は台帳に代決として記録されます。"))
    override: list[Row] = []
    if view.override_reason:
        override = [(":rotating_light: *エラーがありますが、作成者が理由を付けて決裁を依頼しています。*", False),
                    *written("*理由:*", view.override_reason)]
    pieces = decision_pieces(decided) if decided is not None and not voided_note else []
    override_room, decision_room = _reason_rooms(override, pieces)
    reason = _sections(_within_room(override, override_room)) if override else []
    fields = _request_fields(view)
    for note in (mention_note(view, approver=True), channel_note(view, approver=True)):
        if note:
            fields.append(section(note))
    value = version_ref(view.id, view.version, view.content_hash)
    if voided_note:
        end = [section(f":no_entry_sign: {voided_note}")]
    elif decided is not None:
        end = _sections(_within_room(pieces, decision_room))
    else:
        end = [_decision_buttons(value, view.id, view.version, view.account_name, block_id="decision")]
    room = MESSAGE_TEXT_BUDGET - text_size([*head, *reason, *fields, *end]) - min(_shown_size(view.text), DRAFT_SHOWN_MIN)
    links = links_blocks(view.text, view.findings, room - 1_000)
    findings = _findings_blocks(view.findings, room - text_size(links))
    if view.override_reason:
        # The approver must weigh the errors against the reason before reading the text itself.
        before, after = [*head, *reason, *findings, *fields], [*links, *end]
    else:
        before, after = [*head, *fields], [*links, *findings, *end]
    quoted = draft_blocks(view.text, budget=MESSAGE_TEXT_BUDGET - text_size([*before, *after]))
    fallback = _request_notification(view, decided=decided, voided_note=voided_note, acting_for_name=acting_for_name)
    return message(fallback, [*before, *quoted, *after])


# Of a name from the organisation file in a notification preview: a phone shows the first hundred
# or so characters, and the 投稿予定 after the names must still be among them.
PREVIEW_NAME_CHARS = 40


def _preview_name(n: str) -> str:
    return escape(shortened(n, PREVIEW_NAME_CHARS))


def _request_notification(view: DraftView, *, decided: DecisionView | None, voided_note: str | None,
                          acting_for_name: str | None) -> str:
    """The ``text`` of a request DM: all a phone's lock screen shows of it. One sentence that
    stands alone — what is asked, of which account, for when — without mrkdwn or emoji codes."""
    name = _preview_name
    account = f"「{name(view.account_name)}」"
    when = f"投稿予定: {fmt_time(view.scheduled_at)}"
    kind = "代決依頼" if acting_for_name else "決裁依頼"
    if voided_note:
        return f"{account}第{view.version}版の{kind}: {' '.join(voided_note.split())}"
    if decided is not None:
        who = (f"{name(decided.decider_name)} さん（{name(decided.acting_for_name)} さんの代決）"
               if decided.acting_for_name else f"{name(decided.decider_name)} さん")
        done = "承認しました" if decided.kind == "approved" else "差し戻しました"
        return f"{account}第{view.version}版の投稿（{when}）は、{who}が{done}。"
    asked = (f"{name(acting_for_name)} さんに代わり、{account}の投稿の代決をお願いします" if acting_for_name
             else f"{account}の投稿の決裁をお願いします")
    text = f"{asked}（{when}、作成者: {name(view.author_name)} さん、第{view.version}版）。"
    if view.override_reason:
        text += "エラーがありますが、作成者が理由を付けて決裁を依頼しています。"
    return text


def decision_pieces(d: DecisionView, *, prefix: str = "") -> list[Row]:
    """Who decided, how and when (a mrkdwn line), and a rejection's reason as ``written`` shows it,
    as rows each within a section, for ``_sections``: a reason of 2,000 characters of many short
    lines is longer than one section, and cutting it there dropped its end without a word."""
    who = recipient_label(d.decider_name, d.acting_for_name)
    when = fmt_time(d.decided_at)
    if d.kind == "approved":
        return [(f"{prefix}:white_check_mark: {who}が承認しました（{when}）。", False)]
    head = f"{prefix}:leftwards_arrow_with_hook: {who}が差し戻しました（{when}）。"
    return [(head, False), *(written("*理由:*", d.reason) if d.reason else [])]


def recipient_label(name: str, acting_for_name: str | None) -> str:
    if acting_for_name:
        return f"{escape(name)} さん（{escape(acting_for_name)} さんの代決）"
    return f"{escape(name)} さん"


def thread_status(view: DraftView, *, decided: DecisionView | None = None, voided_note: str | None = None,
                  recipients: Sequence[str] = ()) -> dict[str, Any]:
    """The status line kept up to date in the draft's thread (``recipients`` come from recipient_label)."""
    if voided_note:
        text = f":no_entry_sign: 第{view.version}版の決裁依頼: {voided_note}"
        return message(preview(text.split("\n")[0]), [section(text)])
    if decided is None:
        names = _names_within(list(recipients) or [f"{escape(n)} さん" for n in view.approver_names]) or "決裁者"
        text = (f":hourglass_flowing_sand: 決裁待ち（第{view.version}版）: {names}に決裁を依頼しました。"
                f"\n投稿予定: {fmt_time(view.scheduled_at)}")
        return message(preview(text.split("\n")[0]), [section(text), *_status_files(view)])
    if decided.kind == "approved" and view.files:
        # The operator posts what was approved: these files with the text, not others.
        after = "承認された内容には、下の添付ファイルが含まれます。この文面とファイルでSNSへの投稿をお願いします。"
    elif decided.kind == "approved":
        after = "SNSへの投稿をお願いします。"
    elif view.revisable_by_form:
        # The bot wrote this draft's message: its author cannot edit it, and submitting it anew
        # would make a second draft beside the rejected one (docs/usage.md: 「修正する」).
        after = "内容を修正する場合は、「修正する」から直して提出してください（同じ下書きの次の版として確認します）。"
    else:
        after = "内容を修正する場合は、元のメッセージを編集してください（編集すると、次の版として確認します）。"
    shown_files = _status_files(view) if decided.kind == "approved" else []
    # The whole reason, over as many sections as it takes: this line is where its author reads it.
    # Who decided and how always stays, whatever the reason and the files take.
    head, *reason = decision_pieces(decided, prefix=f"第{view.version}版: ")
    kept = [head, *_first_fitting(reason, MESSAGE_TEXT_BUDGET - 500 - text_size(shown_files) - len(head[0]) - 1)]
    if len(kept) < 1 + len(reason):
        # Only a reason of thousands of characters (the ledger takes more than the form) gets
        # here; the ledger has it whole.
        kept.append(("_（理由が長いため、以下省略しました。全文は台帳に記録されています）_", False))
    return message(preview(head[0]), [*_sections([*kept, (after, False)]), *shown_files])


# What the files list of a status line may take: ten files with long names and links, escaped
# (「&」 becomes 「&amp;」), would otherwise push the message past Slack's ~12,000 characters.
STATUS_FILES_ROOM = 6_000


def _status_files(view: DraftView) -> list[dict[str, Any]]:
    """The files of a status line, as far as they fit in STATUS_FILES_ROOM, saying so when cut."""
    lines = [(line, 0) for line in files_lines(view.files)]
    kept = _first_fitting(lines, STATUS_FILES_ROOM)
    if len(kept) < len(lines):
        kept.append(("_（添付ファイルの一覧が長いため、一部を省略しました。元のメッセージでご確認ください）_", 0))
    return [section(t) for t, _ in pack(kept)]


RECIPIENTS_ROOM = 2_500  # of the status line's section, leaving the rest to the schedule


def _names_within(names: Sequence[str], room: int = RECIPIENTS_ROOM) -> str:
    """``names`` joined with 「、」, as many as fit in ``room`` and the rest counted: thirty approvers
    and thirty deputies with long names would otherwise push the schedule out of the section."""
    shown: list[str] = []
    used = 0
    for name in names:
        if used + len(name) + 1 > room - 20:
            break
        shown.append(name)
        used += len(name) + 1
    more = f"、{and_more(len(names) - len(shown), '名')}" if len(shown) < len(names) else ""
    return "、".join(shown) + more


def plain(text: str) -> dict[str, Any]:
    """A short message without blocks (refusals, notices)."""
    return {"text": text}


def reject_modal(draft_id: int, version: int, view: DraftView) -> dict[str, Any]:
    return modal(REJECT_CALLBACK, "差戻し", "差し戻す", [
        section(f"*{escape(view.account_name)}* 第{version}版（作成者: {escape(view.author_name)}）"),
        *draft_preview(view.text, 500),
        input_block(REJECT_PRESET_BLOCK, "よくある理由", {
            "type": "checkboxes", "action_id": REJECT_PRESET_ACTION,
            "options": [option(code, label) for code, label in REJECT_REASONS],
        }, optional=True),
        input_block(REJECT_REASON_BLOCK, "作成者に伝える差戻しの理由", {
            # What to write is the hint, not a placeholder: a placeholder goes as soon as the first
            # character is typed, and screen readers skip it or read it as if it were the answer.
            "type": "plain_text_input", "action_id": REJECT_REASON_ACTION, "multiline": True, "max_length": 2000,
        }, optional=True, hint="どこをどう直せばよいかを具体的に書いてください。よくある理由を選んだときは、空欄でも構いません。"),
    ], metadata=version_ref(draft_id, version, view.content_hash))


def compose_reject_reason(presets: Sequence[str], text: str) -> str:
    labels = dict(REJECT_REASONS)
    parts = [labels[p] for p in presets if p in labels]
    text = text.strip() if visible_length(text) else ""
    if parts and text:
        return "、".join(parts) + "。" + text
    return text or "、".join(parts)


# -- account choice, 決裁省略, publication ------------------------------------------------------
def account_question(draft_id: int, author_id: str, options: Sequence[tuple[str, str]]) -> dict[str, Any]:
    """Asked in the thread when the channel serves several accounts the author operates."""
    text = (f"<@{author_id}> さん、このチャンネルは複数のアカウントの受付です。"
            "どのアカウントに投稿する下書きか選んでください。選ぶと、そのアカウントの規則で確認します。")
    return message(text, [
        section(text),
        {"type": "actions", "block_id": f"{CHOOSE_ACCOUNT_ACTION}:{draft_id}", "elements": [{
            "type": "static_select", "action_id": CHOOSE_ACCOUNT_ACTION,
            "placeholder": {"type": "plain_text", "text": "アカウントを選択"},
            **select_options([option(aid, name) for aid, name in options]),
        }]},
    ])


def account_chosen(account_name: str, chooser_name: str) -> dict[str, Any]:
    return plain(f"アカウント: {escape(account_name)}（{escape(chooser_name)} さんが選択しました）")


def account_question_closed() -> dict[str, Any]:
    return plain("下書きのメッセージが削除されたため、取り下げられました。アカウントを選ぶ必要はありません。")


def draft_root(view: DraftView, source: str) -> dict[str, Any]:
    """The intake-channel message for a draft made with /kessai draft or the shortcut: its thread
    is where the checks, the status and the publication go, as for a pasted draft."""
    how = "メッセージから「決裁に回す」" if source == "shortcut" else "`/kessai draft`"
    head = f":memo: {escape(view.author_name)} さんが {how} で下書きを提出しました（{escape(view.account_name)}）"
    blocks = [section(head), *_request_fields(view)]
    return message(preview(head), [*blocks, *draft_blocks(view.text, budget=MESSAGE_TEXT_BUDGET - text_size(blocks),
                                                  where="下書きの入力画面")])


def override_notice(actor_name: str, version: int, reason: str) -> dict[str, Any]:
    """The thread's note that a version with errors was sent on with a reason, the reason shown
    as the approver's DM shows it (``written``)."""
    text = f"{escape(actor_name)} さんが、エラーがあることを承知のうえで理由を付けて第{version}版の決裁を依頼しました。"
    return message(text, _sections([(text, False), *written("*理由:*", reason)]))


def decided_done(decision: DecisionView) -> str:
    """How a version was decided, as the notice to its author says it."""
    done = "承認されました" if decision.kind == "approved" else "差し戻されました"
    return done + ("（代決）" if decision.acting_for_name else "")


def decided_notice(view: DraftView, decision: DecisionView, *, author_id: str,
                   stopped: str | None = None) -> dict[str, Any]:
    """The thread reply telling the author how their version was decided, and what to do next.
    ``stopped``: why they may no longer revise it (see ``findings_reply``), said instead of the button."""
    text = f"<@{author_id}> さん、第{view.version}版が{decided_done(decision)}。"
    if decision.kind == "approved":
        # The next reply (publish_prompt) has the button and says what to do after posting.
        return plain(text + "SNSへの投稿をお願いします。")
    if not view.revisable_by_form:
        return plain(text + "スレッドの理由を確認し、元のメッセージを編集して内容を修正してください。")
    if stopped:
        return plain(text + stopped)
    text += "スレッドの理由を確認し、「修正する」から内容を修正してください。"
    return message(text, [section(text), {"type": "actions", "block_id": "revise", "elements": [revise_button(view)]}])


def exempt_notice(view: DraftView, category_ja: str) -> dict[str, Any]:
    text = (f":zap: 第{view.version}版は「{category_ja}」のため、決裁省略として"
            "記録しました。すぐに投稿できます。運用管理責任者には事後報告を送りました。")
    return message(preview(text), [section(text)])


def after_report(view: DraftView, category_ja: str) -> dict[str, Any]:
    """事後報告: what went out without prior approval, so the approver can still object."""
    blocks: list[dict[str, Any]] = [
        header_naming("事後報告（決裁省略）: ", view.account_name, f"（第{view.version}版）"),
        section(f"「{category_ja}」に当たるため、決裁を省略して投稿されます。"
                 "内容に問題があれば、作成者に連絡してください。"),
        *_request_fields(view),
    ]
    room = MESSAGE_TEXT_BUDGET - text_size(blocks) - min(_shown_size(view.text), DRAFT_SHOWN_MIN)
    links = links_blocks(view.text, view.findings, room - 1_000)
    findings = _findings_blocks(view.findings, room - text_size(links))
    blocks += [*draft_blocks(view.text, budget=MESSAGE_TEXT_BUDGET - text_size([*blocks, *links, *findings])),
               *links, *findings]
    # The notification preview, alone on a lock screen: what went out, for when, and why unasked.
    preview = (f"事後報告: 「{_preview_name(view.account_name)}」の投稿は「{escape(category_ja)}」のため決裁を省略して"
               f"投稿されます（投稿予定: {fmt_time(view.scheduled_at)}、作成者: {_preview_name(view.author_name)} さん、"
               f"第{view.version}版）。")
    return message(preview, blocks)


def publish_prompt(view: DraftView) -> dict[str, Any]:
    text = f"第{view.version}版をSNSに投稿したら、「投稿済みにする」を押して投稿のURLを登録してください（月間の投稿数に数えます）。"
    return message(text, [
        section(text),
        {"type": "actions", "block_id": "publish", "elements": [
            button(PUBLISH_ACTION, "投稿済みにする", version_ref(view.id, view.version, view.content_hash), style="primary",
                   reader=draft_reader_label("投稿済みにする", view.id, view.version, view.account_name))]},
    ])


def published_notice(view: DraftView, url: str, at: datetime, by_name: str) -> dict[str, Any]:
    text = (f":white_check_mark: 第{view.version}版は投稿済みです（{fmt_time(at)}、登録: {escape(by_name)} さん）。\n"
            f"投稿のURL: {escape(url)}")
    return message(preview(text.split("\n")[0]), [section(text)])


# -- modals ----------------------------------------------------------------------------------
STALE_FORM_CALLBACK = "stale_form"
REFUSED_CALLBACK = "refused_notice"  # a form refused as a whole (from another workspace): nothing to submit
STALE_FORM_SHOWN = 5  # typed texts given back; a form of kessai has no more


def stale_form_view(typed: Sequence[str]) -> dict[str, Any]:
    """What replaces a submitted form kessai does not know (left open across an upgrade that
    renamed it): nothing was recorded, and what was typed is shown to be copied, not lost."""
    blocks = [section("この入力画面は kessai の更新前に開かれたため、送信された内容を受け付けられませんでした"
                      "（何も記録されていません）。お手数ですが、入力画面を開き直して、もう一度入力してください。")]
    kept = [t for t in typed if t.strip()][:STALE_FORM_SHOWN]
    if kept:
        blocks.append(context("入力した内容は次のとおりです。必要に応じてコピーしてお使いください。"))
        blocks.extend(b for t in kept for b in draft_preview(t, 2_000))
    return modal(STALE_FORM_CALLBACK, "送信できませんでした", None, blocks, close="閉じる")


def modal(callback_id: str, title: str, submit: str | None, blocks: list[dict[str, Any]], *,
          metadata: str = "", close: str = "キャンセル") -> dict[str, Any]:
    """Every modal of the bot: labels within Slack's limits, metadata within its 3,000 characters.
    ``submit=None``: a modal that only shows something (closed with ``close``)."""
    view: dict[str, Any] = {
        "type": "modal",
        "callback_id": callback_id,
        "private_metadata": metadata[:3000],
        "title": {"type": "plain_text", "text": title[:24]},
        "close": {"type": "plain_text", "text": close[:24]},
        "blocks": blocks,
    }
    if submit is not None:
        view["submit"] = {"type": "plain_text", "text": submit[:24]}
    return view


def input_block(block_id: str, label: str, element: dict[str, Any], *, optional: bool = False,
                hint: str | None = None) -> dict[str, Any]:
    block: dict[str, Any] = {"type": "input", "block_id": block_id, "optional": optional,
                             "label": {"type": "plain_text", "text": label}, "element": element}
    if hint:
        block["hint"] = {"type": "plain_text", "text": hint}
    return block


OPTION_LABEL_MAX = 75  # Slack's most characters in an option's text


def option(value: str, label: str) -> dict[str, Any]:
    return {"text": {"type": "plain_text", "text": shortened(label, OPTION_LABEL_MAX)}, "value": value}


def account_choices(accounts: Sequence[tuple[str, str, str]]) -> list[tuple[str, str]]:
    """(id, label) of accounts given as (id, name, platform), for the account menus. One name on
    two platforms is allowed (every account called 「上越市」), and a menu showed it twice, the same:
    such names are followed by their platform, which the name gives way to at Slack's 75."""
    keys = [look_alike_key(name) for _, name, _ in accounts]
    out = []
    for (account_id, name, platform), key in zip(accounts, keys, strict=True):
        if keys.count(key) > 1:
            suffix = f"（{PLATFORM_JA.get(platform, platform)}）"
            name = shortened(name, OPTION_LABEL_MAX - len(suffix)) + suffix
        out.append((account_id, name))
    return out


SELECT_OPTIONS_MAX = 100  # Slack's most options in a static_select, and in each of its option groups


def select_options(options: Sequence[dict[str, Any]], *, noun: str = "アカウント", leading: int = 0) -> dict[str, Any]:
    """The ``options`` of a static_select, or past Slack's 100 its ``option_groups`` of 100 each:
    a city's file may name 150 accounts, and cutting the list at 100 left the rest unselectable
    without a word. ``leading``: how many options at the start are not of the ``noun``
    (「特定のアカウントではない」), which the labels' 「何件目」 do not count."""
    if len(options) <= SELECT_OPTIONS_MAX:
        return {"options": list(options)}
    n = SELECT_OPTIONS_MAX
    groups = []
    for i in range(0, min(len(options), n * n), n):
        first, last = max(i + 1 - leading, 1), min(i + n, len(options)) - leading
        groups.append({"label": {"type": "plain_text", "text": f"{noun}（{first}〜{last}件目）"},
                       "options": list(options[i:i + n])})
    return {"option_groups": groups}


def revise_button(view: DraftView) -> dict[str, Any]:
    return button(REVISE_ACTION, "修正する", version_ref(view.id, view.version, view.content_hash), style="primary",
                  reader=draft_reader_label("修正する", view.id, view.version, view.account_name))


# Slack's most characters in a button's accessibility_label (it refuses the message past it).
READER_LABEL_MAX = 75


def reader_label(before: str, name: str, after: str) -> str:
    """A button's accessibility_label: what a screen reader says instead of its text. A manager
    with several request DMs in one conversation heard 「承認、ボタン」 at each, and could not tell
    which draft a tap would approve. The name (from the organisation file, of any length) gives way
    with 「…」 so that the action and the number after it stay; its line breaks are read as spaces."""
    name = " ".join(name.split())
    return shortened(before + shortened(name, max(READER_LABEL_MAX - len(before) - len(after), 1)) + after,
                     READER_LABEL_MAX)


def draft_reader_label(action: str, draft_id: int, version: int, account_name: str) -> str:
    """「承認、上越市公式Xの第2版、下書き12番」: the action first (a reader moving from button to
    button hears what each does before whose it is), then the account and version the message's
    header names, then the draft's number, which tells apart two first versions of one account.
    Commas, not brackets or 「#」, which some readers speak as 「かっこ」「シャープ」."""
    return reader_label(f"{action}、", account_name, f"の第{version}版、下書き{draft_id}番")


def button(action_id: str, label: str, value: str, *, style: str | None = None,
           reader: str | None = None) -> dict[str, Any]:
    b: dict[str, Any] = {"type": "button", "action_id": action_id, "value": value,
                         "text": {"type": "plain_text", "text": label}}
    if style:
        b["style"] = style
    if reader:
        b["accessibility_label"] = shortened(reader, READER_LABEL_MAX)
    return b


# Block and action ids of the draft modal (handlers/drafting.py reads them back).
F_ACCOUNT, F_TEXT, F_DATE, F_TIME = "account", "text", "date", "time"
F_CATEGORY, F_IMAGES, F_ALTS, F_CONSENT, F_NOTE = "category", "images", "alt_texts", "consent", "note"
MAX_IMAGES = 10
FORM_TEXT_MAX = 3000  # Slack's most for a plain_text_input


def zone_hint_ja(tz: str) -> str:
    """The sentence telling in which zone a form's date and time are read: KESSAI_TZ's."""
    label = zone_label_ja(tz)
    return f"{label}です。" if tz == DEFAULT_TZ else f"タイムゾーン {label} の日時です。"


def draft_modal(accounts: Sequence[tuple[str, str]], *, text: str = "", metadata: str = "",
                account_id: str | None = None, revising: DraftView | None = None,
                files_left_out: int = 0, tz: str = DEFAULT_TZ) -> dict[str, Any]:
    """/kessai draft: one modal with everything the checks and the approver need (SPEC §4.1).

    ``revising``: the same form for 「修正する」, filled in with that version and sent back as the
    next version of the same draft (its account cannot change). ``files_left_out``: the files of
    the message 「決裁に回す」 was picked on, which the form cannot carry to the approver. ``tz``:
    KESSAI_TZ, the zone the date and time are read in (the hint said 日本時間 in any zone).
    """
    account_el: dict[str, Any] = {"type": "static_select", "action_id": F_ACCOUNT,
                                  "placeholder": {"type": "plain_text", "text": "アカウントを選択"},
                                  **select_options([option(a, n) for a, n in accounts])}
    initial = account_id or (accounts[0][0] if len(accounts) == 1 else None)
    if initial:
        account_el["initial_option"] = next(option(a, n) for a, n in accounts if a == initial)
    v = revising
    text = v.text if v is not None else text
    text_el: dict[str, Any] = {"type": "plain_text_input", "action_id": F_TEXT, "multiline": True,
                               "max_length": FORM_TEXT_MAX}
    text = clean_text(text)
    if text:
        text_el["initial_value"] = text[:FORM_TEXT_MAX]
    date_el: dict[str, Any] = {"type": "datepicker", "action_id": F_DATE}
    time_el: dict[str, Any] = {"type": "timepicker", "action_id": F_TIME}
    if v is not None and v.scheduled_at is not None:
        date_el["initial_date"] = v.scheduled_at.strftime("%Y-%m-%d")
        time_el["initial_time"] = v.scheduled_at.strftime("%H:%M")
    categories = [option(k, val) for k, val in CATEGORY_JA.items()]
    category = next((o for o in categories if v is not None and o["value"] == v.category), categories[0])
    images = min(v.image_count, MAX_IMAGES) if v is not None else 0
    alts_el: dict[str, Any] = {"type": "plain_text_input", "action_id": F_ALTS, "multiline": True, "max_length": 3000}
    if v is not None and v.alt_texts:
        alts_el["initial_value"] = "\n".join(clean_text(a).replace("\n", " ") for a in v.alt_texts)[:3000]
    consent_option = option("yes", "画像に写っている人から掲載の同意を得ています")
    consent_el: dict[str, Any] = {"type": "checkboxes", "action_id": F_CONSENT, "options": [consent_option]}
    if v is not None and v.portrait_consent:
        consent_el["initial_options"] = [consent_option]
    note_el: dict[str, Any] = {"type": "plain_text_input", "action_id": F_NOTE, "multiline": True, "max_length": 2000}
    if v is not None and v.note:
        note_el["initial_value"] = clean_text(v.note)[:2000]
    head = [] if v is None else [context(
        f"第{v.version}版を修正して、第{v.version + 1}版として提出します。提出すると、もう一度ガイドラインで確認し、"
        f"第{v.version}版への決裁依頼や承認は無効になります。")]
    if len(text) > FORM_TEXT_MAX:
        # The field holds no more: the end of a long message (a Facebook post) would otherwise be
        # dropped unseen, and the shortened text approved and recorded as if it were the post.
        head.append(section(
            f":warning: 元のメッセージは {len(text):,} 文字あり、入力欄には {FORM_TEXT_MAX:,} 文字までしか入らないため、"
            f"先頭の {FORM_TEXT_MAX:,} 文字だけを入れました（以下省略）。このまま提出すると、省略した部分は決裁に回りません。"
            "全文を決裁に回すには、受付チャンネルに文面をそのまま書き込んでください。"))
    if files_left_out:
        # A flyer PDF attached to the message would otherwise stay behind unseen, and the text be
        # approved as if it were all (a draft posted in the intake channel carries its files).
        head.append(section(
            f":warning: 元のメッセージに添付されたファイル（{files_left_out:,}件）は、この入力画面からは決裁に回らず、"
            "決裁者にも表示されません。ファイルも一緒に確認してもらうには、受付チャンネルに文面とファイルを"
            "一緒に投稿してください。"))
    title, submit = ("下書きを修正する", "修正して提出") if v is not None else ("下書きを決裁に回す", "確認して提出")
    return modal(REVISE_CALLBACK if v is not None else DRAFT_CALLBACK, title, submit, [
            *head,
            input_block(F_ACCOUNT, "アカウント", account_el),
            input_block(F_TEXT, "投稿する文面", text_el),
            input_block(F_DATE, "投稿予定日", date_el, optional=True,
                   hint=f"{zone_hint_ja(tz)}日付と時刻は両方指定するか、両方空欄にしてください。"),
            input_block(F_TIME, "投稿予定時刻", time_el, optional=True),
            input_block(F_CATEGORY, "区分", {"type": "static_select", "action_id": F_CATEGORY, "options": categories,
                                      "initial_option": category},
                   hint="緊急・災害、定型文（登録済み）、簡易な返信は、エラーがなければ決裁を省略して事後報告になります。"),
            input_block(F_IMAGES, "画像の枚数", {"type": "static_select", "action_id": F_IMAGES,
                                         "options": [option(str(n), f"{n}枚") for n in range(MAX_IMAGES + 1)],
                                         "initial_option": option(str(images), f"{images}枚")}),
            # What goes in the label's brackets goes in the hint: Slack adds 「（任意）」 to an optional
            # label, and 「…（1行に1枚ずつ）（任意）」 read as two afterthoughts.
            input_block(F_ALTS, "画像の代替テキスト", alts_el, optional=True,
                        hint="1行に1枚ずつ、画像の内容を文章で説明してください（例: 満開の桜の下を歩く親子連れ）。"),
            input_block(F_CONSENT, "肖像権", consent_el, optional=True),
            input_block(F_NOTE, "決裁者へのメモ", note_el, optional=True),
    ], metadata=metadata)


def override_modal(view: DraftView) -> dict[str, Any]:
    errors = [f for f in view.findings if f.severity == "error"]
    # As the thread lists them: a code a finding is about shown as its letters, not drawn.
    listed = "\n".join(f"• *{escape(f.code)}* {_codes_as_typed(escape(f.message))}" for f in errors[:10])
    return modal(OVERRIDE_CALLBACK, "理由を付けて決裁依頼", "決裁を依頼する", [
            section(f"*{escape(view.account_name)}* 第{view.version}版には次のエラーがあります。\n{listed}"[:3000]),
            input_block(OVERRIDE_BLOCK, "このまま決裁を依頼する理由（決裁者に最初に表示され、台帳に記録されます）",
                   {"type": "plain_text_input", "action_id": OVERRIDE_INPUT, "multiline": True, "min_length": 5,
                    "max_length": 2000}),
    ], metadata=version_ref(view.id, view.version, view.content_hash))


T_NAME, T_TEXT = "template_name", "template_text"


def template_modal() -> dict[str, Any]:
    """``/kessai template add`` without a body: a modal takes the text as typed — several lines,
    emoji as characters — which a slash command cannot carry."""
    return modal(TEMPLATE_CALLBACK, "定型文の登録", "登録する", [
        context("区分「定型文」の下書きがこの文面と一致し、エラーがなければ決裁省略になります。"),
        input_block(T_NAME, "名前", {"type": "plain_text_input", "action_id": T_NAME, "max_length": 100},
                    hint="例: 大雨警報の発表"),
        input_block(T_TEXT, "本文", {"type": "plain_text_input", "action_id": T_TEXT, "multiline": True,
                                   "max_length": 3000}),
    ])


def notice_view(callback_id: str, title: str, text: str) -> dict[str, Any]:
    """A modal that only reports the outcome of the one it replaces."""
    return modal(callback_id, title, None, [section(text[:3000])], close="閉じる")


def revision_recorded_view(version: int) -> dict[str, Any]:
    """What replaces a revision form sent again (送信 pressed once more after its answer was lost)
    when the first press was recorded: refused as 「この表示は古い版のものです」, it read as a failure
    of a revision that had been saved as ``version``."""
    return notice_view(REVISED_CALLBACK, "下書きの修正",
                       f"この修正はすでに第{version}版として記録されています。もう一度送信する必要はありません。"
                       "確認結果は下書きのスレッドに届きます。")


P_URL, P_DATE, P_TIME = "post_url", "post_date", "post_time"


def publish_modal(view: DraftView, account_url: str, now: datetime) -> dict[str, Any]:
    return modal(PUBLISH_CALLBACK, "投稿済みにする", "登録する", [
            section(f"*{escape(view.account_name)}* 第{view.version}版"),
            *draft_preview(view.text, 300),
            input_block(P_URL, "投稿のURL", {"type": "plain_text_input", "action_id": P_URL, "max_length": URL_MAX},
                   hint=f"アカウント（{account_url[:100]}）に投稿した記事のURLを貼り付けてください。"),
            input_block(P_DATE, "投稿した日", {"type": "datepicker", "action_id": P_DATE,
                                       "initial_date": now.date().isoformat()}),
            input_block(P_TIME, "投稿した時刻", {"type": "timepicker", "action_id": P_TIME,
                                         "initial_time": now.strftime("%H:%M")}),
    ], metadata=version_ref(view.id, view.version, view.content_hash))


# -- App Home --------------------------------------------------------------------------------
@dataclass(frozen=True)
class HomeItem:
    draft_id: int
    version: int
    account_name: str
    author_name: str
    state_ja: str
    excerpt: str
    updated_at: datetime
    acting_for_name: str | None = None
    scheduled_at: datetime | None = None
    next_step: str | None = None  # "revise" | "publish": what its author can do about it from Home
    content_hash: str = ""


@dataclass(frozen=True)
class AccountMonth:
    name: str
    published: int
    minimum: int


@dataclass(frozen=True)
class IncidentItem:
    id: int
    kind_ja: str
    account_name: str
    status_ja: str
    description: str
    created_at: datetime
    # (action_id, label) of the button shown to an escalation member: 対応開始 while nobody has,
    # else 解決. The alert's buttons are the only other way, and an alert deleted in Slack (or
    # buried in a channel) left an incident nobody could acknowledge or resolve.
    action: tuple[str, str] | None = None


def incident_reader_label(action: str, incident_id: int | None, kind_ja: str, account_name: str) -> str:
    """「解決、受付番号3、炎上、上越市公式X」: which incident a 対応開始 or 解決 button acts on,
    as the alert's header and 受付番号 say it (several alerts share the escalation channel).
    ``incident_id`` is None only for a row not yet flushed, which no alert is drawn from."""
    number = f"受付番号{incident_id}、" if incident_id is not None else ""
    return reader_label(f"{action}、{number}{kind_ja}、", account_name, "")


def _decision_buttons(value: str, draft_id: int, version: int, account_name: str, *,
                      block_id: str | None = None) -> dict[str, Any]:
    block: dict[str, Any] = {"type": "actions", "elements": [
        button("approve_draft", "承認", value, style="primary",
               reader=draft_reader_label("承認", draft_id, version, account_name)),
        button("reject_draft", "差戻し", value, style="danger",
               reader=draft_reader_label("差戻し", draft_id, version, account_name)),
    ]}
    if block_id:
        block["block_id"] = block_id
    return block


HOME_WAITING_SHOWN = 12  # decisions listed on App Home, each with its buttons; the rest are counted
HOME_INCIDENTS_SHOWN = 10  # open incidents listed on App Home, newest first; the rest are counted


HOME_NOT_OPERATOR_JA = ("下書きはありません。あなたはどのアカウントの運用担当者としても登録されていないため、下書きを提出できません。"
                        "登録が必要な場合は、システム管理者（IT 担当）にご相談ください。")


HOME_ACCOUNT_SECTIONS = 3  # sections of 「今月の投稿数」 on App Home; the accounts beyond them are counted
HOME_ACCOUNT_NAME_SHOWN = 100
# Sections the accounts short of the minimum may take when the others do not fit: with the rest of
# App Home at its fullest (some 65 blocks) it stays within Slack's 100.
HOME_SHORT_ACCOUNT_SECTIONS = 12


def _account_month_blocks(accounts: Sequence[AccountMonth]) -> list[dict[str, Any]]:
    """One line per account, in as many sections as they need up to HOME_ACCOUNT_SECTIONS. An
    approver of every account of a city (a hundred and more) would otherwise get one section cut
    at Slack's 3,000 characters in the middle of a name, with no word of the accounts left out;
    when they do not all fit, those short of the minimum come first, as they are what needs doing,
    and they may take up to HOME_SHORT_ACCOUNT_SECTIONS: on the 1st every account is short (0 件),
    and no list of them is posted anywhere before the month's last business day."""
    def line(a: AccountMonth) -> tuple[str, int]:
        mark = ":white_check_mark:" if a.published >= a.minimum else ":warning:"
        return f"{mark} {escape(shortened(a.name, HOME_ACCOUNT_NAME_SHOWN))}: {a.published}件（最低 {a.minimum}件）", 1

    short = [a for a in accounts if a.published < a.minimum]
    texts = pack([line(a) for a in accounts])
    if len(texts) > HOME_ACCOUNT_SECTIONS:
        # Within each group the organisation file's order is kept.
        met = [a for a in accounts if a.published >= a.minimum]
        texts = pack([line(a) for a in short])[:HOME_SHORT_ACCOUNT_SECTIONS]
        if len(texts) < HOME_ACCOUNT_SECTIONS and met:
            room = SECTION_LIMIT - len(texts[-1][0]) - 1 if texts else SECTION_LIMIT
            # The last section of short ones is filled up before a new one is started.
            first = _first_fitting([line(a) for a in met], room) if texts else []
            if first:
                texts[-1] = (texts[-1][0] + "\n" + "\n".join(t for t, _ in first), texts[-1][1] + len(first))
            texts += pack([line(a) for a in met[len(first):]])[:HOME_ACCOUNT_SECTIONS - len(texts)]
    blocks = [section(t) for t, _ in texts]
    shown = sum(n for _, n in texts)
    if shown < len(accounts):
        left = len(accounts) - shown
        left_short = max(0, len(short) - shown)
        if not left_short:
            lead = f"基準に達していない {len(short)} アカウントを先に、" if short else ""
            rest = f"表示していない {left} アカウントは、いずれも今月の基準に達しています。"
        else:  # names of thousands of characters each: what is not shown is said
            lead = "基準に達していないアカウントを先に、"
            rest = (f"表示していない {left} アカウントのうち {left_short} アカウントは、今月の基準に達していません。"
                    "担当の方に、投稿と「投稿済みにする」での記録をお願いしてください。")
        blocks.append(context(
            f"全 {len(accounts)} アカウントのうち、{lead}{shown} アカウントを表示しています。{rest}"
            "基準に達していないアカウントの一覧は、毎月の最終業務日と翌月の初めに、エスカレーション先のチャンネルに投稿されます。"))
    return blocks


def home_view(*, waiting: Sequence[HomeItem], mine: Sequence[HomeItem], viewer_name: str,
              accounts: Sequence[AccountMonth] = (), incidents: Sequence[IncidentItem] = (),
              month_label: str = "", waiting_total: int | None = None, can_submit: bool = True) -> dict[str, Any]:
    """App Home (SPEC §4.6): my decisions, my drafts, my accounts' month, open incidents.

    ``waiting``: the oldest decisions waiting (only the first HOME_WAITING_SHOWN are listed);
    ``waiting_total``: how many wait in all (default: as many as given); ``can_submit``: the
    viewer operates an account (else they are not invited to write drafts that would be refused)."""
    total = len(waiting) if waiting_total is None else waiting_total
    blocks: list[dict[str, Any]] = [
        header("kessai — SNS投稿の決裁"),
        context(f"{escape(viewer_name)} さんの画面です。`/kessai help` でコマンドの一覧を表示します。"),
        header(f"あなたの決裁待ち（{total}件）"),
    ]
    if not waiting:
        blocks.append(section("決裁待ちの下書きはありません。"))
    for item in list(waiting)[:HOME_WAITING_SHOWN]:
        who = f"（{escape(item.acting_for_name)} さんの代決）" if item.acting_for_name else ""
        blocks.append(section(
            f"*{escape(item.account_name)}* 第{item.version}版{who}（作成者: {escape(item.author_name)}、"
            f"投稿予定: {fmt_time(item.scheduled_at)}）\n{quote(item.excerpt, 200)}"))
        blocks.append(_decision_buttons(version_ref(item.draft_id, item.version, item.content_hash),
                                        item.draft_id, item.version, item.account_name))
    if total > HOME_WAITING_SHOWN:
        blocks.append(context(f"古いものから{HOME_WAITING_SHOWN}件を表示しています。残りの{total - HOME_WAITING_SHOWN}件は、"
                              "これらの決裁が済むと順に表示されます。"))
    blocks.append({"type": "divider"})
    blocks.append(header("あなたの下書き（最近20件）"))
    if not mine and can_submit:
        blocks.append(section("まだ下書きはありません。受付チャンネルに文面を書き込むか `/kessai draft` で提出すると、ここに表示されます。"))
    elif not mine:
        blocks.append(section(HOME_NOT_OPERATOR_JA))
    for item in list(mine)[:20]:
        block = section(
            f"*{item.state_ja}* — {escape(item.account_name)} 第{item.version}版（{fmt_time(item.updated_at)}）\n"
            f"{quote(item.excerpt, 120)}")
        ref = version_ref(item.draft_id, item.version, item.content_hash)
        if item.next_step == "revise":
            block["accessory"] = button(REVISE_ACTION, "修正する", ref,
                                        reader=draft_reader_label("修正する", item.draft_id, item.version, item.account_name))
        elif item.next_step == "publish":
            block["accessory"] = button(PUBLISH_ACTION, "投稿済みにする", ref, reader=draft_reader_label(
                "投稿済みにする", item.draft_id, item.version, item.account_name))
        blocks.append(block)
    if accounts:
        blocks.append({"type": "divider"})
        blocks.append(header(f"今月の投稿数{month_label}"))
        blocks.extend(_account_month_blocks(accounts))
    blocks.append({"type": "divider"})
    blocks.append(header(f"対応中のインシデント（{len(incidents)}件）"))
    if not incidents:
        blocks.append(section("対応中のインシデントはありません。"))
    for inc in list(incidents)[:HOME_INCIDENTS_SHOWN]:
        block = section(
            f"*#{inc.id} {escape(inc.kind_ja)}* — {escape(inc.account_name)}（{inc.status_ja}、{fmt_time(inc.created_at)}）\n"
            f"{quote(inc.description, 200)}")
        if inc.action is not None:  # an accessory, not a block of its own: App Home holds 100 blocks
            block["accessory"] = button(inc.action[0], inc.action[1], str(inc.id),
                                        reader=incident_reader_label(inc.action[1], inc.id, inc.kind_ja, inc.account_name))
        blocks.append(block)
    if len(incidents) > HOME_INCIDENTS_SHOWN:
        blocks.append(context(f"新しいものから{HOME_INCIDENTS_SHOWN}件を表示しています。残りの"
                              f"{len(incidents) - HOME_INCIDENTS_SHOWN}件は、エスカレーション先のチャンネルの通知をご覧ください。"))
    return {"type": "home", "blocks": blocks[:100]}
