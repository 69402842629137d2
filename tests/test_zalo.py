"""Zalo channel end to end: our httpx client against a fake Zalo Bot API over HTTP."""
import asyncio

import httpx
import pytest

from bot.core.assemble import make_core
from bot.core.state import BotDB
from bot.server import build_app
from bot.channels.zalo import ZaloChannel
from bot.core import render
from bot.core.messages import ChannelError, Reply
from knowledge.models import Article
from knowledge.store import Store
from retrieval.service import Answerer
from tests.conftest import database, make_settings
from tests.fake_zalo import BOT_ID, FakeZalo
from tests.helpers import long_post
from tests.servers import serve_in_loop


@pytest.fixture
async def zalo(tmp_path, kb):
    fake = FakeZalo().start()
    settings = make_settings(tmp_path, zalo_token=fake.token, zalo_api_url=fake.url, zalo_admins="admin-1")
    core = make_core(settings, kb, BotDB(database(tmp_path / "bot.sqlite3")))
    channel = ZaloChannel(core, poll_timeout=1, backoff=0.05)
    await channel.start()
    yield fake, channel, core
    await channel.stop()
    fake.stop()


async def test_private_question_gets_answer_with_source(zalo):
    fake, channel, core = zalo
    fake.push(fake.update("tet sum vay binh dinh 2025 trao bao nhieu suat qua", user="u1"))
    [msg] = await fake.wait_sent(1, "u1")
    text = msg["text"]
    assert text.startswith("“4.800 suất quà”") and "📰 Nguồn: Bình Định: Tết Sum vầy 2025" in text
    assert "mỗi suất quà trị giá 700.000 đồng" in text  # the supporting sentence
    assert text.strip().splitlines()[-1] == "https://congdoan.example.vn/tet-sum-vay-binh-dinh-2025"
    assert "<" not in text  # plain text, no markup
    assert fake.sent("u1", method="sendChatAction")[0]["action"] == "typing"
    fake.push(fake.update("/nguon", user="u1"))
    passage = (await fake.wait_sent(2, "u1"))[1]["text"]
    assert "Đoạn trích" in passage and "Liên đoàn Lao động tỉnh trao 4.800 suất quà" in passage
    fake.push(fake.update("nguồn", user="u1"))
    again = (await fake.wait_sent(3, "u1"))[2]["text"]
    assert again == passage


async def test_long_answers_split_below_2000(tmp_path, embedder):
    fake = FakeZalo().start()
    settings = make_settings(tmp_path, zalo_token=fake.token, zalo_api_url=fake.url)
    store = Store(database(settings.db_path))
    sentence = ("Hội nghị tổng kết phong trào thi đua của công đoàn ngành giáo dục tỉnh đã biểu dương nhiều tập thể "
                "và cá nhân tiêu biểu trong năm học vừa qua. ")
    store.upsert(Article(id="dai", title="Tổng kết phong trào thi đua ngành giáo dục", date="2024-06-01",
                         text=sentence * 25))
    core = make_core(settings, Answerer(settings, store, embedder), BotDB(database(tmp_path / "b.sqlite3")))
    channel = ZaloChannel(core, poll_timeout=1, backoff=0.05)
    await channel.start()
    try:
        fake.push(fake.update("Hội nghị tổng kết phong trào thi đua ngành giáo dục đã làm gì?", user="u2"))
        [ans] = await fake.wait_sent(1, "u2")
        assert "biểu dương nhiều tập thể và cá nhân tiêu biểu" in ans["text"] and "📰 Nguồn: Tổng kết" in ans["text"]
        fake.push(fake.update("/nguon", user="u2"))  # the passage behind the answer
        passage = (await fake.wait_sent(2, "u2"))[1]["text"]
        assert passage.startswith("Đoạn trích") and passage.count("Hội nghị tổng kết") >= 3
        # A 2500-character reply arrives as two messages, each under 2000.
        await channel.send("u3", Reply(sentence * 22))
        parts = fake.sent("u3")
        assert len(parts) == 2 and all(len(p["text"]) <= 2000 for p in parts)
        assert "".join(p["text"] for p in parts).replace("\n", " ").count("Hội nghị tổng kết") == 22
    finally:
        await channel.stop()
        fake.stop()


def test_split_text_on_sentence_boundaries():
    text = "Câu một về công đoàn. " * 120  # ~2600 chars in one paragraph
    parts = render.text_messages(text.strip(), render.ZALO)
    assert len(parts) == 2 and all(len(p) <= 2000 for p in parts)
    assert all(p.rstrip().endswith(".") for p in parts)
    assert " ".join(parts) == text.strip()


async def test_duplicates_own_messages_and_stickers(zalo):
    fake, channel, core = zalo
    upd = fake.update("Phiên chợ Tết Công đoàn ở Bình Định có bao nhiêu gian hàng?", user="u4", message_id="dup-1")
    fake.push(upd)
    fake.push(upd)
    fake.push(fake.update("tin của chính bot", user=BOT_ID, chat="u4"))
    fake.push(fake.update(None, user="u4", event="message.sticker.received"))
    await fake.wait_taken()
    await channel.drain()  # every update taken has been handled
    msgs = fake.sent("u4")
    assert len(msgs) == 2
    assert sum("40 gian hàng" in m["text"] for m in msgs) == 1
    assert sum("tin nhắn chữ" in m["text"] for m in msgs) == 1


async def test_429_and_network_errors_are_retried_without_loss(zalo, caplog):
    fake, channel, core = zalo
    fake.fail("sendMessage", 429, {"ok": False, "error_code": 429, "description": "Quota exceeded"})
    fake.push(fake.update("/help", user="u5"))
    refused, delivered = await fake.wait_sent(2, "u5")  # the 429'd attempt, then the retry
    assert refused["text"] == delivered["text"] and "UnionBot" in delivered["text"]
    await fake.wait_taken()
    await channel.drain()
    assert len(fake.sent("u5")) == 2
    # The API goes away for a moment: polling backs off and picks up again, answering once.
    fake.down()
    fake.push(fake.update("/help", user="u6"))
    for _ in range(600):  # until the bot has met the outage (a logged network error), at most 30 s
        if any("network error" in r.getMessage() for r in caplog.records):
            break
        await asyncio.sleep(0.05)
    else:
        raise AssertionError("the outage was never noticed")
    fake.up()
    await fake.wait_sent(1, "u6")
    await fake.wait_taken()
    await channel.drain()
    assert len(fake.sent("u6")) == 1


async def test_admin_gate_on_zalo(zalo):
    fake, channel, core = zalo
    fake.push(fake.update("/thongke", user="member-9"))
    [refused] = await fake.wait_sent(1, "member-9")
    assert "chỉ dành cho quản trị viên" in refused["text"]
    fake.push(fake.update("/thongke", user="admin-1"))
    [stats] = await fake.wait_sent(1, "admin-1")
    assert "Thống kê" in stats["text"]


async def test_bad_token_stops_startup_with_clear_message(tmp_path, kb):
    fake = FakeZalo().start()
    settings = make_settings(tmp_path, zalo_token="wrong", zalo_api_url=fake.url)
    channel = ZaloChannel(make_core(settings, kb, BotDB(database(tmp_path / "b.sqlite3"))))
    try:
        with pytest.raises(ChannelError, match="UNIONBOT_ZALO_TOKEN"):
            await channel.start()
    finally:
        await channel.client.close()
        fake.stop()


async def test_webhook_checks_secret(tmp_path, kb):
    fake = FakeZalo().start()
    settings = make_settings(tmp_path, zalo_token=fake.token, zalo_api_url=fake.url)
    core = make_core(settings, kb, BotDB(database(tmp_path / "w.sqlite3")))
    channel = ZaloChannel(core, webhook_url="https://bot.example.org", webhook_secret="zalo-secret-42")
    server, task, port = await serve_in_loop(build_app(core, [channel]))
    try:
        [hook] = fake.sent(method="setWebhook")
        assert hook["url"] == "https://bot.example.org/zalo/webhook" and hook["secret_token"] == "zalo-secret-42"
        url = f"http://127.0.0.1:{port}/zalo/webhook"
        upd = fake.update("/help", user="u7")
        async with httpx.AsyncClient() as client:
            assert (await client.post(url, json=upd)).status_code == 403
            assert (await client.post(url, json=upd, headers={"X-Bot-Api-Secret-Token": "nope"})).status_code == 403
            assert fake.sent("u7") == [] and not channel.tasks  # refused before anything was spawned
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
    fake.push(fake.update("@UnionBot hoi thao phu nghia 2024 co bao nhieu doi", user="u8", chat="g1",
                          chat_type="GROUP"))
    [msg] = await fake.wait_sent(1, "g1")
    assert msg["text"].startswith("“24 đội”")


async def test_a_group_mention_of_a_bot_named_in_two_words_is_cut_whole(tmp_path, kb):
    """The bot named "Union Bot" in Zalo Bot Creator: "@Union Bot …" loses both words (a "Bot" left
    over would turn "/nguon" into a question), in any case and spacing."""
    fake = FakeZalo(display_name="Union Bot").start()
    settings = make_settings(tmp_path, zalo_token=fake.token, zalo_api_url=fake.url)
    core = make_core(settings, kb, BotDB(database(tmp_path / "bot.sqlite3")))
    channel = ZaloChannel(core, poll_timeout=1, backoff=0.05)
    await channel.start()
    try:
        fake.push(fake.update("@Union Bot hội thao phú nghĩa 2024 có bao nhiêu đội", user="u8", chat="g2",
                              chat_type="GROUP"))
        [answer] = await fake.wait_sent(1, "g2")
        assert answer["text"].startswith("“24 đội”")
        fake.push(fake.update("@union   bot /nguon", user="u8", chat="g2", chat_type="GROUP"))
        passage = (await fake.wait_sent(2, "g2"))[1]["text"]
        assert "Đoạn trích" in passage
        fake.push(fake.update("@Union Bot nguồn", user="u8", chat="g2", chat_type="GROUP"))
        assert (await fake.wait_sent(3, "g2"))[2]["text"] == passage
    finally:
        await channel.stop()
        fake.stop()


async def test_a_long_post_cut_off_after_its_first_piece_is_not_resent(zalo):
    """Zalo away after piece 1: a ledger retry would send piece 1 twice, so the post fails (named)."""
    from bot.core import texts
    from bot.core.messages import SendFailed, SendLater

    fake, channel, core = zalo
    post = long_post(60)
    pieces = render.post_messages(post, render.ZALO)
    assert len(pieces) >= 2
    fake.outage = lambda chat_id: len(fake.sent("u9")) >= 1
    with pytest.raises(SendFailed) as failed:
        await channel.post("u9", post)
    assert not isinstance(failed.value, SendLater)
    assert str(failed.value) == texts.POST_PARTLY_SENT.format(sent=1, total=len(pieces), cause="Zalo API lỗi 502: Bad Gateway")
    assert [m["text"] for m in fake.sent("u9")] == pieces[:1]


def test_a_slash_before_a_number_is_a_question_and_an_accented_command_is_the_command():
    from bot.core.messages import parse_command

    assert parse_command("/24h có tin gì mới?") == (None, "/24h có tin gì mới?")
    assert parse_command("/2 ngày phép có được cộng không") == (None, "/2 ngày phép có được cộng không")
    assert parse_command("/tìm công đoàn") == ("tim", "công đoàn")
    assert parse_command("/hỏi: đoàn phí bao nhiêu?") == ("hoi", "đoàn phí bao nhiêu?")
    assert parse_command("/ti\u0300m mái ấm") == ("tim", "mái ấm")  # typed with a combining accent
    assert parse_command("/start123") == ("start123", "")


async def test_zalo_takes_an_accented_command_and_a_slashed_number(zalo):
    """Zalo sends every "/…" through parse_command: "/tìm" is /tim, "/24h …" is a question."""
    from bot.core import texts

    fake, channel, core = zalo
    fake.push(fake.update("/tim mái ấm", user="u1"))
    [plain] = await fake.wait_sent(1, "u1")
    fake.push(fake.update("/tìm mái ấm", user="u1"))
    accented = (await fake.wait_sent(2, "u1"))[1]
    assert accented["text"] == plain["text"] and plain["text"].startswith(texts.FIND_HEADER.format(query="mái ấm"))
    fake.push(fake.update("/2 ngày phép có được cộng không", user="u2"))
    [slashed] = await fake.wait_sent(1, "u2")
    fake.push(fake.update("2 ngày phép có được cộng không", user="u3"))
    [unslashed] = await fake.wait_sent(1, "u3")
    assert slashed["text"] == unslashed["text"]  # a question, searched: the same reply as without the slash
    assert slashed["text"].startswith(texts.ROUTE_INTRO)  # a member's own case (leave days): routed to people


async def test_odd_input_gets_its_exact_reply_on_zalo(zalo):
    """R26 #10: the shared odd-input list (tests/test_odd_input.ODD, empty text included), a message
    over 1,000 characters, an image, /nguon before any answer — each its exact text."""
    from bot.core import texts
    from tests.test_odd_input import ODD

    fake, channel, core = zalo
    cases = ODD + [("x" * 1500, texts.TOO_LONG.format(n=1500, limit=1000)), ("/nguon", texts.NO_LAST_ANSWER)]
    for i, (text, _) in enumerate(cases):
        fake.push(fake.update(text, user=f"odd{i}"))
    fake.push(fake.update(None, user="image", event="message.image.received"))
    for i, (text, expected) in enumerate(cases):
        [reply] = await fake.wait_sent(1, f"odd{i}")
        assert reply["text"] == expected, text
    [image] = await fake.wait_sent(1, "image")
    assert image["text"] == texts.NON_TEXT
