"""Issue 23 item 3 (b): the added latency of the span head's joint encodes, through the serving
engine (ONNX Runtime, the same graph cost as one that also returns token states): per question,
the CANDIDATES top sentences of the article read first encoded with the question as one batch,
against the question's own encode, interleaved in one process.

    ROOT=<worktree> EXPDATA=<data dir> .venv/bin/python tools/span_head_latency.py [K ...]
"""
import os, sys, time
from pathlib import Path
import numpy as np
ROOT = Path(os.environ.get("ROOT", Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(ROOT))
from bot.settings import Settings  # noqa: E402
from retrieval.answering import answer as answer_mod  # noqa: E402
from retrieval.evaluation.evaluate import load_questions  # noqa: E402
from retrieval.index.search import search  # noqa: E402
from retrieval.service import Answerer  # noqa: E402

data = Path(os.environ.get("EXPDATA", "/work/expdata"))
cache = Path(os.environ.get("MODELS", "/work/main/.cache/models"))  # as tools/harness.py
a = Answerer(Settings(data_dir=data, model_cache_dir=cache.resolve() if cache.exists() else None, llm_url=""))
a.warm()
ix, emb = a.index, a.embedder
print("engine", emb.engine.name)
qs = load_questions(Path(os.environ.get("DEV", ROOT.parent / "shared/data/dev")) / "questions.jsonl")[::4]
ks = [int(k) for k in sys.argv[1:]] or [1, 2, 3]
t_q, t_k = [], {k: [] for k in ks}
for q in qs:
    res = search(ix, emb, q["question"])
    _, opts, scores, _ = answer_mod.reading_order(ix, res)
    if not opts:
        continue
    order = np.argsort(-scores, kind="stable")
    emb.forget_questions(); t0 = time.perf_counter(); emb.query(q["question"]); t_q.append((time.perf_counter() - t0) * 1000)
    for k in ks:
        texts = [f"query: {q['question']} passage: {opts[int(i)].text}" for i in order[:k]]
        t0 = time.perf_counter(); emb.engine.encode(texts); t_k[k].append((time.perf_counter() - t0) * 1000)
print(f"{len(t_q)} questions; question encode p50 {np.percentile(t_q, 50):.1f} p95 {np.percentile(t_q, 95):.1f} ms")
for k in ks:
    print(f"K={k} joint encodes: p50 {np.percentile(t_k[k], 50):.1f} p95 {np.percentile(t_k[k], 95):.1f} ms")
