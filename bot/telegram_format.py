"""Answers as Telegram HTML, split into messages below 4096 characters.

Everything from articles or members is escaped. A message is built from blocks
that each open and close their own tags, so a split never falls inside a tag.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from knowledge.dates import display_date
from knowledge.text import split_sentences
from retrieval.answer import Answer, Source

from . import texts

LIMIT = 4096


@dataclass
class Block:
    text: str  # plain text, escaped when rendered
    open: str = ""
    close: str = ""

    def html(self) -> str:
        return f"{self.open}{escape(self.text, quote=False)}{self.close}"


def _link(src: Source) -> list[Block]:
    date = display_date(src.date)
    suffix = f" · {date}" if date else ""
    if src.url and src.url.startswith(("http://", "https://")):
        return [Block("📰 "), Block(src.title, f'<a href="{escape(src.url, quote=True)}">', "</a>"), Block(suffix)]
    return [Block("📰 "), Block(f"{src.title}{suffix}")]


def answer_messages(ans: Answer) -> list[str]:
    if not ans.found:
        lines: list[list[Block]] = [[Block(texts.NOT_FOUND)]]
        if ans.related:
            lines.append([Block(texts.NOT_FOUND_NEAREST)])
            lines += [[Block("• ")] + _link(s)[1:] for s in ans.related[:3]]
        lines.append([Block(texts.NOT_FOUND_HINT, "<i>", "</i>")])
        return split(lines, sep="\n")
    paras: list[list[Block]] = []
    if ans.span and ans.span.strip() != (ans.sentence or "").strip():
        paras.append([Block(f"“{ans.span}”", "<b>", "</b>")])
    if ans.sentence:
        paras.append(_highlight(ans.sentence, ans.span))
    paras.append(_link(ans.sources[0]))
    return split(paras, sep="\n\n")


def _highlight(sentence: str, span: str | None) -> list[Block]:
    """The sentence with the span in bold (when it occurs verbatim)."""
    if span and span in sentence:
        i = sentence.index(span)
        return [Block(sentence[:i]), Block(span, "<b>", "</b>"), Block(sentence[i + len(span):])]
    return [Block(sentence)]


def text_messages(text: str) -> list[str]:
    """Plain text (escaped), paragraphs kept, split below the limit."""
    return split([[Block(p)] for p in text.split("\n")], sep="\n")


def split(paragraphs: list[list[Block]], sep: str, limit: int = LIMIT) -> list[str]:
    """Pack whole paragraphs into messages; an oversized paragraph is cut between
    sentences (then words), each piece wrapped in its own tags again."""
    pieces: list[str] = []
    for para in paragraphs:
        html = "".join(b.html() for b in para)
        if len(html) <= limit:
            pieces.append(html)
            continue
        for b in para:
            pieces.extend(_cut_block(b, limit))
    out: list[str] = []
    cur = ""
    for p in pieces:
        if cur and len(cur) + len(sep) + len(p) > limit:
            out.append(cur)
            cur = p
        else:
            cur = f"{cur}{sep}{p}" if cur else p
    if cur:
        out.append(cur)
    return out or [escape(texts.NOT_FOUND)]


def _cut_block(b: Block, limit: int) -> list[str]:
    room = limit - len(b.open) - len(b.close)
    units = [u for par in b.text.split("\n") for u in (split_sentences(par) or [par])]
    out, cur = [], ""
    for u in units:
        while len(escape(u, quote=False)) > room:  # one enormous sentence: cut at a space
            cut = u.rfind(" ", 0, room // 2) or room // 2
            out.append(Block(u[:cut], b.open, b.close).html())
            u = u[cut:].lstrip()
        if cur and len(escape(cur + " " + u, quote=False)) > room:
            out.append(Block(cur, b.open, b.close).html())
            cur = u
        else:
            cur = f"{cur} {u}" if cur else u
    if cur:
        out.append(Block(cur, b.open, b.close).html())
    return out


def strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def post_html(post) -> str:
    """A broadcast post: header, title · date, 2–3 sentences from the article, link."""
    date = display_date(post.date)
    parts = [f"📢 <b>{escape(texts.POST_HEADER)}</b>",
             f"<b>{escape(post.title, quote=False)}</b>" + (f" · {escape(date)}" if date else ""),
             "", escape(post.summary, quote=False)]
    if post.url and post.url.startswith(("http://", "https://")):
        parts += ["", f'<a href="{escape(post.url, quote=True)}">{escape(texts.READ_MORE)}</a>']
    return "\n".join(parts)[:LIMIT]
