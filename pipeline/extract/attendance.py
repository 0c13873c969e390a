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
The list is cut at its leaders, each piece ending with a state: a name that opens a piece ends
where that state begins, so it never runs into the next row's state, even where the cleaner
has joined the rows into one line. The list ends at the masthead's `Agenda`.

The masthead's `President:` line is the Chair's (`proceedings.chair_mentions`); the states of
the old `Present: The representatives of the following States:` list act, with no names
(`pipeline.rolls`).
"""

from __future__ import annotations

import re

from pipeline.extract.record_names import (
    NAME_WORD,
    PARTICLE,
    TITLE,
    fold,
    person,
    printed_name,
    slug,
    state_hits,
)
from pipeline.models import ActorMention

MASTHEAD = 3000  # characters: the masthead, and the length of its list
MEMBERS = re.compile(r"^[ \t]*Members[ \t]*:", re.MULTILINE)
LIST_END = re.compile(r"^[ \t]*Agenda\b", re.MULTILINE)
# the dotted leaders after a state (`China. . . .`, `Argentina . . . .`), or a tab
LEADERS = re.compile(r"(?:[ \t]*\.(?:[ ]?\.)+|\t)[ \t]*")
# a name as the list prints it: a title, then words up to the next title (`Mr. van Walsum`)
WORD = rf"(?!{TITLE}[ ])(?:{PARTICLE}[ ])?{NAME_WORD}"
LISTED_NAME = re.compile(rf"[ \t]*(?P<title>{TITLE})[ ](?P<name>{WORD}(?:[ ]{WORD}){{0,4}})")


def member_rows(text: str) -> list[tuple[ActorMention, tuple[int, int] | None]]:
    """Each member state of the list, with the span of its representative's name (if any). In
    the one-row-a-line layout a piece opens with the previous row's name."""
    head = MEMBERS.search(text, 0, MASTHEAD)
    end_match = LIST_END.search(text, head.end(), head.end() + MASTHEAD) if head else None
    if head is None or end_match is None:
        return []
    end = end_match.start()
    pieces, pos = [], head.end()
    for m in LEADERS.finditer(text, head.end(), end):
        pieces.append((pos, m.start()))
        pos = m.end()
    states, names = [], []
    for start, stop in pieces:
        state, name_end = piece_state(text, start, stop)
        if state is None:
            return []
        states.append(state)
        names.append(name_in(text, start, name_end))
    if not states:
        return []
    # the last row's name, or the names' column after the states' column
    tail = names_after(text, pos, end)
    if any(names[1:]) or len(tail) == 1:
        named = [*names[1:], tail[0] if tail else None]
    elif len(tail) == len(states):
        named = tail
    else:
        named = [None] * len(states)
    return list(zip(states, named, strict=True))


def piece_state(text: str, start: int, stop: int) -> tuple[ActorMention | None, int]:
    """The state that ends a piece of the list (None if the piece is more than a name and a
    state), and where it begins."""
    piece = text[start:stop].rstrip()
    hits = state_hits(piece)
    if not hits or hits[-1].end != len(piece):
        return None, start
    h = hits[-1]
    at = start + h.start
    name = LISTED_NAME.match(text, start, at)
    if text[name.end() if name else start : at].strip():
        return None, start
    return ActorMention(at, start + h.end, h.text, h.name, "state", "",
                        h.qid or slug(h.name)), at


def name_in(text: str, start: int, stop: int) -> tuple[int, int] | None:
    """The span of the name that opens text[start:stop], before the state."""
    m = LISTED_NAME.match(text, start, stop)
    return m.span("name") if m else None


def names_after(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The names after the last state: one (its row's), or the whole names' column."""
    out, pos = [], skip_blanks(text, start, end)
    while (m := LISTED_NAME.match(text, pos, end)) is not None:
        out.append(m.span("name"))
        pos = skip_blanks(text, m.end(), end)
    return out


def skip_blanks(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t\n":
        pos += 1
    return pos


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
