"""The attendance list of a Security Council record, read as rows: under `Members:` each row
names a member state and its representative, who is a person acting as `representative of`
that state.

The masthead sets the two columns apart with dotted leaders. Text comes in two layouts:
- one row a line, `Argentina . . . . . . Mr. Petrella` (S/PV.4000, 1999), or a tab between the
  columns;
- the columns one after the other, as pdftotext gives them: the states' lines (`China. . . .`),
  then the names' lines (`Mr. Zhang Dianbin`) in the same order (S/PV.5000, 2004; S/PV.7981,
  2017; S/PV.9000, 2022). A block of names is paired with the states only when the counts
  agree.
Each name is read within its own line, so it never runs into the next row's state.

The masthead's `President:` line is the Chair's (`proceedings.chair_mentions`); the states of
the old `Present: The representatives of the following States:` list act, with no names
(`pipeline.rolls`).
"""

from __future__ import annotations

import re

from pipeline.extract.record_names import (
    NAME,
    PARTICLE,
    TITLE,
    fold,
    person,
    printed_name,
    slug,
    state_of,
)
from pipeline.models import ActorMention

MASTHEAD = 3000  # characters: the masthead, and the length of its list
MEMBERS = re.compile(r"^[ \t]*Members[ \t]*:[ \t]*\n?", re.MULTILINE)
LIST_END = re.compile(r"^[ \t]*Agenda\b", re.MULTILINE)
# a name as the list prints it: a title, then words on the same line (`Mr. van Walsum`)
LISTED_NAME = rf"(?P<title>{TITLE})[ ](?P<name>(?:{PARTICLE}[ ])?{NAME})"
SEPARATOR = r"(?:[ \t]*(?:\.[ ]?){2,}[ \t]*|\t[ \t]*)"
STATE_ROW = re.compile(
    rf"^[ \t]*(?P<state>[^\n.\t]*[^\n.\t ]){SEPARATOR}(?:{LISTED_NAME})?[ \t]*$", re.MULTILINE
)
NAME_ROW = re.compile(rf"^[ \t]*{LISTED_NAME}[ \t]*$", re.MULTILINE)


def member_rows(text: str) -> list[tuple[ActorMention, tuple[int, int] | None]]:
    """Each member state of the list, with the span of its representative's name (if any)."""
    head = MEMBERS.search(text, 0, MASTHEAD)
    if head is None:
        return []
    end_match = LIST_END.search(text, head.end(), head.end() + MASTHEAD)
    end = end_match.start() if end_match else min(len(text), head.end() + MASTHEAD)
    states, named = [], []
    for m in STATE_ROW.finditer(text, head.end(), end):
        state, whole = state_of(text, m.start("state"), m.end("state"))
        if state and whole:
            states.append(state)
            named.append(m.span("name") if m["name"] else None)
    if not states:
        return []
    if not any(named):  # the names' column comes after the states'
        names = [m.span("name") for m in NAME_ROW.finditer(text, head.end(), end)]
        if len(names) == len(states):
            named = names
    return list(zip(states, named, strict=True))


def attendance_mentions(text: str) -> list[ActorMention]:
    """Every member state of the list and its representative."""
    out = []
    for state, span in member_rows(text):
        out.append(state)
        if span:
            name = printed_name(text[span[0] : span[1]])
            out.append(person(span[0], span[1], text, name, f"representative of {state.actor}"))
    return out


def same_name(short: str, full: str) -> bool:
    """Whether a name printed shorter is the full name's last words, hyphens aside
    (`Greenstock` of `Jeremy Greenstock`, `Schoulgin Nyoni` of `Schoulgin-Nyoni`)."""
    a, b = fold(short).replace("-", " ").split(), fold(full).replace("-", " ").split()
    return bool(a) and b[-len(a) :] == a


def listed_names(structural: list[ActorMention]) -> dict[str, str]:
    """Role (`representative of France`) → the name the attendance list gives its holder."""
    return {m.role: m.actor for m in structural if m.actor_type == "person"
            and m.role.startswith("representative of ")}


def as_listed(m: ActorMention, listed: dict[str, str]) -> ActorMention:
    """A speaker printed by surname (`Mr. Delattre (France):`) under the name the attendance
    list gives the representative of the same state, where that name ends alike."""
    full = listed.get(m.role) if m.actor_type == "person" else None
    if not full or full == m.actor or not same_name(m.actor, full):
        return m
    return ActorMention(m.start, m.end, m.text, full, "person", m.role, slug(full))
