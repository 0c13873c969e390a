"""UN document tables: raw UN documents → CSV tables of dates, symbols, places and actors.

`read_tables(folder)` loads the tables of an output folder as typed pandas DataFrames."""

from pipeline.read import read_tables

__all__ = ["read_tables"]
