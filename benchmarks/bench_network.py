"""Time each public analysis function against the bare networkx/pandas call it wraps, at several sizes.

    python benchmarks/bench_network.py [--sizes 10000 100000 1000000]

Synthetic packages have ties/10 places (1,000,000 ties over 100,000 places at the top size). Each line prints
the function's time, the baseline's time measured in the same run, and their ratio, so growth with size is
visible and machine noise cancels out. Target: the whole centrality table for 100,000 places under 30 s
(betweenness sampled to a fixed work budget on large graphs, computed through igraph when the one-mode
projection is too large to build; see vnsister.network). The baseline stays the bare networkx calls.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import networkx as nx
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import write_synthetic_package  # noqa: E402

import vnsister  # noqa: E402
from vnsister.ages import tie_ages  # noqa: E402
from vnsister.network import _sample, build_graph, korean_partner_centrality  # noqa: E402


def timed(func):
    start = time.perf_counter()
    result = func()
    return time.perf_counter() - start, result


def bare_graph(ds) -> nx.MultiGraph:
    G = nx.MultiGraph()
    G.add_edges_from(zip(ds.partnerships["vn_place_id"], ds.partnerships["partner_place_id"], ds.partnerships["tie_id"],
                         strict=True))
    return G


def bare_centrality(G: nx.MultiGraph) -> None:
    simple = nx.Graph(G)
    nx.betweenness_centrality(simple, k=_sample(simple, None), seed=0)  # the same sample size as vnsister
    for component in nx.connected_components(simple):
        if len(component) > 2:
            nx.eigenvector_centrality_numpy(simple.subgraph(component))


def bare_ages(ds) -> None:
    start = pd.to_datetime(ds.partnerships["established"], format="mixed", errors="coerce")
    (pd.Timestamp("2026-01-01") - start).dt.days / 365.2425


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            ds = vnsister.load(write_synthetic_package(Path(tmp) / f"n{size}", size, n_places=max(10, size // 10)))
            t_graph, G = timed(lambda ds=ds: build_graph(ds))
            t_bare, H = timed(lambda ds=ds: bare_graph(ds))
            t_cent, table = timed(lambda ds=ds: korean_partner_centrality(ds))
            t_bcent, _ = timed(lambda H=H: bare_centrality(H))
            t_age, _ = timed(lambda ds=ds: tie_ages(ds, as_of="2026-01-01"))
            t_bage, _ = timed(lambda ds=ds: bare_ages(ds))
            print(f"{size:>9,} ties / {G.number_of_nodes():>7,} places | build_graph {t_graph:6.2f}s = "
                  f"{t_graph / t_bare:5.1f}x nx.add_edges_from | korean_partner_centrality {t_cent:6.2f}s = "
                  f"{t_cent / t_bcent:5.1f}x bare betweenness+eigenvector ({len(table):,} rows) | tie_ages {t_age:5.2f}s "
                  f"= {t_age / t_bage:5.1f}x pandas date arithmetic", flush=True)


if __name__ == "__main__":
    main()
