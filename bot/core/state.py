"""The bot's own tables, beside the knowledge store in the same database (SQLite or PostgreSQL).

Only what the product needs: questions with the sources of their answers and
members' feedback (for the admin's report; never who asked), an audit log of
admin actions, subscriptions and the broadcast ledger.
"""
from __future__ import annotations

import hashlib
import json
import secrets
import time
from pathlib import Path

from retrieval.api import Database, copy_tables, open_database

MIGRATIONS = Path(__file__).with_name("migrations")
WEEK = 7 * 24 * 3600
CHAT_STATE_SECONDS = 86400  # short-lived chat state (topics, /nguon, /tim pages) is purged after a day


def voter_key(platform: str, user_id: str) -> str:
    """Feedback is de-duplicated per member without keeping who they are."""
    return hashlib.sha256(f"{platform}:{user_id}".encode()).hexdigest()[:20]


class BotDB:
    def __init__(self, location: "str | Path | Database"):
        """`location`: the knowledge store's open Database (shared), a SQLite path or a URL."""
        self.db = location if isinstance(location, Database) else open_database(location)
        self.db.migrate("bot", MIGRATIONS)

    def log_question(self, platform: str, question: str, qtype: str, found: bool, span: str | None,
                     sources: list[dict], passage: str | None, related: list[dict]) -> int:
        return int(self.db.scalar(
            "INSERT INTO questions(platform, question, qtype, found, span, sources, passage, related, created_at)"
            " VALUES(?,?,?,?,?,?,?,?,?) RETURNING id",
            (platform, question, qtype, int(found), span, json.dumps(sources, ensure_ascii=False), passage,
             json.dumps(related, ensure_ascii=False), time.time())))

    def question(self, qid: int) -> dict | None:
        d = self.db.one("SELECT * FROM questions WHERE id=?", (qid,))
        if d is None:
            return None
        d["sources"] = json.loads(d["sources"])
        d["related"] = json.loads(d["related"])
        return d

    def feedback(self, qid: int, platform: str, user_id: str, value: int) -> bool:
        if self.question(qid) is None:
            return False
        self.db.execute(
            "INSERT INTO feedback(question_id, voter, value, created_at) VALUES(?,?,?,?)"
            " ON CONFLICT(question_id, voter) DO UPDATE SET value=excluded.value, created_at=excluded.created_at",
            (qid, voter_key(platform, user_id), 1 if value > 0 else -1, time.time()))
        return True

    def audit(self, platform: str, user_id: str, action: str, detail: str, result: str) -> None:
        self.db.execute("INSERT INTO audit(platform, user_id, action, detail, result, created_at)"
                        " VALUES(?,?,?,?,?,?)", (platform, str(user_id), action, detail, result, time.time()))

    def audit_log(self, limit: int = 50) -> list[dict]:
        return self.db.query("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,))

    def stats(self, since: float) -> dict:
        q = self.db.one("SELECT COUNT(*) AS n, COALESCE(SUM(found), 0) AS found FROM questions"
                        " WHERE created_at >= ?", (since,))
        fb = self.db.one(
            "SELECT COALESCE(SUM(CASE WHEN value > 0 THEN 1 ELSE 0 END), 0) AS up,"
            " COALESCE(SUM(CASE WHEN value < 0 THEN 1 ELSE 0 END), 0) AS down FROM feedback WHERE created_at >= ?",
            (since,))
        top = self.db.query(
            "SELECT MIN(question) AS question, COUNT(*) AS n FROM questions WHERE found = 0 AND created_at >= ?"
            " GROUP BY lower(question) ORDER BY n DESC, MAX(created_at) DESC LIMIT 5", (since,))
        asked, answered = int(q["n"]), int(q["found"])
        return {"asked": asked, "answered": answered, "not_found": asked - answered, "up": int(fb["up"]),
                "down": int(fb["down"]), "top_unanswered": [(r["question"], int(r["n"])) for r in top]}

    def unanswered(self, since: float, limit: int = 10) -> list[dict]:
        """The latest questions members got no answer to (one per wording), newest first."""
        return self.db.query(
            "SELECT MAX(id) AS id, MIN(question) AS question FROM questions WHERE found = 0 AND created_at >= ?"
            " GROUP BY lower(question) ORDER BY MAX(created_at) DESC LIMIT ?", (since, limit))

    # -- subscriptions -----------------------------------------------------
    def subscribe(self, platform: str, chat_id: str, chat_type: str) -> bool:
        return self.db.execute("INSERT INTO subscriptions(platform, chat_id, chat_type, created_at)"
                               " VALUES(?,?,?,?) ON CONFLICT DO NOTHING",
                               (platform, str(chat_id), chat_type, time.time())) > 0

    def unsubscribe(self, platform: str, chat_id: str) -> bool:
        return self.db.execute("DELETE FROM subscriptions WHERE platform=? AND chat_id=?",
                               (platform, str(chat_id))) > 0

    def subscriptions(self, platform: str | None = None) -> list[dict]:
        sql, args = "SELECT * FROM subscriptions", ()
        if platform:
            sql, args = sql + " WHERE platform=?", (platform,)
        return self.db.query(sql + " ORDER BY created_at, chat_id", args)

    def move_subscription(self, platform: str, old: str, new: str) -> None:
        """A Telegram group became a supergroup: same members, new chat id."""
        with self.db.transaction():
            self.db.execute("INSERT INTO subscriptions(platform, chat_id, chat_type, created_at)"
                            " SELECT platform, ?, chat_type, created_at FROM subscriptions"
                            " WHERE platform=? AND chat_id=? ON CONFLICT DO NOTHING", (str(new), platform, str(old)))
            self.db.execute("DELETE FROM subscriptions WHERE platform=? AND chat_id=?", (platform, str(old)))

    # -- broadcast ledger (article × chat) ---------------------------------
    # pending → sending (leased to one worker) → sent / failed / removed / moved; a row whose
    # lease ran out while sending (its worker died mid-send), or whose send the messenger took and
    # never answered (a read timeout), becomes "unknown" and is never sent again: a member may
    # miss that one post, but never gets it twice.
    def plan_broadcast(self, article_id: str) -> int:
        """One pending row per subscribed chat; existing rows are never re-planned."""
        return self.db.execute(
            "INSERT INTO broadcasts(article_id, platform, chat_id, status, updated_at, planned_at)"
            " SELECT ?, platform, chat_id, 'pending', ?, ? FROM subscriptions WHERE true ON CONFLICT DO NOTHING",
            (article_id, time.time(), time.time()))

    def ledger_add(self, article_id: str, platform: str, chat_id: str) -> None:
        self.db.execute("INSERT INTO broadcasts(article_id, platform, chat_id, status, updated_at, planned_at)"
                        " VALUES(?,?,?,'pending',?,?) ON CONFLICT DO NOTHING",
                        (article_id, platform, str(chat_id), time.time(), time.time()))

    def pending_broadcasts(self) -> list[dict]:
        """Rows due now (a row waiting out a messenger's backoff is not due yet)."""
        return self.db.query("SELECT * FROM broadcasts WHERE status='pending' AND retry_at <= ?"
                             " ORDER BY updated_at, article_id, chat_id", (time.time(),))

    def claim_broadcast(self, lease_seconds: float) -> dict | None:
        """Lease the next pending row to this worker (no other worker gets it), or None."""
        now = time.time()
        lock = " FOR UPDATE SKIP LOCKED" if self.db.dialect == "postgresql" else ""
        with self.db.transaction():
            self.db.execute("UPDATE broadcasts SET status='unknown', detail='worker stopped mid-send', updated_at=?"
                            " WHERE status='sending' AND lease_until < ?", (now, now))
            return self.db.one(
                "UPDATE broadcasts SET status='sending', lease_until=?, updated_at=?"
                " WHERE (article_id, platform, chat_id) = (SELECT article_id, platform, chat_id FROM broadcasts"
                f" WHERE status='pending' AND retry_at <= ? ORDER BY updated_at, article_id, chat_id LIMIT 1{lock})"
                " RETURNING article_id, platform, chat_id, attempts", (now + lease_seconds, now, now))

    def retry_broadcast(self, article_id: str, platform: str, chat_id: str, detail: str, delay: float,
                        give_up_seconds: float) -> str:
        """The messenger took nothing (down, 5xx): the row is pending again after `delay`, and every
        other pending row of that platform waits as long (it is down for them too). A row planned
        more than `give_up_seconds` ago is failed instead. Returns the row's new status."""
        now = time.time()
        key = (article_id, platform, str(chat_id))
        row = self.db.one("SELECT attempts, COALESCE(planned_at, updated_at) AS planned FROM broadcasts"
                          " WHERE article_id=? AND platform=? AND chat_id=?", key)
        attempts = int(row["attempts"]) + 1 if row else 1
        if row is None or now - float(row["planned"]) > give_up_seconds:
            self.mark_broadcast(*key, "failed", f"gave up after {attempts} attempts: {detail}"[:200])
            return "failed"
        with self.db.transaction():
            self.db.execute("UPDATE broadcasts SET status='pending', attempts=?, retry_at=?, detail=?, updated_at=?,"
                            " lease_until=NULL WHERE article_id=? AND platform=? AND chat_id=?",
                            (attempts, now + delay, detail[:200], now, *key))
            self.defer_platform(platform, delay)
        return "pending"

    def defer_platform(self, platform: str, delay: float) -> None:
        """No pending row of `platform` is due before `delay` seconds from now (it is down for them too)."""
        until = time.time() + delay
        self.db.execute("UPDATE broadcasts SET retry_at=? WHERE status='pending' AND platform=? AND retry_at < ?",
                        (until, platform, until))

    def mark_broadcast(self, article_id: str, platform: str, chat_id: str, status: str, detail: str = "") -> None:
        self.db.execute("UPDATE broadcasts SET status=?, detail=?, updated_at=?, lease_until=NULL"
                        " WHERE article_id=? AND platform=? AND chat_id=?",
                        (status, detail, time.time(), article_id, platform, str(chat_id)))

    def next_due(self, article_ids: list[str]) -> float | None:
        """Seconds until the first pending row of these articles is due (0 when one is due now), or
        None when none is pending: a run waiting out a messenger's backoff knows how long to wait."""
        if not article_ids:
            return None
        marks = ",".join("?" * len(article_ids))
        row = self.db.one(f"SELECT MIN(retry_at) AS due FROM broadcasts WHERE status='pending' AND article_id IN ({marks})",
                          tuple(article_ids))
        return None if row is None or row["due"] is None else max(0.0, float(row["due"]) - time.time())

    def broadcast_counts(self, article_id: str) -> dict[str, int]:
        return {r["status"]: int(r["n"]) for r in self.db.query(
            "SELECT status, COUNT(*) AS n FROM broadcasts WHERE article_id=? GROUP BY status", (article_id,))}

    # -- what any worker must see the same way -------------------------------
    def flood_hit(self, member: str, limit: int, window: float, now: float) -> float:
        """Count one question of `member`: 0 when allowed, else the seconds to wait."""
        with self.db.transaction():
            self.db.execute("DELETE FROM flood WHERE member=? AND at <= ?", (member, now - window))
            row = self.db.one("SELECT COUNT(*) AS n, MIN(at) AS first FROM flood WHERE member=?", (member,))
            if limit > 0 and int(row["n"]) >= limit:
                return window - (now - float(row["first"]))
            self.db.execute("INSERT INTO flood(member, at) VALUES(?,?)", (member, now))
            return 0.0

    def first_delivery(self, key: str, keep_seconds: float = 86400) -> bool:
        """True the first time a platform delivers `key` (an update it may send twice)."""
        now = time.time()
        self.db.execute("DELETE FROM deliveries WHERE at < ?", (now - keep_seconds,))
        return self.db.execute("INSERT INTO deliveries(key, at) VALUES(?,?) ON CONFLICT DO NOTHING",
                               (key, now)) > 0

    def exclusive(self, name: str):
        """Context manager: True for the one worker that holds `name` (feed polling), else False."""
        return self.db.advisory_lock(name)

    def shared_secret(self, name: str) -> bytes:
        """A random key made once and kept in the database: every worker signs alike, and a
        restart keeps members' sessions."""
        self.db.execute("INSERT INTO chat_state(key, value, at) VALUES(?,?,?) ON CONFLICT DO NOTHING",
                        (f"secret:{name}", secrets.token_hex(32), float("inf")))
        return bytes.fromhex(self.db.scalar("SELECT value FROM chat_state WHERE key=?", (f"secret:{name}",)))

    def state_get(self, key: str, max_age: float, now: float | None = None) -> str | None:
        row = self.db.one("SELECT value, at FROM chat_state WHERE key=?", (key,))
        now = time.time() if now is None else now
        return row["value"] if row and now - float(row["at"]) <= max_age else None

    def state_put(self, key: str, value: str | None, now: float | None = None) -> None:
        if value is None:
            self.db.execute("DELETE FROM chat_state WHERE key=?", (key,))
            return
        self.db.execute("INSERT INTO chat_state(key, value, at) VALUES(?,?,?)"
                        " ON CONFLICT(key) DO UPDATE SET value=excluded.value, at=excluded.at",
                        (key, value, time.time() if now is None else now))

    TABLES = ["questions", "feedback", "audit", "subscriptions", "broadcasts"]  # not the short-lived ones

    def copy_to(self, target: "BotDB") -> dict[str, int]:
        return copy_tables(self.db, target.db, self.TABLES)

    def purge(self, retention_days: int) -> int:
        """Question text is kept for a configurable number of days only (follow-up topics, the flood
        window's rows: a day)."""
        now = time.time()
        self.db.execute("DELETE FROM chat_state WHERE at < ?", (now - CHAT_STATE_SECONDS,))  # (secrets never expire)
        self.db.execute("DELETE FROM flood WHERE at < ?", (now - CHAT_STATE_SECONDS,))  # members who never came back
        return self.db.execute("DELETE FROM questions WHERE created_at < ?", (now - retention_days * 86400,))
