"""A fake Telegram Bot API server: enough of the real HTTP protocol for python-telegram-bot.

Requests from PTB are form-encoded with JSON-encoded complex values. Tests push
updates into it and read what the bot sent; failures (429, 403, migration) can
be queued per method.
"""
from __future__ import annotations

import asyncio
import html
import itertools
import json
import re
import threading
import time

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.servers import MessengerFaults, ThreadedServer

BOT_ID = 777000
BOT_USERNAME = "unionbot_test_bot"
TEXT_LIMIT = 4096  # characters of a message after entity parsing
# The tags Telegram's HTML parse mode knows (https://core.telegram.org/bots/api#html-style)
HTML_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre", "blockquote",
             "tg-spoiler", "span", "tg-emoji"}
_TAG = re.compile(r"<(/?)([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:=(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s<>\"']+))?)*)\s*>")
_ENTITY = re.compile(r"&(?:lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);")


def refusal(p: dict) -> str | None:
    """Why real Telegram would refuse this sendMessage/editMessageText (its 400 description), or None:
    empty text, more than 4,096 characters once the HTML is parsed, a tag it does not know, a tag
    left open or closed out of turn, a "<" or "&" that is neither a tag nor an entity."""
    text = str(p.get("text") or "")
    if not text.strip():
        return "Bad Request: message text is empty"
    shown = text
    if str(p.get("parse_mode") or "").upper() == "HTML":
        stack, pos, plain = [], 0, []
        for m in _TAG.finditer(text):
            plain.append(text[pos:m.start()])
            closing, tag = m.group(1), m.group(2).lower()
            if tag not in HTML_TAGS:
                return f'Bad Request: can\'t parse entities: Unsupported start tag "{tag}" at byte offset {m.start()}'
            if not closing:
                stack.append(tag)
            elif not stack or stack.pop() != tag:
                return f'Bad Request: can\'t parse entities: Unexpected end tag at byte offset {m.start()}'
            pos = m.end()
        plain.append(text[pos:])
        if stack:
            return f'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "{stack[-1]}"'
        body = "".join(plain)
        if "<" in body or ">" in body.replace("&gt;", ""):
            at = body.find("<") if "<" in body else body.find(">")
            return f"Bad Request: can't parse entities: Unsupported start tag at byte offset {at}"
        bare = [m.start() for m in re.finditer("&", body) if not _ENTITY.match(body, m.start())]
        if bare:
            return f"Bad Request: can't parse entities: Character entity expected at byte offset {bare[0]}"
        shown = html.unescape(body)
    if len(shown) > TEXT_LIMIT:
        return "Bad Request: message is too long"
    return None


def webhook_update(uid: int, text: str, chat_id: int, user_id: int | None = None) -> dict:
    """An update as Telegram posts it to a webhook (a private message; commands marked)."""
    msg = {"message_id": uid, "date": int(time.time()), "text": text,
           "chat": {"id": chat_id, "type": "private"},
           "from": {"id": user_id or chat_id, "is_bot": False, "first_name": "Đoàn viên"}}
    if text.startswith("/"):
        msg["entities"] = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    return {"update_id": uid, "message": msg}


class FakeTelegram(MessengerFaults):
    OUTAGE_METHODS = ("sendMessage", "sendChatAction")

    def __init__(self, token: str = "123:TEST"):
        self.token = token
        self.updates: list[dict] = []
        self.max_offset = 0
        # Sends to chats matching `held` wait until `release` is set (a broadcast kept in flight).
        self.held = lambda chat_id: False
        self.release = threading.Event()
        self.init_faults()  # outage, stall (servers.MessengerFaults)
        self.failures: dict[str, list[tuple[int, dict]]] = {}
        self.chat_failures: dict[str, list[tuple[int, dict]]] = {}  # sendMessage to one chat
        self.chat_members: dict[tuple[str, str], str] = {}  # (chat, user) → status
        self.files: dict[str, bytes] = {}
        self.deleted: set[int] = set()  # message ids the member deleted (a reply to one is refused)
        # Messages real Telegram refuses for their text (`refusal`): none may be left when the fake stops.
        self.malformed: list[tuple[str, dict, str]] = []
        self._ids = itertools.count(1)
        self._msg_ids = itertools.count(1000)
        self._new = None  # asyncio.Event on the server loop
        app = Starlette(routes=[Route("/bot{token}/{method}", self.handle, methods=["GET", "POST"]),
                                Route("/file/bot{token}/{path:path}", self.file, methods=["GET"])])
        self.server = ThreadedServer(app)

    @property
    def base_url(self) -> str:
        return f"{self.server.url}/bot"

    def start(self) -> "FakeTelegram":
        self.server.start()
        return self

    def stop(self) -> None:
        """Stops the server; fails the test if the bot sent a message real Telegram would refuse."""
        self.server.stop()
        bad, self.malformed = self.malformed, []
        assert not bad, f"Telegram would refuse: {[(m, why, str(p.get('text'))[:300]) for m, p, why in bad]}"

    # -- test side ---------------------------------------------------------
    def push(self, update: dict) -> int:
        with self._lock:
            uid = next(self._ids)
            update = dict(update, update_id=uid)
            self.updates.append(update)
        if self.server.loop and self._new is not None:
            self.server.loop.call_soon_threadsafe(self._new.set)
        return uid

    def message(self, text: str, chat_id: int = 1001, user_id: int = 501, chat_type: str = "private",
                reply_to_bot: bool = False, **extra) -> int:
        msg = {"message_id": next(self._msg_ids), "date": int(time.time()),
               "chat": {"id": chat_id, "type": chat_type, **({"title": "Nhóm công đoàn"} if chat_type != "private" else {})},
               "from": {"id": user_id, "is_bot": False, "first_name": "Đoàn viên"}}
        if text is not None:
            msg["text"] = text
            ents = []
            if text.startswith("/"):
                ents.append({"type": "bot_command", "offset": 0, "length": len(text.split()[0])})
            at = text.find(f"@{BOT_USERNAME}")
            if at >= 0 and not text.startswith("/"):
                ents.append({"type": "mention", "offset": at, "length": len(BOT_USERNAME) + 1})
            if ents:
                msg["entities"] = ents
        if reply_to_bot:
            msg["reply_to_message"] = {"message_id": 1, "date": int(time.time()), "chat": msg["chat"],
                                       "from": {"id": BOT_ID, "is_bot": True, "first_name": "UnionBot"},
                                       "text": "..."}
        msg.update(extra)
        return self.push({"message": msg})

    def callback(self, data: str, chat_id: int = 1001, user_id: int = 501) -> int:
        return self.push({"callback_query": {
            "id": str(next(self._ids)), "chat_instance": "ci", "data": data,
            "from": {"id": user_id, "is_bot": False, "first_name": "Đoàn viên"},
            "message": {"message_id": 1, "date": int(time.time()), "chat": {"id": chat_id, "type": "private"},
                        "from": {"id": BOT_ID, "is_bot": True, "first_name": "UnionBot"}, "text": "..."}}})

    def fail(self, method: str, status: int, body: dict) -> None:
        self.failures.setdefault(method, []).append((status, body))

    def fail_chat(self, chat_id, status: int, body: dict) -> None:
        self.chat_failures.setdefault(str(chat_id), []).append((status, body))

    def sent(self, method: str = "sendMessage", chat_id=None) -> list[dict]:
        with self._lock:
            out = [p for m, p in self.calls if m == method]
        if chat_id is not None:
            out = [p for p in out if str(p.get("chat_id")) == str(chat_id)]
        return out

    async def wait_taken(self, update_id: int, timeout: float = 60) -> None:
        """Until the bot has confirmed the update (asked for later ones): an event, not a sleep."""
        deadline = time.time() + timeout
        while self.max_offset <= update_id:
            if time.time() > deadline:
                raise AssertionError(f"update {update_id} was never taken")
            await asyncio.sleep(0.02)

    async def wait_sent(self, n: int, chat_id=None, method: str = "sendMessage", timeout: float = 60) -> list[dict]:
        deadline = time.time() + timeout
        while time.time() < deadline:
            got = self.sent(method, chat_id)
            if len(got) >= n:
                return got
            await asyncio.sleep(0.05)
        raise AssertionError(f"expected {n} {method} to {chat_id}, got {self.sent(method, chat_id)}")

    # -- server side -------------------------------------------------------
    async def _params(self, request: Request) -> dict:
        ctype = request.headers.get("content-type", "")
        if "json" in ctype:
            raw = await request.json()
        else:
            form = await request.form()
            raw = {k: v for k, v in form.items()}
        out = dict(request.query_params)
        for k, v in raw.items():
            if isinstance(v, str):
                try:
                    v = json.loads(v) if v[:1] in "{[" or v in ("true", "false") else v
                except ValueError:
                    pass
            out[k] = v
        return out

    async def handle(self, request: Request) -> Response:
        if self._new is None:
            self._new = asyncio.Event()
        token, method = request.path_params["token"], request.path_params["method"]
        if token != self.token:
            return JSONResponse({"ok": False, "error_code": 401, "description": "Unauthorized"}, status_code=401)
        params = await self._params(request)
        if method == "sendMessage" and self._reply_lost(params):  # (refused: not among the messages sent)
            with self._lock:
                self.refused.append((method, params))
            return JSONResponse({"ok": False, "error_code": 400,
                                 "description": "Bad Request: message to be replied not found"}, status_code=400)
        why = refusal(params) if method in ("sendMessage", "editMessageText") else None
        if why:
            with self._lock:
                self.refused.append((method, params))
                self.malformed.append((method, params, why))
            return JSONResponse({"ok": False, "error_code": 400, "description": why}, status_code=400)
        faulty = await self.faulted(request, method, params)
        if faulty is not None:
            return faulty
        queued = self.failures.get(method)
        if method == "sendMessage" and self.chat_failures.get(str(params.get("chat_id"))):
            queued = self.chat_failures[str(params.get("chat_id"))]
        if queued:
            status, body = queued.pop(0)
            return JSONResponse(body, status_code=status)
        fn = getattr(self, f"m_{method}", None)
        result = await fn(params) if fn else True
        return JSONResponse({"ok": True, "result": result})

    def _reply_lost(self, p: dict) -> bool:
        """Telegram refuses a reply to a deleted message unless allow_sending_without_reply is set."""
        rp = p.get("reply_parameters") or {}
        if isinstance(rp, str):
            rp = json.loads(rp)
        target = rp.get("message_id", p.get("reply_to_message_id"))
        return target is not None and int(target) in self.deleted and not rp.get("allow_sending_without_reply")

    async def file(self, request: Request) -> Response:
        return Response(self.files.get(request.path_params["path"], b""))

    async def m_getMe(self, p):
        return {"id": BOT_ID, "is_bot": True, "first_name": "UnionBot", "username": BOT_USERNAME,
                "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}

    async def m_getUpdates(self, p):
        offset = int(p.get("offset") or 0)
        self.max_offset = max(self.max_offset, offset)
        timeout = float(p.get("timeout") or 0)
        deadline = time.time() + timeout
        while True:
            with self._lock:
                ready = [u for u in self.updates if u["update_id"] >= offset]
            if ready or time.time() >= deadline:
                return ready
            self._new.clear()
            try:
                await asyncio.wait_for(self._new.wait(), timeout=max(0.01, deadline - time.time()))
            except asyncio.TimeoutError:
                pass

    async def m_sendMessage(self, p):
        chat_id = p.get("chat_id")
        while self.held(str(chat_id)) and not self.release.is_set():  # held back until the test lets go
            await asyncio.sleep(0.01)
        return {"message_id": next(self._msg_ids), "date": int(time.time()),
                "chat": {"id": int(chat_id) if str(chat_id).lstrip("-").isdigit() else 0, "type": "private"},
                "from": {"id": BOT_ID, "is_bot": True, "first_name": "UnionBot"}, "text": p.get("text", "")}

    async def m_getChatMember(self, p):
        status = self.chat_members.get((str(p.get("chat_id")), str(p.get("user_id"))), "member")
        return {"status": status, "user": {"id": int(p.get("user_id")), "is_bot": False, "first_name": "X"},
                **({"can_be_edited": False, "is_anonymous": False, "can_manage_chat": True,
                    "can_delete_messages": True, "can_manage_video_chats": True, "can_restrict_members": True,
                    "can_promote_members": False, "can_change_info": True, "can_invite_users": True,
                    "can_post_stories": False, "can_edit_stories": False, "can_delete_stories": False}
                   if status == "administrator" else {})}

    async def m_getFile(self, p):
        fid = p.get("file_id")
        return {"file_id": fid, "file_unique_id": fid, "file_size": len(self.files.get(fid, b"")), "file_path": fid}

    async def m_getWebhookInfo(self, p):
        return {"url": "", "has_custom_certificate": False, "pending_update_count": 0}
