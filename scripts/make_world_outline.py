"""Write pipeline/report/world.geojson, the country outlines the report's map draws.

    pip download --no-deps -d /tmp/gp geopandas==0.14.4 && unzip -q /tmp/gp/*.whl -d /tmp/gp
    pip install pyshp==3.1.6
    python scripts/make_world_outline.py /tmp/gp/geopandas/datasets/naturalearth_lowres

The source is Natural Earth's 1:110m admin-0 countries (public domain), as the geopandas 0.14.4
wheel ships it (`naturalearth_lowres`, ISO codes fixed by geopandas for France, Norway and
others). The report must open without a network, so the outline lives in the repository
instead of coming from a CDN at view time. Coordinates are rounded to 0.01 degree (about 1 km),
which is finer than the 1:110m source.
"""

import json
import sys
from pathlib import Path

import shapefile  # pyshp

OUT = Path(__file__).resolve().parent.parent / "pipeline" / "report" / "world.geojson"
# Natural Earth writes -99 where ISO 3166 has no code; XKX is the user-assigned code in
# common use for Kosovo (the EU's and the IMF's).
CODE_FIXES = {"Kosovo": "XKX"}


def rounded(coordinates):
    if isinstance(coordinates[0], (int, float)):
        return [round(coordinates[0], 2), round(coordinates[1], 2)]
    return [rounded(part) for part in coordinates]


def features(folder: Path) -> list[dict]:
    reader = shapefile.Reader(str(folder / "naturalearth_lowres.shp"))
    out = []
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        geometry = shape.__geo_interface__
        code = CODE_FIXES.get(record["name"], record["iso_a3"])
        out.append(
            {
                "type": "Feature",
                "id": code,
                "properties": {"name": record["name"]},
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": rounded(geometry["coordinates"]),
                },
            }
        )
    return sorted(out, key=lambda f: f["id"])


def main() -> None:
    collection = {"type": "FeatureCollection", "features": features(Path(sys.argv[1]))}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(collection, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(collection['features'])} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
