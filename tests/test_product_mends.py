"""What a member or an admin hit on the product side (the session-25 review), through the real
core, store, index and database: odd input gets an answer, an admin's change outlasts a restart."""
import asyncio
import csv
import json
import time

import pytest

from bot import server
from bot.channels.telegram import TelegramChannel
from bot.core import texts
from bot.core.assemble import make_core
from bot.core.messages import Incoming
from bot.core.state import BotDB
from knowledge.fetch import FetchError, FetchPolicy, fetch_article, reload_sources
from knowledge.ingest import ingest_paths
from knowledge.loaders import LoadError, iter_files, load_file, record_file
from knowledge.store import Store
from retrieval.service import Answerer
from tests.conftest import database, make_settings
from tests.fake_telegram import FakeTelegram
from tests.helpers import ARTICLES, ROOT
from tests.site import Site

ADMIN = "9"


@pytest.fixture
def admin_core(tmp_path, embedder):
    """A core over the test corpus and its hỏi đáp, with one admin (telegram user 9)."""
    settings = make_settings(tmp_path / "data", telegram_admins=ADMIN)
    answerer = Answerer(settings, embedder=embedder)
    answerer.ingest([ARTICLES, ROOT / "tests" / "data" / "faq.jsonl"], progress=False)
    return make_core(settings, answerer, BotDB(database(tmp_path / "b.sqlite3")))


def say(core, text="", user=ADMIN, **kw):
    return core.handle(Incoming(platform="telegram", chat_id=user, user_id=user, text=text, **kw))


def send_file(core, name: str, data: bytes, user=ADMIN):
    return say(core, user=user, kind="file", file_name=name, file_bytes=data)


async def test_the_source_of_a_hoi_dap_answer_is_its_answer(admin_core):
    """A hỏi đáp answer cites no article: /nguon (and the "Đoạn trích" button) shows the entry's
    answer instead of the internal-error apology."""
    [reply] = await say(admin_core, "đoàn phí đóng bao nhiêu phần trăm lương vậy ad", user="501")
    assert reply.answer.kind == "faq" and reply.question_id
    [source] = await say(admin_core, command="nguon", user="501")
    assert source.text == reply.answer.faq["answer"]
    assert admin_core.passage_reply(reply.question_id).text == reply.answer.faq["answer"]


async def test_a_file_with_no_records_is_named(admin_core, tmp_path):
    for name, data in (("rong.json", b"[]"), ("bang.csv", b"question,answer\n"), ("dong.jsonl", b"\n\n  \n")):
        [reply] = await send_file(admin_core, name, data)
        assert reply.text == texts.ADD_FAILED.format(cause=texts.PROBLEMS["no_records"]), name
        assert "không có bài viết hay mục hỏi đáp" in reply.text
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(LoadError) as none:
            load_file(path)
        assert none.value.code == "no_records"


async def test_a_year_or_title_written_as_a_number_loads(admin_core, tmp_path):
    rows = [{"id": "hoithao", "title": "Hội thao công nhân", "date": 2024,
             "text": "Hội thao công nhân khu công nghiệp năm 2024 có 31 đội tham gia tranh tài."},
            {"id": "so", "title": 2025, "date": "05/03/2025",
             "text": "Công đoàn cơ sở trao 75 suất quà cho đoàn viên có hoàn cảnh khó khăn."},
            {"id": "hong", "title": ["không", "phải", "chữ"], "text": "Bài này có tiêu đề là một danh sách."}]
    path = tmp_path / "tin.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    skipped = []
    arts = load_file(path, skipped=skipped)
    assert [(a.id, a.title, a.date) for a in arts] == [("hoithao", "Hội thao công nhân", "2024"),
                                                      ("so", "2025", "2025-03-05")]
    assert skipped == [(f"{path}:3", LoadError("row", line=3, cause=LoadError("field_not_text", field="title",
                                                                             kind="list")))]
    assert texts.explain(skipped[0][1]) == "dòng 3: trường 'title' phải là chữ, không phải list"
    replies = await send_file(admin_core, "tin.jsonl", path.read_bytes())
    assert [r.text.split("\n")[0] for r in replies] == ["✅ Đã thêm bài viết “Hội thao công nhân” (2024)",
                                                       "✅ Đã thêm bài viết “2025” (05/03/2025)"]
    [one] = await send_file(admin_core, "mot.json", json.dumps(rows[0] | {"id": "mot"}).encode())
    assert one.text.startswith("✅ Đã thêm bài viết “Hội thao công nhân” (2024)")


def test_a_year_written_by_pandas_as_a_float_is_the_year(tmp_path):
    """pandas' to_json writes a year column with blanks as floats ("date": 2024.0): still 2024."""
    path = tmp_path / "bang.json"
    path.write_text(json.dumps([dict(GOOD, date=2024.0), dict(GOOD, id="nua", date=2024.5)]), encoding="utf-8")
    assert [(a.id, a.date) for a in load_file(path)] == [("hoithao", "2024"), ("nua", None)]


async def test_a_members_file_is_no_refused_command(admin_core):
    [reply] = await send_file(admin_core, "anh.txt", b"Tieu de\n\nNoi dung.", user="501")
    assert reply.text == texts.NON_TEXT
    assert not [a for a in admin_core.db.audit_log() if a["user_id"] == "501"]


GOOD = {"id": "hoithao", "title": "Hội thao công nhân", "date": "2024-05-01",
        "text": "Hội thao công nhân khu công nghiệp năm 2024 có 31 đội tham gia tranh tài."}


async def test_a_broken_file_sent_under_a_good_ones_name_leaves_it_in_place(admin_core):
    good = json.dumps(GOOD, ensure_ascii=False).encode()
    [added] = await send_file(admin_core, "tin.json", good)
    assert added.text.startswith("✅ Đã thêm bài viết “Hội thao công nhân”")
    [failed] = await send_file(admin_core, "tin.json", '{"title": "Hỏng", "text": '.encode())
    assert failed.text.startswith("❌ Không thêm được: JSON lỗi ở dòng 1")
    uploads = admin_core.settings.data_dir / "uploads"
    assert (uploads / "tin.json").read_bytes() == good and sorted(p.name for p in uploads.iterdir()) == ["tin.json"]
    [done] = await say(admin_core, command="reload")
    assert "xóa 0" in done.text and admin_core.answerer.article("hoithao").text == GOOD["text"]


async def test_a_removed_upload_stays_removed_after_reload(admin_core):
    await send_file(admin_core, "mot.json", json.dumps(GOOD, ensure_ascii=False).encode())
    two = [dict(GOOD, id="hai-1"), dict(GOOD, id="hai-2", text=GOOD["text"].replace("31", "32"))]
    await send_file(admin_core, "hai.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in two).encode())
    [removed] = await say(admin_core, command="xoa", args="hoithao")
    assert removed.text == texts.ADMIN_REMOVED.format(title="Hội thao công nhân", id="hoithao")
    [kept] = await say(admin_core, command="xoa", args="hai-1")  # its file holds another record: read again
    where = str((admin_core.settings.data_dir / "uploads" / "hai.jsonl").resolve())
    assert kept.text == (texts.ADMIN_REMOVED.format(title="Hội thao công nhân", id="hai-1") + "\n"
                         + texts.ADMIN_REMOVED_COMES_BACK.format(source=where))
    [done] = await say(admin_core, command="reload")
    assert admin_core.answerer.article("hoithao") is None and admin_core.answerer.article("hai-2") is not None
    uploads = [s["location"] for s in admin_core.answerer.store.sources() if "/uploads/" in s["location"]]
    assert uploads == [where]


async def test_a_removed_upload_under_a_configured_folder_stays_removed(tmp_path, embedder):
    """The data dir under a folder of UNIONBOT_SOURCES: the last record of an uploaded file is gone, and so
    is the bot's copy of the file (session 26), so /reload does not read it again from the folder."""
    uploads = tmp_path / "data" / "uploads"
    uploads.mkdir(parents=True)
    settings = make_settings(tmp_path / "data", telegram_admins=ADMIN, sources=[str(uploads)])
    core = make_core(settings, Answerer(settings, embedder=embedder), BotDB(database(tmp_path / "b.sqlite3")))
    await send_file(core, "mot.json", json.dumps(GOOD, ensure_ascii=False).encode())
    [removed] = await say(core, command="xoa", args="hoithao")
    assert removed.text == texts.ADMIN_REMOVED.format(title="Hội thao công nhân", id="hoithao")
    assert not (uploads / "mot.json").exists()
    await say(core, command="reload")
    assert core.answerer.article("hoithao") is None


def test_unionbot_remove_names_the_folder_that_brings_an_article_back(cli, tmp_path, monkeypatch):
    folder = tmp_path / "tin"
    folder.mkdir()
    (folder / "hoithao.json").write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setenv("UNIONBOT_SOURCES", str(folder))
    assert cli("ingest", "-q", str(folder))[0] == 0
    code, out = cli("remove", "hoithao")
    assert (code, out) == (0, texts.CLI_REMOVED.format(id="hoithao") + "\n" + texts.ADMIN_REMOVED_COMES_BACK.format(
        source=str((folder / "hoithao.json").resolve())) + "\n")


def test_an_entry_whose_id_holds_a_hash_names_its_file(cli, tmp_path, monkeypatch):
    """A record's origin is "<file>#<id>"; an id may hold "#" itself (and a note " ("): the file is still
    the file, not "<file>#<part of the id>"."""
    folder = tmp_path / "hoidap"
    folder.mkdir()
    entries = [{"id": f"phep#{n}", "question": f"Nghỉ phép năm được mấy ngày, trường hợp {n}?",
                "answer": f"Người lao động được nghỉ {12 + n} ngày phép năm."} for n in (1, 2)]
    (folder / "phep.jsonl").write_text("\n".join(json.dumps(e, ensure_ascii=False) for e in entries),
                                       encoding="utf-8")
    monkeypatch.setenv("UNIONBOT_SOURCES", str(folder))
    assert cli("ingest", "-q", str(folder))[0] == 0
    code, out = cli("remove", "phep#1")
    assert (code, out) == (0, texts.CLI_REMOVED_FAQ.format(id="phep#1") + "\n" + texts.ADMIN_REMOVED_FAQ_COMES_BACK.format(
        source=str((folder / "phep.jsonl").resolve())) + "\n")


def test_a_record_file_is_found_in_every_provenance_form():
    for stored in ("/srv/tin (lưu trữ)/bai.json", "/srv/tin (lưu trữ)/bai.json#a#1",
                   "/srv/tin (lưu trữ)/bai.json (Báo (số 5))", "/srv/tin (lưu trữ)/bai.json (Báo (số 5))#a#1"):
        assert record_file(stored) == "/srv/tin (lưu trữ)/bai.json", stored
    assert record_file("/srv/tin (lưu trữ)/bai (1).txt") == "/srv/tin (lưu trữ)/bai (1).txt"
    assert record_file("/srv/hoi.CSV#phep") == "/srv/hoi.CSV"
    assert record_file("https://congdoan.example.vn/tin") == "https://congdoan.example.vn/tin"


async def test_pending_announcements_outlive_the_daily_purge(admin_core, monkeypatch):
    announced = []

    async def listener(ids, origin):
        announced.append(ids)

    admin_core.new_article_listeners.append(listener)
    admin_core.announce_later(["hoithao"])
    later = time.time() + 3 * 86400
    monkeypatch.setattr(time, "time", lambda: later)  # a purge three days on (at a start, a backup)
    admin_core.db.purge(30)
    await admin_core.announce_pending()
    assert announced == [["hoithao"]]


def test_a_folder_is_not_its_neighbour_sharing_a_prefix(tmp_path):
    tin, tin2024, archive = tmp_path / "tin", tmp_path / "tin-2024", tmp_path / "tin (lưu trữ)"
    for folder, n in ((tin, 1), (tin2024, 2), (archive, 3)):
        folder.mkdir()
        (folder / f"bai-{n}.txt").write_text(f"Hội nghị công đoàn số {n}\n\nHội nghị công đoàn số {n} có "
                                             f"{n * 40} đại biểu.\n", encoding="utf-8")
    store = Store(database(tmp_path / "kb.sqlite3"))
    ingest_paths(store, [tin, tin2024, archive], progress=False)
    report = reload_sources(store, [str(tin), str(tin2024), str(archive)])
    assert (report.added, report.removed, sorted(report.unchanged)) == ([], [], ["bai-1", "bai-2", "bai-3"])


def test_a_trial_copy_left_in_a_dot_folder_is_not_read(tmp_path):
    """A kill during an upload leaves uploads/.tmpXXXX/<file>: with the data dir under a source folder,
    /reload must not read it as a second copy."""
    uploads = tmp_path / "uploads"
    (uploads / ".tmpab12").mkdir(parents=True)
    (uploads / "tin.json").write_text(json.dumps(GOOD, ensure_ascii=False), encoding="utf-8")
    (uploads / ".tmpab12" / "tin.json").write_text(json.dumps(dict(GOOD, id="ban-thu"), ensure_ascii=False),
                                                   encoding="utf-8")
    assert list(iter_files([uploads])) == [uploads / "tin.json"]
    store = Store(database(tmp_path / "kb.sqlite3"))
    report = ingest_paths(store, [uploads], progress=False)
    assert (report.added, [a.id for a in store.articles()]) == (["hoithao"], ["hoithao"])


def test_a_long_article_in_a_spreadsheet_loads(tmp_path):
    """The csv module refuses a cell over 131,072 characters; an article may have 200,000
    (UNIONBOT_MAX_ARTICLE_CHARS): a long one loads, a longer one is refused alone, by its own limit."""
    sentence = "Công đoàn cơ sở tổ chức hội thao cho đoàn viên với nhiều đội tham gia tranh tài sôi nổi. "
    long_text = (sentence * (150_000 // len(sentence) + 1))[:150_000].strip()
    too_long = sentence * (210_000 // len(sentence) + 1)
    path = tmp_path / "bai.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows([["id", "title", "text"], ["dai", "Hội thao dài", long_text],
                                 ["qua-dai", "Hội thao quá dài", too_long]])
    skipped = []
    [art] = load_file(path, skipped=skipped)
    assert (art.id, art.text) == ("dai", long_text)
    [(where, why)] = skipped
    assert where == f"{path}:3" and texts.explain(why) == (
        f"dòng 3: bài “Hội thao quá dài” quá dài: {len(too_long.strip()):,} ký tự "
        "(giới hạn UNIONBOT_MAX_ARTICLE_CHARS = 200,000)")


async def test_one_format_list_and_one_size_limit_for_uploads(admin_core):
    [usage] = await say(admin_core, command="them")
    assert usage.text == ("Cách dùng: /them <đường dẫn bài viết>, hoặc gửi tệp "
                          ".txt/.md/.html/.htm/.json/.jsonl/.csv/.docx cho bot.")
    [pdf] = await send_file(admin_core, "bao-cao.pdf", b"%PDF-1.4")
    assert pdf.text == ("❌ Không thêm được: định dạng không hỗ trợ: .pdf "
                        "(nhận .txt, .md, .html, .htm, .json, .jsonl, .csv, .docx)")
    [big] = await send_file(admin_core, "lon.txt", b"Tieu de\n\n" + b"x" * (6 * 1024 * 1024))
    assert big.text == "❌ Không thêm được: tệp quá lớn: 6.0 MB (giới hạn UNIONBOT_MAX_FILE_MB = 5 MB)"
    assert not (admin_core.settings.data_dir / "uploads" / "lon.txt").exists()


def test_a_link_that_is_no_web_page_or_never_ends_is_refused():
    site = Site()
    try:
        policy = FetchPolicy(allow_private=True, timeout=5, total_seconds=1.5)
        with pytest.raises(FetchError) as pdf:
            fetch_article(f"{site.server.url}/bao-cao.pdf", policy)
        assert texts.explain(pdf.value) == (f"không phải trang web (HTML) mà là application/pdf: "
                                            f"{site.server.url}/bao-cao.pdf")
        with pytest.raises(FetchError) as slow:  # the limit fired: its own message says so (no clock read)
            fetch_article(f"{site.server.url}/cham", policy)
        assert texts.explain(slow.value) == f"tải quá 1.5 giây, bỏ dở: {site.server.url}/cham"
        assert "Tân Phú" in fetch_article(f"{site.server.url}/bai-viet", policy).title
    finally:
        site.server.stop()


async def test_sources_and_next_pages_outlive_a_restart(tmp_path, kb):
    """/nguon and "Xem thêm" are kept in the database: a restarted core (or another worker) has them."""
    settings = make_settings(tmp_path)
    before = make_core(settings, kb, BotDB(database(tmp_path / "b.sqlite3")))
    [answer] = await say(before, "Phiên chợ Tết Công đoàn ở Bình Định có bao nhiêu gian hàng?", user="501")
    [found] = await say(before, command="tim", args="công đoàn", user="501")
    [(label, action)] = found.buttons
    after = make_core(settings, kb, BotDB(database(tmp_path / "b.sqlite3")))
    [source] = await say(after, command="nguon", user="501")
    assert source.text == before.passage_reply(answer.question_id).text
    assert source.text.startswith("Đoạn trích từ bài “") and "40 gian hàng" in source.text
    kind, key = action.split(":")
    [page] = await after.action(kind, key, Incoming(platform="telegram", chat_id="501", user_id="501"))
    assert page.text == before.find_reply("công đoàn", 5).text


async def test_long_polling_runs_the_feeds_and_the_daily_purge(tmp_path, embedder, monkeypatch):
    """`unionbot telegram` (long polling, no HTTP app) polls UNIONBOT_FEEDS and purges every day,
    as `serve` does: the feed's item is added, a flood row two days old is swept."""
    fake, site = FakeTelegram().start(), Site()
    settings = make_settings(tmp_path / "data", telegram_token=fake.token, telegram_api_url=fake.base_url,
                             feeds=f"{site.server.url}/rss.xml", allow_private_urls=True)
    answerer = Answerer(settings, embedder=embedder)
    answerer.ingest([ARTICLES], progress=False)
    core = make_core(settings, answerer, BotDB(database(tmp_path / "b.sqlite3")))
    core.db.flood_hit("telegram:1", 4, 60, time.time() - 2 * 86400)
    flood = lambda: int(core.db.db.scalar("SELECT COUNT(*) AS n FROM flood"))  # noqa: E731
    assert flood() == 1
    monkeypatch.setattr(server, "PURGE_SECONDS", 0.2)
    task = asyncio.create_task(server.run_channels(core, [TelegramChannel(core, poll_timeout=1)]))
    try:
        polled = lambda: any(a["url"] == f"{site.server.url}/tin/a" for a in answerer.articles())  # noqa: E731
        for _ in range(300):
            if flood() == 0 and polled():
                break
            await asyncio.sleep(0.1)
        assert flood() == 0 and polled()
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        fake.stop()
        site.server.stop()
