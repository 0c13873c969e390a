"""Plan a build: list the files of a raw folder, give each a document id and a make-safe key,
and write what the Makefile needs. Standard library only: it runs before `.venv` exists.

    python3 -m pipeline.plan RAW BUILD [NAME=value ...]

Writes (each only when its content changes, so make sees no change where there is none):
  BUILD/code/settings  the extraction's settings given (NAME=value, one a line), on which the
                    extract stamp depends
  BUILD/docs.json   every file in RAW: key, doc_id, source, format, and an error where the file
                    cannot be a document (unsupported type, duplicate id, link leaving RAW);
                    one entry per line in (doc_id, source) order, so the merge can stream it
  BUILD/docs.mk     `DOCS := key ...`, the documents make builds
  BUILD/src/KEY.EXT a symbolic link to the raw file, so make never sees a path with spaces
  BUILD/seen        what it saw of each file (size, date, inode): when the next plan sees the
                    same, it stops there; where a file differs, its outputs are deleted
It also deletes the intermediate files of documents that are no longer in RAW.
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass, fields
from pathlib import Path

from pipeline.files import write_atomic, write_if_changed

FORMATS = {".txt": "txt", ".pdf": "pdf"}
# make splits on spaces and treats %, :, #, $, = and quotes specially: such ids get a hashed key
MAKE_SAFE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._+/-]*")
STAGE_DIRS = ("text", "mentions")
PLAN_FILES = ("docs.json", "docs.mk")
SEEN = "seen"  # BUILD/seen: what the last complete plan saw of the raw folder (seen_records)


@dataclass(frozen=True)
class SourceFile:
    """One file found in the raw folder."""

    key: str  # make-safe name of the document's intermediate files
    doc_id: str
    source: str  # path relative to the raw folder
    format: str
    error: str = ""


FIELDS = [f.name for f in fields(SourceFile)]


def doc_key(doc_id: str) -> str:
    if MAKE_SAFE.fullmatch(doc_id) and "//" not in doc_id and not doc_id.startswith("_h_"):
        return doc_id
    import hashlib  # here: most ids need none, and the plan's start counts on every `make`

    return "_h_" + hashlib.sha1(doc_id.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def list_raw(raw: Path) -> list[tuple[str, os.DirEntry]]:
    """Every file below RAW as (path relative to RAW, its directory entry), sorted by path;
    hidden files and folders are skipped, and so are links to folders. Plain strings and
    os.scandir, not pathlib: this runs on every `make`, for every file."""
    found: list[tuple[str, os.DirEntry]] = []

    def walk(folder: str, prefix: str) -> None:
        with os.scandir(folder) as listing:
            for entry in listing:
                if entry.name.startswith("."):
                    continue
                if entry.is_dir():
                    if not entry.is_symlink():
                        walk(entry.path, prefix + entry.name + "/")
                else:
                    found.append((prefix + entry.name, entry))

    walk(str(raw), "")
    found.sort(key=lambda item: item[0])
    return found


def suffix_of(name: str) -> str:
    """The file's extension as pathlib gives it (`a.txt` → `.txt`; `a.` and `.a` → ``)."""
    i = name.rfind(".")
    return name[i:] if 0 < i < len(name) - 1 else ""


def plan(raw: Path, listing: list[tuple[str, os.DirEntry]] | None = None) -> list[SourceFile]:
    raw_real = os.path.realpath(raw)
    planned: list[SourceFile] = []
    seen: dict[str, str] = {}
    for rel, entry in list_raw(raw) if listing is None else listing:
        suffix = suffix_of(entry.name)
        lower = suffix.lower()
        doc_id = rel[: -len(suffix)] if suffix else rel
        fmt = FORMATS.get(lower, lower.lstrip(".") or "none")
        error = ""
        if lower not in FORMATS:
            error = (f"unsupported file type '{suffix or '(none)'}': convert it to PDF or "
                     "plain text (.txt) and add that instead")
        elif entry.is_symlink() and not _inside(os.path.realpath(entry.path), raw_real):
            error = ("symbolic link to a file outside the raw folder: copy the file into the "
                     "raw folder instead")
        elif not entry.is_file():
            error = "not a regular file (a broken link or a device): replace it with the file"
        elif doc_id in seen:
            error = (f"same document id as '{seen[doc_id]}' (names differ only in extension): "
                     "rename one of the two files")
        if not error:
            seen[doc_id] = rel
        planned.append(SourceFile(doc_key(doc_id), doc_id, rel, fmt, error))
    return planned


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def sync_links(build: Path, raw: Path, docs: list[SourceFile], now: dict[str, str],
               last: dict[str, str] | None, last_keys: set[str] | None) -> None:
    """Point BUILD/src/KEY.EXT at each raw file, remove links and outputs of vanished files, and
    the outputs of a file replaced by one make would not see as newer (copied with its old
    date, or a .txt turned .pdf), so it is built again. `now` and `last` hold what this plan
    and the last one saw of each file (see `seen_records`), `last_keys` the documents the last
    one built; without them (a first plan, or one interrupted) every link is checked and
    whatever is there swept."""
    src, raw_abs = str(build / "src"), str(raw.absolute())
    keys = {d.key for d in docs if not d.error}
    for d in docs:
        if d.error:
            continue
        if last is not None and d.key in last_keys and last.get(d.source) == now[d.source]:
            continue  # as the last plan saw it: its link is in place, its outputs stand
        link, target = f"{src}/{d.key}.{d.format}", os.path.join(raw_abs, d.source)
        if last is not None:  # new or replaced: what was built from it before goes
            for stage in STAGE_DIRS:
                Path(build, stage, f"{d.key}.json").unlink(missing_ok=True)
            for fmt in FORMATS.values():
                if fmt != d.format and os.path.islink(f"{src}/{d.key}.{fmt}"):
                    os.unlink(f"{src}/{d.key}.{fmt}")
        try:
            if os.readlink(link) == target:
                continue
        except OSError:
            pass
        os.makedirs(os.path.dirname(link), exist_ok=True)
        tmp = link + ".tmp"
        if os.path.lexists(tmp):
            os.unlink(tmp)
        os.symlink(target, tmp)
        os.replace(tmp, link)
    if last is None:
        wanted = {f"{d.key}.{d.format}" for d in docs if not d.error}
        links = [rel for rel, _path in _files_below(src) if rel not in wanted]
        outputs = [rel[: -len(".json")] for stage in STAGE_DIRS
                   for rel, _path in _files_below(str(build / stage)) if rel.endswith(".json")]
    else:
        links = [f"{key}.{fmt}" for key in last_keys - keys for fmt in FORMATS.values()]
        outputs = list(last_keys - keys)
    for rel in links:
        if os.path.islink(f"{src}/{rel}"):
            os.unlink(f"{src}/{rel}")
    for key in outputs:
        if key not in keys:
            for stage in STAGE_DIRS:
                Path(build, stage, f"{key}.json").unlink(missing_ok=True)


def _files_below(folder: str) -> list[tuple[str, str]]:
    """(path relative to folder, path) of every file and link below folder."""
    found = []
    for here, dirs, files in os.walk(folder):
        prefix = os.path.relpath(here, folder).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        found += [(prefix + name, os.path.join(here, name)) for name in files]
        found += [(prefix + name, os.path.join(here, name)) for name in dirs
                  if os.path.islink(os.path.join(here, name))]
    return found


def seen_records(raw: Path, listing: list[tuple[str, os.DirEntry]]) -> str:
    """All the plan reads, as one text: this code's and the raw folder's identity, then per file
    `path NUL link NUL size date inode mode` (the link's target, if it is one), each record
    ended by two NULs (no path holds a NUL). Equal texts, equal plans."""
    me = os.stat(__file__)
    parts = [f"{raw.absolute()}\0{me.st_size} {me.st_mtime_ns}"]
    for rel, entry in listing:
        try:
            st = entry.stat()
            stat = f"{st.st_size} {st.st_mtime_ns} {st.st_ino} {st.st_mode}"
        except OSError:
            stat = "missing"
        link = "l" + os.readlink(entry.path) if entry.is_symlink() else "f"
        parts.append(f"{rel}\0{link}\0{stat}")
    return "\0\0".join(parts)


def by_path(records: str) -> dict[str, str]:
    """A `seen_records` text as path -> that file's record."""
    return {r.partition("\0")[0]: r for r in records.split("\0\0")[1:]}


def json_lines(value: dict | list) -> str:
    """JSON with one entry per line, each encoded by the C encoder: readable, and fast."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ":")).encode
    if isinstance(value, dict):
        lines = [f"{encode(k)}:{encode(v)}" for k, v in sorted(value.items())]
        return "{\n" + ",\n".join(lines) + "\n}\n"
    return "[\n" + ",\n".join(map(encode, value)) + "\n]\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    raw, build, settings = Path(args[0]), Path(args[1]), args[2:]
    if not raw.is_dir():
        print(f"error: the raw folder '{raw}' does not exist; create it and put documents in it",
              file=sys.stderr)
        return 2
    listing = list_raw(raw)
    (build / "todo").mkdir(parents=True, exist_ok=True)  # make's queues of stale documents
    (build / "code").mkdir(exist_ok=True)
    # the extraction's settings (NAME=value), rewritten only when one changes: the extract
    # stamp depends on them, so a changed setting re-extracts every document
    write_if_changed(build / "code" / "settings", "".join(f"{s}\n" for s in settings))
    seen_file, seen = build / SEEN, seen_records(raw, listing)
    last = read_text(seen_file)
    if last == seen and all(os.path.exists(build / f) for f in PLAN_FILES):
        return 0  # the raw folder is as the last plan saw it: what it wrote still holds
    seen_file.unlink(missing_ok=True)  # an interrupted plan must not be trusted
    last_mk = read_text(build / "docs.mk")
    last_keys = set(last_mk.split()[2:]) if last and last_mk else None
    docs = plan(raw, listing)
    sync_links(build, raw, docs, by_path(seen), by_path(last) if last_keys is not None else None,
               last_keys)
    (build / "sources.json").unlink(missing_ok=True)  # what an earlier version kept instead
    in_merge_order = sorted(docs, key=lambda d: (d.doc_id, d.source))
    write_if_changed(build / "docs.json",
                     json_lines([{f: getattr(d, f) for f in FIELDS} for d in in_merge_order]))
    keys = " ".join(d.key for d in docs if not d.error)
    write_if_changed(build / "docs.mk", f"DOCS := {keys}\n")
    write_atomic(seen_file, seen)
    return 0


def read_text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, ValueError):
        return None


if __name__ == "__main__":
    sys.exit(main())
