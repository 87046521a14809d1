"""Coordinates and maps: points lie in their own country, the map counts every tie, bad arguments are refused."""

from __future__ import annotations

import matplotlib
import pandas as pd
import pycountry
import pytest

import vnsister
from tests.test_corruptions import append_row, assert_reported_at
from vnsister.figures import EFFORT_NOTE, RULE_NOTES
from vnsister.maps import map_lines, partner_map, world_outline

matplotlib.use("Agg")
REPO_DATA = vnsister.path("places").parent


@pytest.fixture(scope="module")
def ds():
    return vnsister.load()


def test_every_point_lies_in_its_country(ds):
    """A namesake matched in the wrong country or province would fall outside the country's outline box."""
    outline = world_outline()
    points = ds.coordinates.merge(ds.places[["place_id", "country"]], on="place_id")
    outside = []
    for row in points.itertuples():
        alpha3 = pycountry.countries.get(alpha_2=row.country).alpha_3
        if alpha3 not in outline:  # too small for the 1:110m outlines (e.g. Singapore)
            continue
        lons = [x for ring in outline[alpha3] for x, _ in ring]
        lats = [y for ring in outline[alpha3] for _, y in ring]
        margin = 2  # degrees: islands such as Ulleung lie off the 1:110m outlines
        if not (min(lats) - margin <= row.latitude <= max(lats) + margin
                and min(lons) - margin <= row.longitude <= max(lons) + margin):
            outside.append(row.place_id)
    assert outside == []


@pytest.mark.parametrize(("place", "lat", "lon"), [
    ("vn-ha-noi", 21.03, 105.85),       # Hà Nội, Hoàn Kiếm
    ("kr-daejeon", 36.35, 127.38),      # Daejeon city hall area
    ("vn-binh-duong", 11.1, 106.65),    # Bình Dương
    ("la-champasak", 15.12, 105.80),    # Pakse, the most populous place of Champasak
    # first-level cities sit at the city, not at the largest town of the province of the same name
    ("bg-sofia", 42.70, 23.32),         # Sofia, not Samokov in Sofia Province
    ("by-minsk", 53.90, 27.56),         # Minsk, not Barysaw in Minsk Oblast
    ("ar-buenos-aires", -34.61, -58.38),  # Buenos Aires, not Mar del Plata in Buenos Aires Province
])
def test_known_points(ds, place, lat, lon):
    row = ds.coordinates.set_index("place_id").loc[place]
    assert abs(row["latitude"] - lat) < 0.35 and abs(row["longitude"] - lon) < 0.35


def test_most_places_in_ties_have_a_point(ds):
    tied = set(ds.partnerships["vn_place_id"]) | set(ds.partnerships["partner_place_id"])
    located = tied & set(ds.coordinates["place_id"])
    assert len(located) / len(tied) >= 0.85
    vietnamese = {p for p in tied if p.startswith("vn-")}
    assert len(vietnamese - located) <= 3  # every Vietnamese unit with a GSO code has a point


def test_map_counts_every_tie():
    """Counted from the CSV files directly: a tie is drawable when both places have a row in coordinates."""
    ties = pd.read_csv(REPO_DATA / "partnerships.csv", dtype=str)
    places = pd.read_csv(REPO_DATA / "places.csv", dtype=str).set_index("place_id")
    located = set(pd.read_csv(REPO_DATA / "coordinates.csv", dtype=str)["place_id"])
    korean = ties[ties["partner_place_id"].map(places["country"]) == "KR"]
    drawable = korean["vn_place_id"].isin(located) & korean["partner_place_id"].isin(located)
    lines, n = map_lines(vnsister.load(), "korea")
    assert n == {"ties": len(korean), "drawn": int(drawable.sum()), "no_point": int((~drawable).sum())}
    assert len(lines) == n["drawn"]


def test_map_states_release_as_of_and_n(ds):
    ax = partner_map(ds, "world", as_of="2010")
    caption = ax.figure.texts[0].get_text()
    assert "in force on 2010-12-31" in ax.get_title() and ds.version in ax.get_title()
    assert "every tie recorded" in partner_map(ds, "korea").get_title()
    # the caption is figures.caption's: release, day, n drawn, the undated rule, the map's caveats, search effort
    assert caption.startswith(f"Source: vnsister {ds.version} (released {ds.released}); as of 2010-12-31; n = ")
    assert "ties drawn." in caption and "no coordinates" in caption and caption.endswith(EFFORT_NOTE)
    assert RULE_NOTES["attested"] in caption and "whenever the undated ties began" in caption
    assert "dated or undated" in partner_map(ds, "korea").figure.texts[0].get_text()


@pytest.mark.parametrize(("kwargs", "words"), [
    ({"region": "europe"}, "region='europe' is not allowed"),
    ({"undated": "never"}, "undated='never' is not allowed"),
    ({"as_of": "20100"}, "as_of"),
])
def test_bad_arguments_are_refused(ds, kwargs, words):
    with pytest.raises(ValueError, match=words):
        map_lines(ds, **kwargs)


def test_coordinate_of_an_unknown_place_is_a_row_level_error(tiny):
    assert_reported_at(tiny, lambda r: append_row(r, "coordinates", "kr-nowhere,36.0,127.0,kr-boundary,99"),
                       "coordinates", 3, "place_id", "not found in places.place_id")


def test_coordinate_without_its_method_is_a_row_level_error(tiny):
    assert_reported_at(tiny, lambda r: append_row(r, "coordinates", "la-gamma,15.1,105.8,,1654379"),
                       "coordinates", 3, "method", "required")


def test_latitude_out_of_range_is_a_row_level_error(tiny):
    assert_reported_at(tiny, lambda r: append_row(r, "coordinates", "la-gamma,105.8,15.1,geonames-name,1654379"),
                       "coordinates", 3, "latitude", "90")
