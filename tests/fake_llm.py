"""A fake OpenAI-compatible model server (POST /v1/chat/completions) on 127.0.0.1, ours.

A test sets what it does next: answer with a given text, stall past the client's timeout (until
released, bounded), answer 500, or answer something that is no chat completion. Every request
is kept, so tests can see what the bot sent — and that it sent nothing when it should not.
"""
from __future__ import annotations

import asyncio
import threading

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse
from starlette.routing import Route

from tests.servers import ThreadedServer

STALL_LIMIT = 30  # seconds a stalled answer waits at most for `release` (the test's timeout is far below)


class FakeLLM:
    def __init__(self):
        self.mode = "text"  # "text", "stall", "500", "garbage"
        self.text = "KHÔNG CÓ"
        self.requests: list[dict] = []
        self.headers: list[dict] = []
        self.released = threading.Event()
        self.app = Starlette(routes=[Route("/v1/chat/completions", self.handle, methods=["POST"])])
        self.server = ThreadedServer(self.app)

    @property
    def url(self) -> str:
        return f"{self.server.url}/v1"

    def start(self) -> "FakeLLM":
        self.server.start()
        return self

    def stop(self) -> None:
        self.released.set()
        self.server.stop()

    def says(self, text: str) -> None:
        self.mode, self.text = "text", text

    async def handle(self, request: Request):
        self.requests.append(await request.json())
        self.headers.append(dict(request.headers))
        if self.mode == "stall":
            await asyncio.to_thread(self.released.wait, STALL_LIMIT)
        if self.mode == "500":
            return PlainTextResponse("model crashed", status_code=500)
        if self.mode == "garbage":
            return JSONResponse({"error": "no choices here"})
        return JSONResponse({"id": "cmpl-1", "object": "chat.completion", "model": request.headers.get("x-model", "fake"),
                             "choices": [{"index": 0, "finish_reason": "stop",
                                          "message": {"role": "assistant", "content": self.text}}]})
