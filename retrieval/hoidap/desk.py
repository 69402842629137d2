"""The union's own answers and the members' own cases, after the news has been searched.

A fitting hỏi đáp entry answers (unless the question names an event the news answers); a
member's own case (the fitted detector in `advice`) goes to people who can help.
"""
from __future__ import annotations

from knowledge.models import FaqEntry
from knowledge.store import Store

from ..answering.answer import Answer
from ..index.base import Index
from ..index.search import SearchResult
from . import advice, faq


class HoiDap:
    def __init__(self, store: Store, legal_help: str):
        self.store = store
        self.legal_help = legal_help

    def entries(self) -> list[FaqEntry]:
        return self.store.faq_entries()

    def entry(self, entry_id: str) -> FaqEntry | None:
        return self.store.faq_entry(entry_id)

    def add(self, entry: FaqEntry) -> str:
        return self.store.upsert_faq(entry)

    def settle(self, question: str, ix: Index, res: SearchResult, ans: Answer, own_case: bool = True) -> Answer:
        """The news answer `ans`, or the union's entry, or a route to people (not when `own_case`
        is False: a chat's follow-up about its news topic)."""
        curated = faq.match(ix, res)
        if curated and not (ans.found and advice.mentions_event(question)):  # the union's own answer
            e = curated.entry
            return Answer(question=ans.question, found=True, qtype=ans.qtype, kind="faq", sentence=e["answer"],
                          passage=e["answer"], faq=e, ranked=ans.ranked, related=ans.related)
        if own_case and self.own_case(question, ix, res):
            # the member's own case or rights (the fitted detector, advice.py): people answer
            # it, never a news span
            suggestions = ans.sources + ans.related if ans.found else ans.related
            return Answer(question=ans.question, found=False, qtype=ans.qtype, kind="route",
                          route_help=self.legal_help, related=suggestions[:3], ranked=ans.ranked,
                          reason="câu hỏi về quyền lợi / trường hợp riêng: chuyển cán bộ tư vấn")
        return ans

    @staticmethod
    def first_article(ix: Index, res: SearchResult) -> str:
        """The titled text of the article the search put first ("" when none)."""
        return ix.titled_text(res.article_ranking[0][0]) if res.article_ranking else ""

    def own_case(self, question: str, ix: Index, res: SearchResult) -> bool:
        """The fitted own-case detector, with the first article's text as the news it weighs."""
        return advice.is_advice(question, self.first_article(ix, res), ix.idf)

    def closest(self, question: str, ix: Index, res: SearchResult) -> dict | None:
        """For a member's own case: the entry whose phrasing came closest (for /hoidap, so staff
        can add the member's wording to it), matched or not."""
        if not self.own_case(question, ix, res):
            return None
        m = faq.best(ix, res)
        return {"id": m.entry["id"], "phrasing": m.phrasing, **m.features} if m else None
