"""Page furniture and footnotes, told apart from the body by position, size and repetition
across pages, never by the text alone.

    page_furniture(pages, symbol) -> [set of line indices]   running headers and footers per page
    footnote_zone(page, keep, body_size) -> top | None        where a page's footnotes begin
"""

from __future__ import annotations

import re
from collections import Counter

from pipeline.ingest.clean import (
    BARCODE_LINE_RE,
    JOB_LINE_RE,
    PAGE_LINE_RE,
    RECYCLE_RE,
    SYMBOL,
    canonical_symbol,
)
from pipeline.ingest.lines import Line, RawPage

# As fractions of the page height.
HEADER_BAND = 0.1  # running headers end in the top tenth of the page ...
FOOTER_BAND = 0.925  # ... footers start in the bottom 7.5 per cent

# A page number or a symbol at the edge of a header or footer line.
_EDGE_SYMBOL_RE = re.compile(rf"^{SYMBOL}(?=\s|$)|(?<=\s){SYMBOL}$")
# A footnote opens with its number, asterisks or a note letter.
FOOTNOTE_START_RE = re.compile(r"(?:\d{1,3}|\*{1,3}|[a-z])\s")


def is_rule_text(line: Line) -> bool:
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


def page_furniture(pages: list[RawPage], symbol: str) -> list[set[int]]:
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


def footnote_zone(page: RawPage, keep: list[int], body_size: float) -> float | None:
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
        if is_rule_text(page.lines[k]) and page.lines[k].top > 0.3 * page.height
    ]
    for top in sorted(candidates, reverse=True):
        below = [page.lines[k] for k in keep if page.lines[k].top >= top - 1]
        below = [line for line in below if not is_rule_text(line)]
        if not below or not (below[0].marker_start or FOOTNOTE_START_RE.match(below[0].text)):
            continue
        if sum(line.size < body_size - 0.4 for line in below) * 2 > len(below):
            return top
    return None
