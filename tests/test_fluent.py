"""Fluent answers from the union's own model server (retrieval/fluent/): the grounding check, the
reading of a reply, and — against a fake OpenAI-compatible server on 127.0.0.1 — what a member
sees through the real Answerer, the web API and `unionbot eval --llm`."""
from __future__ import annotations

import json

import httpx
import pytest

from bot.channels.web import WebChannel
from bot.core import render
from bot.core.assemble import make_core
from bot.core.state import BotDB
from bot.server import build_app
from knowledge.text import fold
from retrieval.fluent.grounding import Evidence, names, number_value, ungrounded
from retrieval.fluent.writer import Fluent, read
from retrieval.service import Answerer
from tests.conftest import database, make_settings
from tests.fake_llm import FakeLLM
from tests.helpers import ARTICLES, QUESTIONS
from tests.servers import serve_in_loop

TIMEOUT = 1.0  # seconds the client waits for the fake (a stalled reply is held far longer)

HOITHAO = ("Sôi nổi Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024\n13/05/2024\n"
           "Ngày 12/5/2024, Liên đoàn Lao động huyện Chương Mỹ phối hợp với Ban Quản lý Khu công nghiệp Phú Nghĩa "
           "tổ chức Hội thao công nhân năm 2024 với khẩu hiệu \"Rèn luyện thân thể – Gắn kết yêu thương\". "
           "Hội thao thu hút 24 đội, tranh tài ở 6 môn thi đấu, khai mạc lúc 7h00 theo Kế hoạch 01/KH-LĐLĐ. Tổng giá trị giải thưởng 60 triệu đồng, "
           "tăng 1.200 lượt người, đạt 98,5% kế hoạch.")
QUESTION = "Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024 thu hút bao nhiêu đội?"
RIGHT = ("Theo bài «Sôi nổi Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024», hội thao ngày 12/5/2024 "
         "thu hút 24 đội tranh tài ở 6 môn [1].")
INVENTED = ("Theo bài «Sôi nổi Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024», hội thao thu hút "
            "32 đội tranh tài ở 6 môn [1].")


# -- the check, on its own ------------------------------------------------------------------------
def test_numbers_are_compared_as_values():
    assert number_value("1.200") == number_value("1,200") == number_value("1200") == "1200"
    assert number_value("98,5") == number_value("98.5") == "98.5"
    assert number_value("02") == "2" and number_value("1.234,50") == "1234.5"


@pytest.mark.parametrize("sentence, missing", [
    (RIGHT.replace(" [1]", ""), []),
    ("Hoi thao thu hut 24 doi, giai thuong 60 trieu dong.", []),  # typed without accents
    ("Ngày 12 tháng 5 năm 2024 hội thao có 24 đội; khẩu hiệu “Rèn luyện thân thể – Gắn kết yêu thương”.", []),
    ("Khoảng 1200 lượt người, đạt 98.5% kế hoạch, ngày 13/5.", []),  # other spellings; the dateline
    ("Hội thao thu hút 32 đội.", ["number: 32 đội"]),
    ("Hội thao đạt 98% kế hoạch.", ["number: 98% kế"]),
    ("Giải thưởng 60 tỷ đồng.", ["number: 60 tỷ đồng"]),  # the right number, the wrong magnitude
    ("Hội thao có 24 đội, đạt 24% kế hoạch.", ["number: 24% kế"]),  # a count is no percentage
    ("Hội thao có 6 đội tranh tài ở 24 môn.", ["number: 6 đội", "number: 24 môn"]),  # counts swapped
    ("Hội thao có 24 và 6 môn.", []),  # "và" is no counted noun
    ("Khai mạc lúc 7h30 theo Kế hoạch 02/KH-LĐLĐ.", ["number: 02", "code: 7h30", "code: 02/KH-LĐLĐ"]),
    ("Hội thao diễn ra ngày 15/5/2024.", ["date: ngày 15/5/2024"]),
    ("Hội thao năm 2023 có 24 đội.", ["date: năm 2023"]),
    ("Ông Nguyễn Văn Bình khai mạc hội thao ở Phú Nghĩa.", ["name: Nguyễn Văn Bình"]),
    ("Hội thao ở Khu công nghiệp Tân Bình.", ["name: Tân Bình"]),
    ("Khẩu hiệu là “Rèn luyện để lao động tốt”.", ["quote: Rèn luyện để lao động tốt"]),
])
def test_every_fact_must_be_in_the_passages(sentence, missing):
    assert ungrounded(sentence, Evidence.of(HOITHAO)) == missing


def test_names_skip_the_capital_that_opens_a_sentence():
    assert names("Hội thao do Liên đoàn Lao động huyện Chương Mỹ tổ chức. Ông Trần Văn Khánh phát biểu.") == [
        "Liên", "Lao", "Chương Mỹ", "Trần Văn Khánh"]
    assert names("Hà Nội, Đà Nẵng và Huế") == ["Nội", "Đà Nẵng", "Huế"]
    assert names("Công đoàn cơ quan Bộ GD&ĐT và Khu công nghiệp Việt Nam- Singapore.") == [
        "Bộ GD&ĐT", "Khu", "Việt Nam- Singapore"]


@pytest.mark.parametrize("reply, why", [
    ("KHÔNG CÓ", "khong_co"), ("Không có.", "khong_co"), ("", "malformed"), ("[1]", "malformed"),
    ("Hội thao có 24 đội [4].", "malformed"),  # only three passages were given
    ("Câu một có 24 đội. Câu hai có 6 môn. Câu ba có 60 triệu đồng.", "too_long"),
])
def test_replies_that_are_never_shown(reply, why):
    assert read(reply, 3)[2].startswith(why)


def test_a_reply_is_read_without_its_markup():
    text, cited, problem = read("<think>đếm các đội…</think>\n**Hội thao** thu hút 24 đội (nguồn: [2]).", 3)
    assert (text, cited, problem) == ("Hội thao thu hút 24 đội.", [2], "")


# -- through the real Answerer, against a fake model server ----------------------------------------
@pytest.fixture(scope="module")
def llm():
    fake = FakeLLM().start()
    yield fake
    fake.stop()


@pytest.fixture(scope="module")
def fluent_kb(kb, llm):
    """The test corpus's Answerer with a model server set (the same index on disk)."""
    settings = kb.settings.model_copy(update={"llm_url": llm.url, "llm_model": "qwen-test", "llm_api_key": "k-1",
                                              "llm_timeout_seconds": TIMEOUT})
    return Answerer(settings, store=kb.store, embedder=kb.embedder)


def test_off_by_default_sends_nothing(kb):
    assert kb.settings.llm_url == "" and kb.fluent is None
    ans = kb.ask(QUESTION).answer
    assert ans.found and ans.fluent is None and ans.fluent_why == ""


def test_member_sees_the_model_sentence_only_when_it_is_grounded(fluent_kb, llm):
    quoted = "Hội thao thu hút 24 đội"

    def ask(mode: str, text: str = "") -> tuple:
        llm.mode, llm.text = mode, text
        sent = len(llm.requests)
        ans = fluent_kb.ask(QUESTION).answer
        assert len(llm.requests) == sent + 1
        return ans, render.plain(ans)

    ans, seen = ask("text", RIGHT)
    assert ans.fluent == RIGHT.replace(" [1]", "") and ans.fluent_why == ""
    assert seen.startswith(ans.fluent) and quoted in seen and "Phú Nghĩa" in seen.split("Nguồn:")[1]
    assert seen.index(ans.fluent) < seen.index(ans.span) < seen.index("Nguồn:")  # the quote under it checks it
    body, headers = llm.requests[-1], llm.headers[-1]
    assert body["model"] == "qwen-test" and headers["authorization"] == "Bearer k-1"
    prompt = body["messages"][-1]["content"]
    assert QUESTION in prompt and "[1] Bài: «Sôi nổi Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2024» · 13/05/2024" in prompt
    assert "24 đội" in prompt and "KHÔNG CÓ" in body["messages"][0]["content"]

    for mode, text, why in (("text", INVENTED, "ungrounded: number: 32"), ("text", "KHÔNG CÓ", "khong_co"),
                            ("500", "", "http: 500"), ("garbage", "", "malformed"), ("stall", "", "timeout")):
        ans, seen = ask(mode, text)  # (a stall ends by the client's timeout: fluent_why "timeout")
        assert ans.found and ans.fluent is None and ans.fluent_why.startswith(why), (mode, ans.fluent_why)
        assert "32 đội" not in seen and quoted in seen and seen.startswith("“24 đội")  # today's reply, as it was
    llm.released.set()  # let the stalled request go


def test_a_declined_question_is_answered_only_from_a_candidate_that_holds_it(fluent_kb, llm):
    # No asking word: the answer step finds no sentence of the asked kind and declines, the article first
    # among the related ones. (Asked with "bao nhiêu ủy viên" it is now answered: the "may" of the company's
    # name typed without accents no longer takes the counted noun.)
    question = "so uy vien ban chap hanh khoa moi cua cong doan may tay do"
    plain = fluent_kb.ask(question).answer
    llm.says("Theo bài «Đại hội Công đoàn Công ty Cổ phần May Tây Đô lần thứ V», Ban Chấp hành khóa mới gồm 9 ủy viên.")
    ans = fluent_kb.ask(question).answer
    assert not plain.found and "daihoi-maytaydo-2022" in [s.article_id for s in plain.related]
    assert ans.found and ans.kind == "news" and ans.sources[0].article_id == "daihoi-maytaydo-2022"
    seen = render.plain(ans)
    assert seen.startswith(ans.fluent) and "gồm 9 ủy viên" in seen.split("\n\n", 2)[2]  # the article's sentence
    llm.says("Ban Chấp hành khóa mới gồm 11 ủy viên [1].")
    assert not fluent_kb.ask(question).answer.found
    # Another year than the article's: the slogan is in a candidate, the year asked is not.
    llm.says("Khẩu hiệu là \"Rèn luyện thân thể – Gắn kết yêu thương\".")
    ans = fluent_kb.ask("Khẩu hiệu Hội thao công nhân Khu công nghiệp Phú Nghĩa năm 2022 là gì?").answer
    assert not ans.found and ans.fluent is None and ans.fluent_why.startswith("ungrounded: year asked: 2022")


def test_a_members_own_case_is_never_sent(fluent_kb, llm):
    sent = len(llm.requests)
    llm.says(RIGHT)
    ans = fluent_kb.ask("Công ty tôi nợ lương 3 tháng nay thì tôi phải làm gì?").answer
    assert ans.kind == "route" and ans.fluent is None and len(llm.requests) == sent


async def test_web_api_shows_the_checked_sentence_above_the_quote(tmp_path, fluent_kb, llm):
    core = make_core(make_settings(tmp_path), fluent_kb, BotDB(database(tmp_path / "b.sqlite3")))
    server, task, port = await serve_in_loop(build_app(core, [WebChannel(core)]))
    try:
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as c:
            llm.says(RIGHT)
            r = (await c.post("/api/ask", json={"question": QUESTION})).json()
            assert r["fluent"] and r["answer"].startswith(r["fluent"]) and r["span"].startswith("24 đội")
            llm.says(INVENTED)
            r = (await c.post("/api/ask", json={"question": QUESTION})).json()
            assert r["fluent"] is None and "32" not in r["answer"] and r["answer"].startswith("“24 đội")
    finally:
        server.should_exit = True
        await task


def test_eval_llm_scores_the_model_sentences(cli, llm, monkeypatch):
    code, _ = cli("eval", str(QUESTIONS), "--llm")
    assert code == 2 and "UNIONBOT_LLM_URL" in cli.err
    monkeypatch.setenv("UNIONBOT_LLM_URL", llm.url)
    llm.says(RIGHT)  # right for one question of the set, invented for every other
    code, out = cli("eval", str(QUESTIONS), "--articles", str(ARTICLES), "--llm", "--json")
    report = json.loads(out)["fluent"]
    assert code == 0 and report["sent_to_model"] > 0 and report["shown"] >= 1
    assert report["not_shown_why"]["ungrounded"] >= 1 and report["ungrounded_items"]
    assert report["shown_unanswerable"] == 0.0 and report["fluent_answer_in_reply"] is not None


def test_the_model_sentence_is_scored_alone_not_with_the_quotes_under_it():
    """`eval --llm` scores the model's sentence by itself: the span and the close runner-up quoted
    under the answer are the article's words, not the model's."""
    from retrieval.answering.answer import Answer
    from retrieval.fluent.measure import report

    q = {"id": "f1", "question": "Hội thi có bao nhiêu đội?", "article_id": "a", "answer": "8 đội"}
    ans = Answer(question=q["question"], found=True, qtype="number", span="24 đội",
                 sentence="Vòng sơ loại có 24 đội.", also="Vòng chung kết có 8 đội.", fluent="Hội thi có 24 đội.")
    r = report([q], [ans])
    assert r["fluent_answer_in_reply"] == 0.0 and r["quote_answer_in_reply"] == 1.0
    ans.fluent = "Vòng chung kết có 8 đội tham gia."
    assert report([q], [ans])["fluent_answer_in_reply"] == 1.0
