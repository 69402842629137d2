"""The two ways a text becomes a vector: ONNX Runtime for the default model (same vectors as
torch, cosine 1.0000, a question in ~7 ms instead of ~22 ms on 2 cores, and no torch in the
serving process) and sentence-transformers for any other model.

The ONNX graph is exported once from the model folder (torch needed only then) with mean
pooling and L2 normalisation inside it, and kept beside the model as `onnx/model.onnx`
(`model-int8.onnx` with UNIONBOT_EMBED_QUANTIZE=int8: dynamic int8, faster, cosine ≈ 0.98).
"""
from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)
MAX_TOKENS = 512  # e5-small reads 512 tokens


class TorchEngine:
    name = "torch"

    def __init__(self, path: str):
        from sentence_transformers import SentenceTransformer

        self.model = SentenceTransformer(path, device="cpu")
        getdim = getattr(self.model, "get_embedding_dimension", None) or self.model.get_sentence_embedding_dimension
        self.dim = getdim()

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(texts, batch_size=len(texts) or 1, normalize_embeddings=True,
                                 convert_to_numpy=True, show_progress_bar=False).astype(np.float32)


class OnnxEngine:
    name = "onnx"

    def __init__(self, model_file: Path, tokenizer_file: Path, threads: int = 0):
        import onnxruntime as ort
        from tokenizers import Tokenizer

        options = ort.SessionOptions()
        if threads:
            options.intra_op_num_threads = threads
        # No spin-waiting between runs: a question embeds twice with 20 ms of Python work in
        # between, and ONNX Runtime's spinning worker took a core from it (ask p50 55 → 34 ms at
        # 1,000 articles, benchmarks/scale.py).
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        self.session = ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
        self.tokenizer = Tokenizer.from_file(str(tokenizer_file))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        pad = self.tokenizer.token_to_id("<pad>")
        self.tokenizer.enable_padding(pad_id=pad if pad is not None else 1, pad_token="<pad>")
        self.dim = int(self.session.get_outputs()[0].shape[-1] or self.encode(["a"]).shape[1])

    def encode(self, texts: list[str]) -> np.ndarray:
        return self.run(self.inputs(texts))

    def inputs(self, texts: list[str]) -> dict[str, np.ndarray]:
        """The model's input for these texts (token ids and mask, padded to the longest). Apart from `run` so a text
        can be tokenized on one thread and run on another (`Embedder.query_ahead`); the tokenizer is only read after
        its setup here, so several threads may tokenize at once."""
        enc = self.tokenizer.encode_batch(texts)
        ids = np.array([e.ids for e in enc], dtype=np.int64)
        mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
        return {"input_ids": ids, "attention_mask": mask}

    def run(self, inputs: dict[str, np.ndarray]) -> np.ndarray:
        return self.session.run(None, inputs)[0].astype(np.float32)


def onnx_ready(folder: Path) -> bool:
    """A local sentence-transformers folder of the form the ONNX graph reproduces:
    a transformer, mean pooling, L2 normalisation, and a fast tokenizer file."""
    try:
        modules = json.loads((folder / "modules.json").read_text(encoding="utf-8"))
        kinds = [m["type"].rsplit(".", 1)[-1] for m in modules]
        pooling = json.loads((folder / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    except (OSError, ValueError, KeyError):
        return False
    mean = pooling.get("pooling_mode") == "mean" or pooling.get("pooling_mode_mean_tokens")  # new / old format
    return bool(kinds == ["Transformer", "Pooling", "Normalize"] and mean and (folder / "tokenizer.json").exists())


def onnx_file(folder: Path, quantize: str = "") -> Path:
    """The exported graph for this model folder, exporting (and quantizing) it the first time."""
    out = folder / "onnx" / "model.onnx"
    if not out.exists():
        export(folder, out)
    if quantize == "int8":
        q = out.with_name("model-int8.onnx")
        if not q.exists():
            from onnxruntime.quantization import QuantType, quantize_dynamic

            quantize_dynamic(str(out), str(q), weight_type=QuantType.QInt8)
        return q
    return out


def export(folder: Path, out: Path) -> None:
    """Transformer + mean pooling + normalisation as one ONNX graph (needs torch, once)."""
    import torch
    from transformers import AutoModel

    log.info("Exporting %s to ONNX (once)", folder)
    model = AutoModel.from_pretrained(str(folder)).eval()

    class Pooled(torch.nn.Module):
        def __init__(self, m):
            super().__init__()
            self.m = m

        def forward(self, input_ids, attention_mask):
            h = self.m(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(h.dtype)
            v = (h * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(v, p=2, dim=1)

    ids = torch.tensor([[0, 100, 2], [0, 101, 2]], dtype=torch.long)
    mask = torch.ones_like(ids)
    tmp = out.with_suffix(".partial")
    out.parent.mkdir(parents=True, exist_ok=True)
    torch.onnx.export(Pooled(model), (ids, mask), str(tmp), input_names=["input_ids", "attention_mask"],
                      output_names=["embedding"], opset_version=17, dynamo=False,
                      dynamic_axes={"input_ids": {0: "batch", 1: "tokens"},
                                    "attention_mask": {0: "batch", 1: "tokens"}, "embedding": {0: "batch"}})
    tmp.rename(out)  # a killed export leaves only the .partial file
