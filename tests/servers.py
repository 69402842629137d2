"""Local HTTP servers for tests: real sockets on 127.0.0.1, each in its own thread."""
from __future__ import annotations

import asyncio
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn
from starlette.responses import JSONResponse, Response


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def hang(request, cap: float = 60) -> None:
    """Hold a request unanswered — a messenger that took it and went quiet — until the client
    gives up and closes the connection (its own timeout), or `cap` seconds at most."""
    deadline = time.time() + cap
    while time.time() < deadline and not await request.is_disconnected():
        await asyncio.sleep(0.05)


class MessengerFaults:
    """What a fake messenger (Telegram, Zalo) can be made to do wrong, the same way for both.

    `outage(chat_id)` true: a send (OUTAGE_METHODS) to that chat answers 502 and delivers nothing;
    each refusal is in `refused`. `stall(method, chat_id)` → "before": the call is held unanswered
    and delivers nothing; "after": it delivers (it is in `calls`) and then holds the answer — the
    response is lost; each held call is in `stalled`. getUpdates is never refused nor held.
    """
    OUTAGE_METHODS = ("sendMessage",)

    def init_faults(self) -> None:
        self.calls: list[tuple[str, dict]] = []
        self.outage = lambda chat_id: False
        self.refused: list[tuple[str, dict]] = []
        self.stall = lambda method, chat_id: None
        self.stalled: list[tuple[str, str, dict]] = []  # (mode, method, params)
        self._lock = threading.Lock()

    def refusals(self, chat_id=None, method: str = "sendMessage") -> list[dict]:
        with self._lock:
            return [p for m, p in self.refused if m == method and (chat_id is None or str(p.get("chat_id")) == str(chat_id))]

    def stalls(self, method: str = "sendMessage", chat_id=None) -> list[dict]:
        with self._lock:
            return [p for _, m, p in self.stalled if m == method and (chat_id is None or str(p.get("chat_id")) == str(chat_id))]

    async def faulted(self, request, method: str, params: dict):
        """The faulty answer to this call, or None: then it is recorded in `calls` and answered."""
        if method == "getUpdates":
            return None
        chat = str(params.get("chat_id"))
        if method in self.OUTAGE_METHODS and self.outage(chat):
            with self._lock:
                self.refused.append((method, params))
            return JSONResponse({"ok": False, "error_code": 502, "description": "Bad Gateway"}, status_code=502)
        mode = self.stall(method, chat)
        with self._lock:
            if mode != "before":
                self.calls.append((method, params))
            if mode:
                self.stalled.append((mode, method, params))
        if not mode:
            return None
        await hang(request)
        return Response(status_code=504)  # the client has gone by now


class ThreadedServer:
    """Runs an ASGI app with uvicorn on 127.0.0.1 in a background thread."""

    def __init__(self, app, port: int | None = None):
        self.port = port or free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning",
                                                    lifespan="off"))
        self.loop: asyncio.AbstractEventLoop | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _run(self) -> None:
        self.loop = asyncio.new_event_loop()
        asyncio.set_event_loop(self.loop)
        self.loop.run_until_complete(self.server.serve())

    def start(self) -> "ThreadedServer":
        self.thread.start()
        deadline = time.time() + 20
        while not self.server.started:
            if time.time() > deadline:
                raise RuntimeError("test server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


async def serve_in_loop(app, port: int | None = None):
    """Run an ASGI app (with lifespan) in the current event loop; returns (server, task)."""
    port = port or free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on",
                                           proxy_headers=False))  # as `unionbot serve` runs it
    task = asyncio.create_task(server.serve())
    for _ in range(500):
        if server.started:
            break
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    return server, task, port


ROOT = Path(__file__).resolve().parents[1]


class ServeProcess:
    """`unionbot serve` in a subprocess (through tests/harness.py when `harness`), on its own port,
    its output appended to <tmp>/<name>.log."""

    def __init__(self, tmp: Path, name: str, env: dict, harness: bool = False, port: int | None = None):
        self.port = port or free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(tmp) / f"{name}.log"
        self.log = open(self.log_path, "a")
        env = dict(env, UNIONBOT_HTTP_PORT=str(self.port), PYTHONPATH=str(ROOT))
        module = "tests.harness" if harness else "bot.cli"
        self.proc = subprocess.Popen([sys.executable, "-m", module, "serve"], env=env, cwd=tmp,
                                     stdout=self.log, stderr=subprocess.STDOUT)

    def health(self) -> dict | None:
        try:
            return httpx.get(f"{self.base}/healthz", timeout=5).json()
        except (httpx.HTTPError, ValueError):
            return None

    def wait_healthy(self, timeout: float = 240) -> dict:
        deadline = time.time() + timeout
        while time.time() < deadline:
            assert self.proc.poll() is None, f"serve exited with {self.proc.returncode}:\n{self.output()[-3000:]}"
            health = self.health()
            if health and health.get("index_version"):
                return health
            time.sleep(0.2)
        raise AssertionError("serve never became healthy")

    def ask(self, question: str, timeout: float = 60) -> httpx.Response:
        return httpx.post(f"{self.base}/api/ask", json={"question": question}, timeout=timeout)

    def webhook(self, update: dict, secret: str) -> None:
        r = httpx.post(f"{self.base}/telegram/webhook", json=update, timeout=30,
                       headers={"X-Telegram-Bot-Api-Secret-Token": secret})
        assert r.status_code == 200, r.text

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self, timeout: float = 60) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()
        return self.proc.returncode


def wait_for(predicate, timeout: float, what: str):
    """Until `predicate()` is truthy (returned), polling; no fixed sleeps in the tests."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        got = predicate()
        if got:
            return got
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")
