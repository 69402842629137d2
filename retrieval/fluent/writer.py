"""The model's sentence on top of the extractive answer — or nothing, never in its place.

`Fluent.settle` runs after `HoiDap.settle`, for news answers and declines only (a member's own
case and the union's hỏi đáp entries are never sent). The model reads the top passages; its
reply is shown only if it is no "KHÔNG CÓ", is at most two sentences, and passes the grounding
check against the passages of the article it rests on: for an answered question that is the
quoted answer's article (so the quote under it checks it); for a declined question, one of the
candidate articles, whose best-matching sentence and source are then shown under it.
"""
from __future__ import annotations

import re
from dataclasses import replace

from knowledge.text import fold, normalize, split_sentences, words

from ..answering import choose
from ..answering.answer import Answer, Source
from ..config import RetrievalSettings
from ..index.base import Index
from ..index.search import SearchResult
from ..params import FLUENT_ARTICLES, FLUENT_MAX_CHARS, FLUENT_MAX_SENTENCES, FLUENT_PASSAGE_CHARS
from . import prompt
from .client import ChatClient, FluentError
from .grounding import Evidence, ungrounded
from .prompt import Passage

_THINKING = re.compile(r"<think>.*?</think>", re.S)  # reasoning models (Qwen3, DeepSeek-R1) think aloud first
_MARKDOWN = re.compile(r"\*\*|__|^#+\s*|^[-*]\s+", re.M)
_CITATION = re.compile(r"\s*\[(\d+(?:\s*,\s*\d+)*)\]")
_EMPTY_PARENS = re.compile(r"\s*\(\s*(?:nguồn|đoạn(?: trích)?)?\s*:?\s*\)", re.I)
AFTER_DECLINE = "bước trích dẫn từ chối"  # the reason of a declined question the model's sentence answers


class Fluent:
    def __init__(self, client: ChatClient):
        self.client = client

    @classmethod
    def from_settings(cls, settings: RetrievalSettings) -> "Fluent | None":
        """None when no model server is set: then no work at all is done per question."""
        if not settings.llm_url.strip():
            return None
        return cls(ChatClient(settings.llm_url, settings.llm_model, settings.llm_api_key,
                              settings.llm_timeout_seconds))

    def settle(self, ix: Index, res: SearchResult, ans: Answer) -> Answer:
        if ans.kind not in ("news", "not_found"):
            return ans  # a member's own case, the union's own answer: never the model's
        passages = gather(ix, res, ans)
        if not passages:
            return ans
        try:
            reply = self.client.complete(prompt.messages(ans.question, passages))
        except FluentError as e:
            return replace(ans, fluent_why=str(e))
        text, cited, problem = read(reply, len(passages))
        if problem:
            return replace(ans, fluent_why=problem)
        allowed = [ans.sources[0].article_id] if ans.found else [p.article_id for p in passages]
        used = [p for p in passages if p.n in cited] if cited else []
        if used and not {p.article_id for p in used} <= set(allowed):
            return replace(ans, fluent_why="other_article: rests on another article than the quoted one")
        # Uncited: the first allowed article (in rank order) whose passage holds every fact.
        tries = [used] if used else [[p] for p in passages if p.article_id in allowed]
        missing: list[str] = []
        for group in tries:
            evidence = Evidence.of("\n".join(p.evidence for p in group))
            gap = ungrounded(text, evidence)
            if not ans.found:  # a year the member asked about must be the article's, not only the sentence's
                gap += [f"year asked: {y}" for y in res.query.years if not evidence.has_date((int(y),), y)]
            if not gap:
                return ans_with(ix, res, ans, text, group[0])
            missing = missing or gap
        return replace(ans, fluent_why="ungrounded: " + "; ".join(missing))


def read(reply: str, n_passages: int) -> tuple[str, list[int], str]:
    """(the sentence to show, the passages it cites, why it cannot be shown — "" when it can)."""
    text = _THINKING.sub(" ", reply or "")
    text = " ".join(_MARKDOWN.sub("", normalize(text)).split())
    if not text:
        return "", [], "malformed: empty reply"
    if prompt.NOTHING in text or fold(text).strip(" .!") == fold(prompt.NOTHING):
        return "", [], "khong_co: the model found no answer in the passages"
    cited = [int(n) for m in _CITATION.finditer(text) for n in m.group(1).split(",")]
    if any(not 1 <= n <= n_passages for n in cited):
        return "", [], "malformed: cites a passage it was not given"
    text = _EMPTY_PARENS.sub("", _CITATION.sub("", text)).strip()
    if not any(c.isalnum() for c in text):
        return "", [], "malformed: nothing but citations"
    if len(text) > FLUENT_MAX_CHARS or len(split_sentences(text)) > FLUENT_MAX_SENTENCES:
        return "", [], "too_long: more than two sentences"
    return text, list(dict.fromkeys(cited)), ""


def gather(ix: Index, res: SearchResult, ans: Answer) -> list[Passage]:
    """The best passage of each of the top articles: the answer's own (or the declined candidate's)
    first, then the next ones as ranked."""
    own = ans if ans.found else ans.candidate
    ids = [s.article_id for s in ans.sources + ans.related]
    out: list[Passage] = []
    for aid in dict.fromkeys(ids):
        if len(out) == FLUENT_ARTICLES:
            break
        if own is not None and own.sources and own.sources[0].article_id == aid and own.passage:
            text = with_quote(own.passage, own.sentence or "")
        else:
            text = best_passage(ix, res, aid)
        if text:
            a = ix.articles.get(aid, {})
            out.append(Passage(len(out) + 1, aid, a.get("title", aid), a.get("date"), text))
    return out


def with_quote(passage: str, sentence: str) -> str:
    """The passage, cut to size around the quoted sentence, which it always holds (a close call
    shows a runner-up from another passage of the article: it goes first)."""
    passage = " ".join(passage.split())
    parts = [" ".join(p.split()) for p in split_sentences(sentence)]
    away = [p for p in parts if p not in passage]
    if away:
        passage = " ".join(away) + " … " + passage
    at = passage.find(parts[0]) if parts else 0
    return _cut(passage, max(0, at))


def best_passage(ix: Index, res: SearchResult, article_id: str) -> str | None:
    """The passage of the article's best sentence for the question, cut to size around it."""
    opts = choose.options(ix, res, article_id)
    if not opts:
        return None
    best = opts[int(choose.scores(opts).argmax())]
    return with_quote(best.passage, best.text)


def _cut(text: str, at: int) -> str:
    """At most FLUENT_PASSAGE_CHARS of the text, at word ends, keeping what starts at `at`."""
    if len(text) <= FLUENT_PASSAGE_CHARS:
        return text
    start = max(0, min(at - FLUENT_PASSAGE_CHARS // 4, len(text) - FLUENT_PASSAGE_CHARS))
    if start:
        start = text.find(" ", start) + 1 or start
    end = start + FLUENT_PASSAGE_CHARS
    piece = text[start:end] if end >= len(text) else text[start:end].rsplit(" ", 1)[0]
    return ("… " if start else "") + piece + (" …" if end < len(text) else "")


def ans_with(ix: Index, res: SearchResult, ans: Answer, text: str, passage: Passage) -> Answer:
    """`ans` with the model's sentence; a declined question answered now from `passage`'s article,
    with the passage's sentence nearest the model's as the quote the member checks it by."""
    if ans.found:
        return replace(ans, fluent=text, fluent_why="")
    said = {fold(w) for w in words(text)}
    sentence = max(split_sentences(passage.text) or [passage.text], key=lambda s: len(said & {fold(w) for w in words(s)}))
    score = dict(res.article_ranking).get(passage.article_id, 0.0)
    a = ix.articles.get(passage.article_id, {})
    source = Source(passage.article_id, passage.title, passage.date, a.get("url"), score)
    return Answer(question=ans.question, found=True, qtype=ans.qtype, sentence=sentence, passage=passage.text,
                  sources=[source], related=[s for s in ans.related if s.article_id != passage.article_id],
                  ranked=ans.ranked, reason=f"{AFTER_DECLINE} ({ans.reason}); câu máy viết đã qua kiểm tra",
                  kind="news", fluent=text)
