"""Shared fixtures: paths to the real UN documents the tests read.

They live in tests/corpus/ (provenance in tests/corpus/MANIFEST.csv), so the suite runs in a bare
clone; a test that names a document not copied there fails and says what to copy."""

from __future__ import annotations

import csv
import resource
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"


def real_doc(name: str) -> Path:
    """A real UN document of tests/corpus/."""
    path = CORPUS / name
    if not path.exists():
        pytest.fail(f"{name} is not in tests/corpus/: copy it there with its provenance in "
                    "tests/corpus/MANIFEST.csv")
    return path


# The second and third blind sets (eval/blind-scores.md, stop 19): annotated blind and kept unseen,
# so no test reads them; a failing test would show its reader what the pipeline makes of them.
UNSEEN = frozenset({
    "un-s-pv-8101.txt", "un-sc-res-2575-2021.txt", "un-sc-prst-2020-4.txt", "un-s-2021-126.txt",
    "un-ga-res-es-11-4.txt", "un-s-pv-3500.txt",
    # third blind set (eval/blind-scores.md, stop 19)
    "un-s-pv-4800.txt", "un-s-2006-17.txt", "un-a-77-377.txt", "un-sc-res-1100-1997.txt",
    "un-sc-prst-2004-1.txt",
})


def corpus_texts() -> list[Path]:
    """Every text document in tests/corpus/ but the unseen blind set, sorted by name."""
    return sorted(p for p in CORPUS.glob("*.txt") if p.name not in UNSEEN)


def manifest() -> dict[str, dict[str, str]]:
    """tests/corpus/MANIFEST.csv: file name -> its row (kind, un_symbol, source...)."""
    with open(CORPUS / "MANIFEST.csv", encoding="utf-8", newline="") as fh:
        return {row["file"]: row for row in csv.DictReader(fh)}


# pipeline.work.run caps the address space of the process it runs in (limit_memory); tests that
# run a build in-process must not leave that cap on the tests after them: Chromium, started by
# the report's browser test, cannot start under it (it dies with SIGTRAP)
_ADDRESS_SPACE = resource.getrlimit(resource.RLIMIT_AS)


@pytest.fixture(autouse=True)
def _address_space_restored():
    yield
    resource.setrlimit(resource.RLIMIT_AS, _ADDRESS_SPACE)
