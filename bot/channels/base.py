"""The one small interface every channel adapter implements, and the webhook check they share.

A channel turns platform updates into `Incoming` messages for the core and renders the
`Reply` list it gets back; `start`/`stop` bracket its life inside `unionbot serve`, and
`routes` are the HTTP endpoints it mounts (webhooks, the web chat).
"""
from __future__ import annotations

import hmac
from typing import Protocol

from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route


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
