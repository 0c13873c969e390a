"""Read the output tables back into pandas DataFrames, as the report needs them."""

from __future__ import annotations

import io
import re
from collections import defaultdict
from pathlib import Path

import pandas as pd

from pipeline.models import MENTION_KINDS, columns

INTEGER_COLUMNS = ["page", "start", "end", "pages", "chars"]
# a cell that starts with an apostrophe, quoted or not
ESCAPED_CELL = re.compile(r"""(?:^|,)"?'""", re.MULTILINE)


def unescape(column: pd.Series) -> pd.Series:
    """Undo the spreadsheet escape: one leading apostrophe is the writer's, not the text's."""
    return column.str.removeprefix("'")


def read_table(path: Path) -> pd.DataFrame:
    raw = path.read_text(encoding="utf-8")
    types = defaultdict(lambda: str, {name: "Int64" for name in INTEGER_COLUMNS})
    frame = pd.read_csv(io.StringIO(raw), dtype=types, keep_default_na=False,
                        na_values={name: [""] for name in INTEGER_COLUMNS})
    if ESCAPED_CELL.search(raw):  # unescaping costs a Python call per cell: only when needed
        for name in frame.columns.difference(INTEGER_COLUMNS):
            frame[name] = unescape(frame[name])
    return frame


def read_tables(output: Path) -> dict[str, pd.DataFrame]:
    """documents plus the four mention tables, by name; a missing mention table is empty."""
    tables = {"documents": read_table(output / "documents.csv")}
    for kind in MENTION_KINDS:
        path = output / f"{kind}.csv"
        tables[kind] = read_table(path) if path.exists() else pd.DataFrame(
            columns=columns(MENTION_KINDS[kind]), dtype=str)
    return tables
