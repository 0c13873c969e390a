"""UN document symbols: full symbols (`A/C.2/62/2`) and short forms (`resolution 61/208`),
in the canonical form of the Official Document System (ODS).

Two passes over the clean text, both plain compiled regexes:
1. full symbols, from a grammar of the UN's own rules (Dag Hammarskjöld Library guide to document
   symbols, ST/LIB/SER.B/5/Rev.5): series prefix, `/`-separated components, modifiers;
2. short forms after `resolution(s)` / `decision(s)`, read as a chain (`resolutions 59/241 of
   22 December 2004 and 60/227 of ...`), each resolved to an organ from the naming phrase before
   it (`Security Council resolution`), the shape of its number, and the document's own organ.

Span convention: a full symbol's row spans the symbol as written (spaces and line breaks inside
it included, trailing punctuation and glued footnote numbers excluded); a short form's row spans
the number only (`61/208`, `1325 (2000)`, `217 A (III)`), so each item of a list is its own row;
a `the present resolution` row spans that phrase.

Left out on purpose (no series we can spell, or a number we would have to guess): decisions and
resolutions of other bodies (`decision 1/CP.21`, `World Health Assembly resolution 69.2`,
`Assembly/AU/Dec.695 (XXXI)`, `decision 11/101, adopted by the Committee of Experts`), Security
Council resolutions cited without their year (`resolution 242`), and the numbers inside a range
(`resolutions 56/201 to 56/205` gives its two ends).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.models import Context, SymbolMention
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
# word, a URL path, an e-mail address or another symbol's tail).
_START = r"(?<![A-Za-z/.\-@:_])"
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

_URL = _compile(r"(?:https?://|www\.)[^\s<>\"“”]+")
# A trailing capital-word component is never the end of a symbol (`A/RES` then prose).
_TRAILING_WORD = _compile(rf"{_SLASH}(?:[A-Z]{{1,8}}|Summary)$")
# ODS spelling of modifiers, whatever case the text uses.
# fmt: off
_MODIFIER_CASE = {
    "ADD.": "Add.", "REV.": "Rev.", "CORR.": "Corr.", "AMEND.": "Amend.", "SUB.": "Sub.",
    "SECT.": "Sect.", "VOL.": "Vol.", "PART": "Part", "SUMMARY": "Summary",
}
# fmt: on
# A modifier after a symbol and `and` (or a comma): `A/48/L.13 and Corr.1`, `and Add.1 and 2`.
_MODIFIER_AFTER = _compile(
    r",?{_SP}+(?:and|,){_SP}+(?P<name>Add|Corr|Rev)\.{_SP}?(?P<number>\d{1,3})(?!\d)"
    r"(?P<more>(?:{_SP}*(?:,|and){_SP}*\d{1,3}(?![\d/.]))*)"
)
_NUMBERS = re.compile(r"\d{1,3}(?!\d)")
_MODIFIER_RE = _compile(
    r"(?<![A-Za-z])(add\.|rev\.|corr\.|amend\.|sub\.|sect\.|vol\.|part|summary)", re.IGNORECASE
)
# Natures of a document (ST/LIB/SER.B/5/Rev.5): the `doc_type` column.
_DOC_TYPES = {"RES", "DEC", "PV", "SR", "L", "INF", "WP", "CRP", "NGO", "PRST", "R", "PET"}

# --- short forms --------------------------------------------------------------------------------

# fmt: off
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("January", "February", "March", "April", "May", "June", "July", "August", "September",
         "October", "November", "December"),
        start=1,
    )
}
# fmt: on
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
# ECOSOC from 1978 and its functional commissions: year/number: `2006/49`.
_YEAR_SHORT = r"(?P<year>(?:19|20)\d\d)/(?P<year_num>\d{1,4})(?![\d/])"
_SHORT = _compile(rf"(?:{_SC_SHORT}|{_ROMAN_SHORT}|{_YEAR_SHORT}|{_SESSION_SHORT})(?!\.\d)")
# `of 20 December 2006` after an item; PDFs glue the footnote mark to the year (`20193`).
_OF_DATE = _compile(
    r"\s+of\s+(?P<day>\d{1,2})\s+(?P<month>" + "|".join(_MONTHS) + r")\s+"
    r"(?P<year>\d{4})\d{0,2}(?!\d)"
)
# Between two items of a list: a glued footnote mark, then a comma, `and`, or `to` for a range
# (its two ends are cited; the numbers between are not written, so not invented): `61/208,2 62/156`,
# optionally after a short description (`61/208 of ... on international migration and
# development and 62/156`, `70/1 of ... on Transforming our world: the 2030 Agenda for Sustainable
# Development, 71/243`): words and years only, never a number of an item's shape, so it cannot
# skip over one; or after the part cited (`70/262, in particular paragraph 5, and 72/276`).
_TOPIC_WORD = r"(?:[A-Za-z][\w\-’']*:?|(?:19|20)\d\d(?:[–-](?:19|20)?\d\d)?(?![\w/])|[:–—])"
_PART_CITED = (
    r",?{_SP}+(?:in{_SP}+particular{_SP}+)?(?:paragraphs?|paras?\.){_SP}+\d+"
    r"(?:{_SP}*(?:,|and|to){_SP}*\d+(?![\d/]))*(?:{_SP}+thereof)?"
)
_NEXT_ITEM = _compile(
    rf"\d{{0,2}}(?:\s+on(?:\s+{_TOPIC_WORD}){{1,20}}?|{_PART_CITED})?"
    r"(?:{_SP}*,\d{0,2}\s*(?:and\s+|as\s+well\s+as\s+)?"
    r"|\s+(?:and|or|to|as\s+well\s+as)\s+)"
    r"(?=[\dSE])"
)
# A cited part right after a symbol: `, paras. 61 and 62`, `, annex`, `, annex II`, `, chap. I`.
_PIN_UNIT = (
    r"(?:annex(?:es)?(?:{_SP}+(?:[IVX]+|[A-Z])(?:{_SP}*(?:,|and|to){_SP}*(?:[IVX]+|[A-Z]))*)?"
    r"|(?:paras?\.|paragraphs?){_SP}*\d+(?:{_SP}*(?:,|and|to|-|–){_SP}*\d+)*"
    r"|chap\.{_SP}*[IVX]+|sect\.{_SP}*[A-Z\d]+|art\.{_SP}*\d+)(?![\w/])"
)
# ... or right before its naming phrase: `paragraph 10 of General Assembly resolution 77/267`.
_PINPOINT_BEFORE = _compile(
    r"(?P<pin>(?:paragraphs?|paras?\.){_SP}+\d+(?:{_SP}*(?:,|and|to){_SP}*\d+)*)"
    r"\s+of\s+(?:its\s+|the\s+)?(?:[A-Z][\w\-]*\s+(?:(?:and|on|of|the|for)\s+)?){0,6}$"
)
_PINPOINT = _compile(
    rf",{_SP}*(?:in{_SP}+particular{_SP}+)?(?P<pin>{_PIN_UNIT}(?:,{_SP}*{_PIN_UNIT})*)"
)
# The Human Rights Council's President's statements as its texts cite them, without the organ:
# `President's statement PRST/8/1` is A/HRC/PRST/8/1 (session/number; the Security Council's
# are numbered by year, `S/PRST/2019/1`, and always written with their organ).
_HRC_PRST = _compile(r"(?<![\w/.])PRST/(?P<session>\d{1,2})/(?P<number>\d{1,3})(?![\d/])")
# `the present resolution` is the document itself.
_PRESENT = _compile(r"\b[Tt]he present resolution\b")
# A document's own number as its title line: `62/270. Global Forum ...`, `2022/5.`.
_TITLE_LINE = _compile(rf"^{_SP}*(?:{_YEAR_SHORT}|{_SESSION_SHORT})\.(?=\s)", re.MULTILINE)

# A list of mandates under a heading line (programme budget sections): `General Assembly
# resolutions` then `319 A (IV) Refugees and stateless persons`, `50/152; 53/125; ...`, in one or
# two columns. An item stands between spaces, `;` or `,`, never glued to a letter (`7/9Part VI` is
# a page footer), nor next to a job number (`2/9 26-01923`).
_LIST_ITEM = _compile(
    rf"(?<![^\s;,])(?<!\d\d-\d{{5}} )(?:{_SC_SHORT}|{_ROMAN_SHORT}|{_YEAR_SHORT}|{_SESSION_SHORT})"
    r"(?=[;,]?(?:[ \t]|$))(?![ \t]+\d\d-\d{5})",
    re.MULTILINE,
)
# A mandate list ends where this many lines in a row hold no item.
_LIST_GAP_LINES = 4

# Institution nouns: a capitalised name ending in one of these before `resolution` names an
# organ; when it is not one we know (`World Health Assembly`, `Executive Board`, `Conference of
# the Parties`), the short form belongs to a series we cannot spell, so it is left out.
# fmt: off
_INSTITUTION_NOUNS = (
    "Assembly", "Council", "Board", "Committee", "Commission", "Conference", "Parties",
    "Organization", "Forum", "Meeting", "Union", "Programme", "Fund", "Agency", "Court",
    "Tribunal", "Group", "Session", "Sub-Commission",
)
# fmt: on
_UNKNOWN_NAMER = _compile(
    r"\b[A-Z][\w\-]*(?:\s+(?:of|the|on|for|and|[A-Z][\w\-]*))*\s+(?:"
    + "|".join(_INSTITUTION_NOUNS)
    + r")\s*$"
)
# `its resolution`: the organ named just before (`the General Assembly, in its resolution`), else
# the document's own organ.
_ITS = _compile(r"\b(?:its|their)\s+(?:[a-z]+\s+)?$")
# `the General Assembly, in its resolution`, `approved by the Assembly in its decision`.
_BY_ITS = _compile(r",?\s+(?:in|by|through|under)\s*$")
# A name right after a short form: `resolution 2005/1 of the Sub-Commission`, `decision 11/101,
# adopted by the Committee of Experts`. The name runs over capitalised words and their particles.
_NAMED_AFTER = _compile(
    r",?\s+(?:of|adopted\s+by|by)\s+the\s+"
    r"(?P<name>[A-Z][\w\-]*(?:\s+(?:(?:of|on|for|and|the)\s+)*[A-Z][\w\-]*)*)"
)
# Words that may stand capitalised before a bare `Assembly`/`Council` without naming another
# body (sentence openings in resolutions and footnotes).
_OPENERS = {"The", "See", "Also", "And", "Its", "In", "By", "Under", "Pursuant", "That"}


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
def _namer_regex() -> re.Pattern[str]:
    """Any organ alias standing right before the trigger word (longest alias first)."""
    aliases = sorted({a for o in organs().values() for a in o.aliases}, key=len, reverse=True)
    # A bare `Council` is no organ's alias: which council depends on the text (_named_at_end).
    names = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in [*aliases, "Council"])
    return _compile(rf"(?<![\w\-])(?P<name>{names})(?:['’]s)?\s+$")


@cache
def _alias_regex() -> re.Pattern[str]:
    """Any organ alias anywhere (longest alias first)."""
    aliases = sorted({a for o in organs().values() for a in o.aliases}, key=len, reverse=True)
    names = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in aliases)
    return re.compile(rf"(?<![\w\-])(?:{names})(?![\w\-])")


def _organs_named_before(text: str, pos: int) -> list[str]:
    """Bodies named earlier in the sentence that ends at `pos`, most recent first: what a
    possessive `its resolution` may refer to (`Commission on Population and Development
    resolutions 2006/2 ... and its resolution 2013/1`)."""
    start = max(text.rfind(".\n", 0, pos), text.rfind(";", 0, pos), text.rfind(". ", 0, pos))
    names = [" ".join(m.group(0).split()) for m in _alias_regex().finditer(text, start + 1, pos)]
    return [_alias_to_body()[n] for n in reversed(names)]


@cache
def _alias_to_body() -> dict[str, str]:
    return {" ".join(a.split()): o.body for o in organs().values() for a in o.aliases}


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


# --- short-form resolution ---------------------------------------------------------------------


def _named_at_end(before: str, doc_organ: str) -> str | None:
    """The organ whose name ends `before` (`... Security Council `): a body; "Council" for a bare
    `Council` in a text of no council; None for a name we cannot spell (`World Health Assembly`,
    `Governing Council`, `Executive Board`); "" when `before` ends in no name."""
    m = _namer_regex().search(before)
    if m:
        name = " ".join(m.group("name").split())
        words_before = before[: m.start()].split()
        prev = words_before[-1] if words_before else ""
        bare = name in {"Assembly", "Council", "Sub-Commission"}
        capitalised = re.fullmatch(r"[A-Z][\w\-]*", prev) and not prev.endswith("ing")
        if bare and capitalised and prev not in _OPENERS:
            return None
        if name == "Council":
            return doc_organ if doc_organ in {"S", "E", "A/HRC", "T"} else "Council"
        return _alias_to_body()[name]
    return None if _UNKNOWN_NAMER.search(before) else ""


def _naming(text: str, trigger_start: int, doc_organ: str) -> str | None:
    """The organ named by the phrase before a trigger word: a body, "" if none is named, "its"
    for a possessive left to resolve, "Council" for a bare `Council` the shape must settle, None
    when an organ is named that we cannot spell."""
    before = text[max(0, trigger_start - 120) : trigger_start]
    its = _ITS.search(before)
    if not its:
        return _named_at_end(before, doc_organ)
    # `the General Assembly, in its resolution 73/195`: the organ named before `in its`.
    head = before[: its.start()]
    verb = _BY_ITS.search(head)
    if verb:
        named = _named_at_end(head[: verb.start()] + " ", doc_organ)
        if named or named is None:
            return named
    return "its"


def _named_after(text: str, pos: int, doc_organ: str) -> str | None:
    """`resolution 2005/1 of the Sub-Commission`: the organ named right after a list, "" if
    none, None if one is named that we cannot spell."""
    m = _NAMED_AFTER.match(text, pos)
    if not m:
        return ""
    named = _named_at_end(m.group("name") + " ", doc_organ)
    if named == "" and m.group("name").split()[-1] in _INSTITUTION_NOUNS:
        return None  # `of the Conference`: a body, but not one we can spell
    return named


def _shape(m: re.Match[str]) -> str:
    if m.group("sc"):
        return "year-paren"
    if m.group("old"):
        return "roman"
    if m.group("year"):
        return "year"
    return "session"


def _fits(shape: str) -> set[str]:
    """The organs whose series are numbered in this shape."""
    return {
        b
        for b, o in organs().items()
        if shape in o.numbering or (shape == "session" and "hrc" in o.numbering)
    }


def _organ_for(shape: str, named: str, doc_organ: str, recent: list[str]) -> str | None:
    """Which organ's series a short form of this shape belongs to, or None if none fits."""
    fits = _fits(shape)
    if named == "its":  # the document's organ, else the last organ named that fits
        referent = next((b for b in [doc_organ, *recent] if b in fits), None)
        if referent or doc_organ:
            return referent
        named = ""  # `its` in a text whose organ is unknown: as if unnamed
    if named == "Council":  # bare `Council` in a text of another organ: the shape decides
        named = {"year-paren": "S", "year": "E", "session": "A/HRC", "roman": "E"}[shape]
    if named:
        return named if named in fits else None
    # No naming phrase: the document's own organ if its series has this shape, else the organ
    # that chiefly numbers this way.
    if doc_organ in fits:
        return doc_organ
    return {"year-paren": "S", "year": "E", "session": "A", "roman": "A"}[shape]


# Which organs hold special (`S-23/2`) and emergency special (`ES-10/24`) sessions.
_SPECIAL_SESSIONS = {"S": ("A", "A/HRC"), "ES": ("A",)}


def _short_symbol(m: re.Match[str], kind: str, organ: str) -> tuple[str, str, str] | None:
    """(symbol, session, number) for a short form in an organ's series, None if impossible."""
    o = organs()[organ]
    prefix = o.resolution_prefix if kind == "resolution" else o.decision_prefix
    if not prefix:
        return None
    if m.group("sc"):
        return f"{prefix}/{m['sc']}({m['sc_year']})", m["sc_year"], m["sc"]
    if m.group("old"):
        return f"{prefix}/{m['old']}{m['old_part'] or ''}({m['roman']})", m["roman"], m["old"]
    if m.group("year"):
        return f"{prefix}/{m['year']}/{m['year_num']}", m["year"], m["year_num"]
    session, number = re.sub(r"\s", "", m["ses"]), m["ses_num"]
    if organ == "A" and session.isdigit() and int(session) < 31:
        return None  # the Assembly numbers session/number only from its 31st session (1976)
    special = session.split("-")[0] if "-" in session else ""
    if special and organ not in _SPECIAL_SESSIONS[special]:
        return None  # emergency special sessions are the Assembly's; special, also the HRC's
    return f"{prefix}/{session}/{number}{m['ses_part'] or ''}", session, number


def _shared_date(text: str, item: re.Match[str], nxt: re.Match[str], nxt_date: str) -> str:
    """`74/306 and 74/307 of 11 September 2020`: two items of one session joined by `and` were
    adopted together. Security Council items carry their own year and are never joined so."""
    if not re.fullmatch(r"\s+and\s+", text[item.end() : nxt.start()]):
        return ""
    same_session = bool(item["ses"]) and item["ses"] == nxt["ses"]
    same_year = bool(item["year"]) and item["year"] == nxt["year"]
    return nxt_date if same_session or same_year else ""


def _iso_date(m: re.Match[str]) -> str:
    day, month, year = int(m["day"]), _MONTHS[m["month"]], int(m["year"])
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 else ""


def _pinpoint(text: str, end: int) -> str:
    m = _PINPOINT.match(text, end)
    return " ".join(m.group("pin").split()) if m else ""


def _same(symbol: str, other: str) -> bool:
    """One symbol, however spaced or cased (the pipeline may pass the masthead as written)."""
    return bool(other) and canonical(symbol).upper() == canonical(other).upper()


def _relation(symbol: str, doc_symbol: str) -> str:
    return "self" if _same(symbol, doc_symbol) else "cites"


def _mention(
    text: str, start: int, end: int, symbol: str, doc_symbol: str, **kw: str
) -> SymbolMention:
    p = parse(symbol)
    return SymbolMention(
        start=start,
        end=end,
        text=text[start:end],
        symbol=symbol,
        body=kw.pop("body", p.body),
        doc_type=kw.pop("doc_type", p.doc_type),
        session=kw.pop("session", p.session),
        number=kw.pop("number", p.number),
        date=kw.pop("date", ""),
        pinpoint=kw.pop("pinpoint", ""),
        relation=_relation(symbol, doc_symbol),
    )


def _short_mention(text: str, item, resolved: tuple[str, str, str], kind: str,
                   doc_symbol: str, **kw: str) -> SymbolMention:
    """The row of a short form (`61/208` after `resolutions`), resolved to its full symbol."""
    symbol, session, number = resolved
    return _mention(text, item.start(), item.end(), symbol, doc_symbol,
                    doc_type="RES" if kind == "resolution" else "DEC", session=session,
                    number=number, **kw)


# --- the passes --------------------------------------------------------------------------------


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


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Web addresses: a symbol inside one (`...view_doc.asp?symbol=A/RES/70/1`) is part of the
    address, not a citation written in the text."""
    if "http" not in text and "www." not in text:
        return []
    return [m.span() for m in _URL.finditer(text)]


def _full_symbols(ctx: Context) -> list[SymbolMention]:
    text = ctx.text
    found = []
    urls = _url_spans(text)
    for m in FULL_SYMBOL.finditer(text):
        if any(a <= m.start() < b for a, b in urls):
            continue
        if (written := _full_symbol_at(m)) is None:
            continue
        raw, symbol = written
        end = m.start() + len(raw)
        found.append(
            _mention(text, m.start(), end, symbol, ctx.doc_symbol, pinpoint=_pinpoint(text, end))
        )
        found += _modifiers_after(text, end, symbol, ctx.doc_symbol)
    return found


def _modifiers_after(text: str, end: int, symbol: str, doc_symbol: str) -> list[SymbolMention]:
    """`A/48/L.13 and Corr.1`, `S/2021/5 and Add.1 and 2`: each modifier after a symbol is a
    document of its own (the symbol with the modifier; an addendum after an addendum replaces it).
    A row spans the modifier as written (`Corr.1`), or the bare number of the next ones (`2`)."""
    found = []
    while (m := _MODIFIER_AFTER.match(text, end)) is not None:
        name = m.group("name").capitalize()
        base = re.sub(rf"/{name}\.\d+$", "", symbol)
        spans = [(m.start("name"), m.end("number"))]
        spans += [(m.start("more") + n.start(), m.start("more") + n.end())
                  for n in _NUMBERS.finditer(m.group("more"))]
        for start, stop in spans:
            number = _NUMBERS.search(text, start, stop).group(0)
            found.append(_mention(text, start, stop, f"{base}/{name}.{number}", doc_symbol))
        end = m.end()
    return found


def _short_forms(ctx: Context) -> list[SymbolMention]:
    text, doc_organ = ctx.text, ctx.organ
    found: list[SymbolMention] = []
    for trig in _TRIGGER.finditer(text):
        kind = trig.group("kind").lower()
        named = _naming(text, trig.start(), doc_organ)
        pos, chain = trig.end(), []
        while (item := _SHORT.match(text, pos)) is not None:
            date_m = _OF_DATE.match(text, item.end())
            after = date_m.end() if date_m else item.end()
            chain.append((item, _iso_date(date_m) if date_m else ""))
            nxt = _NEXT_ITEM.match(text, after)
            if nxt is None:
                break
            pos = nxt.end()
        if chain and named in ("", "its"):
            last = chain[-1][0]
            date_m = _OF_DATE.match(text, last.end())
            after = _named_after(text, date_m.end() if date_m else last.end(), doc_organ)
            named = named if after == "" else after
        for i, (item, date) in enumerate(chain):
            if not date and i + 1 < len(chain) and chain[i + 1][1]:
                date = _shared_date(text, item, *chain[i + 1])
            if named is None:
                continue
            recent = _organs_named_before(text, trig.start()) if named == "its" else []
            organ = _organ_for(_shape(item), named, doc_organ, recent)
            resolved = _short_symbol(item, kind, organ) if organ else None
            if resolved is None:
                continue
            end = _OF_DATE.match(text, item.end())
            pin = _pinpoint(text, end.end() if end else item.end())
            if not pin and i == 0:
                before = _PINPOINT_BEFORE.search(text, max(0, trig.start() - 160), trig.start())
                pin = " ".join(before.group("pin").split()) if before else ""
            found.append(_short_mention(text, item, resolved, kind, ctx.doc_symbol,
                                        date=date, pinpoint=pin))
    return found


@cache
def _list_heading() -> re.Pattern[str]:
    """A heading line naming an organ's resolutions or decisions, by the organ's full name."""
    names = "|".join(
        re.escape(o.name).replace(r"\ ", r"\s+")
        for o in sorted(organs().values(), key=lambda o: len(o.name), reverse=True)
    )
    return re.compile(
        rf"^[ \t]*(?P<name>{names})[ \t]+(?P<kind>resolution|decision)s[ \t]*$", re.MULTILINE
    )


def _mandate_lists(ctx: Context) -> list[SymbolMention]:
    """Short forms listed under a heading such as `General Assembly resolutions`."""
    text, found = ctx.text, []
    by_name = {" ".join(o.name.split()): o.body for o in organs().values()}
    for head in _list_heading().finditer(text):
        organ, kind = by_name[" ".join(head.group("name").split())], head.group("kind")
        pos, idle = head.end() + 1, 0
        while pos < len(text) and idle < _LIST_GAP_LINES:
            line_end = text.find("\n", pos)
            line_end = len(text) if line_end < 0 else line_end
            items = list(_LIST_ITEM.finditer(text, pos, line_end))
            idle = 0 if items else idle + 1
            for item in items:
                fits = organ in _fits(_shape(item))
                resolved = _short_symbol(item, kind, organ) if fits else None
                if resolved:
                    found.append(_short_mention(text, item, resolved, kind, ctx.doc_symbol))
            pos = line_end + 1
    return found


def _hrc_statements(ctx: Context) -> list[SymbolMention]:
    """`PRST/8/1` in running text: a President's statement of the Human Rights Council."""
    text = ctx.text
    if "PRST/" not in text:
        return []
    return [_mention(text, m.start(), m.end(), f"A/HRC/PRST/{m['session']}/{m['number']}",
                     ctx.doc_symbol) for m in _HRC_PRST.finditer(text)]


def _self_references(ctx: Context) -> list[SymbolMention]:
    """`the present resolution` and the title line `62/270.`: the document itself."""
    if not ctx.doc_symbol:
        return []
    text, found = ctx.text, []
    for m in _PRESENT.finditer(text):
        found.append(_mention(text, m.start(), m.end(), ctx.doc_symbol, ctx.doc_symbol))
    own = canonical(ctx.doc_symbol).upper()
    for m in _TITLE_LINE.finditer(text, 0, min(len(text), 4000)):
        number = m.group(0).strip().rstrip(".")
        if own.endswith("/" + number.upper()) and "/RES/" in own:
            start = m.start() + m.group(0).index(number[0])
            found.append(_mention(text, start, start + len(number), ctx.doc_symbol, own))
    return found


def find(ctx: Context) -> list[SymbolMention]:
    """Every UN document symbol in the text, full or short, in canonical ODS form."""
    mentions = (_full_symbols(ctx) + _short_forms(ctx) + _mandate_lists(ctx)
                + _hrc_statements(ctx) + _self_references(ctx))
    unique = {(m.start, m.end, m.symbol): m for m in mentions}
    return sorted(unique.values(), key=lambda m: (m.start, m.end, m.symbol))
