"""Ingest: one source file → a `Document` (clean text, page map, what its layout shows).
A file that cannot be read becomes a Document with status `error` and a message a user can
act on; it never raises."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from pipeline.ingest import text as text_file
from pipeline.ingest.clean import clean_text_file
from pipeline.models import Document

# a text file this large is a corpus dump, not a document: extracting it would stall the build
MAX_TEXT_MB = float(os.environ.get("MAX_TEXT_MB", "25"))


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
    from pipeline.ingest.pdf import PdfError

    # our own errors are already worded for the user; anything else is described
    message = str(exc) if isinstance(exc, text_file.TextError | PdfError) else ""
    if not message:
        message = (f"could not be read ({type(exc).__name__}: {exc}); re-export or "
                   "re-download the file")
    return Document(**{**_fields(base), "status": "error", "error": message})


def _fields(doc: Document) -> dict:
    return {k: getattr(doc, k) for k in doc.__dataclass_fields__}


def _ingest_text(data: bytes, base: Document) -> Document:
    if len(data) > MAX_TEXT_MB * 1024 * 1024:
        raise text_file.TextError(f"too large ({len(data) / 1024 / 1024:.0f} MB; the limit is "
                         f"{MAX_TEXT_MB:g} MB): split it into parts, or raise the limit with "
                         "MAX_TEXT_MB=<megabytes> make")
    decoded, _encoding = text_file.decode(data)
    clean = clean_text_file(decoded)
    starts = (0, *(i + 1 for i, ch in enumerate(clean.text) if ch == "\f"))
    return Document(**{**_fields(base), "text": clean.text, "page_starts": starts,
                       "footnote_spans": tuple(map(tuple, clean.footnote_spans)),
                       "symbol": clean.symbol, "text_source": "text-file"})


def _ingest_pdf(path: Path, base: Document) -> Document:
    from pipeline.ingest.pdf import read_pdf

    pdf = read_pdf(path)
    return Document(**{**_fields(base), "text": pdf.text, "page_starts": tuple(pdf.page_starts),
                       "footnote_spans": tuple(map(tuple, pdf.footnote_spans)),
                       "title": pdf.title, "symbol": pdf.symbol, "text_source": pdf.text_source,
                       "ocr_confidence": pdf.ocr_confidence, "ocr_pages": pdf.ocr_pages,
                       "warnings": tuple(w for w in pdf.warnings
                                         if "could not be read" in w or "OCR" in w)})
