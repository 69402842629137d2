"""A throw-away PostgreSQL server for the tests (and benchmarks): initdb + pg_ctl in a temp dir,
listening on 127.0.0.1 only, stopped and deleted at the end. Runs the server as the `postgres`
user when the tests run as root (PostgreSQL refuses root)."""
from __future__ import annotations

import atexit
import glob
import hashlib
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path


def bin_dir() -> Path | None:
    """The newest PostgreSQL server binaries on this machine (Debian's layout first)."""
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True):
        if Path(d, "initdb").exists() and Path(d, "pg_ctl").exists():
            return Path(d)
    found = shutil.which("initdb")
    return Path(found).resolve().parent if found and shutil.which("pg_ctl") else None


def available() -> bool:
    return bin_dir() is not None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    def __init__(self):
        self.bin = bin_dir()
        if self.bin is None:
            raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) not found: `make test` installs them")
        self.dir = Path(tempfile.mkdtemp(prefix="unionbot-pg-"))
        self.port = _free_port()
        self.as_user: list[str] = []
        if os.geteuid() == 0:
            user = pwd.getpwnam("postgres")
            os.chown(self.dir, user.pw_uid, user.pw_gid)
            self.as_user = ["runuser", "-u", "postgres", "--"]
        data = self.dir / "data"
        self._run("initdb", "-D", str(data), "-U", "unionbot", "--auth=trust", "-E", "UTF8", "--no-locale")
        self.opts = opts = (f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
                " -c synchronous_commit=off -c full_page_writes=off -c max_connections=300")
        self._run("pg_ctl", "-D", str(data), "-l", str(self.dir / "log"), "-o", opts, "-w", "start")
        self.created: set[str] = set()
        atexit.register(self.stop)

    def _run(self, tool: str, *args: str) -> None:
        subprocess.run([*self.as_user, str(self.bin / tool), *args], check=True, capture_output=True,
                       cwd=self.dir)

    def url(self, dbname: str = "postgres") -> str:
        return f"postgresql://unionbot@127.0.0.1:{self.port}/{dbname}"

    def database(self, name: str) -> str:
        """The URL of database `name`, created empty on first use."""
        import psycopg

        if name not in self.created:
            with psycopg.connect(self.url(), autocommit=True) as con:
                con.execute(f'DROP DATABASE IF EXISTS "{name}"')
                con.execute(f'CREATE DATABASE "{name}"')
            self.created.add(name)
        return self.url(name)

    def database_for(self, path: Path) -> str:
        """A database standing in for the SQLite file a test would have used at `path`."""
        return self.database("t_" + hashlib.sha1(str(path).encode()).hexdigest()[:16])

    def pause(self) -> None:
        """Stop the server (fast shutdown: clients are disconnected) until `resume()`."""
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "fast", "-w", "stop")

    def resume(self) -> None:
        self._run("pg_ctl", "-D", str(self.dir / "data"), "-l", str(self.dir / "log"), "-o", self.opts, "-w", "start")

    def stop(self) -> None:
        if self.dir.exists():
            subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.dir / "data"), "-m",
                            "immediate", "stop"], capture_output=True, cwd="/")
            shutil.rmtree(self.dir, ignore_errors=True)


_server: PgServer | None = None


def server() -> PgServer:
    global _server
    if _server is None:
        _server = PgServer()
    return _server
