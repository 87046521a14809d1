"""Partial dates: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, as precise as the sources."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Literal, NamedTuple

import numpy as np
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


# pandas < 3 stores nanoseconds (years 1677-2262): later dates, which are errors here anyway, are clamped.
_CLAMP = dt.date(2200, 12, 31)


def partial_date_bounds(values: pd.Series) -> pd.DataFrame:
    """Vectorised :func:`parse_partial_date` for a column: ``precision``, ``earliest``, ``latest``, ``valid``.

    Empty cells give missing values and ``valid`` True; malformed or impossible dates give ``valid`` False.
    Each distinct text is parsed once, so a million rows cost about as much as their distinct dates.

    Examples
    --------
    >>> import pandas as pd
    >>> partial_date_bounds(pd.Series(["2024-02", "2023-02-30", None]))["latest"].dt.date.tolist()
    [datetime.date(2024, 2, 29), NaT, NaT]
    """
    text = values.astype(pd.StringDtype("pyarrow"))  # arrow-backed: unique() and factorize() stay in pyarrow
    parsed: dict[str, tuple[object, object, object]] = {}
    for item in text.dropna().unique():
        try:
            date = parse_partial_date(item)
        except ValueError:
            parsed[item] = (None, None, None)
            continue
        parsed[item] = (date.precision, min(date.earliest, _CLAMP), min(date.latest, _CLAMP))
    empty = text.isna() | (text == "")
    codes, uniques = pd.factorize(text, use_na_sentinel=True)  # one row per distinct text
    rows = [parsed.get(u, (None, None, None)) for u in uniques] + [(None, None, None)]  # last: missing
    table = pd.DataFrame(rows, columns=["precision", "earliest", "latest"])
    take = np.where(codes < 0, len(uniques), codes)
    earliest = pd.Series(pd.to_datetime(table["earliest"]).astype("datetime64[ns]").to_numpy()[take], index=values.index)
    latest = pd.Series(pd.to_datetime(table["latest"]).astype("datetime64[ns]").to_numpy()[take], index=values.index)
    precision = pd.Series(table["precision"].to_numpy(dtype=object)[take], index=values.index, dtype="string")
    return pd.DataFrame({"precision": precision, "earliest": earliest, "latest": latest,
                         "valid": empty | earliest.notna()}, index=values.index)
