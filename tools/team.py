"""Questions and dialogues the team wrote about the FIRST split's articles or articles of its own (TEAMQ:
the committed sets tests/data/team/teamq6 … teamq28, teamq41 and teamq44 (readable, `workbench.READABLE`) and teamq29 … teamq40, teamq42, teamq43, teamq45 … teamq48 (unread: aggregate lines only), see
the README there) — fresh failures to read without reading the second split. They are
scored on a knowledge base of the 52 first-split articles only (EXPDATA_FIRST, built on the first
run, plus TEAMQ/articles/*.json where a set brings articles the team wrote itself), so an
unanswerable question is one no article of that knowledge base answers; the decision is fitted on
the dev questions of the first split, the continuation model on made-up turns by conversation folds.

ROOT=<tree> EXPDATA_FIRST=<dir> .venv/bin/python tools/team.py [--fail] [--dial] [--dfail]
Every text printed is of first-split articles (the knowledge base holds no other)."""
import json
import os
import sys
from collections import Counter
from pathlib import Path

from workbench import DEV, readable_team, reason_kind, team_answerer  # noqa: E402  (first: puts ROOT on the path)
from retrieval.answering.decision import calibration_fit
from retrieval.evaluation.evaluate import load_questions, split_of, transferred
from retrieval.fitting.scoring import reply_holds

TEAMQ = Path(os.environ.get("TEAMQ", "/work/teamq"))
if {"--fail", "--dfail"} & set(sys.argv):  # questions printed: readable sets only
    readable_team(TEAMQ)
data = Path(os.environ.get("EXPDATA_FIRST", "/work/expdata_first"))
a = team_answerer(TEAMQ, data)

dev = load_questions(DEV / "questions.jsonl")
sides = split_of(dev, json.loads((DEV / "splits.json").read_text()))
dev = [q for q, s in zip(dev, sides) if s == "first"]
team = load_questions(TEAMQ / "questions.jsonl")
qs = dev + team
answered = [(a.ask(q["question"]).answer, 0.0) for q in qs]
apply_team = calibration_fit(dev, [x for x, _ in answered[:len(dev)]])  # fitted once, on the first split
tr = transferred(qs, answered, ["first"] * len(dev) + ["second"] * len(team), lambda *_: apply_team)
o, v = tr["overall"], tr["by_variant"]
print(f"TEAM {len(team)} reply {o['answer_in_reply']} first {o['answer_in_first']} "
      + " ".join(f"{k} {s['answer_in_reply']}" for k, s in v.items() if k != "unanswerable")
      + f" chat {tr['by_style'].get('chat', {}).get('answer_in_reply')} decl {o['declined_unanswerable']} "
        f"false {o['false_decline']} at1 {o['article@1']}")
c = Counter()
for r in tr["rows"]:
    if r["answerable"] and not r["in_reply"]:
        c[(r["type"], "declined" if not r["found"] else ("wrong_article" if not r["at1"] else "wrong_span"))] += 1
    if not r["answerable"] and r["found"]:
        c[(r["type"], "unans_answered")] += 1
print("TEAM by kind", dict(sorted(c.items())))
print("TEAM by type", {k: s["answer_in_reply"] for k, s in tr["by_type"].items()})


decided = [apply_team(ans) for ans, _ in answered[len(dev):]]  # as the transfer line scored them
declined = Counter(reason_kind(ans.reason) for q, ans in zip(team, decided) if q.get("article_id") and not ans.found)
print("TEAM declines by reason", dict(declined.most_common()))
if "--fail" in sys.argv:
    for q, ans in zip(team, decided):
        ok = q.get("article_id") and ans.found and reply_holds(ans, q.get("answer"))
        if q.get("article_id") and not ok:
            print(json.dumps({"id": q["id"], "q": q["question"], "type": q.get("type"), "var": q.get("variant"),
                              "exp": q.get("answer"), "aid": q.get("article_id"), "found": ans.found,
                              "got_art": ans.ranked[:1], "span": ans.span,
                              "sent": (ans.shown_sentence or "")[:200], "reason": ans.reason}, ensure_ascii=False))
        if not q.get("article_id") and ans.found:
            print(json.dumps({"id": q["id"], "UNANS": q["question"], "got_art": ans.ranked[:1], "span": ans.span,
                              "sent": (ans.shown_sentence or "")[:150]}, ensure_ascii=False))
if "--dial" in sys.argv and (TEAMQ / "dialogues.jsonl").exists():
    from retrieval.conversation import continuation, dialogues
    from bot.commands import _titles
    rows = continuation.rows(a, dialogues.turns(dev, _titles(a)))
    convs = dialogues.conversations(load_questions(TEAMQ / "dialogues.jsonl"))
    sc = continuation.cross_validate_set(a, convs, rows, 5)
    misses = sc.pop("misses")
    print("TEAMDIAL", sc)
    print("TEAMDIAL by how", dialogues.misses_by_how(misses))
    if "--dfail" in sys.argv:
        for m in misses:
            print("TDMISS", json.dumps(m, ensure_ascii=False))
