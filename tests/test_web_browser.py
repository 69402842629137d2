"""The web chat as a member meets it: Debian's Chromium, driven by Playwright, against a real
`unionbot serve` on the test corpus — phone-sized, under the page's own strict CSP.

A failed step saves a screenshot in the test's temp dir and names it. With
UNIONBOT_TEST_SCREENSHOTS=DIR (`make screenshots`) the test also writes the README's pictures
there (web-chat.png at desktop width, web-chat-phone.png at 360 px).
"""
from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette
from starlette.responses import HTMLResponse
from starlette.routing import Route

from bot.core.state import BotDB
from knowledge.ingest import ingest_paths
from knowledge.store import Store
from retrieval.service import Answerer
from tests.conftest import database, make_settings, subprocess_env
from tests.helpers import ARTICLES, N_ARTICLES, ROOT
from tests.servers import ThreadedServer, free_port

CHROMIUM = "/usr/bin/chromium"  # Debian's package (`make test` installs it); Playwright downloads nothing
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1100, "height": 820}
SHOTS = os.environ.get("UNIONBOT_TEST_SCREENSHOTS")


@pytest.fixture(scope="module")
def served(tmp_path_factory, embedder):
    """`unionbot serve` on the test corpus (indexed here, with the suite's model), and a page on
    another site that may frame it (UNIONBOT_WEB_EMBED_ORIGINS)."""
    root = tmp_path_factory.mktemp("web")
    settings = make_settings(root / "data")
    ingest_paths(Store(database(settings.db_path)), [ARTICLES], progress=False)
    Answerer(settings, embedder=embedder).ensure_fresh()  # the server starts on a fresh index
    port, host_port = free_port(), free_port()
    chat = f"http://127.0.0.1:{port}"
    host = ThreadedServer(Starlette(routes=[Route("/", lambda request: HTMLResponse(
        f'<!doctype html><html lang="vi"><title>Công đoàn tỉnh</title><h1>Công đoàn tỉnh</h1>'
        f'<iframe src="{chat}/" title="Hỏi đáp công đoàn" width="360" height="600"></iframe>'))]),
        port=host_port).start()
    env = subprocess_env(root / "data")
    env.update({"UNIONBOT_HTTP_PORT": str(port), "UNIONBOT_WEB_EMBED_ORIGINS": f"http://localhost:{host_port}"})
    proc = subprocess.Popen([sys.executable, "-m", "bot.cli", "serve"], env=env, cwd=root,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.time() + 300
        while time.time() < deadline and proc.poll() is None:
            try:
                if httpx.get(f"{chat}/healthz", timeout=2).json()["articles"] == N_ARTICLES:
                    break
            except httpx.HTTPError:
                pass
            time.sleep(0.3)
        else:
            raise AssertionError(f"unionbot serve did not come up: {proc.stdout.read() if proc.poll() is not None else ''}")
        yield {"url": chat, "host": f"http://localhost:{host_port}/", "db": database(settings.db_path)}
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
        host.stop()


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} not found: `make test` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@contextlib.contextmanager
def screenshot_on_failure(page, path: Path):
    try:
        yield
    except Exception as e:
        page.screenshot(path=str(path))
        raise AssertionError(f"{e}\nscreenshot of the page: {path}") from e


def ask(where, question: str, by_keyboard: bool = True):
    """Type a question (Enter sends it) and wait for the reply; returns the reply's element."""
    replies = where.locator("#log article")
    n = replies.count()
    box = where.get_by_role("textbox", name="Câu hỏi của bạn")
    box.fill(question)
    if by_keyboard:
        box.press("Enter")
    else:
        where.get_by_role("button", name="Hỏi", exact=True).click()
    reply = replies.nth(n)
    reply.wait_for(timeout=30_000)
    return reply


def test_a_new_member_asks_follows_up_reads_the_passage_and_votes(served, browser, tmp_path):
    from playwright.sync_api import expect

    page = browser.new_page(viewport=PHONE)
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    failure = tmp_path / "web-chat-failure.png"
    with screenshot_on_failure(page, failure):
        page.goto(served["url"] + "/")
        expect(page.locator("html")).to_have_attribute("lang", "vi")
        # What the bot knows, and three questions from its newest articles (as Telegram's /start).
        expect(page.locator("#kb")).to_have_text(f"Trả lời từ {N_ARTICLES} bài viết · mới nhất: 20/04/2026")
        examples = page.locator("#example-list").get_by_role("button")
        expect(examples).to_have_count(3)
        expect(examples.nth(1)).to_have_text("Liên đoàn Lao động tỉnh trao bao nhiêu suất quà?")
        expect(page.get_by_role("log")).to_have_attribute("aria-live", "polite")

        # A new visitor (no cookie yet) asks, then follows up: the same dialogue.
        first = ask(page, "Chương trình Tết Sum vầy 2025 của Bình Định trao bao nhiêu suất quà?")
        expect(first.locator("b").first).to_have_text("“4.800 suất quà”")
        expect(first).to_contain_text("📰 Nguồn: Bình Định: Tết Sum vầy 2025 mang xuân ấm đến công nhân")
        follow = ask(page, "tổ chức ở đâu vậy?", by_keyboard=False)
        expect(follow.locator("p i").first).to_have_text(re.compile(r"^\(về: Chương trình Tết Sum vầy 2025 .*\)$"))
        expect(follow.locator("b").first).to_have_text("“Quảng trường Nguyễn Tất Thành”")

        # The passage opens under the answer, from the keyboard too.
        passage = follow.get_by_role("button", name="Đoạn trích")
        passage.focus()
        page.keyboard.press("Enter")
        expect(passage).to_have_attribute("aria-expanded", "true")
        panel = follow.locator(".panel").first
        expect(panel).to_be_visible()
        expect(panel).to_contain_text("Đoạn trích từ bài “Bình Định: Tết Sum vầy 2025")
        expect(panel).to_contain_text("4.800 suất quà")
        related = follow.get_by_role("button", name="Bài liên quan")
        expect(related).to_have_attribute("aria-expanded", "false")

        # 👎 is stored like Telegram's feedback: on the follow-up's logged question.
        down = follow.get_by_role("button", name="Chưa đúng, chưa hữu ích")
        down.click()
        expect(follow.get_by_role("status")).to_have_text("Cảm ơn bạn đã góp ý!")
        expect(down).to_have_attribute("aria-pressed", "true")
        votes = BotDB(served["db"]).db.query(
            "SELECT q.question, f.value FROM feedback f JOIN questions q ON q.id = f.question_id")
        assert [(v["value"], "tổ chức ở đâu" in v["question"]) for v in votes] == [(-1, True)], votes
        if SHOTS:
            page.set_viewport_size(DESKTOP)
            follow.scroll_into_view_if_needed()
            page.screenshot(path=str(ROOT / SHOTS / "web-chat.png"))
            page.set_viewport_size(PHONE)

        # "Sắp tới": what the articles date from today on (or, when nothing is, the newest articles).
        page.get_by_role("button", name="Sắp tới").click()
        soon = page.locator("#log article").nth(2)
        soon.wait_for(timeout=30_000)
        expect(soon).to_contain_text(re.compile(r"📅 Sắp tới, theo các bài viết|chưa nêu hoạt động sắp tới"))

        # At 360 px the last reply is whole, between the header and the input, and nothing is wider.
        header, footer = page.locator("header").bounding_box(), page.locator("footer").bounding_box()
        last = soon.bounding_box()
        assert header["y"] + header["height"] <= last["y"], (header, last)
        assert last["y"] + last["height"] <= footer["y"], (last, footer)
        assert footer["y"] + footer["height"] <= PHONE["height"] + 0.5, footer
        for el in (last, footer, page.locator("#q").bounding_box(), page.locator("#send").bounding_box()):
            assert el["x"] >= 0 and el["x"] + el["width"] <= PHONE["width"] + 0.5, el
        assert not errors, errors  # nothing the CSP refused, no script error
        if SHOTS:
            page.screenshot(path=str(ROOT / SHOTS / "web-chat-phone.png"))
    page.close()


def test_the_chat_framed_by_a_union_site_keeps_its_dialogue(served, browser, tmp_path):
    """Embedded on another site (UNIONBOT_WEB_EMBED_ORIGINS), where no cookie comes back: the
    page's dialogue id still carries the follow-up."""
    page = browser.new_page(viewport={"width": 420, "height": 700})
    with screenshot_on_failure(page, tmp_path / "web-chat-iframe-failure.png"):
        page.goto(served["host"])
        frame = page.frame_locator("iframe")
        ask(frame, "Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024 có bao nhiêu đội?")
        follow = ask(frame, "khẩu hiệu là gì?")
        from playwright.sync_api import expect

        expect(follow.locator("p i").first).to_contain_text("(về: ")
        expect(follow.locator("b").first).to_have_text("“Rèn luyện thân thể – Gắn kết yêu thương”")
        assert page.context.cookies(served["url"]) == []  # the framed page got no cookie: SameSite
    page.close()
