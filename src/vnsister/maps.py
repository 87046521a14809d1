"""Maps of Vietnam's partners, drawn offline on Natural Earth country outlines shipped with the package.

Each tie is a line from the Vietnamese party's point to the partner's point. A point is a representative point of
the place (table ``coordinates``; how each was matched is in its ``method``, codebook §9), not
its boundary, so a map shows where partners are, not how large they are. Ties with a party that has no
coordinates are counted in the caption, never silently left out.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib.resources import files
from typing import TYPE_CHECKING, Literal, cast

import pandas as pd

from vnsister.checks import as_of_day, choice
from vnsister.figures import add_caption, caption
from vnsister.load import Dataset
from vnsister.timeline import Rule, count_bounds, ties_on

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

Region = Literal["world", "korea"]
# lon_min, lon_max, lat_min, lat_max
EXTENTS: dict[str, tuple[float, float, float, float]] = {"world": (-125, 180, -45, 72), "korea": (100, 132, 8, 40)}


@lru_cache(maxsize=1)
def world_outline() -> dict[str, list[list[list[float]]]]:
    """Country outlines (lon/lat rings) keyed by ISO 3166-1 alpha-3 code, from Natural Earth 1:110m.

    Examples
    --------
    >>> outline = world_outline()
    >>> "VNM" in outline and "KOR" in outline and len(outline) > 150
    True
    """
    payload = json.loads((files("vnsister") / "world_outline.json").read_text(encoding="utf-8"))
    return payload["countries"]


def map_lines(ds: Dataset, region: Region = "world", as_of: str | None = None,
              undated: Rule = "attested") -> tuple[pd.DataFrame, dict[str, int]]:
    """One row per tie to draw (both parties' names and points) and the counts a caption must state.

    ``region="korea"`` keeps ties with Korean partners. ``as_of`` and ``undated`` follow the time rule of
    :func:`vnsister.timeline.ties_on`.

    Examples
    --------
    >>> from vnsister import load
    >>> lines, n = map_lines(load(), "korea")
    >>> n["drawn"] + n["no_point"] == n["ties"] and set(lines["partner_country"]) == {"KR"}
    True
    >>> n = map_lines(load(), "world", as_of="2010")[1]
    >>> n["lower"] <= n["ties"] <= n["upper"]
    True
    >>> map_lines(load(), "europe")
    Traceback (most recent call last):
    ...
    ValueError: region='europe' is not allowed; choose one of: 'world', 'korea'
    """
    choice("region", region, tuple(EXTENTS))
    base = ds.ties()
    if region == "korea":
        base = base[base["partner_country"] == "KR"]
    ties = ties_on(ds, as_of, undated, base)
    points = ds.coordinates.set_index("place_id")[["latitude", "longitude"]]
    for side in ("vn", "partner"):
        located = ties[f"{side}_place_id"].map(points["latitude"]), ties[f"{side}_place_id"].map(points["longitude"])
        ties = ties.assign(**{f"{side}_lat": located[0], f"{side}_lon": located[1]})
    drawable = ties[["vn_lat", "vn_lon", "partner_lat", "partner_lon"]].notna().all(axis=1)
    counts = {"ties": len(ties), "drawn": int(drawable.sum()), "no_point": int((~drawable).sum())}
    if as_of is not None:  # how many could be in force, whenever the undated ties began
        bounds = count_bounds(ds, as_of, base)
        counts.update(lower=bounds["lower"], upper=bounds["upper"])
    columns = ["tie_id", "vn_name_en", "partner_name_en", "partner_country", "tie_type",
               "vn_lat", "vn_lon", "partner_lat", "partner_lon"]
    return ties.loc[drawable, columns].reset_index(drop=True), counts


def partner_map(ds: Dataset, region: Region = "world", as_of: str | None = None, undated: Rule = "attested",
                ax: Axes | None = None) -> Axes:
    """Draw Vietnam's partners (``region="world"``) or its Korean partners (``"korea"``) and return the axes.

    The title names the release and as-of date; the caption gives n drawn, n without coordinates and the
    caveats. Nothing is downloaded: the outlines ship with the package.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> from vnsister import load
    >>> ax = partner_map(load(), "korea")
    >>> "Korea" in ax.get_title() and "n =" in ax.figure.texts[0].get_text()
    True
    """
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection, PolyCollection

    from vnsister.timeline import release_day

    lines, n = map_lines(ds, region, as_of, undated)
    if ax is None:
        _, ax = plt.subplots(figsize=(11, 5.6) if region == "world" else (7, 7))
    outline = world_outline()
    land = [ring for rings in outline.values() for ring in rings]
    ax.add_collection(PolyCollection(land, facecolor="#eef1f4", edgecolor="#b8c2cc", linewidth=0.4, zorder=0))
    highlight = [ring for code in ("VNM", "KOR") for ring in outline.get(code, [])]
    ax.add_collection(PolyCollection(highlight, facecolor="#dde6ee", edgecolor="#8a99a8", linewidth=0.5, zorder=1))
    segments = lines[["vn_lon", "vn_lat", "partner_lon", "partner_lat"]].to_numpy().reshape(-1, 2, 2)
    ax.add_collection(LineCollection(segments, color="#2b6f8e", alpha=0.25, linewidth=0.6, zorder=2))
    partners = lines.groupby(["partner_lon", "partner_lat"]).size().rename("ties").reset_index()
    ax.scatter(partners["partner_lon"], partners["partner_lat"], s=8 + 10 * partners["ties"], color="#c0392b",
               alpha=0.7, edgecolor="white", linewidth=0.4, zorder=3, label="partner (size: ties)")
    vietnam = lines.drop_duplicates(["vn_lon", "vn_lat"])
    ax.scatter(vietnam["vn_lon"], vietnam["vn_lat"], s=6, color="#1d2630", zorder=4, label="Vietnamese party")
    lon_min, lon_max, lat_min, lat_max = EXTENTS[region]
    ax.set_xlim(lon_min, lon_max)
    ax.set_ylim(lat_min, lat_max)
    ax.set_aspect("equal")
    ax.set_xlabel("longitude")
    ax.set_ylabel("latitude")
    ax.legend(loc="lower left" if region == "world" else "upper left", fontsize=7, frameon=False)
    what = "Vietnam's partners worldwide" if region == "world" else "Vietnam–Korea ties"
    day = as_of_day("as_of", as_of).date().isoformat() if as_of is not None else None
    when = f"ties in force on {day}" if day else f"every tie recorded, lapsed ones too (release {release_day(ds)})"
    ax.set_title(f"{what}, vnsister {ds.version}\n{when}", fontsize=10)
    bounds = f"{n['lower']}–{n['upper']} ties whenever the undated ties began. " if as_of is not None else ""
    notes = (f"{bounds}Of {n['ties']} ties, {n['no_point']} are not drawn because a party has no coordinates. Points "
             "are representative points of each place (codebook §9); lines join the two parties. Outlines: Natural "
             "Earth (public domain).")
    # the root figure (a subfigure's ``figure`` is its root, a figure's is itself): the caption spans the whole page
    add_caption(cast("Figure", ax.figure.figure),
                caption(ds, n["drawn"], "ties drawn", as_of=as_of, undated=undated, notes=notes))
    return ax
