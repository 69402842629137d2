"""Knowledge bases of 1k, 10k, 100k articles: `python -m benchmarks.scale [1000 10000 100000]`.

Articles are replicas of the dev articles (else the project's own corpus) with perturbed numbers,
years and paragraph order. Embedding 100k articles takes hours on 2 cores, so replicas get
synthetic vectors — their original's real vector for the same position plus noise, written into
the store's vector table the way a worker finds another's — and the index build, the query path
and the change path run for real. Each size runs in its own process (RSS is that process's).
Reports: build time, index size on disk, RSS after load, ask p50/p95 over the corpus questions,
time for one new article to be answered, and dense top-k recall of the ANN index vs exact.
"""
from __future__ import annotations

import hashlib
import json
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

DEV = ROOT.parent / "shared" / "data" / "dev"
MODEL_CACHE = ROOT / ".cache" / "models"
NOISE = 0.04  # replica vectors: the original's plus this much noise (cosine ≈ 0.97 to it)


def corpus() -> tuple[Path, list[str]]:
    if (DEV / "articles").is_dir():
        qs = [json.loads(x)["question"] for x in (DEV / "questions.jsonl").read_text(encoding="utf-8").splitlines()
              if x.strip()]
        return DEV / "articles", qs
    from tests.helpers import ARTICLES, questions

    return ARTICLES, [q["question"] for q in questions()]


def perturb(text: str, rng: random.Random) -> str:
    def number(m: re.Match) -> str:
        s = m.group(0)
        if re.fullmatch(r"(19|20)\d\d", s):
            return str(int(s) + rng.randint(-6, 3))
        return "".join(str(rng.randint(0, 9)) if c.isdigit() else c for c in s)

    paras = [p for p in text.split("\n") if p.strip()]
    head, rest = paras[:1], paras[1:]
    rng.shuffle(rest)
    return re.sub(r"\d+", number, "\n".join(head + rest))


def rss_mb() -> float:
    """Peak resident memory of this process so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_now() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return rss_mb()


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def du(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def build_size(n: int, data: Path) -> dict:
    """Phase 1: the store and the index of `n` articles in `data`."""
    import numpy as np

    from knowledge.loaders import load_file
    from knowledge.models import Article
    from retrieval.config import RetrievalSettings
    from retrieval.index.base import sentence_rows
    from retrieval.service import Answerer

    folder, questions = corpus()
    originals = [a for f in sorted(folder.iterdir()) for a in load_file(f)]
    rng = random.Random(n)
    settings = RetrievalSettings(_env_file=None, data_dir=data, model_cache_dir=MODEL_CACHE)
    ans = Answerer(settings)
    store, emb = ans.store, ans.embedder
    # The originals, embedded for real (from the local cache after the first run).
    for a in originals:
        store.upsert(a)
    ans.ensure_fresh()
    base_chunks = {}
    for c in store.chunks():
        base_chunks.setdefault(c.article_id, []).append(c)
    t = time.perf_counter()
    replicas = []
    for i in range(n - len(originals)):
        src = originals[i % len(originals)]
        replicas.append((src.id, Article(id=f"{src.id}-r{i}", title=f"{perturb(src.title, rng)} (bản {i})",
                                         text=perturb(src.text, rng), date=src.date, origin=f"scale:{i}")))
    for _, a in replicas:
        store.upsert(a)
    t_store = time.perf_counter() - t
    # Synthetic vectors for every replica text the index will embed.
    vec_of = {}
    for c in store.chunks():
        vec_of.setdefault(c.article_id, []).append(c)
    real = {}
    for aid, chunks in base_chunks.items():
        texts = [f"{c.title}. {c.text}" for c in chunks]
        real[aid] = emb.passages(texts)
    src_of = {a.id: s for s, a in replicas}
    noise = np.random.default_rng(n)
    items = {}
    for aid, chunks in vec_of.items():
        if aid not in src_of:
            continue
        base = real[src_of[aid]]
        cd = [dict(id=c.id, article_id=c.article_id, ord=c.ord, text=c.text, title=c.title) for c in chunks]
        texts = [f"{c['title']}. {c['text']}" for c in cd] + [s["text"] for s in sentence_rows(cd)]
        for k, text in enumerate(texts):
            v = base[k % len(base)] + noise.normal(0, NOISE, base.shape[1])
            items[hashlib.sha1(text.encode("utf-8")).hexdigest()] = (v / np.linalg.norm(v)).astype(np.float32)
        if len(items) > 20000:
            store.put_vectors(emb.space, items)
            items = {}
    store.put_vectors(emb.space, items)
    t = time.perf_counter()
    ix = ans.rebuild()
    t_build = time.perf_counter() - t
    return {"articles": len(ix.articles), "passages": len(ix.chunks), "sentences": len(ix.sentences),
            "store_s": round(t_store, 1), "build_s": round(t_build, 1), "build_rss_mb": round(rss_mb()),
            "index_mb": round(du(settings.index_root), 1), "db_mb": round(du(data) - du(settings.index_root), 1)}


def serve_size(data: Path) -> dict:
    """Phase 2, in a fresh process as a restarted server: load, ask, take one change."""
    from knowledge.models import Article
    from retrieval.config import RetrievalSettings
    from retrieval.service import Answerer

    _, questions = corpus()
    settings = RetrievalSettings(_env_file=None, data_dir=data, model_cache_dir=MODEL_CACHE)
    ans = Answerer(settings)
    ans.warm()
    rss_loaded = rss_now()
    store = ans.store
    lat = []
    for q in (questions * 3)[:300]:
        ans.embedder.forget_questions()  # a repeat would time the kept vector, not the model
        t = time.perf_counter()
        ans.ask(q)
        lat.append((time.perf_counter() - t) * 1000)
    # One change going live: a new article, answered from the rebuilt index.
    t = time.perf_counter()
    store.upsert(Article(id="moi-nhat", origin="scale:moi-nhat",
                         title="Hội thi tay nghề công nhân khu công nghiệp Hòa Khánh năm 2026",
                         text="Ngày 12/9/2026, Công đoàn khu công nghiệp Hòa Khánh tổ chức hội thi tay nghề "
                              "với 46 thí sinh đến từ 19 doanh nghiệp."))
    got = ans.ask("Hội thi tay nghề Hòa Khánh 2026 có bao nhiêu thí sinh?").answer
    t_change = time.perf_counter() - t
    return {"rss_mb": round(rss_loaded), "ask_p50_ms": round(pct(lat, 50), 1), "ask_p95_ms": round(pct(lat, 95), 1),
            "change_s": round(t_change, 2), "change_answered": "46 thí sinh" in (got.sentence or "")}


def main() -> int:
    if len(sys.argv) > 3 and sys.argv[1] in ("--build", "--serve"):
        n, data = int(sys.argv[2]), Path(sys.argv[3])
        print(json.dumps(build_size(n, data) if sys.argv[1] == "--build" else serve_size(data)))
        return 0
    sizes = [int(a) for a in sys.argv[1:]] or [1000, 10000, 100000]
    print("| articles | passages | sentences | build (RSS) | index on disk | store on disk | serving RSS | ask p50 | ask p95 | one change live |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for n in sizes:
        r: dict = {}
        with tempfile.TemporaryDirectory() as tmp:
            for phase in ("--build", "--serve"):
                out = subprocess.run([sys.executable, "-m", "benchmarks.scale", phase, str(n), tmp], cwd=ROOT,
                                     capture_output=True, text=True)
                if out.returncode:
                    print(f"| {n} | {phase[2:]} failed: {out.stderr.strip().splitlines()[-1:]} |")
                    break
                r.update(json.loads(out.stdout.strip().splitlines()[-1]))
        if "rss_mb" not in r:
            continue
        print(f"| {r['articles']:,} | {r['passages']:,} | {r['sentences']:,} | {r['build_s']} s ({r['build_rss_mb']} MB) "
              f"| {r['index_mb']} MB | {r['db_mb']} MB | {r['rss_mb']} MB | {r['ask_p50_ms']} ms | {r['ask_p95_ms']} ms "
              f"| {r['change_s']} s{'' if r['change_answered'] else ' (not answered)'} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
