"""End to end: the real `make` on a temporary raw folder, as a user runs it."""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT, real_doc

CONTRACT = {  # docs/TABLES.md: these columns first, in this order
    "documents": ["doc_id", "source", "format", "sha256", "pages", "chars", "title", "symbol",
                  "date", "status", "error"],
    "dates": ["doc_id", "page", "start", "end", "text", "date_start", "date_end", "precision",
              "kind"],
    "symbols": ["doc_id", "page", "start", "end", "text", "symbol", "body", "doc_type",
                "session", "number", "date", "pinpoint", "relation"],
    "places": ["doc_id", "page", "start", "end", "text", "place", "place_type", "country_code",
               "geonames_id", "latitude", "longitude"],
    "actors": ["doc_id", "page", "start", "end", "text", "actor", "actor_type", "role",
               "actor_id"],
}


def make(raw: Path, out: Path, build: Path, *args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    return subprocess.run(
        ["make", f"RAW={raw}", f"OUTPUT={out}", f"BUILD_ROOT={build}", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, check=True,
    )


def read(out: Path, table: str) -> list[dict]:
    with (out / f"{table}.csv").open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    base = tmp_path_factory.mktemp("e2e")
    raw, out, build = base / "raw", base / "out", base / "build"
    (raw / "sub").mkdir(parents=True)
    shutil.copy(real_doc("004_42a0f7cf2bba071a.txt"), raw)
    shutil.copy(real_doc("000_3347f42460fb647e.txt"), raw / "sub")
    (raw / "empty.txt").write_bytes(b"")
    (raw / "notes.docx").write_bytes(b"PK\x03\x04")
    result = make(raw, out, build)
    return raw, out, build, result


def test_contract_headers(built) -> None:
    _, out, _, _ = built
    for table, head in CONTRACT.items():
        with (out / f"{table}.csv").open(newline="", encoding="utf-8") as fh:
            assert next(csv.reader(fh))[: len(head)] == head


def test_documents_rows_and_errors(built) -> None:
    _, out, _, result = built
    docs = {r["doc_id"]: r for r in read(out, "documents")}
    assert sorted(docs) == ["004_42a0f7cf2bba071a", "empty", "notes", "sub/000_3347f42460fb647e"]
    seed = docs["004_42a0f7cf2bba071a"]
    assert (seed["status"], seed["format"], seed["pages"]) == ("ok", "txt", "1")
    assert docs["empty"]["status"] == "error"
    assert docs["empty"]["error"].startswith("empty file")
    assert docs["notes"]["error"].startswith("unsupported file type '.docx'")
    assert "4 documents: 2 ok, 2 errors" in result.stderr


def test_clean_text_written_and_offsets_hold(built) -> None:
    _, out, _, _ = built
    texts = {p.relative_to(out / "text").as_posix()[:-4]: p.read_text(encoding="utf-8")
             for p in (out / "text").rglob("*.txt")}
    assert sorted(texts) == ["004_42a0f7cf2bba071a", "sub/000_3347f42460fb647e"]
    for table in ("dates", "symbols", "places", "actors"):
        rows = read(out, table)
        keys = [(r["doc_id"], int(r["start"])) for r in rows]
        assert keys == sorted(keys), f"{table} not sorted"
        for row in rows:
            text = row["text"][1:] if row["text"].startswith("'") else row["text"]
            assert texts[row["doc_id"]][int(row["start"]) : int(row["end"])] == text


def test_changed_extractor_reextracts_without_reingesting(built) -> None:
    raw, out, build, _ = built
    make(raw, out, build)
    for stamp in build.rglob("code/extract"):  # as when an extractor's file is saved
        os.utime(stamp)  # now: newer than the mentions, which are newer than the raw files
    result = make(raw, out, build)
    assert "extract 3/3 (0 left)" in result.stderr.replace("[1/1] ", "")  # the empty file too
    assert "ingest" not in result.stderr


def test_changed_setting_reextracts_and_the_same_setting_does_not(built) -> None:
    raw, out, build, _ = built
    make(raw, out, build)
    on = make(raw, out, build, "NER_PEOPLE=1")
    assert "extract 3/3 (0 left)" in on.stderr.replace("[1/1] ", "")
    assert "Nothing to be done" in make(raw, out, build, "NER_PEOPLE=1").stdout
    off = make(raw, out, build)
    assert "extract 3/3 (0 left)" in off.stderr.replace("[1/1] ", "")
    assert "ingest" not in on.stderr + off.stderr


def test_incremental_add_remove_and_noop(built) -> None:
    raw, out, build, _ = built
    assert "Nothing to be done" in make(raw, out, build).stdout
    shutil.copy(real_doc("003_dfc7466590605937.txt"), raw / "added.txt")
    added = make(raw, out, build)
    assert "ingest+extract 1/1 (0 left) added" in added.stderr  # that file alone
    assert "added" in {r["doc_id"] for r in read(out, "documents")}
    (raw / "added.txt").unlink()
    make(raw, out, build)
    assert "added" not in {r["doc_id"] for r in read(out, "documents")}
    assert not (out / "text" / "added.txt").exists()


def test_file_replaced_by_an_older_one_is_built_again(built) -> None:
    raw, out, build, _ = built
    target = raw / "004_42a0f7cf2bba071a.txt"
    original = target.read_bytes()
    shutil.copy(real_doc("003_dfc7466590605937.txt"), target)
    os.utime(target, (946684800, 946684800))  # dated 2000: make alone would not see it newer
    result = make(raw, out, build)
    assert "ingest+extract 1/1 (0 left) 004_42a0f7cf2bba071a" in result.stderr
    row = next(r for r in read(out, "documents") if r["doc_id"] == "004_42a0f7cf2bba071a")
    assert row["sha256"] == hashlib.sha256(target.read_bytes()).hexdigest()
    target.write_bytes(original)
    make(raw, out, build)
    row = next(r for r in read(out, "documents") if r["doc_id"] == "004_42a0f7cf2bba071a")
    assert row["sha256"] == hashlib.sha256(original).hexdigest()
