"""The team sets' dialogue lines (TEAMDIAL, as tools/team.py --dial prints them) for many sets in one process, in
seconds a set instead of minutes: the continuation model's rows are made once, on the first set's knowledge base
(team.py makes them on each set's own; the lines have matched to the third decimal on teamq15-22), and each set is
scored by conversation folds on its own knowledge base. For comparing a conversation change before/after; the
numbers reported at a session's end come from tools/team.py --dial. Misses print only for READABLE sets (--dfail).

ROOT=<tree> [KBS=/work/expdata_t{n}] [ROWS=<pickle cache: only while the conversation code is unchanged>] .venv/bin/python tools/dial_sets.py 15 16 17 … [--dfail]
KBS names each set's knowledge base ({n} = the set's number); one that does not exist is built there first."""
import json
import os
import pickle
import sys
import time
from pathlib import Path

from workbench import DEV, READABLE, team_answerer  # noqa: E402  (first: puts ROOT on the path)
from bot.commands import _titles
from retrieval.conversation import continuation, dialogues
from retrieval.evaluation.evaluate import load_questions, split_of

TEAM = Path(__file__).resolve().parent.parent / "tests" / "data" / "team"
KBS = os.environ.get("KBS", "/work/expdata_t{n}")


def main(sets: list[str]) -> None:
    dev = load_questions(DEV / "questions.jsonl")
    sides = split_of(dev, json.loads((DEV / "splits.json").read_text()))
    dev = [q for q, s in zip(dev, sides) if s == "first"]
    cache = Path(os.environ["ROWS"]) if os.environ.get("ROWS") else None
    rows = None
    for n in sets:
        t0 = time.time()
        a = team_answerer(TEAM / f"teamq{n}", Path(KBS.format(n=n)))
        if rows is None:
            if cache and cache.exists():
                rows = pickle.loads(cache.read_bytes())
            else:
                rows = continuation.rows(a, dialogues.turns(dev, _titles(a)))
                if cache:
                    cache.write_bytes(pickle.dumps(rows))
        convs = dialogues.conversations(load_questions(TEAM / f"teamq{n}" / "dialogues.jsonl"))
        scores = continuation.cross_validate_set(a, convs, rows, 5)
        misses = scores.pop("misses")
        print(f"TEAMDIAL t{n}", scores, f"({time.time() - t0:.0f}s)", flush=True)
        if "--dfail" in sys.argv and f"teamq{n}" in READABLE:
            for m in misses:
                print("TDMISS", json.dumps(m, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main([a for a in sys.argv[1:] if a.isdigit()])
