"""The tables as files: spreadsheet escaping of free text only, `datapackage.json` (valid for
Frictionless on a real build), and `pipeline.read_tables` with its types."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import frictionless
import pandas as pd
import pytest

from pipeline import read_tables, schema
from pipeline.tables import to_csv
from tests.conftest import ROOT, real_doc

# seed 004 (A/RES/62/270): `... in New York on 14 and 15 September 2006 ...`, as places.csv has it
NEW_YORK = ["004_42a0f7cf2bba071a", 1, 557, 565, "New York", "New York", "city", "USA", "5128581",
            "40.71427", "-74.00597", ""]


def test_numbers_and_codes_are_written_as_they_are() -> None:
    assert to_csv("places", [NEW_YORK]) == (
        "doc_id,page,start,end,text,place,place_type,country_code,geonames_id,latitude,"
        "longitude,subdivision_code\r\n"
        "004_42a0f7cf2bba071a,1,557,565,New York,New York,city,USA,5128581,40.71427,-74.00597,"
        "\r\n"
    )


def test_free_text_that_a_spreadsheet_would_run_is_escaped() -> None:
    # a file named with a leading dash, its title, a warning; the date and code columns not
    row = ["-leading-dash", "-leading-dash.txt", "txt", "ab" * 32, 1, 40,
           "=HYPERLINK(\"x\")", "A/RES/62/270", "2008-06-20", "ok", "", "masthead",
           "+page 2: could not be read", "", "", "text-layer", ""]
    assert to_csv("documents", [row]).splitlines()[1] == (
        "'-leading-dash,'-leading-dash.txt,txt," + "ab" * 32 + ",1,40,"
        "\"'=HYPERLINK(\"\"x\"\")\",A/RES/62/270,2008-06-20,ok,,masthead,"
        "'+page 2: could not be read,,,text-layer,"
    )


def test_an_apostrophe_at_the_start_of_free_text_is_doubled() -> None:
    row = ["d", 1, 0, 9, "'Ndjamena", "N'Djamena", "city", "TCD", "2427123", "12.10672",
           "15.0444", ""]
    assert to_csv("places", [row]).splitlines()[1] == (
        "d,1,0,9,''Ndjamena,N'Djamena,city,TCD,2427123,12.10672,15.0444,"
    )


def test_every_column_is_described() -> None:
    package = schema.descriptor()
    assert [r["name"] for r in package["resources"]] == [
        "documents", "dates", "symbols", "places", "actors"]
    for resource in package["resources"]:
        fields = resource["schema"]["fields"]
        assert [f["name"] for f in fields] == schema.table_columns(resource["name"])
        assert all(f["description"] for f in fields)
        if resource["name"] != "documents":
            assert resource["schema"]["foreignKeys"] == [{
                "fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}
            }]
    places = {f["name"]: f for f in package["resources"][3]["schema"]["fields"]}
    assert places["geonames_id"]["type"] == "integer"
    assert places["longitude"]["constraints"] == {"minimum": -180, "maximum": 180}
    assert places["place_type"]["constraints"]["enum"] == [
        "country", "city", "region", "continent", "other"]


def write_tables(folder, rows: dict[str, list[list]]) -> None:
    for table in schema.TABLE_NAMES:
        (folder / f"{table}.csv").write_text(to_csv(table, rows.get(table, [])),
                                              encoding="utf-8", newline="")


def test_read_tables_types_values_and_escapes(tmp_path) -> None:
    # a document whose file is `NA.txt`: `NA` is Namibia's code, never a missing value
    na_doc = ["NA", "NA.txt", "txt", "cd" * 32, 1, 12, "", "", "", "ok", "", "", "", "", "",
              "text-file", ""]
    scan = ["note", "note.pdf", "pdf", "ab" * 32, 1, 90, "", "", "2022-03", "ok", "", "", "",
            "note", "", "ocr", "0.99"]
    error = ["-scan", "-scan.pdf", "pdf", "ef" * 32, "", "", "", "", "", "error",
             "not a readable PDF: it is truncated or corrupt; re-download it", "", "", "", "",
             "", ""]
    date = ["NA", 1, 0, 12, "-7 July 2008", "2008-07-07", "2008-07-07", "day", "date", "", "63"]
    place = ["NA", 1, 3, 11, "New York", "New York", "city", "USA", "5128581", "40.71427",
             "-74.00597", ""]
    write_tables(tmp_path, {"documents": [na_doc, scan, error], "dates": [date],
                            "places": [place]})
    tables = read_tables(tmp_path)
    docs, dates, places = tables["documents"], tables["dates"], tables["places"]
    assert docs["doc_id"].tolist() == ["NA", "note", "-scan"]  # the escape of `-scan` undone
    assert str(docs["pages"].dtype) == "Int64"
    assert docs["pages"].isna().tolist() == [False, False, True]
    assert str(docs["ocr_confidence"].dtype) == "Float64"
    assert docs.loc[1, "ocr_confidence"] == 0.99
    assert docs["title"].isna().all() and str(docs["title"].dtype) == "string"
    assert dates["text"].tolist() == ["-7 July 2008"]
    assert dates["session"].tolist() == ["63"] and str(dates["session"].dtype) == "string"
    assert str(places["geonames_id"].dtype) == "Int64"
    assert places.loc[0, "geonames_id"] == 5128581
    assert str(places["longitude"].dtype) == "Float64"
    assert places.loc[0, "longitude"] == -74.00597
    assert tables["actors"].empty and list(tables["actors"].columns) == schema.table_columns(
        "actors")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """`make` on two real documents (a speech naming many countries, the seed resolution), a
    file named `NA.txt`, and one that cannot be read."""
    base = tmp_path_factory.mktemp("package")
    raw, out, build = base / "raw", base / "out", base / "build"
    raw.mkdir()
    shutil.copy(real_doc("gd-2007-bel.txt"), raw)
    shutil.copy(real_doc("004_42a0f7cf2bba071a.txt"), raw / "NA.txt")
    (raw / "-empty.txt").write_bytes(b"")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    subprocess.run(["make", f"RAW={raw}", f"OUTPUT={out}", f"BUILD_ROOT={build}"], cwd=ROOT,
                   env=env, capture_output=True, text=True, check=True)
    return out


def test_datapackage_is_valid_frictionless(built) -> None:
    package = json.loads((built / "datapackage.json").read_text(encoding="utf-8"))
    assert package == schema.descriptor()
    report = frictionless.validate(built / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_numeric_column_of_a_build_parses_as_a_number(built) -> None:
    tables = read_tables(built)
    for table, frame in tables.items():
        for name in frame.columns:
            kind = schema.column(table, name).type
            if kind in ("integer", "number"):
                raw = pd.read_csv(built / f"{table}.csv", dtype=str, keep_default_na=False)[name]
                parsed = pd.to_numeric(raw.replace("", None), errors="coerce")
                assert parsed.notna().sum() == (raw != "").sum(), (table, name)
    assert tables["documents"]["doc_id"].tolist() == ["-empty", "NA", "gd-2007-bel"]


def test_every_place_with_a_geonames_id_has_coordinates(built) -> None:
    places = read_tables(built)["places"]
    with_id = places[places["geonames_id"].notna()]
    assert len(with_id) > 10
    assert with_id["latitude"].notna().all() and with_id["longitude"].notna().all()
    # `the political situation in Burundi`: a country, at its centre (not its capital)
    burundi = with_id[with_id["place"] == "Burundi"].iloc[0]
    assert (burundi["geonames_id"], burundi["latitude"], burundi["longitude"]) == (
        433561, -3.5, 30.0)
