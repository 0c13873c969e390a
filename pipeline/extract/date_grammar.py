"""Date grammar: the compiled patterns that find candidate date phrases in a text.

Named fragments (day, month, year, separators, ordinals) build the shapes a date takes,
longest first; CANDIDATE joins them into one pattern, tried only where TRIGGER says a date can
begin. The context patterns around a candidate (counts, symbols, the body that holds a session,
recurring dates, lists) live here too. Reading a candidate into a value is
pipeline/extract/dates.py; the masthead reader (pipeline/extract/masthead.py) reuses the
fragments.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from pipeline.calendar import MONTH, MONTHS, ORDINAL_STEMS, ORDINALS, WEEKDAYS

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
# The text layer of a UN PDF may split a word with a space (`25 Septembe r 2021`, `13 and
# 17 Novem ber`): a full month split once is read after a day (TRIGGER does not look for it,
# to stay fast).
_SPLIT_MONTH = "|".join(f"{name[:i]} {name[i:]}" for name in MONTHS for i in range(1, len(name)))
MONTH_NAME = rf"(?:{_FULL_MONTH}|{_CAPS_MONTH}|(?:{_ABBR_MONTH})\.?|{_SPLIT_MONTH})(?![\w])"
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
    # in June, since March, mid-September: a month without a year, read only after a word that
    # makes it a time, or after another month in a list (`in August and September`, `in March
    # or April`, `October, November and December`)
    ("m", rf"(?<=(?i:\b(?:in|since|to|until|till|by|during|before|after|from|between|early|late|"
          rf"mid|(?:end|beginning|middle|start)[ \t]+of))[ \t]+|(?i:\bmid)-|"
          rf"\b(?:{_FULL_MONTH}),?[ \t]+(?:and|or)[ \t]+|\b(?:{_FULL_MONTH}),[ \t]+)"
          rf"(?P<m1>{BARE_MONTH})"),
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
# number in a UN footer (`25-14304 (E) 200125`); a resolution's year in brackets, also on the
# next line (`resolution 2579\n(2021)`).
NOT_A_YEAR_BEFORE = regex.compile(
    r"(?i:\b(?:vol|vols|no|nos|para|paras|p|pp|page|pages|art|article|articles|chap|sect|item|"
    r"items|resolution|resolutions|decision|decisions|rule|rules|annex|number|code|isbn|issn|"
    r"us\$|usd|\$|eur|€)\.?[ \t]*)$|\d[ \t]*\n?[ \t]*\([ \t]*$|\([A-Z]\)[ \t]*$"
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
# `in February this year`, `on 1 January of this year`, `in November last year`: a partial date
# whose year is the document's own, or the one before or after it.
YEAR_OF_DOCUMENT = regex.compile(
    rf"{SP}(?:of{SP})?(?P<which>(?i:this|last|next)){SP}year\b(?![ \t]*['\u2019]s)"
)
# `between early June and 15 August 2024`, `from mid-June to 5 July`: two dates the text read
# apart make one range when `between ... and` or `from ... to` holds them, the first end
# perhaps qualified (`early`, `mid-`, `the end of`) and taking its year from the last.
QUALIFIER = rf"(?i:early|mid|late|the{SP}(?:end|beginning|middle|start){SP}of)"
RANGE_LEAD = regex.compile(rf"(?i:\b(?P<lead>between|from)){SP}(?:{QUALIFIER}(?:{SP}|-))?$")
RANGE_JOIN = regex.compile(rf"(?:{SP}(?P<and>(?i:and)){SP}|{TO})(?:{QUALIFIER}(?:{SP}|-))?")
# A paragraph break: the sentence before a partial date lends its year only within a paragraph.
PARAGRAPH = regex.compile(r"\n[ \t]*\n")
# Words just before a partial date that put it ahead of the document's date: `to be elected in
# March`, `will be on Thursday, 31 August`, `scheduled for 23 November`, `the forthcoming
# Assembly of States Parties in December`.
AHEAD = regex.compile(
    r"(?i:(?<!\b(?:was|were|been)[ \t]+)"
    r"\b(?:will|shall|to[ \t]+be|scheduled|forthcoming|upcoming|planned|expected)\b)"
)
# ... when a preposition makes the date a time of the verb (`to be elected in March`, not `it will
# replicate the 7 October massacre`), a weekday or a qualifier perhaps between them
TIME_PREPOSITION = regex.compile(
    rf"(?i:\b(?:in|on|by|for|until|till|before|from)[ \t\n]+(?:(?:{'|'.join(WEEKDAYS)}),?"
    rf"[ \t\n]+)?(?:(?:early|mid|late)(?:[ \t\n]+|-))?)$"
)
# A preposition before a year that makes it a time of its own (`since 2004`, `in 2020`, `for
# 2022`), which completes no partial date before it in the sentence.
OWN_PREPOSITION = regex.compile(
    r"(?i:\b(?:since|in|for|from|until|till|by|before|after|during)[ \t\n]+)$"
)
# `13 and 17 November`: between two days, `and` lists them (a range only when they follow
# each other, `14 and 15 September`)
LISTED = regex.compile(rf"{SP}and{SP}")
# `on 31 August and 1 September 2021`: a partial date listed before a full one shares its year.
LIST_JOIN = regex.compile(rf"{OPT_SP}(?:,|and|or|to|[-\u2010-\u2015]){OPT_SP}")


# A full date as a phrase (`18 May 2006`), for the masthead reader (pipeline/extract/masthead.py).
DATE_PHRASE = rf"(?P<date>{DAY}{SP}{MONTH_NAME}{COMMA}{SP}{YEAR_AFTER_DAY})"

def _shape(m: regex.Match) -> str:
    return next(name for name in SHAPE_NAMES if m.group(name) is not None)
