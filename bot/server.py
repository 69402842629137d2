"""One process: every configured channel plus one HTTP app that mounts their routes
(webhooks, the web chat) beside /healthz.

The ASGI lifespan starts the channels and stops them on shutdown (SIGTERM via
uvicorn): in-flight answers finish before the process exits.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import time

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.middleware import Middleware
from starlette.routing import Route

from .channels.base import Channel
from .core import admin, backup
from .core.broadcast import Broadcaster
from .core.conversation import Core

log = logging.getLogger(__name__)


def with_broadcasts(core: Core, channels: list[Channel]) -> Broadcaster:
    return Broadcaster(core, {ch.name: ch for ch in channels if hasattr(ch, "post")})


def build_app(core: Core, channels: list[Channel], warm: bool = False,
              broadcaster: Broadcaster | None = None) -> Starlette:
    started = time.time()

    @contextlib.asynccontextmanager
    async def lifespan(app):
        for ch in channels:  # a bad token fails here, before the slow model load
            await ch.start()
        if warm:
            await asyncio.to_thread(core.answerer.warm)
        if broadcaster:
            await broadcaster.resume()  # finish what a restart interrupted
            await core.announce_pending()  # new articles a stop kept from being announced
        try:
            async with scheduled_work(core, broadcaster):
                yield
        finally:
            if broadcaster:
                await broadcaster.stop()
            for ch in reversed(channels):
                try:
                    await ch.stop()
                except Exception:
                    log.exception("stopping channel %s failed", ch.name)

    async def healthz(request: Request) -> JSONResponse:
        status = core.answerer.status()
        return JSONResponse({"ok": True, **status, "channels": {ch.name: bool(ch.running) for ch in channels},
                             "uptime_s": round(time.time() - started)})

    routes = [Route("/healthz", healthz)]
    for ch in channels:
        routes += ch.routes()
    headers = Middleware(SecurityHeaders, embed_origins=core.settings.web_embed_origins)
    return Starlette(routes=routes, lifespan=lifespan, middleware=[headers])


# Every response: no sniffing, no referrer to article sites, only our own scripts and styles (the
# chat page keeps them in /static, nothing inline) and no framing — except the chat page itself,
# which the sites in UNIONBOT_WEB_EMBED_ORIGINS may show in an iframe.
EMBEDDABLE = frozenset({"/"})


def security_headers(frame_ancestors: list[str] | None = None) -> list[tuple[bytes, bytes]]:
    ancestors = " ".join(frame_ancestors) if frame_ancestors else "'none'"
    headers = [
        (b"content-security-policy",
         f"default-src 'self'; frame-ancestors {ancestors}; base-uri 'none'; form-action 'self'".encode()),
        (b"x-content-type-options", b"nosniff"),
        (b"referrer-policy", b"no-referrer"),
    ]
    if not frame_ancestors:  # X-Frame-Options knows no list of sites; CSP says it where there is one
        headers.append((b"x-frame-options", b"DENY"))
    return headers


SECURITY_HEADERS = security_headers()


class SecurityHeaders:
    """Pure ASGI middleware (works for every route, streaming or not)."""

    def __init__(self, app, embed_origins: list[str] | None = None):
        self.app = app
        self.embeddable = security_headers(embed_origins) if embed_origins else SECURITY_HEADERS

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        extra = self.embeddable if scope["path"] in EMBEDDABLE else SECURITY_HEADERS

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + extra
            await send(message)

        await self.app(scope, receive, with_headers)


async def serve(core: Core, channels: list[Channel], host: str, port: int) -> None:
    import uvicorn

    app = build_app(core, channels, warm=True, broadcaster=with_broadcasts(core, channels))
    # proxy_headers off: uvicorn would otherwise take X-Forwarded-For from any local peer as the
    # client; the web channel decides whom to believe (UNIONBOT_TRUSTED_PROXIES).
    deadline = core.settings.shutdown_seconds
    config = uvicorn.Config(app, host=host, port=port, log_level="info", lifespan="on",
                            timeout_graceful_shutdown=deadline, proxy_headers=False)

    class Server(uvicorn.Server):
        def handle_exit(self, sig, frame) -> None:
            if not self.should_exit:
                stop_deadline(deadline)
            super().handle_exit(sig, frame)

    await Server(config).serve()


def stop_deadline(seconds: float) -> None:
    """On SIGTERM: what finishes within `seconds` (answers, a send under way) finishes; then the
    process ends whatever still runs — an index build in its thread, a send the messenger holds.
    Nothing is lost by that: a half-built index folder is removed and the store re-indexed at the
    next start, new articles not yet announced are announced then, and a post left `sending` is
    written off by its lease (never sent twice)."""
    def cut_short() -> None:
        log.warning("still busy %.0f s after the stop signal (UNIONBOT_SHUTDOWN_SECONDS): stopping now;"
                    " the next start finishes the pending work", seconds)
        logging.shutdown()
        os._exit(0)

    log.info("stop signal: work still running after %.0f s is cut short", seconds)
    timer = threading.Timer(seconds, cut_short)
    timer.daemon = True
    timer.start()


@contextlib.asynccontextmanager
async def scheduled_work(core: Core, broadcaster: Broadcaster | None):
    """What runs beside the channels however the bot is run (`serve`, or `telegram` / `zalo` long
    polling): feeds, event reminders, the broadcast ledger, backups, the daily purge, and following
    the store (another worker's or the CLI's changes). Stopped on leaving."""
    s = core.settings
    loops = [purge_loop(core)]
    if s.feed_urls:
        loops.append(feed_loop(core))
    if broadcaster:
        loops.append(ledger_loop(core, broadcaster))
        if s.event_reminders:
            loops.append(reminder_loop(core, broadcaster))
    if s.backup_dir:
        loops.append(backup_loop(core))
    tasks = [asyncio.create_task(loop) for loop in loops]
    follower = core.answerer.follow_store(s.store_poll_seconds)
    try:
        yield
    finally:
        follower.stop()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


PURGE_SECONDS = 86400  # question texts past UNIONBOT_QUESTION_RETENTION_DAYS go within a day of it


async def purge_loop(core: Core) -> None:
    """The retention purge every day, not only at a start or a scheduled backup: a bot that runs
    for months without either still forgets question texts on time."""
    while True:
        await asyncio.sleep(PURGE_SECONDS)
        try:
            await asyncio.to_thread(core.db.purge, core.settings.question_retention_days)
        except Exception:
            log.exception("purge failed")


async def feed_loop(core: Core) -> None:
    """Poll the configured RSS/Atom feeds on a schedule; new items are added like /them. Of
    several workers on one database, one polls at a time (an advisory lock)."""
    while True:
        try:
            with core.db.exclusive("feeds") as mine:
                if mine:
                    await admin.poll_feeds(core)
        except Exception:
            log.exception("feed polling failed")
        await asyncio.sleep(core.settings.feed_interval_minutes * 60)


async def ledger_loop(core: Core, broadcaster: Broadcaster) -> None:
    """Posts planned by another worker (or left by one that died) are taken up here."""
    while True:
        await asyncio.sleep(core.settings.broadcast_poll_seconds)
        try:
            await broadcaster.resume()
        except Exception:
            log.exception("broadcast ledger check failed")


async def backup_loop(core: Core) -> None:
    """Scheduled backups (UNIONBOT_BACKUP_DIR) for admins who never touch the server: one every
    UNIONBOT_BACKUP_INTERVAL_HOURS, the newest UNIONBOT_BACKUP_KEEP kept; of several workers on
    one database, one writes it (an advisory lock)."""
    s = core.settings
    while True:
        await asyncio.sleep(backup.due_in(s.backup_dir, s.backup_interval_hours * 3600))  # (a restart waits too)
        try:
            with core.db.exclusive("backup") as mine:
                if mine:
                    path = await asyncio.to_thread(backup.scheduled, core.answerer.database, s.backup_dir,
                                                   s.backup_keep, s.question_retention_days)
                    core.db.audit("scheduler", "backup", "backup", str(path), "ok")
        except Exception as e:
            log.exception("scheduled backup failed")
            core.db.audit("scheduler", "backup", "backup", str(s.backup_dir), f"failed: {type(e).__name__}: {e}"[:300])
            await asyncio.sleep(min(3600, s.backup_interval_hours * 3600))  # not at once again


REMINDER_CHECK_MINUTES = 30  # how often tomorrow's events are looked for (a reminder is planned once)


async def reminder_loop(core: Core, broadcaster: Broadcaster) -> None:
    """Reminders of tomorrow's events to subscribed chats (UNIONBOT_EVENT_REMINDERS=true)."""
    while True:
        try:
            await broadcaster.remind(core.today())
        except Exception:
            log.exception("event reminders failed")
        await asyncio.sleep(REMINDER_CHECK_MINUTES * 60)


async def run_channels(core: Core, channels: list[Channel]) -> None:
    """Channels without an HTTP app (long polling): run until SIGINT/SIGTERM."""
    import signal

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()

    def stopping() -> None:
        if not stop.is_set():
            stop_deadline(core.settings.shutdown_seconds)
        stop.set()

    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stopping)
    broadcaster = with_broadcasts(core, channels)
    for ch in channels:
        await ch.start()
    await asyncio.to_thread(core.answerer.warm)
    await broadcaster.resume()
    await core.announce_pending()
    try:
        async with scheduled_work(core, broadcaster):
            await stop.wait()
    finally:
        await broadcaster.stop()
        for ch in reversed(channels):
            await ch.stop()
