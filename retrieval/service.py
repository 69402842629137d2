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

from knowledge.config import Settings
from knowledge.store import Store

from . import index as index_mod
from .answer import Answer, answer
from .embedder import Embedder
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
        self.store = store or Store(settings.db_path)
        self._embedder = embedder
        self._index: index_mod.Index | None = None
        self._build_lock = threading.Lock()
        # A long-running server keeps answering from the current index while a
        # newer one builds; one-shot commands (CLI, tests) wait for the fresh one.
        self.background_refresh = background_refresh
        self.last_build_error: str | None = None
        self._failed_revision: int | None = None

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
        if ix is not None and (self._build_lock.locked() or self.background_refresh):
            if not self._build_lock.locked() and self._failed_revision != self.store.revision:
                threading.Thread(target=self._refresh_quietly, daemon=True).start()
            return ix
        with self._build_lock:
            self._refresh_locked(progress)
        return self._index

    def _refresh_locked(self, progress: bool = False) -> None:
        if not self._stale(self._index):
            return
        try:
            on_disk = index_mod.load(self.settings.index_root)
        except Exception:
            on_disk = None
        if self._stale(on_disk):  # another process may have built it already
            self._rebuild_locked(progress=progress)
        else:
            self._index = on_disk

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

    def warm(self) -> None:
        """Load model and index and run one query, so the first member waits no longer than the rest."""
        ix = self.ensure_fresh()
        if not ix.empty:
            search(ix, self.embedder, "công đoàn")
        else:
            self.embedder.query("công đoàn")

    def ask(self, question: str) -> Timed:
        t = time.perf_counter()
        ix = self.index
        res = search(ix, self.embedder, question)
        ans = answer(ix, res)
        return Timed(ans, (time.perf_counter() - t) * 1000)


def refresh_index(settings: Settings, store: Store) -> None:
    """After ingest/remove: bring the index up to date now, so the next ask is fast."""
    Answerer(settings, store).ensure_fresh(progress=True)
