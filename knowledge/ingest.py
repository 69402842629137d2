"""Paths in, store updated, a summary out — never aborted by one bad file."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from tqdm import tqdm

from .loaders import DEFAULT_LIMITS, SUPPORTED, Limits, LoadError, iter_files, load_file
from .models import Article, FaqEntry
from .problems import Problem
from .store import Store


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[str, Problem]] = field(default_factory=list)  # (file, why: worded by the bot)
    removed: list[str] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (id asked for, id given): another source holds it

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated)

    @property
    def articles(self) -> int:
        return len(self.added) + len(self.updated) + len(self.unchanged)

    def merge(self, other: "IngestReport") -> None:
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.skipped += other.skipped
        self.removed += other.removed
        self.renamed += other.renamed


def store_articles(store: Store, articles: list[Article | FaqEntry], report: IngestReport) -> None:
    for art in articles:
        asked = art.id
        status = store.upsert_faq(art) if isinstance(art, FaqEntry) else store.upsert(art)
        getattr(report, status).append(art.id)  # the id actually stored
        if status == "added" and art.id != asked:
            report.renamed.append((asked, art.id))


def ingest_paths(store: Store, paths: list[Path], progress: bool = True,
                 on_file: Callable[[int, int], None] | None = None, limits: Limits = DEFAULT_LIMITS) -> IngestReport:
    """Load every supported file under `paths` into the store.

    A file that fails to parse is reported and skipped; what is stored stays.
    """
    report = IngestReport()
    files = []
    for p in paths:
        if not p.exists():
            report.skipped.append((str(p), Problem("missing")))
            continue
        files.extend(iter_files([p.resolve()]))
    explicit = {p.resolve() for p in paths if p.is_file()}
    bar = tqdm(files, desc="Nạp bài viết", unit="tệp", disable=not progress or len(files) < 2)
    for i, f in enumerate(bar, 1):
        if f.suffix.lower() not in SUPPORTED:
            if f.resolve() in explicit:
                report.skipped.append((str(f), LoadError("format", suffix=f.suffix, supported=SUPPORTED)))
            if on_file:
                on_file(i, len(files))
            continue
        try:
            store_articles(store, load_file(f, limits, report.skipped), report)
        except LoadError as e:
            report.skipped.append((str(f), e))
        except Exception as e:  # a broken file never aborts the run
            report.skipped.append((str(f), Problem("error", error=f"{type(e).__name__}: {e}")))
        if on_file:
            on_file(i, len(files))
    for p in paths:
        if p.exists():
            store.add_source(str(p.resolve()), "folder" if p.is_dir() else "file")
    if not files and all(p.exists() for p in paths):
        report.skipped.append((", ".join(map(str, paths)), Problem("empty_folder")))
    elif files and not report.articles and not report.skipped:
        report.skipped.append((", ".join(map(str, paths)), Problem("none_supported", supported=SUPPORTED)))
    return report
