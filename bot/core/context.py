"""What each chat asked last, so a follow-up ("còn năm 2018 thì sao?", "ai nhận?") is read
together with it for UNIONBOT_FOLLOWUP_MINUTES. The server keeps it in the database, so any
worker can take a chat's next message; batch evaluation keeps it in memory."""
from __future__ import annotations

import time
from collections import OrderedDict
from typing import Callable, Hashable, Protocol

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

    def resolve(self, key: Hashable, question: str) -> tuple[str, str | None]:
        """(the question to answer, what was understood when combined — else None); the chat's
        topic is updated (a follow-up asking a new slot keeps the topic it refers to)."""
        prev = self._recall(key)
        if prev and followup.is_followup(question):
            combined, topic = followup.combine_topic(prev, question)
            self._keep(key, topic)
            return combined, combined
        self._keep(key, question)
        return question, None

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
