"""Dates: find calendar expressions in a document and normalize them to ISO 8601.

Candidates come from one compiled pattern (named shapes, longest first; see
pipeline/extract/date_grammar.py), tried only where a cheap trigger pattern says a date can
begin (a digit, a month, a relative or ordinal word); only candidates are parsed. The common
`20 December 2006` shapes are read exactly with our own month table; the rest
(`December 20, 2006`, `20.12.2006`, `yesterday`) go to dateparser with explicit settings,
cached by the normalized phrase. Nothing depends on today's date: partial
and relative dates are anchored to the document's own date (pipeline/extract/masthead.py) or
left unknown.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from pipeline.calendar import MONTH_ABBREVIATIONS, MONTH_NUMBER, ORDINALS, last_day
from pipeline.extract.date_grammar import (
    BODY,
    LIST_JOIN,
    NAME_AFTER,
    NOT_A_YEAR_AFTER,
    NOT_A_YEAR_BEFORE,
    RECURRING,
    SESSION_OF,
    SYMBOL_CONTEXT,
    _shape,
    candidates,
)
from pipeline.models import Context, DateMention
from pipeline.reference import read_data
from pipeline.sentences import sentence_ends, sentence_span

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
