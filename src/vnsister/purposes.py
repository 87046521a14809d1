"""What ties are for: purpose tags of agreements (events), rolled up to ties, by cohort and by year."""

from __future__ import annotations

import pandas as pd

from vnsister import checks
from vnsister import schema as sch
from vnsister.dates import partial_date_bounds
from vnsister.event_types import AGREEMENTS
from vnsister.load import Dataset

__all__ = ["PURPOSE_LABELS", "VOCABULARY", "agreement_purposes", "purpose_shares", "purposes_by_period", "tie_purposes"]


def _vocabulary() -> list[str]:
    """The purpose tags allowed by the events schema: its pattern is the single source of the vocabulary."""
    pattern = next(f["constraints"]["pattern"] for f in sch.fields("events") if f["name"] == "purposes")
    return pattern[len("^("): pattern.index(")")].split("|")


VOCABULARY: list[str] = _vocabulary()
# How figures and report tables name each tag (the tags stay the data's codes; codebook §4 says what each covers).
PURPOSE_LABELS: dict[str, str] = {
    "general_friendship": "General friendship", "trade_investment": "Trade and investment",
    "seasonal_labour": "Seasonal labour", "education_training": "Education and training",
    "culture_tourism": "Culture and tourism", "agriculture": "Agriculture", "health": "Health",
    "public_security": "Public security", "disaster_relief": "Disaster relief",
    "administration_exchange": "Administration exchange", "science_technology": "Science and technology",
    "environment": "Environment", "sports": "Sports", "youth": "Youth", "untagged": "No purpose named",
}


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


def agreement_purposes(ds: Dataset, partner_country: str | None = "KR") -> pd.DataFrame:
    """One row per agreement (event) and purpose tag, with the agreement's year; untagged agreements as "untagged".

    ``year`` is the year of the agreement's own date (missing when the agreement is undated), never the year
    the tie was founded: a 1996 tie's 2024 seasonal-labour agreement counts in 2024.

    Examples
    --------
    >>> table = agreement_purposes(load())
    >>> list(table.columns)
    ['event_id', 'tie_id', 'year', 'purpose']
    """
    events = ds.events[ds.events["event_type"].astype("string").isin(AGREEMENTS)]
    if partner_country is not None:
        ties = ds.ties()
        code = checks.partner_country("partner_country", partner_country, ds.places)
        events = events[events["tie_id"].isin(ties.loc[ties["partner_country"] == code, "tie_id"])]
    year = partial_date_bounds(events["date"])["earliest"].dt.year.astype("Int64")
    tags = events["purposes"].fillna("untagged").str.split(";")
    table = pd.DataFrame({"event_id": events["event_id"], "tie_id": events["tie_id"], "year": year, "purpose": tags})
    return table.explode("purpose").reset_index(drop=True)


def purposes_by_period(ds: Dataset, partner_country: str | None = "KR", period: int = 10) -> pd.DataFrame:
    """Agreements per period of their own date (decades by default) and purpose; undated agreements in a last
    row "undated". An agreement with several purposes counts once under each. Columns are the purpose tags
    (``"untagged"`` for agreements that name none); ``.rename(columns=PURPOSE_LABELS)`` names them for a figure.

    Examples
    --------
    >>> table = purposes_by_period(load())
    >>> table.index[-1]
    'undated'
    >>> purposes_by_period(load(), period=0)
    Traceback (most recent call last):
    ...
    ValueError: period=0 must be a positive integer
    """
    checks.positive_int("period", period)
    table = agreement_purposes(ds, partner_country)
    start = (table["year"] // period * period).astype("Int64")
    label = start.astype("string") if period == 10 else start.astype("string") + "–" + (start + period - 1).astype("string")
    label = (label + "s") if period == 10 else label
    table = table.assign(period=label.fillna("undated"))
    counts = pd.crosstab(table["period"], table["purpose"])
    order = sorted(p for p in counts.index if p != "undated") + (["undated"] if "undated" in counts.index else [])
    return counts.loc[order]


def purpose_shares(ds: Dataset, purpose: str = "seasonal_labour", partner_country: str | None = "KR") -> pd.DataFrame:
    """Per year of agreement: agreements, agreements tagged with ``purpose``, and their share; undated
    agreements in a last row "undated".

    Examples
    --------
    >>> table = purpose_shares(load())
    >>> table.index[-1], bool((table["with_purpose"] <= table["agreements"]).all())
    ('undated', True)
    """
    checks.choice("purpose", purpose, VOCABULARY)
    table = agreement_purposes(ds, partner_country)
    table = table.assign(has=table["purpose"] == purpose, year=table["year"].astype("string").fillna("undated"))
    per_event = table.groupby(["year", "event_id"])["has"].any().reset_index()
    out = per_event.groupby("year").agg(agreements=("event_id", "size"), with_purpose=("has", "sum"))
    out["share"] = out["with_purpose"] / out["agreements"]
    order = sorted(y for y in out.index if y != "undated") + (["undated"] if "undated" in out.index else [])
    return out.loc[order]
