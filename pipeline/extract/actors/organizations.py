"""Organizations named by their head noun (`Special Tribunal for Lebanon`, `Ministry of
Education, Science and Sport`), groups of Friends, the organs of a treaty's parties, and names
completed around an acronym (`... (BRICS) Tuberculosis Research Network`); spans naming an
event come back as `event` hits. A span that names a state is no body, but a national body
named with its state (`the Ministry of Justice of Ukraine`, `China’s National Centre for AIDS`,
`the Kenya Medical Research Institute`) is the body (`without_state`)."""

from __future__ import annotations

import functools
import re

import regex

from pipeline.calendar import ORDINAL
from pipeline.extract.actors.data import fold, org_by_id, org_by_name, slug
from pipeline.extract.actors.view import Hit, View, event_hit, org_hit, replace
from pipeline.gazetteer import countries
from pipeline.ingest.clean import crosses_cells
from pipeline.reference import alternation, word_list

# nouns that head the name of a body; `Conference`, `Summit` and the like head events, and
# `Declaration`, `Agenda`, `Programme of Action` documents, which are not actors
ORG_HEAD = alternation(word_list("head_nouns.csv", "org_name"))


NOT_ORG_WORD = re.compile(
    r"\b(?:Conferences?|Summits?|Meetings?|Sessions?|Dialogues?|Declarations?|Conventions?"
    r"|Agenda|Goals?|(?:of|for|to) Action|Plans?|Strateg(?:y|ies)|Framework|Agreements?"
    r"|Treat(?:y|ies)"
    r"|Protocols?|Charter|Resolutions?|Reports?|Day|Year|Decade|Act|Compact|Principles"
    r"|Covenant|Rules|Statute|Initiative|Platform|Review|Consensus|Outcome|Records|Series"
    r"|Guidelines|Law|Code|Prize|Award|Week|Games|Cup|Olympics|Heads|Member|States"
    r"|Secretary|President|Minister|Chair|Chairman|Co-Chairs?|Rapporteur)\b"
)


# letters only, so a footnote number glued to a name (`Haiti1`) stays out of it
CAP = r"(?:[A-Z](?:[^\W\d_]|['’\-])*[^\W\d_]|[A-Z])"


# connectors inside a name; `in` only after nouns that take a place (`Mission in Liberia`)
CONNECTOR = r"(?:of|for|on|de|des|du|la|le|et|to|against|del|on the|of the|for the)"


IN_TAKERS = alternation(word_list("head_nouns.csv", "takes_in"))


# after the first connector, `with` and `against` link capitalized words too (`Global Network
# of Refugees with Disabilities`, `Coalition of Women against Violence`).
# `and` may join capitalized words before the head (`Scientific and Technical Subcommittee`,
# `Business Transformation and Accountability Division`); `generic_org_hits` cuts the span
# after an `and` that ends another body's name (`the Council and Peacebuilding Commission`)
GENERIC_ORG = regex.compile(  # `regex`: the look-behind on IN_TAKERS has variable width
    rf"(?<![\w\-’'])(?P<pre>(?:{CAP} (?:and (?={CAP} ))?){{0,6}})(?P<head>{ORG_HEAD})(?![\w\-])"
    rf"(?P<post>(?: (?:{CONNECTOR}|(?<={IN_TAKERS}) in(?: the)?) {CAP}"
    rf"(?: (?:(?:and|of|for|on|with|against|the|de|des|du|la|le|et|y|del) )*(?<!and the ){CAP})*)?)"
)


# capitalized only because they open a sentence or a paragraph of a resolution
LEADING_NOISE = re.compile(
    r"(?:(?:The|A|An|In|On|At|By|For|Of|As|To|With|This|That|These|Those|Its|Our|Their|His"
    r"|Her|We|I|It|Both|All|Each|Every|Also|And|But|Since|While|When|Where|Under|Through"
    r"|Welcomes|Requests|Invites|Urges|Calls|Notes|Decides|Encourages|Recognizes|Stresses"
    r"|Emphasizes|Reaffirms|Recalls|Takes|Expresses|Acknowledges|Underlines|Affirms"
    r"|Commends|Appreciates|Supports|Endorses|Approves|Authorizes|Considers|Concerned"
    r"|Mindful|Aware|Deeply|Further|Former|New|First|Second|Third|Current|Relevant|Respective"
    r"|(?<![^\n])[A-Z][a-z]+ing) )+"
)


# a gerund opening a sentence is noise (`Noting the Council`); inside one it is part of the name
# (`the Peacekeeping Reserve Fund`): the generic span is matched on the text from the sentence
# start, so `(?<![^\n])` above reads "at the start of the span's sentence"
GERUND_AND_HEAD = re.compile(rf"[A-Z][a-z]+ing {ORG_HEAD}")


SENTENCE_START = re.compile(r"(?:^|[.;:!?)\]]\s|\n)\s*$")


# heads that are common nouns on their own (`Movement of goods`): a name needs a word before
NEEDS_MODIFIER = frozenset(word_list("head_nouns.csv", "needs_modifier"))


# `the Permanent Mission of Malawi`, `the Government of Belgium`: the state acting, which the
# gazetteer reports; `Russian Federation`, `Soviet Union`: a state's own name
STATE_HEADS = frozenset(word_list("head_nouns.csv", "state_head"))


# words of an event's name: a span holding one names an event, not a body, but a short
# reference after it (`the Forum` after `the International Migration Review Forum`) is to it
EVENT_WORD = re.compile(
    r"\b(?:Conferences?|Summits?|Meetings?|Sessions?|Dialogues?|Review|Day|Year|Decade|Week"
    r"|Games|Cup|Olympics)\b"
)


# `the first United Nations World Geospatial Information Congress, held in Deqing`: an
# occurrence (a lower-case ordinal before it, `held` after it) is an event
ORDINAL_BEFORE = re.compile(rf"\b{ORDINAL} $")


HELD_AFTER = re.compile(r",? held (?:in|on|at|from|during|under)\b")


# a capitalized word right after the head, on the same line: the name goes on past what the
# pattern reads (`Migration Network Hub`, `... Military Engineer Unit Manual`)
CONTINUES = re.compile(rf" (?!(?:{CONNECTOR}|in|and|or|the|The)\b){CAP}\b")


def generic_org_hits(view: View, source_text: str = "") -> list[Hit]:
    """Spans headed by a body's head noun; those naming an event come back as `event` hits,
    which are no actors but what a later short reference may point to."""
    text = view.text
    hits = []
    for m in GENERIC_ORG.finditer(text):
        start, end = m.start(), m.end()
        opens = "\n" if SENTENCE_START.search(text, max(0, start - 3), start) else " "
        noise = LEADING_NOISE.match(opens + text[start:end], 1)
        if noise and noise.end() - 1 <= m.start("head") - start:
            start += noise.end() - 1
        start = after_other_body(text, start, m.start("head"))
        if m.group("head") in PORTFOLIO_HEADS and m.group("post"):
            end = portfolio_end(text, end)
        span = text[start:end]
        if " " not in span:
            continue
        if NOT_ORG_WORD.search(span) and not topic_after_head(text, start, m):
            if EVENT_WORD.search(span):
                hits.append(event_hit(m, start, end, span))
            continue
        if start == m.start("head") and m.group("head") in NEEDS_MODIFIER:
            continue
        if GERUND_AND_HEAD.fullmatch(span) and fold(span) not in org_by_name():
            continue  # `the Working Group`, `as Administering Authority`: a kind, not a name
        known = org_by_name().get(fold(span))
        if not known and start < m.start("head") and all(
                re.fullmatch(ORG_HEAD, w) for w in text[start : m.end("head")].split(" ")
                if w != "and"):
            continue  # `Committee Mission`: head nouns only, no word that tells which body
        if not known and continues(view, source_text, end):
            continue
        if not known and (ORDINAL_BEFORE.search(text, max(0, start - 20), start)
                          or HELD_AFTER.match(text, end)):
            hits.append(event_hit(m, start, end, span))
            continue
        acronym = ACRONYM_BEFORE.search(text, max(0, start - 24), start)
        if acronym:  # `... South Africa (BRICS) Tuberculosis Research Network`: whole or none
            whole = expanded(text, acronym, m.end())
            if whole:
                hits.append(whole)
            continue
        if known:
            hits.append(org_hit(start, end, known))
            continue
        hits.append(Hit(start, end, span, "organization", "", slug(span), "rule",
                        head_start=m.start("head"), head_end=m.end("head")))
    return hits


# a ministry's portfolio listed with commas (`Ministry of Labour, Family, Social Affairs And
# Equal Opportunity`, `Ministry of Education, Science and Sport`) runs on to the item after its
# `and`; an item is capitalized words, no acronym and no head noun (`the Ministry of Health,
# UNICEF and WHO`, `Ministry of Justice, Ministry of Interior and ...` name several bodies),
# and a list without its `and` is no portfolio (`Ministry of Interior, Deputy Head of Delegation`)
PORTFOLIO_HEADS = frozenset(word_list("head_nouns.csv", "portfolio_head"))


PORTFOLIO_WORD = r"(?!And\b)[A-Z][a-z][\w'’\-]*"


PORTFOLIO_ITEM = rf"{PORTFOLIO_WORD}(?: {PORTFOLIO_WORD})*"


PORTFOLIO_LIST = re.compile(rf"(?:, {PORTFOLIO_ITEM})+,? (?:and|And) {PORTFOLIO_ITEM}(?![\w\-])")


def portfolio_end(text: str, end: int) -> int:
    """Where a ministry's name ends when its portfolio goes on in a list after a comma; a list
    of states is none (`the Ministry of Health, Kenya and Uganda`)."""
    m = PORTFOLIO_LIST.match(text, end)
    if not m or re.search(rf"\b{ORG_HEAD}\b", m.group()):
        return end
    items = re.split(r",? (?:and|And) |, ", m.group()[2:])
    if any(item in state_names() for item in items):
        return end
    return m.end()


@functools.cache
def state_names() -> frozenset[str]:
    return frozenset(name for _, names in countries().values() for name in names)


# bodies named for a field of work that is also a word of an event's or a document's name
# (`Working Group on the Universal Periodic Review`, `Office of Rule of Law`, `Committee on
# Conferences`): a body all the same, when the word comes after the head noun of a working body
TOPIC_HEADS = frozenset(word_list("head_nouns.csv", "topic_head"))


TOPIC_WORDS = frozenset({"Review", "Law", "Conferences"})


def topic_after_head(text: str, start: int, m: regex.Match) -> bool:
    return (m.group("head") in TOPIC_HEADS
            and not NOT_ORG_WORD.search(text[start : m.end("head")])
            and all(w in TOPIC_WORDS for w in NOT_ORG_WORD.findall(m.group("post"))))


# groups of States named for a cause (`the Friends of Migration group`, `Group of Friends of
# the Responsibility to Protect`): the canonical name is `Friends of ...`
FRIEND_CAUSE = rf"(?:the )?{CAP}(?: (?:(?:of|for|on|to|the|and) )*{CAP})*"


FRIENDS = re.compile(
    rf"(?<![\w\-])(?:Group of (?P<a>Friends (?:of|for) {FRIEND_CAUSE})"
    rf"|(?P<b>Friends of {FRIEND_CAUSE}) [Gg]roup)(?![\w\-])"
)


def friends_hits(view: View) -> list[Hit]:
    hits = []
    for m in FRIENDS.finditer(view.text):
        # named as written: `Group of Friends for United Nations Reform`, `Friends of Migration`
        name = m.group() if m["a"] else m["b"]
        known = org_by_name().get(fold(name))
        hits.append(org_hit(m.start(), m.end(), known) if known else
                    Hit(m.start(), m.end(), name, "organization", "", slug(name), "rule",
                        head_start=m.start(), head_end=m.start() + len(m.group().split()[0])))
    return hits


# the organs of a treaty's parties (`Assembly of States Parties to the Rome Statute ...`,
# `Conference of the Parties to the Convention on Biological Diversity`): bodies, though
# `Conference`, `Meeting` and `Statute` elsewhere name events and documents
TREATY_ORGAN = re.compile(
    rf"(?<![\w\-])(?P<head>Assembly|Conference|Meeting) of (?:the )?(?:States )?Parties"
    rf"(?: to the {CAP}(?: (?:(?:of|on|for|against|and|to|the) )*{CAP})*)?(?![\w\-])"
)


def treaty_organ_hits(view: View) -> list[Hit]:
    """A listed organ under its listed name; another as the text names it, so that a later bare
    `Conference of the Parties` is the one named in full before it (`shortened_names`)."""
    hits = []
    for m in TREATY_ORGAN.finditer(view.text):
        known = org_by_name().get(fold(m.group()))
        if known:
            hits.append(org_hit(m.start(), m.end(), known))
        else:
            hits.append(Hit(m.start(), m.end(), m.group(), "organization", "", slug(m.group()),
                            "rule", head_start=m.start("head"), head_end=m.end("head")))
    return hits


def after_other_body(text: str, start: int, head_start: int) -> int:
    """Where the name starts when an `and` before its head ends another name: after a head
    noun (`the Council and Peacebuilding Commission`) or right before the head itself (`Legal
    and Commission`: a pair of kinds)."""
    cut = start
    for m in re.finditer(r" and ", text[start:head_start]):
        before = text[start : start + m.start()].rsplit(" ", 1)[-1]
        if re.fullmatch(ORG_HEAD, before) or start + m.end() == head_start:
            cut = start + m.end()
    return cut


def continues(view: View, source_text: str, end: int) -> bool:
    """A capitalized word after the span on the same source line (in a table, a tab or line
    break separates the cells, which are no continuation)."""
    if not CONTINUES.match(view.text, end):
        return False
    if not source_text:
        return True
    gap_start = view.source(end - 1) + 1
    return source_text[gap_start : gap_start + 1] == " "


# a name interrupted by the acronym of its first words (`... (BRICS) Tuberculosis Network`)
ACRONYM_BEFORE = re.compile(r"\((?P<acr>[A-Z][A-Za-z\-]*[A-Z])\) $")


WORD = re.compile(r"[^\W\d_][\w\-’']*")


def expanded(text: str, acronym: re.Match, end: int) -> Hit | None:
    """The whole name around an acronym: the words before it whose initials spell it, in order
    (`Brazil, Russian Federation, India, China and South Africa (BRICS)`, skipping words as
    Schwartz and Hearst's acronym matching does), the acronym and the rest of the name; the
    canonical name is the acronym and the rest (`BRICS Tuberculosis Research Network`)."""
    letters = acronym["acr"].replace("-", "").upper()
    before = text[max(0, acronym.start() - 200) : acronym.start()]
    words = list(WORD.finditer(before))[-(2 * len(letters)) :]
    start, need = None, len(letters)
    for w in reversed(words):
        if need and w.group()[0] == letters[need - 1]:
            need -= 1
            start = w.start()
        if not need:
            break
    if need or start is None or "\n" in before[start:]:
        return None
    start += acronym.start() - len(before)
    rest = text[acronym.end() : end]
    name = f"{acronym['acr']} {rest}"
    return Hit(start, end, name, "organization", "", slug(name), "expanded")


def without_parent(view: View, h: Hit, known: list[Hit]) -> Hit | None:
    """`International Maritime Organization Maritime Safety Committee`: a body named with its
    parent's name in front is the body under its own name (the parent is its own mention);
    with nothing but the head noun left (`MINUSMA Mission`) it is the parent alone. The UN is
    no such parent: `United Nations` opens the names of its own bodies."""
    if h.source != "rule":
        return h
    parent = next((d for d in known if d.start == h.start and d.end < h.head_start
                   and d.actor_id != org_by_id()["united-nations"].actor_id), None)
    if parent is None:
        return h
    start = parent.end + 1
    if start >= h.head_start:
        return None
    name = view.text[start : h.end]
    body = org_by_name().get(fold(name))
    if body:
        return org_hit(start, h.end, body)
    return replace(h, start=start, actor=name, actor_id=slug(name))


def table_break(text: str, view: View, h: Hit) -> bool:
    """The span joins cells of a table (the layout is ingest's: `clean.crosses_cells`)."""
    return crosses_cells(text, *view.source_span(h.start, h.end))


# `the Ministry of Justice of Ukraine` (A/48/PV.46), `the Ministry of Health and Family Welfare
# of India`: a body of the state's government, named without the state, which acts beside it
OF_STATE = re.compile(r" of (?:the )?")


def without_state(view: View, h: Hit, states: list[tuple[int, int]]) -> Hit | None:
    """The span, unless it names a state (`names_a_state`); a ministry named with its state
    after it is the ministry, under its name without the state (`the Ministry of Ukraine` is
    the state acting)."""
    if h.source != "rule":
        return h
    if not names_a_state(view, h, states):
        return after_possessive_state(view, h, states)
    if view.text[h.head_start : h.head_end] not in PORTFOLIO_HEADS:
        return None
    state_starts = {s for s, e in states if e == view.source(h.end - 1) + 1}
    cut = next((m.start() for m in OF_STATE.finditer(view.text, h.head_end, h.end)
                if view.source(m.end()) in state_starts), h.head_end)
    if cut == h.head_end:
        return None
    name = view.text[h.start : cut]
    return replace(h, end=cut, actor=name, actor_id=slug(name))


# a state's name, other words and then a body's head noun open the body's name (`the Burundi
# National Defence Force`, `the Sudan People's Liberation Army`: Security Council press
# statements of 2022 and 2014; `the Kenya Medical Research Institute (KEMRI)`: WHO Disease
# Outbreak News of August 2016); not when the words between hold a head noun themselves
# (`Belgium Security Council Committee`, a list of a committee's members run into its name)
def opens_with_state(view: View, h: Hit, state_end: int) -> bool:
    if view.text[h.head_start : h.head_end] in STATE_HEADS:
        return False
    after_state = next(i for i in range(h.start, h.head_start + 1) if view.source(i) >= state_end)
    between = view.text[after_state : h.head_start].split()
    return bool(between) and not any(re.fullmatch(ORG_HEAD, w) for w in between)


POSSESSIVE = re.compile(r"['’]s ")


def after_possessive_state(view: View, h: Hit, states: list[tuple[int, int]]) -> Hit:
    """`China’s National Centre for AIDS` (A/60/PV.85), `Colombia’s Constitutional Court`
    (A/61/PV.107): the body is named after the state's possessive; the state acts beside it."""
    start = view.source(h.start)
    for s, e in states:
        if s != start:
            continue
        gap = next((i for i in range(h.start, h.head_start) if view.source(i) >= e), None)
        m = POSSESSIVE.match(view.text, gap) if gap is not None else None
        if m and m.end() <= h.head_start:
            name = view.text[m.end() : h.end]
            return replace(h, start=m.end(), actor=name, actor_id=slug(name))
    return h


def names_a_state(view: View, h: Hit, states: list[tuple[int, int]]) -> bool:
    """`Russian Federation`, `Permanent Mission of Malawi`: a state, or a state acting."""
    head_end = view.source(h.head_end - 1) + 1
    start, end = view.source_span(h.start, h.end)
    head = view.text[h.head_start : h.head_end]
    head_start = view.source(h.head_start)
    states = [(s, e) for s, e in states
              if not (start <= s and e <= head_start and opens_with_state(view, h, e))]
    # `the Organization of Portugal, a member of ...`; a body `on` or `for` a place is not the
    # state (`Committee on South West Africa`)
    bare_head = h.start == h.head_start and not re.match(r" (?:on|for) ", view.text[h.head_end:])
    return any(
        (s < head_end and start < e)
        or ((head in STATE_HEADS or bare_head) and head_end < s and e == end)
        for s, e in states
    )
