"""Dates: find calendar expressions in a document and normalize them to ISO 8601.

Candidates come from one compiled pattern (named shapes, longest first; see
pipeline/extract/date_grammar.py), tried only where a cheap trigger pattern says a date can
begin (a digit, a month, a relative or ordinal word); only candidates are read into values
(pipeline/extract/date_values.py). Nothing depends on today's date: a day or month without its
year takes it from its sentence, the sentence before, or the document's own date
(pipeline/extract/masthead.py), else stays unknown (`XXXX`); relative dates are anchored to the
document's date. Two dates that `between ... and` or `from ... to` hold together make a range.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from pipeline.calendar import ORDINALS, last_day
from pipeline.extract.date_grammar import (
    AHEAD,
    BODY,
    LIST_JOIN,
    LISTED,
    NAME_AFTER,
    OWN_PREPOSITION,
    PARAGRAPH,
    RANGE_JOIN,
    RANGE_LEAD,
    RECURRING,
    SESSION_OF,
    TIME_PREPOSITION,
    YEAR_OF_DOCUMENT,
    _shape,
    candidates,
)
from pipeline.extract.date_values import (
    Value,
    _day,
    _digits,
    _full,
    _iso,
    _month,
    _normalize_phrase,
    _to_date,
    _years,
    parse_with_dateparser,
)
from pipeline.models import Context, DateMention
from pipeline.reference import read_data
from pipeline.sentences import sentence_ends, sentence_span

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


def _year_near(month: int, day: int | None, anchor: Anchor, ahead: bool = False) -> int:
    """The year a day or month without one takes from the document's date: the document's own
    year (`On 3 March` in a story of October), but the year before for a date over seven months
    after the document's (`on 20 November` in a record of January), and the year after for one
    early next year in a record of the year's end (`on 10 January` in a record of 21 December).
    A date the sentence puts ahead (`to be elected in March` in a report of December) is the
    first on or after the document's date."""
    year = anchor.date.year
    if anchor.precision == "year":
        return year

    def days_after(y: int, last: bool = False) -> int:
        on = min(day or (last_day(y, month) if last else 15), last_day(y, month))
        return (dt.date(y, month, on) - anchor.date).days

    if ahead:
        return year if days_after(year, last=True) >= 0 else year + 1
    if days_after(year) > 213:
        return year - 1
    if days_after(year) < -305 and days_after(year + 1) <= 61:
        return year + 1
    return year


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
            mentions.extend(_listed_days(m, value, text))
    # Partial dates last: their year comes from the years found around them.
    governing = [(x.start, int(x.date_start[:4]), x.precision) for x in mentions
                 if x.kind == "date" and x.precision in ("year", "month")
                 and not NAME_AFTER.match(text, x.end)]
    stated = {x.start: x for x in mentions if x.kind in ("date", "range")}
    for m in partials:
        shape = _shape(m)
        if RECURRING.match(text, m.end()):
            year, how = None, "recurs each year"
        elif anchor is not None and (own := YEAR_OF_DOCUMENT.match(text, m.end())):
            which = own.group("which").lower()
            year = anchor.date.year + {"this": 0, "last": -1, "next": 1}[which]
            how = f"{which} year, against the document date {anchor.iso}"
        elif (join := LIST_JOIN.match(text, m.end())) and join.end() in stated:
            year = int(stated[join.end()].date_start[:4])
            how = f"year {year} of the date listed after it"
        else:
            year, how = _complete(m, shape, governing, bounds, text, anchor)
        try:
            value = _partial(m, shape, year, how)
        except (ValueError, KeyError):
            continue
        if value:
            mentions.extend(_listed_days(m, value, text))
    return _ranges(sorted(mentions, key=lambda x: (x.start, x.end)), text)


_PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


def _ranges(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Join two dates that `between ... and` or `from ... to` make one range (RANGE_LEAD,
    RANGE_JOIN) when the grammar read them apart: a qualified or partial first end
    (`between early June and 15 August 2024`) takes the year of the last, a partial last end
    the year of the first."""
    out: list[DateMention] = []
    i = 0
    while i < len(mentions):
        joined = None
        if i + 1 < len(mentions):
            joined = _range_of(mentions[i], mentions[i + 1], text)
        out.append(joined or mentions[i])
        i += 2 if joined else 1
    return out


def _range_of(a: DateMention, b: DateMention, text: str) -> DateMention | None:
    single = all(x.kind in ("date", "completed") and x.date_start == x.date_end
                 and x.precision != "year" for x in (a, b))
    lead = RANGE_LEAD.search(text, max(0, a.start - 40), a.start) if single else None
    join = RANGE_JOIN.fullmatch(text, a.end, b.start) if lead else None
    if not join or (join.group("and") is None) == (lead.group("lead").lower() == "between"):
        return None
    a_md, b_md = a.date_start[4:], b.date_start[4:]
    if a.kind == "completed" and b.kind == "date":
        year = int(b.date_start[:4]) - (1 if a_md > b_md else 0)
        start, end = f"{year:04d}{a_md}", b.date_end
    elif a.date_start[:4] == "XXXX":
        start, end = a.date_start, "XXXX" + b_md
    else:
        year = int(a.date_start[:4]) + (1 if b.kind == "completed" and b_md < a_md else 0)
        start, end = a.date_start, (f"{year:04d}{b_md}" if b.kind == "completed" else b.date_end)
    if _to_date(start.replace("XXXX", "2000")) >= _to_date(end.replace("XXXX", "2000")):
        return None
    stated = "date" in (a.kind, b.kind)
    return DateMention(
        start=a.start, end=b.end, text=text[a.start : b.end], date_start=start, date_end=end,
        precision=min(a.precision, b.precision, key=_PRECISION_RANK.__getitem__),
        kind="range" if stated else "completed",
        completion="" if stated else a.completion)


def _complete(m: regex.Match, shape: str, governing: list[tuple[int, int, str]],
              bounds: list[int], text: str, anchor: Anchor | None) -> tuple[int | None, str]:
    """The year a partial date takes: the nearest year or month-year stated in its sentence
    (a full date elsewhere in the sentence is another event's and does not govern), else the
    month and year of the sentence before in its paragraph, else the year the document's date
    gives it (`_year_near`), else unknown."""
    lo, hi = sentence_span(bounds, m.start(), len(text))
    # a year later in the sentence with a preposition of its own is another time (`In October,
    # the Prosecutor ... closed the preliminary examination on Colombia, active since 2004`)
    near = [(abs(pos - m.start()), year) for pos, year, _ in governing if lo <= pos < hi
            and (pos < m.start() or not OWN_PREPOSITION.search(text, max(0, pos - 12), pos))]
    if near:
        year = min(near)[1]
        return year, f"year {year} stated in the sentence"
    # `... closing the workshop in October 2024 ... By mid-November, ...`: the month and year
    # the previous sentence of the same paragraph states
    before = sentence_span(bounds, lo - 1, len(text))[0] if lo else lo
    told = [(pos, year) for pos, year, precision in governing
            if before <= pos < lo and precision == "month" and not PARAGRAPH.search(text, pos, lo)]
    if told:
        year = max(told)[1]
        return year, f"year {year} stated in the sentence before"
    if anchor is not None:
        month, day = _partial_key(m, shape)
        ahead = bool(AHEAD.search(text, max(lo, m.start() - 60), m.start())
                     and TIME_PREPOSITION.search(text, max(lo, m.start() - 30), m.start()))
        year = _year_near(month, day, anchor, ahead)
        return year, f"year of the document date {anchor.iso}{', ahead of it' if ahead else ''}"
    return None, "year unknown"


def _listed_days(m: regex.Match, value: Value, text: str) -> list[DateMention]:
    """`14 and 15 September` is one range (a meeting over two days); `2 and 24 March`,
    `13 and 17 November` are two days listed, each a date of its own."""
    if m.group("d2") is None or not LISTED.fullmatch(text, m.end("d1"), m.start("d2")):
        return [_mention(m.start(), m.end(), text, value)]
    first, last = (_to_date(v.replace("XXXX", "2000")) for v in (value.start, value.end))
    if (last - first).days == 1:
        return [_mention(m.start(), m.end(), text, value)]
    kind = "date" if value.kind == "range" else value.kind
    return [_mention(m.start(), m.end("d1"), text, Value(value.start, value.start, "day", kind,
                                                          value.completion)),
            _mention(m.start("d2"), m.end(), text, Value(value.end, value.end, "day", kind,
                                                          value.completion))]


def _mention(start: int, end: int, text: str, value: Value) -> DateMention:
    return DateMention(start=start, end=end, text=text[start:end], date_start=value.start,
                       date_end=value.end, precision=value.precision, kind=value.kind,
                       completion=value.completion, session=value.session)
