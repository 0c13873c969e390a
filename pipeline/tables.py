"""Merge: the per-document build files → `OUTPUT/*.csv` and `OUTPUT/text/<doc_id>.txt`.

Rows are sorted (doc_id, then start), so the same raw folder always gives byte-identical
tables. Free-text cells a spreadsheet would run as a formula are defused (see
`spreadsheet_safe`); `datapackage.json` describes every table (see `pipeline.schema`)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sys
from pathlib import Path

from pipeline import schema
from pipeline.files import read_json, write_if_changed
from pipeline.models import DOCUMENT_EXTRA, MENTION_KINDS, mention_row

# OWASP CSV injection: a cell starting with one of these may run as a formula; the apostrophe
# is there so that the escape itself can be undone unambiguously
ESCAPED_START = frozenset("=+-@\t\r'")


def spreadsheet_safe(value):
    """Prefix a risky cell with an apostrophe; a cell that already starts with one gets another,
    so removing one leading apostrophe always recovers the exact value."""
    if isinstance(value, str) and value and value[0] in ESCAPED_START:
        return "'" + value
    return value


def to_csv(table: str, rows: list[list]) -> str:
    """A table as RFC 4180 CSV; only its free-text columns are escaped (numbers, dates,
    identifiers and codes are written as they are: a longitude -74.00597 stays a number)."""
    header = schema.table_columns(table)
    free = [name in schema.free_text(table) for name in header]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180
    writer.writerow(header)
    writer.writerows(
        [spreadsheet_safe(v) if f else v for v, f in zip(row, free, strict=True)] for row in rows
    )
    return buf.getvalue()


def file_sha256(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return ""


def merge(build: Path, output: Path, raw: Path | None = None) -> list[list]:
    """Write every table; return the documents.csv rows."""
    entries = read_json(build / "docs.json")
    doc_rows: list[list] = []
    mention_rows: dict[str, list[list]] = {kind: [] for kind in MENTION_KINDS}
    texts: dict[str, str] = {}
    for entry in entries:
        if entry["error"]:
            sha = file_sha256(raw / entry["source"]) if raw else ""
            doc_rows.append([entry["doc_id"], entry["source"], entry["format"], sha, "", "", "",
                             "", "", "error", entry["error"], *[""] * len(DOCUMENT_EXTRA)])
            continue
        doc = read_json(build / "text" / f"{entry['key']}.json")
        found = read_json(build / "mentions" / f"{entry['key']}.json")
        status, error = doc["status"], doc["error"] or found.get("error", "")
        if error:
            status = "error"
        else:
            texts[doc["doc_id"]] = doc["text"]
        doc_rows.append([
            doc["doc_id"], doc["source"], doc["format"], doc["sha256"],
            len(doc["page_starts"]) if status == "ok" else "",
            len(doc["text"]) if status == "ok" else "",
            found.get("title", ""), found.get("symbol", ""), found.get("date", ""), status,
            error, found.get("date_source", ""),
            "; ".join([*doc.get("warnings", []), *found.get("warnings", [])]),
            found.get("kind", ""), found.get("letter_date", ""),
            doc.get("text_source", "") if status == "ok" else "",
            _confidence(doc.get("ocr_confidence")) if status == "ok" else "",
        ])
        if status != "ok":
            continue
        starts = doc["page_starts"]
        for kind, cls in MENTION_KINDS.items():
            for values in found.get(kind, []):
                row = mention_row(doc["doc_id"], starts, cls(*values))
                mention_rows[kind].append(list(row.values()))
    for kind in MENTION_KINDS:
        rows = sorted(mention_rows[kind], key=lambda r: (r[0], r[2], r[3], [str(v) for v in r]))
        write_if_changed(output / f"{kind}.csv", to_csv(kind, rows))
    write_texts(output / "text", texts)
    doc_rows.sort(key=lambda r: (r[0], r[1]))
    write_if_changed(output / "documents.csv", to_csv("documents", doc_rows))
    write_if_changed(output / "datapackage.json",
                     json.dumps(schema.descriptor(), indent=2, ensure_ascii=False) + "\n")
    return doc_rows


def _confidence(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def write_texts(folder: Path, texts: dict[str, str]) -> None:
    wanted = {folder / f"{doc_id}.txt" for doc_id in texts}
    for doc_id, text in texts.items():
        write_if_changed(folder / f"{doc_id}.txt", text)
    if folder.exists():
        for path in sorted(folder.rglob("*"), reverse=True):
            if path.is_file() and path not in wanted:
                path.unlink()
            elif path.is_dir() and not any(path.iterdir()):
                path.rmdir()


def summary(doc_rows: list[list]) -> str:
    errors = [r for r in doc_rows if r[9] == "error"]
    lines = [f"  error: {r[1]}: {r[10]}" for r in errors]
    lines.append(f"{len(doc_rows)} documents: {len(doc_rows) - len(errors)} ok, "
                 f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
                 + (" (see documents.csv)" if errors else ""))
    return "\n".join(lines)


def main(build: Path, output: Path, raw: Path | None) -> int:
    rows = merge(build, output, raw)
    print(summary(rows), file=sys.stderr)
    return 0
