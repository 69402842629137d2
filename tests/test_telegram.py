"""Telegram channel end to end: real python-telegram-bot against a fake Bot API over HTTP."""
import asyncio
import re
from html import unescape
from html.parser import HTMLParser

import httpx
import pytest

from bot.core.assemble import make_core
from bot.core.state import BotDB
from bot.channels.telegram import TelegramChannel
from tests.helpers import N_ARTICLES, long_post
from bot.core import render, texts
from bot.core.render import answer_messages, text_messages
from knowledge.models import Article
from knowledge.store import Store
from knowledge.text import window
from retrieval.params import WINDOW_CHARS
from retrieval.service import Answerer
from bot.server import build_app
from tests.conftest import database, make_settings
from tests.fake_telegram import BOT_USERNAME, FakeTelegram, refusal
from tests.servers import serve_in_loop

ADMIN = 9001


class _Balanced(HTMLParser):
    """Checks that a message is well-formed Telegram HTML (every tag closed)."""

    def __init__(self):
        super().__init__()
        self.stack = []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        assert self.stack and self.stack.pop() == tag, tag


LIMIT = render.TELEGRAM.limit


def strip_tags(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def assert_valid_html(text: str) -> None:
    p = _Balanced()
    p.feed(text)
    p.close()
    assert not p.stack, text
    assert len(text) <= LIMIT


@pytest.fixture
async def tg(tmp_path, kb):
    fake = FakeTelegram().start()
    settings = make_settings(tmp_path, telegram_token=fake.token, telegram_api_url=fake.base_url,
                             telegram_admins=str(ADMIN), flood_per_minute=4)
    core = make_core(settings, kb, BotDB(database(tmp_path / "bot.sqlite3")))
    channel = TelegramChannel(core, poll_timeout=1)
    await channel.start()
    yield fake, channel, core
    await channel.stop()
    fake.stop()


async def test_private_question_gets_cited_answer_with_buttons(tg):
    fake, channel, core = tg
    fake.message("Khẩu hiệu thi đua năm 2022 của Công đoàn Bưu điện tỉnh Quảng Trị là gì?", chat_id=1001)
    [msg] = await fake.wait_sent(1, chat_id=1001)
    text = msg["text"]
    assert text.startswith("<b>“Năng suất, chất lượng, phục vụ tận tâm”</b>")
    assert "với khẩu hiệu \"<b>Năng suất, chất lượng, phục vụ tận tâm</b>\"" in text  # the span, in its sentence
    assert "Công đoàn Bưu điện tỉnh Quảng Trị phát động thi đua năm 2022</a> · 14/03/2022" not in text  # no url
    assert "Công đoàn Bưu điện tỉnh Quảng Trị phát động thi đua năm 2022 · 14/03/2022" in text
    assert msg["parse_mode"] == "HTML"
    assert_valid_html(text)
    buttons = [b["callback_data"] for row in msg["reply_markup"]["inline_keyboard"] for b in row]
    assert buttons[0].startswith("p:") and buttons[1].startswith("r:") and buttons[2].endswith(":1")
    assert fake.sent("sendChatAction", 1001)[0]["action"] == "typing"
    assert any(m == "setMyCommands" for m, _ in fake.calls)

    qid = int(buttons[0].split(":")[1])
    fake.callback(f"p:{qid}", chat_id=1001)
    passage = (await fake.wait_sent(2, chat_id=1001))[1]["text"]
    assert "Đoạn trích" in passage and "Chỉ thị số 05/CT-CĐBĐ" in passage
    fake.callback(f"r:{qid}", chat_id=1001)
    related = (await fake.wait_sent(3, chat_id=1001))[2]["text"]
    assert "Các bài liên quan" in related
    fake.callback(f"f:{qid}:-1", chat_id=1001)
    await fake.wait_sent(1, method="answerCallbackQuery")
    for _ in range(100):
        if core.db.stats(0)["down"]:
            break
        await asyncio.sleep(0.05)
    row = core.db.question(qid)
    assert core.db.stats(0)["down"] == 1 and row["sources"][0]["article_id"] == "buudien-quangtri-2022"


async def test_groups_answer_hoi_mentions_and_replies_only(tg):
    fake, channel, core = tg
    ignored = fake.message("Phiên chợ Tết Công đoàn ở Bình Định có bao nhiêu gian hàng?", chat_id=-500,
                           chat_type="group")
    await fake.wait_taken(ignored)
    fake.message(f"/hoi@{BOT_USERNAME} Phiên chợ Tết Công đoàn ở Bình Định có bao nhiêu gian hàng?", chat_id=-500,
                 chat_type="group", user_id=502)
    first = await fake.wait_sent(1, chat_id=-500)
    assert "40 gian hàng" in first[0]["text"]
    fake.message(f"@{BOT_USERNAME} hoi thao phu nghia 2024 co bao nhieu doi", chat_id=-500, chat_type="group",
                 user_id=503)
    second = await fake.wait_sent(2, chat_id=-500)
    assert "24 đội" in second[1]["text"]
    fake.message("Thỏa ước dệt may Nam Định có bao nhiêu doanh nghiệp tham gia?", chat_id=-500,
                 chat_type="group", reply_to_bot=True, user_id=504)
    third = await fake.wait_sent(3, chat_id=-500)
    assert "12 doanh nghiệp" in third[2]["text"]
    # The unaddressed message was taken before the three that were answered, and got no reply.
    assert len(fake.sent(chat_id=-500)) == 3
    fake.message("/hoi", chat_id=-500, chat_type="group", user_id=505)
    usage = await fake.wait_sent(4, chat_id=-500)
    assert "/hoi" in usage[3]["text"]


async def test_html_in_articles_and_questions_is_escaped(tmp_path, embedder):
    fake = FakeTelegram().start()
    settings = make_settings(tmp_path, telegram_token=fake.token, telegram_api_url=fake.base_url)
    store = Store(database(settings.db_path))
    store.upsert(Article(id="html", title="Hội thi <Tay nghề> & sáng tạo", date="2024-03-01",
                         url="https://example.org/a?x=1&y=<2>",
                         text="Hội thi <b>Tay nghề</b> & sáng tạo năm 2024 có 12 đội tham gia tranh tài."))
    core = make_core(settings, Answerer(settings, store, embedder), BotDB(database(tmp_path / "b.sqlite3")))
    channel = TelegramChannel(core, poll_timeout=1)
    await channel.start()
    try:
        fake.message("Hội thi <Tay nghề> & sáng tạo năm 2024 có bao nhiêu đội?", chat_id=1)
        [msg] = await fake.wait_sent(1, chat_id=1)
        assert_valid_html(msg["text"])
        assert "&lt;b&gt;Tay nghề&lt;/b&gt; &amp; sáng tạo" in msg["text"]
        assert 'href="https://example.org/a?x=1&amp;y=&lt;2&gt;"' in msg["text"]
        assert "12 đội" in strip_tags(msg["text"])
    finally:
        await channel.stop()
        fake.stop()


async def test_long_replies_are_split_into_valid_messages(tg):
    fake, channel, core = tg
    # An admin's article list runs far past 4096 characters with many long titles.
    store = Store(database(core.settings.data_dir / "many.sqlite3"))
    core_many = make_core(core.settings, Answerer(core.settings, store, core.answerer.embedder), core.db)
    for i in range(90):
        store.upsert(Article(id=f"bai-{i:03d}", title=f"Bài viết số {i} về phong trào thi đua <lao động giỏi> "
                             "của công đoàn cơ sở trong toàn tỉnh năm 2025", text=f"Nội dung {i}."))
    channel.core = core_many
    fake.message("/baiviet", chat_id=ADMIN, user_id=ADMIN)
    msgs = await fake.wait_sent(3, chat_id=ADMIN)  # 90 lines of ~130 characters: three messages
    fake.message("/help", chat_id=ADMIN, user_id=ADMIN)  # answered after the whole list was sent
    msgs = await fake.wait_sent(4, chat_id=ADMIN)
    assert "UnionBot" in msgs[-1]["text"]
    msgs = msgs[:-1]
    for m in msgs:
        assert_valid_html(m["text"])
    joined = "\n".join(strip_tags(m["text"]) for m in msgs)
    assert all(f"bai-{i:03d}" in joined for i in range(90))
    # The formatter itself: one enormous answer paragraph still splits below the limit.
    pieces = text_messages("Câu rất dài về <công đoàn> & đoàn viên. " * 400, render.TELEGRAM)
    assert len(pieces) > 1 and all(len(p) <= LIMIT for p in pieces)
    for p in pieces:
        assert_valid_html(p)


@pytest.mark.parametrize("text,why", [
    ("", "message text is empty"), ("  ", "message text is empty"),
    ("x" * 4097, "message is too long"), ("<b>" + "&amp;" * 4097 + "</b>", "message is too long"),
    ("<b>đậm", "Can't find end tag"), ("<b><i>x</b></i>", "Unexpected end tag"),
    ("<div>x</div>", "Unsupported start tag"), ("a < b", "Unsupported start tag"),
    ("Hội thi & sáng tạo", "Character entity expected")])
def test_the_fake_refuses_what_telegram_refuses(text, why):
    """R26 #5: FakeTelegram answers 400 where the real API does, so a reply the bot renders wrongly
    fails the test that caused it (`FakeTelegram.stop` asserts nothing was refused for its text)."""
    assert why in refusal({"text": text, "parse_mode": "HTML"})
    ok = "<b>x</b> &amp; &lt;y&gt; <a href=\"https://e.org/?a=1&amp;b=2\">t</a> " + "&amp;" * 4000
    assert refusal({"text": ok, "parse_mode": "HTML"}) is None and refusal({"text": "a < b & c"}) is None


async def test_a_refused_reply_fails_the_test(tmp_path):
    fake = FakeTelegram().start()
    async with httpx.AsyncClient() as c:
        r = await c.post(f"{fake.base_url}{fake.token}/sendMessage", data={"chat_id": 1, "text": "<b>x", "parse_mode": "HTML"})
    assert r.status_code == 400 and "can't parse entities" in r.json()["description"]
    with pytest.raises(AssertionError, match="Telegram would refuse"):
        fake.stop()


def test_text_without_spaces_is_split_below_every_limit():
    for text in ("x" * 9000, "&<" * 4500):
        for markup in (render.TELEGRAM, render.ZALO):
            pieces = text_messages(text, markup)
            assert all(len(p) <= markup.limit for p in pieces), [len(p) for p in pieces]
            joined = "".join(pieces)
            assert (strip_tags(joined).replace("&lt;", "<").replace("&amp;", "&") if markup.html else joined) == text


async def test_non_text_empty_long_and_flood(tg):
    """A sticker, a message of punctuation only (Telegram delivers no empty text; "." is its empty
    question, R26 #1), 4,000 characters, a flood: each its exact reply."""
    fake, channel, core = tg
    fake.message(None, chat_id=2002, sticker={"file_id": "s1", "file_unique_id": "s1", "type": "regular",
                                              "width": 512, "height": 512, "is_animated": False,
                                              "is_video": False})
    hint = await fake.wait_sent(1, chat_id=2002)
    assert hint[0]["text"] == texts.NON_TEXT
    fake.message("x" * 4000, chat_id=2002)
    long = await fake.wait_sent(2, chat_id=2002)
    assert long[1]["text"] == texts.TOO_LONG.format(n=4000, limit=1000)
    fake.message(".", chat_id=2002)
    empty = await fake.wait_sent(3, chat_id=2002)
    assert empty[2]["text"] == texts.NO_CONTENT
    for i in range(5):
        fake.message(f"Phiên chợ Tết Công đoàn có bao nhiêu gian hàng? {i}", chat_id=3003, user_id=777)
    msgs = await fake.wait_sent(5, chat_id=3003)
    assert sum("hỏi hơi nhanh" in m["text"] for m in msgs) == 1


async def test_non_admin_is_refused_admin_commands(tg):
    fake, channel, core = tg
    for cmd in ("/thongke", "/xoa maiam-danang-2023", "/reload", "/baiviet"):
        fake.message(cmd, chat_id=4004, user_id=4004)
    msgs = await fake.wait_sent(4, chat_id=4004)
    assert all("chỉ dành cho quản trị viên" in m["text"] for m in msgs)
    assert core.answerer.article("maiam-danang-2023") is not None
    assert sum(1 for a in core.db.audit_log() if a["result"].startswith("refused")) == 4
    fake.message("/thongke", chat_id=ADMIN, user_id=ADMIN)
    [stats] = await fake.wait_sent(1, chat_id=ADMIN)
    assert "Thống kê" in stats["text"] and f"Bài viết: {N_ARTICLES}" in stats["text"]


async def test_retry_after_is_waited_out(tg):
    fake, channel, core = tg
    fake.fail("sendMessage", 429, {"ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
                                   "parameters": {"retry_after": 1}})
    fake.message("/help", chat_id=5005)
    msgs = await fake.wait_sent(2, chat_id=5005)  # the refused attempt, then the retry
    assert "UnionBot" in msgs[-1]["text"] and "bài viết" in msgs[-1]["text"]


async def test_webhook_requires_the_secret(tmp_path, kb):
    fake = FakeTelegram().start()
    settings = make_settings(tmp_path, telegram_token=fake.token, telegram_api_url=fake.base_url)
    core = make_core(settings, kb, BotDB(database(tmp_path / "w.sqlite3")))
    channel = TelegramChannel(core, webhook_url="https://bot.example.org", webhook_secret="s3cret-token-123")
    app = build_app(core, [channel])
    server, task, port = await serve_in_loop(app)
    try:
        [hook] = fake.sent("setWebhook")
        assert hook["secret_token"] == "s3cret-token-123" and hook["url"].endswith("/telegram/webhook")
        update = {"update_id": 1, "message": {"message_id": 5, "date": 0, "text": "/help",
                                              "entities": [{"type": "bot_command", "offset": 0, "length": 5}],
                                              "chat": {"id": 6006, "type": "private"},
                                              "from": {"id": 6006, "is_bot": False, "first_name": "A"}}}
        url = f"http://127.0.0.1:{port}/telegram/webhook"
        async with httpx.AsyncClient() as client:
            r1 = await client.post(url, json=update)
            r2 = await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "wrong"})
            assert r1.status_code == 403 and r2.status_code == 403
            assert channel.app.update_queue.empty()  # refused before reaching the bot
            r3 = await client.post(url, json=update, headers={"X-Telegram-Bot-Api-Secret-Token": "s3cret-token-123"})
            assert r3.status_code == 200
        [reply] = await fake.wait_sent(1, chat_id=6006)
        assert "UnionBot" in reply["text"]
    finally:
        server.should_exit = True
        await task
        fake.stop()


def test_not_found_answer_renders_suggestions(kb):
    ans = kb.ask("Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2019 có mấy môn thi đấu?").answer
    assert not ans.found and ans.related
    [html] = answer_messages(ans, render.TELEGRAM)
    assert_valid_html(html)
    assert "chưa nêu thông tin này" in html and html.count("• ") == len(ans.related) and "href" in html


def test_the_sentence_shown_is_a_window_around_the_span():
    sentence = ("Trong năm qua, " + "công đoàn cơ sở đã tổ chức nhiều hoạt động chăm lo cho đoàn viên, " * 6
                + "trong đó nổi bật là chương trình “Tết Sum vầy” với 500 suất quà, " + "và nhiều hoạt động khác " * 8 + ".")
    shown = window(sentence, "500 suất quà", WINDOW_CHARS)
    assert "500 suất quà" in shown and len(shown) <= WINDOW_CHARS + 2
    assert shown.startswith("…") and shown.endswith("…")
    assert window("Câu ngắn có 500 suất quà.", "500 suất quà", WINDOW_CHARS) == "Câu ngắn có 500 suất quà."


async def test_a_rejected_token_is_named_but_never_printed(tmp_path, kb):
    from bot.core.messages import ChannelError

    fake = FakeTelegram().start()
    secret = "987654321:AAF-this-is-the-secret-part-xyz"
    settings = make_settings(tmp_path, telegram_token=secret, telegram_api_url=fake.base_url)
    channel = TelegramChannel(make_core(settings, kb, BotDB(database(tmp_path / "b.sqlite3"))))
    try:
        with pytest.raises(ChannelError) as err:
            await channel.start()
        assert "UNIONBOT_TELEGRAM_TOKEN" in str(err.value) and "secret-part" not in str(err.value)
    finally:
        fake.stop()


async def test_a_command_followed_by_punctuation_is_answered(tg):
    """"/hoi: …", "/hoi?" and "/tim, …" are this bot's commands; only "/lenh@another_bot" is not."""
    fake, channel, core = tg
    fake.message("/hoi: Phiên chợ Tết Công đoàn ở Bình Định có bao nhiêu gian hàng?", chat_id=1001)
    [answer] = await fake.wait_sent(1, chat_id=1001)
    assert "40 gian hàng" in answer["text"]
    fake.message("/hoi?", chat_id=-500, chat_type="group", user_id=502)
    [usage] = await fake.wait_sent(1, chat_id=-500)
    assert unescape(strip_tags(usage["text"])) == texts.GROUP_HOI_USAGE
    fake.message("/start123", chat_id=1001)
    assert unescape(strip_tags((await fake.wait_sent(2, chat_id=1001))[1]["text"])) == texts.UNKNOWN_COMMAND
    other = fake.message("/hoi@another_bot Phiên chợ Tết có bao nhiêu gian hàng?", chat_id=-500, chat_type="group")
    await fake.wait_taken(other)
    fake.message("/tim, mái ấm", chat_id=1001)
    found = (await fake.wait_sent(3, chat_id=1001))[2]["text"]
    assert unescape(strip_tags(found)).startswith(texts.FIND_HEADER.format(query="mái ấm") + "\n• ")
    assert len(fake.sent(chat_id=-500)) == 1


async def test_a_file_over_the_limit_is_refused_before_download(tg):
    fake, channel, core = tg
    doc = {"file_id": "big", "file_unique_id": "big", "file_name": "tin.txt", "mime_type": "text/plain",
           "file_size": 25 * 1024 * 1024}
    fake.files["big"] = b"Tieu de\n\nNoi dung."
    fake.message(None, chat_id=ADMIN, user_id=ADMIN, document=doc)
    [refused] = await fake.wait_sent(1, chat_id=ADMIN)
    assert refused["text"] == "❌ Không thêm được: tệp quá lớn: 25.0 MB (giới hạn UNIONBOT_MAX_FILE_MB = 5 MB)"
    assert not [m for m, _ in fake.calls if m == "getFile"]


async def test_a_file_over_telegrams_download_limit_is_refused_under_a_larger_max(tmp_path, kb):
    """UNIONBOT_MAX_FILE_MB = 30 does not lift Telegram's own 20 MB cap on what a bot may download."""
    fake = FakeTelegram().start()
    settings = make_settings(tmp_path, telegram_token=fake.token, telegram_api_url=fake.base_url,
                             telegram_admins=str(ADMIN), max_file_mb=30)
    channel = TelegramChannel(make_core(settings, kb, BotDB(database(tmp_path / "bot.sqlite3"))), poll_timeout=1)
    await channel.start()
    try:
        fake.fail("getFile", 400, {"ok": False, "error_code": 400, "description": "Bad Request: file is too big"})
        doc = {"file_id": "big", "file_unique_id": "big", "file_name": "tin.txt", "mime_type": "text/plain",
               "file_size": 25 * 1024 * 1024}
        fake.message(None, chat_id=ADMIN, user_id=ADMIN, document=doc)
        [refused] = await fake.wait_sent(1, chat_id=ADMIN)
        assert unescape(strip_tags(refused["text"])) == texts.FILE_TOO_BIG_FOR_TELEGRAM.format(mb=25.0, limit=20)
        assert not [m for m, _ in fake.calls if m == "getFile"]
    finally:
        await channel.stop()
        fake.stop()


async def test_a_mention_typed_in_another_case_is_removed(tg):
    fake, channel, core = tg
    text = f"@{BOT_USERNAME.upper()} chào"
    fake.message(text, chat_id=-500, chat_type="group",
                 entities=[{"type": "mention", "offset": 0, "length": len(BOT_USERNAME) + 1}])
    [greeting] = await fake.wait_sent(1, chat_id=-500)
    assert unescape(strip_tags(greeting["text"])) == texts.GREETING


async def test_a_long_broadcast_post_is_sent_whole(tg):
    fake, channel, core = tg
    post = long_post(120)
    pieces = render.post_messages(post, render.TELEGRAM)
    assert len(pieces) == 3
    await channel.post("1001", post)
    sent = fake.sent(chat_id=1001)
    assert [m["text"] for m in sent] == pieces
    assert [bool(m.get("reply_markup")) for m in sent] == [False, False, True]
    assert "119 đội" in strip_tags(sent[-1]["text"])


async def test_a_long_post_cut_off_after_its_first_piece_is_not_resent(tg):
    """Telegram away after piece 1: a ledger retry would send piece 1 twice, so the post fails (named)."""
    from bot.core.messages import SendFailed, SendLater

    fake, channel, core = tg
    post = long_post(120)
    fake.outage = lambda chat_id: len(fake.sent(chat_id=1001)) >= 1
    with pytest.raises(SendFailed) as failed:
        await channel.post("1001", post)
    assert not isinstance(failed.value, SendLater)
    assert str(failed.value) == texts.POST_PARTLY_SENT.format(sent=1, total=3, cause="Bad Gateway")
    assert [m["text"] for m in fake.sent(chat_id=1001)] == render.post_messages(post, render.TELEGRAM)[:1]


async def test_a_question_deleted_before_the_answer_still_gets_it(tg):
    fake, channel, core = tg
    fake.deleted.add(4242)
    fake.message("Phiên chợ Tết Công đoàn ở Bình Định có bao nhiêu gian hàng?", chat_id=1001, message_id=4242)
    [answer] = await fake.wait_sent(1, chat_id=1001)  # (without the mend: the apology, after a refusal)
    assert "40 gian hàng" in answer["text"] and not fake.refused


async def test_odd_input_gets_its_exact_reply_on_telegram(tg):
    """R26 #10: the shared odd-input list (tests/test_odd_input.ODD; Telegram delivers no empty
    text), a photo with a caption, and the commands without their argument — each its exact text."""
    from tests.test_odd_input import ODD

    fake, channel, core = tg
    sent = [(text, expected) for text, expected in ODD if text.strip()]
    for i, (text, _) in enumerate(sent):
        fake.message(text, chat_id=6000 + i, user_id=6000 + i)
    for i, (text, expected) in enumerate(sent):
        [reply] = await fake.wait_sent(1, chat_id=6000 + i)
        assert reply["text"] == expected, text
    fake.message(None, chat_id=6100, photo=[{"file_id": "p1", "file_unique_id": "p1", "width": 90, "height": 90}],
                 caption="Phiên chợ Tết Công đoàn ở Bình Định có bao nhiêu gian hàng?")
    [photo] = await fake.wait_sent(1, chat_id=6100)
    assert photo["text"] == texts.NON_TEXT
    fake.message("/nguon", chat_id=6101, user_id=6101)  # before any answer
    [source] = await fake.wait_sent(1, chat_id=6101)
    assert source["text"] == texts.NO_LAST_ANSWER
    fake.message("/traloi", chat_id=ADMIN, user_id=ADMIN)  # an admin command without its argument
    [usage] = await fake.wait_sent(1, chat_id=ADMIN)
    assert unescape(usage["text"]) == texts.TRALOI_USAGE  # (/phatsong: test_broadcast.py, where broadcasts are set up)
