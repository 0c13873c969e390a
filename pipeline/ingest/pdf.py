"""PDF ingest: one pdfplumber pass per page (its characters, rules), lines rebuilt from character
positions, then running headers and footers, footnotes and note markers told apart by position,
size and repetition across pages, never by the text alone.

    read_pdf(path) -> PdfText   (raises PdfError with a message a user can act on)

Page text layout: the page's body (wrapped lines of a paragraph joined, a compound split at a line
end rejoined, paragraphs separated by a blank line, table cells by a tab), then, when the page has
footnotes, a blank line, a rule of underscores and the footnotes, one per line. Pages are joined
with a form feed; `page_starts` gives where each begins.
"""

from __future__ import annotations

import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace
from itertools import groupby, pairwise
from pathlib import Path

from pdfminer.layout import LTChar, LTContainer, LTLine, LTRect

from pipeline.ingest.clean import (
    BARCODE_LINE_RE,
    JOB_LINE_RE,
    PAGE_LINE_RE,
    RECYCLE_RE,
    SYMBOL,
    SYMBOL_LINE_RE,
    canonical_symbol,
    clean_pdf_block,
    join_masthead_date,
)
from pipeline.ingest.columns import FULL, reading_order

FOOTNOTE_RULE = "__________"

# Geometry, as fractions of the font size or of the page: why each value is what it is.
SAME_LINE = 0.4  # centres of characters on one line differ by less than this x size
SPACE_GAP = 0.2  # a gap wider than this x size between glyphs is a word space
CELL_GAP = 2.5  # a gap wider than this x size splits a line into cells (tables, masthead)
MARKER_SIZE = 0.8  # a note marker is set at most this x the size of the text around it ...
MARKER_RAISE = 0.2  # ... and raised by at least this x that size
PARAGRAPH_PITCH = 1.45  # lines further apart than this x size are separate paragraphs
HEADER_BAND = 0.1  # running headers end in the top tenth of the page ...
FOOTER_BAND = 0.925  # ... footers start in the bottom 7.5 per cent

# A page number or a symbol at the edge of a header or footer line.
_EDGE_SYMBOL_RE = re.compile(rf"^{SYMBOL}(?=\s|$)|(?<=\s){SYMBOL}$")
_FOOTNOTE_START_RE = re.compile(r"(?:\d{1,3}|\*{1,3}|[a-z])\s")
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


@dataclass(frozen=True)
class Line:
    """One visual line of a page, rebuilt from its characters."""

    top: float
    bottom: float
    x0: float
    x1: float
    size: float  # dominant font size
    bold: bool
    cells: tuple[str, ...]  # text of the gap-separated parts, note markers removed
    marker_start: bool = False  # the line begins with a raised note number (a footnote)
    first_word_width: float = 0.0
    column: int = FULL  # FULL across the page, or the LEFT or RIGHT column of a two-column page

    @property
    def text(self) -> str:
        return "\t".join(self.cells)


@dataclass(frozen=True)
class Rule:
    """A horizontal rule drawn on the page (merged from touching segments)."""

    top: float
    x0: float
    x1: float


@dataclass(frozen=True)
class RawPage:
    """What one pdfplumber pass gives for a page."""

    width: float
    height: float
    lines: tuple[Line, ...]
    rules: tuple[Rule, ...]


# --- characters -> lines ----------------------------------------------------------------------


def _layout_items(page) -> tuple[list[tuple], list[tuple[float, float, float, float]]]:
    """Glyphs and thin horizontal shapes of a page, read from pdfplumber's pdfminer layout.

    `page.layout` is walked directly rather than through `page.chars`: building pdfplumber's
    dict per character (colours, matrices) costs a third of the page time and none of it is
    used here. Coordinates are converted as pdfplumber does (top-down, mediabox-relative).
    Glyph: (centre y, x0, x1, top, bottom, size, text, bold); overprints (fake bold) dropped."""
    mb_x0, mb_top = page.mediabox[0], page.mediabox[1]
    height = page.height
    glyphs: list[tuple] = []
    shapes: list[tuple[float, float, float, float]] = []
    last = None
    stack = [iter(page.layout)]
    while stack:
        obj = next(stack[-1], None)
        if obj is None:
            stack.pop()
            continue
        if isinstance(obj, LTChar):
            if not obj.upright:
                continue
            text = obj.get_text()
            x0 = obj.x0 + mb_x0
            top = height - obj.y1 + mb_top
            if last and text == last[0] and abs(x0 - last[1]) < 0.5 and abs(top - last[2]) < 0.5:
                continue
            last = (text, x0, top)
            bottom = height - obj.y0 + mb_top
            glyphs.append(
                ((top + bottom) / 2, x0, obj.x1 + mb_x0, top, bottom, obj.size, text,
                 "Bold" in obj.fontname)
            )
        elif isinstance(obj, (LTLine, LTRect)):
            shapes.append(
                (height - obj.y1 + mb_top, height - obj.y0 + mb_top, obj.x0 + mb_x0,
                 obj.x1 + mb_x0)
            )
        elif isinstance(obj, LTContainer):
            stack.append(iter(obj))
    return glyphs, shapes


def _group_lines(glyphs: list[tuple]) -> list[list[tuple]]:
    """Group glyphs into visual lines by their vertical centres."""
    glyphs.sort(key=lambda g: (g[0], g[1]))
    groups: list[list[tuple]] = []
    for g in glyphs:
        if groups:
            last = groups[-1][-1]
            if g[0] - last[0] <= SAME_LINE * max(g[5], last[5]):
                groups[-1].append(g)
                continue
        groups.append([g])
    for group in groups:
        group.sort(key=lambda g: g[1])
    return groups


def _dominant(values: list[float]) -> float:
    return Counter(round(v * 2) / 2 for v in values).most_common(1)[0][0]


def _split_cells(group: list[tuple]) -> list[list[tuple]]:
    """Split a line's glyphs where the gap is too wide for a word space."""
    cells = [[group[0]]]
    last_x1 = group[0][2]
    for g in group[1:]:
        if not g[6].isspace() and g[1] - last_x1 > CELL_GAP * g[5]:
            cells.append([])
        cells[-1].append(g)
        if not g[6].isspace():
            last_x1 = max(last_x1, g[2])
    return [c for c in cells if any(not g[6].isspace() for g in c)]


def _cell_text(cell: list[tuple], first: bool) -> tuple[str, bool]:
    """Text of a cell with note markers (small raised glyphs) removed; a marker that opens the
    line is kept as the footnote's own number. Returns (text, opens_with_marker)."""
    ink = [g for g in cell if not g[6].isspace()]
    size = _dominant([g[5] for g in ink])
    base = statistics.median(g[4] for g in ink if round(g[5] * 2) / 2 == size)
    # runs of glyphs: [is_marker, text, spaced_before]
    runs: list[list] = []
    pending_space = False
    last = None
    for g in cell:
        if g[6].isspace():
            pending_space = True
            continue
        marker = g[5] <= MARKER_SIZE * size and g[4] <= base - MARKER_RAISE * size
        spaced = pending_space or (
            last is not None and g[1] - last[2] > SPACE_GAP * min(g[5], last[5])
        )
        if runs and runs[-1][0] == marker and not (marker and spaced):
            runs[-1][1] += (" " if spaced else "") + g[6]
        else:
            runs.append([marker, g[6], spaced])
        pending_space = False
        last = g
    opens = first and bool(runs) and runs[0][0]
    out: list[str] = []
    space_due = False
    for k, (marker, text, spaced) in enumerate(runs):
        if marker and not (opens and k == 0):
            # a note reference in the text: dropped, but never gluing its neighbours together
            space_due = space_due or spaced or (k + 1 < len(runs) and runs[k + 1][2])
            continue
        if out and (spaced or space_due or (opens and k == 1)):
            out.append(" ")
        out.append(text)
        space_due = False
    return "".join(out).strip(), opens


def _make_line(group: list[tuple]) -> Line | None:
    cells = _split_cells(group)
    if not cells:
        return None
    texts = []
    marker_start = False
    for k, cell in enumerate(cells):
        text, opens = _cell_text(cell, first=k == 0)
        if k == 0:
            marker_start = opens
        if text:
            texts.append(text)
    if not texts:
        return None
    ink = [g for g in group if not g[6].isspace()]
    size = _dominant([g[5] for g in ink])
    body = [g for g in ink if g[5] > MARKER_SIZE * size]
    first_word = []
    for g in (body or ink):
        if first_word and g[1] - first_word[-1][2] > SPACE_GAP * g[5]:
            break
        first_word.append(g)
    return Line(
        top=min(g[3] for g in ink),
        bottom=max(g[4] for g in ink),
        x0=(body or ink)[0][1],
        x1=max(g[2] for g in ink),
        size=size,
        bold=sum(g[7] for g in ink) * 2 > len(ink),
        cells=tuple(texts),
        marker_start=marker_start,
        first_word_width=first_word[-1][2] - first_word[0][1],
    )


def _rules(shapes: list[tuple[float, float, float, float]], width: float) -> tuple[Rule, ...]:
    """Horizontal rules: thin lines and rects, touching segments merged."""
    segs = []
    for top, bottom, x0, x1 in shapes:
        if bottom - top <= 1.5 and x1 - x0 >= 3:
            segs.append((round(top), x0, x1))
    segs.sort()
    merged: list[list[float]] = []
    for top, x0, x1 in segs:
        if merged and merged[-1][0] == top and x0 <= merged[-1][2] + 2:
            merged[-1][2] = max(merged[-1][2], x1)
        else:
            merged.append([top, x0, x1])
    return tuple(Rule(t, a, b) for t, a, b in merged if b - a >= 20 and b - a <= width)


def read_page(page) -> RawPage:
    """The one pdfplumber pass over a page: its characters and rules, into lines."""
    glyphs, shapes = _layout_items(page)
    lines = []
    for group, column in reading_order(_group_lines(glyphs), float(page.width)):
        line = _make_line(group)
        if line is not None:
            lines.append(replace(line, column=column) if column != FULL else line)
    lines = tuple(lines)
    return RawPage(float(page.width), float(page.height), lines, _rules(shapes, page.width))


# --- page furniture and footnotes -------------------------------------------------------------


def _is_rule_text(line: Line) -> bool:
    return len(line.cells) == 1 and bool(re.fullmatch(r"_{5,}", line.cells[0]))


def _furniture_pattern(line: Line, symbol: str) -> bool:
    """Header/footer text forms: job number, barcode, page number, the document's symbol."""
    text = " ".join(line.cells)
    if (
        JOB_LINE_RE.fullmatch(text)
        or BARCODE_LINE_RE.fullmatch(text)
        or PAGE_LINE_RE.fullmatch(text)
        or RECYCLE_RE.fullmatch(text)
    ):
        return True
    if any(JOB_LINE_RE.fullmatch(c) or PAGE_LINE_RE.fullmatch(c) for c in line.cells):
        return True
    m = _EDGE_SYMBOL_RE.search(text)
    return bool(m) and (not symbol or canonical_symbol(m.group(0)) == symbol)


def _repeat_key(line: Line) -> tuple[str, int]:
    return re.sub(r"\d+", "#", " ".join(line.cells)), round(line.top / 3)


def _furniture(pages: list[RawPage], symbol: str) -> list[set[int]]:
    """Indices of header and footer lines on each page.

    A line in the top or bottom band is furniture when it has a header/footer form (job number,
    page number, barcode, the document's symbol at its edge), recurs at the same place on another
    page, or sits above the rule that closes a running header; the lines between it and the page
    edge go with it. The first page's top band is the masthead and stays."""
    seen: Counter[tuple[str, int]] = Counter()
    for page in pages:
        keys = {
            _repeat_key(line)
            for line in page.lines
            if line.bottom <= HEADER_BAND * page.height or line.top >= FOOTER_BAND * page.height
        }
        seen.update(keys)
    result = []
    for number, page in enumerate(pages, start=1):
        top_limit, bottom_limit = HEADER_BAND * page.height, FOOTER_BAND * page.height
        header_rules = [
            r.top for r in page.rules if r.top <= top_limit + 10 and r.x1 - r.x0 >= page.width / 3
        ]
        drop: set[int] = set()
        lowest_header, highest_footer = -1.0, page.height + 1
        for k, line in enumerate(page.lines):
            in_top = line.bottom <= top_limit
            in_bottom = line.top >= bottom_limit
            if not (in_top or in_bottom):
                continue
            if in_top and number == 1:
                if JOB_LINE_RE.fullmatch(line.text) or BARCODE_LINE_RE.fullmatch(line.text):
                    drop.add(k)
                continue
            furniture = (
                _furniture_pattern(line, symbol)
                or seen[_repeat_key(line)] >= 2
                or (in_top and any(line.bottom <= r + 1 for r in header_rules))
            )
            if furniture:
                drop.add(k)
                if in_top:
                    lowest_header = max(lowest_header, line.bottom)
                else:
                    highest_footer = min(highest_footer, line.top)
        for k, line in enumerate(page.lines):
            if (number > 1 and line.bottom <= lowest_header) or line.top >= highest_footer:
                drop.add(k)
        result.append(drop)
    return result


def _footnote_zone(page: RawPage, keep: list[int], body_size: float) -> float | None:
    """Top of the footnote zone: below the lowest short rule (drawn, or typed as underscores)
    in the lower part of the page, when the first line under it opens a note (a raised number,
    `*`, a note letter) and most lines under it are smaller than the body text. A table's rules
    fail the first test, a closing rule under the text the second."""
    candidates = [
        r.top for r in page.rules
        if r.top > 0.3 * page.height and r.x1 - r.x0 < 0.3 * page.width
    ]
    candidates += [
        page.lines[k].bottom for k in keep
        if _is_rule_text(page.lines[k]) and page.lines[k].top > 0.3 * page.height
    ]
    for top in sorted(candidates, reverse=True):
        below = [page.lines[k] for k in keep if page.lines[k].top >= top - 1]
        below = [line for line in below if not _is_rule_text(line)]
        if not below or not (below[0].marker_start or _FOOTNOTE_START_RE.match(below[0].text)):
            continue
        if sum(line.size < body_size - 0.4 for line in below) * 2 > len(below):
            return top
    return None


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
        if close and same and (forced or heading) and not _is_rule_text(prev):
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
        if _is_rule_text(line):
            continue
        starts = line.marker_start or _FOOTNOTE_START_RE.match(line.text)
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
    zone = _footnote_zone(page, keep, body_size)
    body = [page.lines[k] for k in keep if zone is None or page.lines[k].top < zone - 1]
    notes = [page.lines[k] for k in keep if zone is not None and page.lines[k].top >= zone - 1]
    body = [line for line in body if not _is_rule_text(line)]
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
    furniture = _furniture(raw, symbol)
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
