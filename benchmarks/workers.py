"""Scaling out, measured: `python -m benchmarks.workers`.

Starts a throw-away PostgreSQL (tests/pgserver.py), loads the project's test corpus into it, then
runs 1 and 2 `unionbot serve` workers on that database and fires questions at /api/ask from 32
concurrent clients, round-robin over the workers (what the reverse proxy does). Prints answers/s
per setup, and the time for an article ingested from another process to be answered by every
worker. Every worker is a real subprocess; nothing leaves 127.0.0.1.
"""
from __future__ import annotations

import asyncio
import itertools
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from bot.settings import Settings  # noqa: E402
from knowledge.models import Article  # noqa: E402
from retrieval.service import Answerer  # noqa: E402
from tests import pgserver  # noqa: E402
from tests.helpers import ARTICLES, questions  # noqa: E402
from tests.servers import free_port  # noqa: E402

CLIENTS, QUESTIONS = 32, 400
MODEL_CACHE = ROOT / ".cache" / "models"


def start_worker(tmp: Path, name: str, url: str) -> tuple[subprocess.Popen, str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNIONBOT_")}
    env.update({"UNIONBOT_DATA_DIR": str(tmp / name), "UNIONBOT_MODEL_CACHE_DIR": str(MODEL_CACHE),
                "UNIONBOT_DATABASE_URL": url, "UNIONBOT_HTTP_PORT": str(port), "UNIONBOT_FLOOD_PER_MINUTE": "0",
                "UNIONBOT_STORE_POLL_SECONDS": "1"})
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], env=env, cwd=tmp,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.time() + 300
    while time.time() < deadline:
        try:
            if httpx.get(f"{base}/healthz", timeout=2).json().get("index_version"):
                return proc, base
        except (httpx.HTTPError, ValueError):
            time.sleep(0.3)
    raise RuntimeError(f"worker {name} did not start")


async def load(bases: list[str], qs: list[str]) -> tuple[float, int]:
    targets = itertools.cycle(bases)
    todo = list(zip(itertools.islice(itertools.cycle(qs), QUESTIONS), targets))
    ok = 0

    async def client(i: int) -> None:
        nonlocal ok
        async with httpx.AsyncClient(timeout=120) as c:  # one browser session per client
            for q, base in todo[i::CLIENTS]:
                r = await c.post(f"{base}/api/ask", json={"question": q})
                ok += r.status_code == 200 and bool(r.json().get("answer"))

    t = time.perf_counter()
    await asyncio.gather(*(client(i) for i in range(CLIENTS)))
    return QUESTIONS / (time.perf_counter() - t), ok


def main() -> int:
    server = pgserver.server()
    qs = [q["question"] for q in questions()]
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        url = server.database("bench_workers")
        seed = Answerer(Settings(_env_file=None, data_dir=tmp / "seed", model_cache_dir=MODEL_CACHE,
                                 database_url=url))
        seed.ingest([ARTICLES], progress=False)
        seed.ensure_fresh()
        procs: list[subprocess.Popen] = []
        try:
            p1, b1 = start_worker(tmp, "w1", url)
            procs.append(p1)
            asyncio.run(load([b1], qs[:8]))  # warm-up
            one, ok1 = asyncio.run(load([b1], qs))
            p2, b2 = start_worker(tmp, "w2", url)
            procs.append(p2)
            asyncio.run(load([b2], qs[:8]))
            two, ok2 = asyncio.run(load([b1, b2], qs))
            print(f"1 worker : {one:6.1f} answers/s ({ok1}/{QUESTIONS} answered)")
            print(f"2 workers: {two:6.1f} answers/s ({ok2}/{QUESTIONS} answered)")
            # A change made elsewhere (an `ingest` on another machine) reaching every worker.
            t = time.perf_counter()
            seed.store.upsert(Article(id="hoi-thi-tay-nghe-2026", origin="bench:hoi-thi-tay-nghe-2026",
                                      title="Hội thi tay nghề công nhân khu công nghiệp Hòa Khánh năm 2026",
                                      text="Ngày 12/9/2026, Công đoàn khu công nghiệp Hòa Khánh tổ chức hội thi "
                                           "tay nghề với 46 thí sinh đến từ 19 doanh nghiệp."))
            reached: dict[str, float] = {}
            while len(reached) < 2 and time.perf_counter() - t < 60:
                for base in (b1, b2):
                    if base not in reached:
                        r = httpx.post(f"{base}/api/ask", json={
                            "question": "Hội thi tay nghề Hòa Khánh 2026 có bao nhiêu thí sinh?"}, timeout=30).json()
                        if "46 thí sinh" in r.get("answer", ""):
                            reached[base] = time.perf_counter() - t
                time.sleep(0.05)
            print("change live on every worker after " + ", ".join(f"{s:.2f} s" for s in sorted(reached.values())))
        finally:
            for p in procs:
                p.send_signal(signal.SIGTERM)
            for p in procs:
                try:
                    p.wait(30)
                except subprocess.TimeoutExpired:
                    p.kill()
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
