"""Write src/vnsister/world_outline.json, the country outlines the map figures draw on.

Run by a curator, never at install or run time:

    pip download --no-deps pyogrio && unzip -o pyogrio-*.whl 'pyogrio/tests/fixtures/naturalearth_lowres/*'
    python scripts/build_world_outline.py pyogrio/tests/fixtures/naturalearth_lowres/naturalearth_lowres.shp

The input is Natural Earth's 1:110m countries (public domain), the copy pyogrio ships as a test fixture; it
is read with pyshp. Coordinates are rounded to 0.01 degree, which a world or regional map cannot show.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import shapefile

OUT = Path(__file__).resolve().parents[1] / "src" / "vnsister" / "world_outline.json"


def rings(shape) -> list[list[list[float]]]:
    starts = [*shape.parts, len(shape.points)]
    return [[[round(x, 2), round(y, 2)] for x, y in shape.points[a:b]] for a, b in zip(starts, starts[1:], strict=False)]


def main(path: str) -> None:
    reader = shapefile.Reader(path)
    fields = [field[0] for field in reader.fields[1:]]
    countries = {}
    for record, shape in zip(reader.records(), reader.shapes(), strict=True):
        attributes = dict(zip(fields, record, strict=True))
        countries[attributes["iso_a3"] if attributes["iso_a3"] != "-99" else attributes["name"]] = rings(shape)
    payload = {"source": "Natural Earth 1:110m Admin 0 countries (public domain), naturalearthdata.com",
               "countries": countries}
    OUT.write_text(json.dumps(payload, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {OUT.name}: {len(countries)} countries, {OUT.stat().st_size:,} bytes")


if __name__ == "__main__":
    main(sys.argv[1])
