"""Network and ages on the tiny package: expected answers worked out by hand or by networkx directly."""

from __future__ import annotations

import networkx as nx
import pytest
from networkx.algorithms import bipartite

from vnsister import load
from vnsister.ages import establishment_counts, tie_ages, time_to_upgrade
from vnsister.network import TIE_WEIGHTS, build_graph, korean_partner_centrality


def test_graph_has_one_edge_per_tie(tiny):
    G = build_graph(load(tiny))
    assert sorted(k for _, _, k in G.edges(keys=True)) == ["T0001", "T0002", "T0003"]
    assert G.nodes["kr-alpha"]["country"] == "KR" and G.nodes["vn-delta"]["name_local"] == "Đồng Tháp"
    assert G.edges["vn-delta", "kr-alpha", "T0001"]["established_precision"] == "day"
    assert G.edges["vn-epsilon", "la-gamma", "T0003"]["established_precision"] == "year"


@pytest.mark.parametrize(("as_of", "expected"), [
    ("1983-12-31", []),                      # before any tie
    ("1984-01-01", ["T0003"]),               # a year-only date counts from its first day
    ("2004-06-30", ["T0002", "T0003"]),
    ("2008-10-20", ["T0002", "T0003"]),
    ("2008-10-21", ["T0001", "T0002", "T0003"]),
])
def test_as_of(tiny, as_of, expected):
    G = build_graph(load(tiny), as_of=as_of)
    assert sorted(k for _, _, k in G.edges(keys=True)) == expected


def test_admin_2025_moves_merged_places(tiny):
    G = build_graph(load(tiny), admin="2025")
    assert G.graph["merged_ties"] == 2
    assert "vn-epsilon" not in G
    assert G.has_edge("vn-delta", "la-gamma")


def test_province_rollup_makes_a_multigraph(tiny):
    G = build_graph(load(tiny), admin="2025", level="province")
    assert G.number_of_edges("vn-delta", "kr-alpha") == 2  # T0001, and T0002 via Beta-gu and Epsilon's merger
    assert "kr-alpha-beta-gu" not in G


def test_korean_centrality_matches_networkx(tiny):
    table = korean_partner_centrality(load(tiny)).set_index("place_id")
    # by hand: kr-alpha has one twinning tie, kr-alpha-beta-gu one cooperation tie
    assert table.loc["kr-alpha", "weighted_degree"] == TIE_WEIGHTS["twinning"]
    assert table.loc["kr-alpha-beta-gu", "weighted_degree"] == TIE_WEIGHTS["cooperation"]
    assert table.loc["kr-alpha", "rank"] == 1
    H = nx.Graph([("vn-delta", "kr-alpha"), ("vn-epsilon", "kr-alpha-beta-gu")])
    expected = nx.betweenness_centrality(H)
    assert table.loc["kr-alpha", "betweenness"] == pytest.approx(expected["kr-alpha"])
    projection = bipartite.projected_graph(H, ["kr-alpha", "kr-alpha-beta-gu"])
    assert projection.number_of_edges() == 0 and table["projected_betweenness"].eq(0).all()


def test_mirror_view_ranks_vietnamese_places(tiny):
    table = korean_partner_centrality(load(tiny), side="VN").set_index("place_id")
    assert set(table.index) == {"vn-delta", "vn-epsilon"}  # la-gamma is not Korean
    assert table.loc["vn-delta", "partners"] == 1


def test_ages_with_bounds(tiny):
    ages = tie_ages(load(tiny), as_of="2024-12-31").set_index("tie_id")
    # "2004" -> between 2004-12-31 and 2004-01-01
    assert ages.loc["T0002", "age_min"] == pytest.approx(7305 / 365.2425)
    assert ages.loc["T0002", "age_max"] == pytest.approx(7670 / 365.2425)
    # current type (twinning) since the upgrade on 2013-10-21
    assert ages.loc["T0001", "type_age"] == pytest.approx((11 * 365 + 3 + 71) / 365.2425, abs=0.01)


def test_ages_before_any_tie_is_empty(tiny):
    assert tie_ages(load(tiny), as_of="1900-01-01").empty


def test_cohorts_and_upgrades(tiny):
    cohorts = establishment_counts(load(tiny), by="cohort").set_index("cohort")["ties"].to_dict()
    assert cohorts == {"after 1992-12-22": 2, "before 1992-12-22": 1}
    upgrades = time_to_upgrade(load(tiny)).set_index("tie_id")
    assert upgrades.loc["T0001", "years"] == pytest.approx(1826 / 365.2425)
