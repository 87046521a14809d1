"""Summary tables and the HTML report of the dataset (``vnsister report``)."""

from __future__ import annotations

import base64
import html
import io

import pandas as pd

from vnsister.load import Dataset


def coverage_by_country(ds: Dataset) -> pd.DataFrame:
    """Per partner country (by name): ties, distinct partner places, Vietnamese provinces tied, and dated share.

    Examples
    --------
    >>> list(coverage_by_country(load()).columns)
    ['partner_country', 'country', 'ties', 'partners', 'vn_provinces', 'dated_share']
    """
    ties = ds.ties().assign(dated=lambda t: t["established"].notna())
    grouped = ties.groupby("partner_country")
    table = pd.DataFrame({"ties": grouped.size(), "partners": grouped["partner_place_id"].nunique(),
                          "vn_provinces": grouped["vn_province_id"].nunique(), "dated_share": grouped["dated"].mean()})
    table = table.rename_axis("partner_country").reset_index()
    table.insert(1, "country", table["partner_country"].map(country_names()))
    return table.sort_values(["ties", "partner_country"], ascending=[False, True]).reset_index(drop=True)


def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English short name (CLDR's short names, "South Korea" rather than ISO's
    "Korea, Republic of", kept in a small table with the package)."""
    from vnsister._countries import NAMES

    return NAMES


UNDATED_NOTE = ("As-of figures count a dated tie from its established date and an undated tie from its earliest "
                "dated evidence (a source's publication date or an event); undated ties without dated evidence are "
                "left out and shown as their own row where counts are by date.")
EFFORT_NOTE = ("Search effort was uneven: Korean ties were searched systematically (all Korean local governments "
               "by name); other countries less so, so their counts are lower bounds. See docs/codebook.md.")


def summary_tables(ds: Dataset) -> dict[str, pd.DataFrame]:
    """The report's tables: totals, ties by partner country (by name), by Vietnamese province, by type, by decade.

    Vietnamese parties are counted at province level on the historical map (a district's tie counts for the
    province it belonged to; Hải Dương's ties stay Hải Dương's). Undated ties are a row of their own.

    Examples
    --------
    >>> tables = summary_tables(load())
    >>> sorted(tables)
    ['by_decade', 'by_partner_country', 'by_type', 'by_vn_province', 'totals']
    >>> tables["by_decade"]["decade"].iloc[-1]
    'undated'
    """
    from vnsister.network import partners_by_province

    ties = ds.ties()
    established_year = pd.to_numeric(ties["established"].str.slice(0, 4), errors="coerce")
    decade = (established_year // 10 * 10).astype("Int64").astype("string")
    decade = (decade + "s").fillna("undated")
    dated = int(ties["established"].notna().sum())
    totals = pd.DataFrame({
        "count": [len(ties), dated, len(ties) - dated, ties["partner_place_id"].nunique(), ties["vn_province_id"].nunique(),
                  ties["partner_country"].nunique(), len(ds.events), len(ds.sources),
                  int((ties["partner_country"] == "KR").sum())],
    }, index=["ties", "ties with an established date", "ties without one", "foreign partner places",
              "Vietnamese provinces (historical)", "partner countries", "events", "sources", "ties with Korea"])
    by_decade = _count(decade, "decade").sort_values("decade", key=lambda d: d.str.replace("undated", "~"))
    return {
        "totals": totals,
        "by_partner_country": coverage_by_country(ds),
        "by_vn_province": partners_by_province(ds),
        "by_type": _count(ties["tie_type"].astype("string"), "tie_type"),
        "by_decade": by_decade.reset_index(drop=True),
    }


def analysis_tables(ds: Dataset, as_of: str | None = None) -> dict[str, pd.DataFrame]:
    """Centrality of Korean partners, ages, cohorts and purposes as of ``as_of`` (default: the release date)."""
    from vnsister.ages import establishment_counts, median_age
    from vnsister.network import korean_partner_centrality
    from vnsister.purposes import purposes_by_period
    from vnsister.timeline import release_day

    day = as_of or release_day(ds)
    ranking = korean_partner_centrality(ds, as_of=day)[["rank", "name_en", "name_local", "partners", "provinces", "ties",
                                                         "weighted_degree", "component_size", "eigenvector", "betweenness"]]
    names = country_names()
    by_country = median_age(ds, "partner_country", as_of=day).reset_index()
    by_country.insert(1, "country", by_country["partner_country"].map(names))
    return {
        f"Korean partners on {day}, ranked by weighted degree (twinning 4, friendship 3, cooperation 2, agency/other 1); "
        "eigenvector on the largest component only (blank elsewhere)": ranking,
        f"Median age of ties (years) on {day} by partner country; bounds count undated ties "
        "at their youngest and oldest possible ages": by_country,
        f"Median age of ties (years) on {day} by type": median_age(ds, "tie_type", as_of=day).reset_index(),
        "Ties with Korea by cohort (diplomatic relations 1992-12-22), undated ties shown": establishment_counts(
            ds, "cohort", "KR", as_of=day),
        "Agreements with Korean partners by decade of the agreement and purpose": purposes_by_period(ds).T.reset_index(),
    }


def _count(values: pd.Series, name: str) -> pd.DataFrame:
    counts = values.value_counts(dropna=False).rename_axis(name).reset_index(name="ties")
    return counts.sort_values(["ties", name], ascending=[False, True], kind="stable").reset_index(drop=True)


def _header(ds: Dataset, as_of: str | None) -> list[str]:
    from vnsister.timeline import release_day

    day = as_of or release_day(ds)
    return [f"vnsister {ds.version} (released {ds.released or 'undated'}): Vietnamese subnational partnerships",
            f"As of {day}" + (" (the release date; --as-of changes it)" if as_of is None else ""),
            UNDATED_NOTE, EFFORT_NOTE, "Method, definitions and known biases: docs/codebook.md"]


def text_report(ds: Dataset, top: int = 15, as_of: str | None = None) -> str:
    """The terminal report: totals and the top rows of each summary table, as of ``as_of`` (default: release date).

    Examples
    --------
    >>> text_report(load()).splitlines()[1].startswith("As of")
    True
    """
    from vnsister.checks import as_of_day, positive_int

    positive_int("top", top)
    if as_of is not None:
        as_of_day("as_of", as_of)
    tables = summary_tables(ds)
    parts = [*_header(ds, as_of), ""]
    parts.append(tables.pop("totals").to_string(header=False))
    from vnsister.coverage import coverage_table

    coverage = coverage_table(ds).drop(columns=["source"])
    parts += ["", "Coverage against published totals (dataset figure with its bounds; see docs/codebook.md)",
              coverage.to_string(index=False)]
    for title, table in analysis_tables(ds, as_of).items():
        parts += ["", title, table.head(top).to_string(index=False, float_format=lambda x: f"{x:.2f}")]
    for name, table in tables.items():
        title = name.replace("_", " ")
        shown = table.head(top)
        more = f"  (+{len(table) - top} more)" if len(table) > top else ""
        parts += ["", f"Ties {title}{more}", shown.to_string(index=False, float_format=lambda x: f"{x:.2f}")]
    return "\n".join(parts)


def _figure_png(table: pd.DataFrame, label: str, title: str, caption: str, horizontal: bool = True) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, max(2.8, 0.28 * len(table) + 0.8)) if horizontal else (8, 3.8))
    if horizontal:
        ax.barh(table[label].astype(str)[::-1], table["ties"][::-1], color="#2b6f8e")
        ax.set_xlabel("ties (count)")
    else:
        ax.bar(table[label].astype(str), table["ties"], color="#2b6f8e")
        ax.set_ylabel("ties (count)")
    ax.set_title(title)
    fig.text(0.01, 0.005, caption, fontsize=7, color="#555555", ha="left", va="bottom", wrap=True)
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def html_report(ds: Dataset, top: int = 25, as_of: str | None = None) -> str:
    """A self-contained HTML page (figures embedded as PNG) with the summary tables, as of ``as_of``."""
    tables = summary_tables(ds)
    n = len(ds.partnerships)
    from vnsister.coverage import coverage_table

    header = _header(ds, as_of)
    body = [f"<h1>{html.escape(header[0])}</h1>"] + [f"<p>{html.escape(line)}</p>" for line in header[1:]]
    body += [tables["totals"].to_html(header=False), "<h2>Coverage against published totals</h2>",
             coverage_table(ds).to_html(index=False)]
    for title, table in analysis_tables(ds, as_of).items():
        body += [f"<h2>{html.escape(title)}</h2>", table.head(top).to_html(index=False, float_format=lambda x: f"{x:.2f}",
                                                                            na_rep="")]
    countries = tables["by_partner_country"].assign(name=lambda t: t["country"].fillna(t["partner_country"]))
    provinces = tables["by_vn_province"].assign(ties=lambda t: t["ties"])
    figures = [(countries, "name", "Ties by partner country", True),
               (provinces, "vn_province", "Ties by Vietnamese province (historical map)", True),
               (tables["by_type"], "tie_type", "Ties by type", False),
               (tables["by_decade"], "decade", "Ties by decade established (undated ties shown)", False)]
    for table, label, title, horizontal in figures:
        shown = table.head(top)
        caption = (f"vnsister {ds.version}, released {ds.released}; n = {n} ties"
                   + (f", top {top} shown" if len(table) > top else "") + ". " + EFFORT_NOTE)
        png = _figure_png(shown, label, title, caption, horizontal)
        body += [f"<h2>{html.escape(title)}</h2>", f'<img alt="{html.escape(title)}" src="data:image/png;base64,{png}">',
                 f"<p><small>{html.escape(caption)}</small></p>", shown.to_html(index=False, na_rep="")]
    return ("<!doctype html><html><head><meta charset='utf-8'><title>vnsister report</title></head><body>"
            + "\n".join(body) + "</body></html>")
