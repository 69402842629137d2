"""What each chat asked last, so a follow-up ("còn năm 2018 thì sao?", "ai nhận?") is read
together with it for UNIONBOT_FOLLOWUP_MINUTES. The server keeps it in the database, so any
worker can take a chat's next message; batch evaluation keeps it in memory."""
from __future__ import annotations

import time
from collections import OrderedDict
from typing import Any, Callable, Hashable, Protocol

from retrieval.api import continuation

MAX_CHATS = 100_000  # oldest in-memory conversations are forgotten first


class StateStore(Protocol):
    def state_get(self, key: str, max_age: float, now: float | None = None) -> str | None: ...
    def state_put(self, key: str, value: str | None, now: float | None = None) -> None: ...


class Conversations:
    def __init__(self, minutes: float, clock: Callable[[], float] = time.time, db: StateStore | None = None):
        self.ttl = minutes * 60
        self.clock = clock
        self.db = db
        self.last: OrderedDict[Hashable, tuple[continuation.Topic, float]] = OrderedDict()

    def answer(self, key: Hashable, question: str, answerer: Any) -> tuple[Any, str | None]:
        """(the timed answer, what was understood when read with the chat's topic — else None).
        `continuation.read` decides; this keeps the chat's topic (question and article)."""
        reading = continuation.read(answerer, question, self._recall(key))
        self._keep(key, reading.topic)
        return reading.timed, reading.understood

    def _recall(self, key: Hashable) -> continuation.Topic | None:
        if self.db is not None:
            stored = self.db.state_get(f"topic:{key}", self.ttl, self.clock())
            return continuation.Topic.loads(stored) if stored else None
        prev = self.last.get(key)
        return prev[0] if prev and self.clock() - prev[1] <= self.ttl else None

    def _keep(self, key: Hashable, topic: continuation.Topic) -> None:
        if self.db is not None:
            self.db.state_put(f"topic:{key}", topic.dumps(), self.clock())
            return
        self.last[key] = (topic, self.clock())
        self.last.move_to_end(key)
        while len(self.last) > MAX_CHATS:
            self.last.popitem(last=False)
