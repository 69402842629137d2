"""The made-up CROSS-article dialogues only (issue 24, session 14), for classing their misses fast:
the cross-article dialogues of `dialogues.make`, read with the continuation model CV by article (as
`continuation.cross_validate`), each second turn classed by how it went wrong — declined, answered
from the OLD article (the first turn's), from a THIRD article, the right article with another span —
and by what the message swaps in. Counts for every dialogue by the split of its two articles; the text
of a miss is printed ONLY when both articles are in the FIRST split (filtered before printing).

The continuation rows (`continuation.rows`, ~5 min) are cached in ROWS (a file) when given and
reused: for quick comparisons while the continuation features do not change; the final numbers come
from tools/dial_misses.py, which makes them afresh.

Also classed, counts only: `gen` — the first question names a place / company / ordinal / year the second
does not name and its article does not hold (the generator's defect that `dialogues.unsaid_values`
now leaves out), and a broken asking phrase ("vào nào"); `clean` / `artefact` by the first;
`cleanmiss` — for a clean miss, where the right article ranks and which values of the understood
question it lacks.

ROOT=<tree> EXPDATA=<dir> [ROWS=/tmp/rows.json] .venv/bin/python tools/dial_cross.py [--print]"""
import json, os, re, sys, time
from collections import Counter
from pathlib import Path

from workbench import DEV, ROOT, answerer, arg, shown  # noqa: E402,F401  (first: puts ROOT on the path)
from retrieval.evaluation.evaluate import load_questions
from retrieval.fitting.folds import bucket
from retrieval.fitting.scoring import reply_holds
from retrieval.conversation import continuation, dialogues, followup, parts
from knowledge.text import fold, folded_words

a = answerer()
qs = load_questions(DEV / "questions.jsonl")
first_split = set(json.loads((DEV / "splits.json").read_text())["first"])
from bot.commands import _titles

titles = _titles(a)
cache = Path(os.environ["ROWS"]) if os.environ.get("ROWS") else None
if cache and cache.exists():
    rs = json.loads(cache.read_text())
else:
    t0 = time.time()
    rs = continuation.rows(a, dialogues.turns(qs, titles))
    print(f"rows {len(rs)} fresh {sum(r['label'] == 0 for r in rs)} ({time.time() - t0:.0f}s)", flush=True)
    if cache:
        cache.write_text(json.dumps(rs))
k = 5
models = {f: continuation.fit([r for r in rs if bucket(r["group"], k) != f]) for f in range(k)}


def swapped(q1: str, msg: str) -> str:
    """What the message names that the first question does not (the kinds only, no text)."""
    v = followup.new_values(q1, msg)
    kinds = [n for n, x in (("year", v.years), ("ordinal", v.ordinal), ("place", v.place), ("company", v.company),
                            ("term", v.term), ("unit", v.unit)) if x]
    if followup.person_of(q1, msg):
        kinds.append("person")
    return "+".join(kinds) or "none"


def names_nothing_new(q1: str, aid1: str, msg: str) -> bool:
    """Generator check: the message swaps no value in and every topic syllable it has was already
    said by the first question or its article's title — nothing in it points at another article."""
    if swapped(q1, msg) != "none":
        return False
    said = set(folded_words(f"{q1} {titles.get(aid1, '')}").split())
    return set(followup.topic_terms(msg)) <= said


counts, printable = Counter(), []
dialogues_second = {}  # a cross dialogue's id -> its second question as written (before shortening)
_orig = {(c["first"]["question"], c["message"]): c["second"]["question"] for c in dialogues.cross_turns(qs, titles)}
for d in dialogues.make(qs, titles):
    if len(d["turns"]) == 2 and d["turns"][1].get("cross"):
        dialogues_second[d["id"]] = _orig[(d["turns"][0]["question"], d["turns"][1]["question"])]
for d in dialogues.make(qs, titles):
    if len(d["turns"]) != 2 or not d["turns"][1].get("cross"):
        continue
    article = d["id"].rsplit("#", 1)[0]
    model = models[bucket(article, k)]
    t1, t = d["turns"]
    arts = [t1["article_id"], t["article_id"]]
    side = "first" if all(x in first_split for x in arts) else ("mixed" if set(arts) & first_split else "second")
    r1 = continuation.read(a, t1["question"], None, model=model)
    reading = continuation.read(a, t["question"], r1.topic, model=model)
    ans = reading.timed.answer
    ok = bool(ans.found and ans.ranked and ans.ranked[0] == t["article_id"] and reply_holds(ans, t["answer"]))
    how = ("pb-" if followup.points_back(t["question"]) else "") + ("combined" if reading.understood else "alone")
    top = ans.ranked[0] if ans.ranked else None
    what = ("right" if ok else "declined" if not ans.found else "old_article" if top == arts[0]
            else "third_article" if top != arts[1] else "wrong_span")
    sw = swapped(t1["question"], t["question"])
    nothing = names_nothing_new(t1["question"], arts[0], t["question"])
    in3 = t["article_id"] in (ans.ranked or [])[:3]
    held = parts.held_by(reading.understood or t["question"], a.article_text(t["article_id"]))
    v1, v2 = parts.values(t1["question"]), parts.values(dialogues_second[d["id"]])
    textb = a.article_text(arts[1])
    kept_old = [n for n, x in (("place", v1.place and not v2.place and not parts.held_by(v1.place, textb)),
                               ("company", v1.company and not v2.company and not parts.held_by(f"công ty {v1.company}", textb)),
                               ("ordinal", v1.ordinal and not v2.ordinal and not parts.held_by(f"lần thứ {v1.ordinal}", textb)),
                               ("year", v1.years and not v2.years and not parts.held_by(" ".join(v1.years[:1]), textb))) if x]
    broken = bool(re.search(r"(?<!\w)(?:vao|ra|to chuc|dien ra|la|o)\s+nao(?!\w)", fold(t["question"]).lower())) or \
        bool(re.match(r"^(?:con\s+)?nao(?!\w)", fold(t["question"]).lower()))
    counts[("gen", "old_value_B_lacks:" + ("+".join(kept_old) or "-"), "broken_asking" if broken else "-", what)] += 1
    counts[("q1years", min(len(v1.years), 2), sw, what)] += 1
    counts[("swxhow", sw, how, what)] += 1
    counts[("clean" if not kept_old else "artefact", sw, how, what)] += 1
    if not ok and not kept_old:
        u = parts.values(reading.understood or t["question"])
        hay = folded_words(textb)
        lacks = [n for n, x in (("years", any(not re.search(rf"(?<!\d){y}(?!\d)", hay) for y in u.years)),
                                ("ordinal", bool(parts.missing_ordinals(fold(reading.understood or t["question"]).lower(), hay))),
                                ("place", u.place and not parts.held_by(u.place, textb)),
                                ("company", u.company and not parts.held_by(f"công ty {u.company}", textb))) if x]
        counts[("cleanmiss", sw, how, what, "B_first" if top == arts[1] else ("B_top3" if in3 else "B_out"),
                "understood_years=%d" % len(u.years), "B_lacks:" + ("+".join(lacks) or "-"))] += 1
    counts[("all", side, what)] += 1
    counts[("how", how, what)] += 1
    counts[("swap", sw, what)] += 1
    if nothing:
        counts[("names_nothing_new", what)] += 1
    if not ok:
        counts[("miss", how, what, "right_in_top3" if in3 else "right_not_top3",
                "right_holds" if held else "right_lacks", (ans.reason or "")[:40] if not ans.found else "")] += 1
    if not ok and not reading.understood:  # read alone: how would the topic's reading have gone?
        _, _, wt = continuation._with_topic(a, t["question"], r1.topic)
        c = wt.answer
        c_ok = bool(c.found and c.ranked and c.ranked[0] == arts[1] and reply_holds(c, t["answer"]))
        counts[("alone_miss_combined", how, what, "combined_right" if c_ok else
                ("combined_declined" if not c.found else "combined_B" if c.ranked[0] == arts[1] else
                 "combined_old" if c.ranked[0] == arts[0] else "combined_third"))] += 1
    if not ok and side == "first":
        printable.append({"how": how, "what": what, "swap": sw, "q1": t1["question"], "a1": arts[0], "msg": t["question"],
                          "exp": t["answer"], "aid": arts[1], "understood": reading.understood, "got": (ans.ranked or [])[:3],
                          "span": shown(ans, ans.span), "sent": shown(ans, (ans.sentence or "")[:220]),
                          "reason": ans.reason})
tot = Counter()
for key, n in counts.items():
    if key[0] == "all":
        tot[(key[1], key[2] == "right")] += n
r = sum(tot[(x, True)] for x in ("first", "mixed", "second"))
n = sum(tot.values())
print("CROSS", " ".join(f"{x} {tot[(x, True)]}/{tot[(x, True)] + tot[(x, False)]}" for x in ("first", "mixed", "second")),
      f"total {r}/{n} {r / n:.3f}")
for key, c in sorted(counts.items(), key=lambda kv: tuple(map(str, kv[0]))):
    print("COUNT", key, c)
if "--print" in sys.argv:
    for p in printable:
        print("MISS", json.dumps(p, ensure_ascii=False))
