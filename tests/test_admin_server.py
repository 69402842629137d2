"""Admins in the chat and the one-process server, end to end over real HTTP."""
import asyncio
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

import faiss
import httpx
import pytest

from bot.core.admin import poll_feeds
from bot.core.assemble import make_core
from bot.core.state import BotDB
from bot.channels.terminal import TerminalChannel
from bot.channels.web import WebChannel
from bot.core import render, texts
from bot.core.messages import Incoming
from bot.server import build_app
from bot.channels.telegram import TelegramChannel
from knowledge.ingest import ingest_paths
from knowledge.store import Store
from retrieval.service import Answerer
from tests.conftest import database, make_settings, subprocess_env
from tests.fake_telegram import FakeTelegram
from tests.helpers import ARTICLES, N_ARTICLES, ROOT
from tests.servers import free_port, serve_in_loop
from tests.site import Site

ADMIN, MEMBER = 9001, 501

@pytest.fixture
async def env(tmp_path, embedder):
    src = tmp_path / "sources"
    shutil.copytree(ARTICLES, src / "kb")
    fake = FakeTelegram().start()
    site = Site()
    settings = make_settings(tmp_path / "data", telegram_token=fake.token, telegram_api_url=fake.base_url,
                             telegram_admins=str(ADMIN), sources=str(src), feeds=f"{site.server.url}/rss.xml",
                             allow_private_urls=True)  # the test site is on loopback
    store = Store(database(settings.db_path))
    ingest_paths(store, [src], progress=False)
    answerer = Answerer(settings, store, embedder, background_refresh=True)
    answerer.ensure_fresh()
    core = make_core(settings, answerer, BotDB(database(settings.db_path)))
    channel = TelegramChannel(core, poll_timeout=1)
    await channel.start()
    yield fake, core, src, site
    await channel.stop()
    fake.stop()
    site.server.stop()


def _texts(fake, chat_id):
    return [m["text"] for m in fake.sent(chat_id=chat_id)]


async def _wait_text(fake, chat_id, needle, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline:
        for t in _texts(fake, chat_id):
            if needle in t:
                return t
        await asyncio.sleep(0.1)
    raise AssertionError(f"{needle!r} never sent to {chat_id}: {_texts(fake, chat_id)}")


async def test_reload_while_members_keep_getting_answers(env, monkeypatch):
    fake, core, src, site = env
    # The rebuild waits at its first embedding until the member has been answered: the test
    # shows that answers flow during a rebuild without depending on how long either takes.
    answered = threading.Event()
    embed = core.answerer.embedder.passages

    def gated(*a, **k):
        assert answered.wait(120), "the member was not answered during the rebuild"
        return embed(*a, **k)

    monkeypatch.setattr(core.answerer.embedder, "passages", gated)
    extra = src / "extra"
    extra.mkdir()
    run = os.urandom(4).hex()  # fresh text each run, so the rebuild really embeds (no cache hits)
    for i in range(40):
        (extra / f"tin-{i}.json").write_text(json.dumps({
            "id": f"extra-{i}", "title": f"Hội nghị công đoàn cơ sở số {i} tổng kết năm", "date": "2025-12-01",
            "text": f"Hội nghị công đoàn cơ sở số {i} đã biểu dương {i + 3} tập thể xuất sắc. "
                    f"Công đoàn cơ sở số {i} đặt mục tiêu kết nạp {i * 10 + 5} đoàn viên mới trong năm tới. "
                    f"Mã hồ sơ {run}-{i}."},
            ensure_ascii=False), encoding="utf-8")
    (src / "kb" / "atvsld-thainguyen-2026.json").unlink()  # a source file that disappeared
    fake.message("/reload", chat_id=ADMIN, user_id=ADMIN)
    await _wait_text(fake, ADMIN, "Đang dựng chỉ mục")
    fake.message("Phiên chợ Tết Công đoàn ở Bình Định có bao nhiêu gian hàng?", chat_id=MEMBER, user_id=MEMBER)
    answer = await _wait_text(fake, MEMBER, "gian hàng")
    assert "40 gian hàng" in answer and not any("Nạp lại xong" in t for t in _texts(fake, ADMIN))
    answered.set()
    summary = await _wait_text(fake, ADMIN, "Nạp lại xong")
    assert "thêm 41" in summary and "xóa 1" in summary  # 40 files + the one item of the configured feed
    fake.message("Hội nghị công đoàn cơ sở số 17 biểu dương bao nhiêu tập thể?", chat_id=MEMBER, user_id=MEMBER)
    assert "20 tập thể" in await _wait_text(fake, MEMBER, "20 tập thể")
    assert core.answerer.article("atvsld-thainguyen-2026") is None
    assert any(a["action"] == "reload" and a["result"].startswith("added=41") for a in core.db.audit_log())


async def test_failed_reload_reports_cause_and_keeps_answering(env, monkeypatch):
    fake, core, src, site = env
    (src / "kb" / "moi.json").write_text(json.dumps({"id": "moi", "title": "Bài mới", "text": "Nội dung mới về hội thao."}),
                                          encoding="utf-8")

    def disk_full(*a, **k):
        raise OSError("No space left on device")

    monkeypatch.setattr(faiss, "write_index", disk_full)
    monkeypatch.setattr("retrieval.index.keeper.OVERLAY_MAX_ARTICLES", 0)  # a full build, not an overlay
    fake.message("/reload", chat_id=ADMIN, user_id=ADMIN)
    failed = await _wait_text(fake, ADMIN, "thất bại")
    assert "No space left on device" in failed and "Chỉ mục cũ vẫn đang phục vụ" in failed
    fake.message("hoi thao phu nghia 2024 co bao nhieu doi", chat_id=MEMBER, user_id=MEMBER)
    assert "24 đội" in await _wait_text(fake, MEMBER, "đội")


async def test_add_url_and_file_and_refusals(env):
    fake, core, src, site = env
    fake.message(f"/them {site.server.url}/bai-viet", chat_id=ADMIN, user_id=ADMIN)
    added = await _wait_text(fake, ADMIN, "Đã thêm")
    assert "Công đoàn khu công nghiệp Tân Phú tổ chức Ngày hội công nhân" in added and "05/03/2026" in added
    assert "Bản quyền" not in added
    fake.message("Ngày hội công nhân ở khu công nghiệp Tân Phú có bao nhiêu suất quà?", chat_id=MEMBER, user_id=MEMBER)
    assert "150 suất quà" in await _wait_text(fake, MEMBER, "suất quà")
    fake.message(f"/them {site.server.url}/khong-co", chat_id=ADMIN, user_id=ADMIN)
    assert "HTTP 404" in await _wait_text(fake, ADMIN, "Không thêm được")

    body = ("Thứ hai, 12/01/2026\n\nCông đoàn Bệnh viện Đa khoa tỉnh tổ chức hội thi nấu ăn\n\n"
            "Công đoàn Bệnh viện Đa khoa tỉnh tổ chức hội thi nấu ăn với 14 đội thi đến từ các khoa phòng.\n").encode()
    fake.files["doc-1"] = body
    doc = {"file_id": "doc-1", "file_unique_id": "doc-1", "file_name": "hoi-thi-nau-an.txt",
           "mime_type": "text/plain", "file_size": len(body)}
    fake.message(None, chat_id=ADMIN, user_id=ADMIN, document=doc)
    assert "hội thi nấu ăn" in await _wait_text(fake, ADMIN, "hoi-thi-nau-an")
    fake.message("Hội thi nấu ăn của công đoàn bệnh viện có bao nhiêu đội thi?", chat_id=MEMBER, user_id=MEMBER)
    assert "14 đội thi" in await _wait_text(fake, MEMBER, "đội thi")

    before = core.answerer.count()
    for cmd in ("/reload", f"/them {site.server.url}/bai-viet", "/xoa maiam-danang-2023", "/baiviet", "/thongke"):
        fake.message(cmd, chat_id=777, user_id=777)
    fake.message(None, chat_id=777, user_id=777, document=dict(doc, file_id="doc-2"))
    await fake.wait_sent(6, chat_id=777)
    # (replies in any order: updates are handled concurrently) a member's file is no refused command
    assert sorted("quản trị viên" in t for t in _texts(fake, 777)) == [False] + [True] * 5
    assert sum("chỉ đọc được tin nhắn chữ" in t for t in _texts(fake, 777)) == 1
    assert core.answerer.count() == before


async def test_stats_count_questions_feedback_and_gaps(env):
    fake, core, src, site = env
    for i, q in enumerate(("hoi thao phu nghia 2024 co bao nhieu doi",
                           "Giải cầu lông công nhân huyện Gia Lâm lần thứ 3 có bao nhiêu đội?",
                           "Giải cầu lông công nhân huyện Gia Lâm lần thứ 3 có bao nhiêu đội?")):
        fake.message(q, chat_id=MEMBER, user_id=MEMBER)
        msgs = await fake.wait_sent(i + 1, chat_id=MEMBER)
    qid = next(int(b["callback_data"].split(":")[1]) for m in msgs if m.get("reply_markup")
               for row in m["reply_markup"]["inline_keyboard"] for b in row)
    fake.callback(f"f:{qid}:1", chat_id=MEMBER, user_id=MEMBER)
    fake.callback(f"f:{qid}:1", chat_id=MEMBER, user_id=502)
    await fake.wait_sent(2, method="answerCallbackQuery")
    fake.message("/thongke", chat_id=ADMIN, user_id=ADMIN)
    stats = await _wait_text(fake, ADMIN, "Thống kê")
    assert "3 câu hỏi, trả lời được 1, không tìm thấy 2" in stats
    assert "👍 2 · 👎 0" in stats
    assert "Giải cầu lông công nhân huyện Gia Lâm lần thứ 3 có bao nhiêu đội? (2)" in stats


async def test_feed_polling_adds_new_items_once(env):
    fake, core, src, site = env
    first = await poll_feeds(core)
    assert len(first) == 1
    assert await poll_feeds(core) == []
    site.items.append("bb")
    second = await poll_feeds(core)
    assert len(second) == 1 and second != first
    ans = await asyncio.to_thread(core.answerer.ask, "Ngày hội công nhân Tân Phú BB thu hút bao nhiêu đoàn viên?")
    assert ans.answer.found and "2.300 đoàn viên" in ans.answer.span
    site.items.append("mat-trang")  # its page answers 404
    [gone] = await poll_feeds(core)
    art = core.answerer.article(gone)
    assert art.title == "Tin mat-trang" and "công đoàn trao 25 suất quà" in art.text and "<p>" not in art.text


async def test_web_api_limits_and_headers(tmp_path, kb):
    settings = make_settings(tmp_path, flood_per_minute=2)
    core = make_core(settings, kb, BotDB(database(tmp_path / "b.sqlite3")))
    server, task, port = await serve_in_loop(build_app(core, [WebChannel(core)]))
    q = {"question": "hoi thao phu nghia 2024 co bao nhieu doi"}
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as c:
            page = await c.get("/")
            assert "default-src 'self'" in page.headers["content-security-policy"]
            assert page.headers["x-content-type-options"] == "nosniff" and "<script>" not in page.text
            js = await c.get("/static/chat.js")
            assert js.status_code == 200 and js.headers["content-type"].startswith("text/javascript")
            assert (await c.get("/static/../chat.html")).status_code == 404
            assert (await c.post("/api/ask", content=json.dumps(q), headers={"content-type": "text/plain"})).status_code == 415
            assert (await c.post("/api/ask", json={"question": "x" * 70_000})).status_code == 413
            deep = (await c.post("/api/ask", content=b"[" * 60_000, headers={"content-type": "application/json"}))
            assert deep.status_code == 400 and "JSON" in deep.json()["error"]
            # One browser: its first question counts against its address and brings a signed session
            # cookie; from then on the session carries the limit (2 a minute here).
            first = await c.post("/api/ask", json=q)
            assert first.status_code == 200 and first.json()["span"].startswith("24 đội")
            assert c.cookies.get("ub_session")
            assert [(await c.post("/api/ask", json=q)).status_code for _ in range(2)] == [200, 200]
            limited = await c.post("/api/ask", json=q)
            assert limited.status_code == 429 and int(limited.headers["retry-after"]) >= 1
            assert "hỏi hơi nhanh" in limited.json()["error"]
        # Another browser behind the same address has its own session.
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as other:
            assert (await other.post("/api/ask", json=q)).status_code == 200
        # Without cookies the address counts — the two first questions above used its 2 — and a
        # made-up X-Forwarded-For changes nothing (no proxy is trusted).
        for i in range(2):
            async with httpx.AsyncClient() as fresh:  # a new client each time: no cookie kept
                r = await fresh.post(f"http://127.0.0.1:{port}/api/ask", json=q,
                                     headers={"x-forwarded-for": f"10.0.0.{i}"})
            assert r.status_code == 429
    finally:
        server.should_exit = True
        await task


async def test_web_dialogues_feedback_and_embedding(tmp_path, kb):
    settings = make_settings(tmp_path, web_embed_origins="https://congdoan.example.vn")
    core = make_core(settings, kb, BotDB(database(tmp_path / "b.sqlite3")))
    server, task, port = await serve_in_loop(build_app(core, [WebChannel(core)]))
    base = f"http://127.0.0.1:{port}"
    first_q, follow_q = "Chương trình Tết Sum vầy 2025 của Bình Định trao bao nhiêu suất quà?", "tổ chức ở đâu vậy?"
    try:
        # A new browser's first question (no cookie: keyed by the session its reply sets) and its
        # follow-up (with the cookie) are one dialogue.
        async with httpx.AsyncClient(base_url=base) as c:
            first = (await c.post("/api/ask", json={"question": first_q, "conversation": "tab-1"})).json()
            assert first["span"].startswith("4.800 suất quà") and c.cookies.get("ub_session")
            follow = (await c.post("/api/ask", json={"question": follow_q, "conversation": "tab-1"})).json()
            assert "Tết Sum vầy" in follow["understood"] and follow["span"].startswith("Quảng trường Nguyễn Tất Thành")
            assert follow["blocks"][0] == [{"text": f"(về: {follow['understood']})", "style": "i"}]
            assert "Quảng trường Nguyễn Tất Thành" in "".join(b["text"] for p in follow["passage"] for b in p)
            assert len(follow["related"]) == 3 and all(p[0] == {"text": "• "} for p in follow["related"])
            assert follow["related"][0][1]["href"].startswith("https://congdoan.example.vn/")
            other_tab = (await c.post("/api/ask", json={"question": follow_q, "conversation": "tab-2"})).json()
            assert "understood" not in other_tab
            # 👍/👎 on an answer this server gave, stored as Telegram's is; one vote per browser.
            for value in (1, -1):
                voted = await c.post("/api/feedback", json={"ref": follow["ref"], "value": value})
                assert voted.status_code == 200 and voted.json()["message"] == "Cảm ơn bạn đã góp ý!"
            assert core.db.stats(0)["up"] == 0 and core.db.stats(0)["down"] == 1
            qid = follow["ref"].split(".")[0]
            for bad in ({"ref": f"{int(qid) - 1}.{follow['ref'].split('.')[1]}", "value": 1},  # another answer
                        {"ref": follow["ref"], "value": True}, {"ref": follow["ref"], "value": 5}, {"value": 1}):
                assert (await c.post("/api/feedback", json=bad)).status_code == 400, bad
            assert (await c.post("/api/feedback", content=b"x")).status_code == 415
            # Text replies come as lines, their addresses links.
            latest = (await c.post("/api/ask", json={"question": "bài mới nhất"})).json()
            assert latest["kind"] == "chat" and latest["blocks"][0] == [{"text": "🆕 Bài viết mới nhất:"}]
            assert any(b.get("href", "").startswith("https://congdoan.example.vn/") for p in latest["blocks"] for b in p)
            # What the page shows first: the same knowledge and examples as /start, and a dialogue id.
            info = (await c.get("/api/info")).json()
            articles, newest, examples = core.knowledge()
            assert info["knowledge"] == f"Trả lời từ {N_ARTICLES} bài viết · mới nhất: {newest}"
            assert info["examples"] == examples and len(examples) == 3
        # The page's dialogue id holds without any cookie (a page framed by another site gets none).
        for question, follows in ((first_q, False), (follow_q, True)):
            async with httpx.AsyncClient(base_url=base) as fresh:
                r = (await fresh.post("/api/ask", json={"question": question, "conversation": info["conversation"]})).json()
            assert ("understood" in r) == follows and r["found"]
        forged = info["conversation"].split(".")[0] + ".0000"
        for question in (first_q, follow_q):
            async with httpx.AsyncClient(base_url=base) as fresh:
                r = (await fresh.post("/api/ask", json={"question": question, "conversation": forged})).json()
        assert "understood" not in r  # not ours: scoped by a (new) browser session like any other
        async with httpx.AsyncClient(base_url=base, cookies={"ub_session": info["conversation"]}) as fresh:
            r = await fresh.post("/api/ask", json={"question": first_q})
        assert "ub_session=" in r.headers["set-cookie"]  # a signed dialogue id is no session
        # Only the chat page may be framed, and only by the configured site.
        async with httpx.AsyncClient(base_url=base) as c:
            page, api = await c.get("/"), await c.get("/api/info")
        assert "frame-ancestors https://congdoan.example.vn;" in page.headers["content-security-policy"]
        assert "x-frame-options" not in page.headers
        assert "frame-ancestors 'none'" in api.headers["content-security-policy"] and api.headers["x-frame-options"] == "DENY"
    finally:
        server.should_exit = True
        await task
    with pytest.raises(ValueError, match="not an origin"):
        make_settings(tmp_path, web_embed_origins="https://congdoan.example.vn; script-src *")


def test_forwarded_for_is_believed_only_from_trusted_proxies(tmp_path, kb):
    from starlette.requests import Request

    def request(peer: str, xff: str) -> Request:
        return Request({"type": "http", "client": (peer, 1234), "headers": [(b"x-forwarded-for", xff.encode())]})

    open_web = WebChannel(make_core(make_settings(tmp_path), kb, BotDB(database(tmp_path / "a.sqlite3"))))
    assert open_web.client_ip(request("127.0.0.1", "1.2.3.4")) == "127.0.0.1"
    proxied = WebChannel(make_core(make_settings(tmp_path, trusted_proxies="127.0.0.1, 10.0.0.0/8"), kb,
                                   BotDB(database(tmp_path / "b.sqlite3"))))
    assert proxied.client_ip(request("127.0.0.1", "1.2.3.4")) == "1.2.3.4"
    assert proxied.client_ip(request("127.0.0.1", "6.6.6.6, 1.2.3.4, 10.0.0.7")) == "1.2.3.4"  # spoofed head ignored
    assert proxied.client_ip(request("8.8.8.8", "1.2.3.4")) == "8.8.8.8"  # not a proxy of ours


async def test_internal_addresses_are_refused_unless_allowed(tmp_path, kb):
    site = Site()
    try:
        settings = make_settings(tmp_path, allow_private_urls=False)
        answerer = Answerer(settings, embedder=kb.embedder)
        core = make_core(settings, answerer, BotDB(database(tmp_path / "b.sqlite3")))
        [reply] = await core.handle(Incoming(platform="telegram", chat_id="1", user_id="1", command="them",
                                             args=f"{site.server.url}/bai-viet"))
        assert "chỉ dành cho quản trị viên" in reply.text  # members never get this far
        core.settings.telegram_admins.append("1")
        [*_, reply] = await core.handle(Incoming(platform="telegram", chat_id="1", user_id="1", command="them",
                                                 args=f"{site.server.url}/bai-viet"))
        assert "từ chối tải địa chỉ nội bộ 127.0.0.1" in reply.text and answerer.count() == (0, 0)
    finally:
        site.server.stop()


async def test_healthz_and_web_chat(tmp_path, kb):
    settings = make_settings(tmp_path)
    core = make_core(settings, kb, BotDB(database(tmp_path / "b.sqlite3")))
    server, task, port = await serve_in_loop(build_app(core, [WebChannel(core)]))
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as c:
            health = (await c.get("/healthz")).json()
            assert health["ok"] and health["articles"] == N_ARTICLES and health["index_version"].startswith("v")
            page = await c.get("/")
            assert page.status_code == 200 and "/static/chat.js" in page.text and "<form" in page.text
            assert "/api/ask" in (await c.get("/static/chat.js")).text
            r = (await c.post("/api/ask", json={"question": "Chủ đề Tháng Công nhân năm 2021 của huyện Yên Phong là gì?"})).json()
            assert r["found"] and r["sources"][0]["article_id"] == "thangcongnhan-yenphong-2021"
            assert r["span"] == "Đoàn viên an toàn – Doanh nghiệp phát triển bền vững"
            assert (await c.post("/api/ask", content=b"not json")).status_code == 415
            assert (await c.post("/api/ask", content=b"not json",
                                 headers={"content-type": "application/json"})).status_code == 400
            empty = (await c.post("/api/ask", json={"question": ""})).json()
            assert not empty["found"] and empty["answer"] == texts.EMPTY_QUESTION  # not the apology
    finally:
        server.should_exit = True
        await task


async def test_web_chat_reads_commands_like_the_other_channels(tmp_path, kb):
    """R26 #3: "/lich", "/help", "/moi", "/tim …", "/nguon" typed on the page were searched as
    questions ("/moi" answered with "Mỗi căn nhà xây mới …"). They work as on Zalo and the terminal;
    admin commands and subscriptions are refused on the page."""
    core = make_core(make_settings(tmp_path), kb, BotDB(database(tmp_path / "b.sqlite3")))
    server, task, port = await serve_in_loop(build_app(core, [WebChannel(core)]))
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as c:
            async def say(text):
                r = (await c.post("/api/ask", json={"question": text})).json()
                assert r["kind"] == "chat" and not r["found"], (text, r)
                return r["answer"]

            assert await say("/lich") == core.calendar_text(None)  # what Telegram's /lich says
            assert await say("/help") == core.help_text(Incoming(platform="web", chat_id="x", user_id="x"))
            assert (await say("/help")).startswith(texts.HELP.splitlines()[0])
            assert await say("/moi") == core.latest_text()
            assert await say("/tìm mái ấm") == core.find_reply("mái ấm", 0).text
            assert (await say("/tim mái ấm")).startswith(texts.FIND_HEADER.format(query="mái ấm"))
            assert await say("/tim") == texts.FIND_USAGE
            assert await say("/nguon") == texts.NO_LAST_ANSWER
            assert await say("/khongco") == texts.UNKNOWN_COMMAND
            for refused in ("/xoa abc", "/reload", "/dangky", "/phatsong x"):
                command = refused[1:].split()[0]
                assert await say(refused) == texts.WEB_COMMAND_ELSEWHERE.format(command=command)
            asked = (await c.post("/api/ask", json={"question": "Chủ đề Tháng Công nhân năm 2021 của huyện Yên Phong là gì?"})).json()
            assert asked["found"]
            passage = await say("/nguồn")  # the same chat (the session cookie): the answer's passage
            assert passage.startswith(texts.PASSAGE_HEADER.format(title=asked["sources"][0]["title"]))
    finally:
        server.should_exit = True
        await task


def test_serve_runs_on_defaults_and_stops_on_sigterm(tmp_path):
    port = free_port()
    env = subprocess_env(tmp_path / "data")
    env.update({"UNIONBOT_HTTP_PORT": str(port)})
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], env=env, cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 300
        health = None
        while time.time() < deadline and proc.poll() is None:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).json()
                break
            except httpx.HTTPError:
                time.sleep(0.5)
        assert health and health["articles"] == 1 and health["channels"] == {"web": True}
        r = httpx.post(f"http://127.0.0.1:{port}/api/ask", json={"question": "khau hieu hanh dong nam 2010"},
                       timeout=30).json()
        assert r["found"] and "Phát huy truyền thống" in r["answer"]
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == 0
        assert f"http://127.0.0.1:{port}/" in out and "shutdown complete" in out.lower()
    finally:
        if proc.poll() is None:
            proc.kill()


async def test_terminal_chat_answers_and_shows_the_passage(tmp_path, kb):
    core = make_core(make_settings(tmp_path), kb, BotDB(database(tmp_path / "b.sqlite3")))
    out = io.StringIO()
    stdin = io.StringIO("khau hieu thi dua nam 2022 cua cong doan buu dien quang tri la gi\n/nguon\n\n/thoat\nnot read\n")
    await TerminalChannel(core, stdin=stdin, stdout=out).run()
    text = out.getvalue()
    assert "UnionBot: “Năng suất, chất lượng, phục vụ tận tâm”" in text and "📰 Nguồn:" in text
    assert "Đoạn trích từ bài" in text and "Chỉ thị số 05/CT-CĐBĐ" in text and text.rstrip().endswith("Tạm biệt!")


def test_help_lists_examples_from_the_knowledge_base_and_old_questions_are_purged(tmp_path, kb):
    db = BotDB(database(tmp_path / "b.sqlite3"))
    core = make_core(make_settings(tmp_path), kb, db)
    text = core.help_text(Incoming(platform="telegram", chat_id="1", user_id="1"))
    assert f"{N_ARTICLES} bài viết" in text and text.count("\n• ") == 3
    # One question from each of the three newest articles, cut from their own sentences.
    for q in ("với sự tham gia của bao nhiêu đội thi?", "Liên đoàn Lao động tỉnh trao bao nhiêu suất quà?",
              "Tổng Liên đoàn Lao động Việt Nam bàn giao bao nhiêu căn hộ thiết chế?"):
        assert q in text, q
    qid = db.log_question("telegram", "câu hỏi cũ", "other", False, None, [], None, [])
    db.db.execute("UPDATE questions SET created_at = created_at - 100 * 86400 WHERE id = ?", (qid,))
    db.log_question("telegram", "câu hỏi mới", "other", False, None, [], None, [])
    assert db.purge(90) == 1 and db.question(qid) is None and db.stats(0)["asked"] == 1


async def test_small_talk_and_empty_topics(tmp_path, kb):
    core = make_core(make_settings(tmp_path), kb, BotDB(database(tmp_path / "b.sqlite3")))
    say = lambda text: core.handle(Incoming(platform="web", chat_id="w", user_id="w", text=text))
    assert "Xin chào" in (await say("xin chao"))[0].text
    assert "vui được giúp" in (await say("Cảm ơn bạn!"))[0].text
    for noise in ("???", "🙂", "a"):  # no word to search: the hint, not three unrelated articles (R26 #4)
        [reply] = await say(noise)
        assert reply.answer is None and reply.text == texts.NO_CONTENT, noise


def test_example_questions_are_answered_from_their_own_article(tmp_path, kb):
    asked = 0
    for meta in kb.articles():
        for q in kb.example_questions_for(meta["id"]):
            ans = kb.ask(q).answer
            assert ans.found and ans.sources[0].article_id == meta["id"], q
            asked += 1
    assert asked >= N_ARTICLES


def test_cli_ingest_takes_web_pages_too(cli, monkeypatch):
    monkeypatch.setenv("UNIONBOT_ALLOW_PRIVATE_URLS", "true")  # the test site is on loopback
    site = Site()
    try:
        code, out = cli("ingest", "-q", f"{site.server.url}/bai-viet", f"{site.server.url}/khong-co")
        assert code == 0 and "Đã thêm 1" in out and "HTTP 404" in out
    finally:
        site.server.stop()


async def test_a_chat_follows_up_on_its_last_question(tmp_path, kb):
    clock = [time.time()]  # a real time: a restart purges state older than the retention
    core = make_core(make_settings(tmp_path, followup_minutes=10), kb, BotDB(database(tmp_path / "b.sqlite3")))
    core.conversations.clock = lambda: clock[0]
    say = lambda text, chat="c1": core.handle(Incoming(platform="zalo", chat_id=chat, user_id=chat, text=text))
    [first] = await say("Chương trình Tết Sum vầy 2025 của Bình Định trao bao nhiêu suất quà?")
    assert first.answer.span.startswith("4.800 suất quà") and first.understood is None
    # A restart between two messages: the chat's topic (question and article) is in the database.
    core = make_core(make_settings(tmp_path, followup_minutes=10), kb, BotDB(database(tmp_path / "b.sqlite3")))
    core.conversations.clock = lambda: clock[0]
    stored = core.conversations._recall(("zalo", "c1"))
    assert stored and stored.article == first.answer.sources[0].article_id
    [where] = await say("tổ chức ở đâu vậy?")
    assert where.understood and "Tết Sum vầy" in where.understood
    assert where.answer.found and where.answer.span.startswith("Quảng trường Nguyễn Tất Thành")
    assert render.plain(where.answer, where.understood).startswith("(về: Chương trình Tết Sum vầy 2025")
    [other_year] = await say("còn năm 2023 thì sao?")
    assert "2023" in other_year.understood and not other_year.answer.found  # no 2023 article: declined
    [elsewhere] = await say("tổ chức ở đâu vậy?", chat="c2")  # another chat has no previous question
    assert elsewhere.understood is None
    [fresh] = await say("Khẩu hiệu của Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024 là gì?")
    assert fresh.understood is None and fresh.answer.span == "Rèn luyện thân thể – Gắn kết yêu thương"
    clock[0] += 11 * 60  # the topic has gone cold
    [late] = await say("tổ chức ở đâu vậy?")
    assert late.understood is None


def test_batch_lines_of_one_conversation_form_a_dialogue(cli, tmp_path):
    assert cli("ingest", "-q", str(ARTICLES))[0] == 0
    batch = tmp_path / "dialogue.jsonl"
    batch.write_text('{"id": 1, "conversation": "a", "question": "Tết Sum vầy 2025 ở Bình Định trao bao nhiêu suất quà?"}\n'
                     '{"id": 2, "conversation": "b", "question": "Hội thao Phú Nghĩa năm 2024 có bao nhiêu đội?"}\n'
                     '{"id": 3, "conversation": "a", "question": "tổ chức ở đâu?"}\n'
                     '{"id": 4, "question": "tổ chức ở đâu?"}\n', encoding="utf-8")
    code, out = cli("ask", "--batch", str(batch))
    rows = {r["id"]: r for r in map(json.loads, out.splitlines())}
    assert code == 0 and "Tết Sum vầy" in rows[3]["understood"] and rows[3]["span"].startswith("Quảng trường")
    assert "understood" not in rows[4]  # no conversation given: every line stands alone


async def test_what_is_coming_up(tmp_path, kb):
    import datetime

    core = make_core(make_settings(tmp_path), kb, BotDB(database(tmp_path / "b.sqlite3")))
    core.today = lambda: datetime.date(2026, 5, 1)
    say = lambda text, **kw: core.handle(Incoming(platform="zalo", chat_id="c", user_id="c", text=text, **kw))
    [soon] = await say("sắp tới công đoàn có hoạt động gì?")
    assert soon.text.startswith("📅 Sắp tới") and "15/05/2026 — Điểm nhấn là Hội thi An toàn vệ sinh viên giỏi" in soon.text
    assert "Thái Nguyên hưởng ứng Tháng hành động" in soon.text and "2025" not in soon.text.split("\n")[1]
    [may] = await say("thang 5 co gi")
    assert may.text.startswith("📅 Tháng 5") and "15/05/2026" in may.text
    [menu] = await say("", command="lich")
    assert menu.text == soon.text
    core.today = lambda: datetime.date(2026, 11, 28)  # everything the corpus dates is past
    [none] = await say("sắp tới có hoạt động gì?")
    assert none.text.startswith("Các bài viết hiện có chưa nêu hoạt động sắp tới") and "Bài mới nhất:" in none.text
    [ordinary] = await say("Hội thi An toàn vệ sinh viên giỏi Thái Nguyên sắp tới tổ chức ở đâu?")
    # a question with its own topic is searched as usual: the contest's article and its place
    assert ordinary.answer.found and ordinary.answer.sources[0].article_id == "atvsld-thainguyen-2026"
    assert "Cung Văn hóa Thái Nguyên" in ordinary.answer.span


async def test_browsing_articles(tmp_path, kb):
    core = make_core(make_settings(tmp_path), kb, BotDB(database(tmp_path / "b.sqlite3")))
    say = lambda text="", **kw: core.handle(Incoming(platform="telegram", chat_id="c", user_id="c", text=text, **kw))
    [found] = await say(command="tim", args="cong doan")  # many articles: a first page and a button
    assert found.buttons and found.buttons[0][0] == "Xem thêm" and found.text.count("\n• ") == 5
    [more] = await core.action("t", found.buttons[0][1].split(":", 1)[1],
                               Incoming(platform="telegram", chat_id="c", user_id="c"))
    assert more.text.count("• ") >= 1 and set(more.text.splitlines()[1:]).isdisjoint(found.text.splitlines()[1:])
    [found] = await say(command="tim", args="mai am cong doan")
    lines = found.text.splitlines()
    assert lines[0] == "🔎 Bài viết về “mai am cong doan”:" and "Đà Nẵng: 35 căn Mái ấm Công đoàn" in lines[1]
    assert "https://congdoan.example.vn/mai-am-da-nang-2023" in found.text
    [none] = await say(command="tim", args="giá vàng hôm nay")
    assert none.text.startswith("Không có bài viết nào về “giá vàng hôm nay”")
    [usage] = await say(command="tim")
    assert "/tim" in usage.text
    [latest] = await say(command="moi")
    assert "Thái Nguyên hưởng ứng Tháng hành động" in latest.text.splitlines()[1]  # newest first (2026-04-20)
    assert len(latest.text.splitlines()) == 1 + 5 * 2  # five articles, each with its link
    [asked] = await say("bài mới nhất")
    assert asked.text == latest.text


async def test_dialogues_of_the_own_set(tmp_path, kb):
    """Two- and three-turn dialogues (tests/data/dialogues.jsonl): each follow-up is answered from
    the right article with the right span, and a fresh question is never merged."""
    core = make_core(make_settings(tmp_path), kb, BotDB(database(tmp_path / "b.sqlite3")))
    dialogues = [json.loads(line) for line in (ROOT / "tests" / "data" / "dialogues.jsonl").read_text(
        encoding="utf-8").splitlines()]
    wrong = []
    for d in dialogues:
        for turn in d["turns"]:
            [reply] = await core.handle(Incoming(platform="web", chat_id=d["id"], user_id=d["id"], text=turn["question"]))
            assert (reply.understood is not None) == turn["follows"], (d["id"], turn["question"], reply.understood)
            ans = reply.answer
            if turn["article_id"] is None:
                ok = not ans.found
            else:
                ok = ans.found and ans.sources[0].article_id == turn["article_id"] and turn["answer"] in (ans.span or "")
            if not ok:
                wrong.append((d["id"], turn["question"], reply.understood, ans.span))
    assert not wrong, wrong


async def test_curated_hoi_dap_beside_the_news(tmp_path, embedder):
    """Entries from JSONL and CSV answer their questions however phrased; news questions stay
    news; an unanswered question becomes an entry from the chat (/hoidap, /traloi)."""
    settings = make_settings(tmp_path, telegram_admins="9")
    answerer = Answerer(settings, embedder=embedder)
    report = answerer.ingest([ARTICLES, ROOT / "tests" / "data" / "faq.jsonl", ROOT / "tests" / "data" / "faq.csv"],
                             progress=False)
    assert {"doanphi", "ketnap", "nghiphep"} <= set(report.added)
    core = make_core(settings, answerer, BotDB(database(tmp_path / "b.sqlite3")))
    said = iter(range(10_000))  # each question from a chat of its own: no follow-ups here
    say = lambda text, **kw: core.handle(Incoming(platform="telegram", chat_id=f"c{next(said)}", user_id="9",
                                                  text=text, **kw))
    for q, entry in (("đoàn phí đóng bao nhiêu phần trăm lương vậy ad", "doanphi"),
                     ("muon vao cong doan thi lam the nao", "ketnap"),
                     ("Thủ tục kết nạp đoàn viên gồm những bước nào?", "ketnap"),
                     ("1 năm người lao động được nghỉ phép mấy ngày?", "nghiphep")):
        [reply] = await say(q)
        assert reply.answer.kind == "faq" and reply.answer.faq["id"] == entry, (q, reply.answer.kind)
    [faq_reply] = await say("Mức đóng đoàn phí là bao nhiêu?")
    text = render.plain(faq_reply.answer)
    assert text.startswith("📘 Hỏi đáp của Công đoàn · cập nhật 12/2025") and "Căn cứ: Điều lệ Công đoàn" in text
    assert render.as_json(faq_reply.answer, 1.0)["kind"] == "faq"
    [news] = await say("Tiền ăn giữa ca theo thỏa ước dệt may Nam Định là bao nhiêu?")
    assert news.answer.kind == "news" and news.answer.span.startswith("25.000 đồng")
    # A question no entry answers is routed; the admin answers it from the chat.
    [routed] = await say("công ty em trả lương chậm 2 tháng thì em phải làm gì ạ")
    assert routed.answer.kind == "route"
    [listing] = await say("", command="hoidap")
    qid = next(line.split("]")[0].strip("• [") for line in listing.text.splitlines() if "trả lương chậm" in line)
    [done] = await say("", command="traloi", args=f"{qid} Bạn báo ngay cho ban chấp hành công đoàn cơ sở để được hỗ trợ.")
    assert "Hỏi đáp đã thêm" in done.text or "hoidap-" in done.text
    [now] = await say("công ty em trả lương chậm 2 tháng thì em phải làm gì ạ")
    assert now.answer.kind == "faq" and "ban chấp hành công đoàn cơ sở" in now.answer.faq["answer"]
    assert any(a["action"] == "traloi" for a in core.db.audit_log())


async def test_cli_and_web_give_the_same_replies(cli, tmp_path, kb):
    """One pipeline: the same messages asked through `unionbot ask --batch` and `POST /api/ask`
    (one conversation each) get the same replies — greetings, the upcoming events, the latest
    articles, a member's own case, a news answer and its follow-ups."""
    messages = ["xin chào", "sắp tới công đoàn có hoạt động gì?", "bài mới nhất",
                "công ty tôi nợ lương 3 tháng thì phải làm gì?",
                "Chương trình Tết Sum vầy 2025 của Bình Định trao bao nhiêu suất quà?", "tổ chức ở đâu vậy?",
                "còn năm 2023 thì sao?", "Khẩu hiệu của Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024 là gì?"]
    assert (await asyncio.to_thread(cli, "ingest", "-q", str(ARTICLES)))[0] == 0
    batch = tmp_path / "chat.jsonl"
    batch.write_text("".join(json.dumps({"id": n, "conversation": "a", "question": m}, ensure_ascii=False) + "\n"
                             for n, m in enumerate(messages)), encoding="utf-8")
    code, out = await asyncio.to_thread(cli, "ask", "--batch", str(batch))
    by_cli = [json.loads(line) for line in out.splitlines()]
    core = make_core(make_settings(tmp_path), kb, BotDB(database(tmp_path / "b.sqlite3")))
    server, task, port = await serve_in_loop(build_app(core, [WebChannel(core)]))
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as c:
            by_web = [(await c.post("/api/ask", json={"question": m, "conversation": "a"})).json() for m in messages]
    finally:
        server.should_exit = True
        await task
    keys = ("found", "kind", "answer", "span", "understood")
    assert code == 0 and len(by_cli) == len(messages)
    assert [{k: r.get(k) for k in keys} for r in by_cli] == [{k: r.get(k) for k in keys} for r in by_web]
    assert by_cli[0]["kind"] == "chat" and by_cli[2]["answer"].startswith("🆕")
    assert by_cli[1]["answer"].startswith(("📅", "Các bài viết hiện có chưa nêu hoạt động sắp tới"))
    assert by_cli[3]["kind"] == "route" and by_cli[4]["span"].startswith("4.800 suất quà")
    assert "Tết Sum vầy" in by_cli[5]["understood"] and "2023" in by_cli[6]["understood"]
    assert "understood" not in by_cli[7]


def test_ask_lists_the_upcoming_events(cli):
    """`unionbot ask "sắp tới …"` takes the chat's path: the events the articles date ahead (or
    that none are), never a news span."""
    assert cli("ingest", "-q", str(ARTICLES))[0] == 0
    code, out = cli("ask", "--json", "sắp tới công đoàn có hoạt động gì?")
    reply = json.loads(out)
    assert code == 0 and reply["kind"] == "chat" and reply["span"] is None
    assert reply["answer"].startswith(("📅 Sắp tới", "Các bài viết hiện có chưa nêu hoạt động sắp tới"))


def test_json_nesting_is_measured_outside_strings():
    """The depth check before parsing: brackets inside a question's text do not count, a deep body does."""
    from bot.channels.web import MAX_JSON_DEPTH, nesting
    assert nesting(b'{"question": "[[[ {{ \\" ]] ai?"}') == 1
    assert nesting(b'{"a": [1, {"b": [2]}]}') == 4
    assert nesting(b"[" * 60_000) > MAX_JSON_DEPTH


async def test_a_removed_page_stays_removed_and_a_folders_file_is_named(env):
    fake, core, src, site = env
    fake.message(f"/them {site.server.url}/bai-viet", chat_id=ADMIN, user_id=ADMIN)
    added = await _wait_text(fake, ADMIN, "Đã thêm")
    page_id = next(line.split(": ", 1)[1] for line in added.splitlines() if line.startswith("Mã: "))
    fake.message(f"/xoa {page_id}", chat_id=ADMIN, user_id=ADMIN)
    await _wait_text(fake, ADMIN, "Đã xóa")
    fake.message("/reload", chat_id=ADMIN, user_id=ADMIN)
    await _wait_text(fake, ADMIN, "Nạp lại xong")
    assert core.answerer.article(page_id) is None
    fake.message("/xoa maiam-danang-2023", chat_id=ADMIN, user_id=ADMIN)
    removed = await _wait_text(fake, ADMIN, "(maiam-danang-2023)")
    title = json.loads((ARTICLES / "maiam-danang-2023.json").read_text(encoding="utf-8"))["title"]
    assert removed == (texts.ADMIN_REMOVED.format(title=title, id="maiam-danang-2023") + "\n"
                       + texts.ADMIN_REMOVED_COMES_BACK.format(source=str((src / "kb" / "maiam-danang-2023.json").resolve())))


async def test_feed_items_are_announced_only_once_the_index_serves_them(env, monkeypatch):
    fake, core, src, site = env
    announced = []

    async def listener(ids, origin):
        announced.append(ids)

    core.new_article_listeners.append(listener)

    def disk_full(*a, **k):
        raise OSError("No space left on device")

    monkeypatch.setattr(faiss, "write_index", disk_full)
    monkeypatch.setattr("retrieval.index.keeper.OVERLAY_MAX_ARTICLES", 0)  # a full build, not an overlay
    [item] = await poll_feeds(core)
    assert announced == [] and any(a["action"] == "index" and "No space left" in a["result"]
                                   for a in core.db.audit_log())
    monkeypatch.undo()
    site.items.append("bb")  # the next poll's build succeeds: it announces the item left waiting too
    [second] = await poll_feeds(core)
    assert announced == [sorted([item, second])]
    for name, count in (("A", "1.300"), ("BB", "2.300")):
        ans = await asyncio.to_thread(core.answerer.ask, f"Ngày hội công nhân Tân Phú {name} thu hút bao nhiêu đoàn viên?")
        assert (ans.answer.found, ans.answer.span) == (True, f"hơn {count} đoàn viên"), name


async def test_odd_input_gets_its_exact_reply_on_the_web_and_the_terminal(tmp_path, kb):
    """R26 #10: the shared odd-input list (tests/test_odd_input.ODD) through `/api/ask` and
    `unionbot chat`, a question of 1,001 and of 60,000 characters (under the 64 KB body limit:
    TOO_LONG, not 413), /nguon before any answer — each its exact text."""
    from tests.test_odd_input import ODD

    core = make_core(make_settings(tmp_path), kb, BotDB(database(tmp_path / "b.sqlite3")))
    cases = ODD + [(n * "x", texts.TOO_LONG.format(n=n, limit=1000)) for n in (1001, 60_000)] + [
        ("/nguon", texts.NO_LAST_ANSWER)]
    server, task, port = await serve_in_loop(build_app(core, [WebChannel(core)]))
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as c:
            for text, expected in cases:
                r = await c.post("/api/ask", json={"question": text})
                assert r.status_code == 200 and r.json()["answer"] == expected, text
    finally:
        server.should_exit = True
        await task
    lines = [(text, expected) for text, expected in cases if text.strip() and "\n" not in text]
    out = io.StringIO()
    await TerminalChannel(core, stdin=io.StringIO("".join(f"{t}\n" for t, _ in lines) + "/thoat\n"), stdout=out).run()
    said = [part.split(texts.CHAT_PROMPT.rstrip())[0].strip() for part in out.getvalue().split("\nUnionBot: ")[1:]]
    assert said == [expected for _, expected in lines], said
