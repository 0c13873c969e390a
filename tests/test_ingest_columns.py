"""Two-column pages (meeting records) are read one column after the other, never across."""

from pipeline.ingest.pdf import read_pdf
from tests.pdfmaker import make_pdf, make_two_column_pdf

# A/76/PV.102, page 1, as printed in its two columns (un-project/un-extractor,
# data/raw_pdfs/en/ga/76/pv/document_102.pdf)
LEFT = [
    "The President: Before we proceed to other items,",
    "it is my sad duty to pay tribute to the memory of Her",
    "Majesty Queen Elizabeth II, who passed away today.",
    "The passing of Her Majesty the Queen is a moment of",
    "great sadness for the royal family, the people of the",
    "United Kingdom and the international community.",
    "Her loss will be deeply felt throughout the world. She",
    "will always be remembered for her dedicated service at",
    "home, across the Commonwealth and around the globe.",
    "On behalf of the General Assembly, I request the",
    "representative of the United Kingdom to convey our",
]
RIGHT = [
    "The President: The General Assembly will now",
    "take a decision on draft resolution A/76/L.86, entitled",
    "Financing for peacebuilding. May I take it that it is",
    "the wish of the General Assembly to adopt the draft",
    "resolution? Draft resolution A/76/L.86 was adopted.",
    "Mr. Kimani (Kenya): It was not long ago that the",
    "General Assembly convened here for the high-level",
    "meeting on financing for peacebuilding. Our meeting",
    "and the consensus adoption of landmark resolution",
    "76/305 this afternoon are a demonstration of the",
    "ownership and urgency that the entire membership has",
]


def test_two_columns_read_left_then_right(tmp_path):
    path = tmp_path / "pv.pdf"
    path.write_bytes(make_two_column_pdf("General Assembly, 102nd plenary meeting", LEFT, RIGHT))
    text = read_pdf(path).text
    assert text.startswith("General Assembly, 102nd plenary meeting\n\n")
    left = text.index("The President: Before we proceed")
    right = text.index("The President: The General Assembly will now")
    assert left < right
    # a line's end is followed by the next line of its own column, not the other column's
    assert "memory of Her Majesty Queen Elizabeth II, who passed away today." in text
    assert "Mr. Kimani (Kenya): It was not long ago that the General Assembly convened" in text
    assert "convey our The President" not in text


def test_one_column_page_keeps_its_lines(tmp_path):
    path = tmp_path / "one.pdf"
    path.write_bytes(make_pdf([LEFT]))
    text = read_pdf(path).text
    assert "memory of Her Majesty Queen Elizabeth II, who passed away today." in text
