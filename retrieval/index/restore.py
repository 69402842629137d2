"""Put the accents back on a question typed without them, before embedding it.

multilingual-e5 understands "khẩu hiệu hành động" but not "khau hieu hanh dong".
A Viterbi pass picks, syllable by syllable, the accented form that the knowledge
base's own bigram/unigram counts make most likely. Question phrasing is rare in
news text, so a small vocabulary of how members ask is added to the counts.
"""
from __future__ import annotations

import json
import math
import re
from collections import Counter, defaultdict
from pathlib import Path

from knowledge.text import fold, normalize
from ..params import BETA, PHRASE_WEIGHT

# How members phrase questions, and the union's most common words (our own list, general
# Vietnamese — no topic nouns of particular articles): counted like article text, with weight.
# Chat particles ("vậy", "nhỉ", "ạ") are not here: chat.expand_question drops them first, and as
# lone syllables they outvoted the articles' own pairs ("sum vay" came back "sum vậy").
QUESTION_PHRASES = """
là gì|là ai|bao nhiêu|bao nhiêu tiền|bao nhiêu người|bao lâu|bao giờ|mấy|mấy người|ở đâu|tại đâu|
khi nào|lúc nào|ngày nào|năm nào|tháng nào|hôm nào|như thế nào|thế nào|ra sao|tên là gì|tên gì|
do ai|ai là|của ai|những ai|có bao nhiêu|được bao nhiêu|diễn ra ở đâu|diễn ra khi nào|tổ chức ở đâu|
tổ chức khi nào|tổ chức vào ngày nào|được tổ chức|được thành lập|thành lập khi nào|từ ngày nào đến ngày nào|
kéo dài bao lâu|phát động phong trào gì|khẩu hiệu là gì|chủ đề là gì|thông điệp là gì|mục tiêu là gì|
hỗ trợ bao nhiêu|trị giá bao nhiêu|có mấy|gồm mấy|gồm những gì|những đâu|ở những đâu|nơi nào|
địa phương nào|xã nào|tỉnh nào|phường nào|đơn vị nào|sự kiện gì|hoạt động gì|chương trình gì|
cho tôi hỏi|cho hỏi|xin hỏi|không|có phải|đầu tiên|chủ tịch|phó chủ tịch|người đứng đầu|
đoàn viên|người lao động|công nhân|công đoàn|liên đoàn lao động|công đoàn cơ sở|năm nay|hiện nay|
mới nhất|gần đây|sắp tới
"""
_SYL = re.compile(r"[^\W\d_]+")


class Restorer:
    def __init__(self, uni: dict[str, dict[str, int]], bi: dict[str, int]):
        self.uni = uni  # folded syllable → {accented form: count}
        self.bi = bi  # "prev next" (accented, lowercase) → count
        self.prev_total: dict[str, int] = defaultdict(int)
        for k, c in bi.items():
            self.prev_total[k.split(" ", 1)[0]] += c

    @classmethod
    def build(cls, texts: list[str]) -> "Restorer":
        uni: dict[str, Counter] = defaultdict(Counter)
        bi: Counter = Counter()
        phrases = [p.strip() for p in QUESTION_PHRASES.replace("\n", "|").split("|") if p.strip()]
        folded: dict[str, str] = {}  # a few thousand distinct syllables, millions of occurrences
        for text, weight in [(t, 1) for t in texts] + [(p, PHRASE_WEIGHT) for p in phrases]:
            for clause in re.split(r"[.,;:!?()\"“”\n]+", normalize(text).lower()):
                syls = _SYL.findall(clause)
                for s in syls:
                    key = folded.get(s)
                    if key is None:
                        key = folded[s] = fold(s)
                    uni[key][s] += weight
                for a, b in zip(syls, syls[1:]):
                    bi[f"{a} {b}"] += weight
        return cls({k: dict(v) for k, v in uni.items()}, dict(bi))

    def restore(self, question: str) -> str:
        """Accented question; syllables the knowledge base never saw stay as typed."""
        parts = re.split(r"([^\W\d_]+)", normalize(question))
        idx = [i for i in range(1, len(parts), 2)]
        if not idx:
            return question
        # Viterbi over the syllables; punctuation between them is kept as is.
        states: list[dict[str, tuple[float, list[str]]]] = []
        prev: dict[str, tuple[float, list[str]]] = {"<s>": (0.0, [])}
        for i in idx:
            typed = parts[i]
            key = fold(typed)
            cands = self.uni.get(key) if typed == fold(typed) or typed.lower() == key else None
            if not cands:
                cands = {typed.lower(): 1}
            total = sum(cands.values())
            cur: dict[str, tuple[float, list[str]]] = {}
            for form, c in cands.items():
                p_uni = c / total
                best = None
                for pform, (score, path) in prev.items():
                    # Dirichlet-smoothed bigram: a pair seen in the articles beats a
                    # frequent lone syllable ("chỉ thị", not "chí thi").
                    pt = self.prev_total.get(pform, 0)
                    p = (self.bi.get(f"{pform} {form}", 0) + BETA * p_uni) / (pt + BETA)
                    s = score + math.log(p + 1e-9)
                    if best is None or s > best[0]:
                        best = (s, path + [form])
                cur[form] = best
            prev = cur
            states.append(cur)
        _, path = max(prev.values(), key=lambda x: x[0])
        out = list(parts)
        for i, form in zip(idx, path):
            typed = parts[i]
            if typed.isupper() and len(typed) > 1:
                form = form.upper()
            elif typed[:1].isupper():
                form = form[:1].upper() + form[1:]
            out[i] = form
        return "".join(out)

    def save(self, path: Path) -> None:
        path.write_text(json.dumps({"uni": self.uni, "bi": self.bi}, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> "Restorer":
        d = json.loads(path.read_text(encoding="utf-8"))
        return cls(d["uni"], d["bi"])
