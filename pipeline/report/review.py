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
from dataclasses import dataclass
from itertools import pairwise
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


@dataclass(frozen=True)
class Mark:
    """One mention to mark: where, which table, what it normalizes to."""

    start: int
    end: int
    table: str
    value: str


def _value(table: str, row) -> str:
    """The normalized value a reviewer checks, in a line."""
    if table == "dates":
        span = row.date_start if row.date_end in ("", row.date_start) else (
            f"{row.date_start} – {row.date_end}")
        return f"{span} ({row.kind}, {row.precision})"
    if table == "symbols":
        extra = ", ".join(x for x in (row.relation, row.date, row.pinpoint) if x)
        return f"{row.symbol} ({extra})" if extra else row.symbol
    if table == "places":
        extra = ", ".join(x for x in (row.place_type, row.country_code) if x)
        return f"{row.place} ({extra})"
    extra = ", ".join(x for x in (row.actor_type, row.role) if x)
    return f"{row.actor} ({extra})"


def marks_by_document(tables: dict[str, pd.DataFrame]) -> dict[str, list[Mark]]:
    by_doc: dict[str, list[Mark]] = {}
    for table in TABLES:
        frame = tables[table]
        for row in frame.itertuples(index=False):
            by_doc.setdefault(row.doc_id, []).append(
                Mark(int(row.start), int(row.end), table, _value(table, row)))
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
        tables = sorted({m.table for m in active}, key=TABLES.index)
        title = html.escape("\n".join(f"{m.table}: {m.value}" for m in active))
        first = " start" if any(m.start == left for m in active) else ""
        out.append(f'<mark class="{" ".join(tables)}{first}" title="{title}">{piece}</mark>')
    return "".join(out)


def counts(marks: list[Mark]) -> dict[str, int]:
    found = {table: 0 for table in TABLES}
    for mark in marks:
        found[mark.table] += 1
    return found
