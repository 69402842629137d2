"""What each chat asked last, so a follow-up ("còn năm 2018 thì sao?", "ai nhận?") is read
together with it for UNIONBOT_FOLLOWUP_MINUTES. The server keeps it in the database, so any
worker can take a chat's next message; batch evaluation keeps it in memory."""
from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any, Callable, Hashable, Protocol

from retrieval.api import followup

MAX_CHATS = 100_000  # oldest in-memory conversations are forgotten first


class StateStore(Protocol):
    def state_get(self, key: str, max_age: float, now: float | None = None) -> str | None: ...
    def state_put(self, key: str, value: str | None, now: float | None = None) -> None: ...


class Conversations:
    def __init__(self, minutes: float, clock: Callable[[], float] = time.time, db: StateStore | None = None):
        self.ttl = minutes * 60
        self.clock = clock
        self.db = db
        self.last: OrderedDict[Hashable, tuple[str, float]] = OrderedDict()

    def _resolve(self, key: Hashable, question: str) -> tuple[str, str | None, str | None]:
        """(the question to answer, what was understood when combined — else None, the words that
        choose the sentence: followup.focus_of). The chat's topic is updated (a follow-up asking a
        new slot keeps the topic it refers to)."""
        prev = self._recall(key)
        if prev and followup.is_followup(question):
            combined, topic = followup.combine_topic(prev, question)
            self._keep(key, topic)
            return combined, combined, followup.focus_of(question, combined, topic)
        self._keep(key, question)
        return question, None, None

    def answer(self, key: Hashable, question: str, answerer: Any) -> tuple[Any, str | None]:
        """(the timed answer, what was understood when combined — else None). `answerer` has
        `ask(question, focus=…)` and `coverage_of(text, article_id)`.

        A message that reads as a question of its own is still asked with the chat's topic when it
        leans on it: it finds nothing alone ("lễ năm 2019 có bn đại biểu dự?" right after a question
        about that ceremony), or alone it lands on another article that holds no more of its words
        than the chat's article does ("của lđlđ có bao nhiêu đại biểu?"). The combined reading is
        kept only if it answers from the chat's article, so a fresh question — whose words belong to
        another article — is never bent into the previous one."""
        prev = self._recall(key)
        resolved, understood, focus = self._resolve(key, question)
        timed = answerer.ask(resolved, focus=focus)
        alone = timed.answer
        if understood is None and prev and alone.kind in ("news", "not_found"):
            before = answerer.ask(prev).answer.ranked[:1]
            leans = before and (not alone.found or (alone.ranked[:1] != before and answerer.coverage_of(
                question, before[0]) >= answerer.coverage_of(question, alone.ranked[0])))
            if leans:
                combined, topic = followup.combine_topic(prev, question)
                again = answerer.ask(combined, focus=followup.focus_of(question, combined, topic))
                if again.answer.found and again.answer.ranked[:1] == before:
                    self._keep(key, topic)
                    return again, combined
        return timed, understood

    def _recall(self, key: Hashable) -> str | None:
        if self.db is not None:
            return self.db.state_get(f"topic:{key}", self.ttl, self.clock())
        prev = self.last.get(key)
        return prev[0] if prev and self.clock() - prev[1] <= self.ttl else None

    def _keep(self, key: Hashable, question: str) -> None:
        if self.db is not None:
            self.db.state_put(f"topic:{key}", question, self.clock())
            return
        self.last[key] = (question, self.clock())
        self.last.move_to_end(key)
        while len(self.last) > MAX_CHATS:
            self.last.popitem(last=False)
