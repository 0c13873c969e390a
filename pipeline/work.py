"""Run the queued stages in one process: make decides, per document, which targets are out of
date and queues their keys (`BUILD/todo/ingest`, `BUILD/todo/extract`); one `work` process per
shard then ingests and extracts its share, loading the models and gazetteers once."""

from __future__ import annotations

import ctypes
import resource
import signal
import sys
import threading
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
    of computing a page, several times that on a busy machine). A thread other than the main
    one (a Dask worker's) cannot take signals: a timer thread interrupts it by the clock."""
    if threading.current_thread() is not threading.main_thread():
        return _guarded_in_thread(fn, seconds)
    previous = signal.signal(signal.SIGPROF, _alarm)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


def _guarded_in_thread(fn, seconds: int):
    """The time limit of a thread: at the limit, DocumentTimeout is raised in it (delivered
    between two Python bytecodes, so a long call into C code is stopped when it returns)."""
    thread_id = ctypes.c_ulong(threading.get_ident())
    lock, done = threading.Lock(), []

    def trip() -> None:
        with lock:
            if not done:
                ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id,
                                                           ctypes.py_object(DocumentTimeout))

    timer = threading.Timer(seconds, trip)
    timer.daemon = True
    timer.start()
    try:
        return fn()
    finally:
        with lock:
            done.append(True)
            ctypes.pythonapi.PyThreadState_SetAsyncExc(thread_id, None)  # drop one not raised yet
        timer.cancel()


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


def queue(build: Path) -> tuple[dict[str, dict], list[str], set[str]]:
    """What make queued: (docs.json entries by key, keys to extract, keys to ingest first)."""
    entries = {d["key"]: d for d in read_json(build / "docs.json") if not d["error"]}
    ingest_all = [k for k in queued(build, "ingest") if k in entries]
    extract_all = [k for k in dict.fromkeys(ingest_all + queued(build, "extract")) if k in entries]
    # make sees only the mentions file: a document whose text is gone is ingested again
    ingest_all += [k for k in extract_all if not (build / "text" / f"{k}.json").exists()]
    return entries, extract_all, set(ingest_all)


def run(build: Path, shard: int = 0, shards: int = 1, seconds: int = DOC_SECONDS) -> int:
    entries, extract_all, ingest_all = queue(build)
    if not extract_all:
        return 0
    sizes = source_sizes(build, {k: entries[k] for k in extract_all})
    to_extract = share(extract_all, sizes, shard, shards)
    if not to_extract:
        return 0
    limit_memory(MEMORY_BYTES)
    from pipeline.analysis import extractors

    extractors()  # loaded before the first document's time limit starts
    tag = f"[{shard + 1}/{shards}] " if shards > 1 else ""
    for i, key in enumerate(to_extract, 1):
        entry = entries[key]
        stage = "ingest+extract" if key in ingest_all else "extract"
        progress(tag, stage, i, len(to_extract), entry["doc_id"])
        if key in ingest_all:
            doc = ingest_document(entry, build / "src" / f"{key}.{entry['format']}", seconds)
            write_json(build / "text" / f"{key}.json", asdict(doc))
        else:
            doc = document_from_json(read_json(build / "text" / f"{key}.json"))
        record = extract_record(entry, doc, seconds)
        write_json(build / "mentions" / f"{key}.json", record)
    return 0


def ingest_document(entry: dict, src: Path, seconds: int) -> Document:
    """The document read from `src` under the time limit; never raises."""
    from pipeline.ingest import ingest

    try:
        return guarded(lambda: ingest(src, entry["doc_id"], entry["source"], entry["format"]),
                       seconds)
    except (DocumentTimeout, MemoryError) as exc:
        return _guard_error(entry, exc, seconds)


def extract_record(entry: dict, doc: Document, seconds: int) -> dict:
    """What BUILD/mentions/KEY.json holds: what the masthead says (kind, own symbol, date,
    title), and the document's mentions of every kind as lists of field values."""
    from pipeline.analysis import analyse

    try:
        result = guarded(lambda: analyse(doc), seconds)
    except (DocumentTimeout, MemoryError) as exc:
        return {"error": _guard_error(entry, exc, seconds).error}
    return {
        **asdict(result.masthead),
        "warnings": list(result.warnings),
        **{kind: [list(asdict(m).values()) for m in ms] for kind, ms in result.mentions.items()},
    }


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
