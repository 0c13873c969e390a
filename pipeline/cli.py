"""The pipeline's one entry point. `make` calls these stages; you rarely need them directly.

    python -m pipeline plan  RAW BUILD          list RAW, write BUILD/docs.json and docs.mk
    python -m pipeline work  BUILD [--shard I/N] ingest + extract the documents make queued
                             [--scheduler tcp://host:8786]   ... on a Dask cluster
    python -m pipeline merge BUILD OUTPUT [--raw RAW]   write OUTPUT/*.csv and OUTPUT/text/
    python -m pipeline run   RAW OUTPUT         all stages without make (no incremental build)
    python -m pipeline report OUTPUT            write OUTPUT/report.html and OUTPUT/review/
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def _shard(value: str) -> tuple[int, int]:
    try:
        i, n = (int(x) for x in value.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError("expected I/N, e.g. 1/2") from None
    if not 1 <= i <= n:
        raise argparse.ArgumentTypeError("expected 1 <= I <= N")
    return i - 1, n


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Turn UN documents (text and PDF) into normalized CSV tables of dates, "
        "document symbols, places and actors. Usually run through `make`.",
    )
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("plan", help="list the raw folder; write what make needs")
    p.add_argument("raw", type=Path)
    p.add_argument("build", type=Path)
    p = sub.add_parser("work", help="ingest and extract the documents make queued")
    p.add_argument("build", type=Path)
    p.add_argument("--shard", type=_shard, default=(0, 1), metavar="I/N",
                   help="process the I-th of N shares of the queue (default 1/1)")
    p.add_argument("--seconds", type=int, default=None,
                   help="time limit per document (default 300)")
    p.add_argument("--scheduler", metavar="ADDRESS",
                   help="run the documents on the Dask cluster of this scheduler "
                   "(e.g. tcp://host:8786) instead of in this process")
    p = sub.add_parser("merge", help="write the CSV tables and clean texts")
    p.add_argument("build", type=Path)
    p.add_argument("output", type=Path)
    p.add_argument("--raw", type=Path, help="the raw folder (for checksums of failed files)")
    p = sub.add_parser("run", help="all stages in one process, without make")
    p.add_argument("raw", type=Path)
    p.add_argument("output", type=Path)
    p.add_argument("--build", type=Path, help="intermediate folder (default: a temporary one)")
    p = sub.add_parser("report", help="draw the tables: report.html and a review page per document")
    p.add_argument("output", type=Path)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.command == "plan":
        from pipeline import plan

        return plan.main([str(args.raw), str(args.build)])
    if args.command == "work":
        from pipeline import work

        seconds = args.seconds or work.DOC_SECONDS
        if args.scheduler:
            from pipeline import cluster

            return cluster.run(args.build, args.scheduler, seconds)
        return work.run(args.build, *args.shard, seconds=seconds)
    if args.command == "merge":
        from pipeline import tables

        return tables.main(args.build, args.output, args.raw)
    if args.command == "report":
        from pipeline.report import build

        return build.main(args.output)
    return run_all(args.raw, args.output, args.build)


def run_all(raw: Path, output: Path, build: Path | None) -> int:
    import tempfile

    from pipeline import plan, tables, work

    with tempfile.TemporaryDirectory() as tmp:
        build = build or Path(tmp)
        if code := plan.main([str(raw), str(build)]):
            return code
        keys = [d["key"] for d in work.read_json(build / "docs.json") if not d["error"]]
        (build / "todo").mkdir(exist_ok=True)
        (build / "todo" / "ingest").write_text("".join(k + "\n" for k in keys), encoding="utf-8")
        work.run(build)
        (build / "todo" / "ingest").unlink()
        return tables.main(build, output, raw)


if __name__ == "__main__":
    sys.exit(main())
