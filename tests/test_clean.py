"""Cleanup steps on real lines from the seeds and the corpus, each with its exact clean text."""

import pytest

from pipeline.ingest.clean import (
    clean_text_file,
    crosses_cells,
    drop_dot_leaders,
    drop_glued_markers,
    drop_marker_residue,
    drop_page_furniture,
    ends_cell,
    find_footnote_spans,
    join_masthead_date,
    join_paragraph_lines,
    normalize_ligatures,
    normalize_whitespace,
    rejoin_hyphenated,
)
from tests.conftest import corpus_texts, manifest, real_doc

SEED_004 = "004_42a0f7cf2bba071a.txt"
DRAFT_L1 = "un-ga-draft-a-80-l1.txt"


def read(name: str) -> str:
    return real_doc(name).read_text(encoding="utf-8-sig").replace("\r\n", "\n")


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # seed 004: residue and marker on their own line after the anchor
        ("members of their families, 0F\n\n1 \n\n Considering that the summary",
         "members of their families,\n\n Considering that the summary"),
        # seed 004: the sentence goes on after the marker
        ("in a note by the President of the General Assembly, 1F\n\n2 underlined the close",
         "in a note by the President of the General Assembly, underlined the close"),
        ("under the \nauspices of the Government of Belgium, 3F\n\n4 and the generous offer",
         "under the \nauspices of the Government of Belgium, and the generous offer"),
        ("circulated as a document of the General Assembly, 0H\n\n4 \nand invites organizers",
         "circulated as a document of the General Assembly,\nand invites organizers"),
        # not residue: a number in running text
        ("held in Brussels from 9 to 11 July 2007 under the",
         "held in Brussels from 9 to 11 July 2007 under the"),
    ],
)
def test_drop_marker_residue(raw, clean):
    assert drop_marker_residue(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        # seed 004: running header (own symbol, page number) between footnotes and the next page
        ("3 See A/60/871.\n4 A/C.2/62/2, annex.\n\n\n\nA/RES/62/270\n\n3\n\n 2. Takes note with",
         "3 See A/60/871.\n4 A/C.2/62/2, annex.\n\n\n\n\n\n 2. Takes note with"),
        # A/80/L.1 (PyMuPDF text): header symbol, job number and page `2/2`
        ("1  A/CONF.243/2025/1, annex.\n\nA/80/L.1\n\n25-14304\n2/2\n\n\n(b)",
         "1  A/CONF.243/2025/1, annex.\n\n\n\n\n(b)"),
        # a footnote that is only a symbol is not furniture (no page number, not in a cluster)
        ("_______________\n1 See resolution 60/1, paras. 61 and 62.\n2 A/61/515.\n  Considering",
         "_______________\n1 See resolution 60/1, paras. 61 and 62.\n2 A/61/515.\n  Considering"),
        # a lone number between paragraphs is not furniture either
        ("of Palestine.\n\n3\n\nRecalling", "of Palestine.\n\n3\n\nRecalling"),
    ],
)
def test_drop_page_furniture(raw, clean):
    assert drop_page_furniture(raw) == clean


def test_masthead_keeps_symbol_drops_job_number_and_barcode():
    raw = "United Nations\nA/80/L.1\n\n\nGeneral Assembly\nDistr.: Limited\n9 September 2025\n" \
          "Original: English\n\n25-14304 (E)    100925\n*2514304*\n\n\nEightieth session"
    assert drop_page_furniture(raw) == (
        "United Nations\nA/80/L.1\n\n\nGeneral Assembly\nDistr.: Limited\n9 September 2025\n"
        "Original: English\n\n\n\nEightieth session"
    )


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("It is not normal for the Secretary-\nGeneral of the world’s largest Organization",
         "It is not normal for the Secretary-General of the world’s largest Organization"),
        ("agreed upon in Oslo have at last borne fruit with the long-\nawaited initialling",
         "agreed upon in Oslo have at last borne fruit with the long-awaited initialling"),
        ("the Implementation of the Two-\nState Solution:",
         "the Implementation of the Two-State Solution:"),
        # a dash ending a line is not a split word
        ("the 2022 -\n2026 period", "the 2022 -\n2026 period"),
        # soft hyphen: a syllable break, rejoined without it
        ("the inter\u00ad\nnational community", "the international community"),
    ],
)
def test_rejoin_hyphenated(raw, clean):
    assert rejoin_hyphenated(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("General Assembly\nDistr.: Limited\n9 September 2025\nOriginal: English",
         "General Assembly\nDistr.: Limited 9 September 2025\nOriginal: English"),
        ("Distr.: General\n5 November 2018", "Distr.: General 5 November 2018"),
        ("Distr.: General\nOriginal: English", "Distr.: General\nOriginal: English"),
    ],
)
def test_join_masthead_date(raw, clean):
    assert join_masthead_date(raw) == clean


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("I. Introduction . . . . . . . . . . . . . . . 6", "I. Introduction\t6"),
        ("A. Overall..........................6", "A. Overall\t6"),
        ("the Assembly ... decided", "the Assembly ... decided"),
    ],
)
def test_drop_dot_leaders(raw, clean):
    assert drop_dot_leaders(raw) == clean


def test_normalize_ligatures_and_whitespace():
    assert normalize_ligatures("the ﬁnancial ﬂows") == "the financial flows"
    assert normalize_whitespace("Manila,  \n\n\n\n Noting\u00a0with") == "Manila,\n\n Noting with"


def test_drop_glued_markers_only_for_existing_footnotes():
    raw = ("the Implementation of the Two-State Solution;1\n__________________\n\n"
           "1  A/CONF.243/2025/1, annex.")
    assert drop_glued_markers(raw) == (
        "the Implementation of the Two-State Solution;\n__________________\n\n"
        "1  A/CONF.243/2025/1, annex."
    )
    # no footnote 3 in the document: `2006,3` is left alone
    assert drop_glued_markers("adopted on 10 May 2006,3 and") == "adopted on 10 May 2006,3 and"


def test_join_paragraph_lines_joins_full_lines_only():
    lines = [
        " Recalling that the 2005 World Summit Outcome acknowledged the important",
        "nexus between international migration and development and the need to deal with",
        "the challenges and opportunities that migration presents and reaffirmed the resolve",
        "to take measures to ensure respect for and protection of the human rights of",
        "migrants, migrant workers and members of their families,",
        "",
        "Distr.: Limited",
        "Original: English",
    ]
    assert join_paragraph_lines("\n".join(lines)).split("\n") == [
        " ".join(lines[:5]),
        "",
        "Distr.: Limited",
        "Original: English",
    ]


@pytest.mark.parametrize(
    ("raw", "notes"),
    [
        ("of the United Nations system,\n\n_______________\n"
         "1 See resolution 60/1, paras. 61 and 62.\n2 A/61/515.\n  Considering that the report",
         ["1 See resolution 60/1, paras. 61 and 62.\n2 A/61/515."]),
        # rendered resolution: notes to the end
        ("21 December 2020\n\n__________________\n20 A/75/292.\n21 Resolution 70/1.\n",
         ["20 A/75/292.\n21 Resolution 70/1."]),
        # a note continued on the next line
        ("x\n__________________\n"
         "4 See Official Records of the General Assembly, Seventy-first Session,"
         "\n(A/71/53/Add.1), chap. II.\n5 Ibid.\fnext page",
         ["4 See Official Records of the General Assembly, Seventy-first Session,\n"
          "(A/71/53/Add.1), chap. II.\n5 Ibid."]),
        # a rule with no notes under it
        ("Signed\n__________\nThe President", []),
    ],
)
def test_find_footnote_spans(raw, notes):
    assert [raw[a:b] for a, b in find_footnote_spans(raw)] == notes


def test_seed_004_clean():
    result = clean_text_file(read(SEED_004))
    text = result.text
    assert result.from_pdf
    assert result.symbol == "A/RES/62/270"
    assert "0F" not in text and "1F" not in text and "0H" not in text
    assert "\nA/RES/62/270\n" not in text
    assert (
        "in a note by the President of the General Assembly, underlined the close link between"
    ) in text
    assert "of the Government of Belgium, and the generous offer of the Government" in text
    assert [text[a:b] for a, b in result.footnote_spans] == [
        "1 See resolution 60/1, paras. 61 and 62.\n2 A/61/515.",
        "3 See A/60/871.\n4 A/C.2/62/2, annex.",
    ]
    assert text.rstrip().endswith("a report on the implementation of the present resolution.")


def test_draft_l1_clean():
    result = clean_text_file(read(DRAFT_L1))
    text = result.text
    assert result.from_pdf
    assert result.symbol == "A/80/L.1"
    assert text.startswith("United Nations\nA/80/L.1\n\nGeneral Assembly\n"
                           "Distr.: Limited 9 September 2025\nOriginal: English\n")
    assert "25-14304" not in text and "*2514304*" not in text and "2/2" not in text
    assert "the Implementation of the Two-State Solution;\n" in text
    assert [text[a:b] for a, b in result.footnote_spans] == [
        "* A/80/150.\n\n** Any changes to the list of sponsors will be reflected in the official "
        "record of the meeting.\n\n1  A/CONF.243/2025/1, annex."
    ]


# Texts that are the text layer of a UN PDF (masthead, job number, page furniture), as the
# manifest's sources give them: the cleaner treats them as PDF text, so they are not here.
PDF_TEXT_SOURCES = {"yuiseki/undocs", "wannli/un-docs-downloader"}
NOT_PDF = [
    p.name for p in corpus_texts()
    if p.name != SEED_004 and manifest()[p.name]["source_repo"] not in PDF_TEXT_SOURCES
]


@pytest.mark.parametrize("name", NOT_PDF)
def test_other_text_files_essentially_unchanged(name):
    raw = read(name)
    result = clean_text_file(raw)
    assert not result.from_pdf
    assert result.text == rejoin_hyphenated(normalize_whitespace(raw))
    assert result.text.count("\f") == raw.count("\f")


def test_rendered_resolution_footnotes_marked():
    raw = read("un-ga-res-75-285.txt")
    result = clean_text_file(raw)
    (start, end), = result.footnote_spans
    assert result.text[end:].strip() == ""
    assert result.text[start:].startswith("1 ")


# the layout questions extractors ask of the clean text (table rows: one line, cells tabbed);
# un-pdf-a-80-590 (a budget table) and gd-1995-fra (running text), as ingest writes them
TABLE = "(Thousands of United States dollars)\n\nAmount\n\nGroup of expenditure\t2022"
PROSE = ("he principles of a settlement\nproposed to the protagonists in this conflict by the "
         "Contact\nGroup at Geneva on 8 Sept")


def test_a_span_across_a_table_row_break_crosses_cells():
    start = TABLE.index("Amount")
    assert crosses_cells(TABLE, start, TABLE.index("Group") + len("Group"))


def test_a_name_wrapped_in_running_text_crosses_no_cells():
    start = PROSE.index("Contact")
    assert not crosses_cells(PROSE, start, PROSE.index("Group") + len("Group"))


def test_a_tab_ends_a_cell_and_a_line_of_prose_ends_none():
    assert ends_cell(TABLE, TABLE.index("\t"))
    assert not ends_cell(PROSE, PROSE.index("\nGroup"))
