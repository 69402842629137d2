"""The reading order's numbers swept without encoding twice: every question is encoded once (the embedder's
query vectors memoised), then asked again under each setting of the grid. Prints, per setting, the harness's
CV and TRANSFER lines (SET=dev, EXPDATA) or the team line (SET=team, TEAMQ + EXPDATA_FIRST; unread sets: the
aggregate line only — never --fail there).

ROOT=<tree> SET=dev EXPDATA=<dir> .venv/bin/python tools/reading_sweep.py 'NAME=v1,v2' ['NAME2=…'] [--fail] [--diff]
NAME: a module constant, `answer.ARTICLE_SHARPNESS`, `answer.READ_ON_MIN_REACH`, `answer.ARTICLES_READ`,
`search.YEAR_BONUS` … (module is retrieval.answering.<m> or retrieval.index.<m>); 'A+B=1+2,3+4' moves two together.
The search and each article's reading are memoised per question (exact: the first setting reproduces the harness
and team lines); a `search.` setting clears the memo. --diff: what moved against the first setting (counts; on a
readable team set the questions too — never on the dev set's second split or an unread set).
--fail (readable sources only): the answerable questions whose first article is another one, with the reading
order's numbers for the top articles; titles printed only of first-split or the set's own articles."""
import importlib
import itertools
import json
import os
import sys
from pathlib import Path

from workbench import DEV, answerer, first_split  # noqa: E402  (first: puts ROOT on the path)
from retrieval.answering.decision import calibration_fit
from retrieval.evaluation.evaluate import cross_validated, load_questions, score, split_of, transferred

SET = os.environ.get("SET", "dev")
if SET == "dev":
    a = answerer(Path(os.environ["EXPDATA"]))
    qs = load_questions(DEV / "questions.jsonl")
    sides = split_of(qs, json.loads((DEV / "splits.json").read_text()))
else:
    TEAMQ = Path(os.environ["TEAMQ"])
    a = answerer(Path(os.environ["EXPDATA_FIRST"]))
    dev = load_questions(DEV / "questions.jsonl")
    dsides = split_of(dev, json.loads((DEV / "splits.json").read_text()))
    dev = [q for q, s in zip(dev, dsides) if s == "first"]
    team = load_questions(TEAMQ / "questions.jsonl")
    qs = dev + team
    sides = ["first"] * len(dev) + ["second"] * len(team)

_memo: dict = {}
_encode = a.embedder.query


def _query(text):
    if text not in _memo:
        _memo[text] = _encode(text)
    return _memo[text]


a.embedder.query = _query
if "--nomemo" not in sys.argv:  # settings of the reading order only: the search and each article's reading are the same
    import retrieval.service as service
    from retrieval.answering import answer as _am
    _searched: dict = {}
    _search = service.search

    def _memo_search(ix, emb, question, mode="hybrid", focus=None):
        key = (question, mode, focus)
        if key not in _searched:
            _searched[key] = _search(ix, emb, question, mode=mode, focus=focus)
        return _searched[key]

    service.search = _memo_search
    _reads: dict = {}
    _read = _am._read_article

    def _memo_read(ix, res, aid):
        key = (id(res), aid)
        if key not in _reads:
            _reads[key] = _read(ix, res, aid)
        return _reads[key]

    _am._read_article = _memo_read

MODULES = {"answer": "retrieval.answering.answer", "search": "retrieval.index.search",
           "choose": "retrieval.answering.choose", "notfound": "retrieval.answering.notfound"}


def setting(spec: str) -> tuple[str, list]:
    name, vals = spec.split("=")
    return name, [v if "+" in name else json.loads(v) for v in vals.split(",")]


grid = [setting(s) for s in sys.argv[1:] if "=" in s]


def patch(name: str, value) -> None:
    if "+" in name:  # settings moved together: 'a.X+b.Y=1+2,3+4'
        for n, v in zip(name.split("+"), str(value).split("+")):
            patch(n, json.loads(v))
        return
    mod, const = name.split(".")
    setattr(importlib.import_module(MODULES[mod]), const, value)


def line(name, r):
    o, v, st = r["overall"], r["by_variant"], r["by_style"]
    print(f"{name:8s} reply {o['answer_in_reply']:.3f} first {o['answer_in_first']:.3f} plain {v['plain']['answer_in_reply']:.3f} "
          f"nodia {v['no_diacritics']['answer_in_reply']:.3f} para {v['paraphrase']['answer_in_reply']:.3f} "
          f"chat {st.get('chat', {}).get('answer_in_reply')} decl {o['declined_unanswerable']:.3f} "
          f"false {o['false_decline']:.3f} at1 {o['article@1']:.3f} at1var "
          + "/".join(f"{v[k]['article@1']}" for k in ("plain", "no_diacritics", "paraphrase") if k in v), flush=True)


names = [n for n, _ in grid]
outcomes = []
for values in itertools.product(*[vs for _, vs in grid]) if grid else [()]:
    for n, v in zip(names, values):
        patch(n, v)
    if "--nomemo" not in sys.argv and any(n.startswith("search.") for n in names):  # the search itself changes
        _searched.clear()
        _reads.clear()
    answered = [(a.ask(q["question"]).answer, 0.0) for q in qs]
    print("SETTING", dict(zip(names, values)), flush=True)
    if SET == "dev":
        line("CV", score(qs, cross_validated(qs, answered, 5, calibration_fit), folds=5))
    tr = transferred(qs, answered, sides, calibration_fit)
    line("TRANSFER" if SET == "dev" else "TEAM", tr)
    outcomes.append((values, tr["rows"], [ans for ans, _ in answered]))

if "--diff" in sys.argv and len(outcomes) > 1:  # the first setting against each other: what moved
    readable = SET == "dev" or not any(f"teamq{n}" in os.environ["TEAMQ"] for n in (10, 11, 12))
    held = [q for q, s in zip(qs, sides) if s == "second"]
    base_rows = outcomes[0][1]
    for values, rows, _ in outcomes[1:]:
        moved = [(q, r0, r1) for q, r0, r1 in zip(held, base_rows, rows)
                 if (r0["at1"], r0["in_reply"], r0["found"]) != (r1["at1"], r1["in_reply"], r1["found"])]
        print("DIFF", values, "moved", len(moved), "at1 +%d -%d" % (sum(r1["at1"] and not r0["at1"] for _, r0, r1 in moved),
                                                            sum(r0["at1"] and not r1["at1"] for _, r0, r1 in moved)),
              "reply +%d -%d" % (sum(r1["in_reply"] and not r0["in_reply"] for _, r0, r1 in moved),
                                 sum(r0["in_reply"] and not r1["in_reply"] for _, r0, r1 in moved)),
              "unans answered +%d -%d" % (sum(not r0["answerable"] and r1["found"] and not r0["found"] for _, r0, r1 in moved),
                                          sum(not r0["answerable"] and r0["found"] and not r1["found"] for _, r0, r1 in moved)))
        if readable and SET != "dev":  # (the dev set's held side is the second split: counts only)
            for q, r0, r1 in moved:
                print("   ", json.dumps({"id": q["id"], "q": q["question"], "type": q.get("type"), "var": q.get("variant"),
                                         "at1": [r0["at1"], r1["at1"]], "reply": [r0["in_reply"], r1["in_reply"]],
                                         "found": [r0["found"], r1["found"]]}, ensure_ascii=False))

if "--fail" in sys.argv:
    assert SET == "dev" or not any(f"teamq{n}" in os.environ["TEAMQ"] for n in (10, 11, 12)), "unread set: aggregates only"
    from retrieval.answering import answer as answer_mod
    from retrieval.index.search import search
    first = first_split()
    own = {p.stem for p in (Path(os.environ["TEAMQ"]) / "articles").glob("*.json")} if SET != "dev" else set()
    ix = a.index

    def title(aid):
        return ix.articles.get(aid, {}).get("title", aid)[:90] if aid in first or aid in own else "(second split)"

    for q, s in zip(qs, sides):
        if not q.get("article_id") or (SET == "dev" and s != "first") or (SET != "dev" and s == "first"):
            continue
        res = search(ix, a.embedder, q["question"])
        ranking, opts, scores, verdict = answer_mod.reading_order(ix, res)
        if ranking[0][0] == q["article_id"]:
            continue
        rank = [r[0] for r in res.article_ranking].index(q["article_id"]) if q["article_id"] in dict(res.article_ranking) else -1
        top = res.article_ranking[0][1]
        rows = []
        for k, (aid, sc) in enumerate(res.article_ranking[:4]):
            o, scs, ver = answer_mod._read_article(ix, res, aid)
            rows.append({"k": k, "want": aid == q["article_id"], "ratio": round(sc / top, 3),
                         "best": round(float(scs.max()) if o else 0, 3), "cov": round(ver["features"]["coverage_idf"], 3),
                         "hard": ver["hard"], "ruled": answer_mod._ruled_out(ver),
                         "miss": ver["missing_names"] or None, "title": title(aid)})
        print(json.dumps({"id": q.get("id"), "q": q["question"], "type": q.get("type"), "var": q.get("variant"),
                          "exp": q.get("answer"), "want_rank": rank, "got": title(ranking[0][0])}, ensure_ascii=False))
        for r in rows:
            print("   ", json.dumps(r, ensure_ascii=False))
