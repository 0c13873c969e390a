"""PDF ingest on the corpus PDFs: headers, footers, note markers, footnotes, hyphenation, the
masthead, and the errors a user must be able to act on."""

import re
from pathlib import Path

import pytest

from pipeline.ingest import pdf
from pipeline.ingest.pdf import FOOTNOTE_RULE, PdfError, read_pdf

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parents[1] / "shared" / "corpus"
TEXT_PDFS = [
    "un-pdf-a-res-73-3.pdf", "un-pdf-a-res-73-6.pdf", "un-pdf-a-res-73-7.pdf",
    "un-pdf-a-res-73-8.pdf", "un-pdf-a-80-590.pdf", "un-pdf-a-80-604-add6.pdf",
    "un-pdf-a-81-6-sect25.pdf", "un-pdf-a-l-632-1971.pdf",
]


def corpus(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path


_cache: dict[str, pdf.PdfText] = {}


def doc(name: str) -> pdf.PdfText:
    if name not in _cache:
        _cache[name] = read_pdf(corpus(name))
    return _cache[name]


def page(result: pdf.PdfText, number: int) -> str:
    starts = (*result.page_starts, len(result.text) + 1)
    return result.text[starts[number - 1] : starts[number] - 1]


def notes(result: pdf.PdfText) -> list[str]:
    return [result.text[a:b] for a, b in result.footnote_spans]


@pytest.mark.parametrize(
    ("name", "symbol", "date", "pages", "title"),
    [
        ("un-pdf-a-res-73-8.pdf", "A/RES/73/8", "2018-11-05", 2,
         "Necessity of ending the economic, commercial and financial embargo imposed by the "
         "United States of America against Cuba"),
        ("un-pdf-a-res-73-3.pdf", "A/RES/73/3", "2018-10-18", 10,
         "Political declaration of the high-level meeting of the General Assembly on the fight "
         "against tuberculosis"),
        ("un-pdf-a-80-590.pdf", "A/80/590", "2026-01-07", 27,
         "Budget performance of the United Nations Multidimensional Integrated Stabilization "
         "Mission in Mali for the period from 1 July 2024 to 30 June 2025"),
        ("un-pdf-a-80-604-add6.pdf", "A/80/604/Add.6", "2026-04-07", 12,
         "Budget performance for the period from 1 July 2024 to 30 June 2025 and proposed budget "
         "for the period from 1 July 2026 to 30 June 2027 for the United Nations Interim "
         "Administration Mission in Kosovo"),
        # the masthead prints `A/81/6 (Sect. 25)/Part A*`; the asterisk is a footnote reference
        ("un-pdf-a-81-6-sect25.pdf", "A/81/6(Sect.25)/PartA", "2026-02-20", 9,
         "Proposed programme budget for 2027"),
        # 1971 OCR: the date's day is noise (`~9 September 1971`), so no date
        ("un-pdf-a-l-632-1971.pdf", "A/L.632", "", 1,
         "RESTORATION OF THE LAWFUL RIGHTS OF THE PEOPLE'S REPUBLIC OF CHINA IN THE UNITED "
         "NATIONS"),
    ],
)
def test_masthead(name, symbol, date, pages, title):
    result = doc(name)
    assert (result.symbol, result.date, result.pages, result.title) == (symbol, date, pages, title)


def test_first_page_masthead_kept_as_text():
    first = page(doc("un-pdf-a-res-73-8.pdf"), 1)
    assert first.startswith(
        "United Nations\tA/RES/73/8\n\nGeneral Assembly\tDistr.: General 5 November 2018\n\n"
        "Seventy-third session\nAgenda item 43\n\n"
        "Resolution adopted by the General Assembly on 1 November 2018\n\n"
    )


@pytest.mark.parametrize(
    ("name", "gone"),
    [
        # job number, barcode, page number `2/2`, running header with the symbol
        ("un-pdf-a-res-73-8.pdf", "18-18418"),
        ("un-pdf-a-res-73-8.pdf", "*1818418*"),
        ("un-pdf-a-res-73-8.pdf", "2/2"),
        ("un-pdf-a-res-73-8.pdf", "A/RES/73/8 imposed by the United States"),
        ("un-pdf-a-res-73-3.pdf", "A/RES/73/3 on the fight against tuberculosis"),
        ("un-pdf-a-res-73-3.pdf", "on the fight against tuberculosis A/RES/73/3"),
        ("un-pdf-a-res-73-3.pdf", "18-16895"),
        ("un-pdf-a-80-590.pdf", "26-00248"),
        ("un-pdf-a-80-590.pdf", "\nA/80/590\n"),
        ("un-pdf-a-81-6-sect25.pdf", "\fPart VI Human rights"),
        ("un-pdf-a-81-6-sect25.pdf", "\fSection 25 International protection"),
        ("un-pdf-a-l-632-1971.pdf", "71-19641"),
    ],
)
def test_headers_and_footers_removed(name, gone):
    assert gone not in doc(name).text


def test_running_header_removed_from_page_start():
    second = page(doc("un-pdf-a-res-73-8.pdf"), 2)
    assert second.startswith("2002, 58/7 of 4 November 2003, 59/11 of 28 October 2004,")


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        # markers 1 and 2 (raised, small) dropped, never glued to a word
        ("un-pdf-a-res-73-3.pdf",
         "1. Reaffirm the 2030 Agenda for Sustainable Development, including the resolve to end "
         "the tuberculosis epidemic by 2030, and the Addis Ababa Action Agenda of the Third "
         "International Conference on Financing for Development;\n"),
        # marker 3 after a closing quote and a comma, marker 5 after `2014,`
        ("un-pdf-a-res-73-3.pdf",
         "Children’s and Adolescents’ Health”, and Human Rights Council resolution 33/11 of "
         "29 September 2016"),
        ("un-pdf-a-res-73-3.pdf", "resolution 67.1 of 21 May 2014, and its associated targets;"),
        ("un-pdf-a-80-604-add6.pdf", "balance of $6,896,800, or 15.0 per cent."),
        # table-note markers `a,b` after a period label
        ("un-pdf-a-80-604-add6.pdf", "Projected expenditure for 2025/26\t$39,082,100"),
        ("un-pdf-a-res-73-8.pdf",
         "1. Takes note of the report of the Secretary-General on the implementation of "
         "resolution 72/4;\n"),
    ],
)
def test_note_markers_dropped(name, sentence):
    assert sentence in doc(name).text


@pytest.mark.parametrize(
    ("name", "sentence"),
    [
        # a compound split at a line end keeps its hyphen and loses the line break
        ("un-pdf-a-res-73-3.pdf", "including its drug-resistant forms, is a critical challenge"),
        ("un-pdf-a-res-73-3.pdf", "where 99 per cent of tuberculosis-associated deaths occur"),
        ("un-pdf-a-80-604-add6.pdf", "in particular on activities curtailed and other "
         "lower-than-budgeted expenditures"),
        # wrapped lines of a paragraph joined
        ("un-pdf-a-res-73-8.pdf",
         "Determined to encourage strict compliance with the purposes and principles enshrined "
         "in the Charter of the United Nations,\n"),
        # a right-aligned signature line is not joined to the next
        ("un-pdf-a-res-73-3.pdf", "18th plenary meeting\n10 October 2018"),
        # table of contents: dot leaders become a tab
        ("un-pdf-a-80-590.pdf", "I. Introduction\t6\n"),
    ],
)
def test_lines_joined(name, sentence):
    assert sentence in doc(name).text


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("un-pdf-a-res-73-8.pdf", ["1 A/73/85."]),
        ("un-pdf-a-81-6-sect25.pdf", [
            "* The present document (A/81/6 (Sect. 25)/Part A), consisting of the programme plan "
            "and programme performance information (part II; see General Assembly resolution "
            "77/267, para. 10), will be replaced by a document containing parts A and B (A/81/6 "
            "(Sect. 25)) once part B is issued.\n** A/81/50.\n*** In keeping with paragraph 10 of "
            "General Assembly resolution 77/267, the part consisting of the programme plan and "
            "programme performance information (part II) is submitted through the Committee for "
            "Programme and Coordination for the consideration of the Assembly.",
            "1 Other persons of concern include asylum-seekers, refugee returnees, stateless "
            "persons and internally displaced persons.",
        ]),
    ],
)
def test_footnote_blocks(name, expected):
    assert notes(doc(name))[: len(expected)] == expected


def test_footnotes_of_a_page_follow_its_text():
    second = page(doc("un-pdf-a-res-73-3.pdf"), 2)
    assert second.endswith(
        "the heavy burden of tuberculosis,\n\n" + FOOTNOTE_RULE + "\n"
        "1 Resolution 70/1.\n2 Resolution 69/313, annex.\n"
        "3 See World Health Organization, document WHA69/2016/REC/1.\n"
        "4 See Official Records of the General Assembly, Seventy-first Session, Supplement No. 53A "
        "and corrigendum (A/71/53/Add.1 and A/71/53/Add.1/Corr.1), chap. II.\n"
        "5 See World Health Organization, document WHA67/2014/REC/1.\n"
        "6 See resolution 55/2."
    )


def test_table_is_not_a_footnote_block():
    result = doc("un-pdf-a-80-590.pdf")
    assert all(not n.startswith("Category") for n in notes(result))
    assert "Military contingents\t28 587.8 42 703.7 (14 115.9)\t(49.4)" in result.text


@pytest.mark.parametrize("name", TEXT_PDFS)
def test_page_map_and_spans_consistent(name):
    result = doc(name)
    assert len(result.page_starts) == result.pages
    assert result.page_starts[0] == 0
    assert all(result.text[s - 1] == "\f" for s in result.page_starts[1:])
    assert result.text.count("\f") == result.pages - 1
    for a, b in result.footnote_spans:
        assert result.text[a - len(FOOTNOTE_RULE) - 1 : a] == FOOTNOTE_RULE + "\n"
        assert "\f" not in result.text[a:b]
    assert not re.search(r"(?m)^\d{2}-\d{5}(?: \(E\))?", result.text)
    assert result.warnings == ()


@pytest.mark.parametrize(
    "name", ["un-pdf-ola-memo-1991-12-19.pdf", "un-pdf-ola-note-verbale-2022-03-04.pdf"]
)
def test_scan_without_text_layer(name):
    with pytest.raises(PdfError, match=r"^no text layer: this PDF is a scan; run OCR first"):
        read_pdf(corpus(name))


@pytest.mark.parametrize(
    ("fixture", "message"),
    [
        ("encrypted-user-password.pdf", r"^encrypted: .*supply an unencrypted copy"),
        ("truncated-a-res-73-8.pdf", r"^not a readable PDF: .*re-download it"),
        ("zero-pages.pdf", r"^zero pages: "),
    ],
)
def test_unreadable_fixtures(fixture, message):
    with pytest.raises(PdfError, match=message):
        read_pdf(HERE / "pdfs" / fixture)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"^not a readable PDF: the file is empty"),
        (b"\x7fELF\x02\x01\x01" + bytes(200), r"^not a readable PDF: .*re-download it"),
    ],
)
def test_not_a_pdf(tmp_path, content, message):
    path = tmp_path / "file.pdf"
    path.write_bytes(content)
    with pytest.raises(PdfError, match=message):
        read_pdf(path)


def test_page_that_fails_is_skipped_with_a_warning(monkeypatch):
    real = pdf.read_page

    def flaky(p):
        if p.page_number == 2:
            raise ValueError("bad content stream")
        return real(p)

    monkeypatch.setattr(pdf, "read_page", flaky)
    result = read_pdf(corpus("un-pdf-a-res-73-8.pdf"))
    assert result.pages == 2 and len(result.page_starts) == 2
    assert page(result, 2) == ""
    assert page(result, 1).startswith("United Nations\tA/RES/73/8")
    assert result.warnings == (
        "page 2: could not be read (ValueError: bad content stream); its text is left out",
    )
