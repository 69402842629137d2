"""What session 25's review left on the product side: /xoa of a hỏi đáp entry, an upload's file gone
with its last record, an upload read once, knowledge's failures worded for the admin in Vietnamese."""
import io
import json

from bot.core import texts
from tests.helpers import ROOT
from tests.test_product_mends import GOOD, admin_core, say, send_file  # noqa: F401  (the fixture)

FAQ_FILE = (ROOT / "tests" / "data" / "faq.jsonl").resolve()
LUONG = ("question,answer\n"
         "Công ty trả lương chậm thì tôi báo ai?|Lương trả chậm thì làm sao?,"
         "Bạn báo ban chấp hành công đoàn cơ sở để được hỗ trợ đòi lương đúng hạn.\n").encode()


async def test_xoa_removes_a_hoi_dap_entry_and_members_stop_getting_it(admin_core):
    """An admin removes an outdated union answer by its id, as an article: /xoa names the entry, and
    members no longer get it; an entry of the repository's own file leaves that file on disk."""
    [before] = await say(admin_core, "đoàn phí đóng bao nhiêu phần trăm lương vậy ad", user="501")
    assert before.answer.kind == "faq" and before.answer.faq["id"] == "doanphi"
    [removed] = await say(admin_core, command="xoa", args="doanphi")
    assert removed.text == (texts.ADMIN_REMOVED_FAQ.format(question="Đoàn phí công đoàn đóng bao nhiêu?", id="doanphi")
                            + "\n" + texts.ADMIN_REMOVED_FAQ_COMES_BACK.format(source=str(FAQ_FILE)))
    [after] = await say(admin_core, "đoàn phí đóng bao nhiêu phần trăm lương vậy ad", user="502")
    assert (after.answer.faq or {}).get("id") != "doanphi"
    [last] = await say(admin_core, command="xoa", args="ketnap")  # the file's last entry: the file is forgotten
    assert last.text.startswith("Đã xóa mục hỏi đáp “") and "⚠️" not in last.text
    assert FAQ_FILE.exists()  # an admin's own file is never deleted: only the bot's copies of uploads
    assert str(FAQ_FILE) not in {s["location"] for s in admin_core.answerer.store.sources()}
    [unknown] = await say(admin_core, command="xoa", args="khong-co")
    assert unknown.text == texts.ADMIN_NOT_FOUND_REMOVE.format(id="khong-co")
    assert admin_core.db.audit_log()[0]["result"] == "not found"


async def test_a_removed_uploads_file_leaves_the_disk(admin_core):
    """An uploaded file's last record removed: the bot's copy goes too (no member's text left behind),
    a file holding other records stays, and /reload brings nothing back."""
    uploads = admin_core.settings.uploads_dir
    [added] = await send_file(admin_core, "luong.csv", LUONG)
    entry_id = added.text.rsplit("(mã ", 1)[1].rstrip(").")
    await send_file(admin_core, "mot.json", json.dumps(GOOD, ensure_ascii=False).encode())
    two = [dict(GOOD, id="hai-1"), dict(GOOD, id="hai-2", text=GOOD["text"].replace("31", "32"))]
    await send_file(admin_core, "hai.jsonl", "\n".join(json.dumps(r, ensure_ascii=False) for r in two).encode())
    assert sorted(p.name for p in uploads.iterdir()) == ["hai.jsonl", "luong.csv", "mot.json"]
    [gone] = await say(admin_core, command="xoa", args=entry_id)
    assert gone.text == texts.ADMIN_REMOVED_FAQ.format(question="Công ty trả lương chậm thì tôi báo ai?", id=entry_id)
    await say(admin_core, command="xoa", args="hoithao")
    await say(admin_core, command="xoa", args="hai-1")
    assert sorted(p.name for p in uploads.iterdir()) == ["hai.jsonl"]
    audit = {a["detail"]: a["result"] for a in admin_core.db.audit_log() if a["action"] == "xoa"}
    assert audit["hoithao"].endswith(f"file deleted: {(uploads / 'mot.json').resolve()}")
    await say(admin_core, command="reload")
    assert admin_core.answerer.article("hoithao") is None and admin_core.answerer.faq_entry(entry_id) is None
    assert admin_core.answerer.article("hai-2") is not None


async def test_a_word_file_sent_is_read_from_its_bytes_and_kept(admin_core):
    """An upload is read once, from what was sent, before it is written: a .docx becomes an article whose
    source is the kept file; a broken one is refused with the cause and leaves nothing on disk."""
    import docx

    d = docx.Document()
    d.add_paragraph("Hội thao công nhân khu công nghiệp năm 2025")
    d.add_paragraph("Hội thao công nhân khu công nghiệp năm 2025 có 27 đội tham gia tranh tài.")
    data = io.BytesIO()
    d.save(data)
    [added] = await send_file(admin_core, "hoi thao.docx", data.getvalue())
    assert added.text.startswith("✅ Đã thêm bài viết “Hội thao công nhân khu công nghiệp năm 2025”")
    kept = (admin_core.settings.uploads_dir / "hoi_thao.docx").resolve()
    assert kept.read_bytes() == data.getvalue()
    art = admin_core.answerer.article(added.text.split("Mã: ", 1)[1].split("\n", 1)[0])
    assert art.source == str(kept)
    [broken] = await send_file(admin_core, "hong.docx", b"not a zip")
    assert broken.text.startswith("❌ Không thêm được: tệp Word hỏng")
    assert sorted(p.name for p in admin_core.settings.uploads_dir.iterdir()) == ["hoi_thao.docx"]


def test_every_cause_knowledge_names_is_worded_for_the_admin():
    """knowledge/ raises codes with facts (it cannot import the bot's texts); each code it raises has
    its Vietnamese wording in bot/core/texts.py using exactly the facts given there, and knowledge's own
    text of one holds no Vietnamese."""
    import ast
    import string

    raised = {}
    for path in (ROOT / "knowledge").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("LoadError", "FetchError", "DatabaseError",
                                                                                  "Problem")
                    and node.args and isinstance(node.args[0], ast.Constant)):
                raised[node.args[0].value] = {k.arg for k in node.keywords}
    assert len(raised) > 35
    for code, facts in raised.items():
        fields = {name for _, name, _, _ in string.Formatter().parse(texts.PROBLEMS[code]) if name}
        assert fields == facts, (code, fields, facts)
    from knowledge.loaders import LoadError

    cause = LoadError("row", line=3, cause=LoadError("field_not_text", field="title", kind="list"))
    assert str(cause) == "row(line=3, cause=field_not_text(field=title, kind=list))"
    assert texts.explain(cause) == "dòng 3: trường 'title' phải là chữ, không phải list"
    assert texts.explain(LoadError("format", suffix="", supported=(".txt", ".md"))) == (
        "định dạng không hỗ trợ: (không đuôi) (nhận .txt, .md)")


async def test_reload_and_them_name_each_cause_in_vietnamese(tmp_path, embedder):
    """What an admin can get wrong — a broken line in a file, a folder that is gone, a link that is not
    a web address — comes back in the admin's words, naming the file, the line or the link."""
    from bot.core.assemble import make_core
    from bot.core.state import BotDB
    from retrieval.service import Answerer
    from tests.conftest import database, make_settings
    from tests.test_product_mends import ADMIN

    folder = tmp_path / "tin"
    folder.mkdir()
    (folder / "tin.jsonl").write_text(json.dumps(GOOD, ensure_ascii=False) + "\n{\"id\": \"hong\", \"text\": \n",
                                      encoding="utf-8")
    (folder / "bai.json").write_text('{"title": "Thiếu nội dung"}', encoding="utf-8")
    gone = tmp_path / "da-xoa"
    settings = make_settings(tmp_path / "data", telegram_admins=ADMIN, sources=[str(folder), str(gone)])
    core = make_core(settings, Answerer(settings, embedder=embedder), BotDB(database(tmp_path / "b.sqlite3")))
    [done] = await say(core, command="reload")
    assert f"• {folder / 'tin.jsonl'}:2: dòng 2: JSON lỗi (Expecting value)" in done.text
    assert f"• {folder / 'bai.json'}: bản ghi JSON thiếu trường 'text'" in done.text
    assert f"• {gone}: không tồn tại (not found)" in done.text
    [refused] = await say(core, command="them", args="ftp://congdoan.example.vn/tin")
    assert refused.text == "❌ Không thêm được: địa chỉ phải bắt đầu bằng http:// hoặc https:// (ftp://congdoan.example.vn/tin)"
    assert core.db.audit_log()[0]["result"] == ("failed: địa chỉ phải bắt đầu bằng http:// hoặc https:// "
                                                "(ftp://congdoan.example.vn/tin)")
