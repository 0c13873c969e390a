"""Bad input, interrupted builds and determinism: the real `make` on raw folders made on the fly.

Each bad file sits beside good documents; the good documents' rows must be exactly those of a
build without the bad files, every bad file gets a row that says what to do (or is read
correctly where it can be), and the build exits 0 reporting the count of errors."""

from __future__ import annotations

import csv
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, real_doc
from tests.pdfmaker import encrypt, make_pdf

TABLES = ("documents", "dates", "symbols", "places", "actors")
GOOD = ("004_42a0f7cf2bba071a.txt", "000_3347f42460fb647e.txt")
# a real sentence of seed 004, for the files that should be read correctly
SENTENCE = ("Recalling its resolutions 61/208 of 20 December 2006 on international migration "
            "and development, held in Brussels from 9 to 11 July 2007")


def make(raw: Path, out: Path, build: Path, *args: str, env: dict | None = None,
         **kwargs) -> subprocess.CompletedProcess:
    base = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    return subprocess.run(
        ["make", f"RAW={raw}", f"OUTPUT={out}", f"BUILD_ROOT={build}", *args],
        cwd=ROOT, env={**base, **(env or {})}, capture_output=True, text=True, **kwargs,
    )


def rows(out: Path, table: str) -> list[dict]:
    """The table's rows, each cell recovered from its spreadsheet-safe form."""
    with (out / f"{table}.csv").open(newline="", encoding="utf-8") as fh:
        return [{k: v[1:] if v.startswith("'") else v for k, v in row.items()}
                for row in csv.DictReader(fh)]


def good_raw(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name in GOOD:
        shutil.copy(real_doc(name), folder / name)
    return folder


def broken_page(pdf: bytes) -> bytes:
    """The PDF with its second page's box unreadable: pdfplumber raises on that page."""
    return pdf.replace(b"/MediaBox [0 0 595 842] /Contents 4 0 R", b"/MediaBox (x) /Contents 4 0 R")


def bad_files(raw: Path, outside: Path) -> dict[str, str]:
    """Write every bad case into raw; return source -> the start of the expected error ('' when
    the file must be read correctly)."""
    pdf = make_pdf([[SENTENCE], ["Requests the Secretary-General to report"]])
    cases: dict[str, tuple[bytes, str]] = {
        "zero.txt": (b"", "empty file"),
        "junk.txt": (os.urandom(4096) + bytes(range(32)) * 64, "binary data"),
        "utf16-nobom.txt": (SENTENCE.encode("utf-16-le"), ""),
        "windows.txt": ("Côte d’Ivoire – ".encode("cp1252") + SENTENCE.encode(), ""),
        "latin1-stray.txt": ("Genève \x81 ".encode("latin-1") + SENTENCE.encode(), ""),
        "truncated.pdf": (pdf[: len(pdf) // 2], "not a readable PDF"),
        "locked.pdf": (encrypt(pdf, "secret"), "encrypted"),
        "open-lock.pdf": (encrypt(pdf, ""), ""),
        "scan.pdf": (make_pdf([["x"]], text_layer=False), "no text layer"),
        "broken-page.pdf": (broken_page(pdf), ""),
        "thousand-pages.pdf": (make_pdf([["word"]] * 1000), ""),
        "a name with spaces.txt": (SENTENCE.encode(), ""),
        "quote's \"name\".txt": (SENTENCE.encode(), ""),
        "Genève-é.txt": (SENTENCE.encode(), ""),
        "-leading-dash.txt": (SENTENCE.encode(), ""),
        "twin.txt": (SENTENCE.encode(), ""),
        "twin.pdf": (pdf, ""),
        "report.docx": (b"PK\x03\x04 not really a docx", "unsupported file type"),
    }
    for name, (data, _) in cases.items():
        (raw / name).write_bytes(data)
    expected = {name: msg for name, (_, msg) in cases.items()}
    expected["twin.txt"] = "same document id as 'twin.pdf'"
    (outside / "secret.txt").write_text(SENTENCE, encoding="utf-8")
    (raw / "link.txt").symlink_to(outside / "secret.txt")
    expected["link.txt"] = "symbolic link to a file outside the raw folder"
    return expected


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    base = tmp_path_factory.mktemp("baseline")
    raw = good_raw(base / "raw")
    out = base / "out"
    make(raw, out, base / "build", check=True)
    return raw, out


@pytest.fixture(scope="module")
def with_bad(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad")
    raw = good_raw(base / "raw")
    outside = base / "outside"
    outside.mkdir()
    expected = bad_files(raw, outside)
    out = base / "out"
    result = make(raw, out, base / "build")
    return out, expected, result


def good_rows(out: Path, table: str) -> list[dict]:
    ids = {Path(n).stem for n in GOOD}
    return [r for r in rows(out, table) if r["doc_id"] in ids]


def test_bad_files_never_cost_good_documents_their_rows(baseline, with_bad) -> None:
    _, base_out = baseline
    out, _, result = with_bad
    assert result.returncode == 0, result.stderr[-2000:]
    for table in TABLES:
        assert good_rows(out, table) == good_rows(base_out, table), table


def test_every_bad_file_is_reported_or_read(with_bad) -> None:
    out, expected, result = with_bad
    docs = {r["source"]: r for r in rows(out, "documents")}
    for source, message in expected.items():
        row = docs[source]
        if message:
            assert row["status"] == "error", source
            assert row["error"].startswith(message), (source, row["error"])
        else:
            assert (row["status"], row["error"]) == ("ok", ""), source
            if source != "thousand-pages.pdf":  # its one word repeats: a running header
                assert int(row["chars"]) >= len(SENTENCE) - 5, source
    assert docs["thousand-pages.pdf"]["pages"] == "1000"
    assert docs["broken-page.pdf"]["warnings"].startswith("page 2: could not be read")
    errors = sum(1 for m in expected.values() if m)
    assert f"{len(expected) + len(GOOD)} documents: " in result.stderr
    assert f"{errors} errors" in result.stderr


def test_odd_encodings_read_to_the_right_characters(with_bad) -> None:
    out, _, _ = with_bad
    texts = {p.name: p.read_text(encoding="utf-8") for p in (out / "text").glob("*.txt")}
    assert texts["windows.txt"].startswith("Côte d’Ivoire – Recalling")
    assert texts["latin1-stray.txt"].startswith("Genève")
    assert texts["utf16-nobom.txt"].startswith("Recalling its resolutions 61/208")


def test_huge_text_file_is_refused_with_advice(tmp_path) -> None:
    raw = good_raw(tmp_path / "raw")
    with (raw / "huge.txt").open("w", encoding="utf-8") as fh:
        line = SENTENCE + ".\n"
        fh.write(line * (50 * 1024 * 1024 // len(line) + 1))  # 50 MB
    result = make(raw, tmp_path / "out", tmp_path / "build", check=True)
    docs = {r["source"]: r for r in rows(tmp_path / "out", "documents")}
    assert docs["huge.txt"]["status"] == "error"
    assert docs["huge.txt"]["error"].startswith("too large")
    assert "1 error" in result.stderr


def test_time_guard_trips_into_an_error_row(tmp_path) -> None:
    raw = good_raw(tmp_path / "raw")
    (raw / "long.pdf").write_bytes(make_pdf([[f"page {i} of a very long annex"] for i in
                                             range(6000)]))
    result = make(raw, tmp_path / "out", tmp_path / "build", "DOC_SECONDS=1", check=True)
    docs = {r["source"]: r for r in rows(tmp_path / "out", "documents")}
    assert docs["long.pdf"]["status"] == "error"
    assert docs["long.pdf"]["error"].startswith("took longer than 1 s")
    assert docs["004_42a0f7cf2bba071a.txt"]["status"] == "ok"
    assert "1 error" in result.stderr


def read_all(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file()}


@pytest.fixture(scope="module")
def reference(tmp_path_factory):
    base = tmp_path_factory.mktemp("ref")
    raw = good_raw(base / "raw")
    shutil.copy(real_doc("003_dfc7466590605937.txt"), raw)
    (raw / "made.pdf").write_bytes(make_pdf([[SENTENCE], ["Requests the Secretary-General"]]))
    make(raw, base / "out", base / "build", check=True)
    return raw, read_all(base / "out")


def reached(build: Path, milestone: str) -> bool:
    """The build has written the plan, a clean text, or a document's mentions."""
    pattern = {"plan": "*/docs.mk", "ingest": "*/text/*.json", "extract": "*/mentions/*.json"}
    return any(build.glob(pattern[milestone]))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
@pytest.mark.parametrize("milestone", ["plan", "ingest", "extract"])
def test_interrupted_build_then_make_gives_identical_tables(reference, tmp_path, sig, milestone):
    # interrupted at a stage of the build, not after a number of seconds: on a fast machine a
    # timer could fire after the build ends and interrupt nothing
    raw, expected = reference
    out, build = tmp_path / "out", tmp_path / "build"
    env = {k: v for k, v in os.environ.items() if not k.startswith("MAKE")}
    proc = subprocess.Popen(
        ["make", "-j2", f"RAW={raw}", f"OUTPUT={out}", f"BUILD_ROOT={build}"], cwd=ROOT, env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    while proc.poll() is None and not reached(build, milestone):
        time.sleep(0.01)
    if proc.poll() is not None:
        pytest.skip(f"the build ended before the {milestone} stage could be interrupted")
    os.killpg(proc.pid, sig)  # as Ctrl-C does: the whole process group
    proc.wait()
    make(raw, out, build, check=True)
    assert read_all(out) == expected


def test_builds_are_byte_identical_across_dirs_jobs_locale_and_zone(reference, tmp_path):
    raw, expected = reference
    moved = tmp_path / "elsewhere" / "raw"
    shutil.copytree(raw, moved)
    env = {"LC_ALL": "C", "LANG": "C", "TZ": "Pacific/Kiritimati", "PYTHONHASHSEED": "123"}
    make(moved, tmp_path / "out", tmp_path / "build", "-j2", env=env, check=True)
    assert read_all(tmp_path / "out") == expected
