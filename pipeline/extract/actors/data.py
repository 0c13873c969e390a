"""The actors' reference data (organizations.csv, actor_offices.csv, office_holders.csv,
actor_sub_bodies.csv), read once, and the name folding every lookup uses."""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from pipeline.reference import read_data, split_aliases


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
    rows = read_data("organizations.csv")
    listed = {fold(a) for r in rows for a in (r["name"], *split_aliases(r["aliases"]))}
    return tuple(
        Org(r["id"], r["name"], with_un_spelled_out(split_aliases(r["aliases"]), listed),
            r["type"], r["parent"], r["qid"])
        for r in rows
    )


# `UN X` is also written `United Nations X` (`United Nations Habitat` for UN-Habitat): the
# table itself lists both forms for 17 bodies (`UN Security Council`, `UN Population Fund`, ...)
UN_SHORT = re.compile(r"UN[- ](?=\S)")


def with_un_spelled_out(aliases: tuple[str, ...], listed: set[str]) -> tuple[str, ...]:
    """The aliases and the `United Nations X` form of each `UN X`, unless that form opens
    another listed name (`United Nations Environment` opens `United Nations Environment
    Programme`; a span such as `United Nations Environment Assembly` would be cut at it)."""
    spelled = (UN_SHORT.sub("United Nations ", a, count=1) for a in aliases if UN_SHORT.match(a))
    extra = dict.fromkeys(
        s for s in spelled if fold(s) not in listed
        and not any(n.startswith(fold(s) + " ") for n in listed))
    return aliases + tuple(extra)


@functools.cache
def offices() -> tuple[Office, ...]:
    return tuple(Office(r["id"], r["office"], split_aliases(r["aliases"]))
                 for r in read_data("actor_offices.csv"))


@functools.cache
def terms() -> tuple[Term, ...]:
    return tuple(Term(r["office_id"], r["person"], split_aliases(r["aliases"]), r["start"],
                      r["end"], int(r["session"] or 0)) for r in read_data("office_holders.csv"))


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
