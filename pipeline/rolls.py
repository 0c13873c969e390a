"""States a meeting record lists by its layout: each one listed acts (votes, sits, speaks).

- Recorded votes: after `A recorded vote was taken.` (`A vote was taken by show of hands`,
  `... by roll-call`), the lists `In favour:`, `Against:`, `Abstaining:` (`Abstentions:` in
  some 1990s records), up to
  the result (`was adopted by 123 votes to 1`, `received 15 votes in favour`).
- Attendance: the old Security Council masthead's `Present: The representatives of the
  following States: China, Cuba, ...` (1946 to the 1970s), and today's `Members:` column, a
  state opening each row (`China . . . . Mr. Zhang Jun`, or the states and the names in two
  blocks, as pdftotext gives the two columns).
- A state in brackets after a titled name: the state the person speaks for (`Mr. Kimani
  (Kenya):`, `President: Mr. Shahid (Maldives)`, `Mr. Nesho (Albania), Mr. Sychou (Belarus) ...
  took the seats reserved for them`).

Inside a list, a state acts only where it is an item: the label, a comma, `and` or a line
break before it (page furniture the ingest joins to a line, `6\\t10-70469Libyan ...`, skipped),
so that a running head inside the list (`The situation concerning the Democratic Republic of
the Congo`) stays what it is.
"""

from __future__ import annotations

from collections.abc import Sequence

import regex

VOTE_TAKEN = regex.compile(r"\bvote\s+was\s+taken\b", regex.IGNORECASE)
# a label opens a line, after the page furniture the ingest may join to it (`18\t07-50429In
# favour:`, A/61/PV.107), or follows the tab where the ingest joined two columns (S/PV.492), or
# the sentence the cleaner joined it to (`A vote was taken by show of hands. In favour:`)
VOTE_LABEL = regex.compile(
    r"(?:^(?:[^\n\t]{0,30}\t[\d\-]{0,12})?|\t|(?<=[.:]\s))[^\S\n]*"
    r"(?:In\s+favour|Against|Abstaining|Abstentions?)[^\S\n]*:",
    regex.MULTILINE,
)
VOTE_RESULT = regex.compile(
    r"\b(?:\d+\s+votes?\b|\d+\s+in\s+favour|(?:was|were)\s+(?:not\s+)?(?:adopted|rejected"
    r"|retained|upheld|approved|carried))"
)
VOTE_REACH = 600  # characters from `A vote was taken` to its first list
VOTE_LISTS_MAX = 12000  # characters from the first list to the result

PRESENT = regex.compile(r"\bPresent\s*:\s*The\s+representatives\s+of\s+the\s+[^:\n]{1,40}:")
PARAGRAPH_END = regex.compile(r"\.[^\S\n]*(?:\n|\Z)|\n[^\S\n]*\n")

MASTHEAD = 3000  # characters: the Security Council's masthead, its `Members:` column in it
MEMBERS = regex.compile(r"^[^\S\n]*Members\s*:", regex.MULTILINE)
MEMBERS_END = regex.compile(r"^[^\S\n]*Agenda\b", regex.MULTILINE)

# what may stand before an item: a separator, then blanks and page furniture
ITEM_BEFORE = regex.compile(
    r"(?:[,;:]|\band|\n)(?:\s|(?<=\n)[^\n\t,;:]{0,30}\t[\d\-]{0,12})*(?:the\s+)?\Z"
)
ITEM_WINDOW = 80

# `Mr. Kimani (`, `President: Mr. Deiss\t(`, `Mr. Llorentty Solíz . . . .\n\n(`
TITLED_NAME_BEFORE = regex.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Mme|Mlle|M)\.?[ ]+\p{Lu}(?:[^\n():;,]|\n(?!\s*\n)){0,60}?"
    r"(?:[ \t]*(?:\.[ ]?){2,})?\s{0,4}\(\Z"
)


def vote_spans(text: str) -> list[tuple[int, int]]:
    """[start, end) of each list of a recorded vote, from its label's colon on."""
    out = []
    for anchor in VOTE_TAKEN.finditer(text):
        labels = []
        pos = anchor.end()
        limit = pos + VOTE_REACH
        while (m := VOTE_LABEL.search(text, pos, limit)) is not None:
            labels.append(m)
            pos = m.end()
            limit = pos + VOTE_LISTS_MAX
        if not labels:
            continue
        result = VOTE_RESULT.search(text, labels[-1].end(), labels[-1].end() + VOTE_LISTS_MAX)
        end = result.start() if result else labels[-1].end() + VOTE_LISTS_MAX
        bounds = [m.start() for m in labels[1:]] + [end]
        out += [(m.end() - 1, b) for m, b in zip(labels, bounds, strict=True)]
    return out


def present_spans(text: str) -> list[tuple[int, int]]:
    """`Present: The representatives of the following States: A, B.`, the paragraph after it."""
    out = []
    for m in PRESENT.finditer(text):
        end = PARAGRAPH_END.search(text, m.end())
        out.append((m.end() - 1, end.start() if end else len(text)))
    return out


def members_span(text: str) -> list[tuple[int, int]]:
    """The masthead's `Members:` column, up to the agenda that closes the masthead."""
    m = MEMBERS.search(text, 0, MASTHEAD)
    end = MEMBERS_END.search(text, m.end(), m.end() + MASTHEAD) if m else None
    return [(m.end() - 1, end.start())] if m and end else []


def roll_spans(text: str) -> list[tuple[int, int]]:
    """Every list of states the record's layout gives (votes, attendance)."""
    if ":" not in text:
        return []
    return vote_spans(text) + present_spans(text) + members_span(text)


def is_item(text: str, start: int, span_start: int) -> bool:
    window = text[max(span_start, start - ITEM_WINDOW) : start]
    return ITEM_BEFORE.search(window) is not None


def spoken_for(text: str, start: int, end: int) -> bool:
    """`Mr. Kimani (Kenya)`: the state alone in brackets after a titled name."""
    if start == 0 or text[start - 1] != "(" or text[end : end + 1] != ")":
        return False
    return TITLED_NAME_BEFORE.search(text[max(0, start - 100) : start]) is not None


def listed_acting(text: str, hits: Sequence) -> list[bool]:
    """For each state mention (`start`, `end`), whether the record's layout lists it as acting:
    an item of a vote or an attendance list, or the state a titled person speaks for."""
    spans = roll_spans(text)
    return [spoken_for(text, h.start, h.end)
            or any(s <= h.start and h.end <= e and is_item(text, h.start, s) for s, e in spans)
            for h in hits]
