"""The reference data in pipeline/data: one CSV per kind of entity, each row naming its source,
aliases in one column separated by `|`."""

from __future__ import annotations

import csv
import io
from importlib import resources


def read_data(filename: str) -> list[dict[str, str]]:
    """A CSV of pipeline/data as rows of strings (`NA` stays a string: Namibia's ISO code)."""
    text = resources.files("pipeline.data").joinpath(filename).read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def split_aliases(cell: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in cell.split("|") if a.strip())
