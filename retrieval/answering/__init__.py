"""The answer step: which sentence of the top articles (`choose`), which span of it (`spans`),
the evidence that the article does not answer (`notfound`) and the fitted answer-or-decline model
(`decision`, with `decision.json` beside it), put together by `answer.answer`.
May import `index`, `language`, `fitting`."""
