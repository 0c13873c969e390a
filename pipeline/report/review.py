"""Review pages: a document's clean text with every mention marked, its value on hover.

displaCy's span renderer draws the same picture, but it walks every span for every token
(minutes for a long document with a thousand mentions) and rejoins tokens with single spaces,
so the text would no longer be the clean text the offsets index. Here the text is cut once at
every mention boundary and each piece is wrapped in one <mark> naming all mentions over it.
"""

from __future__ import annotations

import hashlib
import html
import re
from itertools import pairwise
from typing import NamedTuple
from urllib.parse import quote

import pandas as pd

# the order of the legend and of the marks' colours (see review.html)
TABLES = ("dates", "symbols", "places", "actors")
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
UNSAFE_RUN = re.compile(r"[^A-Za-z0-9._-]+")


def page_name(doc_id: str) -> str:
    """A flat, portable file name for a document's review page.

    doc_ids hold slashes (subfolders) and whatever characters file names had; a name that is
    not plain gets its unsafe runs replaced and a short hash of the doc_id, so two doc_ids
    never share a page."""
    if SAFE_NAME.fullmatch(doc_id) and not doc_id.endswith("."):
        return doc_id + ".html"
    readable = UNSAFE_RUN.sub("_", doc_id).strip("._")[:60]
    digest = hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:10]
    return f"{readable}-{digest}.html" if readable else f"{digest}.html"


def page_href(doc_id: str, folder: str = "review/") -> str:
    return folder + quote(page_name(doc_id))


class Mark(NamedTuple):
    """One mention to mark: where, which table, what it normalizes to."""

    start: int
    end: int
    table: str
    value: str


def _joined(*columns: pd.Series) -> pd.Series:
    """The non-empty cells of each row, joined by commas (vectorized: a corpus has 100,000s)."""
    out = columns[0]
    for column in columns[1:]:
        comma = (out != "") & (column != "")
        out = out + column.where(~comma, ", " + column)
    return out


def values(table: str, frame: pd.DataFrame) -> pd.Series:
    """The normalized value a reviewer checks, in a line, for every row of a table."""
    if table == "dates":
        single = (frame["date_end"] == "") | (frame["date_end"] == frame["date_start"])
        span = frame["date_start"].where(single, frame["date_start"] + " – " + frame["date_end"])
        return span + " (" + _joined(frame["kind"], frame["precision"]) + ")"
    name, extra = {
        "symbols": ("symbol", ("relation", "date", "pinpoint")),
        "places": ("place", ("place_type", "country_code")),
        "actors": ("actor", ("actor_type", "role")),
    }[table]
    detail = _joined(*(frame[column] for column in extra))
    return frame[name] + (" (" + detail + ")").where(detail != "", "")


def marks_by_document(tables: dict[str, pd.DataFrame]) -> dict[str, list[Mark]]:
    by_doc: dict[str, list[Mark]] = {}
    for table in TABLES:
        frame = tables[table]
        rows = zip(frame["doc_id"].tolist(), frame["start"].tolist(), frame["end"].tolist(),
                   values(table, frame).tolist(), strict=True)
        for doc_id, start, end, value in rows:
            by_doc.setdefault(doc_id, []).append(Mark(start, end, table, value))
    return by_doc


def highlight(text: str, marks: list[Mark]) -> str:
    """The text as HTML, each stretch covered by mentions in one <mark>.

    A stretch covered by two mentions (a state that is both place and actor) gets both tables
    as classes and both values in its title."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    cuts = [c for c in cuts if 0 <= c <= len(text)]
    starting: dict[int, list[Mark]] = {}
    for mark in marks:
        starting.setdefault(mark.start, []).append(mark)
    active: list[Mark] = []
    out: list[str] = []
    for left, right in pairwise(cuts):
        active = [m for m in active if m.end > left] + starting.get(left, [])
        piece = html.escape(text[left:right], quote=False)
        if not active:
            out.append(piece)
            continue
        if len(active) == 1:  # the common case, kept quick
            mark = active[0]
            tables, title = mark.table, html.escape(f"{mark.table}: {mark.value}")
            first = " start" if mark.start == left else ""
        else:
            tables = " ".join(sorted({m.table for m in active}, key=TABLES.index))
            title = html.escape("\n".join(f"{m.table}: {m.value}" for m in active))
            first = " start" if any(m.start == left for m in active) else ""
        out.append(f'<mark class="{tables}{first}" title="{title}">{piece}</mark>')
    return "".join(out)


def counts(marks: list[Mark]) -> dict[str, int]:
    found = {table: 0 for table in TABLES}
    for mark in marks:
        found[mark.table] += 1
    return found
