"""The one overlap resolver: which of the candidates that cover the same words is the mention.

Candidates come from every finder of the package; where they overlap, this precedence decides
(each step reads the survivors of the steps before it):

1. Organizations. The longest span wins; on equal length, a person found with a title the
   text gives, then listed data, then a defined acronym, then a rule (`keep_longest`). A
   rule's span whose head noun is a listed body's name loses to that body (`Human Rights
   Council in Geneva`). A rule's span that names a state (`the Government of Belgium`,
   `Russian Federation`) or runs across table cells is no organization; a ministry named with
   its state (`the Ministry of Justice of Ukraine`) is the ministry without it. A group of Friends
   beats the generic span it overlaps. Then, in the text's own terms: a short form of a body
   named in full (`the Global Forum`), a defined acronym, a listed body named inside a longer
   name after its head noun (both kept), a listed sub-body's short name next to its parent,
   and units (`... Section of the Office of ...`) where no organization stands.
2. Offices named in the text (`the Secretary-General`), longest first.
3. People: listed holders, titled names and bare names ending in a titled surname (not over
   an organization, a titled person or an office, and not a place); the longest wins;
   then canonical names and surnames where no person stands; never over an organization.
4. Offices give way to a person on the same words and to an organization that holds them;
   the rest become their holder (`offices.resolve_offices`). An office that is also the name
   of its agency adds the agency.
5. Short references (`the Council`) only where nothing above stands.
6. States acting, only where no organization stands (`the Permanent Mission of Malawi` is the
   state; `the African Union Commission` holds no state)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.extract.actors.coreference import (
    canonical_people,
    defined_acronyms,
    short_ref_hits,
    shortened_names,
    surname_hits,
)
from pipeline.extract.actors.data import slug
from pipeline.extract.actors.offices import (
    agencies_named_by_office,
    canonical_role,
    resolve_offices,
)
from pipeline.extract.actors.organizations import table_break, without_parent, without_state
from pipeline.extract.actors.people import not_place
from pipeline.extract.actors.units import sub_body_hits, unit_hits
from pipeline.extract.actors.view import Hit, View, overlaps, overlaps_source
from pipeline.models import ActorMention, Context


@dataclass(frozen=True)
class Candidates:
    """What the finders propose, before any overlap is settled (view offsets)."""

    listed: list[Hit]  # names of the reference tables: organizations, offices, holders
    generic: list[Hit]  # organizations and events named by their head noun
    treaty_organs: list[Hit]
    friends: list[Hit]
    acronym_named: list[Hit]  # long names defined by an acronym after them
    bare_units: list[Hit]
    session_offices: list[Hit]  # `President of the fortieth session`
    titled: list[Hit]  # people named with a title, an honorific or in apposition
    bare: list[Hit]  # untitled names ending in a titled person's surname
    states: list  # pipeline.states.CountryHit, shared with the places extractor


def resolve(view: View, ctx: Context, found: Candidates) -> list[ActorMention]:
    """The mentions the candidates make, by the precedence of the module doc."""
    state_spans = [(s.start, s.end) for s in found.states]
    orgs, events = organizations(view, ctx, found, state_spans)
    offices = keep_longest([h for h in found.listed if h.actor_type == "office"]
                           + found.session_offices)
    people = persons(view, found, orgs, offices, state_spans)
    offices = [o for o in offices if not any(overlaps(o, p) for p in people)
               and not any(g.start <= o.start and o.end <= g.end for g in orgs)]
    taken = (orgs + people + resolve_offices(view, offices, people, ctx.doc_date)
             + agencies_named_by_office(offices))
    shorts = [s for s in short_ref_hits(view, orgs + events, ctx.organ,
                                        frozenset(b for b, _ in state_spans))
              if not any(overlaps(s, t) for t in taken)]
    mentions = [to_mention(ctx.text, view, h) for h in taken + shorts]
    spans = [(m.start, m.end) for m in mentions if m.actor_type == "organization"]
    return mentions + [s for s in state_mentions(found.states)
                       if not any(s.start < e and b < s.end for b, e in spans)]


def organizations(view: View, ctx: Context, found: Candidates,
                  state_spans: list[tuple[int, int]]) -> tuple[list[Hit], list[Hit]]:
    """Step 1: the organizations, and the events a later short reference may point to."""
    known = [h for h in found.listed if h.actor_type == "organization"]
    generic = [s for h in found.generic
               if h.source != "rule" or not table_break(ctx.text, view, h)
               if (s := without_state(view, h, state_spans))]
    events = [h for h in generic if h.actor_type == "event"]
    generic = [g for h in generic if h.actor_type != "event"
               and (g := without_parent(view, h, known))]
    generic += found.treaty_organs
    generic = [g for g in generic if not any(overlaps(g, f) for f in found.friends)]
    generic += found.friends
    generic += [h for h in found.acronym_named
                if not any(overlaps_source(view, h, s) for s in state_spans)]
    orgs = shortened_names(keep_longest(known + generic))
    orgs = keep_longest(orgs + defined_acronyms(view, orgs))
    orgs += nested_known(orgs, known)
    orgs = with_sub_bodies(orgs, sub_body_hits(view, orgs))
    orgs += [u for u in unit_hits(view, orgs) if not any(overlaps(u, o) for o in orgs)]
    orgs += [u for u in found.bare_units if not any(overlaps(u, o) for o in orgs)]
    return orgs, events


def persons(view: View, found: Candidates, orgs: list[Hit], offices: list[Hit],
            state_spans: list[tuple[int, int]]) -> list[Hit]:
    """Step 3: the people, under their canonical names, surnames resolved."""
    bare = [b for b in found.bare
            if not any(overlaps(b, h) for h in orgs + found.titled + offices)
            and not any(overlaps_source(view, b, s) for s in state_spans)]
    people = ([h for h in found.listed if h.actor_type == "person"] + found.titled
              + not_place(bare, view))
    people = [p for p in keep_longest(people) if not any(overlaps(p, o) for o in orgs)]
    people = canonical_people(people, view.text)
    people = keep_longest(people + [s for s in surname_hits(view, people)
                                    if not any(overlaps(s, p) for p in people)])
    return [p for p in people if not any(overlaps(p, o) for o in orgs)]


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


def state_mentions(hits: list) -> list[ActorMention]:
    return [ActorMention(h.start, h.end, h.text, h.name, "state", "", h.qid or slug(h.name))
            for h in hits if h.acting]


def to_mention(text: str, view: View, h: Hit) -> ActorMention:
    start, end = view.source_span(h.start, h.end)
    role = canonical_role(h.role) if h.actor_type == "person" else ""
    return ActorMention(start, end, text[start:end], h.actor, h.actor_type, role, h.actor_id)
