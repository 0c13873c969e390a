"""PDF ingest: the entry point and the page text. A PDF is read in stages, one module each:

    lines.py       characters -> lines: one pdfplumber pass per page (glyphs, rules), lines
                   rebuilt from character positions, note markers dropped      -> RawPage
    columns.py     the reading order of a two-column page
    ocr.py         RawPages recognized from the page image where the text layer is missing
    furniture.py   running headers and footers, and where the footnotes begin, told apart by
                   position, size and repetition across pages, never by the text alone
    pdf.py         lines -> page text, the masthead's symbol and title, the page map

    read_pdf(path) -> PdfText   (raises PdfError with a message a user can act on)

Page text layout: the page's body (wrapped lines of a paragraph joined, a compound split at a line
end rejoined, paragraphs separated by a blank line, table cells by a tab), then, when the page has
footnotes, a blank line, a rule of underscores and the footnotes, one per line. Pages are joined
with a form feed; `page_starts` gives where each begins.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import groupby, pairwise
from pathlib import Path

from pipeline.ingest.clean import (
    SYMBOL_LINE_RE,
    canonical_symbol,
    clean_pdf_block,
    join_masthead_date,
)
from pipeline.ingest.furniture import (
    FOOTNOTE_START_RE,
    HEADER_BAND,
    footnote_zone,
    is_rule_text,
    page_furniture,
)
from pipeline.ingest.lines import Line, RawPage, read_page

FOOTNOTE_RULE = "__________"

# Geometry, as fractions of the font size.
PARAGRAPH_PITCH = 1.45  # lines further apart than this x size are separate paragraphs

_ADOPTED_RE = re.compile(r"^Resolution adopted by\b|^Decision adopted by\b")
_MASTHEAD_RE = re.compile(
    r"^(?:Agenda item|Items? \d|Distr\.|Original:|United(?: Nations)?$|General Assembly$|"
    r"Assembly$|Security Council$|Economic and Social Council$|[A-Z][a-z\-]+ session\b)",
    re.IGNORECASE,
)
# An all-capitals title line of older documents (`RESTORATION OF THE LAWFUL RIGHTS OF ...`).
_CAPS_TITLE_RE = re.compile(r"[A-Z0-9'’,.\- ]{12,}")
_NUMBER_PREFIX_RE = re.compile(r"^\d+/\d+\.\s+")
_CONTINUES_RE = re.compile(r"[\w,;\-\u00ad]$")  # a column that ends mid-sentence


class PdfError(Exception):
    """A PDF that cannot be ingested; the message says what the user can do about it."""


@dataclass(frozen=True)
class PdfText:
    """The clean text of a PDF, its page map, footnote blocks and what its layout shows of the
    masthead (the symbol cell, the large bold title)."""

    text: str
    page_starts: tuple[int, ...]
    footnote_spans: tuple[tuple[int, int], ...]
    title: str
    symbol: str
    pages: int
    warnings: tuple[str, ...] = ()
    text_source: str = "text-layer"  # text-layer | ocr | mixed (see ingest/ocr.py)
    ocr_confidence: float | None = None  # mean confidence of the recognized text
    ocr_pages: int = 0


# --- lines -> text ----------------------------------------------------------------------------


def _join(prev: str, nxt: str) -> str:
    """Join two wrapped lines: a compound split at the line end keeps its hyphen, no space."""
    if prev.endswith("\u00ad"):
        return prev[:-1] + nxt
    if re.search(r"[^\W\d_]-$", prev) and nxt[:1].isalpha():
        return prev + nxt
    return prev + " " + nxt


def line_pitch(pages: list[RawPage], body_size: float) -> float:
    """The document's usual distance between two lines of a paragraph, as a multiple of the
    body size (1.2 for typeset UN documents, near 1.6 for double-spaced typescript)."""
    pitches: Counter[float] = Counter()
    for page in pages:
        body = [line for line in page.lines if abs(line.size - body_size) < 0.6]
        for a, b in pairwise(body):
            pitch = (b.top - a.top) / body_size
            if 0.9 < pitch < 3:
                pitches[round(pitch, 1)] += 1
    return pitches.most_common(1)[0][0] if pitches else 1.2


def _body_text(lines: list[Line], body_size: float, pitch_ratio: float = 1.2) -> str:
    """Body lines into paragraphs: a line continues on the next when they are close, the same
    size, not table rows, and the next line's first word would not have fitted (or the lines are
    a wrapped heading)."""
    if not lines:
        return ""
    right = max((line.x1 for line in lines if abs(line.size - body_size) < 0.6), default=0.0)
    right = right or max(line.x1 for line in lines)
    # the column's left margin: where most body lines start
    starts = Counter(round(line.x0) for line in lines if abs(line.size - body_size) < 0.6)
    left = starts.most_common(1)[0][0] if starts else lines[0].x0
    out = [lines[0].text]
    for prev, line in pairwise(lines):
        pitch = line.top - prev.top
        limit = max(PARAGRAPH_PITCH, 1.2 * pitch_ratio) * max(prev.size, line.size)
        close = 0 < pitch <= limit
        same = abs(prev.size - line.size) < 0.6 and len(prev.cells) == 1 and len(line.cells) == 1
        # a right-aligned or centred short line also ends at the margin: it must start near
        # the left edge (a first-line indent allowed) to count as a full line
        forced = (
            prev.x1 + 0.25 * line.size + line.first_word_width > right - 0.5 * line.size
            and prev.x0 - left <= 4 * body_size
        )
        heading = prev.size > body_size + 1 and prev.bold == line.bold
        if close and same and (forced or heading) and not is_rule_text(prev):
            out[-1] = _join(out[-1], line.text)
        else:
            out.append("\n" if close else "\n\n")
            out.append(line.text)
    return "".join(out)


def _columns_text(lines: list[Line], body_size: float, pitch_ratio: float) -> str:
    """Body text of a page read run by run: each column of a two-column stretch is wrapped on
    its own margins, and a paragraph that goes on at the top of the next column is joined."""
    out = ""
    for _column, run in groupby(lines, key=lambda line: line.column):
        text = _body_text(list(run), body_size, pitch_ratio)
        if out and _CONTINUES_RE.search(out) and text[:1].islower():
            out = _join(out, text)
        else:
            out = out + "\n\n" + text if out else text
    return out


def _footnote_text(lines: list[Line]) -> str:
    """Footnote lines into one note per line: a note starts with its (raised) number."""
    notes: list[str] = []
    for line in lines:
        if is_rule_text(line):
            continue
        starts = line.marker_start or FOOTNOTE_START_RE.match(line.text)
        if notes and not starts:
            notes[-1] = _join(notes[-1], line.text)
        else:
            notes.append(line.text)
    return "\n".join(notes)


def _page_text(
    page: RawPage, drop: set[int], body_size: float, pitch_ratio: float
) -> tuple[str, tuple[int, int]]:
    """Clean text of a page, and the [start, end) of its footnotes in it ((0, 0) when none)."""
    keep = [k for k in range(len(page.lines)) if k not in drop]
    zone = footnote_zone(page, keep, body_size)
    body = [page.lines[k] for k in keep if zone is None or page.lines[k].top < zone - 1]
    notes = [page.lines[k] for k in keep if zone is not None and page.lines[k].top >= zone - 1]
    body = [line for line in body if not is_rule_text(line)]
    text = clean_pdf_block(_columns_text(body, body_size, pitch_ratio)).strip("\n")
    note_text = clean_pdf_block(_footnote_text(notes)).strip("\n")
    if not note_text:
        return text, (0, 0)
    head = (text + "\n\n" if text else "") + FOOTNOTE_RULE + "\n"
    return head + note_text, (len(head), len(head) + len(note_text))


# --- masthead ---------------------------------------------------------------------------------


def _masthead_symbol(page: RawPage) -> str:
    """The document's own symbol: a cell of the first page's top part that is only a symbol."""
    for line in page.lines:
        if line.top > 0.3 * page.height:
            break
        for cell in line.cells:
            if "/" in cell and SYMBOL_LINE_RE.fullmatch(cell):
                return canonical_symbol(cell)
    return ""


def _title(page: RawPage, body_size: float) -> str:
    """The first block of large bold lines under the masthead (resolution number stripped)."""
    blocks: list[list[Line]] = []
    for line in page.lines:
        big = line.bold and line.size >= body_size + 1.5 and line.size < 18
        if not big or line.top < HEADER_BAND * page.height or _MASTHEAD_RE.match(line.text):
            if blocks and blocks[-1]:
                blocks.append([])
            continue
        if not blocks:
            blocks.append([])
        if blocks[-1] and (
            line.top - blocks[-1][-1].top > PARAGRAPH_PITCH * line.size
            or abs(line.size - blocks[-1][-1].size) > 0.6
        ):
            blocks.append([])
        blocks[-1].append(line)
    for block in blocks:
        text = " ".join(" ".join(line.cells) for line in block)
        if text and not _ADOPTED_RE.match(text):
            return _NUMBER_PREFIX_RE.sub("", text)
    caps: list[str] = []
    for line in page.lines:
        if len(line.cells) == 1 and _CAPS_TITLE_RE.fullmatch(line.text) and " " in line.text:
            if not _MASTHEAD_RE.match(line.text):
                caps.append(line.text)
        elif caps:
            break
    return " ".join(caps)


# --- entry point ------------------------------------------------------------------------------


def _page_count_pdfminer(path: Path) -> int | None:
    """Page count by pdfminer, for a file pdfium refused (it refuses a PDF with no pages)."""
    import pdfplumber

    try:
        with pdfplumber.open(path) as pdf:
            return len(pdf.pages)
    except Exception:
        return None


def _open_check(path: Path) -> int:
    """Open with pdfium (fast): raise PdfError for an unreadable, encrypted or empty file;
    return the page count."""
    import pypdfium2 as pdfium

    if path.stat().st_size == 0:
        raise PdfError("not a readable PDF: the file is empty; re-download it")
    try:
        doc = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise PdfError(
                "encrypted: the PDF needs a password to open; supply an unencrypted copy"
            ) from exc
        if _page_count_pdfminer(path) == 0:
            raise PdfError(
                "zero pages: the PDF has no pages; re-download or re-export it"
            ) from exc
        raise PdfError(
            f"not a readable PDF: it is truncated or corrupt ({exc}); re-download it"
        ) from exc
    try:
        pages = len(doc)
        if pages == 0:
            raise PdfError("zero pages: the PDF has no pages; re-download or re-export it")
        return pages
    finally:
        doc.close()


def _page_size(page) -> tuple[float, float]:
    """The page's size, or US Letter where its box itself is what cannot be read."""
    try:
        return float(page.width), float(page.height)
    except Exception:
        return 612.0, 792.0


def read_pdf(path: str | Path) -> PdfText:
    """Read a PDF into clean text with a page map; raise PdfError when it cannot be read."""
    import pdfplumber
    from pdfminer.pdfpage import PDFPage
    from pdfplumber.page import Page

    from pipeline.ingest import ocr

    path = Path(path)
    count = _open_check(path)
    raw: list[RawPage] = []
    warnings: list[str] = []
    try:
        with path.open("rb") as stream:
            pdf = pdfplumber.open(stream)
            # page by page, not `pdf.pages`: that builds every page first, so one page with a
            # broken box would cost the whole document
            for number, mpage in enumerate(PDFPage.create_pages(pdf.doc), start=1):
                page = None
                try:
                    page = Page(pdf, mpage, page_number=number, initial_doctop=0)
                    raw.append(read_page(page))
                except Exception as exc:
                    warnings.append(
                        f"page {number}: could not be read ({type(exc).__name__}: {exc}); "
                        "its text is left out"
                    )
                    raw.append(RawPage(*(_page_size(page) if page else (612.0, 792.0)), (), ()))
                finally:
                    if page is not None:
                        page.close()
    except PdfError:
        raise
    except Exception as exc:
        raise PdfError(
            f"not a readable PDF: it is truncated or corrupt ({type(exc).__name__}); re-download it"
        ) from exc
    reading = ocr.read_scans(path, raw)
    raw = list(reading.pages)
    warnings += reading.warnings
    if not any(page.lines for page in raw):
        raise PdfError("no text layer, and OCR found no text in its page images: check that the "
                       "file is the document you meant, or supply a better scan")
    sizes = Counter()
    for page in raw:
        for line in page.lines:
            sizes[line.size] += len(line.text)
    body_size = sizes.most_common(1)[0][0] if sizes else 10.0
    symbol = _masthead_symbol(raw[0]) if raw else ""
    furniture = page_furniture(raw, symbol)
    pitch_ratio = line_pitch(raw, body_size)
    texts, notes = [], []
    for number, (page, drop) in enumerate(zip(raw, furniture, strict=True), start=1):
        text, span = _page_text(page, drop, body_size, pitch_ratio)
        if number == 1:
            text = join_masthead_date(text)
            text, span = _refind_span(text, span)
        if not text and page.lines:
            warnings.append(f"page {number}: only headers and footers")
        texts.append(text)
        notes.append(span)
    starts, spans, pos = [], [], 0
    for text, (a, b) in zip(texts, notes, strict=True):
        starts.append(pos)
        if b > a:
            spans.append((pos + a, pos + b))
        pos += len(text) + 1  # the form feed
    full = "\f".join(texts)
    return PdfText(
        text=full,
        page_starts=tuple(starts),
        footnote_spans=tuple(spans),
        title=_title(raw[0], body_size) if raw else "",
        symbol=symbol,
        pages=count,
        warnings=tuple(warnings),
        text_source=reading.text_source,
        ocr_confidence=reading.confidence,
        ocr_pages=reading.sources.count("ocr"),
    )


def _refind_span(text: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    """Footnote span after a masthead join shortened the body before it."""
    if span[1] <= span[0]:
        return text, span
    start = text.rfind(FOOTNOTE_RULE + "\n") + len(FOOTNOTE_RULE) + 1
    return text, (start, start + span[1] - span[0])
