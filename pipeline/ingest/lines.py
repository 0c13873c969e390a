"""Characters -> lines: the one pdfplumber pass over a PDF page. Its glyphs are grouped into visual
lines by their vertical centres, a line is split into cells at gaps too wide for a word space,
note markers (small raised glyphs) are dropped from the text, and thin horizontal shapes become
rules.

    read_page(page) -> RawPage   the page's Lines (in reading order, see columns.py) and Rules

pdf.py reads the RawPages into text; ocr.py builds the same RawPage from recognized lines.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, replace

from pdfminer.layout import LTChar, LTContainer, LTLine, LTRect

from pipeline.ingest.columns import FULL, reading_order

# Geometry, as fractions of the font size: why each value is what it is.
SAME_LINE = 0.4  # centres of characters on one line differ by less than this x size
SPACE_GAP = 0.2  # a gap wider than this x size between glyphs is a word space
CELL_GAP = 2.5  # a gap wider than this x size splits a line into cells (tables, masthead)
MARKER_SIZE = 0.8  # a note marker is set at most this x the size of the text around it ...
MARKER_RAISE = 0.2  # ... and raised by at least this x that size


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

