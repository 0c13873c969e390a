"""Named actors: organizations, people and states acting, each under one canonical name.

`find` runs in four steps over one normalized view of the text (`view`):
1. candidates: each finder proposes spans on its own: names of the reference tables
   (`listed`), organizations by their head noun (`organizations`), units and acronym-defined
   names (`units`), people by title, apposition or surname (`people`), offices named by a
   session (`offices`), and the states the text names (`pipeline.states`, computed once per
   document and shared with the places extractor);
2. resolve: one resolver settles every overlap by an explicit precedence, and resolves what
   the document refers to (`coreference`: a later surname, `the Council`, an office named
   without its holder) (`resolve`);
3. mentions: view offsets mapped back to the text, `ctx.text[m.start:m.end] == m.text`; the
   actors the document's structure gives (`pipeline.extract.proceedings`: speaker lines,
   attendance, signatures, committees by resolution) and the speakers a news story quotes
   (`pipeline.extract.reporting`: `said <Name>, <title> for <body>`) win where they overlap;
4. with `NER_PEOPLE=1`, people named in full that nothing above read (`named`: spaCy's NER on
   the capitalized runs no finder took, checked against the reference data).
"""

from __future__ import annotations

from pipeline.extract import proceedings, reporting
from pipeline.extract.actors import named
from pipeline.extract.actors.listed import data_hits
from pipeline.extract.actors.offices import session_office_hits
from pipeline.extract.actors.organizations import (
    friends_hits,
    generic_org_hits,
    treaty_organ_hits,
)
from pipeline.extract.actors.people import bare_person_hits, person_hits, plausible_person
from pipeline.extract.actors.resolve import Candidates, resolve
from pipeline.extract.actors.units import acronym_named_hits, bare_unit_hits
from pipeline.extract.actors.view import View, make_view
from pipeline.models import ActorMention, Context


def find(ctx: Context) -> list[ActorMention]:
    view = make_view(ctx.text)
    found = candidates(view, ctx)
    mentions = resolve(view, ctx, found)
    # the structure of meeting records, letters and Council texts outranks the text patterns,
    # and so do the speakers a news story quotes
    mentions = reporting.with_speakers(ctx, proceedings.with_structure(ctx, mentions))
    if not named.ENABLED:
        return mentions
    # a statistical model, last, and only on the capitalized runs nothing above took
    taken = [(m.start, m.end) for m in mentions]
    taken += [(m.start, m.end) for kind in ctx.found.values() for m in kind]
    return mentions + named.named_people(ctx, taken)


def candidates(view: View, ctx: Context) -> Candidates:
    titled = [p for p in person_hits(view) if plausible_person(ctx.text, view, p)]
    return Candidates(
        listed=data_hits(view, ctx.text),
        generic=generic_org_hits(view, ctx.text),
        treaty_organs=treaty_organ_hits(view),
        friends=friends_hits(view),
        acronym_named=acronym_named_hits(view),
        bare_units=bare_unit_hits(view, ctx.text),
        session_offices=session_office_hits(view),
        titled=titled,
        bare=bare_person_hits(view, titled),
        states=ctx.states,
    )
