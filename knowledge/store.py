"""SQLite store of articles, chunks and facts — what the bot knows, durably.

WAL mode so readers (answering members) never wait on a writer (an admin's
reload). `revision` rises on every change; indexes compare it to know they
are stale.
"""
from __future__ import annotations

import json
import sqlite3
import threading
import time
from pathlib import Path

from .chunk import chunk_article
from .models import Article, Chunk, Fact, FaqEntry

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, title TEXT NOT NULL, date TEXT, url TEXT, source TEXT,
    text TEXT NOT NULL, content_hash TEXT NOT NULL, version INTEGER NOT NULL DEFAULT 1,
    added_at REAL NOT NULL, updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL, text TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_article ON chunks(article_id, ord);
CREATE TABLE IF NOT EXISTS facts (
    chunk_id TEXT NOT NULL REFERENCES chunks(id) ON DELETE CASCADE,
    kind TEXT NOT NULL, value TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS facts_chunk ON facts(chunk_id);
CREATE TABLE IF NOT EXISTS sources (
    location TEXT PRIMARY KEY, kind TEXT NOT NULL, added_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS faq (
    id TEXT PRIMARY KEY, questions TEXT NOT NULL, answer TEXT NOT NULL, basis TEXT, source TEXT,
    valid_from TEXT, origin TEXT UNIQUE, content_hash TEXT NOT NULL, updated_at REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS feed_items (
    link TEXT PRIMARY KEY, feed TEXT NOT NULL, seen_at REAL NOT NULL
);
"""


def connect(path: Path) -> sqlite3.Connection:
    """A WAL connection usable from the bot's worker threads (guarded by callers' locks)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(str(path), check_same_thread=False, timeout=30, isolation_level=None)
    con.row_factory = sqlite3.Row
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA foreign_keys=ON")
    con.execute("PRAGMA synchronous=NORMAL")
    return con


class Store:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.con = connect(self.path)
        self.lock = threading.RLock()
        with self.lock:
            self.con.executescript(_SCHEMA)
            cols = {r[1] for r in self.con.execute("PRAGMA table_info(articles)")}
            if "origin" not in cols:  # stores made before article identity was kept
                self.con.execute("ALTER TABLE articles ADD COLUMN origin TEXT")
            self.con.execute("CREATE UNIQUE INDEX IF NOT EXISTS articles_origin ON articles(origin)")

    def close(self) -> None:
        self.con.close()

    # -- revision -------------------------------------------------------
    @property
    def revision(self) -> int:
        row = self.con.execute("SELECT value FROM meta WHERE key='revision'").fetchone()
        return int(row[0]) if row else 0

    def _bump(self) -> None:
        self.con.execute(
            "INSERT INTO meta(key, value) VALUES('revision', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1")

    # -- articles -------------------------------------------------------
    def _claim_id(self, article: Article) -> sqlite3.Row | None:
        """The stored row of the same origin (its id is kept), or None after giving `article` an
        id no other origin holds: "tin-moi" from a second folder becomes "tin-moi-2"."""
        origin = article.identity
        row = self.con.execute("SELECT id, origin, content_hash FROM articles WHERE origin=?", (origin,)).fetchone()
        if row:
            article.id = row["id"]
            return row
        base, n = article.id, 1
        while True:
            row = self.con.execute("SELECT id, origin, content_hash FROM articles WHERE id=?", (article.id,)).fetchone()
            if row is None:
                return None
            if row["origin"] is None:  # stored before origins were kept: adopt it
                self.con.execute("UPDATE articles SET origin=? WHERE id=?", (origin, article.id))
                return row
            n += 1
            article.id = f"{base}-{n}"

    def upsert(self, article: Article) -> str:
        """Store one article; returns "added", "updated" or "unchanged".

        Identity is the article's origin (path or URL), never its file name: the same origin
        updates its article; another origin with a taken id gets a new id (`article.id` is
        changed in place, so callers report the id actually stored). Chunk ids hash their
        content, so an edit replaces only the passages that changed.
        """
        digest = article.hash
        now = time.time()
        with self.lock:
            row = self._claim_id(article)
            if row and row["content_hash"] == digest:
                return "unchanged"
            chunks = chunk_article(article)
            self.con.execute("BEGIN IMMEDIATE")
            try:
                if row:
                    self.con.execute(
                        "UPDATE articles SET title=?, date=?, url=?, source=?, text=?, content_hash=?,"
                        " version=version+1, updated_at=?, origin=? WHERE id=?",
                        (article.title, article.date, article.url, article.source, article.text,
                         digest, now, article.identity, article.id))
                    self.con.execute("DELETE FROM chunks WHERE article_id=?", (article.id,))
                else:
                    self.con.execute(
                        "INSERT INTO articles(id, title, date, url, source, text, content_hash,"
                        " version, added_at, updated_at, origin) VALUES(?,?,?,?,?,?,?,1,?,?,?)",
                        (article.id, article.title, article.date, article.url, article.source,
                         article.text, digest, now, now, article.identity))
                self._insert_chunks(chunks)
                self._bump()
                self.con.execute("COMMIT")
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
        return "updated" if row else "added"

    def _insert_chunks(self, chunks: list[Chunk]) -> None:
        self.con.executemany("INSERT OR REPLACE INTO chunks(id, article_id, ord, text) VALUES(?,?,?,?)",
                             [(c.id, c.article_id, c.ord, c.text) for c in chunks])
        self.con.executemany("INSERT INTO facts(chunk_id, kind, value) VALUES(?,?,?)",
                             [(c.id, f.kind, f.value) for c in chunks for f in c.facts])

    # -- curated hỏi đáp ---------------------------------------------------
    def upsert_faq(self, entry: FaqEntry) -> str:
        """Store one hỏi đáp entry (identity: its origin); "added", "updated" or "unchanged"."""
        with self.lock:
            row = self.con.execute("SELECT id, content_hash FROM faq WHERE origin=?", (entry.identity,)).fetchone()
            if row:
                entry.id = row["id"]
                if row["content_hash"] == entry.hash:
                    return "unchanged"
            else:
                base, n = entry.id, 1
                while self.con.execute("SELECT 1 FROM faq WHERE id=?", (entry.id,)).fetchone():
                    n += 1
                    entry.id = f"{base}-{n}"
            self.con.execute("BEGIN IMMEDIATE")
            self.con.execute(
                "INSERT INTO faq(id, questions, answer, basis, source, valid_from, origin, content_hash, updated_at)"
                " VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET questions=excluded.questions,"
                " answer=excluded.answer, basis=excluded.basis, source=excluded.source,"
                " valid_from=excluded.valid_from, content_hash=excluded.content_hash, updated_at=excluded.updated_at",
                (entry.id, json.dumps(entry.questions, ensure_ascii=False), entry.answer, entry.basis, entry.source,
                 entry.valid_from, entry.identity, entry.hash, time.time()))
            self._bump()
            self.con.execute("COMMIT")
        return "updated" if row else "added"

    def faq_entries(self) -> list[FaqEntry]:
        return [FaqEntry(id=r["id"], questions=json.loads(r["questions"]), answer=r["answer"], basis=r["basis"],
                         source=r["source"], valid_from=r["valid_from"], origin=r["origin"])
                for r in self.con.execute("SELECT * FROM faq ORDER BY updated_at DESC")]

    def remove(self, article_id: str) -> bool:
        """Remove an article, or a hỏi đáp entry, by its id."""
        with self.lock:
            self.con.execute("BEGIN IMMEDIATE")
            cur = self.con.execute("DELETE FROM articles WHERE id=?", (article_id,))
            if not cur.rowcount:
                cur = self.con.execute("DELETE FROM faq WHERE id=?", (article_id,))
            if cur.rowcount:
                self._bump()
            self.con.execute("COMMIT")
            return cur.rowcount > 0

    def article(self, article_id: str) -> Article | None:
        row = self.con.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        return _article(row) if row else None

    def articles(self, newest_first: bool = True) -> list[Article]:
        order = "COALESCE(date, '') DESC, added_at DESC" if newest_first else "id"
        return [_article(r) for r in self.con.execute(f"SELECT * FROM articles ORDER BY {order}")]

    def article_meta(self) -> list[dict]:
        """id, title, date, url, version, chunk count — for listings."""
        rows = self.con.execute(
            "SELECT a.id, a.title, a.date, a.url, a.version, a.added_at, COUNT(c.id) AS chunks"
            " FROM articles a LEFT JOIN chunks c ON c.article_id = a.id"
            " GROUP BY a.id ORDER BY COALESCE(a.date, '') DESC, a.added_at DESC")
        return [dict(r) for r in rows]

    def count(self) -> tuple[int, int]:
        a = self.con.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        c = self.con.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        return a, c

    def chunks(self, article_id: str | None = None) -> list[Chunk]:
        sql = ("SELECT c.id, c.article_id, c.ord, c.text, a.title, a.date FROM chunks c"
               " JOIN articles a ON a.id = c.article_id")
        args: tuple = ()
        if article_id is not None:
            sql += " WHERE c.article_id=?"
            args = (article_id,)
        sql += " ORDER BY c.article_id, c.ord"
        out = [Chunk(id=r["id"], article_id=r["article_id"], ord=r["ord"], text=r["text"],
                     title=r["title"], date=r["date"]) for r in self.con.execute(sql, args)]
        facts: dict[str, list[Fact]] = {}
        fsql = "SELECT f.chunk_id, f.kind, f.value FROM facts f"
        if article_id is not None:  # only this article's facts, not the whole table
            fsql += " JOIN chunks c ON c.id = f.chunk_id WHERE c.article_id = ?"
        for r in self.con.execute(fsql, args):
            facts.setdefault(r[0], []).append(Fact(r[1], r[2]))
        for c in out:
            c.facts = facts.get(c.id, [])
        return out

    def describe(self, article_id: str) -> dict | None:
        """Everything the bot knows about one article, for `unionbot show`."""
        art = self.article(article_id)
        if art is None:
            return None
        return {
            "id": art.id, "title": art.title, "date": art.date, "url": art.url, "source": art.source,
            "text": art.text,
            "chunks": [{"id": c.id, "ord": c.ord, "text": c.text,
                        "facts": [{"kind": f.kind, "value": f.value} for f in c.facts]}
                       for c in self.chunks(article_id)],
        }

    # -- sources re-read by /reload -------------------------------------
    def add_source(self, location: str, kind: str) -> None:
        with self.lock:
            self.con.execute("INSERT OR IGNORE INTO sources(location, kind, added_at) VALUES(?,?,?)",
                             (location, kind, time.time()))

    def seen_feed_item(self, link: str) -> bool:
        return self.con.execute("SELECT 1 FROM feed_items WHERE link=?", (link,)).fetchone() is not None

    def mark_feed_item(self, link: str, feed: str) -> None:
        with self.lock:
            self.con.execute("INSERT OR IGNORE INTO feed_items(link, feed, seen_at) VALUES(?,?,?)",
                             (link, feed, time.time()))

    def sources(self) -> list[dict]:
        return [dict(r) for r in self.con.execute("SELECT * FROM sources ORDER BY added_at")]


def _article(row: sqlite3.Row) -> Article:
    return Article(id=row["id"], title=row["title"], text=row["text"], date=row["date"],
                   url=row["url"], source=row["source"], origin=row["origin"])


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)
