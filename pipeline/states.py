"""States named in a text, and whether each acts or is addressed (`the Government of Belgium`,
`Belgium supports`, `urges Belgium`) or only locates something (`held in Belgium`).

The gazetteer finds where a text names a state; this module reads the words around each
mention. `state_hits(text)` is the one entry point; the extract stage computes it once per
document and hands it to both the places and the actors extractor through the `Context`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

import regex

from pipeline.gazetteer import (
    PlaceHit,
    countries,
    is_state,
    place_hits,
    state_key,
)
from pipeline.reference import alternation, read_data, split_aliases, word_list
from pipeline.rolls import is_item, listed_acting


@dataclass(frozen=True)
class CountryHit:
    """A mention of a state (member, observer or historic) under its UN short name, or by its
    adjective before one of its organs (`the Sudanese Government`: `by_adjective`)."""

    start: int
    end: int
    text: str
    name: str
    iso3: str
    geonames_id: str
    qid: str
    acting: bool
    by_adjective: bool = False

# --- states acting vs places --------------------------------------------------------------

# The organs through which a state acts. `X Government`, `the Government of X` and `the
# Sudanese Government` all name the state itself, not a place in it.
ORGAN = alternation(word_list("state_organs.csv", "state_organ"), space=r"\s+")

# Words before a country that make it the state as an actor: its government, its
# representatives, its offices, the agent of a passive (`imposed by X`), the target of measures
# (`embargo against X`), a party to relations (`talks between X and Y`, `partnership with X`),
# or a speech act addressed to it (`urges X`, `gratitude to X`). What only a member of an
# organization has or undergoes names the state as that member: its seat, representation,
# participation or lawful rights (`the lawful rights of the People's Republic of China`), its
# admission or expulsion (`depriving the Republic of China of representation`).
MEMBERSHIP = (
    r"(?:lawful|legitimate|legal|rightful)\s+rights|(?:rightful\s+|lawful\s+)?(?:representation"
    r"|participation|membership|admission|readmission|expulsion|credentials|seat)"
)
MEMBERSHIP_VERB = (
    r"depriv(?:e|es|ed|ing)|expel(?:s|led|ling)?|(?:re)?admit(?:s|ted|ting)?"
    r"|suspend(?:s|ed|ing)?|unseat(?:s|ed|ing)?"
)
ACTING_BEFORE_PATTERN = rf"""(?:
        \b(?:{ORGAN}|initiative|invitation|offer|proposals?|sponsors?|{MEMBERSHIP}
           |(?:people|peoples)\s+and\s+(?:the\s+)?Governments?
           |Governments?\s+and\s+(?:the\s+)?peoples?)
        (?:\s+(?:of|for)(?:\s+[A-Z][\w'’-]*){{0,4}})?\s+(?:of|from)\s+(?:the\s+)?
      | \b(?:on\s+behalf|in\s+the\s+name)\s+(?:not\s+only\s+|only\s+)?of\s+(?:the\s+)?
                                          # `done in the name not only of the United Kingdom`
      | (?<!\b(?:bordered|surrounded|bounded|flanked|separated|divided|crossed|washed)\s+)
        \bby\s+(?:the\s+)?
      | \bagainst\s+(?:the\s+)?
      | \b(?:relations?|ties|co-?operation|partnerships?|talks|negotiations?|dialogue|agreements?
           |[Tt]reaty|peace|war|conflict|disputes?|friendship|solidarity|alliance|consultations?
           |contacts?|rapprochement|reconciliation|discussions?|accords?|summit)
        \b(?:[^.;:\n]|\n(?![^\S\n]*\n)){{0,40}}?\b(?:with|between)\s+(?:the\s+)?
                     # (a line break may fall inside: `close ties\nwith the United States`)
      | \b(?:gratitude|thanks|appreciation|thank|thanked|commends?|commended|congratulates?
           |congratulated|urges?|urged|(?:calls?|called)\s+(?:up)?on|(?:appeals?|appealed)\s+to
           |requests?|requested|invites?|invited|asks?|asked|assures?|assured|tribute\s+to
           |{MEMBERSHIP_VERB})
        \s+(?:to\s+)?(?:the\s+)?
      | \b(?:sympathy|sympathies|condolences)\s+(?:to|toward|towards|with|for)\s+(?:the\s+)?
      | \b(?:Members?|State)(?:\s+of\s+(?:our|this|the)\s+Organization)?\s*,\s*(?:the\s+)?
                                          # `a new Member of our Organization, the Federation`
      | \b(?:(?:[Yy]ou|I|[Ww]e|[Hh]e|[Ss]he)\s+represents?|representing)\s+(?:the\s+)?
                  # `You represent Norway`: a person speaks for the state (a senator elected `to
                  # represent South West Africa` speaks for a territory, not a state)
      | \b(?:[Mm]y|[Oo]ur)\s+(?:own\s+)?country\s*,\s*(?:the\s+)?  # `my country, Mexico, ...`
    )\Z"""
ACTING_BEFORE = regex.compile(ACTING_BEFORE_PATTERN, regex.VERBOSE)

# A verb right after a country makes it the subject: the state acts or speaks. Past and third
# person forms are recognised by their ending too (`Belgium organized`, `Senegal renews`), so
# the list only needs auxiliaries, modals and irregular or unmarked forms.
ACTING_VERB = (
    r"(?:has|have|had|will|would|shall|should|can|could|must|may|might|did|does|do|cannot"
    r"|took|takes|made|makes|gave|gives|sent|sends|won|led|sought|chose|began|held|kept|met"
    r"|paid|pays|put|set|sets|stood|stands|became|brought|wants|went|saw|knew|felt|thought"
    r"|said|says|told|joined|fully|also|therefore|firmly|strongly|again|already|once|never"
    r"|still|now|always|too|itself|herself|for\s+its\s+part"
    r"|(?!(?:{noun})\b)[a-z]{{2,}}(?:ed|s)(?<!ss|us|is|as|ous))\b"
)
# Lowercase words ending in -s or -ed that, after a country's name, are nouns it qualifies
# (`United States dollars`, `Iraq sanctions`), not verbs it governs.
NOUN_AFTER = (
    r"dollars|programmes|programs|projects|operations|talks|forces|troops|sanctions|elections"
    r"|authorities|affairs|issues|nationals|citizens|refugees|delegates|relations|borders"
    r"|efforts|interests|exports|imports|resources|offices|missions|agencies|policies|measures"
    r"|peoples|negotiations|parties|islands|provinces|regions|areas|territories|waters|times"
    r"|cases|questions|situations|crises|needs|accounts|funds|costs|grants|loans|debts|assets"
    r"|laws|rules|courts|years|days|months|weeks|ones|others|members|states|nations|countries"
    r"|based|led|related|backed|owned|sponsored|funded|speaking|bound|wide"
    # function words that end like a verb
    r"|towards|afterwards|whereas|perhaps|unless|thus|besides|its|his|hers|ours|theirs|yours"
    r"|this|these|those|plus|news|series|means|nevertheless|regardless|nonetheless|needed"
)
SUBJECT_VERB = ACTING_VERB.format(noun=NOUN_AFTER)
# A copula makes the country the subject only with a predicate a state takes: a stance
# (`is convinced`), an activity (`is working`), or a role (`is a party to`).
COPULA_PREDICATE = (
    r"(?:is|are|was|were|has\s+been|have\s+been|remains|remained)\s+(?:not\s+|also\s+|now\s+"
    r"|still\s+|therefore\s+|\w+ly\s+)*(?:convinced|committed|determined|ready|prepared|pleased"
    r"|proud|concerned|grateful|honoured|honored|willing|resolved|aware|able|unable|opposed"
    r"|(?!being\b)[a-z]{2,}ing"
    r"|(?:a|an|the|one)\s+(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:member|party|parties|sponsor|signatory"
    r"|contributor|donor|host|partner|friend|supporter|advocate|champion|founder|Member|Chair"
    r"|candidate|co-sponsor|neighbour|neighbor|ally|State))\b"
)
# A state named as a (prospective) member of a body holds a seat: `the Council will have to
# welcome Germany and Japan as permanent members`, `admit Tuvalu as a Member`.
AS_MEMBER = (
    r"as\s+(?:(?:a|an|the|its|new|permanent|non-permanent|full|full-fledged|founding|elected"
    r"|voting)\s+)*(?:[Mm]embers?|[Oo]bservers?)\b"
)
ACTING_AFTER = regex.compile(
    rf"""(?:
        ['’]s?(?!\w)                               # `Belgium's`, `the Philippines’`
      | \s+(?:{ORGAN})\b                            # `the United States Government`
      | \s*,?\s*for\s+its\s+part\b                  # `France, for its part, ...`
      | \s*,\s*(?:as\s+(?:a|an|the|one|its|host|chair|Chair|co-chair|President|current|member
           |Member|party|sponsor)|in\s+particular|too|like|(?:together|along|jointly)\s+with)\b
                                          # `Belgium, as a member...`, `France, together with`
      | \s*,?\s*(?:which|who)\s+(?:\w+ly\s+)?(?:{SUBJECT_VERB}|{COPULA_PREDICATE})
                                                    # `the Philippines, which will organize`
      | \s*,\s*(?:a|an|one\s+of)\s+[^,;.()\n]{{1,80}},\s*(?:\w+ly\s+)?{SUBJECT_VERB}
                                                    # `Portugal, a member of NATO, has`
      | \s+(?:\(\w+\)\s+)?(?:\w+ly\s+)?(?:{SUBJECT_VERB}|{COPULA_PREDICATE})
      | \s*\**\s*:\s*\**\s*(?:draft|revised\s+draft)  # sponsors: `France ...:** draft`
      | \s+{AS_MEMBER}                              # `welcome Germany and Japan as members`
    )""",
    regex.VERBOSE,
)

# What follows a country and belongs to it even where it is the object of a preposition.
OWN_AFTER = regex.compile(
    rf"['’]s?(?!\w)|\s+(?:{ORGAN})\b|\s*,?\s*(?:which|who)\s|\s*\**\s*:\s*\**\s*(?:revised\s+)?draft"
)

# A preposition governs the country: it is an object (`the people of Japan wish`, `the question
# of Namibia remains`), so a verb after it has another subject.
GOVERNED_BEFORE = regex.compile(
    r"\b(?:of|in|at|from|into|onto|with|for|on|to|towards?|over|under|about|than|like|upon"
    r"|within|throughout|across|including|concerning|regarding|via|among|amongst|around|near"
    r"|beyond|behind|during|through|between|versus|unlike|namely|except)\s+(?:the\s+)?"
    r"(?:former\s+|whole\s+|entire\s+)?\Z",
    regex.IGNORECASE,
)

# A list of states: `France, Guinea and Saudi Arabia` share the role of the whole list.
# The joins: a comma, `and`, `or`, `as well as`, and `not only of X, but (also) of Y`.
LIST_GAP = regex.compile(
    r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+|,?\s+as\s+well\s+as\s+"
    r"|,?\s+but\s+(?:also\s+)?(?:of|by|for|with|to)\s+)(?:the\s+)?\Z"
)
LIST_END = regex.compile(r"\b(?:and|or|as\s+well\s+as|but)\b")
# Three or more names in a row are a list whether or not an `and` closes it (`of Canada,
# Australia, New Zealand, South Africa and — though ...`).
LONG_LIST = 3




# A locative word before a country makes it a location whatever follows (`what has happened in
# the Congo has...`, `taken place in China, and Ghana is convinced`).
LOCATION_BEFORE = regex.compile(
    r"\b(?:in|at|from|into|throughout|across|within|inside|outside|near|to|towards|visit\s+to"
    r"|visited|across|over|around|return\s+to)\s+(?:the\s+)?(?:whole\s+|entire\s+)?\Z",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class Cues:
    """What one mention's own context says: acting by the words before it or after it, located
    by a locative word, governed by a preposition (so not a subject)."""

    before: bool
    after: bool
    located: bool
    governed: bool


# A heading line in capitals (`CUBA: DRAFT RESOLUTION`): no lower-case letter, and at least two
# words, so a lone acronym or a code is not a heading. (The lower-case test comes first: it
# fails at once on a line of running text.)
CAPS_LINE = regex.compile(
    r"^(?=[^\n\p{Ll}]+$)(?=(?:[^\n]*?\b\p{Lu}{2,}\b){2})[^\n]+", regex.MULTILINE
)


def in_caps_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = line_end if line_end >= 0 else len(text)
    return CAPS_LINE.fullmatch(text, line_start, line_end) is not None


# In an all-caps heading the same cues hold without their case (`THE LAWFUL RIGHTS OF THE
# PEOPLE'S REPUBLIC OF CHINA`, `CUBA: DRAFT RESOLUTION`); a heading is a noun phrase, so a word
# after the name is not read as its verb (`UNITED STATES ARMED FORCES`): only what belongs to
# the state (a possessive, an organ, a draft it sponsors) counts after it.
ACTING_BEFORE_CAPS = regex.compile(ACTING_BEFORE.pattern, regex.VERBOSE | regex.IGNORECASE)
OWN_AFTER_CAPS = regex.compile(OWN_AFTER.pattern, regex.IGNORECASE)


# `for X to <verb>`: X is the agent of the verb (`impossible for Israel to attack`), unless what
# follows `to` is a noun phrase (`aid for Chad to the tune of`, `flights for Mali to Dakar`).
AGENT_FOR_BEFORE = regex.compile(r"\bfor\s+(?:the\s+)?\Z")
AGENT_TO_AFTER = regex.compile(
    r"\s+to\s+(?:\w+ly\s+)?(?!(?:a|an|the|its|their|his|her|this|that|these|those|some|any"
    r"|all|each|every|one|two|which|what|whom|date|be)\b)[a-z]{2,}\b"
)
# A possessive names the state as the owner of what follows even after a locative preposition
# (`the response to the United States' request`), except where what follows is a piece of its
# land (`in Belgium's capital`, `off Japan's coast`).
POSSESSIVE = regex.compile(r"['’]s?(?!\w)")
LAND_AFTER_POSSESSIVE = regex.compile(
    r"['’]s?\s+(?:[a-z]+(?:ern|al)\s+)?(?:territory|territories|land|soil|capital|cities|city"
    r"|towns?|villages?|coasts?|coastline|borders?|frontiers?|provinces?|regions?|airspace"
    r"|waters|shores?|islands?|ports?|streets|countryside|interior|mainland|border\s+areas?)\b"
)


def acting_alone(text: str, start: int, end: int) -> Cues:
    """The context of one mention `text[start:end]`, alone."""
    window = text[max(0, start - 120) : start]
    caps = in_caps_line(text, start)
    before = (ACTING_BEFORE_CAPS if caps else ACTING_BEFORE).search(window) is not None
    if not before and not caps and AGENT_FOR_BEFORE.search(window[-12:]):
        before = AGENT_TO_AFTER.match(text, end) is not None
    if (not before and not caps and POSSESSIVE.match(text, end)
            and not LAND_AFTER_POSSESSIVE.match(text, end)):
        before = True
    located = not before and LOCATION_BEFORE.search(window[-40:]) is not None
    governed = GOVERNED_BEFORE.search(window[-40:]) is not None
    after = (OWN_AFTER_CAPS if caps else ACTING_AFTER).match(text, end)
    # a verb after the object of a preposition has another subject (`the people of Japan
    # wish`); a possessive, an organ or a relative clause still belongs to the country
    own = after is not None and (caps or OWN_AFTER.match(text, end) is not None)
    acting_after = after is not None and not located and (own or not governed)
    return Cues(before, acting_after, located, governed)


def list_groups(text: str, hits: list[PlaceHit]) -> Iterator[list[PlaceHit]]:
    """Runs of consecutive country mentions joined by commas and a final `and`/`or`
    (`France, Guinea and Qatar`); a comma alone does not make a list (`in Iran, Belgium has`)."""
    group: list[PlaceHit] = []
    for hit in [*hits, None]:
        if hit is not None and group and LIST_GAP.match(text[group[-1].end : hit.start]):
            group.append(hit)
            continue
        if (1 < len(group) < LONG_LIST
                and not LIST_END.search(text[group[-2].end : group[-1].start])):
            yield from ([g] for g in group)
        elif group:
            yield group
        group = [hit] if hit is not None else []


# A draft opens with its sponsors: `Australia, Colombia, ..., United States of\nAmerica and
# Uruguay: draft resolution`. The list may span many lines and hold names the gazetteer misses
# (an OCR-garbled one), so it is taken by its lines, not by its names.
SPONSORS_END = regex.compile(
    r":\s*\**\s*(?:revised\s+)?(?:draft\s+(?:resolutions?|decisions?|amendments?)"
    r"|amendments?\s+to\s+(?:the\s+)?(?:revised\s+)?draft)\b",
    regex.IGNORECASE,
)
# A line of a list goes on to the next one when it ends with a comma or a joining word
# (`United States of`) or leaves a parenthesis open (`Bolivia (Plurinational`), or when the next
# line starts in lower case (`of Korea`).
LIST_LINE_GOES_ON = regex.compile(r"(?:,|\b(?:and|of|the)|\([^)\n]*)[^\S\n]*\Z")
LINE_CONTINUES = regex.compile(r"[^\S\n]*[\p{Ll})]")
SPONSOR_LINES_MAX = 40


def sponsor_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each list of sponsors: the lines before `: draft resolution`."""
    out = []
    for m in SPONSORS_END.finditer(text):
        end = m.start()
        while end > 0 and text[end - 1] in " \t*":  # footnote marks: `Palestine**:`
            end -= 1
        start = text.rfind("\n", 0, end) + 1
        for _ in range(SPONSOR_LINES_MAX):
            if start == 0:
                break
            prev = text.rfind("\n", 0, start - 1) + 1
            line = text[prev : start - 1]
            if not line.strip() or not (LIST_LINE_GOES_ON.search(line)
                                        or LINE_CONTINUES.match(text, start)):
                break
            start = prev
        out.append((start, end))
    return out


def acting_flags(text: str, states: list[PlaceHit]) -> list[bool]:
    """`acting` for each state mention, in order. A list of states shares its context:
    `the Governments of France and Chad` makes both act, as does `France and Chad have agreed`
    (but not `the independence of France and Chad has...`, where the list is an object). Every
    state in a draft's list of sponsors acts, every state of a list announced as acting (`the
    following States have become sponsors ...: A, B`), and every state a meeting record lists
    as voting, present or spoken for (`pipeline.rolls`)."""
    flags = []
    for group in list_groups(text, states):
        first = acting_alone(text, group[0].start, group[0].end)
        last = acting_alone(text, group[-1].start, group[-1].end)
        shared = first.before or (last.after and not first.governed)
        for hit in group:
            own = acting_alone(text, hit.start, hit.end)
            flags.append(own.before or own.after or (not own.located and shared))
    sponsors = sponsor_spans(text) if ":" in text else []
    if sponsors:
        flags = [f or any(s <= h.start and h.end <= e for s, e in sponsors)
                 for h, f in zip(states, flags, strict=True)]
    if ":" in text:
        announced = announced_acting(text)
        flags = [f or any(s <= h.start and h.end <= e and is_item(text, h.start, s)
                          for s, e in announced)
                 for h, f in zip(states, flags, strict=True)]
    # the lists of a meeting record's layout: votes, attendance, speakers (`pipeline.rolls`)
    return [f or listed for f, listed in zip(flags, listed_acting(text, states), strict=True)]


# A list announced by `the following States ...:` takes the context of `States` in the
# announcement: `the following States have become sponsors of draft resolution A/48/L.13 and
# Add.1: Armenia, Dominica` (A/48/PV.46), `on behalf of the following countries: ...`; not
# `the following countries are affected: ...`.
ANNOUNCED = regex.compile(
    r"\bthe\s+following\s+(?:Member\s+)?(?P<noun>States|countries|delegations)\b"
    r"(?P<rest>[^:;\n]{0,150}):"
)
LIST_END_SENTENCE = regex.compile(r"\.(?:\s|\Z)")


def announced_acting(text: str) -> list[tuple[int, int]]:
    """[start, end) of each announced list whose announcement makes its states act."""
    out = []
    for m in ANNOUNCED.finditer(text):
        cues = acting_alone(text, m.start(), m.end("noun"))
        if cues.before or cues.after:
            end = LIST_END_SENTENCE.search(text, m.end())
            out.append((m.end() - 1, end.start() if end else len(text)))
    return out


# --- states named by their adjective ------------------------------------------------------

# Adjectives shared by two states; the document decides which (see `adjective_state`).
SHARED_ADJECTIVE_DEFAULT = {"Congolese": "COD", "Dominican": "DOM"}


@cache
def adjectives() -> dict[str, tuple[str, ...]]:
    """Adjective -> keys of the states it names (`Sudanese` -> SDN; `Congolese` -> COD, COG)."""
    out: dict[str, list[str]] = {}
    for row in read_data("countries.csv"):
        for adj in split_aliases(row.get("adjectives", "")):
            out.setdefault(adj, []).append(state_key(row))
    return {adj: tuple(isos) for adj, isos in out.items()}


@cache
def adjective_pattern() -> regex.Pattern:
    """`the Sudanese Government`, `Iraqi authorities`, `the Belgian delegation`: an adjective
    names a state only in front of one of its organs (a demonym alone, `Belgian people`, names
    neither a place nor an actor). Longest adjectives first (`South Sudanese` before `Sudanese`).
    The organ must follow on the same line or after a line break, not across a paragraph."""
    names = sorted(adjectives(), key=lambda a: (-len(a), a))
    alternation = "|".join(regex.escape(a) for a in names)
    return regex.compile(
        rf"(?<![\w\-’'])(?P<adj>{alternation})(?=[^\S\n]*\n?[^\S\n]*(?:{ORGAN})\b)"
    )


# A capitalised word right before the adjective makes it part of another name (`the Turkish
# Cypriot authorities`, `Latin American Governments`); a sentence's `The` does not.
NAME_BEFORE_ADJECTIVE = regex.compile(r"\b(?!(?:The|THE)\b)[A-Z][\w'’\-]*[^\S\n]+\Z")


def adjective_state(adj: str, start: int, named: list[CountryHit]) -> str:
    """The iso3 an adjective names. An adjective two states share (`Congolese`) names the one
    of them the document named last before it, else first after it, else the one UN usage
    means by it (`Congolese` today: the Democratic Republic of the Congo)."""
    isos = adjectives()[adj]
    if len(isos) == 1:
        return isos[0]
    before = [h for h in named if h.iso3 in isos and h.start < start]
    after = [h for h in named if h.iso3 in isos and h.start > start]
    if before:
        return before[-1].iso3
    if after:
        return after[0].iso3
    return SHARED_ADJECTIVE_DEFAULT.get(adj, isos[0])


def adjective_hits(text: str, named: list[CountryHit]) -> list[CountryHit]:
    """States named by their adjective before one of their organs; always acting."""
    states = countries()
    out = []
    for m in adjective_pattern().finditer(text):
        if NAME_BEFORE_ADJECTIVE.search(text, max(0, m.start() - 40), m.start()):
            continue
        place = states[adjective_state(m.group("adj"), m.start(), named)][0]
        out.append(CountryHit(m.start(), m.end(), m.group(), place.name, place.iso3,
                              place.geonames_id, place.qid, True, by_adjective=True))
    return out


def state_hits(text: str, places: list[PlaceHit] | None = None) -> list[CountryHit]:
    """Every mention of a state in the text, by name or by adjective, with `acting` from its
    context (see module doc); `places` are the text's gazetteer matches, when already found."""
    places = place_hits(text) if places is None else places
    states = [h for h in places if is_state(h.place)]
    named = [
        CountryHit(h.start, h.end, h.text, h.place.name, h.place.iso3,
                   h.place.geonames_id, h.place.qid, acting)
        for h, acting in zip(states, acting_flags(text, states), strict=True)
    ]
    return sorted(named + adjective_hits(text, named), key=lambda h: h.start)
