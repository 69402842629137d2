"""Follow-up questions: combining a message with the chat's topic (`followup`), the fitted
model that decides whether a message continues the chat (`continuation`, `continuation.json` beside
it) and the made-up dialogues it is fitted and measured on (`dialogues`).
May import `hoidap`, `answering` and below; talks to the answerer it is given, not to `service`."""
