"""What comes into the knowledge base and goes out of it: files, folders, web pages, feeds,
hỏi đáp entries, removals. These change the store only; the index keeper follows the store's
revision, so the next answer sees the change."""
from __future__ import annotations

from pathlib import Path

from knowledge import fetch
from knowledge.ingest import IngestReport, ingest_paths
from knowledge.loaders import load_file
from knowledge.models import Article, FaqEntry
from knowledge.store import Store

from ..config import RetrievalSettings as Settings


class Intake:
    def __init__(self, settings: Settings, store: Store):
        self.settings = settings
        self.store = store

    def ingest(self, paths: list[Path], progress: bool = True) -> IngestReport:
        """Files and folders; web page URLs among them are fetched like /them."""
        urls = [str(p) for p in paths if str(p).startswith(("http://", "https://"))]
        report = ingest_paths(self.store, [Path(p) for p in paths if str(p) not in urls], progress=progress,
                              limits=self.settings.limits)
        for url in urls:
            fetch.ingest_url(self.store, url, report, self.settings.fetch_policy)
        return report

    def add_file(self, path: Path) -> list[tuple[Article | FaqEntry, str]]:
        """One file an admin sent (kept as a source, so /reload re-reads it): articles, hỏi đáp or both."""
        arts = load_file(path, self.settings.limits)
        results = [(a, self.store.upsert_faq(a) if isinstance(a, FaqEntry) else self.store.upsert(a)) for a in arts]
        self.store.add_source(str(path), "file")
        return results

    def add_url(self, url: str) -> tuple[Article, str]:
        return fetch.add_url(self.store, url, self.settings.fetch_policy)

    def poll_feed(self, feed_url: str) -> IngestReport:
        return fetch.poll_feed(self.store, feed_url, self.settings.fetch_policy)

    def remove(self, article_id: str) -> bool:
        """An article or a hỏi đáp entry."""
        return self.store.remove(article_id)

    def source_count(self) -> int:
        """Folders/files/URLs that /reload re-reads (configured and added)."""
        return len({*self.settings.source_paths, *(s["location"] for s in self.store.sources())})

    def reload(self, progress=None) -> IngestReport:
        """Re-read every source and feed (files that disappeared are removed)."""
        report = fetch.reload_sources(self.store, self.settings.source_paths, progress, self.settings.fetch_policy)
        for feed in self.settings.feed_urls:
            try:
                report.merge(fetch.poll_feed(self.store, feed, self.settings.fetch_policy))
            except fetch.FetchError as e:
                report.skipped.append((feed, str(e)))
        return report
