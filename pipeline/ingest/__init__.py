"""Ingest: one source file → a `Document` (clean text, page map, what it says of itself).
A file that cannot be read becomes a Document with status `error` and a message a user can
act on; it never raises."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

from pipeline.ingest import text as text_file
from pipeline.models import Document

# a title line is short and is not a sentence of running text
TITLE_LINE = re.compile(r"[^\n]{3,160}")
SYMBOL_TITLE = re.compile(r"^\s*\d{1,4}/\d{1,4}\.\s+")  # "62/270. Global Forum on ..."


def ingest(path: Path, doc_id: str, source: str, fmt: str) -> Document:
    data = path.read_bytes()
    base = Document(doc_id=doc_id, source=source, format=fmt,
                    sha256=hashlib.sha256(data).hexdigest())
    try:
        if fmt == "pdf":
            return _ingest_pdf(path, base)
        return _ingest_text(data, base)
    except Exception as exc:
        return _failed(base, exc)


def _failed(base: Document, exc: BaseException) -> Document:
    message = str(exc) if isinstance(exc, ValueError | OSError) and str(exc) else ""
    if not message:
        message = (f"could not be read ({type(exc).__name__}: {exc}); re-export or "
                   "re-download the file")
    return Document(**{**_fields(base), "status": "error", "error": message})


def _fields(doc: Document) -> dict:
    return {k: getattr(doc, k) for k in doc.__dataclass_fields__}


def _ingest_text(data: bytes, base: Document) -> Document:
    decoded, _encoding = text_file.decode(data)
    clean, footnotes = _clean(decoded)
    starts = (0, *(i + 1 for i, ch in enumerate(clean) if ch == "\f"))
    return Document(**{**_fields(base), "text": clean, "page_starts": starts,
                       "footnote_spans": footnotes, "title": guess_title(clean)})


def _clean(decoded: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    try:
        from pipeline.ingest.clean import clean_text_file
    except ImportError:  # the cleanup module is optional while it is being written
        return decoded, ()
    result = clean_text_file(decoded)
    return result.text, tuple(map(tuple, result.footnote_spans))


def _ingest_pdf(path: Path, base: Document) -> Document:
    from pipeline.ingest.pdf import read_pdf

    pdf = read_pdf(path)
    return Document(**{**_fields(base), "text": pdf.text, "page_starts": tuple(pdf.page_starts),
                       "footnote_spans": tuple(map(tuple, pdf.footnote_spans)),
                       "title": pdf.title or guess_title(pdf.text), "symbol": pdf.symbol})


def guess_title(clean: str) -> str:
    """The first short line of a text file, when it reads as a heading rather than a sentence."""
    for line in clean.split("\n", 12)[:12]:
        line = line.strip()
        if not line:
            continue
        if TITLE_LINE.fullmatch(line) and not line.endswith((".", ",", ";", ":")):
            return SYMBOL_TITLE.sub("", line)
        return ""
    return ""
