"""Named actors: organizations, people and states acting, each under one canonical name.

find → resolve → mentions, in four passes over one normalized view of the text:
1. reference data first: every name and acronym of `organizations.csv`, every office of
   `actor_offices.csv` and every holder of `office_holders.csv`, looked up token by token in
   one dict (longest match wins);
2. rules for what no table can list: organizations named by their head noun (`Special Tribunal
   for Lebanon`), acronyms the text defines (`... (FNL)`), people named with a title, an
   honorific or in apposition to an office;
3. resolution inside the document: a later surname (`Annan`) to the person named before, a short
   reference (`the Council`) to the body named last with that head word, an office named without
   its holder (`the Secretary-General`) to the person who held it on the date the text refers to;
4. states acting or addressed, from the places gazetteer (`pipeline.gazetteer.country_hits`).

Offsets are found on a view with whitespace runs collapsed and line-end hyphens joined (PDF
text breaks names across lines), then mapped back, so `ctx.text[m.start:m.end] == m.text`.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import regex

from pipeline.extract import proceedings
from pipeline.models import ActorMention, Context
from pipeline.reference import read_data, split_aliases

try:  # the places gazetteer is written in parallel; without it no state is reported
    from pipeline.gazetteer import country_hits, place_hits
except ImportError:  # pragma: no cover - only while gazetteer.py does not exist
    country_hits = place_hits = None


# --- reference data -----------------------------------------------------------------------


@dataclass(frozen=True)
class Org:
    """One organization of the reference table."""

    id: str
    name: str
    aliases: tuple[str, ...]
    type: str
    parent: str
    qid: str

    @property
    def actor_id(self) -> str:
        return self.qid or self.id


@dataclass(frozen=True)
class Office:
    """An office whose holder the text may leave unnamed (`the Secretary-General`)."""

    id: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """One person's term in one office; `end` is inclusive, empty while in office."""

    office_id: str
    person: str
    aliases: tuple[str, ...]
    start: str
    end: str
    session: int = 0  # the General Assembly session a President of the Assembly presided


def slug(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")


@functools.cache
def organizations() -> tuple[Org, ...]:
    return tuple(
        Org(r["id"], r["name"], split_aliases(r["aliases"]), r["type"], r["parent"], r["qid"])
        for r in read_data("organizations.csv")
    )


@functools.cache
def offices() -> tuple[Office, ...]:
    return tuple(Office(r["id"], r["office"], split_aliases(r["aliases"]))
                 for r in read_data("actor_offices.csv"))


@functools.cache
def terms() -> tuple[Term, ...]:
    return tuple(Term(r["office_id"], r["person"], split_aliases(r["aliases"]), r["start"],
                      r["end"], int(r["session"] or 0)) for r in read_data("office_holders.csv"))


# --- the normalized view ------------------------------------------------------------------

# A hyphen at a line end joins the halves and stays (`Co-\noperation` → `Co-operation`: UN
# compounds are hyphenated, so the hyphen is kept); a blank line (a paragraph or a heading
# ends) becomes one newline, which no name crosses; any other whitespace run is one space.
GAP = re.compile(
    r"(?P<hyphen>(?<=\w)-[ \t]*\r?\n\s*(?=\w))|(?P<para>[ \t\u00a0]*(?:\r?\n|\f)[ \t\u00a0]*"
    r"(?:(?:\r?\n|\f)\s*)+)|\s{2,}|[\t\r\n\f\v\u00a0]"
)


@dataclass(frozen=True)
class View:
    """`text` with GAPs rewritten; `anchors` map view offsets back to the source."""

    text: str
    view_at: tuple[int, ...]
    source_at: tuple[int, ...]

    def source(self, pos: int) -> int:
        i = bisect.bisect_right(self.view_at, pos) - 1
        if i < 0:
            return pos
        return self.source_at[i] + min(pos - self.view_at[i], self.span_len(i))

    def span_len(self, i: int) -> int:
        # a replaced gap maps every inner position to its start; kept text maps one to one
        nxt = self.view_at[i + 1] if i + 1 < len(self.view_at) else 1 << 60
        return nxt - self.view_at[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.source(start), self.source(end - 1) + 1


def make_view(text: str) -> View:
    parts, view_at, source_at = [], [0], [0]
    pos = vpos = 0
    for m in GAP.finditer(text):
        parts.append(text[pos : m.start()])
        vpos += m.start() - pos
        repl = "-" if m.group("hyphen") else "\n" if m.group("para") else " "
        view_at.append(vpos)
        source_at.append(m.start())
        parts.append(repl)
        vpos += len(repl)
        pos = m.end()
        view_at.append(vpos)
        source_at.append(pos)
    parts.append(text[pos:])
    return View("".join(parts), tuple(view_at), tuple(source_at))


# --- matchers built once ------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """What a matched phrase stands for."""

    kind: str  # org | office | person
    key: str  # org id, office id, or person name
    alias: str  # the alias as written in the table


# Names are looked up token by token: words and single punctuation marks, case-folded, the
# typographic apostrophe as the plain one, hyphens dropped (`Director General` is written for
# `Director-General`, `Co-operation` for `Cooperation`). A compiled regex and a dict do here
# what a PhraseMatcher over spaCy's tokenizer did, at several times its speed.
TOKEN = re.compile(r"\w+|[^\w\s]")


def token_key(token: str) -> str:
    return token.lower().replace("\u2019", "'")


def alias_key(alias: str) -> tuple[str, ...]:
    return tuple(token_key(t) for t in TOKEN.findall(alias) if t != "-")


@dataclass(frozen=True)
class NameTable:
    """Every listed name as a token tuple → what it stands for; `longest` bounds the lookup."""

    entries: dict[tuple[str, ...], Entry]
    first: frozenset[str]
    longest: int
    # an org name that opens a longer org name (`Department of Management` → `... Strategy,
    # Policy and Compliance`): the longer names' remaining tokens, to look for after a match
    longer: dict[tuple[str, ...], tuple[tuple[tuple[str, ...], Entry], ...]]


@functools.cache
def name_table() -> NameTable:
    """Every org name and acronym, every office and every holder's full name."""
    entries: dict[tuple[str, ...], Entry] = {}
    aliases: list[tuple[str, Entry]] = []
    for org in organizations():
        aliases += [(a, Entry("org", org.id, a)) for a in (org.name, *org.aliases)]
    for office in offices():
        aliases += [(a, Entry("office", office.id, a)) for a in (office.name, *office.aliases)]
    for term in terms():
        # a bare surname only counts once the person is named in full (resolve_surnames)
        aliases += [(a, Entry("person", term.person, a)) for a in (term.person, *term.aliases)
                    if " " in a or "-" in a or a == term.person]
    for alias, entry in aliases:
        key = alias_key(alias)
        if not key:
            continue
        # two spellings of one name differing in case (`Force Publique|Force publique`): the
        # one with fewer capitals, whose check (case_ok) the other passes too
        had = entries.setdefault(key, entry)
        if (" " in alias and (had.key, had.kind) == (entry.key, entry.kind)
                and capitals(alias) < capitals(had.alias)):
            entries[key] = entry
    longer: dict[tuple[str, ...], list[tuple[tuple[str, ...], Entry]]] = {}
    for key, entry in entries.items():
        if entry.kind != "org":
            continue
        for n in range(1, len(key)):
            shorter = entries.get(key[:n])
            if shorter and shorter.kind == "org" and shorter.key != entry.key:
                longer.setdefault(key[:n], []).append((key[n:], entry))
    return NameTable(entries, frozenset(k[0] for k in entries), max(map(len, entries)),
                     {k: tuple(sorted(v, key=lambda r: -len(r[0]))) for k, v in longer.items()})


def capitals(name: str) -> int:
    return sum(c.isupper() for c in name)


@functools.cache
def org_by_id() -> dict[str, Org]:
    return {o.id: o for o in organizations()}


@functools.cache
def org_by_name() -> dict[str, Org]:
    """Canonical names folded, for generic spans that turn out to be known bodies."""
    out: dict[str, Org] = {}
    for org in organizations():
        for alias in (org.name, *org.aliases):
            out.setdefault(fold(alias), org)
    return out


@functools.cache
def office_by_alias() -> dict[str, str]:
    """Every name of an office, folded → the office's id."""
    return {fold(a): o.id for o in offices() for a in (o.name, *o.aliases)}


@functools.cache
def office_by_id() -> dict[str, Office]:
    return {o.id: o for o in offices()}


@functools.lru_cache(maxsize=65536)
def fold(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    folded = re.sub(r"[\u2010-\u2015\-'\u2019`.,()]", " ", folded)
    return " ".join(re.sub(r"^\s*the\s+", "", folded).split())


def written(name: str) -> str:
    """A name as written, up to apostrophe and hyphen forms (`Director General`)."""
    return name.replace("’", "'").replace("-", " ")


def case_ok(found: str, alias: str) -> bool:
    """Acronyms and one-word names match as written (`UN`, not `un`); longer names match with
    the table's capitals (`Pacific community` is no `Pacific Community`), or set all in capitals
    (headings); a name the table writes in lower case (UN style writes `high-level political
    forum`) matches in any case."""
    if " " not in alias.strip():
        return written(found) == written(alias)
    if alias[:1].islower() or found.isupper():
        return True
    pairs = zip(CAPITALS.findall(found), CAPITALS.findall(alias), strict=False)
    return all(f[0].isupper() or not a[0].isupper() for f, a in pairs)


CAPITALS = re.compile(r"[^\W\d_]+")


# --- hits: what the passes find, in view offsets --------------------------------------------


@dataclass(frozen=True)
class Hit:
    """A candidate actor mention on the view."""

    start: int
    end: int
    actor: str
    actor_type: str  # person | organization | state | office
    role: str = ""
    actor_id: str = ""
    source: str = ""  # data | rule | title | short | state
    head_start: int = -1  # for generic org spans: where the head noun is
    head_end: int = -1
    session: int = 0  # for an office named by its session (`President of the 40th session`)


def org_hit(start: int, end: int, org: Org, source: str = "data") -> Hit:
    return Hit(start, end, org.name, "organization", "", org.actor_id, source)


def data_hits(view: View, source_text: str = "") -> list[Hit]:
    table = name_table()
    tokens = [m for m in TOKEN.finditer(view.text) if m.group() != "-"]
    keys = [token_key(m.group()) for m in tokens]
    hits = []
    for i, first in enumerate(keys):
        if first not in table.first:
            continue
        for n in range(1, min(table.longest, len(keys) - i) + 1):
            entry = table.entries.get(tuple(keys[i : i + n]))
            if entry is None:
                continue
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            found = view.text[start:end]
            if "\n" in found or not case_ok(found, entry.alias):
                continue
            if not word_bounded(view.text, start, end):
                continue
            key = tuple(keys[i : i + n])
            if key in table.longer:
                entry = cut_name(view, source_text, keys, tokens, i + n, n, table.longer[key],
                                 entry)
                if entry is None:
                    continue
            hits.append(entry_hit(start, end, entry))
    return hits


# how far after a cut name the rest of it may stand: in a two-column page merged line by line
# the other column's words come between (`the Department of Management on the liquidation
# resources both post and non-post, in Strategy, Policy and Compliance`)
REST_WITHIN = 24  # tokens


def cut_name(view: View, source_text: str, keys: list[str], tokens: list[re.Match[str]],
             after: int, size: int, rests: tuple[tuple[tuple[str, ...], Entry], ...],
             entry: Entry) -> Entry | None:
    """A listed name of 3+ words that opens a longer listed name: the longer body when the rest
    of its name, capitalized, follows within a few tokens (columns of a page interleaved), no
    body when the match ends a table cell (a tab, or the end of a line holding one: a cell cut
    the name, and the shorter one would be a guess), else itself. Two-word names (`United
    Nations`) open too many names for either guess."""
    if size < 3:
        return entry
    for rest, longer in rests:
        window = keys[after : after + REST_WITHIN + len(rest)]
        for j in range(len(window) - len(rest) + 1):
            if (tuple(window[j : j + len(rest)]) == rest
                    and tokens[after + j].group()[:1].isupper()):
                return longer
    if not source_text or after > len(tokens):
        return entry
    gap_start = view.source(tokens[after - 1].end() - 1) + 1
    gap = source_text[gap_start : gap_start + 3].lstrip(" ")
    line_start = source_text.rfind("\n", 0, gap_start) + 1
    in_cell = gap[:1] == "\t" or (gap[:1] == "\n" and "\t" in source_text[line_start:gap_start])
    return None if in_cell else entry


def entry_hit(start: int, end: int, entry: Entry) -> Hit:
    if entry.kind == "org":
        return org_hit(start, end, org_by_id()[entry.key])
    if entry.kind == "office":
        office = office_by_id()[entry.key]
        return Hit(start, end, office.name, "office", office.name, office.id, "data")
    return Hit(start, end, entry.key, "person", "", slug(entry.key), "data")


def word_bounded(text: str, start: int, end: int) -> bool:
    """Not inside a longer word, a hyphenated compound (`Under-Secretary-General`; `UN-SPIDER`,
    where `UN` opens another body's name, though `UNHCR-led` is UNHCR) or a document symbol
    (`A/HRC/15/29` names no Human Rights Council)."""
    before = text[start - 1] if start else " "
    after = text[end : end + 2]
    if before.isalnum() or before == "-" or after[:1].isalnum():
        return False
    if after[:1] == "-" and after[1:2].isupper():
        return False
    # after a slash, in a chunk with a number: a document symbol (`A/HRC/15/29`), not a pair
    # of bodies (`UNDP/UNFPA`)
    return not (before == "/" and any(c.isdigit() for c in chunk_around(text, start, end)))


def chunk_around(text: str, start: int, end: int) -> str:
    """The whitespace-delimited chunk holding text[start:end]."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0]
    return text[left : min(ends, default=len(text))]


# --- organizations named by their head noun --------------------------------------------------

# nouns that head the name of a body; `Conference`, `Summit` and the like head events, and
# `Declaration`, `Agenda`, `Programme of Action` documents, which are not actors
ORG_HEAD = (
    r"(?:Organi[sz]ations?|Agency|Agencies|Commission|Sub-?[Cc]ommittee|Committee|Council|Fund"
    r"|Programme|Bank|Union"
    r"|Office|Department|Division|Mission|Tribunal|Court|Forum|Group|Network|Institute|Forces?"
    r"|Secretariat|Board|Authority|Parliament|Ministry|Movement|Front|Party|Community"
    r"|Association|Federation|Foundation|Centre|Center|League|Alliance|Coalition|Panel|Unit"
    r"|Corporation|University|Bureau|Entity|Operation|Army|Police|Assembly|Senate"
    r"|Congress|Cabinet|Team|Observatory|Hub)"
)
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
IN_TAKERS = r"(?:Mission|Force|Forces|Operation|Office|Centre|Center|Tribunal|Court)"
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
NEEDS_MODIFIER = frozenset({"Movement", "Operation", "Unit", "Party", "Front", "Army", "Police",
                            "Union", "Federation", "Coalition", "Entity", "Forces", "Force",
                            "Team", "Hub"})
# `the Permanent Mission of Malawi`, `the Government of Belgium`: the state acting, which the
# gazetteer reports; `Russian Federation`, `Soviet Union`: a state's own name
STATE_HEADS = frozenset({"Mission", "Ministry", "Embassy", "Delegation", "Union", "Federation",
                         "Republic", "Kingdom", "Commonwealth"})
ACRONYM_AFTER = re.compile(r" ?\((?P<acr>[A-Z][A-Za-z\-]*[A-Z])\)")


# words of an event's name: a span holding one names an event, not a body, but a short
# reference after it (`the Forum` after `the International Migration Review Forum`) is to it
EVENT_WORD = re.compile(
    r"\b(?:Conferences?|Summits?|Meetings?|Sessions?|Dialogues?|Review|Day|Year|Decade|Week"
    r"|Games|Cup|Olympics)\b"
)
# `the first United Nations World Geospatial Information Congress, held in Deqing`: an
# occurrence (a lower-case ordinal before it, `held` after it) is an event
ORDINAL_BEFORE = re.compile(
    r"(?:\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|[a-z]+-(?:first"
    r"|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|[a-z]+ieth|\d+(?:st|nd|rd|th)) )$"
)
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


# bodies named for a field of work that is also a word of an event's or a document's name
# (`Working Group on the Universal Periodic Review`, `Office of Rule of Law`, `Committee on
# Conferences`): a body all the same, when the word comes after the head noun of a working body
TOPIC_HEADS = frozenset({"Group", "Committee", "Subcommittee", "Sub-Committee", "Sub-committee",
                         "Commission", "Office", "Panel", "Board", "Council"})
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


def event_hit(m: regex.Match, start: int, end: int, span: str) -> Hit:
    return Hit(start, end, span, "event", "", slug(span), "event", head_start=m.start("head"),
               head_end=m.end("head"))


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


# units below a division (`the Geospatial Information Section of the Office of Information and
# Communications Technology`): `Section`, `Branch` and `Service` head no name alone (`Section
# 3`, `the Service`), so a unit counts only followed by `of the` and a body the text names
UNIT = re.compile(
    rf"(?<![\w\-’'])(?P<name>(?:{CAP} (?:and (?={CAP} ))?){{1,6}}"
    rf"(?:Section|Unit|Branch|Service))(?P<of> of (?:the )?)(?=[A-Z])"
)


UNIT_CUE = re.compile(r"(?:Section|Unit|Branch|Service) of ")
# a unit named alone (`the Procurement Section`, `the Justice and Correction Section`): a
# name when a capitalized word says which unit and no number follows (`Section 3` is a part
# of a document); `Service` alone is a staff category (`General Service`, `Field Service`)
BARE_UNIT = re.compile(
    rf"(?<![\w\-’'])(?P<name>(?:{CAP} (?:and (?={CAP} ))?){{1,6}}(?:Section|Unit|Branch))"
    rf"(?![\w\-]| [\dIVX]+\b)"
)
BARE_UNIT_CUE = re.compile(r"(?:Section|Unit|Branch)\b")


def bare_unit_hits(view: View, source_text: str) -> list[Hit]:
    text = view.text
    hits = []
    for m in near_cue(BARE_UNIT, BARE_UNIT_CUE, text, 120):
        start = m.start("name")
        opens = "\n" if SENTENCE_START.search(text, max(0, start - 3), start) else " "
        noise = LEADING_NOISE.match(opens + m["name"], 1)
        if noise:
            start += noise.end() - 1
        name = text[start : m.end("name")]
        if " " not in name or NOT_ORG_WORD.search(name):
            continue
        if re.fullmatch(ORG_HEAD, name.split(" ")[0]):
            continue  # `Police Unit`, `Mission Unit`: kinds of unit
        hit = Hit(start, m.end("name"), name, "organization", "", slug(name), "unit")
        if table_break(source_text, view, hit) or continues(view, source_text, hit.end):
            continue
        known = org_by_name().get(fold(name))
        hits.append(org_hit(hit.start, hit.end, known) if known else hit)
    return hits


def near_cue(pattern: re.Pattern[str], cue: re.Pattern[str], text: str,
             before: int) -> list[re.Match[str]]:
    """`pattern`'s matches around each match of a plain-word `cue` it must contain, up to
    `before` characters back: a pattern that opens on any capitalized word is slow to run
    over a whole document, a word search is fast (for one match per cue, the last one)."""
    found: dict[int, re.Match[str]] = {}
    for c in cue.finditer(text):
        for m in pattern.finditer(text, max(0, c.start() - before), min(len(text), c.end() + 200)):
            if m.start() <= c.start() and c.end() <= m.end():
                found.setdefault(m.start(), m)
    return [found[k] for k in sorted(found)]


def unit_hits(view: View, orgs: list[Hit]) -> list[Hit]:
    """A unit named with its parent body, which is a mention of its own: the canonical name is
    the unit's own name as written (a unit's name is unique only under its parent, but the
    actors table has no column for the parent)."""
    text = view.text
    parents = {h.start for h in orgs if h.actor_type == "organization"}
    hits = []
    for m in near_cue(UNIT, UNIT_CUE, text, 160):
        if m.end("of") not in parents:
            continue
        start = m.start("name")
        opens = "\n" if SENTENCE_START.search(text, max(0, start - 3), start) else " "
        noise = LEADING_NOISE.match(opens + m["name"], 1)
        if noise:
            start += noise.end() - 1
        name = text[start : m.end("name")]
        if " " not in name or NOT_ORG_WORD.search(name):
            continue
        known = org_by_name().get(fold(name))
        hits.append(org_hit(start, m.end("name"), known) if known else
                    Hit(start, m.end("name"), name, "organization", "", slug(name), "unit"))
    return hits


@dataclass(frozen=True)
class SubBody:
    """A body the text may name by a short name beside its parent (`the Executive Committee
    and Standing Committee`)."""

    short: str
    org: Org
    parent: Org


@functools.cache
def sub_bodies() -> tuple[SubBody, ...]:
    out = []
    for row in read_data("actor_sub_bodies.csv"):
        org = org_by_id()[row["org_id"]]
        out.append(SubBody(row["short_name"], org, org_by_name()[fold(org.parent)]))
    return tuple(out)


@functools.cache
def sub_body_pattern() -> re.Pattern[str]:
    names = sorted({b.short for b in sub_bodies()}, key=len, reverse=True)
    return re.compile(rf"(?<![\w\-’'])(?:{'|'.join(map(re.escape, names))})(?![\w\-])")


# a sentence, or a table row (a blank line ends one in the view)
SENTENCE_END = re.compile(r"[.;!?](?= [A-Z(\d])|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    left = max((m.end() for m in SENTENCE_END.finditer(text, max(0, start - 400), start)),
               default=max(0, start - 400))
    right = SENTENCE_END.search(text, end, end + 400)
    return left, right.start() if right else min(len(text), end + 400)


def sub_body_hits(view: View, orgs: list[Hit]) -> list[Hit]:
    """A short name (`Standing Committee`) is the listed sub-body of the body named in the same
    sentence or table row; without its parent there it is a kind of body, not a name."""
    if not sub_bodies():
        return []
    hits = []
    for m in sub_body_pattern().finditer(view.text):
        left, right = sentence_around(view.text, m.start(), m.end())
        near = {h.actor_id for h in orgs if left <= h.start and h.end <= right
                and not overlaps(h, Hit(m.start(), m.end(), "", ""))}
        body = next((b for b in sub_bodies() if b.short == m.group()
                     and b.parent.actor_id in near), None)
        if body:
            hits.append(org_hit(m.start(), m.end(), body.org, "sub"))
    return hits


def with_sub_bodies(orgs: list[Hit], subs: list[Hit]) -> list[Hit]:
    """A sub-body's short name inside a longer name (`Inter-Agency Standing Committee`) is
    that name's; otherwise it replaces what overlaps it (the same words read as a generic or
    another body's alias)."""
    kept = [s for s in subs if not any(overlaps(s, o) and o.end - o.start > s.end - s.start
                                       for o in orgs)]
    return [o for o in orgs if not any(overlaps(o, s) for s in kept)] + kept


def nested_known(orgs: list[Hit], known: list[Hit]) -> list[Hit]:
    """`Global Judicial Integrity Network of the United Nations Office on Drugs and Crime`: a
    listed body named inside a longer name after its head noun is named too."""
    return [d for k in orgs if k.source == "rule" for d in known
            if k.head_end <= d.start and d.end <= k.end]


def shortened_names(orgs: list[Hit]) -> list[Hit]:
    """`the Global Forum` after `the Global Forum on Migration and Development`: a generic span
    that begins a body's full name, in a text that names that body, is that body."""
    known = {h.actor: h for h in orgs}
    out = []
    for h in orgs:
        if h.source != "rule":
            out.append(h)
            continue
        words = fold(h.actor).split()
        full = next((k for name, k in known.items() if len(fold(name).split()) > len(words)
                     and fold(name).split()[: len(words)] == words), None)
        # `the Guard Unit` after `a United Nations Guard Unit`: the end of a name named before
        full = full or next((k for k in orgs if k.start < h.start and len(fold(k.actor).split())
                             > len(words) and fold(k.actor).split()[-len(words) :] == words),
                            None)
        out.append(replace(full, start=h.start, end=h.end, source="data") if full else h)
    return out


def defined_acronyms(view: View, orgs: list[Hit]) -> list[Hit]:
    """`Forces nationales de libération (FNL)`: the acronym names the same body in this text."""
    defined: dict[str, Hit] = {}
    for hit in orgs:
        m = ACRONYM_AFTER.match(view.text, hit.end)
        if m and m.group("acr") not in defined:
            defined[m.group("acr")] = hit
    out = []
    for acr, hit in defined.items():
        for m in re.finditer(rf"(?<![\w\-]){re.escape(acr)}(?![\w\-])", view.text):
            out.append(Hit(m.start(), m.end(), hit.actor, "organization", "", hit.actor_id,
                           "acronym"))
    return out


# A long capitalized name defined by the acronym after it names a body even when its head noun
# is none of ORG_HEAD (`United Nations Platform for Space-based Information for Disaster
# Management and Emergency Response (UN-SPIDER)`), provided it reads as an institution: it is
# a `United Nations` entity or holds an institution's noun. Concepts defined the same way
# (`Official Development Assistance (ODA)`, `Sustainable Development Goals (SDGs)`) do not.
ACRONYM_DEFINED = re.compile(r" \((?P<acr>[A-Z][A-Za-z]*(?:-[A-Z][A-Za-z]*)*[A-Z])\)")
NAME_LINKS = frozenset({"of", "for", "on", "and", "to", "in", "against", "de", "la", "du", "des",
                        "del", "et"})
THE_TAKERS = frozenset({"of", "for", "on", "to", "in", "against"})
INSTITUTION = re.compile(
    rf"\b(?:{ORG_HEAD}|Platform|Partnership|Facility|Mechanism|Observatory|Consortium"
    r"|Services?|Academy|College|School|Registry|Laboratory|Inspectorate)\b"
)
CAP_WORD = re.compile(CAP)


def acronym_named_hits(view: View) -> list[Hit]:
    text = view.text
    hits = []
    for m in ACRONYM_DEFINED.finditer(text):
        letters = m["acr"].replace("-", "")
        if len(letters) < 3:
            continue
        start = name_start(text, m.start())
        if start is None:
            continue
        name = text[start : m.start()]
        caps = [w for w in name.split(" ") if w not in NAME_LINKS and w != "the"]
        if len(caps) < 3 or caps[0][0] != letters[0]:
            continue
        if any(w != "Platform" for w in NOT_ORG_WORD.findall(name)):
            continue
        known = org_by_name().get(fold(name))
        if known:
            hits.append(org_hit(start, m.start(), known))
        elif name.startswith("United Nations ") or INSTITUTION.search(name):
            hits.append(Hit(start, m.start(), name, "organization", "", slug(name), "defined"))
    return hits


def name_start(text: str, end: int) -> int | None:
    """Where the capitalized name that ends at `end` begins: back over capitalized words and
    the connectors inside names, on one line, then past connectors and sentence-opening words
    at its front."""
    before = text[max(0, end - 300) : end]
    words = before.split(" ")
    kept = 0  # how many words from the end belong to the name
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        the_in_name = w == "the" and i > 0 and words[i - 1] in THE_TAKERS
        if not (the_in_name or w in NAME_LINKS or CAP_WORD.fullmatch(w)):
            break
        kept += 1
    name_words = words[len(words) - kept :]
    while name_words and (name_words[0] in NAME_LINKS or name_words[0] == "the"):
        name_words.pop(0)
    if not name_words:
        return None
    name = " ".join(name_words)
    noise = LEADING_NOISE.match(" " + name, 1)
    if noise:
        name = name[noise.end() - 1 :]
    return end - len(name) if name else None


# --- people ---------------------------------------------------------------------------------

HONORIFIC = (
    r"(?:Mr|Mrs|Ms|Miss|Mme|Dr|Prof|Professor|H\. ?E|Sir|Dame|Lord|Lady|Sheikh|Sheikha|Shaikh"
    r"|Shaikha|Emir|Amir|King|Queen|Prince|Princess|Pope|Cardinal|Archbishop|Bishop|Rev"
    r"|Judge|Justice|Ambassador|Senator|Madam|Monsignor|Excellency|His Excellency"
    r"|Her Excellency|His Majesty|Her Majesty|His Highness|Her Highness|Mahatma|Pandit|Sardar"
    r"|Ayatollah|Emperor|Empress|Sultan)\.?"
)
# honorifics that belong to the name the world knows a person by when one name follows
# (`Mahatma Gandhi`, `Pope Paul VI`, `King Hussein`, `Sheikh Hasina`); `Mr. Botha` is `Botha`
EPITHET = re.compile(
    r"(?:Mahatma|Pandit|Sardar|Ayatollah|Emperor|Empress|Sultan|King|Queen|Pope|Prince"
    r"|Princess|Sheikh|Sheikha|Shaikh|Shaikha|Emir|Amir)"
)
# a title that is also the role in which the text names the person
ROLE_TITLE = (
    r"(?:Secretary-General|Deputy Secretary-General|Assembly President|General Assembly"
    r" President|Vice-President|President|Prime Minister|Deputy Prime Minister|Foreign"
    r" Minister|Chancellor|High Commissioner|Special Rapporteur|Special Envoy|Special"
    r" Representative|Director-General|Director General|Executive Director|Administrator"
    r"|Chairman|Chairperson|Governor|Mayor|Colonel|Marshal|Admiral|Commander)"
)
# lower-case descriptions that precede a bare name (`member of Parliament Antoine Ghanem`)
NAME_CUE = r"(?:member of Parliament|Member of Parliament|MP|journalist|the late|activist)"
PARTICLE = r"(?:al|Al|el|El|bin|ibn|bint|de|da|do|dos|das|del|della|di|du|van|von|der|den|la|le)"
NAME_WORD = r"(?:[A-Z][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ'’]+)*|[A-Z]\.|[A-Z]{2,}(?![a-z]))"
# also letters outside Latin-1 (`Jeremić`, `Kőrösi`)
NAME_WORD = NAME_WORD.replace("à-ÿ", "à-ÿ\u0100-\u024f")
NAME = rf"{NAME_WORD}(?: (?:{PARTICLE} |{PARTICLE}-)?{NAME_WORD}){{0,4}}"
TITLED = re.compile(
    rf"(?<![\w\-])(?P<titles>(?:(?:{HONORIFIC}|{ROLE_TITLE}|{NAME_CUE}) ){{1,3}})(?P<name>{NAME})"
)
APPOSITION = re.compile(
    rf"(?<![\w\-])(?:his|her|its|the|their) (?P<office>(?:[A-Z][\w\-]* )*?"
    rf"(?:Representative|Envoy|Adviser|Advisor|Rapporteur|Coordinator|Director|Director-General"
    rf"|Commissioner|Minister|President|Chair|Chairman|Chairperson|Administrator|Ambassador"
    rf"|Prosecutor|Secretary)(?: (?:of|on|for|to|and|the) (?:the )?[A-Z][\w\-]*"
    rf"(?: [A-Z][\w\-]*)*)*), (?P<name>{NAME})(?=[,.;:)]| [a-z])"
)
# a person introduced by a description and `named`/`called` (`a Raramuri woman from Chihuahua
# named Isabel`): the only cue for a name given alone; the description, a few words before,
# says it is a person's name, not a place's or a body's (`a country called ...`)
NAMED_PERSON = re.compile(
    rf"(?<![\w\-])(?:woman|man|girl|boy|child|lady|gentleman|mother|father|son|daughter|wife"
    rf"|husband|widow|farmer|student|teacher|worker|refugee|survivor|victim|soldier|journalist"
    rf"|activist|nurse|doctor|leader|chief|elder)\b(?P<gap>(?: [\w\-’']+){{0,6}}?)"
    rf" (?:named|called) (?P<name>{NAME})"
)
NAMED_CUE = re.compile(r" (?:named|called) [A-Z]")
# words that are capitalized in UN prose but never part of a person's name
NOT_NAME_WORDS = """
    The A An In On At By For Of And Or But As To With This That These Those It Its We Our
    I He She They His Her Their United Nations States State Republic Kingdom Government
    Governments Member General Assembly Council Committee Commission Organization Secretariat
    President Secretary-General Minister Prime Ministers Mr Mrs Ms Excellency Chairman Chair
    Madam Sir Delegation Delegations Special Representative Envoy Ambassador Director
    Office Department Division Programme Fund Agency Union Bank Court Mission Forum Group
    January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Africa Europe Asia America
    Americas Middle East West North South Central International National Global World
    Development Rights Human Security Peace Declaration Convention Charter Agenda Goals
    Summit Conference Session Report Resolution Island Islands Lebanon Palestine Contents Page
    Introduction Summary Annex Chapter Section Part Table Figure Note Item Distr Original"""
NOT_NAME = frozenset(NOT_NAME_WORDS.split())


def clean_name(name: str) -> str:
    """Trim what is not the name: a possessive, particles and title words at the ends; a name
    set in capitals (`Mr. FERNANDEZ` in old records) is written as a name."""
    name = re.sub(r"['’]s?$", "", name)
    words = [w.title() if len(w) > 2 and w.isupper() and w not in ROMAN else w
             for w in name.split(" ")]
    while words and (re.fullmatch(PARTICLE, words[-1]) or words[-1] in NOT_NAME):
        words.pop()
    while words and words[0] in NOT_NAME:
        words.pop(0)
    return " ".join(words)


ROMAN = frozenset({"II", "III", "IV", "VI", "VII", "VIII"})
SUFFIX = frozenset({"Jr.", "Jr", "Sr.", "Sr", *ROMAN})


def without_suffix(name: str) -> list[str]:
    return [w for w in name.split(" ") if w not in SUFFIX]


def surname(name: str) -> str:
    words = without_suffix(name)
    return words[-1] if words else name


ROLE_OF_TITLE = {
    "assembly president": "President of the General Assembly",
    "general assembly president": "President of the General Assembly",
    "secretary-general": "Secretary-General",
    "deputy secretary-general": "Deputy Secretary-General",
    "director general": "Director-General",
    "secretary general": "Secretary-General",
}


def role_of(titles: str) -> str:
    roles = re.findall(ROLE_TITLE, titles)
    if not roles:
        return ""
    role = " ".join(roles[-1].split())
    return ROLE_OF_TITLE.get(role.lower(), role)


def person_hits(view: View) -> list[Hit]:
    text = view.text
    hits = []
    for m in TITLED.finditer(text):
        name = clean_name(m.group("name"))
        found = name_in(text, name, m.start("name"), m.end("name"))
        if not name or name in NOT_NAME or found is None:
            continue
        last_title = m.group("titles").split()[-1]
        if EPITHET.fullmatch(last_title) and len(without_suffix(name)) == 1:
            name = f"{last_title} {name}"
            found = (m.end("titles") - len(last_title) - 1, found[1])
        hits.append(Hit(*found, name, "person", role_of(m.group("titles")), slug(name), "title"))
    for m in APPOSITION.finditer(text):
        name = clean_name(m.group("name"))
        found = name_in(text, name, m.start("name"), m.end("name"))
        if " " not in name or found is None:
            continue
        role = " ".join(m.group("office").split())
        hits.append(Hit(*found, name, "person", role, slug(name), "apposition"))
    for m in near_cue(NAMED_PERSON, NAMED_CUE, text, 120):
        name = clean_name(m.group("name"))
        found = name_in(text, name, m.start("name"), m.end("name"))
        if (not name or name in NOT_NAME or found is None or NOT_ORG_WORD.search(name)
                or re.search(r"[.;:,]", m.group("gap"))):
            continue
        hits.append(Hit(*found, name, "person", "", slug(name), "named"))
    return hits


# --- people named without a title -----------------------------------------------------------

# A name given alone (`Hermann Goering`) looks like any capitalized run (`Latin America`,
# `Human Rights`); it is a person's where its last word is the surname of a person the text
# names with a title (`Dr. Goering ... Hermann Goering`). Names the holders table lists are
# found from the table (data_hits). A cue after the name (`, who`, `said`) was measured and left
# out: no sentence of the seeds or corpus holds one after an untitled person, and every one it
# matched was a body (`the Security Council, who`).
BARE_WORD = r"(?:[A-Z][a-zà-ÿ\u0100-\u024f'’]+(?:-[A-Za-zà-ÿ\u0100-\u024f'’]+)*)"
BARE_PART = rf"(?:(?:{PARTICLE} )?{BARE_WORD}|[A-Z]\.)"
# capitalized because they open a sentence, never a first name
OPENER_WORDS = """
    What When Where Why How Who Whom Whose Which If Although Though Since After Before While
    Thus Hence However Moreover Yet So Then There Here Both Neither Either All Some Many Such
    No Not Nor Now Today Yesterday Only Even Indeed Let May Unless Until Upon From Into
    Against Among Despite During Without Within Like Mrs Ms Dr My Your You Me Us Him Them"""
NOT_BARE_NAME = NOT_NAME | frozenset(OPENER_WORDS.split()) | frozenset(calendar.month_name[1:])


# a connector before the run: the end of a longer name (`Under-Secretary-General for
# Operational Support`), or a thing (`the Nobel Peace`), not a person
NAME_LINK_BEFORE = re.compile(r"(?<![\w\-])(?:the|The|of|for|on|to|and|in|de) $")


def bare_name(words: list[str]) -> str:
    """The name in a capitalized run, past words that open a sentence; empty when a word of
    it is never a person's (`Human Rights`, `General Assembly`)."""
    while words and words[0] in NOT_BARE_NAME:
        words = words[1:]
    if len(words) < 2 or any(w in NOT_BARE_NAME for w in words):
        return ""
    return " ".join(words)


def bare_person_hits(view: View, titled: list[Hit]) -> list[Hit]:
    """Capitalized runs of 2-4 words ending in the surname of a person named with a title (not
    a first name given after `named`: `a woman named Isabel`)."""
    text = view.text
    surnames = {h.actor for h in titled
                if h.source == "title" and " " not in h.actor and len(h.actor) > 2}
    if not surnames:
        return []
    last = "|".join(re.escape(s) for s in sorted(surnames))
    pattern = re.compile(rf"(?<![\w\-.’'])(?P<name>{BARE_WORD}(?: {BARE_PART}){{0,2}} "
                         rf"(?:{PARTICLE} )?(?:{last}))(?![\w\-])")
    out = []
    for m in pattern.finditer(text):
        name = bare_name(m.group("name").split(" "))
        start = m.end("name") - len(name)
        if name and not NAME_LINK_BEFORE.search(text, max(0, start - 5), start):
            out.append(Hit(start, m.end("name"), name, "person", "", slug(name), "bare"))
    return out


def not_place(hits: list[Hit], view: View) -> list[Hit]:
    """Bare names that hold no place of the gazetteer (`Port Louis`): looked up on the
    name alone, so the gazetteer runs only on these few candidates."""
    if not hits or place_hits is None:
        return hits
    return [h for h in hits if not place_hits(view.text[h.start : h.end])]


def name_in(text: str, name: str, start: int, end: int) -> tuple[int, int] | None:
    """Where the cleaned name stands in the matched words: it may differ in case from them
    (`Mr. FERNANDEZ` gives `Fernandez`)."""
    found = re.search(re.escape(name), text[start:end], re.IGNORECASE) if name else None
    return (start + found.start(), start + found.end()) if found else None


# --- resolution inside the document ---------------------------------------------------------


@functools.cache
def canonical_person() -> dict[str, str]:
    """Every listed name form of an office holder → the canonical name."""
    out: dict[str, str] = {}
    for term in terms():
        for alias in (term.person, *term.aliases):
            out.setdefault(fold(alias), term.person)
    return out


# a surname set next to a kinship (`Dr. Goering, the father of ... Hermann Goering`, `the son
# of Mr. Botha`): a relative of someone of that name, so not the one the text names in full
KIN = (r"(?:father|mother|son|daughter|brother|sister|wife|husband|widow|uncle|aunt|nephew"
       r"|niece|grandfather|grandmother|grandson|granddaughter|cousin)")
KIN_AFTER = re.compile(rf",? (?:(?:the|his|her|a) )?(?:[a-z\-]+ )?{KIN} of\b")
KIN_BEFORE = re.compile(rf"\b{KIN} of (?:the )?(?:{HONORIFIC} )?$")


def kin_named(text: str, h: Hit) -> bool:
    return bool(KIN_AFTER.match(text, h.end) or KIN_BEFORE.search(text[max(0, h.start - 60)
                                                                        : h.start]))


def canonical_people(hits: list[Hit], text: str = "") -> list[Hit]:
    """A titled name that is a listed holder's (`Secretary-General Annan`) takes the holder's
    canonical name; a surname named in full elsewhere in the text takes that full name, unless
    the text names it as a relative (kin_named)."""
    table = canonical_person()
    full = [h.actor for h in hits if h.actor_type == "person" and " " in h.actor]
    out = []
    for h in hits:
        if h.actor_type != "person":
            out.append(h)
            continue
        name = table.get(fold(h.actor))
        if name is None and " " not in h.actor and not kin_named(text, h):
            name = next((f for f in full if surname(f) == h.actor), None)
        if name is None:
            name = table.get(fold(strip_initials(h.actor)), h.actor)
        out.append(replace(h, actor=name, actor_id=slug(name)))
    return out


def strip_initials(name: str) -> str:
    return " ".join(w for w in name.split(" ") if not re.fullmatch(r"[A-Z]\.", w))


def replace(hit: Hit, **changes) -> Hit:
    return Hit(**{**hit.__dict__, **changes})


def surname_hits(view: View, people: list[Hit]) -> list[Hit]:
    """`Annan` after `Kofi Annan`: a bare surname of a person the text has named."""
    surnames: dict[str, Hit] = {}
    table_aliases = {t.person: t.aliases for t in terms()}
    for h in people:
        if " " not in h.actor:
            continue
        forms = {surname(h.actor)}
        forms |= {a for a in table_aliases.get(h.actor, ()) if " " not in a and "-" not in a}
        for form in forms:
            if len(form) > 2 and form not in NOT_NAME:
                surnames.setdefault(form, h)
    out = []
    for form, h in surnames.items():
        for m in re.finditer(rf"(?<![\w\-]){re.escape(form)}(?![\w\-])", view.text):
            out.append(replace(h, start=m.start(), end=m.end(), source="surname"))
    return out + epithet_hits(view, people)


def epithet_hits(view: View, people: list[Hit]) -> list[Hit]:
    """`the Mahatma` after `Mahatma Gandhi`: the honorific alone, after `the`, is the one person
    the text names with it (`the King of Sweden` is another person)."""
    named: dict[str, set[str]] = {}
    first: dict[str, Hit] = {}
    for h in people:
        epithet = h.actor.split(" ")[0]
        if " " in h.actor and EPITHET.fullmatch(epithet):
            named.setdefault(epithet, set()).add(h.actor)
            first.setdefault(epithet, h)
    out = []
    for epithet, names in named.items():
        if len(names) > 1:
            continue
        for m in re.finditer(rf"(?<![\w\-])[Tt]he (?P<e>{epithet})(?![\w\-]| of\b)", view.text):
            out.append(replace(first[epithet], start=m.start("e"), end=m.end("e"),
                               source="surname"))
    return out


SHORT_REF = re.compile(
    r"(?<![\w\-])(?:the|this|that|our|its|their|his|her) (?P<head>Assembly|Council|Committee"
    r"|Forum|Court|Commission|Organization|Organisation|Agency|Fund|Programme|Tribunal|Union"
    r"|Mission|Group|Network|Secretariat|Board|Division|Department|Office)(?![\w\-])"
)
# a capitalized word after it makes it part of a longer name or a modifier (`the Assembly of
# States Parties`, `the Union Government`), unless it opens a state's name (`the activities of
# the Organization of Portugal`: Portugal's part in the UN's work)
NAME_GOES_ON = re.compile(r" (?:(?:of|for|on|to) (?:the )?)?(?=[A-Z])")
ORGAN_DEFAULT = {"A": {"Assembly": "general-assembly"},
                 "E": {"Council": "economic-and-social-council"},
                 "S": {"Council": "security-council"},
                 "A/HRC": {"Council": "human-rights-council"}}


def head_word(name: str) -> str:
    """The noun that heads a name: the last head noun before its first connector (`Senate` in
    `Union Senate`, `Committee` in `Executive Committee of the Programme of ...`)."""
    core = re.split(r" (?:of|for|on|to|in|against) ", name, maxsplit=1)[0]
    heads = re.findall(rf"\b{ORG_HEAD}\b", core)
    return heads[-1].rstrip("s") if heads else ""


def short_ref_hits(view: View, orgs: list[Hit], organ: str,
                   state_starts: frozenset[int] = frozenset()) -> list[Hit]:
    """`the Council` → the body the document named last with that head word; with none named
    before, the organ that issued the document (`the Assembly` in an A/ document). An event
    named last with that word (`the Forum` after `the International Migration Review Forum`)
    is what it refers to, and no actor."""
    named = sorted((h for h in orgs if h.actor_type in ("organization", "event")),
                   key=lambda h: h.start)
    starts = [h.start for h in named]
    out = []
    for m in SHORT_REF.finditer(view.text):
        goes_on = NAME_GOES_ON.match(view.text, m.end())
        if goes_on and view.source(goes_on.end()) not in state_starts:
            continue
        head = m.group("head").replace("Organisation", "Organization")
        before = named[: bisect.bisect_left(starts, m.start())]
        target = next((h for h in reversed(before) if head_word(h.actor) == head), None)
        if head == "Organization":  # capitalized, in UN usage `the Organization` is the UN
            target = None           # itself, whatever other organization was named last
        if target is not None and target.actor_type == "event":
            continue
        if target is None:
            org_id = ORGAN_DEFAULT.get(organ, {}).get(head, "")
            if head == "Organization":
                org_id = "united-nations"
            if not org_id:
                continue
            target = org_hit(0, 0, org_by_id()[org_id])
        out.append(replace(target, start=m.start("head"), end=m.end(), source="short"))
    return out


DATE_AFTER = re.compile(
    r"^ (?:of|dated) (?P<d>\d{1,2}) (?P<m>January|February|March|April|May|June|July"
    r"|August|September|October|November|December) (?P<y>\d{4})"
)
# a full date earlier in the same clause frames an office named after it (`the Dialogue, held
# on 14 and 15 September 2006, as contained in a note by the President of the General Assembly`)
DATE_IN = re.compile(
    r"(?P<d>\d{1,2}) (?P<m>January|February|March|April|May|June|July|August|September"
    r"|October|November|December) (?P<y>\d{4})"
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
OTHER_BODY = re.compile(r"^ (?:of|to) (?:the )?(?!United Nations)[A-Z]")


def holder_on(office_id: str, day: str) -> str:
    for term in terms():
        if term.office_id == office_id and term.start <= day and (not term.end
                                                                   or day <= term.end):
            return term.person
    return ""


def holder(office_id: str, date: str) -> str:
    """The holder on a day; for a month (`2024-09`, a general debate dated by its session) the
    holder at the month's end, who was elected for the session that month opened; for a year,
    the holder only where one person held the office all year."""
    if len(date) == 10:
        return holder_on(office_id, date)
    if len(date) == 7:
        year, month = int(date[:4]), int(date[5:])
        return holder_on(office_id, f"{date}-{calendar.monthrange(year, month)[1]:02d}")
    if len(date) == 4:
        first = holder_on(office_id, f"{date}-01-01")
        return first if first == holder_on(office_id, f"{date}-12-31") else ""
    return ""


def session_holder(office_id: str, session: int) -> str:
    return next((t.person for t in terms() if t.office_id == office_id and t.session == session),
                "")


# a General Assembly session by its ordinal, in words (`sixty-first`) or figures (`79th`)
UNITS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")
TEENS = ("tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
         "seventeenth", "eighteenth", "nineteenth")
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ORDINAL = (rf"(?:\d{{1,3}}(?:st|nd|rd|th)|(?:(?:{'|'.join(TENS)})-)?(?:{'|'.join(UNITS)})"
           rf"|{'|'.join(TEENS)}|(?:{'|'.join(t[:-1] for t in TENS)})ieth)")


def ordinal_value(word: str) -> int:
    word = word.lower()
    if word[0].isdigit():
        return int(word[:-2])
    if word in TEENS:
        return 10 + TEENS.index(word)
    if word.endswith("ieth"):
        return 20 + 10 * [t[:-1] for t in TENS].index(word[:-4])
    tens, _, unit = word.rpartition("-")
    return (20 + 10 * TENS.index(tens) if tens else 0) + UNITS.index(unit) + 1


# `the President of the General Assembly at its sixty-first session`
SESSION_AFTER = re.compile(rf"^,? (?:at|of|during|for) (?:its|the|this) (?P<n>{ORDINAL}) session",
                           re.IGNORECASE)
# `the President of the fortieth session of the General Assembly`, `President of this 79th
# session`: the office named by its session; its holder is the one elected for that session
PRESIDENT_OF_SESSION = re.compile(
    rf"(?<![\w\-])President of (?:the|this|its) (?P<n>{ORDINAL}) session"
    rf"(?: of the (?:United Nations )?General Assembly)?(?![\w\-])",
    re.IGNORECASE,
)


def session_office_hits(view: View) -> list[Hit]:
    office = office_by_id()["president-of-the-general-assembly"]
    return [Hit(m.start(), m.end(), office.name, "office", office.name, office.id, "data",
                session=ordinal_value(m["n"]))
            for m in PRESIDENT_OF_SESSION.finditer(view.text) if m.group()[0] == "P"]


def office_date(view: View, hit: Hit, doc_date: str) -> str:
    """The date an office mention refers to: its own (`the report of the Secretary-General of
    18 May 2006`), else the last full date earlier in its clause, else the document's date."""
    m = DATE_AFTER.match(view.text[hit.end : hit.end + 40])
    if m:
        return iso(m)
    clause = re.split(r"[.;:\n]", view.text[max(0, hit.start - 250) : hit.start])[-1]
    dates = list(DATE_IN.finditer(clause))
    return iso(dates[-1]) if dates else doc_date


def session_after(view: View, hit: Hit) -> int:
    """`the President of the General Assembly at its sixty-first session` → 61."""
    if hit.actor_id != "president-of-the-general-assembly":
        return 0
    m = SESSION_AFTER.match(view.text[hit.end : hit.end + 60])
    return ordinal_value(m["n"]) if m else 0


def iso(m: re.Match) -> str:
    return f"{m['y']}-{MONTHS.index(m['m']) + 1:02d}-{int(m['d']):02d}"


def resolve_offices(view: View, hits: list[Hit], people: list[Hit], doc_date: str) -> list[Hit]:
    """An office without its holder → the person in office on the date; failing a date, the
    holder the document itself names with that office; failing both, the office itself."""
    named_holder: dict[str, str] = {}
    office_names = {o.name: o.id for o in offices()}
    role_to_office = office_by_alias()
    for p in people:
        office_id = role_to_office.get(fold(p.role))
        if office_id:
            named_holder.setdefault(office_id, p.actor)
    table_people = {p.actor for p in people}
    for term in terms():
        if term.person in table_people:
            named_holder.setdefault(term.office_id, term.person)
    out = []
    for h in hits:
        if h.actor_type != "office":
            out.append(h)
            continue
        if h.actor in ("Secretary-General",) and OTHER_BODY.match(view.text[h.end : h.end + 40]):
            continue  # `Secretary-General of the League of Arab States`: not the UN's
        office_id = office_names.get(h.actor, h.actor_id)
        session = h.session or session_after(view, h)
        date = office_date(view, h, doc_date)
        if session:
            person = session_holder(office_id, session)
        else:
            person = holder(office_id, date) if date else named_holder.get(office_id, "")
        if person:
            out.append(replace(h, actor=person, actor_type="person", actor_id=slug(person)))
        else:  # the office under its own name (`Secretary General` is `Secretary-General`)
            name = office_by_id()[office_id].name if office_id in office_by_id() else h.actor
            out.append(replace(h, actor=name, actor_type="person", actor_id=slug(name)))
    return out


def canonical_role(role: str) -> str:
    """A role that is a listed office under the office's name (`Secretary General` →
    `Secretary-General`); any other role as the text gives it."""
    office_id = office_by_alias().get(fold(role))
    return office_by_id()[office_id].name if office_id else role


@functools.cache
def agency_of_office() -> dict[str, Org]:
    """Offices whose title is also the name of the agency they head: the agency is the `Office
    of the` office (`Office of the United Nations High Commissioner for Refugees`, which the UN
    itself calls `the United Nations High Commissioner for Refugees`)."""
    out = {}
    for office in offices():
        org = org_by_name().get(fold(f"Office of the {office.name}"))
        if org:
            out[office.id] = org
    return out


def agencies_named_by_office(office_hits: list[Hit]) -> list[Hit]:
    """`Report of the United Nations High Commissioner for Refugees`: the title names the agency
    as well as its head, so the agency is a mention too, beside the holder."""
    agencies = agency_of_office()
    return [org_hit(h.start, h.end, agencies[h.actor_id], "agency") for h in office_hits
            if h.actor_id in agencies]


# --- states ---------------------------------------------------------------------------------


def state_mentions(hits: list) -> list[ActorMention]:
    return [ActorMention(h.start, h.end, h.text, h.name, "state", "", h.qid or slug(h.name))
            for h in hits if h.acting]


# --- putting it together ------------------------------------------------------------------


def overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def keep_longest(hits: Iterable[Hit]) -> list[Hit]:
    """Of overlapping candidates keep the longest; on a tie, reference data over rules. A
    generic span whose head noun belongs to a known body (`Human Rights Council in Geneva`)
    loses to the known body."""
    rank = {"data": 0, "acronym": 1, "rule": 2}
    # a person found with the title the text gives outranks the bare name from the table
    ordered = sorted(hits, key=lambda h: (-(h.end - h.start), not h.role,
                                          rank.get(h.source, 3), h.start))
    kept: list[Hit] = []
    for h in ordered:
        if any(overlaps(h, k) for k in kept):
            continue
        if h.source == "rule" and any(
            d.source == "data" and d.start < h.head_end and d.end > h.head_start
            for d in hits if d.actor_type == "organization"
        ):
            continue
        kept.append(h)
    return kept


def table_break(text: str, view: View, h: Hit) -> bool:
    """A line break inside the span after a short line, or after a line that holds a tab (the
    ingest writes a table row's cells tab-separated, so such a line ends a row): cells of a
    table (`Amount\nGroup`, `Regional\nService Centre`), not a name wrapped in running text or
    in one cell (a wrapped cell's last line carries the row's other cells)."""
    start, end = view.source_span(h.start, h.end)
    for i in (i for i in range(start, end) if text[i] in "\n\f"):
        line_start = max(text.rfind("\n", 0, i), text.rfind("\f", 0, i)) + 1
        if i - line_start < 40 or "\t" in text[line_start:i]:
            return True
    return False


def names_a_state(view: View, h: Hit, states: list[tuple[int, int]]) -> bool:
    """`Russian Federation`, `Permanent Mission of Malawi`: a state, or a state acting."""
    head_end = view.source(h.head_end - 1) + 1
    start, end = view.source_span(h.start, h.end)
    head = view.text[h.head_start : h.head_end]
    # `the Organization of Portugal, a member of ...`; a body `on` or `for` a place is not the
    # state (`Committee on South West Africa`)
    bare_head = h.start == h.head_start and not re.match(r" (?:on|for) ", view.text[h.head_end:])
    return any(
        (s < head_end and start < e)
        or ((head in STATE_HEADS or bare_head) and head_end < s and e == end)
        for s, e in states
    )


def plausible_person(text: str, view: View, h: Hit) -> bool:
    """A titled name on the title's line and on at most two lines (`Secretary-General\nContents
    \nPage` is a table of contents, not a person)."""
    start, end = view.source_span(h.start, h.end)
    if text.count("\n", start, end) > 1:
        return False
    if h.source == "title":
        gap = text[max(0, start - 2) : start]
        return "\n" not in gap
    return True


def find(ctx: Context) -> list[ActorMention]:
    view = make_view(ctx.text)
    states = country_hits(ctx.text) if country_hits is not None else []
    state_spans = [(s.start, s.end) for s in states]
    found = data_hits(view, ctx.text)
    known = [h for h in found if h.actor_type == "organization"]
    generic = [h for h in generic_org_hits(view, ctx.text)
               if h.source != "rule" or not (table_break(ctx.text, view, h)
                                             or names_a_state(view, h, state_spans))]
    events = [h for h in generic if h.actor_type == "event"]
    generic = [g for h in generic if h.actor_type != "event"
               and (g := without_parent(view, h, known))]
    generic += treaty_organ_hits(view)
    friends = friends_hits(view)
    generic = [g for g in generic if not any(overlaps(g, f) for f in friends)] + friends
    generic += [h for h in acronym_named_hits(view)
                if not any(overlaps_source(view, h, s) for s in state_spans)]
    orgs = keep_longest(known + generic)
    orgs = shortened_names(orgs)
    orgs = keep_longest(orgs + defined_acronyms(view, orgs))
    orgs += nested_known(orgs, known)
    orgs = with_sub_bodies(orgs, sub_body_hits(view, orgs))
    orgs += [u for u in unit_hits(view, orgs) if not any(overlaps(u, o) for o in orgs)]
    orgs += [u for u in bare_unit_hits(view, ctx.text) if not any(overlaps(u, o) for o in orgs)]
    offices_found = keep_longest([h for h in found if h.actor_type == "office"]
                                 + session_office_hits(view))
    titled = [p for p in person_hits(view) if plausible_person(ctx.text, view, p)]
    bare = [b for b in bare_person_hits(view, titled)
            if not any(overlaps(b, h) for h in orgs + titled + offices_found)
            and not any(overlaps_source(view, b, s) for s in state_spans)]
    people = [h for h in found if h.actor_type == "person"] + titled + not_place(bare, view)
    people = [p for p in keep_longest(people) if not any(overlaps(p, o) for o in orgs)]
    people = canonical_people(people, view.text)
    people = keep_longest(people + [s for s in surname_hits(view, people)
                                    if not any(overlaps(s, p) for p in people)])
    people = [p for p in people if not any(overlaps(p, o) for o in orgs)]
    offices_found = [o for o in offices_found
                     if not any(overlaps(o, p) for p in people)
                     and not any(g.start <= o.start and o.end <= g.end for g in orgs)]
    resolved = resolve_offices(view, offices_found, people, ctx.doc_date)
    taken = orgs + people + resolved + agencies_named_by_office(offices_found)
    shorts = [s for s in short_ref_hits(view, orgs + events, ctx.organ,
                                        frozenset(b for b, _ in state_spans))
              if not any(overlaps(s, t) for t in taken)]
    mentions = [to_mention(ctx.text, view, h) for h in taken + shorts]
    spans = [(m.start, m.end) for m in mentions if m.actor_type == "organization"]
    mentions += [s for s in state_mentions(states)
                 if not any(s.start < e and b < s.end for b, e in spans)]
    return proceedings.with_structure(ctx, mentions)  # structural candidates win overlaps


def overlaps_source(view: View, h: Hit, span: tuple[int, int]) -> bool:
    start, end = view.source_span(h.start, h.end)
    return start < span[1] and span[0] < end


def to_mention(text: str, view: View, h: Hit) -> ActorMention:
    start, end = view.source_span(h.start, h.end)
    role = canonical_role(h.role) if h.actor_type == "person" else ""
    return ActorMention(start, end, text[start:end], h.actor, h.actor_type, role, h.actor_id)

