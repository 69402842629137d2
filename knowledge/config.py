"""Settings of the knowledge layer (where articles live and come from).

Every layer's settings read the same environment (prefix UNIONBOT_) and `.env`;
retrieval and bot extend this class with their own fields, so one object serves all.
"""
from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from .loaders import Limits

# A list setting written as "a, b; c" in the environment (not JSON).
CommaList = Annotated[list[str], NoDecode]


def split_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.replace(";", ",").split(",")
    return [str(p).strip() for p in value if str(p).strip()]


class KnowledgeSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="UNIONBOT_", env_file=".env", extra="ignore")

    data_dir: Path = Path("./data")
    sources: CommaList = []  # folders re-read by /reload
    feeds: CommaList = []  # RSS/Atom URLs polled on a schedule and by /reload
    max_file_mb: float = Field(5, gt=0)  # a bigger file is refused, naming this limit
    max_article_chars: int = Field(200_000, gt=0)  # a longer article is refused (≈ 300 passages)
    allow_private_urls: bool = False  # let /them and feeds fetch loopback/private addresses (tests, intranets)
    database_url: str = ""  # postgresql://user@host/db: shared store for several workers; empty = SQLite in data_dir

    @field_validator("sources", "feeds", mode="before")
    @classmethod
    def _lists(cls, v):
        return split_list(v)

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, v: str) -> str:
        v = v.strip()
        if v and not v.startswith(("postgresql://", "postgres://")):
            raise ValueError("UNIONBOT_DATABASE_URL must be a postgresql:// URL (empty = SQLite in the data dir)")
        return v

    @property
    def db_path(self) -> Path:
        return self.data_dir / "unionbot.sqlite3"

    @property
    def uploads_dir(self) -> Path:
        """Files admins sent the bot, kept so /reload re-reads them: the bot's own copies, deleted when
        /xoa removes the last record read from one (a member's text should not outlive its removal)."""
        return self.data_dir / "uploads"

    @property
    def database(self) -> str | Path:
        """Where the store lives: the PostgreSQL URL if set, else the SQLite file."""
        return self.database_url or self.db_path

    @property
    def limits(self) -> Limits:
        return Limits(self.max_file_mb, self.max_article_chars)

    @property
    def fetch_policy(self):
        from .fetch import FetchPolicy  # fetch imports httpx: only when fetching

        return FetchPolicy(allow_private=self.allow_private_urls, limits=self.limits)

    @property
    def source_paths(self) -> list[str]:
        return sorted(set(self.sources))

    @property
    def feed_urls(self) -> list[str]:
        return sorted(set(self.feeds))
