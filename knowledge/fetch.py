"""Articles from the web: one page by URL, or the new items of an RSS/Atom feed."""
from __future__ import annotations

import hashlib
import ipaddress
import logging
import socket
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx

from .ingest import IngestReport
from .loaders import DEFAULT_LIMITS, Limits, LoadError, parse_html, prepare, record_file
from .models import Article
from .problems import Problem
from .store import Store, within

log = logging.getLogger(__name__)
HEADERS = {"User-Agent": "UnionBot/0.1 (+knowledge base of trade-union news)"}
MAX_REDIRECTS = 5


class FetchError(Problem):
    """A page or feed that could not be fetched; the code and facts name the cause."""


@dataclass(frozen=True)
class FetchPolicy:
    """What a fetch may do: how big, how long, and where (no internal addresses unless allowed)."""
    allow_private: bool = False  # UNIONBOT_ALLOW_PRIVATE_URLS
    limits: Limits = DEFAULT_LIMITS
    timeout: float = 20.0  # seconds per request (connect, each read)
    total_seconds: float = 60.0  # a whole fetch, redirects and all: a server dripping a byte per read never ends
    max_bytes: int = 5 * 1024 * 1024  # a page or feed larger than this is refused


DEFAULT_POLICY = FetchPolicy()


@dataclass
class Page:
    url: str  # after redirects
    content: bytes
    text: str
    content_type: str = ""  # "text/html", without parameters; "" when the server names none


def url_id(url: str) -> str:
    """Stable article id for a URL: re-adding the same page updates it."""
    return "web-" + hashlib.sha1(url.strip().encode()).hexdigest()[:12]


def check_address(url: str, allow_private: bool) -> None:
    """Refuse loopback, private, link-local (cloud metadata), reserved and multicast targets,
    after resolving the name — checked again on every redirect hop."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("scheme", url=url)
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80),
                                   type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise FetchError("unresolved", host=parts.hostname) from e
    for info in infos:
        ip = ipaddress.ip_address(info[4][0].split("%")[0])
        if not ip.is_global or ip.is_multicast:
            raise FetchError("private", host=parts.hostname, ip=str(ip))


def _get(url: str, policy: FetchPolicy = DEFAULT_POLICY) -> Page:
    """GET with every hop checked, the body read only up to the size limit and the time limit."""
    started = time.monotonic()
    try:
        with httpx.Client(timeout=policy.timeout, follow_redirects=False, headers=HEADERS) as client:
            for _ in range(MAX_REDIRECTS + 1):
                check_address(url, policy.allow_private)
                with client.stream("GET", url) as r:
                    if r.is_redirect and r.headers.get("location"):
                        url = urljoin(url, r.headers["location"])
                        continue
                    if r.status_code >= 400:
                        raise FetchError("http", status=r.status_code, url=url)
                    body = bytearray()
                    for chunk in r.iter_bytes():
                        body += chunk
                        if len(body) > policy.max_bytes:
                            raise FetchError("page_too_big", mb=policy.max_bytes // 1024 // 1024, url=url)
                        if time.monotonic() - started > policy.total_seconds:
                            raise FetchError("too_slow", seconds=policy.total_seconds, url=url)
                    content = bytes(body)
                    kind = r.headers.get("content-type", "").split(";")[0].strip().lower()
                    return Page(url, content, content.decode(r.encoding or "utf-8", errors="replace"), kind)
            raise FetchError("redirects", url=url)
    except httpx.TimeoutException as e:
        raise FetchError("timeout", url=url) from e
    except httpx.HTTPError as e:
        raise FetchError("unreachable", url=url, error=f"{type(e).__name__}: {e}") from e


HTML_TYPES = ("text/html", "application/xhtml+xml", "")  # "": a server that names no type is given the benefit


def fetch_article(url: str, policy: FetchPolicy = DEFAULT_POLICY) -> Article:
    page = _get(url, policy)
    if page.content_type not in HTML_TYPES:  # a PDF or an image would be read as garbled text
        raise FetchError("not_html", content_type=page.content_type, url=url)
    try:
        art = policy.limits.check_article(parse_html(page.text, url_id(url), url=page.url, source=url))
    except LoadError as e:
        raise FetchError("page", url=url, cause=e) from e
    art.id = url_id(url)
    return art


def add_url(store: Store, url: str, policy: FetchPolicy = DEFAULT_POLICY) -> tuple[Article, str]:
    """Fetch, store, remember as a source; returns the article and added/updated/unchanged."""
    art = fetch_article(url, policy)
    status = store.upsert(art)
    store.add_source(url, "url")
    return art, status


def ingest_url(store: Store, url: str, report: IngestReport, policy: FetchPolicy = DEFAULT_POLICY) -> None:
    """Add one page to the store, recording the outcome (or why it was skipped) in the report."""
    try:
        art, status = add_url(store, url, policy)
        getattr(report, status).append(art.id)
    except FetchError as e:
        report.skipped.append((url, e))


def poll_feed(store: Store, feed_url: str, policy: FetchPolicy = DEFAULT_POLICY) -> IngestReport:
    """Add the feed's items not seen before; an item whose page fails falls back to its summary."""
    import feedparser

    report = IngestReport()
    feed = feedparser.parse(_get(feed_url, policy).content)
    if feed.bozo and not feed.entries:
        raise FetchError("not_feed", url=feed_url)
    for entry in feed.entries:
        link = entry.get("link") or entry.get("id")
        if not link or store.seen_feed_item(link):
            continue
        try:
            art = fetch_article(link, policy)
        except FetchError as e:
            summary = entry.get("summary") or entry.get("description") or ""
            try:  # the page cannot be had: the feed's own summary stands in for it
                art = prepare(url_id(link), entry.get("title"), _html_text(summary), date=entry.get("published"),
                              url=link, source=feed_url, origin=link)
            except LoadError:
                report.skipped.append((link, e))
                continue
        getattr(report, store.upsert(art)).append(art.id)
        store.mark_feed_item(link, feed_url)
    return report


def _html_text(html: str) -> str:
    """The text of an HTML fragment (a feed item's summary), paragraphs kept."""
    if not html.strip():
        return ""
    import lxml.html

    root = lxml.html.fromstring(f"<div>{html}</div>")
    for br in root.iter("br", "p", "div", "li"):
        br.tail = "\n" + (br.tail or "")
    return root.text_content()


def reload_sources(store: Store, folders: list[str], progress=None, policy: FetchPolicy = DEFAULT_POLICY) -> IngestReport:
    """Re-read every source: folders (config + stored), files, saved URLs.

    Articles that came from a folder file that no longer exists are removed.
    """
    from .ingest import ingest_paths

    report = IngestReport()
    stored = store.sources()
    paths = sorted({*folders, *(s["location"] for s in stored if s["kind"] in ("folder", "file"))})
    urls = [s["location"] for s in stored if s["kind"] == "url"]
    total = len(paths) + len(urls)
    done = 0
    for p in paths:
        path = Path(p)
        if not path.exists():
            report.skipped.append((p, Problem("missing")))
        else:
            root = str(path.resolve())
            before = {a.id for a in store.articles() if a.source and _read_from(a.source, root)}
            before |= {e.id for e in store.faq_entries() if e.origin and _read_from(e.origin, root)}
            part = ingest_paths(store, [path], progress=False, limits=policy.limits)
            report.merge(part)
            now = set(part.added + part.updated + part.unchanged)
            for gone in sorted(before - now):
                if store.remove(gone):
                    report.removed.append(gone)
        done += 1
        if progress:
            progress(done, total)
    for url in urls:
        ingest_url(store, url, report, policy)
        done += 1
        if progress:
            progress(done, total)
    return report


def _read_from(source: str, root: str) -> bool:
    """Was this article or entry read from the file or folder `root`: the root itself, a file under it,
    or a record of such a file — not a neighbour sharing its prefix ("/srv/tin (lưu trữ)" is not "/srv/tin")?"""
    return within(record_file(source), root)
