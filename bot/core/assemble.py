"""Putting a core together: the conversation plus the admin commands (broadcasts register
their own when a Broadcaster is made)."""
from __future__ import annotations

from retrieval.api import Answerer

from ..settings import Settings
from . import admin
from .conversation import Core
from .state import BotDB


def make_core(settings: Settings, answerer: Answerer, db: BotDB | None = None) -> Core:
    core = Core(settings, answerer, db)
    admin.register(core)
    return core
