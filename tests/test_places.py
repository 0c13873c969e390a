"""Places named as locations, one table of real sentences from the corpus."""

import pytest

from pipeline.extract.places import find
from pipeline.models import Context
from tests.conftest import real_doc


def places(text: str) -> list[tuple[str, str, str, str, str]]:
    out = []
    for m in find(Context(text=text)):
        assert text[m.start : m.end] == m.text
        out.append((m.text, m.place, m.place_type, m.country_code, m.geonames_id))
    return out


BRUSSELS = ("Brussels", "Brussels", "city", "BEL", "2800866")
NEW_YORK = ("New York", "New York", "city", "USA", "5128581")

# (sentence from the corpus, the places it names as locations)
CASES = [
    ("Global Forum on Migration and Development, held in Brussels from 9 to 11 July 2007",
     [BRUSSELS]),
    ("Migration and Development, held in New York on 14 and 15 September 2006", [NEW_YORK]),
    ("the second meeting, from 27 to 30 October 2008, in Manila,",
     [("Manila", "Manila", "city", "PHL", "1701668")]),
    ("Regular Migration, held in Marrakech, Morocco, on 10 and 11 December 2018",
     [("Marrakech", "Marrakesh", "city", "MAR", "2542997"),
      ("Morocco", "Morocco", "country", "MAR", "2542007")]),
    ("the search for solutions to the issues of Darfur, Chad, the Central African Republic",
     [("Darfur", "Darfur", "region", "SDN", ""), ("Chad", "Chad", "country", "TCD", "2434508"),
      ("Central African Republic", "Central African Republic", "country", "CAF", "239880")]),
    ("the resumption of fighting in North Kivu pose serious risks",
     [("North Kivu", "North Kivu", "region", "COD", "206938")]),
    ("the living conditions of Palestinians in the Gaza Strip, is acceptable",
     [("Gaza Strip", "Gaza Strip", "region", "PSE", "")]),
    ("In dealing with the nuclear issue in Iran, Belgium has, from the outset, supported",
     [("Iran", "Iran (Islamic Republic of)", "country", "IRN", "130758")]),
    ("refugees from Abkhazia, Georgia, and the Tskhinvali region/South Ossetia, Georgia",
     [("Abkhazia, Georgia", "Abkhazia", "region", "GEO", "6643410"),
      ("Tskhinvali region/South Ossetia", "South Ossetia", "region", "GEO", ""),
      ("Georgia", "Georgia", "country", "GEO", "614540")]),
    ("Asia and the Pacific from 10 to 12 March 2021, Latin America and the Caribbean from 26",
     [("Asia and the Pacific", "Asia and the Pacific", "region", "", ""),
      ("Latin America and the Caribbean", "Latin America and the Caribbean", "region", "", "")]),
    ("peace in the world without peace in Asia.",
     [("Asia", "Asia", "continent", "", "6255147")]),
    ("the Regional Service Centre in Entebbe, Uganda, to ensure a timely closure",
     [("Entebbe", "Entebbe", "city", "UGA", "233508"),
      ("Uganda", "Uganda", "country", "UGA", "226074")]),
    ("I would now like to turn to the question of South West Africa.",
     [("South West Africa", "Namibia", "country", "NAM", "3355338")]),
    ("we cannot accept the Sahel becoming the theatre of foreign power rivalry",
     [("Sahel", "Sahel", "region", "", "")]),
    # States acting are actors, not places.
    ("the generous offer of the Government of the Philippines to host the second meeting", []),
    ("from the Permanent Mission of Malawi to the United Nations addressed to the", []),
    ("Expresses its profound gratitude to France and Saudi Arabia for discharging", []),
    # Places inside the names of treaties, documents, organizations and events.
    ("Recalling the Sendai Declaration and the Sendai Framework for Disaster Risk Reduction", []),
    ("Reaffirming further the New York Declaration for Refugees and Migrants,", []),
    ("the Vienna Convention on Consular Relations,", []),
    ("the mandate of the United Nations Interim Force in Lebanon (UNIFIL)", []),
    ("the Ad Hoc Advisory Group on Haiti until the conclusion of the 2022 session", []),
    ("751 billion United States dollars in remittances in 2021", []),
    # Physical features (gd-1957-jpn, gd-1970-ind) and historic states under their own names.
    ("the Suez Canal is again open to free navigation",
     [("Suez Canal", "Suez Canal", "other", "EGY", "")]),
    ("to the Indian Ocean area. We should like this area to be a zone of peace",
     [("Indian Ocean", "Indian Ocean", "other", "", "")]),
    ("The cessation of the bombing of the Democratic Republic of VietNam has been appreciated",
     [("Democratic Republic of VietNam", "Democratic Republic of Viet Nam", "country", "VNM",
       "")]),
    ("A broad based Government, comprising all elements of South VietNam, would be",
     [("South VietNam", "Republic of Viet Nam", "country", "VNM", "")]),
    ("The situation in VietNam continues to cause us deep concern.",
     [("VietNam", "Viet Nam", "country", "VNM", "1562822")]),
    # `the Gulf` alone is the Persian Gulf; another gulf keeps its own name.
    ("freedom of navigation in the Gulf and the Strait of Hormuz",
     [("Gulf", "Persian Gulf", "other", "", ""),
      ("Strait of Hormuz", "Strait of Hormuz", "other", "", "")]),
    ("the Gulf of Mexico", [("Gulf of Mexico", "Gulf of Mexico", "other", "", "")]),
    ("the Gulf of Riga", [("Riga", "Riga", "city", "LVA", "456172")]),
    ("the Gulf Cooperation Council", []),
    # Place names that qualify a group (gd-1995-fra), and a list of places that ends with a
    # name in `States`.
    ("confirmed its privileged relationship with the African,\nCaribbean and Pacific countries "
     "in the context of the Lomé\nConvention", []),
    # `X region of Africa` names Africa too (gd-1995-fra).
    ("I am referring to the situation in the Great\nLakes region of Africa.",
     [("Great\nLakes region", "Great Lakes region", "region", "", ""),
      ("Africa", "Africa", "continent", "", "6255146")]),
    # `Korea` alone is the peninsula (gd-1960-gha); Kasai a province of the Congo.
    ("now to settle this intractable problem by having general elections in Korea.",
     [("Korea", "Korean Peninsula", "region", "", "")]),
    ("The Congo, including Katanga and Kasai, is one and indivisible.",
     [("Congo", "Democratic Republic of the Congo", "country", "COD", "203312"),
      ("Katanga", "Katanga", "region", "COD", ""), ("Kasai", "Kasai", "region", "COD", "")]),
    # A given name between a title and a place-like surname (gd-2013-phl).
    ("Our national hero, Mr. José Rizal, also recognized the", []),
    # Words that are also town names.
    ("to the Migration Network Hub Repository of Practices", []),
    ("From the foundation of the Roman Empire,", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_places(text, expected):
    assert places(text) == expected


def test_demonyms_and_generic_words_are_not_places():
    text = "African and Belgian migrants abroad and across the world"
    assert places(text) == []


def test_georgia_is_the_us_state_only_when_the_text_says_so():
    found = places("held in Atlanta, Georgia, United States")
    assert found[1][1:4] == ("Georgia", "region", "USA")
    assert places("the conflicts in Georgia,")[0][1:5] == ("Georgia", "country", "GEO", "614540")


def test_small_towns_only_in_the_country_the_document_is_about():
    # A/80/590 is about Mali: its towns below 15,000 people are places there ...
    mali = ("Mali. " * 5 + "with the exception of three camps in Sector North (Tessalit, "
            "Aguelhok and Kidal), from which")
    assert [p[0] for p in places(mali)][-3:] == ["Tessalit", "Aguelhok", "Kidal"]
    # ... but not in a text that names Mali once (where `Kidal` is the region of that name,
    # a first-level subdivision of Mali that the gazetteer knows everywhere).
    assert places("in Mali, three camps in Sector North (Tessalit, Aguelhok and Kidal)") == [
        ("Mali", "Mali", "country", "MLI", "2453866"),
        ("Kidal", "Kidal", "region", "MLI", "2597449")]


# --- places below the country -------------------------------------------------------------

def sentence(doc: str, start: str, end: str) -> str:
    """The sentence of a tests/corpus document from `start` to `end` (both included)."""
    text = real_doc(doc).read_text(encoding="utf-8")
    i = text.index(start)
    return text[i : text.index(end, i) + len(end)]


def subdivisions(text: str) -> list[tuple[str, str, str, str]]:
    return [(m.text, m.place, m.country_code, m.subdivision_code)
            for m in find(Context(text=text)) if m.subdivision_code]


def test_a_first_level_subdivision_named_with_its_kind():
    # S/RES/2166 (2014): ISO 3166-2 UA-14, GeoNames 709716; Ukraine stays a place of its own
    text = sentence("un-sc-res-2166-2014.txt", "Malaysia Airlines", "the loss")
    assert places(text) == [
        ("Donetsk Oblast", "Donetska oblast", "region", "UKR", "709716"),
        ("Ukraine", "Ukraine", "country", "UKR", "690791")]
    assert subdivisions(text) == [("Donetsk Oblast", "Donetska oblast", "UKR", "UA-14")]


def test_a_subdivision_has_its_iso_code_and_a_position():
    text = sentence("un-sc-res-2166-2014.txt", "Condemns", "298 lives")
    (oblast, _) = find(Context(text=text))
    assert (oblast.subdivision_code, oblast.geonames_id) == ("UA-14", "709716")
    # the mean position of the oblast's GeoNames places of 500+ people (subdivisions.csv)
    assert (oblast.latitude, oblast.longitude) == ("48.09527", "37.71613")


def test_a_region_of_regions_csv_that_is_a_subdivision_keeps_its_un_name():
    # gd-2007-bel: ISO writes `Nord-Kivu`; the UN, `North Kivu`
    text = sentence("gd-2007-bel.txt", "the resumption of fighting", "serious risks")
    assert subdivisions(text) == [("North Kivu", "North Kivu", "COD", "CD-NK")]


@pytest.mark.parametrize("text", [
    # gd-1995-fra and gd-1960-gha: `Central` names a province or region of seven states
    # (Paraguay, Uganda, Zambia, ...), but only where the text places it
    "warmly welcomes the\nforthcoming membership of its neighbours in Central,\nEastern and "
    "Mediterranean Europe, and",
    "(2) Every support should be given to the Central Government, as the legitimate Government",
])
def test_a_subdivision_named_by_a_common_word_needs_a_cue(text):
    assert subdivisions(text) == []



def test_a_subdivision_named_with_its_kind_across_a_line_break():
    # S/RES/2155 (2014), repeated in S/RES/2187 (2014): ISO 3166-2 SS-JG
    text = real_doc("excerpt-un-sc-res-2155-2014.txt").read_text(encoding="utf-8")
    assert subdivisions(text) == [("Jonglei\nState", "Jonglei", "SSD", "SS-JG")]


def test_a_refugee_camp_is_a_feature_in_the_country_of_its_town():
    # S/RES/1405 (2002): the camp twice, and Jenin itself (the governorate, PS-JEN)
    text = real_doc("un-sc-res-1405-2002.txt").read_text(encoding="utf-8")
    camps = [p for p in places(text) if p[1] == "Jenin refugee camp"]
    assert camps == [("Jenin refugee camp", "Jenin refugee camp", "other", "PSE", "")] * 2


def test_a_country_inside_a_feature_name_is_not_the_country():
    # A/RES/76/82: `the Jordan Valley` names no mention of Jordan
    text = real_doc("excerpt-un-ga-res-76-82.txt").read_text(encoding="utf-8")
    found = places(text)
    assert ("Jordan Valley", "Jordan Valley", "other", "", "") in found
    assert not [p for p in found if p[1] == "Jordan"]
