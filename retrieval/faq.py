"""Curated hỏi đáp: a member's question matched against the phrasings the union's staff wrote.

A confident match answers with the staff's own text (labelled as the union's answer, with its
legal basis and date). Confidence needs both sides, the same accent/chat handling as articles:
the question's vector close to a phrasing's (e5, question side for both) and most of the
question's topic words in that phrasing.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .index import Index
from .notfound import coverage
from .params import FAQ_MIN_COSINE, FAQ_MIN_COVERAGE
from .search import SearchResult


@dataclass
class FaqMatch:
    entry: dict  # id, questions, answer, basis, source, valid_from
    phrasing: str
    cosine: float
    coverage: float


def match(index: Index, res: SearchResult) -> FaqMatch | None:
    if index.faq_vecs is None or not len(index.faq_vecs) or res.qvec is None:
        return None
    sims = index.faq_vecs @ res.qvec
    best = int(np.argmax(sims))
    entry = index.faq[index.faq_rows[best]]
    offset = best - index.faq_rows.index(index.faq_rows[best])
    phrasing = entry["questions"][offset]
    cov = coverage(res.query.text, phrasing, index.idf)
    if float(sims[best]) < FAQ_MIN_COSINE or cov < FAQ_MIN_COVERAGE:
        return None
    return FaqMatch(entry, phrasing, float(sims[best]), cov)
