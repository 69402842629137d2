"""The conversation, platform-neutral: messages, the core, admin commands, broadcasts,
the bot's own tables, reply texts and rendering."""
from __future__ import annotations

from retrieval.api import Answerer

from ..settings import Settings
from . import admin
from .conversation import Core
from .state import BotDB


def make_core(settings: Settings, answerer: Answerer, db: BotDB | None = None) -> Core:
    """A core with the admin commands registered (broadcasts register their own)."""
    core = Core(settings, answerer, db)
    admin.register(core)
    return core
