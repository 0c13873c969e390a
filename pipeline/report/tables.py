"""Read the output tables back into pandas DataFrames, as the report needs them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from pipeline.models import MENTION_KINDS

INTEGER_COLUMNS = ("page", "start", "end", "pages", "chars")


def unescape(column: pd.Series) -> pd.Series:
    """Undo the spreadsheet escape: one leading apostrophe is the writer's, not the text's."""
    return column.str.removeprefix("'")


def read_table(path: Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    for name in frame.columns:
        frame[name] = unescape(frame[name])
    for name in INTEGER_COLUMNS:
        if name in frame.columns:
            frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("Int64")
    return frame


def read_tables(output: Path) -> dict[str, pd.DataFrame]:
    """documents plus the four mention tables, by name; a missing mention table is empty."""
    tables = {"documents": read_table(output / "documents.csv")}
    for kind in MENTION_KINDS:
        path = output / f"{kind}.csv"
        tables[kind] = read_table(path) if path.exists() else pd.DataFrame(
            columns=["doc_id", "page", "start", "end", "text"])
    return tables
