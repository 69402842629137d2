"""The one small interface every channel adapter implements, and the webhook check they share.

A channel turns platform updates into `Incoming` messages for the core and renders the
`Reply` list it gets back; `start`/`stop` bracket its life inside `unionbot serve`, and
`routes` are the HTTP endpoints it mounts (webhooks, the web chat).
"""
from __future__ import annotations

import asyncio
import hmac
import logging
from typing import Awaitable, Callable, Protocol, TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from ..core.messages import SendLater, SendUnknown, send_backoff

log = logging.getLogger(__name__)
T = TypeVar("T")


class Channel(Protocol):
    name: str
    running: bool

    async def start(self) -> None: ...

    async def stop(self) -> None: ...

    def routes(self) -> list[Route]: ...


async def checked_json(request: Request, header: str, secret: str) -> dict | JSONResponse:
    """The update when the secret matches; otherwise the 403/400 response to return."""
    given = request.headers.get(header, "")
    if not hmac.compare_digest(given.encode(), secret.encode()):
        return JSONResponse({"ok": False, "error": "forbidden"}, status_code=403)
    try:
        body = await request.json()
    except ValueError:
        body = None
    if not isinstance(body, dict):
        return JSONResponse({"ok": False, "error": "bad update"}, status_code=400)
    return body


async def deliver(send: Callable[[], Awaitable[T]], channel, what: str) -> T | None:
    """A reply to a member, sent through a messenger that may be away: a send it took nothing of
    (SendLater) is tried again after UNIONBOT_SEND_BACKOFF_SECONDS, doubling up to
    UNIONBOT_SEND_BACKOFF_MAX_SECONDS, at most UNIONBOT_REPLY_ATTEMPTS times in all — then given up
    and logged (None), never retried forever. While the channel is in doubt (a send timed out),
    each try first pings it, so the reply waits for the messenger instead of vanishing into it.
    A send that itself timed out (SendUnknown) may have been delivered: not repeated (None).
    Any other error is raised at once."""
    settings = channel.core.settings
    attempts = settings.reply_attempts
    for attempt in range(attempts):
        try:
            if channel.doubtful:
                await channel.ping()
            return await send()
        except SendUnknown as e:
            log.warning("reply to %s timed out after reaching the messenger (%s): it may have been "
                        "delivered, so it is not repeated", what, e)
            return None
        except SendLater as e:
            if attempt + 1 >= attempts:
                log.error("reply to %s given up after %d attempts: %s", what, attempts, e)
                return None
            delay = send_backoff(settings, attempt)
            log.warning("reply to %s not delivered (%s); next try in %.1fs", what, e, delay)
            await asyncio.sleep(delay)
    return None
