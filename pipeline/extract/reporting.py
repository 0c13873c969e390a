"""News stories and statements: the people a story quotes, the bodies they speak for, and the
place of its dateline.

- Quoted speakers, the way UN and agency news attribute a quotation or a statement:
  `said <Name>, <title> of|for <body>` (`...,” said Christina Vlachou, Head of the Food Safety
  and Control Laboratory of the Joint FAO/IAEA Centre ...`, IAEA; `said Dr Margaret Harris,
  spokesperson for the World Health Organization (WHO)`, UN Geneva), `<Name>, <title> of|for
  <body>, said|told` (`Chris Melzer, spokesperson for the UN refugee agency (UNHCR) in Germany,
  told UN News`, UN News), `<office> <Name> said|told` (`Commissioner General Philippe
  Lazzarini told`), `according to <Name>, <title>`, and a name right after a closing
  quotation mark (`,” said Dr Harris`, `,” Dr Harris said`). The person is an actor whose role
  is the title as printed; the body, where it is a proper name (not `the UN refugee agency`), is
  an organization; a body named in the title's chain (`Head of the <unit> of the <centre>`)
  gives each link. A speaker's later surname (`Dr Harris said`) is the same person.
- Datelines (`GENEVA, 3 March 2024 —`, `NEW YORK (UN News) —`, `VIENNA, 12 October 2020 -`):
  the place, which the gazetteer misses in capitals. The dateline's date is the story's own date
  (`masthead.DATELINE`), from which `dates.py` completes the story's partial dates.

The actors win where they overlap the text-pattern ones (`with_speakers`, after
`proceedings.with_structure`); the dateline place is added where no place was found
(`with_dateline`). Every offset is a regex group's own offset in `ctx.text`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

from pipeline.coordinates import with_coordinates
from pipeline.extract.proceedings import NAME_WORD, PARTICLE, slug, yields
from pipeline.gazetteer import place_hits
from pipeline.models import ActorMention, Context, PlaceMention
from pipeline.reference import word_list

# --- quoted speakers ---------------------------------------------------------------------------

HONORIFIC = r"(?:(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame)\.?[ ])"
# a full name: two to four capitalised words (`Christina Vlachou`, `Pamela Coke-Hamilton`)
FULL_NAME = rf"{NAME_WORD}(?:[ ](?:{PARTICLE}[ ])?{NAME_WORD}){{1,3}}"
# the capitalised words of an office printed before its holder's name (`Commissioner General
# Philippe Lazzarini`, `High Commissioner Volker Türk`, `Secretary-General Antonio Guterres`)
OFFICE_WORD = (r"(?:Secretary-General|Under-Secretary-General|Director-General|Commissioner"
               r"|General|Director|Executive|Spokesperson|Spokesman|Spokeswoman|Chief|Head"
               r"|President|Minister|Ambassador|Representative|Envoy|Coordinator|High|Special"
               r"|Deputy|Assistant|Administrator|Rapporteur|Chair|Chairperson|Prime)")
# a name as a quotation's speaker may be given: the surname alone too (`Dr Harris`)
SOME_NAME = rf"{NAME_WORD}(?:[ ]{NAME_WORD}){{0,3}}"
SPEECH_VERB = (r"(?:said|says|told|asked|continued|added|stressed|noted|warned|explained|urged"
               r"|emphasi[sz]ed|insisted|reiterated|declared|announced|underlined|highlighted|observed)")
# the head of a speaker's title (`spokesperson for`, `Head of`, `the head of`, `Director-General
# of`); compared in lower case
ROLE_HEAD = (r"(?:spokes(?:person|man|woman)|head|chief|director(?:-general)?|executive|deputy"
             r"|president|vice-president|chair(?:person|man|woman)?|coordinator|representative"
             r"|minister|secretary(?:-general)?|under-secretary-general|assistant|envoy"
             r"|advis[eo]r|officer|commissioner|administrator|manager|special|senior|regional"
             r"|country|acting|ambassador|rapporteur|expert|scientist|specialist|lead"
             r"|director|founder|dean|professor|member|principal|high)")
# `Head of the Food Safety ... of the Joint FAO/IAEA Centre ...`: the role up to `of|for|at`,
# then the body up to the clause's end; an acronym in brackets after it, and after that
# perhaps where the speaker works (`(UNHCR) in Germany`)
TITLE = (rf"(?:the[ ])?(?P<title>(?i:{ROLE_HEAD})(?:[ -][\w-]+){{0,4}}?[ ](?:of|for|at|to)[ ]"
         r"(?P<body>(?:the[ ])?[^,.;:\n”\"()]{3,160}?)(?:[ ]\((?P<acronym>[A-Z][\w/&.-]{1,12})\))?)"
         r"(?:(?<=\))(?=[ ]in[ ])|(?=[,.;:\n”\"]|$))")
SPEAKER_PATTERNS = tuple(regex.compile(p) for p in (
    # said Christina Vlachou, Head of the ... / said Dr Margaret Harris, spokesperson for ...
    rf"\b{SPEECH_VERB}[ ]{HONORIFIC}?(?P<name>{FULL_NAME}),[ ]{TITLE}",
    # Chris Melzer, spokesperson for the UN refugee agency (UNHCR) in Germany, told UN News
    rf"(?<![\w’'-][ ]?){HONORIFIC}?(?P<name>{FULL_NAME}),[ ]{TITLE}(?:[ ]in[ ][^,\n]{{2,40}})?,"
    rf"[ ](?:also[ ])?{SPEECH_VERB}\b",
    # according to Dr Margaret Harris, spokesperson for WHO
    rf"\b(?i:according)[ ]to[ ]{HONORIFIC}?(?P<name>{FULL_NAME})(?:,[ ]{TITLE})?",
    # ...,” said Dr Harris / ...,” Dr Harris said
    rf"[”\"],?[ ]{SPEECH_VERB}[ ](?P<hon>{HONORIFIC})?(?P<name>{SOME_NAME})(?![ ]?[\w(])",
    rf"[”\"],?[ ](?P<hon>{HONORIFIC})?(?P<name>{SOME_NAME})[ ]"
    rf"(?:also[ ])?{SPEECH_VERB}\b",
    # Commissioner General Philippe Lazzarini told / Secretary-General Antonio Guterres reiterated
    rf"\b(?P<office>(?:{OFFICE_WORD}[ ]){{1,4}})(?P<name>{FULL_NAME})[ ]"
    rf"(?:also[ ]|today[ ])?{SPEECH_VERB}\b",
))
# words that make a capitalised run something other than a person's name
NOT_A_NAME = regex.compile(
    r"(?i:^(?:the|a|an|this|that|it|he|she|they|we|his|her|its|their|un|united|nations|world"
    r"|international|national|government|ministry|agency|organization|organisation|council"
    r"|committee|office|programme|fund|secretariat|secretary-general|president|minister|chief"
    r"|head|director|spokesperson|spokesman|spokeswoman|monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday|today|yesterday)$)"
)
# the nouns that head a body's name (`Centre`, `Organization`, `Ministry`)
BODY_HEADS = frozenset(word_list("head_nouns.csv", "org_name"))
OFFICE = regex.compile(OFFICE_WORD)
# words that may stand lower case inside a body's proper name
NAME_JOINS = frozenset({"of", "for", "and", "the", "in", "on", "to", "de", "des", "du", "&"})


@dataclass(frozen=True)
class Speaker:
    """A person a story quotes, and the title and body the story gives them."""

    start: int
    end: int
    name: str
    role: str


def person_name(printed: str) -> str:
    """The name without an honorific, or "" when the words are not a person's name."""
    words = printed.split(" ")
    if any(NOT_A_NAME.match(w) or OFFICE.fullmatch(w) or (w.isupper() and len(w) > 1)
           for w in words):
        return ""
    return printed


def role_of(m: regex.Match) -> str:
    """The title as printed, on one line, without the acronym, its first letter a capital."""
    if m.groupdict().get("office"):
        return " ".join(m.group("office").split())
    if not m.groupdict().get("title"):
        return ""
    title = " ".join(m.group("title").split())
    if m.group("acronym"):
        title = title[: title.rfind(" (")]
    return title[:1].upper() + title[1:]


def speakers(text: str) -> list[Speaker]:
    """Every quoted speaker; a bare surname (`,” Dr Harris said`) only with an honorific or
    as the surname of a speaker the story names in full."""
    found: dict[int, tuple[Speaker, bool]] = {}
    for pattern in SPEAKER_PATTERNS:
        for m in pattern.finditer(text):
            if name := person_name(m.group("name")):
                speaker = Speaker(m.start("name"), m.end("name"), name, role_of(m))
                found.setdefault(speaker.start, (speaker, bool(m.groupdict().get("hon"))))
    surnames = {s.name.split(" ")[-1] for s, _ in found.values() if " " in s.name}
    return sorted((s for s, titled in found.values()
                   if " " in s.name or titled or s.name in surnames), key=lambda s: s.start)


def bodies(text: str) -> list[tuple[int, int, str]]:
    """The bodies the speakers' titles name, where they are proper names: each link of
    `<unit> of the <centre>`, and the acronym in brackets after the body."""
    out = []
    for pattern in SPEAKER_PATTERNS[:3]:
        for m in pattern.finditer(text):
            if not m.groupdict().get("body"):
                continue
            start = m.start("body") + (4 if m.group("body").startswith("the ") else 0)
            links = split_links(text, start, m.end("body"))
            names = [(a, b, text[a:b]) for a, b in links if proper_name(text[a:b])]
            out += names
            if m.group("acronym") and len(names) == len(links) == 1:
                out.append((m.start("acronym"), m.end("acronym"), names[0][2]))
    return out


def split_links(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """`<unit> of the <centre>` → the spans of the unit and the centre."""
    links, at = [], start
    for sep in regex.finditer(r"[ ]of[ ]the[ ]", text[start:end]):
        links.append((at, start + sep.start()))
        at = start + sep.end()
    return [*links, (at, end)]


def proper_name(name: str) -> bool:
    """A body's own name: capitalised words (and the words that join them) around a head noun
    (`Joint FAO/IAEA Centre of Nuclear Techniques ...`), not `the UN refugee agency` nor the
    rest of a minister's title (`Foreign Affairs of Ghana`)."""
    words = name.split()
    return (len(words) >= 2 and words[0][:1].isupper() and words[-1] not in NAME_JOINS
            and all(w[:1].isupper() or w in NAME_JOINS for w in words)
            and any(w in BODY_HEADS for w in words))


def later_surnames(text: str, people: list[Speaker]) -> list[ActorMention]:
    """A full-named speaker's later surname alone (`Dr Harris said`), not inside another name."""
    out = []
    for p in people:
        words = p.name.split(" ")
        if len(words) < 2:
            continue
        surname = regex.escape(words[-1])
        pattern = regex.compile(rf"(?<![\w’'-][ ]?)(?<!{NAME_WORD}[ ])(?:{HONORIFIC})?"
                                rf"\b{surname}\b(?![ ][A-Z]|[-’'][\w])")
        for m in pattern.finditer(text, p.end):
            out.append(ActorMention(m.start(), m.end(), m.group(), p.name, "person", "",
                                    slug(p.name)))
    return out


def speaker_mentions(ctx: Context) -> list[ActorMention]:
    text = ctx.text
    people = speakers(text)
    full = {p.name.split(" ")[-1]: p.name for p in people if " " in p.name}
    out = []
    for p in people:
        # a bare surname (`Dr Harris`) is the speaker the story named in full
        name = full.get(p.name, p.name)
        out.append(ActorMention(p.start, p.end, text[p.start:p.end], name, "person", p.role,
                                slug(name)))
    named = bodies(text)
    # the body's name printed again elsewhere in the story is the same body
    again = [(m.start(), m.end(), name) for name in {n for _, _, n in named}
             for m in regex.finditer(rf"(?<!\w){regex.escape(name)}(?!\w)", text)]
    for start, end, name in named + again:
        out.append(ActorMention(start, end, text[start:end], name, "organization", "",
                                slug(name)))
    taken = [(m.start, m.end) for m in out]
    for m in later_surnames(text, [p for p in people if " " in p.name]):
        if not any(a < m.end and m.start < b for a, b in taken):
            out.append(m)
            taken.append((m.start, m.end))
    return sorted(set(out), key=lambda m: (m.start, m.end))


def with_speakers(ctx: Context, mentions: list[ActorMention]) -> list[ActorMention]:
    """`mentions` with the quoted speakers and their bodies in, winning where they overlap
    (a body named inside a body's name stays, as in `proceedings.yields`); a body the reference
    tables know keeps its canonical name, and one inside a longer name they know gives way."""
    orgs = [m for m in mentions if m.actor_type == "organization"]
    known = {(m.start, m.end): m for m in orgs}
    found = [known.get((m.start, m.end), m) for m in speaker_mentions(ctx)
             if not (m.actor_type == "organization" and within_longer(m, orgs))]
    rest = [m for m in mentions if all(yields(s, m) for s in found)]
    return sorted(set(found) | set(rest), key=lambda m: (m.start, m.end, m.actor))



def within_longer(m: ActorMention, orgs: list[ActorMention]) -> bool:
    """Whether a longer organization's name holds `m` (a link of a title's chain that the
    reference tables name in full)."""
    return any(o.start <= m.start and m.end <= o.end and o.end - o.start > m.end - m.start
               for o in orgs)

# --- datelines ---------------------------------------------------------------------------------

# A dateline opens the story's first paragraph: the place in capitals, a region or country after
# a comma, the agency in brackets, the date, then a dash (`GENEVA, 3 March 2024 —`, `NEW YORK
# (UN News) —`, `VIENNA, 12 October 2020 - `, UNODC press releases).
DATELINE = regex.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'’-]+(?:[ ][A-Z][A-Z.'’-]+){0,3})"
    r"(?:,[ ][A-Z][\w ]{1,30}?)?(?:[ ]\([^()\n]{1,40}\))?(?:,[ ][^\n,—–]{3,30}?)?"
    r"[ ]+(?:[-\u2013\u2014]{1,2})[ ]"
)


def dateline_places(ctx: Context, places: list[PlaceMention]) -> list[PlaceMention]:
    """The place of each dateline the gazetteer missed (it matches names as written, and a
    dateline prints them in capitals): its city or country, looked up in title case."""
    out = []
    for m in DATELINE.finditer(ctx.text):
        start, end = m.span("place")
        if any(p.start < end and start < p.end for p in places):
            continue
        name = " ".join(w.capitalize() for w in m.group("place").split(" "))
        hits = [h for h in place_hits(name) if (h.start, h.end) == (0, len(name))
                and h.place.place_type in ("city", "country")]
        if hits:
            p = with_coordinates(hits[0].place)
            out.append(PlaceMention(start, end, m.group("place"), p.name, p.place_type,
                                    p.country_code, p.geonames_id, p.latitude, p.longitude))
    return out


def with_dateline(ctx: Context, places: list[PlaceMention]) -> list[PlaceMention]:
    return sorted([*places, *dateline_places(ctx, places)], key=lambda p: (p.start, p.end))
