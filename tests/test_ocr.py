"""OCR of scanned pages (pipeline/ingest/ocr.py): image-only pages are recognized, a scan's
noisy text layer is replaced where OCR reads it better, the recognized lines come in reading
order, and no model is ever downloaded. The scans are real UN documents copied into
tests/scans/ (provenance in tests/scans/MANIFEST.csv); each page takes seconds to recognize, so
each scan is read once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.ingest import ingest, ocr
from pipeline.ingest.lines import Line, RawPage
from pipeline.ingest.pdf import read_pdf

SCANS = Path(__file__).resolve().parent / "scans"
NOTE_VERBALE = SCANS / "un-pdf-ola-note-verbale-2022-03-04.pdf"  # image-only, 1 page
DRAFT_1971 = SCANS / "un-pdf-a-l-632-1971.pdf"  # a 1971 scan with a noisy OCR text layer


@pytest.fixture(scope="module")
def note_verbale():
    return ingest(NOTE_VERBALE, "note", NOTE_VERBALE.name, "pdf")


@pytest.fixture(scope="module")
def draft_1971():
    return read_pdf(DRAFT_1971)


def test_image_only_page_is_recognized(note_verbale):
    assert note_verbale.status == "ok"
    assert note_verbale.text_source == "ocr"
    assert note_verbale.ocr_confidence >= 0.95
    assert note_verbale.warnings == ()
    assert (
        "The Office of Legal Affairs of the Secretariat of the United Nations presents its "
        "compliments to the Permanent Mission of Ukraine to the United Nations"
    ) in note_verbale.text
    assert "including an interoffice memorandum dated 19 December 1991" in note_verbale.text
    assert "POSTAL ADDRESS-ADRESSE POSTALE: UNITED NATIONS, N.Y. 10017" in note_verbale.text


def test_recognized_text_has_a_page_map(note_verbale):
    assert note_verbale.page_starts == (0,)
    start = note_verbale.text.index("Mr. Boris Yeltsin.")
    assert note_verbale.page_of(start) == 1


def test_noisy_text_layer_of_a_scan_is_replaced(draft_1971):
    assert draft_1971.text_source == "ocr"
    # the text layer reads `~9 September 1971`, `rrwenty-sixth` and `Nicar~gua`
    assert "A/L.632\nASSEMBLY\t29 September 1971" in draft_1971.text
    assert "Twenty-sixth session" in draft_1971.text
    assert "Japan, Lesotho, Liberia, New Zealand, Nicaragua," in draft_1971.text
    assert draft_1971.symbol == "A/L.632"
    assert draft_1971.title == ("RESTORATION OF THE LAWFUL RIGHTS OF THE PEOPLE'S REPUBLIC OF "
                                "CHINA IN THE UNITED NATIONS")
    assert "71-19641" not in draft_1971.text  # the job number, a footer, as in a text layer


@pytest.mark.parametrize(
    ("text", "noise"),
    [
        # S/PV.492 (1950), its OCR text layer, page 4: `I11\\`, `dele~ation`, `pCl~der` and
        # `éluestic~n` are malformed; `iudgmem`, `yery` and `beiore` are word-shaped
        ("1;, thé' iudgmem (li I11\\' dele~ation the Security Coun\ufffecil mus,' pCl~der this "
         "éluestic~n yery seriousl}: beiore", 4 / 16),
        ("the iuridical ,otatus oi that i,oland. This is not the time", 1 / 11),
        # the same words as printed, and a born-digital line with a symbol and a figure
        ("the juridical status of that island. This is not the time", 0.0),
        ("Recalls resolution A/RES/73/8 of 1 November 2018, l'Union and 49.4%", 0.0),
    ],
)
def test_noise_counts_malformed_tokens(text, noise):
    assert ocr.noise(text) == pytest.approx(noise)


def box(text: str, x0: float, top: float, x1: float) -> ocr.Box:
    return ocr.Box(text, 0.99, x0, top, x1, top + 11)


def test_two_columns_are_read_left_then_right():
    # S/PV.492 page 4 (1950), English and French columns side by side, as the engine boxes
    # them (points): a full-width line first, then the two columns
    boxes = [
        box("SECURITY COUNCIL OFFICIAL RECORDS", 150, 10, 400),
        box("deals with the so-called \"armed invasion of the terri-", 14, 30, 262),
        box("visoire du point 3, qui a trait à une prétendue invasion", 274, 30, 522),
        box("tory of China by the Government of the United States", 14, 41, 262),
        box("armée du territoire de la Chine par le Gouvernement", 274, 41, 522),
        box("of America and concerning violation of the Charter of", 14, 52, 262),
        box("des Etats-Unis d'Amérique et une violation de la Charte", 274, 52, 522),
        box("the United Nations\". I ask that a vote should be taken", 14, 63, 262),
        box("des Nations Unies. Je demande qu'un vote ait lieu", 274, 63, 522),
        box("with respect to that item.", 14, 74, 140),
        box("en ce qui concerne ce point.", 274, 74, 400),
    ]
    page = ocr.layout(boxes, 540, 747)
    assert [line.text for line in page.lines] == [
        "SECURITY COUNCIL OFFICIAL RECORDS",
        "deals with the so-called \"armed invasion of the terri-",
        "tory of China by the Government of the United States",
        "of America and concerning violation of the Charter of",
        "the United Nations\". I ask that a vote should be taken",
        "with respect to that item.",
        "visoire du point 3, qui a trait à une prétendue invasion",
        "armée du territoire de la Chine par le Gouvernement",
        "des Etats-Unis d'Amérique et une violation de la Charte",
        "des Nations Unies. Je demande qu'un vote ait lieu",
        "en ce qui concerne ce point.",
    ]


def test_a_contents_page_is_not_two_columns():
    # A/80/590 (2026), its contents rendered and recognized: the page numbers at the right
    # margin stay on their entries' lines
    entries = ["I. Introduction", "II. Mandate performance.", "A. Overall",
               "B. Budget implementation .", "C. Mission support initiatives . .",
               "D. Results-based budgeting frameworks .", "III. Resource performance .",
               "A. Financial resources"]
    numbers = ["6", "6", "6", "6", "10", "13", "19", "19"]
    boxes = []
    for k, (entry, number) in enumerate(zip(entries, numbers, strict=True)):
        boxes.append(box(entry, 100, 300 + 14 * k, 100 + 6 * len(entry)))
        boxes.append(box(number, 530, 300 + 14 * k, 536 + 4 * len(number)))
    page = ocr.layout(boxes, 612, 792)
    assert [line.text for line in page.lines] == [
        f"{entry}\t{number}" for entry, number in zip(entries, numbers, strict=True)
    ]


def test_boxes_of_one_line_become_cells():
    # the memorandum's masthead (1991): label, value and, far right, the date
    boxes = [box("TO:", 88, 97, 104), box("The Secretary-General", 182, 99, 280),
             box("DATE:", 432, 99, 458), box("19 December 1991", 465, 97, 540)]
    page = ocr.layout(boxes, 612, 792)
    assert [line.cells for line in page.lines] == [
        ("TO:", "The Secretary-General", "DATE: 19 December 1991")
    ]


def test_page_ranges_in_warnings():
    assert ocr._ranges([2, 3, 4, 7, 9, 10]) == "2-4, 7, 9-10"


def test_engine_uses_the_models_in_the_wheel(monkeypatch):
    from rapidocr.utils import download_file

    def no_download(*_args, **_kwargs):
        raise AssertionError("RapidOCR tried to download a model")

    monkeypatch.setattr(download_file.DownloadFile, "run", no_download)
    monkeypatch.setattr(download_file.requests, "get", no_download)
    ocr.engine.cache_clear()
    engine = ocr.engine()
    assert engine.cfg.Det.model_path.endswith("PP-OCRv6_det_small.onnx")
    assert engine._load_det_model() is not None
    assert engine._load_rec_model() is not None


# S/PV.492 (1950), page 4: a line of its OCR text layer, and the same line as printed
NOISY_LINE = ("1;, thé' iudgmem (li I11\\' dele~ation the Security Coun\ufffecil mus,' pCl~der "
              "this éluestic~n yery seriousl}: beiore")
PRINTED_LINE = ("In the judgment of my delegation the Security Council must ponder this question "
                "very seriously before")


def scan_page(*texts: str) -> RawPage:
    lines = tuple(Line(top=100 + 12 * k, bottom=110 + 12 * k, x0=72, x1=500, size=10,
                       bold=False, cells=(text,)) for k, text in enumerate(texts))
    return RawPage(612, 792, lines, ())


def fake_ocr(monkeypatch, covers: list[float], recognized: dict[int, ocr.OcrPage]) -> list:
    asked = []

    def read_pages(_path, numbers):
        asked.extend(numbers)
        return {n: recognized[n] for n in numbers}

    monkeypatch.setattr(ocr, "image_cover", lambda _path: covers)
    monkeypatch.setattr(ocr, "read_pages", read_pages)
    return asked


def test_each_page_keeps_the_text_that_reads_better(monkeypatch):
    pages = [scan_page(PRINTED_LINE), scan_page(NOISY_LINE), scan_page(NOISY_LINE), scan_page()]
    asked = fake_ocr(monkeypatch, [0.01, 1.0, 1.0, 1.0], {
        2: ocr.OcrPage(scan_page(PRINTED_LINE), 0.97, 100),
        3: ocr.OcrPage(scan_page(NOISY_LINE + " ~ia I11"), 0.90, 120),
        4: ocr.OcrPage(scan_page("Tbe ~ lll"), 0.41, 9),
    })
    reading = ocr.read_scans(Path("scan.pdf"), pages)
    assert asked == [2, 3, 4]  # page 1 is born digital: its layer is never re-read
    # page 3's recognized text is no less noisy than its layer; page 4 is left out
    assert reading.sources == ("text-layer", "ocr", "text-layer", "ocr")
    assert reading.text_source == "mixed"
    assert reading.pages[1].lines[0].text == PRINTED_LINE
    assert reading.pages[3].lines == ()
    assert reading.confidence == 0.97
    assert reading.warnings == (
        "page 4: recognized text too poor to trust (OCR confidence 0.41); left out",
    )


def test_more_noisy_pages_than_the_cap_keep_their_layer(monkeypatch):
    pages = [scan_page(NOISY_LINE)] * 8
    asked = fake_ocr(monkeypatch, [1.0] * 8, {})
    monkeypatch.setattr(ocr, "MAX_PAGES", 6)
    reading = ocr.read_scans(Path("scan.pdf"), pages)
    assert asked == []
    assert reading.text_source == "text-layer"
    assert reading.confidence is None
    assert reading.warnings == (
        "pages 1-8: noisy text layer kept (OCR re-reads at most 6 pages a document: "
        "OCR_MAX_PAGES=<pages> DOC_SECONDS=<seconds> make, after touching the file, reads them)",
    )
