"""OCR of scanned PDF pages: a page is rendered with pypdfium2 and read by RapidOCR (PP-OCR
detection and recognition models, shipped inside the `rapidocr` wheel, run by onnxruntime on
the CPU; nothing is downloaded at run time). The recognized lines become the same `RawPage` a
text layer gives, so headers, footers, paragraphs, offsets and the page map work unchanged.

    read_scans(path, pages) -> Reading   the pages with OCR where the text layer is missing or
                                         noise, and how each page's text was obtained
    noise(text) -> float                 share of tokens that are not word-shaped

A page is read by OCR when it shows an image and has (almost) no text layer, or when it is a
scan (an image covers most of it) whose text layer is noise; a re-read page keeps whichever
text is less noisy. A recognized page whose mean confidence is too low is left out with a
warning rather than feeding the extractors invented text.
"""

from __future__ import annotations

import functools
import os
import statistics
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import regex

from pipeline.ingest.lines import CELL_GAP, Line, RawPage

SCALE = 2.0  # render at 144 dpi: typewritten and printed text is 20-30 px high, as PP-OCR likes
# font size of a line from its detected box's height: typeset A/RES/73/3 measures 0.87 (11.5-pt
# boxes for 10-pt type); 0.75, set on the scans in tests/, keeps their footers in the footer band
BOX_TO_FONT = 0.75
MIN_LAYER_CHARS = 20  # a page image with fewer characters of text layer than this is a scan
COLUMN_WIDTH = 0.3  # a column's typical line is at least this share of the page wide
SCAN_COVER = 0.5  # a page is a scan when one image covers at least this share of it
# a scan's text layer with more than this share of malformed tokens is re-read (see `noise`:
# the corpus' born-digital pages measure 0.000-0.022, the 1950 and 1971 scans 0.015-0.157)
NOISY_LAYER = 0.025
MIN_CONFIDENCE = 0.80  # a page read with a lower mean confidence is too poor to trust
# OCR costs 5-15 s of processor time a page: a document's noisy-layer pages are re-read when
# there are at most this many, so that it stays within its time limit (image-only pages are
# always read)
MAX_PAGES = int(os.environ.get("OCR_MAX_PAGES", "6"))

# A token that reads as a word, a number or a symbol; OCR noise (`Sjl715`, `tbe~`, `I11\\'`,
# `i,oland`, `dele~ation`, `SOVietIque`) does not. Parts of a compound or elision (`l'Union`,
# `and/or`) are judged one by one.
_NUMBER = regex.compile(r"[$€£]?\d+(?:[.,:/–-]\d+)*(?:st|nd|rd|th|e|er|ème|bis|[a-z]|%)?")
_SYMBOL = regex.compile(r"[A-Z]{1,6}(?:/[\w.-]+)+")
_PART = regex.compile(r"\p{Ll}+|\p{Lu}\p{Ll}*|\p{Lu}+")
_SEPARATORS = regex.compile(r"[-–/'’]")
_EDGE = "\"'“”‘’«»()[]{}.,;:!?*-–—…•·"

@dataclass(frozen=True)
class OcrPage:
    """One recognized page: its lines in reading order and the mean confidence of its text."""

    page: RawPage
    confidence: float
    chars: int


def noise(text: str) -> float:
    """Share of the tokens of `text` that are neither a word (of one case shape), a number nor
    a document symbol: the mark of a bad OCR text layer. 0.0 for text without tokens."""
    text = text.replace("\ufffe", "")  # pdfium's mark of a soft hyphen
    tokens = [t.strip(_EDGE) for t in text.split()]
    tokens = [t for t in tokens if any(ch.isalnum() for ch in t)]
    if not tokens:
        return 0.0
    bad = sum(1 for t in tokens if not _well_formed(t))
    return bad / len(tokens)


def _well_formed(token: str) -> bool:
    if _NUMBER.fullmatch(token) or _SYMBOL.fullmatch(token):
        return True
    parts = _SEPARATORS.split(token)
    return all(_PART.fullmatch(part) or _NUMBER.fullmatch(part) for part in parts if part)


@dataclass(frozen=True)
class Reading:
    """A document's pages after OCR, how each page's text was obtained (`text-layer` or `ocr`),
    the mean confidence of the recognized text (None when nothing was recognized) and what
    the user should know."""

    pages: tuple[RawPage, ...]
    sources: tuple[str, ...]
    confidence: float | None
    warnings: tuple[str, ...] = ()

    @property
    def text_source(self) -> str:
        kinds = set(self.sources)
        return "mixed" if len(kinds) > 1 else next(iter(kinds), "text-layer")


def layer_text(page: RawPage) -> str:
    return "\n".join(line.text for line in page.lines)


def read_scans(path: Path, pages: list[RawPage]) -> Reading:
    """Replace the pages without a usable text layer by their recognized text."""
    covers = image_cover(path)
    blank: list[int] = []
    noisy: list[int] = []
    for number, (page, cover) in enumerate(zip(pages, covers, strict=True), start=1):
        text = layer_text(page)
        if cover > 0 and len("".join(text.split())) < MIN_LAYER_CHARS:
            blank.append(number)
        elif cover >= SCAN_COVER and noise(text) > NOISY_LAYER:
            noisy.append(number)
    warnings = []
    if len(noisy) > MAX_PAGES:
        warnings.append(
            f"pages {_ranges(noisy)}: noisy text layer kept (OCR re-reads "
            f"at most {MAX_PAGES} pages a document: OCR_MAX_PAGES=<pages> DOC_SECONDS=<seconds> "
            "make, after touching the file, reads them)"
        )
        noisy = []
    wanted = sorted([*blank, *noisy])
    if not wanted:
        return Reading(tuple(pages), ("text-layer",) * len(pages), None, tuple(warnings))
    read = read_pages(path, wanted)
    result, sources = list(pages), ["text-layer"] * len(pages)
    weighted = chars = 0.0
    for number, recognized in read.items():
        if recognized.chars and recognized.confidence < MIN_CONFIDENCE:
            kept = "left out" if number in blank else "its noisy text layer kept"
            warnings.append(f"page {number}: recognized text too poor to trust (OCR confidence "
                            f"{recognized.confidence:.2f}); {kept}")
            if number not in blank:
                continue
            recognized = OcrPage(RawPage(recognized.page.width, recognized.page.height, (), ()),
                                 recognized.confidence, 0)
        elif number not in blank and noise(layer_text(recognized.page)) >= noise(
            layer_text(pages[number - 1])
        ):
            continue  # the text layer reads no worse than the recognized text
        result[number - 1], sources[number - 1] = recognized.page, "ocr"
        weighted += recognized.confidence * recognized.chars
        chars += recognized.chars
    confidence = round(weighted / chars, 3) if chars else None
    return Reading(tuple(result), tuple(sources), confidence, tuple(warnings))


def _ranges(numbers: list[int]) -> str:
    """`2-4, 7` for [2, 3, 4, 7]."""
    out: list[list[int]] = []
    for n in numbers:
        if out and n == out[-1][1] + 1:
            out[-1][1] = n
        else:
            out.append([n, n])
    return ", ".join(f"{a}-{b}" if b > a else f"{a}" for a, b in out)


def image_cover(path: Path) -> list[float]:
    """Per page, the share of the page covered by its largest image (0.0 without images)."""
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c

    doc = pdfium.PdfDocument(str(path))
    try:
        covers = []
        for page in doc:
            width, height = page.get_size()
            largest = 0.0
            for obj in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_IMAGE], max_depth=2):
                left, bottom, right, top = obj.get_bounds()
                largest = max(largest, (right - left) * (top - bottom))
            covers.append(min(1.0, largest / (width * height)) if width * height else 0.0)
            page.close()
        return covers
    finally:
        doc.close()


@functools.cache
def engine():
    """The OCR engine, loaded once per process, from the models inside the wheel: explicit
    model paths, so RapidOCR never looks for (or downloads) others. One thread: the shard
    workers already use every core."""
    import rapidocr

    models = Path(rapidocr.__file__).parent / "models"
    return rapidocr.RapidOCR(params={
        "Global.log_level": "error",
        "Global.use_cls": False,  # pages are upright; the angle classifier only costs time
        "Det.model_path": str(models / "PP-OCRv6_det_small.onnx"),
        "Rec.model_path": str(models / "PP-OCRv6_rec_small.onnx"),
        "Cls.model_path": str(models / "ch_ppocr_mobile_v2.0_cls_mobile.onnx"),
        "EngineConfig.onnxruntime.intra_op_num_threads": 1,
        "EngineConfig.onnxruntime.inter_op_num_threads": 1,
    })


@dataclass(frozen=True)
class Box:
    """A recognized line of text and where it stands on the page, in PDF points."""

    text: str
    score: float
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


def read_pages(path: Path, numbers: Iterable[int]) -> dict[int, OcrPage]:
    """Render and recognize the given pages (1-based) of a PDF."""
    import pypdfium2 as pdfium

    result = {}
    doc = pdfium.PdfDocument(str(path))
    try:
        for number in numbers:
            page = doc[number - 1]
            width, height = page.get_size()
            image = page.render(scale=SCALE).to_numpy()
            page.close()
            boxes = recognize(image)
            chars = sum(len(b.text) for b in boxes)
            confidence = sum(b.score * len(b.text) for b in boxes) / chars if chars else 0.0
            result[number] = OcrPage(layout(boxes, width, height), confidence, chars)
    finally:
        doc.close()
    return result


def recognize(image) -> list[Box]:
    """The text boxes the engine finds in a page image (BGR array), in points."""
    out = engine()(image)
    if not out.txts:
        return []
    boxes = []
    for quad, text, score in zip(out.boxes, out.txts, out.scores, strict=True):
        text = " ".join(text.split())
        if not text:
            continue
        xs, ys = [p[0] / SCALE for p in quad], [p[1] / SCALE for p in quad]
        boxes.append(Box(text, float(score), min(xs), min(ys), max(xs), max(ys)))
    return boxes


# --- boxes -> lines in reading order ----------------------------------------------------------


def layout(boxes: list[Box], width: float, height: float) -> RawPage:
    """The page's lines in reading order: top to bottom, and where the page is set in two
    columns, the left column before the right one."""
    gutter = _gutter(boxes, width)
    lines: list[Line] = []
    for section in _sections(boxes, gutter):
        if gutter is None:
            lines += _lines(section)
            continue
        left = [b for b in section if b.x0 < gutter]
        right = [b for b in section if b.x0 >= gutter]
        lines += _lines(left) + _lines(right)
    return RawPage(width, height, tuple(lines), ())


def _gutter(boxes: list[Box], width: float) -> float | None:
    """The x of the white channel between two columns of text: a position in the middle of the
    page that few boxes cross, with at least five lines wholly on each side, lines as wide as a
    column (a masthead's right-hand block or a contents page's numbers are not a column)."""
    narrow = [b for b in boxes if b.x1 - b.x0 < 0.55 * width]
    if len(narrow) < 10:
        return None
    best = None
    for step in range(30, 71):
        x = width * step / 100
        left = [b.x1 - b.x0 for b in narrow if b.x1 <= x]
        right = [b.x1 - b.x0 for b in narrow if b.x0 >= x]
        if len(left) < 5 or len(right) < 5:
            continue
        if min(statistics.median(left), statistics.median(right)) < COLUMN_WIDTH * width:
            continue
        crossing = sum(b.x0 < x < b.x1 for b in boxes)
        if crossing * 10 <= len(left) + len(right):
            score = (crossing, -min(len(left), len(right)))
            if best is None or score < best[0]:
                best = (score, x)
    return best[1] if best else None


def _sections(boxes: list[Box], gutter: float | None) -> list[list[Box]]:
    """Runs of boxes between full-width lines (a masthead, a heading across both columns); a
    box across the gutter between two-column rows is a pair of column lines read as one, and
    stays in its section."""
    ordered = sorted(boxes, key=lambda b: (b.middle, b.x0))
    if gutter is None:
        return [ordered] if ordered else []
    sections: list[list[Box]] = [[]]
    for k, box in enumerate(ordered):
        spanning = box.x0 < gutter < box.x1
        if spanning and not _between_columns(ordered, k, gutter):
            if sections[-1]:
                sections.append([])
            sections[-1].append(box)
            sections.append([])
        else:
            sections[-1].append(box)
    return [s for s in sections if s]


def _between_columns(ordered: list[Box], k: int, gutter: float) -> bool:
    box = ordered[k]
    near = [b for b in ordered if b is not box and abs(b.middle - box.middle) < 3 * box.height]
    above = [b for b in near if b.middle < box.middle]
    below = [b for b in near if b.middle > box.middle]
    two_sided = lambda group: (  # noqa: E731
        any(b.x1 <= gutter for b in group) and any(b.x0 >= gutter for b in group)
    )
    return two_sided(above) and two_sided(below)


def _lines(boxes: list[Box]) -> list[Line]:
    """Boxes on one baseline joined into a line, its boxes as cells, left to right."""
    rows: list[list[Box]] = []
    for box in sorted(boxes, key=lambda b: (b.middle, b.x0)):
        if rows:
            row = rows[-1]
            middle = sum(b.middle for b in row) / len(row)
            overlaps = any(b.x0 < box.x1 and box.x0 < b.x1 for b in row)
            if abs(box.middle - middle) < 0.5 * min(box.height, row[0].height) and not overlaps:
                row.append(box)
                continue
        rows.append([box])
    return [_line(sorted(row, key=lambda b: b.x0)) for row in rows]


def _line(row: list[Box]) -> Line:
    """A line from its boxes: boxes closer than a cell gap are one cell (a line the engine cut
    in two), wider gaps separate cells as in a text layer's table rows and mastheads."""
    size = round(BOX_TO_FONT * sorted(b.height for b in row)[len(row) // 2] * 2) / 2
    cells = [row[0].text]
    for prev, box in pairwise(row):
        if box.x0 - prev.x1 < CELL_GAP * size:
            cells[-1] += " " + box.text
        else:
            cells.append(box.text)
    first = row[0]
    first_word = first.text.split()[0]
    # a detected box has a margin around the glyphs: the line is the font size high, as a text
    # layer's line is, so that the header and footer bands see it where its letters are
    middle = sum(b.middle for b in row) / len(row)
    return Line(
        top=middle - size / 2,
        bottom=middle + size / 2,
        x0=first.x0,
        x1=max(b.x1 for b in row),
        size=size,
        bold=False,
        cells=tuple(cells),
        first_word_width=(first.x1 - first.x0) * len(first_word) / len(first.text),
    )
