"""Network and ages on the tiny package: expected answers worked out by hand or by networkx directly."""

from __future__ import annotations

from pathlib import Path

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


def test_edges_say_which_ties_are_known_only_from_multilateral_documents(tiny):
    path = tiny / "dataset" / "partnerships.csv"
    path.write_text(path.read_text(encoding="utf-8").replace("1984,statement,active,,,", "1984,statement,active,,multilateral,"),
                    encoding="utf-8")
    G = build_graph(load(tiny))
    assert {k: d["known_from"] for _, _, k, d in G.edges(keys=True, data=True)} == {
        "T0001": "", "T0002": "", "T0003": "multilateral"}


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
    assert cohorts == {"after 1992-12-22": 2, "before 1992-12-22": 1, "1992 (undetermined)": 0,
                       "undated, attested before 1992-12-22": 0, "undated": 0}
    upgrades = time_to_upgrade(load(tiny)).set_index("tie_id")
    assert upgrades.loc["T0001", "years"] == pytest.approx(1826 / 365.2425)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_export_round_trip_keeps_every_attribute(tiny, tmp_path, fmt):
    from vnsister.network import export_graph

    G = build_graph(load(tiny), admin="2025", level="province")
    (path,) = export_graph(G, str(tmp_path / f"g.{fmt}"), fmt)
    back = nx.read_graphml(path, force_multigraph=True) if fmt == "graphml" else nx.read_gexf(path)
    assert dict(back.nodes(data=True)).keys() == dict(G.nodes(data=True)).keys()
    for node, data in G.nodes(data=True):
        assert back.nodes[node] == data
    original = {k: d for _, _, k, d in G.edges(keys=True, data=True)}
    restored = {d["tie_id"]: {a: v for a, v in d.items() if a not in ("id", "label")} for _, _, d in back.edges(data=True)}
    assert restored == original


def test_gephi_sees_names_and_a_timeline_and_igraph_gets_name(tiny, tmp_path):
    from vnsister.network import export_graph

    G = build_graph(load(tiny), admin="2025")
    (gexf,) = export_graph(G, str(tmp_path / "g.gexf"), "gexf")
    text = Path(gexf).read_text(encoding="utf-8")
    assert 'mode="dynamic"' in text and 'timeformat="date"' in text
    assert '<node id="kr-alpha" label="Alpha"' in text  # Gephi shows the name, not the slug
    assert 'start="2008-10-21"' in text and 'start="2004-01-01"' in text  # T0001 (a day) and T0002 (a year)
    # on the 2025 map Epsilon's ties belong to Delta, and the edges still name Epsilon as the historical party
    historical = {d["tie_id"]: d["vn_place_id"] for _, _, d in G.edges(data=True)}
    assert historical == {"T0001": "vn-delta", "T0002": "vn-epsilon", "T0003": "vn-epsilon"}
    assert set(G.nodes) == {"vn-delta", "kr-alpha", "kr-alpha-beta-gu", "la-gamma"}
    igraph = pytest.importorskip("igraph")
    (graphml,) = export_graph(G, str(tmp_path / "g.graphml"), "graphml")
    g = igraph.Graph.Read_GraphML(graphml)
    assert dict(zip(g.vs["name"], g.vs["label"], strict=True))["kr-alpha-beta-gu"] == "Beta-gu"


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_export_tables_round_trip(tiny, tmp_path, fmt):
    import pandas as pd

    from vnsister.network import export_graph

    G = build_graph(load(tiny))
    nodes_path, edges_path = export_graph(G, str(tmp_path / "g"), fmt)
    read = pd.read_csv if fmt == "csv" else pd.read_parquet
    edges = read(edges_path, keep_default_na=False) if fmt == "csv" else read(edges_path)
    assert sorted(edges["tie_id"]) == ["T0001", "T0002", "T0003"]
    row = edges.set_index("tie_id").loc["T0001"]
    got = (row["source"], row["target"], row["tie_type"], str(row["established"]))
    assert got == ("vn-delta", "kr-alpha", "twinning", "2008-10-21")
    assert set(read(nodes_path)["id"]) == set(G.nodes)


def test_korean_share(tiny):
    from vnsister.network import korean_share

    table = korean_share(load(tiny)).set_index("vn_province_id")
    assert table.loc["vn-epsilon", "foreign_ties"] == 2 and table.loc["vn-epsilon", "korean_share"] == 0.5
    assert table.loc["vn-delta", "korean_share"] == 1.0


def test_survival_is_refused_without_enough_lapses(tiny):
    from vnsister.ages import survival

    path = tiny / "dataset" / "partnerships.csv"
    text = path.read_text(encoding="utf-8").replace("1984,statement,active,,", "1984,statement,lapsed,1994,")
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match="has 1"):
        survival(load(tiny), as_of="2024-12-31")


def test_survival_treats_active_ties_as_censored(tiny):
    pytest.importorskip("lifelines")
    from vnsister.ages import survival

    path = tiny / "dataset" / "partnerships.csv"
    lapsed = "".join(f"T000{i},vn-delta,government,,la-gamma,government,,friendship,hữu nghị,2000-01-01,signing,lapsed,{end},,\n"
                     for i, end in zip(range(4, 9), ["2002-01-01", "2003-01-01", "2004-01-01", "2005-01-01", "2010-01-01"],
                                       strict=True))
    path.write_text(path.read_text(encoding="utf-8") + lapsed, encoding="utf-8")
    curve = survival(load(tiny), as_of="2024-12-31")["all"]
    # lapses after 2, 3, 4, 5 and 10 years with 8, 7, 6, 5 and 4 ties at risk (3 active ties censored later):
    # S = 7/8 * 6/7 * 5/6 * 4/5 * 3/4 = 3/8
    assert curve.iloc[-1] == pytest.approx(3 / 8)
    assert curve.iloc[0] == 1.0


# ---- property-based checks on random datasets ---------------------------------------------------------------
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.conftest import TINY, write_package  # noqa: E402

DATES = st.one_of(st.integers(1980, 2025).map(str),
                  st.tuples(st.integers(1980, 2025), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
                  st.tuples(st.integers(1980, 2025), st.integers(1, 12), st.integers(1, 28)).map(
                      lambda t: f"{t[0]}-{t[1]:02d}-{t[2]:02d}"))


def random_package(tmp_path_factory, dates: list[str]):
    header = TINY["partnerships"].splitlines()[0]
    vn, kr = ["vn-delta", "vn-epsilon"], ["kr-alpha", "kr-alpha-beta-gu", "la-gamma"]
    rows, evidence = [header], ["evidence_id,source_id,tie_id,event_id,stance,note"]
    for i, date in enumerate(dates, start=1):
        a, b = vn[i % 2], kr[i % 3]
        basis = "signing" if date else ""
        rows.append(f"T{i:04d},{a},agency,Agency {i},{b},government,,friendship,hữu nghị,{date},{basis},active,,,")
        evidence.append(f"V{i:04d},S0001,T{i:04d},,supports,Random.")
    tables = dict(TINY, partnerships="\n".join(rows) + "\n", events=TINY["events"].splitlines()[0] + "\n",
                  sources="source_id,url,title,publisher,published,published_from,language,notes\nS0001,https://example.org,A,P,2024,page,vi,\n",
                  evidence="\n".join(evidence) + "\n")
    return write_package(tmp_path_factory.mktemp("random"), tables)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(dates=st.lists(DATES, min_size=1, max_size=12), as_of=st.dates(min_value=__import__("datetime").date(1975, 1, 1),
                                                                      max_value=__import__("datetime").date(2030, 1, 1)))
def test_properties_on_random_datasets(tmp_path_factory, dates, as_of):
    ds = load(random_package(tmp_path_factory, dates))
    ages = tie_ages(ds, as_of=str(as_of))
    assert (ages[["age", "age_min", "age_max", "type_age"]] >= 0).all().all()       # ages never negative
    assert (ages["age_min"] <= ages["age_max"]).all()
    earlier = {k for _, _, k in build_graph(ds, as_of=str(as_of)).edges(keys=True)}
    later = {k for _, _, k in build_graph(ds, as_of="2030-01-01").edges(keys=True)}
    assert earlier <= later                                                          # as_of monotonicity
    G = nx.Graph(build_graph(ds))
    kr = [n for n, d in G.nodes(data=True) if d["country"] != "VN"]
    P = bipartite.weighted_projected_graph(G, kr)
    for u, v, w in P.edges(data="weight"):                                           # projection symmetry
        assert P[v][u]["weight"] == w == len(set(G[u]) & set(G[v]))


def test_a_tie_counted_before_its_established_date_has_no_negative_age(tmp_path_factory):
    """The case the property check found: a tie of February 2025 whose only page is of 2024 counts on 2025-01-01
    (the page shows it by then), and its ages that day are 0, not negative."""
    ds = load(random_package(tmp_path_factory, ["2025-02"]))
    ages = tie_ages(ds, as_of="2025-01-01").set_index("tie_id")
    assert ages.loc["T0001", ["age", "age_min", "age_max", "type_age"]].tolist() == [0.0, 0.0, 0.0, 0.0]


def test_igraph_path_agrees_with_networkx(tmp_path, monkeypatch):
    """On a network too large for the projection, both engines give the same table (exact betweenness here)."""
    pytest.importorskip("igraph")
    import sys as _sys

    import vnsister.network as network

    _sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parents[1] / "benchmarks"))
    from synthetic import write_synthetic_package

    ds = load(write_synthetic_package(tmp_path / "s", 3000, n_places=300, seed=3))
    monkeypatch.setattr(network, "PROJECTION_MAX_EDGES", 10)   # force the projection to be skipped
    monkeypatch.setattr(network, "BETWEENNESS_BUDGET", 10**9)  # exact betweenness in both engines
    fast = korean_partner_centrality(ds).set_index("place_id")
    slow = korean_partner_centrality(ds, engine="networkx").set_index("place_id")
    assert fast.index.equals(slow.index)                        # same ranking
    for column in ("partners", "provinces", "ties", "weighted_degree"):
        assert (fast[column] == slow[column]).all(), column
    assert fast["betweenness"].to_numpy() == pytest.approx(slow["betweenness"].to_numpy(), rel=1e-9, abs=1e-12)
    assert fast["eigenvector"].to_numpy() == pytest.approx(slow["eigenvector"].to_numpy(), rel=1e-4, abs=1e-8)


def test_sampled_betweenness_scaling_is_exact_when_every_source_is_sampled():
    igraph = pytest.importorskip("igraph")
    G = nx.karate_club_graph()
    n = G.number_of_nodes()
    g = igraph.Graph(n=n, edges=list(G.edges()))
    k = n  # sampling every node must give the exact value
    seen = 1 - ((n - k) * (n - k - 1)) / (n * (n - 1))
    estimate = [b * 2 / ((n - 1) * (n - 2)) / seen for b in g.betweenness(directed=False, sources=list(range(n)))]
    assert estimate == pytest.approx(list(nx.betweenness_centrality(G).values()))
