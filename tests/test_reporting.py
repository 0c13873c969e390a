"""News stories and statements (pipeline/extract/reporting.py): real sentences of UN and agency
news, each with the exact speakers, bodies and dateline places it must yield.

Sources, the sentences copied here: the IAEA story of tests/corpus (MANIFEST.csv);
UN Geneva newsroom `European COVID infections indicate ‘east-west divide’: WHO`
(unognewsroom.org/story/en/213); UN News stories 2022/03/1114372 and 2022/03/1114392 (their
summaries in the UN News Europe RSS feed, news.un.org/feed/subscribe/en/news/region/europe) and
2025/04/1162151 (`US tariffs move could see three per cent fall in global trade`); the UNODC press
release dateline quoted in pipeline/extract/masthead.py; news agencies' WHO datelines
(ummnews.org, `GENEVA, April 22 (NNN-AGENCIES) —`); the United Nations channel's video
descriptions of 26 September 2024 (UNRWA ministerial meeting) and 23 January 2025 (Security
Council on children in Gaza), as kept in a public archive of UN video transcripts."""

from __future__ import annotations

import pytest

from pipeline.extract import actors, dates, reporting
from pipeline.extract.masthead import read
from pipeline.ingest import ingest
from pipeline.models import Context, Document
from tests.conftest import real_doc


def speaker_rows(text: str) -> set[tuple[str, str, str, str]]:
    """(text, actor, actor_type, role) of every speaker mention, each checked against its
    offsets."""
    found = reporting.speaker_mentions(Context(text=text))
    assert all(text[m.start : m.end] == m.text for m in found)
    return {(m.text, m.actor, m.actor_type, m.role) for m in found}


# the story as the ingest cleans it (its no-break spaces made spaces)
_IAEA_FILE = real_doc("news-iaea-2024-05-olive-oil-fraud.txt")
IAEA = ingest(_IAEA_FILE, "news-iaea", _IAEA_FILE.name, "txt").text
VLACHOU = IAEA[IAEA.index("“Infra-red") : IAEA.index("Building on")]
HARRIS = (
    "“In Western Europe we are seeing a steady decline – it’s not speedy – but there’s a steady "
    "decline in new cases being reported daily,” said Dr Margaret Harris, spokesperson for the "
    "World Health Organization (WHO).\n\n"
    "“A big study like that gives you a little piece of the puzzle, gives you a little bit of "
    "information. But it may be related to a setting, there’s much more work that needs to be "
    "done around the world,” Dr Harris said.\n\n"
    "Earlier this year, a WHO-led international mission to China and Wuhan – where the virus "
    "emerged last December - suggested that while asymptomatic transmission might play a part "
    "in spreading the disease, it did not appear to be not be the main “driver” of the "
    "outbreak, Dr Harris explained."
)
MELZER = (
    "The UN has helped tens of thousands of Ukrainian refugees to cross into Poland and other "
    "neighbouring countries. Chris Melzer, spokesperson for the UN refugee agency (UNHCR) in "
    "Germany, told UN News that he has witnessed many traumatic scenes, of families ripped "
    "apart by the crisis."
)
TRADE = (
    "There will be geopolitical shifts and economic as well,” said Pamela Coke-Hamilton, head of "
    "the International Trade Centre (ITC). As governments and global markets struggle to deal "
    "with the deep concerns and disruptions caused by volatility over trade tariffs, Rebeca "
    "Grynspan, the head of the UN trade and development agency (UNCTAD), told UN News on "
    "Thursday that the poorest countries – whose activities have a negligible effect on trade "
    "deficits – should be exempt."
)


def test_said_name_title_of_body_gives_the_person_with_the_title_as_role_and_the_body():
    assert speaker_rows(VLACHOU) == {
        ("Christina Vlachou", "Christina Vlachou", "person",
         "Head of the Food Safety and Control Laboratory of the Joint FAO/IAEA Centre of Nuclear "
         "Techniques in Food and Agriculture"),
        # `Laboratory` heads no body's name in head_nouns.csv: only the centre is an organization
        ("Joint FAO/IAEA Centre of Nuclear Techniques in Food and Agriculture",
         "Joint FAO/IAEA Centre of Nuclear Techniques in Food and Agriculture", "organization",
         ""),
    }


def test_a_speakers_later_surname_with_a_title_is_the_same_person():
    rows = speaker_rows(HARRIS)
    assert ("Margaret Harris", "Margaret Harris", "person",
            "Spokesperson for the World Health Organization") in rows
    assert {(t, a) for t, a, kind, _ in rows if kind == "person"} == {
        ("Margaret Harris", "Margaret Harris"), ("Harris", "Margaret Harris"),
        ("Dr Harris", "Margaret Harris")}


def test_the_acronym_after_the_body_is_the_body():
    rows = speaker_rows(TRADE)
    assert ("ITC", "International Trade Centre", "organization", "") in rows
    assert ("International Trade Centre", "International Trade Centre", "organization",
            "") in rows


def test_name_title_told_gives_the_person_and_no_body_for_a_description():
    # `the UN refugee agency` and `the UN trade and development agency` describe a body, they
    # do not name it: the acronyms are the actors' extractor's to read
    assert speaker_rows(MELZER) == {
        ("Chris Melzer", "Chris Melzer", "person", "Spokesperson for the UN refugee agency")}
    assert ("Rebeca Grynspan", "Rebeca Grynspan", "person",
            "Head of the UN trade and development agency") in speaker_rows(TRADE)


def test_an_office_before_the_name_of_a_speaker_is_the_role():
    text = ("UNRWA’s Commissioner General Philippe Lazzarini told the meeting that “Palestinians "
            "are no stranger to loss, but to be dispossessed from education, which has always "
            "been a source of tremendous pride, is new.”\n\nDisturbingly, Lazzarini continued, "
            "“senior Israeli officials have described destroying UNRWA as a war goal.”")
    assert speaker_rows(text) == {
        ("Philippe Lazzarini", "Philippe Lazzarini", "person", "Commissioner General"),
        ("Lazzarini", "Philippe Lazzarini", "person", "")}
    text = ("Before today’s meeting on the situation of children in the occupied Palestinian "
            "territory began, Russian Ambassador Vasily Nebenzya asked for the floor.")
    assert speaker_rows(text) == {("Vasily Nebenzya", "Vasily Nebenzya", "person", "Ambassador")}


def test_a_speaker_named_by_office_alone_is_no_person():
    text = ("It’s time for a diplomatic solution to be found to end Russia’s invasion of Ukraine, "
            "amidst signs of hope that progress can be made to end an “unwinnable” and "
            "“indefensible” war, said the UN chief on Tuesday.")
    assert speaker_rows(text) == set()


def test_speakers_and_bodies_reach_the_actor_table_under_their_reference_names():
    rows = {(m.text, m.actor, m.actor_type) for m in actors.find(Context(text=HARRIS))}
    assert ("Margaret Harris", "Margaret Harris", "person") in rows
    assert ("World Health Organization", "World Health Organization", "organization") in rows
    assert ("WHO", "World Health Organization", "organization") in rows


@pytest.mark.parametrize(
    ("line", "place", "code"),
    [
        ("VIENNA, 12 October 2020 - Ghada Waly, Executive Director of UNODC, said", "Vienna",
         "AUT"),
        ("GENEVA, April 22 (NNN-AGENCIES) — The World Health Organization (WHO) said that all "
         "available evidence suggests", "Geneva", "CHE"),
        ("GENEVA, April 24 (Xinhua) -- All available evidence to date suggests", "Geneva", "CHE"),
    ],
)
def test_dateline_place_in_capitals(line: str, place: str, code: str):
    found = reporting.dateline_places(Context(text=line), [])
    assert [(p.text, p.place, p.place_type, p.country_code) for p in found] == [
        (line.split(",")[0], place, "city", code)]


def test_a_headline_is_no_dateline():
    assert reporting.dateline_places(Context(text="Cholera - Sri Lanka\n\nAn increase"), []) == []


def test_a_news_page_title_drops_the_site_name():
    m = read(Document("d", "d.txt", "txt", "", text=IAEA))
    assert (m.kind, m.title) == ("news", "Combating Olive Oil Fraud with Nuclear Innovations")


def test_a_storys_partial_dates_take_their_year_from_the_story():
    # no published date in the text: the story's latest stated date dates it (masthead.py), and
    # the dates extractor completes `On 10 June` from it
    path = real_doc("news-who-don-2024-10-03-west-nile-barbados.txt")
    doc = ingest(path, "barbados", path.name, "txt")
    own = read(doc)
    found = dates.find(Context(text=doc.text, doc_date=own.date))
    assert (own.date, own.date_source) == ("2024-09", "latest-date")
    assert {(d.text, d.date_start, d.kind) for d in found if d.text in ("10 June", "16 June")} == {
        ("10 June", "2024-06-10", "completed"), ("16 June", "2024-06-16", "completed")}

