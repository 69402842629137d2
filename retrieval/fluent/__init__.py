"""Optional fluent answers from a language model the union runs itself (off unless
UNIONBOT_LLM_URL is set): the question and the top passages go to an OpenAI-compatible server
(`client`, `prompt`); what comes back is shown only when every number, date, percentage, proper
name and quoted phrase in it is in the passages of the article it names (`grounding`), and
never instead of the quoted answer (`writer`). `measure` reports how the model's sentences do
on a question set. May import `hoidap` and the rooms before it."""
