"""Links: shorteners, harmful domains, plain http, untrusted domains, broken URLs."""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from collections.abc import Iterator
from functools import cache, lru_cache
from itertools import groupby
from urllib.parse import parse_qs, quote, unquote, urlsplit

from bot.rules.domains import (
    ALWAYS_TRUSTED_SUFFIXES,
    FIRST_PARTY_SHORT_LINKS,
    host_in,
    host_matches,
    is_known_suffix,
    load_domain_list,
    registrable_domain,
)
from bot.rules.model import CheckContext, Example, Hit, RuleOptions, RulePolicy
from bot.rules.prefilter import guard
from bot.rules.registry import rule
from bot.rules.text import (
    AS_LATIN,
    FILE_EXTENSIONS,
    INVISIBLE,
    LOOKALIKE_LETTERS,
    URL_CHARS,
    Document,
    Url,
    is_ipv6_literal,
    trim_url,
)
from bot.rules.x_links import x_glued_addresses

# The documented examples run with a municipality's own domains configured, as in production.
_EXAMPLE_POLICY = RulePolicy(allowed_link_domains=("city.joetsu.niigata.jp", "facebook.com"))


def _full_width(ch: str) -> bool:
    """A character that NFKC turns into ASCII: the full-width form of a letter, digit or sign."""
    return not ch.isascii() and ch not in INVISIBLE and unicodedata.normalize("NFKC", ch).isascii()


_LOOKALIKE = re.compile(f"[{LOOKALIKE_LETTERS}]")


def _lookalike(url: Url) -> bool:
    """A host that mixes Latin letters with Greek or Cyrillic ones (「jоetsu」 with a Cyrillic о,
    「аррӏе.com」): it reads as one address and leads to another."""
    return bool(_LOOKALIKE.search(url.host)) and any("a" <= c <= "z" for c in url.host)


# Names that only a local network resolves (RFC 6761/6762 and common intranet suffixes).
_LOCAL_SUFFIXES = ("localhost", "local", "lan", "internal", "intranet", "home.arpa")


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The address a host is written as (IPv4, or IPv6 in brackets), or None for a name."""
    h = host.strip("[]")
    if not (h[:1].isdigit() or ":" in h):
        return None
    try:
        return ipaddress.ip_address(h)
    except ValueError:
        return _short_ipv4(h)


_IPV4_PART = re.compile(r"(?i)0x[0-9a-f]*|0[0-7]*|[1-9][0-9]*")


def _short_ipv4(host: str) -> ipaddress.IPv4Address | None:
    """The IPv4 address a browser opens for a host written in fewer parts or other bases (the WHATWG URL
    standard's IPv4 parser): 「127.1」「0x7f.0.0.1」「0177.0.0.1」 are 127.0.0.1, which ipaddress does not read."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if not 1 <= len(parts) <= 4 or not all(_IPV4_PART.fullmatch(p) for p in parts):
        return None
    numbers = [int(p[2:] or "0", 16) if p[:2].lower() == "0x" else int(p, 8) if p[:1] == "0" else int(p) for p in parts]
    if any(n > 255 for n in numbers[:-1]) or numbers[-1] >= 256 ** (5 - len(numbers)):
        return None
    value = numbers[-1] + sum(n << (8 * (3 - i)) for i, n in enumerate(numbers[:-1]))
    return ipaddress.IPv4Address(value)


@lru_cache(maxsize=4096)  # bounded: a server sees new hosts for years
def _internal(host: str) -> bool:
    """A host only the organisation's own network (or the writer's PC) reaches: localhost, an
    intranet name, a private, loopback or link-local address."""
    if any(host == s or host.endswith("." + s) for s in _LOCAL_SUFFIXES):
        return True
    ip = _ip(host)
    return ip is not None and (ip.is_private or ip.is_loopback or ip.is_link_local)


# Links into the organisation's own chat: a Slack conversation, message or file, a Teams chat or
# channel message. They open only for members, and name the workspace. Teams meeting links
# (/l/meetup-join/) and Slack's public pages and invitations (join.slack.com) are for everyone.
_WORKSPACE_CHAT = (
    ("Slack", re.compile(r"(?i)^(?:https?://)?(?:[a-z0-9-]+\.)*slack\.com/(?:archives|client|files|docs)/")),
    ("Teams", re.compile(r"(?i)^(?:https?://)?teams\.(?:microsoft|live)\.com/l/(?:message|chat|channel|team)/")),
)
_WORKSPACE_MESSAGE = (
    "{service} のメッセージやファイルへのリンクです（{host}）。組織の外の人には開けず、ワークスペースの名前など内部の"
    "情報を知らせることにもなります。公開しているページの URL に置き換えるか、削除してください。"
)


def _workspace_chat(url: Url) -> str | None:
    """The chat service whose members-only conversation ``url`` opens, or None."""
    return next((name for name, pattern in _WORKSPACE_CHAT if pattern.match(url.url)), None)


# A link to a host without a dot (「http://fileserver/広報/」「http://localhost:8080/」), which
# Document.urls does not take for a web address. The user name before 「:password@」 is not the host.
_DOTLESS = guard(re.compile(
    rf"(?i)(?<![A-Za-z0-9])https?://(?:[^\s/?#@\[\]]*+@)?(?P<host>[A-Za-z0-9_\-]+)(?![A-Za-z0-9_.\-@\[]|:[^\s/?#@]*@)(?::[0-9]+)?[{URL_CHARS}]*"
))
# The place of a file on a PC or a file server: file:///…, \\server\share\…, C:\Users\… (the
# backslash shown as ¥ on Japanese Windows).
_FILE_PATH = guard(re.compile(
    r"(?i)(?<![A-Za-z0-9])file:/{2,3}[^\s、。「」『』]+"
    r"|(?<![\\¥\w])[\\¥]{2}[A-Za-z0-9._$\-]+[\\¥][^\s、。「」『』]*"
    r"|(?<![A-Za-z0-9])[A-Za-z]:[\\¥][^\s、。「」『』]+"
))
_INTERNAL_MESSAGE = (
    "組織の中でしか開けないアドレス（{where}）です。外部の人には開けず、庁内の仕組みを知らせることにも"
    "なります。公開しているページの URL に置き換えるか、削除してください。"
)
_FILE_MESSAGE = (
    "パソコンや庁内サーバーのファイルの場所です。外部の人には開けず、フォルダー名などの内部の情報を"
    "知らせることにもなります。公開しているページの URL に置き換えるか、削除してください。"
)


def _allowed(url: Url, allow: tuple[str, ...]) -> bool:
    return any(host_matches(url.host, a) or url.url.lower().startswith(a.lower()) for a in allow if a.strip())


@cache
def _domain_lists(*list_files: str) -> frozenset[str]:
    return frozenset().union(*(load_domain_list(f) for f in list_files))


# The labels a host goes on with after the link we read ends at an ideographic or full-width full stop.
_IDEOGRAPHIC_DOTS = re.compile(r"[。．｡]([A-Za-z0-9-]{2,63}(?:[。．｡.][A-Za-z0-9-]{2,63})*)(?![A-Za-z0-9-])")


# An address whose first dot was typed with the IME on (「https://bit。ly/abc」「https://bit。ly。abc」): no platform links
# it, since its host would end at 「bit」, before any dot; but a reader who copies it lands where a browser takes 「。」
# for a dot (IDNA), and a host without a dot is no internal name either.
_IME_DOTTED = guard(re.compile(
    rf"(?i)(?<![A-Za-z0-9])(https?)://([A-Za-z0-9\-]+。[A-Za-z0-9\-]{{2,63}}(?:[.。][A-Za-z0-9\-]{{2,63}})*)"
    rf"(?![A-Za-z0-9\-])((?:[/?#][{URL_CHARS}]*)?)"
))


def _ime_dotted(doc: Document) -> list[Url]:
    """The addresses of `_IME_DOTTED` in the draft, read with their dots, where the host is a real domain's."""
    if "。" not in doc.norm or "://" not in doc.norm:
        return []
    key = "links._ime_dotted"
    if (known := doc.memo.get(key)) is not None:
        return known  # type: ignore[return-value]
    found: list[Url] = []
    for m in _IME_DOTTED.finditer(doc.norm):
        host = m.group(2).replace("。", ".").lower()
        if not is_known_suffix(host) or doc.url_at(doc.span(m.start(), m.start() + 1)[0]) is not None:
            continue
        path = trim_url(m.group(3))
        start, end = doc.span(m.start(), m.end(2) + len(path))
        found.append(Url(start, end, f"{m.group(1).lower()}://{host}{path}", m.group(1).lower(), host,
                         doc.span(m.end(2), m.end(2))[0]))
    doc.memo[key] = found
    return found


def _listed_links(doc: Document, opts: RuleOptions, *list_files: str) -> Iterator[tuple[Url, str]]:
    """Links whose host is on bundled domain lists (or the organisation's extra_words), unless allowed."""
    ime_dotted = _ime_dotted(doc)
    if not doc.urls and not ime_dotted:
        return
    listed = _domain_lists(*list_files)
    extra = tuple(opts.extra_words)
    for url in (*doc.urls, *ime_dotted):
        if _allowed(url, opts.allow):
            continue
        if hit := host_in(url.host, listed) or host_in(url.host, extra):
            yield url, hit
        elif (rest := _IDEOGRAPHIC_DOTS.match(doc.text, url.end)) is not None:
            # 「https://www.xvideos。com/」: the dot typed with the IME on ends the link where we read it,
            # though a browser reads 「。」 as a dot (IDNA) and opens the listed site.
            host = ".".join([url.host, *re.split(r"[。．｡]", rest.group(1))]).lower()
            if hit := host_in(host, listed) or host_in(host, extra):
                yield url, hit


# The beginning of an address quoted as a pattern to beware of (「「bit.ly/…」で始まるURLのSMSに注意」
# 「「https://amzn.asia/d/」から始まるリンク」「bit.ly/xxxx のようなURL」): no page's id, only a placeholder
# (or nothing) where it would be, and after it a placeholder, the closing quote or 「で始まる」.
_PLACEHOLDER_SEGMENT = re.compile(r"(?i)|x{2,}|\*+|_+|\.+")
_PATTERN_AFTER = re.compile(
    r"[ \t]*+(?:[…‥⋯○〇●◯*＊×]|\.\.|[」』\"”'’]|(?:で|から)始ま|のような|など)"
)


def _shortener_pattern(doc: Document, url: Url) -> bool:
    """Whether ``url`` is a shortener's address named as a pattern, not a link shortened with it.
    Only a shortener's: its links always end in an id, whereas 「matome.example.com/entry/…」 cut
    short as X shows it still leads to a site link.untrusted must name."""
    if not host_in(url.host, _domain_lists("shorteners.txt", "shorteners_extra.txt")):
        return False
    path = url.url.split("://", 1)[-1].partition("/")[2]
    return bool(_PLACEHOLDER_SEGMENT.fullmatch(path.rpartition("/")[2]) and _PATTERN_AFTER.match(doc.text, url.end))


def _shortened(doc: Document, opts: RuleOptions) -> Iterator[tuple[Url, str]]:
    """The links link.shortener stops, with the shortener's domain."""
    for url, hit in _listed_links(doc, opts, "shorteners.txt", "shorteners_extra.txt"):
        if host_in(url.host, FIRST_PARTY_SHORT_LINKS) and not host_in(url.host, tuple(opts.extra_words)):
            continue
        if url.url.split("://", 1)[-1].rstrip("/").lower() == url.host:
            # The service named (「bit.ly などの短縮URL」「https://bit.ly/ は短縮URLのサービスです」),
            # not a link shortened with it: with no id, it leads to the service's own page.
            continue
        if _shortener_pattern(doc, url):
            continue  # 「「bit.ly/…」で始まるURLに注意」: a scam's pattern, no link to follow
        yield url, hit


# A shortened link behind another address, in its query (「https://www.city.joetsu.niigata.jp/jump?url=https://bit.ly/abc」,
# a CMS's exit page, or a share button's 「?u=…」): the reader is sent on to the shortener and its unseen destination all
# the same, though the address shown is a trusted one.
# Only a parameter that names where to go sends the reader on. One that records where the reader came from
# (「?utm_source=t.co/abc」「?ref=buff.ly/abc」, what a social tool appends) or what a page searches for is never
# followed; and without 「https://」 a value is an address only under a parameter named for one (「?url=bit.ly/abc」,
# which an exit page completes), not any 「…/…」 (「?from=t.co/xyz」「?keyword=t.co/abc」).
_TRACKING_PARAM = re.compile(r"(?i)utm[_-].*|ref|referr?er|from|source|src|via|campaign|medium|fbclid|gclid")
# Named for where to go, alone or as a compound's last part (「?dest_url=」「?rurl=」「?link_url=」「?nextUrl=」「?ext_link=」):
# an exit page names it as it likes, and each name left out let its shortened link through.
_TARGET_PARAM = re.compile(
    r"(?i)u|l|r|to|go|out|site|callback|[a-z0-9_-]*(?:url|uri|link|href)"
    r"|(?:next|goto|jump|dest|destination|target|forward|continue|redirect|return|back)(?:[_-]?(?:to|page|path))?"
)


def _decoded(value: str) -> str:
    """``value`` with the percent-encoding a link copied through another page adds undone (「https%253A%252F%252Fbit.ly」
    after parse_qs's own decoding is 「https%3A%2F%2Fbit.ly」): the exit page decodes it again before it sends the reader
    on. Twice at most beyond parse_qs, as a link wrapped three times is."""
    for _ in range(2):
        if "%" not in value:
            break
        value = unquote(value)
    return value


def _shortened_behind(doc: Document, opts: RuleOptions) -> Iterator[tuple[Url, str, str]]:
    """(link, shortener's domain, shortened link) of each link whose query sends the reader to a shortened link."""
    listed = _domain_lists("shorteners.txt", "shorteners_extra.txt")
    extra = tuple(opts.extra_words)
    for url in doc.urls:
        if "?" not in url.url or "=" not in url.url or _redirected(url) is not None:
            continue  # a known service's redirect is told with its destination (_redirects)
        parts = urlsplit(url.url if url.scheme else f"https://{url.url}")
        # A search result's or a share link's own parameter (「google.com/url?q=bit.ly/abc」) names where it sends the
        # reader, with the scheme or without.
        redirector = {p for _, host, path, params in _REDIRECTORS if host_matches(url.host, host)
                      and (parts.path or "/") == path for p in params}
        for name, values in parse_qs(parts.query).items():
            if _TRACKING_PARAM.fullmatch(name):
                continue
            for value in values:
                value = _decoded(value)
                if value.lower().startswith(("https://", "http://", "//")):
                    # 「?url=//bit.ly/abc」: a link without its scheme takes the page's.
                    host = (urlsplit(value if value[0] != "/" else f"https:{value}").hostname or "").rstrip(".")
                elif "/" in value.strip("/") and (_TARGET_PARAM.fullmatch(name) or name in redirector):
                    # 「?url=bit.ly/abc」: an exit page adds the scheme itself.
                    host = value.split("/", 1)[0].lower().rstrip(".")
                else:
                    continue
                if not host or any(host_matches(host, a) for a in opts.allow if a.strip()):
                    continue
                if host_in(host, FIRST_PARTY_SHORT_LINKS) and not host_in(host, extra):
                    continue
                if hit := host_in(host, listed) or host_in(host, extra):
                    yield url, hit, value
                    break
            else:
                continue
            break


# A shortened link written so that no platform links it, its dot set apart or bracketed (「bit . ly/abc」「bit[.]ly/abc」
# 「bit(.)ly/abc」「bit。ly/abc」「bit dot ly/abc」): the reader still types or copies it and lands on the shortener. Found at
# the disguised dot, then the name before it; only a shortener's host with an id after the 「/」 is one.
_DISGUISED_DOT = guard(re.compile(
    r"(?i)[ \t]*(?:\[\.\]|\(\.\)|\[dot\]|\(dot\)|[ \t]dot[ \t]|[。｡]|[ \t]\.|\.[ \t])[ \t]*"
    r"(?=([a-z]{2,24}(?:\.[a-z]{2,24})?)[ \t]*/[ \t]*([A-Za-z0-9_\-]+))"
))
_NAME_BEFORE_DOT = re.compile(r"(?i)(?<![A-Za-z0-9.\-@])[a-z0-9][a-z0-9\-]{0,62}$")
# A shortened link disguised so as not to be followed is how a lesson on phishing shows one (「「bit . ly/abc123」のような
# URLが届いても開かないでください」「短縮URL（例：bit[.]ly/3xYz）は行き先が分かりません」): the sentence says it is an example
# or a danger. Not 「注意」 alone: 「申込は bit . ly/abc から（締切に注意）」 still sends the reader there.
_LESSON = re.compile(
    r"詐欺|フィッシング|なりすまし|偽|不審な|危険|開かない|開かず|アクセスしない|アクセスせず|クリックしない|タップしない"
    r"|見分け|例[：:]|例えば|のような|などの"
)


def _disguised_shortened(doc: Document, opts: RuleOptions) -> Iterator[tuple[int, int, str]]:
    """(start, end, shortener's domain) of each shortened link written with a disguised dot (_DISGUISED_DOT)."""
    norm = doc.norm
    if "/" not in norm:
        return
    listed = _domain_lists("shorteners.txt", "shorteners_extra.txt")
    extra = tuple(opts.extra_words)
    for m in _DISGUISED_DOT.finditer(norm):
        name = _NAME_BEFORE_DOT.search(norm, max(0, m.start() - 63), m.start())
        if name is None or _PLACEHOLDER_SEGMENT.fullmatch(m.group(2)):
            continue
        host = f"{name.group()}.{m.group(1)}".lower()
        if any(host_matches(host, a) for a in opts.allow if a.strip()):
            continue
        if (hit := host_in(host, listed) or host_in(host, extra)) is None:
            continue
        if host_in(host, FIRST_PARTY_SHORT_LINKS) and not host_in(host, extra):
            continue
        start, end = doc.span(name.start(), m.end(2))
        if _LESSON.search(doc.text, *doc.sentence_at(start)):
            continue
        # A link already read (「https://bit。ly/abc」 is _ime_dotted's) is told once.
        if doc.url_at(start) is None and not any(u.start <= start < u.end for u in _ime_dotted(doc)):
            yield start, end, hit


# Links that pass through a service on their way to the page, as they are copied from where the
# writer found them: a Google search result, a link in a Facebook or Instagram post or in YouTube,
# and an e-mail read in Outlook of Microsoft 365 (Safe Links: it names the organisation's tenant).
# (service, host suffix, path, query parameter holding the destination)
_REDIRECTORS = (
    ("Google の検索結果", "google.com", "/url", ("q", "url")),
    ("Google の検索結果", "google.co.jp", "/url", ("q", "url")),
    ("Facebook", "facebook.com", "/l.php", ("u",)),
    ("Messenger", "messenger.com", "/l.php", ("u",)),
    ("Instagram", "l.instagram.com", "/", ("u",)),
    ("YouTube", "youtube.com", "/redirect", ("q",)),
    ("Outlook の安全リンク", "safelinks.protection.outlook.com", "/", ("url",)),
)


def _redirected(url: Url) -> tuple[str, str] | None:
    """(service, destination) when ``url`` only passes through a service on its way to another page."""
    if "?" not in url.url:
        return None
    parts = urlsplit(url.url if url.scheme else f"https://{url.url}")
    for service, host, path, params in _REDIRECTORS:
        if not host_matches(url.host, host) or (parts.path or "/") != path:
            continue
        query = parse_qs(parts.query)
        for name in params:
            for value in query.get(name, ()):
                if value.lower().startswith(("https://", "http://")):
                    return service, value
    return None


def _redirects(doc: Document, opts: RuleOptions) -> Iterator[tuple[Url, str, str]]:
    """(link, service, destination) of each link that passes through a service, unless allowed."""
    for url in doc.urls:
        if (found := _redirected(url)) is not None and not _allowed(url, opts.allow):
            yield url, *found


def _harmful(doc: Document, opts: RuleOptions) -> Iterator[tuple[Url, str]]:
    yield from _listed_links(doc, opts, "harmful_domains.txt")
    # A harmful site behind a redirect (「google.com/url?q=https://<harmful>/」) is as harmful.
    listed, extra = _domain_lists("harmful_domains.txt"), tuple(opts.extra_words)
    for url, _, destination in _redirects(doc, opts):
        host = (urlsplit(destination).hostname or "").rstrip(".")
        if host and (hit := host_in(host, listed) or host_in(host, extra)):
            yield url, hit


def _stopped(doc: Document, ctx: CheckContext) -> set[tuple[int, int]]:
    """Where link.shortener or link.harmful stop a link (as configured for the organisation): a
    warning that its domain is untrusted or its http:// unencrypted would only repeat that the
    link has to go."""
    spans: set[tuple[int, int]] = set()
    if not doc.urls:
        return spans
    key = ("links._stopped", id(ctx))  # link.insecure and link.untrusted both ask, once per draft
    if (known := doc.memo.get(key)) is not None:
        return known  # type: ignore[return-value]
    for code, links in (("link.shortener", _shortened), ("link.harmful", _harmful)):
        if (opts := ctx.options_for(code)) is not None:
            spans.update((url.start, url.end) for url, _ in links(doc, opts))
    if (opts := ctx.options_for("link.shortener")) is not None:
        spans.update((url.start, url.end) for url, _, _ in _redirects(doc, opts))
        spans.update((url.start, url.end) for url, _, _ in _shortened_behind(doc, opts))
    doc.memo[key] = spans
    return spans


@rule(
    code="link.shortener",
    severity="error",
    summary="URL短縮サービス",
    clause="上越市 6(1)② 留意事項",
    fires=Example("詳しくは https://bit.ly/3xYz12 をご覧ください"),
    passes=Example("詳しくは https://www.city.joetsu.niigata.jp/ をご覧ください", policy=_EXAMPLE_POLICY),
)
def shortener(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """URL短縮サービスのリンクを止めます。

    上越市 6(1)② 留意事項は「『URL短縮サービス』の利用は、原則として行わないでください」と
    しています。短縮URLは行き先が見えず、なりすましやフィッシングと区別できません。短縮サービスの
    一覧は公開リスト PeterDaveHello/url-shorteners（CC BY-SA 4.0）を同梱し、そこにない国内の短縮
    サービス（qr.paps.jp、00m.in など）を kessai の補足リストで加えています。
    サービスが自分のページへの案内に発行する短いリンク（YouTube の youtu.be、Google フォームの
    forms.gle、Google マップの maps.app.goo.gl、LINE公式アカウントの友だち追加などの lin.ee）は、
    ドメインで行き先のサービスが分かるので反応しません（`extra_words` に書けば反応します）。
    「「bit.ly/…」で始まるURLのSMSに注意してください」のように、詐欺の手口として短縮URLの書き出しだけを
    示したもの（その先を「…」「xxxx」で伏せたものや、何も書いていないもの）も、リンクではないので反応しません。
    「https://bit。ly/…」のようにドットを「。」で書いたものも、ブラウザーは同じ短縮URLを開くので止めます。
    リンクにならないようドットを区切った「bit . ly/abc」「bit[.]ly/abc」「bit(.)ly/abc」「bit。ly/abc」「bit dot ly/abc」も、読む人は
    打ち直して同じ短縮URLを開くので止めます（「「bit . ly/abc123」のようなURLは開かないでください」「例：bit[.]ly/3xYz」のように、詐欺の手口の例として示したものは対象外です）。市のサイトなどのアドレスのクエリで短縮URLへ転送するもの
    （「https://www.city.joetsu.niigata.jp/jump?url=https://bit.ly/abc」、「?url=bit.ly/abc」のように https:// のないものや、「?url=https%253A%252F%252Fbit.ly%252Fabc」のように二重にエンコードしたものも）も、行き先が見えないので止めます。転送しないパラメーター（どこから来たかを記録する「?utm_source=t.co/abc」「?utm_source=https://bit.ly/abc」「?ref=buff.ly/abc」や、検索語の「?keyword=…」。https:// で始まる値でも読む人はそこへ送られません）と、https:// のない値を url・to・next・redirect・u のような行き先の名前でないパラメーターに書いたものは対象外です。
    そのほかの公式の短縮ドメインは `allow` で許可できます。
    Google の検索結果（google.com/url?q=…）、Facebook・Instagram・YouTube のリンク（l.facebook.com/l.php?u=…）、
    Outlook の安全リンク（….safelinks.protection.outlook.com/?url=…）のように、別のサービスを経由する転送用の
    URL も、行き先が見えにくいので止め、行き先の URL を提案します（安全リンクは組織のテナント名も含みます）。
    """
    for url, hit in _shortened(doc, opts):
        yield Hit(
            url.start,
            url.end,
            f"URL短縮サービス（{hit}）のリンクです。行き先が分かる元のURLを載せてください。",
        )
    for url, hit, shortened in _shortened_behind(doc, opts):
        yield Hit(
            url.start,
            url.end,
            f"このリンクは、URL短縮サービス（{hit}）のリンク（{shortened}）へ転送します。行き先が見えないので、"
            "行き先が分かる元のURLを載せてください。",
        )
    for start, end, hit in _disguised_shortened(doc, opts):
        yield Hit(
            start,
            end,
            f"URL短縮サービス（{hit}）のアドレスです（「{doc.text[start:end]}」）。ドットを空白・括弧・「。」などで書き換えても、"
            "読む人は打ち直して短縮URLを開きます。行き先が分かる元のURLを載せてください。",
        )
    for url, service, destination in _redirects(doc, opts):
        yield Hit(
            url.start,
            url.end,
            f"{service}{' ' if service[-1].isascii() else ''}を経由する転送用のリンクです（行き先: {destination}）。"
            "行き先が見えにくく、経由するサービスの都合で開けなくなることもあります。行き先の URL に置き換えてください。",
            suggestion=destination,
        )


@rule(
    code="link.harmful",
    severity="error",
    summary="有害サイトへのリンク",
    clause="美祢市 2(6)⑤",
    fires=Example("こちら→ https://www.xvideos.com/"),
    passes=Example("こちら→ https://www.city.joetsu.niigata.jp/", policy=_EXAMPLE_POLICY),
)
def harmful(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """同梱のブロックリスト（わいせつ・海賊版・マルウェア等）にあるドメインへのリンクを止めます。

    美祢市 2(6)⑤ は「閲覧者に損害を与えようとするサイトやわいせつな内容を含むサイトへのリンク」、
    茅野市 4(7)⑥ も同様のリンクを禁じています。同梱リストは小さな基本リストなので、自治体ごとに
    `extra_words` でドメインを追加してください（サブドメインも対象になります）。
    「https://www.xvideos。com/」のようにドットを「。」「．」で書いたものも、ブラウザーは同じサイトを開くので止めます。
    """
    for url, hit in _harmful(doc, opts):
        yield Hit(
            url.start,
            url.end,
            f"有害サイトとして登録されたドメイン（{hit}）へのリンクです。削除してください。",
        )


@rule(
    code="link.insecure",
    severity="warning",
    summary="暗号化されていない http:// のリンク",
    clause="茅野市 5(3)",
    fires=Example("申込みフォーム http://www.city.joetsu.niigata.jp/form"),
    passes=Example("申込みフォーム https://www.city.joetsu.niigata.jp/form", policy=_EXAMPLE_POLICY),
)
def insecure(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """`http://` で始まるリンクを知らせ、`https://` への書き換えを提案します。

    茅野市 5(3)・美祢市 3(3) は「セキュリティを脅かすおそれのある情報」の発信を禁じています。暗号化されていないリンクは途中で内容を書き換えられるおそれがあり、多くの
    ブラウザが警告を表示します。短縮URLや有害サイトとして止めるリンク（link.shortener・
    link.harmful）には重ねて知らせません。
    """
    stopped = _stopped(doc, ctx)
    for url in doc.urls:
        if (url.start, url.end) in stopped:
            continue
        if url.scheme == "http" and not _allowed(url, opts.allow) and not _internal(url.host) and not _lookalike(url):
            yield Hit(
                url.start,
                url.end,
                "暗号化されていない http:// のリンクです。https:// で開けるか確認し、書き換えてください。",
                suggestion="https://" + url.url.split("://", 1)[1],
            )


@rule(
    code="link.untrusted",
    severity="warning",
    summary="信頼済み以外のドメインへのリンク",
    clause="上越市 6(1)②・美祢市 5(2)エ",
    fires=Example("まとめ記事はこちら https://matome.example.com/entry/1"),
    passes=Example(
        "詳しくは https://www.pref.niigata.lg.jp/ と https://www.city.joetsu.niigata.jp/ へ",
        policy=_EXAMPLE_POLICY,
    ),
)
def untrusted(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """信頼済みドメイン（`*.lg.jp`、`*.go.jp`、設定の `allowed_link_domains`）以外へのリンクを知らせます。

    上越市 6(1)② は「第三者が管理又は運用するページへのリンクの掲載は、信頼性のあるもの以外
    行わないでください」、美祢市 5(2)エ は「第三者が管理し、若しくは運用するページへのリンクの掲載は、
    当該投稿やページの内容を信頼性のあるものとして受け取られる可能性があるので慎重に行うこと」としています。メッセージには Public Suffix List で
    求めた登録ドメイン（eTLD+1）を示します。行き先は「@」より後ろのホストで判断するので、
    `https://city.joetsu.niigata.jp@evil.example/` のように信頼済みドメインを「@」の前に置いて
    見せかけた URL も、実際の行き先（evil.example）として知らせます。「詳しくは example.com へ」
    のように https:// も道のりもないドメインも、X・Facebook・LINE ではリンクになるので対象です
    （.com・.net・.org・.jp・.info のとき。「申請書.zip」のようなファイル名や、Instagram の
    「official.wake.town」のようなアカウント名は対象外です）。「①city.joetsu.niigata.jp/…」のように丸数字で番号を
    付けたアドレスは、番号の後のアドレスとして確かめます。「https://上越市.jp/」のような日本語ドメイン名
    のリンクも対象で、allowed_link_domains には日本語のままでも「xn--」で始まる形でも書けます。
    ドメイン名ではなく IP アドレスで書いたリンク（`https://157.7.44.10/`、`https://[2606:4700::1]/`）は、
    運営者が分からないことをその旨として知らせます。
    信頼済みのドメインを先頭に置いて
    見せかけたアドレス（`city.joetsu.niigata.jp.evil.com`）と、設定したドメインと1〜2文字だけ
    違うアドレス（`city.joestu.niigata.jp`、`city-joetsu-niigata.jp`）は、なりすましのおそれとして
    その旨を知らせます（この場合は allowed_link_domains への追加を勧めません）。末尾が実在するドメインの区分
    でないアドレス（「.jp」の抜けた `www.city.joetsu.niigata`）も、開けないリンクとしてつづりの確認を求めます
    （追加は勧めません）。短縮URLや有害サイト
    として止めるリンク（link.shortener・link.harmful）には重ねて知らせません。
    """
    trusted = (*ALWAYS_TRUSTED_SUFFIXES, *ctx.policy.allowed_link_domains)
    stopped = _stopped(doc, ctx)
    for url in doc.urls:
        if (
            (url.start, url.end) in stopped
            or any(host_matches(url.host, d) for d in trusted)
            or _allowed(url, opts.allow)
            or _internal(url.host)
            or _lookalike(url)
            or _workspace_chat(url)
            or _shortener_pattern(doc, url)
        ):
            continue  # an internal or look-alike address, or a chat link, is link.malformed's
        domain = registrable_domain(url.host)
        posing = _posing_as(url.host, trusted)
        near = None if posing else _near_miss(url.host, tuple(ctx.policy.allowed_link_domains))
        if posing:
            message = (
                f"このリンクの行き先は {domain} です（「{posing}」はアドレスの一部にすぎません）。"
                "信頼済みのドメインに見せかけるなりすましの書き方なので、正しい URL に直してください。"
            )
        elif near:
            message = (
                f"{url.host} は信頼済みの {near} とよく似た別のドメインです。なりすましのおそれがあるので、"
                "つづりを確かめ、公開されているページから URL をコピーし直してください。"
            )
        elif url.userinfo:
            # The part before "@" is what a reader takes for the address; say plainly it is not.
            message = (
                f"このリンクの行き先は {domain} です（「@」より前の「{url.userinfo}」は行き先ではありません）。"
                "見かけと違う行き先のリンクはなりすましに使われる書き方なので、正しい URL に直してください。"
            )
        elif _ip(url.host) is not None:
            message = (
                f"このリンクの行き先はドメイン名ではなく IP アドレス（{url.host}）です。運営者が分からず、"
                "公開しているページを IP アドレスで案内することもまずありません。ドメイン名の URL に直してください"
                "（確認済みの行き先なら、IT 担当に組織設定の allowed_link_domains への追加を依頼できます）。"
            )
        elif not is_known_suffix(url.host) and "." in url.host:
            # 「https://www.city.joetsu.niigata/」 (the 「.jp」 left off): no such domain can exist, so asking IT to
            # trust it would be the wrong advice.
            message = (
                f"{url.host} の末尾の「.{url.host.rsplit('.', 1)[1]}」は実在するドメインの区分（.jp・.com など）ではないため、"
                "このリンクは開けません。つづりを確かめ、公開されているページから URL をコピーし直してください。"
            )
        else:
            # Said to the operator, who cannot edit the organisation file: who can, and by which key.
            message = (f"{domain} は信頼済みのドメインではありません。運営者と内容が信頼できるか確認してください"
                       "（確認済みのドメインなら、IT 担当に組織設定の allowed_link_domains への追加を依頼できます）。")
        yield Hit(url.start, url.end, message)


def _posing_as(host: str, trusted: tuple[str, ...]) -> str | None:
    """The front of a host that reads as a trusted domain but goes on to another one
    (「city.joetsu.niigata.jp」 of 「city.joetsu.niigata.jp.evil.com」)."""
    dotted = f".{host}."
    for d in trusted:
        k = dotted.find(f".{d.lower()}.") if d else -1
        if k >= 0:
            return host[: k + len(d)]
    return None


@lru_cache(maxsize=4096)  # bounded, like _internal
def _near_miss(host: str, trusted: tuple[str, ...]) -> str | None:
    """A configured domain this host misspells by one or two letters (「city.joestu.niigata.jp」,
    「city-joetsu-niigata.jp」): a look-alike registered to pass for it."""
    name = host.removeprefix("www.")
    for d in trusted:
        d = d.lower()
        if len(d) >= 8 and 0 < _edits(name, d) <= 2:
            return d
    return None


def _edits(a: str, b: str, limit: int = 2) -> int:
    """Damerau–Levenshtein distance (adjacent transpositions count once), or limit + 1 when larger."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return prev[-1]


# The rest of an address written with Japanese in its path (「…/kouhou/上越市の魅力.html」): letters
# that are not ASCII, then an ASCII piece that can only be more address (it starts with a separator
# and holds a letter or digit: 「.html」「/list」「?id=3」), perhaps several times. A URL followed by
# Japanese alone (「…/aをご覧ください」「…/kouhou/をご覧ください」) is prose, or cannot be told from it;
# but see _TITLE_AFTER.
_NON_ASCII_LETTERS = r"[^\x00-\x7f\s\W_]+"
_WORDS = rf"{_NON_ASCII_LETTERS}(?:[A-Za-z0-9]+{_NON_ASCII_LETTERS})*"  # 「令和8年度予算」
# No 「:」: an address that goes on into 「https://」 is the next link, not this one's path.
_ADDRESS = r"[A-Za-z0-9._~%!$&'*+,;=/?#@\-]"
_SEPARATOR = r"[./?#=&%_\-]"
_PATH_GOES_ON = re.compile(
    rf"(?:{_WORDS}{_SEPARATOR}{_ADDRESS}*?(?={_NON_ASCII_LETTERS}))*"  # 「観光/」「冬/」
    rf"{_WORDS}{_SEPARATOR}{_ADDRESS}*?[A-Za-z0-9]{_ADDRESS}*+(?!:)"  # 「list.html」
)
# A name in kanji and katakana straight after a link that ends in 「/」, and then a space, the
# end of a line or a full stop (「…/wiki/上越市 をご覧ください」): the page's name, which the link
# needs (without it, it opens another page). Prose after a link starts with kana (「をご覧ください」
# 「へ」) or goes on without a space.
_TITLE_AFTER = re.compile(r"[\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc]{1,40}+(?=[ \t\u3000\n。．、，)）」』]|$)")
# What a post says of the link it glues them to (「詳細は…/event/参照」「…/event/掲載中」「…/event/コチラ」), which no
# page is named: the address ends at the 「/」, where X ends the link. 「アクセス」「検索」 alone name pages (a venue's
# map, a search form: 「…/kanko/アクセス」「…/shisetsu/検索」); only with 「要」「中」「可」 are they about the link.
# So does what the link is called as a label after it (「…/event/詳細」「…/event/外部サイト」「…/event/特設ページ」).
_ABOUT_THE_LINK = re.compile(
    r"要?(?:参照|参考|確認|閲覧|掲載|公開|更新|等|迄|他|ココ|コチラ|チェック|クリック|タップ)(?:中|済み?|可)?"
    r"|要(?:検索|アクセス)(?:中|済み?|可)?|(?:検索|アクセス)(?:中|済み?|可)"
    r"|(?:詳細|外部|公式|特設|専用|関連|申込)?(?:サイト|ページ|ホームページ|リンク|フォーム)|詳細(?:情報)?"
)
# A wiki's article path (Wikipedia's, MediaWiki's), the title its only page name: after it 「ホームページ」「リンク」
# 「参照」 are the article (「https://ja.wikipedia.org/wiki/ホームページ」), not what the post calls the link.
_ARTICLE_PATHS = "/wiki/"
# Japanese path segments each closed by a 「/」 at the end of what is written (「https://…/soshiki/観光課/」, a
# WordPress page's 「…/お知らせ/」): the address's own, since prose does not end a word with 「/」.
_SEGMENTS_AFTER = re.compile(rf"(?:{_WORDS}/)+(?=[ \t\u3000\n。．、，)）」』]|$)")
# After 「=」 a value may hold hiragana too (「?q=雪まつり」): nothing else follows an empty value.
_VALUE_AFTER = re.compile(r"[\u3041-\u3096\u4e00-\u9fff\u3005\u30a1-\u30fa\u30fc]{1,40}+(?=[ \t\u3000\n。．、，)）」』]|$)")
# How far after the link the rest of its address is looked for: a path, not a page of text (and
# each of thousands of links in one draft must not read all the text after it).
_PATH_WITHIN = 300
_JAPANESE_PATH_MESSAGE = (
    "URL の途中に日本語（「{words}」）が含まれています。X などでは日本語の手前でリンクが切れ、"
    "違うページが開きます。日本語の部分を変換（パーセントエンコード）した URL に直してください。"
)


def _japanese_in_path(doc: Document, url: Url) -> Hit | None:
    """The address that goes on in Japanese after the part the platforms link (see _PATH_GOES_ON)."""
    if url.end >= len(doc.text) or doc.text[url.end].isascii():
        return None
    m = _PATH_GOES_ON.match(doc.text, url.end, url.end + _PATH_WITHIN) or _SEGMENTS_AFTER.match(
        doc.text, url.end, url.end + _PATH_WITHIN
    )
    if m is None and url.url.endswith(("/", "=")):
        m = (_VALUE_AFTER if url.url.endswith("=") else _TITLE_AFTER).match(doc.text, url.end)
        if (
            m is not None
            and url.url.endswith("/")
            and not url.url.endswith(_ARTICLE_PATHS)
            and _ABOUT_THE_LINK.fullmatch(m.group())
        ):
            return None
    if m is None:
        return None
    written = trim_url(m.group())
    rest = unicodedata.normalize("NFKC", written)
    words = "」「".join(dict.fromkeys(re.findall(_WORDS, rest)))
    return Hit(
        url.start,
        url.end + len(written),
        _JAPANESE_PATH_MESSAGE.format(words=words),
        suggestion=url.url + quote(rest, safe="/?#=&%_-.~:@!$'()*+,;"),
    )


# A letter typed twice over (「hhttps://」「httpss://」「htttp://」) is as broken as one left out.
_BROKEN_SCHEME = guard(re.compile(
    r"(?i)(?<![A-Za-z])(h{0,2}t{1,3}p{1,2}s{0,2}|htp?s?)(://?/?|:/(?!/)|:{2,3}/{0,3}|//|;/{1,3}|:\\{1,2}|:(?![/\\]))(?=[A-Za-z0-9])"
))
# 「https://」 set apart from its host by a space or a line break (「https://⏎www.city…」, as a PDF or a
# narrow window wraps it): the scheme links nothing. Only before what reads as a host name, so that
# 「「https:// 」で始まるアドレス」 names the scheme alone.
_SPLIT_SCHEME = guard(re.compile(
    r"(?i)(?<![A-Za-z])(https?)://(?:[ \t]+|[ \t]*\r?\n[ \t]*)(?=(?:www\.|[A-Za-z0-9\-]+\.)[A-Za-z0-9])"
))
# An address that goes on on the next line (「…/kurashi/⏎bosai/index.html」, copied from a PDF that
# wrapped it, the next line often indented as the PDF's list or paragraph was): the platforms link
# the first line only, and the reader lands on another page. The link must end its line (perhaps
# before a 「.」 or 「?」 the link leaves out), and the next line start with a piece that only an
# address has, made of URL characters up to a space, the end of the line or Japanese:
# - a file name (「sai/index.html」「000123456.pdf」) or a query (「q=snow&lang=ja」);
# - a path in lower case that ends in 「/」 (「bosai/」), or the rest of a host cut at a dot
#   (「https://www.city.⏎joetsu.niigata.jp」), before a space or the end of the line;
# - a path in lower case whose last part is a page number (「bosai/12345」), alone on its line.
# Two words with a slash between (「word/pdf形式」「tel/fax」「mail/line で受付」「a/b 2 種類」), a word,
# a date (「12/6」), a hashtag and another link are the text after a whole address; so is anything
# after a link that already ends in a file name (「…/form.html⏎pdf/index.html」) but a query.
_LINE_BREAK_AFTER_LINK = re.compile(r"([.?]?)[ \t]*\r?\n[ \t\u3000]*")
_NEXT_LINE_PIECE = re.compile(r"[A-Za-z0-9\-._~%!$&'*+,;=@/?#]+")
_FILE_NAME = re.compile(rf"(?i)\.(?:{FILE_EXTENSIONS})$")
_PAGE_NUMBER_PATH = re.compile(r"[a-z0-9\-._~%]*(?:/[a-z0-9\-._~%]+)*/[0-9]+")
_REST_OF_HOST = re.compile(r"(?:[a-z0-9\-]+\.)+[a-z]{2,}(?:/[a-z0-9\-._~%/]*)?")
# What a piece may be followed by: the end of its line (perhaps after a full stop), a space, Japanese.
_END_OF_LINE = re.compile(r"[.,;:!?。、]?[ \t\u3000]*(?:\r?\n|$)")


def _continued_on_next_line(doc: Document, url: Url) -> tuple[int, str] | None:
    """(original end, whole address) of ``url`` when its address goes on on the next line."""
    br = _LINE_BREAK_AFTER_LINK.match(doc.text, url.end)
    if br is None or (piece := _NEXT_LINE_PIECE.match(doc.text, br.end())) is None:
        return None
    rest = trim_url(piece.group())
    end = br.end() + len(rest)
    if "://" in rest or rest.lower().startswith("www.") or not any("a" <= c <= "z" for c in rest):
        return None
    if url.path_start < url.end and (other := doc.url_at(br.end())) is not None and other.start == br.end():
        # A list of links, one a line (「…/event/⏎instagram.com/joetsu_city/」): after a whole host and
        # a path, an address the platforms link on its own is the next link. A host cut in two
        # (「https://www.city.joe⏎tsu.niigata.jp/」) has no path before the break.
        return None
    after = br.end() + len(piece.group())  # past what trim_url left to the sentence (「…html.」)
    at_line_end = _END_OF_LINE.match(doc.text, end) is not None or _END_OF_LINE.match(doc.text, after) is not None
    before_space = doc.text[after : after + 1] in (" ", "\t", "\u3000")
    before_japanese = not at_line_end and not before_space and not doc.text[after : after + 1].isascii()
    if not (at_line_end or before_space or before_japanese):
        return None  # 「12/6(sat)」: the piece runs into more ASCII than an address has
    query = "=" in rest and (br.group(1) == "?" or "?" in rest or "?" in url.url)
    if _FILE_NAME.search(url.url) and not query:
        return None  # the link already ends in a page: the next line is text
    lower = rest.lower() == rest
    address_only = (
        query
        or _FILE_NAME.search(rest) is not None
        or (lower and not before_japanese and rest.endswith("/"))
        or (lower and not before_japanese and br.group(1) == "." and url.url.lower().endswith(url.host)
            and _REST_OF_HOST.fullmatch(rest) is not None)
        or (lower and at_line_end and _PAGE_NUMBER_PATH.fullmatch(rest) is not None)
    )
    if not address_only:
        return None
    joined = url.url + br.group(1) + rest
    if url.url.lower().endswith(url.host) and not is_known_suffix(_host_of(joined)):
        # The link ends at its host (「…niigata.jp」), so the next line could only go on with the
        # host (「…joetsu.nii⏎gata.jp/」): 「kids/2026」 or 「bosai/index.html」 would make
        # 「niigata.jpkids」, a host that does not exist, and the suggestion a wrong link.
        return None
    return end, joined


# An address copied as a screen shows it shortened (「https://www.city…/site/eve…」, from X, Slack or a spreadsheet
# cell): the link stops before the ellipsis. Only when it cuts a name short: after a 「/」 (「…/kurashi/…」) it may
# stand for any page, after a whole file name (「…/index.html…」) it is the sentence's, and before 「で始まる」
# 「のような」 it is the pattern of an address, not a link.
_ELLIPSIS = re.compile(r"…|‥|\.\.\.")
_PATTERN_NAMED = re.compile(r"[ \t]*+[」』\"”'’]?[ \t]*+(?:(?:で|から)始ま|のような|など|以外)")


def _cut_short(doc: Document, url: Url) -> bool:
    """Whether ``url`` is an address cut short with an ellipsis in the middle of its path."""
    m = _ELLIPSIS.match(doc.text, url.end)
    return (
        m is not None
        and url.path_start < url.end
        and not url.url.endswith("/")
        and _FILE_NAME.search(url.url) is None  # 「…/index.html…と続きます」: the name is whole
        and _PATTERN_NAMED.match(doc.text, m.end()) is None
        and not _shortener_pattern(doc, url)
    )


def _host_of(address: str) -> str:
    """The host of an address, with or without a scheme (after any 「user@」, without a port)."""
    try:
        return urlsplit(address if "://" in address else f"//{address}").hostname or ""
    except ValueError:  # a bracket that opens no IPv6 address
        return ""


_HOST_RUN = re.compile(r"[A-Za-z0-9.\-]+")


def _host_after(norm: str, pos: int) -> str:
    """The host name written from ``pos`` on (what a repaired scheme is suggested with), or ''."""
    host = _HOST_RUN.match(norm, pos)
    return host.group() if host else ""


# An address no browser opens however it is tapped: a port beyond 65535 or not a number (「…lg.jp:99999/」), or a domain with
# an empty part between its dots (「https://www..city.example.jp」「https://.city.example.jp」), a slip of the keyboard.
_AUTHORITY = re.compile(r"(?i)^(?:https?://)?(?:[^/?#@]*@)?([^/?#]*)")
_MAX_PORT = 65535


def _broken_authority(url: Url) -> tuple[str, str | None] | None:
    """What makes ``url``'s host or port unusable, and the address put right where that can be known."""
    m = _AUTHORITY.match(url.url)
    if m is None or m.group(1).startswith("["):
        return None  # an IPv6 address's brackets are read by _BRACKET_HOST
    host, colon, port = m.group(1).partition(":")
    if colon and port and (not port.isascii() or not port.isdigit() or int(port) > _MAX_PORT):
        return f"ポート番号の「:{port}」が正しくない", None
    if host.startswith(".") or ".." in host:
        fixed = re.sub(r"\.{2,}", ".", host).lstrip(".")
        return "ドメインに余分な点（.）がある", url.url[: m.start(1)] + fixed + url.url[m.end(1) - len(colon + port) :]
    return None


# An address in brackets after the scheme (and any user name), which only an IPv6 address may be.
_BRACKET_HOST = re.compile(r"(?i)(?<![A-Za-z0-9])https?://(?:[^\s/?#@\[\]]*+@)?(?P<host>\[[^\s/?#\[\]]*+\]?)")


@rule(
    code="link.malformed",
    severity="error",
    summary="壊れたURL",
    clause="和気町 4(3)",
    fires=Example("Fb：和気町　https//facebook.com/town.wake/"),
    passes=Example("Fb：和気町　https://facebook.com/town.wake/", policy=_EXAMPLE_POLICY),
)
def malformed(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """壊れたURL（`https//…`、`http:/…`、`https:://…`、`ttps://…`、URL の中の全角文字や見えない文字、英字に似せた別の文字）を止めます。

    和気町 4(3) は正確な情報発信を求めています。壊れたURLはリンクにならず、全角文字が混じった
    URL は途中でリンクが切れます（和気町のガイドライン自体にも `https//facebook.com/…` という
    誤記があります）。URL の中のゼロ幅文字や文字の向きを変える制御文字（U+202A〜202E、
    U+2066〜2069）は画面に見えず、リンクが途中で切れたり、表示と実際の行き先が食い違ったり
    します。修正後の URL を提案します。URL のすぐ後の全角の括弧や読点で始まる注記
    （「…/a.pdf（PDF：1.2MB）」「…/a，https://…」）は URL の一部とはみなしません（どの SNS でも
    リンクはそこで終わります）。全角の「＃」で始まるハッシュタグ（「…/event/＃上越市」）と、半角で書いた
    アドレスのすぐ後の全角の記号（「…/event/／問合せ：市民課」）も同じです。「/」やファイル名で終わる
    アドレスの後なら、記号の後に英数字が続いても（「…/event/／TEL025-526-5111」「…/event/（12/5まで）」）同じですが、
    記号の後がファイル名や「/」で終わるパス（「…/event/／a.pdf」）、「～」で始まる個人のページ（「…/～tanaka」）、
    「．」の後の小文字の名前（「…/event/．htaccess」）、「＆」の後のクエリ（「…/event/＆id=3」）、スクリプトの後の番号
    （「…/a.php／12345」）なら止めます（「…/event/～kids向け」「…/event/．pdf版もあります」のように英字のすぐ後に日本語が続くものは文なので対象外です）。
    括弧や「＃」の後にアドレスが続く「…/event（2026）/list」「…/index.html＃access/map」と、ファイル名の
    すぐ後の「＃」で始まるページ内の位置（「…/index.html＃access」）は止めます。
    アドレスの途中に日本語が入った URL（「…/kouhou/上越市の魅力.html」「…/search?q=雪&lang=ja」）も、
    X などでは日本語の手前でリンクが切れるので止め、日本語の部分をパーセントエンコードした URL を
    提案します。「/」で終わる URL のすぐ後に漢字・カタカナの名前があり、空白や行末が続くもの
    （「https://ja.wikipedia.org/wiki/上越市 をご覧ください」）、「/」で閉じた日本語の名前（「…/soshiki/観光課/」
    「…/お知らせ/」）と、「=」で終わる URL のすぐ後の日本語
    （「…/search?q=雪まつり」）も、アドレスの一部として止めます。
    URL の後に日本語の文が続くだけのもの（「…/kouhou/をご覧ください」）と、「/」のすぐ後がリンクについて
    述べる言葉のもの（「詳細は…/event/参照」「…/event/掲載中」「…/event/コチラ」「…/event/詳細」
    「…/event/外部サイト」「…/event/特設ページ」）は対象外です（Wikipedia の「…/wiki/」の後は記事名なので、
    「…/wiki/ホームページ」も止めます）。
    PDF などから写して途中で改行された URL（「…/kurashi/」の次の行に「bosai/index.html」、「https://」の
    次の行にアドレス）も、リンクになるのは改行の手前までなので止め、1行につなげた URL を提案します
    （次の行が字下げされていても同じです）。次の行がファイル名（「index.html」「000123456.pdf」）、
    クエリ（「q=snow」）、「/」で終わるパス（「bosai/」）や番号で終わるパス（「bosai/12345」だけの行）で
    始まるときだけで、ファイル名で終わる URL の次の行、「word/pdf 形式」「tel/fax」のように「/」で並べた語、
    文や日付、ハッシュタグ、別の URL（「instagram.com/…」のように https:// のないものも）は対象外です。「hhttps://」「httpss://」のように文字が重なったものも止めます。
    「https://bit。ly/abc」「https://example。com/」のように最初のドットを「。」で書いたアドレスも、リンクにならないので止め、
    「.」に直した URL を提案します（組織の中のホスト名とは扱いません）。
    「https:// www…」のように「https://」の後に空白や改行が入ったものは、後ろのアドレスだけでも各 SNS が
    リンクにする形（「www.」で始まるもの、パスのあるもの、.com・.jp などのドメイン）なら、読む人はそのページを
    開けるので警告にとどめ（行き先のドメインはほかのリンクと同じく確かめます）、リンクにならない形なら止めます。
    X では、https:// のないアドレスの直前に日本語が空白なしで続いていると（「…詳しくは市ホームページ
    （www.city.joetsu.niigata.jp/…）」）、その日本語までドメインの一部と読まれて長すぎるため、アドレス全体が
    リンクになりません。読む人が開けないので、「https://」を付けるか前に空白を入れるよう警告します
    （X の投稿だけ。前の日本語が短くて X がリンクにするものは対象外です）。

    組織の中でしか開けないアドレス（`http://localhost/…`、`http://intranet/…` のような点のない
    ホスト名、`192.168.…`・`10.…`・`[fd00::1]`・`[::1]` などのプライベート IP（ブラウザーが同じアドレスとして開く
    `127.1`・`0x7f.0.0.1`・`0177.0.0.1` のような省略や8進数・16進数の書き方も）、`.local`）と、パソコンや庁内サーバーの
    ファイルの場所（`file:///…`、`\\\\server\\…`、`C:\\Users\\…`、`C:¥Users¥…`）も止めます。
    外部の人には開けず、庁内の仕組みやフォルダー名を知らせることにもなるためです。Slack の会話・
    ファイルへのリンク（`https://…slack.com/archives/…`）と Teams のチャットやチャネルのメッセージへの
    リンクも、メンバーにしか開けないので止めます（Teams の会議のリンクと `join.slack.com` の招待は
    対象外です）。

    ドメインに英字とそっくりなキリル文字・ギリシャ文字が混じった URL（`jоetsu` の「о」がキリル
    文字のもの、`аррӏе.com`）も止めます。見た目は正しいアドレスでも別のサイトにつながる、なりすまし
    の手口です（茅野市 5(3) のセキュリティを脅かす情報にも当たります）。英字に直した URL を提案します。
    IPv6 アドレスを書く「[ ]」の中がアドレスになっていない URL（`https://[zzzz]/`、閉じ括弧のないもの）も、
    リンクにならないので止めます。
    ポート番号が使えない番号のもの（「https://city.example.lg.jp:99999/」「…jp:abc/」。0〜65535 の数字だけが使えます）と、
    ドメインの点が重なったり点で始まったりするもの（「https://www..city.example.jp」「https://.city.example.jp」）も、
    どう押してもページが開かないので止めます（点を一つにした URL を提案します）。
    画面に省略して表示された URL を写したもの（「https://www.city.joetsu.niigata.jp/site/eve…」のように名前の途中で
    「…」や「...」が続くもの）も、リンクが「…」の手前で切れるので止めます（「/」の後の「…」や、
    「…で始まるURL」「…のようなURL」のように書き方の例として示したものは対象外です）。
    """
    for m in _BROKEN_SCHEME.finditer(doc.norm):
        scheme, sep = m.group(1).lower(), m.group(2)
        if scheme in ("http", "https") and sep == "://":
            continue
        fixed = "https" if "s" in scheme else "http"
        start, end = doc.span(m.start(), m.end())
        tail = _host_after(doc.norm, m.end())
        yield Hit(
            start,
            end,
            f"URL の書き方が壊れています（「{doc.text[start:end]}」）。「{fixed}://」で始まる形に直してください。",
            suggestion=f"{fixed}://{tail}",
        )
    if "://" in doc.norm:
        for m in _SPLIT_SCHEME.finditer(doc.norm):
            start, end = doc.span(m.start(), m.end())
            scheme = m.group(1).lower()
            # The address after the space is a link of its own when the platforms link it bare
            # (「https:// www.city.joetsu.niigata.jp/」): the reader still lands on the page, and
            # the link rules check its domain as any other's. Only the stray 「https://」 is left
            # to tidy, which is no reason to block. An address they do not link bare (「https://
            # city.example.xyz」, no path) is no link at all, and no domain rule reads it: it stops.
            rest = next((u for u in doc.urls if u.start == doc.span(m.end(), m.end())[0] and not u.scheme), None)
            if rest is not None:
                yield Hit(
                    start,
                    end,
                    f"「{m.group(1)}://」の後に空白や改行が入っています。リンクになるのは後ろのアドレスだけで、"
                    f"「{m.group(1)}://」は文字のまま表示されます。空白や改行を取り除いて1行に書いてください。",
                    severity="warning",
                    suggestion=f"{scheme}://{rest.url}",
                )
                continue
            yield Hit(
                start,
                end,
                f"「{m.group(1)}://」の後に空白や改行が入っていて、リンクになりません。アドレスを続けて1行に書いてください。",
                suggestion=f"{scheme}://{_host_after(doc.norm, m.end())}",
            )
    if "[" in doc.norm and "://" in doc.norm:
        for m in _BRACKET_HOST.finditer(doc.norm):
            if not is_ipv6_literal(m.group("host").lower()):
                yield Hit(
                    *doc.span(m.start(), m.end()),
                    f"URL の「{m.group('host')}」の部分が IPv6 アドレスとして正しくないため、リンクになりません。"
                    "公開されているページから URL をコピーし直してください。",
                )
    for url in doc.urls:
        original = doc.text[url.start : url.end]
        if any(ch in INVISIBLE for ch in original):
            yield Hit(
                url.start,
                url.end,
                "URL の中に見えない文字（ゼロ幅スペースや文字の向きを変える制御文字）が含まれています。"
                "リンクが途中で切れたり、表示と違う行き先になったりするので、URL を打ち直してください。",
                suggestion=url.url,
            )
        # Full-width stretches as written (「ｅｖｅｎｔ」); invisible characters, which normalise to
        # nothing, are reported above.
        runs = list(dict.fromkeys("".join(g) for wide, g in groupby(original, _full_width) if wide))
        if runs:
            if runs == [original]:
                what = "URL が全角文字で書かれていて"
            else:
                shown = "".join(f"「{r}」" for r in runs[:3]) + ("など" if len(runs) > 3 else "")
                what = f"URL に全角文字（{shown}）が含まれていて"
            yield Hit(
                url.start,
                url.end,
                what + "、リンクが正しく開きません。半角に直してください。",
                suggestion=url.url,
            )
        if _lookalike(url):
            letters = "".join(dict.fromkeys(_LOOKALIKE.findall(url.host)))
            scripts = "・".join(dict.fromkeys(
                "ギリシャ文字" if "\u0370" <= c <= "\u03ff" else "キリル文字" for c in letters))
            latin = url.url.translate(AS_LATIN)
            yield Hit(
                url.start,
                url.end,
                f"URL のドメインに、英字とよく似た別の文字（{scripts}の「{letters}」）が含まれています。"
                "見た目は同じでも別のサイトにつながり、なりすましに使われる書き方です。"
                "公開されているページから URL をコピーし直すか、英字で打ち直してください。",
                suggestion=None if _LOOKALIKE.search(latin) else latin,
            )
        if (broken := _broken_authority(url)) is not None:
            yield Hit(
                url.start,
                url.path_start,
                f"URL の{broken[0]}ため、ページが開きません。公開されているページから URL をコピーし直してください。",
                suggestion=broken[1],
            )
        if (japanese := _japanese_in_path(doc, url)) is not None:
            yield japanese
        if _cut_short(doc, url):
            yield Hit(
                url.start,
                url.end + (1 if doc.text[url.end] in "…‥" else 3),
                "URL が「…」で途切れています。画面に省略して表示されたものを写したようです。リンクは「…」の手前で"
                "切れ、違うページが開きます。公開されているページから URL をコピーし直してください。",
            )
        if doc.multiline and (wrapped := _continued_on_next_line(doc, url)) is not None:
            yield Hit(
                url.start,
                wrapped[0],
                "URL が途中で改行されています。リンクになるのは改行の手前までで、違うページが開きます。"
                "改行を取り除いて1行につなげてください。",
                suggestion=wrapped[1],
            )
        if _internal(url.host) and not _allowed(url, opts.allow):
            yield Hit(url.start, url.end, _INTERNAL_MESSAGE.format(where=url.host))
        elif (service := _workspace_chat(url)) and not _allowed(url, opts.allow):
            yield Hit(url.start, url.end, _WORKSPACE_MESSAGE.format(service=service, host=url.host))
    if ctx.platform.lower() == "x" and any(not u.scheme for u in doc.urls):
        # twitter-text reads the letters glued before an address without a scheme into its domain
        # (「…市ホームページ（www.city…」), and X links none of it when that is too long: the post
        # goes out with an address nobody can tap. Other platforms are not known to read it so.
        for a, b in x_glued_addresses(doc):
            yield Hit(
                a,
                b,
                "このアドレスは前の文字とつながっているため、X ではリンクになりません。"
                "「https://」を付けるか、前に空白を入れてください。",
                severity="warning",
                suggestion="https://" + doc.text[a:b],
            )
    ime_dotted = _ime_dotted(doc)
    for url in ime_dotted:
        written = doc.text[url.start : url.end]
        dot = "｡" if "｡" in written and "。" not in written else "。"  # the half-width 「｡」 of a kana keyboard
        yield Hit(
            url.start,
            url.end,
            f"URL のドットが「{dot}」で書かれていて（「{written}」）、リンクになりません。"
            "半角の「.」に直してください。",
            suggestion=url.url,
        )
    if not any(c in doc.norm for c in ("://", "\\", "¥")):
        return
    dotted_at = {url.start for url in ime_dotted}
    for m in _DOTLESS.finditer(doc.norm):
        start, end = doc.span(m.start(), m.end())
        if start not in dotted_at:  # 「https://bit。ly/」: not a host 「bit」 on the office's network
            yield Hit(start, end, _INTERNAL_MESSAGE.format(where=m.group("host")))
    for m in _FILE_PATH.finditer(doc.norm):
        yield Hit(*doc.span(m.start(), m.end()), _FILE_MESSAGE)
