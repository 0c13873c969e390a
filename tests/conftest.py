"""Shared fixtures: paths to the real UN documents the tests read."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"


def real_doc(name: str) -> Path:
    """A document from ../shared (seeds or corpus), or raw/ when ../shared is absent."""
    for folder in (SEEDS, CORPUS, ROOT / "raw"):
        if (folder / name).exists():
            return folder / name
    pytest.skip(f"{name} is not available")
