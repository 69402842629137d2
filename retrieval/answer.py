"""Extractive answers: the exact span, the sentence that supports it, its article.

No generated text: every word returned comes from an article. When the
evidence is weak the answer is "not found" with the nearest articles, and no
source is attached to anything it does not support.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from . import calibration
from .index import Index
from .notfound import decide
from .search import SearchResult, scale_dense, scale_lexical
from .spans import extract_span, type_fit

MAX_SENTENCE_CHARS = 480
CLOSE_CALL = 0.9


@dataclass
class Source:
    article_id: str
    title: str
    date: str | None
    url: str | None
    score: float

    def as_dict(self) -> dict:
        return {"article_id": self.article_id, "title": self.title, "date": self.date, "url": self.url,
                "score": round(self.score, 4)}


@dataclass
class Answer:
    question: str
    found: bool
    qtype: str
    span: str | None = None
    sentence: str | None = None
    passage: str | None = None
    sources: list[Source] = field(default_factory=list)
    related: list[Source] = field(default_factory=list)  # next best articles / suggestions
    reason: str = ""  # why not found, for logs and the admin report
    ranked: list[str] = field(default_factory=list)  # article ids, best first (top 5)
    # The decision's inputs, and (when declined) the answer it would have given: lets
    # calibration and cross-validation re-decide without searching again.
    features: dict | None = None
    candidate: "Answer | None" = None


def _source(index: Index, article_id: str, score: float) -> Source:
    a = index.articles.get(article_id, {})
    return Source(article_id, a.get("title", article_id), a.get("date"), a.get("url"), score)


def answer(index: Index, res: SearchResult) -> Answer:
    q = res.query
    ans = Answer(question=q.text, found=False, qtype=q.qtype)
    if index.empty or not res.article_ranking:
        ans.reason = "empty index"
        return ans
    top_id, top_score = res.article_ranking[0]
    ans.ranked = [a for a, _ in res.article_ranking[:5]]
    ans.related = [_source(index, a, s) for a, s in res.article_ranking[1:4]]
    cand = index.article_sentences.get(top_id, [])
    if not cand:
        ans.reason = "no sentences"
        return ans
    texts = [index.sentences[i]["text"] for i in cand]
    # Same fixed-window scaling as passage ranking: stable for articles of two sentences.
    dense = scale_dense(res.dense_sent[cand])
    lex = scale_lexical(res.lex_sent[cand])
    fits = np.array([float(type_fit(q.qtype, t, q.text)) for t in texts])
    # The kind of answer gates the match: a sentence without a date cannot answer "khi nào".
    score = (0.50 * dense + 0.50 * lex) * (0.25 + 0.75 * fits)
    best = int(np.argmax(score))
    sent_idx = cand[best]
    sentence = texts[best]
    order = np.argsort(-score)
    runner = int(order[1]) if len(order) > 1 else None
    if runner is not None and fits[best] > 0 and score[runner] >= CLOSE_CALL * score[best] and fits[runner] > 0 \
            and len(sentence) + len(texts[runner]) < MAX_SENTENCE_CHARS:
        # A close call between two sentences of the article: show both, in reading order.
        sentence = f"{sentence} {texts[runner]}" if runner > best else f"{texts[runner]} {sentence}"
    elif fits[best] == 0.0:
        # The fact may sit in the sentence before or after ("… Phó Đức Tố. Có thể coi
        # đây là Chủ tịch đầu tiên"): show that neighbour too when it holds a span.
        for j in (best - 1, best + 1):
            if 0 <= j < len(cand) and fits[j] > 0 and \
                    index.sentences[cand[j]]["chunk"] == index.sentences[sent_idx]["chunk"]:
                sentence = f"{texts[j]} {sentence}" if j < best else f"{sentence} {texts[j]}"
                break
    chunk = index.chunks[index.sentences[sent_idx]["chunk"]]
    article_text = index.article_text.get(top_id, "")
    title = index.articles.get(top_id, {}).get("title", "")

    # How close the article comes to the question at all: its best sentence.
    decision = decide(index, res, top_id, f"{title} {article_text}", float(res.dense_sent[cand].max()))
    span = extract_span(q.qtype, sentence, q.text)
    features = {**decision["features"], "type_fit": float(fits[best] > 0)}
    found_ans = Answer(question=q.text, found=True, qtype=q.qtype, span=span,
                       sentence=sentence if len(sentence) <= MAX_SENTENCE_CHARS else _trim(sentence, span),
                       passage=chunk["text"], sources=[_source(index, top_id, top_score)], related=ans.related,
                       ranked=ans.ranked, features=features)
    model = calibration.load_model()
    if decision["hard"]:  # no topic words, or a year/ordinal/province the article lacks
        decline = True
    elif model is not None:
        decline = not model.answers(features)
    else:
        decline = decision["decline"]
    if not decline:
        return found_ans
    ans.reason = decision["reason"] or "bài gần nhất ít liên quan"
    ans.related = [_source(index, a, s) for a, s in res.article_ranking[:3]]
    ans.features = features if not decision["hard"] else None
    ans.candidate = found_ans
    return ans


def _trim(sentence: str, span: str | None) -> str:
    """A window of the sentence that keeps the span whole, cut at word boundaries."""
    at = sentence.find(span) if span else -1
    start = 0
    if at >= 0 and at + len(span) > MAX_SENTENCE_CHARS - 2:
        start = max(0, min(at - 120, len(sentence) - MAX_SENTENCE_CHARS + 2))
        start = sentence.find(" ", start) + 1 if start else 0
    piece = sentence[start:start + MAX_SENTENCE_CHARS - 2]
    if start + len(piece) < len(sentence):
        piece = piece.rsplit(" ", 1)[0] + "…"
    return ("…" if start else "") + piece
