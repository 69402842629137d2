"""One object that answers questions from the current knowledge base: the door the bot uses.

`Answerer` owns nothing itself; it puts four parts together, each in its own room and small
enough to read at once:
- `index.keeper.IndexKeeper` keeps the serving index in step with the store (loads the model
  once, overlays a few changes, rebuilds off to the side, swaps atomically);
- answering — `ask` below: search, then the answer step (`answering/`), then
  `hoidap.desk.HoiDap` (the union's own answer, or a member's own case routed to people), then,
  only when a model server is set, `fluent.writer.Fluent` (a checked sentence above the quote);
- `catalogue.browse.Catalogue` lists, finds and dates articles; `catalogue.intake.Intake`
  brings articles and hỏi đáp entries in and takes them out.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from knowledge.ingest import IngestReport
from knowledge.models import Article, FaqEntry
from knowledge.store import Store

from .answering.answer import Answer, answer
from .catalogue import calendar
from .catalogue.browse import Catalogue
from .catalogue.intake import Intake, Removal
from .config import RetrievalSettings as Settings
from .fluent.writer import Fluent
from .hoidap import faq
from .hoidap.desk import HoiDap
from .index.base import Index
from .index.embedder import Embedder
from .index.keeper import Follower, IndexKeeper
from .index.search import search


@dataclass
class Timed:
    answer: Answer
    latency_ms: float


class Answerer:
    def __init__(self, settings: Settings, store: Store | None = None, embedder: Embedder | None = None,
                 background_refresh: bool = False):
        self.settings = settings
        self.store = store or Store(settings.database)
        self.keeper = IndexKeeper(settings, self.store, embedder, background_refresh)
        self.catalogue = Catalogue(self.keeper)
        self.intake = Intake(settings, self.store)
        self.hoidap = HoiDap(self.store, settings.legal_help)
        self.fluent = Fluent.from_settings(settings)  # None unless UNIONBOT_LLM_URL is set

    # -- the index ---------------------------------------------------------------------------
    @property
    def database(self):
        """The open database (SQLite or PostgreSQL) the bot's own tables share with the knowledge."""
        return self.store.db

    @property
    def embedder(self) -> Embedder:
        return self.keeper.embedder

    @property
    def index(self) -> Index:
        """The current index (brought up to date first)."""
        return self.keeper.index

    @property
    def serving(self) -> Index | None:
        """The index answering now, as it is."""
        return self.keeper.serving

    def ensure_fresh(self, progress: bool = False) -> Index:
        return self.keeper.ensure_fresh(progress)

    def refresh(self, progress: bool = False) -> Index:
        return self.keeper.refresh(progress)

    def rebuild(self, progress: bool = False) -> Index:
        return self.keeper.rebuild(progress)

    def follow_store(self, poll_seconds: float) -> Follower:
        return self.keeper.follow_store(poll_seconds)

    def warm(self) -> None:
        self.keeper.warm()

    def status(self) -> dict:
        return self.keeper.status()

    # -- answering ---------------------------------------------------------------------------
    def ask(self, question: str, focus: str | None = None, among: list[str] | None = None,
            own_case: bool = True) -> Timed:
        """`focus`: for a follow-up read with the previous question, the member's own message,
        which chooses the sentence. `among`: only these articles are read (a follow-up that swapped
        a year or place in, answered from the articles that hold it: `conversation.continuation`).
        `own_case=False`: a follow-up about the chat's news topic, never routed as a member's own
        case (`conversation.continuation`: its only cue was the first person)."""
        t = time.perf_counter()
        question = (question or "").strip()
        if not question:
            return Timed(Answer(question="", found=False, qtype="other", reason="empty question"), 0.0)
        ix = self.index
        res = search(ix, self.embedder, question, focus=focus, ahead=True)
        if among is not None:
            res.article_ranking = [r for r in res.article_ranking if r[0] in among]
        ans = self.hoidap.settle(question, ix, res, answer(ix, res), own_case=own_case)
        if self.fluent is not None:
            ans = self.fluent.settle(ix, res, ans)
        return Timed(ans, (time.perf_counter() - t) * 1000)

    def coverage_of(self, text: str, article_id: str) -> float:
        return self.catalogue.coverage_of(text, article_id)

    def article_text(self, article_id: str) -> str:
        """The article's title, text and date: where a question's year, ordinal or place is looked for."""
        ix = self.index
        return f"{ix.titled_text(article_id)} {ix.articles.get(article_id, {}).get('date') or ''}"

    def article_title(self, article_id: str) -> str:
        """The article's title alone: the one event a news article is about (its text may name others in passing)."""
        return self.index.articles.get(article_id, {}).get("title") or ""

    # -- hỏi đáp -----------------------------------------------------------------------------
    def faq_entries(self) -> list[FaqEntry]:
        return self.hoidap.entries()

    def faq_entry(self, entry_id: str) -> FaqEntry | None:
        return self.hoidap.entry(entry_id)

    def add_faq(self, entry: FaqEntry) -> str:
        return self.hoidap.add(entry)

    def faq_matches(self, questions: list[str]) -> list:
        """The best hỏi đáp entry of each question with its match features (for calibrate-faq)."""
        ix = self.index
        return [faq.best(ix, search(ix, self.embedder, q)) for q in questions]

    def first_articles(self, questions: list[str]) -> tuple[list[str], dict]:
        """The text of the article the search puts first for each question, and the index's
        IDF (for calibrate-owncase: how much of a question the news holds)."""
        ix = self.index
        return [self.hoidap.first_article(ix, search(ix, self.embedder, q)) for q in questions], ix.idf

    def closest_faq(self, questions: list[str]) -> list[dict | None]:
        """For each member's own case among `questions`, the hỏi đáp entry that came closest."""
        ix = self.index
        return [self.hoidap.closest(q, ix, search(ix, self.embedder, q)) for q in questions]

    # -- browsing and listing ------------------------------------------------------------------
    def count(self) -> tuple[int, int]:
        return self.catalogue.count()

    def articles(self) -> list[dict]:
        return self.catalogue.articles()

    def article(self, article_id: str) -> Article | None:
        return self.catalogue.article(article_id)

    def describe(self, article_id: str) -> dict | None:
        return self.catalogue.describe(article_id)

    def find_articles(self, query: str, n: int = 8) -> list[dict]:
        return self.catalogue.find_articles(query, n)

    def calendar_question(self, question: str, today) -> tuple[bool, int | None]:
        return self.catalogue.calendar_question(question, today)

    def upcoming(self, today, month: int | None = None) -> list[calendar.Event]:
        return self.catalogue.upcoming(today, month)

    def event(self, article_id: str, day) -> calendar.Event | None:
        return self.catalogue.event(article_id, day)

    def example_questions(self, n: int) -> list[str]:
        return self.catalogue.example_questions(n)

    def example_questions_for(self, article_id: str) -> list[str]:
        return self.catalogue.example_questions_for(article_id)

    def summary(self, article_id: str) -> str | None:
        return self.catalogue.summary(article_id)

    # -- what comes in and goes out --------------------------------------------------------------
    def ingest(self, paths: list[Path], progress: bool = True) -> IngestReport:
        return self.intake.ingest(paths, progress)

    def add_file(self, path: Path, data: bytes | None = None) -> list[tuple[Article | FaqEntry, str]]:
        return self.intake.add_file(path, data)

    def add_url(self, url: str) -> tuple[Article, str]:
        return self.intake.add_url(url)

    def poll_feed(self, feed_url: str) -> IngestReport:
        return self.intake.poll_feed(feed_url)

    def remove(self, article_id: str) -> "Removal | None":
        return self.intake.remove(article_id)

    def source_count(self) -> int:
        return self.intake.source_count()

    def reload(self, progress=None) -> IngestReport:
        return self.intake.reload(progress)
