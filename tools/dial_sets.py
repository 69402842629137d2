"""The team sets' dialogue lines (TEAMDIAL, as tools/team.py --dial prints them) for many sets in one process, in
seconds a set instead of minutes: the continuation model's rows are made once, on the first set's knowledge base
(team.py makes them on each set's own; the lines have matched to the third decimal on teamq15-22), and each set is
scored by conversation folds on its own knowledge base. For comparing a conversation change before/after; the
numbers reported at a session's end come from tools/team.py --dial. Misses print only for READABLE sets (--dfail);
every set's misses are counted by kind and how they went wrong (`dialogues.misses_by_how`), its declines by the kind
of evidence (`workbench.reason_kind`): counts only.

ROOT=<tree> [KBS=/work/expdata_t{n}] [ROWS=<pickle cache of the rows>] .venv/bin/python tools/dial_sets.py 15 16 17 … [--dfail]
KBS names each set's knowledge base ({n} = the set's number); one that does not exist is built there first. The ROWS
cache is keyed to the code and the first set (`rows_key`): rows made by other code are made again, not reused."""
import hashlib
import json
import os
import pickle
import sys
import time
from collections import Counter
from pathlib import Path

from workbench import DEV, READABLE, reason_kind, team_answerer  # noqa: E402  (first: puts ROOT on the path)
from bot.commands import _titles
from retrieval.conversation import continuation, dialogues
from retrieval.evaluation.evaluate import load_questions, split_of

TEAM = Path(__file__).resolve().parent.parent / "tests" / "data" / "team"
KBS = os.environ.get("KBS", "/work/expdata_t{n}")


def rows_key(first_set: str, root: Path = Path(__file__).resolve().parent.parent, also: tuple[Path, ...] = ()) -> str:
    """What the continuation model's rows depend on: every source and data file of retrieval/ and knowledge/ (the rows
    are features of asks, so an answering change changes them as much as a conversation change does), the set whose
    knowledge base they are made on, and `also` (the dev questions and split they are made of). A content hash, so
    uncommitted edits count too. Changes no line, only whether kept rows are reused (a tool's cache: no unit test)."""
    digest = hashlib.sha1(f"set {first_set}".encode())
    files = [f for folder in ("retrieval", "knowledge") for f in sorted((root / folder).rglob("*"))
             if f.is_file() and f.suffix in (".py", ".json", ".tsv", ".txt", ".sql")]
    for f in files + [f for f in also if f.is_file()]:
        digest.update(str(f.relative_to(root) if f.is_relative_to(root) else f).encode())
        digest.update(f.read_bytes())
    return digest.hexdigest()


def cached_rows(cache: Path | None, key: str, make) -> list:
    """The rows kept in `cache` when they were made under `key`, else `make()` (kept there with the key)."""
    if cache and cache.exists():
        kept = pickle.loads(cache.read_bytes())
        if isinstance(kept, dict) and kept.get("key") == key:
            return kept["rows"]
        print(f"ROWS {cache}: made by other code or on another set, made again", flush=True)
    rows = make()
    if cache:
        cache.write_bytes(pickle.dumps({"key": key, "rows": rows}))
    return rows


def after_miss_by_turn(misses: list[dict]) -> dict[str, int]:
    """The turns missed "after a miss" counted by how the turn before them was missed and whether they were themselves
    answered or declined ("declined elsewhere → answered"): which misses the next turn inherits. Counts only."""
    before = {(m["conversation"], m["turn"]): m["how"] for m in misses}
    counts = Counter(f"{before.get((m['conversation'], (m['turn'] or 0) - 1), '?')} → "
                     f"{'answered' if m['found'] else 'declined'}"
                     for m in misses if m["how"] == "after a miss")
    return dict(counts.most_common())


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
            key = rows_key(n, also=(DEV / "questions.jsonl", DEV / "splits.json"))
            rows = cached_rows(cache, key, lambda: continuation.rows(a, dialogues.turns(dev, _titles(a))))
        convs = dialogues.conversations(load_questions(TEAM / f"teamq{n}" / "dialogues.jsonl"))
        scores = continuation.cross_validate_set(a, convs, rows, 5)
        misses = scores.pop("misses")
        print(f"TEAMDIAL t{n}", scores, f"({time.time() - t0:.0f}s)", flush=True)
        print(f"TEAMDIAL t{n} by how", dialogues.misses_by_how(misses), flush=True)
        print(f"TEAMDIAL t{n} after a miss by the missed turn", after_miss_by_turn(misses), flush=True)
        declined = Counter(reason_kind(m["reason"]) for m in misses if m["how"].startswith("declined"))
        print(f"TEAMDIAL t{n} declines by reason", dict(declined.most_common()), flush=True)
        if "--dfail" in sys.argv and f"teamq{n}" in READABLE:
            for m in misses:
                print("TDMISS", json.dumps(m, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main([a for a in sys.argv[1:] if a.isdigit()])
