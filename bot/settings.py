"""Settings of the bot: channels, the HTTP app, limits. Extends the lower layers' settings,
so one object (environment prefix UNIONBOT_, optional `.env`) configures everything."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from pydantic import Field, field_validator

from retrieval.config import CommaList, split_list
from retrieval.config import RetrievalSettings

_ORIGIN = re.compile(r"^https?://(\*\.)?[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*(:[0-9]{1,5})?/?$")


class Settings(RetrievalSettings):
    telegram_token: str = ""
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_admins: CommaList = []  # numeric user ids
    telegram_webhook_url: str = ""  # public base URL; empty = long polling
    telegram_webhook_secret: str = ""

    zalo_token: str = ""
    zalo_api_url: str = "https://bot-api.zaloplatforms.com"
    zalo_admins: CommaList = []
    zalo_webhook_url: str = ""
    zalo_webhook_secret: str = ""

    http_host: str = "127.0.0.1"
    http_port: int = Field(8080, ge=1, le=65535)
    flood_per_minute: int = Field(20, ge=0)  # 0 = no limit
    question_retention_days: int = Field(90, ge=1)
    feed_interval_minutes: int = Field(30, ge=1)
    trusted_proxies: CommaList = []  # IPs/CIDRs whose X-Forwarded-For is believed (web limit, logs)
    web_embed_origins: CommaList = []  # sites whose pages may show the web chat in an iframe (CSP frame-ancestors)
    auto_broadcast: bool = True
    event_reminders: bool = False  # subscribed chats get a reminder the day before an event the articles date
    broadcast_lease_seconds: float = Field(120, gt=0)  # a worker that holds a post longer is taken for dead
    broadcast_poll_seconds: float = Field(5, gt=0)  # how often a worker looks for posts another one planned
    store_poll_seconds: float = Field(5, gt=0)  # how often the store's revision is checked without NOTIFY
    followup_minutes: float = Field(10, ge=0)  # a follow-up is read with the chat's previous question this long
    # Faults a deployment meets (README "Limits and safety"):
    shutdown_seconds: float = Field(20, gt=0)  # SIGTERM: work still running after this is cut short
    send_backoff_seconds: float = Field(2, gt=0)  # first wait after the messenger failed a send; doubles
    send_backoff_max_seconds: float = Field(300, gt=0)  # the ceiling of that wait
    send_timeout_seconds: float = Field(10, gt=0)  # a messenger's answer to a send; past it the send timed out
    reply_attempts: int = Field(5, ge=1)  # a member's reply is given up after this many failed sends
    broadcast_give_up_hours: float = Field(24, gt=0)  # a post still undelivered this long after planning fails
    backup_dir: Path | None = None  # scheduled backups go here (empty: none)
    backup_keep: int = Field(7, ge=1)  # newest backups kept in backup_dir
    backup_interval_hours: float = Field(24, gt=0)  # how often a scheduled backup is written

    @field_validator("telegram_admins", "zalo_admins", "trusted_proxies", mode="before")
    @classmethod
    def _ids(cls, v):
        return split_list(v)

    @field_validator("web_embed_origins", mode="before")
    @classmethod
    def _origins(cls, v):
        # Each goes into the Content-Security-Policy header as it is: a scheme and host, nothing more.
        origins = split_list(v)
        for o in origins:
            if not _ORIGIN.match(o):
                raise ValueError(f"not an origin like https://congdoan.example.vn: {o!r}")
        return [o.rstrip("/") for o in origins]

    @field_validator("telegram_webhook_secret", "zalo_webhook_secret")
    @classmethod
    def _secret(cls, v: str):
        # Both platforms accept 8–256 characters ([A-Za-z0-9_-] on Telegram); empty = random.
        if v and not (8 <= len(v) <= 256):
            raise ValueError("webhook secret must be 8–256 characters")
        return v

    @field_validator("backup_dir", mode="before")
    @classmethod
    def _optional_dir(cls, v):
        return None if v is None or (isinstance(v, str) and not v.strip()) else v

    def admins(self, platform: str) -> set[str]:
        return set({"telegram": self.telegram_admins, "zalo": self.zalo_admins}.get(platform, []))


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
