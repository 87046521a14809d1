"""Published findings, each with a declared query that counts the same thing in the dataset.

Every row of ``published_findings.csv`` carries in ``dataset_query`` a :class:`Query` in its text form saying
which ties it counts (types, parties, Korean- or Vietnamese-side counting, places) and what it counts (ties,
distinct partner places, distinct Vietnamese localities or provinces); the row's ``as_of`` gives the day.
:func:`compare` sets the published value beside the dataset's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, NamedTuple

import pandas as pd

from vnsister import checks
from vnsister.agencies import AGENCY_KINDS, signing_body
from vnsister.load import Dataset
from vnsister.network import council_or_agency, successor_map
from vnsister.purposes import VOCABULARY
from vnsister.timeline import BOUND_RULES, UNDATED, _on_day, tie_timeline

__all__ = ["Query", "compare", "count", "count_range", "finding_queries"]

Counting = Literal["ties", "partners", "pairs", "vn_places", "vn_provinces_2025"]
COUNTINGS = ("ties", "partners", "pairs", "vn_places", "vn_provinces_2025")
TIE_TYPES = ("twinning", "friendship", "cooperation", "other")
QUERY_FIELDS = ("counting", "vn_places", "partner_country", "partner_places", "tie_types", "parties", "agency_kinds",
                "korean_side", "purpose")  # the order of a query's text form


@dataclass(frozen=True)
class Query:
    """Which ties a finding counts, and how.

    Attributes
    ----------
    counting : what is counted: ``ties`` (agreements), ``partners`` (distinct foreign places), ``pairs``
        (distinct Vietnamese–foreign place pairs), ``vn_places`` (distinct Vietnamese parties) or
        ``vn_provinces_2025`` (distinct Vietnamese provinces on the post-2025 map).
    vn_places : the Vietnamese parties counted (empty: all), matched on the historical map.
    partner_country, partner_places : the foreign side (``partner_places`` also matches their sub-units).
    tie_types : types counted (empty: all). ``parties``: "government" keeps government-to-government ties only.
    agency_kinds : keep the ties whose Vietnamese party is an agency of these kinds (keys of
        :data:`vnsister.agencies.AGENCY_KINDS`, read from the agency's name); needs ``parties="any"``.
    korean_side : count from the Korean side: the Korean party must be a local government.
    purpose : keep ties with an event tagged with this purpose.

    A query's text form (``str(query)``, read back by :meth:`Query.parse`) is how ``published_findings.csv``
    stores it: ``field=value`` pairs separated by ``;``, tuples comma-separated, defaults left out.

    Examples
    --------
    >>> q = Query("partners", vn_places=("vn-da-nang", "vn-quang-nam"), partner_country="JP")
    >>> str(q)
    'counting=partners; vn_places=vn-da-nang,vn-quang-nam; partner_country=JP'
    >>> Query.parse(str(q)) == q
    True
    """

    counting: Counting
    vn_places: tuple[str, ...] = ()
    partner_country: str | None = None
    partner_places: tuple[str, ...] = ()
    tie_types: tuple[str, ...] = ()
    parties: Literal["government", "any"] = "government"
    agency_kinds: tuple[str, ...] = ()
    korean_side: bool = False
    purpose: str | None = None

    def __post_init__(self) -> None:
        checks.choice("counting", self.counting, COUNTINGS)
        checks.choice("parties", self.parties, ("government", "any"))
        checks.members("tie_types", self.tie_types, TIE_TYPES)
        checks.members("agency_kinds", self.agency_kinds, tuple(AGENCY_KINDS))
        if self.agency_kinds and self.parties == "government":
            raise ValueError("agency_kinds counts agencies' ties: it needs parties='any'")
        if self.purpose is not None:
            checks.choice("purpose", self.purpose, VOCABULARY)
        for name in ("vn_places", "partner_places", "tie_types", "agency_kinds"):
            if isinstance(getattr(self, name), str):
                raise ValueError(f"{name} must be a tuple, not a string: ({getattr(self, name)!r},)")

    @classmethod
    def parse(cls, text: str) -> Query:
        """Read a query from its text form, refusing unknown fields, repeats and values out of range.

        Examples
        --------
        >>> Query.parse("counting=ties; partner_country=KR; tie_types=twinning,friendship; korean_side=true")
        ... # doctest: +NORMALIZE_WHITESPACE
        Query(counting='ties', vn_places=(), partner_country='KR', partner_places=(),
              tie_types=('twinning', 'friendship'), parties='government', agency_kinds=(), korean_side=True,
              purpose=None)
        >>> Query.parse("counting=partners; country=KR")  # doctest: +ELLIPSIS
        Traceback (most recent call last):
        ...
        ValueError: query 'counting=partners; country=KR': unknown field 'country'; fields are counting, ...
        """
        if not isinstance(text, str) or not text.strip():
            raise ValueError(f"query {text!r} is empty; write it as 'counting=…; field=value; …'")
        values: dict[str, object] = {}
        for part in text.split(";"):
            key, sep, value = (piece.strip() for piece in part.partition("="))
            if not sep or key not in QUERY_FIELDS:
                problem = f"{part.strip()!r} is not field=value" if not sep else f"unknown field {key!r}"
                raise ValueError(f"query {text!r}: {problem}; fields are {', '.join(QUERY_FIELDS)}")
            if key in values or not value:
                raise ValueError(f"query {text!r}: {key} is {'given twice' if key in values else 'empty'}")
            values[key] = _field_value(key, value, text)
        if "counting" not in values:
            raise ValueError(f"query {text!r}: counting=… is required ({', '.join(COUNTINGS)})")
        return cls(**values)  # type: ignore[arg-type]  # the constructor checks every value

    def __str__(self) -> str:
        default = Query(self.counting)
        shown = [name for name in QUERY_FIELDS if name == "counting" or getattr(self, name) != getattr(default, name)]
        return "; ".join(f"{name}={_field_text(getattr(self, name))}" for name in shown)


def _field_text(value: object) -> str:
    if isinstance(value, tuple):
        return ",".join(value)
    return str(value).lower() if isinstance(value, bool) else str(value)


def _field_value(key: str, value: str, text: str) -> object:
    if key in ("vn_places", "partner_places", "tie_types", "agency_kinds"):
        return tuple(v.strip() for v in value.split(",") if v.strip())
    if key == "korean_side":
        if value not in ("true", "false"):
            raise ValueError(f"query {text!r}: korean_side must be true or false, not {value!r}")
        return value == "true"
    return value


def finding_queries(ds: Dataset) -> dict[str, Query]:
    """Each published finding's query, read from the ``dataset_query`` column of ``published_findings.csv``.

    Examples
    --------
    >>> str(finding_queries(load())["HCMC-KR-2023-12"])
    'counting=partners; vn_places=vn-ho-chi-minh; partner_country=KR'
    """
    queries = {}
    for finding_id, text in zip(ds.published_findings["finding_id"], ds.published_findings["dataset_query"],
                                strict=True):
        try:
            queries[str(finding_id)] = Query.parse(text)
        except ValueError as exc:
            raise ValueError(f"published finding {finding_id}: {exc}") from None
    return queries


def _check_places(ds: Dataset, query: Query) -> None:
    known = ds.places["place_id"]
    checks.place_ids("vn_places", query.vn_places, known)
    checks.place_ids("partner_places", query.partner_places, known)
    if query.partner_country is not None and query.partner_country not in set(ds.places["country"]):
        checks.partner_country("partner_country", query.partner_country, ds.places)


class _Frames(NamedTuple):
    """The named ties and their timeline, computed once for all the counts of a comparison."""

    ties: pd.DataFrame
    timeline: pd.DataFrame


def _frames(ds: Dataset) -> _Frames:
    return _Frames(ds.ties(), tie_timeline(ds))


def _select(ds: Dataset, query: Query, day: pd.Timestamp, undated: str, frames: _Frames) -> pd.DataFrame:
    ties = _on_day(frames.ties, frames.timeline, day, undated)
    if query.vn_places:
        ties = ties[ties["vn_place_id"].isin(query.vn_places)]
    if query.partner_country:
        ties = ties[ties["partner_country"] == query.partner_country]
    if query.partner_places:
        parent = ds.places.set_index("place_id")["parent_id"]
        inside = ties["partner_place_id"].isin(query.partner_places)
        if query.counting == "ties":  # a province's count includes its cities and counties
            inside |= ties["partner_place_id"].map(parent).isin(query.partner_places)
        ties = ties[inside]
    if query.tie_types:
        ties = ties[ties["tie_type"].astype("string").isin(query.tie_types)]
    if query.parties == "government":
        ties = ties[~council_or_agency(ties)]
    if query.agency_kinds:
        ties = ties[signing_body(ties).isin(query.agency_kinds).to_numpy(dtype=bool)]
    if query.korean_side:
        ties = ties[ties["partner_party"] == "government"]
    if query.purpose:
        events = ds.events[ds.events["purposes"].fillna("").str.split(";").map(lambda tags: query.purpose in tags)]
        ties = ties[ties["tie_id"].isin(events["tie_id"])]
    return ties


def count(ds: Dataset, query: Query, as_of: str, undated: str = "attested") -> int:
    """The dataset's figure for a query on a given day, undated ties treated as ``undated`` says.

    Examples
    --------
    >>> count(load(), Query("partners", vn_places=("vn-ho-chi-minh",)), "2012-05-31") <= 36
    True
    >>> count(load(), Query("partners", vn_places=("vn-hanoi",)), "2025")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: vn_places: unknown place id 'vn-hanoi'; did you mean 'vn-ha-noi', ...
    """
    if undated not in ("certain", "possible"):
        checks.choice("undated", undated, UNDATED)
    return _count(ds, query, _checked_day(ds, query, as_of), undated, _frames(ds))


def _checked_day(ds: Dataset, query: Query, as_of: str) -> pd.Timestamp:
    """The day ``as_of`` stands for, once ``query`` and ``as_of`` are checked (a clear error otherwise)."""
    if not isinstance(query, Query):
        raise ValueError(f"query must be a vnsister.findings.Query, not {type(query).__name__}")
    if as_of is None:
        raise ValueError("as_of is required: the day the published figure refers to (YYYY, YYYY-MM or YYYY-MM-DD)")
    day = checks.as_of_day("as_of", as_of)
    _check_places(ds, query)
    return day


def _count(ds: Dataset, query: Query, day: pd.Timestamp, undated: str, frames: _Frames) -> int:
    ties = _select(ds, query, day, undated, frames)
    if query.counting == "ties":
        return len(ties)
    if query.counting == "partners":
        return ties["partner_place_id"].nunique()
    if query.counting == "pairs":
        return len(ties[["vn_place_id", "partner_place_id"]].drop_duplicates())
    if query.counting == "vn_places":
        return ties["vn_place_id"].nunique()
    successors = successor_map(ds)
    provinces = ties["vn_province_id"].map(lambda p: successors.get(p, p))
    return provinces.nunique()


def count_range(ds: Dataset, query: Query, as_of: str) -> dict[str, int]:
    """The figure under the default rule with its bounds: ``lower`` counts only ties certainly in existence on
    ``as_of``; ``upper`` every tie that may have been (undated ties included).

    Examples
    --------
    >>> r = count_range(load(), Query("partners", vn_places=("vn-ho-chi-minh",)), "2012-05-31")
    >>> r["lower"] <= r["count"] <= r["upper"]
    True
    """
    return _count_range(ds, query, _checked_day(ds, query, as_of), _frames(ds))


def _count_range(ds: Dataset, query: Query, day: pd.Timestamp, frames: _Frames) -> dict[str, int]:
    return {bound: _count(ds, query, day, rule, frames) for bound, rule in BOUND_RULES.items()}


STATUSES = ("matches", "within bounds", "dataset below", "dataset above", "not comparable")


def _status(kind: str, published: float, low: int, value: int, high: int, tolerance: float) -> str:
    """Judge a published figure against the dataset's range (see :func:`compare`)."""
    if kind == "at_least":
        return "matches" if value >= published else "within bounds" if high >= published else "dataset below"
    if kind == "at_most":
        return "matches" if value <= published else "within bounds" if low <= published else "dataset above"
    if kind == "about":
        tolerance *= 2
    if published == 0:
        return "matches" if value == 0 else "within bounds" if low == 0 else "dataset above"
    if abs(value / published - 1) <= tolerance:
        return "matches"
    if low * (1 - tolerance) <= published <= high * (1 + tolerance):
        return "within bounds"
    return "dataset below" if high < published else "dataset above"


def compare(ds: Dataset, tolerance: float = 0.05, queries: Mapping[str, Query] | None = None) -> pd.DataFrame:
    """Published value beside the dataset's figure counted the same way, with the dataset's bounds.

    ``dataset`` follows the default time rule (undated ties count from their earliest dated evidence
    or page-order bound, ``attested_by``);
    ``dataset_lower`` counts only ties certainly in existence on ``as_of``, ``dataset_upper`` every tie that may
    have been (undated ties on every date). ``value_kind`` says how the published figure bounds the truth, and
    ``explanation`` (from ``published_findings.csv``) why the two figures differ.
    Status: ``matches`` (the dataset's figure within ``tolerance``, twice that for ``about``; at or above an
    ``at_least`` figure), ``within bounds`` (the published figure lies between the bounds, but the default count
    does not match), ``dataset below`` / ``dataset above`` (outside the bounds), ``not comparable`` (no query).
    ``queries`` maps finding ids to their :class:`Query` (default: each row's ``dataset_query``).

    Examples
    --------
    >>> table = compare(load())
    >>> set(table["status"]) <= set(STATUSES)
    True
    >>> bool((table["dataset_lower"] <= table["dataset_upper"]).all())
    True
    """
    if not isinstance(tolerance, int | float) or isinstance(tolerance, bool) or not 0 <= tolerance < 1:
        raise ValueError(f"tolerance={tolerance!r} must be a number in [0, 1)")
    queries = finding_queries(ds) if queries is None else queries
    frames = _frames(ds)  # the time rule once, not three times per finding
    rows = []
    for finding in ds.published_findings.itertuples(index=False):
        as_of = finding.as_of.date().isoformat()
        query = queries.get(finding.finding_id)
        kind = str(finding.value_kind)
        row = {"finding_id": finding.finding_id, "scope": finding.scope, "metric": finding.metric, "as_of": as_of,
               "published": finding.value, "value_kind": kind, "dataset": None, "dataset_lower": None,
               "dataset_upper": None, "ratio": None, "status": "not comparable",
               "explanation": "" if pd.isna(finding.explanation) else str(finding.explanation)}
        if query:
            found = _count_range(ds, query, _checked_day(ds, query, as_of), frames)
            row |= {"dataset": found["count"], "dataset_lower": found["lower"], "dataset_upper": found["upper"],
                    "ratio": round(found["count"] / finding.value, 2) if finding.value else None,
                    "status": _status(kind, finding.value, found["lower"], found["count"], found["upper"], tolerance)}
        rows.append(row)
    return pd.DataFrame(rows)


def compare_markdown(ds: Dataset) -> str:
    """The compare table as Markdown, then why each figure that does not match differs (shown in the README; a test
    keeps it current)."""
    lines = ["| finding | as of | published | dataset (bounds) | ratio | status |", "|---|---|---|---|---|---|"]
    marks = {"exact": "", "at_least": "≥ ", "at_most": "≤ ", "about": "≈ "}
    table = compare(ds)
    for row in table.itertuples(index=False):
        ratio = "" if row.ratio is None or pd.isna(row.ratio) else f"{row.ratio:.2f}"
        shown = "" if row.dataset is None or pd.isna(row.dataset) else (
            f"{row.dataset:g} ({row.dataset_lower:g}–{row.dataset_upper:g})")
        lines.append(f"| {row.finding_id} | {row.as_of} | {marks[row.value_kind]}{row.published:g} | {shown} | {ratio} "
                     f"| {row.status} |")
    differing = table[table["status"] != "matches"]
    lines += ["", f"<details><summary>Why the figures differ (findings that do not match: {len(differing)})</summary>", ""]
    lines += [f"- **{row.finding_id}** ({row.status}): {row.explanation}" for row in differing.itertuples(index=False)]
    return "\n".join([*lines, "", "</details>"])
