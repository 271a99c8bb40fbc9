"""Is this the URL of a post on this account? (pure)

「投稿済みにする」 counts a post toward the monthly minimum (上越市 4(4)②), so the URL must be a
post of *this* account on *its* platform — not a link to the city's homepage or another account.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from urllib.parse import parse_qsl, urlsplit

HOSTS: dict[str, tuple[str, ...]] = {
    "x": ("x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com"),
    "instagram": ("instagram.com",),
    "facebook": ("facebook.com", "m.facebook.com", "fb.com", "web.facebook.com"),
    "line": ("line.me", "page.line.me", "linevoom.line.me", "timeline.line.me", "lin.ee"),
    "youtube": ("youtube.com", "m.youtube.com", "youtu.be"),
    "tiktok": ("tiktok.com", "m.tiktok.com", "vm.tiktok.com", "vt.tiktok.com"),
}
PLATFORM_JA = {"x": "X", "instagram": "Instagram", "facebook": "Facebook", "line": "LINE", "youtube": "YouTube",
               "tiktok": "TikTok", "blog": "ブログ"}


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host[4:] if host.startswith("www.") else host


def _first_segment(url: str) -> str:
    parts = [p for p in urlsplit(url).path.split("/") if p]
    return parts[0] if parts else ""


def _handle(account_url: str) -> str:
    return _first_segment(account_url).lstrip("@").lower()


# The column that keeps it (drafts.published_url), and the form's limit (render.publish_modal).
URL_MAX = 500


# A host name's dot (「x.com/…」 without https:// is answered as such below); a fixed width, so linear.
_HOST_DOT = re.compile(r"[A-Za-z0-9-]\.[A-Za-z]{2}")


# Punctuation that ends the sentence a URL was copied from (「…/status/123。」), never part of a post's URL.
_TRAILING_JA = "。、．，」』）】"


def clean_post_url(url: str) -> str:
    """The URL as typed, without surrounding spaces and the Japanese punctuation copied after it."""
    return url.strip().rstrip(_TRAILING_JA).rstrip()


def check_post_url(platform: str, account_url: str, url: str) -> str | None:
    """None when ``url`` is a post of the account at ``account_url``; else why not, in Japanese."""
    url = url.strip()
    if not url:
        return "投稿のURLを入力してください。"
    written = unicodedata.normalize("NFKC", url)
    if "://" not in written and not _HOST_DOT.search(written):
        # 「投稿しました」「済」 typed where the address goes: not a URL with 全角 in it.
        return "入力された内容はURLではないようです。投稿を開いて、そのURL（https:// で始まるもの）を貼り付けてください。"
    if any(c.isspace() for c in url) or not url.isascii():
        return "URLに空白や全角文字が含まれています。投稿のURLをそのまま貼り付けてください。"
    if len(url) > URL_MAX:
        return f"URLが長すぎます（{URL_MAX}文字まで）。投稿を開いたときのアドレスをそのまま貼り付けてください。"
    try:
        parts = urlsplit(url)
    except ValueError:
        return "URLとして読み取れませんでした。投稿のURLをそのまま貼り付けてください。"
    if parts.scheme != "https" or not parts.hostname:
        return "投稿のURLは https:// で始まるものを貼り付けてください。"
    host = _host(url)
    name = PLATFORM_JA.get(platform, platform)
    if platform == "blog":
        if host != _host(account_url):
            return f"このアカウントのブログ（{_host(account_url)}）の記事のURLを貼り付けてください。"
        if parts.path.strip("/") in ("", urlsplit(account_url).path.strip("/")) and not parts.query:
            return "ブログのトップページではなく、投稿した記事を開いて、そのURLを貼り付けてください。"
        return None
    if host not in HOSTS.get(platform, ()):
        return f"このアカウントは{name}です。{name}の投稿のURL（{HOSTS.get(platform, ('?',))[0]} など）を貼り付けてください。"
    handle = _handle(account_url)
    path = parts.path
    if platform == "x":
        m = _X_STATUS.fullmatch(path.rstrip("/"))
        if not m:
            return "Xの投稿のURLは https://x.com/アカウント名/status/数字 の形です。投稿を開いてURLをコピーしてください。"
        # x.com/i/status/… (the app's "copy link" for some posts) names no account to compare.
        if handle and m["handle"].lower() not in (handle, "i"):
            return f"このURLは @{m['handle']} の投稿です。このアカウント（@{handle}）の投稿のURLを貼り付けてください。"
        return None
    if platform == "instagram":
        m = _INSTAGRAM_CODE.fullmatch(path.rstrip("/"))
        if not m:
            return "Instagramの投稿のURLは https://www.instagram.com/p/… の形です。投稿を開いてURLをコピーしてください。"
        if m["handle"] and handle and m["handle"].lower() != handle:
            return f"このURLは {m['handle']} の投稿です。このアカウント（{handle}）の投稿のURLを貼り付けてください。"
        return None
    if platform == "tiktok":
        if host in _TIKTOK_SHORT_HOSTS:
            # The app's 「リンクをコピー」 gives a short link: it names no account to compare.
            if _TIKTOK_SHORT.fullmatch(path.rstrip("/")):
                return None
            return "TikTokの短縮リンクは https://vt.tiktok.com/英数字/ の形です。投稿を開いてリンクをコピーしてください。"
        m = _TIKTOK_VIDEO.fullmatch(path.rstrip("/"))
        if not m:
            return "TikTokの投稿のURLは https://www.tiktok.com/@アカウント名/video/数字 の形です。"
        if handle and m["handle"].lower() != handle:
            return f"このURLは @{m['handle']} の投稿です。このアカウント（@{handle}）の投稿のURLを貼り付けてください。"
        return None
    if platform == "facebook":
        first = _first_segment(url).lower()
        if first in ("permalink.php", "story.php", "photo.php", "photo", "share", "watch", "reel"):
            return None
        if not path.strip("/") or "/" not in path.strip("/"):
            return "Facebookの投稿を開いて、その投稿のURLを貼り付けてください（ページのURLではなく投稿のURLです）。"
        if handle and first != handle:
            return f"このURLは {first} の投稿です。このアカウント（{handle}）の投稿のURLを貼り付けてください。"
        return None
    if platform == "youtube":
        if post_key(url)[0] == "youtube" or re.fullmatch(r"/post/[A-Za-z0-9_-]+/?", path):
            return None
        return "YouTubeの動画のURL（https://www.youtube.com/watch?v=… など）を貼り付けてください。"
    # LINE: post URLs carry no handle we could compare, the host is what we can check.
    if not path.strip("/"):
        return "LINEの投稿を開いて、その投稿のURLを貼り付けてください。"
    return None


_HOST_ALIASES = {"twitter.com": "x.com", "mobile.twitter.com": "x.com", "mobile.x.com": "x.com",
                 "m.facebook.com": "facebook.com", "web.facebook.com": "facebook.com", "fb.com": "facebook.com",
                 "m.youtube.com": "youtube.com", "m.tiktok.com": "tiktok.com"}
# Query parameters that say where a link was shared from, not which post it is.
_TRACKING = re.compile(r"^(utm_.*|si|igsh|igshid|ref|ref_src|ref_url|fbclid|feature|mibextid|__cft__.*|__tn__|"
                       r"img_index|is_from_webapp|sender_device|_r|_t)$")
# Short names that say where a link was shared from only on the platforms that add them (X's ?s=20
# ?t=…, ?lang=ja): on a blog, 「news.php?s=5」 names an article.
_PLATFORM_TRACKING = re.compile(r"^(s|t|lang)$")
_PLATFORM_HOSTS = frozenset({"x.com", "instagram.com", "facebook.com", "youtube.com", "youtu.be", "tiktok.com",
                             "line.me", "page.line.me", "linevoom.line.me", "timeline.line.me"})
# What names one post whatever the address it was copied from: X's status number (a handle's
# letter case, /i/status/, /photo/1 or /video/1 make no other post), Instagram's code (/p/, /reel/,
# /tv/, with or without the handle before it), a YouTube video's id (watch?v=, youtu.be/, /shorts/,
# /live/) and a TikTok video's number.
# Matched on the path without its trailing slash; ``handle`` is the account the address names, if any
# (「i」 on X's /i/status/ names none).
_X_STATUS = re.compile(r"/(?P<handle>[A-Za-z0-9_]{1,50})(?:/web)?/status/(?P<id>\d+)(?:/(?:photo|video)/\d+)?")
_INSTAGRAM_CODE = re.compile(r"/(?:(?P<handle>[A-Za-z0-9_.]+)/)?(?:p|reel|reels|tv)/(?P<id>[A-Za-z0-9_-]+)")
_YOUTUBE_PATH = re.compile(r"/(?:shorts|live|embed)/(?P<id>[A-Za-z0-9_-]+)")
_TIKTOK_SHORT = re.compile(r"/(?P<code>[A-Za-z0-9]{5,20})")
_TIKTOK_SHORT_HOSTS = frozenset({"vm.tiktok.com", "vt.tiktok.com"})
_TIKTOK_VIDEO = re.compile(r"/@(?P<handle>[A-Za-z0-9_.]+)/(?:video|photo)/(?P<id>\d+)")


def post_key(url: str) -> tuple[str, ...]:
    """What ``url`` names, so that two addresses of one post compare equal (see ``same_post``).

    A published draft keeps its digest (``post_key_digest``, drafts.published_key): a change here
    that gives some address another key needs a migration recomputing that column, or a post
    registered before is no longer found under its other addresses."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().removeprefix("www.")
    host = _HOST_ALIASES.get(host, host)
    path = parts.path.rstrip("/")
    query = dict(parse_qsl(parts.query))
    if host == "x.com" and (m := _X_STATUS.fullmatch(path)):
        return ("x", m["id"])
    if host == "instagram.com" and (m := _INSTAGRAM_CODE.fullmatch(path)):
        return ("instagram", m["id"])
    if host == "youtu.be" and path.strip("/"):
        return ("youtube", path.strip("/").split("/")[0])
    if host == "youtube.com" and path == "/watch" and query.get("v"):
        return ("youtube", query["v"])
    if host == "youtube.com" and (m := _YOUTUBE_PATH.fullmatch(path)):
        return ("youtube", m["id"])
    if host == "tiktok.com" and (m := _TIKTOK_VIDEO.fullmatch(path)):
        return ("tiktok", m["id"])
    if host in _TIKTOK_SHORT_HOSTS and (m := _TIKTOK_SHORT.fullmatch(path)):
        return ("tiktok-short", m["code"])
    if host == "facebook.com":
        path = path.lower()  # a page's name in any letter case is the same page
    kept = tuple(f"{k}={v}" for k, v in sorted(query.items())
                 if not _TRACKING.match(k) and not (host in _PLATFORM_HOSTS and _PLATFORM_TRACKING.match(k)))
    return (host, path, *kept)


def post_key_digest(url: str) -> str:
    """``post_key`` in 64 characters, kept with a published draft (drafts.published_key): each
    registration looks up the drafts with the same digest through an index instead of comparing
    every URL ever registered. JSON keeps the parts apart (no joined string of two keys is equal)."""
    return hashlib.sha256(json.dumps(post_key(url), ensure_ascii=False).encode()).hexdigest()


def same_post(a: str, b: str) -> bool:
    """Whether two post URLs name the same post. Where a link was shared from (?s=20, utm_…),
    the fragment, a trailing slash, ``www.``, the mobile or old host name, and each platform's
    other addresses of one post (``post_key``) do not make a different post; the query
    parameters that do (YouTube's ?v=, Facebook's story_fbid=) are kept."""
    return post_key(a) == post_key(b)
