"""The /kessai draft form as domain input: validation in polite Japanese, no Slack shapes (pure).

Field names are the modal's block ids (``bot.render.F_*``) so that an error lands under its input.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot import render

CATEGORIES = tuple(render.CATEGORY_JA)
# A draft scheduled a minute ago was meant "now"; more than that is a mistake worth a question.
PAST_TOLERANCE = timedelta(minutes=1)
# The furthest the platforms schedule a post (X: 18 months). Further is a year mistyped in Slack's
# date picker (2062 for 2026, 9999): taken, it waited for approval for decades, and the holiday table
# behind the checks fails on the last years of the calendar, so the draft was never checked.
FUTURE_LIMIT = timedelta(days=550)


@dataclass(frozen=True)
class DraftInput:
    """What the person typed, as strings (``None`` for an empty input)."""

    account_id: str | None
    text: str | None
    date: str | None
    time: str | None
    category: str | None
    image_count: str | None
    alt_texts: str | None
    portrait_consent: bool
    note: str | None


@dataclass(frozen=True)
class DraftForm:
    account_id: str
    text: str
    scheduled_at: datetime | None
    category: str
    image_count: int
    alt_texts: tuple[str, ...]
    portrait_consent: bool
    note: str | None


def validate(raw: DraftInput, *, now: datetime, tz: str, allowed_accounts: Mapping[str, str]) -> \
        tuple[DraftForm | None, dict[str, str]]:
    """``(form, {})`` when everything is usable, else ``(None, {field: message})``."""
    errors: dict[str, str] = {}
    account = raw.account_id or ""
    if not account:
        errors[render.F_ACCOUNT] = "アカウントを選んでください。"
    elif account not in allowed_accounts:
        errors[render.F_ACCOUNT] = "このアカウントの運用担当者として登録されていないため、下書きを提出できません。"
    text = (raw.text or "").strip()
    if not text:
        errors[render.F_TEXT] = "投稿する文面を入力してください。"
    scheduled = _scheduled(raw, now, tz, errors)
    category = raw.category or "normal"
    if category not in CATEGORIES:
        errors[render.F_CATEGORY] = "区分を一覧から選んでください。"
    count = _image_count(raw.image_count, errors)
    alts = tuple(line.strip() for line in (raw.alt_texts or "").splitlines() if line.strip())
    if count is not None and len(alts) != count:
        errors[render.F_ALTS] = (
            f"画像が{count}枚のときは、代替テキストを1行に1枚ずつ{count}行入力してください（いまは{len(alts)}行です）。"
            if count else "画像が0枚のときは、代替テキストは空欄にしてください。")
    if errors:
        return None, errors
    assert count is not None
    note = (raw.note or "").strip() or None
    return DraftForm(account_id=account, text=text, scheduled_at=scheduled, category=category, image_count=count,
                     alt_texts=alts, portrait_consent=raw.portrait_consent, note=note), {}


def _scheduled(raw: DraftInput, now: datetime, tz: str, errors: dict[str, str]) -> datetime | None:
    if not raw.date and not raw.time:
        return None
    if not raw.date:
        errors[render.F_DATE] = "投稿予定時刻を指定するときは、投稿予定日も指定してください。"
        return None
    if not raw.time:
        errors[render.F_TIME] = "投稿予定日を指定するときは、投稿予定時刻も指定してください。"
        return None
    try:
        at = datetime.combine(date.fromisoformat(raw.date), time.fromisoformat(raw.time), ZoneInfo(tz))
    except ValueError:
        errors[render.F_DATE] = "投稿予定日時を読み取れませんでした。カレンダーと時刻の一覧から選んでください。"
        return None
    if at < now - PAST_TOLERANCE:
        errors[render.F_DATE] = "投稿予定日時が過去になっています。これから投稿する日時を指定してください。"
        return None
    if at > now + FUTURE_LIMIT:
        errors[render.F_DATE] = (f"投稿予定日が{at.year}年{at.month}月{at.day}日と、1年半より先になっています。"
                                 "年に誤りがないか確かめて、指定し直してください。")
        return None
    return at


def _image_count(value: str | None, errors: dict[str, str]) -> int | None:
    v = value or "0"
    if not (v.isascii() and v.isdecimal()) or int(v) > render.MAX_IMAGES:
        errors[render.F_IMAGES] = f"画像の枚数は0〜{render.MAX_IMAGES}枚から選んでください。"
        return None
    return int(v)
