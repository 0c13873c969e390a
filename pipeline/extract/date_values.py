"""Date values: one candidate date phrase (pipeline/extract/date_grammar.py) read into ISO 8601.

The common `20 December 2006` shapes are read exactly with our own month table; the rest
(`December 20, 2006`, `20.12.2006`) go to dateparser with explicit settings, cached by the
normalized phrase. A bare year is checked against the words around it (a count, a page, a
symbol's part is no year). Completing partial dates from their context is
pipeline/extract/dates.py.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

import regex

from pipeline.calendar import MONTH_ABBREVIATIONS, MONTH_NUMBER
from pipeline.extract.date_grammar import NOT_A_YEAR_AFTER, NOT_A_YEAR_BEFORE, SYMBOL_CONTEXT

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


def _month_key(word: str) -> str:
    """`September`, `Sept.`, `Septembe r` (split by the PDF text layer) → `september`, `sept`."""
    return word.lower().rstrip(".").replace(" ", "")


def _month(word: str) -> int:
    key = _month_key(word)
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
        if _month_key(g["m1"]) in MONTH_NUMBER and shape == "dmy":
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
