import datetime as dt

import pytest

from vnsister.dates import parse_partial_date


@pytest.mark.parametrize(
    ("text", "precision", "earliest", "latest"),
    [
        ("2004", "year", dt.date(2004, 1, 1), dt.date(2004, 12, 31)),
        ("2024-02", "month", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2023-02", "month", dt.date(2023, 2, 1), dt.date(2023, 2, 28)),
        ("2013-10-21", "day", dt.date(2013, 10, 21), dt.date(2013, 10, 21)),
    ],
)
def test_partial_date_bounds(text, precision, earliest, latest):
    parsed = parse_partial_date(text)
    assert (parsed.precision, parsed.earliest, parsed.latest) == (precision, earliest, latest)


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13", "2023-00-10", "21/10/2008", "2008-1-5", "", "20081"])
def test_bad_partial_dates_raise(text):
    with pytest.raises(ValueError):
        parse_partial_date(text)
