"""How far a question typed without accents is answered as well as its accented form.

Each accented question (plain and paraphrased variants) is asked twice on one knowledge base: as
written, and with its accents stripped (đ→d, case kept — how a member types on a phone). The
decision is fitted on the first split's questions as written (as the transfer score does) and
applied to both. Prints, for the FIRST split only, every pair whose accented form is answered
right and whose stripped copy is not (with the restored text the search embedded); for the
second split only counts.

    ROOT=<tree> EXPDATA=<kb dir> python tools/accent_gap.py [--all]

`--fold`: the copy is `knowledge.text.fold` (lowercased too, as most members type).
`--lower`: the copy keeps its accents and loses its capitals (how much of the gap is the case).
`--all` also prints first-split pairs that differ the other way (stripped right, accented wrong).
"""
from __future__ import annotations

import json
import os
import sys
import unicodedata
from collections import Counter
from pathlib import Path

ROOT = Path(os.environ.get("ROOT", Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

from bot.settings import Settings  # noqa: E402
from knowledge.text import fold  # noqa: E402
from retrieval.answering.decision import calibration_fit  # noqa: E402
from retrieval.evaluation.evaluate import load_questions, split_of  # noqa: E402
from retrieval.fitting.scoring import reply_holds  # noqa: E402
from retrieval.index.search import make_query  # noqa: E402
from retrieval.service import Answerer  # noqa: E402

DEV = Path(os.environ.get("DEV", "/work/shared/data/dev"))
DATA = Path(os.environ.get("EXPDATA", "/work/expdata"))


def strip_accents(text: str) -> str:
    """Accents removed, đ→d and Đ→D, case and everything else kept."""
    text = text.replace("đ", "d").replace("Đ", "D")
    return unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", text)
                                                if not unicodedata.combining(c)))


def main() -> None:
    cache = Path("/work/main/.cache/models")
    a = Answerer(Settings(data_dir=DATA, model_cache_dir=cache if cache.exists() else None, llm_url=""))
    a.warm()
    qs = load_questions(DEV / "questions.jsonl")
    sides = split_of(qs, json.loads((DEV / "splits.json").read_text()))
    answered = [a.ask(q["question"]).answer for q in qs]
    first = [i for i, s in enumerate(sides) if s == "first"]
    apply = calibration_fit([qs[i] for i in first], [answered[i] for i in first])
    pairs = [i for i, q in enumerate(qs) if q.get("article_id") and q.get("variant") in ("plain", "paraphrase")
             and strip_accents(q["question"]) != q["question"]]
    counts = {"first": Counter(), "second": Counter()}
    for i in pairs:
        q = qs[i]
        stripped = (fold(q["question"]) if "--fold" in sys.argv else q["question"].lower() if "--lower" in sys.argv
                    else strip_accents(q["question"]))
        orig, bare = apply(answered[i]), apply(a.ask(stripped).answer)
        ok_o = orig.found and reply_holds(orig, q["answer"])
        ok_s = bare.found and reply_holds(bare, q["answer"])
        c = counts[sides[i]]
        c["pairs"] += 1
        c["accented right"] += ok_o
        c["stripped right"] += ok_s
        c["accented right, stripped not"] += ok_o and not ok_s
        c["stripped right, accented not"] += ok_s and not ok_o
        c["article@1 accented"] += (orig.ranked[:1] == [q["article_id"]])
        c["article@1 stripped"] += (bare.ranked[:1] == [q["article_id"]])
        if sides[i] != "first" or ok_o == ok_s or (ok_s and "--all" not in sys.argv):
            continue
        print(json.dumps({"id": q.get("id"), "type": q.get("type"), "var": q.get("variant"),
                          "q": q["question"], "restored": make_query(a.index, stripped).dense_text,
                          "exp": q["answer"], "aid": q["article_id"],
                          "orig": [orig.found, orig.ranked[:1], orig.span, orig.qtype],
                          "bare": [bare.found, bare.ranked[:1], bare.span, bare.qtype, bare.reason],
                          "bare_sent": (bare.shown_sentence or (bare.candidate.shown_sentence if bare.candidate else ""))[:200]},
                         ensure_ascii=False))
    for side in ("first", "second"):
        print(side.upper(), dict(counts[side]))


if __name__ == "__main__":
    main()
