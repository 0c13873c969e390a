"""Names of the reference tables found in the text: every organization name and acronym,
every office and every holder's full name, looked up in one phrase index."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipeline.extract.actors.data import (
    office_by_id,
    offices,
    org_by_id,
    organizations,
    slug,
    terms,
)
from pipeline.extract.actors.view import Hit, View, org_hit
from pipeline.ingest.clean import ends_cell
from pipeline.phrases import PhraseIndex


@dataclass(frozen=True)
class Entry:
    """What a matched phrase stands for."""

    kind: str  # org | office | person
    key: str  # org id, office id, or person name
    alias: str  # the alias as written in the table


# Names are looked up token by token: words and single punctuation marks, case-folded, the
# typographic apostrophe as the plain one, hyphens dropped (`Director General` is written for
# `Director-General`, `Co-operation` for `Cooperation`). A compiled regex and a dict do here
# what a PhraseMatcher over spaCy's tokenizer did, at several times its speed.
TOKEN = re.compile(r"\w+|[^\w\s]")


def token_key(token: str) -> str:
    return token.lower().replace("\u2019", "'")


def alias_key(alias: str) -> tuple[str, ...]:
    return tuple(token_key(t) for t in TOKEN.findall(alias) if t != "-")


@dataclass(frozen=True)
class NameTable:
    """Every listed name as a token tuple → what it stands for (`pipeline.phrases`)."""

    index: PhraseIndex[Entry]
    # an org name that opens a longer org name (`Department of Management` → `... Strategy,
    # Policy and Compliance`): the longer names' remaining tokens, to look for after a match
    longer: dict[tuple[str, ...], tuple[tuple[tuple[str, ...], Entry], ...]]


@functools.cache
def name_table() -> NameTable:
    """Every org name and acronym, every office and every holder's full name."""
    entries: dict[tuple[str, ...], Entry] = {}
    aliases: list[tuple[str, Entry]] = []
    for org in organizations():
        aliases += [(a, Entry("org", org.id, a)) for a in (org.name, *org.aliases)]
    for office in offices():
        aliases += [(a, Entry("office", office.id, a)) for a in (office.name, *office.aliases)]
    for term in terms():
        # a bare surname only counts once the person is named in full (resolve_surnames)
        aliases += [(a, Entry("person", term.person, a)) for a in (term.person, *term.aliases)
                    if " " in a or "-" in a or a == term.person]
    for alias, entry in aliases:
        key = alias_key(alias)
        if not key:
            continue
        # two spellings of one name differing in case (`Force Publique|Force publique`): the
        # one with fewer capitals, whose check (case_ok) the other passes too
        had = entries.setdefault(key, entry)
        if (" " in alias and (had.key, had.kind) == (entry.key, entry.kind)
                and capitals(alias) < capitals(had.alias)):
            entries[key] = entry
    longer: dict[tuple[str, ...], list[tuple[tuple[str, ...], Entry]]] = {}
    for key, entry in entries.items():
        if entry.kind != "org":
            continue
        for n in range(1, len(key)):
            shorter = entries.get(key[:n])
            if shorter and shorter.kind == "org" and shorter.key != entry.key:
                longer.setdefault(key[:n], []).append((key[n:], entry))
    return NameTable(PhraseIndex.of(entries),
                     {k: tuple(sorted(v, key=lambda r: -len(r[0]))) for k, v in longer.items()})


def capitals(name: str) -> int:
    return sum(c.isupper() for c in name)


def written(name: str) -> str:
    """A name as written, up to apostrophe and hyphen forms (`Director General`)."""
    return name.replace("’", "'").replace("-", " ")


def case_ok(found: str, alias: str) -> bool:
    """Acronyms and one-word names match as written (`UN`, not `un`); longer names match with
    the table's capitals (`Pacific community` is no `Pacific Community`), or set all in capitals
    (headings); a name the table writes in lower case (UN style writes `high-level political
    forum`) matches in any case."""
    if " " not in alias.strip():
        return written(found) == written(alias)
    if alias[:1].islower() or found.isupper():
        return True
    pairs = zip(CAPITALS.findall(found), CAPITALS.findall(alias), strict=False)
    return all(f[0].isupper() or not a[0].isupper() for f, a in pairs)


CAPITALS = re.compile(r"[^\W\d_]+")


def data_hits(view: View, source_text: str = "") -> list[Hit]:
    table = name_table()
    tokens = [m for m in TOKEN.finditer(view.text) if m.group() != "-"]
    keys = [token_key(m.group()) for m in tokens]
    hits = []
    for i in range(len(keys)):
        for n, entry in table.index.all_at(keys, i):
            start, end = tokens[i].start(), tokens[i + n - 1].end()
            found = view.text[start:end]
            if "\n" in found or not case_ok(found, entry.alias):
                continue
            if not word_bounded(view.text, start, end):
                continue
            key = tuple(keys[i : i + n])
            if key in table.longer:
                entry = cut_name(view, source_text, keys, tokens, i + n, n, table.longer[key],
                                 entry)
                if entry is None:
                    continue
            hits.append(entry_hit(start, end, entry))
    return hits


# how far after a cut name the rest of it may stand: in a two-column page merged line by line
# the other column's words come between (`the Department of Management on the liquidation
# resources both post and non-post, in Strategy, Policy and Compliance`)
REST_WITHIN = 24  # tokens


def cut_name(view: View, source_text: str, keys: list[str], tokens: list[re.Match[str]],
             after: int, size: int, rests: tuple[tuple[tuple[str, ...], Entry], ...],
             entry: Entry) -> Entry | None:
    """A listed name of 3+ words that opens a longer listed name: the longer body when the rest
    of its name, capitalized, follows within a few tokens (columns of a page interleaved), no
    body when the match ends a table cell (a tab, or the end of a line holding one: a cell cut
    the name, and the shorter one would be a guess), else itself. Two-word names (`United
    Nations`) open too many names for either guess."""
    if size < 3:
        return entry
    for rest, longer in rests:
        window = keys[after : after + REST_WITHIN + len(rest)]
        for j in range(len(window) - len(rest) + 1):
            if (tuple(window[j : j + len(rest)]) == rest
                    and tokens[after + j].group()[:1].isupper()):
                return longer
    if not source_text or after > len(tokens):
        return entry
    return None if ends_cell(source_text, view.source(tokens[after - 1].end() - 1) + 1) else entry


def entry_hit(start: int, end: int, entry: Entry) -> Hit:
    if entry.kind == "org":
        return org_hit(start, end, org_by_id()[entry.key])
    if entry.kind == "office":
        office = office_by_id()[entry.key]
        return Hit(start, end, office.name, "office", office.name, office.id, "data")
    return Hit(start, end, entry.key, "person", "", slug(entry.key), "data")


def word_bounded(text: str, start: int, end: int) -> bool:
    """Not inside a longer word, a hyphenated compound (`Under-Secretary-General`; `UN-SPIDER`,
    where `UN` opens another body's name, though `UNHCR-led` is UNHCR) or a document symbol
    (`A/HRC/15/29` names no Human Rights Council)."""
    before = text[start - 1] if start else " "
    after = text[end : end + 2]
    if before.isalnum() or before == "-" or after[:1].isalnum():
        return False
    if after[:1] == "-" and after[1:2].isupper():
        return False
    # after a slash, in a chunk with a number: a document symbol (`A/HRC/15/29`), not a pair
    # of bodies (`UNDP/UNFPA`)
    return not (before == "/" and any(c.isdigit() for c in chunk_around(text, start, end)))


def chunk_around(text: str, start: int, end: int) -> str:
    """The whitespace-delimited chunk holding text[start:end]."""
    left = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    ends = [i for i in (text.find(" ", end), text.find("\n", end)) if i >= 0]
    return text[left : min(ends, default=len(text))]
