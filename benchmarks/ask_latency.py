"""Warm `ask` latency with the dev set indexed: `python -m benchmarks.ask_latency`.

Builds (or reuses) a knowledge base of ../shared/data/dev/articles in a temp
dir, warms the model, then times every dev question several times.
"""
from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from retrieval.config import RetrievalSettings as Settings
from knowledge.ingest import ingest_paths
from knowledge.store import Store
from retrieval.conversation import continuation
from retrieval.conversation import dialogues
from retrieval.service import Answerer

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev"


def dev_answerer(tmp: str) -> tuple[Answerer, Store, float]:
    """An answerer over the dev articles in `tmp`, warmed; the seconds its index took to build."""
    settings = Settings(_env_file=None, data_dir=Path(tmp), model_cache_dir=ROOT / ".cache" / "models")
    store = Store(settings.database)
    ingest_paths(store, [DEV / "articles"], progress=False)
    answerer = Answerer(settings, store)
    t = time.perf_counter()
    answerer.ensure_fresh()
    build_s = time.perf_counter() - t
    answerer.warm()
    return answerer, store, build_s


def main(rounds: int = 5) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        answerer, store, build_s = dev_answerer(tmp)
        questions = [json.loads(line)["question"] for line in (DEV / "questions.jsonl").read_text().splitlines()]
        times = []
        for _ in range(rounds):
            for q in questions:
                answerer.embedder.forget_questions()  # every round embeds anew: a repeat would time the cache
                times.append(answerer.ask(q).latency_ms)
        times.sort()
        a, c = store.count()
        print(f"articles={a} chunks={c} sentences={len(answerer.index.sentences)} index_build_s={build_s:.1f}")
        print(f"ask warm latency over {len(times)} questions: p50={_pct(times, 50):.1f} ms  p95={_pct(times, 95):.1f} ms  "
              f"max={times[-1]:.1f} ms  mean={statistics.mean(times):.1f} ms")
        print(_chat_turns(answerer, [json.loads(line) for line in (DEV / "questions.jsonl").read_text().splitlines()]))
    return 0


def _pct(sorted_times: list[float], x: float) -> float:
    return sorted_times[min(len(sorted_times) - 1, int(round(x / 100 * (len(sorted_times) - 1))))]


def _chat_turns(answerer: Answerer, questions: list[dict]) -> str:
    """A message in a chat with a live topic is read alone and with the topic (two asks)."""
    titles = {aid: a.get("title", "") for aid, a in answerer.index.articles.items()}
    topics: dict[str, continuation.Topic] = {}
    times = []
    for d in dialogues.make(questions, titles):
        for turn in d["turns"]:
            answerer.embedder.forget_questions()  # (within the turn the message's vector is reused, as in a chat)
            t = time.perf_counter()
            reading = continuation.read(answerer, turn["question"], topics.get(d["id"]))
            if d["id"] in topics:
                times.append((time.perf_counter() - t) * 1000)
            topics[d["id"]] = reading.topic
    times.sort()
    return f"chat turn with a live topic over {len(times)} turns: p50={_pct(times, 50):.1f} ms  p95={_pct(times, 95):.1f} ms"


if __name__ == "__main__":
    sys.exit(main())
