"""How strict the fluent-answer grounding check is on real news text: `python -m benchmarks.fluent_check`.

No model is needed. For every dev question the quote step answers, the quoted sentence itself is
treated as the model's reply, checked against the passage the model would be given (true by
construction: it must pass), then the same sentence with one
fact changed — its first number moved by one, or its first name replaced — (false: it must
fail). Reported per split of ../shared/data/dev (first / second).
"""
from __future__ import annotations

import json
import re
import sys
import tempfile
from pathlib import Path

from knowledge.ingest import ingest_paths
from knowledge.store import Store
from retrieval.config import RetrievalSettings as Settings
from retrieval.fluent.grounding import Evidence, names, ungrounded
from retrieval.fluent.prompt import Passage
from retrieval.fluent.writer import with_quote
from retrieval.service import Answerer

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "data" / "dev"
_DIGIT_RUN = re.compile(r"\d+")


def _bump(sentence: str) -> str | None:
    """The sentence with its first number's last digit run moved by one, or None."""
    m = _DIGIT_RUN.search(sentence)
    if not m:
        return None
    return sentence[:m.start()] + str(int(m.group(0)) + 1) + sentence[m.end():]


def _rename(sentence: str) -> str | None:
    found = names(sentence)
    return sentence.replace(found[0], "Lò Văn Tèo", 1) if found else None


def main() -> int:
    splits = json.loads((DEV / "splits.json").read_text())
    split_of = {a: name for name, ids in splits.items() for a in ids}
    questions = [json.loads(line) for line in (DEV / "questions.jsonl").read_text().splitlines() if line.strip()]
    stats: dict[str, dict[str, list[int]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, data_dir=Path(tmp), model_cache_dir=ROOT / ".cache" / "models")
        store = Store(settings.database)
        ingest_paths(store, [DEV / "articles"], progress=False)
        answerer = Answerer(settings, store)
        answerer.ensure_fresh()
        ix = answerer.index
        for q in questions:
            ans = answerer.ask(q["question"]).answer
            if not ans.found or ans.kind != "news" or not ans.sentence or not ans.passage:
                continue
            src = ans.sources[0]
            evidence = Evidence.of(Passage(1, src.article_id, src.title, ix.articles.get(src.article_id, {}).get("date"),
                                           with_quote(ans.passage, ans.sentence)).evidence)
            s = stats.setdefault(split_of.get(src.article_id, "other"), {"true": [0, 0], "number": [0, 0], "name": [0, 0]})
            s["true"][0] += not ungrounded(ans.sentence, evidence)
            s["true"][1] += 1
            for kind, change in (("number", _bump), ("name", _rename)):
                changed = change(ans.sentence)
                if changed and changed != ans.sentence:
                    s[kind][0] += bool(ungrounded(changed, evidence))
                    s[kind][1] += 1
    print("| split | quoted sentence passes | one number changed: refused | one name changed: refused |")
    print("|---|---|---|---|")
    for name, s in sorted(stats.items()):
        cells = [f"{a}/{n} ({a / n:.3f})" if n else "—" for a, n in (s["true"], s["number"], s["name"])]
        print(f"| {name} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
