"""Issue 23 item 4: the decision's rows of a question set — every question asked on a knowledge base, with the
features its candidate reply carries (None: declined on hard evidence before the model is asked), its label
(the candidate holds the expected answer) and whether it is answerable — written as JSON lines (no question
text: the id, the split side and numbers only, so the second split's rows may be stored and fitted on).
Beside the features the decision has, the rows carry the reply's own (`reply_coverage`), tried in session 20 as
features of the model (docs/quality.md: none moved the transfer line; kept here to measure others the same way).

    ROOT=<tree> EXPDATA=<dir> .venv/bin/python tools/decision_rows.py dev OUT.jsonl
    ROOT=<tree> EXPDATA=<team KB> .venv/bin/python tools/decision_rows.py <TEAMQ dir> OUT.jsonl
    ROOT=<tree> EXPDATA=<dir> .venv/bin/python tools/decision_rows.py synth OUT.jsonl   (the FIRST split's answerable
      questions made unanswerable by `perturb.variants`: side "first", kind in "variant")
"""
import json
import re
import sys
from pathlib import Path

from workbench import DEV, answerer  # noqa: E402  (first: puts ROOT on the path)
from retrieval.answering.decision import candidate
from retrieval.evaluation.evaluate import load_questions, split_of
from retrieval.fitting.scoring import reply_holds
from retrieval.answering.notfound import coverage, written_out
from retrieval.index.search import content_terms

NEAR_CHARS = 60  # `near_span`: the question's words told within this many characters of the span (a clause each side)


def reply_coverage(question: str, sentence: str, passage: str, title: str, idf: dict, span: str = "") -> dict:
    """The reply's own coverage of the question: the IDF share of its topic syllables in the quoted sentence
    (`sent_cover`) and passage (`passage_cover`); of the syllables the title does not give (the detail asked beyond
    the event's name), the share the sentence holds (`beyond_title`) and the share told near the span
    (`near_span`); the rarest of them the passage lacks, as a share of an unseen word's IDF (`rare_lacking`)."""
    s, p, t = written_out(sentence), written_out(passage), set(re.findall(r"[^\W_]+", written_out(title)))
    rest = " ".join(w for w in content_terms(question) if w not in t)
    folded_span = written_out(span).strip()
    at = s.find(folded_span) if folded_span else -1
    near = s[max(0, at - NEAR_CHARS):at + len(folded_span) + NEAR_CHARS] if at >= 0 else s
    held = set(re.findall(r"[^\W_]+(?:[/.-][^\W_]+)*", p))
    unseen = idf.get("", 1.0)
    lacking = [idf.get(w, unseen) for w in content_terms(rest) if w not in held]
    asked = bool(content_terms(rest))
    return {"sent_cover": coverage(question, s, idf), "passage_cover": coverage(question, p, idf),
            "beyond_title": coverage(rest, s, idf) if asked else 1.0, "near_span": coverage(rest, near, idf) if asked else 1.0,
            "rare_lacking": max(lacking, default=0.0) / unseen}


src, out = sys.argv[1], Path(sys.argv[2])
a = answerer()
if src == "dev":
    qs = load_questions(DEV / "questions.jsonl")
    sides = split_of(qs, json.loads((DEV / "splits.json").read_text()))
    name = "dev"
elif src == "synth":
    from retrieval.evaluation.perturb import variants
    dev = load_questions(DEV / "questions.jsonl")
    first = set(json.loads((DEV / "splits.json").read_text())["first"])
    qs = [{"id": f"{q['id']}-{kind}", "question": v, "variant": kind}
          for q in dev if q.get("article_id") in first and q["article_id"] in a.index.articles
          for kind, v in variants(q["question"], a.index.titled_text(q["article_id"]))]
    sides, name = ["first"] * len(qs), "synth"
else:
    qs = load_questions(Path(src) / "questions.jsonl")
    sides = ["team"] * len(qs)
    name = Path(src).name
with out.open("w") as f:
    for q, side in zip(qs, sides):
        ans = a.ask(q["question"]).answer
        cand = candidate(ans)
        feats = ans.features
        if feats is not None:
            title = a.index.articles.get(cand.sources[0].article_id, {}).get("title", "") if cand.sources else ""
            feats = {**feats, **reply_coverage(q["question"], cand.sentence or "", cand.passage or "", title, a.index.idf,
                                               cand.span or "")}
        row = {"set": name, "id": q.get("id") or "", "side": side, "answerable": bool(q.get("article_id")),
               "type": q.get("type"), "variant": q.get("variant"), "found": ans.found,
               "features": feats, "label": float(bool(q.get("article_id")) and reply_holds(cand, q.get("answer"))),
               "holds_found": bool(q.get("article_id")) and ans.found and reply_holds(ans, q.get("answer"))}
        f.write(json.dumps(row, ensure_ascii=False) + "\n")
print("wrote", out)
