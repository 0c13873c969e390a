"""`make SCHEDULER=...`: the documents run on a Dask cluster (here a LocalCluster in this
process, reached over TCP as a real one is) and the tables are those of a local build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import ROOT, real_doc
from tests.test_build import make

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def scheduler():
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                                  protocol="tcp", dashboard_address=None) as cluster:
        yield cluster.scheduler_address


def output_files(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes()
            for p in sorted(out.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def raw(tmp_path_factory) -> Path:
    raw = tmp_path_factory.mktemp("cluster") / "raw"
    (raw / "sub").mkdir(parents=True)
    shutil.copy(real_doc("004_42a0f7cf2bba071a.txt"), raw)
    shutil.copy(real_doc("000_3347f42460fb647e.txt"), raw / "sub")
    shutil.copy(ROOT / "tests" / "pdfs" / "truncated-a-res-73-8.pdf", raw)
    (raw / "empty.txt").write_bytes(b"")
    (raw / "notes.docx").write_bytes(b"PK\x03\x04")
    return raw


@pytest.fixture(scope="module")
def builds(raw, scheduler, tmp_path_factory):
    """The same raw folder built locally and on the cluster: (local output, cluster run)."""
    base = tmp_path_factory.mktemp("builds")
    make(raw, base / "out-local", base / "build-local")
    result = make(raw, base / "out-dask", base / "build-dask", f"SCHEDULER={scheduler}")
    return base, result


def test_cluster_build_writes_the_tables_of_a_local_build(builds) -> None:
    base, result = builds
    assert "[dask] ingest+extract 4/4 (0 left)" in result.stderr
    local, dask = output_files(base / "out-local"), output_files(base / "out-dask")
    assert "text/sub/000_3347f42460fb647e.txt" in dask
    assert "documents.csv" in dask
    assert dask == local


def test_cluster_build_is_incremental(raw, scheduler, builds) -> None:
    base, _ = builds
    out, build = base / "out-dask", base / "build-dask"
    assert "Nothing to be done" in make(raw, out, build, f"SCHEDULER={scheduler}").stdout
    shutil.copy(real_doc("003_dfc7466590605937.txt"), raw / "added.txt")
    try:
        added = make(raw, out, build, f"SCHEDULER={scheduler}")
    finally:
        (raw / "added.txt").unlink()
    assert "[dask] ingest+extract 1/1 (0 left) added" in added.stderr
    assert (out / "text" / "added.txt").exists()


def test_batches_keep_order_and_give_every_worker_thread_several_tasks() -> None:
    from pipeline.cluster import BATCH_BYTES, batches

    keys = [f"doc-{i:03d}" for i in range(100)]
    small = dict.fromkeys(keys, 5_000)
    cut = batches(keys, small, threads=2)
    assert [k for batch in cut for k in batch] == keys
    assert [len(b) for b in cut] == [8] * 12 + [4]
    assert [len(b) for b in batches(keys[:20], small, threads=2)] == [2] * 10
    big = {**small, "doc-001": BATCH_BYTES + 1}
    assert batches(keys[:4], big, threads=1) == [["doc-000"], ["doc-001"], ["doc-002"],
                                                 ["doc-003"]]
    assert batches(keys[:40], big, threads=1)[:2] == [["doc-000"], ["doc-001"]]
