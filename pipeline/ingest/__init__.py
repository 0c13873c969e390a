"""Ingest: one source file → a `Document` (clean text, page map, what it says of itself).
A file that cannot be read becomes a Document with status `error` and a message a user can
act on; it never raises."""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path

from pipeline.ingest import text as text_file
from pipeline.ingest.clean import clean_text_file
from pipeline.models import Document

# a title line is short and is not a sentence of running text
TITLE_LINE = re.compile(r"[^\n]{3,200}")
# a resolution's or decision's number line, which its title follows: "62/270. Global Forum ..."
NUMBER_LINE = re.compile(r"[ \t]*(?:\d{1,4}/\d{1,4}|\d{1,4} ?[A-Z]? \([IVXLC]+\))\.[ \t]*(.*)")
# masthead lines that stand above a title: organ, symbol, distribution, date, session, agenda
MASTHEAD = re.compile(
    r"United Nations|General Assembly|Security Council|Economic and Social Council|"
    r"[A-Z]{1,6}/\S+|Distr\.:?.*|Original:.*|\d{1,2} \w+ \d{4}|.*\bsession\b.*|"
    r"Agenda items?.*|Items? \d.*|Resolution adopted by.*|\[.*\]|\d{2}-\d{5}.*",
    re.IGNORECASE,
)
# the sponsors' line of a draft, which its title follows
DRAFT_LINE = re.compile(r":\W*(?:revised\s+)?draft\s+(?:resolution|decision)s?\s*$", re.I)
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
                       "title": guess_title(clean.text), "symbol": clean.symbol,
                       "date": clean.date})


def _ingest_pdf(path: Path, base: Document) -> Document:
    from pipeline.ingest.pdf import read_pdf

    pdf = read_pdf(path)
    return Document(**{**_fields(base), "text": pdf.text, "page_starts": tuple(pdf.page_starts),
                       "footnote_spans": tuple(map(tuple, pdf.footnote_spans)),
                       "title": pdf.title or guess_title(pdf.text), "symbol": pdf.symbol,
                       "date": pdf.date,
                       "warnings": tuple(w for w in pdf.warnings if "could not be read" in w)})


def guess_title(clean: str) -> str:
    """The document's title: the line after a resolution's number, else the first short line
    below the masthead, when it reads as a heading rather than a sentence."""
    lines = [line.strip() for line in clean[:6000].split("\n")]
    lines = [line for line in lines if line]
    for i, line in enumerate(lines[:80]):
        if m := NUMBER_LINE.fullmatch(line):
            title = m.group(1) or (lines[i + 1] if i + 1 < len(lines) else "")
            return title if TITLE_LINE.fullmatch(title) else ""
    blocks = [_unmastheaded(block) for block in re.split(r"\n[ \t]*\n", clean[:6000])[:20]]
    blocks = [block for block in blocks if block]
    # a draft's title is the paragraph after its sponsors (`France, ...: draft decision`)
    for i, block in enumerate(blocks[:-1]):
        if DRAFT_LINE.search(block) and _heading(blocks[i + 1]):
            return _heading(blocks[i + 1])
    # else the first paragraph below the masthead, when it reads as a heading, not a sentence
    return _heading(blocks[0]) if blocks else ""


def _unmastheaded(block: str) -> str:
    """A paragraph without its masthead lines (organ, symbol, distribution, session...); a tab
    separates the masthead's columns in PDF text."""
    lines = [line.strip() for line in re.split(r"[\n\t]", block) if line.strip()]
    return " ".join(line for line in lines if not MASTHEAD.fullmatch(line))


def _heading(paragraph: str) -> str:
    heading = " ".join(paragraph.split())
    if TITLE_LINE.fullmatch(heading) and not heading.endswith((".", ",", ";", ":")):
        return heading
    return ""
