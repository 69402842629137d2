"""What the model is asked: the question, the passages numbered with their article's title and
date, at most two sentences from those passages only, the passage cited as [n] — or the exact
words "KHÔNG CÓ". Sent as chat messages (system + user), the form every server accepts."""
from __future__ import annotations

from dataclasses import dataclass

from knowledge.dates import display_date

NOTHING = "KHÔNG CÓ"  # the model's words for "the passages do not answer"

SYSTEM = (
    "Bạn trả lời câu hỏi của đoàn viên công đoàn chỉ bằng thông tin trong các đoạn trích bài báo được đưa. "
    "Viết tối đa hai câu tiếng Việt, nêu tên bài viết, và ghi số của đoạn trích đã dùng trong ngoặc vuông, "
    "ví dụ [1]. Giữ nguyên mọi con số, ngày tháng, tên riêng và câu trích như trong đoạn trích; không thêm "
    f"điều gì đoạn trích không nói. Nếu các đoạn trích không trả lời câu hỏi, chỉ viết đúng: {NOTHING}"
)


@dataclass
class Passage:
    n: int  # its number in the prompt, from 1
    article_id: str
    title: str
    date: str | None  # ISO, as the index keeps it
    text: str

    @property
    def heading(self) -> str:
        date = display_date(self.date)
        return f"[{self.n}] Bài: «{self.title}»" + (f" · {date}" if date else "")

    @property
    def evidence(self) -> str:
        """What a sentence citing this passage may rest on: the heading's title and date, and the text."""
        return f"{self.title}\n{display_date(self.date)}\n{self.text}"


def messages(question: str, passages: list[Passage]) -> list[dict]:
    body = "\n\n".join(f"{p.heading}\n{p.text}" for p in passages)
    return [{"role": "system", "content": SYSTEM},
            {"role": "user", "content": f"Các đoạn trích:\n\n{body}\n\nCâu hỏi: {question}"}]
