"""Backups of the whole store — articles, hỏi đáp, embeddings and the bot's own tables — taken while
the bot runs, and restoring one into an empty data dir or database.

Question texts past UNIONBOT_QUESTION_RETENTION_DAYS are purged before the snapshot (the same
purge a start does), so a backup never keeps what the bot itself no longer keeps.
"""
from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from retrieval.api import Database, Store

from .state import BotDB

PATTERN = "unionbot-*"  # scheduled backups: unionbot-YYYYmmdd-HHMMSSmmm.sqlite3 / .dump
SUFFIX = {"sqlite": ".sqlite3", "postgresql": ".dump"}


def write(db: Database, path: Path, retention_days: int) -> Path:
    """A consistent snapshot of `db` at `path` (SQLite: a database file; PostgreSQL: pg_dump's
    custom format)."""
    BotDB(db).purge(retention_days)
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return db.backup(Path(path))


def scheduled(db: Database, folder: Path, keep: int, retention_days: int) -> Path:
    """One backup into `folder`, then only the newest `keep` are left."""
    folder = Path(folder)
    now = time.time()
    stamp = f"{time.strftime('%Y%m%d-%H%M%S', time.localtime(now))}{int(now * 1000) % 1000:03d}"
    path = write(db, folder / f"unionbot-{stamp}{SUFFIX[db.dialect]}", retention_days)
    for old in sorted(folder.glob(PATTERN), key=lambda p: p.name)[:-keep]:
        old.unlink(missing_ok=True)
    return path


def due_in(folder: Path, interval_seconds: float) -> float:
    """Seconds until the next scheduled backup: the interval after the newest in `folder`."""
    newest = max((p.stat().st_mtime for p in Path(folder).glob(PATTERN)), default=0.0)
    return max(0.0, newest + interval_seconds - time.time())


def kind(path: Path) -> str | None:
    """"sqlite", "postgresql" (a pg_dump custom-format file), or None."""
    with open(path, "rb") as f:
        head = f.read(16)
    if head.startswith(b"SQLite format 3\0"):
        return "sqlite"
    if head.startswith(b"PGDMP"):
        return "postgresql"
    return None


def restore(target: Store, path: Path) -> None:
    """Load a backup into the empty `target`: the same engine directly; a SQLite backup into
    PostgreSQL by copying its tables (as `unionbot migrate` does). Raises ValueError for a file that
    is no backup, or a pg_dump file meant for SQLite."""
    found = kind(path)
    if found is None:
        raise ValueError(f"{path}: không phải tệp sao lưu của UnionBot (SQLite hoặc pg_dump)")
    if found == target.db.dialect:
        target.db.restore(path)
        return
    if found == "postgresql":
        raise ValueError(f"{path} là bản pg_dump: chỉ khôi phục được vào PostgreSQL (UNIONBOT_DATABASE_URL)")
    with tempfile.TemporaryDirectory(prefix="unionbot-restore-") as tmp:
        copy = Path(tmp) / "backup.sqlite3"
        shutil.copyfile(path, copy)  # opening it migrates it: never the admin's file itself
        source = Store(copy)
        source.copy_to(target)
        BotDB(source.db).copy_to(BotDB(target.db))
        source.close()
