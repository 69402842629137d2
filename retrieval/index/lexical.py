"""The lexical side: BM25 (bm25s) over accent-folded syllables and syllable bigrams.

Folding makes "cong doan" and "công đoàn" the same token; bigrams keep
two-syllable Vietnamese words ("công đoàn", "thi đua") distinct from their parts.
"""
from __future__ import annotations

import re
from array import array
from functools import lru_cache
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import logging

import bm25s
import numpy as np

from knowledge.text import fold, normalize

from ..language.chat import expand_folded, same_as
from ..params import LEX_BATCH_POSTINGS

logging.getLogger("bm25s").setLevel(logging.WARNING)  # bm25s sets itself to DEBUG on import

_SEGMENTS = re.compile(r"[.,;:!?()\[\]“”\"«»…|\n–—]+|\s-\s")
_CODE_PARTS = re.compile(r"[/.-]")
_TOKEN = re.compile(r"[^\W_]+(?:[/.-][^\W_]+)*")

# Question phrasing, folded: it says what kind of answer is wanted, not what it is about.
QUESTION_WORDS = [
    "la gi", "la ai", "bao nhieu", "bao lau", "bao gio", "o dau", "tai dau", "khi nao", "luc nao",
    "ngay nao", "nam nao", "thang nao", "nhu the nao", "the nao", "ra sao", "vi sao", "tai sao",
    "cho biet", "xin hoi", "co phai", "hay khong", "duoc khong", "nao", "gi", "ai", "may", "vay",
    "nhi", "a", "ha", "khong", "nhung dau",
]
_QW = re.compile(r"(?<![\w])(" + "|".join(sorted(map(re.escape, QUESTION_WORDS), key=len, reverse=True)) + r")(?![\w])")


def tokens(text: str, drop_question_words: bool = False, other_words: bool = False) -> list[str]:
    """Folded syllables, parts of codes (02/ct-bcsd → 02, ct, bcsd) and in-clause bigrams;
    union abbreviations written out (chat.ALIASES), so "LĐLĐ" matches "liên đoàn lao động".
    A question (`drop_question_words`) without its question phrasing; when searched
    (`other_words`), with the other words for what it says (chat.SAME_AS) — what it is *about*
    stays its own words."""
    folded = expand_folded(fold(normalize(text)))
    if drop_question_words:
        others = f" | {same_as(folded)}" if other_words else ""
        folded = _QW.sub(" | ", folded) + others
    out: list[str] = []
    for seg in _SEGMENTS.split(folded):
        words = _TOKEN.findall(seg)
        out.extend(words)
        for w in words:
            if "/" in w or "." in w or "-" in w:
                out.extend(p for p in _CODE_PARTS.split(w) if p)
        out.extend(map("_".join, zip(words, words[1:])))
    return out


def query_tokens(query: str, other_words: bool = False) -> list[str]:
    """A question's search tokens (all its words when it is nothing but question phrasing)."""
    return list(_query_tokens(query, other_words))


@lru_cache(maxsize=256)  # a question's, scored against each article read, its passages, its words beyond a title
def _query_tokens(query: str, other_words: bool) -> tuple[str, ...]:
    return tuple(tokens(query, drop_question_words=True, other_words=other_words) or tokens(query))


class LexicalIndex:
    def __init__(self, retriever: bm25s.BM25, n_docs: int):
        self.retriever = retriever
        self.n_docs = n_docs
        # The postings as plain arrays over the same memory: slicing a np.memmap builds a memmap
        # object per slice, and scores_for slices three of them for every word of every question.
        self._postings = {k: np.asarray(retriever.scores[k]).view(np.ndarray)
                          for k in ("data", "indices", "indptr")} if retriever.scores else {}

    @classmethod
    def build(cls, docs: Iterable[str], unigram_df: Counter | None = None) -> tuple["LexicalIndex", float]:
        """(index, mean tokens per document). Each text is tokenized once and kept only as vocabulary
        ids (strings per token cost gigabytes at 100k articles); `unigram_df`, if given, counts the
        documents each single syllable appears in."""
        vocab: dict[str, int] = {}
        ids: list[array] = []
        total = 0
        for doc in docs:
            toks = tokens(doc) or ["∅"]  # bm25s cannot index an empty document
            total += len(toks)
            if unigram_df is not None:
                unigram_df.update({t for t in toks if "_" not in t})
            ids.append(array("I", [vocab.setdefault(t, len(vocab)) for t in toks]))
        if not ids:  # bm25s cannot index nothing (a knowledge base of hỏi đáp only): one placeholder
            ids, vocab = [array("I", [0])], {"∅": 0}
        r = bm25s.BM25(k1=1.2, b=0.75)
        r.index((ids, vocab), show_progress=False)
        return cls(r, len(ids) if total else 0), total / max(len(ids), 1)

    def query_ids(self, query: str, other_words: bool = False) -> list[int]:
        """The query's words as vocabulary ids (repeats kept: a repeated word counts twice); with
        `other_words`, also the words news uses for them (chat.SAME_AS)."""
        q = query_tokens(query, other_words)
        vocab = self.retriever.vocab_dict
        return [vocab[t] for t in q if t in vocab]

    def scores(self, query: str) -> np.ndarray:
        """BM25 of every document (small indexes, tests)."""
        ids = self.query_ids(query)
        if not ids or self.n_docs == 0:
            return np.zeros(self.n_docs, dtype=np.float32)
        return np.asarray(self.retriever.get_scores_from_ids(ids), dtype=np.float32)

    def scores_for(self, query: str, docs, other_words: bool = False) -> np.ndarray:
        """Exact BM25 of these documents only: per query word, a binary search for them in its
        postings, so a few hundred documents cost the same whatever the corpus size. Each word's
        scores are added in the question's word order (the same float32 sums, to the bit, as one
        word after another)."""
        docs = np.asarray(docs, dtype=np.int64)
        out = np.zeros(len(docs), dtype=np.float32)
        words = self.query_ids(query, other_words) if len(docs) and self.n_docs else []
        if not words:
            return out
        order = np.argsort(docs, kind="stable")
        got = np.zeros(len(docs), dtype=np.float32)
        for row in self._word_scores(np.asarray(words, dtype=np.int64), docs[order]):
            got += row
        out[order] = got
        return out

    def _word_scores(self, words: np.ndarray, wanted: np.ndarray) -> np.ndarray:
        """(words × documents) the BM25 score of each word in each of these documents (`wanted`: sorted, ≥ 0; 0
        where a document lacks the word). Words with short postings (LEX_BATCH_POSTINGS) in one binary search
        over their postings put end to end as (word, document) keys: a question's ~20 words scored against an
        article's sentences cost ~20 numpy calls instead of ~15 a word. Longer postings are searched in place."""
        m = self._postings
        data, indices, indptr = m["data"], m["indices"], m["indptr"]
        starts, ends = indptr[words], indptr[words + 1]
        lengths = ends - starts
        rows = np.zeros((len(words), len(wanted)), dtype=data.dtype)
        batched = lengths <= LEX_BATCH_POSTINGS if wanted[0] >= 0 else np.zeros(len(words), dtype=bool)
        short = np.flatnonzero(batched)
        if len(short):
            n = lengths[short]
            at = np.arange(int(n.sum())) + np.repeat(starts[short] - (np.cumsum(n) - n), n)  # their postings
            held = indices[at]
            span = max(int(held.max()) + 1 if len(held) else 0, int(wanted[-1]) + 1)  # a key: rank × span + document
            keys = np.repeat(np.arange(len(short), dtype=np.int64) * span, n) + held
            asked = (np.arange(len(short), dtype=np.int64)[:, None] * span + wanted[None, :]).ravel()
            pos = np.searchsorted(keys, asked)
            hit = pos < len(keys)
            hit[hit] = keys[pos[hit]] == asked[hit]
            found = np.zeros(len(asked), dtype=data.dtype)
            found[hit] = data[at[pos[hit]]]
            rows[short] = found.reshape(len(short), len(wanted))
        for i in np.flatnonzero(~batched).tolist():
            start, end = int(starts[i]), int(ends[i])
            postings = indices[start:end]
            pos = np.searchsorted(postings, wanted)
            hit = pos < (end - start)
            hit[hit] = postings[pos[hit]] == wanted[hit]
            rows[i, hit] = data[start + pos[hit]]
        return rows

    def top(self, query: str, k: int, max_df_share: float) -> np.ndarray:
        """Documents worth a closer look: the best `k` by the query's selective words. A word found
        in more than `max_df_share` of the documents ranks almost nothing, and its postings are
        the longest to add up; candidates are then scored on every word (scores_for)."""
        indptr = self._postings["indptr"]
        ids = [t for t in self.query_ids(query) if indptr[t + 1] - indptr[t] <= max_df_share * self.n_docs]
        if not ids or self.n_docs == 0:
            return np.zeros(0, dtype=np.int64)
        scores = np.asarray(self.retriever.get_scores_from_ids(ids), dtype=np.float32)
        k = min(k, len(scores))
        best = np.argpartition(-scores, k - 1)[:k]
        return best[scores[best] > 0].astype(np.int64)

    def save(self, path: Path) -> None:
        self.retriever.save(str(path), show_progress=False)

    @classmethod
    def load(cls, path: Path, n_docs: int) -> "LexicalIndex":
        # Memory-mapped: a question touches the postings of its own words only.
        return cls(bm25s.BM25.load(str(path), show_progress=False, verbosity=0, mmap=True), n_docs)
