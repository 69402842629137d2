"""Two `unionbot serve` workers on one PostgreSQL database, behind the fake Telegram API in
webhook mode: an article an admin adds through worker A is answered by worker B within seconds,
and 200 subscribed chats get exactly one post each although A is killed (SIGKILL) mid-broadcast."""
import signal
import sys
from pathlib import Path

import pytest

from bot.core.state import BotDB
from retrieval.service import Answerer
from tests import pgserver
from tests.conftest import make_settings, subprocess_env
from tests.fake_telegram import FakeTelegram, webhook_update as update
from tests.helpers import ARTICLES
from tests.servers import ServeProcess, free_port, wait_for
from tests.site import Site

pytestmark = pytest.mark.skipif(not pgserver.available(), reason="PostgreSQL server binaries not installed")

ADMIN = 9001
SECRET = "worker-test-secret"
CHATS = [str(5000 + i) for i in range(200)]


class Worker(ServeProcess):
    def __init__(self, name: str, tmp: Path, url: str, fake: FakeTelegram):
        env = subprocess_env(tmp / name)
        port = free_port()
        env.update({"UNIONBOT_DATABASE_URL": url, "UNIONBOT_HTTP_PORT": str(port),
                    "UNIONBOT_TELEGRAM_TOKEN": fake.token, "UNIONBOT_TELEGRAM_API_URL": fake.base_url,
                    "UNIONBOT_TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}", "UNIONBOT_TELEGRAM_WEBHOOK_SECRET": SECRET,
                    "UNIONBOT_TELEGRAM_ADMINS": str(ADMIN), "UNIONBOT_ALLOW_PRIVATE_URLS": "true",
                    "UNIONBOT_FLOOD_PER_MINUTE": "0", "UNIONBOT_BROADCAST_LEASE_SECONDS": "3",
                    "UNIONBOT_BROADCAST_POLL_SECONDS": "0.5", "UNIONBOT_STORE_POLL_SECONDS": "1"})
        super().__init__(tmp, name, env, port=port)

    def send(self, upd: dict) -> None:
        self.webhook(upd, SECRET)


def test_two_workers_share_one_database(tmp_path, embedder):
    url = pgserver.server().database("workers")
    seed = Answerer(make_settings(tmp_path / "seed", database_url=url), embedder=embedder)
    seed.ingest([ARTICLES], progress=False)  # an `ingest` from another machine; its vectors are stored
    seed.ensure_fresh()
    ledger = BotDB(seed.database)
    for chat in CHATS:
        ledger.subscribe("telegram", chat, "private")

    fake = FakeTelegram().start()
    site = Site()
    subscribers = set(CHATS)

    def posts() -> list[dict]:
        return [p for p in fake.sent() if str(p.get("chat_id")) in subscribers]

    # After 40 posts every further post is held in flight, so A can be killed mid-send.
    fake.held = lambda chat: chat in subscribers and len(posts()) > 40
    a, b = Worker("a", tmp_path, url, fake), Worker("b", tmp_path, url, fake)
    try:
        a.wait_healthy()
        b.wait_healthy()
        a.send(update(1, f"/them {site.server.url}/bai-viet", ADMIN))
        added = wait_for(lambda: [p for p in fake.sent(chat_id=ADMIN) if "Tân Phú" in p.get("text", "")],
                         120, "worker A to add the article")
        built_by_b = b.output().count(" built in ")

        # Worker B answers about it: it hears of the change and searches it beside its index, with
        # no rebuild (how fast: benchmarks/workers.py, "change live on every worker after …").
        askers = iter(range(7000, 8000))

        def b_answers() -> bool:
            chat = next(askers)
            b.send(update(100 + chat, "Ngày hội công nhân Tân Phú trao bao nhiêu suất quà?", chat))
            got = wait_for(lambda: fake.sent(chat_id=chat), 10, "B's reply")
            return "150 suất quà" in got[-1].get("text", "")

        wait_for(b_answers, 60, "worker B to answer from the article added through A")
        assert "changes since the build searched beside it" in b.output()
        assert b.output().count(" built in ") == built_by_b  # no full build for one article
        assert added

        # Both workers are sending; kill A while a post of each is in flight.
        wait_for(lambda: len(posts()) >= 42, 60, "both workers to be mid-broadcast")
        a.proc.send_signal(signal.SIGKILL)
        a.proc.wait(10)
        fake.release.set()
        wait_for(lambda: {str(p["chat_id"]) for p in posts()} == subscribers, 120, "every chat to get the post")
        [article] = [x["id"] for x in seed.articles() if "Tân Phú" in x["title"]]
        # A's lease runs out and its post in flight is written off, never handed out again.
        wait_for(lambda: ledger.claim_broadcast(lease_seconds=60) is None
                 and set(ledger.broadcast_counts(article)) <= {"sent", "unknown"}, 30, "the ledger to settle")
        per_chat = {c: 0 for c in CHATS}
        for p in posts():
            per_chat[str(p["chat_id"])] += 1
        assert set(per_chat.values()) == {1}, {c: n for c, n in per_chat.items() if n != 1}
        # A died holding one post (the chat got it; the ledger cannot know, so it is never re-sent).
        assert ledger.broadcast_counts(article) == {"sent": 199, "unknown": 1}
    finally:
        for w in (a, b):
            w.stop()
        fake.stop()
        site.server.stop()
        for w in (a, b):
            sys.stderr.write(f"--- worker {w.log_path.stem} ---\n" + w.log_path.read_text()[-3000:])
