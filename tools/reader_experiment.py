"""Issue 23, item 3: a fitted reader for the sentence choice, fitted on synthetic questions —
measured, not kept (docs/quality.md has the numbers). This script reproduces the measurement.

The reader is a conditional logit (a softmax over each article's sentences) over named features
of every option `answering/choose.py` builds: the hand score's parts and their ranks within the
article, position, the share of the question's syllable pairs the sentence holds, and how many of
the question's topic syllables sit within a few words of the sentence's span of the asked kind.
It is fitted on synthetic questions made from every article's own sentences
(`retrieval/answering/reader_data.py`) plus the first split's dev questions, and it rescales the
hand score: hand · exp(share · (u − max u)) within each article read.

    ROOT=<worktree> <worktree>/.venv/bin/python tools/reader_experiment.py DATA_DIR MODELS_DIR [DEV_DIR]

DATA_DIR: a data directory of your own (the knowledge base of the dev articles is built there on the
first run); DEV_DIR defaults to ../shared/data/dev. Prints, per variant, the lines of the lead's
harness: CV on the first split (the fit side), CV on all 126 articles, transfer first → second.
"""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(os.environ.get("ROOT", Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(ROOT))

from bot.settings import Settings  # noqa: E402
from knowledge.text import fold  # noqa: E402
from retrieval.answering import answer as answer_mod, choose  # noqa: E402
from retrieval.answering.choose import NEEDS_SPAN, closeness  # noqa: E402
from retrieval.answering.decision import calibration_fit  # noqa: E402
from retrieval.answering.reader_data import articles_of, synthetic_questions  # noqa: E402
from retrieval.answering.spans import extract_span  # noqa: E402
from retrieval.evaluation.evaluate import cross_validated, load_questions, score, split_of, transferred  # noqa: E402
from retrieval.fitting.logistic import vector  # noqa: E402
from retrieval.fitting.scoring import compared_form  # noqa: E402
from retrieval.index.search import content_terms, search  # noqa: E402
from retrieval.params import ARTICLE_SHARPNESS, ARTICLES_READ  # noqa: E402
from retrieval.service import Answerer  # noqa: E402

NEAR_WORDS = 8  # "near the span": within this many words either side (a clause)

READER_FEATURES = ["dense", "lex", "cos", "fit", "close", "hand", "hand_rel", "cos_gap", "hand_first",
                   "dense_first", "lex_first", "pos", "lede", "q_share", "fit_needs", "pairs", "near", "has_span"]

def local(question: str, qtype: str, text: str, terms: set[str]) -> dict:
    """How the sentence's span of the asked kind sits among the question's words: the share of the
    question's topic syllables within a few words of it (a sentence may share the question's
    words far from its span), and the share of the question's syllable pairs the sentence holds
    in order."""
    folded = fold(text.lower())
    words = folded.split()
    qwords = fold(question.lower()).split()
    pairs = {(a, b) for a, b in zip(qwords, qwords[1:]) if a in terms or b in terms}
    have = set(zip(words, words[1:]))
    out = {"pairs": len(pairs & have) / len(pairs) if pairs else 0.0, "near": 0.0, "has_span": 0.0}
    span = extract_span(qtype, text, question)
    if span and terms:
        at = len(text[:text.find(span)].split()) if span in text else 0
        width = len(span.split())
        around = set(words[max(0, at - NEAR_WORDS):at]) | set(words[at + width:at + width + NEAR_WORDS])
        out.update(near=len(terms & around) / len(terms), has_span=1.0)
    return out


def features(res, opts: list, hand: np.ndarray) -> list[dict]:
    """Named features of each option of one article (the hand score's parts and its context)."""
    if not opts:
        return []
    terms = set(content_terms(res.query.text))
    cos = np.array([o.feats["cos"] for o in opts])
    dense = np.array([o.feats["dense"] for o in opts])
    lex = np.array([o.feats["lex"] for o in opts])
    top_hand = float(hand.max()) or 1e-9
    needs = float(res.query.qtype in NEEDS_SPAN)
    out = []
    n = len(opts)
    for k, o in enumerate(opts):
        words = set(fold(o.text.lower()).split())
        out.append({
            "dense": o.feats["dense"], "lex": o.feats["lex"], "cos": o.feats["cos"], "fit": o.feats["fit"],
            "close": closeness(o), "hand": float(hand[k]), "hand_rel": float(hand[k]) / top_hand,
            "cos_gap": float(cos[k] - cos.max()), "hand_first": float(k == int(np.argmax(hand))),
            "dense_first": float(k == int(np.argmax(dense))), "lex_first": float(k == int(np.argmax(lex))),
            "pos": k / max(1, n - 1), "lede": float(k == 0),
            "q_share": len(terms & words) / len(terms) if terms else 0.0,
            "fit_needs": o.feats["fit"] * needs,
            **local(res.query.text, res.query.qtype, o.text, terms)})
    return out


def fit_conditional(X: np.ndarray, y: np.ndarray, group: np.ndarray, l2: float = 0.3, steps: int = 400,
                    rate: float = 0.5) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Weights of a conditional logit (softmax over each group's rows, the right rows sharing the
    mass), by plain gradient descent from zero on standardised features; rows of a group together."""
    mean, scale = X.mean(0), X.std(0)
    scale[scale == 0] = 1.0
    Z = (X - mean) / scale
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    idx = np.repeat(np.arange(len(starts)), np.diff(np.r_[starts, len(group)]))
    right = np.add.reduceat(y, starts)[idx]
    w = np.zeros(Z.shape[1])
    for _ in range(steps):
        s = Z @ w
        s = np.exp(s - np.maximum.reduceat(s, starts)[idx])
        p = s / np.add.reduceat(s, starts)[idx]
        w -= rate * (Z.T @ (p - y / right) + l2 * w) / len(starts)
    return w, mean, scale


def rows(index, embedder, questions: list[dict]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each question searched; the options of each article read that holds both right and wrong ones."""
    X, y, group = [], [], []
    for n, q in enumerate(questions):
        if not q.get("article_id") or not q.get("answer"):
            continue
        res = search(index, embedder, q["question"])
        want = compared_form(q["answer"])
        for j, (aid, _) in enumerate(res.article_ranking[:ARTICLES_READ]):
            opts = choose.options(index, res, aid)
            labels = [float(want in compared_form(o.text)) for o in opts]
            if 0 < sum(labels) < len(labels):
                X += [vector(f, READER_FEATURES) for f in features(res, opts, choose.scores(opts))]
                y += labels
                group += [n * ARTICLES_READ + j] * len(labels)
    return np.array(X), np.array(y), np.array(group)


def with_reader(model, share: float):
    """answer.reading_order with each article's scores rescaled by the reader."""
    w, mean, scale = model

    def reading_order(index, res):
        ranking = list(res.article_ranking)
        read = []
        for aid, sc in ranking[:ARTICLES_READ]:
            opts = choose.options(index, res, aid)
            hand = choose.scores(opts)
            if opts:
                u = ((np.array([vector(f, READER_FEATURES) for f in features(res, opts, hand)]) - mean) / scale) @ w
                hand = hand * np.exp(share * (u - u.max()))
            read.append((sc, opts, hand))
        top = read[0][0] or 1e-9
        worth = [(s / top) ** ARTICLE_SHARPNESS * (float(h.max()) if o else 0.0) for s, o, h in read]
        best = max(range(len(read)), key=lambda k: (worth[k], -k))
        if best:
            ranking.insert(0, ranking.pop(best))
        return ranking, read[best][1], read[best][2]
    return reading_order


def main() -> None:
    data, models = Path(sys.argv[1]), Path(sys.argv[2])
    dev = Path(sys.argv[3]) if len(sys.argv) > 3 else ROOT.parent / "shared/data/dev"
    fresh = not data.exists()
    a = Answerer(Settings(data_dir=data, model_cache_dir=models))
    if fresh:
        a.ingest([dev / "articles"], progress=False)
    a.warm()
    ix, emb = a.index, a.embedder
    qs = load_questions(dev / "questions.jsonl")
    splits = json.loads((dev / "splits.json").read_text(encoding="utf-8"))
    sides = split_of(qs, splits)
    made = synthetic_questions(articles_of(ix))
    first = [q for q in qs if q.get("article_id") in set(splits["first"])]
    X, y, g = rows(ix, emb, made + first)
    model = fit_conditional(X, y, g)
    print(f"{len(made)} synthetic + {len(first)} first-split questions: {len(set(g.tolist()))} choices, {len(y)} options")
    print({f: round(float(v), 2) for f, v in zip(READER_FEATURES, model[0])})
    original = answer_mod.reading_order
    for share, close in [(0.0, 0.9), (0.43, 0.9), (0.43, 0.7), (0.25, 0.8), (1.0, 0.7)]:
        answer_mod.reading_order = with_reader(model, share) if share else original
        choose.CLOSE_CALL = close
        answered = [(a.hoidap.settle(q["question"], ix, r, answer_mod.answer(ix, r)), 0.0)
                    for q, r in ((q, search(ix, emb, q["question"])) for q in qs)]
        cva = cross_validated(qs, answered, 5, calibration_fit)
        keep = [s == "first" for s in sides]
        for name, r in (("CV-first", score([q for q, k in zip(qs, keep) if k], [x for x, k in zip(cva, keep) if k])),
                        ("CV", score(qs, cva, folds=5)), ("TRANSFER", transferred(qs, answered, sides, calibration_fit))):
            o, v = r["overall"], r["by_variant"]
            print(f"share {share} close {close} {name:8s} reply {o['answer_in_reply']:.3f} first {o['answer_in_first']:.3f} "
                  f"two {o['two_shown']:.3f} plain {v['plain']['answer_in_reply']:.3f} nodia {v['no_diacritics']['answer_in_reply']:.3f} "
                  f"para {v['paraphrase']['answer_in_reply']:.3f} declined {o['declined_unanswerable']:.3f} "
                  f"false {o['false_decline']:.3f} at1 {o['article@1']:.3f}", flush=True)
    answer_mod.reading_order = original


if __name__ == "__main__":
    main()
