"""Zalo channel end to end: our httpx client against a fake Zalo Bot API over HTTP."""
import asyncio

import httpx
import pytest

from bot.core import Core
from bot.db import BotDB
from bot.server import build_app
from bot.telegram_channel import ChannelError
from bot.zalo_channel import ZaloChannel, split_text
from knowledge.models import Article
from knowledge.store import Store
from retrieval.service import Answerer
from tests.conftest import make_settings
from tests.fake_zalo import BOT_ID, FakeZalo
from tests.servers import serve_in_loop


@pytest.fixture
async def zalo(tmp_path, dev_answerer):
    fake = FakeZalo().start()
    settings = make_settings(tmp_path, zalo_token=fake.token, zalo_api_url=fake.url, zalo_admins="admin-1")
    core = Core(settings, dev_answerer, BotDB(tmp_path / "bot.sqlite3"))
    channel = ZaloChannel(core, poll_timeout=1, backoff=0.05)
    await channel.start()
    yield fake, channel, core
    await channel.stop()
    fake.stop()


async def test_private_question_gets_answer_with_source(zalo):
    fake, channel, core = zalo
    fake.push(fake.update("thang hanh dong atvsld 2020 phat dong ngay nao", user="u1"))
    [msg] = await fake.wait_sent(1, "u1")
    text = msg["text"]
    assert "sáng ngày 8/5/2020" in text and "📰 Nguồn:" in text
    assert "Nhiệt liệt hưởng ứng Tháng hành động" in text
    assert text.strip().splitlines()[-1].startswith("http")  # the link on its own line
    assert "<" not in text  # plain text, no markup
    assert fake.sent("u1", method="sendChatAction")[0]["action"] == "typing"
    fake.push(fake.update("/nguon", user="u1"))
    passage = (await fake.wait_sent(2, "u1"))[1]["text"]
    assert "Đoạn trích" in passage and "8/5/2020" in passage
    fake.push(fake.update("nguồn", user="u1"))
    again = (await fake.wait_sent(3, "u1"))[2]["text"]
    assert again == passage


async def test_long_answers_split_below_2000(tmp_path, embedder):
    fake = FakeZalo().start()
    settings = make_settings(tmp_path, zalo_token=fake.token, zalo_api_url=fake.url)
    store = Store(settings.db_path)
    sentence = ("Hội nghị tổng kết phong trào thi đua của công đoàn ngành giáo dục tỉnh đã biểu dương nhiều tập thể "
                "và cá nhân tiêu biểu trong năm học vừa qua. ")
    store.upsert(Article(id="dai", title="Tổng kết phong trào thi đua ngành giáo dục", date="2024-06-01",
                         text=sentence * 25))
    core = Core(settings, Answerer(settings, store, embedder), BotDB(tmp_path / "b.sqlite3"))
    channel = ZaloChannel(core, poll_timeout=1, backoff=0.05)
    await channel.start()
    try:
        fake.push(fake.update("Hội nghị tổng kết phong trào thi đua ngành giáo dục", user="u2"))
        [ans] = await fake.wait_sent(1, "u2")
        assert ans["text"]
        fake.push(fake.update("/nguon", user="u2"))
        fake.push(fake.update("/help", user="u2"))
        await fake.wait_sent(3, "u2")
        # A 2500-character reply arrives as two messages, each under 2000.
        await channel.send("u3", __import__("bot.core", fromlist=["Reply"]).Reply(sentence * 22))
        parts = fake.sent("u3")
        assert len(parts) == 2 and all(len(p["text"]) <= 2000 for p in parts)
        assert "".join(p["text"] for p in parts).replace("\n", " ").count("Hội nghị tổng kết") == 22
    finally:
        await channel.stop()
        fake.stop()


def test_split_text_on_sentence_boundaries():
    text = "Câu một về công đoàn. " * 120  # ~2600 chars in one paragraph
    parts = split_text(text.strip())
    assert len(parts) == 2 and all(len(p) <= 2000 for p in parts)
    assert all(p.rstrip().endswith(".") for p in parts)


async def test_duplicates_own_messages_and_stickers(zalo):
    fake, channel, core = zalo
    upd = fake.update("Chợ tết Công đoàn - Xuân 2026 có bao nhiêu gian hàng?", user="u4", message_id="dup-1")
    fake.push(upd)
    fake.push(upd)
    fake.push(fake.update("tin của chính bot", user=BOT_ID, chat="u4"))
    fake.push(fake.update(None, user="u4", event="message.sticker.received"))
    msgs = await fake.wait_sent(2, "u4")
    await asyncio.sleep(1.0)
    msgs = fake.sent("u4")
    assert len(msgs) == 2
    assert sum("hơn 70 gian hàng" in m["text"] for m in msgs) == 1
    assert sum("tin nhắn chữ" in m["text"] for m in msgs) == 1


async def test_429_and_network_errors_are_retried_without_loss(zalo):
    fake, channel, core = zalo
    fake.fail("sendMessage", 429, {"ok": False, "error_code": 429, "description": "Quota exceeded"})
    fake.push(fake.update("/help", user="u5"))
    refused, delivered = await fake.wait_sent(2, "u5")  # the 429'd attempt, then the retry
    assert refused["text"] == delivered["text"] and "UnionBot" in delivered["text"]
    await asyncio.sleep(0.3)
    assert len(fake.sent("u5")) == 2
    # The API goes away for a moment: polling backs off and picks up again, answering once.
    fake.down()
    await asyncio.sleep(0.5)
    fake.push(fake.update("/help", user="u6"))
    fake.up()
    await fake.wait_sent(1, "u6")
    await asyncio.sleep(0.5)
    assert len(fake.sent("u6")) == 1


async def test_admin_gate_on_zalo(zalo):
    fake, channel, core = zalo
    fake.push(fake.update("/thongke", user="member-9"))
    [refused] = await fake.wait_sent(1, "member-9")
    assert "chỉ dành cho quản trị viên" in refused["text"]
    fake.push(fake.update("/thongke", user="admin-1"))
    [stats] = await fake.wait_sent(1, "admin-1")
    assert "Thống kê" in stats["text"]


async def test_bad_token_stops_startup_with_clear_message(tmp_path, dev_answerer):
    fake = FakeZalo().start()
    settings = make_settings(tmp_path, zalo_token="wrong", zalo_api_url=fake.url)
    channel = ZaloChannel(Core(settings, dev_answerer, BotDB(tmp_path / "b.sqlite3")))
    try:
        with pytest.raises(ChannelError, match="UNIONBOT_ZALO_TOKEN"):
            await channel.start()
    finally:
        await channel.client.close()
        fake.stop()


async def test_webhook_checks_secret(tmp_path, dev_answerer):
    fake = FakeZalo().start()
    settings = make_settings(tmp_path, zalo_token=fake.token, zalo_api_url=fake.url)
    core = Core(settings, dev_answerer, BotDB(tmp_path / "w.sqlite3"))
    channel = ZaloChannel(core, webhook_url="https://bot.example.org", webhook_secret="zalo-secret-42")
    server, task, port = await serve_in_loop(build_app(core, [channel], web=False))
    try:
        [hook] = fake.sent(method="setWebhook")
        assert hook["url"] == "https://bot.example.org/zalo/webhook" and hook["secret_token"] == "zalo-secret-42"
        url = f"http://127.0.0.1:{port}/zalo/webhook"
        upd = fake.update("/help", user="u7")
        async with httpx.AsyncClient() as client:
            assert (await client.post(url, json=upd)).status_code == 403
            assert (await client.post(url, json=upd, headers={"X-Bot-Api-Secret-Token": "nope"})).status_code == 403
            await asyncio.sleep(0.3)
            assert fake.sent("u7") == []
            ok = await client.post(url, json=upd, headers={"X-Bot-Api-Secret-Token": "zalo-secret-42"})
            assert ok.status_code == 200
        [reply] = await fake.wait_sent(1, "u7")
        assert "UnionBot" in reply["text"]
    finally:
        server.should_exit = True
        await task
        fake.stop()


async def test_group_mentions_are_answered(zalo):
    fake, channel, core = zalo
    fake.push(fake.update("@UnionBot thi dua nam 2026 to chuc may dot", user="u8", chat="g1", chat_type="GROUP"))
    [msg] = await fake.wait_sent(1, "g1")
    assert "2 đợt" in msg["text"]
