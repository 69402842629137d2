"""Load through the real server: `python -m benchmarks.load`.

50 web users (each its own browser session) ask at once while 200 Telegram updates arrive
through a local fake Bot API (real python-telegram-bot, real HTTP on 127.0.0.1). Every
question must be answered, none lost; prints p50/p95 per channel. Uses the project's own
test corpus, so it runs anywhere.
"""
from __future__ import annotations

import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

from bot.channels.telegram import TelegramChannel  # noqa: E402
from bot.channels.web import WebChannel  # noqa: E402
from bot.core.assemble import make_core  # noqa: E402
from bot.server import build_app  # noqa: E402
from bot.settings import Settings  # noqa: E402
from retrieval.service import Answerer  # noqa: E402
from tests.fake_telegram import FakeTelegram  # noqa: E402
from tests.helpers import ARTICLES, questions  # noqa: E402
from tests.servers import serve_in_loop  # noqa: E402

WEB_USERS, WEB_QUESTIONS_EACH, TELEGRAM_UPDATES = 50, 4, 200


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


async def main() -> int:
    qs = [q["question"] for q in questions()]
    fake = FakeTelegram().start()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, data_dir=Path(tmp), model_cache_dir=ROOT / ".cache" / "models",
                            telegram_token=fake.token, telegram_api_url=fake.base_url, flood_per_minute=1000)
        answerer = Answerer(settings, background_refresh=True)
        answerer.ingest([ARTICLES], progress=False)
        answerer.ensure_fresh()
        core = make_core(settings, answerer)
        channels = [TelegramChannel(core, poll_timeout=1), WebChannel(core)]
        server, task, port = await serve_in_loop(build_app(core, channels, warm=True))
        web_ms: list[float] = []
        web_ok = 0

        async def web_user(u: int) -> None:
            nonlocal web_ok
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}", timeout=120) as c:
                for k in range(WEB_QUESTIONS_EACH):
                    t = time.perf_counter()
                    r = await c.post("/api/ask", json={"question": qs[(u * 7 + k) % len(qs)]})
                    web_ms.append((time.perf_counter() - t) * 1000)
                    web_ok += r.status_code == 200 and "answer" in r.json()

        pushed: dict[int, float] = {}
        tg_ms: list[float] = []

        async def telegram_traffic() -> None:
            for i in range(TELEGRAM_UPDATES):
                chat = 100_000 + i
                fake.message(qs[i % len(qs)], chat_id=chat, user_id=chat)
                pushed[chat] = time.perf_counter()
                await asyncio.sleep(0.01)
            deadline = time.perf_counter() + 600
            waiting = set(pushed)
            while waiting and time.perf_counter() < deadline:
                for m in fake.sent():
                    chat = int(m["chat_id"])
                    if chat in waiting:
                        waiting.discard(chat)
                        tg_ms.append((time.perf_counter() - pushed[chat]) * 1000)
                await asyncio.sleep(0.02)

        t0 = time.perf_counter()
        await asyncio.gather(telegram_traffic(), *(web_user(u) for u in range(WEB_USERS)))
        wall = time.perf_counter() - t0
        server.should_exit = True
        await task
        fake.stop()
    n_web = WEB_USERS * WEB_QUESTIONS_EACH
    print(f"web: {web_ok}/{n_web} answered · p50 {pct(web_ms, 50):.0f} ms · p95 {pct(web_ms, 95):.0f} ms "
          f"(mean {statistics.mean(web_ms):.0f} ms)")
    print(f"telegram: {len(tg_ms)}/{TELEGRAM_UPDATES} answered · p50 {pct(tg_ms, 50):.0f} ms · "
          f"p95 {pct(tg_ms, 95):.0f} ms (from update to reply, 20 ms polling)")
    print(f"all {n_web + TELEGRAM_UPDATES} questions in {wall:.1f} s "
          f"({(n_web + TELEGRAM_UPDATES) / wall:.1f} questions/s on {os.cpu_count()} cores)")
    return 0 if web_ok == n_web and len(tg_ms) == TELEGRAM_UPDATES else 1


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
