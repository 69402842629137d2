"""Issue 23 item 3: where the answer step misses synthetic questions of the FIRST split's articles.

Synthetic questions (`retrieval/answering/reader_data.py`: an article's own sentence with a span of a
known kind taken out and the asked phrase put in) are asked through the Answerer over a built
knowledge base of the dev articles; the misses are grouped by (type, kind of miss):

* declined        — no answer given;
* wrong_article   — the answer quotes another article;
* wrong_sentence  — the right article, a sentence without the expected span (`+fit`: one holding a
                    span of the asked kind, `+nofit`: one without);
* wrong_span      — the expected span is in the chosen sentence but not in the reply window / span.

Only questions about FIRST-split articles are made, so no second-split text is ever printed.

    ROOT=<tree> EXPDATA=<dir> .venv/bin/python tools/synthetic_misses.py [--show KIND] [--per N] [--seed S]
"""
import json, os, sys
from collections import Counter
from pathlib import Path

from workbench import DEV, ROOT, answerer, arg  # noqa: E402,F401  (first: puts ROOT on the path)
from retrieval.answering.reader_data import articles_of, synthetic_questions  # noqa: E402
from retrieval.answering.spans import type_fit  # noqa: E402
from retrieval.fitting.scoring import compared_form, reply_holds  # noqa: E402


def classify(ans, q) -> str:
    if not ans.found:
        return "declined"
    if not ans.sources or ans.sources[0].article_id != q["article_id"]:
        return "wrong_article"
    if reply_holds(ans, q["answer"]):
        return "ok_exact" if ans.span and compared_form(q["answer"]) in compared_form(ans.span) else "ok_window"
    if compared_form(q["answer"]) in compared_form(ans.sentence or ""):
        return "wrong_span"
    return "wrong_sentence+" + ("fit" if type_fit(q["type"], ans.sentence or "", q["question"]) > 0 else "nofit")


def main():
    a = answerer()
    first = set(json.loads((DEV / "splits.json").read_text())["first"])
    arts = [t for t in articles_of(a.index) if t[0] in first]  # FIRST split only, before anything is asked
    qs = synthetic_questions(arts, per_article=arg("--per", 30), seed=arg("--seed", 0))
    c, by_type = Counter(), Counter()
    show = arg("--show", "")
    for q in qs:
        assert q["article_id"] in first
        ans = a.ask(q["question"]).answer
        kind = classify(ans, q)
        c[(q["type"], kind)] += 1
        by_type[q["type"]] += 1
        if show and kind.startswith(show) and (arg("--type", "") in ("", q["type"])):
            # A wrong article may be a second-split one: its words are never printed.
            mine = not ans.sources or ans.sources[0].article_id in first
            print(json.dumps({"q": q["question"], "type": q["type"], "exp": q["answer"],
                              "span": ans.span if mine else "(second split)",
                              "sent": (ans.sentence or "")[:220] if mine else "(second split)",
                              "reason": ans.reason if mine else ""}, ensure_ascii=False))
    ok = sum(n for (t, k), n in c.items() if k.startswith("ok"))
    print(f"SYNTH {len(qs)} questions, in reply {ok / max(1, len(qs)):.3f}")
    for t in sorted(by_type):
        row = {k: n for (tt, k), n in sorted(c.items()) if tt == t}
        print("SYNTH", t, by_type[t], row)


if __name__ == "__main__":
    main()
