"""Run the queued documents on a Dask distributed cluster instead of local shard workers.

    python -m pipeline work BUILD --scheduler tcp://host:8786      (what `make SCHEDULER=...` runs)

make queues the stale documents as for a local build; here each becomes one task that carries
its work with it (the raw file's bytes, or the ingested text when only extraction is stale), so
the workers need the project's package, not the build folder. The results come back to this
process, which writes the same per-document build files a local worker writes: incremental
builds, error rows and the tables are those of a local build.

Small documents travel several to a task (up to `BATCH_DOCS`, and `BATCH_BYTES` of input), so
that the scheduler's cost per task is paid once for them; a batch is never so big that a worker
would sit idle at the end while another works through a long queue.

A worker that dies mid-task (killed, out of memory) loses nothing: the scheduler runs the task
again elsewhere, and each document's files are written once, here, from the one result that
came back. A batch that keeps killing workers is sent again one document a task, and a document
that keeps killing workers becomes an error row, as a local worker's memory guard does.
"""

from __future__ import annotations

import sys
import tempfile
import uuid
import warnings
from dataclasses import asdict
from pathlib import Path

from pipeline import work
from pipeline.analysis import extractors
from pipeline.files import read_json, write_json

RETRIES = 2  # runs more of a task that raised (a worker's lost connection, a full disk)
IN_FLIGHT_PER_THREAD = 2  # tasks queued per worker thread: few files' bytes held at a time
CONNECT_SECONDS = 30
BATCH_DOCS = 8  # documents a task carries at most
BATCH_BYTES = 2 * 1024**2  # ... and input bytes (a bigger document travels alone)
BATCHES_PER_THREAD = 4  # at least this many tasks a worker thread, for an even finish

def process_document(entry: dict, data: bytes | None, text: dict | None,
                     seconds: int) -> tuple[dict | None, dict]:
    """One document on a worker: ingest `data` (the raw file's bytes) when given, else take
    the ingested `text`; then extract. Returns (text record or None, mentions record)."""
    extractors()  # loaded once per worker process, before the document's time limit starts
    if data is not None:
        with tempfile.TemporaryDirectory(prefix="un-doc-") as tmp:
            src = Path(tmp) / f"document.{entry['format']}"
            src.write_bytes(data)
            doc = work.ingest_document(entry, src, seconds)
        text = asdict(doc)
        return text, work.extract_record(entry, doc, seconds)
    doc = work.document_from_json(text)
    return None, work.extract_record(entry, doc, seconds)


def process_batch(items: list[tuple[dict, bytes | None, dict | None]],
                  seconds: int) -> list[tuple[dict | None, dict]]:
    """Several documents in one task, in order: `process_document` of each."""
    return [process_document(entry, data, text, seconds) for entry, data, text in items]


def batches(keys: list[str], sizes: dict[str, int], threads: int) -> list[list[str]]:
    """The keys in order, cut into tasks of up to BATCH_DOCS documents and BATCH_BYTES bytes,
    small enough that every worker thread gets BATCHES_PER_THREAD of them."""
    most = max(1, min(BATCH_DOCS, len(keys) // (threads * BATCHES_PER_THREAD)))
    out: list[list[str]] = []
    size = 0
    for key in keys:
        if not out or len(out[-1]) >= most or size + sizes.get(key, 0) > BATCH_BYTES:
            out.append([])
            size = 0
        out[-1].append(key)
        size += sizes.get(key, 0)
    return out


KILLED = ("stopped the cluster worker processing it several times (it crashed or ran out of "
          "memory): split the file, or give the workers more memory")


def killed(entry: dict, ingesting: bool) -> tuple[dict | None, dict]:
    """The build files of a document whose task the scheduler gave up on."""
    text = None
    if ingesting:
        text = asdict(work.Document(entry["doc_id"], entry["source"], entry["format"], "",
                                    status="error", error=KILLED))
    return text, {"error": KILLED}


def run(build: Path, scheduler: str, seconds: int = work.DOC_SECONDS) -> int:
    entries, to_extract, to_ingest = work.queue(build)
    if not to_extract:
        return 0
    from distributed import Client, as_completed
    from distributed.scheduler import KilledWorker

    try:
        client = Client(scheduler, timeout=f"{CONNECT_SECONDS}s")
    except OSError as exc:
        print(f"error: could not reach the Dask scheduler at {scheduler} ({exc}); start it "
              "with `.venv/bin/dask scheduler` and its workers with `.venv/bin/dask worker "
              f"{scheduler}`, or build locally without SCHEDULER", file=sys.stderr)
        return 2
    # a task carries its file's bytes: big by design, so distributed's size warning is noise
    warnings.filterwarnings("ignore", message=".*Large object of size.*")
    warnings.filterwarnings("ignore", message=".*Sending large graph.*")
    run_id = uuid.uuid4().hex[:8]  # two builds sharing a cluster never share a task
    with client:
        if not client.nthreads():
            print(f"waiting for a worker to join {scheduler}", file=sys.stderr)
            client.wait_for_workers(1)
        threads = sum(client.nthreads().values())
        sizes = work.source_sizes(build, {k: entries[k] for k in to_extract})
        queue = batches(to_extract, sizes, threads)
        queue.reverse()  # popped from the end: in order
        running = as_completed()
        keys_of = {}

        def submit_next() -> None:
            if not queue:
                return
            keys = queue.pop()
            items = []
            for key in keys:
                entry = entries[key]
                if key in to_ingest:
                    src = build / "src" / f"{key}.{entry['format']}"
                    items.append((entry, src.read_bytes(), None))
                else:
                    items.append((entry, None, read_json(build / "text" / f"{key}.json")))
            future = client.submit(process_batch, items, seconds, pure=False, retries=RETRIES,
                                   key=f"documents-{run_id}-{keys[0]}-{len(keys)}")
            keys_of[future.key] = keys
            running.add(future)

        for _ in range(threads * IN_FLIGHT_PER_THREAD):
            submit_next()
        done = polled = 0
        for future in running:
            keys = keys_of.pop(future.key)
            try:
                results = future.result()
            except KilledWorker:
                if len(keys) > 1:  # one of them may be the culprit: each alone, to find it
                    queue.extend([key] for key in reversed(keys))
                    future.release()
                    submit_next()
                    continue
                results = [killed(entries[keys[0]], keys[0] in to_ingest)]
            future.release()
            for key, (text, record) in zip(keys, results, strict=True):
                if text is not None:
                    write_json(build / "text" / f"{key}.json", text)
                write_json(build / "mentions" / f"{key}.json", record)
                done += 1
                stage = "ingest+extract" if key in to_ingest else "extract"
                work.progress("[dask] ", stage, done, len(to_extract), entries[key]["doc_id"])
            submit_next()
            if done - polled >= 50:  # workers may have joined: keep each one busy
                polled, now = done, sum(client.nthreads().values())
                for _ in range((now - threads) * IN_FLIGHT_PER_THREAD):
                    submit_next()
                threads = max(threads, now)
    return 0
