"""A small client for the Zalo Bot Platform API (Telegram-like HTTP, called with httpx).

POST {api}/bot{TOKEN}/{method} with JSON; answers {"ok", "result", "error_code",
"description"}. 429 is backed off and retried, and so is a connection that could not be made;
a request that went out and timed out is not repeated (it may have been delivered). 408 on
getUpdates is the normal end of a long poll.
"""
from __future__ import annotations

import asyncio
import logging
import random

import httpx

from ..core import texts

log = logging.getLogger(__name__)


NOT_SENT = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout, httpx.WriteTimeout)  # never (wholly) out


def took_nothing(e: Exception) -> bool:
    """The platform surely has not got the request: no connection, or a 5xx answer."""
    return isinstance(e, NOT_SENT) or (isinstance(e, ZaloError) and e.code >= 500)


class ZaloError(Exception):
    def __init__(self, code: int, description: str):
        super().__init__(texts.ZALO_API_ERROR.format(code=code, description=description))
        self.code = code
        self.description = description


class ZaloClient:
    def __init__(self, token: str, api_url: str = "https://bot-api.zaloplatforms.com", retries: int = 5,
                 backoff: float = 1.0, max_backoff: float = 30.0, timeout: float = 10.0):
        self.base = f"{api_url.rstrip('/')}/bot{token}"
        self.retries, self.backoff, self.max_backoff = retries, backoff, max_backoff
        self.timeout = timeout  # seconds to connect and to answer (a long poll's own seconds added)
        self.http = httpx.AsyncClient(timeout=httpx.Timeout(timeout))

    async def close(self) -> None:
        await self.http.aclose()

    def delay(self, attempt: int, hint: float | None = None) -> float:
        """The wait before try `attempt` + 1 (the server's hint if it gave one), jittered so that
        workers polling one bot do not come back in step."""
        base = hint if hint else min(self.max_backoff, self.backoff * 2 ** attempt)
        return base * (1 + random.random() * 0.25)

    async def call(self, method: str, retry: bool = True, **params) -> object:
        """One API call; 429 and network failures are retried with backoff."""
        attempts = self.retries if retry else 0
        for attempt in range(attempts + 1):
            try:
                r = await self.http.post(f"{self.base}/{method}", json=params,
                                         timeout=httpx.Timeout(self.timeout, read=self.timeout + float(params.get("timeout", 0))))
            except httpx.TransportError as e:
                if attempt >= attempts or not took_nothing(e):  # a request that went out is not repeated
                    raise
                log.warning("Zalo %s: network error (%s), retrying", method, type(e).__name__)
                await asyncio.sleep(self.delay(attempt))
                continue
            try:
                body = r.json()
            except ValueError:
                body = {"ok": False, "error_code": r.status_code, "description": r.text[:200]}
            if body.get("ok"):
                return body.get("result")
            code = int(body.get("error_code") or r.status_code)
            if code == 429 and attempt < attempts:
                retry_after = (body.get("parameters") or {}).get("retry_after")
                await asyncio.sleep(self.delay(attempt, float(retry_after) if retry_after else None))
                continue
            raise ZaloError(code, str(body.get("description") or "unknown error"))
        raise ZaloError(429, "quota exceeded")

    async def get_me(self) -> dict:
        return await self.call("getMe", retry=False)

    async def get_update(self, timeout: int = 30) -> dict | None:
        """One update, or None when the long poll ended empty (408)."""
        try:
            res = await self.call("getUpdates", retry=False, timeout=timeout)
        except ZaloError as e:
            if e.code == 408:
                return None
            raise
        return res or None

    async def send_message(self, chat_id: str, text: str) -> dict:
        return await self.call("sendMessage", chat_id=chat_id, text=text)

    async def send_chat_action(self, chat_id: str, action: str = "typing") -> None:
        await self.call("sendChatAction", retry=False, chat_id=chat_id, action=action)

    async def set_webhook(self, url: str, secret_token: str) -> None:
        await self.call("setWebhook", url=url, secret_token=secret_token)

    async def delete_webhook(self) -> None:
        await self.call("deleteWebhook")
