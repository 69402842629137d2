"""Passages sized for the embedding model, cut on sentence boundaries.

multilingual-e5-small reads 512 tokens; Vietnamese runs about 3–4 characters
per token, so ~700 characters plus the title stays far below the limit while
keeping each passage about one fact-bearing idea.
"""
from __future__ import annotations

import re

from . import facts
from .models import Article, Chunk, content_hash
from .text import paragraphs, split_sentences

TARGET_CHARS = 450
MAX_CHARS = 700


def _split_long(sentence: str) -> list[str]:
    """A sentence longer than MAX_CHARS is cut at clause marks, then at spaces."""
    if len(sentence) <= MAX_CHARS:
        return [sentence]
    parts, cur = [], ""
    for piece in re.split(r"(?<=[,;:])\s+", sentence):
        while len(piece) > MAX_CHARS:
            cut = piece.rfind(" ", 0, MAX_CHARS)
            cut = cut if cut > 0 else MAX_CHARS
            if cur:
                parts.append(cur)
                cur = ""
            parts.append(piece[:cut].strip())
            piece = piece[cut:].strip()
        if cur and len(cur) + 1 + len(piece) > MAX_CHARS:
            parts.append(cur)
            cur = piece
        else:
            cur = f"{cur} {piece}".strip()
    if cur:
        parts.append(cur)
    return parts


def chunk_article(article: Article) -> list[Chunk]:
    """Sentence-packed passages; paragraphs stay on their own lines inside a passage,
    and a new paragraph starts a new passage once the current one is half full."""
    passages: list[str] = []
    cur = ""
    for par in paragraphs(article.text):
        if cur and len(cur) >= TARGET_CHARS // 2:
            passages.append(cur)
            cur = ""
        sep = "\n" if cur else ""
        for sent in (p for s in split_sentences(par) for p in _split_long(s)):
            if cur and len(cur) + 1 + len(sent) > TARGET_CHARS:
                passages.append(cur)
                cur, sep = sent, " "
            else:
                cur = f"{cur}{sep}{sent}" if cur else sent
                sep = " "
    if cur:
        passages.append(cur)
    chunks = []
    for i, text in enumerate(passages):
        cid = content_hash(article.id, article.title, article.date or "", text)
        chunks.append(Chunk(id=cid, article_id=article.id, ord=i, text=text, title=article.title,
                            date=article.date, facts=facts.extract(text)))
    return chunks
