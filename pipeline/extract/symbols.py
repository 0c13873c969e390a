"""UN document symbols: full symbols (`A/C.2/62/2`) and short forms (`resolution 61/208`),
in the canonical form of the Official Document System (ODS).

Two passes over the clean text, both plain compiled regexes:
1. full symbols, from the grammar of the UN's own rules in `symbol_grammar` (Dag Hammarskjöld
   Library guide to document symbols, ST/LIB/SER.B/5/Rev.5): series prefix, `/`-separated
   components, modifiers;
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
from functools import cache

from pipeline.calendar import MONTH_NUMBER
from pipeline.extract.symbol_grammar import (
    _NEXT_ITEM,
    _OF_DATE,
    _ROMAN_SHORT,
    _SC_SHORT,
    _SESSION_SHORT,
    _SHORT,
    _SP,
    _TRIGGER,
    _YEAR_SHORT,
    FULL_SYMBOL,
    _alias_to_body,
    _compile,
    _fits,
    _full_symbol_at,
    canonical,
    organs,
    parse,
)
from pipeline.models import Context, SymbolMention

# --- full symbols ------------------------------------------------------------------------------

_URL = _compile(r"(?:https?://|www\.)[^\s<>\"“”]+")
# A modifier after a symbol and `and` (or a comma): `A/48/L.13 and Corr.1`, `and Add.1 and 2`.
_MODIFIER_AFTER = _compile(
    r",?{_SP}+(?:and|,){_SP}+(?P<name>Add|Corr|Rev)\.{_SP}?(?P<number>\d{1,3})(?!\d)"
    r"(?P<more>(?:{_SP}*(?:,|and){_SP}*\d{1,3}(?![\d/.]))*)"
)
_NUMBERS = re.compile(r"\d{1,3}(?!\d)")

# --- short forms (their grammar: `symbol_grammar`) -------------------------------------------

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
# The name may go on after the noun with its region or field: `Economic and Social Commission for
# Asia and the Pacific resolution 78/2` (E/RES/2022/11) is the Commission's own series
# (E/ESCAP/RES/-, ST/LIB/SER.B/5/Rev.5), like `Economic Commission for Europe decision I (70)`
# (E/RES/2023/20) and `Committee on the Rights of the Child`.
_UNKNOWN_NAMER = _compile(
    r"\b[A-Z][\w\-]*(?:\s+(?:of|the|on|for|and|[A-Z][\w\-]*))*\s+(?:"
    + "|".join(_INSTITUTION_NOUNS)
    + r")(?:\s+(?:for|of|on)\s+(?:the\s+)?[A-Z][\w\-]*"
    r"(?:\s+(?:and|of)\s+(?:the\s+)?[A-Z][\w\-]*)*)?\s*$"
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
# A resolution cited by its place in the sessional report of an ECOSOC subsidiary body, an ESCOR
# supplement with an `E/year/n` symbol (`Supplement No. 7 (E/2015/27), chap. I, sect. C,
# resolution 59/1`, E/RES/2021/5), is that body's own, printed in its report (Dag Hammarskjöld
# Library guide, research.un.org/en/docs/ecosoc/subsidiaries): a series we cannot spell.
_IN_SUBSIDIARY_REPORT = _compile(
    r"\(E/\d{4}/\d+(?:-[^)\s]+)?\)(?:,\s*(?:chap|sect|vol|annex)\.?\s*[\w.]+)+,\s*$"
)
# Words that may stand capitalised before a bare `Assembly`/`Council` without naming another
# body (sentence openings in resolutions and footnotes).
_OPENERS = {"The", "See", "Also", "And", "Its", "In", "By", "Under", "Pursuant", "That"}

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
    if _IN_SUBSIDIARY_REPORT.search(before):
        return None
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
        symbol = f"{prefix}/{m['year']}/{m['year_num']}{m['year_part'] or ''}"
        return symbol, m["year"], m["year_num"]
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
    day, month, year = int(m["day"]), MONTH_NUMBER[m["month"].lower()], int(m["year"])
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
