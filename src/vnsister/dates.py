"""Partial dates: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as precise as the sources."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal, NamedTuple

import pandas as pd

Precision = Literal["year", "month", "day"]
PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class PartialDate(NamedTuple):
    """A date known to a year, a month or a day, with the first and last day it can stand for."""

    text: str
    precision: Precision
    earliest: dt.date
    latest: dt.date


def parse_partial_date(text: str) -> PartialDate:
    """Parse a partial date.

    Examples
    --------
    >>> parse_partial_date("2013-10")
    PartialDate(text='2013-10', precision='month', earliest=datetime.date(2013, 10, 1), latest=datetime.date(2013, 10, 31))

    Raises
    ------
    ValueError
        If the text is not of the form YYYY, YYYY-MM or YYYY-MM-DD or names an impossible date.
    """
    match = PARTIAL_DATE.match(text)
    if not match:
        raise ValueError(f"not a partial date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    year, month, day = match.groups()
    y = int(year)
    if month is None:
        return PartialDate(text, "year", dt.date(y, 1, 1), dt.date(y, 12, 31))
    m = int(month)
    if not 1 <= m <= 12:
        raise ValueError(f"impossible month in {text!r}")
    last = calendar.monthrange(y, m)[1]
    if day is None:
        return PartialDate(text, "month", dt.date(y, m, 1), dt.date(y, m, last))
    d = int(day)
    if not 1 <= d <= last:
        raise ValueError(f"impossible day in {text!r}")
    return PartialDate(text, "day", dt.date(y, m, d), dt.date(y, m, d))


def to_date(value: str | dt.date | None) -> dt.date | None:
    """Turn an ISO date string or a date into a date (``None`` stays ``None``)."""
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(value)


def partial_date_bounds(values: pd.Series) -> pd.DataFrame:
    """Vectorised :func:`parse_partial_date` for a column: ``precision``, ``earliest``, ``latest``, ``valid``.

    Empty cells give missing values and ``valid`` True; malformed or impossible dates give ``valid`` False.

    Examples
    --------
    >>> import pandas as pd
    >>> partial_date_bounds(pd.Series(["2024-02", "2023-02-30", None]))["latest"].dt.date.tolist()
    [datetime.date(2024, 2, 29), NaT, NaT]
    """
    text = values.astype("string")
    parts = text.str.extract(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
    year, month, day = parts[0], parts[1], parts[2]
    earliest = pd.to_datetime(year + "-" + month.fillna("01") + "-" + day.fillna("01"), format="%Y-%m-%d", errors="coerce")
    # a month or day that does not exist makes the whole date missing, hence invalid below
    latest = earliest.where(day.notna(), earliest + pd.offsets.MonthEnd(0))
    latest = latest.where(month.notna() | year.isna(), pd.to_datetime(year + "-12-31", format="%Y-%m-%d", errors="coerce"))
    precision = pd.Series(pd.NA, index=values.index, dtype="string")
    precision = precision.mask(year.notna(), "year").mask(month.notna(), "month").mask(day.notna(), "day")
    empty = text.isna() | (text == "")
    known = earliest.notna()
    return pd.DataFrame({"precision": precision.where(known), "earliest": earliest, "latest": latest.where(known),
                         "valid": empty | known}, index=values.index)
