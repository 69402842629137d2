"""One object that answers questions from the current knowledge base.

It loads the embedding model once, keeps the index in step with the store
(a changed store is re-indexed before the next answer), and swaps indexes
atomically so questions keep being answered while a rebuild runs.
"""
from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass

from pathlib import Path

from knowledge import fetch
from knowledge.ingest import IngestReport, ingest_paths
from knowledge.loaders import load_file
from knowledge.models import Article, FaqEntry
from knowledge.store import Store

from . import advice, calendar, examples, faq
from . import index as index_mod
from .answer import Answer, answer
from .config import RetrievalSettings as Settings
from .embedder import Embedder
from .notfound import coverage
from . import overlay
from .params import MIN_FIND_COVERAGE, OVERLAY_MAX_ARTICLES
from .search import search

log = logging.getLogger(__name__)


@dataclass
class Timed:
    answer: Answer
    latency_ms: float


class Answerer:
    def __init__(self, settings: Settings, store: Store | None = None, embedder: Embedder | None = None,
                 background_refresh: bool = False):
        self.settings = settings
        self.store = store or Store(settings.database)
        self._embedder = embedder
        self._index: index_mod.Index | None = None
        self._build_lock = threading.Lock()
        # A long-running server keeps answering from the current index while a
        # newer one builds; one-shot commands (CLI, tests) wait for the fresh one.
        self.background_refresh = background_refresh
        self.last_build_error: str | None = None
        self._failed_revision: int | None = None

    @property
    def database(self):
        """The open database (SQLite or PostgreSQL) the bot's own tables share with the knowledge."""
        return self.store.db

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:
            self._embedder = Embedder(self.settings)
        return self._embedder

    @property
    def index(self) -> index_mod.Index:
        self.ensure_fresh()
        assert self._index is not None
        return self._index

    def _stale(self, ix: index_mod.Index | None) -> bool:
        return ix is None or ix.revision != self.store.revision or ix.model != self.settings.embed_model

    def ensure_fresh(self, progress: bool = False) -> index_mod.Index:
        """Load the current index; rebuild first if the store changed since it was built.

        While another thread is building, the current index keeps serving.
        """
        ix = self._index
        if not self._stale(ix):
            return ix
        if ix is None and self.background_refresh:
            # A server starting up: the index on disk serves at once, even if the articles changed
            # since (a big ingest must not keep the service unhealthy); the rebuild runs behind it.
            ix = self._index = self._load_on_disk(same_model=True)
        if ix is not None and (self._build_lock.locked() or self.background_refresh):
            if not self._build_lock.locked() and self._failed_revision != self.store.revision:
                threading.Thread(target=self._refresh_quietly, daemon=True).start()
            return ix
        with self._build_lock:
            self._refresh_locked(progress)
        return self._index

    def _load_on_disk(self, same_model: bool = False) -> index_mod.Index | None:
        if self.settings.index_root.is_dir():
            index_mod.clean_abandoned(self.settings.index_root)  # a build killed mid-way leaves nothing
        try:
            ix = index_mod.load(self.settings.index_root)
        except (FileNotFoundError, index_mod.IndexError_):  # nothing built yet
            return None
        except Exception:  # a damaged index on disk is rebuilt, and the cause logged
            log.warning("index on disk unreadable; rebuilding", exc_info=True)
            return None
        return None if same_model and ix.model != self.settings.embed_model else ix

    def _refresh_locked(self, progress: bool = False) -> None:
        if not self._stale(self._index):
            return
        serving = getattr(self._index, "base", None) or self._index
        same_files = serving is not None and serving.version == index_mod.current_version(self.settings.index_root)
        on_disk = None if same_files else self._load_on_disk()  # another process may have built it already
        if not self._stale(on_disk):
            self._index = on_disk
            return
        base = on_disk if on_disk is not None and on_disk.model == self.settings.embed_model else self._index
        if base is not None and base.model == self.settings.embed_model and self._few_changes(base):
            t = time.perf_counter()  # a change goes live in seconds, whatever the corpus size
            self._index = overlay.apply(base, self.store, self.embedder)
            log.info("index %s: changes since the build searched beside it (%.2fs)", self._index.version,
                     time.perf_counter() - t)
            return
        self._rebuild_locked(progress=progress)

    def _few_changes(self, base: index_mod.Index) -> bool:
        changed, removed = self.store.changes_since(base.base_revision)
        return len(changed) + len(removed) <= OVERLAY_MAX_ARTICLES

    def refresh(self, progress: bool = False) -> index_mod.Index:
        """Bring the index up to date now (a few changed articles: beside the built index, in
        seconds; many: a full build off to the side)."""
        with self._build_lock:
            self._refresh_locked(progress)
        return self._index

    def _refresh_quietly(self) -> None:
        revision = self.store.revision
        try:
            with self._build_lock:
                self._refresh_locked()
        except Exception as e:  # the previous index keeps serving; /healthz and /reload show the cause
            self._failed_revision = revision
            self.last_build_error = f"{type(e).__name__}: {e}"
            log.exception("background index rebuild failed")

    def rebuild(self, progress: bool = False) -> index_mod.Index:
        """Build a new index version off to the side, then switch to it (waits for any running build)."""
        with self._build_lock:
            return self._rebuild_locked(progress)

    def _rebuild_locked(self, progress: bool = False) -> index_mod.Index:
        """On failure the exception propagates and the previous index keeps serving."""
        t = time.perf_counter()
        index_mod.build(self.store, self.embedder, self.settings.index_root, progress=progress)
        self._index = index_mod.load(self.settings.index_root)
        self.last_build_error = None
        log.info("index %s built in %.1fs", self._index.version, time.perf_counter() - t)
        return self._index

    def follow_store(self, poll_seconds: float) -> "Follower":
        """Keep the index in step with the store in the background: on PostgreSQL a change made by
        any worker or machine is heard at once (LISTEN/NOTIFY); the poll catches anything missed."""
        return Follower(self, poll_seconds)

    def warm(self) -> None:
        """Load model and index and run one query, so the first member waits no longer than the rest."""
        ix = self.ensure_fresh()
        if not ix.empty:
            search(ix, self.embedder, "công đoàn")
        else:
            self.embedder.query("công đoàn")

    def ask(self, question: str, focus: str | None = None) -> Timed:
        """`focus`: for a follow-up read with the previous question, the member's own message,
        which chooses the sentence."""
        t = time.perf_counter()
        question = (question or "").strip()
        if not question:
            return Timed(Answer(question="", found=False, qtype="other", reason="empty question"), 0.0)
        ix = self.index
        res = search(ix, self.embedder, question, focus=focus)
        ans = answer(ix, res)
        curated = faq.match(ix, res)
        if curated and not (ans.found and advice.mentions_event(question)):  # the union's own answer
            e = curated.entry
            ans = Answer(question=ans.question, found=True, qtype=ans.qtype, kind="faq", sentence=e["answer"],
                         passage=e["answer"], faq=e, ranked=ans.ranked, related=ans.related)
        elif advice.is_advice(question) or (advice.about_rights(question) and not ans.found):
            # the member's own case, or rights the news finds nothing on: people answer it
            suggestions = ans.sources + ans.related if ans.found else ans.related
            ans = Answer(question=ans.question, found=False, qtype=ans.qtype, kind="route",
                         route_help=self.settings.legal_help, related=suggestions[:3], ranked=ans.ranked,
                         reason="câu hỏi về quyền lợi / trường hợp riêng: chuyển cán bộ tư vấn")
        return Timed(ans, (time.perf_counter() - t) * 1000)

    def coverage_of(self, text: str, article_id: str) -> float:
        """Share of the text's topic words (IDF-weighted) that the article (title and text) holds."""
        ix = self.index
        return coverage(text, ix.titled_text(article_id), ix.idf)

    def faq_matches(self, questions: list[str]) -> list:
        """The best hỏi đáp entry of each question with its match features (for calibrate-faq)."""
        ix = self.index
        return [faq.best(ix, search(ix, self.embedder, q)) for q in questions]

    def status(self) -> dict:
        """For health checks: the serving index and the last failed build, if any."""
        ix = self._index
        articles, chunks = self.store.count()
        return {"index_version": ix.version if ix else None, "articles": articles, "chunks": chunks,
                "last_build_error": self.last_build_error}

    # -- the knowledge base, as the bot and the CLI see it ---------------------
    # These change the store only; the index follows on the next ensure_fresh()/rebuild().
    def count(self) -> tuple[int, int]:
        """(articles, passages)."""
        return self.store.count()

    def articles(self) -> list[dict]:
        """Newest first: id, title, date, url, chunks."""
        return self.store.article_meta()

    def article(self, article_id: str) -> Article | None:
        return self.store.article(article_id)

    def describe(self, article_id: str) -> dict | None:
        """Everything known about one article: text, passages, facts."""
        return self.store.describe(article_id)

    def remove(self, article_id: str) -> bool:
        """An article or a hỏi đáp entry."""
        return self.store.remove(article_id)

    def faq_entries(self) -> list[FaqEntry]:
        return self.store.faq_entries()

    def add_faq(self, entry: FaqEntry) -> str:
        return self.store.upsert_faq(entry)

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

    def find_articles(self, query: str, n: int = 8) -> list[dict]:
        """Articles about the keywords, best first: those covering at least half of the query's
        topic words (accents and abbreviations aside)."""
        ix = self.index
        if ix.empty or not query.strip():
            return []
        res = search(ix, self.embedder, query)
        out = []
        for article_id, _ in res.article_ranking:
            if self.coverage_of(query, article_id) >= MIN_FIND_COVERAGE:
                out.append({"id": article_id, **ix.articles.get(article_id, {})})
            if len(out) >= n:
                break
        return out

    def calendar_question(self, question: str, today) -> tuple[bool, int | None]:
        """Does the question ask what is coming up (and for which month)?"""
        return calendar.calendar_question(question, today)

    def upcoming(self, today, month: int | None = None) -> list[calendar.Event]:
        """Events the articles date from `today` on, soonest first."""
        ix = self.index
        return [] if ix.empty else calendar.upcoming(ix, today, month)

    def event(self, article_id: str, day) -> calendar.Event | None:
        """The event an article dates on `day` (for a reminder), if it still does."""
        ix = self.index
        return next((e for e in calendar.events(ix) if e.article_id == article_id and e.date == day), None)

    def example_questions(self, n: int) -> list[str]:
        """One question from each of the newest articles, cut from their own sentences."""
        out: list[str] = []
        for a in self.store.article_meta():
            if len(out) >= n:
                break
            out += self.example_questions_for(a["id"])[:1]
        return out

    def example_questions_for(self, article_id: str) -> list[str]:
        art = self.store.article(article_id)
        return examples.example_questions(art) if art else []

    def summary(self, article_id: str) -> str | None:
        art = self.store.article(article_id)
        return examples.summary(art) if art else None





class Follower:
    def __init__(self, answerer: Answerer, poll_seconds: float):
        self.answerer = answerer
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="store-follower", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        store = self.answerer.store
        while not self._stop.is_set():
            try:
                store.wait_for_change(self.poll_seconds)
                if not self._stop.is_set() and self.answerer._index is not None:
                    self.answerer.ensure_fresh()  # a server's refresh runs behind the serving index
            except Exception:  # the database away for a moment: try again next round
                if self._stop.is_set():
                    break
                log.warning("following the store failed", exc_info=True)
                self._stop.wait(self.poll_seconds)
        store.db.release_thread()

    def stop(self) -> None:
        self._stop.set()
