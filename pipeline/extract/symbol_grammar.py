"""The grammar of UN document symbols: how a full symbol (`A/C.2/62/2`) is written, its canonical
form in the Official Document System (ODS), its fields, and the organs whose resolutions and
decisions are cited by short form (pipeline/data/symbol_organs.csv).

The grammar follows the UN's own rules (Dag Hammarskjöld Library guide to document symbols,
ST/LIB/SER.B/5/Rev.5): series prefix, `/`-separated components, modifiers. The extractor
(`pipeline.extract.symbols`) and the masthead reader both read symbols with it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.calendar import MONTH
from pipeline.reference import read_data

# `{_SP}` in a pattern below stands for a horizontal space, the no-break space included: UN texts
# put one inside dates (`7\u00a0June 2016`) and symbols (`S/RES/1325\u00a0(2000)`).
_SP = r"[ \t\u00a0]"


def _compile(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern.replace("{_SP}", _SP), flags)


# --- full symbols ------------------------------------------------------------------------------

# First component: principal organs (A, S, E, T), the Secretariat (ST) and the special series of
# ST/LIB/SER.B/5/Rev.5 (treaty bodies, funds, conferences). A closed list, so that `and/or`,
# `km/h` or `UN Photo/Phil Behan` can never open a symbol. Longest first for the alternation.
# fmt: off
_SERIES = sorted(
    [
        "A", "S", "E", "T", "ST", "DP", "UNEP", "TD", "CRC", "CEDAW", "CCPR", "CERD", "CAT",
        "CMW", "CRPD", "CED", "HRI", "ICCD", "FCCC", "SPLOS", "ISBA", "CD", "NPT", "APLC",
        "CCW", "BWC", "UNW", "ECE", "ACC", "CTOC",
    ],
    key=len,
    reverse=True,
)
# fmt: on
# The organs whose early documents carry a bare running number (`A/8082`, `S/4387`), and the
# Conference on Disarmament, which numbers all its documents so (`CD/1299`).
_BARE_NUMBER_SERIES = {"A", "S", "E", "T", "CD"}
_SERIES_RE = "(?:" + "|".join(_SERIES) + ")"

# A symbol starts at a word start; a digit or `*` may be glued before it by PDF extraction
# (`26-00248A/80/590`, `*2600248*A/80/590`), a letter, `/`, `.`, `-` or `@` may not (that is a
# word, a URL path, an e-mail address or another symbol's tail), except the hyphen that joins
# the symbols of a document issued under two (`A/76/299-S/2021/749`, `A/78/62-E/2023/49`).
_START = r"(?:(?<![A-Za-z/.\-@:_])|(?<=\d-))"
# The separator: PDFs put stray spaces around it (`A /RES/ 62/270`) and break lines before or
# after it (`A/C.2/` + newline + `62/2`). No internal spaces in the canonical form.
# A nature with its number is a component of its own, even where the print dropped the slash
# before it (`A/HRC/WG.6/7L.14` for `A/HRC/WG.6/7/L.14`): a part letter never takes a number.
_GLUED_NATURE = r"(?:L|PV|SR|CRP|WP|INF)\.\d"
_SLASH = rf"(?:(?:{{_SP}}|\n)?/{{_SP}}*(?:[\n\f]{{_SP}}*)?|(?<=\d)(?={_GLUED_NATURE}))"
# Session and number components; `S-23` and `ES-10` are special and emergency special sessions;
# a part letter may be glued to a number as ODS writes it (`A/DEC/79/573B`).
_NUMBER = rf"(?:(?:ES|S)-)?\d{{1,5}}(?!\d)(?:(?!{_GLUED_NATURE})[A-Z](?!\w|{{_SP}}?/))?"
# Subsidiary bodies and document natures that carry a number after a dot: `C.2`, `AC.105`,
# `CN.9`, `CONF.243`, `WG.1`, `SC.3`, `Sub.2`, `GC.27`, `PC.1` and `L.1`, `PV.12`, `SR.20`,
# `WP.3`, `CRP.1`, `R.5`, and modifiers `Add.1`, `Rev.1`, `Corr.1`, `Amend.1`; `SER.B` is the
# lettered form of the library series; UNEP writes `Res.2`, `Dec.1` (`UNEP/EA.5/Res.2`).
_DOTTED = (
    r"(?:[A-Z]{1,6}|Add|Rev|Corr|Amend|Sub|Res|Dec)\.{_SP}?(?:\d{1,4}(?!\d)|[A-Z](?![A-Za-z]))"
)
# Bare components: organ or nature in capitals (`HRC`, `RES`, `DEC`, `PRST`, `INF`, `NGO`, `SGB`,
# `CP`, `C`) and the `Summary` modifier; `Part A` for parts issued separately.
# A session number glued in parentheses to a conference body: `ICCD/COP(13)/21`.
_WORD = r"(?:[A-Z]{1,8}(?:\(\d{1,2}\))?(?![A-Za-z])|Summary|Part{_SP}?[A-Z](?![A-Za-z]))"
# Parenthesised parts (`(Part I)`, `(Sect. 25)`, `(Vol. II)`, `(Resumption 1)`) and the year of a
# Security Council resolution or verbatim record (`S/RES/1325 (2000)`).
_PAREN = (
    r"{_SP}?\((?:(?:Part|Sect|Vol|Resumption)\.?{_SP}?[\dIVXLA-Z]{1,6}|(?:19|20)\d\d)\)"
    # the roman session of an early Assembly resolution, after its part letter: `A/RES/217 A (III)`
    r"|(?:{_SP}?[A-Z](?![\w/]))?{_SP}?\((?:(?:ES|S)-)?[IVXL]{1,7}\)"
)
_COMPONENT = rf"(?:{_NUMBER}|{_DOTTED}|{_WORD})(?:{_PAREN})?"
FULL_SYMBOL = _compile(rf"{_START}(?P<series>{_SERIES_RE})(?:{_SLASH}{_COMPONENT})+")

# A trailing capital-word component is never the end of a symbol (`A/RES` then prose).
_TRAILING_WORD = _compile(rf"{_SLASH}(?:[A-Z]{{1,8}}|Summary)$")
# ODS spelling of modifiers, whatever case the text uses.
# fmt: off
_MODIFIER_CASE = {
    "ADD.": "Add.", "REV.": "Rev.", "CORR.": "Corr.", "AMEND.": "Amend.", "SUB.": "Sub.",
    "SECT.": "Sect.", "VOL.": "Vol.", "PART": "Part", "SUMMARY": "Summary",
}
# fmt: on
_MODIFIER_RE = _compile(
    r"(?<![A-Za-z])(add\.|rev\.|corr\.|amend\.|sub\.|sect\.|vol\.|part|summary)", re.IGNORECASE
)
# Natures of a document (ST/LIB/SER.B/5/Rev.5): the `doc_type` column.
_DOC_TYPES = {"RES", "DEC", "PV", "SR", "L", "INF", "WP", "CRP", "NGO", "PRST", "R", "PET"}


# --- organs cited by short form ---------------------------------------------------------------


@dataclass(frozen=True)
class Organ:
    """A body whose resolutions and decisions are cited by short form."""

    body: str
    name: str
    aliases: tuple[str, ...]
    resolution_prefix: str
    decision_prefix: str
    numbering: frozenset[str]  # session | roman | year | year-paren | hrc


@cache
def organs() -> dict[str, Organ]:
    """The organ table (pipeline/data/symbol_organs.csv), by body."""
    rows = read_data("symbol_organs.csv")
    return {
        r["body"]: Organ(
            body=r["body"],
            name=r["name"],
            aliases=tuple(a for a in r["aliases"].split("|") if a),
            resolution_prefix=r["resolution_prefix"],
            decision_prefix=r["decision_prefix"],
            numbering=frozenset(r["numbering"].split("|")),
        )
        for r in rows
    }


@cache
def _alias_to_body() -> dict[str, str]:
    return {" ".join(a.split()): o.body for o in organs().values() for a in o.aliases}


def _fits(shape: str) -> set[str]:
    """The organs whose series are numbered in this shape."""
    return {
        b
        for b, o in organs().items()
        if shape in o.numbering or (shape == "session" and "hrc" in o.numbering)
    }


# --- canonical form and fields -----------------------------------------------------------------


def canonical(raw: str) -> str:
    """ODS form of a symbol as written: no whitespace, modifiers spelt `Add.`, `Rev.`..."""
    compact = re.sub(r"\s+", "", raw)
    compact = re.sub(rf"(?<=\d)(?={_GLUED_NATURE})", "/", compact)
    return _MODIFIER_RE.sub(lambda m: _MODIFIER_CASE[m.group(1).upper()], compact)


@dataclass(frozen=True)
class Parsed:
    """The components of a canonical symbol."""

    body: str
    doc_type: str
    session: str
    number: str


def parse(symbol: str) -> Parsed:
    """Body, nature, session (or year) and number of a canonical symbol."""
    parts = symbol.split("/")
    body = "A/HRC" if parts[:2] == ["A", "HRC"] else parts[0]
    doc_type = type_number = paren_year = ""
    numbers: list[str] = []
    for part in parts[1:]:
        head, _, paren = part.partition("(")
        if re.fullmatch(r"(?:19|20)\d\d\)", paren):
            paren_year = paren[:-1]
        if re.fullmatch(r"(?:(?:ES|S)-)?\d+[A-Z]?", head):
            numbers.append(head)
            continue
        name, _, num = head.partition(".")
        if name in _DOC_TYPES and not doc_type:
            doc_type, type_number = name, num
    if type_number:
        return Parsed(body, doc_type, numbers[0] if numbers else "", type_number)
    if paren_year and numbers:
        return Parsed(body, doc_type, paren_year, numbers[0])
    if len(numbers) >= 2:
        return Parsed(body, doc_type, numbers[0], numbers[1])
    return Parsed(body, doc_type, "", numbers[0] if numbers else "")


def _is_full_symbol(series: str, symbol: str) -> bool:
    """A match is a symbol only with a number; a lone number needs an organ that used them."""
    components = symbol.split("/")[1:]
    if not any(ch.isdigit() for ch in symbol):
        return False
    if len(components) == 1:  # `A/8082`, `S/4387`, `A/L.632`, `S/PV.8000`
        lone = re.fullmatch(r"\d{3,5}|(?:L|PV|SR|INF|WP|CRP)\.\d{1,5}", components[0])
        return series in _BARE_NUMBER_SERIES and bool(lone)
    return True


def is_symbol(symbol: str) -> bool:
    """Whether a string is one whole symbol in canonical form (what find() writes)."""
    m = FULL_SYMBOL.fullmatch(symbol)
    return m is not None and _full_symbol_at(m) == (symbol, symbol)


def _full_symbol_at(m: re.Match[str]) -> tuple[str, str] | None:
    """(text as written, canonical symbol) of a grammar match, None if it is no symbol."""
    raw = m.group(0)
    while (t := _TRAILING_WORD.search(raw)) is not None:
        raw = raw[: t.start()]
    symbol = canonical(raw)
    if "/" not in symbol or not _is_full_symbol(m.group("series"), symbol):
        return None
    return raw, symbol


# --- short forms ---------------------------------------------------------------------------------

# `resolution`, `resolutions`, `decision`, `decisions` open a short form or a list of them.
_TRIGGER = _compile(r"\b(?P<kind>[Rr]esolution|[Dd]ecision)s?{_SP}*\n?{_SP}*(?=[\dSE])")
# The four numberings (Dag Hammarskjöld Library guide):
# Security Council resolutions carry the year in parentheses: `1325 (2000)`.
_SC_SHORT = r"(?P<sc>\d{1,4}){_SP}?\((?P<sc_year>(?:19|20)\d\d)\)"
# General Assembly 1946-1975 (and early ECOSOC): running number, optional part letter, session in
# roman numerals: `217 A (III)`, `3201 (S-VI)`, `2252 (ES-V)`, `11 (II)`.
_ROMAN_SHORT = (
    r"(?P<old>\d{1,4})(?:{_SP}?(?P<old_part>[A-Z]))?{_SP}?"
    r"\((?P<roman>(?:ES-|S-)?[IVXL]{1,7})\)"
)
# Assembly from 1976 and the Human Rights Council: session/number, optional part letter:
# `61/208`, `S-23/2`, `ES-10/24`, `79/573 B`.
# A PDF line broken after the hyphen leaves a space in it: `resolutions ES- 11/1 and ES-11/2`.
_SESSION_SHORT = (
    r"(?P<ses>(?:ES-{_SP}?|S-{_SP}?)?\d{1,3})/(?P<ses_num>\d{1,4})(?![\d/])"
    r"(?:{_SP}(?P<ses_part>[A-Z])(?![\w/]))?"
)
# ECOSOC from 1978 and its functional commissions: year/number, optional part letter, as the
# Council writes its parts (`resolution 2021/2 B`, E/RES/2022/21; its own symbol E/RES/2021/2 B):
# `2006/49`, `2021/2 B`.
_YEAR_SHORT = (
    r"(?P<year>(?:19|20)\d\d)/(?P<year_num>\d{1,4})(?![\d/])"
    r"(?:{_SP}(?P<year_part>[A-Z])(?![\w/]))?"
)
_SHORT_FORM = rf"(?:{_SC_SHORT}|{_ROMAN_SHORT}|{_YEAR_SHORT}|{_SESSION_SHORT})(?!\.\d)"
_SHORT = _compile(_SHORT_FORM)
# `of 20 December 2006` after an item; PDFs glue the footnote mark to the year (`20193`).
_OF_DATE = _compile(
    r"\s+of\s+(?P<day>\d{1,2})\s+(?P<month>" + MONTH + r")\s+"
    r"(?P<year>\d{4})\d{0,2}(?!\d)"
)
# Between two items of a list: a glued footnote mark, then a comma, `and`, or `to` for a range
# (its two ends are cited; the numbers between are not written, so not invented): `61/208,2 62/156`,
# optionally after the part cited (`70/262, in particular paragraph 5, and 72/276`) or after a
# description of the item: `on` a topic, `, entitled` a title, `, in which` or `, by which` a
# clause (`61/208 of ... on international migration and development and 62/156`, `70/1 of ... on
# Transforming our world: the 2030 Agenda for Sustainable Development, 71/243`, `74/270 of ... on
# global solidarity to fight the coronavirus disease (COVID-19), 74/274`, `74/16 of ..., entitled
# “Building a peaceful and better world through sport and the Olympic ideal”, 74/170`, `64/169 of
# ..., in which it proclaimed the year 2011 the International Year for People of African Descent,
# and 68/237`). A description holds words, years, quotes and brackets only, never a number of an
# item's shape, so it cannot skip over one, and it ends at the first item that follows.
_TOPIC_WORD = (
    r"(?:[“‘\"(]*(?:[A-Za-z](?:[\w\-’']|\.(?=\w))*|(?:19|20)\d\d(?:[–-](?:19|20)?\d\d)?(?![\w/]))"
    r"[”’\")]*[,;:]?|[:–—])"
)
_DESCRIPTION = rf"(?:\s+on|,?\s+entitled|,\s+(?:in|by)\s+which)(?:\s+{_TOPIC_WORD}){{1,40}}?"
_PART_CITED = (
    r",?{_SP}+(?:in{_SP}+particular{_SP}+)?(?:paragraphs?|paras?\.){_SP}+\d+"
    r"(?:{_SP}*(?:,|and|to){_SP}*\d+(?![\d/]))*(?:{_SP}+thereof)?"
)
_NEXT_ITEM = _compile(
    rf"\d{{0,2}}(?:{_DESCRIPTION}|{_PART_CITED})?"
    r"(?:{_SP}*,\d{0,2}\s*(?:and\s+|as\s+well\s+as\s+)?"
    r"|\s+(?:and|or|to|as\s+well\s+as)\s+)"
    + "(?=" + re.sub(r"\(\?P<\w+>", "(?:", _SHORT_FORM) + ")"
)
