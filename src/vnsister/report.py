"""Summary tables and the HTML report of the dataset (``vnsister report``)."""

from __future__ import annotations

import base64
import html
import io

import pandas as pd

from vnsister.load import Dataset


def summary_tables(ds: Dataset) -> dict[str, pd.DataFrame]:
    """The report's tables: ties by partner country, by Vietnamese province, by type, by decade.

    Vietnamese parties are counted at province level on the historical map (a district's tie counts for the
    province it belonged to; Hải Dương's ties stay Hải Dương's).

    Examples
    --------
    >>> tables = summary_tables(load())
    >>> sorted(tables)
    ['by_decade', 'by_partner_country', 'by_type', 'by_vn_province', 'totals']
    """
    ties = ds.ties()
    places = ds.places.set_index("place_id")
    established_year = pd.to_numeric(ties["established"].str.slice(0, 4), errors="coerce")
    decade = (established_year // 10 * 10).astype("Int64").astype("string").fillna("unknown")
    decade = decade.where(decade == "unknown", decade + "s")
    province_name = ties["vn_province_id"].map(places["name_local"])
    totals = pd.DataFrame({
        "count": [len(ties), ties["partner_place_id"].nunique(), ties["vn_province_id"].nunique(),
                  ties["partner_country"].nunique(), len(ds.events), len(ds.sources),
                  int((ties["partner_country"] == "KR").sum())],
    }, index=["ties", "foreign partner places", "Vietnamese provinces (historical)", "partner countries",
              "events", "sources", "ties with Korea"])
    return {
        "totals": totals,
        "by_partner_country": _count(ties["partner_country"], "partner_country"),
        "by_vn_province": _count(province_name, "vn_province"),
        "by_type": _count(ties["tie_type"].astype("string"), "tie_type"),
        "by_decade": _count(decade, "decade").sort_values("decade").reset_index(drop=True),
    }


def analysis_tables(ds: Dataset) -> dict[str, pd.DataFrame]:
    """Centrality of Korean partners and age summaries, as the report shows them."""
    from vnsister.ages import establishment_counts, median_age
    from vnsister.network import korean_partner_centrality
    from vnsister.purposes import purposes_by_cohort

    ranking = korean_partner_centrality(ds)[["rank", "place_id", "name_en", "partners", "provinces", "ties",
                                             "weighted_degree", "eigenvector", "betweenness"]]
    return {
        "Korean partners ranked by weighted degree (twinning 4, friendship 3, cooperation 2, agency/other 1)": ranking,
        "Median age of ties (years) by partner country": median_age(ds, "partner_country").reset_index(),
        "Median age of ties (years) by type": median_age(ds, "tie_type").reset_index(),
        "Ties with Korea by cohort (diplomatic relations 1992-12-22)": establishment_counts(ds, "cohort", "KR"),
        "Purposes of ties with Korea by decade established (from their agreements)":
            purposes_by_cohort(ds).T.reset_index(),
    }


def _count(values: pd.Series, name: str) -> pd.DataFrame:
    counts = values.value_counts(dropna=False).rename_axis(name).reset_index(name="ties")
    return counts.sort_values(["ties", name], ascending=[False, True], kind="stable").reset_index(drop=True)


def text_report(ds: Dataset, top: int = 15) -> str:
    """The terminal report: totals and the top rows of each summary table."""
    tables = summary_tables(ds)
    parts = [f"vnsister {ds.version}: Vietnamese subnational partnerships", ""]
    parts.append(tables.pop("totals").to_string(header=False))
    from vnsister.coverage import coverage_table

    coverage = coverage_table(ds).drop(columns=["source"])
    parts += ["", "Coverage against published totals", coverage.to_string(index=False)]
    for title, table in analysis_tables(ds).items():
        parts += ["", title, table.head(top).to_string(index=False, float_format=lambda x: f"{x:.2f}")]
    for name, table in tables.items():
        title = name.replace("_", " ")
        shown = table.head(top)
        more = f"  (+{len(table) - top} more)" if len(table) > top else ""
        parts += ["", f"Ties {title}{more}", shown.to_string(index=False)]
    return "\n".join(parts)


def _figure_png(table: pd.DataFrame, label: str, title: str, horizontal: bool = True) -> str:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7, max(2.5, 0.28 * len(table))) if horizontal else (8, 3.5))
    if horizontal:
        ax.barh(table[label].astype(str)[::-1], table["ties"][::-1], color="#2b6f8e")
        ax.set_xlabel("ties (count)")
    else:
        ax.bar(table[label].astype(str), table["ties"], color="#2b6f8e")
        ax.set_ylabel("ties (count)")
    ax.set_title(title)
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def html_report(ds: Dataset, top: int = 25) -> str:
    """A self-contained HTML page (figures embedded as PNG) with the summary tables."""
    tables = summary_tables(ds)
    caption = f"Source: vnsister {ds.version} (every tie cites a public source; see sources.csv)."
    from vnsister.coverage import coverage_table

    body = [f"<h1>vnsister {html.escape(ds.version)}</h1>", tables["totals"].to_html(header=False),
            "<h2>Coverage against published totals</h2>", coverage_table(ds).to_html(index=False)]
    for title, table in analysis_tables(ds).items():
        body += [f"<h2>{html.escape(title)}</h2>", table.head(top).to_html(index=False, float_format=lambda x: f"{x:.2f}")]
    figures = [("by_partner_country", "partner_country", "Ties by partner country", True),
               ("by_vn_province", "vn_province", "Ties by Vietnamese province (historical map)", True),
               ("by_type", "tie_type", "Ties by type", False), ("by_decade", "decade", "Ties by decade established", False)]
    for name, label, title, horizontal in figures:
        table = tables[name].head(top)
        png = _figure_png(table, label, title, horizontal)
        body += [f"<h2>{html.escape(title)}</h2>", f'<img alt="{html.escape(title)}" src="data:image/png;base64,{png}">',
                 f"<p><small>{html.escape(caption)}</small></p>", table.to_html(index=False)]
    return ("<!doctype html><html><head><meta charset='utf-8'><title>vnsister report</title></head><body>"
            + "\n".join(body) + "</body></html>")
