"""A long day against the real process: `python -m benchmarks.soak [--minutes 30]`.

`unionbot serve` runs as a subprocess on the project's own corpus with the fake Telegram Bot API
(long polling) and a local news site whose RSS feed grows; for --minutes it gets mixed traffic:
web users with their own sessions asking with a pause between questions, Telegram updates from
members, a /reload from the admin every --reload-minutes, feed polls every minute (a new feed item
every other minute, broadcast to a few subscribed chats). Every --window seconds it prints the
server's RSS, web and Telegram p50/p95 and the errors of that window; at the end the RSS growth
(from the first window after warm-up to the last) and the error lines in the server's log.
Only 127.0.0.1 is ever contacted, and every loop stops at the deadline.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fake_telegram import FakeTelegram  # noqa: E402
from tests.helpers import ARTICLES, questions  # noqa: E402
from tests.servers import ServeProcess, wait_for  # noqa: E402
from tests.site import Site  # noqa: E402

ADMIN = 9001
SUBSCRIBERS = [str(300_000 + i) for i in range(5)]


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class Window:
    def __init__(self):
        self.web_ms: list[float] = []
        self.tg_ms: list[float] = []
        self.errors = 0
        self.reloads = 0


async def main(args) -> int:
    qs = [q["question"] for q in questions()]
    fake, site = FakeTelegram().start(), Site()
    tmp = Path(tempfile.mkdtemp(prefix="unionbot-soak-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNIONBOT_")}
    env.update({"UNIONBOT_DATA_DIR": str(tmp / "data"), "UNIONBOT_MODEL_CACHE_DIR": str(ROOT / ".cache" / "models"),
                "UNIONBOT_TELEGRAM_TOKEN": fake.token, "UNIONBOT_TELEGRAM_API_URL": fake.base_url,
                "UNIONBOT_TELEGRAM_ADMINS": str(ADMIN), "UNIONBOT_FLOOD_PER_MINUTE": "0",
                "UNIONBOT_SOURCES": str(ARTICLES), "UNIONBOT_FEEDS": f"{site.server.url}/rss.xml",
                "UNIONBOT_FEED_INTERVAL_MINUTES": "1", "UNIONBOT_ALLOW_PRIVATE_URLS": "true"})
    subprocess.run([sys.executable, "-m", "bot.cli", "ingest", "-q", str(ARTICLES)], env=env, cwd=tmp, check=True,
                   capture_output=True)
    serve = ServeProcess(tmp, "serve", env)
    windows: list[Window] = []
    try:
        serve.wait_healthy()
        for chat in SUBSCRIBERS:
            fake.message("/dangky", chat_id=int(chat), user_id=int(chat))
        wait_for(lambda: all(fake.sent(chat_id=c) for c in SUBSCRIBERS), 60, "subscriptions")
        t0 = time.time()
        end = t0 + args.minutes * 60
        window = lambda: windows[min(len(windows) - 1, int((time.time() - t0) // args.window))]
        windows.extend(Window() for _ in range(int(args.minutes * 60 // args.window) + 1))

        async def web_user(u: int) -> None:
            async with httpx.AsyncClient(base_url=serve.base, timeout=60) as c:
                k = 0
                while time.time() < end:
                    t = time.perf_counter()
                    try:
                        r = await c.post("/api/ask", json={"question": qs[(u * 7 + k) % len(qs)]})
                        ok = r.status_code == 200 and r.json().get("answer")
                    except httpx.HTTPError:
                        ok = False
                    w = window()
                    w.web_ms.append((time.perf_counter() - t) * 1000)
                    w.errors += not ok
                    k += 1
                    await asyncio.sleep(args.pause)

        pushed: dict[int, tuple[float, Window, int]] = {}  # chat → (asked at, its window, replies before)

        async def telegram_members() -> None:
            i = 0
            while time.time() < end:
                chat = 100_000 + i % 500  # 500 members, each asking again now and then
                i += 1
                if chat not in pushed:
                    pushed[chat] = (time.perf_counter(), window(), len(fake.sent(chat_id=chat)))
                    fake.message(qs[i % len(qs)], chat_id=chat, user_id=chat)
                await asyncio.sleep(1 / args.telegram_per_second)

        async def telegram_replies() -> None:  # every 50 ms: the reply's time, not the asking pace
            while time.time() < end or pushed:
                for c, (t, w, before) in list(pushed.items()):
                    if len(fake.sent(chat_id=c)) > before:
                        w.tg_ms.append((time.perf_counter() - t) * 1000)
                        del pushed[c]
                    elif time.perf_counter() - t > 60:
                        w.errors += 1
                        del pushed[c]
                await asyncio.sleep(0.05)

        async def admin_and_feed() -> None:
            n = 0
            next_reload = time.time() + args.reload_minutes * 60
            next_item = time.time() + 120
            while time.time() < end:
                if time.time() >= next_reload:
                    fake.message("/reload", chat_id=ADMIN, user_id=ADMIN)
                    window().reloads += 1
                    next_reload += args.reload_minutes * 60
                if time.time() >= next_item:
                    n += 1
                    site.items.append(f"soak{n}")
                    next_item += 120
                await asyncio.sleep(1)

        async def report() -> None:
            shown = 0
            print("| minute | RSS MB | web n | web p50 ms | web p95 ms | tg n | tg p50 ms | tg p95 ms | errors | reloads | load 1 min |")
            print("|---|---|---|---|---|---|---|---|---|---|---|")
            while shown < len(windows) - 1:
                await asyncio.sleep(max(0.5, t0 + (shown + 1) * args.window - time.time()))
                w = windows[shown]
                w.rss = rss_mb(serve.proc.pid)
                print(f"| {(shown + 1) * args.window / 60:.1f} | {w.rss:.0f} | {len(w.web_ms)} | {pct(w.web_ms, 50):.0f} | "
                      f"{pct(w.web_ms, 95):.0f} | {len(w.tg_ms)} | {pct(w.tg_ms, 50):.0f} | {pct(w.tg_ms, 95):.0f} | "
                      f"{w.errors} | {w.reloads} | {os.getloadavg()[0]:.1f} |", flush=True)
                shown += 1

        await asyncio.gather(report(), telegram_members(), telegram_replies(), admin_and_feed(),
                             *(web_user(u) for u in range(args.users)))
        done = [w for w in windows if hasattr(w, "rss")]
        warm = done[min(1, len(done) - 1)]
        growth = (done[-1].rss - warm.rss) / warm.rss * 100
        log = serve.output()
        errors = sum(w.errors for w in done)
        reloads_done = len([m for m in fake.sent(chat_id=ADMIN) if "Nạp lại xong" in m["text"]])
        print(f"\n{args.minutes:g} min · RSS {warm.rss:.0f} → {done[-1].rss:.0f} MB ({growth:+.1f}% after warm-up) · "
              f"web {sum(len(w.web_ms) for w in done)} questions, Telegram {sum(len(w.tg_ms) for w in done)} · "
              f"{errors} errors · {reloads_done} /reload done · feed items added {len(site.items) - 1} · "
              f"ERROR lines in the server log: {log.count(' ERROR ')}")
        return 0 if errors == 0 else 1
    finally:
        serve.stop()
        fake.stop()
        site.server.stop()


if __name__ == "__main__":
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--minutes", type=float, default=30)
    p.add_argument("--window", type=float, default=60, help="seconds per reported window")
    p.add_argument("--reload-minutes", type=float, default=5)
    p.add_argument("--users", type=int, default=4, help="web users asking at once")
    p.add_argument("--pause", type=float, default=0.5, help="seconds a web user waits between questions")
    p.add_argument("--telegram-per-second", type=float, default=1)
    sys.exit(asyncio.run(main(p.parse_args())))
