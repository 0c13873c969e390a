"""Text files: bytes → str. The encoding is detected from evidence in the bytes (a byte-order
mark, valid UTF-8, the NUL pattern of UTF-16), never guessed from the locale."""

from __future__ import annotations

import codecs

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),  # before UTF-16: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, newline, carriage return and form feed: text never has many
CONTROL = {c for c in range(32) if c not in (9, 10, 12, 13)}


class TextError(ValueError):
    """A text file that cannot be read as text; the message says what to do."""


def detect_encoding(data: bytes) -> str:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    sample = data[:4096]
    if len(sample) >= 2 and sample.count(0) > len(sample) // 4:
        # ASCII-range text in UTF-16 without a BOM: every other byte is NUL
        odd_nuls = sample[1::2].count(0)
        even_nuls = sample[0::2].count(0)
        if odd_nuls > 0.9 * (len(sample) // 2):
            return "utf-16-le"
        if even_nuls > 0.9 * (len(sample) // 2):
            return "utf-16-be"
        raise TextError("binary data, not text: if it is a document, export it as PDF or "
                        "plain text and add that instead")
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        data.decode("cp1252")
        return "cp1252"  # Windows' Western encoding: its 0x80–0x9F are quotes and dashes
    except UnicodeDecodeError:
        return "latin-1"  # decodes any byte; only where cp1252 has an unassigned byte


def decode(data: bytes) -> tuple[str, str]:
    """Return the text (newlines normalized to \\n) and the encoding it was read with."""
    if not data:
        raise TextError("empty file (0 bytes): re-download or re-export it")
    encoding = detect_encoding(data)
    text = data.decode(encoding)
    if text.startswith("\ufeff"):
        text = text[1:]
    controls = sum(1 for ch in text[:8192] if ord(ch) in CONTROL)
    if controls > 0.05 * min(len(text), 8192):
        raise TextError("binary data, not text: if it is a document, export it as PDF or "
                        "plain text and add that instead")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise TextError("the file holds no text (only white space): re-export it")
    return text, encoding
