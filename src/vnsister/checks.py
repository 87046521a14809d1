"""Argument checks at the public boundary: a bad argument raises ``ValueError`` naming it and what is allowed.

Nothing is silently ignored or coerced, except letter case where it cannot change the meaning (``"kr"`` is KR).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import pandas as pd

from vnsister.dates import parse_partial_date


def choice(name: str, value: object, allowed: Iterable[str]) -> str:
    """Return ``value`` if it is one of ``allowed`` (exact strings), else raise.

    Examples
    --------
    >>> choice("admin", "2025", ("historical", "2025"))
    '2025'
    >>> choice("admin", 2025, ("historical", "2025"))
    Traceback (most recent call last):
    ...
    ValueError: admin=2025 is not allowed; choose one of: 'historical', '2025'
    """
    options = tuple(allowed)
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{name}={value!r} is not allowed; choose one of: {', '.join(repr(o) for o in options)}")
    return value


def as_of_day(name: str, value: object) -> pd.Timestamp:
    """The day an ``as_of`` argument stands for: ISO ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` only.

    A year or a month stands for its last day ("as of 2012" is the state at the end of 2012).

    Examples
    --------
    >>> as_of_day("as_of", "2012-02")
    Timestamp('2012-02-29 00:00:00')
    >>> as_of_day("as_of", "05/06/2012")
    Traceback (most recent call last):
    ...
    ValueError: as_of='05/06/2012' is not an ISO date: use YYYY, YYYY-MM or YYYY-MM-DD
    """
    if not isinstance(value, str):
        raise ValueError(f"{name}={value!r} is not an ISO date string: use 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'")
    try:
        return pd.Timestamp(parse_partial_date(value).latest)
    except ValueError:
        raise ValueError(f"{name}={value!r} is not an ISO date: use YYYY, YYYY-MM or YYYY-MM-DD") from None


def country_code(name: str, value: object, known: Iterable[str]) -> str:
    """An ISO 3166-1 alpha-2 code present in the data (case-insensitive), upper-cased.

    Examples
    --------
    >>> country_code("partner_country", "kr", ["KR", "LA"])
    'KR'
    >>> country_code("partner_country", "Korea", ["KR", "LA"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: partner_country='Korea' is not a partner country code in the data; use an ISO 3166-1 alpha-2 code ...
    """
    codes = sorted(set(known))
    if isinstance(value, str) and value.upper() in codes:
        return value.upper()
    shown = ", ".join(repr(c) for c in codes[:12]) + (" …" if len(codes) > 12 else "")
    raise ValueError(f"{name}={value!r} is not a partner country code in the data; use an ISO 3166-1 alpha-2 code "
                     f"such as {shown}")


def _items(name: str, values: object) -> tuple:
    """A list-valued argument as a tuple (a bare string is one item)."""
    if isinstance(values, str):
        return (values,)
    if not isinstance(values, Iterable):
        raise ValueError(f"{name}={values!r} must be a list")
    return tuple(values)


def partner_country(name: str, value: object, places: pd.DataFrame) -> str:
    """:func:`country_code` against the foreign countries present in a places table."""
    return country_code(name, value, places.loc[places["country"] != "VN", "country"])


def place_ids(name: str, values: object, known: Iterable[str]) -> tuple[str, ...]:
    """Place ids that exist in the gazetteer; an unknown id raises with its closest matches.

    Examples
    --------
    >>> place_ids("vn_places", ["vn-ha-noi"], ["vn-ha-noi", "vn-ha-nam"])
    ('vn-ha-noi',)
    >>> place_ids("vn_places", ["vn-hanoi"], ["vn-ha-noi", "vn-ha-nam"])
    Traceback (most recent call last):
    ...
    ValueError: vn_places: unknown place id 'vn-hanoi'; did you mean 'vn-ha-noi', 'vn-ha-nam'?
    """
    ids = _items(name, values)
    known_set = set(known)
    for place in ids:
        if place not in known_set:
            close = difflib.get_close_matches(str(place), sorted(known_set), n=3, cutoff=0.6)
            hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
            raise ValueError(f"{name}: unknown place id {place!r}{hint}")
    return ids


def members(name: str, values: object, allowed: Iterable[str]) -> tuple[str, ...]:
    """Every item of a list-valued argument is one of ``allowed`` (a bare string is one item).

    Examples
    --------
    >>> members("tie_types", ["twin"], ["twinning", "friendship"])
    Traceback (most recent call last):
    ...
    ValueError: tie_types: 'twin' is not allowed; choose from: 'twinning', 'friendship'
    """
    options = tuple(allowed)
    items = _items(name, values)
    for item in items:
        if item not in options:
            raise ValueError(f"{name}: {item!r} is not allowed; choose from: {', '.join(repr(o) for o in options)}")
    return items


def positive_int(name: str, value: object) -> int:
    """A positive integer (``bool`` is refused).

    Examples
    --------
    >>> positive_int("period", 0)
    Traceback (most recent call last):
    ...
    ValueError: period=0 must be a positive integer
    """
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(f"{name}={value!r} must be a positive integer")
    return value
