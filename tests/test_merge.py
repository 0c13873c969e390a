"""The streaming merge: what it reads and rewrites follows what changed, not the size of the
corpus, and an incremental merge writes the bytes a merge from scratch writes."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from pipeline import cli, tables
from pipeline.files import read_json, write_json
from tests.conftest import real_doc

A, B, C = "004_42a0f7cf2bba071a", "sub/000_3347f42460fb647e", "un-sc-prst-1994-10"
TABLES = ("documents", "dates", "symbols", "places", "actors")


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("merge")
    raw, build = base / "raw", base / "build"
    (raw / "sub").mkdir(parents=True)
    shutil.copy(real_doc("004_42a0f7cf2bba071a.txt"), raw)
    shutil.copy(real_doc("000_3347f42460fb647e.txt"), raw / "sub")
    shutil.copy(real_doc("un-sc-prst-1994-10.txt"), raw)
    (raw / "notes.docx").write_bytes(b"not a document the pipeline reads")  # an error row
    cli.run_all(raw, base / "out", build)
    return base


@pytest.fixture
def built(pristine, tmp_path) -> tuple[Path, Path, Path]:
    """A copy of the three-document build, merged once into a fresh output folder."""
    shutil.copytree(pristine, tmp_path / "copy", symlinks=True)
    raw, out, build = (tmp_path / "copy" / name for name in ("raw", "out", "build"))
    shutil.rmtree(out)
    tables.merge(build, out, raw)
    return raw, out, build


@pytest.fixture
def formatted(monkeypatch) -> list[str]:
    """The doc_id of every document the merge reads and formats (rather than copies)."""
    seen = []
    original = tables.rendered

    def spy(doc: dict, found: dict):
        seen.append(doc["doc_id"])
        return original(doc, found)

    monkeypatch.setattr(tables, "rendered", spy)
    return seen


def stamps(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns
            for p in folder.rglob("*") if p.is_file()}


def doc_ids(out: Path, table: str) -> set[str]:
    with (out / f"{table}.csv").open(newline="", encoding="utf-8") as fh:
        return {row["doc_id"] for row in csv.DictReader(fh)}


def contents(out: Path) -> dict[str, bytes]:
    """Every table and clean text of an output folder."""
    found = {f"{name}.csv": (out / f"{name}.csv").read_bytes() for name in TABLES}
    found.update({f"text/{rel}": (out / "text" / rel).read_bytes() for rel in stamps(out / "text")})
    return found


def from_scratch(build: Path, raw: Path, folder: Path) -> dict[str, bytes]:
    """What a merge into an empty output folder writes (every document formatted)."""
    tables.merge(build, folder, raw)
    return contents(folder)


def drop_entry(build: Path, doc_id: str) -> None:
    """Forget a document as the plan does when its file leaves the raw folder."""
    entries = read_json(build / "docs.json")
    write_json(build / "docs.json", [e for e in entries if e["doc_id"] != doc_id])
    key = next(e["key"] for e in entries if e["doc_id"] == doc_id)
    for stage in ("text", "mentions"):
        (build / stage / f"{key}.json").unlink()


def without_actors(build: Path, key: str) -> None:
    mentions = build / "mentions" / f"{key}.json"
    write_json(mentions, {**read_json(mentions), "actors": []})


def test_unchanged_build_formats_nothing_and_rewrites_no_text(built, formatted) -> None:
    raw, out, build = built
    texts, before = stamps(out / "text"), contents(out)
    assert sorted(texts) == sorted([f"{A}.txt", f"{B}.txt", f"{C}.txt"])
    tables.merge(build, out, raw)
    assert formatted == []
    assert stamps(out / "text") == texts
    assert contents(out) == before


def test_changed_document_alone_is_formatted(built, formatted, tmp_path) -> None:
    raw, out, build = built
    assert B in doc_ids(out, "actors")
    without_actors(build, B)
    tables.merge(build, out, raw)
    assert formatted == [B]
    assert B not in doc_ids(out, "actors")
    assert {A, C} <= doc_ids(out, "actors")
    assert contents(out) == from_scratch(build, raw, tmp_path / "scratch")


def test_added_removed_and_changed_documents_merge_as_from_scratch(built, formatted,
                                                                   tmp_path) -> None:
    raw, out, build = built
    entries = read_json(build / "docs.json")
    write_json(build / "docs.json", [e for e in entries if e["doc_id"] != C])
    tables.merge(build, out, raw)  # C not yet there
    assert C not in doc_ids(out, "documents")
    formatted.clear()
    write_json(build / "docs.json", entries)  # C added
    drop_entry(build, A)  # A removed
    without_actors(build, B)  # B changed
    tables.merge(build, out, raw)
    assert sorted(formatted) == sorted([B, C])
    assert doc_ids(out, "documents") == {B, C, "notes"}
    assert not (out / "text" / f"{A}.txt").exists()
    assert contents(out) == from_scratch(build, raw, tmp_path / "scratch")


def test_table_edited_by_hand_is_written_again_in_full(built, formatted, tmp_path) -> None:
    raw, out, build = built
    with (out / "places.csv").open("a", encoding="utf-8", newline="") as fh:
        fh.write("a row typed in by hand\r\n")
    tables.merge(build, out, raw)
    assert sorted(formatted) == sorted([A, B, C])
    assert contents(out) == from_scratch(build, raw, tmp_path / "scratch")


def test_missing_text_file_is_written_again(built) -> None:
    raw, out, build = built
    (out / "text" / f"{A}.txt").unlink()
    tables.merge(build, out, raw)
    assert (out / "text" / f"{A}.txt").read_text(encoding="utf-8") == \
        read_json(build / "text" / f"{A}.json")["text"]


def test_vanished_document_loses_its_rows_and_text(built, tmp_path) -> None:
    raw, out, build = built
    drop_entry(build, B)
    tables.merge(build, out, raw)
    assert doc_ids(out, "documents") == {A, C, "notes"}
    assert not (out / "text" / "sub").exists()
    assert contents(out) == from_scratch(build, raw, tmp_path / "scratch")


def test_a_new_output_folder_gets_every_text_and_the_same_tables(built, tmp_path) -> None:
    raw, out, build = built
    other = tmp_path / "other"
    (other / "text").mkdir(parents=True)
    (other / "text" / "stale.txt").write_text("from another build", encoding="utf-8")
    tables.merge(build, other, raw)
    assert sorted(stamps(other / "text")) == sorted([f"{A}.txt", f"{B}.txt", f"{C}.txt"])
    assert contents(other) == contents(out)
