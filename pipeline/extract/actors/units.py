"""Units below a body (`the Procurement Section`, `... Section of the Office of ...`), listed
sub-bodies named by a short name beside their parent, and long names an acronym defines
(`United Nations Platform for ... (UN-SPIDER)`)."""

from __future__ import annotations

import functools
import re

from pipeline.extract.actors.data import fold, org_by_name, slug, sub_bodies
from pipeline.extract.actors.organizations import (
    CAP,
    LEADING_NOISE,
    NOT_ORG_WORD,
    ORG_HEAD,
    SENTENCE_START,
    continues,
    table_break,
)
from pipeline.extract.actors.view import Hit, View, near_cue, org_hit, overlaps
from pipeline.sentences import VIEW_SENTENCE_END, sentence_around

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


def _unit_name(text: str, m: re.Match) -> tuple[int, str]:
    """Where a unit's name starts and the name, leading noise (an article, a list number)
    dropped; a name that opens a sentence is read as if a line began there."""
    start = m.start("name")
    opens = "\n" if SENTENCE_START.search(text, max(0, start - 3), start) else " "
    noise = LEADING_NOISE.match(opens + m["name"], 1)
    if noise:
        start += noise.end() - 1
    return start, text[start : m.end("name")]


def bare_unit_hits(view: View, source_text: str) -> list[Hit]:
    text = view.text
    hits = []
    for m in near_cue(BARE_UNIT, BARE_UNIT_CUE, text, 120):
        start, name = _unit_name(text, m)
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
        start, name = _unit_name(text, m)
        if " " not in name or NOT_ORG_WORD.search(name):
            continue
        known = org_by_name().get(fold(name))
        hits.append(org_hit(start, m.end("name"), known) if known else
                    Hit(start, m.end("name"), name, "organization", "", slug(name), "unit"))
    return hits


@functools.cache
def sub_body_pattern() -> re.Pattern[str]:
    names = sorted({b.short for b in sub_bodies()}, key=len, reverse=True)
    return re.compile(rf"(?<![\w\-’'])(?:{'|'.join(map(re.escape, names))})(?![\w\-])")


def sub_body_hits(view: View, orgs: list[Hit]) -> list[Hit]:
    """A short name (`Standing Committee`) is the listed sub-body of the body named in the same
    sentence or table row; without its parent there it is a kind of body, not a name."""
    if not sub_bodies():
        return []
    hits = []
    for m in sub_body_pattern().finditer(view.text):
        # a sentence, or a table row (a blank line ends one, a single `\n` in the view)
        left, right = sentence_around(view.text, m.start(), m.end(), VIEW_SENTENCE_END)
        near = {h.actor_id for h in orgs if left <= h.start and h.end <= right
                and not overlaps(h, Hit(m.start(), m.end(), "", ""))}
        body = next((b for b in sub_bodies() if b.short == m.group()
                     and b.parent.actor_id in near), None)
        if body:
            hits.append(org_hit(m.start(), m.end(), body.org, "sub"))
    return hits


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
