"""What every column of every table is: the one schema behind the CSV writer's spreadsheet
escaping, `output/datapackage.json` (a Frictionless Data Package) and `read_tables`.

The tables and their column order come from `pipeline.models` (the mention dataclasses and the
documents columns); this module adds, per column name, its type, constraints and meaning. A
column is `free` text when its value comes from a document or a file name: only those are
escaped for spreadsheets (see `tables.spreadsheet_safe`); numbers, dates, identifiers and codes
are written as they are."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.models import DOCUMENT_COLUMNS, DOCUMENT_EXTRA, MENTION_KINDS, columns

ISO_DATE = r"\d{4}(-\d{2}(-\d{2})?)?"  # at the text's precision: 2006-09-14, 2006-09, 2006
ISO_DATE_OR_UNKNOWN_YEAR = r"(\d{4}|XXXX)(-\d{2}(-\d{2})?)?"


@dataclass(frozen=True)
class Column:
    """One column: a Frictionless Table Schema field type, its meaning and its constraints."""

    type: str  # string | integer | number
    description: str
    free: bool = False  # free text from a document or file name: escaped for spreadsheets
    enum: tuple[str, ...] = ()
    pattern: str = ""
    minimum: float | None = None
    maximum: float | None = None


PROVENANCE = {
    "doc_id": Column("string", "The document: the file's path below the raw folder without its "
                     "extension (`ga/res-62-270`).", free=True),
    "page": Column("integer", "1-based page of `start` (PDF page; form-feed page in text files).",
                   minimum=1),
    "start": Column("integer", "Character offset of the mention in output/text/<doc_id>.txt "
                    "(Python str index).", minimum=0),
    "end": Column("integer", "Character offset just after the mention (end exclusive).",
                  minimum=0),
    "text": Column("string", "The mention as it stands: clean_text[start:end].", free=True),
}

# Columns whose meaning is the same wherever they appear, then each table's own.
TABLES: dict[str, dict[str, Column]] = {
    "documents": {
        "doc_id": PROVENANCE["doc_id"],
        "source": Column("string", "Path of the file relative to the raw folder.", free=True),
        "format": Column("string", "`txt` or `pdf` (or the unsupported extension)."),
        "sha256": Column("string", "SHA-256 of the file's bytes.", pattern="[0-9a-f]{64}"),
        "pages": Column("integer", "Page count.", minimum=0),
        "chars": Column("integer", "Length of the clean text.", minimum=0),
        "title": Column("string", "The document's title where one can be found.", free=True),
        "symbol": Column("string", "The document's own UN symbol where it states one "
                         "(`A/RES/62/270`)."),
        "date": Column("string", "The document's own date, ISO 8601.", pattern=ISO_DATE),
        "status": Column("string", "`ok`, or `error` when the file could not be read.",
                         enum=("ok", "error")),
        "error": Column("string", "For `error`: what was wrong, in words a user can act on.",
                        free=True),
        "date_source": Column("string", "Which evidence gave `date` (`masthead`, `adoption`, "
                              "`dateline`, ...)."),
        "warnings": Column("string", "Problems that cost the document part of its rows, "
                           "separated by `; `.", free=True),
        "kind": Column("string", "The kind of document its masthead shows "
                       "(`ga-meeting-record`, `sc-resolution`, `letter`, ...; see "
                       "pipeline/data/document_kinds.toml); empty when none fits."),
        "letter_date": Column("string", "A letter's own date, beside `date`, the day it was "
                              "issued.", pattern=ISO_DATE),
        "text_source": Column("string", "How the text was obtained: `text-file`, "
                              "`text-layer` (a PDF's own text), `ocr` (recognized from the page "
                              "images) or `mixed`.",
                              enum=("text-file", "text-layer", "ocr", "mixed")),
        "ocr_confidence": Column("number", "Mean confidence of the recognized text (0 to 1), "
                                 "for documents read by OCR.", minimum=0, maximum=1),
    },
    "dates": {
        "date_start": Column("string", "ISO 8601 at the precision the text gives; an unknown "
                             "year is `XXXX`.", pattern=ISO_DATE_OR_UNKNOWN_YEAR),
        "date_end": Column("string", "Same form; equal to date_start for a single date, the "
                           "last day of a range.", pattern=ISO_DATE_OR_UNKNOWN_YEAR),
        "precision": Column("string", "Precision of the date.", enum=("day", "month", "year")),
        "kind": Column("string", "`date` stated in full, `range`, `completed` (a part taken "
                       "from the context), `relative` (anchored to the document's date), "
                       "`session` (a UN session).",
                       enum=("date", "range", "completed", "relative", "session")),
        "completion": Column("string", "How a partial or relative date was completed.",
                             free=True),
        "session": Column("string", "The session, for kind=session: a number (`63`) or an "
                          "emergency special session (`ES-10`)."),
    },
    "symbols": {
        "symbol": Column("string", "Canonical UN document symbol as the Official Document "
                         "System writes it (`A/RES/61/208`, `S/RES/1325(2000)`)."),
        "body": Column("string", "First component: the organ (`A`, `S`, `E`, `A/HRC`, ...)."),
        "doc_type": Column("string", "`RES`, `DEC`, `PV`, `L`, ... where the symbol has one."),
        "session": Column("string", "Session or year component (`62`, `2000`, `ES-10`)."),
        "number": Column("string", "The document's number within its series (`270`, `573B`)."),
        "date": Column("string", "ISO date of adoption or issue where the text gives it.",
                       pattern=ISO_DATE),
        "pinpoint": Column("string", "The cited part (`paras. 61 and 62`, `annex`).",
                           free=True),
        "relation": Column("string", "`self` for the document's own symbol, else `cites`.",
                           enum=("self", "cites")),
    },
    "places": {
        "place": Column("string", "Canonical English name (`New York`, `Belgium`).", free=True),
        "place_type": Column("string", "Kind of place.",
                             enum=("country", "city", "region", "continent", "other")),
        "country_code": Column("string", "ISO 3166-1 alpha-3 of the country the place is in.",
                               pattern="[A-Z]{3}"),
        "geonames_id": Column("integer", "GeoNames identifier; empty where GeoNames has no "
                              "record we can name (most regions and physical features).",
                              minimum=1),
        "latitude": Column("number", "Decimal degrees north (WGS 84).",
                           minimum=-90, maximum=90),
        "longitude": Column("number", "Decimal degrees east (WGS 84).",
                            minimum=-180, maximum=180),
        "subdivision_code": Column("string", "ISO 3166-2 code of a first-level subdivision "
                                   "(`IN-GJ` for Gujarat); its country is `country_code`.",
                                   pattern="[A-Z]{2}-[A-Z0-9]{1,3}"),
    },
    "actors": {
        "actor": Column("string", "Canonical name: a person's full name, an organization's "
                        "full name, a member state's UN short name.", free=True),
        "actor_type": Column("string", "Kind of actor.",
                             enum=("person", "organization", "state")),
        "role": Column("string", "For a person, the office in which the text names them.",
                       free=True),
        "actor_id": Column("string", "Wikidata QID where known (`Q31`), else a slug of the "
                           "canonical name."),
    },
}


def table_columns(table: str) -> list[str]:
    """The columns of a table, in order, as the merge writes them."""
    if table == "documents":
        return [*DOCUMENT_COLUMNS, *DOCUMENT_EXTRA]
    return columns(MENTION_KINDS[table])


TABLE_NAMES = ["documents", *MENTION_KINDS]


def column(table: str, name: str) -> Column:
    """What a column of a table is (KeyError for a column this module does not describe)."""
    return TABLES[table].get(name) or PROVENANCE[name]


def free_text(table: str) -> frozenset[str]:
    """The columns of a table that hold free text (escaped for spreadsheets)."""
    return frozenset(n for n in table_columns(table) if column(table, n).free)


def field(table: str, name: str) -> dict:
    """A Frictionless Table Schema field."""
    c = column(table, name)
    out: dict = {"name": name, "type": c.type, "description": c.description}
    if c.type == "string":
        out["format"] = "default"
    constraints: dict = {}
    if c.enum:
        constraints["enum"] = list(c.enum)
    if c.pattern:
        constraints["pattern"] = c.pattern
    if c.minimum is not None:
        constraints["minimum"] = c.minimum
    if c.maximum is not None:
        constraints["maximum"] = c.maximum
    if name == "doc_id" and table == "documents":
        constraints.update(required=True, unique=True)
    if constraints:
        out["constraints"] = constraints
    return out


def descriptor() -> dict:
    """The Data Package of the tables in an output folder (`datapackage.json`)."""
    resources = []
    for table in TABLE_NAMES:
        schema: dict = {
            "fields": [field(table, n) for n in table_columns(table)],
            "missingValues": [""],  # only an empty cell is missing: `NA` is Namibia's code
        }
        if table == "documents":
            schema["primaryKey"] = ["doc_id"]
        else:
            schema["foreignKeys"] = [
                {"fields": ["doc_id"], "reference": {"resource": "documents", "fields": ["doc_id"]}}
            ]
        resources.append({
            "name": table,
            "path": f"{table}.csv",
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "dialect": {"delimiter": ",", "quoteChar": '"', "doubleQuote": True,
                        "header": True, "lineTerminator": "\r\n"},
            "schema": schema,
        })
    return {
        "profile": "tabular-data-package",
        "name": "un-document-tables",
        "title": "Dates, UN document symbols, places and actors in UN documents",
        "description": (
            "One row per mention, with its provenance (doc_id, page, start, end into "
            "text/<doc_id>.txt). Free-text cells that start with = + - @ ' a tab or a carriage "
            "return carry one extra leading apostrophe (spreadsheet safety); pipeline.read_tables "
            "removes it."
        ),
        "resources": resources,
    }
