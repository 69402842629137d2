"""The chat-completions call to the union's own model server (OpenAI-compatible: Ollama, vLLM,
llama.cpp server, LM Studio). One httpx client, one connection pool, no SDK.

Every way the call can fail ends as a `FluentError` with a short reason the caller records
("timeout", "http", "malformed"); the member then gets the quoted answer alone.
"""
from __future__ import annotations

import httpx

from ..params import FLUENT_CONNECTIONS, FLUENT_MAX_TOKENS


class FluentError(Exception):
    def __init__(self, reason: str, detail: str = ""):
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason


class ChatClient:
    def __init__(self, url: str, model: str, api_key: str, timeout_seconds: float):
        self.endpoint = url.strip().rstrip("/") + "/chat/completions"
        self.model = model
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        # httpx's timeout bounds each phase (connect, each read): a server that stalls is left after
        # `timeout_seconds` of silence.
        self.http = httpx.Client(timeout=timeout_seconds, headers=headers,
                                 limits=httpx.Limits(max_connections=FLUENT_CONNECTIONS))

    def complete(self, messages: list[dict]) -> str:
        """The model's reply text, or FluentError."""
        body = {"model": self.model, "messages": messages, "temperature": 0, "max_tokens": FLUENT_MAX_TOKENS,
                "stream": False}
        try:
            r = self.http.post(self.endpoint, json=body)
        except httpx.TimeoutException as e:
            raise FluentError("timeout", type(e).__name__) from e
        except httpx.HTTPError as e:
            raise FluentError("http", type(e).__name__) from e
        if r.status_code != 200:
            raise FluentError("http", str(r.status_code))
        try:
            content = r.json()["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError) as e:
            raise FluentError("malformed", "not a chat completion") from e
        if not isinstance(content, str):
            raise FluentError("malformed", "content is not text")
        return content

    def close(self) -> None:
        self.http.close()
