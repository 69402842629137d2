"""What each chat asked last, so a follow-up ("còn năm 2018 thì sao?", "ai nhận?") is read
together with it for UNIONBOT_FOLLOWUP_MINUTES. Kept in memory: a restart forgets a
ten-minute-old topic, which members would not expect the bot to keep anyway."""
from __future__ import annotations

import time
from collections import OrderedDict
from typing import Callable, Hashable

from retrieval.api import followup

MAX_CHATS = 100_000  # oldest conversations are forgotten first


class Conversations:
    def __init__(self, minutes: float, clock: Callable[[], float] = time.monotonic):
        self.ttl = minutes * 60
        self.clock = clock
        self.last: OrderedDict[Hashable, tuple[str, float]] = OrderedDict()

    def resolve(self, key: Hashable, question: str) -> tuple[str, str | None]:
        """(the question to answer, what was understood when combined — else None); the chat's
        topic is updated (a follow-up asking a new slot keeps the topic it refers to)."""
        prev = self.last.get(key)
        if prev and self.clock() - prev[1] <= self.ttl and followup.is_followup(question):
            combined, topic = followup.combine_topic(prev[0], question)
            self._keep(key, topic)
            return combined, combined
        self._keep(key, question)
        return question, None

    def _keep(self, key: Hashable, question: str) -> None:
        self.last[key] = (question, self.clock())
        self.last.move_to_end(key)
        while len(self.last) > MAX_CHATS:
            self.last.popitem(last=False)
