"""Published findings, each with a declared query that counts the same thing in the dataset.

Every row of ``published_findings.csv`` has a :class:`Query` here saying which ties it counts (types, parties,
Korean- or Vietnamese-side counting, places, as-of date, historical or 2025 map) and what it counts (ties,
distinct partner places, distinct Vietnamese localities or provinces). :func:`compare` sets the published value
beside the dataset's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from vnsister.load import Dataset
from vnsister.network import _ties_as_of, successor_map

__all__ = ["QUERIES", "Query", "compare", "count"]

Counting = Literal["ties", "partners", "pairs", "vn_places", "vn_provinces_2025"]


@dataclass(frozen=True)
class Query:
    """Which ties a finding counts, and how.

    Attributes
    ----------
    counting : what is counted: ``ties`` (agreements), ``partners`` (distinct foreign places), ``pairs``
        (distinct Vietnamese–foreign place pairs), ``vn_places`` (distinct Vietnamese parties) or
        ``vn_provinces_2025`` (distinct Vietnamese provinces on the post-2025 map).
    vn_places : the Vietnamese parties counted (empty: all), matched on the historical map.
    partner_country, partner_places : the foreign side (``partner_places`` also matches their sub-units).
    tie_types : types counted (empty: all). ``parties``: "government" keeps government-to-government ties only.
    korean_side : count from the Korean side: the Korean party must be a local government.
    purpose : keep ties with an event tagged with this purpose.
    """

    counting: Counting
    vn_places: tuple[str, ...] = ()
    partner_country: str | None = None
    partner_places: tuple[str, ...] = ()
    tie_types: tuple[str, ...] = ()
    parties: Literal["government", "any"] = "government"
    korean_side: bool = False
    purpose: str | None = None
    note: str = field(default="", compare=False)


SISTER_FRIENDSHIP = ("twinning", "friendship")
QUERIES: dict[str, Query] = {
    "KR-VN-2024": Query("ties", partner_country="KR", tie_types=SISTER_FRIENDSHIP, parties="any", korean_side=True),
    "KR-TOTAL-2012-05": Query("ties", partner_country="KR", tie_types=SISTER_FRIENDSHIP, parties="any", korean_side=True),
    "KR-GYEONGGI-VN-2012": Query("ties", partner_places=("kr-gyeonggi",), parties="any", korean_side=True,
                                 tie_types=SISTER_FRIENDSHIP),
    "GG-VN-2024": Query("vn_places", partner_places=("kr-gyeonggi",), note="provincial government only",
                        korean_side=True),
    "VN-KR-PAIRS-2023": Query("pairs", partner_country="KR", parties="any"),
    "HCMC-TOTAL-2012": Query("partners", vn_places=("vn-ho-chi-minh",)),
    "HCMC-TOTAL-2022-12": Query("partners", vn_places=("vn-ho-chi-minh",)),
    "HCMC-TOTAL-2025-10": Query("partners", vn_places=("vn-ho-chi-minh",)),
    "HCMC-KR-2019": Query("partners", vn_places=("vn-ho-chi-minh",), partner_country="KR"),
    "HCMC-KR-2022": Query("partners", vn_places=("vn-ho-chi-minh",), partner_country="KR"),
    "HCMC-KR-2023-12": Query("partners", vn_places=("vn-ho-chi-minh",), partner_country="KR"),
    "DN-KR-2018": Query("partners", vn_places=("vn-da-nang",), partner_country="KR"),
    "DN-TOTAL-2024": Query("partners", vn_places=("vn-da-nang",)),
    "BD-TOTAL-2019-12": Query("partners", vn_places=("vn-binh-duong",)),
    "BD-TOTAL-2022": Query("partners", vn_places=("vn-binh-duong",)),
    "HUE-KR-2025": Query("partners", vn_places=("vn-hue", "vn-thua-thien-hue"), partner_country="KR"),
    "HN-TOTAL-2018": Query("partners", vn_places=("vn-ha-noi",)),
    "HN-TOTAL-2025": Query("partners", vn_places=("vn-ha-noi",)),
    "HP-TOTAL-2025-03": Query("partners", vn_places=("vn-hai-phong",)),
    "HD-TWIN": Query("partners", vn_places=("vn-hai-duong",)),
    "DN-KR-2025": Query("partners", vn_places=("vn-da-nang", "vn-quang-nam"), partner_country="KR"),
    "HCMC-KR-2026-03": Query("partners", vn_places=("vn-ho-chi-minh", "vn-binh-duong", "vn-ba-ria-vung-tau"),
                             partner_country="KR"),
    "DL-TOTAL-2024-12": Query("partners", vn_places=("vn-dak-lak",)),
    "VN-TH-PAIRS-2023": Query("pairs", partner_country="TH", parties="any"),
    "VN-LAO-KH-2012": Query("vn_places", partner_country="LA", parties="any"),
    "VN-KR-SEASONAL-2025-09": Query("vn_provinces_2025", partner_country="KR", parties="any", purpose="seasonal_labour"),
}


def _select(ds: Dataset, query: Query, as_of: str) -> pd.DataFrame:
    ties = _ties_as_of(ds.ties(), as_of)
    if query.vn_places:
        ties = ties[ties["vn_place_id"].isin(query.vn_places)]
    if query.partner_country:
        ties = ties[ties["partner_country"] == query.partner_country]
    if query.partner_places:
        parent = ds.places.set_index("place_id")["parent_id"]
        inside = ties["partner_place_id"].isin(query.partner_places)
        if query.counting == "ties":  # a province's count includes its cities and counties
            inside |= ties["partner_place_id"].map(parent).isin(query.partner_places)
        ties = ties[inside]
    if query.tie_types:
        ties = ties[ties["tie_type"].astype("string").isin(query.tie_types)]
    if query.parties == "government":
        ties = ties[(ties["vn_party"] == "government") & (ties["partner_party"] == "government")]
    if query.korean_side:
        ties = ties[ties["partner_party"] == "government"]
    if query.purpose:
        events = ds.events[ds.events["purposes"].fillna("").str.split(";").map(lambda tags: query.purpose in tags)]
        ties = ties[ties["tie_id"].isin(events["tie_id"])]
    return ties


def count(ds: Dataset, query: Query, as_of: str) -> int:
    """The dataset's figure for a query on a given day."""
    ties = _select(ds, query, as_of)
    if query.counting == "ties":
        return len(ties)
    if query.counting == "partners":
        return ties["partner_place_id"].nunique()
    if query.counting == "pairs":
        return len(ties[["vn_place_id", "partner_place_id"]].drop_duplicates())
    if query.counting == "vn_places":
        return ties["vn_place_id"].nunique()
    successors = successor_map(ds)
    provinces = ties["vn_province_id"].map(lambda p: successors.get(p, p))
    return provinces.nunique()


def _status(published: float, value: int, tolerance: float) -> str:
    if published == 0:
        return "matches" if value == 0 else "dataset above"
    ratio = value / published
    if abs(ratio - 1) <= tolerance:
        return "matches"
    return "dataset below" if ratio < 1 else "dataset above"


def compare(ds: Dataset, tolerance: float = 0.05) -> pd.DataFrame:
    """Published value, dataset value counted the same way, ratio and status, for every finding.

    Status: ``matches`` (within ``tolerance``), ``dataset below``, ``dataset above``, or ``not comparable`` (no
    query is declared for the finding).

    Examples
    --------
    >>> table = compare(load())
    >>> set(table["status"]) <= {"matches", "dataset below", "dataset above", "not comparable"}
    True
    """
    rows = []
    for finding in ds.published_findings.itertuples(index=False):
        as_of = finding.as_of.date().isoformat()
        query = QUERIES.get(finding.finding_id)
        value = count(ds, query, as_of) if query else None
        rows.append({
            "finding_id": finding.finding_id, "scope": finding.scope, "metric": finding.metric, "as_of": as_of,
            "published": finding.value, "dataset": value,
            "ratio": round(value / finding.value, 2) if query and finding.value else None,
            "status": _status(finding.value, value, tolerance) if query else "not comparable",
        })
    return pd.DataFrame(rows)


def compare_markdown(ds: Dataset) -> str:
    """The compare table as Markdown (shown in the README; a test keeps it current)."""
    lines = ["| finding | as of | published | dataset | ratio | status |", "|---|---|---|---|---|---|"]
    for row in compare(ds).itertuples(index=False):
        ratio = "" if row.ratio is None or pd.isna(row.ratio) else f"{row.ratio:.2f}"
        lines.append(f"| {row.finding_id} | {row.as_of} | {row.published:g} | {row.dataset} | {ratio} | {row.status} |")
    return "\n".join(lines)
