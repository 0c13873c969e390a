"""Small PDFs made on the fly for the tests (nothing large is committed): pages of text in
Helvetica, pages with no text layer, and encrypted copies (through pypdf)."""

from __future__ import annotations

import io


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(pages: list[list[str]], *, text_layer: bool = True) -> bytes:
    """A PDF with one page per item, each a list of lines set from the top of an A4 page.
    Without a text layer, each page only draws a filled box, as an image-only scan would."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    pages_id = len(objects) + 1 + 2 * len(pages)  # the Pages object comes after every page
    kids = []
    for lines in pages:
        if text_layer:
            ops = ["BT /F1 11 Tf 14 TL 72 770 Td"]
            ops += [f"({_escape(line)}) Tj T*" for line in lines]
            ops.append("ET")
        else:
            ops = ["0.5 g 72 400 450 350 re f"]
        stream = "\n".join(ops).encode("latin-1")
        content = add(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        kids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (pages_id, content, font)))
    kid_refs = b" ".join(b"%d 0 R" % k for k in kids)
    add(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kid_refs, len(kids)))
    catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)

    return _serialize(objects, catalog)


def _serialize(objects: list[bytes], root: int) -> bytes:
    """The PDF file of numbered objects (1-based), with its cross-reference table."""
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % off for off in offsets)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objects) + 1, root, xref))
    return out.getvalue()


def encrypt(pdf: bytes, user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def make_two_column_pdf(heading: str, left: list[str], right: list[str]) -> bytes:
    """One page: a heading across the page, then two columns of lines set side by side at the
    same heights, as a meeting record is set."""
    ops = ["BT /F1 11 Tf 14 TL 57 770 Td", f"({_escape(heading)}) Tj ET"]
    for x, lines in ((57, left), (310, right)):
        ops.append(f"BT /F1 9 Tf 11 TL {x} 740 Td")
        ops += [f"({_escape(line)}) Tj T*" for line in lines]
        ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Page /Parent 4 0 R /MediaBox [0 0 595 842] /Contents 2 0 R "
        b"/Resources << /Font << /F1 1 0 R >> >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Catalog /Pages 4 0 R >>",
    ]
    return _serialize(objects, 5)
