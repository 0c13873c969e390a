"""Atomic file writes: a file is written under a temporary name beside it, then renamed, so an
interrupted build never leaves a half-written file that looks finished."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

_UMASK = os.umask(0o022)
os.umask(_UMASK)
FILE_MODE = 0o666 & ~_UMASK  # what open() would have given; mkstemp gives 0600


def write_atomic(path: Path, data: str | bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = "wb" if isinstance(data, bytes) else "w"
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        text_args = {} if mode == "wb" else {"encoding": "utf-8", "newline": ""}
        with os.fdopen(fd, mode, **text_args) as fh:
            fh.write(data)
        os.chmod(tmp, FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: str) -> bool:
    """Write only when the content differs, so make sees no change where there is none."""
    try:
        with path.open(encoding="utf-8", newline="") as fh:  # as written: \r\n stays \r\n
            if fh.read() == data:
                return False
    except (FileNotFoundError, UnicodeDecodeError):
        pass
    write_atomic(path, data)
    return True


def write_json(path: Path, obj) -> None:
    write_atomic(path, json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


def read_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))
