"""The time rule, bounds, comparable centrality and strict arguments, on the tiny package (answers worked out by hand)."""

from __future__ import annotations

import re

import networkx as nx
import pandas as pd
import pytest

import vnsister
from vnsister import load
from vnsister.ages import establishment_counts, median_age, tie_ages
from vnsister.cli import main
from vnsister.findings import Query, compare, count, count_range
from vnsister.network import build_graph, korean_partner_centrality, partners_by_province, place_centrality
from vnsister.report import text_report
from vnsister.timeline import count_bounds, count_series, page_order, tie_timeline, ties_on

# T0004: undated, cited by S0001 (published 2023-10) -> attested by 2023-10-31.
# T0005: undated, cited only by S0003, which has no date -> no evidence of when it existed.
UNDATED_TIES = ("T0004,vn-delta,government,,kr-alpha-beta-gu,government,,cooperation,hợp tác,,,active,,,\n"
                "T0005,vn-epsilon,government,,kr-alpha,government,,friendship,hữu nghị,,,unknown,,,\n")


def append_rows(root, table: str, rows: str) -> None:
    """Append CSV ``rows`` to ``dataset/<table>.csv`` of the package at ``root``."""
    path = root / "dataset" / f"{table}.csv"
    path.write_text(path.read_text(encoding="utf-8") + rows, encoding="utf-8")


@pytest.fixture
def undated(tiny):
    for table, extra in (("partnerships", UNDATED_TIES),
                         ("sources", "S0003,https://example.org/c,Article C,Paper C,,,vi,\n"),
                         ("evidence", "V0006,S0001,T0004,,supports,Cooperation named.\nV0007,S0003,T0005,,supports,Named.\n")):
        append_rows(tiny, table, extra)
    return tiny


TINY_QUERIES = {"TINY-1": Query("partners", vn_places=("vn-epsilon",))}


def edges(G: nx.MultiGraph) -> list[str]:
    return sorted(k for _, _, k in G.edges(keys=True))


def test_timeline_bounds(undated):
    t = tie_timeline(load(undated)).set_index("tie_id")
    assert t.loc["T0002", "start_earliest"] == pd.Timestamp("2004-01-01")
    assert t.loc["T0002", "start_latest"] == pd.Timestamp("2004-12-31")
    assert t.loc["T0004", "attested_by"] == pd.Timestamp("2023-10-31")  # last day of "2023-10"
    assert t.loc["T0004", "basis"] == "evidence" and t.loc["T0005", "basis"] == "none"
    assert pd.isna(t.loc["T0005", "attested_by"])
    # T0001's latest evidence: the 2013 upgrade, and S0001 (2023-10, first day)
    assert t.loc["T0001", "last_attested"] == pd.Timestamp("2023-10-01")


def test_a_source_the_row_does_not_follow_attests_nothing(undated):
    # S0001 (2023-10) cited against T0005, e.g. a page that only wishes the tie were set up
    evidence = undated / "dataset" / "evidence.csv"
    evidence.write_text(evidence.read_text(encoding="utf-8") + "V0008,S0001,T0005,,conflicts,A wish only.\n",
                        encoding="utf-8")
    t = tie_timeline(load(undated)).set_index("tie_id")
    assert pd.isna(t.loc["T0005", "attested_by"]) and pd.isna(t.loc["T0005", "last_attested"])
    assert t.loc["T0005", "basis"] == "none"
    assert t.loc["T0004", "attested_by"] == pd.Timestamp("2023-10-31")  # its supporting page still dates it
    assert ties_on(load(undated), "2024", undated="attested")["tie_id"].tolist().count("T0005") == 0


def test_a_proposal_and_the_pages_cited_only_for_it_do_not_date_a_tie(undated):
    # T0005 gains a dated proposal, cited from S0001 (2023-10) for that step alone: the tie stays without a bound
    for table, extra in (("events", "E0003,T0005,proposed,2022-05,,,Đề xuất kết nghĩa,,\n"),
                         ("evidence", "V0008,S0001,T0005,E0003,supports,Proposal of May 2022.\n")):
        append_rows(undated, table, extra)
    t = tie_timeline(load(undated)).set_index("tie_id")
    assert pd.isna(t.loc["T0005", "attested_by"]) and pd.isna(t.loc["T0005", "stepped_by"])
    assert t.loc["T0005", "basis"] == "none"
    assert vnsister.validate(undated).ok  # a proposal may precede a tie


def test_stepped_by_counts_dated_steps_but_not_letters_of_intent(undated):
    events = undated / "dataset" / "events.csv"
    events.write_text(events.read_text(encoding="utf-8") + "E0003,T0004,letter_of_intent,2020,,,Thư ý định,,\n",
                      encoding="utf-8")
    t = tie_timeline(load(undated)).set_index("tie_id")
    assert t.loc["T0001", "stepped_by"] == pd.Timestamp("2008-10-21")  # the MoU, not the 2013 upgrade
    assert pd.isna(t.loc["T0002", "stepped_by"])  # no events: dated pages only
    assert pd.isna(t.loc["T0004", "stepped_by"])  # a letter of intent precedes a tie
    assert t.loc["T0004", "attested_by"] == pd.Timestamp("2023-10-31")  # ... and does not attest it either


def test_a_tie_recorded_from_a_letter_alone_is_dated_by_its_letter(undated):
    # T0005 (undated page only) becomes a letter-of-intent tie: type other, a letter of March 2021
    ties = undated / "dataset" / "partnerships.csv"
    ties.write_text(ties.read_text(encoding="utf-8").replace(
        "T0005,vn-epsilon,government,,kr-alpha,government,,friendship,hữu nghị,,,unknown",
        "T0005,vn-epsilon,government,,kr-alpha,government,,other,thư ý định,,,unknown"), encoding="utf-8")
    for table, extra in (("events", "E0003,T0005,letter_of_intent,2021-03,,,Thư ý định,,\n"),
                         ("evidence", "V0008,S0003,T0005,E0003,supports,Letter of intent of March 2021.\n")):
        append_rows(undated, table, extra)
    t = tie_timeline(load(undated)).set_index("tie_id")
    assert t.loc["T0005", "attested_by"] == pd.Timestamp("2021-03-31")
    assert t.loc["T0005", "stepped_by"] == pd.Timestamp("2021-03-31")
    assert pd.isna(t.loc["T0005", "start_latest"])  # a letter never gives an established date
    assert "T0005" in ties_on(load(undated), "2021-04")["tie_id"].tolist()
    assert "T0005" not in ties_on(load(undated), "2021-02")["tie_id"].tolist()
    assert vnsister.validate(undated).ok


def test_a_letter_does_not_date_a_tie_of_another_type(undated):
    # the same letter on T0005 typed friendship: the letter precedes the friendship tie
    for table, extra in (("events", "E0003,T0005,letter_of_intent,2021-03,,,Thư ý định,,\n"),
                         ("evidence", "V0008,S0003,T0005,E0003,supports,Letter of intent of March 2021.\n")):
        append_rows(undated, table, extra)
    t = tie_timeline(load(undated)).set_index("tie_id")
    assert pd.isna(t.loc["T0005", "attested_by"]) and t.loc["T0005", "basis"] == "none"


@pytest.mark.parametrize(("as_of", "undated_rule", "expected"), [
    ("1950-01-01", "attested", []),                       # nothing is evidenced before 1950
    ("1950-01-01", "exclude", []),
    ("1950-01-01", "include", ["T0004", "T0005"]),        # the 0.4.0 behaviour: undated ties on every date
    ("2023-10-15", "attested", ["T0001", "T0002", "T0003"]),
    ("2023-11-01", "attested", ["T0001", "T0002", "T0003", "T0004"]),  # T0004 from its earliest dated evidence
    ("2023-11-01", "exclude", ["T0001", "T0002", "T0003"]),
    ("2030", "attested", ["T0001", "T0002", "T0003", "T0004"]),  # T0005 has no dated evidence: never counted
])
def test_undated_ties_follow_the_rule(undated, as_of, undated_rule, expected):
    assert edges(build_graph(load(undated), as_of=as_of, undated=undated_rule)) == expected


@pytest.mark.parametrize(("as_of", "bounds"), [
    ("2012-01-01", {"lower": 3, "count": 3, "upper": 5}),
    # "2004" may or may not have begun by mid-2004; the two undated ties may have
    ("2004-06-30", {"lower": 1, "count": 2, "upper": 4}),
    ("1950-01-01", {"lower": 0, "count": 0, "upper": 2}),
])
def test_count_bounds(undated, as_of, bounds):
    assert count_bounds(load(undated), as_of) == bounds


def test_a_year_as_of_means_its_last_day(undated):
    assert edges(build_graph(load(undated), as_of="2023")) == ["T0001", "T0002", "T0003", "T0004"]


def test_findings_compare_uses_bounds(undated):
    ds = load(undated)
    query = Query("partners", vn_places=("vn-delta",))
    assert count_range(ds, query, "2012-01-01") == {"lower": 1, "count": 1, "upper": 2}
    table = compare(ds, queries=TINY_QUERIES).set_index("finding_id")
    # TINY-1: Epsilon's partners on 2024-12-31: kr-alpha-beta-gu and la-gamma (dated); T0005 may add kr-alpha
    assert table.loc["TINY-1", ["dataset", "dataset_lower", "dataset_upper"]].tolist() == [2, 2, 3]
    assert table.loc["TINY-1", "status"] == "matches"


@pytest.mark.parametrize(("kind", "value", "status"), [
    ("exact", 2, "matches"),
    ("exact", 3, "within bounds"),     # the upper bound (3) reaches it, the default count (2) does not
    ("exact", 9, "dataset below"),
    ("exact", 1, "dataset above"),
    ("at_least", 2, "matches"),        # ">= 2": 2 meets it
    ("at_least", 3, "within bounds"),
    ("at_least", 50, "dataset below"),
    ("about", 2, "matches"),
])
def test_status_reads_the_kind_of_published_value(undated, kind, value, status):
    path = undated / "dataset" / "published_findings.csv"
    text = path.read_text(encoding="utf-8").replace("foreign partners,2,2,exact", f"foreign partners,{value},{value},{kind}")
    path.write_text(text, encoding="utf-8")
    assert compare(load(undated), queries=TINY_QUERIES).set_index("finding_id").loc["TINY-1", "status"] == status


def test_ages_of_undated_ties_are_bounded_below(undated):
    ages = tie_ages(load(undated), as_of="2024-10-31").set_index("tie_id")
    assert pd.isna(ages.loc["T0004", "age"]) and pd.isna(ages.loc["T0004", "age_max"])
    assert ages.loc["T0004", "age_min"] == pytest.approx(366 / 365.2425)  # 2023-10-31 -> 2024-10-31
    assert "T0005" not in ages.index
    table = median_age(load(undated), "tie_type", as_of="2024-10-31")
    assert table.loc["cooperation", "undated"] == 1 and table.loc["cooperation", "ties"] == 2
    assert table.loc["cooperation", "median_age_max"] == float("inf")  # half the group is of unbounded age


def test_the_report_prints_an_unbounded_median_as_infinity_and_says_why(undated):
    text = text_report(load(undated), as_of="2024-10-31")
    by_type = text[text.index("Median age of ties (years) on 2024-10-31 by type"):].split("\n\n")[0]
    assert "∞: no upper bound" in by_type.splitlines()[0]
    cooperation = next(line for line in by_type.splitlines() if line.strip().startswith("cooperation"))
    assert cooperation.split()[-1] == "∞" and "inf" not in by_type
    assert "Ties by decade of their established date (undated: none stated;" in text


def test_establishment_counts_show_undated_and_zero_years(undated):
    years = establishment_counts(load(undated), as_of="2024-06-30").set_index("year")
    assert years.loc["undated", "ties"] == 2
    assert years.loc["1985", "ties"] == 0 and years.loc["2008", "ties"] == 1
    assert bool(years.loc["2024", "partial"]) and not bool(years.loc["2023", "partial"])
    cohorts = establishment_counts(load(undated), by="cohort").set_index("cohort")["ties"]
    assert cohorts["undated"] == 2 and cohorts["after 1992-12-22"] == 2


def test_eigenvector_is_comparable_across_components():
    # a hub with four partners, and a separate four-node component: the small component gets no score
    G = nx.MultiGraph()
    for n in ["kr-hub", "kr-small-1", "kr-small-2"]:
        G.add_node(n, country="KR", side="foreign", name_en=n, name_local=n)
    for n in ["vn-a", "vn-b", "vn-c", "vn-d", "vn-e", "vn-f"]:
        G.add_node(n, country="VN", side="VN", name_en=n, name_local=n)
    for v in ["vn-a", "vn-b", "vn-c", "vn-d"]:
        G.add_edge(v, "kr-hub", weight=4.0)
    G.add_edge("vn-e", "kr-small-1", weight=4.0)
    G.add_edge("vn-e", "kr-small-2", weight=4.0)
    G.add_edge("vn-f", "kr-small-2", weight=4.0)
    table = place_centrality(G, side="foreign", partner_country="KR").set_index("place_id")
    assert table.loc["kr-hub", "eigenvector"] > 0
    assert table.loc[["kr-small-1", "kr-small-2"], "eigenvector"].isna().all()
    assert table.loc["kr-hub", "component_size"] == 5 and table.loc["kr-small-2", "component_size"] == 4
    assert table["eigenvector"].idxmax() == "kr-hub"


def test_province_level_centrality_and_partners_by_province(tiny):
    ds = load(tiny)
    table = korean_partner_centrality(ds, level="province").set_index("place_id")
    assert list(table.index) == ["kr-alpha"]  # Beta-gu rolls up to Alpha
    assert table.loc["kr-alpha", "ties"] == 2 and table.loc["kr-alpha", "partners"] == 2
    by_province = partners_by_province(ds, partner_country="kr").set_index("vn_province_id")
    assert by_province.loc["vn-epsilon", "partners"] == 1 and by_province.loc["vn-epsilon", "vn_province"] == "Hải Dương"
    after = partners_by_province(ds, admin="2025").set_index("vn_province_id")
    assert list(after.index) == ["vn-delta"] and after.loc["vn-delta", "partners"] == 3


def test_ties_have_province_names(tiny):
    ties = load(tiny).ties().set_index("tie_id")
    assert ties.loc["T0002", "partner_province_name_en"] == "Alpha"
    assert ties.loc["T0001", "vn_province_name_local"] == "Đồng Tháp"


def test_report_is_the_same_on_any_day(tiny, monkeypatch):
    first = text_report(load(tiny))
    later = pd.Timestamp("2040-01-01")
    monkeypatch.setattr(pd.Timestamp, "today", classmethod(lambda cls, tz=None: later))
    monkeypatch.setattr(pd.Timestamp, "now", classmethod(lambda cls, tz=None: later))
    assert text_report(load(tiny)) == first
    released = load(tiny).released  # the tiny package carries the release date of the real descriptor
    assert len(released) == 10 and f"As of {released} (the release date" in first.splitlines()[1]
    assert "As of 2020-01-01" in text_report(load(tiny), as_of="2020-01-01")


def test_an_as_of_report_says_which_counts_ignore_the_day(tiny):
    """With --as-of 2012 the totals and summary tables still count every tie of the release; the report must say so
    rather than print today's 1,128 ties under "As of 2012" (the bug of 0.38.0)."""
    from vnsister.figures import NO_TIME_FILTER
    from vnsister.report import CONTENTS_TITLE, html_report

    lines = text_report(load(tiny), as_of="2012").splitlines()
    totals = lines.index(CONTENTS_TITLE)
    assert lines[totals + 1].split()[0] == "ties"  # the label stands right above the totals
    titles = [line for line in lines if line.startswith(("Ties by ", "Sources by "))]
    assert titles and all(NO_TIME_FILTER in title for title in titles)
    page = html_report(load(tiny), as_of="2012")
    totals_caption = page.split("<h2>Totals</h2>", 1)[1].split("<h2>", 1)[0]
    assert "as of 2012" not in totals_caption and NO_TIME_FILTER in totals_caption
    over_time = page.split("<h2>Ties over time</h2>", 1)[1]
    assert "as of 2012-12-31" in over_time  # the figures and tables that apply the day still name it, as its last day
    assert "as of 2012;" not in page
    # each as-of table after the figures states the rule for undated ties, as the figures' captions do
    from vnsister.figures import RULE_NOTES
    tables = over_time.split("<table", 1)[1]
    assert tables.count(RULE_NOTES["attested"]) >= 3


BAD_CALLS = [
    (lambda ds: build_graph(ds, admin=2025), "admin=2025"),
    (lambda ds: build_graph(ds, admin="2024"), "admin='2024'"),
    (lambda ds: build_graph(ds, level="district"), "level='district'"),
    (lambda ds: build_graph(ds, tie_types=["twin"]), "tie_types: 'twin'"),
    (lambda ds: build_graph(ds, as_of="05/06/2012"), "as_of='05/06/2012'"),
    (lambda ds: build_graph(ds, as_of="2012-13"), "as_of='2012-13'"),
    (lambda ds: build_graph(ds, undated="never"), "undated='never'"),
    (lambda ds: korean_partner_centrality(ds, side="vn"), "side='vn'"),
    (lambda ds: korean_partner_centrality(ds, level="district"), "level='district'"),
    (lambda ds: partners_by_province(ds, partner_country="Korea"), "partner_country='Korea'"),
    (lambda ds: establishment_counts(ds, partner_country="Korea"), "partner_country='Korea'"),
    (lambda ds: establishment_counts(ds, by="decade"), "by='decade'"),
    (lambda ds: median_age(ds, by="foo"), "by='foo'"),
    (lambda ds: tie_ages(ds, as_of=20120101), "as_of=20120101"),
    (lambda ds: count(ds, Query("partner", vn_places=("vn-delta",)), "2012"), "counting='partner'"),
    (lambda ds: count(ds, Query("ties", tie_types=("twin",)), "2012"), "tie_types: 'twin'"),
    (lambda ds: count(ds, Query("partners", vn_places=("vn-delt",)), "2012"), "did you mean 'vn-delta'"),
    (lambda ds: count(ds, Query("partners", partner_country="Korea"), "2012"), "partner_country='Korea'"),
    (lambda ds: count(ds, Query("partners"), "31/12/2012"), "as_of='31/12/2012'"),
    (lambda ds: count(ds, "partners", "2012"), "query must be a vnsister.findings.Query, not str"),
    (lambda ds: count(ds, Query("partners"), None), "as_of is required"),
    (lambda ds: count(ds, Query("partners"), "2012", undated="never"), "undated='never'"),
    (lambda ds: count_range(ds, Query("partners"), "2012-13"), "as_of='2012-13'"),
    (lambda ds: count_range(ds, Query("partners", vn_places=("vn-delt",)), "2012"), "did you mean 'vn-delta'"),
    (lambda ds: count_bounds(ds, None), "as_of=None"),
    (lambda ds: compare(ds, tolerance=2), "tolerance=2"),
    (lambda ds: ties_on(ds, "2012", undated="all"), "undated='all'"),
    (lambda ds: text_report(ds, as_of="yesterday"), "as_of='yesterday'"),
    (lambda ds: vnsister.path("nope"), "table='nope'.*'partnerships'"),
]


@pytest.mark.parametrize(("call", "match"), BAD_CALLS)
def test_bad_arguments_raise_value_error(tiny, call, match):
    with pytest.raises(ValueError, match=match):
        call(load(tiny))


def test_country_case_is_normalised(tiny):
    ds = load(tiny)
    pd.testing.assert_frame_equal(partners_by_province(ds, partner_country="kr"), partners_by_province(ds, partner_country="KR"))


@pytest.mark.parametrize("argv", [
    ["export", "--as-of", "05/06/2012"],
    ["export", "--admin", "2024"],
    ["report", "--as-of", "2012-13-01"],
    ["extract", "-", "--date", "2023"],
])
def test_cli_bad_arguments_exit_2(tiny, argv, capsys):
    with pytest.raises(SystemExit) as exc:
        main(argv + ([str(tiny)] if argv[0] != "extract" else []))
    assert exc.value.code == 2
    assert "error" in capsys.readouterr().err


def test_date_basis_partitions_the_ties(undated):
    # T0006: undated, but a page states a dated memorandum; T0005 gains only a dated letter of intent, which is not
    # evidence that the tie exists (codebook §5), so it stays without date or bound.
    for table, extra in (("partnerships", "T0006,vn-delta,government,,la-gamma,government,,cooperation,hợp tác,,,active,,,\n"),
                         ("events", "E0003,T0006,mou_signed,2019-05,,cooperation,MoU,,\n"
                                    "E0004,T0005,letter_of_intent,2018,,,LOI,,\n"),
                         ("evidence", "V0008,S0003,T0006,E0003,supports,MoU of May 2019.\n"
                                      "V0009,S0003,T0005,E0004,supports,Letter of intent of 2018.\n")):
        append_rows(undated, table, extra)
    from vnsister.report import date_basis_counts

    table = date_basis_counts(load(undated)).set_index("basis")
    assert table["ties"].to_dict() == {"established date stated": 3, "a step dated, start not stated": 1,
                                       "dated pages only": 1, "page order only": 0, "no date or bound": 1}
    assert table.loc["no date or bound", "share"] == round(1 / 6, 3)


def test_sources_by_where_their_date_comes_from(undated):
    # the tiny package: S0001 and S0002 dated from their pages, S0003 undated; add one dated from its address
    path = undated / "dataset" / "sources.csv"
    path.write_text(path.read_text(encoding="utf-8")
                    + "S0004,https://example.org/2014/12/05/tin.html,Article D,Paper D,2014-12-05,url,vi,\n",
                    encoding="utf-8")
    from vnsister.report import source_date_counts

    table = source_date_counts(load(undated)).set_index("date")
    assert table["sources"].to_dict() == {"printed on the page": 2, "read from the address": 1,
                                          "none; page order bounds it": 0, "none": 1}
    assert table.loc["none", "share"] == 0.25


def test_sources_bounded_by_page_order_are_counted_apart(undated):
    numbered_site(undated)  # 20 dated pages and S0099, undated but numbered between two of them
    from vnsister.report import source_date_counts

    table = source_date_counts(load(undated)).set_index("date")
    assert table["sources"].to_dict() == {"printed on the page": 22, "read from the address": 0,
                                          "none; page order bounds it": 1, "none": 1}


def numbered_site(root, first_id: int = 10) -> None:
    """Twenty dated pages of one site, numbered 1000, 1100, … 2900 and dated 2001-01 … 2020-01 in that order, and an
    undated page numbered 1550 (so published by 2007-01-31, the last day of the month of page 1600)."""
    rows = "".join(f"S{first_id + i:04d},https://news.example/a/{1000 + 100 * i}.html,Page {i},News,{2001 + i}-01,page,en,\n"
                   for i in range(20))
    append_rows(root, "sources", rows + "S0099,https://news.example/a/1550.html,Undated page,News,,,en,\n")


def test_page_order_bounds_only_a_tie_without_dated_evidence(undated):
    numbered_site(undated)
    # T0005 rests on undated S0003 and now also on undated S0099; T0004 already has dated S0001 (2023-10);
    # T0002 has an established year.
    append_rows(undated, "evidence", "V0010,S0099,T0005,,supports,Named.\nV0011,S0099,T0004,,supports,Named.\n"
                                     "V0012,S0099,T0002,,supports,Named.\n")
    ds = load(undated)
    t = tie_timeline(ds).set_index("tie_id")
    assert t.loc["T0005", "basis"] == "page order"
    assert t.loc["T0005", "ordered_by"] == pd.Timestamp("2007-01-31")
    assert t.loc["T0005", "attested_by"] == pd.Timestamp("2007-01-31")
    assert pd.isna(t.loc["T0005", "began_by"])  # not certain: it rests on the site's numbering
    assert t.loc["T0004", "basis"] == "evidence" and pd.isna(t.loc["T0004", "ordered_by"])
    assert t.loc["T0004", "attested_by"] == pd.Timestamp("2023-10-31")  # the dated page still decides
    assert t.loc["T0002", "basis"] == "established" and pd.isna(t.loc["T0002", "ordered_by"])
    assert t.loc["T0002", "attested_by"] == pd.Timestamp("2024-12-31")  # its dated S0002 ("2024"), not S0099


def test_page_order_counts_in_as_of_analyses_after_its_day(undated):
    numbered_site(undated)
    append_rows(undated, "evidence", "V0010,S0099,T0005,,supports,Named.\n")
    ds = load(undated)
    assert "T0005" in set(ties_on(ds, "2007-02-01")["tie_id"])
    assert "T0005" not in set(ties_on(ds, "2007-01-30")["tie_id"])
    assert "T0005" not in set(ties_on(ds, "2007-02-01", undated="exclude")["tie_id"])
    assert "T0005" not in set(ties_on(ds, "2007-02-01", undated="certain")["tie_id"])  # the lower bound


def test_a_conflicting_page_gives_no_page_order_bound(undated):
    numbered_site(undated)
    append_rows(undated, "evidence", "V0010,S0099,T0005,,conflicts,A wish only.\n")
    t = tie_timeline(load(undated)).set_index("tie_id")
    assert t.loc["T0005", "basis"] == "none" and pd.isna(t.loc["T0005", "attested_by"])


@pytest.mark.parametrize(("late_page_date", "basis", "ordered_by"), [
    # page 2950 dated 2019-06, numbered after 2900 (2020-01): six months late, more than the numbering is trusted with
    ("2019-06", "none", None),
    # dated 2019-12: at most a day late, so 1550 is bounded a year after page 1600's month (2007-01-31)
    ("2019-12", "page order", pd.Timestamp("2008-01-31")),
])
def test_a_site_out_of_order_bounds_later_or_not_at_all(undated, late_page_date, basis, ordered_by):
    numbered_site(undated)
    append_rows(undated, "sources", f"S0098,https://news.example/a/2950.html,Late,News,{late_page_date},page,en,\n")
    append_rows(undated, "evidence", "V0010,S0099,T0005,,supports,Named.\n")
    t = tie_timeline(load(undated)).set_index("tie_id")
    assert t.loc["T0005", "basis"] == basis
    if ordered_by is None:
        assert pd.isna(t.loc["T0005", "ordered_by"])
    else:
        assert t.loc["T0005", "ordered_by"] == ordered_by


def test_count_series_by_hand(undated):
    # T0003 (1984), T0002 (2004), T0001 (2008-10-21), T0004 (undated, attested by 2023-10-31), T0005 (no bound)
    series = count_series(load(undated), first_year=2003, as_of="2024-06-30").set_index("as_of")
    assert series.loc["2003-12-31", ["lower", "count", "upper"]].tolist() == [1, 1, 3]
    assert series.loc["2004-12-31", ["lower", "count", "upper"]].tolist() == [2, 2, 4]
    assert series.loc["2023-12-31", ["lower", "count", "upper"]].tolist() == [4, 4, 5]
    assert series.index[-1] == "2024-06-30" and bool(series["partial"].iloc[-1])
    assert not series["partial"].iloc[:-1].any() and len(series) == 2023 - 2003 + 2


def test_count_series_of_some_ties(undated):
    ds = load(undated)
    series = count_series(ds, first_year=2003, as_of="2004", ties=ds.partnerships[ds.partnerships["tie_id"] == "T0003"])
    assert series[["lower", "count", "upper"]].to_numpy().tolist() == [[1, 1, 1], [1, 1, 1]]
    assert series["as_of"].tolist() == ["2003-12-31", "2004-12-31"] and not series["partial"].any()


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"first_year": "2000"}, "first_year='2000'"), ({"first_year": True}, "first_year=True"),
    ({"first_year": 999}, "first_year=999"), ({"first_year": 2030}, "first_year=2030"), ({"as_of": "05/2012"}, "as_of='05/2012'"),
])
def test_count_series_bad_arguments(tiny, kwargs, message):
    with pytest.raises(ValueError, match=re.escape(message)):
        count_series(load(tiny), **kwargs)


def test_report_shows_ties_in_existence_with_bounds(undated):
    from vnsister.report import analysis_tables

    tables = analysis_tables(load(undated), as_of="2024-06-30")
    table = next(t for title, t in tables.items() if title.startswith("Ties in existence"))
    # every fifth year end from 1990 and the as-of day; T0003 (1984) alone until 2004, T0004 and T0005 undated
    assert table["as_of"].tolist() == ["1990-12-31", "1995-12-31", "2000-12-31", "2005-12-31", "2010-12-31",
                                       "2015-12-31", "2020-12-31", "2024-06-30"]
    assert table.loc[0, ["lower", "count", "upper"]].tolist() == [1, 1, 3]
    assert table.iloc[-1][["lower", "count", "upper"]].tolist() == [4, 4, 5]


def test_time_rule_is_computed_once_per_state_of_the_tables(tiny):
    # the cached rule must equal a fresh computation, follow a table changed in place, and hand out copies
    from vnsister.timeline import _compute_tie_timeline

    ds = load(tiny)
    first = tie_timeline(ds)
    pd.testing.assert_frame_equal(first, _compute_tie_timeline(ds))
    first.loc[0, "basis"] = "changed by the caller"
    assert tie_timeline(ds).loc[0, "basis"] == "established"
    row = ds.partnerships.index[ds.partnerships["tie_id"] == "T0003"][0]
    ds.partnerships.loc[row, "established"] = "1990"
    changed = tie_timeline(ds).set_index("tie_id")
    assert changed.loc["T0003", "start_earliest"] == pd.Timestamp("1990-01-01")
    pd.testing.assert_frame_equal(changed.reset_index(), _compute_tie_timeline(ds))


def test_time_rule_follows_the_dated_pages_changed_in_place():
    # Hà Nội–Lazio (T0371) is bounded by page order through a dated page outside the sources (P0146); without the
    # dated pages its site has too few dated pages to bound anything, so the cached rule must not outlive them
    ds = load()
    assert tie_timeline(ds).set_index("tie_id").loc["T0371", "basis"] == "page order"
    handed_out = page_order(ds)
    handed_out["anchor_id"] = "changed by the caller"
    assert page_order(ds).set_index("source_id").loc["S0875", "anchor_id"] == "P0146"
    ds.dated_pages.drop(ds.dated_pages.index, inplace=True)
    assert tie_timeline(ds).set_index("tie_id").loc["T0371", "basis"] == "none"
    assert "S0875" not in set(page_order(ds)["source_id"])  # the page that bounded it, no longer bounded
