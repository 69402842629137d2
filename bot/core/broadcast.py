"""Subscribed chats hear about new articles — exactly once per article and chat.

A durable ledger (article × chat) is written before anything is sent; each row
goes pending → sent / failed / removed, so a crash or restart resumes where it
stopped. Sending is paced below the platforms' limits so members' answers keep
flowing while a broadcast runs.
"""
from __future__ import annotations

import asyncio
import datetime
import logging
from typing import TYPE_CHECKING

from . import texts
from .messages import ChatGone, ChatMoved, Incoming, Post, Reply, Sender, SendFailed, article_key

if TYPE_CHECKING:
    from .conversation import Core

log = logging.getLogger(__name__)


REMINDER = "nhac"  # ledger keys "nhac:<YYYY-MM-DD>:<article id>": one reminder per event day and article


def reminder_key(day: datetime.date, article_id: str) -> str:
    return f"{REMINDER}:{day.isoformat()}:{article_id}"


def make_post(core: "Core", key: str) -> Post | None:
    """The post a ledger key stands for: a new article, or the reminder of an event."""
    if key.startswith(f"{REMINDER}:"):
        _, day, article_id = key.split(":", 2)
        event = core.answerer.event(article_id, datetime.date.fromisoformat(day))
        if event is None:
            return None
        return Post(article_id, event.title, None, event.url, event.text, key=key,
                    header=texts.REMINDER_HEADER.format(date=event.date.strftime("%d/%m/%Y")))
    art = core.answerer.article(key)
    if art is None:
        return None
    return Post(art.id, art.title, art.date, art.url, core.answerer.summary(key) or "")


class Broadcaster:
    def __init__(self, core: "Core", senders: dict[str, Sender], rate_per_second: float = 15.0):
        self.core = core
        self.senders = senders
        self.interval = 1.0 / rate_per_second
        self.awaiting_confirm: dict[tuple[str, str], str] = {}
        self._run_lock = asyncio.Lock()
        self.tasks: set[asyncio.Task] = set()
        self.in_flight: set[asyncio.Future] = set()  # sends under way (shielded from a stop)
        core.admin_handlers.update({"dangky": self.subscribe_cmd, "huydangky": self.unsubscribe_cmd,
                                    "phatsong": self.preview_cmd, "xacnhan": self.confirm_cmd})
        core.actions.update({"a": self.ask_about_action, "b": self.confirm_action})
        if core.settings.auto_broadcast:
            core.new_article_listeners.append(self.on_new_articles)

    # -- subscriptions ---------------------------------------------------
    async def subscribe_cmd(self, core: "Core", msg: Incoming) -> list[Reply]:
        return [self._subscription(msg, subscribe=True)]

    async def unsubscribe_cmd(self, core: "Core", msg: Incoming) -> list[Reply]:
        return [self._subscription(msg, subscribe=False)]

    def _subscription(self, msg: Incoming, subscribe: bool) -> Reply:
        group = msg.chat_type != "private"
        if group and not (msg.is_chat_admin or self.core.is_admin(msg.platform, msg.user_id)):
            return Reply(texts.SUBSCRIBE_GROUP_ADMIN_ONLY)
        where = texts.WHERE_GROUP if group else texts.WHERE_PRIVATE
        db = self.core.db
        if subscribe:
            ok = db.subscribe(msg.platform, msg.chat_id, "group" if group else "private")
            db.audit(msg.platform, msg.user_id, "dangky", msg.chat_id, "subscribed" if ok else "already")
            return Reply(texts.SUBSCRIBED.format(where=where) if ok else texts.ALREADY_SUBSCRIBED.format(where=where))
        ok = db.unsubscribe(msg.platform, msg.chat_id)
        db.audit(msg.platform, msg.user_id, "huydangky", msg.chat_id, "unsubscribed" if ok else "not subscribed")
        return Reply(texts.UNSUBSCRIBED if ok else texts.NOT_SUBSCRIBED.format(where=where))

    # -- admin preview and confirmation ----------------------------------
    async def preview_cmd(self, core: "Core", msg: Incoming) -> list[Reply]:
        article_id = msg.args.strip()
        if not article_id:
            return [Reply(texts.BROADCAST_USAGE)]
        post = make_post(core, article_id)
        if post is None:
            return [Reply(texts.ADMIN_NOT_FOUND_ID.format(id=article_id))]
        n = len(core.db.subscriptions())
        if n == 0:
            return [Reply(texts.BROADCAST_NO_SUBSCRIBERS)]
        self.awaiting_confirm[(msg.platform, msg.user_id)] = article_id
        core.db.audit(msg.platform, msg.user_id, "phatsong", article_id, "preview")
        confirm = texts.BROADCAST_CONFIRM_ZALO if msg.platform == "zalo" else ""
        return [Reply(texts.BROADCAST_PREVIEW.format(n=n)), Reply(post=post),
                Reply(confirm, buttons=[(texts.BUTTON_CONFIRM.format(n=n), f"b:{article_key(article_id)}")])]

    async def confirm_cmd(self, core: "Core", msg: Incoming) -> list[Reply]:
        article_id = self.awaiting_confirm.pop((msg.platform, msg.user_id), None)
        if article_id is None:
            return [Reply(texts.BROADCAST_NOTHING)]
        return await self._confirmed(msg, article_id)

    async def confirm_action(self, core: "Core", msg: Incoming, key: str) -> list[Reply]:
        if not core.is_admin(msg.platform, msg.user_id):
            core.db.audit(msg.platform, msg.user_id, "phatsong", key, "refused: not admin")
            return [Reply(texts.NOT_ADMIN)]
        article_id = self._resolve(key)
        if article_id is None:
            return [Reply(texts.EXPIRED)]
        self.awaiting_confirm.pop((msg.platform, msg.user_id), None)
        return await self._confirmed(msg, article_id)

    async def _confirmed(self, msg: Incoming, article_id: str) -> list[Reply]:
        self.core.db.audit(msg.platform, msg.user_id, "phatsong", article_id, "confirmed")
        planned = self.core.db.plan_broadcast(article_id)
        if planned == 0:
            return [Reply(texts.BROADCAST_ALREADY)]
        self.spawn(msg)
        return []

    async def ask_about_action(self, core: "Core", msg: Incoming, key: str) -> list[Reply]:
        article_id = self._resolve(key)
        art = core.answerer.article(article_id) if article_id else None
        if art is None:
            return [Reply(texts.EXPIRED)]
        examples = "\n".join(f"• {q}" for q in core.answerer.example_questions_for(article_id))
        return [Reply(texts.ASK_ABOUT.format(title=art.title, examples=examples))]

    def _resolve(self, key: str) -> str | None:
        return next((a["id"] for a in self.core.answerer.articles() if article_key(a["id"]) == key), None)

    # -- sending ---------------------------------------------------------
    async def on_new_articles(self, ids: list[str], origin: Incoming | None) -> None:
        planned = sum(self.core.db.plan_broadcast(a) for a in ids)
        if planned:
            self.spawn(origin)

    def spawn(self, report_to: Incoming | None = None) -> asyncio.Task:
        task = asyncio.create_task(self.run(report_to))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def resume(self) -> None:
        """At start-up: finish whatever a crash or restart left pending."""
        if self.core.db.pending_broadcasts():
            self.spawn(None)

    async def stop(self) -> None:
        """Stop sending; a send already under way finishes and records its outcome first."""
        for t in list(self.tasks):
            t.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        await asyncio.gather(*self.in_flight, return_exceptions=True)

    async def run(self, report_to: Incoming | None = None) -> None:
        async with self._run_lock:  # one sender at a time keeps the pace predictable
            rows = self.core.db.pending_broadcasts()
            if not rows:
                return
            by_article: dict[str, list[dict]] = {}
            for r in rows:
                by_article.setdefault(r["article_id"], []).append(r)
            for article_id, items in by_article.items():
                await self._send_article(article_id, items, report_to)

    async def remind(self, today: datetime.date) -> int:
        """Plan a reminder, for every subscribed chat, of each event dated tomorrow; the ledger
        keeps it to once per chat and event, across restarts. Returns the rows planned."""
        tomorrow = today + datetime.timedelta(days=1)
        planned = 0
        for event in await asyncio.to_thread(self.core.answerer.upcoming, tomorrow):
            if event.date == tomorrow:
                planned += self.core.db.plan_broadcast(reminder_key(event.date, event.article_id))
        if planned:
            self.spawn(None)
        return planned

    async def _send_article(self, article_id: str, rows: list[dict], report_to: Incoming | None) -> None:
        db = self.core.db
        post = make_post(self.core, article_id)
        if post is None:
            for r in rows:
                db.mark_broadcast(article_id, r["platform"], r["chat_id"], "failed", "article removed")
            return
        if report_to:
            await report_to.say(texts.BROADCAST_STARTED.format(title=post.title, n=len(rows)))
        step = max(1, len(rows) // 4)
        for i, r in enumerate(rows, 1):
            # Shielded, and awaited by stop(): a stop during a send still records its outcome,
            # so a restart neither repeats nor skips this chat.
            delivery = asyncio.ensure_future(self._deliver(post, r["platform"], r["chat_id"]))
            self.in_flight.add(delivery)
            delivery.add_done_callback(self.in_flight.discard)
            await asyncio.shield(delivery)
            if report_to and i % step == 0 and i < len(rows):
                await report_to.say(texts.BROADCAST_PROGRESS.format(done=i, total=len(rows)))
            await asyncio.sleep(self.interval)
        counts = db.broadcast_counts(article_id)
        db.audit("broadcast", "system", "broadcast", article_id,
                 ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
        if report_to:
            await report_to.say(texts.BROADCAST_REPORT.format(
                title=post.title, sent=counts.get("sent", 0), failed=counts.get("failed", 0),
                removed=counts.get("removed", 0)))

    async def _deliver(self, post: Post, platform: str, chat_id: str) -> None:
        db = self.core.db
        sender = self.senders.get(platform)
        if sender is None:
            db.mark_broadcast(post.key, platform, chat_id, "failed", f"no {platform} channel running")
            return
        try:
            await sender.post(chat_id, post)
            db.mark_broadcast(post.key, platform, chat_id, "sent")
        except ChatMoved as e:
            db.move_subscription(platform, chat_id, e.new_id)
            db.mark_broadcast(post.key, platform, chat_id, "moved", e.new_id)
            db.ledger_add(post.key, platform, e.new_id)
            await self._deliver(post, platform, e.new_id)
        except ChatGone as e:
            db.unsubscribe(platform, chat_id)
            db.mark_broadcast(post.key, platform, chat_id, "removed", str(e)[:200])
        except SendFailed as e:
            db.mark_broadcast(post.key, platform, chat_id, "failed", str(e)[:200])
        except Exception as e:  # never let one chat stop the rest
            log.exception("broadcast to %s:%s failed", platform, chat_id)
            db.mark_broadcast(post.key, platform, chat_id, "failed", f"{type(e).__name__}: {e}"[:200])
