"""The storage layer both backends share: migrations, leases, shared limits, shared embeddings,
and moving a SQLite store into PostgreSQL. Runs on SQLite and again on PostgreSQL (see
conftest.BACKEND); the tests about what only a server does use the throw-away server directly."""
import threading

import pytest

from bot.core.state import BotDB
from knowledge.db import open_database
from knowledge.models import Article
from knowledge.store import MIGRATIONS, Store
from retrieval.service import Answerer
from tests import pgserver
from tests.conftest import database, make_settings
from tests.helpers import ARTICLES, N_ARTICLES

needs_postgres = pytest.mark.skipif(not pgserver.available(), reason="PostgreSQL server binaries not installed")


def test_migrations_are_numbered_and_applied_once(tmp_path):
    where = database(tmp_path / "m.sqlite3")
    store = Store(where)
    BotDB(store.db)
    applied = {(r["namespace"], r["version"]) for r in store.db.query("SELECT * FROM schema_migrations")}
    assert {("knowledge", 1), ("knowledge", 2), ("knowledge", 3), ("bot", 1), ("bot", 2), ("bot", 3)} <= applied
    again = open_database(where)
    assert again.migrate("knowledge", MIGRATIONS) == []


def test_two_workers_never_take_the_same_post(tmp_path):
    where = database(tmp_path / "w.sqlite3")
    Store(where)
    a, b = BotDB(open_database(where)), BotDB(open_database(where))  # two connections, as two workers
    for i in range(120):
        a.subscribe("telegram", str(i), "private")
    assert a.plan_broadcast("bai-1") == 120 and b.plan_broadcast("bai-1") == 0  # planned once
    taken: dict[str, list[str]] = {"a": [], "b": []}

    def work(name: str, db: BotDB) -> None:
        while (row := db.claim_broadcast(lease_seconds=60)) is not None:
            taken[name].append(row["chat_id"])
            db.mark_broadcast(row["article_id"], row["platform"], row["chat_id"], "sent")

    threads = [threading.Thread(target=work, args=(n, db)) for n, db in (("a", a), ("b", b))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(taken["a"] + taken["b"], key=int) == [str(i) for i in range(120)]  # each exactly once
    assert a.broadcast_counts("bai-1") == {"sent": 120}


def test_a_post_whose_worker_died_mid_send_is_not_sent_again(tmp_path):
    db = BotDB(Store(database(tmp_path / "d.sqlite3")).db)
    for chat in ("1", "2"):
        db.subscribe("zalo", chat, "private")
    db.plan_broadcast("bai")
    first = db.claim_broadcast(lease_seconds=0.0)  # its worker is gone: the lease runs out at once
    second = db.claim_broadcast(lease_seconds=60)
    assert second and second["chat_id"] != first["chat_id"]
    assert db.claim_broadcast(lease_seconds=60) is None  # the first one is never handed out again
    assert db.broadcast_counts("bai") == {"unknown": 1, "sending": 1}


def test_flood_window_and_delivery_dedup_hold_across_workers(tmp_path):
    where = database(tmp_path / "f.sqlite3")
    Store(where)
    a, b = BotDB(open_database(where)), BotDB(open_database(where))
    assert a.flood_hit("zalo:7", limit=2, window=60, now=1000.0) == 0
    assert b.flood_hit("zalo:7", limit=2, window=60, now=1001.0) == 0
    assert a.flood_hit("zalo:7", limit=2, window=60, now=1002.0) == pytest.approx(58.0)
    assert b.flood_hit("zalo:7", limit=2, window=60, now=1061.0) == 0  # the window moved on
    assert a.first_delivery("zalo:message:m1") and not b.first_delivery("zalo:message:m1")
    key = a.shared_secret("web-session")  # web session cookies signed by one worker pass on the other
    assert len(key) == 32 and b.shared_secret("web-session") == key


def test_a_second_worker_embeds_nothing_the_first_already_did(tmp_path, embedder, monkeypatch):
    settings = make_settings(tmp_path / "one")
    first = Answerer(settings, embedder=embedder)
    first.ingest([ARTICLES], progress=False)
    first.ensure_fresh()
    stored = first.store.db.scalar("SELECT COUNT(*) AS n FROM vectors")
    assert stored >= first.store.count()[1]  # every passage (and sentence) vector is in the store
    encoded: list[int] = []
    real = embedder._encode
    monkeypatch.setattr(embedder, "_encode", lambda texts, *a, **k: encoded.append(len(texts)) or real(texts, *a, **k))
    monkeypatch.setattr(embedder, "_cache", __import__("sqlite3").connect(":memory:"))  # a machine of its own
    embedder._cache.execute("CREATE TABLE vec (key TEXT PRIMARY KEY, v BLOB)")
    shared = Store(database(tmp_path / "one" / "unionbot.sqlite3"))  # the first worker's store
    second = Answerer(make_settings(tmp_path / "two"), store=shared, embedder=embedder)
    second.rebuild()
    assert encoded == [] or set(encoded) == {0}
    assert second.ask("Tết Sum vầy 2025 trao bao nhiêu suất quà?").answer.found


@needs_postgres
def test_only_one_worker_holds_the_feed_poller_lock():
    url = pgserver.server().database("locks")
    a, b = open_database(url), open_database(url)
    with a.advisory_lock("feeds") as got_a:
        with b.advisory_lock("feeds") as got_b:
            assert got_a and not got_b
    with b.advisory_lock("feeds") as got_b:
        assert got_b  # released when the first worker let go


@needs_postgres
def test_a_change_is_notified_to_other_workers():
    url = pgserver.server().database("notify")
    watcher, writer = Store(url), Store(url)
    heard: list[bool] = []
    t = threading.Thread(target=lambda: heard.append(watcher.wait_for_change(10)))
    t.start()
    import time
    time.sleep(0.5)  # the watcher is listening
    writer.upsert(Article(id="moi", title="Bài mới", text="Công đoàn tổ chức hội thao cho 300 đoàn viên.",
                          origin="test:moi"))
    t.join(12)
    assert heard == [True] and watcher.revision == writer.revision


@needs_postgres
def test_migrate_moves_a_sqlite_store_into_postgresql(cli, monkeypatch):
    monkeypatch.delenv("UNIONBOT_DATABASE_URL", raising=False)  # the source: SQLite in the data dir
    assert cli("ingest", "--quiet", str(ARTICLES))[0] == 0
    code, before = cli("ask", "Tết Sum vầy 2025 trao bao nhiêu suất quà?")
    url = pgserver.server().database("migrated")
    code, out = cli("migrate", "--to", url)
    assert code == 0 and f"articles: {N_ARTICLES}" in out and "vectors:" in out
    assert cli("migrate", "--to", url)[0] == 5 and "đã có dữ liệu" in cli.err  # only into an empty store
    monkeypatch.setenv("UNIONBOT_DATABASE_URL", url)
    code, after = cli("ask", "Tết Sum vầy 2025 trao bao nhiêu suất quà?")
    assert code == 0 and after == before and "4.800" in after


def test_an_unreachable_database_is_named_not_a_traceback(cli, monkeypatch):
    monkeypatch.setenv("UNIONBOT_DATABASE_URL", "postgresql://unionbot:secret@127.0.0.1:1/none")
    code, _ = cli("list")
    assert code == 5 and "127.0.0.1:1" in cli.err and "secret" not in cli.err
