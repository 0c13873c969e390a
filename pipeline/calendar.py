"""The calendar words of English UN texts: month names, weekdays and ordinals, in one place for
the dates extractor, the actors' office holders and the clean-up of page furniture."""

from __future__ import annotations

import calendar as _stdlib
import re

MONTHS: tuple[str, ...] = tuple(_stdlib.month_name[1:])  # January ... December
MONTH_NUMBER: dict[str, int] = {name.lower(): i for i, name in enumerate(MONTHS, start=1)}
# Abbreviations the UN and the press use; `May` and `June` have no shorter form worth reading.
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: tuple[str, ...] = tuple(_stdlib.day_name)  # Monday ... Sunday

# alternation of the full month names, for patterns
MONTH = "|".join(MONTHS)

# `18 May 2006`: a full date as UN prose writes it (the dates extractor reads every other form)
DAY_MONTH_YEAR = re.compile(rf"(?P<d>\d{{1,2}}) (?P<m>{MONTH}) (?P<y>\d{{4}})")


def iso_date(m: re.Match[str]) -> str:
    """`YYYY-MM-DD` of a DAY_MONTH_YEAR match (or any match with groups d, m and y)."""
    return f"{m['y']}-{MONTH_NUMBER[m['m'].lower()]:02d}-{int(m['d']):02d}"


def last_day(year: int, month: int) -> int:
    return _stdlib.monthrange(year, month)[1]


# Ordinals in words, 1 to 99 (`first`, `eleventh`, `sixtieth`, `sixty-first`; a compound also
# with a space, `sixty first`, as old records print it).
_UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
_TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
          "seventeenth", "eighteenth", "nineteenth")
_TENS = ("twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet")


def _ordinal_words() -> dict[str, int]:
    words = {w: i + 1 for i, w in enumerate(_UNITS)}
    words.update({w: i + 10 for i, w in enumerate(_TEENS)})
    for i, stem in enumerate(_TENS):
        tens = (i + 2) * 10
        words[stem + "ieth"] = tens
        for j, unit in enumerate(_UNITS):
            words[f"{stem}y-{unit}"] = tens + j + 1
            words[f"{stem}y {unit}"] = tens + j + 1
    return words


ORDINALS: dict[str, int] = _ordinal_words()
# what every ordinal word begins with (`twent` opens `twentieth` and `twenty-first`)
ORDINAL_STEMS: tuple[str, ...] = (*_UNITS, *_TEENS, *_TENS)
# an ordinal in words or in figures (`79th`), longest words first; for case-insensitive patterns
ORDINAL = (rf"(?:{'|'.join(sorted(ORDINALS, key=len, reverse=True))}"
           rf"|\d{{1,3}}(?:st|nd|rd|th))")


def ordinal_value(word: str) -> int:
    """`sixty-first` → 61, `79th` → 79; 0 for anything else."""
    word = word.lower()
    if word[:1].isdigit():
        return int(word[:-2]) if word[:-2].isdigit() else 0
    return ORDINALS.get(" ".join(word.split()), 0)
