"""Run the queued stages in one process: make decides, per document, which targets are out of
date and queues their keys (`BUILD/todo/ingest`, `BUILD/todo/extract`); one `work` process per
shard then ingests and extracts its share, loading the models and gazetteers once."""

from __future__ import annotations

import resource
import signal
import sys
import time
from dataclasses import asdict
from pathlib import Path

from pipeline.files import read_json, write_json
from pipeline.models import Document

DOC_SECONDS = 300  # a document needing more processor time is reported, not waited for
MEMORY_BYTES = 6 * 1024**3  # address-space cap of a worker: one pathological file can't exhaust


class DocumentTimeout(BaseException):
    """The time limit of one document; a BaseException, so that no `except Exception` inside
    a reader or an extractor can swallow it."""


def queued(build: Path, stage: str) -> list[str]:
    path = build / "todo" / stage
    if not path.exists():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [k for k in dict.fromkeys(line.strip() for line in lines) if k]


def share(keys: list[str], sizes: dict[str, int], shard: int, shards: int) -> list[str]:
    """This shard's share of the keys: the largest documents first, each to the shard with the
    least work so far, so that the shards finish together. Every shard computes the same split."""
    load = [0] * shards
    mine = []
    for key in sorted(keys, key=lambda k: (-sizes.get(k, 0), k)):
        target = load.index(min(load))
        load[target] += sizes.get(key, 0) + 1
        if target == shard:
            mine.append(key)
    return sorted(mine)


def source_sizes(build: Path, entries: dict[str, dict]) -> dict[str, int]:
    sizes = {}
    for key, entry in entries.items():
        try:
            sizes[key] = (build / "src" / f"{key}.{entry['format']}").stat().st_size
        except OSError:
            sizes[key] = 0
    return sizes


def _alarm(_signum, _frame):
    raise DocumentTimeout


def guarded(fn, seconds: int):
    """Run fn() under a time limit; the limit's trip raises DocumentTimeout. The limit counts
    the processor time of this worker (all its threads), not the clock: on a shared machine a
    document's own cost decides, not the load of its neighbours (OCR of a scan takes seconds
    of computing a page, several times that on a busy machine)."""
    previous = signal.signal(signal.SIGPROF, _alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def limit_memory(max_bytes: int) -> None:
    _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard == resource.RLIM_INFINITY or hard > max_bytes:
        resource.setrlimit(resource.RLIMIT_AS, (max_bytes, hard))


def document_from_json(data: dict) -> Document:
    data = dict(data)
    data["page_starts"] = tuple(data["page_starts"])
    data["footnote_spans"] = tuple(tuple(s) for s in data["footnote_spans"])
    data["warnings"] = tuple(data.get("warnings", ()))
    return Document(**data)


def run(build: Path, shard: int = 0, shards: int = 1, seconds: int = DOC_SECONDS) -> int:
    entries = {d["key"]: d for d in read_json(build / "docs.json") if not d["error"]}
    ingest_all = [k for k in queued(build, "ingest") if k in entries]
    extract_all = [k for k in dict.fromkeys(ingest_all + queued(build, "extract")) if k in entries]
    if not extract_all:
        return 0
    sizes = source_sizes(build, {k: entries[k] for k in extract_all})
    to_extract = share(extract_all, sizes, shard, shards)
    to_ingest = set(to_extract) & set(ingest_all)
    if not to_extract:
        return 0
    limit_memory(MEMORY_BYTES)
    from pipeline.analysis import analyse, extractors
    from pipeline.ingest import ingest

    extractors()  # loaded before the first document's time limit starts
    tag = f"[{shard + 1}/{shards}] " if shards > 1 else ""
    for i, key in enumerate(to_extract, 1):
        entry = entries[key]
        stage = "ingest+extract" if key in to_ingest else "extract"
        progress(tag, stage, i, len(to_extract), entry["doc_id"])
        if key in to_ingest:
            src = build / "src" / f"{key}.{entry['format']}"
            args = (src, entry["doc_id"], entry["source"], entry["format"])
            try:
                doc = guarded(lambda a=args: ingest(*a), seconds)
            except (DocumentTimeout, MemoryError) as exc:
                doc = _guard_error(entry, exc, seconds)
            write_json(build / "text" / f"{key}.json", asdict(doc))
        else:
            doc = document_from_json(read_json(build / "text" / f"{key}.json"))
        try:
            result = guarded(lambda d=doc: analyse(d), seconds)
            record = {
                **asdict(result.masthead),
                "warnings": list(result.warnings),
                **{kind: [list(asdict(m).values()) for m in ms]
                   for kind, ms in result.mentions.items()},
            }
        except (DocumentTimeout, MemoryError) as exc:
            record = {"error": _guard_error(entry, exc, seconds).error}
        write_json(build / "mentions" / f"{key}.json", record)
    return 0


def _guard_error(entry: dict, exc: BaseException, seconds: int) -> Document:
    if isinstance(exc, DocumentTimeout):
        msg = (f"took longer than {seconds} s and was stopped: split the file, or raise the "
               "limit with DOC_SECONDS=<seconds> make")
        if entry["format"] == "pdf":
            msg += " (scanned pages are read by OCR, at 5-15 s of processor time a page)"
    else:
        msg = "needed more memory than a document may use and was stopped: split the file"
    return Document(entry["doc_id"], entry["source"], entry["format"], "", status="error",
                    error=msg)


_last = [0.0]


def progress(tag: str, stage: str, i: int, n: int, doc_id: str) -> None:
    """One line per document on a terminal; on a log, about one line a second and the last."""
    now = time.monotonic()
    if sys.stderr.isatty() or i == n or now - _last[0] >= 1.0:
        _last[0] = now
        # one write per line, so two shards' lines never interleave
        sys.stderr.write(f"{tag}{stage} {i}/{n} ({n - i} left) {doc_id}\n")
        sys.stderr.flush()
