"""A fake Zalo Bot Platform API: JSON over real HTTP on 127.0.0.1.

getUpdates hands out one queued update per call and answers 408 when a long
poll ends empty, as the platform documents. Failures can be queued per method,
and the server can be taken down and brought back on the same port.
"""
from __future__ import annotations

import asyncio
import itertools
import time

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.servers import MessengerFaults, ThreadedServer

BOT_ID = "zbot-1"


class FakeZalo(MessengerFaults):
    def __init__(self, token: str = "zalo-token-1", display_name: str = "UnionBot"):
        self.token = token
        self.display_name = display_name  # the bot's name as set in Zalo Bot Creator (getMe)
        self.queue: list[dict] = []
        self.idle_polls = 0
        self.failures: dict[str, list[tuple[int, dict]]] = {}
        self.init_faults()  # outage, stall (servers.MessengerFaults)
        self._ids = itertools.count(1)
        self.app = Starlette(routes=[Route("/bot{token}/{method}", self.handle, methods=["POST"])])
        self.server = ThreadedServer(self.app)
        self.port = self.server.port

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> "FakeZalo":
        self.server.start()
        return self

    def stop(self) -> None:
        self.server.stop()

    def down(self) -> None:
        """Stop listening (clients get connection errors) until `up()`."""
        self.server.stop()

    def up(self) -> None:
        self.server = ThreadedServer(self.app, port=self.port).start()

    # -- test side ---------------------------------------------------------
    def update(self, text: str | None, user: str = "u1", chat: str | None = None, chat_type: str = "PRIVATE",
               event: str = "message.text.received", message_id: str | None = None) -> dict:
        upd = {"event_name": event, "message": {
            "message_id": message_id or f"m{next(self._ids)}", "date": int(time.time() * 1000),
            "from": {"id": user, "display_name": "Đoàn viên"},
            "chat": {"id": chat or user, "chat_type": chat_type}}}
        if text is not None:
            upd["message"]["text"] = text
        return upd

    def push(self, upd: dict) -> dict:
        with self._lock:
            self.queue.append(upd)
        return upd

    def fail(self, method: str, status: int, body: dict) -> None:
        self.failures.setdefault(method, []).append((status, body))

    def sent(self, chat_id: str | None = None, method: str = "sendMessage") -> list[dict]:
        with self._lock:
            out = [p for m, p in self.calls if m == method]
        return [p for p in out if chat_id is None or p.get("chat_id") == chat_id]

    async def wait_taken(self, timeout: float = 60) -> None:
        """Until the bot has taken every queued update and polled again (an event, not a sleep)."""
        with self._lock:
            seen = self.idle_polls
        deadline = time.time() + timeout
        while time.time() < deadline:
            with self._lock:
                if not self.queue and self.idle_polls > seen:
                    return
            await asyncio.sleep(0.02)
        raise AssertionError("the bot did not take the queued updates")

    async def wait_sent(self, n: int, chat_id: str | None = None, timeout: float = 60) -> list[dict]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            got = self.sent(chat_id)
            if len(got) >= n:
                return got
            await asyncio.sleep(0.05)
        raise AssertionError(f"expected {n} messages to {chat_id}, got {self.sent(chat_id)}")

    # -- server side -------------------------------------------------------
    async def handle(self, request: Request) -> Response:
        if request.path_params["token"] != self.token:
            return JSONResponse({"ok": False, "error_code": 401, "description": "Unauthorized"}, status_code=401)
        method = request.path_params["method"]
        params = await request.json() if await request.body() else {}
        faulty = await self.faulted(request, method, params)
        if faulty is not None:
            return faulty
        queued = self.failures.get(method)
        if queued:
            status, body = queued.pop(0)
            return JSONResponse(body, status_code=status)
        if method == "getMe":
            return JSONResponse({"ok": True, "result": {"id": BOT_ID, "account_name": "unionbot",
                                                         "display_name": self.display_name}})
        if method == "getUpdates":
            with self._lock:
                if not self.queue:
                    self.idle_polls += 1  # the bot asked again with nothing left: every update was taken
            deadline = time.time() + float(params.get("timeout") or 0)
            while True:
                with self._lock:
                    if self.queue:
                        return JSONResponse({"ok": True, "result": self.queue.pop(0)})
                if time.time() >= deadline:
                    return JSONResponse({"ok": False, "error_code": 408, "description": "Request timeout"})
                await asyncio.sleep(0.05)
        if method == "sendMessage":
            text = params.get("text") or ""
            if not 1 <= len(text) <= 2000:
                return JSONResponse({"ok": False, "error_code": 400, "description": "text must be 1-2000 chars"})
            return JSONResponse({"ok": True, "result": {"message_id": f"out{next(self._ids)}",
                                                         "date": int(time.time() * 1000)}})
        return JSONResponse({"ok": True, "result": True})
