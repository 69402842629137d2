"""Faults a real deployment meets, injected into a running `unionbot serve` (README "Limits and
safety"): a damaged index file, the disk filling during an index build, the messenger down in
the middle of a broadcast and of replies, a stop (SIGTERM) mid-work, PostgreSQL restarted under
the bot. Each waits on conditions the fakes, the ledger or the process log record, never on a
fixed sleep; time scales are shortened through the settings."""
import json
import os
import re
import shutil
import signal
import subprocess
import threading
import time
from collections import Counter

import pytest

from bot.core import texts
from bot.core.state import BotDB
from retrieval.service import Answerer
from tests import pgserver
from tests.conftest import BACKEND, make_settings, subprocess_env
from tests.fake_telegram import FakeTelegram, webhook_update as update
from tests.fake_zalo import FakeZalo
from tests.helpers import ARTICLES
from tests.servers import ServeProcess, free_port, wait_for
from tests.site import Site

ADMIN = 9001
SECRET = "fault-test-secret"
QUESTION = "Phiên chợ Tết Công đoàn ở Bình Định có bao nhiêu gian hàng?"  # → “40 gian hàng”


def new_article(folder, n: int, count: int) -> str:
    """A fresh article (its own words each run, so it is really embedded) with a count to ask for."""
    (folder / f"hoi-nghi-{n}.json").write_text(json.dumps({
        "id": f"hoi-nghi-{n}", "title": f"Hội nghị công đoàn cơ sở Đồng Tâm {n} biểu dương tập thể", "date": "2026-11-20",
        "text": f"Hội nghị công đoàn cơ sở Đồng Tâm {n} đã biểu dương {count} tập thể xuất sắc trong năm. "
                f"Mã hồ sơ {os.urandom(4).hex()}."}, ensure_ascii=False), encoding="utf-8")
    return f"Hội nghị công đoàn cơ sở Đồng Tâm {n} biểu dương bao nhiêu tập thể?"


def answers(serve: ServeProcess, question: str, needle: str):
    """The web reply when it holds `needle`, else None (for wait_for)."""
    reply = serve.ask(question).json()
    return reply if reply["found"] and needle in reply["answer"] else None


def seeded(data_dir, embedder, sources=None) -> Answerer:
    """The test corpus in the store of `data_dir` and its index on disk, as `unionbot ingest` leaves them."""
    answerer = Answerer(make_settings(data_dir), embedder=embedder)
    answerer.ingest([sources or ARTICLES], progress=False)
    answerer.ensure_fresh()
    return answerer


def telegram_env(data_dir, fake: FakeTelegram, port: int, **settings) -> dict:
    env = subprocess_env(data_dir)
    env.update({"UNIONBOT_TELEGRAM_TOKEN": fake.token, "UNIONBOT_TELEGRAM_API_URL": fake.base_url,
                "UNIONBOT_TELEGRAM_WEBHOOK_URL": f"http://127.0.0.1:{port}", "UNIONBOT_TELEGRAM_WEBHOOK_SECRET": SECRET,
                "UNIONBOT_TELEGRAM_ADMINS": str(ADMIN), "UNIONBOT_FLOOD_PER_MINUTE": "0",
                "UNIONBOT_STORE_POLL_SECONDS": "1"})
    env.update({f"UNIONBOT_{k.upper()}": str(v) for k, v in settings.items()})
    return env


def texts_to(fake: FakeTelegram, chat) -> list[str]:
    return [m["text"] for m in fake.sent(chat_id=chat)]


def said(fake: FakeTelegram, chat, needle: str):
    return next((t for t in texts_to(fake, chat) if needle in t), None)


# -- a damaged index file ----------------------------------------------------------------------
def test_a_damaged_index_version_is_found_and_set_aside(tmp_path, embedder):
    data = tmp_path / "data"
    answerer = seeded(data, embedder)
    older = answerer.index.version
    folder = tmp_path / "more"
    folder.mkdir()
    question = new_article(folder, 1, 37)
    answerer.ingest([folder], progress=False)
    newest = answerer.rebuild().version
    root = answerer.settings.index_root
    faiss_file = root / newest / "chunks.faiss"
    faiss_file.write_bytes(faiss_file.read_bytes()[: faiss_file.stat().st_size // 2])  # truncated
    serve = ServeProcess(tmp_path, "serve", subprocess_env(data))
    try:
        # The damaged version is found by its recorded size, set aside, and the one before serves;
        # the article only the damaged version held is answered once the store is re-indexed.
        serve.wait_healthy()
        assert wait_for(lambda: answers(serve, question, "37 tập thể"), 60, "the answer from the re-indexed store")
        assert not (root / newest).exists() and "index version damaged" in serve.output()
        assert serve.proc.poll() is None  # one start, no crash loop
    finally:
        assert serve.stop() == 0
    # Every version damaged, this time with its size kept (a byte overwritten: the checksum finds
    # it): nothing intact is left on disk, so the index is rebuilt from the store.
    for version in [p for p in root.iterdir() if p.is_dir()]:
        with open(version / "chunks.faiss", "r+b") as f:
            f.seek(100)
            f.write(bytes([f.read(1)[0] ^ 0xFF]))
    again = Answerer(make_settings(data), embedder=embedder, background_refresh=True)
    assert again.ask(question).answer.span.startswith("37 tập thể")
    assert again.index.version not in {older, newest}


# -- the disk fills during an index build ------------------------------------------------------
def mount_small_disk(path, size: str) -> bool:
    """A size-limited tmpfs at `path` (needs root and mount rights), or False where not allowed."""
    run = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    return run.returncode == 0


def test_the_disk_fills_during_an_index_build(tmp_path, embedder):
    data, src = tmp_path / "data", tmp_path / "sources"
    shutil.copytree(ARTICLES, src / "kb")
    root = data / "index"
    root.mkdir(parents=True)
    small_disk = mount_small_disk(root, "16m")  # else ENOSPC is injected into the FAISS writer
    flag = tmp_path / "disk-full"
    fake = FakeTelegram().start()
    serve = None
    try:
        seeded(data, embedder, src)
        port = free_port()
        env = telegram_env(data, fake, port, sources=src)
        env["HARNESS_FULL_BUILDS"] = "1"  # a /reload of a few articles builds in full, as a big one does
        if not small_disk:
            env["HARNESS_ENOSPC"] = str(flag)
        serve = ServeProcess(tmp_path, "serve", env, harness=True, port=port)
        serving = serve.wait_healthy()["index_version"]
        filler = root / "filler"
        if small_disk:
            free = os.statvfs(root).f_bavail * os.statvfs(root).f_frsize
            with open(filler, "wb") as f:  # the disk is full but for 16 KB
                f.write(b"\0" * (free - 16 * 1024))
        else:
            flag.touch()
        question = new_article(src / "kb", 2, 41)
        serve.webhook(update(1, "/reload", ADMIN), SECRET)
        failed = wait_for(lambda: said(fake, ADMIN, "thất bại"), 120, "the /reload reply")
        assert "hết dung lượng đĩa" in failed and "Chỉ mục cũ vẫn đang phục vụ" in failed
        # The half-written version is gone (a background retry of the same build fails alike and
        # is cleaned alike); the old one keeps serving.
        left = lambda: sorted(p.name for p in root.iterdir() if p.name != "filler")
        wait_for(lambda: left() == ["CURRENT", serving], 30, f"only the serving version left: {left()}")
        assert serve.health()["index_version"] == serving
        assert answers(serve, QUESTION, "40 gian hàng")
        # Space comes back: the next /reload builds.
        filler.unlink(missing_ok=True)
        flag.unlink(missing_ok=True)
        serve.webhook(update(2, "/reload", ADMIN), SECRET)
        assert wait_for(lambda: said(fake, ADMIN, "Nạp lại xong"), 120, "the second /reload")
        assert serve.health()["index_version"] != serving
        assert answers(serve, question, "41 tập thể")
    finally:
        if serve:
            serve.stop()
        fake.stop()
        if small_disk:  # lazily: this process still maps the seed's index files
            subprocess.run(["umount", "--lazy", str(root)], capture_output=True, check=True)


# -- the messenger down, then hanging -------------------------------------------------------------
def broadcast_delays(log: str, platform: str) -> list[float]:
    """The waits the bot chose before a platform's next broadcast post, in order, from its log."""
    return [float(m) for m in re.findall(rf"{platform} (?:unreachable|took).*?next try in ([0-9.]+)s", log)]


def reply_delays(log: str, chat: str) -> list[float]:
    """The waits the bot chose before trying a reply to `chat` again, in order, from its log."""
    return [float(m) for m in re.findall(rf"reply to {chat} not delivered.*?next try in ([0-9.]+)s", log)]


class Messengers:
    """One `unionbot serve` with Telegram (webhook) and Zalo (polling), 8 subscribed chats on each."""

    def __init__(self, tmp_path, embedder):
        data = tmp_path / "data"
        self.ledger = BotDB(seeded(data, embedder).database)
        self.tg_chats, self.zalo_chats = [str(6000 + i) for i in range(8)], [f"z{i}" for i in range(8)]
        for chat in self.tg_chats:
            self.ledger.subscribe("telegram", chat, "private")
        for chat in self.zalo_chats:
            self.ledger.subscribe("zalo", chat, "private")
        self.tg, self.zalo, self.site = FakeTelegram().start(), FakeZalo().start(), Site()
        port = free_port()
        env = telegram_env(data, self.tg, port, zalo_token=self.zalo.token, zalo_api_url=self.zalo.url,
                           allow_private_urls="true", send_timeout_seconds=1, send_backoff_seconds=0.3,
                           send_backoff_max_seconds=2, reply_attempts=6, broadcast_poll_seconds=0.2)
        self.serve = ServeProcess(tmp_path, "serve", env, port=port)

    def posts(self, title: str) -> list[dict]:
        """Broadcast posts of the article titled `title` the subscribed chats got."""
        return [p for p in self.tg.sent() if str(p["chat_id"]) in self.tg_chats and title in p["text"]] + \
            [p for p in self.zalo.sent() if p["chat_id"] in self.zalo_chats and title in p["text"]]

    def counts(self, title: str) -> dict[str, int]:
        """The ledger's rows of that article by status."""
        [article] = [r["article_id"] for r in self.ledger.db.query("SELECT DISTINCT article_id FROM broadcasts")
                     if title in (self.ledger.db.scalar("SELECT title FROM articles WHERE id=?", (r["article_id"],)) or "")]
        return self.ledger.broadcast_counts(article)

    def stop(self) -> None:
        self.serve.stop()
        self.tg.stop()
        self.zalo.stop()
        self.site.server.stop()


def test_the_messenger_down_then_hanging_mid_broadcast_and_replies(tmp_path, embedder):
    """Two faults in turn on one server (the first settled before the second begins): both
    messengers answering 502, then both taking requests and never answering."""
    m = Messengers(tmp_path, embedder)
    try:
        m.serve.wait_healthy()
        messenger_down(m)
        messenger_hangs(m)
    finally:
        m.stop()


def messenger_down(m: Messengers) -> None:
    tg, zalo, serve, title = m.tg, m.zalo, m.serve, "Tân Phú tổ chức"
    down, back = threading.Event(), threading.Event()

    def outage(chat: str) -> bool:  # both messengers go down after the third post, until the test says
        if not back.is_set() and len(m.posts(title)) >= 3:
            down.set()
        return down.is_set() and not back.is_set() and chat != str(ADMIN)

    tg.outage = zalo.outage = outage
    serve.webhook(update(1, f"/them {m.site.server.url}/bai-viet", ADMIN), SECRET)
    wait_for(down.is_set, 120, "the broadcast to start and the messengers to go down")
    # Members ask while both are down; their replies are refused, retried after a backoff.
    serve.webhook(update(2, QUESTION, 7001), SECRET)
    zalo.push(zalo.update(QUESTION, user="zm"))
    wait_for(lambda: len(tg.refusals("7001")) >= 2 and len(zalo.refusals("zm")) >= 2
             and len(tg.refusals()) - len(tg.refusals("7001")) >= 2 and len(zalo.refusals()) - len(zalo.refusals("zm")) >= 2,
             60, "replies and posts refused, then tried again")
    assert len(m.posts(title)) == 3
    back.set()  # the messengers come back
    everyone = set(m.tg_chats) | set(m.zalo_chats)
    wait_for(lambda: {str(p["chat_id"]) for p in m.posts(title)} == everyone, 60, "every chat to get the post")
    wait_for(lambda: tg.sent(chat_id=7001) and zalo.sent("zm"), 30, "both replies")
    assert set(Counter(str(p["chat_id"]) for p in m.posts(title)).values()) == {1}  # none twice
    [reply] = tg.sent(chat_id=7001)
    [zalo_reply] = zalo.sent("zm")
    assert "40 gian hàng" in reply["text"] and "40 gian hàng" in zalo_reply["text"]
    wait_for(lambda: m.counts(title) == {"sent": 16}, 30, "the ledger to settle")
    assert m.ledger.db.scalar("SELECT MAX(attempts) FROM broadcasts") >= 1  # the ledger deferred, then sent
    # A reply the messenger never takes is given up after UNIONBOT_REPLY_ATTEMPTS, not retried forever.
    tg.outage = lambda chat: chat == "7002"
    serve.webhook(update(3, QUESTION, 7002), SECRET)
    wait_for(lambda: "reply to telegram:7002 given up after 6 attempts" in serve.output(), 60, "the give-up")
    assert len(tg.refusals("7002")) == 6 and not tg.sent(chat_id=7002)
    tg.outage = zalo.outage = lambda chat: False


def messenger_hangs(m: Messengers) -> None:
    """Telegram and Zalo take requests and never answer (past UNIONBOT_SEND_TIMEOUT_SECONDS) for a
    while: Telegram as if it delivered and lost the answer, Zalo as if it dropped the message."""
    tg, zalo, serve, title = m.tg, m.zalo, m.serve, "Tân Phú TREO"
    down, back = threading.Event(), threading.Event()

    def hanging(mode: str):
        def stall(method: str, chat: str):  # both hang after the third post, until the test says
            if not back.is_set() and len(m.posts(title)) >= 3:
                down.set()
            return mode if down.is_set() and not back.is_set() else None
        return stall

    tg.stall, zalo.stall = hanging("after"), hanging("before")
    since = len(serve.output())
    serve.webhook(update(4, f"/them {m.site.server.url}/tin/treo", ADMIN), SECRET)
    wait_for(down.is_set, 120, "the broadcast to start and the messengers to hang")
    unknown = lambda: {r["platform"]: r["chat_id"] for r in m.ledger.db.query(
        "SELECT platform, chat_id FROM broadcasts WHERE status='unknown'")}
    # The next post of each platform goes into the hang. (Members ask only after: a member's typing
    # indicator timing out first would make Zalo doubtful, and its broadcaster would ping instead
    # of posting — right, but then no post would be in doubt there.)
    wait_for(lambda: set(unknown()) == {"telegram", "zalo"}, 60, "a post in doubt on each platform")
    # Members ask while both hang: the typing indicator times out, the replies wait on pings.
    serve.webhook(update(5, QUESTION, 7003), SECRET)
    zalo.push(zalo.update(QUESTION, user="zm2"))
    wait_for(lambda: len(reply_delays(serve.output(), "telegram:7003")) >= 2
             and len(reply_delays(serve.output(), "zalo:zm2")) >= 2, 60, "the replies waiting on unanswered pings")
    # One post per platform went into the hang; no other post and no reply was risked meanwhile.
    assert len(tg.stalls()) == len(zalo.stalls()) == 1 and len(m.posts(title)) == 4  # 3 + Telegram's lost answer
    assert not tg.sent(chat_id=7003) and not zalo.sent("zm2")
    delays = broadcast_delays(serve.output()[since:], "telegram")
    assert delays[:2] == [0.3, 0.6], delays  # the platform's next post waits, doubling
    back.set()  # the messengers answer again
    in_doubt = unknown()
    everyone = (set(m.tg_chats) | set(m.zalo_chats)) - {in_doubt["zalo"]}  # Zalo dropped its post in doubt
    wait_for(lambda: {str(p["chat_id"]) for p in m.posts(title)} == everyone, 60, "every other chat to get the post")
    wait_for(lambda: tg.sent(chat_id=7003) and zalo.sent("zm2"), 60, "both replies")
    assert set(Counter(str(p["chat_id"]) for p in m.posts(title)).values()) == {1}  # none twice
    assert "40 gian hàng" in tg.sent(chat_id=7003)[0]["text"] and "40 gian hàng" in zalo.sent("zm2")[0]["text"]
    wait_for(lambda: m.counts(title) == {"sent": 14, "unknown": 2}, 30, "the ledger to settle")
    assert in_doubt["telegram"] in {str(p["chat_id"]) for p in m.posts(title)}  # delivered, though never confirmed
    # A messenger that keeps hanging: the reply is never thrown into it, and is given up after
    # UNIONBOT_REPLY_ATTEMPTS pings, not retried forever.
    pings = len(tg.stalls("getMe"))
    tg.stall = lambda method, chat: "before"
    serve.webhook(update(6, QUESTION, 7004), SECRET)
    wait_for(lambda: "reply to telegram:7004 given up after 6 attempts" in serve.output(), 90, "the give-up")
    assert not tg.stalls(chat_id=7004) and len(tg.stalls("getMe")) - pings >= 6  # (the broadcaster's too)
    assert reply_delays(serve.output(), "telegram:7004") == [0.3, 0.6, 1.2, 2, 2]  # doubling, capped


# -- stopped mid-work --------------------------------------------------------------------------
def logged_at(log: str, needle: str) -> float:
    """When the process logged its first line holding `needle` (its own clock, seconds since the epoch)."""
    stamp = re.search(rf"^(\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d),(\d{{3}}) .*{re.escape(needle)}", log, re.M)
    assert stamp, f"never logged: {needle}"
    return time.mktime(time.strptime(stamp.group(1), "%Y-%m-%d %H:%M:%S")) + int(stamp.group(2)) / 1000


def test_sigterm_during_reload_and_broadcast_then_the_next_start_finishes(tmp_path, embedder):
    data, src = tmp_path / "data", tmp_path / "sources"
    shutil.copytree(ARTICLES, src / "kb")
    ledger = BotDB(seeded(data, embedder, src).database)
    chats = [str(6100 + i) for i in range(10)]
    for chat in chats:
        ledger.subscribe("telegram", chat, "private")
    ledger.plan_broadcast("maiam-danang-2023")  # a broadcast under way when the bot is stopped
    fake = FakeTelegram().start()
    posts = lambda title: [p for p in fake.sent() if str(p["chat_id"]) in chats and title in p["text"]]
    old_title = "Mái ấm Công đoàn"
    fake.held = lambda chat: chat in chats and len(posts(old_title)) > 3  # the 4th post stays in flight
    gate = tmp_path / "build-gate"
    gate.touch()  # the /reload's index build stays in progress
    port = free_port()
    settings = dict(sources=src, shutdown_seconds=4, broadcast_lease_seconds=2, broadcast_poll_seconds=0.2)
    env = telegram_env(data, fake, port, **settings)
    env.update({"HARNESS_FULL_BUILDS": "1", "HARNESS_BUILD_GATE": str(gate)})
    serve = ServeProcess(tmp_path, "first", env, harness=True, port=port)
    second = None
    try:
        serve.wait_healthy()
        questions = [new_article(src / "kb", n, 50 + n) for n in (3, 4)]
        serve.webhook(update(1, "/reload", ADMIN), SECRET)
        wait_for(lambda: len(posts(old_title)) == 4 and said(fake, ADMIN, "Đang dựng chỉ mục"), 120,
                 "a post in flight and the index build under way")
        t = time.time()
        serve.proc.send_signal(signal.SIGTERM)
        # The held post and the gated build would never finish: that it exits at all, cleanly, is the cut. Work
        # gets its full UNIONBOT_SHUTDOWN_SECONDS first, by the process's own clock (the stop signal to the cut).
        # No bound on the wall time seen from outside: under load (20 on 2 cores) the exit reached this test 7.9–9.6 s
        # after the signal, though idle and at load 11 the timeline is signal +0.00 s, cut +4.00 s, exit +4.05 s.
        assert serve.proc.wait(30) == 0
        log = serve.output()
        cut = logged_at(log, "stopping now") - logged_at(log, "stop signal")
        print(f"stopped in {time.time() - t:.1f} s, cut {cut:.2f} s after the signal (UNIONBOT_SHUTDOWN_SECONDS=4)")
        assert 4 - 0.01 <= cut < 4 + 2  # (the log's milliseconds are cut, not rounded); a late cut fails too
        assert any(p.name.startswith(".building-") for p in (data / "index").iterdir())  # cut short mid-build

        # The next start: the half-built index is cleared and the store re-indexed, the broadcast
        # finished, the reload's new articles announced — each chat gets each post once.
        fake.release.set()
        gate.unlink()
        second = ServeProcess(tmp_path, "second", telegram_env(data, fake, port, **settings), port=port)
        second.wait_healthy()
        for n, question in zip((3, 4), questions):
            assert wait_for(lambda: answers(second, question, f"{50 + n} tập thể"), 60, "the reloaded article")
            title = f"Đồng Tâm {n}"
            wait_for(lambda: {str(p["chat_id"]) for p in posts(title)} == set(chats), 60, f"{title} announced")
        wait_for(lambda: {str(p["chat_id"]) for p in posts(old_title)} == set(chats), 60, "the broadcast finished")
        wait_for(lambda: ledger.claim_broadcast(lease_seconds=60) is None
                 and set(ledger.broadcast_counts("maiam-danang-2023")) <= {"sent", "unknown"}, 30, "the ledger to settle")
        for title in (old_title, "Đồng Tâm 3", "Đồng Tâm 4"):
            assert set(Counter(str(p["chat_id"]) for p in posts(title)).values()) == {1}, title
        # The post in flight at the stop reached its chat; the ledger cannot know, so it is never re-sent.
        assert ledger.broadcast_counts("maiam-danang-2023") == {"sent": 9, "unknown": 1}
        assert not [p for p in (data / "index").iterdir() if p.name.startswith(".building-")]
    finally:
        serve.stop()
        if second:
            assert second.stop() == 0
        fake.stop()


# -- PostgreSQL restarted under the bot ----------------------------------------------------------
@pytest.mark.skipif(BACKEND != "postgresql", reason="a PostgreSQL fault: runs in the suite's PostgreSQL pass")
def test_postgresql_restarted_under_serve(tmp_path, embedder):
    pg = pgserver.PgServer()  # a server of its own, to stop and start
    serve = None
    try:
        url = pg.database("restart")
        seed = Answerer(make_settings(tmp_path / "data", database_url=url), embedder=embedder)
        seed.ingest([ARTICLES], progress=False)
        seed.ensure_fresh()
        seed.store.close()
        env = subprocess_env(tmp_path / "data")
        env.update({"UNIONBOT_DATABASE_URL": url, "UNIONBOT_FLOOD_PER_MINUTE": "0", "UNIONBOT_STORE_POLL_SECONDS": "1"})
        serve = ServeProcess(tmp_path, "serve", env)
        serve.wait_healthy()
        assert answers(serve, QUESTION, "40 gian hàng")
        pg.pause()
        during = serve.ask(QUESTION)
        assert during.status_code == 200 and during.json()["answer"] == texts.INTERNAL_ERROR  # an apology
        pid = serve.proc.pid
        pg.resume()
        assert wait_for(lambda: answers(serve, QUESTION, "40 gian hàng"), 60, "answers after the restart")
        assert serve.proc.poll() is None and serve.proc.pid == pid  # the same process: no restart of the bot needed
    finally:
        if serve:
            serve.stop()
        pg.stop()
