"""The conversation, platform-neutral: messages, the core, admin commands, broadcasts,
the bot's own tables, reply texts and rendering."""
