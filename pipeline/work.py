"""Run the queued stages in one process: make decides, per document, which targets are out of
date and queues their keys (`BUILD/todo/ingest`, `BUILD/todo/extract`); one `work` process per
shard then ingests and extracts its share, loading the models and gazetteers once."""

from __future__ import annotations

import resource
import signal
import sys
import time
import zlib
from dataclasses import asdict
from pathlib import Path

from pipeline.files import read_json, write_json
from pipeline.models import Document

DOC_SECONDS = 300  # a document taking longer than this is reported, not waited for
MEMORY_BYTES = 6 * 1024**3  # address-space cap of a worker: one pathological file can't exhaust


class DocumentTimeout(BaseException):
    """The time limit of one document; a BaseException, so that no `except Exception` inside
    a reader or an extractor can swallow it."""


def shard_of(key: str, shards: int) -> int:
    return zlib.crc32(key.encode("utf-8")) % shards


def queued(build: Path, stage: str, shard: int, shards: int) -> list[str]:
    path = build / "todo" / stage
    if not path.exists():
        return []
    keys = dict.fromkeys(line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [k for k in keys if k and shard_of(k, shards) == shard]


def _alarm(_signum, _frame):
    raise DocumentTimeout


def guarded(fn, seconds: int):
    """Run fn() under a time limit; the limit's trip raises DocumentTimeout."""
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        return fn()
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


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
    to_ingest = [k for k in queued(build, "ingest", shard, shards) if k in entries]
    to_extract = [k for k in dict.fromkeys(to_ingest + queued(build, "extract", shard, shards))
                  if k in entries]
    if not to_extract:
        return 0
    limit_memory(MEMORY_BYTES)
    tag = f"[{shard + 1}/{shards}] " if shards > 1 else ""
    if to_ingest:
        from pipeline.ingest import ingest

        for i, key in enumerate(to_ingest, 1):
            entry = entries[key]
            progress(tag, "ingest", i, len(to_ingest), entry["doc_id"])
            src = build / "src" / f"{key}.{entry['format']}"
            args = (src, entry["doc_id"], entry["source"], entry["format"])
            try:
                doc = guarded(lambda a=args: ingest(*a), seconds)
            except (DocumentTimeout, MemoryError) as exc:
                doc = _guard_error(entry, exc, seconds)
            write_json(build / "text" / f"{key}.json", asdict(doc))
    from pipeline.extract import extract, load

    extractors = load()
    for i, key in enumerate(to_extract, 1):
        progress(tag, "extract", i, len(to_extract), entries[key]["doc_id"])
        doc = document_from_json(read_json(build / "text" / f"{key}.json"))
        try:
            result = guarded(lambda d=doc: extract(d, extractors), seconds)
            record = {
                "symbol": result.symbol, "date": result.date, "date_source": result.date_source,
                "warnings": list(result.warnings),
                **{kind: [list(asdict(m).values()) for m in ms]
                   for kind, ms in result.mentions.items()},
            }
        except (DocumentTimeout, MemoryError) as exc:
            record = {"error": _guard_error(entries[key], exc, seconds).error}
        write_json(build / "mentions" / f"{key}.json", record)
    return 0


def _guard_error(entry: dict, exc: BaseException, seconds: int) -> Document:
    if isinstance(exc, DocumentTimeout):
        msg = (f"took longer than {seconds} s and was stopped: split the file, or raise the "
               "limit with DOC_SECONDS=<seconds> make")
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
        print(f"{tag}{stage} {i}/{n} ({n - i} left) {doc_id}", file=sys.stderr, flush=True)
