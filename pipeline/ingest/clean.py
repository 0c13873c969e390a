"""Text cleanup: a chain of small named pure `str -> str` steps (as eyecite's clean.py).

Two users:
- pdf.py runs `clean_pdf_block` over the body and the footnote block of each PDF page after it has
  rebuilt lines from character positions (headers, footers and footnotes are told apart there,
  by position, not here);
- `clean_text_file` cleans a decoded text file. A file that was extracted from a PDF earlier
  (it carries page furniture: job numbers, barcodes, a running symbol header with a page number,
  or Word's footnote-anchor residue `0F`) gets the PDF cleanup that can be done without
  positions; any other text file (speeches, rendered resolutions, news) only has its whitespace
  normalised. Form feeds are kept one for one: the page map is derived from them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.calendar import MONTH

Step = Callable[[str], str]

# --- regex fragments --------------------------------------------------------------------------

# A UN document symbol standing alone (masthead or running header): organ, then slash-separated
# parts; an optional parenthesised part such as `(Sect. 25)` and a trailing `/Part A`.
SYMBOL = (
    r"(?:[A-Z]{1,6}(?:/[A-Za-z0-9.\-]+)+(?:\s?\([A-Za-z0-9. \-]+\))?"
    r"(?:/[A-Za-z0-9.\-]+(?:\s[A-Z0-9]{1,3})?)*)"
)
# DGACM job number printed in the footer: `18-18418 (E) 071118`, `25-14304 (E)    100925`,
# `26-00248`, 1971 scans `71-19641`.
JOB_NUMBER = r"\d{2}-\d{5}(?:\s*\([A-Z]\))?(?:\s+\d{6})?"
# Barcode text under the job number: `*1818418*`.
BARCODE = r"\*\d{7}\*"
# Page number as printed in the footer: `3`, `2/10`.
PAGE_NUMBER = r"\d{1,4}(?:\s*/\s*\d{1,4})?"
RECYCLE = r"Please\s+recycle"
# `8 November 2018`; the day must not follow other characters (OCR noise such as `~9`).
DATE = rf"(?<![^\s])(\d{{1,2}})\s+({MONTH})\s+(\d{{4}})\b"
# `Distr.: General`, `Distr.: Limited`, 1971 `Distr. LIMITED`.
DISTR = r"Distr\.:?\s*(?:General|Limited|Restricted|GENERAL|LIMITED|RESTRICTED)"

SYMBOL_LINE_RE = re.compile(rf"{SYMBOL}\**")
JOB_LINE_RE = re.compile(JOB_NUMBER)
BARCODE_LINE_RE = re.compile(BARCODE)
PAGE_LINE_RE = re.compile(PAGE_NUMBER)
RECYCLE_RE = re.compile(RECYCLE, re.IGNORECASE)
# A rule of underscores separating footnotes from the text above.
RULE_LINE_RE = re.compile(r"[ \t]*_{5,}[ \t]*")
# The first line of a footnote: its number (or asterisks, or a table-note letter) then text.
FOOTNOTE_START_RE = re.compile(r"[ \t]?(?:\d{1,3}|\*{1,3}|[a-z])[ \t]+\S")


@dataclass(frozen=True)
class CleanText:
    """A cleaned text file: the text, its footnote blocks and what its furniture said."""

    text: str
    footnote_spans: tuple[tuple[int, int], ...] = ()
    symbol: str = ""  # canonical own symbol, from the masthead or the running header
    from_pdf: bool = False  # the text carries traces of an earlier PDF extraction


# --- steps shared by PDF pages and text files ------------------------------------------------

_LIGATURES = str.maketrans({"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st"})


def normalize_ligatures(text: str) -> str:
    """Typographic ligatures from PDF fonts become their letters (`ﬁnancial` -> `financial`)."""
    return text.translate(_LIGATURES)


_TRAILING_WS_RE = re.compile(r"[ \t\u00a0]+$", re.MULTILINE)
_BLANK_RUN_RE = re.compile(r"\n{3,}")


def normalize_whitespace(text: str) -> str:
    """Trailing blanks go, no-break spaces become spaces, 3+ newlines become one blank line."""
    text = _TRAILING_WS_RE.sub("", text.replace("\u00a0", " "))
    return _BLANK_RUN_RE.sub("\n\n", text)


# A dot leader in a table of contents: five or more dots, spaced or not.
_DOT_LEADER_RE = re.compile(r"[ \t]*(?:\.[ \t]?){5,}[ \t]*")


def drop_dot_leaders(text: str) -> str:
    """`I. Introduction . . . . . 6` -> `I. Introduction\t6`: leaders are layout, not text."""
    return _DOT_LEADER_RE.sub("\t", text)


# A compound split at a line end: `Secretary-\nGeneral`, `drug-\nresistant`. UN texts hyphenate
# compounds, not syllables, so the hyphen stays and only the line break goes.
_LINE_END_HYPHEN_RE = re.compile(r"(?<=[^\W\d_])-[ \t]*\n[ \t]*(?=[^\W\d_])")
# A soft hyphen marks a syllable break: the word is rejoined without it.
_SOFT_HYPHEN_RE = re.compile(r"\u00ad[ \t]*\n?[ \t]*")


def rejoin_hyphenated(text: str) -> str:
    """A word broken at a line end is rejoined on one line."""
    return _LINE_END_HYPHEN_RE.sub("-", _SOFT_HYPHEN_RE.sub("", text))


_DISTR_DATE_RE = re.compile(rf"({DISTR})[ \t]*\n(?:[ \t]*\n)?[ \t]*(?={DATE})")


def join_masthead_date(text: str) -> str:
    """`Distr.: General` and the date printed under it become one line, as the masthead means."""
    return _DISTR_DATE_RE.sub(r"\1 ", text)


def chain(*steps: Step) -> Step:
    """Compose steps left to right."""

    def run(text: str) -> str:
        for step in steps:
            text = step(text)
        return text

    return run


clean_pdf_block = chain(normalize_ligatures, drop_dot_leaders, normalize_whitespace)

# --- steps for text files extracted from PDFs -------------------------------------------------

# Word's footnote anchors exported as text: `families, 0F\n\n1 \n` - a residue token (digits and
# one capital), a blank line, then the footnote number on its own line or before the text.
_MARKER_RESIDUE_RE = re.compile(
    r"[ \t]?\b\d{1,2}[A-Z][ \t]*\n[ \t]*\n[ \t]*\d{1,3}(?:[ \t]*(\n)|[ \t]+)"
)


def drop_marker_residue(text: str) -> str:
    """Drop footnote-anchor residue and the marker number that follows it."""
    return _MARKER_RESIDUE_RE.sub(lambda m: "\n" if m.group(1) else " ", text)


def _line_kind(line: str) -> str:
    """Classify a stripped line as page furniture: strong, symbol, page, or '' (text)."""
    if (
        JOB_LINE_RE.fullmatch(line)
        or BARCODE_LINE_RE.fullmatch(line)
        or RECYCLE_RE.fullmatch(line)
        or ("/" in line and PAGE_LINE_RE.fullmatch(line))
    ):
        return "strong"
    if PAGE_LINE_RE.fullmatch(line):
        return "page"
    if "/" in line and SYMBOL_LINE_RE.fullmatch(line):
        return "symbol"
    return ""


def _masthead_end(lines: list[str]) -> int:
    """Index after the masthead block at the top of a text file (0 when there is none)."""
    firsts = [i for i, line in enumerate(lines) if line.strip()][:15]
    if not firsts:
        return 0
    head = lines[firsts[0]].strip()
    if head != "United Nations" and not SYMBOL_LINE_RE.fullmatch(head):
        return 0
    return firsts[-1] + 1


def _furniture_lines(text: str) -> tuple[set[int], str]:
    """Indices of page-furniture lines, and the symbol the running headers or masthead carry.

    Without positions, position is approximated by isolation: furniture comes as a cluster of
    short lines (symbol, page number, job number, barcode) with only blank lines around it.
    A lone number is furniture only inside such a cluster."""
    lines = text.split("\n")
    kinds = [_line_kind(line.strip()) if line.strip() else "blank" for line in lines]
    masthead = _masthead_end(lines)
    drop: set[int] = set()
    header_symbols: Counter[str] = Counter()
    masthead_symbol = ""
    i = 0
    while i < len(lines):
        if kinds[i] in ("", "blank") or "\f" in lines[i]:
            i += 1
            continue
        j = i
        while j < len(lines) and kinds[j] != "" and "\f" not in lines[j]:
            j += 1
        run = [k for k in range(i, j) if kinds[k] != "blank"]
        run_kinds = {kinds[k] for k in run}
        for k in run:
            if k < masthead:
                if kinds[k] == "strong":
                    drop.add(k)
                elif kinds[k] == "symbol" and not masthead_symbol:
                    masthead_symbol = lines[k].strip()
            elif "strong" in run_kinds or {"symbol", "page"} <= run_kinds:
                drop.add(k)
                if kinds[k] == "symbol":
                    header_symbols[lines[k].strip()] += 1
        i = j
    symbol = masthead_symbol or (header_symbols.most_common(1)[0][0] if header_symbols else "")
    return drop, canonical_symbol(symbol)


def drop_page_furniture(text: str) -> str:
    """Remove running headers and footers (symbol, page number, job number, barcode)."""
    drop, _ = _furniture_lines(text)
    if not drop:
        return text
    lines = text.split("\n")
    return "\n".join(line for k, line in enumerate(lines) if k not in drop)


def _footnote_numbers(text: str) -> set[str]:
    numbers = set()
    for start, end in find_footnote_spans(text):
        for line in text[start:end].split("\n"):
            m = re.match(r"[ \t]?(\d{1,3})[ \t]", line)
            if m:
                numbers.add(m.group(1))
    return numbers


# A note marker glued after punctuation that closes a word: `Solution;1 `, `Rights,11 `.
_GLUED_MARKER_RE = re.compile(r"(?<=[^\W\d_][,;:”’\")])(\d{1,3})(?=[ \t]|\n|$)")


def drop_glued_markers(text: str) -> str:
    """Drop a note number glued to the punctuation after a word, when the document has that
    footnote: `Two-State Solution;1` -> `Two-State Solution;`."""
    numbers = _footnote_numbers(text)
    if not numbers:
        return text
    body_end = min((s for s, _ in find_footnote_spans(text)), default=len(text))

    def repl(m: re.Match[str]) -> str:
        return "" if m.group(1) in numbers and m.start() < body_end else m.group(0)

    return _GLUED_MARKER_RE.sub(repl, text)


def _blocked_lines(text: str) -> set[int]:
    """Line indices inside footnote blocks or that are rules (never joined to their neighbours)."""
    blocked = set()
    starts = [0]
    for m in re.finditer("\n", text):
        starts.append(m.end())
    spans = find_footnote_spans(text)
    for k, s in enumerate(starts):
        end = starts[k + 1] - 1 if k + 1 < len(starts) else len(text)
        line = text[s:end]
        if RULE_LINE_RE.fullmatch(line) or any(a <= s < b for a, b in spans):
            blocked.add(k)
    return blocked


def join_paragraph_lines(text: str) -> str:
    """Join the wrapped lines of a paragraph: a line is continued on the next one when the next
    line's first word would not have fitted on it (the break was forced by the width)."""
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if len(line.strip()) > 20)
    if len(lengths) < 5:
        return text
    width = lengths[int(len(lengths) * 0.9)]
    blocked = _blocked_lines(text)
    out = [lines[0]]
    for k in range(1, len(lines)):
        prev, line = out[-1].rstrip(), lines[k]
        first_word = line.split()[0] if line.strip() else ""
        if (
            prev.strip()
            and first_word
            and k not in blocked
            and k - 1 not in blocked
            and "\f" not in prev
            and "\f" not in line
            and not line[:1].isspace()  # an indented line starts a paragraph
            # proportional fonts: a character count only approximates the width
            and len(prev) + 1 + len(first_word) > 0.85 * width
        ):
            out[-1] = prev + " " + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def clean_pdf_extraction(text: str) -> str:
    """The PDF cleanup that can be done on text without positions, page by page."""
    return chain(
        drop_marker_residue,
        drop_page_furniture,
        drop_glued_markers,
        join_masthead_date,
        rejoin_hyphenated,
        join_paragraph_lines,
        normalize_whitespace,
    )(text)


clean_plain_text = chain(normalize_whitespace, rejoin_hyphenated)

# --- footnote blocks and symbol -------------------------------------------------------


def find_footnote_spans(text: str) -> tuple[tuple[int, int], ...]:
    """[start, end) of each footnote block: the numbered notes under a rule of underscores.

    A block runs over note lines (`1 See resolution 60/1.`, `* A/80/150.`) and their
    continuation lines (not indented, after a note that has not ended with a full stop); it ends
    at a form feed or at the first line that is neither."""
    spans = []
    for rule in re.finditer(r"(?m)^[ \t]*_{5,}[ \t]*$", text):
        pos = rule.end() + 1
        start = end = -1
        open_note = False
        while pos < len(text):
            ends = [i for i in (text.find("\n", pos), text.find("\f", pos)) if i >= 0]
            line_end = min(ends, default=len(text))
            line = text[pos:line_end]
            if not line.strip():
                open_note = False if start >= 0 else open_note
            elif FOOTNOTE_START_RE.match(line):
                start = pos if start < 0 else start
                end = line_end
                open_note = not line.rstrip().endswith(".")
            elif start >= 0 and open_note and not line[:1].isspace():
                end = line_end
                open_note = not line.rstrip().endswith(".")
            else:
                break
            if text.startswith("\f", line_end):
                break
            pos = line_end + 1
        if start >= 0:
            spans.append((start, end))
    return tuple(spans)


def canonical_symbol(symbol: str) -> str:
    """ODS form of a symbol as printed: spaces and footnote asterisks removed."""
    return re.sub(r"\s+", "", symbol).rstrip("*")


# --- entry point for text files ---------------------------------------------------------------


def looks_like_pdf_extraction(text: str) -> bool:
    """True when the text carries furniture or residue that only a PDF extraction leaves."""
    if _MARKER_RESIDUE_RE.search(text):
        return True
    drop, _ = _furniture_lines(text)
    return bool(drop)


def clean_text_file(text: str) -> CleanText:
    """Clean a decoded text file (`\\r\\n` already normalised). Form feeds are kept one for one."""
    text = normalize_whitespace(text)
    from_pdf = looks_like_pdf_extraction(text)
    symbol = ""
    if from_pdf:
        _, symbol = _furniture_lines(text)
        text = "\f".join(clean_pdf_extraction(page) for page in text.split("\f"))
    else:
        text = "\f".join(clean_plain_text(page) for page in text.split("\f"))
    return CleanText(
        text=text,
        footnote_spans=find_footnote_spans(text),
        symbol=symbol,
        from_pdf=from_pdf,
    )


# --- the layout the clean text keeps ----------------------------------------------------------

# A table row of a PDF is one line of the clean text, its cells separated by tabs (pdf.py writes
# them so); a line of running text is long. Extractors ask these two questions of the layout
# rather than reading tabs and line lengths themselves.
SHORT_LINE = 40  # characters: a line this short is a cell or a heading, not wrapped prose


def crosses_cells(text: str, start: int, end: int) -> bool:
    """A line break inside text[start:end] after a short line, or after a line that holds a
    tab (such a line ends a table row): the span joins cells of a table (`Amount\\nGroup`,
    `Regional\\nService Centre`), not a name wrapped in running text or in one cell (a wrapped
    cell's last line carries the row's other cells)."""
    for i in (i for i in range(start, end) if text[i] in "\n\f"):
        line_start = max(text.rfind("\n", 0, i), text.rfind("\f", 0, i)) + 1
        if i - line_start < SHORT_LINE or "\t" in text[line_start:i]:
            return True
    return False


def ends_cell(text: str, pos: int) -> bool:
    """A table cell ends at `pos` (spaces aside): a tab follows, or the end of a line that
    holds one."""
    gap = text[pos : pos + 3].lstrip(" ")
    line_start = text.rfind("\n", 0, pos) + 1
    return gap[:1] == "\t" or (gap[:1] == "\n" and "\t" in text[line_start:pos])
