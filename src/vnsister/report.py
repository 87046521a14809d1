"""Summary tables and the HTML report of the dataset (``vnsister report``)."""

from __future__ import annotations

import base64
import html
import io
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

import pandas as pd

from vnsister.checks import as_of_day
from vnsister.figures import EFFORT_NOTE as FIGURE_EFFORT_NOTE
from vnsister.figures import NO_TIME_FILTER, RULE_NOTES, add_caption
from vnsister.figures import stamp as figure_stamp  # report tables open their captions as the figures do
from vnsister.load import Dataset

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

Draw = Callable[["Axes"], None]  # draws one figure's content on the axes it is given


def coverage_by_country(ds: Dataset) -> pd.DataFrame:
    """Per partner country (by name): ties, distinct partner places, Vietnamese provinces tied, the share of ties
    with an established date (``dated_share``) and the share whose start is dated or bounded (``bounded_share``,
    :func:`vnsister.timeline.start_bounded`): the rest enter as-of counts only as upper bounds.

    Examples
    --------
    >>> list(coverage_by_country(load()).columns)
    ['partner_country', 'country', 'ties', 'partners', 'vn_provinces', 'dated_share', 'bounded_share']
    """
    from vnsister.timeline import start_shares

    ties = ds.ties()
    grouped = ties.groupby("partner_country")
    table = pd.DataFrame({"ties": grouped.size(), "partners": grouped["partner_place_id"].nunique(),
                          "vn_provinces": grouped["vn_province_id"].nunique()}).join(
        start_shares(ds, ties, "partner_country"))
    table = table.rename_axis("partner_country").reset_index()
    table.insert(1, "country", table["partner_country"].map(country_names()))
    return table.sort_values(["ties", "partner_country"], ascending=[False, True]).reset_index(drop=True)


def country_names() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English short name (CLDR's short names, "South Korea" rather than ISO's
    "Korea, Republic of", kept in a small table with the package)."""
    from vnsister._countries import NAMES

    return NAMES


UNDATED_NOTE = ("As-of figures count a dated tie from its established date and an undated tie from its earliest "
                "dated evidence (a source's publication date or an event), or, with none, from the page-order bound "
                "of an undated page (the date of the next dated page of its site; 'Ties by date basis'); undated "
                "ties without either are left out and shown as their own row where counts are by date.")
COMPLETENESS_TITLE = ("Completeness: of the ties that an independent search of provinces drawn at random (Vietnamese "
                      "ones, or foreign ones from the partner's side) found, the share already recorded (95% Wilson "
                      "interval; ties cluster by province, so the interval is too narrow; see docs/codebook.md §8)")
RECAPTURE_TITLE = ("Ties that stored public pages document for the provinces searched: a capture-recapture (Chapman) "
                   "estimate from the dataset and the independent search, with a 95% interval from the Wilson interval "
                   "of the share of the ties found by the search that were already recorded; both searches read the "
                   "same pages, so it errs low (vnsister.coverage.recapture; docs/codebook.md §8)")
# the figures' note on search effort, with what the report has room to say about it
EFFORT_NOTE = (f"{FIGURE_EFFORT_NOTE} Korean ties were searched systematically (all Korean local governments by "
               "name); other countries less so, so their counts are lower bounds. An independent search of the "
               "provinces, drawn at random in stages, measures how much of what public pages document the dataset "
               "holds (vnsister.coverage.completeness).")


FINDING_DATES = "each figure on its own date"  # the published totals the coverage table compares with
CHECK_DATES = "ties of any date"  # what the independent searches of the completeness tables count
# the release's contents (totals and the summary tables) count every record: the as-of date does not apply to them
CONTENTS_TITLE = f"The release's contents ({NO_TIME_FILTER}); the as-of date applies to the tables that name it"
# Titles of the summary tables in the text report; a table not named here is titled from its key ("by_type" ->
# "Ties by type"), since all but the source table count ties.
SUMMARY_TITLES = {"by_source_date": "Sources by publication date",
                  "by_partner_country": "Ties by partner country",
                  "by_vn_province": "Ties by Vietnamese province (historical map; a district's, council's or agency's tie "
                                    "counts for its province)",
                  "by_decade": "Ties by decade of their established date (undated: none stated; 'Ties by date basis' "
                               "gives their bounds)",
                  "by_status": "Ties by status (read from the sources on the release date; how far the evidence "
                               "behind 'active' holds was measured by reading it again: docs/codebook.md §6)",
                  "by_body": "Ties by the Vietnamese signing body: the local government, its council, or an agency "
                             "of the kind its name shows (docs/codebook.md §1)",
                  "by_type": "Ties by type, and what the type rests on: a recorded signing whose document names it, or, "
                             "with none recorded, the pages' words for the relation (docs/codebook.md §3)"}


def summary_tables(ds: Dataset) -> dict[str, pd.DataFrame]:
    """The report's tables: totals, ties by partner country (by name), by Vietnamese province, by type, by decade.

    Vietnamese parties are counted at province level on the historical map (a district's tie counts for the
    province it belonged to; Hải Dương's ties stay Hải Dương's). Undated ties are a row of their own.

    Examples
    --------
    >>> tables = summary_tables(load())
    >>> sorted(tables)  # doctest: +NORMALIZE_WHITESPACE
    ['by_body', 'by_date_basis', 'by_decade', 'by_partner_country', 'by_source_date', 'by_status', 'by_type',
     'by_vn_province', 'totals']
    >>> tables["by_decade"]["decade"].iloc[-1]
    'undated'
    """
    from vnsister.network import council_or_agency, partners_by_province

    ties = ds.ties()
    established_year = pd.to_numeric(ties["established"].str.slice(0, 4), errors="coerce")
    decade = (established_year // 10 * 10).astype("Int64").astype("string")
    decade = (decade + "s").fillna("undated")
    dated = int(ties["established"].notna().sum())
    # a council's or an agency's tie is a different relation from the governments' own: counted apart
    bodies = int(council_or_agency(ties).sum())
    totals = pd.DataFrame({
        "count": [len(ties), dated, len(ties) - dated, bodies, ties["partner_place_id"].nunique(),
                  ties["vn_province_id"].nunique(), ties["partner_country"].nunique(), len(ds.events), len(ds.sources),
                  int((ties["partner_country"] == "KR").sum()), int((ties["known_from"] == "multilateral").sum())],
    }, index=["ties", "ties with an established date", "ties without one", "ties signed by a council or an agency",
              "foreign partner places", "Vietnamese provinces (historical)", "partner countries", "events", "sources",
              "ties with Korea", "ties known only from multilateral documents"])
    by_decade = _count(decade, "decade").sort_values("decade", key=lambda d: d.str.replace("undated", "~"))
    return {
        "totals": totals,
        "by_partner_country": coverage_by_country(ds),
        "by_vn_province": partners_by_province(ds),
        "by_type": _types(ds, ties),
        "by_body": _bodies(ties),
        "by_status": status_counts(ds),
        "by_date_basis": date_basis_counts(ds),
        "by_source_date": source_date_counts(ds),
        "by_decade": by_decade.reset_index(drop=True),
    }


UNBOUNDED = "∞: no upper bound, as half or more of the group's ties have no established date"


def analysis_tables(ds: Dataset, as_of: str | None = None) -> dict[str, pd.DataFrame]:
    """Centrality of Korean partners, ages, cohorts and purposes as of ``as_of`` (default: the release date)."""
    from vnsister.timeline import release_day

    day = as_of or release_day(ds)
    return _analysis_tables(ds, day, _existence_series(ds, day))


def _analysis_tables(ds: Dataset, day: str, series: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """:func:`analysis_tables` on ``day``, given the series of ties in existence (``_existence_series``), which the
    HTML report has already computed for its figure."""
    from vnsister.ages import establishment_counts, median_age
    from vnsister.network import korean_partner_centrality
    from vnsister.purposes import PURPOSE_LABELS, purposes_by_period

    # every fifth year end and the as-of day (the HTML report's figure draws every year)
    fifth_year_end = series["as_of"].str[:4].astype(int).mod(5).eq(0) & ~series["partial"]
    every_fifth = series[fifth_year_end | (series.index == series.index[-1])]
    ranking = korean_partner_centrality(ds, as_of=day)[["rank", "name_en", "name_local", "partners", "provinces", "ties",
                                                         "weighted_degree", "component_size", "eigenvector", "betweenness"]]
    names = country_names()
    by_country = median_age(ds, "partner_country", as_of=day).reset_index()
    by_country.insert(1, "country", by_country["partner_country"].map(names))
    return {
        f"Ties in existence at the end of every fifth year and on {day}: lower bound (printed dates show them), "
        "count (default rule) and upper bound (an undated tie on every date)": every_fifth.reset_index(drop=True),
        f"Korean partners on {day}, ranked by weighted degree (twinning 4, friendship 3, cooperation 2, agency/other 1); "
        "eigenvector on the largest component only (blank elsewhere)": ranking,
        f"Median age of ties (years) on {day} by partner country; bounds count undated ties "
        f"at their youngest and oldest possible ages ({UNBOUNDED})": by_country,
        f"Median age of ties (years) on {day} by type ({UNBOUNDED})": median_age(ds, "tie_type", as_of=day).reset_index(),
        "Ties with Korea by cohort (diplomatic relations 1992-12-22), undated ties shown": establishment_counts(
            ds, "cohort", "KR", as_of=day),
        f"Agreements with Korean partners by decade of the agreement and purpose [{NO_TIME_FILTER}]":
            purposes_by_period(ds).rename(columns=PURPOSE_LABELS).T.reset_index(),
    }


def status_counts(ds: Dataset) -> pd.DataFrame:
    """Ties by status on the release date, each status with the rule that gives it (codebook §6).

    Examples
    --------
    >>> status_counts(load())["status"].tolist()
    ['active', 'unknown', 'lapsed']
    """
    from vnsister.timeline import STATUS_WINDOW_YEARS, status_cutoff

    since = status_cutoff(ds.released).date()
    meaning = {
        "active": f"dated evidence from {since} on (the {STATUS_WINDOW_YEARS} years before the release), no end reported",
        "unknown": "no dated evidence since then, none at all, or evidence the curators hold insufficient",
        "lapsed": "a source reports that the tie ended or expired",
    }
    counts = ds.partnerships["status"].astype("string").value_counts()
    return pd.DataFrame({"status": list(meaning), "ties": [int(counts.get(s, 0)) for s in meaning],
                         "meaning": list(meaning.values())})


def date_basis_counts(ds: Dataset) -> pd.DataFrame:
    """Ties by how their start is known, each basis with what it means for as-of counts (codebook §5).

    The five rows partition the ties: a stated establishment date; no such date but a dated step a page states (a
    memorandum, renewal or visit), which bounds the start; only dated pages that mention the tie, which bound it
    too; only an undated page numbered before a dated page of its site (page order,
    :func:`vnsister.sourcedates.page_order_bounds`), which bounds it on the assumption that the site numbers its
    pages as it publishes them; and none of these, so that the tie enters no as-of count under the default rule.

    Examples
    --------
    >>> table = date_basis_counts(load())
    >>> int(table["ties"].sum()) == len(load().partnerships)
    True
    >>> table["basis"].tolist()[0]
    'established date stated'
    """
    from vnsister.timeline import tie_timeline

    timeline = tie_timeline(ds)
    stepped = timeline["stepped_by"].notna()
    basis = timeline["basis"].map({"established": "established date stated", "page order": "page order only",
                                   "none": "no date or bound"})
    basis = basis.fillna(stepped.map({True: "a step dated, start not stated", False: "dated pages only"}))
    meaning = {
        "established date stated": "counted from its established date",
        "a step dated, start not stated": "counted from its earliest dated step or page (an upper bound on its start)",
        "dated pages only": "counted from the earliest dated page that mentions it (an upper bound on its start)",
        "page order only": "counted from the date of the next dated page of the site of an undated page that "
                           "mentions it (an upper bound, if the site numbers its pages as it publishes them; a "
                           "year later for a site whose pages are seen coming out a little late)",
        "no date or bound": "left out of as-of counts by default; counted only in the upper bounds",
    }
    counts = basis.value_counts()
    ties = [int(counts.get(b, 0)) for b in meaning]
    return pd.DataFrame({"basis": list(meaning), "ties": ties,
                         "share": [round(n / max(len(timeline), 1), 3) for n in ties], "meaning": list(meaning.values())})


def source_date_counts(ds: Dataset) -> pd.DataFrame:
    """Sources by where their publication date comes from (``sources.published_from``), each with what it means
    for the ties they support: a dated source bounds their start from above; an undated one bounds nothing, unless
    its place in its site's numbering bounds it (:func:`vnsister.sourcedates.page_order_bounds`).

    Examples
    --------
    >>> table = source_date_counts(load())
    >>> int(table["sources"].sum()) == len(load().sources)
    True
    >>> table["date"].tolist()
    ['printed on the page', 'read from the address', 'none; page order bounds it', 'none']
    """
    meaning = {
        "page": ("printed on the page", "bounds the start of every tie it supports"),
        "url": ("read from the address", "bounds the start of every tie it supports (an address pattern that leaves "
                                         "no doubt, vnsister.sourcedates)"),
        "order": ("none; page order bounds it", "bounds the start only of a tie it supports that nothing dated "
                                                "bounds (numbered before a dated page of its site; vnsister.sourcedates)"),
        None: ("none", "supports its ties but bounds none of them; no date is guessed"),
    }
    from vnsister.timeline import page_order

    origin = ds.sources["published_from"].astype("string")
    ordered = ds.sources["source_id"].isin(page_order(ds)["source_id"])
    origin = origin.mask(origin.isna() & ordered, "order")
    counts = [int(origin.isna().sum()) if key is None else int((origin == key).sum()) for key in meaning]
    total = max(len(origin), 1)
    return pd.DataFrame({"date": [label for label, _ in meaning.values()], "sources": counts,
                         "share": [round(n / total, 3) for n in counts], "meaning": [m for _, m in meaning.values()]})


def _types(ds: Dataset, ties: pd.DataFrame) -> pd.DataFrame:
    """Ties by type, split by :func:`vnsister.provenance.type_basis` (columns ``from a document`` and ``from a
    description``)."""
    from vnsister.provenance import TYPE_BASES, type_basis

    split = pd.crosstab(ties["tie_type"].astype("string"), ties["tie_id"].map(type_basis(ds)))
    split = split.reindex(columns=list(TYPE_BASES), fill_value=0).rename(columns=lambda b: f"from a {b}")
    counts = _count(ties["tie_type"].astype("string"), "tie_type")
    return counts.join(split, on="tie_type").rename_axis(columns=None)


BODY_COUNTRIES = ("LA", "KH", "CN", "KR", "JP")  # the partner countries with most agency ties, a column each


def _bodies(ties: pd.DataFrame) -> pd.DataFrame:
    """Ties by the Vietnamese signing body (:func:`vnsister.agencies.signing_body`, labelled), with a column for
    each partner country of :data:`BODY_COUNTRIES` and one for the rest."""
    from vnsister.agencies import BODIES, signing_body

    names = country_names()
    label = {code: names.get(code, code) for code in BODY_COUNTRIES}
    body = signing_body(ties).map(BODIES)
    country = ties["partner_country"].map(label).fillna("other")
    split = pd.crosstab(body, country).reindex(columns=[*label.values(), "other"], fill_value=0)
    counts = _count(body, "body")
    return counts.join(split, on="body").rename_axis(columns=None)


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
    parts = [*_header(ds, as_of), "", CONTENTS_TITLE]
    parts.append(tables.pop("totals").to_string(header=False))
    from vnsister.coverage import completeness, coverage_table, recapture

    coverage = coverage_table(ds).drop(columns=["source"])
    parts += ["", "Coverage against published totals (dataset figure with its bounds; see docs/codebook.md)",
              coverage.to_string(index=False)]
    checked = completeness(ds)
    if not checked.empty:
        parts += ["", COMPLETENESS_TITLE, checked.to_string(index=False, float_format=lambda x: f"{x:.3f}"),
                  "", RECAPTURE_TITLE, recapture(ds).to_string(index=False)]
    for title, table in analysis_tables(ds, as_of).items():
        parts += ["", title, table.head(top).to_string(index=False, float_format=_number)]
    for name, table in tables.items():
        title = f"{SUMMARY_TITLES.get(name, 'Ties ' + name.replace('_', ' '))} [{NO_TIME_FILTER}]"
        shown = table.head(top)
        more = f"  (+{len(table) - top} more)" if len(table) > top else ""
        parts += ["", f"{title}{more}", shown.to_string(index=False, float_format=_number)]
    return "\n".join(parts)


STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Helvetica Neue",Arial,sans-serif;
 color:#1d2630;background:#fff;line-height:1.5;margin:0}
main{max-width:1100px;margin:0 auto;padding:1.5rem 1.25rem 3rem}
h1{font-size:1.6rem;margin:.2rem 0 .4rem}h2{font-size:1.15rem;margin:2.2rem 0 .4rem;border-bottom:1px solid #d6dde4}
p.meta{color:#4a5866;margin:.2rem 0}.note{font-size:.85rem;color:#4a5866;margin:.3rem 0 .8rem}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;font-size:.85rem;margin:.4rem 0;font-variant-numeric:tabular-nums}
th,td{padding:.25rem .55rem;border-bottom:1px solid #e3e8ed;text-align:left;vertical-align:top}
th{background:#f1f4f7;font-weight:600}tr:nth-child(even) td{background:#fafbfc}
td.num,th.num{text-align:right}td{max-width:28rem;overflow-wrap:anywhere}
img{max-width:100%;height:auto;display:block;margin:.6rem 0}
a{color:#1d5f80}
"""


def _figure(draw: Draw, size: tuple[float, float], caption: str) -> str:
    """A matplotlib figure drawn by ``draw(ax)``, with the caption in the image, as a base64 PNG."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=size)
    draw(ax)
    add_caption(fig, caption)
    return _png(fig)


def _png(fig: Figure) -> str:
    """A figure laid out with its caption (:func:`vnsister.figures.add_caption`), encoded as a base64 PNG, then
    closed."""
    import matplotlib.pyplot as plt

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    plt.close(fig)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def _bars(table: pd.DataFrame, label: str, title: str, horizontal: bool = True) -> Draw:
    def draw(ax: Axes) -> None:
        if horizontal:
            ax.barh(table[label].astype(str)[::-1], table["ties"][::-1], color="#2b6f8e")
            ax.set_xlabel("ties (count)")
        else:
            labels = table[label].astype(str)
            numeric = labels.str.fullmatch(r"\d+").all()  # years: a numeric axis keeps the ticks readable
            ax.bar(labels.astype(int) if numeric else labels, table["ties"], color="#2b6f8e")
            ax.set_ylabel("ties (count)")
            if not numeric:
                ax.tick_params(axis="x", labelrotation=45)
        ax.set_title(title)
    return draw


# the series of ties in existence starts in 1990: before then the default rule counts a dozen ties or fewer
BAND_FIRST_YEAR = 1990


def _existence_series(ds: Dataset, day: str) -> pd.DataFrame:
    """:func:`vnsister.timeline.count_series` from ``BAND_FIRST_YEAR`` (or the year of ``day``, if earlier) to ``day``,
    as the report's table and figure show it."""
    from vnsister.timeline import count_series

    return count_series(ds, first_year=min(BAND_FIRST_YEAR, int(day[:4])), as_of=day)


def _band(series: pd.DataFrame, title: str) -> Draw:
    """The default count as a line inside the band from its lower to its upper bound (``count_series``)."""
    def draw(ax: Axes) -> None:
        days = pd.to_datetime(series["as_of"])
        ax.fill_between(days, series["lower"], series["upper"], color="#d6e4ee", label="lower to upper bound")
        ax.plot(days, series["count"], color="#2b6f8e", label="default rule")
        ax.set_ylabel("ties in existence")
        ax.set_xlabel("date (a point at each 31 December; the last at the as-of date)")
        ax.set_title(title)
        ax.legend(loc="upper left")
    return draw


def _heatmap(matrix: pd.DataFrame, title: str) -> Draw:
    def draw(ax: Axes) -> None:
        image = ax.imshow(matrix.to_numpy(), cmap="Blues", aspect="auto")
        ax.set_xticks(range(matrix.shape[1]), matrix.columns, rotation=45, ha="right")
        ax.set_yticks(range(matrix.shape[0]), matrix.index)
        for (i, j), value in pd.DataFrame(matrix.to_numpy()).stack().items():
            if value:
                ax.text(j, i, str(int(value)), ha="center", va="center", fontsize=7,
                        color="white" if value > matrix.to_numpy().max() / 2 else "#1d2630")
        ax.figure.colorbar(image, ax=ax, label="ties (count)")
        ax.set_title(title)
    return draw


def province_country_matrix(ds: Dataset, provinces: int = 20, countries: int = 10) -> pd.DataFrame:
    """Ties by Vietnamese province (rows, historical map, by name) and partner country (columns, by name): the
    ``provinces`` and ``countries`` with most ties, the rest summed as "other countries".

    Examples
    --------
    >>> m = province_country_matrix(load(), provinces=5, countries=3)
    >>> m.shape, m.columns[-1]
    ((5, 4), 'other countries')
    """
    ties = ds.ties()
    ties = ties.assign(country=ties["partner_country"].map(country_names()).fillna(ties["partner_country"]))
    top_countries = ties["country"].value_counts().head(countries).index
    ties["country"] = ties["country"].where(ties["country"].isin(top_countries), "other countries")
    matrix = pd.crosstab(ties["vn_province_name_local"], ties["country"])
    matrix = matrix[[*top_countries, "other countries"]] if "other countries" in matrix else matrix[list(top_countries)]
    order = matrix.sum(axis=1).sort_values(ascending=False, kind="stable").index[:provinces]
    return matrix.loc[order].rename_axis(index="province", columns="country")


def _table_html(table: pd.DataFrame, note: str, index: bool = False) -> str:
    """A table that scrolls inside its box (never the page), links clickable, numbers right-aligned, with a note."""
    shown = table.reset_index() if index else table
    head = "".join(f'<th class="{_kind(shown[c])}">{html.escape(str(c))}</th>' for c in shown.columns)
    rows = []
    for values in shown.itertuples(index=False, name=None):
        cells = "".join(f'<td class="{_kind(shown[c])}">{_cell(v)}</td>' for c, v in zip(shown.columns, values, strict=True))
        rows.append(f"<tr>{cells}</tr>")
    return (f'<div class="scroll"><table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div>'
            f'<p class="note">{html.escape(note)}</p>')


def _kind(column: pd.Series) -> str:
    return "num" if pd.api.types.is_numeric_dtype(column) and not pd.api.types.is_bool_dtype(column) else ""


def _number(value: float) -> str:
    """Two decimals; an unbounded value (the oldest possible median age of a group half undated) as ∞."""
    return "∞" if value == float("inf") else f"{value:.2f}"


def _cell(value: object) -> str:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, float):
        return _number(value)
    text = str(value)
    if text.startswith(("http://", "https://")):
        return f'<a href="{html.escape(text, quote=True)}">{html.escape(text.split("/")[2])}</a>'
    return html.escape(text)


def html_report(ds: Dataset, top: int = 25, as_of: str | None = None) -> str:
    """A self-contained, styled HTML page for a paper: every table with its n and caveats, figures (partner
    countries, provinces, a province x country heat map, maps of the world and of Vietnam–Korea, ties over time,
    Korean partner centrality) with the release and as-of date in each caption, source links clickable. Nothing
    is loaded from the network.

    Examples
    --------
    >>> page = html_report(load())
    >>> page.startswith("<!doctype html>") and "<style>" in page and "http" not in page.split("<body>")[0]
    True
    """
    from vnsister.ages import establishment_counts
    from vnsister.coverage import completeness, coverage_table, recapture
    from vnsister.maps import partner_map
    from vnsister.timeline import release_day

    day = as_of or release_day(ds)
    tables = summary_tables(ds)
    n = len(ds.partnerships)
    stamp = _stamp(ds, f"n = {n} ties")
    header = _header(ds, as_of)
    body = [f"<h1>{html.escape(header[0])}</h1>"] + [f'<p class="meta">{html.escape(line)}</p>' for line in header[1:]]
    body += ["<h2>Totals</h2>", _table_html(tables["totals"].rename_axis("what"), f"{stamp} Counts of rows in the "
                                            "shipped tables.", index=True)]
    body += ["<h2>Status</h2>", _table_html(tables["by_status"], _stamp(ds, f"n = {n} ties") + " Status is read "
                                            "from the sources on the release date, not measured; a tie with no recent "
                                            "coverage is unknown, not ended. How far the evidence behind active holds "
                                            "was measured by reading it again (docs/codebook.md §6).")]
    body += ["<h2>How each tie's start is known</h2>",
             _table_html(tables["by_date_basis"], f"{stamp} A page's publication date or a later dated step bounds a "
                         "tie's start from above, and failing both, page order (an undated page numbered before a "
                         "dated page of its site); the lower bounds in the tables below count only what printed "
                         "dates make certain.")]
    body += ["<h2>How each source's date is known</h2>",
             _table_html(tables["by_source_date"], _stamp(ds, f"n = {len(ds.sources)} sources") + " A date counts "
                         "only when the page prints it or its address states it unambiguously (docs/codebook.md).")]
    body += ["<h2>Ties by type, and what the type rests on</h2>",
             _table_html(tables["by_type"], f"{stamp} A type rests on a document when a recorded signing names it, "
                         "otherwise on the words the pages use for the relation (docs/codebook.md §3); an analysis "
                         "by type can set the second group apart (vnsister.provenance.type_basis).")]
    body += ["<h2>Ties by the Vietnamese signing body</h2>",
             _table_html(tables["by_body"], f"{stamp} An agency's kind is read from its name "
                         "(vnsister.agencies; docs/codebook.md §1); the columns split the ties by partner country.")]
    coverage = coverage_table(ds)
    body += ["<h2>Coverage against published totals</h2>",
             _table_html(coverage, _stamp(ds, f"n = {len(coverage)} published figures", when=FINDING_DATES)
                         + " The dataset's figure "
                         "is counted the way the source counts; lower/upper bound it where dates are missing. "
                         + EFFORT_NOTE)]
    checked = completeness(ds)
    if not checked.empty:
        found = int(checked.loc[checked["group"] == "all", "found"].sum())
        caption = _stamp(ds, f"n = {found} ties found by independent checks", when=CHECK_DATES) + " " + COMPLETENESS_TITLE
        estimated = recapture(ds)
        body += ["<h2>Completeness</h2>", _table_html(checked, caption),
                 _table_html(estimated, _stamp(ds, f"n = {int(estimated['found'].sum())} ties found in the provinces "
                                                   "searched", when=CHECK_DATES) + " " + RECAPTURE_TITLE)]
    countries = tables["by_partner_country"]
    named = countries.assign(name=countries["country"].fillna(countries["partner_country"]))
    provinces = tables["by_vn_province"].sort_values(["ties", "partners"], ascending=False, kind="stable")
    figures = [
        ("Ties by partner country", _bars(named.head(top), "name", "Ties by partner country"),
         (7, max(2.8, 0.28 * min(top, len(countries)) + 0.8)), countries, f"{len(countries)} countries"),
        ("Ties by Vietnamese province (historical map)", _bars(provinces.head(top), "vn_province",
                                                                 "Ties by Vietnamese province"),
         (7, max(2.8, 0.28 * min(top, len(provinces)) + 0.8)), provinces,
         f"{len(provinces)} provinces; a district's, council's or agency's tie counts for its province"),
    ]
    for title, draw, size, table, what in figures:
        caption = f"{stamp} {what}; top {min(top, len(table))} shown. {EFFORT_NOTE}"
        body += [f"<h2>{html.escape(title)}</h2>", _img(_figure(draw, size, caption), title),
                 _table_html(table.head(top), caption)]
    matrix = province_country_matrix(ds)
    caption = (f"{stamp} Rows: the {len(matrix)} provinces with most ties; columns: the 10 partner countries with most "
               f"ties, the rest summed. {EFFORT_NOTE}")
    body += ["<h2>Provinces and partner countries</h2>",
             _img(_figure(_heatmap(matrix, "Ties by province and partner country"), (9, 7), caption), "heat map")]
    body += ["<h2>Where the partners are</h2>"]
    for region in ("world", "korea"):
        figure = cast("Figure", partner_map(ds, region, as_of).figure)  # the map's own figure, not a subfigure
        body.append(_img(_png(figure), f"map of ties ({region})"))
    years = establishment_counts(ds, as_of=day)
    undated = int(years.loc[years["year"] == "undated", "ties"].sum())
    dated_years = years[years["year"] != "undated"]
    caption = (_stamp(ds, f"n = {int(dated_years['ties'].sum())} dated ties", day)
               + f" Ties by the year of their established date; {undated} undated ties are not in the bars"
               + ("; the last year is partial" if dated_years["partial"].any() else "") + ".")
    body += ["<h2>Ties over time</h2>",
             _img(_figure(_bars(dated_years, "year", "Ties established per year", horizontal=False), (10, 3.8),
                          caption), "ties per year")]
    series = _existence_series(ds, day)
    last = series.iloc[-1]
    caption = (_stamp(ds, f"n = {int(last['count'])} ties on the as-of date ({int(last['lower'])} to {int(last['upper'])})",
                      day)
               + f" Ties in existence at each year end from {series['as_of'].iloc[0][:4]}; the last point is the as-of "
               f"date. Line: the default rule. {RULE_NOTES['attested']} Band: from the ties that printed dates show "
               "in existence to every tie that may "
               "have existed (an undated tie on every date).")
    body.append(_img(_figure(_band(series, "Ties in existence, with bounds"), (10, 3.8), caption),
                     "ties in existence over time, with bounds"))
    for title, table in _analysis_tables(ds, day, series).items():
        shown = f"; top {top} shown" if len(table) > top else ""
        caption = f"{_stamp(ds, f'n = {len(table)} rows{shown}', day)} {RULE_NOTES['attested']}"
        body += [f"<h2>{html.escape(title)}</h2>", _table_html(table.head(top), caption)]
    body += ['<p class="note">Method, definitions and known biases: docs/codebook.md in the package. '
             "Cite the release you used (vnsister cite).</p>"]
    return ("<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            f"<title>vnsister {html.escape(ds.version)} report</title><style>{STYLE}</style></head><body><main>"
            + "\n".join(body) + "</main></body></html>")


def _stamp(ds: Dataset, n: str, as_of: str | None = None, when: str = NO_TIME_FILTER) -> str:
    """A table's caption opening, worded as the figures' (:func:`vnsister.figures.stamp`): the as-of day where one
    applies (a year or month as its last day, as the figures print it), else what time the table covers (``when``,
    by default no time filter)."""
    return figure_stamp(ds, f"as of {as_of_day('as_of', as_of).date().isoformat()}" if as_of else when, n)


def _img(png: str, alt: str) -> str:
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{png}">'
