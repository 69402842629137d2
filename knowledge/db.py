"""One storage interface, two engines: SQLite (embedded default) and PostgreSQL (shared by workers).

The code above writes one SQL dialect: `?` placeholders, `ON CONFLICT … DO …`, `RETURNING`,
which both engines understand; this module adapts the placeholders, opens transactions, and
gives what only a server has (notifications, advisory locks) a local stand-in, so a single
process on SQLite behaves the same without a server.
"""
from __future__ import annotations

import hashlib
import re
import sqlite3
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ContextManager, Iterable, Iterator

from .problems import Problem

REVISION_CHANNEL = "unionbot_revision"  # NOTIFY channel: the knowledge store changed


class DatabaseError(Problem, RuntimeError):
    """The database cannot be reached, opened or restored into; the code and facts name it (never its
    password)."""


def redact(url: str) -> str:
    return re.sub(r"//([^:/@]+):[^@]*@", r"//\1:***@", url)


def is_postgres(location: str | Path) -> bool:
    return str(location).startswith(("postgresql://", "postgres://"))


def open_database(location: str | Path) -> "Database":
    """A path → SQLite file; a postgresql:// URL → a pooled PostgreSQL connection."""
    return PostgresDatabase(str(location)) if is_postgres(location) else SqliteDatabase(Path(location))


class Database:
    dialect = ""
    location = ""

    def execute(self, sql: str, args: Iterable = ()) -> int:
        """Run one statement; returns the rows it changed."""
        raise NotImplementedError

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        raise NotImplementedError

    def query(self, sql: str, args: Iterable = ()) -> list[dict]:
        raise NotImplementedError

    def one(self, sql: str, args: Iterable = ()) -> dict | None:
        rows = self.query(sql, args)
        return rows[0] if rows else None

    def scalar(self, sql: str, args: Iterable = ()) -> Any:
        row = self.one(sql, args)
        return next(iter(row.values())) if row else None

    def transaction(self) -> ContextManager[None]:
        """Statements inside run atomically, on one connection; nested blocks join the outer one."""
        raise NotImplementedError

    def notify(self, channel: str) -> None:
        """Wake the other processes waiting on `channel` (sent at commit)."""

    def wait(self, channel: str, timeout: float) -> bool:
        """Block until `channel` is notified (True) or `timeout` passes (False)."""
        time.sleep(timeout)
        return False

    def release_thread(self) -> None:
        """Close what this thread holds of its own (the LISTEN connection)."""

    @contextmanager
    def advisory_lock(self, name: str, wait: bool = False) -> Iterator[bool]:
        """Held by one process at a time across all workers; yields whether it was acquired
        (`wait`: block until it is)."""
        yield True

    def close(self) -> None:
        pass

    def migrate(self, namespace: str, folder: Path) -> list[int]:
        """Apply `folder/NNN_*.sql` files not yet applied for `namespace`, in number order, each
        in its own transaction; returns the versions applied. `{id}` and `{blob}` in the SQL stand
        for the engine's auto-increment key and byte-string types."""
        files = sorted((int(p.name.split("_", 1)[0]), p) for p in Path(folder).glob("[0-9][0-9][0-9]_*.sql"))
        applied: list[int] = []
        with self.advisory_lock(f"migrate:{namespace}", wait=True):
            self.execute("CREATE TABLE IF NOT EXISTS schema_migrations (namespace TEXT NOT NULL,"
                         " version INTEGER NOT NULL, name TEXT NOT NULL, applied_at DOUBLE PRECISION NOT NULL,"
                         " PRIMARY KEY (namespace, version))")
            done = {r["version"] for r in self.query("SELECT version FROM schema_migrations WHERE namespace=?",
                                                     (namespace,))}
            for version, path in files:
                if version in done:
                    continue
                sql = path.read_text(encoding="utf-8").format(**self.TYPES)
                with self.transaction():
                    for statement in _statements(sql):
                        self.execute(statement)
                    self.execute("INSERT INTO schema_migrations(namespace, version, name, applied_at)"
                                 " VALUES(?,?,?,?)", (namespace, version, path.stem, time.time()))
                applied.append(version)
        return applied

    TYPES: dict[str, str] = {}

    def backup(self, path: Path) -> Path:
        """A consistent snapshot of the whole database, written while others keep writing (SQLite's
        online backup; pg_dump's one transaction), to a temporary name and then renamed."""
        raise NotImplementedError

    def restore(self, path: Path) -> None:
        """Load a snapshot of this engine's `backup` into this database, which must hold no data."""
        raise NotImplementedError

    def holds_data(self) -> bool:
        """Any article, hỏi đáp entry, question or subscription (restore refuses to overwrite them)."""
        for table in ("articles", "faq", "questions", "subscriptions"):
            try:
                if self.query(f"SELECT 1 AS x FROM {table} LIMIT 1"):
                    return True
            except Exception:  # no such table yet: nothing in it
                continue
        return False

    def reset_sequences(self, tables: list[str]) -> None:
        """After rows were copied in with their ids: new rows continue after them."""


def copy_tables(src: Database, dst: Database, tables: list[str], batch: int = 2000) -> dict[str, int]:
    """Copy every row of `tables` (in this order: parents first) from one database to another;
    returns the rows copied per table."""
    copied: dict[str, int] = {}
    for table in tables:
        rows = src.query(f"SELECT * FROM {table}")
        if rows:
            cols = list(rows[0])
            sql = (f"INSERT INTO {table}({', '.join(cols)}) VALUES({', '.join('?' * len(cols))})"
                   " ON CONFLICT DO NOTHING")
            for i in range(0, len(rows), batch):
                with dst.transaction():
                    dst.executemany(sql, [tuple(r[c] for c in cols) for r in rows[i:i + batch]])
        copied[table] = len(rows)
    dst.reset_sequences(tables)
    return copied


def _statements(sql: str) -> list[str]:
    lines = [ln for ln in sql.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


class SqliteDatabase(Database):
    """One WAL connection shared by the process's threads (a lock serialises them): readers never
    wait on a writer, and a single process needs no server."""

    dialect = "sqlite"
    TYPES = {"id": "INTEGER PRIMARY KEY AUTOINCREMENT", "blob": "BLOB"}

    def __init__(self, path: Path):
        self.path = Path(path)
        self.location = str(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.con = sqlite3.connect(str(path), check_same_thread=False, timeout=30, isolation_level=None)
        except sqlite3.Error as e:
            raise DatabaseError("open", where=str(path), error=str(e)) from e
        self.con.row_factory = sqlite3.Row
        self.con.execute("PRAGMA journal_mode=WAL")
        self.con.execute("PRAGMA foreign_keys=ON")
        self.con.execute("PRAGMA synchronous=NORMAL")
        self.lock = threading.RLock()
        self._depth = 0

    def execute(self, sql: str, args: Iterable = ()) -> int:
        with self.lock:
            return self.con.execute(sql, tuple(args)).rowcount

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        with self.lock:
            self.con.executemany(sql, rows)

    def query(self, sql: str, args: Iterable = ()) -> list[dict]:
        with self.lock:
            return [dict(r) for r in self.con.execute(sql, tuple(args))]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self.con.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self.con.execute("ROLLBACK")
                raise
            else:
                self.con.execute("COMMIT")
            finally:
                self._depth = 0

    def close(self) -> None:
        self.con.close()

    def backup(self, path: Path) -> Path:
        path = Path(path)
        tmp = path.with_name(f".{path.name}.part")
        tmp.unlink(missing_ok=True)
        try:
            out = sqlite3.connect(str(tmp))
            try:
                with self.lock:  # page by page would restart on every write of this process; at once
                    self.con.backup(out)
                out.execute("VACUUM")  # no free pages: rows deleted before the snapshot leave no text in it
            finally:
                out.close()
            tmp.replace(path)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        return path

    def restore(self, path: Path) -> None:
        if self.holds_data():
            raise DatabaseError("restore_not_empty", where=str(self.path))
        src = sqlite3.connect(f"file:{Path(path)}?mode=ro", uri=True)
        try:
            with self.lock:
                src.backup(self.con)
        finally:
            src.close()


def pg_tool(name: str) -> str:
    """A PostgreSQL client program (pg_dump, pg_restore): on PATH, else Debian's newest."""
    import glob
    import shutil

    found = shutil.which(name)
    if found:
        return found
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if Path(d, name).exists():
            return str(Path(d, name))
    raise DatabaseError("pg_tool", name=name)


class PostgresDatabase(Database):
    """A pool of autocommit connections; a transaction pins one connection to its thread."""

    dialect = "postgresql"
    TYPES = {"id": "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY", "blob": "BYTEA"}

    def __init__(self, url: str, max_size: int = 8):
        import psycopg
        from psycopg.rows import dict_row
        from psycopg_pool import ConnectionPool

        self.url = url
        self.location = redact(url)
        self._psycopg = psycopg
        self._local = threading.local()
        try:  # one direct attempt first: a wrong address fails at once, with the server's own words
            psycopg.connect(url, connect_timeout=10).close()
        except psycopg.Error as e:
            raise DatabaseError("pg_connect", where=self.location, error=redact(str(e)).strip()) from e
        self.pool = ConnectionPool(url, min_size=1, max_size=max_size, open=False,
                                   kwargs={"autocommit": True, "row_factory": dict_row})
        self.pool.open(wait=True, timeout=30)

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("%", "%%").replace("?", "%s")

    @contextmanager
    def _connection(self):
        con = getattr(self._local, "con", None)
        if con is not None:
            yield con
            return
        with self.pool.connection() as con:
            yield con

    def execute(self, sql: str, args: Iterable = ()) -> int:
        with self._connection() as con:
            return con.execute(self._sql(sql), tuple(args)).rowcount

    def executemany(self, sql: str, rows: list[tuple]) -> None:
        if not rows:
            return
        with self._connection() as con, con.cursor() as cur:
            cur.executemany(self._sql(sql), rows)

    def query(self, sql: str, args: Iterable = ()) -> list[dict]:
        with self._connection() as con:
            cur = con.execute(self._sql(sql), tuple(args))
            return cur.fetchall() if cur.description else []

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if getattr(self._local, "con", None) is not None:
            yield
            return
        with self.pool.connection() as con:
            self._local.con = con
            try:
                with con.transaction():
                    yield
            finally:
                self._local.con = None

    def notify(self, channel: str) -> None:
        self.execute(f"NOTIFY {channel}")

    def wait(self, channel: str, timeout: float) -> bool:
        listener = getattr(self._local, "listener", None)
        if listener is None or listener.closed:
            listener = self._local.listener = self._psycopg.connect(self.url, autocommit=True)
            listener.execute(f"LISTEN {channel}")
        return any(True for _ in listener.notifies(timeout=timeout, stop_after=1))

    @contextmanager
    def advisory_lock(self, name: str, wait: bool = False) -> Iterator[bool]:
        key = int.from_bytes(hashlib.sha256(name.encode()).digest()[:8], "big", signed=True)
        with self.pool.connection() as con:  # the session that holds the lock
            got = con.execute("SELECT pg_try_advisory_lock(%s) AS ok", (key,)).fetchone()["ok"]
            if not got and wait:
                con.execute("SELECT pg_advisory_lock(%s)", (key,))
                got = True
            try:
                yield got
            finally:
                if got:
                    con.execute("SELECT pg_advisory_unlock(%s)", (key,))

    def reset_sequences(self, tables: list[str]) -> None:
        for table in tables:
            seq = self.scalar("SELECT pg_get_serial_sequence(?, 'id') AS s", (table,)) if self.one(
                "SELECT 1 AS x FROM information_schema.columns WHERE table_name=? AND column_name='id'"
                " AND is_identity='YES'", (table,)) else None
            if seq:
                self.execute(f"SELECT setval('{seq}', (SELECT COALESCE(MAX(id), 0) + 1 FROM {table}), false)")

    def backup(self, path: Path) -> Path:
        import subprocess

        path = Path(path)
        tmp = path.with_name(f".{path.name}.part")
        run = subprocess.run([pg_tool("pg_dump"), "--format=custom", "--no-owner", "--file", str(tmp),
                              "--dbname", self.url], capture_output=True, text=True)
        if run.returncode:
            tmp.unlink(missing_ok=True)
            raise DatabaseError("pg_program", name="pg_dump", where=self.location, error=redact(run.stderr.strip())[:500])
        tmp.replace(path)
        return path

    def restore(self, path: Path) -> None:
        import subprocess

        if self.holds_data():
            raise DatabaseError("restore_not_empty", where=self.location)
        # --clean: the empty tables a first start made are replaced by the snapshot's.
        run = subprocess.run([pg_tool("pg_restore"), "--clean", "--if-exists", "--no-owner", "--exit-on-error",
                              "--dbname", self.url, str(path)], capture_output=True, text=True)
        if run.returncode:
            raise DatabaseError("pg_program", name="pg_restore", where=self.location, error=redact(run.stderr.strip())[:500])

    def release_thread(self) -> None:
        listener = getattr(self._local, "listener", None)
        if listener is not None:
            listener.close()
            self._local.listener = None

    def close(self) -> None:
        self.release_thread()
        self.pool.close()
