"""The partnership network: a networkx multigraph of places and ties, and centrality of Korean partners."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

import networkx as nx
import pandas as pd
from networkx.algorithms import bipartite

from vnsister import checks
from vnsister.dates import partial_date_bounds
from vnsister.export import spreadsheet_safe
from vnsister.load import Dataset
from vnsister.timeline import UNDATED, start_shares, tie_timeline, ties_on

__all__ = ["TIE_WEIGHTS", "build_graph", "export_graph", "korean_partner_centrality", "korean_share", "partner_network",
           "partners_by_province", "place_centrality", "successor_map", "tie_weights"]

ADMIN_MAPS = ("historical", "2025")
LEVELS = ("place", "province")

# Strength of a tie for weighted degree: twinning > friendship > cooperation MoU > agency/council ties.
TIE_WEIGHTS: dict[str, float] = {"twinning": 4.0, "friendship": 3.0, "cooperation": 2.0, "other": 1.0, "agency": 1.0}


def council_or_agency(ties: pd.DataFrame) -> pd.Series:
    """True for a tie signed on either side by a council or an agency rather than the government itself."""
    return (ties["vn_party"] != "government") | (ties["partner_party"] != "government")


def tie_weights(ties: pd.DataFrame, weights: Mapping[str, float] | None = None) -> pd.Series:
    """Strength of each tie: its type's weight, or the ``agency`` weight when either party is not the government."""
    table = weights or TIE_WEIGHTS
    return ties["tie_type"].astype("string").map(table).where(~council_or_agency(ties), table["agency"]).astype(float)


def successor_map(ds: Dataset) -> dict[str, str]:
    """Place id -> the place that holds it on the post-2025 map (``Dataset.successors``)."""
    return ds.successors()


def tie_type_names(ds: Dataset) -> tuple[str, ...]:
    """The tie types the partnerships schema allows."""
    return tuple(ds.partnerships["tie_type"].cat.categories) if hasattr(ds.partnerships["tie_type"], "cat") else (
        "twinning", "friendship", "cooperation", "other")


def build_graph(ds: Dataset, as_of: str | None = None, admin: Literal["historical", "2025"] = "historical",
                tie_types: Iterable[str] | None = None, level: Literal["place", "province"] = "place",
                weights: Mapping[str, float] | None = None, undated: str = "attested") -> nx.MultiGraph:
    """Build the partnership network: places are nodes, each tie is an edge (a multigraph keeps parallel ties).

    Parameters
    ----------
    ds : Dataset
    as_of : str, optional (default: all ties)
        ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a year or month stands for its last day); keep the ties that
        existed that day under the time rule of :mod:`vnsister.timeline`.
    admin : {"historical", "2025"}, optional (default: "historical")
        ``"2025"`` maps each place to its successor on the post-2025-07-01 map (Hải Dương's ties become Hải Phòng's).
        ``G.graph["merged_ties"]`` says how many ties moved.
    tie_types : iterable of str, optional (default: all types)
    level : {"place", "province"}, optional (default: "place")
        ``"province"`` rolls basic-level places up to their first-level unit (a Korean gu to its metropolitan city,
        a Vietnamese district to its province).
    undated : {"attested", "exclude", "include"}, optional (default: "attested")
        How ties without an established date count on ``as_of``: from their earliest dated evidence
        or page-order bound (``attested_by``, default), never, or on every date (an upper bound).

    Returns
    -------
    networkx.MultiGraph
        Node attributes: label (the English name, shown by Gephi), name (the place id, igraph's vertex name),
        country, level, admin_level, name_en, name_local, side ("VN" or "foreign").
        Edge key and attribute tie_id (kept by every export format); edge attributes: tie_type, established,
        established_precision, status, vn_party, partner_party, vn_place_id and partner_place_id (the historical
        parties, kept on the 2025 map), known_from ("multilateral" for a tie known only from documents or meetings
        of more than two parties, to set clique edges apart), weight (from TIE_WEIGHTS), and start/end (ISO days,
        where known) for Gephi's timeline.

    Examples
    --------
    >>> G = build_graph(load(), admin="2025")
    >>> G.graph["admin"], G.number_of_edges() == len(load().partnerships)
    ('2025', True)
    """
    checks.choice("admin", admin, ADMIN_MAPS)
    checks.choice("level", level, LEVELS)
    checks.choice("undated", undated, UNDATED)
    ties = ties_on(ds, as_of, undated)
    if tie_types is not None:
        ties = ties[ties["tie_type"].astype("string").isin(checks.members("tie_types", tie_types, tie_type_names(ds)))]
    mapping = _place_mapping(ds, admin, level)
    merged = 0
    if admin == "2025":
        successors = successor_map(ds)
        merged = int((ties["vn_place_id"].isin(successors) | ties["partner_place_id"].isin(successors)).sum())
    G = nx.MultiGraph(as_of=as_of, admin=admin, level=level, merged_ties=merged)
    precision = partial_date_bounds(ties["established"])["precision"]
    edge_weights = tie_weights(ties, weights)
    spans = _edge_spans(ds).reindex(ties["tie_id"])
    for row, prec, weight, (start, end) in zip(ties.itertuples(index=False), precision, edge_weights,
                                               spans.itertuples(index=False, name=None), strict=True):
        u, v = mapping.get(row.vn_place_id, row.vn_place_id), mapping.get(row.partner_place_id, row.partner_place_id)
        span = {key: day for key, day in (("start", start), ("end", end)) if day}
        G.add_edge(u, v, key=row.tie_id, tie_id=row.tie_id, tie_type=str(row.tie_type), established=_text(row.established),
                   established_precision=_text(prec), status=str(row.status), vn_party=str(row.vn_party),
                   partner_party=str(row.partner_party), vn_place_id=row.vn_place_id,
                   partner_place_id=row.partner_place_id, known_from=_text(row.known_from), weight=weight, **span)
    _set_node_attributes(G, ds)
    return G


def _edge_spans(ds: Dataset) -> pd.DataFrame:
    """Per tie id, the ISO days an edge starts and ends for dynamic networks (Gephi's timeline), by the time rule:
    a dated tie from the first day of its date, an undated one from its earliest evidence; the end is the last
    day of its end date. Empty where unknown."""
    timeline = tie_timeline(ds).set_index("tie_id")
    start = timeline["start_earliest"].fillna(timeline["attested_by"])
    return pd.DataFrame({"start": start.dt.strftime("%Y-%m-%d").fillna(""),
                         "end": timeline["end_latest"].dt.strftime("%Y-%m-%d").fillna("")})


def _set_node_attributes(G: nx.Graph, ds: Dataset) -> None:
    """Country, level, tier, names and side ("VN" or "foreign") of every node, from the places table."""
    info = ds.places.set_index("place_id").loc[list(G.nodes), ["country", "level", "admin_level", "name_en", "name_local"]]
    nx.set_node_attributes(G, {
        node: {"label": str(name_en), "name": node, "country": str(country), "level": str(level), "admin_level": int(tier),
               "name_en": str(name_en), "name_local": str(name_local), "side": "VN" if country == "VN" else "foreign"}
        for node, country, level, tier, name_en, name_local in info.itertuples(name=None)})


def _text(value: object) -> str:
    return "" if value is None or pd.isna(value) else str(value)


# Exact betweenness costs about nodes x edges steps; above this budget it is estimated from a sample of
# sources sized to fit the budget (never fewer than BETWEENNESS_MIN_SAMPLE), with a fixed seed.
BETWEENNESS_BUDGET = 5_000_000
BETWEENNESS_MIN_SAMPLE = 8
BETWEENNESS_SAMPLE = BETWEENNESS_MIN_SAMPLE  # kept for callers that pass a sample size explicitly
PROJECTION_MAX_EDGES = 300_000  # larger one-mode projections are not built (their columns are NaN)


CENTRALITY_COLUMNS = ["place_id", "name_en", "name_local", "partners", "ties", "weighted_degree", "component_size",
                      "eigenvector", "betweenness", "projected_eigenvector", "projected_betweenness"]


def place_centrality(G: nx.MultiGraph, side: str, partner_country: str, weight: str = "weight",
                     betweenness_k: int | None = None, seed: int = 0) -> pd.DataFrame:
    """Centrality of the places on one side of the bipartite Vietnam–``partner_country`` network.

    ``side`` is ``"foreign"`` (rank the partner country's places) or ``"VN"`` (rank Vietnamese places by their ties
    with that country): one function serves both views. Columns: partners (distinct counterparts), provinces
    (distinct first-level units among the counterparts' parents), ties, weighted_degree, eigenvector and
    betweenness in the bipartite graph, the same two in the one-mode projection (places linked by shared
    counterparts), and rank (by weighted degree, then partners).

    Notes
    -----
    Betweenness is exact while nodes x edges stays within BETWEENNESS_BUDGET (5 million) and otherwise
    estimated from a sample of sources sized to that budget (at least 8; fixed ``seed``), or from
    ``betweenness_k`` sources when given. Eigenvector centrality is computed on the largest connected component
    only (unit norm) and is NaN elsewhere, so that scores can be ranked together; ``component_size`` says how
    large each place's component is. A projection with more than PROJECTION_MAX_EDGES edges is
    not built and its columns are NaN.
    """
    keep = {n for n, d in G.nodes(data=True) if d["country"] in ("VN", partner_country)}
    pairs: dict[tuple[str, str], list[float]] = {}
    for u, v, w in G.edges(data=weight, default=1.0):
        if u not in keep or v not in keep:
            continue
        key = (u, v) if u <= v else (v, u)
        acc = pairs.setdefault(key, [0.0, 0])
        acc[0] += w
        acc[1] += 1
    simple = nx.Graph()
    simple.add_nodes_from((n, G.nodes[n]) for n in keep)
    simple.add_edges_from((u, v, {"weight": w, "ties": n}) for (u, v), (w, n) in pairs.items())
    simple.remove_nodes_from([n for n in list(simple) if simple.degree(n) == 0])
    mine = [n for n, d in simple.nodes(data=True) if (d["side"] == "VN") == (side == "VN")]
    if not mine:
        return pd.DataFrame(columns=[*CENTRALITY_COLUMNS, "rank"])
    between = nx.betweenness_centrality(simple, k=_sample(simple, betweenness_k), seed=seed, normalized=True)
    eigen = _eigenvector(simple)
    sizes = _component_sizes(simple)
    mine_set = set(mine)
    others = [n for n in simple if n not in mine_set]
    # an upper bound on the projection's edges: each place on the other side links every pair of its partners
    projected_edges = sum(simple.degree(n) * (simple.degree(n) - 1) // 2 for n in others)
    if projected_edges <= PROJECTION_MAX_EDGES:
        projection = bipartite.weighted_projected_graph(simple, mine)
        p_between = nx.betweenness_centrality(projection, k=_sample(projection, betweenness_k), seed=seed, normalized=True)
        p_eigen = _eigenvector(projection)
    else:
        p_between, p_eigen = dict.fromkeys(mine, float("nan")), dict.fromkeys(mine, float("nan"))
    rows = []
    for n in mine:
        rows.append({"place_id": n, "name_en": simple.nodes[n]["name_en"], "name_local": simple.nodes[n]["name_local"],
                     "partners": simple.degree(n), "ties": int(simple.degree(n, weight="ties")),
                     "weighted_degree": float(simple.degree(n, weight="weight")), "component_size": sizes[n],
                     "eigenvector": eigen[n], "betweenness": between[n], "projected_eigenvector": p_eigen.get(n, float("nan")),
                     "projected_betweenness": p_between.get(n, 0.0)})
    table = pd.DataFrame(rows).sort_values(["weighted_degree", "partners", "place_id"], ascending=[False, False, True])
    table["rank"] = range(1, len(table) + 1)
    return table.reset_index(drop=True)


def _sample_size(nodes: int, edges: int, k: int | None) -> int | None:
    """Sources for betweenness: ``k`` if given; all (exact, ``None``) within BETWEENNESS_BUDGET; else a
    budget-sized sample of at least BETWEENNESS_MIN_SAMPLE."""
    if k is not None:
        return None if k >= nodes else k
    edges = max(edges, 1)
    if nodes * edges <= BETWEENNESS_BUDGET:
        return None
    return min(nodes, max(BETWEENNESS_MIN_SAMPLE, BETWEENNESS_BUDGET // edges))


def _sample(G: nx.Graph, k: int | None) -> int | None:
    return _sample_size(len(G), G.number_of_edges(), k)


def _eigenvector(G: nx.Graph) -> dict[str, float]:
    """Eigenvector centrality on the largest connected component (unit norm); NaN for nodes outside it.

    Scores scaled separately within each component cannot be compared (a node of a four-node component could
    outscore the hub of the main one), so only the largest component is scored.
    """
    if len(G) == 0:
        return {}
    giant = max(nx.connected_components(G), key=len)
    sub = G if len(giant) == len(G) else G.subgraph(giant).copy()
    if len(sub) < 3:
        values = {n: 1.0 / len(sub) ** 0.5 for n in sub}
    else:
        values = nx.eigenvector_centrality_numpy(sub, weight="weight")
    return {n: values.get(n, float("nan")) for n in G}


def _component_sizes(G: nx.Graph) -> dict[str, int]:
    return {n: len(component) for component in nx.connected_components(G) for n in component}


def _place_mapping(ds: Dataset, admin: str, level: str) -> dict[str, str]:
    """Place id -> the node it becomes: its successor on the 2025 map and/or its first-level unit."""
    mapping: dict[str, str] = {}
    if level == "province":
        units = ds.first_level_units()
        mapping.update(units[units.index != units.values].to_dict())
    if admin == "2025":
        successors = successor_map(ds)
        mapping = {p: successors.get(q, q) for p, q in mapping.items()}
        for place, new in successors.items():
            mapping.setdefault(place, new)
    return mapping


def _partner_ties(ds: Dataset, partner_country: str, as_of: str | None, admin: str,
                  weights: Mapping[str, float] | None, level: str = "place", undated: str = "attested") -> pd.DataFrame:
    """The Vietnam–``partner_country`` ties on the chosen map and level: parties, tie id and weight, one row per tie."""
    ties = ties_on(ds, as_of, undated)
    ties = ties[ties["partner_place_id"].map(ds.places.set_index("place_id")["country"]) == partner_country]
    mapping = _place_mapping(ds, admin, level)
    return pd.DataFrame({"vn": ties["vn_place_id"].map(lambda p: mapping.get(p, p)),
                         "partner": ties["partner_place_id"].map(lambda p: mapping.get(p, p)),
                         "tie_id": ties["tie_id"], "weight": tie_weights(ties, weights)})


def _weighted_graph(ds: Dataset, edges: pd.DataFrame) -> nx.MultiGraph:
    """A multigraph of the given ties (node attributes from places), built in bulk."""
    G = nx.MultiGraph()
    G.add_edges_from(zip(edges["vn"], edges["partner"], edges["tie_id"],
                         ({"weight": w} for w in edges["weight"]), strict=True))
    _set_node_attributes(G, ds)
    return G


def _sampled_sources(n: int, k: int | None, seed: int) -> list[int] | None:
    import random

    return None if k is None or k >= n else random.Random(seed).sample(range(n), k)


def _fast_centrality(ds: Dataset, ties: pd.DataFrame, side: str, betweenness_k: int | None,
                     seed: int) -> pd.DataFrame | None:
    """The centrality table through igraph (C) for large networks; ``None`` when igraph is missing or the one-mode
    projection is small enough to build (then the networkx path computes everything)."""
    try:
        import igraph as ig
    except ImportError:
        return None
    places = ds.places.set_index("place_id")
    edges = ties.groupby(["vn", "partner"], sort=False).agg(weight=("weight", "sum"), ties=("weight", "size")).reset_index()
    mine_col, other_col = ("vn", "partner") if side == "VN" else ("partner", "vn")
    other_degree = edges.groupby(other_col).size()
    if int((other_degree * (other_degree - 1) // 2).sum()) <= PROJECTION_MAX_EDGES:
        return None
    codes, names = pd.factorize(pd.concat([edges["vn"], edges["partner"]], ignore_index=True))
    m = len(edges)
    g = ig.Graph(n=len(names), edges=list(zip(codes[:m], codes[m:], strict=True)), directed=False)
    g.es["weight"] = edges["weight"].tolist()
    n = g.vcount()
    k = _sample_size(n, m, betweenness_k)
    sources = _sampled_sources(n, k, seed)
    raw = g.betweenness(directed=False, sources=sources) if sources is not None else g.betweenness(directed=False)
    # a sampled source set sees a pair when either end is sampled: divide by that probability (unbiased estimate),
    # then normalise as networkx does for undirected graphs
    seen = 1.0 if sources is None else 1 - ((n - k) * (n - k - 1)) / (n * (n - 1))
    scale = 2.0 / ((n - 1) * (n - 2)) / seen if n > 2 else 0.0
    eigen = pd.Series(float("nan"), index=range(n))
    size = pd.Series(0, index=range(n))
    components = list(g.connected_components())
    for component in components:
        size[component] = len(component)
    giant = max(components, key=len)  # only the largest component is scored (see _eigenvector)
    values = pd.Series(g.subgraph(giant).eigenvector_centrality(weights="weight", scale=False), index=giant)
    eigen[giant] = (values / (values**2).sum() ** 0.5).to_numpy() if len(giant) > 2 else len(giant) ** -0.5
    stats = pd.DataFrame({"place_id": names, "betweenness": [b * scale for b in raw], "component_size": size.to_numpy(),
                          "eigenvector": eigen.to_numpy()})
    grouped = edges.groupby(mine_col).agg(partners=(other_col, "size"), ties=("ties", "sum"),
                                          weighted_degree=("weight", "sum")).rename_axis("place_id").reset_index()
    table = grouped.merge(stats, on="place_id")
    table.insert(1, "name_en", table["place_id"].map(places["name_en"]))
    table.insert(2, "name_local", table["place_id"].map(places["name_local"]))
    table["projected_eigenvector"] = float("nan")
    table["projected_betweenness"] = float("nan")
    table = table[CENTRALITY_COLUMNS].sort_values(["weighted_degree", "partners", "place_id"], ascending=[False, False, True])
    table["rank"] = range(1, len(table) + 1)
    return table.reset_index(drop=True)


def partner_network(ds: Dataset, partner_country: str = "KR", as_of: str | None = None,
                    admin: Literal["historical", "2025"] = "historical", level: Literal["place", "province"] = "place",
                    undated: str = "attested") -> nx.MultiGraph:
    """The bipartite network of Vietnam's ties with one partner country, as :func:`korean_partner_centrality`
    ranks it: one edge a tie (key: its id; attribute: its weight), node attributes as in :func:`build_graph`.

    Draw this graph beside a ranking computed with the same arguments, so that the figure and the table count the
    same ties (``as_of=None`` keeps every tie; ``as_of`` and ``undated`` follow :mod:`vnsister.timeline`).

    Examples
    --------
    >>> G = partner_network(load(), "KR", as_of="2012")
    >>> {G.nodes[n]["country"] for n in G} == {"VN", "KR"}
    True
    >>> partner_network(load(), "XX")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: partner_country='XX' is not a partner country code in the data; ...
    """
    checks.choice("admin", admin, ADMIN_MAPS)
    checks.choice("level", level, LEVELS)
    checks.choice("undated", undated, UNDATED)
    country = checks.partner_country("partner_country", partner_country, ds.places)
    return _weighted_graph(ds, _partner_ties(ds, country, as_of, admin, None, level, undated))


SIDES = ("foreign", "VN")


def korean_partner_centrality(ds: Dataset, as_of: str | None = None, admin: Literal["historical", "2025"] = "historical",
                              weights: Mapping[str, float] | None = None, side: Literal["foreign", "VN"] = "foreign",
                              betweenness_k: int | None = None, engine: Literal["auto", "networkx"] = "auto",
                              level: Literal["place", "province"] = "place", undated: str = "attested") -> pd.DataFrame:
    """Rank Korean places by their Vietnamese partners (``side="VN"``: Vietnamese places by their Korean partners).

    ``level="province"`` counts first-level units on both sides (a Korean gu as its metropolitan city, a
    Vietnamese district as its province). ``as_of`` and ``undated`` follow :mod:`vnsister.timeline`.

    Examples
    --------
    >>> table = korean_partner_centrality(load())
    >>> int(table.loc[0, "rank"]), bool(table["weighted_degree"].is_monotonic_decreasing)
    (1, True)
    >>> korean_partner_centrality(load(), side="vn")
    Traceback (most recent call last):
    ...
    ValueError: side='vn' is not allowed; choose one of: 'foreign', 'VN'

    Notes
    -----
    When the one-mode projection is too large to build (its columns are then NaN) and igraph is installed, the
    table is computed through igraph: same counts and weights, eigenvector on the largest component (unit
    norm), and betweenness from the same budget-sized sample of sources, rescaled to an unbiased estimate.
    """
    checks.choice("side", side, SIDES)
    checks.choice("admin", admin, ADMIN_MAPS)
    checks.choice("level", level, LEVELS)
    checks.choice("engine", engine, ("auto", "networkx"))
    checks.choice("undated", undated, UNDATED)
    ties = _partner_ties(ds, "KR", as_of, admin, weights, level, undated)
    table = _fast_centrality(ds, ties, side, betweenness_k, seed=0) if engine != "networkx" else None
    if table is None:
        table = place_centrality(_weighted_graph(ds, ties), side=side, partner_country="KR", betweenness_k=betweenness_k)
    first_level = ds.first_level_units()
    mine, other = ("vn", "partner") if side == "VN" else ("partner", "vn")
    provinces = ties.assign(province=ties[other].map(lambda p: first_level.get(p, p))).groupby(mine)["province"].nunique()
    table.insert(4, "provinces", table["place_id"].map(provinces).astype(int))
    return table


def partners_by_province(ds: Dataset, partner_country: str | None = None, admin: Literal["historical", "2025"] = "historical",
                         as_of: str | None = None, undated: str = "attested") -> pd.DataFrame:
    """Distinct foreign partner places per Vietnamese province (its districts and agencies included).

    The one answer to "which province has the most (Korean) partners": ``partners`` counts distinct foreign
    places, ``ties`` the agreements, ``partner_countries`` the countries; ``dated_share`` is the share of
    its ties with an established date, ``bounded_share`` the share whose start is dated or bounded
    (:func:`vnsister.timeline.start_bounded`). ``admin="2025"`` counts on the post-2025 map.

    Examples
    --------
    >>> table = partners_by_province(load(), partner_country="KR")
    >>> list(table.columns)
    ['vn_province_id', 'vn_province', 'partners', 'ties', 'partner_countries', 'dated_share', 'bounded_share']
    >>> partners_by_province(load(), partner_country="Korea")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: partner_country='Korea' is not a partner country code in the data; use an ISO 3166-1 alpha-2 code ...
    """
    checks.choice("admin", admin, ADMIN_MAPS)
    ties = ties_on(ds, as_of, undated, ds.ties())
    if partner_country is not None:
        ties = ties[ties["partner_country"] == checks.partner_country("partner_country", partner_country, ds.places)]
    province = ties["vn_province_id"]
    if admin == "2025":
        successors = successor_map(ds)
        province = province.map(lambda p: successors.get(p, p))
    ties = ties.assign(vn_province_id=province)
    grouped = ties.groupby("vn_province_id")
    table = pd.DataFrame({"partners": grouped["partner_place_id"].nunique(), "ties": grouped.size(),
                          "partner_countries": grouped["partner_country"].nunique()}).join(
        start_shares(ds, ties, "vn_province_id"))
    table = table.reset_index()
    table.insert(1, "vn_province", table["vn_province_id"].map(ds.places.set_index("place_id")["name_local"]))
    return table.sort_values(["partners", "ties", "vn_province_id"], ascending=[False, False, True]).reset_index(drop=True)


def korean_share(ds: Dataset, as_of: str | None = None, undated: str = "attested") -> pd.DataFrame:
    """Per Vietnamese province (historical map): foreign ties, ties with Korea, and the Korean share."""
    G = build_graph(ds, as_of=as_of, level="province", undated=undated)
    rows = []
    for node, data in G.nodes(data=True):
        if data["country"] != "VN":
            continue
        partners = [G.nodes[m]["country"] for _, m, _ in G.edges(node, keys=True)]
        korean = sum(country == "KR" for country in partners)
        rows.append({"vn_province_id": node, "name_local": data["name_local"], "foreign_ties": len(partners),
                     "korean_ties": korean, "korean_share": korean / len(partners)})
    table = pd.DataFrame(rows, columns=["vn_province_id", "name_local", "foreign_ties", "korean_ties", "korean_share"])
    return table.sort_values(["korean_ties", "foreign_ties"], ascending=False).reset_index(drop=True)


def export_graph(G: nx.MultiGraph, target: str, fmt: Literal["graphml", "gexf", "csv", "parquet"]) -> list[str]:
    """Write the graph for Gephi, igraph or pandas; return the files written.

    ``csv`` and ``parquet`` write two tables, ``<target>.nodes.<ext>`` and ``<target>.edges.<ext>`` (edge columns
    ``source, target, tie_id`` and every edge attribute).
    """
    G = G.copy()
    G.graph = {k: "" if v is None else v for k, v in G.graph.items()}  # file formats have no null
    if fmt == "graphml":
        nx.write_graphml(G, target)
        return [target]
    if fmt == "gexf":
        nx.write_gexf(G, target)
        return [target]
    nodes = pd.DataFrame([{"id": n, **d} for n, d in G.nodes(data=True)])
    edges = pd.DataFrame([{"source": u, "target": v, **d} for u, v, d in G.edges(data=True)])
    paths = [f"{target}.nodes.{fmt}", f"{target}.edges.{fmt}"]
    for frame, path in zip((nodes, edges), paths, strict=True):
        if fmt == "csv":
            spreadsheet_safe(frame).to_csv(path, index=False)
        else:
            frame.to_parquet(path, index=False)
    return paths
