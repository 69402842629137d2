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
    def __init__(self, settings: Settings, store: Store | None = None, embedder: Embedder | None = None):
        self.settings = settings
        self.store = store or Store(settings.db_path)
        self._embedder = embedder
        self._index: index_mod.Index | None = None
        self._build_lock = threading.Lock()

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
        """Load the current index; rebuild first if the store changed since it was built."""
        ix = self._index
        if not self._stale(ix):
            return ix
        with self._build_lock:
            ix = self._index
            if not self._stale(ix):
                return ix
            root = self.settings.index_root
            try:
                on_disk = index_mod.load(root)
            except Exception:
                on_disk = None
            if self._stale(on_disk):
                self.rebuild(progress=progress)
            else:
                self._index = on_disk
        return self._index

    def rebuild(self, progress: bool = False) -> index_mod.Index:
        """Build a new index version off to the side, then switch to it.

        On failure the exception propagates and the previous index keeps serving.
        """
        t = time.perf_counter()
        index_mod.build(self.store, self.embedder, self.settings.index_root, progress=progress)
        self._index = index_mod.load(self.settings.index_root)
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
