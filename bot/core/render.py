"""One renderer for every channel: an answer, a text or a broadcast post becomes
paragraphs of blocks, which a `Markup` shows as Telegram HTML or as plain text
(Zalo, the terminal, JSON) and one splitter packs into messages under the
platform's limit.

Everything from articles or members is escaped in HTML. Each block opens and
closes its own tags, so a split never falls inside a tag.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from retrieval.api import Answer, Source, display_date, split_sentences

from . import texts
from .messages import Post

MAX_ANSWER_CHARS = 600  # the quoted answer in a reply; the whole passage is behind "Đoạn trích" / /nguon


@dataclass
class Block:
    text: str
    style: str = ""  # "", "b" (bold) or "i" (italic)
    href: str | None = None  # a link; only http(s) addresses are ever linked


@dataclass(frozen=True)
class Markup:
    html: bool
    limit: int  # characters per message

    def esc(self, text: str) -> str:
        return escape(text, quote=False) if self.html else text

    def block(self, b: Block) -> str:
        if not self.html:
            return b.text
        out = self.esc(b.text)
        if b.href:
            out = f'<a href="{escape(b.href, quote=True)}">{out}</a>'
        return f"<{b.style}>{out}</{b.style}>" if b.style else out

    def size(self, b: Block) -> int:
        return len(self.block(b))


TELEGRAM = Markup(html=True, limit=4096)  # Telegram: HTML parse mode, 4096 characters a message
ZALO = Markup(html=False, limit=2000)  # Zalo Bot API: plain text, 1–2000 characters
PLAIN = Markup(html=False, limit=1_000_000)  # terminal and JSON: one piece
WEB = Markup(html=True, limit=1_000_000)  # the web page: the blocks themselves, built into text nodes there

Paragraph = list[Block]


def _web(url: str | None) -> str | None:
    return url if url and url.startswith(("http://", "https://")) else None


# -- what is said --------------------------------------------------------------
def source_line(src: Source) -> str:
    date = display_date(src.date)
    return f"{src.title}" + (f" · {date}" if date else "")


def _source(src: Source, markup: Markup) -> list[Paragraph]:
    date = display_date(src.date)
    suffix = f" · {date}" if date else ""
    url = _web(src.url)
    if markup.html:
        return [[Block(f"{texts.SOURCE} "), Block(src.title, href=url), Block(suffix)]]
    paras = [[Block(f"{texts.SOURCE} {src.title}{suffix}")]]
    return paras + ([[Block(url)]] if url else [])


def _highlight(text: str, span: str | None) -> Paragraph:
    if span and span in text:
        i = text.index(span)
        return [Block(text[:i]), Block(span, "b"), Block(text[i + len(span):])]
    return [Block(text)]


def answer_paragraphs(ans: Answer, markup: Markup) -> list[Paragraph]:
    if ans.kind == "faq" and ans.faq:
        e = ans.faq
        head = texts.FAQ_HEADER + (texts.FAQ_UPDATED.format(date=display_date(e["valid_from"][:7]))
                                   if e.get("valid_from") else "")
        paras = [[Block(head, "b")], [Block(e["answer"])]]
        if e.get("basis"):
            paras.append([Block(texts.FAQ_BASIS.format(basis=e["basis"]), "i")])
        if e.get("source"):
            paras.append([Block(texts.FAQ_SOURCE.format(source=e["source"]))])
        return paras
    if ans.kind == "route":
        paras = [[Block(texts.ROUTE_INTRO)]]
        paras += [[Block(f"☎️ {line.strip()}", "b")] for line in (ans.route_help or "").replace("\\n", "\n").split("\n")
                  if line.strip()]
        if ans.related:
            paras.append([Block(texts.ROUTE_RELATED)])
            paras += [[Block("• "), Block(source_line(s), href=_web(s.url) if markup.html else None)]
                      for s in ans.related[:3]]
        return paras
    if not ans.found:
        paras = [[Block(texts.NOT_FOUND)]]
        if ans.related:
            paras.append([Block(texts.NOT_FOUND_NEAREST)])
            paras += [[Block("• "), Block(source_line(s), href=_web(s.url) if markup.html else None)]
                      for s in ans.related[:3]]
        return paras + [[Block(texts.NOT_FOUND_HINT, "i")]]
    paras: list[Paragraph] = []
    if ans.fluent:  # the model's checked sentence first, the article's own words under it to check it by
        paras += [[Block(ans.fluent)], [Block(texts.FLUENT_QUOTE, "i")]]
    sentence = ans.shown_sentence
    if ans.span and ans.span.strip() != sentence.strip():
        span = ans.span if len(ans.span) <= MAX_ANSWER_CHARS else ans.span[:MAX_ANSWER_CHARS - 1] + "…"
        paras.append([Block(f"“{span}”", "b")])
    if sentence:
        paras.append(_highlight(sentence, ans.span) if markup.html else [Block(sentence)])
    if ans.also:
        paras += [[Block(texts.ALSO, "i")], [Block(ans.also)]]
    return paras + _source(ans.sources[0], markup)


def post_paragraphs(post: Post, markup: Markup) -> list[Paragraph]:
    date = display_date(post.date)
    paras = [[Block(post.header or texts.POST_HEADER, "b"), Block("\n"), Block(post.title, "b")]
             + ([Block(f" · {date}")] if date else []),
             [Block(post.summary)]]
    url = _web(post.url)
    if url:
        paras.append([Block(texts.READ_MORE, href=url)] if markup.html else [Block(url)])
    if not markup.html:  # Telegram has the "Hỏi về bài này" button instead
        paras.append([Block(texts.POST_ASK_HINT)])
    return paras


# -- how it is cut into messages ------------------------------------------------
def answer_messages(ans: Answer, markup: Markup, understood: str | None = None) -> list[str]:
    """`understood`: the question a follow-up was read as, shown first."""
    paras = answer_paragraphs(ans, markup)
    if understood:
        paras = [[Block(texts.UNDERSTOOD.format(question=understood), "i")]] + paras
    return split(paras, markup, sep="\n\n" if ans.found else "\n")


def post_messages(post: Post, markup: Markup) -> list[str]:
    return split(post_paragraphs(post, markup), markup, sep="\n\n")


def text_messages(text: str, markup: Markup) -> list[str]:
    """Plain text (escaped in HTML), lines kept."""
    return split([[Block(line)] for line in text.split("\n")], markup, sep="\n")


def plain(ans: Answer, understood: str | None = None) -> str:
    """What a member sees in a plain-text channel, as one string."""
    return answer_messages(ans, PLAIN, understood)[0]


def split(paragraphs: list[Paragraph], markup: Markup, sep: str) -> list[str]:
    """Pack whole paragraphs into messages ≤ markup.limit; an oversized paragraph is cut
    between sentences, then words, then anywhere — each piece wrapped in its own tags."""
    pieces: list[str] = []
    for para in paragraphs:
        rendered = "".join(markup.block(b) for b in para)
        if len(rendered) <= markup.limit:
            pieces.append(rendered)
        else:
            for b in para:
                pieces.extend(_cut(b, markup))
    out: list[str] = []
    cur: str | None = None
    for p in pieces:
        if cur is not None and len(cur) + len(sep) + len(p) > markup.limit:
            out.append(cur)
            cur = p
        else:
            cur = p if cur is None else f"{cur}{sep}{p}"
    if cur is not None:
        out.append(cur)
    out = [m for m in out if m.strip()]
    return out or [markup.esc(texts.NOT_FOUND)]


def _cut(b: Block, markup: Markup) -> list[str]:
    """One block too long for a message: sentence → word → hard cut, never over the limit."""
    room = markup.limit - markup.size(Block("", b.style, b.href))

    def fits(s: str) -> bool:
        return len(markup.esc(s)) <= room

    units = [u for line in b.text.split("\n") for u in (split_sentences(line) or [line])]
    out: list[str] = []
    cur = ""
    for u in units:
        while not fits(u):  # one enormous sentence: cut at the last space that fits, else anywhere
            n = room
            while n > 1 and not fits(u[:n]):
                n = max(1, n * 9 // 10) if len(markup.esc(u[:n])) > room * 1.1 else n - 1
            space = u.rfind(" ", 0, n)
            cut = space if space > n // 2 else n
            if cur:
                out.append(cur)
                cur = ""
            out.append(u[:cut])
            u = u[cut:].lstrip()
        if cur and not fits(f"{cur} {u}"):
            out.append(cur)
            cur = u
        else:
            cur = f"{cur} {u}" if cur else u
    if cur:
        out.append(cur)
    return [markup.block(Block(piece, b.style, b.href)) for piece in out]


# -- the web page: paragraphs of blocks as JSON, which its script builds from text nodes ------------
_URL = re.compile(r"https?://[^\s<>\"]+")


def _blocks(paras: list[Paragraph]) -> list[list[dict]]:
    out = []
    for para in paras:
        blocks = [{"text": b.text, **({"style": b.style} if b.style else {}), **({"href": b.href} if b.href else {})}
                  for b in para if b.text]
        if blocks and any(b["text"].strip() for b in blocks):
            out.append(blocks)
    return out


def web_answer(ans: Answer, understood: str | None = None) -> dict:
    """What the web page shows of an answer: the reply (the same paragraphs as Telegram's), and
    for an answer from an article its passage (*Đoạn trích*) and the next best articles (*Bài liên
    quan*), which the page keeps folded under it."""
    paras = answer_paragraphs(ans, WEB)
    if understood:
        paras = [[Block(texts.UNDERSTOOD.format(question=understood), "i")]] + paras
    passage = related = None
    if ans.found and ans.sources and ans.passage:
        src = ans.sources[0]
        url = _web(src.url)
        passage = _blocks([[Block(texts.PASSAGE_HEADER.format(title=src.title), "b")]]
                          + [[Block(p)] for p in ans.passage.split("\n")] + ([[Block(url, href=url)]] if url else []))
    if ans.found and ans.kind == "news":
        related = _blocks([[Block("• "), Block(source_line(s), href=_web(s.url))] for s in ans.related[:3]]
                          or [[Block(texts.RELATED_NONE)]])
    return {"blocks": _blocks(paras), "passage": passage, "related": related}


def web_text(text: str) -> list[list[dict]]:
    """A text reply (upcoming events, newest articles, a greeting…) for the web page: a paragraph
    a line, its http(s) addresses made links."""
    paras: list[Paragraph] = []
    for line in text.split("\n"):
        para, at = [], 0
        for m in _URL.finditer(line):
            para += [Block(line[at:m.start()]), Block(m.group(), href=m.group())]
            at = m.end()
        paras.append(para + [Block(line[at:])])
    return _blocks(paras)


def reply_text(reply) -> str:
    """A reply as plain text: the terminal, `unionbot ask`."""
    if reply.answer is not None:
        return plain(reply.answer, reply.understood)
    if reply.post is not None:
        return "\n\n".join(post_messages(reply.post, PLAIN))
    return reply.text


def reply_json(reply, latency_ms: float, extra: dict | None = None) -> dict:
    """A reply as the `ask --json` object (also `POST /api/ask`): an answer as `as_json`; any other
    reply of the core (a greeting, the upcoming events, the latest articles, a refusal) with its
    text as `answer` and `"kind": "chat"`."""
    if reply.answer is not None:
        return as_json(reply.answer, latency_ms, extra, reply.understood)
    return {**(extra or {}), "id": (extra or {}).get("id"), "question": (extra or {}).get("question", ""),
            "found": False, "kind": "chat", "answer": reply.text, "span": None, "sources": [],
            "latency_ms": round(latency_ms, 1)}


def as_json(ans: Answer, latency_ms: float, extra: dict | None = None, understood: str | None = None) -> dict:
    """The `unionbot ask --json` object (also `POST /api/ask`)."""
    obj = dict(extra or {})
    if understood:
        obj["understood"] = understood
    obj.update({
        "id": (extra or {}).get("id"),
        "question": (extra or {}).get("question", ans.question),
        "found": ans.found,
        "kind": ans.kind,
        "answer": plain(ans, understood),
        "span": ans.span if ans.found else None,
        "fluent": ans.fluent if ans.found else None,
        "sources": [s.as_dict() for s in ans.sources] if ans.found else [],
        **({"faq": {k: ans.faq.get(k) for k in ("id", "basis", "source", "valid_from")}} if ans.faq else {}),
        "suggestions": [s.as_dict() for s in ans.related] if not ans.found else [],
        "latency_ms": round(latency_ms, 1),
    })
    return obj
