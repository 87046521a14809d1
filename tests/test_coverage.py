"""vnsister.findings and the coverage view, checked on the tiny package with answers worked out by hand."""

import pytest

import vnsister
from vnsister import load
from vnsister.coverage import breakdown_markdown, coverage_table
from vnsister.findings import Query, compare, compare_markdown, count, finding_queries


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


def test_compare_statuses(tiny):
    row = compare(load(tiny)).set_index("finding_id").loc["TINY-1"]  # the row's own query: Epsilon's partners
    assert (row["published"], row["dataset"], row["ratio"], row["status"]) == (2, 2, 1.0, "matches")
    row = compare(load(tiny), queries={"TINY-1": Query("partners", vn_places=("vn-delta",))}).set_index(
        "finding_id").loc["TINY-1"]
    assert (row["dataset"], row["status"]) == (1, "dataset below")
    assert compare(load(tiny), queries={}).set_index("finding_id").loc["TINY-1", "status"] == "not comparable"


def test_compare_carries_the_explanation_and_the_markdown_lists_only_findings_that_do_not_match(tiny):
    assert compare(load(tiny)).set_index("finding_id").loc["TINY-1", "explanation"] == "One partner's tie is undated."
    assert "findings that do not match: 0" in compare_markdown(load(tiny))  # TINY-1 matches: 2 published, 2 found
    assert "**TINY-1**" not in compare_markdown(load(tiny))
    findings = tiny / "dataset" / "published_findings.csv"
    findings.write_text(findings.read_text(encoding="utf-8").replace(",2,2,exact,", ",5,5,exact,"), encoding="utf-8")
    markdown = compare_markdown(load(tiny))
    assert "findings that do not match: 1" in markdown
    assert "- **TINY-1** (dataset below): One partner's tie is undated." in markdown


def test_every_shipped_finding_has_a_query():
    ds = load()
    queries = finding_queries(ds)
    assert set(ds.published_findings["finding_id"]) == set(queries)
    assert str(queries["KR-VN-2024"]) == ("counting=ties; partner_country=KR; tie_types=twinning,friendship; "
                                          "parties=any; korean_side=true")


@pytest.mark.parametrize(("text", "message"), [
    ("", "is empty"),
    ("vn_places=vn-delta", "counting=… is required"),
    ("counting=partners; partner_country", "is not field=value"),
    ("counting=partners; country=KR", "unknown field 'country'"),
    ("counting=partners; counting=ties", "counting is given twice"),
    ("counting=partners; purpose=", "purpose is empty"),
    ("counting=agreements", "counting"),
    ("counting=ties; korean_side=yes", "korean_side must be true or false"),
    ("counting=ties; tie_types=twinning,sisterhood", "tie_types"),
    ("counting=ties; parties=council", "parties"),
])
def test_a_bad_query_text_is_refused(text, message):
    with pytest.raises(ValueError, match=message):
        Query.parse(text)


@pytest.mark.parametrize("query", [
    Query("partners"),
    Query("vn_provinces_2025", partner_country="KR", parties="any", purpose="seasonal_labour"),
    Query("ties", partner_places=("kr-alpha", "kr-alpha-beta-gu"), tie_types=("twinning",), korean_side=True),
])
def test_a_query_reads_back_from_its_text(query):
    assert Query.parse(str(query)) == query


def test_a_finding_whose_query_names_an_unknown_place_is_a_row_level_error(tmp_path):
    from tests.conftest import TINY, write_package

    tables = dict(TINY, published_findings=TINY["published_findings"].replace("vn-epsilon", "vn-omega"))
    report = vnsister.validate(write_package(tmp_path / "bad", tables))
    errors = report.errors
    row = errors[errors["field"] == "dataset_query"]
    assert not report.ok and len(row) == 1 and "unknown place id 'vn-omega'" in row["message"].iloc[0]


def test_coverage_is_a_view_of_findings():
    table = coverage_table(load())
    assert list(table["finding_id"])[0] == "KR-VN-2024"
    assert table["source"].str.startswith("http").all()


def test_dated_and_bounded_shares_by_country_and_province(tmp_path):
    """T0002 loses its date but keeps a dated page (bounded); T0003 loses its date and rests on an undated page
    (neither dated nor bounded). Shares worked out by hand."""
    from tests.conftest import TINY, write_package
    from vnsister.network import partners_by_province
    from vnsister.report import coverage_by_country
    from vnsister.timeline import start_shares

    ties = (TINY["partnerships"].replace("hợp tác,2004,signing", "hợp tác,,")
            .replace("kết nghĩa,1984,statement", "kết nghĩa,,"))
    sources = TINY["sources"] + "S0003,https://example.org/c,Article C,Paper C,,,vi,\n"
    evidence = TINY["evidence"].replace("V0005,S0002,T0003", "V0005,S0003,T0003")
    root = write_package(tmp_path / "undated", dict(TINY, partnerships=ties, sources=sources, evidence=evidence))
    ds = load(root)
    by_country = coverage_by_country(ds).set_index("partner_country")
    assert by_country.loc["KR", ["dated_share", "bounded_share"]].tolist() == [0.5, 1.0]  # T0001 dated, T0002 bounded
    assert by_country.loc["LA", ["dated_share", "bounded_share"]].tolist() == [0.0, 0.0]
    by_province = partners_by_province(ds).set_index("vn_province_id")
    assert by_province.loc["vn-epsilon", ["dated_share", "bounded_share"]].tolist() == [0.0, 0.5]
    assert by_province.loc["vn-delta", ["dated_share", "bounded_share"]].tolist() == [1.0, 1.0]
    shares = start_shares(ds, ds.ties(), "partner_country")  # the one function both tables read
    assert shares.loc["KR"].tolist() == [0.5, 1.0] and shares.loc["LA"].tolist() == [0.0, 0.0]
    with pytest.raises(ValueError, match="by='province' is not allowed"):
        start_shares(ds, ds.ties(), "province")
    markdown = breakdown_markdown(ds)
    assert "| country | ties | distinct partners | Vietnamese provinces | dated share | dated or bounded |" in markdown
    assert "| Hải Dương | 2 | 2 | 2 | 0% | 50% |" in markdown  # the province by name, both shares
