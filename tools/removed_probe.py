"""Issue 23 item 4 (session 24, helper D): a realistic unanswerable question — the answer taken out.

Every answerable question of a READ source becomes an unanswerable one of the kind the unread sets miss most ("the
article is the right event but does not give the detail asked") when its article loses every sentence that holds the
expected answer and no other article of the knowledge base holds it. For each such question the article is laid
over the built index without those sentences — through the product's own live-edit path (`index.overlay.apply`, the
way an edited article goes live: only that article's passages and sentences change, their vectors from the store's
cache) — and the question is asked again. Reported: the share declined, by the question's type and by the evidence
that declined it (`model`: the fitted decision; `hard`: evidence against the candidate, by reason kind; `nospan`: no
sentence holds a span of the asked kind); of the ones answered, how many from the same (shortened) article.

Written by real people, in hundreds per source, and recomputable by anyone without reading an unread set: a yardstick
for the decline of "a detail the article does not give". Skipped (counted): questions whose answer is in the title,
is written in no sentence as typed (a date in another form), or is held by another article too.

    ROOT=<tree> EXPDATA_FIRST=<a team KB: 52 first-split articles + a set's> .venv/bin/python tools/removed_probe.py dev
        [--out ROWS.jsonl]
    ROOT=<tree> EXPDATA_FIRST=<team KB> .venv/bin/python tools/removed_probe.py <TEAMQ dir> [--out ROWS.jsonl]
"dev": the dev set's FIRST-split questions, on a knowledge base of first-split articles only (a team KB): no
second-split text is read. A TEAMQ dir must be a READABLE set (`workbench.readable_team`). --out writes one row per
question asked (as it is and with the answer taken out: question, type, found, holds, span, shown sentence, features,
evidence) for `tools/pair_scorer.py`.
"""
import dataclasses
import json
import os
import re
import sys
from collections import Counter
from pathlib import Path

from workbench import DEV, answerer, arg, first_split, readable_team, reason_kind  # noqa: E402  (first: ROOT on path)
from knowledge.text import fold, paragraphs, split_sentences
from retrieval.answering.decision import candidate
from retrieval.evaluation.evaluate import load_questions, split_of
from retrieval.fitting.scoring import compared_form, reply_holds
from retrieval.index import overlay
from retrieval.index.search import search


class WithoutAnswer:
    """The store as `overlay.apply` reads it, with one article changed: its passages less the given sentences.
    Vectors come from the real store's cache (the sentences kept are embedded already); none are written."""

    def __init__(self, store, article_id: str, chunks: list):
        self.store, self.article_id, self._chunks = store, article_id, chunks
        self.revision = store.revision

    def changes_since(self, revision: int):
        return [self.article_id], []

    def article(self, article_id: str):
        return self.store.article(article_id)

    def chunks(self, article_id=None):
        return self._chunks if article_id == self.article_id else self.store.chunks(article_id)

    def faq_entries(self):
        return self.store.faq_entries()

    def vectors(self, model, digests):
        return self.store.vectors(model, digests)

    def put_vectors(self, model, items):
        pass


_DAY = re.compile(r"(?<!\d)\d{1,2}/\d{1,2}(?:/\d{2,4})?(?!\d)")


def loose(text: str) -> str:
    """Lower case, accents folded, a number's leading zeros dropped ("22/09/2023" as "22/9/2023")."""
    return re.sub(r"(?<!\d)0+(?=\d)", "", fold(compared_form(text)))


def bounded(answer: str) -> re.Pattern:
    """`answer` (in `loose` form) as a whole: not inside a longer word or number — "5" is not held by "2025", "15" or
    "5.000", "Hà" not by "Hàm"; an edge that is no letter or digit ("5%") needs no bound."""
    head = r"(?<!\w)(?<!\d[.,])" if answer[:1].isalnum() else ""
    tail = r"(?!\w)(?![.,]\d)" if answer[-1:].isalnum() else ""
    return re.compile(head + re.escape(answer) + tail)


def holds(text: str, answer: str, by_day: bool = True) -> bool:
    """`text` gives `answer` as a whole (`bounded`), as typed or in another form: accents or leading zeros aside, or
    (`by_day`, a date) a day of the answer's written as d/m(/y) whose numbers are all the answer's ("22/09/2023" for
    "21 và 22/9/2023")."""
    said = bool(loose(answer)) and bounded(loose(answer)).search(loose(text)) is not None
    if said or not by_day:
        return said
    numbers = set(re.findall(r"\d+", loose(answer)))
    return len(numbers) >= 2 and any(set(re.findall(r"\d+", loose(d))) <= numbers for d in _DAY.findall(text))


def without(text: str, answer: str) -> tuple[str, int]:
    """`text` less every sentence (as `knowledge.text.split_sentences` cuts them) holding `answer`; how many went."""
    gone, pars = 0, []
    for par in paragraphs(text):
        kept = []
        for s in split_sentences(par):
            if holds(s, answer):
                gone += 1
            else:
                kept.append(s)
        if kept:
            pars.append(" ".join(kept))
    return "\n".join(pars), gone


def removed_index(a, base, aid: str, answer: str):
    """The index with article `aid` shortened by the sentences holding `answer` (None: none holds it)."""
    store = a.keeper.store
    chunks, gone = [], 0
    for c in store.chunks(aid):
        text, n = without(c.text, answer)
        gone += n
        if text.strip():
            chunks.append(dataclasses.replace(c, text=text))
    if not gone or not chunks:
        return None
    return overlay.apply(base, WithoutAnswer(store, aid, chunks), a.embedder)


def evidence(ans) -> str:
    """What declined an answer: the fitted model, hard evidence against the candidate, or no span of the kind."""
    if ans.found:
        return "answered"
    if ans.features is not None:
        return "model"
    return "hard" if ans.candidate is not None else "nospan"


def option_feats(c) -> dict:
    """The chosen sentence's own option scores (`choose.Option.feats`), and each one's best over the article's
    sentences (`best_*`) and the chosen one's rank by the question's cosine (`cos_rank`, 0 first)."""
    opts = c.options or []
    chosen = next((o for o in opts if o.text == c.sentence), None)
    if chosen is None:
        return {}
    out = {k: float(v) for k, v in chosen.feats.items() if isinstance(v, (int, float))}
    for k in list(out):
        out[f"best_{k}"] = max(float(o.feats.get(k, 0.0)) for o in opts)
    out["cos_rank"] = float(sum(o.feats["cos"] > chosen.feats["cos"] for o in opts))
    out["n_options"] = float(len(opts))
    return out


def row(q, ans, form: str, dense: str) -> dict:
    c = candidate(ans)
    exp = q.get("answer")
    return {"id": q["id"], "form": form, "question": q["question"], "dense": dense, "type": q.get("type"),
            "article_id": q.get("article_id"), "answer": exp, "found": ans.found,
            "holds": bool(exp) and reply_holds(c, exp),
            "holds_loose": bool(exp) and holds(f"{c.span or ''} {c.shown_sentence if c.sentence else ''}", exp),
            "at1": ans.ranked[:1] == [q.get("article_id")], "evidence": evidence(ans), "reason": reason_kind(ans.reason),
            "span": c.span, "sentence": c.sentence, "shown": c.shown_sentence if c.sentence else None,
            "features": c.features if ans.found or ans.features is not None else None,
            "option": option_feats(c) if c.sentence else {}}


def main():
    src = sys.argv[1]
    a = answerer(Path(os.environ["EXPDATA_FIRST"]))
    if src == "dev":
        qs = load_questions(DEV / "questions.jsonl")
        first = first_split()
        qs = [q for q, s in zip(qs, split_of(qs, json.loads((DEV / "splits.json").read_text()))) if s == "first"]
        assert all(not q.get("article_id") or q["article_id"] in first for q in qs)
    else:
        readable_team(src)
        qs = load_questions(Path(src) / "questions.jsonl")
    base = a.index
    texts = {aid: base.text_of(aid) for aid in base.articles}
    out = open(arg("--out", "/dev/null"), "w")
    skipped, made, declined, by_type, by_ev, same = Counter(), Counter(), Counter(), Counter(), Counter(), Counter()
    for q in qs:
        ans = a.ask(q["question"]).answer
        dense = search(base, a.embedder, q["question"]).query.dense_text  # as the question is embedded
        out.write(json.dumps(row(q, ans, "asis", dense), ensure_ascii=False) + "\n")
        aid = q.get("article_id")
        if not aid or aid not in base.articles:
            continue
        if holds(base.articles[aid].get("title", ""), q["answer"]):
            skipped["in title"] += 1
            continue
        if any(holds(t, q["answer"], by_day=False) for other, t in texts.items() if other != aid):
            skipped["another article holds it"] += 1
            continue
        ix = removed_index(a, base, aid, q["answer"])
        if ix is None:
            skipped["no sentence holds it as typed"] += 1
            continue
        with a.keeper.serving_for_a_while(ix):
            gone = a.ask(q["question"]).answer
        out.write(json.dumps(row(q, gone, "removed", dense), ensure_ascii=False) + "\n")
        t = q.get("type", "other")
        made[t] += 1
        declined[t] += not gone.found
        ev = evidence(gone)
        by_ev[ev if ev != "hard" else f"hard: {reason_kind(gone.reason)}"] += 1
        if gone.found:
            same["same article" if gone.ranked[:1] == [aid] else "another article"] += 1
    n, d = sum(made.values()), sum(declined.values())
    print(f"REMOVED {Path(src).name}: {n} made, declined {d}/{n} = {d / max(n, 1):.3f}; skipped {dict(skipped)}")
    print("REMOVED by type", {t: f"{declined[t]}/{made[t]}" for t in sorted(made, key=lambda t: -made[t])})
    print("REMOVED by evidence", dict(by_ev.most_common()))
    print("REMOVED answered from", dict(same))


if __name__ == "__main__":
    main()
