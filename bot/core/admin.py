"""Admin commands in the chat. The core checks who is an admin before any of these run;
every action lands in the audit log."""
from __future__ import annotations

import asyncio
import errno
import logging
import re
import time
from pathlib import Path
from typing import TYPE_CHECKING

from retrieval.api import SUPPORTED, FaqEntry, FetchError, LoadError, display_date

from . import texts
from .messages import Incoming, Reply
from .state import WEEK

if TYPE_CHECKING:
    from .conversation import Core

log = logging.getLogger(__name__)


async def list_articles(core: "Core", msg: Incoming) -> list[Reply]:
    meta = await asyncio.to_thread(core.answerer.articles)
    core.db.audit(msg.platform, msg.user_id, "baiviet", "", f"{len(meta)} articles")
    if not meta:
        return [Reply(texts.ADMIN_LIST_EMPTY)]
    shown = meta[:100]
    lines = [texts.ADMIN_LIST_HEADER.format(n=len(shown), total=len(meta))]
    for a in shown:
        date = display_date(a["date"])
        lines.append(f"• {a['id']} — {a['title']}" + (f" ({date})" if date else ""))
    return [Reply("\n".join(lines))]


async def remove_article(core: "Core", msg: Incoming) -> list[Reply]:
    """/xoa <id>: an article, or a hỏi đáp entry (an admin removes an outdated answer by the id
    /hoidap shows, the same way as an article). An uploaded file goes from disk with its last record."""
    item_id = msg.args.strip()
    if not item_id:
        return [Reply(texts.ADMIN_REMOVE_USAGE)]
    art = core.answerer.article(item_id)
    entry = core.answerer.faq_entry(item_id) if art is None else None
    removal = await asyncio.to_thread(core.answerer.remove, item_id) if art or entry else None
    if removal is None:
        core.db.audit(msg.platform, msg.user_id, "xoa", item_id, "not found")
        return [Reply(texts.ADMIN_NOT_FOUND_REMOVE.format(id=item_id))]
    error = await rebuild_index(core)
    core.db.audit(msg.platform, msg.user_id, "xoa", item_id, ("faq entry removed" if entry else "removed")
                  + (f", index failed: {error}" if error else "")
                  + (f", still in {removal.comes_back}" if removal.comes_back else "")
                  + (f", file deleted: {removal.deleted}" if removal.deleted else ""))
    if error:
        return [Reply(texts.RELOAD_FAILED.format(cause=error))]
    done = (texts.ADMIN_REMOVED_FAQ.format(question=entry.questions[0], id=item_id) if entry else
            texts.ADMIN_REMOVED.format(title=art.title, id=item_id))
    if removal.comes_back:  # a configured folder's file (or one holding other records) is read again
        done += "\n" + (texts.ADMIN_REMOVED_FAQ_COMES_BACK if entry else
                        texts.ADMIN_REMOVED_COMES_BACK).format(source=removal.comes_back)
    return [Reply(done)]


async def stats(core: "Core", msg: Incoming) -> list[Reply]:
    articles, chunks = core.answerer.count()
    s = core.db.stats(since=time.time() - WEEK)
    if s["top_unanswered"]:
        top = texts.ADMIN_STATS_TOP + "\n" + "\n".join(f"• {q} ({n})" for q, n in s["top_unanswered"])
    else:
        top = texts.ADMIN_STATS_TOP_NONE
    core.db.audit(msg.platform, msg.user_id, "thongke", "", "ok")
    return [Reply(texts.ADMIN_STATS.format(articles=articles, chunks=chunks, top=top,
                                           **{k: s[k] for k in ("asked", "answered", "not_found", "up", "down")}))]


def _progress_sender(msg: Incoming):
    """A thread-safe progress callback that posts at most every 25%."""
    loop = asyncio.get_running_loop()
    last = [0]

    def cb(done: int, total: int) -> None:
        pct = int(100 * done / max(total, 1))
        if pct - last[0] >= 25 and done < total:
            last[0] = pct
            asyncio.run_coroutine_threadsafe(
                msg.say(texts.RELOAD_PROGRESS.format(done=done, total=total, pct=pct)), loop)

    return cb


async def rebuild_index(core: "Core") -> str | None:
    """Bring the index up to date now (members keep the old one meanwhile); the error text, or None."""
    try:
        await asyncio.to_thread(core.answerer.refresh)
        return None
    except Exception as e:
        cause = texts.explain(e) if hasattr(e, "facts") else f"{type(e).__name__}: {e}"  # knowledge's, worded
        return texts.DISK_FULL.format(cause=cause) if disk_full(e) else cause


def disk_full(e: BaseException | None) -> bool:
    """Did this failure (or one it came from) run out of disk space? OSError says so by errno; FAISS
    and SQLite only in words."""
    while e is not None:
        if isinstance(e, OSError) and e.errno == errno.ENOSPC:
            return True
        if any(words in str(e) for words in ("No space left on device", "database or disk is full")):
            return True
        e = e.__cause__ or e.__context__
    return False


async def reload_all(core: "Core", msg: Incoming) -> list[Reply]:
    t = time.time()
    n = core.answerer.source_count() + len(core.settings.feed_urls)
    await msg.say(texts.RELOAD_START.format(n=n))
    report = await asyncio.to_thread(core.answerer.reload, _progress_sender(msg))
    core.announce_later(report.added)  # announced once the index serves them, even after a stop
    await msg.say(texts.RELOAD_INDEXING)
    error = await rebuild_index(core)
    if error:
        core.db.audit(msg.platform, msg.user_id, "reload", "", f"failed: {error}")
        return [Reply(texts.RELOAD_FAILED.format(cause=error))]
    articles, chunks = core.answerer.count()
    skipped = ""
    if report.skipped:
        items = "\n".join(f"• {name}: {texts.explain(why)}" for name, why in report.skipped[:10])
        skipped = texts.RELOAD_SKIPPED.format(n=len(report.skipped), items=items)
    core.db.audit(msg.platform, msg.user_id, "reload", "",
                  f"added={len(report.added)} updated={len(report.updated)} removed={len(report.removed)}")
    await core.articles_added(report.added, msg)  # (and any a stop or a failed build left unannounced)
    return [Reply(texts.RELOAD_DONE.format(
        seconds=time.time() - t, added=len(report.added), updated=len(report.updated),
        removed=len(report.removed), unchanged=len(report.unchanged), articles=articles, chunks=chunks,
        skipped=skipped))]


def _added_reply(core: "Core", art, status: str) -> Reply:
    if isinstance(art, FaqEntry):
        return Reply(texts.ADD_FAQ_DONE.format(status=texts.ADD_STATUS[status], question=art.questions[0],
                                               id=art.id))
    date = display_date(art.date)
    preview = art.text[:300].rsplit(" ", 1)[0] + ("…" if len(art.text) > 300 else "")
    return Reply(texts.ADD_DONE.format(status=texts.ADD_STATUS[status], title=art.title,
                                       date=f" ({date})" if date else "", id=art.id, preview=preview))


async def add_article(core: "Core", msg: Incoming) -> list[Reply]:
    """/them <url>, or a file the admin sent to the bot."""
    try:
        if msg.file_bytes is not None:
            results = await asyncio.to_thread(_save_and_add, core, msg)
            detail = msg.file_name or "file"
        else:
            url = msg.args.strip()
            if not url:
                return [Reply(texts.ADD_USAGE.format(formats="/".join(SUPPORTED)))]
            await msg.say(texts.ADD_FETCHING.format(url=url))
            art, status = await asyncio.to_thread(core.answerer.add_url, url)
            results, detail = [(art, status)], url
    except (FetchError, LoadError, ValueError) as e:
        core.db.audit(msg.platform, msg.user_id, "them", (msg.file_name or msg.args)[:200],
                      f"failed: {texts.explain(e)}")
        return [Reply(texts.ADD_FAILED.format(cause=texts.explain(e)))]
    except Exception as e:  # anything else a file or page trips: the admin still learns what
        log.exception("/them failed")
        cause = f"{type(e).__name__}: {e}"
        core.db.audit(msg.platform, msg.user_id, "them", (msg.file_name or msg.args)[:200], f"failed: {cause}")
        return [Reply(texts.ADD_FAILED.format(cause=cause))]
    core.announce_later([a.id for a, s in results if s == "added"])
    error = await rebuild_index(core)
    if error:
        core.db.audit(msg.platform, msg.user_id, "them", detail[:200], f"index failed: {error}")
        return [Reply(texts.RELOAD_FAILED.format(cause=error))]
    core.db.audit(msg.platform, msg.user_id, "them", detail[:200],
                  ", ".join(f"{a.id}:{s}" for a, s in results))
    await core.articles_added([a.id for a, s in results if s == "added"], msg)
    return [_added_reply(core, a, s) for a, s in results[:5]]


def upload_refusal(core: "Core", size: int | None) -> str | None:
    """Why a file of this many bytes is refused before it is even downloaded (the limit
    UNIONBOT_MAX_FILE_MB, which the loader checks again, in the same words), or None."""
    refusal = core.settings.limits.too_big(size)
    return texts.ADD_FAILED.format(cause=texts.explain(refusal)) if refusal else None


def _save_and_add(core: "Core", msg: Incoming):
    """Keep the admin's file in the data dir (so /reload re-reads it) and add it; the loader
    refuses a format it does not read, or a file over UNIONBOT_MAX_FILE_MB, naming the cause."""
    name = Path(msg.file_name or "upload.txt").name
    safe = re.sub(r"[^\w.\-]+", "_", name)
    folder = core.settings.uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
    return core.answerer.add_file((folder / safe).resolve(), msg.file_bytes or b"")  # written there once it loads


async def poll_feeds(core: "Core") -> list[str]:
    """One round over UNIONBOT_FEEDS: new items are added like /them; returns new article ids."""
    added: list[str] = []
    for feed in core.settings.feed_urls:
        try:
            report = await asyncio.to_thread(core.answerer.poll_feed, feed)
        except FetchError as e:
            core.db.audit("scheduler", "feeds", "poll", feed, f"failed: {texts.explain(e)}")
            continue
        added += report.added
        core.db.audit("scheduler", "feeds", "poll", feed, f"added={len(report.added)}")
    if added:
        core.announce_later(added)  # kept in the database: a stop or a failed build does not lose them
        error = await rebuild_index(core)
        if error:  # announced after the next build that serves them (as /them does)
            core.db.audit("scheduler", "feeds", "index", "", f"failed: {error}")
            return added
        await core.articles_added(added, None)
    return added


async def unanswered(core: "Core", msg: Incoming) -> list[Reply]:
    """/hoidap: the latest questions members got no answer to, with their ids; under a member's
    own case, the hỏi đáp entry that came closest (so staff can add the wording to it)."""
    rows = core.db.unanswered(since=time.time() - WEEK)
    core.db.audit(msg.platform, msg.user_id, "hoidap", "", f"{len(rows)} questions")
    if not rows:
        return [Reply(texts.HOIDAP_NONE)]
    closest = await asyncio.to_thread(core.answerer.closest_faq, [r["question"] for r in rows])
    lines = [texts.HOIDAP_HEADER]
    for r, near in zip(rows, closest):
        lines.append(f"• [{r['id']}] {r['question']}")
        if near:
            lines.append(texts.HOIDAP_CLOSEST.format(id=near["id"], question=near["phrasing"]))
    if any(closest):
        lines.append(texts.HOIDAP_ADD_PHRASING)
    return [Reply("\n".join(lines))]


async def add_phrasing(core: "Core", msg: Incoming) -> list[Reply]:
    """/them_cauhoi <mã mục> <câu hỏi>: one more way members ask, added to an entry (audited)."""
    entry_id, _, question = msg.args.strip().partition(" ")
    question = " ".join(question.split())
    if not entry_id or not question:
        return [Reply(texts.THEM_CAUHOI_USAGE)]
    entry = core.answerer.faq_entry(entry_id)
    if entry is None:
        core.db.audit(msg.platform, msg.user_id, "them_cauhoi", entry_id, "no such entry")
        return [Reply(texts.THEM_CAUHOI_NO_ENTRY.format(id=entry_id))]
    if question.lower() in {q.lower() for q in entry.questions}:
        return [Reply(texts.THEM_CAUHOI_ALREADY.format(id=entry.id))]
    entry.questions = [*entry.questions, question]
    status = await asyncio.to_thread(core.answerer.add_faq, entry)
    error = await rebuild_index(core)
    core.db.audit(msg.platform, msg.user_id, "them_cauhoi", entry.id,
                  f"{status}: {question}" + (f", index failed: {error}" if error else ""))
    if error:
        return [Reply(texts.RELOAD_FAILED.format(cause=error))]
    return [Reply(texts.THEM_CAUHOI_DONE.format(id=entry.id, question=question, n=len(entry.questions)))]


async def answer_question(core: "Core", msg: Incoming) -> list[Reply]:
    """/traloi <id> <câu trả lời>: a member's unanswered question becomes a hỏi đáp entry."""
    qid, _, text = msg.args.strip().partition(" ")
    if not qid.isdigit() or not text.strip():
        return [Reply(texts.TRALOI_USAGE)]
    row = core.db.question(int(qid))
    if row is None:
        return [Reply(texts.TRALOI_NO_QUESTION.format(id=qid))]
    entry = FaqEntry(id=f"hoidap-{qid}", questions=[row["question"]], answer=text.strip(),
                     source=texts.FAQ_SOURCE_ADMIN.format(platform=msg.platform), valid_from=time.strftime("%Y-%m-%d"),
                     origin=f"chat:{msg.platform}:{qid}")
    status = await asyncio.to_thread(core.answerer.add_faq, entry)
    error = await rebuild_index(core)
    core.db.audit(msg.platform, msg.user_id, "traloi", qid, status + (f", index failed: {error}" if error else ""))
    if error:
        return [Reply(texts.RELOAD_FAILED.format(cause=error))]
    return [_added_reply(core, entry, status)]


def register(core: "Core") -> None:
    core.admin_handlers.update({"baiviet": list_articles, "xoa": remove_article, "thongke": stats,
                                "reload": reload_all, "them": add_article, "hoidap": unanswered,
                                "traloi": answer_question, "them_cauhoi": add_phrasing})
