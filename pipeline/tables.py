"""Merge: the per-document build files → `OUTPUT/*.csv` and `OUTPUT/text/<doc_id>.txt`.

Rows are sorted (doc_id, then start), so the same raw folder always gives byte-identical
tables. Free-text cells a spreadsheet would run as a formula are defused (see
`spreadsheet_safe`); `datapackage.json` describes every table (see `pipeline.schema`).

The merge streams, so its memory does not grow with the corpus, and its work follows the
change. `BUILD/merged.tsv` lists, for each document of the last merge in doc_id order, what its
rows were made from (the signatures of its build files) and how many bytes they take in each
table. The tables are written again in doc_id order, one document at a time: the rows of a
document whose build files did not change are copied as bytes from the last merge's tables
(neighbours in one piece); only a new or changed document is read and formatted, and only its
clean text is written. The index counts only while the tables are those the last merge left
(their size, date and inode, in `BUILD/merged.json`) and the merge code is the same; otherwise
every document is formatted again, which gives the same bytes."""

from __future__ import annotations

import contextlib
import csv
import filecmp
import functools
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import schema
from pipeline.files import FILE_MODE, read_json, write_if_changed, write_json
from pipeline.models import DOCUMENT_EXTRA, MENTION_KINDS, mention_row
from pipeline.plan import doc_key

# OWASP CSV injection: a cell starting with one of these may run as a formula; the apostrophe
# is there so that the escape itself can be undone unambiguously
ESCAPED_START = frozenset("=+-@\t\r'")
# what a document's rows are made by: a change to one of these files formats every document again
MERGE_CODE = tuple(Path(__file__).with_name(name) for name in
                   ("tables.py", "models.py", "schema.py"))
MERGE_STATE = "merged.json"  # BUILD/merged.json: which output the last complete merge wrote
INDEX = "merged.tsv"  # BUILD/merged.tsv: where each document's rows are in the tables
COPY_CHUNK = 1 << 20
# a docs.json entry as the plan writes it, one a line (see `pipeline.plan.json_lines`)
ENTRY_LINE = json.JSONEncoder(ensure_ascii=False, separators=(", ", ":")).encode


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


def rendered(doc: dict, found: dict) -> tuple[str, str, dict[str, bytes]]:
    """A document's rows as CSV bytes per table (in `TABLE_ORDER`), with its status and error."""
    doc_row, mention_rows = document_rows(doc, found)
    parts = {"documents": csv_body("documents", [doc_row]),
             **{kind: csv_body(kind, rows) for kind, rows in mention_rows.items()}}
    return doc_row[9], doc_row[10], {name: parts[name].encode("utf-8") for name in TABLE_ORDER}


def file_signature(path: Path | str) -> list[int]:
    """Changes whenever the file is rewritten: every build file is replaced, never edited."""
    st = os.stat(path)
    return [st.st_size, st.st_mtime_ns, st.st_ino]


def code_stamp() -> str:
    digest = hashlib.sha256()
    for path in MERGE_CODE:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


class TableFiles:
    """The tables, each streamed to a temporary file beside it and moved into place at the end,
    only where its content changed (so make sees no change where there is none). A document's
    rows are either new bytes or a byte range of the last merge's table, copied; neighbouring
    ranges are copied as one."""

    def __init__(self, output: Path, names: tuple[str, ...], last: bool) -> None:
        output.mkdir(parents=True, exist_ok=True)
        self.paths = {name: output / f"{name}.csv" for name in names}
        self.files, self.last, self.pending = {}, {}, {}
        for name in names:
            fd, tmp = tempfile.mkstemp(dir=output, prefix=f".{name}.csv.", suffix=".tmp")
            self.files[name] = (Path(tmp), os.fdopen(fd, "wb"))
            self.files[name][1].write(header(name))
            if last:
                self.last[name] = self.paths[name].open("rb")

    def append(self, name: str, data: bytes) -> None:
        if data:
            self._flush(name)
            self.files[name][1].write(data)

    def copy(self, name: str, start: int, size: int) -> None:
        """Bytes start..start+size of the last merge's table."""
        if not size:
            return
        pending = self.pending.get(name)
        if pending and pending[1] == start:
            self.pending[name] = (pending[0], start + size)
        else:
            self._flush(name)
            self.pending[name] = (start, start + size)

    def _flush(self, name: str) -> None:
        pending = self.pending.pop(name, None)
        if pending is None:
            return
        source, target = self.last[name], self.files[name][1]
        source.seek(pending[0])
        left = pending[1] - pending[0]
        while left:
            chunk = source.read(min(left, COPY_CHUNK))
            if not chunk:
                raise ValueError(f"{self.paths[name]} is shorter than the merge index says")
            target.write(chunk)
            left -= len(chunk)

    def commit(self) -> None:
        for name, (tmp, fh) in self.files.items():
            self._flush(name)
            fh.close()
            target = self.paths[name]
            if target.exists() and filecmp.cmp(tmp, target, shallow=False):
                tmp.unlink()
                if name == "documents":  # make's target: newer than what it was made from
                    os.utime(target)
            else:
                os.chmod(tmp, FILE_MODE)
                os.replace(tmp, target)
        self._close_last()

    def discard(self) -> None:
        for tmp, fh in self.files.values():
            fh.close()
            tmp.unlink(missing_ok=True)
        self._close_last()

    def _close_last(self) -> None:
        for fh in self.last.values():
            fh.close()


@functools.cache
def header(table: str) -> bytes:
    return to_csv(table, []).encode("utf-8")


@dataclass
class Summary:
    """What the merge reports: the count of documents and the failed ones."""

    documents: int = 0
    errors: list[tuple[str, str]] = field(default_factory=list)  # (source, message)


class MergeState:
    """BUILD/merged.json: which output the last complete merge wrote, with which code, and the
    signatures of the tables it left there. It is removed when a merge starts, so an
    interrupted merge leaves no trust behind."""

    def __init__(self, build: Path, output: Path, code: str) -> None:
        self.file, self.output, self.code = build / MERGE_STATE, str(output.resolve()), code
        try:
            last = read_json(self.file)
        except (OSError, ValueError):
            last = None
        now = self.current()
        # the output is as the last merge left it: its texts need no sweep
        self.output_unchanged = bool(last) and all(
            last.get(k) == now[k] for k in ("output", "tables"))
        # ... and the index describes its tables, for this code: rows can be copied
        self.index_valid = self.output_unchanged and last.get("code") == code
        self.file.unlink(missing_ok=True)

    def current(self) -> dict:
        tables = {}
        for name in TABLE_ORDER:
            path = Path(self.output) / f"{name}.csv"
            tables[name] = file_signature(path) if path.exists() else None
        return {"output": self.output, "code": self.code, "tables": tables}

    def save(self) -> None:
        write_json(self.file, self.current())


class Texts:
    """OUTPUT/text/: a document's clean text is written when it changed or its file is missing.
    When the last complete merge of this build wrote another output (or was interrupted), every
    text is compared and files of no document are removed."""

    def __init__(self, build: Path, output: Path, trusted: bool) -> None:
        self.folder, self.build, self.trusted = output / "text", build, trusted

    def path(self, doc_id: str) -> Path:
        return self.folder / f"{doc_id}.txt"

    def update(self, doc_id: str, text: Callable[[], str] | None, remade: bool) -> None:
        """`text` gives the document's clean text; None: it has none (a failed document)."""
        if text is None:
            if remade or not self.trusted:
                self.remove(doc_id)
            return
        if remade or not self.trusted or not os.path.exists(f"{self.folder}/{doc_id}.txt"):
            write_if_changed(self.path(doc_id), text())

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
        documents still built (whose text, if they have none, update() removed)."""
        if not self.trusted and self.folder.exists():
            for rel, path in files_below(str(self.folder)):
                mentions = f"{self.build}/mentions/{doc_key(rel[:-4])}.json"
                if not (rel.endswith(".txt") and os.path.exists(mentions)):
                    os.unlink(path)


@dataclass
class Indexed:
    """One document of the last merge's index: its docs.json line, key, what its rows were made
    from, their size in bytes in each table, and the start of each in that table."""

    line: str
    key: str
    made_from: str
    sizes: list[int]
    starts: list[int]
    failure: str  # JSON [source, error] of a failed document, else empty

    @functools.cached_property
    def order(self) -> tuple[str, str]:
        entry = json.loads(self.line)
        return entry["doc_id"], entry["source"]


class LastIndex:
    """BUILD/merged.tsv of the last merge, read in step with docs.json: both list the documents
    in (doc_id, source) order, one a line: `docs.json line TAB key TAB made-from TAB sizes TAB
    failure`. Empty when it does not describe the output's tables."""

    def __init__(self, path: Path, valid: bool) -> None:
        self.fh = path.open(encoding="utf-8", newline="\n") if valid and path.exists() else None
        self.starts = [len(header(name)) for name in TABLE_ORDER]
        self.head = self._read()

    def _read(self) -> Indexed | None:
        line = self.fh.readline() if self.fh else ""
        if not line:
            return None
        entry_line, key, made_from, sizes, failure = line.rstrip("\n").split("\t")
        sizes = [int(n) for n in sizes.split()]
        starts = self.starts
        self.starts = [a + b for a, b in zip(starts, sizes, strict=True)]
        return Indexed(entry_line, key, made_from, sizes, starts, failure)

    def take(self, line: str, order: tuple[str, str]) -> tuple[Indexed | None, list[Indexed]]:
        """The indexed document of this docs.json line, if its line is the same, and those
        before it that are gone."""
        gone = []
        while self.head is not None and self.head.line != line and self.head.order < order:
            gone.append(self.head)
            self.head = self._read()
        found = self.head
        if found is not None and (found.line == line or found.order == order):
            self.head = self._read()
            return (found if found.line == line else None), gone
        return None, gone

    def rest(self) -> list[Indexed]:
        gone = []
        while self.head is not None:
            gone.append(self.head)
            self.head = self._read()
        return gone

    def close(self) -> None:
        if self.fh:
            self.fh.close()


def index_line(line: str, key: str, made_from: str, sizes: list[int], status: str,
               source: str, error: str) -> str:
    failure = json.dumps([source, error], ensure_ascii=False) if status == "error" else ""
    return f"{line}\t{key}\t{made_from}\t{' '.join(map(str, sizes))}\t{failure}\n"


def merge(build: Path, output: Path, raw: Path | None = None) -> Summary:
    """Write every table and the clean texts, one document at a time, in doc_id order: the rows
    of a document whose build files did not change are copied from the last merge's tables."""
    state = MergeState(build, output, code_stamp())
    last = LastIndex(build / INDEX, state.index_valid)
    texts = Texts(build, output, state.output_unchanged)
    tables = TableFiles(output, TABLE_ORDER, state.index_valid)
    shutil.rmtree(build / "rows", ignore_errors=True)  # the fragments of an earlier version
    index_fd, index_tmp = tempfile.mkstemp(dir=build, prefix=f".{INDEX}.", suffix=".tmp")
    summary = Summary()
    previous_id = None
    try:
        with os.fdopen(index_fd, "w", encoding="utf-8", newline="\n") as index:
            for line, entry in docs_lines(build / "docs.json"):
                summary.documents += 1
                doc_id = entry["doc_id"]
                same, gone = last.take(line, (doc_id, entry["source"]))
                for old in gone:  # its document left the raw folder, or is another's now
                    if old.failure == "" and old.order[0] not in (doc_id, previous_id):
                        texts.remove(old.order[0])
                previous_id = doc_id
                index.write(merge_document(build, raw, entry, line, same, tables, texts,
                                           summary))
            for old in last.rest():
                if old.failure == "" and old.order[0] != previous_id:
                    texts.remove(old.order[0])
        last.close()
        tables.commit()
    except BaseException:
        last.close()
        tables.discard()
        Path(index_tmp).unlink(missing_ok=True)
        raise
    os.chmod(index_tmp, FILE_MODE)
    os.replace(index_tmp, build / INDEX)
    write_if_changed(output / "datapackage.json",
                     json.dumps(schema.descriptor(), indent=2, ensure_ascii=False) + "\n")
    texts.finish()
    state.save()
    return summary


def merge_document(build: Path, raw: Path | None, entry: dict, line: str, same: Indexed | None,
                   tables: TableFiles, texts: Texts, summary: Summary) -> str:
    """Append one document's rows to the tables, update its text; returns its index line."""
    if entry["error"]:  # the plan refused the file: its row only, made again every time
        row = error_row(entry, raw)
        data = csv_body("documents", [row]).encode("utf-8")
        tables.append("documents", data)
        summary.errors.append((entry["source"], entry["error"]))
        sizes = [len(data) if name == "documents" else 0 for name in TABLE_ORDER]
        return index_line(line, "", "", sizes, "error", entry["source"], entry["error"])
    key, doc_id = entry["key"], entry["doc_id"]
    text_json, mentions_json = f"{build}/text/{key}.json", f"{build}/mentions/{key}.json"
    made_from = " ".join(map(str, file_signature(text_json) + file_signature(mentions_json)))
    if same is not None and same.key == key and same.made_from == made_from:
        for name, start, size in zip(TABLE_ORDER, same.starts, same.sizes, strict=True):
            tables.copy(name, start, size)
        if same.failure:
            summary.errors.append(tuple(json.loads(same.failure)))
        texts.update(doc_id, None if same.failure else lambda: read_json(Path(text_json))["text"],
                     remade=False)
        return f"{line}\t{key}\t{made_from}\t{' '.join(map(str, same.sizes))}\t{same.failure}\n"
    doc = read_json(Path(text_json))
    status, error, parts = rendered(doc, read_json(Path(mentions_json)))
    for name, data in parts.items():
        tables.append(name, data)
    if status == "error":
        summary.errors.append((doc["source"], error))
    texts.update(doc_id, (lambda: doc["text"]) if status == "ok" else None, remade=True)
    sizes = [len(parts[name]) for name in TABLE_ORDER]
    return index_line(line, key, made_from, sizes, status, doc["source"], error)


def docs_lines(path: Path) -> Iterator[tuple[str, dict]]:
    """docs.json's entries in (doc_id, source) order, each with its line, streamed line by line
    as the plan writes them (sorted, one per line); a file in another layout is read whole and
    sorted."""
    with path.open(encoding="utf-8", newline="\n") as fh:
        if fh.readline().strip() != "[":
            fh.seek(0)
            entries = sorted(json.load(fh), key=lambda e: (e["doc_id"], e["source"]))
            yield from ((ENTRY_LINE(e), e) for e in entries)
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
            yield line, entry


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

