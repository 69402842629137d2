"""Web adapter: the chat page and `POST /api/ask` (JSON in, the `ask --json` object out)."""
from __future__ import annotations

import time
from importlib.resources import files

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse
from starlette.routing import Route

from ..core import render
from ..core.conversation import Core
from ..core.messages import Incoming


class WebChannel:
    name = "web"

    def __init__(self, core: Core):
        self.core = core
        self.running = False

    async def start(self) -> None:
        self.running = True

    async def stop(self) -> None:
        self.running = False

    def routes(self) -> list[Route]:
        return [Route("/", self.page), Route("/api/ask", self.ask, methods=["POST"])]

    async def page(self, request: Request) -> HTMLResponse:
        return HTMLResponse(files("bot.channels").joinpath("chat.html").read_text(encoding="utf-8"))

    async def ask(self, request: Request) -> JSONResponse:
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
        replies = await self.core.handle(msg)
        ms = (time.perf_counter() - t) * 1000
        reply = replies[0]
        if reply.answer is None:  # flood limit, empty or too long question, small talk, error
            return JSONResponse({"id": None, "question": question, "found": False, "answer": reply.text,
                                 "span": None, "sources": [], "latency_ms": round(ms, 1)})
        return JSONResponse(render.as_json(reply.answer, ms, {"question": question}))
