"""The store of articles, chunks, facts, hỏi đáp and embeddings — what the bot knows, durably.

SQLite by default, PostgreSQL when several workers share it (knowledge.db). `revision` rises
on every change (and notifies the other workers); indexes compare it to know they are stale.
"""
from __future__ import annotations

import json
import os
import time
from pathlib import Path

import numpy as np

from .chunk import chunk_article
from .db import REVISION_CHANNEL, Database, DatabaseError, copy_tables, open_database
from .loaders import record_file
from .models import Article, Chunk, Fact, FaqEntry

MIGRATIONS = Path(__file__).with_name("migrations")


class Store:
    def __init__(self, location: str | Path | Database):
        """`location`: a SQLite file path, a postgresql:// URL, or an open Database."""
        self.db = location if isinstance(location, Database) else open_database(location)
        if self.db.dialect == "sqlite" and self.db.query("SELECT 1 FROM sqlite_master WHERE name='articles'"):
            cols = {r["name"] for r in self.db.query("PRAGMA table_info(articles)")}
            if "origin" not in cols:  # stores made before article identity was kept
                self.db.execute("ALTER TABLE articles ADD COLUMN origin TEXT")
        self.db.migrate("knowledge", MIGRATIONS)

    @property
    def location(self) -> str:
        return self.db.location

    def close(self) -> None:
        self.db.close()

    # -- revision -------------------------------------------------------
    @property
    def revision(self) -> int:
        value = self.db.scalar("SELECT value FROM meta WHERE key='revision'")
        return int(value) if value else 0

    def _bump(self) -> int:
        """Inside the caller's transaction; other workers hear of it at commit. The new revision."""
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES('revision', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(CAST(meta.value AS INTEGER) + 1 AS TEXT)")
        self.db.notify(REVISION_CHANNEL)
        return int(self.db.scalar("SELECT value FROM meta WHERE key='revision'"))

    def changes_since(self, revision: int) -> tuple[list[str], list[str]]:
        """(articles added or changed, articles removed) after `revision`."""
        changed = sorted(r["id"] for r in self.db.query(  # (no ORDER BY: it would scan by id, not by revision)
            "SELECT id FROM articles WHERE changed_rev > ?", (revision,)))
        removed = [r["id"] for r in self.db.query(
            "SELECT DISTINCT r.id FROM removed_articles r WHERE r.revision > ?"
            " AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.id = r.id) ORDER BY r.id", (revision,))]
        return changed, removed

    def wait_for_change(self, timeout: float) -> bool:
        """Block until another process changes the store (PostgreSQL) or `timeout` passes."""
        return self.db.wait(REVISION_CHANNEL, timeout)

    # -- articles -------------------------------------------------------
    def _claim_id(self, article: Article) -> dict | None:
        """The stored row of the same origin (its id is kept), or None after giving `article` an
        id no other origin holds: "tin-moi" from a second folder becomes "tin-moi-2"."""
        origin = article.identity
        row = self.db.one("SELECT id, origin, content_hash FROM articles WHERE origin=?", (origin,))
        if row:
            article.id = row["id"]
            return row
        base, n = article.id, 1
        while True:
            row = self.db.one("SELECT id, origin, content_hash FROM articles WHERE id=?", (article.id,))
            if row is None:
                return None
            if row["origin"] is None:  # stored before origins were kept: adopt it
                self.db.execute("UPDATE articles SET origin=? WHERE id=?", (origin, article.id))
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
        with self.db.transaction():
            row = self._claim_id(article)
            if row and row["content_hash"] == digest:
                return "unchanged"
            chunks = chunk_article(article)
            if row:
                self.db.execute(
                    "UPDATE articles SET title=?, date=?, url=?, source=?, text=?, content_hash=?,"
                    " version=version+1, updated_at=?, origin=? WHERE id=?",
                    (article.title, article.date, article.url, article.source, article.text,
                     digest, now, article.identity, article.id))
                self.db.execute("DELETE FROM chunks WHERE article_id=?", (article.id,))
            else:
                self.db.execute(
                    "INSERT INTO articles(id, title, date, url, source, text, content_hash,"
                    " version, added_at, updated_at, origin) VALUES(?,?,?,?,?,?,?,1,?,?,?)",
                    (article.id, article.title, article.date, article.url, article.source,
                     article.text, digest, now, now, article.identity))
            self._insert_chunks(chunks)
            self.db.execute("UPDATE articles SET changed_rev=? WHERE id=?", (self._bump(), article.id))
        return "updated" if row else "added"

    def _insert_chunks(self, chunks: list[Chunk]) -> None:
        self.db.executemany("INSERT INTO chunks(id, article_id, ord, text) VALUES(?,?,?,?)"
                            " ON CONFLICT(id) DO UPDATE SET article_id=excluded.article_id, ord=excluded.ord,"
                            " text=excluded.text",
                            [(c.id, c.article_id, c.ord, c.text) for c in chunks])
        self.db.executemany("INSERT INTO facts(chunk_id, kind, value) VALUES(?,?,?)",
                            [(c.id, f.kind, f.value) for c in chunks for f in c.facts])

    # -- curated hỏi đáp ---------------------------------------------------
    def upsert_faq(self, entry: FaqEntry) -> str:
        """Store one hỏi đáp entry (identity: its origin); "added", "updated" or "unchanged"."""
        with self.db.transaction():
            row = self.db.one("SELECT id, content_hash FROM faq WHERE origin=?", (entry.identity,))
            if row:
                entry.id = row["id"]
                if row["content_hash"] == entry.hash:
                    return "unchanged"
            else:
                base, n = entry.id, 1
                while self.db.one("SELECT 1 AS x FROM faq WHERE id=?", (entry.id,)):
                    n += 1
                    entry.id = f"{base}-{n}"
            self.db.execute(
                "INSERT INTO faq(id, questions, answer, basis, source, valid_from, origin, content_hash, updated_at)"
                " VALUES(?,?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET questions=excluded.questions,"
                " answer=excluded.answer, basis=excluded.basis, source=excluded.source,"
                " valid_from=excluded.valid_from, content_hash=excluded.content_hash, updated_at=excluded.updated_at",
                (entry.id, json.dumps(entry.questions, ensure_ascii=False), entry.answer, entry.basis, entry.source,
                 entry.valid_from, entry.identity, entry.hash, time.time()))
            self._bump()
        return "updated" if row else "added"

    def faq_entries(self) -> list[FaqEntry]:
        return [_faq_entry(r) for r in self.db.query("SELECT * FROM faq ORDER BY updated_at DESC, id")]

    def faq_entry(self, entry_id: str) -> FaqEntry | None:
        """One hỏi đáp entry by its id (None: no such entry)."""
        row = self.db.one("SELECT * FROM faq WHERE id=?", (entry_id,))
        return _faq_entry(row) if row else None

    def remove(self, article_id: str) -> bool:
        """Remove an article, or a hỏi đáp entry, by its id."""
        with self.db.transaction():
            n = self.db.execute("DELETE FROM articles WHERE id=?", (article_id,))
            if n:
                self.db.execute("INSERT INTO removed_articles(id, revision) VALUES(?,?)", (article_id, self._bump()))
            elif self.db.execute("DELETE FROM faq WHERE id=?", (article_id,)):
                n = 1
                self._bump()
        return n > 0

    def article(self, article_id: str) -> Article | None:
        row = self.db.one("SELECT * FROM articles WHERE id=?", (article_id,))
        return _article(row) if row else None

    def articles(self, newest_first: bool = True) -> list[Article]:
        order = "COALESCE(date, '') DESC, added_at DESC, id" if newest_first else "id"
        return [_article(r) for r in self.db.query(f"SELECT * FROM articles ORDER BY {order}")]

    def article_meta(self) -> list[dict]:
        """id, title, date, url, version, chunk count — for listings."""
        return self.db.query(
            "SELECT a.id, a.title, a.date, a.url, a.version, a.added_at, COUNT(c.id) AS chunks"
            " FROM articles a LEFT JOIN chunks c ON c.article_id = a.id"
            " GROUP BY a.id, a.title, a.date, a.url, a.version, a.added_at"
            " ORDER BY COALESCE(a.date, '') DESC, a.added_at DESC, a.id")

    def count(self) -> tuple[int, int]:
        return (int(self.db.scalar("SELECT COUNT(*) AS n FROM articles")),
                int(self.db.scalar("SELECT COUNT(*) AS n FROM chunks")))

    def chunks(self, article_id: str | None = None) -> list[Chunk]:
        sql = ("SELECT c.id, c.article_id, c.ord, c.text, a.title, a.date FROM chunks c"
               " JOIN articles a ON a.id = c.article_id")
        args: tuple = ()
        if article_id is not None:
            sql += " WHERE c.article_id=?"
            args = (article_id,)
        sql += " ORDER BY c.article_id, c.ord"
        out = [Chunk(id=r["id"], article_id=r["article_id"], ord=r["ord"], text=r["text"],
                     title=r["title"], date=r["date"]) for r in self.db.query(sql, args)]
        facts: dict[str, list[Fact]] = {}
        fsql = "SELECT f.chunk_id, f.kind, f.value FROM facts f"
        if article_id is not None:  # only this article's facts, not the whole table
            fsql += " JOIN chunks c ON c.id = f.chunk_id WHERE c.article_id = ?"
        for r in self.db.query(fsql, args):
            facts.setdefault(r["chunk_id"], []).append(Fact(r["kind"], r["value"]))
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

    # -- embeddings, shared by every worker --------------------------------
    def vectors(self, model: str, digests: list[str]) -> dict[str, np.ndarray]:
        """The stored float32 vectors of these texts (by digest) under `model`."""
        out: dict[str, np.ndarray] = {}
        for i in range(0, len(digests), 500):
            part = digests[i:i + 500]
            marks = ",".join("?" * len(part))
            for r in self.db.query(f"SELECT digest, vec FROM vectors WHERE model=? AND digest IN ({marks})",
                                   (model, *part)):
                out[r["digest"]] = np.frombuffer(bytes(r["vec"]), dtype=np.float32)
        return out

    def put_vectors(self, model: str, items: dict[str, np.ndarray]) -> None:
        with self.db.transaction():
            self.db.executemany("INSERT INTO vectors(model, digest, vec) VALUES(?,?,?) ON CONFLICT DO NOTHING",
                                [(model, d, np.asarray(v, dtype=np.float32).tobytes()) for d, v in items.items()])

    # -- moving to another database -----------------------------------------
    TABLES = ["meta", "articles", "chunks", "facts", "sources", "faq", "feed_items", "vectors", "removed_articles"]

    def copy_to(self, target: "Store") -> dict[str, int]:
        """Copy everything (embeddings included, so nothing is embedded again) into an empty store."""
        if target.count()[0] or target.faq_entries():
            raise DatabaseError("migrate_not_empty", where=target.location)
        copied = copy_tables(self.db, target.db, self.TABLES)
        with target.db.transaction():
            target._bump()  # workers already following the target hear of it
        return copied

    # -- sources re-read by /reload -------------------------------------
    def add_source(self, location: str, kind: str) -> None:
        self.db.execute("INSERT INTO sources(location, kind, added_at) VALUES(?,?,?) ON CONFLICT DO NOTHING",
                        (location, kind, time.time()))

    def seen_feed_item(self, link: str) -> bool:
        return self.db.one("SELECT 1 AS x FROM feed_items WHERE link=?", (link,)) is not None

    def mark_feed_item(self, link: str, feed: str) -> None:
        self.db.execute("INSERT INTO feed_items(link, feed, seen_at) VALUES(?,?,?) ON CONFLICT DO NOTHING",
                        (link, feed, time.time()))

    def sources(self) -> list[dict]:
        return self.db.query("SELECT * FROM sources ORDER BY added_at, location")

    def remove_source(self, location: str) -> None:
        self.db.execute("DELETE FROM sources WHERE location=?", (location,))

    def read_from(self, location: str) -> bool:
        """Does an article or hỏi đáp entry still come from this file or URL?"""
        sources = self.db.query("SELECT source AS s FROM articles WHERE substr(source, 1, ?)=?",
                                (len(location), location))
        origins = self.db.query("SELECT origin AS s FROM faq WHERE substr(origin, 1, ?)=?", (len(location), location))
        return any(record_file(r["s"]) == location for r in (*sources, *origins))


def _faq_entry(row: dict) -> FaqEntry:
    return FaqEntry(id=row["id"], questions=json.loads(row["questions"]), answer=row["answer"], basis=row["basis"],
                    source=row["source"], valid_from=row["valid_from"], origin=row["origin"])


def _article(row: dict) -> Article:
    return Article(id=row["id"], title=row["title"], text=row["text"], date=row["date"],
                   url=row["url"], source=row["source"], origin=row["origin"])


def dumps(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def within(path: str, root: str) -> bool:
    """Is this source the root itself or under it? (Not a neighbour sharing its prefix: /srv/tin-2024
    is not within /srv/tin.)"""
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)
