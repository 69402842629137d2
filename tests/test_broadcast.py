"""Broadcasts end to end through the fake Telegram and Zalo servers: exactly once per chat."""
import asyncio
import contextlib
import html
import time
from collections import Counter

import pytest

from bot.core import texts
from bot.core.broadcast import CONFIRM_SECONDS, Broadcaster
from bot.core.messages import article_key
from bot.core.assemble import make_core
from bot.core.state import BotDB
from bot.channels.telegram import TelegramChannel
from bot.channels.zalo import ZaloChannel
from knowledge.models import Article
from knowledge.store import Store
from retrieval.service import Answerer
from tests.conftest import database, make_settings
from tests.fake_telegram import FakeTelegram
from tests.fake_zalo import FakeZalo

ADMIN = 9001


def new_article(store: Store, n: int) -> str:
    aid = f"tin-moi-{n}"
    store.upsert(Article(id=aid, title=f"Công đoàn ngành dệt may phát động đợt thi đua số {n}", date="2026-11-20",
                         url=f"https://congdoan.example.org/tin/{n}",
                         text=f"Công đoàn ngành dệt may phát động đợt thi đua số {n} trong toàn ngành. "
                              f"Đợt thi đua kéo dài 90 ngày với {n + 10} đơn vị tham gia. "
                              "Ban tổ chức sẽ khen thưởng các tập thể tiêu biểu. Câu thứ tư không vào tóm tắt."))
    return aid


def posts(fake, article_n: int) -> Counter:
    """Posts of one article per chat (the admin's preview excluded)."""
    return Counter(str(p["chat_id"]) for p in fake.sent()
                   if f"đợt thi đua số {article_n}</b>" in p["text"] and str(p["chat_id"]) != str(ADMIN))


@pytest.fixture
async def bc(tmp_path, kb, embedder):
    async with telegram_broadcaster(tmp_path, kb, embedder) as parts:
        yield parts


@contextlib.asynccontextmanager
async def telegram_broadcaster(tmp_path, kb, embedder, **overrides):
    """The fake Telegram, a core over three test articles, its channel and broadcaster."""
    fake = FakeTelegram().start()
    overrides.setdefault("telegram_admins", str(ADMIN))
    settings = make_settings(tmp_path, telegram_token=fake.token, telegram_api_url=fake.base_url,
                             auto_broadcast=True, **overrides)
    store = Store(database(settings.db_path))
    for a in kb.store.articles()[:3]:
        store.upsert(a)
    core = make_core(settings, Answerer(settings, store, embedder, background_refresh=True), BotDB(database(settings.db_path)))
    channel = TelegramChannel(core, poll_timeout=1)
    broadcaster = Broadcaster(core, {"telegram": channel}, rate_per_second=200)
    await channel.start()
    yield fake, core, channel, broadcaster
    await broadcaster.stop()
    await channel.stop()
    fake.stop()


async def _wait(cond, timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if cond():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition not met in time")


async def test_subscription_rights(bc):
    fake, core, channel, broadcaster = bc
    fake.message("/dangky", chat_id=-100, chat_type="group", user_id=11)  # a plain member
    fake.chat_members[("-101", "12")] = "administrator"
    fake.message("/dangky", chat_id=-101, chat_type="group", user_id=12)  # the group's admin
    fake.message("/dangky", chat_id=-102, chat_type="group", user_id=ADMIN)  # a bot admin
    fake.message("/dangky", chat_id=13, user_id=13)  # a member, privately
    await fake.wait_sent(1, chat_id=13)
    await fake.wait_sent(1, chat_id=-100)
    await fake.wait_sent(1, chat_id=-101)
    await fake.wait_sent(1, chat_id=-102)
    assert "Chỉ quản trị viên của nhóm" in fake.sent(chat_id=-100)[0]["text"]
    subs = {s["chat_id"] for s in core.db.subscriptions()}
    assert subs == {"-101", "-102", "13"}
    fake.message("/huydangky", chat_id=-101, chat_type="group", user_id=11)
    fake.message("/huydangky", chat_id=13, user_id=13)
    await fake.wait_sent(2, chat_id=13)
    await fake.wait_sent(2, chat_id=-101)
    assert {s["chat_id"] for s in core.db.subscriptions()} == {"-101", "-102"}


async def test_new_article_posts_once_per_chat_with_ask_button(bc):
    fake, core, channel, broadcaster = bc
    for chat in ("-201", "-202", "203"):
        core.db.subscribe("telegram", chat, "group" if chat.startswith("-") else "private")
    aid = new_article(core.answerer.store, 1)
    await core.articles_added([aid])
    await _wait(lambda: sum(posts(fake, 1).values()) == 3)
    await asyncio.gather(*broadcaster.tasks)
    await core.articles_added([aid])  # announced again: the ledger says it is done
    assert not broadcaster.tasks  # nothing was planned, so nothing runs
    assert posts(fake, 1) == Counter({"-201": 1, "-202": 1, "203": 1})
    post = fake.sent(chat_id="203")[0]
    assert "Đợt thi đua kéo dài 90 ngày" in post["text"] and "Câu thứ tư" not in post["text"]
    assert 'href="https://congdoan.example.org/tin/1"' in post["text"]
    [[button]] = post["reply_markup"]["inline_keyboard"]
    assert button["text"] == "Hỏi về bài này" and button["callback_data"] == f"a:{article_key(aid)}"
    fake.callback(button["callback_data"], chat_id=203, user_id=203)
    hint = (await fake.wait_sent(2, chat_id="203"))[1]["text"]
    assert "đợt thi đua số 1" in hint and "Đợt thi đua kéo dài 90 ngày với bao nhiêu đơn vị?" in hint


async def test_restart_mid_broadcast_has_no_duplicates_and_no_gaps(bc, tmp_path):
    fake, core, channel, broadcaster = bc
    chats = [str(-3000 - i) for i in range(30)]
    for c in chats:
        core.db.subscribe("telegram", c, "group")
    aid = new_article(core.answerer.store, 2)
    slow = Broadcaster(core, {"telegram": channel}, rate_per_second=8)
    core.db.plan_broadcast(aid)
    slow.spawn()
    await _wait(lambda: sum(posts(fake, 2).values()) >= 8)
    await slow.stop()  # the process goes down mid-broadcast
    sent_before = sum(posts(fake, 2).values())
    assert 8 <= sent_before < 30
    # A new process: fresh core and broadcaster on the same database resume the ledger.
    core2 = make_core(core.settings, core.answerer, BotDB(database(core.settings.db_path)))
    resumed = Broadcaster(core2, {"telegram": channel}, rate_per_second=200)
    await resumed.resume()
    await _wait(lambda: sum(posts(fake, 2).values()) >= 30)
    await asyncio.gather(*resumed.tasks)  # the resumed run has finished: nothing more will come
    assert posts(fake, 2) == Counter({c: 1 for c in chats})
    assert core2.db.broadcast_counts(aid) == {"sent": 30}


async def test_retry_after_forbidden_and_migration(bc):
    fake, core, channel, broadcaster = bc
    for c in ("-401", "-402", "-403"):
        core.db.subscribe("telegram", c, "group")
    fake.fail_chat("-401", 429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                                 "parameters": {"retry_after": 1}})
    fake.fail_chat("-402", 403, {"ok": False, "error_code": 403,
                                 "description": "Forbidden: bot was kicked from the group chat"})
    fake.fail_chat("-403", 400, {"ok": False, "error_code": 400,
                                 "description": "Bad Request: group chat was upgraded to a supergroup chat",
                                 "parameters": {"migrate_to_chat_id": -1009403}})
    aid = new_article(core.answerer.store, 3)
    await core.articles_added([aid])
    # settled: every chat's row past "pending" and "sending" (the retried post lands before its row is marked sent)
    await _wait(lambda: not {"pending", "sending"} & set(core.db.broadcast_counts(aid))
                and posts(fake, 3)["-1009403"] == 1)
    delivered = posts(fake, 3)
    assert delivered["-401"] == 2  # the refused attempt, then the one that went through
    assert delivered["-1009403"] == 1
    counts = core.db.broadcast_counts(aid)
    assert counts == {"sent": 2, "removed": 1, "moved": 1}
    assert {s["chat_id"] for s in core.db.subscriptions()} == {"-401", "-1009403"}


async def test_members_are_answered_during_a_200_chat_broadcast(bc):
    fake, core, channel, broadcaster = bc
    for i in range(200):
        core.db.subscribe("telegram", str(-5000 - i), "group")
    aid = new_article(core.answerer.store, 4)
    fake.message(f"/phatsong {aid}", chat_id=ADMIN, user_id=ADMIN)
    msgs = await fake.wait_sent(3, chat_id=ADMIN)
    assert "200 cuộc trò chuyện" in msgs[0]["text"] and "đợt thi đua số 4" in msgs[1]["text"]
    confirm = msgs[2]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    fake.callback(confirm, chat_id=55, user_id=55)  # a member cannot confirm
    assert "chỉ dành cho quản trị viên" in (await fake.wait_sent(1, chat_id=55))[0]["text"]
    assert posts(fake, 4) == Counter()
    # From the 21st chat on, posts are held in flight: the broadcast cannot finish before the
    # member's question is answered, whatever the timing.
    fake.held = lambda chat_id: chat_id.startswith("-5") and sum(posts(fake, 4).values()) >= 20
    fake.callback(confirm, chat_id=ADMIN, user_id=ADMIN)
    await _wait(lambda: sum(posts(fake, 4).values()) >= 20)
    fake.message("tet sum vay binh dinh 2025 trao bao nhieu suat qua", chat_id=77, user_id=77)
    answer = (await fake.wait_sent(1, chat_id=77))[0]
    assert "4.800 suất quà" in answer["text"] and sum(posts(fake, 4).values()) < 200  # answered mid-broadcast
    fake.release.set()
    report = None
    for _ in range(1200):
        report = next((m for m in fake.sent(chat_id=ADMIN) if "📬 Xong" in m["text"]), None)
        if report:
            break
        await asyncio.sleep(0.1)
    assert report and "đã gửi 200" in report["text"]
    assert sum(posts(fake, 4).values()) == 200 and max(posts(fake, 4).values()) == 1
    assert any("Đã gửi" in m["text"] for m in fake.sent(chat_id=ADMIN))  # progress on the way


async def test_admin_summary_waits_out_an_outage_and_names_posts_in_doubt(tmp_path, kb, embedder):
    """The messenger fails two chats' posts for a while (502) and takes one and never answers: the
    admin hears that the bot is waiting, and "Xong" only once every chat has its outcome."""
    async with telegram_broadcaster(tmp_path, kb, embedder, send_backoff_seconds=0.3, broadcast_poll_seconds=0.2,
                                    send_timeout_seconds=1) as (fake, core, channel, broadcaster):
        chats = ("-601", "-602", "-603", "-604")
        for c in chats:
            core.db.subscribe("telegram", c, "group")
        for c in ("-602", "-603"):
            for _ in range(2):
                fake.fail_chat(c, 502, {"ok": False, "error_code": 502, "description": "Bad Gateway"})
        stalled = []

        def stall(method, chat_id):
            if method == "sendMessage" and chat_id == "-604" and not stalled:
                stalled.append(chat_id)
                return "after"  # delivered, the answer lost
            return None
        fake.stall = stall
        aid = new_article(core.answerer.store, 6)
        fake.message(f"/phatsong {aid}", chat_id=ADMIN, user_id=ADMIN)
        confirm = (await fake.wait_sent(3, chat_id=ADMIN))[2]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
        fake.callback(confirm, chat_id=ADMIN, user_id=ADMIN)
        done = lambda: [m["text"] for m in fake.sent(chat_id=ADMIN) if "📬 Xong" in m["text"]]
        await _wait(done, 60)
        said = [m["text"] for m in fake.sent(chat_id=ADMIN)]
        waiting = [t for t in said if t.startswith("⏳")]
        # Said once for the run, not at each retry round of the outage (five messages before).
        assert len(waiting) == 1 and said.index(waiting[0]) < said.index(done()[0]), waiting
        progress = [t for t in said if t.startswith("📤 Đã gửi")]
        assert progress and len(progress) == len(set(progress)), progress  # a failed retry repeats no progress line
        # Each chat got its post once; the two refused attempts of -602 and -603 are counted as calls too.
        assert posts(fake, 6) == Counter({"-601": 1, "-602": 3, "-603": 3, "-604": 1})
        assert core.db.broadcast_counts(aid) == {"sent": 3, "unknown": 1}
        [report] = done()
        assert "đã gửi 3, lỗi 0" in report and "Không rõ 1 cuộc trò chuyện" in report


async def test_each_admin_hears_about_the_post_they_confirmed(tmp_path, kb, embedder):
    """Admin A's broadcast waits out an outage; admin B confirms another post meanwhile. The waiting
    run sends B's post too (one sender per process), and B — not A — hears how it goes."""
    other = 9002
    async with telegram_broadcaster(tmp_path, kb, embedder, telegram_admins=f"{ADMIN},{other}",
                                    send_backoff_seconds=0.2, send_backoff_max_seconds=0.5,
                                    broadcast_poll_seconds=0.1) as (fake, core, channel, broadcaster):
        for c in ("-701", "-702"):
            core.db.subscribe("telegram", c, "group")
        down = {"-702"}
        fake.outage = lambda chat_id: chat_id in down

        async def confirm(admin: int, n: int) -> None:
            aid = new_article(core.answerer.store, n)
            before = len(fake.sent(chat_id=admin))
            fake.message(f"/phatsong {aid}", chat_id=admin, user_id=admin)
            keyboard = (await fake.wait_sent(before + 3, chat_id=admin))[-1]["reply_markup"]["inline_keyboard"]
            fake.callback(keyboard[0][0]["callback_data"], chat_id=admin, user_id=admin)

        said = lambda admin: [m["text"] for m in fake.sent(chat_id=admin)]
        await confirm(ADMIN, 8)
        await _wait(lambda: any(t.startswith("⏳") for t in said(ADMIN)))  # A's run waits for -702
        await confirm(other, 9)
        await _wait(lambda: any(t.startswith("📤 Bắt đầu") and "số 9" in t for t in said(other)))
        down.clear()  # the messenger is back: both posts reach -702
        await _wait(lambda: any(t.startswith("📬 Xong") for t in said(other))
                    and any(t.startswith("📬 Xong") for t in said(ADMIN)))
        assert not [t for t in said(ADMIN) if "số 9" in t]  # A hears only about A's post
        [mine] = [t for t in said(other) if t.startswith("📬 Xong")]
        assert "số 9" in mine and "đã gửi 2, lỗi 0" in mine
        chats = Counter({"-701": 1, "-702": 1})
        assert posts(fake, 8) == chats and posts(fake, 9) == chats + Counter({str(other): 1})  # + B's preview


async def test_zalo_preview_and_confirm(tmp_path, kb, embedder):
    fake = FakeZalo().start()
    settings = make_settings(tmp_path, zalo_token=fake.token, zalo_api_url=fake.url, zalo_admins="boss",
                             auto_broadcast=False)
    store = Store(database(settings.db_path))
    core = make_core(settings, Answerer(settings, store, embedder), BotDB(database(settings.db_path)))
    channel = ZaloChannel(core, poll_timeout=1, backoff=0.05)
    broadcaster = Broadcaster(core, {"zalo": channel}, rate_per_second=200)
    await channel.start()
    try:
        for user in ("z1", "z2"):
            fake.push(fake.update("/dangky", user=user))
        await fake.wait_sent(1, "z1")
        await fake.wait_sent(1, "z2")
        aid = new_article(store, 5)
        await core.articles_added([aid])  # automatic posting is off
        assert core.db.broadcast_counts(aid) == {} and not broadcaster.tasks
        fake.push(fake.update(f"/phatsong {aid}", user="boss"))
        preview = await fake.wait_sent(3, "boss")
        assert "/xacnhan" in preview[-1]["text"] and "đợt thi đua số 5" in preview[1]["text"]
        fake.push(fake.update("/xacnhan", user="z1"))
        assert "chỉ dành cho quản trị viên" in (await fake.wait_sent(2, "z1"))[1]["text"]
        fake.push(fake.update("/xacnhan", user="boss"))
        await fake.wait_sent(3, "z1")
        await fake.wait_sent(2, "z2")
        post = fake.sent("z2")[1]["text"]
        assert post.startswith("📢 Bài viết mới\nCông đoàn ngành dệt may") and "https://congdoan.example.org/tin/5" in post
        await fake.wait_taken()
        await channel.drain()
        await asyncio.gather(*broadcaster.tasks)
        assert len(fake.sent("z1")) == 3 and len(fake.sent("z2")) == 2
    finally:
        await broadcaster.stop()
        await channel.stop()
        fake.stop()


async def test_event_reminders_once_per_chat_across_a_restart(bc):
    import datetime

    fake, core, channel, broadcaster = bc
    for chat in ("-601", "602"):
        core.db.subscribe("telegram", chat, "group" if chat.startswith("-") else "private")
    reminders = lambda: Counter(str(p["chat_id"]) for p in fake.sent() if "Nhắc lịch" in p["text"])
    the_day_before = datetime.date(2026, 5, 14)  # the test corpus dates a contest on 15/5/2026
    assert await broadcaster.remind(the_day_before) == 2
    await _wait(lambda: sum(reminders().values()) == 2)
    await asyncio.gather(*broadcaster.tasks)
    post = next(p for p in fake.sent(chat_id="602") if "Nhắc lịch" in p["text"])
    assert "⏰ Nhắc lịch: ngày mai, 15/05/2026" in post["text"] and "Hội thi An toàn vệ sinh viên giỏi" in post["text"]
    assert post["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == f"a:{article_key('atvsld-thainguyen-2026')}"
    assert await broadcaster.remind(the_day_before) == 0  # checked again the same day: nothing new
    # A restart: a new core and broadcaster on the same database plan nothing twice.
    core2 = make_core(core.settings, core.answerer, BotDB(database(core.settings.db_path)))
    again = Broadcaster(core2, {"telegram": channel}, rate_per_second=200)
    await again.resume()
    assert await again.remind(the_day_before) == 0 and not again.tasks
    assert reminders() == Counter({"-601": 1, "602": 1})
    assert await broadcaster.remind(datetime.date(2026, 5, 20)) == 0  # nothing dated the 21st


async def test_an_old_preview_sends_nothing_and_a_reminder_key_is_no_article(bc):
    fake, core, channel, broadcaster = bc
    core.db.subscribe("telegram", "-600", "group")
    fake.message("/phatsong nhac:2024-13-45:x", chat_id=ADMIN, user_id=ADMIN)
    [refused] = await fake.wait_sent(1, chat_id=ADMIN)
    assert refused["text"] == texts.ADMIN_NOT_FOUND_ID.format(id="nhac:2024-13-45:x")
    aid = new_article(core.answerer.store, 5)
    fake.message(f"/phatsong {aid}", chat_id=ADMIN, user_id=ADMIN)
    confirm = (await fake.wait_sent(4, chat_id=ADMIN))[3]["reply_markup"]["inline_keyboard"][0][0]["callback_data"]
    key, at = confirm.split(":")[1].split(".")
    assert key == article_key(aid) and abs(int(at) - time.time()) < 60
    fake.callback(f"b:{key}.{int(at) - CONFIRM_SECONDS - 1}", chat_id=ADMIN, user_id=ADMIN)  # tapped too late
    expired = (await fake.wait_sent(5, chat_id=ADMIN))[4]["text"]
    assert expired == texts.BROADCAST_EXPIRED.format(minutes=60, id=aid)
    fake.callback(f"b:{key}", chat_id=ADMIN, user_id=ADMIN)  # a button from before previews had a time
    assert (await fake.wait_sent(6, chat_id=ADMIN))[5]["text"] == expired
    fake.callback(f"b:{key}.{int(at) + 10 * CONFIRM_SECONDS}", chat_id=ADMIN, user_id=ADMIN)  # a time to come
    assert (await fake.wait_sent(7, chat_id=ADMIN))[6]["text"] == expired
    fake.callback(f"b:{key}.²", chat_id=ADMIN, user_id=ADMIN)  # a digit int() does not read
    assert (await fake.wait_sent(8, chat_id=ADMIN))[7]["text"] == expired
    assert posts(fake, 5) == Counter() and core.db.broadcast_counts(aid) == {}
    fake.callback(confirm, chat_id=ADMIN, user_id=ADMIN)
    await _wait(lambda: posts(fake, 5) == Counter({"-600": 1}))


async def test_phatsong_without_an_article_shows_its_usage(bc):
    """R26 #10: an admin command without its argument gets its usage, exactly."""
    fake, core, channel, broadcaster = bc
    fake.message("/phatsong", chat_id=ADMIN, user_id=ADMIN)
    [usage] = await fake.wait_sent(1, chat_id=ADMIN)
    assert html.unescape(usage["text"]) == texts.BROADCAST_USAGE  # (sent as HTML: "<" escaped)
