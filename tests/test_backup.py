"""`unionbot backup` / `restore`: a consistent snapshot taken while the bot writes, loaded into an
empty data dir (or database) that answers at once; question texts past the retention are not in
it. Scheduled backups keep the newest UNIONBOT_BACKUP_KEEP. Runs on SQLite and PostgreSQL alike
(the suite's two passes)."""
import asyncio
import threading
import time

from bot.core import backup
from bot.core.assemble import make_core
from bot.core.state import BotDB
from bot.channels.web import WebChannel
from bot.server import build_app
from retrieval.service import Answerer
from tests.conftest import BACKEND, database, make_settings, subprocess_env
from tests.helpers import ARTICLES, N_ARTICLES
from tests.servers import serve_in_loop

QUESTION = "Phiên chợ Tết Công đoàn ở Bình Định có bao nhiêu gian hàng?"


def test_backup_while_writing_then_restore_answers_at_once(cli, tmp_path, monkeypatch):
    assert cli("ingest", "-q", str(ARTICLES))[0] == 0
    live = BotDB(database(tmp_path / "cli-data" / "unionbot.sqlite3"))
    old = live.log_question("web", "câu hỏi đã quá hạn lưu", "other", False, None, [], None, [])
    live.db.execute("UPDATE questions SET created_at = created_at - 100 * 86400 WHERE id = ?", (old,))
    live.subscribe("telegram", "42", "private")
    # The bot keeps writing while the snapshot is taken.
    stop, written = threading.Event(), []

    def member_questions():
        while not stop.is_set():
            written.append(live.log_question("web", f"câu hỏi {len(written)}", "other", True, None, [], None, []))

    writer = threading.Thread(target=member_questions)
    writer.start()
    try:
        while len(written) < 20:
            time.sleep(0.01)
        file = tmp_path / "unionbot.backup"
        code, out = cli("backup", str(file))
    finally:
        stop.set()
        writer.join()
    assert code == 0 and "câu hỏi cũ hơn 90 ngày không có" in out
    assert backup.kind(file) == ("postgresql" if BACKEND == "postgresql" else "sqlite")

    # Restored into an empty data dir (and database): the bot answers from it at once.
    for key, value in subprocess_env(tmp_path / "restored").items():
        if key.startswith("UNIONBOT_"):
            monkeypatch.setenv(key, value)
    code, out = cli("restore", str(file))
    assert code == 0 and f"{N_ARTICLES} bài viết" in out, cli.err
    code, out = cli("ask", "--json", QUESTION)
    assert code == 0 and '"found": true' in out and "40 gian hàng" in out
    restored = BotDB(database(tmp_path / "restored" / "unionbot.sqlite3"))
    kept = {r["question"] for r in restored.db.query("SELECT question FROM questions")}
    assert "câu hỏi đã quá hạn lưu" not in kept  # past the retention: not in the backup
    assert {"câu hỏi 0", "câu hỏi 19"} <= kept and restored.subscriptions()[0]["chat_id"] == "42"
    # One snapshot: every question in it is one the writer had finished, in order, with no gap.
    numbers = sorted(int(q.split()[-1]) for q in kept)
    assert numbers == list(range(len(numbers)))
    # A data dir that already holds data is never overwritten.
    code, _ = cli("restore", str(file))
    assert code == 1 and "đã có dữ liệu" in cli.err


async def test_scheduled_backups_keep_the_newest(tmp_path, kb):
    folder = tmp_path / "backups"
    settings = make_settings(tmp_path, backup_dir=str(folder), backup_keep=2, backup_interval_hours=0.2 / 3600)
    core = make_core(settings, kb, BotDB(database(tmp_path / "b.sqlite3")))
    server, task, port = await serve_in_loop(build_app(core, [WebChannel(core)]))
    try:
        deadline = time.time() + 60
        while len([a for a in core.db.audit_log() if a["action"] == "backup"]) < 4:
            assert time.time() < deadline, "scheduled backups were not written"
            await asyncio.sleep(0.05)
    finally:
        server.should_exit = True
        await task
    runs = [a for a in core.db.audit_log() if a["action"] == "backup"]
    assert all(a["result"] == "ok" for a in runs), runs
    kept = sorted(folder.glob("unionbot-*"))
    assert len(kept) == 2 and {backup.kind(p) for p in kept} == {core.db.db.dialect}
