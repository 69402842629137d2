"""Web adapter: the chat page, `GET /api/info` (what the bot knows, example questions, a new
dialogue), `POST /api/ask` (JSON in, the `ask --json` object out, plus what the page shows) and
`POST /api/feedback` (👍/👎, stored like Telegram's).

Hardened for a public page: JSON only (415), 64 KB bodies (413), malformed or too deep JSON
→ 400; the per-minute limit is keyed on a signed per-browser session cookie (the client's
IP only for requests without one), `X-Forwarded-For` is believed only from
UNIONBOT_TRUSTED_PROXIES, and a member asking too fast gets 429 with Retry-After.

A dialogue (what a follow-up is read with) is the page's: `/api/info` hands out a signed id that
the page sends with each question, so it holds with or without cookies (an iframe on another
site may get none). A `conversation` the client chose itself is scoped by the browser's session
— for a first question, by the session its reply sets, so the second question continues it.
"""
from __future__ import annotations

import asyncio
import hashlib
import hmac
import ipaddress
import json
import re
import secrets
import time
from importlib.resources import files

from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from ..core import render, texts
from ..core.conversation import ADMIN_COMMANDS, Core
from ..core.messages import Incoming, Reply, parse_command

MAX_BODY = 64 * 1024  # a question is at most 1,000 characters; nothing legitimate comes near this
MAX_JSON_DEPTH = 32  # the API's bodies are flat objects; deeper is no request of ours, refused before parsing
COOKIE = "ub_session"
# Admin commands (no admin is known on the page) and subscriptions (no post reaches a page later).
NOT_ON_WEB = ADMIN_COMMANDS | {"dangky", "huydangky"}
STATIC = {"chat.css": "text/css; charset=utf-8", "chat.js": "text/javascript; charset=utf-8",
          "icon.svg": "image/svg+xml"}


_JSON_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(rb"[\[\]{}]")


def nesting(body: bytes) -> int:
    """How deep the body's arrays and objects nest, strings aside. Checked before parsing: the parser meets a
    deep body ("[[[[…") with a RecursionError raised at the interpreter's recursion limit, and whatever the
    garbage collector finalises at that moment fails there too (seen under load as an unraisable exception)."""
    depth = deepest = 0
    for m in _JSON_BRACKET.finditer(_JSON_STRING.sub(b"", body)):
        depth += 1 if m.group() in (b"[", b"{") else -1
        deepest = max(deepest, depth)
    return deepest


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
                Route("/api/info", self.info), Route("/api/ask", self.ask, methods=["POST"]),
                Route("/api/feedback", self.feedback, methods=["POST"])]

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

    def _signed(self, kind: str, token: str) -> str:
        """`token.signature`, the kind (session, dialogue, answer) signed with it: one kind's
        signed token is never taken for another's."""
        return f"{token}.{self._sign(f'{kind}:{token}')}"

    def _verified(self, kind: str, raw: object) -> str | None:
        token, _, sig = raw.partition(".") if isinstance(raw, str) else ("", "", "")
        return token if token and hmac.compare_digest(sig, self._sign(f"{kind}:{token}")) else None

    def session(self, request: Request) -> str | None:
        """The browser's session id when its cookie is one this process signed."""
        return self._verified("session", request.cookies.get(COOKIE, ""))

    def who(self, request: Request) -> str:
        """Whom the per-minute limit counts (and a vote is from): the session, else the address."""
        session = self.session(request)
        return f"s:{session}" if session else f"ip:{self.client_ip(request)}"

    # -- the API ---------------------------------------------------------------
    async def _json(self, request: Request) -> dict | Response:
        """The request's JSON object, or the 415/413/400 response to give instead."""
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
        raw = bytes(body)
        try:
            data = json.loads(raw) if nesting(raw) <= MAX_JSON_DEPTH else None
        except ValueError:  # malformed (not UTF-8 either)
            data = None
        return data if isinstance(data, dict) else JSONResponse({"error": texts.WEB_BAD_JSON}, status_code=400)

    async def info(self, request: Request) -> Response:
        """The page's header line and example questions (the same as Telegram's /start), and the
        signed id of a new dialogue."""
        articles, newest, examples = await asyncio.to_thread(self.core.knowledge)
        return JSONResponse({
            "knowledge": texts.WEB_KNOWLEDGE.format(articles=articles, newest=newest) if articles else texts.EMPTY_KB,
            "articles": articles, "newest": newest, "examples": examples,
            "conversation": self._signed("dialogue", secrets.token_hex(16)),
        }, headers={"Cache-Control": "no-store"})

    async def ask(self, request: Request) -> Response:
        data = await self._json(request)
        if isinstance(data, Response):
            return data
        question, conversation = data.get("question"), data.get("conversation")
        if not isinstance(question, str) or not isinstance(conversation, (str, type(None))):
            return JSONResponse({"error": texts.WEB_BAD_JSON}, status_code=400)

        session = self.session(request)
        new_session = None if session else secrets.token_hex(16)
        who = self.who(request)
        dialogue = self._verified("dialogue", conversation)
        if dialogue:  # the page's own dialogue, handed out by /api/info
            chat = f"c:{dialogue}"
        else:
            # The browser's session, and within it the client's conversation. A first question
            # belongs to the session its reply sets, so the next one (with the cookie) follows it.
            owner = session or new_session
            chat = f"{owner}:{conversation[:64]}" if conversation else owner
        # Commands typed on the page ("/lich", "/help", "/tim …", "/nguon") work as on Zalo and the
        # terminal; admin commands and subscriptions (nothing reaches a web page later) are refused.
        command, args = parse_command(question)  # (None, question) for anything not a "/command"
        msg = Incoming(platform="web", chat_id=chat, user_id=who, text=question, command=command,
                       args=args if command else "")
        t = time.perf_counter()
        if command in NOT_ON_WEB:
            reply = Reply(texts.WEB_COMMAND_ELSEWHERE.format(command=command))
        else:
            reply = (await self.core.handle(msg))[0]
        ms = (time.perf_counter() - t) * 1000
        if reply.retry_after:
            response = JSONResponse({"error": reply.text, "retry_after": reply.retry_after}, status_code=429,
                                    headers={"Retry-After": str(reply.retry_after)})
        else:
            obj = render.reply_json(reply, ms, {"question": question})
            if reply.answer is None:  # empty or too long question, small talk, upcoming events, error
                obj["blocks"] = render.web_text(reply.text)
            else:
                obj.update(render.web_answer(reply.answer, reply.understood))
                if reply.answer.found and reply.question_id:  # 👍/👎 name it by this: signed, no voting on others' answers
                    obj["ref"] = self._signed("answer", str(reply.question_id))
            response = JSONResponse(obj)
        if new_session:
            self._set_session(request, response, new_session)
        return response

    async def feedback(self, request: Request) -> Response:
        """👍 (1) or 👎 (-1) on an answer this server gave, one vote per browser and answer."""
        data = await self._json(request)
        if isinstance(data, Response):
            return data
        qid, value = self._verified("answer", data.get("ref")), data.get("value")
        if qid is None or type(value) is not int or value not in (1, -1):
            return JSONResponse({"error": texts.WEB_BAD_FEEDBACK}, status_code=400)
        stored = await asyncio.to_thread(self.core.db.feedback, int(qid), "web", self.who(request), value)
        if not stored:
            return JSONResponse({"error": texts.EXPIRED}, status_code=404)
        return JSONResponse({"ok": True, "message": texts.FEEDBACK_THANKS})

    def _set_session(self, request: Request, response: Response, token: str) -> None:
        secure = request.url.scheme == "https"
        # On a page framed by another site (UNIONBOT_WEB_EMBED_ORIGINS) a SameSite=Strict cookie
        # never comes back; there it is SameSite=None, which browsers take over HTTPS only, and
        # partitioned by the framing site. Without it the limit counts the address.
        framed = bool(self.core.settings.web_embed_origins) and secure
        response.set_cookie(COOKIE, self._signed("session", token), max_age=30 * 24 * 3600, httponly=True,
                            samesite="none" if framed else "strict", secure=secure, partitioned=framed)
