"""Conversation core, channel adapters (Telegram, Zalo, web/CLI), admin and broadcasts."""
