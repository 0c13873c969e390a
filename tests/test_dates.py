"""The date extractor on real sentences from UN documents (tests/corpus, see its MANIFEST.csv).

One line per case: the sentence, the document's date the pipeline would pass (`ctx.doc_date`),
the phrase found, and its exact normalized values. Where no corpus sentence has a shape, the
line quoted in the issue is used (marked `issue`).
"""

from __future__ import annotations

import csv
import io
from importlib import resources

import pytest

from pipeline.extract import dates
from pipeline.models import Context, DateMention


def found(sentence: str, doc_date: str = "", symbol: str = "") -> list[DateMention]:
    mentions = dates.find(Context(text=sentence, doc_date=doc_date, doc_symbol=symbol))
    for m in mentions:
        assert sentence[m.start : m.end] == m.text
    return mentions


def one(sentence: str, phrase: str, doc_date: str = "", symbol: str = "") -> DateMention:
    hits = [m for m in found(sentence, doc_date, symbol) if " ".join(m.text.split()) == phrase]
    assert len(hits) == 1, (phrase, found(sentence, doc_date, symbol))
    return hits[0]


# sentence, doc_date, phrase, date_start, date_end, precision, kind
CASES = [
    # full dates
    ("Recalling its resolutions 61/208 of 20 December 2006 on international migration and development", "", "20 December 2006", "2006-12-20", "2006-12-20", "day", "date"),  # noqa: E501
    ("In a recent message, marking the International Migrants Day on 18 December, 2011, Ban Ki-moon also highlighted", "", "18 December, 2011", "2011-12-18", "2011-12-18", "day", "date"),  # noqa: E501
    ("Commission on Population and Development resolutions 2006/2 of 10 May 2006,2 2008/1 of 11 April 2008,3 2013/1 of 26 April 20134 and 2014/1 of 11 April 2014,5", "", "26 April 20134", "2013-04-26", "2013-04-26", "day", "date"),  # noqa: E501
    ("Recalling its resolutions 47/19 of 24 November 1992, 48/16 of 3 November\n1993, 49/9 of 26 October 1994", "", "3 November 1993", "1993-11-03", "1993-11-03", "day", "date"),  # noqa: E501
    ("Distr.: General 18 May 2006", "", "18 May 2006", "2006-05-18", "2006-05-18", "day", "date"),  # issue  # noqa: E501
    # OCR noise on the day (A/L.632, a 1971 scan of `29 September 1971`): month precision only
    ("GENERAL\nA/L.632\nASSEMBLY\t~9 September 1971\n", "", "September 1971", "1971-09", "1971-09", "month", "date"),  # noqa: E501
    ("December 20, 2006", "", "December 20, 2006", "2006-12-20", "2006-12-20", "day", "date"),  # issue  # noqa: E501
    ("20.12.2006", "", "20.12.2006", "2006-12-20", "2006-12-20", "day", "date"),  # issue
    # month and year, years
    ("Recognizing the significance of the Fourth World Conference on Women, held in Beijing in September 1995,", "", "September 1995", "1995-09", "1995-09", "month", "date"),  # noqa: E501
    ("to make it available to the Global Forum on Migration and Development, at its second meeting, in 2008;", "", "2008", "2008", "2008", "year", "date"),  # noqa: E501
    ("The meeting also examined cooperation between international organizations and the 2011 and 2012 editions of the Global Forum", "", "2011", "2011", "2011", "year", "date"),  # noqa: E501
    ("The meeting also examined cooperation between international organizations and the 2011 and 2012 editions of the Global Forum", "", "2012", "2012", "2012", "year", "date"),  # noqa: E501
    ("2 Official Records of the Economic and Social Council, 2006, Supplement No. 5 (E/2006/25), chap. I, sect. B.", "", "2006", "2006", "2006", "year", "date"),  # noqa: E501
    ("Recalling also the measures adopted by the Executive of the United States of America in 2015 and 2016 to modify", "", "2016", "2016", "2016", "year", "date"),  # noqa: E501
    # ranges
    ("Taking note of the summary report of the first meeting of the Global Forum on Migration and Development, held in Brussels from 9 to 11 July 2007", "", "9 to 11 July 2007", "2007-07-09", "2007-07-11", "day", "range"),  # noqa: E501
    ("the High-level Dialogue on International Migration and Development, held in New York on 14 and 15 September 2006, as", "", "14 and 15 September 2006", "2006-09-14", "2006-09-15", "day", "range"),  # noqa: E501
    ("the generous offer of the Government of the Philippines to host the second meeting, from 27 to 30 October 2008, in Manila,", "", "27 to 30 October 2008", "2008-10-27", "2008-10-30", "day", "range"),  # noqa: E501
    ("1 Report of the Fourth World Conference on Women, Beijing, 4–15 September 1995 (United Nations publication", "", "4–15 September 1995", "1995-09-04", "1995-09-15", "day", "range"),  # noqa: E501
    ("$207,080,300 (gross) for the period from 1 July 2024 to 30 June 2025", "", "1 July 2024 to 30 June 2025", "2024-07-01", "2025-06-30", "day", "range"),  # noqa: E501
    ("1 January to 30 June 2024 and proposed deployment for the period from 1 July", "", "1 January to 30 June 2024", "2024-01-01", "2024-06-30", "day", "range"),  # noqa: E501
    ("9 S/PRST/2013/2; see Resolutions and Decisions of the Security Council, 1 August 2012–31 July\n2013 (S/INF/68).", "", "1 August 2012–31 July 2013", "2012-08-01", "2013-07-31", "day", "range"),  # noqa: E501
    ("their lives and 5,534 migrants having gone missing in transit globally from 2019 to 2021.", "", "from 2019 to 2021", "2019", "2021", "year", "range"),  # noqa: E501
    ("the Sendai Framework for Disaster Risk Reduction 2015–2030, adopted at the Third United Nations World Conference", "", "2015–2030", "2015", "2030", "year", "range"),  # noqa: E501
    ("Development,2 of the Sendai Framework for Disaster Risk Reduction 2015–20303 and", "", "2015–20303", "2015", "2030", "year", "range"),  # noqa: E501
    ("Council of 12 February 20139 in which the Council reiterated its previous call", "", "12 February 20139", "2013-02-12", "2013-02-12", "day", "date"),  # noqa: E501
    ("the Philippine development plan for 2011-2016. Yet our", "", "2011-2016", "2011", "2016", "year", "range"),  # noqa: E501
    ("to reverse the trend of the tuberculosis epidemic and, between 2000 and 2016, reduced", "", "between 2000 and 2016", "2000", "2016", "year", "range"),  # noqa: E501
    ("closure of locations during the 2024/25 period. It outlined the phase", "", "2024/25", "2024", "2025", "year", "range"),  # noqa: E501
    ("membership in the Commission on the Status of Women for the remainder of its 2022–2026 term.", "", "2022–2026", "2022", "2026", "year", "range"),  # noqa: E501
    ("liquidation, from August to December 2024, the missions including in", "", "August to December 2024", "2024-08", "2024-12", "month", "range"),  # noqa: E501
    # partial dates completed from the context
    ("The 14-15 September High-level Dialogue was the first Assembly meeting to focus", "", "14-15 September", "XXXX-09-14", "XXXX-09-15", "day", "completed"),  # noqa: E501
    ("The 14-15 September High-level Dialogue was the first Assembly meeting to focus", "2006-09-20", "14-15 September", "2006-09-14", "2006-09-15", "day", "completed"),  # noqa: E501
    ("UN DESA’s Population Division organized the Tenth Coordination Meeting on International Migration at the UN from 9 to 10 February.", "2011-12", "9 to 10 February", "2012-02-09", "2012-02-10", "day", "completed"),  # noqa: E501
    ("Recalling also its resolution 79/81 of 3 December 2024, in which it adopted the modalities for the High-level International Conference, convened from 28 to 30 July in New York,", "2025-09-09", "28 to 30 July", "2025-07-28", "2025-07-30", "day", "completed"),  # noqa: E501
    ("the neighbouring countries, as expressed at the 22 September meeting.", "2007-07", "22 September", "2007-09-22", "2007-09-22", "day", "completed"),  # noqa: E501
    ("Decides to proclaim 10 March of each year the International Day of Women Judges;", "2021-04-29", "10 March", "XXXX-03-10", "XXXX-03-10", "day", "completed"),  # noqa: E501
    # a month's last day and the next month's first: one meeting over two days, one range
    ("Latin America and the Caribbean from 26 to 28 April 2021 and Africa on 31 August and 1 September 2021,", "", "31 August and 1 September 2021", "2021-08-31", "2021-09-01", "day", "range"),  # noqa: E501
    ("56/9 of 27 November 2001, 57/11 of 12 November\n18-18418 (E) 071118\n*1818418*Necessity of ending the economic, commercial and financial embargo\nA/RES/73/8 imposed by the United States of America against Cuba\n2002, 58/7 of 4 November 2003,", "", "12 November", "2002-11-12", "2002-11-12", "day", "completed"),  # noqa: E501
    ("An institutional agreement that was reached between the members of the Human Rights Council in Geneva in June came at the expense", "2007-07", "June", "2007-06", "2007-06", "month", "completed"),  # noqa: E501
    # the document's own year completes a day or month without one, even one more than six
    # months before the document's date (A/76/PV.102 of 8 September 2022, A/79/PV.29 of
    # 29 October 2024, A/65/PV.71 of 21 December 2010, S/2021/1008 of 3 December 2021)
    ("Ukraine was transmitted for the consideration of the General Assembly.  On 2 March, by an overwhelming majority of 141 Member States", "2022-09-08", "2 March", "2022-03-02", "2022-03-02", "day", "completed"),  # noqa: E501
    ("to warmly congratulate Mr. Nawaf Salam on his appointment by his peers, on 6 February, as President of the International Court of Justice", "2024-10-29", "6 February", "2024-02-06", "2024-02-06", "day", "completed"),  # noqa: E501
    ("in accordance with the statement issued by the President of the Security Council of 1 June (S/PRST/2010/9) continues.", "2010-12-21", "1 June", "2010-06-01", "2010-06-01", "day", "completed"),  # noqa: E501
    ("On 25 October, the armed forces detained the Prime Minister, Abdalla Hamdok,", "2021-12-03", "25 October", "2021-10-25", "2021-10-25", "day", "completed"),  # noqa: E501
    # ... the first on or after it when the sentence puts it ahead, and not a later year with a
    # preposition of its own (S/2021/1090 of 27 December 2021)
    ("running for 108 seats in the Senate and 188 in the House of Representatives, to be\nelected in March, including the 16 special transitional electoral districts for peace.", "2021-12-27", "March", "2022-03", "2022-03", "month", "completed"),  # noqa: E501
    ("In October, the Prosecutor of the International Criminal Court, Karim Khan,\nclosed the preliminary examination on Colombia, active since 2004, citing the", "2021-12-27", "October", "2021-10", "2021-10", "month", "completed"),  # noqa: E501
    ("In December the National Reintegration Council approved the\ncontinuation of health services for all former territorial areas for 2022.", "2021-12-27", "December", "2021-12", "2021-12", "month", "completed"),  # noqa: E501
    ("56. In November, the Special Jurisdiction for Peace held a hearing to follow up on\norders addressed to the Presidential Counsellor for Stabilization and Consolidation\nand the Director of the National Protection Unit in 2020.", "2021-12-27", "November", "2021-11", "2021-11", "month", "completed"),  # noqa: E501
    ("Hamas’ leadership openly, proudly and repeatedly declares that, if possible, it will replicate the 7 October massacre, time and again,", "2024-10-29", "7 October", "2024-10-07", "2024-10-07", "day", "completed"),  # A/79/PV.29  # noqa: E501
    # `and` between two days that do not follow each other lists two dates (A/76/PV.102,
    # S/2021/1008, whose text layer splits `Novem ber`)
    ("General Assembly resolutions ES- 11/1 and ES-11/2 of 2 and 24 March, respectively.", "2022-09-08", "2", "2022-03-02", "2022-03-02", "day", "completed"),  # noqa: E501
    ("General Assembly resolutions ES- 11/1 and ES-11/2 of 2 and 24 March, respectively.", "2022-09-08", "24 March", "2022-03-24", "2022-03-24", "day", "completed"),  # noqa: E501
    ("security forces. Large demonstrations were also held on 13 and 17 Novem ber. There", "2021-12-03", "17 Novem ber", "2021-11-17", "2021-11-17", "day", "completed"),  # noqa: E501
    # a month the PDF text layer split (S/2021/1090)
    ("The present report covers the period from 25 Septembe r\n2021 to 27 December 2021.", "", "25 Septembe r 2021 to 27 December 2021", "2021-09-25", "2021-12-27", "day", "range"),  # noqa: E501
    # `this year`, `last year` after a partial date (gd-1979-mng, A/61/PV.107, A/48/PV.46)
    ("the socialist countries in the Committee on Disarmament in February this year. We deem it necessary", "1979-09", "February", "1979-02", "1979-02", "month", "completed"),  # noqa: E501
    ("the draft that was put forward to the Third Committee in November last year. In that connection,", "2007-09-13", "November", "2006-11", "2006-11", "month", "completed"),  # noqa: E501
    ("Since its foundation on 1 January of this year the Czech Republic has continued to implement", "1993-11-01", "1 January", "1993-01-01", "1993-01-01", "day", "completed"),  # noqa: E501
    # the month and year of the sentence before, in the same paragraph (A/80/590)
    ("29. MINUSMA advanced its disengagement by closing the transport workshop in October 2024 and outsourcing vehicle maintenance to support the remaining fleet until December, while progressively scaling down transport operations and reallocating or selling vehicles. It completed the depletion of ration and fuel reserves, terminated related contracts and decommissioned all fuel and rations facilities by mid-November.", "2026-01-07", "November", "2024-11", "2024-11", "month", "completed"),  # noqa: E501
    # months in a list, and a month qualified by `mid-` (A/61/PV.107, A/HRC/14/15, S/RES/242
    # (1967), A/65/PV.71)
    ("took leave of the international community in August and September. September is the month", "2007-09-13", "September", "2007-09", "2007-09", "month", "completed"),  # noqa: E501
    ("8. The first reading of the draft Family Code is expected to be held by the National Assembly in March or April.", "2010-03-15", "April", "2010-04", "2010-04", "month", "completed"),  # noqa: E501
    ("Official Records of the Security Council, Eighteenth Year, Supplement for October, November and December 1963.", "", "November", "1963-11", "1963-11", "month", "completed"),  # noqa: E501
    ("the Panel submitted its first progress report to the Secretary-General in mid-September. However, four months later,", "2010-12-21", "September", "2010-09", "2010-09", "month", "completed"),  # noqa: E501
    # `between ... and`, `from ... to` with a qualified or partial first end: one range, the
    # first end taking the year of the last (S/2021/1008; the example)
    ("Meanwhile, between late October and mid-November, more than 150 activists,", "2021-12-03", "October and mid-November", "2021-10", "2021-11", "month", "completed"),  # noqa: E501
    ("between early June and 15 August 2024", "", "June and 15 August 2024", "2024-06", "2024-08-15", "month", "range"),  # issue  # noqa: E501
    # relative dates, anchored to the document's date
    ("regrettable that the Security Council was unable last June to assume its responsibility", "2007-09", "last June", "2007-06", "2007-06", "month", "relative"),  # noqa: E501
    ("I hope that these steps will be bear fruit at the international meeting slated for before the end of this year.", "2007-09", "this year", "2007", "2007", "year", "relative"),  # noqa: E501
    ("In her address to Heads of State and Government gathered for plenary debate today,", "2006-09-20", "today", "2006-09-20", "2006-09-20", "day", "relative"),  # noqa: E501
    ("the President of the General Assembly said that last week’s session on international migration", "2006-09-20", "last week", "2006-09-11", "2006-09-17", "day", "relative"),  # noqa: E501
    ("the offer made by the Government of Belgium to host the first meeting of the Forum next year,", "2006-09-20", "next year", "2007", "2007", "year", "relative"),  # noqa: E501
    # sessions of the General Assembly
    ("3. Requests the Secretary-General to submit to the General Assembly at its sixty-third session a report", "", "sixty-third session", "2008-09", "2009-09", "month", "session"),  # noqa: E501
    ("his election as President of this 79th session of the United Nations General Assembly", "", "79th session", "2024-09", "2025-09", "month", "session"),  # noqa: E501
    ("for consideration by the General Assembly at its seventy-\nfourth session.", "A/RES/73/7", "seventy- fourth session", "2019-09", "2020-09", "month", "session"),  # noqa: E501
    ("Seventy-fifth session", "", "Seventy-fifth session", "2020-09", "2021-09", "month", "session"),  # noqa: E501
    ("4. Decides to adjourn the tenth emergency special session temporarily and to authorize the President", "", "tenth emergency special session", "1997-04", "", "month", "session"),  # noqa: E501
    # S/PV.492 (1950): an old record prints its date in capitals
    ("492nd MEETING: 29 AUGUST 1950 -C-I-N-Q-U-I-E-M-E-A-N-N-E-E--- No.34", "", "29 AUGUST 1950", "1950-08-29", "1950-08-29", "day", "date"),  # noqa: E501
    # A/61/PV.107: a meeting's date, the time of day after it no part of it
    ("Thursday, 13 September 2007, 10 a.m.\nNew York", "", "13 September 2007", "2007-09-13", "2007-09-13", "day", "date"),  # noqa: E501
]


@pytest.mark.parametrize(("sentence", "doc_date", "phrase", "start", "end", "precision", "kind"),
                         CASES)
def test_dates(sentence, doc_date, phrase, start, end, precision, kind):
    symbol = doc_date if doc_date.startswith("A/") else ""
    doc_date = "" if symbol else doc_date
    m = one(sentence, phrase, doc_date, symbol)
    assert (m.date_start, m.date_end, m.precision, m.kind) == (start, end, precision, kind)


# sentence, doc_date, symbol, phrase that is no date (or not this kind of date)
NOT_DATES = [
    ("Indeed, such a system may well become a factor that disturbs the", "", "", "may"),
    ("for the first time since the second World War, were at last coming closer", "", "", "second"),
    ("19 United Nations, Treaty Series, vol. 2220, No. 39481.", "", "", "2220"),
    ("14 United Nations, Treaty Series, vol. 1771, No. 30822.", "", "", "1771"),
    ("2 Ibid., para. 46.", "", "", "46"),
    ("1 See resolution 60/1, paras. 61 and 62.", "", "", "61"),
    ("E/RES/2022/5", "", "", "2022"),
    ("A/RES/73/8", "", "", "73"),
    ("1 E/CN.4/1998/53/Add.2, annex.", "", "", "1998"),
    ("During these two days, nearly all of the 130-plus Governments present expressed the", "", "", "two days"),  # noqa: E501
    ("The United Nations is 50 years old.", "", "", "50"),
    ("18-18418 (E) 071118", "", "", "1841"),
    ("In her address to Heads of State and Government gathered for plenary debate today,", "", "", "today"),  # noqa: E501
    ("Decides that at its sixty-ninth session, in 2025, the Commission on the Status of Women will undertake a review", "", "E/RES/2022/5", "sixty-ninth session"),  # noqa: E501
    ("4. Requests the Commission at its sixty-ninth session to decide on its future multi-year programme of work;", "", "E/RES/2022/5", "sixty-ninth session"),  # noqa: E501
    ("and the Decent Work Agenda, adopted by the International Labour Conference at its ninety-eighth session as a general framework", "", "A/RES/75/226", "ninety-eighth session"),  # noqa: E501
    ("as acknowledged by the twenty-sixth session of the Conference of the Parties to the United Nations Framework", "", "A/RES/76/266", "twenty-sixth session"),  # noqa: E501
    ("the outcomes of the twenty-third special session of the General Assembly", "", "", "twenty-third special session"),  # noqa: E501
    # A/61/PV.107: the time of day is no date
    ("Thursday, 13 September 2007, 10 a.m.\nNew York", "", "", "10"),
    ("The meeting was called to order at 10.25 a.m.", "", "", "10.25"),
    # a resolution's year in brackets on the line after its number (S/2021/1008)
    ("The present report is submitted pursuant to Security Council resolution 2579\n(2021), by which the Council decided", "", "", "2021"),  # noqa: E501
    # a month in capitals is read only beside a day
    ("THE ASSEMBLY MAY 1950 DECIDE", "", "", "MAY 1950"),
]


@pytest.mark.parametrize(("sentence", "doc_date", "symbol", "phrase"), NOT_DATES)
def test_not_dates(sentence, doc_date, symbol, phrase):
    assert phrase in sentence
    assert not [m for m in found(sentence, doc_date, symbol) if " ".join(m.text.split()) == phrase]


def test_resolution_1325_keeps_its_date():
    sentence = ("the full and effective implementation of Security Council resolution 1325 (2000) "
                "of 31 October 2000, while noting the seventh anniversary of its adoption")
    assert [(m.date_start, m.kind) for m in found(sentence)] == [("2000-10-31", "date")]


def test_completion_column_says_how():
    m = one("The 14-15 September High-level Dialogue was the first Assembly meeting",
            "14-15 September", "2006-09-20")
    assert m.completion == "year of the document date 2006-09-20"


def test_session_column_keeps_the_number():
    m = one("3. Requests the Secretary-General to submit to the General Assembly at its "
            "sixty-third session a report", "sixty-third session")
    assert m.session == "63"


def test_a_relative_date_depends_on_the_document_date_not_on_today():
    # the same sentence dated two ways gives the week before each date; undated, nothing
    # (a result that depended on today's date would be neither)
    sentence = ("the President of the General Assembly said that last week’s session on "
                "international migration")
    assert [(m.date_start, m.date_end) for m in found(sentence, "2006-09-20")] == [
        ("2006-09-11", "2006-09-17")]
    assert [(m.date_start, m.date_end) for m in found(sentence, "2008-06-20")] == [
        ("2008-06-09", "2008-06-15")]
    assert found(sentence) == []


def test_emergency_special_sessions_data():
    text = resources.files("pipeline.data").joinpath("emergency_special_sessions.csv")
    rows = list(csv.DictReader(io.StringIO(text.read_text(encoding="utf-8"))))
    assert [int(r["number"]) for r in rows] == list(range(1, len(rows) + 1))
    assert len({r["session"] for r in rows}) == len(rows)
    for r in rows:
        assert r["session"] == f"ES-{r['number']}" and r["source"]
        assert not r["date_end"] or r["date_start"] <= r["date_end"]
