"""Zalo adapter: Zalo Bot Platform updates → core → plain-text replies (≤ 2000 chars).

getUpdates hands out one update per call with no offset, so deliveries are
de-duplicated on (event_name, message_id); the bot's own messages coming back
are dropped.
"""
from __future__ import annotations

import asyncio
import logging
import re
import secrets

import httpx
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from retrieval.api import fold

from ..core import render, texts
from ..core.conversation import Core
from ..core.messages import (ChannelError, ChatGone, Incoming, Post, Reply, SendFailed, SendLater, SendUnknown,
                             parse_command, post_pieces)
from .base import checked_json, deliver
from .zalo_client import ZaloClient, ZaloError, took_nothing

log = logging.getLogger(__name__)
WEBHOOK_PATH = "/zalo/webhook"
SECRET_HEADER = "X-Bot-Api-Secret-Token"


class ZaloChannel:
    name = "zalo"

    def __init__(self, core: Core, token: str | None = None, api_url: str | None = None,
                 webhook_url: str | None = None, webhook_secret: str | None = None, poll_timeout: int = 30,
                 backoff: float | None = None):
        s = core.settings
        self.core = core
        self.client = ZaloClient(token or s.zalo_token, api_url or s.zalo_api_url,
                                 backoff=backoff or s.send_backoff_seconds,
                                 max_backoff=s.send_backoff_max_seconds, timeout=s.send_timeout_seconds)
        self.doubtful = False  # a send timed out: ping before the next one (base.deliver, broadcasts)
        self.webhook_url = webhook_url if webhook_url is not None else s.zalo_webhook_url
        self.webhook_secret = webhook_secret or s.zalo_webhook_secret or secrets.token_urlsafe(32)
        self.poll_timeout = poll_timeout
        self.bot_id: str | None = None
        self.bot_names: list[str] = []  # getMe's display and account names: how a group @mentions the bot
        self.tasks: set[asyncio.Task] = set()
        self.poller: asyncio.Task | None = None
        self.running = False

    async def start(self) -> None:
        try:
            me = await self.client.get_me()
        except ZaloError as e:
            if e.code == 401:
                raise ChannelError(texts.ZALO_TOKEN_REFUSED) from e
            raise ChannelError(texts.ZALO_UNREACHABLE.format(cause=e)) from e
        except httpx.TransportError as e:
            raise ChannelError(texts.ZALO_UNREACHABLE.format(cause=type(e).__name__)) from e
        self.bot_id = str((me or {}).get("id", ""))
        self.bot_names = [str(n) for n in ((me or {}).get("display_name"), (me or {}).get("account_name")) if n]
        if self.webhook_url:
            await self.client.set_webhook(self.webhook_url.rstrip("/") + WEBHOOK_PATH, self.webhook_secret)
        else:
            try:
                await self.client.delete_webhook()  # getUpdates does not work while a webhook is set
            except ZaloError as e:
                log.warning("deleteWebhook: %s", e)
            self.poller = asyncio.create_task(self._poll())
        self.running = True
        log.info("Zalo channel up (%s)", "webhook" if self.webhook_url else "polling")

    async def stop(self) -> None:
        self.running = False
        if self.poller:
            self.poller.cancel()
            try:
                await self.poller
            except (asyncio.CancelledError, Exception):
                pass
        await self.drain()  # let in-flight answers finish
        await self.client.close()

    async def drain(self) -> None:
        """Wait for every update taken so far to be fully handled."""
        while self.tasks:
            await asyncio.gather(*list(self.tasks), return_exceptions=True)

    def routes(self) -> list[Route]:
        return [Route(WEBHOOK_PATH, self.webhook, methods=["POST"])]

    async def webhook(self, request: Request) -> Response:
        update = await checked_json(request, SECRET_HEADER, self.webhook_secret)
        if isinstance(update, Response):
            return update
        self._spawn(update)
        return JSONResponse({"ok": True})

    async def _poll(self) -> None:
        attempt = 0
        while True:
            try:
                update = await self.client.get_update(timeout=self.poll_timeout)
                attempt = 0
            except asyncio.CancelledError:
                raise
            except ZaloError as e:
                if e.code == 401:
                    log.error("Zalo token rejected while polling; polling stops: %s", e)
                    return
                log.warning("Zalo getUpdates: %s", e)
            except httpx.TransportError as e:
                log.warning("Zalo getUpdates network error: %s", type(e).__name__)
            else:
                if update:
                    self._spawn(update)
                continue
            await asyncio.sleep(self.client.delay(attempt))  # the client's own backoff, doubling to its ceiling
            attempt += 1

    def _spawn(self, update: dict) -> None:
        task = asyncio.create_task(self.process(update))
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    def _incoming(self, update: dict) -> Incoming | None:
        event = update.get("event_name", "")
        m = update.get("message") or {}
        sender = str((m.get("from") or {}).get("id", ""))
        if not m or (self.bot_id and sender == self.bot_id):
            return None  # the bot's own message coming back through the webhook
        if not self.core.db.first_delivery(f"zalo:{event}:{m.get('message_id')}"):
            return None  # a duplicate delivery
        chat = m.get("chat") or {}
        group = str(chat.get("chat_type", "PRIVATE")).upper() == "GROUP"
        text = (m.get("text") or "").strip()
        kind = "text" if event == "message.text.received" else "other"
        text = self._unmentioned(text) if group else text
        command, args = parse_command(text) if text.startswith("/") else (None, text)
        if command is None and fold(text).strip(" .!?") in ("nguon", "xem nguon"):
            command = "nguon"
        return Incoming(platform="zalo", chat_id=str(chat.get("id", sender)), user_id=sender,
                        text=text, chat_type="group" if group else "private",
                        kind=kind, command=command, args=args if command else "", addressed=True,
                        display_name=(m.get("from") or {}).get("display_name", ""))

    def _unmentioned(self, text: str) -> str:
        """A group message without its leading @mention of the bot. Zalo writes "@" and the bot's
        display name, which may hold spaces ("@Union Bot hỏi …"): the longest of the bot's names that
        follows "@" is cut, in any case and spacing; another leading "@word" is cut as one word."""
        for name in sorted(self.bot_names, key=len, reverse=True):
            words = r"\s+".join(map(re.escape, name.split()))
            mention = re.match(rf"@{words}(?!\w)\s*", text, re.I) if words else None
            if mention:
                return text[mention.end():]
        return re.sub(r"^@\S+\s*", "", text)

    async def process(self, update: dict) -> None:
        try:
            msg = self._incoming(update)
            if msg is None:
                return
            msg.notify = lambda text: self.send(msg.chat_id, Reply(text))
            if msg.kind == "text" and msg.command is None:
                try:
                    await self.client.send_chat_action(msg.chat_id, "typing")
                except (ZaloError, httpx.TransportError) as e:
                    log.debug("typing action failed: %s", e)
                    self.doubtful = self.doubtful or isinstance(e, httpx.TimeoutException)
            for reply in await self.core.handle(msg):
                await self.send(msg.chat_id, reply)
        except Exception:
            log.exception("Zalo update failed: %s", update.get("event_name"))

    async def send(self, chat_id: str, reply: Reply) -> None:
        if reply.post is not None:
            pieces = render.post_messages(reply.post, render.ZALO)
        elif reply.answer:
            pieces = render.answer_messages(reply.answer, render.ZALO, reply.understood)
        elif reply.text:
            pieces = render.text_messages(reply.text, render.ZALO)
        else:
            return
        for piece in pieces:
            if await deliver(lambda: self._send_message(chat_id, piece), self, f"zalo:{chat_id}") is None:
                return  # given up: the rest of this reply would read wrong without it

    async def _send_message(self, chat_id: str, text: str) -> dict:
        """sendMessage; the platform away (5xx, no connection) raises SendLater, one that took the
        request and never answered raises SendUnknown (and puts the channel in doubt)."""
        try:
            sent = await self.client.send_message(chat_id, text)
        except (ZaloError, httpx.TransportError) as e:
            if took_nothing(e):
                raise SendLater(str(e) or type(e).__name__) from e
            if isinstance(e, ZaloError):
                raise
            self.doubtful = True
            raise SendUnknown(type(e).__name__) from e
        self.doubtful = False
        return sent

    async def ping(self) -> None:
        """getMe, which changes nothing: SendLater while Zalo does not answer it in time."""
        try:
            await self.client.get_me()
        except (ZaloError, httpx.TransportError) as e:
            if isinstance(e, ZaloError) and e.code < 500:
                raise
            raise SendLater(f"getMe: {type(e).__name__}") from e
        self.doubtful = False

    async def post(self, chat_id: str, post: Post) -> None:
        """One broadcast post; 429 is backed off by the client, the platform away is SendLater (the
        ledger tries again), the rest become broadcast errors."""
        pieces = render.post_messages(post, render.ZALO)
        try:
            await post_pieces(pieces, lambda i, piece: self._send_message(chat_id, piece))
        except ZaloError as e:
            if e.code in (403, 404):
                raise ChatGone(e.description) from e
            raise SendFailed(str(e)) from e
        except httpx.TransportError as e:  # (a timeout after going out is SendUnknown, passed on)
            raise SendFailed(f"{type(e).__name__}") from e
