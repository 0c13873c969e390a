"""Integrity of the actors' reference data: unique ids, no name or acronym that stands for two
entities, office terms that follow one another without overlap."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import pairwise

from pipeline.calendar import ordinal_value
from pipeline.extract.actors import data
from pipeline.extract.actors import offices as office_holders

QID = re.compile(r"Q[1-9]\d*")
ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def test_organization_ids_are_unique_slugs():
    ids = [o.id for o in data.organizations()]
    assert len(ids) == len(set(ids))
    assert all(o.id == data.slug(o.name) for o in data.organizations())


def test_qids_are_well_formed_and_unique():
    qids = [o.qid for o in data.organizations() if o.qid]
    assert all(QID.fullmatch(q) for q in qids)
    assert len(qids) == len(set(qids))


def test_every_row_names_its_source():
    assert all(r["source"].strip() for r in data.read_data("organizations.csv"))
    assert all(r["source"].strip() for r in data.read_data("actor_offices.csv"))
    assert all(r["source"].strip() for r in data.read_data("office_holders.csv"))
    assert all(r["qid_source"].strip() for r in data.read_data("organizations.csv") if r["qid"])


def test_no_alias_names_two_entities():
    owners: dict[str, set[str]] = defaultdict(set)
    for org in data.organizations():
        for alias in (org.name, *org.aliases):
            owners[data.fold(alias)].add("org:" + org.id)
    for office in data.offices():
        for alias in (office.name, *office.aliases):
            owners[data.fold(alias)].add("office:" + office.id)
    for term in data.terms():
        for alias in (term.person, *term.aliases):
            owners[data.fold(alias)].add("person:" + term.person)
    shared = {alias: keys for alias, keys in owners.items() if len(keys) > 1}
    assert shared == {}


def test_parents_are_listed_organizations():
    names = {o.name for o in data.organizations()}
    assert {o.parent for o in data.organizations() if o.parent} <= names


def test_office_terms_are_dated_and_do_not_overlap():
    by_office = defaultdict(list)
    office_ids = {o.id for o in data.offices()}
    for term in data.terms():
        assert term.office_id in office_ids
        assert ISO_DATE.fullmatch(term.start)
        assert not term.end or (ISO_DATE.fullmatch(term.end) and term.start <= term.end)
        by_office[term.office_id].append(term)
    for terms in by_office.values():
        terms.sort(key=lambda t: t.start)
        for a, b in pairwise(terms):
            assert a.end and a.end < b.start, (a.person, b.person)
        assert sum(not t.end for t in terms) <= 1


def test_holder_on_a_day():
    assert office_holders.holder("president-of-the-general-assembly", "2006-09-14") == \
        "Haya Rashed Al Khalifa"
    assert office_holders.holder("secretary-general", "2008-06-20") == "Ban Ki-moon"


def test_holder_at_month_or_year_precision():
    # a month: the holder at its end (the session opened that month); a year: only one holder
    assert office_holders.holder("president-of-the-general-assembly", "2024-09") == "Philémon Yang"
    assert office_holders.holder("president-of-the-general-assembly", "2024") == ""
    assert office_holders.holder("secretary-general", "2016") == "Ban Ki-moon"
    assert office_holders.holder("secretary-general", "2017") == "António Guterres"


def test_presidents_by_session():
    assert (office_holders.session_holder("president-of-the-general-assembly", 40)
            == "Jaime de Piniés")
    assert office_holders.session_holder("president-of-the-general-assembly", 79) == "Philémon Yang"



def test_one_president_of_the_general_assembly_per_session_from_the_first():
    # every session from the first to the latest listed has one President, none twice (a new
    # session's President is one more row, not a change to this test)
    sessions = sorted(t.session for t in data.terms()
                      if t.office_id == "president-of-the-general-assembly")
    assert sessions == list(range(1, len(sessions) + 1))
    assert len(sessions) >= 80  # the 80th session (2025-2026) is listed


def test_ordinals_of_sessions():
    words = ["first", "twelfth", "fortieth", "sixty-first", "sixty first", "79th", "ninety-ninth"]
    assert [ordinal_value(w) for w in words] == [1, 12, 40, 61, 61, 79, 99]


def test_sub_bodies_are_listed_with_a_listed_parent():
    rows = data.read_data("actor_sub_bodies.csv")
    assert rows and all(r["source"].strip() for r in rows)
    ids = {o.id for o in data.organizations()}
    assert {r["org_id"] for r in rows} <= ids
    assert all(b.parent.name == b.org.parent for b in data.sub_bodies())
    # one short name per parent, else the parent's sentence cannot tell which body it names
    pairs = [(b.short, b.parent.id) for b in data.sub_bodies()]
    assert len(pairs) == len(set(pairs))
