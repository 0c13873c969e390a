"""The reference data in pipeline/data: one CSV per kind of entity, each row naming its source,
aliases in one column separated by `|`; and the word lists the extractors' patterns are built
from (one word or phrase a row, the lists it belongs to, its source)."""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources


def read_data(filename: str) -> list[dict[str, str]]:
    """A CSV of pipeline/data as rows of strings (`NA` stays a string: Namibia's ISO code)."""
    text = resources.files("pipeline.data").joinpath(filename).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def split_aliases(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())


@functools.cache
def word_list(filename: str, name: str) -> tuple[str, ...]:
    """The words of a word-list CSV (its first column) that belong to the list `name`."""
    rows = read_data(filename)
    first = next(iter(rows[0])) if rows else ""
    return tuple(r[first] for r in rows if name in split_aliases(r["lists"]))


def alternation(words: tuple[str, ...] | list[str], space: str = " ") -> str:
    """A regex group matching any of the words, longest first (so a word never stops short of
    a longer one it opens); a space inside a phrase matches `space`."""
    longest_first = sorted(words, key=lambda w: (-len(w), w))
    escaped = (re.escape(w).replace(r"\ ", space) for w in longest_first)
    return f"(?:{'|'.join(escaped)})"
