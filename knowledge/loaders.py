"""Files admins actually have → Article records.

Each loader returns raw fields; cleaning happens once, in `prepare`, so every
source format gets the same normalization.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .clean import clean_text, clean_title
from .dates import is_dateline, parse_date
from .models import Article, FaqEntry
from .problems import Problem
from .text import normalize, paragraphs

SUPPORTED = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".csv", ".docx")


@dataclass(frozen=True)
class Limits:
    """Bounded work: one huge file must not take the service down (a 30 MB text became
    63,000 passages and an hour-long index build). Set by UNIONBOT_MAX_FILE_MB and
    UNIONBOT_MAX_ARTICLE_CHARS."""
    max_file_mb: float = 5
    max_article_chars: int = 200_000

    def too_big(self, size: int | None) -> "LoadError | None":
        """Why a file of this many bytes is refused, or None: one cause for the loader and for a
        channel's check before it downloads a file."""
        if size and size > self.max_file_mb * 1024 * 1024:
            return LoadError("too_big", mb=size / 1024 / 1024, limit_mb=self.max_file_mb)
        return None

    def check_file(self, path: Path, data: bytes | None = None) -> None:
        refusal = self.too_big(path.stat().st_size if data is None else len(data))
        if refusal:
            raise refusal

    def check_article(self, art):
        if isinstance(art, FaqEntry):
            return art
        if len(art.text) > self.max_article_chars:
            raise LoadError("too_long", title=art.title[:60], chars=len(art.text), limit=self.max_article_chars)
        return art


DEFAULT_LIMITS = Limits()


class LoadError(Problem):
    """A file that cannot become an article; the code and facts name the cause."""


def prepare(id: str, title: str | None, text: str, date: str | None = None,
            url: str | None = None, source: str | None = None, origin: str | None = None) -> Article:
    """One cleaning path for every loader."""
    body = normalize(text or "")
    pars = paragraphs(body)
    found_date = None
    if pars and is_dateline(pars[0]):
        found_date = parse_date(pars[0])
    iso = parse_date(date) if date else None
    if date and iso is None and len(date.strip()) == 4 and date.strip().isdigit():
        iso = date.strip()
    title = clean_title(title)
    cleaned = clean_text(body, title)
    if not cleaned.strip():
        raise LoadError("no_text")
    if not title:
        title = cleaned.split("\n", 1)[0][:120]
    return Article(id=str(id), title=title, text=cleaned, date=iso or found_date,
                   url=(url or None), source=source, origin=origin)


def parse_scraped_text(raw: str, stem: str, source: str | None = None) -> Article:
    """Scraped .txt/.md: optional date line, title line, then the body."""
    pars = paragraphs(normalize(raw))
    date = None
    if pars and is_dateline(pars[0]):
        date = parse_date(pars.pop(0))
    if not pars:
        raise LoadError("empty_file")
    title = pars.pop(0).lstrip("#").strip()
    if not pars:
        raise LoadError("title_only")
    return prepare(stem, title, "\n\n".join(pars), date=date, source=source)


def parse_html(html: str, stem: str, url: str | None = None, source: str | None = None) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_recall=True,
                                      include_comments=False, include_tables=True)
    if doc is None or not (doc.text or "").strip():
        raise LoadError("no_main_text")
    return prepare(stem, doc.title, doc.text, date=doc.date, url=url or doc.url, source=source)


def parse_docx(path: Path, data: bytes | None = None) -> Article:
    import io

    import docx

    try:
        document = docx.Document(str(path) if data is None else io.BytesIO(data))
    except Exception as e:  # python-docx raises several types for broken files
        raise LoadError("broken_docx", error=f"{type(e).__name__}: {e}") from e
    pars = [p.text for p in document.paragraphs if p.text.strip()]
    if not pars:
        raise LoadError("docx_no_text")
    date = None
    if is_dateline(pars[0]):
        date = parse_date(pars.pop(0))
    title = document.core_properties.title or (pars.pop(0) if len(pars) > 1 else "")
    return prepare(path.stem, title, "\n\n".join(pars), date=date, source=str(path))


def _faq(obj: dict, fallback_id: str, source: str) -> FaqEntry:
    """A record with `question` (or `questions`) and `answer` is a hỏi đáp entry."""
    raw = obj.get("questions") or obj.get("question")
    phrasings = [raw] if isinstance(raw, str) else raw if isinstance(raw, list) else []
    if isinstance(raw, str) and "|" in raw:  # CSV: several phrasings in one cell, "|" between them
        phrasings = raw.split("|")
    phrasings = [normalize(q).strip() for q in phrasings if isinstance(q, str) and q.strip()]
    answer = normalize(str(obj.get("answer") or "")).strip()
    if not phrasings or not answer:
        raise LoadError("faq_fields")
    entry_id = str(obj.get("id") or fallback_id)
    valid = parse_date(str(obj["valid_from"])) if obj.get("valid_from") else None
    opt = lambda k: normalize(str(obj[k])).strip() if obj.get(k) else None  # noqa: E731
    return FaqEntry(id=entry_id, questions=phrasings, answer=answer, basis=opt("basis"), source=opt("source"),
                    valid_from=valid or (str(obj["valid_from"]) if obj.get("valid_from") else None),
                    origin=f"{source}#{entry_id}")


def _record(obj: dict, fallback_id: str, source: str) -> Article | FaqEntry:
    if not isinstance(obj, dict):
        raise LoadError("not_object")
    if (obj.get("question") or obj.get("questions")) and obj.get("answer"):
        return _faq(obj, fallback_id, source)
    text = obj.get("text") or obj.get("content") or ""
    if not isinstance(text, str) or not text.strip():
        raise LoadError("no_text_field")
    url = obj.get("url") or obj.get("source")
    url = url if isinstance(url, str) else None
    if url and not url.startswith(("http://", "https://")):
        source, url = f"{source} ({url})", None  # a provenance note, not a link
    record_id = obj.get("id") or fallback_id
    return prepare(record_id, _text_field(obj, "title"), text, date=_text_field(obj, "date"), url=url,
                   source=source, origin=f"{source}#{record_id}")


# Where a record came from: _record writes a non-link "url" as "<file> (<note>)", and every record's
# origin is "<source>#<id>". An id or a note may hold "#" or " (" (so may a folder), so the file is the
# first prefix that ends in a format holding records and is followed by one of those marks.
_RECORD_FILE = re.compile(r"(.*?\.(?:jsonl|json|csv))(?: \(|#)", re.I)


def record_file(source: str) -> str:
    """The file a stored source or origin names ("<file> (<note>)", "<file>#<id>", both, or the file
    itself); anything else (a text file, a URL) names itself. The one reader of the forms _record writes."""
    m = _RECORD_FILE.match(source)
    return m.group(1) if m else source


def _text_field(obj: dict, key: str) -> str | None:
    """A title or date as text: spreadsheets and scripts write a year as a number ("date": 2024),
    which reads as "2024", and pandas writes a column with blanks as floats (2024.0, also "2024");
    a list or an object there is the record's fault, named."""
    value = obj.get(key)
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    raise LoadError("field_not_text", field=key, kind=type(value).__name__)


def decode(data: bytes) -> str:
    """Text in whatever encoding an admin's tool saved it: UTF-8 (with or without BOM), UTF-16
    with a BOM, or a legacy Vietnamese code page (Windows-1258, detected by charset-normalizer)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=["cp1258", "cp1252", "utf_16", "latin_1"]).best()
    if best is None:
        raise LoadError("encoding")
    return str(best)


def load_file(path: Path, limits: Limits = DEFAULT_LIMITS,
              skipped: list[tuple[str, Problem]] | None = None, data: bytes | None = None) -> list[Article]:
    """Articles in one file; raises LoadError with the reason when it cannot be read.

    A JSONL line that cannot be read is skipped and, when `skipped` is given, reported
    there with its line number; the file's other lines still load. With `data`, those are the
    file's bytes, read as if they were at `path` (an upload checked before it is written there)."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError("format", suffix=suffix, supported=SUPPORTED)
    limits.check_file(path, data)
    if suffix == ".docx":
        return [limits.check_article(parse_docx(path, data))]
    raw = decode(path.read_bytes() if data is None else data)
    if suffix in (".txt", ".md"):
        return [limits.check_article(parse_scraped_text(raw, path.stem, source=str(path)))]
    if suffix in (".html", ".htm"):
        return [limits.check_article(parse_html(raw, path.stem, source=str(path)))]
    if suffix == ".csv":  # a spreadsheet of hỏi đáp (or of articles: title, text, …), header row first
        import csv
        import io

        # A cell is no longer than its file, already checked: the csv module's own 131,072-character
        # cap would refuse a whole file for one article UNIONBOT_MAX_ARTICLE_CHARS allows (process-wide,
        # only ever raised).
        csv.field_size_limit(max(csv.field_size_limit(), int(limits.max_file_mb * 1024 * 1024) + 1))
        try:  # read whole here: a row the csv module cannot read is the file's fault
            rows = list(csv.DictReader(io.StringIO(raw)))
        except csv.Error as e:
            raise LoadError("csv", error=str(e)) from e
        return _load_rows(path, ((n, lambda row=row: {k.strip().lower(): v for k, v in row.items() if k})
                                 for n, row in enumerate(rows, 2)), limits, skipped)
    if suffix == ".json":
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            raise LoadError("json", line=e.lineno, error=e.msg) from e
        if isinstance(obj, list):
            if not obj:
                raise LoadError("no_records")
            return [limits.check_article(_record(o, f"{path.stem}-{i}", str(path))) for i, o in enumerate(obj)]
        return [limits.check_article(_record(obj, path.stem, str(path)))]
    return _load_rows(path, ((n, lambda line=line: json.loads(line))
                             for n, line in enumerate(raw.splitlines(), 1) if line.strip()), limits, skipped)


def _load_rows(path: Path, rows, limits: Limits, skipped: list[tuple[str, Problem]] | None) -> list:
    """One record per row of a JSONL or CSV file: a row that cannot be read is reported with its
    line number and skipped; the file fails only when no row loads."""
    out, problems = [], []
    for n, parse in rows:
        try:
            out.append(limits.check_article(_record(parse(), f"{path.stem}-{n}", str(path))))
        except json.JSONDecodeError as e:
            problems.append((f"{path}:{n}", LoadError("row", line=n, cause=LoadError("json_row", error=e.msg))))
        except LoadError as e:
            problems.append((f"{path}:{n}", LoadError("row", line=n, cause=e)))
        except (TypeError, ValueError, AttributeError) as e:  # a value of a type no field expects
            problems.append((f"{path}:{n}", LoadError("row", line=n, cause=Problem("error", error=f"{type(e).__name__}: {e}"))))
    if not out:
        raise LoadError("rows", rows=[why for _, why in problems[:3]]) if problems else LoadError("no_records")
    if skipped is not None:
        skipped.extend(problems)
    return out


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Files under the given paths (folders recursively), supported or not, sorted. Hidden ones are
    skipped, and so is everything in a hidden folder (an upload's trial copy, .git)."""
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*")
                              if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts))
        else:
            yield p
