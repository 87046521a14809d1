"""What ties are for: purpose tags of agreements (events), rolled up to ties, by cohort and by year."""

from __future__ import annotations

import pandas as pd

from vnsister import schema as sch
from vnsister.dates import partial_date_bounds
from vnsister.load import Dataset

__all__ = ["VOCABULARY", "purpose_shares", "purposes_by_cohort", "tie_purposes"]


def _vocabulary() -> list[str]:
    """The purpose tags allowed by the events schema: its pattern is the single source of the vocabulary."""
    pattern = next(f["constraints"]["pattern"] for f in sch.fields("events") if f["name"] == "purposes")
    return pattern[len("^("): pattern.index(")")].split("|")


VOCABULARY: list[str] = _vocabulary()


def tie_purposes(ds: Dataset) -> pd.DataFrame:
    """One row per tie and purpose, derived from the tie's events (a tie's purposes are never typed twice).

    Examples
    --------
    >>> table = tie_purposes(load())
    >>> set(table["purpose"]) <= set(VOCABULARY)
    True
    """
    tags = ds.events[["tie_id", "purposes"]].dropna()
    tags = tags.assign(purpose=tags["purposes"].str.split(";")).explode("purpose")
    return tags[["tie_id", "purpose"]].drop_duplicates().sort_values(["tie_id", "purpose"]).reset_index(drop=True)


def _ties_with_year(ds: Dataset, partner_country: str | None) -> pd.DataFrame:
    ties = ds.ties()
    if partner_country:
        ties = ties[ties["partner_country"] == partner_country]
    ties = ties.assign(year=partial_date_bounds(ties["established"])["earliest"].dt.year)
    return ties.dropna(subset=["year"])


def purposes_by_cohort(ds: Dataset, partner_country: str | None = "KR", period: int = 10) -> pd.DataFrame:
    """Ties established per period (decade by default) and purpose; ties without tagged events are 'untagged'."""
    ties = _ties_with_year(ds, partner_country)
    tagged = ties.merge(tie_purposes(ds), on="tie_id", how="left").fillna({"purpose": "untagged"})
    tagged["cohort"] = (tagged["year"] // period * period).astype(int)
    return pd.crosstab(tagged["cohort"], tagged["purpose"])


def purpose_shares(ds: Dataset, purpose: str = "seasonal_labour", partner_country: str | None = "KR") -> pd.DataFrame:
    """Per year of establishment: ties, ties whose events include ``purpose``, and their share."""
    if purpose not in VOCABULARY:
        raise ValueError(f"unknown purpose {purpose!r}; known: {', '.join(VOCABULARY)}")
    ties = _ties_with_year(ds, partner_country)
    with_purpose = set(tie_purposes(ds).query("purpose == @purpose")["tie_id"])
    ties = ties.assign(has=ties["tie_id"].isin(with_purpose))
    table = ties.groupby("year").agg(ties=("tie_id", "size"), with_purpose=("has", "sum"))
    table["share"] = table["with_purpose"] / table["ties"]
    table.index = table.index.astype(int)
    return table
