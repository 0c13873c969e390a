"""Plan a build: list the files of a raw folder, give each a document id and a make-safe key,
and write what the Makefile needs. Standard library only: it runs before `.venv` exists.

    python3 -m pipeline.plan RAW BUILD

Writes (each only when its content changes, so make sees no change where there is none):
  BUILD/docs.json   every file in RAW: key, doc_id, source, format, and an error where the file
                    cannot be a document (unsupported type, duplicate id, link leaving RAW);
                    one entry per line in (doc_id, source) order, so the merge can stream it
  BUILD/docs.mk     `DOCS := key ...`, the documents make builds
  BUILD/src/KEY.EXT a symbolic link to the raw file, so make never sees a path with spaces
It also deletes the intermediate files of documents that are no longer in RAW.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from dataclasses import dataclass, fields
from pathlib import Path

from pipeline.files import write_if_changed

FORMATS = {".txt": "txt", ".pdf": "pdf"}
# make splits on spaces and treats %, :, #, $, = and quotes specially: such ids get a hashed key
MAKE_SAFE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._+/-]*")
STAGE_DIRS = ("text", "mentions")


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


def sync_links(build: Path, raw: Path, docs: list[SourceFile],
               stats: dict[str, os.stat_result], before: list[dict] | None = None) -> None:
    """Point BUILD/src/KEY.EXT at each raw file; remove links and outputs of vanished files:
    those of the previous plan (`before`, its docs.json) when known, else whatever is there.
    `stats` holds each raw file's stat by its path relative to RAW."""
    src, raw_abs = str(build / "src"), str(raw.absolute())
    wanted = {f"{d.key}.{d.format}": (os.path.join(raw_abs, d.source), d.source)
              for d in docs if not d.error}
    for rel, (target, _source) in wanted.items():
        link = f"{src}/{rel}"
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
    forget_replaced(build, {rel: (target, stats[source])
                            for rel, (target, source) in wanted.items()})
    keys = {d.key for d in docs if not d.error}
    if before is None:
        links = [rel for rel, _path in _files_below(src)]
        outputs = {stage: [rel[: -len(".json")] for rel, _path in _files_below(str(build / stage))
                           if rel.endswith(".json")] for stage in STAGE_DIRS}
    else:
        links = [f"{d['key']}.{d['format']}" for d in before if not d["error"]]
        outputs = {stage: [d["key"] for d in before] for stage in STAGE_DIRS}
    for rel in links:
        if rel not in wanted and os.path.islink(f"{src}/{rel}"):
            os.unlink(f"{src}/{rel}")
    for stage, old_keys in outputs.items():
        for key in old_keys:
            if key not in keys:
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


def forget_replaced(build: Path, wanted: dict[str, tuple[str, os.stat_result]]) -> None:
    """Delete the outputs of a document whose file was replaced by one make would not see as
    newer (copied with its old date, or a .txt turned .pdf), so it is built again."""
    stamp_file = build / "sources.json"
    try:
        before = json.loads(stamp_file.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        before = {}
    now = {}
    for rel, (target, st) in wanted.items():
        key = rel.rsplit(".", 1)[0]
        now[key] = [target, st.st_size, st.st_mtime_ns, st.st_ino]
        if key in before and before[key] != now[key]:
            for stage in STAGE_DIRS:
                (build / stage / f"{key}.json").unlink(missing_ok=True)
    write_if_changed(stamp_file, json_lines(now))


def json_lines(value: dict | list) -> str:
    """JSON with one entry per line, each encoded by the C encoder: readable, and fast."""
    encode = json.JSONEncoder(ensure_ascii=False, separators=(", ", ":")).encode
    if isinstance(value, dict):
        lines = [f"{encode(k)}:{encode(v)}" for k, v in sorted(value.items())]
        return "{\n" + ",\n".join(lines) + "\n}\n"
    return "[\n" + ",\n".join(map(encode, value)) + "\n]\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    raw, build = Path(args[0]), Path(args[1])
    if not raw.is_dir():
        print(f"error: the raw folder '{raw}' does not exist; create it and put documents in it",
              file=sys.stderr)
        return 2
    listing = list_raw(raw)
    docs = plan(raw, listing)
    sources = {d.source for d in docs if not d.error}
    stats = {rel: entry.stat() for rel, entry in listing if rel in sources}
    (build / "todo").mkdir(parents=True, exist_ok=True)  # make's queues of stale documents
    try:
        before = json.loads((build / "docs.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        before = None
    sync_links(build, raw, docs, stats, before)
    in_merge_order = sorted(docs, key=lambda d: (d.doc_id, d.source))
    write_if_changed(build / "docs.json",
                     json_lines([{f: getattr(d, f) for f in FIELDS} for d in in_merge_order]))
    keys = " ".join(d.key for d in docs if not d.error)
    write_if_changed(build / "docs.mk", f"DOCS := {keys}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
