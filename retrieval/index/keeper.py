"""Keeps the serving index in step with the store.

A changed store is re-indexed before the next answer; a few changed articles go live at once
beside the built index (the overlay), many get a full build off to the side, and the swap is
atomic, so questions keep being answered while a rebuild runs.
"""
from __future__ import annotations

import contextlib
import logging
import threading
import time

from knowledge.store import Store

from ..config import RetrievalSettings as Settings
from ..params import OVERLAY_MAX_ARTICLES
from . import base as index_mod
from . import overlay
from .embedder import Embedder
from .search import search

log = logging.getLogger(__name__)


class IndexKeeper:
    def __init__(self, settings: Settings, store: Store, embedder: Embedder | None = None,
                 background_refresh: bool = False):
        self.settings = settings
        self.store = store
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

    @property
    def serving(self) -> index_mod.Index | None:
        """The index answering now, without bringing it up to date."""
        return self._index

    @contextlib.contextmanager
    def serving_for_a_while(self, ix: index_mod.Index):
        """Answer from `ix` inside the block, then from the index served before: a what-if read (an index with an
        article changed and nothing written, `tools/removed_probe.py`). `ix` must be in step with the store, or the
        next answer rebuilds over it."""
        before = self._index
        self._index = ix
        try:
            yield ix
        finally:
            self._index = before

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

    def status(self) -> dict:
        """For health checks: the serving index and the last failed build, if any."""
        ix = self._index
        articles, chunks = self.store.count()
        return {"index_version": ix.version if ix else None, "articles": articles, "chunks": chunks,
                "last_build_error": self.last_build_error}


class Follower:
    def __init__(self, keeper: IndexKeeper, poll_seconds: float):
        self.keeper = keeper
        self.poll_seconds = poll_seconds
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="store-follower", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        store = self.keeper.store
        while not self._stop.is_set():
            try:
                store.wait_for_change(self.poll_seconds)
                if not self._stop.is_set() and self.keeper.serving is not None:
                    self.keeper.ensure_fresh()  # a server's refresh runs behind the serving index
            except Exception:  # the database away for a moment: try again next round
                if self._stop.is_set():
                    break
                log.warning("following the store failed", exc_info=True)
                self._stop.wait(self.poll_seconds)
        store.db.release_thread()

    def stop(self) -> None:
        self._stop.set()
