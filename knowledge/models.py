"""Plain records passed between loading, storing and indexing."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field


def content_hash(*parts: str) -> str:
    """Stable short hash: ids and change detection derive from content, not time."""
    h = hashlib.sha1()
    for p in parts:
        h.update((p or "").encode("utf-8"))
        h.update(b"\x00")
    return h.hexdigest()[:16]


@dataclass
class Article:
    id: str
    title: str
    text: str
    date: str | None = None  # ISO: YYYY-MM-DD, YYYY-MM or YYYY
    url: str | None = None
    source: str | None = None  # where it was loaded from (path or URL)
    # What makes two loads the same article: the file's absolute path, or the page's URL
    # (plus the record's id or position inside a JSON/JSONL file). Never the file name alone.
    origin: str | None = None

    @property
    def identity(self) -> str:
        return self.origin or self.source or self.id

    @property
    def hash(self) -> str:
        return content_hash(self.title, self.date or "", self.url or "", self.text)


@dataclass
class FaqEntry:
    """A hỏi đáp entry written by the union's staff: the ways members ask, and the answer."""
    id: str
    questions: list[str]  # one or more phrasings
    answer: str
    basis: str | None = None  # legal basis, e.g. "Điều 23 Luật Công đoàn 2024"
    source: str | None = None  # who wrote or owns it
    valid_from: str | None = None  # ISO date the answer holds from
    origin: str | None = None  # the file (and record) it came from; identity, like an article's

    @property
    def identity(self) -> str:
        return self.origin or self.id

    @property
    def hash(self) -> str:
        return content_hash("\n".join(self.questions), self.answer, self.basis or "", self.source or "",
                            self.valid_from or "")


@dataclass
class Fact:
    kind: str  # date | quote | directive | number
    value: str


@dataclass
class Chunk:
    id: str
    article_id: str
    ord: int
    text: str
    title: str
    date: str | None
    facts: list[Fact] = field(default_factory=list)
