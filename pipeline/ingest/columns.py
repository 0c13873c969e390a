"""Two-column pages: find the gutter between the columns and read each column top to bottom.

Meeting records and older reports are set in two columns. Read line by line across the page,
the left column's line and the right column's line at the same height become one line of text
(`... condolences to the our junior colleagues, ...`), and every name at a line end runs into
the other column. Here the page's lines (glyph groups of one height) are cut at the gutter, and
each stretch of two-column lines is read left column first, then right; a line that crosses the
gutter (a masthead, a heading over both columns, a table row) ends the stretch and stays whole.

A glyph is the ingest tuple (centre y, x0, x1, top, bottom, size, text, bold)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

FULL, LEFT, RIGHT = 0, 1, 2  # where a line sits: across the page, or in one column
GUTTER_BAND = (0.3, 0.7)  # the gutter lies in the middle part of the page
MIN_COLUMN_LINES = 8  # lines with text on both sides of the gutter that make a page two-column
NEAR_GUTTER = 0.12  # a column line's text reaches the gutter within this share of the width
MIN_COLUMN_WIDTH = 0.25  # columns of prose are at least this share of the width (not table cells)
MIN_GUTTER = 0.5  # the gutter is wider than this x the font size (a word space is narrower)
FULL_LINE = 0.8  # a line this share of the column's width is a full line of a column
PROSE_LETTERS = 0.6  # columns of prose: most of their glyphs are letters ...
FULL_SHARE = 0.6  # ... and most of their lines that reach the gutter are full lines


def _ink(group: list[tuple]) -> list[tuple]:
    return [g for g in group if not g[6].isspace()]


def _span(glyphs: list[tuple]) -> tuple[float, float]:
    return min(g[1] for g in glyphs), max(g[2] for g in glyphs)


@dataclass(frozen=True)
class Gutter:
    """The gap between the columns of a page, and the usual width of a column's full line."""

    x: float
    near: float  # a column's text reaches the gutter within this distance
    column_width: float

    def sides(self, group: list[tuple]) -> tuple[list[tuple], list[tuple]] | None:
        """The line's glyphs left and right of the gutter, or None for a line that runs across
        it (ink on the gutter, or a gap there no wider than a word space: dot leaders)."""
        ink = _ink(group)
        if any(g[1] < self.x < g[2] for g in ink):
            return None
        left = [g for g in group if g[2] <= self.x]
        right = [g for g in group if g[1] >= self.x]
        inked_left, inked_right = _ink(left), _ink(right)
        if inked_left and inked_right:
            gap = _span(inked_right)[0] - _span(inked_left)[1]
            if gap <= MIN_GUTTER * statistics.median(g[5] for g in ink):
                return None
            # far-left and far-right cells of one line (a masthead) are not two columns
            if not (self.reaches(inked_left, LEFT) or self.reaches(inked_right, RIGHT)):
                return None
        return (left if inked_left else []), (right if inked_right else [])

    def reaches(self, ink: list[tuple], side: int) -> bool:
        x0, x1 = _span(ink)
        return x1 >= self.x - self.near if side == LEFT else x0 <= self.x + self.near

    def full_line(self, ink: list[tuple]) -> bool:
        x0, x1 = _span(ink)
        return x1 - x0 >= FULL_LINE * self.column_width


def _emptiest(groups: list[list[tuple]], width: float) -> float | None:
    """The middle of the widest run of the middle band that the fewest lines put ink on."""
    lo, hi = int(width * GUTTER_BAND[0]), int(width * GUTTER_BAND[1])
    if hi <= lo:
        return None
    cover = [0] * (hi - lo)
    for group in groups:
        touched: set[int] = set()
        for g in _ink(group):
            touched.update(range(max(lo, int(g[1])), min(hi, int(g[2]) + 1)))
        for x in touched:
            cover[x - lo] += 1
    least = min(cover)
    best, run_start = (0, 0), None
    for k, value in enumerate([*cover, least + 1]):
        if value == least and run_start is None:
            run_start = k
        elif value != least and run_start is not None:
            best = max(best, (k - run_start, run_start))
            run_start = None
    length, start = best
    return lo + start + length / 2 if length else None


def gutter(groups: list[list[tuple]], width: float) -> Gutter | None:
    """The gutter of a two-column page, or None for a page in one column. Two columns: on
    each side of the gutter, lines of prose that reach it, most of them full lines (a table's
    cells are short, its number columns not prose)."""
    x = _emptiest(groups, width)
    if x is None:
        return None
    probe = Gutter(x, NEAR_GUTTER * width, 0.0)
    widths: dict[int, list[float]] = {LEFT: [], RIGHT: []}
    letters = {LEFT: 0, RIGHT: 0}
    glyphs = {LEFT: 0, RIGHT: 0}
    for group in groups:
        parts = probe.sides(group)
        if parts is None:
            continue
        for side, part in zip((LEFT, RIGHT), parts, strict=True):
            ink = _ink(part)
            if ink and probe.reaches(ink, side):
                x0, x1 = _span(ink)
                widths[side].append(x1 - x0)
                letters[side] += sum(g[6].isalpha() for g in ink)
                glyphs[side] += len(ink)
    if min(len(widths[LEFT]), len(widths[RIGHT])) < MIN_COLUMN_LINES:
        return None
    if any(letters[side] < PROSE_LETTERS * glyphs[side] for side in (LEFT, RIGHT)):
        return None
    column = statistics.median(widths[LEFT] + widths[RIGHT])
    if column < MIN_COLUMN_WIDTH * width:
        return None
    cut = Gutter(x, NEAR_GUTTER * width, column)
    for side in (LEFT, RIGHT):
        full = sum(w >= FULL_LINE * column for w in widths[side])
        if full < FULL_SHARE * len(widths[side]):
            return None  # a table: its cells are not full lines of a column
    return cut


def reading_order(groups: list[list[tuple]], width: float) -> list[tuple[list[tuple], int]]:
    """The page's glyph groups in reading order, each with where it sits (FULL, LEFT, RIGHT).

    The columns start with the first full line of a column (the masthead above them stays in
    page order); a line across the gutter ends a stretch of columns and the next one starts."""
    cut = gutter(groups, width)
    if cut is None:
        return [(group, FULL) for group in groups]
    out: list[tuple[list[tuple], int]] = []
    left_lines: list[list[tuple]] = []
    right_lines: list[list[tuple]] = []
    started = False

    def flush() -> None:
        out.extend((line, LEFT) for line in left_lines)
        out.extend((line, RIGHT) for line in right_lines)
        left_lines.clear()
        right_lines.clear()

    for group in groups:
        parts = cut.sides(group)
        started = started or (
            parts is not None and any(p and cut.full_line(_ink(p)) for p in parts)
        )
        if parts is None or not started:
            flush()
            out.append((group, FULL))
            continue
        left, right = parts
        if left:
            left_lines.append(left)
        if right:
            right_lines.append(right)
    flush()
    return out
