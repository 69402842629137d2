"""Web adapter: the chat page and `POST /api/ask` (JSON in, the `ask --json` object out).

Hardened for a public page: JSON only (415), 64 KB bodies (413), malformed or too deep JSON
→ 400; the per-minute limit is keyed on a signed per-browser session cookie (the client's
IP only for requests without one), `X-Forwarded-For` is believed only from
UNIONBOT_TRUSTED_PROXIES, and a member asking too fast gets 429 with Retry-After.
"""
from __future__ import annotations

import hashlib
import hmac
import ipaddress
import json
import secrets
import time
from importlib.resources import files

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..core import render, texts
from ..core.conversation import Core
from ..core.messages import Incoming

MAX_BODY = 64 * 1024  # a question is at most 1,000 characters; nothing legitimate comes near this
COOKIE = "ub_session"
STATIC = {"chat.css": "text/css; charset=utf-8", "chat.js": "text/javascript; charset=utf-8"}


class WebChannel:
    name = "web"

    def __init__(self, core: Core):
        self.core = core
        self.running = False
        self.secret = core.db.shared_secret("web-session")  # signs session cookies, the same on every worker
        self.trusted = [ipaddress.ip_network(p, strict=False) for p in core.settings.trusted_proxies]

    async def start(self) -> None:
        self.running = True

    async def stop(self) -> None:
        self.running = False

    def routes(self) -> list[Route]:
        return [Route("/", self.page), Route("/static/{name}", self.static),
                Route("/api/ask", self.ask, methods=["POST"])]

    async def page(self, request: Request) -> HTMLResponse:
        return HTMLResponse(files("bot.channels").joinpath("chat.html").read_text(encoding="utf-8"))

    async def static(self, request: Request) -> Response:
        name = request.path_params["name"]
        if name not in STATIC:
            return Response("not found", status_code=404)
        return Response(files("bot.channels").joinpath("static", name).read_bytes(), media_type=STATIC[name])

    # -- who is asking ------------------------------------------------------------
    def client_ip(self, request: Request) -> str:
        """The peer, or — behind a trusted proxy — the last address the proxies did not add."""
        peer = request.client.host if request.client else "unknown"
        chain = [peer]
        forwarded = request.headers.get("x-forwarded-for", "")
        if forwarded and self._trusted(peer):
            chain = [p.strip() for p in forwarded.split(",") if p.strip()] + [peer]
        for addr in reversed(chain):
            if not self._trusted(addr):
                return addr
        return chain[0]

    def _trusted(self, addr: str) -> bool:
        try:
            ip = ipaddress.ip_address(addr)
        except ValueError:
            return False
        return any(ip in net for net in self.trusted)

    def _sign(self, token: str) -> str:
        return hmac.new(self.secret, token.encode(), hashlib.sha256).hexdigest()[:24]

    def session(self, request: Request) -> str | None:
        """The browser's session id when its cookie is one this process signed."""
        raw = request.cookies.get(COOKIE, "")
        token, _, sig = raw.partition(".")
        return token if token and hmac.compare_digest(sig, self._sign(token)) else None

    # -- the API ---------------------------------------------------------------
    async def ask(self, request: Request) -> Response:
        if request.headers.get("content-type", "").split(";")[0].strip().lower() != "application/json":
            return JSONResponse({"error": texts.WEB_NOT_JSON}, status_code=415)
        declared = request.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > MAX_BODY:
            return JSONResponse({"error": texts.WEB_TOO_BIG.format(kb=MAX_BODY // 1024)}, status_code=413)
        body = bytearray()
        async for chunk in request.stream():
            body += chunk
            if len(body) > MAX_BODY:
                return JSONResponse({"error": texts.WEB_TOO_BIG.format(kb=MAX_BODY // 1024)}, status_code=413)
        try:
            data = json.loads(bytes(body))
        except (ValueError, RecursionError):  # malformed, or nested deeper than the parser goes
            data = None
        question = data.get("question") if isinstance(data, dict) else None
        conversation = data.get("conversation") if isinstance(data, dict) else None
        if not isinstance(question, str) or not isinstance(conversation, (str, type(None))):
            return JSONResponse({"error": texts.WEB_BAD_JSON}, status_code=400)

        session = self.session(request)
        new_session = None
        if session is None:
            new_session = secrets.token_hex(16)
        who = f"s:{session}" if session else f"ip:{self.client_ip(request)}"
        # A dialogue is the browser's session (or address), and within it the page's conversation.
        chat = f"{session or who}:{conversation[:64]}" if conversation else (session or who)
        msg = Incoming(platform="web", chat_id=chat, user_id=who, text=question)
        t = time.perf_counter()
        reply = (await self.core.handle(msg))[0]
        ms = (time.perf_counter() - t) * 1000
        if reply.retry_after:
            response = JSONResponse({"error": reply.text, "retry_after": reply.retry_after}, status_code=429,
                                    headers={"Retry-After": str(reply.retry_after)})
        else:
            response = JSONResponse(render.reply_json(reply, ms, {"question": question}))
        if new_session:
            response.set_cookie(COOKIE, f"{new_session}.{self._sign(new_session)}", max_age=30 * 24 * 3600,
                                httponly=True, samesite="strict", secure=request.url.scheme == "https")
        return response
