"""Text ingest: encodings detected from the bytes, newlines normalized, pages at form feeds."""

from __future__ import annotations

import pytest

from pipeline.ingest import ingest
from pipeline.ingest.text import TextError, decode

# a real line of a UN text (seed 004) with characters outside ASCII
LINE = "the title of the second meeting of the Global Forum, “Protecting and empowering migrants”"
CIV = "Côte d’Ivoire — the Government of Côte d’Ivoire"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (LINE.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + LINE.encode("utf-8"), "utf-8-sig"),
        (LINE.encode("utf-16"), "utf-16"),  # with BOM
        (LINE.encode("utf-16-le"), "utf-16-le"),  # no BOM
        (LINE.encode("utf-16-be"), "utf-16-be"),
        (LINE.encode("cp1252"), "cp1252"),
        (CIV.encode("cp1252"), "cp1252"),
    ],
)
def test_decode_detects_encoding(data: bytes, encoding: str) -> None:
    text, found = decode(data)
    assert found == encoding
    assert text in (LINE, CIV)


def test_latin1_with_stray_byte_is_read() -> None:
    assert decode(b"Gen\xe8ve \x81 2006") == ("Genève \x81 2006", "latin-1")


def test_crlf_normalized_and_form_feed_kept() -> None:
    assert decode(b"first page\r\nline\fsecond page\r")[0] == "first page\nline\fsecond page\n"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"   \n\n ", "no text"),
        (bytes(range(256)) * 20, "binary data"),
    ],
)
def test_unreadable_text_says_why(data: bytes, message: str) -> None:
    with pytest.raises(TextError, match=message):
        decode(data)


def test_form_feed_starts_a_page(tmp_path) -> None:
    path = tmp_path / "two.txt"
    path.write_bytes(b"Recalling its resolution 61/208,\n\fRequests the Secretary-General")
    doc = ingest(path, "two", "two.txt", "txt")
    assert doc.status == "ok"
    assert doc.page_starts == (0, doc.text.index("Requests"))
    assert doc.page_of(doc.text.index("Requests")) == 2
    assert doc.page_of(0) == 1


def test_bad_file_becomes_error_document(tmp_path) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 20)
    doc = ingest(path, "junk", "junk.txt", "txt")
    assert (doc.status, doc.text) == ("error", "")
    assert doc.error.startswith("binary data, not text")
    assert len(doc.sha256) == 64
