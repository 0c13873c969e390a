"""The streaming merge: what it rewrites follows what changed, not the size of the corpus."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from pipeline import cli, tables
from pipeline.files import read_json, write_json
from tests.conftest import real_doc

A, B = "004_42a0f7cf2bba071a", "sub/000_3347f42460fb647e"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("merge")
    raw, build = base / "raw", base / "build"
    (raw / "sub").mkdir(parents=True)
    shutil.copy(real_doc("004_42a0f7cf2bba071a.txt"), raw)
    shutil.copy(real_doc("000_3347f42460fb647e.txt"), raw / "sub")
    cli.run_all(raw, base / "out", build)
    return base


@pytest.fixture
def built(pristine, tmp_path) -> tuple[Path, Path, Path]:
    """A copy of the two-document build, merged once into a fresh output folder."""
    shutil.copytree(pristine, tmp_path / "copy", symlinks=True)
    raw, out, build = (tmp_path / "copy" / name for name in ("raw", "out", "build"))
    shutil.rmtree(out)
    tables.merge(build, out, raw)
    return raw, out, build


def stamps(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}


def doc_ids(out: Path, table: str) -> set[str]:
    with (out / f"{table}.csv").open(newline="", encoding="utf-8") as fh:
        return {row["doc_id"] for row in csv.DictReader(fh)}


def test_unchanged_build_rewrites_no_text_and_no_fragment(built) -> None:
    raw, out, build = built
    texts, rows = stamps(out / "text"), stamps(build / "rows")
    assert sorted(texts) == [f"{A}.txt", f"{B}.txt"]
    tables.merge(build, out, raw)
    assert stamps(out / "text") == texts
    assert stamps(build / "rows") == rows


def test_changed_document_alone_is_reformatted(built) -> None:
    raw, out, build = built
    rows_before = stamps(build / "rows")
    assert B in doc_ids(out, "actors")
    mentions = build / "mentions" / f"{B}.json"
    write_json(mentions, {**read_json(mentions), "actors": []})
    tables.merge(build, out, raw)
    rows_after = stamps(build / "rows")
    assert rows_after[f"{A}.json"] == rows_before[f"{A}.json"]
    assert rows_after[f"{B}.json"] != rows_before[f"{B}.json"]
    assert B not in doc_ids(out, "actors")
    assert A in doc_ids(out, "actors")


def test_missing_text_file_is_written_again(built) -> None:
    raw, out, build = built
    (out / "text" / f"{A}.txt").unlink()
    tables.merge(build, out, raw)
    assert (out / "text" / f"{A}.txt").read_text(encoding="utf-8") == \
        read_json(build / "text" / f"{A}.json")["text"]


def test_vanished_document_loses_its_rows_text_and_fragment(built) -> None:
    raw, out, build = built
    entries = read_json(build / "docs.json")
    write_json(build / "docs.json", [e for e in entries if e["doc_id"] != B])
    for stage in ("text", "mentions"):  # as the plan does for a file gone from the raw folder
        (build / stage / f"{B}.json").unlink()
    tables.merge(build, out, raw)
    assert doc_ids(out, "documents") == {A}
    assert not (out / "text" / "sub").exists()
    assert not (build / "rows" / "sub").exists()


def test_a_new_output_folder_gets_every_text_and_the_same_tables(built, tmp_path) -> None:
    raw, out, build = built
    other = tmp_path / "other"
    (other / "text").mkdir(parents=True)
    (other / "text" / "stale.txt").write_text("from another build", encoding="utf-8")
    tables.merge(build, other, raw)
    assert sorted(stamps(other / "text")) == [f"{A}.txt", f"{B}.txt"]
    for name in ("documents", "dates", "symbols", "places", "actors"):
        assert (other / f"{name}.csv").read_bytes() == (out / f"{name}.csv").read_bytes()
