"""Browsing the knowledge base: what it holds, articles about some keywords, what is coming up,
and questions to try. Reads through the index keeper, so it always sees the current articles."""
from __future__ import annotations

from knowledge.models import Article

from ..answering.notfound import coverage
from ..index.keeper import IndexKeeper
from ..index.search import search
from ..params import MIN_FIND_COVERAGE
from . import calendar, examples


class Catalogue:
    def __init__(self, keeper: IndexKeeper):
        self.keeper = keeper
        self.store = keeper.store

    def count(self) -> tuple[int, int]:
        """(articles, passages)."""
        return self.store.count()

    def articles(self) -> list[dict]:
        """Newest first: id, title, date, url, chunks."""
        return self.store.article_meta()

    def article(self, article_id: str) -> Article | None:
        return self.store.article(article_id)

    def describe(self, article_id: str) -> dict | None:
        """Everything known about one article: text, passages, facts."""
        return self.store.describe(article_id)

    def coverage_of(self, text: str, article_id: str) -> float:
        """Share of the text's topic words (IDF-weighted) that the article (title and text) holds."""
        ix = self.keeper.index
        return coverage(text, ix.titled_text(article_id), ix.idf)

    def find_articles(self, query: str, n: int = 8) -> list[dict]:
        """Articles about the keywords, best first: those covering at least half of the query's
        topic words (accents and abbreviations aside)."""
        ix = self.keeper.index
        if ix.empty or not query.strip():
            return []
        res = search(ix, self.keeper.embedder, query)
        out = []
        for article_id, _ in res.article_ranking:
            if self.coverage_of(query, article_id) >= MIN_FIND_COVERAGE:
                out.append({"id": article_id, **ix.articles.get(article_id, {})})
            if len(out) >= n:
                break
        return out

    def calendar_question(self, question: str, today) -> tuple[bool, int | None]:
        """Does the question ask what is coming up (and for which month)?"""
        return calendar.calendar_question(question, today)

    def upcoming(self, today, month: int | None = None) -> list[calendar.Event]:
        """Events the articles date from `today` on, soonest first."""
        ix = self.keeper.index
        return [] if ix.empty else calendar.upcoming(ix, today, month)

    def event(self, article_id: str, day) -> calendar.Event | None:
        """The event an article dates on `day` (for a reminder), if it still does."""
        ix = self.keeper.index
        return next((e for e in calendar.events(ix) if e.article_id == article_id and e.date == day), None)

    def example_questions(self, n: int) -> list[str]:
        """One question from each of the newest articles, cut from their own sentences."""
        out: list[str] = []
        for a in self.store.article_meta():
            if len(out) >= n:
                break
            out += self.example_questions_for(a["id"])[:1]
        return out

    def example_questions_for(self, article_id: str) -> list[str]:
        art = self.store.article(article_id)
        return examples.example_questions(art) if art else []

    def summary(self, article_id: str) -> str | None:
        art = self.store.article(article_id)
        return examples.summary(art) if art else None
