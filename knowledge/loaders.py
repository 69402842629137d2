"""Files admins actually have → Article records.

Each loader returns raw fields; cleaning happens once, in `prepare`, so every
source format gets the same normalization.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from .clean import clean_text, clean_title
from .dates import is_dateline, parse_date
from .models import Article
from .text import normalize, paragraphs

SUPPORTED = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".docx")


class LoadError(Exception):
    """A file that cannot become an article; the message names the cause."""


def prepare(id: str, title: str | None, text: str, date: str | None = None,
            url: str | None = None, source: str | None = None) -> Article:
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
        raise LoadError("không có nội dung (no text after cleaning)")
    if not title:
        title = cleaned.split("\n", 1)[0][:120]
    return Article(id=str(id), title=title, text=cleaned, date=iso or found_date,
                   url=(url or None), source=source)


def parse_scraped_text(raw: str, stem: str, source: str | None = None) -> Article:
    """Scraped .txt/.md: optional date line, title line, then the body."""
    pars = paragraphs(normalize(raw))
    date = None
    if pars and is_dateline(pars[0]):
        date = parse_date(pars.pop(0))
    if not pars:
        raise LoadError("tệp rỗng (empty file)")
    title = pars.pop(0).lstrip("#").strip()
    if not pars:
        raise LoadError("chỉ có tiêu đề, không có nội dung (title only, no body)")
    return prepare(stem, title, "\n\n".join(pars), date=date, source=source)


def parse_html(html: str, stem: str, url: str | None = None, source: str | None = None) -> Article:
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_recall=True,
                                      include_comments=False, include_tables=True)
    if doc is None or not (doc.text or "").strip():
        raise LoadError("không tìm thấy nội dung chính trong HTML (no main text found)")
    return prepare(stem, doc.title, doc.text, date=doc.date, url=url or doc.url, source=source)


def parse_docx(path: Path) -> Article:
    import docx

    try:
        document = docx.Document(str(path))
    except Exception as e:  # python-docx raises several types for broken files
        raise LoadError(f"tệp Word hỏng ({type(e).__name__}: {e})") from e
    pars = [p.text for p in document.paragraphs if p.text.strip()]
    if not pars:
        raise LoadError("tệp Word không có chữ (no text)")
    date = None
    if is_dateline(pars[0]):
        date = parse_date(pars.pop(0))
    title = document.core_properties.title or (pars.pop(0) if len(pars) > 1 else "")
    return prepare(path.stem, title, "\n\n".join(pars), date=date, source=str(path))


def _record(obj: dict, fallback_id: str, source: str) -> Article:
    if not isinstance(obj, dict):
        raise LoadError("bản ghi JSON phải là một object")
    text = obj.get("text") or obj.get("content") or ""
    if not isinstance(text, str) or not text.strip():
        raise LoadError("bản ghi JSON thiếu trường 'text'")
    url = obj.get("url") or obj.get("source")
    url = url if isinstance(url, str) else None
    if url and not url.startswith(("http://", "https://")):
        source, url = f"{source} ({url})", None  # a provenance note, not a link
    return prepare(obj.get("id") or fallback_id, obj.get("title"), text, date=obj.get("date"),
                   url=url, source=source)


def load_file(path: Path) -> list[Article]:
    """Articles in one file; raises LoadError with the reason when it cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise LoadError(f"định dạng không hỗ trợ: {suffix or '(không đuôi)'}")
    if suffix == ".docx":
        return [parse_docx(path)]
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise LoadError("tệp không phải UTF-8 (not UTF-8 text)") from e
    if suffix in (".txt", ".md"):
        return [parse_scraped_text(raw, path.stem, source=str(path))]
    if suffix in (".html", ".htm"):
        return [parse_html(raw, path.stem, source=str(path))]
    if suffix == ".json":
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            raise LoadError(f"JSON lỗi ở dòng {e.lineno}: {e.msg}") from e
        if isinstance(obj, list):
            return [_record(o, f"{path.stem}-{i}", str(path)) for i, o in enumerate(obj)]
        return [_record(obj, path.stem, str(path))]
    out = []
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            out.append(_record(json.loads(line), f"{path.stem}-{n}", str(path)))
        except json.JSONDecodeError as e:
            raise LoadError(f"JSONL lỗi ở dòng {n}: {e.msg}") from e
    return out


def iter_files(paths: list[Path]) -> Iterator[Path]:
    """Files under the given paths (folders recursively), supported or not, sorted."""
    for p in paths:
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.is_file() and not f.name.startswith("."))
        else:
            yield p
