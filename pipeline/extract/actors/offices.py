"""Offices and their holders: an office named without its holder (`the Secretary-General`)
is the person who held it on the date the text refers to, or in the session it names."""

from __future__ import annotations

import functools
import re

from pipeline.calendar import DAY_MONTH_YEAR, ORDINAL, iso_date, last_day, ordinal_value
from pipeline.extract.actors.data import (
    Org,
    fold,
    office_by_alias,
    office_by_id,
    offices,
    org_by_name,
    slug,
    terms,
)
from pipeline.extract.actors.view import Hit, View, org_hit, replace

# `the report of the Secretary-General of 18 May 2006`: the office on that day
DATE_AFTER = re.compile(rf"^ (?:of|dated) {DAY_MONTH_YEAR.pattern}")
# `Secretary-General of the League of Arab States`: another body's office, not the UN's
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
        return holder_on(office_id, f"{date}-{last_day(year, month):02d}")
    if len(date) == 4:
        first = holder_on(office_id, f"{date}-01-01")
        return first if first == holder_on(office_id, f"{date}-12-31") else ""
    return ""


def session_holder(office_id: str, session: int) -> str:
    return next((t.person for t in terms() if t.office_id == office_id and t.session == session),
                "")


# a General Assembly session by its ordinal, in words (`sixty-first`) or figures (`79th`)
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
    18 May 2006`), else the last full date earlier in its clause (`the Dialogue, held on 14 and
    15 September 2006, as contained in a note by the President of the General Assembly`), else
    the document's date."""
    m = DATE_AFTER.match(view.text[hit.end : hit.end + 40])
    if m:
        return iso_date(m)
    clause = re.split(r"[.;:\n]", view.text[max(0, hit.start - 250) : hit.start])[-1]
    dates = list(DAY_MONTH_YEAR.finditer(clause))
    return iso_date(dates[-1]) if dates else doc_date


def session_after(view: View, hit: Hit) -> int:
    """`the President of the General Assembly at its sixty-first session` → 61."""
    if hit.actor_id != "president-of-the-general-assembly":
        return 0
    m = SESSION_AFTER.match(view.text[hit.end : hit.end + 60])
    return ordinal_value(m["n"]) if m else 0


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
