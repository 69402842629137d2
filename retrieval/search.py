"""Hybrid search: lexical and dense evidence fused per passage, ranked per article.

Measured (EMBEDDINGS.md, and our eval): BM25 on folded text is strong on
questions typed without accents, e5 on accented and paraphrased ones; plain
rank fusion loses to the better side. So each side's scores are scaled to
[0, 1] for this query and mixed with weights that depend on what the question
looks like; unaccented questions get their accents restored before embedding.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from knowledge.text import fold, has_diacritics, normalize

from .chat import expand_question
from .embedder import Embedder
from .index import Index
from .lexical import tokens
from .qtype import question_type, wants_recent, years
from .params import DENSE_TOP_K, DENSE_WINDOW, RECENT_BONUS, WEIGHTS, YEAR_BONUS



@dataclass
class Query:
    text: str  # normalized as typed
    dense_text: str  # accents restored when typed without them
    accented: bool
    qtype: str
    years: list[str]
    recent: bool


@dataclass
class SearchResult:
    query: Query
    article_ranking: list[tuple[str, float]]  # (article id, score), best first
    dense_sent: np.ndarray  # raw cosine per sentence
    lex_sent: np.ndarray  # raw BM25 per sentence
    qvec: np.ndarray | None = None  # the question's vector (hỏi đáp matching reuses it)
    # Cosine per sentence to the question *minus the words of the best article's title*: every
    # sentence of that article shares its topic; what tells the answering one apart is the rest.
    focus_sent: np.ndarray | None = None


def scale_lexical(x: np.ndarray) -> np.ndarray:
    """BM25 → [0, 1] relative to this query's best passage."""
    hi = float(x.max()) if x.size else 0.0
    return x / hi if hi > 1e-9 else np.zeros_like(x)


def scale_dense(x: np.ndarray) -> np.ndarray:
    """Cosine → [0, 1] over a fixed window below the best: e5 cosines crowd into
    0.75–0.92, so a passage DENSE_WINDOW below the best counts as nothing. A fixed
    window (not the spread of this query's scores) keeps small indexes stable."""
    if x.size == 0:
        return x
    hi = float(x.max())
    return np.clip((x - (hi - DENSE_WINDOW)) / DENSE_WINDOW, 0.0, 1.0)


def make_query(index: Index, question: str) -> Query:
    typed = " ".join(normalize(question).split())
    text = expand_question(typed)
    accented = has_diacritics(typed)  # as the member typed it (expansions add accents of their own)
    dense_text = text if accented else index.restorer.restore(text)
    return Query(text=text, dense_text=dense_text, accented=accented, qtype=question_type(text, accented),
                 years=years(text), recent=wants_recent(text))


def _all_scores(ix, vec: np.ndarray, top_k: int | None = None) -> np.ndarray:
    """Cosine per vector; with `top_k`, only the best k are looked up (the rest count as 0 —
    far below the DENSE_WINDOW that scaling keeps)."""
    n = ix.ntotal
    if n == 0:
        return np.zeros(0, dtype=np.float32)
    scores, ids = ix.search(vec.reshape(1, -1), min(n, top_k or n))
    out = np.zeros(n, dtype=np.float32)
    keep = ids[0] >= 0
    out[ids[0][keep]] = scores[0][keep]
    return out


def search(index: Index, embedder: Embedder, question: str, mode: str = "hybrid") -> SearchResult:
    """Rank passages and articles. `mode` "lexical" or "dense" keeps one side only
    (for measuring what fusion adds)."""
    q = make_query(index, question)
    qvec = embedder.query(q.dense_text)
    dense_c = _all_scores(index.dense_chunks, qvec, DENSE_TOP_K)
    dense_s = _all_scores(index.dense_sents, qvec)
    lex_c = index.lex_chunks.scores(q.text)
    lex_s = index.lex_sents.scores(q.text)
    n = len(index.chunks)
    best_sent = np.zeros(n, dtype=np.float32)
    if len(dense_s):
        np.maximum.at(best_sent, index.sentence_chunk, dense_s)
    wl, wd, ws = {"hybrid": WEIGHTS[q.accented], "lexical": (1.0, 0.0, 0.0), "dense": (0.0, 1.0, 0.0)}[mode]
    fused = wl * scale_lexical(lex_c) + wd * scale_dense(dense_c) + ws * scale_dense(best_sent)
    fused = fused + _context_bonus(index, q)
    best: dict[str, float] = {}
    for aid, score in zip(index.chunk_article, fused.tolist()):
        if score > best.get(aid, -1e9):
            best[aid] = score
    ranking = sorted(best.items(), key=lambda kv: -kv[1])
    focus_s = dense_s
    if ranking and mode != "lexical":
        title = set(re.findall(r"\w+", fold(index.articles.get(ranking[0][0], {}).get("title", ""))))
        words = q.dense_text.split()
        focus = " ".join(w for w in words if fold(w).strip(".,;:!?“”\"()") not in title)
        cand = index.article_sentences.get(ranking[0][0], [])
        if focus.strip() and len(focus.split()) < len(words) and cand:
            fvec = embedder.query(focus)  # only the best article's sentences are compared to it
            focus_s = dense_s.copy()
            focus_s[cand] = np.vstack([index.dense_sents.reconstruct(int(i)) for i in cand]) @ fvec
    return SearchResult(q, ranking, dense_s, lex_s, qvec, focus_s)


def _context_bonus(index: Index, q: Query) -> np.ndarray:
    """Year and recency awareness: "năm 2010" steers to articles about 2010,
    "năm nay"/"hiện nay" to the newest ones."""
    n = len(index.chunks)
    bonus = np.zeros(n, dtype=np.float32)
    if q.years:
        hits = [i for y in q.years for i in index.year_articles.get(y, [])]
        bonus += YEAR_BONUS * np.isin(index.chunk_article_idx, hits).astype(np.float32)
    if q.recent:
        bonus += RECENT_BONUS * index.recency
    return bonus


def content_terms(question: str) -> list[str]:
    """Folded syllables that carry the topic (question phrasing removed)."""
    return [t for t in tokens(question, drop_question_words=True) if "_" not in t]
