"""Coverage: the dataset's counts next to published totals (a view of vnsister.findings), and its completeness as
measured by independent coverage checks (the ``coverage_checks`` table)."""

from __future__ import annotations

import pandas as pd

from vnsister.checks import choice
from vnsister.findings import compare
from vnsister.load import Dataset, merged_province_ends, searched_party_column

# The published totals the data hunt measures itself against (issue "Coverage").
COVERAGE_FINDINGS = ("KR-VN-2024", "HCMC-TOTAL-2025-10", "DN-TOTAL-2024", "BD-TOTAL-2022", "HCMC-KR-2023-12",
                     "HN-TOTAL-2025", "HN-FRIENDSHIP-2025-12", "HP-TOTAL-2025-03", "HD-TWIN", "DN-KR-2025", "HCMC-KR-2026-03",
                     "QNAM-TOTAL-2024", "TN-TOTAL-2015-08")
# Localities the coverage hunt targets for which no published total of partner localities was found (2026-11); the
# provinces searched for one in 0.20.0 without result are listed in the codebook (§7).
NO_PUBLISHED_TOTAL = {
    "Huế": "16 local cooperation agreements (2024), partners in 44 countries, and 17 cooperation 'pairs' (2025) "
           "that include a partner which is not a locality: none is a count of partner localities",
    "Quảng Ninh": "15 foreign localities, stated on 24 March of a year the page does not show",
    "Vĩnh Phúc": "only counts of Lao partners (8 in 2015, 10 in 2022)",
    "Bắc Ninh": "none found",
    "Khánh Hòa": "none found",
    "Cần Thơ": "25 documents signed in 2020–2025: agreements, not partner localities",
}


# Partner countries grouped as the coverage checks report them: Korea was searched systematically, the three
# neighbours hold most border-level ties, the rest were searched least evenly (codebook §8).
PARTNER_GROUPS = {"KR": "Korea", "LA": "Laos, Cambodia, China", "KH": "Laos, Cambodia, China",
                  "CN": "Laos, Cambodia, China"}
OTHER_GROUP = "other countries"
COMPLETENESS_COLUMNS = ["check", "group", "found", "already_recorded", "share", "ci_low", "ci_high"]
RECAPTURE_COLUMNS = ["check", "provinces", "in_dataset", "found", "in_both", "estimate", "ci_low", "ci_high"]

COLUMNS = ["finding_id", "scope", "as of", "published", "kind", "dataset", "lower", "upper", "ratio", "status", "source"]


def coverage_table(ds: Dataset) -> pd.DataFrame:
    """Published totals, the dataset's figure counted the same way (with its bounds, see
    :func:`vnsister.findings.compare`), their ratio and status.

    Examples
    --------
    >>> list(coverage_table(load()).columns)
    ['finding_id', 'scope', 'as of', 'published', 'kind', 'dataset', 'lower', 'upper', 'ratio', 'status', 'source']
    """
    table = compare(ds).set_index("finding_id")
    sources = ds.sources.set_index("source_id")["url"]
    finding_source = ds.published_findings.set_index("finding_id")["source_id"]
    rows = []
    for finding_id in COVERAGE_FINDINGS:
        if finding_id not in table.index:
            continue
        row = table.loc[finding_id]
        rows.append({"finding_id": finding_id, "scope": row["scope"], "as of": row["as_of"],
                     "published": int(row["published"]), "kind": row["value_kind"], "dataset": row["dataset"],
                     "lower": row["dataset_lower"], "upper": row["dataset_upper"], "ratio": row["ratio"],
                     "status": row["status"], "source": sources.get(finding_source[finding_id], "")})
    return pd.DataFrame(rows, columns=COLUMNS)


def coverage_markdown(ds: Dataset) -> str:
    """The coverage table as Markdown (the README shows it; a test keeps the two in step)."""
    lines = ["| finding | scope | as of | published | dataset (bounds) | ratio | status |", "|---|---|---|---|---|---|---|"]
    marks = {"exact": "", "at_least": "≥ ", "at_most": "≤ ", "about": "≈ "}
    for _, r in coverage_table(ds).iterrows():
        lines.append(f"| [{r['finding_id']}]({r['source']}) | {r['scope']} | {r['as of']} | {marks[r['kind']]}{r['published']} "
                     f"| {r['dataset']} ({r['lower']}–{r['upper']}) | {r['ratio']:.2f} | {r['status']} |")
    lines += ["", "No published total of partner localities found for: "
              + "; ".join(f"{place} ({why})" for place, why in NO_PUBLISHED_TOTAL.items()) + "."]
    return "\n".join(lines)


def breakdown_markdown(ds: Dataset) -> str:
    """Coverage by partner country and by Vietnamese province (historical map) as Markdown, each table folded
    under a summary line (the README shows them; a test keeps the two in step).

    Examples
    --------
    >>> "| country | ties |" in breakdown_markdown(load())
    True
    """
    from vnsister.network import partners_by_province
    from vnsister.report import EFFORT_NOTE, coverage_by_country, date_basis_counts, source_date_counts

    countries = coverage_by_country(ds)
    provinces = partners_by_province(ds).sort_values(["ties", "partners"], ascending=False, kind="stable")
    basis = date_basis_counts(ds)
    lines = [f"Release {ds.version}: {len(ds.partnerships):,} ties. {EFFORT_NOTE} Dated share = ties with a stated "
             "establishment date; dated or bounded = ties with a stated establishment date or an upper bound on their "
             "start (every row of the next table but \"no date or bound\").", "",
             "| how a tie's start is known | ties | share | in as-of counts |", "|---|---|---|---|"]
    lines += [f"| {r.basis} | {r.ties} | {r.share:.0%} | {r.meaning} |" for r in basis.itertuples()]
    lines += ["", "| a source's publication date | sources | share | for the ties it supports |", "|---|---|---|---|"]
    lines += [f"| {r.date} | {r.sources} | {r.share:.0%} | {r.meaning} |" for r in source_date_counts(ds).itertuples()]
    lines += ["", f"<details><summary>By partner country ({len(countries)} countries)</summary>", "",
             "| country | ties | distinct partners | Vietnamese provinces | dated share | dated or bounded |",
             "|---|---|---|---|---|---|"]
    lines += [f"| {r.country} | {r.ties} | {r.partners} | {r.vn_provinces} | {r.dated_share:.0%} | {r.bounded_share:.0%} |"
              for r in countries.itertuples()]
    lines += ["", "</details>", "",
              f"<details><summary>By Vietnamese province, historical map ({len(provinces)} province-level units with ties; "
              "a district's, council's or agency's tie counts for its province)</summary>", "",
              "Each unit keeps the ties it signed: Huế, a municipality since 2025, apart from Thừa Thiên Huế, and a "
              "province merged in 2025 apart from the one it joined. `partners_by_province(ds, admin=\"2025\")` "
              "counts them on the 2025 map.", "",
              "| province | ties | distinct partners | partner countries | dated share | dated or bounded |",
              "|---|---|---|---|---|---|"]
    lines += [f"| {r.vn_province} | {r.ties} | {r.partners} | {r.partner_countries} | {r.dated_share:.0%} "
              f"| {r.bounded_share:.0%} |"
              for r in provinces.itertuples()]
    return "\n".join([*lines, "", "</details>"])


def completeness(ds: Dataset, by: str = "partner_group") -> pd.DataFrame:
    """The share of the ties an independent coverage check found that the dataset already held, with a 95% Wilson
    interval: an estimate of the dataset's completeness for what public pages document.

    Each check searched first-level units drawn at random without looking at the dataset (codebook §8): Vietnamese
    provinces for their foreign partners or, from the partner's side, foreign provinces for their Vietnamese
    partners; a tie found on several pages counts once. A tie found from two provinces (merged in 2025)
    counts for each in the ``province`` rows and once in ``all``. Ties cluster by province, so the interval, which
    treats them as independent draws, is too narrow rather than too wide; the ``province`` rows show the spread.

    Parameters
    ----------
    by : {"partner_group", "province"}
        One row per partner-country group (Korea; Laos, Cambodia, China; other countries) or per first-level unit
        searched (a Vietnamese province by its Vietnamese name, a foreign one by its English name), each check also
        with an ``all`` row.

    Examples
    --------
    >>> table = completeness(load())
    >>> list(table.columns)
    ['check', 'group', 'found', 'already_recorded', 'share', 'ci_low', 'ci_high']
    >>> bool((table["ci_low"] <= table["share"]).all() and (table["share"] <= table["ci_high"]).all())
    True
    >>> completeness(load(), by="country")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: by='country' is not allowed; choose one of: 'partner_group', 'province'
    """
    choice("by", by, ("partner_group", "province"))
    checks = ds.coverage_checks
    ties_found = checks.drop_duplicates(["check_name", "tie_id"])
    if by == "partner_group":
        found = ties_found
        country = found["tie_id"].map(ds.ties().set_index("tie_id")["partner_country"])
        group = country.map(PARTNER_GROUPS).fillna(OTHER_GROUP)
    else:
        # A tie of two provinces merged in 2025 can be found from either; it counts for each, and once in "all".
        found = checks.drop_duplicates(["check_name", "searched_province_id", "tie_id"])
        # a Vietnamese province by its Vietnamese name, a foreign unit by its English one (figures' fonts lack scripts)
        places = ds.places.set_index("place_id")
        group = found["searched_province_id"].map(places["name_local"].where(places["country"] == "VN",
                                                                               places["name_en"]))
    recorded = found["found_as"] == "already_recorded"
    recorded_once = ties_found["found_as"] == "already_recorded"
    rows = []
    for check in sorted(checks["check_name"].unique()):
        of_check = recorded[found["check_name"] == check]
        for name, hits in [*of_check.groupby(group.loc[of_check.index], sort=True),
                           ("all", recorded_once[ties_found["check_name"] == check])]:
            rows.append({"check": check, "group": name, **_share(int(hits.sum()), len(hits))})
    return pd.DataFrame(rows, columns=COMPLETENESS_COLUMNS)


def _share(hits: int, n: int) -> dict[str, object]:
    """``hits`` of ``n`` as a share with its 95% Wilson interval (scipy's binomial test)."""
    from scipy.stats import binomtest

    interval = binomtest(hits, n).proportion_ci(confidence_level=0.95, method="wilson")
    return {"found": n, "already_recorded": hits, "share": round(hits / n, 3),
            "ci_low": round(float(interval.low), 3), "ci_high": round(float(interval.high), 3)}


def recapture(ds: Dataset) -> pd.DataFrame:
    """How many ties stored public pages document for the units a coverage check searched: a two-sample
    capture–recapture (Chapman) estimate from the dataset and the check, with a 95% interval from the Wilson interval
    of the share of the check's ties the dataset held (no upper end when it held none).

    The two samples are the dataset's ties less those the check added (``in_dataset``; a tie added later by
    another search counts here too) and the ties the check found (``found``), both limited to ties whose
    party on the searched side (the Vietnamese party for a Vietnamese province, the partner for a foreign one) lies
    in a unit searched or in one joined to it by a succession, the rule that admits a tie to the check
    (:func:`vnsister.load.merged_province_ends`: a search of Thừa Thiên Huế finds the partners of the city of Huế that
    succeeded it, a search of Bà Rịa–Vũng Tàu those of the Vũng Tàu–Côn Đảo zone before it);
    ``in_both`` are in both. The estimate
    assumes the two searches independent, but both read the same stored pages and miss the same untraced ties, so
    it estimates what those pages document and errs low. A unit searched without any find has no row in
    ``coverage_checks`` and is not counted. The interval's low end is never below the ties seen by either search.

    Examples
    --------
    >>> table = recapture(load())
    >>> list(table.columns)
    ['check', 'provinces', 'in_dataset', 'found', 'in_both', 'estimate', 'ci_low', 'ci_high']
    >>> row = table.iloc[0]
    >>> bool(row["in_both"] <= min(row["in_dataset"], row["found"]) <= row["estimate"] <= row["ci_high"])
    True
    """
    rows = []
    for check, rows_of_check in ds.coverage_checks.groupby("check_name", sort=True):
        units = set(rows_of_check["searched_province_id"])
        in_units = _ties_in_units(ds, units)
        added = set(rows_of_check.loc[rows_of_check["found_as"] == "added", "tie_id"])
        held = in_units - added
        found = set(rows_of_check["tie_id"]) & in_units
        rows.append({"check": check, "provinces": len(units),
                     **_chapman(len(held), len(found), len(held & found))})
    return pd.DataFrame(rows, columns=RECAPTURE_COLUMNS).astype({"ci_high": "Int64"})


def _ties_in_units(ds: Dataset, units: set[str]) -> set[str]:
    """The ties a search of these first-level units could find: those whose party on the searched side (the
    Vietnamese party for a Vietnamese province, the partner for a foreign unit) lies in one of them or in a unit
    joined to it by a merger or succession (the validator's rule for a check's rows)."""
    merged = merged_province_ends(ds.places)
    country = ds.places.set_index("place_id")["country"]
    ties = ds.partnerships.set_index("tie_id")
    ends_by_column: dict[str, set[str]] = {}
    for unit in units:
        ends_by_column.setdefault(searched_party_column(country[unit]), set()).add(merged[unit])
    found: set[str] = set()
    for column, ends in ends_by_column.items():
        found |= set(ties.index[ties[column].map(merged).isin(ends)])
    return found


def _chapman(in_dataset: int, found: int, in_both: int) -> dict[str, object]:
    """Chapman's estimate of a population from two samples of ``in_dataset`` and ``found`` with ``in_both`` in
    common, and a 95% interval: ``in_dataset`` divided by the ends of the Wilson interval of the share of the
    check's ties the dataset held (``in_both`` of ``found``), floored at the ties seen, with no upper end (``<NA>``)
    when it held none. Seber's normal approximation, used before 0.57.0, shrinks to a point when a check finds
    nothing new; this interval stays as wide as the check's size warrants."""
    from scipy.stats import binomtest

    estimate = (in_dataset + 1) * (found + 1) / (in_both + 1) - 1
    held_share = binomtest(in_both, found).proportion_ci(confidence_level=0.95, method="wilson")
    seen = in_dataset + found - in_both
    high = round(in_dataset / held_share.low) if held_share.low > 0 else pd.NA
    return {"in_dataset": in_dataset, "found": found, "in_both": in_both, "estimate": round(estimate),
            "ci_low": max(seen, round(in_dataset / held_share.high)), "ci_high": high}


def completeness_markdown(ds: Dataset) -> str:
    """The completeness estimate by partner group as Markdown (the README shows it; a test keeps the two in step).

    Examples
    --------
    >>> completeness_markdown(load()).startswith("| check |")
    True
    """
    lines = ["| check | partner countries | ties found | already recorded | share (95% interval) |", "|---|---|---|---|---|"]
    lines += [f"| {r.check} | {r.group} | {r.found} | {r.already_recorded} | {r.share:.1%} ({r.ci_low:.1%}–{r.ci_high:.1%}) |"
              for r in completeness(ds).itertuples()]
    return "\n".join(lines)
