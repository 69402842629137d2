"""Quality reports: CV, the transfer score, the scored window, unanswerable variants, the eval CLI (retrieval/evaluation)."""
import json

from bot.core import texts

from tests.helpers import ARTICLES, N_ARTICLES, QUESTIONS, questions


def test_cli_ask_batch_and_eval(tmp_path, cli):
    code, out = cli("ingest", "-q", str(ARTICLES))
    assert code == 0 and f"Đã thêm {N_ARTICLES}" in out
    batch = tmp_path / "q.jsonl"
    batch.write_text('{"id": "x1", "question": "Chủ đề Tháng Công nhân năm 2021 của huyện Yên Phong là gì?", "note": 7}\n'
                     '{"id": "x2", "question": "   "}\n'
                     '{"id": "x3", "question": "Giá vàng hôm nay bao nhiêu một lượng?"}\n',
                     encoding="utf-8")
    code, out = cli("ask", "--batch", str(batch))
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [x["id"] for x in rows] == ["x1", "x2", "x3"] and rows[0]["note"] == 7
    for row in rows:
        assert set(row) >= {"id", "question", "found", "answer", "span", "latency_ms"}
    assert rows[0]["found"] and rows[0]["sources"][0]["article_id"] == "thangcongnhan-yenphong-2021"
    assert set(rows[0]["sources"][0]) == {"article_id", "title", "date", "url", "score"}
    assert "Đoàn viên an toàn – Doanh nghiệp phát triển bền vững" in rows[0]["answer"] and "📰" in rows[0]["answer"]
    assert not rows[1]["found"] and rows[1]["answer"] == texts.EMPTY_QUESTION  # the blank line: a hint, not the apology
    assert not rows[2]["found"] and rows[2]["sources"] == [] and rows[2]["suggestions"]

    code, out = cli("eval", str(QUESTIONS), "--cv", "3", "--json")
    assert code == 0
    report = json.loads(out)
    assert report["overall"]["n"] == len(questions()) and report["folds"] == 3
    assert set(report["by_variant"]) == {"plain", "no_diacritics", "paraphrase", "unanswerable"}
    assert report["by_style"]["chat"]["n"] == sum(q.get("style") == "chat" for q in questions())
    code, out = cli("eval", str(QUESTIONS))
    assert code == 0 and "| variant: plain |" in out and "| style: chat |" in out
    articles = sorted({q["article_id"] for q in questions() if q["article_id"]})
    splits = tmp_path / "splits.json"
    splits.write_text(json.dumps({"first": articles[::2], "second": articles[1::2]}), encoding="utf-8")
    code, out = cli("eval", str(QUESTIONS), "--cv", "3", "--transfer", str(splits))
    assert code == 0 and "Transfer: fitted on the first split, scored on the second" in out
    assert "answer_in_reply (CV / transfer)" in out


def test_transfer_fits_on_the_first_split_and_scores_only_the_second(kb):
    from retrieval.answering import decision
    from retrieval.evaluation.evaluate import split_of, transferred

    qs = questions()
    articles = sorted({q["article_id"] for q in qs if q["article_id"]})
    sides = split_of(qs, {"first": articles[:5], "second": articles[5:]})
    assert {s for q, s in zip(qs, sides) if q["article_id"] in articles[:5]} == {"first"}
    assert {s for q, s in zip(qs, sides) if q["article_id"] in articles[5:]} == {"second"}
    unanswerable = [s for q, s in zip(qs, sides) if not q["article_id"]]
    assert unanswerable == split_of([q for q in qs if not q["article_id"]], {})  # by a stable hash of the id
    seen = []

    def fit(train, answers):
        seen.append({q["question"] for q in train})
        return decision.calibration_fit(train, answers)

    answered = [(kb.ask(q["question"]).answer, 0.0) for q in qs]
    report = transferred(qs, answered, sides, fit)
    [train] = seen
    assert train == {q["question"] for q, s in zip(qs, sides) if s == "first"}
    assert report["overall"]["n"] == sides.count("second")


def test_the_scored_reply_is_the_window_a_member_sees():
    from retrieval.answering.answer import Answer
    from retrieval.fitting.scoring import reply_holds

    far = "Kết thúc buổi lễ, ban tổ chức trao 35 giải thưởng."
    sentence = "Hội thao khai mạc sáng nay với nhiều hoạt động, " + "các đội giao lưu thân thiện, " * 12 + far
    ans = Answer(question="Hội thao khai mạc khi nào?", found=True, qtype="date", span="sáng nay", sentence=sentence)
    assert "35 giải thưởng" in ans.sentence and "35 giải thưởng" not in ans.shown_sentence
    assert not reply_holds(ans, "35 giải thưởng") and reply_holds(ans, "sáng nay")


def test_cross_validation_never_scores_a_question_with_what_was_fitted_on_it(kb):
    from retrieval.answering import decision
    from retrieval.evaluation.evaluate import evaluate, folds

    qs = questions()
    fold_of = folds(qs, 3)
    by_article = {}
    for q, f in zip(qs, fold_of):
        if q["article_id"]:
            by_article.setdefault(q["article_id"], set()).add(f)
    assert all(len(f) == 1 for f in by_article.values()) and set(fold_of) == {0, 1, 2}
    seen = []

    def fit(train, answers):
        seen.append({q["question"] for q in train})
        return decision.calibration_fit(train, answers)

    report = evaluate(qs, lambda q: (kb.ask(q).answer, 0.0), cv=3, fit=fit)
    assert len(seen) == 3 and report["folds"] == 3
    for f, train in enumerate(seen):
        assert not train & {q["question"] for q, x in zip(qs, fold_of) if x == f}
    assert report["overall"]["n"] == len(qs)


def test_unanswerable_variants_of_answerable_questions(kb):
    """`eval --synthetic`: another year, term, province, ordinal, company or counted noun than the article has —
    and the knowledge base declines them."""
    from retrieval.evaluation import perturb

    article = "Đại hội Công đoàn tỉnh Nam Định lần thứ 5 năm 2022 có 150 đại biểu."
    made = perturb.unanswerable("Đại hội Công đoàn tỉnh Nam Định lần thứ 5 năm 2022 có bao nhiêu đại biểu?", article)
    assert len(made) == 5 and all(v != article for v in made)
    assert any("năm 2023" in v for v in made) and any("lần thứ 6" in v for v in made) and any("2022-2027" in v for v in made)
    assert any("Nam Định" not in v for v in made)
    assert any("bao nhiêu đại biểu" not in v for v in made)  # the counted noun as a whole
    made = perturb.unanswerable("Công ty TNHH Hải Triều nhận bao nhiêu suất quà?", "Công ty TNHH Hải Triều nhận 20 suất quà.")
    assert any("Công ty TNHH " in v and "Hải Triều" not in v for v in made)  # another company
    report = perturb.declined(kb, questions())
    assert report["variants"] >= 30 and report["declined"] >= 0.8, report  # 41 and 0.95 when written


def test_unanswerable_variants_by_kind_terms_offices_events():
    """perturb.variants tags each variant with its kind; a term of years closing on a year the article
    lacks, another office or the deputy of the one asked, and another event of the kind are made."""
    from retrieval.evaluation.perturb import variants
    article = "Đại hội Công đoàn ngành năm 2023 bầu Chủ tịch công đoàn ngành; hội thi nấu ăn có 12 đội."
    got = dict(variants("Ai là Chủ tịch Công đoàn ngành năm 2023?", article))
    assert got["term"] == "Ai là Chủ tịch Công đoàn ngành năm 2023-2028?"
    assert got["deputy"] == "Ai là Phó Chủ tịch Công đoàn ngành năm 2023?"
    assert "Chủ tịch" not in got["office"]
    got = dict(variants("Hội thi nấu ăn năm 2023 có bao nhiêu đội?", article))
    assert "event" in got and "nấu ăn năm 2023" in got["event"] and not got["event"].startswith("Hội thi")
