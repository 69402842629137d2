"""The search index: dense (FAISS) and lexical (BM25) over passages and sentences.

Every build writes a new versioned directory and then switches the CURRENT
pointer with one atomic rename; a build that fails leaves the previous version
serving. Readers load whatever CURRENT names.
"""
from __future__ import annotations

import json
import logging
import math
import os
import re
import shutil
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import faiss
import numpy as np

from knowledge.dates import event_dates
from knowledge.store import Store
from knowledge.text import paragraphs, split_sentences

from .embedder import Embedder
from .lexical import LexicalIndex
from .recent import Recent
from .restore import Restorer
from ..params import (ANN_MIN_PASSAGES, ANN_MIN_PROBES, ANN_PROBE_SHARE, LEX_CANDIDATE_MAX_DF, KEEP_VERSIONS, MIN_SENTENCE,
                      SENT_F32_BYTES, TEXT_CACHE)

log = logging.getLogger(__name__)
# One thread per FAISS search: its OpenMP team, spinning beside ONNX Runtime's on 2 cores, made a
# 45k-passage search take 23 ms instead of 3.5 ms (benchmarks/scale.py).
faiss.omp_set_num_threads(1)
FORMAT = 8  # 6: texts on disk, arrays for rows; 7: BM25 mean lengths (for overlays); 8: more abbreviations in tokens


_YEAR_ANY = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")


class IndexError_(RuntimeError):
    """No usable index, or a build that failed; the message names the cause."""


class Texts:
    """Passage and sentence texts of one index version, read from its SQLite file when a question
    needs them (a few dozen per question): the serving process never holds the corpus's text, only
    the last TEXT_CACHE texts read (a version's texts never change, so nothing goes stale)."""

    def __init__(self, path: Path):
        self.con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self.lock = threading.Lock()
        self._recent: Recent[tuple[str, int], str] = Recent(TEXT_CACHE)

    def get(self, table: str, i: int) -> str:
        key = (table, int(i))
        with self.lock:
            text = self._recent.get(key)
            if text is not None:
                return text
            row = self.con.execute(f"SELECT text FROM {table} WHERE i=?", key[1:]).fetchone()
            text = row[0] if row else ""
            self._recent.put(key, text)
        return text

    @staticmethod
    def write(path: Path, chunks: list[str], sentences: list[str]) -> None:
        con = sqlite3.connect(str(path))
        with con:
            for table, texts in (("chunk", chunks), ("sentence", sentences)):
                con.execute(f"CREATE TABLE {table} (i INTEGER PRIMARY KEY, text TEXT NOT NULL)")
                con.executemany(f"INSERT INTO {table}(i, text) VALUES(?,?)", enumerate(texts))
        con.close()


class Rows(Sequence):
    """index.chunks / index.sentences: row i as a small dict, its text fetched on access."""

    def __init__(self, texts: Texts, table: str, fields: dict[str, Sequence]):
        self.texts, self.table, self.fields = texts, table, fields
        self.n = len(next(iter(fields.values()))) if fields else 0

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if not -self.n <= i < self.n:
            raise IndexError(i)
        row = {k: (v[i].item() if hasattr(v[i], "item") else v[i]) for k, v in self.fields.items()}
        row["text"] = self.texts.get(self.table, i % self.n)
        return row


@dataclass
class Index:
    version: str
    revision: int
    model: str
    articles: dict[str, dict]  # id → title, date, url (in index order)
    chunk_article_idx: np.ndarray  # per passage: position of its article in `articles`
    sentence_chunk: np.ndarray  # per sentence: its passage (sentences come in passage order)
    texts: Texts
    dense_chunks: faiss.Index
    sent_vecs: np.ndarray  # float16, one row per sentence (memory-mapped): scored only where asked
    lex_chunks: LexicalIndex
    lex_sents: LexicalIndex
    restorer: Restorer
    idf: dict[str, float]  # folded syllable → inverse passage frequency; unseen words weigh most
    year_articles: dict[str, list[int]] = field(default_factory=dict)  # year → articles that name it
    faq: list[dict] = field(default_factory=list)  # hỏi đáp entries: id, questions, answer, basis, …
    faq_rows: list[int] = field(default_factory=list)  # entry of each phrasing vector
    faq_vecs: np.ndarray | None = None  # one vector per phrasing (question side of the model)
    events: list = field(default_factory=list)  # (ISO day, sentence) for every day a sentence dates
    avgdl: dict = field(default_factory=dict)  # mean tokens per passage / sentence (BM25 of an overlay)
    base_revision: int = -1  # the store revision the files on disk were built from
    # Articles changed since the build, searched beside it until the next build (retrieval.overlay):
    # positions ≥ the base's are the overlay's; base articles it replaces or removes are `hidden`.
    article_ids: list[str] | None = None
    overlay: object | None = None
    hidden: np.ndarray | None = None  # base article positions no longer live
    sent_f32: np.ndarray | None = None  # sent_vecs cast to float32 once, when small enough (float_rows)

    def __post_init__(self) -> None:
        # Lookups every question needs, computed once per index load (arrays, not Python objects
        # per passage: at 100k articles there are ~450k passages and ~800k sentences).
        if self.base_revision < 0:
            self.base_revision = self.revision
        ids = self.article_ids = self.article_ids if self.article_ids is not None else list(self.articles)
        self.chunk_article = [ids[i] for i in self.chunk_article_idx.tolist()]
        self.chunks = Rows(self.texts, "chunk", {"article_id": self.chunk_article})
        self.sentences = Rows(self.texts, "sentence", {"chunk": self.sentence_chunk})
        # Passage i owns sentences chunk_sents[i]:chunk_sents[i+1]; an article its passages in a run.
        self.chunk_sents = np.searchsorted(self.sentence_chunk, np.arange(len(self.chunk_article) + 1))
        starts = np.searchsorted(self.chunk_article_idx, np.arange(len(ids) + 1))
        self._article_pos = {a: i for i, a in enumerate(ids)}
        self._article_start = starts
        dated = sorted({m["date"] for m in self.articles.values() if m.get("date")}, reverse=True)
        rank = {d: r for r, d in enumerate(dated)}
        metas = [self.articles.get(a, {}) for a in ids]
        per_article = np.array([1.0 / (1 + rank[m["date"]]) if m.get("date") else 0.0 for m in metas],
                               dtype=np.float32)
        self.recency = per_article[self.chunk_article_idx] if len(per_article) else np.zeros(0, dtype=np.float32)
        self.live = None if self.hidden is None or not len(self.hidden) else ~np.isin(self.chunk_article_idx,
                                                                                      self.hidden)

    # -- what search asks of the index: the base files, plus the overlay when there is one ---------
    def dense_top(self, vec: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        """(passage ids, cosines) of the best `k` passages."""
        ix = self.dense_chunks
        ids, cos = np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        if ix.ntotal:
            scores, found = ix.search(vec.reshape(1, -1), min(ix.ntotal, k))
            keep = found[0] >= 0
            ids, cos = found[0][keep].astype(np.int64), scores[0][keep]
        if self.overlay is not None:
            ids, cos = self.overlay.dense_top(ids, cos, vec, k)
        return ids, cos

    def lex_chunk_top(self, text: str, k: int) -> np.ndarray:
        """Passages worth scoring for this question by their words (see LexicalIndex.top)."""
        ids = self.lex_chunks.top(text, k, LEX_CANDIDATE_MAX_DF)
        if self.overlay is not None:
            own = self.overlay.lex_scores("chunk", self, text)
            ids = np.concatenate([ids, np.flatnonzero(own > 0) + self.overlay.n_base_chunks])
        return ids

    def lex_chunk_scores(self, text: str, ids) -> np.ndarray:
        """Exact BM25 of these passages."""
        return self._lex_for("chunk", self.lex_chunks, text, ids)

    def lex_sentence_scores(self, text: str, ids) -> np.ndarray:
        """Exact BM25 of these sentences (one article's, when a sentence is chosen). Which sentence
        answers may hang on the words news uses for the question's (chat.SAME_AS); which article
        the question is about stays with its own words."""
        return self._lex_for("sentence", self.lex_sents, text, ids)

    def _lex_for(self, table: str, lex: LexicalIndex, text: str, ids) -> np.ndarray:
        ids = np.asarray(ids, dtype=np.int64)
        others = table == "sentence"
        if self.overlay is None:
            return lex.scores_for(text, ids, others)
        n = lex.n_docs
        out = np.zeros(len(ids), dtype=np.float32)
        base = ids < n
        out[base] = lex.scores_for(text, ids[base], others)
        if (~base).any():
            out[~base] = self.overlay.lex_scores(table, self, text)[ids[~base] - n]
        return out

    def article_chunk_ids(self, article_id: str) -> range:
        i = self._article_pos.get(article_id)
        return range(0) if i is None else range(int(self._article_start[i]), int(self._article_start[i + 1]))

    @property
    def article_sentences(self) -> "_ArticleSentences":
        return _ArticleSentences(self)

    @property
    def empty(self) -> bool:
        return not len(self.chunk_article)

    def text_of(self, article_id: str) -> str:
        """An article's text, joined from its passages when asked (not kept a second time)."""
        return " ".join(self.texts.get("chunk", i) for i in self.article_chunk_ids(article_id))

    def titled_text(self, article_id: str) -> str:
        """Title and text: what "the article holds" means when a question's words are looked for."""
        return f"{self.articles.get(article_id, {}).get('title', '')} {self.text_of(article_id)}"

    def sentence_cos(self, ids, vec: np.ndarray) -> np.ndarray:
        """Cosine of these sentences to `vec`: a few hundred rows per question, never all."""
        ids = np.asarray(ids, dtype=np.int64)
        if ids.size == 0:
            return np.zeros(0, dtype=np.float32)
        n = len(self.sent_vecs)
        if self.overlay is None or ids.max() < n:
            return self._sent_rows(ids) @ vec
        out = np.zeros(len(ids), dtype=np.float32)
        base = ids < n
        if base.any():
            out[base] = self._sent_rows(ids[base]) @ vec
        out[~base] = self.overlay.sent_vecs[ids[~base] - n].astype(np.float32) @ vec
        return out

    def _sent_rows(self, ids: np.ndarray) -> np.ndarray:
        """These sentences' vectors as float32: gathered from the float32 copy when the index keeps one, else cast
        from the float16 rows (the same values either way: a float16 casts to float32 exactly)."""
        if self.sent_f32 is not None:
            return self.sent_f32[ids]
        return self.sent_vecs[ids].astype(np.float32)


def float_rows(sent_vecs: np.ndarray) -> np.ndarray | None:
    """The sentence vectors cast to float32 once, for an index whose copy fits SENT_F32_BYTES (None past it): an
    ask's cosines then gather float32 rows instead of casting ~1,000–3,000 float16 rows each time (numpy's float16
    cast is ~10× the gather and product). Read-only, so the threads answering at once share it safely."""
    if sent_vecs.size * 4 > SENT_F32_BYTES:
        return None
    rows = np.asarray(sent_vecs, dtype=np.float32)
    rows.flags.writeable = False
    return rows


class _ArticleSentences:
    """article id → its sentence ids (a mapping computed from the arrays on access)."""

    def __init__(self, index: Index):
        self.index = index

    def get(self, article_id: str, default=None) -> list[int]:
        chunks = self.index.article_chunk_ids(article_id)
        if not len(chunks):
            return default if default is not None else []
        return list(range(int(self.index.chunk_sents[chunks.start]), int(self.index.chunk_sents[chunks.stop])))


def sentence_rows(chunks: list[dict]) -> list[dict]:
    """Answer-sized units; a short lead ("Chiều ngày 20/10/2017.") joins the next sentence."""
    out = []
    for ci, c in enumerate(chunks):
        for par in paragraphs(c["text"]):
            pending = ""
            for s in split_sentences(par):
                s = f"{pending} {s}".strip() if pending else s
                if len(s) < MIN_SENTENCE:
                    pending = s
                    continue
                out.append({"chunk": ci, "text": s})
                pending = ""
            if pending and len(pending) >= 8:
                out.append({"chunk": ci, "text": pending})
    return out


def passage_vectors(chunks: list[dict], chunk_texts: list[str], sentences: list[dict], vec_s: np.ndarray,
                     embedder: Embedder, store: Store) -> np.ndarray:
    """A passage's vector is the mean of its sentences' (normalised), not a second embedding of
    the same words: half the embedding work at ingest (3.7 → 7 articles/s on the dev articles)
    for the same 5-fold CV quality (answer in reply 0.87 either way, article@1 0.99 → 0.984).
    A passage too short to hold a sentence is embedded itself."""
    out = np.zeros((len(chunks), embedder.dim), dtype=np.float32)
    owner = np.array([s["chunk"] for s in sentences], dtype=np.int64)
    if len(owner):
        np.add.at(out, owner, vec_s)
    bare = [i for i in range(len(chunks)) if not np.any(out[i])]
    if bare:
        out[bare] = embedder.passages([chunk_texts[i] for i in bare], shared=store)
    return out / np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-9)


def _dense(vecs: np.ndarray, dim: int) -> faiss.Index:
    """Exact inner product up to ANN_MIN_PASSAGES (a few ms per query, nothing lost); above, an
    inverted file of 8-bit vectors (a quarter of the memory, a fixed share of lists scanned per
    question — recall against exact measured in benchmarks/scale.py)."""
    if len(vecs) < ANN_MIN_PASSAGES:
        ix = faiss.IndexFlatIP(dim)
        if len(vecs):
            ix.add(vecs)
        return ix
    nlist = int(math.sqrt(len(vecs)))
    quantizer = faiss.IndexFlatIP(dim)
    ix = faiss.IndexIVFScalarQuantizer(quantizer, dim, nlist, faiss.ScalarQuantizer.QT_8bit,
                                       faiss.METRIC_INNER_PRODUCT)
    rng = np.random.default_rng(0)  # k-means on 40 points per list: seconds, not minutes, at 500k
    ix.train(vecs[rng.choice(len(vecs), min(len(vecs), 40 * nlist), replace=False)])
    ix.add(vecs)
    ix.nprobe = max(ANN_MIN_PROBES, int(nlist * ANN_PROBE_SHARE))
    return ix


def current_version(root: Path) -> str | None:
    p = root / "CURRENT"
    return p.read_text().strip() if p.exists() else None


def build(store: Store, embedder: Embedder, root: Path, progress: bool = False) -> str:
    """Build a new version from the store and switch to it; returns the version name."""
    revision = store.revision
    chunks = [dict(id=c.id, article_id=c.article_id, ord=c.ord, text=c.text, title=c.title, date=c.date)
              for c in store.chunks()]
    meta_of = {a["id"]: {"title": a["title"], "date": a["date"], "url": a["url"]} for a in store.article_meta()}
    # Articles in passage order (each article's passages form one run: Index.article_chunk_ids).
    articles = {a: meta_of[a] for a in dict.fromkeys(c["article_id"] for c in chunks)}
    articles.update({a: m for a, m in meta_of.items() if a not in articles})
    sentences = sentence_rows(chunks)
    now = time.time()  # two builds of one revision in one second get distinct names
    version = f"v{revision:06d}-{time.strftime('%Y%m%d%H%M%S', time.localtime(now))}{int(now * 1e6) % 10**6:06d}-{os.getpid()}"
    root.mkdir(parents=True, exist_ok=True)
    clean_abandoned(root)
    tmp = root / f".building-{version}"
    try:
        tmp.mkdir()
        chunk_texts = [f"{c['title']}. {c['text']}" for c in chunks]
        # Sentences are embedded bare: with the title in front, every sentence of an
        # article looks alike and the one that answers no longer stands out.
        sent_texts = [s["text"] for s in sentences]
        vec_s = embedder.passages(sent_texts, progress=progress, shared=store)
        vec_c = passage_vectors(chunks, chunk_texts, sentences, vec_s, embedder, store)
        faiss.write_index(_dense(vec_c, embedder.dim), str(tmp / "chunks.faiss"))
        np.save(tmp / "sentences.f16.npy", vec_s.astype(np.float16))
        entries = store.faq_entries()
        rows = [i for i, e in enumerate(entries) for _ in e.questions]
        np.save(tmp / "faq.npy", embedder.queries([q for e in entries for q in e.questions]))
        df: Counter = Counter()
        lex_c, avg_c = LexicalIndex.build(chunk_texts, unigram_df=df)
        lex_c.save(tmp / "bm25-chunks")
        lex_s, avg_s = LexicalIndex.build(sent_texts)
        lex_s.save(tmp / "bm25-sentences")
        avgdl = {"chunk": avg_c, "sentence": avg_s}
        Restorer.build([f"{a['title']}." for a in articles.values()] + [c["text"] for c in chunks]).save(
            tmp / "restore.json")
        Texts.write(tmp / "texts.sqlite3", [c["text"] for c in chunks], sent_texts)
        position = {a: i for i, a in enumerate(articles)}
        np.savez(tmp / "arrays.npz", chunk_article=np.array([position[c["article_id"]] for c in chunks], dtype=np.int32),
                 sentence_chunk=np.array([s["chunk"] for s in sentences], dtype=np.int32))
        meta = {"format": FORMAT, "version": version, "revision": revision, "model": embedder.model_id,
                "built_at": time.time(), "articles": articles, "years": year_rows(chunks, articles, position),
                "avgdl": avgdl,
                "df": dict(df), "faq_rows": rows, "events": event_rows(chunks, articles, sentences),
                "faq": [{"id": e.id, "questions": e.questions, "answer": e.answer, "basis": e.basis,
                         "source": e.source, "valid_from": e.valid_from} for e in entries]}
        meta["files"] = _manifest(tmp)  # sizes and checksums: a damaged file is found at load
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        tmp.rename(root / version)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    pointer = root / f".CURRENT-{version}"
    try:
        pointer.write_text(version)
        os.replace(pointer, root / "CURRENT")  # the atomic switch
    except BaseException:  # (a full disk can fail this small write too): nothing half-made stays
        pointer.unlink(missing_ok=True)
        shutil.rmtree(root / version, ignore_errors=True)
        raise
    _prune(root, keep=version)
    return version


def year_rows(chunks: list[dict], articles: dict[str, dict], position: dict[str, int]) -> dict[str, list[int]]:
    """year → the articles that name it (title, date or text): "năm 2010" steers to them."""
    hay: dict[str, list[str]] = {a: [m.get("title", ""), m.get("date") or ""] for a, m in articles.items()}
    for c in chunks:
        hay[c["article_id"]].append(c["text"])
    out: dict[str, list[int]] = {}
    for a, parts in hay.items():
        for y in set(_YEAR_ANY.findall(" ".join(parts))):
            out.setdefault(y, []).append(position[a])
    return out


def event_rows(chunks: list[dict], articles: dict[str, dict], sentences: list[dict]) -> list[tuple[str, int]]:
    """(day, sentence) once per article and day, for what is coming up (retrieval.calendar)."""
    out, seen = [], set()
    for i, s in enumerate(sentences):
        article_id = chunks[s["chunk"]]["article_id"]
        for day in event_dates(s["text"], articles.get(article_id, {}).get("date")):
            if (article_id, day) not in seen:
                seen.add((article_id, day))
                out.append((day.isoformat(), i))
    return out


def clean_abandoned(root: Path) -> list[str]:
    """Remove half-built versions whose builder is gone (killed mid-build): their name ends
    with the builder's pid. A build still running in another process is left alone."""
    removed = []
    for d in root.glob(".building-*"):
        pid = d.name.rsplit("-", 1)[-1]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(d, ignore_errors=True)
            removed.append(d.name)
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _prune(root: Path, keep: str) -> None:
    versions = sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith("v"))
    for old in versions[:-KEEP_VERSIONS]:
        if old.name != keep:
            shutil.rmtree(old, ignore_errors=True)
    for stale in root.glob(".building-*"):
        if time.time() - stale.stat().st_mtime > 3600:
            shutil.rmtree(stale, ignore_errors=True)


def _manifest(d: Path) -> dict[str, list]:
    """name → [size, sha256] of every file of a version (folders included, by relative path)."""
    return {str(p.relative_to(d)): [p.stat().st_size, _sha256(p)] for p in sorted(d.rglob("*")) if p.is_file()}


def _sha256(path: Path) -> str:
    import hashlib

    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def verify(d: Path, meta: dict) -> None:
    """Raise IndexDamaged when a file differs from what its build recorded (truncated, overwritten,
    missing). Versions built before manifests were recorded pass unchecked."""
    for name, (size, digest) in meta.get("files", {}).items():
        p = d / name
        if not p.is_file() or p.stat().st_size != size or _sha256(p) != digest:
            got = p.stat().st_size if p.is_file() else "missing"
            raise IndexDamaged(f"{d.name}/{name}: {got} bytes, built with {size}")


class IndexDamaged(IndexError_):
    """A file of an index version is not the one its build wrote."""


def load(root: Path) -> Index:
    """The version CURRENT names; if its files are damaged, the newest intact older version (the
    damaged one is removed and CURRENT pointed at the one serving, so a restart does not trip on
    it again). Raises IndexError_ when no intact version is left (the caller rebuilds)."""
    version = current_version(root)
    if not version:
        raise IndexError_("chưa có chỉ mục (no index built yet)")
    try:
        return _load_version(root, version)
    except IndexDamaged as damage:
        log.error("index version damaged (%s); falling back", damage)
        older = sorted((p.name for p in root.iterdir() if p.is_dir() and p.name.startswith("v") and p.name < version),
                       reverse=True)
        shutil.rmtree(root / version, ignore_errors=True)
        for name in older:
            try:
                ix = _load_version(root, name)
            except (IndexError_, OSError, ValueError, RuntimeError) as e:
                log.error("older index version %s unusable too (%s)", name, e)
                continue
            if current_version(root) == version:  # not switched meanwhile by another build
                pointer = root / f".CURRENT-{name}"
                pointer.write_text(name)
                os.replace(pointer, root / "CURRENT")
            return ix
        raise


def _load_version(root: Path, version: str) -> Index:
    d = root / version
    meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
    if meta.get("format") != FORMAT:
        raise IndexError_(f"chỉ mục định dạng cũ ({meta.get('format')}), cần dựng lại")
    verify(d, meta)
    arrays = np.load(d / "arrays.npz")
    chunk_article, sentence_chunk = arrays["chunk_article"].astype(np.int64), arrays["sentence_chunk"].astype(np.int64)
    sent_vecs = np.load(d / "sentences.f16.npy", mmap_mode="r")
    return Index(
        version=version, revision=meta["revision"], model=meta["model"], articles=meta["articles"],
        chunk_article_idx=chunk_article, sentence_chunk=sentence_chunk, texts=Texts(d / "texts.sqlite3"),
        dense_chunks=faiss.read_index(str(d / "chunks.faiss")),
        sent_vecs=sent_vecs, sent_f32=float_rows(sent_vecs),
        lex_chunks=LexicalIndex.load(d / "bm25-chunks", len(chunk_article)),
        lex_sents=LexicalIndex.load(d / "bm25-sentences", len(sentence_chunk)),
        restorer=Restorer.load(d / "restore.json"),
        idf=_idf(meta.get("df", {}), len(chunk_article)),
        year_articles=meta.get("years", {}),
        faq=meta.get("faq", []), faq_rows=meta.get("faq_rows", []),
        faq_vecs=np.load(d / "faq.npy") if (d / "faq.npy").exists() else None,
        events=[tuple(e) for e in meta.get("events", [])], avgdl=meta.get("avgdl", {}),
    )


def _idf(df: dict[str, int], n: int) -> dict[str, float]:
    idf = {t: math.log((n + 1) / (c + 0.5)) for t, c in df.items()}
    idf[""] = math.log((n + 1) / 0.5)  # the weight of a word the knowledge base never uses
    return idf
