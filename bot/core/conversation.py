"""The conversation core: what the bot does with a message, on any platform.

The one pipeline: greetings, the upcoming events, "bài mới nhất", hỏi đáp, routing, follow-ups
and news answers are decided here for Telegram, Zalo, the web page, `unionbot chat`, `ask` and
`ask --batch` alike. Channel adapters turn platform updates into `Incoming` and render the
`Reply` list this returns; nothing here knows Telegram or Zalo.
"""
from __future__ import annotations

import asyncio
import datetime
import hashlib
import json
import logging
import re
import time
from typing import Awaitable, Callable

from retrieval.api import Answerer, display_date, fold

from ..settings import Settings
from . import texts
from .messages import Incoming, Reply
from .context import Conversations
from .state import CHAT_STATE_SECONDS, BotDB

log = logging.getLogger(__name__)

MAX_QUESTION_CHARS = 1000
FIND_PAGE = 5  # articles per /tim page
ANNOUNCE_KEY = "announce:pending"  # chat_state: new article ids not yet announced to subscribers
ADMIN_COMMANDS = {"reload", "them", "xoa", "baiviet", "thongke", "phatsong", "xacnhan", "hoidap", "traloi", "them_cauhoi"}


AdminHandler = Callable[["Core", Incoming], Awaitable[list[Reply]]]


class FloodLimiter:
    """At most `limit` questions per member per minute (sliding window), counted in the database
    so the limit holds whichever worker takes the message."""

    def __init__(self, db: BotDB, limit: int, window: float = 60.0, clock: Callable[[], float] = time.time):
        self.db, self.limit, self.window, self.clock = db, limit, window, clock

    def check(self, key: str) -> float:
        """0 when allowed (and counted); else seconds to wait."""
        if self.limit <= 0:
            return 0.0
        return self.db.flood_hit(key, self.limit, self.window, self.clock())


class Core:
    def __init__(self, settings: Settings, answerer: Answerer, db: BotDB | None = None):
        self.settings = settings
        self.answerer = answerer
        self.db = db or BotDB(answerer.database)
        self.flood = FloodLimiter(self.db, settings.flood_per_minute)
        self.conversations = Conversations(settings.followup_minutes, db=self.db)
        self.record_questions = True  # `unionbot ask` asks off the record (no admin's unanswered list)
        self.today = datetime.date.today  # replaceable in tests
        self.db.purge(settings.question_retention_days)  # question text is kept only so long
        self.admin_handlers: dict[str, AdminHandler] = {}
        # Button actions ("a:<key>" → handler(core, msg, key)); channels without buttons use commands.
        self.actions: dict[str, Callable[["Core", Incoming, str], Awaitable[list[Reply]]]] = {}
        self.actions["t"] = self._next_page
        # Called with the ids of newly added articles (broadcasts subscribe here).
        self.new_article_listeners: list[Callable[[list[str], "Incoming | None"], Awaitable[None]]] = []

    def announce_later(self, ids: list[str]) -> None:
        """New articles to announce once the index serves them, kept in the database: a stop (or a
        failed build) between storing them and announcing them leaves them for the next start."""
        if ids:  # (kept without a time, as secrets are: the daily purge of chat state must not take it)
            self.db.state_put(ANNOUNCE_KEY, json.dumps(sorted({*self._pending_announcements(), *ids})), now=float("inf"))

    def _pending_announcements(self) -> list[str]:
        return json.loads(self.db.state_get(ANNOUNCE_KEY, float("inf")) or "[]")

    async def announce_pending(self) -> None:
        """At start: announce what a stop interrupted (the ledger keeps each post to once per chat)."""
        if self._pending_announcements():
            await self.articles_added([], None)

    async def articles_added(self, ids: list[str], origin: "Incoming | None" = None) -> None:
        ids = sorted({*self._pending_announcements(), *ids})
        for listener in self.new_article_listeners:
            try:
                await listener(ids, origin)
            except Exception:
                log.exception("new-article listener failed")
        self.db.state_put(ANNOUNCE_KEY, None)

    # -- identities ------------------------------------------------------
    def is_admin(self, platform: str, user_id: str) -> bool:
        return str(user_id) in self.settings.admins(platform)

    # -- entry point -----------------------------------------------------
    async def handle(self, msg: Incoming) -> list[Reply]:
        """Never raises: any failure becomes an apology (and a log line)."""
        try:
            return await self._handle(msg)
        except Exception:
            log.exception("failed to handle %s message in chat %s", msg.platform, msg.chat_id)
            return [Reply(texts.INTERNAL_ERROR)]

    async def _handle(self, msg: Incoming) -> list[Reply]:
        if msg.chat_type != "private" and not msg.addressed:
            return []
        if msg.kind not in ("text", "file"):
            return [Reply(texts.NON_TEXT)]
        if msg.kind == "file":  # a member's file is no command refused, just nothing the bot reads
            return await self._admin(msg, "them") if self.is_admin(msg.platform, msg.user_id) else [Reply(texts.NON_TEXT)]
        cmd = msg.command
        if cmd is None:
            return await self.ask(msg, msg.text)
        if cmd in ADMIN_COMMANDS:
            return await self._admin(msg, cmd)
        if cmd in ("start", "help"):
            return [Reply(self.help_text(msg))]
        if cmd == "hoi":
            return await self.ask(msg, msg.args)
        if cmd == "lich":
            return [Reply(self.calendar_text(None))]
        if cmd == "tim":
            return [await asyncio.to_thread(self.find_reply, msg.args, 0)]
        if cmd == "moi":
            return [Reply(self.latest_text())]
        if cmd == "nguon":
            return [self.passage_reply(self.last_answer(msg))]
        if cmd in self.admin_handlers:  # member commands provided by other modules (subscriptions)
            return await self.admin_handlers[cmd](self, msg)
        return [Reply(texts.UNKNOWN_COMMAND)]

    async def _admin(self, msg: Incoming, cmd: str) -> list[Reply]:
        if not self.is_admin(msg.platform, msg.user_id):
            self.db.audit(msg.platform, msg.user_id, cmd, msg.args[:200], "refused: not admin")
            return [Reply(texts.NOT_ADMIN)]
        handler = self.admin_handlers.get(cmd)
        if handler is None:
            return [Reply(texts.UNKNOWN_COMMAND)]
        return await handler(self, msg)

    # -- questions -------------------------------------------------------
    async def ask(self, msg: Incoming, question: str) -> list[Reply]:
        question = " ".join((question or "").split())
        if not question:
            return [Reply(texts.GROUP_HOI_USAGE if msg.chat_type != "private" else texts.EMPTY_QUESTION)]
        small_talk = _small_talk(question) or _without_content(question)
        if small_talk:
            return [Reply(small_talk)]
        if len(question) > MAX_QUESTION_CHARS:
            return [Reply(texts.TOO_LONG.format(n=len(question), limit=MAX_QUESTION_CHARS))]
        wait = self.flood.check(f"{msg.platform}:{msg.user_id}")
        if wait:
            seconds = max(1, int(wait + 0.999))
            return [Reply(texts.FLOOD.format(seconds=seconds), retry_after=seconds)]
        if self.answerer.count()[0] == 0:
            return [Reply(texts.EMPTY_KB)]
        if _LATEST.match(fold(question)):
            return [Reply(self.latest_text())]
        asks_calendar, month = self.answerer.calendar_question(question, self.today())
        if asks_calendar:
            return [Reply(await asyncio.to_thread(self.calendar_text, month))]
        chat = (msg.platform, msg.chat_id)
        timed, understood = await asyncio.to_thread(self.conversations.answer, chat, question, self.answerer)
        question = understood or question
        ans = timed.answer
        if not self.record_questions:
            return [Reply(answer=ans, understood=understood)]
        qid = await asyncio.to_thread(
            self.db.log_question, msg.platform, question, ans.qtype, ans.found, ans.span,
            [s.as_dict() for s in ans.sources], ans.passage, [s.as_dict() for s in ans.related])
        if ans.found:  # in the database: /nguon works after a restart and on any worker
            self.db.state_put(f"last:{msg.platform}:{msg.chat_id}", str(qid))
        return [Reply(answer=ans, question_id=qid, understood=understood)]

    # -- browsing ----------------------------------------------------------
    def find_reply(self, query: str, start: int) -> Reply:
        """A page of the articles about the keywords; "Xem thêm" (a button, or /tim again with
        the page on platforms without buttons) shows the next one."""
        query = " ".join(query.split())[:MAX_QUESTION_CHARS]
        if not query:
            return Reply(texts.FIND_USAGE)
        found = self.answerer.find_articles(query, n=start + FIND_PAGE + 1)
        page = found[start:start + FIND_PAGE]
        if not page:
            return Reply(texts.FIND_NONE.format(query=query))
        text = "\n".join([texts.FIND_HEADER.format(query=query)] + [_article_line(a) for a in page])
        if len(found) <= start + FIND_PAGE:
            return Reply(text)
        key = hashlib.sha1(f"{query}|{start + FIND_PAGE}".encode()).hexdigest()[:12]
        self.db.state_put(f"page:{key}", json.dumps([query, start + FIND_PAGE], ensure_ascii=False))
        return Reply(text, buttons=[(texts.FIND_MORE, f"t:{key}")])

    async def _next_page(self, core: "Core", msg: Incoming, key: str) -> list[Reply]:
        """A "Xem thêm" button: its page is kept in the database a day (any worker, across a restart)."""
        page = self.db.state_get(f"page:{key}", CHAT_STATE_SECONDS)
        if page is None:
            return [Reply(texts.EXPIRED)]
        query, start = json.loads(page)
        return [await asyncio.to_thread(self.find_reply, query, start)]

    def latest_text(self, n: int = 5) -> str:
        return "\n".join([texts.LATEST_HEADER] + [_article_line(a) for a in self.answerer.articles()[:n]])

    # -- what is coming up ------------------------------------------------
    def calendar_text(self, month: int | None) -> str:
        events = self.answerer.upcoming(self.today(), month)
        if not events:
            lines = [texts.NO_UPCOMING_MONTH.format(month=month) if month else texts.NO_UPCOMING,
                     texts.LATEST_ARTICLES]
            for a in self.answerer.articles()[:3]:
                date = display_date(a["date"])
                lines.append(f"• {a['title']}" + (f" · {date}" if date else ""))
            return "\n".join(lines)
        lines = [texts.UPCOMING_MONTH_HEADER.format(month=month) if month else texts.UPCOMING_HEADER]
        for e in events:
            lines.append(texts.UPCOMING_LINE.format(date=e.date.strftime("%d/%m/%Y"), title=e.title,
                                                    text=shorten(e.text, 160)))
        return "\n".join(lines)

    # -- follow-ups (buttons, /nguon) -----------------------------------
    def last_answer(self, msg: Incoming) -> int | None:
        """The id of the chat's last answered question, for /nguon: kept a day (CHAT_STATE_SECONDS),
        longer than its topic, which a follow-up finds only within UNIONBOT_FOLLOWUP_MINUTES."""
        qid = self.db.state_get(f"last:{msg.platform}:{msg.chat_id}", CHAT_STATE_SECONDS)
        return int(qid) if qid else None

    def passage_reply(self, qid: int | None) -> Reply:
        row = self.db.question(qid) if qid else None
        if not row or not row["found"] or not row["passage"]:
            return Reply(texts.NO_LAST_ANSWER if not qid else texts.EXPIRED)
        if not row["sources"]:  # a hỏi đáp answer: its passage is the entry's answer, from no article
            return Reply(row["passage"])
        src = row["sources"][0]
        text = f"{texts.PASSAGE_HEADER.format(title=src['title'])}\n\n{row['passage']}"
        if src.get("url"):
            text += f"\n\n{src['url']}"
        return Reply(text)

    def related_reply(self, qid: int) -> Reply:
        row = self.db.question(qid)
        if not row:
            return Reply(texts.EXPIRED)
        items = row["related"]
        if not items:
            return Reply(texts.RELATED_NONE)
        lines = [texts.RELATED_HEADER]
        for s in items[:3]:
            date = display_date(s.get("date"))
            lines.append(f"• {s['title']}" + (f" · {date}" if date else "") + (f"\n  {s['url']}" if s.get("url") else ""))
        return Reply("\n".join(lines))

    async def action(self, kind: str, arg: str, msg: Incoming) -> list[Reply]:
        handler = self.actions.get(kind)
        if handler is None:
            return [Reply(texts.EXPIRED)]
        try:
            return await handler(self, msg, arg)
        except Exception:
            log.exception("button action %s failed", kind)
            return [Reply(texts.INTERNAL_ERROR)]

    def feedback(self, qid: int, platform: str, user_id: str, value: int) -> str:
        return texts.FEEDBACK_THANKS if self.db.feedback(qid, platform, user_id, value) else texts.EXPIRED

    # -- help ------------------------------------------------------------
    def knowledge(self) -> tuple[int, str, list[str]]:
        """What the bot knows, as /start and the web page say it: the number of articles, the
        newest one's date, and three example questions taken from the newest articles."""
        meta = self.answerer.articles()
        newest = next((display_date(a["date"]) for a in meta if a["date"]), "—")
        return len(meta), newest, self.answerer.example_questions(3)

    def help_text(self, msg: Incoming) -> str:
        articles, newest, questions = self.knowledge()
        examples = "\n".join(f"• {q}" for q in questions) or "• —"
        howto = texts.HOWTO_ZALO if msg.platform == "zalo" else (
            texts.HOWTO_PRIVATE if msg.chat_type == "private" else texts.HOWTO_GROUP)
        return texts.HELP.format(articles=articles, newest=newest, examples=examples, howto=howto)


_GREETING = re.compile(r"^(xin chao|chao|chao ban|chao bot|hello|hi|alo|hey)( ban| bot| ad| admin| unionbot)?[\s!.]*$")
_THANKS = re.compile(r"^(cam on|cam on ban|thanks|thank you|tks|ok cam on|da cam on|cam on nhieu)[\s!.]*$")


def _small_talk(question: str) -> str | None:
    """Greetings and thanks get a friendly word, not a search."""
    q = fold(question).strip()
    if _GREETING.match(q):
        return texts.GREETING
    if _THANKS.match(q):
        return texts.THANKS
    return None


# Words that ask nothing by themselves: a member starting to type ("Hỏi", "cho hỏi"), calling the bot
# ("bot ơi"), or a sentence particle.
_BARE_WORDS = {"hoi", "xin", "cho", "oi", "a", "ah", "nhe", "nha", "bot", "ad", "admin", "unionbot"}
# An acknowledgement after an answer: "ok", "dạ", "vâng", "ừ", a thumbs-up.
_ACK_WORDS = {"ok", "oke", "okay", "oki", "okie", "vang", "da", "u", "uh", "um", "uhm"}
_ACK_MARKS = ("👍", "👌", "🙏")


def _without_content(question: str) -> str | None:
    """A message with no word to search — punctuation, emoji, a zero-width space, a lone digit or
    "Hỏi" alone — gets a hint (an acknowledgement gets thanks), not three unrelated articles or an
    answer to a question nobody asked. A word of two letters or a number of two digits ("2024?"
    after an answer) is content."""
    words = re.findall(r"[^\W_]+", fold(question).lower())
    if any(len(w) >= 2 and w not in _BARE_WORDS and w not in _ACK_WORDS for w in words):
        return None
    said = [w for w in words if w not in _BARE_WORDS]
    acknowledged = any(mark in question for mark in _ACK_MARKS) or any(w in _ACK_WORDS for w in said)
    return texts.THANKS if acknowledged and all(w in _ACK_WORDS for w in said) else texts.NO_CONTENT


_LATEST = re.compile(r"^(cho (em|toi|minh) (xem )?)?(cac )?(bai|tin)( viet| tuc)? (moi nhat|moi)( la gi| nao| gi)?\s*\??$")


def _article_line(a: dict) -> str:
    date = display_date(a.get("date"))
    url = a.get("url")
    return f"• {a['title']}" + (f" · {date}" if date else "") + (f"\n  {url}" if url else "")


def shorten(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0] + "…"
