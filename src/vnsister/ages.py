"""Age of ties: per-tie ages with bounds for partial dates, and summaries by country, type and cohort."""

from __future__ import annotations

import pandas as pd

from vnsister.dates import partial_date_bounds
from vnsister.load import Dataset

__all__ = ["KOREA_RELATIONS", "establishment_counts", "median_age", "survival", "tie_ages", "time_to_upgrade"]

DAYS_PER_YEAR = 365.2425
# Vietnam and the Republic of Korea established diplomatic relations on this day.
KOREA_RELATIONS = pd.Timestamp("1992-12-22")


def _years(delta: pd.Series) -> pd.Series:
    return delta.dt.days / DAYS_PER_YEAR


def tie_ages(ds: Dataset, as_of: str | None = None) -> pd.DataFrame:
    """One row per tie established by ``as_of``: its age in years, with bounds where the date is partial.

    ``age_min`` counts from the last day the established date can stand for, ``age_max`` from the first, and
    ``age`` from the midpoint; a tie of "2004" is between 21 and 22 years old on 2025-12-31. ``type_age`` is the
    age of the current type (since the latest upgrade, or since establishment). Lapsed ties age until they ended.
    Undated ties are left out (their age is unknown, not zero).

    Examples
    --------
    >>> ages = tie_ages(load(), as_of="2026-01-01")
    >>> bool((ages["age_min"] <= ages["age"]).all() and (ages["age"] <= ages["age_max"]).all())
    True
    """
    day = pd.Timestamp(as_of) if as_of else pd.Timestamp.today().normalize()
    ties = ds.ties()
    bounds = partial_date_bounds(ties["established"])
    keep = bounds["earliest"].notna() & (bounds["earliest"] <= day)
    ties, bounds = ties[keep].reset_index(drop=True), bounds[keep].reset_index(drop=True)
    ended = partial_date_bounds(ties["ended"])["latest"]
    stop = ended.where(ended.notna() & (ended < day), day)
    latest = bounds["latest"].where(bounds["latest"] <= stop, stop)
    midpoint = bounds["earliest"] + (latest - bounds["earliest"]) / 2
    upgrades = ds.events[ds.events["event_type"] == "upgraded"].copy()
    upgrades["_when"] = partial_date_bounds(upgrades["date"])["earliest"]
    upgrades = upgrades[upgrades["_when"] <= day]
    last_upgrade = upgrades.groupby("tie_id")["_when"].max()
    type_since = pd.to_datetime(ties["tie_id"].map(last_upgrade.to_dict())).fillna(midpoint)
    out = pd.DataFrame({
        "tie_id": ties["tie_id"], "vn_place_id": ties["vn_place_id"], "partner_place_id": ties["partner_place_id"],
        "partner_country": ties["partner_country"], "tie_type": ties["tie_type"].astype("string"),
        "status": ties["status"].astype("string"), "established": ties["established"],
        "precision": bounds["precision"], "age": _years(stop - midpoint), "age_min": _years(stop - latest),
        "age_max": _years(stop - bounds["earliest"]), "type_age": _years(stop - type_since),
    })
    return out


def median_age(ds: Dataset, by: str = "partner_country", as_of: str | None = None) -> pd.DataFrame:
    """Median age (and its bounds) of ties grouped by a column of :func:`tie_ages` (``partner_country``, ``tie_type``)."""
    ages = tie_ages(ds, as_of)
    grouped = ages.groupby(by, observed=True)
    return pd.DataFrame({"ties": grouped.size(), "median_age": grouped["age"].median(),
                         "median_age_min": grouped["age_min"].median(), "median_age_max": grouped["age_max"].median()}
                        ).sort_values("ties", ascending=False)


def establishment_counts(ds: Dataset, by: str = "year", partner_country: str | None = None) -> pd.DataFrame:
    """Ties established per year, or per cohort (before/after Vietnam–Korea relations on 1992-12-22).

    A tie dated only "1992" straddles the cutoff and is counted as "1992 (undetermined)".
    """
    ties = ds.ties()
    if partner_country:
        ties = ties[ties["partner_country"] == partner_country]
    bounds = partial_date_bounds(ties["established"]).dropna(subset=["earliest"])
    if by == "year":
        return bounds["earliest"].dt.year.value_counts().sort_index().rename_axis("year").reset_index(name="ties")
    cohort = pd.Series("after 1992-12-22", index=bounds.index)
    cohort[bounds["latest"] < KOREA_RELATIONS] = "before 1992-12-22"
    cohort[(bounds["earliest"] < KOREA_RELATIONS) & (bounds["latest"] >= KOREA_RELATIONS)] = "1992 (undetermined)"
    return cohort.value_counts().rename_axis("cohort").reset_index(name="ties")


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


def survival(ds: Dataset, as_of: str | None = None, by: str | None = None) -> pd.DataFrame:
    """Kaplan–Meier survival of ties (lifelines): a lapse is the event, active/unknown ties are censored at ``as_of``.

    Returns the survival function (rows: years since establishment; a column per group of ``by`` or one column
    ``all``). Needs ``lifelines`` (``pip install "vnsister[analysis]"``).
    """
    try:
        from lifelines import KaplanMeierFitter
    except ImportError as exc:  # optional: only this function needs it
        raise ImportError('survival() needs lifelines: pip install "vnsister[analysis]"') from exc
    ages = tie_ages(ds, as_of)
    groups = ages.groupby(by, observed=True) if by else [("all", ages)]
    curves = []
    for name, group in groups:
        fitter = KaplanMeierFitter()
        fitter.fit(group["age"], event_observed=group["status"] == "lapsed", label=str(name))
        curves.append(fitter.survival_function_)
    return pd.concat(curves, axis=1).sort_index().ffill()
