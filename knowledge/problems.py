"""Why a file, page, feed or database could not be used: a code and the facts (the file, the limit, the
line), never words. The knowledge layer serves a Vietnamese bot it cannot import, so the bot words each
code for its admins (bot/core/texts.py PROBLEMS, texts.explain); `str()` gives the code and the facts,
for logs and for a caller that has no wording."""
from __future__ import annotations


class Problem(Exception):
    """One cause, by code; `facts` may hold another Problem (a row of a file, the page a feed linked)."""

    def __init__(self, code: str, **facts):
        super().__init__(code)
        self.code = code
        self.facts = facts

    def __str__(self) -> str:
        facts = ", ".join(f"{k}={v}" for k, v in self.facts.items())
        return f"{self.code}({facts})" if facts else self.code

    def __eq__(self, other) -> bool:
        return isinstance(other, Problem) and (self.code, self.facts) == (other.code, other.facts)

    def __hash__(self) -> int:
        return hash(self.code)

    def __reduce__(self):  # pickled whole (Exception's own pickling would keep the code only)
        return _rebuilt, (type(self), self.code, self.facts)


def _rebuilt(cls, code: str, facts: dict) -> Problem:
    return cls(code, **facts)
