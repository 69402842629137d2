"""The team's quick harness (what docs/quality.md calls the lead's harness): CV-5 on all 126 articles + transfer first->second, one line each.
--fail prints FIRST-split failures only (never second-split text). --agg prints second-split counts.
--dial runs the written dialogue set CV by conversation (first-split misses only).
ROOT=<tree> EXPDATA=<dir> .venv/bin/python tools/harness.py [--fail] [--agg] [--dial]
The knowledge base of the 126 dev articles is built into EXPDATA on the first run (~5 min) and reused;
delete it when indexing changes. The decision is re-fitted per fold, as in `make eval`."""
import json, os, sys, time
from pathlib import Path
from collections import Counter
from workbench import DEV, ROOT, answerer, arg  # noqa: E402,F401  (first: puts ROOT on the path)
from retrieval.answering.decision import calibration_fit
from retrieval.evaluation.evaluate import cross_validated, load_questions, score, split_of, transferred, _subset
from retrieval.fitting.scoring import reply_holds
a = answerer(Path(os.environ.get("EXPDATA", "/tmp/unionbot-harness")), build=True)
qs = load_questions(DEV / "questions.jsonl")
splits = json.loads((DEV / "splits.json").read_text())
sides = split_of(qs, splits)
t0 = time.time()
answered = [(a.ask(q["question"]).answer, 0.0) for q in qs]
el = time.time() - t0
cva = cross_validated(qs, answered, 5, calibration_fit)
def line(name, r):
    o, v = r["overall"], r["by_variant"]
    st = r["by_style"]
    print(f"{name:8s} reply {o['answer_in_reply']:.3f} first {o['answer_in_first']:.3f} plain {v['plain']['answer_in_reply']:.3f} "
          f"nodia {v['no_diacritics']['answer_in_reply']:.3f} para {v['paraphrase']['answer_in_reply']:.3f} "
          f"chat {st.get('chat',{}).get('answer_in_reply')} decl {o['declined_unanswerable']:.3f} false {o['false_decline']:.3f} at1 {o['article@1']:.3f}", flush=True)
line("CV", score(qs, cva, folds=5))
tr = transferred(qs, answered, sides, calibration_fit)
line("TRANSFER", tr)
print(f"ask time {el:.1f}s")
if "--agg" in sys.argv:
    c = Counter()
    for r in tr["rows"]:
        if r["answerable"] and not r["in_reply"]:
            kind = "declined" if not r["found"] else ("wrong_article" if not r["at1"] else "wrong_span")
            c[(r["type"], kind)] += 1
        if not r["answerable"] and r["found"]:
            c[(r["type"], "unans_answered")] += 1
    for k, n in sorted(c.items()):
        print("AGG", k, n)
    print("by type", {k: v["answer_in_reply"] for k, v in tr["by_type"].items()})
if "--fail" in sys.argv:
    first = set(splits["first"])
    for q, (ans, _), side in zip(qs, cva, sides):
        if side != "first":
            continue
        ok = q.get("article_id") and ans.found and reply_holds(ans, q.get("answer"))
        if q.get("article_id") and not ok:
            print(json.dumps({"q": q["question"], "type": q.get("type"), "var": q.get("variant"), "exp": q.get("answer"),
                              "aid": q.get("article_id"), "found": ans.found, "got_art": ans.ranked[:1],
                              "span": ans.span, "sent": (ans.shown_sentence or "")[:200], "reason": ans.reason}, ensure_ascii=False))
        if not q.get("article_id") and ans.found:
            print(json.dumps({"UNANS": q["question"], "span": ans.span, "sent": (ans.shown_sentence or "")[:150]}, ensure_ascii=False))
if "--dial" in sys.argv:
    from retrieval.conversation import continuation, dialogues
    from bot.commands import _titles, _first_split_misses
    rows = continuation.rows(a, dialogues.turns(qs, _titles(a)))
    convs = dialogues.conversations(load_questions(DEV / "dialogues.jsonl"))
    sc = continuation.cross_validate_set(a, convs, rows, 5)
    misses = _first_split_misses(sc.pop("misses"), convs, str(DEV / "splits.json"))
    print("DIAL", sc)
    for m in misses:
        print("DMISS", json.dumps(m, ensure_ascii=False))
