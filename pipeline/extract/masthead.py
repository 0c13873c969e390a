"""The document's own symbol, date and title: one reader of mastheads for every kind of document.

What each kind's masthead looks like is data (`pipeline/data/document_kinds.toml`: its symbols,
the heading that marks it, the lines that date it, its title); this module applies it, then
falls back on the evidence every UN document has. Ingest passes on what only the layout shows
(`Document.symbol`: the symbol of the masthead cell or of the running headers, which cleaning
removes; `Document.title`: the large bold lines of a PDF's first page); the decision is made
here, once.

Evidence for the own symbol: the kind's heading (`46th plenary meeting` of the `Forty-eighth
session` is `A/48/PV.46`) where it agrees with the masthead or the masthead has none, else the
masthead or running header, else the title line of a resolution (`62/270.`).
Evidence for the date, in order of weight: the kind's own lines (a meeting record's `Monday,
1 November 1993`, a Security Council resolution's adoption line), the masthead (`Distr.: General
18 May 2006`), an adoption line (`Resolution adopted by the General Assembly on ...`), a dateline
(`New York, 20 June 2008`), the session a speech names as its own, the latest date the text
cites, the month of the latest date it states.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

import regex

from pipeline.calendar import MONTH, MONTH_NUMBER
from pipeline.extract.date_grammar import CANDIDATE, DATE_PHRASE, ORDINAL, SP, _shape
from pipeline.extract.date_values import _full
from pipeline.extract.dates import full_values, session_number
from pipeline.extract.symbol_grammar import (
    FULL_SYMBOL,
    _alias_to_body,
    _fits,
    _full_symbol_at,
    canonical,
    organs,
)
from pipeline.models import Document


@dataclass(frozen=True)
class Masthead:
    """What a document says about itself."""

    kind: str = ""  # the kind of document (document_kinds.toml), "" when none fits
    symbol: str = ""
    date: str = ""  # ISO 8601, at the precision the evidence gives
    date_source: str = ""  # meeting | adoption | masthead | dateline | session | latest-...
    title: str = ""
    letter_date: str = ""  # a letter's own date, beside the date it was issued


# How far the first page's masthead and headings may reach into the text.
HEAD_CHARS = 3000

# --- kinds as data ------------------------------------------------------------------------------

_MONTH_NAMES = MONTH
# A date in a heading, in any case (`29 AUGUST 1950`), line breaks allowed between its parts.
_DATE = (rf"(?P<date>(?<![\w/.])\d{{1,2}}(?:st|nd|rd|th)?\s+(?i:{_MONTH_NAMES})\s*,?\s+"
         rf"(?:19|20)\d\d(?!\d))")
_PLACEHOLDERS = {"{DATE}": _DATE, "{ORDINAL}": ORDINAL}


@dataclass(frozen=True)
class Kind:
    """One kind of document, as document_kinds.toml describes it."""

    name: str
    symbol: re.Pattern[str] | None
    not_symbol: re.Pattern[str] | None  # an own symbol that rules the kind out
    heading: regex.Pattern | None
    session: regex.Pattern | None
    own_symbol: str
    dates: tuple[regex.Pattern, ...]
    date_source: str
    title: str
    letter: bool


def _pattern(source: str, flags: int = 0) -> regex.Pattern:
    for name, body in _PLACEHOLDERS.items():
        source = source.replace(name, body)
    return regex.compile(source, flags)


@cache
def kinds() -> tuple[Kind, ...]:
    text = resources.files("pipeline.data").joinpath("document_kinds.toml").read_text("utf-8")
    rows = tomllib.loads(text)["kind"]
    return tuple(
        Kind(
            name=r["name"],
            symbol=re.compile(r["symbol"]) if r.get("symbol") else None,
            not_symbol=re.compile(r["not_symbol"]) if r.get("not_symbol") else None,
            heading=_pattern(r["heading"], regex.MULTILINE) if r.get("heading") else None,
            session=_pattern(r["session"], regex.MULTILINE) if r.get("session") else None,
            own_symbol=r.get("own_symbol", ""),
            dates=tuple(_pattern(d) for d in r.get("dates", ())),
            date_source=r.get("date_source", ""),
            title=r.get("title", ""),
            letter=r.get("letter", False),
        )
        for r in rows
    )


def _iso(m: regex.Match) -> str:
    """ISO date of a `(?P<date>...)` group: `29 AUGUST 1950` -> `1950-08-29`."""
    day, month, year = m.group("date").replace(",", " ").split()
    day = re.sub(r"\D", "", day)
    try:
        return dt.date(int(year), MONTH_NUMBER[month.lower()], int(day)).isoformat()
    except (ValueError, KeyError):
        return ""


@dataclass(frozen=True)
class _Fit:
    kind: Kind
    fields: dict[str, str] | None  # the heading's, None where the symbol alone told the kind
    letter_date: str = ""


def _fields(kind: Kind, m: regex.Match, head: str) -> dict[str, str] | None:
    """The template fields of a heading: its groups, the meeting's number, the session."""
    fields = {k: " ".join(v.split()) for k, v in m.groupdict().items() if v is not None}
    fields.pop("date", None)
    if "meeting" in fields:
        # `4810` / `th meeting`: the ordinal's superscript below the number (2003-2004 records)
        fields["meeting"] = fields["meeting"].lower().replace(" ", "")
        fields["number"] = re.sub(r"\D", "", fields["meeting"])
    if kind.session is not None:
        s = kind.session.search(head)
        if s is None:
            return None
        number = session_number(s.group("session"))
        special = (s.group("special") or "").lower()
        prefix = "ES-" if "emergency" in special else "S-" if special else ""
        fields["session"] = f"{prefix}{number}"
        fields["session_name"] = " ".join(s.group("session").split()).capitalize()
        if special:
            fields["session_name"] += " " + " ".join(special.split())
    return fields


def _kind_of(text: str, symbol: str) -> _Fit | None:
    """The first kind whose symbol pattern the own symbol fits (when known) and whose heading
    the first page shows; a kind whose symbol the document has fits without its heading (its
    dates still apply; the title is then read as for any document)."""
    head = text[:HEAD_CHARS].split("\f")[0]
    for kind in kinds():
        by_symbol = bool(symbol) and kind.symbol is not None
        if by_symbol and not kind.symbol.fullmatch(symbol):
            continue
        if symbol and kind.not_symbol is not None and kind.not_symbol.fullmatch(symbol):
            continue
        m = kind.heading.search(head) if kind.heading is not None else None
        fields = _fields(kind, m, head) if m is not None else None
        if fields is None:
            if by_symbol:
                return _Fit(kind, None)
            continue
        letter = _iso(m) if kind.letter and m.groupdict().get("date") else ""
        return _Fit(kind, fields, letter)
    return None


# --- the own symbol -----------------------------------------------------------------------------

# The masthead or running header line: the symbol alone, or with the job number, barcode and
# page number PDFs glue to it (`2/27 26-00248A/80/590`, `*2600248*A/80/590`), or followed by the
# running title (`A/RES/73/3 on the fight against tuberculosis`).
_HEADER_CLUTTER = regex.compile(r"^[\d\s/*()\-E]*$")
# The masthead as a layout-aware PDF reader or an ODS text gives it: `United Nations<tab>A/80/590`.
_MASTHEAD_LEAD = regex.compile(r"^[ \t\u00a0]*(?:United Nations|UNITED NATIONS)[ \t\u00a0]+$")
_RUNNING_TITLE = regex.compile(r"[ \t\u00a0]+[a-z]")
# A document's own number as its title line: `62/270. Global Forum ...`, `2022/5.`.
_TITLE_NUMBER = regex.compile(
    r"^[ \t\u00a0]*(?:(?P<year>(?:19|20)\d\d)/\d{1,4}|(?:ES-|S-)?\d{1,3}/\d{1,4})\.(?=\s)",
    regex.MULTILINE,
)
# The document's organ as its preamble opens: `The General Assembly,`.
_PREAMBLE = regex.compile(
    r"^[ \t\u00a0]*The (?P<name>General Assembly|Economic and Social Council|Security Council|"
    r"Human Rights Council),",
    regex.MULTILINE,
)


def _header_score(text: str, m: re.Match[str]) -> int:
    line_start = text.rfind("\n", 0, m.start()) + 1
    line_end = text.find("\n", m.end())
    line_end = len(text) if line_end < 0 else line_end
    before, after = text[line_start : m.start()], text[m.end() : line_end]
    lead = _HEADER_CLUTTER.match(before) or _MASTHEAD_LEAD.match(before)
    standalone = lead and re.fullmatch(r"[\s*]*", after)
    running = not before.strip() and _RUNNING_TITLE.match(after)
    score = 1 if standalone or running else 0
    return score + (2 if standalone and m.start() < 400 else 0)


def document_symbol(text: str) -> str:
    """The symbol the masthead or running header states, "" if none: the symbol standing alone
    on a line, the more often and the nearer the top the better."""
    scores: dict[str, int] = {}
    first: dict[str, int] = {}
    for m in FULL_SYMBOL.finditer(text):
        if (written := _full_symbol_at(m)) is None:
            continue
        symbol = written[1]
        scores[symbol] = scores.get(symbol, 0) + _header_score(text, m)
        first.setdefault(symbol, m.start())
    if scores:
        best = max(scores, key=lambda s: (scores[s], -first[s]))
        if scores[best] >= 2:
            return best
    return _title_symbol(text)


def _title_symbol(text: str) -> str:
    """`62/270.` as the first title line of a resolution whose preamble names its organ."""
    title = _TITLE_NUMBER.search(text, 0, min(len(text), 3000))
    preamble = _PREAMBLE.search(text, 0, min(len(text), 6000))
    if not title or not preamble:
        return ""
    body = _alias_to_body()[preamble.group("name")]
    shape = "year" if title.group("year") else "session"
    if body not in _fits(shape):
        return ""
    number = title.group(0).strip().rstrip(".")
    return f"{organs()[body].resolution_prefix}/{number}"


# --- the own date -------------------------------------------------------------------------------

# The first date after `Distr.`; scanned mastheads put the symbol and organ in between.
DISTR = regex.compile(rf"\bDistr\b[\s\S]{{0,160}}?{DATE_PHRASE}")
ADOPTION = regex.compile(
    rf"(?i:adopted)\b[^\n.]{{0,120}}?\b(?:on|of|,){SP}{DATE_PHRASE}"
    rf"|(?m:^[ \t]*\d+(?:st|nd|rd|th)[ \t]+plenary[ \t]+meeting[ \t]*\n\s*{DATE_PHRASE})"
)
# A dateline: a place and a date standing alone (`New York, 20 June 2008`), or opening a news
# story before a dash (`VIENNA, 12 October 2020 - Ghada Waly...`, `Vienna (Austria), 12 October
# 2020 — Under the premise...`, UNODC press releases).
DATELINE = regex.compile(
    rf"(?m:^[ \t]*[A-Z][\w.'-]*(?:[ \t]+[A-Z][\w.'-]*){{0,3}}(?:[ \t]+\([A-Z][^)\n]{{1,40}}\))?,"
    rf"[ \t]+{DATE_PHRASE}(?:[ \t]*\.?[ \t]*$|[ \t]+[-\u2013\u2014][ \t]))"
)
# The session a speech in the general debate calls its own: `this fiftieth session`, `President
# of the twelfth session`, `the opening of the twelfth session` (not `presided over the
# thirty-ninth session`, the predecessor's).
THIS_SESSION = regex.compile(
    rf"(?i:\b(?:this|the{SP}present|the{SP}current|(?:President|presidency|opening){SP}of{SP}the"
    rf"(?:{SP}General{SP}Assembly{SP}at{SP}its)?)){SP}(?P<ord>{ORDINAL}){SP}(?i:session)"
)
CITED = regex.compile(rf"\d[\w.]*{SP}of{SP}{DATE_PHRASE}")
# How far into the text a masthead may sit (PDF layers put it after a few header lines).
MASTHEAD_REACH = 1500


def _date_phrase_iso(m: regex.Match) -> str:
    """ISO date of a DATE_PHRASE match (`18 May 2006`)."""
    found = CANDIDATE.match(m.group("date"))
    value = _full(found, _shape(found)) if found else None
    return value.start if value else ""


def document_date(text: str) -> tuple[str, str]:
    """The date every document may show (ISO) and the evidence that gave it; ("", "") when
    unknown. See the module's docstring for the order of the evidence."""
    head = text[:MASTHEAD_REACH]
    for evidence, pattern, where in (("masthead", DISTR, head), ("adoption", ADOPTION, text),
                                     ("dateline", DATELINE, text)):
        for m in pattern.finditer(where):
            if iso := _date_phrase_iso(m):
                return iso, evidence
    own = [session_number(m.group("ord")) for m in THIS_SESSION.finditer(text)]
    own = [n for n in own if 1 <= n <= 99]
    if own:
        return f"{1945 + max(own)}-09", "session"
    cited = [iso for m in CITED.finditer(text) if (iso := _date_phrase_iso(m))]
    if cited:
        return max(cited), "latest-cited"
    stated = [v.start for _, _, v in full_values(text)
              if v.precision in ("day", "month") and "XXXX" not in v.start]
    if stated:
        # A month at most: the text was written on or after its latest date, not on it.
        return max(stated)[:7], "latest-date"
    return "", ""


def _kind_date(kind: Kind, text: str) -> str:
    head = text[:HEAD_CHARS]
    for pattern in kind.dates:
        for m in pattern.finditer(head):
            if iso := _iso(m):
                return iso
    return ""


# --- the title ----------------------------------------------------------------------------------

# a title line is short and is not a sentence of running text
TITLE_LINE = re.compile(r"[^\n]{3,200}")
# a resolution's or decision's number line, which its title follows: "62/270. Global Forum ...";
# of a special or emergency special session "S-27/2.", "ES-11/1." (as `_TITLE_NUMBER`)
NUMBER_LINE = re.compile(
    r"[ \t]*(?:(?:ES-|S-)?\d{1,4}/\d{1,4}|\d{1,4} ?[A-Z]? \([IVXLC]+\))\.[ \t]*(.*)")
# masthead lines that stand above a title: organ, symbol, distribution, date, session, agenda,
# and page furniture (barcodes, job numbers); and the line under it that says who reports
# (`Report of the Secretary-General` under `United Nations Verification Mission in Colombia`)
MASTHEAD_LINE = re.compile(
    r"United ?Nations|Nations ?Unies|General Assembly|Security Council|Economic and Social Council|"
    r"Human Rights Council|Official Records|"
    r"[A-Z]{1,6}/\S+|Distr\.:?.*|Original:.*|\d{1,2} \w+ \d{4}|.*\bsession\b.*|"
    r"Agenda items?.*|Items? \d.*|Resolution adopted by.*|\[.*\]|\d{2}-\d{5}.*|\*\d{7}\*|"
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? .*|New York|Geneva|"
    r"(?:Report|Note) (?:of|by) the Secretary-General\**",
    re.IGNORECASE,
)
# the sponsors' line of a draft, which its title follows
DRAFT_LINE = re.compile(r":\W*(?:revised\s+)?draft\s+(?:resolution|decision)s?\s*$", re.I)


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
    return " ".join(line for line in lines if not MASTHEAD_LINE.fullmatch(line))


def _heading(paragraph: str) -> str:
    heading = " ".join(paragraph.split())
    if TITLE_LINE.fullmatch(heading) and not heading.endswith((".", ",", ";", ":")):
        return heading
    return ""


def _title(layout_title: str, text: str) -> str:
    """The layout's title (large bold lines of a PDF) unless it is a masthead line, else the
    title read from the text."""
    if layout_title and not MASTHEAD_LINE.fullmatch(layout_title.strip()):
        return layout_title
    return guess_title(text)


# --- the reader ---------------------------------------------------------------------------------


def read(doc: Document) -> Masthead:
    """The document's own kind, symbol, date and title."""
    text = doc.text
    symbol = canonical(doc.symbol) if doc.symbol else document_symbol(text)
    fit = _kind_of(text, symbol)
    if fit and fit.kind.own_symbol and not symbol and fit.fields is not None:
        symbol = fit.kind.own_symbol.format(**fit.fields)
    date = _kind_date(fit.kind, text) if fit else ""
    date_source = fit.kind.date_source if date else ""
    if not date:
        date, date_source = document_date(text)
    if not date and doc.date:
        date, date_source = doc.date, "given"
    title = ""
    if fit and fit.kind.title and fit.fields is not None:
        title = fit.kind.title.format(**fit.fields)
    return Masthead(
        kind=fit.kind.name if fit else "",
        symbol=symbol,
        date=date,
        date_source=date_source,
        title=title or _title(doc.title, text),
        letter_date=fit.letter_date if fit else "",
    )
