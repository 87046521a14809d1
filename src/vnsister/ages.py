"""Age of ties: per-tie ages with bounds for partial dates, and summaries by country, type and cohort."""

from __future__ import annotations

import pandas as pd

from vnsister import checks
from vnsister.dates import partial_date_bounds
from vnsister.load import Dataset
from vnsister.timeline import release_day, tie_timeline, ties_on

__all__ = ["KOREA_RELATIONS", "establishment_counts", "median_age", "survival", "tie_ages", "time_to_upgrade"]

DAYS_PER_YEAR = 365.2425
# Vietnam and the Republic of Korea established diplomatic relations on this day.
KOREA_RELATIONS = pd.Timestamp("1992-12-22")


def _years(delta: pd.Series) -> pd.Series:
    return delta.dt.days / DAYS_PER_YEAR


def _day(ds: Dataset, as_of: str | None) -> tuple[str, pd.Timestamp]:
    """``as_of`` checked, defaulting to the release date (never today: the same release gives the same ages)."""
    text = as_of if as_of is not None else release_day(ds)
    return text, checks.as_of_day("as_of", text)


def tie_ages(ds: Dataset, as_of: str | None = None, undated: str = "attested") -> pd.DataFrame:
    """One row per tie in existence on ``as_of`` (default: the release date): its age in years, with bounds.

    ``age_min`` counts from the last day the established date can stand for, ``age_max`` from the first, and
    ``age`` from the midpoint; a tie of "2004" is between 21 and 22 years old on 2025-12-31. ``type_age`` is the
    age of the current type (since the latest upgrade, or since establishment). Lapsed ties age until they ended.
    Undated ties that count under ``undated`` (see :mod:`vnsister.timeline`) are kept with ``age`` and
    ``age_max`` missing (unknown) and ``age_min`` from ``attested_by``, their earliest dated evidence or page-order
    bound (they are at least that old).

    Examples
    --------
    >>> ages = tie_ages(load(), as_of="2026-01-01")
    >>> dated = ages.dropna(subset=["age"])
    >>> bool((dated["age_min"] <= dated["age"]).all() and (dated["age"] <= dated["age_max"]).all())
    True
    >>> tie_ages(load(), as_of="01/01/2026")
    Traceback (most recent call last):
    ...
    ValueError: as_of='01/01/2026' is not an ISO date: use YYYY, YYYY-MM or YYYY-MM-DD
    """
    text, day = _day(ds, as_of)
    ties = ties_on(ds, text, undated, ds.ties(), include_ended=True).reset_index(drop=True)
    timeline = tie_timeline(ds).set_index("tie_id").loc[ties["tie_id"]].reset_index()
    ended = timeline["end_latest"]
    stop = ended.where(ended.notna() & (ended < day), day)
    # a dated tie counted before its established date (an earlier dated page or step starts it) is of age 0 then;
    # undated ties keep empty bounds
    earliest = timeline["start_earliest"].clip(upper=stop)
    latest = timeline["start_latest"].clip(upper=stop)
    # an undated tie is at least as old as its earliest dated evidence
    certain_start = latest.where(timeline["dated"], timeline["attested_by"])
    certain_start = certain_start.where(certain_start <= stop, stop)
    midpoint = earliest + (latest - earliest) / 2
    upgrades = ds.events[ds.events["event_type"] == "upgraded"].copy()
    upgrades["_when"] = partial_date_bounds(upgrades["date"])["earliest"]
    upgrades = upgrades[upgrades["_when"] <= day]
    last_upgrade = upgrades.groupby("tie_id")["_when"].max()
    type_since = pd.to_datetime(ties["tie_id"].map(last_upgrade.to_dict())).fillna(midpoint)
    return pd.DataFrame({
        "tie_id": ties["tie_id"], "vn_place_id": ties["vn_place_id"], "partner_place_id": ties["partner_place_id"],
        "partner_country": ties["partner_country"], "tie_type": ties["tie_type"].astype("string"),
        "status": ties["status"].astype("string"), "established": ties["established"],
        "precision": timeline["precision"], "dated": timeline["dated"], "age": _years(stop - midpoint),
        "age_min": _years(stop - certain_start), "age_max": _years(stop - earliest), "type_age": _years(stop - type_since),
    })


AGE_GROUPS = ("partner_country", "tie_type", "status", "precision")


def median_age(ds: Dataset, by: str = "partner_country", as_of: str | None = None, undated: str = "attested") -> pd.DataFrame:
    """Median age of ties by a column of :func:`tie_ages`, with bounds that account for undated ties.

    ``median_age_dated`` is over dated ties only (their number is ``ties - undated``); ``median_age_min``
    counts every tie at its youngest possible age
    (undated ties at the age their earliest evidence proves), ``median_age_max`` at its oldest (undated ties as
    of unbounded age, so the bound is infinite when undated ties are half a group or more).

    Examples
    --------
    >>> table = median_age(load(), "tie_type", as_of="2026")
    >>> bool((table["median_age_min"] <= table["median_age_max"]).all())
    True
    >>> median_age(load(), by="foo")
    Traceback (most recent call last):
    ...
    ValueError: by='foo' is not allowed; choose one of: 'partner_country', 'tie_type', 'status', 'precision'
    """
    checks.choice("by", by, AGE_GROUPS)
    ages = tie_ages(ds, as_of, undated)
    ages = ages.assign(age_max=ages["age_max"].fillna(float("inf")))
    grouped = ages.groupby(by, observed=True)
    return pd.DataFrame({"ties": grouped.size(), "undated": grouped["dated"].apply(lambda d: int((~d).sum())),
                         "median_age_dated": grouped["age"].median(), "median_age_min": grouped["age_min"].median(),
                         "median_age_max": grouped["age_max"].median()}).sort_values("ties", ascending=False)


def establishment_counts(ds: Dataset, by: str = "year", partner_country: str | None = None,
                         as_of: str | None = None) -> pd.DataFrame:
    """Ties established per year, or per cohort around Vietnam–Korea relations (1992-12-22), undated ties shown.

    ``by="year"``: every year from the first to ``as_of``'s (default: the release date), zero years included;
    ``partial`` marks the year ``as_of`` falls in when it is not complete; a last row ``undated`` counts ties with
    no established date. ``by="cohort"``: before / after 1992-12-22, "1992 (undetermined)" for ties dated only
    "1992", and for undated ties "undated, attested before 1992-12-22" (their evidence proves the cohort) or
    "undated" (it does not).

    Examples
    --------
    >>> table = establishment_counts(load(), by="cohort", partner_country="KR")
    >>> "undated" in set(table["cohort"])
    True
    >>> establishment_counts(load(), partner_country="Korea")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: partner_country='Korea' is not a partner country code in the data; use an ISO 3166-1 alpha-2 code ...
    """
    checks.choice("by", by, ("year", "cohort"))
    text, day = _day(ds, as_of)
    ties = ds.ties()
    if partner_country is not None:
        ties = ties[ties["partner_country"] == checks.partner_country("partner_country", partner_country, ds.places)]
    timeline = tie_timeline(ds).set_index("tie_id").loc[ties["tie_id"]].reset_index()
    dated = timeline[timeline["dated"] & (timeline["start_earliest"] <= day)]
    undated = timeline[~timeline["dated"]]
    if by == "year":
        years = dated["start_earliest"].dt.year
        first = int(years.min()) if len(years) else day.year
        counts = years.value_counts().reindex(range(first, day.year + 1), fill_value=0)
        table = pd.DataFrame({"year": [str(y) for y in counts.index], "ties": counts.to_numpy(), "partial": False})
        table.loc[table["year"] == str(day.year), "partial"] = day < pd.Timestamp(day.year, 12, 31)
        undated_row = pd.DataFrame({"year": ["undated"], "ties": [len(undated)], "partial": [False]})
        return pd.concat([table, undated_row], ignore_index=True)
    cohort = pd.Series("after 1992-12-22", index=dated.index)
    cohort[dated["start_latest"] < KOREA_RELATIONS] = "before 1992-12-22"
    cohort[(dated["start_earliest"] < KOREA_RELATIONS) & (dated["start_latest"] >= KOREA_RELATIONS)] = "1992 (undetermined)"
    undated_cohort = pd.Series("undated", index=undated.index)
    undated_cohort[undated["attested_by"] < KOREA_RELATIONS] = "undated, attested before 1992-12-22"
    order = ["before 1992-12-22", "1992 (undetermined)", "after 1992-12-22", "undated, attested before 1992-12-22",
             "undated"]
    counts = pd.concat([cohort, undated_cohort]).value_counts().reindex(order, fill_value=0)
    return counts.rename_axis("cohort").reset_index(name="ties")


def time_to_upgrade(ds: Dataset) -> pd.DataFrame:
    """For ties with an upgrade: years from the first dated agreement (MoU, establishment) to the first upgrade."""
    events = ds.events.copy()
    events["_when"] = partial_date_bounds(events["date"])["earliest"]
    events = events.dropna(subset=["_when"])
    upgraded = events[events["event_type"] == "upgraded"].groupby("tie_id")["_when"].min()
    first = events[events["event_type"].isin(["mou_signed", "established"])].groupby("tie_id")["_when"].min()
    both = pd.DataFrame({"first_agreement": first, "upgraded": upgraded}).dropna()
    both["years"] = _years(both["upgraded"] - both["first_agreement"])
    return both[both["years"] >= 0].reset_index(names="tie_id")


# Fewer dated lapses than this make a Kaplan–Meier curve that says nothing (flat, or one step).
MIN_LAPSES = 5


def survival(ds: Dataset, as_of: str | None = None, by: str | None = None) -> pd.DataFrame:
    """Kaplan–Meier survival of ties (lifelines): a lapse is the event, active/unknown ties are censored at ``as_of``.

    Returns the survival function (rows: years since establishment; a column per group of ``by`` or one column
    ``all``). Needs ``lifelines`` (``pip install "vnsister[analysis]"``). Only dated ties enter (a tie's age
    must be known), and the curve is refused when fewer than MIN_LAPSES dated ties have lapsed: a lapse is
    rarely reported, and a curve drawn from one or two would be read as a finding.

    Raises
    ------
    ValueError
        If fewer than MIN_LAPSES dated ties lapsed (the message says how many), or ``by`` is not a column of
        :func:`tie_ages` that groups ties.
    """
    if by is not None:
        checks.choice("by", by, AGE_GROUPS)
    ages = tie_ages(ds, as_of).dropna(subset=["age"])
    lapses = int((ages["status"] == "lapsed").sum())
    if lapses < MIN_LAPSES:
        raise ValueError(f"survival needs at least {MIN_LAPSES} lapsed ties with a start date; this release has "
                         f"{lapses} (lapses are seldom reported), so no survival curve is estimated. "
                         "time_to_upgrade() is estimable instead.")
    try:
        from lifelines import KaplanMeierFitter
    except ImportError as exc:  # optional: only this function needs it
        raise ImportError('survival() needs lifelines: pip install "vnsister[analysis]"') from exc
    groups = ages.groupby(by, observed=True) if by else [("all", ages)]
    curves = []
    for name, group in groups:
        fitter = KaplanMeierFitter()
        fitter.fit(group["age"], event_observed=group["status"] == "lapsed", label=str(name))
        curves.append(fitter.survival_function_)
    return pd.concat(curves, axis=1).sort_index().ffill()
