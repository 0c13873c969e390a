"""Indexes stored between processes (pipeline.stored): the stored copy is the index the code
builds, and a stale or damaged copy is never read."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from pipeline import gazetteer
from pipeline.stored import stored


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("UN_STORED_DIR", str(tmp_path / "stored"))
    return tmp_path / "stored"


def counted(source: Path):
    """A stored function of one source file, and the list of the values it built."""
    built = []

    @stored("words", lambda: [source])
    def words() -> list[str]:
        built.append(source.read_text(encoding="utf-8").split())
        return built[-1]

    return words, built


def test_stored_value_is_read_by_the_next_process_without_building(folder, tmp_path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("Geneva Nairobi", encoding="utf-8")
    words, built = counted(source)
    assert words() == ["Geneva", "Nairobi"]
    words.cache_clear()  # as in a new process
    assert words() == ["Geneva", "Nairobi"]
    assert len(built) == 1


def test_changed_source_is_built_again_and_the_stale_copy_removed(folder, tmp_path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("Geneva Nairobi", encoding="utf-8")
    words, built = counted(source)
    words()
    stale = words.stored_in()
    source.write_text("Geneva Vienna", encoding="utf-8")
    words.cache_clear()
    assert words() == ["Geneva", "Vienna"]
    assert len(built) == 2
    assert not stale.exists()
    assert [p.name for p in folder.iterdir()] == [words.stored_in().name]


def test_damaged_copy_is_built_again(folder, tmp_path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("Geneva Nairobi", encoding="utf-8")
    words, built = counted(source)
    words()
    words.stored_in().write_bytes(b"\x80\x05not a pickle")
    words.cache_clear()
    assert words() == ["Geneva", "Nairobi"]
    assert len(built) == 2


def test_stored_gazetteer_index_is_the_index_the_code_builds(folder) -> None:
    index = gazetteer.index.build()
    assert pickle.loads(pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)) == index
    assert len(index.phrases) > 30_000
    assert index.phrases[("Nairobi",)].geonames_id == "184745"
