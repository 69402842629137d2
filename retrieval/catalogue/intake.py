"""What comes into the knowledge base and goes out of it: files, folders, web pages, feeds,
hỏi đáp entries, removals. These change the store only; the index keeper follows the store's
revision, so the next answer sees the change."""
from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from knowledge import fetch
from knowledge.ingest import IngestReport, ingest_paths
from knowledge.loaders import load_file, record_file
from knowledge.models import Article, FaqEntry
from knowledge.store import Store, within

from ..config import RetrievalSettings as Settings


@dataclass(frozen=True)
class Removal:
    """What /xoa did: `comes_back` is the source /reload would read the item from again, if any;
    `deleted` the uploaded file removed from disk with it (its last record gone); `entry`: a hỏi đáp
    entry was removed, not an article."""
    comes_back: str | None
    deleted: str | None = None
    entry: bool = False


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

    def add_file(self, path: Path, data: bytes | None = None) -> list[tuple[Article | FaqEntry, str]]:
        """One file an admin sent (kept as a source, so /reload re-reads it): articles, hỏi đáp or both.
        With `data`, the file is written to `path` only once it loads: a broken file sent under the
        name of a good one leaves the good one on disk (and in the store) as it was."""
        arts = load_file(path, self.settings.limits, data=data)  # raises LoadError with the cause, nothing replaced
        if data is not None:
            with tempfile.TemporaryDirectory(prefix=".", dir=path.parent) as tmp:  # (dot: no folder scan reads it)
                written = Path(tmp) / path.name
                written.write_bytes(data)
                os.replace(written, path)  # same file system: the old file or the new one, never half
        results = [(a, self.store.upsert_faq(a) if isinstance(a, FaqEntry) else self.store.upsert(a)) for a in arts]
        self.store.add_source(str(path), "file")
        return results

    def add_url(self, url: str) -> tuple[Article, str]:
        return fetch.add_url(self.store, url, self.settings.fetch_policy)

    def poll_feed(self, feed_url: str) -> IngestReport:
        return fetch.poll_feed(self.store, feed_url, self.settings.fetch_policy)

    def remove(self, article_id: str) -> "Removal | None":
        """An article or a hỏi đáp entry (None: no such id). When it was the last thing read from a
        URL or file an admin added, that source is forgotten too, so /reload does not bring it back;
        the Removal names the source /reload would still read it from (a configured folder, a file
        that holds other records too). A file an admin uploaded goes from disk with its last record."""
        entry, location = self._location(article_id)
        if not self.store.remove(article_id):
            return None
        added = {s["location"] for s in self.store.sources()}
        if location in added and not self.store.read_from(location):
            self.store.remove_source(location)  # a file also under a configured folder is still read: below
            if self._delete_upload(location):
                return Removal(None, deleted=location, entry=entry)
        return Removal(location if location and self._read_again(location) else None, entry=entry)

    def _delete_upload(self, location: str) -> bool:
        """Delete a file the bot wrote for an admin's upload (never a file of a folder it only reads)."""
        if not within(location, str(self.settings.uploads_dir.resolve())):
            return False
        Path(location).unlink(missing_ok=True)
        return True

    def _location(self, article_id: str) -> tuple[bool, str | None]:
        """Is the id a hỏi đáp entry's (not an article's), and the file or URL it was read from (as
        /reload reads it)."""
        art = self.store.article(article_id)
        if art is not None:
            return False, record_file(art.source) if art.source else None
        entry = self.store.faq_entry(article_id)
        return True, record_file(entry.origin) if entry is not None and entry.origin else None

    def _read_again(self, location: str) -> bool:
        """Does /reload read this file or URL: an added source, or under a configured or added folder?"""
        stored = self.store.sources()
        if location in {s["location"] for s in stored}:
            return True
        roots = [*self.settings.source_paths, *(s["location"] for s in stored if s["kind"] == "folder")]
        return any(within(location, str(Path(r).resolve())) for r in roots)

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
                report.skipped.append((feed, e))
        return report
