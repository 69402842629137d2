"""A change goes live in seconds: the articles changed since the index on disk was built are
indexed on their own and searched beside it, until the next full build takes them in.

Only what changed is touched: its passages and sentences get vectors (from the shared store when
another worker embedded them already), BM25 term weights computed with the base index's
statistics (document frequencies from its postings, its mean lengths), so their scores sit on
the same scale as the base's; base articles replaced or removed are hidden. The base files stay
memory-mapped and shared: no second full index is held while a change goes live.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np

from knowledge.store import Store

from .embedder import Embedder
from .base import Index, event_rows, passage_vectors, sentence_rows, year_rows
from .lexical import LexicalIndex, query_tokens, tokens

K1, B = 1.2, 0.75  # as the base BM25 (lexical.LexicalIndex.build)


class _Postings:
    """BM25 term weights of the overlay's passages (or sentences), scored with base statistics."""

    def __init__(self, tokenized: list[list[str]], avgdl: float):
        self.n = len(tokenized)
        per_token: dict[str, tuple[list[int], list[float]]] = {}
        for d, toks in enumerate(tokenized):
            norm = K1 * ((1 - B) + B * len(toks) / max(avgdl, 1e-9))
            for t, tf in Counter(toks).items():
                docs, weights = per_token.setdefault(t, ([], []))
                docs.append(d)
                weights.append(tf / (norm + tf))
        self.postings = {t: (np.array(d), np.array(w, dtype=np.float32)) for t, (d, w) in per_token.items()}

    def scores(self, base: LexicalIndex, query: str, other_words: bool = False) -> np.ndarray:
        out = np.zeros(self.n, dtype=np.float32)
        q = query_tokens(query, other_words)
        r = base.retriever
        vocab, indptr = r.vocab_dict, r.scores["indptr"]
        n_docs = base.n_docs + self.n
        for t in q:
            hit = self.postings.get(t)
            if hit is None:
                continue
            col = vocab.get(t)
            df = (int(indptr[col + 1] - indptr[col]) if col is not None else 0) + len(hit[0])
            out[hit[0]] += math.log(1 + (n_docs - df + 0.5) / (df + 0.5)) * hit[1]
        return out


class Overlay:
    def __init__(self, base: Index, chunk_texts: list[str], sent_texts: list[str], chunk_vecs: np.ndarray,
                 sent_vecs: np.ndarray, chunk_tokens: list[list[str]], sent_tokens: list[list[str]]):
        self.n_base_chunks = len(base.chunk_article_idx)
        self.n_base_sents = len(base.sentence_chunk)
        self.chunk_texts, self.sent_texts = chunk_texts, sent_texts
        self.chunk_vecs, self.sent_vecs = chunk_vecs, sent_vecs.astype(np.float16)
        self.lex = {"chunk": _Postings(chunk_tokens, base.avgdl.get("chunk", 1.0)),
                    "sentence": _Postings(sent_tokens, base.avgdl.get("sentence", 1.0))}

    def dense_top(self, ids: np.ndarray, cos: np.ndarray, vec: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
        mine = self.chunk_vecs @ vec
        ids = np.concatenate([ids, np.arange(len(mine), dtype=np.int64) + self.n_base_chunks])
        cos = np.concatenate([cos, mine.astype(np.float32)])
        keep = np.argsort(-cos, kind="stable")[:k]
        return ids[keep], cos[keep]

    def lex_scores(self, table: str, index: Index, text: str) -> np.ndarray:
        base = index.lex_chunks if table == "chunk" else index.lex_sents
        return self.lex[table].scores(base, text, other_words=table == "sentence")


class OverlayTexts:
    """The base's texts on disk, then the overlay's in memory."""

    def __init__(self, base, overlay: Overlay):
        self.base, self.overlay = base, overlay

    def get(self, table: str, i: int) -> str:
        n, own = ((self.overlay.n_base_chunks, self.overlay.chunk_texts) if table == "chunk"
                  else (self.overlay.n_base_sents, self.overlay.sent_texts))
        return self.base.get(table, i) if i < n else own[i - n]


def apply(base: Index, store: Store, embedder: Embedder) -> Index:
    """The base index with every change since it was built: a new Index object (the serving one
    is never modified), built from the changed articles only."""
    root = _base_of(base)  # changes are always laid over the built index, never over an overlay
    revision = store.revision
    changed, removed = store.changes_since(root.base_revision)
    base_ids = list(root.article_ids)
    n_base = len(base_ids)
    position = {a: i for i, a in enumerate(base_ids)}
    metas = {a.id: {"title": a.title, "date": a.date, "url": a.url}
             for a in (store.article(i) for i in changed) if a is not None}
    chunks = [dict(id=c.id, article_id=c.article_id, ord=c.ord, text=c.text, title=c.title, date=c.date)
              for a in changed for c in store.chunks(a)]
    sentences = sentence_rows(chunks)
    chunk_texts = [f"{c['title']}. {c['text']}" for c in chunks]
    sent_texts = [s["text"] for s in sentences]
    vec_s = embedder.passages(sent_texts, shared=store) if sent_texts else np.zeros((0, embedder.dim), np.float32)
    vec_c = (passage_vectors(chunks, chunk_texts, sentences, vec_s, embedder, store) if chunks
             else np.zeros((0, embedder.dim), np.float32))
    overlay = Overlay(root, [c["text"] for c in chunks], sent_texts, vec_c, vec_s,
                      [tokens(t) for t in chunk_texts], [tokens(t) for t in sent_texts])
    new_pos = {a: n_base + i for i, a in enumerate(dict.fromkeys(c["article_id"] for c in chunks))}
    hidden = np.array(sorted(position[a] for a in (*changed, *removed) if a in position), dtype=np.int64)
    gone, dead_pos = set(removed), set(hidden.tolist())
    articles = {a: m for a, m in root.articles.items() if a not in gone}
    articles.update(metas)
    years = {y: [p for p in ps if p not in dead_pos] for y, ps in root.year_articles.items()}
    local = {a: p - n_base for a, p in new_pos.items()}
    for y, ps in year_rows(chunks, metas, local).items():
        years.setdefault(y, []).extend(p + n_base for p in ps)
    hidden_sents = set()
    if len(hidden):
        dead = np.isin(root.chunk_article_idx[root.sentence_chunk], hidden)
        hidden_sents = set(np.flatnonzero(dead).tolist())
    events = [e for e in root.events if e[1] not in hidden_sents]
    events += [(day, s + overlay.n_base_sents) for day, s in event_rows(chunks, metas, sentences)]
    faq, faq_rows, faq_vecs = _faq(root, store, embedder)
    ix = Index(
        version=f"{root.version}+r{revision}", revision=revision, model=root.model, articles=articles,
        chunk_article_idx=np.concatenate([root.chunk_article_idx,
                                          np.array([new_pos[c["article_id"]] for c in chunks], dtype=np.int64)]),
        sentence_chunk=np.concatenate([root.sentence_chunk,
                                       np.array([s["chunk"] for s in sentences], dtype=np.int64)
                                       + overlay.n_base_chunks]),
        texts=OverlayTexts(root.texts, overlay), dense_chunks=root.dense_chunks, sent_vecs=root.sent_vecs,
        lex_chunks=root.lex_chunks, lex_sents=root.lex_sents, restorer=root.restorer, idf=root.idf,
        year_articles=years, faq=faq, faq_rows=faq_rows, faq_vecs=faq_vecs, events=events, avgdl=root.avgdl,
        base_revision=root.base_revision, article_ids=base_ids + list(new_pos), overlay=overlay, hidden=hidden,
        sent_f32=root.sent_f32)
    ix.base = root
    return ix


def _base_of(ix: Index) -> Index:
    return getattr(ix, "base", None) or ix


def _faq(base: Index, store: Store, embedder: Embedder) -> tuple[list[dict], list[int], np.ndarray | None]:
    """Hỏi đáp entries as stored now; phrasings the base embedded keep their vectors."""
    known = {}
    if base.faq_vecs is not None:
        phrasings = [q for e in base.faq for q in e["questions"]]
        known = dict(zip(phrasings, base.faq_vecs))
    entries = store.faq_entries()
    phrasings = [q for e in entries for q in e.questions]
    todo = [q for q in dict.fromkeys(phrasings) if q not in known]
    if todo:
        known.update(zip(todo, embedder.queries(todo)))
    vecs = np.vstack([known[q] for q in phrasings]) if phrasings else None
    faq = [{"id": e.id, "questions": e.questions, "answer": e.answer, "basis": e.basis, "source": e.source,
            "valid_from": e.valid_from} for e in entries]
    return faq, [i for i, e in enumerate(entries) for _ in e.questions], vecs
