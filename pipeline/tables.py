"""Merge: the per-document build files → `OUTPUT/*.csv` and `OUTPUT/text/<doc_id>.txt`.

Rows are sorted (doc_id, then start), so the same raw folder always gives byte-identical
tables. Free-text cells a spreadsheet would run as a formula are defused (see
`spreadsheet_safe`); `datapackage.json` describes every table (see `pipeline.schema`).

The merge streams, so its memory does not grow with the corpus and its work follows the change:
each document's rows are formatted once into a fragment, `BUILD/rows/KEY.json`, kept while the
document's build files and this code stay the same; the tables are the fragments appended in
doc_id order, one document in memory at a time; a clean text is written only for a document
whose fragment was remade (or whose text file is missing)."""

from __future__ import annotations

import contextlib
import csv
import filecmp
import hashlib
import io
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import schema
from pipeline.files import FILE_MODE, read_json, write_if_changed, write_json
from pipeline.models import DOCUMENT_EXTRA, MENTION_KINDS, mention_row
from pipeline.plan import doc_key

# OWASP CSV injection: a cell starting with one of these may run as a formula; the apostrophe
# is there so that the escape itself can be undone unambiguously
ESCAPED_START = frozenset("=+-@\t\r'")
# what a fragment is made by: a change to either file remakes every fragment
FRAGMENT_CODE = tuple(Path(__file__).with_name(name) for name in
                      ("tables.py", "models.py", "schema.py"))
MERGE_STATE = "merged.json"  # BUILD/merged.json: which output the last complete merge wrote


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


# every table, documents last: it is make's target, so it is moved into place after the others
TABLE_ORDER = (*MENTION_KINDS, "documents")


def csv_body(table: str, rows: list[list]) -> str:
    """The CSV lines of `rows` without the header line (to_csv formats them)."""
    return to_csv(table, rows)[len(to_csv(table, [])):]


def file_sha256(path: Path) -> str:
    try:
        with path.open("rb") as fh:
            return hashlib.file_digest(fh, "sha256").hexdigest()
    except OSError:
        return ""


def error_row(entry: dict, raw: Path | None) -> list:
    """The documents.csv row of a file the plan already refused (unsupported, duplicate...)."""
    sha = file_sha256(raw / entry["source"]) if raw else ""
    return [entry["doc_id"], entry["source"], entry["format"], sha, "", "", "", "", "", "error",
            entry["error"], *[""] * len(DOCUMENT_EXTRA)]


def document_rows(doc: dict, found: dict) -> tuple[list, dict[str, list[list]]]:
    """One document's documents.csv row and its mention rows per table, sorted by start."""
    status, error = doc["status"], doc["error"] or found.get("error", "")
    if error:
        status = "error"
    doc_row = [
        doc["doc_id"], doc["source"], doc["format"], doc["sha256"],
        len(doc["page_starts"]) if status == "ok" else "",
        len(doc["text"]) if status == "ok" else "",
        found.get("title", ""), found.get("symbol", ""), found.get("date", ""), status, error,
        found.get("date_source", ""),
        "; ".join([*doc.get("warnings", []), *found.get("warnings", [])]),
        found.get("kind", ""), found.get("letter_date", ""),
        doc.get("text_source", "") if status == "ok" else "",
        _confidence(doc.get("ocr_confidence")) if status == "ok" else "",
    ]
    mention_rows: dict[str, list[list]] = {kind: [] for kind in MENTION_KINDS}
    if status == "ok":
        starts = doc["page_starts"]
        for kind, cls in MENTION_KINDS.items():
            rows = [list(mention_row(doc["doc_id"], starts, cls(*values)).values())
                    for values in found.get(kind, [])]
            mention_rows[kind] = sorted(rows, key=lambda r: (r[2], r[3], [str(v) for v in r]))
    return doc_row, mention_rows


def _confidence(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


def fragment(doc: dict, found: dict, made_from: list, code: str) -> dict:
    """A document's rows as CSV text per table, and what they were made from."""
    doc_row, mention_rows = document_rows(doc, found)
    return {
        "from": made_from, "code": code, "doc_id": doc_row[0], "source": doc_row[1],
        "status": doc_row[9], "error": doc_row[10],
        "tables": {"documents": csv_body("documents", [doc_row]),
                   **{k: csv_body(k, rows) for k, rows in mention_rows.items()}},
    }


def file_signature(path: Path | str) -> list[int]:
    """Changes whenever the file is rewritten: every build file is replaced, never edited."""
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def code_stamp() -> str:
    digest = hashlib.sha256()
    for path in FRAGMENT_CODE:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class TableFiles:
    """The tables, each streamed to a temporary file beside it and moved into place at the end,
    only where its content changed (so make sees no change where there is none)."""

    def __init__(self, output: Path, names: tuple[str, ...]) -> None:
        output.mkdir(parents=True, exist_ok=True)
        self.paths = {name: output / f"{name}.csv" for name in names}
        self.files = {}
        for name in names:
            fd, tmp = tempfile.mkstemp(dir=output, prefix=f".{name}.csv.", suffix=".tmp")
            self.files[name] = (Path(tmp), os.fdopen(fd, "w", encoding="utf-8", newline=""))
            self.files[name][1].write(to_csv(name, []))

    def append(self, name: str, text: str) -> None:
        self.files[name][1].write(text)

    def commit(self) -> None:
        for name, (tmp, fh) in self.files.items():
            fh.close()
            target = self.paths[name]
            if target.exists() and filecmp.cmp(tmp, target, shallow=False):
                tmp.unlink()
                if name == "documents":  # make's target: newer than what it was made from
                    os.utime(target)
            else:
                os.chmod(tmp, FILE_MODE)
                os.replace(tmp, target)

    def discard(self) -> None:
        for tmp, fh in self.files.values():
            fh.close()
            tmp.unlink(missing_ok=True)


@dataclass
class Summary:
    """What the merge reports: the count of documents and the failed ones."""

    documents: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, message)


class Texts:
    """OUTPUT/text/: a document's clean text is written when its fragment was remade or its
    file is missing. When the last complete merge of this build wrote another output (or was
    interrupted), every text is compared and files of no document are removed."""

    def __init__(self, build: Path, output: Path) -> None:
        self.folder = output / "text"
        self.state_file, self.output = build / MERGE_STATE, str(output.resolve())
        self.trusted = self._state() == self._expected_state()
        self.state_file.unlink(missing_ok=True)  # an interrupted merge leaves no trust behind
        self.rows_dir = build / "rows"

    def _expected_state(self) -> dict:
        csv_file = Path(self.output) / "documents.csv"
        return {"output": self.output,
                "documents.csv": file_signature(csv_file) if csv_file.exists() else None}

    def _state(self) -> dict | None:
        try:
            return read_json(self.state_file)
        except (OSError, ValueError):
            return None

    def path(self, doc_id: str) -> Path:
        return self.folder / f"{doc_id}.txt"

    def update(self, doc_id: str, has_text: bool, remade: bool, text_json: Path) -> None:
        if not has_text:
            if remade or not self.trusted:
                self.remove(doc_id)
            return
        if remade or not self.trusted or not os.path.exists(f"{self.folder}/{doc_id}.txt"):
            write_if_changed(self.path(doc_id), read_json(text_json)["text"])

    def remove(self, doc_id: str) -> None:
        path = self.path(doc_id)
        if path.exists():
            path.unlink()
            for parent in path.parents:
                if parent == self.folder or not parent.is_relative_to(self.folder):
                    break
                if any(parent.iterdir()):
                    break
                parent.rmdir()

    def finish(self) -> None:
        """After the tables: sweep the folder where it was not trusted, keeping the texts of
        documents with a fragment (whose text, if they have none, update() removed)."""
        if not self.trusted and self.folder.exists():
            for rel, path in files_below(str(self.folder)):
                fragment_file = f"{self.rows_dir}/{doc_key(rel[:-4])}.json"
                if not (rel.endswith(".txt") and os.path.exists(fragment_file)):
                    os.unlink(path)
        write_json(self.state_file, self._expected_state())


def merge(build: Path, output: Path, raw: Path | None = None) -> Summary:
    """Write every table and the clean texts, one document at a time, in doc_id order."""
    rows_dir, code = build / "rows", code_stamp()
    texts = Texts(build, output)
    tables = TableFiles(output, TABLE_ORDER)
    summary = Summary()
    try:
        for entry in read_entries(build / "docs.json"):
            summary.documents += 1
            if entry["error"]:
                row = error_row(entry, raw)
                tables.append("documents", csv_body("documents", [row]))
                summary.errors.append((entry["source"], entry["error"]))
                continue
            part, remade, text_json = current_fragment(build, rows_dir, entry["key"], code)
            for name, text in part["tables"].items():
                tables.append(name, text)
            if part["status"] == "error":
                summary.errors.append((part["source"], part["error"]))
            texts.update(part["doc_id"], part["status"] == "ok", remade, text_json)
        remove_stale_fragments(build, rows_dir, texts)
    except BaseException:
        tables.discard()
        raise
    write_if_changed(output / "datapackage.json",
                     json.dumps(schema.descriptor(), indent=2, ensure_ascii=False) + "\n")
    tables.commit()
    texts.finish()
    return summary


def current_fragment(build: Path, rows_dir: Path, key: str, code: str) -> tuple[dict, bool, Path]:
    """The document's fragment, remade when its build files or the merge code changed.
    Returns (fragment, remade, path of its text json). Plain string paths: this runs for every
    document on every merge."""
    text_json, mentions_json = f"{build}/text/{key}.json", f"{build}/mentions/{key}.json"
    made_from = [file_signature(text_json), file_signature(mentions_json)]
    path = f"{rows_dir}/{key}.json"
    try:
        with open(path, "rb") as fh:
            part = json.loads(fh.read())
        if part["from"] == made_from and part["code"] == code:
            return part, False, Path(text_json)
    except (OSError, ValueError, KeyError, TypeError):
        pass
    part = fragment(read_json(Path(text_json)), read_json(Path(mentions_json)), made_from, code)
    write_json(Path(path), part)
    return part, True, Path(text_json)


def read_entries(path: Path) -> Iterator[dict]:
    """docs.json's entries in (doc_id, source) order, streamed line by line as the plan writes
    them (sorted, one per line); a file in another layout is read whole and sorted."""
    with path.open(encoding="utf-8") as fh:
        if fh.readline().strip() != "[":
            fh.seek(0)
            yield from sorted(json.load(fh), key=lambda e: (e["doc_id"], e["source"]))
            return
        previous = None
        for line in fh:
            line = line.strip().removesuffix(",")
            if line in ("", "]"):
                continue
            entry = json.loads(line)
            order = (entry["doc_id"], entry["source"])
            if previous is not None and order < previous:
                raise ValueError(f"{path} is not in doc_id order: run `make` to plan again")
            previous = order
            yield entry


def remove_stale_fragments(build: Path, rows_dir: Path, texts: Texts) -> None:
    """Delete the fragments (and clean texts) of documents no longer built: the plan removed
    their mentions when their file left the raw folder or became unreadable."""
    for rel, path in files_below(str(rows_dir)):
        key = rel.removesuffix(".json")
        if rel.endswith(".json") and os.path.exists(f"{build}/mentions/{key}.json"):
            continue
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            texts.remove(read_json(Path(path))["doc_id"])
        os.unlink(path)


def files_below(folder: str, prefix: str = "") -> Iterator[tuple[str, str]]:
    """(path relative to folder, path) of each file below folder, one directory listing at a
    time (never the whole tree in memory); a folder left empty is removed."""
    if not os.path.isdir(folder):
        return
    with os.scandir(folder) as listing:
        for entry in listing:
            if entry.is_dir(follow_symlinks=False):
                yield from files_below(entry.path, f"{prefix}{entry.name}/")
                with contextlib.suppress(OSError):
                    os.rmdir(entry.path)  # only when empty
            else:
                yield prefix + entry.name, entry.path


def summary_text(summary: Summary) -> str:
    errors = summary.errors
    lines = [f"  error: {source}: {message}" for source, message in errors]
    lines.append(f"{summary.documents} documents: {summary.documents - len(errors)} ok, "
                 f"{len(errors)} error{'s' if len(errors) != 1 else ''}"
                 + (" (see documents.csv)" if errors else ""))
    return "\n".join(lines)


def main(build: Path, output: Path, raw: Path | None) -> int:
    summary = merge(build, output, raw)
    print(summary_text(summary), file=sys.stderr)
    return 0

