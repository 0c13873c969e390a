"""UN document tables: raw UN documents → CSV tables of dates, symbols, places and actors.

`read_tables(folder)` loads the tables of an output folder as typed pandas DataFrames."""

__all__ = ["read_tables"]


def __getattr__(name: str):
    # imported on first use: `make` starts this package's stages often, and none of them read
    if name == "read_tables":
        from pipeline.read import read_tables

        return read_tables
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
