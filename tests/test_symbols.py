"""The symbol extractor on real sentences from UN documents (tests/corpus, see its MANIFEST.csv).

Each case: the sentence as it stands in the document (PDF line breaks kept), the document's own
symbol, and the exact rows expected as (symbol, date, pinpoint, relation), in text order."""

from __future__ import annotations

import csv
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from pipeline.extract.masthead import document_symbol
from pipeline.extract.symbol_grammar import Parsed, canonical, parse
from pipeline.extract.symbols import find
from pipeline.models import Context
from tests.conftest import corpus_texts


def rows(text: str, doc_symbol: str = "") -> list[tuple[str, str, str, str]]:
    mentions = find(Context(text=text, doc_symbol=doc_symbol))
    for m in mentions:
        assert text[m.start : m.end] == m.text
    return [(m.symbol, m.date, m.pinpoint, m.relation) for m in mentions]


def cite(symbol: str, date: str = "", pinpoint: str = "") -> tuple[str, str, str, str]:
    return (symbol, date, pinpoint, "cites")


def own(symbol: str) -> tuple[str, str, str, str]:
    return (symbol, "", "", "self")


GA_62_270 = "A/RES/62/270"
GA_75_226 = "A/RES/75/226"
ECOSOC_2022_5 = "E/RES/2022/5"

# fmt: off
CASES = [
    # --- short forms: organ from the document and from the naming phrase ---
    ("Recalling its resolutions 61/208 of 20 December 2006 on international \nmigration and "
     "development and 62/156 of 18 December 2007 on the protection of \nmigrants, ", GA_62_270,
     [cite("A/RES/61/208", "2006-12-20"), cite("A/RES/62/156", "2007-12-18")]),
    ("1 See resolution 60/1, paras. 61 and 62. ", GA_62_270,
     [cite("A/RES/60/1", pinpoint="paras. 61 and 62")]),
    ("prepared pursuant to General Assembly \nresolutions 59/241 of 22 December 2004 and 60/227 of"
     " 23 December 2005, ", GA_62_270,
     [cite("A/RES/59/241", "2004-12-22"), cite("A/RES/60/227", "2005-12-23")]),
    ("Recalling that the Council, in its resolution 2020/15 of 17 July 2020, requested the "
     "Commission", ECOSOC_2022_5, [cite("E/RES/2020/15", "2020-07-17")]),
    ("3 General Assembly resolution S-23/2, annex, and resolution S-23/3, annex.", ECOSOC_2022_5,
     [cite("A/RES/S-23/2", pinpoint="annex"), cite("A/RES/S-23/3", pinpoint="annex")]),
    ("2 General Assembly resolution 70/1.", ECOSOC_2022_5, [cite("A/RES/70/1")]),
    ("Recalling its resolution ES-10/24 of 18 September 2024, in which it decided", "A/80/L.1",
     [cite("A/RES/ES-10/24", "2024-09-18")]),
    ("Recalling further the decision of the General Assembly, in its decision 79/573 B \nof 5 "
     "September 2025, to resume", "A/80/L.1", [cite("A/DEC/79/573B", "2025-09-05")]),
    ("Recalling its resolutions 74/270 of 2 April 2020, 74/274 of 20 April 2020 and 74/306 and "
     "74/307 of 11 September 2020", "A/RES/75/17",
     [cite("A/RES/74/270", "2020-04-02"), cite("A/RES/74/274", "2020-04-20"),
      cite("A/RES/74/306", "2020-09-11"), cite("A/RES/74/307", "2020-09-11")]),
    # bare numbers with no `resolution` before them are not read as symbols ...
    ("70/165 of 17 December 2015, 70/265 of 7\u00a0June 2016, 71/290 of 1 June 2017",
     "A/RES/75/285", []),
    # ... and with it, a no-break space inside a date (AKN texts) does not break the list
    ("including its resolutions 62/153 of 18 December 2007, 70/265 of 7\u00a0June 2016, 71/290 of"
     " 1 June 2017", "A/RES/75/285",
     [cite("A/RES/62/153", "2007-12-18"), cite("A/RES/70/265", "2016-06-07"),
      cite("A/RES/71/290", "2017-06-01")]),
    # Human Rights Council; footnote marks glued to the year (`20193`)
    ("and recalling also Human Rights Council resolutions 35/17 of 22 June 2017,1 36/5 of 28 "
     "September 2017,2 41/7 of 11 July 20193 and 47/12 of 12 July 2021,4", "A/RES/76/172",
     [cite("A/HRC/RES/35/17", "2017-06-22"), cite("A/HRC/RES/36/5", "2017-09-28"),
      cite("A/HRC/RES/41/7", "2019-07-11"), cite("A/HRC/RES/47/12", "2021-07-12")]),
    # a functional commission, then `its` = that commission (the Assembly has no 2013/1)
    ("Recalling also Commission on Population and Development resolutions 2006/2 of 10 May 200624"
     " and 2009/1 of 3 April 200925 and its resolution 2013/1 of 26 April 2013 on new trends",
     "A/RES/76/172",
     [cite("E/CN.9/RES/2006/2", "2006-05-10"), cite("E/CN.9/RES/2009/1", "2009-04-03"),
      cite("E/CN.9/RES/2013/1", "2013-04-26")]),
    ("Taking note of Economic and Social Council decision 2021/208 of 14 September 2020 "
     "concerning", "A/RES/75/162", [cite("E/DEC/2021/208", "2020-09-14")]),
    ("and Economic and Social Council resolution 1980/67 of 25 July 1980 on international years",
     "A/RES/75/274", [cite("E/RES/1980/67", "1980-07-25")]),
    ("Recalling its resolution 11 (II) of 21 June 1946, by which it established", "E/RES/2023/2",
     [cite("E/RES/11(II)", "1946-06-21")]),
    ("its decisions 2004/322 of 11 November 2004, 2009/211 of 20 April 2009,", "E/RES/2021/18",
     [cite("E/DEC/2004/322", "2004-11-11"), cite("E/DEC/2009/211", "2009-04-20")]),
    # old Assembly numbering
    ("12 See resolution 2200 A (XXI), annex.", GA_75_226,
     [cite("A/RES/2200A(XXI)", pinpoint="annex")]),
    ("5 Resolution 217 A (III).", "A/RES/76/172", [cite("A/RES/217A(III)")]),
    ("Recalling its resolutions 2453 A (XXIII) of 20 December 1968, 37/90", "A/RES/73/6",
     [cite("A/RES/2453A(XXIII)", "1968-12-20"), cite("A/RES/37/90")]),
    # Security Council, in a speech with no symbol of its own
    ("three years ago when the Security Council adopted resolution 242 (1967). This resolution",
     "", [cite("S/RES/242(1967)")]),
    ("Security Council resolutions 242 (1967), 338 (1973) and", "",
     [cite("S/RES/242(1967)"), cite("S/RES/338(1973)")]),
    ("5. The Security Council, in paragraph 1 of resolution 2690 (2023), decided to", "A/80/590",
     [cite("S/RES/2690(2023)", pinpoint="paragraph 1")]),
    # a bare `Council` in an Assembly text: the number's shape says which council
    ("mandate for the performance reporting period was provided by the Council in its\n"
     "resolution 2690 (2023).", "A/80/590", [cite("S/RES/2690(2023)")]),
    ("approved by the General Assembly in its resolution 73/195 of 19 December 2018,",
     "E/RES/2022/24", [cite("A/RES/73/195", "2018-12-19")]),
    ("we welcome the positive tone of resolution 1985/80, on the critical economic situation", "",
     [cite("E/RES/1985/80")]),
    ("3. The General Assembly, by its resolution 78/250 B, appropriated an amount of", "A/80/590",
     [cite("A/RES/78/250B")]),
    # --- full symbols, with pinpoints and the document's own symbol ---
    ("[on the report of the Second Committee (A/75/460/Add.2, para. 8)]", GA_75_226,
     [cite("A/75/460/Add.2", pinpoint="para. 8")]),
    ("4 A/C.2/62/2, annex. ", GA_62_270, [cite("A/C.2/62/2", pinpoint="annex")]),
    ("3 See A/60/871. ", GA_62_270, [cite("A/60/871")]),
    ("1 E/CN.4/1998/53/Add.2, annex.", "A/RES/75/285",
     [cite("E/CN.4/1998/53/Add.2", pinpoint="annex")]),
    ("8 Adopted under the UNFCCC in FCCC/CP/2015/10/Add.1, decision 1/CP.21.", GA_75_226,
     [cite("FCCC/CP/2015/10/Add.1")]),
    ("1  A/CONF.243/2025/1, annex. ", "A/80/L.1", [cite("A/CONF.243/2025/1", pinpoint="annex")]),
    ("30 June 2025 (A/80/5 (Vol. II)). Regarding UNMIK, the Board ", "A/80/604/Add.6",
     [cite("A/80/5(Vol.II)")]),
    ("7 A/67/828 S/2013/210, annex.", "A/RES/73/7",
     [cite("A/67/828"), cite("S/2013/210", pinpoint="annex")]),
    ("9 S/PRST/2013/2; see Resolutions and Decisions of the Security Council, 1 August 2012-31 "
     "July\n2013 (S/INF/68).", "A/RES/73/7", [cite("S/PRST/2013/2"), cite("S/INF/68")]),
    ("3 See A/C.6/71/SR.20, A/C.6/71/SR.21", "A/RES/76/119",
     [cite("A/C.6/71/SR.20"), cite("A/C.6/71/SR.21")]),
    ("was delegated to the Under-Secretary- and Rules (ST/SGB/2019/2). In terms of its", "A/80/590",
     [cite("ST/SGB/2019/2")]),
    ("ld be under a united African command responsible [S/4387] to the Security Council", "",
     [cite("S/4387")]),
    ("Secretary-General’s report of March 2005 (A/59/2005). ", "", [cite("A/59/2005")]),
    # PDF furniture: job number and barcode glued before the running header
    ("2/27 26-00248A/80/590", "A/80/590", [own("A/80/590")]),
    ("*1817962*A/RES/73/6", "A/RES/73/6", [own("A/RES/73/6")]),
    ("18-17962 3/5A/RES/73/6", "A/RES/73/6", [own("A/RES/73/6")]),
    ("[without reference to a Main Committee (A/73/L.3)]", "A/RES/73/8", [cite("A/73/L.3")]),
    ("* The present document (A/81/6 (Sect. 25)/Part A), consisting of the", "",
     [cite("A/81/6(Sect.25)/PartA")]),
    # the document itself
    ("a report on the implementation of the present resolution. ", GA_62_270, [own(GA_62_270)]),
    ("a report on the implementation of the present resolution. ", "", []),
    ("75/226.\n\nInternational migration and development", GA_75_226, [own(GA_75_226)]),
    # a list of mandates under its heading (two columns run together by the PDF)
    ("General Assembly resolutions\n319 A (IV) Refugees and stateless persons 58/153 Implementing"
     " actions proposed by the\n50/152; 53/125; Office of the United Nations High displaced "
     "persons\n26-01923 7/9Part VI Human rights and humanitarian affairs", "",
     [cite("A/RES/319A(IV)"), cite("A/RES/58/153"), cite("A/RES/50/152"), cite("A/RES/53/125")]),
    # --- never symbols ---
    ("and take note of World Health Assembly resolution 69.2 of 28 May", "A/RES/73/3", []),
    ("3 See World Health Organization, document WHA69/2016/REC/1.", "A/RES/73/3", []),
    ("Taking note of decision 11/101, adopted by the Committee of Experts at its eleventh",
     "E/RES/2022/24", []),
    ("Taking note of advisory opinion OC 16/99 of 1 October 1999 on the Right", "A/RES/76/172", []),
    ("established pursuant to decision Assembly/AU/Dec.695 (XXXI) of the Assembly of the",
     "A/RES/76/266", []),
    ("(United Nations publication, Sales No. E.96.IV.13), chap. I, resolution 1, annexes I and II.",
     ECOSOC_2022_5, []),
    ("15. Recognize the role played by the Stop TB Partnership/Global Drug", "A/RES/73/3", []),
    ("Approved deployment for the 2023/24 period 687", "A/80/590", []),
    ("repatriation, access to medical care and/or abandonment,", "A/RES/75/17", []),
    ("Coordinating international migration issues (UN Photo/Phil Behan)", "", []),
    # --- document kinds beyond resolutions (issue 12) ---
    # A/48/PV.46: an addendum or corrigendum after `and` is a document of its own
    ("(b) DRAFT RESOLUTION (A/48/L.13 and Corr.1)", "A/48/PV.46",
     [cite("A/48/L.13"), cite("A/48/L.13/Corr.1")]),
    ("At the same time, we are of the A/48/L.13 and Add.1: Armenia, Dominica, Ethiopia,",
     "A/48/PV.46", [cite("A/48/L.13"), cite("A/48/L.13/Add.1")]),
    # A/HRC/14/15: the print dropped the slash before the nature `L.14`
    ("* Previously issued under document symbol A/HRC/WG.6/7L.14; minor revisions", "A/HRC/14/15",
     [cite("A/HRC/WG.6/7/L.14")]),
    # A/76/PV.102, A/79/PV.29: a line broken after the hyphen of an emergency special session
    ("We deplore the Russian Federation’s failure to implement General Assembly resolutions ES- "
     "11/1 and ES-11/2 of", "A/76/PV.102", [cite("A/RES/ES-11/1"), cite("A/RES/ES-11/2")]),
    ("The General Assembly adopted a resolution (resolution ES- 10/24) welcoming", "A/79/PV.29",
     [cite("A/RES/ES-10/24")]),
    # S/PV.492, S/RES/242 (1967): the own symbol of a meeting record and of a resolution
    ("( 24 p.)\nS/PV.492\n", "S/PV.492", [own("S/PV.492")]),
    ("Resolution 242 (1967)\n\nof 22 November 1967", "S/RES/242(1967)",
     [("S/RES/242(1967)", "1967-11-22", "", "self")]),
]

# Sentences of UN resolutions the UN marked up in AKN4UN (eval/akn/, sources in its MANIFEST.csv:
# gonzalezmorales/GA-ECOSOC at 63fbf059 and 1a622df1): the UN links every item asserted here.
AKN_CASES = [
    # a description between the items of a list: a topic with a bracketed acronym, a title
    # after `entitled`, a clause after `in which` (E/RES/2021/10, A/RES/76/183, A/RES/75/170)
    ("Welcoming the adoption of General Assembly resolutions 74/270 of 2 April 2020 on global "
     "solidarity to fight the coronavirus disease (COVID-19), 74/274 of 20 April 2020 on "
     "international cooperation to ensure global access to medicines, vaccines and medical "
     "equipment to face COVID-19, 74/306 of 11 September 2020, entitled “Comprehensive and "
     "coordinated response to the coronavirus disease (COVID-19) pandemic”, and 74/307 of 11 "
     "September 2020, entitled “United response against global health threats: combating "
     "COVID-19”,", "E/RES/2021/10",
     [cite("A/RES/74/270", "2020-04-02"), cite("A/RES/74/274", "2020-04-20"),
      cite("A/RES/74/306", "2020-09-11"), cite("A/RES/74/307", "2020-09-11")]),
    ("Recalling also its resolutions 74/16 of 9 December 2019, entitled “Building a peaceful and "
     "better world through sport and the Olympic ideal”, 74/170 of 18 December 2019, entitled "
     "“Integrating sport into youth crime prevention and criminal justice strategies”, and 75/18 "
     "of 1 December 2020, entitled “Sport as an enabler of sustainable development”, in which it "
     "recognized", "A/RES/76/183",
     [cite("A/RES/74/16", "2019-12-09"), cite("A/RES/74/170", "2019-12-18"),
      cite("A/RES/75/18", "2020-12-01")]),
    ("Reaffirming its resolutions 64/169 of 18 December 2009, in which it proclaimed the year "
     "2011 the International Year for People of African Descent, and 68/237 of 23 December 2013, "
     "in which it proclaimed the International Decade for People of African Descent (2015–2024)",
     "A/RES/75/170", [cite("A/RES/64/169", "2009-12-18"), cite("A/RES/68/237", "2013-12-23")]),
    # ... which ends at the first item, never at a year or a number of another shape
    ("Reaffirming its resolution 70/1 of 25 September 2015, entitled “Transforming our world: "
     "the 2030 Agenda for Sustainable Development”, in which it adopted a comprehensive, "
     "far-reaching and people-centred set of universal and transformative Sustainable "
     "Development Goals and targets, its commitment to working tirelessly for the full "
     "implementation of the Agenda by 2030,", "A/RES/75/170", [cite("A/RES/70/1", "2015-09-25")]),
    ("Recalling its resolutions 53/199 of 15 December 1998 and 61/185 of 20 December 2006 on the "
     "proclamation of international years, and Economic and Social Council resolution 1980/67 of "
     "25 July 1980", "A/RES/75/170",
     [cite("A/RES/53/199", "1998-12-15"), cite("A/RES/61/185", "2006-12-20"),
      cite("E/RES/1980/67", "1980-07-25")]),
    # a part of a Council resolution, written as the Assembly writes its parts (E/RES/2022/21)
    ("including, in particular, Economic and Social Council resolution 2021/2 B of 21 July 2021,",
     "E/RES/2022/21", [cite("E/RES/2021/2B", "2021-07-21")]),
    # a resolution printed in the report of an ECOSOC subsidiary body is that body's
    # (E/RES/2021/5: the Commission on the Status of Women's; the UN leaves it unlinked)
    ("7 Official Records of the Economic and Social Council, 2015, Supplement No. 7 (E/2015/27), "
     "chap. I, sect. C, resolution 59/1, annex.", "E/RES/2021/5", [cite("E/2015/27")]),
    # a document issued under two symbols: both are cited (A/RES/76/10, E/RES/2023/3)
    ("1 A/76/299-S/2021/749.", "A/RES/76/10", [cite("A/76/299"), cite("S/2021/749")]),
    ("3 A/78/62-E/2023/49.", "E/RES/2023/3", [cite("A/78/62"), cite("E/2023/49")]),
    # a regional commission's resolution is in its own series (E/ESCAP/RES/-), not the Assembly's
    # (E/RES/2022/11; the UN leaves it unlinked)
    ("Taking note of Economic and Social Commission for Asia and the Pacific resolution 78/2 of 27 "
     "May 2022, by which the Commission adopted", "E/RES/2022/11", []),
]

# The issue's own examples of PDF damage and of look-alikes, and behaviours no corpus sentence
# shows (a range, a Human Rights Council special session).
ISSUE_CASES = [
    ("its resolutions 56/201 to 56/205", "", [cite("A/RES/56/201"), cite("A/RES/56/205")]),
    ("Human Rights Council resolution S-30/1", "", [cite("A/HRC/RES/S-30/1")]),
    ("see A/C.2\n/62/2 and", "", [cite("A/C.2/62/2")]),
    ("see A/C.2/\n62/2", "", [cite("A/C.2/62/2")]),
    ("as in A /RES/ 62/270 and", "", [cite("A/RES/62/270")]),
    ("adopted on 14/09/2006 by a 2/3 majority at 50 km/h", "", []),
    ("see https://undocs.org/A/RES/70/1 or write to info@un.org", "", []),
    ("at www.un.org/en/ga/search/view_doc.asp?symbol=A/RES/70/1 and", "", []),
    ("ISBN 978-92-1-101234-5, p. 12/14", "", []),
    ("resolution 1514 (XV) and Human Rights Council resolution 7/16", "",
     [cite("A/RES/1514(XV)"), cite("A/HRC/RES/7/16")]),
    ("Council decision 2021/231", "E/RES/2022/5", [cite("E/DEC/2021/231")]),
    ("in its decision 62/547", "A/RES/62/270", [cite("A/DEC/62/547")]),
    ("Security Council resolution 1325 (2000)", "A/RES/62/270", [cite("S/RES/1325(2000)")]),
    # addenda numbered after the first
    ("(A/65/448 and Add.1 and 2)", "", [cite("A/65/448"), cite("A/65/448/Add.1"),
                                       cite("A/65/448/Add.2")]),
    # the part cited between the items of a list (A/76/PV.102 cites `resolutions 70/262, 72/276
    # and 75/201`)
    ("resolutions 70/262, in particular paragraph 5, 72/276 and 75/201", "A/76/PV.102",
     [cite("A/RES/70/262", pinpoint="paragraph 5"), cite("A/RES/72/276"),
      cite("A/RES/75/201")]),
    # a list whose items carry a date and a topic with capitals and a year
    ("Recalling its resolutions 70/1 of 25 September 2015 on Transforming our world: the 2030 "
     "Agenda for Sustainable Development, 71/243 of 21 December 2016 on the quadrennial "
     "comprehensive policy review, and 72/279 of 31 May 2018", "A/RES/76/1",
     [cite("A/RES/70/1", "2015-09-25"), cite("A/RES/71/243", "2016-12-21"),
      cite("A/RES/72/279", "2018-05-31")]),
    # series beyond the principal organs (ST/LIB/SER.B/5/Rev.5): the Conference of the Parties
    # to the Convention against Transnational Organized Crime, the Conference on Disarmament
    # (bare running numbers), the Economic Commission for Europe
    ("CTOC/COP/2020/10, CD/1299 and ECE/TRANS/2021/3", "",
     [cite("CTOC/COP/2020/10"), cite("CD/1299"), cite("ECE/TRANS/2021/3")]),
    # the Human Rights Council's President's statements, cited without the organ (right-docs.org
    # lists `PRST/8/1 Modalities and practices for the universal periodic review process` as
    # A/HRC/PRST/8/1); the Security Council's carry their organ and year
    ("President's statement PRST/8/1 of 9 April 2008", "A/HRC/43/15",
     [cite("A/HRC/PRST/8/1")]),
    ("S/PRST/2019/1", "", [cite("S/PRST/2019/1")]),
]
# fmt: on


@pytest.mark.parametrize(("text", "doc_symbol", "expected"), CASES + AKN_CASES + ISSUE_CASES)
def test_find(text: str, doc_symbol: str, expected: list) -> None:
    assert rows(text, doc_symbol) == expected


@pytest.mark.parametrize(
    ("symbol", "body", "doc_type", "session", "number"),
    [
        ("A/RES/62/270", "A", "RES", "62", "270"),
        ("A/C.2/62/2", "A", "", "62", "2"),
        ("A/61/515/Add.1", "A", "", "61", "515"),
        ("S/RES/1325(2000)", "S", "RES", "2000", "1325"),
        ("E/CN.9/2006/3", "E", "", "2006", "3"),
        ("A/HRC/RES/7/16", "A/HRC", "RES", "7", "16"),
        ("A/80/L.1", "A", "L", "80", "1"),
        ("A/L.632", "A", "L", "", "632"),
        ("S/PRST/2013/2", "S", "PRST", "2013", "2"),
        ("A/81/6(Sect.25)", "A", "", "81", "6"),
    ],
)
def test_parse(symbol: str, body: str, doc_type: str, session: str, number: str) -> None:
    assert parse(symbol) == Parsed(body, doc_type, session, number)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("S/RES/1325 (2000)", "S/RES/1325(2000)"),
        ("A/81/6 (Sect. 25)", "A/81/6(Sect.25)"),
        ("A/C.2/\n62/2", "A/C.2/62/2"),
        ("A/61/515/ADD.1", "A/61/515/Add.1"),
    ],
)
def test_canonical(raw: str, expected: str) -> None:
    assert canonical(raw) == expected


def test_organ_table_integrity() -> None:
    path = resources.files("pipeline").joinpath("data", "symbol_organs.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        table = list(csv.DictReader(fh))
    assert [r["body"] for r in table] == list(dict.fromkeys(r["body"] for r in table))
    aliases = Counter(a for r in table for a in r["aliases"].split("|"))
    assert [a for a, n in aliases.items() if n > 1] == []
    for r in table:
        assert r["source"] and r["name"] in r["aliases"].split("|")
        for prefix in (r["resolution_prefix"], r["decision_prefix"]):
            assert not prefix or prefix.startswith(r["body"] + "/")
        assert set(r["numbering"].split("|")) <= {"session", "roman", "year", "year-paren", "hrc"}


@pytest.mark.parametrize(
    ("text", "doc_symbol", "fields"),
    [
        (
            "Recalling Security Council resolution 1325 (2000) of 31 October 2000",
            "A/RES/75/1",
            ("S/RES/1325(2000)", "S", "RES", "2000", "1325", "2000-10-31"),
        ),
        (
            "recalling also Human Rights Council resolutions 35/17 of 22 June 2017",
            "A/RES/76/172",
            ("A/HRC/RES/35/17", "A/HRC", "RES", "35", "17", "2017-06-22"),
        ),
        (
            "Commission on Population and Development resolutions 2006/2 of 10 May 2006,2",
            GA_75_226,
            ("E/CN.9/RES/2006/2", "E", "RES", "2006", "2", "2006-05-10"),
        ),
        ("in its decision 79/573 B", "A/80/L.1", ("A/DEC/79/573B", "A", "DEC", "79", "573", "")),
        (
            "1 E/CN.4/1998/53/Add.2, annex.",
            "A/RES/75/285",
            ("E/CN.4/1998/53/Add.2", "E", "", "1998", "53", ""),
        ),
    ],
)
def test_fields(text: str, doc_symbol: str, fields: tuple[str, ...]) -> None:
    (m,) = find(Context(text=text, doc_symbol=doc_symbol))
    assert (m.symbol, m.body, m.doc_type, m.session, m.number, m.date) == fields


@pytest.mark.parametrize(
    "path",
    corpus_texts(),
    ids=lambda p: p.name,
)
def test_corpus_rows_are_well_formed(path: Path) -> None:
    text = path.read_text(encoding="utf-8-sig")
    own_symbol = document_symbol(text)
    for m in find(Context(text=text, doc_symbol=own_symbol)):
        assert text[m.start : m.end] == m.text
        assert m.symbol == canonical(m.symbol) and "/" in m.symbol
        assert m.relation == ("self" if m.symbol == own_symbol else "cites")
        assert m.number, m
