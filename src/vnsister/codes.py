"""Codes: countries (ISO 3166-1 alpha-2), subdivisions (ISO 3166-2), place-id prefixes and languages (BCP 47).

The patterns in ``schemas/*.json`` check the shape of a code; this module checks that it exists and agrees with
the row: ``XX`` has the shape of a country code but is none, ``KR-11`` on a Japanese place names another
country, ``vn`` is a country code, not a language (Vietnamese is ``vi``). Code lists come from pycountry (ISO
3166, ISO 639) and langcodes (the IANA language subtag registry); both ship their data, nothing is downloaded.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["country_problem", "language_problem", "place_id_problem", "subdivision_problem"]


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    import pycountry

    return frozenset(c.alpha_2 for c in pycountry.countries)


def country_problem(code: str) -> str | None:
    """A message if ``code`` is not an ISO 3166-1 alpha-2 country code.

    Examples
    --------
    >>> country_problem("KR") is None
    True
    >>> country_problem("XX")
    "'XX' is not an ISO 3166-1 alpha-2 country code"
    """
    return None if code in _countries() else f"{code!r} is not an ISO 3166-1 alpha-2 country code"


def subdivision_problem(code: str, country: str) -> str | None:
    """A message if an ISO 3166-2 code belongs to another country than the place's.

    Examples
    --------
    >>> subdivision_problem("KR-11", "KR") is None
    True
    >>> subdivision_problem("KR-11", "JP")
    'ISO 3166-2 code KR-11 belongs to KR, but the place is in JP'
    """
    prefix = code.split("-", 1)[0]
    return None if prefix == country else f"ISO 3166-2 code {code} belongs to {prefix}, but the place is in {country}"


def place_id_problem(place_id: str, country: str) -> str | None:
    """A message if a place id's prefix contradicts the place's country (ids start ``<iso2 in lower case>-``).

    Examples
    --------
    >>> place_id_problem("kr-suwon", "KR") is None
    True
    >>> place_id_problem("jp-suwon", "KR")
    "place id prefix 'jp-' contradicts country KR (expected 'kr-')"
    """
    expected = f"{country.lower()}-"
    if place_id.startswith(expected):
        return None
    return f"place id prefix {place_id.split('-', 1)[0] + '-'!r} contradicts country {country} (expected {expected!r})"


def language_problem(tag: str) -> str | None:
    """A message if ``tag`` is not a valid BCP 47 language tag (ISO 639 language, optional script/region).

    Examples
    --------
    >>> language_problem("vi") is None, language_problem("zh-Hant") is None
    (True, True)
    >>> language_problem("vn")
    "'vn' is not a BCP 47 / ISO 639 language tag (Vietnamese is 'vi')"
    """
    import langcodes

    if langcodes.tag_is_valid(tag) and tag.split("-")[0].isalpha() and tag.split("-")[0].islower():
        return None
    hint = " (Vietnamese is 'vi')" if tag.lower() == "vn" else ""
    return f"{tag!r} is not a BCP 47 / ISO 639 language tag{hint}"
