"""The project's own test corpus (tests/data): short original articles about invented union
events, and questions about them in every variant the members use."""
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
ARTICLES = DATA / "articles"
NEIGHBOURS = DATA / "neighbours"  # near neighbours of a few articles: another year, province or congress
FOLLOWUPS = DATA / "followups"  # our own events the follow-up tests read with the real answer step
OFFICES = DATA / "offices"  # one body's two reports: one names only a deputy, the other its head
QUESTIONS = DATA / "questions.jsonl"
NOISY_TXT = ARTICLES / "buudien-quangtri-2022.txt"  # scraped-page noise, like the seed
N_ARTICLES = len(list(ARTICLES.iterdir()))


def questions() -> list[dict]:
    return [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]


def article(article_id: str) -> dict:
    return json.loads((ARTICLES / f"{article_id}.json").read_text(encoding="utf-8"))


def sentence_with(text: str, needle: str) -> str:
    """The sentence of an article that holds `needle` (tests feed real sentences to the span code)."""
    from knowledge.text import paragraphs, split_sentences

    for par in paragraphs(text):
        for s in split_sentences(par):
            if needle in s:
                return s
    raise AssertionError(f"no sentence holds {needle!r}")


def long_post(sentences: int):
    """A broadcast post long enough to go in pieces (Telegram 4096, Zalo 2000 characters)."""
    from bot.core.messages import Post

    sentence = "Công đoàn cơ sở tổ chức hội thao cho đoàn viên với {n} đội tham gia tranh tài sôi nổi. "
    return Post(article_id="dai", title="Hội thao dài", date="2024-05-01", url=None,
                summary="".join(sentence.format(n=n) for n in range(sentences)))


def answerer_of(articles: list[dict], tmp_path_factory, embedder, name: str):
    """An answerer over `articles` alone (dicts as the ingest reads them: id, title, date, source, text), for a test
    module's own small knowledge base; `name` names its folders."""
    from retrieval.service import Answerer
    from tests.conftest import make_settings

    src = tmp_path_factory.mktemp(f"{name}src")
    for art in articles:
        (src / f"{art['id']}.json").write_text(json.dumps(art, ensure_ascii=False), encoding="utf-8")
    answerer = Answerer(make_settings(tmp_path_factory.mktemp(f"{name}kb")), embedder=embedder)
    answerer.ingest([src], progress=False)
    answerer.ensure_fresh()
    return answerer


class ArticlesStandIn:
    """The reading side of a stand-in answerer over made-up articles (`articles`: id → text), for conversation rules
    tested apart from the search (no model): each test's stand-in adds its own `ask`."""
    articles: dict[str, str] = {}
    coverage = 0.8

    def article_text(self, aid):
        return self.articles[aid]

    def article_title(self, aid):
        return ""

    def coverage_of(self, text, aid):
        return self.coverage


def asked(question: str) -> tuple[str, str]:
    """A question as the answer step reads it — chat shorthand expanded, spaces collapsed — with its type: (qtype,
    question), the two arguments the span functions take first (`spans.slot(*asked(q))`)."""
    from retrieval.language.chat import expand_question
    from retrieval.language.qtype import question_type

    q = expand_question(" ".join(question.split()))
    return question_type(q), q
