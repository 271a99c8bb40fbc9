"""Domain knowledge for the link rules: the Public Suffix List, shortener and block lists.

Loaded lazily (only drafts that contain a URL pay for it) and once per process.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from functools import cache, lru_cache
from importlib import resources
from typing import Any

_lock = threading.Lock()
_psl: Any = None
ALWAYS_TRUSTED_SUFFIXES = ("lg.jp", "go.jp")
# Short links that a service issues for its own pages: a YouTube video, a Google Form, a place on
# Google Maps, a LINE公式アカウント (its 友だち追加 link; lin.ee also wraps the links of that account's
# messages). The bundled shortener list (an unmodified upstream snapshot, not to be edited) has them,
# but the domain already says which service the reader lands on, so link.shortener leaves them alone
# unless an organisation lists them in its extra_words.
FIRST_PARTY_SHORT_LINKS = ("youtu.be", "forms.gle", "maps.app.goo.gl", "lin.ee")


def _get_psl() -> Any:
    global _psl
    if _psl is None:
        with _lock:
            if _psl is None:
                from publicsuffixlist import PublicSuffixList

                # accept_unknown=False: "image.png" is a file name, not a domain.
                _psl = PublicSuffixList(accept_unknown=False)
    return _psl


def load_public_suffix_list() -> None:
    """Load the list now rather than on the first link that needs it (a server, before it serves)."""
    _get_psl()


# A draft names the same few hosts again and again (a 40,000-character paste can hold thousands of
# links): each is looked up in the PSL once.
@lru_cache(maxsize=4096)
def _private_suffix(host: str) -> str | None:
    suffix: str | None = _get_psl().privatesuffix(host)
    return suffix


def is_known_suffix(host: str) -> bool:
    """True when `host` ends in a public suffix the PSL knows (so it can be a real domain)."""
    return _private_suffix(host) is not None


@lru_cache(maxsize=256)
def is_public_suffix(host: str) -> bool:
    """True when `host` is itself a public suffix the PSL knows (「lg.jp」「co.jp」「github.io」)."""
    return bool(_get_psl().is_public(host))


def registrable_domain(host: str) -> str:
    """The registrable domain (eTLD+1) of `host`, or `host` itself when the PSL does not know it."""
    return _private_suffix(host) or host


def host_matches(host: str, domain: str) -> bool:
    """`host` is `domain` or one of its subdomains (compared at a dot, never as a substring). A
    Japanese domain name matches whether either side is written in Japanese or as xn--…."""
    domain = domain.lower().strip().strip(".")
    if domain.startswith("*."):
        domain = domain[2:]
    if "xn--" in domain or "xn--" in host:
        host, domain = as_unicode(host), as_unicode(domain)
    return bool(domain) and (host == domain or host.endswith("." + domain))


@lru_cache(maxsize=256)
def as_unicode(host: str) -> str:
    """「xn--…」 labels of `host` as the Japanese (or other) letters they encode; others unchanged."""
    labels = []
    for label in host.split("."):
        if label.startswith("xn--"):
            # Not valid punycode: compared as written.
            with suppress(UnicodeError):
                label = label.encode("ascii").decode("idna")
        labels.append(label)
    return ".".join(labels)


@lru_cache(maxsize=64)
def _most_labels(domains: frozenset[str]) -> int:
    return max((d.count(".") + 1 for d in domains), default=0)


def host_in(host: str, domains: frozenset[str] | tuple[str, ...]) -> str | None:
    """The entry of `domains` that `host` belongs to, checking the host and each parent.

    Only parents with at most as many labels as the longest entry can match, so only those are
    built: a made-up "host" of thousands of labels (``www.www.www.…`` pasted 10,000 times) would
    otherwise cost time quadratic in its length."""
    if isinstance(domains, frozenset):
        labels = host.split(".")
        # Never the last label alone (a TLD is no entry); the longest parent first.
        start = max(0, len(labels) - _most_labels(domains))
        for i in range(start, len(labels) - 1):
            cand = ".".join(labels[i:])
            if cand in domains:
                return cand
        return None
    return next((d for d in domains if host_matches(host, d)), None)


@cache
def load_domain_list(name: str) -> frozenset[str]:
    """A bundled list of domains: one per line, `#` starts a comment."""
    raw = resources.files("bot.rules.data").joinpath(name).read_text(encoding="utf-8")
    out = set()
    for line in raw.splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.add(line)
    return frozenset(out)
