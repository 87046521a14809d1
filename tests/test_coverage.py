"""vnsister.findings and the coverage view, checked on the tiny package with answers worked out by hand."""

import pytest

from vnsister import load
from vnsister.coverage import coverage_table
from vnsister.findings import QUERIES, Query, compare, count


@pytest.mark.parametrize(("query", "as_of", "expected"), [
    (Query("partners", vn_places=("vn-epsilon",)), "2030-01-01", 2),          # Beta-gu (2004), Gamma (1984)
    (Query("partners", vn_places=("vn-epsilon",)), "2000-01-01", 1),          # only the 1984 tie then
    (Query("partners", vn_places=("vn-epsilon",)), "1983-12-31", 0),          # before any tie
    (Query("ties", partner_country="KR", tie_types=("twinning", "friendship"), parties="any", korean_side=True),
     "2030-01-01", 1),                                                         # T0002 is a cooperation
    (Query("ties", partner_places=("kr-alpha",), parties="any", korean_side=True), "2030-01-01", 2),  # + its gu
    (Query("vn_places", partner_country="KR", parties="any"), "2030-01-01", 2),
    (Query("pairs", partner_country="KR", parties="any"), "2030-01-01", 2),
    (Query("vn_provinces_2025", partner_country="KR", parties="any"), "2030-01-01", 1),  # Epsilon merged into Delta
    (Query("vn_provinces_2025", partner_country="KR", parties="any", purpose="general_friendship"), "2030-01-01", 1),
    (Query("vn_places", partner_country="KR", parties="any", purpose="seasonal_labour"), "2030-01-01", 0),
])
def test_count(tiny, query, as_of, expected):
    assert count(load(tiny), query, as_of) == expected


def test_compare_statuses(tiny, monkeypatch):
    import vnsister.findings as findings

    monkeypatch.setitem(findings.QUERIES, "TINY-1", Query("partners", vn_places=("vn-epsilon",)))
    row = compare(load(tiny)).set_index("finding_id").loc["TINY-1"]
    assert (row["published"], row["dataset"], row["ratio"], row["status"]) == (2, 2, 1.0, "matches")
    monkeypatch.setitem(findings.QUERIES, "TINY-1", Query("partners", vn_places=("vn-delta",)))
    row = compare(load(tiny)).set_index("finding_id").loc["TINY-1"]
    assert (row["dataset"], row["status"]) == (1, "dataset below")
    monkeypatch.delitem(findings.QUERIES, "TINY-1")
    assert compare(load(tiny)).set_index("finding_id").loc["TINY-1", "status"] == "not comparable"


def test_every_shipped_finding_has_a_query():
    ds = load()
    assert set(ds.published_findings["finding_id"]) == set(QUERIES)


def test_coverage_is_a_view_of_findings():
    table = coverage_table(load())
    assert list(table["finding_id"])[0] == "KR-VN-2024"
    assert table["source"].str.startswith("http").all()
