"""Admin commands in the chat. The core checks who is an admin before any of these run;
every action lands in the audit log."""
from __future__ import annotations

import asyncio
import time
from typing import TYPE_CHECKING

from knowledge.dates import display_date

from . import texts
from .db import WEEK

if TYPE_CHECKING:
    from .core import Core, Incoming, Reply


async def list_articles(core: "Core", msg: "Incoming") -> list["Reply"]:
    from .core import Reply

    meta = await asyncio.to_thread(core.answerer.store.article_meta)
    core.db.audit(msg.platform, msg.user_id, "baiviet", "", f"{len(meta)} articles")
    if not meta:
        return [Reply(texts.ADMIN_LIST_EMPTY)]
    shown = meta[:100]
    lines = [texts.ADMIN_LIST_HEADER.format(n=len(shown), total=len(meta))]
    for a in shown:
        date = display_date(a["date"])
        lines.append(f"• {a['id']} — {a['title']}" + (f" ({date})" if date else ""))
    return [Reply("\n".join(lines))]


async def remove_article(core: "Core", msg: "Incoming") -> list["Reply"]:
    from .core import Reply

    article_id = msg.args.strip()
    if not article_id:
        return [Reply(texts.ADMIN_REMOVE_USAGE)]
    store = core.answerer.store
    art = store.article(article_id)
    if art is None or not await asyncio.to_thread(store.remove, article_id):
        core.db.audit(msg.platform, msg.user_id, "xoa", article_id, "not found")
        return [Reply(texts.ADMIN_NOT_FOUND_ID.format(id=article_id))]
    core.db.audit(msg.platform, msg.user_id, "xoa", article_id, "removed")
    return [Reply(texts.ADMIN_REMOVED.format(title=art.title, id=article_id))]


async def stats(core: "Core", msg: "Incoming") -> list["Reply"]:
    from .core import Reply

    articles, chunks = core.answerer.store.count()
    s = core.db.stats(since=time.time() - WEEK)
    if s["top_unanswered"]:
        top = texts.ADMIN_STATS_TOP + "\n" + "\n".join(f"• {q} ({n})" for q, n in s["top_unanswered"])
    else:
        top = texts.ADMIN_STATS_TOP_NONE
    core.db.audit(msg.platform, msg.user_id, "thongke", "", "ok")
    return [Reply(texts.ADMIN_STATS.format(articles=articles, chunks=chunks, top=top,
                                           **{k: s[k] for k in ("asked", "answered", "not_found", "up", "down")}))]


def register(core: "Core") -> None:
    core.admin_handlers.update({"baiviet": list_articles, "xoa": remove_article, "thongke": stats})
