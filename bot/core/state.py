"""The bot's own tables, beside the knowledge store in the same SQLite file.

Only what the product needs: questions with the sources of their answers and
members' feedback (for the admin's report; never who asked), an audit log of
admin actions, subscriptions and the broadcast ledger.
"""
from __future__ import annotations

import hashlib
import json
import threading
import time
from pathlib import Path

from retrieval.api import connect_database

_SCHEMA = """
CREATE TABLE IF NOT EXISTS questions (
    id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, question TEXT NOT NULL,
    qtype TEXT, found INTEGER NOT NULL, span TEXT, sources TEXT NOT NULL DEFAULT '[]',
    passage TEXT, related TEXT NOT NULL DEFAULT '[]', created_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS questions_time ON questions(created_at);
CREATE TABLE IF NOT EXISTS feedback (
    question_id INTEGER NOT NULL REFERENCES questions(id) ON DELETE CASCADE,
    voter TEXT NOT NULL, value INTEGER NOT NULL, created_at REAL NOT NULL,
    PRIMARY KEY (question_id, voter)
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT, platform TEXT NOT NULL, user_id TEXT NOT NULL,
    action TEXT NOT NULL, detail TEXT, result TEXT, created_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS subscriptions (
    platform TEXT NOT NULL, chat_id TEXT NOT NULL, chat_type TEXT NOT NULL, created_at REAL NOT NULL,
    PRIMARY KEY (platform, chat_id)
);
CREATE TABLE IF NOT EXISTS broadcasts (
    article_id TEXT NOT NULL, platform TEXT NOT NULL, chat_id TEXT NOT NULL,
    status TEXT NOT NULL, detail TEXT, updated_at REAL NOT NULL,
    PRIMARY KEY (article_id, platform, chat_id)
);
"""

WEEK = 7 * 24 * 3600


def voter_key(platform: str, user_id: str) -> str:
    """Feedback is de-duplicated per member without keeping who they are."""
    return hashlib.sha256(f"{platform}:{user_id}".encode()).hexdigest()[:20]


class BotDB:
    def __init__(self, path: Path):
        self.con = connect_database(Path(path))
        self.lock = threading.RLock()
        with self.lock:
            self.con.executescript(_SCHEMA)

    def log_question(self, platform: str, question: str, qtype: str, found: bool, span: str | None,
                     sources: list[dict], passage: str | None, related: list[dict]) -> int:
        with self.lock:
            cur = self.con.execute(
                "INSERT INTO questions(platform, question, qtype, found, span, sources, passage, related, created_at)"
                " VALUES(?,?,?,?,?,?,?,?,?)",
                (platform, question, qtype, int(found), span, json.dumps(sources, ensure_ascii=False), passage,
                 json.dumps(related, ensure_ascii=False), time.time()))
            return int(cur.lastrowid)

    def question(self, qid: int) -> dict | None:
        row = self.con.execute("SELECT * FROM questions WHERE id=?", (qid,)).fetchone()
        if row is None:
            return None
        d = dict(row)
        d["sources"] = json.loads(d["sources"])
        d["related"] = json.loads(d["related"])
        return d

    def feedback(self, qid: int, platform: str, user_id: str, value: int) -> bool:
        if self.question(qid) is None:
            return False
        with self.lock:
            self.con.execute(
                "INSERT INTO feedback(question_id, voter, value, created_at) VALUES(?,?,?,?)"
                " ON CONFLICT(question_id, voter) DO UPDATE SET value=excluded.value, created_at=excluded.created_at",
                (qid, voter_key(platform, user_id), 1 if value > 0 else -1, time.time()))
        return True

    def audit(self, platform: str, user_id: str, action: str, detail: str, result: str) -> None:
        with self.lock:
            self.con.execute("INSERT INTO audit(platform, user_id, action, detail, result, created_at)"
                             " VALUES(?,?,?,?,?,?)", (platform, str(user_id), action, detail, result, time.time()))

    def audit_log(self, limit: int = 50) -> list[dict]:
        return [dict(r) for r in self.con.execute("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,))]

    def stats(self, since: float) -> dict:
        q = self.con.execute("SELECT COUNT(*), COALESCE(SUM(found), 0) FROM questions WHERE created_at >= ?",
                             (since,)).fetchone()
        fb = self.con.execute(
            "SELECT COALESCE(SUM(value > 0), 0), COALESCE(SUM(value < 0), 0) FROM feedback WHERE created_at >= ?",
            (since,)).fetchone()
        top = self.con.execute(
            "SELECT question, COUNT(*) AS n FROM questions WHERE found = 0 AND created_at >= ?"
            " GROUP BY lower(question) ORDER BY n DESC, MAX(created_at) DESC LIMIT 5", (since,)).fetchall()
        return {"asked": q[0], "answered": q[1], "not_found": q[0] - q[1], "up": fb[0], "down": fb[1],
                "top_unanswered": [(r[0], r[1]) for r in top]}

    def unanswered(self, since: float, limit: int = 10) -> list[dict]:
        """The latest questions members got no answer to (one per wording), newest first."""
        return [dict(r) for r in self.con.execute(
            "SELECT MAX(id) AS id, question FROM questions WHERE found = 0 AND created_at >= ?"
            " GROUP BY lower(question) ORDER BY MAX(created_at) DESC LIMIT ?", (since, limit))]

    # -- subscriptions -----------------------------------------------------
    def subscribe(self, platform: str, chat_id: str, chat_type: str) -> bool:
        with self.lock:
            cur = self.con.execute("INSERT OR IGNORE INTO subscriptions(platform, chat_id, chat_type, created_at)"
                                   " VALUES(?,?,?,?)", (platform, str(chat_id), chat_type, time.time()))
            return cur.rowcount > 0

    def unsubscribe(self, platform: str, chat_id: str) -> bool:
        with self.lock:
            cur = self.con.execute("DELETE FROM subscriptions WHERE platform=? AND chat_id=?", (platform, str(chat_id)))
            return cur.rowcount > 0

    def subscriptions(self, platform: str | None = None) -> list[dict]:
        sql, args = "SELECT * FROM subscriptions", ()
        if platform:
            sql, args = sql + " WHERE platform=?", (platform,)
        return [dict(r) for r in self.con.execute(sql + " ORDER BY created_at", args)]

    def move_subscription(self, platform: str, old: str, new: str) -> None:
        """A Telegram group became a supergroup: same members, new chat id."""
        with self.lock:
            self.con.execute("UPDATE OR IGNORE subscriptions SET chat_id=? WHERE platform=? AND chat_id=?",
                             (str(new), platform, str(old)))
            self.con.execute("DELETE FROM subscriptions WHERE platform=? AND chat_id=?", (platform, str(old)))

    # -- broadcast ledger (article × chat) ---------------------------------
    def plan_broadcast(self, article_id: str) -> int:
        """One pending row per subscribed chat; existing rows are never re-planned."""
        with self.lock:
            cur = self.con.execute(
                "INSERT OR IGNORE INTO broadcasts(article_id, platform, chat_id, status, updated_at)"
                " SELECT ?, platform, chat_id, 'pending', ? FROM subscriptions", (article_id, time.time()))
            return cur.rowcount

    def ledger_add(self, article_id: str, platform: str, chat_id: str) -> None:
        with self.lock:
            self.con.execute("INSERT OR IGNORE INTO broadcasts(article_id, platform, chat_id, status, updated_at)"
                             " VALUES(?,?,?,'pending',?)", (article_id, platform, str(chat_id), time.time()))

    def pending_broadcasts(self) -> list[dict]:
        return [dict(r) for r in self.con.execute(
            "SELECT * FROM broadcasts WHERE status='pending' ORDER BY updated_at, article_id, chat_id")]

    def mark_broadcast(self, article_id: str, platform: str, chat_id: str, status: str, detail: str = "") -> None:
        with self.lock:
            self.con.execute("UPDATE broadcasts SET status=?, detail=?, updated_at=? WHERE article_id=? AND platform=?"
                             " AND chat_id=?", (status, detail, time.time(), article_id, platform, str(chat_id)))

    def broadcast_counts(self, article_id: str) -> dict[str, int]:
        return {r[0]: r[1] for r in self.con.execute(
            "SELECT status, COUNT(*) FROM broadcasts WHERE article_id=? GROUP BY status", (article_id,))}

    def purge(self, retention_days: int) -> int:
        """Question text is kept for a configurable number of days only."""
        with self.lock:
            cur = self.con.execute("DELETE FROM questions WHERE created_at < ?",
                                   (time.time() - retention_days * 86400,))
            return cur.rowcount
