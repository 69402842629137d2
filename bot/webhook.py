"""Webhook requests: the platform's secret header checked in constant time, then the JSON body."""
from __future__ import annotations

import hmac

from starlette.requests import Request
from starlette.responses import JSONResponse


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
