"""References inside one document: a later surname (`Annan`) to the person named before in
full, a short form (`the Council`, `the Global Forum`) to the body named last with that head
word, an acronym the text defines (`... (FNL)`) to the body it follows."""

from __future__ import annotations

import bisect
import functools
import re

from pipeline.extract.actors.data import fold, org_by_id, slug, terms
from pipeline.extract.actors.organizations import ORG_HEAD
from pipeline.extract.actors.people import EPITHET, HONORIFIC, NOT_NAME, surname
from pipeline.extract.actors.view import Hit, View, org_hit, replace
from pipeline.reference import alternation, read_data, word_list

ACRONYM_AFTER = re.compile(r" ?\((?P<acr>[A-Z][A-Za-z\-]*[A-Z])\)")


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
    rf"(?<![\w\-])(?:the|this|that|our|its|their|his|her) "
    rf"(?P<head>{alternation(word_list('head_nouns.csv', 'short_reference'))})(?![\w\-])"
)


# a capitalized word after it makes it part of a longer name or a modifier (`the Assembly of
# States Parties`, `the Union Government`), unless it opens a state's name (`the activities of
# the Organization of Portugal`: Portugal's part in the UN's work)
NAME_GOES_ON = re.compile(r" (?:(?:of|for|on|to) (?:the )?)?(?=[A-Z])")


@functools.cache
def organ_default() -> dict[tuple[str, str], str]:
    """(the organ that issued the document, a head word) → the body a short reference with no
    body named before it means (`the Council` in an S/ document): data/organ_defaults.csv."""
    return {(r["organ"], r["head"]): r["org_id"] for r in read_data("organ_defaults.csv")}


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
            org_id = organ_default().get((organ, head), "")
            if head == "Organization":
                org_id = "united-nations"
            if not org_id:
                continue
            target = org_hit(0, 0, org_by_id()[org_id])
        out.append(replace(target, start=m.start("head"), end=m.end(), source="short"))
    return out
