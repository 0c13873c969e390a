"""Load the tables of an output folder as pandas DataFrames, typed from `pipeline.schema`."""

from __future__ import annotations

from pathlib import Path

from pipeline import schema

PANDAS_TYPES = {"string": "string", "integer": "Int64", "number": "Float64"}


def unescape(value):
    """Undo the spreadsheet escape of a free-text cell: drop one leading apostrophe."""
    return value[1:] if isinstance(value, str) and value.startswith("'") else value


def read_table(path: Path, table: str):
    """One table: ids and counts as `Int64`, coordinates as `Float64`, everything else as
    strings kept as written (`NA` is Namibia's code, not a missing value); an empty cell is
    missing (`<NA>`); free-text cells without their spreadsheet escape."""
    import pandas as pd  # only for users of this function: the pipeline itself does not need it

    dtypes = {n: PANDAS_TYPES[schema.column(table, n).type] for n in schema.table_columns(table)}
    frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""],
                        encoding="utf-8")
    for name in schema.free_text(table):
        frame[name] = frame[name].map(unescape, na_action="ignore").astype("string")
    return frame


def read_tables(folder: str | Path) -> dict:
    """Every table of an output folder: {"documents": DataFrame, "dates": ..., "symbols": ...,
    "places": ..., "actors": ...}."""
    folder = Path(folder)
    return {t: read_table(folder / f"{t}.csv", t) for t in schema.TABLE_NAMES}
