"""Subscribed chats hear about new articles — exactly once per article and chat.

A durable ledger (article × chat) is written before anything is sent; each row
goes pending → sending (leased to one worker) → sent / failed / removed, so a crash
or restart resumes where it stopped, and workers sharing one database split the
rows without ever sending one twice (see BotDB.claim_broadcast). Sending is paced below the platforms' limits so members' answers keep
flowing while a broadcast runs.
"""
from __future__ import annotations

import asyncio
import datetime
import logging
import time
from typing import TYPE_CHECKING, Callable

from . import texts
from .messages import (ChatGone, ChatMoved, Incoming, Post, Reply, Sender, SendFailed, SendLater, SendUnknown,
                       article_key, send_backoff)

if TYPE_CHECKING:
    from .conversation import Core

log = logging.getLogger(__name__)


REMINDER = "nhac"  # ledger keys "nhac:<YYYY-MM-DD>:<article id>": one reminder per event day and article


CONFIRM_SECONDS = 3600  # a /phatsong preview waits this long for /xacnhan
CLOCK_SKEW_SECONDS = 60  # a preview made by another worker whose clock runs a little ahead is no forgery


def _confirm_key(msg: Incoming) -> str:
    return f"confirm:{msg.platform}:{msg.user_id}"


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
        self._run_lock = asyncio.Lock()
        self.tasks: set[asyncio.Task] = set()
        self.in_flight: set[asyncio.Future] = set()  # sends under way (shielded from a stop)
        self.trouble: dict[str, int] = {}  # platform → failed sends in a row: the backoff doubles with it
        # ledger key → the admin who asked for it: whichever run sends a key reports to that admin (a
        # run waiting out an outage also sends what a second admin confirmed meanwhile).
        self.requested: dict[str, Incoming] = {}
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
        # An article id only: a reminder's ledger key ("nhac:<day>:<id>") is the scheduler's, not an admin's.
        post = make_post(core, article_id) if core.answerer.article(article_id) is not None else None
        if post is None:
            return [Reply(texts.ADMIN_NOT_FOUND_ID.format(id=article_id))]
        n = len(core.db.subscriptions())
        if n == 0:
            return [Reply(texts.BROADCAST_NO_SUBSCRIBERS)]
        core.db.state_put(_confirm_key(msg), article_id)  # stored: the admin's reply may reach another worker
        core.db.audit(msg.platform, msg.user_id, "phatsong", article_id, "preview")
        confirm = texts.BROADCAST_CONFIRM_ZALO if msg.platform == "zalo" else ""
        return [Reply(texts.BROADCAST_PREVIEW.format(n=n)), Reply(post=post),
                Reply(confirm, buttons=[(texts.BUTTON_CONFIRM.format(n=n),
                                         f"b:{article_key(article_id)}.{int(time.time())}")])]  # (when: see confirm_action)

    async def confirm_cmd(self, core: "Core", msg: Incoming) -> list[Reply]:
        article_id = core.db.state_get(_confirm_key(msg), CONFIRM_SECONDS)
        core.db.state_put(_confirm_key(msg), None)
        if article_id is None:
            return [Reply(texts.BROADCAST_NOTHING)]
        return await self._confirmed(msg, article_id)

    async def confirm_action(self, core: "Core", msg: Incoming, arg: str) -> list[Reply]:
        """The "✅ Gửi cho N" button ("<article key>.<preview time>"): it expires as /xacnhan does,
        after CONFIRM_SECONDS, so an old preview tapped days later sends nothing."""
        if not core.is_admin(msg.platform, msg.user_id):
            core.db.audit(msg.platform, msg.user_id, "phatsong", arg, "refused: not admin")
            return [Reply(texts.NOT_ADMIN)]
        key, _, at = arg.partition(".")
        article_id = self._resolve(key)
        if article_id is None:
            return [Reply(texts.EXPIRED)]
        # (isdecimal: "²" is a digit int() cannot read; a time to come would never expire)
        if not at.isdecimal() or not -CLOCK_SKEW_SECONDS <= time.time() - int(at) <= CONFIRM_SECONDS:
            core.db.audit(msg.platform, msg.user_id, "phatsong", article_id, "refused: preview expired")
            return [Reply(texts.BROADCAST_EXPIRED.format(minutes=CONFIRM_SECONDS // 60, id=article_id))]
        core.db.state_put(_confirm_key(msg), None)
        return await self._confirmed(msg, article_id)

    async def _confirmed(self, msg: Incoming, article_id: str) -> list[Reply]:
        self.core.db.audit(msg.platform, msg.user_id, "phatsong", article_id, "confirmed")
        planned = self.core.db.plan_broadcast(article_id)
        if planned == 0:
            return [Reply(texts.BROADCAST_ALREADY)]
        self.spawn(msg, [article_id])
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
            self.spawn(origin, ids)

    def spawn(self, report_to: Incoming | None = None, keys: list[str] = ()) -> asyncio.Task:
        for key in keys if report_to else ():
            self.requested[key] = report_to
        task = asyncio.create_task(self.run())
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)
        return task

    async def resume(self) -> None:
        """At start-up, and periodically: finish whatever a crash, a restart or another worker
        left pending."""
        if self.core.db.pending_broadcasts() and not self._run_lock.locked():
            self.spawn()

    async def stop(self) -> None:
        """Stop sending; a send already under way finishes and records its outcome first."""
        for t in list(self.tasks):
            t.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
        await asyncio.gather(*self.in_flight, return_exceptions=True)

    async def run(self) -> None:
        """Send every pending row, leasing one at a time, so workers on one database share the
        work and none sends a row another already took. Each key's progress goes to the admin who
        asked for it (`requested`)."""
        async with self._run_lock:  # one sender per process keeps the pace predictable
            db = self.core.db
            lease = self.core.settings.broadcast_lease_seconds
            posts: dict[str, Post | None] = {}
            tell = self._reporter()
            totals: dict[str, int] = {}
            done: dict[str, int] = {}
            told_waiting: set[tuple[str, str]] = set()  # an admin hears once that the run waits, not at each round
            while True:
                row = await asyncio.to_thread(db.claim_broadcast, lease)
                if row is None:
                    # Rows still pending wait out a messenger's backoff: the run waits with them, so
                    # the admin's summary comes when every chat has its outcome, not at the first outage.
                    due = await asyncio.to_thread(db.next_due, list(posts))
                    if due is None:
                        break
                    for key in posts:
                        chat = self._admin_chat(key)
                        if chat and chat not in told_waiting:
                            told_waiting.add(chat)
                            left = sum(db.broadcast_counts(k).get("pending", 0) for k in posts
                                       if self._admin_chat(k) == chat)
                            tell(key,  texts.BROADCAST_WAITING.format(n=left, seconds=max(1, round(due))))
                    await asyncio.sleep(min(max(due, 0.05), self.core.settings.broadcast_poll_seconds))
                    continue
                key, platform, chat_id = row["article_id"], row["platform"], row["chat_id"]
                if key not in posts:
                    posts[key] = make_post(self.core, key)
                    counts = db.broadcast_counts(key)
                    totals[key], done[key] = counts.get("pending", 0) + 1, 0
                    if posts[key]:
                        tell(key, texts.BROADCAST_STARTED.format(title=posts[key].title, n=totals[key]))
                post = posts[key]
                if post is None:
                    db.mark_broadcast(key, platform, chat_id, "failed", "article removed")
                    continue
                # Shielded, and awaited by stop(): a stop during a send still records its outcome,
                # so a restart neither repeats nor skips this chat.
                delivery = asyncio.ensure_future(self._deliver(post, platform, chat_id))
                self.in_flight.add(delivery)
                delivery.add_done_callback(self.in_flight.discard)
                if await asyncio.shield(delivery):  # a retry neither counts nor repeats a progress line
                    done[key] += 1
                    step = max(1, totals[key] // 4)
                    if done[key] % step == 0 and done[key] < totals[key]:
                        tell(key, texts.BROADCAST_PROGRESS.format(done=done[key], total=totals[key]))
                await asyncio.sleep(self.interval)
            for key, post in posts.items():
                counts = db.broadcast_counts(key)
                db.audit("broadcast", "system", "broadcast", key,
                         ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
                if post:
                    unknown = counts.get("unknown", 0)
                    tell(key, texts.BROADCAST_REPORT.format(
                        title=post.title, sent=counts.get("sent", 0), failed=counts.get("failed", 0),
                        removed=counts.get("removed", 0))
                         + (texts.BROADCAST_REPORT_UNKNOWN.format(n=unknown) if unknown else ""))
                self.requested.pop(key, None)

    def _admin_chat(self, key: str) -> tuple[str, str] | None:
        """(platform, chat) of the admin who asked for the key, if one did."""
        to = self.requested.get(key)
        return (to.platform, to.chat_id) if to else None

    def _reporter(self) -> Callable[[str, str], None]:
        """`tell(key, text)`: progress lines to the admin who asked for the key (none for a key
        nobody asked for), in order per admin, without holding up the posts (while the messenger is
        in trouble a reply waits on its pings); a stop cancels what is unsaid."""
        last: dict[tuple[str, str], asyncio.Task] = {}

        def tell(key: str, text: str) -> None:
            to, chat = self.requested.get(key), self._admin_chat(key)
            if to is None:
                return
            before = last.get(chat)

            async def say() -> None:
                if before is not None:
                    await asyncio.gather(before, return_exceptions=True)
                await to.say(text)

            last[chat] = task = asyncio.ensure_future(say())
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)
        return tell

    def _backoff(self, platform: str) -> float:
        """The wait before the platform's next post after one more failed send (`send_backoff` of
        the failed sends in a row, any chat's)."""
        n = self.trouble.get(platform, 0)
        self.trouble[platform] = n + 1
        return send_backoff(self.core.settings, n)

    async def remind(self, today: datetime.date) -> int:
        """Plan a reminder, for every subscribed chat, of each event dated tomorrow; the ledger
        keeps it to once per chat and event, across restarts. Returns the rows planned."""
        tomorrow = today + datetime.timedelta(days=1)
        planned = 0
        for event in await asyncio.to_thread(self.core.answerer.upcoming, tomorrow):
            if event.date == tomorrow:
                planned += self.core.db.plan_broadcast(reminder_key(event.date, event.article_id))
        if planned:
            self.spawn()
        return planned

    async def _deliver(self, post: Post, platform: str, chat_id: str) -> bool:
        """Send one post and record its outcome; False when the row is pending again (a retry)."""
        db = self.core.db
        sender = self.senders.get(platform)
        if sender is None:
            db.mark_broadcast(post.key, platform, chat_id, "failed", f"no {platform} channel running")
            return True
        try:
            if sender.doubtful:  # a send timed out: risk no post until the messenger answers again
                await sender.ping()
            await sender.post(chat_id, post)
            self.trouble.pop(platform, None)
            db.mark_broadcast(post.key, platform, chat_id, "sent")
        except ChatMoved as e:
            db.move_subscription(platform, chat_id, e.new_id)
            db.mark_broadcast(post.key, platform, chat_id, "moved", e.new_id)
            db.ledger_add(post.key, platform, e.new_id)  # pending: the next claim sends it
        except ChatGone as e:
            db.unsubscribe(platform, chat_id)
            db.mark_broadcast(post.key, platform, chat_id, "removed", str(e)[:200])
        except SendLater as e:  # the messenger is away: the ledger keeps the row for later
            delay = self._backoff(platform)
            status = db.retry_broadcast(post.key, platform, chat_id, str(e), delay,
                                        self.core.settings.broadcast_give_up_hours * 3600)
            log.warning("%s unreachable for a broadcast post (%s): %s", platform, e,
                        f"next try in {delay:.1f}s" if status == "pending" else "given up")
            return status != "pending"
        except SendUnknown as e:  # it may have been delivered: never sent again, the others wait
            db.mark_broadcast(post.key, platform, chat_id, "unknown", f"no answer, may be delivered: {e}"[:200])
            delay = self._backoff(platform)
            db.defer_platform(platform, delay)
            log.warning("%s took a broadcast post to %s and never answered (%s): recorded unknown, not "
                        "repeated; next try in %.1fs", platform, chat_id, e, delay)
        except SendFailed as e:
            db.mark_broadcast(post.key, platform, chat_id, "failed", str(e)[:200])
        except Exception as e:  # never let one chat stop the rest
            log.exception("broadcast to %s:%s failed", platform, chat_id)
            db.mark_broadcast(post.key, platform, chat_id, "failed", f"{type(e).__name__}: {e}"[:200])
        return True
