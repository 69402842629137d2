"""One process: every configured channel plus one HTTP app (webhooks, health, web chat).

The ASGI lifespan starts the channels and stops them on shutdown (SIGTERM via
uvicorn): in-flight answers finish before the process exits.
"""
from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from importlib.resources import files
from typing import Protocol

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from . import render
from .core import Core, Incoming

log = logging.getLogger(__name__)


class Channel(Protocol):
    name: str
    running: bool

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    def routes(self) -> list[Route]: ...


def with_broadcasts(core: Core, channels: list[Channel]):
    from .broadcast import Broadcaster

    return Broadcaster(core, {ch.name: ch for ch in channels})


def build_app(core: Core, channels: list[Channel], web: bool = True, warm: bool = False,
              broadcaster=None) -> Starlette:
    started = time.time()

    @contextlib.asynccontextmanager
    async def lifespan(app):
        for ch in channels:  # a bad token fails here, before the slow model load
            await ch.start()
        if warm:
            await asyncio.to_thread(core.answerer.warm)
        feeds = asyncio.create_task(feed_loop(core)) if core.settings.feed_urls else None
        if broadcaster:
            await broadcaster.resume()  # finish what a restart interrupted
        try:
            yield
        finally:
            if feeds:
                feeds.cancel()
            if broadcaster:
                await broadcaster.stop()
            for ch in reversed(channels):
                try:
                    await ch.stop()
                except Exception:
                    log.exception("stopping channel %s failed", ch.name)

    async def healthz(request: Request) -> JSONResponse:
        ix = core.answerer._index
        articles, chunks = core.answerer.store.count()
        return JSONResponse({
            "ok": True, "index_version": ix.version if ix else None, "articles": articles, "chunks": chunks,
            "channels": {ch.name: bool(ch.running) for ch in channels}, "uptime_s": round(time.time() - started),
            "last_build_error": core.answerer.last_build_error,
        })

    async def page(request: Request) -> HTMLResponse:
        return HTMLResponse(files("bot.web").joinpath("chat.html").read_text(encoding="utf-8"))

    async def api_ask(request: Request) -> JSONResponse:
        try:
            body = await request.json()
            question = body.get("question") if isinstance(body, dict) else None
        except ValueError:
            question = None
        if not isinstance(question, str):
            return JSONResponse({"error": "Body phải là JSON {\"question\": \"...\"}"}, status_code=400)
        msg = Incoming(platform="web", chat_id="web", user_id=request.client.host if request.client else "web",
                       text=question)
        t = time.perf_counter()
        replies = await core.handle(msg)
        ms = (time.perf_counter() - t) * 1000
        reply = replies[0]
        if reply.answer is None:  # flood limit, empty or too long question, error
            return JSONResponse({"id": None, "question": question, "found": False, "answer": reply.text,
                                 "span": None, "sources": [], "latency_ms": round(ms, 1)})
        return JSONResponse(render.as_json(reply.answer, ms, {"question": question}))

    routes = [Route("/healthz", healthz)]
    if web:
        routes += [Route("/", page), Route("/api/ask", api_ask, methods=["POST"])]
    for ch in channels:
        routes += ch.routes()
    return Starlette(routes=routes, lifespan=lifespan)


async def serve(core: Core, channels: list[Channel], host: str, port: int, web: bool = True) -> None:
    import uvicorn

    app = build_app(core, channels, web=web, warm=True, broadcaster=with_broadcasts(core, channels))
    config = uvicorn.Config(app, host=host, port=port, log_level="info", lifespan="on",
                            timeout_graceful_shutdown=30)
    await uvicorn.Server(config).serve()


async def feed_loop(core: Core) -> None:
    """Poll the configured RSS/Atom feeds on a schedule; new items are added like /them."""
    from .admin import poll_feeds

    while True:
        try:
            await poll_feeds(core)
        except Exception:
            log.exception("feed polling failed")
        await asyncio.sleep(max(1, core.settings.feed_interval_minutes) * 60)


async def run_channels(core: Core, channels: list[Channel]) -> None:
    """Channels without an HTTP app (long polling): run until SIGINT/SIGTERM."""
    import signal

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    broadcaster = with_broadcasts(core, channels)
    for ch in channels:
        await ch.start()
    await asyncio.to_thread(core.answerer.warm)
    await broadcaster.resume()
    try:
        await stop.wait()
    finally:
        await broadcaster.stop()
        for ch in reversed(channels):
            await ch.stop()
