"""Coverage checks: the completeness estimate is counted per tie with a Wilson interval, and the validator refuses
rows that name the wrong province, an unknown tie or two verdicts for one tie."""

from __future__ import annotations

import pandas as pd
import pytest

import vnsister
from tests.test_corruptions import append_row, assert_reported_at, replace_in
from vnsister.coverage import _chapman, completeness, completeness_markdown, recapture


def test_completeness_counts_each_tie_once_per_group(tiny):
    table = completeness(vnsister.load(tiny)).set_index("group")
    # T0001 and T0002 (Korean partners) were recorded; T0003 (Lao partner) was added, and is listed twice
    assert table.loc["Korea", ["found", "already_recorded"]].tolist() == [2, 2]
    assert table.loc["Laos, Cambodia, China", ["found", "already_recorded"]].tolist() == [1, 0]
    assert table.loc["all", ["found", "already_recorded", "share"]].tolist() == [3, 2, 0.667]


def test_completeness_interval_is_wilson(tiny):
    # 2 of 3 at 95%: centre (p + z²/2n)/(1 + z²/n) = 0.5731, half-width 0.3654 (worked by hand, z = 1.96)
    row = completeness(vnsister.load(tiny)).set_index("group").loc["all"]
    assert row["ci_low"] == pytest.approx(0.208, abs=0.001)
    assert row["ci_high"] == pytest.approx(0.939, abs=0.001)


def test_completeness_by_province_names_the_province_searched(tiny):
    table = completeness(vnsister.load(tiny), by="province").set_index("group")
    assert table.loc["Đồng Tháp", ["found", "already_recorded"]].tolist() == [1, 1]
    assert table.loc["Hải Dương", ["found", "already_recorded"]].tolist() == [2, 1]


def test_a_tie_found_from_two_merged_provinces_counts_for_each_and_once_in_all(tiny):
    """Hải Dương (vn-epsilon) merged into Đồng Tháp's vn-delta: a search of vn-delta finds T0002 again."""
    append_row(tiny, "coverage_checks", "K0005,tiny-check,vn-delta,T0002,already_recorded,https://example.org/b,")
    by_province = completeness(vnsister.load(tiny), by="province").set_index("group")
    assert by_province.loc["Đồng Tháp", ["found", "already_recorded"]].tolist() == [2, 2]
    assert by_province.loc["Hải Dương", ["found", "already_recorded"]].tolist() == [2, 1]
    assert by_province.loc["all", ["found", "already_recorded"]].tolist() == [3, 2]
    by_group = completeness(vnsister.load(tiny)).set_index("group")
    assert by_group.loc["all", ["found", "already_recorded"]].tolist() == [3, 2]


def test_recapture_counts_the_two_searches_of_the_provinces_searched(tiny):
    # Delta and Epsilon were searched; the dataset held T0001 and T0002 (T0003 was added), the check found all three
    row = recapture(vnsister.load(tiny)).iloc[0]
    assert row[["provinces", "in_dataset", "found", "in_both"]].tolist() == [2, 2, 3, 2]
    # (3 x 4) / 3 - 1 = 3; the dataset held 2 of the 3 found, Wilson 0.2077-0.9385 (worked by hand): 2 / 0.2077 = 9.6,
    # and the low end 2 / 0.9385 = 2.1 is floored at the 3 ties seen
    assert row[["estimate", "ci_low", "ci_high"]].tolist() == [3, 3, 10]


def test_recapture_counts_the_ties_of_the_province_that_succeeded_the_one_searched(tiny):
    """Only Epsilon searched: Delta, into which Epsilon merged, holds T0001, which a search of Epsilon could find
    (the validator admits it), so it is in the dataset's sample though the check did not find it."""
    replace_in(tiny, "coverage_checks", "K0001,tiny-check,vn-delta,T0001,already_recorded,https://example.org/a,\n", "")
    row = recapture(vnsister.load(tiny)).iloc[0]
    # in_dataset T0001, T0002 (T0003 was added); found T0002, T0003; in both T0002
    assert row[["provinces", "in_dataset", "found", "in_both"]].tolist() == [1, 2, 2, 1]


def test_a_check_from_the_partners_side_counts_the_ties_of_the_foreign_unit_searched(tiny):
    """Alpha (a Korean first-level unit) searched for its Vietnamese partners: T0001 (Alpha itself) and T0002
    (Beta-gu, a district of Alpha) can be found, T0003 (a Lao partner) cannot; the check found T0002 only."""
    append_row(tiny, "coverage_checks", "K0005,side-check,kr-alpha,T0002,already_recorded,https://example.org/b,")
    ds = vnsister.load(tiny)
    assert vnsister.validate(tiny).ok
    row = recapture(ds).set_index("check").loc["side-check"]
    # in_dataset T0001, T0002; found T0002; in both T0002: (2 + 1) x (1 + 1) / (1 + 1) - 1 = 2
    assert row[["provinces", "in_dataset", "found", "in_both", "estimate"]].tolist() == [1, 2, 1, 1, 2]
    by_unit = completeness(ds, by="province").set_index(["check", "group"])
    # a foreign unit goes by its English name (figures cannot draw every script), a Vietnamese one by its own
    assert by_unit.loc[("side-check", "Alpha"), ["found", "already_recorded"]].tolist() == [1, 1]
    assert by_unit.loc[("tiny-check", "Đồng Tháp"), ["found", "already_recorded"]].tolist() == [1, 1]
    # the Vietnamese-side check is unchanged by the other check's rows
    assert recapture(ds).set_index("check").loc["tiny-check", "in_dataset"] == 2


def test_chapman_estimate_and_interval_match_a_hand_computation():
    # 60 and 55 caught, 20 in both: 61 x 56 / 21 - 1 = 161.7; the held share 20/55 = 0.3636 has the Wilson interval
    # 0.2493-0.4958 (centre (p + z²/2n)/(1 + z²/n) = 0.3725, half-width 0.1232), so 60 / 0.4958 = 121.0 and
    # 60 / 0.2493 = 240.7
    assert _chapman(60, 55, 20) == {"in_dataset": 60, "found": 55, "in_both": 20, "estimate": 162,
                                    "ci_low": 121, "ci_high": 241}
    # none of the 3 found held: Wilson 0-0.5615, so 10 / 0.5615 = 17.8 and no upper end
    assert _chapman(10, 3, 0)["ci_low"] == 18
    assert _chapman(10, 3, 0)["ci_high"] is pd.NA


def test_a_check_that_finds_nothing_new_keeps_an_interval():
    """Seber's variance is zero when every tie found was held; the interval must still allow for ties both missed.
    65 of 65 held: Wilson 0.9442-1, so 112 / 0.9442 = 118.6 (worked by hand)."""
    assert _chapman(112, 65, 65) == {"in_dataset": 112, "found": 65, "in_both": 65, "estimate": 112,
                                     "ci_low": 112, "ci_high": 119}


def test_reports_show_the_recapture_estimate(tiny):
    import re

    from vnsister.report import RECAPTURE_TITLE, html_report, text_report

    ds = vnsister.load(tiny)
    text = text_report(ds)
    after = text.split(RECAPTURE_TITLE, 1)[1]
    assert re.search(r"tiny-check\s+2\s+2\s+3\s+2\s+3\s+3\s+10", after), after[:300]
    assert RECAPTURE_TITLE in html_report(ds)


def test_completeness_refuses_an_unknown_grouping(tiny):
    with pytest.raises(ValueError, match="by='country' is not allowed"):
        completeness(vnsister.load(tiny), by="country")


def test_completeness_of_a_package_without_checks_is_empty(tiny):
    path = tiny / "dataset" / "coverage_checks.csv"
    path.write_text(path.read_text(encoding="utf-8").splitlines()[0] + "\n", encoding="utf-8")
    ds = vnsister.load(tiny)
    assert completeness(ds).empty
    assert recapture(ds).empty
    assert completeness_markdown(ds).count("\n") == 1  # header and rule only


@pytest.mark.parametrize(("corrupt", "row", "field", "words"), [
    (lambda r: (append_row(r, "places", "vn-zeta,VN,province,1,tỉnh,,Zeta,Bến Tre,Ben Tre,,,,,,,"),
                replace_in(r, "coverage_checks", "K0002,tiny-check,vn-epsilon,T0002", "K0002,tiny-check,vn-zeta,T0002")),
     3, "tie_id", "is not in vn-zeta"),
    (lambda r: replace_in(r, "coverage_checks", "K0001,tiny-check,vn-delta", "K0001,tiny-check,kr-alpha-beta-gu"),
     2, "searched_province_id", "not a first-level unit"),
    # from the partner's side: T0003's partner is in Laos, not in the Korean unit searched
    (lambda r: append_row(r, "coverage_checks", "K0005,side-check,kr-alpha,T0003,already_recorded,https://example.org/b,"),
     6, "tie_id", "the tie's partner (la-gamma) is not in kr-alpha"),
    (lambda r: replace_in(r, "coverage_checks", "vn-delta,T0001", "vn-delta,T0009"),
     2, "tie_id", "not found in partnerships.tie_id"),
    (lambda r: replace_in(r, "coverage_checks", "T0003,added,https://example.org/b,found", "T0003,already_recorded,https://example.org/b,found"),
     5, "found_as", "marked both already_recorded and added"),
    (lambda r: replace_in(r, "coverage_checks", "T0002,already_recorded", "T0002,recorded"),
     3, "found_as", "recorded"),
    (lambda r: append_row(r, "coverage_checks", "K0005,tiny-check,vn-delta,T0001,already_recorded,example.org/e,"),
     6, "url", "https?"),
    (lambda r: replace_in(r, "coverage_checks", "T0003,added,https://example.org/b,\n", "T0003,added,https://example.org/a,\n"),
     4, "url", "no evidence of T0003 cites it"),
    # a check row withdrawn with its tie keeps its id retired (0.58.0: K0409); a new row may not take it again
    (lambda r: (append_row(r, "retired_ids", "K0005,coverage_checks,,0.1.0,withdrawn with its tie"),
                append_row(r, "coverage_checks", "K0005,tiny-check,vn-delta,T0001,already_recorded,https://example.org/a,")),
     6, "check_row_id", "K0005 was retired in 0.1.0"),
])
def test_bad_coverage_check_rows_are_reported(tiny, corrupt, row, field, words):
    assert_reported_at(tiny, corrupt, "coverage_checks", row, field, words)


@pytest.mark.parametrize(("old", "new"), [
    ("K0001,tiny-check,vn-delta,T0001", "K0001,tiny-check,vn-epsilon,T0001"),  # the successor's tie, found from Hải Dương
    ("K0002,tiny-check,vn-epsilon,T0002", "K0002,tiny-check,vn-delta,T0002"),  # Hải Dương's tie, found from its successor
])
def test_a_tie_of_a_province_merged_with_the_one_searched_counts(tiny, old, new):
    """Hải Dương (vn-epsilon) merged into vn-delta in 2025: a search of either finds the merged province's partners."""
    replace_in(tiny, "coverage_checks", old, new)
    report = vnsister.validate(tiny)
    assert report.ok, str(report)


def test_a_dangling_source_elsewhere_does_not_shift_which_pages_a_tie_cites(tiny):
    """An evidence row with an unknown source (reported as such) must not make the added tie T0003 look uncited."""
    replace_in(tiny, "evidence", "V0004,S0002,T0002", "V0004,S0009,T0002")
    errors = vnsister.validate(tiny).errors
    assert ((errors["table"] == "evidence") & (errors["field"] == "source_id")).any()
    assert not (errors["table"] == "coverage_checks").any(), errors.to_string()
