"""Plan a build: list the files of a raw folder, give each a document id and a make-safe key,
and write what the Makefile needs. Standard library only: it runs before `.venv` exists.

    python3 -m pipeline.plan RAW BUILD

Writes (each only when its content changes, so make sees no change where there is none):
  BUILD/docs.json   every file in RAW: key, doc_id, source, format, and an error where the file
                    cannot be a document (unsupported type, duplicate id, link leaving RAW)
  BUILD/docs.mk     `DOCS := key ...`, the documents make builds
  BUILD/src/KEY.EXT a symbolic link to the raw file, so make never sees a path with spaces
It also deletes the intermediate files of documents that are no longer in RAW.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from dataclasses import asdict, dataclass
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


def doc_key(doc_id: str) -> str:
    if MAKE_SAFE.fullmatch(doc_id) and "//" not in doc_id and not doc_id.startswith("_h_"):
        return doc_id
    return "_h_" + hashlib.sha1(doc_id.encode("utf-8", "surrogateescape")).hexdigest()[:16]


def list_raw(raw: Path) -> list[Path]:
    found = []
    for folder, dirs, files in os.walk(raw):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        found += [Path(folder, f) for f in sorted(files) if not f.startswith(".")]
    return sorted(found, key=lambda p: p.relative_to(raw).as_posix())


def plan(raw: Path) -> list[SourceFile]:
    raw_real = raw.resolve()
    planned: list[SourceFile] = []
    seen: dict[str, str] = {}
    for path in list_raw(raw):
        rel = path.relative_to(raw).as_posix()
        suffix = path.suffix.lower()
        doc_id = rel[: -len(path.suffix)] if path.suffix else rel
        fmt = FORMATS.get(suffix, suffix.lstrip(".") or "none")
        error = ""
        if suffix not in FORMATS:
            error = (f"unsupported file type '{path.suffix or '(none)'}': convert it to PDF or "
                     "plain text (.txt) and add that instead")
        elif path.is_symlink() and not path.resolve().is_relative_to(raw_real):
            error = ("symbolic link to a file outside the raw folder: copy the file into the "
                     "raw folder instead")
        elif not path.is_file():
            error = "not a regular file (a broken link or a device): replace it with the file"
        elif doc_id in seen:
            error = (f"same document id as '{seen[doc_id]}' (names differ only in extension): "
                     "rename one of the two files")
        if not error:
            seen[doc_id] = rel
        planned.append(SourceFile(doc_key(doc_id), doc_id, rel, fmt, error))
    return planned


def sync_links(build: Path, raw: Path, docs: list[SourceFile]) -> None:
    """Point BUILD/src/KEY.EXT at each raw file; remove links and outputs of vanished files."""
    src = build / "src"
    wanted = {f"{d.key}.{d.format}": (raw / d.source).absolute() for d in docs if not d.error}
    for rel, target in wanted.items():
        link = src / rel
        if link.is_symlink() and Path(os.readlink(link)) == target:
            continue
        link.parent.mkdir(parents=True, exist_ok=True)
        tmp = link.with_name(link.name + ".tmp")
        tmp.unlink(missing_ok=True)
        tmp.symlink_to(target)
        os.replace(tmp, link)
    forget_replaced(build, wanted)
    keys = {d.key for d in docs if not d.error}
    for link in src.rglob("*") if src.exists() else ():
        if link.is_symlink() and link.relative_to(src).as_posix() not in wanted:
            link.unlink()
    for stage in STAGE_DIRS:
        for out in (build / stage).rglob("*.json") if (build / stage).exists() else ():
            if out.relative_to(build / stage).as_posix()[: -len(".json")] not in keys:
                out.unlink()


def forget_replaced(build: Path, wanted: dict[str, Path]) -> None:
    """Delete the outputs of a document whose file was replaced by one make would not see as
    newer (copied with its old date, or a .txt turned .pdf), so it is built again."""
    import json

    stamp_file = build / "sources.json"
    try:
        before = json.loads(stamp_file.read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        before = {}
    now = {}
    for rel, target in wanted.items():
        st = target.stat()
        key = rel.rsplit(".", 1)[0]
        now[key] = [str(target), st.st_size, st.st_mtime_ns, st.st_ino]
        if key in before and before[key] != now[key]:
            for stage in STAGE_DIRS:
                (build / stage / f"{key}.json").unlink(missing_ok=True)
    write_if_changed(stamp_file, json.dumps(now, ensure_ascii=False, indent=0, sort_keys=True))


def main(argv: list[str] | None = None) -> int:
    import json

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    raw, build = Path(args[0]), Path(args[1])
    if not raw.is_dir():
        print(f"error: the raw folder '{raw}' does not exist; create it and put documents in it",
              file=sys.stderr)
        return 2
    docs = plan(raw)
    (build / "todo").mkdir(parents=True, exist_ok=True)  # make's queues of stale documents
    sync_links(build, raw, docs)
    write_if_changed(build / "docs.json",
                     json.dumps([asdict(d) for d in docs], ensure_ascii=False, indent=0) + "\n")
    keys = " ".join(d.key for d in docs if not d.error)
    write_if_changed(build / "docs.mk", f"DOCS := {keys}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
