"""How often the noun a count question asks for ("bao nhiêu đại biểu") is written nowhere in the article: in the
expected article of answerable questions (false declines a hard rule would cause) and in the article the bot chose
for the unanswerable ones answered (from a --fail dump). Read sources only: the first split and teamq6-12.
ROOT=<tree> .venv/bin/python tools/counted_noun_probe.py [DUMPDIR with t6_base.txt … t12_base.txt] [--show]

Session 23 (helper N, issue 23 kind (b) "a detail the article does not give"): the counted noun phrase (`spans.noun_phrase`)
written nowhere in the article (folded, initials written out) — 2 of the unanswerable counts answered in the read sources
(teamq7 "bao nhiêu đại biểu", teamq11 "bao nhiêu tuổi"), against 24 of the 181 answerable count questions with a
counted noun (first split 9, teamq6 1, teamq7 5, teamq8 3, teamq10 2, teamq11 2, teamq12 2: paraphrases, "người" for
"đại biểu", initials). Not built: as a hard rule it would decline ~12 right answers per one caught."""
import json, re, sys
from collections import Counter
from pathlib import Path
from workbench import DEV, ROOT, first_split, readable_team  # noqa: F401  (first: puts ROOT on the path)
from knowledge.text import fold, normalize
from retrieval.answering.notfound import written_out
from retrieval.answering.spans import noun_phrase
from retrieval.language.qtype import folded_question, question_type

first = first_split()


def text_of(path: Path) -> str:
    art = json.loads(path.read_text())
    return written_out(f"{art.get('title', '')}. {art.get('text') or art.get('content') or ''}")


def absent(q: str, text: str) -> bool | None:
    words = noun_phrase(folded_question(q))
    if not words:
        return None
    return not re.search(rf"\b{' '.join(words)}\b", " ".join(re.findall(r'[a-z0-9]+', text)))


sources = [("first", DEV, None)] + [(f"teamq{n}", ROOT / "tests/data/team" / f"teamq{n}", Path(sys.argv[1]) / f"t{n}_base.txt" if len(sys.argv) > 1 else None) for n in range(6, 13)]
for name, d, dump in sources:
    qs = [json.loads(l) for l in (d / "questions.jsonl").open()]
    arts = {p.stem: p for p in (d / "articles").glob("*.json")} if name != "first" else {a: DEV / "articles" / f"{a}.json" for a in first}
    if name != "first":
        arts.update({a: DEV / "articles" / f"{a}.json" for a in first})
    c = Counter()
    for q in qs:
        aid = q.get("article_id")
        if not aid or aid not in arts or question_type(q["question"]) != "number":
            continue
        r = absent(q["question"], text_of(arts[aid]))
        c["num"] += 1
        if r is not None:
            c["with_noun"] += 1
            c["absent"] += r
            if r and "--show" in sys.argv:
                print("  ANSWERABLE-ABSENT", name, q["id"], noun_phrase(folded_question(q["question"])), q["question"][:90])
    un = Counter()
    if dump and dump.exists():
        for line in dump.open():
            if '"UNANS"' not in line:
                continue
            row = json.loads(line)
            got = (row.get("got_art") or [None])[0]
            if got in arts and question_type(row["UNANS"]) == "number":
                r = absent(row["UNANS"], text_of(arts[got]))
                un["num"] += 1
                un["absent"] += bool(r)
                if r and "--show" in sys.argv:
                    print("  UNANS-ABSENT", name, row.get("id"), noun_phrase(folded_question(row["UNANS"])), row["UNANS"][:90])
    print(name, "answerable number", dict(c), "| unanswerable answered number", dict(un))
