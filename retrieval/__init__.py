"""From a member's question to a quoted answer: the index, the answer step, hỏi đáp, the chat.

The bot comes in through two doors only: `api` (everything it uses) and `service` (the
`Answerer`). Underneath, one room per stage of the pipeline, each importing only the rooms
before it in `ROOMS` (and `config` / `params`, which every room may read):

- `fitting/`      the small logistic model every fitted decision uses, stable CV folds, scoring
- `language/`     Vietnamese as members type it: chat shorthand, question types, places
- `index/`        embeddings, accent restoring, BM25 + FAISS, the overlay, the fused search, keeping it fresh
- `answering/`    which sentence, which span, answer or decline (`decision.json`)
- `hoidap/`       the union's own answers (`faq_match.json`) and routing a member's own case
- `fluent/`       optional: a sentence from the union's own language model, shown only when grounded
- `catalogue/`    listing, finding, dating articles; bringing them in and out
- `conversation/` follow-ups: combining with the chat's topic, the continuation model (`continuation.json`)
- `evaluation/`   quality reports on question sets (CV folds, unanswerable variants)

`tests/test_layout.py` checks the order over the AST.
"""
ROOMS = ("fitting", "language", "index", "answering", "hoidap", "fluent", "catalogue", "conversation", "evaluation")
