"""Cold ingest speed: `python -m benchmarks.ingest [FOLDER]` (default ../shared/data/dev/articles,
else the project's own corpus). The embedding cache starts empty; the model is reused."""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("HF_HUB_OFFLINE", "1")

from retrieval.config import RetrievalSettings  # noqa: E402
from retrieval.index.embedder import OFFLINE_BUILDS, resolve_model_path  # noqa: E402
from retrieval.service import Answerer  # noqa: E402


def main() -> int:
    dev = ROOT.parent / "shared" / "data" / "dev" / "articles"
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else dev if dev.is_dir() else ROOT / "tests" / "data" / "articles"
    shared_models = ROOT / ".cache" / "models"
    for quantize in ("", "int8"):
        with tempfile.TemporaryDirectory() as tmp:
            models = Path(tmp) / "models"
            models.mkdir()
            base = RetrievalSettings(_env_file=None, model_cache_dir=shared_models)
            name = OFFLINE_BUILDS[base.embed_model]
            resolve_model_path(base)  # provision once into the shared cache
            (models / name).symlink_to(shared_models / name)  # same model, empty embedding cache
            settings = RetrievalSettings(_env_file=None, data_dir=Path(tmp) / "data", model_cache_dir=models,
                                         embed_quantize=quantize)
            answerer = Answerer(settings)
            answerer.embedder  # load (and for int8, quantize once) outside the timing
            t = time.perf_counter()
            report = answerer.ingest([folder], progress=False)
            answerer.ensure_fresh()
            s = time.perf_counter() - t
            n_art, n_chunks = answerer.count()
            print(f"{quantize or 'fp32'}: {n_art} articles, {n_chunks} passages, "
                  f"{len(answerer.index.sentences)} sentences in {s:.1f} s → {n_art / s:.1f} articles/s, "
                  f"{n_chunks / s:.1f} passages/s (added {len(report.added)}, skipped {len(report.skipped)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
