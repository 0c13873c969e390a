"""The shard workers: how the queue is split, and the per-document guards."""

from __future__ import annotations

import json
import threading

import pytest

from pipeline import work
from pipeline.files import read_json
from tests.conftest import real_doc


def test_share_balances_by_size_and_covers_every_key() -> None:
    sizes = {"a": 900, "b": 500, "c": 400, "d": 100}
    shares = [work.share(list(sizes), sizes, i, 2) for i in range(2)]
    assert shares == [["a", "d"], ["b", "c"]]
    assert work.share(list(sizes), sizes, 0, 1) == ["a", "b", "c", "d"]


def queue_one(tmp_path, name: str):
    build = tmp_path / "build"
    (build / "src").mkdir(parents=True)
    (build / "todo").mkdir()
    (build / "src" / f"{name}.txt").symlink_to(real_doc(f"{name}.txt"))
    entry = {"key": name, "doc_id": name, "source": f"{name}.txt", "format": "txt", "error": ""}
    (build / "docs.json").write_text(json.dumps([entry]), encoding="utf-8")
    (build / "todo" / "ingest").write_text(name + "\n", encoding="utf-8")
    return build


def test_memory_guard_trips_into_an_error(tmp_path, monkeypatch) -> None:
    build = queue_one(tmp_path, "000_3347f42460fb647e")

    def exhausted(*_args):
        raise MemoryError

    monkeypatch.setattr("pipeline.ingest.ingest", exhausted)
    work.run(build)
    doc = read_json(build / "text" / "000_3347f42460fb647e.json")
    assert doc["status"] == "error"
    assert doc["error"].startswith("needed more memory than a document may use")


def test_guard_timeout_is_not_an_ordinary_exception() -> None:
    # a reader's `except Exception` must not swallow the time limit
    assert not issubclass(work.DocumentTimeout, Exception)
    with pytest.raises(work.DocumentTimeout):
        work.guarded(_spin, 1)


def _spin() -> None:
    """Busy for ever: the limit counts processor time, which sleeping does not use."""
    while True:
        pass


def test_guard_counts_processor_time_not_the_clock() -> None:
    # a worker waiting for a busy machine's cores is not charged: 1.5 s of sleep fits in 1 s
    assert work.guarded(lambda: __import__("time").sleep(1.5) or "done", 1) == "done"


def test_time_limit_stops_a_worker_thread() -> None:
    # a Dask worker runs documents in threads, where SIGALRM cannot reach
    stopped = []

    def busy() -> None:
        while True:
            pass

    def document() -> None:
        try:
            work.guarded(busy, 1)
        except work.DocumentTimeout:
            stopped.append(True)

    thread = threading.Thread(target=document, daemon=True)
    thread.start()
    thread.join(20)
    assert stopped == [True]
