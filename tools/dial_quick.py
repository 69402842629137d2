"""Quick dialogue scoring for iterating on retrieval/conversation (not shipped): the written dev
dialogues (126-article KB, EXPDATA; misses of the FIRST split only) and/or the team's dialogues
about the first split (52-article KB, EXPDATA_FIRST; every text first-split), CV by conversation,
with the continuation rows cached in a file (`--fresh` makes them anew: do so when the combined
reading of a two-turn made-up dialogue may change).

ROOT=<tree> EXPDATA=<dir> EXPDATA_FIRST=<dir> .venv/bin/python tools/dial_quick.py [--dev] [--team] [--fresh] [--print]"""
import json
import os
import pickle
import sys
from pathlib import Path

from workbench import DEV, answerer  # noqa: E402  (first: puts ROOT on the path)
from retrieval.evaluation.evaluate import load_questions, split_of
from retrieval.conversation import continuation, dialogues
from bot.commands import _titles, _first_split_misses

TEAMQ = Path(os.environ.get("TEAMQ", "/work/teamq"))
CACHE = Path(os.environ.get("ROWS_CACHE", "/tmp/dial_quick_rows"))
qs = load_questions(DEV / "questions.jsonl")
splits = json.loads((DEV / "splits.json").read_text())


def cached_rows(name, a, questions):
    f = CACHE.with_name(CACHE.name + f"_{name}.pkl")
    if f.exists() and "--fresh" not in sys.argv:
        return pickle.loads(f.read_bytes())
    rs = continuation.rows(a, dialogues.turns(questions, _titles(a)))
    f.write_bytes(pickle.dumps(rs))
    return rs


def show(tag, convs, sc, misses):
    print(tag, {k: v for k, v in sc.items()}, flush=True)
    if "--print" in sys.argv:
        by = {(d["id"], t.get("turn")): t for d in convs for t in d["turns"]}
        for m in misses:
            t = by[(m["conversation"], m["turn"])]
            print(f"  MISS {m['conversation']}-{m['turn']} {m['kind']}: {t['question']}\n     exp {t.get('answer')} "
                  f"[{t.get('article_id')}]\n     und {m['understood']}\n     got {m['found']} {m['article']} {m['span']}")


if "--dev" in sys.argv:
    a = answerer()
    rs = cached_rows("dev", a, qs)
    convs = dialogues.conversations(load_questions(DEV / "dialogues.jsonl"))
    sc = continuation.cross_validate_set(a, convs, rs, 5)
    misses = _first_split_misses(sc.pop("misses"), convs, str(DEV / "splits.json"))
    show("DIAL", convs, sc, misses)
if "--team" in sys.argv:
    a = answerer(Path(os.environ["EXPDATA_FIRST"]))
    first = [q for q, s in zip(qs, split_of(qs, splits)) if s == "first"]
    rs = cached_rows("first", a, first)
    convs = dialogues.conversations(load_questions(TEAMQ / "dialogues.jsonl"))
    if "--und" in sys.argv:  # every understood question, to read how the chat rewrote the member's words
        _ask = continuation.read
        def read(ans, message, topic, model=None):
            r = _ask(ans, message, topic, model=model)
            if r.understood:
                print(f"  UND {message!r}\n      -> {r.understood!r}")
            return r
        continuation.read = read
    sc = continuation.cross_validate_set(a, convs, rs, 5)
    misses = sc.pop("misses")
    show("TEAMDIAL", convs, sc, misses)
