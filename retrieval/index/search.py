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
from functools import lru_cache

import numpy as np

from knowledge.text import fold, normalize

from ..language.chat import accent_share, expand_question, typed_with_accents
from .embedder import Ahead, Embedder
from .base import Index
from .lexical import tokens
from ..language.qtype import question_type, wants_recent, years
from ..params import DENSE_TOP_K, KEEP_TYPED, DENSE_WINDOW, RECENT_BONUS, WEIGHTS, YEAR_BONUS



@dataclass
class Query:
    text: str  # normalized as typed
    dense_text: str  # accents restored when typed without them
    accented: bool
    qtype: str
    years: list[str]
    recent: bool
    # A follow-up read with the chat's previous question: the article is found with both, the
    # sentence is chosen by the member's own words ("ai nhận?" must not pull to the old answer).
    focus: str | None = None
    focus_dense: str | None = None  # those words as embedded (accents restored like dense_text)


class SearchResult:
    """Passages and articles ranked for one question; sentence scores are computed on demand,
    for the sentences a caller asks about (an article's, a few hundred at most)."""

    def __init__(self, index: Index, embedder: Embedder, query: Query, article_ranking: list[tuple[str, float]],
                 qvec: np.ndarray | None):
        self.index, self.embedder, self.query = index, embedder, query
        self.article_ranking = article_ranking  # (article id, score), best first
        self.qvec = qvec  # the question's vector (hỏi đáp matching reuses it)
        self._focus: tuple[set, np.ndarray] | None = None
        self._ahead: Ahead | None = None  # the focus text's vector, being encoded on the ahead thread
        self._cos: dict[tuple[int, ...], np.ndarray] = {}  # dense_sent's, by the sentences asked about

    def dense_sent(self, ids) -> np.ndarray:
        """Raw cosine of these sentences to the question, an array of the caller's own. An article read asks it of
        the same sentences three times (its best cosine for the verdict, the options' dense side and their cosine):
        gathered from the vectors once per result (the result is one ask's, its question vector fixed)."""
        key = tuple(np.asarray(ids, dtype=np.int64).tolist())
        cos = self._cos.get(key)
        if cos is None:
            cos = self._cos[key] = self.index.sentence_cos(ids, self.qvec)
        return cos.copy()

    def lex_sent(self, ids) -> np.ndarray:
        """Raw BM25 of these sentences."""
        return self.index.lex_sentence_scores(self.query.focus or self.query.text, ids)

    def lex_beyond_title(self, ids, article_id: str, also: str = "", min_terms: int = 2) -> np.ndarray | None:
        """Raw BM25 of one article's sentences on the question's words beyond that article's title
        (and beyond `also`, more of the article's own words: its lede) — None when the title takes none
        of them, or all but fewer than `min_terms` content words ("… ra mắt vào ngày nào?" of an article
        titled "Ra mắt …" asks the title's own fact, and one leftover syllable is a function word, too
        little to pick a sentence by): every sentence shares the title's topic, and the lede, which
        repeats the title, wins on those words alone. A follow-up's own words (Query.focus) are already
        what tells its sentences apart."""
        if self.query.focus:
            return None
        title = self.index.articles.get(article_id, {}).get("title") or ""
        text = beyond_title(self.query.text, f"{title} {also}" if also else title)
        if text is None or len(content_terms(text)) < min_terms:
            return None
        return self.index.lex_sentence_scores(text, ids)

    def focus_sent(self, ids) -> np.ndarray:
        """Cosine to the question *minus the words of the best article's title*: every sentence of
        that article shares its topic; what tells the answering one apart is the rest. Other
        sentences (and questions with nothing beyond the title) keep their plain cosine."""
        if self._focus is None:
            self._focus = self._focus_vector()
        own, fvec = self._focus
        out = self.dense_sent(ids)
        if fvec is not None:
            mask = np.array([int(i) in own for i in ids], dtype=bool)
            if mask.any():
                out[mask] = self.index.sentence_cos(np.asarray(ids)[mask], fvec)
        return out

    def encode_focus_ahead(self, early: Ahead | None = None) -> None:
        """Start encoding the focus text now, on the embedder's ahead thread, so the encode overlaps the reading
        that comes before `focus_sent` (a follow-up's own words are known before the ranking: `early`, started
        right after the question's encode). `_focus_vector` uses it only if its text is still the one wanted:
        a caller that narrows the ranking (`Answerer.ask`'s `among`) may change the best article."""
        if early is not None:
            self._ahead = early
            return
        _, text = self._focus_text()
        if text is not None:
            self._ahead = self.embedder.query_ahead(text)

    def _focus_text(self) -> tuple[set, str | None]:
        """The best article's sentences and the text they are compared with instead of the question (None: none)."""
        if not self.article_ranking or self.qvec is None:
            return set(), None
        top = self.article_ranking[0][0]
        own = set(self.index.article_sentences.get(top, []))
        if self.query.focus_dense:
            return own, self.query.focus_dense
        focus = beyond_title(self.query.dense_text, self.index.articles.get(top, {}).get("title", ""))
        if focus is None or not own:
            return set(), None
        return own, focus

    def _focus_vector(self) -> tuple[set, np.ndarray | None]:
        own, text = self._focus_text()
        ahead, self._ahead = self._ahead, None
        if ahead is not None and ahead.text == text:
            return own, ahead.vector()
        if ahead is not None:
            ahead.drop()
        return (own, self.embedder.query(text)) if text is not None else (set(), None)


def beyond_title(question: str, title: str) -> str | None:
    """The question's words that are not words of the title; None when that leaves nothing, or
    everything (the title names nothing the question says)."""
    known = set(re.findall(r"\w+", fold(title)))
    words = question.split()
    focus = " ".join(w for w in words if fold(w).strip(".,;:!?“”\"()") not in known)
    if not focus.strip() or len(focus.split()) >= len(words):
        return None
    return focus


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


def _read(index: Index, typed: str) -> tuple[str, str, bool]:
    """(text as the pipeline reads it, text as embedded, typed with accents)."""
    typed = " ".join(normalize(typed).split())
    text = expand_question(index.restorer.dotted(typed))
    accented = typed_with_accents(typed)  # as the member typed it (shorthand and expansions have accents of their own)
    # A question typed with accents may still have left them off some words ("cho e hoi các van ban …"):
    # those are restored too, a syllable that is a word without accents ("ai", "cho") mostly kept (KEEP_TYPED).
    return text, index.restorer.restore(text, KEEP_TYPED if accented else 0.0), accented


def make_query(index: Index, question: str, focus: str | None = None) -> Query:
    text, dense_text, accented = _read(index, question)
    focus_text, focus_dense, _ = _read(index, focus) if focus else (None, None, False)
    return Query(text=text, dense_text=dense_text, accented=accented, qtype=question_type(text, accented),
                 years=years(text), recent=wants_recent(text), focus=focus_text, focus_dense=focus_dense)


def candidates(index: Index, text: str, dense_ids: np.ndarray) -> np.ndarray:
    """The passages worth fusing: the dense top-k and the lexical top-k (every passage while the
    knowledge base has fewer than that)."""
    n = len(index.chunks)
    if n <= DENSE_TOP_K:
        cand = np.arange(n, dtype=np.int64)
    else:
        cand = np.union1d(dense_ids, index.lex_chunk_top(text, DENSE_TOP_K))
    return cand if index.live is None else cand[index.live[cand]]


def sentence_runs(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """The runs starts[i] … starts[i] + counts[i] - 1 end to end (the sentences of a few hundred passages) in three
    numpy calls, not one `arange` a passage (~450 an ask)."""
    before = np.cumsum(counts) - counts  # where each run begins in the output
    return np.arange(int(counts.sum()), dtype=np.int64) + np.repeat(starts.astype(np.int64) - before, counts)


def best_sentence(index: Index, chunks: np.ndarray, vec: np.ndarray) -> np.ndarray:
    """Per passage, the best cosine of one of its sentences (0 for a passage without any)."""
    starts, ends = index.chunk_sents[chunks], index.chunk_sents[chunks + 1]
    counts = ends - starts
    out = np.zeros(len(chunks), dtype=np.float32)
    if counts.sum() == 0:
        return out
    ids = sentence_runs(starts, counts)
    cos = index.sentence_cos(ids, vec)
    has = counts > 0
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
    out[has] = np.maximum.reduceat(cos, offsets[has])
    return out


def search(index: Index, embedder: Embedder, question: str, mode: str = "hybrid", focus: str | None = None,
           ahead: bool = False) -> SearchResult:
    """Rank passages and articles. `mode` "lexical" or "dense" keeps one side only
    (for measuring what fusion adds). Work per question: the dense top-k, one BM25 pass, and
    the sentences of the candidate passages — not the whole knowledge base. `ahead`: the caller will read
    sentences (`focus_sent`), so the focus text's encode starts now (`SearchResult.encode_focus_ahead`); a
    caller that only ranks leaves it off, an encode it would never use costs a core."""
    q = make_query(index, question, focus)
    qvec = embedder.query(q.dense_text)
    early = embedder.query_ahead(q.focus_dense) if ahead and q.focus_dense else None
    dense_ids, dense_cos = index.dense_top(qvec, DENSE_TOP_K)
    cand = candidates(index, q.text, dense_ids)
    dense_c = np.zeros(len(cand), dtype=np.float32)
    live = np.isin(dense_ids, cand)  # (a hidden article's passages are no candidates)
    dense_c[np.searchsorted(cand, dense_ids[live])] = dense_cos[live]
    wl, wd, ws = {"hybrid": WEIGHTS[not guessed(q)], "lexical": (1.0, 0.0, 0.0), "dense": (0.0, 1.0, 0.0)}[mode]
    fused = (wl * scale_lexical(index.lex_chunk_scores(q.text, cand))
             + wd * scale_dense(dense_c) + (ws * scale_dense(best_sentence(index, cand, qvec)) if ws else 0.0))
    fused = fused + _context_bonus(index, q, cand)
    best: dict[str, float] = {}
    for ci, score in zip(cand.tolist(), fused.tolist()):
        aid = index.chunk_article[ci]
        if score > best.get(aid, -1e9):
            best[aid] = score
    ranking = sorted(best.items(), key=lambda kv: -kv[1])
    res = SearchResult(index, embedder, q, ranking, qvec)
    if ahead:
        res.encode_focus_ahead(early)
    return res


def guessed(q: Query) -> bool:
    """Typed without a single accent (the words the pipeline wrote out aside): every accent of the text the dense
    sides embed is the restorer's guess. A question typed with accents on a few words only is not: Vietnamese
    writes many syllables without any ("trao cho con trung thu long an"), so a share of them says little."""
    return accent_share(q.text) == 0


def _context_bonus(index: Index, q: Query, cand: np.ndarray) -> np.ndarray:
    """Year and recency awareness: "năm 2010" steers to articles about 2010,
    "năm nay"/"hiện nay" to the newest ones."""
    bonus = np.zeros(len(cand), dtype=np.float32)
    if q.years:
        hits = [i for y in q.years for i in index.year_articles.get(y, [])]
        bonus += YEAR_BONUS * np.isin(index.chunk_article_idx[cand], hits).astype(np.float32)
    if q.recent:
        bonus += RECENT_BONUS * index.recency[cand]
    return bonus


def content_terms(question: str) -> list[str]:
    """Folded syllables that carry the topic (question phrasing removed)."""
    return list(_content_terms(question))


@lru_cache(maxsize=256)  # one question's, asked ~10 times while it is answered (each article read, each check)
def _content_terms(question: str) -> tuple[str, ...]:
    return tuple(t for t in tokens(question, drop_question_words=True) if "_" not in t)
