"""The normalized view every finder reads (whitespace runs collapsed, line-end hyphens joined,
mapped back to the source offsets) and the candidate record, `Hit`, in view offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

import regex

from pipeline.extract.actors.data import Org, slug

# A hyphen at a line end joins the halves and stays (`Co-\noperation` → `Co-operation`: UN
# compounds are hyphenated, so the hyphen is kept); a blank line (a paragraph or a heading
# ends) becomes one newline, which no name crosses; any other whitespace run is one space.
GAP = re.compile(
    r"(?P<hyphen>(?<=\w)-[ \t]*\r?\n\s*(?=\w))|(?P<para>[ \t\u00a0]*(?:\r?\n|\f)[ \t\u00a0]*"
    r"(?:(?:\r?\n|\f)\s*)+)|\s{2,}|[\t\r\n\f\v\u00a0]"
)


@dataclass(frozen=True)
class View:
    """`text` with GAPs rewritten; `anchors` map view offsets back to the source."""

    text: str
    view_at: tuple[int, ...]
    source_at: tuple[int, ...]

    def source(self, pos: int) -> int:
        i = bisect.bisect_right(self.view_at, pos) - 1
        if i < 0:
            return pos
        return self.source_at[i] + min(pos - self.view_at[i], self.span_len(i))

    def span_len(self, i: int) -> int:
        # a replaced gap maps every inner position to its start; kept text maps one to one
        nxt = self.view_at[i + 1] if i + 1 < len(self.view_at) else 1 << 60
        return nxt - self.view_at[i]

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        return self.source(start), self.source(end - 1) + 1


def make_view(text: str) -> View:
    parts, view_at, source_at = [], [0], [0]
    pos = vpos = 0
    for m in GAP.finditer(text):
        parts.append(text[pos : m.start()])
        vpos += m.start() - pos
        repl = "-" if m.group("hyphen") else "\n" if m.group("para") else " "
        view_at.append(vpos)
        source_at.append(m.start())
        parts.append(repl)
        vpos += len(repl)
        pos = m.end()
        view_at.append(vpos)
        source_at.append(pos)
    parts.append(text[pos:])
    return View("".join(parts), tuple(view_at), tuple(source_at))


@dataclass(frozen=True)
class Hit:
    """A candidate actor mention on the view."""

    start: int
    end: int
    actor: str
    actor_type: str  # person | organization | state | office
    role: str = ""
    actor_id: str = ""
    source: str = ""  # data | rule | title | short | state
    head_start: int = -1  # for generic org spans: where the head noun is
    head_end: int = -1
    session: int = 0  # for an office named by its session (`President of the 40th session`)


def org_hit(start: int, end: int, org: Org, source: str = "data") -> Hit:
    return Hit(start, end, org.name, "organization", "", org.actor_id, source)


def event_hit(m: regex.Match, start: int, end: int, span: str) -> Hit:
    return Hit(start, end, span, "event", "", slug(span), "event", head_start=m.start("head"),
               head_end=m.end("head"))


def near_cue(pattern: re.Pattern[str], cue: re.Pattern[str], text: str,
             before: int) -> list[re.Match[str]]:
    """`pattern`'s matches around each match of a plain-word `cue` it must contain, up to
    `before` characters back: a pattern that opens on any capitalized word is slow to run
    over a whole document, a word search is fast (for one match per cue, the last one)."""
    found: dict[int, re.Match[str]] = {}
    for c in cue.finditer(text):
        for m in pattern.finditer(text, max(0, c.start() - before), min(len(text), c.end() + 200)):
            if m.start() <= c.start() and c.end() <= m.end():
                found.setdefault(m.start(), m)
    return [found[k] for k in sorted(found)]


def replace(hit: Hit, **changes) -> Hit:
    return Hit(**{**hit.__dict__, **changes})


def overlaps(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def overlaps_source(view: View, h: Hit, span: tuple[int, int]) -> bool:
    start, end = view.source_span(h.start, h.end)
    return start < span[1] and span[0] < end
