"""Dates: find calendar expressions in a document and normalize them to ISO 8601.

Candidates come from one compiled pattern (named shapes, longest first), tried only where a
cheap trigger pattern says a date can begin (a digit, a month, a relative or ordinal word);
only candidates are parsed. The common `20 December 2006` shapes are read exactly with our own
month table; the rest (`December 20, 2006`, `20.12.2006`, `yesterday`) go to dateparser with
explicit settings, cached by the normalized phrase. Nothing depends on today's date: partial
and relative dates are anchored to the document's own date (pipeline/extract/masthead.py) or
left unknown.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from pipeline.calendar import (
    MONTH,
    MONTH_ABBREVIATIONS,
    MONTH_NUMBER,
    ORDINAL_STEMS,
    ORDINALS,
    last_day,
)
from pipeline.models import Context, DateMention
from pipeline.reference import read_data
from pipeline.sentences import sentence_ends, sentence_span

# --- named fragments -------------------------------------------------------------------------

# A space inside a date may be a line break: hard-wrapped speeches and PDF lines split
# `3 November\n1993`, and a page break (form feed) `12 November\f2002`. One break at most, so
# a date never spans a paragraph.
_BREAK = r"(?:\n?\f\n?|\n)"
SP = rf"(?:[ \t\u00a0]+(?:{_BREAK}[ \t\u00a0]*)?|{_BREAK}[ \t\u00a0]*)"
OPT_SP = rf"(?:{SP})?"

# Full month names only where a bare month is read (capitalized: `the march of history`,
# `the Assembly may decide` never match); abbreviations only next to a day or a year.
_FULL_MONTH = MONTH
_ABBR_MONTH = r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# Old records print dates in capitals (`492nd MEETING: 29 AUGUST 1950`, `MONDAY, 1 NOVEMBER 1993`):
# a full month in capitals is read beside a day or a year, never alone.
_CAPS_MONTH = _FULL_MONTH.upper()
MONTH_NAME = rf"(?:{_FULL_MONTH}|{_CAPS_MONTH}|(?:{_ABBR_MONTH})\.?)(?![\w])"
# `this August body`, `this august Assembly` in speeches: an adjective, not the month.
BARE_MONTH = (
    rf"(?:{_FULL_MONTH})(?![\w])(?![ \t]+(?i:body|assembly|gathering|forum|house|chamber|hall|"
    rf"institution|organi[sz]ation|company|presence)\b)"
)

# A day of the month, with an optional English ordinal suffix (`20th`); not part of a longer
# number, a decimal (`para. 3.14`) or a symbol (`61/208`); nor a digit that OCR noise touches
# (`~9 September 1971` is the scan of `29 September`: the month and year stand, the day not).
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w/])"
DAY = rf"(?<![\w/.,\-~^|]){DAY_NUMBER}"

# Years the documents talk about. A footnote number glued to a year in a full date
# (`26 April 20134` = 2013 + footnote 4) is allowed where a day and month came before it.
YEAR_DIGITS = r"(?:1[6-9]|20)\d\d"
YEAR_AFTER_DAY = rf"{YEAR_DIGITS}(?:(?<=\d{{4}})\d{{1,2}}(?=[\s,;.:)]|$))?(?![\w/])"
# A year standing alone: not inside a symbol (`E/2006/25`), a number (`1,2006`, `3.2006`), a
# code (`18-18418`) or a word (`1990s`, `2030th`).
# ... but a footnote number may follow it after a full stop (`in 2015.3`), unlike a decimal.
YEAR_END = rf"{YEAR_DIGITS}(?![\w/]|,\d|\.\d{{3}})"
# `mid-2020`, `end-2019` are times; `post-2015` and `1-2015` are parts of names and codes.
BARE_YEAR = rf"(?:(?<=\b(?i:mid|end|early|late)-)|(?<![\w/$€£]|\d[,.]|[\w]-)){YEAR_END}"
# A footnote number glued to a lone year (`by 20302`), as the UN's XML renderings print it.
# One digit only, and modern years only: a six-digit run is a job number's date (`160126`).
YEAR_FN = r"(?:19|20)\d\d\d(?=[ \t]*(?:[,;:)]|and\b|$)|\.?\s)"
YEAR_WITH_FOOTNOTE = rf"(?<![\w/$€£]|\d[,.]|[\w]-){YEAR_FN}"

# Between the two ends of a range. `and` only joins days (`14 and 15 September`): between full
# dates or years it makes a list (`the 2011 and 2012 editions`), not a range.
DASH = r"[ \t]*[-\u2010-\u2015][ \t]*"
TO = rf"(?:{DASH}|{SP}(?:to|through|until|till){SP})"
TO_OR_AND = rf"(?:{TO}|{SP}and{SP})"
COMMA = rf"(?:{OPT_SP},)?"

# Ordinal session numbers, in words (`sixty-third`) or figures (`63rd`), 1 to 99.
# A compound may be split at its hyphen by a line break (`seventy-\nfourth session`).
_ORDINAL_WORDS = (
    "|".join(sorted(ORDINALS, key=len, reverse=True)).replace(" ", SP).replace("-", r"-\s?")
)
ORDINAL = rf"(?i:(?<![\w-])(?:{_ORDINAL_WORDS}|[1-9]\d?(?:st|nd|rd|th)))"

# Words that set a relative date against the document's date.
RELATIVE_UNIT = r"(?i:(?<![\w-])(?:this|last|next|the[ \t]+coming|the[ \t]+past))"


def _d(n: str) -> str:
    return rf"(?P<{n}>{DAY})"


def _d2(n: str) -> str:
    """The second day of a range: the dash before it is no left boundary."""
    return rf"(?P<{n}>{DAY_NUMBER})"


def _m(n: str) -> str:
    return rf"(?P<{n}>{MONTH_NAME})"


def _y(n: str) -> str:
    return rf"(?P<{n}>{YEAR_AFTER_DAY})"


# The shapes, longest first: the pattern tries them in this order at each position, so
# `9 to 11 July 2007` is one range and never `11 July 2007` plus a stray `9`.
SHAPES: list[tuple[str, str]] = [
    # 1 July 2021 to 30 June 2022
    ("dmy_dmy", rf"{_d('d1')}{SP}{_m('m1')}{COMMA}{SP}{_y('y1')}{TO}{_d2('d2')}{SP}{_m('m2')}"
                rf"{COMMA}{SP}{_y('y2')}"),
    # 1 January to 31 December 2021
    ("dm_dmy", rf"{_d('d1')}{SP}{_m('m1')}{TO}{_d2('d2')}{SP}{_m('m2')}{COMMA}{SP}{_y('y2')}"),
    # 31 August and 1 September 2021: a month's last day and the next month's first are one
    # meeting over two days, so a range (`12 March and 15 June` stays two dates)
    ("dm_and_dmy", rf"(?=(?:31{SP}(?:January|March|May|July|August|October|December)|30{SP}"
               rf"(?:April|June|September|November)|2[89]{SP}February)\b){_d('d1')}{SP}"
               rf"{_m('m1')}{SP}and{SP}(?P<d2>0?1)(?![\w/]){SP}{_m('m2')}{COMMA}{SP}"
               rf"{_y('y2')}"),
    # 9 to 11 July 2007, 14 and 15 September 2006, 4–15 September 1995
    ("d_dmy", rf"{_d('d1')}{TO_OR_AND}{_d2('d2')}{SP}{_m('m2')}{COMMA}{SP}{_y('y2')}"),
    # 20 December 2006, 18 December, 2011
    ("dmy", rf"{_d('d1')}{SP}{_m('m1')}{COMMA}{SP}{_y('y1')}"),
    # December 20, 2006 (American order, in press releases and letters)
    ("mdy", rf"(?P<m1>{MONTH_NAME}){SP}(?P<d1>{DAY}){COMMA}{SP}{_y('y1')}"),
    # September 2006 to June 2007
    ("my_my", rf"{_m('m1')}{COMMA}{SP}(?P<y1>{BARE_YEAR}){TO}{_m('m2')}{COMMA}{SP}"
              rf"(?P<y2>{BARE_YEAR})"),
    # January to March 2021
    ("m_my", rf"{_m('m1')}{TO}{_m('m2')}{COMMA}{SP}(?P<y2>{BARE_YEAR})"),
    # September 2006
    ("my", rf"{_m('m1')}{COMMA}{SP}(?P<y1>{BARE_YEAR})"),
    # 20.12.2006 (tables), 20/12/2006; day first, as the UN writes it
    ("numeric", rf"(?<![\w/.\-])(?:[12]\d|3[01]|0?[1-9])(?P<sep>[./])(?:1[0-2]|0?[1-9])"
                rf"(?P=sep){YEAR_DIGITS}(?![\w/]|\.\d)"),
    # 2006-12-20
    ("iso", rf"(?<![\w/.\-]){YEAR_DIGITS}-(?:1[0-2]|0[1-9])-(?:[12]\d|3[01]|0[1-9])(?![\w/\-])"),
    # from 2015 to 2030, between 2015 and 2030
    ("from_y_y", rf"(?i:(?P<lead>from|between)){SP}(?P<y1>{BARE_YEAR})"
                 rf"(?:{TO}|{SP}and{SP})(?P<y2>{YEAR_END}|{YEAR_FN})"),
    # 2020–2021, the biennium 2008-2009, 2022-26, 2015 to 2030
    ("y_y", rf"(?P<y1>{BARE_YEAR})(?:{TO})(?P<y2>{YEAR_END}|{YEAR_FN}|"
            rf"(?<=[-\u2010-\u2015])\d\d(?![\w/]))"),
    # the 2024/25 period (a peacekeeping financial year)
    ("fiscal", rf"(?P<y1>(?<![\w/$€£]|\d[,.]){YEAR_DIGITS})/(?P<y2>\d\d)(?![\w/]|[.,]\d)"),
    # in 2008
    ("y", rf"(?P<y1>{BARE_YEAR}|{YEAR_WITH_FOOTNOTE})"),
    # partial dates: the year is left to the context
    ("dm_dm", rf"{_d('d1')}{SP}{_m('m1')}{TO}{_d2('d2')}{SP}{_m('m2')}"),
    ("d_dm", rf"{_d('d1')}{TO_OR_AND}{_d2('d2')}{SP}{_m('m2')}"),
    ("dm", rf"{_d('d1')}{SP}{_m('m1')}"),
    ("md", rf"(?P<m1>{BARE_MONTH}){SP}(?P<d1>{DAY})(?!{SP}(?:{YEAR_DIGITS}|per|of|to)\b)"),
    # last June, next March: relative to the document's date
    ("rel_month", rf"{RELATIVE_UNIT}{SP}(?P<m1>{BARE_MONTH})"),
    # in June, since March: a month without a year, read only after a word that makes it a time
    ("m", rf"(?<=(?i:\b(?:in|since|until|till|by|during|before|after|from|early|late|mid|"
          rf"end[ \t]+of|beginning[ \t]+of))[ \t]+)(?P<m1>{BARE_MONTH})"),
    # today, last week, next year, this year
    ("rel_day", r"(?i:(?<![\w-])(?P<word>today|yesterday|tomorrow)(?![\w-]))"),
    ("rel_unit", rf"{RELATIVE_UNIT}{SP}(?P<unit>(?i:year|month|week))(?![\w-])"),
    # the tenth emergency special session (dated from a table: no formula gives their dates)
    ("es_session", rf"(?P<ord>{ORDINAL}){SP}(?i:emergency{SP}special{SP}session)(?![\w-])"),
    # sixty-third session, 63rd session, its seventy-fifth regular session
    ("session", rf"(?P<ord>{ORDINAL}){SP}(?:(?i:regular|resumed){SP})?(?i:session)(?![\w-])"),
]

CANDIDATE = regex.compile("|".join(f"(?P<{name}>{body})" for name, body in SHAPES))
SHAPE_NAMES = [name for name, _ in SHAPES]

# Where a shape can begin: a digit, a month, a relative or ordinal word. Trying the full
# pattern only there is ~20x faster than letting it scan every position of the text.
_ORDINAL_STEMS = "|".join(sorted(ORDINAL_STEMS, key=len, reverse=True))
TRIGGER = regex.compile(
    rf"(?<![\w/.,\-])\d|(?<=\b(?i:mid|end|early|late)-)\d|\b(?:{_FULL_MONTH}|{_ABBR_MONTH})\b"
    rf"|(?i:\b(?:this|last|next|today|yesterday|tomorrow|{_ORDINAL_STEMS})"
    rf"|\b(?:from|between)(?=[ \t\n]+\d)|\bthe(?=[ \t]+(?:coming|past)\b))"
)


def candidates(text: str) -> Iterator[regex.Match]:
    """The candidate date phrases of a text, left to right, never overlapping."""
    end = 0
    for trigger in TRIGGER.finditer(text):
        if trigger.start() < end:
            continue
        m = CANDIDATE.match(text, trigger.start())
        if m:
            end = m.end()
            yield m


# Words before a bare year that make it a number, not a time: `Treaty Series, vol. 2220`,
# `Sales No. 2006`, `para. 1999`, `resolution 1999 (...)`, `page 2010`, money, and the job
# number in a UN footer (`25-14304 (E) 200125`).
NOT_A_YEAR_BEFORE = regex.compile(
    r"(?i:\b(?:vol|vols|no|nos|para|paras|p|pp|page|pages|art|article|articles|chap|sect|item|"
    r"items|resolution|resolutions|decision|decisions|rule|rules|annex|number|code|isbn|issn|"
    r"us\$|usd|\$|eur|€)\.?[ \t]*)$|[\d][ \t]*\([ \t]*$|\([A-Z]\)[ \t]*$"
)
# Words after a bare year that make it a count (`2000 participants`) or a symbol's year in
# parentheses (`S/RES/1325 (2000)` is caught by NOT_A_YEAR_BEFORE's `1325 (`).
NOT_A_YEAR_AFTER = regex.compile(
    r"^[ \t]*(?i:per[ \t]+cent|%|percent|km|kilometres|metres|meters|tons|tonnes|people|"
    r"persons|participants|staff|posts|troops|children|women|men|refugees|migrants|"
    r"dollars|euros)\b"
)
# `its resolution 2020/21`, `decisions 2019/5`: an ECOSOC symbol, not a financial year.
SYMBOL_CONTEXT = regex.compile(r"(?i:\b(?:resolutions?|decisions?|No\.?)[\s\w/,.]{0,40})$")

# Bodies that hold numbered sessions. Only the General Assembly's session N has a fixed
# calendar (September of 1945+N to September of 1946+N); another body's session is no date.
ASSEMBLY = r"General\s+Assembly|\bAssembly\b"
# Tried before ASSEMBLY, so `World Health Assembly` and `Assembly of States Parties` are others.
OTHER_BODY = (
    r"\b(?:Council|Commission|Committee|Conference|Board|Forum|Meeting|Parties|Organization|"
    r"Convention|Congress|Subcommission|Sub-Commission|Working\s+Group|Tribunal|Court|Summit|"
    r"Assembly\s+of|World\s+Health\s+Assembly)\b"
)
BODY = regex.compile(rf"(?P<other>{OTHER_BODY})|(?P<ga>{ASSEMBLY})")
# `session of the United Nations General Assembly` is the Assembly's; `session of the
# Conference of the Parties`, of any other named body, is not.
SESSION_OF = regex.compile(
    rf"{SP}of{SP}the{SP}(?:(?P<ga>(?:United{SP}Nations{SP})?General{SP}Assembly|Assembly\b"
    rf"(?!{SP}of))|(?P<other>[A-Z]))"
)

# `the 2030 Agenda`, `the 2005 World Summit`: a year inside a name dates the name, and
# completes no partial date beside it.
NAME_AFTER = regex.compile(r"[ \t]+[A-Z]")
# `10 March of each year`: a day that recurs, so no year completes it.
RECURRING = regex.compile(r"[ \t]+(?:of[ \t]+)?(?:each|every)[ \t]+year\b|[ \t]+annually\b")
# `on 31 August and 1 September 2021`: a partial date listed before a full one shares its year.
LIST_JOIN = regex.compile(rf"{OPT_SP}(?:,|and|or|to|[-\u2010-\u2015]){OPT_SP}")


# A full date as a phrase (`18 May 2006`), for the masthead reader (pipeline/extract/masthead.py).
DATE_PHRASE = rf"(?P<date>{DAY}{SP}{MONTH_NAME}{COMMA}{SP}{YEAR_AFTER_DAY})"


# --- values ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Value:
    """A normalized date or range before it becomes a mention."""

    start: str
    end: str
    precision: str
    kind: str
    completion: str = ""
    session: str = ""


def _month(word: str) -> int:
    key = word.lower().rstrip(".")
    return MONTH_NUMBER.get(key) or MONTH_ABBREVIATIONS[key]


def _digits(word: str) -> int:
    """`20th` → 20."""
    return int(regex.match(r"\d+", word).group())


def _day(word: str) -> int:
    return _digits(word)


def _year(word: str) -> int:
    return int(word[:4])  # a glued footnote number follows the four digits


def _iso(year: int | None, month: int | None = None, day: int | None = None) -> str:
    """ISO text at the precision given; an unknown year is `XXXX`. Raises on an impossible day."""
    if year is not None and month and day:
        dt.date(year, month, day)
    elif month and day:
        dt.date(2000, month, day)  # a leap year, so 29 February stays possible
    head = "XXXX" if year is None else f"{year:04d}"
    if not month:
        return head
    return f"{head}-{month:02d}" if not day else f"{head}-{month:02d}-{day:02d}"


@functools.cache
def _dateparser_settings(base: dt.datetime) -> dict:
    return {
        "DATE_ORDER": "DMY",
        "RELATIVE_BASE": base,
        "PREFER_DAY_OF_MONTH": "first",
        "REQUIRE_PARTS": ["day", "month", "year"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }


# A fixed base for phrases that name their own year: the result never depends on it, and
# never on today's date.
NEUTRAL_BASE = dt.datetime(2000, 1, 1)


@functools.lru_cache(maxsize=4096)
def parse_with_dateparser(phrase: str, base: dt.datetime = NEUTRAL_BASE) -> dt.date | None:
    """dateparser on one normalized candidate phrase (cached: documents repeat their dates)."""
    import dateparser  # loaded on first use: most documents need only the month table

    found = dateparser.parse(phrase, languages=["en"], settings=_dateparser_settings(base))
    return found.date() if found else None


def _normalize_phrase(text: str) -> str:
    return " ".join(text.split())


def _to_date(iso: str, default_month: int = 7, default_day: int = 1) -> dt.date:
    """A point to measure distances from: a year's middle, or a month's first day."""
    parts = [int(p) for p in iso.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else default_month,
                   parts[2] if len(parts) > 2 else default_day)


# --- reading one candidate -------------------------------------------------------------------


def _full(m: regex.Match, shape: str) -> Value | None:
    """A date or range that states its year."""
    g = m.groupdict()
    if shape in ("dmy", "mdy"):
        if g["m1"].lower().rstrip(".") in MONTH_NUMBER and shape == "dmy":
            iso = _iso(_year(g["y1"]), _month(g["m1"]), _day(g["d1"]))
        else:
            phrase = f"{_day(g['d1'])} {g['m1']} {_year(g['y1'])}"
            parsed = parse_with_dateparser(_normalize_phrase(phrase))
            if parsed is None:
                return None
            iso = parsed.isoformat()
        return Value(iso, iso, "day", "date")
    if shape == "dmy_dmy":
        a = _iso(_year(g["y1"]), _month(g["m1"]), _day(g["d1"]))
        b = _iso(_year(g["y2"]), _month(g["m2"]), _day(g["d2"]))
        return Value(a, b, "day", "range") if a < b else None
    if shape in ("dm_dmy", "dm_and_dmy"):
        year = _year(g["y2"])
        a = _iso(year, _month(g["m1"]), _day(g["d1"]))
        b = _iso(year, _month(g["m2"]), _day(g["d2"]))
        days = dt.date.fromisoformat(b) - dt.date.fromisoformat(a)
        if shape == "dm_and_dmy" and days != dt.timedelta(1):
            return None
        return Value(a, b, "day", "range") if a < b else None
    if shape == "d_dmy":
        year, month = _year(g["y2"]), _month(g["m2"])
        a, b = _iso(year, month, _day(g["d1"])), _iso(year, month, _day(g["d2"]))
        return Value(a, b, "day", "range") if a < b else None
    if shape == "my_my":
        a = _iso(_year(g["y1"]), _month(g["m1"]))
        b = _iso(_year(g["y2"]), _month(g["m2"]))
        return Value(a, b, "month", "range") if a < b else None
    if shape == "m_my":
        year = _year(g["y2"])
        a, b = _iso(year, _month(g["m1"])), _iso(year, _month(g["m2"]))
        return Value(a, b, "month", "range") if a < b else None
    if shape == "my":
        iso = _iso(_year(g["y1"]), _month(g["m1"]))
        return Value(iso, iso, "month", "date")
    if shape in ("numeric", "iso"):
        fmt = "%Y-%m-%d" if shape == "iso" else f"%d{g['sep']}%m{g['sep']}%Y"
        parsed = _parse_numeric(m.group(), fmt)
        return Value(parsed, parsed, "day", "date") if parsed else None
    return None


@functools.lru_cache(maxsize=4096)
def _parse_numeric(phrase: str, fmt: str) -> str:
    """Numeric dates through dateparser with an explicit format (day first), cached."""
    import dateparser

    found = dateparser.parse(phrase, languages=["en"], date_formats=[fmt],
                             settings=_dateparser_settings(NEUTRAL_BASE))
    return found.date().isoformat() if found else ""


def _years(m: regex.Match, shape: str, text: str) -> Value | None:
    """A year or a range of years, unless the number is a count, a page or a symbol's part."""
    g = m.groupdict()
    before = text[max(0, m.start() - 24) : m.start()]
    after = text[m.end() : m.end() + 16]
    if shape != "from_y_y" and (NOT_A_YEAR_BEFORE.search(before) or NOT_A_YEAR_AFTER.search(after)):
        return None
    if shape == "y":
        year = g["y1"][:4]
        return Value(year, year, "year", "date")
    first = int(g["y1"])
    last_text = g["y2"]
    if len(last_text) == 2:
        if shape == "fiscal" and SYMBOL_CONTEXT.search(text[max(0, m.start() - 60) : m.start()]):
            return None
        last = first // 100 * 100 + int(last_text)
        if last <= first:
            last += 100
        if shape == "fiscal" and last != first + 1:
            return None
    else:
        last = _year(last_text)
    if not first < last <= first + 100:
        return None
    return Value(str(first), str(last), "year", "range")


# --- partial and relative dates --------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """The document's date as a point in time, and how precise it is."""

    date: dt.date
    precision: str  # day | month | year
    iso: str

    @classmethod
    def of(cls, iso: str) -> Anchor | None:
        if not iso or not iso[:4].isdigit():
            return None
        parts = iso.split("-")
        precision = ["year", "month", "day"][len(parts) - 1]
        return cls(_to_date(iso, default_month=7, default_day=15 if len(parts) == 2 else 1),
                   precision, iso)


def _nearest_year(month: int, day: int | None, anchor: Anchor) -> int:
    """The year that puts `month`/`day` nearest the document's date (ties go to the past)."""
    if anchor.precision == "year":
        return anchor.date.year
    best = None
    for year in (anchor.date.year - 1, anchor.date.year, anchor.date.year + 1):
        point = dt.date(year, month, min(day or 15, last_day(year, month)))
        distance = abs((point - anchor.date).days)
        if best is None or distance < best[0]:
            best = (distance, year)
    return best[1]


def _partial(m: regex.Match, shape: str, year: int | None, how: str) -> Value | None:
    """A day or month whose year comes from the context (`None`: unknown, `XXXX`)."""
    g = m.groupdict()
    if shape == "dm_dm":
        a = _iso(year, _month(g["m1"]), _day(g["d1"]))
        b = _iso(year, _month(g["m2"]), _day(g["d2"]))
        return Value(a, b, "day", "completed", how) if a[4:] < b[4:] else None
    if shape == "d_dm":
        month = _month(g["m2"])
        a, b = _iso(year, month, _day(g["d1"])), _iso(year, month, _day(g["d2"]))
        return Value(a, b, "day", "completed", how) if a[4:] < b[4:] else None
    if shape in ("dm", "md"):
        iso = _iso(year, _month(g["m1"]), _day(g["d1"]))
        return Value(iso, iso, "day", "completed", how)
    iso = _iso(year, _month(g["m1"]))  # m
    return Value(iso, iso, "month", "completed", how)


def _partial_key(m: regex.Match, shape: str) -> tuple[int, int | None]:
    g = m.groupdict()
    if shape in ("d_dm",):
        return _month(g["m2"]), _day(g["d1"])
    if shape in ("dm_dm", "dm", "md"):
        return _month(g["m1"]), _day(g["d1"])
    return _month(g["m1"]), None


def _relative(m: regex.Match, shape: str, anchor: Anchor | None) -> Value | None:
    """`today`, `last week`, `next year`, `last June` against the document's date."""
    if anchor is None:
        return None
    g = m.groupdict()
    text = _normalize_phrase(m.group()).lower()
    step = -1 if text.startswith(("last", "the past")) else 0
    step = 1 if text.startswith(("next", "the coming")) else step
    base = anchor.date
    how = f"relative to the document date {anchor.iso}"
    if shape == "rel_day":
        if anchor.precision != "day":
            return None
        midnight = dt.datetime(base.year, base.month, base.day)
        parsed = parse_with_dateparser(g["word"].lower(), midnight)
        if parsed is None:
            return None
        return Value(parsed.isoformat(), parsed.isoformat(), "day", "relative", how)
    if shape == "rel_month":
        if anchor.precision == "year":
            return None
        month = _month(g["m1"])
        year = base.year
        if step < 0 and month >= base.month:
            year -= 1
        elif step > 0 and month <= base.month:
            year += 1
        iso = _iso(year, month)
        return Value(iso, iso, "month", "relative", how)
    unit = g["unit"].lower()
    if unit == "year":
        iso = str(base.year + step)
        return Value(iso, iso, "year", "relative", how)
    if unit == "month":
        if anchor.precision == "year":
            return None
        index = base.year * 12 + base.month - 1 + step
        iso = _iso(index // 12, index % 12 + 1)
        return Value(iso, iso, "month", "relative", how)
    if anchor.precision != "day":
        return None
    monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=step)
    sunday = monday + dt.timedelta(days=6)
    return Value(monday.isoformat(), sunday.isoformat(), "day", "relative", how)


# --- sessions --------------------------------------------------------------------------------


def session_number(word: str) -> int:
    """`sixty-third` or `63rd` → 63."""
    key = " ".join(word.lower().split()).replace("- ", "-")
    if key[:1].isdigit():
        return _digits(key)
    return ORDINALS[key]


def _is_assembly_session(text: str, m: regex.Match, sentence: tuple[int, int], organ: str) -> bool:
    """Whether a numbered session is the General Assembly's (only those have fixed dates)."""
    of = SESSION_OF.match(text, m.end())
    if of:
        return of.group("ga") is not None
    before = list(BODY.finditer(text, sentence[0], m.start()))
    if before:
        return before[-1].group("ga") is not None
    # `at its sixty-ninth session, in 2025, the Commission ...`: the body comes after `its`.
    after = BODY.search(text, m.end(), min(sentence[1], m.end() + 120))
    if after and text[max(sentence[0], m.start() - 5) : m.start()].strip().lower() == "its":
        return after.group("ga") is not None
    # No body named: the Assembly's own documents, speeches in its general debate and news
    # about it; never another organ's document.
    return organ in ("", "A")


def _session(m: regex.Match, text: str, sentence: tuple[int, int], organ: str) -> Value | None:
    number = session_number(m.group("ord"))
    if not 1 <= number <= 99 or not _is_assembly_session(text, m, sentence, organ):
        return None
    return Value(f"{1945 + number}-09", f"{1946 + number}-09", "month", "session",
                 session=str(number))


@functools.cache
def emergency_special_sessions() -> dict[int, dict[str, str]]:
    """The Assembly's emergency special sessions by number (pipeline/data, with its source)."""
    return {int(row["number"]): row for row in read_data("emergency_special_sessions.csv")}


def _emergency_session(m: regex.Match) -> Value | None:
    row = emergency_special_sessions().get(session_number(m.group("ord")))
    if row is None:
        return None
    start, end = row["date_start"], row["date_end"]
    # An emergency special session still open (ES-10, ES-11) has no last month yet.
    return Value(start, end, "month", "session", "" if end else "still open, no end",
                 session=row["session"])


def _shape(m: regex.Match) -> str:
    return next(name for name in SHAPE_NAMES if m.group(name) is not None)


def full_values(text: str) -> Iterator[tuple[int, int, Value]]:
    """Every date and month that states its year, without context (for the masthead reader)."""
    for m in candidates(text):
        shape = _shape(m)
        if shape in FULL_SHAPES:
            try:
                value = _full(m, shape)
            except (ValueError, KeyError):
                continue
            if value:
                yield m.start(), m.end(), value


# --- find ------------------------------------------------------------------------------------


FULL_SHAPES = frozenset({"dmy_dmy", "dm_dmy", "dm_and_dmy", "d_dmy", "dmy", "mdy", "my_my",
                         "m_my", "my", "numeric", "iso"})
YEAR_SHAPES = frozenset({"from_y_y", "y_y", "fiscal", "y"})
PARTIAL_SHAPES = frozenset({"dm_dm", "d_dm", "dm", "md", "m"})
RELATIVE_SHAPES = frozenset({"rel_day", "rel_unit", "rel_month"})


def find(ctx: Context) -> list[DateMention]:
    """Every calendar expression in the document, normalized; partial and relative dates are
    completed from the sentence's own year or from the document's date (`ctx.doc_date`)."""
    text = ctx.text
    anchor = Anchor.of(ctx.doc_date)
    bounds = sentence_ends(text)
    mentions: list[DateMention] = []
    partials: list[regex.Match] = []
    for m in candidates(text):
        shape = _shape(m)
        try:
            if shape in FULL_SHAPES:
                value = _full(m, shape)
            elif shape in YEAR_SHAPES:
                value = _years(m, shape, text)
            elif shape in RELATIVE_SHAPES:
                value = _relative(m, shape, anchor)
            elif shape == "es_session":
                value = _emergency_session(m)
            elif shape == "session":
                value = _session(m, text, sentence_span(bounds, m.start(), len(text)), ctx.organ)
            else:
                partials.append(m)
                continue
        except (ValueError, KeyError):
            continue  # an impossible day (`31 June`) is no date
        if value:
            mentions.append(_mention(m, value))
    # Partial dates last: their year comes from the years found around them.
    governing = [(x.start, int(x.date_start[:4])) for x in mentions
                 if x.kind == "date" and x.precision in ("year", "month")
                 and not NAME_AFTER.match(text, x.end)]
    stated = {x.start: x for x in mentions if x.kind in ("date", "range")}
    for m in partials:
        shape = _shape(m)
        if RECURRING.match(text, m.end()):
            year, how = None, "recurs each year"
        elif (join := LIST_JOIN.match(text, m.end())) and join.end() in stated:
            year = int(stated[join.end()].date_start[:4])
            how = f"year {year} of the date listed after it"
        else:
            year, how = _complete(m, shape, governing, bounds, len(text), anchor)
        try:
            value = _partial(m, shape, year, how)
        except (ValueError, KeyError):
            continue
        if value:
            mentions.append(_mention(m, value))
    return sorted(mentions, key=lambda x: (x.start, x.end))


def _complete(m: regex.Match, shape: str, governing: list[tuple[int, int]], bounds: list[int],
              text_len: int, anchor: Anchor | None) -> tuple[int | None, str]:
    """The year a partial date takes: the nearest year or month-year stated in its sentence
    (a full date elsewhere in the sentence is another event's and does not govern), else the
    year that puts it nearest the document's date, else unknown."""
    lo, hi = sentence_span(bounds, m.start(), text_len)
    near = [(abs(pos - m.start()), year) for pos, year in governing if lo <= pos < hi]
    if near:
        year = min(near)[1]
        return year, f"year {year} stated in the sentence"
    if anchor is not None:
        month, day = _partial_key(m, shape)
        year = _nearest_year(month, day, anchor)
        return year, f"year nearest the document date {anchor.iso}"
    return None, "year unknown"


def _mention(m: regex.Match, value: Value) -> DateMention:
    return DateMention(start=m.start(), end=m.end(), text=m.group(), date_start=value.start,
                       date_end=value.end, precision=value.precision, kind=value.kind,
                       completion=value.completion, session=value.session)
