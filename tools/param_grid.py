"""Scores several values of one number of retrieval/params.py from one warm Answerer: the model and the knowledge
base load once (most of a harness / team.py run), then every question is asked again per value. The number is
set on every loaded module that imported it by name (`from ..params import GATE`), so only numbers read at
call time can be gridded (not ones baked into a default argument or a module-level table).

  dev:  ROOT=<tree> EXPDATA=<dir> .venv/bin/python tools/param_grid.py GATE 0.15,0.25,0.35
        prints per value FIRST (the CV answers of first-split questions: harness --fail's side, the one to
        choose on), then the CV and TRANSFER lines (TRANSFER only to judge, never to choose).
  team: ROOT=<tree> TEAMQ=<set> EXPDATA_FIRST=<dir> .venv/bin/python tools/param_grid.py GATE 0.15,0.25 --team
        prints per value the TEAM line of tools/team.py (aggregates only: safe for an unread set)."""
import json
import os
import sys
from pathlib import Path

from workbench import DEV, answerer  # noqa: E402  (first: puts ROOT on the path)
from retrieval.answering.decision import calibration_fit
from retrieval.evaluation.evaluate import cross_validated, load_questions, score, split_of, transferred


def set_everywhere(name: str, value) -> int:
    """`name` = `value` in retrieval.params and in every loaded project module holding it; how many modules."""
    n = 0
    for mod_name, mod in list(sys.modules.items()):
        if mod is not None and mod_name.split(".")[0] in ("retrieval", "bot") and hasattr(mod, name):
            setattr(mod, name, value)
            n += 1
    return n


def line(name: str, r: dict) -> str:
    o, v, st = r["overall"], r["by_variant"], r["by_style"]
    return (f"{name} reply {o['answer_in_reply']:.3f} first {o['answer_in_first']:.3f} "
            + " ".join(f"{k} {s['answer_in_reply']:.3f}" for k, s in v.items() if k != "unanswerable")
            + f" chat {st.get('chat', {}).get('answer_in_reply')} decl {o['declined_unanswerable']:.3f} "
              f"false {o['false_decline']:.3f} at1 {o['article@1']:.3f} n {o.get('n', len(r['rows']))}")


def main() -> None:
    name, values = sys.argv[1], [float(x) for x in sys.argv[2].split(",")]
    team_mode = "--team" in sys.argv
    dev = load_questions(DEV / "questions.jsonl")
    splits = json.loads((DEV / "splits.json").read_text())
    sides = split_of(dev, splits)
    if team_mode:
        a = answerer(Path(os.environ["EXPDATA_FIRST"]))
        firsts = [q for q, s in zip(dev, sides) if s == "first"]
        team = load_questions(Path(os.environ["TEAMQ"]) / "questions.jsonl")
        qs, qsides = firsts + team, ["first"] * len(firsts) + ["second"] * len(team)
    else:
        a = answerer(Path(os.environ["EXPDATA"]))
        qs, qsides = dev, sides
    for val in values:
        mods = set_everywhere(name, val)
        answered = [(a.ask(q["question"]).answer, 0.0) for q in qs]
        tag = f"{name}={val:g}"
        if team_mode:
            print(line(f"{tag} TEAM", transferred(qs, answered, qsides, calibration_fit)), flush=True)
            continue
        cva = cross_validated(qs, answered, 5, calibration_fit)
        keep = [s == "first" for s in sides]
        first_qs = [q for q, k in zip(qs, keep) if k]
        first_ans = [x for x, k in zip(cva, keep) if k]
        print(line(f"{tag} FIRST", score(first_qs, first_ans)), f"(set in {mods} modules)", flush=True)
        print(line(f"{tag} CV", score(qs, cva, folds=5)), flush=True)
        print(line(f"{tag} TRANSFER", transferred(qs, answered, sides, calibration_fit)), flush=True)


if __name__ == "__main__":
    main()
