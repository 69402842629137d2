"""Articles from the web: one page by URL, or the new items of an RSS/Atom feed."""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import httpx

from .ingest import IngestReport
from .loaders import LoadError, parse_html, prepare
from .models import Article
from .store import Store

log = logging.getLogger(__name__)
MAX_BYTES = 5 * 1024 * 1024
HEADERS = {"User-Agent": "UnionBot/0.1 (+knowledge base of trade-union news)"}


class FetchError(Exception):
    """A page or feed that could not be fetched; the message names the cause."""


def url_id(url: str) -> str:
    """Stable article id for a URL: re-adding the same page updates it."""
    return "web-" + hashlib.sha1(url.strip().encode()).hexdigest()[:12]


def _get(url: str, timeout: float = 20.0) -> httpx.Response:
    if not url.startswith(("http://", "https://")):
        raise FetchError(f"địa chỉ phải bắt đầu bằng http:// hoặc https:// ({url})")
    try:
        with httpx.Client(timeout=timeout, follow_redirects=True, headers=HEADERS) as client:
            r = client.get(url)
    except httpx.TimeoutException as e:
        raise FetchError(f"hết thời gian chờ khi tải {url}") from e
    except httpx.HTTPError as e:
        raise FetchError(f"không tải được {url}: {type(e).__name__}: {e}") from e
    if r.status_code >= 400:
        raise FetchError(f"máy chủ trả về lỗi HTTP {r.status_code} cho {url}")
    if len(r.content) > MAX_BYTES:
        raise FetchError(f"trang quá lớn ({len(r.content) // 1024} KB)")
    return r


def fetch_article(url: str) -> Article:
    r = _get(url)
    try:
        art = parse_html(r.text, url_id(url), url=str(r.url) if str(r.url) != url else url, source=url)
    except LoadError as e:
        raise FetchError(f"{url}: {e}") from e
    art.id = url_id(url)
    return art


def add_url(store: Store, url: str) -> tuple[Article, str]:
    """Fetch, store, remember as a source; returns the article and added/updated/unchanged."""
    art = fetch_article(url)
    status = store.upsert(art)
    store.add_source(url, "url")
    return art, status


def ingest_url(store: Store, url: str, report: IngestReport) -> None:
    """Add one page to the store, recording the outcome (or why it was skipped) in the report."""
    try:
        art, status = add_url(store, url)
        getattr(report, status).append(art.id)
    except FetchError as e:
        report.skipped.append((url, str(e)))


def poll_feed(store: Store, feed_url: str) -> IngestReport:
    """Add the feed's items not seen before; an item whose page fails falls back to its summary."""
    import feedparser

    report = IngestReport()
    r = _get(feed_url)
    feed = feedparser.parse(r.content)
    if feed.bozo and not feed.entries:
        raise FetchError(f"nguồn tin {feed_url} không phải RSS/Atom hợp lệ")
    for entry in feed.entries:
        link = entry.get("link") or entry.get("id")
        if not link or store.seen_feed_item(link):
            continue
        try:
            art = fetch_article(link)
        except FetchError as e:
            summary = entry.get("summary") or entry.get("description") or ""
            if not summary:
                report.skipped.append((link, str(e)))
                continue
            from selectolax.parser import HTMLParser

            text = HTMLParser(summary).text(separator="\n")
            art = prepare(url_id(link), entry.get("title"), text, date=entry.get("published"), url=link,
                          source=feed_url)
        getattr(report, store.upsert(art)).append(art.id)
        store.mark_feed_item(link, feed_url)
    return report


def reload_sources(store: Store, folders: list[str], progress=None) -> IngestReport:
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
            report.skipped.append((p, "không tồn tại (not found)"))
        else:
            before = {a.id for a in store.articles() if a.source and a.source.startswith(str(path.resolve()))}
            part = ingest_paths(store, [path], progress=False)
            report.merge(part)
            now = set(part.added + part.updated + part.unchanged)
            for gone in sorted(before - now):
                if store.remove(gone):
                    report.removed.append(gone)
        done += 1
        if progress:
            progress(done, total)
    for url in urls:
        ingest_url(store, url, report)
        done += 1
        if progress:
            progress(done, total)
    return report
